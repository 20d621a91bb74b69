//! A deterministic council record of many years, built through the public `Store` API (so every
//! council rule holds by construction) and written as the record's JSON export, which is what
//! the benchmark imports.
//!
//! Shape per body and year: 8 meetings of 12 numbered cases each (the first approves the
//! previous meeting's minutes), a break, sometimes a guest orientation and a continuation;
//! attendance of the members on the date (two overlapping 8-year cohorts of 7), narratives,
//! innspill (3–8 per case), action points (0–3, followed up at the next meetings), decisions.
//! Every meeting's minutes are approved by the next meeting; each body's last meeting is held
//! and not approved. Rare made-up names (`RARE_WORDS`) are planted in a known handful of cases
//! (`planted`) so that rare-word queries exist.
//!
//! Content is a function of (body, year, meeting, seed) only, never of what was generated
//! before: the 1-year record's 2025 meetings are the 20-year record's 2025 meetings, so
//! documents of the same meeting can be compared on both. Row ids and the seal's time stamps
//! are the store's own (random UUIDs, the clock), so two exports differ in those only.

use crate::text::{Rng, Sentences};
use chrono::NaiveDate;
use quorum_record::agenda::ItemInput;
use quorum_record::backup::BackupPolicy;
use quorum_record::bodies::BodyInput;
use quorum_record::cases::CaseInput;
use quorum_record::meetings::MeetingInput;
use quorum_record::model::{Due, MemoSections};
use quorum_record::people::{MembershipInput, PersonInput};
use quorum_record::record::{ActionInput, AttendanceInput};
use quorum_record::vocab::{ActionStatus, AttendanceStatus, ItemKind, Role};
use quorum_record::{Lang, Store};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The last year of every generated record; a record of N years covers the N years up to it.
pub const LAST_YEAR: i32 = 2025;
pub const MEETINGS_PER_YEAR: usize = 8;
pub const CASES_PER_MEETING: usize = 12;
/// Bumped whenever the generated content changes, so cached exports are not reused.
pub const GENERATOR_VERSION: u32 = 1;

/// Made-up names that occur nowhere in the seed documents.
pub const RARE_WORDS: &[&str] = &[
    "Quorvik",
    "Tindrefjell",
    "Brattvikøy",
    "Mjølkedalen",
    "Ravnsetra",
    "Fjordlyngen",
];

