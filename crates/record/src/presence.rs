//! Who takes part in each case of a meeting: the attendance, changed during the meeting by
//! members who arrive or leave at an item, by substitutes standing in for one case, and by
//! members who are disqualified in a case (forvaltningsloven § 6) — and from that, whether the
//! body could decide the case (kommuneloven § 11-9: at least half its members, or the body's own
//! rule).

use crate::error::{Error, Result, StateProblem, Thing};
use crate::groups::Party;
use crate::model::{AgendaItem, Person};
use crate::seal::{seal_person_join, sealed_person_columns};
use crate::store::{
    all, case, first, from_row, id_from_row, item, items_of, meeting, next_position, not_found,
    person, person_from_row, Store,
};
use crate::validate;
use crate::vocab::{AttendanceStatus, Entity, Impartiality, PresenceKind, Role};
use rusqlite::{params, Connection, OptionalExtension, Params};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A member who arrived at an item or left after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PresenceChange {
    pub id: String,
    pub meeting_id: String,
    pub person: Person,
    pub kind: PresenceKind,
    pub item_id: String,
    /// "5/26" where the item is a case.
    pub case_number: Option<String>,
}

/// A substitute standing in for a member in one case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseSubstitute {
    pub id: String,
    pub case_id: String,
    pub person: Person,
    pub substitute_for: Person,
}

/// The question of a member's impartiality in a case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Disqualification {
    pub id: String,
    pub case_id: String,
    pub person: Person,
    /// The legal basis ("fvl. § 6 første ledd bokstav a").
    pub basis: String,
    /// Why it was raised.
    pub reason: String,
    pub outcome: Impartiality,
    /// The others' vote on it; None when it was unanimous.
    pub votes_for: Option<u32>,
    pub votes_against: Option<u32>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DisqualificationDecision {
    pub outcome: Impartiality,
    pub basis: String,
    /// The others' vote (for, against); None when unanimous.
    pub votes: Option<(u32, u32)>,
}

/// One who takes part in a case: a member present, or a substitute standing in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Voter {
    pub person: Person,
    /// The group they vote for (a substitute's is the group of the member stood in for).
    pub party: Option<Party>,
    pub substitute_for: Option<Person>,
    /// The meeting's chair (the body's chair, or its deputy when the chair is away): decides a
    /// tied vote.
    pub chairs: bool,
}

/// Whether the body could decide a case, and who took part in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseQuorum {
    pub case_id: String,
    /// The item where the case was decided (its last part, where it was resumed).
    pub item_id: String,
    pub case_number: String,
    /// The body's members on the meeting date (chair, deputy and members).
    pub members: u32,
    /// The share that must be present; None where the body has no quorum rule.
    pub rule_percent: Option<u32>,
    /// Members and substitutes taking part, less those disqualified.
    pub present: u32,
    pub needed: u32,
    pub quorate: bool,
    pub voters: Vec<Voter>,
}

