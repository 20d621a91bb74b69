//! Helpers for the document tests (tests/documents.rs): a record in a temporary SQLite file,
//! the CLI binary, and the poppler/qpdf checks every PDF must pass (text in order, fonts,
//! margins, metadata, raw bytes and PDF strings).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use quorum_documents::{DocOptions, Documents};
use quorum_record::model::{Case, Meeting};
use quorum_record::Store;
use tempfile::TempDir;

/// The demo body's short name.
pub const EH: &str = "E-helserådet";

// ------------------------------------------------------------------ the record

/// A record in a real SQLite file in a temporary directory (kept alive with the store).
pub struct Db {
    pub dir: TempDir,
    pub path: PathBuf,
    pub store: Store,
}

impl Db {
    pub fn empty() -> Db {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("quorum.db");
        let store = Store::open(&path).expect("open store");
        Db { dir, path, store }
    }

    /// A record with the demo loaded through the core API.
    pub fn demo() -> Db {
        let d = Db::empty();
        d.store.load_demo().expect("demo loads");
        d
    }

    pub fn meeting(&self, number: &str) -> Meeting {
        self.store
            .meeting_by_number(EH, number)
            .unwrap_or_else(|e| panic!("meeting {number}: {e:?}"))
    }

    pub fn case(&self, number: &str) -> Case {
        self.store
            .case_by_number(EH, number)
            .unwrap_or_else(|e| panic!("case {number}: {e:?}"))
    }

