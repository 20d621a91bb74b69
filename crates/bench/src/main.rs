//! `make bench`: the figures of issue 9 ("Twenty years fast") in one run, each beside a peer
//! measured in the same run, as a Markdown table, one `BENCH name=value unit` line per figure,
//! and docs/benchmarks.md.
//!
//! The 20-year record (4 bodies × 20 years × 8 meetings × 12 cases) and the 5- and 1-year
//! records are generated once per parameters and seed into target/bench/ (see `generate`) and
//! imported into fresh files under target/bench/run/, which the other figures then use. Run it
//! as a release build: `make bench`.

use quorum_bench::documents::{self, DocFigures};
use quorum_bench::generate::{self, Params, LAST_YEAR, TWENTY_YEARS};
use quorum_bench::stats::{median_ms, ms, timed, Samples};
use quorum_bench::text::{seeds_dir, Rng, Sentences};
use quorum_documents::{DocOptions, Documents};
use quorum_record::backup::BackupPolicy;
use quorum_record::search::{fts_query, SearchQuery};
use quorum_record::vocab::ItemKind;
use quorum_record::Store;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::path::Path;
use std::time::Instant;

const SEARCH_PASSES: usize = 3;
const SAVE_ROUNDS: usize = 100;
const FSYNC_ROUNDS: usize = 200;
const DOC_RUNS: usize = 9;
const OPEN_RUNS: usize = 5;

/// The body and meeting whose documents are compared on the 20-year and the 1-year record.
const DOC_BODY: usize = 0;
const DOC_MEETING: &str = "4/2025";