/// The benchmark's record: 4 bodies × 20 years.
pub const TWENTY_YEARS: Params = Params {
    bodies: 4,
    years: 20,
    seed: 20_25,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Params {
    pub bodies: usize,
    pub years: usize,
    pub seed: u64,
}

impl Params {
    pub fn first_year(&self) -> i32 {
        LAST_YEAR - self.years as i32 + 1
    }

    /// The cache file name: everything the content depends on.
    pub fn file_name(&self) -> String {
        format!(
            "record-{}b-{}y-seed{}-gen{}-schema{}.json",
            self.bodies,
            self.years,
            self.seed,
            GENERATOR_VERSION,
            quorum_record::store::SCHEMA_VERSION
        )
    }
}

/// A body's short and full name.
pub fn body_names(b: usize) -> (String, String) {
    const NAMES: &[(&str, &str)] = &[
        ("Helserådet", "Nasjonalt helseråd for digitalisering"),
        (
            "Prioriteringsutvalget",
            "Nasjonalt prioriteringsutvalg for e-helse",
        ),
        ("Fagutvalget", "Nasjonalt fagutvalg for e-helse"),
        ("Tjenesteutvalget", "Utvalg for digitale helsetjenester"),
    ];
    match NAMES.get(b) {
        Some((s, n)) => (s.to_string(), n.to_string()),
        None => (
            format!("Utvalg{}", b + 1),
            format!("Regionalt utvalg {}", b + 1),
        ),
    }
}

/// Where a rare word is: which case, and in which of its texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planted {
    pub word: &'static str,
    pub body: String,
    pub year: i32,
    /// 0-based meeting of the year.
    pub meeting: usize,
    /// 0-based case of the meeting (never the approval case 0).
    pub case: usize,
    /// "32/25", as the record numbers it.
    pub case_number: String,
    pub field: PlantField,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlantField {
    Title,
    Innspill,
    Decision,
    Narrative,
}

/// Where the rare words go: 2–4 cases each, none in the first body's last year (the meetings
/// whose documents are compared with the 1-year record's).
pub fn planted(p: &Params) -> Vec<Planted> {
    let mut out: Vec<Planted> = Vec::new();
    let spots = p.bodies * p.years;
    if spots <= 1 {
        return out;
    }
    for (wi, word) in RARE_WORDS.iter().enumerate() {
        let mut rng = Rng::derive(p.seed, &[0x504c_414e, wi as u64]);
        let want = 2 + wi % 3;
        let mut placed = 0;
        while placed < want {
            let body = rng.below(p.bodies);
            let year = p.first_year() + rng.below(p.years) as i32;
            if body == 0 && year == LAST_YEAR {
                continue;
            }
            let meeting = rng.below(MEETINGS_PER_YEAR);
            let case = 1 + rng.below(CASES_PER_MEETING - 1);
            let (short, _) = body_names(body);
            let taken = out
                .iter()
                .any(|x| (&x.body, x.year, x.meeting, x.case) == (&short, year, meeting, case));
            if taken {
                continue;
            }
            let field = [
                PlantField::Title,
                PlantField::Innspill,
                PlantField::Decision,
                PlantField::Narrative,
            ][placed % 4];
            out.push(Planted {
                word,
                body: short,
                year,
                meeting,
                case,
                case_number: format!(
                    "{}/{:02}",
                    meeting * CASES_PER_MEETING + case + 1,
                    year % 100
                ),
                field,
            });
            placed += 1;
        }
    }
    out
}

/// What was built.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub bodies: usize,
    pub people: usize,
    pub meetings: usize,
    pub approved: usize,
    pub cases: usize,
    pub items: usize,
    pub innspill: usize,
    pub actions: usize,
    pub attendance: usize,
}

const ORGS: &[&str] = &[
    "Helse Vest RHF",
    "Helse Nord RHF",
    "Helse Midt-Norge RHF",
    "Helse Sør-Øst RHF",
    "KS",
    "Oslo kommune",
    "Bergen kommune",
    "Trondheim kommune",
    "Folkehelseinstituttet",
    "Legeforeningen",
    "Norsk Sykepleierforbund",
    "Helsedirektoratet",
];
const FIRST: &[&str] = &[
    "Anne",
    "Bjørn",
    "Camilla",
    "Dag",
    "Eli",
    "Finn",
    "Gro",
    "Hans",
    "Ingrid",
    "Jon",
    "Kari",
    "Lars",
    "Marit",
    "Nils",
    "Oda",
    "Per",
    "Ragnhild",
    "Sindre",
    "Tone",
    "Ulf",
    "Vigdis",
    "Øystein",
    "Åse",
    "Erlend",
    "Hilde",
    "Knut",
    "Liv",
    "Magnus",
    "Siri",
    "Torbjørn",
];
const LAST: &[&str] = &[
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Johnsen",
    "Pettersen",
    "Eriksen",
    "Berg",
    "Haugen",
    "Hagen",
    "Johannessen",
    "Andreassen",
    "Jacobsen",
    "Dahl",
    "Jørgensen",
    "Halvorsen",
    "Henriksen",
    "Lund",
    "Sørensen",
    "Strand",
    "Ødegård",
    "Åsheim",
    "Bakken",
    "Moe",
    "Solberg",
];

/// Members serve in cohorts of 7 for 8 years, a new cohort every 4 years from this year.
const COHORT_START: i32 = 1998;
const COHORT: usize = 7;

fn person_name(b: usize, key: usize) -> String {
    let i = b * 97 + key;
    format!(
        "{} {}",
        FIRST[(i * 7) % FIRST.len()],
        LAST[(i * 11 + i / FIRST.len()) % LAST.len()]
    )
}

type Res<T> = std::result::Result<T, String>;

fn ctx(what: impl Fn() -> String) -> impl FnOnce(quorum_record::Error) -> String {
    move |e| format!("{}: {}", what(), e.message(Lang::En))
}

