//! Block layout: turns the [`Block`]s of a document into the vertical list.

use super::boxes::{draw_line, Draw, Laid, Mark, VBox, VItem};
use super::error::PdfError;
use super::fonts::{Face, FontSet};
use super::model::{Block, Field, Span};
use super::notes::Notes;
use super::style::*;
use super::table;
use super::wrap::{wrap, wrap_hanging, Line, Run};

/// Distance from the top of a line box to the baseline, as a fraction of the size.
pub(crate) const BASELINE: f32 = 0.95;

/// Height of one line of text at `size`.
pub(crate) fn line_height(size: f32) -> f32 {
    size * LEADING
}

/// Layout state shared by all blocks of one document.
pub(crate) struct Layout<'a> {
    pub(crate) fonts: &'a FontSet,
    pub(crate) notes: &'a mut Notes,
    pub(crate) laid: Laid,
    tables: usize,
}

/// Lays out a whole document.
pub(crate) fn layout(
    blocks: &[Block],
    fonts: &FontSet,
    notes: &mut Notes,
) -> Result<Laid, PdfError> {
    let mut l = Layout {
        fonts,
        notes,
        laid: Laid::default(),
        tables: 0,
    };
    let mut items = Vec::new();
    for b in blocks {
        l.block(b, &mut items)?;
    }
    l.laid.items = items;
    Ok(l.laid)
}

