//! Parsing and running CLI commands.

use clap::{Parser, Subcommand};
use quorum_documents::Documents;
use quorum_record::numbers::{long_date, parse_date, text_time};
use quorum_record::search::{SearchQuery, HIT_END, HIT_START};
use quorum_record::{Lang, Store};
use std::ffi::OsString;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "quorum",
    version,
    about = "The record of council bodies, meetings, cases and decisions"
)]
struct Cli {
    /// The record file (default: in the user's data directory)
    #[arg(long, global = true, env = "QUORUM_DB")]
    db: Option<PathBuf>,
    /// Language of messages: nb (default) or en
    #[arg(long, global = true)]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load the demo record into an empty database
    Demo,
    /// Bodies
    Body {
        #[command(subcommand)]
        command: BodyCommand,
    },
    /// Meetings
    Meeting {
        #[command(subcommand)]
        command: MeetingCommand,
    },
    /// Cases
    Case {
        #[command(subcommand)]
        command: CaseCommand,
    },
    /// Search titles, summaries, proposals, decisions, innspill and action points
    Search {
        query: String,
        #[arg(long)]
        body: Option<String>,
        #[arg(long)]
        year: Option<i32>,
        #[arg(long = "type")]
        case_type: Option<String>,
    },
    /// Write a document as PDF
    Pdf {
        #[command(subcommand)]
        document: PdfCommand,
    },
    /// Export the whole record as JSON
    Export { file: PathBuf },
    /// Import an export into an empty database
    Import { file: PathBuf },
}

#[derive(clap::Args)]
struct PdfOut {
    /// The PDF file to write
    #[arg(short = 'o', long = "output")]
    output: PathBuf,
    /// The public version: exempt cases show only number, "Unntatt offentlighet" and legal basis
    #[arg(long)]
    public: bool,
}

#[derive(Subcommand)]
enum PdfCommand {
    /// Notice and agenda ("Innkalling og dagsorden")
    Agenda {
        #[arg(long)]
        body: String,
        #[arg(long)]
        meeting: String,
        #[command(flatten)]
        out: PdfOut,
    },
    /// Case memo ("toppnotat")
    Memo {
        #[arg(long)]
        body: String,
        #[arg(long)]
        case: String,
        #[command(flatten)]
        out: PdfOut,
    },
    /// Minutes ("referat")
    Minutes {
        #[arg(long)]
        body: String,
        #[arg(long)]
        meeting: String,
        #[command(flatten)]
        out: PdfOut,
    },
    /// Decision register and action points of a year
    Register {
        #[arg(long)]
        body: String,
        #[arg(long)]
        year: i32,
        #[command(flatten)]
        out: PdfOut,
    },
    /// Meeting pack: agenda, memos and attached PDFs in one file
    Pack {
        #[arg(long)]
        body: String,
        #[arg(long)]
        meeting: String,
        #[command(flatten)]
        out: PdfOut,
    },
}

#[derive(Subcommand)]
enum BodyCommand {
    List,
}

#[derive(Subcommand)]
enum MeetingCommand {
    List {
        #[arg(long)]
        body: String,
    },
    /// Header, attendance and timetable
    Show {
        #[arg(long)]
        body: String,
        number: String,
    },
}

#[derive(Subcommand)]
enum CaseCommand {
    Show {
        #[arg(long)]
        body: String,
        number: String,
    },
    /// Mark a case exempt from public disclosure
    Exempt {
        #[arg(long)]
        body: String,
        number: String,
        #[arg(long)]
        basis: String,
    },
}

pub fn run(args: Vec<OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let lang = Lang::detect(cli.lang.as_deref());
    match execute(&cli, lang) {
        Ok(out) => {
            print!("{out}");
            0
        }
        Err(e) => {
            eprintln!("quorum: {}", e.message(lang));
            1
        }
    }
}

fn default_db() -> PathBuf {
    quorum_record::paths::default_db_path()
}

