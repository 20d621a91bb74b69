//! A row as JSON, for the audit log's before/after and for export.

use crate::error::Result;
use base64::Engine;
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use serde_json::{Map, Value};

/// Converts one SQLite value to JSON; blobs become {"base64": "..."}.
pub(crate) fn value_json(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => {
            let mut m = Map::new();
            m.insert(
                "base64".into(),
                Value::from(base64::engine::general_purpose::STANDARD.encode(b)),
            );
            Value::Object(m)
        }
    }
}

/// Rows of `sql` as JSON objects with sorted keys (so output is deterministic).
pub(crate) fn rows_json(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<Value>> {
    let mut stmt = conn.prepare(sql)?;
    let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
    let mut rows = stmt.query(params)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut m = Map::new();
        for (i, n) in names.iter().enumerate() {
            m.insert(n.clone(), value_json(row.get_ref(i)?));
        }
        out.push(Value::Object(m));
    }
    Ok(out)
}

/// The row `id` of `table` as compact JSON, or None when it does not exist. `table` is one of the
/// schema's own names, never user text.
pub(crate) fn row_json(conn: &Connection, table: &str, id: &str) -> Result<Option<String>> {
    let rows = rows_json(
        conn,
        &format!("SELECT * FROM \"{table}\" WHERE id = ?1"),
        [id],
    )?;
    Ok(rows.into_iter().next().map(|v| v.to_string()))
}
