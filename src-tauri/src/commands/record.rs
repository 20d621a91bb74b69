//! Commands over the record: thin calls into the core.

use crate::error::UiResult;
use crate::state::DeskState;
use quorum_record::agenda::{ItemInput, ItemUpdate};
use quorum_record::bodies::BodyInput;
use quorum_record::cases::{AttachmentInput, CaseInput, ReferenceInput};
use quorum_record::corrections::CorrectionEdit;
use quorum_record::meetings::MeetingInput;
use quorum_record::model::*;
use quorum_record::pages::{ActionPage, MeetingYear};
use quorum_record::people::{MembershipInput, PersonInput};
use quorum_record::record::{ActionInput, AttendanceInput};
use quorum_record::search::{SearchHit, SearchQuery};
use quorum_record::timetable::Timetable;
use tauri::State;

type S<'a> = State<'a, DeskState>;

// Bodies, case types, people and memberships.

#[tauri::command]
pub fn list_bodies(state: S<'_>) -> UiResult<Vec<Body>> {
    state.with(|s| s.bodies())
}

#[tauri::command]
pub fn create_body(state: S<'_>, input: BodyInput) -> UiResult<Body> {
    state.with(|s| s.create_body(&input))
}

#[tauri::command]
pub fn update_body(state: S<'_>, id: String, input: BodyInput) -> UiResult<Body> {
    state.with(|s| s.update_body(&id, &input))
}

#[tauri::command]
pub fn rename_body(state: S<'_>, id: String, name: String, valid_from: String) -> UiResult<Body> {
    state.with(|s| s.rename_body(&id, &name, &valid_from))
}

#[tauri::command]
pub fn list_case_types(state: S<'_>, body_id: String) -> UiResult<Vec<CaseType>> {
    state.with(|s| s.case_types(&body_id))
}

#[tauri::command]
pub fn save_case_type(
    state: S<'_>,
    body_id: String,
    name: String,
    proposal_template: String,
) -> UiResult<CaseType> {
    state.with(|s| s.save_case_type(&body_id, &name, &proposal_template))
}

#[tauri::command]
pub fn remove_case_type(state: S<'_>, id: String) -> UiResult<()> {
    state.with(|s| s.remove_case_type(&id))
}

#[tauri::command]
pub fn list_people(state: S<'_>) -> UiResult<Vec<Person>> {
    state.with(|s| s.people())
}

#[tauri::command]
pub fn create_person(state: S<'_>, input: PersonInput) -> UiResult<Person> {
    state.with(|s| s.create_person(&input))
}

#[tauri::command]
pub fn update_person(state: S<'_>, id: String, input: PersonInput) -> UiResult<Person> {
    state.with(|s| s.update_person(&id, &input))
}

#[tauri::command]
pub fn list_memberships(
    state: S<'_>,
    body_id: String,
    on: Option<String>,
) -> UiResult<Vec<Membership>> {
    state.with(|s| s.memberships(&body_id, on.as_deref()))
}

#[tauri::command]
pub fn add_membership(
    state: S<'_>,
    body_id: String,
    input: MembershipInput,
) -> UiResult<Membership> {
    state.with(|s| s.add_membership(&body_id, &input))
}

#[tauri::command]
pub fn update_membership(state: S<'_>, id: String, input: MembershipInput) -> UiResult<Membership> {
    state.with(|s| s.update_membership(&id, &input))
}

#[tauri::command]
pub fn remove_membership(state: S<'_>, id: String) -> UiResult<()> {
    state.with(|s| s.remove_membership(&id))
}

// Meetings and agendas.

#[tauri::command]
pub fn list_meetings(state: S<'_>, body_id: String, year: Option<i32>) -> UiResult<Vec<Meeting>> {
    state.with(|s| s.meetings(&body_id, year))
}

#[tauri::command]
pub fn get_meeting(state: S<'_>, id: String) -> UiResult<Meeting> {
    state.with(|s| s.meeting(&id))
}

#[tauri::command]
pub fn create_meeting(state: S<'_>, body_id: String, input: MeetingInput) -> UiResult<Meeting> {
    state.with(|s| s.create_meeting(&body_id, &input))
}

#[tauri::command]
pub fn update_meeting(state: S<'_>, id: String, input: MeetingInput) -> UiResult<Meeting> {
    state.with(|s| s.update_meeting(&id, &input))
}

#[tauri::command]
pub fn send_agenda(state: S<'_>, id: String) -> UiResult<Meeting> {
    state.with(|s| s.send_agenda(&id))
}

#[tauri::command]
pub fn mark_held(state: S<'_>, id: String) -> UiResult<Meeting> {
    state.with(|s| s.mark_held(&id))
}

#[tauri::command]
pub fn approve_minutes(state: S<'_>, meeting_id: String, case_id: String) -> UiResult<Meeting> {
    state.with(|s| s.approve_minutes(&meeting_id, &case_id))
}

