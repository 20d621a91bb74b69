//! Typed errors of the core. Every variant says what is wrong and how to fix it, in the user's
//! language (`Error::message`); `Display` gives the Norwegian text.

use crate::i18n::Lang;
use thiserror::Error;

pub type Result<T> = std::result::Result<T, Error>;

#[derive(Debug, Error)]
pub enum Error {
    #[error("{}", .0.message(Lang::Nb))]
    Invalid(Invalid),
    #[error("{}", message_not_found(Lang::Nb, .what, .key))]
    NotFound { what: Thing, key: String },
    #[error("{}", message_locked(Lang::Nb, .meeting))]
    Locked { meeting: String },
    #[error("{}", message_frozen(Lang::Nb, .meeting))]
    AgendaSent { meeting: String },
    #[error("{}", message_duplicate(Lang::Nb, .what, .key))]
    Duplicate { what: Thing, key: String },
    #[error("{}", message_newer(Lang::Nb, .found, .known))]
    NewerSchema { found: i64, known: i64 },
    #[error("{}", message_not_empty(Lang::Nb))]
    NotEmpty,
    /// The path given as the record is a folder.
    #[error("{}", message_folder(Lang::Nb, .path))]
    Folder { path: String },
    /// A write to an archive opened read-only.
    #[error("{}", message_read_only(Lang::Nb))]
    ReadOnly,
    /// An archive file from an older schema, which a read-only open cannot upgrade.
    #[error("{}", message_older_archive(Lang::Nb))]
    OlderArchive,
    /// An import refused: the table, row and rule it breaks (see `transfer::ImportProblem`).
    #[error("{}", .0.message(Lang::Nb))]
    BadImport(Box<crate::transfer::ImportProblem>),
    #[error("{}", message_state(Lang::Nb, .0))]
    State(StateProblem),
    /// A backup that could not be written or verified, or a restore that was refused.
    #[error("{}", .0.message(Lang::Nb))]
    Backup(BackupProblem),
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("migration: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{}", message_io(Lang::Nb, .path, .source))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Things the record holds, for "not found" and "duplicate" messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    Body,
    Person,
    Membership,
    Meeting,
    Case,
    CaseType,
    AgendaItem,
    Attendance,
    Innspill,
    ActionPoint,
    Attachment,
    Link,
    Party,
    OutsidePosition,
    CaseSubstitute,
    Disqualification,
    Proposal,
    Vote,
    SigningRound,
    Signature,
    Consultation,
    Question,
    Choice,
    QuestionPart,
    Category,
    Response,
    Answer,
    Heading,
    Handling,
}

