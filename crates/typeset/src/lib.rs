//! The typesetting engine: lays out a [`Document`] (agenda, case memo,
//! minutes) on A4 pages and writes it as a PDF.
//!
//! Text is set in Carlito (metric-compatible with Calibri), embedded and
//! subset. Layout is done here, from the font's glyph advances; printpdf only
//! writes the result. The same [`Document`] always gives the same bytes.
//!
//! Pipeline, one module per step:
//! `model` (what the builders hand in) → `fonts` (embedded faces, advances,
//! replacement of what the font lacks) → `wrap` (line breaking) → `blocks` and
//! `table` (blocks to a vertical list of unbreakable boxes, `boxes`) →
//! `paginate` (pages: keep-with-next, widows and orphans, repeated table
//! headers) → `render` (running header, footer, printpdf operations) →
//! `finish` (Info, `/Lang`, outline, document ID on the lopdf level).
//! `compose` puts several documents and the pages of other PDF files
//! (`external`) into one file with one page numbering (the meeting pack).
//! Page geometry and sizes live in `style`.
//!
//! ```no_run
//! use quorum_typeset::*;
//! # fn main() -> Result<(), PdfError> {
//! let doc = Document {
//!     meta: DocMeta {
//!         title: "Møteinnkalling".into(),
//!         author: "Sekretariatet".into(),
//!         subject: "Møte 4/2025".into(),
//!         language: "nb-NO".into(),
//!         created: chrono::NaiveDate::from_ymd_opt(2025, 12, 1)
//!             .unwrap()
//!             .and_hms_opt(9, 0, 0)
//!             .unwrap(),
//!         keywords: vec![],
//!     },
//!     running_header: "Nasjonalt e-helseråd · Møte 4/2025".into(),
//!     footer: FooterStyle::Norwegian,
//!     blocks: vec![
//!         Block::Title("Møteinnkalling".into()),
//!         Block::heading("Sak 1/25 Godkjenning av innkalling", 1),
//!         Block::paragraph("Innkallingen godkjennes."),
//!     ],
//! };
//! let bytes = render(&doc)?;
//! # let _ = bytes; Ok(()) }
//! ```

mod blocks;
mod boxes;
mod chart;
mod compose;
mod error;
mod external;
mod finish;
mod fonts;
mod model;
mod notes;
mod paginate;
mod render;
mod style;
mod table;
mod wrap;

pub use compose::{render_compound, Compound, Part, PartContent};
pub use error::PdfError;
pub use external::{ExternalPdf, ExternalPdfError};
pub use model::{
    Align, Bar, BarChart, Block, Cell, CellBlock, Column, ColumnWidth, DocMeta, Document, Field,
    FooterStyle, Row, RowEmphasis, Span, Style, Table,
};
pub use notes::RenderNote;

use printpdf::PdfSaveOptions;

/// A rendered document with what the engine had to improvise.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub page_count: usize,
    pub notes: Vec<RenderNote>,
}

/// Renders `doc` to PDF bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    render_with_report(doc).map(|r| r.bytes)
}

/// Renders `doc` and reports the page count and any [`RenderNote`]s
/// (replaced glyphs, broken words, split table rows).
pub fn render_with_report(doc: &Document) -> Result<Rendered, PdfError> {
    let fonts = fonts::fonts()?;
    let mut notes = notes::Notes::default();
    let laid = blocks::layout(&doc.blocks, fonts, &mut notes)?;
    let mut pages = paginate::paginate(&laid);
    render::decorate(doc, &mut pages, fonts, &mut notes);

    let outline: Vec<finish::OutlineEntry> = pages
        .iter()
        .enumerate()
        .flat_map(|(p, page)| {
            page.marks.iter().map(move |(m, y)| finish::OutlineEntry {
                title: m.title.clone(),
                level: m.level,
                page: p,
                top: style::PAGE_HEIGHT - y,
            })
        })
        .collect();

    let pdf = render::to_printpdf(&doc.meta.title, &pages, fonts);
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let lo = pdf.to_lopdf_document(&opts, &mut warnings);
    for w in warnings {
        notes.backend(w.msg);
    }
    let bytes = finish::finish(lo, &doc.meta, &outline)?;
    Ok(Rendered {
        bytes,
        page_count: pages.len(),
        notes: notes.into_vec(),
    })
}
