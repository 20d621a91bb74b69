//! Approved minutes lock the meeting's record: every change is refused with Error::Locked and
//! leaves the file unchanged, except through Store::correct, which appends to the audit log.

use crate::common;

use common::*;
use quorum_record::agenda::{ItemInput, ItemUpdate};
use quorum_record::cases::{AttachmentInput, CaseInput, ReferenceInput};
use quorum_record::error::StateProblem;
use quorum_record::model::Due;
use quorum_record::record::{ActionInput, AttendanceInput};
use quorum_record::vocab::*;
use quorum_record::{Error, Lang, Store};

/// The demo with 3/2025 approved by 31/25 of 4/2025.
fn locked_demo() -> Db {
    let d = demo();
    let s = &d.store;
    let m3 = s.meeting_by_number(EH, "3/2025").unwrap();
    let c31 = s.case_by_number(EH, "31/25").unwrap();
    s.accept_proposal(&c31.id).unwrap();
    let m = s.approve_minutes(&m3.id, &c31.id).unwrap();
    assert!(m.locked());
    d
}

fn is_locked(e: &Error) -> bool {
    matches!(e, Error::Locked { meeting } if meeting == "3/2025")
}

#[test]
fn demo_3_2025_is_held_and_unlocked() {
    let d = demo();
    let s = &d.store;
    let m3 = s.meeting_by_number(EH, "3/2025").unwrap();
    assert_eq!(m3.status, MeetingStatus::Held);
    assert!(!m3.locked());
    assert_eq!(m3.approved_by_case_id, None);
    // Its record can still be edited directly.
    let c26 = s.case_by_number(EH, "26/25").unwrap();
    s.record_decision(&c26.id, "Endret før godkjenning.")
        .unwrap();
    assert!(s.corrections(&m3.id).unwrap().is_empty());
}

#[test]
fn approval_needs_a_recorded_decision_of_a_later_meeting_and_a_held_meeting() {
    let d = demo();
    let s = &d.store;
    let m3 = s.meeting_by_number(EH, "3/2025").unwrap();
    let m4 = s.meeting_by_number(EH, "4/2025").unwrap();
    let c31 = s.case_by_number(EH, "31/25").unwrap();
    let before = snapshot(s);
    // 31/25 has no decision yet.
    let err = s.approve_minutes(&m3.id, &c31.id).unwrap_err();
    assert!(
        matches!(err, Error::State(StateProblem::ApprovalCase)),
        "{err:?}"
    );
    assert!(err
        .message(Lang::Nb)
        .starts_with("Referatet må godkjennes i en sak i et senere møte"));
    assert!(err
        .message(Lang::En)
        .starts_with("Minutes must be approved by a case of a later meeting"));
    // A case of the same meeting, with a decision, is not a later meeting.
    let c22 = s.case_by_number(EH, "22/25").unwrap();
    assert!(matches!(
        s.approve_minutes(&m3.id, &c22.id).unwrap_err(),
        Error::State(StateProblem::ApprovalCase)
    ));
    // Another body's case is refused.
    let nuit40 = s.case_by_number("NUIT", "40/25").unwrap();
    assert!(matches!(
        s.approve_minutes(&m3.id, &nuit40.id).unwrap_err(),
        Error::State(StateProblem::ApprovalCase)
    ));
    // 4/2025 is not held: its minutes cannot be approved.
    assert!(matches!(
        s.approve_minutes(&m4.id, &c31.id).unwrap_err(),
        Error::State(StateProblem::StatusOrder { ref from, ref to }) if *from == MeetingStatus::AgendaSent && *to == MeetingStatus::Approved
    ));
    assert_eq!(snapshot(s), before);

    s.accept_proposal(&c31.id).unwrap();
    let m = s.approve_minutes(&m3.id, &c31.id).unwrap();
    assert_eq!(m.status, MeetingStatus::Approved);
    assert_eq!(m.approved_by_case_id.as_deref(), Some(c31.id.as_str()));
    assert!(m.locked());
    // Twice is a status error.
    assert!(matches!(
        s.approve_minutes(&m3.id, &c31.id).unwrap_err(),
        Error::State(StateProblem::StatusOrder { .. })
    ));
    assert!(matches!(
        s.mark_held(&m3.id).unwrap_err(),
        Error::State(StateProblem::StatusOrder { ref from, .. }) if *from == MeetingStatus::Approved
    ));
}

