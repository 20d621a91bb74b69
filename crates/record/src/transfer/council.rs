//! The council's rules across rows, as the typed paths keep them: a body has a first name;
//! memberships and attendance name real, distinct people; a meeting's date, times, place and
//! status fit; an agenda holds only its own body's cases and continuations of its own earlier
//! cases; case numbers run consecutively per body and year in agenda order from the number
//! series' first number (the numbering `agenda::renumber` gives); minutes are approved by a
//! decided case of a later meeting of the same body, or by the signatures of a signing round;
//! groups, proposals, votes, attendance changes, impartiality and signing rounds hang together
//! as `groups`, `votes`, `presence` and `signing` keep them.

use super::file::Row;
use super::index::Index;
use super::problem::{ImportProblem, ImportRule};
use crate::error::Problem;
use crate::numbers::{CaseNumber, MeetingNumber};
use crate::vocab::{
    ActionStatus, AttendanceStatus, Impartiality, ItemKind, MeetingStatus, Verdict, VoteMethod,
    VoteResult,
};
use std::collections::{HashMap, HashSet};

type Check = Result<(), Box<ImportProblem>>;

/// The date bodies get their first name from (`bodies::create_body`).
const BEGINNING: &str = "1900-01-01";

pub(super) fn check(ix: &Index, agendas: &Agendas) -> Check {
    bodies(ix)?;
    memberships(ix)?;
    meetings(ix)?;
    // Agenda order is position order: it must be sound before numbering can be judged.
    contiguous(ix, "agenda_item", "meeting_id")?;
    agenda_items(ix, agendas)?;
    cases(ix, agendas)?;
    numbering(ix, agendas)?;
    approvals(ix, agendas)?;
    contiguous(ix, "innspill", "item_id")?;
    // Removing these leaves a gap (no shift), so only repeats are wrong.
    distinct(ix, "attachment", "case_id", "position")?;
    distinct(ix, "case_link", "case_id", "position")?;
    distinct(ix, "action_point", "item_id", "position")?;
    attachments(ix)?;
    links(ix)?;
    attendance(ix)?;
    actions(ix)?;
    parties(ix)?;
    distinct(ix, "outside_position", "person_id", "position")?;
    outside_positions(ix)?;
    presence_changes(ix)?;
    case_substitutes(ix)?;
    distinct(ix, "disqualification", "case_id", "position")?;
    disqualifications(ix)?;
    distinct(ix, "proposal", "case_id", "position")?;
    proposals(ix)?;
    distinct(ix, "vote", "case_id", "position")?;
    votes(ix)?;
    // set_minutes_signers writes the whole list anew, 0, 1, ….
    contiguous(ix, "minutes_signer", "meeting_id")?;
    signing(ix)?;
    seals(ix)
}

/// Where each meeting's agenda stands: items in position order, and where each case is placed.
pub(super) struct Agendas<'a> {
    /// meeting id → its items, by position.
    pub items: HashMap<&'a str, Vec<&'a Row>>,
    /// case id → the item that places it.
    pub placed: HashMap<&'a str, &'a Row>,
}

impl<'a> Agendas<'a> {
    pub fn new(ix: &Index<'a>) -> Agendas<'a> {
        let mut items: HashMap<&str, Vec<&Row>> = HashMap::new();
        let mut placed = HashMap::new();
        for it in ix.rows("agenda_item") {
            if let Some(m) = it.text("meeting_id") {
                items.entry(m).or_default().push(it);
            }
            if let Some(c) = it.text("case_id") {
                placed.entry(c).or_insert(it);
            }
        }
        for list in items.values_mut() {
            list.sort_by_key(|i| i.int("position"));
        }
        Agendas { items, placed }
    }

    /// The meeting a case is placed in.
    pub fn meeting_of_case(&self, case_id: &str) -> Option<&'a str> {
        self.placed.get(case_id).and_then(|i| i.text("meeting_id"))
    }
}

fn label(m: &Row) -> String {
    MeetingNumber {
        year: m.int("year").unwrap_or(0) as i32,
        number: m.int("number").unwrap_or(0) as u32,
    }
    .to_string()
}

