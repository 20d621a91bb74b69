//! A municipal council's meeting from the command line, as issue 10 has it: groups and members'
//! groups, outside positions, the quorum rule, members arriving and leaving, a substitute for one
//! case, a disqualification, proposals put in the meeting, votes of every method, a decision
//! refused where the body is not quorate until confirmed, and minutes signed by the signers
//! chosen (after one refusal), whose copy's SHA-256 is what was signed.

use crate::support::*;
use serde_json::Value;
use std::path::Path;

fn json(db: &Path, args: &[&str]) -> Value {
    let mut with = vec!["--json"];
    with.extend_from_slice(args);
    let out = ok(db, &with);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}\n{out}"))
}

fn refused(db: &Path, args: &[&str]) -> String {
    let o = run(db, args);
    assert_eq!(o.code, 1, "{args:?}: {} {}", o.stdout, o.stderr);
    assert_eq!(o.stdout, "", "{args:?}");
    o.stderr.trim_end().to_string()
}

const KS: &str = "Testvik";
const MEMBERS: &[(&str, &str)] = &[
    ("Kari Nordmann", "Ap"),
    ("Per Hansen", "Ap"),
    ("Ola Berg", "H"),
    ("Liv Dahl", "H"),
    ("Siv Lie", "Sp"),
];

/// Five members in three groups (Kari Nordmann chairs), a substitute, meeting 1/2026 held with
/// three cases (1/26–3/26) and everyone present.
fn council() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("quorum.db");
    ok(
        &db,
        &[
            "body",
            "add",
            "--short",
            KS,
            "--name",
            "Testvik kommunestyre",
            "--place",
            "Rådhuset",
        ],
    );
    let b = json(
        &db,
        &[
            "body",
            "rules",
            KS,
            "--quorum-percent",
            "60",
            "--signed-minutes",
            "ja",
        ],
    );
    assert_eq!(
        (b["quorum_percent"].clone(), b["signed_minutes"].clone()),
        (60.into(), true.into())
    );
    for (name, short) in [
        ("Arbeiderpartiet", "Ap"),
        ("Høyre", "H"),
        ("Senterpartiet", "Sp"),
    ] {
        ok(
            &db,
            &[
                "party", "add", "--body", KS, "--name", name, "--short", short,
            ],
        );
    }
    for (i, (name, group)) in MEMBERS.iter().enumerate() {
        ok(&db, &["person", "add", "--name", name]);
        let role = if i == 0 { "leder" } else { "medlem" };
        ok(&db, &["member", "add", "--body", KS, name, "--role", role]);
        ok(
            &db,
            &[
                "member", "party", "--body", KS, "--person", name, "--party", group,
            ],
        );
    }
    ok(&db, &["person", "add", "--name", "Vara Vik"]);
    ok(
        &db,
        &["meeting", "add", "--body", KS, "--date", "2026-01-29"],
    );
    for (title, proposal) in [
        ("Saksliste", "Godkjennes."),
        ("Storvika boligfelt", "Planen vedtas."),
        ("Barnehage", "Bygges ved skolen."),
    ] {
        ok(
            &db,
            &[
                "agenda",
                "add",
                "case",
                "--body",
                KS,
                "--meeting",
                "1/2026",
                "--title",
                title,
                "--proposal",
                proposal,
            ],
        );
    }
    for (name, _) in MEMBERS {
        ok(
            &db,
            &[
                "record",
                "attendance",
                "set",
                "--body",
                KS,
                "--meeting",
                "1/2026",
                name,
            ],
        );
    }
    ok(
        &db,
        &[
            "record",
            "attendance",
            "set",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "Vara Vik",
            "--status",
            "observer",
        ],
    );
    ok(&db, &["meeting", "send", "--body", KS, "1/2026"]);
    ok(&db, &["meeting", "held", "--body", KS, "1/2026"]);
    (dir, db)
}

