//! The child's log: one JSON line per event, each written with a single `write` to a file opened
//! for appending. `intent` is written before a Store call, `ack` only after the call (and so its
//! COMMIT) returned. A SIGKILL cannot lose a completed `write` (the data is in the kernel's page
//! cache); a torn last line has no newline and is ignored, so it acknowledges nothing.
//!
//! Keys name one checkable value of the record:
//! `innspill:ID` (text, absent when removed), `narrative:ITEM`, `decision:CASE`,
//! `action:ID` ("text | responsible"), `attendance:MEETING:PERSON` ("status/remote"),
//! `item:ID` (the title of an item the harness added), `case:ID` ("title\nsummary").

use serde_json::{json, Value};
use std::fs::File;
use std::io::Write;

pub struct AckLog(File);

impl AckLog {
    pub fn new(file: File) -> AckLog {
        AckLog(file)
    }

    fn line(&mut self, v: Value) {
        let mut s = v.to_string();
        s.push('\n');
        // One write(2) per line; a failure here means the harness itself is broken.
        self.0.write_all(s.as_bytes()).expect("write ack log");
    }

    pub fn intent(&mut self, key: &str, value: Option<&str>) {
        self.line(json!({"t": "intent", "k": key, "v": value}));
    }

    pub fn ack(&mut self, key: &str, value: Option<&str>) {
        self.line(json!({"t": "ack", "k": key, "v": value}));
    }

    pub fn error(&mut self, op: &str, message: &str) {
        self.line(json!({"t": "error", "op": op, "msg": message}));
    }
}

pub enum Event {
    Intent { key: String, value: Option<String> },
    Ack { key: String, value: Option<String> },
    Error { op: String },
}

/// The complete lines of a log (a last line without newline is dropped: never acknowledged).
pub fn parse(text: &str) -> Result<Vec<Event>, String> {
    let complete = match text.rfind('\n') {
        Some(end) => &text[..end],
        None => "",
    };
    let mut events = Vec::new();
    for (n, line) in complete.lines().enumerate() {
        let v: Value =
            serde_json::from_str(line).map_err(|e| format!("ack log line {}: {e}", n + 1))?;
        let s = |f: &str| v.get(f).and_then(Value::as_str).map(str::to_string);
        let key = s("k").unwrap_or_default();
        let value = s("v");
        events.push(match s("t").as_deref() {
            Some("intent") => Event::Intent { key, value },
            Some("ack") => Event::Ack { key, value },
            Some("error") => Event::Error {
                op: s("op").unwrap_or_default(),
            },
            other => return Err(format!("ack log line {}: unknown type {other:?}", n + 1)),
        });
    }
    Ok(events)
}
