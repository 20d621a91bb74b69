//! The meeting record: attendance, and per item the narrative, innspill, decision and action
//! points. Every write goes through the lock of the item's meeting.

use crate::error::{Error, Result, StateProblem, Thing};
use crate::model::{ActionPoint, Attendance, Due, Innspill};
use crate::seal::sealed_person_columns;
use crate::store::{
    all, case, case_number_from_row, first, from_row, id_from_row, item, meeting, meeting_label,
    meeting_of_item, next_position, one, optional_person_from_row, person_from_row,
    shift_positions, Store,
};
use crate::validate;
use crate::vocab::{ActionStatus, AttendanceStatus, Entity};
use rusqlite::{params, Connection, OptionalExtension, Params};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AttendanceInput {
    pub person_id: String,
    pub status: AttendanceStatus,
    /// For status "substitute": the member stood in for.
    pub substitute_for: Option<String>,
    pub remote: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ActionInput {
    pub text: String,
    pub responsible: String,
    pub due: Due,
}

impl Store {
    /// Records (or changes) one person's attendance at a meeting.
    pub fn set_attendance(
        &self,
        meeting_id: &str,
        input: &AttendanceInput,
    ) -> Result<Vec<Attendance>> {
        let status = input.status;
        let sub_for = if status == AttendanceStatus::Substitute {
            Some(
                input
                    .substitute_for
                    .clone()
                    .filter(|s| !s.is_empty())
                    .ok_or_else(|| {
                        Error::other(
                            "substitute_for",
                            "Velg hvem stedfortrederen stiller for.",
                            "Choose whom the substitute stands in for.",
                        )
                    })?,
            )
        } else {
            None
        };
        self.write(|tx| {
            meeting(tx, meeting_id)?;
            crate::people::check_pair(tx, &input.person_id, sub_for.as_deref(), || {
                Error::other(
                    "substitute_for",
                    "En person kan ikke stille for seg selv.",
                    "A person cannot stand in for themselves.",
                )
            })?;
            let id: String = tx
                .query_row("SELECT id FROM attendance WHERE meeting_id = ?1 AND person_id = ?2", params![meeting_id, input.person_id], id_from_row)
                .optional()?
                .unwrap_or_else(crate::new_id);
            self.guarded(tx, meeting_id, Entity::Attendance, &id, || {
                tx.execute(
                    "INSERT INTO attendance (id, meeting_id, person_id, status, substitute_for, remote) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (meeting_id, person_id) DO UPDATE SET status = excluded.status,
                     substitute_for = excluded.substitute_for, remote = excluded.remote",
                    params![id, meeting_id, input.person_id, status, sub_for, input.remote],
                )?;
                Ok(())
            })?;
            // Only a correction gets here for a sealed meeting: whom it names first is sealed now.
            let named: Vec<&str> = std::iter::once(input.person_id.as_str())
                .chain(sub_for.as_deref())
                .collect();
            crate::seal::cover(tx, meeting_id, &named)?;
            attendance(tx, meeting_id)
        })
    }

    pub fn remove_attendance(&self, meeting_id: &str, person_id: &str) -> Result<Vec<Attendance>> {
        self.write(|tx| {
            let id: String = one(
                tx,
                "SELECT id FROM attendance WHERE meeting_id = ?1 AND person_id = ?2",
                params![meeting_id, person_id],
                id_from_row,
                Thing::Attendance,
                person_id,
            )?;
            self.guarded(tx, meeting_id, Entity::Attendance, &id, || {
                tx.execute("DELETE FROM attendance WHERE id = ?1", [&id])?;
                Ok(())
            })?;
            attendance(tx, meeting_id)
        })
    }

    pub fn attendance(&self, meeting_id: &str) -> Result<Vec<Attendance>> {
        attendance(&self.conn, meeting_id)
    }

    /// The minutes' narrative of an item ("who presented what").
    pub fn set_narrative(&self, item_id: &str, text: &str) -> Result<()> {
        let text = validate::text("narrative", text)?;
        let sql = "UPDATE agenda_item SET narrative = ?2 WHERE id = ?1";
        self.execute_on_item(
            item_id,
            Entity::AgendaItem,
            item_id,
            sql,
            params![item_id, text],
        )
    }

    /// Adds an innspill bullet at `position` (None = last).
    pub fn add_innspill(
        &self,
        item_id: &str,
        text: &str,
        position: Option<i64>,
    ) -> Result<Innspill> {
        let text = validate::required_text("text", text)?;
        let id = crate::new_id();
        self.on_item(item_id, Entity::Innspill, &id, |tx| {
            let end = next_position(tx, "innspill", "item_id", item_id)?;
            let pos = position.unwrap_or(end).clamp(0, end);
            shift_positions(tx, "innspill", "item_id", item_id, pos, 1)?;
            tx.execute(
                "INSERT INTO innspill (id, item_id, position, text) VALUES (?1, ?2, ?3, ?4)",
                params![id, item_id, pos, text],
            )?;
            Ok(())
        })?;
        innspill_row(&self.conn, &id)
    }

    pub fn update_innspill(&self, id: &str, text: &str) -> Result<Innspill> {
        let text = validate::required_text("text", text)?;
        let item_id = innspill_row(&self.conn, id)?.item_id;
        let sql = "UPDATE innspill SET text = ?2 WHERE id = ?1";
        self.execute_on_item(&item_id, Entity::Innspill, id, sql, params![id, text])?;
        innspill_row(&self.conn, id)
    }

    pub fn remove_innspill(&self, id: &str) -> Result<()> {
        let row = innspill_row(&self.conn, id)?;
        self.on_item(&row.item_id, Entity::Innspill, id, |tx| {
            tx.execute("DELETE FROM innspill WHERE id = ?1", [id])?;
            shift_positions(tx, "innspill", "item_id", &row.item_id, row.position, -1)?;
            Ok(())
        })
    }

    pub fn innspill(&self, item_id: &str) -> Result<Vec<Innspill>> {
        innspill_of(&self.conn, item_id)
    }

    /// Records the decision. The same text as the proposal is "as proposed"; any other text marks
    /// the decision amended ("Vedtak oppdatert").
    pub fn record_decision(&self, case_id: &str, text: &str) -> Result<crate::model::Case> {
        let text = validate::required_text("decision", text)?;
        self.set_decision(case_id, Some(text))
    }

    /// "Vedtak som foreslått": the decision becomes the proposal's text.
    pub fn accept_proposal(&self, case_id: &str) -> Result<crate::model::Case> {
        let proposal = case(&self.conn, case_id)?.proposal;
        if proposal.trim().is_empty() {
            return Err(Error::other(
                "decision",
                "Saken har ikke noe forslag til vedtak. Skriv vedtaket.",
                "The case has no proposed decision. Write the decision.",
            ));
        }
        self.set_decision(case_id, Some(proposal))
    }

    /// Removes a recorded decision (the case is then undecided again).
    pub fn clear_decision(&self, case_id: &str) -> Result<crate::model::Case> {
        self.set_decision(case_id, None)
    }

    fn set_decision(&self, case_id: &str, text: Option<String>) -> Result<crate::model::Case> {
        let c = case(&self.conn, case_id)?;
        let item_id = c.item_id.clone().ok_or_else(|| {
            Error::other(
                "decision",
                "Saken står ikke på noen dagsorden ennå. Legg den på et møte før vedtaket registreres.",
                "The case is not on any agenda yet. Put it on a meeting before recording the decision.",
            )
        })?;
        match text {
            None => refuse_if_approving(&self.conn, case_id)?,
            Some(_) => {
                crate::presence::check_quorum(&self.conn, case_id)?;
            }
        }
        let sql = "UPDATE \"case\" SET decision = ?2 WHERE id = ?1";
        self.execute_on_item(&item_id, Entity::Case, case_id, sql, params![case_id, text])?;
        case(&self.conn, case_id)
    }

    /// Adds an action point under an item.
    pub fn add_action(&self, item_id: &str, input: &ActionInput) -> Result<ActionPoint> {
        let (text, responsible, due_date, next) = action_fields(input)?;
        let id = crate::new_id();
        self.on_item(item_id, Entity::ActionPoint, &id, |tx| {
            let pos = next_position(tx, "action_point", "item_id", item_id)?;
            tx.execute(
                "INSERT INTO action_point (id, item_id, position, text, responsible, due_date, due_next_meeting)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![id, item_id, pos, text, responsible, due_date, next],
            )?;
            // Only a correction adds to a sealed meeting: the new point is sealed as it is now.
            crate::seal::cover_action(tx, &id)
        })?;
        action(&self.conn, &id)
    }

    pub fn update_action(&self, id: &str, input: &ActionInput) -> Result<ActionPoint> {
        let (text, responsible, due_date, next) = action_fields(input)?;
        let a = action(&self.conn, id)?;
        let sql = "UPDATE action_point SET text = ?2, responsible = ?3, due_date = ?4,
                   due_next_meeting = ?5 WHERE id = ?1";
        let p = params![id, text, responsible, due_date, next];
        self.execute_on_item(&a.item_id, Entity::ActionPoint, id, sql, p)?;
        action(&self.conn, id)
    }

    pub fn remove_action(&self, id: &str) -> Result<()> {
        let a = action(&self.conn, id)?;
        let sql = "DELETE FROM action_point WHERE id = ?1";
        self.execute_on_item(&a.item_id, Entity::ActionPoint, id, sql, [id])
    }

    /// Closes or reopens an action point. Follow-up happens in later meetings, so this is allowed
    /// even when the meeting that raised it is locked.
    pub fn set_action_status(
        &self,
        id: &str,
        status: ActionStatus,
        note: &str,
    ) -> Result<ActionPoint> {
        let note = validate::optional_line("note", note)?;
        if status == ActionStatus::Cancelled && note.is_empty() {
            return Err(Error::other(
                "note",
                "Skriv hvorfor aksjonspunktet utgår.",
                "Say why the action point is cancelled.",
            ));
        }
        self.write(|tx| {
            let a = action(tx, id)?;
            tx.execute(
                "UPDATE action_point SET status = ?2, status_note = ?3 WHERE id = ?1",
                params![id, status, note],
            )?;
            crate::search::reindex_item(tx, &a.item_id)?;
            action(tx, id)
        })
    }

    pub fn actions(&self, item_id: &str) -> Result<Vec<ActionPoint>> {
        actions_where(&self.conn, "a.item_id = ?1", [item_id])
    }

    /// An item's action points as its minutes show them: in sealed (approved) minutes with the
    /// status each had at approval, not the follow-up's since.
    pub fn actions_as_approved(&self, item_id: &str) -> Result<Vec<ActionPoint>> {
        actions_query(
            &self.conn,
            ActionView::AsApproved,
            "a.item_id = ?1",
            BY_MEETING,
            [item_id],
        )
    }

    /// A body's action points still open from meetings before `before_date` (ISO), oldest first:
    /// the list every later meeting shows until each is closed. None lists all open ones.
    pub fn open_actions(
        &self,
        body_id: &str,
        before_date: Option<&str>,
    ) -> Result<Vec<ActionPoint>> {
        let before_date = before_date
            .map(|d| crate::numbers::parse_date("date", d).map(|d| d.to_string()))
            .transpose()?;
        actions_where(
            &self.conn,
            "m.body_id = ?1 AND a.status = 'open' AND (?2 IS NULL OR m.date < ?2)",
            params![body_id, before_date],
        )
    }

    /// All action points of a body (any status), optionally for one year.
    pub fn body_actions(&self, body_id: &str, year: Option<i32>) -> Result<Vec<ActionPoint>> {
        actions_where(
            &self.conn,
            "m.body_id = ?1 AND (?2 IS NULL OR m.year = ?2)",
            params![body_id, year],
        )
    }

    /// Runs one statement on a row of an item's record (see `on_item`).
    fn execute_on_item(
        &self,
        item_id: &str,
        entity: Entity,
        entity_id: &str,
        sql: &str,
        p: impl Params,
    ) -> Result<()> {
        self.on_item(item_id, entity, entity_id, |tx| {
            tx.execute(sql, p)?;
            Ok(())
        })
    }

    /// Runs a change to rows of an item's record in one transaction, under its meeting's lock,
    /// and refreshes the item's search entries.
    pub(crate) fn on_item(
        &self,
        item_id: &str,
        entity: Entity,
        entity_id: &str,
        change: impl FnOnce(&Connection) -> Result<()>,
    ) -> Result<()> {
        self.write(|tx| {
            let meeting_id = meeting_of_item(tx, item_id)?;
            self.guarded(tx, &meeting_id, entity, entity_id, || change(tx))?;
            crate::search::reindex_item(tx, item_id)
        })
    }
}

fn action_fields(input: &ActionInput) -> Result<(String, String, Option<String>, bool)> {
    let text = validate::required_text("text", &input.text)?;
    let responsible = validate::optional_line("responsible", &input.responsible)?;
    let (date, next) = match &input.due {
        Due::None => (None, false),
        Due::NextMeeting => (None, true),
        Due::Date(d) => (
            Some(crate::numbers::parse_date("due", d)?.to_string()),
            false,
        ),
    };
    Ok((text, responsible, date, next))
}

pub(crate) fn attendance(conn: &Connection, meeting_id: &str) -> Result<Vec<Attendance>> {
    let seats = crate::seal::seats(conn, meeting_id)?;
    let party_of = |id: &str| {
        seats
            .iter()
            .find(|s| s.person.id == id && s.party.is_some())
            .and_then(|s| s.party.clone())
    };
    let mut rows = all(
        conn,
        &format!(
            "SELECT a.id, a.status, a.remote, {}, {}
             FROM attendance a JOIN person p ON p.id = a.person_id LEFT JOIN person s ON s.id = a.substitute_for
             LEFT JOIN meeting m ON m.id = a.meeting_id
             LEFT JOIN membership ms ON ms.person_id = a.person_id AND ms.body_id = m.body_id
             LEFT JOIN seal_person sp ON sp.meeting_id = a.meeting_id AND sp.person_id = a.person_id
             LEFT JOIN seal_person ss ON ss.meeting_id = a.meeting_id AND ss.person_id = a.substitute_for
             WHERE a.meeting_id = ?1
             GROUP BY a.id ORDER BY min(coalesce(sp.attendance_rank, ms.position, 1000000)), person_name",
            sealed_person_columns("p", "sp", "person_"),
            sealed_person_columns("s", "ss", "substitute_"),
        ),
        [meeting_id],
        |r| {
            Ok(from_row!(r => Attendance {
                id, status, remote;
                person: person_from_row(r, "person_")?,
                substitute_for: optional_person_from_row(r, "substitute_")?,
                party: None,
            }))
        },
    )?;
    for a in &mut rows {
        a.party = party_of(&a.person.id)
            .or_else(|| a.substitute_for.as_ref().and_then(|s| party_of(&s.id)));
    }
    Ok(rows)
}

/// Innspill in the order of the clauses appended (WHERE, ORDER BY).
fn innspill_where(conn: &Connection, clauses: &str, p: impl Params) -> Result<Vec<Innspill>> {
    all(
        conn,
        &format!("SELECT id, item_id, position, text FROM innspill {clauses}"),
        p,
        |r| Ok(from_row!(r => Innspill { id, item_id, position, text })),
    )
}

fn innspill_row(conn: &Connection, id: &str) -> Result<Innspill> {
    first(
        innspill_where(conn, "WHERE id = ?1", [id])?,
        Thing::Innspill,
        id,
    )
}

pub(crate) fn innspill_of(conn: &Connection, item_id: &str) -> Result<Vec<Innspill>> {
    item(conn, item_id)?;
    innspill_where(conn, "WHERE item_id = ?1 ORDER BY position", [item_id])
}

fn action(conn: &Connection, id: &str) -> Result<ActionPoint> {
    first(
        actions_where(conn, "a.id = ?1", [id])?,
        Thing::ActionPoint,
        id,
    )
}

fn actions_where(
    conn: &Connection,
    filter: &str,
    p: impl rusqlite::Params,
) -> Result<Vec<ActionPoint>> {
    actions_query(conn, ActionView::Live, filter, BY_MEETING, p)
}

/// Action points in the order the record lists them: by meeting, item and position.
pub(crate) const BY_MEETING: &str = "m.date, m.number, i.position, a.position";

/// Today's action points that `filter` selects, in `order` (an ORDER BY list, with a LIMIT
/// after it if wanted).
pub(crate) fn actions_ordered(
    conn: &Connection,
    filter: &str,
    order: &str,
    p: impl rusqlite::Params,
) -> Result<Vec<ActionPoint>> {
    actions_query(conn, ActionView::Live, filter, order, p)
}

/// Which status an action point is read with.
#[derive(Clone, Copy)]
enum ActionView {
    /// Today's, as the follow-up left it.
    Live,
    /// The one sealed with approved minutes, where there is one.
    AsApproved,
}

fn actions_query(
    conn: &Connection,
    view: ActionView,
    filter: &str,
    order: &str,
    p: impl rusqlite::Params,
) -> Result<Vec<ActionPoint>> {
    let (status, join) = match view {
        ActionView::Live => ("a.status", ""),
        ActionView::AsApproved => (
            "coalesce(sa.status, a.status) AS status",
            "LEFT JOIN seal_action sa ON sa.action_id = a.id",
        ),
    };
    all(
        conn,
        &format!(
            "SELECT a.id, a.item_id, m.id AS meeting_id, m.year AS meeting_year, m.number AS meeting_seq,
                    c.year AS case_year, c.number AS case_seq, a.position, a.text, a.responsible,
                    a.due_date, a.due_next_meeting, {status}, a.status_note
             FROM action_point a JOIN agenda_item i ON i.id = a.item_id JOIN meeting m ON m.id = i.meeting_id
             LEFT JOIN \"case\" c ON c.id = coalesce(i.case_id, i.continues_case_id) {join}
             WHERE {filter} ORDER BY {order}"
        ),
        p,
        |r| {
            Ok(from_row!(r => ActionPoint {
                id, item_id, meeting_id, position, text, responsible, due_date,
                due_next_meeting, status, status_note;
                meeting_number: meeting_label(r.get("meeting_year")?, r.get("meeting_seq")?),
                case_number: case_number_from_row(r, "case_year", "case_seq")?,
            }))
        },
    )
}

impl Store {
    /// Records when an item actually started ("10:07"), as the chair moves to it in live mode.
    pub fn mark_item_started(&self, item_id: &str, time: &str) -> Result<crate::model::AgendaItem> {
        let t = crate::numbers::table_time(crate::numbers::parse_time("start", time)?);
        let sql = "UPDATE agenda_item SET actual_start = ?2 WHERE id = ?1";
        self.execute_on_item(
            item_id,
            Entity::AgendaItem,
            item_id,
            sql,
            params![item_id, t],
        )?;
        item(&self.conn, item_id)
    }
}

/// The decision of a case that approved minutes is what the approval rests on: it may be
/// reworded, not removed.
pub(crate) fn refuse_if_approving(conn: &Connection, case_id: &str) -> Result<()> {
    let approved: Option<(i32, u32)> = conn
        .query_row(
            "SELECT year, number FROM meeting WHERE approved_by_case_id = ?1 ORDER BY date LIMIT 1",
            [case_id],
            |r| Ok((r.get("year")?, r.get("number")?)),
        )
        .optional()?;
    match approved {
        Some((year, number)) => Err(Error::State(StateProblem::ApprovesMinutes {
            meeting: meeting_label(year, number),
        })),
        None => Ok(()),
    }
}