    /// Writes `bytes` as `name` in this record's directory (and, to look at them afterwards,
    /// into the directory `QUORUM_KEEP_PDFS` names, if set).
    pub fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).expect("write pdf");
        if let Some(keep) = std::env::var_os("QUORUM_KEEP_PDFS") {
            let _ = std::fs::create_dir_all(&keep);
            let _ = std::fs::write(Path::new(&keep).join(name), bytes);
        }
        p
    }

    pub fn agenda(&self, number: &str, public: bool) -> Vec<u8> {
        let m = self.meeting(number);
        self.store
            .agenda_pdf(&m.id, opts(public))
            .expect("agenda pdf")
    }

    pub fn minutes(&self, number: &str, public: bool) -> Vec<u8> {
        let m = self.meeting(number);
        self.store
            .minutes_pdf(&m.id, opts(public))
            .expect("minutes pdf")
    }

    pub fn memo(&self, number: &str, public: bool) -> Vec<u8> {
        let c = self.case(number);
        self.store.memo_pdf(&c.id, opts(public)).expect("memo pdf")
    }

    pub fn register(&self, year: i32, public: bool) -> Vec<u8> {
        let b = self.store.body_by_short(EH).expect("body");
        self.store
            .register_pdf(&b.id, year, opts(public))
            .expect("register pdf")
    }

    /// Runs the CLI on this record.
    pub fn cli(&self, args: &[&str]) -> Output {
        let mut all = vec!["--db", self.path.to_str().unwrap()];
        all.extend_from_slice(args);
        Command::new(quorum_bin())
            .args(&all)
            .env_remove("QUORUM_DB")
            .env("LANG", "nb_NO.UTF-8")
            .output()
            .expect("run quorum")
    }

    /// Runs the CLI and expects success.
    pub fn cli_ok(&self, args: &[&str]) -> String {
        let out = self.cli(args);
        assert!(
            out.status.success(),
            "quorum {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

pub fn opts(public: bool) -> DocOptions {
    DocOptions {
        public,
        ..Default::default()
    }
}

// ------------------------------------------------------------------ tools

pub use quorum_pdfcheck::*;

/// The text of the page bodies in the order it is drawn (`pdftotext -raw`: table cells and
/// field values stay whole, hyphens stay), without the running header of pages 2+ and the
/// "Side x av y" / "Page x of y" footer, so that a paragraph running onto the next page reads on.
pub fn body_text(path: &Path) -> String {
    let mut out = String::new();
    for page in 1..=page_count(path) {
        let n = page.to_string();
        let t = tool(
            "pdftotext",
            &["-enc", "UTF-8", "-raw", "-f", &n, "-l", &n, p(path), "-"],
        );
        let mut lines: Vec<&str> = t.lines().collect();
        if page > 1 {
            // The running header is the top line of the page.
            let top = page_layout(path, page);
            if let Some(header) = top.lines().map(str::trim).find(|l| !l.is_empty()) {
                if let Some(i) = lines.iter().position(|l| l.trim() == header) {
                    lines.remove(i);
                }
            }
        }
        lines.retain(|l| !is_footer(l.trim()));
        out.push_str(&lines.join("\n"));
        out.push('\n');
    }
    out
}

fn is_footer(l: &str) -> bool {
    let w: Vec<&str> = l.split(' ').collect();
    w.len() == 4
        && (w[0] == "Side" && w[2] == "av" || w[0] == "Page" && w[2] == "of")
        && w[1].chars().all(|c| c.is_ascii_digit())
        && w[3].chars().all(|c| c.is_ascii_digit())
}

/// Text normalised for comparison: whitespace runs become one space, and a line break after a
/// hyphen ("helse-\nog", "indikator-\nsettet") is not told apart from no break at all.
pub fn norm(s: &str) -> String {
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.replace("- ", "-")
}

/// Asserts that `needles` occur in `hay` in this order (both normalised with [`norm`]).
pub fn assert_in_order(hay: &str, needles: &[&str]) {
    let hay = norm(hay);
    let mut at = 0;
    for n in needles {
        let n = norm(n);
        match hay[at..].find(&n) {
            Some(i) => at += i + n.len(),
            None => {
                let before = hay[..at].chars().rev().take(300).collect::<String>();
                let before: String = before.chars().rev().collect();
                panic!(
                    "{n:?} missing or out of order.\n--- text up to where the search stood:\n…{before}\n--- whole text:\n{hay}"
                )
            }
        }
    }
}

pub fn assert_contains(hay: &str, needle: &str) {
    assert!(
        norm(hay).contains(&norm(needle)),
        "{needle:?} missing from:\n{hay}"
    );
}

pub fn assert_lacks(hay: &str, needle: &str) {
    assert!(
        !norm(hay).contains(&norm(needle)),
        "{needle:?} should not be in:\n{hay}"
    );
}

/// The paragraphs and list items of stored text, without list markers, as the documents print
/// them (lines of a paragraph joined).
pub fn parts(stored: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut para = String::new();
    let flush = |para: &mut String, out: &mut Vec<String>| {
        if !para.trim().is_empty() {
            out.push(para.trim().to_string());
        }
        para.clear();
    };
    // An indented line right under a list item is a line of that item.
    let mut in_item = false;
    for line in stored.lines() {
        let l = line.trim();
        let indented = line.starts_with(char::is_whitespace);
        if l.is_empty() {
            flush(&mut para, &mut out);
            in_item = false;
        } else if indented && in_item {
            let sub = match l.strip_prefix("- ") {
                Some(rest) => format!("– {}", rest.trim()),
                None => l.to_string(),
            };
            let last = out.last_mut().unwrap();
            last.push(' ');
            last.push_str(&sub);
        } else if let Some(rest) = l.strip_prefix("- ").or_else(|| l.strip_prefix("• ")) {
            flush(&mut para, &mut out);
            out.push(rest.trim().to_string());
            in_item = true;
        } else if let Some(rest) = numbered(l) {
            flush(&mut para, &mut out);
            out.push(rest.to_string());
            in_item = true;
        } else {
            in_item = false;
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(l);
        }
    }
    flush(&mut para, &mut out);
    out
}

fn numbered(l: &str) -> Option<&str> {
    let digits = l.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) && l[digits..].starts_with(". ") {
        Some(l[digits + 2..].trim())
    } else {
        None
    }
}

/// The layout line containing `label` (the first one), for "label and value on one line" checks.
pub fn line_with<'a>(layout: &'a str, label: &str) -> &'a str {
    layout
        .lines()
        .find(|l| l.contains(label))
        .unwrap_or_else(|| panic!("no line with {label:?} in:\n{layout}"))
}

