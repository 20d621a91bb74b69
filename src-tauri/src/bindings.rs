//! TypeScript bindings for the IPC types, generated with ts-rs.
//!
//! `cargo test -p quorum-desk` regenerates them into `ui/src/lib/bindings/` (or into
//! `$TS_RS_EXPORT_DIR` when set) and fails if the files there were missing or stale, so a
//! changed Rust type cannot silently drift from the UI's idea of it. With
//! `QUORUM_BLESS_BINDINGS=1` (what `make ui-bindings` sets) it regenerates without failing.

use std::path::PathBuf;

/// Where the generated `.ts` files live: `$TS_RS_EXPORT_DIR`, else `ui/src/lib/bindings`.
pub fn bindings_dir() -> PathBuf {
    match std::env::var_os("TS_RS_EXPORT_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings"),
    }
}

/// Exports every IPC type (with its dependencies) into `dir`.
pub fn export_all(dir: &std::path::Path) -> Result<(), ts_rs::ExportError> {
    use ts_rs::TS;
    let cfg = ts_rs::Config::new().with_out_dir(dir);
    use crate::commands::{app, backups, documents};
    use quorum_record::{
        agenda, bodies, cases, meetings, model, people, record as rec, search, timetable,
    };
    app::AppInfo::export_all(&cfg)?;
    backups::BackupList::export_all(&cfg)?;
    backups::RestoreResult::export_all(&cfg)?;
    crate::state::OpenProblem::export_all(&cfg)?;
    crate::error::UiError::export_all(&cfg)?;
    crate::error::ErrorKind::export_all(&cfg)?;
    quorum_documents::DocRequest::export_all(&cfg)?;
    documents::ExportProgress::export_all(&cfg)?;
    quorum_record::corrections::CorrectionEdit::export_all(&cfg)?;
    model::Body::export_all(&cfg)?;
    model::CaseType::export_all(&cfg)?;
    model::Person::export_all(&cfg)?;
    model::Membership::export_all(&cfg)?;
    model::Meeting::export_all(&cfg)?;
    model::AgendaItem::export_all(&cfg)?;
    model::Case::export_all(&cfg)?;
    model::Attendance::export_all(&cfg)?;
    model::Innspill::export_all(&cfg)?;
    model::ActionPoint::export_all(&cfg)?;
    model::Correction::export_all(&cfg)?;
    bodies::BodyInput::export_all(&cfg)?;
    people::PersonInput::export_all(&cfg)?;
    people::MembershipInput::export_all(&cfg)?;
    meetings::MeetingInput::export_all(&cfg)?;
    agenda::ItemInput::export_all(&cfg)?;
    agenda::ItemUpdate::export_all(&cfg)?;
    cases::CaseInput::export_all(&cfg)?;
    cases::ReferenceInput::export_all(&cfg)?;
    cases::AttachmentInput::export_all(&cfg)?;
    rec::AttendanceInput::export_all(&cfg)?;
    rec::ActionInput::export_all(&cfg)?;
    timetable::Timetable::export_all(&cfg)?;
    search::SearchQuery::export_all(&cfg)?;
    search::SearchHit::export_all(&cfg)?;
    quorum_record::pages::ActionPage::export_all(&cfg)?;
    quorum_record::pages::MeetingYear::export_all(&cfg)?;
    {
        use quorum_record::{groups, presence, signing, votes};
        groups::Party::export_all(&cfg)?;
        groups::PartyInput::export_all(&cfg)?;
        groups::OutsidePosition::export_all(&cfg)?;
        groups::OutsidePositionInput::export_all(&cfg)?;
        presence::PresenceChange::export_all(&cfg)?;
        presence::CaseSubstitute::export_all(&cfg)?;
        presence::Disqualification::export_all(&cfg)?;
        presence::DisqualificationDecision::export_all(&cfg)?;
        presence::CaseQuorum::export_all(&cfg)?;
        presence::Voter::export_all(&cfg)?;
        votes::Proposal::export_all(&cfg)?;
        votes::ProposalInput::export_all(&cfg)?;
        votes::Vote::export_all(&cfg)?;
        votes::VoteInput::export_all(&cfg)?;
        signing::SigningState::export_all(&cfg)?;
        signing::SigningRound::export_all(&cfg)?;
        signing::Signature::export_all(&cfg)?;
        crate::commands::council::PossibleConflict::export_all(&cfg)?;
        quorum_record::vocab::PresenceKind::export_all(&cfg)?;
        quorum_record::vocab::Impartiality::export_all(&cfg)?;
        quorum_record::vocab::VoteMethod::export_all(&cfg)?;
        quorum_record::vocab::VoteSide::export_all(&cfg)?;
        quorum_record::vocab::VoteResult::export_all(&cfg)?;
        quorum_record::vocab::Verdict::export_all(&cfg)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn files_in(dir: &std::path::Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                out.extend(files_in(&path));
            } else {
                out.push(path);
            }
        }
        out.sort();
        out
    }

    #[test]
    fn typescript_bindings_are_current() {
        let fresh = tempfile::tempdir().unwrap();
        export_all(fresh.path()).unwrap();

        let target = bindings_dir();
        let mut stale = Vec::new();
        for file in files_in(fresh.path()) {
            let relative = file.strip_prefix(fresh.path()).unwrap();
            let wanted = fs::read_to_string(&file).unwrap();
            let dest = target.join(relative);
            if fs::read_to_string(&dest).ok().as_deref() != Some(wanted.as_str()) {
                fs::create_dir_all(dest.parent().unwrap()).unwrap();
                fs::write(&dest, &wanted).unwrap();
                stale.push(relative.display().to_string());
            }
        }
        let bless = std::env::var_os("QUORUM_BLESS_BINDINGS").is_some_and(|v| v == "1");
        if bless && !stale.is_empty() {
            eprintln!("regenerated: {}", stale.join(", "));
            return;
        }
        assert!(
            stale.is_empty(),
            "TypeScript bindings in {} were missing or stale and have been regenerated: {}. \
             Review and commit them, then run the tests again.",
            target.display(),
            stale.join(", ")
        );
    }

    #[test]
    fn app_info_binding_has_the_command_fields() {
        use ts_rs::TS;
        let decl = crate::commands::app::AppInfo::decl(&ts_rs::Config::new());
        assert!(decl.contains("version: string"), "{decl}");
        assert!(decl.contains("db_path: string"), "{decl}");
    }
}