impl Layout<'_> {
    /// Prepared runs of `spans`, each face switched through `face_of`.
    pub(crate) fn runs(&mut self, spans: &[Span], face_of: impl Fn(Face) -> Face) -> Vec<Run> {
        spans
            .iter()
            .map(|s| {
                let face = face_of(Face::from_style(s.style));
                Run {
                    face,
                    text: self.fonts.prepare(face, &s.text, self.notes),
                }
            })
            .collect()
    }

    pub(crate) fn wrap(&mut self, runs: &[Run], size: f32, width: f32) -> Vec<Line> {
        wrap(self.fonts, runs, size, width, self.notes)
    }

    fn text_lines(&mut self, text: &str, face: Face, size: f32, width: f32) -> Vec<Line> {
        let runs = [Run {
            face,
            text: self.fonts.prepare(face, text, self.notes),
        }];
        self.wrap(&runs, size, width)
    }

    fn block(&mut self, block: &Block, out: &mut Vec<VItem>) -> Result<(), PdfError> {
        match block {
            Block::Title(text) => {
                let lines = self.text_lines(text, Face::Bold, TITLE_SIZE, TEXT_WIDTH);
                push_lines_box(out, &lines, TEXT_LEFT, TITLE_SIZE, BLACK, true, None);
                out.push(VItem::Space(TITLE_AFTER));
            }
            Block::Subtitle(text) => {
                let lines = self.text_lines(text, Face::Regular, SUBTITLE_SIZE, TEXT_WIDTH);
                push_lines_box(
                    out,
                    &lines,
                    TEXT_LEFT,
                    SUBTITLE_SIZE,
                    SUBTITLE_GREY,
                    true,
                    None,
                );
                out.push(VItem::Space(SUBTITLE_AFTER));
            }
            Block::Heading {
                text,
                level,
                bookmark,
            } => {
                let level = (*level).clamp(1, 3);
                let (size, before, after) = HEADING[usize::from(level - 1)];
                let lines = self.text_lines(text, Face::Bold, size, TEXT_WIDTH);
                let mark = bookmark.as_ref().map(|title| Mark {
                    title: title.clone(),
                    level,
                });
                out.push(VItem::Space(before));
                push_lines_box(out, &lines, TEXT_LEFT, size, BLACK, true, mark);
                if let Some(VItem::Box(b)) = out.last_mut() {
                    b.sticky = true;
                }
                out.push(VItem::Space(after));
            }
            Block::Paragraph(spans) => {
                let runs = self.runs(spans, |f| f);
                let lines = self.wrap(&runs, BODY_SIZE, TEXT_WIDTH);
                push_paragraph(out, &lines, TEXT_LEFT, BODY_SIZE, None);
                if leads_in(spans) {
                    // "Forslag til vedtak:" belongs with what follows it.
                    if let Some(VItem::Box(b)) = out.last_mut() {
                        b.keep_with_next = true;
                        b.sticky = true;
                    }
                }
                out.push(VItem::Space(PARAGRAPH_AFTER));
            }
            Block::Bullets(items) => {
                let marker = BULLET.to_string();
                let markers: Vec<String> = items.iter().map(|_| marker.clone()).collect();
                self.list(items, &markers, out);
            }
            Block::Numbered(items) => {
                let markers: Vec<String> = (1..=items.len()).map(|n| format!("{n}.")).collect();
                self.list(items, &markers, out);
            }
            Block::Fields(fields) => self.fields(fields, out),
            Block::Table(t) => {
                let index = self.tables;
                self.tables += 1;
                out.push(VItem::Space(TABLE_BEFORE));
                table::layout_table(self, t, index, out)?;
                out.push(VItem::Space(TABLE_AFTER));
            }
            Block::Rule => {
                out.push(VItem::Space(RULE_SPACE));
                out.push(VItem::Box(VBox {
                    height: RULE_WIDTH,
                    draws: vec![Draw::HLine {
                        x1: TEXT_LEFT,
                        x2: TEXT_RIGHT,
                        y: RULE_WIDTH / 2.0,
                        width: RULE_WIDTH,
                        grey: RULE_GREY,
                    }],
                    ..VBox::default()
                }));
                out.push(VItem::Space(RULE_SPACE));
            }
            Block::Spacer(h) => {
                let h = if h.is_finite() {
                    h.clamp(0.0, BODY_HEIGHT)
                } else {
                    0.0
                };
                out.push(VItem::Spacer(h));
            }
            Block::PageBreak => out.push(VItem::PageBreak),
            Block::BarChart(chart) => self.bar_chart(chart, out),
            Block::KeepTogether(blocks) => {
                let mut inner = Vec::new();
                for b in blocks {
                    self.block(b, &mut inner)?;
                }
                let last_box = inner.iter().rposition(|i| matches!(i, VItem::Box(_)));
                for (i, item) in inner.iter_mut().enumerate() {
                    if let VItem::Box(b) = item {
                        if Some(i) != last_box {
                            b.keep_with_next = true;
                        }
                    }
                }
                out.extend(inner);
            }
        }
        Ok(())
    }

    /// Bulleted or numbered list with hanging indent; markers right-aligned
    /// against the text when they are numbers.
    fn list(&mut self, items: &[Vec<Span>], markers: &[String], out: &mut Vec<VItem>) {
        let marker_w = markers
            .iter()
            .map(|m| self.fonts.width(Face::Regular, m, BODY_SIZE))
            .fold(0.0, f32::max);
        let gap = 5.0;
        let text_x = LIST_TEXT_X.max(BULLET_X + marker_w + gap);
        for (i, (spans, marker)) in items.iter().zip(markers).enumerate() {
            if i > 0 {
                out.push(VItem::Space(LIST_ITEM_GAP));
            }
            let runs = self.runs(spans, |f| f);
            let mut lines = self.wrap(&runs, BODY_SIZE, TEXT_WIDTH - text_x);
            if lines.is_empty() {
                lines.push(Line::default());
            }
            let mw = self.fonts.width(Face::Regular, marker, BODY_SIZE);
            let marker_x = if marker.chars().count() == 1 {
                TEXT_LEFT + BULLET_X
            } else {
                TEXT_LEFT + text_x - gap - mw
            };
            let first = Draw::Text {
                x: marker_x,
                y: BODY_SIZE * BASELINE,
                face: Face::Regular,
                size: BODY_SIZE,
                text: marker.clone(),
                grey: BLACK,
            };
            push_paragraph(out, &lines, TEXT_LEFT + text_x, BODY_SIZE, Some(first));
        }
        out.push(VItem::Space(PARAGRAPH_AFTER));
    }

    /// Label column and value lines; two-column values go down the left column, then the
    /// right one (left to right, then down, for a list taller than a page).
    fn fields(&mut self, fields: &[Field], out: &mut Vec<VItem>) {
        let size = BODY_SIZE;
        let lh = line_height(size);
        let widest = fields
            .iter()
            .map(|f| self.fonts.width(Face::Bold, &f.label, size))
            .fold(0.0, f32::max);
        let label_w = (widest + FIELD_LABEL_GAP).min(FIELD_LABEL_MAX);
        let value_x = TEXT_LEFT + label_w;
        let value_w = TEXT_WIDTH - label_w;
        for (fi, field) in fields.iter().enumerate() {
            if fi > 0 {
                out.push(VItem::Space(FIELD_ROW_GAP));
            }
            let label = self.text_lines(&field.label, Face::Bold, size, label_w - FIELD_LABEL_GAP);
            let cols = if field.two_columns { 2 } else { 1 };
            let col_w = (value_w - FIELD_COLUMN_GAP * (cols - 1) as f32) / cols as f32;
            // In a list of values, wrapped lines hang so that each entry stands out.
            let hang = if field.values.len() > 1 {
                FIELD_HANG
            } else {
                0.0
            };
            let wrap_value = |this: &mut Self, v: &str| {
                let runs = [Run {
                    face: Face::Regular,
                    text: this.fonts.prepare(Face::Regular, v, this.notes),
                }];
                wrap_hanging(this.fonts, &runs, size, col_w, col_w - hang, this.notes)
            };
            if cols == 2 {
                // As the source documents set a member list: the first half down the left
                // column, the rest down the right, each column flowing on its own (no gaps
                // where a neighbour wraps), drawn column by column so text extraction reads
                // the record's order. One box, so only where it fits on a page.
                let half = field.values.len().div_ceil(2);
                let columns: Vec<Vec<(Line, bool)>> = field
                    .values
                    .chunks(half.max(1))
                    .map(|chunk| {
                        chunk
                            .iter()
                            .flat_map(|v| {
                                wrap_value(self, v)
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, l)| (l, i > 0))
                            })
                            .collect()
                    })
                    .collect();
                let tall = columns
                    .iter()
                    .map(Vec::len)
                    .max()
                    .unwrap_or(0)
                    .max(label.len())
                    .max(1);
                if lh * tall as f32 <= BODY_HEIGHT * 0.8 {
                    let mut draws = Vec::new();
                    for (li, line) in label.iter().enumerate() {
                        draw_line(
                            line,
                            TEXT_LEFT,
                            lh * li as f32 + size * BASELINE,
                            size,
                            BLACK,
                            &mut draws,
                        );
                    }
                    for (ci, lines) in columns.iter().enumerate() {
                        let x = value_x + ci as f32 * (col_w + FIELD_COLUMN_GAP);
                        for (li, (line, continued)) in lines.iter().enumerate() {
                            let indent = if *continued { hang } else { 0.0 };
                            draw_line(
                                line,
                                x + indent,
                                lh * li as f32 + size * BASELINE,
                                size,
                                BLACK,
                                &mut draws,
                            );
                        }
                    }
                    out.push(VItem::Box(VBox {
                        height: lh * tall as f32,
                        draws,
                        ..VBox::default()
                    }));
                    continue;
                }
            }
            let mut rows: Vec<Vec<Vec<Line>>> = field
                .values
                .chunks(cols)
                .map(|chunk| chunk.iter().map(|v| wrap_value(self, v)).collect())
                .collect();
            if rows.is_empty() {
                rows.push(Vec::new());
            }
            let n = rows.len();
            for (ri, row) in rows.iter().enumerate() {
                let mut draws = Vec::new();
                let mut height_lines = row.iter().map(Vec::len).max().unwrap_or(0).max(1);
                if ri == 0 {
                    height_lines = height_lines.max(label.len());
                    for (li, line) in label.iter().enumerate() {
                        draw_line(
                            line,
                            TEXT_LEFT,
                            lh * li as f32 + size * BASELINE,
                            size,
                            BLACK,
                            &mut draws,
                        );
                    }
                }
                for (ci, lines) in row.iter().enumerate() {
                    let x = value_x + ci as f32 * (col_w + FIELD_COLUMN_GAP);
                    for (li, line) in lines.iter().enumerate() {
                        let indent = if li > 0 { hang } else { 0.0 };
                        let y = lh * li as f32 + size * BASELINE;
                        draw_line(line, x + indent, y, size, BLACK, &mut draws);
                    }
                }
                out.push(VItem::Box(VBox {
                    height: lh * height_lines as f32,
                    draws,
                    keep_with_next: keep_line(ri, n),
                    ..VBox::default()
                }));
            }
        }
        out.push(VItem::Space(PARAGRAPH_AFTER + 4.0));
    }
}

