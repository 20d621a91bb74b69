//! Parsing the command line and running the command: usage errors exit 2 (in the user's
//! language), refused actions exit 1 with the record's message, success prints the text, or with
//! `--json` the affected object(s).

use crate::args::{Cli, Command};
use crate::commands::{self, Ctx, R};
use crate::output::Done;
use clap::Parser;
use quorum_record::{Lang, Store};
use std::ffi::OsString;

pub fn run(args: Vec<OsString>) -> i32 {
    let cli = match Cli::try_parse_from(&args) {
        Ok(c) => c,
        Err(e) => return crate::usage::report(&e, &args, crate::usage::lang_of(&args)),
    };
    let lang = Lang::detect(cli.lang.as_deref());
    match execute(&cli, lang) {
        Ok(done) => {
            print!("{}", done.render(cli.json));
            0
        }
        Err(e) => {
            // The record's own message: a file the system refused is said in the user's words.
            eprintln!("quorum: {}", e.message(lang));
            1
        }
    }
}

fn execute(cli: &Cli, lang: Lang) -> R<Done> {
    if let Some(given) = &cli.db {
        refuse_missing_folder(given)?;
    }
    let path = cli
        .db
        .clone()
        .unwrap_or_else(quorum_record::paths::default_db_path);
    if let Command::Restore { file } = &cli.command {
        if cli.read_only {
            return Err(quorum_record::Error::ReadOnly.into());
        }
        // The record may be unreadable: a restore opens no store on it.
        return commands::backup::restore(&path, file, lang);
    }
    if !path.exists() && !starts_a_record(&cli.command) {
        return Err(no_record(&path));
    }
    let store = if cli.read_only {
        Store::open_read_only(&path)?
    } else {
        Store::open(&path)?
    };
    if let Some(problem) = store.backup_problem() {
        eprintln!(
            "quorum: {} {}",
            lang.pick(
                "Advarsel: dagens sikkerhetskopi ble ikke tatt.",
                "Warning: today's backup was not taken."
            ),
            problem.message(lang)
        );
    }
    let cx = Ctx {
        store: &store,
        lang,
        path: &path,
    };
    if let Some(out) = output_file(&cli.command) {
        refuse_missing_output_folder(out)?;
    }
    let done = dispatch(cli, &cx);
    // Upkeep the command's writes leave (see Store::tidy), bounded; the change itself is
    // already committed, so a failure here is only said.
    if store.idle_for().is_some() {
        if let Err(e) = store.tidy(CLI_TIDY_STEPS) {
            eprintln!("quorum: {}", e.message(lang));
        }
    }
    done
}

/// Merge steps after a command: a few milliseconds each; an import's index is merged over the
/// next commands or by the window.
const CLI_TIDY_STEPS: u32 = 16;

fn dispatch(cli: &Cli, cx: &Ctx) -> R<Done> {
    match &cli.command {
        Command::Demo => commands::files::demo(cx),
        Command::Body { command } => commands::body::run(cx, command),
        Command::CaseType { command } => commands::body::case_type(cx, command),
        Command::Person { command } => commands::people::person(cx, command),
        Command::Member { command } => commands::people::member(cx, command),
        Command::Meeting { command } => commands::meeting::run(cx, command),
        Command::Agenda { command } => commands::agenda::run(cx, command),
        Command::Case { command } => commands::case::run(cx, command),
        Command::Record { command } => commands::record::run(cx, command),
        Command::Party { command } => commands::groups::party(cx, command),
        Command::Vote { body, case, method } => {
            commands::votes::vote(cx, body.body.as_deref(), case, method)
        }
        Command::Quorum { meeting } => commands::presence::quorum(cx, meeting),
        Command::Signing { command } => commands::signing::run(cx, command),
        Command::Correct { reason, edit } => commands::record::correct(cx, reason, edit),
        Command::Actions { command } => commands::record::actions(cx, command),
        Command::Consultation { command } => commands::consultation::run(cx, command),
        Command::Search {
            query,
            body,
            year,
            case_type,
        } => commands::files::search(cx, query, body, *year, case_type),
        Command::Pdf { document } => commands::files::pdf(cx, document),
        Command::Archive { file } => commands::files::archive(cx, file),
        Command::Export { file } => commands::files::export(cx, file),
        Command::Import { file } => commands::files::import(cx, file),
        Command::Backup { file, list } => commands::backup::backup(cx, file.as_deref(), *list),
        Command::Restore { .. } => unreachable!("handled before the record is opened"),
    }
}