fn execute(cli: &Cli, lang: Lang) -> quorum_documents::Result<String> {
    let path = cli.db.clone().unwrap_or_else(default_db);
    let store = Store::open(&path)?;
    let mut out = String::new();
    match &cli.command {
        Command::Demo => {
            store.load_demo()?;
            out += &format!(
                "{} {}\n",
                lang.pick("Demodata lastet inn i", "Demo record loaded into"),
                path.display()
            );
        }
        Command::Body {
            command: BodyCommand::List,
        } => {
            for b in store.bodies()? {
                out += &format!("{:<14} {}  ({})\n", b.short_name, b.name, b.secretariat);
            }
        }
        Command::Meeting {
            command: MeetingCommand::List { body },
        } => {
            let b = store.body_by_short(body)?;
            for m in store.meetings(&b.id, None)? {
                let date = parse_date("date", &m.date)?;
                out += &format!(
                    "Møte {:<8} {:<20} {}–{}  {:<18} {}\n",
                    m.number,
                    long_date(date, lang),
                    m.start,
                    m.end,
                    m.status.label(lang),
                    place_of(&m)
                );
            }
        }
        Command::Meeting {
            command: MeetingCommand::Show { body, number },
        } => {
            out += &show_meeting(&store, body, number, lang)?;
        }
        Command::Case {
            command: CaseCommand::Show { body, number },
        } => {
            out += &show_case(&store, body, number, lang)?;
        }
        Command::Case {
            command:
                CaseCommand::Exempt {
                    body,
                    number,
                    basis,
                },
        } => {
            let c = store.case_by_number(body, number)?;
            let c = store.set_exempt(&c.id, true, basis)?;
            out += &format!(
                "{} {} {} ({})\n",
                lang.pick("Sak", "Case"),
                c.number.unwrap_or_default(),
                lang.pick(
                    "er unntatt offentlighet",
                    "is exempt from public disclosure"
                ),
                c.exempt_basis
            );
        }
        Command::Search {
            query,
            body,
            year,
            case_type,
        } => {
            let hits = store.search(&SearchQuery {
                text: query.clone(),
                body: body.clone(),
                year: *year,
                case_type: case_type.clone(),
                limit: None,
            })?;
            if hits.is_empty() {
                out += lang.pick("Ingen treff.\n", "No hits.\n");
            }
            for h in hits {
                out += &format!(
                    "{} {} · Møte {} ({}) · {}{}\n",
                    h.case_number.as_deref().unwrap_or("–"),
                    h.body,
                    h.meeting_number,
                    h.meeting_date,
                    h.title,
                    if h.case_type.is_empty() {
                        String::new()
                    } else {
                        format!(" [{}]", h.case_type)
                    }
                );
                out += &format!(
                    "    {}: {}\n",
                    field_label(&h.field, lang),
                    mark(&h.snippet)
                );
                if let Some(d) = h.decision.filter(|_| h.field != "decision") {
                    out += &format!(
                        "    {}: {}\n",
                        lang.pick("Vedtak", "Decision"),
                        one_line(&d)
                    );
                }
            }
        }
        Command::Pdf { document } => {
            let (bytes, out_opts) = write_pdf(&store, document)?;
            std::fs::write(&out_opts.output, bytes).map_err(|source| quorum_record::Error::Io {
                path: out_opts.output.display().to_string(),
                source,
            })?;
            out += &format!(
                "{} {}\n",
                lang.pick("Skrev", "Wrote"),
                out_opts.output.display()
            );
        }
        Command::Export { file } => {
            let json = store.export_json()?;
            std::fs::write(file, json).map_err(|source| quorum_record::Error::Io {
                path: file.display().to_string(),
                source,
            })?;
        }
        Command::Import { file } => {
            let json =
                std::fs::read_to_string(file).map_err(|source| quorum_record::Error::Io {
                    path: file.display().to_string(),
                    source,
                })?;
            store.import_json(&json)?;
            out += &format!(
                "{} {}\n",
                lang.pick("Importert til", "Imported into"),
                path.display()
            );
        }
    }
    Ok(out)
}

fn write_pdf<'a>(
    store: &Store,
    document: &'a PdfCommand,
) -> quorum_documents::Result<(Vec<u8>, &'a PdfOut)> {
    let opts = |o: &PdfOut| quorum_documents::DocOptions {
        public: o.public,
        lang: None,
    };
    Ok(match document {
        PdfCommand::Agenda { body, meeting, out } => (
            store.agenda_pdf(&store.meeting_by_number(body, meeting)?.id, opts(out))?,
            out,
        ),
        PdfCommand::Memo { body, case, out } => (
            store.memo_pdf(&store.case_by_number(body, case)?.id, opts(out))?,
            out,
        ),
        PdfCommand::Minutes { body, meeting, out } => (
            store.minutes_pdf(&store.meeting_by_number(body, meeting)?.id, opts(out))?,
            out,
        ),
        PdfCommand::Register { body, year, out } => (
            store.register_pdf(&store.body_by_short(body)?.id, *year, opts(out))?,
            out,
        ),
        PdfCommand::Pack { body, meeting, out } => (
            store.pack_pdf(&store.meeting_by_number(body, meeting)?.id, opts(out))?,
            out,
        ),
    })
}

