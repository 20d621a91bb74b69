//! Turns laid-out pages into printpdf pages: running header, footer, text,
//! rules and shading; registers the fonts under deterministic names.

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{
    Color, FontId, Greyscale, Line as PdfLine, LineCapStyle, LinePoint, Mm, Op, PaintMode,
    PdfDocument, PdfFont, PdfFontHandle, PdfPage, Point, Pt, Rect, TextItem, TextMatrix,
    WindingOrder,
};
use sha2::{Digest, Sha256};

use super::boxes::Draw;
use super::fonts::{Face, FontSet};
use super::model::{Document, FooterStyle};
use super::notes::Notes;
use super::paginate::Page;
use super::style::*;
use super::wrap::{wrap, Run};

/// Adds the running header (all pages but the first) and the footer to each page.
pub(crate) fn decorate(doc: &Document, pages: &mut [Page], fonts: &FontSet, notes: &mut Notes) {
    let total = pages.len();
    decorate_part(
        &doc.running_header,
        &doc.footer,
        pages,
        0,
        total,
        fonts,
        notes,
    );
}

/// Adds the running header (all of `pages` but the first) and the footer to
/// `pages`, a run of pages that starts at page index `first` of a file of
/// `total` pages (a part of a compound document, or a whole document).
pub(crate) fn decorate_part(
    running_header: &str,
    footer: &FooterStyle,
    pages: &mut [Page],
    first: usize,
    total: usize,
    fonts: &FontSet,
    notes: &mut Notes,
) {
    let header = header_text(running_header, fonts, notes);
    for (i, page) in pages.iter_mut().enumerate() {
        if i > 0 {
            if let Some(text) = &header {
                page.draws.push(Draw::Text {
                    x: TEXT_LEFT,
                    y: HEADER_BASELINE,
                    face: Face::Regular,
                    size: HEADER_SIZE,
                    text: text.clone(),
                    grey: MARGINALIA_GREY,
                });
                page.draws.push(Draw::HLine {
                    x1: TEXT_LEFT,
                    x2: TEXT_RIGHT,
                    y: HEADER_RULE,
                    width: 0.4,
                    grey: RULE_GREY,
                });
            }
        }
        let template = match footer {
            FooterStyle::Norwegian => "Side {x} av {y}",
            FooterStyle::English => "Page {x} of {y}",
            FooterStyle::Custom(t) => t.as_str(),
            FooterStyle::None => continue,
        };
        let text = template
            .replace("{x}", &(first + i + 1).to_string())
            .replace("{y}", &total.to_string());
        let text = fonts.prepare(Face::Regular, &text, notes);
        let line = wrap(
            fonts,
            &[Run {
                face: Face::Regular,
                text,
            }],
            FOOTER_SIZE,
            TEXT_WIDTH,
            notes,
        );
        if let Some(line) = line.first() {
            page.draws.push(Draw::Text {
                x: TEXT_LEFT + (TEXT_WIDTH - line.width) / 2.0,
                y: FOOTER_BASELINE,
                face: Face::Regular,
                size: FOOTER_SIZE,
                text: line.text(),
                grey: MARGINALIA_GREY,
            });
        }
    }
}

/// The running header, cut to one line with an ellipsis if too long.
fn header_text(running_header: &str, fonts: &FontSet, notes: &mut Notes) -> Option<String> {
    if running_header.trim().is_empty() {
        return None;
    }
    let text = fonts.prepare(Face::Regular, &running_header.replace('\n', " "), notes);
    let ellipsis = fonts.width(Face::Regular, "\u{2026}", HEADER_SIZE);
    let runs = [Run {
        face: Face::Regular,
        text,
    }];
    let lines = wrap(fonts, &runs, HEADER_SIZE, TEXT_WIDTH, notes);
    match lines.len() {
        0 => None,
        1 => Some(lines[0].text()),
        _ => {
            let short = wrap(fonts, &runs, HEADER_SIZE, TEXT_WIDTH - ellipsis, notes);
            Some(format!("{} \u{2026}", short[0].text().trim_end()))
        }
    }
}

