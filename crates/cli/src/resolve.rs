//! Finding what the user names: a body by short name, a meeting by "4/2025", a case by "32/25",
//! an item by its number on the agenda or its case number, a person by name, and everything by
//! its id. Only addressing lives here; every rule stays in the record.

use quorum_record::error::Thing;
use quorum_record::model::{
    ActionPoint, AgendaItem, Body, Case, Innspill, Meeting, Membership, Person,
};
use quorum_record::numbers::{CaseNumber, MeetingNumber};
use quorum_record::{Error, Result, Store};

/// A date given to filter a listing, in the ISO form the record compares with.
pub fn date_filter(field: &'static str, value: Option<&str>) -> Result<Option<String>> {
    value
        .map(|v| Ok(quorum_record::numbers::parse_date(field, v)?.to_string()))
        .transpose()
}

/// Looks like one of the record's ids (a UUID).
pub fn is_id(s: &str) -> bool {
    let s = s.trim();
    s.len() == 36
        && s.chars().filter(|c| *c == '-').count() == 4
        && s.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
}

fn not_found(what: Thing, key: &str) -> Error {
    Error::NotFound {
        what,
        key: key.trim().to_string(),
    }
}

pub fn body(store: &Store, key: &str) -> Result<Body> {
    if is_id(key) {
        if let Ok(b) = store.body(key.trim()) {
            return Ok(b);
        }
    }
    store.body_by_short(key.trim())
}

/// The bodies a number may belong to: the one given, or all of them.
fn candidates(store: &Store, body_key: Option<&str>) -> Result<Vec<Body>> {
    match body_key {
        Some(k) => Ok(vec![body(store, k)?]),
        None => store.bodies(),
    }
}

fn ambiguous(what_nb: &str, what_en: &str, key: &str, bodies: &[String]) -> Error {
    Error::other(
        "body",
        format!(
            "{what_nb} {key} finnes i flere organ ({}). Velg organ med --body.",
            bodies.join(", ")
        ),
        format!(
            "{what_en} {key} exists in several bodies ({}). Choose the body with --body.",
            bodies.join(", ")
        ),
    )
}

/// Picks the one match among bodies, or says what is wrong.
fn one_of<T>(found: Vec<(String, T)>, what: Thing, key: &str, names: (&str, &str)) -> Result<T> {
    let mut found = found;
    match found.len() {
        0 => Err(not_found(what, key)),
        1 => Ok(found.remove(0).1),
        _ => {
            let bodies: Vec<String> = found.into_iter().map(|(b, _)| b).collect();
            Err(ambiguous(names.0, names.1, key.trim(), &bodies))
        }
    }
}

