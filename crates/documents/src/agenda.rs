//! "Innkalling og dagsorden": header, members, the timetable, each item with its summary,
//! attachments and proposed decision, and the body's open action points.

use super::labels::Labels;
use super::richtext;
use super::{DocOptions, MeetingContext};
use crate::Result;
use quorum_record::model::{ActionPoint, AgendaItem, Case};
use quorum_record::vocab::{ItemKind, Role};
use quorum_record::Store;
use quorum_typeset::{
    Block, Cell, Column, ColumnWidth, Document, Field, Row, RowEmphasis, Span, Table,
};

pub(crate) fn build(store: &Store, meeting_id: &str, opts: DocOptions) -> Result<Document> {
    let cx = MeetingContext::load(store, meeting_id, opts)?;
    let l = Labels::new(cx.lang);
    let mut blocks = vec![
        Block::Title(cx.meeting_title()),
        Block::Subtitle(format!(
            "{} · {} {}",
            l.agenda_title(),
            l.meeting(),
            cx.meeting.number
        )),
        header_fields(store, &cx, &l)?,
        Block::Spacer(6.0),
    ];
    let tt = store.timetable(meeting_id)?;
    let mut cases = std::collections::HashMap::new();
    for r in &tt.rows {
        if let Some(id) = &r.item.case_id {
            cases.insert(id.clone(), store.case(id)?);
        }
    }
    blocks.push(Block::Table(timetable(&cx, &l, &tt, &cases)));
    blocks.push(Block::PageBreak);
    for r in tt
        .rows
        .iter()
        .filter(|r| matches!(r.item.kind.as_str(), "case" | "open" | "orientation"))
    {
        let case = r.item.case_id.as_ref().and_then(|id| cases.get(id));
        blocks.extend(item_section(&cx, &l, &r.item, case));
    }
    let open = store.open_actions(&cx.body.id, Some(&cx.meeting.date))?;
    let open = visible_actions(store, &cx, open)?;
    if !open.is_empty() {
        blocks.push(Block::heading(l.open_actions(), 1));
        blocks.push(Block::Table(action_table(&l, &open)));
    }
    Ok(cx.document(
        format!(
            "{} – {} {}",
            l.agenda_title(),
            cx.body_name,
            cx.meeting.number
        ),
        blocks,
    ))
}

/// Dato, Tid, Sted, Medlemmer in two columns, Observatører.
fn header_fields(store: &Store, cx: &MeetingContext, l: &Labels) -> Result<Block> {
    let members = store.invitees(&cx.meeting.id)?;
    // A municipal council's members by their group ("Kristin Berge (H)"), a council's by
    // their organisation.
    let named = |m: &quorum_record::seal::Invitee| match (&m.party, m.person.organisation.as_str())
    {
        (Some(g), _) => format!("{} ({})", m.person.name, g.short_name),
        (None, "") => m.person.name.clone(),
        (None, org) => format!("{} ({org})", m.person.name),
    };
    let voting: Vec<String> = members
        .iter()
        .filter(|m| matches!(m.role.as_str(), "leder" | "nestleder" | "medlem"))
        .map(named)
        .collect();
    let observers: Vec<String> = members
        .iter()
        .filter(|m| m.role == Role::Observer)
        .map(named)
        .collect();
    let mut fields = cx.when_where(l);
    if !voting.is_empty() {
        fields.push(Field::two_columns(l.members(), voting));
    }
    if !observers.is_empty() {
        fields.push(Field::new(l.observers(), observers));
    }
    Ok(Block::Fields(fields))
}

/// What a case shows as its title: in public versions an exempt case shows only the exemption.
pub(crate) fn shown_title(cx_public: bool, l: &Labels, title: &str, case: Option<&Case>) -> String {
    match case {
        Some(c) if cx_public && c.exempt => format!("{} ({})", l.exempt(), c.exempt_basis),
        _ => title.to_string(),
    }
}

fn item_number(l: &Labels, item: &AgendaItem) -> String {
    match (item.kind.as_str(), &item.case_number) {
        ("continuation", Some(n)) => format!("{n} {}", l.continuation()),
        (_, Some(n)) => n.clone(),
        _ => String::new(),
    }
}

fn timetable(
    cx: &MeetingContext,
    l: &Labels,
    tt: &quorum_record::timetable::Timetable,
    cases: &std::collections::HashMap<String, Case>,
) -> Table {
    let mut rows = Vec::new();
    for r in &tt.rows {
        let case = r
            .item
            .case_id
            .as_ref()
            .or(r.item.continues_case_id.as_ref())
            .and_then(|id| cases.get(id));
        let title = shown_title(cx.public, l, &r.item.title, case);
        let hidden = cx.public && case.is_some_and(|c| c.exempt);
        let row = Row::text([
            item_number(l, &r.item),
            title,
            r.start.clone(),
            if hidden {
                String::new()
            } else {
                r.item.case_type.clone()
            },
        ]);
        rows.push(if r.item.kind == ItemKind::Break {
            row.with_emphasis(RowEmphasis::BREAK)
        } else {
            row
        });
    }
    // "Slutt": the meeting's end, or where the items really end when they run past it.
    let end = match tt.rows.last() {
        Some(last) if tt.overrun_min > 0 => last.end.clone(),
        _ => tt.end.clone(),
    };
    rows.push(
        Row::text([String::new(), l.end().to_string(), end, String::new()]).with_emphasis(
            RowEmphasis {
                bold: true,
                shaded: false,
            },
        ),
    );
    Table {
        columns: vec![
            Column::auto(l.case()).with_width(ColumnWidth::Fixed(22.0)),
            Column::auto(l.agenda()),
            Column::auto(l.time_of_day()).with_width(ColumnWidth::Fixed(22.0)),
            Column::auto(l.case_type()).with_width(ColumnWidth::Fixed(28.0)),
        ],
        rows,
    }
}

