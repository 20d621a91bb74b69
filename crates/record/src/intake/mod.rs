//! Responses brought in from outside: a spreadsheet as an online form tool exports it (one row
//! per response) and a filled Word response form (.docx). A spreadsheet is imported in two
//! steps: `Store::propose_mapping` guesses which column holds the respondent, the category, the
//! date received, publishability and each question's choice and text, for the user to see and
//! change; `Store::import_sheet` then checks every row with the checks typed input gets
//! (`responses::check_response`) and writes all of them in one transaction, or refuses with the
//! first bad row's number and column and writes nothing.

pub mod docx;
pub mod sheet;

pub use docx::{read_form, FormReading};
pub use sheet::{read_sheet, Sheet, SheetKind};

use crate::consultations::{categories, consultation, Consultation, Question};
use crate::error::{Error, Invalid, Problem, Result};
use crate::responses::{
    check_response, insert_response, AnswerInput, ResponseField, ResponseInput,
};
use crate::store::Store;
use crate::vocab::ResponseSource;
use crate::Lang;
use serde::{Deserialize, Serialize};

/// Which column (by its header) holds what. Questions are named by their number and parts by
/// their title, so a mapping file can be read and edited by hand.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    pub respondent: Option<String>,
    pub category: Option<String>,
    pub received: Option<String>,
    /// The date received of every row, where no column has it (ISO date).
    #[serde(default)]
    pub received_date: Option<String>,
    pub publishable: Option<String>,
    #[serde(default)]
    pub answers: Vec<AnswerColumns>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct AnswerColumns {
    /// The question's number (1, 2, …).
    pub question: u32,
    /// A part's title, for an answer given part by part.
    #[serde(default)]
    pub part: Option<String>,
    #[serde(default)]
    pub choice: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
}

/// How many responses an import added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Imported {
    pub responses: u32,
}

/// Text folded for comparing headers with questions: lower case, single spaces, no
/// punctuation at the ends.
fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// The question number a header starts with ("1)", "1.", "Spørsmål 1", "Q1").
fn leading_number(header: &str) -> Option<u32> {
    let h = fold(header);
    let rest = h
        .strip_prefix("spørsmål")
        .or_else(|| h.strip_prefix("question"))
        .or_else(|| h.strip_prefix('q'))
        .unwrap_or(&h)
        .trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[digits.len()..].chars().next();
    if digits.is_empty() || !matches!(after, None | Some(')' | '.' | ':' | ' ' | '-')) {
        return None;
    }
    digits.parse().ok()
}

/// The question a header is about: by its leading number, or by containing the question's
/// text (its first 40 characters, folded).
fn question_of<'a>(c: &'a Consultation, header: &str) -> Option<&'a Question> {
    if let Some(n) = leading_number(header) {
        return c.questions.iter().find(|q| q.number == n);
    }
    let h = fold(header);
    c.questions.iter().find(|q| {
        let t: String = fold(&q.text).chars().take(40).collect();
        !t.is_empty() && h.contains(&t)
    })
}

fn has_any(header: &str, words: &[&str]) -> bool {
    let h = fold(header);
    words.iter().any(|w| h.contains(w))
}

impl Store {
    /// A proposed mapping of the sheet's columns, for the user to confirm or change.
    pub fn propose_mapping(&self, consultation_id: &str, sheet: &Sheet) -> Result<Mapping> {
        let c = consultation(&self.conn, consultation_id)?;
        let mut m = Mapping::default();
        let mut answers: Vec<AnswerColumns> = Vec::new();
        for (i, h) in sheet.headers.iter().enumerate() {
            if h.is_empty() {
                continue;
            }
            let values = || {
                sheet
                    .rows
                    .iter()
                    .filter_map(|(_, r)| r.get(i))
                    .filter(|v| !v.trim().is_empty())
            };
            if let Some(q) = question_of(&c, h) {
                let part = q
                    .parts
                    .iter()
                    .find(|p| fold(h).contains(&fold(&p.title)))
                    .map(|p| p.title.clone());
                // A column is the choice if every value in it is one of the choices.
                let is_choice = part.is_none()
                    && !q.choices.is_empty()
                    && !has_any(h, &["utdyp", "kommentar", "begrunn", "comment", "explain"])
                    && values().count() > 0
                    && values().all(|v| crate::responses::match_choice(&q.choices, v).is_some());
                let slot = match answers
                    .iter_mut()
                    .find(|a| a.question == q.number && a.part == part)
                {
                    Some(a) => a,
                    None => {
                        answers.push(AnswerColumns {
                            question: q.number,
                            part: part.clone(),
                            ..AnswerColumns::default()
                        });
                        answers.last_mut().expect("just pushed")
                    }
                };
                if is_choice && slot.choice.is_none() {
                    slot.choice = Some(h.clone());
                } else if slot.text.is_none() {
                    slot.text = Some(h.clone());
                }
            } else if m.respondent.is_none()
                && has_any(
                    h,
                    &[
                        "instans",
                        "organisasjon",
                        "virksomhet",
                        "respondent",
                        "organisation",
                        "avsender",
                    ],
                )
            {
                m.respondent = Some(h.clone());
            } else if m.category.is_none() && has_any(h, &["kategori", "category", "type instans"])
            {
                m.category = Some(h.clone());
            } else if m.publishable.is_none() && has_any(h, &["offentlig", "publiser", "publish"]) {
                m.publishable = Some(h.clone());
            } else if m.received.is_none()
                && has_any(
                    h,
                    &[
                        "mottatt",
                        "dato",
                        "tidspunkt",
                        "innsendt",
                        "received",
                        "date",
                        "timestamp",
                    ],
                )
            {
                m.received = Some(h.clone());
            }
        }
        answers.sort_by_key(|a| {
            let q = c.questions.iter().find(|q| q.number == a.question);
            let part = q.and_then(|q| {
                a.part
                    .as_ref()
                    .and_then(|t| q.parts.iter().position(|p| &p.title == t))
            });
            (a.question, part.map_or(0, |p| p + 1))
        });
        m.answers = answers;
        Ok(m)
    }