#[tauri::command]
pub fn set_current_item(
    state: S<'_>,
    meeting_id: String,
    item_id: Option<String>,
) -> UiResult<Meeting> {
    state.with(|s| s.set_current_item(&meeting_id, item_id.as_deref()))
}

#[tauri::command]
pub fn list_corrections(state: S<'_>, meeting_id: String) -> UiResult<Vec<Correction>> {
    state.with(|s| s.corrections(&meeting_id))
}

#[tauri::command]
pub fn get_timetable(state: S<'_>, meeting_id: String) -> UiResult<Timetable> {
    state.with(|s| s.timetable(&meeting_id))
}

/// A timetable's overrun warning in the user's language, or None.
#[tauri::command]
pub fn timetable_warning(state: S<'_>, meeting_id: String) -> UiResult<Option<String>> {
    let lang = state.lang();
    state.with(|s| s.timetable(&meeting_id).map(|t| t.warning(lang)))
}

#[tauri::command]
pub fn add_item(
    state: S<'_>,
    meeting_id: String,
    input: ItemInput,
    position: Option<i64>,
) -> UiResult<AgendaItem> {
    state.with(|s| s.add_item(&meeting_id, &input, position))
}

#[tauri::command]
pub fn update_item(state: S<'_>, id: String, input: ItemUpdate) -> UiResult<AgendaItem> {
    state.with(|s| s.update_item(&id, &input))
}

#[tauri::command]
pub fn move_item(state: S<'_>, id: String, position: i64) -> UiResult<Vec<AgendaItem>> {
    state.with(|s| s.move_item(&id, position))
}

#[tauri::command]
pub fn remove_item(state: S<'_>, id: String) -> UiResult<()> {
    state.with(|s| s.remove_item(&id))
}

#[tauri::command]
pub fn get_item(state: S<'_>, id: String) -> UiResult<AgendaItem> {
    state.with(|s| s.item(&id))
}

// Cases.

#[tauri::command]
pub fn get_case(state: S<'_>, id: String) -> UiResult<Case> {
    state.with(|s| s.case(&id))
}

#[tauri::command]
pub fn unplaced_cases(state: S<'_>, body_id: String) -> UiResult<Vec<Case>> {
    state.with(|s| s.unplaced_cases(&body_id))
}

#[tauri::command]
pub fn create_case(state: S<'_>, body_id: String, year: i32, input: CaseInput) -> UiResult<Case> {
    state.with(|s| s.create_case(&body_id, year, &input))
}

#[tauri::command]
pub fn update_case(state: S<'_>, id: String, input: CaseInput) -> UiResult<Case> {
    state.with(|s| s.update_case(&id, &input))
}

#[tauri::command]
pub fn set_exempt(state: S<'_>, id: String, exempt: bool, basis: String) -> UiResult<Case> {
    state.with(|s| s.set_exempt(&id, exempt, &basis))
}

/// Stores a file the user picked; its bytes arrive base64-encoded.
#[tauri::command]
pub fn add_attachment(
    state: S<'_>,
    case_id: String,
    input: AttachmentInput,
    content_base64: Option<String>,
) -> UiResult<Case> {
    use base64::Engine;
    let bytes = match content_base64 {
        Some(b) => Some(
            base64::engine::general_purpose::STANDARD
                .decode(b)
                // The window encodes what it read; anything else did not come from a file.
                .map_err(|_| {
                    use crate::error::ToUi;
                    quorum_record::Error::other(
                        "file",
                        "Filinnholdet kom ikke fram i god stand. Velg filen på nytt.",
                        "The file's content did not arrive intact. Choose the file again.",
                    )
                    .to_ui(state.lang())
                })?,
        ),
        None => None,
    };
    state.with(|s| s.add_attachment(&case_id, &input, bytes.as_deref()))
}

#[tauri::command]
pub fn remove_attachment(state: S<'_>, id: String) -> UiResult<Case> {
    state.with(|s| s.remove_attachment(&id))
}

#[tauri::command]
pub fn link_case(state: S<'_>, case_id: String, target_case_id: String) -> UiResult<Case> {
    state.with(|s| s.link_case(&case_id, &target_case_id))
}

#[tauri::command]
pub fn add_reference(state: S<'_>, case_id: String, input: ReferenceInput) -> UiResult<Case> {
    state.with(|s| s.add_reference(&case_id, &input))
}

#[tauri::command]
pub fn remove_link(state: S<'_>, id: String) -> UiResult<Case> {
    state.with(|s| s.remove_link(&id))
}

// The meeting record.

#[tauri::command]
pub fn list_attendance(state: S<'_>, meeting_id: String) -> UiResult<Vec<Attendance>> {
    state.with(|s| s.attendance(&meeting_id))
}

#[tauri::command]
pub fn set_attendance(
    state: S<'_>,
    meeting_id: String,
    input: AttendanceInput,
) -> UiResult<Vec<Attendance>> {
    state.with(|s| s.set_attendance(&meeting_id, &input))
}

