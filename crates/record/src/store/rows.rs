//! Row readers shared by the modules that operate on the record: one place for each SELECT.

use crate::error::{Error, Result, Thing};
use crate::model::*;
use crate::numbers::{CaseNumber, MeetingNumber};
use crate::vocab::{ItemKind, MeetingStatus};
use rusqlite::{params, Connection, OptionalExtension, Row};

pub(crate) fn not_found(what: Thing, key: impl Into<String>) -> Error {
    Error::NotFound {
        what,
        key: key.into(),
    }
}

pub(crate) fn meeting_label(year: i32, number: u32) -> String {
    MeetingNumber { year, number }.to_string()
}

pub(crate) fn case_label(year: i32, number: Option<u32>) -> Option<String> {
    number.map(|number| CaseNumber { year, number }.to_string())
}

/// (status, "4/2025") of a meeting.
pub(crate) fn meeting_status(
    conn: &Connection,
    meeting_id: &str,
) -> Result<(MeetingStatus, String)> {
    conn.query_row(
        "SELECT status, year, number FROM meeting WHERE id = ?1",
        [meeting_id],
        |r| Ok((r.get(0)?, meeting_label(r.get(1)?, r.get(2)?))),
    )
    .optional()?
    .ok_or_else(|| not_found(Thing::Meeting, meeting_id))
}

pub(crate) fn body_id_by_short(conn: &Connection, short: &str) -> Result<String> {
    conn.query_row(
        "SELECT id FROM body WHERE short_name = ?1",
        [short.trim()],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| not_found(Thing::Body, short))
}

pub(crate) fn person(conn: &Connection, id: &str) -> Result<Person> {
    conn.query_row(
        "SELECT id, name, organisation, email FROM person WHERE id = ?1",
        [id],
        person_from_row,
    )
    .optional()?
    .ok_or_else(|| not_found(Thing::Person, id))
}

pub(crate) fn person_from_row(r: &Row) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        name: r.get(1)?,
        organisation: r.get(2)?,
        email: r.get(3)?,
    })
}

const MEETING_COLS: &str =
    "id, body_id, year, number, extraordinary, date, start_time, end_time, place, remote,
    remote_link, status, approved_by_case_id, current_item_id";

fn meeting_from_row(r: &Row) -> rusqlite::Result<Meeting> {
    let year: i32 = r.get(2)?;
    let seq: u32 = r.get(3)?;
    Ok(Meeting {
        id: r.get(0)?,
        body_id: r.get(1)?,
        number: meeting_label(year, seq),
        year,
        seq,
        extraordinary: r.get(4)?,
        date: r.get(5)?,
        start: r.get(6)?,
        end: r.get(7)?,
        place: r.get(8)?,
        remote: r.get(9)?,
        remote_link: r.get(10)?,
        status: r.get(11)?,
        approved_by_case_id: r.get(12)?,
        current_item_id: r.get(13)?,
    })
}

pub(crate) fn meeting(conn: &Connection, id: &str) -> Result<Meeting> {
    conn.query_row(
        &format!("SELECT {MEETING_COLS} FROM meeting WHERE id = ?1"),
        [id],
        meeting_from_row,
    )
    .optional()?
    .ok_or_else(|| not_found(Thing::Meeting, id))
}

pub(crate) fn meeting_by_number(
    conn: &Connection,
    body_id: &str,
    n: MeetingNumber,
) -> Result<Meeting> {
    conn.query_row(
        &format!(
            "SELECT {MEETING_COLS} FROM meeting WHERE body_id = ?1 AND year = ?2 AND number = ?3"
        ),
        params![body_id, n.year, n.number],
        meeting_from_row,
    )
    .optional()?
    .ok_or_else(|| not_found(Thing::Meeting, n.to_string()))
}

