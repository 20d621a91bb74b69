//! Party groups of a body (kommuneloven § 11-4: the minutes say which groups voted for what), the
//! group each membership sits for, and people's positions outside the body (the register that
//! makes a possible disqualification easy to raise).

use crate::error::{Error, Invalid, Problem, Result, Thing};
use crate::numbers::parse_date;
use crate::store::{all, first, from_row, next_position, not_found, person, Store};
use crate::validate;
use rusqlite::{params, Connection, OptionalExtension, Params};
use serde::{Deserialize, Serialize};

/// A party or group ("Høyre", "H").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Party {
    pub id: String,
    pub body_id: String,
    pub name: String,
    /// "H", as the minutes name the group.
    pub short_name: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PartyInput {
    pub name: String,
    pub short_name: String,
}

/// A position a person holds outside the body ("styremedlem, Testvik Eiendom AS").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OutsidePosition {
    pub id: String,
    pub person_id: String,
    pub organisation: String,
    pub role: String,
    /// ISO dates; None where open.
    pub since: Option<String>,
    pub until: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OutsidePositionInput {
    pub organisation: String,
    pub role: String,
    pub since: Option<String>,
    pub until: Option<String>,
}

impl Store {
    pub fn add_party(&self, body_id: &str, input: &PartyInput) -> Result<Party> {
        let (name, short) = party_fields(input)?;
        let id = crate::new_id();
        self.write(|tx| {
            crate::bodies::body(tx, body_id)?;
            ensure_party_free(tx, body_id, &short, None)?;
            let pos = next_position(tx, "party", "body_id", body_id)?;
            tx.execute(
                "INSERT INTO party (id, body_id, name, short_name, position) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, body_id, name, short, pos],
            )?;
            party(tx, &id)
        })
    }

    /// Renames a group. Approved minutes keep the names they were sealed with.
    pub fn update_party(&self, id: &str, input: &PartyInput) -> Result<Party> {
        let (name, short) = party_fields(input)?;
        self.write(|tx| {
            let p = party(tx, id)?;
            ensure_party_free(tx, &p.body_id, &short, Some(id))?;
            tx.execute(
                "UPDATE party SET name = ?2, short_name = ?3 WHERE id = ?1",
                params![id, name, short],
            )?;
            party(tx, id)
        })
    }

    /// Removes a group no membership, proposal or vote names.
    pub fn remove_party(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            party(tx, id)?;
            let used: i64 = tx.query_row(
                "SELECT (SELECT count(*) FROM membership WHERE party_id = ?1)
                      + (SELECT count(*) FROM proposal WHERE party_id = ?1)
                      + (SELECT count(*) FROM vote_group WHERE party_id = ?1)
                      + (SELECT count(*) FROM seal_party WHERE party_id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if used > 0 {
                return Err(Error::other(
                    "party",
                    "Partiet er brukt i medlemskap, forslag eller voteringer og kan ikke fjernes. Gi det heller nytt navn.",
                    "The group is used by memberships, proposals or votes and cannot be removed. Rename it instead.",
                ));
            }
            tx.execute("DELETE FROM party WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// A body's groups in their listed order.
    pub fn parties(&self, body_id: &str) -> Result<Vec<Party>> {
        parties_of(&self.conn, body_id)
    }

    /// A body's group by its short name ("H") or name ("Høyre"), ignoring case.
    pub fn party_by_name(&self, body_id: &str, name: &str) -> Result<Party> {
        let wanted = name.trim().to_lowercase();
        self.parties(body_id)?
            .into_iter()
            .find(|p| p.short_name.to_lowercase() == wanted || p.name.to_lowercase() == wanted)
            .ok_or_else(|| not_found(Thing::Party, name.trim()))
    }

    /// The group a membership sits for (None: none). A membership of another term is another
    /// row, so a member who changes group keeps the old one for the old term.
    pub fn set_membership_party(&self, membership_id: &str, party_id: Option<&str>) -> Result<()> {
        self.write(|tx| {
            let body_id: String = tx
                .query_row(
                    "SELECT body_id FROM membership WHERE id = ?1",
                    [membership_id],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| not_found(Thing::Membership, membership_id))?;
            if let Some(p) = party_id {
                if party(tx, p)?.body_id != body_id {
                    return Err(other_body_party());
                }
            }
            tx.execute(
                "UPDATE membership SET party_id = ?2 WHERE id = ?1",
                params![membership_id, party_id],
            )?;
            Ok(())
        })
    }

    pub fn add_outside_position(
        &self,
        person_id: &str,
        input: &OutsidePositionInput,
    ) -> Result<OutsidePosition> {
        let (org, role, since, until) = position_fields(input)?;
        let id = crate::new_id();
        self.write(|tx| {
            person(tx, person_id)?;
            let pos = next_position(tx, "outside_position", "person_id", person_id)?;
            tx.execute(
                "INSERT INTO outside_position (id, person_id, organisation, role, since, until, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![id, person_id, org, role, since, until, pos],
            )?;
            outside_position(tx, &id)
        })
    }

    pub fn update_outside_position(
        &self,
        id: &str,
        input: &OutsidePositionInput,
    ) -> Result<OutsidePosition> {
        let (org, role, since, until) = position_fields(input)?;
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE outside_position SET organisation = ?2, role = ?3, since = ?4, until = ?5 WHERE id = ?1",
                params![id, org, role, since, until],
            )?;
            if n == 0 {
                return Err(not_found(Thing::OutsidePosition, id));
            }
            outside_position(tx, id)
        })
    }

    pub fn remove_outside_position(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            if tx.execute("DELETE FROM outside_position WHERE id = ?1", [id])? == 0 {
                return Err(not_found(Thing::OutsidePosition, id));
            }
            Ok(())
        })
    }

    /// A person's outside positions in their listed order.
    pub fn outside_positions(&self, person_id: &str) -> Result<Vec<OutsidePosition>> {
        positions_where(
            &self.conn,
            "WHERE person_id = ?1 ORDER BY position",
            [person_id],
        )
    }
}

