//! Usage errors in the user's language. Clap writes English; in Norwegian the common kinds
//! (unknown argument or subcommand, missing argument, invalid value) are said again here, with
//! the usage line. Exit code 2, as clap's own.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use quorum_record::Lang;
use std::ffi::OsString;

/// The language for a usage error: `--lang` from the raw arguments (clap could not parse them),
/// else the locale.
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut flag = None;
    let mut it = args.iter().map(|a| a.to_string_lossy().into_owned());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            flag = it.next();
        } else if let Some(v) = a.strip_prefix("--lang=") {
            flag = Some(v.to_string());
        }
    }
    Lang::detect(flag.as_deref())
}

/// Prints `e` and gives the exit code.
pub fn report(e: &clap::Error, args: &[OsString], lang: Lang) -> i32 {
    let code = e.exit_code();
    if lang == Lang::En || matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return code;
    }
    eprint!("{}", norwegian(e, args));
    code
}

/// The usage line of the deepest subcommand named in `args`, for errors clap gives without one.
fn usage_of(args: &[OsString]) -> String {
    let mut cmd = <crate::args::Cli as clap::CommandFactory>::command();
    cmd.build();
    for a in args.iter().skip(1) {
        let a = a.to_string_lossy();
        if a.starts_with('-') {
            continue;
        }
        match cmd.find_subcommand(a.as_ref()) {
            Some(sub) => {
                let sub = sub.clone();
                cmd = sub;
            }
            None => continue,
        }
    }
    cmd.render_usage().to_string()
}

fn text(v: Option<&ContextValue>) -> Option<String> {
    match v? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(b) => Some(b.to_string()),
        ContextValue::None => None,
        _ => None,
    }
}

fn list(v: Option<&ContextValue>) -> Vec<String> {
    match v {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
        _ => Vec::new(),
    }
}

/// The whole argument, when clap took a value starting with "-" followed by a digit for an
/// unknown flag (it names only "-1" of "-1:00").
fn value_with_minus(arg: &str, args: &[OsString]) -> Option<String> {
    let digit = arg
        .strip_prefix('-')?
        .starts_with(|c: char| c.is_ascii_digit());
    if !digit {
        return None;
    }
    args.iter()
        .map(|a| a.to_string_lossy())
        .find(|a| a.starts_with(arg))
        .map(|a| a.into_owned())
}

/// The Norwegian text of a usage error.
pub fn norwegian(e: &clap::Error, args: &[OsString]) -> String {
    let get = |k: ContextKind| text(e.get(k));
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let mut out = String::from("feil: ");
    match e.kind() {
        ErrorKind::UnknownArgument => match value_with_minus(&arg, args) {
            // Clap reads "-1:00" or "-5" after an option as a flag of its own.
            Some(raw) => {
                out += &format!(
                    "«{raw}» begynner med «-» og leses derfor som et valg, ikke som en verdi. \
                     Negative tall, datoer og klokkeslett brukes ikke; skriv verdien uten minustegn"
                )
            }
            None => out += &format!("ukjent argument «{arg}»"),
        },
        ErrorKind::InvalidUtf8 => {
            out += "et argument er ikke gyldig tekst (UTF-8). Skriv det på nytt, eller sjekk \
                    tegnkodingen i terminalen eller skriptet"
        }
        ErrorKind::InvalidSubcommand => {
            let sub = get(ContextKind::InvalidSubcommand).unwrap_or_default();
            out += &format!("ukjent underkommando «{sub}»");
        }
        ErrorKind::MissingRequiredArgument => {
            out += "disse påkrevde argumentene mangler:";
            for a in list(e.get(ContextKind::InvalidArg)) {
                out += &format!("\n  {a}");
            }
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            out += &format!("«{arg}» trenger en verdi, men ingen ble gitt");
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            out += &format!("ugyldig verdi «{value}» for «{arg}»");
            let source = std::error::Error::source(e);
            let int = source.and_then(|s| s.downcast_ref::<std::num::ParseIntError>());
            if source.is_some_and(|s| s.is::<crate::args::PositionError>()) {
                out += "; skriv plassen som et heltall fra 1 og oppover, slik listen nummererer";
            } else if source.is_some_and(|s| s.is::<crate::args::QuorumRuleError>()) {
                out += "; skriv andelen av medlemmene som et heltall fra 1 til 100, for eksempel 50, eller «ingen» for ingen regel";
            } else if source.is_some_and(|s| s.is::<crate::args::OnOffError>()) {
                out += "; skriv on eller off (ja eller nei)";
            } else if source.is_some_and(|s| s.is::<crate::args::YearError>()) {
                out += "; skriv et årstall med fire sifre, fra 1900 til 2999, for eksempel 2025";
            } else if let Some(int) = int {
                use std::num::IntErrorKind::*;
                out += match int.kind() {
                    PosOverflow | NegOverflow => {
                        "; tallet er altfor stort, skriv et mindre heltall"
                    }
                    _ => "; skriv et heltall",
                };
            } else if source.is_some()
                && arg.contains("<")
                && value.chars().any(char::is_alphabetic)
            {
                out += "; skriv ja eller nei";
            }
        }
        ErrorKind::TooManyValues => {
            out += &format!("uventet verdi «{value}» for «{arg}»; ingen flere var ventet");
        }
        ErrorKind::ArgumentConflict => {
            let prior = list(e.get(ContextKind::PriorArg));
            if prior.is_empty() || prior == [arg.clone()] {
                out += &format!("argumentet «{arg}» kan ikke brukes flere ganger");
            } else {
                out += &format!(
                    "argumentet «{arg}» kan ikke brukes sammen med «{}»",
                    prior.join("», «")
                );
            }
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            out += "kommandoen trenger en underkommando";
        }
        _ => out += "kommandolinjen kan ikke tolkes",
    }
    out.push('\n');
    let valid = list(e.get(ContextKind::ValidValue));
    if !valid.is_empty() {
        out += &format!("  mulige verdier: {}\n", valid.join(", "));
    }
    let subs = list(e.get(ContextKind::ValidSubcommand));
    if !subs.is_empty() {
        out += &format!("  underkommandoer: {}\n", subs.join(", "));
    }
    for k in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        let s = list(e.get(k));
        if !s.is_empty() {
            out += &format!("  tips: mente du «{}»?\n", s.join("», «"));
        }
    }
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        // Clap's help lists the subcommands; its headings are translated, the descriptions not.
        let help = e.render().to_string();
        out += "\n";
        out += &help
            .replace("Usage:", "Bruk:")
            .replace("Commands:", "Underkommandoer:")
            .replace("Options:", "Valg:")
            .replace("Print help", "Vis hjelp")
            .replace("Print version", "Vis versjon");
        return out;
    }
    let usage = get(ContextKind::Usage).unwrap_or_else(|| usage_of(args));
    out += "\n";
    out += usage.trim_end().replacen("Usage:", "Bruk:", 1).as_str();
    out += "\n";
    out += "\nMer hjelp: legg til «--help».\n";
    out
}
