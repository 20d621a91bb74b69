//! Running the built `quorum` binary on a record file, shared by the CLI tests.

use std::path::Path;
use std::process::Command;

pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `quorum --db DB ARGS` with a neutral locale (Norwegian by default) plus `env`.
pub fn run_env(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Out {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quorum"));
    cmd.arg("--db").arg(db).args(args);
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "QUORUM_DB"] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let o = cmd.output().expect("run quorum");
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8(o.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(o.stderr).expect("utf-8 stderr"),
    }
}

pub fn run(db: &Path, args: &[&str]) -> Out {
    run_env(db, args, &[])
}

pub fn ok(db: &Path, args: &[&str]) -> String {
    let o = run(db, args);
    assert_eq!(o.code, 0, "{args:?} failed: {}", o.stderr);
    assert_eq!(o.stderr, "", "{args:?}");
    o.stdout
}

/// Whitespace collapsed, so checks do not depend on column layout or wrapping.
pub fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
