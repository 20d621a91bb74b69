//! Page geometry and typographic constants: the house style in one place.
//!
//! All lengths are PDF points (1/72 inch) unless named `_MM`.

/// Millimetres to points.
pub(crate) const fn mm(v: f32) -> f32 {
    v * 72.0 / 25.4
}

/// A4 portrait.
pub(crate) const PAGE_WIDTH_MM: f32 = 210.0;
pub(crate) const PAGE_HEIGHT_MM: f32 = 297.0;
pub(crate) const PAGE_WIDTH: f32 = mm(PAGE_WIDTH_MM);
pub(crate) const PAGE_HEIGHT: f32 = mm(PAGE_HEIGHT_MM);

pub(crate) const MARGIN_LEFT: f32 = mm(25.0);
pub(crate) const MARGIN_RIGHT: f32 = mm(25.0);
pub(crate) const MARGIN_TOP: f32 = mm(25.0);
pub(crate) const MARGIN_BOTTOM: f32 = mm(22.0);

/// Left and right edge of the text column.
pub(crate) const TEXT_LEFT: f32 = MARGIN_LEFT;
pub(crate) const TEXT_RIGHT: f32 = PAGE_WIDTH - MARGIN_RIGHT;
pub(crate) const TEXT_WIDTH: f32 = TEXT_RIGHT - TEXT_LEFT;
/// Top and bottom of the body, measured down from the top of the page.
pub(crate) const BODY_TOP: f32 = MARGIN_TOP;
pub(crate) const BODY_BOTTOM: f32 = PAGE_HEIGHT - MARGIN_BOTTOM;
pub(crate) const BODY_HEIGHT: f32 = BODY_BOTTOM - BODY_TOP;

/// Running header: baseline and the thin rule under it (down from the top).
pub(crate) const HEADER_SIZE: f32 = 8.5;
pub(crate) const HEADER_BASELINE: f32 = mm(15.0);
pub(crate) const HEADER_RULE: f32 = mm(16.8);
/// Footer baseline, down from the top of the page.
pub(crate) const FOOTER_SIZE: f32 = 8.5;
pub(crate) const FOOTER_BASELINE: f32 = PAGE_HEIGHT - mm(12.0);

/// Grey levels (0 = black, 1 = white).
pub(crate) const BLACK: f32 = 0.0;
pub(crate) const MARGINALIA_GREY: f32 = 0.35;
pub(crate) const SUBTITLE_GREY: f32 = 0.25;
pub(crate) const RULE_GREY: f32 = 0.55;
pub(crate) const TABLE_RULE_GREY: f32 = 0.0;
pub(crate) const SHADE_GREY: f32 = 0.9;

/// Body text.
pub(crate) const BODY_SIZE: f32 = 11.0;
/// Line height as a multiple of the font size (Calibri's own line spacing).
pub(crate) const LEADING: f32 = 1.22;
pub(crate) const PARAGRAPH_AFTER: f32 = 6.0;

pub(crate) const TITLE_SIZE: f32 = 20.0;
pub(crate) const TITLE_AFTER: f32 = 4.0;
pub(crate) const SUBTITLE_SIZE: f32 = 13.0;
pub(crate) const SUBTITLE_AFTER: f32 = 14.0;

/// Heading size, space before and space after, by level 1–3.
pub(crate) const HEADING: [(f32, f32, f32); 3] =
    [(14.0, 16.0, 5.0), (12.0, 12.0, 4.0), (11.0, 10.0, 3.0)];

/// Lists: bullet position and text indent from the left edge.
pub(crate) const BULLET_X: f32 = mm(3.0);
pub(crate) const LIST_TEXT_X: f32 = mm(8.0);
pub(crate) const LIST_ITEM_GAP: f32 = 2.0;
pub(crate) const BULLET: char = '•';

/// Fields block.
pub(crate) const FIELD_LABEL_GAP: f32 = 12.0;
pub(crate) const FIELD_LABEL_MAX: f32 = TEXT_WIDTH * 0.32;
pub(crate) const FIELD_COLUMN_GAP: f32 = 12.0;
pub(crate) const FIELD_ROW_GAP: f32 = 3.0;
/// Hanging indent of wrapped entries in a list of values.
pub(crate) const FIELD_HANG: f32 = 9.0;

/// Tables.
pub(crate) const TABLE_SIZE: f32 = 10.5;
pub(crate) const CELL_PAD_X: f32 = 4.5;
pub(crate) const CELL_PAD_TOP: f32 = 3.0;
pub(crate) const CELL_PAD_BOTTOM: f32 = 3.5;
pub(crate) const CELL_PARA_GAP: f32 = 3.0;
pub(crate) const CELL_BULLET_GAP: f32 = 1.0;
pub(crate) const CELL_BULLET_INDENT: f32 = 9.0;
pub(crate) const TABLE_RULE_WIDTH: f32 = 0.5;
pub(crate) const TABLE_BEFORE: f32 = 6.0;
pub(crate) const TABLE_AFTER: f32 = 10.0;

/// Horizontal rule block.
pub(crate) const RULE_WIDTH: f32 = 0.5;
pub(crate) const RULE_SPACE: f32 = 8.0;
