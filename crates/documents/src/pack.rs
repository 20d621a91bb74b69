//! The meeting pack ("møtedokumenter"): the agenda, then per case in agenda order its memo and
//! its attached PDF files, in one file with one page numbering and a bookmark per case.
//!
//! Attachments that cannot be merged (not PDF, encrypted, damaged) or that have no stored file
//! are listed on a last page instead. In the public version an exempt case contributes only a
//! page with its number, "Unntatt offentlighet" and the legal basis: none of its memo, its
//! attachments, their titles or file names appear anywhere in the file.

use super::labels::Labels;
use super::memo::memo_blocks;
use super::{agenda, DocOptions, MeetingContext};
use crate::Result;
use quorum_record::model::{Attachment, Case};
use quorum_record::vocab::ItemKind;
use quorum_record::{Lang, Store};
use quorum_typeset::{
    Block, Cell, Column, ColumnWidth, Compound, ExternalPdf, ExternalPdfError, Part, PartContent,
    Row, Span, Table,
};

/// Why an attachment is not merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Skipped {
    NoFile,
    NotPdf,
    Encrypted,
    Unreadable,
}

impl Skipped {
    fn note(self, lang: Lang) -> &'static str {
        match self {
            Skipped::NoFile => lang.pick("Ingen fil lagret", "No file stored"),
            Skipped::NotPdf => lang.pick("Ikke PDF", "Not a PDF"),
            Skipped::Encrypted => lang.pick("Kryptert PDF", "Encrypted PDF"),
            Skipped::Unreadable => lang.pick("PDF-en kan ikke leses", "Unreadable PDF"),
        }
    }
}

/// An attachment left out of the merge, for the list at the end.
struct Unmerged {
    case_number: String,
    attachment: Attachment,
    why: Skipped,
}

pub(crate) fn build(store: &Store, meeting_id: &str, opts: DocOptions) -> Result<Compound> {
    let cx = MeetingContext::load(store, meeting_id, opts)?;
    let l = Labels::new(cx.lang);
    let agenda_doc = agenda::build(store, meeting_id, opts)?;
    let mut parts = vec![Part {
        content: PartContent::Blocks {
            running_header: agenda_doc.running_header,
            blocks: agenda_doc.blocks,
        },
        bookmarks: vec![(l.agenda_title().to_string(), 1)],
        nest: 1,
    }];
    let mut unmerged = Vec::new();
    for item in store
        .agenda(meeting_id)?
        .into_iter()
        .filter(|i| i.kind == ItemKind::Case)
    {
        let Some(case_id) = &item.case_id else {
            continue;
        };
        let case = store.case(case_id)?;
        parts.extend(case_parts(store, &cx, &l, &case, &mut unmerged)?);
    }
    if !unmerged.is_empty() {
        parts.push(Part {
            content: PartContent::Blocks {
                running_header: cx.running_header(),
                blocks: unmerged_blocks(&cx, &l, &unmerged),
            },
            bookmarks: Vec::new(),
            nest: 0,
        });
    }
    Ok(Compound {
        meta: cx.meta(
            format!(
                "{} – {} {}",
                l.pack_title(),
                cx.body_name,
                cx.meeting.number
            ),
            format!("{} {}, {}", l.meeting(), cx.meeting.number, cx.long_date()),
        ),
        footer: cx.footer(),
        parts,
    })
}

/// A memo is printed for a case marked as having one that has something beyond the header: a
/// memo section or earlier treatments (the proposal alone is already in the agenda).
fn has_memo(case: &Case) -> bool {
    let m = &case.memo;
    !case.no_memo
        && (![&m.purpose, &m.background, &m.questions, &m.process]
            .iter()
            .all(|s| s.trim().is_empty())
            || !case.links.is_empty())
}

