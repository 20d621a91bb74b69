//! The benchmark of a large record (issue "Twenty years fast"): a deterministic generator of a
//! council's 20-year record (`generate`), text drawn from the sentences of the real documents
//! in `seeds/`, copies of `../shared/seeds` (`text`), and the measurements `make bench` runs (`main.rs`,
//! `documents`, `stats`).

pub mod documents;
pub mod generate;
pub mod stats;
pub mod text;
