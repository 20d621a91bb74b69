//! Bad input: every rejected value or action gives a typed error with a message in Norwegian and
//! English, never a panic, and leaves the record unchanged (export before == export after).

use crate::common;

use common::*;
use quorum_record::agenda::{ItemInput, ItemUpdate};
use quorum_record::bodies::BodyInput;
use quorum_record::cases::{AttachmentInput, CaseInput};
use quorum_record::error::{Problem, StateProblem, Thing};
use quorum_record::meetings::MeetingInput;
use quorum_record::model::Due;
use quorum_record::people::{MembershipInput, PersonInput};
use quorum_record::record::{ActionInput, AttendanceInput};
use quorum_record::validate::{MAX_LINE, MAX_TEXT};
use quorum_record::vocab::*;
use quorum_record::{Error, Lang, Store};

/// Runs `f`, which must fail; checks that nothing changed and that the error speaks both
/// languages; returns the error for a closer look.
fn refused<T: std::fmt::Debug>(
    s: &Store,
    what: &str,
    f: impl FnOnce() -> quorum_record::Result<T>,
) -> Error {
    let before = snapshot(s);
    let err = match f() {
        Ok(v) => panic!("{what}: accepted: {v:?}"),
        Err(e) => e,
    };
    assert!(snapshot(s) == before, "{what}: the record changed");
    assert!(
        !matches!(err, Error::Db(_) | Error::Migration(_)),
        "{what}: untyped error {err:?}"
    );
    let nb = err.message(Lang::Nb);
    let en = err.message(Lang::En);
    assert!(!nb.trim().is_empty() && !en.trim().is_empty(), "{what}");
    assert_ne!(nb, en, "{what}: same text in both languages");
    assert_eq!(err.to_string(), nb, "{what}: Display is the Norwegian text");
    err
}

