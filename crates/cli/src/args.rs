//! The command line's grammar (clap). Things are addressed the way users name them: a body by
//! its short name, a meeting by "4/2025", a case by "32/25", an agenda item by its number on the
//! agenda or its case number, a person by name; the record's ids are accepted everywhere too.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// A year as the record numbers them (1900–2999): "25" or "20255" would otherwise reach the
/// record as year 25 or 20255.
pub fn year(s: &str) -> Result<i32, YearError> {
    s.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2999).contains(y))
        .ok_or(YearError)
}

/// A value given for a year that is not one; usage.rs says so in Norwegian.
#[derive(Debug, Clone, Copy)]
pub struct YearError;

impl std::fmt::Display for YearError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("write a year with four digits, from 1900 to 2999, for example 2025")
    }
}

impl std::error::Error for YearError {}

/// A place in a list, counted from 1 as the listings number it: 0 or -3 would otherwise be
/// taken as "first" without a word.
pub fn position(s: &str) -> Result<i64, PositionError> {
    s.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n >= 1)
        .ok_or(PositionError)
}

/// A value given for a place in a list that is not one; usage.rs says so in Norwegian.
#[derive(Debug, Clone, Copy)]
pub struct PositionError;

impl std::fmt::Display for PositionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("write the place as a whole number from 1 up, as the list numbers it")
    }
}

impl std::error::Error for PositionError {}

/// A body's quorum rule as typed: a percentage of its members (1–100), or "none".
#[derive(Debug, Clone, Copy)]
pub struct QuorumRule(pub Option<u32>);

pub fn quorum_rule(s: &str) -> Result<QuorumRule, QuorumRuleError> {
    let t = s.trim().trim_end_matches('%').trim();
    match t.to_lowercase().as_str() {
        "none" | "ingen" => Ok(QuorumRule(None)),
        _ => t
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=100).contains(n))
            .map(|n| QuorumRule(Some(n)))
            .ok_or(QuorumRuleError),
    }
}

/// A value given for a quorum rule that is not one; usage.rs says so in Norwegian.
#[derive(Debug, Clone, Copy)]
pub struct QuorumRuleError;

impl std::fmt::Display for QuorumRuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("write the share of members as a whole number from 1 to 100, for example 50, or \"none\" for no rule")
    }
}

impl std::error::Error for QuorumRuleError {}

/// A setting turned on or off: on/off, ja/nei, yes/no (clap's own parser takes no Norwegian).
pub fn on_off(s: &str) -> Result<bool, OnOffError> {
    match s.trim().to_lowercase().as_str() {
        "on" | "ja" | "yes" | "true" | "1" | "på" => Ok(true),
        "off" | "nei" | "no" | "false" | "0" | "av" => Ok(false),
        _ => Err(OnOffError),
    }
}

/// A value given for an on/off setting that is not one; usage.rs says so in Norwegian.
#[derive(Debug, Clone, Copy)]
pub struct OnOffError;

impl std::fmt::Display for OnOffError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("write on or off")
    }
}

impl std::error::Error for OnOffError {}

#[derive(Parser)]
#[command(
    name = "quorum",
    version,
    about = "The record of council bodies, meetings, cases and decisions"
)]
pub struct Cli {
    /// The record file (default: in the user's data directory)
    #[arg(long, global = true, env = "QUORUM_DB")]
    pub db: Option<PathBuf>,
    /// Language of messages: nb (default) or en
    #[arg(long, global = true)]
    pub lang: Option<String>,
    /// Print the affected object(s) as JSON, for scripts
    #[arg(long, global = true)]
    pub json: bool,
    /// Open the record read-only (an archive file from the secretariat): nothing can change it
    #[arg(long, global = true)]
    pub read_only: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Load the demo record into an empty database
    Demo,
    /// Bodies: list, add, edit, rename
    Body {
        #[command(subcommand)]
        command: BodyCommand,
    },
    /// A body's case types and their proposal templates
    CaseType {
        #[command(subcommand)]
        command: CaseTypeCommand,
    },
    /// People
    Person {
        #[command(subcommand)]
        command: PersonCommand,
    },
    /// Members of a body: role, term and personal substitute
    Member {
        #[command(subcommand)]
        command: MemberCommand,
    },
    /// Meetings
    Meeting {
        #[command(subcommand)]
        command: MeetingCommand,
    },
    /// The agenda of a meeting
    Agenda {
        #[command(subcommand)]
        command: AgendaCommand,
    },
    /// Cases
    Case {
        #[command(subcommand)]
        command: CaseCommand,
    },
    /// The meeting record: attendance, narrative, innspill, decisions, action points
    Record {
        #[command(subcommand)]
        command: RecordCommand,
    },
    /// Party groups of a body ("Høyre", "H")
    Party {
        #[command(subcommand)]
        command: PartyCommand,
    },
    /// Record a case's vote (unanimous, counts, by group or by name), or list or remove its votes
    Vote {
        #[command(flatten)]
        body: BodyOpt,
        /// The case: "5/26" or id
        case: String,
        #[command(subcommand)]
        method: VoteCommand,
    },
    /// Per case of a meeting: who takes part, how many the body needs, and whether it could decide
    Quorum {
        #[command(flatten)]
        meeting: MeetingOpt,
    },
    /// Checking and signing of the minutes by signers chosen in the meeting
    Signing {
        #[command(subcommand)]
        command: SigningCommand,
    },
    /// Correct approved (locked) minutes, with a reason kept in the audit log
    Correct {
        /// Why the locked minutes are changed
        #[arg(long)]
        reason: String,
        #[command(subcommand)]
        edit: CorrectCommand,
    },
    /// Action points of a body
    Actions {
        #[command(subcommand)]
        command: ActionsCommand,
    },
    /// Consultations (høring): questions, categories, responses, import, handling, tally, PDFs
    Consultation {
        #[command(subcommand)]
        command: ConsultationCommand,
    },
    /// Search titles, summaries, proposals, decisions, innspill and action points
    Search {
        query: String,
        #[arg(long)]
        body: Option<String>,
        #[arg(long, value_parser = year, allow_negative_numbers = true)]
        year: Option<i32>,
        #[arg(long = "type")]
        case_type: Option<String>,
    },
    /// Write a document: agenda, memo, minutes, register, pack (PDF) or invitation (.ics)
    #[command(name = "document", visible_alias = "pdf")]
    Pdf {
        #[command(subcommand)]
        document: PdfCommand,
    },
    /// Write a read-only archive copy of the record for members (as "Lag arkivfil" in the window)
    Archive {
        /// The archive file to write
        file: PathBuf,
    },
    /// Export the whole record as JSON
    Export { file: PathBuf },
    /// Import an export into an empty database
    Import { file: PathBuf },
    /// Write a checked backup of the record (default: into the backups folder beside it)
    Backup {
        /// The backup file to write (default: backups/<record>-<date>-<time>.quorum)
        #[arg(conflicts_with = "list")]
        file: Option<PathBuf>,
        /// List the record's backups instead, newest first
        #[arg(long)]
        list: bool,
    },
    /// Replace the record by a backup: the backup is checked first and the current record is kept
    /// as a backup
    Restore {
        /// The backup to restore
        file: PathBuf,
    },
}

