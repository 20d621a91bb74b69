//! Minutes made final by signatures: the signers chosen in the meeting, the rounds sent, each
//! signature or refusal, and the exact PDF a round sent.

use super::{Ctx, R};
use crate::args::{MeetingOpt, SigningCommand};
use crate::output::Done;
use crate::resolve;
use quorum_record::model::Meeting;
use quorum_record::signing::SigningState;
use quorum_record::vocab::Verdict;

fn meeting_of(cx: &Ctx, m: &MeetingOpt) -> R<Meeting> {
    Ok(resolve::meeting(cx.store, m.body.as_deref(), &m.meeting)?)
}

fn state_text(cx: &Ctx, m: &Meeting, st: &SigningState) -> String {
    let mut text = format!(
        "{} {}",
        cx.say(
            "Signering av referatet, møte",
            "Signing of the minutes, meeting"
        ),
        m.number
    );
    if !st.required {
        text += &cx.say(
            "\n  Organets referat godkjennes i et senere møte (slå på signering med «body rules --signed-minutes on»).",
            "\n  This body's minutes are approved by a later meeting (turn signing on with \"body rules --signed-minutes on\").",
        );
    }
    let signers: Vec<&str> = st.signers.iter().map(|p| p.name.as_str()).collect();
    text += &format!(
        "\n  {:<12}{}",
        cx.say("Signerer:", "Signers:"),
        if signers.is_empty() {
            cx.say("ingen valgt", "none chosen")
        } else {
            signers.join(", ")
        }
    );
    for (i, r) in st.rounds.iter().enumerate() {
        let state = match r.outcome {
            None => cx.say("til signering", "out for signing"),
            Some(Verdict::Signed) => cx.say("signert", "signed"),
            Some(Verdict::Refused) => cx.say("avvist", "refused"),
        };
        text += &format!(
            "\n  {} {} ({} {}): {state}\n    SHA-256 {}",
            cx.say("Runde", "Round"),
            i + 1,
            cx.say("sendt", "sent"),
            r.sent_at,
            r.sha256
        );
        for g in &r.signatures {
            text += &format!(
                "\n    {} {} {}",
                g.person.name,
                g.verdict.label(cx.lang),
                g.at
            );
            if !g.comment.is_empty() {
                text += &format!(": {}", g.comment);
            }
        }
    }
    text
}

/// Hex SHA-256 as a signer copies it: 64 hexadecimal digits.
fn check_sha256(value: &str) -> R<String> {
    let v = value.trim().to_ascii_lowercase();
    if v.len() != 64 || !v.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(quorum_record::Error::other(
            "sha256",
            "Sjekksummen må være SHA-256 av PDF-en som ble signert: 64 heksadesimale tegn (0–9, a–f). Kopier den fra signeringskopien.",
            "The checksum must be the SHA-256 of the PDF signed: 64 hexadecimal digits (0–9, a–f). Copy it from the signing copy.",
        )
        .into());
    }
    Ok(v)
}

pub fn run(cx: &Ctx, command: &SigningCommand) -> R<Done> {
    let s = cx.store;
    let done = |m: &Meeting, st: SigningState| -> R<Done> {
        let text = state_text(cx, m, &st);
        Ok(Done::new(&st, text))
    };
    match command {
        SigningCommand::Show { meeting } => {
            let m = meeting_of(cx, meeting)?;
            done(&m, s.signing(&m.id)?)
        }
        SigningCommand::Signers { meeting, people } => {
            let m = meeting_of(cx, meeting)?;
            let ids = people
                .iter()
                .map(|k| Ok(resolve::person(s, k)?.id))
                .collect::<quorum_record::Result<Vec<_>>>()?;
            done(&m, s.set_minutes_signers(&m.id, &ids)?)
        }
        SigningCommand::Send { meeting } => {
            use quorum_documents::Documents;
            let m = meeting_of(cx, meeting)?;
            // The documents crate renders the signing copy and the record keeps those bytes.
            s.send_minutes_for_signing(&m.id)?;
            done(&m, s.signing(&m.id)?)
        }
        SigningCommand::Sign {
            meeting,
            by,
            sha256,
        } => {
            let m = meeting_of(cx, meeting)?;
            let p = resolve::person(s, by)?;
            let h = check_sha256(sha256)?;
            done(&m, s.sign_minutes(&m.id, &p.id, &h)?)
        }
        SigningCommand::Refuse {
            meeting,
            by,
            comment,
        } => {
            let m = meeting_of(cx, meeting)?;
            let p = resolve::person(s, by)?;
            if comment.trim().is_empty() {
                return Err(quorum_record::Error::other(
                    "comment",
                    "Skriv hvorfor referatet avvises (--comment), så sekretariatet vet hva som må rettes.",
                    "Write why the minutes are refused (--comment), so the secretariat knows what to correct.",
                )
                .into());
            }
            done(&m, s.refuse_minutes(&m.id, &p.id, comment)?)
        }
        SigningCommand::Copy {
            meeting,
            round,
            output,
        } => {
            let m = meeting_of(cx, meeting)?;
            let st = s.signing(&m.id)?;
            let r = match round {
                Some(n) => st.rounds.get((*n - 1) as usize),
                None => st.rounds.last(),
            };
            let Some(r) = r else {
                let n = st.rounds.len();
                return Err(match round {
                    Some(k) if n > 0 => quorum_record::Error::other(
                        "round",
                        format!("Møte {} har ingen runde {k}: referatet er sendt til signering {n} gang(er). Velg --round fra 1 til {n}.", m.number),
                        format!("Meeting {} has no round {k}: its minutes were sent for signing {n} time(s). Choose --round from 1 to {n}.", m.number),
                    ),
                    _ => quorum_record::Error::other(
                        "round",
                        format!("Referatet fra møte {} er ikke sendt til signering. Send det med «signing send».", m.number),
                        format!("The minutes of meeting {} have not been sent for signing. Send them with \"signing send\".", m.number),
                    ),
                }
                .into());
            };
            super::files::refuse_record_file(cx, output)?;
            let bytes = s.signing_pdf(&r.id)?;
            quorum_record::files::write_replacing(output, &bytes).map_err(|source| {
                quorum_record::Error::Io {
                    path: output.display().to_string(),
                    source,
                }
            })?;
            let text = format!(
                "{} {} (SHA-256 {})",
                cx.say("Skrev", "Wrote"),
                output.display(),
                r.sha256
            );
            Ok(Done::new(
                &serde_json::json!({ "file": output.display().to_string(), "sha256": r.sha256 }),
                text,
            ))
        }
    }
}
