//! A horizontal bar chart as boxes of the vertical list: per bar a box with its label (wrapped
//! in a column of its own), a filled rectangle as long as its share of the largest value, and
//! the value; then the caption. Only text and filled rectangles, so the chart is vector
//! graphics in the PDF, searchable and sharp at any zoom.

use super::blocks::{line_height, Layout, BASELINE};
use super::boxes::{draw_line, Draw, VBox, VItem};
use super::fonts::Face;
use super::model::BarChart;
use super::style::*;

/// The label column's share of the text width at most.
const LABEL_MAX: f32 = TEXT_WIDTH * 0.36;
const LABEL_GAP: f32 = 8.0;
const VALUE_GAP: f32 = 5.0;
const BAR_SIZE: f32 = 10.0;
const BAR_GREY: f32 = 0.35;
const ROW_GAP: f32 = 4.0;
const CAPTION_SIZE: f32 = 9.5;

impl Layout<'_> {
    pub(crate) fn bar_chart(&mut self, chart: &BarChart, out: &mut Vec<VItem>) {
        if chart.bars.is_empty() {
            return;
        }
        let label_w = chart
            .bars
            .iter()
            .map(|b| {
                let t = self.fonts.prepare(Face::Regular, &b.label, self.notes);
                self.fonts.width(Face::Regular, &t, BAR_SIZE)
            })
            .fold(0.0, f32::max)
            .min(LABEL_MAX);
        let value_w = chart
            .bars
            .iter()
            .map(|b| self.fonts.width(Face::Regular, &b.shown, BAR_SIZE))
            .fold(0.0, f32::max);
        let bar_left = TEXT_LEFT + label_w + LABEL_GAP;
        let bar_room = (TEXT_RIGHT - value_w - VALUE_GAP - bar_left).max(TEXT_WIDTH * 0.2);
        // A value that is not a finite non-negative number draws no bar.
        let value = |v: f64| if v.is_finite() && v > 0.0 { v } else { 0.0 };
        let max = chart
            .bars
            .iter()
            .map(|b| value(b.value))
            .fold(0.0, f64::max);
        let lh = line_height(BAR_SIZE);
        out.push(VItem::Space(PARAGRAPH_AFTER));
        let n = chart.bars.len();
        for (i, b) in chart.bars.iter().enumerate() {
            let runs = self.runs(&[super::model::Span::regular(b.label.clone())], |f| f);
            let lines = self.wrap(&runs, BAR_SIZE, label_w);
            let height = (lines.len().max(1) as f32) * lh;
            let mut draws = Vec::new();
            for (k, line) in lines.iter().enumerate() {
                let y = k as f32 * lh + BAR_SIZE * BASELINE;
                draw_line(line, TEXT_LEFT, y, BAR_SIZE, BLACK, &mut draws);
            }
            let len = if max > 0.0 {
                (value(b.value) / max) as f32 * bar_room
            } else {
                0.0
            };
            // The bar is centred on the label's first line.
            let bar_h = lh * 0.72;
            let bar_y = (lh - bar_h) / 2.0;
            if len > 0.0 {
                draws.push(Draw::Fill {
                    x: bar_left,
                    y: bar_y,
                    w: len,
                    h: bar_h,
                    grey: BAR_GREY,
                });
            }
            draws.push(Draw::Text {
                x: bar_left + len + VALUE_GAP,
                y: BAR_SIZE * BASELINE,
                face: Face::Regular,
                size: BAR_SIZE,
                text: self.fonts.prepare(Face::Regular, &b.shown, self.notes),
                grey: BLACK,
            });
            out.push(VItem::Box(VBox {
                height,
                draws,
                // The chart stays on one page where it fits (the caption with it).
                keep_with_next: i + 1 < n || chart.caption.is_some(),
                ..VBox::default()
            }));
            out.push(VItem::Space(ROW_GAP));
        }
        if let Some(caption) = &chart.caption {
            out.push(VItem::Space(ROW_GAP));
            let runs = self.runs(&[super::model::Span::italic(caption.clone())], |f| f);
            let lines = self.wrap(&runs, CAPTION_SIZE, TEXT_WIDTH);
            let clh = line_height(CAPTION_SIZE);
            let mut draws = Vec::new();
            for (k, line) in lines.iter().enumerate() {
                draw_line(
                    line,
                    TEXT_LEFT,
                    k as f32 * clh + CAPTION_SIZE * BASELINE,
                    CAPTION_SIZE,
                    MARGINALIA_GREY,
                    &mut draws,
                );
            }
            out.push(VItem::Box(VBox {
                height: lines.len() as f32 * clh,
                draws,
                ..VBox::default()
            }));
        }
        out.push(VItem::Space(PARAGRAPH_AFTER));
    }
}
