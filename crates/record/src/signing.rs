//! Minutes made final by signatures: a body may require its minutes to be checked and signed by
//! signers chosen in the meeting (the chair and two members) instead of being approved by a later
//! meeting. The secretariat sends the minutes for signing: the exact PDF and its SHA-256 are kept
//! in the record, and the meeting's record is locked while the round is open. Each signer signs
//! that hash or refuses with a comment; a refusal returns the minutes to draft, and the last
//! signature approves and seals them. Signatures and rounds are append-only.

use crate::error::{Error, Result, StateProblem, Thing};
use crate::model::{Meeting, Person};
use crate::seal::{seal_person_join, sealed_person_columns};
use crate::store::{all, meeting, not_found, person, person_from_row, Store};
use crate::validate;
use crate::vocab::{MeetingStatus, Verdict};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Minutes sent for signing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SigningRound {
    pub id: String,
    pub meeting_id: String,
    /// UTC, "2026-01-20T10:00:00Z".
    pub sent_at: String,
    /// Hex SHA-256 of the PDF sent.
    pub sha256: String,
    pub closed_at: Option<String>,
    pub outcome: Option<Verdict>,
    pub signatures: Vec<Signature>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Signature {
    pub person: Person,
    pub at: String,
    pub verdict: Verdict,
    pub comment: String,
    /// The SHA-256 of the document signed.
    pub sha256: String,
}

/// Where a meeting's minutes stand with their signers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SigningState {
    /// The body's minutes are made final by signatures.
    pub required: bool,
    pub signers: Vec<Person>,
    /// Every round, oldest first; the open one (if any) last.
    pub rounds: Vec<SigningRound>,
}

impl SigningState {
    pub fn open_round(&self) -> Option<&SigningRound> {
        self.rounds.last().filter(|r| r.closed_at.is_none())
    }

    /// The round that approved the minutes.
    pub fn signed_round(&self) -> Option<&SigningRound> {
        self.rounds
            .iter()
            .find(|r| r.outcome == Some(Verdict::Signed))
    }
}

impl Store {
    /// Chooses who checks and signs a meeting's minutes, in order (replacing an earlier choice).
    pub fn set_minutes_signers(
        &self,
        meeting_id: &str,
        person_ids: &[String],
    ) -> Result<SigningState> {
        self.write(|tx| {
            let m = meeting(tx, meeting_id)?;
            refuse_if_signing_locked(tx, &m)?;
            for (i, p) in person_ids.iter().enumerate() {
                person(tx, p)?;
                if person_ids[..i].contains(p) {
                    return Err(Error::other(
                        "signers",
                        "Samme person er valgt to ganger. Velg ulike personer til å signere.",
                        "The same person is chosen twice. Choose different people to sign.",
                    ));
                }
            }
            tx.execute("DELETE FROM minutes_signer WHERE meeting_id = ?1", [meeting_id])?;
            for (pos, p) in person_ids.iter().enumerate() {
                tx.execute(
                    "INSERT INTO minutes_signer (id, meeting_id, person_id, position) VALUES (?1, ?2, ?3, ?4)",
                    params![crate::new_id(), meeting_id, p, pos as i64],
                )?;
            }
            signing_state(tx, meeting_id)
        })
    }

    pub fn signing(&self, meeting_id: &str) -> Result<SigningState> {
        signing_state(&self.conn, meeting_id)
    }

    /// Sends the held meeting's minutes for signing: `pdf` is the exact document the signers
    /// receive (made by the documents crate). The record is locked until the round closes.
    pub fn send_for_signing(&self, meeting_id: &str, pdf: &[u8]) -> Result<SigningRound> {
        self.write(|tx| {
            let m = meeting(tx, meeting_id)?;
            let state = signing_state(tx, meeting_id)?;
            if !state.required {
                return Err(Error::State(StateProblem::Other {
                    nb: "Organets referat godkjennes i et senere møte, ikke ved signatur. Slå på signering i organets innstillinger først.".into(),
                    en: "This body's minutes are approved by a later meeting, not by signatures. Turn on signing in the body's settings first.".into(),
                }));
            }
            if m.status != MeetingStatus::Held {
                return Err(Error::State(StateProblem::Other {
                    nb: "Bare referatet fra et avholdt møte kan sendes til signering. Marker møtet som avholdt først.".into(),
                    en: "Only the minutes of a held meeting can be sent for signing. Mark the meeting as held first.".into(),
                }));
            }
            if state.signers.is_empty() {
                return Err(Error::other(
                    "signers",
                    "Velg hvem som skal signere referatet (møteleder og to medlemmer valgt i møtet).",
                    "Choose who signs the minutes (the chair and two members chosen in the meeting).",
                ));
            }
            if state.open_round().is_some() {
                return Err(signing_underway());
            }
            let id = crate::new_id();
            tx.execute(
                "INSERT INTO signing_round (id, meeting_id, sent_at, pdf, sha256) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, meeting_id, crate::now(), pdf, sha256_hex(pdf)],
            )?;
            round(tx, &id)
        })
    }