/// Font resource names: six capital letters, used by printpdf as the subset
/// tag too. Derived from the glyphs each face prints, so they are stable
/// for a document and differ between different subsets.
pub(crate) fn font_tags(pages: &[Page]) -> BTreeMap<Face, String> {
    let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
    for page in pages {
        for d in &page.draws {
            if let Draw::Text { face, text, .. } = d {
                used.entry(*face).or_default().extend(text.chars());
            }
        }
    }
    used.into_iter()
        .map(|(face, chars)| {
            let mut h = Sha256::new();
            h.update(face.name().as_bytes());
            let s: String = chars.into_iter().collect();
            h.update(s.as_bytes());
            let digest = h.finalize();
            let tag: String = digest[..6]
                .iter()
                .map(|b| char::from(b'A' + b % 26))
                .collect();
            (face, tag)
        })
        .collect()
}

fn grey(g: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: g,
        icc_profile: None,
    })
}

fn pt(x: f32, y_down: f32) -> Point {
    Point {
        x: Pt(x),
        y: Pt(PAGE_HEIGHT - y_down),
    }
}

/// The printpdf document: fonts and pages (metadata is written later, on the lopdf level).
pub(crate) fn to_printpdf(title: &str, pages: &[Page], fonts: &FontSet) -> PdfDocument {
    let tags = font_tags(pages);
    let mut pdf = PdfDocument::new(title);
    for (face, tag) in &tags {
        pdf.resources.fonts.map.insert(
            FontId(tag.clone()),
            PdfFont::new(fonts.face(*face).parsed.clone()),
        );
    }
    pdf.pages = pages
        .iter()
        .map(|p| PdfPage::new(Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM), page_ops(p, &tags)))
        .collect();
    pdf
}

fn page_ops(page: &Page, tags: &BTreeMap<Face, String>) -> Vec<Op> {
    let mut ops = Vec::with_capacity(page.draws.len() * 3 + 8);
    // Shading under everything, then rules, then text.
    let mut fill: Option<f32> = None;
    for d in &page.draws {
        if let Draw::Fill {
            x,
            y,
            w,
            h,
            grey: g,
        } = d
        {
            if fill != Some(*g) {
                ops.push(Op::SetFillColor { col: grey(*g) });
                fill = Some(*g);
            }
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(*x),
                    y: Pt(PAGE_HEIGHT - y - h),
                    width: Pt(*w),
                    height: Pt(*h),
                    mode: Some(PaintMode::Fill),
                    winding_order: Some(WindingOrder::NonZero),
                },
            });
        }
    }
    let mut stroke: Option<(f32, f32)> = None;
    let mut cap_set = false;
    for d in &page.draws {
        let (a, b, width, g) = match d {
            Draw::HLine {
                x1,
                x2,
                y,
                width,
                grey,
            } => (pt(*x1, *y), pt(*x2, *y), *width, *grey),
            Draw::VLine {
                x,
                y1,
                y2,
                width,
                grey,
            } => (pt(*x, *y1), pt(*x, *y2), *width, *grey),
            _ => continue,
        };
        if !cap_set {
            ops.push(Op::SetLineCapStyle {
                cap: LineCapStyle::ProjectingSquare,
            });
            cap_set = true;
        }
        if stroke.map(|s| s.0) != Some(width) {
            ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        }
        if stroke.map(|s| s.1) != Some(g) {
            ops.push(Op::SetOutlineColor { col: grey(g) });
        }
        stroke = Some((width, g));
        ops.push(Op::DrawLine {
            line: PdfLine {
                points: vec![
                    LinePoint {
                        p: a,
                        bezier: false,
                    },
                    LinePoint {
                        p: b,
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }
    let mut in_text = false;
    let mut font: Option<(Face, f32)> = None;
    for d in &page.draws {
        let Draw::Text {
            x,
            y,
            face,
            size,
            text,
            grey: g,
        } = d
        else {
            continue;
        };
        if !in_text {
            ops.push(Op::StartTextSection);
            in_text = true;
        }
        if font != Some((*face, *size)) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(FontId(tags[face].clone())),
                size: Pt(*size),
            });
            font = Some((*face, *size));
        }
        if fill != Some(*g) {
            ops.push(Op::SetFillColor { col: grey(*g) });
            fill = Some(*g);
        }
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(*x), Pt(PAGE_HEIGHT - y)),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.clone())],
        });
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    ops
}
