//! The SQLite store: opening, migrations, transactions, and the guard that keeps approved
//! minutes locked. The operations on the record live in modules beside this one, each adding
//! methods to `Store`.

mod rank;
mod rows;
pub(crate) mod snapshot;
mod tidy;

pub use tidy::Tidied;

pub(crate) use rows::*;
pub(crate) use snapshot::row_json;

use crate::backup::BackupPolicy;
use crate::error::{Error, Result};
use crate::vocab::Entity;
use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::{HookError, Migrations, M};
use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The schema's versions in order; version N is the file's `user_version` after the Nth. Each has
/// a fixture of the version before it in the tests (crates/record/tests/fixtures/).
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("schema_v1.sql")),
        // Sealed minutes.
        M::up(include_str!("schema_v2.sql")),
        // Parent-key indexes and the search index keyed by rowid.
        M::up(include_str!("schema_v3.sql")),
        // Prefix indexes for stems up to seven letters.
        M::up(include_str!("schema_v4.sql")),
        // Groups, proposals and votes, attendance through the meeting, disqualification, the
        // quorum rule and signed minutes.
        M::up(include_str!("schema_v5.sql")),
        // Consultations: questions, responses, their handling and the responses' search index.
        M::up_with_hook(include_str!("schema_v6.sql"), upgraded),
    ])
}

/// Runs after the newest migration, in its transaction, with today's code on today's schema
/// (a hook on an older step would run today's readers on an older schema): minutes approved
/// before v2 are sealed as they print now, and the search index is filled from the record as
/// this version indexes it (v5 indexes proposals put in the meeting, v6 the responses). Move it to the newest
/// step when adding one.
fn upgraded(tx: &Transaction) -> std::result::Result<(), HookError> {
    let hook = |e: Error| HookError::Hook(e.message(crate::Lang::En));
    crate::seal::seal_missing(tx).map_err(hook)?;
    crate::search::reindex_all(tx).map_err(hook)?;
    crate::responses::reindex_all_responses(tx).map_err(hook)
}

/// The newest schema version this build knows (the number of `migrations()`).
pub const SCHEMA_VERSION: i64 = 6;

/// The record's tables, in an order that satisfies their foreign keys (parents first), as export
/// writes them and import reads them.
pub const TABLES: &[&str] = &[
    "body",
    "body_name",
    "case_type",
    "person",
    "party",
    "membership",
    "outside_position",
    "number_series",
    "case",
    "meeting",
    "agenda_item",
    "attachment",
    "case_link",
    "attendance",
    "innspill",
    "action_point",
    "presence_change",
    "case_substitute",
    "disqualification",
    "proposal",
    "vote",
    "vote_group",
    "vote_ballot",
    "minutes_signer",
    "signing_round",
    "signature",
    "meeting_seal",
    "seal_person",
    "seal_action",
    "seal_party",
    "audit_log",
    "respondent_category",
    "consultation",
    "consultation_case",
    "consultation_question",
    "question_choice",
    "question_part",
    "response",
    "response_answer",
    "summary_heading",
    "handling",
];

pub struct Store {
    pub(crate) conn: Connection,
    read_only: bool,
    path: Option<PathBuf>,
    /// How many automatic backups to keep (see `crate::backup`).
    pub(crate) policy: BackupPolicy,
    /// Why the automatic backup taken when the record was opened failed, if it did.
    backup_problem: Option<Error>,
    /// Set while `correct` runs: writes to a locked meeting are then allowed and audited.
    correction: RefCell<Option<String>>,
    /// When this connection last committed a change, until a `tidy` has done all its work.
    last_change: Cell<Option<Instant>>,
}

