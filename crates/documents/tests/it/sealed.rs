//! Sealed minutes: once 3/2025 is approved (by a later meeting) and Kommunestyret's 1/2026 (by
//! its signers), no write anywhere in the record changes the bytes of their documents (minutes,
//! agenda, memos; ordinary and public versions), except a correction, which is logged. The list of write commands is checked against the record crate's source, so
//! a new public write method cannot be added without a scenario here.

use crate::doc_support::{body_text, Db, EH};
use quorum_documents::{DocOptions, Documents};
use quorum_record::agenda::{ItemInput, ItemUpdate};
use quorum_record::bodies::BodyInput;
use quorum_record::cases::{AttachmentInput, CaseInput, ReferenceInput};
use quorum_record::consultations::{ConsultationInput, QuestionInput};
use quorum_record::corrections::CorrectionEdit;
use quorum_record::error::StateProblem;
use quorum_record::groups::{OutsidePositionInput, PartyInput};
use quorum_record::handling::{HandlingInput, HeadingInput};
use quorum_record::intake::SheetKind;
use quorum_record::meetings::MeetingInput;
use quorum_record::model::Due;
use quorum_record::people::{MembershipInput, PersonInput};
use quorum_record::presence::DisqualificationDecision;
use quorum_record::record::{ActionInput, AttendanceInput};
use quorum_record::responses::ResponseInput;
use quorum_record::vocab::ResponseSource;
use quorum_record::vocab::{
    ActionStatus, AttendanceStatus, Impartiality, ItemKind, PresenceKind, Role, VoteMethod,
    VoteSide,
};
use quorum_record::votes::{ProposalInput, VoteInput};
use quorum_record::{Error, Lang, Store};
use std::collections::BTreeSet;
use std::path::Path;

/// The body whose minutes are made final by signatures.
const KS: &str = "Kommunestyret";

/// The demo with 3/2025 approved by 31/25 of 4/2025, and Kommunestyret's 1/2026 signed by its
/// signers (as `quorum demo` loads it).
fn approved() -> Db {
    let d = Db::empty();
    quorum_documents::load_demo(&d.store).unwrap();
    let m3 = d.meeting("3/2025");
    let c31 = d.case("31/25");
    d.store.accept_proposal(&c31.id).unwrap();
    d.store.approve_minutes(&m3.id, &c31.id).unwrap();
    d
}

/// Every document of 3/2025, ordinary and public.
fn documents(s: &Store) -> Vec<(String, Vec<u8>)> {
    let m3 = s.meeting_by_number(EH, "3/2025").unwrap();
    let mut out = Vec::new();
    for public in [false, true] {
        let o = DocOptions { public, lang: None };
        out.push((
            format!("minutes public={public}"),
            s.minutes_pdf(&m3.id, o).unwrap(),
        ));
        out.push((
            format!("agenda public={public}"),
            s.agenda_pdf(&m3.id, o).unwrap(),
        ));
    }
    // Two memos are enough: they share the heading code; each costs a render per scenario.
    for item in s
        .agenda(&m3.id)
        .unwrap()
        .into_iter()
        .filter(|i| i.case_id.is_some())
        .take(2)
    {
        if let Some(case_id) = &item.case_id {
            let memo = s.memo_pdf(case_id, DocOptions::default()).unwrap();
            out.push((
                format!("memo {}", item.case_number.unwrap_or_default()),
                memo,
            ));
        }
    }
    // The signed minutes of Kommunestyret's 1/2026: groups, votes, impartiality, substitutes,
    // attendance changes, the quorum statement and the signature block.
    let ks = s.meeting_by_number(KS, "1/2026").unwrap();
    for public in [false, true] {
        let o = DocOptions { public, lang: None };
        out.push((
            format!("{KS} 1/2026 minutes public={public}"),
            s.minutes_pdf(&ks.id, o).unwrap(),
        ));
    }
    out.push((
        format!("{KS} 1/2026 agenda"),
        s.agenda_pdf(&ks.id, DocOptions::default()).unwrap(),
    ));
    out
}

fn assert_unchanged(what: &str, before: &[(String, Vec<u8>)], s: &Store) {
    let now = documents(s);
    assert_eq!(
        now.len(),
        before.len(),
        "{what}: documents of 3/2025 differ in number"
    );
    for ((name, a), (_, b)) in before.iter().zip(&now) {
        assert!(a == b, "{what} changed the approved {name}");
    }
}

/// The demo's consultation (the e-health strategy's, 2022).
fn consultation(s: &Store) -> quorum_record::consultations::Consultation {
    let b = s.body_by_short(EH).unwrap();
    s.consultations(&b.id).unwrap().pop().unwrap()
}

