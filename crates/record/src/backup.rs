//! Backups of the record with SQLite's online backup API, in a `backups` folder beside the record:
//!
//! ```text
//! <record dir>/backups/<stem>-2026-12-01.quorum                        daily (first open of the day)
//! <record dir>/backups/<stem>-weekly-2026-11-30.quorum                 weekly (first open of the ISO week)
//! <record dir>/backups/<stem>-before-upgrade-2026-12-01-101500.quorum  before a migration runs
//! <record dir>/backups/<stem>-before-restore-2026-12-01-101500.quorum  the record a restore replaced
//! <record dir>/backups/<stem>-2026-12-01-101500.quorum                 taken on request (`Store::backup`)
//! ```
//!
//! Every backup is written to a temporary file, checked with `PRAGMA integrity_check`, synced and
//! only then renamed to its name; a copy that fails the check is removed and reported. Daily and
//! weekly backups rotate ([`KEEP_DAILY`], [`KEEP_WEEKLY`]); the others are kept. [`restore`]
//! checks the chosen backup, keeps the current record as a backup and replaces the record file
//! atomically (temporary file in the same folder, fsync, rename).

use crate::error::{BackupProblem, Error, Result};
use crate::files::{sync_dir, sync_file, temp_beside};
use crate::paths::{is_record_file, with_suffix};
use crate::store::{copy_database, Store, SCHEMA_VERSION, TABLES};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Daily backups kept.
pub const KEEP_DAILY: usize = 7;
/// Weekly backups kept.
pub const KEEP_WEEKLY: usize = 4;
/// The folder beside the record that holds its backups.
pub const BACKUP_DIR: &str = "backups";
/// The file extension of a backup.
pub const EXTENSION: &str = "quorum";

/// The local time now, as backups are named by it.
pub fn local_now() -> NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// Which automatic backups a writable open takes, and how many it keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupPolicy {
    /// Back up before migrations and on the first open of a day and of a week.
    pub automatic: bool,
    pub keep_daily: usize,
    pub keep_weekly: usize,
}

impl Default for BackupPolicy {
    fn default() -> Self {
        BackupPolicy {
            automatic: true,
            keep_daily: KEEP_DAILY,
            keep_weekly: KEEP_WEEKLY,
        }
    }
}

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BackupKind {
    Daily,
    Weekly,
    BeforeUpgrade,
    BeforeRestore,
    Manual,
}

impl BackupKind {
    /// What the file name says after the record's stem and before the date.
    fn tag(self) -> &'static str {
        match self {
            BackupKind::Daily | BackupKind::Manual => "",
            BackupKind::Weekly => "weekly-",
            BackupKind::BeforeUpgrade => "before-upgrade-",
            BackupKind::BeforeRestore => "before-restore-",
        }
    }

    /// Whether the name carries the time of day too (the kinds that are not one per day).
    fn timed(self) -> bool {
        matches!(
            self,
            BackupKind::BeforeUpgrade | BackupKind::BeforeRestore | BackupKind::Manual
        )
    }

    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            BackupKind::Daily => lang.pick("daglig", "daily"),
            BackupKind::Weekly => lang.pick("ukentlig", "weekly"),
            BackupKind::BeforeUpgrade => lang.pick("før oppgradering", "before upgrade"),
            BackupKind::BeforeRestore => lang.pick("før gjenoppretting", "before restore"),
            BackupKind::Manual => lang.pick("manuell", "manual"),
        }
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Backup {
    pub path: PathBuf,
    /// The day it was taken, from its name (YYYY-MM-DD).
    #[serde(serialize_with = "as_text")]
    pub date: NaiveDate,
    /// Size in bytes.
    pub size: u64,
    pub kind: BackupKind,
}

fn as_text<S: serde::Serializer>(d: &NaiveDate, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_str(&d.format("%Y-%m-%d"))
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Restored {
    /// The record file, now holding the backup's content.
    pub record: PathBuf,
    /// The backup that was restored.
    pub from: PathBuf,
    /// The record as it was before, kept as a backup (None when there was no record file).
    pub kept: Option<PathBuf>,
    /// Where the window's journal of unsaved typing of the old record was set aside, if any.
    pub journal: Option<PathBuf>,
}

/// The backups folder of the record at `record`.
pub fn backup_dir(record: &Path) -> PathBuf {
    match record.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => dir.join(BACKUP_DIR),
        None => PathBuf::from(BACKUP_DIR),
    }
}

