//! Domain types as the record returns them. Ids are stable UUID strings.

use crate::i18n::Lang;
use crate::vocab::{ActionStatus, AttendanceStatus, Entity, ItemKind, MeetingStatus, Role};
use serde::{Deserialize, Serialize};

pub type Id = String;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Body {
    pub id: Id,
    pub short_name: String,
    /// The current name; `names` has the history.
    pub name: String,
    pub secretariat: String,
    pub default_place: String,
    /// The language of its documents.
    pub language: Lang,
    pub names: Vec<BodyName>,
    /// The share of members (percent) who must be present for it to decide; None: no rule.
    pub quorum_percent: Option<u32>,
    /// Its minutes become final when signed by signers chosen in the meeting.
    pub signed_minutes: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BodyName {
    pub name: String,
    /// ISO date from which this name is used.
    pub valid_from: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseType {
    pub id: Id,
    pub name: String,
    pub proposal_template: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Person {
    pub id: Id,
    pub name: String,
    pub organisation: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Membership {
    pub id: Id,
    pub person: Person,
    pub role: Role,
    pub term_from: Option<String>,
    pub term_to: Option<String>,
    pub substitute: Option<Person>,
    /// The group the member sits for in this term.
    pub party: Option<crate::groups::Party>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Meeting {
    pub id: Id,
    pub body_id: Id,
    /// "4/2025".
    pub number: String,
    pub year: i32,
    pub seq: u32,
    pub extraordinary: bool,
    pub date: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub remote: bool,
    pub remote_link: String,
    pub status: MeetingStatus,
    pub approved_by_case_id: Option<Id>,
    /// The item the chair was on in live mode, so a restart returns to it.
    pub current_item_id: Option<Id>,
}

impl Meeting {
    pub fn locked(&self) -> bool {
        self.status.locked()
    }
    pub fn agenda_frozen(&self) -> bool {
        self.status.agenda_frozen()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AgendaItem {
    pub id: Id,
    pub meeting_id: Id,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub position: i64,
    pub kind: ItemKind,
    pub case_id: Option<Id>,
    /// "32/25" for a case or its continuation; None for unnumbered items.
    pub case_number: Option<String>,
    pub continues_case_id: Option<Id>,
    /// The case's title for cases; the item's own title otherwise.
    pub title: String,
    /// The case type name ("Drøfting"); "" where none.
    pub case_type: String,
    pub guest: String,
    pub summary: String,
    pub no_memo: bool,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub duration_min: i64,
    pub narrative: String,
    pub actual_start: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Case {
    pub id: Id,
    pub body_id: Id,
    pub year: i32,
    /// "32/25" once placed on an agenda.
    pub number: Option<String>,
    pub title: String,
    pub case_type: String,
    pub summary: String,
    pub proposal: String,
    pub no_memo: bool,
    pub memo: MemoSections,
    pub owner: String,
    pub officer: String,
    pub exempt: bool,
    pub exempt_basis: String,
    /// The recorded decision; None until the meeting decides.
    pub decision: Option<String>,
    /// The decision differs from the proposal ("Vedtak oppdatert").
    pub amended: bool,
    pub meeting_id: Option<Id>,
    pub item_id: Option<Id>,
    pub attachments: Vec<Attachment>,
    pub links: Vec<CaseLink>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MemoSections {
    pub purpose: String,
    pub background: String,
    pub questions: String,
    pub process: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Attachment {
    pub id: Id,
    /// "2", "7A": printed as "Vedlegg 7A".
    pub label: String,
    pub title: String,
    pub file_name: String,
    pub media_type: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub size: i64,
}

/// An earlier treatment of the same matter, resolved for display.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseLink {
    pub id: Id,
    pub target_case_id: Option<Id>,
    /// "40/25".
    pub number: String,
    /// Short name of the body ("NUIT").
    pub body: String,
    /// ISO date of the meeting that treated it.
    pub date: String,
    pub title: String,
    pub decision: String,
    /// The target case is exempt from public disclosure.
    pub exempt: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Attendance {
    pub id: Id,
    pub person: Person,
    pub status: AttendanceStatus,
    pub substitute_for: Option<Person>,
    pub remote: bool,
    /// The group they sit for on the meeting date (a substitute without a seat of their own:
    /// the group of the member stood in for).
    pub party: Option<crate::groups::Party>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Innspill {
    pub id: Id,
    pub item_id: Id,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub position: i64,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ActionPoint {
    pub id: Id,
    pub item_id: Id,
    pub meeting_id: Id,
    /// "3/2025".
    pub meeting_number: String,
    pub case_number: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub position: i64,
    pub text: String,
    pub responsible: String,
    /// ISO date, or None.
    pub due_date: Option<String>,
    pub due_next_meeting: bool,
    pub status: ActionStatus,
    pub status_note: String,
}

/// Due: a date, or "next meeting".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Due {
    None,
    NextMeeting,
    Date(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Correction {
    pub id: Id,
    pub at: String,
    pub meeting_id: Id,
    pub entity: Entity,
    pub entity_id: Id,
    pub before: Option<String>,
    pub after: Option<String>,
    pub reason: String,
}