fn main() {
    let started = Instant::now();
    if cfg!(debug_assertions) {
        println!("Note: a debug build; the targets are for release (`make bench`).");
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = root.canonicalize().unwrap_or(root);
    let bench_dir = root.join("target/bench");
    let run_dir = bench_dir.join("run");
    if std::env::var_os("QUORUM_BENCH_DESKTOP_ONLY").is_some() {
        // Only the desktop rows, on the 20-year record of the last whole run; prints them and
        // leaves docs/benchmarks.md alone.
        let mut out = Report::default();
        let quorum_bin = std::env::current_exe()
            .ok()
            .and_then(|e| e.parent().map(|d| d.join("quorum")));
        desktop(
            &mut out,
            &run_dir.join("record-20y.quorum"),
            &run_dir,
            quorum_bin.as_deref(),
        );
        println!("\n{}", out.table());
        out.notes.iter().for_each(|n| println!("Note: {n}"));
        out.lines.iter().for_each(|l| println!("{l}"));
        return;
    }
    let _ = std::fs::remove_dir_all(&run_dir);
    std::fs::create_dir_all(&run_dir).expect("target/bench/run");
    let text = Sentences::load(&seeds_dir()).unwrap_or_else(|e| fail(&e));
    let mut out = Report::default();

    // ------------------------------------------------------------------ the records
    let five = Params {
        years: 5,
        ..TWENTY_YEARS
    };
    let one = Params {
        years: 1,
        ..TWENTY_YEARS
    };
    let mut exports = HashMap::new();
    for p in [TWENTY_YEARS, five, one] {
        let (path, made) =
            generate::cached_export(&bench_dir, &p, &text).unwrap_or_else(|e| fail(&e));
        match made {
            Some((secs, c)) => {
                println!(
                    "generated {}: {secs:.1} s ({} meetings, {} cases, {} innspill, {} action points, {} attendance rows)",
                    path.display(), c.meetings, c.cases, c.innspill, c.actions, c.attendance
                );
                out.bench(&format!("generate_{}y", p.years), secs, "s");
            }
            None => println!("cached {}", path.display()),
        }
        exports.insert(p.years, path);
    }

    // ------------------------------------------------------------------ import
    let mut imported = HashMap::new();
    let mut import_s = HashMap::new();
    for years in [1, 5, 20] {
        let db = run_dir.join(format!("record-{years}y.quorum"));
        let bytes = std::fs::read(&exports[&years]).expect("export");
        let store = open(&db);
        let (t, r) = timed(|| store.import_bytes(&bytes));
        if let Err(e) = r {
            fail(&format!(
                "import of {years} years: {}",
                e.message(quorum_record::Lang::En)
            ));
        }
        drop(store);
        println!(
            "imported {years} y ({:.1} MB of JSON) in {:.2} s",
            bytes.len() as f64 / 1e6,
            t / 1000.0
        );
        out.bench(&format!("import_{years}y"), t / 1000.0, "s");
        import_s.insert(years, t / 1000.0);
        imported.insert(years, db);
    }
    let big = imported[&20].clone();
    let ratio = import_s[&20] / import_s[&5];
    out.bench("import_ratio_20y_5y", ratio, "x");
    let counts = record_counts(&big);
    out.row(Row {
        figure: "import of the 20-year export (in process, `Store::import_bytes`)".into(),
        measured: format!("{:.1} s", import_s[&20]),
        peer: format!(
            "5-year export: {:.2} s (1 year: {:.2} s)",
            import_s[&5], import_s[&1]
        ),
        ratio: format!("20 y / 5 y = {ratio:.1}×"),
        target: "≤ 20 s; ratio ≤ 4.5 (linear)".into(),
        met: Some(import_s[&20] <= 20.0 && ratio <= 4.5),
    });

    // ------------------------------------------------------------------ open + first query
    let mut opens = Vec::new();
    for _ in 0..OPEN_RUNS {
        let (t, hits) = timed(|| {
            let s = open(&big);
            s.search(&SearchQuery {
                text: "helse".into(),
                ..Default::default()
            })
            .map(|h| h.len())
        });
        hits.expect("first query");
        opens.push(t);
    }
    let first_open = opens[0];
    let open_s = Samples::new(opens);
    out.bench("open_first_query", open_s.median(), "ms");
    out.bench("open_first_query_first_run", first_open, "ms");
    out.row(Row {
        figure: "open + first query (\"helse\") on the 20-year file".into(),
        measured: format!(
            "{:.1} ms (median of {OPEN_RUNS}; first {first_open:.1} ms)",
            open_s.median()
        ),
        peer: "–".into(),
        ratio: "–".into(),
        target: "≤ 50 ms".into(),
        met: Some(open_s.median() <= 50.0),
    });

    // ------------------------------------------------------------------ search vs LIKE
    search(&mut out, &big, &run_dir);

    // ------------------------------------------------------------------ minutes and register
    documents_large_vs_small(&mut out, &big, &imported[&1]);

    // ------------------------------------------------------------------ save vs fsync
    save(&mut out, &big, &run_dir);

    // ------------------------------------------------------------------ agenda, volume
    let quorum_bin = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(|d| d.join("quorum")))
        .filter(|p| p.is_file());
    let doc_dir = run_dir.join("documents");
    std::fs::create_dir_all(&doc_dir).expect("documents dir");
    let d = documents::run(&doc_dir, quorum_bin.as_deref());
    document_rows(&mut out, &d);

    // ------------------------------------------------------------------ desktop app
    desktop(&mut out, &big, &run_dir, quorum_bin.as_deref());

    let total = started.elapsed().as_secs_f64();
    out.bench("bench_total", total, "s");
    let table = out.table();
    println!("\n{table}");
    for n in &out.notes {
        println!("Note: {n}");
    }
    for l in &out.lines {
        println!("{l}");
    }
    let md = out.markdown(&counts, &table, total);
    let doc = root.join("docs/benchmarks.md");
    let _ = std::fs::create_dir_all(root.join("docs"));
    match std::fs::write(&doc, md) {
        Ok(()) => println!("wrote {}", doc.display()),
        Err(e) => println!("could not write {}: {e}", doc.display()),
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("bench: {msg}");
    std::process::exit(1)
}

/// A writable open as the app does it (synchronous=FULL, WAL), without the automatic daily
/// backup, which would copy the whole file on the first open of the day and is not the figure.
fn open(path: &Path) -> Store {
    let policy = BackupPolicy {
        automatic: false,
        ..Default::default()
    };
    Store::open_with(path, &policy, chrono::Local::now().naive_local()).unwrap_or_else(|e| {
        fail(&format!(
            "{}: {}",
            path.display(),
            e.message(quorum_record::Lang::En)
        ))
    })
}

// ---------------------------------------------------------------------- the report

#[derive(Default)]
struct Report {
    rows: Vec<Row>,
    lines: Vec<String>,
    notes: Vec<String>,
}

struct Row {
    figure: String,
    measured: String,
    peer: String,
    ratio: String,
    target: String,
    met: Option<bool>,
}

impl Report {
    fn row(&mut self, r: Row) {
        self.rows.push(r);
    }

    fn bench(&mut self, name: &str, value: f64, unit: &str) {
        let v = if value.abs() >= 100.0 {
            format!("{value:.0}")
        } else if value.abs() >= 10.0 {
            format!("{value:.1}")
        } else {
            format!("{value:.2}")
        };
        self.lines.push(format!("BENCH {name}={v} {unit}"));
    }

    fn table(&self) -> String {
        let mut t = String::from(
            "| figure | measured | peer (same run) | ratio | target | met |\n|---|---|---|---|---|---|\n",
        );
        for r in &self.rows {
            let met = match r.met {
                Some(true) => "yes",
                Some(false) => "no",
                None => "–",
            };
            t.push_str(&format!(
                "| {} | {} | {} | {} | {} | {met} |\n",
                r.figure, r.measured, r.peer, r.ratio, r.target
            ));
        }
        t
    }

    fn markdown(&self, counts: &str, table: &str, total: f64) -> String {
        let now = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC");
        let cpu = std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|c| {
                c.lines()
                    .find(|l| l.starts_with("model name"))
                    .and_then(|l| l.split(':').nth(1))
                    .map(|s| s.trim().to_string())
            })
            .unwrap_or_else(|| "unknown".into());
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(0);
        let mem = std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|m| {
                m.lines()
                    .find(|l| l.starts_with("MemTotal"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|kb| kb.parse::<f64>().ok())
            })
            .map(|kb| format!("{:.1} GiB", kb / 1024.0 / 1024.0))
            .unwrap_or_else(|| "unknown".into());
        let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
        let load: Vec<&str> = load.split_whitespace().take(3).collect();
        let notes: String = self.notes.iter().map(|n| format!("- {n}\n")).collect();
        format!(
            "# Benchmarks\n\n\
             Written by `make bench` (crates/bench, release build); do not edit by hand.\n\n\
             - date: {now}\n\
             - machine: {cpu}; {cores} cores (nproc); {mem} memory; load average {} when the run ended\n\
             - record: {counts}\n\
             - the whole run took {total:.0} s\n\n\
             {table}\n\
             {notes}\n\
             ## How each figure is taken\n\n\
             - **Records**: `quorum_bench::generate` builds 4 bodies × N years × 8 meetings × 12 cases through the \
             public `Store` API (text from the sentences of crates/bench/seeds, copies of ../shared/seeds, seeded SplitMix64; rare made-up names \
             planted in known cases) and exports it as JSON into target/bench/ (cached by parameters, seed, generator \
             and schema version). Every figure below works on that export imported into a fresh file.\n\
             - **Search**: 100 queries (20 common words, 20 mid-frequency, 20 rare incl. the planted names, 20 \
             two-word queries, 10 prefixes, 10 filtered by body or body and year), chosen from the record's own \
             word frequencies; `Store::search` (limit 50) in process, {SEARCH_PASSES} timed passes after a warm-up \
             pass. Peer: the same text the index holds (titles, summaries, narratives, proposals, decisions, \
             innspill, action points) in a plain table in a file beside it, `SELECT DISTINCT item_id … WHERE text \
             LIKE '%word%'` per word (AND), with the same filters, in the same passes.\n\
             - **Save**: `Store::add_innspill` then `Store::update_innspill` on the cases of each body's last (held) \
             meeting of the 20-year file, {SAVE_ROUNDS} rounds (each call is one transaction, synchronous=FULL); \
             peer: a loop of 4 KiB write + fdatasync on a file in the same directory.\n\
             - **Import**: `Store::import_bytes` of the export into an empty file (the JSON already read).\n\
             - **Open + first query**: `Store::open_with` without automatic backups (the first open of a day also \
             copies the file) and one search, page cache warm.\n\
             - **Minutes and register**: minutes of {DOC_MEETING} (approved, sealed) of the first body and its {LAST_YEAR} \
             decision register, median of {DOC_RUNS}, on the 20-year record and on the 1-year record, whose {LAST_YEAR} \
             meetings have the same content.\n\
             - **Agenda**: the demo's 4/2025 agenda as a whole `quorum pdf agenda` process (median of 21 after a \
             warm-up) vs Chromium headless `--print-to-pdf` of the same content as HTML (median of 3, fresh \
             profile); the 101-page minutes volume in process (median of 9).\n\
             {DESKTOP_HOW}\n\n\
             ## Lines\n\n```\n{}\n```\n",
            load.join(" "),
            self.lines.join("\n")
        )
    }
}

