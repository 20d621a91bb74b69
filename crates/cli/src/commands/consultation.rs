//! Consultations: create, list and show; questions, categories and typed responses; import
//! from a spreadsheet (the proposed mapping printed first, imported with --confirm or a mapping
//! file) or a filled Word form; the summary's headings and handling marks; the tally, search
//! and the PDFs.

use super::files::{file_json, io_error, refuse_record_file};
use super::{text_arg, Ctx, R};
use crate::args::{CategoryCommand, ConsultationCommand, ConsultationPdfOut, ConsultationRef};
use crate::output::Done;
use crate::resolve;
use quorum_documents::{DocOptions, Documents};
use quorum_record::consultations::{Consultation, ConsultationInput, QuestionInput};
use quorum_record::handling::{HandlingInput, HeadingInput};
use quorum_record::intake::{read_sheet, Mapping, SheetKind};
use quorum_record::responses::{AnswerInput, Response, ResponseInput, ResponseQuery};
use quorum_record::tally::Tally;
use quorum_record::vocab::Handling;
use quorum_record::{Error, Lang, Store};
use std::path::Path;

/// A consultation by its number in the body's list (1 is the newest), its title (any case) or
/// its id.
fn consultation(s: &Store, r: &ConsultationRef) -> R<Consultation> {
    let b = resolve::body(s, &r.body)?;
    let key = r.consultation.trim();
    if resolve::is_id(key) {
        return Ok(s.consultation(key)?);
    }
    let list = s.consultations(&b.id)?;
    let found = match key.parse::<usize>() {
        Ok(n) if n >= 1 => list.get(n - 1).cloned(),
        _ => list
            .iter()
            .find(|c| c.title.to_lowercase() == key.to_lowercase())
            .cloned(),
    };
    found.ok_or_else(|| {
        Error::NotFound {
            what: quorum_record::error::Thing::Consultation,
            key: key.to_string(),
        }
        .into()
    })
}

fn read(path: &Path) -> R<Vec<u8>> {
    Ok(std::fs::read(path).map_err(|e| io_error(path, e))?)
}

fn line(c: &Consultation, n: usize) -> String {
    format!(
        "{n:>3}. {} (sendt {}, frist {}, {} spørsmål)",
        c.title,
        c.sent_date,
        c.deadline,
        c.questions.len()
    )
}

fn response_line(lang: Lang, r: &Response) -> String {
    let cat = r.category.as_ref().map_or("–", |k| k.name.as_str());
    let public = if r.publishable {
        ""
    } else {
        lang.pick(" [ikke offentlig]", " [not public]")
    };
    format!(
        "{:>4}. {} ({cat}, {}){public}",
        r.number, r.respondent, r.received
    )
}

fn tally_text(cx: &Ctx, t: &Tally) -> String {
    let mut out = vec![format!(
        "{} {}",
        t.responses,
        cx.say("høringssvar", "responses")
    )];
    for k in t.per_category.iter().filter(|k| k.count > 0) {
        out.push(format!(
            "  {:<28} {:>4}",
            k.category.clone().unwrap_or_else(|| "–".into()),
            k.count
        ));
    }
    for q in &t.questions {
        out.push(format!(
            "{} {}: {}",
            cx.say("Spørsmål", "Question"),
            q.number,
            q.text
        ));
        for ch in &q.choices {
            out.push(format!(
                "  {:<28} {:>4} {:>5.1} %",
                ch.label,
                ch.count,
                ch.share * 100.0
            ));
        }
        for k in &q.by_category {
            let cells: Vec<String> = k
                .choices
                .iter()
                .map(|ch| format!("{} {}", ch.label.split(',').next().unwrap_or(""), ch.count))
                .collect();
            out.push(format!(
                "    {}: {}",
                k.category.clone().unwrap_or_else(|| "–".into()),
                cells.join(", ")
            ));
        }
    }
    out.join("\n")
}

/// "1=Ja" → (1, None, "Ja"); "2/Mål 1=Enig" → (2, Some("Mål 1"), "Enig").
fn numbered_value(v: &str) -> R<(u32, Option<String>, String)> {
    let bad = || -> quorum_documents::Error {
        Error::other(
            "answer",
            format!("«{v}» er ikke på formen «1=tekst» eller «2/Mål 1=tekst»."),
            format!("\"{v}\" is not of the form \"1=text\" or \"2/Mål 1=text\"."),
        )
        .into()
    };
    let (key, value) = v.split_once('=').ok_or_else(bad)?;
    let (n, part) = match key.split_once('/') {
        Some((n, p)) => (n, Some(p.trim().to_string())),
        None => (key, None),
    };
    let n = n.trim().parse::<u32>().map_err(|_| bad())?;
    Ok((n, part, text_arg(value)?))
}

