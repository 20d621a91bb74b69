//! Case numbers N/YY: per body and year, consecutive in agenda order across the year's meetings,
//! renumbered while an agenda is a draft, frozen once it is sent.

use crate::common;

use common::*;
use quorum_record::agenda::ItemInput;
use quorum_record::error::StateProblem;
use quorum_record::vocab::*;
use quorum_record::Error;

#[test]
fn a_case_gets_its_number_when_placed_on_an_agenda() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m = meeting(s, &b.id, "1/2025", "2025-03-10");
    let c = s.create_case(&b.id, 2025, &case_input("Ventende")).unwrap();
    assert_eq!(c.number, None);
    assert_eq!(c.meeting_id, None);
    let item = s
        .add_item(
            &m.id,
            &ItemInput {
                kind: ItemKind::Case,
                duration_min: 10,
                case_id: Some(c.id.clone()),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    assert_eq!(item.case_number.as_deref(), Some("1/25"));
    let c = s.case(&c.id).unwrap();
    assert_eq!(c.number.as_deref(), Some("1/25"));
    assert_eq!(c.meeting_id.as_deref(), Some(m.id.as_str()));
    assert_eq!(s.case_by_number("R", "1/25").unwrap().id, c.id);
    assert!(s.unplaced_cases(&b.id).unwrap().is_empty());
}

#[test]
fn draft_agenda_renumbers_on_insert_move_and_remove() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m = meeting(s, &b.id, "1/2025", "2025-03-10");
    add_case(s, &m.id, "A");
    add_break(s, &m.id, "Pause", 10);
    add_case(s, &m.id, "B");
    add_case(s, &m.id, "C");
    assert_eq!(numbered(s, &m.id), ["1/25 A", "2/25 B", "3/25 C"]);

    // Insert D at position 1 (after A, before the break).
    let dd = add_case_at(s, &m.id, "D", Some(1));
    assert_eq!(dd.position, 1);
    assert_eq!(numbered(s, &m.id), ["1/25 A", "2/25 D", "3/25 B", "4/25 C"]);

    // Move C to the top.
    let c_item = s
        .agenda(&m.id)
        .unwrap()
        .into_iter()
        .find(|i| i.title == "C")
        .unwrap();
    s.move_item(&c_item.id, 0).unwrap();
    assert_eq!(numbered(s, &m.id), ["1/25 C", "2/25 A", "3/25 D", "4/25 B"]);
    let kinds: Vec<String> = s
        .agenda(&m.id)
        .unwrap()
        .into_iter()
        .map(|i| i.title)
        .collect();
    assert_eq!(kinds, ["C", "A", "D", "Pause", "B"]);

    // Remove D: it stays in the record, unnumbered; the rest close the gap.
    let d_case = case_by_title(s, &m.id, "D");
    s.remove_item(&dd.id).unwrap();
    assert_eq!(numbered(s, &m.id), ["1/25 C", "2/25 A", "3/25 B"]);
    let d_case = s.case(&d_case.id).unwrap();
    assert_eq!(d_case.number, None);
    assert_eq!(d_case.item_id, None);
    let unplaced: Vec<String> = s
        .unplaced_cases(&b.id)
        .unwrap()
        .into_iter()
        .map(|c| c.title)
        .collect();
    assert_eq!(unplaced, ["D"]);
    let positions: Vec<i64> = s
        .agenda(&m.id)
        .unwrap()
        .iter()
        .map(|i| i.position)
        .collect();
    assert_eq!(positions, [0, 1, 2, 3]);
}

#[test]
fn numbers_run_across_the_years_meetings_in_date_order() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    // Created out of date order on purpose: numbering follows the dates.
    let m2 = meeting(s, &b.id, "2/2025", "2025-06-10");
    let m1 = meeting(s, &b.id, "1/2025", "2025-03-10");
    add_case(s, &m2.id, "Juni A");
    add_case(s, &m1.id, "Mars A");
    add_case(s, &m2.id, "Juni B");
    assert_eq!(numbered(s, &m1.id), ["1/25 Mars A"]);
    assert_eq!(numbered(s, &m2.id), ["2/25 Juni A", "3/25 Juni B"]);
    add_case_at(s, &m1.id, "Mars 0", Some(0));
    assert_eq!(numbered(s, &m1.id), ["1/25 Mars 0", "2/25 Mars A"]);
    assert_eq!(numbered(s, &m2.id), ["3/25 Juni A", "4/25 Juni B"]);
}

