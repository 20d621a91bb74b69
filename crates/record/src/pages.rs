//! Paged reads for lists that grow with the archive's age: a body's action points a page at a
//! time with their total, and a body's meeting years with how many meetings each has (what the
//! year filters need, without reading every meeting). A 20-year record has some 2,600 action
//! points per body; the window asks for 50 at a time.

use crate::error::Result;
use crate::model::ActionPoint;
use crate::store::{all, from_row, Store};
use rusqlite::params;
use serde::{Deserialize, Serialize};

/// The most rows one page returns.
pub const MAX_PAGE: u32 = 500;

/// One page of a body's action points and how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ActionPage {
    /// Every action point the filter matches, not only this page's.
    pub total: u32,
    pub actions: Vec<ActionPoint>,
}

/// A year a body has meetings in, and how many.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MeetingYear {
    pub year: i32,
    pub meetings: u32,
}

impl Store {
    /// A page of a body's action points with their total: with `open_only` the open ones, oldest
    /// meeting first (they follow the body until done); otherwise every status, newest meeting
    /// first. `year` keeps one year's meetings. `limit` is at most `MAX_PAGE`.
    pub fn action_page(
        &self,
        body_id: &str,
        year: Option<i32>,
        open_only: bool,
        offset: u32,
        limit: u32,
    ) -> Result<ActionPage> {
        let filter =
            "m.body_id = ?1 AND (?2 IS NULL OR m.year = ?2) AND (?3 = 0 OR a.status = 'open')";
        let total: u32 = self.conn.query_row(
            &format!(
                "SELECT count(*) FROM action_point a JOIN agenda_item i ON i.id = a.item_id
                 JOIN meeting m ON m.id = i.meeting_id WHERE {filter}"
            ),
            params![body_id, year, open_only],
            |r| r.get(0),
        )?;
        let order = if open_only {
            crate::record::BY_MEETING
        } else {
            "m.date DESC, m.number DESC, i.position, a.position"
        };
        let actions = crate::record::actions_ordered(
            &self.conn,
            filter,
            &format!("{order} LIMIT ?4 OFFSET ?5"),
            params![body_id, year, open_only, limit.min(MAX_PAGE), offset],
        )?;
        Ok(ActionPage { total, actions })
    }

    /// The years a body has meetings in, newest first, with how many meetings each.
    pub fn meeting_years(&self, body_id: &str) -> Result<Vec<MeetingYear>> {
        all(
            &self.conn,
            "SELECT year, count(*) AS meetings FROM meeting WHERE body_id = ?1
             GROUP BY year ORDER BY year DESC",
            params![body_id],
            |r| Ok(from_row!(r => MeetingYear { year, meetings })),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> (Store, String) {
        let s = Store::open_in_memory().unwrap();
        s.load_demo().unwrap();
        // The body with the most action points.
        let body = s
            .bodies()
            .unwrap()
            .into_iter()
            .max_by_key(|b| s.body_actions(&b.id, None).unwrap().len())
            .unwrap()
            .id;
        (s, body)
    }

    #[test]
    fn pages_add_up_to_the_body_actions_with_the_total() {
        let (s, body) = demo();
        let every = s.body_actions(&body, None).unwrap();
        assert!(every.len() > 1, "demo has action points");
        let first = s.action_page(&body, None, false, 0, 1).unwrap();
        assert_eq!(first.total as usize, every.len());
        assert_eq!(first.actions.len(), 1);
        let mut paged = first.actions;
        let mut offset = 1;
        loop {
            let p = s.action_page(&body, None, false, offset, 1).unwrap();
            if p.actions.is_empty() {
                break;
            }
            offset += p.actions.len() as u32;
            paged.extend(p.actions);
        }
        let mut a: Vec<_> = paged.iter().map(|x| x.id.clone()).collect();
        let mut b: Vec<_> = every.iter().map(|x| x.id.clone()).collect();
        a.sort();
        b.sort();
        assert_eq!(a, b);
    }

    #[test]
    fn open_only_is_the_open_actions_in_their_order() {
        let (s, body) = demo();
        let open = s.open_actions(&body, None).unwrap();
        let page = s.action_page(&body, None, true, 0, MAX_PAGE).unwrap();
        assert_eq!(page.total as usize, open.len());
        assert_eq!(page.actions, open);
    }

    #[test]
    fn years_count_the_meetings() {
        let (s, body) = demo();
        let years = s.meeting_years(&body).unwrap();
        let meetings = s.meetings(&body, None).unwrap();
        assert_eq!(
            years.iter().map(|y| y.meetings as usize).sum::<usize>(),
            meetings.len()
        );
        assert!(years.windows(2).all(|w| w[0].year > w[1].year));
        assert!(s.meeting_years("nope").unwrap().is_empty());
    }
}
