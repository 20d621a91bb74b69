//! Agenda times: each item starts when the one before ends, from the meeting's start; the end
//! line is the meeting's end. Running past the end is a warning, not an error.

use crate::error::Result;
use crate::model::AgendaItem;
use crate::numbers::{parse_time, table_time};
use crate::store::{items_of, meeting, Store};
use chrono::{Duration, NaiveTime};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TimetableRow {
    pub item: AgendaItem,
    /// "10:05".
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Timetable {
    pub rows: Vec<TimetableRow>,
    /// The meeting's end ("16:00"): the "Slutt" line.
    pub end: String,
    /// Minutes the items run past the end (0 when they fit).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub overrun_min: i64,
    /// Minutes left before the end (0 when overrun).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub slack_min: i64,
}

impl Timetable {
    /// The warning users see when the agenda does not fit, in their language.
    pub fn warning(&self, lang: crate::Lang) -> Option<String> {
        (self.overrun_min > 0).then(|| match lang {
            crate::Lang::Nb => format!(
                "Dagsordenen går {} minutter over sluttiden {}.",
                self.overrun_min, self.end
            ),
            crate::Lang::En => format!(
                "The agenda runs {} minutes past the end time {}.",
                self.overrun_min, self.end
            ),
        })
    }
}

/// Computes times for `items` from `start` to `end`. Items past midnight wrap, which a
/// one-day meeting never reaches in practice; the overrun then shows it.
pub fn compute(items: Vec<AgendaItem>, start: NaiveTime, end: NaiveTime) -> Timetable {
    let mut at = start;
    let mut total = 0i64;
    let rows = items
        .into_iter()
        .map(|item| {
            let begins = at;
            total += item.duration_min;
            at = begins + Duration::minutes(item.duration_min);
            TimetableRow {
                start: table_time(begins),
                end: table_time(at),
                item,
            }
        })
        .collect();
    let available = (end - start).num_minutes();
    Timetable {
        rows,
        end: table_time(end),
        overrun_min: (total - available).max(0),
        slack_min: (available - total).max(0),
    }
}

impl Store {
    pub fn timetable(&self, meeting_id: &str) -> Result<Timetable> {
        let m = meeting(&self.conn, meeting_id)?;
        let start = parse_time("start", &m.start)?;
        let end = parse_time("end", &m.end)?;
        Ok(compute(items_of(&self.conn, meeting_id)?, start, end))
    }
}