// ------------------------------------------------------------------ soundness

/// The checks every document must pass: qpdf, embedded fonts, margins, and poppler reading it
/// without complaint (text and a raster of every page).
pub fn assert_sound(path: &Path) {
    qpdf_check(path);
    assert_fonts_embedded(path);
    assert_inside_margins(path);
    let pages = page_count(path);
    assert!(pages >= 1);
}

/// The body lines of each page (running header and footer left out), from the word boxes.
pub fn body_lines(path: &Path) -> Vec<Vec<String>> {
    let ws = words(path);
    let pages = ws.iter().map(|w| w.page).max().unwrap_or(0);
    let mut out = vec![Vec::new(); pages];
    let mut current: Option<(usize, f64, String)> = None;
    for w in ws
        .iter()
        .filter(|w| w.y_min >= TOP - TOL && w.y_max <= BOTTOM + TOL)
    {
        match &mut current {
            Some((page, y, line)) if *page == w.page && (w.y_min - *y).abs() < 2.0 => {
                line.push(' ');
                line.push_str(&w.text);
            }
            _ => {
                if let Some((page, _, line)) = current.take() {
                    out[page - 1].push(line);
                }
                current = Some((w.page, w.y_min, w.text.clone()));
            }
        }
    }
    if let Some((page, _, line)) = current {
        out[page - 1].push(line);
    }
    out
}

/// No page but the last ends with a lead-in label ("Forslag til vedtak:", "Innspill:") or a
/// case heading ("Sak 38/25"): a label is always on the page of what it introduces.
pub fn assert_no_orphaned_labels(path: &Path) {
    let pages = body_lines(path);
    let n = pages.len();
    for (i, lines) in pages.iter().enumerate().take(n.saturating_sub(1)) {
        let Some(last) = lines.last() else { continue };
        let last = last.trim();
        let case_heading = last.starts_with("Sak ")
            && last.len() <= 12
            && last[4..].chars().all(|c| c.is_ascii_digit() || c == '/');
        assert!(
            !last.ends_with(':') && !case_heading,
            "page {} of {path:?} ends with the label {last:?}",
            i + 1
        );
    }
}

// ------------------------------------------------------------------ raw PDF

/// Decodes a PDF text string: UTF-16BE with a BOM, else PDFDocEncoding (taken as Latin-1).
fn decode_pdf_string(b: &[u8]) -> String {
    if b.len() >= 2 && b[0] == 0xFE && b[1] == 0xFF {
        let units: Vec<u16> = b[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if b.starts_with(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(&b[3..]).into_owned()
    } else {
        b.iter().map(|&c| c as char).collect()
    }
}

fn collect_strings(o: &lopdf::Object, out: &mut Vec<String>) {
    use lopdf::Object;
    match o {
        Object::String(b, _) => out.push(decode_pdf_string(b)),
        Object::Name(b) => out.push(String::from_utf8_lossy(b).into_owned()),
        Object::Array(a) => a.iter().for_each(|o| collect_strings(o, out)),
        Object::Dictionary(d) => d.iter().for_each(|(_, o)| collect_strings(o, out)),
        Object::Stream(s) => s.dict.iter().for_each(|(_, o)| collect_strings(o, out)),
        _ => {}
    }
}

/// Every string and name object of the file (Info, outline, catalog, annotations …), decoded.
pub fn pdf_strings(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).expect("lopdf reads the file");
    let mut out = Vec::new();
    collect_strings(&lopdf::Object::Dictionary(doc.trailer.clone()), &mut out);
    for o in doc.objects.values() {
        collect_strings(o, &mut out);
    }
    out
}

/// Text as its words only, lower-cased, one space apart and with a space at both ends, so that
/// `" needle words "` is found only as whole words, whatever the punctuation and line breaks.
pub fn word_text(s: &str) -> String {
    format!(" {} ", words_of(s, 1).join(" "))
}

/// Every `<…>` hex string of a raw PDF, decoded (UTF-16BE with a BOM, else bytes as Latin-1).
fn hex_strings(raw: &str) -> Vec<String> {
    let b = raw.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'<' && b.get(i + 1) != Some(&b'<') && (i == 0 || b[i - 1] != b'<') {
            let end = b[i + 1..]
                .iter()
                .position(|&c| c == b'>')
                .map(|e| i + 1 + e);
            if let Some(end) = end {
                let body: String = raw[i + 1..end]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect();
                if !body.is_empty() && body.chars().all(|c| c.is_ascii_hexdigit()) {
                    let bytes: Vec<u8> = (0..body.len() / 2)
                        .map(|k| u8::from_str_radix(&body[2 * k..2 * k + 2], 16).unwrap())
                        .collect();
                    out.push(decode_pdf_string(&bytes));
                }
                i = end;
            }
        }
        i += 1;
    }
    out
}

