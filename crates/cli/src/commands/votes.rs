//! Proposals put in the meeting, and the votes on them or on the case's own proposal.

use super::{text_arg, Ctx, R};
use crate::args::{ProposalCommand, VoteCommand, VoteOpts};
use crate::output::{one_line, Done};
use crate::resolve;
use quorum_record::model::Case;
use quorum_record::vocab::{VoteMethod, VoteResult, VoteSide};
use quorum_record::votes::{Proposal, ProposalInput, Vote, VoteInput};

fn number(c: &Case) -> String {
    c.number.clone().unwrap_or_else(|| c.title.clone())
}

/// "Forslag fra H v/ Kari Nordmann".
pub fn proposer(cx: &Ctx, p: &Proposal) -> String {
    let from = cx.say("Forslag fra", "Proposal from");
    match (&p.party, &p.person) {
        (Some(g), Some(m)) => format!("{from} {} {} {}", g.short_name, cx.say("v/", "by"), m.name),
        (Some(g), None) => format!("{from} {}", g.short_name),
        (None, Some(m)) => format!("{from} {}", m.name),
        (None, None) => from,
    }
}

fn proposals_text(cx: &Ctx, c: &Case) -> R<(Vec<Proposal>, String)> {
    let list = cx.store.proposals(&c.id)?;
    let mut text = format!(
        "{} {}",
        cx.say("Forslag i sak", "Proposals in case"),
        number(c)
    );
    if list.is_empty() {
        text += &cx.say(": ingen fremmet i møtet", ": none put in the meeting");
    }
    for (i, p) in list.iter().enumerate() {
        text += &format!("\n{:>3}. {}: {}", i + 1, proposer(cx, p), one_line(&p.text));
    }
    Ok((list, text))
}

pub fn proposal(cx: &Ctx, command: &ProposalCommand) -> R<Done> {
    let s = cx.store;
    match command {
        ProposalCommand::List { case } => {
            let c = super::presence::case_of(cx, case)?;
            let (list, text) = proposals_text(cx, &c)?;
            Ok(Done::new(&list, text))
        }
        ProposalCommand::Add {
            case,
            text,
            party,
            person,
        } => {
            let c = super::presence::case_of(cx, case)?;
            let party_id = match party {
                Some(k) => Some(resolve::party(s, &c.body_id, k)?.id),
                None => None,
            };
            let person_id = match person {
                Some(k) => Some(resolve::person(s, k)?.id),
                None => None,
            };
            let p = s.add_proposal(
                &c.id,
                &ProposalInput {
                    text: text_arg(text)?,
                    party_id,
                    person_id,
                },
            )?;
            let (_, text) = proposals_text(cx, &c)?;
            Ok(Done::new(&p, text))
        }
        ProposalCommand::Remove { case, proposal } => {
            let c = super::presence::case_of(cx, case)?;
            let p = resolve::proposal(s, &c.id, proposal)?;
            s.remove_proposal(&p.id)?;
            let (_, text) = proposals_text(cx, &c)?;
            Ok(Done::new(&p, text))
        }
    }
}

fn names<'a>(items: impl Iterator<Item = (&'a str, VoteSide)>, side: VoteSide) -> Vec<&'a str> {
    items.filter(|(_, s)| *s == side).map(|(n, _)| n).collect()
}

/// One vote as the minutes would summarise it.
pub fn vote_line(cx: &Ctx, n: usize, v: &Vote, proposals: &[Proposal]) -> String {
    let on = match &v.proposal_id {
        None => cx.say("Innstillingen", "The recommendation"),
        Some(id) => match proposals.iter().position(|p| &p.id == id) {
            Some(i) => format!("{} {}", cx.say("Forslag", "Proposal"), i + 1),
            None => cx.say("Forslaget", "The proposal"),
        },
    };
    let mut line = format!(
        "{n:>3}. {on}: {} ({}), {} {}, {} {}, {} {}",
        v.result.label(cx.lang),
        v.method.label(cx.lang),
        v.votes_for,
        cx.say("for", "for"),
        v.votes_against,
        cx.say("mot", "against"),
        v.votes_blank,
        cx.say("blanke", "blank"),
    );
    let sides = [
        (VoteSide::For, cx.say("For", "For")),
        (VoteSide::Against, cx.say("Mot", "Against")),
        (VoteSide::Blank, cx.say("Blankt", "Blank")),
    ];
    for (side, label) in &sides {
        let g = names(
            v.groups
                .iter()
                .map(|g| (g.party.short_name.as_str(), g.side)),
            *side,
        );
        let b = names(
            v.ballots.iter().map(|b| (b.person.name.as_str(), b.side)),
            *side,
        );
        let all: Vec<&str> = g.into_iter().chain(b).collect();
        if !all.is_empty() {
            line += &format!("\n       {label}: {}", all.join(", "));
        }
    }
    line
}

