//! The meeting record: decisions (as proposed or amended), action points that follow the body
//! until closed, innspill, attendance, and body names over time.

use crate::common;

use common::*;
use quorum_record::agenda::ItemInput;
use quorum_record::cases::CaseInput;
use quorum_record::model::Due;
use quorum_record::people::PersonInput;
use quorum_record::record::{ActionInput, AttendanceInput};
use quorum_record::vocab::*;
use quorum_record::{Error, Lang};

#[test]
fn decision_starts_as_the_proposal_and_other_text_marks_it_amended() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m = meeting(s, &b.id, "1/2025", "2025-03-10");
    let item = add_case(s, &m.id, "Budsjett");
    let id = item.case_id.unwrap();
    let c = s.case(&id).unwrap();
    assert_eq!(c.decision, None);
    assert!(!c.amended);

    let c = s.accept_proposal(&id).unwrap();
    assert_eq!(c.decision.as_deref(), Some("Forslag: Budsjett"));
    assert!(!c.amended);

    let c = s.record_decision(&id, "Rådet utsatte saken.").unwrap();
    assert_eq!(c.decision.as_deref(), Some("Rådet utsatte saken."));
    assert_eq!(c.proposal, "Forslag: Budsjett");
    assert!(c.amended);

    // The proposal's own text again is "as proposed" (trailing space is trimmed).
    let c = s.record_decision(&id, "Forslag: Budsjett  \n").unwrap();
    assert!(!c.amended);

    let c = s.clear_decision(&id).unwrap();
    assert_eq!(c.decision, None);
    assert!(!c.amended);
}

