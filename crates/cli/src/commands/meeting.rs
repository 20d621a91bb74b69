//! Meetings: list, show, add, edit and the status steps draft → agenda sent → held → approved.

use super::{Ctx, R};
use crate::args::{MeetingCommand, MeetingFields};
use crate::output::{place_of, Done};
use crate::resolve;
use quorum_record::meetings::MeetingInput;
use quorum_record::model::Meeting;
use quorum_record::numbers::{long_date, parse_date};

pub fn meeting_line(cx: &Ctx, m: &Meeting) -> R<String> {
    let date = parse_date("date", &m.date)?;
    Ok(format!(
        "{} {:<8} {:<20} {}–{}  {:<18} {}",
        cx.say("Møte", "Meeting"),
        m.number,
        long_date(date, cx.lang),
        m.start,
        m.end,
        m.status.label(cx.lang),
        place_of(m)
    ))
}

fn input(
    m: Option<&Meeting>,
    default_place: &str,
    date: Option<&str>,
    start: Option<&str>,
    end: Option<&str>,
    more: &MeetingFields,
) -> MeetingInput {
    let pick =
        |given: Option<&str>, old: Option<&str>| given.or(old).unwrap_or_default().to_string();
    let remote = more.remote.or(m.map(|m| m.remote)).unwrap_or(false);
    MeetingInput {
        number: pick(more.new_number.as_deref(), m.map(|m| m.number.as_str())),
        extraordinary: more
            .extraordinary
            .or(m.map(|m| m.extraordinary))
            .unwrap_or(false),
        date: pick(date, m.map(|m| m.date.as_str())),
        start: pick(start, m.map(|m| m.start.as_str())),
        end: pick(end, m.map(|m| m.end.as_str())),
        place: match (&more.place, m) {
            (Some(p), _) => p.clone(),
            (None, Some(m)) => m.place.clone(),
            (None, None) if remote => String::new(),
            (None, None) => default_place.to_string(),
        },
        remote,
        remote_link: pick(more.link.as_deref(), m.map(|m| m.remote_link.as_str())),
    }
}

pub fn run(cx: &Ctx, command: &MeetingCommand) -> R<Done> {
    let s = cx.store;
    let said = |m: &Meeting, nb: &str, en: &str| -> R<Done> {
        Ok(Done::new(
            m,
            format!("{}\n{}", cx.say(nb, en), meeting_line(cx, m)?),
        ))
    };
    match command {
        MeetingCommand::List { body, year } => {
            let b = resolve::body(s, body)?;
            let meetings = s.meetings(&b.id, *year)?;
            let mut text = Vec::new();
            for m in &meetings {
                text.push(meeting_line(cx, m)?);
            }
            Ok(Done::new(&meetings, text.join("\n")))
        }
        MeetingCommand::Show { body, number } => {
            let m = resolve::meeting(s, body.body.as_deref(), number)?;
            let text = super::show::meeting(cx, &m)?;
            let json = serde_json::json!({
                "meeting": m,
                "attendance": s.attendance(&m.id)?,
                "timetable": s.timetable(&m.id)?,
            });
            Ok(Done::new(&json, text))
        }
        MeetingCommand::Add {
            body,
            date,
            start,
            end,
            more,
        } => {
            let b = resolve::body(s, body)?;
            let m = s.create_meeting(
                &b.id,
                &input(
                    None,
                    &b.default_place,
                    Some(date),
                    Some(start),
                    Some(end),
                    more,
                ),
            )?;
            said(&m, "Møtet er opprettet:", "The meeting is created:")
        }
        MeetingCommand::Edit {
            body,
            number,
            date,
            start,
            end,
            more,
        } => {
            let old = resolve::meeting(s, body.body.as_deref(), number)?;
            let m = s.update_meeting(
                &old.id,
                &input(
                    Some(&old),
                    "",
                    date.as_deref(),
                    start.as_deref(),
                    end.as_deref(),
                    more,
                ),
            )?;
            said(&m, "Møtet er endret:", "The meeting is changed:")
        }
        MeetingCommand::Send { body, number } => {
            let m = resolve::meeting(s, body.body.as_deref(), number)?;
            let m = s.send_agenda(&m.id)?;
            said(
                &m,
                "Dagsordenen er sendt; saksnumrene ligger fast.",
                "The agenda is sent; its case numbers are fixed.",
            )
        }
        MeetingCommand::Held { body, number } => {
            let m = resolve::meeting(s, body.body.as_deref(), number)?;
            let m = s.mark_held(&m.id)?;
            said(&m, "Møtet er avholdt.", "The meeting is held.")
        }
        MeetingCommand::Approve {
            body,
            number,
            by_case,
        } => {
            let m = resolve::meeting(s, body.body.as_deref(), number)?;
            let short = s.body(&m.body_id)?.short_name;
            let c = resolve::case(s, Some(&short), by_case)?;
            let m = s.approve_minutes(&m.id, &c.id)?;
            let n = c.number.unwrap_or_default();
            said(
                &m,
                &format!("Referatet er godkjent i sak {n} og låst."),
                &format!("The minutes are approved by case {n} and locked."),
            )
        }
        MeetingCommand::CurrentItem { body, number, item } => {
            let m = resolve::meeting(s, body.body.as_deref(), number)?;
            let item = match item {
                Some(k) => Some(resolve::item(s, body.body.as_deref(), Some(&m.id), k)?),
                None => None,
            };
            let m = s.set_current_item(&m.id, item.as_ref().map(|i| i.id.as_str()))?;
            let text = match &item {
                Some(i) => format!(
                    "{} {}",
                    cx.say("Møtet står på", "The meeting is on"),
                    crate::output::item_name(i)
                ),
                None => cx.say(
                    "Møtet står ikke på noe punkt.",
                    "The meeting is on no item.",
                ),
            };
            Ok(Done::new(&m, text))
        }
        MeetingCommand::Corrections { body, number } => {
            let m = resolve::meeting(s, body.body.as_deref(), number)?;
            let list = s.corrections(&m.id)?;
            let text: Vec<String> = list
                .iter()
                .map(|c| format!("{}  {}: {}", c.at, c.entity.label(cx.lang), c.reason))
                .collect();
            Ok(Done::new(&list, text.join("\n")))
        }
    }
}
