//! The child: plays live recording and editing on the record through the same `Store` methods
//! the window and the CLI call, until the parent kills it. Every write is announced (`intent`)
//! before the call and acknowledged (`ack`) only after the call returned, so after a kill the
//! record must hold every acknowledged value (or the one write in flight, committed or not).

use crate::ack::AckLog;
use crate::rng::Rng;
use quorum_record::agenda::ItemInput;
use quorum_record::cases::CaseInput;
use quorum_record::model::Due;
use quorum_record::record::{ActionInput, AttendanceInput};
use quorum_record::vocab::{AttendanceStatus, ItemKind};
use quorum_record::Store;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;

/// Items the harness adds to one meeting at most, so renumbering stays cheap over 1000 runs.
const MAX_ITEMS: usize = 40;

struct Item {
    id: String,
    meeting_id: String,
    case_id: Option<String>,
}

/// What the child may write to: the meetings whose minutes are not approved.
struct Targets {
    meetings: Vec<(String, usize)>, // id, number of items
    people: Vec<(String, String)>,  // meeting id, person id
    items: Vec<Item>,
    innspill: Vec<String>,
    actions: Vec<String>,
}

fn targets(store: &Store) -> quorum_record::Result<Targets> {
    let mut t = Targets {
        meetings: Vec::new(),
        people: Vec::new(),
        items: Vec::new(),
        innspill: Vec::new(),
        actions: Vec::new(),
    };
    for body in store.bodies()? {
        let members = store.memberships(&body.id, None)?;
        for m in store.meetings(&body.id, None)? {
            if m.status.locked() {
                continue;
            }
            let agenda = store.agenda(&m.id)?;
            t.meetings.push((m.id.clone(), agenda.len()));
            for ms in &members {
                t.people.push((m.id.clone(), ms.person.id.clone()));
            }
            for it in agenda {
                t.innspill
                    .extend(store.innspill(&it.id)?.into_iter().map(|i| i.id));
                t.actions
                    .extend(store.actions(&it.id)?.into_iter().map(|a| a.id));
                t.items.push(Item {
                    id: it.id,
                    meeting_id: it.meeting_id,
                    case_id: it.case_id,
                });
            }
        }
    }
    Ok(t)
}

const WORDS: &[&str] = &[
    "kjernejournal",
    "pasientens legemiddelliste",
    "e-resept",
    "helsenorge.no",
    "samhandling",
    "økonomi",
    "personvern",
    "informasjonssikkerhet",
    "fastlege",
    "kommunehelsetjenesten",
];

fn text(rng: &mut Rng, tag: &str, seed: u64, n: u64) -> String {
    let w = WORDS[rng.below(WORDS.len())];
    let w2 = WORDS[rng.below(WORDS.len())];
    match rng.below(3) {
        0 => format!("{tag} {seed}.{n}: Spørsmål om «{w}» – svar gitt."),
        1 => format!("{tag} {seed}.{n}: Rådet drøftet {w} og {w2}.\nFlere ønsket å følge opp."),
        _ => format!("{tag} {seed}.{n}: {w}; {w2}; æøå ÆØÅ é ü — “sitat” ✓"),
    }
}

fn value(v: &str) -> Option<&str> {
    Some(v)
}

