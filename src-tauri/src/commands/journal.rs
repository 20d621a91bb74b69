//! The typing journal: what the window typed but has not yet written to the record (an edit
//! waiting for its pause in typing, the text of a new innspill, an add under way), kept in a
//! file beside the record so that it survives the app being killed.
//!
//! WebKit's localStorage is not enough for this: it reaches the disk about a second after a
//! change, so a kill -9 within that second loses it (measured by the end-to-end kill test).
//! Here every change is in the file before `journal_write` returns: the new journal is written
//! to a temporary file and renamed over the old one, so the file is always the journal before
//! a change or after it, never a torn mix, and a killed process loses nothing it was told
//! (the kernel has the data). Syncing it to the disk, for a power cut, is done by a thread of
//! its own right after each change, not before the answer: a sync can take a tenth of a second
//! on a busy disk, and typing must not wait for it (the end-to-end test lost the last keys of
//! an innspill that way while a build ran beside it). A journal a power cut left damaged is
//! set aside (`.unsaved.damaged`) and a new one begun; the record itself is not affected.
//!
//! The window owns the meaning of the entries (JSON values under string keys); this side only
//! keeps them. The file is `<record file name>.unsaved` (e.g. `quorum.db.unsaved`), never a
//! name SQLite uses (`-journal`, `-wal`, `-shm`). Nothing is journalled while an archive is
//! open read-only.

use crate::error::{ErrorKind, UiError, UiResult};
use crate::state::DeskState;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, OnceLock};
use tauri::State;

/// One change: `value` null removes the entry.
#[derive(Debug, Clone, Deserialize)]
pub struct JournalChange {
    pub key: String,
    pub value: Option<Value>,
}

/// Writers take turns: each reads the file, applies its changes and replaces it.
static WRITING: Mutex<()> = Mutex::new(());

/// The journal of the record at `record`.
pub fn journal_path(record: &Path) -> PathBuf {
    quorum_record::paths::journal_path(record)
}

/// The entries in the journal at `path` (none when there is no file). A journal that is not
/// JSON (a power cut before it was synced) is renamed to `<name>.damaged` and none are
/// returned, so that typing can be journalled again.
pub fn read(path: &Path) -> io::Result<Map<String, Value>> {
    match fs::read(path) {
        Ok(bytes) => match serde_json::from_slice(&bytes) {
            Ok(entries) => Ok(entries),
            Err(_) => {
                let mut aside = path.file_name().unwrap_or_default().to_os_string();
                aside.push(".damaged");
                fs::rename(path, path.with_file_name(aside))?;
                Ok(Map::new())
            }
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Map::new()),
        Err(e) => Err(e),
    }
}

/// Applies `changes` in order; the file has them when this returns (an empty journal is no
/// file), and the sync thread is asked to put them on the disk.
pub fn apply(path: &Path, changes: Vec<JournalChange>) -> io::Result<()> {
    let _turn = WRITING.lock().unwrap_or_else(|p| p.into_inner());
    let mut entries = read(path)?;
    for c in changes {
        match c.value {
            Some(v) => entries.insert(c.key, v),
            None => entries.remove(&c.key),
        };
    }
    if entries.is_empty() {
        match fs::remove_file(path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        }
    } else {
        let mut tmp_name = path.file_name().unwrap_or_default().to_os_string();
        tmp_name.push(".tmp");
        let tmp = path.with_file_name(tmp_name);
        let mut f = File::create(&tmp)?;
        f.write_all(&serde_json::to_vec(&entries)?)?;
        drop(f);
        fs::rename(&tmp, path)?;
    }
    request_sync(path);
    Ok(())
}

