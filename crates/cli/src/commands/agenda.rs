//! The agenda of a meeting: list, add (case, break, open item, orientation, continuation), edit,
//! move, remove, and the time an item actually started.

use super::{opt_text, Ctx, R};
use crate::args::{AddItem, AgendaCommand, CaseFields, ItemArg, NewItem};
use crate::output::{item_line, Done};
use crate::resolve;
use quorum_record::agenda::{ItemInput, ItemUpdate};
use quorum_record::cases::CaseInput;
use quorum_record::model::{AgendaItem, Meeting, MemoSections};
use quorum_record::vocab::ItemKind;

/// A new case from the options (the record fills the proposal from the case type when none is
/// given).
pub fn new_case(f: &CaseFields) -> R<CaseInput> {
    Ok(CaseInput {
        title: f.title.clone().unwrap_or_default(),
        case_type: f.case_type.clone().unwrap_or_default(),
        summary: opt_text(&f.summary)?.unwrap_or_default(),
        proposal: opt_text(&f.proposal)?,
        no_memo: f.no_memo.unwrap_or(false),
        memo: MemoSections {
            purpose: opt_text(&f.purpose)?.unwrap_or_default(),
            background: opt_text(&f.background)?.unwrap_or_default(),
            questions: opt_text(&f.questions)?.unwrap_or_default(),
            process: opt_text(&f.process)?.unwrap_or_default(),
        },
        owner: f.owner.clone().unwrap_or_default(),
        officer: f.officer.clone().unwrap_or_default(),
    })
}

pub fn item_of(cx: &Ctx, at: &ItemArg) -> R<AgendaItem> {
    Ok(resolve::item(
        cx.store,
        at.body.as_deref(),
        at.meeting.as_deref(),
        &at.item,
    )?)
}

fn agenda_text(cx: &Ctx, m: &Meeting, items: &[AgendaItem]) -> String {
    let mut text = format!(
        "{} {} – {}\n",
        cx.say("Dagsorden, møte", "Agenda, meeting"),
        m.number,
        m.status.label(cx.lang)
    );
    for i in items {
        text += &item_line(i, cx.lang);
        text += "\n";
    }
    text
}

fn add(cx: &Ctx, kind: &AddItem) -> R<Done> {
    let s = cx.store;
    let new: &NewItem = match kind {
        AddItem::Case { new, .. }
        | AddItem::Break { new, .. }
        | AddItem::Open { new, .. }
        | AddItem::Orientation { new, .. }
        | AddItem::Continuation { new, .. } => new,
    };
    let m = resolve::meeting(s, new.meeting.body.as_deref(), &new.meeting.meeting)?;
    let mut input = ItemInput {
        duration_min: new.duration.unwrap_or(0),
        ..ItemInput::default()
    };
    let text = |v: &Option<String>| opt_text(v).map(Option::unwrap_or_default);
    match kind {
        AddItem::Case { case, fields, .. } => {
            input.kind = ItemKind::Case;
            match case {
                Some(k) => input.case_id = Some(resolve::case_to_place(s, &m.body_id, k)?.id),
                None => input.new_case = Some(new_case(fields)?),
            }
        }
        AddItem::Break { title, .. } => {
            input.kind = ItemKind::Break;
            input.title = text(title)?;
        }
        AddItem::Open {
            title,
            case_type,
            summary,
            ..
        } => {
            input.kind = ItemKind::Open;
            input.title = text(title)?;
            input.case_type = text(case_type)?;
            input.summary = text(summary)?;
        }
        AddItem::Orientation {
            title,
            guest,
            summary,
            ..
        } => {
            input.kind = ItemKind::Orientation;
            input.title = text(title)?;
            input.guest = text(guest)?;
            input.summary = text(summary)?;
        }
        AddItem::Continuation { case, title, .. } => {
            input.kind = ItemKind::Continuation;
            let short = s.body(&m.body_id)?.short_name;
            input.continues_case_id = Some(resolve::case(s, Some(&short), case)?.id);
            input.title = text(title)?;
        }
    }
    let item = s.add_item(&m.id, &input, new.at.map(|n| n - 1))?;
    let line = item_line(&item, cx.lang);
    Ok(Done::new(
        &item,
        format!(
            "{} {}:\n{line}",
            cx.say(
                "Lagt til på dagsordenen for møte",
                "Added to the agenda of meeting"
            ),
            m.number
        ),
    ))
}