impl Store {
    /// Records that a member arrived at `item_id` (present from it on) or left after it; with
    /// `item_id` None, removes that change.
    pub fn set_presence_change(
        &self,
        meeting_id: &str,
        person_id: &str,
        kind: PresenceKind,
        item_id: Option<&str>,
    ) -> Result<Vec<PresenceChange>> {
        self.write(|tx| {
            meeting(tx, meeting_id)?;
            person(tx, person_id)?;
            let existing: Option<String> = tx
                .query_row(
                    "SELECT id FROM presence_change WHERE meeting_id = ?1 AND person_id = ?2 AND kind = ?3",
                    params![meeting_id, person_id, kind],
                    id_from_row,
                )
                .optional()?;
            let id = existing.clone().unwrap_or_else(crate::new_id);
            let Some(item_id) = item_id else {
                let Some(id) = existing else {
                    return presence_changes(tx, meeting_id);
                };
                self.guarded(tx, meeting_id, Entity::PresenceChange, &id, || {
                    tx.execute("DELETE FROM presence_change WHERE id = ?1", [&id])?;
                    Ok(())
                })?;
                return presence_changes(tx, meeting_id);
            };
            let at = item(tx, item_id)?;
            if at.meeting_id != meeting_id {
                return Err(other_meeting_item());
            }
            let taking_part: bool = tx
                .query_row(
                    "SELECT 1 FROM attendance WHERE meeting_id = ?1 AND person_id = ?2 AND status IN ('present', 'substitute')",
                    params![meeting_id, person_id],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
            if !taking_part {
                return Err(Error::other(
                    "person",
                    "Bare den som er registrert til stede (eller som vara) kan komme eller gå under møtet. Registrer oppmøtet først.",
                    "Only someone recorded as present (or as a substitute) can arrive or leave during the meeting. Record the attendance first.",
                ));
            }
            // Arriving after leaving would mean leaving and coming back: two meetings' worth of
            // changes that the minutes cannot say in one line.
            let other = match kind {
                PresenceKind::Arrived => PresenceKind::Left,
                PresenceKind::Left => PresenceKind::Arrived,
            };
            let other_pos: Option<i64> = tx
                .query_row(
                    "SELECT i.position FROM presence_change c JOIN agenda_item i ON i.id = c.item_id
                     WHERE c.meeting_id = ?1 AND c.person_id = ?2 AND c.kind = ?3",
                    params![meeting_id, person_id, other],
                    |r| r.get(0),
                )
                .optional()?;
            let wrong_order = match (kind, other_pos) {
                (PresenceKind::Arrived, Some(left)) => at.position > left,
                (PresenceKind::Left, Some(arrived)) => at.position < arrived,
                _ => false,
            };
            if wrong_order {
                return Err(Error::other(
                    "item",
                    "Den som går, må ha kommet før: velg et punkt som passer med når personen kom og gikk.",
                    "Someone who leaves must have arrived before: choose an item that fits when the person arrived and left.",
                ));
            }
            self.guarded(tx, meeting_id, Entity::PresenceChange, &id, || {
                tx.execute(
                    "INSERT INTO presence_change (id, meeting_id, person_id, item_id, kind) VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (meeting_id, person_id, kind) DO UPDATE SET item_id = excluded.item_id",
                    params![id, meeting_id, person_id, item_id, kind],
                )?;
                Ok(())
            })?;
            presence_changes(tx, meeting_id)
        })
    }

    /// A meeting's changes of attendance, in agenda order.
    pub fn presence_changes(&self, meeting_id: &str) -> Result<Vec<PresenceChange>> {
        presence_changes(&self.conn, meeting_id)
    }

    /// A substitute stands in for `substitute_for` in this case only.
    pub fn add_case_substitute(
        &self,
        case_id: &str,
        person_id: &str,
        substitute_for: &str,
    ) -> Result<CaseSubstitute> {
        let id = crate::new_id();
        self.in_case(case_id, Entity::CaseSubstitute, &id, |tx| {
            crate::people::check_pair(tx, person_id, Some(substitute_for), || {
                Error::other(
                    "substitute_for",
                    "En person kan ikke stille for seg selv.",
                    "A person cannot stand in for themselves.",
                )
            })?;
            let taken: Option<String> = tx
                .query_row(
                    "SELECT id FROM case_substitute WHERE case_id = ?1 AND (person_id = ?2 OR substitute_for = ?3)",
                    params![case_id, person_id, substitute_for],
                    id_from_row,
                )
                .optional()?;
            if taken.is_some() {
                return Err(Error::other(
                    "substitute_for",
                    "Det er allerede registrert en vara for dette medlemmet, eller denne varaen stiller allerede for noen i saken.",
                    "A substitute is already recorded for this member, or this substitute already stands in for someone in the case.",
                ));
            }
            tx.execute(
                "INSERT INTO case_substitute (id, case_id, person_id, substitute_for) VALUES (?1, ?2, ?3, ?4)",
                params![id, case_id, person_id, substitute_for],
            )?;
            crate::seal::cover_case(tx, case_id, &[person_id, substitute_for])
        })?;
        first(
            case_substitutes(&self.conn, case_id)?
                .into_iter()
                .filter(|s| s.id == id)
                .collect(),
            Thing::CaseSubstitute,
            &id,
        )
    }

    pub fn remove_case_substitute(&self, id: &str) -> Result<()> {
        let case_id: String = self
            .conn
            .query_row(
                "SELECT case_id FROM case_substitute WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| not_found(Thing::CaseSubstitute, id))?;
        self.in_case(&case_id, Entity::CaseSubstitute, id, |tx| {
            tx.execute("DELETE FROM case_substitute WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    pub fn case_substitutes(&self, case_id: &str) -> Result<Vec<CaseSubstitute>> {
        case_substitutes(&self.conn, case_id)
    }

    /// Raises the question of a member's impartiality in a case, to be decided by the others.
    pub fn raise_disqualification(
        &self,
        case_id: &str,
        person_id: &str,
        reason: &str,
    ) -> Result<Disqualification> {
        let reason = validate::optional_line("reason", reason)?;
        let id = crate::new_id();
        self.in_case(case_id, Entity::Disqualification, &id, |tx| {
            person(tx, person_id)?;
            let pos = next_position(tx, "disqualification", "case_id", case_id)?;
            let n = tx.execute(
                "INSERT INTO disqualification (id, case_id, person_id, reason, position) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (case_id, person_id) DO NOTHING",
                params![id, case_id, person_id, reason, pos],
            )?;
            if n == 0 {
                return Err(Error::Duplicate {
                    what: Thing::Disqualification,
                    key: crate::store::person(tx, person_id)?.name,
                });
            }
            crate::seal::cover_case(tx, case_id, &[person_id])
        })?;
        disqualification(&self.conn, &id)
    }

    /// The others' decision on a member's impartiality. A disqualified member steps down: they
    /// take no part in the case's vote or its quorum.
    pub fn decide_disqualification(
        &self,
        id: &str,
        decision: &DisqualificationDecision,
    ) -> Result<Disqualification> {
        let basis = validate::optional_line("basis", &decision.basis)?;
        if decision.outcome == Impartiality::Disqualified && basis.is_empty() {
            return Err(Error::other(
                "basis",
                "Skriv hjemmelen for inhabiliteten, for eksempel «fvl. § 6 første ledd bokstav a».",
                "Write the legal basis of the disqualification, for example \"fvl. § 6 første ledd bokstav a\".",
            ));
        }
        let d = disqualification(&self.conn, id)?;
        if decision.outcome == Impartiality::Disqualified {
            let voted: bool = self
                .conn
                .query_row(
                    "SELECT 1 FROM vote v JOIN vote_ballot b ON b.vote_id = v.id
                     WHERE v.case_id = ?1 AND b.person_id = ?2",
                    params![d.case_id, d.person.id],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
            if voted {
                return Err(Error::other(
                    "outcome",
                    format!("{} har allerede stemt ved navneopprop i saken. Fjern den voteringen før medlemmet erklæres inhabilt, og ta den på nytt etterpå.", d.person.name),
                    format!("{} has already voted by name in the case. Remove that vote before declaring the member disqualified, and take it again afterwards.", d.person.name),
                ));
            }
        }
        let (f, a) = decision
            .votes
            .map_or((None, None), |(f, a)| (Some(f), Some(a)));
        self.in_case(&d.case_id, Entity::Disqualification, id, |tx| {
            tx.execute(
                "UPDATE disqualification SET outcome = ?2, basis = ?3, votes_for = ?4, votes_against = ?5 WHERE id = ?1",
                params![id, decision.outcome, basis, f, a],
            )?;
            Ok(())
        })?;
        disqualification(&self.conn, id)
    }

    pub fn remove_disqualification(&self, id: &str) -> Result<()> {
        let d = disqualification(&self.conn, id)?;
        self.in_case(&d.case_id, Entity::Disqualification, id, |tx| {
            tx.execute("DELETE FROM disqualification WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    pub fn disqualifications(&self, case_id: &str) -> Result<Vec<Disqualification>> {
        disqualifications_where(
            &self.conn,
            "WHERE d.case_id = ?1 ORDER BY d.position",
            [case_id],
        )
    }

    /// Outside positions of the people taking part in a case whose organisation the case's
    /// title, summary or proposal names: questions of impartiality worth raising.
    pub fn possible_conflicts(
        &self,
        case_id: &str,
    ) -> Result<Vec<(Person, crate::groups::OutsidePosition)>> {
        let c = case(&self.conn, case_id)?;
        let text = format!("{} {} {}", c.title, c.summary, c.proposal).to_lowercase();
        let Some(q) = case_quorum(&self.conn, case_id)? else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for v in q.voters {
            for p in self.outside_positions(&v.person.id)? {
                if text.contains(&p.organisation.to_lowercase()) {
                    out.push((v.person.clone(), p));
                }
            }
        }
        Ok(out)
    }

    /// Per case of a meeting, who takes part and whether the body could decide it.
    pub fn quorum(&self, meeting_id: &str) -> Result<Vec<CaseQuorum>> {
        quorum(&self.conn, meeting_id)
    }

    /// Lets a decision be recorded in a case where the body was not quorate (`allow`), as the
    /// secretariat confirms it knows; the minutes name the case.
    pub fn decide_without_quorum(&self, case_id: &str, allow: bool) -> Result<()> {
        self.in_case(case_id, Entity::Case, case_id, |tx| {
            tx.execute(
                "UPDATE \"case\" SET without_quorum = ?2 WHERE id = ?1",
                params![case_id, allow],
            )?;
            Ok(())
        })
    }

    /// Runs a change to a case's meeting record (see `Store::on_item`).
    pub(crate) fn in_case(
        &self,
        case_id: &str,
        entity: Entity,
        entity_id: &str,
        change: impl FnOnce(&Connection) -> Result<()>,
    ) -> Result<()> {
        let c = case(&self.conn, case_id)?;
        let item_id = c.item_id.ok_or_else(not_on_agenda)?;
        self.on_item(&item_id, entity, entity_id, change)
    }
}

pub(crate) fn not_on_agenda() -> Error {
    Error::other(
        "case",
        "Saken står ikke på noen dagsorden ennå. Legg den på et møte først.",
        "The case is not on any agenda yet. Put it on a meeting first.",
    )
}

fn other_meeting_item() -> Error {
    Error::other(
        "item",
        "Punktet hører til et annet møte. Velg et punkt på dette møtets dagsorden.",
        "The item belongs to another meeting. Choose an item on this meeting's agenda.",
    )
}

/// The quorum of one case (None for a case on no agenda).
pub(crate) fn case_quorum(conn: &Connection, case_id: &str) -> Result<Option<CaseQuorum>> {
    let Some(meeting_id) = case(conn, case_id)?.meeting_id else {
        return Ok(None);
    };
    Ok(quorum(conn, &meeting_id)?
        .into_iter()
        .find(|q| q.case_id == case_id))
}

/// Refuses a decision in a case where the body could not decide, unless the secretariat has
/// confirmed it (`decide_without_quorum`); else the case's quorum, with who takes part.
pub(crate) fn check_quorum(conn: &Connection, case_id: &str) -> Result<Option<CaseQuorum>> {
    let q = case_quorum(conn, case_id)?;
    let allowed: bool = conn.query_row(
        "SELECT without_quorum FROM \"case\" WHERE id = ?1",
        [case_id],
        |r| r.get(0),
    )?;
    match q {
        Some(q) if !q.quorate && !allowed => Err(Error::State(StateProblem::NotQuorate {
            case: q.case_number,
            present: q.present,
            needed: q.needed,
            members: q.members,
        })),
        q => Ok(q),
    }
}

fn presence_changes(conn: &Connection, meeting_id: &str) -> Result<Vec<PresenceChange>> {
    all(
        conn,
        &format!(
            "SELECT c.id, c.meeting_id, c.kind, c.item_id, k.year AS case_year, k.number AS case_seq, {}
             FROM presence_change c JOIN agenda_item i ON i.id = c.item_id JOIN person p ON p.id = c.person_id
             LEFT JOIN \"case\" k ON k.id = coalesce(i.case_id, i.continues_case_id) {}
             WHERE c.meeting_id = ?1 ORDER BY i.position, c.kind DESC, person_name",
            sealed_person_columns("p", "sp", "person_"),
            seal_person_join("p", "sp", "c.meeting_id"),
        ),
        [meeting_id],
        |r| {
            Ok(from_row!(r => PresenceChange {
                id, meeting_id, kind, item_id;
                person: person_from_row(r, "person_")?,
                case_number: crate::store::case_number_from_row(r, "case_year", "case_seq")?,
            }))
        },
    )
}

pub(crate) fn case_substitutes(conn: &Connection, case_id: &str) -> Result<Vec<CaseSubstitute>> {
    all(
        conn,
        &format!(
            "SELECT cs.id, cs.case_id, {}, {} FROM case_substitute cs
             JOIN person p ON p.id = cs.person_id JOIN person s ON s.id = cs.substitute_for
             LEFT JOIN agenda_item i ON i.case_id = cs.case_id {} {}
             WHERE cs.case_id = ?1 ORDER BY for_name",
            sealed_person_columns("p", "sp", "person_"),
            sealed_person_columns("s", "ss", "for_"),
            seal_person_join("p", "sp", "i.meeting_id"),
            seal_person_join("s", "ss", "i.meeting_id"),
        ),
        [case_id],
        |r| {
            Ok(from_row!(r => CaseSubstitute {
                id, case_id;
                person: person_from_row(r, "person_")?,
                substitute_for: person_from_row(r, "for_")?,
            }))
        },
    )
}

fn disqualifications_where(
    conn: &Connection,
    clauses: &str,
    p: impl Params,
) -> Result<Vec<Disqualification>> {
    all(
        conn,
        &format!(
            "SELECT d.id, d.case_id, d.basis, d.reason, d.outcome, d.votes_for, d.votes_against, {}
             FROM disqualification d JOIN person p ON p.id = d.person_id
             LEFT JOIN agenda_item i ON i.case_id = d.case_id {} {clauses}",
            sealed_person_columns("p", "sp", "person_"),
            seal_person_join("p", "sp", "i.meeting_id"),
        ),
        p,
        |r| {
            Ok(from_row!(r => Disqualification {
                id, case_id, basis, reason, outcome, votes_for, votes_against;
                person: person_from_row(r, "person_")?,
            }))
        },
    )
}

fn disqualification(conn: &Connection, id: &str) -> Result<Disqualification> {
    first(
        disqualifications_where(conn, "WHERE d.id = ?1", [id])?,
        Thing::Disqualification,
        id,
    )
}

pub(crate) fn quorum(conn: &Connection, meeting_id: &str) -> Result<Vec<CaseQuorum>> {
    let m = meeting(conn, meeting_id)?;
    // Sealed minutes keep the rule they were approved under.
    let rule: Option<u32> = conn.query_row(
        "SELECT CASE WHEN s.id IS NULL THEN b.quorum_percent ELSE s.quorum_percent END
         FROM body b LEFT JOIN meeting_seal s ON s.meeting_id = ?2 WHERE b.id = ?1",
        params![m.body_id, meeting_id],
        |r| r.get(0),
    )?;
    let seats: Vec<crate::seal::Seat> = crate::seal::seats(conn, meeting_id)?
        .into_iter()
        .filter(|s| matches!(s.role, Role::Chair | Role::DeputyChair | Role::Member))
        .collect();
    let seat_of = |id: &str| seats.iter().find(|s| s.person.id == id);
    let attendance = crate::record::attendance(conn, meeting_id)?;
    let agenda = items_of(conn, meeting_id)?;
    let position_of = |item_id: &str| agenda.iter().find(|i| i.id == item_id).map(|i| i.position);
    let mut arrived: HashMap<String, i64> = HashMap::new();
    let mut left: HashMap<String, i64> = HashMap::new();
    for c in presence_changes(conn, meeting_id)? {
        let Some(pos) = position_of(&c.item_id) else {
            continue;
        };
        match c.kind {
            PresenceKind::Arrived => arrived.insert(c.person.id, pos),
            PresenceKind::Left => left.insert(c.person.id, pos),
        };
    }
    let here_at = |person_id: &str, pos: i64| {
        arrived.get(person_id).is_none_or(|a| *a <= pos)
            && left.get(person_id).is_none_or(|l| *l >= pos)
    };
    let members = seats.len() as u32;
    let needed = rule.map_or(0, |p| (members * p).div_ceil(100));
    let mut out = Vec::new();
    for i in agenda.iter().filter(|i| i.case_id.is_some()) {
        let case_id = i.case_id.clone().unwrap_or_default();
        // The case is decided where it was last taken up.
        let last: &AgendaItem = agenda
            .iter()
            .rfind(|k| k.continues_case_id.as_deref() == Some(case_id.as_str()))
            .unwrap_or(i);
        let pos = last.position;
        let subs = case_substitutes(conn, &case_id)?;
        let out_of_case: Vec<String> = disqualifications_where(
            conn,
            "WHERE d.case_id = ?1 AND d.outcome = 'disqualified'",
            [&case_id],
        )?
        .into_iter()
        .map(|d| d.person.id)
        .chain(subs.iter().map(|s| s.substitute_for.id.clone()))
        .collect();
        let mut voters: Vec<Voter> = Vec::new();
        for a in &attendance {
            if out_of_case.contains(&a.person.id) || !here_at(&a.person.id, pos) {
                continue;
            }
            let stands_for = match a.status {
                AttendanceStatus::Present => None,
                AttendanceStatus::Substitute => a.substitute_for.as_ref(),
                _ => continue,
            };
            let seat = match stands_for {
                None => seat_of(&a.person.id),
                Some(p) => seat_of(&p.id),
            };
            let Some(seat) = seat else { continue };
            voters.push(Voter {
                person: a.person.clone(),
                party: seat.party.clone(),
                substitute_for: stands_for.cloned(),
                chairs: false,
            });
        }
        for s in &subs {
            let Some(seat) = seat_of(&s.substitute_for.id) else {
                continue;
            };
            voters.push(Voter {
                person: s.person.clone(),
                party: seat.party.clone(),
                substitute_for: Some(s.substitute_for.clone()),
                chairs: false,
            });
        }
        // The chair leads the meeting; the deputy when the chair takes no part.
        let chair = [Role::Chair, Role::DeputyChair].iter().find_map(|role| {
            voters.iter().position(|v| {
                v.substitute_for.is_none() && seat_of(&v.person.id).is_some_and(|s| s.role == *role)
            })
        });
        if let Some(c) = chair {
            voters[c].chairs = true;
        }
        let present = voters.len() as u32;
        out.push(CaseQuorum {
            case_id,
            item_id: last.id.clone(),
            case_number: i.case_number.clone().unwrap_or_default(),
            members,
            rule_percent: rule,
            present,
            needed,
            quorate: rule.is_none() || present >= needed,
            voters,
        });
    }
    Ok(out)
}
