//! Consultations (høring): questions, categories, responses typed and imported (XLSX, CSV, a
//! filled Word form), handling marks under the summary's headings, the tally, search and
//! transfer; the demo's 2022 e-health strategy consultation.

use crate::common::*;
use quorum_record::consultations::{ConsultationInput, QuestionInput};
use quorum_record::error::{Invalid, Problem};
use quorum_record::handling::{HandlingInput, HeadingInput};
use quorum_record::intake::{read_sheet, SheetKind};
use quorum_record::responses::{AnswerInput, ResponseInput, ResponseQuery};
use quorum_record::vocab::{Handling, ResponseSource};
use quorum_record::{Error, Lang, Store};
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/consultation")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A consultation shaped like the demo's, on a fresh body.
fn strategy(s: &Store) -> String {
    let b = body(s, "Rådet", "Nasjonalt råd");
    let c = s
        .create_consultation(
            &b.id,
            &ConsultationInput {
                title: "Høring av strategien".into(),
                sent_date: "2022-05-31".into(),
                deadline: "2022-10-01".into(),
                ..Default::default()
            },
        )
        .unwrap();
    s.add_question(
        &c.id,
        &QuestionInput {
            text: "Kan dere stille dere bak de fem strategiske målene, gitt strategiens rolle for å skape en felles langsiktig og forutsigbar retning for digitalisering på tvers av aktørene i helse- og omsorgssektoren?".into(),
            choices: vec!["Ja, utdyp gjerne".into(), "Nei, utdyp gjerne".into(), "Vet ikke, utdyp gjerne".into()],
            parts: vec![],
        },
    )
    .unwrap();
    s.add_question(
        &c.id,
        &QuestionInput {
            text: "Har dere tilbakemelding på de fem strategiske målene med målindikatorer?".into(),
            choices: vec![],
            parts: (1..=5)
                .map(|n| match n {
                    1 => "Mål 1: Aktiv medvirkning i egen og næres helse".to_string(),
                    4 => "Mål 4: Tilgjengelig informasjon og styrket samhandling".to_string(),
                    n => format!("Mål {n}"),
                })
                .collect(),
        },
    )
    .unwrap();
    for text in [
        "Har dere tilbakemeldinger på prosessen for hvordan strategien skal følges opp?",
        "Andre innspill og tilbakemeldinger?",
    ] {
        s.add_question(
            &c.id,
            &QuestionInput {
                text: text.into(),
                ..Default::default()
            },
        )
        .unwrap();
    }
    c.id
}