fn bodies(ix: &Index) -> Check {
    let mut first_named = HashSet::new();
    for n in ix.rows("body_name") {
        if n.text("valid_from") == Some(BEGINNING) {
            first_named.insert(n.text("body_id").unwrap_or_default());
        }
    }
    // Short names are unique whatever their case, beyond ASCII too (as typed input keeps them).
    let mut short: HashMap<String, usize> = HashMap::new();
    for b in ix.rows("body") {
        let folded = b.text("short_name").unwrap_or_default().to_lowercase();
        if let Some(&first_row) = short.get(&folded) {
            let rule = ImportRule::Duplicate {
                columns: vec!["short_name".into()],
                first_row,
            };
            return Err(b.problem("body", Some("short_name"), rule));
        }
        short.insert(folded, b.n);
        if !first_named.contains(b.text("id").unwrap_or_default()) {
            return Err(b.problem("body", None, ImportRule::NoFirstName));
        }
    }
    Ok(())
}

fn memberships(ix: &Index) -> Check {
    for m in ix.rows("membership") {
        if m.text("substitute_id").is_some() && m.text("substitute_id") == m.text("person_id") {
            return Err(m.problem(
                "membership",
                Some("substitute_id"),
                ImportRule::SelfReference,
            ));
        }
        if let (Some(from), Some(to)) = (m.text("term_from"), m.text("term_to")) {
            if to < from {
                let rule = ImportRule::Value {
                    field: "term_to",
                    problem: Problem::EndBeforeStart,
                };
                return Err(m.problem("membership", Some("term_to"), rule));
            }
        }
    }
    Ok(())
}

fn meetings(ix: &Index) -> Check {
    for m in ix.rows("meeting") {
        // The year of the date is not compared with the meeting's year: `update_meeting` with no
        // number keeps the year when the date moves to another one, so records hold such meetings.
        // Both are "HH:MM" (checked as fields), so text order is time order.
        if m.text("end_time") <= m.text("start_time") {
            let rule = ImportRule::Value {
                field: "end",
                problem: Problem::EndBeforeStart,
            };
            return Err(m.problem("meeting", Some("end_time"), rule));
        }
        if !m.flag("remote") && m.text("place").unwrap_or_default().is_empty() {
            return Err(m.problem("meeting", Some("place"), ImportRule::NoPlace));
        }
    }
    Ok(())
}

fn agenda_items(ix: &Index, agendas: &Agendas) -> Check {
    for it in ix.rows("agenda_item") {
        let p = |column, rule| Err(it.problem("agenda_item", Some(column), rule));
        let kind = ItemKind::ALL
            .iter()
            .copied()
            .find(|k| Some(k.as_str()) == it.text("kind"));
        let Some(kind) = kind else { continue };
        let has_case = it.text("case_id").is_some();
        let continues = it.text("continues_case_id");
        if has_case != (kind == ItemKind::Case)
            || continues.is_some() != (kind == ItemKind::Continuation)
        {
            return p("kind", ImportRule::KindFields);
        }
        if !kind.numbered() && it.text("title").unwrap_or_default().is_empty() {
            return p(
                "title",
                ImportRule::Value {
                    field: "title",
                    problem: Problem::Empty,
                },
            );
        }
        let meeting_id = it.text("meeting_id").unwrap_or_default();
        if let Some(c) = it.text("case_id") {
            let meeting = ix.get("meeting", meeting_id);
            let case = ix.get("case", c);
            if let (Some(m), Some(c)) = (meeting, case) {
                if m.text("body_id") != c.text("body_id") {
                    return p("case_id", ImportRule::CaseOfOtherBody);
                }
            }
        }
        if let Some(c) = continues {
            let Some(case_item) = agendas.placed.get(c) else {
                return p("continues_case_id", ImportRule::ContinuationElsewhere);
            };
            if case_item.text("meeting_id") != Some(meeting_id) {
                return p("continues_case_id", ImportRule::ContinuationElsewhere);
            }
            if case_item.int("position") >= it.int("position") {
                return p("continues_case_id", ImportRule::ContinuationBeforeCase);
            }
        }
    }
    Ok(())
}