/// Asserts that none of `needles` (words or phrases) is in the PDF at `path`, as whole words,
/// ignoring case and punctuation: not in its text (pdftotext reading order, raw order and
/// layout), not in any string object of the file (Info, outline, catalog; read with lopdf), and
/// not in its uncompressed bytes (`qpdf --qdf`): read as UTF-8, as Latin-1, and in every hex
/// string. Text in content streams is glyph ids, so the text checks cover the pages.
pub fn assert_nowhere(path: &Path, needles: &[String], what: &str) {
    let bytes = std::fs::read(path).unwrap();
    let raw = qdf(path);
    let raw_latin1: String = raw.iter().map(|&c| c as char).collect();
    let hay: Vec<(&str, String)> = vec![
        ("text", word_text(&text(path))),
        ("raw-order text", word_text(&body_text(path))),
        ("layout text", word_text(&layout(path))),
        (
            "PDF strings",
            word_text(
                &pdf_strings(&raw)
                    .into_iter()
                    .chain(pdf_strings(&bytes))
                    .collect::<Vec<_>>()
                    .join(" | "),
            ),
        ),
        (
            "raw bytes as UTF-8",
            word_text(&String::from_utf8_lossy(&raw)),
        ),
        ("raw bytes as Latin-1", word_text(&raw_latin1)),
        (
            "raw hex strings",
            word_text(&hex_strings(&raw_latin1).join(" | ")),
        ),
    ];
    for n in needles {
        let w = word_text(n);
        if w.trim().is_empty() {
            continue;
        }
        for (name, h) in &hay {
            // pdftotext's reading order and layout join neighbouring columns of a two-column
            // list ("Helse- og" + "Randi Lilletvedt") into phrases no one wrote, so phrases are
            // looked for in the drawing-order text, the strings and the raw bytes.
            if (*name == "text" || *name == "layout text") && w.trim().contains(' ') {
                continue;
            }
            assert!(
                !h.contains(&w),
                "{what}: {n:?} is in the {name} of {path:?}"
            );
        }
    }
}

/// Words of at least `min` letters, lower-cased.
pub fn words_of(text: &str, min: usize) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= min)
        .map(str::to_lowercase)
        .collect()
}

/// Runs of `n` consecutive words (lower-cased, punctuation dropped).
pub fn shingles(text: &str, n: usize) -> Vec<String> {
    let ws = words_of(text, 1);
    ws.windows(n).map(|w| w.join(" ")).collect()
}

/// The `quorum` binary of this build, beside the test binary's `deps/` folder. The CLI is another
/// package, so cargo builds it in the same `cargo test` run that tests this one together with
/// `quorum-cli` (as `make test` does).
pub fn quorum_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe
        .parent()
        .and_then(|d| d.parent())
        .expect("target profile dir");
    let bin = dir.join(format!("quorum{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.exists(),
        "{} is missing: run these tests with the CLI (cargo test -p quorum-documents -p quorum-cli)",
        bin.display()
    );
    bin
}
