//! Meetings: numbered per body and year, with date, time span, place and a status that moves
//! draft → agenda sent → held → minutes approved (which locks the record).

use crate::error::{Error, Invalid, Problem, Result, StateProblem, Thing};
use crate::model::Meeting;
use crate::numbers::{parse_date, parse_time, MeetingNumber};
use crate::store::{
    body_id_by_short, meeting, meeting_by_number, meetings_of, not_found, number_taken, Store,
};
use crate::validate;
use crate::vocab::{Entity, MeetingStatus};
use chrono::Datelike;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MeetingInput {
    /// "4/2025"; empty means the next free number of the date's year.
    pub number: String,
    pub extraordinary: bool,
    /// ISO date.
    pub date: String,
    /// "10:00".
    pub start: String,
    pub end: String,
    pub place: String,
    pub remote: bool,
    pub remote_link: String,
}

struct Checked {
    number: Option<MeetingNumber>,
    extraordinary: bool,
    date: chrono::NaiveDate,
    start: String,
    end: String,
    place: String,
    remote: bool,
    link: String,
}

fn check(input: &MeetingInput) -> Result<Checked> {
    let date = parse_date("date", &input.date)?;
    let number = match input.number.trim() {
        "" => None,
        s => Some(MeetingNumber::parse(s)?),
    };
    if let Some(n) = number {
        if n.year != date.year() {
            return Err(Error::other(
                "date",
                format!("Møte {n} må holdes i {}, men datoen er i {}. Rett datoen eller møtenummeret.", n.year, date.year()),
                format!("Meeting {n} must be held in {}, but the date is in {}. Fix the date or the number.", n.year, date.year()),
            ));
        }
    }
    let start = parse_time("start", &input.start)?;
    let end = parse_time("end", &input.end)?;
    if end <= start {
        return Err(Invalid::error("end", Problem::EndBeforeStart));
    }
    let place = validate::optional_line("place", &input.place)?;
    let link = validate::optional_line("remote_link", &input.remote_link)?;
    if !input.remote && place.is_empty() {
        return Err(Error::other(
            "place",
            "Oppgi et møtested, eller marker møtet som videomøte.",
            "Give a place, or mark the meeting as remote.",
        ));
    }
    Ok(Checked {
        number,
        extraordinary: input.extraordinary,
        date,
        start: crate::numbers::table_time(start),
        end: crate::numbers::table_time(end),
        place,
        remote: input.remote,
        link,
    })
}

impl Store {
    pub fn create_meeting(&self, body_id: &str, input: &MeetingInput) -> Result<Meeting> {
        let c = check(input)?;
        let id = crate::new_id();
        self.write(|tx| {
            crate::bodies::body(tx, body_id)?;
            let year = c.date.year();
            let number = match c.number {
                Some(n) => n.number,
                None => tx.query_row(
                    "SELECT coalesce(max(number), 0) + 1 AS next_number FROM meeting WHERE body_id = ?1 AND year = ?2",
                    params![body_id, year],
                    |r| r.get("next_number"),
                )?,
            };
            ensure_number_free(tx, body_id, year, number, None)?;
            tx.execute(
                "INSERT INTO meeting (id, body_id, year, number, extraordinary, date, start_time, end_time, place, remote, remote_link)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![id, body_id, year, number, c.extraordinary, c.date.to_string(), c.start, c.end, c.place, c.remote, c.link],
            )?;
            meeting(tx, &id)
        })
    }

    /// Edits a meeting's header. Its number can change only while the agenda is a draft.
    pub fn update_meeting(&self, id: &str, input: &MeetingInput) -> Result<Meeting> {
        let c = check(input)?;
        self.write(|tx| {
            let m = meeting(tx, id)?;
            let n = c.number.unwrap_or(MeetingNumber { year: m.year, number: m.seq });
            if (n.year, n.number) != (m.year, m.seq) || c.date.year() != m.year {
                if m.agenda_frozen() {
                    return Err(Error::AgendaSent { meeting: m.number });
                }
                ensure_number_free(tx, &m.body_id, n.year, n.number, Some(id))?;
            }
            self.guarded(tx, id, Entity::Meeting, id, || {
                tx.execute(
                    "UPDATE meeting SET year = ?2, number = ?3, extraordinary = ?4, date = ?5, start_time = ?6, end_time = ?7,
                     place = ?8, remote = ?9, remote_link = ?10 WHERE id = ?1",
                    params![id, n.year, n.number, c.extraordinary, c.date.to_string(), c.start, c.end, c.place, c.remote, c.link],
                )?;
                Ok(())
            })?;
            crate::agenda::renumber(tx, &m.body_id, m.year)?;
            if n.year != m.year {
                crate::agenda::renumber(tx, &m.body_id, n.year)?;
            }
            meeting(tx, id)
        })
    }

    pub fn meeting(&self, id: &str) -> Result<Meeting> {
        meeting(&self.conn, id)
    }

