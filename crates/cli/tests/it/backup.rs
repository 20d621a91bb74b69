//! `quorum backup` and `quorum restore` through the real binary on real files.

use crate::support::*;
use quorum_record::Store;
use serde_json::Value;
use std::path::{Path, PathBuf};

struct Db {
    dir: tempfile::TempDir,
    db: PathBuf,
}

fn demo() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("quorum.db");
    ok(&db, &["demo"]);
    Db { dir, db }
}

fn json(db: &Path, args: &[&str]) -> Value {
    let mut with = vec!["--json"];
    with.extend_from_slice(args);
    let out = ok(db, &with);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}\n{out}"))
}

fn refused(db: &Path, args: &[&str]) -> String {
    let o = run(db, args);
    assert_eq!(o.code, 1, "{args:?}: {} {}", o.stdout, o.stderr);
    assert_eq!(o.stdout, "", "{args:?}");
    o.stderr.trim_end().to_string()
}

/// The whole record as exported JSON.
fn content(file: &Path) -> String {
    Store::open(file).unwrap().export_json().unwrap()
}

#[test]
fn backup_writes_a_checked_copy_into_the_backups_folder() {
    let d = demo();
    let out = ok(&d.db, &["backup"]);
    let line = out.trim_end();
    let rest = line
        .strip_prefix("Sikkerhetskopi skrevet til ")
        .unwrap_or_else(|| panic!("{line}"));
    assert!(line.ends_with(" kB, kontrollert)"), "{line}");
    let path = PathBuf::from(rest.split(" (").next().unwrap());
    assert_eq!(path.parent().unwrap(), d.dir.path().join("backups"));
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("quorum-20") && name.ends_with(".quorum"),
        "{name}"
    );
    assert_eq!(content(&path), content(&d.db));

    // The open itself took the day's and the week's backups; --list shows all three.
    let listed = json(&d.db, &["backup", "--list"]);
    let kinds: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["kind"].as_str().unwrap())
        .collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(sorted, ["daily", "manual", "weekly"], "{listed}");
    let text = ok(&d.db, &["--lang", "en", "backup", "--list"]);
    assert!(text.contains("daily"), "{text}");
    assert!(text.contains(&name), "{text}");

    // --json gives the backup.
    let made = json(&d.db, &["backup", "--lang", "en"]);
    assert_eq!(made["kind"], "manual");
    assert!(made["size"].as_u64().unwrap() > 0);
    assert!(Path::new(made["path"].as_str().unwrap()).exists());
}

#[test]
fn backup_to_a_file_and_never_onto_the_record() {
    let d = demo();
    let file = d.dir.path().join("kopi.quorum");
    let made = json(&d.db, &["backup", file.to_str().unwrap()]);
    assert_eq!(made["path"], file.to_str().unwrap());
    assert_eq!(content(&file), content(&d.db));

    let before = std::fs::read(&d.db).unwrap();
    let wal = format!("{}-wal", d.db.display());
    for target in [d.db.to_str().unwrap(), &wal] {
        let e = refused(&d.db, &["backup", target]);
        assert!(e.contains("er selve registerfilen"), "{e}");
        let e = refused(&d.db, &["restore", target]);
        assert!(e.contains("er selve registerfilen"), "{e}");
    }
    assert_eq!(std::fs::read(&d.db).unwrap(), before);
    // An archive opened read-only is never replaced.
    let file = d.dir.path().join("kopi.quorum");
    let e = refused(&d.db, &["--read-only", "restore", file.to_str().unwrap()]);
    assert_eq!(
        e,
        "quorum: Arkivet er åpnet skrivebeskyttet; ingenting kan endres."
    );
    assert_eq!(std::fs::read(&d.db).unwrap(), before);
}

#[test]
fn restore_keeps_the_current_record_and_brings_back_the_backup() {
    let d = demo();
    let saved = d.dir.path().join("før.quorum");
    ok(&d.db, &["backup", saved.to_str().unwrap()]);
    let earlier = content(&d.db);
    ok(
        &d.db,
        &["body", "add", "--short", "X", "--name", "Nytt råd"],
    );
    let later = content(&d.db);
    assert_ne!(earlier, later);

    let done = json(&d.db, &["restore", saved.to_str().unwrap()]);
    assert_eq!(done["record"], d.db.to_str().unwrap());
    assert_eq!(done["from"], saved.to_str().unwrap());
    let kept = PathBuf::from(done["kept"].as_str().unwrap());
    assert_eq!(kept.parent().unwrap(), d.dir.path().join("backups"));
    assert_eq!(content(&d.db), earlier);
    assert_eq!(content(&kept), later);

    // In text, both paths.
    let out = ok(&d.db, &["restore", kept.to_str().unwrap()]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        format!("Gjenopprettet {} fra {}", d.db.display(), kept.display())
    );
    assert!(
        lines[1].starts_with("Registeret slik det var, er tatt vare på i ")
            && lines[1].contains("before-restore"),
        "{out}"
    );
    assert_eq!(content(&d.db), later);
}

#[test]
fn restore_refuses_a_damaged_backup_and_leaves_the_record_as_it_was() {
    let d = demo();
    let bad = d.dir.path().join("skadet.quorum");
    std::fs::write(&bad, vec![0x5Au8; 8192]).unwrap();
    let before = std::fs::read(&d.db).unwrap();
    let e = refused(&d.db, &["restore", bad.to_str().unwrap()]);
    assert_eq!(
        e,
        format!(
            "quorum: «{}» er ikke en gyldig sikkerhetskopi av et Quorum-register: filen er skadet eller av feil type. Ingenting er gjenopprettet, og registeret er ikke endret. Velg en annen sikkerhetskopi.",
            bad.display()
        )
    );
    let e = refused(&d.db, &["--lang", "en", "restore", bad.to_str().unwrap()]);
    assert!(e.contains("is not a sound backup"), "{e}");
    assert_eq!(std::fs::read(&d.db).unwrap(), before, "byte for byte");
    assert!(
        !d.dir.path().join("backups").exists(),
        "nothing was kept or written"
    );
}