/// Whether a paragraph introduces what follows (ends with a colon).
fn leads_in(spans: &[Span]) -> bool {
    spans
        .iter()
        .rev()
        .flat_map(|s| s.text.chars().rev())
        .find(|c| !c.is_whitespace())
        == Some(':')
}

/// Orphan and widow control: whether line `i` of `n` must stay with the next.
/// Up to three lines stay together; longer runs keep their first two and
/// last two lines together.
pub(crate) fn keep_line(i: usize, n: usize) -> bool {
    if n <= 3 {
        i + 1 < n
    } else {
        i == 0 || i + 2 == n
    }
}

/// One box per line, with orphan and widow control; `first` is drawn in the first box
/// (a list marker).
fn push_paragraph(out: &mut Vec<VItem>, lines: &[Line], x: f32, size: f32, first: Option<Draw>) {
    let lh = line_height(size);
    let mut first = first;
    for (i, line) in lines.iter().enumerate() {
        let mut draws = Vec::new();
        if let Some(d) = first.take() {
            draws.push(d);
        }
        draw_line(line, x, size * BASELINE, size, BLACK, &mut draws);
        out.push(VItem::Box(VBox {
            height: lh,
            draws,
            keep_with_next: keep_line(i, lines.len()),
            ..VBox::default()
        }));
    }
}

/// All lines in one box (titles and headings).
fn push_lines_box(
    out: &mut Vec<VItem>,
    lines: &[Line],
    x: f32,
    size: f32,
    grey: f32,
    keep_with_next: bool,
    mark: Option<Mark>,
) {
    if lines.is_empty() {
        return;
    }
    let lh = line_height(size);
    let mut draws = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        draw_line(
            line,
            x,
            lh * i as f32 + size * BASELINE,
            size,
            grey,
            &mut draws,
        );
    }
    out.push(VItem::Box(VBox {
        height: lh * lines.len() as f32,
        draws,
        keep_with_next,
        mark,
        ..VBox::default()
    }));
}
