//! The checks the fuzz targets run, as plain functions: the targets in `fuzz_targets/` call
//! them with libFuzzer's input, and `tests/replay.rs` calls them with every file of the
//! committed corpora, so a corpus entry that once found a bug stays a regression test.
//!
//! Each check asserts properties beyond "does not panic": a value the record accepts formats
//! back to text that parses to the same value; a refused import leaves the record empty and an
//! accepted one exports and imports again to the same bytes; the rich-text parser neither
//! loses nor invents words.

use quorum_record::numbers::{self, CaseNumber, MeetingNumber};
use quorum_record::{validate, Lang, Store};
use std::sync::OnceLock;

// The parser is crate-private in quorum-documents; compiling its file here fuzzes the very
// code the documents use without widening that crate's API.
#[allow(dead_code)]
#[path = "../../crates/documents/src/richtext.rs"]
mod richtext;

fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Case and meeting numbers, dates, clock times and the text checks of typed input.
pub fn numbers(data: &[u8]) {
    let s = text(data);
    let s = s.as_ref();

    if let Ok(c) = CaseNumber::parse(s) {
        assert!((1..=9999).contains(&c.number), "{s:?} gave {c:?}");
        assert!((2000..=2099).contains(&c.year), "{s:?} gave {c:?}");
        let shown = c.to_string();
        assert_eq!(
            CaseNumber::parse(&shown).ok(),
            Some(c),
            "{s:?} shown as {shown:?}"
        );
    }
    if let Ok(m) = MeetingNumber::parse(s) {
        assert!((1..=999).contains(&m.number), "{s:?} gave {m:?}");
        assert!((1900..=2999).contains(&m.year), "{s:?} gave {m:?}");
        let shown = m.to_string();
        assert_eq!(
            MeetingNumber::parse(&shown).ok(),
            Some(m),
            "{s:?} shown as {shown:?}"
        );
    }
    if let Ok(d) = numbers::parse_date("date", s) {
        use chrono::Datelike;
        assert!((1900..=2999).contains(&d.year()), "{s:?} gave {d}");
        // The record stores the ISO form; it must read back as the same day.
        let iso = d.to_string();
        assert_eq!(
            numbers::parse_date("date", &iso).ok(),
            Some(d),
            "{s:?} stored as {iso:?}"
        );
        for lang in [Lang::Nb, Lang::En] {
            assert!(!numbers::long_date(d, lang).is_empty());
        }
        assert_eq!(numbers::short_date(d).len(), 10, "{s:?}");
    }
    if let Ok(t) = numbers::parse_time("start", s) {
        use chrono::Timelike;
        assert_eq!(t.second(), 0, "{s:?} gave {t}");
        assert_eq!(t.nanosecond(), 0, "{s:?} gave {t}");
        for shown in [numbers::table_time(t), numbers::text_time(t)] {
            assert_eq!(
                numbers::parse_time("start", &shown).ok(),
                Some(t),
                "{s:?} shown as {shown:?}"
            );
        }
    }

    if let Ok(v) = validate::line("title", s) {
        assert!(!v.is_empty() && v.trim() == v, "{s:?} kept as {v:?}");
        assert!(!v.chars().any(char::is_control), "{s:?} kept as {v:?}");
        assert!(v.chars().count() <= validate::MAX_LINE);
        assert_eq!(
            validate::line("title", &v).ok().as_deref(),
            Some(v.as_str())
        );
    }
    if let Ok(v) = validate::text("summary", s) {
        assert!(!v.contains('\r'), "{s:?} kept as {v:?}");
        assert!(
            !v.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{s:?} kept as {v:?}"
        );
        assert!(v.chars().count() <= validate::MAX_TEXT);
        assert_eq!(
            validate::text("summary", &v).ok().as_deref(),
            Some(v.as_str())
        );
    }
    if let Ok(v) = validate::email(s) {
        assert!(
            v.is_empty() || v.matches('@').count() == 1,
            "{s:?} kept as {v:?}"
        );
    }
}

fn empty_export() -> &'static str {
    static EMPTY: OnceLock<String> = OnceLock::new();
    EMPTY.get_or_init(|| {
        Store::open_in_memory()
            .expect("in-memory record")
            .export_json()
            .expect("export of an empty record")
    })
}

/// `Store::import_json` into an empty record.
pub fn import(data: &[u8]) {
    // The CLI reads the file as UTF-8 and refuses anything else before importing.
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let store = Store::open_in_memory().expect("in-memory record");
    match store.import_json(json) {
        Err(e) => {
            for lang in [Lang::Nb, Lang::En] {
                assert!(
                    !e.message(lang).trim().is_empty(),
                    "empty message for {e:?}"
                );
            }
            let after = store.export_json().expect("export after a refused import");
            assert!(
                after == empty_export(),
                "a refused import ({e:?}) left rows behind"
            );
        }
        Ok(()) => {
            // What was accepted is a record: it exports, and that export imports again to the
            // same bytes.
            let first = store.export_json().expect("export after an import");
            let again = Store::open_in_memory().expect("in-memory record");
            if let Err(e) = again.import_json(&first) {
                panic!("the export of an accepted import is refused: {e:?}");
            }
            let second = again.export_json().expect("second export");
            assert!(
                first == second,
                "export → import → export changed the record"
            );
        }
    }
}

/// The rich-text parser of stored text (paragraphs, bullets, numbered lists).
pub fn richtext(data: &[u8]) {
    use quorum_typeset::{Block, CellBlock, Span};
    let s = text(data);
    let s = s.as_ref();

    let blocks = richtext::blocks(s);
    assert_eq!(blocks, richtext::blocks(s), "not deterministic");
    let mut spans: Vec<&Span> = Vec::new();
    for b in &blocks {
        match b {
            Block::Paragraph(v) => spans.extend(v),
            Block::Bullets(items) | Block::Numbered(items) => {
                assert!(!items.is_empty(), "an empty list from {s:?}");
                items.iter().for_each(|v| spans.extend(v));
            }
            other => panic!("{s:?} gave a block the parser never makes: {other:?}"),
        }
    }
    let cells = richtext::cell(s);
    let mut cell_spans: Vec<&Span> = Vec::new();
    for c in &cells {
        match c {
            CellBlock::Paragraph(v) | CellBlock::Bullet(v) => cell_spans.extend(v),
            #[allow(unreachable_patterns)]
            other => panic!("{s:?} gave a cell block the parser never makes: {other:?}"),
        }
    }

    for list in [&spans, &cell_spans] {
        let mut words_out = 0usize;
        for sp in list.iter() {
            assert!(!sp.text.trim().is_empty(), "an empty span from {s:?}");
            for w in sp.text.split_whitespace() {
                // The parser adds only the dash of a sub-bullet; numbers it re-adds are the
                // author's ("01." is shown "1.").
                words_out += 1;
                if w == "–" {
                    continue;
                }
                let w_num = w.trim_end_matches('.');
                assert!(
                    s.contains(w)
                        || (w.ends_with('.') && w_num.bytes().all(|b| b.is_ascii_digit())),
                    "{w:?} is not in the input {s:?}"
                );
            }
        }
        // Every word of the input is kept, except the list markers the parser consumes.
        let words_in = s
            .split_whitespace()
            .filter(|w| !matches!(*w, "-" | "•") && !is_marker(w))
            .count();
        assert!(
            words_out >= words_in,
            "{words_in} words in, {words_out} out, for {s:?}"
        );
    }
}

/// "1." or "12.": a number marker the parser may consume.
fn is_marker(w: &str) -> bool {
    w.strip_suffix('.')
        .is_some_and(|n| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}