#[test]
fn a_council_meeting_from_groups_to_signed_minutes() {
    let (_dir, db) = council();
    let db = db.as_path();
    // Groups and outside positions.
    let listed = ok(db, &["member", "list", "--body", KS]);
    assert!(flat(&listed).contains("Ola Berg (H)"), "{listed}");
    ok(
        db,
        &[
            "party",
            "rename",
            "--body",
            KS,
            "Sp",
            "--name",
            "Senterpartiet i Testvik",
        ],
    );
    assert!(ok(db, &["party", "list", "--body", KS]).contains("Senterpartiet i Testvik"));
    ok(
        db,
        &[
            "person",
            "position",
            "add",
            "Ola Berg",
            "--org",
            "Storvika Utvikling AS",
            "--role",
            "styremedlem",
            "--since",
            "2024-01-01",
        ],
    );
    let positions = json(db, &["person", "position", "list", "Ola Berg"]);
    assert_eq!(positions[0]["organisation"], "Storvika Utvikling AS");

    // Per Hansen leaves after 1/26, Siv Lie arrives at 3/26: 2/26 has four of five (needs 3).
    ok(
        db,
        &[
            "record",
            "presence",
            "left",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "Per Hansen",
            "--item",
            "1/26",
        ],
    );
    ok(
        db,
        &[
            "record",
            "presence",
            "arrived",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "Siv Lie",
            "--item",
            "3",
        ],
    );
    let changes = ok(
        db,
        &[
            "record",
            "presence",
            "list",
            "--body",
            KS,
            "--meeting",
            "1/2026",
        ],
    );
    assert!(
        changes.contains("Per Hansen forlot møtet etter sak 1/26"),
        "{changes}"
    );
    assert!(
        changes.contains("Siv Lie tiltrådte i sak 3/26"),
        "{changes}"
    );

    // 2/26: Ola Berg is disqualified and Vara Vik stands in for him.
    ok(
        db,
        &[
            "record",
            "disqualification",
            "raise",
            "--body",
            KS,
            "2/26",
            "Ola Berg",
            "--reason",
            "Styremedlem i forslagsstilleren",
        ],
    );
    let d = json(
        db,
        &[
            "record",
            "disqualification",
            "decide",
            "--body",
            KS,
            "2/26",
            "Ola Berg",
            "inhabil",
            "--basis",
            "fvl. § 6 første ledd bokstav e",
            "--for",
            "3",
            "--against",
            "0",
        ],
    );
    assert_eq!(
        (d["outcome"].clone(), d["votes_for"].clone()),
        ("disqualified".into(), 3.into())
    );
    ok(
        db,
        &[
            "record",
            "substitute",
            "add",
            "--body",
            KS,
            "2/26",
            "Vara Vik",
            "--for",
            "Ola Berg",
        ],
    );
    let q = json(db, &["quorum", "--body", KS, "--meeting", "1/2026"]);
    let present: Vec<i64> = q
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["present"].as_i64().unwrap())
        .collect();
    assert_eq!(present, [4, 3, 4], "{q}");
    assert_eq!(q[0]["needed"], 3);

    // 1/26 unanimous; 2/26 by name; 3/26: H's proposal falls by group, the innstilling by count.
    let v = json(db, &["vote", "--body", KS, "1/26", "unanimous"]);
    assert_eq!(
        (v["votes_for"].clone(), v["result"].clone()),
        (4.into(), "adopted".into())
    );
    let v = json(
        db,
        &[
            "vote",
            "--body",
            KS,
            "2/26",
            "named",
            "--yes",
            "Kari Nordmann,Vara Vik",
            "--no",
            "Liv Dahl",
            "--blank",
            "",
        ],
    );
    assert_eq!(v["ballots"].as_array().unwrap().len(), 3);
    assert_eq!(v["result"], "adopted");
    ok(
        db,
        &[
            "record",
            "proposal",
            "add",
            "--body",
            KS,
            "3/26",
            "Bygges på Solbakken.",
            "--party",
            "H",
            "--by",
            "Liv Dahl",
        ],
    );
    let listed = ok(db, &["record", "proposal", "list", "--body", KS, "3/26"]);
    assert!(
        listed.contains("Forslag fra H v/ Liv Dahl: Bygges på Solbakken."),
        "{listed}"
    );
    let v = json(
        db,
        &[
            "vote",
            "--body",
            KS,
            "3/26",
            "groups",
            "--proposal",
            "1",
            "--for",
            "H",
            "--against",
            "Ap,Sp",
            // Two against two; the chair (Ap) voted against, but the record decides a tie by
            // the chair's vote only in a roll call, so the result is given.
            "--result",
            "falt",
        ],
    );
    assert_eq!(v["result"], "rejected");
    let v = json(
        db,
        &[
            "vote",
            "--body",
            KS,
            "3/26",
            "counts",
            "--for",
            "3",
            "--against",
            "1",
            "--groups-for",
            "Ap,Sp",
            "--groups-against",
            "H",
        ],
    );
    assert_eq!(v["result"], "adopted");
    let c3 = json(db, &["case", "show", "--body", KS, "3/26"]);
    assert_eq!(c3["decision"], "Bygges ved skolen.");
    let votes = ok(db, &["vote", "--body", KS, "3/26", "list"]);
    assert!(
        flat(&votes).contains("2. Innstillingen: vedtatt (opptelling), 3 for, 1 mot, 0 blanke"),
        "{votes}"
    );

    // Signing: a refusal returns the minutes to draft; the second copy is signed by both.
    ok(
        db,
        &[
            "signing",
            "signers",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "Kari Nordmann",
            "Liv Dahl",
        ],
    );
    ok(
        db,
        &["signing", "send", "--body", KS, "--meeting", "1/2026"],
    );
    let e = refused(db, &["record", "decision", "--body", KS, "1/26", "Endret."]);
    assert!(e.contains("sendt til signering"), "{e}");
    ok(
        db,
        &[
            "signing",
            "refuse",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "--by",
            "Liv Dahl",
            "--comment",
            "Sak 3/26 mangler Hs forslag.",
        ],
    );
    // The secretariat corrects the draft before sending it again.
    ok(
        db,
        &[
            "record",
            "narrative",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "--item",
            "3/26",
            "Liv Dahl la fram Hs forslag.",
        ],
    );
    ok(
        db,
        &["signing", "send", "--body", KS, "--meeting", "1/2026"],
    );
    let copy = db.with_file_name("kopi.pdf");
    let wrote = json(
        db,
        &[
            "signing",
            "copy",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "-o",
            copy.to_str().unwrap(),
        ],
    );
    let bytes = std::fs::read(&copy).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let sha = quorum_record::signing::sha256_hex(&bytes);
    assert_eq!(wrote["sha256"], sha.as_str());
    let e = refused(
        db,
        &[
            "signing",
            "sign",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "--by",
            "Kari Nordmann",
            "--sha256",
            &"0".repeat(64),
        ],
    );
    assert!(e.contains("Sjekksummen stemmer ikke"), "{e}");
    ok(
        db,
        &[
            "signing",
            "sign",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "--by",
            "Kari Nordmann",
            "--sha256",
            &sha.to_uppercase(),
        ],
    );
    let st = json(
        db,
        &[
            "signing",
            "sign",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "--by",
            "Liv Dahl",
            "--sha256",
            &sha,
        ],
    );
    let rounds = st["rounds"].as_array().unwrap();
    assert_eq!(rounds.len(), 2);
    assert_eq!(
        (rounds[0]["outcome"].clone(), rounds[1]["outcome"].clone()),
        ("refused".into(), "signed".into())
    );
    assert!(rounds[1]["signatures"]
        .as_array()
        .unwrap()
        .iter()
        .all(|g| g["sha256"] == sha.as_str()));
    let m = json(db, &["meeting", "show", "--body", KS, "1/2026"]);
    assert_eq!(m["meeting"]["status"], "approved", "{m}");
    // Signed minutes are locked like approved ones, and the first copy is still the first.
    let e = refused(db, &["vote", "--body", KS, "1/26", "unanimous"]);
    assert!(e.contains("godkjent og låst"), "{e}");
    let first = db.with_file_name("første.pdf");
    ok(
        db,
        &[
            "signing",
            "copy",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "--round",
            "1",
            "-o",
            first.to_str().unwrap(),
        ],
    );
    assert!(
        std::fs::read(&first).unwrap() != bytes,
        "the first copy was replaced"
    );
    // The minutes say it.
    let minutes = db.with_file_name("referat.pdf");
    ok(
        db,
        &[
            "pdf",
            "minutes",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "-o",
            minutes.to_str().unwrap(),
        ],
    );
    assert!(std::fs::read(&minutes).unwrap().starts_with(b"%PDF"));
}