fn cases(ix: &Index, agendas: &Agendas) -> Check {
    for c in ix.rows("case") {
        let p = |column, rule| Err(c.problem("case", Some(column), rule));
        if let Some(t) = c.text("case_type_id").and_then(|t| ix.get("case_type", t)) {
            if t.text("body_id") != c.text("body_id") {
                return p("case_type_id", ImportRule::CaseTypeOfOtherBody);
            }
        }
        if c.flag("exempt") == c.text("exempt_basis").unwrap_or_default().is_empty() {
            return p("exempt_basis", ImportRule::ExemptBasis);
        }
        let id = c.text("id").unwrap_or_default();
        match agendas
            .meeting_of_case(id)
            .and_then(|m| ix.get("meeting", m))
        {
            Some(m) if m.int("year") != c.int("year") => {
                return p("year", ImportRule::CaseYear { meeting: label(m) })
            }
            Some(_) => {}
            None if c.int("number").is_some() => return p("number", ImportRule::UnplacedNumbered),
            // A decision may stay on a case taken off its agenda (`remove_item` keeps it).
            None => {}
        }
    }
    Ok(())
}

/// Per body and year: meetings in date order (then number), each agenda's cases in position
/// order, numbered first_number, first_number + 1, … (see `agenda::renumber`).
fn numbering(ix: &Index, agendas: &Agendas) -> Check {
    let mut first: HashMap<(&str, i64), i64> = HashMap::new();
    for s in ix.rows("number_series") {
        if let (Some(b), Some(y), Some(n)) =
            (s.text("body_id"), s.int("year"), s.int("first_number"))
        {
            first.insert((b, y), n);
        }
    }
    let mut years: HashMap<(&str, i64), Vec<&Row>> = HashMap::new();
    for m in ix.rows("meeting") {
        if let (Some(b), Some(y)) = (m.text("body_id"), m.int("year")) {
            years.entry((b, y)).or_default().push(m);
        }
    }
    // Report the first problem in a stable order, whatever the hash map's.
    let mut keys: Vec<_> = years.keys().copied().collect();
    keys.sort();
    for key in keys {
        let meetings = years.get_mut(&key).expect("key from the map");
        meetings.sort_by_key(|m| (m.text("date"), m.int("number")));
        let mut last = first.get(&key).copied().unwrap_or(1) - 1;
        for m in meetings.iter() {
            let items = agendas.items.get(m.text("id").unwrap_or_default());
            for it in items.into_iter().flatten() {
                let Some(case) = it.text("case_id").and_then(|c| ix.get("case", c)) else {
                    continue;
                };
                let expected = last + 1;
                if case.int("number") != Some(expected) {
                    let number = |n: i64| {
                        CaseNumber {
                            year: key.1 as i32,
                            number: n as u32,
                        }
                        .to_string()
                    };
                    let rule = ImportRule::CaseNumberOrder {
                        expected: number(expected),
                        found: case.int("number").map(number),
                        meeting: label(m),
                    };
                    return Err(case.problem("case", Some("number"), rule));
                }
                last = expected;
            }
        }
    }
    Ok(())
}

fn approvals(ix: &Index, agendas: &Agendas) -> Check {
    let signed: HashSet<&str> = ix
        .rows("signing_round")
        .iter()
        .filter(|r| r.text("outcome") == Some(Verdict::Signed.as_str()))
        .filter_map(|r| r.text("meeting_id"))
        .collect();
    for m in ix.rows("meeting") {
        let p = |column, rule| Err(m.problem("meeting", Some(column), rule));
        let approved = m.text("status") == Some(MeetingStatus::Approved.as_str());
        // Signed minutes are approved by their signatures, never also by a later meeting's case.
        // (Whether the body signs today does not decide it: the rule can change after approvals.)
        let by_signatures = signed.contains(m.text("id").unwrap_or_default());
        if by_signatures && (!approved || m.text("approved_by_case_id").is_some()) {
            return p("status", ImportRule::SignedApproval);
        }
        match (approved && !by_signatures, m.text("approved_by_case_id")) {
            (true, None) => return p("approved_by_case_id", ImportRule::ApprovedWithoutCase),
            (false, Some(_)) => {
                return p("approved_by_case_id", ImportRule::NotApprovedButApprovedBy)
            }
            (true, Some(case_id)) => {
                let by = agendas
                    .meeting_of_case(case_id)
                    .and_then(|b| ix.get("meeting", b));
                let decided = ix
                    .get("case", case_id)
                    .is_some_and(|c| c.text("decision").is_some());
                let later = by.is_some_and(|b| {
                    b.text("body_id") == m.text("body_id")
                        && (b.text("date"), b.int("number")) > (m.text("date"), m.int("number"))
                });
                if !later || !decided {
                    return p("approved_by_case_id", ImportRule::ApprovalCase);
                }
            }
            (false, None) => {}
        }
        if let Some(item) = m.text("current_item_id") {
            let own = ix
                .get("agenda_item", item)
                .is_some_and(|i| i.text("meeting_id") == m.text("id"));
            if !own {
                return p("current_item_id", ImportRule::CurrentItemElsewhere);
            }
        }
    }
    Ok(())
}