struct BodyPeople {
    /// (cohort, slot) → person id, with the years served.
    members: Vec<(String, i32, i32)>,
    observers: Vec<String>,
    secretariat: Vec<(String, String)>,
}

/// Builds the record of `p` into `store` (which should be empty).
pub fn build(store: &Store, p: &Params, text: &Sentences) -> Res<Counts> {
    let plants = planted(p);
    let mut n = Counts::default();
    for b in 0..p.bodies {
        build_body(store, p, text, b, &plants, &mut n)?;
    }
    Ok(n)
}

fn build_body(
    s: &Store,
    p: &Params,
    text: &Sentences,
    b: usize,
    plants: &[Planted],
    n: &mut Counts,
) -> Res<()> {
    let (short, name) = body_names(b);
    let place = "Helsedirektoratet, Vitaminveien 4, Storo Oslo";
    let body = s
        .create_body(&BodyInput {
            short_name: short.clone(),
            name,
            secretariat: "Helsedirektoratet".into(),
            default_place: place.into(),
            language: Lang::Nb,
        })
        .map_err(ctx(|| format!("body {short}")))?;
    n.bodies += 1;
    let people = people(s, p, b, &body.id, n)?;
    // Action points of each earlier meeting of the body, for the follow-up at later meetings.
    let mut raised: Vec<Vec<(String, bool)>> = Vec::new();
    let mut previous: Option<quorum_record::model::Meeting> = None;
    for y in p.first_year()..=LAST_YEAR {
        let mut year_cases: Vec<String> = Vec::new();
        for m in 0..MEETINGS_PER_YEAR {
            let label = || format!("{short} {}/{y}", m + 1);
            let mut rng = Rng::derive(p.seed, &[b as u64, y as u64, m as u64]);
            let date = NaiveDate::from_ymd_opt(
                y,
                [2, 3, 4, 6, 8, 9, 10, 12][m],
                3 + ((b * 3 + m * 5) % 24) as u32,
            )
            .ok_or_else(|| format!("{}: no such date", label()))?;
            let meeting = s
                .create_meeting(
                    &body.id,
                    &MeetingInput {
                        number: format!("{}/{y}", m + 1),
                        date: date.to_string(),
                        start: "09:00".into(),
                        end: "15:30".into(),
                        place: place.into(),
                        ..Default::default()
                    },
                )
                .map_err(ctx(label))?;
            n.meetings += 1;
            attendance(s, &mut rng, &people, &meeting.id, y, n).map_err(ctx(label))?;
            let here: Vec<&Planted> = plants
                .iter()
                .filter(|x| x.body == short && x.year == y && x.meeting == m)
                .collect();
            let plant = |case: usize, field: PlantField| {
                here.iter()
                    .find(|x| x.case == case && x.field == field)
                    .map(|x| x.word)
            };

            // The agenda, while it is a draft.
            let mut items = Vec::new();
            let prev_label = previous.as_ref().map(|m| m.number.clone());
            for c in 0..CASES_PER_MEETING {
                let input = if c == 0 {
                    CaseInput {
                        title: "Godkjenning av innkalling og referat fra forrige møte".into(),
                        case_type: "Godkjenning".into(),
                        summary: "Innkalling og dagsorden, og referatet fra forrige møte.".into(),
                        proposal: Some(match &prev_label {
                            Some(l) => format!("Innkalling og referat fra møte {l} godkjennes."),
                            None => "Innkallingen godkjennes.".into(),
                        }),
                        no_memo: true,
                        ..Default::default()
                    }
                } else {
                    let mut title = text.title(&mut rng);
                    if let Some(w) = plant(c, PlantField::Title) {
                        title = format!("{title} – erfaringer fra {w}");
                    }
                    let with_memo = rng.chance(35);
                    CaseInput {
                        title,
                        case_type: rng
                            .pick(&["Drøfting", "Orientering", "Anbefaling", "Beslutning"])
                            .to_string(),
                        summary: {
                            let k = rng.between(1, 3);
                            text.para(&mut rng, k)
                        },
                        proposal: Some(text.para(&mut rng, 1 + c % 2)),
                        no_memo: !with_memo,
                        memo: if with_memo {
                            MemoSections {
                                purpose: text.para(&mut rng, 2),
                                background: format!(
                                    "{}\n\n{}",
                                    text.para(&mut rng, 3),
                                    text.para(&mut rng, 2)
                                ),
                                questions: text.para(&mut rng, 1),
                                process: text.para(&mut rng, 1),
                            }
                        } else {
                            MemoSections::default()
                        },
                        owner: rng.pick(ORGS).to_string(),
                        officer: people.secretariat[c % 2].1.clone(),
                    }
                };
                let item = s
                    .add_item(
                        &meeting.id,
                        &ItemInput {
                            kind: ItemKind::Case,
                            duration_min: 5 * rng.between(2, 6) as i64,
                            new_case: Some(input),
                            ..Default::default()
                        },
                        None,
                    )
                    .map_err(ctx(label))?;
                let case_id = item.case_id.clone().ok_or_else(label)?;
                n.cases += 1;
                if c > 0 && rng.chance(3) {
                    s.set_exempt(&case_id, true, "offl. § 14")
                        .map_err(ctx(label))?;
                }
                // Earlier treatments: a case of an earlier meeting of the same year.
                if c > 0 && m > 0 && rng.chance(6) {
                    let target = &year_cases[rng.below(year_cases.len())];
                    s.link_case(&case_id, target).map_err(ctx(label))?;
                }
                if c == 6 {
                    items.push(item);
                    let pause = ItemInput {
                        kind: ItemKind::Break,
                        title: "Pause".into(),
                        duration_min: 15,
                        ..Default::default()
                    };
                    s.add_item(&meeting.id, &pause, None).map_err(ctx(label))?;
                    if rng.chance(35) {
                        let guest = ItemInput {
                            kind: ItemKind::Orientation,
                            title: text.title(&mut rng),
                            guest: format!("{} ({})", person_name(b, 500 + m), rng.pick(ORGS)),
                            summary: text.para(&mut rng, 2),
                            duration_min: 20,
                            ..Default::default()
                        };
                        items.push(s.add_item(&meeting.id, &guest, None).map_err(ctx(label))?);
                    }
                } else {
                    items.push(item);
                }
                year_cases.push(case_id);
            }
            if rng.chance(25) {
                let continued = items
                    .iter()
                    .find(|i| i.kind == ItemKind::Case && i.position >= 3)
                    .and_then(|i| i.case_id.clone());
                let cont = ItemInput {
                    kind: ItemKind::Continuation,
                    duration_min: 10,
                    continues_case_id: continued,
                    ..Default::default()
                };
                items.push(s.add_item(&meeting.id, &cont, None).map_err(ctx(label))?);
            }
            n.items += items.len() + 1;
            s.send_agenda(&meeting.id).map_err(ctx(label))?;
            s.mark_held(&meeting.id).map_err(ctx(label))?;

            // The meeting's record, in agenda order.
            let mut actions_here = Vec::new();
            let mut case_no = 0;
            let mut approval_case = None;
            for item in &items {
                let c = if item.kind == ItemKind::Case {
                    case_no += 1;
                    case_no - 1
                } else {
                    usize::MAX
                };
                let paragraphs = rng.between(2, 3);
                let mut narrative = (0..paragraphs)
                    .map(|_| {
                        let k = rng.between(2, 3);
                        text.para(&mut rng, k)
                    })
                    .collect::<Vec<_>>()
                    .join("\n\n");
                if let Some(w) = plant(c, PlantField::Narrative) {
                    narrative.push_str(&format!("\n\nFra {w} ble det vist til egne erfaringer."));
                }
                if c == 0 {
                    narrative = "Innkalling og referat ble gjennomgått uten merknader.".into();
                }
                s.set_narrative(&item.id, &narrative).map_err(ctx(label))?;
                let innspill = match c {
                    0 => 0,
                    usize::MAX => rng.between(0, 2),
                    _ => rng.between(3, 8),
                };
                for k in 0..innspill {
                    let sentences = rng.between(1, 2);
                    let mut t = text.para(&mut rng, sentences);
                    if k == 0 {
                        if let Some(w) = plant(c, PlantField::Innspill) {
                            t = format!("Representanten fra {w} viste til erfaringene derfra. {t}");
                        }
                    }
                    s.add_innspill(&item.id, &t, None).map_err(ctx(label))?;
                    n.innspill += 1;
                }
                if c != 0 && c != usize::MAX {
                    for _ in 0..rng.between(0, 3) {
                        let due = if rng.chance(50) {
                            Due::NextMeeting
                        } else {
                            Due::Date((date + chrono::Days::new(60)).to_string())
                        };
                        let responsible = if rng.chance(50) {
                            rng.pick(ORGS).to_string()
                        } else {
                            "Sekretariatet".to_string()
                        };
                        let a = s
                            .add_action(
                                &item.id,
                                &ActionInput {
                                    text: text.one(&mut rng).to_string(),
                                    responsible,
                                    due,
                                },
                            )
                            .map_err(ctx(label))?;
                        actions_here.push((a.id, true));
                        n.actions += 1;
                    }
                }
                if let Some(case_id) = &item.case_id {
                    let decision = match (c, &prev_label) {
                        (0, Some(l)) => format!("Innkalling og referat fra møte {l} godkjennes."),
                        (0, None) => "Innkallingen godkjennes.".into(),
                        _ => {
                            let k = rng.between(1, 2);
                            let mut d = text.para(&mut rng, k);
                            if let Some(w) = plant(c, PlantField::Decision) {
                                d.push_str(&format!(" Erfaringene fra {w} skal følges opp."));
                            }
                            d
                        }
                    };
                    s.record_decision(case_id, &decision).map_err(ctx(label))?;
                    if c == 0 {
                        approval_case = Some(case_id.clone());
                    }
                }
            }

            // Follow-up of earlier action points, then the previous minutes are approved. A
            // stream of its own: whether there is an earlier meeting must not change this
            // meeting's content.
            let mut follow = Rng::derive(p.seed, &[0x464f_4c4c, b as u64, y as u64, m as u64]);
            if let Some(last) = raised.last_mut() {
                for (a, open) in last.iter_mut() {
                    match follow.below(100) {
                        0..=69 => s.set_action_status(a, ActionStatus::Done, ""),
                        70..=74 => s.set_action_status(a, ActionStatus::Cancelled, "Utgår"),
                        _ => continue,
                    }
                    .map_err(ctx(label))?;
                    *open = false;
                }
            }
            // What is still open half a year on is closed at a review.
            if raised.len() >= 4 {
                let at = raised.len() - 4;
                for (a, open) in raised[at].iter_mut().filter(|(_, open)| *open) {
                    s.set_action_status(a, ActionStatus::Done, "Lukket ved gjennomgang")
                        .map_err(ctx(label))?;
                    *open = false;
                }
            }
            if let (Some(prev), Some(case_id)) = (&previous, &approval_case) {
                s.approve_minutes(&prev.id, case_id).map_err(ctx(label))?;
                n.approved += 1;
            }
            raised.push(actions_here);
            previous = Some(meeting);
        }
    }
    Ok(())
}

