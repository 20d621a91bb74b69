//! Case numbers ("32/25"), meeting numbers ("4/2025"), dates and clock times as users write them.

use crate::error::{Invalid, Problem, Result};
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use std::fmt;

/// "32/25": case 32 of 2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CaseNumber {
    pub year: i32,
    pub number: u32,
}

impl CaseNumber {
    /// Parses "N/YY". Rejects "32-25", "0/25" and "32/2025" (a meeting-style year) with a message
    /// that shows the expected form.
    pub fn parse(s: &str) -> Result<CaseNumber> {
        let bad = || Invalid::error("case", Problem::CaseNumber(s.to_string()));
        let (n, y) = s.trim().split_once('/').ok_or_else(bad)?;
        if n.is_empty()
            || y.len() != 2
            || !n.bytes().all(|b| b.is_ascii_digit())
            || !y.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        let number: u32 = n.parse().map_err(|_| bad())?;
        if number == 0 || number > 9999 {
            return Err(bad());
        }
        let year = 2000 + y.parse::<i32>().map_err(|_| bad())?;
        Ok(CaseNumber { year, number })
    }
}

impl fmt::Display for CaseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{:02}", self.number, self.year.rem_euclid(100))
    }
}

/// "4/2025": meeting 4 of 2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MeetingNumber {
    pub year: i32,
    pub number: u32,
}

impl MeetingNumber {
    pub fn parse(s: &str) -> Result<MeetingNumber> {
        let bad = || Invalid::error("meeting", Problem::MeetingNumber(s.to_string()));
        let (n, y) = s.trim().split_once('/').ok_or_else(bad)?;
        if n.is_empty()
            || y.len() != 4
            || !n.bytes().all(|b| b.is_ascii_digit())
            || !y.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        let number: u32 = n.parse().map_err(|_| bad())?;
        let year: i32 = y.parse().map_err(|_| bad())?;
        if number == 0 || number > 999 || !(1900..=2999).contains(&year) {
            return Err(bad());
        }
        Ok(MeetingNumber { year, number })
    }
}

impl fmt::Display for MeetingNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.number, self.year)
    }
}

/// An ISO date that exists ("2025-02-30" does not).
pub fn parse_date(field: &'static str, s: &str) -> Result<NaiveDate> {
    let s = s.trim();
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| Invalid::error(field, Problem::Date(s.to_string())))?;
    if !(1900..=2999).contains(&chrono::Datelike::year(&d)) {
        return Err(Invalid::error(field, Problem::Date(s.to_string())));
    }
    Ok(d)
}

/// A clock time "10:00" (also accepts "10.00", as Norwegian text writes it).
pub fn parse_time(field: &'static str, s: &str) -> Result<NaiveTime> {
    let t = s.trim().replace('.', ":");
    NaiveTime::parse_from_str(&t, "%H:%M")
        .map_err(|_| Invalid::error(field, Problem::Time(s.trim().to_string())))
}

const MONTHS_NB: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "11. desember 2025" (or "11 December 2025").
pub fn long_date(d: NaiveDate, lang: crate::Lang) -> String {
    use chrono::Datelike;
    let m = d.month0() as usize;
    match lang {
        crate::Lang::Nb => format!("{}. {} {}", d.day(), MONTHS_NB[m], d.year()),
        crate::Lang::En => format!("{} {} {}", d.day(), MONTHS_EN[m], d.year()),
    }
}

/// "11.12.2025", as tables in the seeds write dates.
pub fn short_date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// "10.00" in running text.
pub fn text_time(t: NaiveTime) -> String {
    t.format("%H.%M").to_string()
}

/// "10:00" in timetables.
pub fn table_time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_numbers() {
        assert_eq!(
            CaseNumber::parse("32/25").unwrap(),
            CaseNumber {
                year: 2025,
                number: 32
            }
        );
        assert_eq!(CaseNumber::parse("5/25").unwrap().to_string(), "5/25");
        assert_eq!(CaseNumber::parse("1/05").unwrap().to_string(), "1/05");
        for bad in [
            "32-25", "0/25", "32/2025", "/25", "32/", "a/25", "32/2a", "", "32 /25", "+3/25",
        ] {
            assert!(CaseNumber::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn meeting_numbers() {
        assert_eq!(
            MeetingNumber::parse("4/2025").unwrap().to_string(),
            "4/2025"
        );
        for bad in ["4/25", "0/2025", "4-2025", "4/20255", "x/2025"] {
            assert!(MeetingNumber::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn dates_and_times() {
        assert!(parse_date("date", "2025-02-30").is_err());
        assert!(parse_date("date", "2024-02-29").is_ok());
        assert!(parse_date("date", "11.12.2025").is_err());
        let d = parse_date("date", "2025-12-11").unwrap();
        assert_eq!(long_date(d, crate::Lang::Nb), "11. desember 2025");
        assert_eq!(short_date(d), "11.12.2025");
        assert_eq!(table_time(parse_time("start", "10.00").unwrap()), "10:00");
        assert!(parse_time("start", "25:00").is_err());
    }
}
