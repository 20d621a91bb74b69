//! The import file read into rows: the header, each table a list of objects, each object's
//! fields known to the table and of the column's kind. Everything after this works on `Row`s.

use super::problem::{ImportProblem, ImportRule, ValueKind};
use super::schema::Table;
use super::{FORMAT, FORMAT_VERSION};
use base64::Engine;
use rusqlite::types::Value as Sql;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// One row of the file: where it stands, and its fields as JSON.
pub(super) struct Row {
    /// 1-based position in its table's list.
    pub n: usize,
    pub id: Option<String>,
    pub fields: Map<String, Value>,
}

impl Row {
    /// A text field; None when null or missing.
    pub fn text(&self, column: &str) -> Option<&str> {
        self.fields.get(column).and_then(Value::as_str)
    }

    /// A whole-number field (booleans as 0/1); None when null or missing.
    pub fn int(&self, column: &str) -> Option<i64> {
        match self.fields.get(column)? {
            Value::Bool(b) => Some(*b as i64),
            v => v.as_i64(),
        }
    }

    pub fn flag(&self, column: &str) -> bool {
        self.int(column) == Some(1)
    }

    pub fn problem(
        &self,
        table: &str,
        column: Option<&str>,
        rule: ImportRule,
    ) -> Box<ImportProblem> {
        Box::new(ImportProblem {
            table: Some(table.to_string()),
            row: Some(self.n),
            id: self.id.clone(),
            column: column.map(str::to_string),
            rule,
        })
    }
}

/// The tables of the file, in `schema` order; a table the file leaves out has no rows.
pub(super) struct Doc {
    pub tables: Vec<Vec<Row>>,
}

pub(super) fn read(json: &str, schema: &[Table]) -> Result<Doc, Box<ImportProblem>> {
    let file = |rule| Box::new(ImportProblem::file(rule));
    let in_table = |table: &str, rule| {
        Box::new(ImportProblem {
            table: Some(table.to_string()),
            ..ImportProblem::file(rule)
        })
    };
    let Strict(doc) = serde_json::from_str(json).map_err(|e| {
        file(match e.classify() {
            serde_json::error::Category::Eof => ImportRule::Truncated { line: e.line() },
            // The only data error of parsing into `Strict` is its own: a key given twice.
            serde_json::error::Category::Data => ImportRule::DuplicateKey {
                line: e.line(),
                column: e.column(),
            },
            _ => ImportRule::NotJson {
                line: e.line(),
                column: e.column(),
            },
        })
    })?;
    let Value::Object(mut doc) = doc else {
        return Err(file(ImportRule::NotAnObject));
    };
    if doc.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(file(ImportRule::WrongFormat));
    }
    match doc.get("version") {
        None | Some(Value::Null) => return Err(file(ImportRule::MissingVersion)),
        Some(v) if v.as_i64() == Some(FORMAT_VERSION) => {}
        Some(v) => return Err(file(ImportRule::UnsupportedVersion { found: short(v) })),
    }
    // An export of an older schema lacks the columns added since; they take their defaults, as
    // the upgrade of a record file gives them. (A current export must have every column.)
    let older = doc
        .get("schema")
        .and_then(Value::as_i64)
        .is_some_and(|v| v < crate::store::SCHEMA_VERSION);
    let Some(Value::Object(mut tables)) = doc.remove("tables") else {
        return Err(file(ImportRule::MissingTables));
    };
    if let Some(unknown) = tables
        .keys()
        .find(|k| !schema.iter().any(|t| t.name == k.as_str()))
    {
        return Err(in_table(&printable(unknown), ImportRule::UnknownTable));
    }
    let mut out = Vec::with_capacity(schema.len());
    for t in schema {
        let rows = match tables.remove(t.name) {
            None => Vec::new(),
            Some(Value::Array(rows)) => rows,
            Some(_) => return Err(in_table(t.name, ImportRule::NotAList)),
        };
        let mut read = Vec::with_capacity(rows.len());
        for (i, v) in rows.into_iter().enumerate() {
            read.push(row(t, i + 1, v, older)?);
        }
        out.push(read);
    }
    Ok(Doc { tables: out })
}

