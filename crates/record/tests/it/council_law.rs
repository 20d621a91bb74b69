//! What the law asks a municipal body's record to hold (kommuneloven §§ 11-4, 11-9;
//! forvaltningsloven §§ 6, 8): groups, quorum through the meeting, votes, disqualification and
//! signed minutes, on a small council of nine in a real SQLite file.

use crate::common::*;
use quorum_record::error::StateProblem;
use quorum_record::groups::PartyInput;
use quorum_record::model::{AgendaItem, Meeting};
use quorum_record::people::{MembershipInput, PersonInput};
use quorum_record::presence::DisqualificationDecision;
use quorum_record::record::AttendanceInput;
use quorum_record::signing::sha256_hex;
use quorum_record::vocab::*;
use quorum_record::votes::{ProposalInput, VoteInput};
use quorum_record::{Error, Lang, Store};
use std::collections::HashMap;

/// Nine members (chair A1): Ap A1–A4, H H1–H3, FrP F1, Sp S1; V1 and V2 are substitutes
/// without seats. A held meeting 1/2026 with three cases, everyone present.
struct Council {
    db: Db,
    body: String,
    meeting: Meeting,
    items: Vec<AgendaItem>,
    people: HashMap<&'static str, String>,
    parties: HashMap<&'static str, String>,
}

impl Council {
    fn s(&self) -> &Store {
        &self.db.store
    }
    fn p(&self, name: &str) -> String {
        self.people[name].clone()
    }
    fn case(&self, i: usize) -> String {
        self.items[i].case_id.clone().unwrap()
    }
    fn attend(&self, who: &str, status: AttendanceStatus, for_whom: Option<&str>) {
        self.s()
            .set_attendance(
                &self.meeting.id,
                &AttendanceInput {
                    person_id: self.p(who),
                    status,
                    substitute_for: for_whom.map(|w| self.p(w)),
                    remote: false,
                },
            )
            .unwrap();
    }
    fn quorum(&self, i: usize) -> quorum_record::presence::CaseQuorum {
        self.s()
            .quorum(&self.meeting.id)
            .unwrap()
            .into_iter()
            .find(|q| q.case_id == self.case(i))
            .unwrap()
    }
}

const SEATS: [(&str, &str); 9] = [
    ("A1", "Ap"),
    ("A2", "Ap"),
    ("A3", "Ap"),
    ("A4", "Ap"),
    ("H1", "H"),
    ("H2", "H"),
    ("H3", "H"),
    ("F1", "FrP"),
    ("S1", "Sp"),
];

fn council() -> Council {
    let db = db();
    let s = &db.store;
    let b = body(s, "Kommunestyret", "Testvik kommunestyre");
    s.set_body_rules(&b.id, Some(50), false).unwrap();
    let mut parties = HashMap::new();
    for (name, short) in [
        ("Arbeiderpartiet", "Ap"),
        ("Høyre", "H"),
        ("Fremskrittspartiet", "FrP"),
        ("Senterpartiet", "Sp"),
    ] {
        let g = s
            .add_party(
                &b.id,
                &PartyInput {
                    name: name.into(),
                    short_name: short.into(),
                },
            )
            .unwrap();
        parties.insert(short, g.id);
    }
    let mut people = HashMap::new();
    for (i, (name, party)) in SEATS.iter().enumerate() {
        let p = s
            .create_person(&PersonInput {
                name: (*name).into(),
                ..Default::default()
            })
            .unwrap();
        let m = s
            .add_membership(
                &b.id,
                &MembershipInput {
                    person_id: p.id.clone(),
                    role: if i == 0 { Role::Chair } else { Role::Member },
                    ..Default::default()
                },
            )
            .unwrap();
        s.set_membership_party(&m.id, Some(&parties[party]))
            .unwrap();
        people.insert(*name, p.id);
    }
    for name in ["V1", "V2"] {
        let p = s
            .create_person(&PersonInput {
                name: name.into(),
                ..Default::default()
            })
            .unwrap();
        people.insert(name, p.id);
    }
    let m = meeting(s, &b.id, "1/2026", "2026-01-22");
    let items = ["Budsjett", "Skolestruktur", "Reguleringsplan"]
        .iter()
        .map(|t| add_case(s, &m.id, t))
        .collect();
    let c = Council {
        db,
        body: b.id,
        meeting: m,
        items,
        people,
        parties,
    };
    for (name, _) in SEATS {
        c.attend(name, AttendanceStatus::Present, None);
    }
    c.s().mark_held(&c.meeting.id).unwrap();
    c
}

