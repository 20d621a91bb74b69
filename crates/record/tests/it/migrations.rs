//! Every schema version upgrades: a fixture file of each earlier version (made by the Quorum of
//! that version, in tests/fixtures/) opens, is backed up first, and reaches the newest version
//! with its content intact.

use quorum_record::backup::BackupKind;
use quorum_record::store::SCHEMA_VERSION;
use quorum_record::vocab::MeetingStatus;
use quorum_record::Store;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn user_version(path: &Path) -> i64 {
    let c = rusqlite::Connection::open(path).unwrap();
    c.pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

#[test]
fn schema_v1_upgrades_to_the_newest_with_a_backup_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quorum.db");
    std::fs::copy(fixture("schema-v1.quorum.db"), &path).unwrap();
    assert_eq!(user_version(&path), 1);

    let s = Store::open(&path).unwrap();
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    // The file as it was before the upgrade is kept: still version 1, with all its cases.
    let before = s
        .backups()
        .unwrap()
        .into_iter()
        .find(|b| b.kind == BackupKind::BeforeUpgrade)
        .expect("a backup before the upgrade");
    assert_eq!(user_version(&before.path), 1);
    let count = |p: &Path| -> i64 {
        rusqlite::Connection::open(p)
            .unwrap()
            .query_row("SELECT count(*) FROM \"case\"", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count(&before.path), count(&fixture("schema-v1.quorum.db")));
    // The content is all there.
    let m3 = s.meeting_by_number("E-helserådet", "3/2025").unwrap();
    assert_eq!(m3.status, MeetingStatus::Approved);
    assert!(s
        .case_by_number("E-helserådet", "31/25")
        .unwrap()
        .decision
        .is_some());
    assert_eq!(s.bodies().unwrap().len(), 2);
    // v2: the approved minutes are sealed with what they showed.
    let h = s.meeting_heading(&m3.id).unwrap();
    assert_eq!(h.body_name, "Nasjonalt e-helseråd");
    assert!(h.approval.is_some());
    let held = s.meeting_by_number("E-helserådet", "4/2025").unwrap();
    assert!(s.meeting_heading(&held.id).unwrap().approval.is_none());
    drop(s);
    // Opening again changes nothing more.
    let s = Store::open(&path).unwrap();
    assert_eq!(s.meeting_heading(&m3.id).unwrap(), h);
}

#[test]
fn every_schema_version_before_the_newest_has_a_fixture() {
    for v in 1..SCHEMA_VERSION {
        assert!(
            fixture(&format!("schema-v{v}.quorum.db")).is_file(),
            "tests/fixtures/schema-v{v}.quorum.db is missing: make it with the Quorum of schema {v} before adding a migration"
        );
    }
}

#[test]
fn schema_v2_upgrades_with_parent_key_indexes_and_a_search_index_built_from_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quorum.db");
    std::fs::copy(fixture("schema-v2.quorum.db"), &path).unwrap();
    assert_eq!(user_version(&path), 2);
    let s = Store::open(&path).unwrap();
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    let hits = s
        .search(&quorum_record::search::SearchQuery {
            text: "helsedataforordningen".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits[0].case_number.as_deref(), Some("26/25"));
    let c = rusqlite::Connection::open(&path).unwrap();
    let indexes: Vec<String> = c
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for want in [
        "innspill_item",
        "action_point_item",
        "attachment_case",
        "case_link_case",
        "search_index_row_item",
    ] {
        assert!(
            indexes.iter().any(|i| i == want),
            "{want} missing: {indexes:?}"
        );
    }
    // Every row of the record's text is in the index once.
    let rows: i64 = c
        .query_row("SELECT count(*) FROM search_index_row", [], |r| r.get(0))
        .unwrap();
    let innspill: i64 = c
        .query_row("SELECT count(*) FROM innspill", [], |r| r.get(0))
        .unwrap();
    assert!(rows > innspill, "{rows} rows for {innspill} innspill");
    // Sealed minutes came through the upgrade.
    let m3 = s.meeting_by_number("E-helserådet", "3/2025").unwrap();
    assert!(s.meeting_heading(&m3.id).unwrap().approval.is_some());
}

#[test]
fn schema_v3_upgrades_to_a_search_index_with_prefix_indexes_up_to_seven_letters_merged_when_idle() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quorum.db");
    std::fs::copy(fixture("schema-v3.quorum.db"), &path).unwrap();
    assert_eq!(user_version(&path), 3);
    let search = |s: &Store, text: &str| {
        s.search(&quorum_record::search::SearchQuery {
            text: text.into(),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .filter_map(|h| h.case_number)
        .collect::<Vec<_>>()
    };
    let before: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM search_index_row", [], |r| r.get(0))
        .unwrap();
    let s = Store::open(&path).unwrap();
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    let c = rusqlite::Connection::open(&path).unwrap();
    let sql: String = c
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'search_index'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(sql.contains("prefix = '2 3 4 5 6 7'"), "{sql}");
    // Segments are merged by Store::tidy, not by whichever save fills a level.
    let automerge: i64 = c
        .query_row(
            "SELECT v FROM search_index_config WHERE k = 'automerge'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(automerge, 0);
    // The rows are the same; the index over them is complete and consistent.
    let after: i64 = c
        .query_row("SELECT count(*) FROM search_index_row", [], |r| r.get(0))
        .unwrap();
    assert_eq!(after, before);
    c.execute(
        "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
    // Whole words and stems of every indexed length find the same case.
    for q in [
        "helsedataforordningen",
        "he",
        "hel",
        "hels",
        "helse",
        "helsed",
        "helseda",
        "helsedat",
    ] {
        assert!(
            search(&s, q).contains(&"26/25".to_string()),
            "{q}: {:?}",
            search(&s, q)
        );
    }
    // The triggers still keep the index in step with new text.
    let m = s.meeting_by_number("E-helserådet", "4/2025").unwrap();
    let item = s.agenda(&m.id).unwrap()[1].id.clone();
    s.add_innspill(&item, "Tindrefjellprosjektet bør omtales", None)
        .unwrap();
    assert_eq!(search(&s, "tindref").len(), 1);
}

#[test]
fn schema_v5_upgrades_to_consultations_with_its_record_and_search_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quorum.db");
    std::fs::copy(fixture("schema-v5.quorum.db"), &path).unwrap();
    assert_eq!(user_version(&path), 5);
    let rows_before: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM search_index_row", [], |r| r.get(0))
        .unwrap();
    let s = Store::open(&path).unwrap();
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    // A backup of the v5 file was taken first.
    let backups = s.backups().unwrap();
    assert!(
        backups.iter().any(|b| b.kind == BackupKind::BeforeUpgrade),
        "{backups:?}"
    );
    // The signed and the approved meetings are as they were.
    let ks = s.meeting_by_number("Kommunestyret", "1/2026").unwrap();
    assert_eq!(ks.status, MeetingStatus::Approved);
    let m3 = s.meeting_by_number("E-helserådet", "3/2025").unwrap();
    assert_eq!(m3.status, MeetingStatus::Approved);
    // No consultations yet; the agenda's index rows are rebuilt from the record, the
    // responses' index is there and empty, and both are consistent.
    let b = s.body_by_short("E-helserådet").unwrap();
    assert!(s.consultations(&b.id).unwrap().is_empty());
    let c = rusqlite::Connection::open(&path).unwrap();
    let rows_after: i64 = c
        .query_row("SELECT count(*) FROM search_index_row", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows_after, rows_before);
    for t in ["search_index", "search_index_response"] {
        c.execute(
            &format!("INSERT INTO {t} ({t}, rank) VALUES ('integrity-check', 1)"),
            [],
        )
        .unwrap();
    }
    // A consultation can be made on the upgraded record, and its first one seeds the categories.
    let made = s
        .create_consultation(
            &b.id,
            &quorum_record::consultations::ConsultationInput {
                title: "Høring".into(),
                sent_date: "2026-01-05".into(),
                deadline: "2026-03-01".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(!s.categories(&made.body_id).unwrap().is_empty());
}
