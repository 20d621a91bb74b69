//! Cases: show, add, set fields, exempt, attachments, links and references, history.

use super::{opt_text, Ctx, R};
use crate::args::{BodyOpt, CaseCommand};
use crate::output::{one_line, Done};
use crate::resolve;
use quorum_record::cases::{AttachmentInput, CaseInput, ReferenceInput};
use quorum_record::model::{Case, CaseLink, MemoSections};

fn case_of(cx: &Ctx, body: &BodyOpt, number: &str) -> R<Case> {
    Ok(resolve::case(cx.store, body.body.as_deref(), number)?)
}

/// "Sak 32/25 Title", or the id for a case not yet numbered.
fn case_name(cx: &Ctx, c: &Case) -> String {
    match &c.number {
        Some(n) => format!("{} {n} {}", cx.say("Sak", "Case"), c.title),
        None => format!(
            "{} {} ({} {})",
            cx.say("Sak", "Case"),
            c.title,
            cx.say("uten nummer, id", "unnumbered, id"),
            c.id
        ),
    }
}

fn link_line(l: &CaseLink, n: usize) -> String {
    format!(
        "{n:>3}. {} {} {} – {}: {}",
        l.number,
        l.body,
        l.date,
        l.title,
        one_line(&l.decision)
    )
}

fn links_text(cx: &Ctx, c: &Case) -> String {
    let mut text = case_name(cx, c);
    for (i, l) in c.links.iter().enumerate() {
        text += "\n";
        text += &link_line(l, i + 1);
    }
    text
}

fn media_type(path: &std::path::Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("pdf") => "application/pdf",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("pptx") => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("txt") => "text/plain",
        _ => "application/octet-stream",
    }
}