fn votes_text(cx: &Ctx, c: &Case) -> R<(Vec<Vote>, String)> {
    let list = cx.store.votes(&c.id)?;
    let proposals = cx.store.proposals(&c.id)?;
    let mut text = format!(
        "{} {}",
        cx.say("Voteringer i sak", "Votes in case"),
        number(c)
    );
    if list.is_empty() {
        text += &cx.say(": ingen", ": none");
    }
    for (i, v) in list.iter().enumerate() {
        text += &format!("\n{}", vote_line(cx, i + 1, v, &proposals));
    }
    Ok((list, text))
}

/// Names typed as "A,B" (an empty list item, as in `--blank ""`, is no one).
fn typed(list: &[String]) -> impl Iterator<Item = &str> {
    list.iter().map(|s| s.trim()).filter(|s| !s.is_empty())
}

pub fn vote(cx: &Ctx, body: Option<&str>, case: &str, command: &VoteCommand) -> R<Done> {
    let s = cx.store;
    let c = resolve::case(s, body, case)?;
    let groups = |f: &[String], a: &[String], b: &[String]| -> R<Vec<(String, VoteSide)>> {
        let mut out = Vec::new();
        for (list, side) in [
            (f, VoteSide::For),
            (a, VoteSide::Against),
            (b, VoteSide::Blank),
        ] {
            for k in typed(list) {
                out.push((resolve::party(s, &c.body_id, k)?.id, side));
            }
        }
        Ok(out)
    };
    let input = |method: VoteMethod, opts: &VoteOpts| -> R<VoteInput> {
        let proposal_id = match opts.proposal {
            Some(n) => Some(resolve::proposal(s, &c.id, &n.to_string())?.id),
            None => None,
        };
        let result = match opts.result.as_deref() {
            Some(r) => Some(super::vocab(
                r,
                VoteResult::parse(r),
                VoteResult::ALL,
                VoteResult::label,
                ("et resultat av en votering", "a result of a vote"),
            )?),
            None => None,
        };
        Ok(VoteInput {
            proposal_id,
            method,
            result,
            ..VoteInput::default()
        })
    };
    let v = match command {
        VoteCommand::List => {
            let (list, text) = votes_text(cx, &c)?;
            return Ok(Done::new(&list, text));
        }
        VoteCommand::Remove { vote } => {
            let v = resolve::vote(s, &c.id, vote)?;
            s.remove_vote(&v.id)?;
            let (_, text) = votes_text(cx, &c)?;
            return Ok(Done::new(&v, text));
        }
        VoteCommand::Unanimous { opts } => {
            s.record_vote(&c.id, &input(VoteMethod::Unanimous, opts)?)?
        }
        VoteCommand::Counts {
            votes_for,
            votes_against,
            votes_blank,
            groups_for,
            groups_against,
            groups_blank,
            opts,
        } => s.record_vote(
            &c.id,
            &VoteInput {
                votes_for: Some(*votes_for),
                votes_against: Some(*votes_against),
                votes_blank: *votes_blank,
                groups: groups(groups_for, groups_against, groups_blank)?,
                ..input(VoteMethod::Counts, opts)?
            },
        )?,
        VoteCommand::Groups {
            groups_for,
            groups_against,
            groups_blank,
            opts,
        } => s.record_vote(
            &c.id,
            &VoteInput {
                groups: groups(groups_for, groups_against, groups_blank)?,
                ..input(VoteMethod::Groups, opts)?
            },
        )?,
        VoteCommand::Named {
            yes,
            no,
            blank,
            opts,
        } => {
            let mut ballots = Vec::new();
            for (list, side) in [
                (yes, VoteSide::For),
                (no, VoteSide::Against),
                (blank, VoteSide::Blank),
            ] {
                for k in typed(list) {
                    ballots.push((resolve::person(s, k)?.id, side));
                }
            }
            s.record_vote(
                &c.id,
                &VoteInput {
                    ballots,
                    ..input(VoteMethod::Named, opts)?
                },
            )?
        }
    };
    let c = s.case(&c.id)?;
    let proposals = s.proposals(&c.id)?;
    let n = s.votes(&c.id)?.len();
    let mut text = format!(
        "{} {}\n{}",
        cx.say("Sak", "Case"),
        number(&c),
        vote_line(cx, n, &v, &proposals)
    );
    if let Some(d) = &c.decision {
        text += &format!("\n{}: {}", cx.say("Vedtak", "Decision"), one_line(d));
    }
    Ok(Done::new(&v, text))
}
