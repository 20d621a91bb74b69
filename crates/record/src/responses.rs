//! Consultation responses: the respondent (høringsinstans), its category, the date received,
//! whether it may be published, and per question (or part of a question) the choice and the
//! text. Typed, imported from a spreadsheet or read from a filled Word form, every response is
//! checked by `check_response` and written by `insert_response`; its text enters the responses'
//! own search index.

use crate::consultations::{categories, consultation, Choice, Consultation, RespondentCategory};
use crate::error::{Error, Result, Thing};
use crate::numbers::parse_date;
use crate::search::{fts_query, HIT_END, HIT_START};
use crate::store::{all, first, from_row, next_position, Store};
use crate::validate;
use crate::vocab::ResponseSource;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Response {
    pub id: String,
    pub consultation_id: String,
    /// 1, 2, … in the order received or entered.
    pub number: u32,
    pub respondent: String,
    pub category: Option<RespondentCategory>,
    /// ISO date.
    pub received: String,
    pub publishable: bool,
    pub source: ResponseSource,
    /// In the order of the questions and their parts.
    pub answers: Vec<Answer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Answer {
    pub id: String,
    pub question_id: String,
    pub part_id: Option<String>,
    pub choice: Option<Choice>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ResponseInput {
    pub respondent: String,
    /// The category's id or its name (any case); None or "" for none.
    pub category: Option<String>,
    pub received: String,
    pub publishable: bool,
    pub answers: Vec<AnswerInput>,
}

impl Default for ResponseInput {
    fn default() -> Self {
        ResponseInput {
            respondent: String::new(),
            category: None,
            received: String::new(),
            publishable: true,
            answers: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AnswerInput {
    pub question_id: String,
    pub part_id: Option<String>,
    /// The choice's id or its label; "Ja" is enough for "Ja, utdyp gjerne".
    pub choice: Option<String>,
    pub text: String,
}

/// A response checked against its consultation, ready to be written.
#[derive(Debug, Clone)]
pub(crate) struct Checked {
    respondent: String,
    category_id: Option<String>,
    received: String,
    publishable: bool,
    answers: Vec<CheckedAnswer>,
}

#[derive(Debug, Clone)]
struct CheckedAnswer {
    question_id: String,
    part_id: Option<String>,
    choice_id: Option<String>,
    text: String,
}

/// Where in a response a value is wrong: the answer (question number, part) it belongs to, so
/// an import can name the column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseField {
    Respondent,
    Category,
    Received,
    /// The choice of the nth answer given.
    Choice(usize),
    /// The text of the nth answer given.
    Text(usize),
    /// The nth answer's question or part.
    Question(usize),
}

/// Checks a response as typed input is checked: the respondent, category and date, and every
/// answer against the consultation's questions, parts and choices. An answer with neither a
/// choice nor text is dropped (a form's empty cells). The error says which field failed.
pub(crate) fn check_response(
    c: &Consultation,
    cats: &[RespondentCategory],
    input: &ResponseInput,
) -> std::result::Result<Checked, (ResponseField, Error)> {
    use ResponseField as F;
    let respondent =
        validate::line("respondent", &input.respondent).map_err(|e| (F::Respondent, e))?;
    let category_id = match input.category.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(name) => Some(
            cats.iter()
                .find(|k| k.id == name || k.name.to_lowercase() == name.to_lowercase())
                .map(|k| k.id.clone())
                .ok_or_else(|| {
                    let names: Vec<&str> = cats.iter().map(|k| k.name.as_str()).collect();
                    (
                        F::Category,
                        Error::other(
                            "category",
                            format!(
                                "«{name}» er ikke en kategori. Velg en av: {}.",
                                names.join(", ")
                            ),
                            format!(
                                "\"{name}\" is not a category. Choose one of: {}.",
                                names.join(", ")
                            ),
                        ),
                    )
                })?,
        ),
    };
    let received = parse_date("received", &input.received)
        .map_err(|e| (F::Received, e))?
        .to_string();
    let mut answers: Vec<CheckedAnswer> = Vec::new();
    for (n, a) in input.answers.iter().enumerate() {
        let q = c
            .questions
            .iter()
            .find(|q| q.id == a.question_id)
            .ok_or_else(|| {
                (
                    F::Question(n),
                    crate::store::not_found(Thing::Question, &a.question_id),
                )
            })?;
        let part_id = match &a.part_id {
            None => None,
            Some(p) => Some(
                q.parts
                    .iter()
                    .find(|x| &x.id == p)
                    .map(|x| x.id.clone())
                    .ok_or_else(|| {
                        (
                            F::Question(n),
                            crate::store::not_found(Thing::QuestionPart, p),
                        )
                    })?,
            ),
        };
        let choice_id = match a.choice.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(v) => Some(match_choice(&q.choices, v).ok_or_else(|| {
                let labels: Vec<&str> = q.choices.iter().map(|x| x.label.as_str()).collect();
                let err = if labels.is_empty() {
                    Error::other(
                        "choice",
                        format!(
                            "Spørsmål {} har ingen svaralternativer, bare fritekst («{v}»).",
                            q.number
                        ),
                        format!(
                            "Question {} has no choices, only free text (\"{v}\").",
                            q.number
                        ),
                    )
                } else {
                    Error::other(
                        "choice",
                        format!(
                            "«{v}» er ikke et svaralternativ på spørsmål {}. Velg en av: {}.",
                            q.number,
                            labels.join(" / ")
                        ),
                        format!(
                            "\"{v}\" is not a choice of question {}. Choose one of: {}.",
                            q.number,
                            labels.join(" / ")
                        ),
                    )
                };
                (F::Choice(n), err)
            })?),
        };
        let text = validate::text("answer", &a.text).map_err(|e| (F::Text(n), e))?;
        if choice_id.is_none() && text.is_empty() {
            continue;
        }
        if answers
            .iter()
            .any(|x| x.question_id == q.id && x.part_id == part_id)
        {
            return Err((
                F::Question(n),
                Error::other(
                    "question",
                    format!(
                        "Spørsmål {} er besvart to ganger i samme høringssvar.",
                        q.number
                    ),
                    format!("Question {} is answered twice in one response.", q.number),
                ),
            ));
        }
        answers.push(CheckedAnswer {
            question_id: q.id.clone(),
            part_id,
            choice_id,
            text,
        });
    }
    Ok(Checked {
        respondent,
        category_id,
        received,
        publishable: input.publishable,
        answers,
    })
}

/// The choice `value` names: its id, its label (any case), or the label's first words before a
/// comma ("Ja" for "Ja, utdyp gjerne"), as forms export them.
pub(crate) fn match_choice(choices: &[Choice], value: &str) -> Option<String> {
    let v = value.trim().to_lowercase();
    let head = |l: &str| l.split(',').next().unwrap_or(l).trim().to_lowercase();
    choices
        .iter()
        .find(|x| x.id == value || x.label.to_lowercase() == v)
        .or_else(|| choices.iter().find(|x| head(&x.label) == head(&v)))
        .map(|x| x.id.clone())
}

/// Writes a checked response at the end of the consultation's list, and indexes its text.
pub(crate) fn insert_response(
    tx: &Connection,
    consultation_id: &str,
    r: &Checked,
    source: ResponseSource,
) -> Result<String> {
    let id = crate::new_id();
    let pos = next_position(tx, "response", "consultation_id", consultation_id)?;
    tx.execute(
        "INSERT INTO response (id, consultation_id, position, respondent, category_id, received, publishable, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, consultation_id, pos, r.respondent, r.category_id, r.received, r.publishable, source],
    )?;
    write_answers(tx, &id, &r.answers)?;
    reindex_response(tx, &id)?;
    Ok(id)
}

/// Writes a response's answers: an answer to the same question and part keeps its id (and the
/// handling marked on it); answers no longer given are removed.
fn write_answers(tx: &Connection, response_id: &str, answers: &[CheckedAnswer]) -> Result<()> {
    let existing: Vec<(String, String, Option<String>)> = all(
        tx,
        "SELECT id, question_id, part_id FROM response_answer WHERE response_id = ?1",
        [response_id],
        |r| Ok((r.get("id")?, r.get("question_id")?, r.get("part_id")?)),
    )?;
    for (id, q, p) in &existing {
        if !answers
            .iter()
            .any(|a| &a.question_id == q && &a.part_id == p)
        {
            tx.execute("DELETE FROM response_answer WHERE id = ?1", [id])?;
        }
    }
    for a in answers {
        match existing
            .iter()
            .find(|(_, q, p)| q == &a.question_id && p == &a.part_id)
        {
            Some((id, _, _)) => tx.execute(
                "UPDATE response_answer SET choice_id = ?2, text = ?3 WHERE id = ?1",
                params![id, a.choice_id, a.text],
            )?,
            None => tx.execute(
                "INSERT INTO response_answer (id, response_id, question_id, part_id, choice_id, text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![crate::new_id(), response_id, a.question_id, a.part_id, a.choice_id, a.text],
            )?,
        };
    }
    Ok(())
}

/// A response refused by `check_response`, as an error.
fn refused((_, e): (ResponseField, Error)) -> Error {
    e
}

impl Store {
    pub fn add_response(&self, consultation_id: &str, input: &ResponseInput) -> Result<Response> {
        self.add_response_from(consultation_id, input, ResponseSource::Typed)
    }

    /// `add_response` from a source other than typing (the Word form reader).
    pub fn add_response_from(
        &self,
        consultation_id: &str,
        input: &ResponseInput,
        source: ResponseSource,
    ) -> Result<Response> {
        let id = self.write(|tx| {
            let c = consultation(tx, consultation_id)?;
            let cats = categories(tx, &c.body_id)?;
            let checked = check_response(&c, &cats, input).map_err(refused)?;
            insert_response(tx, consultation_id, &checked, source)
        })?;
        response(&self.conn, &id)
    }

    /// Changes a response; answers to the same question and part keep their handling.
    pub fn update_response(&self, id: &str, input: &ResponseInput) -> Result<Response> {
        self.write(|tx| {
            let old = response(tx, id)?;
            let c = consultation(tx, &old.consultation_id)?;
            let cats = categories(tx, &c.body_id)?;
            let r = check_response(&c, &cats, input).map_err(refused)?;
            tx.execute(
                "UPDATE response SET respondent = ?2, category_id = ?3, received = ?4, publishable = ?5 WHERE id = ?1",
                params![id, r.respondent, r.category_id, r.received, r.publishable],
            )?;
            write_answers(tx, id, &r.answers)?;
            reindex_response(tx, id)
        })?;
        response(&self.conn, id)
    }

    /// Whether a response may be published (public documents leave it out otherwise).
    pub fn set_response_publishable(&self, id: &str, publishable: bool) -> Result<Response> {
        self.write(|tx| {
            response(tx, id)?;
            tx.execute(
                "UPDATE response SET publishable = ?2 WHERE id = ?1",
                params![id, publishable],
            )?;
            Ok(())
        })?;
        response(&self.conn, id)
    }

    pub fn remove_response(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let r = response(tx, id)?;
            tx.execute(
                "DELETE FROM search_index_response_row WHERE response_id = ?1",
                [id],
            )?;
            tx.execute("DELETE FROM response WHERE id = ?1", [id])?;
            tx.execute(
                "UPDATE response SET position = position - 1 WHERE consultation_id = ?1 AND position > ?2",
                params![r.consultation_id, r.number as i64 - 1],
            )?;
            Ok(())
        })
    }

    pub fn response(&self, id: &str) -> Result<Response> {
        response(&self.conn, id)
    }

    /// A consultation's responses in order.
    pub fn responses(&self, consultation_id: &str) -> Result<Vec<Response>> {
        responses(&self.conn, consultation_id)
    }

    /// Searches the responses' text (and respondents), ranked as the record's search ranks,
    /// with highlighted snippets; within one consultation if given.
    /// (The newest `CANDIDATES` matching rows are ranked, as the agenda's search ranks; the
    /// limit also keeps the ranking in a subquery SQLite does not flatten into the grouping,
    /// where an FTS5 auxiliary function cannot run.)
    pub fn search_responses(&self, q: &ResponseQuery) -> Result<Vec<ResponseHit>> {
        let Some(fts) = fts_query(&q.text) else {
            return Ok(Vec::new());
        };
        let limit = q.limit.unwrap_or(50).clamp(1, 500);
        all(
            &self.conn,
            "WITH ranked AS (
                SELECT r.response_id, r.consultation_id, r.field, quorum_rank(search_index_response) AS score,
                       snippet(search_index_response, 0, ?3, ?4, '…', 24) AS snippet, r.id AS row_id
                FROM search_index_response s JOIN search_index_response_row r ON r.id = s.rowid
                WHERE search_index_response MATCH ?1 AND (?2 IS NULL OR r.consultation_id = ?2)
                ORDER BY s.rowid DESC LIMIT (SELECT ?6)
             ), best AS (
                SELECT response_id, consultation_id, field, snippet, min(score) AS score, row_id
                FROM ranked GROUP BY response_id
             )
             SELECT best.response_id, best.consultation_id, best.field, best.snippet,
                    x.respondent, x.publishable, c.title AS consultation_title
             FROM best JOIN response x ON x.id = best.response_id
             JOIN consultation c ON c.id = best.consultation_id
             ORDER BY best.score, best.row_id LIMIT (SELECT ?5)",
            params![fts, q.consultation_id, HIT_START.to_string(), HIT_END.to_string(), limit, CANDIDATES],
            |r| {
                Ok(from_row!(r => ResponseHit {
                    response_id, consultation_id, consultation_title, respondent, publishable,
                    field, snippet,
                }))
            },
        )
    }
}