fn vote(method: VoteMethod) -> VoteInput {
    VoteInput {
        method,
        ..Default::default()
    }
}

#[test]
fn quorum_follows_those_who_leave_substitutes_and_disqualification() {
    let c = council();
    let q = c.quorum(0);
    assert_eq!((q.members, q.present, q.needed, q.quorate), (9, 9, 5, true));
    assert!(q
        .voters
        .iter()
        .any(|v| v.chairs && v.person.id == c.p("A1")));
    // H3 is away; V1 stands in for her the whole meeting, and votes for H.
    c.attend("H3", AttendanceStatus::Absent, None);
    c.attend("V1", AttendanceStatus::Substitute, Some("H3"));
    let v1 = c
        .quorum(0)
        .voters
        .into_iter()
        .find(|v| v.person.id == c.p("V1"))
        .unwrap();
    assert_eq!(v1.party.unwrap().short_name, "H");
    assert_eq!(c.quorum(0).present, 9);
    // H1 leaves after the first case; F1 arrives at the third.
    let s = c.s();
    s.set_presence_change(
        &c.meeting.id,
        &c.p("H1"),
        PresenceKind::Left,
        Some(&c.items[0].id),
    )
    .unwrap();
    s.set_presence_change(
        &c.meeting.id,
        &c.p("F1"),
        PresenceKind::Arrived,
        Some(&c.items[2].id),
    )
    .unwrap();
    assert_eq!(
        [
            c.quorum(0).present,
            c.quorum(1).present,
            c.quorum(2).present
        ],
        [8, 7, 8]
    );
    // Leaving before arriving is refused, in words.
    let e = s
        .set_presence_change(
            &c.meeting.id,
            &c.p("F1"),
            PresenceKind::Left,
            Some(&c.items[1].id),
        )
        .unwrap_err();
    assert!(e.message(Lang::Nb).contains("må ha kommet før"), "{e}");
    // A2 is disqualified in case 2 and steps down; V2 takes the seat for that case only.
    let d = s
        .raise_disqualification(&c.case(1), &c.p("A2"), "Styreleder i Testvik Skole AS")
        .unwrap();
    assert_eq!(d.outcome, Impartiality::Raised);
    assert_eq!(c.quorum(1).present, 7, "raised is not yet decided");
    let e = s
        .decide_disqualification(
            &d.id,
            &DisqualificationDecision {
                outcome: Impartiality::Disqualified,
                basis: " ".into(),
                votes: None,
            },
        )
        .unwrap_err();
    assert_eq!(e.field(), Some("basis"));
    s.decide_disqualification(
        &d.id,
        &DisqualificationDecision {
            outcome: Impartiality::Disqualified,
            basis: "fvl. § 6 første ledd bokstav a".into(),
            votes: Some((6, 1)),
        },
    )
    .unwrap();
    assert_eq!(c.quorum(1).present, 6);
    assert!(!c.quorum(1).voters.iter().any(|v| v.person.id == c.p("A2")));
    s.add_case_substitute(&c.case(1), &c.p("V2"), &c.p("A2"))
        .unwrap();
    let q = c.quorum(1);
    assert_eq!(q.present, 7);
    let v2 = q.voters.iter().find(|v| v.person.id == c.p("V2")).unwrap();
    assert_eq!(v2.party.as_ref().unwrap().short_name, "Ap");
    assert_eq!(c.quorum(2).present, 8, "only for that case");
}

#[test]
fn a_decision_is_never_recorded_silently_where_the_body_cannot_decide() {
    let c = council();
    for name in ["A2", "A3", "A4", "H1", "H2"] {
        c.attend(name, AttendanceStatus::Absent, None);
    }
    let q = c.quorum(0);
    assert_eq!((q.present, q.needed, q.quorate), (4, 5, false));
    let s = c.s();
    let e = s.record_decision(&c.case(0), "Vedtatt.").unwrap_err();
    assert!(
        matches!(
            e,
            Error::State(StateProblem::NotQuorate {
                present: 4,
                needed: 5,
                members: 9,
                ..
            })
        ),
        "{e:?}"
    );
    assert!(e.message(Lang::Nb).contains("ikke vedtaksført"), "{e}");
    assert!(s.accept_proposal(&c.case(0)).is_err());
    assert!(s
        .record_vote(&c.case(0), &vote(VoteMethod::Unanimous))
        .is_err());
    assert_eq!(s.case(&c.case(0)).unwrap().decision, None);
    // Confirmed by the secretariat: recorded, and the case says so.
    s.decide_without_quorum(&c.case(0), true).unwrap();
    s.record_decision(&c.case(0), "Vedtatt.").unwrap();
    // A body without a rule decides as before.
    s.set_body_rules(&c.body, None, false).unwrap();
    assert!(c.quorum(1).quorate);
    s.accept_proposal(&c.case(1)).unwrap();
}

