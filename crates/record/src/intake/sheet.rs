//! A spreadsheet as an online form tool exports it, read into text cells: XLSX with calamine,
//! CSV with csv (comma or semicolon, as Norwegian Excel writes it). Row 1 is the header.

use crate::error::{Error, Invalid, Problem, Result};
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

/// A sheet's header and rows as text, each row as long as the header.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub headers: Vec<String>,
    /// (the row's number as the spreadsheet shows it, its cells).
    pub rows: Vec<(usize, Vec<String>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    Xlsx,
    Csv,
}

impl SheetKind {
    /// By the file's extension (".xlsx", ".csv"), any case.
    pub fn of_path(path: &std::path::Path) -> Option<SheetKind> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
            .as_deref()
        {
            Some("xlsx") => Some(SheetKind::Xlsx),
            Some("csv") => Some(SheetKind::Csv),
            _ => None,
        }
    }
}

fn unreadable(nb: &str, en: &str) -> Error {
    Error::other(
        "file",
        format!("Regnearket kan ikke leses: {nb}. Ingenting er importert."),
        format!("The spreadsheet cannot be read: {en}. Nothing was imported."),
    )
}

fn bad_cell(row: usize, column: &str, nb: &str, en: &str) -> Error {
    Invalid::error(
        "file",
        Problem::Row {
            row,
            column: column.to_string(),
            nb: nb.to_string(),
            en: en.to_string(),
        },
    )
}

/// Reads a spreadsheet's first sheet. Rows with every cell empty are skipped.
pub fn read_sheet(bytes: &[u8], kind: SheetKind) -> Result<Sheet> {
    let mut sheet = match kind {
        SheetKind::Xlsx => read_xlsx(bytes)?,
        SheetKind::Csv => read_csv(bytes)?,
    };
    sheet.headers = sheet.headers.iter().map(|h| h.trim().to_string()).collect();
    if sheet.headers.iter().all(String::is_empty) {
        return Err(unreadable(
            "første rad må være overskriftene, men er tom",
            "the first row must be the headers, but it is empty",
        ));
    }
    for (i, h) in sheet.headers.iter().enumerate() {
        if !h.is_empty() && sheet.headers[..i].contains(h) {
            return Err(bad_cell(
                1,
                h,
                "To kolonner har samme overskrift. Gi dem ulike overskrifter.",
                "Two columns have the same header. Give them different headers.",
            ));
        }
    }
    sheet
        .rows
        .retain(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    Ok(sheet)
}

fn read_xlsx(bytes: &[u8]) -> Result<Sheet> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| {
        unreadable(
            "filen er ikke en XLSX-fil eller er skadet",
            "the file is not an XLSX file or is damaged",
        )
    })?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| unreadable("filen har ingen ark", "the file has no sheets"))?
        .map_err(|_| unreadable("det første arket er skadet", "the first sheet is damaged"))?;
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    let mut rows = range.rows();
    let pad = |cells: &[Data]| -> Vec<Data> {
        // The used range may begin right of column A: the cells left of it are empty.
        let mut v = vec![Data::Empty; first_col];
        v.extend_from_slice(cells);
        v
    };
    let headers: Vec<String> = rows
        .next()
        .map(|r| {
            pad(r)
                .iter()
                .map(|d| cell_text(d).unwrap_or_default())
                .collect()
        })
        .unwrap_or_default();
    let mut out = Vec::new();
    for (i, r) in rows.enumerate() {
        let number = first_row + i + 2;
        let mut cells = Vec::with_capacity(headers.len());
        for (c, d) in pad(r).iter().enumerate() {
            let text = cell_text(d).ok_or_else(|| {
                let col = headers.get(c).cloned().unwrap_or_else(|| column_letter(c));
                bad_cell(
                    number,
                    &col,
                    "Cellen har en feilverdi fra regnearket (for eksempel #VERDI!). Rett den i regnearket.",
                    "The cell holds an error value of the spreadsheet (such as #VALUE!). Correct it in the spreadsheet.",
                )
            })?;
            cells.push(text);
        }
        cells.resize(headers.len().max(cells.len()), String::new());
        out.push((number, cells));
    }
    Ok(Sheet { headers, rows: out })
}

/// A cell as text: dates as ISO dates (with the time if it has one), whole numbers without a
/// decimal point; None for an error value.
fn cell_text(d: &Data) -> Option<String> {
    Some(match d {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "ja" } else { "nei" }.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.date().to_string(),
            Some(t) => t.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => dt.as_f64().to_string(),
        },
        Data::Error(_) => return None,
    })
}

fn read_csv(bytes: &[u8]) -> Result<Sheet> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if std::str::from_utf8(bytes).is_err() {
        return Err(unreadable(
            "filen er ikke UTF-8-tekst. Lagre den som «CSV UTF-8» og prøv igjen",
            "the file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again",
        ));
    }
    // Norwegian spreadsheet programs separate with ";", form tools often with ",": the header
    // line decides.
    let header_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |c: u8| header_line.iter().filter(|b| **b == c).count();
    let delimiter = if count(b';') > count(b',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(false)
        .from_reader(bytes);
    let mut records = reader.records();
    let headers: Vec<String> = match records.next() {
        Some(Ok(r)) => r.iter().map(str::to_string).collect(),
        Some(Err(_)) | None => {
            return Err(unreadable("filen er tom", "the file is empty"));
        }
    };
    let mut rows = Vec::new();
    for (i, r) in records.enumerate() {
        let number = i + 2;
        let r = r.map_err(|e| {
            let (nb, en) = match e.kind() {
                csv::ErrorKind::UnequalLengths { len, expected_len, .. } => (
                    format!("Raden har {len} felt, men overskriftsraden har {expected_len}. Sjekk skilletegn og anførselstegn."),
                    format!("The row has {len} fields, but the header row has {expected_len}. Check separators and quotes."),
                ),
                _ => (
                    "Raden kan ikke leses.".to_string(),
                    "The row cannot be read.".to_string(),
                ),
            };
            let row = e.position().map_or(number, |p| p.record() as usize + 1);
            bad_cell(row, &column_letter(0), &nb, &en)
        })?;
        rows.push((number, r.iter().map(str::to_string).collect()));
    }
    Ok(Sheet { headers, rows })
}

/// "A", "B", … "AA" for a column index.
pub fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}
