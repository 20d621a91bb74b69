//! Full-text search (FTS5): fields, case folding, filters, ranking, snippets, and user text that
//! looks like FTS syntax.

use crate::common;

use common::*;
use quorum_record::agenda::ItemInput;
use quorum_record::cases::CaseInput;
use quorum_record::record::ActionInput;
use quorum_record::search::{SearchHit, SearchQuery, HIT_END, HIT_START};
use quorum_record::vocab::*;
use quorum_record::{Error, Store};

fn q(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        ..Default::default()
    }
}

fn find(s: &Store, text: &str) -> Vec<SearchHit> {
    s.search(&q(text)).unwrap()
}

fn numbers(hits: &[SearchHit]) -> Vec<String> {
    hits.iter()
        .map(|h| {
            h.case_number
                .clone()
                .unwrap_or_else(|| format!("({})", h.title))
        })
        .collect()
}

#[test]
fn demo_helsedataforordningen_finds_26_25_with_its_decision() {
    let d = demo();
    let hits = find(&d.store, "helsedataforordningen");
    assert_eq!(numbers(&hits), ["26/25"]);
    let h = &hits[0];
    assert_eq!(h.body, "E-helserådet");
    assert_eq!(h.meeting_number, "3/2025");
    assert_eq!(h.meeting_date, "2025-10-16");
    assert_eq!(h.title, "Konsekvenser av Helsedataforordningen");
    assert_eq!(h.case_type, "Drøfting");
    assert_eq!(
        h.decision.as_deref(),
        Some("Nasjonalt e-helseråd drøftet saken. Folkehelseinstituttet og Helsedirektoratet tar med seg innspill fra møtet inn i det videre arbeidet med å utrede konsekvenser av helsedataforordningen.")
    );
    assert_eq!(h.field, SearchField::Title);
    assert_eq!(
        h.snippet,
        format!("Konsekvenser av {HIT_START}Helsedataforordningen{HIT_END}")
    );
    assert!(!h.exempt);
}

#[test]
fn demo_mila_finds_the_action_point_of_24_25() {
    let d = demo();
    let s = &d.store;
    let hits = find(s, "MILA");
    assert_eq!(numbers(&hits), ["34/25", "24/25"]);
    let h = hits
        .iter()
        .find(|h| h.case_number.as_deref() == Some("24/25"))
        .unwrap();
    assert_eq!(h.field, SearchField::Action);
    assert_eq!(
        h.snippet,
        format!("Helse Sør-Øst RHF presenterer {HIT_START}MILA{HIT_END}-prosjektet i neste møte i Nasjonalt e-helseråd. (Helse Sør-Øst RHF)")
    );
    assert_eq!(h.meeting_number, "3/2025");
    let h34 = &hits[0];
    assert_eq!(h34.field, SearchField::Title);
    assert_eq!(h34.decision, None);
    // Lower case and a prefix find the same.
    assert_eq!(numbers(&find(s, "mila")), ["34/25", "24/25"]);
    assert_eq!(numbers(&find(s, "mil")), numbers(&find(s, "MIL")));
}

#[test]
fn case_folding_finds_norwegian_letters_in_any_case() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m = meeting(s, &b.id, "1/2025", "2025-03-10");
    add_case(s, &m.id, "Møte om budsjett");
    add_case(s, &m.id, "Årsrapport");
    for text in ["møte", "MØTE", "Møte", "mØtE"] {
        let hits = find(s, text);
        assert_eq!(numbers(&hits), ["1/25"], "{text}");
        assert_eq!(
            hits[0].snippet,
            format!("{HIT_START}Møte{HIT_END} om budsjett"),
            "{text}"
        );
    }
    assert_eq!(numbers(&find(s, "årsrapport")), ["2/25"]);
    assert_eq!(numbers(&find(s, "ÅRSRAPPORT")), ["2/25"]);
    assert!(find(s, "møtene").is_empty());
    assert!(find(s, "ingenting-her").is_empty());
}

