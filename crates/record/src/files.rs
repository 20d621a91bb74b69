//! Writing files so that a crash or a full disk never leaves a half-written one under the name a
//! user chose: content goes to a hidden temporary file beside it, is synced, and is renamed into
//! place (an atomic replace on the same file system); the folder entry is synced after.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` as `path`, replacing any file there only once the new content is on disk.
pub fn write_replacing(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = temp_beside(path, &format!("{}.tmp", std::process::id()));
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        sync_dir(dir);
    }
    Ok(())
}

/// A temporary file beside `path`, hidden, that no listing takes for a backup or an export.
pub(crate) fn temp_beside(path: &Path, what: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{what}"))
}

/// Syncs a file's content to disk.
pub(crate) fn sync_file(path: &Path) -> std::io::Result<()> {
    // Write access: Windows flushes only a handle that may write.
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)?
        .sync_all()
}

/// Syncs a folder's entries (a rename in it) to disk, where the platform can.
pub(crate) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::write_replacing;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("referat.pdf");
        std::fs::write(&p, b"old").unwrap();
        write_replacing(&p, b"new content").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"new content");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [std::ffi::OsString::from("referat.pdf")]);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a folder: the rename fails after the content was written.
        let p = dir.path().join("mappe");
        std::fs::create_dir(&p).unwrap();
        std::fs::write(p.join("inni"), b"x").unwrap();
        assert!(write_replacing(&p, b"new").is_err());
        assert!(p.is_dir());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [std::ffi::OsString::from("mappe")]);
    }
}
