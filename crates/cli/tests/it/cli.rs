//! The command line: runs the built binary against a record file in a temporary directory and
//! checks stdout, stderr and the exit code.

use crate::support::*;
use std::path::PathBuf;

struct Demo {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

fn demo() -> Demo {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("quorum.db");
    let out = ok(&db, &["demo"]);
    assert!(out.starts_with("Demodata lastet inn i "), "{out}");
    Demo { _dir: dir, db }
}

#[test]
fn meeting_show_prints_the_seed_timetable() {
    let d = demo();
    let out = ok(
        &d.db,
        &["meeting", "show", "--body", "E-helserådet", "4/2025"],
    );
    let f = flat(&out);
    assert!(f.contains("Møte i Nasjonalt e-helseråd"), "{out}");
    assert!(f.contains("Møte 4/2025"), "{out}");
    assert!(f.contains("11. desember 2025"), "{out}");
    assert!(f.contains("Kl. 10.00 – 16.00"), "{out}");
    assert!(
        f.contains("Helsedirektoratet, Vitaminveien 4, Storo Oslo"),
        "{out}"
    );
    // (number or title, time, type) in the seed's order, each on one line.
    let rows: &[(&str, &str, &str)] = &[
        ("30/25", "10:00", "Godkjenning"),
        ("31/25", "10:05", "Godkjenning"),
        ("Orientering fra Cathrine Lofthus", "10:15", ""),
        ("Dagsaktuelt", "10:45", "Åpen sak"),
        ("32/25", "11:05", "Drøfting"),
        ("Lunsj", "12:05", ""),
        ("33/25", "12:35", "Orientering"),
        ("34/25", "12:55", "Drøfting"),
        ("Pause", "13:35", ""),
        ("35/25", "13:45", "Drøfting"),
        ("36/25", "14:35", "Orientering"),
        ("Pause", "14:50", ""),
        ("37/25", "15:00", "Drøfting"),
        ("38/25", "15:40", "Orientering"),
        ("39/25", "15:55", ""),
        ("Slutt", "16:00", ""),
    ];
    let lines: Vec<&str> = out.lines().collect();
    let mut at = 0;
    for (label, time, kind) in rows {
        let found = lines[at..]
            .iter()
            .position(|l| l.contains(label) && l.contains(time) && l.contains(kind))
            .unwrap_or_else(|| panic!("no row {label} {time} {kind} after line {at}:\n{out}"));
        at += found + 1;
    }
    // The titles are there too (possibly wrapped), and nothing runs over.
    assert!(
        f.contains("Helseteknologiordningen – status og erfaringer fra"),
        "{out}"
    );
    assert!(
        f.contains("Godkjenning av innkalling og dagsorden"),
        "{out}"
    );
    assert!(!out.contains("Advarsel"), "{out}");
    // Every clock time of the timetable appears once, in order.
    let times: Vec<&str> = rows.iter().map(|r| r.1).collect();
    let mut last = 0;
    for t in times {
        let i = out[last..]
            .find(t)
            .unwrap_or_else(|| panic!("{t} out of order"))
            + last;
        last = i + t.len();
    }
}

#[test]
fn meeting_show_in_english() {
    let d = demo();
    let o = run(
        &d.db,
        &[
            "--lang",
            "en",
            "meeting",
            "show",
            "--body",
            "E-helserådet",
            "4/2025",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let f = flat(&o.stdout);
    assert!(
        f.contains("Meeting of Nasjonalt e-helseråd"),
        "{}",
        o.stdout
    );
    assert!(f.contains("11 December 2025"), "{}", o.stdout);
    assert!(
        o.stdout
            .lines()
            .any(|l| l.contains("End") && l.contains("16:00")),
        "{}",
        o.stdout
    );
}

#[test]
fn search_helsedataforordningen_shows_26_25_and_its_decision() {
    let d = demo();
    let out = ok(&d.db, &["search", "helsedataforordningen"]);
    let f = flat(&out);
    assert!(f.contains("26/25"), "{out}");
    assert!(f.contains("Konsekvenser av"), "{out}");
    assert!(f.contains("Møte 3/2025"), "{out}");
    assert!(
        f.contains("Vedtak: Nasjonalt e-helseråd drøftet saken. Folkehelseinstituttet og Helsedirektoratet tar med seg innspill fra møtet inn i det videre arbeidet med å utrede konsekvenser av helsedataforordningen."),
        "{out}"
    );
    assert!(!f.contains("24/25") && !f.contains("34/25"), "{out}");
}

#[test]
fn search_mila_shows_the_action_point_of_24_25() {
    let d = demo();
    let out = ok(&d.db, &["search", "MILA"]);
    // Hits start at unindented lines; their fields follow, indented.
    let mut hits: Vec<String> = Vec::new();
    for line in out.lines() {
        if line.starts_with(char::is_whitespace) {
            if let Some(h) = hits.last_mut() {
                h.push('\n');
                h.push_str(line);
            }
        } else {
            hits.push(line.to_string());
        }
    }
    let heads: Vec<&str> = hits
        .iter()
        .map(|h| h.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(heads, ["34/25", "24/25"], "{out}");
    let block = &hits[1];
    let f = flat(block);
    assert!(f.contains("Aksjonspunkt:"), "{out}");
    assert!(f.contains("Helse Sør-Øst RHF presenterer"), "{out}");
    assert!(
        f.contains("prosjektet i neste møte i Nasjonalt e-helseråd"),
        "{out}"
    );
    assert!(flat(&out).contains("34/25"), "{out}");
    let none = ok(&d.db, &["search", "finnesikkeiprotokollen"]);
    assert_eq!(none.trim(), "Ingen treff.");
    // FTS syntax from the command line is plain text.
    for q in ["\"MILA", "NEAR(MILA", "MILA OR", "*", "(", "a:b"] {
        let o = run(&d.db, &["search", q]);
        assert_eq!(o.code, 0, "{q}: {}", o.stderr);
    }
}

#[test]
fn search_filters_from_the_command_line() {
    let d = demo();
    let out = ok(
        &d.db,
        &["search", "strategiske indikatorer", "--body", "NUIT"],
    );
    assert!(flat(&out).contains("40/25 NUIT"), "{out}");
    assert!(!out.contains("37/25"), "{out}");
    let out = ok(
        &d.db,
        &["search", "MILA", "--type", "Drøfting", "--year", "2025"],
    );
    assert!(out.contains("24/25") && out.contains("34/25"), "{out}");
    let out = ok(&d.db, &["search", "MILA", "--year", "2024"]);
    assert_eq!(out.trim(), "Ingen treff.");
}

#[test]
fn case_show_32_25() {
    let d = demo();
    let out = ok(&d.db, &["case", "show", "--body", "E-helserådet", "32/25"]);
    let f = flat(&out);
    assert!(
        f.starts_with("Sak 32/25 Helseteknologiordningen – status og erfaringer fra journalanskaffelser så langt"),
        "{out}"
    );
    assert!(f.contains("4/2025 (11. desember 2025)"), "{out}");
    assert!(f.contains("Drøfting"), "{out}");
    assert!(f.contains("Forslag til vedtak: Nasjonalt e-helseråd drøftet saken. KS og Helsedirektoratet tar med seg innspill i det videre arbeidet."), "{out}");
    assert!(
        f.contains("Vedlegg 2: Toppnotat Helseteknologiordningen"),
        "{out}"
    );
    assert!(f.contains("5/25"), "earlier decisions: {out}");
    assert!(!f.contains("Unntatt offentlighet"), "{out}");
    // A decided, amended case.
    let out = ok(&d.db, &["case", "show", "--body", "E-helserådet", "24/25"]);
    let f = flat(&out);
    assert!(
        f.contains("Vedtak oppdatert: Nasjonalt e-helseråd tar saken til orientering."),
        "{out}"
    );
    assert!(f.contains("Helse Sør-Øst RHF presenterer MILA-prosjektet i neste møte i Nasjonalt e-helseråd. [open]"), "{out}");
}

#[test]
fn case_exempt_33_25() {
    let d = demo();
    let out = ok(
        &d.db,
        &[
            "case",
            "exempt",
            "--body",
            "E-helserådet",
            "33/25",
            "--basis",
            "offl. § 14",
        ],
    );
    let f = flat(&out);
    assert!(f.contains("33/25"), "{out}");
    assert!(f.contains("unntatt offentlighet"), "{out}");
    assert!(f.contains("offl. § 14"), "{out}");
    let out = ok(&d.db, &["case", "show", "--body", "E-helserådet", "33/25"]);
    assert!(
        flat(&out).contains("Unntatt offentlighet (offl. § 14)"),
        "{out}"
    );
    // Stored in the file.
    let s = quorum_record::Store::open(&d.db).unwrap();
    let c = s.case_by_number("E-helserådet", "33/25").unwrap();
    assert!(c.exempt);
    assert_eq!(c.exempt_basis, "offl. § 14");
    drop(s);
    // Without a basis: refused, nothing changes.
    let o = run(
        &d.db,
        &[
            "case",
            "exempt",
            "--body",
            "E-helserådet",
            "34/25",
            "--basis",
            " ",
        ],
    );
    assert_ne!(o.code, 0);
    assert_eq!(o.stdout, "");
    assert!(
        o.stderr
            .contains("Oppgi hjemmel for unntaket, for eksempel «offl. § 14»."),
        "{}",
        o.stderr
    );
    let s = quorum_record::Store::open(&d.db).unwrap();
    assert!(!s.case_by_number("E-helserådet", "34/25").unwrap().exempt);
}

#[test]
fn export_import_is_byte_identical() {
    let d = demo();
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.json");
    let second = dir.path().join("second.json");
    let other = dir.path().join("other.db");
    ok(&d.db, &["export", first.to_str().unwrap()]);
    let out = ok(&other, &["import", first.to_str().unwrap()]);
    assert!(out.starts_with("Importert til "), "{out}");
    ok(&other, &["export", second.to_str().unwrap()]);
    let a = std::fs::read(&first).unwrap();
    let b = std::fs::read(&second).unwrap();
    assert!(a.len() > 10_000);
    assert!(a == b, "exports differ");
    // Importing again into the now non-empty file is refused.
    let o = run(&other, &["import", first.to_str().unwrap()]);
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("Databasen er ikke tom"), "{}", o.stderr);
    // A truncated file is refused and leaves a new file empty.
    let half = dir.path().join("half.json");
    std::fs::write(&half, &a[..a.len() / 2]).unwrap();
    let fresh = dir.path().join("fresh.db");
    let o = run(&fresh, &["import", half.to_str().unwrap()]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.starts_with("quorum: Importfilen kan ikke leses: "),
        "{}",
        o.stderr
    );
    assert!(quorum_record::Store::open(&fresh)
        .unwrap()
        .is_empty()
        .unwrap());
    // A missing file is named, in the user's language (not the system's "No such file").
    let o = run(
        &fresh,
        &["import", dir.path().join("nope.json").to_str().unwrap()],
    );
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("Fant ikke filen eller mappen") && !o.stderr.contains("os error"),
        "{}",
        o.stderr
    );
}

#[test]
fn errors_go_to_stderr_in_norwegian_by_default() {
    let d = demo();
    let cases: &[(&[&str], &str)] = &[
        (
            &["case", "show", "--body", "E-helserådet", "32-25"],
            "quorum: «32-25» er ikke et gyldig saksnummer. Skriv nummer/år med to sifre, for eksempel «32/25».",
        ),
        (
            &["case", "show", "--body", "Ukjent", "32/25"],
            "quorum: Fant ikke organet «Ukjent». Sjekk stavemåten, eller list det som finnes.",
        ),
        (
            &["meeting", "show", "--body", "E-helserådet", "4/25"],
            "quorum: «4/25» er ikke et gyldig møtenummer. Skriv nummer/år med fire sifre, for eksempel «4/2025».",
        ),
        (
            &["demo"],
            "quorum: Databasen er ikke tom. Importer eller last demodata inn i en ny, tom fil (bruk --db NY-FIL).",
        ),
    ];
    for (args, message) in cases {
        let o = run(&d.db, args);
        assert_eq!(o.code, 1, "{args:?}");
        assert_eq!(o.stdout, "", "{args:?}");
        assert_eq!(o.stderr.trim_end(), *message, "{args:?}");
        // Same with a locale that is neither Norwegian nor English.
        let o = run_env(&d.db, args, &[("LANG", "C.UTF-8")]);
        assert_eq!(o.stderr.trim_end(), *message, "{args:?} with LANG=C.UTF-8");
    }
}

#[test]
fn errors_in_english_with_flag_or_locale() {
    let d = demo();
    let cases: &[(&[&str], &str)] = &[
        (
            &["case", "show", "--body", "E-helserådet", "32-25"],
            "quorum: \"32-25\" is not a valid case number. Write number/two-digit year, for example \"32/25\".",
        ),
        (
            &["case", "show", "--body", "Ukjent", "32/25"],
            "quorum: Could not find the body \"Ukjent\". Check the spelling, or list what exists.",
        ),
        (
            &["demo"],
            "quorum: The database is not empty. Import or load the demo into a new, empty file (use --db NEW-FILE).",
        ),
    ];
    for (args, message) in cases {
        let mut with_flag = vec!["--lang", "en"];
        with_flag.extend_from_slice(args);
        let o = run(&d.db, &with_flag);
        assert_eq!((o.code, o.stdout.as_str()), (1, ""), "{args:?}");
        assert_eq!(o.stderr.trim_end(), *message, "{args:?} --lang en");
        for (var, value) in [("LANG", "en_US.UTF-8"), ("LC_ALL", "en_GB.UTF-8")] {
            let o = run_env(&d.db, args, &[(var, value)]);
            assert_eq!(o.code, 1, "{args:?}");
            assert_eq!(o.stderr.trim_end(), *message, "{args:?} {var}={value}");
        }
        // The flag wins over the locale.
        let mut nb = vec!["--lang", "nb"];
        nb.extend_from_slice(args);
        let o = run_env(&d.db, &nb, &[("LANG", "en_US.UTF-8")]);
        assert!(o.stderr.starts_with("quorum: "), "{}", o.stderr);
        assert_ne!(
            o.stderr.trim_end(),
            *message,
            "--lang nb must win over LANG"
        );
    }
}

#[test]
fn a_newer_database_file_is_refused_and_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("newer.db");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("CREATE TABLE t (x TEXT); PRAGMA user_version = 99;")
            .unwrap();
    }
    let bytes = std::fs::read(&db).unwrap();
    let o = run(&db, &["body", "list"]);
    assert_eq!(o.code, 1);
    assert_eq!(
        o.stderr.trim_end(),
        format!("quorum: Databasefilen er laget av en nyere versjon av Quorum (skjema 99, denne versjonen kjenner {}). Filen er ikke endret; oppdater Quorum for å åpne den.", quorum_record::store::SCHEMA_VERSION)
    );
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
}

