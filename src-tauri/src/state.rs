//! The state every command shares: the open record (or a read-only archive), the language of
//! messages and where exports go.

use crate::error::{ErrorKind, ToUi, UiError, UiResult};
use quorum_record::{Lang, Store};
use std::path::PathBuf;
use std::sync::Mutex;

pub struct DeskState {
    /// The record file this window works on (`--db`, `QUORUM_DB` or the default).
    pub db_path: PathBuf,
    /// Where exported documents are written (`QUORUM_EXPORT_DIR`, else ~/Documents/Quorum).
    pub export_dir: PathBuf,
    pub store: Mutex<Store>,
    /// The archive file when a member opened one read-only; None for the user's own record.
    pub archive: Mutex<Option<PathBuf>>,
    pub lang: Mutex<Lang>,
}

impl DeskState {
    /// Opens the record at `db_path`; an empty record gets the demo the first time, so a new
    /// user meets a living council.
    pub fn open(db_path: PathBuf, export_dir: PathBuf) -> quorum_record::Result<DeskState> {
        let store = Store::open(&db_path)?;
        if store.is_empty()? && std::env::var_os("QUORUM_NO_DEMO").is_none() {
            store.load_demo()?;
        }
        Ok(DeskState {
            db_path,
            export_dir,
            store: Mutex::new(store),
            archive: Mutex::new(None),
            lang: Mutex::new(Lang::Nb),
        })
    }

    pub fn lang(&self) -> Lang {
        *self.lang.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `f` on the open record, turning core errors into the window's form.
    pub fn with<T, E: ToUi>(&self, f: impl FnOnce(&Store) -> Result<T, E>) -> UiResult<T> {
        let lang = self.lang();
        let store = self
            .store
            .lock()
            .map_err(|_| UiError::plain(ErrorKind::Internal, "store lock poisoned"))?;
        f(&store).map_err(|e| e.to_ui(lang))
    }

    /// The file the open record lives in (the archive's, when one is open).
    pub fn current_path(&self) -> PathBuf {
        self.archive
            .lock()
            .ok()
            .and_then(|a| a.clone())
            .unwrap_or_else(|| self.db_path.clone())
    }
}

/// `QUORUM_EXPORT_DIR`, else `Quorum` in the user's documents folder (or home).
pub fn default_export_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("QUORUM_EXPORT_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    let dirs = directories::UserDirs::new();
    let base = dirs
        .as_ref()
        .and_then(|d| d.document_dir().map(PathBuf::from))
        .or_else(|| dirs.as_ref().map(|d| d.home_dir().to_path_buf()))
        .unwrap_or_else(std::env::temp_dir);
    base.join("Quorum")
}
