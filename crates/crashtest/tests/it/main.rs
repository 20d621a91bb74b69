//! The harness end to end: a handful of kills on a fresh record lose nothing and leave the file
//! sound, and a write acknowledged but never made is reported lost (the check can fail).

use std::process::{Command, Output};

fn crashtest(args: &[&str], lie: bool) -> (Output, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quorum-crashtest"));
    cmd.args(args).arg("--dir").arg(dir.path());
    if lie {
        cmd.env("QUORUM_CRASHTEST_LIE", "1");
    }
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, stdout, stderr)
}

fn acknowledged(stdout: &str) -> u64 {
    stdout
        .split_whitespace()
        .find_map(|w| w.strip_prefix("acknowledged="))
        .and_then(|n| n.parse().ok())
        .unwrap()
}

#[test]
fn a_handful_of_kills_lose_nothing() {
    let (out, stdout, stderr) = crashtest(&["--runs", "12", "--seed", "7"], false);
    assert_eq!(
        stdout.lines().last(),
        Some("runs=12 lost=0 integrity_failures=0"),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    assert!(out.status.success(), "{stderr}");
    assert!(
        acknowledged(&stdout) > 0,
        "no write acknowledged:\n{stdout}\n{stderr}"
    );
}

#[test]
fn an_acknowledged_write_missing_from_the_record_is_reported_lost() {
    let args = [
        "--runs",
        "3",
        "--seed",
        "3",
        "--min-delay-ms",
        "60",
        "--max-delay-ms",
        "120",
    ];
    let (out, stdout, stderr) = crashtest(&args, true);
    let last = stdout.lines().last().unwrap_or_default();
    assert!(last.starts_with("runs=3 lost="), "{stdout}\n{stderr}");
    assert!(!last.starts_with("runs=3 lost=0 "), "{stdout}\n{stderr}");
    assert!(
        last.ends_with(" integrity_failures=0"),
        "{stdout}\n{stderr}"
    );
    assert!(!out.status.success());
    assert!(stderr.contains("LOST innspill:"), "{stderr}");
}
