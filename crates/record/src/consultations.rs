//! Consultations (høring): a body sends a matter out for written responses before it decides.
//! A consultation has a title, what was sent, the sent date and the deadline, the cases it
//! informs and its questions in order; a question has an optional fixed set of choices ("Ja,
//! utdyp gjerne / Nei, utdyp gjerne / Vet ikke, utdyp gjerne") and may be answered part by part.
//! The respondents' categories are the body's own list, seeded with the usual one.

use crate::error::{Error, Result, Thing};
use crate::numbers::parse_date;
use crate::store::{all, first, from_row, next_position, not_found, Store};
use crate::validate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// The categories a body starts with, as secretariats group respondents.
pub const DEFAULT_CATEGORIES: &[&str] = &[
    "Kommune",
    "Fylkeskommune",
    "Helseforetak",
    "Statlig virksomhet",
    "Organisasjon",
    "Næringsliv",
    "Utdanning og forskning",
    "Privatperson",
    "Annet",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Consultation {
    pub id: String,
    pub body_id: String,
    pub title: String,
    pub description: String,
    /// ISO dates.
    pub sent_date: String,
    pub deadline: String,
    /// The document sent: an attachment of one of its cases.
    pub document_id: Option<String>,
    /// The summary's opening text, before its headings.
    pub summary: String,
    /// The cases it informs.
    pub case_ids: Vec<String>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ConsultationInput {
    pub title: String,
    pub description: String,
    pub sent_date: String,
    pub deadline: String,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Question {
    pub id: String,
    /// 1, 2, … in the consultation's order.
    pub number: u32,
    pub text: String,
    /// Empty: free text only.
    pub choices: Vec<Choice>,
    /// Empty: answered as a whole.
    pub parts: Vec<QuestionPart>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Choice {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct QuestionPart {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct QuestionInput {
    pub text: String,
    pub choices: Vec<String>,
    pub parts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RespondentCategory {
    pub id: String,
    pub body_id: String,
    pub name: String,
}

/// The fields of a consultation, checked: the dates exist and the deadline is not before the
/// sending.
fn consultation_fields(input: &ConsultationInput) -> Result<ConsultationInput> {
    let sent = parse_date("sent_date", &input.sent_date)?;
    let deadline = parse_date("deadline", &input.deadline)?;
    if deadline < sent {
        return Err(Error::other(
            "deadline",
            "Høringsfristen kan ikke være før høringen ble sendt.",
            "The deadline cannot be before the consultation was sent.",
        ));
    }
    Ok(ConsultationInput {
        title: validate::line("title", &input.title)?,
        description: validate::text("description", &input.description)?,
        sent_date: sent.to_string(),
        deadline: deadline.to_string(),
        summary: validate::text("summary", &input.summary)?,
    })
}

/// A question's text, choices and parts, checked; choices and parts are distinct.
fn question_fields(input: &QuestionInput) -> Result<QuestionInput> {
    let text = validate::required_text("question", &input.text)?;
    let list = |field: &'static str, values: &[String]| -> Result<Vec<String>> {
        let mut out: Vec<String> = Vec::new();
        for v in values {
            let v = validate::line(field, v)?;
            if out.iter().any(|o| o.to_lowercase() == v.to_lowercase()) {
                return Err(Error::other(
                    field,
                    format!("«{v}» står to ganger. Hvert alternativ kan stå én gang."),
                    format!("\"{v}\" is given twice. Each one can be given once."),
                ));
            }
            out.push(v);
        }
        Ok(out)
    };
    Ok(QuestionInput {
        text,
        choices: list("choice", &input.choices)?,
        parts: list("part", &input.parts)?,
    })
}

impl Store {
    /// A new consultation of a body. A body's first consultation gives it the usual categories
    /// of respondents, which the secretariat can then edit.
    pub fn create_consultation(
        &self,
        body_id: &str,
        input: &ConsultationInput,
    ) -> Result<Consultation> {
        let c = consultation_fields(input)?;
        let id = crate::new_id();
        self.write(|tx| {
            crate::bodies::body(tx, body_id)?;
            let has: i64 = tx.query_row(
                "SELECT count(*) AS n FROM respondent_category WHERE body_id = ?1",
                [body_id],
                |r| r.get("n"),
            )?;
            if has == 0 {
                for (pos, name) in DEFAULT_CATEGORIES.iter().enumerate() {
                    tx.execute(
                        "INSERT INTO respondent_category (id, body_id, name, position) VALUES (?1, ?2, ?3, ?4)",
                        params![crate::new_id(), body_id, name, pos as i64],
                    )?;
                }
            }
            tx.execute(
                "INSERT INTO consultation (id, body_id, title, description, sent_date, deadline, summary)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![id, body_id, c.title, c.description, c.sent_date, c.deadline, c.summary],
            )?;
            Ok(())
        })?;
        consultation(&self.conn, &id)
    }

    pub fn update_consultation(&self, id: &str, input: &ConsultationInput) -> Result<Consultation> {
        let c = consultation_fields(input)?;
        self.write(|tx| {
            consultation_row(tx, id)?;
            tx.execute(
                "UPDATE consultation SET title = ?2, description = ?3, sent_date = ?4, deadline = ?5, summary = ?6
                 WHERE id = ?1",
                params![id, c.title, c.description, c.sent_date, c.deadline, c.summary],
            )?;
            Ok(())
        })?;
        consultation(&self.conn, id)
    }

    /// Removes a consultation with its questions, responses and summary.
    pub fn remove_consultation(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            consultation_row(tx, id)?;
            tx.execute(
                "DELETE FROM search_index_response_row WHERE consultation_id = ?1",
                [id],
            )?;
            tx.execute("DELETE FROM consultation WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    pub fn consultation(&self, id: &str) -> Result<Consultation> {
        consultation(&self.conn, id)
    }

    /// A body's consultations, the newest sent first.
    pub fn consultations(&self, body_id: &str) -> Result<Vec<Consultation>> {
        let ids: Vec<String> = all(
            &self.conn,
            "SELECT id FROM consultation WHERE body_id = ?1 ORDER BY sent_date DESC, id",
            [body_id],
            |r| r.get("id"),
        )?;
        ids.iter().map(|id| consultation(&self.conn, id)).collect()
    }

    /// The consultations that inform a case (its memo and history show them).
    pub fn consultations_of_case(&self, case_id: &str) -> Result<Vec<Consultation>> {
        let ids: Vec<String> = all(
            &self.conn,
            "SELECT consultation_id AS id FROM consultation_case WHERE case_id = ?1",
            [case_id],
            |r| r.get("id"),
        )?;
        ids.iter().map(|id| consultation(&self.conn, id)).collect()
    }

    /// Links a case of the same body to the consultation.
    pub fn link_consultation_case(&self, id: &str, case_id: &str) -> Result<Consultation> {
        self.write(|tx| {
            let body_id = consultation_row(tx, id)?;
            if crate::store::case(tx, case_id)?.body_id != body_id {
                return Err(Error::other(
                    "case",
                    "Saken hører til et annet organ enn høringen.",
                    "The case belongs to another body than the consultation.",
                ));
            }
            tx.execute(
                "INSERT OR IGNORE INTO consultation_case (id, consultation_id, case_id) VALUES (?1, ?2, ?3)",
                params![crate::new_id(), id, case_id],
            )?;
            Ok(())
        })?;
        consultation(&self.conn, id)
    }

    pub fn unlink_consultation_case(&self, id: &str, case_id: &str) -> Result<Consultation> {
        self.write(|tx| {
            consultation_row(tx, id)?;
            tx.execute(
                "DELETE FROM consultation_case WHERE consultation_id = ?1 AND case_id = ?2",
                params![id, case_id],
            )?;
            Ok(())
        })?;
        consultation(&self.conn, id)
    }

    /// Names the document sent (an attachment of one of the consultation's cases), or none.
    pub fn set_consultation_document(
        &self,
        id: &str,
        attachment_id: Option<&str>,
    ) -> Result<Consultation> {
        self.write(|tx| {
            consultation_row(tx, id)?;
            if let Some(a) = attachment_id {
                let linked: Option<i64> = tx
                    .query_row(
                        "SELECT 1 AS ok FROM attachment a JOIN consultation_case cc ON cc.case_id = a.case_id
                         WHERE a.id = ?1 AND cc.consultation_id = ?2",
                        params![a, id],
                        |r| r.get("ok"),
                    )
                    .optional()?;
                if linked.is_none() {
                    return Err(Error::other(
                        "document",
                        "Dokumentet må være et vedlegg til en av høringens saker.",
                        "The document must be an attachment of one of the consultation's cases.",
                    ));
                }
            }
            tx.execute(
                "UPDATE consultation SET document_id = ?2 WHERE id = ?1",
                params![id, attachment_id],
            )?;
            Ok(())
        })?;
        consultation(&self.conn, id)
    }

    /// Adds a question at the end.
    pub fn add_question(&self, consultation_id: &str, input: &QuestionInput) -> Result<Question> {
        let q = question_fields(input)?;
        let id = crate::new_id();
        self.write(|tx| {
            consultation_row(tx, consultation_id)?;
            let pos = next_position(tx, "consultation_question", "consultation_id", consultation_id)?;
            tx.execute(
                "INSERT INTO consultation_question (id, consultation_id, position, text) VALUES (?1, ?2, ?3, ?4)",
                params![id, consultation_id, pos, q.text],
            )?;
            write_choices_and_parts(tx, &id, &q)
        })?;
        question(&self.conn, &id)
    }

    /// Changes a question's text, choices and parts. Choices and parts are matched by their
    /// text: those kept keep their answers; one that is answered cannot be removed.
    pub fn update_question(&self, id: &str, input: &QuestionInput) -> Result<Question> {
        let q = question_fields(input)?;
        self.write(|tx| {
            question(tx, id)?;
            tx.execute(
                "UPDATE consultation_question SET text = ?2 WHERE id = ?1",
                params![id, q.text],
            )?;
            write_choices_and_parts(tx, id, &q)
        })?;
        question(&self.conn, id)
    }

    /// Removes a question that no response has answered.
    pub fn remove_question(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let consultation_id: String = tx
                .query_row(
                    "SELECT consultation_id FROM consultation_question WHERE id = ?1",
                    [id],
                    |r| r.get("consultation_id"),
                )
                .optional()?
                .ok_or_else(|| not_found(Thing::Question, id))?;
            refuse_answered(tx, "question", "question_id", id)?;
            tx.execute("DELETE FROM consultation_question WHERE id = ?1", [id])?;
            tx.execute(
                "UPDATE consultation_question SET position = (SELECT count(*) FROM consultation_question q
                   WHERE q.consultation_id = consultation_question.consultation_id AND q.position < consultation_question.position)
                 WHERE consultation_id = ?1",
                [&consultation_id],
            )?;
            Ok(())
        })
    }

    /// A body's categories of respondents, in its order.
    pub fn categories(&self, body_id: &str) -> Result<Vec<RespondentCategory>> {
        categories(&self.conn, body_id)
    }

    pub fn add_category(&self, body_id: &str, name: &str) -> Result<RespondentCategory> {
        let name = validate::line("category", name)?;
        let id = crate::new_id();
        self.write(|tx| {
            crate::bodies::body(tx, body_id)?;
            ensure_category_free(tx, body_id, &name, None)?;
            let pos = next_position(tx, "respondent_category", "body_id", body_id)?;
            tx.execute(
                "INSERT INTO respondent_category (id, body_id, name, position) VALUES (?1, ?2, ?3, ?4)",
                params![id, body_id, name, pos],
            )?;
            Ok(())
        })?;
        category(&self.conn, &id)
    }

    pub fn rename_category(&self, id: &str, name: &str) -> Result<RespondentCategory> {
        let name = validate::line("category", name)?;
        self.write(|tx| {
            let c = category(tx, id)?;
            ensure_category_free(tx, &c.body_id, &name, Some(id))?;
            tx.execute(
                "UPDATE respondent_category SET name = ?2 WHERE id = ?1",
                params![id, name],
            )?;
            Ok(())
        })?;
        category(&self.conn, id)
    }

    /// Removes a category no response is in.
    pub fn remove_category(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            category(tx, id)?;
            let used: i64 = tx.query_row(
                "SELECT count(*) AS n FROM response WHERE category_id = ?1",
                [id],
                |r| r.get("n"),
            )?;
            if used > 0 {
                return Err(Error::other(
                    "category",
                    format!("{used} høringssvar er i kategorien. Flytt dem til en annen kategori først."),
                    format!("{used} responses are in the category. Move them to another category first."),
                ));
            }
            tx.execute("DELETE FROM respondent_category WHERE id = ?1", [id])?;
            Ok(())
        })
    }
}

/// The body of a consultation, or "not found".
pub(crate) fn consultation_row(conn: &Connection, id: &str) -> Result<String> {
    conn.query_row(
        "SELECT body_id FROM consultation WHERE id = ?1",
        [id],
        |r| r.get("body_id"),
    )
    .optional()?
    .ok_or_else(|| not_found(Thing::Consultation, id))
}

pub(crate) fn consultation(conn: &Connection, id: &str) -> Result<Consultation> {
    let rows = all(
        conn,
        "SELECT id, body_id, title, description, sent_date, deadline, document_id, summary
         FROM consultation WHERE id = ?1",
        [id],
        |r| {
            Ok(from_row!(r => Consultation {
                id, body_id, title, description, sent_date, deadline, document_id, summary;
                case_ids: Vec::new(), questions: Vec::new(),
            }))
        },
    )?;
    let mut c = first(rows, Thing::Consultation, id)?;
    c.case_ids = all(
        conn,
        "SELECT cc.case_id FROM consultation_case cc JOIN \"case\" c ON c.id = cc.case_id
         WHERE cc.consultation_id = ?1 ORDER BY c.year, c.number, c.id",
        [id],
        |r| r.get("case_id"),
    )?;
    c.questions = questions(conn, id)?;
    Ok(c)
}

pub(crate) fn questions(conn: &Connection, consultation_id: &str) -> Result<Vec<Question>> {
    let ids: Vec<String> = all(
        conn,
        "SELECT id FROM consultation_question WHERE consultation_id = ?1 ORDER BY position",
        [consultation_id],
        |r| r.get("id"),
    )?;
    ids.iter().map(|id| question(conn, id)).collect()
}

pub(crate) fn question(conn: &Connection, id: &str) -> Result<Question> {
    let rows = all(
        conn,
        "SELECT id, text, position + 1 AS number FROM consultation_question WHERE id = ?1",
        [id],
        |r| {
            Ok(from_row!(r => Question {
                id, text, number; choices: Vec::new(), parts: Vec::new(),
            }))
        },
    )?;
    let mut q = first(rows, Thing::Question, id)?;
    q.choices = all(
        conn,
        "SELECT id, label FROM question_choice WHERE question_id = ?1 ORDER BY position",
        [id],
        |r| Ok(from_row!(r => Choice { id, label })),
    )?;
    q.parts = all(
        conn,
        "SELECT id, title FROM question_part WHERE question_id = ?1 ORDER BY position",
        [id],
        |r| Ok(from_row!(r => QuestionPart { id, title })),
    )?;
    Ok(q)
}

/// Writes a question's choices and parts as `q` lists them: kept ones (by text, any case) keep
/// their ids and answers, new ones are added, and an answered one is not removed.
fn write_choices_and_parts(conn: &Connection, question_id: &str, q: &QuestionInput) -> Result<()> {
    for (table, column, answer_column, values) in [
        ("question_choice", "label", "choice_id", &q.choices),
        ("question_part", "title", "part_id", &q.parts),
    ] {
        let existing: Vec<(String, String)> = all(
            conn,
            &format!("SELECT id, {column} AS name FROM {table} WHERE question_id = ?1"),
            [question_id],
            |r| Ok((r.get("id")?, r.get("name")?)),
        )?;
        for (id, name) in &existing {
            if !values
                .iter()
                .any(|v| v.to_lowercase() == name.to_lowercase())
            {
                refuse_answered(conn, answer_column, answer_column, id)?;
                conn.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
            }
        }
        for (pos, v) in values.iter().enumerate() {
            match existing.iter().find(|(_, n)| n.to_lowercase() == v.to_lowercase()) {
                Some((id, _)) => conn.execute(
                    &format!("UPDATE {table} SET position = ?2, {column} = ?3 WHERE id = ?1"),
                    params![id, pos as i64, v],
                )?,
                None => conn.execute(
                    &format!("INSERT INTO {table} (id, question_id, position, {column}) VALUES (?1, ?2, ?3, ?4)"),
                    params![crate::new_id(), question_id, pos as i64, v],
                )?,
            };
        }
    }
    Ok(())
}

/// Refuses to remove a question, choice or part that a response answers with.
fn refuse_answered(conn: &Connection, field: &'static str, column: &str, id: &str) -> Result<()> {
    let n: i64 = conn.query_row(
        &format!("SELECT count(*) AS n FROM response_answer WHERE {column} = ?1"),
        [id],
        |r| r.get("n"),
    )?;
    if n > 0 {
        return Err(Error::other(
            field,
            format!("{n} svar bruker dette. Det kan ikke fjernes så lenge svarene finnes."),
            format!("{n} answers use this. It cannot be removed while they exist."),
        ));
    }
    Ok(())
}

pub(crate) fn categories(conn: &Connection, body_id: &str) -> Result<Vec<RespondentCategory>> {
    all(
        conn,
        "SELECT id, body_id, name FROM respondent_category WHERE body_id = ?1 ORDER BY position",
        [body_id],
        |r| Ok(from_row!(r => RespondentCategory { id, body_id, name })),
    )
}

pub(crate) fn category(conn: &Connection, id: &str) -> Result<RespondentCategory> {
    let rows = all(
        conn,
        "SELECT id, body_id, name FROM respondent_category WHERE id = ?1",
        [id],
        |r| Ok(from_row!(r => RespondentCategory { id, body_id, name })),
    )?;
    first(rows, Thing::Category, id)
}

/// Categories are told apart by name, whatever the case ("Kommune", "kommune").
fn ensure_category_free(
    conn: &Connection,
    body_id: &str,
    name: &str,
    except: Option<&str>,
) -> Result<()> {
    let taken = categories(conn, body_id)?
        .into_iter()
        .any(|c| c.name.to_lowercase() == name.to_lowercase() && Some(c.id.as_str()) != except);
    if taken {
        return Err(Error::Duplicate {
            what: Thing::Category,
            key: name.to_string(),
        });
    }
    Ok(())
}