impl Thing {
    pub fn name(self, lang: Lang) -> &'static str {
        use Thing::*;
        match (self, lang) {
            (Body, Lang::Nb) => "organet",
            (Body, Lang::En) => "body",
            (Person, Lang::Nb) => "personen",
            (Person, Lang::En) => "person",
            (Membership, Lang::Nb) => "medlemskapet",
            (Membership, Lang::En) => "membership",
            (Meeting, Lang::Nb) => "møtet",
            (Meeting, Lang::En) => "meeting",
            (Case, Lang::Nb) => "saken",
            (Case, Lang::En) => "case",
            (CaseType, Lang::Nb) => "sakstypen",
            (CaseType, Lang::En) => "case type",
            (AgendaItem, Lang::Nb) => "dagsordenpunktet",
            (AgendaItem, Lang::En) => "agenda item",
            (Attendance, Lang::Nb) => "oppmøteregistreringen",
            (Attendance, Lang::En) => "attendance entry",
            (Innspill, Lang::Nb) => "innspillet",
            (Innspill, Lang::En) => "input",
            (ActionPoint, Lang::Nb) => "aksjonspunktet",
            (ActionPoint, Lang::En) => "action point",
            (Party, Lang::Nb) => "partiet",
            (Party, Lang::En) => "group",
            (OutsidePosition, Lang::Nb) => "vervet",
            (OutsidePosition, Lang::En) => "outside position",
            (CaseSubstitute, Lang::Nb) => "varaen i saken",
            (CaseSubstitute, Lang::En) => "substitute in the case",
            (Disqualification, Lang::Nb) => "habilitetsspørsmålet",
            (Disqualification, Lang::En) => "impartiality question",
            (Proposal, Lang::Nb) => "forslaget",
            (Proposal, Lang::En) => "proposal",
            (Vote, Lang::Nb) => "voteringen",
            (Vote, Lang::En) => "vote",
            (SigningRound, Lang::Nb) => "signeringsrunden",
            (SigningRound, Lang::En) => "signing round",
            (Signature, Lang::Nb) => "signaturen",
            (Signature, Lang::En) => "signature",
            (Attachment, Lang::Nb) => "vedlegget",
            (Attachment, Lang::En) => "attachment",
            (Link, Lang::Nb) => "koblingen",
            (Link, Lang::En) => "link",
            (Consultation, Lang::Nb) => "høringen",
            (Consultation, Lang::En) => "consultation",
            (Question, Lang::Nb) => "spørsmålet",
            (Question, Lang::En) => "question",
            (Choice, Lang::Nb) => "svaralternativet",
            (Choice, Lang::En) => "choice",
            (QuestionPart, Lang::Nb) => "delspørsmålet",
            (QuestionPart, Lang::En) => "part of the question",
            (Category, Lang::Nb) => "kategorien",
            (Category, Lang::En) => "category",
            (Response, Lang::Nb) => "høringssvaret",
            (Response, Lang::En) => "consultation response",
            (Answer, Lang::Nb) => "svaret",
            (Answer, Lang::En) => "answer",
            (Heading, Lang::Nb) => "overskriften",
            (Heading, Lang::En) => "heading",
            (Handling, Lang::Nb) => "vurderingen av innspillet",
            (Handling, Lang::En) => "handling of the input",
        }
    }
}

/// A rejected value: which field, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub field: &'static str,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    TooLong {
        max: usize,
    },
    ControlChar,
    CaseNumber(String),
    MeetingNumber(String),
    Date(String),
    Time(String),
    EndBeforeStart,
    Choice {
        value: String,
        allowed: &'static [&'static str],
    },
    Range {
        min: i64,
        max: i64,
    },
    Other {
        nb: String,
        en: String,
    },
    /// A row of an imported spreadsheet (numbered as the spreadsheet shows it, the header
    /// being row 1) refused at one column, with what is wrong there.
    Row {
        row: usize,
        column: String,
        nb: String,
        en: String,
    },
}

impl Invalid {
    pub fn error(field: &'static str, problem: Problem) -> Error {
        Error::Invalid(Invalid { field, problem })
    }

