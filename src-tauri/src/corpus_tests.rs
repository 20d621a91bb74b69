//! The bad-input corpus of the window: every IPC command called through `tauri::test` with
//! malformed numbers, dates, times, oversize text, control characters, unknown ids, wrong
//! vocabularies and impossible paths. Each must come back as a typed `UiError` of the expected
//! kind with a message in the window's language (bokmål, then English after `set_language`),
//! never panic, and leave the record's content exactly as it was.
//!
//! `KNOWN` lists defects whose fix belongs to the commands' or the record's owners: the case
//! still runs and the test fails once the defect is gone, so the list cannot go stale.

use crate::DeskState;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

struct Window {
    dir: tempfile::TempDir,
    db: PathBuf,
    webview: WebviewWindow<MockRuntime>,
    _app: tauri::App<MockRuntime>,
}

fn window() -> Window {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rådhus.db");
    let state = DeskState::open(db.clone(), dir.path().join("eksport")).unwrap();
    let app = crate::setup(mock_builder(), state)
        .build(mock_context(noop_assets()))
        .expect("mock app builds");
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("mock window builds");
    Window {
        dir,
        db,
        webview,
        _app: app,
    }
}

fn call(w: &Window, cmd: &str, args: &Value) -> Result<Value, Value> {
    get_ipc_response(
        &w.webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args.clone()),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|r| r.deserialize::<Value>().unwrap_or(Value::Null))
}

fn ok(w: &Window, cmd: &str, args: Value) -> Value {
    call(w, cmd, &args).unwrap_or_else(|e| panic!("{cmd} {args}: {e}"))
}

/// The record's logical content (its export), read through a connection of its own.
fn content(db: &Path) -> String {
    quorum_record::Store::open_read_only(db)
        .expect("open the record read-only")
        .export_json()
        .expect("export")
}

/// Words that betray a message not written for a Norwegian user.
const NOT_NORWEGIAN: &[&str] = &[
    "error",
    "invalid",
    "database error",
    "integer",
    "out of range",
    "sqlite",
    "could not",
    "not found",
    "no such file",
    "os error",
    "expected",
    "missing field",
    "unknown variant",
    "constraint",
    "symbol",
    "some(",
    "kind:",
    "databasefeil",
];
const NOT_ENGLISH: &[&str] = &[" ikke ", " må ", "«", "Fant ikke", "kan ikke"];

/// What a refusal must be: its kind, and one of the needles in each language ("" for any).
#[derive(Clone, Copy)]
struct Expect {
    kind: &'static str,
    nb: &'static [&'static str],
    en: &'static [&'static str],
}

const fn e(kind: &'static str, nb: &'static [&'static str], en: &'static [&'static str]) -> Expect {
    Expect { kind, nb, en }
}

const EMPTY: Expect = e(
    "invalid",
    &["kan ikke være tom", "Oppgi"],
    &["cannot be empty", "Give"],
);
const LONG: Expect = e("invalid", &["for lang"], &["too long"]);
const CONTROL: Expect = e("invalid", &["kontrolltegn"], &["control characters"]);
const DATE: Expect = e("invalid", &["ÅÅÅÅ-MM-DD"], &["YYYY-MM-DD"]);
const TIME: Expect = e("invalid", &["TT:MM"], &["HH:MM"]);
const RANGE: Expect = e("invalid", &["må være mellom"], &["must be between"]);
const MEETING_NO: Expect = e("invalid", &["møtenummer"], &["meeting number"]);
const EMAIL: Expect = e("invalid", &["e-postadresse"], &["e-mail address"]);
const END: Expect = e(
    "invalid",
    &["etter start", "før start"],
    &["after the start", "before the start"],
);
const ANY_INVALID: Expect = e("invalid", &[""], &[""]);
const NOT_FOUND: Expect = e("not_found", &["Fant ikke"], &["Could not find"]);
const DUPLICATE: Expect = e("duplicate", &["finnes allerede"], &["already exists"]);
const STATE: Expect = e("state", &[""], &[""]);
const SENT: Expect = e("agenda_sent", &["sendt"], &["sent"]);
const FILE: Expect = e("file", &[""], &[""]);
/// A file the system refused (missing, no access), said in the user's words.
const MISSING_FILE: Expect = e("io", &["Fant ikke filen"], &["Could not find the file"]);
/// A read with odd input may answer (an empty list); it must not fail or change anything.
const ANSWER: Expect = e("", &[], &[]);

/// Defects found here whose fix lies in src-tauri or the record, by case label.
const KNOWN: &[(&str, &str)] = &[
    (
        "create_body language=de",
        "src-tauri: arguments that do not deserialise (an unknown language, a string for a number, a missing field) come back as Tauri's English text (\"invalid args `input` for command …: unknown variant …\"), not as a UiError",
    ),
    (
        "list_meetings year=\"2025\"",
        "src-tauri: a wrong JSON type comes back as Tauri's English text, not a UiError",
    ),
    (
        "create_person missing email",
        "src-tauri: a missing field comes back as Tauri's English text, not a UiError",
    ),
    (
        "set_action_status status=finished",
        "src-tauri: an unknown status comes back as Tauri's English text, not a UiError",
    ),
    (
        "move_item position=1e3",
        "src-tauri: a float for a position comes back as Tauri's English text, not a UiError",
    ),
    (
        "search limit=-5",
        "src-tauri: a negative limit comes back as Tauri's English text (\"invalid value: integer `-5`, expected u32\"), not a UiError",
    ),
    (
        "move_item position=0",
        "record/agenda.rs move_item: position 0 or below is taken as the first place without a word",
    ),
    (
        "update_item type not of the body",
        "record/agenda.rs update_item: a case item takes a case type its body does not have",
    ),
    (
        "export_documents register year=0",
        "src-tauri/documents: an export job is started for any request; its failure arrives only as an event",
    ),
];

struct Case {
    label: String,
    cmd: &'static str,
    args: Value,
    expect: Expect,
}

fn has_uuid(s: &str) -> bool {
    s.as_bytes().windows(36).any(|w| {
        w.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
    })
}

/// Runs one case in bokmål and in English; the problems found.
fn check(w: &Window, c: &Case) -> Vec<String> {
    let mut problems = Vec::new();
    let before = content(&w.db);
    for lang in ["nb", "en"] {
        ok(w, "set_language", json!({ "lang": lang }));
        let got =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| call(w, c.cmd, &c.args)));
        let got = match got {
            Ok(g) => g,
            Err(_) => {
                problems.push(format!("[{lang}] panicked"));
                continue;
            }
        };
        if c.expect.kind.is_empty() {
            if let Err(e) = got {
                problems.push(format!("[{lang}] refused: {e}"));
            }
        } else {
            match got {
                Ok(v) => problems.push(format!("[{lang}] accepted: {}", short(&v))),
                Err(Value::Object(e)) => {
                    let kind = e.get("kind").and_then(Value::as_str).unwrap_or("");
                    let msg = e.get("message").and_then(Value::as_str).unwrap_or("");
                    if kind != c.expect.kind {
                        problems.push(format!(
                            "[{lang}] kind {kind}, not {}: {msg}",
                            c.expect.kind
                        ));
                    }
                    let (needles, bad) = if lang == "nb" {
                        (c.expect.nb, NOT_NORWEGIAN)
                    } else {
                        (c.expect.en, NOT_ENGLISH)
                    };
                    if msg.trim().is_empty() || !needles.iter().any(|n| msg.contains(n)) {
                        problems.push(format!("[{lang}] does not say {needles:?}: {msg}"));
                    }
                    let input = c.args.to_string().to_lowercase();
                    let own = msg.to_lowercase();
                    for word in bad {
                        let word = word.to_lowercase();
                        if own.contains(&word) && !input.contains(&word) {
                            problems.push(format!("[{lang}] says {word:?}: {msg}"));
                        }
                    }
                    let code = msg
                        .split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                        .find(|w| w.contains('_') && w.chars().any(char::is_lowercase));
                    if let Some(code) = code {
                        problems.push(format!("[{lang}] names the code {code:?}: {msg}"));
                    }
                    if has_uuid(msg) && !has_uuid(&c.args.to_string()) {
                        problems.push(format!("[{lang}] shows an id the user did not give: {msg}"));
                    }
                }
                Err(other) => problems.push(format!("[{lang}] not a UiError: {other}")),
            }
        }
        if content(&w.db) != before {
            problems.push(format!("[{lang}] the record changed"));
            break;
        }
    }
    ok(w, "set_language", json!({ "lang": "nb" }));
    problems
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    s.chars().take(120).collect()
}

