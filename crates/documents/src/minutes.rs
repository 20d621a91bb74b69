//! "Referat fra møte i …": header with who was there, the case list, each case's narrative,
//! innspill, action points and decision, and the status line (draft, or approved, with any
//! corrections listed).

use super::agenda::shown_title;
use super::labels::Labels;
use super::richtext;
use super::{DocOptions, MeetingContext};
use crate::Result;
use quorum_record::model::{AgendaItem, Attendance, Case};
use quorum_record::vocab::{ActionStatus, AttendanceStatus, ItemKind, MeetingStatus};
use quorum_record::Store;
use quorum_typeset::{Block, Column, ColumnWidth, Document, Field, Row, Span, Table};

pub(crate) fn build(store: &Store, meeting_id: &str, opts: DocOptions) -> Result<Document> {
    let cx = MeetingContext::load(store, meeting_id, opts)?;
    let l = Labels::new(cx.lang);
    let attendance = store.attendance(meeting_id)?;
    let agenda = store.agenda(meeting_id)?;
    let items: Vec<AgendaItem> = agenda
        .iter()
        .filter(|i| matches!(i.kind.as_str(), "case" | "open" | "orientation"))
        .cloned()
        .collect();
    let mut cases = std::collections::HashMap::new();
    for i in &items {
        if let Some(id) = &i.case_id {
            cases.insert(id.clone(), store.case(id)?);
        }
    }
    let mut blocks = vec![
        Block::Title(format!("{} {}", minutes_title(&cx, &l), cx.body_name)),
        Block::Subtitle(format!("{} {}", l.meeting(), cx.meeting.number)),
        Block::Fields(header_fields(&cx, &l, &attendance)),
        Block::Spacer(6.0),
    ];
    let list_rows = items
        .iter()
        .map(|i| {
            let case = i.case_id.as_ref().and_then(|id| cases.get(id));
            let hidden = cx.public && case.is_some_and(|c| c.exempt);
            Row::text([
                i.case_number.clone().unwrap_or_default(),
                shown_title(cx.public, &l, &i.title, case),
                if hidden {
                    String::new()
                } else {
                    i.case_type.clone()
                },
            ])
        })
        .collect();
    // The case list is read as a whole: it moves to the next page rather than leave a row or
    // two behind (a list longer than a page still breaks where it must).
    blocks.push(Block::KeepTogether(vec![Block::Table(Table {
        columns: vec![
            Column::auto(l.case()).with_width(ColumnWidth::Fixed(22.0)),
            Column::auto(l.case_title()),
            Column::auto(l.case_type()).with_width(ColumnWidth::Fixed(28.0)),
        ],
        rows: list_rows,
    })]));
    for i in &items {
        let case = i.case_id.as_ref().and_then(|id| cases.get(id));
        // What was recorded when the case was resumed ("32/25 forts.") belongs to the case.
        let resumed: Vec<&AgendaItem> = agenda
            .iter()
            .filter(|k| k.kind == ItemKind::Continuation && k.continues_case_id == i.case_id)
            .filter(|_| i.case_id.is_some())
            .collect();
        blocks.extend(item_record(store, &cx, &l, i, &resumed, case)?);
    }
    blocks.push(Block::Rule);
    blocks.extend(status(store, &cx, &l)?);
    Ok(cx.document(
        format!(
            "{} {} {}",
            minutes_title(&cx, &l),
            cx.body_name,
            cx.meeting.number
        ),
        blocks,
    ))
}

/// "Referat fra møte i" or, for an extraordinary meeting, "Referat fra ekstra møte i".
fn minutes_title(cx: &MeetingContext, l: &Labels) -> &'static str {
    if cx.meeting.extraordinary {
        l.minutes_title_extra()
    } else {
        l.minutes_title()
    }
}

fn with_org(a: &Attendance) -> String {
    if a.person.organisation.is_empty() {
        a.person.name.clone()
    } else {
        format!("{} ({})", a.person.name, a.person.organisation)
    }
}