    pub fn message(&self, lang: Lang) -> String {
        let f = field_label(self.field, lang);
        use Problem::*;
        match (&self.problem, lang) {
            (Empty, Lang::Nb) => format!("{f} kan ikke være tom. Fyll inn en verdi."),
            (Empty, Lang::En) => format!("{f} cannot be empty. Enter a value."),
            (TooLong { max }, Lang::Nb) => format!("{f} er for lang. Korte ned til høyst {max} tegn."),
            (TooLong { max }, Lang::En) => format!("{f} is too long. Shorten it to at most {max} characters."),
            (ControlChar, Lang::Nb) => format!("{f} inneholder kontrolltegn. Fjern dem og prøv igjen."),
            (ControlChar, Lang::En) => format!("{f} contains control characters. Remove them and try again."),
            (CaseNumber(v), Lang::Nb) => format!(
                "«{v}» er ikke et gyldig saksnummer. Skriv nummer/år med to sifre, for eksempel «32/25»."
            ),
            (CaseNumber(v), Lang::En) => format!(
                "\"{v}\" is not a valid case number. Write number/two-digit year, for example \"32/25\"."
            ),
            (MeetingNumber(v), Lang::Nb) => format!(
                "«{v}» er ikke et gyldig møtenummer. Skriv nummer/år med fire sifre, for eksempel «4/2025»."
            ),
            (MeetingNumber(v), Lang::En) => format!(
                "\"{v}\" is not a valid meeting number. Write number/four-digit year, for example \"4/2025\"."
            ),
            (Date(v), Lang::Nb) => format!("«{v}» er ikke en dato som finnes. Skriv ÅÅÅÅ-MM-DD, for eksempel 2025-12-11."),
            (Date(v), Lang::En) => format!("\"{v}\" is not a date that exists. Write YYYY-MM-DD, for example 2025-12-11."),
            (Time(v), Lang::Nb) => format!("«{v}» er ikke et gyldig klokkeslett. Skriv TT:MM, for eksempel 10:00."),
            (Time(v), Lang::En) => format!("\"{v}\" is not a valid time. Write HH:MM, for example 10:00."),
            (EndBeforeStart, Lang::Nb) => "Sluttidspunktet må være etter starttidspunktet.".to_string(),
            (EndBeforeStart, Lang::En) => "The end time must be after the start time.".to_string(),
            (Choice { value, allowed }, Lang::Nb) => {
                format!("«{value}» er ikke gyldig for {f}. Velg en av: {}.", allowed.join(", "))
            }
            (Choice { value, allowed }, Lang::En) => {
                format!("\"{value}\" is not valid for {f}. Choose one of: {}.", allowed.join(", "))
            }
            (Range { min, max }, Lang::Nb) => format!("{f} må være mellom {min} og {max}."),
            (Range { min, max }, Lang::En) => format!("{f} must be between {min} and {max}."),
            (Other { nb, .. }, Lang::Nb) => nb.clone(),
            (Other { en, .. }, Lang::En) => en.clone(),
            (Row { row, column, nb, .. }, Lang::Nb) => {
                format!("Rad {row}, kolonne «{column}»: {nb} Ingenting er importert.")
            }
            (Row { row, column, en, .. }, Lang::En) => {
                format!("Row {row}, column \"{column}\": {en} Nothing was imported.")
            }
        }
    }
}

