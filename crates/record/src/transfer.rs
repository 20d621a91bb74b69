//! Export of the whole record as versioned JSON, and import into an empty database. Rows are
//! written in primary-key order with sorted keys, so export → import → export gives the same bytes.

use crate::error::{Error, Result};
use crate::store::{all, Store, SCHEMA_VERSION, TABLES};
use base64::Engine;
use rusqlite::types::Value as Sql;
use rusqlite::Connection;
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
        let mut out = serde_json::to_string_pretty(&Value::Object(doc))
            .map_err(|e| Error::BadImport(e.to_string()))?;
        out.push('\n');
        Ok(out)
    }

    pub fn is_empty(&self) -> Result<bool> {
        is_empty(&self.conn)
    }

    /// Imports an export into this (empty) record. Malformed, truncated or inconsistent input
    /// is refused and leaves the database unchanged.
    pub fn import_json(&self, json: &str) -> Result<()> {
        // Editors on Windows save UTF-8 with a byte order mark; it is not part of the JSON.
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        let doc: Value =
            serde_json::from_str(json).map_err(|e| Error::BadImport(describe_json_error(&e)))?;
        let doc = doc
            .as_object()
            .ok_or_else(|| Error::BadImport("not a JSON object".into()))?;
        if doc.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(Error::BadImport(format!("\"format\" is not \"{FORMAT}\"")));
        }
        match doc.get("version").and_then(Value::as_i64) {
            Some(FORMAT_VERSION) => {}
            Some(v) => {
                return Err(Error::BadImport(format!(
                    "format version {v} is not supported (this Quorum reads {FORMAT_VERSION})"
                )))
            }
            None => return Err(Error::BadImport("\"version\" is missing".into())),
        }
        let tables = doc
            .get("tables")
            .and_then(Value::as_object)
            .ok_or_else(|| Error::BadImport("\"tables\" is missing".into()))?;
        if let Some(unknown) = tables.keys().find(|k| !TABLES.contains(&k.as_str())) {
            return Err(Error::BadImport(format!("unknown table \"{unknown}\"")));
        }
        self.write(|tx| {
            if !is_empty(tx)? {
                return Err(Error::NotEmpty);
            }
            tx.pragma_update(None, "defer_foreign_keys", "ON")?;
            for t in TABLES {
                let Some(rows) = tables.get(*t) else { continue };
                let rows = rows
                    .as_array()
                    .ok_or_else(|| Error::BadImport(format!("table \"{t}\" is not a list")))?;
                import_rows(tx, t, rows)?;
            }
            let broken: i64 = tx.query_row(
                "SELECT count(*) AS broken FROM pragma_foreign_key_check",
                [],
                |r| r.get("broken"),
            )?;
            if broken > 0 {
                return Err(Error::BadImport(format!(
                    "{broken} rows refer to rows that are not in the file"
                )));
            }
            crate::search::reindex_all(tx)
        })
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

fn import_rows(tx: &Connection, table: &str, rows: &[Value]) -> Result<()> {
    let columns: Vec<String> = all(
        tx,
        "SELECT name FROM pragma_table_info(?1) ORDER BY cid",
        [table],
        |r| r.get("name"),
    )?;
    let placeholders: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO \"{table}\" ({}) VALUES ({})",
        columns
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", "),
        placeholders.join(", ")
    );
    let mut stmt = tx.prepare(&sql)?;
    for (n, row) in rows.iter().enumerate() {
        let obj = row.as_object().ok_or_else(|| {
            Error::BadImport(format!("row {} of \"{table}\" is not an object", n + 1))
        })?;
        if let Some(k) = obj.keys().find(|k| !columns.contains(k)) {
            return Err(Error::BadImport(format!(
                "row {} of \"{table}\" has an unknown field \"{k}\"",
                n + 1
            )));
        }
        let values: Vec<Sql> = columns
            .iter()
            .map(|c| {
                sql_value(obj.get(c).unwrap_or(&Value::Null)).map_err(|e| {
                    Error::BadImport(format!("row {} of \"{table}\", field \"{c}\": {e}", n + 1))
                })
            })
            .collect::<Result<_>>()?;
        check_text(&values)
            .map_err(|e| Error::BadImport(format!("row {} of \"{table}\": {e}", n + 1)))?;
        stmt.execute(rusqlite::params_from_iter(values))
            .map_err(|e| Error::BadImport(format!("row {} of \"{table}\": {e}", n + 1)))?;
    }
    Ok(())
}

fn sql_value(v: &Value) -> std::result::Result<Sql, String> {
    Ok(match v {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(*b as i64),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Sql::Integer(i),
            None => Sql::Real(n.as_f64().ok_or("not a number")?),
        },
        Value::String(s) => Sql::Text(s.clone()),
        Value::Object(o) => match o.get("base64").and_then(Value::as_str) {
            Some(b) if o.len() == 1 => Sql::Blob(
                base64::engine::general_purpose::STANDARD
                    .decode(b)
                    .map_err(|e| format!("bad base64: {e}"))?,
            ),
            _ => return Err("an object that is not {\"base64\": …}".into()),
        },
        Value::Array(_) => return Err("a list where a value belongs".into()),
    })
}

/// Imported text obeys the same rule as typed text: no control characters but line breaks and tabs.
fn check_text(values: &[Sql]) -> std::result::Result<(), String> {
    for v in values {
        if let Sql::Text(s) = v {
            if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
                return Err("text holds control characters".into());
            }
        }
    }
    Ok(())
}

fn describe_json_error(e: &serde_json::Error) -> String {
    match e.classify() {
        serde_json::error::Category::Eof => format!(
            "the file ends too early (line {}): it may be truncated",
            e.line()
        ),
        _ => format!("invalid JSON at line {}, column {}", e.line(), e.column()),
    }
}
