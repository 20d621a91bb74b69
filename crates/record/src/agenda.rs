//! The agenda of a meeting: ordered items (cases, breaks, open items, guest orientations,
//! continuations) and the numbering rule: case numbers run consecutively per body and year in
//! agenda order across the year's meetings, follow every change while an agenda is a draft, and
//! are frozen once it is sent.

use crate::cases::{insert_case, CaseInput};
use crate::error::{Error, Result, StateProblem};
use crate::model::AgendaItem;
use crate::store::{
    case, item, items_of, meeting, meetings_of, number_taken, shift_positions, Store,
};
use crate::validate;
use crate::vocab::{Entity, ItemKind};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

/// A new agenda item. For `ItemKind::Case` give either `case_id` (an unplaced case of the body) or
/// `new_case`; for `ItemKind::Continuation` give `continues_case_id` (a case earlier on the agenda).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ItemInput {
    pub kind: ItemKind,
    pub title: String,
    pub case_type: String,
    pub guest: String,
    pub summary: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub duration_min: i64,
    pub case_id: Option<String>,
    pub new_case: Option<CaseInput>,
    pub continues_case_id: Option<String>,
}

/// Fields of an item that are its own (a case's title and summary belong to the case).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ItemUpdate {
    pub title: String,
    pub case_type: String,
    pub guest: String,
    pub summary: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub duration_min: i64,
}

const MAX_DURATION: i64 = 24 * 60;

impl Store {
    /// Adds an item at `position` (0-based; None = at the end) and renumbers the year's cases.
    pub fn add_item(
        &self,
        meeting_id: &str,
        input: &ItemInput,
        position: Option<i64>,
    ) -> Result<AgendaItem> {
        let kind = input.kind;
        let duration = validate::range("duration", input.duration_min, 0, MAX_DURATION)?;
        let id = crate::new_id();
        self.write(|tx| {
            let m = meeting(tx, meeting_id)?;
            if kind == ItemKind::Case && m.agenda_frozen() {
                return Err(Error::AgendaSent { meeting: m.number.clone() });
            }
            let count: i64 = tx.query_row("SELECT count(*) AS items FROM agenda_item WHERE meeting_id = ?1", [meeting_id], |r| r.get("items"))?;
            let pos = position.unwrap_or(count).clamp(0, count);
            self.guarded(tx, meeting_id, Entity::AgendaItem, &id, || {
                let (case_id, continues) = match kind {
                    ItemKind::Case => (Some(case_to_place(tx, &m, input)?), None),
                    ItemKind::Continuation => {
                        let c = input.continues_case_id.clone().ok_or(Error::State(StateProblem::ContinuationWithoutCase))?;
                        case(tx, &c)?; // an unknown id is "not found", not a constraint failure
                        (None, Some(c))
                    }
                    ItemKind::Break | ItemKind::Open | ItemKind::Orientation => (None, None),
                };
                let (title, case_type, guest, summary) = own_fields(kind, &input.title, &input.case_type, &input.guest, &input.summary)?;
                shift_positions(tx, "agenda_item", "meeting_id", meeting_id, pos, 1)?;
                tx.execute(
                    "INSERT INTO agenda_item (id, meeting_id, position, kind, case_id, continues_case_id, title, case_type, guest, summary, duration_min)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    params![id, meeting_id, pos, kind, case_id, continues, title, case_type, guest, summary, duration],
                )?;
                Ok(())
            })?;
            check_continuations(tx, meeting_id)?;
            renumber(tx, &m.body_id, m.year)?;
            crate::search::reindex_item(tx, &id)?;
            item(tx, &id)
        })
    }

    pub fn update_item(&self, item_id: &str, input: &ItemUpdate) -> Result<AgendaItem> {
        let duration = validate::range("duration", input.duration_min, 0, MAX_DURATION)?;
        self.write(|tx| {
            let it = item(tx, item_id)?;
            let (title, case_type, guest, summary) = own_fields(it.kind, &input.title, &input.case_type, &input.guest, &input.summary)?;
            self.guarded(tx, &it.meeting_id, Entity::AgendaItem, item_id, || {
                tx.execute(
                    "UPDATE agenda_item SET title = ?2, case_type = ?3, guest = ?4, summary = ?5, duration_min = ?6 WHERE id = ?1",
                    params![item_id, title, case_type, guest, summary, duration],
                )?;
                Ok(())
            })?;
            crate::search::reindex_item(tx, item_id)?;
            item(tx, item_id)
        })
    }

