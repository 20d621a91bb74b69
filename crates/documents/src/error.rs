//! Why a document could not be made: the record refused (a case not on an agenda, a meeting
//! that does not exist), or the typesetting engine failed. Messages in the user's language.

use quorum_record::Lang;
use quorum_typeset::PdfError;
use thiserror::Error;

pub type Result<T> = std::result::Result<T, Error>;

#[derive(Debug, Error)]
pub enum Error {
    #[error(transparent)]
    Record(#[from] quorum_record::Error),
    #[error("PDF-en kunne ikke lages: {0}")]
    Pdf(#[from] PdfError),
}

impl Error {
    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::Record(e) => e.message(lang),
            Error::Pdf(e) => match lang {
                Lang::Nb => format!("PDF-en kunne ikke lages: {e}"),
                Lang::En => format!("The PDF could not be made: {e}"),
            },
        }
    }

    /// The record's error, when the record refused.
    pub fn record(&self) -> Option<&quorum_record::Error> {
        match self {
            Error::Record(e) => Some(e),
            Error::Pdf(_) => None,
        }
    }
}
