//! A filled Word response form (.docx) like seed 001: the questions found by their text, the
//! checked box (☒) read as the choice, the text under each question (or each part of it) as the
//! answer. The file is a zip (zip) of XML (quick-xml), the crates calamine reads XLSX with; only
//! the paragraphs' text is taken from `word/document.xml`.

use crate::consultations::Consultation;
use crate::error::{Error, Result};
use crate::responses::{match_choice, AnswerInput};
use quick_xml::events::Event;
use serde::{Deserialize, Serialize};
use std::io::{Cursor, Read};

const CHECKED: char = '☒';
const UNCHECKED: char = '☐';

/// What a form says: the answers found, and the respondent and category if the form names them
/// ("Høringsinstans: …", "Kategori: …" before the first question).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FormReading {
    pub respondent: Option<String>,
    pub category: Option<String>,
    pub answers: Vec<AnswerInput>,
    /// The numbers of the questions the form does not have.
    pub missing: Vec<u32>,
}

fn unreadable(nb: &str, en: &str) -> Error {
    Error::other(
        "file",
        format!("Svarskjemaet kan ikke leses: {nb}. Ingenting er importert."),
        format!("The response form cannot be read: {en}. Nothing was imported."),
    )
}

/// The text of each paragraph of the document's body, in order.
pub fn paragraphs(bytes: &[u8]) -> Result<Vec<String>> {
    let not_docx = || {
        unreadable(
            "filen er ikke et Word-dokument (.docx) eller er skadet",
            "the file is not a Word document (.docx) or is damaged",
        )
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| not_docx())?;
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .map_err(|_| not_docx())?
        .read_to_string(&mut xml)
        .map_err(|_| not_docx())?;
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    // Inside <w:t> (text) or <w:instrText> (a field's code, not shown).
    let mut in_text = false;
    loop {
        let event = reader.read_event().map_err(|_| not_docx())?;
        match event {
            Event::Start(e) if e.local_name().as_ref() == "p" => current = Some(String::new()),
            Event::End(e) if e.local_name().as_ref() == "p" => {
                if let Some(p) = current.take() {
                    out.push(p);
                }
            }
            Event::Start(e) if e.local_name().as_ref() == "t" => in_text = true,
            Event::End(e) if e.local_name().as_ref() == "t" => in_text = false,
            Event::Empty(e) => {
                let name = e.local_name();
                if let Some(p) = current.as_mut() {
                    match name.as_ref() {
                        "tab" => p.push('\t'),
                        "br" | "cr" => p.push('\n'),
                        // A checkbox content control's state (w14:checked): Word shows it as
                        // ☒/☐ text in the control as well, which is what is read.
                        _ => {}
                    }
                }
            }
            Event::Text(t) if in_text => {
                if let Some(p) = current.as_mut() {
                    p.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_text => {
                if let Some(p) = current.as_mut() {
                    if let Ok(Some(c)) = r.resolve_char_ref() {
                        p.push(c);
                    } else if let Some(s) =
                        quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                    {
                        p.push_str(s);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Text folded for comparison: lower case, single spaces, the leading "1)" or "1." removed.
fn fold(s: &str) -> String {
    let s = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    let rest = &s[digits..];
    let rest = if digits > 0 {
        rest.trim_start_matches([')', '.', ':']).trim_start()
    } else {
        rest
    };
    rest.to_string()
}

fn starts_alike(paragraph: &str, text: &str) -> bool {
    let (p, t) = (fold(paragraph), fold(text));
    let n = 40.min(t.chars().count());
    let head: String = t.chars().take(n).collect();
    !head.is_empty()
        && p.chars().count() >= n.min(12)
        && (p.starts_with(&head) || t.starts_with(&p) && p.chars().count() >= 12)
}

/// The label after the checked box on a line of boxes ("☐ Ja  ☒ Nei  ☐ Vet ikke").
fn checked_label(line: &str) -> Option<String> {
    let after = line.split_once(CHECKED)?.1;
    let label = after.split(UNCHECKED).next().unwrap_or(after);
    Some(
        label
            .split(CHECKED)
            .next()
            .unwrap_or(label)
            .trim()
            .to_string(),
    )
}

/// Reads a filled form against the consultation's questions.
pub fn read_form(c: &Consultation, bytes: &[u8]) -> Result<FormReading> {
    let paras = paragraphs(bytes)?;
    // Where each question starts (paragraph index).
    let mut starts: Vec<(usize, usize)> = Vec::new(); // (paragraph, question index)
    let mut from = 0;
    for (qi, q) in c.questions.iter().enumerate() {
        if let Some(i) = (from..paras.len()).find(|&i| starts_alike(&paras[i], &q.text)) {
            starts.push((i, qi));
            from = i + 1;
        }
    }
    let mut reading = FormReading::default();
    let head_end = starts.first().map_or(paras.len(), |s| s.0);
    for p in &paras[..head_end] {
        if let Some((k, v)) = p.split_once(':') {
            let k = k.trim().to_lowercase();
            let v = v.trim().to_string();
            if v.is_empty() {
                continue;
            }
            if [
                "høringsinstans",
                "instans",
                "navn på instans",
                "organisasjon",
                "avsender",
            ]
            .contains(&k.as_str())
            {
                reading.respondent = Some(v);
            } else if k == "kategori" {
                reading.category = Some(v);
            }
        }
    }
    for (n, &(start, qi)) in starts.iter().enumerate() {
        let q = &c.questions[qi];
        let end = starts.get(n + 1).map_or(paras.len(), |s| s.0);
        // The question may run over more than one paragraph before the answer begins.
        let mut body_start = start + 1;
        while body_start < end
            && fold(&q.text).contains(&fold(&paras[body_start]))
            && !paras[body_start].trim().is_empty()
        {
            body_start += 1;
        }
        let mut choice = None;
        let mut whole: Vec<String> = Vec::new();
        let mut parts: Vec<(String, Vec<String>)> = Vec::new();
        for p in &paras[body_start..end] {
            if p.contains(CHECKED) || p.contains(UNCHECKED) {
                if let Some(label) = checked_label(p) {
                    choice = match_choice(&q.choices, &label).or(Some(label));
                }
                continue;
            }
            let t = p.trim();
            if let Some(part) = q.parts.iter().find(|x| fold(t) == fold(&x.title)) {
                parts.push((part.id.clone(), Vec::new()));
                continue;
            }
            if t.is_empty() {
                continue;
            }
            match parts.last_mut() {
                Some((_, lines)) => lines.push(t.to_string()),
                None => whole.push(t.to_string()),
            }
        }
        if choice.is_some() || !whole.is_empty() || parts.is_empty() {
            reading.answers.push(AnswerInput {
                question_id: q.id.clone(),
                part_id: None,
                choice,
                text: whole.join("\n"),
            });
        }
        for (part_id, lines) in parts {
            reading.answers.push(AnswerInput {
                question_id: q.id.clone(),
                part_id: Some(part_id),
                choice: None,
                text: lines.join("\n"),
            });
        }
    }
    reading.missing = c
        .questions
        .iter()
        .enumerate()
        .filter(|(qi, _)| !starts.iter().any(|s| s.1 == *qi))
        .map(|(_, q)| q.number)
        .collect();
    Ok(reading)
}