fn party_fields(input: &PartyInput) -> Result<(String, String)> {
    let name = validate::line("name", &input.name)?;
    let short = validate::line("short_name", &input.short_name)?;
    if short.chars().count() > 12 {
        return Err(Invalid::error("short_name", Problem::TooLong { max: 12 }));
    }
    Ok((name, short))
}

fn position_fields(
    input: &OutsidePositionInput,
) -> Result<(String, String, Option<String>, Option<String>)> {
    let org = validate::line("organisation", &input.organisation)?;
    let role = validate::optional_line("role", &input.role)?;
    let date = |v: &Option<String>, field| -> Result<Option<String>> {
        match v.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(s) => Ok(Some(parse_date(field, s)?.to_string())),
        }
    };
    let since = date(&input.since, "term_from")?;
    let until = date(&input.until, "term_to")?;
    if let (Some(f), Some(t)) = (&since, &until) {
        if t < f {
            return Err(Invalid::error("term_to", Problem::EndBeforeStart));
        }
    }
    Ok((org, role, since, until))
}

pub(crate) fn other_body_party() -> Error {
    Error::other(
        "party",
        "Partiet hører til et annet organ. Velg et av organets egne partier.",
        "The group belongs to another body. Choose one of this body's groups.",
    )
}

/// Group short names are unique in a body but for case ("H" and "h" would read alike).
fn ensure_party_free(
    conn: &Connection,
    body_id: &str,
    short: &str,
    except: Option<&str>,
) -> Result<()> {
    let folded = short.to_lowercase();
    let taken = parties_where(conn, "WHERE body_id = ?1", [body_id])?
        .into_iter()
        .any(|p| p.short_name.to_lowercase() == folded && Some(p.id.as_str()) != except);
    if taken {
        return Err(Error::Duplicate {
            what: Thing::Party,
            key: short.to_string(),
        });
    }
    Ok(())
}

/// The select list of the group `g` ("g.id AS party_id, …") for `party_from_row`.
pub(crate) fn party_columns(g: &str, prefix: &str) -> String {
    format!(
        "{g}.id AS {prefix}id, {g}.body_id AS {prefix}body_id, {g}.name AS {prefix}name, {g}.short_name AS {prefix}short_name"
    )
}

pub(crate) fn party_from_row(r: &rusqlite::Row, prefix: &str) -> rusqlite::Result<Option<Party>> {
    match r.get::<_, Option<String>>(format!("{prefix}id").as_str())? {
        None => Ok(None),
        Some(id) => Ok(Some(Party {
            id,
            body_id: r.get(format!("{prefix}body_id").as_str())?,
            name: r.get(format!("{prefix}name").as_str())?,
            short_name: r.get(format!("{prefix}short_name").as_str())?,
        })),
    }
}

fn parties_where(conn: &Connection, clauses: &str, p: impl Params) -> Result<Vec<Party>> {
    all(
        conn,
        &format!("SELECT id, body_id, name, short_name FROM party {clauses}"),
        p,
        |r| Ok(from_row!(r => Party { id, body_id, name, short_name })),
    )
}

pub(crate) fn parties_of(conn: &Connection, body_id: &str) -> Result<Vec<Party>> {
    parties_where(conn, "WHERE body_id = ?1 ORDER BY position", [body_id])
}

pub(crate) fn party(conn: &Connection, id: &str) -> Result<Party> {
    first(
        parties_where(conn, "WHERE id = ?1", [id])?,
        Thing::Party,
        id,
    )
}

fn positions_where(
    conn: &Connection,
    clauses: &str,
    p: impl Params,
) -> Result<Vec<OutsidePosition>> {
    all(
        conn,
        &format!(
            "SELECT id, person_id, organisation, role, since, until FROM outside_position {clauses}"
        ),
        p,
        |r| Ok(from_row!(r => OutsidePosition { id, person_id, organisation, role, since, until })),
    )
}

fn outside_position(conn: &Connection, id: &str) -> Result<OutsidePosition> {
    first(
        positions_where(conn, "WHERE id = ?1", [id])?,
        Thing::OutsidePosition,
        id,
    )
}
