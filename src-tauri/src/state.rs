//! The state every command shares: the open record (or a read-only archive), the language of
//! messages and where exports go; or, when the record could not be opened at start, why not.

use crate::error::{ErrorKind, ToUi, UiError, UiResult};
use quorum_record::backup::{self, BackupPolicy};
use quorum_record::{Lang, Store};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
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
    /// The day's and the week's backups, taken on a thread of their own once the record is
    /// open (see [`DeskState::start_scheduled_backups`]).
    pub scheduled: Arc<ScheduledBackups>,
}

/// The day's and the week's automatic backups of the own record, taken in the background on a
/// connection of their own (`quorum_record::backup::scheduled_at`), so that the window does not
/// wait for two copies of the record and its writes go on meanwhile. What the last run found
/// wrong is kept for the backups screen.
#[derive(Default)]
pub struct ScheduledBackups {
    status: Mutex<Scheduled>,
    changed: Condvar,
    /// Held by a run for its whole copy, and by a restore: a restore waits for a run under way,
    /// and a run started meanwhile waits for the restore.
    exclusive: Mutex<()>,
    /// Told when a run ends (the window: an event, so the backups screen reads the list again).
    notify: Mutex<Option<Arc<dyn Fn() + Send + Sync>>>,
}

#[derive(Default)]
struct Scheduled {
    /// The record had data when it was opened: the day's backups are due (an empty record,
    /// or the demo just put into one, is not backed up).
    due: bool,
    running: bool,
    /// Why the last run failed (the failed copy is removed; the record itself is fine).
    problem: Option<quorum_record::Error>,
}

impl ScheduledBackups {
    fn status(&self) -> MutexGuard<'_, Scheduled> {
        self.status.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// What is told when a run ends.
    pub fn set_notify(&self, f: impl Fn() + Send + Sync + 'static) {
        *self.notify.lock().unwrap_or_else(|p| p.into_inner()) = Some(Arc::new(f));
    }

    fn set_due(&self, due: bool) {
        self.status().due = due;
    }

    /// Starts a run on a thread of its own for the record at `record`, if one is due and none
    /// is under way.
    pub fn start(self: &Arc<Self>, record: PathBuf) {
        {
            let mut status = self.status();
            if !status.due || status.running {
                return;
            }
            status.running = true;
        }
        let this = Arc::clone(self);
        let spawned = std::thread::Builder::new()
            .name("scheduled-backups".into())
            .spawn(move || {
                let result = {
                    let _exclusive = this.exclusive.lock().unwrap_or_else(|p| p.into_inner());
                    backup::scheduled_at(&record, &BackupPolicy::default(), backup::local_now())
                };
                {
                    let mut status = this.status();
                    status.running = false;
                    status.due = false;
                    status.problem = result.err();
                }
                this.changed.notify_all();
                let notify = this.notify.lock().ok().and_then(|n| n.clone());
                if let Some(notify) = notify {
                    notify();
                }
            });
        if spawned.is_err() {
            self.status().running = false;
        }
    }

    /// Whether a run is under way.
    pub fn running(&self) -> bool {
        self.status().running
    }

    /// Why the last run failed, in `lang`.
    pub fn problem(&self, lang: Lang) -> Option<String> {
        self.status().problem.as_ref().map(|e| e.message(lang))
    }

    /// Waits until no run is under way.
    pub fn wait(&self) {
        let mut status = self.status();
        while status.running {
            status = self.changed.wait(status).unwrap_or_else(|p| p.into_inner());
        }
    }

    /// Waits for a run under way to end and keeps another from copying until the guard is
    /// dropped (a restore replaces the file a run reads).
    pub fn hold(&self) -> MutexGuard<'_, ()> {
        self.exclusive.lock().unwrap_or_else(|p| p.into_inner())
    }
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

/// Opens the own record at `db_path` as the window does: upgraded (after the backup before an
/// upgrade), but without the day's and the week's backups, which follow in the background
/// ([`ScheduledBackups`]). Also whether they are due: the record holds data.
pub fn open_own(db_path: &Path) -> quorum_record::Result<(Store, bool)> {
    let store = backup::open_unscheduled(db_path, backup::local_now())?;
    let due = !store.is_empty()?;
    Ok((store, due))
}

/// Opens the record at `db_path` as the window does ([`open_own`]): an empty record gets the
/// demo the first time, so a new user meets a living council.
pub fn open_record(db_path: &Path) -> quorum_record::Result<(Store, bool)> {
    let (store, due) = open_own(db_path)?;
    if !due && std::env::var_os("QUORUM_NO_DEMO").is_none() {
        // The demo with its signed minutes (the signing copy is a PDF, made by the documents).
        match quorum_documents::load_demo(&store) {
            Ok(()) => {}
            Err(quorum_documents::Error::Record(e)) => return Err(e),
            // The record is whole without the signatures; the window still opens.
            Err(e) => eprintln!("quorum-desk: the demo's minutes were not signed: {e}"),
        }
    }
    Ok((store, due))
}

fn poisoned() -> UiError {
    UiError::plain(ErrorKind::Internal, "state lock poisoned")
}

impl DeskState {
    /// Opens the record at `db_path` (see [`open_record`]); an error if it cannot be opened.
    pub fn open(db_path: PathBuf, export_dir: PathBuf) -> quorum_record::Result<DeskState> {
        let (store, due) = open_record(&db_path)?;
        let state = DeskState::with_store(db_path, export_dir, Some(store), None);
        state.scheduled.set_due(due);
        Ok(state)
    }

    /// Opens the record at `db_path`, or, when it cannot be opened, a state that says why, so
    /// that the window can show the recovery screen instead of failing. The file is not
    /// touched in that case.
    pub fn open_or_recover(db_path: PathBuf, export_dir: PathBuf) -> DeskState {
        match open_record(&db_path) {
            Ok((store, due)) => {
                let state = DeskState::with_store(db_path, export_dir, Some(store), None);
                state.scheduled.set_due(due);
                state
            }
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
            scheduled: Arc::default(),
        }
    }

    /// Takes the day's and the week's backups of the own record in the background, if they are
    /// due (the record had data when it was opened) and no run is under way.
    pub fn start_scheduled_backups(&self) {
        self.scheduled.start(self.db_path.clone());
    }

    /// Marks the day's backups as due again (the own record was opened anew with data).
    pub fn scheduled_due(&self, due: bool) {
        self.scheduled.set_due(due);
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
