//! Full-text search (SQLite FTS5) over titles, summaries, proposals, decisions, narratives,
//! innspill and action points, with filters on body, year and case type, ranked (bm25), with
//! highlighted snippets. The tokenizer folds case and diacritics, so "møte" finds "Møte".

use crate::error::Result;
use crate::store::{
    all, body_id_by_short, case_number_from_row, from_row, item, meeting_label, Store,
};
use crate::vocab::SearchField;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Snippet highlight markers: private-use characters that user text never holds in practice;
/// front ends turn them into emphasis without interpreting anything as markup.
pub const HIT_START: char = '\u{E000}';
pub const HIT_END: char = '\u{E001}';

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchQuery {
    pub text: String,
    pub body: Option<String>,
    pub year: Option<i32>,
    pub case_type: Option<String>,
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SearchHit {
    pub item_id: String,
    pub case_id: Option<String>,
    pub meeting_id: String,
    /// "26/25", or None for an unnumbered item.
    pub case_number: Option<String>,
    pub body: String,
    pub meeting_number: String,
    pub meeting_date: String,
    pub title: String,
    pub case_type: String,
    /// Which field matched best.
    pub field: SearchField,
    /// The matching passage with hits between HIT_START and HIT_END.
    pub snippet: String,
    pub decision: Option<String>,
    pub exempt: bool,
}

/// The searchable texts of agenda items, in the order an item's rows are written: its title,
/// summary and narrative, its case's proposal and decision, its innspill and action points. One
/// SELECT, with `{items}` the filter on agenda items: one item by its id (a save: it must stay
/// an index lookup, as `i.id = ?1` is and `?1 IS NULL OR i.id = ?1` is not) or every item
/// (import, upgrade).
const ROWS_SQL: &str = "
    WITH items AS (
        SELECT i.id, i.case_id, i.meeting_id, mt.date AS meeting_date, i.position,
               CASE WHEN i.kind = 'continuation' AND i.title = '' THEN coalesce(cc.title, '')
                    ELSE coalesce(c.title, i.title) END AS title,
               coalesce(c.summary, i.summary) AS summary, i.narrative, c.proposal, c.decision
        FROM agenda_item i JOIN meeting mt ON mt.id = i.meeting_id
        LEFT JOIN \"case\" c ON c.id = i.case_id
        LEFT JOIN \"case\" cc ON cc.id = i.continues_case_id
        {items}
    ), fields AS (
        SELECT id AS item_id, 0 AS n, 0 AS pos, 'title' AS field, title AS text FROM items
        UNION ALL SELECT id, 1, 0, 'summary', summary FROM items
        UNION ALL SELECT id, 2, 0, 'narrative', narrative FROM items
        UNION ALL SELECT id, 3, 0, 'proposal', proposal FROM items WHERE case_id IS NOT NULL
        UNION ALL SELECT items.id, 3, 1 + x.position, 'proposal', x.text
            FROM items JOIN proposal x ON x.case_id = items.case_id
        UNION ALL SELECT id, 4, 0, 'decision', coalesce(decision, '') FROM items WHERE case_id IS NOT NULL
        UNION ALL SELECT a.item_id, 5, a.position, 'innspill', a.text
            FROM items JOIN innspill a ON a.item_id = items.id
        UNION ALL SELECT a.item_id, 6, a.position, 'action', a.text || ' (' || a.responsible || ')'
            FROM items JOIN action_point a ON a.item_id = items.id
    )
    SELECT f.item_id, items.case_id, items.meeting_id, f.field, f.text
    FROM fields f JOIN items ON items.id = f.item_id
    WHERE trim(f.text) <> ''
    ORDER BY items.meeting_date, items.meeting_id, items.position, f.n, f.pos";

/// How many matching rows, newest first, a query ranks. Ranking (bm25) costs each matching row;
/// a word in most of a twenty-year record (49,000 rows for "helse") took 60-100 ms to rank
/// whole. The best hits among the newest rows of the body and year asked for are what a search
/// shows; a filter on an earlier year or another body reaches those. Rows are numbered in
/// meeting order (and anew when a row's text changes), so "newest" is by meeting date.
const CANDIDATES: i64 = 500;

/// Rebuilds the search rows of one agenda item (and its case): the cost is that item's rows.
///
/// Only the rows whose text changed are written: a save of one innspill rewrites that row's
/// index entries, not the whole item's (a long case's other rows would otherwise be deleted and
/// tokenised again on every keystroke's save, some 35 pages of the file per save).
pub(crate) fn reindex_item(conn: &Connection, item_id: &str) -> Result<()> {
    item(conn, item_id)?;
    let mut kept: HashMap<IndexRow, Vec<i64>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, case_id, meeting_id, field, text FROM search_index_row WHERE item_id = ?1",
    )?;
    for row in stmt.query_map([item_id], |r| Ok((r.get(0)?, IndexRow::from_row(r, 1)?)))? {
        let (id, key) = row?;
        kept.entry(key).or_default().push(id);
    }
    let mut added = Vec::new();
    let mut stmt = conn.prepare_cached(&item_rows_sql())?;
    for row in stmt.query_map([item_id], |r| IndexRow::from_row(r, 1))? {
        let row = row?;
        if kept.get_mut(&row).and_then(Vec::pop).is_none() {
            added.push(row);
        }
    }
    let mut delete = conn.prepare_cached("DELETE FROM search_index_row WHERE id = ?1")?;
    for id in kept.into_values().flatten() {
        delete.execute([id])?;
    }
    let mut insert = conn.prepare_cached(
        "INSERT INTO search_index_row (item_id, case_id, meeting_id, field, text)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for r in added {
        insert.execute(params![item_id, r.case_id, r.meeting_id, r.field, r.text])?;
    }
    Ok(())
}

