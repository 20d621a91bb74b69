//! Where Quorum keeps its database on this machine.
//!
//! The default is `<platform data dir>/quorum.db`, e.g. `~/.local/share/quorum/quorum.db`
//! on Linux. A path given on the command line (`--db`) wins over the `QUORUM_DB`
//! environment variable, which wins over the default.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Name of the environment variable that overrides the database path.
pub const DB_ENV_VAR: &str = "QUORUM_DB";

/// File name of the database inside the data directory.
pub const DB_FILE_NAME: &str = "quorum.db";

/// The default database path: `quorum.db` in the platform's data directory for the
/// application "quorum". Falls back to `./quorum.db` when no home directory is known.
pub fn default_db_path() -> PathBuf {
    directories::ProjectDirs::from("no", "quorum", "quorum")
        .map(|dirs| dirs.data_dir().join(DB_FILE_NAME))
        .unwrap_or_else(|| PathBuf::from(DB_FILE_NAME))
}

/// The database path to use: `cli` (from `--db`) if given, else `QUORUM_DB` if set and
/// non-empty, else [`default_db_path`].
pub fn resolve_db_path(cli: Option<PathBuf>) -> PathBuf {
    resolve_db_path_from(cli, std::env::var_os(DB_ENV_VAR))
}

/// Like [`resolve_db_path`], with the environment value passed in (testable without
/// touching the process environment).
pub fn resolve_db_path_from(cli: Option<PathBuf>, env: Option<OsString>) -> PathBuf {
    if let Some(path) = cli {
        return path;
    }
    match env {
        Some(value) if !value.is_empty() => PathBuf::from(value),
        _ => default_db_path(),
    }
}

/// Finds a `--db <path>` or `--db=<path>` among command-line arguments (the first is
/// skipped as the program name). For front ends that do not use a full argument parser.
pub fn db_arg<I, S>(args: I) -> Option<PathBuf>
where
    I: IntoIterator<Item = S>,
    S: Into<OsString>,
{
    let mut iter = args.into_iter().map(Into::into).skip(1);
    while let Some(arg) = iter.next() {
        if arg == "--db" {
            return iter.next().map(PathBuf::from);
        }
        if let Some(rest) = arg.to_str().and_then(|s| s.strip_prefix("--db=")) {
            return Some(PathBuf::from(rest));
        }
    }
    None
}

/// Whether `target` is the record at `record` or one of SQLite's files beside it (`-wal`,
/// `-shm`): a path no export, document, archive or backup may be written to. Paths that exist
/// are compared as files (through links and `..`), others as written.
pub fn is_record_file(record: &Path, target: &Path) -> bool {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    [
        record.to_path_buf(),
        with_suffix(record, "-wal"),
        with_suffix(record, "-shm"),
    ]
    .iter()
    .any(|p| same(target, p))
}

/// `path` with `suffix` appended to its file name ("quorum.db" + "-wal").
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The window's journal of what was typed but not yet committed to the record at `record`:
/// `<record file name>.unsaved` beside it (written by the desktop shell; set aside by a restore,
/// whose record it no longer fits).
pub fn journal_path(record: &Path) -> PathBuf {
    let mut name = record.file_name().unwrap_or_default().to_os_string();
    name.push(".unsaved");
    record.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_path_ends_in_quorum_db_under_an_app_dir() {
        let p = default_db_path();
        assert_eq!(p.file_name().unwrap(), DB_FILE_NAME);
        let parent = p.parent().unwrap().to_string_lossy().to_lowercase();
        assert!(parent.contains("quorum"), "{parent}");
    }

    #[test]
    fn cli_wins_over_env_and_env_over_default() {
        let cli = Some(PathBuf::from("/a/cli.db"));
        let env = Some(OsString::from("/b/env.db"));
        assert_eq!(
            resolve_db_path_from(cli, env.clone()),
            PathBuf::from("/a/cli.db")
        );
        assert_eq!(resolve_db_path_from(None, env), PathBuf::from("/b/env.db"));
        assert_eq!(
            resolve_db_path_from(None, Some(OsString::new())),
            default_db_path()
        );
        assert_eq!(resolve_db_path_from(None, None), default_db_path());
    }

    #[test]
    fn db_arg_finds_both_spellings() {
        assert_eq!(
            db_arg(["prog", "--db", "/x/møte.db"]),
            Some(PathBuf::from("/x/møte.db"))
        );
        assert_eq!(db_arg(["prog", "--db=/y.db"]), Some(PathBuf::from("/y.db")));
        assert_eq!(db_arg(["prog", "--other"]), None);
        assert_eq!(db_arg(["prog", "--db"]), None);
        // The program name is never taken as an argument.
        assert_eq!(db_arg(["--db"]), None);
    }
}
