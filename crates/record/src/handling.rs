//! The summary of a consultation's responses: headings (numbered as the summary prints them,
//! 2.1, 2.2, 2.2.1 …, section 2 being "Oppsummering av høringssvarene") with their text, and the
//! secretariat's handling of inputs — a whole answer or a passage of it marked hensyntatt /
//! delvis hensyntatt / ikke hensyntatt / utenfor strategiens omfang, with a comment, under a
//! heading.

use crate::consultations::consultation_row;
use crate::error::{Error, Result, Thing};
use crate::store::{all, first, from_row, Store};
use crate::validate;
use crate::vocab::Handling;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// The summary's section number its headings are numbered under.
pub const SUMMARY_SECTION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Heading {
    pub id: String,
    pub consultation_id: String,
    pub parent_id: Option<String>,
    /// "2.2.1".
    pub number: String,
    /// 1 for a heading of the summary, 2 for one under it, ….
    pub depth: u32,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HeadingInput {
    pub parent_id: Option<String>,
    pub title: String,
    pub text: String,
}

/// An input marked with how it was handled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HandlingMark {
    pub id: String,
    pub answer_id: String,
    pub response_id: String,
    pub respondent: String,
    pub publishable: bool,
    pub heading_id: Option<String>,
    /// The passage of the answer marked; "" for the whole answer.
    pub passage: String,
    pub outcome: Handling,
    pub comment: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HandlingInput {
    pub heading_id: Option<String>,
    pub passage: String,
    pub outcome: Handling,
    pub comment: String,
}

impl Store {
    /// Adds a heading at the end of its parent's (or the summary's) headings.
    pub fn add_heading(&self, consultation_id: &str, input: &HeadingInput) -> Result<Heading> {
        let title = validate::line("heading", &input.title)?;
        let text = validate::text("text", &input.text)?;
        let id = crate::new_id();
        self.write(|tx| {
            consultation_row(tx, consultation_id)?;
            check_parent(tx, consultation_id, input.parent_id.as_deref(), None)?;
            let pos: i64 = tx.query_row(
                "SELECT coalesce(max(position), -1) + 1 AS next FROM summary_heading
                 WHERE consultation_id = ?1 AND parent_id IS ?2",
                params![consultation_id, input.parent_id],
                |r| r.get("next"),
            )?;
            tx.execute(
                "INSERT INTO summary_heading (id, consultation_id, parent_id, position, title, text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, consultation_id, input.parent_id, pos, title, text],
            )?;
            Ok(())
        })?;
        heading(&self.conn, &id)
    }

    /// Changes a heading's title and text (its place stays).
    pub fn update_heading(&self, id: &str, title: &str, text: &str) -> Result<Heading> {
        let title = validate::line("heading", title)?;
        let text = validate::text("text", text)?;
        self.write(|tx| {
            heading(tx, id)?;
            tx.execute(
                "UPDATE summary_heading SET title = ?2, text = ?3 WHERE id = ?1",
                params![id, title, text],
            )?;
            Ok(())
        })?;
        heading(&self.conn, id)
    }

    /// Removes a heading and its sub-headings; the inputs marked under them keep their handling
    /// without a heading.
    pub fn remove_heading(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let h = heading(tx, id)?;
            tx.execute("DELETE FROM summary_heading WHERE id = ?1", [id])?;
            // Close the gap, so the numbers stay 2.1, 2.2, … without a hole.
            let pos = h
                .number
                .rsplit('.')
                .next()
                .and_then(|n| n.parse::<i64>().ok())
                .unwrap_or(1)
                - 1;
            tx.execute(
                "UPDATE summary_heading SET position = position - 1
                 WHERE consultation_id = ?1 AND parent_id IS ?2 AND position > ?3",
                params![h.consultation_id, h.parent_id, pos],
            )?;
            Ok(())
        })
    }

    /// The summary's headings in reading order (each followed by its sub-headings).
    pub fn headings(&self, consultation_id: &str) -> Result<Vec<Heading>> {
        headings(&self.conn, consultation_id)
    }

    /// Marks an answer (or a passage of it, which must be in the answer) with its handling.
    pub fn mark_answer(&self, answer_id: &str, input: &HandlingInput) -> Result<HandlingMark> {
        let id = crate::new_id();
        self.write(|tx| {
            let (consultation_id, text) = answer_row(tx, answer_id)?;
            let (passage, comment) = check_mark(tx, &consultation_id, &text, input)?;
            let pos: i64 = tx.query_row(
                "SELECT coalesce(max(position), -1) + 1 AS next FROM handling WHERE answer_id = ?1",
                [answer_id],
                |r| r.get("next"),
            )?;
            tx.execute(
                "INSERT INTO handling (id, answer_id, heading_id, passage, outcome, comment, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![id, answer_id, input.heading_id, passage, input.outcome, comment, pos],
            )?;
            Ok(())
        })?;
        mark(&self.conn, &id)
    }

    pub fn update_mark(&self, id: &str, input: &HandlingInput) -> Result<HandlingMark> {
        self.write(|tx| {
            let m = mark(tx, id)?;
            let (consultation_id, text) = answer_row(tx, &m.answer_id)?;
            let (passage, comment) = check_mark(tx, &consultation_id, &text, input)?;
            tx.execute(
                "UPDATE handling SET heading_id = ?2, passage = ?3, outcome = ?4, comment = ?5 WHERE id = ?1",
                params![id, input.heading_id, passage, input.outcome, comment],
            )?;
            Ok(())
        })?;
        mark(&self.conn, id)
    }

    pub fn remove_mark(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            mark(tx, id)?;
            tx.execute("DELETE FROM handling WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// Every handled input of a consultation, under its heading in the summary's order, then
    /// those without a heading; within a heading in the order of the responses.
    pub fn marks(&self, consultation_id: &str) -> Result<Vec<HandlingMark>> {
        marks_where(
            &self.conn,
            "WHERE x.consultation_id = ?1",
            [consultation_id],
        )
        .map(|mut v| {
            let order: Vec<String> = headings(&self.conn, consultation_id)
                .map(|hs| hs.into_iter().map(|h| h.id).collect())
                .unwrap_or_default();
            v.sort_by_key(|m| {
                m.heading_id
                    .as_ref()
                    .and_then(|h| order.iter().position(|o| o == h))
                    .unwrap_or(usize::MAX)
            });
            v
        })
    }
}

/// The passage (which must be in the answer's text) and the comment, checked; the heading must
/// be of the same consultation.
fn check_mark(
    conn: &Connection,
    consultation_id: &str,
    answer_text: &str,
    input: &HandlingInput,
) -> Result<(String, String)> {
    let passage = validate::text("passage", &input.passage)?;
    let comment = validate::text("comment", &input.comment)?;
    if !passage.is_empty() && !answer_text.contains(&passage) {
        return Err(Error::other(
            "passage",
            "Utdraget står ikke i svaret. Kopier en del av svarteksten, eller la utdraget stå tomt for hele svaret.",
            "The passage is not in the answer. Copy a part of the answer's text, or leave the passage empty for the whole answer.",
        ));
    }
    if let Some(h) = &input.heading_id {
        if heading(conn, h)?.consultation_id != consultation_id {
            return Err(other_consultation("heading"));
        }
    }
    Ok((passage, comment))
}

fn other_consultation(field: &'static str) -> Error {
    Error::other(
        field,
        "Overskriften hører til en annen høring.",
        "The heading belongs to another consultation.",
    )
}

/// A parent heading of the same consultation that is not the heading itself or under it.
fn check_parent(
    conn: &Connection,
    consultation_id: &str,
    parent: Option<&str>,
    this: Option<&str>,
) -> Result<()> {
    let Some(p) = parent else { return Ok(()) };
    let h = heading(conn, p)?;
    if h.consultation_id != consultation_id {
        return Err(other_consultation("heading"));
    }
    if Some(p) == this {
        return Err(Error::other(
            "heading",
            "En overskrift kan ikke stå under seg selv.",
            "A heading cannot be under itself.",
        ));
    }
    Ok(())
}

/// (consultation, text) of an answer.
fn answer_row(conn: &Connection, answer_id: &str) -> Result<(String, String)> {
    conn.query_row(
        "SELECT x.consultation_id, a.text FROM response_answer a JOIN response x ON x.id = a.response_id
         WHERE a.id = ?1",
        [answer_id],
        |r| Ok((r.get("consultation_id")?, r.get("text")?)),
    )
    .optional()?
    .ok_or_else(|| crate::store::not_found(Thing::Answer, answer_id))
}

pub(crate) fn headings(conn: &Connection, consultation_id: &str) -> Result<Vec<Heading>> {
    let rows: Vec<(String, Option<String>, String, String)> = all(
        conn,
        "SELECT id, parent_id, title, text FROM summary_heading WHERE consultation_id = ?1
         ORDER BY parent_id, position",
        [consultation_id],
        |r| {
            Ok((
                r.get("id")?,
                r.get("parent_id")?,
                r.get("title")?,
                r.get("text")?,
            ))
        },
    )?;
    let mut out = Vec::new();
    fn walk(
        rows: &[(String, Option<String>, String, String)],
        parent: Option<&str>,
        prefix: &str,
        depth: u32,
        consultation_id: &str,
        out: &mut Vec<Heading>,
    ) {
        let children = rows.iter().filter(|r| r.1.as_deref() == parent);
        for (n, (id, parent_id, title, text)) in children.enumerate() {
            let number = format!("{prefix}.{}", n + 1);
            out.push(Heading {
                id: id.clone(),
                consultation_id: consultation_id.to_string(),
                parent_id: parent_id.clone(),
                number: number.clone(),
                depth,
                title: title.clone(),
                text: text.clone(),
            });
            walk(rows, Some(id), &number, depth + 1, consultation_id, out);
        }
    }
    walk(
        &rows,
        None,
        &SUMMARY_SECTION.to_string(),
        1,
        consultation_id,
        &mut out,
    );
    Ok(out)
}

pub(crate) fn heading(conn: &Connection, id: &str) -> Result<Heading> {
    let consultation_id: String = conn
        .query_row(
            "SELECT consultation_id FROM summary_heading WHERE id = ?1",
            [id],
            |r| r.get("consultation_id"),
        )
        .optional()?
        .ok_or_else(|| crate::store::not_found(Thing::Heading, id))?;
    let all = headings(conn, &consultation_id)?;
    first(
        all.into_iter().filter(|h| h.id == id).collect(),
        Thing::Heading,
        id,
    )
}

fn mark(conn: &Connection, id: &str) -> Result<HandlingMark> {
    first(
        marks_where(conn, "WHERE h.id = ?1", [id])?,
        Thing::Handling,
        id,
    )
}

fn marks_where(
    conn: &Connection,
    clauses: &str,
    p: impl rusqlite::Params,
) -> Result<Vec<HandlingMark>> {
    all(
        conn,
        &format!(
            "SELECT h.id, h.answer_id, x.id AS response_id, x.respondent, x.publishable, h.heading_id,
                    h.passage, h.outcome, h.comment
             FROM handling h JOIN response_answer a ON a.id = h.answer_id
             JOIN response x ON x.id = a.response_id
             JOIN consultation_question q ON q.id = a.question_id {clauses}
             ORDER BY x.position, q.position, h.position"
        ),
        p,
        |r| {
            Ok(from_row!(r => HandlingMark {
                id, answer_id, response_id, respondent, publishable, heading_id, passage, outcome,
                comment,
            }))
        },
    )
}
