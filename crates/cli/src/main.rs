//! `quorum`: the command line over the record. Errors go to stderr in the user's language with a
//! non-zero exit: 2 for usage errors, 1 when the record refuses.

mod args;
mod cli;
mod commands;
mod output;
mod resolve;
mod usage;

fn main() {
    std::process::exit(cli::run(std::env::args_os().collect()));
}
