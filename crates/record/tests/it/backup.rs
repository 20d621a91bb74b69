//! Durability and backups on real files: synchronous = FULL, verified backups equal to the
//! record, daily and weekly rotation by a clock passed in, the backup before a migration, and
//! restore (refusing a damaged backup, keeping the record byte for byte, bringing back earlier
//! content, keeping the replaced record).

use crate::common::*;
use chrono::{NaiveDate, NaiveDateTime};
use quorum_record::backup::{self, BackupKind, BackupPolicy, KEEP_DAILY, KEEP_WEEKLY};
use quorum_record::error::BackupProblem;
use quorum_record::store::SCHEMA_VERSION;
use quorum_record::{Error, Lang, Store};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

fn at(date: &str, time: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(&format!("{date} {time}"), "%Y-%m-%d %H:%M:%S").unwrap()
}

fn integrity(path: &Path) -> String {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|e| {
            e.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// A record file with a body in it, closed.
fn small_record(dir: &Path) -> PathBuf {
    let path = dir.join("quorum.db");
    let off = BackupPolicy {
        automatic: false,
        ..Default::default()
    };
    let s = Store::open_with(&path, &off, at("2026-01-01", "08:00:00")).unwrap();
    body(&s, "R", "Rådet");
    path
}

#[test]
fn synchronous_is_full_when_opened_for_writing() {
    let d = db();
    assert_eq!(
        d.store.synchronous().unwrap(),
        2,
        "PRAGMA synchronous = FULL"
    );
    drop(d.store);
    let s = Store::open(&d.path).unwrap();
    assert_eq!(s.synchronous().unwrap(), 2);
}

#[test]
fn a_backup_is_a_sound_record_equal_to_the_source() {
    let d = demo();
    let dest = d.dir.path().join("kopi.quorum");
    let made = d.store.backup_to(&dest).unwrap();
    assert_eq!(made.path, dest);
    assert_eq!(made.size, std::fs::metadata(&dest).unwrap().len());
    assert_eq!(integrity(&dest), "ok");
    backup::verify(&dest).unwrap();
    let copy = Store::open_read_only(&dest).unwrap();
    assert_eq!(copy.export_json().unwrap(), snapshot(&d.store));
    // No temporary file is left beside it.
    assert!(!names(d.dir.path()).iter().any(|n| n.starts_with('.')));

    // Into the backups folder, named by the clock.
    let b = d.store.backup(at("2026-03-04", "10:15:00")).unwrap();
    assert_eq!(
        b.path,
        d.dir
            .path()
            .join("backups")
            .join("quorum-2026-03-04-101500.quorum")
    );
    assert_eq!(b.kind, BackupKind::Manual);
    let listed = d.store.backups().unwrap();
    assert!(listed.contains(&b), "{listed:?}");
    assert_eq!(
        Store::open_read_only(&b.path)
            .unwrap()
            .export_json()
            .unwrap(),
        snapshot(&d.store)
    );
}

#[test]
fn the_record_itself_is_never_a_backup_target() {
    let d = demo();
    let before = snapshot(&d.store);
    let wal = d.dir.path().join("quorum.db-wal");
    for target in [&d.path, &wal] {
        let err = d.store.backup_to(target).unwrap_err();
        assert!(
            matches!(&err, Error::Backup(BackupProblem::IsRecord { .. })),
            "{err:?}"
        );
        assert!(
            err.message(Lang::Nb).contains("er selve registerfilen"),
            "{}",
            err.message(Lang::Nb)
        );
    }
    assert_eq!(snapshot(&d.store), before);
}

#[test]
fn an_empty_record_is_not_backed_up() {
    let d = db();
    assert_eq!(d.store.backups().unwrap(), vec![]);
    assert!(!d.dir.path().join("backups").exists());
}

#[test]
fn the_first_open_of_a_day_and_of_a_week_takes_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = small_record(dir.path());
    let policy = BackupPolicy::default();
    let s = Store::open_with(&path, &policy, at("2026-03-04", "09:00:00")).unwrap();
    assert!(s.backup_problem().is_none());
    let backups = dir.path().join("backups");
    assert_eq!(
        names(&backups),
        [
            "quorum-2026-03-04.quorum",
            "quorum-weekly-2026-03-04.quorum"
        ]
    );
    let daily = backups.join("quorum-2026-03-04.quorum");
    assert_eq!(integrity(&daily), "ok");
    assert_eq!(
        Store::open_read_only(&daily)
            .unwrap()
            .export_json()
            .unwrap(),
        snapshot(&s)
    );
    drop(s);
    // Later the same day: nothing new. Next day, same ISO week: a daily one only.
    drop(Store::open_with(&path, &policy, at("2026-03-04", "15:30:00")).unwrap());
    assert_eq!(names(&backups).len(), 2);
    drop(Store::open_with(&path, &policy, at("2026-03-05", "08:00:00")).unwrap());
    assert_eq!(
        names(&backups),
        [
            "quorum-2026-03-04.quorum",
            "quorum-2026-03-05.quorum",
            "quorum-weekly-2026-03-04.quorum"
        ]
    );
    // A read-only open takes none.
    drop(Store::open_read_only(&path).unwrap());
    assert_eq!(names(&backups).len(), 3);
}

#[test]
fn rotation_keeps_seven_daily_and_four_weekly() {
    assert_eq!((KEEP_DAILY, KEEP_WEEKLY), (7, 4));
    let dir = tempfile::tempdir().unwrap();
    let path = small_record(dir.path());
    let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(); // a Thursday
    for day in 0..40 {
        let now = (first + chrono::Days::new(day))
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let s = Store::open_with(&path, &BackupPolicy::default(), now).unwrap();
        assert!(s.backup_problem().is_none(), "{:?}", s.backup_problem());
    }
    // The last open was Monday 2026-02-09: the week's backups are each ISO week's first open.
    let expected: Vec<String> = [
        "quorum-2026-02-03.quorum",
        "quorum-2026-02-04.quorum",
        "quorum-2026-02-05.quorum",
        "quorum-2026-02-06.quorum",
        "quorum-2026-02-07.quorum",
        "quorum-2026-02-08.quorum",
        "quorum-2026-02-09.quorum",
        "quorum-weekly-2026-01-19.quorum",
        "quorum-weekly-2026-01-26.quorum",
        "quorum-weekly-2026-02-02.quorum",
        "quorum-weekly-2026-02-09.quorum",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(names(&dir.path().join("backups")), expected);

    let s = Store::open_with(
        &path,
        &BackupPolicy::default(),
        at("2026-02-09", "17:00:00"),
    )
    .unwrap();
    let listed = s.backups().unwrap();
    assert_eq!(listed.len(), 11);
    assert_eq!(
        listed
            .iter()
            .filter(|b| b.kind == BackupKind::Daily)
            .count(),
        7
    );
    assert_eq!(
        listed
            .iter()
            .filter(|b| b.kind == BackupKind::Weekly)
            .count(),
        4
    );
    // Newest first, with the date from the name.
    assert_eq!(listed[0].date, NaiveDate::from_ymd_opt(2026, 2, 9).unwrap());
    assert_eq!(
        listed.last().unwrap().date,
        NaiveDate::from_ymd_opt(2026, 1, 19).unwrap()
    );
    let json = serde_json::to_value(&listed[0]).unwrap();
    assert_eq!(json["date"], "2026-02-09");
    assert!(
        json["kind"] == "daily" || json["kind"] == "weekly",
        "{json}"
    );

    // A Store-level policy with other numbers.
    let fewer = BackupPolicy {
        keep_daily: 2,
        keep_weekly: 1,
        ..Default::default()
    };
    drop(s);
    drop(Store::open_with(&path, &fewer, at("2026-02-10", "09:00:00")).unwrap());
    assert_eq!(
        names(&dir.path().join("backups")),
        [
            "quorum-2026-02-09.quorum",
            "quorum-2026-02-10.quorum",
            "quorum-weekly-2026-02-09.quorum"
        ]
    );
}

/// A valid SQLite file from before the current schema (user_version 0: from before the first),
/// with data.
fn older_file(dir: &Path) -> PathBuf {
    let path = dir.join("quorum.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TABLE legacy (id TEXT PRIMARY KEY, x TEXT); INSERT INTO legacy VALUES ('1', 'fra før');",
    )
    .unwrap();
    conn.pragma_update(None, "user_version", 0).unwrap();
    path
}

#[test]
fn a_backup_is_taken_before_a_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = older_file(dir.path());
    let before = std::fs::read(&path).unwrap();
    let s = Store::open_with(
        &path,
        &BackupPolicy::default(),
        at("2026-03-02", "10:15:00"),
    )
    .unwrap();
    let upgrade = dir
        .path()
        .join("backups")
        .join("quorum-before-upgrade-2026-03-02-101500.quorum");
    assert!(upgrade.exists(), "{:?}", names(&dir.path().join("backups")));
    assert!(s
        .backups()
        .unwrap()
        .iter()
        .any(|b| b.kind == BackupKind::BeforeUpgrade && b.path == upgrade));
    // The backup is the file as it was: the old version, its data, none of the new tables.
    assert_eq!(integrity(&upgrade), "ok");
    let old = Connection::open(&upgrade).unwrap();
    let version: i64 = old
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 0);
    let x: String = old
        .query_row("SELECT x FROM legacy", [], |r| r.get(0))
        .unwrap();
    assert_eq!(x, "fra før");
    let tables: i64 = old
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'meeting'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 0);
    assert_eq!(
        std::fs::read(&upgrade).unwrap().len(),
        before.len(),
        "same pages"
    );
    // The record itself is upgraded.
    let version: i64 = Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    drop(s);

    // A record already at the current version is not backed up "before upgrade" again.
    drop(
        Store::open_with(
            &path,
            &BackupPolicy::default(),
            at("2026-03-03", "10:15:00"),
        )
        .unwrap(),
    );
    let upgrades = names(&dir.path().join("backups"))
        .into_iter()
        .filter(|n| n.contains("before-upgrade"))
        .count();
    assert_eq!(upgrades, 1);

    // A new, empty file has nothing to keep.
    let fresh = tempfile::tempdir().unwrap();
    drop(Store::open(&fresh.path().join("quorum.db")).unwrap());
    assert!(!fresh.path().join("backups").exists());
}

