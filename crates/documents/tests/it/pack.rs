//! The meeting pack (`Store::pack_pdf`): agenda, memos and attached PDF files in one file,
//! checked with poppler-utils and qpdf (`make test` installs them).

use crate::common;
use quorum_pdfcheck::{any_page_words, p, page_count, pages_text, qdf, tool, MM};

use std::path::{Path, PathBuf};
use std::process::Command;

use quorum_documents::{DocOptions, Documents};
use quorum_record::cases::AttachmentInput;
use quorum_record::Store;
use quorum_typeset::{Block, DocMeta, Document, ExternalPdf, ExternalPdfError, FooterStyle};

// ---------------------------------------------------------------- helpers

fn tool_output(name: &str, args: &[&str]) -> std::process::Output {
    Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} is needed by these tests (apt-get install poppler-utils qpdf): {e}")
    })
}

/// A small PDF made with the engine: `pages` pages whose text starts with `marker`, with the
/// file's own footer (which must stay visible above the pack's page number). Full pages, so
/// that anything stamped over the bottom of the content would show.
fn attachment_pdf(marker: &str, pages: usize) -> Vec<u8> {
    let mut blocks = vec![Block::Title(format!("{marker} vedleggsdokument"))];
    for page in 1..=pages {
        if page > 1 {
            blocks.push(Block::PageBreak);
        }
        blocks.push(Block::paragraph(format!(
            "{marker} side {page}: innholdet i vedlegget."
        )));
        for i in 0..9 {
            blocks.push(Block::paragraph(format!(
                "Avsnitt {i} på side {page}. Tiltakene i handlingsplanen gjennomføres i tett samarbeid med kommunene, og gevinstene skal dokumenteres underveis slik at erfaringene kan deles."
            )));
        }
    }
    let doc = Document {
        meta: DocMeta {
            title: format!("{marker} vedlegg"),
            author: "Test".into(),
            subject: String::new(),
            language: "nb-NO".into(),
            created: chrono::NaiveDate::from_ymd_opt(2025, 11, 1)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
            keywords: vec![],
        },
        running_header: String::new(),
        footer: FooterStyle::Custom("Eget vedlegg {x}/{y}".into()),
        blocks,
    };
    quorum_typeset::render(&doc).expect("attachment renders")
}