    /// A meeting by body short name and "4/2025".
    pub fn meeting_by_number(&self, body_short: &str, number: &str) -> Result<Meeting> {
        let body_id = body_id_by_short(&self.conn, body_short)?;
        meeting_by_number(&self.conn, &body_id, MeetingNumber::parse(number)?)
    }

    pub fn meetings(&self, body_id: &str, year: Option<i32>) -> Result<Vec<Meeting>> {
        meetings_of(&self.conn, body_id, year)
    }

    /// Sends the agenda: from now on its case numbers never change.
    pub fn send_agenda(&self, id: &str) -> Result<Meeting> {
        self.set_status(id, MeetingStatus::Draft, MeetingStatus::AgendaSent)
    }

    /// Marks the meeting as held; its minutes can then be approved by a later meeting.
    pub fn mark_held(&self, id: &str) -> Result<Meeting> {
        self.write(|tx| {
            let m = meeting(tx, id)?;
            if m.status == MeetingStatus::Draft {
                crate::agenda::renumber(tx, &m.body_id, m.year)?;
            }
            match m.status {
                MeetingStatus::Draft | MeetingStatus::AgendaSent => {
                    tx.execute(
                        "UPDATE meeting SET status = ?2 WHERE id = ?1",
                        params![id, MeetingStatus::Held],
                    )?;
                    meeting(tx, id)
                }
                MeetingStatus::Held | MeetingStatus::Approved => {
                    Err(status_error(m.status, MeetingStatus::Held))
                }
            }
        })
    }

    fn set_status(&self, id: &str, from: MeetingStatus, to: MeetingStatus) -> Result<Meeting> {
        self.write(|tx| {
            let m = meeting(tx, id)?;
            if m.status != from {
                return Err(status_error(m.status, to));
            }
            tx.execute(
                "UPDATE meeting SET status = ?2 WHERE id = ?1",
                params![id, to],
            )?;
            meeting(tx, id)
        })
    }

    /// Approves a held meeting's minutes by `case_id`, a case of a later meeting of the same body
    /// whose decision is recorded. The meeting's record is locked from then on.
    pub fn approve_minutes(&self, meeting_id: &str, case_id: &str) -> Result<Meeting> {
        self.write(|tx| {
            let m = meeting(tx, meeting_id)?;
            if m.status != MeetingStatus::Held {
                return Err(status_error(m.status, MeetingStatus::Approved));
            }
            // Minutes out for signing are the signers' now, whatever the body's rule became.
            crate::signing::refuse_if_signing(tx, meeting_id)?;
            if crate::bodies::body(tx, &m.body_id)?.signed_minutes {
                return Err(Error::State(StateProblem::Other {
                    nb: "Organets referat blir endelig når de valgte har signert det, ikke ved godkjenning i et senere møte. Send referatet til signering.".into(),
                    en: "This body's minutes become final when the chosen signers have signed them, not by approval in a later meeting. Send the minutes for signing.".into(),
                }));
            }
            let c = crate::store::case(tx, case_id)?;
            let later = match &c.meeting_id {
                Some(mid) => {
                    let by = meeting(tx, mid)?;
                    by.body_id == m.body_id && (by.date.as_str(), by.seq) > (m.date.as_str(), m.seq)
                }
                None => false,
            };
            if !later || c.decision.is_none() {
                return Err(Error::State(StateProblem::ApprovalCase));
            }
            tx.execute(
                "UPDATE meeting SET status = ?3, approved_by_case_id = ?2 WHERE id = ?1",
                params![meeting_id, case_id, MeetingStatus::Approved],
            )?;
            crate::seal::seal(tx, meeting_id)?;
            meeting(tx, meeting_id)
        })
    }

    /// Remembers the item the chair is on, so that live mode reopens there.
    pub fn set_current_item(&self, meeting_id: &str, item_id: Option<&str>) -> Result<Meeting> {
        self.write(|tx| {
            let m = meeting(tx, meeting_id)?;
            // Live mode is over once the minutes are approved; the locked row stays as it was.
            if m.locked() {
                return Err(Error::Locked { meeting: m.number });
            }
            if let Some(item) = item_id {
                if crate::store::meeting_of_item(tx, item)? != meeting_id {
                    return Err(not_found(Thing::AgendaItem, item));
                }
            }
            tx.execute(
                "UPDATE meeting SET current_item_id = ?2 WHERE id = ?1",
                params![meeting_id, item_id],
            )?;
            meeting(tx, meeting_id)
        })
    }
}

fn status_error(from: MeetingStatus, to: MeetingStatus) -> Error {
    Error::State(StateProblem::StatusOrder { from, to })
}

fn ensure_number_free(
    conn: &Connection,
    body_id: &str,
    year: i32,
    number: u32,
    except: Option<&str>,
) -> Result<()> {
    if number_taken(conn, "meeting", body_id, year, number.into(), except)? {
        return Err(Error::Duplicate {
            what: Thing::Meeting,
            key: MeetingNumber { year, number }.to_string(),
        });
    }
    Ok(())
}
