//! The queries on hot paths use an index (EXPLAIN QUERY PLAN), so that saves, the minutes and
//! search cost the same in a twenty-year record as in a new one.

use crate::common::*;
use rusqlite::Connection;

/// The plan's detail lines for `sql`, with its parameters bound to NULL.
fn plan(c: &Connection, sql: &str) -> String {
    let mut stmt = c.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let n = stmt.parameter_count();
    let params: Vec<Option<String>> = vec![None; n];
    stmt.query_map(rusqlite::params_from_iter(params), |r| {
        r.get::<_, String>("detail")
    })
    .unwrap()
    .collect::<Result<Vec<_>, _>>()
    .unwrap()
    .join("\n")
}

#[test]
fn hot_queries_use_an_index() {
    let d = demo();
    let c = Connection::open(&d.path).unwrap();
    for (what, sql, index) in [
        (
            "an item's search rows, on every save",
            "SELECT id, case_id, meeting_id, field, text FROM search_index_row WHERE item_id = ?1",
            "search_index_row_item",
        ),
        (
            "an item's innspill",
            "SELECT id FROM innspill WHERE item_id = ?1 ORDER BY position",
            "innspill_item",
        ),
        (
            "an item's action points",
            "SELECT id FROM action_point WHERE item_id = ?1 ORDER BY position",
            "action_point_item",
        ),
        (
            "a case's attachments",
            "SELECT id FROM attachment WHERE case_id = ?1 ORDER BY position",
            "attachment_case",
        ),
        (
            "a case's links",
            "SELECT id FROM case_link WHERE case_id = ?1 ORDER BY position",
            "case_link_case",
        ),
        (
            "links to a case",
            "SELECT id FROM case_link WHERE target_case_id = ?1",
            "case_link_target",
        ),
        (
            "a meeting's attendance",
            "SELECT id FROM attendance WHERE meeting_id = ?1",
            "sqlite_autoindex_attendance",
        ),
        (
            "a body's meetings",
            "SELECT id FROM meeting WHERE body_id = ?1 ORDER BY date, number",
            "meeting_body_date",
        ),
        (
            "the case that approved minutes",
            "SELECT id FROM meeting WHERE approved_by_case_id = ?1",
            "meeting_approved_by",
        ),
        (
            "a meeting's corrections",
            "SELECT id FROM audit_log WHERE meeting_id = ?1 ORDER BY at",
            "audit_log_meeting",
        ),
        (
            "a meeting's agenda",
            "SELECT id FROM agenda_item WHERE meeting_id = ?1 ORDER BY position",
            "agenda_item_meeting",
        ),
        (
            "a sealed meeting's people",
            "SELECT id FROM seal_person WHERE meeting_id = ?1 AND person_id = ?2",
            "sqlite_autoindex_seal_person",
        ),
    ] {
        let p = plan(&c, sql);
        assert!(p.contains(index), "{what}: {sql}\n{p}");
        assert!(!p.contains("SCAN"), "{what} scans: {sql}\n{p}");
    }
}

#[test]
fn search_reads_index_rows_by_rowid() {
    let d = demo();
    let c = Connection::open(&d.path).unwrap();
    let p = plan(
        &c,
        "SELECT r.item_id FROM search_index s JOIN search_index_row r ON r.id = s.rowid WHERE search_index MATCH 'mila'",
    );
    assert!(p.contains("VIRTUAL TABLE INDEX"), "{p}");
    assert!(p.contains("INTEGER PRIMARY KEY"), "{p}");
}
