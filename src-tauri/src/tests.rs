//! The commands through Tauri's IPC with `tauri::test`, on a real record file.

use crate::DeskState;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow};

struct Window {
    _dir: tempfile::TempDir,
    webview: WebviewWindow<MockRuntime>,
    _app: tauri::App<MockRuntime>,
}

fn window() -> Window {
    let dir = tempfile::tempdir().unwrap();
    let state = DeskState::open(
        dir.path().join("rådhus møter.db"),
        dir.path().join("eksport"),
    )
    .unwrap();
    window_on(dir, state)
}

/// The window over `state`, whose files live in `dir`.
fn window_on(dir: tempfile::TempDir, state: DeskState) -> Window {
    let app = crate::setup(mock_builder(), state)
        .build(mock_context(noop_assets()))
        .expect("mock app builds");
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("mock window builds");
    Window {
        _dir: dir,
        webview,
        _app: app,
    }
}

fn call(w: &Window, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        &w.webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|r| r.deserialize::<Value>().unwrap())
}

/// The first demo body's id and its 2025 meetings.
fn demo_meetings(w: &Window) -> (String, Vec<Value>) {
    let bodies = call(w, "list_bodies", json!({})).unwrap();
    let body_id = bodies[0]["id"].as_str().unwrap().to_string();
    let meetings = call(
        w,
        "list_meetings",
        json!({ "bodyId": body_id, "year": 2025 }),
    )
    .unwrap();
    (body_id, meetings.as_array().unwrap().clone())
}

#[test]
fn a_new_record_opens_on_the_demo() {
    let w = window();
    let info = call(&w, "app_info", json!({})).unwrap();
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert!(info["db_path"]
        .as_str()
        .unwrap()
        .ends_with("rådhus møter.db"));
    assert_eq!(info["read_only"], false);
    let bodies = call(&w, "list_bodies", json!({})).unwrap();
    let names: Vec<&str> = bodies
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["short_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["E-helserådet", "Kommunestyret", "NUIT"]);
}

#[test]
fn the_timetable_of_the_demo_agenda_comes_through() {
    let w = window();
    let (_, meetings) = demo_meetings(&w);
    let m4 = meetings.iter().find(|m| m["number"] == "4/2025").unwrap();
    let tt = call(&w, "get_timetable", json!({ "meetingId": m4["id"] })).unwrap();
    let starts: Vec<&str> = tt["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["start"].as_str().unwrap())
        .collect();
    assert_eq!(starts.first(), Some(&"10:00"));
    assert_eq!(starts.last(), Some(&"15:55"));
    assert_eq!(tt["end"], "16:00");
}

#[test]
fn errors_name_the_field_in_the_users_language() {
    let w = window();
    let bodies = call(&w, "list_bodies", json!({})).unwrap();
    let body_id = bodies[0]["id"].as_str().unwrap();
    let input = json!({ "number": "", "extraordinary": false, "date": "2026-02-30", "start": "10:00", "end": "12:00",
        "place": "Oslo", "remote": false, "remote_link": "" });
    let err = call(
        &w,
        "create_meeting",
        json!({ "bodyId": body_id, "input": input }),
    )
    .unwrap_err();
    assert_eq!(err["field"], "date");
    assert_eq!(err["kind"], "invalid");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("er ikke en dato som finnes"),
        "{err}"
    );
    call(&w, "set_language", json!({ "lang": "en" })).unwrap();
    let err = call(
        &w,
        "create_meeting",
        json!({ "bodyId": body_id, "input": input }),
    )
    .unwrap_err();
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("is not a date that exists"),
        "{err}"
    );
}

