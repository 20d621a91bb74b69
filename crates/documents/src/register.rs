//! The decision register of a body for a year: every case with meeting, date, title and
//! decision, then the year's action points with their status.

use super::agenda::action_table;
use super::labels::Labels;
use super::richtext;
use super::wording;
use super::{footer, language_tag, record_time, DocOptions};
use crate::Result;
use quorum_record::vocab::{ItemKind, VoteResult};
use quorum_record::Store;
use quorum_typeset::{
    Block, Cell, CellBlock, Column, ColumnWidth, DocMeta, Document, Row, Span, Table,
};

pub(crate) fn build(store: &Store, body_id: &str, year: i32, opts: DocOptions) -> Result<Document> {
    // A year the record cannot hold has no register (and no body name valid in it).
    quorum_record::validate::range("year", i64::from(year), 1900, 2999)?;
    let body = store.body(body_id)?;
    let lang = opts.lang.unwrap_or(body.language);
    let l = Labels::new(lang);
    let meetings = store.meetings(body_id, Some(year))?;
    let last = meetings
        .last()
        .map(|m| (m.date.clone(), m.start.clone()))
        .unwrap_or((format!("{year}-01-01"), String::new()));
    let name = store.body_name_on(body_id, &last.0)?;
    let mut rows = Vec::new();
    // Items whose action points a public register leaves out (exempt cases).
    let mut hidden_items: Vec<String> = Vec::new();
    for m in &meetings {
        let date = quorum_record::numbers::parse_date("date", &m.date)
            .map(quorum_record::numbers::short_date)
            .unwrap_or_default();
        for item in store
            .agenda(&m.id)?
            .into_iter()
            .filter(|i| i.kind == ItemKind::Case)
        {
            let Some(case_id) = &item.case_id else {
                continue;
            };
            let c = store.case(case_id)?;
            let hidden = opts.public && c.exempt;
            let (title, decision) = if hidden {
                // "Unntatt offentlighet" and the legal basis on lines of their own.
                (
                    Cell {
                        content: vec![
                            CellBlock::Paragraph(vec![Span::regular(l.exempt())]),
                            CellBlock::Paragraph(vec![Span::regular(c.exempt_basis.clone())]),
                        ],
                    },
                    Cell::default(),
                )
            } else {
                let undecided = matches!(m.status.as_str(), "draft" | "agenda_sent");
                let mut d = match (&c.decision, c.amended) {
                    (Some(d), true) => labelled(Some(l.decision_amended()), d),
                    (Some(d), false) => labelled(None, d),
                    // Nothing proposed ("Eventuelt"): nothing to show.
                    (None, _) if c.proposal.trim().is_empty() => Cell::default(),
                    (None, _) if undecided => labelled(Some(l.proposal()), &c.proposal),
                    (None, _) => Cell::spans(vec![Span::italic(l.no_decision())]),
                };
                // The result of the vote that decided the case ("Vedtatt 7–2"): the last that
                // adopted a proposal, else the last taken.
                let votes = store.votes(case_id)?;
                let deciding = votes
                    .iter()
                    .rev()
                    .find(|v| v.result == VoteResult::Adopted)
                    .or(votes.last());
                if let Some(v) = deciding {
                    d.content
                        .push(CellBlock::Paragraph(vec![Span::italic(format!(
                            "{}.",
                            wording::result_short(lang, v)
                        ))]));
                }
                (Cell::text(c.title.clone()), d)
            };
            rows.push(Row {
                cells: vec![
                    Cell::text(c.number.clone().unwrap_or_default()),
                    Cell {
                        content: richtext::cell(&format!("{} {}\n\n{date}", l.meeting(), m.number)),
                    },
                    title,
                    decision,
                ],
                ..Default::default()
            });
            if hidden {
                hidden_items.push(item.id.clone());
            }
        }
    }
    // Every action point of the year: under cases, under their continuations ("32/25 forts.")
    // and under unnumbered items ("Dagsaktuelt"); in public, none of an exempt case.
    let mut actions = Vec::new();
    for a in store.body_actions(body_id, Some(year))? {
        let item = store.item(&a.item_id)?;
        let hidden = match &item.continues_case_id {
            Some(c) if opts.public => store.case(c)?.exempt,
            _ => hidden_items.contains(&item.id),
        };
        if !hidden {
            actions.push(a);
        }
    }
    let title = format!("{} {year} – {name}", l.register_title());
    let mut blocks = vec![
        Block::Title(format!("{} {year}", l.register_title())),
        Block::Subtitle(name.clone()),
        Block::heading(l.case_list(), 1),
    ];
    if rows.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::italic(l.no_cases())]));
    } else {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::auto(l.case()).with_width(ColumnWidth::Fixed(18.0)),
                Column::auto(l.meeting_and_date()).with_width(ColumnWidth::Fixed(28.0)),
                Column::auto(l.case_title()).with_width(ColumnWidth::Fraction(0.3)),
                Column::auto(l.decision()),
            ],
            rows,
        }));
    }
    if !actions.is_empty() {
        blocks.push(Block::heading(l.action_list(), 1));
        blocks.push(Block::Table(action_table(&l, &actions)));
    }
    Ok(Document {
        meta: DocMeta {
            title: title.clone(),
            author: name.clone(),
            subject: title,
            language: language_tag(lang).into(),
            created: record_time(&last.0, &last.1),
            keywords: vec![body.short_name.clone(), year.to_string()],
        },
        running_header: format!("{name} · {} {year}", l.register_title()),
        footer: footer(lang),
        blocks,
    })
}

/// The text of a decision cell, with "Vedtak oppdatert:" or "Forslag til vedtak:" in bold before
/// its first paragraph (or on a line of its own when the text starts with a list).
fn labelled(label: Option<&str>, text: &str) -> Cell {
    let mut content = richtext::cell(text);
    if let Some(label) = label {
        let lead = Span::bold(format!("{label}: "));
        match content.first_mut() {
            Some(CellBlock::Paragraph(spans)) => spans.insert(0, lead),
            _ => content.insert(
                0,
                CellBlock::Paragraph(vec![Span::bold(format!("{label}:"))]),
            ),
        }
    }
    Cell { content }
}