fn invalid(e: &Error) -> (&'static str, Problem) {
    match e {
        Error::Invalid(i) => (i.field, i.problem.clone()),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn not_found(e: &Error) -> (Thing, String) {
    match e {
        Error::NotFound { what, key } => (*what, key.clone()),
        other => panic!("expected NotFound, got {other:?}"),
    }
}

#[test]
fn malformed_case_numbers() {
    let d = demo();
    let s = &d.store;
    for bad in [
        "32-25",
        "0/25",
        "32/2025",
        "/25",
        "32/",
        "x/25",
        "32/ab",
        "",
        "-1/25",
        "32/25/1",
        "３２/25",
    ] {
        let e = refused(s, bad, || s.case_by_number(EH, bad));
        assert_eq!(
            invalid(&e),
            ("case", Problem::CaseNumber(bad.to_string())),
            "{bad}"
        );
    }
    let e = refused(s, "32-25", || s.case_by_number(EH, "32-25"));
    assert_eq!(
        e.message(Lang::Nb),
        "«32-25» er ikke et gyldig saksnummer. Skriv nummer/år med to sifre, for eksempel «32/25»."
    );
    assert_eq!(
        e.message(Lang::En),
        "\"32-25\" is not a valid case number. Write number/two-digit year, for example \"32/25\"."
    );
    // Well-formed but absent.
    let e = refused(s, "99/25", || s.case_by_number(EH, "99/25"));
    assert_eq!(not_found(&e), (Thing::Case, "99/25".to_string()));
    assert_eq!(
        e.message(Lang::Nb),
        "Fant ikke saken «99/25». Sjekk stavemåten, eller list det som finnes."
    );
    assert_eq!(
        e.message(Lang::En),
        "Could not find the case \"99/25\". Check the spelling, or list what exists."
    );
}

#[test]
fn malformed_and_duplicate_meeting_numbers() {
    let d = demo();
    let s = &d.store;
    let eh = s.body_by_short(EH).unwrap();
    for bad in [
        "4/25",
        "4-2025",
        "0/2025",
        "4/20255",
        "x/2025",
        "4/1800",
        "1000/2025",
    ] {
        let e = refused(s, bad, || s.meeting_by_number(EH, bad));
        assert_eq!(
            invalid(&e),
            ("meeting", Problem::MeetingNumber(bad.to_string())),
            "{bad}"
        );
        let e = refused(s, bad, || {
            s.create_meeting(&eh.id, &meeting_input(bad, "2025-12-20", "10:00", "12:00"))
        });
        assert_eq!(
            invalid(&e),
            ("meeting", Problem::MeetingNumber(bad.to_string())),
            "{bad}"
        );
    }
    let e = refused(s, "duplicate", || {
        s.create_meeting(
            &eh.id,
            &meeting_input("4/2025", "2025-12-20", "10:00", "12:00"),
        )
    });
    assert!(
        matches!(e, Error::Duplicate { what: Thing::Meeting, ref key } if key == "4/2025"),
        "{e:?}"
    );
    assert_eq!(
        e.message(Lang::Nb),
        "Møtet «4/2025» finnes allerede. Velg et annet."
    );
    assert_eq!(
        e.message(Lang::En),
        "The meeting \"4/2025\" already exists. Choose another."
    );
    // Renumbering a draft onto a taken number.
    let draft = meeting(s, &eh.id, "6/2025", "2025-12-20");
    let e = refused(s, "renumber", || {
        s.update_meeting(
            &draft.id,
            &meeting_input("4/2025", "2025-12-20", "10:00", "16:00"),
        )
    });
    assert!(
        matches!(
            e,
            Error::Duplicate {
                what: Thing::Meeting,
                ..
            }
        ),
        "{e:?}"
    );
    // Number and date in different years.
    let e = refused(s, "year", || {
        s.create_meeting(
            &eh.id,
            &meeting_input("7/2025", "2026-01-10", "10:00", "12:00"),
        )
    });
    assert_eq!(invalid(&e).0, "date");
    assert_eq!(
        e.message(Lang::En),
        "Meeting 7/2025 must be held in 2025, but the date is in 2026. Fix the date or the number."
    );
    // NUIT may have its own 4/2025.
    let nuit = s.body_by_short("NUIT").unwrap();
    assert_eq!(
        meeting(s, &nuit.id, "4/2025", "2025-10-01").number,
        "4/2025"
    );
}

#[test]
fn duplicate_body_short_name() {
    let d = demo();
    let s = &d.store;
    for short in ["NUIT", "nuit", " NUIT ", "E-helserådet", "e-helserådet"] {
        let e = refused(s, short, || {
            s.create_body(&BodyInput {
                short_name: short.into(),
                name: "Et nytt organ".into(),
                ..Default::default()
            })
        });
        assert!(
            matches!(
                e,
                Error::Duplicate {
                    what: Thing::Body,
                    ..
                }
            ),
            "{short}: {e:?}"
        );
    }
    let nuit = s.body_by_short("NUIT").unwrap();
    let e = refused(s, "update", || {
        s.update_body(
            &nuit.id,
            &BodyInput {
                short_name: "E-helserådet".into(),
                ..Default::default()
            },
        )
    });
    assert!(matches!(e, Error::Duplicate { what: Thing::Body, ref key } if key == "E-helserådet"));
    assert_eq!(
        e.message(Lang::Nb),
        "Organet «E-helserådet» finnes allerede. Velg et annet."
    );
    let e = refused(s, "language", || {
        s.create_body(&BodyInput {
            short_name: "NUFA".into(),
            name: "NUFA".into(),
            language: quorum_record::bodies::parse_language("de")?,
            ..Default::default()
        })
    });
    assert!(
        matches!(invalid(&e), ("language", Problem::Choice { ref value, .. }) if value == "de")
    );
}

#[test]
fn frozen_numbers() {
    let d = demo();
    let s = &d.store;
    let m4 = s.meeting_by_number(EH, "4/2025").unwrap();
    let e = refused(s, "add", || try_add_case(s, &m4.id, "Ny"));
    assert!(matches!(e, Error::AgendaSent { ref meeting } if meeting == "4/2025"));
    assert_eq!(
        e.message(Lang::Nb),
        "Dagsordenen for møte 4/2025 er sendt, og saksnumrene er frosset. Saker kan ikke legges til, flyttes eller fjernes."
    );
    assert_eq!(
        e.message(Lang::En),
        "The agenda of meeting 4/2025 has been sent and its case numbers are frozen. Cases cannot be added, moved or removed."
    );
    let c32 = s.case_by_number(EH, "32/25").unwrap();
    let item = c32.item_id.unwrap();
    assert!(matches!(
        refused(s, "move", || s.move_item(&item, 0)),
        Error::AgendaSent { .. }
    ));
    assert!(matches!(
        refused(s, "remove", || s.remove_item(&item)),
        Error::AgendaSent { .. }
    ));
    let e = refused(s, "renumber", || {
        s.update_meeting(
            &m4.id,
            &meeting_input("5/2025", "2025-12-11", "10:00", "16:00"),
        )
    });
    assert!(matches!(e, Error::AgendaSent { .. }));
}

#[test]
fn times_and_dates() {
    let d = demo();
    let s = &d.store;
    let eh = s.body_by_short(EH).unwrap();
    for (start, end) in [("12:00", "10:00"), ("10:00", "10:00")] {
        let e = refused(s, "end", || {
            s.create_meeting(&eh.id, &meeting_input("", "2025-12-20", start, end))
        });
        assert_eq!(invalid(&e), ("end", Problem::EndBeforeStart));
        assert_eq!(
            e.message(Lang::Nb),
            "Sluttidspunktet må være etter starttidspunktet."
        );
        assert_eq!(
            e.message(Lang::En),
            "The end time must be after the start time."
        );
    }
    for bad in [
        "2025-02-30",
        "2025-13-01",
        "2025-04-31",
        "11.12.2025",
        "",
        "2025-1-1x",
        "3025-01-01",
    ] {
        let e = refused(s, bad, || {
            s.create_meeting(&eh.id, &meeting_input("", bad, "10:00", "12:00"))
        });
        assert_eq!(
            invalid(&e),
            ("date", Problem::Date(bad.trim().to_string())),
            "{bad}"
        );
    }
    let e = refused(s, "2025-02-30", || {
        s.create_meeting(&eh.id, &meeting_input("", "2025-02-30", "10:00", "12:00"))
    });
    assert_eq!(
        e.message(Lang::Nb),
        "«2025-02-30» er ikke en dato som finnes. Skriv ÅÅÅÅ-MM-DD, for eksempel 2025-12-11."
    );
    assert_eq!(
        e.message(Lang::En),
        "\"2025-02-30\" is not a date that exists. Write YYYY-MM-DD, for example 2025-12-11."
    );
    // 29 February exists in leap years only.
    assert!(s
        .create_meeting(&eh.id, &meeting_input("", "2024-02-29", "10:00", "12:00"))
        .is_ok());
    let e = refused(s, "2026-02-29", || {
        s.create_meeting(&eh.id, &meeting_input("", "2026-02-29", "10:00", "12:00"))
    });
    assert_eq!(invalid(&e).0, "date");
    for bad in ["25:00", "10:60", "ti", "", "10", "-1:00"] {
        let e = refused(s, bad, || {
            s.create_meeting(&eh.id, &meeting_input("", "2025-12-20", bad, "12:00"))
        });
        assert_eq!(
            invalid(&e),
            ("start", Problem::Time(bad.to_string())),
            "{bad}"
        );
    }
    // Dates elsewhere: rename, membership terms, action due dates, references.
    assert_eq!(
        invalid(&refused(s, "rename", || s.rename_body(
            &eh.id,
            "Nytt",
            "2025-02-30"
        )))
        .0,
        "date"
    );
    let p = s.person_by_name("Ørjan Andersen").unwrap();
    let e = refused(s, "term", || {
        s.add_membership(
            &eh.id,
            &MembershipInput {
                person_id: p.id.clone(),
                role: Role::Member,
                term_from: Some("2026-01-01".into()),
                term_to: Some("2025-12-31".into()),
                substitute_id: None,
            },
        )
    });
    assert_eq!(invalid(&e), ("term_to", Problem::EndBeforeStart));
    let e = refused(s, "term date", || {
        s.add_membership(
            &eh.id,
            &MembershipInput {
                person_id: p.id.clone(),
                role: Role::Member,
                term_from: Some("2025-02-30".into()),
                ..Default::default()
            },
        )
    });
    assert_eq!(invalid(&e).0, "term_from");
    let item = s.case_by_number(EH, "26/25").unwrap().item_id.unwrap();
    let e = refused(s, "due", || {
        s.add_action(
            &item,
            &ActionInput {
                text: "Gjøre noe".into(),
                responsible: String::new(),
                due: Due::Date("2025-02-30".into()),
            },
        )
    });
    assert_eq!(invalid(&e), ("due", Problem::Date("2025-02-30".into())));
}

#[test]
fn empty_titles_and_names() {
    let d = demo();
    let s = &d.store;
    let eh = s.body_by_short(EH).unwrap();
    let m4 = s.meeting_by_number(EH, "4/2025").unwrap();
    for title in ["", "   ", "\n"] {
        let e = refused(s, "case", || {
            s.create_case(&eh.id, 2025, &case_input(title))
        });
        // A newline alone is trimmed away: empty.
        assert_eq!(invalid(&e), ("title", Problem::Empty), "{title:?}");
        for kind in ["break", "open", "orientation"] {
            let e = refused(s, kind, || {
                s.add_item(
                    &m4.id,
                    &ItemInput {
                        kind: ItemKind::parse(kind)?,
                        title: title.into(),
                        duration_min: 10,
                        ..Default::default()
                    },
                    None,
                )
            });
            assert_eq!(invalid(&e), ("title", Problem::Empty), "{kind}");
        }
    }
    let e = refused(s, "case", || s.create_case(&eh.id, 2025, &case_input("")));
    assert_eq!(
        e.message(Lang::Nb),
        "Tittelen kan ikke være tom. Fyll inn en verdi."
    );
    assert_eq!(
        e.message(Lang::En),
        "The title cannot be empty. Enter a value."
    );
    let e = refused(s, "body name", || {
        s.create_body(&BodyInput {
            short_name: "NUFA".into(),
            name: " ".into(),
            ..Default::default()
        })
    });
    assert_eq!(invalid(&e), ("name", Problem::Empty));
    let e = refused(s, "short name", || {
        s.create_body(&BodyInput {
            short_name: "".into(),
            name: "NUFA".into(),
            ..Default::default()
        })
    });
    assert_eq!(invalid(&e), ("short_name", Problem::Empty));
    let e = refused(s, "person", || s.create_person(&PersonInput::default()));
    assert_eq!(invalid(&e), ("name", Problem::Empty));
    let c26 = s.case_by_number(EH, "26/25").unwrap();
    let item = c26.item_id.clone().unwrap();
    assert_eq!(
        invalid(&refused(s, "innspill", || s.add_innspill(&item, "  ", None))),
        ("text", Problem::Empty)
    );
    assert_eq!(
        invalid(&refused(s, "decision", || s.record_decision(&c26.id, "\n\n"))),
        ("decision", Problem::Empty)
    );
    let e = refused(s, "action", || {
        s.add_action(
            &item,
            &ActionInput {
                text: "".into(),
                responsible: "X".into(),
                due: Due::None,
            },
        )
    });
    assert_eq!(invalid(&e), ("text", Problem::Empty));
    let e = refused(s, "exempt", || s.set_exempt(&c26.id, true, " "));
    assert_eq!(invalid(&e).0, "basis");
    assert_eq!(
        e.message(Lang::Nb),
        "Oppgi hjemmel for unntaket, for eksempel «offl. § 14»."
    );
    let e = refused(s, "place", || {
        s.create_meeting(
            &eh.id,
            &MeetingInput {
                place: "".into(),
                ..meeting_input("", "2025-12-20", "10:00", "12:00")
            },
        )
    });
    assert_eq!(invalid(&e).0, "place");
    // A remote meeting needs no place.
    let m = s
        .create_meeting(
            &eh.id,
            &MeetingInput {
                place: "".into(),
                remote: true,
                ..meeting_input("", "2025-12-20", "10:00", "12:00")
            },
        )
        .unwrap();
    assert!(m.remote);
}

#[test]
fn text_over_the_limits() {
    let d = demo();
    let s = &d.store;
    let eh = s.body_by_short(EH).unwrap();
    let long_line = "ø".repeat(MAX_LINE + 1);
    let e = refused(s, "title", || {
        s.create_case(&eh.id, 2025, &case_input(&long_line))
    });
    assert_eq!(invalid(&e), ("title", Problem::TooLong { max: MAX_LINE }));
    assert_eq!(
        e.message(Lang::Nb),
        "Tittelen er for lang. Korte ned til høyst 500 tegn."
    );
    assert_eq!(
        e.message(Lang::En),
        "The title is too long. Shorten it to at most 500 characters."
    );
    // Exactly the limit, counted in characters (not bytes), is fine.
    let c = s
        .create_case(&eh.id, 2025, &case_input(&"ø".repeat(MAX_LINE)))
        .unwrap();
    assert_eq!(c.title.chars().count(), MAX_LINE);

    let long_text = "a".repeat(MAX_TEXT + 1);
    let e = refused(s, "summary", || {
        s.create_case(
            &eh.id,
            2025,
            &CaseInput {
                summary: long_text.clone(),
                ..case_input("Lang")
            },
        )
    });
    assert_eq!(invalid(&e), ("summary", Problem::TooLong { max: MAX_TEXT }));
    let e = refused(s, "proposal", || {
        s.create_case(
            &eh.id,
            2025,
            &CaseInput {
                proposal: Some(long_text.clone()),
                ..case_input("Lang")
            },
        )
    });
    assert_eq!(
        invalid(&e),
        ("proposal", Problem::TooLong { max: MAX_TEXT })
    );
    let c26 = s.case_by_number(EH, "26/25").unwrap();
    let item = c26.item_id.clone().unwrap();
    assert_eq!(
        invalid(&refused(s, "decision", || s.record_decision(&c26.id, &long_text))).1,
        Problem::TooLong { max: MAX_TEXT }
    );
    assert_eq!(
        invalid(&refused(s, "narrative", || s.set_narrative(&item, &long_text))).0,
        "narrative"
    );
    assert_eq!(
        invalid(&refused(s, "innspill", || s.add_innspill(&item, &long_text, None))).0,
        "text"
    );
    assert_eq!(
        invalid(&refused(s, "body", || s.rename_body(
            &eh.id,
            &long_line,
            "2026-01-01"
        )))
        .0,
        "name"
    );
    s.set_narrative(&item, &"a".repeat(MAX_TEXT)).unwrap();
}

#[test]
fn control_characters() {
    let d = demo();
    let s = &d.store;
    let eh = s.body_by_short(EH).unwrap();
    for bad in [
        "a\u{7}b",
        "a\nb",
        "a\tb",
        "\u{1b}[31mrød",
        "nul\u{0}",
        "a\u{85}b",
    ] {
        let e = refused(s, bad, || s.create_case(&eh.id, 2025, &case_input(bad)));
        assert_eq!(invalid(&e), ("title", Problem::ControlChar), "{bad:?}");
    }
    let e = refused(s, "title", || {
        s.create_case(&eh.id, 2025, &case_input("a\u{7}b"))
    });
    assert_eq!(
        e.message(Lang::Nb),
        "Tittelen inneholder kontrolltegn. Fjern dem og prøv igjen."
    );
    assert_eq!(
        e.message(Lang::En),
        "The title contains control characters. Remove them and try again."
    );
    let c26 = s.case_by_number(EH, "26/25").unwrap();
    let item = c26.item_id.clone().unwrap();
    for bad in ["a\u{0}b", "\u{1b}[0m", "a\u{8}b", "a\u{7f}b"] {
        assert_eq!(
            invalid(&refused(s, "decision", || s.record_decision(&c26.id, bad))),
            ("decision", Problem::ControlChar)
        );
        assert_eq!(
            invalid(&refused(s, "innspill", || s.add_innspill(&item, bad, None))),
            ("text", Problem::ControlChar)
        );
        assert_eq!(
            invalid(&refused(s, "narrative", || s.set_narrative(&item, bad))),
            ("narrative", Problem::ControlChar)
        );
    }
    let e = refused(s, "person", || {
        s.create_person(&PersonInput {
            name: "Ola\u{0}".into(),
            ..Default::default()
        })
    });
    assert_eq!(invalid(&e), ("name", Problem::ControlChar));
    // Paragraph text keeps newlines and tabs; CR LF becomes LF.
    let c = s
        .record_decision(&c26.id, "Første ledd.\r\n\r\n\tAndre ledd.  ")
        .unwrap();
    assert_eq!(c.decision.as_deref(), Some("Første ledd.\n\n\tAndre ledd."));
}

#[test]
fn references_to_things_that_do_not_exist() {
    let d = demo();
    let s = &d.store;
    let eh = s.body_by_short(EH).unwrap();
    let m4 = s.meeting_by_number(EH, "4/2025").unwrap();
    let c26 = s.case_by_number(EH, "26/25").unwrap();
    let nope = "00000000-0000-4000-8000-000000000000";
    let check =
        |e: Error, thing: Thing, key: &str| assert_eq!(not_found(&e), (thing, key.to_string()));
    check(refused(s, "case", || s.case(nope)), Thing::Case, nope);
    check(
        refused(s, "meeting", || s.meeting(nope)),
        Thing::Meeting,
        nope,
    );
    check(refused(s, "body", || s.body(nope)), Thing::Body, nope);
    check(refused(s, "person", || s.person(nope)), Thing::Person, nope);
    check(refused(s, "item", || s.item(nope)), Thing::AgendaItem, nope);
    check(
        refused(s, "agenda", || s.agenda(nope)),
        Thing::Meeting,
        nope,
    );
    check(
        refused(s, "timetable", || s.timetable(nope)),
        Thing::Meeting,
        nope,
    );
    check(
        refused(s, "body short", || s.body_by_short("Ukjent")),
        Thing::Body,
        "Ukjent",
    );
    let e = refused(s, "body short", || s.body_by_short("Ukjent"));
    assert_eq!(
        e.message(Lang::Nb),
        "Fant ikke organet «Ukjent». Sjekk stavemåten, eller list det som finnes."
    );
    assert_eq!(
        e.message(Lang::En),
        "Could not find the body \"Ukjent\". Check the spelling, or list what exists."
    );
    check(
        refused(s, "case number", || s.case_by_number("Ukjent", "32/25")),
        Thing::Body,
        "Ukjent",
    );
    check(
        refused(s, "meeting number", || s.meeting_by_number(EH, "9/2025")),
        Thing::Meeting,
        "9/2025",
    );
    check(
        refused(s, "create meeting", || {
            s.create_meeting(nope, &meeting_input("", "2025-12-20", "10:00", "12:00"))
        }),
        Thing::Body,
        nope,
    );
    check(
        refused(s, "create case", || {
            s.create_case(nope, 2025, &case_input("X"))
        }),
        Thing::Body,
        nope,
    );
    check(
        refused(s, "add item", || try_add_case(s, nope, "X")),
        Thing::Meeting,
        nope,
    );
    let e = refused(s, "case type", || {
        s.create_case(
            &eh.id,
            2025,
            &CaseInput {
                case_type: "Tull".into(),
                ..case_input("X")
            },
        )
    });
    check(e, Thing::CaseType, "Tull");
    let e = refused(s, "case type", || {
        s.create_case(
            &eh.id,
            2025,
            &CaseInput {
                case_type: "Tull".into(),
                ..case_input("X")
            },
        )
    });
    assert_eq!(
        e.message(Lang::En),
        "Could not find the case type \"Tull\". Check the spelling, or list what exists."
    );
    let draft = meeting(s, &eh.id, "", "2025-12-20");
    check(
        refused(s, "place unknown case", || {
            s.add_item(
                &draft.id,
                &ItemInput {
                    kind: ItemKind::Case,
                    case_id: Some(nope.into()),
                    ..Default::default()
                },
                None,
            )
        }),
        Thing::Case,
        nope,
    );
    check(
        refused(s, "innspill", || s.add_innspill(nope, "X", None)),
        Thing::AgendaItem,
        nope,
    );
    check(
        refused(s, "update innspill", || s.update_innspill(nope, "X")),
        Thing::Innspill,
        nope,
    );
    check(
        refused(s, "narrative", || s.set_narrative(nope, "X")),
        Thing::AgendaItem,
        nope,
    );
    check(
        refused(s, "decision", || s.record_decision(nope, "X")),
        Thing::Case,
        nope,
    );
    check(
        refused(s, "accept", || s.accept_proposal(nope)),
        Thing::Case,
        nope,
    );
    check(
        refused(s, "action status", || {
            s.set_action_status(nope, ActionStatus::Done, "")
        }),
        Thing::ActionPoint,
        nope,
    );
    check(
        refused(s, "link", || s.link_case(&c26.id, nope)),
        Thing::Case,
        nope,
    );
    check(
        refused(s, "remove item", || s.remove_item(nope)),
        Thing::AgendaItem,
        nope,
    );
    check(
        refused(s, "move item", || s.move_item(nope, 0)),
        Thing::AgendaItem,
        nope,
    );
    check(
        refused(s, "attachment", || s.attachment_content(nope)),
        Thing::Attachment,
        nope,
    );
    check(
        refused(s, "approve", || s.approve_minutes(nope, &c26.id)),
        Thing::Meeting,
        nope,
    );
    check(
        refused(s, "send", || s.send_agenda(nope)),
        Thing::Meeting,
        nope,
    );
    check(
        refused(s, "attendance", || {
            s.set_attendance(
                &m4.id,
                &AttendanceInput {
                    person_id: nope.into(),
                    status: AttendanceStatus::Present,
                    substitute_for: None,
                    remote: false,
                },
            )
        }),
        Thing::Person,
        nope,
    );
    let p = s.person_by_name("Ørjan Andersen").unwrap();
    check(
        refused(s, "remove attendance", || {
            s.remove_attendance(&m4.id, &p.id)
        }),
        Thing::Attendance,
        &p.id,
    );
    check(
        refused(s, "membership", || {
            s.add_membership(
                &eh.id,
                &MembershipInput {
                    person_id: p.id.clone(),
                    role: Role::Member,
                    substitute_id: Some(nope.into()),
                    ..Default::default()
                },
            )
        }),
        Thing::Person,
        nope,
    );
    check(
        refused(s, "set current", || s.set_current_item(&m4.id, Some(nope))),
        Thing::AgendaItem,
        nope,
    );
    check(
        refused(s, "person by name", || s.person_by_name("Ingen Slik")),
        Thing::Person,
        "Ingen Slik",
    );
}

#[test]
fn continuation_of_an_unknown_or_absent_case() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m = meeting(s, &b.id, "1/2025", "2025-03-10");
    let other = meeting(s, &b.id, "2/2025", "2025-06-10");
    let a = add_case(s, &other.id, "På et annet møte");
    for (what, target) in [
        (
            "unknown",
            Some("00000000-0000-4000-8000-000000000000".to_string()),
        ),
        ("other meeting", a.case_id.clone()),
        ("none", None),
    ] {
        let e = refused(s, what, || {
            s.add_item(
                &m.id,
                &ItemInput {
                    kind: ItemKind::Continuation,
                    duration_min: 10,
                    continues_case_id: target.clone(),
                    ..Default::default()
                },
                None,
            )
        });
        assert!(
            matches!(
                e,
                Error::State(StateProblem::ContinuationWithoutCase)
                    | Error::NotFound {
                        what: Thing::Case,
                        ..
                    }
            ),
            "{what}: {e:?}"
        );
    }
}

#[test]
fn choices_and_ranges() {
    let d = demo();
    let s = &d.store;
    let m4 = s.meeting_by_number(EH, "4/2025").unwrap();
    let e = refused(s, "kind", || {
        s.add_item(
            &m4.id,
            &ItemInput {
                kind: ItemKind::parse("møte")?,
                title: "X".into(),
                ..Default::default()
            },
            None,
        )
    });
    assert!(matches!(invalid(&e), ("kind", Problem::Choice { ref value, .. }) if value == "møte"));
    assert_eq!(
        e.message(Lang::En),
        "\"møte\" is not valid for The item kind. Choose one of: case, break, open, orientation, continuation."
    );
    for bad in [-1, 1441, i64::MAX, i64::MIN] {
        let e = refused(s, "duration", || {
            s.add_item(
                &m4.id,
                &ItemInput {
                    kind: ItemKind::Break,
                    title: "Pause".into(),
                    duration_min: bad,
                    ..Default::default()
                },
                None,
            )
        });
        assert_eq!(
            invalid(&e),
            ("duration", Problem::Range { min: 0, max: 1440 })
        );
        let item = s.agenda(&m4.id).unwrap()[5].id.clone();
        let e = refused(s, "update duration", || {
            s.update_item(
                &item,
                &ItemUpdate {
                    title: "Lunsj".into(),
                    duration_min: bad,
                    ..Default::default()
                },
            )
        });
        assert_eq!(invalid(&e).0, "duration");
    }
    let e = refused(s, "duration", || {
        s.add_item(
            &m4.id,
            &ItemInput {
                kind: ItemKind::Break,
                title: "P".into(),
                duration_min: -1,
                ..Default::default()
            },
            None,
        )
    });
    assert_eq!(e.message(Lang::Nb), "Varigheten må være mellom 0 og 1440.");
    let p = s.person_by_name("Ørjan Andersen").unwrap();
    let e = refused(s, "attendance status", || {
        s.set_attendance(
            &m4.id,
            &AttendanceInput {
                person_id: p.id.clone(),
                status: AttendanceStatus::parse("sen")?,
                substitute_for: None,
                remote: false,
            },
        )
    });
    assert_eq!(invalid(&e).0, "status");
    let eh = s.body_by_short(EH).unwrap();
    let e = refused(s, "role", || {
        s.add_membership(
            &eh.id,
            &MembershipInput {
                person_id: p.id.clone(),
                role: Role::parse("sjef")?,
                ..Default::default()
            },
        )
    });
    assert_eq!(invalid(&e).0, "role");
    let e = refused(s, "email", || {
        s.create_person(&PersonInput {
            name: "Ola".into(),
            organisation: String::new(),
            email: "ola@".into(),
        })
    });
    assert_eq!(invalid(&e).0, "email");
}

#[test]
fn duplicates_and_rules_on_cases() {
    let d = demo();
    let s = &d.store;
    let c31 = s.case_by_number(EH, "31/25").unwrap();
    let e = refused(s, "attachment label", || {
        s.add_attachment(
            &c31.id,
            &AttachmentInput {
                label: "1".into(),
                title: "Igjen".into(),
                ..Default::default()
            },
            None,
        )
    });
    assert!(
        matches!(e, Error::Duplicate { what: Thing::Attachment, ref key } if key == "Vedlegg 1"),
        "{e:?}"
    );
    let e = refused(s, "self link", || s.link_case(&c31.id, &c31.id));
    assert!(
        e.message(Lang::Nb)
            .starts_with("En sak kan ikke vise til seg selv."),
        "{e:?}"
    );
    let c37 = s.case_by_number(EH, "37/25").unwrap();
    let c40 = s.case_by_number("NUIT", "40/25").unwrap();
    let e = refused(s, "link twice", || s.link_case(&c37.id, &c40.id));
    assert!(matches!(
        e,
        Error::Duplicate {
            what: Thing::Link,
            ..
        }
    ));
    // A placed case cannot be placed again; another body's case cannot be placed here.
    let eh = s.body_by_short(EH).unwrap();
    let draft = meeting(s, &eh.id, "", "2025-12-20");
    for (what, id) in [("placed", c31.id.clone()), ("other body", c40.id.clone())] {
        let e = refused(s, what, || {
            s.add_item(
                &draft.id,
                &ItemInput {
                    kind: ItemKind::Case,
                    case_id: Some(id.clone()),
                    ..Default::default()
                },
                None,
            )
        });
        assert_eq!(invalid(&e).0, "case", "{what}");
    }
    // A case type in use cannot be removed.
    let drofting = s
        .case_types(&eh.id)
        .unwrap()
        .into_iter()
        .find(|t| t.name == "Drøfting")
        .unwrap();
    let e = refused(s, "case type", || s.remove_case_type(&drofting.id));
    assert!(
        e.message(Lang::Nb).starts_with("Sakstypen brukes av "),
        "{}",
        e.message(Lang::Nb)
    );
    // Status order.
    let m4 = s.meeting_by_number(EH, "4/2025").unwrap();
    let e = refused(s, "send twice", || s.send_agenda(&m4.id));
    assert_eq!(
        e.message(Lang::Nb),
        "Møtestatus kan ikke gå fra «dagsorden sendt» til «dagsorden sendt». Rekkefølgen er utkast → dagsorden sendt → avholdt → referat godkjent."
    );
}

#[test]
fn locked_record_outside_the_correction_path() {
    let d = demo();
    let s = &d.store;
    let m3 = s.meeting_by_number(EH, "3/2025").unwrap();
    let c31 = s.case_by_number(EH, "31/25").unwrap();
    s.accept_proposal(&c31.id).unwrap();
    s.approve_minutes(&m3.id, &c31.id).unwrap();
    let c26 = s.case_by_number(EH, "26/25").unwrap();
    let e = refused(s, "locked", || s.record_decision(&c26.id, "Nytt"));
    assert!(matches!(e, Error::Locked { ref meeting } if meeting == "3/2025"));
    let e = refused(s, "empty reason", || {
        s.correct(" ", |s| s.record_decision(&c26.id, "Nytt"))
    });
    assert_eq!(invalid(&e), ("reason", Problem::Empty));
}

// ------------------------------------------------------------------------------------------------
// Property-style: many random operations never panic, every refusal leaves the record unchanged,
// and the numbering rule holds after every step.

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> Option<&'a T> {
        if v.is_empty() {
            None
        } else {
            Some(&v[self.below(v.len())])
        }
    }
}

