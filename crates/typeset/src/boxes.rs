//! The vertical list: what block layout produces and pagination consumes.
//!
//! A [`VBox`] is an unbreakable strip of the text column (a line, a table
//! row, a heading) with its drawing instructions; x is absolute on the page,
//! y relative to the top of the box.

use super::fonts::Face;
use super::wrap::Line;

/// A drawing instruction. Coordinates in points; y grows downwards.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Draw {
    /// Text with its baseline at `y`.
    Text {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        text: String,
        grey: f32,
    },
    HLine {
        x1: f32,
        x2: f32,
        y: f32,
        width: f32,
        grey: f32,
    },
    VLine {
        x: f32,
        y1: f32,
        y2: f32,
        width: f32,
        grey: f32,
    },
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        grey: f32,
    },
}

impl Draw {
    pub(crate) fn shifted(&self, dy: f32) -> Draw {
        let mut d = self.clone();
        match &mut d {
            Draw::Text { y, .. } | Draw::HLine { y, .. } | Draw::Fill { y, .. } => *y += dy,
            Draw::VLine { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
        }
        d
    }
}

/// An outline (bookmark) entry anchored at the top of a box.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mark {
    pub(crate) title: String,
    pub(crate) level: u8,
}

/// Membership of a box in a table whose header row repeats on each page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TableRef {
    /// Index into [`Laid::headers`].
    pub(crate) header: usize,
    pub(crate) is_header: bool,
}

/// An unbreakable strip of the text column.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct VBox {
    pub(crate) height: f32,
    pub(crate) draws: Vec<Draw>,
    /// Never end a page after this box (headings, first line of a paragraph, …).
    pub(crate) keep_with_next: bool,
    /// Stronger than `keep_with_next`: even inside a run of kept boxes too
    /// long for a page, never the last box on a page (headings, table
    /// header rows, lead-in paragraphs).
    pub(crate) sticky: bool,
    pub(crate) mark: Option<Mark>,
    pub(crate) table: Option<TableRef>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum VItem {
    Box(VBox),
    /// Space between blocks: adjacent ones collapse to the largest, dropped at a page top.
    Space(f32),
    /// Explicit space ([`Block::Spacer`](super::Block::Spacer)): adds up, dropped at a page top.
    Spacer(f32),
    PageBreak,
}

/// The whole document as a vertical list.
#[derive(Debug, Default)]
pub(crate) struct Laid {
    pub(crate) items: Vec<VItem>,
    /// Table header rows, repeated at the top of continuation pages.
    pub(crate) headers: Vec<VBox>,
}

/// Appends the draws of a set line whose start is at `x` and baseline at `y`.
pub(crate) fn draw_line(line: &Line, x: f32, y: f32, size: f32, grey: f32, out: &mut Vec<Draw>) {
    for f in &line.frags {
        if f.text.trim().is_empty() {
            continue;
        }
        out.push(Draw::Text {
            x: x + f.x,
            y,
            face: f.face,
            size,
            text: f.text.clone(),
            grey,
        });
    }
}