/// Human names of the fields validated by the core.
pub fn field_label(field: &str, lang: Lang) -> String {
    let (nb, en) = match field {
        "name" => ("Navnet", "The name"),
        "short_name" => ("Kortnavnet", "The short name"),
        "title" => ("Tittelen", "The title"),
        "text" => ("Teksten", "The text"),
        "summary" => ("Sammendraget", "The summary"),
        "proposal" => ("Forslaget til vedtak", "The proposed decision"),
        "decision" => ("Vedtaket", "The decision"),
        "narrative" => ("Referatteksten", "The narrative"),
        "reason" => ("Begrunnelsen", "The reason"),
        "date" => ("Datoen", "The date"),
        "start" => ("Starttidspunktet", "The start time"),
        "end" => ("Sluttidspunktet", "The end time"),
        "duration" => ("Varigheten", "The duration"),
        "role" => ("Rollen", "The role"),
        "status" => ("Statusen", "The status"),
        "case_type" => ("Sakstypen", "The case type"),
        "label" => ("Vedleggsnummeret", "The attachment label"),
        "email" => ("E-postadressen", "The e-mail address"),
        "basis" => ("Hjemmelen", "The legal basis"),
        "kind" => ("Punkttypen", "The item kind"),
        "remote_link" => ("Lenken til videomøtet", "The video meeting link"),
        "place" => ("Møtestedet", "The place"),
        "organisation" => ("Organisasjonen", "The organisation"),
        "year" => ("Året", "The year"),
        "first_number" => ("Første saksnummer", "The first case number"),
        "respondent" => ("Høringsinstansen", "The respondent"),
        "category" => ("Kategorien", "The category"),
        "received" => ("Mottatt-datoen", "The date received"),
        "sent_date" => ("Sendt-datoen", "The date sent"),
        "deadline" => ("Høringsfristen", "The deadline"),
        "question" => ("Spørsmålet", "The question"),
        "choice" => ("Svaralternativet", "The choice"),
        "part" => ("Delspørsmålet", "The part of the question"),
        "answer" => ("Svaret", "The answer"),
        "heading" => ("Overskriften", "The heading"),
        "outcome" => ("Vurderingen", "The handling"),
        "passage" => ("Utdraget", "The passage"),
        "comment" => ("Kommentaren", "The comment"),
        "publishable" => ("Offentlig", "Publishable"),
        "description" => ("Beskrivelsen", "The description"),
        "mapping" => ("Koblingen av kolonner", "The column mapping"),
        "file" => ("Filen", "The file"),
        "term_from" => ("Startdatoen", "The start date"),
        "term_to" => ("Sluttdatoen", "The end date"),
        "quorum_percent" => (
            "Andelen som må være til stede",
            "The share that must be present",
        ),
        "method" => ("Voteringsmåten", "The way of voting"),
        "side" => ("Stemmen", "The vote"),
        "result" => ("Resultatet", "The result"),
        "votes_for" => ("Antall stemmer for", "The votes for"),
        "votes_against" => ("Antall stemmer mot", "The votes against"),
        "ballots" => ("Stemmene ved navneopprop", "The roll call's votes"),
        "groups" => ("Partienes stemmer", "The groups' votes"),
        "party" => ("Partiet", "The group"),
        "presence" => ("Endringen i frammøtet", "The change of attendance"),
        "verdict" => ("Svaret på signeringen", "The answer to the signing"),
        "signers" => ("De som skal signere", "The signers"),
        "sha256" => ("Sjekksummen (SHA-256)", "The checksum (SHA-256)"),
        other => (other, other),
    };
    lang.pick(nb, en).to_string()
}

/// Rule violations that are not about one field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateProblem {
    /// The agenda of a meeting dated before a sent agenda cannot take new numbered cases.
    NumberingConflict { meeting: String },
    /// Status changes must follow draft → agenda sent → held → minutes approved.
    StatusOrder {
        from: crate::vocab::MeetingStatus,
        to: crate::vocab::MeetingStatus,
    },
    /// A continuation must follow its case in the same meeting.
    ContinuationWithoutCase,
    /// Minutes must be approved by a case of a later meeting of the same body.
    ApprovalCase,
    /// The case approved a meeting's minutes: its decision cannot be removed, nor the case
    /// taken off its agenda.
    ApprovesMinutes { meeting: String },
    /// The body could not decide the case: too few of its members take part (kommuneloven
    /// § 11-9), and the secretariat has not confirmed recording a decision anyway.
    NotQuorate {
        case: String,
        present: u32,
        needed: u32,
        members: u32,
    },
    /// The minutes are out for signing: the record is locked until the round closes.
    SigningUnderway,
    /// Action point status changes on items that are not action points, etc.
    Other { nb: String, en: String },
}