/// One searchable text of an item, as `ROWS_SQL` selects it (after its item id).
#[derive(PartialEq, Eq, Hash)]
struct IndexRow {
    case_id: Option<String>,
    meeting_id: String,
    field: String,
    text: String,
}

impl IndexRow {
    fn from_row(r: &rusqlite::Row, first: usize) -> rusqlite::Result<IndexRow> {
        Ok(IndexRow {
            case_id: r.get(first)?,
            meeting_id: r.get(first + 1)?,
            field: r.get(first + 2)?,
            text: r.get(first + 3)?,
        })
    }
}

/// The index rows of one agenda item (`?1`).
fn item_rows_sql() -> String {
    ROWS_SQL.replace("{items}", "WHERE i.id = ?1")
}

/// The INSERT of the index rows of the agenda items `filter` selects.
fn rows_insert(filter: &str) -> String {
    format!(
        "INSERT INTO search_index_row (item_id, case_id, meeting_id, field, text) {}",
        ROWS_SQL.replace("{items}", filter)
    )
}

/// Removes an item's rows from the search index (before the item itself is removed).
pub(crate) fn unindex_item(conn: &Connection, item_id: &str) -> Result<()> {
    conn.execute("DELETE FROM search_index_row WHERE item_id = ?1", [item_id])?;
    Ok(())
}

/// Rebuilds the whole index in one statement (after an import, and by the upgrade to schema 3):
/// linear in the record's size.
pub(crate) fn reindex_all(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM search_index_row", [])?;
    conn.execute(&rows_insert(""), [])?;
    Ok(())
}

