//! A PDF read back the way a reader's tools read it: poppler-utils (`pdftotext`, `pdfinfo`,
//! `pdffonts`, `pdftoppm`) and `qpdf`. The typesetting engine's tests and the document tests
//! share these checks (a dev-dependency only; `make test` installs the tools).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// Runs `name` and returns its output as text; see [`tool_bytes`].
pub fn tool(name: &str, args: &[&str]) -> String {
    String::from_utf8(tool_bytes(name, args)).expect("utf-8 output")
}

/// Runs `name` and returns its output; fails on a non-zero exit or a complaint on stderr
/// (poppler reports damaged files on stderr while still exiting 0).
pub fn tool_bytes(name: &str, args: &[&str]) -> Vec<u8> {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} is needed by these tests (apt-get install poppler-utils qpdf): {e}")
    });
    assert!(
        out.status.success(),
        "{name} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("Error") && !err.contains("error"),
        "{name} {args:?} complained: {err}"
    );
    out.stdout
}

pub fn p(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// `pdftotext` in reading order.
pub fn text(path: &Path) -> String {
    tool("pdftotext", &["-enc", "UTF-8", p(path), "-"])
}

/// The text of each page (pdftotext separates pages with form feeds).
pub fn pages_text(path: &Path) -> Vec<String> {
    let mut pages: Vec<String> = text(path).split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|l| l.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// `pdftotext -layout`: lines as they are on the page.
pub fn layout(path: &Path) -> String {
    tool("pdftotext", &["-enc", "UTF-8", "-layout", p(path), "-"])
}

/// One page of [`layout`].
pub fn page_layout(path: &Path, page: usize) -> String {
    let n = page.to_string();
    tool(
        "pdftotext",
        &["-enc", "UTF-8", "-layout", "-f", &n, "-l", &n, p(path), "-"],
    )
}

/// `pdfinfo -isodates` as key → value.
pub fn info(path: &Path) -> BTreeMap<String, String> {
    tool("pdfinfo", &["-isodates", p(path)])
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

pub fn page_count(path: &Path) -> usize {
    info(path)["Pages"].parse().expect("Pages is a number")
}

/// `qpdf --check` finds no syntax or stream encoding errors.
pub fn qpdf_check(path: &Path) {
    let out = Command::new("qpdf")
        .args(["--check", p(path)])
        .output()
        .expect("qpdf is needed by these tests");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("No syntax or stream encoding errors"),
        "qpdf --check {path:?}: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The file rewritten by qpdf with every stream uncompressed and no object streams.
pub fn qdf(path: &Path) -> Vec<u8> {
    let out = path.with_extension("qdf.pdf");
    let status = Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable", p(path), p(&out)])
        .status()
        .expect("qpdf");
    // qpdf exits 3 for warnings; `qpdf_check` is the strict check.
    assert!(
        status.code() == Some(0) || status.code() == Some(3),
        "qpdf --qdf failed"
    );
    std::fs::read(&out).expect("qdf file")
}

/// The rows of `pdffonts`: (font name, embedded, subset).
pub fn fonts(path: &Path) -> Vec<(String, bool, bool)> {
    let list = tool("pdffonts", &[p(path)]);
    list.lines()
        .skip(2)
        .map(|row| {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let n = cols.len();
            // name type ... encoding emb sub uni object ID
            (
                cols[0].to_string(),
                cols[n - 5] == "yes",
                cols[n - 4] == "yes",
            )
        })
        .collect()
}

/// Every font is embedded and subset.
pub fn assert_fonts_embedded(path: &Path) {
    let fonts = fonts(path);
    assert!(!fonts.is_empty(), "no fonts in {path:?}");
    for (name, embedded, subset) in fonts {
        assert!(embedded, "font not embedded in {path:?}: {name}");
        assert!(subset, "font not subset in {path:?}: {name}");
    }
}

// ------------------------------------------------------------------ word boxes

pub const MM: f64 = 72.0 / 25.4;
pub const PAGE_W: f64 = 210.0 * MM;
pub const PAGE_H: f64 = 297.0 * MM;
/// The page minus margins, as the engine sets them: 25 mm left, right and top, 22 mm bottom.
pub const LEFT: f64 = 25.0 * MM;
pub const RIGHT: f64 = PAGE_W - 25.0 * MM;
pub const TOP: f64 = 25.0 * MM;
pub const BOTTOM: f64 = PAGE_H - 22.0 * MM;
/// Slack for font bounding boxes (poppler uses the font's ascent and descent).
pub const TOL: f64 = 1.0;

/// One word on a page with its box (points from the top left).
#[derive(Debug, Clone)]
pub struct Word {
    pub page: usize,
    pub x_min: f64,
    pub y_min: f64,
    pub x_max: f64,
    pub y_max: f64,
    pub text: String,
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).unwrap_or_else(|| panic!("{name} in {tag}")) + key.len();
    let end = start + tag[start..].find('"').expect("closing quote");
    tag[start..end].parse().expect("a number")
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Every word with its box, from `pdftotext -bbox`; every page must be A4.
pub fn words(path: &Path) -> Vec<Word> {
    words_on_pages(path, Some((PAGE_W, PAGE_H)))
}

/// Every word with its box, whatever the size of the pages (a pack keeps its attachments').
pub fn any_page_words(path: &Path) -> Vec<Word> {
    words_on_pages(path, None)
}

fn words_on_pages(path: &Path, size: Option<(f64, f64)>) -> Vec<Word> {
    // poppler writes the <title> of the -bbox page with astral characters (emoji) as CESU-8,
    // which is not UTF-8; the words themselves are fine.
    let html = String::from_utf8_lossy(&tool_bytes(
        "pdftotext",
        &["-enc", "UTF-8", "-bbox", p(path), "-"],
    ))
    .into_owned();
    let mut out = Vec::new();
    let mut page = 0;
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
            if let Some((w, h)) = size {
                assert!((attr(line, "width") - w).abs() < 0.5, "page {page} width");
                assert!((attr(line, "height") - h).abs() < 0.5, "page {page} height");
            }
        } else if line.starts_with("<word ") {
            let close = line.find('>').expect("end of tag");
            let tag = &line[..close];
            out.push(Word {
                page,
                x_min: attr(tag, "xMin"),
                y_min: attr(tag, "yMin"),
                x_max: attr(tag, "xMax"),
                y_max: attr(tag, "yMax"),
                text: unescape(line[close + 1..].trim_end_matches("</word>")),
            });
        }
    }
    assert!(!out.is_empty(), "no words in {path:?}");
    out
}

/// No word outside the page minus margins, except the running header (above the body, pages
/// 2+) and the footer (below it), which must still keep to the left and right margins.
pub fn assert_inside_margins(path: &Path) {
    for w in words(path) {
        let in_x = w.x_min >= LEFT - TOL && w.x_max <= RIGHT + TOL;
        let in_body = w.y_min >= TOP - TOL && w.y_max <= BOTTOM + TOL;
        let in_header = w.page > 1 && w.y_min >= 10.0 * MM && w.y_max <= TOP;
        let in_footer = w.y_min >= BOTTOM && w.y_max <= PAGE_H - 8.0 * MM;
        assert!(
            in_x && (in_body || in_header || in_footer),
            "{:?} outside the margins on page {} of {path:?}: {w:?}",
            w.text,
            w.page
        );
    }
}

/// Renders every page to PNG at 30 dpi and checks poppler draws each one.
pub fn assert_rasterises(path: &Path) {
    let dir = path.parent().expect("a folder");
    let stem = path.file_stem().and_then(|s| s.to_str()).expect("a name");
    let prefix = dir.join(format!("{stem}-png"));
    tool("pdftoppm", &["-r", "30", "-png", p(path), p(&prefix)]);
    let pngs = std::fs::read_dir(dir)
        .expect("readable folder")
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(&format!("{stem}-png")) && name.ends_with(".png")
        })
        .count();
    assert_eq!(pngs, page_count(path), "one PNG per page of {path:?}");
}
