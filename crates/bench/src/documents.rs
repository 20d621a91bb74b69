//! The documents as a user gets them, and the same content printed by Chromium (moved here from
//! quorum-documents' example `bench_documents`, so that `make bench` reports them in its table):
//!
//! - the agenda of the demo meeting 4/2025 in process (`Store::agenda_pdf`: record reads,
//!   layout and PDF), median of many runs, and as a whole `quorum pdf agenda` process (start-up,
//!   opening the record, fonts, writing the file);
//! - a minutes volume of about 100 pages (`Store::minutes_pdf`) of a synthetic held meeting
//!   built through the core API in a temporary record;
//! - both documents written as HTML from the same record and printed with Chromium headless
//!   (`--print-to-pdf`, a fresh profile each run; process start to PDF written).
//!
//! Without Chromium (`/usr/bin/chromium`, or `CHROMIUM=path`) the comparison is skipped.
//! `QUORUM_BENCH_OUT=dir` keeps the HTML and all PDFs there.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use quorum_documents::{DocOptions, Documents};
use quorum_record::agenda::ItemInput;
use quorum_record::backup::BackupPolicy;
use quorum_record::bodies::BodyInput;
use quorum_record::cases::CaseInput;
use quorum_record::meetings::MeetingInput;
use quorum_record::model::Due;
use quorum_record::people::{MembershipInput, PersonInput};
use quorum_record::record::{ActionInput, AttendanceInput};
use quorum_record::vocab::*;
use quorum_record::{Lang, Store};

const AGENDA_RUNS: usize = 51;
const PROCESS_RUNS: usize = 21;
const MINUTES_RUNS: usize = 9;
const CHROMIUM_RUNS: usize = 3;

/// Cases and innspill of the synthetic meeting: about 100 pages of minutes.
const CASES: usize = 122;
const INNSPILL_PER_CASE: usize = 9;

/// What `run` measured, in milliseconds.
#[derive(Debug, Clone, Default)]
pub struct DocFigures {
    pub agenda_pages: usize,
    pub agenda_ms: f64,
    /// `quorum pdf agenda` as a process, start to exit.
    pub agenda_process_ms: Option<f64>,
    pub minutes_pages: usize,
    pub minutes_ms: f64,
    pub chromium_version: Option<String>,
    pub chromium_agenda_ms: Option<f64>,
    pub chromium_minutes_ms: Option<f64>,
    /// Why a figure is missing.
    pub notes: Vec<String>,
}

/// Measures in `dir` (a scratch folder); `quorum` is the release binary of quorum-cli.
pub fn run(dir: &Path, quorum: Option<&Path>) -> DocFigures {
    let mut f = DocFigures::default();

    // ------------------------------------------------------------- agenda 4/2025 (demo)
    let demo_path = dir.join("demo.quorum");
    let _ = std::fs::remove_file(&demo_path);
    let policy = BackupPolicy {
        automatic: false,
        ..Default::default()
    };
    let demo = Store::open_with(&demo_path, &policy, chrono::Local::now().naive_local())
        .expect("open demo record");
    demo.load_demo().expect("load demo");
    let m4 = demo
        .meeting_by_number("E-helserådet", "4/2025")
        .expect("meeting 4/2025");
    let agenda_pdf = demo
        .agenda_pdf(&m4.id, DocOptions::default())
        .expect("agenda");
    f.agenda_pages = pages_of(&agenda_pdf);
    f.agenda_ms = median_ms(AGENDA_RUNS, || {
        let bytes = demo.agenda_pdf(&m4.id, DocOptions::default()).unwrap();
        assert_eq!(bytes.len(), agenda_pdf.len());
    });
    match quorum {
        Some(bin) => match process_agenda(bin, &demo_path, dir) {
            Ok(ms) => f.agenda_process_ms = Some(ms),
            Err(e) => f.notes.push(format!("quorum pdf agenda failed: {e}")),
        },
        None => f
            .notes
            .push("no release `quorum` binary beside the benchmark; process time skipped".into()),
    }

    // ------------------------------------------------------------- ~100-page minutes
    let volume = Store::open_with(
        &dir.join("volume.quorum"),
        &policy,
        chrono::Local::now().naive_local(),
    )
    .expect("open record");
    let meeting_id = synthetic_meeting(&volume);
    let minutes_pdf = volume
        .minutes_pdf(&meeting_id, DocOptions::default())
        .expect("minutes");
    f.minutes_pages = pages_of(&minutes_pdf);
    f.minutes_ms = median_ms(MINUTES_RUNS, || {
        let bytes = volume
            .minutes_pdf(&meeting_id, DocOptions::default())
            .unwrap();
        assert_eq!(bytes.len(), minutes_pdf.len());
    });

    // ------------------------------------------------------------- Chromium
    let chromium = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if !chromium.exists() {
        f.notes.push(format!(
            "Chromium: {} not found; comparison skipped (`make bench` installs the Debian package chromium)",
            chromium.display()
        ));
        return f;
    }
    f.chromium_version = Command::new(&chromium)
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    let agenda_html = dir.join("agenda.html");
    std::fs::write(&agenda_html, agenda_as_html(&demo, &m4.id)).unwrap();
    let minutes_html = dir.join("minutes.html");
    std::fs::write(&minutes_html, minutes_as_html(&volume, &meeting_id)).unwrap();
    keep(
        &agenda_html,
        &agenda_html.with_extension("quorum.pdf"),
        &agenda_pdf,
    );
    keep(
        &minutes_html,
        &minutes_html.with_extension("quorum.pdf"),
        &minutes_pdf,
    );
    for (html, slot) in [
        (&agenda_html, &mut f.chromium_agenda_ms),
        (&minutes_html, &mut f.chromium_minutes_ms),
    ] {
        match chromium_print(&chromium, html, dir) {
            Ok((ms, _pages)) => *slot = Some(ms),
            Err(e) => f
                .notes
                .push(format!("Chromium failed on {}: {e}", html.display())),
        }
    }
    f
}

