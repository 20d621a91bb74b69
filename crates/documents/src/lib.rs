//! The documents a council sends, archives and publishes: agenda, case memo, minutes and the
//! decision register, built as a `quorum_typeset::Document` from the record and rendered by
//! `quorum_typeset::render`; the meeting pack that merges them with the attached PDF files; the
//! calendar invitation; and the file names they are saved under.

mod agenda;
mod consultation;
mod error;
mod files;
mod ics;
mod labels;
mod memo;
mod minutes;
mod pack;
mod register;
mod richtext;
mod wording;

use chrono::NaiveDateTime;
pub use error::{Error, Result};
pub use files::{unique_path, DocRequest};
use quorum_record::model::{Body, Meeting};
use quorum_record::numbers::{parse_date, parse_time};
use quorum_record::seal::MeetingHeading;
use quorum_record::signing::SigningRound;
use quorum_record::vocab::MeetingStatus;
use quorum_record::{Lang, Store};
use quorum_typeset::{DocMeta, Document, FooterStyle};

/// How to write a document.
#[derive(Debug, Clone, Copy, Default)]
pub struct DocOptions {
    /// The public version: exempt cases show only their number, "Unntatt offentlighet" and the
    /// legal basis, and none of their content.
    pub public: bool,
    /// The document's language; None uses the body's.
    pub lang: Option<Lang>,
}

/// The documents of the record, as methods on the `Store` that holds it (an extension trait, as
/// rusqlite's `OptionalExtension`: the record crate knows nothing of PDFs).
pub trait Documents {
    fn agenda_pdf(&self, meeting_id: &str, opts: DocOptions) -> Result<Vec<u8>>;
    fn memo_pdf(&self, case_id: &str, opts: DocOptions) -> Result<Vec<u8>>;
    /// The minutes as printed: draft, out for signing, or approved (by a later meeting, or by
    /// signatures: then ending with the signature block and the SHA-256 of the copy signed).
    fn minutes_pdf(&self, meeting_id: &str, opts: DocOptions) -> Result<Vec<u8>>;
    /// The copy of the minutes the signers get: "Status: Til signering" where the draft line is.
    fn minutes_for_signing_pdf(&self, meeting_id: &str, opts: DocOptions) -> Result<Vec<u8>>;
    /// Renders the signing copy (in the body's language, not public) and sends exactly those
    /// bytes for signing (`Store::send_for_signing`).
    fn send_minutes_for_signing(&self, meeting_id: &str) -> Result<SigningRound>;
    fn register_pdf(&self, body_id: &str, year: i32, opts: DocOptions) -> Result<Vec<u8>>;
    /// The meeting pack: the agenda, then per case in agenda order its memo and its attached
    /// PDF files, with one page numbering and a bookmark per case. Attachments that cannot be
    /// merged are listed on the last page.
    fn pack_pdf(&self, meeting_id: &str, opts: DocOptions) -> Result<Vec<u8>>;
    /// The meeting as a calendar invitation (RFC 5545 text).
    fn meeting_ics(&self, meeting_id: &str) -> Result<String>;
    /// "Oppsummering av høringssvarene" of a consultation, with the respondents and the full
    /// responses as appendices (public: the publishable responses only).
    fn consultation_summary_pdf(&self, consultation_id: &str, opts: DocOptions) -> Result<Vec<u8>>;
    /// The list of a consultation's respondents (public: the publishable ones only).
    fn respondents_pdf(&self, consultation_id: &str, opts: DocOptions) -> Result<Vec<u8>>;
}

impl Documents for Store {
    fn agenda_pdf(&self, meeting_id: &str, opts: DocOptions) -> Result<Vec<u8>> {
        render(agenda::build(self, meeting_id, opts)?)
    }

    fn memo_pdf(&self, case_id: &str, opts: DocOptions) -> Result<Vec<u8>> {
        render(memo::build(self, case_id, opts)?)
    }

    fn minutes_pdf(&self, meeting_id: &str, opts: DocOptions) -> Result<Vec<u8>> {
        render(minutes::build(
            self,
            meeting_id,
            opts,
            minutes::Copy::Record,
        )?)
    }

    fn minutes_for_signing_pdf(&self, meeting_id: &str, opts: DocOptions) -> Result<Vec<u8>> {
        render(minutes::build(
            self,
            meeting_id,
            opts,
            minutes::Copy::Signing,
        )?)
    }

    fn send_minutes_for_signing(&self, meeting_id: &str) -> Result<SigningRound> {
        let pdf = self.minutes_for_signing_pdf(meeting_id, DocOptions::default())?;
        Ok(self.send_for_signing(meeting_id, &pdf)?)
    }

    fn register_pdf(&self, body_id: &str, year: i32, opts: DocOptions) -> Result<Vec<u8>> {
        render(register::build(self, body_id, year, opts)?)
    }

    fn pack_pdf(&self, meeting_id: &str, opts: DocOptions) -> Result<Vec<u8>> {
        let pack = pack::build(self, meeting_id, opts)?;
        Ok(quorum_typeset::render_compound(&pack)?.bytes)
    }

    fn meeting_ics(&self, meeting_id: &str) -> Result<String> {
        Ok(ics::invitation(self, meeting_id)?)
    }

    fn consultation_summary_pdf(&self, consultation_id: &str, opts: DocOptions) -> Result<Vec<u8>> {
        render(consultation::summary(self, consultation_id, opts)?)
    }

    fn respondents_pdf(&self, consultation_id: &str, opts: DocOptions) -> Result<Vec<u8>> {
        render(consultation::respondents(self, consultation_id, opts)?)
    }
}

