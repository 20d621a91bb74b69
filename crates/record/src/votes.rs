//! Proposals put in a meeting and the votes on them (kommuneloven § 11-4). A vote is taken
//! unanimously, by counting, group by group or by name; its result follows from the votes (a tie
//! is decided by the chair's vote), and an adopted proposal's text becomes the decision.

use crate::error::{Error, Result, Thing};
use crate::groups::{party, Party};
use crate::model::Person;
use crate::presence::{case_quorum, check_quorum, Voter};
use crate::seal::{meeting_parties, seal_person_join, sealed_person_columns};
use crate::store::{
    all, case, first, from_row, next_position, not_found, person, person_columns, person_from_row,
    Store,
};
use crate::validate;
use crate::vocab::{Entity, VoteMethod, VoteResult, VoteSide};
use rusqlite::{params, Connection, OptionalExtension, Params};
use serde::{Deserialize, Serialize};

/// A proposal put in the meeting by a member, a group, or a member for a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Proposal {
    pub id: String,
    pub case_id: String,
    pub text: String,
    pub party: Option<Party>,
    pub person: Option<Person>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ProposalInput {
    pub text: String,
    pub party_id: Option<String>,
    pub person_id: Option<String>,
}

/// A vote on a proposal (None: on the case's own proposal) and what it decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Vote {
    pub id: String,
    pub case_id: String,
    pub proposal_id: Option<String>,
    pub method: VoteMethod,
    pub votes_for: u32,
    pub votes_against: u32,
    pub votes_blank: u32,
    pub result: VoteResult,
    /// How the groups voted, in the body's order of groups.
    pub groups: Vec<GroupSide>,
    /// A named vote's ballots, in the order of the attendance.
    pub ballots: Vec<Ballot>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GroupSide {
    pub party: Party,
    pub side: VoteSide,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Ballot {
    pub person: Person,
    /// The voter's group, as the minutes name it when a group splits.
    pub party: Option<Party>,
    pub side: VoteSide,
}

/// A vote as the chair records it. Counts are given for `Counts` (and may be for `Groups`, which
/// otherwise counts the groups' members taking part); `groups` lists each group's side for
/// `Groups` (and may annotate `Counts`); `ballots` has every voter's side for `Named`. `result`
/// is needed only where the votes are tied and the chair's vote is not known.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VoteInput {
    pub proposal_id: Option<String>,
    pub method: VoteMethod,
    pub votes_for: Option<u32>,
    pub votes_against: Option<u32>,
    pub votes_blank: Option<u32>,
    pub groups: Vec<(String, VoteSide)>,
    pub ballots: Vec<(String, VoteSide)>,
    pub result: Option<VoteResult>,
}

impl Store {
    pub fn add_proposal(&self, case_id: &str, input: &ProposalInput) -> Result<Proposal> {
        let text = validate::required_text("proposal", &input.text)?;
        let id = crate::new_id();
        self.in_case(case_id, Entity::Proposal, &id, |tx| {
            check_proposer(tx, case_id, input)?;
            let pos = next_position(tx, "proposal", "case_id", case_id)?;
            tx.execute(
                "INSERT INTO proposal (id, case_id, position, text, party_id, person_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, case_id, pos, text, input.party_id, input.person_id],
            )?;
            let named: Vec<&str> = input.person_id.as_deref().into_iter().collect();
            crate::seal::cover_case(tx, case_id, &named)
        })?;
        proposal(&self.conn, &id)
    }

    pub fn update_proposal(&self, id: &str, input: &ProposalInput) -> Result<Proposal> {
        let text = validate::required_text("proposal", &input.text)?;
        let p = proposal(&self.conn, id)?;
        self.in_case(&p.case_id, Entity::Proposal, id, |tx| {
            check_proposer(tx, &p.case_id, input)?;
            tx.execute(
                "UPDATE proposal SET text = ?2, party_id = ?3, person_id = ?4 WHERE id = ?1",
                params![id, text, input.party_id, input.person_id],
            )?;
            let named: Vec<&str> = input.person_id.as_deref().into_iter().collect();
            crate::seal::cover_case(tx, &p.case_id, &named)
        })?;
        proposal(&self.conn, id)
    }

