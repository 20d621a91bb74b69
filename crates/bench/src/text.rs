//! Text for the generated record: the sentences of the real documents in `seeds/` (copies of `../shared/seeds`),
//! picked with a seeded PRNG so that the same seed always gives the same record.

use std::path::{Path, PathBuf};

/// SplitMix64: tiny, fast and good enough to pick sentences; the same seed gives the same stream
/// on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A stream of its own for one part of the record (body, year, meeting), so that a part's
    /// content does not depend on how much was generated before it: the 1-year record's 2025
    /// meetings are the 20-year record's 2025 meetings.
    pub fn derive(seed: u64, parts: &[u64]) -> Rng {
        let mut r = Rng(seed ^ 0x5155_4f52_554d_4245);
        for p in parts {
            r.0 ^= r.next_u64().wrapping_add(*p);
            r.next_u64();
        }
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Where the seed documents are: `QUORUM_SEEDS`, else the copies in the repository
/// (`crates/bench/seeds`, from `../shared/seeds`), so a fresh clone generates the same record.
pub fn seeds_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("QUORUM_SEEDS") {
        return PathBuf::from(dir);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// The sentences of the seed documents, in file order.
#[derive(Debug, Clone)]
pub struct Sentences {
    all: Vec<String>,
}

impl Sentences {
    /// Reads every `.txt` file of `dir` (sorted by name, so the order never depends on the file
    /// system).
    pub fn load(dir: &Path) -> Result<Sentences, String> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| format!("seed documents in {}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        let mut all = Vec::new();
        for f in &files {
            let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
            all.extend(split(&text));
        }
        let mut seen = std::collections::HashSet::new();
        all.retain(|s| seen.insert(s.clone()));
        if all.len() < 200 {
            return Err(format!(
                "only {} usable sentences in {} (set QUORUM_SEEDS to the seed documents)",
                all.len(),
                dir.display()
            ));
        }
        Ok(Sentences { all })
    }

    pub fn len(&self) -> usize {
        self.all.len()
    }

    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }

    pub fn one(&self, rng: &mut Rng) -> &str {
        rng.pick(&self.all).as_str()
    }

    /// `n` sentences as one paragraph.
    pub fn para(&self, rng: &mut Rng, n: usize) -> String {
        (0..n).map(|_| self.one(rng)).collect::<Vec<_>>().join(" ")
    }

    /// A title: the first words of a sentence, without its closing punctuation.
    pub fn title(&self, rng: &mut Rng) -> String {
        let s = self.one(rng);
        let n = rng.between(4, 9);
        let words: Vec<&str> = s.split_whitespace().take(n).collect();
        let t = words.join(" ");
        let t = t.trim_end_matches(|c: char| !c.is_alphanumeric());
        let mut chars = t.chars();
        match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => "Sak".to_string(),
        }
    }
}

/// Text extracted from PDFs into sentences: line breaks and control characters (form feeds)
/// become spaces, a sentence ends at . ? or ! before a capital letter or digit, and fragments of
/// tables and headings (short, few letters) are left out.
fn split(text: &str) -> Vec<String> {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = flat.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        let end = matches!(chars[i], '.' | '?' | '!')
            && chars.get(i + 1) == Some(&' ')
            && chars
                .get(i + 2)
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if end || i + 1 == chars.len() {
            let s: String = chars[start..=i].iter().collect();
            let s = s.trim().to_string();
            if usable(&s) {
                out.push(s);
            }
            start = i + 1;
        }
    }
    out
}

fn usable(s: &str) -> bool {
    let n = s.chars().count();
    let words = s.split_whitespace().count();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let visible = s.chars().filter(|c| !c.is_whitespace()).count();
    (40..=300).contains(&n)
        && words >= 6
        && letters * 100 >= visible * 85
        && s.chars().next().is_some_and(char::is_uppercase)
        && s.ends_with(['.', '?', '!'])
        && !s.contains("  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_punctuation_before_a_capital() {
        let s = split(
            "Rådet drøftet saken og la vekt på arbeidet.  Dette er en setning\nover to linjer som slutter her. \
             kort. Tabell 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22.",
        );
        assert_eq!(
            s,
            vec![
                "Rådet drøftet saken og la vekt på arbeidet.",
                "Dette er en setning over to linjer som slutter her. kort."
            ]
        );
    }

    #[test]
    fn derived_streams_are_stable_and_distinct() {
        let a = Rng::derive(7, &[1, 2]).next_u64();
        assert_eq!(a, Rng::derive(7, &[1, 2]).next_u64());
        assert_ne!(a, Rng::derive(7, &[2, 1]).next_u64());
        assert_ne!(a, Rng::derive(8, &[1, 2]).next_u64());
    }
}
