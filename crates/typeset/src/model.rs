//! The document model: what a document builder hands to [`render`](super::render).
//!
//! The model says *what* is on the pages, never *where*: fonts, sizes,
//! spacing, page breaks and column widths are decided by the engine.

use chrono::NaiveDateTime;

/// Document metadata, written to the PDF's Info dictionary and catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct DocMeta {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// BCP 47 language tag of the text, e.g. `"nb-NO"`; written as the catalog's `/Lang`.
    pub language: String,
    /// Creation (and modification) date. Take it from the record, not the
    /// clock, so that the same record always gives the same bytes.
    pub created: NaiveDateTime,
    pub keywords: Vec<String>,
}

/// A complete document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub meta: DocMeta,
    /// Small grey text at the top of every page but the first, e.g.
    /// `"Nasjonalt e-helseråd · Møte 4/2025"`. Empty: no running header.
    pub running_header: String,
    pub footer: FooterStyle,
    pub blocks: Vec<Block>,
}

/// The page number line at the bottom of every page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum FooterStyle {
    /// "Side 3 av 12"
    #[default]
    Norwegian,
    /// "Page 3 of 12"
    English,
    /// Own wording; `{x}` is replaced by the page number, `{y}` by the page count.
    Custom(String),
    /// No footer.
    None,
}

/// Typeface style of a [`Span`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Style {
    #[default]
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

/// A run of text in one style. A `'\n'` in the text is a hard line break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

impl Span {
    pub fn new(text: impl Into<String>, style: Style) -> Self {
        Span {
            text: text.into(),
            style,
        }
    }
    pub fn regular(text: impl Into<String>) -> Self {
        Self::new(text, Style::Regular)
    }
    pub fn bold(text: impl Into<String>) -> Self {
        Self::new(text, Style::Bold)
    }
    pub fn italic(text: impl Into<String>) -> Self {
        Self::new(text, Style::Italic)
    }
    pub fn bold_italic(text: impl Into<String>) -> Self {
        Self::new(text, Style::BoldItalic)
    }
}

/// A block of the document, laid out top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Large bold title, normally first on the first page.
    Title(String),
    /// Smaller line under the title.
    Subtitle(String),
    /// Section heading, level 1–3 (other values are clamped). Never the last
    /// thing on a page. With `bookmark`, it gets an entry (with that text) in
    /// the PDF outline, nested by level.
    Heading {
        text: String,
        level: u8,
        bookmark: Option<String>,
    },
    /// Body text. One ending in a colon ("Forslag til vedtak:") is kept on
    /// the page of the block after it.
    Paragraph(Vec<Span>),
    /// Bulleted list, one item per entry.
    Bullets(Vec<Vec<Span>>),
    /// Numbered list 1., 2., 3., …
    Numbered(Vec<Vec<Span>>),
    /// Label column and values, e.g. the "Dato / Sted / Medlemmer" head of an agenda.
    Fields(Vec<Field>),
    Table(Table),
    /// A thin horizontal rule across the text width.
    Rule,
    /// Vertical space in points (dropped at the top of a page).
    Spacer(f32),
    /// Start a new page (ignored where the page is still empty).
    PageBreak,
    /// Keep these blocks on one page where they fit on one.
    KeepTogether(Vec<Block>),
    /// A horizontal bar chart drawn as vector graphics (filled rectangles, no image).
    BarChart(BarChart),
}

/// One bar per entry, its length proportional to its value against the largest, the label
/// left of it and the value as given right of it. Kept on one page where it fits.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub bars: Vec<Bar>,
    /// Under the chart ("Figur 1: …").
    pub caption: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    /// Non-negative; what the bar's length is proportional to.
    pub value: f64,
    /// How the value is printed ("12", "12 %").
    pub shown: String,
}

impl Block {
    /// A paragraph of regular text.
    pub fn paragraph(text: impl Into<String>) -> Self {
        Block::Paragraph(vec![Span::regular(text)])
    }
    /// A heading whose outline entry has the heading's own text.
    pub fn heading(text: impl Into<String>, level: u8) -> Self {
        let text = text.into();
        Block::Heading {
            bookmark: Some(text.clone()),
            text,
            level,
        }
    }
}

/// One row of a [`Block::Fields`] block: a label and its value lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: String,
    pub values: Vec<String>,
    /// Set the values in two columns, left to right then down (long member lists).
    pub two_columns: bool,
}

impl Field {
    pub fn new(label: impl Into<String>, values: Vec<String>) -> Self {
        Field {
            label: label.into(),
            values,
            two_columns: false,
        }
    }
    pub fn single(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self::new(label, vec![value.into()])
    }
    pub fn two_columns(label: impl Into<String>, values: Vec<String>) -> Self {
        Field {
            two_columns: true,
            ..Self::new(label, values)
        }
    }
}

/// A table spanning the text width. The header row is repeated on every page
/// the table runs onto; a row is only split across pages when it is taller
/// than a page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// A table column: header text, width rule and alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub width: ColumnWidth,
    pub align: Align,
}

impl Column {
    /// A left-aligned column sized from its content.
    pub fn auto(header: impl Into<String>) -> Self {
        Column {
            header: header.into(),
            width: ColumnWidth::Auto,
            align: Align::Left,
        }
    }
    pub fn with_width(mut self, width: ColumnWidth) -> Self {
        self.width = width;
        self
    }
    pub fn with_align(mut self, align: Align) -> Self {
        self.align = align;
        self
    }
}

/// How wide a column is.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum ColumnWidth {
    /// From the content: at least the longest word, at most the full text,
    /// sharing the text width with the other columns.
    #[default]
    Auto,
    /// A fixed width in millimetres (clamped to the text width).
    Fixed(f32),
    /// A fraction (0–1) of the text width.
    Fraction(f32),
}

/// Horizontal alignment of a column's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// A table row. Missing trailing cells are empty.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub emphasis: RowEmphasis,
}

impl Row {
    /// A row of single-paragraph cells of regular text.
    pub fn text<S: Into<String>>(cells: impl IntoIterator<Item = S>) -> Self {
        Row {
            cells: cells.into_iter().map(Cell::text).collect(),
            emphasis: RowEmphasis::default(),
        }
    }
    pub fn with_emphasis(mut self, emphasis: RowEmphasis) -> Self {
        self.emphasis = emphasis;
        self
    }
}

/// Emphasis of a whole row, e.g. a break ("Pause", "Lunsj") in a timetable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RowEmphasis {
    /// All text of the row in bold.
    pub bold: bool,
    /// A light grey background.
    pub shaded: bool,
}

impl RowEmphasis {
    /// Bold and shaded: the usual look of a break row.
    pub const BREAK: RowEmphasis = RowEmphasis {
        bold: true,
        shaded: true,
    };
}

/// A table cell: paragraphs and bullet items, top to bottom.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub content: Vec<CellBlock>,
}

impl Cell {
    /// A cell holding one paragraph of regular text (none if `text` is empty).
    pub fn text(text: impl Into<String>) -> Self {
        let text = text.into();
        if text.is_empty() {
            return Cell::default();
        }
        Cell {
            content: vec![CellBlock::Paragraph(vec![Span::regular(text)])],
        }
    }
    pub fn spans(spans: Vec<Span>) -> Self {
        Cell {
            content: vec![CellBlock::Paragraph(spans)],
        }
    }
}

/// A paragraph or a bullet item inside a table cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellBlock {
    Paragraph(Vec<Span>),
    Bullet(Vec<Span>),
}