    /// Removes a proposal and any vote on it.
    pub fn remove_proposal(&self, id: &str) -> Result<()> {
        let p = proposal(&self.conn, id)?;
        self.in_case(&p.case_id, Entity::Proposal, id, |tx| {
            tx.execute("DELETE FROM proposal WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// The proposals put in a case, in the order they were put.
    pub fn proposals(&self, case_id: &str) -> Result<Vec<Proposal>> {
        proposals_where(
            &self.conn,
            "WHERE x.case_id = ?1 ORDER BY x.position",
            [case_id],
        )
    }

    /// Records a vote. The body must be quorate in the case (or the secretariat must have
    /// confirmed that it was not); an adopted proposal's text becomes the case's decision.
    pub fn record_vote(&self, case_id: &str, input: &VoteInput) -> Result<Vote> {
        let id = crate::new_id();
        self.in_case(case_id, Entity::Vote, &id, |tx| {
            let c = case(tx, case_id)?;
            let text = match &input.proposal_id {
                Some(pid) => {
                    let p = proposal(tx, pid)?;
                    if p.case_id != case_id {
                        return Err(Error::other(
                            "proposal",
                            "Forslaget hører til en annen sak.",
                            "The proposal belongs to another case.",
                        ));
                    }
                    p.text
                }
                None if c.proposal.trim().is_empty() => {
                    return Err(Error::other(
                        "proposal",
                        "Saken har ingen innstilling å stemme over. Skriv forslaget til vedtak, eller stem over et forslag fremmet i møtet.",
                        "The case has no recommendation to vote on. Write the proposed decision, or vote on a proposal put in the meeting.",
                    ))
                }
                None => c.proposal.clone(),
            };
            let voters = check_quorum(tx, case_id)?
                .map(|q| q.voters)
                .unwrap_or_default();
            let tally = tally(tx, &c.body_id, &voters, input)?;
            let pos = next_position(tx, "vote", "case_id", case_id)?;
            tx.execute(
                "INSERT INTO vote (id, case_id, proposal_id, position, method, votes_for, votes_against, votes_blank, result)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![id, case_id, input.proposal_id, pos, input.method, tally.votes_for, tally.votes_against, tally.votes_blank, tally.result],
            )?;
            for (party_id, side) in &tally.groups {
                tx.execute(
                    "INSERT INTO vote_group (id, vote_id, party_id, side) VALUES (?1, ?2, ?3, ?4)",
                    params![crate::new_id(), id, party_id, side],
                )?;
            }
            for (person_id, side) in &tally.ballots {
                tx.execute(
                    "INSERT INTO vote_ballot (id, vote_id, person_id, side) VALUES (?1, ?2, ?3, ?4)",
                    params![crate::new_id(), id, person_id, side],
                )?;
            }
            if tally.result == VoteResult::Adopted {
                tx.execute(
                    "UPDATE \"case\" SET decision = ?2 WHERE id = ?1",
                    params![case_id, text],
                )?;
            }
            let named: Vec<&str> = tally.ballots.iter().map(|(p, _)| p.as_str()).collect();
            crate::seal::cover_case(tx, case_id, &named)
        })?;
        vote(&self.conn, &id)
    }

    /// Removes a recorded vote (the decision it set stays until changed).
    pub fn remove_vote(&self, id: &str) -> Result<()> {
        let v = vote(&self.conn, id)?;
        self.in_case(&v.case_id, Entity::Vote, id, |tx| {
            tx.execute("DELETE FROM vote WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// A case's votes in the order they were taken.
    pub fn votes(&self, case_id: &str) -> Result<Vec<Vote>> {
        let ids: Vec<String> = all(
            &self.conn,
            "SELECT id FROM vote WHERE case_id = ?1 ORDER BY position",
            [case_id],
            |r| r.get("id"),
        )?;
        ids.iter().map(|id| vote(&self.conn, id)).collect()
    }
}

/// A proposer is a group of the case's body, a person, or both.
fn check_proposer(conn: &Connection, case_id: &str, input: &ProposalInput) -> Result<()> {
    if input.party_id.is_none() && input.person_id.is_none() {
        return Err(Error::other(
            "party",
            "Oppgi hvem som fremmet forslaget: et parti, et medlem eller begge.",
            "Say who put the proposal: a group, a member or both.",
        ));
    }
    if let Some(pid) = &input.party_id {
        if party(conn, pid)?.body_id != case(conn, case_id)?.body_id {
            return Err(crate::groups::other_body_party());
        }
    }
    if let Some(p) = &input.person_id {
        person(conn, p)?;
    }
    Ok(())
}

struct Tally {
    votes_for: u32,
    votes_against: u32,
    votes_blank: u32,
    result: VoteResult,
    groups: Vec<(String, VoteSide)>,
    ballots: Vec<(String, VoteSide)>,
}

/// The counts and result of a vote from what the chair recorded and who takes part.
fn tally(conn: &Connection, body_id: &str, voters: &[Voter], input: &VoteInput) -> Result<Tally> {
    let taking_part = voters.len() as u32;
    for (pid, _) in &input.groups {
        if party(conn, pid)?.body_id != body_id {
            return Err(crate::groups::other_body_party());
        }
    }
    let mut groups = input.groups.clone();
    let mut ballots = Vec::new();
    let (f, a, b) = match input.method {
        VoteMethod::Unanimous => (taking_part, 0, 0),
        VoteMethod::Counts => {
            let (Some(f), Some(a)) = (input.votes_for, input.votes_against) else {
                return Err(Error::other(
                    "votes_for",
                    "Skriv antall stemmer for og mot.",
                    "Enter the number of votes for and against.",
                ));
            };
            (f, a, input.votes_blank.unwrap_or(0))
        }
        VoteMethod::Groups => {
            let mut counts = [0u32; 3];
            for v in voters {
                let Some(party) = &v.party else {
                    return Err(Error::other(
                        "groups",
                        format!(
                            "{} sitter ikke for noe parti. Bruk opptelling eller navneopprop.",
                            v.person.name
                        ),
                        format!(
                            "{} sits for no group. Count the votes or take them by name.",
                            v.person.name
                        ),
                    ));
                };
                let Some((_, side)) = groups.iter().find(|(g, _)| *g == party.id) else {
                    return Err(Error::other(
                        "groups",
                        format!("Oppgi hvordan {} stemte.", party.short_name),
                        format!("Say how {} voted.", party.short_name),
                    ));
                };
                counts[side_index(*side)] += 1;
            }
            match (input.votes_for, input.votes_against) {
                (Some(f), Some(a)) => (f, a, input.votes_blank.unwrap_or(0)),
                _ => (counts[0], counts[1], counts[2]),
            }
        }
        VoteMethod::Named => {
            let mut counts = [0u32; 3];
            for v in voters {
                let Some((_, side)) = input.ballots.iter().find(|(p, _)| *p == v.person.id) else {
                    return Err(Error::other(
                        "ballots",
                        format!("Oppgi hvordan {} stemte.", v.person.name),
                        format!("Say how {} voted.", v.person.name),
                    ));
                };
                counts[side_index(*side)] += 1;
                ballots.push((v.person.id.clone(), *side));
            }
            if let Some((p, _)) = input
                .ballots
                .iter()
                .find(|(p, _)| !voters.iter().any(|v| v.person.id == *p))
            {
                let name = person(conn, p)?.name;
                return Err(Error::other(
                    "ballots",
                    format!("{name} deltar ikke i behandlingen av saken og kan ikke stemme."),
                    format!("{name} takes no part in the case and cannot vote."),
                ));
            }
            groups.clear();
            (counts[0], counts[1], counts[2])
        }
    };
    if taking_part > 0 && f + a + b > taking_part {
        return Err(Error::other(
            "votes_for",
            format!(
                "{} stemmer er flere enn de {taking_part} som deltar i saken. Tell på nytt.",
                f + a + b
            ),
            format!(
                "{} votes are more than the {taking_part} taking part in the case. Count again.",
                f + a + b
            ),
        ));
    }
    // How the chair voted, where the record says: by name, or with their group.
    let chair = voters.iter().find(|v| v.chairs);
    let chair_side = match input.method {
        VoteMethod::Named => ballots
            .iter()
            .find(|(p, _)| chair.is_some_and(|c| c.person.id == *p))
            .map(|(_, s)| *s),
        VoteMethod::Groups => chair
            .and_then(|c| c.party.as_ref())
            .and_then(|g| groups.iter().find(|(id, _)| *id == g.id))
            .map(|(_, s)| *s),
        _ => None,
    };
    let result = if input.method == VoteMethod::Unanimous {
        input.result.unwrap_or(VoteResult::Adopted)
    } else if f != a {
        let by_count = if f > a {
            VoteResult::Adopted
        } else {
            VoteResult::Rejected
        };
        if input.result.is_some_and(|r| r != by_count) {
            return Err(Error::other(
                "result",
                format!(
                    "Med {f} mot {a} stemmer er resultatet «{}».",
                    by_count.label(crate::Lang::Nb)
                ),
                format!(
                    "With {f} votes to {a} the result is \"{}\".",
                    by_count.label(crate::Lang::En)
                ),
            ));
        }
        by_count
    } else {
        // Stemmelikhet: the chair's vote decides (kommuneloven § 11-9).
        let by_chair = match chair_side {
            Some(VoteSide::For) => Some(VoteResult::Adopted),
            Some(VoteSide::Against) => Some(VoteResult::Rejected),
            _ => None,
        };
        match (by_chair, input.result) {
            (Some(c), Some(r)) if c != r => {
                return Err(Error::other(
                    "result",
                    format!("Stemmelikhet, og møteleder stemte slik at forslaget er «{}».", c.label(crate::Lang::Nb)),
                    format!("A tie, and the chair's vote makes the proposal \"{}\".", c.label(crate::Lang::En)),
                ))
            }
            (Some(c), _) => c,
            (None, Some(r)) => r,
            (None, None) => {
                return Err(Error::other(
                    "result",
                    "Stemmelikhet: møteleders stemme avgjør. Oppgi om forslaget ble vedtatt eller falt.",
                    "A tie: the chair's vote decides. Say whether the proposal was adopted or rejected.",
                ))
            }
        }
    };
    Ok(Tally {
        votes_for: f,
        votes_against: a,
        votes_blank: b,
        result,
        groups,
        ballots,
    })
}

fn side_index(side: VoteSide) -> usize {
    match side {
        VoteSide::For => 0,
        VoteSide::Against => 1,
        VoteSide::Blank => 2,
    }
}

/// Proposals with their proposers as the meeting's documents name them (sealed once approved).
fn proposals_where(conn: &Connection, clauses: &str, p: impl Params) -> Result<Vec<Proposal>> {
    let rows = all(
        conn,
        &format!(
            "SELECT x.id, x.case_id, x.text, x.party_id, i.meeting_id, {} FROM proposal x
             LEFT JOIN person p ON p.id = x.person_id LEFT JOIN agenda_item i ON i.case_id = x.case_id {} {clauses}",
            sealed_person_columns("p", "sp", "person_"),
            seal_person_join("p", "sp", "i.meeting_id"),
        ),
        p,
        |r| {
            Ok((
                r.get::<_, Option<String>>("party_id")?,
                r.get::<_, Option<String>>("meeting_id")?,
                from_row!(r => Proposal {
                    id, case_id, text;
                    party: None,
                    person: crate::store::optional_person_from_row(r, "person_")?,
                }),
            ))
        },
    )?;
    rows.into_iter()
        .map(|(party_id, meeting_id, mut x)| {
            if let (Some(g), Some(m)) = (party_id, meeting_id) {
                x.party = meeting_parties(conn, &m)?.into_iter().find(|p| p.id == g);
            }
            Ok(x)
        })
        .collect()
}

fn proposal(conn: &Connection, id: &str) -> Result<Proposal> {
    first(
        proposals_where(conn, "WHERE x.id = ?1", [id])?,
        Thing::Proposal,
        id,
    )
}

fn vote(conn: &Connection, id: &str) -> Result<Vote> {
    let mut v = conn
        .query_row(
            "SELECT id, case_id, proposal_id, method, votes_for, votes_against, votes_blank, result FROM vote WHERE id = ?1",
            [id],
            |r| {
                Ok(from_row!(r => Vote {
                    id, case_id, proposal_id, method, votes_for, votes_against, votes_blank, result;
                    groups: Vec::new(),
                    ballots: Vec::new(),
                }))
            },
        )
        .optional()?
        .ok_or_else(|| not_found(Thing::Vote, id))?;
    let meeting_id = case(conn, &v.case_id)?.meeting_id.unwrap_or_default();
    let parties = meeting_parties(conn, &meeting_id)?;
    let sides: Vec<(String, VoteSide)> = all(
        conn,
        "SELECT vg.party_id, vg.side FROM vote_group vg WHERE vg.vote_id = ?1",
        [id],
        |r| Ok((r.get("party_id")?, r.get("side")?)),
    )?;
    // In the body's order of groups, with the names the meeting's documents use.
    v.groups = parties
        .iter()
        .filter_map(|g| {
            sides
                .iter()
                .find(|(id, _)| *id == g.id)
                .map(|(_, side)| GroupSide {
                    party: g.clone(),
                    side: *side,
                })
        })
        .collect();
    let mut ballots: Vec<Ballot> = all(
        conn,
        &format!(
            "SELECT vb.side, {} FROM vote_ballot vb JOIN person p ON p.id = vb.person_id WHERE vb.vote_id = ?1",
            person_columns("p", "person_")
        ),
        [id],
        |r| {
            Ok(Ballot {
                side: r.get("side")?,
                person: person_from_row(r, "person_")?,
                party: None,
            })
        },
    )?;
    // Ballots in the attendance's order; each voter's name and group are those of their seat.
    // Only a roll call has ballots, and only it needs who took part.
    let voters = match ballots.is_empty() {
        true => Vec::new(),
        false => case_quorum(conn, &v.case_id)?
            .map(|q| q.voters)
            .unwrap_or_default(),
    };
    for b in &mut ballots {
        if let Some(x) = voters.iter().find(|x| x.person.id == b.person.id) {
            b.party = x.party.clone();
            b.person = x.person.clone();
        }
    }
    let rank = |b: &Ballot| {
        voters
            .iter()
            .position(|x| x.person.id == b.person.id)
            .unwrap_or(usize::MAX)
    };
    ballots.sort_by_key(rank);
    v.ballots = ballots;
    Ok(v)
}
