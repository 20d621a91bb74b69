//! `quorum import` of a file that breaks the record's rules: the refusal names the table, the
//! row and the rule in the user's language, exits non-zero, and leaves the record empty.

use crate::support::*;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

struct Files {
    dir: tempfile::TempDir,
    export: PathBuf,
}

/// The demo record exported to a file.
fn exported() -> Files {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&db, &["demo"]);
    let export = dir.path().join("demo.json");
    ok(&db, &["export", export.to_str().unwrap()]);
    Files { dir, export }
}

/// The export with meeting 4/2025 ending before it starts, written beside it; and that
/// meeting's 1-based row and id.
fn broken(f: &Files) -> (PathBuf, usize, String) {
    let mut doc: Value =
        serde_json::from_str(&std::fs::read_to_string(&f.export).unwrap()).unwrap();
    let meetings = doc["tables"]["meeting"].as_array_mut().unwrap();
    let i = meetings
        .iter()
        .position(|m| m["number"] == json!(4) && m["year"] == json!(2025))
        .unwrap();
    meetings[i]["end_time"] = json!("09:00");
    let id = meetings[i]["id"].as_str().unwrap().to_string();
    let path = f.dir.path().join("broken.json");
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    (path, i + 1, id)
}

fn is_empty(db: &Path) -> bool {
    quorum_record::Store::open(db).unwrap().is_empty().unwrap()
}

#[test]
fn a_file_that_breaks_a_rule_is_refused_in_norwegian_and_english() {
    let f = exported();
    let (file, row, id) = broken(&f);
    let db = f.dir.path().join("nb.db");
    let o = run(&db, &["import", file.to_str().unwrap()]);
    assert_ne!(o.code, 0);
    assert_eq!(o.stdout, "");
    assert_eq!(
        o.stderr.trim_end(),
        format!(
            "quorum: Importfilen ble avvist i tabellen «meeting», rad {row} (id «{id}»), feltet \
             «end_time»: Sluttidspunktet må være etter starttidspunktet. Ingenting er importert; \
             rett filen eller bruk en fil laget med «quorum export»."
        )
    );
    assert!(is_empty(&db));

    let db = f.dir.path().join("en.db");
    let o = run(&db, &["--lang", "en", "import", file.to_str().unwrap()]);
    assert_ne!(o.code, 0);
    assert_eq!(
        o.stderr.trim_end(),
        format!(
            "quorum: The import file was refused at table \"meeting\", row {row} (id \"{id}\"), \
             field \"end_time\": The end time must be after the start time. Nothing was \
             imported; fix the file or use one made by \"quorum export\"."
        )
    );
    assert!(is_empty(&db));
    // The good export still imports into the same file.
    ok(&db, &["import", f.export.to_str().unwrap()]);
}

#[test]
fn a_file_that_is_not_utf8_is_refused_as_an_import() {
    let f = exported();
    let file = f.dir.path().join("latin1.json");
    let mut bytes = std::fs::read(&f.export).unwrap();
    bytes.extend_from_slice(b"\xe6\xf8\xe5");
    std::fs::write(&file, bytes).unwrap();
    let db = f.dir.path().join("x.db");
    let o = run(&db, &["import", file.to_str().unwrap()]);
    assert_ne!(o.code, 0);
    assert!(
        o.stderr
            .starts_with("quorum: Importfilen kan ikke leses: Filen er ikke UTF-8-tekst."),
        "{}",
        o.stderr
    );
    let o = run(&db, &["--lang", "en", "import", file.to_str().unwrap()]);
    assert!(
        o.stderr
            .starts_with("quorum: The import file cannot be read: The file is not UTF-8 text."),
        "{}",
        o.stderr
    );
    assert!(is_empty(&db));
}
