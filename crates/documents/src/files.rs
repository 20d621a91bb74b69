//! Which document of the record, and the file name it is saved under: one place for the window's
//! exports and the command line.

use crate::{DocOptions, Documents, Result};
use quorum_record::Store;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Which document, for which meeting, case or year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(export_to = "DocRequest.ts"))]
#[serde(tag = "kind", rename_all = "snake_case")]
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

impl DocRequest {
    /// The suggested file name ("Referat E-helserådet 4-2025 (offentlig).pdf").
    pub fn file_name(&self, store: &Store) -> Result<String> {
        let suffix = |public: bool| if public { " (offentlig)" } else { "" };
        let meeting_name = |id: &str| -> Result<String> {
            let m = store.meeting(id)?;
            let b = store.body(&m.body_id)?;
            Ok(format!("{} {}", b.short_name, m.number.replace('/', "-")))
        };
        Ok(match self {
            DocRequest::Agenda { meeting_id, public } => {
                format!(
                    "Innkalling {}{}.pdf",
                    meeting_name(meeting_id)?,
                    suffix(*public)
                )
            }
            DocRequest::Minutes { meeting_id, public } => {
                format!(
                    "Referat {}{}.pdf",
                    meeting_name(meeting_id)?,
                    suffix(*public)
                )
            }
            DocRequest::Pack { meeting_id, public } => {
                format!(
                    "Møtedokumenter {}{}.pdf",
                    meeting_name(meeting_id)?,
                    suffix(*public)
                )
            }
            DocRequest::Memo { case_id, public } => {
                let c = store.case(case_id)?;
                let b = store.body(&c.body_id)?;
                let n = c.number.clone().unwrap_or_default().replace('/', "-");
                format!("Toppnotat {} {n}{}.pdf", b.short_name, suffix(*public))
            }
            DocRequest::Register {
                body_id,
                year,
                public,
            } => {
                let b = store.body(body_id)?;
                format!(
                    "Vedtaksregister {} {year}{}.pdf",
                    b.short_name,
                    suffix(*public)
                )
            }
            DocRequest::Invitation { meeting_id } => {
                format!("Invitasjon {}.ics", meeting_name(meeting_id)?)
            }
        })
    }

    /// The document's bytes. Documents are written in their body's language, whatever the
    /// window's language.
    pub fn render(&self, store: &Store) -> Result<Vec<u8>> {
        let opts = |public: bool| DocOptions { public, lang: None };
        match self {
            DocRequest::Agenda { meeting_id, public } => {
                store.agenda_pdf(meeting_id, opts(*public))
            }
            DocRequest::Minutes { meeting_id, public } => {
                store.minutes_pdf(meeting_id, opts(*public))
            }
            DocRequest::Pack { meeting_id, public } => store.pack_pdf(meeting_id, opts(*public)),
            DocRequest::Memo { case_id, public } => store.memo_pdf(case_id, opts(*public)),
            DocRequest::Register {
                body_id,
                year,
                public,
            } => store.register_pdf(body_id, *year, opts(*public)),
            DocRequest::Invitation { meeting_id } => {
                Ok(store.meeting_ics(meeting_id)?.into_bytes())
            }
        }
    }

    /// The file name and bytes together.
    pub fn make(&self, store: &Store) -> Result<(String, Vec<u8>)> {
        Ok((self.file_name(store)?, self.render(store)?))
    }
}

/// Same name with " (2)", " (3)" … when the file exists, so an export never overwrites one.
pub fn unique_path(dir: &Path, name: &str) -> PathBuf {
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
