//! Crash harness for the record ("A record to trust"). `quorum-crashtest --runs N` plays live
//! recording and editing in a child process through the `Store` methods the app calls, kills it
//! with SIGKILL at seeded random moments, reopens the record and checks its integrity and that
//! every acknowledged write survived. The last line is `runs=N lost=L integrity_failures=F`; the
//! exit status is non-zero when L or F is.
//!
//! `quorum-crashtest --child DB ACKFILE SEED` is the child (the parent runs its own executable).

mod ack;
mod child;
mod parent;
mod rng;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

const USAGE: &str = "usage: quorum-crashtest [--runs N] [--seed S] [--dir DIR] [--min-delay-ms MS] [--max-delay-ms MS]
       quorum-crashtest --child DB ACKFILE SEED";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        let [_, db, ack, seed] = args.as_slice() else {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        };
        let Ok(seed) = seed.parse() else {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        };
        return ExitCode::from(child::run(db.as_ref(), ack.as_ref(), seed) as u8);
    }
    let mut opts = parent::Options {
        runs: 1000,
        seed: 1,
        dir: PathBuf::from("target/crashtest"),
        min_delay: Duration::from_micros(10),
        max_delay: Duration::from_millis(300),
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next();
        let ok = match (flag.as_str(), value) {
            ("--runs", Some(v)) => v.parse().map(|n| opts.runs = n).is_ok(),
            ("--seed", Some(v)) => v.parse().map(|n| opts.seed = n).is_ok(),
            ("--dir", Some(v)) => {
                opts.dir = PathBuf::from(v);
                true
            }
            ("--min-delay-ms", Some(v)) => v
                .parse()
                .map(|n| opts.min_delay = Duration::from_millis(n))
                .is_ok(),
            ("--max-delay-ms", Some(v)) => v
                .parse()
                .map(|n| opts.max_delay = Duration::from_millis(n))
                .is_ok(),
            _ => false,
        };
        if !ok {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    }
    eprintln!(
        "crashtest: {} runs, seed {}, record {}",
        opts.runs,
        opts.seed,
        opts.dir.join("record.db").display()
    );
    match parent::run(&opts) {
        Ok(out) => {
            let refused: Vec<String> = out
                .refused
                .iter()
                .map(|(op, n)| format!("{op}={n}"))
                .collect();
            println!(
                "acknowledged={} in_flight_committed={} in_flight_rolled_back={} refused: {}",
                out.acked,
                out.in_flight_committed,
                out.in_flight_rolled_back,
                if refused.is_empty() {
                    "none".into()
                } else {
                    refused.join(" ")
                }
            );
            println!(
                "runs={} lost={} integrity_failures={}",
                out.runs, out.lost, out.integrity_failures
            );
            if out.acked == 0 {
                eprintln!("crashtest: the child acknowledged no write: nothing was tested");
            }
            if out.lost > 0 || out.integrity_failures > 0 || out.acked == 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("crashtest: {e}");
            println!("runs=0 lost=0 integrity_failures=1");
            ExitCode::FAILURE
        }
    }
}
