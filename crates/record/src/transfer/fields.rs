//! Each field of an imported row checked as typed input checks it: the validators of
//! `validate` and `numbers`, the vocabularies of `vocab`, and the ranges the schema and the
//! typed paths allow. A value must also be in the form the typed path stores (trimmed text,
//! "2025-12-11", "10:00"), so that what is imported is what Quorum itself could have written.

use super::file::{printable, Row};
use super::problem::ImportRule;
use super::schema::Table;
use crate::error::{Error, Problem};
use crate::numbers::{parse_date, parse_time, table_time};
use crate::validate::{self, MAX_TEXT};
use crate::vocab::{
    ActionStatus, AttendanceStatus, Entity, Handling, Impartiality, ItemKind, MeetingStatus,
    PresenceKind, ResponseSource, Role, Verdict, VoteMethod, VoteResult, VoteSide,
};
use serde_json::Value;

#[derive(Debug, Clone, Copy)]
pub(super) enum Field {
    Id,
    Line,
    OptLine,
    Text,
    ReqText,
    Email,
    Date,
    /// A date, or "" for none.
    DateOrEmpty,
    Time,
    Choice(&'static [&'static str]),
    Bool,
    Int(i64, i64),
    /// A moment of the audit log: "2025-12-11T10:00:00Z".
    Timestamp,
    /// A row as JSON (audit before/after): checked against its entity in `audit`.
    Snapshot,
    /// File content, at most the size an attachment may have.
    Blob,
    /// A SHA-256 as `signing::sha256_hex` writes it: 64 lowercase hexadecimal digits.
    Sha256,
}

use Field::*;

const YEAR: Field = Int(1900, 2999);
const POSITION: Field = Int(0, 999_999);
/// A count of votes (the API's u32; no body has more members).
const VOTES: Field = Int(0, 99_999);
const MAX_FILE: usize = 200 * 1024 * 1024;