#[test]
fn every_field_is_searchable_and_follows_changes() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m = meeting(s, &b.id, "1/2025", "2025-03-10");
    let item = s
        .add_item(
            &m.id,
            &ItemInput {
                kind: ItemKind::Case,
                duration_min: 10,
                new_case: Some(CaseInput {
                    title: "Tittelord".into(),
                    case_type: "Drøfting".into(),
                    summary: "Sammendragsord".into(),
                    proposal: Some("Forslagsord".into()),
                    ..Default::default()
                }),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    let case_id = item.case_id.clone().unwrap();
    s.set_narrative(&item.id, "Referatord").unwrap();
    s.add_innspill(&item.id, "Innspillord", None).unwrap();
    let a = s
        .add_action(
            &item.id,
            &ActionInput {
                text: "Aksjonsord".into(),
                responsible: "Ansvarligord".into(),
                due: quorum_record::model::Due::None,
            },
        )
        .unwrap();
    s.record_decision(&case_id, "Vedtaksord").unwrap();
    for (word, field) in [
        ("tittelord", SearchField::Title),
        ("sammendragsord", SearchField::Summary),
        ("forslagsord", SearchField::Proposal),
        ("vedtaksord", SearchField::Decision),
        ("referatord", SearchField::Narrative),
        ("innspillord", SearchField::Innspill),
        ("aksjonsord", SearchField::Action),
        ("ansvarligord", SearchField::Action),
    ] {
        let hits = find(s, word);
        assert_eq!(hits.len(), 1, "{word}");
        assert_eq!(hits[0].field, field, "{word}");
        assert_eq!(hits[0].case_number.as_deref(), Some("1/25"));
    }
    // Changes are followed.
    s.update_case(
        &case_id,
        &CaseInput {
            title: "Nytittel".into(),
            case_type: "Drøfting".into(),
            proposal: Some("Forslagsord".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(find(s, "tittelord").is_empty());
    assert!(find(s, "sammendragsord").is_empty());
    assert_eq!(find(s, "nytittel").len(), 1);
    s.remove_action(&a.id).unwrap();
    assert!(find(s, "aksjonsord").is_empty());
    s.clear_decision(&case_id).unwrap();
    assert!(find(s, "vedtaksord").is_empty());
    // Off the agenda: not found any more.
    s.remove_item(&item.id).unwrap();
    assert!(find(s, "nytittel").is_empty());
    assert!(find(s, "innspillord").is_empty());
    // Unnumbered items are found too.
    add_break(s, &m.id, "Lunsjpause", 30);
    let hits = find(s, "lunsjpause");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].case_number, None);
    assert_eq!(hits[0].case_id, None);
    assert_eq!(hits[0].title, "Lunsjpause");
}

/// Two bodies, two years, two case types, all about "budsjett".
fn filter_record(s: &Store) {
    let r = body(s, "R", "Rådet");
    let u = body(s, "U", "Utvalget");
    let r25 = meeting(s, &r.id, "1/2025", "2025-03-10");
    let r26 = meeting(s, &r.id, "1/2026", "2026-03-10");
    let u25 = meeting(s, &u.id, "1/2025", "2025-04-10");
    add_case(s, &r25.id, "Budsjett R 2025");
    s.add_item(
        &r26.id,
        &ItemInput {
            kind: ItemKind::Case,
            duration_min: 10,
            new_case: Some(CaseInput {
                title: "Budsjett R 2026".into(),
                case_type: "Orientering".into(),
                ..Default::default()
            }),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    add_case(s, &u25.id, "Budsjett U 2025");
}

#[test]
fn filters_on_body_year_and_type() {
    let d = db();
    let s = &d.store;
    filter_record(s);
    let titles = |query: SearchQuery| -> Vec<String> {
        let mut t: Vec<String> = s
            .search(&query)
            .unwrap()
            .into_iter()
            .map(|h| h.title)
            .collect();
        t.sort();
        t
    };
    assert_eq!(
        titles(q("budsjett")),
        ["Budsjett R 2025", "Budsjett R 2026", "Budsjett U 2025"]
    );
    assert_eq!(
        titles(SearchQuery {
            body: Some("R".into()),
            ..q("budsjett")
        }),
        ["Budsjett R 2025", "Budsjett R 2026"]
    );
    assert_eq!(
        titles(SearchQuery {
            year: Some(2025),
            ..q("budsjett")
        }),
        ["Budsjett R 2025", "Budsjett U 2025"]
    );
    assert_eq!(
        titles(SearchQuery {
            case_type: Some("orientering".into()),
            ..q("budsjett")
        }),
        ["Budsjett R 2026"]
    );
    assert_eq!(
        titles(SearchQuery {
            body: Some("U".into()),
            year: Some(2026),
            ..q("budsjett")
        }),
        Vec::<String>::new()
    );
    assert_eq!(
        titles(SearchQuery {
            body: Some("R".into()),
            year: Some(2025),
            case_type: Some("Drøfting".into()),
            ..q("budsjett")
        }),
        ["Budsjett R 2025"]
    );
    // Empty filters are no filters.
    assert_eq!(
        titles(SearchQuery {
            body: Some(" ".into()),
            case_type: Some("".into()),
            ..q("budsjett")
        })
        .len(),
        3
    );
    // Limit.
    assert_eq!(
        s.search(&SearchQuery {
            limit: Some(1),
            ..q("budsjett")
        })
        .unwrap()
        .len(),
        1
    );
    // An unknown body in the filter is a typed error.
    let err = s
        .search(&SearchQuery {
            body: Some("Ukjent".into()),
            ..q("budsjett")
        })
        .unwrap_err();
    assert!(
        matches!(err, Error::NotFound { what: quorum_record::error::Thing::Body, ref key } if key == "Ukjent"),
        "{err:?}"
    );
}

#[test]
fn ranking_puts_the_best_match_first() {
    let d = db();
    let s = &d.store;
    let b = body(s, "R", "Rådet");
    let m = meeting(s, &b.id, "1/2025", "2025-03-10");
    let filler = "Dette er en lang tekst om mye annet enn det vi leter etter, med mange ord som fyller opp. ".repeat(8);
    s.add_item(
        &m.id,
        &ItemInput {
            kind: ItemKind::Case,
            duration_min: 10,
            new_case: Some(CaseInput {
                title: "Diverse".into(),
                summary: format!("{filler} Kjernejournal nevnes én gang. {filler}"),
                ..Default::default()
            }),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    add_case(s, &m.id, "Kjernejournal");
    s.add_item(
        &m.id,
        &ItemInput {
            kind: ItemKind::Case,
            duration_min: 10,
            new_case: Some(CaseInput {
                title: "Kjernejournal og kjernejournal".into(),
                summary: "Kjernejournal, kjernejournal, kjernejournal.".into(),
                ..Default::default()
            }),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    let hits = find(s, "kjernejournal");
    let titles: Vec<&str> = hits.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(titles.len(), 3);
    assert_eq!(
        titles[2], "Diverse",
        "the long text with one mention ranks last: {titles:?}"
    );
    assert_eq!(hits[2].field, SearchField::Summary);
    assert!(hits[2]
        .snippet
        .contains(&format!("{HIT_START}Kjernejournal{HIT_END} nevnes én gang")));
    assert!(
        hits[2].snippet.starts_with('…') && hits[2].snippet.ends_with('…'),
        "{}",
        hits[2].snippet
    );
}

#[test]
fn fts_syntax_in_user_text_never_errors() {
    let d = demo();
    let s = &d.store;
    let inputs = [
        "\"",
        "\"MILA",
        "MILA\"",
        "\"MILA\"",
        "NEAR(MILA helse)",
        "NEAR(MILA helse, 2)",
        "MILA OR helse",
        "MILA AND",
        "OR",
        "AND",
        "NOT",
        "NOT MILA",
        "*",
        "MILA*",
        "*MILA",
        "(MILA",
        "MILA)",
        "()",
        "(((",
        "-MILA",
        "^MILA",
        "+MILA",
        "text:MILA",
        "field:action",
        "{text field}: MILA",
        "MILA:",
        "'",
        "''",
        "MILA'",
        "a\"b\"c",
        "\\",
        "%",
        "_",
        "MILA; DROP TABLE case;--",
        "\u{E000}MILA\u{E001}",
        "\u{0}",
        "   ",
        "",
        "ø",
        "😀",
        "MILA    helse",
        "MILA-prosjektet",
        "e-helseråd",
        "32/25",
    ];
    for text in inputs {
        match s.search(&q(text)) {
            Ok(_) => {}
            Err(e) => panic!("{text:?} gave {e:?}"),
        }
    }
    // Operators typed by users are plain words: "OR" does not widen the search.
    assert!(find(s, "MILA OR zzzzz").is_empty());
    assert_eq!(numbers(&find(s, "\"MILA\"")), ["34/25", "24/25"]);
    assert_eq!(numbers(&find(s, "(MILA)")), ["34/25", "24/25"]);
    assert_eq!(numbers(&find(s, "MILA*")), ["34/25", "24/25"]);
    assert!(find(s, "").is_empty());
    assert!(find(s, "*").is_empty());
    // Hyphenated words match as in the text.
    assert_eq!(numbers(&find(s, "MILA-prosjektet")), ["24/25"]);
}

#[test]
fn exempt_cases_are_marked_in_hits() {
    let d = demo();
    let s = &d.store;
    let c = s.case_by_number(EH, "26/25").unwrap();
    s.set_exempt(&c.id, true, "offl. § 14").unwrap();
    let hits = find(s, "helsedataforordningen");
    assert!(hits[0].exempt);
    s.set_exempt(&c.id, false, "").unwrap();
    assert!(!find(s, "helsedataforordningen")[0].exempt);
}

#[test]
fn search_works_after_import_into_a_new_file() {
    let d = demo();
    let json = snapshot(&d.store);
    let e = db();
    e.store.import_json(&json).unwrap();
    assert_eq!(numbers(&find(&e.store, "helsedataforordningen")), ["26/25"]);
    assert_eq!(numbers(&find(&e.store, "MILA")), ["34/25", "24/25"]);
}