/// Positions under each parent are exactly 0, 1, …, n − 1 (inserts and removals shift them).
fn contiguous(ix: &Index, table: &str, parent: &str) -> Check {
    let rows = ix.rows(table);
    let mut count: HashMap<&str, usize> = HashMap::new();
    for r in rows {
        *count.entry(r.text(parent).unwrap_or_default()).or_default() += 1;
    }
    let mut seen: HashSet<(&str, i64)> = HashSet::with_capacity(rows.len());
    for r in rows {
        let under = r.text(parent).unwrap_or_default();
        let pos = r.int("position").unwrap_or(-1);
        if pos < 0 || pos as usize >= count[under] || !seen.insert((under, pos)) {
            let rule = ImportRule::Positions {
                parent: parent.to_string(),
            };
            return Err(r.problem(table, Some("position"), rule));
        }
    }
    Ok(())
}

/// `column` is unique under each parent, compared as typed input compares it.
fn distinct(ix: &Index, table: &str, parent: &str, column: &str) -> Check {
    let mut seen: HashMap<(&str, String), usize> = HashMap::new();
    for r in ix.rows(table) {
        let value = match r.fields.get(column) {
            Some(serde_json::Value::String(s)) => s.to_ascii_lowercase(),
            Some(v) => v.to_string(),
            None => continue,
        };
        let k = (r.text(parent).unwrap_or_default(), value);
        if let Some(&first_row) = seen.get(&k) {
            let rule = ImportRule::Duplicate {
                columns: vec![parent.into(), column.into()],
                first_row,
            };
            return Err(r.problem(table, Some(column), rule));
        }
        seen.insert(k, r.n);
    }
    Ok(())
}

fn attachments(ix: &Index) -> Check {
    // Labels are unique per case whatever their ASCII case ("7a" is "7A"), as add_attachment keeps them.
    distinct(ix, "attachment", "case_id", "label")
}

fn links(ix: &Index) -> Check {
    let mut targets: HashMap<(&str, &str), usize> = HashMap::new();
    for l in ix.rows("case_link") {
        let p = |column, rule| Err(l.problem("case_link", Some(column), rule));
        let refs = [
            "ref_number",
            "ref_body",
            "ref_date",
            "ref_title",
            "ref_decision",
        ];
        match l.text("target_case_id") {
            Some(target) => {
                if refs
                    .iter()
                    .any(|c| !l.text(c).unwrap_or_default().is_empty())
                {
                    return p("target_case_id", ImportRule::LinkFields);
                }
                let case = l.text("case_id").unwrap_or_default();
                if target == case {
                    return p("target_case_id", ImportRule::SelfReference);
                }
                if let Some(&first_row) = targets.get(&(case, target)) {
                    let columns = vec!["case_id".into(), "target_case_id".into()];
                    return p(
                        "target_case_id",
                        ImportRule::Duplicate { columns, first_row },
                    );
                }
                targets.insert((case, target), l.n);
            }
            None if l.text("ref_number").unwrap_or_default().is_empty() => {
                return p("ref_number", ImportRule::LinkFields)
            }
            None => {}
        }
    }
    Ok(())
}