/// The ids the cases address: the demo plus a draft meeting 1/2026 with a case item (an
/// innspill and an action point on it) and a break.
struct Ids {
    body: String,
    sent_meeting: String,
    held_meeting: String,
    draft: String,
    item: String,
    brk: String,
    case: String,
    innspill: String,
    action: String,
    person: String,
    membership: String,
    case_type: String,
    attachment_case: String,
}

fn meeting_input(date: &str, start: &str, end: &str) -> Value {
    json!({ "number": "", "extraordinary": false, "date": date, "start": start, "end": end,
            "place": "Rom 1", "remote": false, "remote_link": "" })
}

fn case_input(title: &str) -> Value {
    json!({ "title": title, "case_type": "", "summary": "", "proposal": null, "no_memo": false,
            "memo": { "purpose": "", "background": "", "questions": "", "process": "" },
            "owner": "", "officer": "" })
}

fn item_input(kind: &str, title: &str, duration: i64) -> Value {
    json!({ "kind": kind, "title": title, "case_type": "", "guest": "", "summary": "",
            "duration_min": duration, "case_id": null,
            "new_case": if kind == "case" { case_input(title) } else { Value::Null },
            "continues_case_id": null })
}

fn setup(w: &Window) -> Ids {
    let bodies = ok(w, "list_bodies", json!({}));
    let body = bodies
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["short_name"] == "E-helserådet")
        .expect("demo body")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let meetings = ok(w, "list_meetings", json!({ "bodyId": body, "year": 2025 }));
    let by_number = |n: &str| {
        meetings
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["number"] == n)
            .unwrap_or_else(|| panic!("meeting {n} in {meetings}"))["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let sent_meeting = by_number("4/2025");
    let held_meeting = by_number("3/2025");
    let draft = ok(
        w,
        "create_meeting",
        json!({ "bodyId": body, "input": meeting_input("2026-02-05", "10:00", "16:00") }),
    )["id"]
        .as_str()
        .unwrap()
        .to_string();
    let it = ok(
        w,
        "add_item",
        json!({ "meetingId": draft, "input": item_input("case", "Utkastsak", 20), "position": null }),
    );
    let item = it["id"].as_str().unwrap().to_string();
    let case = it["case_id"].as_str().unwrap().to_string();
    let brk = ok(
        w,
        "add_item",
        json!({ "meetingId": draft, "input": item_input("break", "Pause", 10), "position": null }),
    )["id"]
        .as_str()
        .unwrap()
        .to_string();
    let innspill = ok(
        w,
        "add_innspill",
        json!({ "itemId": item, "text": "Et innspill", "position": null }),
    )["id"]
        .as_str()
        .unwrap()
        .to_string();
    let action = ok(
        w,
        "add_action",
        json!({ "itemId": item, "input": { "text": "Et punkt", "responsible": "", "due": "none" } }),
    )["id"]
        .as_str()
        .unwrap()
        .to_string();
    let person = ok(
        w,
        "create_person",
        json!({ "input": { "name": "Ola Nordmann", "organisation": "", "email": "" } }),
    )["id"]
        .as_str()
        .unwrap()
        .to_string();
    let members = ok(w, "list_memberships", json!({ "bodyId": body, "on": null }));
    let membership = members[0]["id"].as_str().unwrap().to_string();
    let types = ok(w, "list_case_types", json!({ "bodyId": body }));
    let case_type = types[0]["id"].as_str().unwrap().to_string();
    // A demo case of the sent meeting that has an attachment.
    let agenda = ok(w, "get_timetable", json!({ "meetingId": sent_meeting }));
    let _ = agenda;
    let unplaced = ok(w, "unplaced_cases", json!({ "bodyId": body }));
    let _ = unplaced;
    Ids {
        attachment_case: case.clone(),
        body,
        sent_meeting,
        held_meeting,
        draft,
        item,
        brk,
        case,
        innspill,
        action,
        person,
        membership,
        case_type,
    }
}