// Yes/no options (`--remote`, `--extraordinary`, `--no-memo`) are `Option<bool>`: the flag
// alone means yes, `--flag no` means no, and leaving it out keeps what is stored.

// ---------------------------------------------------------------------------------------------
// Bodies and case types

#[derive(Subcommand)]
pub enum BodyCommand {
    /// All bodies
    List,
    /// A body with its names over time and case types
    Show { body: String },
    /// Create a body (with the default case types)
    Add {
        /// Short name ("NUIT"), used to address the body
        #[arg(long = "short")]
        short_name: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        secretariat: Option<String>,
        /// Default meeting place
        #[arg(long)]
        place: Option<String>,
        /// Language of its documents: nb or en
        #[arg(long)]
        language: Option<String>,
    },
    /// Change short name, secretariat, place or language (the name changes by `rename`)
    Edit {
        body: String,
        #[arg(long = "short")]
        short_name: Option<String>,
        #[arg(long)]
        secretariat: Option<String>,
        #[arg(long)]
        place: Option<String>,
        #[arg(long)]
        language: Option<String>,
    },
    /// Rename a body from a date; documents of earlier meetings keep the old name
    Rename {
        body: String,
        #[arg(long)]
        name: String,
        /// YYYY-MM-DD
        #[arg(long)]
        from: String,
    },
    /// The body's rules: the quorum (share of members who must take part) and signed minutes
    Rules {
        body: String,
        /// Percent of the members who must take part for the body to decide (50), or "none"
        #[arg(long, value_parser = quorum_rule, allow_negative_numbers = true)]
        quorum_percent: Option<QuorumRule>,
        /// Minutes become final when the signers chosen in the meeting have signed them (on|off)
        #[arg(long, value_parser = on_off)]
        signed_minutes: Option<bool>,
    },
    /// Where case numbering of a year starts, when earlier meetings are not in the record
    FirstNumber {
        body: String,
        #[arg(long, value_parser = year, allow_negative_numbers = true)]
        year: i32,
        #[arg(long, allow_negative_numbers = true)]
        number: i64,
    },
}

#[derive(Subcommand)]
pub enum CaseTypeCommand {
    /// A body's case types
    List {
        /// The body: short name or id
        #[arg(long)]
        body: String,
    },
    /// Add a case type, or change the proposal template of one
    Set {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        name: String,
        /// Proposed decision template; {organ} is replaced by the body's name
        #[arg(long, default_value = "")]
        template: String,
    },
    /// Remove a case type no case uses
    Remove {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        name: String,
    },
}

// ---------------------------------------------------------------------------------------------
// People and members

#[derive(Subcommand)]
pub enum PersonCommand {
    /// Everyone in the record
    List,
    /// Add a person
    Add {
        #[arg(long)]
        name: String,
        #[arg(long = "org")]
        organisation: Option<String>,
        #[arg(long)]
        email: Option<String>,
    },
    /// A person's positions outside the bodies (the register for questions of impartiality)
    Position {
        #[command(subcommand)]
        command: PositionCommand,
    },
    /// Change a person's name, organisation or e-mail
    Edit {
        /// Name or id
        person: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long = "org")]
        organisation: Option<String>,
        #[arg(long)]
        email: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum MemberCommand {
    /// A body's members, optionally those whose term covers a date
    List {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        /// YYYY-MM-DD
        #[arg(long)]
        on: Option<String>,
    },
    /// Make a person a member of a body
    Add {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        /// Name or id
        person: String,
        /// leder, nestleder, medlem, observatør, sekretær (or the English labels)
        #[arg(long)]
        role: Option<String>,
        /// Start of term, YYYY-MM-DD
        #[arg(long)]
        from: Option<String>,
        /// End of term, YYYY-MM-DD
        #[arg(long)]
        to: Option<String>,
        /// Personal substitute (name or id)
        #[arg(long)]
        substitute: Option<String>,
    },
    /// Change role, term or substitute ("" clears a term date)
    Edit {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        /// The member's name, or the membership's id
        member: String,
        #[arg(long)]
        role: Option<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long, conflicts_with = "no_substitute")]
        substitute: Option<String>,
        /// Remove the personal substitute
        #[arg(long)]
        no_substitute: bool,
    },
    /// The party group a member sits for (in this membership's term)
    Party {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        /// The member's name, or the membership's id
        #[arg(long = "person")]
        member: String,
        /// The group: short name ("H"), name or id
        #[arg(
            long,
            required_unless_present = "no_party",
            conflicts_with = "no_party"
        )]
        party: Option<String>,
        /// The member sits for no group
        #[arg(long)]
        no_party: bool,
    },
    /// End a membership
    Remove {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        /// The member's name, or the membership's id
        member: String,
    },
}