#[test]
fn a_shared_archive_opens_read_only() {
    let w = window();
    let path = call(&w, "export_archive", json!({})).unwrap();
    let info = call(&w, "open_archive", json!({ "path": path })).unwrap();
    assert_eq!(info["read_only"], true);
    let bodies = call(&w, "list_bodies", json!({})).unwrap();
    assert_eq!(bodies.as_array().unwrap().len(), 3);
    let input = json!({ "short_name": "X", "name": "Nytt råd", "secretariat": "", "default_place": "", "language": "nb" });
    let err = call(&w, "create_body", json!({ "input": input })).unwrap_err();
    assert!(
        err["message"].as_str().unwrap().contains("skrivebeskyttet"),
        "{err}"
    );
    // The window tells a read-only archive apart from a bad value (no field to mark).
    assert_eq!(err["kind"], "read_only", "{err}");
    assert_eq!(err["field"], Value::Null, "{err}");
    let info = call(&w, "close_archive", json!({})).unwrap();
    assert_eq!(info["read_only"], false);
    assert!(call(&w, "create_body", json!({ "input": input })).is_ok());
}

#[test]
fn live_mode_records_a_decision_as_proposed_and_an_amended_one() {
    let w = window();
    let hits = call(&w, "search", json!({ "query": { "text": "Helseteknologiordningen", "body": "E-helserådet", "year": 2025, "case_type": null, "limit": 5 } })).unwrap();
    let case_id = hits[0]["case_id"].as_str().unwrap().to_string();
    let c = call(&w, "accept_proposal", json!({ "caseId": case_id })).unwrap();
    assert_eq!(c["decision"], c["proposal"]);
    assert_eq!(c["amended"], false);
    let c = call(
        &w,
        "record_decision",
        json!({ "caseId": case_id, "text": "Endret vedtak." }),
    )
    .unwrap();
    assert_eq!(c["amended"], true);
}

/// The demo's Testvik kommunestyre: meeting 1/2026 signed by its signers; in a new meeting where
/// no one is checked in, a vote is refused with the kind the window tells apart, and recorded
/// once the secretariat confirms it is recorded without a quorum.
#[test]
fn the_kommunestyre_demo_is_signed_and_a_vote_without_quorum_waits_for_confirmation() {
    let w = window();
    let bodies = call(&w, "list_bodies", json!({})).unwrap();
    let k = bodies
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["short_name"] == "Kommunestyret")
        .unwrap()
        .clone();
    assert_eq!(k["quorum_percent"], 50);
    assert_eq!(k["signed_minutes"], true);
    let parties = call(&w, "list_parties", json!({ "bodyId": k["id"] })).unwrap();
    assert_eq!(parties.as_array().unwrap().len(), 5);
    let meetings = call(
        &w,
        "list_meetings",
        json!({ "bodyId": k["id"], "year": 2026 }),
    )
    .unwrap();
    let m1 = meetings
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["number"] == "1/2026")
        .unwrap()
        .clone();
    assert_eq!(m1["status"], "approved");
    let signing = call(&w, "get_signing", json!({ "meetingId": m1["id"] })).unwrap();
    assert_eq!(signing["required"], true);
    let round = signing["rounds"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(round["outcome"], "signed");
    let pdf = call(&w, "signing_pdf", json!({ "roundId": round["id"] }));
    assert!(pdf.is_ok(), "{pdf:?}");
    let q = call(&w, "get_quorum", json!({ "meetingId": m1["id"] })).unwrap();
    assert!(!q.as_array().unwrap().is_empty());

    let input = json!({ "number": "", "extraordinary": false, "date": "2026-04-16", "start": "18:00", "end": "20:00",
        "place": "Rådhuset", "remote": false, "remote_link": "" });
    let m = call(
        &w,
        "create_meeting",
        json!({ "bodyId": k["id"], "input": input }),
    )
    .unwrap();
    let item = json!({ "kind": "case", "title": "Tilskudd til kulturhuset", "case_type": "Beslutning", "guest": "",
        "summary": "", "duration_min": 20, "case_id": null, "continues_case_id": null,
        "new_case": { "title": "Tilskudd til kulturhuset", "case_type": "Beslutning", "summary": "", "proposal": null,
            "no_memo": false, "memo": { "purpose": "", "background": "", "questions": "", "process": "" },
            "owner": "", "officer": "" } });
    let item = call(
        &w,
        "add_item",
        json!({ "meetingId": m["id"], "input": item, "position": null }),
    )
    .unwrap();
    let case_id = item["case_id"].clone();
    let vote = json!({ "proposal_id": null, "method": "unanimous", "votes_for": null, "votes_against": null,
        "votes_blank": null, "groups": [], "ballots": [], "result": null });
    let err = call(
        &w,
        "record_vote",
        json!({ "caseId": case_id, "input": vote }),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "not_quorate", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("ikke vedtaksført"),
        "{err}"
    );
    call(
        &w,
        "decide_without_quorum",
        json!({ "caseId": case_id, "allow": true }),
    )
    .unwrap();
    let v = call(
        &w,
        "record_vote",
        json!({ "caseId": case_id, "input": vote }),
    )
    .unwrap();
    assert_eq!(v["result"], "adopted");
    let c = call(&w, "get_case", json!({ "id": case_id })).unwrap();
    assert_eq!(c["decision"], c["proposal"]);
}

