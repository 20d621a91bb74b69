//! Sealed minutes. Approval copies what an approved meeting's documents show of things kept
//! outside the meeting — the body's name on the meeting date and its language, the names and
//! organisations of the people named, the members on that date and the order of the lists — into
//! append-only tables (schema v2). Readers of a sealed meeting take these from the seal, so no
//! later edit of the body, a person or a membership changes an approved document. The meeting's
//! own rows are kept by the lock guard (`Store::guarded`) and change only as logged corrections.

use crate::error::Result;
use crate::i18n::Lang;
use crate::model::Person;
use crate::store::{all, from_row, person_from_row, Store};
use crate::vocab::Role;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// The body's name and the documents' language for a meeting: sealed at approval, else as the
/// body's dated history and settings give them today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MeetingHeading {
    pub body_name: String,
    pub language: Lang,
    /// The approval, as sealed with the minutes.
    pub approval: Option<SealedApproval>,
}

/// Where sealed minutes were approved, as the minutes print it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SealedApproval {
    /// When the minutes were approved and sealed (UTC).
    pub sealed_at: String,
    /// "31/25".
    pub case_number: String,
    /// "4/2025".
    pub meeting_number: String,
}

/// A member invited to a meeting (the agenda's list), with the role held on the meeting date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Invitee {
    pub person: Person,
    pub role: Role,
    /// The group the member sits for.
    pub party: Option<crate::groups::Party>,
}

impl Store {
    pub fn meeting_heading(&self, meeting_id: &str) -> Result<MeetingHeading> {
        heading(&self.conn, meeting_id)
    }

    /// The members on the meeting date, in the body's order, with their groups.
    pub fn invitees(&self, meeting_id: &str) -> Result<Vec<Invitee>> {
        Ok(seats(&self.conn, meeting_id)?
            .into_iter()
            .map(|s| Invitee {
                person: s.person,
                role: s.role,
                party: s.party,
            })
            .collect())
    }
}

/// The select list of person `p`, with the name and organisation of seal row `sp` where the
/// outer join found one ("p.id AS person_id, coalesce(sp.name, p.name) AS person_name, …").
pub(crate) fn sealed_person_columns(p: &str, sp: &str, prefix: &str) -> String {
    format!(
        "{p}.id AS {prefix}id, coalesce({sp}.name, {p}.name) AS {prefix}name, \
         coalesce({sp}.organisation, {p}.organisation) AS {prefix}organisation, {p}.email AS {prefix}email"
    )
}

pub(crate) fn is_sealed(conn: &Connection, meeting_id: &str) -> Result<bool> {
    exists(
        conn,
        "SELECT 1 FROM meeting_seal WHERE meeting_id = ?1",
        [meeting_id],
    )
}

/// Outer joins of seal rows for person `p` and group `g` in the meeting `meeting` (an SQL
/// expression): with `sealed_person_columns` and `sealed_party_columns`, a sealed meeting's
/// readers print the names it was approved with.
pub(crate) fn seal_person_join(p: &str, sp: &str, meeting: &str) -> String {
    format!("LEFT JOIN seal_person {sp} ON {sp}.meeting_id = {meeting} AND {sp}.person_id = {p}.id")
}

/// A member of the body on the meeting date with their role and group: sealed at approval,
/// else as today's memberships give them.
pub(crate) struct Seat {
    pub person: Person,
    pub role: Role,
    pub party: Option<crate::groups::Party>,
}

/// The meeting's members in the body's order (see `Seat`).
pub(crate) fn seats(conn: &Connection, meeting_id: &str) -> Result<Vec<Seat>> {
    let parties = meeting_parties(conn, meeting_id)?;
    let party = |id: Option<String>| id.and_then(|id| parties.iter().find(|g| g.id == id).cloned());
    if is_sealed(conn, meeting_id)? {
        let rows = all(
            conn,
            &format!(
                "SELECT {}, sp.member_role AS role, sp.party_id FROM seal_person sp JOIN person p ON p.id = sp.person_id
                 WHERE sp.meeting_id = ?1 AND sp.member_role IS NOT NULL ORDER BY sp.member_rank",
                sealed_person_columns("p", "sp", "person_")
            ),
            [meeting_id],
            |r| {
                Ok((
                    person_from_row(r, "person_")?,
                    r.get::<_, Role>("role")?,
                    r.get::<_, Option<String>>("party_id")?,
                ))
            },
        )?;
        return Ok(rows
            .into_iter()
            .map(|(person, role, g)| Seat {
                person,
                role,
                party: party(g),
            })
            .collect());
    }
    let m = crate::store::meeting(conn, meeting_id)?;
    Ok(crate::people::memberships(conn, &m.body_id, Some(&m.date))?
        .into_iter()
        .map(|ms| Seat {
            person: ms.person,
            role: ms.role,
            party: ms.party,
        })
        .collect())
}