fn mapping_text(cx: &Ctx, m: &Mapping) -> String {
    // Pretty JSON of a plain struct always serialises.
    let json = serde_json::to_string_pretty(m).unwrap_or_default();
    format!(
        "{}\n{json}\n{}",
        cx.say(
            "Foreslått kobling av kolonner (ingenting er importert ennå):",
            "Proposed mapping of columns (nothing is imported yet):"
        ),
        cx.say(
            "Importer med --confirm, eller lagre koblingen i en fil, rett den og importer med --mapping FIL.",
            "Import with --confirm, or save the mapping to a file, correct it and import with --mapping FILE."
        )
    )
}

fn pdf(cx: &Ctx, c: &Consultation, out: &ConsultationPdfOut, summary: bool) -> R<Done> {
    let opts = DocOptions {
        public: out.public,
        lang: None,
    };
    let bytes = if summary {
        cx.store.consultation_summary_pdf(&c.id, opts)?
    } else {
        cx.store.respondents_pdf(&c.id, opts)?
    };
    refuse_record_file(cx, &out.output)?;
    quorum_record::files::write_replacing(&out.output, &bytes)
        .map_err(|e| io_error(&out.output, e))?;
    let text = format!("{} {}", cx.say("Skrev", "Wrote"), out.output.display());
    Ok(Done::new(&file_json(&out.output), text))
}