fn people(s: &Store, p: &Params, b: usize, body_id: &str, n: &mut Counts) -> Res<BodyPeople> {
    let mut out = BodyPeople {
        members: Vec::new(),
        observers: Vec::new(),
        secretariat: Vec::new(),
    };
    let person = |key: usize, org: &str| {
        s.create_person(&PersonInput {
            name: person_name(b, key),
            organisation: org.to_string(),
            email: String::new(),
        })
        .map_err(ctx(|| format!("person {}", person_name(b, key))))
    };
    let first_cohort = (p.first_year() - COHORT_START).div_euclid(4) - 1;
    let last_cohort = (LAST_YEAR - COHORT_START).div_euclid(4);
    for g in first_cohort..=last_cohort {
        let from = COHORT_START + 4 * g;
        let to = from + 7;
        for slot in 0..COHORT {
            let key = (g.max(0) as usize) * COHORT + slot;
            let who = person(key, ORGS[(key + b) % ORGS.len()])?;
            n.people += 1;
            let role = match (slot, g % 2 == 0) {
                (0, true) => Role::Chair,
                (0, false) => Role::DeputyChair,
                _ => Role::Member,
            };
            s.add_membership(
                body_id,
                &MembershipInput {
                    person_id: who.id.clone(),
                    role,
                    term_from: Some(format!("{from}-01-01")),
                    term_to: Some(format!("{to}-12-31")),
                    substitute_id: None,
                },
            )
            .map_err(ctx(|| format!("membership {key}")))?;
            out.members.push((who.id, from, to));
        }
    }
    for k in 0..2 {
        let who = person(400 + k, ORGS[(b + k) % 4])?;
        s.add_membership(
            body_id,
            &MembershipInput {
                person_id: who.id.clone(),
                role: Role::Observer,
                ..Default::default()
            },
        )
        .map_err(ctx(|| "observer".into()))?;
        out.observers.push(who.id);
        let sec = person(450 + k, "Helsedirektoratet")?;
        out.secretariat.push((sec.id, sec.name));
        n.people += 2;
    }
    Ok(out)
}