#[test]
fn votes_count_groups_and_names_and_the_winner_becomes_the_decision() {
    let c = council();
    let s = c.s();
    // Unanimous on the innstilling: everyone taking part voted for it.
    let v = s
        .record_vote(&c.case(0), &vote(VoteMethod::Unanimous))
        .unwrap();
    assert_eq!(
        (v.votes_for, v.votes_against, v.result),
        (9, 0, VoteResult::Adopted)
    );
    assert_eq!(
        s.case(&c.case(0)).unwrap().decision.as_deref(),
        Some("Forslag: Budsjett")
    );
    // An alternative proposal from H, voted group by group: H and FrP for, 4 against 5.
    let p = s
        .add_proposal(
            &c.case(1),
            &ProposalInput {
                text: "Skolen i Nordvik består.".into(),
                party_id: Some(c.parties["H"].clone()),
                person_id: Some(c.p("H1")),
            },
        )
        .unwrap();
    assert_eq!(p.party.as_ref().unwrap().short_name, "H");
    let groups = |fors: &[&str], against: &[&str]| -> Vec<(String, VoteSide)> {
        fors.iter()
            .map(|g| (c.parties[g].clone(), VoteSide::For))
            .chain(
                against
                    .iter()
                    .map(|g| (c.parties[g].clone(), VoteSide::Against)),
            )
            .collect()
    };
    let missing = s
        .record_vote(
            &c.case(1),
            &VoteInput {
                proposal_id: Some(p.id.clone()),
                groups: groups(&["H", "FrP"], &["Ap"]),
                ..vote(VoteMethod::Groups)
            },
        )
        .unwrap_err();
    assert!(missing.message(Lang::Nb).contains("Sp"), "{missing}");
    let v = s
        .record_vote(
            &c.case(1),
            &VoteInput {
                proposal_id: Some(p.id.clone()),
                groups: groups(&["H", "FrP"], &["Ap", "Sp"]),
                ..vote(VoteMethod::Groups)
            },
        )
        .unwrap();
    assert_eq!(
        (v.votes_for, v.votes_against, v.result),
        (4, 5, VoteResult::Rejected)
    );
    let shorts: Vec<&str> = v
        .groups
        .iter()
        .map(|g| g.party.short_name.as_str())
        .collect();
    assert_eq!(shorts, ["Ap", "H", "FrP", "Sp"], "in the body's order");
    // Then the innstilling by counts, 5 mot 4; more votes than voters are refused.
    let too_many = s
        .record_vote(
            &c.case(1),
            &VoteInput {
                votes_for: Some(7),
                votes_against: Some(3),
                ..vote(VoteMethod::Counts)
            },
        )
        .unwrap_err();
    assert!(
        too_many.message(Lang::Nb).contains("flere enn de 9"),
        "{too_many}"
    );
    s.record_vote(
        &c.case(1),
        &VoteInput {
            votes_for: Some(5),
            votes_against: Some(4),
            groups: groups(&["Ap", "Sp"], &["H", "FrP"]),
            ..vote(VoteMethod::Counts)
        },
    )
    .unwrap();
    assert_eq!(s.votes(&c.case(1)).unwrap().len(), 2);
    assert_eq!(
        s.case(&c.case(1)).unwrap().decision.as_deref(),
        Some("Forslag: Skolestruktur")
    );
    // A named vote tied 4–4 with one blank: the chair (A1) voted yes, so it is adopted.
    let mut ballots: Vec<(String, VoteSide)> = SEATS
        .iter()
        .map(|(n, _)| {
            let side = match *n {
                "A1" | "A2" | "A3" | "A4" => VoteSide::For,
                "S1" => VoteSide::Blank,
                _ => VoteSide::Against,
            };
            (c.p(n), side)
        })
        .collect();
    let v = s
        .record_vote(
            &c.case(2),
            &VoteInput {
                ballots: ballots.clone(),
                ..vote(VoteMethod::Named)
            },
        )
        .unwrap();
    assert_eq!(
        (v.votes_for, v.votes_against, v.votes_blank, v.result),
        (4, 4, 1, VoteResult::Adopted)
    );
    assert_eq!(v.ballots.len(), 9);
    assert_eq!(
        v.ballots[0].person.id,
        c.p("A1"),
        "in the attendance's order"
    );
    assert_eq!(v.ballots[4].party.as_ref().unwrap().short_name, "H");
    // Every voter must be named; someone taking no part cannot vote.
    ballots.pop();
    let e = s
        .record_vote(
            &c.case(2),
            &VoteInput {
                ballots: ballots.clone(),
                ..vote(VoteMethod::Named)
            },
        )
        .unwrap_err();
    assert!(e.message(Lang::Nb).contains("S1"), "{e}");
    ballots.push((c.p("V1"), VoteSide::For));
    ballots.push((c.p("S1"), VoteSide::For));
    let e = s
        .record_vote(
            &c.case(2),
            &VoteInput {
                ballots,
                ..vote(VoteMethod::Named)
            },
        )
        .unwrap_err();
    assert!(e.message(Lang::Nb).contains("V1 deltar ikke"), "{e}");
    // A proposal put in the meeting is found by search.
    let hits = s
        .search(&quorum_record::search::SearchQuery {
            text: "Nordvik".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 1);
}

#[test]
fn signed_minutes_lock_while_out_and_approve_with_the_last_signature() {
    let c = council();
    let s = c.s();
    s.accept_proposal(&c.case(0)).unwrap();
    let pdf = b"%PDF-1.7 minutes as sent".to_vec();
    // A body whose minutes a later meeting approves does not send them for signing.
    assert!(s.send_for_signing(&c.meeting.id, &pdf).is_err());
    s.set_body_rules(&c.body, Some(50), true).unwrap();
    let e = s.send_for_signing(&c.meeting.id, &pdf).unwrap_err();
    assert_eq!(e.field(), Some("signers"));
    let signers = vec![c.p("A1"), c.p("H1"), c.p("S1")];
    s.set_minutes_signers(&c.meeting.id, &signers).unwrap();
    let round = s.send_for_signing(&c.meeting.id, &pdf).unwrap();
    assert_eq!(round.sha256, sha256_hex(&pdf));
    assert_eq!(s.signing_pdf(&round.id).unwrap(), pdf);
    // Locked while out: no change of the record, no second round.
    let item = &c.items[0].id;
    let e = s.add_innspill(item, "Sent innspill", None).unwrap_err();
    assert!(
        matches!(e, Error::State(StateProblem::SigningUnderway)),
        "{e:?}"
    );
    assert!(s.send_for_signing(&c.meeting.id, &pdf).is_err());
    // A signature must be of the document sent; a refusal needs a comment and reopens.
    let e = s
        .sign_minutes(&c.meeting.id, &c.p("A1"), &sha256_hex(b"other"))
        .unwrap_err();
    assert_eq!(e.field(), Some("sha256"));
    s.sign_minutes(&c.meeting.id, &c.p("A1"), &round.sha256)
        .unwrap();
    assert!(s.refuse_minutes(&c.meeting.id, &c.p("H1"), " ").is_err());
    assert!(s
        .sign_minutes(&c.meeting.id, &c.p("H2"), &round.sha256)
        .is_err());
    let state = s
        .refuse_minutes(&c.meeting.id, &c.p("H1"), "Innspillet fra H2 mangler")
        .unwrap();
    assert_eq!(state.rounds[0].outcome, Some(Verdict::Refused));
    assert!(state.open_round().is_none());
    s.add_innspill(item, "Innspillet fra H2", None).unwrap();
    // Sent again and signed by all three: approved and sealed, without an approving case.
    let pdf2 = b"%PDF-1.7 minutes corrected".to_vec();
    let round2 = s.send_for_signing(&c.meeting.id, &pdf2).unwrap();
    for p in &signers {
        s.sign_minutes(&c.meeting.id, p, &round2.sha256).unwrap();
    }
    let m = s.meeting(&c.meeting.id).unwrap();
    assert_eq!(m.status, MeetingStatus::Approved);
    assert_eq!(m.approved_by_case_id, None);
    let state = s.signing(&c.meeting.id).unwrap();
    let signed = state.signed_round().unwrap();
    assert_eq!(signed.signatures.len(), 3);
    assert!(signed
        .signatures
        .iter()
        .all(|g| g.sha256 == sha256_hex(&pdf2)));
    assert!(s.add_innspill(item, "Etterpå", None).is_err());
    // Signatures and rounds are append-only in the file itself.
    let raw = rusqlite::Connection::open(&c.db.path).unwrap();
    assert!(raw
        .execute("UPDATE signature SET comment = 'x'", [])
        .is_err());
    assert!(raw.execute("DELETE FROM signing_round", []).is_err());
    assert!(raw
        .execute("UPDATE signing_round SET pdf = x'00'", [])
        .is_err());
}

#[test]
fn approved_minutes_keep_the_groups_and_names_they_were_approved_with() {
    let c = council();
    let s = c.s();
    s.set_body_rules(&c.body, Some(50), true).unwrap();
    let p = s
        .add_proposal(
            &c.case(1),
            &ProposalInput {
                text: "Utsettes.".into(),
                party_id: Some(c.parties["H"].clone()),
                person_id: Some(c.p("H1")),
            },
        )
        .unwrap();
    s.record_vote(
        &c.case(1),
        &VoteInput {
            proposal_id: Some(p.id.clone()),
            groups: [("Ap", VoteSide::Against), ("Sp", VoteSide::Against)]
                .into_iter()
                .chain([("H", VoteSide::For), ("FrP", VoteSide::For)])
                .map(|(g, side)| (c.parties[g].clone(), side))
                .collect(),
            ..vote(VoteMethod::Groups)
        },
    )
    .unwrap();
    let ballots = SEATS.iter().map(|(n, _)| (c.p(n), VoteSide::For)).collect();
    s.record_vote(
        &c.case(2),
        &VoteInput {
            ballots,
            ..vote(VoteMethod::Named)
        },
    )
    .unwrap();
    s.set_minutes_signers(&c.meeting.id, &[c.p("A1")]).unwrap();
    let round = s.send_for_signing(&c.meeting.id, b"%PDF").unwrap();
    s.sign_minutes(&c.meeting.id, &c.p("A1"), &round.sha256)
        .unwrap();
    let before = (
        s.attendance(&c.meeting.id).unwrap(),
        s.votes(&c.case(1)).unwrap(),
        s.votes(&c.case(2)).unwrap(),
        s.proposals(&c.case(1)).unwrap(),
        s.quorum(&c.meeting.id).unwrap(),
        s.signing(&c.meeting.id).unwrap(),
    );
    // Everything outside the meeting changes after approval.
    s.update_party(
        &c.parties["H"],
        &PartyInput {
            name: "Testvik Høyre".into(),
            short_name: "TH".into(),
        },
    )
    .unwrap();
    s.update_person(
        &c.p("H1"),
        &PersonInput {
            name: "H1 Nytt Navn".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let ms = s.memberships(&c.body, None).unwrap();
    s.set_membership_party(&ms[0].id, Some(&c.parties["H"]))
        .unwrap();
    s.remove_membership(&ms[8].id).unwrap();
    s.set_body_rules(&c.body, Some(90), true).unwrap();
    let after = (
        s.attendance(&c.meeting.id).unwrap(),
        s.votes(&c.case(1)).unwrap(),
        s.votes(&c.case(2)).unwrap(),
        s.proposals(&c.case(1)).unwrap(),
        s.quorum(&c.meeting.id).unwrap(),
        s.signing(&c.meeting.id).unwrap(),
    );
    assert_eq!(before, after);
    assert_eq!(after.0[4].party.as_ref().unwrap().short_name, "H");
}

#[test]
fn schema_v4_upgrades_with_no_rules_so_the_council_decides_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quorum.db");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/schema-v4.quorum.db"
        ),
        &path,
    )
    .unwrap();
    let s = Store::open(&path).unwrap();
    let version: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, quorum_record::store::SCHEMA_VERSION);
    let b = s.body_by_short("E-helserådet").unwrap();
    assert_eq!((b.quorum_percent, b.signed_minutes), (None, false));
    assert!(s.parties(&b.id).unwrap().is_empty());
    // Approved minutes stay approved by their case; the next meeting decides as before.
    let m3 = s.meeting_by_number("E-helserådet", "3/2025").unwrap();
    assert!(s.meeting_heading(&m3.id).unwrap().approval.is_some());
    let m4 = s.meeting_by_number("E-helserådet", "4/2025").unwrap();
    assert!(s.quorum(&m4.id).unwrap().iter().all(|q| q.quorate));
    let c = s.case_by_number("E-helserådet", "32/25").unwrap();
    s.accept_proposal(&c.id).unwrap();
    // The index was rebuilt from the record and is consistent.
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute(
        "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
}

