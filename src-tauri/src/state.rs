//! The state every command shares: the open record (or a read-only archive), the language of
//! messages and where exports go; or, when the record could not be opened at start, why not.

use crate::error::{ErrorKind, ToUi, UiError, UiResult};
use quorum_record::{Lang, Store};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use ts_rs::TS;

pub struct DeskState {
    /// The record file this window works on (`--db`, `QUORUM_DB` or the default).
    pub db_path: PathBuf,
    /// Where exported documents are written (`QUORUM_EXPORT_DIR`, else ~/Documents/Quorum).
    pub export_dir: PathBuf,
    /// The open record; None while it could not be opened (see `problem`) and during a restore.
    pub store: Mutex<Option<Store>>,
    /// Why the record could not be opened at start: the window shows the recovery screen.
    pub problem: Mutex<Option<StartProblem>>,
    /// The archive file when a member opened one read-only; None for the user's own record.
    pub archive: Mutex<Option<PathBuf>>,
    pub lang: Mutex<Lang>,
}

/// What kind of trouble the record file is in, as the recovery screen explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "OpenProblemKind.ts")]
pub enum OpenProblemKind {
    /// Not a SQLite file, or a damaged one: a backup can replace it.
    Damaged,
    /// Written by a newer Quorum: updating Quorum opens it; an older backup can replace it.
    Newer,
    /// The path is a folder: the right file must be given; nothing to restore over.
    Folder,
    /// Anything else (permissions, a missing folder, a lock held elsewhere).
    Other,
}

/// Why the record could not be opened at start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export_to = "OpenProblem.ts")]
pub struct OpenProblem {
    pub kind: OpenProblemKind,
    /// The record file.
    pub path: String,
    /// The core's message in the window's language.
    pub message: String,
}

/// Why the record could not be opened, kept in both languages (the error itself is gone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartProblem {
    pub kind: OpenProblemKind,
    pub path: String,
    nb: String,
    en: String,
}

impl StartProblem {
    pub fn new(path: &Path, e: &quorum_record::Error) -> StartProblem {
        use quorum_record::Error as E;
        let kind = match e {
            E::Folder { .. } => OpenProblemKind::Folder,
            E::NewerSchema { .. } => OpenProblemKind::Newer,
            e if e.is_unreadable_file() => OpenProblemKind::Damaged,
            _ => OpenProblemKind::Other,
        };
        StartProblem {
            kind,
            path: path.display().to_string(),
            nb: e.message(Lang::Nb),
            en: e.message(Lang::En),
        }
    }

    pub fn shown(&self, lang: Lang) -> OpenProblem {
        OpenProblem {
            kind: self.kind,
            path: self.path.clone(),
            message: lang.pick(&self.nb, &self.en).to_string(),
        }
    }

    /// Whether restoring a backup over the file is a way out (not over a folder, and not when
    /// the trouble is elsewhere, such as permissions).
    pub fn restorable(&self) -> bool {
        matches!(self.kind, OpenProblemKind::Damaged | OpenProblemKind::Newer)
    }
}

/// Opens the record at `db_path` as the window does: an empty record gets the demo the first
/// time, so a new user meets a living council.
pub fn open_record(db_path: &Path) -> quorum_record::Result<Store> {
    let store = Store::open(db_path)?;
    if store.is_empty()? && std::env::var_os("QUORUM_NO_DEMO").is_none() {
        store.load_demo()?;
    }
    Ok(store)
}

fn poisoned() -> UiError {
    UiError::plain(ErrorKind::Internal, "state lock poisoned")
}

impl DeskState {
    /// Opens the record at `db_path` (see [`open_record`]); an error if it cannot be opened.
    pub fn open(db_path: PathBuf, export_dir: PathBuf) -> quorum_record::Result<DeskState> {
        let store = open_record(&db_path)?;
        Ok(DeskState::with_store(
            db_path,
            export_dir,
            Some(store),
            None,
        ))
    }

    /// Opens the record at `db_path`, or, when it cannot be opened, a state that says why, so
    /// that the window can show the recovery screen instead of failing. The file is not
    /// touched in that case.
    pub fn open_or_recover(db_path: PathBuf, export_dir: PathBuf) -> DeskState {
        match open_record(&db_path) {
            Ok(store) => DeskState::with_store(db_path, export_dir, Some(store), None),
            Err(e) => {
                let problem = StartProblem::new(&db_path, &e);
                DeskState::with_store(db_path, export_dir, None, Some(problem))
            }
        }
    }

    fn with_store(
        db_path: PathBuf,
        export_dir: PathBuf,
        store: Option<Store>,
        problem: Option<StartProblem>,
    ) -> DeskState {
        DeskState {
            db_path,
            export_dir,
            store: Mutex::new(store),
            problem: Mutex::new(problem),
            archive: Mutex::new(None),
            lang: Mutex::new(Lang::Nb),
        }
    }

    pub fn lang(&self) -> Lang {
        *self.lang.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Why the record could not be opened, with the message in the window's language.
    pub fn problem(&self) -> Option<OpenProblem> {
        let lang = self.lang();
        self.problem.lock().ok()?.as_ref().map(|p| p.shown(lang))
    }

    /// Runs `f` on the open record, turning core errors into the window's form.
    pub fn with<T, E: ToUi>(&self, f: impl FnOnce(&Store) -> Result<T, E>) -> UiResult<T> {
        let lang = self.lang();
        let store = self.store.lock().map_err(|_| poisoned())?;
        match store.as_ref() {
            Some(s) => f(s).map_err(|e| e.to_ui(lang)),
            None => Err(UiError::plain(
                ErrorKind::File,
                lang.pick(
                    "Registeret er ikke åpnet. Gjenopprett en sikkerhetskopi eller avslutt Quorum.",
                    "The record is not open. Restore a backup or quit Quorum.",
                ),
            )),
        }
    }

    /// Puts `store` in place of the open one (an archive, or the own record again).
    pub fn replace_store(&self, store: Store) -> UiResult<()> {
        *self.store.lock().map_err(|_| poisoned())? = Some(store);
        Ok(())
    }

    /// The file the open record lives in (the archive's, when one is open).
    pub fn current_path(&self) -> PathBuf {
        self.archive
            .lock()
            .ok()
            .and_then(|a| a.clone())
            .unwrap_or_else(|| self.db_path.clone())
    }

    pub fn archive_open(&self) -> bool {
        self.archive.lock().map(|a| a.is_some()).unwrap_or(false)
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