/// The body's groups as a meeting's documents name them: sealed at approval, else today's.
pub(crate) fn meeting_parties(
    conn: &Connection,
    meeting_id: &str,
) -> Result<Vec<crate::groups::Party>> {
    let m = crate::store::meeting(conn, meeting_id)?;
    if is_sealed(conn, meeting_id)? {
        return all(
            conn,
            "SELECT g.id, g.body_id, sg.name, sg.short_name FROM seal_party sg JOIN party g ON g.id = sg.party_id
             WHERE sg.meeting_id = ?1 ORDER BY g.position",
            [meeting_id],
            |r| {
                Ok(crate::groups::Party {
                    id: r.get("id")?,
                    body_id: r.get("body_id")?,
                    name: r.get("name")?,
                    short_name: r.get("short_name")?,
                })
            },
        );
    }
    crate::groups::parties_of(conn, &m.body_id)
}

/// Whether `sql` finds a row.
fn exists(conn: &Connection, sql: &str, p: impl rusqlite::Params) -> Result<bool> {
    Ok(conn.query_row(sql, p, |_| Ok(())).optional()?.is_some())
}

fn heading(conn: &Connection, meeting_id: &str) -> Result<MeetingHeading> {
    let sealed = conn
        .query_row(
            "SELECT body_name, language, sealed_at, approved_in_case AS case_number,
             approved_in_meeting AS meeting_number FROM meeting_seal WHERE meeting_id = ?1",
            [meeting_id],
            |r| {
                Ok(from_row!(r => MeetingHeading { body_name, language;
                    approval: Some(from_row!(r => SealedApproval { sealed_at, case_number, meeting_number })),
                }))
            },
        )
        .optional()?;
    if let Some(h) = sealed {
        return Ok(h);
    }
    let m = crate::store::meeting(conn, meeting_id)?;
    let body = crate::bodies::body(conn, &m.body_id)?;
    Ok(MeetingHeading {
        body_name: crate::bodies::body_name_on(conn, &m.body_id, &m.date)?,
        language: body.language,
        approval: None,
    })
}

/// Seals an approved meeting as its documents show it now. Called in the approval's transaction.
pub(crate) fn seal(conn: &Connection, meeting_id: &str) -> Result<()> {
    let m = crate::store::meeting(conn, meeting_id)?;
    let body = crate::bodies::body(conn, &m.body_id)?;
    // A name dated after the meeting is all a body may have (data from before renames were
    // dated): then its first name is the one its documents printed.
    let body_name = match crate::bodies::body_name_on(conn, &m.body_id, &m.date) {
        Ok(name) => name,
        Err(_) => body
            .names
            .first()
            .map(|n| n.name.clone())
            .unwrap_or(body.name.clone()),
    };
    // Read before the seal row exists, so that these are the live lists.
    let attendance = crate::record::attendance(conn, meeting_id)?;
    let members = crate::people::memberships(conn, &m.body_id, Some(&m.date))?;
    let (case_number, meeting_number) = match &m.approved_by_case_id {
        Some(c) => {
            let c = crate::store::case(conn, c)?;
            let by = match &c.meeting_id {
                Some(id) => crate::store::meeting(conn, id)?.number,
                None => String::new(),
            };
            (c.number.unwrap_or_default(), by)
        }
        None => (String::new(), String::new()),
    };
    let named = named_in_record(conn, meeting_id)?;
    conn.execute(
        "INSERT INTO meeting_seal (id, meeting_id, sealed_at, body_name, language, approved_in_case, approved_in_meeting, quorum_percent)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![crate::new_id(), meeting_id, crate::now(), body_name, body.language, case_number, meeting_number, body.quorum_percent],
    )?;
    for g in crate::groups::parties_of(conn, &m.body_id)? {
        conn.execute(
            "INSERT INTO seal_party (id, meeting_id, party_id, name, short_name) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![crate::new_id(), meeting_id, g.id, g.name, g.short_name],
        )?;
    }
    let mut people: Vec<SealRow> = Vec::new();
    let row_of = |person: &Person, people: &mut Vec<SealRow>| -> usize {
        match people.iter().position(|p| p.person.id == person.id) {
            Some(i) => i,
            None => {
                people.push(SealRow::new(person));
                people.len() - 1
            }
        }
    };
    for (rank, a) in attendance.iter().enumerate() {
        let i = row_of(&a.person, &mut people);
        people[i].attendance_rank = Some(rank as i64);
        if let Some(s) = &a.substitute_for {
            row_of(s, &mut people);
        }
    }
    for (rank, ms) in members.iter().enumerate() {
        let i = row_of(&ms.person, &mut people);
        // A person with two memberships valid that day is listed once, as the first.
        if people[i].member.is_none() {
            people[i].member = Some((ms.role, rank as i64));
            people[i].party_id = ms.party.as_ref().map(|g| g.id.clone());
        }
    }
    // Everyone else the meeting's record names: proposers, voters, substitutes for a case,
    // members whose impartiality was raised, those who came or went, the signers.
    for person in &named {
        row_of(person, &mut people);
    }
    for p in &people {
        p.insert(conn, meeting_id)?;
    }
    let actions: Vec<String> = all(
        conn,
        "SELECT a.id FROM action_point a JOIN agenda_item i ON i.id = a.item_id
         WHERE i.meeting_id = ?1 ORDER BY a.id",
        [meeting_id],
        |r| r.get("id"),
    )?;
    actions.iter().try_for_each(|a| cover_action(conn, a))
}