#[test]
fn sent_agenda_freezes_numbers_and_refuses_case_changes() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m = meeting(s, &b.id, "1/2025", "2025-03-10");
    let a = add_case(s, &m.id, "A");
    let brk = add_break(s, &m.id, "Pause", 10);
    let bb = add_case(s, &m.id, "B");
    let sent = s.send_agenda(&m.id).unwrap();
    assert_eq!(sent.status, MeetingStatus::AgendaSent);
    assert!(sent.agenda_frozen());

    let frozen = |e: Error| matches!(e, Error::AgendaSent { ref meeting } if meeting == "1/2025");
    assert!(frozen(s.move_item(&bb.id, 0).unwrap_err()));
    assert!(frozen(s.move_item(&a.id, 2).unwrap_err()));
    assert!(frozen(s.remove_item(&a.id).unwrap_err()));
    assert!(frozen(try_add_case(s, &m.id, "Ny").unwrap_err()));
    let unplaced = s.create_case(&b.id, 2025, &case_input("Løs")).unwrap();
    let before_unplaced = snapshot(s);
    let err = s
        .add_item(
            &m.id,
            &ItemInput {
                kind: ItemKind::Case,
                case_id: Some(unplaced.id.clone()),
                duration_min: 5,
                ..Default::default()
            },
            None,
        )
        .unwrap_err();
    assert!(frozen(err));
    assert_eq!(snapshot(s), before_unplaced);
    assert_eq!(numbered(s, &m.id), ["1/25 A", "2/25 B"]);
    assert_eq!(s.case(&unplaced.id).unwrap().number, None);

    // A second send is a status error.
    assert!(matches!(
        s.send_agenda(&m.id).unwrap_err(),
        Error::State(StateProblem::StatusOrder { ref from, ref to }) if *from == MeetingStatus::AgendaSent && *to == MeetingStatus::AgendaSent
    ));

    // Unnumbered items may still move and be added when the cases keep their order.
    s.move_item(&brk.id, 2).unwrap();
    add_break(s, &m.id, "Lunsj", 30);
    let titles: Vec<String> = s
        .agenda(&m.id)
        .unwrap()
        .into_iter()
        .map(|i| i.title)
        .collect();
    assert_eq!(titles, ["A", "B", "Pause", "Lunsj"]);
    assert_eq!(numbered(s, &m.id), ["1/25 A", "2/25 B"]);
}

#[test]
fn refused_changes_on_a_sent_agenda_leave_the_record_unchanged() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m = meeting(s, &b.id, "1/2025", "2025-03-10");
    let a = add_case(s, &m.id, "A");
    add_case(s, &m.id, "B");
    s.send_agenda(&m.id).unwrap();
    let before = snapshot(s);
    assert!(s.move_item(&a.id, 1).is_err());
    assert!(s.remove_item(&a.id).is_err());
    assert!(try_add_case(s, &m.id, "C").is_err());
    assert_eq!(snapshot(s), before);
}

#[test]
fn later_draft_continues_after_a_sent_agenda() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m1 = meeting(s, &b.id, "1/2025", "2025-03-10");
    add_case(s, &m1.id, "A");
    add_case(s, &m1.id, "B");
    add_case(s, &m1.id, "C");
    s.send_agenda(&m1.id).unwrap();
    let m2 = meeting(s, &b.id, "2/2025", "2025-06-10");
    add_case(s, &m2.id, "D");
    let e = add_case_at(s, &m2.id, "E", Some(0));
    assert_eq!(numbered(s, &m2.id), ["4/25 E", "5/25 D"]);
    s.remove_item(&e.id).unwrap();
    assert_eq!(numbered(s, &m2.id), ["4/25 D"]);
    assert_eq!(numbered(s, &m1.id), ["1/25 A", "2/25 B", "3/25 C"]);
    // Held straight from draft: numbers are fixed as they stand.
    s.mark_held(&m2.id).unwrap();
    assert_eq!(numbered(s, &m2.id), ["4/25 D"]);
    let m3 = meeting(s, &b.id, "3/2025", "2025-09-10");
    add_case(s, &m3.id, "F");
    assert_eq!(numbered(s, &m3.id), ["5/25 F"]);
}