#[test]
fn a_decision_where_the_body_is_not_quorate_needs_confirming() {
    let (_dir, db) = council();
    let db = db.as_path();
    // Three of five leave after 1/26: 2/26 has two taking part, 60 % needs three.
    for name in ["Per Hansen", "Ola Berg", "Liv Dahl"] {
        ok(
            db,
            &[
                "record",
                "presence",
                "left",
                "--body",
                KS,
                "--meeting",
                "1/2026",
                name,
                "--item",
                "1",
            ],
        );
    }
    let q = ok(db, &["quorum", "--body", KS, "--meeting", "1/2026"]);
    assert!(
        flat(&q).contains("2/26 2 av 5 deltar, 3 trengs – IKKE vedtaksført"),
        "{q}"
    );
    let e = refused(db, &["vote", "--body", KS, "2/26", "unanimous"]);
    assert!(e.contains("ikke vedtaksført i sak 2/26: 2 av 5"), "{e}");
    let e = refused(
        db,
        &["--lang", "en", "record", "accept", "--body", KS, "2/26"],
    );
    assert!(e.contains("not quorate in case 2/26"), "{e}");
    ok(db, &["record", "without-quorum", "--body", KS, "2/26"]);
    let v = json(db, &["vote", "--body", KS, "2/26", "unanimous"]);
    assert_eq!(v["votes_for"], 2);
    ok(
        db,
        &["record", "without-quorum", "--body", KS, "3/26", "--revoke"],
    );
    assert!(refused(db, &["vote", "--body", KS, "3/26", "unanimous"]).contains("ikke vedtaksført"));
    // A tie by group with the chair's group not known by name needs the result.
    ok(
        db,
        &[
            "record",
            "presence",
            "undo",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "Ola Berg",
            "left",
        ],
    );
    ok(
        db,
        &[
            "record",
            "presence",
            "undo",
            "--body",
            KS,
            "--meeting",
            "1/2026",
            "Liv Dahl",
            "forlot møtet",
        ],
    );
    let e = refused(
        db,
        &[
            "vote",
            "--body",
            KS,
            "3/26",
            "counts",
            "--for",
            "2",
            "--against",
            "2",
        ],
    );
    assert!(e.contains("Stemmelikhet"), "{e}");
    let v = json(
        db,
        &[
            "vote",
            "--body",
            KS,
            "3/26",
            "counts",
            "--for",
            "2",
            "--against",
            "2",
            "--result",
            "falt",
        ],
    );
    assert_eq!(v["result"], "rejected");
    let removed = ok(db, &["vote", "--body", KS, "3/26", "remove", "1"]);
    assert!(
        removed.contains("Voteringer i sak 3/26: ingen"),
        "{removed}"
    );
}