/// `quorum --db demo pdf agenda --body E-helserådet --meeting 4/2025 -o new-file` as a whole
/// process, median of `PROCESS_RUNS` after one warm-up run (which also takes the record's
/// daily backup, as the first open of a day does).
fn process_agenda(bin: &Path, db: &Path, dir: &Path) -> Result<f64, String> {
    let mut times = Vec::new();
    for run in 0..=PROCESS_RUNS {
        let out = dir.join(format!("agenda-process-{run}.pdf"));
        let _ = std::fs::remove_file(&out);
        let t = Instant::now();
        let o = Command::new(bin)
            .arg("--db")
            .arg(db)
            .args([
                "pdf",
                "agenda",
                "--body",
                "E-helserådet",
                "--meeting",
                "4/2025",
                "-o",
            ])
            .arg(&out)
            .output()
            .map_err(|e| e.to_string())?;
        let elapsed = t.elapsed();
        if !o.status.success() || !out.is_file() {
            return Err(format!(
                "{}: {}",
                o.status,
                String::from_utf8_lossy(&o.stderr).trim()
            ));
        }
        if run > 0 {
            times.push(elapsed);
        }
    }
    times.sort();
    Ok(times[times.len() / 2].as_secs_f64() * 1000.0)
}

/// With `QUORUM_BENCH_OUT=dir`, the HTML and the PDFs are kept there for a look.
fn keep(html: &Path, name: &Path, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("QUORUM_BENCH_OUT") {
        let dir = PathBuf::from(dir);
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::copy(html, dir.join(html.file_name().unwrap_or_default()));
        let _ = std::fs::write(dir.join(name.file_name().unwrap_or_default()), bytes);
    }
}

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    f(); // warm-up: fonts parsed, caches filled
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn pages_of(pdf: &[u8]) -> usize {
    lopdf::Document::load_mem(pdf)
        .map(|d| d.get_pages().len())
        .unwrap_or(0)
}

/// Prints `html` with Chromium `CHROMIUM_RUNS` times; median milliseconds and page count.
fn chromium_print(chromium: &Path, html: &Path, tmp: &Path) -> Result<(f64, usize), String> {
    let mut times = Vec::new();
    let mut pages = 0;
    for run in 0..CHROMIUM_RUNS {
        let profile = tempfile::tempdir_in(tmp).map_err(|e| e.to_string())?;
        let out = tmp.join(format!("chromium-{run}.pdf"));
        let _ = std::fs::remove_file(&out);
        let t = Instant::now();
        let status = Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!("--print-to-pdf={}", out.display()))
            .arg(html)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .map_err(|e| e.to_string())?;
        let elapsed = t.elapsed();
        let pdf = std::fs::read(&out).map_err(|e| format!("{status}: no PDF written ({e})"))?;
        pages = pages_of(&pdf);
        keep(html, &html.with_extension("chromium.pdf"), &pdf);
        times.push(elapsed);
    }
    times.sort();
    Ok((times[times.len() / 2].as_secs_f64() * 1000.0, pages))
}