pub fn run(cx: &Ctx, command: &ConsultationCommand) -> R<Done> {
    let s = cx.store;
    Ok(match command {
        ConsultationCommand::List { body } => {
            let b = resolve::body(s, body)?;
            let list = s.consultations(&b.id)?;
            let text = if list.is_empty() {
                cx.say(
                    "Organet har ingen høringer. Lag en med «consultation create».",
                    "The body has no consultations. Make one with \"consultation create\".",
                )
            } else {
                list.iter()
                    .enumerate()
                    .map(|(i, c)| line(c, i + 1))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            Done::new(&list, text)
        }
        ConsultationCommand::Create {
            body,
            title,
            sent,
            deadline,
            description,
            summary,
            cases,
        } => {
            let b = resolve::body(s, body)?;
            // The cases first: a mistyped number leaves no consultation behind.
            let case_ids = cases
                .iter()
                .map(|k| Ok(resolve::case(s, Some(&b.short_name), k)?.id))
                .collect::<R<Vec<_>>>()?;
            let mut c = s.create_consultation(
                &b.id,
                &ConsultationInput {
                    title: title.clone(),
                    description: text_arg(description)?,
                    sent_date: sent.clone(),
                    deadline: deadline.clone(),
                    summary: text_arg(summary)?,
                },
            )?;
            for id in &case_ids {
                c = s.link_consultation_case(&c.id, id)?;
            }
            let text = format!("{} {}", cx.say("Ny høring:", "New consultation:"), c.title);
            Done::new(&c, text)
        }
        ConsultationCommand::Show { c } => {
            let c = consultation(s, c)?;
            let responses = s.responses(&c.id)?;
            let mut out = vec![
                c.title.clone(),
                format!(
                    "{} {} · {} {}",
                    cx.say("Sendt", "Sent"),
                    c.sent_date,
                    cx.say("frist", "deadline"),
                    c.deadline
                ),
            ];
            for q in &c.questions {
                out.push(format!("{}) {}", q.number, q.text));
                if !q.choices.is_empty() {
                    let labels: Vec<&str> = q.choices.iter().map(|x| x.label.as_str()).collect();
                    out.push(format!("     [{}]", labels.join(" / ")));
                }
                for p in &q.parts {
                    out.push(format!("     – {}", p.title));
                }
            }
            out.push(format!(
                "{} {}:",
                responses.len(),
                cx.say("høringssvar", "responses")
            ));
            out.extend(responses.iter().map(|r| response_line(cx.lang, r)));
            Done::new(
                &serde_json::json!({ "consultation": c, "responses": responses }),
                out.join("\n"),
            )
        }
        ConsultationCommand::Question {
            c,
            text,
            choices,
            parts,
        } => {
            let c = consultation(s, c)?;
            let q = s.add_question(
                &c.id,
                &QuestionInput {
                    text: text_arg(text)?,
                    choices: choices.clone(),
                    parts: parts.clone(),
                },
            )?;
            let text = format!(
                "{} {}: {}",
                cx.say("Spørsmål", "Question"),
                q.number,
                q.text
            );
            Done::new(&q, text)
        }
        ConsultationCommand::Category { command } => category(cx, command)?,
        ConsultationCommand::Respond {
            c,
            respondent,
            category,
            received,
            not_public,
            choices,
            answers,
        } => {
            let c = consultation(s, c)?;
            let question = |n: u32| -> R<&quorum_record::consultations::Question> {
                c.questions.iter().find(|q| q.number == n).ok_or_else(|| {
                    Error::other(
                        "question",
                        format!("Høringen har ikke noe spørsmål {n}."),
                        format!("The consultation has no question {n}."),
                    )
                    .into()
                })
            };
            let mut input = Vec::<AnswerInput>::new();
            for v in choices {
                let (n, _, label) = numbered_value(v)?;
                let q = question(n)?;
                input.push(AnswerInput {
                    question_id: q.id.clone(),
                    choice: Some(label),
                    ..Default::default()
                });
            }
            for v in answers {
                let (n, part, text) = numbered_value(v)?;
                let q = question(n)?;
                let part_id = match part {
                    None => None,
                    Some(t) => Some(
                        q.parts
                            .iter()
                            .find(|p| p.title.to_lowercase().starts_with(&t.to_lowercase()))
                            .map(|p| p.id.clone())
                            .ok_or_else(|| {
                                Error::other(
                                    "part",
                                    format!("Spørsmål {n} har ingen del «{t}»."),
                                    format!("Question {n} has no part \"{t}\"."),
                                )
                            })?,
                    ),
                };
                match input
                    .iter_mut()
                    .find(|a| a.question_id == q.id && a.part_id == part_id)
                {
                    Some(a) => a.text = text,
                    None => input.push(AnswerInput {
                        question_id: q.id.clone(),
                        part_id,
                        choice: None,
                        text,
                    }),
                }
            }
            let r = s.add_response(
                &c.id,
                &ResponseInput {
                    respondent: respondent.clone(),
                    category: category.clone(),
                    received: received.clone(),
                    publishable: !not_public,
                    answers: input,
                },
            )?;
            let text = format!(
                "{} {}",
                cx.say("Nytt høringssvar:", "New response:"),
                response_line(cx.lang, &r)
            );
            Done::new(&r, text)
        }
        ConsultationCommand::Import {
            c,
            file,
            confirm,
            mapping,
            received,
            respondent,
            category,
            not_public,
        } => {
            let c = consultation(s, c)?;
            let bytes = read(file)?;
            let ext = file
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_lowercase);
            if ext.as_deref() == Some("docx") {
                let r = s.import_response_form(
                    &c.id,
                    &bytes,
                    &ResponseInput {
                        respondent: respondent.clone().unwrap_or_default(),
                        category: category.clone(),
                        received: received.clone().unwrap_or_default(),
                        publishable: !not_public,
                        answers: Vec::new(),
                    },
                )?;
                let text = format!(
                    "{} {} ({} {})",
                    cx.say("Importerte høringssvar", "Imported response"),
                    response_line(cx.lang, &r),
                    r.answers.len(),
                    cx.say("svar", "answers")
                );
                return Ok(Done::new(&r, text));
            }
            let kind = SheetKind::of_path(file).ok_or_else(|| {
                Error::other(
                    "file",
                    "Filen må være et regneark (.xlsx eller .csv) eller et svarskjema (.docx).",
                    "The file must be a spreadsheet (.xlsx or .csv) or a response form (.docx).",
                )
            })?;
            let sheet = read_sheet(&bytes, kind)?;
            let mut m = match mapping {
                Some(path) => {
                    let text = String::from_utf8(read(path)?).unwrap_or_default();
                    serde_json::from_str::<Mapping>(&text).map_err(|e| {
                        Error::other(
                            "mapping",
                            format!("Koblingsfilen «{}» kan ikke leses: {e}.", path.display()),
                            format!(
                                "The mapping file \"{}\" cannot be read: {e}.",
                                path.display()
                            ),
                        )
                    })?
                }
                None => s.propose_mapping(&c.id, &sheet)?,
            };
            if received.is_some() {
                m.received_date = received.clone();
            }
            if !confirm && mapping.is_none() {
                return Ok(Done::new(&m, mapping_text(cx, &m)));
            }
            let done = s.import_sheet(&c.id, &sheet, &m)?;
            let text = format!(
                "{} {} {}",
                cx.say("Importerte", "Imported"),
                done.responses,
                cx.say("høringssvar", "responses")
            );
            Done::new(&done, text)
        }
        ConsultationCommand::Heading {
            c,
            title,
            parent,
            text,
        } => {
            let c = consultation(s, c)?;
            let parent_id = parent.as_deref().map(|n| heading(s, &c, n)).transpose()?;
            let h = s.add_heading(
                &c.id,
                &HeadingInput {
                    parent_id,
                    title: title.clone(),
                    text: text_arg(text)?,
                },
            )?;
            let line = format!("{} {}", h.number, h.title);
            Done::new(&h, line)
        }
        ConsultationCommand::Mark {
            c,
            response,
            question,
            part,
            outcome,
            passage,
            comment,
            heading: under,
        } => {
            let c = consultation(s, c)?;
            let outcome = super::vocab(
                outcome,
                Handling::parse(outcome),
                Handling::ALL,
                Handling::label,
                ("en vurdering", "a handling"),
            )?;
            let r = s
                .responses(&c.id)?
                .into_iter()
                .find(|r| r.number == *response)
                .ok_or_else(|| Error::NotFound {
                    what: quorum_record::error::Thing::Response,
                    key: response.to_string(),
                })?;
            let q = c.questions.iter().find(|q| q.number == *question);
            let part_id = part.as_ref().and_then(|t| {
                q.and_then(|q| {
                    q.parts
                        .iter()
                        .find(|p| p.title.to_lowercase().starts_with(&t.to_lowercase()))
                        .map(|p| p.id.clone())
                })
            });
            let answer = r
                .answers
                .iter()
                .find(|a| Some(&a.question_id) == q.map(|q| &q.id) && a.part_id == part_id)
                .ok_or_else(|| {
                    Error::other(
                        "answer",
                        format!("Høringssvar {response} har ikke noe svar på spørsmål {question}."),
                        format!("Response {response} has no answer to question {question}."),
                    )
                })?;
            let heading_id = under.as_deref().map(|n| heading(s, &c, n)).transpose()?;
            let m = s.mark_answer(
                &answer.id,
                &HandlingInput {
                    heading_id,
                    passage: text_arg(passage)?,
                    outcome,
                    comment: text_arg(comment)?,
                },
            )?;
            let text = format!("{}: {}", m.respondent, m.outcome.label(cx.lang));
            Done::new(&m, text)
        }
        ConsultationCommand::Tally { c, public } => {
            let c = consultation(s, c)?;
            let t = s.tally(&c.id, *public)?;
            let text = tally_text(cx, &t);
            Done::new(&t, text)
        }
        ConsultationCommand::Search { query } => {
            let hits = s.search_responses(&ResponseQuery {
                text: query.clone(),
                ..Default::default()
            })?;
            let text = hits
                .iter()
                .map(|h| {
                    let snippet = h
                        .snippet
                        .replace(quorum_record::search::HIT_START, "[")
                        .replace(quorum_record::search::HIT_END, "]");
                    format!("{}: {snippet}", h.respondent)
                })
                .collect::<Vec<_>>()
                .join("\n");
            Done::new(&hits, text)
        }
        ConsultationCommand::Summary { c, out } => pdf(cx, &consultation(s, c)?, out, true)?,
        ConsultationCommand::Respondents { c, out } => pdf(cx, &consultation(s, c)?, out, false)?,
    })
}

