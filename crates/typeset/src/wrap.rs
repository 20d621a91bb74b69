//! Line breaking by measured glyph advances.
//!
//! Breaks at spaces (and zero-width spaces); `'\n'` forces a break. A word
//! wider than the line is broken between grapheme clusters, preferably after
//! a hyphen, dash or slash, so nothing ever runs past the line end (short of
//! a line narrower than one letter). No-break spaces keep words together.

use unicode_segmentation::UnicodeSegmentation;

use super::fonts::{Face, FontSet, NBSP, ZWSP};
use super::notes::Notes;

/// Text in one face, already [prepared](FontSet::prepare) for that face.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub(crate) face: Face,
    pub(crate) text: String,
}

/// A piece of a line in one face, at `x` points from the line start.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Frag {
    pub(crate) face: Face,
    pub(crate) text: String,
    pub(crate) x: f32,
    pub(crate) width: f32,
}

/// One set line.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Line {
    pub(crate) frags: Vec<Frag>,
    pub(crate) width: f32,
}

impl Line {
    pub(crate) fn text(&self) -> String {
        self.frags.iter().map(|f| f.text.as_str()).collect()
    }
}

/// A word: consecutive non-space text, possibly in several faces.
#[derive(Default)]
struct Word {
    pieces: Vec<(Face, String, f32)>,
    width: f32,
}

impl Word {
    fn push(&mut self, face: Face, c: char, w: f32) {
        let c = if c == NBSP { ' ' } else { c };
        match self.pieces.last_mut() {
            Some((f, s, pw)) if *f == face => {
                s.push(c);
                *pw += w;
            }
            _ => self.pieces.push((face, c.to_string(), w)),
        }
        self.width += w;
    }
    fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }
    fn clear(&mut self) {
        self.pieces.clear();
        self.width = 0.0;
    }
    fn text(&self) -> String {
        self.pieces.iter().map(|p| p.1.as_str()).collect()
    }
}

enum Token<'a> {
    Word(&'a Word),
    Space(Face),
    /// A break opportunity without space (U+200B).
    Opportunity,
    /// A hard line break.
    Newline,
}

/// Feeds the tokens of `runs` to `sink`.
fn tokenize(fonts: &FontSet, runs: &[Run], size: f32, mut sink: impl FnMut(Token<'_>)) {
    let mut word = Word::default();
    for run in runs {
        let face = fonts.face(run.face);
        for c in run.text.chars() {
            match c {
                ' ' | '\n' | ZWSP => {
                    if !word.is_empty() {
                        sink(Token::Word(&word));
                        word.clear();
                    }
                    sink(match c {
                        ' ' => Token::Space(run.face),
                        '\n' => Token::Newline,
                        _ => Token::Opportunity,
                    });
                }
                _ => word.push(run.face, c, face.advance(c) as f32 * size / 1000.0),
            }
        }
    }
    if !word.is_empty() {
        sink(Token::Word(&word));
    }
}

/// Widest word and widest unbroken line of `runs` in points: the narrowest
/// and the most a column needs.
pub(crate) fn measure(fonts: &FontSet, runs: &[Run], size: f32) -> (f32, f32) {
    let (mut min, mut max, mut line) = (0.0f32, 0.0f32, 0.0f32);
    let mut space = 0.0;
    tokenize(fonts, runs, size, |t| match t {
        Token::Word(w) => {
            min = min.max(w.width);
            if line > 0.0 {
                line += space;
            }
            line += w.width;
            space = 0.0;
        }
        Token::Space(f) => space = fonts.char_width(f, ' ', size),
        Token::Opportunity => {}
        Token::Newline => {
            max = max.max(line);
            line = 0.0;
            space = 0.0;
        }
    });
    (min, max.max(line))
}

/// Breaks `runs` into lines no wider than `max_width` points.
/// Empty text gives no lines; each `'\n'` ends a line (possibly empty).
pub(crate) fn wrap(
    fonts: &FontSet,
    runs: &[Run],
    size: f32,
    max_width: f32,
    notes: &mut Notes,
) -> Vec<Line> {
    wrap_hanging(fonts, runs, size, max_width, max_width, notes)
}

/// Like [`wrap`], with lines after the first no wider than `rest_width`
/// (for a hanging indent).
pub(crate) fn wrap_hanging(
    fonts: &FontSet,
    runs: &[Run],
    size: f32,
    max_width: f32,
    rest_width: f32,
    notes: &mut Notes,
) -> Vec<Line> {
    let mut b = Builder {
        rest_max: rest_width,
        fonts,
        size,
        lines: Vec::new(),
        cur: Line::default(),
        space: None,
        max: max_width,
    };
    tokenize(fonts, runs, size, |t| match t {
        Token::Word(w) => b.word(w, notes),
        Token::Space(f) => {
            if !b.cur.frags.is_empty() {
                b.space = Some((f, fonts.char_width(f, ' ', size)));
            }
        }
        Token::Opportunity => b.space = b.space.or(Some((Face::Regular, 0.0))),
        Token::Newline => b.finish(),
    });
    if !b.cur.frags.is_empty() {
        b.finish();
    }
    b.lines
}

/// Slack for float rounding when comparing widths.
const EPS: f32 = 0.01;

struct Builder<'f> {
    fonts: &'f FontSet,
    size: f32,
    lines: Vec<Line>,
    cur: Line,
    /// Space to put before the next word if it goes on the current line.
    space: Option<(Face, f32)>,
    max: f32,
    /// Width of the lines after the first.
    rest_max: f32,
}