/// (table, column, the field's name in typed-input messages, rule). Columns not listed here are
/// references (checked by `rules`) or belong to a table a later schema added (checked
/// generically: text without control characters, at most `MAX_TEXT` characters).
const SPECS: &[(&str, &str, &str, Field)] = &[
    ("body", "short_name", "short_name", Line),
    ("body", "secretariat", "secretariat", OptLine),
    ("body", "default_place", "place", OptLine),
    ("body", "language", "language", Choice(&["nb", "en"])),
    ("body", "quorum_percent", "quorum_percent", Int(1, 100)),
    ("body", "signed_minutes", "signed_minutes", Bool),
    ("body_name", "name", "name", Line),
    ("body_name", "valid_from", "date", Date),
    ("case_type", "name", "case_type", Line),
    ("case_type", "position", "position", POSITION),
    ("case_type", "proposal_template", "proposal", Text),
    ("person", "name", "name", Line),
    ("person", "organisation", "organisation", OptLine),
    ("person", "email", "email", Email),
    ("membership", "role", "role", Choice(Role::NAMES)),
    ("membership", "term_from", "term_from", Date),
    ("membership", "term_to", "term_to", Date),
    ("membership", "position", "position", POSITION),
    ("party", "name", "name", Line),
    ("party", "short_name", "short_name", Line),
    ("party", "position", "position", POSITION),
    ("outside_position", "organisation", "organisation", Line),
    ("outside_position", "role", "role", OptLine),
    ("outside_position", "since", "since", Date),
    ("outside_position", "until", "until", Date),
    ("outside_position", "position", "position", POSITION),
    ("number_series", "year", "year", YEAR),
    (
        "number_series",
        "first_number",
        "first_number",
        Int(1, 9999),
    ),
    ("meeting", "year", "year", YEAR),
    ("meeting", "number", "number", Int(1, 999)),
    ("meeting", "extraordinary", "extraordinary", Bool),
    ("meeting", "date", "date", Date),
    ("meeting", "start_time", "start", Time),
    ("meeting", "end_time", "end", Time),
    ("meeting", "place", "place", OptLine),
    ("meeting", "remote", "remote", Bool),
    ("meeting", "remote_link", "remote_link", OptLine),
    ("meeting", "status", "status", Choice(MeetingStatus::NAMES)),
    ("case", "year", "year", YEAR),
    ("case", "number", "number", Int(1, 9999)),
    ("case", "title", "title", Line),
    ("case", "summary", "summary", Text),
    ("case", "proposal", "proposal", Text),
    ("case", "no_memo", "no_memo", Bool),
    ("case", "memo_purpose", "purpose", Text),
    ("case", "memo_background", "background", Text),
    ("case", "memo_questions", "questions", Text),
    ("case", "memo_process", "process", Text),
    ("case", "owner", "owner", OptLine),
    ("case", "officer", "officer", OptLine),
    ("case", "exempt", "exempt", Bool),
    ("case", "exempt_basis", "basis", OptLine),
    ("case", "decision", "decision", ReqText),
    ("case", "without_quorum", "without_quorum", Bool),
    ("agenda_item", "position", "position", POSITION),
    ("agenda_item", "kind", "kind", Choice(ItemKind::NAMES)),
    ("agenda_item", "title", "title", OptLine),
    ("agenda_item", "case_type", "case_type", OptLine),
    ("agenda_item", "guest", "guest", OptLine),
    ("agenda_item", "summary", "summary", Text),
    ("agenda_item", "no_memo", "no_memo", Bool),
    ("agenda_item", "duration_min", "duration", Int(0, 24 * 60)),
    ("agenda_item", "narrative", "narrative", Text),
    ("agenda_item", "actual_start", "start", Time),
    ("attachment", "label", "label", Line),
    ("attachment", "title", "title", Line),
    ("attachment", "file_name", "file_name", OptLine),
    ("attachment", "media_type", "media_type", OptLine),
    ("attachment", "content", "file", Blob),
    ("attachment", "position", "position", POSITION),
    ("case_link", "ref_number", "number", OptLine),
    ("case_link", "ref_body", "body", OptLine),
    ("case_link", "ref_date", "date", DateOrEmpty),
    ("case_link", "ref_title", "title", OptLine),
    ("case_link", "ref_decision", "decision", Text),
    ("case_link", "position", "position", POSITION),
    (
        "attendance",
        "status",
        "status",
        Choice(AttendanceStatus::NAMES),
    ),
    ("attendance", "remote", "remote", Bool),
    ("innspill", "position", "position", POSITION),
    ("innspill", "text", "text", ReqText),
    ("action_point", "position", "position", POSITION),
    ("action_point", "text", "text", ReqText),
    ("action_point", "responsible", "responsible", OptLine),
    ("action_point", "due_date", "due", Date),
    ("action_point", "due_next_meeting", "due_next_meeting", Bool),
    (
        "action_point",
        "status",
        "status",
        Choice(ActionStatus::NAMES),
    ),
    ("action_point", "status_note", "note", OptLine),
    (
        "presence_change",
        "kind",
        "presence",
        Choice(PresenceKind::NAMES),
    ),
    ("disqualification", "basis", "basis", OptLine),
    ("disqualification", "reason", "reason", OptLine),
    (
        "disqualification",
        "outcome",
        "outcome",
        Choice(Impartiality::NAMES),
    ),
    ("disqualification", "votes_for", "votes_for", VOTES),
    ("disqualification", "votes_against", "votes_against", VOTES),
    ("disqualification", "position", "position", POSITION),
    ("proposal", "position", "position", POSITION),
    ("proposal", "text", "proposal", ReqText),
    ("vote", "position", "position", POSITION),
    ("vote", "method", "method", Choice(VoteMethod::NAMES)),
    ("vote", "votes_for", "votes_for", VOTES),
    ("vote", "votes_against", "votes_against", VOTES),
    ("vote", "votes_blank", "votes_blank", VOTES),
    ("vote", "result", "result", Choice(VoteResult::NAMES)),
    ("vote_group", "side", "side", Choice(VoteSide::NAMES)),
    ("vote_ballot", "side", "side", Choice(VoteSide::NAMES)),
    ("minutes_signer", "position", "position", POSITION),
    ("signing_round", "sent_at", "sent_at", Timestamp),
    ("signing_round", "pdf", "file", Blob),
    ("signing_round", "sha256", "sha256", Sha256),
    ("signing_round", "closed_at", "closed_at", Timestamp),
    (
        "signing_round",
        "outcome",
        "outcome",
        Choice(Verdict::NAMES),
    ),
    ("signature", "at", "at", Timestamp),
    ("signature", "verdict", "verdict", Choice(Verdict::NAMES)),
    ("signature", "comment", "comment", OptLine),
    ("signature", "sha256", "sha256", Sha256),
    (
        "meeting_seal",
        "quorum_percent",
        "quorum_percent",
        Int(1, 100),
    ),
    ("seal_party", "name", "name", Line),
    ("seal_party", "short_name", "short_name", Line),
    ("respondent_category", "name", "category", Line),
    ("respondent_category", "position", "position", POSITION),
    ("consultation", "title", "title", Line),
    ("consultation", "description", "description", Text),
    ("consultation", "sent_date", "sent_date", Date),
    ("consultation", "deadline", "deadline", Date),
    ("consultation", "summary", "summary", Text),
    ("consultation_question", "position", "position", POSITION),
    ("consultation_question", "text", "question", ReqText),
    ("question_choice", "position", "position", POSITION),
    ("question_choice", "label", "choice", Line),
    ("question_part", "position", "position", POSITION),
    ("question_part", "title", "part", Line),
    ("response", "position", "position", POSITION),
    ("response", "respondent", "respondent", Line),
    ("response", "received", "received", Date),
    ("response", "publishable", "publishable", Bool),
    (
        "response",
        "source",
        "source",
        Choice(ResponseSource::NAMES),
    ),
    ("response_answer", "text", "answer", Text),
    ("summary_heading", "position", "position", POSITION),
    ("summary_heading", "title", "heading", Line),
    ("summary_heading", "text", "text", Text),
    ("handling", "passage", "passage", Text),
    ("handling", "outcome", "outcome", Choice(Handling::NAMES)),
    ("handling", "comment", "comment", Text),
    ("handling", "position", "position", POSITION),
    ("audit_log", "at", "at", Timestamp),
    ("audit_log", "entity", "entity", Choice(Entity::NAMES)),
    ("audit_log", "entity_id", "entity_id", Id),
    ("audit_log", "before", "before", Snapshot),
    ("audit_log", "after", "after", Snapshot),
    ("audit_log", "reason", "reason", Line),
];

