//! Export and import: byte-identical round trip; refusal of non-empty targets and of every kind
//! of broken input, leaving the target empty.

use crate::common;

use common::*;
use quorum_record::cases::AttachmentInput;
use quorum_record::error::Problem;
use quorum_record::transfer::{ImportProblem, ImportRule, ValueKind};
use quorum_record::{Error, Lang, Store};
use serde_json::{json, Value};

fn empty_export() -> String {
    let d = db();
    snapshot(&d.store)
}

#[test]
fn export_import_export_is_byte_identical() {
    let d = demo();
    let s = &d.store;
    // Give the record a blob, a correction and an exempt case too.
    let c32 = s.case_by_number(EH, "32/25").unwrap();
    let bytes: Vec<u8> = (0..=255u8)
        .chain(b"%PDF-1.7\n\0\xff".iter().copied())
        .collect();
    let c32 = s
        .add_attachment(
            &c32.id,
            &AttachmentInput {
                label: "7A".into(),
                title: "Presentasjon".into(),
                file_name: "presentasjon.pdf".into(),
                media_type: "application/pdf".into(),
            },
            Some(&bytes),
        )
        .unwrap();
    s.set_exempt(&c32.id, true, "offl. § 14").unwrap();
    let m3 = s.meeting_by_number(EH, "3/2025").unwrap();
    let c31 = s.case_by_number(EH, "31/25").unwrap();
    s.accept_proposal(&c31.id).unwrap();
    s.approve_minutes(&m3.id, &c31.id).unwrap();
    let c26 = s.case_by_number(EH, "26/25").unwrap();
    s.correct("Skrivefeil", |s| {
        s.record_decision(&c26.id, "Rettet vedtak.")
    })
    .unwrap();

    let first = snapshot(s);
    let e = db();
    e.store.import_json(&first).unwrap();
    let second = snapshot(&e.store);
    assert_eq!(first.as_bytes(), second.as_bytes());
    // Export is stable on the same store too.
    assert_eq!(snapshot(s), first);

    // What came across works: blob, lock, corrections, numbering.
    let t = &e.store;
    let att = t.case_by_number(EH, "32/25").unwrap().attachments;
    let a = att.iter().find(|a| a.label == "7A").unwrap();
    assert_eq!(a.size, bytes.len() as i64);
    let (name, media, content) = t.attachment_content(&a.id).unwrap();
    assert_eq!(
        (name.as_str(), media.as_str()),
        ("presentasjon.pdf", "application/pdf")
    );
    assert_eq!(content.unwrap(), bytes);
    let c32 = t.case_by_number(EH, "32/25").unwrap();
    assert!(c32.exempt);
    assert_eq!(c32.exempt_basis, "offl. § 14");
    let m3 = t.meeting_by_number(EH, "3/2025").unwrap();
    assert!(m3.locked());
    let c26 = t.case_by_number(EH, "26/25").unwrap();
    assert!(matches!(
        t.record_decision(&c26.id, "x").unwrap_err(),
        Error::Locked { .. }
    ));
    let log = t.corrections(&m3.id).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].reason, "Skrivefeil");
    assert!(matches!(
        try_add_case(t, &t.meeting_by_number(EH, "4/2025").unwrap().id, "Ny").unwrap_err(),
        Error::AgendaSent { .. }
    ));
    // The header of the file.
    let doc: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(doc["format"], json!("quorum-record"));
    assert_eq!(doc["version"], json!(1));
    assert_eq!(doc["schema"], json!(quorum_record::store::SCHEMA_VERSION));
    assert!(first.ends_with("}\n"));
}

#[test]
fn empty_record_round_trips() {
    let e = empty_export();
    let d = db();
    d.store.import_json(&e).unwrap();
    assert!(d.store.is_empty().unwrap());
    assert_eq!(snapshot(&d.store), e);
}

#[test]
fn import_into_a_non_empty_record_is_refused() {
    let src = demo();
    let json = snapshot(&src.store);
    let d = db();
    body(&d.store, "R", "Rådet");
    let before = snapshot(&d.store);
    let err = d.store.import_json(&json).unwrap_err();
    assert!(matches!(err, Error::NotEmpty), "{err:?}");
    assert_eq!(
        err.message(Lang::Nb),
        "Databasen er ikke tom. Importer eller last demodata inn i en ny, tom fil (bruk --db NY-FIL)."
    );
    assert_eq!(
        err.message(Lang::En),
        "The database is not empty. Import or load the demo into a new, empty file (use --db NEW-FILE)."
    );
    assert_eq!(snapshot(&d.store), before);
    // Importing a record into itself too.
    let err = src.store.import_json(&json).unwrap_err();
    assert!(matches!(err, Error::NotEmpty));
    assert_eq!(snapshot(&src.store), json);
}