fn place_of(m: &quorum_record::model::Meeting) -> String {
    if m.remote {
        if m.remote_link.is_empty() {
            "Videomøte".to_string()
        } else {
            format!("Videomøte ({})", m.remote_link)
        }
    } else {
        m.place.clone()
    }
}

fn field_label(field: &str, lang: Lang) -> &'static str {
    match field {
        "title" => lang.pick("Tittel", "Title"),
        "summary" => lang.pick("Sammendrag", "Summary"),
        "proposal" => lang.pick("Forslag til vedtak", "Proposed decision"),
        "decision" => lang.pick("Vedtak", "Decision"),
        "narrative" => lang.pick("Referat", "Minutes"),
        "innspill" => lang.pick("Innspill", "Input"),
        _ => lang.pick("Aksjonspunkt", "Action point"),
    }
}

/// Shows search hits between brackets in the terminal.
fn mark(snippet: &str) -> String {
    one_line(&snippet.replace(HIT_START, "[").replace(HIT_END, "]"))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn show_meeting(
    store: &Store,
    body: &str,
    number: &str,
    lang: Lang,
) -> quorum_documents::Result<String> {
    let b = store.body_by_short(body)?;
    let m = store.meeting_by_number(body, number)?;
    let date = parse_date("date", &m.date)?;
    let name = store.body_name_on(&b.id, &m.date)?;
    let mut out = String::new();
    let kind = if m.extraordinary {
        lang.pick("Ekstra møte i", "Extraordinary meeting of")
    } else {
        lang.pick("Møte i", "Meeting of")
    };
    out += &format!(
        "{kind} {name}\n{} {}\n\n",
        lang.pick("Møte", "Meeting"),
        m.number
    );
    let start = quorum_record::numbers::parse_time("start", &m.start)?;
    let end = quorum_record::numbers::parse_time("end", &m.end)?;
    out += &format!(
        "{:<10}{}\n",
        lang.pick("Dato", "Date"),
        long_date(date, lang)
    );
    out += &format!(
        "{:<10}Kl. {} – {}\n",
        lang.pick("Tid", "Time"),
        text_time(start),
        text_time(end)
    );
    out += &format!("{:<10}{}\n", lang.pick("Sted", "Place"), place_of(&m));
    out += &format!("{:<10}{}\n", "Status", m.status.label(lang));
    let attendance = store.attendance(&m.id)?;
    if !attendance.is_empty() {
        out += &format!("\n{}\n", lang.pick("Oppmøte", "Attendance"));
        for a in &attendance {
            let status = match (a.status.as_str(), lang) {
                ("present", _) => lang.pick("til stede", "present"),
                ("absent", _) => lang.pick("ikke til stede", "absent"),
                ("substitute", _) => lang.pick("stedfortreder", "substitute"),
                ("observer", _) => lang.pick("observatør", "observer"),
                ("secretariat", _) => lang.pick("sekretariat", "secretariat"),
                _ => lang.pick("gjest", "guest"),
            };
            let mut line = format!(
                "  {:<30} {:<32} {}",
                a.person.name, a.person.organisation, status
            );
            if let Some(f) = &a.substitute_for {
                line += &format!(" {} {}", lang.pick("for", "for"), f.name);
            }
            if a.remote {
                line += lang.pick(" (digitalt)", " (remote)");
            }
            out += &line;
            out += "\n";
        }
    }
    let tt = store.timetable(&m.id)?;
    out += &format!(
        "\n{:<7} {:<w$} {:<9} {}\n",
        lang.pick("Sak", "Case"),
        lang.pick("Agenda", "Agenda"),
        lang.pick("Tidspunkt", "Time"),
        lang.pick("Sakstype", "Type"),
        w = TITLE_WIDTH
    );
    for r in &tt.rows {
        let number = match (r.item.kind.as_str(), &r.item.case_number) {
            ("continuation", Some(n)) => format!("{n} forts."),
            (_, Some(n)) => n.clone(),
            _ => String::new(),
        };
        let title = if r.item.kind == quorum_record::vocab::ItemKind::Orientation
            && r.item.title.is_empty()
        {
            r.item.guest.clone()
        } else {
            r.item.title.clone()
        };
        let lines = wrap(&title, TITLE_WIDTH);
        let row = format!(
            "{:<7} {:<w$} {:<9} {}",
            number,
            lines[0],
            r.start,
            r.item.case_type,
            w = TITLE_WIDTH
        );
        out += row.trim_end();
        out += "\n";
        for more in &lines[1..] {
            out += &format!("{:<7} {more}\n", "");
        }
    }
    out += &format!(
        "{:<7} {:<w$} {}\n",
        "",
        lang.pick("Slutt", "End"),
        tt.end,
        w = TITLE_WIDTH
    );
    if let Some(w) = tt.warning(lang) {
        out += &format!("\n{}: {w}\n", lang.pick("Advarsel", "Warning"));
    }
    Ok(out)
}

const TITLE_WIDTH: usize = 64;

/// Wraps text at word boundaries to `width` characters (a longer word gets a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let last = lines.last_mut().expect("never empty");
        if last.is_empty() {
            last.push_str(word);
        } else if last.chars().count() + 1 + word.chars().count() <= width {
            last.push(' ');
            last.push_str(word);
        } else {
            lines.push(word.to_string());
        }
    }
    lines
}