impl Builder<'_> {
    fn finish(&mut self) {
        self.lines.push(std::mem::take(&mut self.cur));
        self.space = None;
        self.max = self.rest_max;
    }

    fn push(&mut self, face: Face, text: &str, width: f32) {
        match self.cur.frags.last_mut() {
            Some(f) if f.face == face => {
                f.text.push_str(text);
                f.width += width;
            }
            _ => self.cur.frags.push(Frag {
                face,
                text: text.to_string(),
                x: self.cur.width,
                width,
            }),
        }
        self.cur.width += width;
    }

    fn push_word(&mut self, w: &Word) {
        if let Some((face, width)) = self.space.take() {
            if !self.cur.frags.is_empty() && width > 0.0 {
                self.push(face, " ", width);
            }
        }
        for (face, text, width) in &w.pieces {
            self.push(*face, text, *width);
        }
    }

    fn word(&mut self, w: &Word, notes: &mut Notes) {
        let space = if self.cur.frags.is_empty() {
            0.0
        } else {
            self.space.map_or(0.0, |s| s.1)
        };
        if self.cur.width + space + w.width <= self.max + EPS {
            self.push_word(w);
            return;
        }
        if !self.cur.frags.is_empty() {
            self.finish();
        }
        self.space = None;
        if w.width <= self.max + EPS {
            self.push_word(w);
        } else {
            notes.word_broken(&w.text());
            self.break_word(w);
        }
    }

    /// Sets a word wider than a line over several lines, breaking between
    /// grapheme clusters (never inside one, so combining marks stay on their
    /// letter), preferably after a hyphen, dash or slash.
    fn break_word(&mut self, w: &Word) {
        let mut clusters: Vec<(Face, &str, f32)> = Vec::new();
        for (face, text, _) in &w.pieces {
            for g in text.graphemes(true) {
                clusters.push((*face, g, self.fonts.width(*face, g, self.size)));
            }
        }
        let mut start = 0;
        while start < clusters.len() {
            let mut width = 0.0;
            let mut end = start;
            let mut after_hyphen = None;
            while end < clusters.len() {
                let cw = clusters[end].2;
                if end > start && width + cw > self.max + EPS {
                    break;
                }
                width += cw;
                end += 1;
                if matches!(clusters[end - 1].1, "-" | "\u{2013}" | "\u{2014}" | "/") {
                    after_hyphen = Some(end);
                }
            }
            if end < clusters.len() {
                if let Some(h) = after_hyphen.filter(|&h| h > start && h < end) {
                    end = h;
                }
            }
            for &(face, g, cw) in &clusters[start..end] {
                self.push(face, g, cw);
            }
            start = end;
            if start < clusters.len() {
                self.finish();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::fonts;

    fn run(text: &str) -> Vec<Run> {
        vec![Run {
            face: Face::Regular,
            text: text.to_string(),
        }]
    }

    fn lines(text: &str, width: f32) -> Vec<String> {
        let mut notes = Notes::default();
        wrap(fonts().unwrap(), &run(text), 11.0, width, &mut notes)
            .iter()
            .map(Line::text)
            .collect()
    }

    #[test]
    fn breaks_at_spaces_within_the_width() {
        let set = fonts().unwrap();
        let text = "Rådet drøftet saken og la vekt på at kommunene må involveres tidlig";
        let mut notes = Notes::default();
        let ls = wrap(set, &run(text), 11.0, 120.0, &mut notes);
        assert!(ls.len() > 2);
        for l in &ls {
            assert!(l.width <= 120.0 + EPS, "{l:?}");
            assert!((l.width - set.width(Face::Regular, &l.text(), 11.0)).abs() < 0.01);
            assert!(!l.text().starts_with(' ') && !l.text().ends_with(' '));
        }
        let joined: Vec<String> = ls.iter().map(Line::text).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn hard_breaks_and_no_break_spaces() {
        assert_eq!(lines("a\n\nb", 500.0), ["a", "", "b"]);
        // The no-break space is printed as a space but never breaks.
        let ls = lines("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx kl.\u{a0}10.00", 160.0);
        assert_eq!(ls.last().unwrap(), "kl. 10.00");
    }

    #[test]
    fn long_words_break_after_hyphens_or_between_clusters() {
        let ls = lines(
            "helse-og-omsorgsdepartementets-saksbehandlingssystem",
            100.0,
        );
        assert!(ls.len() > 1);
        assert!(ls[0].ends_with('-'), "{ls:?}");
        // Combining marks stay on their letter.
        let word = "e\u{301}".repeat(80);
        for l in lines(&word, 50.0) {
            assert!(!l.starts_with('\u{301}'), "mark separated from its letter");
        }
        // A line narrower than one letter still makes progress.
        assert_eq!(lines("abc", 0.5), ["a", "b", "c"]);
    }

    #[test]
    fn hanging_indent_narrows_later_lines() {
        let set = fonts().unwrap();
        let mut notes = Notes::default();
        let text = "en to tre fire fem seks sju åtte ni ti elleve tolv tretten fjorten";
        let ls = wrap_hanging(set, &run(text), 11.0, 150.0, 100.0, &mut notes);
        assert!(ls[0].width > 100.0 && ls[0].width <= 150.0 + EPS);
        assert!(ls[1..].iter().all(|l| l.width <= 100.0 + EPS));
    }

    #[test]
    fn measure_gives_longest_word_and_full_width() {
        let set = fonts().unwrap();
        let (min, max) = measure(set, &run("kort langeste ord"), 11.0);
        assert!((min - set.width(Face::Regular, "langeste", 11.0)).abs() < 0.01);
        assert!((max - set.width(Face::Regular, "kort langeste ord", 11.0)).abs() < 0.01);
    }
}
