//! How a møtebok words what the record holds of a case's treatment: votes ("Innstillingen ble
//! vedtatt med 7 mot 2 stemmer. H og FrP stemte mot."), the groups on each side (members named
//! where a group split, kommuneloven § 11-4), impartiality (forvaltningsloven §§ 6 and 8),
//! attendance that changed during the meeting, the quorum statement, and the signature block's
//! times. Bokmål and English.

use quorum_record::groups::Party;
use quorum_record::model::Person;
use quorum_record::presence::{CaseQuorum, Disqualification};
use quorum_record::vocab::{Impartiality, PresenceKind, VoteMethod, VoteResult, VoteSide};
use quorum_record::votes::{Proposal, Vote};
use quorum_record::Lang;
use std::collections::HashMap;

/// People's groups in this meeting (person id → group), for "Kari Nordmann (H)".
#[derive(Default)]
pub(crate) struct Groups {
    of: HashMap<String, Party>,
}

impl Groups {
    pub fn insert(&mut self, person_id: &str, party: Party) {
        self.of.entry(person_id.to_string()).or_insert(party);
    }

    pub fn short(&self, person_id: &str) -> Option<&str> {
        self.of.get(person_id).map(|p| p.short_name.as_str())
    }

    /// "Kari Nordmann (H)", or the name alone where the person sits for no group.
    pub fn named(&self, p: &Person) -> String {
        match self.short(&p.id) {
            Some(g) => format!("{} ({g})", p.name),
            None => p.name.clone(),
        }
    }
}