/// Meetings of a body in date order (optionally one year).
pub(crate) fn meetings_of(
    conn: &Connection,
    body_id: &str,
    year: Option<i32>,
) -> Result<Vec<Meeting>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {MEETING_COLS} FROM meeting WHERE body_id = ?1 AND (?2 IS NULL OR year = ?2)
         ORDER BY date, number"
    ))?;
    let rows = stmt.query_map(params![body_id, year], meeting_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

const ITEM_SELECT: &str = "SELECT i.id, i.meeting_id, i.position, i.kind, i.case_id, i.continues_case_id,
    coalesce(c.title, i.title), coalesce(ct.name, i.case_type), i.guest, coalesce(c.summary, i.summary),
    coalesce(c.no_memo, i.no_memo), i.duration_min, i.narrative, i.actual_start,
    coalesce(c.year, cc.year), coalesce(c.number, cc.number), cc.title
    FROM agenda_item i
    LEFT JOIN \"case\" c ON c.id = i.case_id
    LEFT JOIN case_type ct ON ct.id = c.case_type_id
    LEFT JOIN \"case\" cc ON cc.id = i.continues_case_id";

fn item_from_row(r: &Row) -> rusqlite::Result<AgendaItem> {
    let kind: ItemKind = r.get(3)?;
    let continued_title: Option<String> = r.get(16)?;
    let own_title: String = r.get(6)?;
    let case_number = match r.get::<_, Option<i32>>(14)? {
        Some(y) => case_label(y, r.get(15)?),
        None => None,
    };
    // A continuation shows as "32/25 forts." with the case's title unless it has its own.
    let title = match (kind, continued_title) {
        (ItemKind::Continuation, Some(t)) if own_title.is_empty() => t,
        _ => own_title,
    };
    Ok(AgendaItem {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        position: r.get(2)?,
        kind,
        case_id: r.get(4)?,
        case_number,
        continues_case_id: r.get(5)?,
        title,
        case_type: r.get(7)?,
        guest: r.get(8)?,
        summary: r.get(9)?,
        no_memo: r.get(10)?,
        duration_min: r.get(11)?,
        narrative: r.get(12)?,
        actual_start: r.get(13)?,
    })
}

pub(crate) fn item(conn: &Connection, id: &str) -> Result<AgendaItem> {
    conn.query_row(
        &format!("{ITEM_SELECT} WHERE i.id = ?1"),
        [id],
        item_from_row,
    )
    .optional()?
    .ok_or_else(|| not_found(Thing::AgendaItem, id))
}

pub(crate) fn items_of(conn: &Connection, meeting_id: &str) -> Result<Vec<AgendaItem>> {
    let mut stmt = conn.prepare(&format!(
        "{ITEM_SELECT} WHERE i.meeting_id = ?1 ORDER BY i.position"
    ))?;
    let rows = stmt.query_map([meeting_id], item_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The agenda item that places a case, if any: (item id, meeting id).
pub(crate) fn placement(conn: &Connection, case_id: &str) -> Result<Option<(String, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, meeting_id FROM agenda_item WHERE case_id = ?1",
            [case_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

const CASE_SELECT: &str = "SELECT c.id, c.body_id, c.year, c.number, c.title, coalesce(ct.name, ''), c.summary,
    c.proposal, c.no_memo, c.memo_purpose, c.memo_background, c.memo_questions, c.memo_process, c.owner,
    c.officer, c.exempt, c.exempt_basis, c.decision, i.meeting_id, i.id
    FROM \"case\" c LEFT JOIN case_type ct ON ct.id = c.case_type_id
    LEFT JOIN agenda_item i ON i.case_id = c.id";

fn case_from_row(r: &Row) -> rusqlite::Result<Case> {
    let proposal: String = r.get(7)?;
    let decision: Option<String> = r.get(17)?;
    let year: i32 = r.get(2)?;
    Ok(Case {
        id: r.get(0)?,
        body_id: r.get(1)?,
        year,
        number: case_label(year, r.get(3)?),
        title: r.get(4)?,
        case_type: r.get(5)?,
        summary: r.get(6)?,
        amended: decision.as_deref().is_some_and(|d| d != proposal),
        proposal,
        no_memo: r.get(8)?,
        memo: MemoSections {
            purpose: r.get(9)?,
            background: r.get(10)?,
            questions: r.get(11)?,
            process: r.get(12)?,
        },
        owner: r.get(13)?,
        officer: r.get(14)?,
        exempt: r.get(15)?,
        exempt_basis: r.get(16)?,
        decision,
        meeting_id: r.get(18)?,
        item_id: r.get(19)?,
        attachments: Vec::new(),
        links: Vec::new(),
    })
}

/// A case with its attachments and links.
pub(crate) fn case(conn: &Connection, id: &str) -> Result<Case> {
    let mut c = conn
        .query_row(
            &format!("{CASE_SELECT} WHERE c.id = ?1"),
            [id],
            case_from_row,
        )
        .optional()?
        .ok_or_else(|| not_found(Thing::Case, id))?;
    c.attachments = attachments_of(conn, id)?;
    c.links = links_of(conn, id)?;
    Ok(c)
}

pub(crate) fn case_id_by_number(conn: &Connection, body_id: &str, n: CaseNumber) -> Result<String> {
    conn.query_row(
        "SELECT id FROM \"case\" WHERE body_id = ?1 AND year = ?2 AND number = ?3",
        params![body_id, n.year, n.number],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| not_found(Thing::Case, n.to_string()))
}

pub(crate) fn attachments_of(conn: &Connection, case_id: &str) -> Result<Vec<Attachment>> {
    let mut stmt = conn.prepare(
        "SELECT id, label, title, file_name, media_type, coalesce(length(content), 0)
         FROM attachment WHERE case_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([case_id], |r| {
        Ok(Attachment {
            id: r.get(0)?,
            label: r.get(1)?,
            title: r.get(2)?,
            file_name: r.get(3)?,
            media_type: r.get(4)?,
            size: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Links resolved for display: a case in the record shows its own number, body, meeting date,
/// title and decision (or proposal while undecided).
pub(crate) fn links_of(conn: &Connection, case_id: &str) -> Result<Vec<CaseLink>> {
    let mut stmt = conn.prepare(
        "SELECT l.id, l.target_case_id, l.ref_number, l.ref_body, l.ref_date, l.ref_title, l.ref_decision,
                t.year, t.number, b.short_name, m.date, t.title, coalesce(t.decision, t.proposal), t.exempt
         FROM case_link l
         LEFT JOIN \"case\" t ON t.id = l.target_case_id
         LEFT JOIN body b ON b.id = t.body_id
         LEFT JOIN agenda_item i ON i.case_id = t.id
         LEFT JOIN meeting m ON m.id = i.meeting_id
         WHERE l.case_id = ?1 ORDER BY l.position",
    )?;
    let rows = stmt.query_map([case_id], |r| {
        let target: Option<String> = r.get(1)?;
        if target.is_some() {
            let year: i32 = r.get(7)?;
            Ok(CaseLink {
                id: r.get(0)?,
                target_case_id: target,
                number: case_label(year, r.get(8)?).unwrap_or_default(),
                body: r.get(9)?,
                date: r.get::<_, Option<String>>(10)?.unwrap_or_default(),
                title: r.get(11)?,
                decision: r.get(12)?,
                exempt: r.get(13)?,
            })
        } else {
            Ok(CaseLink {
                id: r.get(0)?,
                target_case_id: None,
                number: r.get(2)?,
                body: r.get(3)?,
                date: r.get(4)?,
                title: r.get(5)?,
                decision: r.get(6)?,
                exempt: false,
            })
        }
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The meeting that holds an agenda item.
pub(crate) fn meeting_of_item(conn: &Connection, item_id: &str) -> Result<String> {
    conn.query_row(
        "SELECT meeting_id FROM agenda_item WHERE id = ?1",
        [item_id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| not_found(Thing::AgendaItem, item_id))
}

/// Next position at the end of an ordered child list.
pub(crate) fn next_position(
    conn: &Connection,
    table: &str,
    parent_col: &str,
    parent: &str,
) -> Result<i64> {
    Ok(conn.query_row(
        &format!("SELECT coalesce(max(position), -1) + 1 FROM {table} WHERE {parent_col} = ?1"),
        [parent],
        |r| r.get(0),
    )?)
}
