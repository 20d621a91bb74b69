//! Bodies (councils and committees), their names over time and their case types.

use crate::error::{Error, Result, Thing};
use crate::model::{Body, BodyName, CaseType};
use crate::store::{
    all, bodies_alike, body_id_by_short, first, from_row, id_from_row, not_found, one, Store,
};
use crate::validate;
use crate::Lang;
use rusqlite::{params, Connection, Params, Row};
use serde::{Deserialize, Serialize};

/// Default case types with their proposal templates; `{organ}` is replaced by the body's name.
pub const DEFAULT_CASE_TYPES: &[(&str, &str)] = &[
    ("Godkjenning", "{organ} godkjenner saken."),
    ("Drøfting", "{organ} drøftet saken."),
    ("Orientering", "{organ} tar saken til orientering."),
    ("Anbefaling", "{organ} gir sin anbefaling i saken."),
    (
        "Beslutning",
        "{organ} fatter vedtak i saken i tråd med forslaget.",
    ),
    ("Åpen sak", ""),
];

/// Names are valid from this date when no rename has happened.
const BEGINNING: &str = "1900-01-01";

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BodyInput {
    pub short_name: String,
    pub name: String,
    pub secretariat: String,
    pub default_place: String,
    /// The language of its documents.
    pub language: Lang,
}

impl Store {
    pub fn create_body(&self, input: &BodyInput) -> Result<Body> {
        let short = validate::line("short_name", &input.short_name)?;
        let name = validate::line("name", &input.name)?;
        let secretariat = validate::optional_line("secretariat", &input.secretariat)?;
        let place = validate::optional_line("place", &input.default_place)?;
        let language = input.language;
        let id = crate::new_id();
        self.write(|tx| {
            ensure_short_name_free(tx, &short, None)?;
            tx.execute(
                "INSERT INTO body (id, short_name, secretariat, default_place, language) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, short, secretariat, place, language],
            )?;
            tx.execute(
                "INSERT INTO body_name (id, body_id, name, valid_from) VALUES (?1, ?2, ?3, ?4)",
                params![crate::new_id(), id, name, BEGINNING],
            )?;
            for (pos, (type_name, template)) in DEFAULT_CASE_TYPES.iter().enumerate() {
                tx.execute(
                    "INSERT INTO case_type (id, body_id, name, position, proposal_template) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![crate::new_id(), id, type_name, pos as i64, template],
                )?;
            }
            body(tx, &id)
        })
    }

    /// Changes short name, secretariat, place and language. The name changes only by `rename_body`,
    /// which keeps the history.
    pub fn update_body(&self, id: &str, input: &BodyInput) -> Result<Body> {
        let short = validate::line("short_name", &input.short_name)?;
        let secretariat = validate::optional_line("secretariat", &input.secretariat)?;
        let place = validate::optional_line("place", &input.default_place)?;
        let language = input.language;
        self.write(|tx| {
            body(tx, id)?;
            ensure_short_name_free(tx, &short, Some(id))?;
            tx.execute(
                "UPDATE body SET short_name = ?2, secretariat = ?3, default_place = ?4, language = ?5 WHERE id = ?1",
                params![id, short, secretariat, place, language],
            )?;
            body(tx, id)
        })
    }

    /// The body's rules for deciding and for its minutes: the quorum (the share of members who
    /// must be present, None for no rule) and whether minutes are made final by signatures.
    pub fn set_body_rules(
        &self,
        id: &str,
        quorum_percent: Option<u32>,
        signed_minutes: bool,
    ) -> Result<Body> {
        if let Some(p) = quorum_percent {
            validate::range("quorum_percent", i64::from(p), 1, 100)?;
        }
        self.write(|tx| {
            let before = body(tx, id)?;
            if before.signed_minutes && !signed_minutes {
                crate::signing::refuse_if_body_signing(tx, id)?;
            }
            tx.execute(
                "UPDATE body SET quorum_percent = ?2, signed_minutes = ?3 WHERE id = ?1",
                params![id, quorum_percent, signed_minutes],
            )?;
            body(tx, id)
        })
    }

    /// Renames a body from `valid_from`: documents of meetings before that date keep the old name.
    pub fn rename_body(&self, id: &str, name: &str, valid_from: &str) -> Result<Body> {
        let name = validate::line("name", name)?;
        let from = crate::numbers::parse_date("date", valid_from)?.to_string();
        self.write(|tx| {
            body(tx, id)?;
            tx.execute(
                "INSERT INTO body_name (id, body_id, name, valid_from) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (body_id, valid_from) DO UPDATE SET name = excluded.name",
                params![crate::new_id(), id, name, from],
            )?;
            body(tx, id)
        })
    }

    pub fn bodies(&self) -> Result<Vec<Body>> {
        let ids: Vec<String> = all(
            &self.conn,
            "SELECT id FROM body ORDER BY short_name",
            [],
            id_from_row,
        )?;
        ids.iter().map(|id| body(&self.conn, id)).collect()
    }

    pub fn body(&self, id: &str) -> Result<Body> {
        body(&self.conn, id)
    }