fn stem(record: &Path) -> String {
    record
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "quorum".to_string())
}

/// The file a backup of `kind` taken at `at` gets.
pub fn backup_path(record: &Path, kind: BackupKind, at: NaiveDateTime) -> PathBuf {
    let when = if kind.timed() {
        at.format("%Y-%m-%d-%H%M%S").to_string()
    } else {
        at.format("%Y-%m-%d").to_string()
    };
    backup_dir(record).join(format!("{}-{}{when}.{EXTENSION}", stem(record), kind.tag()))
}

/// The kind and day of a backup file of the record with `stem`, from its name.
fn parse_name(stem: &str, name: &str) -> Option<(BackupKind, NaiveDate)> {
    let rest = name
        .strip_prefix(stem)?
        .strip_prefix('-')?
        .strip_suffix(EXTENSION)?
        .strip_suffix('.')?;
    let (kind, rest) = if let Some(r) = rest.strip_prefix("weekly-") {
        (BackupKind::Weekly, r)
    } else if let Some(r) = rest.strip_prefix("before-upgrade-") {
        (BackupKind::BeforeUpgrade, r)
    } else if let Some(r) = rest.strip_prefix("before-restore-") {
        (BackupKind::BeforeRestore, r)
    } else if rest.len() == 10 {
        (BackupKind::Daily, rest)
    } else {
        (BackupKind::Manual, rest)
    };
    let date = NaiveDate::parse_from_str(rest.get(..10)?, "%Y-%m-%d").ok()?;
    let time = &rest[10..];
    let time_ok = if kind.timed() {
        time.len() == 7 && time.starts_with('-') && time[1..].bytes().all(|b| b.is_ascii_digit())
    } else {
        time.is_empty()
    };
    time_ok.then_some((kind, date))
}

/// The backups of the record at `record`, newest first.
pub fn list(record: &Path) -> Result<Vec<Backup>> {
    let dir = backup_dir(record);
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let entries = std::fs::read_dir(&dir).map_err(|e| io(&dir, e))?;
    let stem = stem(record);
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| io(&dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((kind, date)) = parse_name(&stem, &name) else {
            continue;
        };
        let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
        out.push(Backup {
            path: entry.path(),
            date,
            size,
            kind,
        });
    }
    out.sort_by(|a, b| (b.date, &b.path).cmp(&(a.date, &a.path)));
    Ok(out)
}

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.display().to_string(),
        source,
    }
}

fn problem(p: BackupProblem) -> Error {
    Error::Backup(p)
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Why a file is not a sound record.
enum Unsound {
    /// Not SQLite, damaged, or not a Quorum record.
    Damaged,
    /// Written by a newer Quorum.
    Newer(i64),
}

/// Opens `path` read-only and checks it: SQLite, `integrity_check` "ok", a Quorum schema this
/// build knows.
fn check(path: &Path) -> std::result::Result<Connection, Unsound> {
    if !path.is_file() {
        return Err(Unsound::Damaged);
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| Unsound::Damaged)?;
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| Unsound::Damaged)?;
    if verdict != "ok" {
        return Err(Unsound::Damaged);
    }
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|_| Unsound::Damaged)?;
    if version > SCHEMA_VERSION {
        return Err(Unsound::Newer(version));
    }
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('body', 'meeting')",
            [],
            |r| r.get(0),
        )
        .map_err(|_| Unsound::Damaged)?;
    if version < 1 || tables != 2 {
        return Err(Unsound::Damaged);
    }
    Ok(conn)
}

/// Checks that `path` is a sound backup of a record this build can open: a restore offers
/// nothing else.
pub fn verify(path: &Path) -> Result<()> {
    open_backup(path).map(drop)
}