/// Public methods of `Store` in the record crate that only read, or that write only outside the
/// record (backups, snapshots).
const READS: &[&str] = &[
    "agenda",
    "idle_for",
    "item",
    "backups",
    "bodies",
    "body",
    "body_by_short",
    "body_name_on",
    "case_types",
    "case",
    "case_by_number",
    "unplaced_cases",
    "attachment_content",
    "case_history",
    "corrections",
    "meeting",
    "meeting_by_number",
    "meetings",
    "people",
    "person",
    "person_by_name",
    "memberships",
    "attendance",
    "innspill",
    "actions",
    "actions_as_approved",
    "open_actions",
    "body_actions",
    "action_page",
    "meeting_years",
    "meeting_heading",
    "invitees",
    "search",
    "synchronous",
    "backup_problem",
    "is_read_only",
    "path",
    "timetable",
    "export_json",
    "is_empty",
    "parties",
    "party_by_name",
    "outside_positions",
    "presence_changes",
    "case_substitutes",
    "disqualifications",
    "possible_conflicts",
    "quorum",
    "proposals",
    "votes",
    "signing",
    "signing_pdf",
    "consultation",
    "consultations",
    "consultations_of_case",
    "categories",
    "response",
    "responses",
    "headings",
    "marks",
    "tally",
    "search_responses",
    "propose_mapping",
    "read_response_form",
];

/// The correction path: the one way approved minutes change (tested below: it changes them,
/// and logs it).
const CORRECTIONS: &[&str] = &["correct", "apply_correction"];

/// `pub fn name(&self …` in `impl Store` blocks of the record crate's source (constructors and
/// associated functions take no `&self` and cannot touch an open record).
fn store_methods() -> BTreeSet<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../record/src");
    let mut files = vec![src];
    let mut names = BTreeSet::new();
    while let Some(p) = files.pop() {
        if p.is_dir() {
            files.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        if p.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        let mut in_store = false;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            if line.starts_with("impl ") {
                in_store = line.starts_with("impl Store ");
            }
            let at = offset;
            offset += line.len();
            let Some(rest) = line.trim_start().strip_prefix("pub fn ") else {
                continue;
            };
            if !in_store {
                continue;
            }
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            // The parameter list, which may span lines.
            let after = &text[at..];
            let params = &after[after.find('(').unwrap()..];
            let params = &params[..params.find(')').unwrap_or(params.len())];
            if params.contains("&self") {
                names.insert(name);
            }
        }
    }
    names
}

/// What the scenarios aim at: 3/2025's body, people, items, cases and action points, and the
/// case of 4/2025 that approved it.
struct Targets {
    body: String,
    m3: String,
    m4: String,
    c24: String,
    c26: String,
    c31: String,
    item24: String,
    open_item: String,
    innspill: String,
    action: String,
    present: quorum_record::model::Person,
    first_member: quorum_record::model::Membership,
    link: Option<String>,
    attachment: Option<String>,
    case_type: quorum_record::model::CaseType,
    dir: std::path::PathBuf,
    body_input: BodyInput,
    action_input: ActionInput,
    ks: Council,
}

/// What the scenarios aim at in Kommunestyret's signed 1/2026.
struct Council {
    body: String,
    meeting: String,
    /// 3/26: H's alternative proposal, two votes by group.
    c3: String,
    /// 4/26: the named vote.
    c4: String,
    item3: String,
    h: quorum_record::groups::Party,
    /// Kristin Berge: H's member, who put H's proposal and signed.
    berge: quorum_record::model::Person,
    berge_membership: quorum_record::model::Membership,
    marit: quorum_record::model::Person,
    nils: quorum_record::model::Person,
    siri: quorum_record::model::Person,
    proposal: String,
    vote: String,
    disqualification: String,
    substitute: String,
    outside_position: String,
}

fn council(s: &Store) -> Council {
    let body = s.body_by_short(KS).unwrap();
    let m = s.meeting_by_number(KS, "1/2026").unwrap();
    let case = |n: &str| s.case_by_number(KS, n).unwrap();
    // 2/26: Marit Løvland disqualified, Nils Kleven her substitute.
    let (c2, c3, c4) = (case("2/26"), case("3/26"), case("4/26"));
    let person = |n: &str| s.person_by_name(n).unwrap();
    let berge = person("Kristin Berge");
    let marit = person("Marit Løvland");
    Council {
        h: s.party_by_name(&body.id, "H").unwrap(),
        berge_membership: s
            .memberships(&body.id, Some(&m.date))
            .unwrap()
            .into_iter()
            .find(|x| x.person.id == berge.id)
            .unwrap(),
        proposal: s.proposals(&c3.id).unwrap()[0].id.clone(),
        vote: s.votes(&c4.id).unwrap()[0].id.clone(),
        disqualification: s.disqualifications(&c2.id).unwrap()[0].id.clone(),
        substitute: s.case_substitutes(&c2.id).unwrap()[0].id.clone(),
        outside_position: s.outside_positions(&marit.id).unwrap()[0].id.clone(),
        nils: person("Nils Kleven"),
        siri: person("Siri Vangen"),
        item3: c3.item_id.clone().unwrap(),
        berge,
        marit,
        body: body.id,
        meeting: m.id,
        c3: c3.id,
        c4: c4.id,
    }
}

