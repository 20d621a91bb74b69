//! The parent: starts the child on the record, kills it with SIGKILL after a seeded random delay,
//! reopens the record with `Store::open`, checks it (`PRAGMA integrity_check`,
//! `PRAGMA foreign_key_check`) and that every acknowledged write is there with its exact text,
//! then starts the next run on the same file.

use crate::ack::{self, Event};
use crate::rng::Rng;
use quorum_record::Store;
use rusqlite::{Connection, OpenFlags};
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub struct Options {
    pub runs: u64,
    pub seed: u64,
    pub dir: PathBuf,
    /// Kill delays are log-uniform between these (10 µs and 300 ms by default).
    pub min_delay: Duration,
    pub max_delay: Duration,
}

#[derive(Default)]
pub struct Outcome {
    pub runs: u64,
    pub lost: u64,
    pub integrity_failures: u64,
    pub acked: u64,
    pub refused: BTreeMap<String, u64>,
    pub in_flight_committed: u64,
    pub in_flight_rolled_back: u64,
}

/// The values of the record the keys of the ack log name (absent rows are `None`).
struct Actual(HashMap<String, Option<String>>);

impl Actual {
    fn read(conn: &Connection) -> rusqlite::Result<Actual> {
        let mut map = HashMap::new();
        let mut load = |sql: &str, prefix: &str| -> rusqlite::Result<()> {
            let mut st = conn.prepare(sql)?;
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                let id: String = r.get(0)?;
                let v: Option<String> = r.get(1)?;
                map.insert(format!("{prefix}:{id}"), v);
            }
            Ok(())
        };
        load("SELECT id, text FROM innspill", "innspill")?;
        load("SELECT id, narrative FROM agenda_item", "narrative")?;
        load("SELECT id, title FROM agenda_item", "item")?;
        load("SELECT id, decision FROM \"case\"", "decision")?;
        load(
            "SELECT id, title || char(10) || summary FROM \"case\"",
            "case",
        )?;
        load(
            "SELECT id, text || ' | ' || responsible FROM action_point",
            "action",
        )?;
        load(
            "SELECT meeting_id || ':' || person_id, status || '/' || remote FROM attendance",
            "attendance",
        )?;
        Ok(Actual(map))
    }

    fn get(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned().flatten()
    }
}

fn remove_record(db: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// `integrity_check` and `foreign_key_check` on a read-only connection; the problems found.
fn integrity(db: &Path) -> Result<Vec<String>, String> {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| format!("read-only open: {e}"))?;
    let mut problems = Vec::new();
    let mut st = conn
        .prepare("PRAGMA integrity_check")
        .map_err(|e| e.to_string())?;
    let rows: Vec<String> = st
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| format!("integrity_check: {e}"))?;
    if rows != ["ok"] {
        problems.extend(rows);
    }
    let mut st = conn
        .prepare("PRAGMA foreign_key_check")
        .map_err(|e| e.to_string())?;
    let fk: Vec<String> = st
        .query_map([], |r| {
            Ok(format!(
                "foreign key: {} row {:?} -> {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, String>(2)?
            ))
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| format!("foreign_key_check: {e}"))?;
    problems.extend(fk);
    Ok(problems)
}

fn short(v: &Option<String>) -> String {
    match v {
        None => "(absent)".into(),
        Some(s) if s.chars().count() > 70 => {
            format!("{:?}…", s.chars().take(70).collect::<String>())
        }
        Some(s) => format!("{s:?}"),
    }
}

