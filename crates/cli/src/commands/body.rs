//! Bodies, their names over time and their case types.

use super::{Ctx, R};
use crate::args::{BodyCommand, CaseTypeCommand};
use crate::output::Done;
use crate::resolve;
use quorum_record::bodies::{parse_language, BodyInput};
use quorum_record::error::Thing;
use quorum_record::model::Body;

fn body_line(b: &Body) -> String {
    format!("{:<14} {}  ({})", b.short_name, b.name, b.secretariat)
}

pub fn run(cx: &Ctx, command: &BodyCommand) -> R<Done> {
    let s = cx.store;
    Ok(match command {
        BodyCommand::List => {
            let bodies = s.bodies()?;
            let text: Vec<String> = bodies.iter().map(body_line).collect();
            Done::new(&bodies, text.join("\n"))
        }
        BodyCommand::Show { body } => {
            let b = resolve::body(s, body)?;
            let types = s.case_types(&b.id)?;
            let mut text = format!("{}\n{}\n", b.short_name, b.name);
            let row = |label: &str, value: &str| format!("{label:<16}{value}\n");
            text += &row(&cx.say("Sekretariat", "Secretariat"), &b.secretariat);
            text += &row(&cx.say("Møtested", "Place"), &b.default_place);
            text += &row(&cx.say("Språk", "Language"), b.language.as_str());
            text += &format!("\n{}:\n", cx.say("Navn", "Names"));
            for n in &b.names {
                text += &format!("  {}  {}\n", n.valid_from, n.name);
            }
            text += &format!("\n{}:\n", cx.say("Sakstyper", "Case types"));
            for t in &types {
                text += &format!("  {:<14} {}\n", t.name, t.proposal_template);
            }
            Done::new(&serde_json::json!({ "body": b, "case_types": types }), text)
        }
        BodyCommand::Add {
            short_name,
            name,
            secretariat,
            place,
            language,
        } => {
            let b = s.create_body(&BodyInput {
                short_name: short_name.clone(),
                name: name.clone(),
                secretariat: secretariat.clone().unwrap_or_default(),
                default_place: place.clone().unwrap_or_default(),
                language: parse_language(language.as_deref().unwrap_or_default())?,
            })?;
            let text = format!(
                "{} {}",
                cx.say("Opprettet organet", "Created the body"),
                body_line(&b)
            );
            Done::new(&b, text)
        }
        BodyCommand::Edit {
            body,
            short_name,
            secretariat,
            place,
            language,
        } => {
            let old = resolve::body(s, body)?;
            let b = s.update_body(
                &old.id,
                &BodyInput {
                    short_name: short_name.clone().unwrap_or(old.short_name.clone()),
                    name: old.name.clone(),
                    secretariat: secretariat.clone().unwrap_or(old.secretariat.clone()),
                    default_place: place.clone().unwrap_or(old.default_place.clone()),
                    language: match language {
                        Some(l) => parse_language(l)?,
                        None => old.language,
                    },
                },
            )?;
            let text = format!(
                "{} {}",
                cx.say("Endret organet", "Changed the body"),
                body_line(&b)
            );
            Done::new(&b, text)
        }
        BodyCommand::Rename { body, name, from } => {
            let old = resolve::body(s, body)?;
            let b = s.rename_body(&old.id, name, from)?;
            let text = match cx.lang {
                quorum_record::Lang::Nb => {
                    format!(
                        "{} heter «{}» fra {}.",
                        b.short_name,
                        name.trim(),
                        from.trim()
                    )
                }
                quorum_record::Lang::En => {
                    format!(
                        "{} is called \"{}\" from {}.",
                        b.short_name,
                        name.trim(),
                        from.trim()
                    )
                }
            };
            Done::new(&b, text)
        }
        BodyCommand::Rules {
            body,
            quorum_percent,
            signed_minutes,
        } => return super::groups::rules(cx, body, *quorum_percent, *signed_minutes),
        BodyCommand::FirstNumber { body, year, number } => {
            let b = resolve::body(s, body)?;
            s.set_first_case_number(&b.id, *year, *number)?;
            let text = format!(
                "{} {} {year}: {number}/{:02}",
                b.short_name,
                cx.say("første saksnummer i", "first case number in"),
                year.rem_euclid(100)
            );
            Done::new(
                &serde_json::json!({ "body": b, "year": year, "first_number": number }),
                text,
            )
        }
    })
}

pub fn case_type(cx: &Ctx, command: &CaseTypeCommand) -> R<Done> {
    let s = cx.store;
    Ok(match command {
        CaseTypeCommand::List { body } => {
            let b = resolve::body(s, body)?;
            let types = s.case_types(&b.id)?;
            let text: Vec<String> = types
                .iter()
                .map(|t| format!("{:<14} {}", t.name, t.proposal_template))
                .collect();
            Done::new(&types, text.join("\n"))
        }
        CaseTypeCommand::Set {
            body,
            name,
            template,
        } => {
            let b = resolve::body(s, body)?;
            let t = s.save_case_type(&b.id, name, template)?;
            let text = format!(
                "{} {}: {}",
                cx.say("Sakstype", "Case type"),
                t.name,
                t.proposal_template
            );
            Done::new(&t, text)
        }
        CaseTypeCommand::Remove { body, name } => {
            let b = resolve::body(s, body)?;
            let t = s
                .case_types(&b.id)?
                .into_iter()
                .find(|t| t.name == name.trim() || t.id == name.trim())
                .ok_or_else(|| quorum_record::Error::NotFound {
                    what: Thing::CaseType,
                    key: name.trim().to_string(),
                })?;
            s.remove_case_type(&t.id)?;
            let text = format!(
                "{} {} {}",
                cx.say("Sakstypen", "The case type"),
                t.name,
                cx.say("er fjernet", "is removed")
            );
            Done::new(&t, text)
        }
    })
}