#[test]
fn unknown_command_is_an_error() {
    let w = window();
    assert!(call(&w, "no_such_command", json!({})).is_err());
}

#[test]
fn a_vocabulary_value_outside_its_list_is_refused_at_the_boundary() {
    let w = window();
    let (body_id, meetings) = demo_meetings(&w);
    let m = &meetings[0];
    // Statuses arrive as the stored names the UI's union types list.
    assert_eq!(m["status"], "held", "{m}");
    let actions = call(
        &w,
        "body_actions",
        json!({ "bodyId": body_id, "year": 2025 }),
    )
    .unwrap();
    let id = actions[0]["id"].as_str().unwrap();
    let err = call(
        &w,
        "set_action_status",
        json!({ "id": id, "status": "ferdig", "note": "" }),
    )
    .unwrap_err();
    assert!(err.to_string().contains("ferdig"), "{err}");
    let done = call(
        &w,
        "set_action_status",
        json!({ "id": id, "status": "done", "note": "" }),
    )
    .unwrap();
    assert_eq!(done["status"], "done");
}

// --- Backups and the recovery screen ---

fn backup_paths(list: &Value) -> Vec<String> {
    list["backups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["path"].as_str().unwrap().to_string())
        .collect()
}

fn body_names(w: &Window) -> Vec<String> {
    call(w, "list_bodies", json!({}))
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["name"].as_str().unwrap().to_string())
        .collect()
}

fn new_body(w: &Window, name: &str) {
    let input = json!({ "short_name": name, "name": name, "secretariat": "", "default_place": "", "language": "nb" });
    call(w, "create_body", json!({ "input": input })).unwrap();
}

#[test]
fn a_backup_taken_now_is_listed_as_checked() {
    let w = window();
    let made = call(&w, "make_backup", json!({})).unwrap();
    assert_eq!(made["kind"], "manual", "{made}");
    assert_eq!(made["verified"], true, "{made}");
    assert!(made["size"].as_u64().unwrap() > 0, "{made}");
    let list = call(&w, "list_backups", json!({})).unwrap();
    assert!(
        list["folder"].as_str().unwrap().ends_with("backups"),
        "{list}"
    );
    assert_eq!(backup_paths(&list), vec![made["path"].as_str().unwrap()]);
    let listed = &list["backups"][0];
    assert_eq!(listed["verified"], true);
    assert_eq!(listed["problem"], Value::Null);
    // Local time, to the second: the screen shows when, not only which day.
    assert_eq!(listed["taken"].as_str().unwrap().len(), 19, "{listed}");
}