fn record_counts(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).expect("record");
    let n = |t: &str| -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
            .unwrap_or(-1)
    };
    let size = std::fs::metadata(db).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    format!(
        "20 years: {} bodies, {} meetings ({} sealed), {} cases, {} agenda items, {} innspill, {} action points, {} attendance rows; {size:.0} MB file",
        n("body"),
        n("meeting"),
        n("meeting_seal"),
        n("case"),
        n("agenda_item"),
        n("innspill"),
        n("action_point"),
        n("attendance")
    )
}

// ---------------------------------------------------------------------- search

#[derive(Clone)]
struct Query {
    class: &'static str,
    text: String,
    body: Option<String>,
    year: Option<i32>,
}

fn search(out: &mut Report, big: &Path, run_dir: &Path) {
    let peer_path = run_dir.join("like-peer.db");
    build_peer(&peer_path, big);
    let peer = rusqlite::Connection::open(&peer_path).expect("peer");
    let queries = choose_queries(&peer);
    assert_eq!(queries.len(), 100, "100 queries");
    let store = open(big);
    let bodies: HashMap<String, String> = store
        .bodies()
        .unwrap()
        .into_iter()
        .map(|b| (b.short_name, b.id))
        .collect();

    let run_search = |q: &Query| {
        store
            .search(&SearchQuery {
                text: q.text.clone(),
                body: q.body.clone(),
                year: q.year,
                ..Default::default()
            })
            .expect("search")
            .len()
    };
    let run_like = |q: &Query| -> usize {
        let words: Vec<String> = fts_query(&q.text)
            .unwrap_or_default()
            .split(' ')
            .map(|w| w.trim_matches(|c| c == '"' || c == '*').to_string())
            .collect();
        let mut sql = String::from("SELECT DISTINCT item_id FROM peer WHERE 1");
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        for w in &words {
            args.push(format!("%{w}%").into());
            sql.push_str(&format!(" AND text LIKE ?{}", args.len()));
        }
        if let Some(b) = &q.body {
            args.push(bodies[b].clone().into());
            sql.push_str(&format!(" AND body_id = ?{}", args.len()));
        }
        if let Some(y) = q.year {
            args.push(i64::from(y).into());
            sql.push_str(&format!(" AND year = ?{}", args.len()));
        }
        let mut stmt = peer.prepare_cached(&sql).expect("like");
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(0))
            .expect("like")
            .count();
        rows
    };

    // The planted names are found where they were planted (a benchmark of wrong answers is none).
    let planted = generate::planted(&TWENTY_YEARS);
    let mut planted_ok = true;
    for word in generate::RARE_WORDS {
        let want: BTreeSet<(String, String)> = planted
            .iter()
            .filter(|p| p.word == *word)
            .map(|p| (p.body.clone(), p.case_number.clone()))
            .collect();
        let got: BTreeSet<(String, String)> = store
            .search(&SearchQuery {
                text: word.to_string(),
                ..Default::default()
            })
            .expect("search")
            .into_iter()
            .map(|h| {
                let n = store.item(&h.item_id).ok().and_then(|i| i.case_number);
                (h.body, n.unwrap_or_default())
            })
            .collect();
        if got != want {
            planted_ok = false;
            out.notes.push(format!(
                "search for {word}: found {got:?}, planted {want:?}"
            ));
        }
    }

    for q in &queries {
        run_search(q);
        run_like(q);
    }
    let mut fts: Vec<f64> = Vec::new();
    let mut like: Vec<f64> = Vec::new();
    let mut by_class: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for _ in 0..SEARCH_PASSES {
        for q in &queries {
            let (t, _) = timed(|| run_search(q));
            fts.push(t);
            by_class.entry(q.class).or_default().push(t);
            like.push(timed(|| run_like(q)).0);
        }
    }
    let fts = Samples::new(fts);
    let like = Samples::new(like);
    for (name, s) in [("search", &fts), ("like", &like)] {
        for p in [50.0, 95.0, 99.0] {
            out.bench(&format!("{name}_p{p}"), s.pct(p), "ms");
        }
        out.bench(&format!("{name}_max"), s.max(), "ms");
    }
    let ratio = like.pct(95.0) / fts.pct(95.0);
    out.bench("search_like_ratio_p95", ratio, "x");
    let mut classes = Vec::new();
    for (class, t) in by_class {
        let s = Samples::new(t);
        out.bench(&format!("search_{class}_p95"), s.pct(95.0), "ms");
        classes.push(format!("{class} {:.1}", s.pct(95.0)));
    }
    out.bench(
        "search_planted_found",
        f64::from(u8::from(planted_ok)),
        "bool",
    );
    out.row(Row {
        figure: format!(
            "search, 100 queries × {SEARCH_PASSES} passes, in process: p50 / p95 / p99 (p95 per class: {})",
            classes.join(", ")
        ),
        measured: format!(
            "{:.1} / {:.1} / {:.1} ms (max {:.0} ms); planted names found: {}",
            fts.median(),
            fts.pct(95.0),
            fts.pct(99.0),
            fts.max(),
            if planted_ok { "yes" } else { "NO" }
        ),
        peer: format!(
            "LIKE scan: {:.1} / {:.1} / {:.1} ms",
            like.median(),
            like.pct(95.0),
            like.pct(99.0)
        ),
        ratio: format!("LIKE / search at p95 = {ratio:.1}×"),
        target: "p95 ≤ 10 ms; ≥ 10× faster than LIKE at p95".into(),
        met: Some(fts.pct(95.0) <= 10.0 && ratio >= 10.0 && planted_ok),
    });
}