/// A real backup with garbage written over its pages after the header.
fn damaged_backup(d: &Db) -> PathBuf {
    let bad = d.dir.path().join("skadet.quorum");
    d.store.backup_to(&bad).unwrap();
    let mut bytes = std::fs::read(&bad).unwrap();
    for b in &mut bytes[4096..4096 * 6] {
        *b = 0xA5;
    }
    std::fs::write(&bad, bytes).unwrap();
    bad
}

#[test]
fn a_damaged_backup_is_refused_and_the_record_is_unchanged() {
    let d = demo();
    let bad = damaged_backup(&d);
    let garbage = d.dir.path().join("tull.quorum");
    std::fs::write(&garbage, "dette er ikke en database").unwrap();
    let empty_sqlite = d.dir.path().join("tom.quorum");
    drop(Connection::open(&empty_sqlite).unwrap());
    Connection::open(&empty_sqlite)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    let missing = d.dir.path().join("finnes-ikke.quorum");
    drop(d.store);
    let record = d.path.clone();
    let bytes = std::fs::read(&record).unwrap();
    let files = names(d.dir.path());

    for b in [&bad, &garbage, &empty_sqlite, &missing] {
        assert!(backup::verify(b).is_err(), "{b:?}");
        let err = backup::restore(&record, b, at("2026-03-04", "10:00:00")).unwrap_err();
        assert!(
            matches!(&err, Error::Backup(BackupProblem::NotABackup { .. })),
            "{b:?}: {err:?}"
        );
        assert_eq!(
            err.message(Lang::Nb),
            format!(
                "«{}» er ikke en gyldig sikkerhetskopi av et Quorum-register: filen er skadet eller av feil type. Ingenting er gjenopprettet, og registeret er ikke endret. Velg en annen sikkerhetskopi.",
                b.display()
            )
        );
        assert_eq!(
            err.message(Lang::En),
            format!(
                "\"{}\" is not a sound backup of a Quorum record: the file is damaged or of the wrong kind. Nothing was restored and the record is unchanged. Choose another backup.",
                b.display()
            )
        );
        assert!(!err.message(Lang::Nb).contains("malformed"));
        assert_eq!(std::fs::read(&record).unwrap(), bytes, "byte for byte");
        assert_eq!(names(d.dir.path()), files, "nothing added or left behind");
    }
    // The record opens as before.
    let s = Store::open(&record).unwrap();
    // The e-health council, NUIT and the municipal council of the demo.
    assert_eq!(s.bodies().unwrap().len(), 3);
}

