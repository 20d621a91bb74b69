//! The bad-input corpus of the command line: every subcommand given malformed numbers, dates,
//! times and durations, oversize text, control characters, invalid UTF-8, unknown names,
//! garbled imports and impossible paths. Each case must be refused with a message in the
//! user's language that says what is wrong and how to put it right, never panic, and leave the
//! record's content exactly as it was; script and SQL fragments must be stored byte for byte
//! and read back unchanged.
//!
//! Known defects whose fix lies outside the CLI are listed in `KNOWN`: the case still runs, and
//! the test fails once the defect is gone, so the list cannot go stale.

use std::collections::BTreeSet;
use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const B: &str = "E-helserådet";

/// Words that betray a message not written for a Norwegian user: English, SQLite's own text,
/// or a Rust `Debug` dump.
const NOT_NORWEGIAN: &[&str] = &[
    "error",
    "invalid",
    "database error",
    "database is",
    "integer",
    "out of range",
    "sqlite",
    "usage:",
    "could not",
    "not found",
    "no such file",
    "os error",
    "permission denied",
    "is a directory",
    "stream did not",
    "expected",
    "constraint",
    "some(",
    "none)",
    "error {",
    "kind:",
    "{ ",
    "\\u{",
    "databasefeil",
];

/// Norwegian words that must not appear in an English message.
const NOT_ENGLISH: &[&str] = &[" ikke ", " må ", "«", "Fant ikke", "Bruk:", "kan ikke"];

/// What a refusal must say: one of the `nb` needles in Norwegian, one of the `en` needles in
/// English (several where the same case may be refused for more than one good reason).
#[derive(Clone, Copy)]
struct Says {
    nb: &'static [&'static str],
    en: &'static [&'static str],
}

const DATE: Says = Says {
    nb: &["ÅÅÅÅ-MM-DD"],
    en: &["YYYY-MM-DD"],
};
const TIME: Says = Says {
    nb: &["TT:MM"],
    en: &["HH:MM"],
};
const CASE_NO: Says = Says {
    nb: &["gyldig saksnummer", "«32/25»"],
    en: &["valid case number"],
};
const MEETING_NO: Says = Says {
    nb: &["gyldig møtenummer"],
    en: &["valid meeting number"],
};
/// A usage error from the argument parser: the value or argument is named and the usage shown.
const USAGE: Says = Says {
    nb: &["Bruk: quorum"],
    en: &["Usage: quorum", "For more information"],
};
/// Odd input a read-only command may take as it is (a search for "" finds nothing): it must
/// succeed, not panic, and change nothing.
const ACCEPT: Says = Says {
    nb: &["\u{0}accept"],
    en: &["\u{0}accept"],
};
/// A whole number expected.
const INT: Says = Says {
    nb: &["heltall"],
    en: &["invalid value", "invalid digit", "number"],
};
const YEAR: Says = Says {
    nb: &["årstall"],
    en: &["year"],
};
const POSITION: Says = Says {
    nb: &["fra 1 og oppover"],
    en: &["from 1 up"],
};
/// A value starting with "-" that the parser takes for a flag.
const MINUS: Says = Says {
    nb: &["begynner med «-»"],
    en: &["unexpected argument"],
};
const NOT_FOUND: Says = Says {
    nb: &["Fant ikke", "Sjekk stavemåten"],
    en: &["Could not find"],
};
const CONTROL: Says = Says {
    nb: &["kontrolltegn"],
    en: &["control characters"],
};
const TOO_LONG: Says = Says {
    nb: &["for lang", "høyst"],
    en: &["too long"],
};
const EMPTY: Says = Says {
    nb: &["kan ikke være tom"],
    en: &["cannot be empty"],
};
const RANGE: Says = Says {
    nb: &["må være mellom"],
    en: &["must be between"],
};
const CHOICE: Says = Says {
    nb: &["Velg en av", "mulige verdier"],
    en: &["Choose one of", "possible values"],
};
const EMAIL: Says = Says {
    nb: &["e-postadresse"],
    en: &["e-mail address"],
};
const END_BEFORE: Says = Says {
    nb: &["etter start", "før start", "etter fra"],
    en: &["after the start", "before the start"],
};
const UNKNOWN_SUB: Says = Says {
    nb: &["ukjent underkommando"],
    en: &["unrecognized subcommand"],
};
const UTF8: Says = Says {
    nb: &["UTF-8", "tegnkoding"],
    en: &["UTF-8"],
};
/// A refusal whose wording depends on the rule involved; the checks on language, panic and an
/// unchanged record still apply, and the message must name the thing given.
const ANY: Says = Says {
    nb: &[""],
    en: &[""],
};
const FILE: Says = Says {
    nb: &["finnes ikke", "mappe", "tilgang", "kan ikke", "Sjekk"],
    en: &["does not exist", "folder", "access", "cannot", "Check"],
};
const IMPORT: Says = Says {
    nb: &["Importfilen", "import", "Ingenting er importert", "tom"],
    en: &["import", "Nothing was imported", "empty"],
};

/// Defects found by this corpus whose fix lies outside the CLI, by case label: each still runs
/// and must still show the defect, or the test asks for the entry to be removed.
const KNOWN: &[(&str, &str)] = &[(
    "agenda edit --meeting 1/2027 1 --type Finnes ikke",
    "record/agenda.rs (update_item): a case item takes a case type the body does not have (\"case set --type\" refuses the same name); the agenda then shows \"1/27 Utkastsak (Finnes ikke, 20 min)\"",
)];

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn quorum(db: &Path, args: &[OsString], stdin: Option<&[u8]>, en: bool) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quorum"));
    cmd.arg("--db").arg(db);
    if en {
        cmd.args(["--lang", "en"]);
    }
    cmd.args(args);
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "QUORUM_DB"] {
        cmd.env_remove(var);
    }
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run quorum");
    {
        let mut input = child.stdin.take().expect("stdin");
        if let Some(bytes) = stdin {
            // A refusal before stdin is read closes the pipe; that is not the test's failure.
            let _ = input.write_all(bytes);
        }
    }
    let o = child.wait_with_output().expect("quorum finished");
    Run {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// The record's logical content: every row of every table, in rowid order. (The file's bytes
/// change with WAL checkpoints and daily backups; its content must not.)
fn content(db: &Path) -> String {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open the record");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = String::new();
    for t in tables {
        // FTS5's shadow tables hold the same index in pages; the index's rows are compared.
        if t.starts_with("search_index_") {
            continue;
        }
        out += &format!("## {t}\n");
        let mut st = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = st.column_count();
        let mut rows = st.query([]).unwrap();
        let mut lines = Vec::new();
        while let Some(r) = rows.next().unwrap() {
            let mut line = String::new();
            for i in 0..n {
                let v: rusqlite::types::Value = r.get(i).unwrap();
                line += &format!("{v:?}|");
            }
            lines.push(line);
        }
        lines.sort();
        out += &lines.join("\n");
        out.push('\n');
    }
    out
}

struct Fixture {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    db: PathBuf,
}

impl Fixture {
    fn ok(&self, args: &[&str]) -> String {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        let r = quorum(&self.db, &args, None, false);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        r.stdout
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        serde_json::from_str(&self.ok(&all)).unwrap_or_else(|e| panic!("{args:?}: {e}"))
    }
}

/// The demo record, plus a draft meeting 1/2027 whose agenda can still change: item 1 the case
/// 1/27 with an innspill, an action point and a decision; item 2 a break; and an unplaced case.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("quorum.db");
    let f = Fixture {
        dir: dir.path().to_path_buf(),
        db,
        _dir: dir,
    };
    f.ok(&["demo"]);
    f.ok(&["meeting", "add", "--body", B, "--date", "2027-02-05"]);
    f.ok(&[
        "agenda",
        "add",
        "case",
        "--meeting",
        "1/2027",
        "--title",
        "Utkastsak",
        "--duration",
        "20",
    ]);
    f.ok(&[
        "agenda",
        "add",
        "break",
        "--meeting",
        "1/2027",
        "--title",
        "Pause",
        "--duration",
        "10",
    ]);
    f.ok(&[
        "record",
        "innspill",
        "add",
        "--meeting",
        "1/2027",
        "--item",
        "1",
        "Et innspill",
    ]);
    f.ok(&[
        "record",
        "action",
        "add",
        "--meeting",
        "1/2027",
        "--item",
        "1",
        "Et punkt",
    ]);
    f.ok(&["record", "decision", "--body", B, "1/27", "Vedtatt."]);
    f.ok(&[
        "case",
        "add",
        "--body",
        B,
        "--year",
        "2026",
        "--title",
        "Uplassert sak",
    ]);
    f.ok(&["person", "add", "--name", "Ola Nordmann"]);
    std::fs::write(f.dir.join("tekst.txt"), "ikke en registerfil\n").unwrap();
    std::fs::create_dir(f.dir.join("mappe")).unwrap();
    f
}

struct Bad {
    args: Vec<OsString>,
    stdin: Option<Vec<u8>>,
    says: Says,
}

impl Bad {
    fn label(&self) -> String {
        let mut l = self
            .args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .map(|a| match a.chars().count() {
                n if n > 80 => format!("<{n} chars>"),
                _ => a,
            })
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(input) = &self.stdin {
            let head: String = String::from_utf8_lossy(input).chars().take(12).collect();
            l += &format!(" < {head:?}… ({} bytes)", input.len());
        }
        l
    }
}

/// `OUT` in an argument is the fixture's folder.
fn os(dir: &Path, a: &str) -> OsString {
    OsString::from(a.replace("OUT", &dir.display().to_string()))
}

fn contains_any(text: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| text.contains(n))
}