fn message_state(lang: Lang, p: &StateProblem) -> String {
    use StateProblem::*;
    match (p, lang) {
        (NumberingConflict { meeting }, Lang::Nb) => format!(
            "Møte {meeting} ligger før et møte med sendt dagsorden samme år; nye saksnummer ville kollidert med frosne nummer. Legg saken på et senere møte."
        ),
        (NumberingConflict { meeting }, Lang::En) => format!(
            "Meeting {meeting} comes before a meeting whose agenda is sent in the same year; new case numbers would collide with frozen ones. Put the case on a later meeting."
        ),
        (StatusOrder { from, to }, Lang::Nb) => format!(
            "Møtestatus kan ikke gå fra «{}» til «{}». Rekkefølgen er utkast → dagsorden sendt → avholdt → referat godkjent.",
            from.label(lang),
            to.label(lang)
        ),
        (StatusOrder { from, to }, Lang::En) => format!(
            "A meeting cannot go from \"{}\" to \"{}\". The order is draft → agenda sent → held → minutes approved.",
            from.label(lang),
            to.label(lang)
        ),
        (ContinuationWithoutCase, Lang::Nb) => "En fortsettelse («forts.») må vise til en sak som står tidligere på dagsordenen i samme møte.".into(),
        (ContinuationWithoutCase, Lang::En) => "A continuation must refer to a case placed earlier on the same meeting's agenda.".into(),
        (ApprovalCase, Lang::Nb) => "Referatet må godkjennes i en sak i et senere møte i samme organ, og vedtaket i den saken må være registrert.".into(),
        (ApprovalCase, Lang::En) => "Minutes must be approved by a case of a later meeting of the same body, and that case's decision must be recorded.".into(),
        (ApprovesMinutes { meeting }, Lang::Nb) => format!("Referatet fra møte {meeting} er godkjent i denne saken. Vedtaket kan endres, men ikke fjernes, og saken kan ikke tas av dagsordenen."),
        (ApprovesMinutes { meeting }, Lang::En) => format!("The minutes of meeting {meeting} were approved by this case. Its decision can be reworded but not removed, and the case cannot be taken off the agenda."),
        (NotQuorate { case, present, needed, members }, Lang::Nb) => format!(
            "Organet er ikke vedtaksført i sak {case}: {present} av {members} medlemmer deltar, og minst {needed} må være til stede. Registrer oppmøtet, eller bekreft at vedtaket skal føres likevel (referatet viser da at møtet ikke var vedtaksført i saken)."
        ),
        (NotQuorate { case, present, needed, members }, Lang::En) => format!(
            "The body is not quorate in case {case}: {present} of {members} members take part, and at least {needed} must be present. Record the attendance, or confirm that the decision is to be recorded anyway (the minutes then say the meeting was not quorate in the case)."
        ),
        (SigningUnderway, Lang::Nb) => "Referatet er sendt til signering og er låst til alle har signert eller noen har avvist det.".into(),
        (SigningUnderway, Lang::En) => "The minutes are out for signing and locked until everyone has signed or someone has refused them.".into(),
        (Other { nb, .. }, Lang::Nb) => nb.clone(),
        (Other { en, .. }, Lang::En) => en.clone(),
    }
}

fn message_not_found(lang: Lang, what: &Thing, key: &str) -> String {
    match lang {
        Lang::Nb => format!(
            "Fant ikke {} «{key}». Sjekk stavemåten, eller list det som finnes.",
            what.name(lang)
        ),
        Lang::En => format!(
            "Could not find the {} \"{key}\". Check the spelling, or list what exists.",
            what.name(lang)
        ),
    }
}

fn message_locked(lang: Lang, meeting: &str) -> String {
    match lang {
        Lang::Nb => format!(
            "Referatet fra møte {meeting} er godkjent og låst. En endring må gjøres som en rettelse med begrunnelse."
        ),
        Lang::En => format!(
            "The minutes of meeting {meeting} are approved and locked. A change must be made as a correction with a reason."
        ),
    }
}

fn message_frozen(lang: Lang, meeting: &str) -> String {
    match lang {
        Lang::Nb => format!(
            "Dagsordenen for møte {meeting} er sendt, og saksnumrene er frosset. Saker kan ikke legges til, flyttes eller fjernes."
        ),
        Lang::En => format!(
            "The agenda of meeting {meeting} has been sent and its case numbers are frozen. Cases cannot be added, moved or removed."
        ),
    }
}