#[test]
fn draft_dated_before_a_sent_agenda_cannot_take_cases() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let early = meeting(s, &b.id, "1/2025", "2025-03-10");
    let late = meeting(s, &b.id, "2/2025", "2025-06-10");
    add_case(s, &late.id, "A");
    add_case(s, &late.id, "B");
    s.send_agenda(&late.id).unwrap();
    let before = snapshot(s);
    let err = try_add_case(s, &early.id, "For tidlig").unwrap_err();
    match &err {
        Error::State(StateProblem::NumberingConflict { meeting }) => assert_eq!(meeting, "1/2025"),
        other => panic!("expected NumberingConflict, got {other:?}"),
    }
    assert!(err
        .message(quorum_record::Lang::Nb)
        .starts_with("Møte 1/2025 ligger før et møte med sendt dagsorden"));
    assert!(err
        .message(quorum_record::Lang::En)
        .starts_with("Meeting 1/2025 comes before a meeting whose agenda is sent"));
    assert_eq!(snapshot(s), before);
    assert!(s.agenda(&early.id).unwrap().is_empty());
    assert_eq!(numbered(s, &late.id), ["1/25 A", "2/25 B"]);
    // Breaks are fine there; only numbered cases collide.
    add_break(s, &early.id, "Pause", 10);
}

#[test]
fn draft_before_a_sent_agenda_cannot_drop_a_case_and_leave_a_gap() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let early = meeting(s, &b.id, "1/2025", "2025-03-10");
    let late = meeting(s, &b.id, "2/2025", "2025-06-10");
    add_case(s, &early.id, "A");
    let bb = add_case(s, &early.id, "B");
    add_case(s, &late.id, "C");
    s.send_agenda(&late.id).unwrap();
    assert_eq!(numbered(s, &late.id), ["3/25 C"]);
    let before = snapshot(s);
    // Taking B off would leave 1/25, then the frozen 3/25: not consecutive.
    let err = s.remove_item(&bb.id).unwrap_err();
    assert!(
        matches!(err, Error::State(StateProblem::NumberingConflict { ref meeting }) if meeting == "1/2025"),
        "{err:?}"
    );
    assert_eq!(snapshot(s), before);
    // Reordering within the early draft keeps the count and is fine.
    s.move_item(&bb.id, 0).unwrap();
    assert_eq!(numbered(s, &early.id), ["1/25 B", "2/25 A"]);
    assert_eq!(numbered(s, &late.id), ["3/25 C"]);
}

#[test]
fn first_case_number_of_a_year_can_be_set() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    s.set_first_case_number(&b.id, 2025, 21).unwrap();
    let m = meeting(s, &b.id, "3/2025", "2025-10-16");
    add_case(s, &m.id, "A");
    add_case(s, &m.id, "B");
    assert_eq!(numbered(s, &m.id), ["21/25 A", "22/25 B"]);
    // Changing it while the agenda is a draft renumbers.
    s.set_first_case_number(&b.id, 2025, 30).unwrap();
    assert_eq!(numbered(s, &m.id), ["30/25 A", "31/25 B"]);
    assert_eq!(s.case_by_number("R", "31/25").unwrap().title, "B");
    assert!(matches!(
        s.case_by_number("R", "21/25").unwrap_err(),
        Error::NotFound { what: quorum_record::error::Thing::Case, ref key } if key == "21/25"
    ));
    // Out of range.
    for bad in [0, -1, 10_000] {
        let err = s.set_first_case_number(&b.id, 2025, bad).unwrap_err();
        assert!(
            matches!(err, Error::Invalid(ref i) if i.field == "first_number"),
            "{bad}: {err:?}"
        );
    }
    assert_eq!(numbered(s, &m.id), ["30/25 A", "31/25 B"]);
    // Another year is not affected.
    let m26 = meeting(s, &b.id, "1/2026", "2026-02-01");
    add_case(s, &m26.id, "Neste år");
    assert_eq!(numbered(s, &m26.id), ["1/26 Neste år"]);
}

