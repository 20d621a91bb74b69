//! Errors as the window shows them: the core's message in the user's language, and the field it
//! concerns so the form can show it beside that field.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export_to = "UiError.ts")]
pub struct UiError {
    pub message: String,
    /// The input field the error concerns ("title", "date", …), when it concerns one.
    pub field: Option<String>,
    /// A stable kind for the front end: invalid, not_found, locked, agenda_sent, duplicate,
    /// read_only, state, io, internal.
    pub kind: String,
}

impl UiError {
    pub fn from_core(e: &quorum::Error, lang: quorum::Lang) -> UiError {
        use quorum::Error as E;
        let kind = match e {
            E::Invalid(_) => "invalid",
            E::NotFound { .. } => "not_found",
            E::Locked { .. } => "locked",
            E::AgendaSent { .. } => "agenda_sent",
            E::Duplicate { .. } => "duplicate",
            E::State(_) => "state",
            E::Io { .. } => "io",
            E::NotEmpty | E::BadImport(_) | E::NewerSchema { .. } => "file",
            E::Db(_) | E::Migration(_) => "internal",
        };
        UiError {
            message: e.message(lang),
            field: e.field().map(str::to_string),
            kind: kind.into(),
        }
    }

    pub fn plain(kind: &str, message: impl Into<String>) -> UiError {
        UiError {
            message: message.into(),
            field: None,
            kind: kind.into(),
        }
    }
}

pub type UiResult<T> = Result<T, UiError>;