/// The rule of a column, and its name in messages.
pub(super) fn spec(table: &str, column: &str) -> Option<(&'static str, Field)> {
    SPECS
        .iter()
        .find(|(t, c, _, _)| *t == table && *c == column)
        .map(|(_, _, name, f)| (*name, *f))
}

/// Checks every field of `row` (its kinds are already right, see `file`). Null is checked by
/// `file` against the schema; a null here is an absent optional value.
pub(super) fn check_row(t: &Table, row: &Row) -> Result<(), Box<super::ImportProblem>> {
    for c in &t.columns {
        let Some(v) = row.fields.get(&c.name).filter(|v| !v.is_null()) else {
            continue;
        };
        check_value(t.name, &c.name, v).map_err(|rule| row.problem(t.name, Some(&c.name), rule))?;
    }
    Ok(())
}

/// One non-null value of `table.column`.
pub(super) fn check_value(table: &str, column: &str, v: &Value) -> Result<(), ImportRule> {
    let Some((name, field)) = spec(table, column) else {
        return generic(column, v);
    };
    let value = |problem| ImportRule::Value {
        field: name,
        problem,
    };
    match (field, v) {
        (Int(min, max), v) => match v.as_i64().or_else(|| v.as_bool().map(i64::from)) {
            Some(i) if (min..=max).contains(&i) => Ok(()),
            _ => Err(value(Problem::Range { min, max })),
        },
        (Bool, v) => match v.as_i64().or_else(|| v.as_bool().map(i64::from)) {
            Some(0 | 1) => Ok(()),
            _ => Err(value(Problem::Range { min: 0, max: 1 })),
        },
        (Blob, Value::Object(o)) => {
            let size = o
                .get("base64")
                .and_then(Value::as_str)
                .map_or(0, |b| b.len() / 4 * 3);
            if size > MAX_FILE {
                // The same refusal as `add_attachment`'s.
                return Err(value(Problem::Other {
                    nb: "Filen er større enn 200 MB. Del den opp eller komprimer den.".into(),
                    en: "The file is larger than 200 MB. Split or compress it.".into(),
                }));
            }
            Ok(())
        }
        (_, Value::String(s)) => check_text(name, field, s),
        // The kinds were checked against the schema; a column whose rule wants text but whose
        // schema kind is open gets here with a number.
        _ => Err(ImportRule::WrongType {
            expected: super::problem::ValueKind::Text,
        }),
    }
}