/// The demo export with one change made by `f`.
fn altered(json: &str, f: impl FnOnce(&mut Value)) -> String {
    let mut doc: Value = serde_json::from_str(json).unwrap();
    f(&mut doc);
    serde_json::to_string_pretty(&doc).unwrap()
}

#[test]
fn broken_imports_are_refused_and_leave_the_target_empty() {
    let src = demo();
    let good = snapshot(&src.store);
    let empty = empty_export();
    let half = {
        let mut cut = good.len() / 2;
        while !good.is_char_boundary(cut) {
            cut -= 1;
        }
        good[..cut].to_string()
    };
    type Expect = Box<dyn Fn(&ImportProblem) -> bool>;
    fn file(rule: ImportRule) -> Expect {
        Box::new(move |p| p.table.is_none() && p.row.is_none() && p.rule == rule)
    }
    fn at(
        table: &'static str,
        row: usize,
        column: Option<&'static str>,
        rule: ImportRule,
    ) -> Expect {
        Box::new(move |p| {
            p.table.as_deref() == Some(table)
                && p.row == Some(row)
                && p.column.as_deref() == column
                && p.rule == rule
        })
    }
    let cases: Vec<(&str, String, Expect)> = vec![
        (
            "malformed JSON",
            "{ \"format\": \"quorum-record\", ".to_string() + "version 1 }",
            Box::new(|p| matches!(p.rule, ImportRule::NotJson { line: 1, .. })),
        ),
        (
            "not JSON at all",
            "hello".into(),
            Box::new(|p| matches!(p.rule, ImportRule::NotJson { .. })),
        ),
        (
            "truncated export",
            half.clone(),
            Box::new(|p| matches!(p.rule, ImportRule::Truncated { .. })),
        ),
        (
            "empty file",
            String::new(),
            file(ImportRule::Truncated { line: 1 }),
        ),
        ("a list", "[]".into(), file(ImportRule::NotAnObject)),
        (
            "wrong format",
            altered(&good, |d| d["format"] = json!("something-else")),
            file(ImportRule::WrongFormat),
        ),
        (
            "missing format",
            altered(&good, |d| {
                d.as_object_mut().unwrap().remove("format");
            }),
            file(ImportRule::WrongFormat),
        ),
        (
            "wrong version",
            altered(&good, |d| d["version"] = json!(2)),
            file(ImportRule::UnsupportedVersion { found: "2".into() }),
        ),
        (
            "missing version",
            altered(&good, |d| {
                d.as_object_mut().unwrap().remove("version");
            }),
            file(ImportRule::MissingVersion),
        ),
        (
            "missing tables",
            altered(&good, |d| {
                d.as_object_mut().unwrap().remove("tables");
            }),
            file(ImportRule::MissingTables),
        ),
        (
            "unknown table",
            altered(&good, |d| d["tables"]["minutes"] = json!([])),
            Box::new(|p| {
                p.table.as_deref() == Some("minutes") && p.rule == ImportRule::UnknownTable
            }),
        ),
        (
            "table not a list",
            altered(&good, |d| d["tables"]["body"] = json!({})),
            Box::new(|p| p.table.as_deref() == Some("body") && p.rule == ImportRule::NotAList),
        ),
        (
            "row not an object",
            altered(&good, |d| d["tables"]["person"][0] = json!("Ola")),
            at("person", 1, None, ImportRule::RowNotAnObject),
        ),
        (
            "unknown column",
            altered(&good, |d| d["tables"]["body"][0]["colour"] = json!("blue")),
            at("body", 1, Some("colour"), ImportRule::UnknownColumn),
        ),
        (
            "list value",
            altered(&good, |d| d["tables"]["person"][0]["name"] = json!(["a"])),
            at(
                "person",
                1,
                Some("name"),
                ImportRule::WrongType {
                    expected: ValueKind::Text,
                },
            ),
        ),
        (
            "object value",
            altered(&good, |d| {
                d["tables"]["person"][0]["name"] = json!({"x": 1})
            }),
            at(
                "person",
                1,
                Some("name"),
                ImportRule::WrongType {
                    expected: ValueKind::Text,
                },
            ),
        ),
        (
            "bad base64",
            altered(&good, |d| {
                d["tables"]["attachment"][0]["content"] = json!({"base64": "!!!"})
            }),
            at("attachment", 1, Some("content"), ImportRule::BadBase64),
        ),
        (
            "dangling reference",
            altered(&good, |d| {
                d["tables"]["agenda_item"][0]["meeting_id"] =
                    json!("00000000-0000-4000-8000-000000000000")
            }),
            at(
                "agenda_item",
                1,
                Some("meeting_id"),
                ImportRule::UnknownReference {
                    target: "meeting".into(),
                },
            ),
        ),
        (
            "dangling case type",
            altered(&good, |d| d["tables"]["case_type"] = json!([])),
            Box::new(|p| {
                p.table.as_deref() == Some("case")
                    && p.rule
                        == ImportRule::UnknownReference {
                            target: "case_type".into(),
                        }
            }),
        ),
        (
            "control characters",
            altered(&good, |d| {
                d["tables"]["person"][0]["name"] = json!("Ola\u{7}Nordmann")
            }),
            at(
                "person",
                1,
                Some("name"),
                ImportRule::Value {
                    field: "name",
                    problem: Problem::ControlChar,
                },
            ),
        ),
        (
            "NUL character",
            altered(&good, |d| {
                d["tables"]["body_name"][0]["name"] = json!("Råd\u{0}et")
            }),
            at(
                "body_name",
                1,
                Some("name"),
                ImportRule::Value {
                    field: "name",
                    problem: Problem::ControlChar,
                },
            ),
        ),
        (
            "duplicate id",
            altered(&good, |d| {
                let first = d["tables"]["person"][0].clone();
                d["tables"]["person"].as_array_mut().unwrap().push(first);
            }),
            Box::new(|p| {
                p.table.as_deref() == Some("person")
                    && p.rule
                        == ImportRule::Duplicate {
                            columns: vec!["id".into()],
                            first_row: 1,
                        }
            }),
        ),
        (
            "check constraint",
            altered(&good, |d| {
                d["tables"]["meeting"][0]["status"] = json!("finished")
            }),
            Box::new(
                |p| matches!(&p.rule, ImportRule::Value { field: "status", problem: Problem::Choice { value, .. } } if value == "finished"),
            ),
        ),
        (
            "missing required field",
            altered(&good, |d| {
                d["tables"]["person"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("name");
            }),
            at("person", 1, Some("name"), ImportRule::Missing),
        ),
        (
            "audit log with empty reason",
            altered(&good, |d| {
                let meeting = d["tables"]["meeting"][0]["id"].clone();
                d["tables"]["audit_log"] = json!([{"id": "a", "at": "2025-01-01T00:00:00Z", "meeting_id": meeting, "entity": "case", "entity_id": "x", "before": null, "after": null, "reason": " "}]);
            }),
            at(
                "audit_log",
                1,
                Some("reason"),
                ImportRule::Value {
                    field: "reason",
                    problem: Problem::Empty,
                },
            ),
        ),
    ];
    for (what, input, expect) in cases {
        let d = db();
        let err = d.store.import_json(&input).unwrap_err();
        match &err {
            Error::BadImport(p) => assert!(expect(p), "{what}: {p:?}"),
            other => panic!("{what}: expected BadImport, got {other:?}"),
        }
        let nb = err.message(Lang::Nb);
        let en = err.message(Lang::En);
        assert!(nb.starts_with("Importfilen "), "{what}: {nb}");
        assert!(nb.contains("Ingenting er importert"), "{what}: {nb}");
        assert!(en.starts_with("The import file "), "{what}: {en}");
        assert!(en.contains("Nothing was imported"), "{what}: {en}");
        assert!(d.store.is_empty().unwrap(), "{what}: target not empty");
        assert_eq!(snapshot(&d.store), empty, "{what}");
        // The same target still takes a good import afterwards.
        if what == "truncated export" || what == "dangling reference" {
            d.store.import_json(&good).unwrap();
            assert_eq!(snapshot(&d.store), good);
        }
    }
}

#[test]
fn import_into_a_file_persists() {
    let src = demo();
    let json = snapshot(&src.store);
    let d = db();
    d.store.import_json(&json).unwrap();
    let path = d.path.clone();
    let Db { dir, store, .. } = d;
    drop(store);
    let s = Store::open(&path).unwrap();
    assert_eq!(snapshot(&s), json);
    drop(dir);
}

#[test]
fn an_export_saved_with_a_byte_order_mark_imports() {
    let d = demo();
    let json = d.store.export_json().unwrap();
    let target = db();
    target
        .store
        .import_json(&format!("\u{feff}{json}"))
        .expect("a BOM is not part of the JSON");
    assert_eq!(target.store.export_json().unwrap(), json);
}

/// The demo's Kommunestyret meeting 1/2026 (groups, outside positions, presence changes, a case
/// substitute, a disqualification, proposals and votes of every method) made final by
/// signatures after a refused round, with a case confirmed without quorum and an impartiality
/// question decided by a counted vote: every table and column of schema 5 has a value.
pub(crate) fn signed_council() -> Db {
    let d = demo();
    let s = &d.store;
    let m = s.meeting_by_number("Kommunestyret", "1/2026").unwrap();
    let c5 = s.case_by_number("Kommunestyret", "5/26").unwrap();
    s.decide_without_quorum(&c5.id, true).unwrap();
    let c4 = s.case_by_number("Kommunestyret", "4/26").unwrap();
    let tone = s.person_by_name("Tone Myrvold").unwrap();
    let q = s
        .raise_disqualification(&c4.id, &tone.id, "Eier en hytte")
        .unwrap();
    s.decide_disqualification(
        &q.id,
        &quorum_record::presence::DisqualificationDecision {
            outcome: quorum_record::vocab::Impartiality::Qualified,
            basis: String::new(),
            votes: Some((9, 1)),
        },
    )
    .unwrap();
    let signers = s.signing(&m.id).unwrap().signers;
    s.send_for_signing(&m.id, b"%PDF-1.7 first draft").unwrap();
    s.refuse_minutes(&m.id, &signers[1].id, "Sak 3/26 mangler H sitt forslag.")
        .unwrap();
    let round = s.send_for_signing(&m.id, b"%PDF-1.7 second draft").unwrap();
    for p in &signers {
        s.sign_minutes(&m.id, &p.id, &round.sha256).unwrap();
    }
    assert!(s.meeting(&m.id).unwrap().locked());
    d
}

#[test]
fn a_signed_council_record_with_every_new_table_round_trips() {
    let d = signed_council();
    let s = &d.store;
    let first = snapshot(s);
    let doc: Value = serde_json::from_str(&first).unwrap();
    for t in SCHEMA_5_TABLES {
        assert!(
            !doc["tables"][t].as_array().unwrap().is_empty(),
            "no rows of {t}"
        );
    }
    let has = |table: &str, column: &str, value: Value| {
        doc["tables"][table]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r[column] == value)
    };
    assert!(has("body", "signed_minutes", json!(1)));
    assert!(has("body", "quorum_percent", json!(50)));
    assert!(has("case", "without_quorum", json!(1)));
    assert!(has("signing_round", "outcome", json!("refused")));
    assert!(has("signing_round", "outcome", json!("signed")));
    assert!(doc["tables"]["membership"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["party_id"].is_string()));

    let e = db();
    e.store.import_json(&first).unwrap();
    assert_eq!(snapshot(&e.store), first);
    // What came across works as the record's own: the signed copy, the quorum, the lock.
    let t = &e.store;
    let m = t.meeting_by_number("Kommunestyret", "1/2026").unwrap();
    assert!(t.meeting(&m.id).unwrap().locked());
    let (a, b) = (s.signing(&m.id).unwrap(), t.signing(&m.id).unwrap());
    assert_eq!(a, b);
    let signed = b.signed_round().unwrap();
    assert_eq!(t.signing_pdf(&signed.id).unwrap(), b"%PDF-1.7 second draft");
    assert_eq!(s.quorum(&m.id).unwrap(), t.quorum(&m.id).unwrap());
    let c3 = t.case_by_number("Kommunestyret", "3/26").unwrap();
    assert_eq!(
        s.votes(&c3.id).unwrap(),
        t.votes(&c3.id).unwrap(),
        "the votes by group"
    );
    assert!(matches!(
        t.record_decision(&c3.id, "x").unwrap_err(),
        Error::Locked { .. }
    ));
}
