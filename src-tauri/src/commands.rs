//! The commands the web view may invoke. Each is thin; its types are exported to
//! TypeScript with ts-rs (see `ui/src/lib/bindings/`).

use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::DeskState;

/// What the window shows about the running application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
// Exported by the test in `bindings.rs` (not `#[ts(export)]`, which would race with it).
#[ts(export_to = "AppInfo.ts")]
pub struct AppInfo {
    /// The version of the desktop application.
    pub version: String,
    /// The database file in use, as text for display.
    pub db_path: String,
}

impl AppInfo {
    pub fn from_state(state: &DeskState) -> Self {
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            db_path: state.db_path.display().to_string(),
        }
    }
}

/// Version and database path of the running application.
#[tauri::command]
pub fn app_info(state: State<'_, DeskState>) -> AppInfo {
    AppInfo::from_state(&state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
    use tauri::webview::InvokeRequest;

    fn state() -> DeskState {
        DeskState {
            db_path: PathBuf::from("/tmp/rådhus/møter.db"),
        }
    }

    #[test]
    fn app_info_is_answered_over_ipc() {
        let app = crate::setup(mock_builder(), state())
            .build(mock_context(noop_assets()))
            .expect("mock app builds");
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("mock window builds");

        let response = get_ipc_response(
            &webview,
            InvokeRequest {
                cmd: "app_info".into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::default(),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .expect("app_info answers");

        let value: serde_json::Value = response.deserialize().unwrap();
        assert_eq!(
            value,
            serde_json::json!({
                "version": env!("CARGO_PKG_VERSION"),
                "db_path": "/tmp/rådhus/møter.db",
            })
        );
    }

    #[test]
    fn unknown_command_is_an_error() {
        let app = crate::setup(mock_builder(), state())
            .build(mock_context(noop_assets()))
            .unwrap();
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        let response = get_ipc_response(
            &webview,
            InvokeRequest {
                cmd: "no_such_command".into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::default(),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        );
        assert!(response.is_err());
    }
}