/// Puts the journal at `path` (or its removal) on the disk.
pub fn sync(path: &Path) -> io::Result<()> {
    match File::open(path) {
        Ok(f) => f.sync_all()?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    sync_folder(path)
}

/// The journal waiting for the sync thread (changes made meanwhile are synced together).
static TO_SYNC: Mutex<Option<PathBuf>> = Mutex::new(None);
static SYNC_WAKE: Condvar = Condvar::new();
static SYNC_THREAD: OnceLock<()> = OnceLock::new();

fn request_sync(path: &Path) {
    SYNC_THREAD.get_or_init(|| {
        let spawned = std::thread::Builder::new()
            .name("journal-sync".into())
            .spawn(|| loop {
                let mut next = TO_SYNC.lock().unwrap_or_else(|p| p.into_inner());
                while next.is_none() {
                    next = SYNC_WAKE.wait(next).unwrap_or_else(|p| p.into_inner());
                }
                let path = next.take().expect("woken with a path");
                drop(next);
                if let Err(e) = sync(&path) {
                    eprintln!("quorum-desk: syncing {}: {e}", path.display());
                }
            });
        if let Err(e) = spawned {
            eprintln!("quorum-desk: no journal sync thread: {e}");
        }
    });
    *TO_SYNC.lock().unwrap_or_else(|p| p.into_inner()) = Some(path.to_path_buf());
    SYNC_WAKE.notify_one();
}

/// The rename (or removal) itself is durable only once the folder is synced.
fn sync_folder(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

fn failed(state: &DeskState, e: io::Error) -> UiError {
    let path = journal_path(&state.db_path);
    UiError::plain(
        ErrorKind::File,
        state.lang().pick(
            &format!("Kunne ikke sikre det som skrives i {}: {e}", path.display()),
            &format!(
                "Could not keep what is typed safe in {}: {e}",
                path.display()
            ),
        ),
    )
}

/// A member's archive is read-only: nothing typed there is journalled.
fn archive_open(state: &DeskState) -> bool {
    state.archive.lock().map(|a| a.is_some()).unwrap_or(true)
}

/// Writes changes to the journal; returns once the file has them (the sync to the disk
/// follows on its own thread). Off the main thread, so the window never waits on the disk.
#[tauri::command]
pub async fn journal_write(
    state: State<'_, DeskState>,
    changes: Vec<JournalChange>,
) -> UiResult<()> {
    if archive_open(&state) {
        return Ok(());
    }
    let path = journal_path(&state.db_path);
    let done = tauri::async_runtime::spawn_blocking(move || apply(&path, changes)).await;
    match done {
        Ok(result) => result.map_err(|e| failed(&state, e)),
        Err(e) => Err(failed(&state, io::Error::other(e.to_string()))),
    }
}

/// Everything in the journal (what an earlier session left unsaved).
#[tauri::command]
pub fn journal_read(state: State<'_, DeskState>) -> UiResult<Map<String, Value>> {
    if archive_open(&state) {
        return Ok(Map::new());
    }
    read(&journal_path(&state.db_path)).map_err(|e| failed(&state, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn change(key: &str, value: Option<Value>) -> JournalChange {
        JournalChange {
            key: key.into(),
            value,
        }
    }

    #[test]
    fn the_journal_lives_beside_the_record_under_a_name_sqlite_does_not_use() {
        let p = journal_path(Path::new("/data/møter/quorum.db"));
        assert_eq!(p, Path::new("/data/møter/quorum.db.unsaved"));
    }

    #[test]
    fn changes_apply_in_order_and_an_empty_journal_is_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = journal_path(&dir.path().join("r.quorum"));
        assert!(read(&path).unwrap().is_empty());
        apply(
            &path,
            vec![
                change("a", Some(json!("A"))),
                change("b", Some(json!({"text": "B"}))),
                change("a", Some(json!("A2"))),
            ],
        )
        .unwrap();
        let got = read(&path).unwrap();
        assert_eq!(got.get("a"), Some(&json!("A2")));
        assert_eq!(got.get("b"), Some(&json!({"text": "B"})));
        apply(&path, vec![change("a", None)]).unwrap();
        assert_eq!(read(&path).unwrap().len(), 1);
        apply(&path, vec![change("b", None)]).unwrap();
        assert!(!path.exists(), "an empty journal leaves no file");
        assert!(
            fs::read_dir(dir.path()).unwrap().next().is_none(),
            "no temporary file is left behind"
        );
    }

    #[test]
    fn a_damaged_journal_is_set_aside_and_a_new_one_begun() {
        let dir = tempfile::tempdir().unwrap();
        let path = journal_path(&dir.path().join("r.quorum"));
        fs::write(&path, b"{\"a\": \"tru").unwrap();
        assert!(read(&path).unwrap().is_empty());
        assert_eq!(
            fs::read(dir.path().join("r.quorum.unsaved.damaged")).unwrap(),
            b"{\"a\": \"tru",
            "kept as it was, beside"
        );
        apply(&path, vec![change("b", Some(json!(1)))]).unwrap();
        assert_eq!(read(&path).unwrap().get("b"), Some(&json!(1)));
    }

    #[test]
    fn a_synced_journal_is_the_written_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = journal_path(&dir.path().join("r.quorum"));
        apply(&path, vec![change("a", Some(json!("A")))]).unwrap();
        sync(&path).unwrap();
        assert_eq!(read(&path).unwrap().get("a"), Some(&json!("A")));
        apply(&path, vec![change("a", None)]).unwrap();
        sync(&path).unwrap();
        assert!(!path.exists());
    }
}
