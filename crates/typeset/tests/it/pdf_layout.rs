//! Layout tests of the PDF engine, checked with poppler-utils and qpdf
//! (`make test` installs them): text and its order, fonts, metadata,
//! determinism, margins, pagination rules, and hostile content.

use crate::samples as pdf_samples;

use std::path::{Path, PathBuf};

use pdf_samples::{agenda, doc};
use quorum_pdfcheck::*;
use quorum_typeset::*;

// ---------------------------------------------------------------- helpers

struct Rendered {
    _dir: tempfile::TempDir,
    path: PathBuf,
    report: quorum_typeset::Rendered,
}

fn render_file(d: &Document) -> Rendered {
    let report = render_with_report(d).expect("render");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, &report.bytes).unwrap();
    Rendered {
        _dir: dir,
        path,
        report,
    }
}

/// Asserts that `needles` occur in `hay` in this order.
fn assert_in_order(hay: &str, needles: &[&str]) {
    let mut at = 0;
    for n in needles {
        match hay[at..].find(n) {
            Some(i) => at += i + n.len(),
            None => panic!("{n:?} missing or out of order after byte {at}; text was:\n{hay}"),
        }
    }
}

fn assert_sound(r: &Rendered) {
    qpdf_check(&r.path);
    assert_inside_margins(&r.path);
    assert_eq!(page_count(&r.path), r.report.page_count);
    assert_fonts_embedded_and_subset(&r.path);
}

/// Embedded and subset (pdfcheck), and every font is a Carlito subset with its six-letter tag.
fn assert_fonts_embedded_and_subset(path: &Path) {
    assert_fonts_embedded(path);
    for (name, _, _) in fonts(path) {
        let tag = name.split('+').next().unwrap();
        assert!(
            name.contains('+') && tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "subset tag: {name}"
        );
        assert!(name.contains("Carlito"), "{name}");
    }
}

fn meta_doc(blocks: Vec<Block>) -> Document {
    doc("Testdokument", blocks)
}