/// The case's memo and attachments as parts; the first carries the case's bookmark.
fn case_parts(
    store: &Store,
    cx: &MeetingContext,
    l: &Labels,
    case: &Case,
    unmerged: &mut Vec<Unmerged>,
) -> Result<Vec<Part>> {
    let number = case.number.clone().unwrap_or_default();
    let hidden = cx.public && case.exempt;
    let case_mark = if hidden {
        format!("{} {number} {}", l.case(), l.exempt())
    } else {
        format!("{} {number} {}", l.case(), case.title)
    };
    let memo_part = |case_mark: String| Part {
        content: PartContent::Blocks {
            running_header: format!("{} · {} {number}", cx.running_header(), l.case()),
            blocks: memo_blocks_in_pack(cx, l, case),
        },
        bookmarks: vec![(case_mark, 1)],
        nest: 1,
    };
    if hidden {
        // Only the number, "Unntatt offentlighet" and the basis, and only where the case has papers.
        let has_papers = has_memo(case) || !case.attachments.is_empty();
        return Ok(if has_papers {
            vec![memo_part(case_mark)]
        } else {
            Vec::new()
        });
    }
    let mut parts = Vec::new();
    if has_memo(case) {
        parts.push(memo_part(case_mark.clone()));
    }
    for a in in_label_order(&case.attachments) {
        let (_, media_type, content) = store.attachment_content(&a.id)?;
        let pdf = match content {
            None => Err(Skipped::NoFile),
            Some(_) if declared_not_pdf(&media_type, &a.file_name) => Err(Skipped::NotPdf),
            Some(bytes) => ExternalPdf::parse(&bytes).map_err(|e| match e {
                ExternalPdfError::NotPdf => Skipped::NotPdf,
                ExternalPdfError::Encrypted => Skipped::Encrypted,
                ExternalPdfError::Unreadable(_) => Skipped::Unreadable,
            }),
        };
        match pdf {
            Ok(pdf) => {
                let mut bookmarks = Vec::new();
                if parts.is_empty() {
                    bookmarks.push((case_mark.clone(), 1));
                }
                bookmarks.push((format!("{} {}: {}", l.attachment(), a.label, a.title), 2));
                parts.push(Part {
                    content: PartContent::Pdf(Box::new(pdf)),
                    bookmarks,
                    nest: 0,
                });
            }
            Err(why) => unmerged.push(Unmerged {
                case_number: number.clone(),
                attachment: a.clone(),
                why,
            }),
        }
    }
    Ok(parts)
}

/// The memo's blocks; its bookmark is "Toppnotat", nested under the case's own.
fn memo_blocks_in_pack(cx: &MeetingContext, l: &Labels, case: &Case) -> Vec<Block> {
    let mut blocks = memo_blocks(cx, case);
    for b in &mut blocks {
        if let Block::Heading {
            bookmark: Some(mark),
            ..
        } = b
        {
            *mark = l.memo_title().to_string();
            break;
        }
    }
    blocks
}

/// Attachments by label as people read them: 2, 7, 7A, 10.
fn in_label_order(attachments: &[Attachment]) -> Vec<&Attachment> {
    let mut v: Vec<&Attachment> = attachments.iter().collect();
    v.sort_by_cached_key(|a| {
        let label = a.label.trim();
        let digits: String = label.chars().take_while(|c| c.is_ascii_digit()).collect();
        let n = if digits.is_empty() {
            u64::MAX
        } else {
            digits.parse::<u64>().unwrap_or(u64::MAX - 1)
        };
        (n, label[digits.len()..].to_lowercase())
    });
    v
}

/// The media type or the file name says the file is something else than a PDF.
fn declared_not_pdf(media_type: &str, file_name: &str) -> bool {
    let media = media_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let pdf_or_unknown = [
        "",
        "application/pdf",
        "application/x-pdf",
        "application/acrobat",
        "applications/vnd.pdf",
        "text/pdf",
        "text/x-pdf",
        "application/octet-stream",
        "binary/octet-stream",
    ];
    if !pdf_or_unknown.contains(&media.as_str()) {
        return true;
    }
    // An extension such as ".docx" or ".png" (not a version number such as "v1.2").
    let name = file_name.trim();
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => {
            (1..=5).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
                && ext.chars().any(|c| c.is_ascii_alphabetic())
                && !ext.eq_ignore_ascii_case("pdf")
        }
        _ => false,
    }
}