/// Dato, Tid, Sted; present members (two columns), Ikke til stede, Stedfortreder lines, and the
/// others present grouped as the seed does (secretariat by organisation, observers, guests).
fn header_fields(cx: &MeetingContext, l: &Labels, attendance: &[Attendance]) -> Vec<Field> {
    let mut fields = cx.when_where(l);
    let remote = |a: &Attendance, s: String| {
        if a.remote {
            format!("{s} – {}", l.remote())
        } else {
            s
        }
    };
    let of = |status: AttendanceStatus| attendance.iter().filter(move |a| a.status == status);
    let present: Vec<String> = of(AttendanceStatus::Present)
        .map(|a| remote(a, with_org(a)))
        .collect();
    if !present.is_empty() {
        fields.push(Field::two_columns(l.members(), present));
    }
    let absent: Vec<String> = of(AttendanceStatus::Absent).map(with_org).collect();
    if !absent.is_empty() {
        fields.push(Field::two_columns(l.absent(), absent));
    }
    // Substitutes in the order of the members they stand in for, as the seed lists them.
    let rank = |a: &Attendance| {
        a.substitute_for
            .as_ref()
            .and_then(|p| attendance.iter().position(|b| b.person.id == p.id))
            .unwrap_or(usize::MAX)
    };
    let mut subs: Vec<&Attendance> = of(AttendanceStatus::Substitute).collect();
    subs.sort_by_key(|a| rank(a));
    let subs: Vec<String> = subs
        .into_iter()
        .map(|a| {
            let line = l.stands_in_for(
                &a.person.name,
                &a.person.organisation,
                a.substitute_for
                    .as_ref()
                    .map(|p| p.name.as_str())
                    .unwrap_or(""),
            );
            remote(a, line)
        })
        .collect();
    if !subs.is_empty() {
        fields.push(Field::new(l.substitute(), subs));
    }
    let observers: Vec<String> = of(AttendanceStatus::Observer)
        .map(|a| remote(a, with_org(a)))
        .collect();
    if !observers.is_empty() {
        fields.push(Field::new(l.observers(), observers));
    }
    // The secretariat is listed under its organisation's name ("Helsedirektoratet").
    let mut orgs: Vec<String> = Vec::new();
    for a in of(AttendanceStatus::Secretariat) {
        let org = if a.person.organisation.is_empty() {
            cx.body.secretariat.clone()
        } else {
            a.person.organisation.clone()
        };
        if !orgs.contains(&org) {
            orgs.push(org);
        }
    }
    for org in orgs {
        let names: Vec<String> = of(AttendanceStatus::Secretariat)
            .filter(|a| {
                a.person.organisation == org
                    || (a.person.organisation.is_empty() && org == cx.body.secretariat)
            })
            .map(|a| remote(a, a.person.name.clone()))
            .collect();
        fields.push(Field::two_columns(
            if org.is_empty() {
                l.secretariat()
            } else {
                &org
            },
            names,
        ));
    }
    let guests: Vec<String> = of(AttendanceStatus::Guest)
        .map(|a| remote(a, with_org(a)))
        .collect();
    if !guests.is_empty() {
        fields.push(Field::two_columns(l.guests(), guests));
    }
    fields
}