/// Runs one refusal in both languages; the problems found, empty when the case passes.
fn check_refusal(f: &Fixture, case: &Bad) -> Vec<String> {
    let mut problems = Vec::new();
    // A case may name its own record with a leading "--db FILE".
    let (db, args) = match case.args.first() {
        Some(a) if a == "--db" => (PathBuf::from(&case.args[1]), &case.args[2..]),
        _ => (f.db.clone(), &case.args[..]),
    };
    let before = content(&db);
    let accept = case.says.nb == ACCEPT.nb;
    // A case that sets --lang itself runs once.
    let langs: &[bool] = if args.iter().any(|a| a == "--lang") {
        &[false]
    } else {
        &[false, true]
    };
    for &en in langs {
        let r = quorum(&db, args, case.stdin.as_deref(), en);
        let lang = if en { "en" } else { "nb" };
        let msg = r.stderr.trim();
        if accept {
            if r.code != 0 || !msg.is_empty() {
                problems.push(format!("[{lang}] exit {}: {msg}", r.code));
            }
            if content(&db) != before {
                problems.push(format!("[{lang}] the record changed"));
            }
            continue;
        }
        if r.code == 101 || r.stderr.contains("panicked") {
            problems.push(format!("[{lang}] panicked: {msg}"));
        }
        if r.code == 0 {
            problems.push(format!("[{lang}] accepted (exit 0): {}", r.stdout.trim()));
        }
        if msg.is_empty() {
            problems.push(format!("[{lang}] no message"));
        }
        let (needles, bad_words) = if en {
            (case.says.en, NOT_ENGLISH)
        } else {
            (case.says.nb, NOT_NORWEGIAN)
        };
        if !contains_any(msg, needles) {
            problems.push(format!("[{lang}] does not say {needles:?}: {msg}"));
        }
        let lower = msg.to_lowercase();
        // The message may quote what the user typed; only its own words are judged.
        let own: String = quote_free(&lower, &case.label().to_lowercase());
        for w in bad_words {
            if own.contains(&w.to_lowercase()) {
                problems.push(format!("[{lang}] says {w:?}: {msg}"));
            }
        } // A field's code ("first_number") or a row's id the user never typed tells them nothing.
          // (An import names the file's own tables, fields and ids, as it must.)
        let own_case = quote_free(msg, &case.label());
        let code = own_case
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .find(|w| w.contains('_') && w.chars().any(char::is_lowercase));
        let import = args.iter().any(|a| a == "import");
        if let (Some(code), false) = (code, import) {
            problems.push(format!("[{lang}] names the code {code:?}: {msg}"));
        }
        if has_uuid(&own) && !import {
            problems.push(format!("[{lang}] shows an id the user did not give: {msg}"));
        }
        let after = content(&db);
        if after != before {
            problems.push(format!("[{lang}] the record changed"));
            break;
        }
    }
    problems
}

fn has_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(36).any(|w| {
        w.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
    })
}

/// The message without the user's own input quoted in it.
fn quote_free(msg: &str, input: &str) -> String {
    let mut out = msg.to_string();
    let mut words: Vec<&str> = input.split_whitespace().collect();
    // Longest first, so a word inside another is not cut out of it.
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    for w in words {
        if w.len() > 2 {
            out = out.replace(w, " ");
        }
    }
    out
}

fn line(n: usize) -> String {
    "x".repeat(n)
}

