//! Quorum's desktop shell: a Tauri 2 window over the `quorum` core.
//!
//! Commands here are thin: they read state or call the core and return plain data.
//! No business rules live in this crate.

pub mod bindings;
pub mod commands;

use std::path::PathBuf;

/// State shared by all commands, decided once at start-up.
#[derive(Debug, Clone)]
pub struct DeskState {
    /// The database file this window works on (`--db`, `QUORUM_DB` or the default).
    pub db_path: PathBuf,
}

/// The Tauri builder with Quorum's commands and state, generic over the runtime so that
/// tests can use `tauri::test::mock_builder()` with the very same registration.
pub fn setup<R: tauri::Runtime>(builder: tauri::Builder<R>, state: DeskState) -> tauri::Builder<R> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![commands::app_info])
}

/// Opens the window and runs until it is closed.
pub fn run(state: DeskState) {
    setup(tauri::Builder::default(), state)
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