fn show_case(
    store: &Store,
    body: &str,
    number: &str,
    lang: Lang,
) -> quorum_documents::Result<String> {
    let c = store.case_by_number(body, number)?;
    let mut out = format!(
        "{} {} {}\n",
        lang.pick("Sak", "Case"),
        c.number.clone().unwrap_or_default(),
        c.title
    );
    let row = |label: &str, value: &str| {
        if value.is_empty() {
            String::new()
        } else {
            format!("{label:<16}{value}\n")
        }
    };
    if let Some(mid) = &c.meeting_id {
        let m = store.meeting(mid)?;
        out += &row(
            lang.pick("Møte", "Meeting"),
            &format!(
                "{} ({})",
                m.number,
                long_date(parse_date("date", &m.date)?, lang)
            ),
        );
    }
    out += &row(lang.pick("Sakstype", "Type"), &c.case_type);
    out += &row(lang.pick("Sakseier", "Owner"), &c.owner);
    out += &row(lang.pick("Saksbehandler", "Officer"), &c.officer);
    if c.exempt {
        out += &row(
            lang.pick("Unntatt", "Exempt"),
            &format!(
                "{} ({})",
                lang.pick("Unntatt offentlighet", "Exempt from public disclosure"),
                c.exempt_basis
            ),
        );
    }
    let section = |title: &str, text: &str| {
        if text.trim().is_empty() {
            String::new()
        } else {
            format!("\n{title}:\n{}\n", indent(text))
        }
    };
    out += &section(lang.pick("Sammendrag", "Summary"), &c.summary);
    for a in &c.attachments {
        out += &format!(
            "{} {}: {}\n",
            lang.pick("Vedlegg", "Attachment"),
            a.label,
            a.title
        );
    }
    if c.no_memo {
        out += lang.pick("Ingen toppnotat\n", "No memo\n");
    }
    out += &section(
        lang.pick("Forslag til vedtak", "Proposed decision"),
        &c.proposal,
    );
    out += &section(lang.pick("Hensikt med saken", "Purpose"), &c.memo.purpose);
    out += &section(lang.pick("Bakgrunn", "Background"), &c.memo.background);
    out += &section(
        lang.pick("Spørsmål til drøfting", "Questions for discussion"),
        &c.memo.questions,
    );
    out += &section(
        lang.pick("Videre saksprosess", "Further process"),
        &c.memo.process,
    );
    if let Some(item_id) = &c.item_id {
        let item = store.item(item_id)?;
        out += &section(lang.pick("Referat", "Minutes"), &item.narrative);
        let innspill = store.innspill(item_id)?;
        if !innspill.is_empty() {
            out += &format!("\n{}:\n", lang.pick("Innspill", "Input"));
            for i in innspill {
                out += &format!("  • {}\n", i.text);
            }
        }
        let actions = store.actions(item_id)?;
        if !actions.is_empty() {
            out += &format!("\n{}:\n", lang.pick("Aksjonspunkt", "Action points"));
            for a in actions {
                out += &format!("  • {} [{}]\n", a.text, a.status);
            }
        }
    }
    if let Some(d) = &c.decision {
        let label = if c.amended {
            lang.pick("Vedtak oppdatert", "Decision (amended)")
        } else {
            lang.pick("Vedtak", "Decision")
        };
        out += &section(label, d);
    }
    if !c.links.is_empty() {
        out += &format!(
            "\n{}:\n",
            lang.pick("Vedtak fra tidligere behandlinger", "Earlier decisions")
        );
        for l in &c.links {
            out += &format!(
                "  {} {} {} – {}: {}\n",
                l.number,
                l.body,
                l.date,
                l.title,
                one_line(&l.decision)
            );
        }
    }
    Ok(out)
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
