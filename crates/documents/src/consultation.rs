//! The documents of a consultation, shaped like seed 000: "Oppsummering av høringssvarene" —
//! about the consultation, its questions, the number of responses and a bar chart of them per
//! category, per question the choices with counts and shares (overall and per category), the
//! summary text per heading with the inputs handled under it — then the respondents and the
//! full responses as appendices; and the list of respondents on its own. Public versions leave
//! out the responses that may not be published (and count only the others).

use super::richtext;
use super::{footer, language_tag, record_time, DocOptions};
use crate::Result;
use quorum_record::consultations::Consultation;
use quorum_record::handling::HandlingMark;
use quorum_record::numbers::{long_date, parse_date, short_date};
use quorum_record::responses::Response;
use quorum_record::tally::{ChoiceCount, Tally};
use quorum_record::{Lang, Store};
use quorum_typeset::{
    Align, Bar, BarChart, Block, Column, ColumnWidth, DocMeta, Document, Row, Span, Table,
};

/// What both documents read from the record.
struct Context {
    c: Consultation,
    body_name: String,
    lang: Lang,
    public: bool,
    /// The responses shown: in public, the publishable ones.
    responses: Vec<Response>,
    /// How many responses the public version leaves out.
    withheld: usize,
}

impl Context {
    fn load(store: &Store, id: &str, opts: DocOptions) -> Result<Context> {
        let c = store.consultation(id)?;
        let body = store.body(&c.body_id)?;
        let lang = opts.lang.unwrap_or(body.language);
        let body_name = store.body_name_on(&c.body_id, &c.deadline)?;
        let all = store.responses(id)?;
        let total = all.len();
        let responses: Vec<Response> = all
            .into_iter()
            .filter(|r| !opts.public || r.publishable)
            .collect();
        Ok(Context {
            withheld: total - responses.len(),
            c,
            body_name,
            lang,
            public: opts.public,
            responses,
        })
    }

    fn pick(&self, nb: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(nb, en)
    }

    fn date(&self, iso: &str) -> String {
        parse_date("date", iso)
            .map(|d| long_date(d, self.lang))
            .unwrap_or_default()
    }

    fn document(&self, title: String, blocks: Vec<Block>) -> Document {
        let public = if self.public {
            self.pick(" (offentlig versjon)", " (public version)")
        } else {
            ""
        };
        Document {
            meta: DocMeta {
                title: format!("{title} – {}{public}", self.c.title),
                author: self.body_name.clone(),
                subject: self.c.title.clone(),
                language: language_tag(self.lang).into(),
                // The deadline: the document's bytes follow from the record, not the clock.
                created: record_time(&self.c.deadline, ""),
                keywords: vec![self.body_name.clone()],
            },
            running_header: format!("{} · {title}{public}", self.body_name),
            footer: footer(self.lang),
            blocks,
        }
    }

    /// "60 %" (nb), "60%" (en).
    fn share(&self, share: f64) -> String {
        let p = (share * 100.0).round() as i64;
        self.lang
            .pick(&format!("{p} %"), &format!("{p}%"))
            .to_string()
    }

    fn category_name(&self, name: &Option<String>) -> String {
        name.clone()
            .unwrap_or_else(|| self.pick("Uten kategori", "No category").to_string())
    }

    /// The question's number and text ("1) Kan dere …").
    fn question_line(&self, question_id: &str) -> String {
        self.c
            .questions
            .iter()
            .find(|q| q.id == question_id)
            .map(|q| format!("{}) {}", q.number, q.text))
            .unwrap_or_default()
    }

    fn part_title(&self, question_id: &str, part_id: &str) -> String {
        self.c
            .questions
            .iter()
            .find(|q| q.id == question_id)
            .and_then(|q| q.parts.iter().find(|p| p.id == part_id))
            .map(|p| p.title.clone())
            .unwrap_or_default()
    }

    /// The table of respondents: number, respondent, category, date received.
    fn respondent_table(&self) -> Block {
        Block::Table(Table {
            columns: vec![
                Column::auto(self.pick("Nr.", "No."))
                    .with_width(ColumnWidth::Fixed(12.0))
                    .with_align(Align::Right),
                Column::auto(self.pick("Høringsinstans", "Respondent")),
                Column::auto(self.pick("Kategori", "Category"))
                    .with_width(ColumnWidth::Fraction(0.28)),
                Column::auto(self.pick("Mottatt", "Received")).with_width(ColumnWidth::Fixed(24.0)),
            ],
            rows: self
                .responses
                .iter()
                .map(|r| {
                    Row::text([
                        r.number.to_string(),
                        r.respondent.clone(),
                        self.category_name(&r.category.as_ref().map(|k| k.name.clone())),
                        parse_date("received", &r.received)
                            .map(short_date)
                            .unwrap_or_default(),
                    ])
                })
                .collect(),
        })
    }

    fn withheld_note(&self) -> Option<Block> {
        (self.public && self.withheld > 0).then(|| {
            Block::Paragraph(vec![Span::italic(self.lang.pick(
                &format!(
                    "{} høringssvar er ikke offentlige og er ikke med i denne versjonen.",
                    self.withheld
                ),
                &format!(
                    "{} responses are not public and are left out of this version.",
                    self.withheld
                ),
            ))])
        })
    }
}