/// The text the search index holds, one row per field, in a plain table of its own file.
fn build_peer(peer: &Path, record: &Path) {
    let _ = std::fs::remove_file(peer);
    let conn = rusqlite::Connection::open(peer).expect("peer");
    conn.execute("ATTACH DATABASE ?1 AS r", [record.to_string_lossy()])
        .expect("attach");
    conn.execute_batch(
        "CREATE TABLE peer (item_id TEXT NOT NULL, body_id TEXT NOT NULL, year INTEGER NOT NULL, text TEXT NOT NULL);
         INSERT INTO peer
         SELECT i.id, m.body_id, m.year, x.text FROM (
             SELECT i.id AS item_id, coalesce(c.title, i.title) AS text FROM r.agenda_item i LEFT JOIN r.\"case\" c ON c.id = i.case_id
             UNION ALL SELECT i.id, coalesce(c.summary, i.summary) FROM r.agenda_item i LEFT JOIN r.\"case\" c ON c.id = i.case_id
             UNION ALL SELECT id, narrative FROM r.agenda_item
             UNION ALL SELECT i.id, c.proposal FROM r.agenda_item i JOIN r.\"case\" c ON c.id = i.case_id
             UNION ALL SELECT i.id, coalesce(c.decision, '') FROM r.agenda_item i JOIN r.\"case\" c ON c.id = i.case_id
             UNION ALL SELECT item_id, text FROM r.innspill
             UNION ALL SELECT item_id, text || ' (' || responsible || ')' FROM r.action_point
         ) x JOIN r.agenda_item i ON i.id = x.item_id JOIN r.meeting m ON m.id = i.meeting_id
         WHERE trim(x.text) <> '';
         DETACH DATABASE r;",
    )
    .expect("peer rows");
}

/// 100 queries from the record's own word frequencies (document frequency over items).
fn choose_queries(peer: &rusqlite::Connection) -> Vec<Query> {
    let mut df: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut texts: Vec<String> = Vec::new();
    {
        let mut stmt = peer
            .prepare("SELECT item_id, text FROM peer ORDER BY rowid")
            .unwrap();
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .unwrap();
        for row in rows {
            let (item, text) = row.unwrap();
            for w in words(&text) {
                df.entry(w).or_default().insert(item.clone());
            }
            texts.push(text);
        }
    }
    let mut ranked: Vec<(usize, String)> = df.into_iter().map(|(w, s)| (s.len(), w)).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let most = ranked.first().map(|r| r.0).unwrap_or(1).max(1);
    let long: Vec<&(usize, String)> = ranked
        .iter()
        .filter(|(_, w)| w.chars().count() >= 5)
        .collect();
    // `n` of `pool` spread over it evenly, repeated when the pool is smaller.
    let spread = |pool: &[String], n: usize| -> Vec<String> {
        if pool.is_empty() {
            return Vec::new();
        }
        (0..n)
            .map(|i| pool[(i * pool.len() / n) % pool.len()].clone())
            .collect()
    };
    let common: Vec<String> = long.iter().take(20).map(|(_, w)| w.clone()).collect();
    // Text drawn from a pool of sentences repeats them, so even the least common words occur in
    // many items: mid and rare are ranks among the words found in under 5 % of the most common
    // word's items (mid: the more frequent half of those, rare: the least frequent 5 %).
    let mut tail: Vec<String> = long
        .iter()
        .filter(|(n, _)| *n * 20 < most)
        .map(|(_, w)| w.clone())
        .collect();
    if tail.len() < 40 {
        tail = long.iter().map(|(_, w)| w.clone()).collect();
    }
    let mid = spread(&tail[..tail.len() / 2], 20);
    let rare_seen = spread(
        &tail[tail.len() - (tail.len() / 20).max(1).min(tail.len())..],
        20 - generate::RARE_WORDS.len(),
    );
    let mut rng = Rng::new(TWENTY_YEARS.seed);
    let mut pairs = Vec::new();
    while pairs.len() < 20 {
        let t = &texts[rng.below(texts.len())];
        let w: Vec<String> = words(t).collect();
        if w.len() < 2 {
            continue;
        }
        let i = rng.below(w.len() - 1);
        if w[i].chars().count() >= 4 && w[i + 1].chars().count() >= 4 {
            pairs.push(format!("{} {}", w[i], w[i + 1]));
        }
    }
    let q = |class, text: &str| Query {
        class,
        text: text.to_string(),
        body: None,
        year: None,
    };
    let mut out: Vec<Query> = Vec::new();
    out.extend(common.iter().map(|w| q("common", w)));
    out.extend(mid.iter().map(|w| q("mid", w)));
    out.extend(generate::RARE_WORDS.iter().map(|w| q("rare", w)));
    out.extend(rare_seen.iter().map(|w| q("rare", w)));
    out.extend(pairs.iter().map(|p| q("two-word", p)));
    for (i, w) in common.iter().chain(&mid).step_by(2).take(10).enumerate() {
        let n = 3 + i % 3;
        out.push(q("prefix", &w.chars().take(n).collect::<String>()));
    }
    for (i, w) in common.iter().take(5).chain(mid.iter().take(5)).enumerate() {
        let mut x = q("filtered", w);
        x.body = Some(generate::body_names(i % TWENTY_YEARS.bodies).0);
        if i >= 5 {
            x.year = Some(LAST_YEAR - (i as i32 * 3) % TWENTY_YEARS.years as i32);
        }
        out.push(x);
    }
    out
}