#[test]
fn two_bodies_number_independently() {
    let d = db();
    let s = &d.store;
    let r = body(s, "R", "Rådet");
    let u = body(s, "U", "Utvalget");
    let mr = meeting(s, &r.id, "1/2025", "2025-03-10");
    let mu = meeting(s, &u.id, "1/2025", "2025-03-10");
    add_case(s, &mr.id, "R1");
    add_case(s, &mu.id, "U1");
    add_case(s, &mr.id, "R2");
    add_case(s, &mu.id, "U2");
    add_case(s, &mu.id, "U3");
    assert_eq!(numbered(s, &mr.id), ["1/25 R1", "2/25 R2"]);
    assert_eq!(numbered(s, &mu.id), ["1/25 U1", "2/25 U2", "3/25 U3"]);
    assert_eq!(s.case_by_number("R", "2/25").unwrap().title, "R2");
    assert_eq!(s.case_by_number("U", "2/25").unwrap().title, "U2");
    assert!(matches!(
        s.case_by_number("R", "3/25").unwrap_err(),
        Error::NotFound { .. }
    ));
    // Sending one body's agenda does not freeze the other's.
    s.send_agenda(&mr.id).unwrap();
    add_case_at(s, &mu.id, "U0", Some(0));
    assert_eq!(
        numbered(s, &mu.id),
        ["1/25 U0", "2/25 U1", "3/25 U2", "4/25 U3"]
    );
}

#[test]
fn a_new_year_restarts_at_one() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m25 = meeting(s, &b.id, "4/2025", "2025-12-11");
    add_case(s, &m25.id, "A");
    add_case(s, &m25.id, "B");
    s.send_agenda(&m25.id).unwrap();
    let m26 = meeting(s, &b.id, "", "2026-01-20");
    assert_eq!(m26.number, "1/2026");
    add_case(s, &m26.id, "C");
    assert_eq!(numbered(s, &m26.id), ["1/26 C"]);
    assert_eq!(s.case_by_number("R", "1/26").unwrap().year, 2026);
    assert_eq!(s.case_by_number("R", "2/25").unwrap().title, "B");
}

#[test]
fn empty_meeting_number_takes_the_next_free_one() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    assert_eq!(meeting(s, &b.id, "", "2025-02-01").number, "1/2025");
    assert_eq!(meeting(s, &b.id, "", "2025-04-01").number, "2/2025");
    assert_eq!(meeting(s, &b.id, "5/2025", "2025-09-01").number, "5/2025");
    assert_eq!(meeting(s, &b.id, "", "2025-10-01").number, "6/2025");
}