/// The same with every page turned a quarter to the right (`/Rotate 90`): a landscape page.
fn rotated_pdf(marker: &str) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(&attachment_pdf(marker, 1)).unwrap();
    let ids: Vec<_> = doc.page_iter().collect();
    for id in ids {
        doc.get_dictionary_mut(id).unwrap().set("Rotate", 90);
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A page painted black to its edges (as a scan may be): anything of the pack's footer that
/// overlapped it would sit on black.
fn full_bleed_pdf() -> Vec<u8> {
    use lopdf::{dictionary, Object, Stream};
    let mut doc = lopdf::Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content = doc.add_object(Stream::new(
        dictionary! {},
        b"0 g 0 0 595 842 re f".to_vec(),
    ));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => content,
        "Resources" => dictionary! {},
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page.into()],
            "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// `bytes` encrypted by qpdf (AES-256) with the given user password.
fn encrypted_pdf(bytes: &[u8], user_password: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let (plain, locked) = (dir.path().join("plain.pdf"), dir.path().join("locked.pdf"));
    std::fs::write(&plain, bytes).unwrap();
    tool(
        "qpdf",
        &[
            "--encrypt",
            user_password,
            "eier-passord",
            "256",
            "--",
            p(&plain),
            p(&locked),
        ],
    );
    std::fs::read(locked).unwrap()
}

fn attach(s: &Store, case: &str, label: &str, title: &str, file: &str, media: &str, bytes: &[u8]) {
    let c = s.case_by_number("E-helserådet", case).unwrap();
    s.add_attachment(
        &c.id,
        &AttachmentInput {
            label: label.into(),
            title: title.into(),
            file_name: file.into(),
            media_type: media.into(),
        },
        Some(bytes),
    )
    .expect("attachment added");
}

const ALFA_TITLE: &str = "Presentasjon av helseteknologiordningen";
const ALFA_FILE: &str = "helseteknologi-presentasjon.pdf";
const BETA_TITLE: &str = "Oversikt over egenbehandlingsplaner";
const NOT_PDF_TITLE: &str = "Notat om Riksrevisjonen i Word";
const NOT_PDF_FILE: &str = "riksrevisjon.docx";

/// The demo record with real attachments: a two-page PDF on 32/25, a landscape PDF on 34/25, a
/// Word file on 33/25, and on 36/25 an encrypted, an empty-password encrypted and a damaged PDF.
fn demo_with_attachments() -> common::Db {
    let d = common::demo();
    let s = &d.store;
    attach(
        s,
        "32/25",
        "2B",
        ALFA_TITLE,
        ALFA_FILE,
        "application/pdf",
        &attachment_pdf("ALFAVEDLEGG", 2),
    );
    attach(
        s,
        "33/25",
        "3B",
        NOT_PDF_TITLE,
        NOT_PDF_FILE,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        b"PK\x03\x04\x14\x00\x06\x00 word/document.xml HEMMELIG-WORD-INNHOLD",
    );
    attach(
        s,
        "34/25",
        "4B",
        BETA_TITLE,
        "egenbehandling.pdf",
        "",
        &rotated_pdf("BETAVEDLEGG"),
    );
    attach(
        s,
        "35/25",
        "5B",
        "Skannet side",
        "skann.pdf",
        "application/pdf",
        &full_bleed_pdf(),
    );
    let plain = attachment_pdf("GAMMAVEDLEGG", 1);
    attach(
        s,
        "36/25",
        "6B",
        "Kryptert avtaleutkast",
        "avtale.pdf",
        "application/pdf",
        &encrypted_pdf(&plain, "hemmelig"),
    );
    attach(
        s,
        "36/25",
        "6C",
        "Låst uten passord",
        "laast.pdf",
        "application/pdf",
        &encrypted_pdf(&plain, ""),
    );
    let mut broken = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n".to_vec();
    broken.extend_from_slice(&plain[plain.len() / 3..plain.len() / 2]);
    attach(
        s,
        "36/25",
        "6D",
        "Skadet fil",
        "skadet.pdf",
        "application/pdf",
        &broken,
    );
    d
}

struct Pack {
    _dir: tempfile::TempDir,
    path: PathBuf,
    bytes: Vec<u8>,
}

fn pack(s: &Store, public: bool) -> Pack {
    let m = s.meeting_by_number("E-helserådet", "4/2025").unwrap();
    let bytes = s
        .pack_pdf(&m.id, DocOptions { public, lang: None })
        .expect("pack renders");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pack.pdf");
    std::fs::write(&path, &bytes).unwrap();
    if let Ok(out) = std::env::var("QUORUM_PACK_SAMPLE") {
        let name = if public {
            "pack-public.pdf"
        } else {
            "pack.pdf"
        };
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(Path::new(&out).join(name), &bytes).unwrap();
    }
    Pack {
        _dir: dir,
        path,
        bytes,
    }
}

/// One outline entry: title, 1-based page, children.
#[derive(Debug)]
struct Mark {
    title: String,
    page: usize,
    kids: Vec<Mark>,
}

fn outline(path: &Path) -> Vec<Mark> {
    let json = tool("qpdf", &["--json", "--json-key=outlines", p(path)]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    fn walk(items: &serde_json::Value) -> Vec<Mark> {
        items
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|o| Mark {
                        title: o["title"].as_str().unwrap_or_default().to_string(),
                        page: o["destpageposfrom1"].as_u64().unwrap_or(0) as usize,
                        kids: walk(&o["kids"]),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
    walk(&v["outlines"])
}

fn all_titles(marks: &[Mark], out: &mut Vec<String>) {
    for m in marks {
        out.push(m.title.clone());
        all_titles(&m.kids, out);
    }
}

/// Whether `raw` holds `s` in any way a PDF writes text strings: as bytes, or UTF-16BE (hex or binary).
fn raw_contains(raw: &[u8], s: &str) -> bool {
    let plain = s.as_bytes().to_vec();
    let utf16: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    let hex_upper: String = utf16.iter().map(|b| format!("{b:02X}")).collect();
    let hex_lower = hex_upper.to_lowercase();
    [plain, utf16, hex_upper.into_bytes(), hex_lower.into_bytes()]
        .iter()
        .any(|needle| raw.windows(needle.len()).any(|w| w == needle.as_slice()))
}

/// Text with all runs of white space as one space (titles wrap across lines).
fn norm(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each needle occurs in `text` after the one before it.
fn assert_in_order(text: &str, needles: &[String]) {
    let mut from = 0;
    for (i, n) in needles.iter().enumerate() {
        match text[from..].find(n.as_str()) {
            Some(at) => from += at + n.len(),
            None => panic!("{n:?} not found after {:?}", needles.get(i.wrapping_sub(1))),
        }
    }
}

fn title(s: &Store, number: &str) -> String {
    s.case_by_number("E-helserådet", number).unwrap().title
}

// ---------------------------------------------------------------- tests

#[test]
fn pack_has_agenda_memos_and_attachments_in_agenda_order() {
    let d = demo_with_attachments();
    let pk = pack(&d.store, false);
    let all = norm(&pages_text(&pk.path).join("\n"));
    // Agenda, then per case memo and its PDF attachments, then the list of what is not merged.
    let s = &d.store;
    let order = [
        "Innkalling og dagsorden".to_string(),
        "Åpne aksjonspunkter".into(),
        title(s, "32/25"),
        "ALFAVEDLEGG side 1".into(),
        "ALFAVEDLEGG side 2".into(),
        title(s, "33/25"),
        title(s, "34/25"),
        "BETAVEDLEGG side 1".into(),
        title(s, "35/25"),
        title(s, "36/25"),
        title(s, "37/25"),
        "Vedlegg som ikke er PDF (ikke slått sammen i denne filen)".into(),
    ];
    assert_in_order(&all, &order);
    // The attachment's own pages keep their own footer too.
    assert!(all.contains("Eget vedlegg 2/2"));
    // Nothing of the encrypted or damaged files is merged.
    assert!(!all.contains("GAMMAVEDLEGG"));
}

#[test]
fn page_numbers_run_through_the_whole_file() {
    let d = demo_with_attachments();
    let pk = pack(&d.store, false);
    let n = page_count(&pk.path);
    let pages = pages_text(&pk.path);
    assert_eq!(pages.len(), n);
    for (i, text) in pages.iter().enumerate() {
        let want = format!("Side {} av {n}", i + 1);
        assert!(
            text.contains(&want),
            "page {} lacks {want:?}: {text}",
            i + 1
        );
        assert_eq!(
            text.matches("Side ").count(),
            1,
            "page {} has one page number",
            i + 1
        );
    }
    // Agenda + memos + 2 + 1 attachment pages + the list: nothing else was merged.
    let m = d.store.meeting_by_number("E-helserådet", "4/2025").unwrap();
    let mut expected = {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.pdf");
        std::fs::write(
            &f,
            d.store.agenda_pdf(&m.id, DocOptions::default()).unwrap(),
        )
        .unwrap();
        page_count(&f)
    };
    for n in ["32/25", "33/25", "34/25", "35/25", "36/25", "37/25"] {
        let c = d.store.case_by_number("E-helserådet", n).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("m.pdf");
        std::fs::write(&f, d.store.memo_pdf(&c.id, DocOptions::default()).unwrap()).unwrap();
        expected += page_count(&f);
    }
    expected += 2 + 1 + 1 + 1;
    assert_eq!(n, expected);
}

#[test]
fn bookmarks_per_case_with_attachments_as_children() {
    let d = demo_with_attachments();
    let pk = pack(&d.store, false);
    let pages = pages_text(&pk.path);
    let marks = outline(&pk.path);
    let top: Vec<&str> = marks.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(top[0], "Innkalling og dagsorden");
    assert_eq!(marks[0].page, 1);
    assert!(
        !marks[0].kids.is_empty(),
        "the agenda's items nest under it"
    );
    for n in ["32/25", "33/25", "34/25", "35/25", "36/25", "37/25"] {
        let c = d.store.case_by_number("E-helserådet", n).unwrap();
        let m = marks
            .iter()
            .find(|m| m.title == format!("Sak {n} {}", c.title))
            .unwrap_or_else(|| panic!("no bookmark for {n}: {top:?}"));
        let page = norm(&pages[m.page - 1]);
        assert!(
            page.contains(&c.title) && page.contains("Saksnummer"),
            "{n} points at its memo: {page}"
        );
        assert_eq!(m.kids[0].title, "Toppnotat");
    }
    let alfa = marks
        .iter()
        .find(|m| m.title.starts_with("Sak 32/25"))
        .unwrap();
    let child = alfa
        .kids
        .iter()
        .find(|k| k.title == format!("Vedlegg 2B: {ALFA_TITLE}"))
        .expect("attachment bookmark");
    assert!(pages[child.page - 1].contains("ALFAVEDLEGG side 1"));
    let beta = marks
        .iter()
        .find(|m| m.title.starts_with("Sak 34/25"))
        .unwrap();
    let child = beta
        .kids
        .iter()
        .find(|k| k.title.starts_with("Vedlegg 4B"))
        .unwrap();
    assert!(pages[child.page - 1].contains("BETAVEDLEGG side 1"));
    // No bookmark for the files that were not merged; one for the list.
    let mut titles = Vec::new();
    all_titles(&marks, &mut titles);
    assert!(!titles.iter().any(|t| t.contains("6B") || t.contains("3B")));
    assert!(top.contains(&"Vedlegg som ikke er PDF (ikke slått sammen i denne filen)"));
}

#[test]
fn pack_passes_qpdf_embeds_all_fonts_and_is_deterministic() {
    let d = demo_with_attachments();
    let pk = pack(&d.store, false);
    let check = tool_output("qpdf", &["--check", p(&pk.path)]);
    let out = String::from_utf8_lossy(&check.stdout).into_owned()
        + &String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success(), "qpdf --check: {out}");
    assert!(
        out.contains("No syntax or stream encoding errors found"),
        "{out}"
    );
    assert!(!out.to_lowercase().contains("warning"), "{out}");

    let fonts = tool("pdffonts", &[p(&pk.path)]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type... encoding emb sub uni object ID: emb is the fifth field from the end.
        assert_eq!(cols[cols.len() - 5], "yes", "font not embedded: {row}");
    }

    let again = pack(&d.store, false);
    assert_eq!(pk.bytes, again.bytes, "same record, same bytes");
    let id = |b: &[u8]| {
        let tail = String::from_utf8_lossy(&b[b.len().saturating_sub(400)..]).into_owned();
        tail.split("/ID").nth(1).map(|s| s.to_string())
    };
    assert!(id(&pk.bytes).is_some_and(|s| !s.contains("00000000000000000000000000000000")));

    // Another attachment, another file (and another ID).
    attach(
        &d.store,
        "35/25",
        "5C",
        "Ekstra",
        "ekstra.pdf",
        "application/pdf",
        &attachment_pdf("DELTAVEDLEGG", 1),
    );
    let other = pack(&d.store, false);
    assert_ne!(id(&pk.bytes), id(&other.bytes));
}

#[test]
fn non_pdf_encrypted_and_damaged_attachments_are_listed_not_merged() {
    let d = demo_with_attachments();
    let pk = pack(&d.store, false);
    let pages = pages_text(&pk.path);
    let list = pages
        .iter()
        .map(|t| norm(t))
        .find(|t| t.contains("Vedlegg som ikke er PDF (ikke slått sammen i denne filen)"))
        .expect("the list page");
    for want in [
        "3B",
        NOT_PDF_TITLE,
        NOT_PDF_FILE,
        "Ikke PDF",
        "6B",
        "avtale.pdf",
        "6C",
        "laast.pdf",
        "Kryptert PDF",
        "6D",
        "skadet.pdf",
        "kan ikke leses",
    ] {
        assert!(
            list.contains(want),
            "{want:?} missing from the list: {list}"
        );
    }
    // The demo's attachments without a file are listed as such.
    assert!(list.contains("Vedlegg uten lagret fil"));
    assert!(!pages.join("\n").contains("HEMMELIG-WORD-INNHOLD"));
}

#[test]
fn public_pack_shows_nothing_of_an_exempt_case() {
    let d = demo_with_attachments();
    let c = d.store.case_by_number("E-helserådet", "32/25").unwrap();
    d.store.set_exempt(&c.id, true, "offl. § 14").unwrap();
    let memo_snippet = "Helseteknologiordningen ble etablert 2024";
    assert!(c.memo.background.contains(memo_snippet));

    // The internal version still has everything.
    let internal = pack(&d.store, false);
    let internal_text = pages_text(&internal.path).join("\n");
    assert!(internal_text.contains("ALFAVEDLEGG"));
    assert!(internal_text.contains(memo_snippet));

    let pk = pack(&d.store, true);
    let text = pages_text(&pk.path).join("\n");
    let text_one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let raw = qdf(&pk.path);
    let mut titles = Vec::new();
    all_titles(&outline(&pk.path), &mut titles);
    let secrets = [
        c.title.as_str(),
        memo_snippet,
        c.proposal.as_str(),
        "Terje Wistner",
        "Gjennom helseteknologiordningen får kommuner støtte",
        ALFA_TITLE,
        ALFA_FILE,
        "ALFAVEDLEGG",
        "Toppnotat Helseteknologiordningen",
    ];
    for s in secrets {
        assert!(
            !text_one_line.contains(s),
            "{s:?} in the public pack's text"
        );
        assert!(!raw_contains(&raw, s), "{s:?} in the public pack's bytes");
        assert!(!titles.iter().any(|t| t.contains(s)), "{s:?} in a bookmark");
    }
    // Only the other merged attachments (a page each of 34/25 and 35/25) are forms in the file.
    let forms = raw.windows(14).filter(|w| w == b"/Subtype /Form").count();
    assert_eq!(forms, 2, "two merged pages");
    // The case is still there, by number, with the exemption and its basis.
    assert!(text.contains("Unntatt offentlighet"));
    assert!(text.contains("offl. § 14"));
    assert!(titles.iter().any(|t| t == "Sak 32/25 Unntatt offentlighet"));
    let pages = pages_text(&pk.path);
    let n = pages.len();
    for (i, t) in pages.iter().enumerate() {
        assert!(t.contains(&format!("Side {} av {n}", i + 1)));
    }
    let check = tool_output("qpdf", &["--check", p(&pk.path)]);
    assert!(check.status.success());
}

#[test]
fn attachment_parsing_never_panics_on_damaged_files() {
    let good = attachment_pdf("EPSILON", 2);
    assert_eq!(ExternalPdf::parse(&good).unwrap().page_count(), 2);
    assert_eq!(
        ExternalPdf::parse(b"\x89PNG\r\n\x1a\n").unwrap_err(),
        ExternalPdfError::NotPdf
    );
    assert_eq!(
        ExternalPdf::parse(&encrypted_pdf(&good, "x")).unwrap_err(),
        ExternalPdfError::Encrypted
    );
    assert_eq!(
        ExternalPdf::parse(&encrypted_pdf(&good, "")).unwrap_err(),
        ExternalPdfError::Encrypted
    );
    // Cut off anywhere, or with bytes flipped: an answer, never a panic.
    let step = (good.len() / 60).max(1);
    for cut in (0..good.len()).step_by(step) {
        let _ = ExternalPdf::parse(&good[..cut]);
        let mut flipped = good.clone();
        flipped[cut] ^= 0x5a;
        let _ = ExternalPdf::parse(&flipped);
    }
}

/// The page of the pack that an attachment's bookmark points at.
fn attachment_page(path: &Path, case: &str, label: &str) -> usize {
    let marks = outline(path);
    let case = marks
        .iter()
        .find(|m| m.title.starts_with(&format!("Sak {case} ")))
        .unwrap();
    case.kids
        .iter()
        .find(|k| k.title.starts_with(&format!("Vedlegg {label}:")))
        .unwrap()
        .page
}

#[test]
fn stamped_page_numbers_sit_below_the_attachment_not_on_it() {
    let d = demo_with_attachments();
    let pk = pack(&d.store, false);

    // Text: every word of the attachment page (its own footer too) is above the pack's footer.
    let page = attachment_page(&pk.path, "32/25", "2B");
    let words: Vec<(f64, f64, String)> = any_page_words(&pk.path)
        .into_iter()
        .filter(|w| w.page == page)
        .map(|w| (w.y_min, w.y_max, w.text))
        .collect();
    let footer_top = words
        .iter()
        .filter(|w| w.2 == "Side")
        .map(|w| w.0)
        .next()
        .expect("page number");
    let page_h = 297.0 * MM;
    assert!(footer_top > page_h - 17.0 * MM, "footer at {footer_top}");
    let own_footer = words.iter().find(|w| w.2 == "Eget").expect("own footer");
    for w in words
        .iter()
        .filter(|w| w.2 != "Side" && w.2 != "av" && w.2.parse::<u32>().is_err())
    {
        assert!(
            w.1 <= page_h - 17.0 * MM + 0.5,
            "{w:?} reaches into the footer zone"
        );
    }
    assert!(own_footer.1 < footer_top - 2.0 * MM);

    // Pixels: the black full-bleed page ends above the footer zone, where only the grey page
    // number is; the page itself is drawn nearly full size.
    let page = attachment_page(&pk.path, "35/25", "5B").to_string();
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("p");
    tool(
        "pdftoppm",
        &[
            "-f",
            &page,
            "-l",
            &page,
            "-r",
            "72",
            "-gray",
            "-singlefile",
            p(&pk.path),
            p(&prefix),
        ],
    );
    let pgm = std::fs::read(prefix.with_extension("pgm")).unwrap();
    // P5 header: magic, width, height, maxval, each followed by white space.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let px = &pgm[at + 1..];
    assert_eq!(px.len(), w * h);
    let row_dark = |y: usize| px[y * w..(y + 1) * w].iter().filter(|&&v| v < 40).count();
    let mm_from_bottom = |y: usize| (h - y) as f64 / MM;
    for y in 0..h {
        let from_bottom = mm_from_bottom(y);
        if from_bottom < 16.0 {
            assert_eq!(
                row_dark(y),
                0,
                "black at {from_bottom:.1} mm from the bottom"
            );
        } else if from_bottom > 18.5 && from_bottom < 293.0 {
            assert!(
                row_dark(y) > w * 9 / 10,
                "attachment missing at {from_bottom:.1} mm"
            );
        }
    }
}

#[test]
fn cli_writes_the_pack_and_its_public_version() {
    let d = demo_with_attachments();
    let c = d.store.case_by_number("E-helserådet", "32/25").unwrap();
    d.store.set_exempt(&c.id, true, "offl. § 14").unwrap();
    let out = d.dir.path().join("pakke.pdf");
    let public = d.dir.path().join("pakke-offentlig.pdf");
    for (file, extra) in [(&out, None), (&public, Some("--public"))] {
        let mut args = vec![
            "--db",
            p(&d.path),
            "pdf",
            "pack",
            "--body",
            "E-helserådet",
            "--meeting",
            "4/2025",
            "-o",
            p(file),
        ];
        args.extend(extra);
        let run = Command::new(crate::doc_support::quorum_bin())
            .args(&args)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    assert_eq!(std::fs::read(&out).unwrap(), pack(&d.store, false).bytes);
    assert_eq!(std::fs::read(&public).unwrap(), pack(&d.store, true).bytes);
    let text = norm(&pages_text(&public).join("\n"));
    assert!(!text.contains("ALFAVEDLEGG"));
    assert!(text.contains("Unntatt offentlighet"));
}
