//! The application: what is open, language, and the read-only archive members open.

use crate::error::{ErrorKind, ToUi, UiError, UiResult};
use crate::state::DeskState;
use quorum_record::{Lang, Store};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

/// What the window shows about the running application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export_to = "AppInfo.ts")]
pub struct AppInfo {
    pub version: String,
    /// The record file in use.
    pub db_path: String,
    /// Set when an archive snapshot is open read-only: nothing can change it.
    pub archive_path: Option<String>,
    pub read_only: bool,
    pub export_dir: String,
    /// The language of the window and of the core's messages.
    pub lang: Lang,
}

impl AppInfo {
    pub fn from_state(state: &DeskState) -> AppInfo {
        let archive = state.archive.lock().ok().and_then(|a| a.clone());
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            db_path: state.db_path.display().to_string(),
            read_only: archive.is_some(),
            archive_path: archive.map(|p| p.display().to_string()),
            export_dir: state.export_dir.display().to_string(),
            lang: state.lang(),
        }
    }
}

#[tauri::command]
pub fn app_info(state: State<'_, DeskState>) -> AppInfo {
    AppInfo::from_state(&state)
}

/// Sets the language of the core's messages.
#[tauri::command]
pub fn set_language(state: State<'_, DeskState>, lang: Lang) -> AppInfo {
    if let Ok(mut l) = state.lang.lock() {
        *l = lang;
    }
    AppInfo::from_state(&state)
}

/// Writes a snapshot of the record for members (SQLite backup API) into the export folder.
#[tauri::command]
pub fn export_archive(state: State<'_, DeskState>) -> UiResult<String> {
    let dir = state.export_dir.clone();
    std::fs::create_dir_all(&dir).map_err(|e| UiError::plain(ErrorKind::Io, e.to_string()))?;
    let today = chrono::Local::now().format("%Y-%m-%d");
    let file = dir.join(format!("Quorum-arkiv {today}.quorum"));
    state.with(|s| s.snapshot_to(&file))?;
    Ok(file.display().to_string())
}

/// Lets the member pick an archive file with the system's file dialog.
#[tauri::command(async)]
pub fn pick_archive<R: tauri::Runtime>(app: tauri::AppHandle<R>) -> Option<String> {
    use tauri_plugin_dialog::DialogExt;
    app.dialog()
        .file()
        .add_filter("Quorum-arkiv", &["quorum", "db"])
        .blocking_pick_file()
        .and_then(|f| f.into_path().ok())
        .map(|p| p.display().to_string())
}

/// Opens an archive file read-only in place of the own record.
#[tauri::command]
pub fn open_archive(state: State<'_, DeskState>, path: String) -> UiResult<AppInfo> {
    let lang = state.lang();
    let archive = Store::open_read_only(std::path::Path::new(&path)).map_err(|e| e.to_ui(lang))?;
    state.replace_store(archive)?;
    *state
        .archive
        .lock()
        .map_err(|_| UiError::plain(ErrorKind::Internal, "lock"))? = Some(path.into());
    Ok(AppInfo::from_state(&state))
}

/// Closes the archive and returns to the own record.
#[tauri::command]
pub fn close_archive(state: State<'_, DeskState>) -> UiResult<AppInfo> {
    let lang = state.lang();
    // Without the day's backups on this thread: they follow in the background, as at start.
    let (own, due) = crate::state::open_own(&state.db_path).map_err(|e| e.to_ui(lang))?;
    state.replace_store(own)?;
    *state
        .archive
        .lock()
        .map_err(|_| UiError::plain(ErrorKind::Internal, "lock"))? = None;
    state.scheduled_due(due);
    state.start_scheduled_backups();
    Ok(AppInfo::from_state(&state))
}
