//! Who takes part in each case: members arriving or leaving during the meeting, substitutes
//! for one case, questions of impartiality, and from them the quorum per case.

use super::{Ctx, R};
use crate::args::{
    CaseArg, DisqualificationCommand, MeetingOpt, PresenceArgs, PresenceCommand, SubstituteCommand,
};
use crate::output::Done;
use crate::resolve;
use quorum_record::model::{Case, Meeting};
use quorum_record::presence::{CaseSubstitute, Disqualification, DisqualificationDecision};
use quorum_record::vocab::{Impartiality, PresenceKind};

pub fn case_of(cx: &Ctx, c: &CaseArg) -> R<Case> {
    Ok(resolve::case(cx.store, c.body.as_deref(), &c.case)?)
}

fn meeting_of(cx: &Ctx, m: &MeetingOpt) -> R<Meeting> {
    Ok(resolve::meeting(cx.store, m.body.as_deref(), &m.meeting)?)
}

fn number(c: &Case) -> String {
    c.number.clone().unwrap_or_else(|| c.title.clone())
}

fn presence_text(
    cx: &Ctx,
    m: &Meeting,
) -> R<(Vec<quorum_record::presence::PresenceChange>, String)> {
    let list = cx.store.presence_changes(&m.id)?;
    let mut text = format!(
        "{} {}",
        cx.say(
            "Endringer i oppmøtet, møte",
            "Changes of attendance, meeting"
        ),
        m.number
    );
    if list.is_empty() {
        text += &cx.say(": ingen", ": none");
    }
    let agenda = cx.store.agenda(&m.id)?;
    for c in &list {
        let at = match &c.case_number {
            Some(n) => format!("{} {n}", cx.say("sak", "case")),
            None => agenda
                .iter()
                .find(|i| i.id == c.item_id)
                .map(crate::output::item_name)
                .unwrap_or_default(),
        };
        let what = match c.kind {
            PresenceKind::Arrived => cx.say("tiltrådte i", "arrived at"),
            PresenceKind::Left => cx.say("forlot møtet etter", "left after"),
        };
        text += &format!("\n  {} {what} {at}", c.person.name);
    }
    Ok((list, text))
}

pub fn presence(cx: &Ctx, command: &PresenceCommand) -> R<Done> {
    let s = cx.store;
    let change = |a: &PresenceArgs, kind: PresenceKind| -> R<Done> {
        let m = meeting_of(cx, &a.meeting)?;
        let p = resolve::person(s, &a.person)?;
        let it = resolve::item(s, a.meeting.body.as_deref(), Some(&m.id), &a.item)?;
        s.set_presence_change(&m.id, &p.id, kind, Some(&it.id))?;
        let (list, text) = presence_text(cx, &m)?;
        Ok(Done::new(&list, text))
    };
    match command {
        PresenceCommand::List { meeting } => {
            let m = meeting_of(cx, meeting)?;
            let (list, text) = presence_text(cx, &m)?;
            Ok(Done::new(&list, text))
        }
        PresenceCommand::Arrived(a) => change(a, PresenceKind::Arrived),
        PresenceCommand::Left(a) => change(a, PresenceKind::Left),
        PresenceCommand::Undo {
            meeting,
            person,
            kind,
        } => {
            let m = meeting_of(cx, meeting)?;
            let p = resolve::person(s, person)?;
            let kind = super::vocab(
                kind,
                PresenceKind::parse(kind),
                PresenceKind::ALL,
                PresenceKind::label,
                ("en endring i oppmøtet", "a change of attendance"),
            )?;
            s.set_presence_change(&m.id, &p.id, kind, None)?;
            let (list, text) = presence_text(cx, &m)?;
            Ok(Done::new(&list, text))
        }
    }
}

fn substitutes_text(cx: &Ctx, c: &Case, list: &[CaseSubstitute]) -> String {
    let mut text = format!(
        "{} {}",
        cx.say("Vara i sak", "Substitutes in case"),
        number(c)
    );
    if list.is_empty() {
        text += &cx.say(": ingen", ": none");
    }
    for (i, x) in list.iter().enumerate() {
        text += &format!(
            "\n{:>3}. {} {} {}",
            i + 1,
            x.person.name,
            cx.say("for", "for"),
            x.substitute_for.name
        );
    }
    text
}

pub fn substitute(cx: &Ctx, command: &SubstituteCommand) -> R<Done> {
    let s = cx.store;
    match command {
        SubstituteCommand::List { case } => {
            let c = case_of(cx, case)?;
            let list = s.case_substitutes(&c.id)?;
            Ok(Done::new(&list, substitutes_text(cx, &c, &list)))
        }
        SubstituteCommand::Add {
            case,
            person,
            substitute_for,
        } => {
            let c = case_of(cx, case)?;
            let p = resolve::person(s, person)?;
            let f = resolve::person(s, substitute_for)?;
            let x = s.add_case_substitute(&c.id, &p.id, &f.id)?;
            let list = s.case_substitutes(&c.id)?;
            Ok(Done::new(&x, substitutes_text(cx, &c, &list)))
        }
        SubstituteCommand::Remove { case, substitute } => {
            let c = case_of(cx, case)?;
            let x = resolve::case_substitute(s, &c.id, substitute)?;
            s.remove_case_substitute(&x.id)?;
            let list = s.case_substitutes(&c.id)?;
            Ok(Done::new(&x, substitutes_text(cx, &c, &list)))
        }
    }
}