fn check_text(name: &'static str, field: Field, s: &str) -> Result<(), ImportRule> {
    let stored = match field {
        Id => return id(s),
        Line => validate::line(name, s),
        OptLine => validate::optional_line(name, s),
        Text => validate::text(name, s),
        ReqText => validate::required_text(name, s),
        Email => validate::email(s),
        Date => parse_date(name, s).map(|d| d.to_string()),
        DateOrEmpty if s.is_empty() => Ok(String::new()),
        DateOrEmpty => parse_date(name, s).map(|d| d.to_string()),
        Time => parse_time(name, s).map(table_time),
        Choice(allowed) => validate::choice(name, s, allowed),
        Timestamp => return timestamp(s),
        Sha256 => return sha256(s),
        // Bounded by the checks of the entity's own fields (see `audit`).
        Snapshot => return Ok(()),
        Int(..) | Bool | Blob => {
            return Err(ImportRule::WrongType {
                expected: super::problem::ValueKind::Integer,
            })
        }
    };
    match stored {
        Ok(v) if v == s => Ok(()),
        // Accepted by the parser but not as Quorum writes it: "10.00" for "10:00", "2025-1-5".
        Ok(_) if matches!(field, Date | DateOrEmpty) => Err(ImportRule::Value {
            field: name,
            problem: Problem::Date(printable(s)),
        }),
        Ok(_) if matches!(field, Time) => Err(ImportRule::Value {
            field: name,
            problem: Problem::Time(printable(s)),
        }),
        Ok(_) => Err(ImportRule::NotNormalised),
        Err(Error::Invalid(i)) => Err(ImportRule::Value {
            field: name,
            problem: quotable(i.problem),
        }),
        Err(_) => Err(ImportRule::Rejected),
    }
}

/// The problem with the value it quotes cut to what a message can show: a file's value may be
/// megabytes long, or hold control characters, where typed input never does.
fn quotable(problem: Problem) -> Problem {
    match problem {
        Problem::Date(v) => Problem::Date(printable(&v)),
        Problem::Time(v) => Problem::Time(printable(&v)),
        Problem::Choice { value, allowed } => Problem::Choice {
            value: printable(&value),
            allowed,
        },
        other => other,
    }
}

/// What `signing::sha256_hex` writes: the rules compare it with the PDF's own hash.
fn sha256(s: &str) -> Result<(), ImportRule> {
    if s.len() == 64 && s.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')) {
        return Ok(());
    }
    Err(ImportRule::Value {
        field: "sha256",
        problem: Problem::Other {
            nb: "Sjekksummen må være SHA-256 skrevet med 64 heksadesimale tegn (0–9, a–f, små bokstaver).".into(),
            en: "The checksum must be a SHA-256 written as 64 hexadecimal digits (0–9, a–f, lower case).".into(),
        },
    })
}

/// Ids are never typed; any text Quorum could have made one of (it makes UUIDs) will do.
fn id(s: &str) -> Result<(), ImportRule> {
    let n = s.chars().count();
    if n == 0 || n > 100 || s.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(ImportRule::BadId);
    }
    Ok(())
}

/// "YYYY-MM-DDTHH:MM:SSZ" exactly, as `crate::now` writes it, in the years dates may have.
fn timestamp(s: &str) -> Result<(), ImportRule> {
    let bad = || ImportRule::Timestamp {
        value: printable(s),
    };
    let t = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%SZ").map_err(|_| bad())?;
    if t.format("%Y-%m-%dT%H:%M:%SZ").to_string() != s
        || !(1900..=2999).contains(&chrono::Datelike::year(&t))
    {
        return Err(bad());
    }
    Ok(())
}

/// A column no rule names: an id, or text as long as any text may be, without control characters.
fn generic(column: &str, v: &Value) -> Result<(), ImportRule> {
    let Value::String(s) = v else { return Ok(()) };
    if column == "id" || column.ends_with("_id") {
        return id(s);
    }
    if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(ImportRule::Value {
            field: "text",
            problem: Problem::ControlChar,
        });
    }
    if s.chars().count() > MAX_TEXT {
        return Err(ImportRule::Value {
            field: "text",
            problem: Problem::TooLong { max: MAX_TEXT },
        });
    }
    Ok(())
}
