//! Stored text → document blocks: paragraphs separated by blank lines, "- " or "• " lines as
//! bullets, "1. " lines as a numbered list. An indented line right under a list item belongs
//! to that item, on a line of its own ("   i) …" under "1. …"). Nothing in user text is
//! interpreted beyond that.

use quorum_typeset::{Block, CellBlock, Span};

enum Part {
    Para(String),
    Bullet(String),
    /// The number as written, and the text.
    Number(u32, String),
}

fn parts(text: &str) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    let mut para = String::new();
    // The line before was a list item (or a line of one): an indented line continues it.
    let mut in_item = false;
    let flush = |para: &mut String, out: &mut Vec<Part>| {
        if !para.trim().is_empty() {
            out.push(Part::Para(std::mem::take(para).trim().to_string()));
        }
        para.clear();
    };
    for line in text.lines() {
        let l = line.trim();
        let indented = line.starts_with(char::is_whitespace);
        if l.is_empty() {
            flush(&mut para, &mut out);
            in_item = false;
        } else if indented && in_item {
            // A sub-item keeps its own marker; a "- " sub-bullet is shown with a dash.
            let sub = match l.strip_prefix("- ") {
                Some(rest) => format!("– {}", rest.trim()),
                None => l.to_string(),
            };
            if let Some(Part::Bullet(t) | Part::Number(_, t)) = out.last_mut() {
                t.push('\n');
                t.push_str(&sub);
            }
        } else if let Some(rest) = l.strip_prefix("- ").or_else(|| l.strip_prefix("• ")) {
            flush(&mut para, &mut out);
            out.push(Part::Bullet(rest.trim().to_string()));
            in_item = true;
        } else if let Some((n, rest)) = numbered(l) {
            flush(&mut para, &mut out);
            out.push(Part::Number(n, rest.to_string()));
            in_item = true;
        } else {
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(l);
            in_item = false;
        }
    }
    flush(&mut para, &mut out);
    out
}

/// "1. text" → (1, "text") (one or two digits, a dot, a space).
fn numbered(l: &str) -> Option<(u32, &str)> {
    let digits = l.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) && l[digits..].starts_with(". ") {
        Some((l[..digits].parse().ok()?, l[digits + 2..].trim()))
    } else {
        None
    }
}

/// Blocks for a document body.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut bullets: Vec<Vec<Span>> = Vec::new();
    let mut numbers: Vec<(u32, String)> = Vec::new();
    let flush =
        |out: &mut Vec<Block>, bullets: &mut Vec<Vec<Span>>, numbers: &mut Vec<(u32, String)>| {
            if !bullets.is_empty() {
                out.push(Block::Bullets(std::mem::take(bullets)));
            }
            if !numbers.is_empty() {
                let numbers = std::mem::take(numbers);
                // The engine numbers a list 1, 2, 3 …: a list numbered otherwise ("3." after a
                // paragraph, "1., 3.") keeps the author's numbers as text.
                if numbers.iter().zip(1..).all(|((n, _), i)| *n == i) {
                    out.push(Block::Numbered(
                        numbers
                            .into_iter()
                            .map(|(_, t)| vec![Span::regular(t)])
                            .collect(),
                    ));
                } else {
                    out.extend(
                        numbers
                            .into_iter()
                            .map(|(n, t)| Block::paragraph(format!("{n}. {t}"))),
                    );
                }
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
            Part::Number(n, t) => {
                if !bullets.is_empty() {
                    flush(&mut out, &mut bullets, &mut numbers);
                }
                numbers.push((n, t));
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
            Part::Number(n, t) => CellBlock::Paragraph(vec![Span::regular(format!("{n}. {t}"))]),
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
    fn indented_lines_under_an_item_belong_to_it() {
        let b = blocks("1. Første\n   i) under\n   ii) også\n2. Andre\n   - strek\n\nEtter.");
        assert_eq!(
            b[0],
            Block::Numbered(vec![
                vec![Span::regular("Første\ni) under\nii) også")],
                vec![Span::regular("Andre\n– strek")],
            ])
        );
        assert_eq!(b[1], Block::paragraph("Etter."));
        // An indented line after a paragraph is part of the paragraph.
        assert_eq!(
            blocks("Tekst\n  videre"),
            vec![Block::paragraph("Tekst videre")]
        );
    }

    #[test]
    fn lists_not_numbered_from_one_keep_their_numbers() {
        let b = blocks("Innledning.\n\n3. tredje\n4. fjerde");
        assert_eq!(
            b,
            vec![
                Block::paragraph("Innledning."),
                Block::paragraph("3. tredje"),
                Block::paragraph("4. fjerde"),
            ]
        );
        assert_eq!(
            cell("1. a\n2. b"),
            vec![
                CellBlock::Paragraph(vec![Span::regular("1. a")]),
                CellBlock::Paragraph(vec![Span::regular("2. b")]),
            ]
        );
    }

    // Found by the richtext fuzz target (fuzz/corpus/richtext): a dash in running text is a
    // word of the paragraph; only "- " at the start of a line is a bullet.
    #[test]
    fn a_dash_inside_a_line_is_text() {
        assert_eq!(
            blocks("Rapport – Digital oppfølging. A - B"),
            vec![Block::paragraph("Rapport – Digital oppfølging. A - B")]
        );
        assert_eq!(
            blocks("- en - to\n  - under"),
            vec![Block::Bullets(vec![vec![Span::regular(
                "en - to\n– under"
            )]])]
        );
    }

    #[test]
    fn markup_is_text() {
        let b = blocks("<img src=x onerror=alert(1)>");
        assert_eq!(b, vec![Block::paragraph("<img src=x onerror=alert(1)>")]);
    }
}