const WORDS: &[&str] = &[
    "Budsjett",
    "møte",
    "Åpen sak",
    "MILA",
    "helsedataforordningen",
    "\"quoted\"",
    "NEAR(a b)",
    "a OR b",
    "*",
    "(",
    ")",
    "'",
    "32/25",
    "ÆØÅ æøå",
    "😀",
    "",
    "   ",
    "a\u{7}b",
    "line\nbreak",
    "tab\there",
    "\u{0}",
    "\u{E000}",
    "-",
    "^",
];

fn text(r: &mut Rng) -> String {
    match r.below(20) {
        0 => "x".repeat(MAX_LINE + 1),
        1 => "y".repeat(MAX_LINE),
        _ => {
            let n = 1 + r.below(3);
            (0..n)
                .map(|_| *r.pick(WORDS).unwrap())
                .collect::<Vec<_>>()
                .join(" ")
        }
    }
}

fn date(r: &mut Rng) -> String {
    let year = [2025, 2026][r.below(2)];
    match r.below(12) {
        0 => "2025-02-30".into(),
        1 => "".into(),
        2 => "11.12.2025".into(),
        _ => format!("{year}-{:02}-{:02}", 1 + r.below(12), 1 + r.below(28)),
    }
}

fn time(r: &mut Rng) -> String {
    match r.below(10) {
        0 => "25:00".into(),
        1 => "ti".into(),
        _ => format!("{:02}:{:02}", 7 + r.below(12), [0, 15, 30, 45][r.below(4)]),
    }
}