#[test]
fn a_damaged_backup_is_listed_as_not_restorable() {
    let w = window();
    let made = call(&w, "make_backup", json!({})).unwrap();
    let path = made["path"].as_str().unwrap();
    std::fs::write(path, b"not a database at all").unwrap();
    let list = call(&w, "list_backups", json!({})).unwrap();
    assert_eq!(list["backups"][0]["verified"], false, "{list}");
    assert!(
        list["backups"][0]["problem"]
            .as_str()
            .unwrap()
            .contains("ikke en gyldig sikkerhetskopi"),
        "{list}"
    );
    let err = call(&w, "restore_backup", json!({ "path": path })).unwrap_err();
    assert_eq!(err["kind"], "file", "{err}");
    // The record was closed for the attempt and is open again, unchanged.
    assert_eq!(body_names(&w).len(), 3);
}

#[test]
fn a_restore_brings_the_backup_back_and_keeps_the_record_it_replaced() {
    let w = window();
    let made = call(&w, "make_backup", json!({})).unwrap();
    new_body(&w, "Etter kopien");
    assert!(body_names(&w).contains(&"Etter kopien".to_string()));

    let done = call(&w, "restore_backup", json!({ "path": made["path"] })).unwrap();
    assert_eq!(done["from"], made["path"]);
    assert_eq!(done["info"]["read_only"], false);
    let kept = done["kept"].as_str().unwrap().to_string();
    assert!(kept.contains("before-restore"), "{done}");
    // The window works on the restored record at once.
    assert!(!body_names(&w).contains(&"Etter kopien".to_string()));
    new_body(&w, "Etter gjenopprettingen");
    let list = call(&w, "list_backups", json!({})).unwrap();
    let kept_entry = list["backups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["path"] == kept.as_str())
        .expect("the replaced record is listed");
    assert_eq!(kept_entry["kind"], "before_restore");
    assert_eq!(kept_entry["verified"], true);

    // Restoring the kept copy brings the change made before the first restore back.
    call(&w, "restore_backup", json!({ "path": kept })).unwrap();
    assert!(body_names(&w).contains(&"Etter kopien".to_string()));
}

#[test]
fn a_restore_takes_only_a_backup_of_this_record() {
    let w = window();
    let made = call(&w, "make_backup", json!({})).unwrap();
    let elsewhere = w._dir.path().join("kopi.quorum");
    std::fs::copy(made["path"].as_str().unwrap(), &elsewhere).unwrap();
    new_body(&w, "Blir værende");
    let err = call(&w, "restore_backup", json!({ "path": elsewhere })).unwrap_err();
    assert_eq!(err["kind"], "file", "{err}");
    assert!(body_names(&w).contains(&"Blir værende".to_string()));
}

#[test]
fn backups_are_refused_while_an_archive_is_open() {
    let w = window();
    let made = call(&w, "make_backup", json!({})).unwrap();
    let archive = call(&w, "export_archive", json!({})).unwrap();
    call(&w, "open_archive", json!({ "path": archive })).unwrap();
    let err = call(&w, "make_backup", json!({})).unwrap_err();
    assert_eq!(err["kind"], "read_only", "{err}");
    let err = call(&w, "restore_backup", json!({ "path": made["path"] })).unwrap_err();
    assert_eq!(err["kind"], "read_only", "{err}");
}

#[test]
fn an_open_record_has_no_recovery_problem() {
    let w = window();
    assert_eq!(call(&w, "open_problem", json!({})).unwrap(), Value::Null);
}

/// A record with a backup, then damaged the way a disk or a stray write does: its first 100
/// bytes (the SQLite header) overwritten.
fn damaged_record() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("quorum.db");
    // Through the state directly, not a window: dropping it closes the record, so the damage
    // below is not hidden behind a write-ahead log that still holds the first page.
    let backup = {
        let state = DeskState::open(record.clone(), dir.path().join("eksport")).unwrap();
        let input: quorum_record::bodies::BodyInput = serde_json::from_value(json!({
            "short_name": "Før skaden", "name": "Før skaden", "secretariat": "",
            "default_place": "", "language": "nb" }))
        .unwrap();
        state.with(|s| s.create_body(&input)).unwrap();
        state
            .with(|s| s.backup(quorum_record::backup::local_now()))
            .unwrap()
            .path
            .display()
            .to_string()
    };
    assert!(!record.with_extension("db-wal").exists());
    let mut bytes = std::fs::read(&record).unwrap();
    bytes[..100].fill(0x55);
    std::fs::write(&record, &bytes).unwrap();
    (dir, record, backup)
}

