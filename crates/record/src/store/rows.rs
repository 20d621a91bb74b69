//! Row readers shared by the modules that operate on the record: one place for each SELECT, and
//! one mapper per type. Rows are read by column name; computed and joined columns carry aliases.

use crate::error::{Error, Result, Thing};
use crate::model::*;
use crate::numbers::{CaseNumber, MeetingNumber};
use crate::vocab::{ItemKind, MeetingStatus};
use rusqlite::{params, Connection, OptionalExtension, Params, Row};

/// Every row of `sql`, each mapped by `f`.
pub(crate) fn all<T>(
    conn: &Connection,
    sql: &str,
    p: impl Params,
    f: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    // Cached: the record's reads are a few dozen statements run again and again, and preparing
    // the larger ones (search, the agenda) cost more than running them on a small record.
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(p, f)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The first row of `sql` mapped by `f`, or "not found" as `what` with `key`.
pub(crate) fn one<T>(
    conn: &Connection,
    sql: &str,
    p: impl Params,
    f: impl FnOnce(&Row) -> rusqlite::Result<T>,
    what: Thing,
    key: impl Into<String>,
) -> Result<T> {
    conn.query_row(sql, p, f)
        .optional()?
        .ok_or_else(|| not_found(what, key))
}

/// The first of `rows`, or "not found" as `what` with `key`.
pub(crate) fn first<T>(rows: Vec<T>, what: Thing, key: impl Into<String>) -> Result<T> {
    rows.into_iter().next().ok_or_else(|| not_found(what, key))
}

/// Builds `$ty` from the row `$r` by column name: each field before `;` reads the column of its
/// own name; the fields after it are given (`field: expression`, or a variable of that name).
macro_rules! from_row {
    ($r:ident => $ty:ident { $($col:ident),* $(,)? $(; $($field:ident $(: $value:expr)?),* $(,)?)? }) => {
        $ty {
            $($col: $r.get(stringify!($col))?,)*
            $($($field $(: $value)?,)*)?
        }
    };
}
pub(crate) use from_row;

/// The `id` column of a row.
pub(crate) fn id_from_row(r: &Row) -> rusqlite::Result<String> {
    r.get("id")
}

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

/// "32/25" from a row's case year and number columns, or None where the row has no case year.
pub(crate) fn case_number_from_row(
    r: &Row,
    year: &str,
    number: &str,
) -> rusqlite::Result<Option<String>> {
    match r.get::<_, Option<i32>>(year)? {
        Some(y) => Ok(case_label(y, r.get(number)?)),
        None => Ok(None),
    }
}

/// (status, "4/2025") of a meeting.
pub(crate) fn meeting_status(
    conn: &Connection,
    meeting_id: &str,
) -> Result<(MeetingStatus, String)> {
    one(
        conn,
        "SELECT status, year, number FROM meeting WHERE id = ?1",
        [meeting_id],
        |r| {
            Ok((
                r.get("status")?,
                meeting_label(r.get("year")?, r.get("number")?),
            ))
        },
        Thing::Meeting,
        meeting_id,
    )
}

/// The bodies whose short name is `short` but for case, as (id, short name). SQLite's NOCASE
/// folds only ASCII ("Å" and "å" differ there), so the folding is done here.
pub(crate) fn bodies_alike(conn: &Connection, short: &str) -> Result<Vec<(String, String)>> {
    let folded = short.trim().to_lowercase();
    let bodies = all(conn, "SELECT id, short_name FROM body", [], |r| {
        Ok((r.get::<_, String>("id")?, r.get::<_, String>("short_name")?))
    })?;
    Ok(bodies
        .into_iter()
        .filter(|(_, s)| s.to_lowercase() == folded)
        .collect())
}

/// A body by its short name as typed: the exact name, else the one name that differs only in
/// case ("E-HELSERÅDET", "e-helserådet").
pub(crate) fn body_id_by_short(conn: &Connection, short: &str) -> Result<String> {
    let short = short.trim();
    let alike = bodies_alike(conn, short)?;
    let exact = alike.iter().find(|(_, s)| s == short);
    match (exact, alike.as_slice()) {
        (Some((id, _)), _) | (None, [(id, _)]) => Ok(id.clone()),
        _ => Err(not_found(Thing::Body, short)),
    }
}

/// The columns of a person.
const PERSON_FIELDS: [&str; 4] = ["id", "name", "organisation", "email"];

/// The select list of the person `alias` in a query, each column named `{prefix}{column}`
/// ("p.id AS person_id, …") for `person_from_row`.
pub(crate) fn person_columns(alias: &str, prefix: &str) -> String {
    PERSON_FIELDS
        .iter()
        .map(|f| format!("{alias}.{f} AS {prefix}{f}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// All people, in the order of the clauses appended (WHERE, ORDER BY).
pub(crate) fn people_where(
    conn: &Connection,
    clauses: &str,
    p: impl Params,
) -> Result<Vec<Person>> {
    all(
        conn,
        &format!("SELECT {} FROM person p {clauses}", person_columns("p", "")),
        p,
        |r| person_from_row(r, ""),
    )
}

pub(crate) fn person(conn: &Connection, id: &str) -> Result<Person> {
    first(
        people_where(conn, "WHERE p.id = ?1", [id])?,
        Thing::Person,
        id,
    )
}

/// The one Person mapper: reads the columns `person_columns` names with `prefix`.
pub(crate) fn person_from_row(r: &Row, prefix: &str) -> rusqlite::Result<Person> {
    let col = |field: &str| format!("{prefix}{field}");
    Ok(Person {
        id: r.get(col("id").as_str())?,
        name: r.get(col("name").as_str())?,
        organisation: r.get(col("organisation").as_str())?,
        email: r.get(col("email").as_str())?,
    })
}

/// The person of an outer join (a substitute), or None where the row has none.
pub(crate) fn optional_person_from_row(r: &Row, prefix: &str) -> rusqlite::Result<Option<Person>> {
    match r.get::<_, Option<String>>(format!("{prefix}id").as_str())? {
        Some(_) => person_from_row(r, prefix).map(Some),
        None => Ok(None),
    }
}

const MEETING_SELECT: &str =
    "SELECT id, body_id, year, number, extraordinary, date, start_time, end_time, place, remote,
    remote_link, status, approved_by_case_id, current_item_id FROM meeting";

fn meeting_from_row(r: &Row) -> rusqlite::Result<Meeting> {
    let year: i32 = r.get("year")?;
    let seq: u32 = r.get("number")?;
    Ok(from_row!(r => Meeting {
        id, body_id, extraordinary, date, place, remote, remote_link, status,
        approved_by_case_id, current_item_id;
        number: meeting_label(year, seq), year, seq,
        start: r.get("start_time")?, end: r.get("end_time")?,
    }))
}

fn meetings_where(conn: &Connection, clauses: &str, p: impl Params) -> Result<Vec<Meeting>> {
    all(
        conn,
        &format!("{MEETING_SELECT} {clauses}"),
        p,
        meeting_from_row,
    )
}

pub(crate) fn meeting(conn: &Connection, id: &str) -> Result<Meeting> {
    first(
        meetings_where(conn, "WHERE id = ?1", [id])?,
        Thing::Meeting,
        id,
    )
}

pub(crate) fn meeting_by_number(
    conn: &Connection,
    body_id: &str,
    n: MeetingNumber,
) -> Result<Meeting> {
    first(
        meetings_where(
            conn,
            "WHERE body_id = ?1 AND year = ?2 AND number = ?3",
            params![body_id, n.year, n.number],
        )?,
        Thing::Meeting,
        n.to_string(),
    )
}

/// Meetings of a body in date order (optionally one year).
pub(crate) fn meetings_of(
    conn: &Connection,
    body_id: &str,
    year: Option<i32>,
) -> Result<Vec<Meeting>> {
    meetings_where(
        conn,
        "WHERE body_id = ?1 AND (?2 IS NULL OR year = ?2) ORDER BY date, number",
        params![body_id, year],
    )
}

const ITEM_SELECT: &str =
    "SELECT i.id, i.meeting_id, i.position, i.kind, i.case_id, i.continues_case_id,
    coalesce(c.title, i.title) AS title, coalesce(ct.name, i.case_type) AS case_type, i.guest,
    coalesce(c.summary, i.summary) AS summary, coalesce(c.no_memo, i.no_memo) AS no_memo,
    i.duration_min, i.narrative, i.actual_start,
    coalesce(c.year, cc.year) AS case_year, coalesce(c.number, cc.number) AS case_seq,
    cc.title AS continued_title
    FROM agenda_item i
    LEFT JOIN \"case\" c ON c.id = i.case_id
    LEFT JOIN case_type ct ON ct.id = c.case_type_id
    LEFT JOIN \"case\" cc ON cc.id = i.continues_case_id";

fn item_from_row(r: &Row) -> rusqlite::Result<AgendaItem> {
    let kind: ItemKind = r.get("kind")?;
    let continued_title: Option<String> = r.get("continued_title")?;
    let own_title: String = r.get("title")?;
    // A continuation shows as "32/25 forts." with the case's title unless it has its own.
    let title = match (kind, continued_title) {
        (ItemKind::Continuation, Some(t)) if own_title.is_empty() => t,
        _ => own_title,
    };
    Ok(from_row!(r => AgendaItem {
        id, meeting_id, position, case_id, continues_case_id, case_type, guest, summary,
        no_memo, duration_min, narrative, actual_start;
        kind, title, case_number: case_number_from_row(r, "case_year", "case_seq")?,
    }))
}

pub(crate) fn item(conn: &Connection, id: &str) -> Result<AgendaItem> {
    one(
        conn,
        &format!("{ITEM_SELECT} WHERE i.id = ?1"),
        [id],
        item_from_row,
        Thing::AgendaItem,
        id,
    )
}

pub(crate) fn items_of(conn: &Connection, meeting_id: &str) -> Result<Vec<AgendaItem>> {
    all(
        conn,
        &format!("{ITEM_SELECT} WHERE i.meeting_id = ?1 ORDER BY i.position"),
        [meeting_id],
        item_from_row,
    )
}

/// The agenda item that places a case, if any: (item id, meeting id).
pub(crate) fn placement(conn: &Connection, case_id: &str) -> Result<Option<(String, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, meeting_id FROM agenda_item WHERE case_id = ?1",
            [case_id],
            |r| Ok((r.get("id")?, r.get("meeting_id")?)),
        )
        .optional()?)
}

const CASE_SELECT: &str = "SELECT c.id, c.body_id, c.year, c.number, c.title,
    coalesce(ct.name, '') AS case_type, c.summary, c.proposal, c.no_memo, c.memo_purpose AS purpose,
    c.memo_background AS background, c.memo_questions AS questions, c.memo_process AS process, c.owner, c.officer, c.exempt,
    c.exempt_basis, c.decision, i.meeting_id AS meeting_id, i.id AS item_id
    FROM \"case\" c LEFT JOIN case_type ct ON ct.id = c.case_type_id
    LEFT JOIN agenda_item i ON i.case_id = c.id";

fn case_from_row(r: &Row) -> rusqlite::Result<Case> {
    let proposal: String = r.get("proposal")?;
    let decision: Option<String> = r.get("decision")?;
    let year: i32 = r.get("year")?;
    Ok(from_row!(r => Case {
        id, body_id, title, case_type, summary, no_memo, owner, officer, exempt, exempt_basis,
        meeting_id, item_id;
        year,
        number: case_label(year, r.get("number")?),
        amended: decision.as_deref().is_some_and(|d| d != proposal),
        proposal,
        decision,
        memo: from_row!(r => MemoSections { purpose, background, questions, process }),
        attachments: Vec::new(),
        links: Vec::new(),
    }))
}

/// A case with its attachments and links.
pub(crate) fn case(conn: &Connection, id: &str) -> Result<Case> {
    let mut c = one(
        conn,
        &format!("{CASE_SELECT} WHERE c.id = ?1"),
        [id],
        case_from_row,
        Thing::Case,
        id,
    )?;
    c.attachments = attachments_of(conn, id)?;
    c.links = links_of(conn, id)?;
    Ok(c)
}

pub(crate) fn case_id_by_number(conn: &Connection, body_id: &str, n: CaseNumber) -> Result<String> {
    one(
        conn,
        "SELECT id FROM \"case\" WHERE body_id = ?1 AND year = ?2 AND number = ?3",
        params![body_id, n.year, n.number],
        id_from_row,
        Thing::Case,
        n.to_string(),
    )
}

pub(crate) fn attachments_of(conn: &Connection, case_id: &str) -> Result<Vec<Attachment>> {
    all(
        conn,
        "SELECT id, label, title, file_name, media_type, coalesce(length(content), 0) AS size
         FROM attachment WHERE case_id = ?1 ORDER BY position",
        [case_id],
        |r| Ok(from_row!(r => Attachment { id, label, title, file_name, media_type, size })),
    )
}

/// What a link shows: of a case in the record (`t`) its number, body, meeting date, title and
/// decision (or proposal while undecided), found by the joins that follow; of a treatment
/// outside the record (`l`, no `t`) what the reference says.
const LINK_COLUMNS: &str = "t.id AS target_case_id, t.year AS target_year, t.number AS target_seq,
    l.ref_number,
    CASE WHEN t.id IS NULL THEN l.ref_body ELSE b.short_name END AS body,
    CASE WHEN t.id IS NULL THEN l.ref_date ELSE coalesce(m.date, '') END AS date,
    CASE WHEN t.id IS NULL THEN l.ref_title ELSE t.title END AS title,
    CASE WHEN t.id IS NULL THEN l.ref_decision ELSE coalesce(t.decision, t.proposal) END AS decision,
    coalesce(t.exempt, 0) AS exempt";
const LINK_TARGET_JOINS: &str = "LEFT JOIN body b ON b.id = t.body_id
    LEFT JOIN agenda_item i ON i.case_id = t.id
    LEFT JOIN meeting m ON m.id = i.meeting_id";

fn link_from_row(r: &Row) -> rusqlite::Result<CaseLink> {
    let target_case_id: Option<String> = r.get("target_case_id")?;
    let number = match target_case_id {
        Some(_) => case_label(r.get("target_year")?, r.get("target_seq")?).unwrap_or_default(),
        None => r.get("ref_number")?,
    };
    Ok(from_row!(r => CaseLink {
        id, body, date, title, decision, exempt;
        target_case_id, number,
    }))
}

/// Links resolved for display: a case in the record shows its own number, body, meeting date,
/// title and decision (or proposal while undecided).
pub(crate) fn links_of(conn: &Connection, case_id: &str) -> Result<Vec<CaseLink>> {
    all(
        conn,
        &format!(
            "SELECT l.id, {LINK_COLUMNS}
             FROM case_link l LEFT JOIN \"case\" t ON t.id = l.target_case_id {LINK_TARGET_JOINS}
             WHERE l.case_id = ?1 ORDER BY l.position"
        ),
        [case_id],
        link_from_row,
    )
}

/// The later cases (of any body) that link back to a case, oldest first, as links to them
/// ("later-" and the later case's id).
pub(crate) fn links_to(conn: &Connection, case_id: &str) -> Result<Vec<CaseLink>> {
    all(
        conn,
        &format!(
            "SELECT 'later-' || t.id AS id, {LINK_COLUMNS}
             FROM case_link l JOIN \"case\" t ON t.id = l.case_id {LINK_TARGET_JOINS}
             WHERE l.target_case_id = ?1 ORDER BY m.date, t.number"
        ),
        [case_id],
        link_from_row,
    )
}

/// The meeting that holds an agenda item.
pub(crate) fn meeting_of_item(conn: &Connection, item_id: &str) -> Result<String> {
    one(
        conn,
        "SELECT meeting_id FROM agenda_item WHERE id = ?1",
        [item_id],
        |r| r.get("meeting_id"),
        Thing::AgendaItem,
        item_id,
    )
}

/// Next position at the end of an ordered child list.
pub(crate) fn next_position(
    conn: &Connection,
    table: &str,
    parent_col: &str,
    parent: &str,
) -> Result<i64> {
    Ok(conn.query_row(
        &format!(
            "SELECT coalesce(max(position), -1) + 1 AS next_position FROM {table} WHERE {parent_col} = ?1"
        ),
        [parent],
        |r| r.get("next_position"),
    )?)
}

/// Opens a gap at `position` in an ordered child list (`by` = 1) or closes the one a removed
/// row at `position` left (`by` = -1).
pub(crate) fn shift_positions(
    conn: &Connection,
    table: &str,
    parent_col: &str,
    parent: &str,
    position: i64,
    by: i64,
) -> Result<()> {
    let (op, from) = if by > 0 { ("+", ">=") } else { ("-", ">") };
    conn.execute(
        &format!(
            "UPDATE {table} SET position = position {op} 1 WHERE {parent_col} = ?1 AND position {from} ?2"
        ),
        params![parent, position],
    )?;
    Ok(())
}

/// Whether another row of `table` (meeting or case) than `except` has the number in the body's
/// year.
pub(crate) fn number_taken(
    conn: &Connection,
    table: &str,
    body_id: &str,
    year: i32,
    number: i64,
    except: Option<&str>,
) -> Result<bool> {
    let taken: i64 = conn.query_row(
        &format!(
            "SELECT count(*) AS taken FROM \"{table}\"
             WHERE body_id = ?1 AND year = ?2 AND number = ?3 AND id IS NOT ?4"
        ),
        params![body_id, year, number, except],
        |r| r.get("taken"),
    )?;
    Ok(taken > 0)
}