pub fn run(cx: &Ctx, command: &AgendaCommand) -> R<Done> {
    let s = cx.store;
    match command {
        AgendaCommand::List { body, number } => {
            let m = resolve::meeting(s, body.body.as_deref(), number)?;
            let items = s.agenda(&m.id)?;
            Ok(Done::new(&items, agenda_text(cx, &m, &items)))
        }
        AgendaCommand::Add { kind } => add(cx, kind),
        AgendaCommand::Edit {
            at,
            title,
            case_type,
            guest,
            summary,
            duration,
        } => {
            let it = item_of(cx, at)?;
            // A case's title, type and summary are the case's; the item keeps only its own.
            let own = |v: &str| {
                if it.kind == ItemKind::Case {
                    String::new()
                } else {
                    v.to_string()
                }
            };
            let item = s.update_item(
                &it.id,
                &ItemUpdate {
                    title: opt_text(title)?.unwrap_or_else(|| own(&it.title)),
                    case_type: case_type.clone().unwrap_or_else(|| own(&it.case_type)),
                    guest: guest.clone().unwrap_or(it.guest.clone()),
                    summary: opt_text(summary)?.unwrap_or_else(|| own(&it.summary)),
                    duration_min: duration.unwrap_or(it.duration_min),
                },
            )?;
            let line = item_line(&item, cx.lang);
            Ok(Done::new(
                &item,
                format!(
                    "{}\n{line}",
                    cx.say("Punktet er endret:", "The item is changed:")
                ),
            ))
        }
        AgendaCommand::Move { at, to } => {
            let it = item_of(cx, at)?;
            let items = s.move_item(&it.id, to - 1)?;
            let m = s.meeting(&it.meeting_id)?;
            Ok(Done::new(&items, agenda_text(cx, &m, &items)))
        }
        AgendaCommand::Remove { at } => {
            let it = item_of(cx, at)?;
            s.remove_item(&it.id)?;
            let m = s.meeting(&it.meeting_id)?;
            let items = s.agenda(&m.id)?;
            let text = format!(
                "{} {}\n{}",
                crate::output::item_name(&it),
                cx.say("er tatt av dagsordenen.", "is taken off the agenda."),
                agenda_text(cx, &m, &items)
            );
            Ok(Done::new(&items, text))
        }
        AgendaCommand::Show { at } => {
            let item = item_of(cx, at)?;
            let innspill = s.innspill(&item.id)?;
            let actions = s.actions(&item.id)?;
            let mut text = item_line(&item, cx.lang);
            if let Some(t) = &item.actual_start {
                text += &format!("\n{} {t}", cx.say("Startet", "Started"));
            }
            if !item.summary.trim().is_empty() {
                text += &format!("\n\n{}", item.summary.trim());
            }
            if !item.narrative.trim().is_empty() {
                text += &format!(
                    "\n\n{}:\n{}",
                    cx.say("Referat", "Minutes"),
                    item.narrative.trim()
                );
            }
            if !innspill.is_empty() {
                text += &format!("\n\n{}:", cx.say("Innspill", "Input"));
                for (i, x) in innspill.iter().enumerate() {
                    text += &format!("\n{:>3}. {}", i + 1, crate::output::one_line(&x.text));
                }
            }
            if !actions.is_empty() {
                text += &format!("\n\n{}:", cx.say("Aksjonspunkter", "Action points"));
                for a in &actions {
                    text += &format!("\n  {}", crate::output::action_line(a, cx.lang));
                }
            }
            let json =
                serde_json::json!({ "item": item, "innspill": innspill, "actions": actions });
            Ok(Done::new(&json, text))
        }
        AgendaCommand::Started { at, time } => {
            let it = item_of(cx, at)?;
            let item = s.mark_item_started(&it.id, time)?;
            let text = format!(
                "{} {} {}",
                crate::output::item_name(&item),
                cx.say("startet", "started"),
                item.actual_start.clone().unwrap_or_default()
            );
            Ok(Done::new(&item, text))
        }
    }
}
