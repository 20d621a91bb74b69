//! The demo record (typed from seed 004: Nasjonalt e-helseråd, meetings 3/2025 and 4/2025, and
//! NUIT; and the made-up Testvik kommunestyre with its held meeting 1/2026), loaded through the
//! same API a user's actions go through. The kommunestyre's minutes are signed by the documents
//! crate (`quorum_documents::load_demo`), which can make the PDF that signing needs. The
//! e-health council's 2022 consultation on the e-health strategy (seeds 000 and 001) comes from
//! `demo/consultation.toml`, with made-up further responses imported from
//! `demo/assets/horingssvar-demo.csv` as a form tool's export would be.

use crate::agenda::ItemInput;
use crate::bodies::BodyInput;
use crate::cases::{AttachmentInput, CaseInput, ReferenceInput};
use crate::error::{Error, Result};
use crate::groups::{OutsidePositionInput, PartyInput};
use crate::meetings::MeetingInput;
use crate::model::{Due, MemoSections};
use crate::people::{MembershipInput, PersonInput};
use crate::presence::DisqualificationDecision;
use crate::record::{ActionInput, AttendanceInput};
use crate::vocab::{
    ActionStatus, AttendanceStatus, Impartiality, ItemKind, MeetingStatus, PresenceKind, Role,
    VoteMethod, VoteSide,
};
use crate::votes::{ProposalInput, VoteInput};
use crate::{Lang, Store};
use serde::Deserialize;
use std::collections::HashMap;

