//! The audit log as `Store::guarded` writes it. A row is consistent when:
//! - its meeting's minutes are approved (corrections exist only for locked minutes), and its
//!   moment is well-formed (`fields`) and not before the meeting's date;
//! - it has the row before or after the change, or both, each a JSON object of the entity's
//!   table: only that table's columns, each value passing that column's field rule, and the
//!   id equal to `entity_id`;
//! - its entity exists in the file and belongs to the row's meeting (the meeting itself, its
//!   agenda items and attendance, the cases on its agenda and their items' innspill and
//!   action points), or existed: another row of the log removed it (a `before` with no
//!   `after`).
//!
//! The log is append-only and its order is `at`, so nothing here compares rows with each other
//! beyond the removal.

use super::council::Agendas;
use super::fields;
use super::file::Row;
use super::index::Index;
use super::problem::{ImportProblem, ImportRule};
use crate::vocab::{Entity, MeetingStatus};
use serde_json::Value;
use std::collections::HashSet;

pub(super) fn check(ix: &Index, agendas: &Agendas) -> Result<(), Box<ImportProblem>> {
    let rows = ix.rows("audit_log");
    let removed: HashSet<(&str, &str)> = rows
        .iter()
        .filter(|r| r.text("before").is_some() && r.text("after").is_none())
        .filter_map(|r| Some((r.text("entity")?, r.text("entity_id")?)))
        .collect();
    for r in rows {
        let p = |column, rule| Err(r.problem("audit_log", Some(column), rule));
        let meeting_id = r.text("meeting_id").unwrap_or_default();
        let Some(meeting) = ix.get("meeting", meeting_id) else {
            continue;
        };
        if meeting.text("status") != Some(MeetingStatus::Approved.as_str()) {
            return p("meeting_id", ImportRule::AuditMeetingNotApproved);
        }
        // "2025-12-11T…" against "2025-12-11": the date part orders as text.
        let at = r.text("at").unwrap_or_default();
        if at.get(..10) < meeting.text("date") {
            return p("at", ImportRule::AuditBeforeMeeting);
        }
        let Some(entity) = Entity::ALL
            .iter()
            .copied()
            .find(|e| Some(e.as_str()) == r.text("entity"))
        else {
            continue;
        };
        let entity_id = r.text("entity_id").unwrap_or_default();
        if r.text("before").is_none() && r.text("after").is_none() {
            return p("before", ImportRule::AuditEmpty);
        }
        for column in ["before", "after"] {
            if let Some(s) = r.text(column) {
                if !snapshot(ix, entity, entity_id, s) {
                    return p(column, ImportRule::AuditSnapshot);
                }
            }
        }
        match ix.get(entity.table(), entity_id) {
            Some(row) => {
                if meeting_of(ix, agendas, entity, row) != Some(meeting_id) {
                    return p("entity_id", ImportRule::AuditEntityElsewhere);
                }
            }
            None if removed.contains(&(entity.as_str(), entity_id)) => {}
            None => return p("entity_id", ImportRule::AuditEntityUnknown),
        }
    }
    Ok(())
}

/// A row of `entity`'s table as JSON, with `id` equal to `entity_id`.
fn snapshot(ix: &Index, entity: Entity, entity_id: &str, s: &str) -> bool {
    let Ok(Value::Object(o)) = serde_json::from_str::<Value>(s) else {
        return false;
    };
    let Some(table) = ix.schema.iter().find(|t| t.name == entity.table()) else {
        return false;
    };
    o.get("id").and_then(Value::as_str) == Some(entity_id)
        && o.iter().all(|(k, v)| {
            table.column(k).is_some()
                && (v.is_null() || fields::check_value(table.name, k, v).is_ok())
        })
}

/// The meeting whose record the row is part of.
fn meeting_of<'a>(
    ix: &Index<'a>,
    agendas: &Agendas<'a>,
    entity: Entity,
    row: &'a Row,
) -> Option<&'a str> {
    match entity {
        Entity::Meeting => row.text("id"),
        Entity::AgendaItem
        | Entity::Attendance
        | Entity::PresenceChange
        | Entity::MinutesSigner => row.text("meeting_id"),
        Entity::Case => agendas.meeting_of_case(row.text("id")?),
        Entity::Proposal | Entity::Vote | Entity::CaseSubstitute | Entity::Disqualification => {
            agendas.meeting_of_case(row.text("case_id")?)
        }
        Entity::Innspill | Entity::ActionPoint => ix
            .get("agenda_item", row.text("item_id")?)?
            .text("meeting_id"),
    }
}