    /// Moves an item to `position` (0-based, clamped). Cases cannot move once the agenda is sent.
    pub fn move_item(&self, item_id: &str, position: i64) -> Result<Vec<AgendaItem>> {
        self.write(|tx| {
            let it = item(tx, item_id)?;
            let m = meeting(tx, &it.meeting_id)?;
            let mut order: Vec<String> = items_of(tx, &m.id)?.into_iter().map(|i| i.id).collect();
            let from = order.iter().position(|i| i == item_id).unwrap_or(0);
            let to = (position.max(0) as usize).min(order.len() - 1);
            if from == to {
                return items_of(tx, &m.id);
            }
            let moved = order.remove(from);
            order.insert(to, moved);
            if m.agenda_frozen() && cases_in_order(tx, &m.id)? != cases_after(tx, &order)? {
                return Err(Error::AgendaSent { meeting: m.number });
            }
            self.guarded(tx, &m.id, Entity::AgendaItem, item_id, || {
                for (pos, id) in order.iter().enumerate() {
                    tx.execute(
                        "UPDATE agenda_item SET position = ?2 WHERE id = ?1",
                        params![id, pos as i64],
                    )?;
                }
                Ok(())
            })?;
            check_continuations(tx, &m.id)?;
            renumber(tx, &m.body_id, m.year)?;
            items_of(tx, &m.id)
        })
    }

    /// Removes an item. A case taken off a draft agenda stays in the record, unnumbered.
    pub fn remove_item(&self, item_id: &str) -> Result<()> {
        self.write(|tx| {
            let it = item(tx, item_id)?;
            let m = meeting(tx, &it.meeting_id)?;
            if it.kind == ItemKind::Case && m.agenda_frozen() {
                return Err(Error::AgendaSent { meeting: m.number });
            }
            if let Some(c) = &it.case_id {
                crate::record::refuse_if_approving(tx, c)?;
            }
            self.guarded(tx, &m.id, Entity::AgendaItem, item_id, || {
                crate::search::unindex_item(tx, item_id)?;
                tx.execute("DELETE FROM agenda_item WHERE id = ?1", [item_id])?;
                if let Some(c) = &it.case_id {
                    tx.execute("UPDATE \"case\" SET number = NULL WHERE id = ?1", [c])?;
                }
                shift_positions(tx, "agenda_item", "meeting_id", &m.id, it.position, -1)?;
                Ok(())
            })?;
            check_continuations(tx, &m.id)?;
            renumber(tx, &m.body_id, m.year)
        })
    }

    pub fn agenda(&self, meeting_id: &str) -> Result<Vec<AgendaItem>> {
        meeting(&self.conn, meeting_id)?;
        items_of(&self.conn, meeting_id)
    }

    pub fn item(&self, item_id: &str) -> Result<AgendaItem> {
        item(&self.conn, item_id)
    }

    /// Sets where numbering of a body's cases starts in a year, for a body whose earlier meetings
    /// of that year are not in the record (its first case that year is then `first_number`).
    pub fn set_first_case_number(&self, body_id: &str, year: i32, first_number: i64) -> Result<()> {
        let first = validate::range("first_number", first_number, 1, 9999)?;
        self.write(|tx| {
            crate::bodies::body(tx, body_id)?;
            tx.execute(
                "INSERT INTO number_series (id, body_id, year, first_number) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (body_id, year) DO UPDATE SET first_number = excluded.first_number",
                params![crate::new_id(), body_id, year, first],
            )?;
            renumber(tx, body_id, year)
        })
    }
}

/// The id of the case an item of kind "case" places: an existing unplaced case, or a new one.
fn case_to_place(tx: &Connection, m: &crate::model::Meeting, input: &ItemInput) -> Result<String> {
    match (&input.case_id, &input.new_case) {
        (Some(id), _) => {
            let c = case(tx, id)?;
            if c.body_id != m.body_id || c.item_id.is_some() {
                return Err(Error::other(
                    "case",
                    "Saken står allerede på en dagsorden eller hører til et annet organ. Ta den av den andre dagsordenen først.",
                    "The case is already on an agenda or belongs to another body. Take it off the other agenda first.",
                ));
            }
            tx.execute(
                "UPDATE \"case\" SET year = ?2 WHERE id = ?1",
                params![id, m.year],
            )?;
            Ok(id.clone())
        }
        (None, Some(new_case)) => insert_case(tx, &m.body_id, m.year, new_case),
        (None, None) => Err(Error::other(
            "case",
            "Velg en sak, eller opprett en ny.",
            "Choose a case, or create a new one.",
        )),
    }
}