/// The cases, as (arguments, what the refusal must say). Arguments are joined by '\u{1}' only
/// where one argument holds spaces; see `split`.
fn refusals(dir: &Path) -> Vec<Bad> {
    let mut v: Vec<Bad> = Vec::new();
    let mut add = |args: &[&str], says: Says| {
        v.push(Bad {
            args: args.iter().map(|a| os(dir, a)).collect(),
            stdin: None,
            says,
        })
    };
    let long = line(501);
    let long = long.as_str();

    // --- usage: unknown subcommands, arguments, missing values
    add(&[], USAGE);
    add(&["fly"], USAGE);
    add(&["body"], USAGE);
    add(&["body", "lag"], USAGE);
    add(&["body", "add", "--name", "x"], USAGE);
    add(&["body", "add", "--short", "X", "--name"], USAGE);
    add(&["meeting", "show", "--bogus", "4/2025"], USAGE);
    add(&["meeting", "add", "--body", B], USAGE);
    add(&["record"], USAGE);
    add(&["record", "innspill"], USAGE);
    add(&["correct", "decision", "31/25", "x"], USAGE);
    add(&["case", "exempt", "32/25"], USAGE);
    add(
        &[
            "member",
            "edit",
            "--body",
            B,
            "Ola",
            "--substitute",
            "x",
            "--no-substitute",
        ],
        USAGE,
    );
    add(&["backup", "OUT/b.quorum", "--list"], USAGE);
    add(
        &["actions", "list", "--body", B, "--before", "2025-01-01"],
        USAGE,
    );
    add(
        &["actions", "list", "--body", B, "--year", "2025", "--open"],
        USAGE,
    );
    add(&["meeting", "edit", "4/2025", "--remote", "kanskje"], USAGE);
    add(&["case", "set", "32/25", "--no-memo", "tja"], USAGE);
    add(
        &[
            "agenda",
            "add",
            "case",
            "--meeting",
            "1/2027",
            "--case",
            "x",
            "--title",
            "y",
        ],
        USAGE,
    );
    add(&["search"], USAGE);

    // --- numbers the parser reads: years, durations, positions
    for n in [
        "abc",
        "1.5",
        "99999999999999999999",
        "1e3",
        "0x10",
        "",
        " 5",
        "١٢",
    ] {
        add(&["meeting", "list", "--body", B, "--year", n], YEAR);
    }
    for n in ["tjue", "20min", "1,5", "9223372036854775808"] {
        add(
            &[
                "agenda",
                "add",
                "break",
                "--meeting",
                "1/2027",
                "--duration",
                n,
            ],
            INT,
        );
    }
    add(&["search", "x", "--year", "99999999999"], YEAR);
    add(
        &[
            "case",
            "add",
            "--body",
            B,
            "--year",
            "tjuetjuefem",
            "--title",
            "x",
        ],
        YEAR,
    );
    add(
        &[
            "agenda",
            "move",
            "--meeting",
            "1/2027",
            "1",
            "--to",
            "first",
        ],
        INT,
    );
    add(
        &[
            "record",
            "innspill",
            "add",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "x",
            "--at",
            "to",
        ],
        INT,
    );
    add(
        &["body", "first-number", B, "--year", "2025", "--number", "x"],
        INT,
    );
    add(
        &[
            "pdf", "register", "--body", B, "--year", "i fjor", "-o", "OUT",
        ],
        YEAR,
    );
    add(&["actions", "list", "--body", B, "--year", "2025.0"], YEAR);

    // --- numbers the record checks: out of range (negative ones included)
    for n in ["-5", "1441", "9999999999999", "-9223372036854775808"] {
        add(
            &[
                "agenda",
                "add",
                "break",
                "--meeting",
                "1/2027",
                "--duration",
                n,
            ],
            RANGE,
        );
        add(
            &[
                "agenda",
                "edit",
                "--meeting",
                "1/2027",
                "2",
                "--duration",
                n,
            ],
            RANGE,
        );
    }
    add(
        &[
            "agenda",
            "add",
            "case",
            "--meeting",
            "1/2027",
            "--title",
            "y",
            "--duration",
            "-1",
        ],
        RANGE,
    );
    add(
        &[
            "agenda",
            "add",
            "open",
            "--meeting",
            "1/2027",
            "--duration",
            "100000",
        ],
        RANGE,
    );
    add(
        &[
            "agenda",
            "add",
            "orientation",
            "--meeting",
            "1/2027",
            "--duration",
            "-30",
        ],
        RANGE,
    );
    add(
        &["agenda", "move", "--meeting", "1/2027", "1", "--to", "0"],
        POSITION,
    );
    add(
        &["agenda", "move", "--meeting", "1/2027", "1", "--to", "-3"],
        POSITION,
    );

    add(
        &[
            "agenda",
            "add",
            "break",
            "--meeting",
            "1/2027",
            "--at",
            "-1",
        ],
        POSITION,
    );
    add(
        &["agenda", "add", "break", "--meeting", "1/2027", "--at", "0"],
        POSITION,
    );
    add(
        &[
            "record",
            "innspill",
            "add",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "x",
            "--at",
            "-2",
        ],
        POSITION,
    );
    add(
        &[
            "body",
            "first-number",
            B,
            "--year",
            "2025",
            "--number",
            "99999999999999",
        ],
        RANGE,
    );
    add(
        &["body", "first-number", B, "--year", "2025", "--number", "0"],
        RANGE,
    );
    add(
        &[
            "body",
            "first-number",
            B,
            "--year",
            "2025",
            "--number",
            "-1",
        ],
        RANGE,
    );
    add(
        &[
            "case", "add", "--body", B, "--year", "99999", "--title", "x",
        ],
        YEAR,
    );
    add(
        &["case", "add", "--body", B, "--year", "0", "--title", "x"],
        YEAR,
    );
    add(
        &["case", "add", "--body", B, "--year", "-5", "--title", "x"],
        YEAR,
    );
    add(
        &[
            "pdf",
            "register",
            "--body",
            B,
            "--year",
            "0",
            "-o",
            "OUT/r.pdf",
        ],
        YEAR,
    );

    // --- case numbers
    for n in [
        "32-25",
        "0/25",
        "32/2025",
        "/25",
        "32/",
        "x/25",
        "99999/25",
        "32/25/1",
        "-1/25",
        "３２/２５",
        "32 / 25",
        "32/25forts",
        "+3/25",
    ] {
        add(
            &["case", "show", n],
            if n.starts_with('-') { MINUS } else { CASE_NO },
        );
    }
    add(&["case", "set", "32-25", "--title", "x"], CASE_NO);
    add(&["case", "history", "0/25"], CASE_NO);
    add(
        &["case", "exempt", "1/2027", "--basis", "offl. § 14"],
        CASE_NO,
    );
    add(
        &["case", "attach", "x/25", "--label", "3", "--title", "t"],
        CASE_NO,
    );
    add(&["case", "detach", "32/2025", "2"], CASE_NO);
    add(
        &["case", "save-attachment", "32_25", "2", "-o", "OUT/a"],
        CASE_NO,
    );
    add(&["case", "link", "1/27", "--to", "40-25"], CASE_NO);
    add(&["case", "link", "40.25", "--to", "32/25"], CASE_NO);
    add(
        &["case", "reference", "1/2027", "--ref-number", "1"],
        CASE_NO,
    );
    add(&["case", "unlink", "1/2027", "1"], CASE_NO);
    add(&["record", "decision", "1/2027", "x"], CASE_NO);
    add(&["record", "accept", "32"], CASE_NO);
    add(&["record", "clear", "sak 1"], CASE_NO);
    add(
        &["meeting", "approve", "3/2025", "--by-case", "31-25"],
        CASE_NO,
    );
    add(
        &[
            "agenda",
            "add",
            "continuation",
            "--meeting",
            "1/2027",
            "--case",
            "1-26",
        ],
        CASE_NO,
    );
    add(
        &["pdf", "memo", "--body", B, "--case", "32/2025", "-o", "OUT"],
        CASE_NO,
    );
    add(
        &["correct", "--reason", "r", "decision", "31/2025", "x"],
        CASE_NO,
    );

    // --- meeting numbers
    for n in [
        "4/25",
        "0/2025",
        "4-2025",
        "99999999999/2025",
        "4/0000",
        "4/1899",
        "4/3000",
        "fire/2025",
        "4/2025/1",
        "4 2025",
        "4/２０２５",
    ] {
        add(&["meeting", "show", n], MEETING_NO);
    }
    add(&["meeting", "edit", "4-2025", "--place", "x"], MEETING_NO);
    add(&["meeting", "send", "1/27"], MEETING_NO);
    add(&["meeting", "held", "0/2026"], MEETING_NO);
    add(
        &["meeting", "approve", "3/25", "--by-case", "31/25"],
        MEETING_NO,
    );
    add(&["meeting", "current-item", "4/25"], MEETING_NO);
    add(&["meeting", "corrections", "3-2025"], MEETING_NO);
    add(
        &[
            "meeting",
            "add",
            "--body",
            B,
            "--date",
            "2026-03-01",
            "--number",
            "1/27",
        ],
        MEETING_NO,
    );
    add(
        &["meeting", "edit", "1/2027", "--number", "0/2026"],
        MEETING_NO,
    );
    add(&["agenda", "list", "4/25"], MEETING_NO);
    add(
        &["agenda", "add", "break", "--meeting", "1-2026"],
        MEETING_NO,
    );
    add(&["agenda", "show", "--meeting", "1/27", "1"], MEETING_NO);
    add(
        &["record", "attendance", "list", "--meeting", "4/25"],
        MEETING_NO,
    );
    add(
        &[
            "record",
            "innspill",
            "list",
            "--meeting",
            "x",
            "--item",
            "1",
        ],
        MEETING_NO,
    );
    add(
        &[
            "pdf",
            "agenda",
            "--body",
            B,
            "--meeting",
            "4/25",
            "-o",
            "OUT",
        ],
        MEETING_NO,
    );
    add(
        &[
            "pdf",
            "minutes",
            "--body",
            B,
            "--meeting",
            "3-2025",
            "-o",
            "OUT",
        ],
        MEETING_NO,
    );
    add(
        &[
            "pdf",
            "pack",
            "--body",
            B,
            "--meeting",
            "0/2025",
            "-o",
            "OUT",
        ],
        MEETING_NO,
    );
    add(
        &[
            "pdf",
            "invitation",
            "--body",
            B,
            "--meeting",
            "4/99999",
            "-o",
            "OUT",
        ],
        MEETING_NO,
    );

    // --- dates
    for d in [
        "2025-13-45",
        "2025-02-30",
        "0000-01-01",
        "11.12.2025",
        "i morgen",
        "2025-12-11T10:00",
        "99999-01-01",
        "2025-1",
        "1899-12-31",
        "3000-01-01",
        "२०२५-०१-०१",
        "2025/12/11",
    ] {
        add(&["meeting", "add", "--body", B, "--date", d], DATE);
    }
    add(&["meeting", "edit", "1/2027", "--date", "2026-02-29"], DATE);
    add(
        &[
            "body",
            "rename",
            B,
            "--name",
            "Nytt",
            "--from",
            "2025-00-01",
        ],
        DATE,
    );
    add(&["body", "rename", B, "--name", "Nytt", "--from", ""], DATE);
    add(
        &[
            "member",
            "add",
            "--body",
            B,
            "Ola Nordmann",
            "--from",
            "2025-13-01",
        ],
        DATE,
    );
    add(
        &[
            "member",
            "edit",
            "--body",
            B,
            "Karen Lima",
            "--to",
            "31.12.2025",
        ],
        DATE,
    );
    add(
        &[
            "member",
            "edit",
            "--body",
            B,
            "Karen Lima",
            "--from",
            "2025-02-30",
        ],
        DATE,
    );
    add(&["member", "list", "--body", B, "--on", "2025-02-30"], DATE);
    add(&["member", "list", "--body", B, "--on", "i dag"], DATE);
    add(
        &["actions", "list", "--body", B, "--open", "--before", "x"],
        DATE,
    );
    add(
        &[
            "actions",
            "list",
            "--body",
            B,
            "--open",
            "--before",
            "2025-12-32",
        ],
        DATE,
    );
    add(
        &[
            "record",
            "action",
            "add",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "x",
            "--due",
            "2025-02-30",
        ],
        DATE,
    );
    add(
        &[
            "record",
            "action",
            "add",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "x",
            "--due",
            "nesten",
        ],
        DATE,
    );
    add(
        &[
            "record",
            "action",
            "edit",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "1",
            "--due",
            "snart",
        ],
        DATE,
    );
    add(
        &[
            "case",
            "reference",
            "1/27",
            "--ref-number",
            "5/24",
            "--date",
            "2024-31-01",
        ],
        DATE,
    );
    add(
        &[
            "correct",
            "--reason",
            "r",
            "action",
            "add",
            "--meeting",
            "3/2025",
            "--item",
            "1",
            "x",
            "--due",
            "2025-13-01",
        ],
        ANY,
    );

    // --- times
    for t in [
        "25:99",
        "24:00",
        "10",
        "10:60",
        "ti",
        "10:00:00",
        "1000",
        "10:0a",
        "𝟙𝟘:𝟘𝟘",
        "",
        "10 :00",
    ] {
        add(
            &[
                "meeting",
                "add",
                "--body",
                B,
                "--date",
                "2026-03-01",
                "--start",
                t,
            ],
            TIME,
        );
    }
    add(
        &[
            "meeting",
            "add",
            "--body",
            B,
            "--date",
            "2026-03-01",
            "--end",
            "16:61",
        ],
        TIME,
    );
    add(&["meeting", "edit", "1/2027", "--start", "7"], TIME);
    add(
        &[
            "meeting",
            "add",
            "--body",
            B,
            "--date",
            "2026-03-01",
            "--start",
            "-1:00",
        ],
        MINUS,
    );
    add(&["meeting", "edit", "1/2027", "--end", "kl. 16"], TIME);
    add(
        &["agenda", "started", "--meeting", "1/2027", "1", "99:99"],
        TIME,
    );
    add(
        &["agenda", "started", "--meeting", "1/2027", "1", "nå"],
        TIME,
    );
    add(&["agenda", "started", "--meeting", "1/2027", "1", ""], TIME);
    add(
        &[
            "meeting",
            "add",
            "--body",
            B,
            "--date",
            "2026-03-01",
            "--start",
            "10:00",
            "--end",
            "09:00",
        ],
        END_BEFORE,
    );
    add(
        &[
            "meeting",
            "add",
            "--body",
            B,
            "--date",
            "2026-03-01",
            "--start",
            "10:00",
            "--end",
            "10:00",
        ],
        END_BEFORE,
    );
    add(&["meeting", "edit", "1/2027", "--end", "08:00"], END_BEFORE);
    add(
        &[
            "member",
            "add",
            "--body",
            B,
            "Ola Nordmann",
            "--from",
            "2025-06-01",
            "--to",
            "2025-01-01",
        ],
        END_BEFORE,
    );

    // --- vocabularies
    add(
        &[
            "body",
            "add",
            "--short",
            "X",
            "--name",
            "X",
            "--language",
            "de",
        ],
        CHOICE,
    );
    add(&["body", "edit", B, "--language", "norsk"], CHOICE);
    add(
        &[
            "member",
            "add",
            "--body",
            B,
            "Ola Nordmann",
            "--role",
            "konge",
        ],
        CHOICE,
    );
    add(
        &[
            "member",
            "edit",
            "--body",
            B,
            "Karen Lima",
            "--role",
            "sjef",
        ],
        CHOICE,
    );
    add(
        &[
            "record",
            "attendance",
            "set",
            "--meeting",
            "4/2025",
            "Karen Lima",
            "--status",
            "kanskje",
        ],
        CHOICE,
    );
    add(
        &[
            "record",
            "action",
            "status",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "1",
            "ferdig?",
        ],
        CHOICE,
    );
    add(
        &[
            "record",
            "action",
            "status",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "1",
            "cancelled",
        ],
        ANY,
    );
    add(
        &[
            "agenda",
            "edit",
            "--meeting",
            "1/2027",
            "1",
            "--type",
            "Finnes ikke",
        ],
        ANY,
    );
    add(
        &[
            "agenda",
            "add",
            "case",
            "--meeting",
            "1/2027",
            "--title",
            "y",
            "--type",
            "Tull",
        ],
        ANY,
    );
    add(&["case", "set", "1/27", "--type", "Ukjent type"], ANY);

    // --- names that do not exist
    add(&["body", "show", "FINNES-IKKE"], NOT_FOUND);
    add(&["body", "edit", "Ingen", "--place", "x"], NOT_FOUND);
    add(
        &[
            "body",
            "rename",
            "Ingen",
            "--name",
            "x",
            "--from",
            "2025-01-01",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "body",
            "first-number",
            "Ingen",
            "--year",
            "2025",
            "--number",
            "3",
        ],
        NOT_FOUND,
    );
    add(&["case-type", "list", "--body", "Ingen"], NOT_FOUND);
    add(
        &["case-type", "set", "--body", "Ingen", "Drøfting"],
        NOT_FOUND,
    );
    add(
        &["case-type", "remove", "--body", B, "Finnes ikke"],
        NOT_FOUND,
    );
    add(&["person", "edit", "Ingen Person", "--org", "x"], NOT_FOUND);
    add(
        &[
            "person",
            "edit",
            "00000000-0000-0000-0000-000000000000",
            "--org",
            "x",
        ],
        NOT_FOUND,
    );
    add(&["member", "list", "--body", "Ingen"], NOT_FOUND);
    add(&["member", "add", "--body", B, "Ingen Person"], NOT_FOUND);
    add(
        &[
            "member",
            "add",
            "--body",
            B,
            "Karen Lima",
            "--substitute",
            "Ingen Person",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "member",
            "edit",
            "--body",
            B,
            "Ingen Person",
            "--role",
            "medlem",
        ],
        NOT_FOUND,
    );
    add(
        &["member", "remove", "--body", B, "Ingen Person"],
        NOT_FOUND,
    );
    add(&["meeting", "list", "--body", "Ingen"], NOT_FOUND);
    add(&["meeting", "show", "9/2025"], NOT_FOUND);
    add(&["meeting", "show", "--body", "Ingen", "4/2025"], NOT_FOUND);
    add(
        &["meeting", "show", "00000000-0000-0000-0000-000000000000"],
        NOT_FOUND,
    );
    add(&["meeting", "send", "9/2026"], NOT_FOUND);
    add(&["meeting", "held", "9/2026"], NOT_FOUND);
    add(
        &["meeting", "approve", "3/2025", "--by-case", "99/25"],
        NOT_FOUND,
    );
    add(
        &["meeting", "current-item", "4/2025", "--item", "99/25"],
        NOT_FOUND,
    );
    add(
        &["meeting", "add", "--body", "Ingen", "--date", "2026-01-01"],
        NOT_FOUND,
    );
    add(&["agenda", "list", "9/2026"], NOT_FOUND);
    add(&["agenda", "show", "99/25"], NOT_FOUND);
    add(&["agenda", "show", "--meeting", "1/2027", "99"], ANY);
    add(&["agenda", "show", "--meeting", "1/2027", "tre"], NOT_FOUND);
    add(&["agenda", "show", "2"], ANY);
    add(&["agenda", "remove", "--meeting", "1/2027", "0"], ANY);
    add(
        &[
            "agenda",
            "add",
            "case",
            "--meeting",
            "1/2027",
            "--case",
            "Finnes ikke",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "agenda",
            "add",
            "continuation",
            "--meeting",
            "1/2027",
            "--case",
            "99/26",
        ],
        NOT_FOUND,
    );
    add(&["case", "unplaced", "--body", "Ingen"], NOT_FOUND);
    add(&["case", "show", "99/25"], NOT_FOUND);
    add(&["case", "show", "--body", "NUIT", "32/25"], NOT_FOUND);
    add(
        &[
            "case", "add", "--body", "Ingen", "--year", "2026", "--title", "x",
        ],
        NOT_FOUND,
    );
    add(&["case", "detach", "32/25", "99"], NOT_FOUND);
    add(
        &["case", "save-attachment", "32/25", "99", "-o", "OUT/v.pdf"],
        NOT_FOUND,
    );
    add(&["case", "link", "1/27", "--to", "99/25"], NOT_FOUND);
    add(
        &[
            "case",
            "link",
            "1/27",
            "--to",
            "32/25",
            "--to-body",
            "Ingen",
        ],
        NOT_FOUND,
    );
    add(&["case", "unlink", "1/27", "7"], NOT_FOUND);
    add(&["case", "unlink", "1/27", "første"], NOT_FOUND);
    add(
        &[
            "record",
            "attendance",
            "set",
            "--meeting",
            "4/2025",
            "Ingen Person",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "record",
            "attendance",
            "set",
            "--meeting",
            "4/2025",
            "Karen Lima",
            "--status",
            "substitute",
            "--for",
            "Ingen Person",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "record",
            "attendance",
            "remove",
            "--meeting",
            "4/2025",
            "Ingen Person",
        ],
        NOT_FOUND,
    );
    add(&["record", "narrative", "--item", "99/25", "x"], NOT_FOUND);
    add(
        &[
            "record",
            "innspill",
            "edit",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "9",
            "x",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "record",
            "innspill",
            "remove",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "0",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "record",
            "innspill",
            "remove",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "-1",
        ],
        ANY,
    );
    add(&["record", "decision", "99/25", "x"], NOT_FOUND);
    add(&["record", "accept", "99/25"], NOT_FOUND);
    add(&["record", "clear", "99/26"], NOT_FOUND);
    add(
        &[
            "record",
            "action",
            "edit",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "5",
            "--text",
            "x",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "record",
            "action",
            "remove",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "5",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "record",
            "action",
            "status",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "5",
            "done",
        ],
        NOT_FOUND,
    );
    add(&["record", "action", "list", "--item", "99/25"], NOT_FOUND);
    add(
        &["correct", "--reason", "r", "decision", "99/25", "x"],
        NOT_FOUND,
    );
    add(
        &[
            "correct",
            "--reason",
            "r",
            "innspill",
            "edit",
            "--meeting",
            "3/2025",
            "--item",
            "1",
            "99",
            "x",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "correct",
            "--reason",
            "r",
            "attendance",
            "--meeting",
            "3/2025",
            "Ingen Person",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "correct",
            "--reason",
            "r",
            "innspill",
            "add",
            "--meeting",
            "3/2025",
            "--item",
            "99",
            "x",
        ],
        ANY,
    );
    add(
        &[
            "correct",
            "--reason",
            "r",
            "innspill",
            "add",
            "--meeting",
            "3/2025",
            "--item",
            "1",
            "\u{7}",
        ],
        ANY,
    );
    add(
        &[
            "correct",
            "--reason",
            "r",
            "innspill",
            "remove",
            "--meeting",
            "3/2025",
            "--item",
            "1",
            "99",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "correct",
            "--reason",
            "r",
            "action",
            "edit",
            "--meeting",
            "3/2025",
            "--item",
            "1",
            "99",
            "--text",
            "x",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "correct",
            "--reason",
            "r",
            "action",
            "edit",
            "--meeting",
            "3/2025",
            "--item",
            "1",
            "1",
            "--due",
            "2025-02-30",
        ],
        ANY,
    );
    add(&["actions", "list", "--body", "Ingen"], NOT_FOUND);
    add(&["search", "x", "--body", "Ingen"], NOT_FOUND);
    add(
        &[
            "pdf",
            "agenda",
            "--body",
            "Ingen",
            "--meeting",
            "4/2025",
            "-o",
            "OUT",
        ],
        NOT_FOUND,
    );
    add(
        &["pdf", "memo", "--body", B, "--case", "99/25", "-o", "OUT"],
        NOT_FOUND,
    );
    add(
        &[
            "pdf",
            "minutes",
            "--body",
            B,
            "--meeting",
            "9/2025",
            "-o",
            "OUT",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "pdf",
            "pack",
            "--body",
            "NUIT",
            "--meeting",
            "4/2025",
            "-o",
            "OUT",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "pdf",
            "invitation",
            "--body",
            B,
            "--meeting",
            "9/2025",
            "-o",
            "OUT",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "pdf", "register", "--body", "Ingen", "--year", "2025", "-o", "OUT",
        ],
        NOT_FOUND,
    );

    // --- text: empty, oversize, control characters, e-mail
    add(&["body", "add", "--short", "", "--name", "x"], EMPTY);
    add(&["body", "add", "--short", "X", "--name", "   "], EMPTY);
    add(&["body", "add", "--short", "X", "--name", long], TOO_LONG);
    add(
        &["body", "add", "--short", "X", "--name", "a\u{7}b"],
        CONTROL,
    );
    add(&["body", "add", "--short", "X\nY", "--name", "x"], CONTROL);
    add(
        &[
            "body",
            "add",
            "--short",
            "X",
            "--name",
            "x",
            "--place",
            "a\u{1b}[31mrød",
        ],
        CONTROL,
    );
    add(
        &[
            "body",
            "add",
            "--short",
            "X",
            "--name",
            "x",
            "--secretariat",
            long,
        ],
        TOO_LONG,
    );
    add(&["body", "edit", B, "--short", ""], EMPTY);
    add(&["body", "edit", B, "--place", "a\u{8}b"], CONTROL);
    add(
        &["body", "rename", B, "--name", "", "--from", "2026-01-01"],
        EMPTY,
    );
    add(
        &["body", "rename", B, "--name", long, "--from", "2026-01-01"],
        TOO_LONG,
    );
    add(&["case-type", "set", "--body", B, ""], EMPTY);
    add(&["case-type", "set", "--body", B, "Ny\ttype"], CONTROL);
    add(&["case-type", "set", "--body", B, long], TOO_LONG);
    add(
        &[
            "case-type",
            "set",
            "--body",
            B,
            "Ny type",
            "--template",
            "a\u{1f}b",
        ],
        CONTROL,
    );
    add(&["person", "add", "--name", ""], EMPTY);
    add(&["person", "add", "--name", long], TOO_LONG);
    add(&["person", "add", "--name", "Ola\rNordmann"], CONTROL);
    add(
        &["person", "add", "--name", "Ola", "--org", "\u{7f}"],
        CONTROL,
    );
    add(
        &[
            "person",
            "add",
            "--name",
            "Ola",
            "--email",
            "ikke-en-adresse",
        ],
        EMAIL,
    );
    add(&["person", "add", "--name", "Ola", "--email", "a@b"], EMAIL);
    add(
        &["person", "add", "--name", "Ola", "--email", "a b@c.no"],
        EMAIL,
    );
    add(
        &["person", "add", "--name", "Ola", "--email", "a@b@c.no"],
        EMAIL,
    );
    add(&["person", "edit", "Karen Lima", "--name", ""], EMPTY);
    add(&["person", "edit", "Karen Lima", "--email", "@c.no"], EMAIL);
    add(
        &[
            "meeting",
            "add",
            "--body",
            B,
            "--date",
            "2026-03-01",
            "--place",
            "a\u{2}b",
        ],
        CONTROL,
    );
    add(
        &[
            "meeting",
            "add",
            "--body",
            B,
            "--date",
            "2026-03-01",
            "--link",
            long,
        ],
        TOO_LONG,
    );
    add(&["meeting", "edit", "1/2027", "--place", long], TOO_LONG);
    add(
        &[
            "agenda",
            "add",
            "case",
            "--meeting",
            "1/2027",
            "--title",
            "",
        ],
        EMPTY,
    );
    add(
        &[
            "agenda",
            "add",
            "case",
            "--meeting",
            "1/2027",
            "--title",
            long,
        ],
        TOO_LONG,
    );
    add(
        &[
            "agenda",
            "add",
            "case",
            "--meeting",
            "1/2027",
            "--title",
            "a\u{1}b",
        ],
        CONTROL,
    );
    add(
        &[
            "agenda",
            "add",
            "break",
            "--meeting",
            "1/2027",
            "--title",
            "a\nb",
        ],
        CONTROL,
    );
    add(
        &[
            "agenda",
            "add",
            "open",
            "--meeting",
            "1/2027",
            "--title",
            long,
        ],
        TOO_LONG,
    );
    add(
        &[
            "agenda",
            "add",
            "orientation",
            "--meeting",
            "1/2027",
            "--title",
            "t",
            "--guest",
            "a\u{7}",
        ],
        CONTROL,
    );
    add(
        &[
            "agenda",
            "edit",
            "--meeting",
            "1/2027",
            "2",
            "--title",
            "\u{1b}",
        ],
        CONTROL,
    );
    add(
        &["case", "add", "--body", B, "--year", "2026", "--title", ""],
        EMPTY,
    );
    add(
        &[
            "case", "add", "--body", B, "--year", "2026", "--title", long,
        ],
        TOO_LONG,
    );
    add(&["case", "set", "1/27", "--title", "a\u{b}b"], CONTROL);
    add(&["case", "set", "1/27", "--summary", "a\u{0c}b"], CONTROL);
    add(&["case", "set", "1/27", "--owner", long], TOO_LONG);
    add(&["case", "set", "1/27", "--officer", "x\ny"], CONTROL);
    add(&["case", "set", "1/27", "--purpose", "\u{1b}[2J"], CONTROL);
    add(&["case", "exempt", "1/27", "--basis", ""], ANY);
    add(&["case", "exempt", "1/27", "--basis", long], TOO_LONG);
    add(
        &["case", "attach", "1/27", "--label", "", "--title", "t"],
        EMPTY,
    );
    add(
        &["case", "attach", "1/27", "--label", "3", "--title", ""],
        EMPTY,
    );
    add(
        &[
            "case", "attach", "1/27", "--label", "3", "--title", "a\u{7}",
        ],
        CONTROL,
    );
    add(&["case", "reference", "1/27", "--ref-number", ""], EMPTY);
    add(
        &[
            "case",
            "reference",
            "1/27",
            "--ref-number",
            "5/24",
            "--title",
            long,
        ],
        TOO_LONG,
    );
    add(
        &[
            "record",
            "narrative",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "a\u{7}b",
        ],
        CONTROL,
    );
    add(
        &[
            "record",
            "innspill",
            "add",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "",
        ],
        EMPTY,
    );
    add(
        &[
            "record",
            "innspill",
            "add",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "\u{1b}]0;x\u{7}",
        ],
        CONTROL,
    );
    add(
        &[
            "record",
            "innspill",
            "edit",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "1",
            " ",
        ],
        EMPTY,
    );
    add(&["record", "decision", "1/27", ""], EMPTY);
    add(&["record", "decision", "1/27", "a\u{1f}b"], CONTROL);
    add(
        &[
            "record",
            "action",
            "add",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "",
        ],
        EMPTY,
    );
    add(
        &[
            "record",
            "action",
            "add",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "x",
            "--responsible",
            long,
        ],
        TOO_LONG,
    );
    add(
        &[
            "record",
            "action",
            "edit",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            "1",
            "--text",
            "a\u{7}",
        ],
        CONTROL,
    );
    add(&["correct", "--reason", "", "decision", "31/25", "x"], ANY);
    add(
        &["correct", "--reason", "a\u{7}", "decision", "31/25", "x"],
        ANY,
    );
    add(&["correct", "--reason", "r", "decision", "31/25", ""], ANY);
    add(
        &[
            "correct",
            "--reason",
            "r",
            "narrative",
            "--meeting",
            "3/2025",
            "--item",
            "1",
            "\u{7}",
        ],
        ANY,
    );
    add(&["search", ""], ACCEPT);
    add(&["search", "a\u{7}b"], ACCEPT);
    add(&["search", "\"unclosed NEAR( AND OR *"], ACCEPT);
    add(&["search", long], ACCEPT);

    // --- states the record refuses
    add(&["body", "add", "--short", "nuit", "--name", "Dobbel"], ANY);
    add(&["case-type", "remove", "--body", B, "Drøfting"], ANY);
    add(&["meeting", "send", "3/2025"], ANY);
    add(&["meeting", "approve", "4/2025", "--by-case", "1/27"], ANY);
    add(&["meeting", "approve", "1/2027", "--by-case", "31/25"], ANY);
    add(
        &[
            "agenda",
            "add",
            "case",
            "--meeting",
            "4/2025",
            "--title",
            "for sent",
        ],
        ANY,
    );
    add(
        &["agenda", "move", "--meeting", "4/2025", "1", "--to", "3"],
        ANY,
    );
    add(&["agenda", "remove", "--meeting", "4/2025", "32/25"], ANY);
    add(
        &[
            "agenda",
            "add",
            "continuation",
            "--meeting",
            "1/2027",
            "--case",
            "32/25",
        ],
        ANY,
    );
    add(&["case", "link", "1/27", "--to", "1/27"], ANY);
    add(
        &[
            "case",
            "attach",
            "1/27",
            "--label",
            "3",
            "--title",
            "t",
            "--file",
            "OUT/finnes-ikke.pdf",
        ],
        FILE,
    );
    add(
        &[
            "case",
            "attach",
            "1/27",
            "--label",
            "3",
            "--title",
            "t",
            "--file",
            "OUT/mappe",
        ],
        FILE,
    );
    add(&["record", "accept", "1/27"], ANY);

    // --- paths
    add(&["export", "OUT/quorum.db"], ANY);
    add(&["export", "OUT/quorum.db-wal"], ANY);
    add(&["export", "OUT/finnes-ikke/x.json"], FILE);
    add(&["export", "OUT/mappe"], FILE);
    add(&["export", "/proc/quorum.json"], FILE);
    add(&["archive", "OUT/quorum.db"], ANY);
    add(&["archive", "OUT/finnes-ikke/a.quorum"], FILE);
    add(&["backup", "OUT/quorum.db"], ANY);
    add(&["backup", "OUT/finnes-ikke/b.quorum"], FILE);
    add(&["restore", "OUT/finnes-ikke.quorum"], ANY);
    add(&["restore", "OUT/tekst.txt"], ANY);
    add(&["restore", "OUT/mappe"], ANY);
    add(
        &[
            "pdf",
            "agenda",
            "--body",
            B,
            "--meeting",
            "4/2025",
            "-o",
            "OUT/quorum.db",
        ],
        ANY,
    );
    add(
        &[
            "pdf",
            "minutes",
            "--body",
            B,
            "--meeting",
            "3/2025",
            "-o",
            "OUT/quorum.db-shm",
        ],
        ANY,
    );
    add(
        &[
            "pdf",
            "agenda",
            "--body",
            B,
            "--meeting",
            "4/2025",
            "-o",
            "OUT/finnes-ikke/a.pdf",
        ],
        FILE,
    );
    add(
        &[
            "pdf",
            "invitation",
            "--body",
            B,
            "--meeting",
            "4/2025",
            "-o",
            "OUT/quorum.db",
        ],
        ANY,
    );
    add(
        &[
            "case",
            "save-attachment",
            "32/25",
            "2",
            "-o",
            "OUT/quorum.db",
        ],
        ANY,
    );
    // --- schema 5: groups, outside positions, body rules, attendance through the meeting,
    // substitutes for a case, impartiality, proposals, votes, quorum and signing. The demo's
    // Kommunestyret 1/2026 is signed (locked); the fixture's 1/2027 of B is a draft.
    const KS: &str = "Kommunestyret";
    add(&["body", "rules", B, "--quorum-percent", "0"], USAGE);
    add(
        &["body", "rules", B, "--quorum-percent", "halvparten"],
        USAGE,
    );
    add(&["body", "rules", B, "--signed-minutes", "kanskje"], USAGE);
    add(
        &["body", "rules", "Finnes ikke", "--signed-minutes", "on"],
        NOT_FOUND,
    );
    add(&["party", "list", "--body", "Finnes ikke"], NOT_FOUND);
    add(
        &[
            "party", "add", "--body", KS, "--name", "Høyre", "--short", "h",
        ],
        ANY,
    );
    add(
        &[
            "party",
            "add",
            "--body",
            KS,
            "--name",
            "Rødt",
            "--short",
            "RødtTestvik13",
        ],
        TOO_LONG,
    );
    add(
        &["party", "add", "--body", KS, "--name", "", "--short", "R"],
        EMPTY,
    );
    add(
        &[
            "party", "add", "--body", KS, "--name", "R\u{7}", "--short", "R",
        ],
        CONTROL,
    );
    add(
        &["party", "rename", "--body", KS, "X", "--name", "Y"],
        NOT_FOUND,
    );
    add(
        &["party", "rename", "--body", KS, "H", "--short", "Ap"],
        ANY,
    );
    add(&["party", "remove", "--body", KS, "H"], ANY);
    add(&["person", "position", "list", "Finnes Ikke"], NOT_FOUND);
    add(
        &[
            "person",
            "position",
            "add",
            "Ola Nordmann",
            "--org",
            "X",
            "--since",
            "2025-13-01",
        ],
        DATE,
    );
    add(
        &[
            "person",
            "position",
            "add",
            "Ola Nordmann",
            "--org",
            "X",
            "--since",
            "2025-02-01",
            "--until",
            "2025-01-01",
        ],
        END_BEFORE,
    );
    add(
        &["person", "position", "add", "Ola Nordmann", "--org", " "],
        EMPTY,
    );
    add(
        &["person", "position", "remove", "Ola Nordmann", "1"],
        NOT_FOUND,
    );
    add(
        &[
            "member",
            "party",
            "--body",
            KS,
            "--person",
            "Kristin Berge",
            "--party",
            "X",
        ],
        NOT_FOUND,
    );
    add(
        &["member", "party", "--body", KS, "--person", "Kristin Berge"],
        USAGE,
    );
    add(
        &[
            "member",
            "party",
            "--body",
            KS,
            "--person",
            "Kristin Berge",
            "--party",
            "H",
            "--no-party",
        ],
        USAGE,
    );
    add(
        &[
            "member",
            "party",
            "--body",
            KS,
            "--person",
            "Ola Nordmann",
            "--party",
            "H",
        ],
        NOT_FOUND,
    );
    add(
        &["record", "presence", "list", "--meeting", "99/2026"],
        NOT_FOUND,
    );
    add(
        &[
            "record",
            "presence",
            "arrived",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "Siri Vangen",
            "--item",
            "9",
        ],
        ANY,
    );
    add(
        &[
            "record",
            "presence",
            "arrived",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "Siri Vangen",
            "--item",
            "1",
        ],
        ANY,
    );
    add(
        &[
            "record",
            "presence",
            "left",
            "--body",
            B,
            "--meeting",
            "1/2027",
            "Ola Nordmann",
            "--item",
            "1",
        ],
        ANY,
    );
    add(
        &[
            "record",
            "presence",
            "undo",
            "--body",
            B,
            "--meeting",
            "1/2027",
            "Ola Nordmann",
            "kom",
        ],
        CHOICE,
    );
    add(&["record", "substitute", "list", "99/26"], NOT_FOUND);
    add(
        &[
            "record",
            "substitute",
            "add",
            "--body",
            B,
            "1/27",
            "Ola Nordmann",
            "--for",
            "Ola Nordmann",
        ],
        ANY,
    );
    add(
        &[
            "record",
            "substitute",
            "add",
            "--body",
            KS,
            "2/26",
            "Tone Myrvold",
            "--for",
            "Siri Vangen",
        ],
        ANY,
    );
    add(
        &[
            "record",
            "substitute",
            "remove",
            "--body",
            B,
            "1/27",
            "Ola Nordmann",
        ],
        NOT_FOUND,
    );
    add(&["record", "disqualification", "list", "1/2x"], CASE_NO);
    add(
        &[
            "record",
            "disqualification",
            "raise",
            "--body",
            B,
            "1/27",
            "Finnes Ikke",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "record",
            "disqualification",
            "raise",
            "--body",
            KS,
            "3/26",
            "Kristin Berge",
        ],
        ANY,
    );
    add(
        &[
            "record",
            "disqualification",
            "decide",
            "--body",
            B,
            "1/27",
            "Ola Nordmann",
            "inhabil",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "record",
            "disqualification",
            "decide",
            "--body",
            KS,
            "2/26",
            "Marit Løvland",
            "kanskje",
        ],
        CHOICE,
    );
    add(
        &[
            "record",
            "disqualification",
            "decide",
            "--body",
            KS,
            "2/26",
            "Marit Løvland",
            "habil",
            "--for",
            "3",
        ],
        USAGE,
    );
    add(
        &[
            "record",
            "disqualification",
            "remove",
            "--body",
            B,
            "1/27",
            "Ola Nordmann",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "record",
            "proposal",
            "list",
            "--body",
            "Finnes ikke",
            "1/27",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "record",
            "proposal",
            "add",
            "--body",
            B,
            "1/27",
            "Et forslag",
        ],
        ANY,
    );
    add(
        &[
            "record",
            "proposal",
            "add",
            "--body",
            B,
            "1/27",
            "Et forslag",
            "--party",
            "H",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "record",
            "proposal",
            "add",
            "--body",
            B,
            "1/27",
            " ",
            "--by",
            "Ola Nordmann",
        ],
        EMPTY,
    );
    add(
        &[
            "record", "proposal", "add", "--body", KS, "3/26", "Nytt", "--party", "H",
        ],
        ANY,
    );
    add(
        &["record", "proposal", "remove", "--body", B, "1/27", "1"],
        NOT_FOUND,
    );
    add(&["record", "without-quorum", "--body", KS, "4/26"], ANY);
    add(
        &["record", "without-quorum", "--body", B, "99/26"],
        NOT_FOUND,
    );
    add(
        &[
            "vote",
            "--body",
            B,
            "1/27",
            "unanimous",
            "--result",
            "kanskje",
        ],
        CHOICE,
    );
    add(&["vote", "--body", B, "1/27", "unanimous"], ANY);
    add(&["vote", "--body", KS, "4/26", "unanimous"], ANY);
    add(
        &["vote", "--body", B, "1/27", "unanimous", "--proposal", "0"],
        POSITION,
    );
    add(
        &["vote", "--body", B, "1/27", "unanimous", "--proposal", "2"],
        NOT_FOUND,
    );
    add(
        &[
            "vote",
            "--body",
            B,
            "1/27",
            "counts",
            "--for",
            "x",
            "--against",
            "1",
        ],
        INT,
    );
    add(
        &["vote", "--body", B, "1/27", "counts", "--for", "1"],
        USAGE,
    );
    add(
        &["vote", "--body", B, "1/27", "groups", "--for", "Ap"],
        NOT_FOUND,
    );
    add(
        &["vote", "--body", B, "1/27", "named", "--yes", "Finnes Ikke"],
        NOT_FOUND,
    );
    add(&["vote", "99/26", "list"], NOT_FOUND);
    add(&["vote", "--body", B, "1/27", "remove", "1"], NOT_FOUND);
    add(&["vote", "--body", B, "1/27"], USAGE);
    add(&["quorum", "--meeting", "4/20255"], MEETING_NO);
    add(&["quorum", "--body", KS], USAGE);
    add(&["signing", "show", "--meeting", "x"], MEETING_NO);
    add(
        &[
            "signing",
            "signers",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "Finnes Ikke",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "signing",
            "signers",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "Kristin Berge",
        ],
        ANY,
    );
    add(
        &[
            "signing",
            "signers",
            "--body",
            B,
            "--meeting",
            "1/2027",
            "Ola Nordmann",
            "Ola Nordmann",
        ],
        ANY,
    );
    add(
        &["signing", "signers", "--body", B, "--meeting", "1/2027"],
        USAGE,
    );
    add(
        &["signing", "send", "--body", B, "--meeting", "1/2027"],
        ANY,
    );
    add(
        &["signing", "send", "--body", KS, "--meeting", "1/2026"],
        ANY,
    );
    add(
        &[
            "signing",
            "sign",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "--by",
            "Kristin Berge",
            "--sha256",
            "abc",
        ],
        ANY,
    );
    add(
        &[
            "signing",
            "sign",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "--by",
            "Kristin Berge",
            "--sha256",
            &"a".repeat(64),
        ],
        ANY,
    );
    add(
        &[
            "signing",
            "refuse",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "--by",
            "Kristin Berge",
            "--comment",
            " ",
        ],
        ANY,
    );
    add(
        &[
            "signing",
            "refuse",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "--by",
            "Kristin Berge",
            "--comment",
            "Nei",
        ],
        ANY,
    );
    add(
        &[
            "signing",
            "copy",
            "--body",
            B,
            "--meeting",
            "1/2027",
            "-o",
            "OUT/kopi.pdf",
        ],
        ANY,
    );
    add(
        &[
            "signing",
            "copy",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "--round",
            "2",
            "-o",
            "OUT/kopi.pdf",
        ],
        ANY,
    );
    add(
        &[
            "signing",
            "copy",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "-o",
            "OUT/finnes/ikke/kopi.pdf",
        ],
        FILE,
    );
    add(
        &[
            "signing",
            "copy",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "-o",
            "OUT/quorum.db",
        ],
        ANY,
    );
    add(&["import", "OUT/finnes-ikke.json"], FILE);
    add(&["import", "OUT/mappe"], FILE);
    add(&["import", "OUT/tekst.txt"], ANY);
    add(&["import", "OUT/quorum.db"], ANY);
    add(&["demo"], ANY);
    add(&["--read-only", "person", "add", "--name", "Ola"], ANY);
    add(&["--read-only", "restore", "OUT/tekst.txt"], ANY);

    // --- consultations (the demo's e-health strategy consultation is number 1)
    let c = ["--body", B, "1"];
    let with = |head: &[&'static str], tail: &[&'static str]| -> Vec<&'static str> {
        let mut a = head.to_vec();
        a.extend(c);
        a.extend(tail);
        a
    };
    add(&["consultation", "list", "--body", "Ukjent"], NOT_FOUND);
    add(
        &[
            "consultation",
            "create",
            "--body",
            B,
            "--title",
            "T",
            "--sent",
            "2022-02-30",
            "--deadline",
            "2022-10-01",
        ],
        DATE,
    );
    add(&["consultation", "show", "--body", B, "9"], NOT_FOUND);
    add(&with(&["consultation", "question"], &["--text", ""]), EMPTY);
    add(
        &["consultation", "category", "list", "--body", "Ukjent"],
        NOT_FOUND,
    );
    add(
        &["consultation", "category", "add", "--body", B, "kommune"],
        ANY,
    );
    add(
        &[
            "consultation",
            "category",
            "rename",
            "--body",
            B,
            "Ukjent",
            "Ny",
        ],
        NOT_FOUND,
    );
    add(
        &[
            "consultation",
            "category",
            "remove",
            "--body",
            B,
            "Næringsliv",
        ],
        ANY,
    );
    add(
        &with(
            &["consultation", "respond"],
            &["--respondent", "X", "--received", "2022-13-01"],
        ),
        DATE,
    );
    add(
        &with(&["consultation", "import"], &["OUT/finnes-ikke.xlsx"]),
        FILE,
    );
    add(
        &with(
            &["consultation", "heading"],
            &["--title", "T", "--parent", "9.9"],
        ),
        NOT_FOUND,
    );
    add(
        &with(
            &["consultation", "mark"],
            &["--response", "1", "--question", "1", "--outcome", "kanskje"],
        ),
        CHOICE,
    );
    add(&["consultation", "tally", "--body", B, "7"], NOT_FOUND);
    add(&["consultation", "search", ""], ACCEPT);
    add(
        &with(
            &["consultation", "summary"],
            &["-o", "OUT/finnes/ikke/x.pdf"],
        ),
        FILE,
    );
    add(
        &with(&["consultation", "respondents"], &["-o", "OUT/quorum.db"]),
        ANY,
    );
    v
}

