//! The benchmark of a large record (issue "Twenty years fast"): a deterministic generator of a
//! council's 20-year record (`generate`), text drawn from the sentences of the real documents
//! in `seeds/`, copies of `../shared/seeds` (`text`), and the measurements `make bench` runs (`main.rs`,
//! `documents`, `stats`), and the desktop app's figures over WebDriver (`desktop`, with the small
//! blocking client in `webdriver`).

pub mod desktop;
pub mod documents;
pub mod generate;
pub mod stats;
pub mod text;
pub mod webdriver;
