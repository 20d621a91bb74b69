//! The case memo ("toppnotat"): header block, proposed decision, the memo sections and the table
//! of decisions from earlier treatments, generated from the case's links.

use super::labels::Labels;
use super::richtext;
use super::{DocOptions, MeetingContext};
use crate::Result;
use quorum_record::model::Case;
use quorum_record::Error;
use quorum_record::Store;
use quorum_typeset::{Block, Cell, Column, ColumnWidth, DocMeta, Document, Field, Row, Table};

pub(crate) fn build(store: &Store, case_id: &str, opts: DocOptions) -> Result<Document> {
    let case = store.case(case_id)?;
    let meeting_id = case.meeting_id.clone().ok_or_else(|| {
        Error::other(
            "case",
            "Saken står ikke på noen dagsorden ennå, så toppnotatet har ikke møte og saksnummer. Legg saken på et møte først.",
            "The case is not on an agenda yet, so its memo has no meeting or number. Put it on a meeting first.",
        )
    })?;
    let cx = MeetingContext::load(store, &meeting_id, opts)?;
    let blocks = memo_blocks(&cx, &case);
    let l = Labels::new(cx.lang);
    let number = case.number.clone().unwrap_or_default();
    let title = if cx.public && case.exempt {
        format!("{} {number}", l.case())
    } else {
        format!("{number} {}", case.title)
    };
    Ok(Document {
        meta: DocMeta {
            title: format!("{} – {title}", l.memo_title()),
            ..cx.meta(
                String::new(),
                format!("{} {}, {}", l.meeting(), cx.meeting.number, cx.long_date()),
            )
        },
        running_header: format!("{} · {} {number}", cx.running_header(), l.case()),
        footer: cx.footer(),
        blocks,
    })
}

/// The memo's blocks (also used in the meeting pack). Starts with a bookmarked heading.
pub(crate) fn memo_blocks(cx: &MeetingContext, case: &Case) -> Vec<Block> {
    let l = Labels::new(cx.lang);
    let number = case.number.clone().unwrap_or_default();
    if cx.public && case.exempt {
        return vec![
            Block::Heading {
                text: format!("{} {number}", l.case()),
                level: 1,
                bookmark: Some(format!("{} {number}", l.memo_title())),
            },
            Block::Fields(vec![
                Field::single(l.case_number(), number.clone()),
                Field::single(l.theme(), l.exempt()),
                Field::single(l.basis(), case.exempt_basis.clone()),
            ]),
        ];
    }
    let date = quorum_record::numbers::parse_date("date", &cx.meeting.date)
        .map(quorum_record::numbers::short_date)
        .unwrap_or_default();
    // "Møte 4/25": the memo header writes the meeting with a two-digit year, as the seeds do.
    let to = format!(
        "{} {}/{:02}",
        l.meeting(),
        cx.meeting.seq,
        cx.meeting.year.rem_euclid(100)
    );
    let mut fields = vec![
        Field::single(l.to(), to),
        Field::single(l.date(), date),
        Field::single(l.case_number(), number.clone()),
        Field::single(l.direction(), case.case_type.clone()),
    ];
    if !case.owner.is_empty() {
        fields.push(Field::single(l.owner(), case.owner.clone()));
    }
    if !case.officer.is_empty() {
        fields.push(Field::single(l.officer(), case.officer.clone()));
    }
    let mut out = vec![
        Block::Heading {
            text: case.title.clone(),
            level: 1,
            bookmark: Some(format!("{} {number} {}", l.memo_title(), case.title)),
        },
        Block::Fields(fields),
        Block::Rule,
    ];
    let mut section = |title: &str, text: &str| {
        if !text.trim().is_empty() {
            out.push(Block::Heading {
                text: title.to_string(),
                level: 2,
                bookmark: None,
            });
            out.extend(richtext::blocks(text));
        }
    };
    section(l.proposal(), &case.proposal);
    section(l.purpose(), &case.memo.purpose);
    section(l.background(), &case.memo.background);
    section(l.questions(), &case.memo.questions);
    section(l.process(), &case.memo.process);
    if !case.links.is_empty() {
        out.push(Block::Heading {
            text: l.earlier().to_string(),
            level: 2,
            bookmark: None,
        });
        out.push(Block::Table(earlier_table(cx, &l, case)));
    }
    out
}

/// Saksnummer | Møte og dato | Tittel på sak | Vedtak
fn earlier_table(cx: &MeetingContext, l: &Labels, case: &Case) -> Table {
    let rows = case
        .links
        .iter()
        .map(|link| {
            let date = quorum_record::numbers::parse_date("date", &link.date)
                .map(quorum_record::numbers::short_date)
                .unwrap_or_else(|_| link.date.clone());
            let meeting = [link.body.as_str(), date.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join("\n");
            let hidden = cx.public && link.exempt;
            let (title, decision) = if hidden {
                (l.exempt().to_string(), String::new())
            } else {
                (link.title.clone(), link.decision.clone())
            };
            Row {
                cells: vec![
                    Cell::text(link.number.clone()),
                    Cell {
                        content: richtext::cell(&meeting.replace('\n', "\n\n")),
                    },
                    Cell::text(title),
                    Cell {
                        content: richtext::cell(&decision),
                    },
                ],
                ..Default::default()
            }
        })
        .collect();
    Table {
        columns: vec![
            Column::auto(l.case_number()).with_width(ColumnWidth::Fixed(24.0)),
            Column::auto(l.meeting_and_date()).with_width(ColumnWidth::Fixed(28.0)),
            Column::auto(l.case_title()).with_width(ColumnWidth::Fraction(0.28)),
            Column::auto(l.decision()),
        ],
        rows,
    }
}
