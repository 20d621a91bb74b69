//! Why an import was refused: where in the file (table, 1-based row, the row's id, the field) and
//! which rule, each rule with a sentence in bokmål and in English that says what is wrong and how
//! to fix it. Nothing of SQLite's or serde's own text reaches the user.

use crate::error::{field_label, Invalid, Problem};
use crate::i18n::Lang;

/// A refused import. `table`, `row` and `id` are None where the problem is the file as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    pub table: Option<String>,
    /// 1-based position of the row in its table's list in the file.
    pub row: Option<usize>,
    pub id: Option<String>,
    pub column: Option<String>,
    pub rule: ImportRule,
}

/// The rules an imported file must satisfy: its shape, each field (the same checks as typed
/// input), and the council's rules across rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportRule {
    // The file as a whole.
    NotUtf8,
    NotJson {
        line: usize,
        column: usize,
    },
    Truncated {
        line: usize,
    },
    /// An object names the same key twice.
    DuplicateKey {
        line: usize,
        column: usize,
    },
    NotAnObject,
    WrongFormat,
    MissingVersion,
    UnsupportedVersion {
        found: String,
    },
    MissingTables,
    UnknownTable,
    NotAList,
    // The shape of a row.
    RowNotAnObject,
    UnknownColumn,
    /// A value of the wrong kind for the column (text, whole number, file content).
    WrongType {
        expected: ValueKind,
    },
    BadBase64,
    /// A required value is missing or null.
    Missing,
    /// One field, checked as typed input is; `field` names it as typed-input messages do.
    Value {
        field: &'static str,
        problem: Problem,
    },
    /// Text not in the form Quorum stores it (spaces at the ends, "\r\n" line breaks).
    NotNormalised,
    /// An id: non-empty, at most 100 characters, no spaces or control characters.
    BadId,
    /// An audit timestamp that is not "YYYY-MM-DDTHH:MM:SSZ".
    Timestamp {
        value: String,
    },
    // References and uniqueness.
    UnknownReference {
        target: String,
    },
    Duplicate {
        columns: Vec<String>,
        first_row: usize,
    },
    // The council's rules.
    NoFirstName,
    CaseTypeOfOtherBody,
    CaseOfOtherBody,
    CaseYear {
        meeting: String,
    },
    CaseNumberOrder {
        expected: String,
        found: Option<String>,
        meeting: String,
    },
    UnplacedNumbered,
    ExemptBasis,
    ContinuationElsewhere,
    ContinuationBeforeCase,
    KindFields,
    CurrentItemElsewhere,
    NoPlace,
    ApprovedWithoutCase,
    ApprovalCase,
    NotApprovedButApprovedBy,
    Positions {
        parent: String,
    },
    SelfReference,
    SubstituteFor,
    DueTwice,
    CancelledWithoutNote,
    LinkFields,
    // Groups, votes, attendance through the meeting, impartiality and signing (schema 5).
    PartyOfOtherBody,
    ProposerMissing,
    VoteProposalElsewhere,
    /// Group sides on a roll call, or ballots on a vote not by name.
    VoteSidesMethod,
    /// A named vote's counts are not its ballots', or a unanimous vote has votes against.
    VoteCounts,
    /// The result contradicts the counts (a tie alone leaves it to the chair).
    VoteResultCounts,
    PresenceItemElsewhere,
    DisqualifiedWithoutBasis,
    VotesPaired,
    SigningHash,
    SignatureHash,
    RefusalWithoutComment,
    SignerNotChosen,
    /// closed_at and outcome together; an open round only of a held meeting, one at a time.
    RoundState,
    /// A signed round's meeting is approved by it, not also by a case of a later meeting.
    SignedApproval,
    // Sealed minutes.
    SealOfUnapproved,
    SealElsewhere,
    // The audit log.
    AuditMeetingNotApproved,
    AuditEntityUnknown,
    AuditEntityElsewhere,
    AuditBeforeMeeting,
    AuditSnapshot,
    AuditEmpty,
    /// The record refused the row for a reason the rules above do not name.
    Rejected,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Text,
    Integer,
    Blob,
}