fn cases(ids: &Ids, dir: &Path) -> Vec<Case> {
    let mut v = Vec::new();
    let mut add = |label: &str, cmd: &'static str, args: Value, expect: Expect| {
        v.push(Case {
            label: if label.is_empty() {
                format!("{cmd} {args}")
            } else {
                label.to_string()
            },
            cmd,
            args,
            expect,
        })
    };
    let long = "x".repeat(501);
    let huge = "ord ".repeat(50_001);
    let body = &ids.body;
    let nope = "00000000-0000-0000-0000-000000000000";
    let body_input = |short: &str, name: &str, place: &str| json!({ "short_name": short, "name": name, "secretariat": "", "default_place": place, "language": "nb" });

    // Bodies and case types
    add(
        "",
        "create_body",
        json!({ "input": body_input("", "Navn", "") }),
        EMPTY,
    );
    add(
        "",
        "create_body",
        json!({ "input": body_input("X", "", "") }),
        EMPTY,
    );
    add(
        "",
        "create_body",
        json!({ "input": body_input("X", &long, "") }),
        LONG,
    );
    add(
        "",
        "create_body",
        json!({ "input": body_input("X", "a\u{7}b", "") }),
        CONTROL,
    );
    add(
        "",
        "create_body",
        json!({ "input": body_input("X\nY", "Navn", "") }),
        CONTROL,
    );
    add(
        "",
        "create_body",
        json!({ "input": body_input("X", "Navn", "\u{1b}[31m") }),
        CONTROL,
    );
    add(
        "",
        "create_body",
        json!({ "input": body_input("nuit", "Dobbel", "") }),
        DUPLICATE,
    );
    add(
        "",
        "create_body",
        json!({ "input": body_input("e-helserÅdet", "Dobbel", "") }),
        DUPLICATE,
    );
    add(
        "create_body language=de",
        "create_body",
        json!({ "input": { "short_name": "X", "name": "x", "secretariat": "", "default_place": "", "language": "de" } }),
        ANY_INVALID,
    );
    add(
        "",
        "update_body",
        json!({ "id": nope, "input": body_input("X", "Navn", "") }),
        NOT_FOUND,
    );
    add(
        "",
        "update_body",
        json!({ "id": body, "input": body_input("", "Navn", "") }),
        EMPTY,
    );
    add(
        "",
        "update_body",
        json!({ "id": body, "input": body_input("E-helserådet", "Navn", &long) }),
        LONG,
    );
    add(
        "",
        "rename_body",
        json!({ "id": body, "name": "Nytt", "validFrom": "2025-13-45" }),
        DATE,
    );
    add(
        "",
        "rename_body",
        json!({ "id": body, "name": "Nytt", "validFrom": "i går" }),
        DATE,
    );
    add(
        "",
        "rename_body",
        json!({ "id": body, "name": "", "validFrom": "2026-01-01" }),
        EMPTY,
    );
    add(
        "",
        "rename_body",
        json!({ "id": body, "name": "a\u{0}b", "validFrom": "2026-01-01" }),
        CONTROL,
    );
    add(
        "",
        "rename_body",
        json!({ "id": nope, "name": "Nytt", "validFrom": "2026-01-01" }),
        NOT_FOUND,
    );
    add("", "list_case_types", json!({ "bodyId": nope }), ANSWER);
    add(
        "",
        "save_case_type",
        json!({ "bodyId": body, "name": "", "proposalTemplate": "" }),
        EMPTY,
    );
    add(
        "",
        "save_case_type",
        json!({ "bodyId": body, "name": long, "proposalTemplate": "" }),
        LONG,
    );
    add(
        "",
        "save_case_type",
        json!({ "bodyId": body, "name": "Ny", "proposalTemplate": "a\u{1}" }),
        CONTROL,
    );
    add(
        "",
        "save_case_type",
        json!({ "bodyId": body, "name": "Ny", "proposalTemplate": huge }),
        LONG,
    );
    add(
        "",
        "save_case_type",
        json!({ "bodyId": nope, "name": "Ny", "proposalTemplate": "" }),
        NOT_FOUND,
    );
    add("", "remove_case_type", json!({ "id": nope }), NOT_FOUND);
    add(
        "",
        "remove_case_type",
        json!({ "id": ids.case_type }),
        ANY_INVALID,
    );

    // People and memberships
    let person = |name: &str, org: &str, email: &str| json!({ "name": name, "organisation": org, "email": email });
    add(
        "",
        "create_person",
        json!({ "input": person("", "", "") }),
        EMPTY,
    );
    add(
        "",
        "create_person",
        json!({ "input": person(&long, "", "") }),
        LONG,
    );
    add(
        "",
        "create_person",
        json!({ "input": person("Ola\rN", "", "") }),
        CONTROL,
    );
    add(
        "",
        "create_person",
        json!({ "input": person("Ola", "\u{7f}", "") }),
        CONTROL,
    );
    add(
        "",
        "create_person",
        json!({ "input": person("Ola", "", "ikke-en-adresse") }),
        EMAIL,
    );
    add(
        "",
        "create_person",
        json!({ "input": person("Ola", "", "a@b") }),
        EMAIL,
    );
    add(
        "",
        "create_person",
        json!({ "input": person("Ola", "", "a b@c.no") }),
        EMAIL,
    );
    add(
        "create_person missing email",
        "create_person",
        json!({ "input": { "name": "Ola", "organisation": "" } }),
        ANY_INVALID,
    );
    add(
        "",
        "update_person",
        json!({ "id": nope, "input": person("Ola", "", "") }),
        NOT_FOUND,
    );
    add(
        "",
        "update_person",
        json!({ "id": ids.person, "input": person(" ", "", "") }),
        EMPTY,
    );
    add(
        "",
        "update_person",
        json!({ "id": ids.person, "input": person("Ola", "", "@c.no") }),
        EMAIL,
    );
    let membership = |person: &str, from: Value, to: Value, sub: Value| json!({ "person_id": person, "role": "medlem", "term_from": from, "term_to": to, "substitute_id": sub });
    add(
        "list_memberships on=2025-02-30",
        "list_memberships",
        json!({ "bodyId": body, "on": "2025-02-30" }),
        DATE,
    );
    add(
        "",
        "list_memberships",
        json!({ "bodyId": nope, "on": null }),
        ANSWER,
    );
    add(
        "",
        "add_membership",
        json!({ "bodyId": body, "input": membership(&ids.person, json!("2025-13-01"), Value::Null, Value::Null) }),
        DATE,
    );
    add(
        "",
        "add_membership",
        json!({ "bodyId": body, "input": membership(&ids.person, json!("2025-06-01"), json!("2025-01-01"), Value::Null) }),
        END,
    );
    add(
        "",
        "add_membership",
        json!({ "bodyId": body, "input": membership(nope, Value::Null, Value::Null, Value::Null) }),
        NOT_FOUND,
    );
    add(
        "",
        "add_membership",
        json!({ "bodyId": nope, "input": membership(&ids.person, Value::Null, Value::Null, Value::Null) }),
        NOT_FOUND,
    );
    add(
        "",
        "add_membership",
        json!({ "bodyId": body, "input": membership(&ids.person, Value::Null, Value::Null, json!(nope)) }),
        NOT_FOUND,
    );
    add(
        "",
        "update_membership",
        json!({ "id": nope, "input": membership(&ids.person, Value::Null, Value::Null, Value::Null) }),
        NOT_FOUND,
    );
    add(
        "",
        "update_membership",
        json!({ "id": ids.membership, "input": membership(&ids.person, json!("31.12.2025"), Value::Null, Value::Null) }),
        ANY_INVALID,
    );
    add("", "remove_membership", json!({ "id": nope }), NOT_FOUND);

    // Meetings
    add(
        "",
        "list_meetings",
        json!({ "bodyId": nope, "year": 2025 }),
        ANSWER,
    );
    add(
        "list_meetings year=\"2025\"",
        "list_meetings",
        json!({ "bodyId": body, "year": "2025" }),
        ANY_INVALID,
    );
    add("", "get_meeting", json!({ "id": nope }), NOT_FOUND);
    add(
        "",
        "get_meeting",
        json!({ "id": "'); DROP TABLE meeting;--" }),
        NOT_FOUND,
    );
    for d in [
        "2025-13-45",
        "2025-02-30",
        "0000-01-01",
        "11.12.2025",
        "",
        "99999-01-01",
    ] {
        add(
            "",
            "create_meeting",
            json!({ "bodyId": body, "input": meeting_input(d, "10:00", "16:00") }),
            DATE,
        );
    }
    for t in ["25:99", "24:00", "10", "", "-1:00", "10:00:00"] {
        add(
            "",
            "create_meeting",
            json!({ "bodyId": body, "input": meeting_input("2026-03-01", t, "16:00") }),
            TIME,
        );
    }
    add(
        "",
        "create_meeting",
        json!({ "bodyId": body, "input": meeting_input("2026-03-01", "10:00", "09:00") }),
        END,
    );
    add(
        "",
        "create_meeting",
        json!({ "bodyId": nope, "input": meeting_input("2026-03-01", "10:00", "16:00") }),
        NOT_FOUND,
    );
    for n in ["4/25", "0/2026", "9223372036854775808/2026", "x"] {
        let mut m = meeting_input("2026-03-01", "10:00", "16:00");
        m["number"] = json!(n);
        add(
            "",
            "create_meeting",
            json!({ "bodyId": body, "input": m }),
            MEETING_NO,
        );
    }
    let mut m = meeting_input("2026-03-01", "10:00", "16:00");
    m["place"] = json!("a\u{2}b");
    add(
        "",
        "update_meeting",
        json!({ "id": ids.draft, "input": m }),
        CONTROL,
    );
    let mut m = meeting_input("2026-03-01", "10:00", "16:00");
    m["remote_link"] = json!(long);
    add(
        "update_meeting remote_link long",
        "update_meeting",
        json!({ "id": ids.draft, "input": m }),
        LONG,
    );
    add(
        "",
        "update_meeting",
        json!({ "id": ids.draft, "input": meeting_input("2026-02-05", "10:00", "08:00") }),
        END,
    );
    add(
        "",
        "update_meeting",
        json!({ "id": nope, "input": meeting_input("2026-02-05", "10:00", "16:00") }),
        NOT_FOUND,
    );
    add("", "send_agenda", json!({ "id": nope }), NOT_FOUND);
    add("", "send_agenda", json!({ "id": ids.held_meeting }), STATE);
    add("", "mark_held", json!({ "id": nope }), NOT_FOUND);
    add(
        "",
        "approve_minutes",
        json!({ "meetingId": ids.draft, "caseId": ids.case }),
        STATE,
    );
    add(
        "",
        "approve_minutes",
        json!({ "meetingId": nope, "caseId": ids.case }),
        NOT_FOUND,
    );
    add(
        "",
        "approve_minutes",
        json!({ "meetingId": ids.held_meeting, "caseId": nope }),
        NOT_FOUND,
    );
    add(
        "",
        "set_current_item",
        json!({ "meetingId": ids.sent_meeting, "itemId": nope }),
        NOT_FOUND,
    );
    add(
        "",
        "set_current_item",
        json!({ "meetingId": ids.sent_meeting, "itemId": ids.item }),
        NOT_FOUND,
    );
    add("", "list_corrections", json!({ "meetingId": nope }), ANSWER);
    add("", "get_timetable", json!({ "meetingId": nope }), NOT_FOUND);
    add(
        "",
        "timetable_warning",
        json!({ "meetingId": nope }),
        NOT_FOUND,
    );

    // The agenda
    for d in [-5, 1441, 9_999_999_999_999i64, i64::MIN] {
        add(
            "",
            "add_item",
            json!({ "meetingId": ids.draft, "input": item_input("break", "Pause", d), "position": null }),
            RANGE,
        );
        let upd = json!({ "title": "Pause", "case_type": "", "guest": "", "summary": "", "duration_min": d });
        add(
            "",
            "update_item",
            json!({ "id": ids.brk, "input": upd }),
            RANGE,
        );
    }
    add(
        "",
        "add_item",
        json!({ "meetingId": ids.draft, "input": item_input("case", "", 10), "position": null }),
        EMPTY,
    );
    add(
        "",
        "add_item",
        json!({ "meetingId": ids.draft, "input": item_input("open", &long, 10), "position": null }),
        LONG,
    );
    add(
        "",
        "add_item",
        json!({ "meetingId": ids.draft, "input": item_input("orientation", "a\u{7}", 10), "position": null }),
        CONTROL,
    );
    add(
        "",
        "add_item",
        json!({ "meetingId": ids.sent_meeting, "input": item_input("case", "For sent", 10), "position": null }),
        SENT,
    );
    add(
        "",
        "add_item",
        json!({ "meetingId": nope, "input": item_input("break", "Pause", 10), "position": null }),
        NOT_FOUND,
    );
    let mut cont = item_input("continuation", "", 10);
    cont["continues_case_id"] = json!(nope);
    add(
        "",
        "add_item",
        json!({ "meetingId": ids.draft, "input": cont, "position": null }),
        NOT_FOUND,
    );
    let mut cont = item_input("continuation", "", 10);
    cont["continues_case_id"] = Value::Null;
    add(
        "",
        "add_item",
        json!({ "meetingId": ids.draft, "input": cont, "position": null }),
        STATE,
    );
    let upd = json!({ "title": "Utkastsak", "case_type": "Finnes ikke", "guest": "", "summary": "", "duration_min": 20 });
    add(
        "update_item type not of the body",
        "update_item",
        json!({ "id": ids.item, "input": upd }),
        NOT_FOUND,
    );
    let upd = json!({ "title": "\u{1b}", "case_type": "", "guest": "", "summary": "", "duration_min": 10 });
    add(
        "",
        "update_item",
        json!({ "id": ids.brk, "input": upd }),
        CONTROL,
    );
    let upd = json!({ "title": "Pause", "case_type": "", "guest": "", "summary": "", "duration_min": 10 });
    add(
        "",
        "update_item",
        json!({ "id": nope, "input": upd }),
        NOT_FOUND,
    );
    add(
        "move_item position=0",
        "move_item",
        json!({ "id": ids.item, "position": 0 }),
        ANY_INVALID,
    );
    add(
        "move_item position=1e3",
        "move_item",
        json!({ "id": ids.item, "position": 1.5 }),
        ANY_INVALID,
    );
    add(
        "",
        "move_item",
        json!({ "id": nope, "position": 1 }),
        NOT_FOUND,
    );
    add("", "remove_item", json!({ "id": nope }), NOT_FOUND);
    add("", "get_item", json!({ "id": nope }), NOT_FOUND);
    for t in ["99:99", "nå", "", "7"] {
        add(
            "",
            "mark_item_started",
            json!({ "itemId": ids.item, "time": t }),
            TIME,
        );
    }
    add(
        "",
        "mark_item_started",
        json!({ "itemId": nope, "time": "10:00" }),
        NOT_FOUND,
    );

    // Cases
    add("", "get_case", json!({ "id": nope }), NOT_FOUND);
    add("", "unplaced_cases", json!({ "bodyId": nope }), ANSWER);
    add(
        "",
        "create_case",
        json!({ "bodyId": body, "year": 2026, "input": case_input("") }),
        EMPTY,
    );
    add(
        "",
        "create_case",
        json!({ "bodyId": body, "year": 2026, "input": case_input(&long) }),
        LONG,
    );
    add(
        "",
        "create_case",
        json!({ "bodyId": nope, "year": 2026, "input": case_input("x") }),
        NOT_FOUND,
    );
    for y in [99999, 0, -5] {
        add(
            &format!("create_case year={y}"),
            "create_case",
            json!({ "bodyId": body, "year": y, "input": case_input("x") }),
            RANGE,
        );
    }
    let mut c = case_input("Sak");
    c["summary"] = json!(huge);
    add(
        "",
        "update_case",
        json!({ "id": ids.case, "input": c }),
        LONG,
    );
    let mut c = case_input("Sak");
    c["memo"]["purpose"] = json!("\u{1b}[2J");
    add(
        "",
        "update_case",
        json!({ "id": ids.case, "input": c }),
        CONTROL,
    );
    let mut c = case_input("Sak");
    c["case_type"] = json!("Ukjent type");
    add(
        "",
        "update_case",
        json!({ "id": ids.case, "input": c }),
        NOT_FOUND,
    );
    add(
        "",
        "update_case",
        json!({ "id": nope, "input": case_input("Sak") }),
        NOT_FOUND,
    );
    add(
        "",
        "set_exempt",
        json!({ "id": ids.case, "exempt": true, "basis": "" }),
        ANY_INVALID,
    );
    add(
        "",
        "set_exempt",
        json!({ "id": ids.case, "exempt": true, "basis": long }),
        LONG,
    );
    add(
        "",
        "set_exempt",
        json!({ "id": nope, "exempt": false, "basis": "" }),
        NOT_FOUND,
    );
    let att = |label: &str, title: &str| json!({ "label": label, "title": title, "file_name": "", "media_type": "" });
    add(
        "",
        "add_attachment",
        json!({ "caseId": ids.case, "input": att("", "t"), "contentBase64": null }),
        EMPTY,
    );
    add(
        "",
        "add_attachment",
        json!({ "caseId": ids.case, "input": att("3", ""), "contentBase64": null }),
        EMPTY,
    );
    add(
        "",
        "add_attachment",
        json!({ "caseId": ids.case, "input": att("3", "a\u{7}"), "contentBase64": null }),
        CONTROL,
    );
    add(
        "add_attachment bad base64",
        "add_attachment",
        json!({ "caseId": ids.attachment_case, "input": att("3", "t"), "contentBase64": "!!ikke base64!!" }),
        ANY_INVALID,
    );
    add(
        "",
        "add_attachment",
        json!({ "caseId": nope, "input": att("3", "t"), "contentBase64": null }),
        NOT_FOUND,
    );
    add("", "remove_attachment", json!({ "id": nope }), NOT_FOUND);
    add(
        "link_case to itself",
        "link_case",
        json!({ "caseId": ids.case, "targetCaseId": ids.case }),
        ANY_INVALID,
    );
    add(
        "",
        "link_case",
        json!({ "caseId": ids.case, "targetCaseId": nope }),
        NOT_FOUND,
    );
    let r = |number: &str, date: &str, title: &str| json!({ "number": number, "body": "", "date": date, "title": title, "decision": "" });
    add(
        "",
        "add_reference",
        json!({ "caseId": ids.case, "input": r("", "", "") }),
        EMPTY,
    );
    add(
        "",
        "add_reference",
        json!({ "caseId": ids.case, "input": r("5/24", "2024-31-01", "") }),
        DATE,
    );
    add(
        "",
        "add_reference",
        json!({ "caseId": ids.case, "input": r("5/24", "", &long) }),
        LONG,
    );
    add(
        "",
        "add_reference",
        json!({ "caseId": nope, "input": r("5/24", "", "") }),
        NOT_FOUND,
    );
    add("", "remove_link", json!({ "id": nope }), NOT_FOUND);
    add("", "case_history", json!({ "caseId": nope }), NOT_FOUND);

    // The meeting record
    let att_in = |person: &str, status: &str, sub: Value| json!({ "person_id": person, "status": status, "substitute_for": sub, "remote": false });
    add(
        "",
        "list_attendance",
        json!({ "meetingId": nope }),
        NOT_FOUND,
    );
    add(
        "",
        "set_attendance",
        json!({ "meetingId": ids.sent_meeting, "input": att_in(nope, "present", Value::Null) }),
        NOT_FOUND,
    );
    add(
        "",
        "set_attendance",
        json!({ "meetingId": nope, "input": att_in(&ids.person, "present", Value::Null) }),
        NOT_FOUND,
    );
    add(
        "",
        "set_attendance",
        json!({ "meetingId": ids.sent_meeting, "input": att_in(&ids.person, "substitute", json!(nope)) }),
        NOT_FOUND,
    );
    add(
        "",
        "remove_attendance",
        json!({ "meetingId": ids.sent_meeting, "personId": nope }),
        NOT_FOUND,
    );
    add(
        "",
        "set_narrative",
        json!({ "itemId": ids.item, "text": "a\u{7}b" }),
        CONTROL,
    );
    add(
        "",
        "set_narrative",
        json!({ "itemId": ids.item, "text": huge }),
        LONG,
    );
    add(
        "",
        "set_narrative",
        json!({ "itemId": nope, "text": "x" }),
        NOT_FOUND,
    );
    add("", "list_innspill", json!({ "itemId": nope }), NOT_FOUND);
    add(
        "",
        "add_innspill",
        json!({ "itemId": ids.item, "text": "", "position": null }),
        EMPTY,
    );
    add(
        "",
        "add_innspill",
        json!({ "itemId": ids.item, "text": "\u{1b}]0;x\u{7}", "position": null }),
        CONTROL,
    );
    add(
        "",
        "add_innspill",
        json!({ "itemId": ids.item, "text": huge, "position": null }),
        LONG,
    );
    add(
        "",
        "add_innspill",
        json!({ "itemId": nope, "text": "x", "position": null }),
        NOT_FOUND,
    );
    add(
        "",
        "update_innspill",
        json!({ "id": ids.innspill, "text": " " }),
        EMPTY,
    );
    add(
        "",
        "update_innspill",
        json!({ "id": nope, "text": "x" }),
        NOT_FOUND,
    );
    add("", "remove_innspill", json!({ "id": nope }), NOT_FOUND);
    add(
        "",
        "record_decision",
        json!({ "caseId": ids.case, "text": "" }),
        EMPTY,
    );
    add(
        "",
        "record_decision",
        json!({ "caseId": ids.case, "text": "a\u{0}b" }),
        CONTROL,
    );
    add(
        "",
        "record_decision",
        json!({ "caseId": nope, "text": "x" }),
        NOT_FOUND,
    );
    add("", "accept_proposal", json!({ "caseId": nope }), NOT_FOUND);
    add("", "clear_decision", json!({ "caseId": nope }), NOT_FOUND);
    let action = |text: &str, due: Value| json!({ "text": text, "responsible": "", "due": due });
    add("", "list_actions", json!({ "itemId": nope }), ANSWER);
    add(
        "",
        "add_action",
        json!({ "itemId": ids.item, "input": action("", json!("none")) }),
        EMPTY,
    );
    add(
        "",
        "add_action",
        json!({ "itemId": ids.item, "input": action("x", json!({ "date": "2025-02-30" })) }),
        DATE,
    );
    add(
        "",
        "add_action",
        json!({ "itemId": ids.item, "input": action("x", json!({ "date": "snart" })) }),
        DATE,
    );
    add(
        "",
        "add_action",
        json!({ "itemId": nope, "input": action("x", json!("none")) }),
        NOT_FOUND,
    );
    add(
        "",
        "update_action",
        json!({ "id": ids.action, "input": action("a\u{7}", json!("none")) }),
        CONTROL,
    );
    add(
        "",
        "update_action",
        json!({ "id": nope, "input": action("x", json!("none")) }),
        NOT_FOUND,
    );
    add("", "remove_action", json!({ "id": nope }), NOT_FOUND);
    add(
        "",
        "set_action_status",
        json!({ "id": ids.action, "status": "cancelled", "note": "" }),
        ANY_INVALID,
    );
    add(
        "set_action_status status=finished",
        "set_action_status",
        json!({ "id": ids.action, "status": "finished", "note": "" }),
        ANY_INVALID,
    );
    add(
        "",
        "set_action_status",
        json!({ "id": nope, "status": "done", "note": "" }),
        NOT_FOUND,
    );
    add(
        "open_actions before=x",
        "open_actions",
        json!({ "bodyId": body, "beforeDate": "x" }),
        DATE,
    );
    add(
        "",
        "body_actions",
        json!({ "bodyId": nope, "year": 2025 }),
        ANSWER,
    );
    add(
        "",
        "action_page",
        json!({ "bodyId": nope, "year": 2025, "openOnly": false, "offset": 0, "limit": 50 }),
        ANSWER,
    );
    add("", "meeting_years", json!({ "bodyId": nope }), ANSWER);
    add(
        "",
        "correct",
        json!({ "reason": "", "edit": { "kind": "decision", "case_id": ids.case, "text": "x" } }),
        ANY_INVALID,
    );
    add(
        "",
        "correct",
        json!({ "reason": "r", "edit": { "kind": "decision", "case_id": nope, "text": "x" } }),
        NOT_FOUND,
    );
    add(
        "",
        "correct",
        json!({ "reason": "r", "edit": { "kind": "innspill", "id": nope, "text": "x" } }),
        NOT_FOUND,
    );
    add(
        "",
        "correct",
        json!({ "reason": "r", "edit": { "kind": "add_innspill", "item_id": ids.item, "text": "" } }),
        ANY_INVALID,
    );
    add(
        "",
        "correct",
        json!({ "reason": "a\u{7}", "edit": { "kind": "narrative", "item_id": ids.item, "text": "x" } }),
        ANY_INVALID,
    );
    add(
        "",
        "correct",
        json!({ "reason": "r", "edit": { "kind": "remove_innspill", "id": nope } }),
        NOT_FOUND,
    );
    add(
        "",
        "correct",
        json!({ "reason": "r", "edit": { "kind": "action", "id": nope, "input": action("x", json!("none")) } }),
        NOT_FOUND,
    );
    add(
        "",
        "correct",
        json!({ "reason": "r", "edit": { "kind": "add_action", "item_id": nope, "input": action("x", json!("none")) } }),
        NOT_FOUND,
    );
    add(
        "",
        "correct",
        json!({ "reason": "r", "edit": { "kind": "attendance", "meeting_id": nope, "input": att_in(&ids.person, "present", Value::Null) } }),
        NOT_FOUND,
    );

    // What the law asks the minutes to show (schema v5): groups, positions, presence, substitutes,
    // impartiality, quorum, proposals, votes, rules and signing.
    let party = |name: &str, short: &str| json!({ "name": name, "short_name": short });
    let position = |org: &str, since: Value, until: Value| json!({ "organisation": org, "role": "", "since": since, "until": until });
    let unanimous = json!({ "proposal_id": null, "method": "unanimous", "votes_for": null, "votes_against": null,
        "votes_blank": null, "groups": [], "ballots": [], "result": null });
    let counts_missing = json!({ "proposal_id": null, "method": "counts", "votes_for": null, "votes_against": null,
        "votes_blank": null, "groups": [], "ballots": [], "result": null });
    let proposal =
        |text: &str, person: Value| json!({ "text": text, "party_id": null, "person_id": person });
    add(
        "set_body_rules quorum_percent=0",
        "set_body_rules",
        json!({ "id": body, "quorumPercent": 0, "signedMinutes": false }),
        RANGE,
    );
    add(
        "",
        "set_body_rules",
        json!({ "id": nope, "quorumPercent": 50, "signedMinutes": true }),
        NOT_FOUND,
    );
    add("", "list_parties", json!({ "bodyId": nope }), ANSWER);
    add(
        "",
        "add_party",
        json!({ "bodyId": body, "input": party("", "H") }),
        EMPTY,
    );
    add(
        "",
        "add_party",
        json!({ "bodyId": body, "input": party("Høyre", "Høyrepartiet13") }),
        LONG,
    );
    add(
        "",
        "add_party",
        json!({ "bodyId": body, "input": party("Hø\u{7}yre", "H") }),
        CONTROL,
    );
    add(
        "",
        "add_party",
        json!({ "bodyId": nope, "input": party("Høyre", "H") }),
        NOT_FOUND,
    );
    add(
        "",
        "update_party",
        json!({ "id": nope, "input": party("Høyre", "H") }),
        NOT_FOUND,
    );
    add("", "remove_party", json!({ "id": nope }), NOT_FOUND);
    add(
        "",
        "set_membership_party",
        json!({ "membershipId": nope, "partyId": null }),
        NOT_FOUND,
    );
    add(
        "",
        "set_membership_party",
        json!({ "membershipId": ids.membership, "partyId": nope }),
        NOT_FOUND,
    );
    add(
        "",
        "list_outside_positions",
        json!({ "personId": nope }),
        ANSWER,
    );
    add(
        "",
        "add_outside_position",
        json!({ "personId": ids.person, "input": position("", Value::Null, Value::Null) }),
        EMPTY,
    );
    add(
        "",
        "add_outside_position",
        json!({ "personId": ids.person, "input": position("Storvika AS", json!("2025-13-01"), Value::Null) }),
        DATE,
    );
    add(
        "",
        "add_outside_position",
        json!({ "personId": ids.person, "input": position("Storvika AS", json!("2025-06-01"), json!("2025-01-01")) }),
        ANY_INVALID,
    );
    add(
        "",
        "add_outside_position",
        json!({ "personId": nope, "input": position("Storvika AS", Value::Null, Value::Null) }),
        NOT_FOUND,
    );
    add(
        "",
        "update_outside_position",
        json!({ "id": nope, "input": position("Storvika AS", Value::Null, Value::Null) }),
        NOT_FOUND,
    );
    add(
        "",
        "remove_outside_position",
        json!({ "id": nope }),
        NOT_FOUND,
    );
    add(
        "",
        "set_presence_change",
        json!({ "meetingId": nope, "personId": ids.person, "kind": "left", "itemId": null }),
        NOT_FOUND,
    );
    add(
        "",
        "set_presence_change",
        json!({ "meetingId": ids.draft, "personId": ids.person, "kind": "left", "itemId": ids.item }),
        ANY_INVALID,
    );
    add(
        "",
        "list_presence_changes",
        json!({ "meetingId": nope }),
        ANSWER,
    );
    add(
        "",
        "add_case_substitute",
        json!({ "caseId": nope, "personId": ids.person, "substituteFor": ids.person }),
        NOT_FOUND,
    );
    add(
        "",
        "add_case_substitute",
        json!({ "caseId": ids.case, "personId": ids.person, "substituteFor": ids.person }),
        ANY_INVALID,
    );
    add(
        "",
        "remove_case_substitute",
        json!({ "id": nope }),
        NOT_FOUND,
    );
    add(
        "",
        "list_case_substitutes",
        json!({ "caseId": nope }),
        ANSWER,
    );
    add(
        "",
        "raise_disqualification",
        json!({ "caseId": nope, "personId": ids.person, "reason": "" }),
        NOT_FOUND,
    );
    add(
        "",
        "raise_disqualification",
        json!({ "caseId": ids.case, "personId": ids.person, "reason": long }),
        LONG,
    );
    add(
        "",
        "raise_disqualification",
        json!({ "caseId": ids.case, "personId": ids.person, "reason": "a\u{7}b" }),
        CONTROL,
    );
    add(
        "",
        "decide_disqualification",
        json!({ "id": nope, "decision": { "outcome": "disqualified", "basis": "fvl. § 6", "votes": null } }),
        NOT_FOUND,
    );
    add(
        "",
        "remove_disqualification",
        json!({ "id": nope }),
        NOT_FOUND,
    );
    add(
        "",
        "list_disqualifications",
        json!({ "caseId": nope }),
        ANSWER,
    );
    add(
        "",
        "possible_conflicts",
        json!({ "caseId": nope }),
        NOT_FOUND,
    );
    add("", "get_quorum", json!({ "meetingId": nope }), NOT_FOUND);
    add(
        "",
        "decide_without_quorum",
        json!({ "caseId": nope, "allow": true }),
        NOT_FOUND,
    );
    add("", "list_proposals", json!({ "caseId": nope }), ANSWER);
    add(
        "",
        "add_proposal",
        json!({ "caseId": ids.case, "input": proposal("", json!(ids.person)) }),
        EMPTY,
    );
    add(
        "",
        "add_proposal",
        json!({ "caseId": ids.case, "input": proposal("Utsettes.", Value::Null) }),
        ANY_INVALID,
    );
    add(
        "",
        "add_proposal",
        json!({ "caseId": nope, "input": proposal("Utsettes.", json!(ids.person)) }),
        NOT_FOUND,
    );
    add(
        "",
        "update_proposal",
        json!({ "id": nope, "input": proposal("Utsettes.", json!(ids.person)) }),
        NOT_FOUND,
    );
    add("", "remove_proposal", json!({ "id": nope }), NOT_FOUND);
    add(
        "",
        "record_vote",
        json!({ "caseId": nope, "input": unanimous }),
        NOT_FOUND,
    );
    add(
        "",
        "record_vote",
        json!({ "caseId": ids.case, "input": counts_missing }),
        ANY_INVALID,
    );
    add("", "remove_vote", json!({ "id": nope }), NOT_FOUND);
    add("", "list_votes", json!({ "caseId": nope }), ANSWER);
    add(
        "",
        "set_minutes_signers",
        json!({ "meetingId": nope, "personIds": [] }),
        NOT_FOUND,
    );
    add(
        "",
        "set_minutes_signers",
        json!({ "meetingId": ids.draft, "personIds": [ids.person, ids.person] }),
        ANY_INVALID,
    );
    add("", "get_signing", json!({ "meetingId": nope }), NOT_FOUND);
    add(
        "",
        "send_for_signing",
        json!({ "meetingId": nope }),
        NOT_FOUND,
    );
    add(
        "",
        "send_for_signing",
        json!({ "meetingId": ids.held_meeting }),
        STATE,
    );
    add(
        "",
        "sign_minutes",
        json!({ "meetingId": ids.held_meeting, "personId": ids.person, "sha256": "00" }),
        STATE,
    );
    add(
        "",
        "refuse_minutes",
        json!({ "meetingId": ids.held_meeting, "personId": ids.person, "comment": "" }),
        EMPTY,
    );
    add("", "signing_pdf", json!({ "roundId": nope }), NOT_FOUND);

    // Search: any text is a query, never SQL or FTS syntax.
    let q = |text: &str| json!({ "query": { "text": text, "body": null, "year": null, "case_type": null, "limit": null } });
    for text in [
        "",
        "\"",
        "NEAR(",
        "AND OR NOT",
        "*",
        "'); DROP TABLE \"case\";--",
        "a\u{7}b",
        &long,
    ] {
        add("", "search", q(text), ANSWER);
    }
    add(
        "",
        "search",
        json!({ "query": { "text": "x", "body": nope, "year": -1, "case_type": null, "limit": 0 } }),
        NOT_FOUND,
    );
    add(
        "",
        "search",
        json!({ "query": { "text": "x", "body": null, "year": -1, "case_type": "'); DROP TABLE x;--", "limit": 0 } }),
        ANSWER,
    );
    add(
        "search limit=-5",
        "search",
        json!({ "query": { "text": "x", "body": null, "year": null, "case_type": null, "limit": -5 } }),
        ANY_INVALID,
    );

    // Documents, files and the app
    add(
        "",
        "preview_document",
        json!({ "request": { "kind": "agenda", "meeting_id": nope, "public": false } }),
        NOT_FOUND,
    );
    add(
        "",
        "preview_document",
        json!({ "request": { "kind": "memo", "case_id": nope, "public": true } }),
        NOT_FOUND,
    );
    add(
        "",
        "preview_document",
        json!({ "request": { "kind": "minutes", "meeting_id": nope, "public": false } }),
        NOT_FOUND,
    );
    add(
        "",
        "preview_document",
        json!({ "request": { "kind": "register", "body_id": nope, "year": 2025, "public": false } }),
        NOT_FOUND,
    );
    add(
        "",
        "preview_document",
        json!({ "request": { "kind": "pack", "meeting_id": nope, "public": false } }),
        NOT_FOUND,
    );
    add(
        "",
        "preview_document",
        json!({ "request": { "kind": "invitation", "meeting_id": nope } }),
        NOT_FOUND,
    );
    add(
        "export_documents register year=0",
        "export_documents",
        json!({ "requests": [{ "kind": "register", "body_id": nope, "year": 0, "public": false }] }),
        NOT_FOUND,
    );
    add(
        "preview_document register year=0",
        "preview_document",
        json!({ "request": { "kind": "register", "body_id": body, "year": 0, "public": false } }),
        ANY_INVALID,
    );
    add("", "open_attachment", json!({ "id": nope }), NOT_FOUND);
    let missing = dir.join("finnes-ikke.quorum").display().to_string();
    let text = dir.join("tekst.txt");
    std::fs::write(&text, "ikke en registerfil\n").unwrap();
    add(
        "open_archive missing file",
        "open_archive",
        json!({ "path": missing }),
        MISSING_FILE,
    );
    add(
        "",
        "open_archive",
        json!({ "path": text.display().to_string() }),
        FILE,
    );
    add(
        "",
        "open_archive",
        json!({ "path": dir.display().to_string() }),
        FILE,
    );
    add("", "restore_backup", json!({ "path": missing }), FILE);
    add(
        "",
        "restore_backup",
        json!({ "path": text.display().to_string() }),
        FILE,
    );
    add("", "restore_backup", json!({ "path": "" }), FILE);
    v
}

