//! Upkeep of the file that a save should not pay for: merging the search index's small
//! segments and copying the write-ahead log into the database. Run by the window when the
//! record has been idle for a moment, and by the CLI after a command.
//!
//! FTS5 merges its segments as part of the writes that add them ("automerge"): on a
//! twenty-year record one save in about fifteen paid for a merge of hundreds of pages, 10-15 ms
//! where a save otherwise costs half a millisecond. Schema 4 turns that off; the segments are
//! merged here instead (FTS5 still merges on its own when a level reaches 16 segments, so an
//! index that is never tidied stays bounded).

use super::Store;
use crate::error::Result;
use std::time::Duration;

/// Pages of merge work per step: one step takes a few milliseconds, so the window's lock is
/// never held long.
const MERGE_PAGES: i64 = 64;

/// What one `tidy` did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tidied {
    /// Merge steps that did work.
    pub merge_steps: u32,
    /// Whether the index has no merge work left.
    pub merged: bool,
    /// Pages of the write-ahead log copied into the database.
    pub checkpointed: i64,
}

impl Store {
    /// How long ago this connection last committed a change, while there may be upkeep to do;
    /// `None` once a `tidy` has left nothing to do. The window tidies after 1.5 s of this.
    pub fn idle_for(&self) -> Option<Duration> {
        self.last_change.get().map(|t| t.elapsed())
    }

    /// Merges the search index's segments, at most `max_steps` steps of `MERGE_PAGES` pages,
    /// then checkpoints the write-ahead log without waiting for readers. Nothing the record
    /// holds changes, only how the file stores it. While merge work is left, `idle_for` keeps
    /// counting from the last change, so the next idle moment goes on with it.
    pub fn tidy(&self, max_steps: u32) -> Result<Tidied> {
        let mut out = Tidied::default();
        if self.read_only {
            return Ok(out);
        }
        for _ in 0..max_steps {
            let before = self.conn.total_changes();
            self.conn.execute(
                "INSERT INTO search_index (search_index, rank) VALUES ('merge', ?1)",
                [MERGE_PAGES],
            )?;
            // FTS5's own test of "no more work": the merge changed fewer than two rows.
            if self.conn.total_changes() - before < 2 {
                out.merged = true;
                break;
            }
            out.merge_steps += 1;
        }
        if self.path.is_some() {
            out.checkpointed = self
                .conn
                .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| r.get::<_, i64>(2))?;
        }
        if out.merged {
            self.last_change.set(None);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::Store;

    fn segments(s: &Store) -> i64 {
        // The structure record's segment count is not exposed; the number of segment rows in
        // the index's data table grows and shrinks with it.
        s.conn
            .query_row("SELECT count(*) FROM search_index_data", [], |r| r.get(0))
            .unwrap()
    }

    /// Saves leave merging to `tidy`, which leaves the index smaller and consistent, the same
    /// hits found, and nothing more to do.
    #[test]
    fn saves_leave_merging_to_tidy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.quorum");
        let s = Store::open_with(
            &path,
            &crate::backup::BackupPolicy {
                automatic: false,
                ..Default::default()
            },
            chrono::Local::now().naive_local(),
        )
        .unwrap();
        s.load_demo().unwrap();
        s.tidy(u32::MAX).unwrap();
        assert!(s.idle_for().is_none(), "nothing left after a full tidy");
        let m = s.meeting_by_number("E-helserådet", "4/2025").unwrap();
        let item = s.agenda(&m.id).unwrap()[1].id.clone();
        let before = segments(&s);
        for i in 0..40 {
            s.add_innspill(&item, &format!("Innspill nummer {i} om Tindrefjell"), None)
                .unwrap();
        }
        assert!(s.idle_for().is_some());
        let grown = segments(&s);
        assert!(grown > before, "a segment per save: {before} -> {grown}");
        let hits = |s: &Store| {
            s.search(&crate::search::SearchQuery {
                text: "tindrefjell".into(),
                ..Default::default()
            })
            .unwrap()
            .len()
        };
        let found = hits(&s);
        let done = s.tidy(u32::MAX).unwrap();
        assert!(done.merged && done.merge_steps > 0, "{done:?}");
        assert!(segments(&s) < grown, "{grown} -> {}", segments(&s));
        assert_eq!(hits(&s), found);
        assert!(s.idle_for().is_none());
        s.conn
            .execute(
                "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .unwrap();
        assert_eq!(
            s.tidy(u32::MAX).unwrap().merge_steps,
            0,
            "nothing more to merge"
        );
    }
}