/// The choices of a question with their counts and shares.
fn choice_rows(ctx: &Context, choices: &[ChoiceCount], answered: u32) -> Vec<Row> {
    let mut rows: Vec<Row> = choices
        .iter()
        .map(|ch| Row::text([ch.label.clone(), ch.count.to_string(), ctx.share(ch.share)]))
        .collect();
    rows.push(
        Row::text([
            ctx.pick("Svar i alt", "Answers in all").to_string(),
            answered.to_string(),
            ctx.share(if answered > 0 { 1.0 } else { 0.0 }),
        ])
        .with_emphasis(quorum_typeset::RowEmphasis {
            bold: true,
            shaded: false,
        }),
    );
    rows
}

fn tally_blocks(ctx: &Context, t: &Tally) -> Vec<Block> {
    let mut all = Vec::new();
    for q in &t.questions {
        // A question with its overall table on one page where it fits.
        let mut out = Vec::new();
        out.push(Block::Heading {
            text: format!("{} {}", ctx.pick("Spørsmål", "Question"), q.number),
            level: 3,
            bookmark: None,
        });
        out.push(Block::paragraph(q.text.clone()));
        out.push(Block::Table(Table {
            columns: vec![
                Column::auto(ctx.pick("Svaralternativ", "Choice")),
                Column::auto(ctx.pick("Antall", "Count"))
                    .with_width(ColumnWidth::Fixed(20.0))
                    .with_align(Align::Right),
                Column::auto(ctx.pick("Andel", "Share"))
                    .with_width(ColumnWidth::Fixed(20.0))
                    .with_align(Align::Right),
            ],
            rows: choice_rows(ctx, &q.choices, q.answered),
        }));
        all.push(Block::KeepTogether(out));
        let mut out = Vec::new();
        if q.by_category.len() > 1 {
            let mut columns = vec![Column::auto(ctx.pick("Kategori", "Category"))];
            columns.extend(q.choices.iter().map(|ch| {
                // The choice's first words ("Ja" of "Ja, utdyp gjerne") head its column.
                let head = ch.label.split(',').next().unwrap_or(&ch.label).trim();
                Column::auto(head).with_align(Align::Right)
            }));
            let rows = q
                .by_category
                .iter()
                .map(|k| {
                    let mut cells = vec![ctx.category_name(&k.category)];
                    cells.extend(
                        k.choices
                            .iter()
                            .map(|ch| format!("{} ({})", ch.count, ctx.share(ch.share))),
                    );
                    Row::text(cells)
                })
                .collect();
            out.push(Block::Paragraph(vec![Span::italic(ctx.pick(
                "Fordelt på kategori (antall og andel av kategoriens svar):",
                "By category (count and share of the category's answers):",
            ))]));
            out.push(Block::Table(Table { columns, rows }));
        }
        all.extend(out);
    }
    all
}

/// One handled input: who said it, the passage (or that the whole answer is meant), how it was
/// handled and the comment.
fn mark_item(ctx: &Context, m: &HandlingMark) -> Vec<Span> {
    let mut spans = vec![Span::bold(format!("{}: ", m.respondent))];
    if !m.passage.is_empty() {
        spans.push(Span::italic(format!("«{}»", m.passage)));
        spans.push(Span::regular(" – "));
    }
    spans.push(Span::regular(m.outcome.label(ctx.lang)));
    if m.comment.is_empty() {
        spans.push(Span::regular("."));
    } else {
        spans.push(Span::regular(format!(". {}", m.comment)));
    }
    spans
}