#[test]
fn a_tie_by_groups_follows_the_chairs_group_and_other_bodies_groups_are_refused() {
    let c = council();
    let s = c.s();
    // H3 is away: Ap's four (with the chair) for, H's two, FrP and Sp against, 4 against 4.
    c.attend("H3", AttendanceStatus::Absent, None);
    let sides = |pairs: &[(&str, VoteSide)]| -> Vec<(String, VoteSide)> {
        pairs
            .iter()
            .map(|(g, side)| (c.parties[g].clone(), *side))
            .collect()
    };
    let v = s
        .record_vote(
            &c.case(0),
            &VoteInput {
                groups: sides(&[
                    ("Ap", VoteSide::For),
                    ("H", VoteSide::Against),
                    ("FrP", VoteSide::Against),
                    ("Sp", VoteSide::Against),
                ]),
                ..vote(VoteMethod::Groups)
            },
        )
        .unwrap();
    assert_eq!((v.votes_for, v.votes_against), (4, 4));
    assert_eq!(v.result, VoteResult::Adopted, "the chair (Ap) voted for");
    // A group of another body is no side in this one.
    let other = body(s, "Formannskapet", "Testvik formannskap");
    let g = s
        .add_party(
            &other.id,
            &PartyInput {
                name: "Høyre".into(),
                short_name: "H".into(),
            },
        )
        .unwrap();
    let e = s
        .record_vote(
            &c.case(1),
            &VoteInput {
                votes_for: Some(5),
                votes_against: Some(3),
                groups: vec![(g.id, VoteSide::Against)],
                ..vote(VoteMethod::Counts)
            },
        )
        .unwrap_err();
    assert_eq!(e.field(), Some("party"));
}

