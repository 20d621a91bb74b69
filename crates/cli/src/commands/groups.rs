//! Party groups of a body, the group a member sits for, people's outside positions, and the
//! body's rules for deciding (quorum) and for its minutes (signed).

use super::{Ctx, R};
use crate::args::{MemberCommand, PartyCommand, PositionCommand, QuorumRule};
use crate::output::Done;
use crate::resolve;
use quorum_record::groups::{OutsidePosition, OutsidePositionInput, Party, PartyInput};
use quorum_record::model::Body;

fn party_line(p: &Party) -> String {
    format!("{:<8} {}", p.short_name, p.name)
}

fn position_line(n: usize, p: &OutsidePosition) -> String {
    let mut line = format!("{n:>3}. {}", p.organisation);
    if !p.role.is_empty() {
        line += &format!(", {}", p.role);
    }
    if p.since.is_some() || p.until.is_some() {
        line += &format!(
            " [{}–{}]",
            p.since.as_deref().unwrap_or(""),
            p.until.as_deref().unwrap_or("")
        );
    }
    line
}

pub fn party(cx: &Ctx, command: &PartyCommand) -> R<Done> {
    let s = cx.store;
    Ok(match command {
        PartyCommand::List { body } => {
            let b = resolve::body(s, body)?;
            let list = s.parties(&b.id)?;
            let text = if list.is_empty() {
                cx.say(
                    "Organet har ingen partier. Legg til med «party add».",
                    "The body has no groups. Add one with \"party add\".",
                )
            } else {
                list.iter().map(party_line).collect::<Vec<_>>().join("\n")
            };
            Done::new(&list, text)
        }
        PartyCommand::Add {
            body,
            name,
            short_name,
        } => {
            let b = resolve::body(s, body)?;
            let p = s.add_party(
                &b.id,
                &PartyInput {
                    name: name.clone(),
                    short_name: short_name.clone(),
                },
            )?;
            let text = format!(
                "{} {}: {}",
                cx.say("Nytt parti i", "New group in"),
                b.short_name,
                party_line(&p)
            );
            Done::new(&p, text)
        }
        PartyCommand::Rename {
            body,
            party,
            name,
            short_name,
        } => {
            let b = resolve::body(s, body)?;
            let old = resolve::party(s, &b.id, party)?;
            let p = s.update_party(
                &old.id,
                &PartyInput {
                    name: name.clone().unwrap_or(old.name.clone()),
                    short_name: short_name.clone().unwrap_or(old.short_name.clone()),
                },
            )?;
            let text = format!(
                "{} {}",
                cx.say("Endret partiet", "Changed the group"),
                party_line(&p)
            );
            Done::new(&p, text)
        }
        PartyCommand::Remove { body, party } => {
            let b = resolve::body(s, body)?;
            let p = resolve::party(s, &b.id, party)?;
            s.remove_party(&p.id)?;
            let text = format!(
                "{} {} {}",
                cx.say("Partiet", "The group"),
                p.short_name,
                cx.say("er fjernet", "is removed")
            );
            Done::new(&p, text)
        }
    })
}

/// `member party`: the group of one membership.
pub fn member_party(cx: &Ctx, command: &MemberCommand) -> R<Done> {
    let s = cx.store;
    let MemberCommand::Party {
        body,
        member,
        party,
        no_party,
    } = command
    else {
        unreachable!("called for member party only")
    };
    let b = resolve::body(s, body)?;
    let m = resolve::membership(s, &b.id, member)?;
    let p = match (party, no_party) {
        (_, true) | (None, _) => None,
        (Some(k), false) => Some(resolve::party(s, &b.id, k)?),
    };
    s.set_membership_party(&m.id, p.as_ref().map(|p| p.id.as_str()))?;
    let m = resolve::membership(s, &b.id, &m.id)?;
    let text = match &p {
        Some(p) => format!(
            "{} {} {} ({})",
            m.person.name,
            cx.say("sitter for", "sits for"),
            p.name,
            p.short_name
        ),
        None => format!(
            "{} {}",
            m.person.name,
            cx.say("sitter ikke for noe parti", "sits for no group")
        ),
    };
    Ok(Done::new(&m, text))
}

pub fn position(cx: &Ctx, command: &PositionCommand) -> R<Done> {
    let s = cx.store;
    let listed = |person_id: &str, name: &str| -> R<(Vec<OutsidePosition>, String)> {
        let list = s.outside_positions(person_id)?;
        let mut text = format!(
            "{name} – {}",
            cx.say("verv utenfor organet", "outside positions")
        );
        if list.is_empty() {
            text += &cx.say(": ingen", ": none");
        }
        for (i, p) in list.iter().enumerate() {
            text += &format!("\n{}", position_line(i + 1, p));
        }
        Ok((list, text))
    };
    Ok(match command {
        PositionCommand::List { person } => {
            let p = resolve::person(s, person)?;
            let (list, text) = listed(&p.id, &p.name)?;
            Done::new(&list, text)
        }
        PositionCommand::Add {
            person,
            organisation,
            role,
            since,
            until,
        } => {
            let p = resolve::person(s, person)?;
            let x = s.add_outside_position(
                &p.id,
                &OutsidePositionInput {
                    organisation: organisation.clone(),
                    role: role.clone(),
                    since: since.clone(),
                    until: until.clone(),
                },
            )?;
            let (_, text) = listed(&p.id, &p.name)?;
            Done::new(&x, text)
        }
        PositionCommand::Remove { person, position } => {
            let p = resolve::person(s, person)?;
            let x = resolve::outside_position(s, &p.id, position)?;
            s.remove_outside_position(&x.id)?;
            let (_, text) = listed(&p.id, &p.name)?;
            Done::new(&x, text)
        }
    })
}

/// The body's rules as one line each.
pub fn rules_text(cx: &Ctx, b: &Body) -> String {
    let quorum = match b.quorum_percent {
        Some(p) => format!(
            "{p} % {}",
            cx.say("av medlemmene må delta", "of the members must take part")
        ),
        None => cx.say("ingen regel", "no rule"),
    };
    let signed = if b.signed_minutes {
        cx.say(
            "signeres av dem som velges i møtet",
            "signed by signers chosen in the meeting",
        )
    } else {
        cx.say("godkjennes i et senere møte", "approved by a later meeting")
    };
    format!(
        "{}\n  {:<16}{quorum}\n  {:<16}{signed}",
        b.short_name,
        cx.say("Vedtaksførhet", "Quorum"),
        cx.say("Referat", "Minutes"),
    )
}

pub fn rules(
    cx: &Ctx,
    body: &str,
    quorum_percent: Option<QuorumRule>,
    signed_minutes: Option<bool>,
) -> R<Done> {
    let s = cx.store;
    let old = resolve::body(s, body)?;
    let b = if quorum_percent.is_none() && signed_minutes.is_none() {
        old
    } else {
        s.set_body_rules(
            &old.id,
            quorum_percent.map_or(old.quorum_percent, |q| q.0),
            signed_minutes.unwrap_or(old.signed_minutes),
        )?
    };
    let text = rules_text(cx, &b);
    Ok(Done::new(&b, text))
}
