//! The record's fixed vocabularies as enums. Each is stored as the same text value the schema's
//! CHECK constraint names (so existing records open unchanged), serialised under that name (so
//! the JSON export and the window see the same strings, which ts-rs turns into TypeScript union
//! types), parsed from user text with a message that lists the choices, and labelled in the
//! user's language. One `vocabulary!` line per value keeps the stored name, the enum and the
//! labels together.

use crate::error::{Invalid, Problem, Result};
use crate::i18n::Lang;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, field $field:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, nb $nb:literal, en $en:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant, )+
        }

        impl $name {
            /// Every value, in the order the user is offered them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The stored names, in the same order (for messages that list the choices).
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            /// The stored (and serialised) name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The value as users read it, in `lang`.
            pub fn label(self, lang: Lang) -> &'static str {
                match self { $($name::$variant => lang.pick($nb, $en)),+ }
            }

            /// Parses the stored name, or the label in either language (as typed on the
            /// command line); anything else is refused with the list of choices.
            pub fn parse(text: &str) -> Result<$name> {
                let t = text.trim();
                let lower = t.to_lowercase();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| {
                        v.as_str() == lower
                            || v.label(Lang::Nb).to_lowercase() == lower
                            || v.label(Lang::En).to_lowercase() == lower
                    })
                    .ok_or_else(|| {
                        Invalid::error(
                            $field,
                            Problem::Choice { value: t.to_string(), allowed: $name::NAMES },
                        )
                    })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::Error;
            fn from_str(s: &str) -> Result<$name> {
                $name::parse(s)
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<$name> {
                let text = value.as_str()?;
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == text)
                    .ok_or_else(|| FromSqlError::Other(
                        format!("unknown {} {text:?}", stringify!($name)).into(),
                    ))
            }
        }
    };
}

vocabulary! {
    /// Where a meeting is in its life: draft → agenda sent → held → minutes approved.
    MeetingStatus, field "status" {
        Draft = "draft", nb "utkast", en "draft";
        AgendaSent = "agenda_sent", nb "dagsorden sendt", en "agenda sent";
        Held = "held", nb "avholdt", en "held";
        Approved = "approved", nb "referat godkjent", en "minutes approved";
    }
}

impl MeetingStatus {
    /// Approved minutes are locked: a change is a correction.
    pub fn locked(self) -> bool {
        self == MeetingStatus::Approved
    }
    /// Once the agenda is sent, its case numbers are frozen.
    pub fn agenda_frozen(self) -> bool {
        self != MeetingStatus::Draft
    }
}

vocabulary! {
    /// What an agenda item is.
    ItemKind, field "kind" {
        Case = "case", nb "sak", en "case";
        Break = "break", nb "pause", en "break";
        Open = "open", nb "åpent punkt", en "open item";
        Orientation = "orientation", nb "orientering", en "orientation";
        /// A case taken up again later in the same meeting ("32/25 forts.").
        Continuation = "continuation", nb "fortsettelse", en "continuation";
    }
}

impl ItemKind {
    /// Items that carry a case number.
    pub fn numbered(self) -> bool {
        matches!(self, ItemKind::Case | ItemKind::Continuation)
    }
}

vocabulary! {
    /// A member's role in a body.
    Role, field "role" {
        Chair = "leder", nb "Leder", en "Chair";
        DeputyChair = "nestleder", nb "Nestleder", en "Deputy chair";
        Member = "medlem", nb "Medlem", en "Member";
        Observer = "observator", nb "Observatør", en "Observer";
        Secretary = "sekretar", nb "Sekretær", en "Secretary";
    }
}

vocabulary! {
    /// How a person attended a meeting.
    AttendanceStatus, field "status" {
        Present = "present", nb "til stede", en "present";
        Absent = "absent", nb "forfall", en "absent";
        /// Standing in for a member (`substitute_for`).
        Substitute = "substitute", nb "vara", en "substitute";
        Observer = "observer", nb "observatør", en "observer";
        Secretariat = "secretariat", nb "sekretariat", en "secretariat";
        Guest = "guest", nb "gjest", en "guest";
    }
}

vocabulary! {
    /// Where an action point stands.
    ActionStatus, field "status" {
        Open = "open", nb "åpen", en "open";
        Done = "done", nb "utført", en "done";
        Cancelled = "cancelled", nb "avbrutt", en "cancelled";
    }
}

vocabulary! {
    /// The rows of a meeting's record that a correction can change (the audit log's entity).
    Entity, field "entity" {
        Meeting = "meeting", nb "møtet", en "meeting";
        AgendaItem = "agenda_item", nb "dagsordenpunktet", en "agenda item";
        Case = "case", nb "saken", en "case";
        Attendance = "attendance", nb "oppmøtet", en "attendance";
        Innspill = "innspill", nb "innspillet", en "input";
        ActionPoint = "action_point", nb "aksjonspunktet", en "action point";
        Proposal = "proposal", nb "forslaget", en "proposal";
        Vote = "vote", nb "voteringen", en "vote";
        PresenceChange = "presence_change", nb "endringen i oppmøtet", en "change of attendance";
        CaseSubstitute = "case_substitute", nb "varaen i saken", en "substitute in the case";
        Disqualification = "disqualification", nb "habilitetsspørsmålet", en "impartiality question";
        MinutesSigner = "minutes_signer", nb "den som skal signere", en "signer";
    }
}