fn attendance(ix: &Index) -> Check {
    for a in ix.rows("attendance") {
        let substitute = a.text("status") == Some(AttendanceStatus::Substitute.as_str());
        if substitute != a.text("substitute_for").is_some() {
            return Err(a.problem(
                "attendance",
                Some("substitute_for"),
                ImportRule::SubstituteFor,
            ));
        }
        if a.text("substitute_for").is_some() && a.text("substitute_for") == a.text("person_id") {
            return Err(a.problem(
                "attendance",
                Some("substitute_for"),
                ImportRule::SelfReference,
            ));
        }
    }
    Ok(())
}

fn actions(ix: &Index) -> Check {
    for a in ix.rows("action_point") {
        if a.text("due_date").is_some() && a.flag("due_next_meeting") {
            return Err(a.problem("action_point", Some("due_date"), ImportRule::DueTwice));
        }
        let cancelled = a.text("status") == Some(ActionStatus::Cancelled.as_str());
        if cancelled && a.text("status_note").unwrap_or_default().is_empty() {
            return Err(a.problem(
                "action_point",
                Some("status_note"),
                ImportRule::CancelledWithoutNote,
            ));
        }
    }
    Ok(())
}

/// A seal belongs to approved minutes, and a sealed action point to the sealed meeting's agenda.
/// (Approved minutes without a seal, as exports from before schema 2 have them, are sealed by
/// the import as an upgrade seals them.)
fn seals(ix: &Index) -> Check {
    for s in ix.rows("meeting_seal") {
        let approved = s
            .text("meeting_id")
            .and_then(|m| ix.get("meeting", m))
            .is_some_and(|m| m.text("status") == Some(MeetingStatus::Approved.as_str()));
        if !approved {
            return Err(s.problem(
                "meeting_seal",
                Some("meeting_id"),
                ImportRule::SealOfUnapproved,
            ));
        }
    }
    for s in ix.rows("seal_action") {
        let meeting = s
            .text("action_id")
            .and_then(|a| ix.get("action_point", a))
            .and_then(|a| a.text("item_id"))
            .and_then(|i| ix.get("agenda_item", i))
            .and_then(|i| i.text("meeting_id"));
        if meeting.is_none() || meeting != s.text("meeting_id") {
            return Err(s.problem("seal_action", Some("action_id"), ImportRule::SealElsewhere));
        }
    }
    Ok(())
}

/// The body of a case.
fn body_of_case<'a>(ix: &Index<'a>, case_id: Option<&str>) -> Option<&'a str> {
    ix.get("case", case_id?)?.text("body_id")
}

/// A group named by a row belongs to the row's body.
fn party_of_body(ix: &Index, row: &Row, table: &str, body: Option<&str>) -> Check {
    let Some(party) = row.text("party_id").and_then(|g| ix.get("party", g)) else {
        return Ok(());
    };
    if body.is_some() && party.text("body_id") != body {
        return Err(row.problem(table, Some("party_id"), ImportRule::PartyOfOtherBody));
    }
    Ok(())
}

/// Short names of at most 12 characters, unique in a body whatever their case ("H", "h"), as
/// `groups::party_fields` and `ensure_party_free` keep them; a membership's group is its body's.
fn parties(ix: &Index) -> Check {
    distinct(ix, "party", "body_id", "position")?;
    let mut short: HashMap<(&str, String), usize> = HashMap::new();
    for g in ix.rows("party") {
        let name = g.text("short_name").unwrap_or_default();
        if name.chars().count() > 12 {
            let rule = ImportRule::Value {
                field: "short_name",
                problem: Problem::TooLong { max: 12 },
            };
            return Err(g.problem("party", Some("short_name"), rule));
        }
        let k = (g.text("body_id").unwrap_or_default(), name.to_lowercase());
        if let Some(&first_row) = short.get(&k) {
            let rule = ImportRule::Duplicate {
                columns: vec!["body_id".into(), "short_name".into()],
                first_row,
            };
            return Err(g.problem("party", Some("short_name"), rule));
        }
        short.insert(k, g.n);
    }
    for m in ix.rows("membership") {
        party_of_body(ix, m, "membership", m.text("body_id"))?;
    }
    Ok(())
}

