//! End-to-end tests of the real Quorum window: one test binary (`e2e`), a module per area.
//!
//! Each test starts the built `quorum-desk` binary through tauri-driver (WebDriver, which starts
//! WebKitWebDriver, which starts the app) on an X display, with a record path in `QUORUM_DB`,
//! reads what the page shows and saves screenshots into `e2e-artifacts/<test>/`.
//!
//! Run them with `make e2e`, which builds the UI and the binary first and provides a display
//! with `xvfb-run` when there is none. They live in their own package (`quorum-e2e`), so a
//! plain `cargo test` at the workspace root never runs them. The tests run one at a time
//! (see `harness`).
//!
//! Environment:
//! - `QUORUM_DESK_BIN`: the binary to drive (default `<target>/debug/quorum-desk`).
//! - `TAURI_DRIVER`: the tauri-driver to use (default: on PATH, else `~/.cargo/bin`).
//! - `DISPLAY`: used when set; otherwise each test starts its own Xvfb.
//! - `QUORUM_E2E_PORT`: tauri-driver's port (default 4444; a free one if that is taken).

mod backups;
mod council;
mod journey;
mod kill;

// Shared by every module; a helper some module does not call yet is not dead code.
#[allow(dead_code)]
mod harness;