/// The commands that may make a new record file: loading the demo, importing an export, and
/// adding the first body or person. Any other command on a file that does not exist is a mistyped name,
/// and would otherwise leave an empty record behind it.
fn starts_a_record(command: &Command) -> bool {
    matches!(
        command,
        Command::Demo
            | Command::Import { .. }
            | Command::Body {
                command: crate::args::BodyCommand::Add { .. }
            }
            | Command::Person {
                command: crate::args::PersonCommand::Add { .. }
            }
    )
}

fn no_record(path: &std::path::Path) -> quorum_documents::Error {
    let p = path.display();
    quorum_record::Error::other(
        "db",
        format!(
            "Registerfilen «{p}» finnes ikke. Sjekk filnavnet i --db, eller start et nytt register med «quorum --db {p} demo», «quorum --db {p} import FIL» eller «quorum --db {p} body add …»."
        ),
        format!(
            "The record \"{p}\" does not exist. Check the file name given to --db, or start a new record with \"quorum --db {p} demo\", \"quorum --db {p} import FILE\" or \"quorum --db {p} body add …\"."
        ),
    )
    .into()
}

/// A record named with `--db` (or `QUORUM_DB`) must be in a folder that exists: a mistyped path
/// would otherwise create folders and an empty record without a word. (The default path's folder
/// is made on first use.)
fn refuse_missing_folder(db: &std::path::Path) -> R<()> {
    let folder = db.parent().filter(|d| !d.as_os_str().is_empty());
    match folder {
        Some(folder) if !folder.is_dir() => Err(quorum_record::Error::other(
            "db",
            format!(
                "Mappen «{}» finnes ikke, så registerfilen «{}» kan ikke åpnes eller lages der. Sjekk stien i --db.",
                folder.display(),
                db.display()
            ),
            format!(
                "The folder \"{}\" does not exist, so the record \"{}\" cannot be opened or made there. Check the path given to --db.",
                folder.display(),
                db.display()
            ),
        )
        .into()),
        _ => Ok(()),
    }
}

/// The file a command writes, for the check that its folder exists.
fn output_file(command: &Command) -> Option<&std::path::Path> {
    use crate::args::{CaseCommand, PdfCommand, SigningCommand};
    match command {
        Command::Archive { file } | Command::Export { file } => Some(file),
        Command::Backup { file, .. } => file.as_deref(),
        Command::Case {
            command: CaseCommand::SaveAttachment { output, .. },
        } => Some(output),
        Command::Signing {
            command: SigningCommand::Copy { output, .. },
        } => Some(output),
        Command::Consultation {
            command:
                crate::args::ConsultationCommand::Summary { out, .. }
                | crate::args::ConsultationCommand::Respondents { out, .. },
        } => Some(&out.output),
        Command::Pdf { document } => Some(match document {
            PdfCommand::Agenda { out, .. }
            | PdfCommand::Memo { out, .. }
            | PdfCommand::Minutes { out, .. }
            | PdfCommand::Register { out, .. }
            | PdfCommand::Pack { out, .. } => &out.output,
            PdfCommand::Invitation { output, .. } => output,
        }),
        _ => None,
    }
}

/// A file is written only into a folder that exists: a mistyped path would otherwise fail with
/// the system's text, or (for a backup) make the folders without a word.
fn refuse_missing_output_folder(file: &std::path::Path) -> R<()> {
    if file.is_dir() {
        return Ok(());
    }
    match file.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(folder) if !folder.is_dir() => Err(quorum_record::Error::other(
            "file",
            format!(
                "Mappen «{}» finnes ikke, så «{}» kan ikke skrives der. Lag mappen først, eller velg en annen sti.",
                folder.display(),
                file.display()
            ),
            format!(
                "The folder \"{}\" does not exist, so \"{}\" cannot be written there. Make the folder first, or choose another path.",
                folder.display(),
                file.display()
            ),
        )
        .into()),
        _ => Ok(()),
    }
}