/// Lower-cased words of letters only, as a user would type them.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
}

// ---------------------------------------------------------------------- documents

fn documents_large_vs_small(out: &mut Report, big: &Path, small: &Path) {
    let (short, _) = generate::body_names(DOC_BODY);
    let large = open(big);
    let little = open(small);
    let mut figures = Vec::new();
    for (what, render) in [
        (
            "minutes",
            &(|s: &Store| {
                let m = s.meeting_by_number(&short, DOC_MEETING).expect("meeting");
                s.minutes_pdf(&m.id, DocOptions::default())
                    .expect("minutes")
            }) as &dyn Fn(&Store) -> Vec<u8>,
        ),
        ("register", &|s: &Store| {
            let b = s.body_by_short(&short).expect("body");
            s.register_pdf(&b.id, LAST_YEAR, DocOptions::default())
                .expect("register")
        }),
    ] {
        let a = render(&large);
        let b = render(&little);
        let same = pages_of(&a) == pages_of(&b);
        if !same {
            out.notes.push(format!(
                "{what}: {} pages on the 20-year record, {} on the 1-year record",
                pages_of(&a),
                pages_of(&b)
            ));
        }
        let t_large = median_ms(DOC_RUNS, || {
            render(&large);
        });
        let t_small = median_ms(DOC_RUNS, || {
            render(&little);
        });
        let ratio = t_large / t_small;
        out.bench(&format!("{what}_20y"), t_large, "ms");
        out.bench(&format!("{what}_1y"), t_small, "ms");
        out.bench(&format!("{what}_ratio_20y_1y"), ratio, "x");
        figures.push((what, t_large, t_small, ratio, pages_of(&a)));
    }
    for (what, t_large, t_small, ratio, pages) in figures {
        let figure = match what {
            "minutes" => {
                format!("minutes of {DOC_MEETING} ({pages} pages, sealed) on the 20-year record")
            }
            _ => format!(
                "decision register {LAST_YEAR} of one body ({pages} pages) on the 20-year record"
            ),
        };
        out.row(Row {
            figure,
            measured: format!("{t_large:.1} ms"),
            peer: match what {
                "minutes" => format!("the same meeting on a 1-year record: {t_small:.1} ms"),
                _ => format!("the same body-year on a 1-year record: {t_small:.1} ms"),
            },
            ratio: format!("{ratio:.2}×"),
            target: "within 1.2×".into(),
            met: Some(ratio <= 1.2),
        });
    }
}

fn pages_of(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf)
        .map(|d| d.get_pages().len())
        .unwrap_or(0)
}

fn document_rows(out: &mut Report, d: &DocFigures) {
    out.bench("agenda_in_process", d.agenda_ms, "ms");
    if let Some(p) = d.agenda_process_ms {
        out.bench("agenda_process", p, "ms");
    }
    if let Some(c) = d.chromium_agenda_ms {
        out.bench("chromium_agenda", c, "ms");
    }
    let ratio = match (d.chromium_agenda_ms, d.agenda_process_ms) {
        (Some(c), Some(p)) => {
            let r = c / p;
            out.bench("agenda_chromium_ratio", r, "x");
            Some(r)
        }
        _ => None,
    };
    out.row(Row {
        figure: format!(
            "agenda of 4/2025 (demo, {} pages) as a whole `quorum pdf agenda` process",
            d.agenda_pages
        ),
        measured: format!(
            "{} (in process {:.1} ms)",
            d.agenda_process_ms
                .map(|p| format!("{p:.1} ms"))
                .unwrap_or_else(|| "not measured".into()),
            d.agenda_ms
        ),
        peer: d
            .chromium_agenda_ms
            .map(|c| format!("Chromium --print-to-pdf: {c:.0} ms"))
            .unwrap_or_else(|| "Chromium not run".into()),
        ratio: ratio
            .map(|r| format!("Chromium / quorum = {r:.0}×"))
            .unwrap_or_else(|| "–".into()),
        target: "≥ 50×".into(),
        met: ratio.map(|r| r >= 50.0),
    });
    out.bench("minutes_volume", d.minutes_ms, "ms");
    out.bench("minutes_volume_pages", d.minutes_pages as f64, "pages");
    if let Some(c) = d.chromium_minutes_ms {
        out.bench("chromium_minutes_volume", c, "ms");
    }
    out.row(Row {
        figure: format!("{}-page minutes volume in process", d.minutes_pages),
        measured: format!("{:.1} ms", d.minutes_ms),
        peer: d
            .chromium_minutes_ms
            .map(|c| format!("Chromium --print-to-pdf: {c:.0} ms"))
            .unwrap_or_else(|| "Chromium not run".into()),
        ratio: d
            .chromium_minutes_ms
            .map(|c| format!("Chromium / Quorum = {:.0}×", c / d.minutes_ms))
            .unwrap_or_else(|| "–".into()),
        target: "≤ 100 ms".into(),
        met: Some(d.minutes_ms <= 100.0),
    });
    if let Some(v) = &d.chromium_version {
        out.notes.push(format!("Chromium: {v}"));
    }
    out.notes.extend(d.notes.iter().cloned());
}

// ---------------------------------------------------------------------- save vs fsync

