//! The demo record, search, documents as PDF, export and import.

use super::{Ctx, R};
use crate::args::{PdfCommand, PdfOut};
use crate::output::{field_label, mark, one_line, Done};
use crate::resolve;
use quorum_documents::Documents;
use quorum_record::search::SearchQuery;
use quorum_record::Store;
use std::path::Path;

fn io_error(path: &Path, source: std::io::Error) -> quorum_record::Error {
    quorum_record::Error::Io {
        path: path.display().to_string(),
        source,
    }
}

fn file_json(path: &Path) -> serde_json::Value {
    serde_json::json!({ "file": path.display().to_string() })
}

pub fn demo(cx: &Ctx) -> R<Done> {
    cx.store.load_demo()?;
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
        out += &format!(
            "    {}: {}\n",
            field_label(&h.field, lang),
            mark(&h.snippet)
        );
        if let Some(d) = h.decision.as_ref().filter(|_| h.field != "decision") {
            out += &format!("    {}: {}\n", lang.pick("Vedtak", "Decision"), one_line(d));
        }
    }
    Ok(Done::new(&hits, out))
}

pub fn pdf(cx: &Ctx, document: &PdfCommand) -> R<Done> {
    let (bytes, out) = write_pdf(cx.store, document)?;
    std::fs::write(&out.output, bytes).map_err(|e| io_error(&out.output, e))?;
    let text = format!("{} {}", cx.say("Skrev", "Wrote"), out.output.display());
    Ok(Done::new(&file_json(&out.output), text))
}

fn write_pdf<'a>(store: &Store, document: &'a PdfCommand) -> R<(Vec<u8>, &'a PdfOut)> {
    let opts = |o: &PdfOut| quorum_documents::DocOptions {
        public: o.public,
        lang: None,
    };
    let meeting = |body: &str, key: &str| resolve::meeting(store, Some(body), key);
    Ok(match document {
        PdfCommand::Agenda {
            body,
            meeting: m,
            out,
        } => (store.agenda_pdf(&meeting(body, m)?.id, opts(out))?, out),
        PdfCommand::Memo { body, case, out } => (
            store.memo_pdf(&resolve::case(store, Some(body), case)?.id, opts(out))?,
            out,
        ),
        PdfCommand::Minutes {
            body,
            meeting: m,
            out,
        } => (store.minutes_pdf(&meeting(body, m)?.id, opts(out))?, out),
        PdfCommand::Register { body, year, out } => (
            store.register_pdf(&resolve::body(store, body)?.id, *year, opts(out))?,
            out,
        ),
        PdfCommand::Pack {
            body,
            meeting: m,
            out,
        } => (store.pack_pdf(&meeting(body, m)?.id, opts(out))?, out),
    })
}

pub fn export(cx: &Ctx, file: &Path) -> R<Done> {
    let json = cx.store.export_json()?;
    std::fs::write(file, json).map_err(|e| io_error(file, e))?;
    Ok(Done::new(&file_json(file), String::new()))
}

pub fn import(cx: &Ctx, file: &Path) -> R<Done> {
    let json = std::fs::read_to_string(file).map_err(|e| io_error(file, e))?;
    cx.store.import_json(&json)?;
    let text = format!(
        "{} {}",
        cx.say("Importert til", "Imported into"),
        cx.path.display()
    );
    Ok(Done::new(&file_json(cx.path), text))
}