// ----------------------------------------------------------------- the synthetic meeting

/// Deterministic text: sentences picked by a small linear congruential generator.
struct Words(u64);

const SENTENCES: &[&str] = &[
    "Rådet drøftet saken og la vekt på at kommunene må involveres tidlig i arbeidet.",
    "Gevinstene må dokumenteres underveis, slik at erfaringene kan deles på tvers av regionene.",
    "Flere medlemmer pekte på at risikoen ved felles løsninger må fordeles på en måte alle parter kan stå inne for.",
    "Helsedirektoratet orienterte om status i arbeidet med nasjonale samhandlingsløsninger.",
    "Det ble understreket at finansieringen må avklares før neste fase starter.",
    "KS viste til at små kommuner trenger støtte til anskaffelser og innføring.",
    "Spesialisthelsetjenesten og kommunene må ha felles forståelse av ansvar og roller.",
    "Erfaringene fra utprøvingen viser at opplæring av helsepersonell er avgjørende for å lykkes.",
    "Rådet ønsker en ny orientering når evalueringen foreligger.",
    "Det er behov for tydeligere krav til standarder og informasjonssikkerhet i løsningene.",
    "Pasientens behov må være utgangspunktet når tjenestene digitaliseres.",
    "Medlemmene var enige om at arbeidet bør prioriteres i handlingsplanen for neste år.",
];

