//! What a command hands back: the text people read and the JSON scripts read (`--json`), plus
//! small text helpers shared by the commands.

use quorum_record::model::{ActionPoint, AgendaItem, Meeting};
use quorum_record::search::{HIT_END, HIT_START};
use quorum_record::vocab::ItemKind;
use quorum_record::Lang;
use serde::Serialize;

/// The result of a command.
pub struct Done {
    pub text: String,
    pub json: serde_json::Value,
}

impl Done {
    /// `value` is the affected object (or objects) as the record returned it.
    pub fn new(value: &impl Serialize, text: impl Into<String>) -> Done {
        Done {
            text: text.into(),
            json: serde_json::to_value(value).unwrap_or(serde_json::Value::Null),
        }
    }

    /// What to print on stdout.
    pub fn render(&self, json: bool) -> String {
        if json {
            let mut s = serde_json::to_string_pretty(&self.json).unwrap_or_default();
            s.push('\n');
            s
        } else {
            let mut s = self.text.clone();
            if !s.is_empty() && !s.ends_with('\n') {
                s.push('\n');
            }
            s
        }
    }
}

/// A meeting's place as the documents print it.
pub fn place_of(m: &Meeting) -> String {
    if m.remote {
        if m.remote_link.is_empty() {
            "Videomøte".to_string()
        } else {
            format!("Videomøte ({})", m.remote_link)
        }
    } else {
        m.place.clone()
    }
}

/// Shows search hits between brackets in the terminal.
pub fn mark(snippet: &str) -> String {
    one_line(&snippet.replace(HIT_START, "[").replace(HIT_END, "]"))
}

pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Wraps text at word boundaries to `width` characters (a longer word gets a line of its own).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let last = lines.last_mut().expect("never empty");
        if last.is_empty() {
            last.push_str(word);
        } else if last.chars().count() + 1 + word.chars().count() <= width {
            last.push(' ');
            last.push_str(word);
        } else {
            lines.push(word.to_string());
        }
    }
    lines
}

/// An item as the agenda names it: "32/25", "32/25 forts." or its title.
pub fn item_name(item: &AgendaItem) -> String {
    match (item.kind, &item.case_number) {
        (ItemKind::Continuation, Some(n)) => format!("{n} forts."),
        (_, Some(n)) => n.clone(),
        _ if item.kind == ItemKind::Orientation && item.title.is_empty() => item.guest.clone(),
        _ => item.title.clone(),
    }
}

/// One agenda line: "3. 32/25 Title (Drøfting, 60 min)".
pub fn item_line(item: &AgendaItem, lang: Lang) -> String {
    let mut line = format!("{:>3}. ", item.position + 1);
    match (item.kind, &item.case_number) {
        (ItemKind::Continuation, Some(n)) => line += &format!("{n} forts. {}", item.title),
        (_, Some(n)) => line += &format!("{n} {}", item.title),
        _ => {
            line += &format!("[{}] {}", item.kind.label(lang), item_name(item));
        }
    }
    let mut extra = Vec::new();
    if !item.case_type.is_empty() {
        extra.push(item.case_type.clone());
    }
    extra.push(format!("{} min", item.duration_min));
    line += &format!(" ({})", extra.join(", "));
    line
}

/// One action point line: "3/2025 24/25 #1 [open] text – responsible, due".
pub fn action_line(a: &ActionPoint, lang: Lang) -> String {
    let mut line = format!(
        "{} {} #{} [{}] {}",
        a.meeting_number,
        a.case_number.as_deref().unwrap_or("–"),
        a.position + 1,
        a.status.label(lang),
        one_line(&a.text)
    );
    if !a.responsible.is_empty() {
        line += &format!(" – {}", a.responsible);
    }
    if a.due_next_meeting {
        line += lang.pick(" (frist: neste møte)", " (due: next meeting)");
    } else if let Some(d) = &a.due_date {
        line += &format!(" ({} {d})", lang.pick("frist:", "due:"));
    }
    if !a.status_note.is_empty() {
        line += &format!(" – {}", a.status_note);
    }
    line
}
