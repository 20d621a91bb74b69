//! Commands over what the law asks the minutes to show (schema v5): party groups, outside
//! positions, proposals and votes, attendance through the meeting, substitutes for one case,
//! impartiality, the quorum, the body's rules and the signing of minutes. Thin calls into the
//! core, one per `Store` method.

use crate::error::UiResult;
use crate::state::DeskState;
use quorum_record::groups::{OutsidePosition, OutsidePositionInput, Party, PartyInput};
use quorum_record::model::{Body, Person};
use quorum_record::presence::{
    CaseQuorum, CaseSubstitute, Disqualification, DisqualificationDecision, PresenceChange,
};
use quorum_record::signing::{SigningRound, SigningState};
use quorum_record::vocab::PresenceKind;
use quorum_record::votes::{Proposal, ProposalInput, Vote, VoteInput};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

type S<'a> = State<'a, DeskState>;

// The body's rules, its groups and the members' groups.

#[tauri::command]
pub fn set_body_rules(
    state: S<'_>,
    id: String,
    quorum_percent: Option<u32>,
    signed_minutes: bool,
) -> UiResult<Body> {
    state.with(|s| s.set_body_rules(&id, quorum_percent, signed_minutes))
}

#[tauri::command]
pub fn list_parties(state: S<'_>, body_id: String) -> UiResult<Vec<Party>> {
    state.with(|s| s.parties(&body_id))
}

#[tauri::command]
pub fn add_party(state: S<'_>, body_id: String, input: PartyInput) -> UiResult<Party> {
    state.with(|s| s.add_party(&body_id, &input))
}

#[tauri::command]
pub fn update_party(state: S<'_>, id: String, input: PartyInput) -> UiResult<Party> {
    state.with(|s| s.update_party(&id, &input))
}

#[tauri::command]
pub fn remove_party(state: S<'_>, id: String) -> UiResult<()> {
    state.with(|s| s.remove_party(&id))
}

#[tauri::command]
pub fn set_membership_party(
    state: S<'_>,
    membership_id: String,
    party_id: Option<String>,
) -> UiResult<()> {
    state.with(|s| s.set_membership_party(&membership_id, party_id.as_deref()))
}

#[tauri::command]
pub fn list_outside_positions(state: S<'_>, person_id: String) -> UiResult<Vec<OutsidePosition>> {
    state.with(|s| s.outside_positions(&person_id))
}

#[tauri::command]
pub fn add_outside_position(
    state: S<'_>,
    person_id: String,
    input: OutsidePositionInput,
) -> UiResult<OutsidePosition> {
    state.with(|s| s.add_outside_position(&person_id, &input))
}

#[tauri::command]
pub fn update_outside_position(
    state: S<'_>,
    id: String,
    input: OutsidePositionInput,
) -> UiResult<OutsidePosition> {
    state.with(|s| s.update_outside_position(&id, &input))
}

#[tauri::command]
pub fn remove_outside_position(state: S<'_>, id: String) -> UiResult<()> {
    state.with(|s| s.remove_outside_position(&id))
}

// Attendance through the meeting, substitutes for a case, impartiality and the quorum.

#[tauri::command]
pub fn set_presence_change(
    state: S<'_>,
    meeting_id: String,
    person_id: String,
    kind: PresenceKind,
    item_id: Option<String>,
) -> UiResult<Vec<PresenceChange>> {
    state.with(|s| s.set_presence_change(&meeting_id, &person_id, kind, item_id.as_deref()))
}

#[tauri::command]
pub fn list_presence_changes(state: S<'_>, meeting_id: String) -> UiResult<Vec<PresenceChange>> {
    state.with(|s| s.presence_changes(&meeting_id))
}

#[tauri::command]
pub fn add_case_substitute(
    state: S<'_>,
    case_id: String,
    person_id: String,
    substitute_for: String,
) -> UiResult<CaseSubstitute> {
    state.with(|s| s.add_case_substitute(&case_id, &person_id, &substitute_for))
}

#[tauri::command]
pub fn remove_case_substitute(state: S<'_>, id: String) -> UiResult<()> {
    state.with(|s| s.remove_case_substitute(&id))
}

#[tauri::command]
pub fn list_case_substitutes(state: S<'_>, case_id: String) -> UiResult<Vec<CaseSubstitute>> {
    state.with(|s| s.case_substitutes(&case_id))
}

#[tauri::command]
pub fn raise_disqualification(
    state: S<'_>,
    case_id: String,
    person_id: String,
    reason: String,
) -> UiResult<Disqualification> {
    state.with(|s| s.raise_disqualification(&case_id, &person_id, &reason))
}