impl Words {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn sentences(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| SENTENCES[self.next() % SENTENCES.len()])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A held meeting with `CASES` cases, each with a narrative, innspill, two action points and a
/// decision; 14 members present, 2 absent, 2 from the secretariat.
fn synthetic_meeting(s: &Store) -> String {
    let body = s
        .create_body(&BodyInput {
            short_name: "Ytelse".into(),
            name: "Nasjonalt råd for ytelsestest".into(),
            secretariat: "Helsedirektoratet".into(),
            default_place: "Helsedirektoratet, Vitaminveien 4, Storo Oslo".into(),
            language: Lang::Nb,
        })
        .expect("body");
    let meeting = s
        .create_meeting(
            &body.id,
            &MeetingInput {
                number: "1/2025".into(),
                date: "2025-03-12".into(),
                start: "09:00".into(),
                end: "16:00".into(),
                place: "Helsedirektoratet, Vitaminveien 4, Storo Oslo".into(),
                ..Default::default()
            },
        )
        .expect("meeting");
    let orgs = [
        "Helse Vest RHF",
        "Helse Nord RHF",
        "KS",
        "Oslo kommune",
        "Bergen kommune",
        "Folkehelseinstituttet",
        "Legeforeningen",
        "Norsk Sykepleierforbund",
    ];
    for i in 0..18 {
        let p = s
            .create_person(&PersonInput {
                name: format!("Medlem {} Ødegård-Åsheim", i + 1),
                organisation: if i >= 16 {
                    "Helsedirektoratet".into()
                } else {
                    orgs[i % orgs.len()].into()
                },
                email: String::new(),
            })
            .expect("person");
        if i < 16 {
            s.add_membership(
                &body.id,
                &MembershipInput {
                    person_id: p.id.clone(),
                    role: if i == 0 { Role::Chair } else { Role::Member },
                    ..Default::default()
                },
            )
            .expect("membership");
        }
        let status = match i {
            14 | 15 => AttendanceStatus::Absent,
            16 | 17 => AttendanceStatus::Secretariat,
            _ => AttendanceStatus::Present,
        };
        s.set_attendance(
            &meeting.id,
            &AttendanceInput {
                person_id: p.id,
                status,
                substitute_for: None,
                remote: i % 5 == 0,
            },
        )
        .expect("attendance");
    }
    let mut words = Words(2025);
    let mut items = Vec::new();
    for i in 0..CASES {
        let item = s
            .add_item(
                &meeting.id,
                &ItemInput {
                    kind: ItemKind::Case,
                    duration_min: 5,
                    new_case: Some(CaseInput {
                        title: format!(
                            "Sak om samhandling og digitalisering, del {} – status, erfaringer og videre arbeid",
                            i + 1
                        ),
                        case_type: "Drøfting".into(),
                        summary: words.sentences(2),
                        proposal: Some(words.sentences(2)),
                        no_memo: true,
                        ..Default::default()
                    }),
                    ..Default::default()
                },
                None,
            )
            .expect("case");
        items.push(item);
    }
    s.mark_held(&meeting.id).expect("held");
    for item in &items {
        let narrative = format!(
            "{}\n\n{}\n\n{}",
            words.sentences(4),
            words.sentences(3),
            words.sentences(3)
        );
        s.set_narrative(&item.id, &narrative).expect("narrative");
        for _ in 0..INNSPILL_PER_CASE {
            let n = 1 + words.next() % 2;
            s.add_innspill(&item.id, &words.sentences(n), None)
                .expect("innspill");
        }
        for k in 0..2 {
            s.add_action(
                &item.id,
                &ActionInput {
                    text: words.sentences(1),
                    responsible: orgs[(k + words.next()) % orgs.len()].into(),
                    due: if k == 0 {
                        Due::NextMeeting
                    } else {
                        Due::Date("2025-06-01".into())
                    },
                },
            )
            .expect("action");
        }
        let case_id = item.case_id.clone().expect("case item");
        s.record_decision(&case_id, &words.sentences(3))
            .expect("decision");
    }
    meeting.id
}

// ----------------------------------------------------------------- the same content as HTML

/// User text escaped for HTML element content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text with blank-line paragraphs and "- " bullet lines, as the record stores it.
fn rich(text: &str) -> String {
    let mut out = String::new();
    for para in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let lines: Vec<&str> = para.lines().collect();
        if lines.iter().all(|l| l.trim_start().starts_with("- ")) {
            out.push_str("<ul>");
            for l in lines {
                out.push_str(&format!("<li>{}</li>", esc(l.trim_start()[2..].trim())));
            }
            out.push_str("</ul>\n");
        } else {
            out.push_str(&format!("<p>{}</p>\n", esc(&lines.join(" "))));
        }
    }
    out
}

