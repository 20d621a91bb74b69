//! The demo record (typed from seed 004: Nasjonalt e-helseråd, meetings 3/2025 and 4/2025, and
//! NUIT), loaded through the same API a user's actions go through.

use crate::agenda::ItemInput;
use crate::bodies::BodyInput;
use crate::cases::{AttachmentInput, CaseInput, ReferenceInput};
use crate::error::{Error, Result};
use crate::meetings::MeetingInput;
use crate::model::{Due, MemoSections};
use crate::people::{MembershipInput, PersonInput};
use crate::record::{ActionInput, AttendanceInput};
use crate::vocab::{ActionStatus, AttendanceStatus, ItemKind, MeetingStatus, Role};
use crate::{Lang, Store};
use serde::Deserialize;
use std::collections::HashMap;

pub const DEMO_TOML: &str = include_str!("../demo/demo.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Demo {
    #[allow(dead_code)]
    format: u32,
    body: Vec<DBody>,
    person: Vec<DPerson>,
    membership: Vec<DMembership>,
    meeting: Vec<DMeeting>,
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
            bodies.insert(b.short_name.clone(), body.id);
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
        for m in &demo.membership {
            self.add_membership(
                &body(&m.body)?,
                &MembershipInput {
                    person_id: person(&m.person)?,
                    role: Role::parse(&m.role)?,
                    term_from: m.term_from.clone(),
                    term_to: m.term_to.clone(),
                    substitute_id: m.substitute.as_deref().map(person).transpose()?,
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
        }
        for (case_id, body_short, number) in links {
            let target = self.case_by_number(&body_short, &number)?;
            self.link_case(&case_id, &target.id)?;
        }
        Ok(())
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
                "DELETE FROM search_index_row; DELETE FROM action_point; DELETE FROM innspill; DELETE FROM attendance;
                 DELETE FROM case_link; DELETE FROM attachment; DELETE FROM agenda_item; DELETE FROM meeting;
                 DELETE FROM \"case\"; DELETE FROM number_series; DELETE FROM membership; DELETE FROM person;
                 DELETE FROM case_type; DELETE FROM body_name; DELETE FROM body;",
            )?;
            Ok(())
        })
    }
}