#[test]
fn proposal_is_prefilled_from_the_case_type_naming_the_body() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Nasjonalt testråd");
    let c = s
        .create_case(
            &b.id,
            2025,
            &CaseInput {
                title: "Strategi".into(),
                case_type: "Drøfting".into(),
                proposal: None,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(c.proposal, "Nasjonalt testråd drøftet saken.");
    assert_eq!(c.case_type, "Drøfting");
    let c = s
        .create_case(
            &b.id,
            2025,
            &CaseInput {
                title: "Åpen".into(),
                case_type: "Åpen sak".into(),
                proposal: None,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(c.proposal, "");
    // No proposal: accept_proposal is refused, a written decision works.
    let m = meeting(s, &b.id, "1/2025", "2025-03-10");
    s.add_item(
        &m.id,
        &ItemInput {
            kind: ItemKind::Case,
            case_id: Some(c.id.clone()),
            duration_min: 10,
            ..Default::default()
        },
        None,
    )
    .unwrap();
    let before = snapshot(s);
    let err = s.accept_proposal(&c.id).unwrap_err();
    assert_eq!(
        err.message(Lang::Nb),
        "Saken har ikke noe forslag til vedtak. Skriv vedtaket."
    );
    assert_eq!(
        err.message(Lang::En),
        "The case has no proposed decision. Write the decision."
    );
    assert_eq!(snapshot(s), before);
    assert!(s.record_decision(&c.id, "Drøftet.").unwrap().amended);
    // A body's own case type with its own template.
    let t = s
        .save_case_type(&b.id, "Høring", "{organ} avgir høringssvar.")
        .unwrap();
    assert_eq!(t.proposal_template, "{organ} avgir høringssvar.");
    let c = s
        .create_case(
            &b.id,
            2025,
            &CaseInput {
                title: "Høringssvar".into(),
                case_type: "Høring".into(),
                proposal: None,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(c.proposal, "Nasjonalt testråd avgir høringssvar.");
    let names: Vec<String> = s
        .case_types(&b.id)
        .unwrap()
        .into_iter()
        .map(|t| t.name)
        .collect();
    assert_eq!(
        names,
        [
            "Godkjenning",
            "Drøfting",
            "Orientering",
            "Anbefaling",
            "Beslutning",
            "Åpen sak",
            "Høring"
        ]
    );
}

#[test]
fn decision_needs_a_placed_case() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let c = s.create_case(&b.id, 2025, &case_input("Løs")).unwrap();
    let before = snapshot(s);
    let err = s.accept_proposal(&c.id).unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ref i) if i.field == "decision"),
        "{err:?}"
    );
    assert!(err
        .message(Lang::Nb)
        .starts_with("Saken står ikke på noen dagsorden ennå."));
    assert!(s.record_decision(&c.id, "Vedtatt").is_err());
    assert_eq!(snapshot(s), before);
}

#[test]
fn demo_decisions_as_proposed_and_amended() {
    let d = demo();
    let s = &d.store;
    let c24 = s.case_by_number(EH, "24/25").unwrap();
    let c25 = s.case_by_number(EH, "25/25").unwrap();
    let c26 = s.case_by_number(EH, "26/25").unwrap();
    assert!(c24.amended);
    assert!(c25.amended);
    assert!(!c26.amended);
    assert_eq!(c24.proposal, "Nasjonalt e-helseråd drøftet saken.");
    assert_eq!(
        c24.decision.as_deref(),
        Some("Nasjonalt e-helseråd tar saken til orientering. Nasjonalt e-helseråd erkjenner behovet for å dele behandlingsplaner, særlig for de multisyke. Nasjonalt e-helseråd ber Helse Sør-Øst RHF presentere MILA-prosjektet i neste møte.")
    );
    assert_eq!(c26.decision.as_deref(), Some(c26.proposal.as_str()));
    // 4/2025 is not held: no decisions yet.
    for n in 30..=39 {
        let c = s.case_by_number(EH, &format!("{n}/25")).unwrap();
        assert_eq!(c.decision, None, "{n}/25");
    }
    let amended: Vec<String> = (21..=29)
        .map(|n| s.case_by_number(EH, &format!("{n}/25")).unwrap())
        .filter(|c| c.amended)
        .map(|c| c.number.unwrap())
        .collect();
    assert_eq!(amended, ["24/25", "25/25"]);
}

#[test]
fn open_action_points_follow_the_body_until_closed() {
    let d = demo();
    let s = &d.store;
    let eh = s.body_by_short(EH).unwrap();
    let m4 = s.meeting_by_number(EH, "4/2025").unwrap();
    let open = s.open_actions(&eh.id, Some(&m4.date)).unwrap();
    let summary: Vec<(Option<String>, String, String)> = open
        .iter()
        .map(|a| {
            (
                a.case_number.clone(),
                a.meeting_number.clone(),
                a.text.clone(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                Some("24/25".to_string()),
                "3/2025".to_string(),
                "Helse Sør-Øst RHF presenterer MILA-prosjektet i neste møte i Nasjonalt e-helseråd.".to_string()
            ),
            (
                Some("27/25".to_string()),
                "3/2025".to_string(),
                "Mandatene til NUFA og NUIT sendes på e-post til medlemmene for endelig anbefaling.".to_string()
            ),
        ]
    );
    assert_eq!(open[0].responsible, "Helse Sør-Øst RHF");
    assert!(open[0].due_next_meeting);
    assert_eq!(open[0].due_date, None);
    assert_eq!(open[0].status, ActionStatus::Open);
    // Not listed for the meeting that raised them (only meetings before the date).
    assert!(s
        .open_actions(&eh.id, Some("2025-10-16"))
        .unwrap()
        .is_empty());
    // NUIT has none.
    let nuit = s.body_by_short("NUIT").unwrap();
    assert!(s.open_actions(&nuit.id, None).unwrap().is_empty());

    // Still listed at the next meeting after 4/2025, until closed.
    let m5 = meeting(s, &eh.id, "1/2026", "2026-02-05");
    assert_eq!(s.open_actions(&eh.id, Some(&m5.date)).unwrap().len(), 2);

    let mila = open[0].id.clone();
    let closed = s
        .set_action_status(&mila, ActionStatus::Done, "Presentert i sak 34/25")
        .unwrap();
    assert_eq!(closed.status, ActionStatus::Done);
    assert_eq!(closed.status_note, "Presentert i sak 34/25");
    let left: Vec<String> = s
        .open_actions(&eh.id, Some(&m5.date))
        .unwrap()
        .into_iter()
        .map(|a| a.case_number.unwrap())
        .collect();
    assert_eq!(left, ["27/25"]);
    assert_eq!(s.open_actions(&eh.id, Some(&m4.date)).unwrap().len(), 1);

    // Cancelling requires a note.
    let mandat = s.open_actions(&eh.id, None).unwrap()[0].id.clone();
    let before = snapshot(s);
    for note in ["", "   "] {
        let err = s
            .set_action_status(&mandat, ActionStatus::Cancelled, note)
            .unwrap_err();
        assert!(
            matches!(err, Error::Invalid(ref i) if i.field == "note"),
            "{err:?}"
        );
        assert_eq!(err.message(Lang::Nb), "Skriv hvorfor aksjonspunktet utgår.");
        assert_eq!(
            err.message(Lang::En),
            "Say why the action point is cancelled."
        );
    }
    assert_eq!(snapshot(s), before);
    let c = s
        .set_action_status(
            &mandat,
            ActionStatus::Cancelled,
            "Mandatene ble vedtatt i møtet",
        )
        .unwrap();
    assert_eq!(
        (c.status.as_str(), c.status_note.as_str()),
        ("cancelled", "Mandatene ble vedtatt i møtet")
    );
    assert!(s.open_actions(&eh.id, Some(&m5.date)).unwrap().is_empty());
    // All of them are still in the body's list, with status.
    let all: Vec<(String, String)> = s
        .body_actions(&eh.id, Some(2025))
        .unwrap()
        .into_iter()
        .map(|a| (a.case_number.unwrap(), a.status.to_string()))
        .collect();
    assert_eq!(
        all,
        [
            ("24/25".to_string(), "done".to_string()),
            ("27/25".to_string(), "cancelled".to_string())
        ]
    );
    // Reopening lists it again.
    s.set_action_status(&mila, ActionStatus::Open, "").unwrap();
    assert_eq!(s.open_actions(&eh.id, Some(&m5.date)).unwrap().len(), 1);
    // An unknown status is refused.
    assert!(matches!(
        ActionStatus::parse("ferdig")
            .and_then(|st| s.set_action_status(&mila, st, ""))
            .unwrap_err(),
        Error::Invalid(ref i) if i.field == "status"
    ));
}

#[test]
fn action_points_of_new_meetings_with_due_dates() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m1 = meeting(s, &b.id, "1/2025", "2025-03-10");
    let m2 = meeting(s, &b.id, "2/2025", "2025-06-10");
    let m3 = meeting(s, &b.id, "3/2025", "2025-09-10");
    let i1 = add_case(s, &m1.id, "A");
    let i2 = add_break(s, &m2.id, "Runde", 10);
    let a1 = s
        .add_action(
            &i1.id,
            &ActionInput {
                text: "Utrede kostnader".into(),
                responsible: "Sekretariatet".into(),
                due: Due::Date("2025-05-01".into()),
            },
        )
        .unwrap();
    assert_eq!(a1.due_date.as_deref(), Some("2025-05-01"));
    assert!(!a1.due_next_meeting);
    assert_eq!(a1.case_number.as_deref(), Some("1/25"));
    let a2 = s
        .add_action(
            &i2.id,
            &ActionInput {
                text: "Sende referat".into(),
                responsible: String::new(),
                due: Due::None,
            },
        )
        .unwrap();
    assert_eq!(a2.case_number, None);
    let texts = |date: &str| -> Vec<String> {
        s.open_actions(&b.id, Some(date))
            .unwrap()
            .into_iter()
            .map(|a| a.text)
            .collect()
    };
    assert!(texts(&m1.date).is_empty());
    assert_eq!(texts(&m2.date), ["Utrede kostnader"]);
    assert_eq!(texts(&m3.date), ["Utrede kostnader", "Sende referat"]);
    s.set_action_status(&a1.id, ActionStatus::Done, "").unwrap();
    assert_eq!(texts(&m3.date), ["Sende referat"]);
    let updated = s
        .update_action(
            &a2.id,
            &ActionInput {
                text: "Sende referat til alle".into(),
                responsible: "Leder".into(),
                due: Due::NextMeeting,
            },
        )
        .unwrap();
    assert!(updated.due_next_meeting);
    assert_eq!(updated.responsible, "Leder");
    s.remove_action(&a2.id).unwrap();
    assert!(texts(&m3.date).is_empty());
    assert!(matches!(
        s.set_action_status(&a2.id, ActionStatus::Done, "")
            .unwrap_err(),
        Error::NotFound {
            what: quorum_record::error::Thing::ActionPoint,
            ..
        }
    ));
}

#[test]
fn innspill_keep_their_order() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m = meeting(s, &b.id, "1/2025", "2025-03-10");
    let it = add_case(s, &m.id, "A");
    s.add_innspill(&it.id, "to", None).unwrap();
    s.add_innspill(&it.id, "tre", None).unwrap();
    let en = s.add_innspill(&it.id, "en", Some(0)).unwrap();
    assert_eq!(en.position, 0);
    let texts = || -> Vec<String> {
        s.innspill(&it.id)
            .unwrap()
            .into_iter()
            .map(|i| i.text)
            .collect()
    };
    assert_eq!(texts(), ["en", "to", "tre"]);
    let to = s.innspill(&it.id).unwrap()[1].id.clone();
    s.update_innspill(&to, "to (rettet)").unwrap();
    s.remove_innspill(&en.id).unwrap();
    assert_eq!(texts(), ["to (rettet)", "tre"]);
    let pos: Vec<i64> = s
        .innspill(&it.id)
        .unwrap()
        .iter()
        .map(|i| i.position)
        .collect();
    assert_eq!(pos, [0, 1]);
    s.set_narrative(&it.id, "Leder innledet.\n\nDeretter drøfting.")
        .unwrap();
    assert_eq!(
        s.item(&it.id).unwrap().narrative,
        "Leder innledet.\n\nDeretter drøfting."
    );
}

