//! Helpers shared by the integration tests: a store in a temporary file, small builders for
//! bodies, meetings and agenda items, and the demo record.
#![allow(dead_code)]

use quorum_record::agenda::ItemInput;
use quorum_record::bodies::BodyInput;
use quorum_record::cases::CaseInput;
use quorum_record::meetings::MeetingInput;
use quorum_record::model::{AgendaItem, Body, Case, Meeting};
use quorum_record::vocab::*;
use quorum_record::Lang;
use quorum_record::Store;
use std::path::PathBuf;
use tempfile::TempDir;

/// A fresh record in a real SQLite file; keep the `TempDir` alive as long as the store.
pub struct Db {
    pub dir: TempDir,
    pub path: PathBuf,
    pub store: Store,
}

pub fn db() -> Db {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("quorum.db");
    let store = Store::open(&path).expect("open store");
    Db { dir, path, store }
}

/// A record in a file with the demo loaded.
pub fn demo() -> Db {
    let d = db();
    d.store.load_demo().expect("demo loads");
    d
}

pub fn body(s: &Store, short: &str, name: &str) -> Body {
    s.create_body(&BodyInput {
        short_name: short.into(),
        name: name.into(),
        secretariat: "Helsedirektoratet".into(),
        default_place: "Oslo".into(),
        language: Lang::Nb,
    })
    .expect("create body")
}

pub fn meeting_input(number: &str, date: &str, start: &str, end: &str) -> MeetingInput {
    MeetingInput {
        number: number.into(),
        date: date.into(),
        start: start.into(),
        end: end.into(),
        place: "Oslo".into(),
        ..Default::default()
    }
}

pub fn meeting(s: &Store, body_id: &str, number: &str, date: &str) -> Meeting {
    s.create_meeting(body_id, &meeting_input(number, date, "10:00", "16:00"))
        .expect("create meeting")
}

pub fn case_input(title: &str) -> CaseInput {
    CaseInput {
        title: title.into(),
        case_type: "Drøfting".into(),
        proposal: Some(format!("Forslag: {title}")),
        ..Default::default()
    }
}

/// Puts a new case on the agenda at `position` (None = last).
pub fn add_case_at(s: &Store, meeting_id: &str, title: &str, position: Option<i64>) -> AgendaItem {
    s.add_item(
        meeting_id,
        &ItemInput {
            kind: ItemKind::Case,
            duration_min: 20,
            new_case: Some(case_input(title)),
            ..Default::default()
        },
        position,
    )
    .expect("add case item")
}

pub fn add_case(s: &Store, meeting_id: &str, title: &str) -> AgendaItem {
    add_case_at(s, meeting_id, title, None)
}

pub fn try_add_case(s: &Store, meeting_id: &str, title: &str) -> quorum_record::Result<AgendaItem> {
    s.add_item(
        meeting_id,
        &ItemInput {
            kind: ItemKind::Case,
            duration_min: 20,
            new_case: Some(case_input(title)),
            ..Default::default()
        },
        None,
    )
}

pub fn add_break(s: &Store, meeting_id: &str, title: &str, minutes: i64) -> AgendaItem {
    s.add_item(
        meeting_id,
        &ItemInput {
            kind: ItemKind::Break,
            title: title.into(),
            duration_min: minutes,
            ..Default::default()
        },
        None,
    )
    .expect("add break")
}

/// "number title" of every numbered case on the agenda, in agenda order.
pub fn numbered(s: &Store, meeting_id: &str) -> Vec<String> {
    s.agenda(meeting_id)
        .expect("agenda")
        .into_iter()
        .filter(|i| i.kind == ItemKind::Case)
        .map(|i| {
            format!(
                "{} {}",
                i.case_number.unwrap_or_else(|| "-".into()),
                i.title
            )
        })
        .collect()
}

pub fn case_by_title(s: &Store, meeting_id: &str, title: &str) -> Case {
    let item = s
        .agenda(meeting_id)
        .expect("agenda")
        .into_iter()
        .find(|i| i.title == title)
        .unwrap_or_else(|| panic!("no item {title}"));
    s.case(item.case_id.as_deref().expect("a case item"))
        .expect("case")
}

/// The whole record as exported JSON: equal before and after means nothing changed.
pub fn snapshot(s: &Store) -> String {
    s.export_json().expect("export")
}

/// The demo's body short name.
pub const EH: &str = "E-helserådet";

/// The tables schema 5 added (groups, proposals and votes, attendance through the meeting,
/// impartiality, signing, and the seal of groups).
pub const SCHEMA_5_TABLES: &[&str] = &[
    "party",
    "outside_position",
    "presence_change",
    "case_substitute",
    "disqualification",
    "proposal",
    "vote",
    "vote_group",
    "vote_ballot",
    "minutes_signer",
    "signing_round",
    "signature",
    "seal_party",
];
