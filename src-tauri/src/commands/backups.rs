//! Backups of the own record in the window ("Sikkerhetskopier"): the list with each backup
//! checked, a backup taken now, a restore; and what the recovery screen needs when the record
//! could not be opened at start. The backups themselves are `quorum_record::backup`'s.

use crate::commands::app::AppInfo;
use crate::error::{ErrorKind, ToUi, UiError, UiResult};
use crate::state::{open_record, DeskState, OpenProblem, StartProblem};
use quorum_record::backup;
use quorum_record::error::BackupProblem;
use quorum_record::Error;
use serde::Serialize;
use std::path::Path;
use tauri::State;
use ts_rs::TS;

/// Why a backup was taken (the record's `BackupKind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "BackupKind.ts")]
pub enum BackupKind {
    Daily,
    Weekly,
    BeforeUpgrade,
    BeforeRestore,
    Manual,
}

impl From<backup::BackupKind> for BackupKind {
    fn from(k: backup::BackupKind) -> Self {
        match k {
            backup::BackupKind::Daily => BackupKind::Daily,
            backup::BackupKind::Weekly => BackupKind::Weekly,
            backup::BackupKind::BeforeUpgrade => BackupKind::BeforeUpgrade,
            backup::BackupKind::BeforeRestore => BackupKind::BeforeRestore,
            backup::BackupKind::Manual => BackupKind::Manual,
        }
    }
}

/// One backup file as the window lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export_to = "BackupInfo.ts")]
pub struct BackupInfo {
    pub path: String,
    pub file_name: String,
    pub kind: BackupKind,
    /// When the file was written, local time "YYYY-MM-DDTHH:MM:SS" (midnight of the day in its
    /// name if the file system keeps no time).
    pub taken: String,
    /// Size in bytes.
    #[ts(type = "number")]
    pub size: u64,
    /// It passed `PRAGMA integrity_check` and is a record this version can open, just now.
    pub verified: bool,
    /// Why it cannot be restored, when it is not verified.
    pub problem: Option<String>,
}

/// The backups of the own record, newest first, and the folder they are in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export_to = "BackupList.ts")]
pub struct BackupList {
    pub folder: String,
    pub backups: Vec<BackupInfo>,
    /// Why the automatic backup taken when the record was opened failed, if it did (the
    /// record itself is fine).
    pub automatic_problem: Option<String>,
    /// The day's and the week's automatic backups are being taken just now (in the background,
    /// after the record was opened); a `scheduled-backups` event tells when they are done.
    pub automatic_running: bool,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export_to = "RestoreResult.ts")]
pub struct RestoreResult {
    /// The backup now in the record file.
    pub from: String,
    /// The record as it was before, kept as a backup.
    pub kept: Option<String>,
    /// The application with the restored record open.
    pub info: AppInfo,
}

fn taken_at(b: &backup::Backup) -> String {
    std::fs::metadata(&b.path)
        .and_then(|m| m.modified())
        .map(|t| chrono::DateTime::<chrono::Local>::from(t).naive_local())
        .unwrap_or_else(|_| b.date.and_hms_opt(0, 0, 0).unwrap_or_default())
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string()
}

fn info(b: &backup::Backup, lang: quorum_record::Lang) -> BackupInfo {
    let problem = backup::verify(&b.path).err().map(|e| e.message(lang));
    BackupInfo {
        path: b.path.display().to_string(),
        file_name: b
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        kind: b.kind.into(),
        taken: taken_at(b),
        size: b.size,
        verified: problem.is_none(),
        problem,
    }
}

/// The own record's backups, each checked now; newest first by the time it was written (the
/// name carries the day only for daily and weekly ones).
pub fn backups_of(record: &Path, lang: quorum_record::Lang) -> UiResult<BackupList> {
    let found = backup::list(record).map_err(|e| e.to_ui(lang))?;
    let mut backups: Vec<BackupInfo> = found.iter().map(|b| info(b, lang)).collect();
    backups.sort_by(|a, b| b.taken.cmp(&a.taken));
    Ok(BackupList {
        folder: backup::backup_dir(record).display().to_string(),
        backups,
        automatic_problem: None,
        automatic_running: false,
    })
}

