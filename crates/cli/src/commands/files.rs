//! The demo record, search, documents as PDF, export and import.

use super::{Ctx, R};
use crate::args::PdfCommand;
use crate::output::{mark, one_line, Done};
use crate::resolve;
use quorum_documents::{unique_path, DocRequest};
use quorum_record::search::SearchQuery;
use quorum_record::vocab::SearchField;
use quorum_record::Store;
use std::path::Path;

pub(crate) fn io_error(path: &Path, source: std::io::Error) -> quorum_record::Error {
    quorum_record::Error::Io {
        path: path.display().to_string(),
        source,
    }
}

pub(crate) fn file_json(path: &Path) -> serde_json::Value {
    serde_json::json!({ "file": path.display().to_string() })
}

pub fn demo(cx: &Ctx) -> R<Done> {
    quorum_documents::load_demo(cx.store)?;
    let text = format!(
        "{} {}",
        cx.say("Demodata lastet inn i", "Demo record loaded into"),
        cx.path.display()
    );
    Ok(Done::new(&file_json(cx.path), text))
}

pub fn search(
    cx: &Ctx,
    query: &str,
    body: &Option<String>,
    year: Option<i32>,
    case_type: &Option<String>,
) -> R<Done> {
    let lang = cx.lang;
    let hits = cx.store.search(&SearchQuery {
        text: query.to_string(),
        body: body.clone(),
        year,
        case_type: case_type.clone(),
        limit: None,
    })?;
    let mut out = String::new();
    if hits.is_empty() {
        out += lang.pick("Ingen treff.\n", "No hits.\n");
    }
    for h in &hits {
        out += &format!(
            "{} {} · Møte {} ({}) · {}{}\n",
            h.case_number.as_deref().unwrap_or("–"),
            h.body,
            h.meeting_number,
            h.meeting_date,
            h.title,
            if h.case_type.is_empty() {
                String::new()
            } else {
                format!(" [{}]", h.case_type)
            }
        );
        out += &format!("    {}: {}\n", h.field.label(lang), mark(&h.snippet));
        if let Some(d) = h
            .decision
            .as_ref()
            .filter(|_| h.field != SearchField::Decision)
        {
            out += &format!("    {}: {}\n", lang.pick("Vedtak", "Decision"), one_line(d));
        }
    }
    Ok(Done::new(&hits, out))
}

/// Writes a document where `-o` says: that file, or a file named as the window names it in that
/// folder. The record file itself is never a target.
pub fn pdf(cx: &Ctx, document: &PdfCommand) -> R<Done> {
    let (request, output) = request(cx.store, document)?;
    let (name, bytes) = request.make(cx.store)?;
    let file = if output.is_dir() {
        unique_path(output, &name)
    } else {
        output.to_path_buf()
    };
    refuse_record_file(cx, &file)?;
    quorum_record::files::write_replacing(&file, &bytes).map_err(|e| io_error(&file, e))?;
    let text = format!("{} {}", cx.say("Skrev", "Wrote"), file.display());
    Ok(Done::new(&file_json(&file), text))
}

/// Which document the command names, and where it goes.
fn request<'a>(store: &Store, document: &'a PdfCommand) -> R<(DocRequest, &'a Path)> {
    let meeting_id =
        |body: &str, key: &str| -> R<String> { Ok(resolve::meeting(store, Some(body), key)?.id) };
    Ok(match document {
        PdfCommand::Agenda { body, meeting, out } => (
            DocRequest::Agenda {
                meeting_id: meeting_id(body, meeting)?,
                public: out.public,
            },
            &out.output,
        ),
        PdfCommand::Memo { body, case, out } => (
            DocRequest::Memo {
                case_id: resolve::case(store, Some(body), case)?.id,
                public: out.public,
            },
            &out.output,
        ),
        PdfCommand::Minutes { body, meeting, out } => (
            DocRequest::Minutes {
                meeting_id: meeting_id(body, meeting)?,
                public: out.public,
            },
            &out.output,
        ),
        PdfCommand::Register { body, year, out } => (
            DocRequest::Register {
                body_id: resolve::body(store, body)?.id,
                year: *year,
                public: out.public,
            },
            &out.output,
        ),
        PdfCommand::Pack { body, meeting, out } => (
            DocRequest::Pack {
                meeting_id: meeting_id(body, meeting)?,
                public: out.public,
            },
            &out.output,
        ),
        PdfCommand::Invitation {
            body,
            meeting,
            output,
        } => (
            DocRequest::Invitation {
                meeting_id: meeting_id(body, meeting)?,
            },
            output,
        ),
    })
}

/// A typo in `-o` must not overwrite the record (or its WAL files) with a document or an export.
pub(crate) fn refuse_record_file(cx: &Ctx, target: &Path) -> R<()> {
    refuse_record_path(cx.path, target)
}

/// `refuse_record_file` for the record at `record`, when no store is open on it.
pub(crate) fn refuse_record_path(record: &Path, target: &Path) -> R<()> {
    if quorum_record::paths::is_record_file(record, target) {
        return Err(quorum_record::Error::other(
            "output",
            format!(
                "«{}» er selve registerfilen; den ville blitt overskrevet. Velg en annen fil eller mappe.",
                target.display()
            ),
            format!(
                "\"{}\" is the record file itself; it would be overwritten. Choose another file or folder.",
                target.display()
            ),
        )
        .into());
    }
    Ok(())
}

/// A read-only copy of the whole record for members (SQLite's backup API).
pub fn archive(cx: &Ctx, file: &Path) -> R<Done> {
    refuse_record_file(cx, file)?;
    cx.store.snapshot_to(file)?;
    let text = format!(
        "{} {}",
        cx.say("Skrev arkivfilen", "Wrote the archive file"),
        file.display()
    );
    Ok(Done::new(&file_json(file), text))
}

pub fn export(cx: &Ctx, file: &Path) -> R<Done> {
    refuse_record_file(cx, file)?;
    let json = cx.store.export_json()?;
    quorum_record::files::write_replacing(file, json.as_bytes()).map_err(|e| io_error(file, e))?;
    Ok(Done::new(&file_json(file), String::new()))
}

pub fn import(cx: &Ctx, file: &Path) -> R<Done> {
    // Bytes, so that a file that is not UTF-8 is refused as an import, not as an I/O error.
    let bytes = std::fs::read(file).map_err(|e| io_error(file, e))?;
    cx.store.import_bytes(&bytes)?;
    let text = format!(
        "{} {}",
        cx.say("Importert til", "Imported into"),
        cx.path.display()
    );
    Ok(Done::new(&file_json(cx.path), text))
}