/// Runs until killed. Exit code 3: the record could not be opened or read.
pub fn run(db: &Path, ack_path: &Path, seed: u64) -> i32 {
    let file = match OpenOptions::new().create(true).append(true).open(ack_path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("crashtest child: ack log {}: {e}", ack_path.display());
            return 3;
        }
    };
    let mut log = AckLog::new(file);
    let store = match Store::open(db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("crashtest child: open {}: {e}", db.display());
            return 3;
        }
    };
    let mut t = match targets(&store) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("crashtest child: read {}: {e}", db.display());
            return 3;
        }
    };
    if t.items.is_empty() {
        eprintln!("crashtest child: no item of an open meeting to write to");
        return 3;
    }
    // Tell the parent the writes begin now (it starts its kill delay from here).
    let mut out = std::io::stdout();
    let _ = out.write_all(b"ready\n");
    let _ = out.flush();

    // The harness's own check: with this set, some edits are acknowledged without being made,
    // and the parent must report them lost.
    let lie = std::env::var_os("QUORUM_CRASHTEST_LIE").is_some();
    let mut rng = Rng::new(seed);
    let mut n: u64 = 0;
    loop {
        n += 1;
        let roll = rng.below(100);
        let item_ix = rng.below(t.items.len());
        let item = &t.items[item_ix];
        macro_rules! attempt {
            ($op:expr, $key:expr, $val:expr, $call:expr) => {{
                let key: String = $key;
                let val: Option<String> = $val;
                log.intent(&key, val.as_deref());
                match $call {
                    Ok(r) => {
                        log.ack(&key, val.as_deref());
                        Some(r)
                    }
                    Err(e) => {
                        log.error($op, &e.to_string());
                        None
                    }
                }
            }};
        }
        match roll {
            0..=24 => {
                let v = text(&mut rng, "Innspill", seed, n);
                let pos = if rng.below(4) == 0 {
                    Some(rng.below(3) as i64)
                } else {
                    None
                };
                log.intent("innspill:?", value(&v));
                match store.add_innspill(&item.id, &v, pos) {
                    Ok(i) => {
                        log.ack(&format!("innspill:{}", i.id), value(&v));
                        t.innspill.push(i.id);
                    }
                    Err(e) => log.error("add_innspill", &e.to_string()),
                }
            }
            25..=39 => {
                let Some(id) = rng.pick(&t.innspill).cloned() else {
                    continue;
                };
                let v = text(&mut rng, "Endret innspill", seed, n);
                if lie && n.is_multiple_of(5) {
                    log.ack(&format!("innspill:{id}"), Some(&v));
                    continue;
                }
                attempt!(
                    "update_innspill",
                    format!("innspill:{id}"),
                    Some(v.clone()),
                    store.update_innspill(&id, &v)
                );
            }
            40..=43 => {
                if t.innspill.is_empty() {
                    continue;
                }
                let ix = rng.below(t.innspill.len());
                let id = t.innspill[ix].clone();
                if attempt!(
                    "remove_innspill",
                    format!("innspill:{id}"),
                    None,
                    store.remove_innspill(&id)
                )
                .is_some()
                {
                    t.innspill.swap_remove(ix);
                }
            }
            44..=58 => {
                let v = text(&mut rng, "Referat", seed, n);
                let id = item.id.clone();
                attempt!(
                    "set_narrative",
                    format!("narrative:{id}"),
                    Some(v.clone()),
                    store.set_narrative(&id, &v)
                );
            }
            59..=68 => {
                let Some(case_id) = item.case_id.clone() else {
                    continue;
                };
                if rng.below(8) == 0 {
                    attempt!(
                        "clear_decision",
                        format!("decision:{case_id}"),
                        None,
                        store.clear_decision(&case_id)
                    );
                } else {
                    let v = text(&mut rng, "Vedtak", seed, n);
                    attempt!(
                        "record_decision",
                        format!("decision:{case_id}"),
                        Some(v.clone()),
                        store.record_decision(&case_id, &v)
                    );
                }
            }
            69..=76 => {
                let input = ActionInput {
                    text: text(&mut rng, "Oppfølging", seed, n),
                    responsible: format!("Sekretariatet {}", rng.below(10)),
                    due: if rng.below(2) == 0 {
                        Due::NextMeeting
                    } else {
                        Due::None
                    },
                };
                let v = format!("{} | {}", input.text, input.responsible);
                log.intent("action:?", value(&v));
                match store.add_action(&item.id, &input) {
                    Ok(a) => {
                        log.ack(&format!("action:{}", a.id), value(&v));
                        t.actions.push(a.id);
                    }
                    Err(e) => log.error("add_action", &e.to_string()),
                }
            }
            77..=83 => {
                let Some(id) = rng.pick(&t.actions).cloned() else {
                    continue;
                };
                let input = ActionInput {
                    text: text(&mut rng, "Endret oppfølging", seed, n),
                    responsible: format!("Leder {}", rng.below(10)),
                    due: Due::Date("2026-03-01".into()),
                };
                let v = format!("{} | {}", input.text, input.responsible);
                attempt!(
                    "update_action",
                    format!("action:{id}"),
                    Some(v),
                    store.update_action(&id, &input)
                );
            }
            84..=91 => {
                let Some((meeting_id, person_id)) = rng.pick(&t.people).cloned() else {
                    continue;
                };
                let status = [
                    AttendanceStatus::Present,
                    AttendanceStatus::Absent,
                    AttendanceStatus::Observer,
                    AttendanceStatus::Guest,
                ][rng.below(4)];
                let remote = rng.below(3) == 0;
                let input = AttendanceInput {
                    person_id: person_id.clone(),
                    status,
                    substitute_for: None,
                    remote,
                };
                let v = format!("{}/{}", status.as_str(), remote as u8);
                attempt!(
                    "set_attendance",
                    format!("attendance:{meeting_id}:{person_id}"),
                    Some(v),
                    store.set_attendance(&meeting_id, &input)
                );
            }
            92..=94 => {
                let meeting_id = item.meeting_id.clone();
                let Some(m) = t.meetings.iter_mut().find(|m| m.0 == meeting_id) else {
                    continue;
                };
                if m.1 >= MAX_ITEMS {
                    continue;
                }
                let title = format!("Eventuelt {seed}.{n}: {}", WORDS[rng.below(WORDS.len())]);
                let input = ItemInput {
                    kind: ItemKind::Open,
                    title: title.clone(),
                    duration_min: 5 + rng.below(20) as i64,
                    ..ItemInput::default()
                };
                log.intent("item:?", value(&title));
                match store.add_item(&meeting_id, &input, None) {
                    Ok(it) => {
                        log.ack(&format!("item:{}", it.id), value(&title));
                        m.1 += 1;
                        t.items.push(Item {
                            id: it.id,
                            meeting_id,
                            case_id: None,
                        });
                    }
                    Err(e) => log.error("add_item", &e.to_string()),
                }
            }
            _ => {
                let Some(case_id) = item.case_id.clone() else {
                    continue;
                };
                let old = match store.case(&case_id) {
                    Ok(c) => c,
                    Err(e) => {
                        log.error("case", &e.to_string());
                        continue;
                    }
                };
                let title = format!("Sak {seed}.{n}: {}", WORDS[rng.below(WORDS.len())]);
                let summary = text(&mut rng, "Sammendrag", seed, n);
                let input = CaseInput {
                    title: title.clone(),
                    case_type: old.case_type.clone(),
                    summary: summary.clone(),
                    proposal: Some(old.proposal.clone()),
                    no_memo: old.no_memo,
                    memo: old.memo.clone(),
                    owner: old.owner.clone(),
                    officer: old.officer.clone(),
                };
                attempt!(
                    "update_case",
                    format!("case:{case_id}"),
                    Some(format!("{title}\n{summary}")),
                    store.update_case(&case_id, &input)
                );
            }
        }
    }
}
