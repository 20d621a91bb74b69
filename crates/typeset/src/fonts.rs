//! The embedded typeface (Carlito, metric-compatible with Calibri), glyph
//! advance measurement, and the clean-up that turns arbitrary text into text
//! the font can show.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

use printpdf::ParsedFont;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use super::error::PdfError;
use super::model::Style;
use super::notes::Notes;

static REGULAR: &[u8] = include_bytes!("../fonts/Carlito-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/Carlito-Bold.ttf");
static ITALIC: &[u8] = include_bytes!("../fonts/Carlito-Italic.ttf");
static BOLD_ITALIC: &[u8] = include_bytes!("../fonts/Carlito-BoldItalic.ttf");

/// Printed in place of a character cluster the font cannot show.
pub(crate) const REPLACEMENT: char = '\u{25A1}'; // □ WHITE SQUARE
/// No-break space: the font has no glyph of its own; it is set as a space that never breaks.
pub(crate) const NBSP: char = '\u{00A0}';
/// Zero-width space: a break opportunity, never printed.
pub(crate) const ZWSP: char = '\u{200B}';

/// One of the four embedded faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Face {
    Regular = 0,
    Bold = 1,
    Italic = 2,
    BoldItalic = 3,
}

impl Face {
    pub(crate) const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    pub(crate) fn from_style(style: Style) -> Face {
        match style {
            Style::Regular => Face::Regular,
            Style::Bold => Face::Bold,
            Style::Italic => Face::Italic,
            Style::BoldItalic => Face::BoldItalic,
        }
    }

    /// The bold counterpart (for bold table rows and headers).
    pub(crate) fn bolded(self) -> Face {
        match self {
            Face::Regular | Face::Bold => Face::Bold,
            Face::Italic | Face::BoldItalic => Face::BoldItalic,
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Face::Regular => "Carlito-Regular",
            Face::Bold => "Carlito-Bold",
            Face::Italic => "Carlito-Italic",
            Face::BoldItalic => "Carlito-BoldItalic",
        }
    }

    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR,
            Face::Bold => BOLD,
            Face::Italic => ITALIC,
            Face::BoldItalic => BOLD_ITALIC,
        }
    }
}

/// Code points below this are cached in a table per face, filled as they are first met: a
/// document uses a few hundred of them, and looking up all 9,728 in the font's cmap at start
/// was a third of a short document's whole run.
const DENSE: usize = 0x2600;
const MISSING: u32 = u32::MAX;
const NOT_YET: u32 = u32::MAX - 1;

/// A parsed face with a fast advance table.
pub(crate) struct FaceData {
    pub(crate) parsed: ParsedFont,
    /// `(gid << 16) | advance` per code point below [`DENSE`], [`MISSING`], or [`NOT_YET`]
    /// looked up. Atomic because the face set is shared by threads (relaxed: any thread's
    /// answer is the same).
    dense: Box<[AtomicU32]>,
    units_per_em: f32,
}

impl FaceData {
    fn load(face: Face) -> Result<FaceData, PdfError> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(face.bytes(), 0, &mut warnings)
            .ok_or(PdfError::Font { face: face.name() })?;
        let units_per_em = f32::from(parsed.pdf_font_metrics.units_per_em.max(1));
        Ok(FaceData {
            dense: (0..DENSE).map(|_| AtomicU32::new(NOT_YET)).collect(),
            units_per_em,
            parsed,
        })
    }

    /// Glyph id and advance in thousandths of an em, truncated exactly as
    /// printpdf truncates them for the PDF `/W` array, so that measured and
    /// printed widths agree.
    fn lookup(&self, c: char) -> Option<(u16, u16)> {
        let gid = self.parsed.lookup_glyph_index(c as u32)?;
        if gid == 0 {
            return None;
        }
        let adv = f32::from(self.parsed.get_horizontal_advance(gid));
        Some((gid, (adv * 1000.0 / self.units_per_em) as u16))
    }

    fn glyph(&self, c: char) -> Option<(u16, u16)> {
        let c = if c == NBSP { ' ' } else { c };
        let Some(slot) = self.dense.get(c as usize) else {
            return self.lookup(c);
        };
        let v = match slot.load(Ordering::Relaxed) {
            NOT_YET => {
                let v = self.lookup(c).map_or(MISSING, |(gid, adv)| {
                    (u32::from(gid) << 16) | u32::from(adv)
                });
                slot.store(v, Ordering::Relaxed);
                v
            }
            v => v,
        };
        (v != MISSING).then_some(((v >> 16) as u16, (v & 0xFFFF) as u16))
    }

    pub(crate) fn has(&self, c: char) -> bool {
        self.glyph(c).is_some()
    }

    /// Advance of `c` in thousandths of an em (0 for characters without a glyph).
    pub(crate) fn advance(&self, c: char) -> u32 {
        if c == ZWSP {
            return 0;
        }
        self.glyph(c).map_or(0, |(_, a)| u32::from(a))
    }
}

/// The four faces, parsed once per process.
pub(crate) struct FontSet {
    faces: Vec<FaceData>,
}

/// The parsed faces, or the name of the face that failed to parse.
static FONTS: OnceLock<Result<FontSet, &'static str>> = OnceLock::new();