/// Items whose summary and proposal together are at most this many characters are kept on one
/// page; longer ones flow, with only their attachments and proposal kept together.
const SHORT_ITEM_CHARS: usize = 1500;

/// One item's section: Sak, Tema, Sakstype, summary, attachments, proposal. Unnumbered items
/// (an orientation, "Dagsaktuelt") have their title as the heading and no "Tema" line.
fn item_section(
    cx: &MeetingContext,
    l: &Labels,
    item: &AgendaItem,
    case: Option<&Case>,
) -> Vec<Block> {
    let number = item_number(l, item);
    let (heading_text, bookmark) = if number.is_empty() {
        (item.title.clone(), item.title.clone())
    } else {
        (
            format!("{} {number}", l.case()),
            format!("{number} {}", shown_title(cx.public, l, &item.title, case)),
        )
    };
    let heading = Block::Heading {
        text: heading_text,
        level: 2,
        bookmark: Some(bookmark),
    };
    if let Some(c) = case.filter(|c| cx.public && c.exempt) {
        return vec![
            heading,
            Block::Fields(vec![
                Field::single(l.theme(), l.exempt()),
                Field::single(l.basis(), c.exempt_basis.clone()),
            ]),
            Block::Spacer(8.0),
        ];
    }
    let mut fields = Vec::new();
    if !number.is_empty() {
        fields.push(Field::single(l.theme(), item.title.clone()));
    }
    if !item.case_type.is_empty() {
        fields.push(Field::single(l.case_type(), item.case_type.clone()));
    }
    if !item.guest.is_empty() {
        fields.push(Field::single(l.guest(), item.guest.clone()));
    }
    let mut body = vec![heading];
    if !fields.is_empty() {
        body.push(Block::Fields(fields));
    }
    body.extend(richtext::blocks(&item.summary));
    // The attachments (or "Ingen toppnotat") and the proposal stay together.
    let mut tail = Vec::new();
    let attachments = case.map(|c| c.attachments.as_slice()).unwrap_or_default();
    if attachments.is_empty() {
        if item.no_memo || case.is_none() {
            tail.push(Block::Paragraph(vec![Span::italic(l.no_memo())]));
        }
    } else {
        let lines = attachments
            .iter()
            .map(|a| {
                vec![
                    Span::bold(format!("{} {}: ", l.attachment(), a.label)),
                    Span::regular(a.title.clone()),
                ]
            })
            .collect();
        tail.push(Block::Bullets(lines));
    }
    let proposal = case.map(|c| c.proposal.trim()).unwrap_or_default();
    if !proposal.is_empty() {
        tail.push(Block::Paragraph(vec![Span::bold(format!(
            "{}:",
            l.proposal()
        ))]));
        tail.extend(richtext::blocks(proposal));
    }
    if !tail.is_empty() {
        body.push(Block::KeepTogether(tail));
    }
    let short = item.summary.chars().count() + proposal.chars().count() <= SHORT_ITEM_CHARS;
    let mut out = if short {
        vec![Block::KeepTogether(body)]
    } else {
        body
    };
    out.push(Block::Spacer(8.0));
    out
}

/// Action points a document may show: in public versions, none from exempt cases.
pub(crate) fn visible_actions(
    store: &Store,
    cx: &MeetingContext,
    actions: Vec<ActionPoint>,
) -> Result<Vec<ActionPoint>> {
    if !cx.public {
        return Ok(actions);
    }
    let mut out = Vec::new();
    for a in actions {
        let item = store.item(&a.item_id)?;
        let exempt = match item.case_id.or(item.continues_case_id) {
            Some(id) => store.case(&id)?.exempt,
            None => false,
        };
        if !exempt {
            out.push(a);
        }
    }
    Ok(out)
}

/// Sak | Aksjonspunkt | Ansvarlig | Frist | Status
pub(crate) fn action_table(l: &Labels, actions: &[ActionPoint]) -> Table {
    let rows = actions
        .iter()
        .map(|a| {
            let due = match (&a.due_date, a.due_next_meeting) {
                (Some(d), _) => quorum_record::numbers::parse_date("due", d)
                    .map(quorum_record::numbers::short_date)
                    .unwrap_or_else(|_| d.clone()),
                (None, true) => l.next_meeting().to_string(),
                _ => String::new(),
            };
            let origin = a
                .case_number
                .clone()
                .unwrap_or_else(|| format!("{} {}", l.meeting(), a.meeting_number));
            let mut status = l.action_status(a.status).to_string();
            if !a.status_note.is_empty() {
                status = format!("{status}: {}", a.status_note);
            }
            Row {
                cells: vec![
                    Cell::text(origin),
                    Cell::text(a.text.clone()),
                    Cell::text(a.responsible.clone()),
                    Cell::text(due),
                    Cell::text(status),
                ],
                ..Default::default()
            }
        })
        .collect();
    Table {
        columns: vec![
            Column::auto(l.case()).with_width(ColumnWidth::Fixed(20.0)),
            Column::auto(l.action()),
            Column::auto(l.responsible()),
            Column::auto(l.due()).with_width(ColumnWidth::Fixed(24.0)),
            // Auto: a status note ("Utført: Sendt 20.10.2025") must not break inside a date.
            Column::auto(l.status()),
        ],
        rows,
    }
}