/// Backups are of the own record: not while an archive is open in its place.
fn refuse_archive(state: &DeskState) -> UiResult<()> {
    if state.archive_open() {
        return Err(Error::ReadOnly.to_ui(state.lang()));
    }
    Ok(())
}

/// The backups of the own record (also while it could not be opened).
#[tauri::command(async)]
pub fn list_backups(state: State<'_, DeskState>) -> UiResult<BackupList> {
    let lang = state.lang();
    // Read before the folder: a run that ends meanwhile is then at worst told as running, and
    // its event brings the list again.
    let running = state.scheduled.running();
    let mut list = backups_of(&state.db_path, lang)?;
    list.automatic_running = running;
    list.automatic_problem = if running {
        None
    } else {
        state.scheduled.problem(lang)
    };
    Ok(list)
}

/// A verified backup of the open record into its backups folder, now.
#[tauri::command(async)]
pub fn make_backup(state: State<'_, DeskState>) -> UiResult<BackupInfo> {
    refuse_archive(&state)?;
    let made = state.with(|s| s.backup(backup::local_now()))?;
    Ok(info(&made, state.lang()))
}

/// Replaces the own record by one of its backups (see `quorum_record::backup::restore`: the
/// backup is checked, the current record kept as a backup first, the file replaced in one
/// rename) and opens it. Only a file the backups folder lists is accepted. On failure the
/// record is unchanged and opened again as it was. A run of the day's backups under way is
/// waited for first: it reads the file the restore replaces.
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, DeskState>, path: String) -> UiResult<RestoreResult> {
    refuse_archive(&state)?;
    let held = state.scheduled.hold();
    let result = restore_held(&state, path);
    drop(held);
    // The restored record's day's backups, as opening it at start would take them.
    state.start_scheduled_backups();
    result
}

fn restore_held(state: &DeskState, path: String) -> UiResult<RestoreResult> {
    let lang = state.lang();
    let record = state.db_path.clone();
    let problem = state.problem.lock().ok().and_then(|p| p.clone());
    if let Some(p) = problem.as_ref().filter(|p| !p.restorable()) {
        return Err(UiError::plain(ErrorKind::File, p.shown(lang).message));
    }
    let listed = backup::list(&record).map_err(|e| e.to_ui(lang))?;
    let Some(chosen) = listed.iter().find(|b| b.path == Path::new(&path)) else {
        return Err(Error::Backup(BackupProblem::NotABackup { path }).to_ui(lang));
    };

    let mut store = state
        .store
        .lock()
        .map_err(|_| UiError::plain(ErrorKind::Internal, "store lock poisoned"))?;
    // Closing the record lets the restore checkpoint and replace it.
    let was_open = store.take().is_some();
    match backup::restore(&record, &chosen.path, backup::local_now()) {
        Ok(done) => {
            let opened = open_record(&record);
            let result = match opened {
                Ok((s, due)) => {
                    *store = Some(s);
                    state.scheduled_due(due);
                    if let Ok(mut p) = state.problem.lock() {
                        *p = None;
                    }
                    Ok(())
                }
                Err(e) => {
                    if let Ok(mut p) = state.problem.lock() {
                        *p = Some(StartProblem::new(&record, &e));
                    }
                    Err(e.to_ui(lang))
                }
            };
            drop(store);
            result?;
            Ok(RestoreResult {
                from: done.from.display().to_string(),
                kept: done.kept.map(|k| k.display().to_string()),
                info: AppInfo::from_state(state),
            })
        }
        Err(e) => {
            if was_open {
                *store = open_record(&record).ok().map(|(s, _)| s);
            }
            Err(e.to_ui(lang))
        }
    }
}

/// Why the record could not be opened at start; None when it is open.
#[tauri::command]
pub fn open_problem(state: State<'_, DeskState>) -> Option<OpenProblem> {
    state.problem()
}

/// Ends the program (the recovery screen's way out).
#[tauri::command]
pub fn quit<R: tauri::Runtime>(app: tauri::AppHandle<R>) {
    app.exit(0);
}