#[derive(Subcommand)]
pub enum PositionCommand {
    /// A person's outside positions, numbered
    List {
        /// Name or id
        person: String,
    },
    /// Add an outside position ("styremedlem, Testvik Eiendom AS")
    Add {
        /// Name or id
        person: String,
        /// The organisation
        #[arg(long = "org")]
        organisation: String,
        /// The position held there
        #[arg(long, default_value = "")]
        role: String,
        /// YYYY-MM-DD
        #[arg(long)]
        since: Option<String>,
        /// YYYY-MM-DD
        #[arg(long)]
        until: Option<String>,
    },
    /// Remove an outside position: its number in the list (1, 2, …) or id
    Remove {
        /// Name or id
        person: String,
        position: String,
    },
}

#[derive(Subcommand)]
pub enum PartyCommand {
    /// A body's party groups
    List {
        /// The body: short name or id
        #[arg(long)]
        body: String,
    },
    /// Add a party group
    Add {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        /// "Høyre"
        #[arg(long)]
        name: String,
        /// "H", as the minutes name the group
        #[arg(long = "short")]
        short_name: String,
    },
    /// Rename a group (approved minutes keep the name they were sealed with)
    Rename {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        /// The group: short name, name or id
        party: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long = "short")]
        short_name: Option<String>,
    },
    /// Remove a group that no membership, proposal or vote names
    Remove {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        /// The group: short name, name or id
        party: String,
    },
}

// ---------------------------------------------------------------------------------------------
// Meetings

// Which body a meeting or case number belongs to; needed only when several bodies have it.
#[derive(Args, Clone, Default)]
pub struct BodyOpt {
    /// The body (short name or id), when the number is not unique
    #[arg(long)]
    pub body: Option<String>,
}

#[derive(Subcommand)]
pub enum MeetingCommand {
    /// A body's meetings
    List {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        #[arg(long, value_parser = year, allow_negative_numbers = true)]
        year: Option<i32>,
    },
    /// Header, attendance and timetable
    Show {
        #[command(flatten)]
        body: BodyOpt,
        /// "4/2025" or id
        number: String,
    },
    /// Create a meeting (numbered next in its year unless --number is given)
    Add {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        /// YYYY-MM-DD
        #[arg(long)]
        date: String,
        /// HH:MM
        #[arg(long, default_value = "10:00")]
        start: String,
        /// HH:MM
        #[arg(long, default_value = "16:00")]
        end: String,
        #[command(flatten)]
        more: MeetingFields,
    },
    /// Change a meeting's header
    Edit {
        #[command(flatten)]
        body: BodyOpt,
        number: String,
        /// YYYY-MM-DD
        #[arg(long)]
        date: Option<String>,
        /// HH:MM
        #[arg(long)]
        start: Option<String>,
        /// HH:MM
        #[arg(long)]
        end: Option<String>,
        #[command(flatten)]
        more: MeetingFields,
    },
    /// Send the agenda: its case numbers are frozen from now on
    Send {
        #[command(flatten)]
        body: BodyOpt,
        number: String,
    },
    /// Mark the meeting as held
    Held {
        #[command(flatten)]
        body: BodyOpt,
        number: String,
    },
    /// Approve the minutes by a decided case of a later meeting; locks the record
    Approve {
        #[command(flatten)]
        body: BodyOpt,
        number: String,
        /// The approving case: "32/25" or id
        #[arg(long)]
        by_case: String,
    },
    /// Set (or with no --item clear) the item the chair is on in live mode
    CurrentItem {
        #[command(flatten)]
        body: BodyOpt,
        number: String,
        #[arg(long)]
        item: Option<String>,
    },
    /// Corrections made to the locked minutes
    Corrections {
        #[command(flatten)]
        body: BodyOpt,
        number: String,
    },
}

#[derive(Args, Clone, Default)]
pub struct MeetingFields {
    /// "4/2025" (default for a new meeting: the next number of its year)
    #[arg(long = "number")]
    pub new_number: Option<String>,
    /// Default for a new meeting: the body's place
    #[arg(long)]
    pub place: Option<String>,
    /// A video meeting
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_parser = clap::builder::BoolishValueParser::new())]
    pub remote: Option<bool>,
    /// Video link
    #[arg(long)]
    pub link: Option<String>,
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_parser = clap::builder::BoolishValueParser::new())]
    pub extraordinary: Option<bool>,
}

// ---------------------------------------------------------------------------------------------
// Agenda

// An agenda item: its number on the agenda (1, 2, …, with --meeting), a case number ("32/25")
// or id.
#[derive(Args, Clone, Default)]
pub struct ItemOpt {
    /// The body (short name or id), when the number is not unique
    #[arg(long)]
    pub body: Option<String>,
    /// "4/2025" or id: needed when the item is given by its number on the agenda
    #[arg(long)]
    pub meeting: Option<String>,
    /// Number on the agenda, case number or id
    #[arg(long)]
    pub item: String,
}

// A meeting given as an option.
#[derive(Args, Clone)]
pub struct MeetingOpt {
    /// The body (short name or id), when the number is not unique
    #[arg(long)]
    pub body: Option<String>,
    /// "4/2025" or id
    #[arg(long)]
    pub meeting: String,
}

#[derive(Args, Clone)]
pub struct NewItem {
    #[command(flatten)]
    pub meeting: MeetingOpt,
    /// Place it as number N on the agenda (default: last)
    #[arg(long, allow_negative_numbers = true, value_parser = position)]
    pub at: Option<i64>,
    /// Minutes
    #[arg(long, allow_negative_numbers = true)]
    pub duration: Option<i64>,
}