/// Validated title, type, guest and summary of a non-case item (cases keep theirs on the case).
fn own_fields(
    kind: ItemKind,
    title: &str,
    case_type: &str,
    guest: &str,
    summary: &str,
) -> Result<(String, String, String, String)> {
    let title = match kind {
        ItemKind::Break | ItemKind::Open | ItemKind::Orientation => validate::line("title", title)?,
        ItemKind::Case | ItemKind::Continuation => validate::optional_line("title", title)?,
    };
    Ok((
        title,
        validate::optional_line("case_type", case_type)?,
        validate::optional_line("guest", guest)?,
        validate::text("summary", summary)?,
    ))
}

/// Every continuation must follow its case on the same agenda.
fn check_continuations(tx: &Connection, meeting_id: &str) -> Result<()> {
    let bad: i64 = tx.query_row(
        "SELECT count(*) AS bad FROM agenda_item k WHERE k.meeting_id = ?1 AND k.kind = 'continuation' AND NOT EXISTS (
            SELECT 1 FROM agenda_item c WHERE c.meeting_id = k.meeting_id AND c.case_id = k.continues_case_id
            AND c.position < k.position)",
        [meeting_id],
        |r| r.get("bad"),
    )?;
    if bad > 0 {
        return Err(Error::State(StateProblem::ContinuationWithoutCase));
    }
    Ok(())
}

fn cases_in_order(tx: &Connection, meeting_id: &str) -> Result<Vec<String>> {
    Ok(items_of(tx, meeting_id)?
        .into_iter()
        .filter_map(|i| i.case_id)
        .collect())
}

fn cases_after(tx: &Connection, order: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for id in order {
        if let Some(c) = item(tx, id)?.case_id {
            out.push(c);
        }
    }
    Ok(out)
}

/// Gives the cases of a body's year their numbers: frozen agendas keep theirs; each draft agenda
/// continues after the highest number before it. A draft dated before a sent agenda would
/// collide with its frozen numbers and is refused.
pub(crate) fn renumber(tx: &Connection, body_id: &str, year: i32) -> Result<()> {
    let first: i64 = tx
        .query_row(
            "SELECT first_number FROM number_series WHERE body_id = ?1 AND year = ?2",
            params![body_id, year],
            |r| r.get("first_number"),
        )
        .unwrap_or(1);
    let meetings = meetings_of(tx, body_id, Some(year))?;
    // Free the draft numbers first so reassignment never trips the uniqueness constraint.
    for m in meetings.iter().filter(|m| !m.agenda_frozen()) {
        tx.execute(
            "UPDATE \"case\" SET number = NULL WHERE id IN (SELECT case_id FROM agenda_item WHERE meeting_id = ?1 AND case_id IS NOT NULL)",
            [&m.id],
        )?;
    }
    let mut last = first - 1;
    let mut draft_before_frozen: Option<String> = None;
    for m in &meetings {
        let cases = cases_in_order(tx, &m.id)?;
        if m.agenda_frozen() {
            for c in &cases {
                let n: Option<i64> =
                    tx.query_row("SELECT number FROM \"case\" WHERE id = ?1", [c], |r| {
                        r.get("number")
                    })?;
                if let Some(n) = n {
                    // Frozen numbers must continue exactly where the numbers before them end:
                    // a collision or a gap (a draft before it dropping a case) is refused.
                    if n != last + 1 {
                        return Err(Error::State(StateProblem::NumberingConflict {
                            meeting: draft_before_frozen.unwrap_or_else(|| m.number.clone()),
                        }));
                    }
                    last = n;
                }
            }
        } else {
            if !cases.is_empty() {
                draft_before_frozen = Some(m.number.clone());
            }
            for c in &cases {
                last += 1;
                if number_taken(tx, "case", body_id, year, last, Some(c))? {
                    return Err(Error::State(StateProblem::NumberingConflict {
                        meeting: m.number.clone(),
                    }));
                }
                tx.execute(
                    "UPDATE \"case\" SET number = ?2, year = ?3 WHERE id = ?1",
                    params![c, last, year],
                )?;
            }
        }
    }
    Ok(())
}
