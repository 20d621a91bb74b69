//! Every action of the window through the `quorum` binary: each test runs the real binary on a
//! record file in a temporary directory and checks the effect by reading the record back (the
//! `--json` output, or `quorum_record::Store` on the file), plus refusals and usage errors with
//! their messages and exit codes.

use crate::support::*;
use quorum_record::vocab::{ActionStatus, AttendanceStatus, MeetingStatus, Role};
use quorum_record::Store;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs with `--json` and parses what it prints.
fn json(db: &Path, args: &[&str]) -> Value {
    let mut with = vec!["--json"];
    with.extend_from_slice(args);
    let out = ok(db, &with);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}\n{out}"))
}

/// A refused action: exit 1, nothing on stdout, the message on stderr.
fn refused(db: &Path, args: &[&str]) -> String {
    let o = run(db, args);
    assert_eq!(o.code, 1, "{args:?}: {} {}", o.stdout, o.stderr);
    assert_eq!(o.stdout, "", "{args:?}");
    assert!(o.stderr.starts_with("quorum: "), "{}", o.stderr);
    o.stderr.trim_end().to_string()
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}"))
}

struct Db {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

impl Db {
    fn store(&self) -> Store {
        Store::open(&self.db).unwrap()
    }
}

fn empty() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("quorum.db");
    Db { _dir: dir, db }
}

fn demo() -> Db {
    let d = empty();
    ok(&d.db, &["demo"]);
    d
}

const EHR: &str = "E-helserådet";

/// A draft meeting 5/2025 of E-helserådet after the demo's 4/2025: its cases number from 40/25.
fn draft_meeting(d: &Db) -> Value {
    json(
        &d.db,
        &[
            "meeting",
            "add",
            "--body",
            EHR,
            "--date",
            "2025-12-18",
            "--start",
            "09:00",
            "--end",
            "12:00",
        ],
    )
}

// ---------------------------------------------------------------------------------------------
// Bodies and case types

#[test]
fn body_add_edit_rename_show() {
    let d = empty();
    let b = json(
        &d.db,
        &[
            "body",
            "add",
            "--short",
            "NUFA",
            "--name",
            "Nasjonalt utvalg for fagarkitektur",
            "--secretariat",
            "Helsedirektoratet",
            "--language",
            "en",
        ],
    );
    assert_eq!(s(&b["short_name"]), "NUFA");
    assert_eq!(s(&b["language"]), "en");
    let out = ok(
        &d.db,
        &[
            "body",
            "edit",
            "NUFA",
            "--place",
            "Oslo",
            "--language",
            "nb",
        ],
    );
    assert!(out.starts_with("Endret organet NUFA"), "{out}");
    let b = json(
        &d.db,
        &[
            "body",
            "rename",
            "NUFA",
            "--name",
            "Nasjonalt fagarkitekturutvalg",
            "--from",
            "2026-01-01",
        ],
    );
    assert_eq!(b["names"].as_array().unwrap().len(), 2);
    // Read back from the file.
    let st = d.store();
    let body = st.body_by_short("NUFA").unwrap();
    assert_eq!(body.default_place, "Oslo");
    assert_eq!(body.language, quorum_record::Lang::Nb);
    assert_eq!(body.name, "Nasjonalt fagarkitekturutvalg");
    assert_eq!(
        st.body_name_on(&body.id, "2025-06-01").unwrap(),
        "Nasjonalt utvalg for fagarkitektur"
    );
    // By id too.
    let out = ok(&d.db, &["body", "show", &body.id]);
    assert!(out.contains("Drøfting"), "{out}");
    // A second body with the same short name is refused, in Norwegian.
    assert_eq!(
        refused(
            &d.db,
            &["body", "add", "--short", "NUFA", "--name", "Noe annet"]
        ),
        "quorum: Organet «NUFA» finnes allerede. Velg et annet."
    );
    // A language that is neither nb nor en.
    let e = refused(
        &d.db,
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
    );
    assert!(e.contains("«de»") && e.contains("nb, en"), "{e}");
    assert_eq!(st.bodies().unwrap().len(), 1);
}

#[test]
fn body_first_number_sets_where_numbering_starts() {
    let d = empty();
    ok(
        &d.db,
        &["body", "add", "--short", "U", "--name", "Utvalget"],
    );
    ok(
        &d.db,
        &[
            "body",
            "first-number",
            "U",
            "--year",
            "2026",
            "--number",
            "7",
        ],
    );
    ok(
        &d.db,
        &[
            "meeting",
            "add",
            "--body",
            "U",
            "--date",
            "2026-02-01",
            "--start",
            "10:00",
            "--end",
            "11:00",
            "--place",
            "Oslo",
        ],
    );
    let item = json(
        &d.db,
        &[
            "agenda",
            "add",
            "case",
            "--meeting",
            "1/2026",
            "--title",
            "Første sak",
        ],
    );
    assert_eq!(s(&item["case_number"]), "7/26");
}