    /// Imports every row of the sheet as a response, with the confirmed mapping. Every row is
    /// checked first; a bad row is refused with its number and the column, and nothing is
    /// written.
    pub fn import_sheet(
        &self,
        consultation_id: &str,
        sheet: &Sheet,
        mapping: &Mapping,
    ) -> Result<Imported> {
        self.write(|tx| {
            let c = consultation(tx, consultation_id)?;
            let cats = categories(tx, &c.body_id)?;
            let plan = Plan::new(&c, sheet, mapping)?;
            let mut checked = Vec::with_capacity(sheet.rows.len());
            for (number, cells) in &sheet.rows {
                let (input, columns) = plan.row(*number, cells)?;
                let r = check_response(&c, &cats, &input).map_err(|(field, e)| {
                    let column = match field {
                        ResponseField::Respondent => plan.name(plan.respondent),
                        ResponseField::Category => plan.name(plan.category),
                        ResponseField::Received => plan.name(plan.received),
                        ResponseField::Choice(n) => plan.name(columns[n].0),
                        ResponseField::Text(n) | ResponseField::Question(n) => {
                            plan.name(columns[n].1.or(columns[n].0))
                        }
                    };
                    row_error(*number, &column, &e)
                })?;
                checked.push(r);
            }
            for r in &checked {
                insert_response(tx, consultation_id, r, ResponseSource::Spreadsheet)?;
            }
            Ok(Imported {
                responses: checked.len() as u32,
            })
        })
    }
}

impl Store {
    /// What a filled Word form says, read against the consultation's questions (nothing is
    /// written).
    pub fn read_response_form(&self, consultation_id: &str, bytes: &[u8]) -> Result<FormReading> {
        read_form(&consultation(&self.conn, consultation_id)?, bytes)
    }

    /// Adds the response a filled Word form holds. `given` has the respondent, category, date
    /// and publishability (its answers are not used); where its respondent or category is empty,
    /// the form's own is taken.
    pub fn import_response_form(
        &self,
        consultation_id: &str,
        bytes: &[u8],
        given: &ResponseInput,
    ) -> Result<crate::responses::Response> {
        let form = self.read_response_form(consultation_id, bytes)?;
        let pick = |given: &str, found: &Option<String>| {
            if given.trim().is_empty() {
                found.clone().unwrap_or_default()
            } else {
                given.to_string()
            }
        };
        let input = ResponseInput {
            respondent: pick(&given.respondent, &form.respondent),
            category: Some(pick(
                given.category.as_deref().unwrap_or(""),
                &form.category,
            )),
            received: given.received.clone(),
            publishable: given.publishable,
            answers: form.answers,
        };
        self.add_response_from(consultation_id, &input, ResponseSource::Docx)
    }
}

/// The error of a row: the row, the column and the validator's message in both languages.
fn row_error(row: usize, column: &str, e: &Error) -> Error {
    Invalid::error(
        match e {
            Error::Invalid(i) => i.field,
            _ => "file",
        },
        Problem::Row {
            row,
            column: column.to_string(),
            nb: e.message(Lang::Nb),
            en: e.message(Lang::En),
        },
    )
}

/// (question id, part id, choice column, text column).
type MappedAnswer = (String, Option<String>, Option<usize>, Option<usize>);

/// A mapping resolved to column indexes of one sheet.
struct Plan<'a> {
    headers: &'a [String],
    respondent: Option<usize>,
    category: Option<usize>,
    received: Option<usize>,
    received_date: Option<String>,
    publishable: Option<usize>,
    answers: Vec<MappedAnswer>,
}

fn mapping_error(nb: String, en: String) -> Error {
    Error::other("mapping", nb, en)
}