    /// Records a signer's signature of the open round. `sha256` is the hash of the document they
    /// signed: it must be the one sent. The last signature approves and seals the minutes.
    pub fn sign_minutes(
        &self,
        meeting_id: &str,
        person_id: &str,
        sha256: &str,
    ) -> Result<SigningState> {
        self.answer(meeting_id, person_id, Verdict::Signed, "", Some(sha256))
    }

    /// A signer refuses the minutes with a comment: the round closes and the minutes return to
    /// draft, to be corrected and sent again.
    pub fn refuse_minutes(
        &self,
        meeting_id: &str,
        person_id: &str,
        comment: &str,
    ) -> Result<SigningState> {
        let comment = validate::line("comment", comment)?;
        self.answer(meeting_id, person_id, Verdict::Refused, &comment, None)
    }

    /// The exact PDF sent in a round.
    pub fn signing_pdf(&self, round_id: &str) -> Result<Vec<u8>> {
        self.conn
            .query_row(
                "SELECT pdf FROM signing_round WHERE id = ?1",
                [round_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| not_found(Thing::SigningRound, round_id))
    }

    fn answer(
        &self,
        meeting_id: &str,
        person_id: &str,
        verdict: Verdict,
        comment: &str,
        sha256: Option<&str>,
    ) -> Result<SigningState> {
        self.write(|tx| {
            let state = signing_state(tx, meeting_id)?;
            let Some(open) = state.open_round() else {
                return Err(Error::State(StateProblem::Other {
                    nb: "Referatet er ikke sendt til signering.".into(),
                    en: "The minutes have not been sent for signing.".into(),
                }));
            };
            if !state.signers.iter().any(|s| s.id == person_id) {
                return Err(Error::other(
                    "signers",
                    format!("{} er ikke valgt til å signere referatet.", person(tx, person_id)?.name),
                    format!("{} is not chosen to sign the minutes.", person(tx, person_id)?.name),
                ));
            }
            if open.signatures.iter().any(|s| s.person.id == person_id) {
                return Err(Error::Duplicate {
                    what: Thing::Signature,
                    key: person(tx, person_id)?.name,
                });
            }
            if let Some(h) = sha256 {
                if !h.trim().eq_ignore_ascii_case(&open.sha256) {
                    return Err(Error::other(
                        "sha256",
                        "Sjekksummen stemmer ikke med referatet som ble sendt til signering. Signer dokumentet som ble sendt.",
                        "The checksum does not match the minutes sent for signing. Sign the document that was sent.",
                    ));
                }
            }
            let now = crate::now();
            tx.execute(
                "INSERT INTO signature (id, round_id, person_id, at, verdict, comment, sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![crate::new_id(), open.id, person_id, now, verdict, comment, open.sha256],
            )?;
            let all_signed = state
                .signers
                .iter()
                .all(|s| s.id == person_id || open.signatures.iter().any(|x| x.person.id == s.id));
            let closes = match verdict {
                Verdict::Refused => Some(Verdict::Refused),
                Verdict::Signed if all_signed => Some(Verdict::Signed),
                Verdict::Signed => None,
            };
            if let Some(outcome) = closes {
                tx.execute(
                    "UPDATE signing_round SET closed_at = ?2, outcome = ?3 WHERE id = ?1",
                    params![open.id, now, outcome],
                )?;
            }
            if closes == Some(Verdict::Signed) {
                tx.execute(
                    "UPDATE meeting SET status = ?2 WHERE id = ?1",
                    params![meeting_id, MeetingStatus::Approved],
                )?;
                crate::seal::seal(tx, meeting_id)?;
            }
            signing_state(tx, meeting_id)
        })
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn signing_underway() -> Error {
    Error::State(StateProblem::SigningUnderway)
}

/// While minutes are out for signing, their record is locked: a change would make the document
/// signed differ from the record.
pub(crate) fn refuse_if_signing(conn: &Connection, meeting_id: &str) -> Result<()> {
    let open: Option<String> = conn
        .query_row(
            "SELECT id FROM signing_round WHERE meeting_id = ?1 AND closed_at IS NULL",
            [meeting_id],
            |r| r.get(0),
        )
        .optional()?;
    match open {
        Some(_) => Err(signing_underway()),
        None => Ok(()),
    }
}

/// Signing cannot be turned off for a body while any of its minutes are out for signing.
pub(crate) fn refuse_if_body_signing(conn: &Connection, body_id: &str) -> Result<()> {
    let open: Option<String> = conn
        .query_row(
            "SELECT m.year || '/' || m.number FROM signing_round r JOIN meeting m ON m.id = r.meeting_id
             WHERE m.body_id = ?1 AND r.closed_at IS NULL",
            [body_id],
            |r| r.get(0),
        )
        .optional()?;
    match open {
        Some(meeting) => Err(Error::State(StateProblem::Other {
            nb: format!("Referatet fra møte {meeting} er sendt til signering. Signering kan slås av når runden er avsluttet (alle har signert, eller noen har avvist)."),
            en: format!("The minutes of meeting {meeting} are out for signing. Signing can be turned off once the round is closed (all have signed, or someone refused)."),
        })),
        None => Ok(()),
    }
}

fn refuse_if_signing_locked(conn: &Connection, m: &Meeting) -> Result<()> {
    if m.locked() {
        return Err(Error::Locked {
            meeting: m.number.clone(),
        });
    }
    refuse_if_signing(conn, &m.id)
}

fn signing_state(conn: &Connection, meeting_id: &str) -> Result<SigningState> {
    let m = meeting(conn, meeting_id)?;
    let required: bool = conn.query_row(
        "SELECT signed_minutes FROM body WHERE id = ?1",
        [&m.body_id],
        |r| r.get(0),
    )?;
    let signers = all(
        conn,
        &format!(
            "SELECT {} FROM minutes_signer s JOIN person p ON p.id = s.person_id {}
             WHERE s.meeting_id = ?1 ORDER BY s.position",
            sealed_person_columns("p", "sp", "person_"),
            seal_person_join("p", "sp", "s.meeting_id"),
        ),
        [meeting_id],
        |r| person_from_row(r, "person_"),
    )?;
    let ids: Vec<String> = all(
        conn,
        // Times are to the second, so two rounds can share one (a refusal answered at once);
        // a closed round comes before a later or open one, and the approving round is last.
        "SELECT id FROM signing_round WHERE meeting_id = ?1
         ORDER BY sent_at, closed_at IS NULL, outcome = 'signed', closed_at, id",
        [meeting_id],
        |r| r.get("id"),
    )?;
    let rounds = ids
        .iter()
        .map(|id| round(conn, id))
        .collect::<Result<_>>()?;
    Ok(SigningState {
        required,
        signers,
        rounds,
    })
}

fn round(conn: &Connection, id: &str) -> Result<SigningRound> {
    let mut r = conn
        .query_row(
            "SELECT id, meeting_id, sent_at, sha256, closed_at, outcome FROM signing_round WHERE id = ?1",
            [id],
            |r| {
                Ok(SigningRound {
                    id: r.get("id")?,
                    meeting_id: r.get("meeting_id")?,
                    sent_at: r.get("sent_at")?,
                    sha256: r.get("sha256")?,
                    closed_at: r.get("closed_at")?,
                    outcome: r.get("outcome")?,
                    signatures: Vec::new(),
                })
            },
        )
        .optional()?
        .ok_or_else(|| not_found(Thing::SigningRound, id))?;
    r.signatures = all(
        conn,
        &format!(
            "SELECT g.at, g.verdict, g.comment, g.sha256, {} FROM signature g
             JOIN person p ON p.id = g.person_id
             LEFT JOIN minutes_signer s ON s.person_id = g.person_id AND s.meeting_id = ?2 {}
             WHERE g.round_id = ?1 ORDER BY coalesce(s.position, 1000000), g.at",
            sealed_person_columns("p", "sp", "person_"),
            seal_person_join("p", "sp", "?2"),
        ),
        params![id, r.meeting_id],
        |row| {
            Ok(Signature {
                person: person_from_row(row, "person_")?,
                at: row.get("at")?,
                verdict: row.get("verdict")?,
                comment: row.get("comment")?,
                sha256: row.get("sha256")?,
            })
        },
    )?;
    Ok(r)
}