#[test]
fn a_damaged_record_opens_the_recovery_and_a_backup_restores_it() {
    let (dir, record, backup) = damaged_record();
    let damaged = std::fs::read(&record).unwrap();
    let state = DeskState::open_or_recover(record.clone(), dir.path().join("eksport"));
    let w = window_on(dir, state);

    let problem = call(&w, "open_problem", json!({})).unwrap();
    assert_eq!(problem["kind"], "damaged", "{problem}");
    assert_eq!(problem["path"], record.display().to_string());
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .contains("ikke en Quorum-registerfil"),
        "{problem}"
    );
    call(&w, "set_language", json!({ "lang": "en" })).unwrap();
    let problem = call(&w, "open_problem", json!({})).unwrap();
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .contains("not a Quorum record"),
        "{problem}"
    );
    call(&w, "set_language", json!({ "lang": "nb" })).unwrap();
    // Nothing reaches a record that is not open, and the file stays as it was.
    let err = call(&w, "list_bodies", json!({})).unwrap_err();
    assert_eq!(err["kind"], "file", "{err}");
    let list = call(&w, "list_backups", json!({})).unwrap();
    assert_eq!(list["backups"][0]["path"], backup.as_str(), "{list}");
    assert_eq!(list["backups"][0]["verified"], true, "{list}");
    assert_eq!(std::fs::read(&record).unwrap(), damaged);

    let done = call(&w, "restore_backup", json!({ "path": backup })).unwrap();
    assert_eq!(call(&w, "open_problem", json!({})).unwrap(), Value::Null);
    assert!(body_names(&w).contains(&"Før skaden".to_string()));
    // The damaged file is kept byte for byte beside the backups.
    let kept = done["kept"].as_str().unwrap();
    assert_eq!(std::fs::read(kept).unwrap(), damaged);
    let list = call(&w, "list_backups", json!({})).unwrap();
    let kept_entry = list["backups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["path"] == kept)
        .unwrap();
    assert_eq!(kept_entry["verified"], false, "{kept_entry}");
}

#[test]
fn a_folder_in_place_of_the_record_cannot_be_restored_over() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("quorum.db");
    std::fs::create_dir(&record).unwrap();
    let state = DeskState::open_or_recover(record.clone(), dir.path().join("eksport"));
    let w = window_on(dir, state);
    let problem = call(&w, "open_problem", json!({})).unwrap();
    assert_eq!(problem["kind"], "folder", "{problem}");
    assert!(
        problem["message"].as_str().unwrap().contains("er en mappe"),
        "{problem}"
    );
    let err = call(&w, "restore_backup", json!({ "path": "x" })).unwrap_err();
    assert_eq!(err["kind"], "file", "{err}");
    assert!(record.is_dir());
}

#[test]
fn a_record_from_a_newer_quorum_opens_the_recovery_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("quorum.db");
    drop(DeskState::open(record.clone(), dir.path().join("eksport")).unwrap());
    // user_version lives at offset 60 of the SQLite header (big-endian), as a newer Quorum's
    // migration would leave it.
    let mut bytes = std::fs::read(&record).unwrap();
    bytes[60..64].copy_from_slice(&999u32.to_be_bytes());
    std::fs::write(&record, &bytes).unwrap();
    let before = std::fs::read(&record).unwrap();
    let state = DeskState::open_or_recover(record.clone(), dir.path().join("eksport"));
    let w = window_on(dir, state);
    let problem = call(&w, "open_problem", json!({})).unwrap();
    assert_eq!(problem["kind"], "newer", "{problem}");
    assert_eq!(std::fs::read(&record).unwrap(), before);
}