#[tauri::command]
pub fn decide_disqualification(
    state: S<'_>,
    id: String,
    decision: DisqualificationDecision,
) -> UiResult<Disqualification> {
    state.with(|s| s.decide_disqualification(&id, &decision))
}

#[tauri::command]
pub fn remove_disqualification(state: S<'_>, id: String) -> UiResult<()> {
    state.with(|s| s.remove_disqualification(&id))
}

#[tauri::command]
pub fn list_disqualifications(state: S<'_>, case_id: String) -> UiResult<Vec<Disqualification>> {
    state.with(|s| s.disqualifications(&case_id))
}

/// An outside position of someone taking part in a case whose organisation the case names.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export_to = "PossibleConflict.ts")]
pub struct PossibleConflict {
    pub person: Person,
    pub position: OutsidePosition,
}

#[tauri::command]
pub fn possible_conflicts(state: S<'_>, case_id: String) -> UiResult<Vec<PossibleConflict>> {
    state.with(|s| {
        s.possible_conflicts(&case_id).map(|list| {
            list.into_iter()
                .map(|(person, position)| PossibleConflict { person, position })
                .collect()
        })
    })
}

#[tauri::command]
pub fn get_quorum(state: S<'_>, meeting_id: String) -> UiResult<Vec<CaseQuorum>> {
    state.with(|s| s.quorum(&meeting_id))
}

#[tauri::command]
pub fn decide_without_quorum(state: S<'_>, case_id: String, allow: bool) -> UiResult<()> {
    state.with(|s| s.decide_without_quorum(&case_id, allow))
}

// Proposals and votes.

#[tauri::command]
pub fn list_proposals(state: S<'_>, case_id: String) -> UiResult<Vec<Proposal>> {
    state.with(|s| s.proposals(&case_id))
}

#[tauri::command]
pub fn add_proposal(state: S<'_>, case_id: String, input: ProposalInput) -> UiResult<Proposal> {
    state.with(|s| s.add_proposal(&case_id, &input))
}

#[tauri::command]
pub fn update_proposal(state: S<'_>, id: String, input: ProposalInput) -> UiResult<Proposal> {
    state.with(|s| s.update_proposal(&id, &input))
}

#[tauri::command]
pub fn remove_proposal(state: S<'_>, id: String) -> UiResult<()> {
    state.with(|s| s.remove_proposal(&id))
}

#[tauri::command]
pub fn record_vote(state: S<'_>, case_id: String, input: VoteInput) -> UiResult<Vote> {
    state.with(|s| s.record_vote(&case_id, &input))
}

#[tauri::command]
pub fn remove_vote(state: S<'_>, id: String) -> UiResult<()> {
    state.with(|s| s.remove_vote(&id))
}

#[tauri::command]
pub fn list_votes(state: S<'_>, case_id: String) -> UiResult<Vec<Vote>> {
    state.with(|s| s.votes(&case_id))
}

// Signing of the minutes.

#[tauri::command]
pub fn set_minutes_signers(
    state: S<'_>,
    meeting_id: String,
    person_ids: Vec<String>,
) -> UiResult<SigningState> {
    state.with(|s| s.set_minutes_signers(&meeting_id, &person_ids))
}

#[tauri::command]
pub fn get_signing(state: S<'_>, meeting_id: String) -> UiResult<SigningState> {
    state.with(|s| s.signing(&meeting_id))
}

/// Renders the signing copy of the minutes and sends it for signing: the record keeps that
/// exact PDF and its SHA-256, and the meeting is locked until the round closes.
#[tauri::command(async)]
pub fn send_for_signing(state: S<'_>, meeting_id: String) -> UiResult<SigningRound> {
    use quorum_documents::Documents;
    state.with(|s| s.send_minutes_for_signing(&meeting_id))
}

#[tauri::command]
pub fn sign_minutes(
    state: S<'_>,
    meeting_id: String,
    person_id: String,
    sha256: String,
) -> UiResult<SigningState> {
    state.with(|s| s.sign_minutes(&meeting_id, &person_id, &sha256))
}

#[tauri::command]
pub fn refuse_minutes(
    state: S<'_>,
    meeting_id: String,
    person_id: String,
    comment: String,
) -> UiResult<SigningState> {
    state.with(|s| s.refuse_minutes(&meeting_id, &person_id, &comment))
}

/// The exact PDF sent in a signing round, for the preview beside the signature.
#[tauri::command(async)]
pub fn signing_pdf(state: S<'_>, round_id: String) -> UiResult<tauri::ipc::Response> {
    let bytes = state.with(|s| s.signing_pdf(&round_id))?;
    Ok(tauri::ipc::Response::new(bytes))
}