#[test]
fn case_type_set_list_remove() {
    let d = demo();
    let t = json(
        &d.db,
        &[
            "case-type",
            "set",
            "--body",
            "NUIT",
            "Høring",
            "--template",
            "{organ} avga høringssvar.",
        ],
    );
    assert_eq!(s(&t["name"]), "Høring");
    let list = json(&d.db, &["case-type", "list", "--body", "NUIT"]);
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["name"] == "Høring"));
    ok(&d.db, &["case-type", "remove", "--body", "NUIT", "Høring"]);
    let st = d.store();
    let nuit = st.body_by_short("NUIT").unwrap();
    assert!(!st
        .case_types(&nuit.id)
        .unwrap()
        .iter()
        .any(|t| t.name == "Høring"));
    // A type in use is refused with the record's reason.
    let e = refused(
        &d.db,
        &["case-type", "remove", "--body", "NUIT", "Drøfting"],
    );
    assert!(e.contains("Sakstypen brukes av 1 saker"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// People and members

#[test]
fn person_add_edit_list() {
    let d = empty();
    let p = json(
        &d.db,
        &[
            "person",
            "add",
            "--name",
            "Kari Nordmann",
            "--org",
            "Helse Vest RHF",
        ],
    );
    assert_eq!(s(&p["organisation"]), "Helse Vest RHF");
    ok(
        &d.db,
        &[
            "person",
            "edit",
            "Kari Nordmann",
            "--email",
            "kari@example.no",
        ],
    );
    let st = d.store();
    let kari = st.person_by_name("Kari Nordmann").unwrap();
    assert_eq!(kari.email, "kari@example.no");
    assert_eq!(kari.organisation, "Helse Vest RHF");
    // Two people of the same name: the name alone is not enough.
    ok(
        &d.db,
        &["person", "add", "--name", "Kari Nordmann", "--org", "NHN"],
    );
    let e = refused(&d.db, &["person", "edit", "Kari Nordmann", "--org", "X"]);
    assert!(e.contains("Flere personer heter «Kari Nordmann»"), "{e}");
    // The id is.
    ok(
        &d.db,
        &["person", "edit", &kari.id, "--org", "Helse Nord RHF"],
    );
    assert_eq!(st.person(&kari.id).unwrap().organisation, "Helse Nord RHF");
    let list = json(&d.db, &["person", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    // A bad e-mail address is refused by the record.
    let o = run(
        &d.db,
        &[
            "person",
            "add",
            "--name",
            "Ola",
            "--email",
            "ikke-en-adresse",
        ],
    );
    assert_eq!(o.code, 1, "{}", o.stderr);
}

#[test]
fn member_add_edit_remove() {
    let d = demo();
    ok(
        &d.db,
        &["person", "add", "--name", "Kari Nordmann", "--org", "KS"],
    );
    let m = json(
        &d.db,
        &[
            "member",
            "add",
            "--body",
            "NUIT",
            "Kari Nordmann",
            "--role",
            "Nestleder",
            "--from",
            "2026-01-01",
            "--to",
            "2027-12-31",
            "--substitute",
            "Lucie Aunan",
        ],
    );
    assert_eq!(s(&m["role"]), "nestleder");
    assert_eq!(s(&m["substitute"]["name"]), "Lucie Aunan");
    let m = json(
        &d.db,
        &[
            "member",
            "edit",
            "--body",
            "NUIT",
            "Kari Nordmann",
            "--role",
            "chair",
            "--to",
            "",
            "--no-substitute",
        ],
    );
    assert_eq!(s(&m["role"]), "leder");
    let st = d.store();
    let nuit = st.body_by_short("NUIT").unwrap();
    let kari = st
        .memberships(&nuit.id, Some("2026-06-01"))
        .unwrap()
        .into_iter()
        .find(|m| m.person.name == "Kari Nordmann")
        .expect("member in 2026");
    assert_eq!(kari.role, Role::Chair);
    assert_eq!(kari.term_to, None);
    assert_eq!(kari.substitute, None);
    let out = ok(&d.db, &["member", "list", "--body", "NUIT"]);
    assert!(
        out.contains("Leder") && out.contains("Kari Nordmann"),
        "{out}"
    );
    // A role that does not exist: the record lists the choices, in Norwegian.
    assert_eq!(
        refused(
            &d.db,
            &["member", "edit", "--body", "NUIT", "Kari Nordmann", "--role", "sjef"]
        ),
        "quorum: «sjef» er ikke gyldig for Rollen. Velg en av: leder, nestleder, medlem, observator, sekretar."
    );
    ok(
        &d.db,
        &["member", "remove", "--body", "NUIT", "Kari Nordmann"],
    );
    assert!(!st
        .memberships(&nuit.id, None)
        .unwrap()
        .iter()
        .any(|m| m.person.name == "Kari Nordmann"));
    let e = refused(
        &d.db,
        &["member", "remove", "--body", "NUIT", "Kari Nordmann"],
    );
    assert!(e.contains("Fant ikke medlemskapet"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Meetings

#[test]
fn meeting_add_edit_send_held() {
    let d = demo();
    let m = draft_meeting(&d);
    assert_eq!(s(&m["number"]), "5/2025");
    assert_eq!(s(&m["status"]), "draft");
    // The body's place is the default.
    assert_eq!(
        s(&m["place"]),
        "Helsedirektoratet, Vitaminveien 4, Storo Oslo"
    );
    let m = json(
        &d.db,
        &[
            "meeting",
            "edit",
            "--body",
            EHR,
            "5/2025",
            "--end",
            "13:00",
            "--remote",
            "--link",
            "https://møte.example/5",
            "--extraordinary",
        ],
    );
    assert_eq!(s(&m["end"]), "13:00");
    assert_eq!(m["remote"], true);
    assert_eq!(m["extraordinary"], true);
    let out = ok(&d.db, &["meeting", "show", "--body", EHR, "5/2025"]);
    assert!(
        flat(&out).contains("Ekstra møte i Nasjonalt e-helseråd"),
        "{out}"
    );
    // 5/2025 is also a NUIT meeting: the number alone is ambiguous.
    let e = refused(&d.db, &["meeting", "send", "5/2025"]);
    assert!(
        e.contains("Møte 5/2025 finnes i flere organ (E-helserådet, NUIT)"),
        "{e}"
    );
    let m = json(&d.db, &["meeting", "send", "--body", EHR, "5/2025"]);
    assert_eq!(s(&m["status"]), "agenda_sent");
    // Sending twice is refused: the record's order of steps.
    let e = refused(&d.db, &["meeting", "send", "--body", EHR, "5/2025"]);
    assert!(
        e.contains("Møtestatus kan ikke gå fra «dagsorden sendt»"),
        "{e}"
    );
    let m = json(&d.db, &["meeting", "held", "--body", EHR, "5/2025"]);
    assert_eq!(s(&m["status"]), "held");
    let st = d.store();
    let m = st.meeting_by_number(EHR, "5/2025").unwrap();
    assert_eq!(m.status, MeetingStatus::Held);
    assert!(m.remote && m.extraordinary);
    // Listing, by year.
    let list = json(&d.db, &["meeting", "list", "--body", EHR, "--year", "2025"]);
    assert_eq!(list.as_array().unwrap().len(), 3);
}

#[test]
fn meeting_approve_locks_and_correct_changes_with_a_reason() {
    let d = demo();
    // Approving 3/2025 by 31/25 needs 31/25 decided first.
    let e = refused(
        &d.db,
        &["meeting", "approve", "3/2025", "--by-case", "31/25"],
    );
    assert!(e.starts_with("quorum: "), "{e}");
    ok(&d.db, &["meeting", "held", "4/2025"]);
    ok(&d.db, &["record", "accept", "31/25"]);
    let m = json(
        &d.db,
        &["meeting", "approve", "3/2025", "--by-case", "31/25"],
    );
    assert_eq!(s(&m["status"]), "approved");
    // The locked minutes refuse plain edits, with the record's Norwegian message.
    assert_eq!(
        refused(
            &d.db,
            &["record", "narrative", "--item", "26/25", "Ny tekst"]
        ),
        "quorum: Referatet fra møte 3/2025 er godkjent og låst. En endring må gjøres som en rettelse med begrunnelse."
    );
    let o = run(
        &d.db,
        &["--lang", "en", "record", "decision", "26/25", "Ny tekst"],
    );
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("are approved and locked"), "{}", o.stderr);
    // As a correction the change is made and logged with its reason.
    let made = json(
        &d.db,
        &[
            "correct",
            "--reason",
            "Skrivefeil i vedtaket",
            "decision",
            "26/25",
            "Nasjonalt e-helseråd drøftet saken (rettet).",
        ],
    );
    assert_eq!(made.as_array().unwrap().len(), 1);
    assert_eq!(s(&made[0]["reason"]), "Skrivefeil i vedtaket");
    assert_eq!(s(&made[0]["entity"]), "case");
    ok(
        &d.db,
        &[
            "correct",
            "--reason",
            "Manglet innspill",
            "innspill",
            "add",
            "--item",
            "26/25",
            "Et innspill som falt ut.",
        ],
    );
    ok(
        &d.db,
        &[
            "correct",
            "--reason",
            "Feil oppmøte",
            "attendance",
            "--meeting",
            "3/2025",
            "Ørjan Andersen",
            "--status",
            "forfall",
        ],
    );
    ok(
        &d.db,
        &[
            "correct",
            "--reason",
            "Frist avtalt",
            "action",
            "edit",
            "--item",
            "24/25",
            "1",
            "--due",
            "2026-02-01",
        ],
    );
    let st = d.store();
    let c = st.case_by_number(EHR, "26/25").unwrap();
    assert_eq!(
        c.decision.as_deref(),
        Some("Nasjonalt e-helseråd drøftet saken (rettet).")
    );
    let m = st.meeting_by_number(EHR, "3/2025").unwrap();
    assert_eq!(st.corrections(&m.id).unwrap().len(), 4);
    let a = st
        .attendance(&m.id)
        .unwrap()
        .into_iter()
        .find(|a| a.person.name == "Ørjan Andersen")
        .unwrap();
    assert_eq!(a.status, AttendanceStatus::Absent);
    let out = ok(&d.db, &["meeting", "corrections", "3/2025"]);
    assert!(
        out.contains("Skrivefeil i vedtaket") && out.contains("Frist avtalt"),
        "{out}"
    );
    // A correction needs a reason.
    let o = run(&d.db, &["correct", "decision", "26/25", "x"]);
    assert_eq!(o.code, 2);
    let e = refused(
        &d.db,
        &["correct", "--reason", " ", "decision", "26/25", "x"],
    );
    assert!(e.contains("Begrunnelsen kan ikke være tom"), "{e}");
}

#[test]
fn meeting_current_item_and_item_started() {
    let d = demo();
    let m = json(&d.db, &["meeting", "current-item", "4/2025", "--item", "5"]);
    let st = d.store();
    let item = st
        .item(&st.case_by_number(EHR, "32/25").unwrap().item_id.unwrap())
        .unwrap();
    assert_eq!(s(&m["current_item_id"]), item.id);
    let m = json(&d.db, &["meeting", "current-item", "4/2025"]);
    assert!(m["current_item_id"].is_null());
    let it = json(&d.db, &["agenda", "started", "32/25", "11:12"]);
    assert_eq!(s(&it["actual_start"]), "11:12");
    // An item number the agenda does not have.
    let e = refused(
        &d.db,
        &["meeting", "current-item", "4/2025", "--item", "99"],
    );
    assert_eq!(
        e,
        "quorum: Møte 4/2025 har ikke noe punkt 99 på dagsordenen."
    );
}

// ---------------------------------------------------------------------------------------------
// Agenda

#[test]
fn agenda_add_every_kind_edit_move_remove() {
    let d = demo();
    draft_meeting(&d);
    let at = ["--body", EHR, "--meeting", "5/2025"];
    let add = |kind: &str, more: &[&str]| {
        let mut args = vec!["agenda", "add", kind];
        args.extend_from_slice(&at);
        args.extend_from_slice(more);
        json(&d.db, &args)
    };
    let a = add(
        "case",
        &[
            "--title",
            "Budsjett 2026",
            "--type",
            "Drøfting",
            "--duration",
            "30",
        ],
    );
    assert_eq!(s(&a["case_number"]), "40/25");
    assert_eq!(s(&a["kind"]), "case");
    // The proposal comes from the case type's template.
    // NUIT has a 40/25 too: the body tells them apart.
    let e = refused(&d.db, &["case", "show", "40/25"]);
    assert!(
        e.contains("Sak 40/25 finnes i flere organ (E-helserådet, NUIT)"),
        "{e}"
    );
    let c = json(&d.db, &["case", "show", "--body", EHR, "40/25"]);
    assert_eq!(s(&c["proposal"]), "Nasjonalt e-helseråd drøftet saken.");
    let b = add("break", &["--title", "Pause", "--duration", "10"]);
    assert_eq!(s(&b["kind"]), "break");
    let o = add(
        "orientation",
        &["--title", "Orientering fra NHN", "--guest", "NHN"],
    );
    assert_eq!(s(&o["guest"]), "NHN");
    let k = add("continuation", &["--case", "40/25", "--duration", "15"]);
    assert_eq!(s(&k["kind"]), "continuation");
    assert_eq!(s(&k["case_number"]), "40/25");
    // An unplaced case, by its title, placed first.
    let unplaced = json(
        &d.db,
        &[
            "case",
            "add",
            "--body",
            EHR,
            "--year",
            "2025",
            "--title",
            "Årsrapport",
        ],
    );
    assert!(unplaced["number"].is_null());
    let u = add("case", &["--case", "Årsrapport", "--at", "1"]);
    assert_eq!(s(&u["case_number"]), "40/25");
    let open = add(
        "open",
        &["--title", "Dagsaktuelt", "--at", "2", "--type", "Åpen sak"],
    );
    assert_eq!(open["position"], 1);
    // Draft numbering follows the order: Budsjett is now 41/25.
    let st = d.store();
    assert_eq!(
        st.case_by_number(EHR, "41/25").unwrap().title,
        "Budsjett 2026"
    );
    let out = ok(&d.db, &["agenda", "list", "--body", EHR, "5/2025"]);
    let lines: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(lines.len(), 6, "{out}");
    assert!(lines[0].contains("1. 40/25 Årsrapport"), "{out}");
    assert!(lines[5].contains("41/25 forts."), "{out}");
    // Edit an item's own fields, by its number on the agenda.
    let e = json(
        &d.db,
        &[
            "agenda",
            "edit",
            "--body",
            EHR,
            "--meeting",
            "5/2025",
            "4",
            "--duration",
            "20",
            "--guest",
            "Norsk helsenett SF",
        ],
    );
    assert_eq!(e["duration_min"], 20);
    assert_eq!(s(&e["guest"]), "Norsk helsenett SF");
    // Move Budsjett before Årsrapport: the numbers follow.
    let items = json(
        &d.db,
        &[
            "agenda",
            "move",
            "--body",
            EHR,
            "--meeting",
            "5/2025",
            "41/25",
            "--to",
            "1",
        ],
    );
    assert_eq!(s(&items[0]["title"]), "Budsjett 2026");
    assert_eq!(s(&items[0]["case_number"]), "40/25");
    // The continuation cannot come before its case.
    let e = refused(
        &d.db,
        &[
            "agenda",
            "move",
            "--body",
            EHR,
            "--meeting",
            "5/2025",
            "6",
            "--to",
            "1",
        ],
    );
    assert!(e.starts_with("quorum: "), "{e}");
    // Remove the break; the case stays in the record when taken off a draft agenda.
    let items = json(
        &d.db,
        &[
            "agenda",
            "remove",
            "--body",
            EHR,
            "--meeting",
            "5/2025",
            "4",
        ],
    );
    assert_eq!(items.as_array().unwrap().len(), 5);
    let m = st.meeting_by_number(EHR, "5/2025").unwrap();
    assert!(!st.agenda(&m.id).unwrap().iter().any(|i| i.title == "Pause"));
    // A sent agenda takes no new cases: the record's message, in Norwegian.
    assert_eq!(
        refused(
            &d.db,
            &["agenda", "add", "case", "--meeting", "4/2025", "--title", "Sen sak"]
        ),
        "quorum: Dagsordenen for møte 4/2025 er sendt, og saksnumrene er frosset. Saker kan ikke legges til, flyttes eller fjernes."
    );
    // An item by number needs its meeting.
    let e = refused(&d.db, &["agenda", "remove", "3"]);
    assert!(e.contains("--meeting"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Cases

#[test]
fn case_add_set_exempt_and_unplaced() {
    let d = demo();
    let c = json(
        &d.db,
        &[
            "case",
            "add",
            "--body",
            "NUIT",
            "--year",
            "2026",
            "--title",
            "Porteføljestyring",
            "--type",
            "Anbefaling",
            "--owner",
            "Helsedirektoratet",
        ],
    );
    let id = s(&c["id"]).to_string();
    assert_eq!(
        s(&c["proposal"]),
        "Nasjonalt utvalg for IT-prioritering i helse- og omsorgssektoren gir sin anbefaling i saken."
    );
    let list = json(&d.db, &["case", "unplaced", "--body", "NUIT"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    let c = json(
        &d.db,
        &[
            "case",
            "set",
            &id,
            "--summary",
            "Kort om saken.",
            "--purpose",
            "Å få en anbefaling.",
            "--no-memo",
        ],
    );
    assert_eq!(s(&c["summary"]), "Kort om saken.");
    assert_eq!(c["no_memo"], true);
    // Fields not given are kept.
    assert_eq!(s(&c["owner"]), "Helsedirektoratet");
    assert_eq!(s(&c["case_type"]), "Anbefaling");
    // Exempt, then lifted.
    let c = json(&d.db, &["case", "exempt", "34/25", "--basis", "offl. § 15"]);
    assert_eq!(c["exempt"], true);
    let out = ok(&d.db, &["case", "exempt", "34/25", "--lift"]);
    assert!(out.contains("er ikke lenger unntatt offentlighet"), "{out}");
    let st = d.store();
    assert!(!st.case_by_number(EHR, "34/25").unwrap().exempt);
    let c = st.case(&id).unwrap();
    assert_eq!(c.memo.purpose, "Å få en anbefaling.");
    assert!(c.no_memo);
    // An unknown case type.
    let e = refused(&d.db, &["case", "set", &id, "--type", "Sludder"]);
    assert!(e.contains("Fant ikke sakstypen «Sludder»"), "{e}");
}

#[test]
fn case_attach_detach() {
    let d = demo();
    let file = d._dir.path().join("notat.pdf");
    std::fs::write(&file, b"%PDF-1.4 not really").unwrap();
    let c = json(
        &d.db,
        &[
            "case",
            "attach",
            "32/25",
            "--label",
            "3",
            "--title",
            "Notat",
            "--file",
            file.to_str().unwrap(),
        ],
    );
    let a = c["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["label"] == "3")
        .expect("attachment 3")
        .clone();
    assert_eq!(s(&a["file_name"]), "notat.pdf");
    assert_eq!(s(&a["media_type"]), "application/pdf");
    let st = d.store();
    let (_, _, bytes) = st.attachment_content(s(&a["id"])).unwrap();
    assert_eq!(bytes.as_deref(), Some(&b"%PDF-1.4 not really"[..]));
    // The same label twice is refused.
    let e = refused(
        &d.db,
        &[
            "case", "attach", "32/25", "--label", "3", "--title", "Igjen",
        ],
    );
    assert!(e.contains("Vedlegg 3"), "{e}");
    let c = json(&d.db, &["case", "detach", "32/25", "3"]);
    assert!(!c["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["label"] == "3"));
}

#[test]
fn case_link_reference_unlink_history() {
    let d = demo();
    let before = d.store().case_by_number(EHR, "35/25").unwrap().links.len();
    let c = json(
        &d.db,
        &[
            "case",
            "link",
            "35/25",
            "--to",
            "40/25",
            "--to-body",
            "NUIT",
        ],
    );
    assert_eq!(c["links"].as_array().unwrap().len(), before + 1);
    // Linking the same case twice is refused.
    let e = refused(&d.db, &["case", "link", "35/25", "--to", "40/25"]);
    assert!(e.contains("finnes allerede"), "{e}");
    let c = json(
        &d.db,
        &[
            "case",
            "reference",
            "35/25",
            "--ref-number",
            "12/24",
            "--ref-body",
            "NUFA",
            "--date",
            "2024-05-02",
            "--title",
            "Arkitekturprinsipper",
            "--decision",
            "NUFA sluttet seg til prinsippene.",
        ],
    );
    let links = c["links"].as_array().unwrap();
    assert_eq!(links.len(), before + 2);
    assert_eq!(s(&links[before + 1]["number"]), "12/24");
    // History of 40/25 shows the later case that links to it.
    let h = json(&d.db, &["case", "history", "--body", "NUIT", "40/25"]);
    assert!(h.as_array().unwrap().iter().any(|l| l["number"] == "35/25"));
    // Unlink by row number.
    let row = (before + 1).to_string();
    let c = json(&d.db, &["case", "unlink", "35/25", &row]);
    assert_eq!(c["links"].as_array().unwrap().len(), before + 1);
    let st = d.store();
    let links = st.case_by_number(EHR, "35/25").unwrap().links;
    assert!(!links.iter().any(|l| l.number == "40/25"));
    assert!(links.iter().any(|l| l.number == "12/24"));
}

// ---------------------------------------------------------------------------------------------
// The meeting record

#[test]
fn record_attendance_set_remove() {
    let d = demo();
    let list = json(
        &d.db,
        &[
            "record",
            "attendance",
            "set",
            "--meeting",
            "4/2025",
            "Lucie Aunan",
            "--status",
            "vara",
            "--for",
            "Mariann Hornnes",
            "--remote",
        ],
    );
    let lucie = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["person"]["name"] == "Lucie Aunan")
        .expect("Lucie registered")
        .clone();
    assert_eq!(s(&lucie["status"]), "substitute");
    assert_eq!(s(&lucie["substitute_for"]["name"]), "Mariann Hornnes");
    assert_eq!(lucie["remote"], true);
    // A substitute must stand in for someone: the record's message.
    let e = refused(
        &d.db,
        &[
            "record",
            "attendance",
            "set",
            "--meeting",
            "4/2025",
            "Karen Lima",
            "--status",
            "substitute",
        ],
    );
    assert_eq!(e, "quorum: Velg hvem stedfortrederen stiller for.");
    let e = refused(
        &d.db,
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
    );
    assert!(
        e.contains("«kanskje»") && e.contains("present, absent"),
        "{e}"
    );
    ok(
        &d.db,
        &[
            "record",
            "attendance",
            "remove",
            "--meeting",
            "4/2025",
            "Lucie Aunan",
        ],
    );
    let st = d.store();
    let m = st.meeting_by_number(EHR, "4/2025").unwrap();
    assert!(!st
        .attendance(&m.id)
        .unwrap()
        .iter()
        .any(|a| a.person.name == "Lucie Aunan"));
    let e = refused(
        &d.db,
        &[
            "record",
            "attendance",
            "set",
            "--meeting",
            "4/2025",
            "Ingen Slik",
        ],
    );
    assert!(e.contains("Fant ikke personen «Ingen Slik»"), "{e}");
}

#[test]
fn record_narrative_and_innspill() {
    let d = demo();
    let it = json(
        &d.db,
        &[
            "record",
            "narrative",
            "--item",
            "32/25",
            "Helsedirektoratet presenterte saken.",
        ],
    );
    assert_eq!(s(&it["narrative"]), "Helsedirektoratet presenterte saken.");
    // By number on the agenda: item 4 of 4/2025 is "Dagsaktuelt".
    let x = json(
        &d.db,
        &[
            "record",
            "innspill",
            "add",
            "--meeting",
            "4/2025",
            "--item",
            "4",
            "Første.",
        ],
    );
    assert_eq!(x["position"], 0);
    json(
        &d.db,
        &[
            "record",
            "innspill",
            "add",
            "--meeting",
            "4/2025",
            "--item",
            "4",
            "Andre.",
        ],
    );
    json(
        &d.db,
        &[
            "record",
            "innspill",
            "add",
            "--meeting",
            "4/2025",
            "--item",
            "4",
            "Null.",
            "--at",
            "1",
        ],
    );
    let x = json(
        &d.db,
        &[
            "record",
            "innspill",
            "edit",
            "--meeting",
            "4/2025",
            "--item",
            "4",
            "3",
            "Andre, rettet.",
        ],
    );
    assert_eq!(s(&x["text"]), "Andre, rettet.");
    let gone = json(
        &d.db,
        &[
            "record",
            "innspill",
            "remove",
            "--meeting",
            "4/2025",
            "--item",
            "4",
            "2",
        ],
    );
    assert_eq!(s(&gone["text"]), "Første.");
    let list = json(
        &d.db,
        &[
            "record",
            "innspill",
            "list",
            "--meeting",
            "4/2025",
            "--item",
            "4",
        ],
    );
    let texts: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|x| s(&x["text"]))
        .collect();
    assert_eq!(texts, ["Null.", "Andre, rettet."]);
    // Empty innspill are refused.
    let e = refused(
        &d.db,
        &[
            "record",
            "innspill",
            "add",
            "--meeting",
            "4/2025",
            "--item",
            "4",
            " ",
        ],
    );
    assert!(e.contains("Teksten"), "{e}");
    let st = d.store();
    let c = st.case_by_number(EHR, "32/25").unwrap();
    assert_eq!(
        st.item(c.item_id.as_deref().unwrap()).unwrap().narrative,
        "Helsedirektoratet presenterte saken."
    );
}

#[test]
fn record_decision_accept_clear() {
    let d = demo();
    let c = json(&d.db, &["record", "accept", "30/25"]);
    assert_eq!(
        s(&c["decision"]),
        "Nasjonalt e-helseråd godkjenner innkalling og dagsorden."
    );
    assert_eq!(c["amended"], false);
    let c = json(
        &d.db,
        &[
            "record",
            "decision",
            "32/25",
            "Nasjonalt e-helseråd drøftet saken og ga innspill.",
        ],
    );
    assert_eq!(c["amended"], true);
    let out = ok(
        &d.db,
        &["record", "decision", "33/25", "Tatt til orientering."],
    );
    assert!(
        out.contains("Vedtak oppdatert: Tatt til orientering."),
        "{out}"
    );
    let c = json(&d.db, &["record", "clear", "33/25"]);
    assert!(c["decision"].is_null());
    let st = d.store();
    assert_eq!(
        st.case_by_number(EHR, "32/25").unwrap().decision.as_deref(),
        Some("Nasjonalt e-helseråd drøftet saken og ga innspill.")
    );
    assert_eq!(st.case_by_number(EHR, "33/25").unwrap().decision, None);
    // A case with no proposal cannot be decided "as proposed".
    let e = refused(&d.db, &["record", "accept", "39/25"]);
    assert_eq!(
        e,
        "quorum: Saken har ikke noe forslag til vedtak. Skriv vedtaket."
    );
}

#[test]
fn record_action_add_edit_status_remove() {
    let d = demo();
    let a = json(
        &d.db,
        &[
            "record",
            "action",
            "add",
            "--item",
            "32/25",
            "Sekretariatet lager en oversikt.",
            "--responsible",
            "Helsedirektoratet",
            "--due",
            "next",
        ],
    );
    assert_eq!(a["due_next_meeting"], true);
    assert_eq!(s(&a["case_number"]), "32/25");
    let a = json(
        &d.db,
        &[
            "record",
            "action",
            "edit",
            "--item",
            "32/25",
            "1",
            "--due",
            "2026-03-01",
        ],
    );
    assert_eq!(s(&a["due_date"]), "2026-03-01");
    assert_eq!(s(&a["responsible"]), "Helsedirektoratet");
    // Cancelling needs a note.
    let e = refused(
        &d.db,
        &[
            "record", "action", "status", "--item", "32/25", "1", "avbrutt",
        ],
    );
    assert_eq!(e, "quorum: Skriv hvorfor aksjonspunktet utgår.");
    let a = json(
        &d.db,
        &[
            "record", "action", "status", "--item", "32/25", "1", "done", "--note", "Levert",
        ],
    );
    assert_eq!(s(&a["status"]), "done");
    let st = d.store();
    let c = st.case_by_number(EHR, "32/25").unwrap();
    let item_id = c.item_id.unwrap();
    let list = st.actions(&item_id).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].status, ActionStatus::Done);
    assert_eq!(list[0].status_note, "Levert");
    let list = json(&d.db, &["record", "action", "list", "--item", "32/25"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    ok(
        &d.db,
        &["record", "action", "remove", "--item", "32/25", "1"],
    );
    assert!(st.actions(&item_id).unwrap().is_empty());
    let e = refused(
        &d.db,
        &["record", "action", "remove", "--item", "32/25", "1"],
    );
    assert!(e.contains("Fant ikke aksjonspunktet «1»"), "{e}");
}

#[test]
fn actions_list_all_and_open() {
    let d = demo();
    let open = json(&d.db, &["actions", "list", "--body", EHR, "--open"]);
    let open = open.as_array().unwrap();
    assert_eq!(open.len(), 2);
    assert!(open.iter().all(|a| a["status"] == "open"));
    ok(
        &d.db,
        &["record", "action", "status", "--item", "24/25", "1", "done"],
    );
    let out = ok(&d.db, &["actions", "list", "--body", EHR, "--open"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("27/25"), "{out}");
    let all = json(&d.db, &["actions", "list", "--body", EHR, "--year", "2025"]);
    assert_eq!(all.as_array().unwrap().len(), 2);
    let none = json(
        &d.db,
        &[
            "actions",
            "list",
            "--body",
            EHR,
            "--open",
            "--before",
            "2025-01-01",
        ],
    );
    assert!(none.as_array().unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------------
// JSON for reads, and usage errors

#[test]
fn json_for_lists_and_shows() {
    let d = demo();
    let bodies = json(&d.db, &["body", "list"]);
    assert_eq!(s(&bodies[0]["short_name"]), EHR);
    let show = json(&d.db, &["meeting", "show", "4/2025"]);
    assert_eq!(s(&show["meeting"]["number"]), "4/2025");
    assert_eq!(show["timetable"]["rows"].as_array().unwrap().len(), 15);
    let agenda = json(&d.db, &["agenda", "list", "4/2025"]);
    assert_eq!(agenda.as_array().unwrap().len(), 15);
    let hits = json(&d.db, &["search", "Helsedataforordningen"]);
    assert!(hits
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["case_number"] == "26/25"));
    let members = json(
        &d.db,
        &["member", "list", "--body", EHR, "--on", "2025-10-16"],
    );
    assert!(!members.as_array().unwrap().is_empty());
}

#[test]
fn usage_errors_in_norwegian() {
    let d = empty();
    // Missing argument.
    let o = run(&d.db, &["body", "add", "--short", "X"]);
    assert_eq!((o.code, o.stdout.as_str()), (2, ""));
    assert!(
        o.stderr
            .starts_with("feil: disse påkrevde argumentene mangler:\n  --name <NAME>\n"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("Bruk: quorum body add --short <SHORT_NAME> --name <NAME>"),
        "{}",
        o.stderr
    );
    // Unknown argument.
    let o = run(&d.db, &["body", "list", "--bogus"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.starts_with("feil: ukjent argument «--bogus»"),
        "{}",
        o.stderr
    );
    // Unknown subcommand, with a suggestion.
    let o = run(&d.db, &["meeting", "sned", "4/2025"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr
            .starts_with("feil: ukjent underkommando «sned»\n  tips: mente du «send»?"),
        "{}",
        o.stderr
    );
    // Invalid value, with the usage line of the subcommand.
    let o = run(
        &d.db,
        &[
            "agenda",
            "add",
            "break",
            "--meeting",
            "1/2026",
            "--duration",
            "lenge",
        ],
    );
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.starts_with(
            "feil: ugyldig verdi «lenge» for «--duration <DURATION>»; skriv et heltall"
        ),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("Bruk: quorum agenda add break"),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("error:"), "{}", o.stderr);
    // LANG=C is not English: still Norwegian.
    let o = run_env(&d.db, &["body", "list", "--bogus"], &[("LANG", "C.UTF-8")]);
    assert!(o.stderr.starts_with("feil: "), "{}", o.stderr);
    // Nothing was written.
    assert!(Store::open(&d.db).unwrap().is_empty().unwrap());
}

#[test]
fn usage_errors_in_english() {
    let d = empty();
    for (args, env) in [
        (vec!["--lang", "en", "body", "list", "--bogus"], vec![]),
        (
            vec!["body", "list", "--bogus"],
            vec![("LANG", "en_US.UTF-8")],
        ),
        (vec!["body", "list", "--lang=en", "--bogus"], vec![]),
    ] {
        let o = run_env(&d.db, &args, &env);
        assert_eq!(o.code, 2, "{args:?}");
        assert!(
            o.stderr
                .starts_with("error: unexpected argument '--bogus' found"),
            "{args:?}: {}",
            o.stderr
        );
        assert!(o.stderr.contains("Usage: quorum body list"), "{}", o.stderr);
    }
    let o = run_env(
        &d.db,
        &["body", "add", "--short", "X"],
        &[("LC_ALL", "en_GB.UTF-8")],
    );
    assert_eq!(o.code, 2);
    assert!(
        o.stderr
            .starts_with("error: the following required arguments were not provided:"),
        "{}",
        o.stderr
    );
    // Help is not an error.
    let o = run(&d.db, &["record", "--help"]);
    assert_eq!(o.code, 0);
    assert!(o.stdout.contains("attendance"), "{}", o.stdout);
}

#[test]
fn agenda_show_and_continuation_by_its_name() {
    let d = demo();
    ok(
        &d.db,
        &[
            "agenda",
            "add",
            "continuation",
            "--meeting",
            "4/2025",
            "--case",
            "32/25",
            "--title",
            "Videre drøfting",
        ],
    );
    let shown = json(
        &d.db,
        &["agenda", "show", "--meeting", "4/2025", "32/25 forts."],
    );
    assert_eq!(s(&shown["item"]["kind"]), "continuation");
    assert_eq!(s(&shown["item"]["title"]), "Videre drøfting");
    // The continuation's own record.
    ok(
        &d.db,
        &[
            "record",
            "innspill",
            "add",
            "--meeting",
            "4/2025",
            "--item",
            "32/25 forts.",
            "Etter lunsj.",
        ],
    );
    let out = ok(&d.db, &["agenda", "show", "--meeting", "4/2025", "16"]);
    assert!(
        out.contains("32/25 forts. Videre drøfting") && out.contains("1. Etter lunsj."),
        "{out}"
    );
    let shown = json(&d.db, &["agenda", "show", "24/25"]);
    assert_eq!(shown["innspill"].as_array().unwrap().len(), 10);
    assert_eq!(shown["actions"].as_array().unwrap().len(), 1);
}

#[test]
fn case_save_attachment_writes_the_stored_file() {
    let d = demo();
    let file = d._dir.path().join("vedlegg.txt");
    std::fs::write(&file, "innhold").unwrap();
    ok(
        &d.db,
        &[
            "case",
            "attach",
            "33/25",
            "--label",
            "5",
            "--title",
            "Tekst",
            "--file",
            file.to_str().unwrap(),
        ],
    );
    let out = d._dir.path().join("ut.txt");
    ok(
        &d.db,
        &[
            "case",
            "save-attachment",
            "33/25",
            "5",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "innhold");
    // The demo's attachment 1 of 31/25 has a title only.
    let e = refused(
        &d.db,
        &[
            "case",
            "save-attachment",
            "31/25",
            "1",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(e, "quorum: Vedlegg 1 har ingen lagret fil.");
}

#[test]
fn long_texts_from_stdin() {
    use std::io::Write;
    let d = demo();
    let mut child = Command::new(env!("CARGO_BIN_EXE_quorum"))
        .arg("--db")
        .arg(&d.db)
        .args(["record", "decision", "32/25", "-"])
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Første avsnitt.\n\nAndre avsnitt.\n".as_bytes())
        .unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
    assert_eq!(
        d.store()
            .case_by_number(EHR, "32/25")
            .unwrap()
            .decision
            .as_deref(),
        Some("Første avsnitt.\n\nAndre avsnitt.")
    );
}

#[test]
fn correct_narrative_innspill_and_actions_of_locked_minutes() {
    let d = demo();
    ok(&d.db, &["meeting", "held", "4/2025"]);
    ok(&d.db, &["record", "accept", "31/25"]);
    ok(
        &d.db,
        &["meeting", "approve", "3/2025", "--by-case", "31/25"],
    );
    let why = ["correct", "--reason", "Rettelse etter godkjenning"];
    let with = |more: &[&str]| {
        let mut args = why.to_vec();
        args.extend_from_slice(more);
        json(&d.db, &args)
    };
    with(&["narrative", "--item", "24/25", "Rettet referat."]);
    with(&[
        "innspill",
        "edit",
        "--item",
        "24/25",
        "1",
        "Rettet innspill.",
    ]);
    with(&["innspill", "remove", "--item", "24/25", "10"]);
    with(&[
        "action",
        "add",
        "--item",
        "24/25",
        "Nytt punkt.",
        "--due",
        "next",
    ]);
    // Plain edits stay refused.
    let e = refused(
        &d.db,
        &["record", "innspill", "remove", "--item", "24/25", "1"],
    );
    assert!(e.contains("er godkjent og låst"), "{e}");
    let st = d.store();
    let item_id = st.case_by_number(EHR, "24/25").unwrap().item_id.unwrap();
    assert_eq!(st.item(&item_id).unwrap().narrative, "Rettet referat.");
    let innspill = st.innspill(&item_id).unwrap();
    assert_eq!(innspill.len(), 9);
    assert_eq!(innspill[0].text, "Rettet innspill.");
    assert_eq!(st.actions(&item_id).unwrap().len(), 2);
    let m = st.meeting_by_number(EHR, "3/2025").unwrap();
    let log = st.corrections(&m.id).unwrap();
    assert_eq!(log.len(), 4);
    assert!(log.iter().all(|c| c.reason == "Rettelse etter godkjenning"));
}

#[test]
fn no_subcommand_is_a_usage_error() {
    let d = empty();
    let o = run(&d.db, &["record"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr
            .starts_with("feil: kommandoen trenger en underkommando"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("Bruk: quorum record"), "{}", o.stderr);
}

// ---------------------------------------------------------------------------------------------
// Documents, archive copies and the record file itself

#[test]
fn documents_into_a_folder_are_named_as_the_window_names_them_and_never_overwrite() {
    let d = demo();
    let dir = d._dir.path().join("eksport");
    std::fs::create_dir(&dir).unwrap();
    let out = dir.to_str().unwrap();
    let args = [
        "document",
        "agenda",
        "--body",
        EHR,
        "--meeting",
        "4/2025",
        "-o",
        out,
    ];
    let first = json(&d.db, &args);
    assert!(
        s(&first["file"]).ends_with("Innkalling E-helserådet 4-2025.pdf"),
        "{first}"
    );
    let second = json(&d.db, &args);
    assert!(
        s(&second["file"]).ends_with("Innkalling E-helserådet 4-2025 (2).pdf"),
        "{second}"
    );
    assert!(std::fs::read(s(&first["file"]))
        .unwrap()
        .starts_with(b"%PDF-"));
    // `pdf` stays the name scripts know.
    let public = json(
        &d.db,
        &[
            "pdf",
            "minutes",
            "--body",
            EHR,
            "--meeting",
            "3/2025",
            "--public",
            "-o",
            out,
        ],
    );
    assert!(s(&public["file"]).ends_with("Referat E-helserådet 3-2025 (offentlig).pdf"));
    let ics = json(
        &d.db,
        &[
            "document",
            "invitation",
            "--body",
            EHR,
            "--meeting",
            "4/2025",
            "-o",
            out,
        ],
    );
    assert!(
        s(&ics["file"]).ends_with("Invitasjon E-helserådet 4-2025.ics"),
        "{ics}"
    );
    let text = std::fs::read_to_string(s(&ics["file"])).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR"), "{text}");
    assert!(
        text.contains("DTSTART;TZID=Europe/Oslo:20251211T100000"),
        "{text}"
    );
}

#[test]
fn a_typo_in_the_output_never_overwrites_the_record() {
    let d = demo();
    let before = std::fs::read(&d.db).unwrap();
    let db = d.db.to_str().unwrap();
    let wal = format!("{db}-wal");
    for args in [
        vec![
            "pdf",
            "agenda",
            "--body",
            EHR,
            "--meeting",
            "4/2025",
            "-o",
            db,
        ],
        vec![
            "document",
            "invitation",
            "--body",
            EHR,
            "--meeting",
            "4/2025",
            "-o",
            &wal,
        ],
        vec!["export", db],
        vec!["archive", db],
    ] {
        let e = refused(&d.db, &args);
        assert!(e.contains("er selve registerfilen"), "{args:?}: {e}");
    }
    assert_eq!(
        std::fs::read(&d.db).unwrap(),
        before,
        "the record file is unchanged"
    );
    assert_eq!(d.store().bodies().unwrap().len(), 3);
}

#[test]
fn an_archive_copy_opens_read_only_for_members() {
    let d = demo();
    let archive = d._dir.path().join("arkiv.quorum");
    let a = archive.to_str().unwrap();
    json(&d.db, &["archive", a]);
    let found = run(
        &archive,
        &["--read-only", "search", "helseteknologiordningen"],
    );
    assert_eq!(found.code, 0, "{}", found.stderr);
    assert!(found.stdout.contains("32/25"), "{}", found.stdout);
    let before = std::fs::read(&archive).unwrap();
    let e = refused(
        &archive,
        &["--read-only", "body", "add", "--short", "X", "--name", "X"],
    );
    assert_eq!(
        e,
        "quorum: Arkivet er åpnet skrivebeskyttet; ingenting kan endres."
    );
    assert_eq!(std::fs::read(&archive).unwrap(), before);
}

#[test]
fn a_mistyped_folder_in_db_creates_nothing() {
    let d = empty();
    let wrong = d._dir.path().join("moter").join("quorum.db");
    let e = refused(&wrong, &["body", "list"]);
    assert!(e.contains("Mappen «") && e.contains("finnes ikke"), "{e}");
    assert!(!d._dir.path().join("moter").exists(), "no folder was made");
}