#[test]
fn a_failed_automatic_backup_is_told_on_the_backups_screen() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("quorum.db");
    // The demo goes into an empty record, which is not backed up; the next open of the day is.
    drop(DeskState::open(record.clone(), dir.path().join("eksport")).unwrap());
    // A file where the backups folder should be: the day's backup cannot be written.
    std::fs::write(dir.path().join("backups"), b"").unwrap();
    let state = DeskState::open(record, dir.path().join("eksport")).unwrap();
    state.start_scheduled_backups();
    state.scheduled.wait();
    let w = window_on(dir, state);
    let list = call(&w, "list_backups", json!({})).unwrap();
    assert_eq!(list["automatic_running"], false, "{list}");
    assert!(
        list["automatic_problem"]
            .as_str()
            .unwrap()
            .contains("kunne ikke skrives"),
        "{list}"
    );
    // The record itself opened and works.
    assert_eq!(body_names(&w).len(), 3);
    // In the window's language.
    call(&w, "set_language", json!({ "lang": "en" })).unwrap();
    let list = call(&w, "list_backups", json!({})).unwrap();
    assert!(
        list["automatic_problem"]
            .as_str()
            .unwrap()
            .contains("could not be written"),
        "{list}"
    );

    let w = window();
    let list = call(&w, "list_backups", json!({})).unwrap();
    assert_eq!(list["automatic_problem"], Value::Null);
}

#[test]
fn the_days_backups_follow_the_open_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("quorum.db");
    // The demo goes into an empty record, which is not backed up; the next open of the day is.
    let first = DeskState::open(record.clone(), dir.path().join("eksport")).unwrap();
    first.start_scheduled_backups();
    assert!(!first.scheduled.running());
    drop(first);
    let backups = dir.path().join("backups");
    assert!(!backups.exists());

    let state = DeskState::open(record.clone(), dir.path().join("eksport")).unwrap();
    // Held as a restore holds it: the run starts but cannot copy yet.
    let scheduled = std::sync::Arc::clone(&state.scheduled);
    let held = scheduled.hold();
    state.start_scheduled_backups();
    assert!(scheduled.running());
    // The record is open and writable before any backup is written.
    assert!(!backups.exists() || std::fs::read_dir(&backups).unwrap().next().is_none());
    let w = window_on(dir, state);
    let list = call(&w, "list_backups", json!({})).unwrap();
    assert_eq!(list["automatic_running"], true, "{list}");
    assert_eq!(list["automatic_problem"], Value::Null, "{list}");
    assert!(list["backups"].as_array().unwrap().is_empty(), "{list}");
    let input = json!({ "input": { "short_name": "Under kopien", "name": "Under kopien",
        "secretariat": "", "default_place": "", "language": "nb" } });
    call(&w, "create_body", input).unwrap();

    drop(held);
    let state = w.webview.state::<DeskState>();
    state.scheduled.wait();
    let list = call(&w, "list_backups", json!({})).unwrap();
    assert_eq!(list["automatic_running"], false, "{list}");
    assert_eq!(list["automatic_problem"], Value::Null, "{list}");
    let mut kinds: Vec<&str> = list["backups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            assert_eq!(b["verified"], true, "{b}");
            b["kind"].as_str().unwrap()
        })
        .collect();
    kinds.sort();
    assert_eq!(kinds, ["daily", "weekly"], "{list}");
    // No temporary copy is left beside them.
    let names: Vec<String> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    // The window kept writing meanwhile, on its own connection.
    assert!(body_names(&w).contains(&"Under kopien".to_string()));

    // A restore while a run is due waits for it, and the restored record works.
    let daily = list["backups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kind"] == "daily")
        .unwrap()["path"]
        .clone();
    call(&w, "restore_backup", json!({ "path": daily })).unwrap();
    state.scheduled.wait();
    assert!(body_names(&w).contains(&"Under kopien".to_string()));
}