/// "A", "A og B", "A, B og C".
pub(crate) fn join(lang: Lang, items: &[String]) -> String {
    let and = lang.pick("og", "and");
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// Who put a proposal: "H v/ Kari Nordmann", "H", "Kari Nordmann (H)".
fn proposer(lang: Lang, p: &Proposal, groups: &Groups) -> String {
    match (&p.party, &p.person) {
        (Some(g), Some(person)) => match lang {
            Lang::Nb => format!("{} v/ {}", g.short_name, person.name),
            Lang::En => format!("{} ({})", g.short_name, person.name),
        },
        (Some(g), None) => g.short_name.clone(),
        (None, Some(person)) => groups.named(person),
        (None, None) => String::new(),
    }
}

/// Who a proposal is from in a vote's sentence: the group, else the member.
fn from_whom(p: &Proposal) -> String {
    match (&p.party, &p.person) {
        (Some(g), _) => g.short_name.clone(),
        (None, Some(person)) => person.name.clone(),
        (None, None) => String::new(),
    }
}

/// " 2" where the same group (or member) put more than one proposal, so that the votes say
/// which: "Forslag 2 fra H", "Forslaget 2 fra H".
fn number_of(p: &Proposal, proposals: &[Proposal]) -> String {
    let same: Vec<&Proposal> = proposals
        .iter()
        .filter(|x| from_whom(x) == from_whom(p))
        .collect();
    match same.iter().position(|x| x.id == p.id) {
        Some(i) if same.len() > 1 => format!(" {}", i + 1),
        _ => String::new(),
    }
}

/// "Forslag fra H v/ Kari Nordmann" — the lead-in of a proposal put in the meeting.
pub(crate) fn proposal_heading(
    lang: Lang,
    p: &Proposal,
    proposals: &[Proposal],
    groups: &Groups,
) -> String {
    let n = number_of(p, proposals);
    match lang {
        Lang::Nb => format!("Forslag{n} fra {}", proposer(lang, p, groups)),
        Lang::En => format!("Proposal{n} from {}", proposer(lang, p, groups)),
    }
}

/// The subject of a vote's sentence: "Innstillingen", "Forslaget fra H".
fn subject(lang: Lang, vote: &Vote, proposals: &[Proposal]) -> String {
    let put = vote
        .proposal_id
        .as_ref()
        .and_then(|id| proposals.iter().find(|p| &p.id == id));
    match (lang, put) {
        (Lang::Nb, None) => "Innstillingen".into(),
        (Lang::En, None) => "The recommendation".into(),
        (Lang::Nb, Some(p)) => format!("Forslaget{} fra {}", number_of(p, proposals), from_whom(p)),
        (Lang::En, Some(p)) => format!(
            "The proposal{} from {}",
            number_of(p, proposals),
            from_whom(p)
        ),
    }
}

/// "Innstillingen ble vedtatt med 7 mot 2 stemmer." and the groups' sides, as one paragraph.
pub(crate) fn vote_sentence(
    lang: Lang,
    vote: &Vote,
    proposals: &[Proposal],
    party_order: &[Party],
) -> String {
    let s = subject(lang, vote, proposals);
    let (f, a, b) = (vote.votes_for, vote.votes_against, vote.votes_blank);
    let adopted = vote.result == VoteResult::Adopted;
    let mut out = match (vote.method, lang) {
        (VoteMethod::Unanimous, Lang::Nb) if adopted && vote.proposal_id.is_none() => {
            "Enstemmig vedtatt.".to_string()
        }
        (VoteMethod::Unanimous, Lang::En) if adopted && vote.proposal_id.is_none() => {
            "Adopted unanimously.".to_string()
        }
        (VoteMethod::Unanimous, Lang::Nb) if adopted => format!("{s} ble enstemmig vedtatt."),
        (VoteMethod::Unanimous, Lang::En) if adopted => format!("{s} was adopted unanimously."),
        (VoteMethod::Unanimous, Lang::Nb) => format!("{s} falt enstemmig."),
        (VoteMethod::Unanimous, Lang::En) => format!("{s} was rejected unanimously."),
        (method, Lang::Nb) => {
            let verb = if adopted { "ble vedtatt" } else { "falt" };
            let named = if method == VoteMethod::Named {
                " ved navneopprop"
            } else {
                ""
            };
            format!("{s} {verb} med {f} mot {a} stemmer{named}.")
        }
        (method, Lang::En) => {
            let verb = if adopted {
                "was adopted"
            } else {
                "was rejected"
            };
            let named = if method == VoteMethod::Named {
                " by roll call"
            } else {
                ""
            };
            format!("{s} {verb} by {f} votes to {a}{named}.")
        }
    };
    if vote.method != VoteMethod::Unanimous {
        if b > 0 {
            out.push(' ');
            out.push_str(&match lang {
                Lang::Nb => format!("{b} stemte blankt."),
                Lang::En => format!("{b} voted blank."),
            });
        }
        // Stemmelikhet: the chair's vote decided (kommuneloven § 11-9).
        if f == a {
            out.push(' ');
            out.push_str(lang.pick(
                "Møteleders stemme var avgjørende.",
                "The chair's casting vote decided.",
            ));
        }
    }
    for line in group_sides(lang, vote, party_order) {
        out.push(' ');
        out.push_str(&line);
    }
    out
}

fn side_verb(lang: Lang, side: VoteSide) -> &'static str {
    match side {
        VoteSide::For => lang.pick("stemte for", "voted for"),
        VoteSide::Against => lang.pick("stemte mot", "voted against"),
        VoteSide::Blank => lang.pick("stemte blankt", "voted blank"),
    }
}

const SIDES: [VoteSide; 3] = [VoteSide::For, VoteSide::Against, VoteSide::Blank];

/// "Ap, Sp og SV stemte for. H og FrP stemte mot." — from the groups' sides, or from a named
/// vote's ballots, where a group whose members voted differently is named member by member
/// ("Sp delte seg: Jon Erik Haugland stemte for, Marit Løvland stemte mot.").
fn group_sides(lang: Lang, vote: &Vote, party_order: &[Party]) -> Vec<String> {
    let rank = |p: &Party| {
        party_order
            .iter()
            .position(|o| o.id == p.id)
            .unwrap_or(usize::MAX)
    };
    // (group, members' sides) in the body's order of groups.
    let mut by_group: Vec<(Party, Vec<(String, VoteSide)>)> = Vec::new();
    if vote.method == VoteMethod::Named {
        for b in &vote.ballots {
            let Some(g) = &b.party else { continue };
            match by_group.iter_mut().find(|(p, _)| p.id == g.id) {
                Some((_, v)) => v.push((b.person.name.clone(), b.side)),
                None => by_group.push((g.clone(), vec![(b.person.name.clone(), b.side)])),
            }
        }
    } else {
        for gs in &vote.groups {
            by_group.push((gs.party.clone(), vec![(String::new(), gs.side)]));
        }
    }
    by_group.sort_by_key(|(p, _)| rank(p));
    let mut out = Vec::new();
    for side in SIDES {
        let whole: Vec<String> = by_group
            .iter()
            .filter(|(_, v)| v.iter().all(|(_, s)| *s == side))
            .map(|(p, _)| p.short_name.clone())
            .collect();
        if !whole.is_empty() {
            out.push(format!("{} {}.", join(lang, &whole), side_verb(lang, side)));
        }
    }
    for (p, v) in &by_group {
        let first = v.first().map(|(_, s)| *s);
        if v.iter().all(|(_, s)| Some(*s) == first) {
            continue;
        }
        let members: Vec<String> = v
            .iter()
            .map(|(name, s)| format!("{name} {}", side_verb(lang, *s)))
            .collect();
        out.push(match lang {
            Lang::Nb => format!("{} delte seg: {}.", p.short_name, members.join(", ")),
            Lang::En => format!("{} split: {}.", p.short_name, members.join(", ")),
        });
    }
    out
}

