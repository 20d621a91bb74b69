//! All the rules an import must pass before anything is written, in the order they are
//! reported: each field (`fields`), then references and unique keys as the schema declares them
//! (so they hold for any table, including ones a later schema adds), then the council's rules
//! (`council`), the consultations' (`consult`) and the audit log's (`audit`).

use super::file::Doc;
use super::index::Index;
use super::problem::{ImportProblem, ImportRule};
use super::schema::Table;
use super::{audit, consult, council, fields};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

pub(super) fn check(schema: &[Table], doc: &Doc) -> Result<(), Box<ImportProblem>> {
    for (t, rows) in schema.iter().zip(&doc.tables) {
        for row in rows {
            fields::check_row(t, row)?;
        }
    }
    let ix = Index::new(schema, doc);
    for (t, rows) in schema.iter().zip(&doc.tables) {
        references(&ix, t, rows)?;
        uniques(t, rows)?;
    }
    let agendas = council::Agendas::new(&ix);
    council::check(&ix, &agendas)?;
    consult::check(&ix)?;
    audit::check(&ix, &agendas)
}

/// Every reference the schema declares points at a row of the file.
fn references(ix: &Index, t: &Table, rows: &[super::file::Row]) -> Result<(), Box<ImportProblem>> {
    for r in &t.references {
        // A reference to another column than the id: the values of that column, collected once.
        let values: Option<HashSet<String>> = (r.target_column != "id").then(|| {
            ix.rows(&r.target)
                .iter()
                .filter_map(|row| row.fields.get(&r.target_column).map(key))
                .collect()
        });
        for row in rows {
            let Some(v) = row.fields.get(&r.column).filter(|v| !v.is_null()) else {
                continue;
            };
            let found = match (&values, v.as_str()) {
                (Some(set), _) => set.contains(&key(v)),
                (None, Some(id)) => ix.has(&r.target, id),
                (None, None) => false,
            };
            if !found {
                return Err(row.problem(
                    t.name,
                    Some(&r.column),
                    ImportRule::UnknownReference {
                        target: r.target.clone(),
                    },
                ));
            }
        }
    }
    Ok(())
}

/// Every unique key the schema declares is unique in the file (NULLs are distinct, as in SQL).
fn uniques(t: &Table, rows: &[super::file::Row]) -> Result<(), Box<ImportProblem>> {
    for u in &t.uniques {
        let mut seen: HashMap<Vec<String>, usize> = HashMap::with_capacity(rows.len());
        for row in rows {
            let mut k = Vec::with_capacity(u.columns.len());
            for (c, nocase) in u.columns.iter().zip(&u.nocase) {
                match row.fields.get(c).filter(|v| !v.is_null()) {
                    Some(v) if *nocase => k.push(key(v).to_ascii_lowercase()),
                    Some(v) => k.push(key(v)),
                    None => break,
                }
            }
            if k.len() < u.columns.len() {
                continue;
            }
            if let Some(&first_row) = seen.get(&k) {
                let column = u.columns.last().map(String::as_str);
                return Err(row.problem(
                    t.name,
                    column,
                    ImportRule::Duplicate {
                        columns: u.columns.clone(),
                        first_row,
                    },
                ));
            }
            seen.insert(k, row.n);
        }
    }
    Ok(())
}

/// A value as a comparable key: text as it is, anything else as JSON.
fn key(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(b) => (*b as i64).to_string(),
        other => other.to_string(),
    }
}
