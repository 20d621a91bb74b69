//! People and their memberships of bodies.

use super::{Ctx, R};
use crate::args::{MemberCommand, PersonCommand};
use crate::output::Done;
use crate::resolve;
use quorum_record::model::{Membership, Person};
use quorum_record::people::{MembershipInput, PersonInput};
use quorum_record::vocab::Role;

fn person_line(p: &Person) -> String {
    let mut line = p.name.clone();
    if !p.organisation.is_empty() {
        line += &format!(", {}", p.organisation);
    }
    if !p.email.is_empty() {
        line += &format!(" <{}>", p.email);
    }
    line
}

fn member_line(cx: &Ctx, m: &Membership) -> String {
    let mut line = format!("{:<14} {}", m.role.label(cx.lang), person_line(&m.person));
    if m.term_from.is_some() || m.term_to.is_some() {
        line += &format!(
            " [{}–{}]",
            m.term_from.as_deref().unwrap_or(""),
            m.term_to.as_deref().unwrap_or("")
        );
    }
    if let Some(g) = &m.party {
        line += &format!(" ({})", g.short_name);
    }
    if let Some(sub) = &m.substitute {
        line += &format!(" ({}: {})", cx.say("vara", "substitute"), sub.name);
    }
    line
}

pub fn person(cx: &Ctx, command: &PersonCommand) -> R<Done> {
    let s = cx.store;
    Ok(match command {
        PersonCommand::Position { command } => return super::groups::position(cx, command),
        PersonCommand::List => {
            let people = s.people()?;
            let text: Vec<String> = people.iter().map(person_line).collect();
            Done::new(&people, text.join("\n"))
        }
        PersonCommand::Add {
            name,
            organisation,
            email,
        } => {
            let p = s.create_person(&PersonInput {
                name: name.clone(),
                organisation: organisation.clone().unwrap_or_default(),
                email: email.clone().unwrap_or_default(),
            })?;
            let text = format!("{} {}", cx.say("Opprettet", "Created"), person_line(&p));
            Done::new(&p, text)
        }
        PersonCommand::Edit {
            person,
            name,
            organisation,
            email,
        } => {
            let old = resolve::person(s, person)?;
            let p = s.update_person(
                &old.id,
                &PersonInput {
                    name: name.clone().unwrap_or(old.name.clone()),
                    organisation: organisation.clone().unwrap_or(old.organisation.clone()),
                    email: email.clone().unwrap_or(old.email.clone()),
                },
            )?;
            let text = format!("{} {}", cx.say("Endret", "Changed"), person_line(&p));
            Done::new(&p, text)
        }
    })
}

/// A term date as typed: "" clears it.
fn term(value: &Option<String>, old: &Option<String>) -> Option<String> {
    match value.as_deref().map(str::trim) {
        None => old.clone(),
        Some("") => None,
        Some(v) => Some(v.to_string()),
    }
}

pub fn member(cx: &Ctx, command: &MemberCommand) -> R<Done> {
    let s = cx.store;
    Ok(match command {
        MemberCommand::List { body, on } => {
            let b = resolve::body(s, body)?;
            // The record compares dates as text: "2025-02-30" or "i dag" would list nobody (or
            // the wrong people) instead of saying what is wrong.
            let on = crate::resolve::date_filter("date", on.as_deref())?;
            let members = s.memberships(&b.id, on.as_deref())?;
            let text: Vec<String> = members.iter().map(|m| member_line(cx, m)).collect();
            Done::new(&members, text.join("\n"))
        }
        MemberCommand::Add {
            body,
            person,
            role,
            from,
            to,
            substitute,
        } => {
            let b = resolve::body(s, body)?;
            let p = resolve::person(s, person)?;
            let substitute_id = match substitute {
                Some(k) => Some(resolve::person(s, k)?.id),
                None => None,
            };
            let m = s.add_membership(
                &b.id,
                &MembershipInput {
                    person_id: p.id,
                    role: match role {
                        Some(r) => Role::parse(r)?,
                        None => Role::default(),
                    },
                    term_from: term(from, &None),
                    term_to: term(to, &None),
                    substitute_id,
                },
            )?;
            let text = format!(
                "{} {}: {}",
                cx.say("Nytt medlem av", "New member of"),
                b.short_name,
                member_line(cx, &m)
            );
            Done::new(&m, text)
        }
        MemberCommand::Edit {
            body,
            member,
            role,
            from,
            to,
            substitute,
            no_substitute,
        } => {
            let b = resolve::body(s, body)?;
            let old = resolve::membership(s, &b.id, member)?;
            let substitute_id = match (substitute, no_substitute) {
                (_, true) => None,
                (Some(k), false) => Some(resolve::person(s, k)?.id),
                (None, false) => old.substitute.as_ref().map(|p| p.id.clone()),
            };
            let m = s.update_membership(
                &old.id,
                &MembershipInput {
                    person_id: old.person.id.clone(),
                    role: match role {
                        Some(r) => Role::parse(r)?,
                        None => old.role,
                    },
                    term_from: term(from, &old.term_from),
                    term_to: term(to, &old.term_to),
                    substitute_id,
                },
            )?;
            let text = format!(
                "{} {}: {}",
                cx.say("Endret medlemskap i", "Changed membership of"),
                b.short_name,
                member_line(cx, &m)
            );
            Done::new(&m, text)
        }
        MemberCommand::Party { .. } => return super::groups::member_party(cx, command),
        MemberCommand::Remove { body, member } => {
            let b = resolve::body(s, body)?;
            let m = resolve::membership(s, &b.id, member)?;
            s.remove_membership(&m.id)?;
            let text = format!(
                "{} {} {}",
                m.person.name,
                cx.say("er ikke lenger medlem av", "is no longer a member of"),
                b.short_name
            );
            Done::new(&m, text)
        }
    })
}