#[test]
fn restore_brings_back_the_earlier_content_and_keeps_the_replaced_record() {
    let d = demo();
    let saved = d.dir.path().join("før.quorum");
    d.store.backup_to(&saved).unwrap();
    let earlier = snapshot(&d.store);
    body(&d.store, "N", "Nytt råd");
    let later = snapshot(&d.store);
    assert_ne!(earlier, later);
    // The change sits in the WAL of the open record.
    assert!(d.dir.path().join("quorum.db-wal").exists());

    let done = d.store.restore(&saved).unwrap();
    assert_eq!(done.record, d.path);
    assert_eq!(done.from, saved);
    let kept = done.kept.clone().expect("the replaced record is kept");
    assert_eq!(kept.parent().unwrap(), d.dir.path().join("backups"));
    let kept_name = kept.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        kept_name.starts_with("quorum-before-restore-") && kept_name.ends_with(".quorum"),
        "{kept_name}"
    );
    assert_eq!(
        Store::open_read_only(&kept).unwrap().export_json().unwrap(),
        later
    );
    // No temporary file, and no stale -wal/-shm of the old file beside the new one.
    assert!(
        !names(d.dir.path()).iter().any(|n| n.starts_with('.')),
        "{:?}",
        names(d.dir.path())
    );
    assert!(!d.dir.path().join("quorum.db-wal").exists());
    assert_eq!(integrity(&d.path), "ok");

    let s = Store::open(&d.path).unwrap();
    assert_eq!(snapshot(&s), earlier);
    assert!(s.body_by_short("N").is_err());
    assert!(s
        .backups()
        .unwrap()
        .iter()
        .any(|b| b.kind == BackupKind::BeforeRestore && b.path == kept));
    // Writable as ever.
    body(&s, "N", "Nytt råd");
    drop(s);

    // Restoring the kept record undoes the restore.
    let again = backup::restore(&d.path, &kept, at("2026-03-05", "12:00:00")).unwrap();
    assert!(again.kept.is_some());
    let s = Store::open(&d.path).unwrap();
    assert_eq!(snapshot(&s), later);
}