#[test]
fn every_change_to_a_locked_record_is_refused_and_changes_nothing() {
    let d = locked_demo();
    let s = &d.store;
    let m3 = s.meeting_by_number(EH, "3/2025").unwrap();
    let c24 = s.case_by_number(EH, "24/25").unwrap();
    let c26 = s.case_by_number(EH, "26/25").unwrap();
    let item24 = c24.item_id.clone().unwrap();
    let agenda = s.agenda(&m3.id).unwrap();
    let open_item = agenda
        .iter()
        .find(|i| i.kind == ItemKind::Open)
        .unwrap()
        .clone();
    let innspill = s.innspill(&item24).unwrap()[0].clone();
    let action = s.actions(&item24).unwrap()[0].clone();
    let attendance = s.attendance(&m3.id).unwrap();
    let present = attendance
        .iter()
        .find(|a| a.status == AttendanceStatus::Present)
        .unwrap()
        .person
        .clone();
    let c40 = s.case_by_number("NUIT", "40/25").unwrap();
    let before = snapshot(s);

    let mut refused = 0;
    let mut check = |what: &str, r: Result<(), Error>| {
        let err = r.expect_err(what);
        assert!(is_locked(&err), "{what}: {err:?}");
        assert_eq!(
            err.message(Lang::Nb),
            "Referatet fra møte 3/2025 er godkjent og låst. En endring må gjøres som en rettelse med begrunnelse."
        );
        assert_eq!(
            err.message(Lang::En),
            "The minutes of meeting 3/2025 are approved and locked. A change must be made as a correction with a reason."
        );
        refused += 1;
    };
    // Decisions.
    check(
        "record_decision",
        s.record_decision(&c26.id, "Nytt vedtak").map(drop),
    );
    check("accept_proposal", s.accept_proposal(&c24.id).map(drop));
    check("clear_decision", s.clear_decision(&c26.id).map(drop));
    // Innspill.
    check(
        "add_innspill",
        s.add_innspill(&item24, "Nytt innspill", None).map(drop),
    );
    check(
        "update_innspill",
        s.update_innspill(&innspill.id, "Endret").map(drop),
    );
    check("remove_innspill", s.remove_innspill(&innspill.id));
    // Narrative.
    check("set_narrative", s.set_narrative(&item24, "Ny tekst"));
    // Attendance.
    check(
        "set_attendance",
        s.set_attendance(
            &m3.id,
            &AttendanceInput {
                person_id: present.id.clone(),
                status: AttendanceStatus::Absent,
                substitute_for: None,
                remote: false,
            },
        )
        .map(drop),
    );
    check(
        "remove_attendance",
        s.remove_attendance(&m3.id, &present.id).map(drop),
    );
    // Case fields.
    check(
        "update_case",
        s.update_case(
            &c24.id,
            &CaseInput {
                title: "Ny tittel".into(),
                case_type: "Drøfting".into(),
                proposal: Some(c24.proposal.clone()),
                ..Default::default()
            },
        )
        .map(drop),
    );
    check(
        "set_exempt",
        s.set_exempt(&c24.id, true, "offl. § 14").map(drop),
    );
    check(
        "add_attachment",
        s.add_attachment(
            &c24.id,
            &AttachmentInput {
                label: "9".into(),
                title: "Nytt vedlegg".into(),
                ..Default::default()
            },
            Some(b"pdf"),
        )
        .map(drop),
    );
    check(
        "add_reference",
        s.add_reference(
            &c24.id,
            &ReferenceInput {
                number: "1/24".into(),
                body: "NUIT".into(),
                date: "2024-01-10".into(),
                title: "Tidligere".into(),
                decision: "Vedtatt".into(),
            },
        )
        .map(drop),
    );
    check("link_case", s.link_case(&c24.id, &c40.id).map(drop));
    // Agenda items.
    check(
        "add_item",
        s.add_item(
            &m3.id,
            &ItemInput {
                kind: ItemKind::Break,
                title: "Pause".into(),
                duration_min: 10,
                ..Default::default()
            },
            None,
        )
        .map(drop),
    );
    check(
        "update_item",
        s.update_item(
            &open_item.id,
            &ItemUpdate {
                title: "Dagsaktuelt (endret)".into(),
                duration_min: 30,
                ..Default::default()
            },
        )
        .map(drop),
    );
    check("move_item", s.move_item(&open_item.id, 0).map(drop));
    check("remove_item", s.remove_item(&open_item.id));
    // Action points raised in the meeting.
    check(
        "add_action",
        s.add_action(
            &item24,
            &ActionInput {
                text: "Ny oppfølging".into(),
                responsible: "NHN".into(),
                due: Due::None,
            },
        )
        .map(drop),
    );
    check(
        "update_action",
        s.update_action(
            &action.id,
            &ActionInput {
                text: "Endret".into(),
                responsible: "NHN".into(),
                due: Due::None,
            },
        )
        .map(drop),
    );
    check("remove_action", s.remove_action(&action.id));
    // Meeting header.
    let mut header = meeting_input("3/2025", "2025-10-16", "09:00", "15:00");
    header.place = "Et annet sted".into();
    check(
        "update_meeting",
        s.update_meeting(&m3.id, &header).map(drop),
    );
    assert_eq!(refused, 22);
    assert_eq!(snapshot(s), before);
    assert!(s.corrections(&m3.id).unwrap().is_empty());

    // Numbered cases cannot be added or moved on it either (its agenda is long since sent).
    let err = try_add_case(s, &m3.id, "Ny sak").unwrap_err();
    assert!(
        matches!(err, Error::AgendaSent { ref meeting } if meeting == "3/2025"),
        "{err:?}"
    );
    assert_eq!(snapshot(s), before);
}