const CSS: &str = "@page { size: A4; margin: 25mm 25mm 22mm 25mm; }
body { font-family: Carlito, Calibri, sans-serif; font-size: 11pt; line-height: 1.22; }
h1 { font-size: 20pt; margin: 0 0 4pt; } .sub { font-size: 13pt; color: #404040; margin-bottom: 14pt; }
h2 { font-size: 14pt; margin: 16pt 0 5pt; break-after: avoid; } h3 { font-size: 12pt; margin: 12pt 0 4pt; break-after: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; margin: 6pt 0 10pt; }
th, td { border: 0.5pt solid #000; padding: 3pt 4.5pt 3.5pt; text-align: left; vertical-align: top; }
thead { display: table-header-group; } tr { break-inside: avoid; }
tr.break td { background: #e6e6e6; font-weight: bold; } tr.end td { font-weight: bold; }
table.fields td { border: none; padding: 0 12pt 3pt 0; } table.fields td:first-child { font-weight: bold; width: 30%; }
.cols { columns: 2; column-gap: 12pt; } p { margin: 0 0 6pt; orphans: 2; widows: 2; }
ul { margin: 0 0 6pt; padding-left: 8mm; } .pb { break-before: page; }";

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"nb\"><head><meta charset=\"utf-8\"><title>{}</title><style>{CSS}</style></head>\n<body>\n{body}</body></html>\n",
        esc(title)
    )
}

fn fields(rows: &[(&str, String)]) -> String {
    let mut out = String::from("<table class=\"fields\">");
    for (label, value) in rows {
        out.push_str(&format!("<tr><td>{}</td><td>{value}</td></tr>", esc(label)));
    }
    out.push_str("</table>\n");
    out
}

fn lines(values: &[String], two_columns: bool) -> String {
    let inner: String = values
        .iter()
        .map(|v| format!("<div>{}</div>", esc(v)))
        .collect();
    if two_columns {
        format!("<div class=\"cols\">{inner}</div>")
    } else {
        inner
    }
}

fn with_org(name: &str, org: &str) -> String {
    if org.is_empty() {
        name.to_string()
    } else {
        format!("{name} ({org})")
    }
}

fn long_date(iso: &str) -> String {
    quorum_record::numbers::parse_date("date", iso)
        .map(|d| quorum_record::numbers::long_date(d, Lang::Nb))
        .unwrap_or_else(|_| iso.to_string())
}

fn time_span(m: &quorum_record::model::Meeting) -> String {
    format!(
        "Kl. {} – {}",
        m.start.replace(':', "."),
        m.end.replace(':', ".")
    )
}

/// The agenda's content: header, timetable, each item, open action points.
fn agenda_as_html(s: &Store, meeting_id: &str) -> String {
    let m = s.meeting(meeting_id).unwrap();
    let name = s.body_name_on(&m.body_id, &m.date).unwrap();
    let members = s.memberships(&m.body_id, Some(&m.date)).unwrap();
    let voting: Vec<String> = members
        .iter()
        .filter(|x| matches!(x.role.as_str(), "leder" | "nestleder" | "medlem"))
        .map(|x| with_org(&x.person.name, &x.person.organisation))
        .collect();
    let observers: Vec<String> = members
        .iter()
        .filter(|x| x.role == Role::Observer)
        .map(|x| with_org(&x.person.name, &x.person.organisation))
        .collect();
    let mut b = format!(
        "<h1>Møte i {}</h1><div class=\"sub\">Innkalling og dagsorden · Møte {}</div>\n",
        esc(&name),
        esc(&m.number)
    );
    b += &fields(&[
        ("Dato", esc(&long_date(&m.date))),
        ("Tid", esc(&time_span(&m))),
        ("Sted", esc(&m.place)),
        ("Medlemmer", lines(&voting, true)),
        ("Observatører", lines(&observers, false)),
    ]);
    let tt = s.timetable(meeting_id).unwrap();
    b += "<table><thead><tr><th>Sak</th><th>Agenda</th><th>Tidspunkt</th><th>Sakstype</th></tr></thead><tbody>";
    for r in &tt.rows {
        let class = if r.item.kind == ItemKind::Break {
            " class=\"break\""
        } else {
            ""
        };
        let number = match (&r.item.case_number, r.item.kind.as_str()) {
            (Some(n), "continuation") => format!("{n} forts."),
            (Some(n), _) => n.clone(),
            _ => String::new(),
        };
        b += &format!(
            "<tr{class}><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&number),
            esc(&r.item.title),
            esc(&r.start),
            esc(&r.item.case_type)
        );
    }
    b += &format!(
        "<tr class=\"end\"><td></td><td>Slutt</td><td>{}</td><td></td></tr></tbody></table>\n<div class=\"pb\"></div>\n",
        esc(&tt.end)
    );
    for r in tt
        .rows
        .iter()
        .filter(|r| matches!(r.item.kind.as_str(), "case" | "open" | "orientation"))
    {
        let item = &r.item;
        let case = item.case_id.as_ref().map(|id| s.case(id).unwrap());
        b += &match &item.case_number {
            Some(n) => format!("<h3>Sak {}</h3>", esc(n)),
            None => format!("<h3>{}</h3>", esc(&item.title)),
        };
        let mut f = vec![("Tema", esc(&item.title))];
        if !item.case_type.is_empty() {
            f.push(("Sakstype", esc(&item.case_type)));
        }
        if !item.guest.is_empty() {
            f.push(("Innleder", esc(&item.guest)));
        }
        b += &fields(&f);
        b += &rich(&item.summary);
        let attachments = case
            .as_ref()
            .map(|c| c.attachments.clone())
            .unwrap_or_default();
        if attachments.is_empty() {
            if item.no_memo || case.is_none() {
                b += "<p><i>Ingen toppnotat</i></p>";
            }
        } else {
            b += "<ul>";
            for a in &attachments {
                b += &format!(
                    "<li><b>Vedlegg {}:</b> {}</li>",
                    esc(&a.label),
                    esc(&a.title)
                );
            }
            b += "</ul>";
        }
        if let Some(c) = case.filter(|c| !c.proposal.trim().is_empty()) {
            b += "<p><b>Forslag til vedtak:</b></p>";
            b += &rich(&c.proposal);
        }
    }
    let open = s.open_actions(&m.body_id, Some(&m.date)).unwrap();
    if !open.is_empty() {
        b += "<h2>Åpne aksjonspunkter</h2><table><thead><tr><th>Sak</th><th>Aksjonspunkt</th><th>Ansvarlig</th><th>Frist</th><th>Status</th></tr></thead><tbody>";
        for a in &open {
            let due = match (&a.due_date, a.due_next_meeting) {
                (Some(d), _) => d.clone(),
                (None, true) => "Neste møte".into(),
                _ => String::new(),
            };
            b += &format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>Åpen</td></tr>",
                esc(a.case_number.as_deref().unwrap_or(&a.meeting_number)),
                esc(&a.text),
                esc(&a.responsible),
                esc(&due)
            );
        }
        b += "</tbody></table>";
    }
    page(
        &format!("Innkalling og dagsorden – {name} {}", m.number),
        &b,
    )
}