#[tauri::command]
pub fn remove_attendance(
    state: S<'_>,
    meeting_id: String,
    person_id: String,
) -> UiResult<Vec<Attendance>> {
    state.with(|s| s.remove_attendance(&meeting_id, &person_id))
}

#[tauri::command]
pub fn set_narrative(state: S<'_>, item_id: String, text: String) -> UiResult<()> {
    state.with(|s| s.set_narrative(&item_id, &text))
}

#[tauri::command]
pub fn list_innspill(state: S<'_>, item_id: String) -> UiResult<Vec<Innspill>> {
    state.with(|s| s.innspill(&item_id))
}

#[tauri::command]
pub fn add_innspill(
    state: S<'_>,
    item_id: String,
    text: String,
    position: Option<i64>,
) -> UiResult<Innspill> {
    state.with(|s| s.add_innspill(&item_id, &text, position))
}

#[tauri::command]
pub fn update_innspill(state: S<'_>, id: String, text: String) -> UiResult<Innspill> {
    state.with(|s| s.update_innspill(&id, &text))
}

#[tauri::command]
pub fn remove_innspill(state: S<'_>, id: String) -> UiResult<()> {
    state.with(|s| s.remove_innspill(&id))
}

#[tauri::command]
pub fn record_decision(state: S<'_>, case_id: String, text: String) -> UiResult<Case> {
    state.with(|s| s.record_decision(&case_id, &text))
}

#[tauri::command]
pub fn accept_proposal(state: S<'_>, case_id: String) -> UiResult<Case> {
    state.with(|s| s.accept_proposal(&case_id))
}

#[tauri::command]
pub fn clear_decision(state: S<'_>, case_id: String) -> UiResult<Case> {
    state.with(|s| s.clear_decision(&case_id))
}

#[tauri::command]
pub fn list_actions(state: S<'_>, item_id: String) -> UiResult<Vec<ActionPoint>> {
    state.with(|s| s.actions(&item_id))
}

#[tauri::command]
pub fn add_action(state: S<'_>, item_id: String, input: ActionInput) -> UiResult<ActionPoint> {
    state.with(|s| s.add_action(&item_id, &input))
}

#[tauri::command]
pub fn update_action(state: S<'_>, id: String, input: ActionInput) -> UiResult<ActionPoint> {
    state.with(|s| s.update_action(&id, &input))
}

#[tauri::command]
pub fn remove_action(state: S<'_>, id: String) -> UiResult<()> {
    state.with(|s| s.remove_action(&id))
}

#[tauri::command]
pub fn set_action_status(
    state: S<'_>,
    id: String,
    status: quorum_record::vocab::ActionStatus,
    note: String,
) -> UiResult<ActionPoint> {
    state.with(|s| s.set_action_status(&id, status, &note))
}

#[tauri::command]
pub fn open_actions(
    state: S<'_>,
    body_id: String,
    before_date: Option<String>,
) -> UiResult<Vec<ActionPoint>> {
    state.with(|s| s.open_actions(&body_id, before_date.as_deref()))
}

#[tauri::command]
pub fn body_actions(
    state: S<'_>,
    body_id: String,
    year: Option<i32>,
) -> UiResult<Vec<ActionPoint>> {
    state.with(|s| s.body_actions(&body_id, year))
}

/// A page of a body's action points with their total (the archive's list draws 50 at a time).
#[tauri::command]
pub fn action_page(
    state: S<'_>,
    body_id: String,
    year: Option<i32>,
    open_only: bool,
    offset: u32,
    limit: u32,
) -> UiResult<ActionPage> {
    state.with(|s| s.action_page(&body_id, year, open_only, offset, limit))
}

/// A body's meeting years, newest first, with how many meetings each (for the year filters).
#[tauri::command]
pub fn meeting_years(state: S<'_>, body_id: String) -> UiResult<Vec<MeetingYear>> {
    state.with(|s| s.meeting_years(&body_id))
}

// Corrections of locked minutes: one command per kind of change, each with its reason.

#[tauri::command]
pub fn correct(state: S<'_>, reason: String, edit: CorrectionEdit) -> UiResult<()> {
    state.with(|s| s.apply_correction(&reason, &edit))
}

// Search.

#[tauri::command]
pub fn search(state: S<'_>, query: SearchQuery) -> UiResult<Vec<SearchHit>> {
    state.with(|s| s.search(&query))
}

#[tauri::command]
pub fn mark_item_started(state: S<'_>, item_id: String, time: String) -> UiResult<AgendaItem> {
    state.with(|s| s.mark_item_started(&item_id, &time))
}

#[tauri::command]
pub fn case_history(state: S<'_>, case_id: String) -> UiResult<Vec<CaseLink>> {
    state.with(|s| s.case_history(&case_id))
}