    pub fn body_by_short(&self, short: &str) -> Result<Body> {
        body(&self.conn, &body_id_by_short(&self.conn, short)?)
    }

    /// The body's name as it was on `date` (ISO).
    pub fn body_name_on(&self, body_id: &str, date: &str) -> Result<String> {
        body_name_on(&self.conn, body_id, date)
    }

    pub fn case_types(&self, body_id: &str) -> Result<Vec<CaseType>> {
        case_types_where(&self.conn, "ORDER BY position", [body_id])
    }

    /// Adds a body's own case type, or changes the template of one it has.
    pub fn save_case_type(
        &self,
        body_id: &str,
        name: &str,
        proposal_template: &str,
    ) -> Result<CaseType> {
        let name = validate::line("case_type", name)?;
        let template = validate::text("proposal", proposal_template)?;
        self.write(|tx| {
            body(tx, body_id)?;
            tx.execute(
                "INSERT INTO case_type (id, body_id, name, position, proposal_template)
                 VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), -1) + 1 FROM case_type WHERE body_id = ?2), ?4)
                 ON CONFLICT (body_id, name) DO UPDATE SET proposal_template = excluded.proposal_template",
                params![crate::new_id(), body_id, name, template],
            )?;
            first(
                case_types_where(tx, "AND name = ?2", params![body_id, name])?,
                Thing::CaseType,
                name,
            )
        })
    }

    /// Removes a case type no case uses.
    pub fn remove_case_type(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let used: i64 = tx.query_row("SELECT count(*) AS used FROM \"case\" WHERE case_type_id = ?1", [id], |r| r.get("used"))?;
            if used > 0 {
                return Err(Error::other(
                    "case_type",
                    format!("Sakstypen brukes av {used} saker og kan ikke fjernes. Endre sakstypen på dem først."),
                    format!("The case type is used by {used} cases and cannot be removed. Change their type first."),
                ));
            }
            if tx.execute("DELETE FROM case_type WHERE id = ?1", [id])? == 0 {
                return Err(not_found(Thing::CaseType, id));
            }
            Ok(())
        })
    }
}

/// A body's language as typed: "nb" or "en" (empty means "nb").
pub fn parse_language(value: &str) -> Result<Lang> {
    match value.trim() {
        "" | "nb" => Ok(Lang::Nb),
        "en" => Ok(Lang::En),
        other => Err(crate::error::Invalid::error(
            "language",
            crate::error::Problem::Choice {
                value: other.to_string(),
                allowed: &["nb", "en"],
            },
        )),
    }
}

/// Short names are unique but for case, so that a body is found however its name is typed.
fn ensure_short_name_free(conn: &Connection, short: &str, except: Option<&str>) -> Result<()> {
    let taken = bodies_alike(conn, short)?
        .into_iter()
        .any(|(id, _)| Some(id.as_str()) != except);
    if taken {
        return Err(Error::Duplicate {
            what: Thing::Body,
            key: short.to_string(),
        });
    }
    Ok(())
}

/// A body's case types (`?1` is the body), with the clauses appended (AND …, ORDER BY).
fn case_types_where(conn: &Connection, clauses: &str, p: impl Params) -> Result<Vec<CaseType>> {
    all(
        conn,
        &format!("SELECT id, name, proposal_template FROM case_type WHERE body_id = ?1 {clauses}"),
        p,
        |r| Ok(from_row!(r => CaseType { id, name, proposal_template })),
    )
}

/// A body without its names (`body` adds them).
fn body_from_row(r: &Row) -> rusqlite::Result<Body> {
    Ok(from_row!(r => Body {
        id, short_name, secretariat, default_place, language, quorum_percent, signed_minutes;
        name: String::new(),
        names: Vec::new(),
    }))
}

pub(crate) fn body(conn: &Connection, id: &str) -> Result<Body> {
    let mut body = one(
        conn,
        "SELECT id, short_name, secretariat, default_place, language, quorum_percent, signed_minutes
         FROM body WHERE id = ?1",
        [id],
        body_from_row,
        Thing::Body,
        id,
    )?;
    body.names = all(
        conn,
        "SELECT name, valid_from FROM body_name WHERE body_id = ?1 ORDER BY valid_from",
        [id],
        |r| Ok(from_row!(r => BodyName { name, valid_from })),
    )?;
    body.name = body
        .names
        .last()
        .map(|n| n.name.clone())
        .unwrap_or_default();
    Ok(body)
}

pub(crate) fn body_name_on(conn: &Connection, body_id: &str, date: &str) -> Result<String> {
    one(
        conn,
        "SELECT name FROM body_name WHERE body_id = ?1 AND valid_from <= ?2 ORDER BY valid_from DESC LIMIT 1",
        params![body_id, date],
        |r| r.get("name"),
        Thing::Body,
        body_id,
    )
}

/// A case type's proposal template filled with the body's name.
pub(crate) fn proposal_from_template(template: &str, body_name: &str) -> String {
    template.replace("{organ}", body_name)
}
