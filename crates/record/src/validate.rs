//! Checks on user text before it reaches the record.

use crate::error::{Error, Invalid, Problem, Result};

/// Limits that keep documents printable and the record sane.
pub const MAX_LINE: usize = 500;
pub const MAX_TEXT: usize = 200_000;

/// A one-line value: trimmed, non-empty, no control characters, at most `MAX_LINE` characters.
pub fn line(field: &'static str, value: &str) -> Result<String> {
    let v = optional_line(field, value)?;
    if v.is_empty() {
        return Err(Invalid::error(field, Problem::Empty));
    }
    Ok(v)
}

/// A one-line value that may be empty.
pub fn optional_line(field: &'static str, value: &str) -> Result<String> {
    let v = value.trim();
    if v.chars().any(char::is_control) {
        return Err(Invalid::error(field, Problem::ControlChar));
    }
    check_len(field, v, MAX_LINE)?;
    Ok(v.to_string())
}

/// Multi-line text (paragraphs): newlines and tabs allowed, other control characters not.
/// Line endings are normalised to "\n" and trailing space is trimmed.
pub fn text(field: &'static str, value: &str) -> Result<String> {
    let v = value.replace("\r\n", "\n").replace('\r', "\n");
    let v = v.trim();
    if v.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(Invalid::error(field, Problem::ControlChar));
    }
    check_len(field, v, MAX_TEXT)?;
    Ok(v.to_string())
}

/// Multi-line text that must not be empty.
pub fn required_text(field: &'static str, value: &str) -> Result<String> {
    let v = text(field, value)?;
    if v.is_empty() {
        return Err(Invalid::error(field, Problem::Empty));
    }
    Ok(v)
}

fn check_len(field: &'static str, v: &str, max: usize) -> Result<()> {
    if v.chars().count() > max {
        return Err(Invalid::error(field, Problem::TooLong { max }));
    }
    Ok(())
}

/// One of a fixed set of values.
pub fn choice(
    field: &'static str,
    value: &str,
    allowed: &'static [&'static str],
) -> Result<String> {
    if allowed.contains(&value) {
        Ok(value.to_string())
    } else {
        Err(Invalid::error(
            field,
            Problem::Choice {
                value: value.to_string(),
                allowed,
            },
        ))
    }
}

/// A whole number within bounds.
pub fn range(field: &'static str, value: i64, min: i64, max: i64) -> Result<i64> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(Invalid::error(field, Problem::Range { min, max }))
    }
}

/// A loose e-mail check: empty, or one "@" with text on both sides and no spaces.
pub fn email(value: &str) -> Result<String> {
    let v = optional_line("email", value)?;
    if v.is_empty() {
        return Ok(v);
    }
    let ok = matches!(v.split_once('@'), Some((a, b)) if !a.is_empty() && b.contains('.') && !v.contains(' ') && !b.contains('@'));
    if ok {
        Ok(v)
    } else {
        Err(Error::other(
            "email",
            format!("«{v}» er ikke en gyldig e-postadresse. Skriv for eksempel navn@eksempel.no."),
            format!("\"{v}\" is not a valid e-mail address. Write for example name@example.com."),
        ))
    }
}