#[test]
fn attendance_with_substitutes() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m = meeting(s, &b.id, "1/2025", "2025-03-10");
    let p = |n: &str| {
        s.create_person(&PersonInput {
            name: n.into(),
            organisation: "Org".into(),
            email: String::new(),
        })
        .unwrap()
    };
    let ola = p("Ola");
    let kari = p("Kari");
    s.set_attendance(
        &m.id,
        &AttendanceInput {
            person_id: ola.id.clone(),
            status: AttendanceStatus::Absent,
            substitute_for: None,
            remote: false,
        },
    )
    .unwrap();
    let before = snapshot(s);
    let err = s
        .set_attendance(
            &m.id,
            &AttendanceInput {
                person_id: kari.id.clone(),
                status: AttendanceStatus::Substitute,
                substitute_for: None,
                remote: false,
            },
        )
        .unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ref i) if i.field == "substitute_for"),
        "{err:?}"
    );
    let err = s
        .set_attendance(
            &m.id,
            &AttendanceInput {
                person_id: kari.id.clone(),
                status: AttendanceStatus::Substitute,
                substitute_for: Some(kari.id.clone()),
                remote: false,
            },
        )
        .unwrap_err();
    assert_eq!(
        err.message(Lang::En),
        "A person cannot stand in for themselves."
    );
    assert_eq!(snapshot(s), before);
    let list = s
        .set_attendance(
            &m.id,
            &AttendanceInput {
                person_id: kari.id.clone(),
                status: AttendanceStatus::Substitute,
                substitute_for: Some(ola.id.clone()),
                remote: true,
            },
        )
        .unwrap();
    let got: Vec<(String, String, Option<String>, bool)> = list
        .iter()
        .map(|a| {
            (
                a.person.name.clone(),
                a.status.to_string(),
                a.substitute_for.as_ref().map(|p| p.name.clone()),
                a.remote,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Kari".to_string(),
                "substitute".to_string(),
                Some("Ola".to_string()),
                true
            ),
            ("Ola".to_string(), "absent".to_string(), None, false),
        ]
    );
    // Setting again changes the same row.
    let list = s
        .set_attendance(
            &m.id,
            &AttendanceInput {
                person_id: ola.id.clone(),
                status: AttendanceStatus::Present,
                substitute_for: None,
                remote: false,
            },
        )
        .unwrap();
    assert_eq!(list.len(), 2);
    let list = s.remove_attendance(&m.id, &kari.id).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].status, AttendanceStatus::Present);
}