/// Deterministic filler words (with Norwegian letters).
fn words_text(n: usize, seed: usize) -> String {
    const W: [&str; 16] = [
        "rådet",
        "behandlet",
        "saken",
        "og",
        "vedtok",
        "følgende",
        "innstilling",
        "til",
        "kommunene",
        "om",
        "økonomi",
        "i",
        "helsetjenesten",
        "på",
        "møtet",
        "år",
    ];
    (0..n)
        .map(|i| W[(i * 7 + seed * 3 + i / 5) % W.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

// ------------------------------------------------------------------ tests

#[test]
fn agenda_text_is_complete_and_in_order() {
    let r = render_file(&agenda());
    assert_sound(&r);
    assert!(r.report.notes.is_empty(), "{:?}", r.report.notes);
    // The two member columns are drawn one after the other: extraction reads the list in order.
    let raw = tool("pdftotext", &["-enc", "UTF-8", "-raw", p(&r.path), "-"]);
    assert_in_order(
        &raw,
        &[
            "Kari Nordmann",
            "Ola Hansen",
            "Ingrid Æsøy",
            "Per Ødegård",
            "Åse Lie",
            "Jørgen Bråten",
            "Siri Håkonsen",
            "Tor Eriksen",
        ],
    );
    let t = layout(&r.path);
    assert_in_order(
        &t,
        &[
            "Møteinnkalling",
            "Nasjonalt e-helseråd – møte 4/2025",
            "Dato",
            "Torsdag 11. desember 2025",
            "Tid",
            "Kl. 09.00–15.00",
            "Sted",
            "møterom «Fjorden»",
            "Medlemmer",
            "Kari Nordmann",
            // Two columns as the source documents set them: the first half down the left
            // column, so the fifth member stands beside the first.
            "Åse Lie, Helse Sør-Øst RHF",
            "Ola Hansen, Helsedirektoratet",
            "Sekretariat",
            "Jonas Berg",
            "Saksliste",
            "Sak",
            "Agenda",
            "Tidspunkt",
            "Sakstype",
            "Velkommen og innledning ved leder",
            "09.00–09.15",
            "36/25",
            "Godkjenning av innkalling og saksliste",
            "Beslutningssak",
            "38/25",
            "Drøftingssak",
            "Pause",
            "10.30–10.45",
            "39/25",
            "«SNOMED CT»",
            "Lunsj",
            "40/25",
            "Eventuelt",
            "• Møteplan for 2026",
            "• Innspill til neste møte",
            "Sak 38/25 Nasjonal e-helseportefølje",
            "Direktoratet for e-helse orienterer",
            "Forslag til vedtak:",
            "• Nasjonalt e-helseråd tar orienteringen til etterretning.",
            "Sak 39/25 Felles språk og terminologi",
            "Sak 40/25 Eventuelt",
            "Vennlig hilsen",
            "Kari Nordmann",
            "leder, Nasjonalt e-helseråd",
        ],
    );
}

#[test]
fn header_on_pages_after_the_first_and_footer_on_all() {
    let r = render_file(&agenda());
    let n = page_count(&r.path);
    assert!(n >= 2, "the sample agenda runs onto a second page");
    for page in 1..=n {
        let t = page_layout(&r.path, page);
        assert_eq!(
            t.matches("Nasjonalt e-helseråd · Møte 4/2025").count(),
            usize::from(page > 1),
            "running header on page {page}:\n{t}"
        );
        assert!(
            t.contains(&format!("Side {page} av {n}")),
            "footer on page {page}"
        );
    }
}

#[test]
fn same_document_gives_identical_bytes_and_its_own_id() {
    let a = render(&agenda()).unwrap();
    let b = render(&agenda()).unwrap();
    assert!(a == b, "two renderings of the same document differ");

    let id = |bytes: &[u8]| {
        let doc = lopdf::Document::load_mem(bytes).unwrap();
        let ids = doc.trailer.get(b"ID").unwrap().as_array().unwrap().clone();
        let first = ids[0].as_str().unwrap().to_vec();
        assert_eq!(first.len(), 16);
        assert_ne!(first, vec![0u8; 16], "placeholder left in the ID");
        first
    };
    let mut other = agenda();
    other.blocks.push(Block::paragraph("Ett avsnitt til."));
    let c = render(&other).unwrap();
    assert_eq!(id(&a), id(&b));
    assert_ne!(
        id(&a),
        id(&c),
        "a different document must get a different ID"
    );
}

#[test]
fn metadata_language_and_dates_are_written() {
    let r = render_file(&agenda());
    let info = tool("pdfinfo", &["-isodates", p(&r.path)]);
    for expected in [
        "Title:           Møteinnkalling – Nasjonalt e-helseråd møte 4/2025",
        "Author:          Sekretariatet for Nasjonalt e-helseråd",
        "Subject:         Møte 4/2025",
        "Keywords:        e-helse, møteinnkalling",
        "CreationDate:    2025-11-27T14:30:00",
        "ModDate:         2025-11-27T14:30:00",
    ] {
        assert!(info.contains(expected), "{expected:?} not in:\n{info}");
    }
    let doc = lopdf::Document::load_mem(&r.report.bytes).unwrap();
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"nb-NO");
}

/// Page number (1-based) of every outline entry, depth first, with its level.
fn outline(bytes: &[u8]) -> Vec<(String, usize, usize)> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let pages: std::collections::BTreeMap<lopdf::ObjectId, u32> =
        doc.get_pages().into_iter().map(|(n, id)| (id, n)).collect();
    let root = doc
        .catalog()
        .unwrap()
        .get(b"Outlines")
        .unwrap()
        .as_reference()
        .unwrap();
    let mut out = Vec::new();
    fn walk(
        doc: &lopdf::Document,
        pages: &std::collections::BTreeMap<lopdf::ObjectId, u32>,
        first: Option<lopdf::ObjectId>,
        depth: usize,
        out: &mut Vec<(String, usize, usize)>,
    ) {
        let mut cur = first;
        while let Some(id) = cur {
            let d = doc.get_dictionary(id).unwrap();
            let title = d.get(b"Title").unwrap().as_str().unwrap();
            let units: Vec<u16> = title[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            let dest = d.get(b"Dest").unwrap().as_array().unwrap();
            let page = pages[&dest[0].as_reference().unwrap()] as usize;
            out.push((String::from_utf16(&units).unwrap(), page, depth));
            let child = d.get(b"First").ok().map(|o| o.as_reference().unwrap());
            walk(doc, pages, child, depth + 1, out);
            cur = d.get(b"Next").ok().map(|o| o.as_reference().unwrap());
        }
    }
    let first = doc
        .get_dictionary(root)
        .unwrap()
        .get(b"First")
        .unwrap()
        .as_reference()
        .unwrap();
    walk(&doc, &pages, Some(first), 1, &mut out);
    out
}

#[test]
fn bookmarks_are_nested_and_point_to_their_pages() {
    let mut blocks = Vec::new();
    for s in 1..=4 {
        blocks.push(Block::heading(format!("Kapittel {s}"), 1));
        for u in 1..=3 {
            blocks.push(Block::heading(format!("Punkt {s}.{u}"), 2));
            blocks.push(Block::paragraph(words_text(180, s * 10 + u)));
        }
    }
    blocks.push(Block::Heading {
        text: "Uten bokmerke".into(),
        level: 1,
        bookmark: None,
    });
    let r = render_file(&meta_doc(blocks));
    assert_sound(&r);
    let entries = outline(&r.report.bytes);
    assert_eq!(entries.len(), 16, "{entries:?}");
    assert!(entries.iter().all(|e| e.0 != "Uten bokmerke"));
    for (title, page, depth) in &entries {
        assert_eq!(*depth, if title.starts_with("Kapittel") { 1 } else { 2 });
        assert!(
            page_layout(&r.path, *page).contains(title.as_str()),
            "bookmark {title:?} points to page {page}, where the heading is not"
        );
    }
    assert!(
        entries.last().unwrap().1 > 1,
        "the test document spans pages"
    );
}

#[test]
fn headings_never_end_a_page() {
    // Headings followed by paragraphs of varying length, so that headings
    // fall near page ends in many positions.
    let mut blocks = Vec::new();
    for i in 0..60 {
        blocks.push(Block::heading(format!("Overskrift {i}"), 1 + (i % 3) as u8));
        blocks.push(Block::paragraph(words_text(8 + (i * 37) % 90, i)));
    }
    let r = render_file(&meta_doc(blocks));
    assert_sound(&r);
    let n = page_count(&r.path);
    assert!(n >= 4);
    for page in 1..=n {
        let t = page_layout(&r.path, page);
        let body: Vec<&str> = t
            .lines()
            .map(str::trim)
            .filter(|l| {
                !l.is_empty() && !l.starts_with("Side ") && !l.starts_with("Nasjonalt e-helseråd ·")
            })
            .collect();
        let last = body.last().unwrap();
        assert!(
            !last.starts_with("Overskrift"),
            "page {page} ends with a heading: {last:?}"
        );
    }
}

#[test]
fn lead_in_paragraph_stays_with_its_list() {
    let mut blocks = vec![Block::paragraph(words_text(40, 1))];
    // Fill the page so that the lead-in would land on its last line.
    for i in 0..200 {
        blocks.clear();
        blocks.push(Block::paragraph(words_text(i * 4, 2)));
        blocks.push(Block::Paragraph(vec![Span::bold("Forslag til vedtak:")]));
        blocks.push(Block::Bullets(vec![vec![Span::regular(
            "Saken tas til orientering.",
        )]]));
        let d = meta_doc(blocks.clone());
        let r = render_with_report(&d).unwrap();
        if r.page_count == 2 {
            let f = render_file(&d);
            let page2 = page_layout(&f.path, 2);
            assert!(page2.contains("Saken tas til orientering."));
            if !page2.contains("Forslag til vedtak:") {
                let page1 = page_layout(&f.path, 1);
                assert!(page1.contains("Forslag til vedtak:"));
                assert!(
                    page1.contains("Saken tas til orientering."),
                    "lead-in left alone"
                );
            }
            return;
        }
    }
    panic!("never reached a second page");
}

fn timetable(rows: usize) -> Table {
    Table {
        columns: vec![
            Column::auto("Sak"),
            Column::auto("Agenda"),
            Column::auto("Tidspunkt"),
            Column::auto("Sakstype"),
        ],
        rows: (0..rows)
            .map(|i| {
                let r = Row::text([
                    format!("{}/25", i + 1),
                    format!(
                        "Rad{i}start {} Rad{i}slutt",
                        words_text(3 + (i * 13) % 40, i)
                    ),
                    format!("{:02}.{:02}", 9 + i / 4 % 10, (i % 4) * 15),
                    "Orienteringssak".to_string(),
                ]);
                if i % 25 == 24 {
                    r.with_emphasis(RowEmphasis::BREAK)
                } else {
                    r
                }
            })
            .collect(),
    }
}

#[test]
fn table_header_repeats_on_every_page_and_rows_stay_whole() {
    let r = render_file(&meta_doc(vec![
        Block::Title("Tabell med 300 rader".into()),
        Block::Table(timetable(300)),
        Block::paragraph("Slutt."),
    ]));
    assert_sound(&r);
    let n = page_count(&r.path);
    assert!(n >= 8, "300 rows should take many pages, got {n}");
    let mut row_pages = vec![Vec::new(); 300];
    for page in 1..=n {
        let t = page_layout(&r.path, page);
        let headers = t
            .lines()
            .filter(|l| {
                let c: Vec<&str> = l.split_whitespace().collect();
                c == ["Sak", "Agenda", "Tidspunkt", "Sakstype"]
            })
            .count();
        let has_rows = t.contains("Orienteringssak");
        assert_eq!(
            headers,
            usize::from(has_rows),
            "header rows on page {page}:\n{t}"
        );
        for (i, pages) in row_pages.iter_mut().enumerate() {
            for marker in [format!("Rad{i}start"), format!("Rad{i}slutt")] {
                if t.split_whitespace().any(|w| w == marker) {
                    pages.push(page);
                }
            }
        }
    }
    for (i, pages) in row_pages.iter().enumerate() {
        assert_eq!(pages.len(), 2, "row {i} markers: {pages:?}");
        assert_eq!(pages[0], pages[1], "row {i} split across pages");
    }
    // Rows in order.
    let t = text(&r.path);
    let order: Vec<String> = (0..300).map(|i| format!("Rad{i}start")).collect();
    assert_in_order(&t, &order.iter().map(String::as_str).collect::<Vec<_>>());
}

#[test]
fn a_row_taller_than_a_page_is_split_without_overflow() {
    let mut t = timetable(3);
    t.rows[1].cells[1] = Cell::text(format!("Lang start {} lang slutt", words_text(2500, 9)));
    let r = render_file(&meta_doc(vec![Block::Table(t)]));
    assert_sound(&r);
    assert!(r.report.page_count >= 3);
    assert!(r
        .report
        .notes
        .iter()
        .any(|n| matches!(n, RenderNote::RowSplit { table: 0, row: 1 })));
    let all = text(&r.path);
    assert_in_order(
        &all,
        &["Rad0start", "Lang start", "lang slutt", "Rad2start"],
    );
}

#[test]
fn hostile_long_paragraph_and_long_words() {
    let long_word: String = "Sjøtrafikksentral".repeat(12).chars().take(200).collect();
    assert_eq!(long_word.chars().count(), 200);
    let r = render_file(&meta_doc(vec![
        Block::Title(long_word.clone()),
        Block::paragraph(words_text(10_000, 3)),
        Block::paragraph(format!("Før {long_word} etter")),
        Block::Bullets(vec![vec![Span::regular(long_word.clone())]]),
        Block::Fields(vec![Field::single(long_word.clone(), long_word.clone())]),
    ]));
    assert_sound(&r);
    assert!(r.report.page_count > 10);
    assert!(r
        .report
        .notes
        .iter()
        .any(|n| matches!(n, RenderNote::WordBroken { .. })));
    // The long word survives intact, only broken over lines.
    let joined: String = text(&r.path).split_whitespace().collect();
    assert!(joined.contains(&format!("Før{long_word}etter")));
}

#[test]
fn hostile_table_cell_with_a_200_character_word() {
    let long_word: String = "abcdefghijæøå".repeat(20).chars().take(200).collect();
    let mut t = timetable(4);
    t.rows[2].cells[1] = Cell::text(format!("Før {long_word} etter"));
    t.rows[3].cells[3] = Cell::text(long_word.clone());
    let r = render_file(&meta_doc(vec![Block::Table(t)]));
    assert_sound(&r);
    let joined: String = text(&r.path).split_whitespace().collect();
    assert!(joined.contains("Rad0start"));
    // Every letter of the word is printed.
    let count = |s: &str| s.chars().filter(|c| *c == 'æ').count();
    assert!(count(&joined) >= 2 * count(&long_word));
}

#[test]
fn hostile_scripts_emoji_and_marks_do_not_panic() {
    let r = render_file(&meta_doc(vec![
        Block::heading("Emoji 👍🏽 og 🇳🇴 i overskrift", 1),
        Block::paragraph("Møtet var 👍 bra 😀😀😀 – 👨‍👩‍👧 familie".to_string()),
        Block::paragraph("العربية نص من اليمين إلى اليسار مع أرقام 123".to_string()),
        Block::paragraph("עברית טקסט מימין לשמאל".to_string()),
        Block::paragraph(
            "Kombinerte tegn: e\u{0301} a\u{030A} q\u{0303}\u{0323} x\u{20DD}".to_string(),
        ),
        Block::paragraph(
            "Kontrolltegn:\u{0007}\u{001B} tab\tog\u{00AD}myk bindestrek, NBSP kl.\u{00A0}10.00"
                .to_string(),
        ),
        Block::Table(Table {
            columns: vec![Column::auto("Emoji 🙂"), Column::auto("שלום")],
            rows: vec![Row::text([
                "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂",
                "مرحبا",
            ])],
        }),
        Block::Paragraph(vec![Span::bold_italic("\u{1F600}".repeat(300))]),
    ]));
    assert_sound(&r);
    let replaced: usize = r
        .report
        .notes
        .iter()
        .filter_map(|n| match n {
            RenderNote::GlyphReplaced { count, .. } => Some(*count),
            _ => None,
        })
        .sum();
    assert!(
        replaced > 300,
        "replacements recorded: {:?}",
        r.report.notes
    );
    let t = text(&r.path);
    assert_in_order(
        &t,
        &[
            "Emoji □ og □ i overskrift",
            "Møtet var □ bra □□□",
            "123",
            "é å",
            "tab ogmyk bindestrek",
            "kl. 10.00",
        ],
    );
}

#[test]
fn fields_with_sixty_members_in_two_columns() {
    let members: Vec<String> = (1..=60)
        .map(|i| format!("Medlem{i} Ødegård-Åsheim, Helse Sør-Øst RHF"))
        .collect();
    let r = render_file(&meta_doc(vec![
        Block::Title("Medlemmer".into()),
        Block::Fields(vec![
            Field::single("Dato", "11. desember 2025"),
            Field::two_columns("Medlemmer", members),
            Field::single("Forfall", "Ingen"),
        ]),
    ]));
    assert_sound(&r);
    let t = text(&r.path);
    let joined: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
    for i in 1..=60 {
        assert!(
            joined.contains(&format!("Medlem{i} ")),
            "member {i} missing"
        );
    }
    // Two columns: members 1 and 2 share a line.
    let lt = layout(&r.path);
    assert!(lt
        .lines()
        .any(|l| l.contains("Medlem1 ") && l.contains("Medlem2 ")));
    assert_in_order(&t, &["Dato", "Medlemmer", "Forfall", "Ingen"]);
}

#[test]
fn empty_and_degenerate_documents_render() {
    let r = render_file(&meta_doc(vec![]));
    qpdf_check(&r.path);
    assert_eq!(r.report.page_count, 1);
    let r = render_file(&meta_doc(vec![
        Block::PageBreak,
        Block::Paragraph(vec![]),
        Block::paragraph(""),
        Block::Spacer(f32::NAN),
        Block::Spacer(1.0e9),
        Block::Bullets(vec![vec![]]),
        Block::Numbered(
            (0..120)
                .map(|i| vec![Span::regular(format!("Punkt {i}"))])
                .collect(),
        ),
        Block::Table(Table {
            columns: vec![Column::auto("")],
            rows: vec![Row::default(), Row::text(["x"])],
        }),
        Block::Heading {
            text: "Nivå 9".into(),
            level: 9,
            bookmark: Some("Nivå 9".into()),
        },
        Block::KeepTogether(vec![]),
        Block::PageBreak,
        Block::PageBreak,
        Block::Rule,
    ]));
    assert_sound(&r);
    assert!(text(&r.path).contains("119."));
}

#[test]
fn malformed_tables_are_errors() {
    let no_columns = meta_doc(vec![Block::Table(Table::default())]);
    assert!(matches!(
        render(&no_columns),
        Err(PdfError::EmptyTable { table: 0 })
    ));
    let too_many = meta_doc(vec![Block::Table(Table {
        columns: vec![Column::auto("A")],
        rows: vec![Row::text(["1", "2"])],
    })]);
    assert!(matches!(
        render(&too_many),
        Err(PdfError::TableShape {
            row: 0,
            cells: 2,
            columns: 1,
            ..
        })
    ));
}

#[test]
fn english_and_custom_footers() {
    let mut d = meta_doc(vec![Block::paragraph("Hello")]);
    d.footer = FooterStyle::English;
    let r = render_file(&d);
    assert!(text(&r.path).contains("Page 1 of 1"));
    d.footer = FooterStyle::Custom("Møte 4/2025 – {x}/{y}".into());
    let r = render_file(&d);
    assert!(text(&r.path).contains("Møte 4/2025 – 1/1"));
    d.footer = FooterStyle::None;
    let r = render_file(&d);
    assert!(!text(&r.path).contains("1/1"));
}

#[test]
fn very_wide_tables_and_long_marginalia_stay_inside_the_margins() {
    let columns: Vec<Column> = (0..40)
        .map(|i| Column::auto(format!("Kolonne{i}")))
        .collect();
    let rows = (0..3)
        .map(|r| Row::text((0..40).map(|c| format!("W{r}{c}Wæøå"))))
        .collect();
    let mut d = meta_doc(vec![
        Block::Table(Table { columns, rows }),
        Block::Table(Table {
            columns: vec![
                Column::auto("Fast").with_width(ColumnWidth::Fixed(400.0)),
                Column::auto("Brøk").with_width(ColumnWidth::Fraction(0.9)),
                Column::auto("Auto"),
            ],
            rows: vec![Row::text(["a b c", "d e f", "g h i"])],
        }),
        Block::PageBreak,
        Block::paragraph("Side to."),
    ]);
    d.running_header = "Svært lang topptekst ".repeat(30);
    d.footer = FooterStyle::Custom("Svært lang bunntekst {x} av {y} ".repeat(20));
    let r = render_file(&d);
    assert_sound(&r);
    assert!(
        page_layout(&r.path, 2).contains('…'),
        "cut header ends with an ellipsis"
    );
}

#[test]
fn paragraphs_leave_no_widows_or_orphans() {
    // Paragraphs of 4+ lines with markers at their start and end, of varying
    // length, so that page ends fall at every line position.
    let blocks: Vec<Block> = (0..70)
        .map(|i| {
            Block::paragraph(format!(
                "P{i}start {} P{i}end",
                words_text(60 + (i * 29) % 70, i)
            ))
        })
        .collect();
    let r = render_file(&meta_doc(blocks));
    assert_sound(&r);
    let n = page_count(&r.path);
    assert!(n >= 5);
    let mut splits = 0;
    for page in 1..=n {
        let t = page_layout(&r.path, page);
        let body: Vec<&str> = t
            .lines()
            .map(str::trim)
            .filter(|l| {
                !l.is_empty() && !l.starts_with("Side ") && !l.starts_with("Nasjonalt e-helseråd ·")
            })
            .collect();
        let first = body.first().unwrap();
        let last = body.last().unwrap();
        let has = |line: &str, kind: &str| {
            line.split_whitespace()
                .any(|w| w.starts_with('P') && w.ends_with(kind))
        };
        assert!(
            !has(first, "end") || has(first, "start"),
            "widow at the top of page {page}: {first:?}"
        );
        assert!(
            !has(last, "start") || has(last, "end"),
            "orphan at the bottom of page {page}: {last:?}"
        );
        if page > 1 && !has(first, "start") {
            splits += 1;
        }
    }
    assert!(
        splits > 0,
        "no paragraph was split over pages: the test tests nothing"
    );
}