fn save(out: &mut Report, big: &Path, run_dir: &Path) {
    let store = open(big);
    let sync = store.synchronous().unwrap_or(-1);
    if sync != 2 {
        out.notes
            .push(format!("PRAGMA synchronous is {sync}, not FULL (2)"));
    }
    // The cases of each body's last meeting: held, not approved, so live edits are allowed.
    let mut items = Vec::new();
    for b in store.bodies().unwrap() {
        let last = store
            .meetings(&b.id, None)
            .unwrap()
            .pop()
            .expect("a meeting");
        items.extend(
            store
                .agenda(&last.id)
                .unwrap()
                .into_iter()
                .filter(|i| i.kind == ItemKind::Case)
                .map(|i| i.id),
        );
    }
    let mut add = Vec::new();
    let mut update = Vec::new();
    for round in 0..SAVE_ROUNDS + 3 {
        let item = &items[round % items.len()];
        let (ta, x) = timed(|| store.add_innspill(item, "Innspill under møtet", None));
        let x = x.expect("add_innspill");
        let (tu, r) = timed(|| {
            store.update_innspill(
                &x.id,
                "Innspill under møtet, rettet etter innspill fra salen",
            )
        });
        r.expect("update_innspill");
        // The first rounds warm the caches.
        if round >= 3 {
            add.push(ta);
            update.push(tu);
        }
    }
    let all = Samples::new(add.iter().chain(&update).copied().collect());
    let add = Samples::new(add);
    let update = Samples::new(update);

    let probe = run_dir.join("fsync-probe.bin");
    let mut f = std::fs::File::create(&probe).expect("fsync probe");
    let block = [0x51u8; 4096];
    let mut fs = Vec::new();
    for _ in 0..FSYNC_ROUNDS {
        let t = Instant::now();
        f.write_all(&block).expect("write");
        f.sync_data().expect("fdatasync");
        fs.push(ms(t.elapsed()));
    }
    drop(f);
    let _ = std::fs::remove_file(&probe);
    let fs = Samples::new(fs);

    out.bench("save_p50", all.median(), "ms");
    out.bench("save_p99", all.pct(99.0), "ms");
    out.bench("save_add_innspill_p50", add.median(), "ms");
    out.bench("save_add_innspill_p99", add.pct(99.0), "ms");
    out.bench("save_update_innspill_p50", update.median(), "ms");
    out.bench("save_update_innspill_p99", update.pct(99.0), "ms");
    out.bench("fsync_4k_p50", fs.median(), "ms");
    out.bench("fsync_4k_p99", fs.pct(99.0), "ms");
    out.row(Row {
        figure: format!(
            "save of one live edit on the 20-year record (add_innspill, update_innspill; {} saves), synchronous=FULL: p50 / p99",
            all.len()
        ),
        measured: format!(
            "{:.2} / {:.2} ms (add {:.2} / {:.2}, update {:.2} / {:.2})",
            all.median(),
            all.pct(99.0),
            add.median(),
            add.pct(99.0),
            update.median(),
            update.pct(99.0)
        ),
        peer: format!(
            "disk: 4 KiB write + fdatasync {:.2} / {:.2} ms",
            fs.median(),
            fs.pct(99.0)
        ),
        ratio: format!("save p50 = {:.1}× fdatasync p50", all.median() / fs.median()),
        target: "p99 ≤ 5 ms".into(),
        met: Some(all.pct(99.0) <= 5.0),
    });
}

// ---------------------------------------------------------------------- desktop app

/// Starts of the desktop app per record (the first is reported beside the median).
const DESKTOP_RUNS: usize = 5;

const DESKTOP_HOW: &str = "- **Desktop app**: the release binary `target/release/quorum-desk` (`make bench` runs \
`make ui-build` and `cargo build --release -p quorum-desk --features custom-protocol` first, and runs \
the benchmark under `xvfb-run` when there is no DISPLAY), driven over WebDriver as the e2e tests \
drive the debug one: a tauri-driver of its own per start, which starts WebKitWebDriver, which starts \
the app with `--db PATH` on a copy of the 20-year record (after the figures above) or on a demo \
record made by `quorum demo`, each record with a profile of its own (`XDG_*`) kept across its starts. \
**Start-up**: from the WebDriver new-session request (which makes WebKitWebDriver spawn the app) to \
a `[data-testid=meeting-row]` present and displayed, polled every 5 ms over WebDriver; \
median of the starts and the first (the first start of a day and of a week also takes the \
record's daily and weekly backups, and WebKit's caches in the fresh profile are cold; the machine \
is shared, so medians move by ±150 ms between runs). The phases (app exec from \
/proc/<pid>/stat, the page's navigation start from `performance.timeOrigin`, DOMContentLoaded) \
are printed per start. **Memory**: on the last start, the archive is opened and 10 queries are \
typed into the search panel (`helse`, `saken`, `digitale`, `tjenester` and the six planted names), \
each after emptying the field; one second after the last, the sum over the app and every process \
under it (WebKitWebProcess, WebKitNetworkProcess) of `Pss` from /proc/<pid>/smaps_rollup \
(shared pages counted once, in proportion) and, beside it, of `VmRSS` from /proc/<pid>/status \
(shared libraries counted once per process). **Search in the window**: per query, in the page, \
from its last `input` event to the animation frame after the one whose DOM holds the new hits \
(or the no-hits notice); the panel waits 250 ms after the last key before it asks the core, so \
that is part of every figure. **Binary size**: the bytes of the release binary (as \
`[profile.release]` in Cargo.toml builds it, stripped), beside the release `quorum` CLI, the same \
core without Tauri and WebKit. Two more series of starts and the same searches run on the 20-year \
record with `WEBKIT_DISABLE_DMABUF_RENDERER=1` and with `WEBKIT_DISABLE_COMPOSITING_MODE=1` in the \
app's environment, settings the app does not make today; their figures are in notes, not in the \
table. Under Xvfb WebKit's GL runs on Mesa's llvmpipe (libLLVM is some 20 MB of PSS in the app and \
in the web process each); on a machine with a GPU its driver takes that place.";