#[test]
fn minutes_out_for_signing_stay_the_signers_and_a_voter_is_not_disqualified_afterwards() {
    let c = council();
    let s = c.s();
    // A roll call in case 3, then A2's impartiality is raised there: deciding it now is refused.
    let ballots = SEATS.iter().map(|(n, _)| (c.p(n), VoteSide::For)).collect();
    let v = s
        .record_vote(
            &c.case(2),
            &VoteInput {
                ballots,
                ..vote(VoteMethod::Named)
            },
        )
        .unwrap();
    let d = s
        .raise_disqualification(&c.case(2), &c.p("A2"), "")
        .unwrap();
    let decide = || {
        s.decide_disqualification(
            &d.id,
            &DisqualificationDecision {
                outcome: Impartiality::Disqualified,
                basis: "fvl. § 6 annet ledd".into(),
                votes: None,
            },
        )
    };
    let e = decide().unwrap_err();
    assert!(e.message(Lang::Nb).contains("allerede stemt"), "{e}");
    s.remove_vote(&v.id).unwrap();
    decide().unwrap();
    // Out for signing: not approved by a later case, and signing not turned off, until closed.
    s.set_body_rules(&c.body, Some(50), true).unwrap();
    s.set_minutes_signers(&c.meeting.id, &[c.p("A1")]).unwrap();
    s.send_for_signing(&c.meeting.id, b"%PDF").unwrap();
    let e = s.set_body_rules(&c.body, Some(50), false).unwrap_err();
    assert!(e.message(Lang::Nb).contains("sendt til signering"), "{e}");
    let next = meeting(s, &c.body, "2/2026", "2026-02-19");
    let approving = add_case(s, &next.id, "Godkjenning av protokoll");
    let approving = approving.case_id.unwrap();
    s.decide_without_quorum(&approving, true).unwrap();
    s.accept_proposal(&approving).unwrap();
    let e = s.approve_minutes(&c.meeting.id, &approving).unwrap_err();
    assert!(
        matches!(e, Error::State(StateProblem::SigningUnderway)),
        "{e:?}"
    );
}