#[test]
fn a_restore_sets_the_windows_journal_of_unsaved_typing_aside() {
    let d = demo();
    let saved = d.store.backup(at("2026-03-04", "09:00:00")).unwrap().path;
    drop(d.store);
    // The window's journal of the record being replaced: it must not be replayed into the backup.
    let journal = quorum_record::paths::journal_path(&d.path);
    std::fs::write(
        &journal,
        br#"{"entries":[{"key":"case:x:title","text":"typed"}]}"#,
    )
    .unwrap();
    let done = backup::restore(&d.path, &saved, at("2026-03-04", "10:00:00")).unwrap();
    assert!(
        !journal.exists(),
        "the journal is still beside the restored record"
    );
    let aside = done.journal.expect("set aside");
    let kept = done.kept.unwrap();
    assert_eq!(
        aside.to_string_lossy(),
        format!("{}.unsaved", kept.display())
    );
    assert!(aside.starts_with(d.dir.path().join("backups")), "{aside:?}");
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        br#"{"entries":[{"key":"case:x:title","text":"typed"}]}"#
    );
    // It is not taken for a backup.
    let s = Store::open(&d.path).unwrap();
    assert!(s.backups().unwrap().iter().all(|b| b.path != aside));
}

#[test]
fn restoring_the_record_onto_itself_is_refused() {
    let d = demo();
    drop(d.store);
    let bytes = std::fs::read(&d.path).unwrap();
    let err = backup::restore(&d.path, &d.path, at("2026-03-04", "10:00:00")).unwrap_err();
    assert!(
        matches!(&err, Error::Backup(BackupProblem::IsRecord { .. })),
        "{err:?}"
    );
    assert_eq!(std::fs::read(&d.path).unwrap(), bytes);
}

#[test]
fn a_backup_that_cannot_be_written_is_reported_and_the_record_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = small_record(dir.path());
    // A file where the backups folder should be: nothing can be written there.
    std::fs::write(dir.path().join("backups"), "ikke en mappe").unwrap();
    let s = Store::open_with(
        &path,
        &BackupPolicy::default(),
        at("2026-03-04", "09:00:00"),
    )
    .unwrap();
    let problem = s.backup_problem().expect("the failed backup is reported");
    assert!(
        matches!(problem, Error::Backup(BackupProblem::WriteFailed { .. })),
        "{problem:?}"
    );
    assert!(
        problem.message(Lang::Nb).starts_with("Sikkerhetskopien «"),
        "{}",
        problem.message(Lang::Nb)
    );
    assert!(problem
        .message(Lang::Nb)
        .contains("Registeret er ikke endret."));
    assert_eq!(s.bodies().unwrap().len(), 1);
    let err = s.backup(at("2026-03-04", "09:05:00")).unwrap_err();
    assert!(matches!(
        err,
        Error::Backup(BackupProblem::WriteFailed { .. })
    ));
    assert_eq!(
        names(dir.path()),
        ["backups", "quorum.db", "quorum.db-shm", "quorum.db-wal"],
        "no half-written copy is left"
    );
}