/// Commands that take nothing a user types (or that open a dialog, the OS or end the app):
/// the corpus has no bad input for them.
const NO_INPUT: &[&str] = &[
    "app_info",
    "set_language",
    "export_archive",
    "pick_archive",
    "close_archive",
    "list_backups",
    "make_backup",
    "open_problem",
    "quit",
    "open_path",
    "journal_write",
    "journal_read",
    "list_bodies",
    "list_people",
];

/// The commands `lib.rs` registers.
fn registered() -> BTreeSet<String> {
    let lib = include_str!("lib.rs");
    let start = lib.find("generate_handler![").expect("handler list") + "generate_handler![".len();
    let end = start + lib[start..].find(']').expect("end of handler list");
    lib[start..end]
        .split(',')
        .filter_map(|s| s.trim().rsplit("::").next().map(str::to_string))
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn every_command_refuses_bad_input_in_the_users_language_and_changes_nothing() {
    let w = window();
    let ids = setup(&w);
    let cases = cases(&ids, w.dir.path());
    let mut labels = BTreeSet::new();
    let mut reached = BTreeSet::new();
    let mut failures = Vec::new();
    let mut known_seen = BTreeSet::new();
    for c in &cases {
        assert!(
            labels.insert(c.label.clone()),
            "case listed twice: {}",
            c.label
        );
        reached.insert(c.cmd.to_string());
        let problems = check(&w, c);
        match KNOWN.iter().find(|(k, _)| *k == c.label) {
            Some((_, why)) => {
                known_seen.insert(c.label.clone());
                if problems.is_empty() {
                    failures.push(format!(
                        "{}: known defect ({why}) is fixed; remove it from KNOWN",
                        c.label
                    ));
                } else {
                    println!(
                        "known defect: {}: {why}\n    {}",
                        c.label,
                        problems.join("\n    ")
                    );
                }
            }
            None if !problems.is_empty() => {
                failures.push(format!("{}:\n    {}", c.label, problems.join("\n    ")));
            }
            None => {}
        }
    }
    for (k, _) in KNOWN {
        if !known_seen.contains(*k) {
            failures.push(format!("KNOWN lists a case the corpus does not run: {k}"));
        }
    }
    let missed: Vec<String> = registered()
        .into_iter()
        .filter(|c| !reached.contains(c) && !NO_INPUT.contains(&c.as_str()))
        .collect();
    println!(
        "IPC corpus: {} cases over {} commands",
        cases.len(),
        reached.len()
    );
    assert!(missed.is_empty(), "no bad input for {missed:?}");
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn script_and_sql_fragments_are_stored_inert_through_the_window() {
    let w = window();
    let ids = setup(&w);
    let fragments = [
        "<script>alert(1)</script>",
        "'); DROP TABLE \"case\";--",
        "<img src=x onerror=alert(1)>",
        "${jndi:ldap://x/a} {{7*7}} %s%n",
        "\u{202e}fdp.exe",
        "Æøå «sitat» 👩‍👩‍👧 ‏עברית",
    ];
    let mut n = 0;
    for s in fragments {
        let p = ok(
            &w,
            "create_person",
            json!({ "input": { "name": s, "organisation": s, "email": "" } }),
        );
        assert_eq!(p["name"], s);
        let i = ok(
            &w,
            "add_innspill",
            json!({ "itemId": ids.item, "text": s, "position": null }),
        );
        let back = ok(&w, "list_innspill", json!({ "itemId": ids.item }));
        assert!(back
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["id"] == i["id"] && x["text"] == s));
        let c = ok(
            &w,
            "record_decision",
            json!({ "caseId": ids.case, "text": s }),
        );
        assert_eq!(ok(&w, "get_case", json!({ "id": c["id"] }))["decision"], s);
        ok(
            &w,
            "set_narrative",
            json!({ "itemId": ids.item, "text": s }),
        );
        assert_eq!(
            ok(&w, "get_item", json!({ "id": ids.item }))["narrative"],
            s
        );
        n += 4;
    }
    // The agenda preview with all of them is a PDF.
    let pdf = call(
        &w,
        "preview_document",
        &json!({ "request": { "kind": "agenda", "meeting_id": ids.draft, "public": false } }),
    );
    assert!(pdf.is_ok(), "{pdf:?}");
    println!("IPC inert: {n} cases");
}