/// The last page: attachments that are not in this file, and why.
fn unmerged_blocks(cx: &MeetingContext, l: &Labels, unmerged: &[Unmerged]) -> Vec<Block> {
    let lang = cx.lang;
    let (no_file, other): (Vec<&Unmerged>, Vec<&Unmerged>) =
        unmerged.iter().partition(|u| u.why == Skipped::NoFile);
    let mut blocks = Vec::new();
    if !other.is_empty() {
        blocks.push(Block::heading(l.attachments_not_merged(), 1));
        blocks.push(Block::Paragraph(vec![Span::regular(lang.pick(
            "Disse vedleggene er lagret i møtet, men er ikke tatt med i denne filen. Hent dem fra sekretariatet eller fra møtet i Quorum.",
            "These attachments are stored with the meeting but are not part of this file. Get them from the secretariat or from the meeting in Quorum.",
        ))]));
        let rows = other
            .iter()
            .map(|u| {
                Row::text([
                    u.case_number.clone(),
                    u.attachment.label.clone(),
                    u.attachment.title.clone(),
                    u.attachment.file_name.clone(),
                    u.why.note(lang).to_string(),
                ])
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::auto(l.case()).with_width(ColumnWidth::Fixed(17.0)),
                Column::auto(l.attachment()).with_width(ColumnWidth::Fixed(19.0)),
                Column::auto(lang.pick("Tittel", "Title")),
                Column::auto(lang.pick("Filnavn", "File name"))
                    .with_width(ColumnWidth::Fraction(0.24)),
                Column::auto(lang.pick("Merknad", "Note")).with_width(ColumnWidth::Fraction(0.2)),
            ],
            rows,
        }));
    }
    if !no_file.is_empty() {
        blocks.push(Block::heading(
            lang.pick(
                "Vedlegg uten lagret fil",
                "Attachments without a stored file",
            ),
            1,
        ));
        blocks.push(Block::Paragraph(vec![Span::regular(lang.pick(
            "Disse vedleggene står på dagsordenen, men ingen fil er lagt inn i møtet.",
            "These attachments are on the agenda, but no file has been added to the meeting.",
        ))]));
        let rows = no_file
            .iter()
            .map(|u| Row {
                cells: vec![
                    Cell::text(u.case_number.clone()),
                    Cell::text(u.attachment.label.clone()),
                    Cell::text(u.attachment.title.clone()),
                ],
                ..Default::default()
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::auto(l.case()).with_width(ColumnWidth::Fixed(17.0)),
                Column::auto(l.attachment()).with_width(ColumnWidth::Fixed(19.0)),
                Column::auto(lang.pick("Tittel", "Title")),
            ],
            rows,
        }));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn att(label: &str) -> Attachment {
        Attachment {
            id: label.into(),
            label: label.into(),
            title: String::new(),
            file_name: String::new(),
            media_type: String::new(),
            size: 0,
        }
    }

    #[test]
    fn labels_sort_as_read() {
        let v = [att("10"), att("7A"), att("2"), att("7"), att("B")];
        let order: Vec<&str> = in_label_order(&v)
            .iter()
            .map(|a| a.label.as_str())
            .collect();
        assert_eq!(order, ["2", "7", "7A", "10", "B"]);
    }

    #[test]
    fn media_type_and_name_can_rule_out_pdf() {
        assert!(!declared_not_pdf("application/pdf", "a.pdf"));
        assert!(!declared_not_pdf("", ""));
        assert!(!declared_not_pdf(
            "application/octet-stream",
            "Rapport v1.2"
        ));
        assert!(!declared_not_pdf(
            "Application/PDF; charset=binary",
            "A.PDF"
        ));
        assert!(declared_not_pdf("image/png", "a.pdf"));
        assert!(declared_not_pdf("", "notat.docx"));
        assert!(!declared_not_pdf("", ".pdf"));
    }
}
