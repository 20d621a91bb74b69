//! One module per kind of thing the user acts on; each command calls the record and hands back
//! the affected object(s) with a line for people to read.

pub mod agenda;
pub mod backup;
pub mod body;
pub mod case;
pub mod consultation;
pub mod files;
pub mod groups;
pub mod meeting;
pub mod people;
pub mod presence;
pub mod record;
pub mod show;
pub mod signing;
pub mod votes;

use quorum_record::{Lang, Store};
use std::io::Read;
use std::path::Path;

pub type R<T> = quorum_documents::Result<T>;

/// What every command works with.
pub struct Ctx<'a> {
    pub store: &'a Store,
    pub lang: Lang,
    /// The record file.
    pub path: &'a Path,
}

impl Ctx<'_> {
    pub fn say(&self, nb: &str, en: &str) -> String {
        self.lang.pick(nb, en).to_string()
    }
}

/// A text argument; "-" reads it from stdin (for long decisions and narratives).
pub fn text_arg(value: &str) -> R<String> {
    if value != "-" {
        return Ok(value.to_string());
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|source| quorum_record::Error::Io {
            path: "stdin".to_string(),
            source,
        })?;
    let s = String::from_utf8(bytes).map_err(|_| {
        quorum_record::Error::other(
            "text",
            "Teksten fra standard inn («-») er ikke UTF-8. Lagre den som UTF-8 og prøv igjen.",
            "The text from standard input (\"-\") is not UTF-8. Save it as UTF-8 and try again.",
        )
    })?;
    Ok(s.trim_end_matches('\n').to_string())
}

/// An optional text argument, "-" reading stdin.
pub fn opt_text(value: &Option<String>) -> R<Option<String>> {
    value.as_deref().map(text_arg).transpose()
}

/// A value of one of the record's vocabularies as typed: refused with the choices in the
/// user's words (the record's own message names the field as the record stores it).
pub fn vocab<T: Copy>(
    text: &str,
    parsed: quorum_record::Result<T>,
    all: &[T],
    label: impl Fn(T, Lang) -> &'static str,
    what: (&str, &str),
) -> R<T> {
    parsed.map_err(|_| {
        let choices = |lang| {
            all.iter()
                .map(|v| label(*v, lang))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let t = text.trim();
        quorum_record::Error::other(
            "value",
            format!(
                "«{t}» er ikke {}. Velg en av: {}.",
                what.0,
                choices(Lang::Nb)
            ),
            format!(
                "\"{t}\" is not {}. Choose one of: {}.",
                what.1,
                choices(Lang::En)
            ),
        )
        .into()
    })
}