fn attendance(
    s: &Store,
    rng: &mut Rng,
    people: &BodyPeople,
    meeting_id: &str,
    year: i32,
    n: &mut Counts,
) -> quorum_record::Result<()> {
    let mut set = |person_id: &str, status: AttendanceStatus, remote: bool| {
        n.attendance += 1;
        s.set_attendance(
            meeting_id,
            &AttendanceInput {
                person_id: person_id.to_string(),
                status,
                substitute_for: None,
                remote,
            },
        )
        .map(|_| ())
    };
    for (id, from, to) in &people.members {
        if (*from..=*to).contains(&year) {
            let status = if rng.chance(12) {
                AttendanceStatus::Absent
            } else {
                AttendanceStatus::Present
            };
            let remote = status == AttendanceStatus::Present && rng.chance(20);
            set(id, status, remote)?;
        }
    }
    for id in &people.observers {
        if rng.chance(60) {
            set(id, AttendanceStatus::Observer, rng.chance(50))?;
        }
    }
    for (id, _) in &people.secretariat {
        set(id, AttendanceStatus::Secretariat, false)?;
    }
    Ok(())
}

/// The record of `p` as the JSON export, built in a scratch file (see `scratch_store`).
pub fn export_json(p: &Params, text: &Sentences) -> Res<(String, Counts)> {
    let dir = scratch_dir();
    let tmp = tempfile::tempdir_in(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let store = scratch_store(&tmp.path().join("generate.quorum"))?;
    let counts = build(&store, p, text)?;
    let json = store.export_json().map_err(ctx(|| "export".into()))?;
    Ok((json, counts))
}

/// tmpfs where there is one: the scratch record's commits are synced (synchronous=FULL), and the
/// disk's sync cost is not what generation is about.
fn scratch_dir() -> PathBuf {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() && tempfile::tempdir_in(shm).is_ok() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    }
}

/// A new record at `path` for generation only, without automatic backups.
pub fn scratch_store(path: &Path) -> Res<Store> {
    let policy = BackupPolicy {
        automatic: false,
        ..Default::default()
    };
    Store::open_with(path, &policy, chrono::Local::now().naive_local())
        .map_err(ctx(|| path.display().to_string()))
}

/// The export of `p` under `dir`, generated unless a file for the same parameters, seed,
/// generator version and schema is there already. Returns the path and, when it was generated
/// now, the seconds it took and what was built.
pub fn cached_export(
    dir: &Path,
    p: &Params,
    text: &Sentences,
) -> Res<(PathBuf, Option<(f64, Counts)>)> {
    let path = dir.join(p.file_name());
    if path.is_file() {
        return Ok((path, None));
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let t = Instant::now();
    let (json, counts) = export_json(p, text)?;
    let secs = t.elapsed().as_secs_f64();
    // Written aside and renamed: an interrupted run never leaves a half file to be reused.
    let part = path.with_extension("json.part");
    std::fs::write(&part, json).map_err(|e| format!("{}: {e}", part.display()))?;
    std::fs::rename(&part, &path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((path, Some((secs, counts))))
}