#[test]
fn demo_attendance_of_3_2025() {
    let d = demo();
    let s = &d.store;
    let m = s.meeting_by_number(EH, "3/2025").unwrap();
    let att = s.attendance(&m.id).unwrap();
    assert_eq!(att.len(), 30);
    let count = |st: &str| att.iter().filter(|a| a.status.as_str() == st).count();
    assert_eq!(
        (
            count("present"),
            count("absent"),
            count("substitute"),
            count("secretariat"),
            count("guest")
        ),
        (14, 4, 3, 4, 5)
    );
    let subs: Vec<(String, String)> = att
        .iter()
        .filter(|a| a.status == AttendanceStatus::Substitute)
        .map(|a| {
            (
                a.person.name.clone(),
                a.substitute_for.as_ref().unwrap().name.clone(),
            )
        })
        .collect();
    assert_eq!(
        subs,
        [
            // Not members themselves: listed after the members, by name.
            (
                "Liv Heidi Brattås Remo".to_string(),
                "Hilde Myhren".to_string()
            ),
            ("Lucie Aunan".to_string(), "Mariann Hornnes".to_string()),
            ("Odd Martin Solem".to_string(), "Johan Ronæs".to_string()),
        ]
    );
    let remote: Vec<&str> = att
        .iter()
        .filter(|a| a.remote)
        .map(|a| a.person.name.as_str())
        .collect();
    assert_eq!(remote, ["Frode Danielsen"]);
}