pub(crate) fn summary(store: &Store, id: &str, opts: DocOptions) -> Result<Document> {
    let ctx = Context::load(store, id, opts)?;
    let c = &ctx.c;
    let t = store.tally(id, ctx.public)?;
    let title = ctx
        .pick(
            "Oppsummering av høringssvarene",
            "Summary of the consultation responses",
        )
        .to_string();
    let mut b = vec![
        Block::Title(title.clone()),
        Block::Subtitle(c.title.clone()),
        Block::heading(
            format!(
                "1 {}",
                ctx.pick("Kort om høringen", "About the consultation")
            ),
            1,
        ),
    ];
    b.push(Block::Fields(vec![
        quorum_typeset::Field::new(ctx.pick("Sendt", "Sent"), vec![ctx.date(&c.sent_date)]),
        quorum_typeset::Field::new(ctx.pick("Frist", "Deadline"), vec![ctx.date(&c.deadline)]),
        quorum_typeset::Field::new(
            ctx.pick("Høringssvar", "Responses"),
            vec![t.responses.to_string()],
        ),
    ]));
    b.extend(richtext::blocks(&c.description));
    if !c.questions.is_empty() {
        b.push(Block::paragraph(ctx.pick(
            "I høringen ble det spurt om tilbakemelding på følgende spørsmål:",
            "The consultation asked for feedback on the following questions:",
        )));
        b.push(Block::Numbered(
            c.questions
                .iter()
                .map(|q| vec![Span::regular(q.text.clone())])
                .collect(),
        ));
    }
    b.push(Block::paragraph(ctx.lang.pick(
        &format!("Det kom høringssvar fra {} ulike instanser.", t.responses),
        &format!("Responses came from {} respondents.", t.responses),
    )));
    b.extend(ctx.withheld_note());
    let bars: Vec<Bar> = t
        .per_category
        .iter()
        .filter(|k| k.count > 0)
        .map(|k| Bar {
            label: ctx.category_name(&k.category),
            value: f64::from(k.count),
            shown: k.count.to_string(),
        })
        .collect();
    if !bars.is_empty() {
        b.push(Block::BarChart(BarChart {
            bars,
            caption: Some(
                ctx.pick(
                    "Figur 1: Fordeling av høringssvar per kategori",
                    "Figure 1: Responses per category",
                )
                .to_string(),
            ),
        }));
    }
    if !t.questions.is_empty() {
        b.push(Block::heading(
            ctx.pick(
                "Svarene på spørsmålene med svaralternativer",
                "Answers to the questions with choices",
            ),
            2,
        ));
        b.extend(tally_blocks(&ctx, &t));
    }

    b.push(Block::heading(
        format!(
            "2 {}",
            ctx.pick("Oppsummering av høringssvarene", "Summary of the responses")
        ),
        1,
    ));
    b.extend(richtext::blocks(&c.summary));
    let marks: Vec<HandlingMark> = store
        .marks(id)?
        .into_iter()
        .filter(|m| !ctx.public || m.publishable)
        .collect();
    let handled = |heading: Option<&str>| -> Vec<Vec<Span>> {
        marks
            .iter()
            .filter(|m| m.heading_id.as_deref() == heading)
            .map(|m| mark_item(&ctx, m))
            .collect()
    };
    let handled_label = ctx.pick("Vurderte innspill:", "Inputs considered:");
    for h in store.headings(id)? {
        b.push(Block::heading(
            format!("{} {}", h.number, h.title),
            (h.depth + 1).min(3) as u8,
        ));
        b.extend(richtext::blocks(&h.text));
        let items = handled(Some(&h.id));
        if !items.is_empty() {
            b.push(Block::Paragraph(vec![Span::bold(handled_label)]));
            b.push(Block::Bullets(items));
        }
    }
    let rest = handled(None);
    if !rest.is_empty() {
        b.push(Block::heading(
            ctx.pick("Andre vurderte innspill", "Other inputs considered"),
            2,
        ));
        b.push(Block::Bullets(rest));
    }

    b.push(Block::PageBreak);
    b.push(Block::heading(
        format!(
            "{} 1: {}",
            ctx.pick("Vedlegg", "Appendix"),
            ctx.pick("Høringsinstanser", "Respondents")
        ),
        1,
    ));
    b.extend(ctx.withheld_note());
    b.push(ctx.respondent_table());
    b.push(Block::PageBreak);
    b.push(Block::heading(
        format!(
            "{} 2: {}",
            ctx.pick("Vedlegg", "Appendix"),
            ctx.pick("Høringssvarene", "The responses")
        ),
        1,
    ));
    for r in &ctx.responses {
        b.push(Block::heading(format!("{}. {}", r.number, r.respondent), 2));
        let mut about = vec![ctx.date(&r.received)];
        if let Some(k) = &r.category {
            about.insert(0, k.name.clone());
        }
        b.push(Block::Paragraph(vec![Span::italic(about.join(" · "))]));
        let mut last_question = None;
        for a in &r.answers {
            if last_question != Some(&a.question_id) {
                b.push(Block::Paragraph(vec![Span::bold(
                    ctx.question_line(&a.question_id),
                )]));
                last_question = Some(&a.question_id);
            }
            if let Some(p) = &a.part_id {
                b.push(Block::Paragraph(vec![Span::italic(
                    ctx.part_title(&a.question_id, p),
                )]));
            }
            if let Some(ch) = &a.choice {
                b.push(Block::Paragraph(vec![
                    Span::regular(format!("{}: ", ctx.pick("Svar", "Answer"))),
                    Span::bold(ch.label.clone()),
                ]));
            }
            b.extend(richtext::blocks(&a.text));
        }
    }
    Ok(ctx.document(title, b))
}

pub(crate) fn respondents(store: &Store, id: &str, opts: DocOptions) -> Result<Document> {
    let ctx = Context::load(store, id, opts)?;
    let title = ctx.pick("Høringsinstanser", "Respondents").to_string();
    let mut b = vec![
        Block::Title(title.clone()),
        Block::Subtitle(ctx.c.title.clone()),
        Block::Fields(vec![
            quorum_typeset::Field::new(
                ctx.pick("Frist", "Deadline"),
                vec![ctx.date(&ctx.c.deadline)],
            ),
            quorum_typeset::Field::new(
                ctx.pick("Høringssvar", "Responses"),
                vec![ctx.responses.len().to_string()],
            ),
        ]),
    ];
    b.extend(ctx.withheld_note());
    b.push(ctx.respondent_table());
    Ok(ctx.document(title, b))
}
