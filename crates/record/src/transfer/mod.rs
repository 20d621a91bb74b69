//! Export of the whole record as versioned JSON, and import into an empty database. Rows are
//! written in primary-key order with sorted keys, so export → import → export gives the same bytes.
//!
//! An import runs the rules typed input runs (`rules`) on the whole file in memory before
//! anything is written, and refuses with an `ImportProblem` that names the table, the row and
//! the rule; the write is one transaction, so a refused file leaves the record as it was.

mod audit;
mod consult;
mod council;
mod fields;
mod file;
mod index;
mod problem;
mod rules;
mod schema;

pub use problem::{ImportProblem, ImportRule, ValueKind};

use crate::error::{Error, Result};
use crate::store::{Store, SCHEMA_VERSION, TABLES};
use rusqlite::{Connection, OptionalExtension};
use serde_json::{Map, Value};

pub const FORMAT: &str = "quorum-record";
pub const FORMAT_VERSION: i64 = 1;

impl Store {
    /// The whole record as pretty JSON.
    pub fn export_json(&self) -> Result<String> {
        let mut tables = Map::new();
        for t in TABLES {
            let rows = crate::store::snapshot::rows_json(
                &self.conn,
                &format!("SELECT * FROM \"{t}\" ORDER BY id"),
                [],
            )?;
            tables.insert((*t).to_string(), Value::Array(rows));
        }
        let mut doc = Map::new();
        doc.insert("format".into(), FORMAT.into());
        doc.insert("version".into(), FORMAT_VERSION.into());
        doc.insert("schema".into(), SCHEMA_VERSION.into());
        doc.insert("tables".into(), Value::Object(tables));
        // A JSON value with string keys always serialises.
        let mut out = serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or_default();
        out.push('\n');
        Ok(out)
    }

    pub fn is_empty(&self) -> Result<bool> {
        is_empty(&self.conn)
    }

    /// Imports an export into this (empty) record. A file that breaks any rule of the record is
    /// refused with the table, row and rule, and leaves the database unchanged.
    pub fn import_json(&self, json: &str) -> Result<()> {
        // Editors on Windows save UTF-8 with a byte order mark; it is not part of the JSON.
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        if !self.is_empty()? {
            return Err(Error::NotEmpty);
        }
        let schema = schema::read(&self.conn)?;
        let doc = file::read(json, &schema).map_err(Error::BadImport)?;
        rules::check(&schema, &doc).map_err(Error::BadImport)?;
        self.write(|tx| {
            if !is_empty(tx)? {
                return Err(Error::NotEmpty);
            }
            tx.pragma_update(None, "defer_foreign_keys", "ON")?;
            for (t, rows) in schema.iter().zip(&doc.tables) {
                insert_rows(tx, t, rows)?;
            }
            if let Some(p) = dangling(tx, &schema, &doc)? {
                return Err(Error::BadImport(p));
            }
            crate::seal::seal_missing(tx)?;
            crate::search::reindex_all(tx)?;
            crate::responses::reindex_all_responses(tx)
        })
    }

    /// `import_json` of a file's bytes: text that is not UTF-8 is refused as such.
    pub fn import_bytes(&self, bytes: &[u8]) -> Result<()> {
        match std::str::from_utf8(bytes) {
            Ok(json) => self.import_json(json),
            Err(_) => Err(Error::bad_import(ImportProblem::file(ImportRule::NotUtf8))),
        }
    }
}

impl Error {
    pub fn bad_import(problem: ImportProblem) -> Error {
        Error::BadImport(Box::new(problem))
    }
}

fn is_empty(conn: &Connection) -> Result<bool> {
    for t in TABLES {
        let n: i64 = conn.query_row(&format!("SELECT count(*) AS n FROM \"{t}\""), [], |r| {
            r.get("n")
        })?;
        if n > 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

fn insert_rows(tx: &Connection, t: &schema::Table, rows: &[file::Row]) -> Result<()> {
    let names: Vec<String> = t
        .columns
        .iter()
        .map(|c| format!("\"{}\"", c.name))
        .collect();
    let placeholders: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO \"{}\" ({}) VALUES ({})",
        t.name,
        names.join(", "),
        placeholders.join(", ")
    );
    let mut stmt = tx.prepare(&sql)?;
    for row in rows {
        stmt.execute(rusqlite::params_from_iter(file::sql_values(t, row)))
            .map_err(|e| match e.sqlite_error_code() {
                // The rules let through what the schema refuses (a table or CHECK they do not
                // know): the row is named, SQLite's own text is not shown.
                Some(rusqlite::ErrorCode::ConstraintViolation) | None => {
                    Error::BadImport(row.problem(t.name, None, ImportRule::Rejected))
                }
                _ => Error::Db(e),
            })?;
    }
    Ok(())
}

/// A reference the rules did not see (a table without an `id`, a later schema's): the first
/// row SQLite's foreign-key check finds, named by its table and row.
fn dangling(
    tx: &Connection,
    schema: &[schema::Table],
    doc: &file::Doc,
) -> Result<Option<Box<ImportProblem>>> {
    let found: Option<(String, i64, String)> = tx
        .query_row(
            "SELECT \"table\" AS child, rowid, parent FROM pragma_foreign_key_check LIMIT 1",
            [],
            |r| {
                Ok((
                    r.get("child")?,
                    r.get::<_, Option<i64>>("rowid")?.unwrap_or(0),
                    r.get("parent")?,
                ))
            },
        )
        .optional()?;
    let Some((table, rowid, parent)) = found else {
        return Ok(None);
    };
    let rule = ImportRule::UnknownReference { target: parent };
    let slot = schema.iter().position(|t| t.name == table);
    let id: Option<String> = match slot.and_then(|i| schema[i].column("id")) {
        Some(_) => tx
            .query_row(
                &format!("SELECT id FROM \"{table}\" WHERE rowid = ?1"),
                [rowid],
                |r| r.get("id"),
            )
            .optional()?,
        None => None,
    };
    let row = slot.and_then(|i| {
        let rows = &doc.tables[i];
        match &id {
            Some(id) => rows.iter().find(|r| r.text("id") == Some(id)),
            // Rows go in in file order, so without an id the rowid is the row's place.
            None => rows.get((rowid - 1).max(0) as usize),
        }
    });
    Ok(Some(match row {
        Some(r) => r.problem(&table, None, rule),
        None => Box::new(ImportProblem {
            table: Some(table),
            ..ImportProblem::file(rule)
        }),
    }))
}