pub fn run(cx: &Ctx, command: &CaseCommand) -> R<Done> {
    let s = cx.store;
    match command {
        CaseCommand::Unplaced { body } => {
            let b = resolve::body(s, body)?;
            let cases = s.unplaced_cases(&b.id)?;
            let text: Vec<String> = cases
                .iter()
                .map(|c| format!("{}  {} [{}]", c.id, c.title, c.case_type))
                .collect();
            Ok(Done::new(&cases, text.join("\n")))
        }
        CaseCommand::Show { body, number } => {
            let c = case_of(cx, body, number)?;
            let text = super::show::case(cx, &c)?;
            Ok(Done::new(&c, text))
        }
        CaseCommand::Add { body, year, fields } => {
            let b = resolve::body(s, body)?;
            let c = s.create_case(&b.id, *year, &super::agenda::new_case(fields)?)?;
            let text = format!("{}: {}", cx.say("Ny sak", "New case"), case_name(cx, &c));
            Ok(Done::new(&c, text))
        }
        CaseCommand::Set {
            body,
            number,
            fields: f,
        } => {
            let old = case_of(cx, body, number)?;
            let or = |given: Option<String>, old: &str| given.unwrap_or_else(|| old.to_string());
            let input = CaseInput {
                title: or(f.title.clone(), &old.title),
                case_type: or(f.case_type.clone(), &old.case_type),
                summary: or(opt_text(&f.summary)?, &old.summary),
                proposal: Some(or(opt_text(&f.proposal)?, &old.proposal)),
                no_memo: f.no_memo.unwrap_or(old.no_memo),
                memo: MemoSections {
                    purpose: or(opt_text(&f.purpose)?, &old.memo.purpose),
                    background: or(opt_text(&f.background)?, &old.memo.background),
                    questions: or(opt_text(&f.questions)?, &old.memo.questions),
                    process: or(opt_text(&f.process)?, &old.memo.process),
                },
                owner: or(f.owner.clone(), &old.owner),
                officer: or(f.officer.clone(), &old.officer),
            };
            let c = s.update_case(&old.id, &input)?;
            let text = format!("{}: {}", cx.say("Endret", "Changed"), case_name(cx, &c));
            Ok(Done::new(&c, text))
        }
        CaseCommand::Exempt {
            body,
            number,
            basis,
            lift,
        } => {
            let c = case_of(cx, body, number)?;
            let c = s.set_exempt(&c.id, !lift, basis.as_deref().unwrap_or_default())?;
            let n = c.number.clone().unwrap_or_else(|| c.id.clone());
            let text = if c.exempt {
                format!(
                    "{} {n} {} ({})",
                    cx.say("Sak", "Case"),
                    cx.say(
                        "er unntatt offentlighet",
                        "is exempt from public disclosure"
                    ),
                    c.exempt_basis
                )
            } else {
                format!(
                    "{} {n} {}",
                    cx.say("Sak", "Case"),
                    cx.say(
                        "er ikke lenger unntatt offentlighet",
                        "is no longer exempt from public disclosure"
                    )
                )
            };
            Ok(Done::new(&c, text))
        }
        CaseCommand::Attach {
            body,
            number,
            label,
            title,
            file,
        } => {
            let c = case_of(cx, body, number)?;
            let (content, file_name, media) = match file {
                Some(path) => {
                    let bytes = std::fs::read(path).map_err(|source| quorum_record::Error::Io {
                        path: path.display().to_string(),
                        source,
                    })?;
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    (Some(bytes), name, media_type(path).to_string())
                }
                None => (None, String::new(), String::new()),
            };
            let c = s.add_attachment(
                &c.id,
                &AttachmentInput {
                    label: label.clone(),
                    title: title.clone(),
                    file_name,
                    media_type: media,
                },
                content.as_deref(),
            )?;
            let text = format!(
                "{}: {} {}: {}",
                case_name(cx, &c),
                cx.say("Vedlegg", "Attachment"),
                label.trim(),
                title.trim()
            );
            Ok(Done::new(&c, text))
        }
        CaseCommand::Detach {
            body,
            number,
            attachment,
        } => {
            let c = case_of(cx, body, number)?;
            let a = resolve::attachment(&c, attachment)?;
            let c = s.remove_attachment(&a.id)?;
            let text = format!(
                "{}: {} {} {}",
                case_name(cx, &c),
                cx.say("Vedlegg", "Attachment"),
                a.label,
                cx.say("er fjernet", "is removed")
            );
            Ok(Done::new(&c, text))
        }
        CaseCommand::SaveAttachment {
            body,
            number,
            attachment,
            output,
        } => {
            let c = case_of(cx, body, number)?;
            let a = resolve::attachment(&c, attachment)?;
            let (_, _, content) = s.attachment_content(&a.id)?;
            let Some(bytes) = content else {
                return Err(quorum_record::Error::other(
                    "file",
                    format!("Vedlegg {} har ingen lagret fil.", a.label),
                    format!("Attachment {} has no stored file.", a.label),
                )
                .into());
            };
            quorum_record::files::write_replacing(output, &bytes).map_err(|source| {
                quorum_record::Error::Io {
                    path: output.display().to_string(),
                    source,
                }
            })?;
            let text = format!("{} {}", cx.say("Skrev", "Wrote"), output.display());
            Ok(Done::new(&a, text))
        }
        CaseCommand::Link {
            body,
            number,
            to,
            to_body,
        } => {
            let c = case_of(cx, body, number)?;
            let target = resolve::case(s, to_body.as_deref(), to)?;
            let c = s.link_case(&c.id, &target.id)?;
            Ok(Done::new(&c, links_text(cx, &c)))
        }
        CaseCommand::Reference {
            body,
            number,
            ref_number,
            ref_body,
            date,
            title,
            decision,
        } => {
            let c = case_of(cx, body, number)?;
            let c = s.add_reference(
                &c.id,
                &ReferenceInput {
                    number: ref_number.clone(),
                    body: ref_body.clone(),
                    date: date.clone(),
                    title: title.clone(),
                    decision: super::text_arg(decision)?,
                },
            )?;
            Ok(Done::new(&c, links_text(cx, &c)))
        }
        CaseCommand::Unlink { body, number, link } => {
            let c = case_of(cx, body, number)?;
            let l = resolve::link(&c, link)?;
            let c = s.remove_link(&l.id)?;
            Ok(Done::new(&c, links_text(cx, &c)))
        }
        CaseCommand::History { body, number } => {
            let c = case_of(cx, body, number)?;
            let history = s.case_history(&c.id)?;
            let mut text = case_name(cx, &c);
            for (i, l) in history.iter().enumerate() {
                text += "\n";
                text += &link_line(l, i + 1);
            }
            Ok(Done::new(&history, text))
        }
    }
}
