//! Stored text → document blocks: paragraphs separated by blank lines, "- " or "• " lines as
//! bullets, "1. " lines as a numbered list. Nothing in user text is interpreted beyond that.

use crate::pdf::{Block, CellBlock, Span};

enum Part {
    Para(String),
    Bullet(String),
    Number(String),
}

fn parts(text: &str) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    let mut para = String::new();
    let flush = |para: &mut String, out: &mut Vec<Part>| {
        if !para.trim().is_empty() {
            out.push(Part::Para(std::mem::take(para).trim().to_string()));
        }
        para.clear();
    };
    for line in text.lines() {
        let l = line.trim();
        if l.is_empty() {
            flush(&mut para, &mut out);
        } else if let Some(rest) = l.strip_prefix("- ").or_else(|| l.strip_prefix("• ")) {
            flush(&mut para, &mut out);
            out.push(Part::Bullet(rest.trim().to_string()));
        } else if let Some(rest) = numbered(l) {
            flush(&mut para, &mut out);
            out.push(Part::Number(rest.to_string()));
        } else {
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(l);
        }
    }
    flush(&mut para, &mut out);
    out
}

/// "1. text" → "text" (one or two digits, a dot, a space).
fn numbered(l: &str) -> Option<&str> {
    let digits = l.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) && l[digits..].starts_with(". ") {
        Some(l[digits + 2..].trim())
    } else {
        None
    }
}

/// Blocks for a document body.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut bullets: Vec<Vec<Span>> = Vec::new();
    let mut numbers: Vec<Vec<Span>> = Vec::new();
    let flush =
        |out: &mut Vec<Block>, bullets: &mut Vec<Vec<Span>>, numbers: &mut Vec<Vec<Span>>| {
            if !bullets.is_empty() {
                out.push(Block::Bullets(std::mem::take(bullets)));
            }
            if !numbers.is_empty() {
                out.push(Block::Numbered(std::mem::take(numbers)));
            }
        };
    for p in parts(text) {
        match p {
            Part::Para(t) => {
                flush(&mut out, &mut bullets, &mut numbers);
                out.push(Block::paragraph(t));
            }
            Part::Bullet(t) => {
                if !numbers.is_empty() {
                    flush(&mut out, &mut bullets, &mut numbers);
                }
                bullets.push(vec![Span::regular(t)]);
            }
            Part::Number(t) => {
                if !bullets.is_empty() {
                    flush(&mut out, &mut bullets, &mut numbers);
                }
                numbers.push(vec![Span::regular(t)]);
            }
        }
    }
    flush(&mut out, &mut bullets, &mut numbers);
    out
}

/// Cell content for a table cell (numbered lines keep their number as text).
pub(crate) fn cell(text: &str) -> Vec<CellBlock> {
    parts(text)
        .into_iter()
        .map(|p| match p {
            Part::Para(t) => CellBlock::Paragraph(vec![Span::regular(t)]),
            Part::Bullet(t) => CellBlock::Bullet(vec![Span::regular(t)]),
            Part::Number(t) => CellBlock::Paragraph(vec![Span::regular(t)]),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_bullets_and_numbers() {
        let b = blocks("Første linje\nfortsetter.\n\n- en\n- to\nEtter.\n1. a\n2. b");
        assert_eq!(b.len(), 4);
        assert_eq!(b[0], Block::paragraph("Første linje fortsetter."));
        assert!(matches!(&b[1], Block::Bullets(v) if v.len() == 2));
        assert_eq!(b[2], Block::paragraph("Etter."));
        assert!(matches!(&b[3], Block::Numbered(v) if v.len() == 2));
    }

    #[test]
    fn markup_is_text() {
        let b = blocks("<img src=x onerror=alert(1)>");
        assert_eq!(b, vec![Block::paragraph("<img src=x onerror=alert(1)>")]);
    }
}