#[test]
fn meeting_and_case_show_what_the_law_asks_of_the_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("quorum.db");
    ok(&db, &["demo"]);
    let m = flat(&ok(
        &db,
        &["meeting", "show", "--body", "Kommunestyret", "1/2026"],
    ));
    for said in [
        "Kristin Berge til stede (H)",
        "Lise Moen stedfortreder for Bjørn Aasen (Ap)",
        "Per Arne Strømsvik forlot møtet etter sak 2/26",
        "Siri Vangen tiltrådte i sak 2/26",
        "Møtet var vedtaksført.",
    ] {
        assert!(m.contains(said), "{said:?} not in {m}");
    }
    let c = flat(&ok(
        &db,
        &["case", "show", "--body", "Kommunestyret", "2/26"],
    ));
    for said in [
        "Habilitet: Marit Løvland – inhabil (fvl. § 6 første ledd bokstav a)",
        "Vara i saken: Nils Kleven for Marit Løvland",
        "Votering: 1. Innstillingen: vedtatt (enstemmig)",
    ] {
        assert!(c.contains(said), "{said:?} not in {c}");
    }
    let c = flat(&ok(
        &db,
        &[
            "--lang",
            "en",
            "case",
            "show",
            "--body",
            "Kommunestyret",
            "3/26",
        ],
    ));
    assert!(
        c.contains("Proposals put in the meeting: 1. Proposal from H by Kristin Berge"),
        "{c}"
    );
    assert!(c.contains("1. Proposal 1: rejected (by group)"), "{c}");
}
