//! Documents: previews (PDF bytes for the in-app viewer) and exports written to the export folder
//! in the background, with progress events, so the window stays responsive.

use crate::error::{UiError, UiResult};
use crate::state::DeskState;
use quorum::documents::DocOptions;
use quorum::Store;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Emitter, Manager, State};
use ts_rs::TS;

/// Which document, for which meeting, case or year.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export_to = "DocRequest.ts")]
pub enum DocRequest {
    Agenda {
        meeting_id: String,
        public: bool,
    },
    Memo {
        case_id: String,
        public: bool,
    },
    Minutes {
        meeting_id: String,
        public: bool,
    },
    Register {
        body_id: String,
        year: i32,
        public: bool,
    },
    Pack {
        meeting_id: String,
        public: bool,
    },
    Invitation {
        meeting_id: String,
    },
}

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

/// Documents are written in their body's language, whatever the window's language.
fn options(public: bool) -> DocOptions {
    DocOptions { public, lang: None }
}

/// Renders one document; returns (suggested file name, bytes).
pub fn render(store: &Store, req: &DocRequest) -> quorum::Result<(String, Vec<u8>)> {
    let suffix = |public: bool| if public { " (offentlig)" } else { "" };
    let meeting_name = |id: &str| -> quorum::Result<String> {
        let m = store.meeting(id)?;
        let b = store.body(&m.body_id)?;
        Ok(format!("{} {}", b.short_name, m.number.replace('/', "-")))
    };
    Ok(match req {
        DocRequest::Agenda { meeting_id, public } => (
            format!(
                "Innkalling {}{}.pdf",
                meeting_name(meeting_id)?,
                suffix(*public)
            ),
            store.agenda_pdf(meeting_id, options(*public))?,
        ),
        DocRequest::Minutes { meeting_id, public } => (
            format!(
                "Referat {}{}.pdf",
                meeting_name(meeting_id)?,
                suffix(*public)
            ),
            store.minutes_pdf(meeting_id, options(*public))?,
        ),
        DocRequest::Pack { meeting_id, public } => (
            format!(
                "Møtedokumenter {}{}.pdf",
                meeting_name(meeting_id)?,
                suffix(*public)
            ),
            store.pack_pdf(meeting_id, options(*public))?,
        ),
        DocRequest::Memo { case_id, public } => {
            let c = store.case(case_id)?;
            let b = store.body(&c.body_id)?;
            let n = c.number.clone().unwrap_or_default().replace('/', "-");
            (
                format!("Toppnotat {} {n}{}.pdf", b.short_name, suffix(*public)),
                store.memo_pdf(case_id, options(*public))?,
            )
        }
        DocRequest::Register {
            body_id,
            year,
            public,
        } => {
            let b = store.body(body_id)?;
            (
                format!(
                    "Vedtaksregister {} {year}{}.pdf",
                    b.short_name,
                    suffix(*public)
                ),
                store.register_pdf(body_id, *year, options(*public))?,
            )
        }
        DocRequest::Invitation { meeting_id } => (
            format!("Invitasjon {}.ics", meeting_name(meeting_id)?),
            store.meeting_ics(meeting_id)?.into_bytes(),
        ),
    })
}

/// The PDF bytes of a document for the in-app preview, sent as raw binary.
#[tauri::command(async)]
pub fn preview_document(
    state: State<'_, DeskState>,
    request: DocRequest,
) -> UiResult<tauri::ipc::Response> {
    let (_, bytes) = state.with(|s| render(s, &request))?;
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
        .map_err(|e| UiError::plain("io", format!("{}: {e}", dir.display())))?;
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
        let store = Store::open_read_only(&path);
        let result = store.and_then(|store| {
            for req in &requests {
                let (name, bytes) = render(&store, req)?;
                let file = unique_path(&dir, &name);
                std::fs::write(&file, bytes).map_err(|source| quorum::Error::Io {
                    path: file.display().to_string(),
                    source,
                })?;
                progress.done += 1;
                progress.files.push(file.display().to_string());
                let _ = app.emit("export-progress", &progress);
            }
            Ok(())
        });
        progress.finished = true;
        progress.error = result.err().map(|e| e.message(lang));
        let _ = app.emit("export-progress", &progress);
    });
    Ok(job_id)
}

/// Same name with " (2)", " (3)" … when the file exists, so an export never overwrites one.
fn unique_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    (2..)
        .map(|n| dir.join(format!("{stem} ({n}).{ext}")))
        .find(|p| !p.exists())
        .expect("a free name exists")
}

/// Opens a file or folder with the system's default application.
#[tauri::command]
pub fn open_path<R: tauri::Runtime>(app: AppHandle<R>, path: String) -> UiResult<()> {
    use tauri_plugin_opener::OpenerExt;
    app.opener()
        .open_path(path, None::<&str>)
        .map_err(|e| UiError::plain("io", e.to_string()))
}

/// Writes an attachment to a temporary file and opens it with the system's application.
#[tauri::command]
pub fn open_attachment<R: tauri::Runtime>(
    app: AppHandle<R>,
    state: State<'_, DeskState>,
    id: String,
) -> UiResult<String> {
    let (name, _, bytes) = state.with(|s| s.attachment_content(&id))?;
    let bytes =
        bytes.ok_or_else(|| UiError::plain("not_found", "Vedlegget har ingen fil lagret."))?;
    let dir = app
        .path()
        .temp_dir()
        .map_err(|e| UiError::plain("io", e.to_string()))?
        .join("quorum-vedlegg")
        .join(&id);
    std::fs::create_dir_all(&dir).map_err(|e| UiError::plain("io", e.to_string()))?;
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
    std::fs::write(&file, bytes).map_err(|e| UiError::plain("io", e.to_string()))?;
    open_path(app, file.display().to_string())?;
    Ok(file.display().to_string())
}
