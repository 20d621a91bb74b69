//! What the database's own schema says about each table, read once per import: its columns
//! (kind, required), its references and its unique keys. The generic checks use it, so a table
//! added by a later schema version is checked for shape, references and uniqueness without
//! code of its own.

use super::problem::ValueKind;
use crate::error::Result;
use crate::store::{all, TABLES};
use rusqlite::Connection;

pub(super) struct Column {
    pub name: String,
    /// None for a column declared without one of the three kinds.
    pub kind: Option<ValueKind>,
    pub required: bool,
    /// The declared DEFAULT as JSON (a whole number or text), for exports of an older schema
    /// that did not have the column.
    pub default: Option<serde_json::Value>,
}

pub(super) struct Reference {
    pub column: String,
    pub target: String,
    pub target_column: String,
}

pub(super) struct Unique {
    pub columns: Vec<String>,
    /// Per column: compared ignoring ASCII case (COLLATE NOCASE).
    pub nocase: Vec<bool>,
}

pub(super) struct Table {
    pub name: &'static str,
    pub columns: Vec<Column>,
    pub references: Vec<Reference>,
    pub uniques: Vec<Unique>,
}

impl Table {
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}

/// Every table of `store::TABLES`, in that order.
pub(super) fn read(conn: &Connection) -> Result<Vec<Table>> {
    TABLES.iter().map(|t| table(conn, t)).collect()
}

fn table(conn: &Connection, name: &'static str) -> Result<Table> {
    let columns = all(
        conn,
        "SELECT name, upper(type) AS type, \"notnull\" AS required, pk, dflt_value FROM pragma_table_info(?1) ORDER BY cid",
        [name],
        |r| {
            let kind = match r.get::<_, String>("type")?.as_str() {
                "TEXT" => Some(ValueKind::Text),
                "INTEGER" | "INT" => Some(ValueKind::Integer),
                "BLOB" => Some(ValueKind::Blob),
                _ => None,
            };
            // A primary key is required whether or not the schema says NOT NULL.
            let required = r.get::<_, bool>("required")? || r.get::<_, i64>("pk")? > 0;
            let default = r.get::<_, Option<String>>("dflt_value")?.and_then(|d| default_value(&d));
            Ok(Column { name: r.get("name")?, kind, required, default })
        },
    )?;
    let references = all(
        conn,
        "SELECT \"from\" AS col, \"table\" AS target, coalesce(\"to\", 'id') AS target_column
         FROM pragma_foreign_key_list(?1) ORDER BY id, seq",
        [name],
        |r| {
            Ok(Reference {
                column: r.get("col")?,
                target: r.get("target")?,
                target_column: r.get("target_column")?,
            })
        },
    )?;
    let indexes: Vec<String> = all(
        conn,
        "SELECT name FROM pragma_index_list(?1) WHERE \"unique\" = 1 AND partial = 0 ORDER BY seq",
        [name],
        |r| r.get("name"),
    )?;
    let mut uniques = Vec::new();
    for index in indexes {
        let cols: Vec<(Option<String>, String)> = all(
            conn,
            "SELECT name, coll FROM pragma_index_xinfo(?1) WHERE key = 1 ORDER BY seqno",
            [&index],
            |r| Ok((r.get("name")?, r.get("coll")?)),
        )?;
        // An index on an expression has no column name; SQLite itself still enforces it.
        if cols.iter().any(|(n, _)| n.is_none()) {
            continue;
        }
        uniques.push(Unique {
            nocase: cols
                .iter()
                .map(|(_, c)| c.eq_ignore_ascii_case("NOCASE"))
                .collect(),
            columns: cols.into_iter().filter_map(|(n, _)| n).collect(),
        });
    }
    Ok(Table {
        name,
        columns,
        references,
        uniques,
    })
}

/// A DEFAULT as the schema writes it ("0", "'raised'") as JSON; None for an expression.
fn default_value(sql: &str) -> Option<serde_json::Value> {
    if let Ok(i) = sql.parse::<i64>() {
        return Some(i.into());
    }
    let text = sql.strip_prefix('\'')?.strip_suffix('\'')?;
    Some(text.replace("''", "'").into())
}
