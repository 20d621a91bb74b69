//! Documents: previews (PDF bytes for the in-app viewer) and exports written to the export folder
//! in the background, with progress events, so the window stays responsive.

use crate::error::{ErrorKind, UiError, UiResult};
use crate::state::DeskState;
use quorum_documents::unique_path;
pub use quorum_documents::DocRequest;
use quorum_record::Store;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, State};
use ts_rs::TS;

/// Progress of a background export, sent as the "export-progress" event.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export_to = "ExportProgress.ts")]
pub struct ExportProgress {
    pub job: String,
    pub done: u32,
    pub total: u32,
    /// Files written so far.
    pub files: Vec<String>,
    pub finished: bool,
    pub error: Option<String>,
}

/// The PDF bytes of a document for the in-app preview, sent as raw binary.
#[tauri::command(async)]
pub fn preview_document(
    state: State<'_, DeskState>,
    request: DocRequest,
) -> UiResult<tauri::ipc::Response> {
    let bytes = state.with(|s| request.render(s))?;
    Ok(tauri::ipc::Response::new(bytes))
}

/// Starts writing the documents into the export folder in the background and returns the job
/// id; progress arrives as "export-progress" events.
#[tauri::command]
pub fn export_documents<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    requests: Vec<DocRequest>,
) -> UiResult<String> {
    let lang = state.lang();
    let path = state.current_path();
    let dir = state.export_dir.clone();
    std::fs::create_dir_all(&dir)
        .map_err(|e| UiError::plain(ErrorKind::Io, format!("{}: {e}", dir.display())))?;
    let job = format!(
        "export-{}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    );
    let job_id = job.clone();
    std::thread::spawn(move || {
        let total = requests.len() as u32;
        let mut progress = ExportProgress {
            job,
            done: 0,
            total,
            files: Vec::new(),
            finished: false,
            error: None,
        };
        let _ = app.emit("export-progress", &progress);
        // A connection of its own: the window keeps working on the record while this renders.
        let result = (|| -> quorum_documents::Result<()> {
            let store = Store::open_read_only(&path)?;
            for req in &requests {
                let (name, bytes) = req.make(&store)?;
                let file = unique_path(&dir, &name);
                quorum_record::files::write_replacing(&file, &bytes).map_err(|source| {
                    quorum_record::Error::Io {
                        path: file.display().to_string(),
                        source,
                    }
                })?;
                progress.done += 1;
                progress.files.push(file.display().to_string());
                let _ = app.emit("export-progress", &progress);
            }
            Ok(())
        })();
        progress.finished = true;
        progress.error = result.err().map(|e| e.message(lang));
        let _ = app.emit("export-progress", &progress);
    });
    Ok(job_id)
}

/// Opens a file or folder with the system's default application.
#[tauri::command]
pub fn open_path<R: tauri::Runtime>(app: AppHandle<R>, path: String) -> UiResult<()> {
    use tauri_plugin_opener::OpenerExt;
    app.opener()
        .open_path(path, None::<&str>)
        .map_err(|e| UiError::plain(ErrorKind::Io, e.to_string()))
}

/// Writes an attachment to a temporary file and opens it with the system's application.
#[tauri::command]
pub fn open_attachment<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: String,
) -> UiResult<String> {
    let (name, _, bytes) = state.with(|s| s.attachment_content(&id))?;
    let bytes = bytes
        .ok_or_else(|| UiError::plain(ErrorKind::NotFound, "Vedlegget har ingen fil lagret."))?;
    let dir = app
        .path()
        .temp_dir()
        .map_err(|e| UiError::plain(ErrorKind::Io, e.to_string()))?
        .join("quorum-vedlegg")
        .join(&id);
    std::fs::create_dir_all(&dir).map_err(|e| UiError::plain(ErrorKind::Io, e.to_string()))?;
    let safe: String = name
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let file = dir.join(if safe.is_empty() {
        "vedlegg".to_string()
    } else {
        safe
    });
    quorum_record::files::write_replacing(&file, &bytes)
        .map_err(|e| UiError::plain(ErrorKind::Io, e.to_string()))?;
    open_path(app, file.display().to_string())?;
    Ok(file.display().to_string())
}
