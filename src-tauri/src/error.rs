//! Errors as the window shows them: the message in the user's language, the field it concerns
//! so the form can show it beside that field, and a kind that follows what the core produced.

use serde::Serialize;
use ts_rs::TS;

/// What went wrong, as the front end tells cases apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export_to = "ErrorKind.ts")]
pub enum ErrorKind {
    /// A value the user typed (the field says which).
    Invalid,
    NotFound,
    /// Approved minutes: a change must be a correction.
    Locked,
    /// The agenda is sent and its case numbers frozen.
    AgendaSent,
    Duplicate,
    /// An archive opened read-only.
    ReadOnly,
    /// A rule of the record's order (status order, numbering, approval).
    State,
    /// Too few members take part for the body to decide the case (kommuneloven § 11-9): the
    /// window asks before it records a decision anyway.
    NotQuorate,
    /// The minutes are out for signing: the meeting's record is locked until the round closes.
    SigningUnderway,
    /// A file that could not be read or written.
    Io,
    /// A record file that cannot be used here (newer schema, not empty, bad import, old archive).
    File,
    /// A document that could not be typeset.
    Document,
    /// A fault of Quorum, not of the input.
    Internal,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export_to = "UiError.ts")]
pub struct UiError {
    pub message: String,
    /// The input field the error concerns ("title", "date", …), when it concerns one.
    pub field: Option<String>,
    pub kind: ErrorKind,
}

impl UiError {
    pub fn plain(kind: ErrorKind, message: impl Into<String>) -> UiError {
        UiError {
            message: message.into(),
            field: None,
            kind,
        }
    }
}

/// An error of the record or its documents as the window shows it.
pub trait ToUi {
    fn to_ui(&self, lang: quorum_record::Lang) -> UiError;
}

impl ToUi for quorum_record::Error {
    fn to_ui(&self, lang: quorum_record::Lang) -> UiError {
        use quorum_record::error::StateProblem;
        use quorum_record::Error as E;
        let kind = match self {
            e if e.is_unreadable_file() => ErrorKind::File,
            e if e.is_busy() => ErrorKind::Io,
            E::Invalid(_) => ErrorKind::Invalid,
            E::NotFound { .. } => ErrorKind::NotFound,
            E::Locked { .. } => ErrorKind::Locked,
            E::AgendaSent { .. } => ErrorKind::AgendaSent,
            E::Duplicate { .. } => ErrorKind::Duplicate,
            E::ReadOnly => ErrorKind::ReadOnly,
            E::State(StateProblem::NotQuorate { .. }) => ErrorKind::NotQuorate,
            E::State(StateProblem::SigningUnderway) => ErrorKind::SigningUnderway,
            E::State(_) => ErrorKind::State,
            E::Io { .. } => ErrorKind::Io,
            E::NotEmpty
            | E::BadImport(_)
            | E::NewerSchema { .. }
            | E::OlderArchive
            | E::Backup(_)
            | E::Folder { .. } => ErrorKind::File,
            E::Db(_) | E::Migration(_) => ErrorKind::Internal,
        };
        UiError {
            message: self.message(lang),
            field: self.field().map(str::to_string),
            kind,
        }
    }
}

impl ToUi for quorum_documents::Error {
    fn to_ui(&self, lang: quorum_record::Lang) -> UiError {
        match self {
            quorum_documents::Error::Record(e) => e.to_ui(lang),
            quorum_documents::Error::Pdf(_) => {
                UiError::plain(ErrorKind::Document, self.message(lang))
            }
        }
    }
}

pub type UiResult<T> = Result<T, UiError>;