/// A summary heading by its number ("2.2").
fn heading(s: &Store, c: &Consultation, number: &str) -> R<String> {
    s.headings(&c.id)?
        .into_iter()
        .find(|h| h.number == number.trim())
        .map(|h| h.id)
        .ok_or_else(|| {
            Error::NotFound {
                what: quorum_record::error::Thing::Heading,
                key: number.to_string(),
            }
            .into()
        })
}

fn category(cx: &Ctx, command: &CategoryCommand) -> R<Done> {
    let s = cx.store;
    let find = |body: &str, name: &str| -> R<quorum_record::consultations::RespondentCategory> {
        let b = resolve::body(s, body)?;
        s.categories(&b.id)?
            .into_iter()
            .find(|k| k.name.to_lowercase() == name.trim().to_lowercase())
            .ok_or_else(|| {
                Error::NotFound {
                    what: quorum_record::error::Thing::Category,
                    key: name.to_string(),
                }
                .into()
            })
    };
    Ok(match command {
        CategoryCommand::List { body } => {
            let b = resolve::body(s, body)?;
            let list = s.categories(&b.id)?;
            let text = list
                .iter()
                .map(|k| k.name.clone())
                .collect::<Vec<_>>()
                .join("\n");
            Done::new(&list, text)
        }
        CategoryCommand::Add { body, name } => {
            let b = resolve::body(s, body)?;
            let k = s.add_category(&b.id, name)?;
            let text = format!("{} {}", cx.say("Ny kategori:", "New category:"), k.name);
            Done::new(&k, text)
        }
        CategoryCommand::Rename {
            body,
            name,
            new_name,
        } => {
            let k = s.rename_category(&find(body, name)?.id, new_name)?;
            let text = format!(
                "{} {}",
                cx.say("Kategorien heter nå", "The category is now"),
                k.name
            );
            Done::new(&k, text)
        }
        CategoryCommand::Remove { body, name } => {
            let k = find(body, name)?;
            s.remove_category(&k.id)?;
            let text = format!(
                "{} {}",
                cx.say("Fjernet kategorien", "Removed the category"),
                k.name
            );
            Done::new(&k, text)
        }
    })
}