/// A meeting by "4/2025" (in `body_key`, or in whichever body has it) or id.
pub fn meeting(store: &Store, body_key: Option<&str>, key: &str) -> Result<Meeting> {
    if is_id(key) {
        return store.meeting(key.trim());
    }
    MeetingNumber::parse(key)?;
    let mut found = Vec::new();
    for b in candidates(store, body_key)? {
        match store.meeting_by_number(&b.short_name, key) {
            Ok(m) => found.push((b.short_name.clone(), m)),
            Err(Error::NotFound { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    one_of(found, Thing::Meeting, key, ("Møte", "Meeting"))
}

/// A case by "32/25" (in `body_key`, or in whichever body has it) or id.
pub fn case(store: &Store, body_key: Option<&str>, key: &str) -> Result<Case> {
    if is_id(key) {
        return store.case(key.trim());
    }
    CaseNumber::parse(key)?;
    let mut found = Vec::new();
    for b in candidates(store, body_key)? {
        match store.case_by_number(&b.short_name, key) {
            Ok(c) => found.push((b.short_name.clone(), c)),
            Err(Error::NotFound { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    one_of(found, Thing::Case, key, ("Sak", "Case"))
}

/// A case to put on an agenda: by id, by number, or an unplaced case of the body by its title.
pub fn case_to_place(store: &Store, body_id: &str, key: &str) -> Result<Case> {
    if is_id(key) || key.contains('/') {
        let b = store.body(body_id)?;
        return case(store, Some(&b.short_name), key);
    }
    let matches: Vec<Case> = store
        .unplaced_cases(body_id)?
        .into_iter()
        .filter(|c| c.title.trim() == key.trim())
        .collect();
    match matches.len() {
        1 => Ok(matches.into_iter().next().expect("one")),
        0 => Err(not_found(Thing::Case, key)),
        _ => Err(Error::other(
            "case",
            format!("Flere saker heter «{}». Oppgi sakens id.", key.trim()),
            format!(
                "Several cases are called \"{}\". Give the case's id.",
                key.trim()
            ),
        )),
    }
}

/// An agenda item: number N on the agenda of `meeting_key`, a case number, or id.
pub fn item(
    store: &Store,
    body_key: Option<&str>,
    meeting_key: Option<&str>,
    key: &str,
) -> Result<AgendaItem> {
    let key = key.trim();
    if is_id(key) {
        return store.item(key);
    }
    if key.contains('/') {
        // "32/25 forts." is the continuation of 32/25 on the same agenda.
        let (number, continuation) =
            match key.strip_suffix('.').unwrap_or(key).strip_suffix("forts") {
                Some(n) => (n.trim(), true),
                None => (key, false),
            };
        // The meeting, when given, tells which body's case number it is.
        let body_of_meeting = match (body_key, meeting_key) {
            (None, Some(mk)) => Some(store.body(&meeting(store, None, mk)?.body_id)?.short_name),
            _ => None,
        };
        let c = case(store, body_key.or(body_of_meeting.as_deref()), number)?;
        let Some(item_id) = c.item_id else {
            return Err(Error::other(
                "item",
                format!("Sak {number} står ikke på noen dagsorden."),
                format!("Case {number} is not on any agenda."),
            ));
        };
        if !continuation {
            return store.item(&item_id);
        }
        let placed = store.item(&item_id)?;
        return store
            .agenda(&placed.meeting_id)?
            .into_iter()
            .find(|i| i.continues_case_id.as_deref() == Some(c.id.as_str()))
            .ok_or_else(|| not_found(Thing::AgendaItem, key));
    }
    let n: usize = key.parse().map_err(|_| not_found(Thing::AgendaItem, key))?;
    let Some(meeting_key) = meeting_key else {
        return Err(Error::other(
            "item",
            format!("Oppgi møtet med --meeting når punkt {key} angis med nummer på dagsordenen."),
            format!("Give the meeting with --meeting when item {key} is given by its number on the agenda."),
        ));
    };
    let m = meeting(store, body_key, meeting_key)?;
    store
        .agenda(&m.id)?
        .into_iter()
        .nth(n.wrapping_sub(1))
        .ok_or_else(|| {
            Error::other(
                "item",
                format!("Møte {} har ikke noe punkt {key} på dagsordenen.", m.number),
                format!("Meeting {} has no item {key} on its agenda.", m.number),
            )
        })
}

/// A person by exact name (or, failing that, the same name in other letter case) or id.
pub fn person(store: &Store, key: &str) -> Result<Person> {
    let key = key.trim();
    if is_id(key) {
        return store.person(key);
    }
    let people = store.people()?;
    let mut same: Vec<&Person> = people.iter().filter(|p| p.name == key).collect();
    if same.is_empty() {
        let lower = key.to_lowercase();
        same = people
            .iter()
            .filter(|p| p.name.to_lowercase() == lower)
            .collect();
    }
    match same.len() {
        0 => store.person_by_name(key),
        1 => Ok(same[0].clone()),
        _ => {
            let list: Vec<String> = same
                .iter()
                .map(|p| format!("{} ({})", p.organisation, p.id))
                .collect();
            Err(Error::other(
                "person",
                format!(
                    "Flere personer heter «{key}»: {}. Oppgi personens id.",
                    list.join(", ")
                ),
                format!(
                    "Several people are called \"{key}\": {}. Give the person's id.",
                    list.join(", ")
                ),
            ))
        }
    }
}

/// A membership of a body, by the member's name or the membership's id.
pub fn membership(store: &Store, body_id: &str, key: &str) -> Result<Membership> {
    let all = store.memberships(body_id, None)?;
    if is_id(key) {
        if let Some(m) = all.iter().find(|m| m.id == key.trim()) {
            return Ok(m.clone());
        }
    }
    let p = person(store, key)?;
    let mine: Vec<Membership> = all.into_iter().filter(|m| m.person.id == p.id).collect();
    match mine.len() {
        0 => Err(not_found(Thing::Membership, key)),
        1 => Ok(mine.into_iter().next().expect("one")),
        _ => Err(Error::other(
            "member",
            format!(
                "{} har flere medlemskap i organet. Oppgi medlemskapets id ({}).",
                p.name,
                mine.iter()
                    .map(|m| m.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            format!(
                "{} has several memberships of the body. Give the membership's id ({}).",
                p.name,
                mine.iter()
                    .map(|m| m.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

/// Picks row N (1-based) or the row with the id from a list.
fn nth_or_id<T: Clone>(
    rows: &[T],
    id_of: impl Fn(&T) -> &str,
    key: &str,
    what: Thing,
) -> Result<T> {
    let key = key.trim();
    let found = if is_id(key) {
        rows.iter().find(|r| id_of(r) == key)
    } else {
        key.parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| rows.get(i))
    };
    found.cloned().ok_or_else(|| not_found(what, key))
}

pub fn innspill(store: &Store, item_id: &str, key: &str) -> Result<Innspill> {
    nth_or_id(
        &store.innspill(item_id)?,
        |i| i.id.as_str(),
        key,
        Thing::Innspill,
    )
}

pub fn action(store: &Store, item_id: &str, key: &str) -> Result<ActionPoint> {
    nth_or_id(
        &store.actions(item_id)?,
        |a| a.id.as_str(),
        key,
        Thing::ActionPoint,
    )
}

pub fn link(case: &Case, key: &str) -> Result<quorum_record::model::CaseLink> {
    nth_or_id(&case.links, |l| l.id.as_str(), key, Thing::Link)
}

pub fn attachment(case: &Case, key: &str) -> Result<quorum_record::model::Attachment> {
    let key = key.trim();
    case.attachments
        .iter()
        .find(|a| a.id == key || a.label.eq_ignore_ascii_case(key))
        .cloned()
        .ok_or_else(|| not_found(Thing::Attachment, key))
}

/// A body's party group by short name ("H"), name or id.
pub fn party(store: &Store, body_id: &str, key: &str) -> Result<quorum_record::groups::Party> {
    if is_id(key) {
        if let Some(p) = store
            .parties(body_id)?
            .into_iter()
            .find(|p| p.id == key.trim())
        {
            return Ok(p);
        }
    }
    store.party_by_name(body_id, key)
}

/// A person's outside position by its number in the list or id.
pub fn outside_position(
    store: &Store,
    person_id: &str,
    key: &str,
) -> Result<quorum_record::groups::OutsidePosition> {
    nth_or_id(
        &store.outside_positions(person_id)?,
        |p| p.id.as_str(),
        key,
        Thing::OutsidePosition,
    )
}

/// A proposal put in a case, by its number in the order put, or id.
pub fn proposal(store: &Store, case_id: &str, key: &str) -> Result<quorum_record::votes::Proposal> {
    nth_or_id(
        &store.proposals(case_id)?,
        |p| p.id.as_str(),
        key,
        Thing::Proposal,
    )
}

/// A vote of a case, by its number in the order taken, or id.
pub fn vote(store: &Store, case_id: &str, key: &str) -> Result<quorum_record::votes::Vote> {
    nth_or_id(&store.votes(case_id)?, |v| v.id.as_str(), key, Thing::Vote)
}

/// A case's substitute by their name, their number in the list, or the row's id.
pub fn case_substitute(
    store: &Store,
    case_id: &str,
    key: &str,
) -> Result<quorum_record::presence::CaseSubstitute> {
    let list = store.case_substitutes(case_id)?;
    if let Ok(s) = nth_or_id(&list, |s| s.id.as_str(), key, Thing::CaseSubstitute) {
        return Ok(s);
    }
    let p = person(store, key)?;
    list.into_iter()
        .find(|s| s.person.id == p.id)
        .ok_or_else(|| not_found(Thing::CaseSubstitute, key))
}

/// The question of a person's impartiality in a case.
pub fn disqualification(
    store: &Store,
    case_id: &str,
    key: &str,
) -> Result<quorum_record::presence::Disqualification> {
    let list = store.disqualifications(case_id)?;
    if is_id(key) {
        if let Some(d) = list.iter().find(|d| d.id == key.trim()) {
            return Ok(d.clone());
        }
    }
    let p = person(store, key)?;
    list.into_iter()
        .find(|d| d.person.id == p.id)
        .ok_or_else(|| not_found(Thing::Disqualification, key))
}
