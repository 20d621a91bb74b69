//! The commands through Tauri's IPC with `tauri::test`, on a real record file.

use crate::DeskState;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

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
    assert_eq!(names, ["E-helserådet", "NUIT"]);
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
    assert_eq!(bodies.as_array().unwrap().len(), 2);
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