pub fn disqualification_line(cx: &Ctx, d: &Disqualification) -> String {
    let mut line = format!("{} – {}", d.person.name, d.outcome.label(cx.lang));
    if !d.basis.is_empty() {
        line += &format!(" ({})", d.basis);
    }
    if let (Some(f), Some(a)) = (d.votes_for, d.votes_against) {
        line += &format!(", {f} {} {a}", cx.say("mot", "to"));
    }
    if !d.reason.is_empty() {
        line += &format!(": {}", d.reason);
    }
    line
}

fn disqualifications_text(cx: &Ctx, c: &Case) -> R<(Vec<Disqualification>, String)> {
    let list = cx.store.disqualifications(&c.id)?;
    let mut text = format!(
        "{} {}",
        cx.say("Habilitet i sak", "Impartiality in case"),
        number(c)
    );
    if list.is_empty() {
        text += &cx.say(": ingen spørsmål reist", ": no question raised");
    }
    for d in &list {
        text += &format!("\n  {}", disqualification_line(cx, d));
    }
    Ok((list, text))
}

pub fn disqualification(cx: &Ctx, command: &DisqualificationCommand) -> R<Done> {
    let s = cx.store;
    match command {
        DisqualificationCommand::List { case } => {
            let c = case_of(cx, case)?;
            let (list, text) = disqualifications_text(cx, &c)?;
            Ok(Done::new(&list, text))
        }
        DisqualificationCommand::Raise {
            case,
            person,
            reason,
        } => {
            let c = case_of(cx, case)?;
            let p = resolve::person(s, person)?;
            let d = s.raise_disqualification(&c.id, &p.id, reason)?;
            let (_, text) = disqualifications_text(cx, &c)?;
            Ok(Done::new(&d, text))
        }
        DisqualificationCommand::Decide {
            case,
            person,
            outcome,
            basis,
            votes_for,
            votes_against,
        } => {
            let c = case_of(cx, case)?;
            let old = resolve::disqualification(s, &c.id, person)?;
            let outcome = super::vocab(
                outcome,
                Impartiality::parse(outcome),
                Impartiality::ALL,
                Impartiality::label,
                (
                    "et utfall av habilitetsspørsmålet",
                    "an outcome of the impartiality question",
                ),
            )?;
            let d = s.decide_disqualification(
                &old.id,
                &DisqualificationDecision {
                    outcome,
                    basis: basis.clone(),
                    votes: votes_for.zip(*votes_against),
                },
            )?;
            let (_, text) = disqualifications_text(cx, &c)?;
            Ok(Done::new(&d, text))
        }
        DisqualificationCommand::Remove { case, person } => {
            let c = case_of(cx, case)?;
            let d = resolve::disqualification(s, &c.id, person)?;
            s.remove_disqualification(&d.id)?;
            let (_, text) = disqualifications_text(cx, &c)?;
            Ok(Done::new(&d, text))
        }
    }
}

/// `quorum`: per case of a meeting, taking part / needed / whether the body could decide.
pub fn quorum(cx: &Ctx, meeting: &MeetingOpt) -> R<Done> {
    let m = meeting_of(cx, meeting)?;
    let list = cx.store.quorum(&m.id)?;
    let mut text = format!(
        "{} {}",
        cx.say("Vedtaksførhet, møte", "Quorum, meeting"),
        m.number
    );
    if list.is_empty() {
        text += &cx.say(": ingen saker på dagsordenen", ": no cases on the agenda");
    }
    for q in &list {
        let verdict = match (q.rule_percent, q.quorate) {
            (None, _) => cx.say("organet har ingen regel", "the body has no rule"),
            (Some(_), true) => cx.say("vedtaksført", "quorate"),
            (Some(_), false) => cx.say("IKKE vedtaksført", "NOT quorate"),
        };
        text += &format!(
            "\n  {:<8} {} {} {} {}, {} {} – {verdict}",
            q.case_number,
            q.present,
            cx.say("av", "of"),
            q.members,
            cx.say("deltar", "take part"),
            q.needed,
            cx.say("trengs", "needed"),
        );
    }
    Ok(Done::new(&list, text))
}

/// `record without-quorum`: the secretariat confirms a decision in a case the body could not
/// decide (the minutes then name the case).
pub fn without_quorum(cx: &Ctx, body: Option<&str>, case: &str, revoke: bool) -> R<Done> {
    let s = cx.store;
    let c = resolve::case(s, body, case)?;
    s.decide_without_quorum(&c.id, !revoke)?;
    let c = s.case(&c.id)?;
    let text = if revoke {
        format!(
            "{} {}: {}",
            cx.say("Sak", "Case"),
            number(&c),
            cx.say(
                "et vedtak krever igjen at organet er vedtaksført",
                "a decision again needs the body to be quorate"
            )
        )
    } else {
        format!(
            "{} {}: {}",
            cx.say("Sak", "Case"),
            number(&c),
            cx.say(
                "vedtaket kan føres selv om organet ikke er vedtaksført; referatet sier det",
                "the decision may be recorded though the body is not quorate; the minutes say so"
            )
        )
    };
    Ok(Done::new(&c, text))
}
