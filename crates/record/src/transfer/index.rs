//! The rows of an import file indexed once, so that every rule is a map lookup and the whole
//! check stays linear in the file's size (no query per row).

use super::file::{Doc, Row};
use super::schema::Table;
use std::collections::HashMap;

pub(super) struct Index<'a> {
    pub schema: &'a [Table],
    pub doc: &'a Doc,
    /// Per table (schema order): id → position in the table's rows.
    ids: Vec<HashMap<&'a str, usize>>,
}

impl<'a> Index<'a> {
    pub fn new(schema: &'a [Table], doc: &'a Doc) -> Index<'a> {
        let ids = doc
            .tables
            .iter()
            .map(|rows| {
                let mut m = HashMap::with_capacity(rows.len());
                for (i, r) in rows.iter().enumerate() {
                    if let Some(id) = r.text("id") {
                        // The first row of an id wins; the uniqueness rule reports the second.
                        m.entry(id).or_insert(i);
                    }
                }
                m
            })
            .collect();
        Index { schema, doc, ids }
    }

    fn slot(&self, table: &str) -> Option<usize> {
        self.schema.iter().position(|t| t.name == table)
    }

    /// The rows of `table` (none for a table this schema does not have).
    pub fn rows(&self, table: &str) -> &'a [Row] {
        match self.slot(table) {
            Some(i) => &self.doc.tables[i],
            None => &[],
        }
    }

    /// The row of `table` with `id`.
    pub fn get(&self, table: &str, id: &str) -> Option<&'a Row> {
        let i = self.slot(table)?;
        self.ids[i].get(id).map(|&r| &self.doc.tables[i][r])
    }

    pub fn has(&self, table: &str, id: &str) -> bool {
        self.get(table, id).is_some()
    }
}