#[test]
fn body_and_meeting_lists() {
    let d = demo();
    let out = ok(&d.db, &["body", "list"]);
    let lines: Vec<String> = out.lines().map(flat).collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].starts_with("E-helserådet Nasjonalt e-helseråd"),
        "{out}"
    );
    assert!(
        lines[1].starts_with("Kommunestyret Testvik kommunestyre"),
        "{out}"
    );
    assert!(lines[2].starts_with("NUIT "), "{out}");
    let out = ok(&d.db, &["meeting", "list", "--body", "E-helserådet"]);
    let lines: Vec<String> = out.lines().map(flat).collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with("Møte 3/2025 16. oktober 2025 09:00–15:00 avholdt"),
        "{out}"
    );
    assert!(
        lines[1].starts_with("Møte 4/2025 11. desember 2025 10:00–16:00 dagsorden sendt"),
        "{out}"
    );
}

#[test]
fn usage_errors_exit_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    let o = run(&db, &["no-such-command"]);
    assert_eq!(o.code, 2);
    assert!(!o.stderr.is_empty());
    assert_eq!(o.stdout, "");
}

#[test]
fn a_mistyped_record_name_is_refused_and_no_empty_record_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("quorum.db");
    ok(&real, &["demo"]);
    let typo = dir.path().join("qourum.db");
    for args in [
        &["body", "list"][..],
        &["meeting", "list", "--body", "E-helserådet"],
        &["search", "helse"],
        &["case", "show", "32/25"],
        &["backup"],
    ] {
        let o = run(&typo, args);
        assert_eq!(o.code, 1, "{args:?}");
        assert!(
            o.stderr.contains("Registerfilen")
                && o.stderr.contains("finnes ikke")
                && o.stderr.contains("demo"),
            "{args:?}: {}",
            o.stderr
        );
        assert!(!typo.exists(), "{args:?} left a file behind");
    }
    let o = run(&typo, &["--lang", "en", "body", "list"]);
    assert!(
        o.stderr.contains("does not exist. Check the file name"),
        "{}",
        o.stderr
    );
    // The commands that start a record still make one.
    ok(
        &typo,
        &["body", "add", "--short", "NY", "--name", "Nytt råd"],
    );
    assert!(typo.exists());
}