impl<'a> Plan<'a> {
    fn new(c: &Consultation, sheet: &'a Sheet, m: &Mapping) -> Result<Plan<'a>> {
        let col = |name: &Option<String>| -> Result<Option<usize>> {
            let Some(n) = name.as_deref().map(str::trim).filter(|n| !n.is_empty()) else {
                return Ok(None);
            };
            sheet
                .headers
                .iter()
                .position(|h| h == n)
                .map(Some)
                .ok_or_else(|| {
                    mapping_error(
                        format!(
                            "Regnearket har ingen kolonne «{n}». Kolonnene er: {}.",
                            sheet.headers.join(", ")
                        ),
                        format!(
                            "The spreadsheet has no column \"{n}\". Its columns are: {}.",
                            sheet.headers.join(", ")
                        ),
                    )
                })
        };
        let respondent = col(&m.respondent)?;
        if respondent.is_none() {
            return Err(mapping_error(
                "Velg kolonnen med høringsinstansen.".into(),
                "Choose the column with the respondent.".into(),
            ));
        }
        let received = col(&m.received)?;
        if received.is_none() && m.received_date.is_none() {
            return Err(mapping_error(
                "Velg kolonnen med mottatt-datoen, eller oppgi én dato for alle svarene.".into(),
                "Choose the column with the date received, or give one date for every response."
                    .into(),
            ));
        }
        let mut answers = Vec::new();
        for a in &m.answers {
            let q = c
                .questions
                .iter()
                .find(|q| q.number == a.question)
                .ok_or_else(|| {
                    mapping_error(
                        format!("Høringen har ikke noe spørsmål {}.", a.question),
                        format!("The consultation has no question {}.", a.question),
                    )
                })?;
            let part = match &a.part {
                None => None,
                Some(t) => Some(
                    q.parts
                        .iter()
                        .find(|p| fold(&p.title) == fold(t))
                        .map(|p| p.id.clone())
                        .ok_or_else(|| {
                            mapping_error(
                                format!("Spørsmål {} har ingen del «{t}».", q.number),
                                format!("Question {} has no part \"{t}\".", q.number),
                            )
                        })?,
                ),
            };
            answers.push((q.id.clone(), part, col(&a.choice)?, col(&a.text)?));
        }
        Ok(Plan {
            headers: &sheet.headers,
            respondent,
            category: col(&m.category)?,
            received,
            received_date: m.received_date.clone(),
            publishable: col(&m.publishable)?,
            answers,
        })
    }

    fn name(&self, i: Option<usize>) -> String {
        i.and_then(|i| self.headers.get(i).cloned())
            .unwrap_or_default()
    }

    /// A row as a response, with each answer's (choice, text) columns.
    #[allow(clippy::type_complexity)]
    fn row(
        &self,
        number: usize,
        cells: &[String],
    ) -> Result<(ResponseInput, Vec<(Option<usize>, Option<usize>)>)> {
        let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).map(|s| s.trim().to_string());
        let publishable = match cell(self.publishable).map(|v| v.to_lowercase()).as_deref() {
            None | Some("") | Some("ja" | "j" | "yes" | "y" | "true" | "1" | "x") => true,
            Some("nei" | "n" | "no" | "false" | "0") => false,
            Some(v) => {
                return Err(row_error(
                    number,
                    &self.name(self.publishable),
                    &Error::other(
                        "publishable",
                        format!("«{v}» er ikke ja eller nei."),
                        format!("\"{v}\" is not yes or no."),
                    ),
                ))
            }
        };
        let received = match cell(self.received).filter(|v| !v.is_empty()) {
            Some(v) => normalise_date(&v),
            None => self.received_date.clone().unwrap_or_default(),
        };
        let mut answers = Vec::new();
        let mut columns = Vec::new();
        for (q, part, choice, text) in &self.answers {
            answers.push(AnswerInput {
                question_id: q.clone(),
                part_id: part.clone(),
                choice: cell(*choice),
                text: cell(*text).unwrap_or_default(),
            });
            columns.push((*choice, *text));
        }
        Ok((
            ResponseInput {
                respondent: cell(self.respondent).unwrap_or_default(),
                category: cell(self.category),
                received,
                publishable,
                answers,
            },
            columns,
        ))
    }
}

/// A date as form tools write it — "2022-09-30 14:22:10", "2022-09-30T14:22", "30.09.2022" —
/// as an ISO date; anything else unchanged, for the date check to name.
fn normalise_date(v: &str) -> String {
    let v = v.trim();
    let day = v.split([' ', 'T']).next().unwrap_or(v);
    if let Ok(d) = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d") {
        return d.to_string();
    }
    for f in ["%d.%m.%Y", "%d/%m/%Y"] {
        if let Ok(d) = chrono::NaiveDate::parse_from_str(day, f) {
            return d.to_string();
        }
    }
    v.to_string()
}

#[cfg(test)]
mod tests {
    use super::{leading_number, normalise_date};

    #[test]
    fn headers_name_their_question_by_number() {
        assert_eq!(leading_number("1) Kan dere stille dere bak"), Some(1));
        assert_eq!(leading_number("Spørsmål 3: prosessen"), Some(3));
        assert_eq!(leading_number("2. Mål 1"), Some(2));
        assert_eq!(leading_number("Instans"), None);
    }

    #[test]
    fn form_dates_become_iso_dates() {
        assert_eq!(normalise_date("2022-09-30 14:22:10"), "2022-09-30");
        assert_eq!(normalise_date("30.09.2022"), "2022-09-30");
        assert_eq!(normalise_date("i går"), "i går");
    }
}