/// A named vote's lists: ("Ja (6)", "Anne Lise Torvik (Ap), …"), per side that had votes.
pub(crate) fn ballot_lists(lang: Lang, vote: &Vote, groups: &Groups) -> Vec<(String, String)> {
    SIDES
        .iter()
        .filter_map(|side| {
            let names: Vec<String> = vote
                .ballots
                .iter()
                .filter(|b| b.side == *side)
                .map(|b| match &b.party {
                    Some(g) => format!("{} ({})", b.person.name, g.short_name),
                    None => groups.named(&b.person),
                })
                .collect();
            if names.is_empty() {
                return None;
            }
            let label = match side {
                VoteSide::For => lang.pick("Ja", "Yes"),
                VoteSide::Against => lang.pick("Nei", "No"),
                VoteSide::Blank => lang.pick("Blankt", "Blank"),
            };
            Some((format!("{label} ({})", names.len()), names.join(", ")))
        })
        .collect()
}

/// The register's short form of a case's result: "Vedtatt 7–2", "Enstemmig vedtatt".
pub(crate) fn result_short(lang: Lang, vote: &Vote) -> String {
    let adopted = vote.result == VoteResult::Adopted;
    if vote.method == VoteMethod::Unanimous {
        return match (lang, adopted) {
            (Lang::Nb, true) => "Enstemmig vedtatt".into(),
            (Lang::Nb, false) => "Enstemmig falt".into(),
            (Lang::En, true) => "Adopted unanimously".into(),
            (Lang::En, false) => "Rejected unanimously".into(),
        };
    }
    let word = match (lang, adopted) {
        (Lang::Nb, true) => "Vedtatt",
        (Lang::Nb, false) => "Falt",
        (Lang::En, true) => "Adopted",
        (Lang::En, false) => "Rejected",
    };
    let mut s = format!("{word} {}–{}", vote.votes_for, vote.votes_against);
    if vote.votes_blank > 0 {
        s.push_str(&match lang {
            Lang::Nb => format!(" ({} blanke)", vote.votes_blank),
            Lang::En => format!(" ({} blank)", vote.votes_blank),
        });
    }
    s
}