fn targets(d: &Db) -> Targets {
    let s = &d.store;
    let body = s.body_by_short(EH).unwrap();
    let m3 = d.meeting("3/2025");
    let c24 = d.case("24/25");
    let item24 = c24.item_id.clone().unwrap();
    let agenda = s.agenda(&m3.id).unwrap();
    let present = s
        .attendance(&m3.id)
        .unwrap()
        .into_iter()
        .find(|a| a.status == AttendanceStatus::Present)
        .unwrap()
        .person;
    Targets {
        open_item: agenda
            .iter()
            .find(|i| i.kind == ItemKind::Open)
            .unwrap()
            .id
            .clone(),
        innspill: s.innspill(&item24).unwrap()[0].id.clone(),
        action: s.actions(&item24).unwrap()[0].id.clone(),
        first_member: s.memberships(&body.id, Some(&m3.date)).unwrap()[0].clone(),
        link: s
            .case_history(&c24.id)
            .unwrap()
            .first()
            .map(|l| l.id.clone()),
        attachment: c24.attachments.first().map(|a| a.id.clone()),
        case_type: s.case_types(&body.id).unwrap()[0].clone(),
        dir: d.dir.path().to_path_buf(),
        body_input: BodyInput {
            short_name: body.short_name.clone(),
            name: body.name.clone(),
            secretariat: "Et annet sekretariat".into(),
            default_place: "Bergen".into(),
            language: Lang::En,
        },
        action_input: ActionInput {
            text: "Endret oppfølging".into(),
            responsible: "NHN".into(),
            due: Due::None,
        },
        present,
        ks: council(s),
        body: body.id,
        m3: m3.id,
        m4: d.meeting("4/2025").id,
        c24: c24.id,
        c26: d.case("26/25").id,
        c31: d.case("31/25").id,
        item24,
    }
}

fn header(number: &str, date: &str, place: &str) -> MeetingInput {
    MeetingInput {
        number: number.into(),
        date: date.into(),
        start: "09:00".into(),
        end: "15:00".into(),
        place: place.into(),
        ..Default::default()
    }
}

fn at(y: i32, m: u32, d: u32) -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap()
}