fn message_duplicate(lang: Lang, what: &Thing, key: &str) -> String {
    match lang {
        Lang::Nb => format!(
            "{} «{key}» finnes allerede. Velg et annet.",
            capitalise(what.name(lang))
        ),
        Lang::En => format!(
            "The {} \"{key}\" already exists. Choose another.",
            what.name(lang)
        ),
    }
}

fn message_newer(lang: Lang, found: &i64, known: &i64) -> String {
    match lang {
        Lang::Nb => format!(
            "Databasefilen er laget av en nyere versjon av Quorum (skjema {found}, denne versjonen kjenner {known}). Filen er ikke endret; oppdater Quorum for å åpne den."
        ),
        Lang::En => format!(
            "The database file was made by a newer version of Quorum (schema {found}, this version knows {known}). The file is unchanged; update Quorum to open it."
        ),
    }
}

fn message_not_empty(lang: Lang) -> String {
    lang.pick(
        "Databasen er ikke tom. Importer eller last demodata inn i en ny, tom fil (bruk --db NY-FIL).",
        "The database is not empty. Import or load the demo into a new, empty file (use --db NEW-FILE).",
    )
    .to_string()
}

fn message_read_only(lang: Lang) -> String {
    lang.pick(
        "Arkivet er åpnet skrivebeskyttet; ingenting kan endres.",
        "The archive is open read-only; nothing can be changed.",
    )
    .to_string()
}

fn message_older_archive(lang: Lang) -> String {
    lang.pick(
        "Arkivfilen er laget av en eldre versjon av Quorum og kan ikke åpnes skrivebeskyttet. Be sekretariatet lage en ny.",
        "The archive file was made by an older Quorum and cannot be opened read-only. Ask the secretariat for a new one.",
    )
    .to_string()
}

/// Another connection (the window, another command) held the write lock past the busy timeout.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

fn message_busy(lang: Lang) -> String {
    lang.pick(
        "Registeret ble holdt av et annet program (Quorum-vinduet eller en annen kommando) i mer enn 5 sekunder. Ingenting av denne endringen er lagret; prøv igjen om litt.",
        "The record was held by another program (the Quorum window or another command) for more than 5 seconds. Nothing of this change was saved; try again in a moment.",
    )
    .to_string()
}

/// Why SQLite could not read the file as a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Damage {
    NotADatabase,
    Corrupt,
}

fn damage(e: &rusqlite::Error) -> Option<Damage> {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => Some(Damage::NotADatabase),
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => Some(Damage::Corrupt),
        _ => None,
    }
}

fn message_damaged(lang: Lang, damage: Damage) -> String {
    match (damage, lang) {
        (Damage::NotADatabase, Lang::Nb) => "Filen er ikke en Quorum-registerfil (eller den er kryptert eller avkortet). Ingenting er endret. Velg riktig fil med --db, eller gjenopprett en sikkerhetskopi med «quorum restore».".into(),
        (Damage::NotADatabase, Lang::En) => "The file is not a Quorum record (or it is encrypted or truncated). Nothing was changed. Choose the right file with --db, or restore a backup with \"quorum restore\".".into(),
        (Damage::Corrupt, Lang::Nb) => "Registerfilen er skadet og kan ikke leses. Ingenting er endret. Gjenopprett den siste gode sikkerhetskopien: «quorum backup --list» viser dem, «quorum restore FIL» tar en tilbake.".into(),
        (Damage::Corrupt, Lang::En) => "The record file is damaged and cannot be read. Nothing was changed. Restore the latest good backup: \"quorum backup --list\" lists them, \"quorum restore FILE\" brings one back.".into(),
    }
}

fn message_folder(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Nb => format!("«{path}» er en mappe, ikke en registerfil. Oppgi filen, for eksempel «{path}/quorum.db»."),
        Lang::En => format!("\"{path}\" is a folder, not a record file. Give the file, for example \"{path}/quorum.db\"."),
    }
}