/// The paragraphs of one question of impartiality: raised, decided by the others, stepped down.
pub(crate) fn impartiality(
    lang: Lang,
    body_name: &str,
    d: &Disqualification,
    groups: &Groups,
) -> Vec<String> {
    let who = groups.named(&d.person);
    let name = &d.person.name;
    let reason = d.reason.trim().trim_end_matches('.');
    let mut out = vec![match (lang, reason.is_empty()) {
        (Lang::Nb, true) => format!("Spørsmålet om habiliteten til {who} ble tatt opp."),
        (Lang::Nb, false) => {
            format!("Spørsmålet om habiliteten til {who} ble tatt opp: {reason}.")
        }
        (Lang::En, true) => format!("The impartiality of {who} was questioned."),
        (Lang::En, false) => format!("The impartiality of {who} was questioned: {reason}."),
    }];
    let how = match (lang, d.votes_for, d.votes_against) {
        (Lang::Nb, Some(f), Some(a)) => format!("med {f} mot {a} stemmer"),
        (Lang::En, Some(f), Some(a)) => format!("by {f} votes to {a}"),
        (Lang::Nb, _, _) => "enstemmig".into(),
        (Lang::En, _, _) => "unanimously".into(),
    };
    let basis = unbroken_reference(d.basis.trim());
    let basis = basis.as_str();
    let cf = |lang: Lang| match (lang, basis.is_empty()) {
        (_, true) => String::new(),
        (Lang::Nb, false) => format!(", jf. {basis}"),
        (Lang::En, false) => format!(", cf. {basis}"),
    };
    match (d.outcome, lang) {
        (Impartiality::Raised, Lang::Nb) => out.push("Spørsmålet er ikke avgjort.".into()),
        (Impartiality::Raised, Lang::En) => out.push("The question is not decided.".into()),
        (Impartiality::Disqualified, Lang::Nb) => out.push(format!(
            "{body_name} vedtok {how} at {name} var inhabil{}. {name} deltok ikke i avgjørelsen av habilitetsspørsmålet, og fratrådte under behandlingen av saken.",
            cf(lang)
        )),
        (Impartiality::Disqualified, Lang::En) => out.push(format!(
            "{body_name} decided {how} that {name} was disqualified{}. {name} took no part in deciding the question and stepped down for the case.",
            cf(lang)
        )),
        (Impartiality::Qualified, Lang::Nb) => out.push(format!(
            "{body_name} vedtok {how} at {name} ikke var inhabil{}. {name} deltok ikke i avgjørelsen av habilitetsspørsmålet.",
            cf(lang)
        )),
        (Impartiality::Qualified, Lang::En) => out.push(format!(
            "{body_name} decided {how} that {name} was not disqualified{}. {name} took no part in deciding the question.",
            cf(lang)
        )),
    }
    out
}

/// A legal reference that a line does not break inside of "§ 6" or before a last short part
/// ("bokstav a"): those spaces become no-break spaces.
fn unbroken_reference(basis: &str) -> String {
    let mut s = basis.replace("§ ", "§\u{a0}");
    if let Some(i) = s.rfind(' ') {
        if s[i + 1..].chars().count() <= 2 {
            s.replace_range(i..i + 1, "\u{a0}");
        }
    }
    s
}

/// "Nils Kleven (Sp) tiltrådte for Marit Løvland i behandlingen av saken."
pub(crate) fn case_substitute(lang: Lang, who: &str, for_name: &str) -> String {
    match lang {
        Lang::Nb => format!("{who} tiltrådte for {for_name} i behandlingen av saken."),
        Lang::En => format!("{who} took the seat of {for_name} for this case."),
    }
}

/// Where an attendance change happened: "sak 5/26", or the item's title.
pub(crate) fn at_item(lang: Lang, case_number: Option<&str>, title: &str) -> String {
    match (case_number, lang) {
        (Some(n), Lang::Nb) => format!("sak {n}"),
        (Some(n), Lang::En) => format!("case {n}"),
        (None, Lang::Nb) => format!("punktet «{title}»"),
        (None, Lang::En) => format!("the item \"{title}\""),
    }
}

/// The header's line: "Kari Nordmann (H) forlot møtet etter sak 5/26."
pub(crate) fn presence_line(lang: Lang, who: &str, kind: PresenceKind, at: &str) -> String {
    match (kind, lang) {
        (PresenceKind::Arrived, Lang::Nb) => format!("{who} tiltrådte møtet fra {at}."),
        (PresenceKind::Left, Lang::Nb) => format!("{who} forlot møtet etter {at}."),
        (PresenceKind::Arrived, Lang::En) => format!("{who} joined the meeting at {at}."),
        (PresenceKind::Left, Lang::En) => format!("{who} left the meeting after {at}."),
    }
}

/// The case's line: "Kari Nordmann (H) tiltrådte møtet." / "… forlot møtet etter behandlingen
/// av saken."
pub(crate) fn presence_at_case(lang: Lang, who: &str, kind: PresenceKind) -> String {
    match (kind, lang) {
        (PresenceKind::Arrived, Lang::Nb) => format!("{who} tiltrådte møtet."),
        (PresenceKind::Left, Lang::Nb) => {
            format!("{who} forlot møtet etter behandlingen av saken.")
        }
        (PresenceKind::Arrived, Lang::En) => format!("{who} joined the meeting."),
        (PresenceKind::Left, Lang::En) => {
            format!("{who} left the meeting after this case.")
        }
    }
}