/// After a correction added action point `action_id` to a sealed meeting: its status is sealed.
pub(crate) fn cover_action(conn: &Connection, action_id: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO seal_action (id, meeting_id, action_id, status)
         SELECT ?2, s.meeting_id, a.id, a.status FROM action_point a
         JOIN agenda_item i ON i.id = a.item_id JOIN meeting_seal s ON s.meeting_id = i.meeting_id
         WHERE a.id = ?1",
        params![action_id, crate::new_id()],
    )?;
    Ok(())
}

/// Seals every approved meeting that has no seal yet: those approved before schema v2, and
/// those of an imported export written before it.
pub(crate) fn seal_missing(conn: &Connection) -> Result<()> {
    let ids: Vec<String> = all(
        conn,
        "SELECT id FROM meeting WHERE status = 'approved'
         AND id NOT IN (SELECT meeting_id FROM meeting_seal) ORDER BY date, id",
        [],
        |r| r.get("id"),
    )?;
    ids.iter().try_for_each(|id| seal(conn, id))
}

/// After a correction of a sealed meeting's attendance: people it names for the first time are
/// sealed as they are now, listed after those sealed before.
pub(crate) fn cover(conn: &Connection, meeting_id: &str, people: &[&str]) -> Result<()> {
    if !is_sealed(conn, meeting_id)? {
        return Ok(());
    }
    for person_id in people {
        let known = exists(
            conn,
            "SELECT 1 FROM seal_person WHERE meeting_id = ?1 AND person_id = ?2",
            params![meeting_id, person_id],
        )?;
        if known {
            continue;
        }
        let person = crate::store::person(conn, person_id)?;
        let next: i64 = conn.query_row(
            "SELECT coalesce(max(attendance_rank), -1) + 1 AS next FROM seal_person WHERE meeting_id = ?1",
            [meeting_id],
            |r| r.get("next"),
        )?;
        let mut row = SealRow::new(&person);
        row.attendance_rank = Some(next);
        row.insert(conn, meeting_id)?;
    }
    Ok(())
}

struct SealRow {
    person: Person,
    attendance_rank: Option<i64>,
    member: Option<(Role, i64)>,
    party_id: Option<String>,
}

impl SealRow {
    fn new(person: &Person) -> SealRow {
        SealRow {
            person: person.clone(),
            attendance_rank: None,
            member: None,
            party_id: None,
        }
    }

    fn insert(&self, conn: &Connection, meeting_id: &str) -> Result<()> {
        conn.execute(
            "INSERT INTO seal_person (id, meeting_id, person_id, name, organisation, attendance_rank, member_role, member_rank, party_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                crate::new_id(),
                meeting_id,
                self.person.id,
                self.person.name,
                self.person.organisation,
                self.attendance_rank,
                self.member.map(|m| m.0),
                self.member.map(|m| m.1),
                self.party_id,
            ],
        )?;
        Ok(())
    }
}

/// `cover` for the meeting of a case (a correction that names someone in a case's votes,
/// proposals, disqualifications or substitutes).
pub(crate) fn cover_case(conn: &Connection, case_id: &str, people: &[&str]) -> Result<()> {
    match crate::store::case(conn, case_id)?.meeting_id {
        Some(m) => cover(conn, &m, people),
        None => Ok(()),
    }
}

/// The people a meeting's own rows name beside its attendance, in a stable order.
fn named_in_record(conn: &Connection, meeting_id: &str) -> Result<Vec<Person>> {
    all(
        conn,
        &format!(
            "WITH named(person_id) AS (
                 SELECT person_id FROM presence_change WHERE meeting_id = ?1
                 UNION SELECT person_id FROM minutes_signer WHERE meeting_id = ?1
                 UNION SELECT x.person_id FROM agenda_item i JOIN case_substitute x ON x.case_id = i.case_id WHERE i.meeting_id = ?1
                 UNION SELECT x.substitute_for FROM agenda_item i JOIN case_substitute x ON x.case_id = i.case_id WHERE i.meeting_id = ?1
                 UNION SELECT x.person_id FROM agenda_item i JOIN disqualification x ON x.case_id = i.case_id WHERE i.meeting_id = ?1
                 UNION SELECT x.person_id FROM agenda_item i JOIN proposal x ON x.case_id = i.case_id WHERE i.meeting_id = ?1 AND x.person_id IS NOT NULL
                 UNION SELECT b.person_id FROM agenda_item i JOIN vote v ON v.case_id = i.case_id JOIN vote_ballot b ON b.vote_id = v.id WHERE i.meeting_id = ?1)
             SELECT {} FROM named n JOIN person p ON p.id = n.person_id ORDER BY p.id",
            crate::store::person_columns("p", "person_")
        ),
        [meeting_id],
        |r| person_from_row(r, "person_"),
    )
}