/// A file the system refused, in the user's words rather than the system's English ("No such
/// file or directory (os error 2)").
fn message_io(lang: Lang, path: &str, e: &std::io::Error) -> String {
    if let Some((nb, en)) = file_problem(path, e) {
        return lang.pick(&nb, &en).to_string();
    }
    match lang {
        Lang::Nb => format!("Kunne ikke bruke filen «{path}» (systemet svarte: {e})."),
        Lang::En => format!("Could not use the file \"{path}\" (the system said: {e})."),
    }
}

fn file_problem(path: &str, e: &std::io::Error) -> Option<(String, String)> {
    use std::io::ErrorKind::*;
    Some(match e.kind() {
        NotFound => (
            format!("Fant ikke filen eller mappen «{path}». Sjekk stien og filnavnet."),
            format!("Could not find the file or folder \"{path}\". Check the path and the file name."),
        ),
        PermissionDenied => (
            format!("Quorum har ikke tilgang til «{path}». Sjekk rettighetene, eller velg en annen fil."),
            format!("Quorum has no access to \"{path}\". Check the permissions, or choose another file."),
        ),
        IsADirectory => (
            format!("«{path}» er en mappe, ikke en fil. Oppgi en fil, for eksempel «{path}/fil»."),
            format!("\"{path}\" is a folder, not a file. Give a file, for example \"{path}/file\"."),
        ),
        NotADirectory => (
            format!("En del av stien «{path}» er en fil, ikke en mappe. Sjekk stien."),
            format!("Part of the path \"{path}\" is a file, not a folder. Check the path."),
        ),
        InvalidData => (
            format!("«{path}» er ikke UTF-8-tekst. Lagre den som UTF-8 og prøv igjen."),
            format!("\"{path}\" is not UTF-8 text. Save it as UTF-8 and try again."),
        ),
        StorageFull => (
            format!("Det er ikke plass på disken til «{path}». Frigjør plass og prøv igjen."),
            format!("There is no room on the disk for \"{path}\". Free some space and try again."),
        ),
        ReadOnlyFilesystem => (
            format!("«{path}» ligger på en disk som bare kan leses. Velg en annen mappe."),
            format!("\"{path}\" is on a read-only disk. Choose another folder."),
        ),
        _ => return None,
    })
}

/// What went wrong with a backup or a restore; the record itself is never left half-written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupProblem {
    /// The backup could not be written or failed its integrity check; the copy is removed.
    WriteFailed { path: String },
    /// A file offered for restore is not a sound backup of a record.
    NotABackup { path: String },
    /// The record could not be replaced by the backup; the record is unchanged.
    ReplaceFailed { path: String },
    /// The record is open in another program, so it cannot be replaced now.
    InUse { path: String },
    /// The backup's target or source is the open record itself.
    IsRecord { path: String },
}

impl BackupProblem {
    pub fn message(&self, lang: Lang) -> String {
        use BackupProblem::*;
        match self {
            WriteFailed { path } => message_backup_failed(lang, path),
            NotABackup { path } => message_bad_backup(lang, path),
            ReplaceFailed { path } => message_restore_failed(lang, path),
            InUse { path } => message_in_use(lang, path),
            IsRecord { path } => message_is_record(lang, path),
        }
    }

    /// The file the problem concerns.
    pub fn path(&self) -> &str {
        use BackupProblem::*;
        match self {
            WriteFailed { path }
            | NotABackup { path }
            | ReplaceFailed { path }
            | InUse { path }
            | IsRecord { path } => path,
        }
    }
}

fn message_is_record(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Nb => {
            format!("«{path}» er selve registerfilen. Velg en annen fil for sikkerhetskopien.")
        }
        Lang::En => {
            format!("\"{path}\" is the record file itself. Choose another file for the backup.")
        }
    }
}

