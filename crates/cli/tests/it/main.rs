//! The `quorum` binary driven as a script would drive it.

mod actions;
mod cli;