fn outside_positions(ix: &Index) -> Check {
    for p in ix.rows("outside_position") {
        if let (Some(from), Some(to)) = (p.text("since"), p.text("until")) {
            if to < from {
                let rule = ImportRule::Value {
                    field: "until",
                    problem: Problem::EndBeforeStart,
                };
                return Err(p.problem("outside_position", Some("until"), rule));
            }
        }
    }
    Ok(())
}

/// A change's item is on its own meeting's agenda. (That a member leaves no earlier than they
/// arrived is not checked: `set_presence_change` refuses the other order, but moving items
/// afterwards may make it, in a record the window wrote.)
fn presence_changes(ix: &Index) -> Check {
    for c in ix.rows("presence_change") {
        let item = c.text("item_id").and_then(|i| ix.get("agenda_item", i));
        if item.is_some_and(|i| i.text("meeting_id") != c.text("meeting_id")) {
            return Err(c.problem(
                "presence_change",
                Some("item_id"),
                ImportRule::PresenceItemElsewhere,
            ));
        }
    }
    Ok(())
}

fn case_substitutes(ix: &Index) -> Check {
    for s in ix.rows("case_substitute") {
        if s.text("person_id") == s.text("substitute_for") {
            return Err(s.problem(
                "case_substitute",
                Some("substitute_for"),
                ImportRule::SelfReference,
            ));
        }
    }
    Ok(())
}

/// A disqualification names its legal basis (`decide_disqualification`), and the others'
/// vote on it is both counts or neither.
fn disqualifications(ix: &Index) -> Check {
    for d in ix.rows("disqualification") {
        let disqualified = d.text("outcome") == Some(Impartiality::Disqualified.as_str());
        if disqualified && d.text("basis").unwrap_or_default().is_empty() {
            return Err(d.problem(
                "disqualification",
                Some("basis"),
                ImportRule::DisqualifiedWithoutBasis,
            ));
        }
        if d.int("votes_for").is_some() != d.int("votes_against").is_some() {
            return Err(d.problem(
                "disqualification",
                Some("votes_against"),
                ImportRule::VotesPaired,
            ));
        }
    }
    Ok(())
}

fn proposals(ix: &Index) -> Check {
    for p in ix.rows("proposal") {
        if p.text("party_id").is_none() && p.text("person_id").is_none() {
            return Err(p.problem("proposal", Some("party_id"), ImportRule::ProposerMissing));
        }
        party_of_body(ix, p, "proposal", body_of_case(ix, p.text("case_id")))?;
    }
    Ok(())
}

/// As `votes::record_vote` writes them: a proposal voted on is one of the case's own; group
/// sides (of the case's body's groups) belong to votes not taken by name, ballots to roll
/// calls, whose counts are their ballots'; the result follows the counts but for a tie. (Who
/// could vote is not checked against attendance or impartiality: both may change after the
/// vote in a record the window wrote.)
fn votes(ix: &Index) -> Check {
    let method = |v: &Row| {
        VoteMethod::ALL
            .iter()
            .copied()
            .find(|m| Some(m.as_str()) == v.text("method"))
    };
    let mut ballots: HashMap<&str, [i64; 3]> = HashMap::new();
    for b in ix.rows("vote_ballot") {
        let Some(v) = b.text("vote_id").and_then(|v| ix.get("vote", v)) else {
            continue;
        };
        if method(v) != Some(VoteMethod::Named) {
            return Err(b.problem("vote_ballot", Some("vote_id"), ImportRule::VoteSidesMethod));
        }
        let side = match b.text("side") {
            Some("for") => 0,
            Some("against") => 1,
            _ => 2,
        };
        ballots.entry(v.text("id").unwrap_or_default()).or_default()[side] += 1;
    }
    for g in ix.rows("vote_group") {
        let Some(v) = g.text("vote_id").and_then(|v| ix.get("vote", v)) else {
            continue;
        };
        // `tally` keeps the groups given with any method but a roll call.
        if method(v) == Some(VoteMethod::Named) {
            return Err(g.problem("vote_group", Some("vote_id"), ImportRule::VoteSidesMethod));
        }
        party_of_body(ix, g, "vote_group", body_of_case(ix, v.text("case_id")))?;
    }
    for v in ix.rows("vote") {
        if let Some(p) = v.text("proposal_id").and_then(|p| ix.get("proposal", p)) {
            if p.text("case_id") != v.text("case_id") {
                return Err(v.problem(
                    "vote",
                    Some("proposal_id"),
                    ImportRule::VoteProposalElsewhere,
                ));
            }
        }
        let (f, a, b) = (
            v.int("votes_for").unwrap_or(0),
            v.int("votes_against").unwrap_or(0),
            v.int("votes_blank").unwrap_or(0),
        );
        let counts_fit = match method(v) {
            Some(VoteMethod::Unanimous) => a == 0 && b == 0,
            Some(VoteMethod::Named) => {
                ballots
                    .get(v.text("id").unwrap_or_default())
                    .copied()
                    .unwrap_or_default()
                    == [f, a, b]
            }
            _ => true,
        };
        if !counts_fit {
            return Err(v.problem("vote", Some("votes_for"), ImportRule::VoteCounts));
        }
        let by_count = match f.cmp(&a) {
            std::cmp::Ordering::Greater => Some(VoteResult::Adopted.as_str()),
            std::cmp::Ordering::Less => Some(VoteResult::Rejected.as_str()),
            std::cmp::Ordering::Equal => None,
        };
        // A unanimous vote may be recorded as rejected by all (`tally` takes its result).
        let unanimous = method(v) == Some(VoteMethod::Unanimous);
        if !unanimous && by_count.is_some() && v.text("result") != by_count {
            return Err(v.problem("vote", Some("result"), ImportRule::VoteResultCounts));
        }
    }
    Ok(())
}