/// Turns what a user typed into an FTS5 query that cannot be misread as query syntax: every
/// word is a quoted term; the last one also matches as a prefix, so results follow typing.
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '-' && c != '\''))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    let n = words.len();
    if n == 0 {
        return None;
    }
    Some(
        words
            .into_iter()
            .enumerate()
            .map(|(i, w)| if i + 1 == n { format!("{w}*") } else { w })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Meetings, then their items, then the items' rows, each through its index.
const BOUNDS_SQL: &str = "SELECT min(r.id) AS lo, max(r.id) AS hi FROM meeting m
     CROSS JOIN agenda_item i ON i.meeting_id = m.id
     CROSS JOIN search_index_row r ON r.item_id = i.id
     WHERE m.body_id IN (SELECT id FROM body WHERE ?1 IS NULL OR id = ?1) AND m.year = ?2";

/// The rowids the rows of a year's meetings (of a body, if given) lie between, or the whole
/// index without a year; None when the year has no rows. The newest-first scan for candidates
/// then starts at the year's newest row and stops at its oldest: without the bounds, a year
/// with fewer matching rows than `CANDIDATES` made it walk every match in twenty years (40 ms
/// for "helse" in 2006). A body alone has rows in every year, so it is not bounded.
fn rowid_bounds(
    conn: &Connection,
    body_id: Option<&str>,
    year: Option<i32>,
) -> Result<Option<(i64, i64)>> {
    let Some(year) = year else {
        return Ok(Some((i64::MIN, i64::MAX)));
    };
    let bounds: (Option<i64>, Option<i64>) =
        conn.query_row(BOUNDS_SQL, params![body_id, year], |r| {
            Ok((r.get("lo")?, r.get("hi")?))
        })?;
    Ok(match bounds {
        (Some(lo), Some(hi)) => Some((lo, hi)),
        _ => None,
    })
}

impl Store {
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(&q.text) else {
            return Ok(Vec::new());
        };
        let body_id = match &q.body {
            Some(short) if !short.trim().is_empty() => Some(body_id_by_short(&self.conn, short)?),
            _ => None,
        };
        let case_type = q
            .case_type
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty());
        let limit = q.limit.unwrap_or(50).clamp(1, 500);
        let Some((lo, hi)) = rowid_bounds(&self.conn, body_id.as_deref(), q.year)? else {
            return Ok(Vec::new());
        };
        // The limits are subqueries: a LIMIT that is a bound parameter marks the statement to
        // be prepared anew whenever it is bound (SQLite checks it for a constant); re-preparing
        // showed as a sixth of a search's samples in a profile.
        // Ranked first, with no snippet: the best row per item (bm25, lower is better, as the
        // index's `rank`), filtered, ordered and cut to the limit. Only the newest CANDIDATES
        // matching rows (of the body and year asked for) are ranked.
        let mut hits = all(
            &self.conn,
            "WITH candidates AS (
                    SELECT r.item_id, r.id AS row_id, r.field, quorum_rank(search_index) AS score
                    FROM search_index s JOIN search_index_row r ON r.id = s.rowid
                    WHERE search_index MATCH ?1 AND s.rowid BETWEEN ?7 AND ?8
                      AND (?2 IS NULL AND ?3 IS NULL OR r.meeting_id IN
                           (SELECT id FROM meeting WHERE (?2 IS NULL OR body_id = ?2)
                                                     AND (?3 IS NULL OR year = ?3)))
                    ORDER BY s.rowid DESC LIMIT (SELECT ?6)
                 ), best AS (
                    SELECT item_id, row_id, field, min(score) AS score
                    FROM candidates GROUP BY item_id
                 ), shown AS (
                    SELECT * FROM best
                    WHERE ?4 IS NULL OR item_id IN
                          (SELECT i.id FROM agenda_item i LEFT JOIN \"case\" c ON c.id = i.case_id
                           LEFT JOIN case_type ct ON ct.id = c.case_type_id
                           WHERE coalesce(ct.name, i.case_type) = ?4 COLLATE NOCASE)
                    ORDER BY score, row_id DESC LIMIT (SELECT ?5)
                 )
                 SELECT shown.row_id, i.id AS item_id, i.case_id, m.id AS meeting_id, c.year AS case_year,
                        c.number AS case_seq, b.short_name AS body, m.year AS meeting_year,
                        m.number AS meeting_seq, m.date AS meeting_date,
                        coalesce(c.title, i.title) AS title, coalesce(ct.name, i.case_type) AS case_type,
                        shown.field AS field, '' AS snippet, c.decision AS decision,
                        coalesce(c.exempt, 0) AS exempt
                 FROM shown JOIN agenda_item i ON i.id = shown.item_id JOIN meeting m ON m.id = i.meeting_id
                 JOIN body b ON b.id = m.body_id
                 LEFT JOIN \"case\" c ON c.id = i.case_id LEFT JOIN case_type ct ON ct.id = c.case_type_id
                 ORDER BY shown.score, shown.row_id DESC",
            params![fts, body_id, q.year, case_type, limit, CANDIDATES, lo, hi],
            |r| {
                Ok((
                    r.get::<_, i64>("row_id")?,
                    from_row!(r => SearchHit {
                        item_id, case_id, meeting_id, body, meeting_date, title, case_type, field,
                        snippet, decision, exempt;
                        case_number: case_number_from_row(r, "case_year", "case_seq")?,
                        meeting_number: meeting_label(r.get("meeting_year")?, r.get("meeting_seq")?),
                    }),
                ))
            },
        )?;
        // Then a snippet for each row shown, and only for those, in one pass over the matches:
        // a query per row would evaluate the match (a prefix's merged doclists) once per row.
        // The unary + keeps the rowid list from becoming one index lookup (and match) per value.
        // The rowid range bounds the pass to the rows between the first and the last shown (at
        // most the newest candidates), not every row that matches in twenty years.
        let ids: Vec<i64> = hits.iter().map(|(id, _)| *id).collect();
        let (first, last) = (ids.iter().min(), ids.iter().max());
        let ids = serde_json::to_string(&ids).unwrap_or_default();
        let snippets: HashMap<i64, String> = all(
            &self.conn,
            "SELECT rowid AS row_id, snippet(search_index, 0, ?3, ?4, '…', 24) AS snip FROM search_index
             WHERE search_index MATCH ?1 AND rowid BETWEEN ?5 AND ?6
               AND +rowid IN (SELECT value FROM json_each(?2))",
            params![fts, ids, HIT_START.to_string(), HIT_END.to_string(), first, last],
            |r| Ok((r.get("row_id")?, r.get("snip")?)),
        )?
        .into_iter()
        .collect();
        for (row_id, hit) in &mut hits {
            hit.snippet = snippets.get(row_id).cloned().unwrap_or_default();
        }
        Ok(hits.into_iter().map(|(_, h)| h).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn query_syntax_is_never_interpreted() {
        assert_eq!(fts_query("MILA").unwrap(), "\"MILA\"*");
        assert_eq!(fts_query("a OR b").unwrap(), "\"a\" \"OR\" \"b\"*");
        assert_eq!(fts_query("x\" NEAR(y").unwrap(), "\"x\" \"NEAR\" \"y\"*");
        assert!(fts_query("  ** () ").is_none());
    }
}

