//! Quorum's desktop shell: a Tauri 2 window over the `quorum` core.
//!
//! Commands here are thin: they read state or call the core and return plain data.
//! No business rules live in this crate.

pub mod bindings;
pub mod commands;
pub mod error;
pub mod state;
mod tidy;

pub use state::DeskState;

use std::path::PathBuf;
use tauri::{Emitter, Manager};

/// The event told when the day's and the week's backups taken in the background are done.
pub const SCHEDULED_BACKUPS_EVENT: &str = "scheduled-backups";

/// The Tauri builder with Quorum's commands and state, generic over the runtime so that
/// tests can use `tauri::test::mock_builder()` with the very same registration.
pub fn setup<R: tauri::Runtime>(builder: tauri::Builder<R>, state: DeskState) -> tauri::Builder<R> {
    registered(builder).manage(state)
}

/// Quorum's plugins and commands, without the state (which `run` opens only once this is the
/// one instance).
fn registered<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    use commands::{app, backups, council, documents, journal, record};
    builder
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(tauri::generate_handler![
            app::app_info,
            app::set_language,
            app::export_archive,
            app::pick_archive,
            app::open_archive,
            app::close_archive,
            backups::list_backups,
            backups::make_backup,
            backups::restore_backup,
            backups::open_problem,
            backups::quit,
            documents::preview_document,
            documents::export_documents,
            documents::open_path,
            documents::open_attachment,
            journal::journal_write,
            journal::journal_read,
            record::list_bodies,
            record::create_body,
            record::update_body,
            record::rename_body,
            record::list_case_types,
            record::save_case_type,
            record::remove_case_type,
            record::list_people,
            record::create_person,
            record::update_person,
            record::list_memberships,
            record::add_membership,
            record::update_membership,
            record::remove_membership,
            record::list_meetings,
            record::get_meeting,
            record::create_meeting,
            record::update_meeting,
            record::send_agenda,
            record::mark_held,
            record::approve_minutes,
            record::set_current_item,
            record::list_corrections,
            record::get_timetable,
            record::timetable_warning,
            record::add_item,
            record::update_item,
            record::move_item,
            record::remove_item,
            record::get_item,
            record::get_case,
            record::unplaced_cases,
            record::create_case,
            record::update_case,
            record::set_exempt,
            record::add_attachment,
            record::remove_attachment,
            record::link_case,
            record::add_reference,
            record::remove_link,
            record::list_attendance,
            record::set_attendance,
            record::remove_attendance,
            record::set_narrative,
            record::list_innspill,
            record::add_innspill,
            record::update_innspill,
            record::remove_innspill,
            record::record_decision,
            record::accept_proposal,
            record::clear_decision,
            record::list_actions,
            record::add_action,
            record::update_action,
            record::remove_action,
            record::set_action_status,
            record::open_actions,
            record::body_actions,
            record::action_page,
            record::meeting_years,
            record::correct,
            record::search,
            record::mark_item_started,
            record::case_history,
            council::set_body_rules,
            council::list_parties,
            council::add_party,
            council::update_party,
            council::remove_party,
            council::set_membership_party,
            council::list_outside_positions,
            council::add_outside_position,
            council::update_outside_position,
            council::remove_outside_position,
            council::set_presence_change,
            council::list_presence_changes,
            council::add_case_substitute,
            council::remove_case_substitute,
            council::list_case_substitutes,
            council::raise_disqualification,
            council::decide_disqualification,
            council::remove_disqualification,
            council::list_disqualifications,
            council::possible_conflicts,
            council::get_quorum,
            council::decide_without_quorum,
            council::list_proposals,
            council::add_proposal,
            council::update_proposal,
            council::remove_proposal,
            council::record_vote,
            council::remove_vote,
            council::list_votes,
            council::set_minutes_signers,
            council::get_signing,
            council::send_for_signing,
            council::sign_minutes,
            council::refuse_minutes,
            council::signing_pdf,
        ])
}

/// Opens the record at `db_path` and its window, and runs until the window is closed. A second
/// instance hands focus to the first and exits before it touches the record; a record that
/// cannot be opened gets the recovery screen instead of the record.
pub fn run(db_path: PathBuf, export_dir: PathBuf) {
    // Registered first, as the plugin asks: in a second instance it forwards to the first and
    // exits while the plugins initialise, before the setup below opens the record.
    let builder =
        tauri::Builder::default().plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }));
    registered(builder)
        .setup(move |app| {
            app.manage(DeskState::open_or_recover(db_path, export_dir));
            // The day's and the week's backups follow on a thread of their own, while the
            // window opens and works on the record; the backups screen hears when they end.
            let state = app.state::<DeskState>();
            let handle = app.handle().clone();
            state.scheduled.set_notify(move || {
                let _ = handle.emit(SCHEDULED_BACKUPS_EVENT, ());
            });
            state.start_scheduled_backups();
            tidy::spawn(app.handle().clone());
            // The window is made here (`create: false` in tauri.conf.json), after the state it
            // asks for exists.
            let config = app
                .config()
                .app
                .windows
                .iter()
                .find(|w| w.label == "main")
                .cloned()
                .ok_or("tauri.conf.json has no main window")?;
            tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?.build()?;
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("error while running the Quorum window");
}

/// Whether this binary serves the bundled `ui/dist` (built with the `custom-protocol`
/// feature) or expects a dev server at `devUrl`.
pub const SERVES_BUNDLED_UI: bool = cfg!(feature = "custom-protocol");

/// One line of JSON describing this build, printed by `quorum-desk --build-info`.
pub fn build_info_json() -> String {
    serde_json::json!({
        "name": env!("CARGO_PKG_NAME"),
        "version": env!("CARGO_PKG_VERSION"),
        "custom_protocol": SERVES_BUNDLED_UI,
    })
    .to_string()
}

#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod tests;