#[derive(Args, Clone, Default)]
pub struct CaseFields {
    /// The case's title
    #[arg(long)]
    pub title: Option<String>,
    /// A case type of the body ("Drøfting"); "" for none
    #[arg(long = "type")]
    pub case_type: Option<String>,
    /// Summary ("-" reads it from stdin)
    #[arg(long)]
    pub summary: Option<String>,
    /// Proposed decision (default for a new case: the case type's template)
    #[arg(long)]
    pub proposal: Option<String>,
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_parser = clap::builder::BoolishValueParser::new())]
    pub no_memo: Option<bool>,
    /// Memo: purpose of the case
    #[arg(long)]
    pub purpose: Option<String>,
    /// Memo: background
    #[arg(long)]
    pub background: Option<String>,
    /// Memo: questions for discussion
    #[arg(long)]
    pub questions: Option<String>,
    /// Memo: further process
    #[arg(long)]
    pub process: Option<String>,
    /// Case owner ("sakseier")
    #[arg(long)]
    pub owner: Option<String>,
    /// Case officer ("saksbehandler")
    #[arg(long)]
    pub officer: Option<String>,
}

#[derive(Subcommand)]
pub enum AgendaCommand {
    /// The agenda, numbered as items are addressed
    List {
        #[command(flatten)]
        body: BodyOpt,
        number: String,
    },
    /// Add an item
    Add {
        #[command(subcommand)]
        kind: AddItem,
    },
    /// Change an item's own fields (a case's title and summary are changed with `case set`)
    Edit {
        #[command(flatten)]
        at: ItemArg,
        #[arg(long)]
        title: Option<String>,
        #[arg(long = "type")]
        case_type: Option<String>,
        #[arg(long)]
        guest: Option<String>,
        #[arg(long)]
        summary: Option<String>,
        #[arg(long, allow_negative_numbers = true)]
        duration: Option<i64>,
    },
    /// Move an item to number N on the agenda
    Move {
        #[command(flatten)]
        at: ItemArg,
        #[arg(long, allow_negative_numbers = true, value_parser = position)]
        to: i64,
    },
    /// Remove an item (a case taken off a draft agenda stays in the record, unnumbered)
    Remove {
        #[command(flatten)]
        at: ItemArg,
    },
    /// One item with its narrative, innspill and action points
    Show {
        #[command(flatten)]
        at: ItemArg,
    },
    /// Record when an item actually started
    Started {
        #[command(flatten)]
        at: ItemArg,
        /// HH:MM
        time: String,
    },
}

// An item given as a positional argument, with its meeting as an option.
#[derive(Args, Clone)]
pub struct ItemArg {
    /// The body (short name or id), when the number is not unique
    #[arg(long)]
    pub body: Option<String>,
    /// "4/2025" or id: needed when the item is given by its number on the agenda
    #[arg(long)]
    pub meeting: Option<String>,
    /// Number on the agenda, case number or id
    pub item: String,
}

#[derive(Subcommand)]
pub enum AddItem {
    /// A case: an existing unplaced case (--case) or a new one (--title …)
    Case {
        #[command(flatten)]
        new: NewItem,
        /// An unplaced case: id, number or exact title
        #[arg(long, conflicts_with = "title")]
        case: Option<String>,
        #[command(flatten)]
        fields: CaseFields,
    },
    /// A break
    Break {
        #[command(flatten)]
        new: NewItem,
        #[arg(long)]
        title: Option<String>,
    },
    /// An open item ("Dagsaktuelt")
    Open {
        #[command(flatten)]
        new: NewItem,
        #[arg(long)]
        title: Option<String>,
        #[arg(long = "type")]
        case_type: Option<String>,
        #[arg(long)]
        summary: Option<String>,
    },
    /// A guest's orientation
    Orientation {
        #[command(flatten)]
        new: NewItem,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        guest: Option<String>,
        #[arg(long)]
        summary: Option<String>,
    },
    /// A case taken up again later in the same meeting ("32/25 forts.")
    Continuation {
        #[command(flatten)]
        new: NewItem,
        /// The case continued: "32/25" or id
        #[arg(long)]
        case: String,
        #[arg(long)]
        title: Option<String>,
    },
}

// ---------------------------------------------------------------------------------------------
// Cases