/// Stdin cases: the "-" that reads a long text from standard input.
fn stdin_refusals(dir: &Path) -> Vec<Bad> {
    let huge = "ord ".repeat(50_001).into_bytes(); // 200 004 characters
    let mut v = Vec::new();
    let mut add = |args: &[&str], stdin: Vec<u8>, says: Says| {
        v.push(Bad {
            args: args.iter().map(|a| os(dir, a)).collect(),
            stdin: Some(stdin),
            says,
        })
    };
    let n = [
        "record",
        "narrative",
        "--meeting",
        "1/2027",
        "--item",
        "1",
        "-",
    ];
    add(&n, huge.clone(), TOO_LONG);
    add(&n, b"a\x07b".to_vec(), CONTROL);
    add(&n, b"\xff\xfe ikke utf-8".to_vec(), UTF8);
    let d = ["record", "decision", "1/27", "-"];
    add(&d, huge.clone(), TOO_LONG);
    add(&d, b"\xc3\x28".to_vec(), UTF8);
    add(&d, b"\n\n".to_vec(), EMPTY);
    let i = [
        "record",
        "innspill",
        "add",
        "--meeting",
        "1/2027",
        "--item",
        "1",
        "-",
    ];
    add(&i, huge.clone(), TOO_LONG);
    add(&i, b"\xe2\x82".to_vec(), UTF8);
    add(&i, b"\x1b[31m".to_vec(), CONTROL);
    let s = ["case", "set", "1/27", "--summary", "-"];
    add(&s, huge, TOO_LONG);
    add(&s, b"ok\xf0\x90\x80".to_vec(), UTF8);
    v
}