fn open_backup(path: &Path) -> Result<Connection> {
    check(path).map_err(|u| match u {
        Unsound::Damaged => problem(BackupProblem::NotABackup { path: shown(path) }),
        Unsound::Newer(found) => Error::NewerSchema {
            found,
            known: SCHEMA_VERSION,
        },
    })
}

/// Whether the copy at `path` passes SQLite's integrity check (any schema version: a backup
/// before an upgrade holds the old one).
fn sound_copy(path: &Path) -> bool {
    let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return false;
    };
    conn.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
        .map(|v| v == "ok")
        .unwrap_or(false)
}

/// Writes the database on `src` to `dest` through a temporary file in the same folder that must
/// pass the integrity check before it is synced and renamed; a failed copy is removed.
pub(crate) fn write_verified(src: &Connection, dest: &Path) -> Result<u64> {
    let failed = || problem(BackupProblem::WriteFailed { path: shown(dest) });
    if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|_| failed())?;
    }
    let tmp = temp_beside(dest, "part");
    let written = copy_database(src, &tmp).is_ok() && sound_copy(&tmp) && sync_file(&tmp).is_ok();
    if !written || std::fs::rename(&tmp, dest).is_err() {
        let _ = std::fs::remove_file(&tmp);
        return Err(failed());
    }
    if let Some(dir) = dest.parent() {
        sync_dir(dir);
    }
    Ok(std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0))
}

fn taken(dest: PathBuf, size: u64, kind: BackupKind, at: NaiveDateTime) -> Backup {
    Backup {
        path: dest,
        date: at.date(),
        size,
        kind,
    }
}

/// The file as it is, before a migration changes it.
pub(crate) fn before_upgrade(
    conn: &Connection,
    record: &Path,
    now: NaiveDateTime,
) -> Result<Backup> {
    let dest = backup_path(record, BackupKind::BeforeUpgrade, now);
    let size = write_verified(conn, &dest)?;
    Ok(taken(dest, size, BackupKind::BeforeUpgrade, now))
}

/// Opens the record at `path` as [`Store::open`] does — a file with data is backed up before
/// any migration, synchronously — but without the day's and the week's backups, which the
/// caller takes afterwards with [`scheduled_at`] (the desktop, on a thread of its own, so that
/// its window need not wait for two copies of the record).
pub fn open_unscheduled(path: &Path, now: NaiveDateTime) -> Result<Store> {
    if path.is_file() {
        // What `Store::open_with` decides with `automatic` on: an upgrade can be undone.
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let content: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if found < SCHEMA_VERSION && content > 0 {
            before_upgrade(&conn, path, now)?;
        }
        drop(conn);
    }
    let policy = BackupPolicy {
        automatic: false,
        ..BackupPolicy::default()
    };
    Store::open_with(path, &policy, now)
}

