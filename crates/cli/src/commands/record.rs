//! The meeting record (attendance, narrative, innspill, decisions, action points), corrections
//! of locked minutes, and a body's action points.

use super::{text_arg, Ctx, R};
use crate::args::{
    ActionAdd, ActionCommand, ActionEdit, ActionsCommand, AttendanceArgs, AttendanceCommand,
    CorrectAction, CorrectCommand, CorrectInnspill, InnspillCommand, ItemOpt, RecordCommand,
};
use crate::output::{action_line, item_name, one_line, Done};
use crate::resolve;
use quorum_record::corrections::CorrectionEdit;
use quorum_record::model::{ActionPoint, AgendaItem, Attendance, Case, Due};
use quorum_record::record::{ActionInput, AttendanceInput};
use quorum_record::vocab::{ActionStatus, AttendanceStatus};

fn item_of(cx: &Ctx, at: &ItemOpt) -> R<AgendaItem> {
    Ok(resolve::item(
        cx.store,
        at.body.as_deref(),
        at.meeting.as_deref(),
        &at.item,
    )?)
}

/// A due date as typed: YYYY-MM-DD, "next" (next meeting) or "none".
fn due(value: &str) -> Due {
    match value.trim().to_lowercase().as_str() {
        "" | "none" | "ingen" => Due::None,
        "next" | "neste" | "next meeting" | "neste møte" => Due::NextMeeting,
        _ => Due::Date(value.trim().to_string()),
    }
}

fn due_of(a: &ActionPoint) -> Due {
    match (&a.due_date, a.due_next_meeting) {
        (_, true) => Due::NextMeeting,
        (Some(d), false) => Due::Date(d.clone()),
        (None, false) => Due::None,
    }
}

fn attendance_text(cx: &Ctx, number: &str, list: &[Attendance]) -> String {
    let mut text = format!(
        "{} {number}",
        cx.say("Oppmøte, møte", "Attendance, meeting")
    );
    for a in list {
        text += &format!("\n  {:<30} {}", a.person.name, a.status.label(cx.lang));
        if let Some(f) = &a.substitute_for {
            text += &format!(" {} {}", cx.say("for", "for"), f.name);
        }
        if a.remote {
            text += &cx.say(" (digitalt)", " (remote)");
        }
    }
    text
}

fn attendance_input(cx: &Ctx, a: &AttendanceArgs) -> R<(String, String, AttendanceInput)> {
    let s = cx.store;
    let m = resolve::meeting(s, a.meeting.body.as_deref(), &a.meeting.meeting)?;
    let p = resolve::person(s, &a.person)?;
    let substitute_for = match &a.substitute_for {
        Some(k) => Some(resolve::person(s, k)?.id),
        None => None,
    };
    Ok((
        m.id,
        m.number,
        AttendanceInput {
            person_id: p.id,
            status: AttendanceStatus::parse(&a.status)?,
            substitute_for,
            remote: a.remote,
        },
    ))
}

fn decided_text(cx: &Ctx, c: &Case) -> String {
    let n = c.number.clone().unwrap_or_default();
    match &c.decision {
        Some(d) => {
            let label = if c.amended {
                cx.say("Vedtak oppdatert", "Decision (amended)")
            } else {
                cx.say("Vedtak", "Decision")
            };
            format!("{} {n}\n{label}: {}", cx.say("Sak", "Case"), one_line(d))
        }
        None => format!(
            "{} {n}: {}",
            cx.say("Sak", "Case"),
            cx.say("ingen vedtak registrert", "no decision recorded")
        ),
    }
}

fn action_input(a: &ActionAdd) -> R<ActionInput> {
    Ok(ActionInput {
        text: text_arg(&a.text)?,
        responsible: a.responsible.clone(),
        due: due(&a.due),
    })
}

fn action_edit_input(old: &ActionPoint, a: &ActionEdit) -> R<ActionInput> {
    Ok(ActionInput {
        text: match &a.text {
            Some(t) => text_arg(t)?,
            None => old.text.clone(),
        },
        responsible: a.responsible.clone().unwrap_or(old.responsible.clone()),
        due: a.due.as_deref().map(due).unwrap_or_else(|| due_of(old)),
    })
}

fn innspill_text(cx: &Ctx, item: &AgendaItem) -> R<(Vec<quorum_record::model::Innspill>, String)> {
    let list = cx.store.innspill(&item.id)?;
    let mut text = format!("{} – {}", item_name(item), cx.say("innspill", "input"));
    for (i, x) in list.iter().enumerate() {
        text += &format!("\n{:>3}. {}", i + 1, one_line(&x.text));
    }
    Ok((list, text))
}