/// One item: narrative, Innspill, Aksjonspunkt, Vedtak; with what was recorded under the
/// items that resumed it (`resumed`), after its own.
fn item_record(
    store: &Store,
    cx: &MeetingContext,
    l: &Labels,
    item: &AgendaItem,
    resumed: &[&AgendaItem],
    case: Option<&Case>,
) -> Result<Vec<Block>> {
    let number = item.case_number.clone().unwrap_or_default();
    let title = shown_title(cx.public, l, &item.title, case);
    let heading = if number.is_empty() {
        title.clone()
    } else {
        format!("{number} {title}")
    };
    let mut out = vec![Block::Heading {
        text: heading.clone(),
        level: 2,
        bookmark: Some(heading),
    }];
    if cx.public && case.is_some_and(|c| c.exempt) {
        return Ok(out);
    }
    let parts: Vec<&AgendaItem> = std::iter::once(item)
        .chain(resumed.iter().copied())
        .collect();
    let mut innspill = Vec::new();
    let mut actions = Vec::new();
    for p in &parts {
        out.extend(richtext::blocks(&p.narrative));
        innspill.extend(store.innspill(&p.id)?);
        actions.extend(store.actions_as_approved(&p.id)?);
    }
    if !innspill.is_empty() {
        out.extend(labelled_bullets(
            l.innspill(),
            innspill
                .into_iter()
                .map(|i| vec![Span::regular(i.text)])
                .collect(),
        ));
    }
    if !actions.is_empty() {
        out.extend(labelled_bullets(
            l.action(),
            actions
                .into_iter()
                .map(|a| {
                    let mut spans = vec![Span::regular(a.text)];
                    if a.status != ActionStatus::Open {
                        spans.push(Span::italic(format!(" ({})", l.action_status(a.status))));
                    }
                    spans
                })
                .collect(),
        ));
    }
    if let Some(c) = case {
        let decision = match &c.decision {
            Some(d) => {
                let label = if c.amended {
                    l.decision_amended()
                } else {
                    l.decision()
                };
                std::iter::once(Block::Paragraph(vec![Span::bold(format!("{label}:"))]))
                    .chain(richtext::blocks(d))
                    .collect()
            }
            None if matches!(
                cx.meeting.status,
                MeetingStatus::Draft | MeetingStatus::AgendaSent
            ) =>
            {
                Vec::new()
            }
            // Nothing was proposed ("Eventuelt"): nothing was to be decided.
            None if c.proposal.trim().is_empty() => Vec::new(),
            None => vec![Block::Paragraph(vec![Span::italic(l.no_decision())])],
        };
        if !decision.is_empty() {
            out.push(Block::KeepTogether(decision));
        }
    }
    Ok(out)
}

/// "Status: Utkast …" or "Status: Godkjent i møte 4/2025, sak 31/25." with corrections.
fn status(store: &Store, cx: &MeetingContext, l: &Labels) -> Result<Vec<Block>> {
    let mut out = Vec::new();
    match &cx.heading.approval {
        Some(approval) if cx.meeting.locked() => {
            out.push(Block::Paragraph(vec![Span::bold(l.status_approved(
                &approval.meeting_number,
                &approval.case_number,
            ))]));
            let corrections = store.corrections(&cx.meeting.id)?;
            if !corrections.is_empty() {
                out.push(Block::Paragraph(vec![Span::bold(format!(
                    "{}:",
                    l.corrections()
                ))]));
                // One line per correction: a correction that changed several rows is listed once.
                let mut lines: Vec<String> = Vec::new();
                for c in corrections {
                    let when = c.at.get(..10).unwrap_or(&c.at).to_string();
                    let when = quorum_record::numbers::parse_date("date", &when)
                        .map(quorum_record::numbers::short_date)
                        .unwrap_or(when);
                    let line = format!("{when}: {}", c.reason);
                    if lines.last() != Some(&line) {
                        lines.push(line);
                    }
                }
                out.push(Block::Bullets(
                    lines.into_iter().map(|t| vec![Span::regular(t)]).collect(),
                ));
            }
        }
        _ => out.push(Block::Paragraph(vec![Span::italic(l.status_draft())])),
    }
    Ok(out)
}

/// "Innspill:" and its bullets, kept together where they fit.
fn labelled_bullets(label: &str, items: Vec<Vec<Span>>) -> Vec<Block> {
    vec![
        Block::Paragraph(vec![Span::bold(format!("{label}:"))]),
        Block::Bullets(items),
    ]
}