#[test]
fn action_status_can_still_be_followed_up_after_locking() {
    let d = locked_demo();
    let s = &d.store;
    let c24 = s.case_by_number(EH, "24/25").unwrap();
    let a = s.actions(c24.item_id.as_deref().unwrap()).unwrap()[0].clone();
    let done = s
        .set_action_status(&a.id, ActionStatus::Done, "Presentert i 34/25")
        .unwrap();
    assert_eq!(done.status, ActionStatus::Done);
    let m3 = s.meeting_by_number(EH, "3/2025").unwrap();
    assert!(s.corrections(&m3.id).unwrap().is_empty());
}

#[test]
fn correction_changes_a_locked_record_and_is_audited() {
    let d = locked_demo();
    let s = &d.store;
    let m3 = s.meeting_by_number(EH, "3/2025").unwrap();
    let c26 = s.case_by_number(EH, "26/25").unwrap();
    let old = c26.decision.clone().unwrap();
    let new = format!("{old} Rettet skrivefeil.");
    let changed = s
        .correct("Skrivefeil i vedtaket", |s| {
            s.record_decision(&c26.id, &new)
        })
        .unwrap();
    assert_eq!(changed.decision.as_deref(), Some(new.as_str()));
    assert!(changed.amended);
    let log = s.corrections(&m3.id).unwrap();
    assert_eq!(log.len(), 1);
    let c = &log[0];
    assert_eq!(c.meeting_id, m3.id);
    assert_eq!(c.entity, Entity::Case);
    assert_eq!(c.entity_id, c26.id);
    assert_eq!(c.reason, "Skrivefeil i vedtaket");
    let before: serde_json::Value = serde_json::from_str(c.before.as_deref().unwrap()).unwrap();
    let after: serde_json::Value = serde_json::from_str(c.after.as_deref().unwrap()).unwrap();
    assert_eq!(before["decision"], serde_json::Value::from(old.clone()));
    assert_eq!(after["decision"], serde_json::Value::from(new.clone()));
    assert_eq!(before["id"], serde_json::Value::from(c26.id.clone()));
    assert!(c.at.ends_with('Z') && c.at.len() == 20, "{}", c.at);

    // The lock holds again right after the correction.
    let err = s.record_decision(&c26.id, &old).unwrap_err();
    assert!(is_locked(&err), "{err:?}");

    // Several changes in one correction: one entry each, in order; a new row has no "before",
    // a removed one no "after".
    let item26 = c26.item_id.clone().unwrap();
    let first = s.innspill(&item26).unwrap()[0].clone();
    let added = s
        .correct("Innspill manglet i referatet", |s| {
            let i = s.add_innspill(&item26, "Glemt innspill", None)?;
            s.remove_innspill(&first.id)?;
            s.set_narrative(&item26, "Rettet referattekst.")?;
            Ok(i)
        })
        .unwrap();
    let log = s.corrections(&m3.id).unwrap();
    let entries: Vec<(String, bool, bool, String)> = log
        .iter()
        .map(|c| {
            (
                c.entity.to_string(),
                c.before.is_some(),
                c.after.is_some(),
                c.reason.clone(),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            (
                "case".to_string(),
                true,
                true,
                "Skrivefeil i vedtaket".to_string()
            ),
            (
                "innspill".to_string(),
                false,
                true,
                "Innspill manglet i referatet".to_string()
            ),
            (
                "innspill".to_string(),
                true,
                false,
                "Innspill manglet i referatet".to_string()
            ),
            (
                "agenda_item".to_string(),
                true,
                true,
                "Innspill manglet i referatet".to_string()
            ),
        ]
    );
    assert_eq!(log[1].entity_id, added.id);
    assert_eq!(log[2].entity_id, first.id);
    assert!(log[2]
        .before
        .as_deref()
        .unwrap()
        .contains(&serde_json::to_string(&first.text).unwrap()));
    assert_eq!(s.item(&item26).unwrap().narrative, "Rettet referattekst.");
    // Meeting header by correction.
    let mut header = meeting_input("3/2025", "2025-10-16", "09:00", "15:00");
    header.place = "Thon Partner Hotel Kristiansand, møterom 2".into();
    let m = s
        .correct("Rett møtested", |s| s.update_meeting(&m3.id, &header))
        .unwrap();
    assert_eq!(m.place, "Thon Partner Hotel Kristiansand, møterom 2");
    assert!(m.locked());
    let last = s.corrections(&m3.id).unwrap().pop().unwrap();
    assert_eq!(
        (last.entity.as_str(), last.entity_id.as_str()),
        ("meeting", m3.id.as_str())
    );
    // Other meetings have no corrections.
    let m4 = s.meeting_by_number(EH, "4/2025").unwrap();
    assert!(s.corrections(&m4.id).unwrap().is_empty());
}

#[test]
fn correction_needs_a_reason() {
    let d = locked_demo();
    let s = &d.store;
    let c26 = s.case_by_number(EH, "26/25").unwrap();
    let before = snapshot(s);
    for reason in ["", "   ", "\t"] {
        let mut ran = false;
        let err = s
            .correct(reason, |s| {
                ran = true;
                s.record_decision(&c26.id, "Nytt")
            })
            .unwrap_err();
        assert!(!ran, "the change must not run without a reason");
        match &err {
            Error::Invalid(i) => {
                assert_eq!(i.field, "reason");
                assert_eq!(i.problem, quorum_record::error::Problem::Empty);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            err.message(Lang::Nb),
            "Begrunnelsen kan ikke være tom. Fyll inn en verdi."
        );
        assert_eq!(
            err.message(Lang::En),
            "The reason cannot be empty. Enter a value."
        );
    }
    let err = s
        .correct("a\u{7}b", |s| s.record_decision(&c26.id, "Nytt"))
        .unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ref i) if i.field == "reason"),
        "{err:?}"
    );
    assert_eq!(snapshot(s), before);
}