fn count(s: &Store, table: &str) -> i64 {
    let path = s.path().unwrap().to_path_buf();
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_consultation_has_its_questions_in_order_and_the_usual_categories() {
    let d = db();
    let s = &d.store;
    let id = strategy(s);
    let c = s.consultation(&id).unwrap();
    assert_eq!(
        c.questions.iter().map(|q| q.number).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    assert_eq!(c.questions[0].choices.len(), 3);
    assert_eq!(c.questions[1].parts.len(), 5);
    let cats = s.categories(&c.body_id).unwrap();
    assert_eq!(cats[0].name, "Kommune");
    assert!(cats.iter().any(|k| k.name == "Privatperson"));
    // Editable: added, renamed, a duplicate refused whatever its case.
    let k = s.add_category(&c.body_id, "Tannhelse").unwrap();
    s.rename_category(&k.id, "Tannhelsetjenesten").unwrap();
    assert!(matches!(
        s.add_category(&c.body_id, "kommune"),
        Err(Error::Duplicate { .. })
    ));
    // A deadline before the sending is refused in the user's words.
    let e = s
        .update_consultation(
            &id,
            &ConsultationInput {
                title: "X".into(),
                sent_date: "2022-05-31".into(),
                deadline: "2022-05-01".into(),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert!(
        e.message(Lang::Nb).contains("Høringsfristen"),
        "{}",
        e.message(Lang::Nb)
    );
    assert!(e.message(Lang::En).contains("deadline"));
}

#[test]
fn a_typed_response_is_checked_and_its_answers_keep_their_handling() {
    let d = db();
    let s = &d.store;
    let id = strategy(s);
    let c = s.consultation(&id).unwrap();
    let q1 = &c.questions[0];
    let input = ResponseInput {
        respondent: "Testvik kommune".into(),
        category: Some("kommune".into()),
        received: "2022-09-30".into(),
        publishable: true,
        answers: vec![
            AnswerInput {
                question_id: q1.id.clone(),
                choice: Some("Ja".into()),
                text: "Målene er gode, men finansieringen mangler.".into(),
                ..Default::default()
            },
            AnswerInput {
                question_id: c.questions[1].id.clone(),
                part_id: Some(c.questions[1].parts[0].id.clone()),
                text: "Enig.".into(),
                ..Default::default()
            },
        ],
    };
    let r = s.add_response(&id, &input).unwrap();
    assert_eq!(r.number, 1);
    assert_eq!(r.category.as_ref().unwrap().name, "Kommune");
    assert_eq!(
        r.answers[0].choice.as_ref().unwrap().label,
        "Ja, utdyp gjerne"
    );
    assert_eq!(r.source, ResponseSource::Typed);

    // A passage must be in the answer.
    let h = s
        .add_heading(
            &id,
            &HeadingInput {
                title: "Strategiske mål".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let sub = s
        .add_heading(
            &id,
            &HeadingInput {
                parent_id: Some(h.id.clone()),
                title: "Mål 1".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!((h.number.as_str(), sub.number.as_str()), ("2.1", "2.1.1"));
    let bad = s.mark_answer(
        &r.answers[0].id,
        &HandlingInput {
            heading_id: Some(h.id.clone()),
            passage: "står ikke der".into(),
            outcome: Handling::Taken,
            comment: String::new(),
        },
    );
    assert!(matches!(
        bad,
        Err(Error::Invalid(Invalid {
            field: "passage",
            ..
        }))
    ));
    let m = s
        .mark_answer(
            &r.answers[0].id,
            &HandlingInput {
                heading_id: Some(sub.id.clone()),
                passage: "finansieringen mangler".into(),
                outcome: Handling::Partly,
                comment: "Omtalt i planen.".into(),
            },
        )
        .unwrap();
    assert_eq!(m.outcome.label(Lang::Nb), "delvis hensyntatt");

    // Editing the response keeps the answer (and its mark) where the question is the same.
    let mut changed = input.clone();
    changed.answers[0].text = "Målene er gode, men finansieringen mangler. Og mer.".into();
    changed.answers.pop();
    let r2 = s.update_response(&r.id, &changed).unwrap();
    assert_eq!(r2.answers.len(), 1);
    assert_eq!(r2.answers[0].id, r.answers[0].id);
    assert_eq!(s.marks(&id).unwrap().len(), 1);

    // Bad input names the field; nothing is written.
    let before = count(s, "response");
    for (bad, field) in [
        (
            ResponseInput {
                respondent: " ".into(),
                ..input.clone()
            },
            "respondent",
        ),
        (
            ResponseInput {
                category: Some("Kommuner".into()),
                ..input.clone()
            },
            "category",
        ),
        (
            ResponseInput {
                received: "2022-02-30".into(),
                ..input.clone()
            },
            "received",
        ),
        (
            ResponseInput {
                answers: vec![AnswerInput {
                    question_id: q1.id.clone(),
                    choice: Some("Kanskje".into()),
                    ..Default::default()
                }],
                ..input.clone()
            },
            "choice",
        ),
    ] {
        match s.add_response(&id, &bad) {
            Err(Error::Invalid(i)) => assert_eq!(i.field, field, "{}", i.message(Lang::Nb)),
            other => panic!("{field}: {other:?}"),
        }
    }
    assert_eq!(count(s, "response"), before);
    // An answered choice cannot be removed from the question.
    let e = s
        .update_question(
            &q1.id,
            &QuestionInput {
                text: q1.text.clone(),
                choices: vec!["Nei, utdyp gjerne".into()],
                parts: vec![],
            },
        )
        .unwrap_err();
    assert!(
        e.message(Lang::Nb).contains("svar bruker"),
        "{}",
        e.message(Lang::Nb)
    );
}

#[test]
fn a_spreadsheet_of_100_responses_imports_after_its_mapping_is_confirmed() {
    for (file, kind) in [
        ("responses-100.xlsx", SheetKind::Xlsx),
        ("responses-100.csv", SheetKind::Csv),
    ] {
        let d = db();
        let s = &d.store;
        let id = strategy(s);
        let sheet = read_sheet(&fixture(file), kind).unwrap();
        assert_eq!(sheet.rows.len(), 100, "{file}");
        let m = s.propose_mapping(&id, &sheet).unwrap();
        assert_eq!(m.respondent.as_deref(), Some("Høringsinstans"), "{file}");
        assert_eq!(m.category.as_deref(), Some("Kategori"));
        assert_eq!(m.received.as_deref(), Some("Tidspunkt"));
        assert_eq!(m.publishable.as_deref(), Some("Kan publiseres"));
        let q1 = &m.answers[0];
        assert_eq!(q1.question, 1);
        assert_eq!(
            q1.choice.as_deref(),
            Some("1) Kan dere stille dere bak de fem strategiske målene?")
        );
        assert_eq!(q1.text.as_deref(), Some("1) Utdyp gjerne"));
        assert_eq!(
            m.answers[1].part.as_deref(),
            Some("Mål 1: Aktiv medvirkning i egen og næres helse")
        );
        assert_eq!(m.answers.len(), 4);

        let done = s.import_sheet(&id, &sheet, &m).unwrap();
        assert_eq!(done.responses, 100);
        let all = s.responses(&id).unwrap();
        assert_eq!(all.len(), 100);
        assert_eq!(all[0].received, "2022-09-01");
        assert_eq!(all[0].source, ResponseSource::Spreadsheet);
        assert!(!all[9].publishable);

        let t = s.tally(&id, false).unwrap();
        assert_eq!(t.responses, 100);
        let q = &t.questions[0];
        assert_eq!(
            q.choices.iter().map(|c| c.count).collect::<Vec<_>>(),
            [60, 20, 20]
        );
        assert!((q.choices[0].share - 0.6).abs() < 1e-9);
        let kommune = t
            .per_category
            .iter()
            .find(|c| c.category.as_deref() == Some("Kommune"))
            .unwrap();
        assert_eq!(kommune.count, 12);
        let by_kommune = q
            .by_category
            .iter()
            .find(|c| c.category.as_deref() == Some("Kommune"))
            .unwrap();
        assert_eq!(by_kommune.answered, 12);
        // The public tally counts the publishable responses only.
        assert_eq!(s.tally(&id, true).unwrap().responses, 90);

        // The text is searchable.
        let hits = s
            .search_responses(&ResponseQuery {
                text: "utenforsk".into(),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(hits.len(), 25, "{file}");
        assert!(hits[0].snippet.contains('\u{E000}'));
    }
}

#[test]
fn a_malformed_spreadsheet_is_refused_with_its_row_and_column_and_nothing_is_written() {
    let d = db();
    let s = &d.store;
    let id = strategy(s);
    let sheet = read_sheet(&fixture("malformed.xlsx"), SheetKind::Xlsx).unwrap();
    let m = s.propose_mapping(&id, &sheet).unwrap();
    let e = s.import_sheet(&id, &sheet, &m).unwrap_err();
    match &e {
        Error::Invalid(Invalid {
            problem: Problem::Row { row, column, .. },
            ..
        }) => {
            assert_eq!((*row, column.as_str()), (7, "Kategori"));
        }
        other => panic!("{other:?}"),
    }
    let nb = e.message(Lang::Nb);
    assert!(
        nb.starts_with("Rad 7, kolonne «Kategori»: «Kommmune» er ikke en kategori"),
        "{nb}"
    );
    assert!(nb.ends_with("Ingenting er importert."), "{nb}");
    assert!(e
        .message(Lang::En)
        .starts_with("Row 7, column \"Kategori\""));
    assert_eq!(count(s, "response"), 0);
    assert_eq!(count(s, "response_answer"), 0);
    assert_eq!(count(s, "search_index_response_row"), 0);

    // A CSV row with a field too many, and bytes that are no spreadsheet at all.
    let csv =
        "Høringsinstans;Kategori;Tidspunkt\nA;Kommune;2022-09-01\nB;Kommune;2022-09-01;ekstra\n";
    let e = read_sheet(csv.as_bytes(), SheetKind::Csv).unwrap_err();
    assert!(
        e.message(Lang::Nb).starts_with("Rad 3"),
        "{}",
        e.message(Lang::Nb)
    );
    let e = read_sheet(b"PK\x03\x04 not a zip", SheetKind::Xlsx).unwrap_err();
    assert!(
        e.message(Lang::Nb).contains("ikke en XLSX-fil"),
        "{}",
        e.message(Lang::Nb)
    );
    // A mapping that names a column the sheet lacks.
    let mut wrong = m.clone();
    wrong.category = Some("Type".into());
    let e = s.import_sheet(&id, &sheet, &wrong).unwrap_err();
    assert!(
        e.message(Lang::Nb).contains("ingen kolonne «Type»"),
        "{}",
        e.message(Lang::Nb)
    );
}

#[test]
fn a_filled_word_form_like_seed_001_is_read_by_its_questions_and_checked_box() {
    let d = db();
    let s = &d.store;
    let id = strategy(s);
    let bytes = fixture("form-seed-001.docx");
    let form = s.read_response_form(&id, &bytes).unwrap();
    assert_eq!(
        form.respondent.as_deref(),
        Some("Helsenæringsaktør (seed 001)")
    );
    assert_eq!(form.category.as_deref(), Some("Næringsliv"));
    assert!(form.missing.is_empty(), "{:?}", form.missing);
    let r = s
        .import_response_form(
            &id,
            &bytes,
            &ResponseInput {
                received: "2022-09-30".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(r.source, ResponseSource::Docx);
    let c = s.consultation(&id).unwrap();
    let a1 = &r.answers[0];
    assert_eq!(a1.question_id, c.questions[0].id);
    assert_eq!(a1.choice.as_ref().unwrap().label, "Nei, utdyp gjerne");
    assert!(a1.text.starts_with("Vi er enig i visjonen"), "{}", a1.text);
    assert!(a1
        .text
        .ends_with("Strategien har klare mangler på dette område."));
    let parts: Vec<_> = r.answers.iter().filter(|a| a.part_id.is_some()).collect();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0].text, "Enig i strategien og prinsippene.");
    let a3 = r
        .answers
        .iter()
        .find(|a| a.question_id == c.questions[2].id)
        .unwrap();
    assert!(a3.text.contains("skytjenester & lignende"), "{}", a3.text);
    // Not a Word file.
    let e = s.read_response_form(&id, b"hello").unwrap_err();
    assert!(e.message(Lang::Nb).contains("ikke et Word-dokument"));
}

#[test]
fn the_demo_has_the_2022_e_health_strategy_consultation_with_seed_001s_response() {
    let d = demo();
    let s = &d.store;
    let b = s.body_by_short("E-helserådet").unwrap();
    let cs = s.consultations(&b.id).unwrap();
    assert_eq!(cs.len(), 1);
    let c = &cs[0];
    assert_eq!(
        (c.sent_date.as_str(), c.deadline.as_str()),
        ("2022-05-31", "2022-10-01")
    );
    assert_eq!(c.questions.len(), 4);
    assert_eq!(c.case_ids.len(), 1);
    let rs = s.responses(&c.id).unwrap();
    assert_eq!(rs.len(), 29);
    assert_eq!(
        rs[0].answers[0].choice.as_ref().unwrap().label,
        "Nei, utdyp gjerne"
    );
    assert_eq!(s.marks(&c.id).unwrap().len(), 3);
    let t = s.tally(&c.id, false).unwrap();
    assert_eq!(t.responses, 29);
    assert!(t.per_category.iter().filter(|k| k.count > 0).count() >= 6);
    let hs = s.headings(&c.id).unwrap();
    assert_eq!(
        hs.iter().map(|h| h.number.as_str()).collect::<Vec<_>>(),
        ["2.1", "2.2", "2.2.1", "2.2.2"]
    );
    let hits = s
        .search_responses(&ResponseQuery {
            text: "elefanten i rommet".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].respondent, "Helsenæringsaktør (seed 001)");
}

#[test]
fn consultations_export_and_import_and_a_foreign_reference_is_refused() {
    let d = demo();
    let json = d.store.export_json().unwrap();
    let d2 = db();
    d2.store.import_json(&json).unwrap();
    assert_eq!(d2.store.export_json().unwrap(), json);
    let b = d2.store.body_by_short("E-helserådet").unwrap();
    let c = &d2.store.consultations(&b.id).unwrap()[0];
    assert_eq!(
        d2.store.tally(&c.id, false).unwrap(),
        d.store.tally(&c.id, false).unwrap()
    );
    // The search index of the responses is built by the import.
    let hits = d2
        .store
        .search_responses(&ResponseQuery {
            text: "elefanten".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 1);

    // A response in a category of another body is refused, nothing written.
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ks = d.store.body_by_short("Kommunestyret").unwrap();
    let other = d.store.add_category(&ks.id, "Lag og foreninger").unwrap();
    let mut cats = v["tables"]["respondent_category"]
        .as_array()
        .unwrap()
        .clone();
    cats.push(
        serde_json::json!({"id": other.id, "body_id": ks.id, "name": other.name, "position": 0}),
    );
    cats.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    v["tables"]["respondent_category"] = serde_json::Value::Array(cats);
    v["tables"]["response"][0]["category_id"] = serde_json::Value::String(other.id.clone());
    let d3 = db();
    let e = d3.store.import_json(&v.to_string()).unwrap_err();
    let nb = e.message(Lang::Nb);
    assert!(
        nb.contains("response") && nb.contains("et annet organ"),
        "{nb}"
    );
    assert!(d3.store.is_empty().unwrap());
}