/// As `signing` keeps them: a round's hash is its PDF's, closed once with an outcome, open only
/// while its meeting is held and one at a time; a signature is of the round's hash, a refusal
/// says why, and an open or signed round's signatures are by the meeting's chosen signers.
fn signing(ix: &Index) -> Check {
    use base64::Engine;
    let mut open: HashSet<&str> = HashSet::new();
    for r in ix.rows("signing_round") {
        let pdf = r
            .fields
            .get("pdf")
            .and_then(|p| p.get("base64"))
            .and_then(serde_json::Value::as_str)
            .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
            .unwrap_or_default();
        if r.text("sha256") != Some(crate::signing::sha256_hex(&pdf).as_str()) {
            return Err(r.problem("signing_round", Some("sha256"), ImportRule::SigningHash));
        }
        if r.text("closed_at").is_some() != r.text("outcome").is_some() {
            return Err(r.problem("signing_round", Some("outcome"), ImportRule::RoundState));
        }
        if r.text("closed_at").is_none() {
            let meeting = r.text("meeting_id").unwrap_or_default();
            let held = ix
                .get("meeting", meeting)
                .is_some_and(|m| m.text("status") == Some(MeetingStatus::Held.as_str()));
            if !held || !open.insert(meeting) {
                return Err(r.problem("signing_round", Some("closed_at"), ImportRule::RoundState));
            }
        }
    }
    let signers: HashSet<(&str, &str)> = ix
        .rows("minutes_signer")
        .iter()
        .filter_map(|s| Some((s.text("meeting_id")?, s.text("person_id")?)))
        .collect();
    for g in ix.rows("signature") {
        let Some(r) = g.text("round_id").and_then(|r| ix.get("signing_round", r)) else {
            continue;
        };
        if g.text("sha256") != r.text("sha256") {
            return Err(g.problem("signature", Some("sha256"), ImportRule::SignatureHash));
        }
        let refused = g.text("verdict") == Some(Verdict::Refused.as_str());
        if refused && g.text("comment").unwrap_or_default().is_empty() {
            return Err(g.problem(
                "signature",
                Some("comment"),
                ImportRule::RefusalWithoutComment,
            ));
        }
        let key = (
            r.text("meeting_id").unwrap_or_default(),
            g.text("person_id").unwrap_or_default(),
        );
        // The signers may be chosen anew after a refusal, so a refused round's signatures
        // need not be by today's signers; an open or signed round's must (the record is
        // locked while a round is open, and for good once it is signed).
        let current = r.text("outcome") != Some(Verdict::Refused.as_str());
        if current && !signers.contains(&key) {
            return Err(g.problem("signature", Some("person_id"), ImportRule::SignerNotChosen));
        }
    }
    Ok(())
}