fn actions_text(cx: &Ctx, list: &[ActionPoint]) -> String {
    list.iter()
        .map(|a| action_line(a, cx.lang))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn run(cx: &Ctx, command: &RecordCommand) -> R<Done> {
    let s = cx.store;
    match command {
        RecordCommand::Attendance { command } => match command {
            AttendanceCommand::List { meeting } => {
                let m = resolve::meeting(s, meeting.body.as_deref(), &meeting.meeting)?;
                let list = s.attendance(&m.id)?;
                Ok(Done::new(&list, attendance_text(cx, &m.number, &list)))
            }
            AttendanceCommand::Set(a) => {
                let (id, number, input) = attendance_input(cx, a)?;
                let list = s.set_attendance(&id, &input)?;
                Ok(Done::new(&list, attendance_text(cx, &number, &list)))
            }
            AttendanceCommand::Remove { meeting, person } => {
                let m = resolve::meeting(s, meeting.body.as_deref(), &meeting.meeting)?;
                let p = resolve::person(s, person)?;
                let list = s.remove_attendance(&m.id, &p.id)?;
                Ok(Done::new(&list, attendance_text(cx, &m.number, &list)))
            }
        },
        RecordCommand::Narrative(n) => {
            let it = item_of(cx, &n.item)?;
            s.set_narrative(&it.id, &text_arg(&n.text)?)?;
            let item = s.item(&it.id)?;
            let text = format!(
                "{} – {}:\n{}",
                item_name(&item),
                cx.say("referat", "minutes"),
                item.narrative
            );
            Ok(Done::new(&item, text))
        }
        RecordCommand::Innspill { command } => match command {
            InnspillCommand::List { item } => {
                let it = item_of(cx, item)?;
                let (list, text) = innspill_text(cx, &it)?;
                Ok(Done::new(&list, text))
            }
            InnspillCommand::Add(a) => {
                let it = item_of(cx, &a.item)?;
                let x = s.add_innspill(&it.id, &text_arg(&a.text)?, a.at.map(|n| n - 1))?;
                let (_, text) = innspill_text(cx, &it)?;
                Ok(Done::new(&x, text))
            }
            InnspillCommand::Edit(e) => {
                let it = item_of(cx, &e.item)?;
                let old = resolve::innspill(s, &it.id, &e.innspill)?;
                let x = s.update_innspill(&old.id, &text_arg(&e.text)?)?;
                let (_, text) = innspill_text(cx, &it)?;
                Ok(Done::new(&x, text))
            }
            InnspillCommand::Remove(k) => {
                let it = item_of(cx, &k.item)?;
                let old = resolve::innspill(s, &it.id, &k.innspill)?;
                s.remove_innspill(&old.id)?;
                let (_, text) = innspill_text(cx, &it)?;
                Ok(Done::new(&old, text))
            }
        },
        RecordCommand::Decision(d) => {
            let c = resolve::case(s, d.body.body.as_deref(), &d.case)?;
            let c = s.record_decision(&c.id, &text_arg(&d.text)?)?;
            Ok(Done::new(&c, decided_text(cx, &c)))
        }
        RecordCommand::Accept { body, case } => {
            let c = resolve::case(s, body.body.as_deref(), case)?;
            let c = s.accept_proposal(&c.id)?;
            Ok(Done::new(&c, decided_text(cx, &c)))
        }
        RecordCommand::Clear { body, case } => {
            let c = resolve::case(s, body.body.as_deref(), case)?;
            let c = s.clear_decision(&c.id)?;
            Ok(Done::new(&c, decided_text(cx, &c)))
        }
        RecordCommand::Presence { command } => super::presence::presence(cx, command),
        RecordCommand::Substitute { command } => super::presence::substitute(cx, command),
        RecordCommand::Disqualification { command } => {
            super::presence::disqualification(cx, command)
        }
        RecordCommand::Proposal { command } => super::votes::proposal(cx, command),
        RecordCommand::WithoutQuorum { body, case, revoke } => {
            super::presence::without_quorum(cx, body.body.as_deref(), case, *revoke)
        }
        RecordCommand::Action { command } => match command {
            ActionCommand::List { item } => {
                let it = item_of(cx, item)?;
                let list = s.actions(&it.id)?;
                Ok(Done::new(&list, actions_text(cx, &list)))
            }
            ActionCommand::Add(a) => {
                let it = item_of(cx, &a.item)?;
                let x = s.add_action(&it.id, &action_input(a)?)?;
                Ok(Done::new(&x, action_line(&x, cx.lang)))
            }
            ActionCommand::Edit(e) => {
                let it = item_of(cx, &e.item)?;
                let old = resolve::action(s, &it.id, &e.action)?;
                let x = s.update_action(&old.id, &action_edit_input(&old, e)?)?;
                Ok(Done::new(&x, action_line(&x, cx.lang)))
            }
            ActionCommand::Remove(k) => {
                let it = item_of(cx, &k.item)?;
                let old = resolve::action(s, &it.id, &k.action)?;
                s.remove_action(&old.id)?;
                let text = format!(
                    "{}: {}",
                    cx.say("Fjernet", "Removed"),
                    action_line(&old, cx.lang)
                );
                Ok(Done::new(&old, text))
            }
            ActionCommand::Status { key, status, note } => {
                let it = item_of(cx, &key.item)?;
                let old = resolve::action(s, &it.id, &key.action)?;
                let x = s.set_action_status(&old.id, ActionStatus::parse(status)?, note)?;
                Ok(Done::new(&x, action_line(&x, cx.lang)))
            }
        },
    }
}

/// A correction of locked minutes: the edit is made by the record with the reason, which keeps
/// the row before and after in the audit log. Prints the corrections made.
pub fn correct(cx: &Ctx, reason: &str, command: &CorrectCommand) -> R<Done> {
    let s = cx.store;
    let (meeting_id, edit) = match command {
        CorrectCommand::Decision(d) => {
            let c = resolve::case(s, d.body.body.as_deref(), &d.case)?;
            (
                c.meeting_id.clone().unwrap_or_default(),
                CorrectionEdit::Decision {
                    case_id: c.id,
                    text: text_arg(&d.text)?,
                },
            )
        }
        CorrectCommand::Narrative(n) => {
            let it = item_of(cx, &n.item)?;
            (
                it.meeting_id,
                CorrectionEdit::Narrative {
                    item_id: it.id,
                    text: text_arg(&n.text)?,
                },
            )
        }
        CorrectCommand::Innspill { command } => match command {
            CorrectInnspill::Add(a) => {
                let it = item_of(cx, &a.item)?;
                (
                    it.meeting_id,
                    CorrectionEdit::AddInnspill {
                        item_id: it.id,
                        text: text_arg(&a.text)?,
                    },
                )
            }
            CorrectInnspill::Edit(e) => {
                let it = item_of(cx, &e.item)?;
                let x = resolve::innspill(s, &it.id, &e.innspill)?;
                (
                    it.meeting_id,
                    CorrectionEdit::Innspill {
                        id: x.id,
                        text: text_arg(&e.text)?,
                    },
                )
            }
            CorrectInnspill::Remove(k) => {
                let it = item_of(cx, &k.item)?;
                let x = resolve::innspill(s, &it.id, &k.innspill)?;
                (it.meeting_id, CorrectionEdit::RemoveInnspill { id: x.id })
            }
        },
        CorrectCommand::Attendance(a) => {
            let (meeting_id, _, input) = attendance_input(cx, a)?;
            (
                meeting_id.clone(),
                CorrectionEdit::Attendance { meeting_id, input },
            )
        }
        CorrectCommand::Action { command } => match command {
            CorrectAction::Add(a) => {
                let it = item_of(cx, &a.item)?;
                (
                    it.meeting_id,
                    CorrectionEdit::AddAction {
                        item_id: it.id,
                        input: action_input(a)?,
                    },
                )
            }
            CorrectAction::Edit(e) => {
                let it = item_of(cx, &e.item)?;
                let old = resolve::action(s, &it.id, &e.action)?;
                (
                    it.meeting_id,
                    CorrectionEdit::Action {
                        id: old.id.clone(),
                        input: action_edit_input(&old, e)?,
                    },
                )
            }
        },
    };
    let before = if meeting_id.is_empty() {
        0
    } else {
        s.corrections(&meeting_id)?.len()
    };
    s.apply_correction(reason, &edit)?;
    let made: Vec<_> = if meeting_id.is_empty() {
        Vec::new()
    } else {
        s.corrections(&meeting_id)?
            .into_iter()
            .skip(before)
            .collect()
    };
    let mut text = cx.say("Rettet", "Corrected");
    for c in &made {
        text += &format!(" {} ({})", c.entity.label(cx.lang), c.reason);
    }
    if made.is_empty() {
        text += &cx.say(" (møtet er ikke låst)", " (the meeting is not locked)");
    }
    Ok(Done::new(&made, text))
}

pub fn actions(cx: &Ctx, command: &ActionsCommand) -> R<Done> {
    let s = cx.store;
    match command {
        ActionsCommand::List {
            body,
            year,
            open,
            before,
        } => {
            let b = resolve::body(s, body)?;
            let before = resolve::date_filter("date", before.as_deref())?;
            let list = if *open {
                s.open_actions(&b.id, before.as_deref())?
            } else {
                s.body_actions(&b.id, *year)?
            };
            let text = if list.is_empty() {
                cx.say("Ingen aksjonspunkter.", "No action points.")
            } else {
                actions_text(cx, &list)
            };
            Ok(Done::new(&list, text))
        }
    }
}
