//! Compound documents: several parts in one file (a meeting pack), each
//! starting on a new page, with one page numbering through the whole file.
//!
//! A part is either blocks laid out by the engine (with its own running
//! header) or the pages of another PDF ([`ExternalPdf`]). Pages of the
//! second kind are laid out as footer-only pages first, so that the page
//! number on them is set, embedded and subset like any other text; the
//! other file's page is then drawn above that footer on the lopdf level.

use printpdf::PdfSaveOptions;

use super::error::PdfError;
use super::external::ExternalPdf;
use super::finish::{self, OutlineEntry};
use super::model::{Block, DocMeta, FooterStyle};
use super::paginate::{self, Page};
use super::style::PAGE_HEIGHT;
use super::{blocks, fonts, notes, render, Rendered};

/// A compound document.
#[derive(Debug, Clone)]
pub struct Compound {
    pub meta: DocMeta,
    /// The page number line, counting through all parts.
    pub footer: FooterStyle,
    pub parts: Vec<Part>,
}

/// One part of a [`Compound`], starting on a new page.
#[derive(Debug, Clone)]
pub struct Part {
    pub content: PartContent,
    /// Outline entries (title, level) pointing at the top of the part's
    /// first page, before the outline entries of its own headings.
    pub bookmarks: Vec<(String, u8)>,
    /// Added to the level of the part's own heading bookmarks, to nest them
    /// under `bookmarks`.
    pub nest: u8,
}

/// What a [`Part`] holds.
#[derive(Debug, Clone)]
pub enum PartContent {
    /// Blocks laid out by the engine; the running header is on every page of
    /// the part but its first (empty: none).
    Blocks {
        running_header: String,
        blocks: Vec<Block>,
    },
    /// The pages of another PDF, each on an A4 page (landscape for landscape
    /// pages), scaled down where needed to leave the footer zone free.
    Pdf(Box<ExternalPdf>),
}

/// Renders a compound document. Same input, same bytes.
pub fn render_compound(doc: &Compound) -> Result<Rendered, PdfError> {
    let fonts = fonts::fonts()?;
    let mut notes = notes::Notes::default();

    // Lay out every part; a merged file gets empty pages that will carry its footer.
    let mut pages: Vec<Page> = Vec::new();
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(doc.parts.len());
    for part in &doc.parts {
        let start = pages.len();
        match &part.content {
            PartContent::Blocks { blocks, .. } => {
                let laid = blocks::layout(blocks, fonts, &mut notes)?;
                let mut laid_pages = paginate::paginate(&laid);
                if laid_pages.is_empty() {
                    laid_pages.push(Page::default());
                }
                pages.extend(laid_pages);
            }
            PartContent::Pdf(pdf) => {
                pages.extend((0..pdf.page_count()).map(|_| Page::default()));
            }
        }
        ranges.push((start, pages.len() - start));
    }

    let total = pages.len();
    let mut outline = Vec::new();
    for (part, &(start, len)) in doc.parts.iter().zip(&ranges) {
        let header = match &part.content {
            PartContent::Blocks { running_header, .. } => running_header.as_str(),
            PartContent::Pdf(_) => "",
        };
        let slice = &mut pages[start..start + len];
        render::decorate_part(header, &doc.footer, slice, start, total, fonts, &mut notes);
        if len == 0 {
            continue;
        }
        let top = match &part.content {
            PartContent::Pdf(pdf) => pdf.target_size(0).1,
            PartContent::Blocks { .. } => PAGE_HEIGHT,
        };
        outline.extend(part.bookmarks.iter().map(|(title, level)| OutlineEntry {
            title: title.clone(),
            level: *level,
            page: start,
            top,
        }));
        for (i, page) in slice.iter().enumerate() {
            outline.extend(page.marks.iter().map(|(m, y)| OutlineEntry {
                title: m.title.clone(),
                level: m.level.saturating_add(part.nest),
                page: start + i,
                top: PAGE_HEIGHT - y,
            }));
        }
    }

    let pdf = render::to_printpdf(&doc.meta.title, &pages, fonts);
    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&opts, &mut warnings);
    for w in warnings {
        notes.backend(w.msg);
    }

    let page_ids: Vec<lopdf::ObjectId> = lo.page_iter().collect();
    if page_ids.len() != total {
        return Err(PdfError::Serialize(format!(
            "{} pages laid out but {} written",
            total,
            page_ids.len()
        )));
    }
    for (n, (part, &(start, len))) in doc.parts.iter().zip(&ranges).enumerate() {
        if let PartContent::Pdf(pdf) = &part.content {
            pdf.place(
                &mut lo,
                &page_ids[start..start + len],
                &format!("X{}p", n + 1),
            )?;
        }
    }

    let bytes = finish::finish(lo, &doc.meta, &outline)?;
    Ok(Rendered {
        bytes,
        page_count: total,
        notes: notes.into_vec(),
    })
}
