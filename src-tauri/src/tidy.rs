//! Upkeep of the open record in the window's pauses (`Store::tidy`: the search index's segment
//! merges and the WAL checkpoint), so that a save while typing never pays for it.

use crate::state::DeskState;
use std::time::Duration;
use tauri::{AppHandle, Manager};

/// How long the record must have had no change before upkeep starts.
const IDLE: Duration = Duration::from_millis(1500);
/// How often the thread looks.
const TICK: Duration = Duration::from_millis(500);
/// Merge steps per look: each a few milliseconds, so the record's lock is never held long and a
/// command that comes meanwhile waits at most that.
const STEPS: u32 = 4;

/// Starts the upkeep thread; it lives as long as the app.
pub fn spawn(app: AppHandle) {
    let started = std::thread::Builder::new()
        .name("quorum-tidy".into())
        .spawn(move || loop {
            std::thread::sleep(TICK);
            let state = app.state::<DeskState>();
            // A command holds the lock: the record is not idle.
            let Ok(guard) = state.store.try_lock() else {
                continue;
            };
            if let Some(store) = guard.as_ref() {
                if store.idle_for().is_some_and(|d| d >= IDLE) {
                    // Only upkeep: the changes are committed; a file that cannot be written
                    // says so at the next save, in the user's words.
                    let _ = store.tidy(STEPS);
                }
            }
        });
    // Without the thread the record is as safe, only merged by FTS5 itself.
    drop(started);
}