/// Arguments that are not UTF-8 at all, in every kind of position.
fn utf8_refusals(dir: &Path) -> Vec<Bad> {
    let bad: &[&[u8]] = &[b"\xff", b"Sak \xc3\x28", b"\xed\xa0\x80", b"\xc0\xaf"];
    let mut v = Vec::new();
    for (i, b) in bad.iter().enumerate() {
        let mk = |before: &[&str], after: &[&str]| -> Vec<OsString> {
            let mut a: Vec<OsString> = before.iter().map(|s| os(dir, s)).collect();
            a.push(OsStr::from_bytes(b).to_os_string());
            a.extend(after.iter().map(|s| os(dir, s)));
            a
        };
        let positions: Vec<Vec<OsString>> = match i {
            0 => vec![
                mk(&["person", "add", "--name"], &[]),
                mk(&["meeting", "show"], &[]),
                mk(&["body", "show"], &[]),
                mk(&["search"], &[]),
                mk(&[], &[]),
            ],
            1 => vec![
                mk(&["case", "set", "1/27", "--title"], &[]),
                mk(
                    &[
                        "record",
                        "innspill",
                        "add",
                        "--meeting",
                        "1/2027",
                        "--item",
                        "1",
                    ],
                    &[],
                ),
                mk(&["record", "decision", "1/27"], &[]),
                mk(&["agenda", "add", "break", "--meeting"], &[]),
                mk(&["meeting", "list", "--body", B, "--year"], &[]),
            ],
            2 => vec![
                mk(&["meeting", "add", "--body", B, "--date"], &[]),
                mk(&["member", "add", "--body", B], &[]),
                mk(&["--lang"], &["body", "list"]),
                mk(
                    &["record", "narrative", "--meeting", "1/2027", "--item", "1"],
                    &[],
                ),
            ],
            _ => vec![
                mk(&["body", "add", "--short", "X", "--name"], &[]),
                mk(&["case", "attach", "1/27", "--label", "3", "--title"], &[]),
                mk(
                    &[
                        "record",
                        "action",
                        "add",
                        "--meeting",
                        "1/2027",
                        "--item",
                        "1",
                    ],
                    &[],
                ),
                mk(&["case-type", "set", "--body", B], &[]),
            ],
        };
        for args in positions {
            // Not UTF-8 where a subcommand belongs is an unknown subcommand.
            let says = if args.len() == 1 { UNKNOWN_SUB } else { UTF8 };
            v.push(Bad {
                args,
                stdin: None,
                says,
            });
        }
    }
    // A path need not be UTF-8; a file that does not exist under such a name is still named.
    let mut p = dir.as_os_str().to_os_string();
    p.push("/");
    p.push(OsStr::from_bytes(b"\xff.json"));
    v.push(Bad {
        args: vec!["import".into(), p],
        stdin: None,
        says: FILE,
    });
    v
}