impl Store {
    /// Opens (creating if needed) the record at `path`, upgrading its schema. A file written by a
    /// newer Quorum is refused before anything in it is touched. An existing file with data is
    /// backed up before any migration runs, and once a day (see `crate::backup`).
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(
            path,
            &BackupPolicy::default(),
            chrono::Local::now().naive_local(),
        )
    }

    /// `open` with the backup policy and the clock passed in: `now` (local time) decides the
    /// day's and the week's backups.
    pub fn open_with(path: &Path, policy: &BackupPolicy, now: NaiveDateTime) -> Result<Store> {
        refuse_folder(path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                path: dir.display().to_string(),
                source,
            })?;
        }
        let conn = Connection::open(path)?;
        let found = check_version(&conn)?;
        if found < SCHEMA_VERSION && policy.automatic && has_content(&conn)? {
            // An upgrade can be undone: the file as it was, before any migration touches it.
            crate::backup::before_upgrade(&conn, path, now)?;
        }
        let mut store = Store::setup(conn, false, Some(path.to_path_buf()))?;
        store.policy = policy.clone();
        store.conn.pragma_update(None, "journal_mode", "WAL")?;
        // Durability does not depend on how SQLite was built: every commit is synced to disk.
        store.conn.pragma_update(None, "synchronous", "FULL")?;
        migrations().to_latest(&mut store.conn)?;
        if policy.automatic {
            store.backup_problem = store.scheduled_backups(now).err();
        }
        Ok(store)
    }

    /// The connection's `PRAGMA synchronous` (0 off, 1 normal, 2 full, 3 extra).
    pub fn synchronous(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "synchronous", |r| r.get(0))?)
    }

    /// Why the automatic backup taken when the record was opened failed (the failed copy is
    /// removed; the record itself is fine).
    pub fn backup_problem(&self) -> Option<&Error> {
        self.backup_problem.as_ref()
    }

    /// Opens a shared archive snapshot read-only: nothing can change it.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        refuse_folder(path)?;
        if !path.exists() {
            return Err(Error::Io {
                path: path.display().to_string(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let found = check_version(&conn)?;
        if found < SCHEMA_VERSION {
            return Err(Error::OlderArchive);
        }
        Store::setup(conn, true, Some(path.to_path_buf()))
    }

    /// A fresh record in memory, for tests and previews.
    pub fn open_in_memory() -> Result<Store> {
        let mut store = Store::setup(Connection::open_in_memory()?, false, None)?;
        migrations().to_latest(&mut store.conn)?;
        Ok(store)
    }

    fn setup(conn: Connection, read_only: bool, path: Option<PathBuf>) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // 16 MiB of page cache (SQLite's default is 2 MiB): a search on a twenty-year record
        // touches more pages than that, and each page read again from the OS cost a syscall.
        conn.pragma_update(None, "cache_size", -16384)?;
        conn.set_prepared_statement_cache_capacity(64);
        rank::register(&conn)?;
        Ok(Store {
            conn,
            read_only,
            path,
            policy: BackupPolicy::default(),
            backup_problem: None,
            correction: RefCell::new(None),
            last_change: Cell::new(None),
        })
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Writes a consistent snapshot of the record to `dest` with SQLite's backup API, for members
    /// to open read-only.
    pub fn snapshot_to(&self, dest: &Path) -> Result<()> {
        copy_database(&self.conn, dest)
    }

    /// Runs one user action in one transaction: all of it is stored, or none of it.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(Error::ReadOnly);
        }
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        self.last_change.set(Some(Instant::now()));
        Ok(value)
    }

    /// Makes the changes in `f` as a correction of locked minutes, with `reason` stored beside
    /// each change's before and after in the append-only audit log.
    pub fn correct<T>(&self, reason: &str, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        let reason = crate::validate::line("reason", reason)?;
        *self.correction.borrow_mut() = Some(reason);
        let result = f(self);
        *self.correction.borrow_mut() = None;
        result
    }

    /// Changes the rows of a meeting's record through `change`, refusing if the minutes are
    /// locked, unless a correction is under way, in which case the entity's row before and after
    /// is appended to the audit log.
    pub(crate) fn guarded<T>(
        &self,
        tx: &Connection,
        meeting_id: &str,
        entity: Entity,
        entity_id: &str,
        change: impl FnOnce() -> Result<T>,
    ) -> Result<T> {
        let (status, label) = meeting_status(tx, meeting_id)?;
        if !status.locked() {
            crate::signing::refuse_if_signing(tx, meeting_id)?;
            return change();
        }
        let reason = self.correction.borrow().clone();
        let Some(reason) = reason else {
            return Err(Error::Locked { meeting: label });
        };
        let before = row_json(tx, entity.table(), entity_id)?;
        let value = change()?;
        let after = row_json(tx, entity.table(), entity_id)?;
        tx.execute(
            "INSERT INTO audit_log (id, at, meeting_id, entity, entity_id, before, after, reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            rusqlite::params![
                crate::new_id(),
                crate::now(),
                meeting_id,
                entity,
                entity_id,
                before,
                after,
                reason
            ],
        )?;
        Ok(value)
    }
}

/// Copies the database on `src` to `dest` (replaced if it exists) with SQLite's online backup
/// API, as one consistent snapshot; the copy is a standalone file (journal mode DELETE).
pub(crate) fn copy_database(src: &Connection, dest: &Path) -> Result<()> {
    if dest.exists() {
        std::fs::remove_file(dest).map_err(|source| Error::Io {
            path: dest.display().to_string(),
            source,
        })?;
    }
    let mut out = Connection::open(dest)?;
    {
        let backup = rusqlite::backup::Backup::new(src, &mut out)?;
        backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
    }
    out.pragma_update(None, "journal_mode", "DELETE")?;
    out.close().map_err(|(_, e)| Error::Db(e))?;
    Ok(())
}

/// Whether the file holds anything at all (a new file has no schema).
fn has_content(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    Ok(n > 0)
}

/// A folder given as the record would otherwise reach SQLite as "unable to open database file".
fn refuse_folder(path: &Path) -> Result<()> {
    if path.is_dir() {
        return Err(Error::Folder {
            path: path.display().to_string(),
        });
    }
    Ok(())
}

/// Reads the schema version without changing the file; refuses newer files.
fn check_version(conn: &Connection) -> Result<i64> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get("user_version"))?;
    if found > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            found,
            known: SCHEMA_VERSION,
        });
    }
    Ok(found)
}