impl ValueKind {
    fn name(self, lang: Lang) -> &'static str {
        match self {
            ValueKind::Text => lang.pick("tekst", "text"),
            ValueKind::Integer => lang.pick("et heltall", "a whole number"),
            ValueKind::Blob => lang.pick(
                "filinnhold ({\"base64\": …})",
                "file content ({\"base64\": …})",
            ),
        }
    }
}

impl ImportProblem {
    /// A problem of the file as a whole.
    pub fn file(rule: ImportRule) -> ImportProblem {
        ImportProblem {
            table: None,
            row: None,
            id: None,
            column: None,
            rule,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let rule = self.rule.message(lang);
        let Some(table) = &self.table else {
            return match lang {
                Lang::Nb => format!("Importfilen kan ikke leses: {rule} Ingenting er importert; bruk en fil laget med «quorum export»."),
                Lang::En => format!("The import file cannot be read: {rule} Nothing was imported; use a file made by \"quorum export\"."),
            };
        };
        let mut place = match lang {
            Lang::Nb => format!("tabellen «{table}»"),
            Lang::En => format!("table \"{table}\""),
        };
        if let Some(row) = self.row {
            place += &match lang {
                Lang::Nb => format!(", rad {row}"),
                Lang::En => format!(", row {row}"),
            };
        }
        if let Some(id) = &self.id {
            place += &match lang {
                Lang::Nb => format!(" (id «{id}»)"),
                Lang::En => format!(" (id \"{id}\")"),
            };
        }
        if let Some(column) = &self.column {
            place += &match lang {
                Lang::Nb => format!(", feltet «{column}»"),
                Lang::En => format!(", field \"{column}\""),
            };
        }
        match lang {
            Lang::Nb => format!("Importfilen ble avvist i {place}: {rule} Ingenting er importert; rett filen eller bruk en fil laget med «quorum export»."),
            Lang::En => format!("The import file was refused at {place}: {rule} Nothing was imported; fix the file or use one made by \"quorum export\"."),
        }
    }
}

impl ImportRule {
    /// One or two sentences: what is wrong, and how to fix it.
    pub fn message(&self, lang: Lang) -> String {
        use ImportRule::*;
        let nb = lang == Lang::Nb;
        let s = |n: &str, e: &str| if nb { n.to_string() } else { e.to_string() };
        match self {
            NotUtf8 => s("Filen er ikke UTF-8-tekst.", "The file is not UTF-8 text."),
            NotJson { line, column } => if nb {
                format!("Filen er ikke gyldig JSON (linje {line}, kolonne {column}).")
            } else {
                format!("The file is not valid JSON (line {line}, column {column}).")
            },
            Truncated { line } => if nb {
                format!("Filen slutter for tidlig (linje {line}); den kan være avkortet.")
            } else {
                format!("The file ends too early (line {line}); it may be truncated.")
            },
            DuplicateKey { line, column } => if nb {
                format!("Et JSON-objekt i filen har samme nøkkel to ganger (linje {line}, kolonne {column}); da er det uklart hva filen inneholder. Fjern den ene.")
            } else {
                format!("A JSON object in the file has the same key twice (line {line}, column {column}), so what the file holds is unclear. Remove one of them.")
            },
            NotAnObject => s("Filen er ikke et JSON-objekt.", "The file is not a JSON object."),
            WrongFormat => s("«format» er ikke «quorum-record».", "\"format\" is not \"quorum-record\"."),
            MissingVersion => s("«version» mangler.", "\"version\" is missing."),
            UnsupportedVersion { found } => if nb {
                format!("Formatversjon {found} støttes ikke (denne Quorum leser {}).", super::FORMAT_VERSION)
            } else {
                format!("Format version {found} is not supported (this Quorum reads {}).", super::FORMAT_VERSION)
            },
            MissingTables => s("«tables» mangler.", "\"tables\" is missing."),
            UnknownTable => s("Quorum kjenner ikke denne tabellen. Fjern den fra filen.", "Quorum does not know this table. Remove it from the file."),
            NotAList => s("Tabellen er ikke en liste av rader.", "The table is not a list of rows."),
            RowNotAnObject => s("Raden er ikke et JSON-objekt.", "The row is not a JSON object."),
            UnknownColumn => s("Tabellen har ikke dette feltet. Fjern det fra raden.", "The table has no such field. Remove it from the row."),
            WrongType { expected } => if nb {
                format!("Verdien skal være {}.", expected.name(lang))
            } else {
                format!("The value must be {}.", expected.name(lang))
            },
            BadBase64 => s("Filinnholdet er ikke gyldig base64.", "The file content is not valid base64."),
            Missing => s("Feltet må ha en verdi.", "The field must have a value."),
            Value { field, problem } => field_message(field, problem, lang),
            NotNormalised => s(
                "Teksten har mellomrom først eller sist, eller Windows-linjeskift, og er ikke lagret slik Quorum lagrer tekst. Fjern dem.",
                "The text has spaces at its start or end, or Windows line breaks, so it is not stored as Quorum stores text. Remove them.",
            ),
            BadId => s(
                "En id må være 1–100 tegn uten mellomrom eller kontrolltegn.",
                "An id must be 1–100 characters without spaces or control characters.",
            ),
            Timestamp { value } => if nb {
                format!("«{value}» er ikke et tidspunkt som finnes. Skriv ÅÅÅÅ-MM-DDTTT:MM:SSZ, for eksempel 2025-12-11T10:00:00Z.")
            } else {
                format!("\"{value}\" is not a moment that exists. Write YYYY-MM-DDTHH:MM:SSZ, for example 2025-12-11T10:00:00Z.")
            },
            UnknownReference { target } => if nb {
                format!("Raden viser til en rad i «{target}» som ikke finnes i filen. Ta med raden, eller rett henvisningen.")
            } else {
                format!("The row refers to a row of \"{target}\" that is not in the file. Include that row, or fix the reference.")
            },
            Duplicate { columns, first_row } => {
                let cols = columns.join(", ");
                if nb {
                    format!("Verdien av ({cols}) finnes allerede i rad {first_row}; den må være unik. Fjern eller rett en av radene.")
                } else {
                    format!("The value of ({cols}) is already in row {first_row}; it must be unique. Remove or fix one of the rows.")
                }
            }
            NoFirstName => s(
                "Organet har ikke noe navn som gjelder fra begynnelsen (valid_from 1900-01-01). Gi det et første navn i «body_name».",
                "The body has no name valid from the beginning (valid_from 1900-01-01). Give it a first name in \"body_name\".",
            ),
            CaseTypeOfOtherBody => s(
                "Sakstypen hører til et annet organ enn saken. Velg en sakstype fra sakens organ.",
                "The case type belongs to another body than the case. Choose a case type of the case's body.",
            ),
            CaseOfOtherBody => s(
                "Saken på dette dagsordenpunktet hører til et annet organ enn møtet. En sak kan bare stå på dagsordenen til sitt eget organ.",
                "The case on this agenda item belongs to another body than the meeting. A case can only be on its own body's agenda.",
            ),
            CaseYear { meeting } => if nb {
                format!("Saken står på dagsordenen til møte {meeting}, men har et annet år. Sakens år må være møtets år.")
            } else {
                format!("The case is on the agenda of meeting {meeting} but has another year. A case's year must be its meeting's year.")
            },
            CaseNumberOrder { expected, found, meeting } => {
                let found_nb = found.clone().unwrap_or_else(|| "ingen".into());
                let found_en = found.clone().unwrap_or_else(|| "none".into());
                if nb {
                    format!("Saksnumrene følger ikke dagsordenens rekkefølge: saken i møte {meeting} skulle hatt nummer {expected}, men har {found_nb}. Sakene nummereres fortløpende per organ og år i dagsordenens rekkefølge, fra første nummer i nummerserien.")
                } else {
                    format!("The case numbers do not follow the agenda order: the case in meeting {meeting} should be number {expected}, but is {found_en}. Cases are numbered consecutively per body and year in agenda order, from the number series' first number.")
                }
            }
            UnplacedNumbered => s(
                "Saken har et saksnummer, men står ikke på noen dagsorden. Bare saker på en dagsorden har nummer; fjern nummeret.",
                "The case has a case number but is on no agenda. Only cases on an agenda are numbered; remove the number.",
            ),
            ExemptBasis => s(
                "En sak unntatt offentlighet må ha en hjemmel, og en sak som ikke er unntatt skal ikke ha det.",
                "A case exempt from public disclosure needs a legal basis, and a case that is not exempt has none.",
            ),
            ContinuationElsewhere => s(
                "Fortsettelsen viser til en sak som ikke står på dagsordenen til samme møte. En fortsettelse («forts.») må gjelde en sak i eget møte.",
                "The continuation refers to a case that is not on the same meeting's agenda. A continuation must continue a case of its own meeting.",
            ),
            ContinuationBeforeCase => s(
                "Fortsettelsen står før saken den fortsetter. Flytt den etter saken.",
                "The continuation comes before the case it continues. Move it after the case.",
            ),
            KindFields => s(
                "Punkttypen passer ikke med feltene: et sakspunkt må ha case_id, en fortsettelse continues_case_id, og andre punkter ingen av dem.",
                "The item kind does not match its fields: a case item needs case_id, a continuation continues_case_id, and other items neither.",
            ),
            PartyOfOtherBody => s(
                "Partiet hører til et annet organ enn raden. Velg et av organets egne partier.",
                "The group belongs to another body than the row. Choose one of the body's own groups.",
            ),
            ProposerMissing => s(
                "Et forslag må ha hvem som fremmet det: et parti (party_id), et medlem (person_id) eller begge.",
                "A proposal must say who put it: a group (party_id), a member (person_id) or both.",
            ),
            VoteProposalElsewhere => s(
                "Voteringen gjelder et forslag fremmet i en annen sak. Et forslag kan bare stemmes over i sin egen sak.",
                "The vote is on a proposal put in another case. A proposal can only be voted on in its own case.",
            ),
            VoteSidesMethod => s(
                "Ved navneopprop føres hver enkelts stemme, ikke partienes, og hver enkelts stemme føres bare ved navneopprop. Fjern raden eller rett voteringens metode.",
                "A roll call records each member's ballot, not the groups' sides, and ballots belong only to roll calls. Remove the row or fix the vote's method.",
            ),
            VoteCounts => s(
                "Stemmetallene stemmer ikke med voteringen: ved navneopprop er de summen av stemmesedlene, og en enstemmig votering har ingen stemmer mot eller blanke.",
                "The counts do not fit the vote: in a roll call they are the sum of the ballots, and a unanimous vote has no votes against or blank.",
            ),
            VoteResultCounts => s(
                "Resultatet stemmer ikke med stemmetallene: flere for gir «vedtatt», flere mot gir «falt». Bare ved stemmelikhet avgjør møteleder.",
                "The result does not fit the counts: more for means adopted, more against means rejected. Only a tie is decided by the chair.",
            ),
            PresenceItemElsewhere => s(
                "Endringen i oppmøtet viser til et punkt på et annet møtes dagsorden. Velg et punkt i samme møte.",
                "The change of attendance refers to an item of another meeting's agenda. Choose an item of the same meeting.",
            ),
            DisqualifiedWithoutBasis => s(
                "Et medlem erklært inhabilt må ha hjemmelen for det (for eksempel «fvl. § 6 første ledd bokstav a»).",
                "A member declared disqualified needs its legal basis (for example \"fvl. § 6 første ledd bokstav a\").",
            ),
            VotesPaired => s(
                "Stemmetallene for og mot hører sammen: oppgi begge, eller ingen av dem når vedtaket var enstemmig.",
                "The votes for and against go together: give both, or neither where the decision was unanimous.",
            ),
            SigningHash => s(
                "Sjekksummen (sha256) er ikke SHA-256 av PDF-en som ble sendt til signering. Filen kan være endret; bruk en fil laget med «quorum export».",
                "The checksum (sha256) is not the SHA-256 of the PDF sent for signing. The file may have been altered; use one made by \"quorum export\".",
            ),
            SignatureHash => s(
                "Signaturens sjekksum er ikke sjekksummen til referatet som ble sendt i runden. En signatur gjelder alltid dokumentet som ble sendt.",
                "The signature's checksum is not the checksum of the minutes sent in its round. A signature always concerns the document sent.",
            ),
            RefusalWithoutComment => s(
                "Et avvist referat må ha en kommentar om hvorfor. Skriv den i comment.",
                "Minutes refused need a comment saying why. Write it in comment.",
            ),
            SignerNotChosen => s(
                "Signaturen er fra en person som ikke er valgt til å signere møtets referat. Legg personen til i minutes_signer eller fjern signaturen.",
                "The signature is by someone not chosen to sign the meeting's minutes. Add them to minutes_signer or remove the signature.",
            ),
            RoundState => s(
                "Signeringsrunden passer ikke: en lukket runde har både closed_at og outcome, en åpen ingen av dem; bare et avholdt møte kan ha en åpen runde, og bare én om gangen.",
                "The signing round does not fit: a closed round has both closed_at and outcome, an open one neither; only a held meeting can have an open round, and only one at a time.",
            ),
            SignedApproval => s(
                "Et referat som er signert, er godkjent ved signaturene: møtet skal ha status «referat godkjent» og ingen godkjenningssak (approved_by_case_id).",
                "Minutes that were signed are approved by the signatures: the meeting must have status \"minutes approved\" and no approving case (approved_by_case_id).",
            ),
            SealOfUnapproved => s(
                "Et møte har forseglet referat uten at referatet er godkjent. Fjern forseglingen eller bruk en eksport der møtet er godkjent.",
                "A meeting has sealed minutes but its minutes are not approved. Remove the seal or use an export in which the meeting is approved.",
            ),
            SealElsewhere => s(
                "Forseglingen gjelder et aksjonspunkt fra et annet møte. Bruk en eksport laget med «quorum export».",
                "The seal names an action point of another meeting. Use an export made by \"quorum export\".",
            ),
            CurrentItemElsewhere => s(
                "Møtets gjeldende punkt er ikke et punkt på møtets egen dagsorden. Fjern det eller velg et av møtets punkter.",
                "The meeting's current item is not an item of its own agenda. Remove it or choose one of its items.",
            ),
            NoPlace => s(
                "Møtet har verken møtested eller er markert som videomøte. Oppgi et sted eller marker det som videomøte.",
                "The meeting has no place and is not marked as remote. Give a place or mark it as remote.",
            ),
            ApprovedWithoutCase => s(
                "Møtet har status «referat godkjent», men verken en sak som godkjente referatet eller en signeringsrunde der alle signerte. Oppgi saken (approved_by_case_id).",
                "The meeting has status \"minutes approved\" but neither a case that approved its minutes nor a signing round that everyone signed. Give the case (approved_by_case_id).",
            ),
            ApprovalCase => s(
                "Referatet må være godkjent i en sak i et senere møte i samme organ, og vedtaket i den saken må være registrert.",
                "The minutes must be approved by a case of a later meeting of the same body, and that case's decision must be recorded.",
            ),
            NotApprovedButApprovedBy => s(
                "Møtet har en godkjenningssak, men status er ikke «referat godkjent». Fjern saken eller rett statusen.",
                "The meeting has an approving case but its status is not \"minutes approved\". Remove the case or fix the status.",
            ),
            Positions { parent } => if nb {
                format!("Plasseringene (position) under samme «{parent}» må være 0, 1, 2, … uten hull eller gjentakelser. Nummerer dem på nytt.")
            } else {
                format!("The positions under the same \"{parent}\" must be 0, 1, 2, … without gaps or repeats. Number them again.")
            },
            SelfReference => s(
                "Raden viser til seg selv eller til samme person to ganger (stedfortreder for seg selv, kobling til samme sak). Velg en annen.",
                "The row refers to itself or to the same person twice (one's own substitute, a link to the same case). Choose another.",
            ),
            SubstituteFor => s(
                "Status «vara» og «substitute_for» hører sammen: en stedfortreder må ha noen å stille for, og bare en stedfortreder har det.",
                "Status \"substitute\" and \"substitute_for\" go together: a substitute stands in for someone, and only a substitute does.",
            ),
            DueTwice => s(
                "Aksjonspunktet har både en frist-dato og «til neste møte». Velg én av dem.",
                "The action point has both a due date and \"by the next meeting\". Choose one.",
            ),
            CancelledWithoutNote => s(
                "Et avbrutt aksjonspunkt må ha en merknad om hvorfor. Skriv den i status_note.",
                "A cancelled action point needs a note saying why. Write it in status_note.",
            ),
            LinkFields => s(
                "En kobling er enten til en sak i registeret (target_case_id, ingen ref_-felt) eller en henvisning utenfor (ref_number, ingen target_case_id).",
                "A link is either to a case in the record (target_case_id, no ref_ fields) or a reference outside it (ref_number, no target_case_id).",
            ),
            AuditMeetingNotApproved => s(
                "Endringsloggen har en rettelse for et møte der referatet ikke er godkjent. Rettelser finnes bare for godkjente referater; fjern raden.",
                "The audit log has a correction of a meeting whose minutes are not approved. Corrections exist only for approved minutes; remove the row.",
            ),
            AuditEntityUnknown => s(
                "Endringsloggen viser til en rad som verken finnes i filen eller er fjernet ved en rettelse i loggen. Fjern raden.",
                "The audit log refers to a row that is neither in the file nor removed by a correction in the log. Remove the row.",
            ),
            AuditEntityElsewhere => s(
                "Endringsloggen viser til en rad som hører til et annet møte enn rettelsens møte. Fjern raden eller rett møtet.",
                "The audit log refers to a row of another meeting than the correction's meeting. Remove the row or fix the meeting.",
            ),
            AuditBeforeMeeting => s(
                "Rettelsen er datert før møtet ble holdt. Et referat kan bare rettes etter møtet; rett tidspunktet.",
                "The correction is dated before the meeting was held. Minutes can only be corrected after the meeting; fix the time.",
            ),
            AuditSnapshot => s(
                "«before» og «after» må være raden som JSON-objekt med feltene til tabellen i «entity» og id lik entity_id.",
                "\"before\" and \"after\" must be the row as a JSON object with the fields of the table in \"entity\" and an id equal to entity_id.",
            ),
            AuditEmpty => s(
                "En rettelse må ha raden før eller etter endringen (before eller after).",
                "A correction needs the row before or after the change (before or after).",
            ),
            Rejected => s(
                "Registeret godtar ikke raden slik den er. Sammenlign den med en fil laget med «quorum export».",
                "The record does not accept the row as it is. Compare it with a file made by \"quorum export\".",
            ),
        }
    }
}

/// The typed-input message for `field`; a field only an import names (typed input labels the
/// fields of its own forms) gets its label here, so no column name stands in a sentence.
fn field_message(field: &'static str, problem: &Problem, lang: Lang) -> String {
    let message = Invalid {
        field,
        problem: problem.clone(),
    }
    .message(lang);
    match import_label(field) {
        Some((nb, en)) if field_label(field, lang) == field => {
            message.replacen(field, lang.pick(nb, en), 1)
        }
        _ => message,
    }
}

fn import_label(field: &str) -> Option<(&'static str, &'static str)> {
    Some(match field {
        "secretariat" => ("Sekretariatet", "The secretariat"),
        "place" => ("Møtestedet", "The place"),
        "language" => ("Språket", "The language"),
        "organisation" => ("Organisasjonen", "The organisation"),
        "term_from" => ("Starten på funksjonstiden", "The start of the term"),
        "term_to" => ("Slutten på funksjonstiden", "The end of the term"),
        "position" => ("Plasseringen", "The position"),
        "year" => ("Året", "The year"),
        "first_number" => ("Første saksnummer", "The first case number"),
        "number" => ("Nummeret", "The number"),
        "extraordinary" => ("Merket for ekstramøte", "The extraordinary flag"),
        "remote" => ("Merket for videomøte", "The remote flag"),
        "remote_link" => ("Møtelenken", "The meeting link"),
        "no_memo" => ("Merket for «ingen toppnotat»", "The no-memo flag"),
        "purpose" => ("Hensikten med saken", "The purpose"),
        "background" => ("Bakgrunnen", "The background"),
        "questions" => ("Spørsmålene til drøfting", "The questions for discussion"),
        "process" => ("Den videre saksprosessen", "The further process"),
        "owner" => ("Sakseieren", "The case owner"),
        "officer" => ("Saksbehandleren", "The case officer"),
        "exempt" => ("Merket for unntak fra offentlighet", "The exemption flag"),
        "guest" => ("Gjesten", "The guest"),
        "file_name" => ("Filnavnet", "The file name"),
        "media_type" => ("Filtypen", "The media type"),
        "responsible" => ("Den ansvarlige", "The person responsible"),
        "due" => ("Fristen", "The due date"),
        "due_next_meeting" => ("Merket for «til neste møte»", "The next-meeting flag"),
        "note" => ("Merknaden", "The note"),
        "entity" => ("Endringens radtype", "The entity"),
        "body" => ("Organet", "The body"),
        "quorum_percent" => ("Kravet til vedtaksførhet", "The quorum rule"),
        "signed_minutes" => ("Merket for signert referat", "The signed-minutes flag"),
        "without_quorum" => (
            "Merket for vedtak uten vedtaksførhet",
            "The without-quorum flag",
        ),
        "since" => ("Fra-datoen", "The start date"),
        "until" => ("Til-datoen", "The end date"),
        "outcome" => ("Utfallet", "The outcome"),
        "votes_for" => ("Antall stemmer for", "The votes for"),
        "votes_against" => ("Antall stemmer mot", "The votes against"),
        "votes_blank" => ("Antall blanke stemmer", "The blank votes"),
        "method" => ("Voteringsmåten", "The voting method"),
        "result" => ("Resultatet", "The result"),
        "side" => ("Stemmen", "The side"),
        "sent_at" => ("Sendetidspunktet", "The time sent"),
        "closed_at" => ("Tidspunktet runden ble lukket", "The time closed"),
        "verdict" => ("Svaret", "The verdict"),
        "comment" => ("Kommentaren", "The comment"),
        "sha256" => ("Sjekksummen", "The checksum"),
        "file" => ("Filen", "The file"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule once, with sample data.
    fn every_rule() -> Vec<ImportRule> {
        use ImportRule::*;
        let mut rules = vec![
            NotUtf8,
            NotJson { line: 1, column: 2 },
            Truncated { line: 3 },
            DuplicateKey { line: 1, column: 9 },
            NotAnObject,
            WrongFormat,
            MissingVersion,
            UnsupportedVersion { found: "2".into() },
            MissingTables,
            UnknownTable,
            NotAList,
            RowNotAnObject,
            UnknownColumn,
            BadBase64,
            Missing,
            NotNormalised,
            BadId,
            Timestamp { value: "x".into() },
            UnknownReference {
                target: "meeting".into(),
            },
            Duplicate {
                columns: vec!["id".into()],
                first_row: 1,
            },
            NoFirstName,
            CaseTypeOfOtherBody,
            CaseOfOtherBody,
            CaseYear {
                meeting: "4/2025".into(),
            },
            CaseNumberOrder {
                expected: "30/25".into(),
                found: None,
                meeting: "4/2025".into(),
            },
            UnplacedNumbered,
            ExemptBasis,
            ContinuationElsewhere,
            ContinuationBeforeCase,
            KindFields,
            CurrentItemElsewhere,
            NoPlace,
            ApprovedWithoutCase,
            ApprovalCase,
            NotApprovedButApprovedBy,
            Positions {
                parent: "item_id".into(),
            },
            SelfReference,
            SubstituteFor,
            DueTwice,
            CancelledWithoutNote,
            LinkFields,
            PartyOfOtherBody,
            ProposerMissing,
            VoteProposalElsewhere,
            VoteSidesMethod,
            VoteCounts,
            VoteResultCounts,
            PresenceItemElsewhere,
            DisqualifiedWithoutBasis,
            VotesPaired,
            SigningHash,
            SignatureHash,
            RefusalWithoutComment,
            SignerNotChosen,
            RoundState,
            SignedApproval,
            SealOfUnapproved,
            SealElsewhere,
            AuditMeetingNotApproved,
            AuditEntityUnknown,
            AuditEntityElsewhere,
            AuditBeforeMeeting,
            AuditSnapshot,
            AuditEmpty,
            Rejected,
        ];
        for expected in [ValueKind::Text, ValueKind::Integer, ValueKind::Blob] {
            rules.push(WrongType { expected });
        }
        for field in [
            "year",
            "place",
            "secretariat",
            "term_to",
            "position",
            "remote",
            "note",
        ] {
            for problem in [
                Problem::Empty,
                Problem::TooLong { max: 500 },
                Problem::ControlChar,
                Problem::Range { min: 0, max: 1 },
                Problem::Choice {
                    value: "x".into(),
                    allowed: &["a", "b"],
                },
            ] {
                rules.push(Value { field, problem });
            }
        }
        rules
    }

    #[test]
    fn every_rule_says_what_is_wrong_in_each_language_without_english_in_bokmal() {
        for rule in every_rule() {
            let (nb, en) = (rule.message(Lang::Nb), rule.message(Lang::En));
            assert_ne!(nb, en, "{rule:?}");
            assert!(
                nb.ends_with('.') && en.ends_with('.'),
                "{rule:?}: {nb} / {en}"
            );
            let words = [
                " the ", "The ", " is ", " must ", " field", " row", " value", "Remove", " not ",
            ];
            for w in words {
                assert!(!nb.contains(w), "{rule:?}: English {w:?} in {nb}");
            }
            for w in [" og ", " er ", " ikke ", " må "] {
                assert!(!en.contains(w), "{rule:?}: bokmål {w:?} in {en}");
            }
            // The whole message names the place.
            let p = ImportProblem {
                table: Some("meeting".into()),
                row: Some(2),
                id: Some("m".into()),
                column: Some("date".into()),
                rule: rule.clone(),
            };
            assert!(p
                .message(Lang::Nb)
                .contains("tabellen «meeting», rad 2 (id «m»), feltet «date»"));
            assert!(p
                .message(Lang::En)
                .contains("table \"meeting\", row 2 (id \"m\"), field \"date\""));
        }
    }
}