#[derive(Default)]
struct Known {
    bodies: Vec<String>,
    meetings: Vec<String>,
    items: Vec<String>,
    cases: Vec<String>,
    actions: Vec<String>,
    innspill: Vec<String>,
    people: Vec<String>,
}

fn id_or_bogus(r: &mut Rng, v: &[String]) -> String {
    if r.chance(5) {
        return "00000000-0000-4000-8000-000000000000".into();
    }
    r.pick(v).cloned().unwrap_or_else(|| "none".into())
}

/// One random operation. Ids it creates are remembered.
fn step(s: &Store, r: &mut Rng, k: &mut Known) -> quorum_record::Result<()> {
    match r.below(24) {
        0 => {
            let b = s.create_body(&BodyInput {
                short_name: if r.chance(70) {
                    format!("B{}", r.below(6))
                } else {
                    text(r)
                },
                name: text(r),
                default_place: "Oslo".into(),
                ..Default::default()
            })?;
            k.bodies.push(b.id);
        }
        1 | 2 => {
            let body = id_or_bogus(r, &k.bodies);
            let number = if r.chance(60) {
                String::new()
            } else {
                format!("{}/{}", r.below(5), [2025, 2026, 25][r.below(3)])
            };
            let m = s.create_meeting(
                &body,
                &MeetingInput {
                    number,
                    date: date(r),
                    start: time(r),
                    end: time(r),
                    place: if r.chance(90) { "Oslo".into() } else { text(r) },
                    remote: r.chance(20),
                    ..Default::default()
                },
            )?;
            k.meetings.push(m.id);
        }
        3..=6 => {
            let meeting = id_or_bogus(r, &k.meetings);
            let kind = [
                "case",
                "case",
                "break",
                "open",
                "orientation",
                "continuation",
                "bogus",
            ][r.below(7)];
            let mut input = ItemInput {
                kind: ItemKind::parse(kind)?,
                title: text(r),
                duration_min: [0, 5, 30, 60, -1, 2000][r.below(6)],
                ..Default::default()
            };
            if kind == "case" {
                if r.chance(30) && !k.cases.is_empty() {
                    input.case_id = Some(id_or_bogus(r, &k.cases));
                } else {
                    input.new_case = Some(CaseInput {
                        title: text(r),
                        case_type: ["Drøfting", "Orientering", "", "Tull"][r.below(4)].into(),
                        summary: text(r),
                        proposal: if r.chance(50) { None } else { Some(text(r)) },
                        ..Default::default()
                    });
                }
            }
            if kind == "continuation" {
                input.continues_case_id = Some(id_or_bogus(r, &k.cases));
            }
            let pos = if r.chance(50) {
                None
            } else {
                Some(r.below(8) as i64 - 1)
            };
            let it = s.add_item(&meeting, &input, pos)?;
            if let Some(c) = it.case_id.clone() {
                k.cases.push(c);
            }
            k.items.push(it.id);
        }
        7 => {
            let body = id_or_bogus(r, &k.bodies);
            let c = s.create_case(
                &body,
                2025,
                &CaseInput {
                    title: text(r),
                    ..Default::default()
                },
            )?;
            k.cases.push(c.id);
        }
        8 | 9 => {
            let item = id_or_bogus(r, &k.items);
            s.move_item(&item, r.below(10) as i64 - 2)?;
        }
        10 => {
            let item = id_or_bogus(r, &k.items);
            s.remove_item(&item)?;
        }
        11 => {
            let m = id_or_bogus(r, &k.meetings);
            match r.below(3) {
                0 => s.send_agenda(&m).map(drop)?,
                1 => s.mark_held(&m).map(drop)?,
                _ => {
                    let c = id_or_bogus(r, &k.cases);
                    s.approve_minutes(&m, &c).map(drop)?
                }
            }
        }
        12 | 13 => {
            let c = id_or_bogus(r, &k.cases);
            match r.below(3) {
                0 => s.accept_proposal(&c).map(drop)?,
                1 => s.record_decision(&c, &text(r)).map(drop)?,
                _ => s.clear_decision(&c).map(drop)?,
            }
        }
        14 => {
            let item = id_or_bogus(r, &k.items);
            let i = s.add_innspill(
                &item,
                &text(r),
                if r.chance(50) {
                    None
                } else {
                    Some(r.below(4) as i64)
                },
            )?;
            k.innspill.push(i.id);
        }
        15 => {
            let i = id_or_bogus(r, &k.innspill);
            if r.chance(50) {
                s.remove_innspill(&i)?;
            } else {
                s.update_innspill(&i, &text(r)).map(drop)?;
            }
        }
        16 => {
            let item = id_or_bogus(r, &k.items);
            let a = s.add_action(
                &item,
                &ActionInput {
                    text: text(r),
                    responsible: text(r),
                    due: [Due::None, Due::NextMeeting, Due::Date(date(r))][r.below(3)].clone(),
                },
            )?;
            k.actions.push(a.id);
        }
        17 => {
            let a = id_or_bogus(r, &k.actions);
            let status = ["open", "done", "cancelled", "bogus"][r.below(4)];
            let note = if r.chance(50) { String::new() } else { text(r) };
            s.set_action_status(&a, ActionStatus::parse(status)?, &note)
                .map(drop)?;
        }
        18 => {
            let item = id_or_bogus(r, &k.items);
            s.set_narrative(&item, &text(r))?;
        }
        19 => {
            let reason = if r.chance(20) { String::new() } else { text(r) };
            let c = id_or_bogus(r, &k.cases);
            let t = text(r);
            s.correct(&reason, |s| s.record_decision(&c, &t))
                .map(drop)?;
        }
        20 => {
            let body = id_or_bogus(r, &k.bodies);
            s.set_first_case_number(&body, [2025, 2026][r.below(2)], r.below(40) as i64)?;
        }
        21 => {
            if r.chance(50) || k.people.is_empty() {
                let p = s.create_person(&PersonInput {
                    name: text(r),
                    ..Default::default()
                })?;
                k.people.push(p.id);
            } else {
                let m = id_or_bogus(r, &k.meetings);
                let p = id_or_bogus(r, &k.people);
                let status = ["present", "absent", "substitute", "guest", "bogus"][r.below(5)];
                let sub = if status == "substitute" {
                    Some(id_or_bogus(r, &k.people))
                } else {
                    None
                };
                s.set_attendance(
                    &m,
                    &AttendanceInput {
                        person_id: p,
                        status: AttendanceStatus::parse(status)?,
                        substitute_for: sub,
                        remote: r.chance(30),
                    },
                )
                .map(drop)?;
            }
        }
        22 => {
            let m = id_or_bogus(r, &k.meetings);
            s.update_meeting(
                &m,
                &MeetingInput {
                    number: String::new(),
                    date: date(r),
                    start: time(r),
                    end: time(r),
                    place: "Oslo".into(),
                    ..Default::default()
                },
            )
            .map(drop)?;
        }
        _ => {
            let item = id_or_bogus(r, &k.items);
            s.update_item(
                &item,
                &ItemUpdate {
                    title: text(r),
                    duration_min: [0, 10, 45, -5][r.below(4)],
                    ..Default::default()
                },
            )
            .map(drop)?;
        }
    }
    Ok(())
}