/// Import files that are not a Quorum export, or not one whole.
fn import_refusals(f: &Fixture) -> Vec<Bad> {
    let export = std::fs::read_to_string(f.dir.join("demo-export.json")).unwrap();
    let small = r#"{"format":"quorum-record","version":1,"schema":1,"tables":{"#;
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("leer.json", Vec::new()),
        ("mellomrom.json", b"   \n".to_vec()),
        ("halv.json", export.as_bytes()[..export.len() / 2].to_vec()),
        ("kuttet.json", export.as_bytes()[..export.len() - 3].to_vec()),
        ("bom-halv.json", [b"\xef\xbb\xbf".as_slice(), &export.as_bytes()[..100]].concat()),
        ("latin1.json", b"{\"format\":\"quorum-record\",\"x\":\"\xe6\xf8\xe5\"}".to_vec()),
        ("utf16.json", {
            let mut b = vec![0xff, 0xfe];
            for u in "{\"format\":\"quorum-record\"}".encode_utf16() {
                b.extend(u.to_le_bytes());
            }
            b
        }),
        ("liste.json", b"[1,2,3]".to_vec()),
        ("tall.json", b"42".to_vec()),
        ("null.json", b"null".to_vec()),
        ("format.json", br#"{"format":"noe annet","version":1,"tables":{}}"#.to_vec()),
        ("versjon.json", br#"{"format":"quorum-record","version":99,"tables":{}}"#.to_vec()),
        ("versjon-tekst.json", br#"{"format":"quorum-record","version":"1","tables":{}}"#.to_vec()),
        ("uten-tabeller.json", br#"{"format":"quorum-record","version":1}"#.to_vec()),
        ("tabeller-liste.json", br#"{"format":"quorum-record","version":1,"tables":[]}"#.to_vec()),
        ("ukjent-tabell.json", format!("{small}\"ukjent\":[]}}}}").into_bytes()),
        ("tabell-tekst.json", format!("{small}\"body\":\"x\"}}}}").into_bytes()),
        ("rad-tall.json", format!("{small}\"body\":[1]}}}}").into_bytes()),
        ("id-tall.json", format!("{small}\"body\":[{{\"id\":1}}]}}}}").into_bytes()),
        ("ukjent-kolonne.json", format!("{small}\"person\":[{{\"id\":\"p\",\"name\":\"x\",\"organisation\":\"\",\"email\":\"\",\"drop\":1}}]}}}}").into_bytes()),
        ("sql.json", format!("{small}\"person\":[{{\"id\":\"p\",\"name\":\"x\",\"organisation\":\"\",\"email\":\"\",\"\\\"); DROP TABLE person;--\":1}}]}}}}").into_bytes()),
        ("negativ.json", export.replacen("\"position\": 0", "\"position\": -1", 1).into_bytes()),
        ("dato.json", export.replacen("\"date\": \"2025-", "\"date\": \"2025-13-45x", 1).into_bytes()),
        ("klokke.json", export.replacen("\"start_time\": \"", "\"start_time\": \"25:99", 1).into_bytes()),
        ("nummer.json", export.replacen("\"number\": 4", "\"number\": 9223372036854775807", 1).into_bytes()),
        ("stort-tall.json", export.replacen("\"number\": 4", "\"number\": 1e400", 1).into_bytes()),
        ("nokkel.json", export.replacen("\"body_id\": \"", "\"body_id\": \"x", 1).into_bytes()),
        ("dobbel.json", {
            // A second "body" list after the first: the later one (empty) is what JSON keeps.
            let at = export.rfind("\n  },\n  \"version\"").expect("end of tables");
            format!("{},\n    \"body\": []{}", &export[..at], &export[at..]).into_bytes()
        }),
        ("kontroll.json", export.replacen("\"name\": \"", "\"name\": \"\\u0007", 1).into_bytes()),
        ("script.json", b"<script>alert(1)</script>".to_vec()),
        ("binar.json", (0u8..=255).collect()),
    ];
    let mut v = Vec::new();
    // Into an empty record: what the file holds is what is refused.
    for (name, bytes) in files {
        assert!(bytes != export.as_bytes(), "{name} is the export itself");
        let path = f.dir.join(format!("import-{name}"));
        std::fs::write(&path, bytes).unwrap();
        // Each into its own empty record, so one wrongly accepted file does not hide the rest.
        let db = f.dir.join(format!("tom-{name}.db"));
        // (A command other than demo, import or add refuses a record that does not exist.)
        drop(quorum_record::Store::open(&db).unwrap());
        v.push(Bad {
            args: vec!["--db".into(), db.into(), "import".into(), path.into()],
            stdin: None,
            says: IMPORT,
        });
    }
    // Into a record that has data: refused whatever the file.
    v.push(Bad {
        args: vec!["import".into(), f.dir.join("demo-export.json").into()],
        stdin: None,
        says: IMPORT,
    });
    v
}

/// Every leaf subcommand, from `--help` (recursively): the corpus must reach each.
fn leaf_commands(db: &Path) -> BTreeSet<String> {
    fn subs(db: &Path, path: &[String]) -> Vec<String> {
        let mut args: Vec<OsString> = path.iter().map(OsString::from).collect();
        args.push("--help".into());
        let r = quorum(db, &args, None, true);
        let mut out = Vec::new();
        let mut in_commands = false;
        for l in r.stdout.lines() {
            if l.starts_with("Commands:") {
                in_commands = true;
                continue;
            }
            if in_commands {
                if !l.starts_with("  ") {
                    break;
                }
                let name = l.split_whitespace().next().unwrap_or("");
                if name != "help" && !name.is_empty() {
                    out.push(name.trim_end_matches(',').to_string());
                }
            }
        }
        out
    }
    fn walk(db: &Path, path: Vec<String>, out: &mut BTreeSet<String>) {
        let s = subs(db, &path);
        if s.is_empty() {
            out.insert(path.join(" "));
        }
        for name in s {
            let mut p = path.clone();
            p.push(name);
            walk(db, p, out);
        }
    }
    let mut out = BTreeSet::new();
    walk(db, Vec::new(), &mut out);
    out
}

/// The leaf subcommand a case runs ("pdf" is the alias of "document").
fn command_of(args: &[OsString], leaves: &BTreeSet<String>) -> Option<String> {
    let words: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().replace("pdf", "document"))
        .filter(|a| !a.starts_with('-'))
        .collect();
    // The longest leaf whose words appear in order at the start of the positional words (flags
    // and their values skipped loosely: a leaf's words are all subcommand names).
    leaves
        .iter()
        .filter(|leaf| {
            let mut it = words.iter();
            leaf.split(' ').all(|w| it.any(|a| a == w))
        })
        .max_by_key(|l| l.len())
        .cloned()
}

fn run_refusals(
    f: &Fixture,
    cases: &[Bad],
    known_seen: &mut BTreeSet<String>,
) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    for case in cases {
        let label = case.label().replace(&f.dir.display().to_string(), "OUT");
        let problems = check_refusal(f, case);
        match KNOWN.iter().find(|(k, _)| *k == label) {
            Some((_, why)) => {
                known_seen.insert(label.clone());
                if problems.is_empty() {
                    failures.push(format!(
                        "{label}: known defect ({why}) is fixed; remove it from KNOWN"
                    ));
                } else {
                    println!("known defect: {label}: {why}");
                }
            }
            None => {
                if !problems.is_empty() {
                    failures.push(format!("{label}:\n    {}", problems.join("\n    ")));
                }
            }
        }
    }
    (cases.len(), failures)
}

#[test]
fn bad_input_is_refused_in_the_users_language_and_changes_nothing() {
    let f = fixture();
    f.ok(&[
        "export",
        &f.dir.join("demo-export.json").display().to_string(),
    ]);
    let groups = [
        ("arguments", refusals(&f.dir)),
        ("stdin", stdin_refusals(&f.dir)),
        ("invalid UTF-8", utf8_refusals(&f.dir)),
        ("import files", import_refusals(&f)),
    ];
    let mut known_seen = BTreeSet::new();
    let mut failures = Vec::new();
    let mut total = 0;
    let mut labels = BTreeSet::new();
    let leaves = leaf_commands(&f.db);
    let mut reached = BTreeSet::new();
    for (name, cases) in &groups {
        for c in cases {
            assert!(labels.insert(c.label()), "case listed twice: {}", c.label());
            if let Some(l) = command_of(&c.args, &leaves) {
                reached.insert(l);
            }
        }
        let (n, fails) = run_refusals(&f, cases, &mut known_seen);
        println!("{name}: {n} cases");
        total += n;
        failures.extend(fails);
    }
    for (k, _) in KNOWN {
        if !known_seen.contains(*k) {
            failures.push(format!("KNOWN lists a case the corpus does not run: {k}"));
        }
    }
    println!(
        "CLI refusals: {total} cases, {} commands reached",
        reached.len()
    );
    let missed: Vec<&String> = leaves
        .iter()
        .filter(|l| !reached.contains(*l) && !INERT_ONLY.contains(&l.as_str()))
        .collect();
    assert!(missed.is_empty(), "no bad input for {missed:?}");
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Read-only listings with no argument to get wrong; the inert test runs them.
const INERT_ONLY: &[&str] = &["body list", "person list"];

/// Text that looks like markup, SQL, a template or a path is kept exactly as typed.
const FRAGMENTS: &[&str] = &[
    "<script>alert(1)</script>",
    "'); DROP TABLE \"case\";--",
    "Robert'); DELETE FROM body WHERE ('1'='1",
    "\" OR 1=1 --",
    "${jndi:ldap://x/a}",
    "{{7*7}} {% if %}",
    "%s%n%x%d",
    "../../../etc/passwd",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(document.cookie)",
    "\u{202e}fdp.exe",
    "Æøå ÆØÅ – «sitat» “quote” 👩‍👩‍👧 ‏עברית",
    "NULL",
    "\\x00\\n",
    "a\u{200b}b\u{feff}c",
    "MATCH 'x*' NEAR(a b)",
];

#[test]
fn script_and_sql_fragments_are_stored_inert() {
    let f = fixture();
    let mut n = 0;
    let mut failures: Vec<String> = Vec::new();
    fn tally(
        n: &mut usize,
        failures: &mut Vec<String>,
        what: &str,
        got: &serde_json::Value,
        want: &str,
    ) {
        *n += 1;
        if got.as_str() != Some(want) {
            failures.push(format!("{what}: stored {got} for {want:?}"));
        }
    }
    macro_rules! check {
        ($what:expr, $got:expr, $want:expr) => {
            tally(&mut n, &mut failures, $what, $got, $want)
        };
    }
    for (i, s) in FRAGMENTS.iter().enumerate() {
        let s = *s;
        let p = f.json(&["person", "add", "--name", s, "--org", s]);
        let pid = p["id"].as_str().unwrap().to_string();
        check!("person name", &p["name"], s);
        let back: Vec<serde_json::Value> =
            serde_json::from_value(f.json(&["person", "list"])).unwrap();
        let back = back
            .iter()
            .find(|x| x["id"] == pid.as_str())
            .expect("listed");
        check!("person name read back", &back["name"], s);
        check!("person org read back", &back["organisation"], s);

        let short = format!("Frag{i}");
        let b = f.json(&[
            "body",
            "add",
            "--short",
            &short,
            "--name",
            s,
            "--place",
            s,
            "--secretariat",
            s,
        ]);
        check!("body name", &b["name"], s);
        let shown = f.json(&["body", "show", &short]);
        check!("body name read back", &shown["body"]["name"], s);
        check!("body place read back", &shown["body"]["default_place"], s);
        check!(
            "body secretariat read back",
            &shown["body"]["secretariat"],
            s
        );

        let c = f.json(&[
            "case",
            "add",
            "--body",
            B,
            "--year",
            "2026",
            "--title",
            s,
            "--summary",
            s,
            "--proposal",
            s,
            "--purpose",
            s,
            "--background",
            s,
            "--questions",
            s,
            "--process",
            s,
            "--owner",
            s,
            "--officer",
            s,
        ]);
        let cid = c["id"].as_str().unwrap().to_string();
        let shown = f.json(&["case", "show", &cid]);
        for field in ["title", "summary", "proposal", "owner", "officer"] {
            check!(&format!("case {field} read back"), &shown[field], s);
        }

        let it = f.json(&[
            "record",
            "innspill",
            "add",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            s,
        ]);
        check!("innspill", &it["text"], s);
        let a = f.json(&[
            "record",
            "action",
            "add",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            s,
            "--responsible",
            s,
        ]);
        check!("action text", &a["text"], s);
        check!("action responsible", &a["responsible"], s);
        let d = f.json(&["record", "decision", "1/27", s]);
        check!("decision", &d["decision"], s);
        let nv = f.json(&[
            "record",
            "narrative",
            "--meeting",
            "1/2027",
            "--item",
            "1",
            s,
        ]);
        check!("narrative", &nv["narrative"], s);
        let br = f.json(&[
            "agenda",
            "add",
            "break",
            "--meeting",
            "1/2027",
            "--title",
            s,
        ]);
        check!("break title", &br["title"], s);
        let or = f.json(&[
            "agenda",
            "add",
            "orientation",
            "--meeting",
            "1/2027",
            "--title",
            s,
            "--guest",
            s,
        ]);
        check!("orientation guest", &or["guest"], s);
        let ex = f.json(&["case", "exempt", &cid, "--basis", s]);
        check!("exemption basis", &ex["exempt_basis"], s);
        let ct = format!("Type {i}");
        f.ok(&["case-type", "set", "--body", B, &ct, "--template", s]);
        let types = f.json(&["case-type", "list", "--body", B]);
        let t = types
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == ct.as_str())
            .cloned()
            .unwrap_or_default();
        check!("case type template", &t["proposal_template"], s);
        // A search for the fragment itself is a query, not SQL or FTS syntax.
        let r = quorum(&f.db, &["search".into(), s.into()], None, false);
        n += 1;
        if r.code != 0 || r.stderr.contains("panicked") {
            failures.push(format!("search {s:?}: exit {} {}", r.code, r.stderr));
        }
    }
    // The agenda PDF of the meeting holding all of them is written.
    let out = f.dir.join("agenda.pdf");
    f.ok(&[
        "pdf",
        "agenda",
        "--body",
        B,
        "--meeting",
        "1/2027",
        "-o",
        &out.display().to_string(),
    ]);
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    println!("CLI inert: {n} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