type Scenario = (&'static str, fn(&Store, &Targets));

/// Each public write command, aimed at what the approved documents of 3/2025 show. Whether it
/// is refused or succeeds does not matter here; that the documents stay the same does.
const WRITES: &[Scenario] = &[
    ("add_item", |s, c| {
        let _ = s.add_item(
            &c.m3,
            &ItemInput {
                kind: ItemKind::Break,
                title: "Pause".into(),
                duration_min: 10,
                ..Default::default()
            },
            Some(0),
        );
    }),
    ("update_item", |s, c| {
        let _ = s.update_item(
            &c.open_item,
            &ItemUpdate {
                title: "Endret".into(),
                duration_min: 5,
                ..Default::default()
            },
        );
    }),
    ("move_item", |s, c| {
        let _ = s.move_item(&c.open_item, 0);
    }),
    ("remove_item", |s, c| {
        let _ = s
            .remove_item(s.case(&c.c31).unwrap().item_id.as_deref().unwrap())
            .and(s.remove_item(&c.open_item));
    }),
    ("set_first_case_number", |s, c| {
        let _ = s.set_first_case_number(&c.body, 2025, 50);
    }),
    ("backup_to", |s, c| {
        let _ = s.backup_to(&c.dir.join("kopi.quorum"));
    }),
    ("backup", |s, _c| {
        let _ = s.backup(at(2030, 1, 1));
    }),
    ("scheduled_backups", |s, _c| {
        let _ = s.scheduled_backups(at(2030, 2, 1));
    }),
    ("tidy", |s, _c| {
        let _ = s.tidy(u32::MAX);
    }),
    ("snapshot_to", |s, c| {
        let _ = s.snapshot_to(&c.dir.join("arkiv.quorum"));
    }),
    ("create_body", |s, _c| {
        let _ = s.create_body(&BodyInput {
            short_name: "NYTT".into(),
            name: "Nasjonalt e-helseråd".into(),
            language: Lang::En,
            ..Default::default()
        });
    }),
    ("update_body", |s, c| {
        let _ = s.update_body(&c.body, &c.body_input);
    }),
    ("rename_body", |s, c| {
        let _ = s
            .rename_body(&c.body, "Omdøpt råd", "2025-01-01")
            .and(s.rename_body(&c.body, "Helt nytt navn", "1900-01-01"));
    }),
    ("save_case_type", |s, c| {
        let _ = s.save_case_type(&c.body, &c.case_type.name, "Ny mal for {organ}.");
    }),
    ("remove_case_type", |s, c| {
        let _ = s.remove_case_type(&c.case_type.id);
    }),
    ("create_case", |s, c| {
        let _ = s.create_case(
            &c.body,
            2025,
            &CaseInput {
                title: "Ny sak".into(),
                case_type: "Drøfting".into(),
                ..Default::default()
            },
        );
    }),
    ("update_case", |s, c| {
        let _ = s.update_case(
            &c.c24,
            &CaseInput {
                title: "Ny tittel".into(),
                case_type: "Drøfting".into(),
                ..Default::default()
            },
        );
    }),
    ("set_exempt", |s, c| {
        let _ = s.set_exempt(&c.c26, true, "offl. § 14");
    }),
    ("add_attachment", |s, c| {
        let _ = s.add_attachment(
            &c.c24,
            &AttachmentInput {
                label: "9".into(),
                title: "Nytt vedlegg".into(),
                ..Default::default()
            },
            Some(b"%PDF-1.4"),
        );
    }),
    ("remove_attachment", |s, c| {
        let _ = c.attachment.as_ref().map(|a| s.remove_attachment(a));
    }),
    ("link_case", |s, c| {
        let _ = s.link_case(&c.c24, &c.c31);
    }),
    ("add_reference", |s, c| {
        let _ = s.add_reference(
            &c.c24,
            &ReferenceInput {
                number: "1/24".into(),
                body: "NUIT".into(),
                date: "2024-01-10".into(),
                title: "Tidligere".into(),
                decision: "Vedtatt".into(),
            },
        );
    }),
    ("remove_link", |s, c| {
        let _ = c.link.as_ref().map(|l| s.remove_link(l));
    }),
    ("load_demo", |s, _c| {
        let _ = s.load_demo();
    }),
    ("create_meeting", |s, c| {
        let _ = s.create_meeting(&c.body, &header("", "2025-10-16", "Samme dag"));
    }),
    ("update_meeting", |s, c| {
        let _ = s
            .update_meeting(&c.m3, &header("3/2025", "2025-10-17", "Et annet sted"))
            .and(s.update_meeting(&c.m4, &header("9/2025", "2025-12-01", "Flyttet")));
    }),
    ("send_agenda", |s, c| {
        let _ = s.send_agenda(&c.m4);
    }),
    ("mark_held", |s, c| {
        let _ = s.mark_held(&c.m4).and(s.mark_held(&c.m3));
    }),
    ("approve_minutes", |s, c| {
        let _ = s.approve_minutes(&c.m3, &c.c31);
    }),
    ("set_current_item", |s, c| {
        let _ = s.set_current_item(&c.m3, Some(&c.item24));
    }),
    ("create_person", |s, _c| {
        let _ = s.create_person(&PersonInput {
            name: "Ny Person".into(),
            ..Default::default()
        });
    }),
    ("update_person", |s, c| {
        let _ = s.update_person(
            &c.present.id,
            &PersonInput {
                name: "Nytt Navn".into(),
                organisation: "Ny org".into(),
                email: String::new(),
            },
        );
        // The proposer, signer and voter of the signed minutes, and the disqualified member.
        for p in [&c.ks.berge, &c.ks.marit, &c.ks.nils] {
            let _ = s.update_person(
                &p.id,
                &PersonInput {
                    name: format!("{} Omdøpt", p.name),
                    organisation: "Nytt parti".into(),
                    email: String::new(),
                },
            );
        }
    }),
    ("add_membership", |s, c| {
        let _ = s.add_membership(
            &c.body,
            &MembershipInput {
                person_id: c.present.id.clone(),
                role: Role::Chair,
                ..Default::default()
            },
        );
    }),
    ("update_membership", |s, c| {
        let _ = s.update_membership(
            &c.first_member.id,
            &MembershipInput {
                person_id: c.first_member.person.id.clone(),
                role: Role::Observer,
                term_from: Some("2026-01-01".into()),
                ..Default::default()
            },
        );
    }),
    ("remove_membership", |s, c| {
        let _ = s.remove_membership(&c.first_member.id);
        let _ = s.remove_membership(&c.ks.berge_membership.id);
    }),
    ("set_attendance", |s, c| {
        let _ = s.set_attendance(
            &c.m3,
            &AttendanceInput {
                person_id: c.present.id.clone(),
                status: AttendanceStatus::Absent,
                substitute_for: None,
                remote: true,
            },
        );
    }),
    ("remove_attendance", |s, c| {
        let _ = s.remove_attendance(&c.m3, &c.present.id);
    }),
    ("set_narrative", |s, c| {
        let _ = s.set_narrative(&c.item24, "Ny tekst");
    }),
    ("add_innspill", |s, c| {
        let _ = s.add_innspill(&c.item24, "Nytt innspill", Some(0));
    }),
    ("update_innspill", |s, c| {
        let _ = s.update_innspill(&c.innspill, "Endret");
    }),
    ("remove_innspill", |s, c| {
        let _ = s.remove_innspill(&c.innspill);
    }),
    ("record_decision", |s, c| {
        let _ = s
            .record_decision(&c.c26, "Nytt vedtak")
            .and(s.record_decision(&c.c31, "Referatet godkjennes med en merknad."));
    }),
    ("accept_proposal", |s, c| {
        let _ = s.accept_proposal(&c.c24);
    }),
    ("clear_decision", |s, c| {
        let _ = s.clear_decision(&c.c26).and(s.clear_decision(&c.c31));
    }),
    ("add_action", |s, c| {
        let _ = s.add_action(&c.item24, &c.action_input);
    }),
    ("update_action", |s, c| {
        let _ = s.update_action(&c.action, &c.action_input);
    }),
    ("remove_action", |s, c| {
        let _ = s.remove_action(&c.action);
    }),
    ("set_action_status", |s, c| {
        let _ = s
            .set_action_status(&c.action, ActionStatus::Done, "Fulgt opp i 34/25")
            .and(s.set_action_status(&c.action, ActionStatus::Cancelled, "Utgår"));
    }),
    ("mark_item_started", |s, c| {
        let _ = s.mark_item_started(&c.item24, "11:11");
    }),
    ("add_party", |s, c| {
        let party = PartyInput {
            name: "Rødt".into(),
            short_name: "R".into(),
        };
        let _ = s.add_party(&c.ks.body, &party);
    }),
    ("update_party", |s, c| {
        let renamed = PartyInput {
            name: "Høyre Testvik".into(),
            short_name: "HT".into(),
        };
        let _ = s.update_party(&c.ks.h.id, &renamed);
    }),
    ("remove_party", |s, c| {
        let _ = s.remove_party(&c.ks.h.id);
    }),
    ("set_membership_party", |s, c| {
        let ap = s.party_by_name(&c.ks.body, "Ap").unwrap();
        let _ = s.set_membership_party(&c.ks.berge_membership.id, Some(&ap.id));
    }),
    ("add_outside_position", |s, c| {
        let _ = s.add_outside_position(
            &c.ks.berge.id,
            &OutsidePositionInput {
                organisation: "Nordvik barnehage SA".into(),
                role: "styreleder".into(),
                ..Default::default()
            },
        );
    }),
    ("update_outside_position", |s, c| {
        let _ = s.update_outside_position(
            &c.ks.outside_position,
            &OutsidePositionInput {
                organisation: "Et annet selskap AS".into(),
                role: "varamedlem".into(),
                since: Some("2020-01-01".into()),
                until: Some("2021-01-01".into()),
            },
        );
    }),
    ("remove_outside_position", |s, c| {
        let _ = s.remove_outside_position(&c.ks.outside_position);
    }),
    ("set_body_rules", |s, c| {
        let _ = s.set_body_rules(&c.ks.body, Some(100), false);
        let _ = s.set_body_rules(&c.body, Some(90), true);
    }),
    ("set_presence_change", |s, c| {
        let _ = s.set_presence_change(&c.ks.meeting, &c.ks.siri.id, PresenceKind::Arrived, None);
        let _ = s.set_presence_change(
            &c.ks.meeting,
            &c.ks.berge.id,
            PresenceKind::Left,
            Some(&c.ks.item3),
        );
        let _ = s.set_presence_change(&c.m3, &c.present.id, PresenceKind::Left, Some(&c.item24));
    }),
    ("add_case_substitute", |s, c| {
        let _ = s.add_case_substitute(&c.ks.c3, &c.ks.nils.id, &c.ks.berge.id);
        let _ = s.add_case_substitute(&c.c24, &c.ks.nils.id, &c.present.id);
    }),
    ("remove_case_substitute", |s, c| {
        let _ = s.remove_case_substitute(&c.ks.substitute);
    }),
    ("raise_disqualification", |s, c| {
        let _ = s.raise_disqualification(&c.ks.c3, &c.ks.berge.id, "Eier tomta på Solbakken");
        let _ = s.raise_disqualification(&c.c24, &c.present.id, "Styremedlem");
    }),
    ("decide_disqualification", |s, c| {
        let _ = s.decide_disqualification(
            &c.ks.disqualification,
            &DisqualificationDecision {
                outcome: Impartiality::Qualified,
                basis: String::new(),
                votes: Some((5, 4)),
            },
        );
    }),
    ("remove_disqualification", |s, c| {
        let _ = s.remove_disqualification(&c.ks.disqualification);
    }),
    ("decide_without_quorum", |s, c| {
        let _ = s.decide_without_quorum(&c.ks.c4, true);
        let _ = s.decide_without_quorum(&c.c26, true);
    }),
    ("add_proposal", |s, c| {
        let _ = s.add_proposal(
            &c.ks.c4,
            &ProposalInput {
                text: "Eiendomsskatten settes til 1 promille.".into(),
                party_id: Some(c.ks.h.id.clone()),
                person_id: Some(c.ks.berge.id.clone()),
            },
        );
    }),
    ("update_proposal", |s, c| {
        let _ = s.update_proposal(
            &c.ks.proposal,
            &ProposalInput {
                text: "Et annet forslag.".into(),
                party_id: None,
                person_id: Some(c.ks.marit.id.clone()),
            },
        );
    }),
    ("remove_proposal", |s, c| {
        let _ = s.remove_proposal(&c.ks.proposal);
    }),
    ("record_vote", |s, c| {
        let _ = s.record_vote(
            &c.ks.c3,
            &VoteInput {
                method: VoteMethod::Groups,
                groups: vec![(c.ks.h.id.clone(), VoteSide::For)],
                votes_for: Some(1),
                votes_against: Some(0),
                ..Default::default()
            },
        );
        let _ = s.record_vote(&c.c26, &VoteInput::default());
    }),
    ("remove_vote", |s, c| {
        let _ = s.remove_vote(&c.ks.vote);
    }),
    ("set_minutes_signers", |s, c| {
        let _ = s.set_minutes_signers(&c.ks.meeting, std::slice::from_ref(&c.ks.marit.id));
    }),
    ("send_for_signing", |s, c| {
        let _ = s.send_for_signing(&c.ks.meeting, b"%PDF-1.7 another copy");
        let _ = s.send_for_signing(&c.m3, b"%PDF-1.7 another copy");
    }),
    ("sign_minutes", |s, c| {
        let sha = s.signing(&c.ks.meeting).unwrap().rounds[0].sha256.clone();
        let _ = s.sign_minutes(&c.ks.meeting, &c.ks.berge.id, &sha);
    }),
    ("refuse_minutes", |s, c| {
        let _ = s.refuse_minutes(&c.ks.meeting, &c.ks.berge.id, "Feil i sak 3/26");
    }),
    // Consultations are not part of any meeting's record: their writes must leave every
    // approved document as it was (the memo of a case they inform included).
    ("create_consultation", |s, _c| {
        let b = s.body_by_short(EH).unwrap();
        let _ = s.create_consultation(
            &b.id,
            &ConsultationInput {
                title: "Ny høring".into(),
                sent_date: "2026-01-05".into(),
                deadline: "2026-03-01".into(),
                ..Default::default()
            },
        );
    }),
    ("update_consultation", |s, _c| {
        let k = consultation(s);
        let _ = s.update_consultation(
            &k.id,
            &ConsultationInput {
                title: "Omdøpt høring".into(),
                sent_date: k.sent_date.clone(),
                deadline: k.deadline.clone(),
                ..Default::default()
            },
        );
    }),
    ("link_consultation_case", |s, c| {
        let _ = s.link_consultation_case(&consultation(s).id, &c.c26);
    }),
    ("unlink_consultation_case", |s, c| {
        let k = consultation(s);
        let _ = s.unlink_consultation_case(&k.id, &k.case_ids[0]);
        let _ = s.unlink_consultation_case(&k.id, &c.c26);
    }),
    ("set_consultation_document", |s, _c| {
        let _ = s.set_consultation_document(&consultation(s).id, None);
    }),
    ("add_question", |s, _c| {
        let _ = s.add_question(
            &consultation(s).id,
            &QuestionInput {
                text: "Et nytt spørsmål?".into(),
                ..Default::default()
            },
        );
    }),
    ("update_question", |s, _c| {
        let q = consultation(s).questions[3].clone();
        let _ = s.update_question(
            &q.id,
            &QuestionInput {
                text: "Andre innspill?".into(),
                ..Default::default()
            },
        );
    }),
    ("remove_question", |s, _c| {
        let q = consultation(s).questions[3].clone();
        let _ = s.remove_question(&q.id);
    }),
    ("add_category", |s, _c| {
        let _ = s.add_category(&consultation(s).body_id, "Tannhelse");
    }),
    ("rename_category", |s, _c| {
        let k = s.categories(&consultation(s).body_id).unwrap()[0].clone();
        let _ = s.rename_category(&k.id, "Kommuner");
    }),
    ("remove_category", |s, _c| {
        let k = s
            .categories(&consultation(s).body_id)
            .unwrap()
            .pop()
            .unwrap();
        let _ = s.remove_category(&k.id);
    }),
    ("add_response", |s, _c| {
        let _ = s.add_response(
            &consultation(s).id,
            &ResponseInput {
                respondent: "Ny instans".into(),
                received: "2022-09-30".into(),
                ..Default::default()
            },
        );
    }),
    ("add_response_from", |s, _c| {
        let _ = s.add_response_from(
            &consultation(s).id,
            &ResponseInput {
                respondent: "Skjema".into(),
                received: "2022-09-30".into(),
                ..Default::default()
            },
            ResponseSource::Docx,
        );
    }),
    ("update_response", |s, _c| {
        let r = s.responses(&consultation(s).id).unwrap()[1].clone();
        let _ = s.update_response(
            &r.id,
            &ResponseInput {
                respondent: "Omdøpt".into(),
                received: r.received.clone(),
                ..Default::default()
            },
        );
    }),
    ("set_response_publishable", |s, _c| {
        let r = s.responses(&consultation(s).id).unwrap()[0].clone();
        let _ = s.set_response_publishable(&r.id, false);
    }),
    ("remove_response", |s, _c| {
        let r = s.responses(&consultation(s).id).unwrap()[2].clone();
        let _ = s.remove_response(&r.id);
    }),
    ("import_sheet", |s, _c| {
        let k = consultation(s);
        let csv = "Høringsinstans;Tidspunkt\nNy;2022-09-01\n";
        let sheet = quorum_record::intake::read_sheet(csv.as_bytes(), SheetKind::Csv).unwrap();
        let m = s.propose_mapping(&k.id, &sheet).unwrap();
        let _ = s.import_sheet(&k.id, &sheet, &m);
    }),
    ("import_response_form", |s, _c| {
        let _ = s.import_response_form(
            &consultation(s).id,
            b"not a form",
            &ResponseInput::default(),
        );
    }),
    ("add_heading", |s, _c| {
        let _ = s.add_heading(
            &consultation(s).id,
            &HeadingInput {
                title: "Ny overskrift".into(),
                ..Default::default()
            },
        );
    }),
    ("update_heading", |s, _c| {
        let h = s.headings(&consultation(s).id).unwrap()[0].clone();
        let _ = s.update_heading(&h.id, "Visjon", "");
    }),
    ("remove_heading", |s, _c| {
        let h = s.headings(&consultation(s).id).unwrap()[1].clone();
        let _ = s.remove_heading(&h.id);
    }),
    ("mark_answer", |s, _c| {
        let r = s.responses(&consultation(s).id).unwrap()[0].clone();
        let _ = s.mark_answer(
            &r.answers[0].id,
            &HandlingInput {
                heading_id: None,
                passage: String::new(),
                outcome: quorum_record::vocab::Handling::Taken,
                comment: "Tatt inn.".into(),
            },
        );
    }),
    ("update_mark", |s, _c| {
        let m = s.marks(&consultation(s).id).unwrap()[0].clone();
        let _ = s.update_mark(
            &m.id,
            &HandlingInput {
                heading_id: None,
                passage: String::new(),
                outcome: quorum_record::vocab::Handling::NotTaken,
                comment: String::new(),
            },
        );
    }),
    ("remove_mark", |s, _c| {
        let m = s.marks(&consultation(s).id).unwrap()[0].clone();
        let _ = s.remove_mark(&m.id);
    }),
    ("remove_consultation", |s, _c| {
        let _ = s.remove_consultation(&consultation(s).id);
    }),
    ("import_json", |s, _c| {
        let _ = s.import_json(&s.export_json().unwrap());
    }),
    ("import_bytes", |s, _c| {
        let _ = s.import_bytes(s.export_json().unwrap().as_bytes());
    }),
];

#[test]
fn every_write_command_is_listed_here_as_a_read_a_write_or_the_correction_path() {
    let writes: BTreeSet<String> = WRITES.iter().map(|(n, _)| n.to_string()).collect();
    let known: BTreeSet<String> = READS
        .iter()
        .chain(CORRECTIONS)
        .map(|n| n.to_string())
        .chain(writes.iter().cloned())
        .collect();
    let found = store_methods();
    let unlisted: Vec<_> = found.difference(&known).collect();
    assert!(
        unlisted.is_empty(),
        "public Store methods with no scenario in sealed.rs (a write needs one, a read goes in READS): {unlisted:?}"
    );
    let gone: Vec<_> = known.difference(&found).collect();
    assert!(
        gone.is_empty(),
        "listed in sealed.rs but not in the record crate: {gone:?}"
    );
}

#[test]
fn no_write_command_changes_an_approved_document() {
    let d = approved();
    let before = documents(&d.store);
    let audit = d.store.corrections(&d.meeting("3/2025").id).unwrap();
    let t = targets(&d);
    for (name, write) in WRITES {
        write(&d.store, &t);
        assert_unchanged(name, &before, &d.store);
    }
    assert_eq!(d.store.corrections(&d.meeting("3/2025").id).unwrap(), audit);
    // Some of those writes did change the record: the documents held because they are sealed.
    let body = d.store.body_by_short(EH).unwrap();
    assert_eq!(body.language, Lang::En);
    assert_eq!(body.name, "Omdøpt råd");
    // And in Kommunestyret: its group renamed, its rules changed, its proposer, signer and
    // disqualified member renamed, H's member in another group and then no member at all.
    let s = &d.store;
    let ks = s.body_by_short(KS).unwrap();
    assert_eq!((ks.quorum_percent, ks.signed_minutes), (Some(100), false));
    assert_eq!(s.party_by_name(&ks.id, "HT").unwrap().name, "Høyre Testvik");
    assert!(s.person_by_name("Kristin Berge Omdøpt").is_ok());
    assert!(s.person_by_name("Marit Løvland Omdøpt").is_ok());
    assert!(s.party_by_name(&ks.id, "R").is_ok());
    let berge = s.person_by_name("Kristin Berge Omdøpt").unwrap();
    assert!(s
        .memberships(&ks.id, None)
        .unwrap()
        .iter()
        .all(|m| m.person.id != berge.id));
    assert!(s.outside_positions(&berge.id).unwrap().len() == 1);
}

#[test]
fn a_correction_changes_the_approved_minutes_and_is_logged() {
    let d = approved();
    let s = &d.store;
    let m3 = d.meeting("3/2025");
    let before = documents(s);
    let c26 = d.case("26/25");
    let newcomer = s
        .create_person(&PersonInput {
            name: "Glemt Deltaker".into(),
            organisation: "KS".into(),
            email: String::new(),
        })
        .unwrap();
    s.apply_correction(
        "Deltaker manglet i referatet",
        &CorrectionEdit::Attendance {
            meeting_id: m3.id.clone(),
            input: AttendanceInput {
                person_id: newcomer.id.clone(),
                status: AttendanceStatus::Guest,
                substitute_for: None,
                remote: false,
            },
        },
    )
    .unwrap();
    s.apply_correction(
        "Skrivefeil",
        &CorrectionEdit::Decision {
            case_id: c26.id.clone(),
            text: "Rettet vedtak.".into(),
        },
    )
    .unwrap();
    let minutes = s.minutes_pdf(&m3.id, DocOptions::default()).unwrap();
    assert!(
        minutes != before[0].1,
        "a correction must change the minutes"
    );
    let text = body_text(&d.file("rettet.pdf", &minutes));
    assert!(text.contains("Glemt Deltaker (KS)"), "{text}");
    assert!(text.contains("Rettet vedtak."), "{text}");
    assert_eq!(s.corrections(&m3.id).unwrap().len(), 2);
    // The newcomer was sealed as the correction found them: a later rename does not show.
    s.update_person(
        &newcomer.id,
        &PersonInput {
            name: "Omdøpt Deltaker".into(),
            organisation: "KS".into(),
            email: String::new(),
        },
    )
    .unwrap();
    assert_eq!(
        s.minutes_pdf(&m3.id, DocOptions::default()).unwrap(),
        minutes
    );
}

#[test]
fn each_finding_of_the_issue_is_held_by_the_seal() {
    // Renaming the body from an earlier date, switching its language, renaming an attendee and
    // removing a membership each used to change the approved minutes.
    let d = approved();
    let s = &d.store;
    let m3 = d.meeting("3/2025");
    let minutes = || s.minutes_pdf(&m3.id, DocOptions::default()).unwrap();
    let agenda = || s.agenda_pdf(&m3.id, DocOptions::default()).unwrap();
    let (m0, a0) = (minutes(), agenda());
    let body = s.body_by_short(EH).unwrap();
    s.rename_body(&body.id, "Nasjonalt helseråd", "2025-01-01")
        .unwrap();
    assert_eq!(minutes(), m0, "rename from an earlier date");
    let mut input = BodyInput {
        short_name: body.short_name.clone(),
        name: body.name.clone(),
        secretariat: body.secretariat.clone(),
        default_place: body.default_place.clone(),
        language: Lang::En,
    };
    s.update_body(&body.id, &input).unwrap();
    assert_eq!(minutes(), m0, "language switch");
    let a = s.attendance(&m3.id).unwrap()[0].person.clone();
    s.update_person(
        &a.id,
        &PersonInput {
            name: "Et Nytt Navn".into(),
            organisation: a.organisation.clone(),
            email: a.email.clone(),
        },
    )
    .unwrap();
    assert_eq!(minutes(), m0, "an attendee's new name");
    for m in s.memberships(&body.id, None).unwrap() {
        s.remove_membership(&m.id).unwrap();
    }
    assert_eq!(minutes(), m0, "memberships removed");
    assert_eq!(agenda(), a0, "memberships removed (agenda's member list)");
    // The new name and language do apply to a meeting that is not approved.
    let m4 = d.meeting("4/2025");
    let text = body_text(&d.file(
        "4.pdf",
        &s.agenda_pdf(&m4.id, DocOptions::default()).unwrap(),
    ));
    assert!(text.contains("Nasjonalt helseråd"), "{text}");
    assert!(
        text.contains("Meeting 4/2025") || text.contains("Agenda"),
        "{text}"
    );
    input.language = Lang::Nb;
    s.update_body(&body.id, &input).unwrap();

    // The chair's position in live mode is not written to approved minutes' meeting row.
    let item = s.agenda(&m3.id).unwrap()[0].id.clone();
    let err = s.set_current_item(&m3.id, Some(&item)).unwrap_err();
    assert!(
        matches!(err, Error::Locked { ref meeting } if meeting == "3/2025"),
        "{err:?}"
    );

    // The approving case's decision cannot be removed, nor the case taken off its agenda.
    let c31 = d.case("31/25");
    let err = s.clear_decision(&c31.id).unwrap_err();
    assert!(
        matches!(err, Error::State(StateProblem::ApprovesMinutes { ref meeting }) if meeting == "3/2025"),
        "{err:?}"
    );
    assert!(err
        .message(Lang::Nb)
        .starts_with("Referatet fra møte 3/2025 er godkjent i denne saken."));
    assert!(err
        .message(Lang::En)
        .starts_with("The minutes of meeting 3/2025 were approved by this case."));
    assert!(d.case("31/25").decision.is_some());
    let err = s.remove_item(c31.item_id.as_deref().unwrap()).unwrap_err();
    assert!(
        matches!(
            err,
            Error::State(StateProblem::ApprovesMinutes { .. }) | Error::AgendaSent { .. }
        ),
        "{err:?}"
    );
}

#[test]
fn minutes_approved_under_schema_v1_are_sealed_by_the_upgrade_and_print_the_same_bytes() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../record/tests/fixtures");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quorum.db");
    std::fs::copy(fixtures.join("schema-v1.quorum.db"), &path).unwrap();
    let printed_by_v1 = std::fs::read(fixtures.join("schema-v1.minutes-3-2025.pdf")).unwrap();
    let s = Store::open(&path).unwrap();
    let m3 = s.meeting_by_number(EH, "3/2025").unwrap();
    let heading = s.meeting_heading(&m3.id).unwrap();
    assert_eq!(heading.body_name, "Nasjonalt e-helseråd");
    let approval = heading.approval.expect("3/2025 sealed by the upgrade");
    assert_eq!(
        (
            approval.case_number.as_str(),
            approval.meeting_number.as_str()
        ),
        ("31/25", "4/2025")
    );
    let minutes = s.minutes_pdf(&m3.id, DocOptions::default()).unwrap();
    assert!(
        minutes == printed_by_v1,
        "the upgrade changed the approved minutes"
    );
    // And from now on they hold: a new name for everyone in them changes nothing.
    for a in s.attendance(&m3.id).unwrap() {
        let p = a.person;
        s.update_person(
            &p.id,
            &PersonInput {
                name: format!("{} Ny", p.name),
                organisation: p.organisation,
                email: p.email,
            },
        )
        .unwrap();
    }
    assert!(s.minutes_pdf(&m3.id, DocOptions::default()).unwrap() == printed_by_v1);
}