#[test]
fn body_rename_keeps_history() {
    let d = db();
    let s = &d.store;
    let b = body(s, "E-helse", "Nasjonalt e-helsestyre");
    let old = meeting(s, &b.id, "1/2022", "2022-05-05");
    let renamed = s
        .rename_body(&b.id, "Nasjonalt e-helseråd", "2023-01-01")
        .unwrap();
    assert_eq!(renamed.name, "Nasjonalt e-helseråd");
    let names: Vec<(String, String)> = renamed
        .names
        .iter()
        .map(|n| (n.name.clone(), n.valid_from.clone()))
        .collect();
    assert_eq!(
        names,
        [
            (
                "Nasjonalt e-helsestyre".to_string(),
                "1900-01-01".to_string()
            ),
            ("Nasjonalt e-helseråd".to_string(), "2023-01-01".to_string()),
        ]
    );
    assert_eq!(
        s.body_name_on(&b.id, &old.date).unwrap(),
        "Nasjonalt e-helsestyre"
    );
    assert_eq!(
        s.body_name_on(&b.id, "2022-12-31").unwrap(),
        "Nasjonalt e-helsestyre"
    );
    assert_eq!(
        s.body_name_on(&b.id, "2023-01-01").unwrap(),
        "Nasjonalt e-helseråd"
    );
    assert_eq!(
        s.body_name_on(&b.id, "2025-12-11").unwrap(),
        "Nasjonalt e-helseråd"
    );
    assert_eq!(s.body(&b.id).unwrap().name, "Nasjonalt e-helseråd");
    // Proposals of new cases use the current name.
    let c = s
        .create_case(
            &b.id,
            2025,
            &CaseInput {
                title: "X".into(),
                case_type: "Orientering".into(),
                proposal: None,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        c.proposal,
        "Nasjonalt e-helseråd tar saken til orientering."
    );
    // A bad date is refused and changes nothing.
    let before = snapshot(s);
    let err = s.rename_body(&b.id, "Nytt navn", "2025-02-30").unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ref i) if i.field == "date"),
        "{err:?}"
    );
    assert_eq!(snapshot(s), before);
}

#[test]
fn case_links_and_references_show_earlier_decisions() {
    let d = demo();
    let s = &d.store;
    let c37 = s.case_by_number(EH, "37/25").unwrap();
    let got: Vec<(String, String, String)> = c37
        .links
        .iter()
        .map(|l| (l.number.clone(), l.body.clone(), l.date.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "40/25".to_string(),
                "NUIT".to_string(),
                "2025-11-20".to_string()
            ),
            (
                "4/25".to_string(),
                "E-helserådet".to_string(),
                "2025-03-20".to_string()
            ),
            (
                "4/25".to_string(),
                "NUIT".to_string(),
                "2025-02-13".to_string()
            ),
        ]
    );
    let nuit = &c37.links[0];
    assert_eq!(
        nuit.target_case_id.as_deref(),
        Some(s.case_by_number("NUIT", "40/25").unwrap().id.as_str())
    );
    assert_eq!(
        nuit.decision,
        "NUIT ga innspill til det foreslåtte indikatorsettet og innspill til videre involvering av sektor i arbeidet."
    );
}
