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
    match &cli.command {
        Command::Demo => commands::files::demo(&cx),
        Command::Body { command } => commands::body::run(&cx, command),
        Command::CaseType { command } => commands::body::case_type(&cx, command),
        Command::Person { command } => commands::people::person(&cx, command),
        Command::Member { command } => commands::people::member(&cx, command),
        Command::Meeting { command } => commands::meeting::run(&cx, command),
        Command::Agenda { command } => commands::agenda::run(&cx, command),
        Command::Case { command } => commands::case::run(&cx, command),
        Command::Record { command } => commands::record::run(&cx, command),
        Command::Correct { reason, edit } => commands::record::correct(&cx, reason, edit),
        Command::Actions { command } => commands::record::actions(&cx, command),
        Command::Search {
            query,
            body,
            year,
            case_type,
        } => commands::files::search(&cx, query, body, *year, case_type),
        Command::Pdf { document } => commands::files::pdf(&cx, document),
        Command::Archive { file } => commands::files::archive(&cx, file),
        Command::Export { file } => commands::files::export(&cx, file),
        Command::Import { file } => commands::files::import(&cx, file),
        Command::Backup { file, list } => commands::backup::backup(&cx, file.as_deref(), *list),
        Command::Restore { .. } => unreachable!("handled before the record is opened"),
    }
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