#[test]
fn failed_change_inside_a_correction_logs_nothing() {
    let d = locked_demo();
    let s = &d.store;
    let m3 = s.meeting_by_number(EH, "3/2025").unwrap();
    let c26 = s.case_by_number(EH, "26/25").unwrap();
    let before = snapshot(s);
    let err = s
        .correct("Grunn", |s| s.record_decision(&c26.id, "   "))
        .unwrap_err();
    assert!(
        matches!(err, Error::Invalid(ref i) if i.field == "decision"),
        "{err:?}"
    );
    assert_eq!(snapshot(s), before);
    assert!(s.corrections(&m3.id).unwrap().is_empty());
    // And the lock is back afterwards.
    assert!(is_locked(&s.record_decision(&c26.id, "x").unwrap_err()));
}

#[test]
fn audit_log_is_append_only_in_the_file() {
    let d = locked_demo();
    let s = &d.store;
    let m3 = s.meeting_by_number(EH, "3/2025").unwrap();
    let c26 = s.case_by_number(EH, "26/25").unwrap();
    s.correct("Grunn", |s| s.record_decision(&c26.id, "Rettet"))
        .unwrap();
    let conn = rusqlite::Connection::open(&d.path).unwrap();
    let count = || -> i64 {
        conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count(), 1);
    let err = conn
        .execute("UPDATE audit_log SET reason = 'skjult'", [])
        .unwrap_err();
    assert!(
        err.to_string().contains("audit_log is append-only"),
        "{err}"
    );
    let err = conn.execute("DELETE FROM audit_log", []).unwrap_err();
    assert!(
        err.to_string().contains("audit_log is append-only"),
        "{err}"
    );
    // An empty reason is refused by the table itself too.
    let err = conn
        .execute(
            "INSERT INTO audit_log (id, at, meeting_id, entity, entity_id, reason) VALUES ('x', 'now', ?1, 'case', 'y', '  ')",
            [&m3.id],
        )
        .unwrap_err();
    assert!(err.to_string().contains("CHECK"), "{err}");
    assert_eq!(count(), 1);
    drop(conn);
    assert_eq!(s.corrections(&m3.id).unwrap()[0].reason, "Grunn");
}

#[test]
fn lock_survives_reopening_the_file() {
    let d = locked_demo();
    let path = d.path.clone();
    let c26 = d.store.case_by_number(EH, "26/25").unwrap();
    let Db { dir, store, .. } = d;
    drop(store);
    let s = Store::open(&path).unwrap();
    assert!(is_locked(&s.record_decision(&c26.id, "x").unwrap_err()));
    assert!(s.meeting_by_number(EH, "3/2025").unwrap().locked());
    drop(dir);
}