#[derive(Subcommand)]
pub enum CaseCommand {
    /// A body's cases not on any agenda
    Unplaced {
        /// The body: short name or id
        #[arg(long)]
        body: String,
    },
    /// A case with its memo, record and earlier treatments
    Show {
        #[command(flatten)]
        body: BodyOpt,
        /// "32/25" or id
        number: String,
    },
    /// Create a case not yet on an agenda (numbered when placed)
    Add {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        #[arg(long, value_parser = year, allow_negative_numbers = true)]
        year: i32,
        #[command(flatten)]
        fields: CaseFields,
    },
    /// Change a case's title, type, summary, proposal, memo, owner or officer
    Set {
        #[command(flatten)]
        body: BodyOpt,
        number: String,
        #[command(flatten)]
        fields: CaseFields,
    },
    /// Mark a case exempt from public disclosure (or lift it with --lift)
    Exempt {
        #[command(flatten)]
        body: BodyOpt,
        number: String,
        /// Legal basis ("offl. § 14")
        #[arg(long, required_unless_present = "lift")]
        basis: Option<String>,
        /// Lift the exemption
        #[arg(long)]
        lift: bool,
    },
    /// Attach a file (or a title only) as "Vedlegg N"
    Attach {
        #[command(flatten)]
        body: BodyOpt,
        number: String,
        /// "2", "7A"
        #[arg(long)]
        label: String,
        #[arg(long)]
        title: String,
        #[arg(long)]
        file: Option<PathBuf>,
    },
    /// Remove an attachment by its label or id
    Detach {
        #[command(flatten)]
        body: BodyOpt,
        number: String,
        attachment: String,
    },
    /// Write an attachment's stored file
    SaveAttachment {
        #[command(flatten)]
        body: BodyOpt,
        number: String,
        /// Its label ("2") or id
        attachment: String,
        /// The file to write
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Link to an earlier treatment in the record
    Link {
        #[command(flatten)]
        body: BodyOpt,
        number: String,
        /// The earlier case: "40/25" or id
        #[arg(long)]
        to: String,
        /// The earlier case's body, when it is not the same
        #[arg(long)]
        to_body: Option<String>,
    },
    /// Record an earlier treatment outside the record
    Reference {
        #[command(flatten)]
        body: BodyOpt,
        number: String,
        /// Its case number
        #[arg(long = "ref-number")]
        ref_number: String,
        /// The body that treated it
        #[arg(long = "ref-body", default_value = "")]
        ref_body: String,
        /// YYYY-MM-DD
        #[arg(long, default_value = "")]
        date: String,
        #[arg(long, default_value = "")]
        title: String,
        #[arg(long, default_value = "")]
        decision: String,
    },
    /// Remove a link or reference: its row number (1, 2, …) or id
    Unlink {
        #[command(flatten)]
        body: BodyOpt,
        number: String,
        link: String,
    },
    /// Earlier and later treatments across bodies
    History {
        #[command(flatten)]
        body: BodyOpt,
        number: String,
    },
}

// ---------------------------------------------------------------------------------------------
// The meeting record

#[derive(Subcommand)]
pub enum RecordCommand {
    /// Attendance at a meeting
    Attendance {
        #[command(subcommand)]
        command: AttendanceCommand,
    },
    /// The minutes' narrative of an item ("-" reads it from stdin)
    Narrative(NarrativeArgs),
    /// Innspill bullets of an item
    Innspill {
        #[command(subcommand)]
        command: InnspillCommand,
    },
    /// Record the decision of a case ("-" reads it from stdin)
    Decision(DecisionArgs),
    /// Decision as proposed: the proposal becomes the decision
    Accept {
        #[command(flatten)]
        body: BodyOpt,
        case: String,
    },
    /// Remove a recorded decision
    Clear {
        #[command(flatten)]
        body: BodyOpt,
        case: String,
    },
    /// Action points of an item
    Action {
        #[command(subcommand)]
        command: ActionCommand,
    },
    /// Members who arrived or left during the meeting
    Presence {
        #[command(subcommand)]
        command: PresenceCommand,
    },
    /// A substitute who stands in for a member in one case
    Substitute {
        #[command(subcommand)]
        command: SubstituteCommand,
    },
    /// A member's impartiality in a case: raised, then decided by the others
    Disqualification {
        #[command(subcommand)]
        command: DisqualificationCommand,
    },
    /// Proposals put in the meeting ("Forslag fra H v/ Kari Nordmann")
    Proposal {
        #[command(subcommand)]
        command: ProposalCommand,
    },
    /// Confirm that a decision is recorded in a case where the body was not quorate (--revoke undoes it)
    WithoutQuorum {
        #[command(flatten)]
        body: BodyOpt,
        /// "5/26" or id
        case: String,
        /// Withdraw the confirmation
        #[arg(long)]
        revoke: bool,
    },
}

#[derive(Args, Clone)]
pub struct PresenceArgs {
    #[command(flatten)]
    pub meeting: MeetingOpt,
    /// Name or id
    pub person: String,
    /// The item: number on the agenda, case number ("5/26") or id
    #[arg(long)]
    pub item: String,
}

#[derive(Subcommand)]
pub enum PresenceCommand {
    /// Who arrived or left during the meeting, in agenda order
    List {
        #[command(flatten)]
        meeting: MeetingOpt,
    },
    /// A member arrived at an item (takes part from it on)
    Arrived(PresenceArgs),
    /// A member left after an item (takes no part in the items after it)
    Left(PresenceArgs),
    /// Remove a recorded arrival or departure: arrived or left
    Undo {
        #[command(flatten)]
        meeting: MeetingOpt,
        /// Name or id
        person: String,
        /// arrived or left (tiltrådte, forlot møtet)
        kind: String,
    },
}

// A case given as a positional argument, with its body as an option.
#[derive(Args, Clone)]
pub struct CaseArg {
    /// The body (short name or id), when the number is not unique
    #[arg(long)]
    pub body: Option<String>,
    /// "5/26" or id
    pub case: String,
}

#[derive(Subcommand)]
pub enum SubstituteCommand {
    /// The substitutes of a case
    List {
        #[command(flatten)]
        case: CaseArg,
    },
    /// A substitute stands in for a member in this case only
    Add {
        #[command(flatten)]
        case: CaseArg,
        /// The substitute: name or id
        person: String,
        /// The member stood in for: name or id
        #[arg(long = "for")]
        substitute_for: String,
    },
    /// Remove a case's substitute: the substitute's name, their number in the list, or id
    Remove {
        #[command(flatten)]
        case: CaseArg,
        substitute: String,
    },
}

#[derive(Subcommand)]
pub enum DisqualificationCommand {
    /// The questions of impartiality in a case
    List {
        #[command(flatten)]
        case: CaseArg,
    },
    /// Raise the question of a member's impartiality in a case
    Raise {
        #[command(flatten)]
        case: CaseArg,
        /// The member: name or id
        person: String,
        /// Why it is raised
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Record the others' decision: disqualified (inhabil) or qualified (habil)
    Decide {
        #[command(flatten)]
        case: CaseArg,
        /// The member: name or id
        person: String,
        /// disqualified, qualified (or inhabil, habil)
        outcome: String,
        /// The legal basis ("fvl. § 6 første ledd bokstav a"); needed when disqualified
        #[arg(long, default_value = "")]
        basis: String,
        /// Votes for the decision (leave out both counts when unanimous)
        #[arg(long = "for", requires = "votes_against")]
        votes_for: Option<u32>,
        /// Votes against the decision
        #[arg(long = "against", requires = "votes_for")]
        votes_against: Option<u32>,
    },
    /// Remove a question of impartiality
    Remove {
        #[command(flatten)]
        case: CaseArg,
        /// The member: name or id
        person: String,
    },
}

#[derive(Subcommand)]
pub enum ProposalCommand {
    /// The proposals put in a case, numbered in the order they were put
    List {
        #[command(flatten)]
        case: CaseArg,
    },
    /// Add a proposal put in the meeting ("-" reads the text from stdin)
    Add {
        #[command(flatten)]
        case: CaseArg,
        text: String,
        /// The group that put it: short name, name or id
        #[arg(long)]
        party: Option<String>,
        /// The member who put it: name or id
        #[arg(long = "by")]
        person: Option<String>,
    },
    /// Remove a proposal (and any vote on it): its number (1, 2, …) or id
    Remove {
        #[command(flatten)]
        case: CaseArg,
        proposal: String,
    },
}

// What is voted on, and the result where the votes are tied.
#[derive(Args, Clone, Default)]
pub struct VoteOpts {
    /// The Nth proposal put in the meeting (default: the case's own proposal, the innstilling)
    #[arg(long, allow_negative_numbers = true, value_parser = position)]
    pub proposal: Option<i64>,
    /// The result where the votes are tied and the chair's vote is not recorded: vedtatt or falt
    #[arg(long)]
    pub result: Option<String>,
}

#[derive(Subcommand)]
pub enum VoteCommand {
    /// Adopted unanimously (or, with --result falt, rejected by all)
    Unanimous {
        #[command(flatten)]
        opts: VoteOpts,
    },
    /// Counted votes, optionally with the groups on each side
    Counts {
        #[arg(long = "for")]
        votes_for: u32,
        #[arg(long = "against")]
        votes_against: u32,
        #[arg(long = "blank")]
        votes_blank: Option<u32>,
        /// Groups that voted for: "Ap,Sp"
        #[arg(long, value_delimiter = ',')]
        groups_for: Vec<String>,
        /// Groups that voted against: "H,FrP"
        #[arg(long, value_delimiter = ',')]
        groups_against: Vec<String>,
        /// Groups that voted blank
        #[arg(long, value_delimiter = ',')]
        groups_blank: Vec<String>,
        #[command(flatten)]
        opts: VoteOpts,
    },
    /// By group: each group's members vote as their group
    Groups {
        /// Groups that voted for: "Ap,Sp,SV"
        #[arg(long = "for", value_delimiter = ',')]
        groups_for: Vec<String>,
        /// Groups that voted against: "H,FrP"
        #[arg(long = "against", value_delimiter = ',')]
        groups_against: Vec<String>,
        /// Groups that voted blank
        #[arg(long = "blank", value_delimiter = ',')]
        groups_blank: Vec<String>,
        #[command(flatten)]
        opts: VoteOpts,
    },
    /// By name: every member taking part votes Ja, Nei or Blankt
    Named {
        /// Who voted yes: "Kari Nordmann,Ola Nordmann"
        #[arg(long, value_delimiter = ',')]
        yes: Vec<String>,
        /// Who voted no
        #[arg(long, value_delimiter = ',')]
        no: Vec<String>,
        /// Who voted blank
        #[arg(long, value_delimiter = ',')]
        blank: Vec<String>,
        #[command(flatten)]
        opts: VoteOpts,
    },
    /// The case's votes, numbered in the order they were taken
    List,
    /// Remove a vote: its number (1, 2, …) or id
    Remove { vote: String },
}

#[derive(Subcommand)]
pub enum AttendanceCommand {
    /// Who attended, and how
    List {
        #[command(flatten)]
        meeting: MeetingOpt,
    },
    /// Record or change one person's attendance
    Set(AttendanceArgs),
    /// Remove one person's attendance
    Remove {
        #[command(flatten)]
        meeting: MeetingOpt,
        /// Name or id
        person: String,
    },
}

#[derive(Args, Clone)]
pub struct AttendanceArgs {
    #[command(flatten)]
    pub meeting: MeetingOpt,
    /// Name or id
    pub person: String,
    /// present, absent, substitute, observer, secretariat, guest (or the Norwegian labels)
    #[arg(long, default_value = "present")]
    pub status: String,
    /// For a substitute: the member stood in for (name or id)
    #[arg(long = "for")]
    pub substitute_for: Option<String>,
    /// Attended remotely
    #[arg(long)]
    pub remote: bool,
}

#[derive(Args, Clone)]
pub struct NarrativeArgs {
    #[command(flatten)]
    pub item: ItemOpt,
    pub text: String,
}

#[derive(Args, Clone)]
pub struct DecisionArgs {
    #[command(flatten)]
    pub body: BodyOpt,
    /// "32/25" or id
    pub case: String,
    pub text: String,
}

#[derive(Subcommand)]
pub enum InnspillCommand {
    /// The item's innspill, numbered
    List {
        #[command(flatten)]
        item: ItemOpt,
    },
    /// Add a bullet ("-" reads it from stdin)
    Add(InnspillAdd),
    /// Change a bullet's text
    Edit(InnspillEdit),
    /// Remove a bullet
    Remove(InnspillKey),
}

#[derive(Args, Clone)]
pub struct InnspillAdd {
    #[command(flatten)]
    pub item: ItemOpt,
    pub text: String,
    /// Place it as bullet N (default: last)
    #[arg(long, allow_negative_numbers = true, value_parser = position)]
    pub at: Option<i64>,
}

#[derive(Args, Clone)]
pub struct InnspillEdit {
    #[command(flatten)]
    pub item: ItemOpt,
    /// Bullet number (1, 2, …) or id
    pub innspill: String,
    pub text: String,
}

#[derive(Args, Clone)]
pub struct InnspillKey {
    #[command(flatten)]
    pub item: ItemOpt,
    /// Bullet number (1, 2, …) or id
    pub innspill: String,
}

#[derive(Subcommand)]
pub enum ActionCommand {
    /// The item's action points, numbered
    List {
        #[command(flatten)]
        item: ItemOpt,
    },
    /// Add an action point
    Add(ActionAdd),
    /// Change text, responsible or due date
    Edit(ActionEdit),
    /// Remove an action point
    Remove(ActionKey),
    /// Close or reopen: open, done, cancelled (a cancelled point needs --note)
    Status {
        #[command(flatten)]
        key: ActionKey,
        status: String,
        #[arg(long, default_value = "")]
        note: String,
    },
}

#[derive(Args, Clone)]
pub struct ActionAdd {
    #[command(flatten)]
    pub item: ItemOpt,
    pub text: String,
    #[arg(long, default_value = "")]
    pub responsible: String,
    /// YYYY-MM-DD, "next" (next meeting) or "none"
    #[arg(long, default_value = "none")]
    pub due: String,
}

#[derive(Args, Clone)]
pub struct ActionEdit {
    #[command(flatten)]
    pub item: ItemOpt,
    /// Action point number under the item (1, 2, …) or id
    pub action: String,
    #[arg(long)]
    pub text: Option<String>,
    #[arg(long)]
    pub responsible: Option<String>,
    /// YYYY-MM-DD, "next" (next meeting) or "none"
    #[arg(long)]
    pub due: Option<String>,
}

#[derive(Args, Clone)]
pub struct ActionKey {
    #[command(flatten)]
    pub item: ItemOpt,
    /// Action point number under the item (1, 2, …) or id
    pub action: String,
}

#[derive(Subcommand)]
pub enum CorrectCommand {
    /// Change the decision of a case
    Decision(DecisionArgs),
    /// Change an item's narrative
    Narrative(NarrativeArgs),
    /// Change, add or remove an innspill bullet
    Innspill {
        #[command(subcommand)]
        command: CorrectInnspill,
    },
    /// Change one person's attendance
    Attendance(AttendanceArgs),
    /// Change or add an action point
    Action {
        #[command(subcommand)]
        command: CorrectAction,
    },
}

#[derive(Subcommand)]
pub enum CorrectInnspill {
    /// Add a bullet
    Add(InnspillAdd),
    /// Change a bullet's text
    Edit(InnspillEdit),
    /// Remove a bullet
    Remove(InnspillKey),
}

#[derive(Subcommand)]
pub enum CorrectAction {
    /// Add an action point
    Add(ActionAdd),
    /// Change text, responsible or due date
    Edit(ActionEdit),
}

#[derive(Subcommand)]
pub enum ActionsCommand {
    /// A body's action points: all, a year's, or the open ones
    List {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        /// All of one year's meetings
        #[arg(long, conflicts_with = "open", value_parser = year, allow_negative_numbers = true)]
        year: Option<i32>,
        /// Only the open ones (of every year), as later meetings list them
        #[arg(long)]
        open: bool,
        /// With --open: only from meetings before this date (YYYY-MM-DD)
        #[arg(long, requires = "open")]
        before: Option<String>,
    },
}

// ---------------------------------------------------------------------------------------------
// Signing the minutes

#[derive(Subcommand)]
pub enum SigningCommand {
    /// The signers, the rounds sent and each signature
    Show {
        #[command(flatten)]
        meeting: MeetingOpt,
    },
    /// Choose who checks and signs the minutes, in order (replaces an earlier choice)
    Signers {
        #[command(flatten)]
        meeting: MeetingOpt,
        /// Names or ids: the chair and two members chosen in the meeting
        #[arg(required = true)]
        people: Vec<String>,
    },
    /// Send the held meeting's minutes for signing (the signing copy is kept in the record and
    /// its SHA-256 printed); the record is locked until the round closes
    Send {
        #[command(flatten)]
        meeting: MeetingOpt,
    },
    /// Record a signer's signature of the minutes sent, with the SHA-256 of the PDF signed
    Sign {
        #[command(flatten)]
        meeting: MeetingOpt,
        /// The signer: name or id
        #[arg(long)]
        by: String,
        /// The SHA-256 of the PDF signed (64 hexadecimal digits)
        #[arg(long)]
        sha256: String,
    },
    /// A signer refuses the minutes with a comment; they return to draft
    Refuse {
        #[command(flatten)]
        meeting: MeetingOpt,
        /// The signer: name or id
        #[arg(long)]
        by: String,
        #[arg(long)]
        comment: String,
    },
    /// Write the exact PDF sent for signing (the latest round, or round N)
    Copy {
        #[command(flatten)]
        meeting: MeetingOpt,
        /// The round: 1 for the first sent (default: the latest)
        #[arg(long, allow_negative_numbers = true, value_parser = position)]
        round: Option<i64>,
        /// The file to write
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
}

// ---------------------------------------------------------------------------------------------
// Documents

#[derive(Args)]
pub struct PdfOut {
    /// The file to write, or a folder: then the file is named as the window names it
    /// ("Referat E-helserådet 4-2025.pdf"), never over an existing one
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    /// The public version: exempt cases show only number, "Unntatt offentlighet" and legal basis
    #[arg(long)]
    pub public: bool,
}

#[derive(Subcommand)]
pub enum PdfCommand {
    /// Notice and agenda ("Innkalling og dagsorden")
    Agenda {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        #[arg(long)]
        meeting: String,
        #[command(flatten)]
        out: PdfOut,
    },
    /// Case memo ("toppnotat")
    Memo {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        #[arg(long)]
        case: String,
        #[command(flatten)]
        out: PdfOut,
    },
    /// Minutes ("referat")
    Minutes {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        #[arg(long)]
        meeting: String,
        #[command(flatten)]
        out: PdfOut,
    },
    /// Decision register and action points of a year
    Register {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        #[arg(long, value_parser = year, allow_negative_numbers = true)]
        year: i32,
        #[command(flatten)]
        out: PdfOut,
    },
    /// Meeting pack: agenda, memos and attached PDFs in one file
    Pack {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        #[arg(long)]
        meeting: String,
        #[command(flatten)]
        out: PdfOut,
    },
    /// Calendar invitation of a meeting (.ics, with the timetable)
    Invitation {
        /// The body: short name or id
        #[arg(long)]
        body: String,
        #[arg(long)]
        meeting: String,
        /// The .ics file to write, or a folder
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
}

/// A consultation of a body: its place in `consultation list` (1 is the newest), its title, or
/// its id.
#[derive(Args, Debug, Clone)]
pub struct ConsultationRef {
    /// The body: short name or id
    #[arg(long)]
    pub body: String,
    /// The consultation: its number in "consultation list", its title, or its id
    pub consultation: String,
}

#[derive(Subcommand)]
pub enum ConsultationCommand {
    /// A body's consultations, newest first
    List {
        #[arg(long)]
        body: String,
    },
    /// A new consultation
    Create {
        #[arg(long)]
        body: String,
        #[arg(long)]
        title: String,
        /// The date sent, YYYY-MM-DD
        #[arg(long)]
        sent: String,
        /// The deadline, YYYY-MM-DD
        #[arg(long)]
        deadline: String,
        /// What was sent and why ("-" reads standard input)
        #[arg(long, default_value = "")]
        description: String,
        /// The summary's opening text ("-" reads standard input)
        #[arg(long, default_value = "")]
        summary: String,
        /// Cases the consultation informs: "32/25" (repeat for several)
        #[arg(long = "case")]
        cases: Vec<String>,
    },
    /// The consultation with its questions and responses
    Show {
        #[command(flatten)]
        c: ConsultationRef,
    },
    /// Add a question at the end
    Question {
        #[command(flatten)]
        c: ConsultationRef,
        /// The question's text
        #[arg(long)]
        text: String,
        /// A fixed choice ("Ja, utdyp gjerne"); repeat for each
        #[arg(long = "choice")]
        choices: Vec<String>,
        /// A part answered on its own ("Mål 1: …"); repeat for each
        #[arg(long = "part")]
        parts: Vec<String>,
    },
    /// The body's categories of respondents
    Category {
        #[command(subcommand)]
        command: CategoryCommand,
    },
    /// Add a response typed in
    Respond {
        #[command(flatten)]
        c: ConsultationRef,
        /// The respondent (høringsinstans)
        #[arg(long)]
        respondent: String,
        #[arg(long)]
        category: Option<String>,
        /// The date received, YYYY-MM-DD
        #[arg(long)]
        received: String,
        /// The response may not be published (left out of public versions)
        #[arg(long)]
        not_public: bool,
        /// A question's choice: "1=Ja" (repeat)
        #[arg(long = "choice")]
        choices: Vec<String>,
        /// A question's text: "1=Vi støtter …", or a part's: "2/Mål 1=…" (repeat)
        #[arg(long = "answer")]
        answers: Vec<String>,
    },
    /// Import responses from a spreadsheet (.xlsx, .csv: shows the proposed mapping of columns
    /// first; import with --confirm or --mapping) or a filled Word form (.docx)
    Import {
        #[command(flatten)]
        c: ConsultationRef,
        file: PathBuf,
        /// Import with the proposed mapping as shown
        #[arg(long, conflicts_with = "mapping")]
        confirm: bool,
        /// Import with the mapping in this JSON file (as the proposal prints it, edited)
        #[arg(long)]
        mapping: Option<PathBuf>,
        /// The date received of every response, where no column has it (YYYY-MM-DD)
        #[arg(long)]
        received: Option<String>,
        /// A Word form's respondent, where the form does not name it
        #[arg(long)]
        respondent: Option<String>,
        /// A Word form's category, where the form does not name it
        #[arg(long)]
        category: Option<String>,
        /// A Word form's response may not be published
        #[arg(long)]
        not_public: bool,
    },
    /// Add a heading to the summary ("2.1", under --parent "2.2" for "2.2.1")
    Heading {
        #[command(flatten)]
        c: ConsultationRef,
        #[arg(long)]
        title: String,
        /// The heading's number it goes under: "2.2"
        #[arg(long)]
        parent: Option<String>,
        #[arg(long, default_value = "")]
        text: String,
    },
    /// Mark how an input was handled: a response's answer, or a passage of it
    Mark {
        #[command(flatten)]
        c: ConsultationRef,
        /// The response's number in "consultation show"
        #[arg(long)]
        response: u32,
        /// The question's number
        #[arg(long)]
        question: u32,
        /// The part's title, for an answer given part by part
        #[arg(long)]
        part: Option<String>,
        /// hensyntatt, delvis hensyntatt, ikke hensyntatt or utenfor strategiens omfang
        #[arg(long)]
        outcome: String,
        /// The passage of the answer (default: the whole answer)
        #[arg(long, default_value = "")]
        passage: String,
        #[arg(long, default_value = "")]
        comment: String,
        /// The summary heading's number: "2.1"
        #[arg(long)]
        heading: Option<String>,
    },
    /// Per question the count and share of each choice, overall and per category
    Tally {
        #[command(flatten)]
        c: ConsultationRef,
        /// Count the publishable responses only
        #[arg(long)]
        public: bool,
    },
    /// Search the responses' text
    Search { query: String },
    /// Write "Oppsummering av høringssvarene" (PDF)
    Summary {
        #[command(flatten)]
        c: ConsultationRef,
        #[command(flatten)]
        out: ConsultationPdfOut,
    },
    /// Write the list of respondents (PDF)
    Respondents {
        #[command(flatten)]
        c: ConsultationRef,
        #[command(flatten)]
        out: ConsultationPdfOut,
    },
}

#[derive(Args, Debug, Clone)]
pub struct ConsultationPdfOut {
    /// The PDF file to write
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
    /// The public version: responses that may not be published are left out
    #[arg(long)]
    pub public: bool,
}

#[derive(Subcommand)]
pub enum CategoryCommand {
    List {
        #[arg(long)]
        body: String,
    },
    Add {
        #[arg(long)]
        body: String,
        name: String,
    },
    Rename {
        #[arg(long)]
        body: String,
        name: String,
        new_name: String,
    },
    Remove {
        #[arg(long)]
        body: String,
        name: String,
    },
}
