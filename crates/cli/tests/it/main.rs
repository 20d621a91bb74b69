//! The `quorum` binary driven as a script would drive it.

mod support;

mod actions;
mod backup;
mod cli;
mod corpus;
mod council;
mod import;