/// The numbering rule: in every body and year, placed cases are numbered consecutively in agenda
/// order across the year's meetings (in date order), without duplicates.
fn check_invariants(s: &Store, k: &Known, r: &mut Rng) {
    for b in s.bodies().unwrap() {
        for year in [2025, 2026] {
            let mut nums = Vec::new();
            for m in s.meetings(&b.id, Some(year)).unwrap() {
                for it in s.agenda(&m.id).unwrap() {
                    if it.kind == ItemKind::Case {
                        let n = it
                            .case_number
                            .clone()
                            .unwrap_or_else(|| panic!("unnumbered case on {}", m.number));
                        let c = quorum_record::numbers::CaseNumber::parse(&n).unwrap();
                        assert_eq!(c.year, year, "{n} on {}", m.number);
                        nums.push(c.number);
                    }
                }
                s.timetable(&m.id).unwrap();
            }
            for w in nums.windows(2) {
                assert_eq!(w[1], w[0] + 1, "{} {year}: {nums:?}", b.short_name);
            }
        }
    }
    for c in &k.cases {
        if let Ok(c) = s.case(c) {
            assert_eq!(c.number.is_some(), c.item_id.is_some(), "{c:?}");
            assert_eq!(
                c.amended,
                c.decision.as_deref().is_some_and(|d| d != c.proposal)
            );
        }
    }
    let q = quorum_record::search::SearchQuery {
        text: text(r),
        ..Default::default()
    };
    s.search(&q).unwrap();
}