#[cfg(test)]
mod plan {
    use super::{item_rows_sql, reindex_all};
    use crate::Store;
    use rusqlite::Connection;

    /// A save reindexes its item through indexes only: no table of the record is scanned (the
    /// one-item CTE itself may be).
    #[test]
    fn an_items_reindex_reads_only_that_item() {
        let s = Store::open_in_memory().unwrap();
        let sql = format!("EXPLAIN QUERY PLAN {}", item_rows_sql());
        let mut stmt = s.conn.prepare(&sql).unwrap();
        let plan: Vec<String> = stmt
            .query_map(["x"], |r| r.get::<_, String>("detail"))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let scans: Vec<&String> = plan
            .iter()
            .filter(|d| {
                d.starts_with("SCAN") && !d.starts_with("SCAN items") && !d.starts_with("SCAN f")
            })
            .collect();
        assert!(scans.is_empty(), "{plan:#?}");
    }

    /// A year filter's bounds are read through indexes: no table is scanned but the bodies.
    #[test]
    fn a_years_bounds_read_its_meetings_items_and_rows_by_index() {
        let s = Store::open_in_memory().unwrap();
        let sql = format!("EXPLAIN QUERY PLAN {}", super::BOUNDS_SQL);
        let mut stmt = s.conn.prepare(&sql).unwrap();
        let plan: Vec<String> = stmt
            .query_map(rusqlite::params!["b", 2025], |r| {
                r.get::<_, String>("detail")
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let scans: Vec<&String> = plan
            .iter()
            .filter(|d| d.starts_with("SCAN") && !d.starts_with("SCAN body"))
            .collect();
        assert!(scans.is_empty(), "{plan:#?}");
    }

    /// For a one-word query (or a prefix) the search's own ranking orders the rows as FTS5's
    /// bm25 does.
    #[test]
    fn quorum_rank_orders_one_word_as_bm25_does() {
        let s = Store::open_in_memory().unwrap();
        s.load_demo().unwrap();
        let order = |by: &str, q: &str| -> Vec<i64> {
            let sql = format!(
                "SELECT rowid FROM search_index WHERE search_index MATCH ?1 ORDER BY {by}, rowid"
            );
            let mut stmt = s.conn.prepare(&sql).unwrap();
            let rows: Vec<i64> = stmt
                .query_map([q], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rows
        };
        for q in [
            "\"helse\"*",
            "\"saken\"",
            "\"data\"*",
            "\"he\"*",
            "\"mila\"",
        ] {
            let ours = order("quorum_rank(search_index)", q);
            assert!(ours.len() > 1, "{q}");
            assert_eq!(ours, order("rank", q), "{q}");
        }
        // Two words: the same rows, each scored by both words' frequencies.
        let two = "\"e\" \"helse\"*";
        let (mut ours, mut theirs) = (order("quorum_rank(search_index)", two), order("rank", two));
        assert!(ours.len() > 1);
        ours.sort_unstable();
        theirs.sort_unstable();
        assert_eq!(ours, theirs);
    }

    /// Every index row as (rowid, item, field, text), in rowid order.
    fn rows(c: &Connection) -> Vec<(i64, String, String, String)> {
        let mut stmt = c
            .prepare("SELECT id, item_id, field, text FROM search_index_row ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    fn contents(rows: &[(i64, String, String, String)]) -> Vec<(String, String, String)> {
        let mut v: Vec<_> = rows
            .iter()
            .map(|(_, i, f, t)| (i.clone(), f.clone(), t.clone()))
            .collect();
        v.sort();
        v
    }

    /// A save writes only the rows whose text changed, and leaves the index as a rebuild from
    /// scratch would have it.
    #[test]
    fn a_save_rewrites_only_its_changed_rows() {
        let s = Store::open_in_memory().unwrap();
        s.load_demo().unwrap();
        let (item, innspill): (String, String) = s
            .conn
            .query_row(
                "SELECT item_id, id FROM innspill ORDER BY item_id, position LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        let before = rows(&s.conn);
        let item_rows = before.iter().filter(|r| r.1 == item).count();
        assert!(item_rows > 2, "the item has several rows: {item_rows}");

        s.update_innspill(&innspill, "Et nytt innspill om journalføring")
            .unwrap();
        let added = s.add_innspill(&item, "Enda et innspill", Some(0)).unwrap();
        s.remove_innspill(&added.id).unwrap();
        s.add_innspill(&item, "Til slutt et innspill", None)
            .unwrap();
        let after = rows(&s.conn);

        // The untouched rows keep their rowids; two rows are new (the edited and the last).
        let old_ids: std::collections::HashSet<i64> = before.iter().map(|r| r.0).collect();
        let new: Vec<_> = after.iter().filter(|r| !old_ids.contains(&r.0)).collect();
        assert_eq!(
            new.iter().map(|r| r.3.as_str()).collect::<Vec<_>>(),
            ["Et nytt innspill om journalføring", "Til slutt et innspill"],
            "{new:#?}"
        );
        assert_eq!(after.len(), before.len() + 1);

        reindex_all(&s.conn).unwrap();
        assert_eq!(contents(&after), contents(&rows(&s.conn)));
        // The FTS index agrees with its rows (an external-content index can drift silently).
        s.conn
            .execute(
                "INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .unwrap();
    }
}
