//! Corrections of approved minutes: the one way to change a locked meeting's record. Each edit
//! is made inside `Store::correct`, so the row before and after and the reason go to the
//! append-only audit log.

use crate::error::Result;
use crate::model::Correction;
use crate::record::{ActionInput, AttendanceInput};
use crate::store::{all, from_row, Store};
use serde::{Deserialize, Serialize};

/// One change to locked minutes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CorrectionEdit {
    Decision {
        case_id: String,
        text: String,
    },
    Narrative {
        item_id: String,
        text: String,
    },
    Innspill {
        id: String,
        text: String,
    },
    AddInnspill {
        item_id: String,
        text: String,
    },
    RemoveInnspill {
        id: String,
    },
    Attendance {
        meeting_id: String,
        input: AttendanceInput,
    },
    Action {
        id: String,
        input: ActionInput,
    },
    AddAction {
        item_id: String,
        input: ActionInput,
    },
}

impl Store {
    /// Makes `edit` to locked minutes as a correction with `reason`.
    pub fn apply_correction(&self, reason: &str, edit: &CorrectionEdit) -> Result<()> {
        self.correct(reason, |s| match edit {
            CorrectionEdit::Decision { case_id, text } => {
                s.record_decision(case_id, text).map(drop)
            }
            CorrectionEdit::Narrative { item_id, text } => s.set_narrative(item_id, text),
            CorrectionEdit::Innspill { id, text } => s.update_innspill(id, text).map(drop),
            CorrectionEdit::AddInnspill { item_id, text } => {
                s.add_innspill(item_id, text, None).map(drop)
            }
            CorrectionEdit::RemoveInnspill { id } => s.remove_innspill(id),
            CorrectionEdit::Attendance { meeting_id, input } => {
                s.set_attendance(meeting_id, input).map(drop)
            }
            CorrectionEdit::Action { id, input } => s.update_action(id, input).map(drop),
            CorrectionEdit::AddAction { item_id, input } => s.add_action(item_id, input).map(drop),
        })
    }

    /// Corrections made to a locked meeting, oldest first.
    pub fn corrections(&self, meeting_id: &str) -> Result<Vec<Correction>> {
        all(
            &self.conn,
            "SELECT id, at, meeting_id, entity, entity_id, before, after, reason FROM audit_log
             WHERE meeting_id = ?1 ORDER BY at, rowid",
            [meeting_id],
            |r| {
                Ok(from_row!(r => Correction {
                    id, at, meeting_id, entity, entity_id, before, after, reason,
                }))
            },
        )
    }
}