#[test]
fn random_operations_never_panic_and_refusals_change_nothing() {
    for seed in [0x9E37_79B9_7F4A_7C15u64, 42, 2025] {
        let d = db();
        let s = &d.store;
        let mut r = Rng(seed);
        let mut k = Known::default();
        let (mut ok, mut refused) = (0, 0);
        for i in 0..500 {
            let before = snapshot(s);
            match step(s, &mut r, &mut k) {
                Ok(()) => ok += 1,
                Err(e) => {
                    refused += 1;
                    assert!(
                        !matches!(e, Error::Db(_) | Error::Migration(_)),
                        "seed {seed} step {i}: untyped {e:?}"
                    );
                    assert!(!e.message(Lang::Nb).is_empty() && !e.message(Lang::En).is_empty());
                    assert!(
                        snapshot(s) == before,
                        "seed {seed} step {i}: refused {e:?} but changed the record"
                    );
                }
            }
            check_invariants(s, &k, &mut r);
        }
        assert!(
            // Locked minutes refuse much of what the operations try, so fewer succeed.
            ok > 75 && refused > 100,
            "seed {seed}: {ok} ok, {refused} refused"
        );
        // The record still round-trips.
        let json = snapshot(s);
        let e = db();
        e.store.import_json(&json).unwrap();
        assert_eq!(snapshot(&e.store), json);
    }
}