/// "Møtet var vedtaksført." or the cases where it was not; None where the body has no rule.
pub(crate) fn quorum_statement(lang: Lang, quorum: &[CaseQuorum]) -> Option<String> {
    if quorum.is_empty() || quorum.iter().all(|q| q.rule_percent.is_none()) {
        return None;
    }
    let not: Vec<String> = quorum
        .iter()
        .filter(|q| !q.quorate)
        .map(|q| q.case_number.clone())
        .collect();
    Some(match (lang, not.len()) {
        (Lang::Nb, 0) => "Møtet var vedtaksført.".into(),
        (Lang::En, 0) => "The meeting was quorate.".into(),
        (Lang::Nb, n) if n == quorum.len() => "Møtet var ikke vedtaksført.".into(),
        (Lang::En, n) if n == quorum.len() => "The meeting was not quorate.".into(),
        (Lang::Nb, 1) => format!("Møtet var vedtaksført, unntatt i sak {}.", not[0]),
        (Lang::En, 1) => format!("The meeting was quorate, except in case {}.", not[0]),
        (Lang::Nb, _) => format!(
            "Møtet var vedtaksført, unntatt i sakene {}.",
            join(lang, &not)
        ),
        (Lang::En, _) => format!(
            "The meeting was quorate, except in cases {}.",
            join(lang, &not)
        ),
    })
}

/// A stored UTC time ("2026-01-30T09:15:00Z") in Norwegian time, as "30.01.2026 kl. 10.15"
/// ("30.01.2026 at 10.15"). Norway keeps the EU's summer time (last Sunday of March to the last
/// Sunday of October, changing at 01:00 UTC), computed here so the document is the same on any
/// machine whatever its time zone.
pub(crate) fn norwegian_time(lang: Lang, utc: &str) -> String {
    let at = lang.pick("kl.", "at");
    match to_norwegian(utc) {
        Some(t) => t.format(&format!("%d.%m.%Y {at} %H.%M")).to_string(),
        None => utc.to_string(),
    }
}

/// The date of a stored UTC time in Norwegian time: "30.01.2026".
pub(crate) fn norwegian_date(utc: &str) -> String {
    match to_norwegian(utc) {
        Some(t) => t.format("%d.%m.%Y").to_string(),
        None => utc.to_string(),
    }
}

fn to_norwegian(utc: &str) -> Option<chrono::NaiveDateTime> {
    use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
    let t = NaiveDateTime::parse_from_str(utc.trim(), "%Y-%m-%dT%H:%M:%SZ").ok()?;
    let last_sunday = |month: u32| -> Option<NaiveDateTime> {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(t.year() + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(t.year(), month + 1, 1)
        }?;
        let mut d = next.pred_opt()?;
        while d.weekday() != Weekday::Sun {
            d = d.pred_opt()?;
        }
        d.and_hms_opt(1, 0, 0)
    };
    let summer = match (last_sunday(3), last_sunday(10)) {
        (Some(from), Some(to)) => t >= from && t < to,
        _ => false,
    };
    Some(t + Duration::hours(if summer { 2 } else { 1 }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_time_follows_summer_time() {
        assert_eq!(
            norwegian_time(Lang::Nb, "2026-01-30T09:15:00Z"),
            "30.01.2026 kl. 10.15"
        );
        assert_eq!(
            norwegian_time(Lang::Nb, "2026-07-01T22:30:00Z"),
            "02.07.2026 kl. 00.30"
        );
        // 29 March 2026 is the last Sunday of March: summer time from 01:00 UTC.
        assert_eq!(
            norwegian_time(Lang::En, "2026-03-29T00:59:00Z"),
            "29.03.2026 at 01.59"
        );
        assert_eq!(
            norwegian_time(Lang::En, "2026-03-29T01:00:00Z"),
            "29.03.2026 at 03.00"
        );
        assert_eq!(norwegian_time(Lang::Nb, "not a time"), "not a time");
    }

    #[test]
    fn lists_are_joined_as_written() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(join(Lang::Nb, &s(&["Ap", "Sp", "SV"])), "Ap, Sp og SV");
        assert_eq!(join(Lang::En, &s(&["H", "FrP"])), "H and FrP");
        assert_eq!(join(Lang::Nb, &s(&["H"])), "H");
    }
}