pub const DEMO_TOML: &str = include_str!("../demo/demo.toml");
/// The demo's consultation (seeds 000 and 001) and its made-up further responses.
pub const DEMO_CONSULTATION_TOML: &str = include_str!("../demo/consultation.toml");
pub const DEMO_RESPONSES_CSV: &[u8] = include_bytes!("../demo/assets/horingssvar-demo.csv");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Demo {
    #[allow(dead_code)]
    format: u32,
    body: Vec<DBody>,
    #[serde(default)]
    party: Vec<DParty>,
    person: Vec<DPerson>,
    membership: Vec<DMembership>,
    #[serde(default)]
    outside_position: Vec<DPosition>,
    meeting: Vec<DMeeting>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DParty {
    body: String,
    name: String,
    short_name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DPosition {
    person: String,
    organisation: String,
    #[serde(default)]
    role: String,
    since: Option<String>,
    until: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DBody {
    short_name: String,
    name: String,
    #[serde(default)]
    secretariat: String,
    #[serde(default)]
    default_place: String,
    #[serde(default)]
    language: Lang,
    quorum_percent: Option<u32>,
    #[serde(default)]
    signed_minutes: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DPerson {
    name: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    email: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DMembership {
    body: String,
    person: String,
    role: String,
    term_from: Option<String>,
    term_to: Option<String>,
    substitute: Option<String>,
    /// The group's short name.
    party: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DMeeting {
    body: String,
    number: String,
    date: String,
    start: String,
    end: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    remote: bool,
    #[serde(default)]
    remote_link: String,
    #[serde(default)]
    extraordinary: bool,
    status: MeetingStatus,
    first_case_number: Option<i64>,
    #[serde(default)]
    attendance: Vec<DAttendance>,
    #[serde(default)]
    item: Vec<DItem>,
    #[serde(default)]
    presence: Vec<DPresence>,
    /// Who signs the minutes, in order (set once the meeting is held).
    #[serde(default)]
    signers: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DPresence {
    person: String,
    kind: PresenceKind,
    /// The case number of the item ("2/26").
    at: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DAttendance {
    person: String,
    status: AttendanceStatus,
    #[serde(default)]
    remote: bool,
    substitute_for: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DItem {
    kind: ItemKind,
    number: Option<String>,
    duration: i64,
    #[serde(default)]
    title: String,
    #[serde(default, rename = "type")]
    case_type: String,
    #[serde(default)]
    summary: String,
    proposal: Option<String>,
    #[serde(default)]
    no_memo: bool,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    officer: String,
    #[serde(default)]
    guest: String,
    continues: Option<String>,
    #[serde(default)]
    narrative: String,
    #[serde(default)]
    innspill: Vec<String>,
    decision: Option<String>,
    exempt_basis: Option<String>,
    #[serde(default)]
    attachment: Vec<DAttachment>,
    memo: Option<DMemo>,
    #[serde(default)]
    link: Vec<DLink>,
    #[serde(default)]
    earlier: Vec<DEarlier>,
    #[serde(default)]
    action: Vec<DAction>,
    #[serde(default)]
    disqualification: Vec<DDisqualification>,
    #[serde(default)]
    substitute: Vec<DCaseSubstitute>,
    /// Proposals put in the meeting.
    #[serde(default)]
    alternative: Vec<DAlternative>,
    #[serde(default)]
    vote: Vec<DVote>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DDisqualification {
    person: String,
    #[serde(default)]
    reason: String,
    outcome: Impartiality,
    #[serde(default)]
    basis: String,
    /// The others' vote (for, against); none when unanimous.
    votes: Option<(u32, u32)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DCaseSubstitute {
    person: String,
    substitute_for: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DAlternative {
    /// The group's short name.
    party: Option<String>,
    person: Option<String>,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DVote {
    /// The item's proposal put in the meeting (1 = the first); none: the recommendation.
    alternative: Option<usize>,
    method: VoteMethod,
    votes_for: Option<u32>,
    votes_against: Option<u32>,
    votes_blank: Option<u32>,
    /// (group short name, side).
    #[serde(default)]
    groups: Vec<(String, VoteSide)>,
    /// (person, side).
    #[serde(default)]
    ballots: Vec<(String, VoteSide)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DAttachment {
    label: String,
    title: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DMemo {
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    background: String,
    #[serde(default)]
    questions: String,
    #[serde(default)]
    process: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DLink {
    body: String,
    case: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DEarlier {
    number: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    decision: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DAction {
    text: String,
    #[serde(default)]
    responsible: String,
    due: Option<String>,
    #[serde(default)]
    status: ActionStatus,
}

/// The built-in demo file does not load: a fault of this build, reported with its detail.
fn demo_error(detail: impl Into<String>) -> Error {
    let detail = detail.into();
    Error::other(
        "demo",
        format!("Demodataene i denne versjonen av Quorum kan ikke lastes: {detail}"),
        format!("The demo record of this Quorum cannot be loaded: {detail}"),
    )
}

impl Store {
    /// Loads the demo record into an empty database.
    pub fn load_demo(&self) -> Result<()> {
        if !self.is_empty()? {
            return Err(Error::NotEmpty);
        }
        let demo: Demo = toml::from_str(DEMO_TOML).map_err(|e| demo_error(e.to_string()))?;
        // Loaded as one transaction-equivalent: on failure the file is left as it was found.
        let result = self.load(&demo);
        if result.is_err() {
            self.wipe()?;
        }
        result
    }

    fn load(&self, demo: &Demo) -> Result<()> {
        let mut bodies = HashMap::new();
        for b in &demo.body {
            let body = self.create_body(&BodyInput {
                short_name: b.short_name.clone(),
                name: b.name.clone(),
                secretariat: b.secretariat.clone(),
                default_place: b.default_place.clone(),
                language: b.language,
            })?;
            if b.quorum_percent.is_some() || b.signed_minutes {
                self.set_body_rules(&body.id, b.quorum_percent, b.signed_minutes)?;
            }
            bodies.insert(b.short_name.clone(), body.id);
        }
        // Groups by (body, short name).
        let mut parties: HashMap<(String, String), String> = HashMap::new();
        for g in &demo.party {
            let body_id = bodies
                .get(&g.body)
                .ok_or_else(|| demo_error(format!("unknown body {}", g.body)))?;
            let party = self.add_party(
                body_id,
                &PartyInput {
                    name: g.name.clone(),
                    short_name: g.short_name.clone(),
                },
            )?;
            parties.insert((g.body.clone(), g.short_name.clone()), party.id);
        }
        let mut people = HashMap::new();
        for p in &demo.person {
            let person = self.create_person(&PersonInput {
                name: p.name.clone(),
                organisation: p.organisation.clone(),
                email: p.email.clone(),
            })?;
            people.insert(p.name.clone(), person.id);
        }
        let body = |name: &str| {
            bodies
                .get(name)
                .cloned()
                .ok_or_else(|| demo_error(format!("unknown body {name}")))
        };
        let person = |name: &str| {
            people
                .get(name)
                .cloned()
                .ok_or_else(|| demo_error(format!("unknown person {name}")))
        };
        let party = |body: &str, short: &str| {
            parties
                .get(&(body.to_string(), short.to_string()))
                .cloned()
                .ok_or_else(|| demo_error(format!("unknown group {short} of {body}")))
        };
        for m in &demo.membership {
            let ms = self.add_membership(
                &body(&m.body)?,
                &MembershipInput {
                    person_id: person(&m.person)?,
                    role: Role::parse(&m.role)?,
                    term_from: m.term_from.clone(),
                    term_to: m.term_to.clone(),
                    substitute_id: m.substitute.as_deref().map(person).transpose()?,
                },
            )?;
            if let Some(g) = &m.party {
                self.set_membership_party(&ms.id, Some(&party(&m.body, g)?))?;
            }
        }
        for p in &demo.outside_position {
            self.add_outside_position(
                &person(&p.person)?,
                &OutsidePositionInput {
                    organisation: p.organisation.clone(),
                    role: p.role.clone(),
                    since: p.since.clone(),
                    until: p.until.clone(),
                },
            )?;
        }
        let mut links = Vec::new();
        for dm in &demo.meeting {
            let body_id = body(&dm.body)?;
            let meeting = self.create_meeting(
                &body_id,
                &MeetingInput {
                    number: dm.number.clone(),
                    extraordinary: dm.extraordinary,
                    date: dm.date.clone(),
                    start: dm.start.clone(),
                    end: dm.end.clone(),
                    place: dm.place.clone(),
                    remote: dm.remote,
                    remote_link: dm.remote_link.clone(),
                },
            )?;
            if let Some(first) = dm.first_case_number {
                self.set_first_case_number(&body_id, meeting.year, first)?;
            }
            for a in &dm.attendance {
                self.set_attendance(
                    &meeting.id,
                    &AttendanceInput {
                        person_id: person(&a.person)?,
                        status: a.status,
                        substitute_for: a.substitute_for.as_deref().map(person).transpose()?,
                        remote: a.remote,
                    },
                )?;
            }
            let mut case_ids: HashMap<String, String> = HashMap::new();
            for it in &dm.item {
                let item = self.add_demo_item(&meeting.id, it, &case_ids)?;
                if let (Some(case_id), Some(printed)) = (&item.case_id, &it.number) {
                    let got = item.case_number.clone().unwrap_or_default();
                    if &got != printed {
                        return Err(demo_error(format!(
                            "case \"{}\" got number {got}, the seed prints {printed}",
                            it.title
                        )));
                    }
                    case_ids.insert(printed.clone(), case_id.clone());
                    // Links to cases already loaded come first, as the seed's table of earlier
                    // decisions lists them; links to cases loaded later are made at the end.
                    for l in &it.link {
                        match self.case_by_number(&l.body, &l.case) {
                            Ok(target) => {
                                self.link_case(case_id, &target.id)?;
                            }
                            Err(_) => links.push((case_id.clone(), l.body.clone(), l.case.clone())),
                        }
                    }
                    self.fill_demo_case(case_id, &item.id, it)?;
                }
                if !it.narrative.is_empty() {
                    self.set_narrative(&item.id, &it.narrative)?;
                }
                for text in &it.innspill {
                    self.add_innspill(&item.id, text, None)?;
                }
                for a in &it.action {
                    let due = match a.due.as_deref() {
                        None | Some("") => Due::None,
                        Some("next_meeting") => Due::NextMeeting,
                        Some(d) => Due::Date(d.to_string()),
                    };
                    let ap = self.add_action(
                        &item.id,
                        &ActionInput {
                            text: a.text.clone(),
                            responsible: a.responsible.clone(),
                            due,
                        },
                    )?;
                    if a.status != ActionStatus::Open {
                        self.set_action_status(&ap.id, a.status, "")?;
                    }
                }
            }
            // What happened during the meeting, once every item is on the agenda: who came and
            // went first, since they change who votes in the cases after.
            let agenda = self.agenda(&meeting.id)?;
            let item_at = |number: &str| {
                agenda
                    .iter()
                    .find(|i| i.kind == ItemKind::Case && i.case_number.as_deref() == Some(number))
                    .map(|i| i.id.clone())
                    .ok_or_else(|| demo_error(format!("no case {number} in {}", dm.number)))
            };
            for p in &dm.presence {
                self.set_presence_change(
                    &meeting.id,
                    &person(&p.person)?,
                    p.kind,
                    Some(&item_at(&p.at)?),
                )?;
            }
            for it in &dm.item {
                let Some(case_id) = it.number.as_ref().and_then(|n| case_ids.get(n)) else {
                    continue;
                };
                for d in &it.disqualification {
                    let raised =
                        self.raise_disqualification(case_id, &person(&d.person)?, &d.reason)?;
                    if d.outcome != Impartiality::Raised {
                        self.decide_disqualification(
                            &raised.id,
                            &DisqualificationDecision {
                                outcome: d.outcome,
                                basis: d.basis.clone(),
                                votes: d.votes,
                            },
                        )?;
                    }
                }
                for x in &it.substitute {
                    self.add_case_substitute(
                        case_id,
                        &person(&x.person)?,
                        &person(&x.substitute_for)?,
                    )?;
                }
                let mut proposals = Vec::new();
                for a in &it.alternative {
                    let p = self.add_proposal(
                        case_id,
                        &ProposalInput {
                            text: a.text.clone(),
                            party_id: a.party.as_deref().map(|g| party(&dm.body, g)).transpose()?,
                            person_id: a.person.as_deref().map(person).transpose()?,
                        },
                    )?;
                    proposals.push(p.id);
                }
                for v in &it.vote {
                    let proposal_id =
                        match v.alternative {
                            None => None,
                            Some(n) => Some(proposals.get(n.wrapping_sub(1)).cloned().ok_or_else(
                                || demo_error(format!("no proposal {n} in {}", it.title)),
                            )?),
                        };
                    self.record_vote(
                        case_id,
                        &VoteInput {
                            proposal_id,
                            method: v.method,
                            votes_for: v.votes_for,
                            votes_against: v.votes_against,
                            votes_blank: v.votes_blank,
                            groups: v
                                .groups
                                .iter()
                                .map(|(g, side)| Ok((party(&dm.body, g)?, *side)))
                                .collect::<Result<_>>()?,
                            ballots: v
                                .ballots
                                .iter()
                                .map(|(p, side)| Ok((person(p)?, *side)))
                                .collect::<Result<_>>()?,
                            result: None,
                        },
                    )?;
                }
            }
            match dm.status {
                MeetingStatus::Draft => {}
                MeetingStatus::AgendaSent => {
                    self.send_agenda(&meeting.id)?;
                }
                MeetingStatus::Held => {
                    self.send_agenda(&meeting.id)?;
                    self.mark_held(&meeting.id)?;
                }
                MeetingStatus::Approved => {
                    return Err(demo_error("status approved is not loaded by the demo"))
                }
            }
            if !dm.signers.is_empty() {
                let signers = dm
                    .signers
                    .iter()
                    .map(|p| person(p))
                    .collect::<Result<Vec<_>>>()?;
                self.set_minutes_signers(&meeting.id, &signers)?;
            }
        }
        for (case_id, body_short, number) in links {
            let target = self.case_by_number(&body_short, &number)?;
            self.link_case(&case_id, &target.id)?;
        }
        self.load_demo_consultation()
    }

    fn add_demo_item(
        &self,
        meeting_id: &str,
        it: &DItem,
        cases: &HashMap<String, String>,
    ) -> Result<crate::model::AgendaItem> {
        let mut input = ItemInput {
            kind: it.kind,
            title: it.title.clone(),
            case_type: it.case_type.clone(),
            guest: it.guest.clone(),
            summary: it.summary.clone(),
            duration_min: it.duration,
            ..Default::default()
        };
        match it.kind {
            ItemKind::Case => {
                input.title = String::new();
                input.case_type = String::new();
                input.summary = String::new();
                let memo = it.memo.as_ref();
                input.new_case = Some(CaseInput {
                    title: it.title.clone(),
                    case_type: it.case_type.clone(),
                    summary: it.summary.clone(),
                    proposal: Some(it.proposal.clone().unwrap_or_default()),
                    no_memo: it.no_memo,
                    memo: MemoSections {
                        purpose: memo.map(|m| m.purpose.clone()).unwrap_or_default(),
                        background: memo.map(|m| m.background.clone()).unwrap_or_default(),
                        questions: memo.map(|m| m.questions.clone()).unwrap_or_default(),
                        process: memo.map(|m| m.process.clone()).unwrap_or_default(),
                    },
                    owner: it.owner.clone(),
                    officer: it.officer.clone(),
                });
            }
            ItemKind::Continuation => {
                let n = it.continues.as_deref().unwrap_or_default();
                input.continues_case_id = Some(
                    cases
                        .get(n)
                        .cloned()
                        .ok_or_else(|| demo_error(format!("continuation of unknown case {n}")))?,
                );
            }
            _ => {}
        }
        let item = self.add_item(meeting_id, &input, None)?;
        // Unnumbered items keep "Ingen toppnotat" by default; the flag is the case's for cases.
        Ok(item)
    }

    fn fill_demo_case(&self, case_id: &str, _item_id: &str, it: &DItem) -> Result<()> {
        for a in &it.attachment {
            self.add_attachment(
                case_id,
                &AttachmentInput {
                    label: a.label.clone(),
                    title: a.title.clone(),
                    ..Default::default()
                },
                None,
            )?;
        }
        for e in &it.earlier {
            self.add_reference(
                case_id,
                &ReferenceInput {
                    number: e.number.clone(),
                    body: e.body.clone(),
                    date: e.date.clone(),
                    title: e.title.clone(),
                    decision: e.decision.clone(),
                },
            )?;
        }
        if let Some(basis) = &it.exempt_basis {
            self.set_exempt(case_id, true, basis)?;
        }
        if let Some(d) = &it.decision {
            self.record_decision(case_id, d)?;
        }
        Ok(())
    }

    /// Empties every table (used only to undo a failed demo load on a file that was empty).
    fn wipe(&self) -> Result<()> {
        self.write(|tx| {
            tx.pragma_update(None, "defer_foreign_keys", "ON")?;
            tx.execute_batch(
                "DELETE FROM search_index_row; DELETE FROM search_index_response_row; DELETE FROM handling;
                 DELETE FROM summary_heading; DELETE FROM response_answer; DELETE FROM response;
                 DELETE FROM question_part; DELETE FROM question_choice; DELETE FROM consultation_question;
                 DELETE FROM consultation_case; DELETE FROM consultation; DELETE FROM respondent_category;
                 DELETE FROM action_point; DELETE FROM innspill; DELETE FROM attendance;
                 DELETE FROM vote_ballot; DELETE FROM vote_group; DELETE FROM vote; DELETE FROM proposal;
                 DELETE FROM disqualification; DELETE FROM case_substitute; DELETE FROM presence_change;
                 DELETE FROM minutes_signer; DELETE FROM outside_position;
                 DELETE FROM case_link; DELETE FROM attachment; DELETE FROM agenda_item; DELETE FROM meeting;
                 DELETE FROM \"case\"; DELETE FROM number_series; DELETE FROM membership; DELETE FROM party;
                 DELETE FROM person; DELETE FROM case_type; DELETE FROM body_name; DELETE FROM body;",
            )?;
            Ok(())
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DConsultation {
    #[allow(dead_code)]
    format: u32,
    body: String,
    case_title: String,
    title: String,
    sent_date: String,
    deadline: String,
    description: String,
    summary: String,
    #[allow(dead_code)]
    spreadsheet: String,
    question: Vec<DQuestion>,
    heading: Vec<DHeading>,
    response: Vec<DResponse>,
    mark: Vec<DMark>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DQuestion {
    text: String,
    #[serde(default)]
    choices: Vec<String>,
    #[serde(default)]
    parts: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DHeading {
    key: String,
    parent: Option<String>,
    title: String,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DResponse {
    respondent: String,
    category: String,
    received: String,
    publishable: bool,
    answer: Vec<DAnswer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DAnswer {
    question: u32,
    part: Option<String>,
    choice: Option<String>,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DMark {
    question: u32,
    part: Option<String>,
    heading: String,
    #[serde(default)]
    passage: String,
    outcome: crate::vocab::Handling,
    comment: String,
}

impl Store {
    /// The e-health council's 2022 consultation: questions, seed 001's response, the summary's
    /// headings and marks, and the made-up spreadsheet of further responses.
    fn load_demo_consultation(&self) -> Result<()> {
        use crate::consultations::{ConsultationInput, QuestionInput};
        use crate::handling::{HandlingInput, HeadingInput};
        use crate::responses::{AnswerInput, ResponseInput};
        let d: DConsultation =
            toml::from_str(DEMO_CONSULTATION_TOML).map_err(|e| demo_error(e.to_string()))?;
        let body = self.body_by_short(&d.body)?;
        let c = self.create_consultation(
            &body.id,
            &ConsultationInput {
                title: d.title.clone(),
                description: d.description.clone(),
                sent_date: d.sent_date.clone(),
                deadline: d.deadline.clone(),
                summary: d.summary.clone(),
            },
        )?;
        let case_id: String = self
            .conn
            .query_row(
                "SELECT id FROM \"case\" WHERE body_id = ?1 AND title = ?2 ORDER BY year DESC, number DESC LIMIT 1",
                rusqlite::params![body.id, d.case_title],
                |r| r.get("id"),
            )
            .map_err(|_| demo_error(format!("no case {}", d.case_title)))?;
        self.link_consultation_case(&c.id, &case_id)?;
        let mut questions = Vec::new();
        for q in &d.question {
            questions.push(self.add_question(
                &c.id,
                &QuestionInput {
                    text: q.text.clone(),
                    choices: q.choices.clone(),
                    parts: q.parts.clone(),
                },
            )?);
        }
        let part_id = |n: u32, part: &Option<String>| -> Result<(String, Option<String>)> {
            let q = questions
                .get(n as usize - 1)
                .ok_or_else(|| demo_error(format!("no question {n}")))?;
            let p = match part {
                None => None,
                Some(t) => Some(
                    q.parts
                        .iter()
                        .find(|p| &p.title == t)
                        .map(|p| p.id.clone())
                        .ok_or_else(|| demo_error(format!("no part {t}")))?,
                ),
            };
            Ok((q.id.clone(), p))
        };
        let mut headings: HashMap<String, String> = HashMap::new();
        for h in &d.heading {
            let parent_id = match &h.parent {
                Some(k) => Some(
                    headings
                        .get(k)
                        .cloned()
                        .ok_or_else(|| demo_error(k.clone()))?,
                ),
                None => None,
            };
            let made = self.add_heading(
                &c.id,
                &HeadingInput {
                    parent_id,
                    title: h.title.clone(),
                    text: h.text.clone(),
                },
            )?;
            headings.insert(h.key.clone(), made.id);
        }
        let mut first = None;
        for r in &d.response {
            let mut answers = Vec::new();
            for a in &r.answer {
                let (question_id, part_id) = part_id(a.question, &a.part)?;
                answers.push(AnswerInput {
                    question_id,
                    part_id,
                    choice: a.choice.clone(),
                    text: a.text.clone(),
                });
            }
            let added = self.add_response(
                &c.id,
                &ResponseInput {
                    respondent: r.respondent.clone(),
                    category: Some(r.category.clone()),
                    received: r.received.clone(),
                    publishable: r.publishable,
                    answers,
                },
            )?;
            first.get_or_insert(added);
        }
        if let Some(seed) = first {
            for m in &d.mark {
                let (question_id, part_id) = part_id(m.question, &m.part)?;
                let answer = seed
                    .answers
                    .iter()
                    .find(|a| a.question_id == question_id && a.part_id == part_id)
                    .ok_or_else(|| demo_error(format!("no answer to {}", m.question)))?;
                self.mark_answer(
                    &answer.id,
                    &HandlingInput {
                        heading_id: headings.get(&m.heading).cloned(),
                        passage: m.passage.clone(),
                        outcome: m.outcome,
                        comment: m.comment.clone(),
                    },
                )?;
            }
        }
        let sheet = crate::intake::read_sheet(DEMO_RESPONSES_CSV, crate::intake::SheetKind::Csv)?;
        let mapping = self.propose_mapping(&c.id, &sheet)?;
        self.import_sheet(&c.id, &sheet, &mapping)?;
        Ok(())
    }
}