/// A JSON value parsed with every object's keys distinct: `{"body": [], "body": [...]}` would
/// otherwise keep only the last, so the same file could mean two records.
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Strict, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(serde::de::Error::custom("a key given twice"));
            }
            let Strict(v) = map.next_value()?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// A value as a message may quote it: short, as it stands in the file, no control characters.
fn short(v: &Value) -> String {
    printable(&v.to_string())
}

/// At most 40 characters of `s`, control characters shown as "�", for quoting in a message.
pub(super) fn printable(s: &str) -> String {
    s.chars()
        .take(40)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

fn row(t: &Table, n: usize, v: Value, older: bool) -> Result<Row, Box<ImportProblem>> {
    let mut row = Row {
        n,
        id: None,
        fields: Map::new(),
    };
    let Value::Object(fields) = v else {
        return Err(row.problem(t.name, None, ImportRule::RowNotAnObject));
    };
    // The id first, so every later problem of the row can name it.
    row.id = fields.get("id").and_then(Value::as_str).map(printable);
    row.fields = fields;
    if let Some(k) = row.fields.keys().find(|k| t.column(k).is_none()) {
        let k = k.clone();
        return Err(row.problem(t.name, Some(&k), ImportRule::UnknownColumn));
    }
    if older {
        for c in &t.columns {
            if let (Some(d), false) = (&c.default, row.fields.contains_key(&c.name)) {
                row.fields.insert(c.name.clone(), d.clone());
            }
        }
    }
    for c in &t.columns {
        let v = row.fields.get(&c.name).unwrap_or(&Value::Null);
        let rule = match (v, c.kind) {
            (Value::Null, _) if c.required => Some(ImportRule::Missing),
            (Value::Null, _) => None,
            (Value::String(_), Some(ValueKind::Text) | None) => None,
            (Value::Number(n), Some(ValueKind::Integer)) if n.is_i64() => None,
            (Value::Bool(_), Some(ValueKind::Integer)) => None,
            // Out of range for SQLite: the column's own rule says what range it takes.
            (Value::Number(n), Some(ValueKind::Integer)) if n.is_u64() => {
                Some(too_big(t.name, &c.name))
            }
            (Value::Number(_), None) => None,
            (Value::Object(o), Some(ValueKind::Blob) | None) => blob(o).err(),
            (_, Some(expected)) => Some(ImportRule::WrongType { expected }),
            (_, None) => Some(ImportRule::WrongType {
                expected: ValueKind::Text,
            }),
        };
        if let Some(rule) = rule {
            return Err(row.problem(t.name, Some(&c.name), rule));
        }
    }
    Ok(row)
}

fn too_big(table: &str, column: &str) -> ImportRule {
    match super::fields::spec(table, column) {
        Some((field, super::fields::Field::Int(min, max))) => ImportRule::Value {
            field,
            problem: crate::error::Problem::Range { min, max },
        },
        _ => ImportRule::WrongType {
            expected: ValueKind::Integer,
        },
    }
}

fn blob(o: &Map<String, Value>) -> Result<Vec<u8>, ImportRule> {
    match o.get("base64").and_then(Value::as_str) {
        Some(b) if o.len() == 1 => base64::engine::general_purpose::STANDARD
            .decode(b)
            .map_err(|_| ImportRule::BadBase64),
        _ => Err(ImportRule::WrongType {
            expected: ValueKind::Blob,
        }),
    }
}

/// The row's values in `t`'s column order, for the INSERT (a missing field is NULL).
pub(super) fn sql_values(t: &Table, row: &Row) -> Vec<Sql> {
    t.columns
        .iter()
        .map(|c| match row.fields.get(&c.name).unwrap_or(&Value::Null) {
            Value::Null => Sql::Null,
            Value::Bool(b) => Sql::Integer(*b as i64),
            Value::Number(n) => match n.as_i64() {
                Some(i) => Sql::Integer(i),
                None => Sql::Real(n.as_f64().unwrap_or(0.0)),
            },
            Value::String(s) => Sql::Text(s.clone()),
            Value::Object(o) => blob(o).map(Sql::Blob).unwrap_or(Sql::Null),
            Value::Array(_) => Sql::Null,
        })
        .collect()
}
