//! Full-text search (SQLite FTS5) over titles, summaries, proposals, decisions, narratives,
//! innspill and action points, with filters on body, year and case type, ranked (bm25), with
//! highlighted snippets. The tokenizer folds case and diacritics, so "møte" finds "Møte".

use crate::error::Result;
use crate::store::{
    all, body_id_by_short, case_number_from_row, from_row, id_from_row, item, meeting_label, Store,
};
use crate::vocab::SearchField;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

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

/// Rebuilds the search rows of one agenda item (and its case).
pub(crate) fn reindex_item(conn: &Connection, item_id: &str) -> Result<()> {
    conn.execute("DELETE FROM search_index WHERE item_id = ?1", [item_id])?;
    let it = item(conn, item_id)?;
    let mut fields: Vec<(SearchField, String)> = vec![
        (SearchField::Title, it.title.clone()),
        (SearchField::Summary, it.summary.clone()),
        (SearchField::Narrative, it.narrative.clone()),
    ];
    if let Some(case_id) = &it.case_id {
        let (proposal, decision): (String, Option<String>) = conn.query_row(
            "SELECT proposal, decision FROM \"case\" WHERE id = ?1",
            [case_id],
            |r| Ok((r.get("proposal")?, r.get("decision")?)),
        )?;
        fields.push((SearchField::Proposal, proposal));
        fields.push((SearchField::Decision, decision.unwrap_or_default()));
    }
    for (field, sql) in [
        (SearchField::Innspill, "SELECT text FROM innspill WHERE item_id = ?1 ORDER BY position"),
        (SearchField::Action, "SELECT text || ' (' || responsible || ')' AS text FROM action_point WHERE item_id = ?1 ORDER BY position"),
    ] {
        for t in all(conn, sql, [item_id], |r| r.get::<_, String>("text"))? {
            fields.push((field, t));
        }
    }
    let mut insert = conn.prepare(
        "INSERT INTO search_index (text, field, item_id, case_id, meeting_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (field, text) in fields.into_iter().filter(|(_, t)| !t.trim().is_empty()) {
        insert.execute(params![text, field, item_id, it.case_id, it.meeting_id])?;
    }
    Ok(())
}

/// Rebuilds the whole index (after an import).
pub(crate) fn reindex_all(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM search_index", [])?;
    let ids = all(conn, "SELECT id FROM agenda_item", [], id_from_row)?;
    ids.iter().try_for_each(|id| reindex_item(conn, id))
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
        // Best-ranked row per item; bm25 is lower-is-better.
        let limit = q.limit.unwrap_or(50).clamp(1, 500);
        all(
            &self.conn,
            "WITH hits AS (
                    SELECT s.item_id, s.field, bm25(search_index) AS score,
                           snippet(search_index, 0, ?5, ?6, '…', 24) AS snip
                    FROM search_index s WHERE search_index MATCH ?1
                 ), best AS (
                    SELECT item_id, field, snip, score, min(score) OVER (PARTITION BY item_id) AS best,
                           row_number() OVER (PARTITION BY item_id ORDER BY score) AS rn
                    FROM hits
                 )
                 SELECT i.id AS item_id, i.case_id, m.id AS meeting_id, c.year AS case_year,
                        c.number AS case_seq, b.short_name AS body, m.year AS meeting_year,
                        m.number AS meeting_seq, m.date AS meeting_date,
                        coalesce(c.title, i.title) AS title, coalesce(ct.name, i.case_type) AS case_type,
                        best.field AS field, best.snip AS snippet, c.decision AS decision,
                        coalesce(c.exempt, 0) AS exempt
                 FROM best JOIN agenda_item i ON i.id = best.item_id JOIN meeting m ON m.id = i.meeting_id
                 JOIN body b ON b.id = m.body_id
                 LEFT JOIN \"case\" c ON c.id = i.case_id LEFT JOIN case_type ct ON ct.id = c.case_type_id
                 WHERE best.rn = 1 AND (?2 IS NULL OR m.body_id = ?2) AND (?3 IS NULL OR m.year = ?3)
                   AND (?4 IS NULL OR coalesce(ct.name, i.case_type) = ?4 COLLATE NOCASE)
                 ORDER BY best.best, m.date DESC, m.number DESC, i.position LIMIT ?7",
            params![
                fts,
                body_id,
                q.year,
                case_type,
                HIT_START.to_string(),
                HIT_END.to_string(),
                limit
            ],
            |r| {
                Ok(from_row!(r => SearchHit {
                    item_id, case_id, meeting_id, body, meeting_date, title, case_type, field,
                    snippet, decision, exempt;
                    case_number: case_number_from_row(r, "case_year", "case_seq")?,
                    meeting_number: meeting_label(r.get("meeting_year")?, r.get("meeting_seq")?),
                }))
            },
        )
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