/// How many matching rows, newest first, a search of the responses ranks.
const CANDIDATES: i64 = 500;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ResponseQuery {
    pub text: String,
    pub consultation_id: Option<String>,
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ResponseHit {
    pub response_id: String,
    pub consultation_id: String,
    pub consultation_title: String,
    pub respondent: String,
    pub publishable: bool,
    /// "respondent" or "answer".
    pub field: String,
    pub snippet: String,
}

pub(crate) fn response(conn: &Connection, id: &str) -> Result<Response> {
    first(
        responses_where(conn, "WHERE x.id = ?1", [id])?,
        Thing::Response,
        id,
    )
}

pub(crate) fn responses(conn: &Connection, consultation_id: &str) -> Result<Vec<Response>> {
    responses_where(
        conn,
        "WHERE x.consultation_id = ?1 ORDER BY x.position",
        [consultation_id],
    )
}

fn responses_where(
    conn: &Connection,
    clauses: &str,
    p: impl rusqlite::Params,
) -> Result<Vec<Response>> {
    let mut out = all(
        conn,
        &format!(
            "SELECT x.id, x.consultation_id, x.position + 1 AS number, x.respondent, x.received,
                    x.publishable, x.source, k.id AS category_id, k.body_id AS category_body, k.name AS category_name
             FROM response x LEFT JOIN respondent_category k ON k.id = x.category_id {clauses}"
        ),
        p,
        |r| {
            let category = match r.get::<_, Option<String>>("category_id")? {
                Some(id) => Some(RespondentCategory {
                    id,
                    body_id: r.get("category_body")?,
                    name: r.get("category_name")?,
                }),
                None => None,
            };
            Ok(from_row!(r => Response {
                id, consultation_id, number, respondent, received, publishable, source;
                category, answers: Vec::new(),
            }))
        },
    )?;
    for x in &mut out {
        x.answers = answers(conn, &x.id)?;
    }
    Ok(out)
}

/// A response's answers in the order of the questions and their parts.
fn answers(conn: &Connection, response_id: &str) -> Result<Vec<Answer>> {
    all(
        conn,
        "SELECT a.id, a.question_id, a.part_id, a.text, ch.id AS choice_id, ch.label AS choice_label
         FROM response_answer a JOIN consultation_question q ON q.id = a.question_id
         LEFT JOIN question_part p ON p.id = a.part_id
         LEFT JOIN question_choice ch ON ch.id = a.choice_id
         WHERE a.response_id = ?1 ORDER BY q.position, coalesce(p.position, -1)",
        [response_id],
        |r| {
            let choice = match r.get::<_, Option<String>>("choice_id")? {
                Some(id) => Some(Choice {
                    id,
                    label: r.get("choice_label")?,
                }),
                None => None,
            };
            Ok(from_row!(r => Answer { id, question_id, part_id, text; choice }))
        },
    )
}

/// The searchable texts of responses: the respondent and each answer's text. `{filter}` selects
/// the responses (one by id on a save, every one after an import or upgrade).
const RESPONSE_ROWS_SQL: &str = "
    INSERT INTO search_index_response_row (response_id, consultation_id, field, text)
    SELECT x.id, x.consultation_id, 'respondent', x.respondent FROM response x {filter}
    UNION ALL
    SELECT x.id, x.consultation_id, 'answer', a.text FROM response x
      JOIN response_answer a ON a.response_id = x.id {filter_and} trim(a.text) <> ''";

/// Rebuilds one response's index rows (a response is a few rows; they are all written anew).
pub(crate) fn reindex_response(conn: &Connection, response_id: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM search_index_response_row WHERE response_id = ?1",
        [response_id],
    )?;
    let sql = RESPONSE_ROWS_SQL
        .replace("{filter_and}", "WHERE x.id = ?1 AND")
        .replace("{filter}", "WHERE x.id = ?1");
    conn.execute(&sql, [response_id])?;
    Ok(())
}

