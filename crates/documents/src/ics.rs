//! An iCalendar (.ics) invitation for a meeting, with the timetable in its description.

use chrono::{NaiveDateTime, TimeZone, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike};
use quorum_record::numbers::{parse_date, parse_time};
use quorum_record::{Result, Store};

/// Norwegian councils meet on Norwegian time; the calendar names the zone, clients resolve it.
const TZID: &str = "Europe/Oslo";

/// The meeting as a calendar invitation (RFC 5545 text).
pub(crate) fn invitation(store: &Store, meeting_id: &str) -> Result<String> {
    let m = store.meeting(meeting_id)?;
    let name = store.meeting_heading(meeting_id)?.body_name;
    let date = parse_date("date", &m.date)?;
    let at = |t: &str| -> Result<NaiveDateTime> { Ok(date.and_time(parse_time("start", t)?)) };
    let tt = store.timetable(meeting_id)?;
    let mut description = String::new();
    for r in &tt.rows {
        let number = r
            .item
            .case_number
            .clone()
            .map(|n| format!("{n} "))
            .unwrap_or_default();
        description += &format!("{}  {number}{}\n", r.start, r.item.title);
    }
    description += &format!("{}  Slutt\n", tt.end);
    let place = if m.remote {
        "Videomøte".to_string()
    } else {
        m.place.clone()
    };
    let mut event = Event::new();
    event
        .uid(&format!("{}@quorum", m.id))
        // The stamp comes from the record, so the same meeting gives the same file.
        .timestamp(Utc.from_utc_datetime(&at(&m.start)?))
        .summary(&format!("Møte {} – {name}", m.number))
        .location(&place)
        .description(&description)
        .starts(CalendarDateTime::WithTimezone {
            date_time: at(&m.start)?,
            tzid: TZID.into(),
        })
        .ends(CalendarDateTime::WithTimezone {
            date_time: at(&m.end)?,
            tzid: TZID.into(),
        });
    if !m.remote_link.is_empty() {
        event.url(&m.remote_link);
    }
    let calendar = Calendar::new().name(&name).push(event.done()).done();
    Ok(calendar.to_string())
}

#[cfg(test)]
mod tests {
    use crate::Documents;
    use icalendar::{Calendar, CalendarComponent, Component, EventLike};
    use quorum_record::Store;

    #[test]
    fn demo_meeting_parses_back() {
        let store = Store::open_in_memory().unwrap();
        store.load_demo().unwrap();
        let m = store.meeting_by_number("E-helserådet", "4/2025").unwrap();
        let text = store.meeting_ics(&m.id).unwrap();
        let parsed: Calendar = text.parse().unwrap();
        let events: Vec<_> = parsed
            .components
            .iter()
            .filter_map(|c| {
                if let CalendarComponent::Event(e) = c {
                    Some(e)
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(events.len(), 1);
        let e = events[0];
        assert_eq!(e.get_summary(), Some("Møte 4/2025 – Nasjonalt e-helseråd"));
        assert_eq!(
            e.get_location(),
            Some("Helsedirektoratet, Vitaminveien 4, Storo Oslo")
        );
        let desc = e.get_description().unwrap();
        assert!(
            desc.contains("11:05  32/25 Helseteknologiordningen"),
            "{desc}"
        );
        assert!(desc.contains("16:00  Slutt"), "{desc}");
        assert_eq!(e.property_value("DTSTART"), Some("20251211T100000"));
        assert_eq!(e.property_value("DTEND"), Some("20251211T160000"));
        assert_eq!(text, store.meeting_ics(&m.id).unwrap());
    }
}