/// The day's and the week's backups of the record at `record` and the rotation, as
/// [`Store::scheduled_backups`] takes them, on a connection of its own: one read transaction
/// for the whole run, so each copy is one consistent snapshot (the record is in WAL mode) while
/// another connection keeps writing. A record without data is not backed up.
pub fn scheduled_at(
    record: &Path,
    policy: &BackupPolicy,
    now: NaiveDateTime,
) -> Result<Vec<Backup>> {
    let conn = Connection::open_with_flags(
        record,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.execute_batch("BEGIN DEFERRED; SELECT count(*) FROM sqlite_schema;")?;
    let out = if has_data(&conn)? {
        scheduled(&conn, record, policy, now)
    } else {
        Ok(Vec::new())
    };
    let _ = conn.execute_batch("COMMIT");
    out
}

/// Whether any table of the record holds a row (`Store::is_empty`, on a connection).
fn has_data(conn: &Connection) -> Result<bool> {
    for t in TABLES {
        let any: bool =
            conn.query_row(&format!("SELECT EXISTS (SELECT 1 FROM \"{t}\")"), [], |r| {
                r.get(0)
            })?;
        if any {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The day's and the week's backups of the database on `conn` (the record at `record`) unless
/// they exist, then the rotation.
fn scheduled(
    conn: &Connection,
    record: &Path,
    policy: &BackupPolicy,
    now: NaiveDateTime,
) -> Result<Vec<Backup>> {
    let existing = list(record)?;
    let today = now.date();
    let week = |d: NaiveDate| (d.iso_week().year(), d.iso_week().week());
    let mut out = Vec::new();
    if !existing
        .iter()
        .any(|b| b.kind == BackupKind::Daily && b.date == today)
    {
        let dest = backup_path(record, BackupKind::Daily, now);
        let size = write_verified(conn, &dest)?;
        out.push(taken(dest, size, BackupKind::Daily, now));
    }
    if !existing
        .iter()
        .any(|b| b.kind == BackupKind::Weekly && week(b.date) == week(today))
    {
        let dest = backup_path(record, BackupKind::Weekly, now);
        let size = write_verified(conn, &dest)?;
        out.push(taken(dest, size, BackupKind::Weekly, now));
    }
    rotate(record, policy)?;
    Ok(out)
}

/// Removes daily and weekly backups beyond the policy's numbers, oldest first.
fn rotate(record: &Path, policy: &BackupPolicy) -> Result<()> {
    let all = list(record)?;
    for (kind, keep) in [
        (BackupKind::Daily, policy.keep_daily),
        (BackupKind::Weekly, policy.keep_weekly),
    ] {
        for old in all.iter().filter(|b| b.kind == kind).skip(keep) {
            std::fs::remove_file(&old.path).map_err(|e| io(&old.path, e))?;
        }
    }
    Ok(())
}

impl Store {
    fn record_path(&self) -> Result<&Path> {
        self.path().ok_or_else(|| {
            Error::other(
                "file",
                "Registeret ligger bare i minnet og har ingen fil å ta sikkerhetskopi av.",
                "The record is only in memory and has no file to back up.",
            )
        })
    }

    /// Writes a verified backup of the record to `dest` (replaced if it exists). The record
    /// file itself (or its -wal/-shm) is refused.
    pub fn backup_to(&self, dest: &Path) -> Result<Backup> {
        if self
            .path()
            .is_some_and(|record| is_record_file(record, dest))
        {
            return Err(problem(BackupProblem::IsRecord { path: shown(dest) }));
        }
        let size = write_verified(&self.conn, dest)?;
        let now = local_now();
        let stem = self.path().map(stem).unwrap_or_default();
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (kind, date) = parse_name(&stem, &name).unwrap_or((BackupKind::Manual, now.date()));
        Ok(Backup {
            path: dest.to_path_buf(),
            date,
            size,
            kind,
        })
    }

    /// A verified backup into the backups folder beside the record, named by `now`.
    pub fn backup(&self, now: NaiveDateTime) -> Result<Backup> {
        let dest = backup_path(self.record_path()?, BackupKind::Manual, now);
        let size = write_verified(&self.conn, &dest)?;
        Ok(taken(dest, size, BackupKind::Manual, now))
    }

    /// The backups of this record, newest first.
    pub fn backups(&self) -> Result<Vec<Backup>> {
        list(self.record_path()?)
    }

    /// The day's and the week's backups if this is the first open of the day or week (local
    /// time `now`), then the rotation. A record without data is not backed up.
    pub fn scheduled_backups(&self, now: NaiveDateTime) -> Result<Vec<Backup>> {
        let Some(record) = self.path() else {
            return Ok(Vec::new());
        };
        if self.is_read_only() || self.is_empty()? {
            return Ok(Vec::new());
        }
        scheduled(&self.conn, record, &self.policy, now)
    }

    /// Closes this record and replaces it by `backup` (see [`restore`]).
    pub fn restore(self, backup: &Path) -> Result<Restored> {
        let record = self.record_path()?.to_path_buf();
        drop(self);
        restore(&record, backup, local_now())
    }
}

/// Replaces the record at `record` by `backup`, with no `Store` open on it: checks the backup,
/// keeps the current record as a backup (`before-restore`, named by `now`), writes the backup's
/// content to a temporary file beside the record, checks and syncs it, and renames it over the
/// record. Until the rename the record is untouched; after it the record is the backup's.
pub fn restore(record: &Path, backup: &Path, now: NaiveDateTime) -> Result<Restored> {
    let wal = with_suffix(record, "-wal");
    let shm = with_suffix(record, "-shm");
    if is_record_file(record, backup) {
        return Err(problem(BackupProblem::IsRecord {
            path: shown(backup),
        }));
    }
    let src = open_backup(backup)?;
    let replace_failed = || {
        problem(BackupProblem::ReplaceFailed {
            path: shown(backup),
        })
    };

    // The new content, complete and checked, beside the record before the record is touched.
    let tmp = temp_beside(record, "restoring");
    let _ = std::fs::remove_file(&tmp);
    let ready = copy_database(&src, &tmp).is_ok() && check(&tmp).is_ok() && sync_file(&tmp).is_ok();
    drop(src);
    if !ready {
        let _ = std::fs::remove_file(&tmp);
        return Err(replace_failed());
    }

    let kept = if record.exists() {
        match keep_current(record, now) {
            Ok(kept) => Some(kept),
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(e);
            }
        }
    } else {
        None
    };

    // What the window journalled as typed but unsaved belongs to the old record: replayed into
    // the restored one it would overwrite it. It is kept beside the old record's backup, before
    // the new record is in place, so a crash in between never replays it into the backup.
    let journal = set_journal_aside(record, kept.as_deref(), now);

    // The old record is closed and checkpointed: its -wal and -shm hold nothing more, and must
    // not be applied to the new file.
    for sidecar in [&wal, &shm] {
        if sidecar.exists() && std::fs::remove_file(sidecar).is_err() {
            let _ = std::fs::remove_file(&tmp);
            return Err(replace_failed());
        }
    }
    if std::fs::rename(&tmp, record).is_err() {
        let _ = std::fs::remove_file(&tmp);
        return Err(replace_failed());
    }
    if let Some(dir) = record.parent().filter(|d| !d.as_os_str().is_empty()) {
        sync_dir(dir);
    }
    Ok(Restored {
        record: record.to_path_buf(),
        from: backup.to_path_buf(),
        kept,
        journal,
    })
}

/// Moves the record's typing journal, if there is one, beside the backup kept of the record (or
/// into the backups folder): where it went.
fn set_journal_aside(record: &Path, kept: Option<&Path>, now: NaiveDateTime) -> Option<PathBuf> {
    let journal = crate::paths::journal_path(record);
    if !journal.exists() {
        return None;
    }
    let beside = kept
        .map(Path::to_path_buf)
        .unwrap_or_else(|| backup_path(record, BackupKind::BeforeRestore, now));
    let dest = with_suffix(&beside, ".unsaved");
    if let Some(dir) = dest.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    std::fs::rename(&journal, &dest).ok().map(|_| dest)
}

/// Backs up the current record before a restore replaces it, then checkpoints its WAL into the
/// file and closes it. A record SQLite cannot read is kept byte for byte (with its -wal).
fn keep_current(record: &Path, now: NaiveDateTime) -> Result<PathBuf> {
    let dest = backup_path(record, BackupKind::BeforeRestore, now);
    let in_use = || {
        problem(BackupProblem::InUse {
            path: shown(record),
        })
    };
    let conn = Connection::open(record).map_err(|_| in_use())?;
    let readable = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
        .map(|v| v == "ok")
        .unwrap_or(false);
    if readable {
        write_verified(&conn, &dest)?;
        // busy = 1 when another connection keeps the WAL from being checkpointed.
        let busy: i64 = conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))
            .map_err(|_| in_use())?;
        if busy != 0 {
            let _ = std::fs::remove_file(&dest);
            return Err(in_use());
        }
        conn.close().map_err(|_| in_use())?;
    } else {
        drop(conn);
        let failed = || problem(BackupProblem::WriteFailed { path: shown(&dest) });
        if let Some(dir) = dest.parent() {
            std::fs::create_dir_all(dir).map_err(|_| failed())?;
        }
        std::fs::copy(record, &dest).map_err(|_| failed())?;
        let wal = with_suffix(record, "-wal");
        if wal.exists() {
            std::fs::copy(&wal, with_suffix(&dest, "-wal")).map_err(|_| failed())?;
        }
        sync_file(&dest).map_err(|_| failed())?;
    }
    Ok(dest)
}