/// Rebuilds the responses' index from the record (import, upgrade).
pub(crate) fn reindex_all_responses(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM search_index_response_row", [])?;
    let sql = RESPONSE_ROWS_SQL
        .replace("{filter_and}", "WHERE")
        .replace("{filter}", "");
    conn.execute(&sql, [])?;
    Ok(())
}

#[cfg(test)]
mod plan {
    use crate::Store;

    /// A response's save reindexes it through the index on response ids, not a scan.
    #[test]
    fn a_responses_reindex_reads_only_that_response() {
        let s = Store::open_in_memory().unwrap();
        for sql in [
            "EXPLAIN QUERY PLAN DELETE FROM search_index_response_row WHERE response_id = ?1"
                .to_string(),
            format!(
                "EXPLAIN QUERY PLAN {}",
                super::RESPONSE_ROWS_SQL
                    .replace("{filter_and}", "WHERE x.id = ?1 AND")
                    .replace("{filter}", "WHERE x.id = ?1")
            ),
        ] {
            let mut stmt = s.conn.prepare(&sql).unwrap();
            let plan: Vec<String> = stmt
                .query_map(["x"], |r| r.get::<_, String>("detail"))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            assert!(!plan.iter().any(|d| d.starts_with("SCAN")), "{plan:#?}");
        }
    }
}