pub fn run(opts: &Options) -> Result<Outcome, String> {
    std::fs::create_dir_all(&opts.dir).map_err(|e| format!("{}: {e}", opts.dir.display()))?;
    let db = opts.dir.join("record.db");
    let ack_path = opts.dir.join("acks.jsonl");
    remove_record(&db);
    {
        let store = Store::open(&db).map_err(|e| format!("create {}: {e}", db.display()))?;
        store.load_demo().map_err(|e| format!("demo: {e}"))?;
    }
    let exe = std::env::current_exe().map_err(|e| format!("current_exe: {e}"))?;
    let mut rng = Rng::new(opts.seed);
    // Every value ever acknowledged, as the record must now hold it.
    let mut expected: HashMap<String, Option<String>> = HashMap::new();
    let mut out = Outcome::default();
    let lo = opts.min_delay.as_secs_f64().max(1e-6).ln();
    let hi = opts.max_delay.as_secs_f64().max(1e-6).ln().max(lo);
    let started = Instant::now();

    for run in 1..=opts.runs {
        out.runs = run;
        let child_seed = rng.next_u64() >> 16;
        let delay = Duration::from_secs_f64((lo + rng.unit() * (hi - lo)).exp());
        // One run in ten is killed without waiting for the first write: during open, recovery
        // of the previous kill's WAL, or reading the targets.
        let wait_ready = rng.below(10) != 0;
        let _ = std::fs::remove_file(&ack_path);
        let mut child = Command::new(&exe)
            .arg("--child")
            .arg(&db)
            .arg(&ack_path)
            .arg(child_seed.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("spawn child: {e}"))?;
        let stdout = child.stdout.take().expect("piped stdout");
        let mut exited_early = false;
        if wait_ready {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            if line != "ready\n" {
                exited_early = true;
            }
        }
        if !exited_early {
            std::thread::sleep(delay);
        }
        // std's Child::kill sends SIGKILL on Unix.
        let _ = child.kill();
        let status = child.wait().map_err(|e| format!("wait child: {e}"))?;
        {
            use std::os::unix::process::ExitStatusExt;
            if status.signal() != Some(9) {
                // The child never exits by itself: it could not open or read the record.
                out.integrity_failures += 1;
                eprintln!("run {run}: child ended without being killed ({status}): the record could not be opened or read");
            }
        }

        // The app's path first: Store::open recovers the WAL the kill left.
        let store = match Store::open(&db).and_then(|s| s.bodies().map(|_| s)) {
            Ok(s) => Some(s),
            Err(e) => {
                out.integrity_failures += 1;
                eprintln!("run {run}: Store::open after the kill failed: {e}");
                None
            }
        };
        match integrity(&db) {
            Ok(p) if p.is_empty() => {}
            Ok(p) => {
                out.integrity_failures += 1;
                eprintln!("run {run}: integrity: {}", p.join("; "));
            }
            Err(e) => {
                out.integrity_failures += 1;
                eprintln!("run {run}: integrity check could not run: {e}");
            }
        }

        let log = std::fs::read_to_string(&ack_path).unwrap_or_default();
        let events = ack::parse(&log).map_err(|e| format!("run {run}: {e}"))?;
        // The write in flight when the kill landed: announced, not acknowledged.
        let mut pending: Option<(String, Option<String>)> = None;
        for ev in events {
            match ev {
                Event::Intent { key, value } => pending = Some((key, value)),
                Event::Ack { key, value } => {
                    out.acked += 1;
                    expected.insert(key, value);
                    pending = None;
                }
                Event::Error { op } => {
                    *out.refused.entry(op).or_default() += 1;
                    pending = None;
                }
            }
        }
        let conn = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| format!("run {run}: read-only open: {e}"))?;
        let actual = Actual::read(&conn).map_err(|e| format!("run {run}: read record: {e}"))?;
        drop(conn);
        drop(store);
        if let Some((key, value)) = &pending {
            if !key.ends_with(":?") && expected.get(key) != Some(value) {
                if actual.get(key) == *value {
                    out.in_flight_committed += 1;
                } else {
                    out.in_flight_rolled_back += 1;
                }
            }
        }
        let mut lost_now = 0;
        for (key, want) in expected.iter_mut() {
            let got = actual.get(key);
            if got == *want {
                continue;
            }
            // The write in flight may or may not have committed: either value is right.
            if let Some((pkey, pval)) = &pending {
                if pkey == key && got == *pval {
                    *want = got;
                    continue;
                }
            }
            lost_now += 1;
            eprintln!(
                "run {run}: LOST {key}: acknowledged {} but the record has {}",
                short(want),
                short(&got)
            );
            // Counted once: from now on the record's value is what later runs must keep.
            *want = got;
        }
        out.lost += lost_now;
        if run % 100 == 0 || run == opts.runs {
            eprintln!(
                "crashtest: run {run}/{} acked={} tracked={} lost={} integrity_failures={} ({:.1}s)",
                opts.runs,
                out.acked,
                expected.len(),
                out.lost,
                out.integrity_failures,
                started.elapsed().as_secs_f64()
            );
        }
    }
    Ok(out)
}