#[test]
fn continuation_shows_the_case_number_and_takes_none() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m = meeting(s, &b.id, "1/2025", "2025-03-10");
    let a = add_case(s, &m.id, "A");
    add_break(s, &m.id, "Lunsj", 30);
    let cont = s
        .add_item(
            &m.id,
            &ItemInput {
                kind: ItemKind::Continuation,
                duration_min: 15,
                continues_case_id: a.case_id.clone(),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    assert_eq!(cont.case_number.as_deref(), Some("1/25"));
    assert_eq!(cont.title, "A");
    assert_eq!(cont.case_id, None);
    add_case(s, &m.id, "B");
    assert_eq!(numbered(s, &m.id), ["1/25 A", "2/25 B"]);
    // A continuation cannot come before its case.
    let before = snapshot(s);
    let err = s.move_item(&cont.id, 0).unwrap_err();
    assert!(
        matches!(err, Error::State(StateProblem::ContinuationWithoutCase)),
        "{err:?}"
    );
    let err = s.move_item(&a.id, 3).unwrap_err();
    assert!(
        matches!(err, Error::State(StateProblem::ContinuationWithoutCase)),
        "{err:?}"
    );
    assert_eq!(snapshot(s), before);
}

#[test]
fn demo_numbers_follow_the_seed() {
    let d = demo();
    let s = &d.store;
    let m3 = s.meeting_by_number(EH, "3/2025").unwrap();
    let m4 = s.meeting_by_number(EH, "4/2025").unwrap();
    let nums = |id: &str| -> Vec<String> {
        s.agenda(id)
            .unwrap()
            .into_iter()
            .filter_map(|i| i.case_number.filter(|_| i.kind == ItemKind::Case))
            .collect()
    };
    assert_eq!(
        nums(&m3.id),
        ["21/25", "22/25", "23/25", "24/25", "25/25", "26/25", "27/25", "28/25", "29/25"]
    );
    assert_eq!(
        nums(&m4.id),
        [
            "30/25", "31/25", "32/25", "33/25", "34/25", "35/25", "36/25", "37/25", "38/25",
            "39/25"
        ]
    );
    // 4/2025 is sent: a new case there is refused; a new draft meeting continues at 40/25.
    assert!(matches!(
        try_add_case(s, &m4.id, "Ny").unwrap_err(),
        Error::AgendaSent { ref meeting } if meeting == "4/2025"
    ));
    let m5 = meeting(s, &m4.body_id, "5/2025", "2025-12-18");
    add_case(s, &m5.id, "Ekstra");
    assert_eq!(numbered(s, &m5.id), ["40/25 Ekstra"]);
    // NUIT's numbers are its own.
    assert_eq!(
        s.case_by_number("NUIT", "40/25").unwrap().title,
        "Nasjonal e-helsestrategi – strategiske indikatorer"
    );
}

#[test]
fn first_case_number_cannot_move_under_frozen_numbers() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    s.set_first_case_number(&b.id, 2025, 21).unwrap();
    let m = meeting(s, &b.id, "3/2025", "2025-10-16");
    add_case(s, &m.id, "A");
    add_case(s, &m.id, "B");
    s.send_agenda(&m.id).unwrap();
    let before = snapshot(s);
    for first in [1, 22, 30] {
        let err = s.set_first_case_number(&b.id, 2025, first).unwrap_err();
        assert!(
            matches!(err, Error::State(StateProblem::NumberingConflict { ref meeting }) if meeting == "3/2025"),
            "{first}: {err:?}"
        );
        assert_eq!(snapshot(s), before);
    }
    // Setting the same start again is harmless.
    s.set_first_case_number(&b.id, 2025, 21).unwrap();
    assert_eq!(numbered(s, &m.id), ["21/25 A", "22/25 B"]);
}

#[test]
fn moving_a_sent_meeting_before_another_sent_one_is_refused() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m1 = meeting(s, &b.id, "1/2025", "2025-03-10");
    let m2 = meeting(s, &b.id, "2/2025", "2025-06-10");
    add_case(s, &m1.id, "A");
    add_case(s, &m2.id, "B");
    s.send_agenda(&m1.id).unwrap();
    s.send_agenda(&m2.id).unwrap();
    let before = snapshot(s);
    let err = s
        .update_meeting(
            &m2.id,
            &meeting_input("2/2025", "2025-02-01", "10:00", "16:00"),
        )
        .unwrap_err();
    assert!(
        matches!(err, Error::State(StateProblem::NumberingConflict { .. })),
        "{err:?}"
    );
    assert_eq!(snapshot(s), before);
    // A new date that keeps the order is fine.
    let moved = s
        .update_meeting(
            &m2.id,
            &meeting_input("2/2025", "2025-06-20", "09:00", "15:00"),
        )
        .unwrap();
    assert_eq!(
        (moved.date.as_str(), moved.start.as_str()),
        ("2025-06-20", "09:00")
    );
    assert_eq!(numbered(s, &m2.id), ["2/25 B"]);
    // The number of a sent meeting cannot change.
    let err = s
        .update_meeting(
            &m2.id,
            &meeting_input("7/2025", "2025-06-20", "09:00", "15:00"),
        )
        .unwrap_err();
    assert!(
        matches!(err, Error::AgendaSent { ref meeting } if meeting == "2/2025"),
        "{err:?}"
    );
}