/// The embedded fonts (parsed on first use, once per process).
pub(crate) fn fonts() -> Result<&'static FontSet, PdfError> {
    FONTS
        .get_or_init(|| FontSet::load().map_err(|e| e.face_name()))
        .as_ref()
        .map_err(|face| PdfError::Font { face })
}

impl FontSet {
    /// The four parses are independent and overlap on threads: in a fresh process, parsing
    /// them one after another (about 0.9 ms each) was a fifth of writing a short agenda.
    fn load() -> Result<FontSet, PdfError> {
        let faces = std::thread::scope(|s| {
            let rest: Vec<_> = Face::ALL[1..]
                .iter()
                .map(|&f| (f, s.spawn(move || FaceData::load(f))))
                .collect();
            let first = FaceData::load(Face::ALL[0]);
            std::iter::once(first)
                .chain(
                    rest.into_iter()
                        .map(|(f, h)| h.join().unwrap_or(Err(PdfError::Font { face: f.name() }))),
                )
                .collect::<Result<Vec<_>, _>>()
        })?;
        Ok(FontSet { faces })
    }

    pub(crate) fn face(&self, face: Face) -> &FaceData {
        &self.faces[face as usize]
    }

    /// Width of `text` in points at `size`.
    pub(crate) fn width(&self, face: Face, text: &str, size: f32) -> f32 {
        let f = self.face(face);
        let units: u32 = text.chars().map(|c| f.advance(c)).sum();
        units as f32 * size / 1000.0
    }

    /// Width of one character in points at `size`.
    pub(crate) fn char_width(&self, face: Face, c: char, size: f32) -> f32 {
        self.face(face).advance(c) as f32 * size / 1000.0
    }

    /// Turns arbitrary text into text this face can show.
    ///
    /// Normalises to NFC (so `e` + combining acute becomes `é`), turns tabs
    /// into spaces and line/paragraph separators into `'\n'`, drops control
    /// and invisible formatting characters, and maps a few characters the
    /// font lacks onto ones it has (U+2010/U+2011 hyphens to `-`). What is
    /// left that the font cannot show is replaced per grapheme cluster by `□`
    /// (a mark on a known base letter is dropped instead), and recorded.
    pub(crate) fn prepare(&self, face: Face, text: &str, notes: &mut Notes) -> String {
        if text
            .bytes()
            .all(|b| (0x20..0x7F).contains(&b) || b == b'\n')
        {
            return text.to_string();
        }
        let fd = self.face(face);
        let normal: String = text.nfc().collect();
        let mut out = String::with_capacity(normal.len());
        for cluster in normal.graphemes(true) {
            let mut kept = String::new();
            let mut base_missing = false;
            let mut any_missing = false;
            for (i, c) in cluster.chars().enumerate() {
                let mapped = match c {
                    '\n' | '\u{2028}' | '\u{2029}' | '\u{0085}' => Some('\n'),
                    '\t' => Some(' '),
                    '\r' => None,
                    '\u{00AD}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
                    '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' => None,
                    '\u{2010}' | '\u{2011}' => Some('-'),
                    NBSP | ZWSP => Some(c),
                    c if c.is_control() => None,
                    c if fd.has(c) => Some(c),
                    _ => {
                        any_missing = true;
                        base_missing |= i == 0;
                        None
                    }
                };
                if let Some(m) = mapped {
                    kept.push(m);
                }
            }
            if any_missing {
                notes.replaced(cluster);
                if base_missing || kept.is_empty() {
                    out.push(if fd.has(REPLACEMENT) {
                        REPLACEMENT
                    } else {
                        '?'
                    });
                    continue;
                }
            }
            out.push_str(&kept);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_and_typographic_characters_are_in_every_face() {
        let set = fonts().unwrap();
        for face in Face::ALL {
            for c in "æøåÆØÅé–—«»“”‘’•§€½ ".chars() {
                assert!(set.face(face).has(c), "{face:?} lacks {c:?}");
            }
            assert!(set.face(face).has(REPLACEMENT));
        }
    }

    #[test]
    fn advances_match_printpdf_widths() {
        let set = fonts().unwrap();
        let f = set.face(Face::Regular);
        for c in "Aaæ W.".chars() {
            let (gid, adv) = f.glyph(c).unwrap();
            let glyph = f.parsed.get_or_decode_glyph(gid).unwrap();
            let w = (glyph.horz_advance as f32 * 1000.0 / f.units_per_em) as u16;
            assert_eq!(adv, w, "{c:?}");
        }
        // Calibri's "a" is 479/1000 em wide; Carlito is metric-compatible.
        assert_eq!(set.width(Face::Regular, "a", 1000.0).round(), 479.0);
    }

    #[test]
    fn prepare_replaces_what_the_font_lacks() {
        let set = fonts().unwrap();
        let mut notes = Notes::default();
        let out = set.prepare(
            Face::Regular,
            "Møte 👍🏽 ok\u{00AD}ay e\u{0301} \u{05E9}\u{05DC}\u{05D5}\u{05DD}\tx\u{2011}y",
            &mut notes,
        );
        assert_eq!(out, "Møte □ okay é □□□□ x-y");
        let notes = notes.into_vec();
        assert!(notes
            .iter()
            .any(|n| matches!(n, crate::RenderNote::GlyphReplaced { text, .. } if text == "👍🏽")));
    }
}