fn message_backup_failed(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Nb => format!(
            "Sikkerhetskopien «{path}» kunne ikke skrives eller besto ikke kontrollen, og er fjernet. Registeret er ikke endret. Sjekk at mappen er skrivbar og at disken har ledig plass, og prøv igjen."
        ),
        Lang::En => format!(
            "The backup \"{path}\" could not be written or failed its check, and has been removed. The record is unchanged. Check that the folder is writable and the disk has free space, and try again."
        ),
    }
}

fn message_bad_backup(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Nb => format!(
            "«{path}» er ikke en gyldig sikkerhetskopi av et Quorum-register: filen er skadet eller av feil type. Ingenting er gjenopprettet, og registeret er ikke endret. Velg en annen sikkerhetskopi."
        ),
        Lang::En => format!(
            "\"{path}\" is not a sound backup of a Quorum record: the file is damaged or of the wrong kind. Nothing was restored and the record is unchanged. Choose another backup."
        ),
    }
}

fn message_restore_failed(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Nb => format!(
            "Registeret kunne ikke erstattes med sikkerhetskopien «{path}». Registerfilen er ikke endret. Sjekk at mappen er skrivbar og at disken har ledig plass, og prøv igjen."
        ),
        Lang::En => format!(
            "The record could not be replaced by the backup \"{path}\". The record file is unchanged. Check that the folder is writable and the disk has free space, and try again."
        ),
    }
}

fn message_in_use(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Nb => format!(
            "Registeret «{path}» er åpent i et annet program (for eksempel Quorum-vinduet). Lukk det og prøv igjen; ingenting er endret."
        ),
        Lang::En => format!(
            "The record \"{path}\" is open in another program (for example the Quorum window). Close it and try again; nothing was changed."
        ),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

impl Error {
    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Error::Invalid(i) => i.message(lang),
            Error::NotFound { what, key } => message_not_found(lang, what, key),
            Error::Locked { meeting } => message_locked(lang, meeting),
            Error::AgendaSent { meeting } => message_frozen(lang, meeting),
            Error::Duplicate { what, key } => message_duplicate(lang, what, key),
            Error::NewerSchema { found, known } => message_newer(lang, found, known),
            Error::NotEmpty => message_not_empty(lang),
            Error::ReadOnly => message_read_only(lang),
            Error::OlderArchive => message_older_archive(lang),
            Error::BadImport(p) => p.message(lang),
            Error::State(p) => message_state(lang, p),
            Error::Io { path, source } => message_io(lang, path, source),
            Error::Backup(p) => p.message(lang),
            Error::Folder { path } => message_folder(lang, path),
            Error::Db(e) if is_busy(e) => message_busy(lang),
            Error::Db(e) => match damage(e) {
                Some(damage) => message_damaged(lang, damage),
                None => match lang {
                    Lang::Nb => format!("Databasefeil: {e}"),
                    Lang::En => format!("Database error: {e}"),
                },
            },
            Error::Migration(e) => match lang {
                Lang::Nb => format!("Databasen kunne ikke oppgraderes: {e}"),
                Lang::En => format!("The database could not be upgraded: {e}"),
            },
        }
    }

    /// The file is not a record Quorum can read (not a database, or damaged): the way out is
    /// another file or a backup, not other input.
    pub fn is_unreadable_file(&self) -> bool {
        match self {
            Error::Db(e) => damage(e).is_some(),
            Error::Folder { .. } => true,
            _ => false,
        }
    }

    /// The write waited for another program's lock and gave up; nothing of it was stored.
    pub fn is_busy(&self) -> bool {
        matches!(self, Error::Db(e) if is_busy(e))
    }

    /// The field a validation error concerns, so a window can show it beside that field.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid(i) => Some(i.field),
            _ => None,
        }
    }

    pub fn other(field: &'static str, nb: impl Into<String>, en: impl Into<String>) -> Error {
        Invalid::error(
            field,
            Problem::Other {
                nb: nb.into(),
                en: en.into(),
            },
        )
    }
}
