//! What the engine had to improvise, reported back to the caller.

use std::collections::BTreeMap;

/// Something the engine did to make hostile or unusual content fit.
/// None of these stop rendering; they are listed for logs and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderNote {
    /// Text the embedded font cannot show (emoji, scripts it does not cover).
    /// Each cluster was printed as `□`, or, for an unknown combining mark on a
    /// known letter, the mark was left out.
    GlyphReplaced { text: String, count: usize },
    /// A word wider than its line was broken between letters
    /// (the first 40 characters of the word).
    WordBroken { word: String },
    /// A table row taller than a page was split across pages.
    RowSplit { table: usize, row: usize },
    /// A warning of the PDF backend.
    Backend(String),
}

/// Collects notes without duplicates, in a stable order.
#[derive(Debug, Default)]
pub(crate) struct Notes {
    replaced: BTreeMap<String, usize>,
    broken: Vec<String>,
    broken_total: usize,
    row_splits: Vec<(usize, usize)>,
    backend: Vec<String>,
}

/// Broken words are listed up to this many; a hostile paragraph could have thousands.
const MAX_BROKEN_LISTED: usize = 20;

impl Notes {
    pub(crate) fn replaced(&mut self, cluster: &str) {
        *self.replaced.entry(cluster.to_string()).or_insert(0) += 1;
    }

    pub(crate) fn word_broken(&mut self, word: &str) {
        self.broken_total += 1;
        if self.broken.len() < MAX_BROKEN_LISTED {
            self.broken.push(word.chars().take(40).collect());
        }
    }

    pub(crate) fn row_split(&mut self, table: usize, row: usize) {
        if !self.row_splits.contains(&(table, row)) {
            self.row_splits.push((table, row));
        }
    }

    pub(crate) fn backend(&mut self, msg: String) {
        if !self.backend.contains(&msg) {
            self.backend.push(msg);
        }
    }

    pub(crate) fn into_vec(self) -> Vec<RenderNote> {
        let mut out: Vec<RenderNote> = self
            .replaced
            .into_iter()
            .map(|(text, count)| RenderNote::GlyphReplaced { text, count })
            .collect();
        out.extend(
            self.broken
                .into_iter()
                .map(|word| RenderNote::WordBroken { word }),
        );
        out.extend(
            self.row_splits
                .into_iter()
                .map(|(table, row)| RenderNote::RowSplit { table, row }),
        );
        out.extend(self.backend.into_iter().map(RenderNote::Backend));
        out
    }
}
