//! People and their memberships of bodies (role, term, personal substitute).

use crate::error::{Error, Invalid, Problem, Result, Thing};
use crate::model::{Membership, Person};
use crate::numbers::parse_date;
use crate::store::{
    all, first, from_row, not_found, optional_person_from_row, people_where, person,
    person_columns, person_from_row, Store,
};
use crate::validate;
use crate::vocab::Role;
use rusqlite::{params, Connection, Params};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PersonInput {
    pub name: String,
    pub organisation: String,
    pub email: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MembershipInput {
    pub person_id: String,
    pub role: Role,
    pub term_from: Option<String>,
    pub term_to: Option<String>,
    pub substitute_id: Option<String>,
}

impl Store {
    pub fn create_person(&self, input: &PersonInput) -> Result<Person> {
        let (name, org, email) = person_fields(input)?;
        let id = crate::new_id();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO person (id, name, organisation, email) VALUES (?1, ?2, ?3, ?4)",
                params![id, name, org, email],
            )?;
            person(tx, &id)
        })
    }

    pub fn update_person(&self, id: &str, input: &PersonInput) -> Result<Person> {
        let (name, org, email) = person_fields(input)?;
        self.write(|tx| {
            if tx.execute(
                "UPDATE person SET name = ?2, organisation = ?3, email = ?4 WHERE id = ?1",
                params![id, name, org, email],
            )? == 0
            {
                return Err(not_found(Thing::Person, id));
            }
            person(tx, id)
        })
    }

    pub fn people(&self) -> Result<Vec<Person>> {
        people_where(&self.conn, "ORDER BY p.name, p.organisation, p.id", [])
    }

    pub fn person(&self, id: &str) -> Result<Person> {
        person(&self.conn, id)
    }

    /// A person by exact name (the first, if several share it).
    pub fn person_by_name(&self, name: &str) -> Result<Person> {
        first(
            people_where(
                &self.conn,
                "WHERE p.name = ?1 ORDER BY p.id LIMIT 1",
                [name.trim()],
            )?,
            Thing::Person,
            name,
        )
    }

    pub fn add_membership(&self, body_id: &str, input: &MembershipInput) -> Result<Membership> {
        let (role, from, to) = membership_fields(input)?;
        let id = crate::new_id();
        self.write(|tx| {
            crate::bodies::body(tx, body_id)?;
            check_people(tx, input)?;
            tx.execute(
                "INSERT INTO membership (id, body_id, person_id, role, term_from, term_to, substitute_id, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, (SELECT coalesce(max(position), -1) + 1 FROM membership WHERE body_id = ?2))",
                params![id, body_id, input.person_id, role, from, to, input.substitute_id],
            )?;
            membership(tx, &id)
        })
    }

    pub fn update_membership(&self, id: &str, input: &MembershipInput) -> Result<Membership> {
        let (role, from, to) = membership_fields(input)?;
        self.write(|tx| {
            check_people(tx, input)?;
            let n = tx.execute(
                "UPDATE membership SET person_id = ?2, role = ?3, term_from = ?4, term_to = ?5, substitute_id = ?6 WHERE id = ?1",
                params![id, input.person_id, role, from, to, input.substitute_id],
            )?;
            if n == 0 {
                return Err(not_found(Thing::Membership, id));
            }
            membership(tx, id)
        })
    }

    pub fn remove_membership(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            if tx.execute("DELETE FROM membership WHERE id = ?1", [id])? == 0 {
                return Err(not_found(Thing::Membership, id));
            }
            Ok(())
        })
    }

    /// A body's memberships in their listed order; with `on` (ISO date), only those whose term
    /// covers that date.
    pub fn memberships(&self, body_id: &str, on: Option<&str>) -> Result<Vec<Membership>> {
        // Compared as ISO text: a date that does not exist would answer instead of being refused.
        let on = on
            .map(|d| parse_date("date", d).map(|d| d.to_string()))
            .transpose()?;
        memberships(&self.conn, body_id, on.as_deref())
    }
}

fn person_fields(input: &PersonInput) -> Result<(String, String, String)> {
    Ok((
        validate::line("name", &input.name)?,
        validate::optional_line("organisation", &input.organisation)?,
        validate::email(&input.email)?,
    ))
}

fn membership_fields(input: &MembershipInput) -> Result<(Role, Option<String>, Option<String>)> {
    let role = input.role;
    let date = |v: &Option<String>, field| -> Result<Option<String>> {
        match v.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(s) => Ok(Some(parse_date(field, s)?.to_string())),
        }
    };
    let from = date(&input.term_from, "term_from")?;
    let to = date(&input.term_to, "term_to")?;
    if let (Some(f), Some(t)) = (&from, &to) {
        if t < f {
            return Err(Invalid::error("term_to", Problem::EndBeforeStart));
        }
    }
    Ok((role, from, to))
}

fn check_people(conn: &Connection, input: &MembershipInput) -> Result<()> {
    check_pair(
        conn,
        &input.person_id,
        input.substitute_id.as_deref(),
        || {
            Error::other(
                "substitute",
                "En person kan ikke være sin egen stedfortreder. Velg en annen.",
                "A person cannot be their own substitute. Choose someone else.",
            )
        },
    )
}

/// Both people exist, and the `other` (a substitute) is not the person: else `same()`.
pub(crate) fn check_pair(
    conn: &Connection,
    person_id: &str,
    other: Option<&str>,
    same: impl FnOnce() -> Error,
) -> Result<()> {
    person(conn, person_id)?;
    if let Some(s) = other {
        person(conn, s)?;
        if s == person_id {
            return Err(same());
        }
    }
    Ok(())
}

/// A body's memberships with the person and their substitute, in the order of the clauses
/// appended (WHERE, ORDER BY).
fn memberships_where(conn: &Connection, clauses: &str, p: impl Params) -> Result<Vec<Membership>> {
    all(
        conn,
        &format!(
            "SELECT m.id, m.role, m.term_from, m.term_to, {}, {}, {}
             FROM membership m JOIN person p ON p.id = m.person_id
             LEFT JOIN person s ON s.id = m.substitute_id LEFT JOIN party g ON g.id = m.party_id {clauses}",
            person_columns("p", "person_"),
            person_columns("s", "substitute_"),
            crate::groups::party_columns("g", "party_"),
        ),
        p,
        |r| {
            Ok(from_row!(r => Membership {
                id, role, term_from, term_to;
                person: person_from_row(r, "person_")?,
                substitute: optional_person_from_row(r, "substitute_")?,
                party: crate::groups::party_from_row(r, "party_")?,
            }))
        },
    )
}

fn membership(conn: &Connection, id: &str) -> Result<Membership> {
    first(
        memberships_where(conn, "WHERE m.id = ?1", [id])?,
        Thing::Membership,
        id,
    )
}

pub(crate) fn memberships(
    conn: &Connection,
    body_id: &str,
    on: Option<&str>,
) -> Result<Vec<Membership>> {
    memberships_where(
        conn,
        "WHERE m.body_id = ?1
         AND (?2 IS NULL OR ((m.term_from IS NULL OR m.term_from <= ?2) AND (m.term_to IS NULL OR m.term_to >= ?2)))
         ORDER BY m.position, p.name",
        params![body_id, on],
    )
}