/// The minutes' content: header with attendance, case list, each case's record, status.
fn minutes_as_html(s: &Store, meeting_id: &str) -> String {
    let m = s.meeting(meeting_id).unwrap();
    let name = s.body_name_on(&m.body_id, &m.date).unwrap();
    let attendance = s.attendance(meeting_id).unwrap();
    let of = |status: AttendanceStatus| -> Vec<String> {
        attendance
            .iter()
            .filter(|a| a.status == status)
            .map(|a| {
                let n = with_org(&a.person.name, &a.person.organisation);
                if a.remote {
                    format!("{n} – digitalt")
                } else {
                    n
                }
            })
            .collect()
    };
    let mut b = format!(
        "<h1>Referat fra møte i {}</h1><div class=\"sub\">Møte {}</div>\n",
        esc(&name),
        esc(&m.number)
    );
    b += &fields(&[
        ("Dato", esc(&long_date(&m.date))),
        ("Tid", esc(&time_span(&m))),
        ("Sted", esc(&m.place)),
        ("Medlemmer", lines(&of(AttendanceStatus::Present), true)),
        ("Ikke til stede", lines(&of(AttendanceStatus::Absent), true)),
        (
            "Helsedirektoratet",
            lines(&of(AttendanceStatus::Secretariat), true),
        ),
    ]);
    let items: Vec<_> = s
        .agenda(meeting_id)
        .unwrap()
        .into_iter()
        .filter(|i| matches!(i.kind.as_str(), "case" | "open" | "orientation"))
        .collect();
    b +=
        "<table><thead><tr><th>Sak</th><th>Tittel på sak</th><th>Sakstype</th></tr></thead><tbody>";
    for i in &items {
        b += &format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(i.case_number.as_deref().unwrap_or("")),
            esc(&i.title),
            esc(&i.case_type)
        );
    }
    b += "</tbody></table>\n";
    for i in &items {
        b += &format!(
            "<h3>{} {}</h3>",
            esc(i.case_number.as_deref().unwrap_or("")),
            esc(&i.title)
        );
        b += &rich(&i.narrative);
        let innspill = s.innspill(&i.id).unwrap();
        if !innspill.is_empty() {
            b += "<p><b>Innspill:</b></p><ul>";
            for x in innspill {
                b += &format!("<li>{}</li>", esc(&x.text));
            }
            b += "</ul>";
        }
        let actions = s.actions(&i.id).unwrap();
        if !actions.is_empty() {
            b += "<p><b>Aksjonspunkt:</b></p><ul>";
            for a in actions {
                b += &format!("<li>{}</li>", esc(&a.text));
            }
            b += "</ul>";
        }
        if let Some(c) = i.case_id.as_ref().map(|id| s.case(id).unwrap()) {
            if let Some(d) = &c.decision {
                let label = if c.amended {
                    "Vedtak oppdatert"
                } else {
                    "Vedtak"
                };
                b += &format!("<p><b>{label}:</b></p>");
                b += &rich(d);
            }
        }
    }
    b += "<hr><p><i>Status: Utkast – referatet er ikke godkjent.</i></p>";
    page(&format!("Referat fra møte i {name} {}", m.number), &b)
}