fn desktop(out: &mut Report, big: &Path, run_dir: &Path, quorum_bin: Option<&Path>) {
    use quorum_bench::desktop::{run_record, RecordRun, Tools};
    let bin_dir = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(Path::to_path_buf))
        .unwrap_or_default();
    let bin = bin_dir.join("quorum-desk");

    // Binary size: needs only the file.
    let size = std::fs::metadata(&bin).map(|m| m.len()).ok();
    let cli = quorum_bin
        .and_then(|p| std::fs::metadata(p).ok())
        .map(|m| m.len());
    let mb = |b: u64| b as f64 / 1e6;
    if let Some(s) = size {
        out.bench("desktop_binary_size", mb(s), "MB");
    }
    if let Some(c) = cli {
        out.bench("cli_binary_size", mb(c), "MB");
    }
    out.row(Row {
        figure: "desktop app: size of the release `quorum-desk` binary".into(),
        measured: size
            .map(|s| format!("{:.1} MB ({s} bytes)", mb(s)))
            .unwrap_or_else(|| format!("not measured: {} not built", bin.display())),
        peer: cli
            .map(|c| format!("release `quorum` CLI: {:.1} MB", mb(c)))
            .unwrap_or_else(|| "–".into()),
        ratio: match (size, cli) {
            (Some(s), Some(c)) => format!("desk / CLI = {:.1}×", s as f64 / c as f64),
            _ => "–".into(),
        },
        target: "≤ 25 MB".into(),
        met: size.map(|s| mb(s) <= 25.0),
    });

    let start_figure = "desktop app (release build): process start (WebDriver new session) to the first meeting list displayed, on the 20-year record";
    let memory_figure = "desktop app: memory of the app + WebKit processes after opening the 20-year file and 10 searches (sum of PSS; RSS sum beside it)";
    let search_figure = "desktop app: search in the window, last key to hits drawn, 10 queries on the 20-year record: p50 / max (incl. the panel's 150 ms debounce)";
    let not_run = |out: &mut Report, why: &str| {
        for (figure, target) in [
            (start_figure, "≤ 1 s"),
            (memory_figure, "≤ 250 MB"),
            (search_figure, "–"),
        ] {
            out.row(Row {
                figure: figure.into(),
                measured: format!("not measured: {why}"),
                peer: "–".into(),
                ratio: "–".into(),
                target: target.into(),
                met: None,
            });
        }
    };
    let tools = match Tools::find(&bin) {
        Ok(t) => t,
        Err(why) => {
            println!("desktop: not measured: {why}");
            return not_run(out, &why);
        }
    };
    let work = run_dir.join("desktop");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).expect("desktop dir");
    let record_20y = work.join("record-20y.quorum");
    if let Err(e) = std::fs::copy(big, &record_20y) {
        return not_run(out, &format!("copy of the 20-year record: {e}"));
    }
    let demo = work.join("demo.quorum");
    let made = quorum_bin.map(|q| {
        std::process::Command::new(q)
            .arg("--db")
            .arg(&demo)
            .arg("demo")
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false)
    });
    if made != Some(true) {
        return not_run(out, "the demo record could not be made with `quorum demo`");
    }
    let mut runs: Vec<RecordRun> = Vec::new();
    // Then the 20-year record with each of WebKit's switches, settings the app could make for
    // itself (in notes).
    let mut series = vec![("demo", &demo, &[][..]), ("20y", &record_20y, &[][..])];
    for (label, env) in &WEBKIT_SWITCHES {
        series.push((label, &record_20y, &env[..]));
    }
    for (label, record, env) in series {
        match run_record(&tools, label, record, env, &work, DESKTOP_RUNS) {
            Ok(r) => runs.push(r),
            Err(why) => {
                println!("desktop: {label}: {why}");
                return not_run(out, &format!("{label} record: {why}"));
            }
        }
    }
    let [demo, big] = [&runs[0], &runs[1]];

    // Start-up.
    let start = |r: &RecordRun| {
        let s = Samples::new(r.starts.iter().map(|s| s.total_ms).collect());
        (s.median(), r.starts[0].total_ms)
    };
    let (big_med, big_first) = start(big);
    let (demo_med, demo_first) = start(demo);
    out.bench("desktop_start_20y", big_med, "ms");
    out.bench("desktop_start_20y_first", big_first, "ms");
    out.bench("desktop_start_demo", demo_med, "ms");
    out.bench("desktop_start_demo_first", demo_first, "ms");
    out.row(Row {
        figure: start_figure.into(),
        measured: format!("{big_med:.0} ms (median of {DESKTOP_RUNS}; first {big_first:.0} ms)"),
        peer: format!("demo record: {demo_med:.0} ms (first {demo_first:.0} ms)"),
        ratio: format!("20 y / demo = {:.2}×", big_med / demo_med),
        target: "≤ 1 s".into(),
        met: Some(big_med <= 1000.0),
    });
    for r in &runs {
        let phase = |f: &dyn Fn(&quorum_bench::desktop::Start) -> Option<f64>| {
            let v: Vec<f64> = r.starts.iter().filter_map(f).collect();
            if v.is_empty() {
                "?".to_string()
            } else {
                format!("{:.0}", Samples::new(v).median())
            }
        };
        out.notes.push(format!(
            "desktop start-up phases on the {} record, medians in ms after the new-session request: app process started {} (/proc, 10 ms resolution), session reply {}, page navigation start {}, DOMContentLoaded {}, meeting list displayed {}",
            label_of(r),
            phase(&|s| s.exec_ms),
            phase(&|s| Some(s.session_ms)),
            phase(&|s| s.navigation_ms),
            phase(&|s| s.dom_ready_ms),
            phase(&|s| Some(s.total_ms)),
        ));
    }
    let session = |r: &RecordRun| {
        Samples::new(r.starts.iter().skip(1).map(|s| s.session_ms).collect()).median()
    };
    let backup_ms = big.starts[0].session_ms - session(big);
    out.bench("desktop_first_start_backups_20y", backup_ms, "ms");
    let backups: Vec<String> = std::fs::read_dir(work.join("backups"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("record-20y-"))
        .map(|e| {
            let mb = e.metadata().map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
            format!("{} ({mb:.0} MB)", e.file_name().to_string_lossy())
        })
        .collect();
    out.notes.push(format!(
        "desktop: the first start on the 20-year copy waited {backup_ms:.0} ms longer for its window than the later ones (session reply {:.0} ms vs a median of {:.0} ms): the first writable open of a day and of a week takes the automatic backups (each copied, integrity-checked and synced), on a thread of their own since the window no longer waits for them; this run's: {}",
        big.starts[0].session_ms,
        session(big),
        if backups.is_empty() { "none found".to_string() } else { backups.join(", ") },
    ));
    for (r, (label, env)) in runs[2..].iter().zip(WEBKIT_SWITCHES) {
        let (med, _) = start(r);
        let key = label.trim_start_matches("20y-");
        out.bench(&format!("desktop_start_20y_{key}"), med, "ms");
        let m = &r.memory_searched;
        out.bench(&format!("desktop_memory_20y_{key}_pss"), m.pss_mb(), "MB");
        out.bench(&format!("desktop_memory_20y_{key}_rss"), m.rss_mb(), "MB");
        out.notes.push(format!(
            "desktop, the same on the 20-year record with {}=1 in the app's environment (a setting the app does not make; under Xvfb WebKit renders with Mesa's llvmpipe): start-up {med:.0} ms (median of {DESKTOP_RUNS}); after the 10 searches {:.0} MB PSS (RSS {:.0} MB; {:.0} MB PSS before them); PSS per process: {}; search p50 / max {:.0} / {:.0} ms",
            env[0].0,
            m.pss_mb(),
            m.rss_mb(),
            r.memory_started.pss_mb(),
            m.breakdown(),
            lat_of(r).median(),
            lat_of(r).max(),
        ));
    }

    // Memory.
    out.bench("desktop_memory_20y_pss", big.memory_searched.pss_mb(), "MB");
    out.bench("desktop_memory_20y_rss", big.memory_searched.rss_mb(), "MB");
    out.bench(
        "desktop_memory_20y_start_pss",
        big.memory_started.pss_mb(),
        "MB",
    );
    out.bench(
        "desktop_memory_demo_pss",
        demo.memory_searched.pss_mb(),
        "MB",
    );
    out.bench(
        "desktop_memory_demo_rss",
        demo.memory_searched.rss_mb(),
        "MB",
    );
    out.row(Row {
        figure: memory_figure.into(),
        measured: format!(
            "{:.0} MB PSS (RSS {:.0} MB; {:.0} MB PSS before the searches); PSS per process: {}",
            big.memory_searched.pss_mb(),
            big.memory_searched.rss_mb(),
            big.memory_started.pss_mb(),
            big.memory_searched.breakdown()
        ),
        peer: format!(
            "demo record, the same 10 searches: {:.0} MB PSS (RSS {:.0} MB)",
            demo.memory_searched.pss_mb(),
            demo.memory_searched.rss_mb()
        ),
        ratio: format!(
            "20 y / demo = {:.2}×",
            big.memory_searched.pss_mb() / demo.memory_searched.pss_mb()
        ),
        target: "≤ 250 MB".into(),
        met: Some(big.memory_searched.pss_mb() <= 250.0),
    });

    // Search in the window.
    let (b, d) = (lat_of(big), lat_of(demo));
    out.bench("desktop_search_20y_p50", b.median(), "ms");
    out.bench("desktop_search_20y_max", b.max(), "ms");
    out.bench("desktop_search_demo_p50", d.median(), "ms");
    out.bench("desktop_search_demo_max", d.max(), "ms");
    out.row(Row {
        figure: search_figure.into(),
        measured: format!("{:.0} / {:.0} ms", b.median(), b.max()),
        peer: format!("demo record: {:.0} / {:.0} ms", d.median(), d.max()),
        ratio: format!("20 y / demo at p50 = {:.2}×", b.median() / d.median()),
        target: "–".into(),
        met: None,
    });
    for r in [big, demo] {
        out.notes.push(format!(
            "desktop searches on the {} record (ms, hits drawn): {}",
            label_of(r),
            r.searches
                .iter()
                .map(|t| format!("{} {:.0} ({})", t.query, t.ms, t.hits))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
}

/// WebKit's switches tried as peers of the app as it is: its DMA-BUF renderer off (the app's
/// GL compositing through it is most of the web process's anonymous memory under Xvfb), and
/// accelerated compositing off altogether.
const WEBKIT_SWITCHES: [(&str, [(&str, &str); 1]); 2] = [
    ("20y-nodmabuf", [("WEBKIT_DISABLE_DMABUF_RENDERER", "1")]),
    (
        "20y-nocompositing",
        [("WEBKIT_DISABLE_COMPOSITING_MODE", "1")],
    ),
];

fn label_of(r: &quorum_bench::desktop::RecordRun) -> &'static str {
    match r.label.as_str() {
        "demo" => "demo",
        "20y" => "20-year",
        "20y-nodmabuf" => "20-year (WEBKIT_DISABLE_DMABUF_RENDERER=1)",
        _ => "20-year (WEBKIT_DISABLE_COMPOSITING_MODE=1)",
    }
}

fn lat_of(r: &quorum_bench::desktop::RecordRun) -> Samples {
    Samples::new(r.searches.iter().map(|t| t.ms).collect())
}