/// Loads the demo record (`Store::load_demo`) and then does what the record cannot do without a
/// PDF: the minutes of each held meeting whose body signs its minutes and whose signers are
/// chosen (Testvik kommunestyre 1/2026) are sent for signing and signed by every signer, so
/// that meeting is approved by signatures. The e-health council's record is as the seeds have it.
pub fn load_demo(store: &Store) -> Result<()> {
    store.load_demo()?;
    for body in store.bodies()?.into_iter().filter(|b| b.signed_minutes) {
        for m in store.meetings(&body.id, None)? {
            if m.status != MeetingStatus::Held {
                continue;
            }
            let state = store.signing(&m.id)?;
            if state.signers.is_empty() || !state.rounds.is_empty() {
                continue;
            }
            let round = store.send_minutes_for_signing(&m.id)?;
            for signer in &state.signers {
                // Each signer signs the hash of the copy sent, as they would after checking it.
                store.sign_minutes(&m.id, &signer.id, &round.sha256)?;
            }
        }
    }
    Ok(())
}

pub(crate) fn render(doc: Document) -> Result<Vec<u8>> {
    Ok(quorum_typeset::render(&doc)?)
}

/// What every document of a meeting shares: the body, its name on the meeting date, the language.
pub(crate) struct MeetingContext {
    pub body: Body,
    pub body_name: String,
    pub heading: MeetingHeading,
    pub meeting: Meeting,
    pub lang: Lang,
    pub public: bool,
}

impl MeetingContext {
    pub fn load(store: &Store, meeting_id: &str, opts: DocOptions) -> Result<MeetingContext> {
        let meeting = store.meeting(meeting_id)?;
        let body = store.body(&meeting.body_id)?;
        // Approved minutes print the name and language sealed at approval.
        let heading = store.meeting_heading(meeting_id)?;
        let body_name = heading.body_name.clone();
        let lang = opts.lang.unwrap_or(heading.language);
        Ok(MeetingContext {
            body,
            body_name,
            heading,
            meeting,
            lang,
            public: opts.public,
        })
    }

    /// "Nasjonalt e-helseråd · Møte 4/2025"
    pub fn running_header(&self) -> String {
        format!(
            "{} · {} {}",
            self.body_name,
            self.lang.pick("Møte", "Meeting"),
            self.meeting.number
        )
    }

    pub fn long_date(&self) -> String {
        parse_date("date", &self.meeting.date)
            .map(|d| quorum_record::numbers::long_date(d, self.lang))
            .unwrap_or_default()
    }

    /// "Kl. 10.00 – 16.00"
    pub fn time_span(&self) -> String {
        let t = |s: &str| {
            parse_time("start", s)
                .map(quorum_record::numbers::text_time)
                .unwrap_or_else(|_| s.to_string())
        };
        match self.lang {
            Lang::Nb => format!("Kl. {} – {}", t(&self.meeting.start), t(&self.meeting.end)),
            Lang::En => format!("{} – {}", t(&self.meeting.start), t(&self.meeting.end)),
        }
    }

    pub fn place(&self) -> String {
        if self.meeting.remote {
            let v = self.lang.pick("Videomøte", "Video meeting");
            if self.meeting.remote_link.is_empty() {
                v.to_string()
            } else {
                format!("{v} ({})", self.meeting.remote_link)
            }
        } else {
            self.meeting.place.clone()
        }
    }

    /// The meeting's date and start: the documents' creation date, so one record gives one file.
    pub fn created(&self) -> NaiveDateTime {
        record_time(&self.meeting.date, &self.meeting.start)
    }

    pub fn meta(&self, title: String, subject: String) -> DocMeta {
        DocMeta {
            title,
            author: self.body_name.clone(),
            subject,
            language: language_tag(self.lang).into(),
            created: self.created(),
            keywords: vec![self.body.short_name.clone(), self.meeting.number.clone()],
        }
    }

    /// Dato, Tid, Sted: the head of an agenda and of minutes.
    pub fn when_where(&self, l: &labels::Labels) -> Vec<quorum_typeset::Field> {
        use quorum_typeset::Field;
        vec![
            Field::single(l.date(), self.long_date()),
            Field::single(l.time(), self.time_span()),
            Field::single(l.place(), self.place()),
        ]
    }

    /// A document of this meeting: metadata, running header and footer around `blocks`.
    pub fn document(&self, title: String, blocks: Vec<quorum_typeset::Block>) -> Document {
        let l = labels::Labels::new(self.lang);
        let subject = format!(
            "{} {}, {}",
            l.meeting(),
            self.meeting.number,
            self.long_date()
        );
        Document {
            meta: self.meta(title, subject),
            running_header: self.running_header(),
            footer: self.footer(),
            blocks,
        }
    }

    pub fn footer(&self) -> FooterStyle {
        footer(self.lang)
    }

    pub fn meeting_title(&self) -> String {
        let kind = if self.meeting.extraordinary {
            self.lang.pick("Ekstra møte i", "Extraordinary meeting of")
        } else {
            self.lang.pick("Møte i", "Meeting of")
        };
        format!("{kind} {}", self.body_name)
    }
}

pub(crate) fn footer(lang: Lang) -> FooterStyle {
    match lang {
        Lang::Nb => FooterStyle::Norwegian,
        Lang::En => FooterStyle::English,
    }
}

pub(crate) fn language_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "nb-NO",
        Lang::En => "en-GB",
    }
}

/// A date and time from the record as a timestamp (midnight when the time is missing).
pub(crate) fn record_time(date: &str, time: &str) -> NaiveDateTime {
    let d = parse_date("date", date).unwrap_or_default();
    let t = parse_time("start", time).unwrap_or_default();
    d.and_time(t)
}
