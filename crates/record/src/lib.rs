//! The council record: bodies, members, meetings, cases and decisions, kept in SQLite, with the
//! council's rules (numbering, timetable, locking), search and transfer. It knows nothing of PDFs,
//! the command line or the window: `quorum-documents`, `quorum-cli` and the desktop shell build
//! on it.

pub mod agenda;
pub mod backup;
pub mod bodies;
pub mod cases;
pub mod consultations;
pub mod corrections;
pub mod demo;
pub mod error;
pub mod files;
pub mod groups;
pub mod handling;
pub mod i18n;
pub mod intake;
pub mod meetings;
pub mod model;
pub mod numbers;
pub mod pages;
pub mod paths;
pub mod people;
pub mod presence;
pub mod record;
pub mod responses;
pub mod seal;
pub mod search;
pub mod signing;
pub mod store;
pub mod tally;
pub mod timetable;
pub mod transfer;
pub mod validate;
pub mod vocab;
pub mod votes;

pub use error::{Error, Result};
pub use i18n::Lang;
pub use store::Store;

/// A new stable row id.
pub(crate) fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Now, as stored in the audit log (UTC, seconds).
pub(crate) fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
