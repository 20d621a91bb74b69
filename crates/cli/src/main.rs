//! `quorum`: the command line over the record. Errors go to stderr in the user's language with a
//! non-zero exit.

mod cli;

fn main() {
    std::process::exit(cli::run(std::env::args_os().collect()));
}