impl Entity {
    /// The table that holds this entity's rows: one of the schema's own names, never user text.
    pub fn table(self) -> &'static str {
        self.as_str()
    }
}

vocabulary! {
    /// The field of a case or item a search hit was found in.
    SearchField, field "field" {
        Title = "title", nb "Tittel", en "Title";
        Summary = "summary", nb "Sammendrag", en "Summary";
        Proposal = "proposal", nb "Forslag til vedtak", en "Proposed decision";
        Decision = "decision", nb "Vedtak", en "Decision";
        Narrative = "narrative", nb "Referat", en "Minutes";
        Innspill = "innspill", nb "Innspill", en "Input";
        Action = "action", nb "Aksjonspunkt", en "Action point";
    }
}

vocabulary! {
    /// How a vote was taken (KS Fiks' `votering`): by acclamation, by counting, group by group,
    /// or by name.
    VoteMethod, field "method" {
        Unanimous = "unanimous", nb "enstemmig", en "unanimous";
        Counts = "counts", nb "opptelling", en "counted";
        Groups = "groups", nb "per parti", en "by group";
        Named = "named", nb "navneopprop", en "roll call";
    }
}

vocabulary! {
    /// A side taken in a vote: a member's Ja / Nei / Blankt, or a group's.
    VoteSide, field "side" {
        For = "for", nb "ja", en "yes";
        Against = "against", nb "nei", en "no";
        Blank = "blank", nb "blankt", en "blank";
    }
}

vocabulary! {
    /// What a vote decided of its proposal.
    VoteResult, field "result" {
        Adopted = "adopted", nb "vedtatt", en "adopted";
        Rejected = "rejected", nb "falt", en "rejected";
    }
}

vocabulary! {
    /// Where the question of a member's impartiality in a case stands.
    Impartiality, field "outcome" {
        /// Raised, not yet decided by the others.
        Raised = "raised", nb "reist", en "raised";
        Disqualified = "disqualified", nb "inhabil", en "disqualified";
        Qualified = "qualified", nb "habil", en "not disqualified";
    }
}

vocabulary! {
    /// A change of a member's presence during a meeting, at an item.
    PresenceKind, field "presence" {
        /// Present from this item on.
        Arrived = "arrived", nb "tiltrådte", en "arrived";
        /// Absent after this item.
        Left = "left", nb "forlot møtet", en "left";
    }
}

vocabulary! {
    /// A signer's answer to minutes sent for signing.
    Verdict, field "verdict" {
        Signed = "signed", nb "signert", en "signed";
        Refused = "refused", nb "avvist", en "refused";
    }
}

/// The value a new form starts with.
macro_rules! default_value {
    ($($name:ident = $variant:ident),+) => {
        $(impl Default for $name {
            fn default() -> $name {
                $name::$variant
            }
        })+
    };
}

default_value!(
    MeetingStatus = Draft,
    ItemKind = Case,
    Role = Member,
    AttendanceStatus = Present,
    ActionStatus = Open,
    VoteMethod = Unanimous,
    VoteSide = For,
    VoteResult = Adopted,
    Impartiality = Raised
);

vocabulary! {
    /// How the secretariat handled an input of a consultation response.
    Handling, field "outcome" {
        Taken = "taken", nb "hensyntatt", en "taken into account";
        Partly = "partly", nb "delvis hensyntatt", en "partly taken into account";
        NotTaken = "not_taken", nb "ikke hensyntatt", en "not taken into account";
        OutOfScope = "out_of_scope", nb "utenfor strategiens omfang", en "outside the strategy's scope";
    }
}

vocabulary! {
    /// Where a consultation response came from.
    ResponseSource, field "source" {
        Typed = "typed", nb "registrert", en "typed";
        Spreadsheet = "spreadsheet", nb "regneark", en "spreadsheet";
        Docx = "docx", nb "svarskjema (Word)", en "response form (Word)";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_round_trip_and_parse_from_labels() {
        for s in MeetingStatus::ALL {
            assert_eq!(MeetingStatus::parse(s.as_str()).unwrap(), *s);
            let json = serde_json::to_string(s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
        }
        assert_eq!(Role::parse("Nestleder").unwrap(), Role::DeputyChair);
        assert_eq!(Role::parse("observer").unwrap(), Role::Observer);
        let e = Role::parse("sjef").unwrap_err();
        assert!(
            e.message(Lang::Nb).contains("leder, nestleder, medlem"),
            "{e}"
        );
        assert_eq!(e.field(), Some("role"));
    }
}
