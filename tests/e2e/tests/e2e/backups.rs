//! Backups in the real window: "Sikkerhetskopier" lists the record's backups, takes one and
//! restores one after a confirmation, and the window then works on the restored record; a
//! record whose first 100 bytes were overwritten opens the recovery screen, which restores the
//! latest good backup and keeps the damaged file byte for byte. The window stays Norwegian
//! under an English LANG.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::harness::{ensure, App, Harness, TestResult, Ui, WHOLE_SESSION};

/// The names in the body picker of the top bar: what the window shows of the open record.
async fn body_names(ui: &Ui<'_>) -> TestResult<Vec<String>> {
    ui.el("body-select").await?;
    let names =
        ui.c.execute(
            "return Array.from(document.querySelectorAll('[data-testid=body-select] option'))\
               .map(o => o.textContent.trim());",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(names)?)
}

/// Waits until the body picker shows (or no longer shows) `name`.
async fn wait_body(ui: &Ui<'_>, name: &str, present: bool) -> TestResult<Vec<String>> {
    let deadline = std::time::Instant::now() + crate::harness::WAIT_FOR_UI;
    loop {
        let names = body_names(ui).await?;
        if names.iter().any(|n| n == name) == present {
            return Ok(names);
        }
        ensure!(
            std::time::Instant::now() < deadline,
            "the body picker shows {names:?}; expected {name:?} {}",
            if present { "in it" } else { "gone" }
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

async fn new_body(ui: &Ui<'_>, short: &str, name: &str) -> TestResult {
    ui.click("nav-members").await?;
    ui.click("body-new").await?;
    ui.type_into("body-short-name", short).await?;
    ui.type_into("body-name", name).await?;
    ui.click("body-save").await?;
    ui.wait_text("body-heading", name).await?;
    Ok(())
}

/// The backup files beside `record`, by name.
fn backup_files(record: &Path) -> Vec<PathBuf> {
    let dir = record.parent().unwrap().join("backups");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "quorum"))
        .collect();
    files.sort();
    files
}

/// Runs `body` on a fresh launch of the app on `record`, with a failure screenshot.
async fn session<F>(h: &Harness, record: &Path, label: &str, body: F) -> TestResult
where
    F: for<'a, 'b> AsyncFnOnce(&'a mut Ui<'b>) -> TestResult,
{
    let run = tokio::time::timeout(WHOLE_SESSION, async {
        let app: App = h.launch(record).await?;
        let result = {
            let mut ui = h.ui(&app);
            body(&mut ui).await
        };
        if result.is_err() {
            h.failure_shots(&app, label).await;
        }
        app.close().await;
        result
    })
    .await
    .unwrap_or_else(|_| Err(format!("{label} took longer than {WHOLE_SESSION:?}").into()));
    run.map_err(|e| format!("{label}: {e}").into())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backups_are_listed_taken_and_restored_from_the_window() {
    let h = Harness::start("backups");
    let dir = h.data.path().join("sekretariatet");
    std::fs::create_dir_all(&dir).unwrap();
    let record = dir.join("quorum.db");

    let outcome = session(&h, &record, "backups", async |ui| {
        ui.wait_text("meeting-row", "4/2025").await?;
        ui.click("nav-backups").await?;
        // The demo was loaded into an empty file: nothing was there to back up yet.
        ui.el("backups-empty").await?;
        ui.click("backup-now").await?;
        ui.wait_text("backups-notice", "kontrollert").await?;
        let rows = ui.wait_count("backup-row", 1).await?;
        let row = rows[0].text().await?;
        ensure!(row.contains("Tatt for hånd"), "row: {row:?}");
        ensure!(row.contains("Ja"), "row: {row:?}");
        // The size in the user's units (the demo, with its signed minutes' PDF, is about a megabyte).
        ensure!(row.contains("kB") || row.contains("MB"), "row: {row:?}");
        ui.screen("backups-list").await?;

        // A change after the backup, which the restore takes away.
        new_body(ui, "Etterpå", "Rådet etter kopien").await?;
        wait_body(ui, "Rådet etter kopien", true).await?;

        ui.click("nav-backups").await?;
        ui.wait_count("backup-row", 1).await?;
        ui.click("backup-restore").await?;
        let dialog = ui.el("confirm-dialog").await?;
        let text = dialog.text().await?;
        ensure!(
            text.contains("tas først vare på som en egen sikkerhetskopi"),
            "confirmation: {text:?}"
        );
        ui.screen("backups-confirm").await?;
        ui.click("confirm-ok").await?;
        ui.wait_text("backups-notice", "gjenopprettet").await?;
        let names = wait_body(ui, "Rådet etter kopien", false).await?;
        ensure!(
            names.iter().any(|n| n == "Nasjonalt e-helseråd"),
            "bodies after the restore: {names:?}"
        );
        // Opening the restored record takes the day's and the week's backups in the
        // background; the list shows them when they are done, without being asked again.
        ui.wait_css("[data-testid=backup-row][data-kind=daily]")
            .await?;
        ui.wait_css("[data-testid=backup-row][data-kind=weekly]")
            .await?;
        // The record the restore replaced is kept, checked, and listed.
        let kept = ui
            .wait_css("[data-testid=backup-row][data-kind=before_restore]")
            .await?;
        ensure!(
            kept.attr("data-verified").await?.as_deref() == Some("true"),
            "the kept record is not checked: {:?}",
            kept.text().await?
        );
        ensure!(
            kept.text().await?.contains("Før gjenoppretting"),
            "kept row: {:?}",
            kept.text().await?
        );
        ui.screen("backups-restored").await?;

        // The same screen in English, and in the narrowest window allowed.
        ui.click("locale-switch").await?;
        ui.wait_text("nav-backups", "Backups").await?;
        ui.wait_text("backups-notice", "restored").await?;
        ui.screen("backups-english").await?;
        ui.click("locale-switch").await?;
        ui.wait_text("nav-backups", "Sikkerhetskopier").await?;
        ui.c.set_window_size(800, 600).await?;
        ui.screen("backups-narrow").await?;

        // The restored record is the one the window works on.
        ui.click("nav-meetings").await?;
        ui.wait_text("meeting-row", "4/2025").await?;
        Ok(())
    })
    .await;
    if let Err(e) = outcome {
        panic!("{e}\n(artifacts: {})", h.artifacts.display());
    }
    ensure_files(&record).unwrap();
    h.assert_accessible();
}

fn ensure_files(record: &Path) -> TestResult {
    let names: Vec<String> = backup_files(record)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    ensure!(
        names
            .iter()
            .any(|n| n.starts_with("quorum-before-restore-")),
        "backups on disk: {names:?}"
    );
    Ok(())
}

/// Sets LANG for the apps this test starts (children inherit it) and puts it back after.
struct Lang(Option<std::ffi::OsString>);

impl Lang {
    fn english() -> Lang {
        let old = std::env::var_os("LANG");
        // The tests run one at a time (Harness::start holds the lock), so no other test reads
        // the environment while it is changed.
        std::env::set_var("LANG", "en_US.UTF-8");
        Lang(old)
    }
}

impl Drop for Lang {
    fn drop(&mut self) {
        match self.0.take() {
            Some(v) => std::env::set_var("LANG", v),
            None => std::env::remove_var("LANG"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_record_opens_the_recovery_screen_which_restores_the_latest_backup() {
    let h = Harness::start("recovery");
    let _lang = Lang::english();
    let dir = h.data.path().join("råd");
    std::fs::create_dir_all(&dir).unwrap();
    let record = dir.join("quorum.db");

    // A record with a backup, and a change after it.
    let first = session(&h, &record, "before-damage", async |ui| {
        ui.wait_text("meeting-row", "4/2025").await?;
        ui.click("nav-backups").await?;
        ui.click("backup-now").await?;
        ui.wait_count("backup-row", 1).await?;
        new_body(ui, "Sist", "Rådet etter kopien").await?;
        Ok(())
    })
    .await;
    if let Err(e) = first {
        panic!("{e}\n(artifacts: {})", h.artifacts.display());
    }

    // The damage: the first 100 bytes (SQLite's header) overwritten. The app was ended by the
    // driver, not closed, so its last writes are still in the write-ahead log, whose copy of the
    // first page would stand in for the damaged one: its header goes too.
    let mut bytes = std::fs::read(&record).unwrap();
    bytes[..100].fill(0xA5);
    std::fs::write(&record, &bytes).unwrap();
    let wal = dir.join("quorum.db-wal");
    if let Ok(mut log) = std::fs::read(&wal) {
        if log.len() >= 32 {
            log[..32].fill(0xA5);
            std::fs::write(&wal, &log).unwrap();
        }
    }
    let damaged = std::fs::read(&record).unwrap();
    let path_shown = record.display().to_string();

    let second = session(&h, &record, "recovery", async |ui| {
        let screen = ui.el("recovery-screen").await?;
        ensure!(
            screen.attr("data-kind").await?.as_deref() == Some("damaged"),
            "recovery kind"
        );
        let heading = screen
            .find(fantoccini::Locator::Css("h1"))
            .await?
            .text()
            .await?;
        // Norwegian whatever LANG says.
        ensure!(
            heading == "Registeret kan ikke åpnes",
            "heading: {heading:?}"
        );
        let why = ui.text("recovery-explanation").await?;
        ensure!(why.contains("skadet"), "explanation: {why:?}");
        ensure!(
            ui.text("recovery-path").await? == path_shown,
            "the file is named"
        );
        ensure!(
            ui.all("nav-meetings").await?.is_empty(),
            "the record's screens are offered while it is not open"
        );
        let latest = ui.wait_text("recovery-latest", "tatt for hånd").await?;
        eprintln!("e2e: latest good backup: {latest:?}");
        ui.screen("recovery").await?;
        ensure!(
            std::fs::read(&record)? == damaged,
            "the damaged file was changed before any restore"
        );

        ui.click("recovery-restore").await?;
        let text = ui.el("confirm-dialog").await?.text().await?;
        ensure!(
            text.contains("Den skadde filen slettes ikke"),
            "confirmation: {text:?}"
        );
        ui.screen("recovery-confirm").await?;
        ui.click("confirm-ok").await?;

        // The window opens on the restored record.
        ui.wait_text("meeting-row", "4/2025").await?;
        let names = wait_body(ui, "Nasjonalt e-helseråd", true).await?;
        ensure!(
            !names.iter().any(|n| n == "Rådet etter kopien"),
            "bodies after the restore: {names:?}"
        );
        ui.screen("recovery-restored").await?;
        Ok(())
    })
    .await;
    if let Err(e) = second {
        panic!("{e}\n(artifacts: {})", h.artifacts.display());
    }

    // The damaged file is kept as it was.
    let kept = backup_files(&record)
        .into_iter()
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("quorum-before-restore-")
        })
        .expect("the damaged record is kept in backups/");
    assert_eq!(std::fs::read(&kept).unwrap(), damaged);
    h.assert_accessible();
}

/// A child that is killed (with what it started) when the test ends, also on a panic.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let pgid = self.0.id() as libc::pid_t;
        // SAFETY: kill(2) with a negative pid signals the process group this test created.
        unsafe { libc::kill(-pgid, libc::SIGKILL) };
        let _ = self.0.wait();
    }
}

fn spawn(cmd: &mut std::process::Command) -> Running {
    use std::os::unix::process::CommandExt;
    Running(
        cmd.process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}")),
    )
}

/// The single-instance plugin finds the first window through the session's D-Bus, so this
/// test starts a session bus of its own, then the app on a record, then the app again on the
/// same record: the second must hand over and exit at once with status 0, before it opens
/// the record, and the first must go on running.
#[test]
fn a_second_instance_hands_over_to_the_first_and_exits() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};
    use std::time::Instant;

    let h = Harness::start("single-instance");
    let dir = h.data.path().join("ett-register");
    std::fs::create_dir_all(&dir).unwrap();
    let record = dir.join("quorum.db");

    let mut bus = spawn(
        Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
    );
    let mut address = String::new();
    std::io::BufReader::new(bus.0.stdout.take().unwrap())
        .read_line(&mut address)
        .expect("dbus-daemon prints its address");
    let address = address.trim().to_string();
    assert!(!address.is_empty(), "dbus-daemon gave no address");

    let app = |log: &str| {
        let mut cmd = Command::new(&h.bin);
        cmd.env("DISPLAY", &h.display)
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .env("QUORUM_DB", &record)
            .env("QUORUM_EXPORT_DIR", h.data.path().join("eksport"))
            .env("XDG_DATA_HOME", h.data.path().join("xdg-data"))
            .env("XDG_CONFIG_HOME", h.data.path().join("xdg-config"))
            .env("XDG_CACHE_HOME", h.data.path().join("xdg-cache"))
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(h.artifacts.join(log)).unwrap())
            .stderr(std::fs::File::create(h.artifacts.join(log)).unwrap());
        cmd
    };

    let mut first = spawn(&mut app("first.log"));
    // The record is opened in setup, after the plugin took the bus name: once it exists (and
    // the window had a moment to load), the first instance is the one.
    let deadline = Instant::now() + Duration::from_secs(60);
    while !record.exists() {
        assert!(
            Instant::now() < deadline,
            "the first instance made no record"
        );
        assert!(
            first.0.try_wait().unwrap().is_none(),
            "the first instance exited"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_secs(3));
    let listing = |d: &Path| {
        let mut names: Vec<(String, u64)> = std::fs::read_dir(d)
            .unwrap()
            .flatten()
            .map(|e| {
                let len = e.metadata().map(|m| m.len()).unwrap_or(0);
                (e.file_name().to_string_lossy().into_owned(), len)
            })
            .collect();
        names.sort();
        names
    };
    let before = (
        listing(&dir),
        std::fs::metadata(&record).unwrap().modified().unwrap(),
    );

    let started = Instant::now();
    let mut second = spawn(&mut app("second.log"));
    let status = loop {
        if let Some(status) = second.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the second instance is still running after 15 s"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = started.elapsed();
    eprintln!("e2e: the second instance exited with {status} after {took:?}");
    assert!(status.success(), "the second instance exited with {status}");
    assert!(
        took < Duration::from_secs(5),
        "the second instance took {took:?} to hand over"
    );
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        first.0.try_wait().unwrap().is_none(),
        "the first instance stopped when the second started"
    );
    let after = (
        listing(&dir),
        std::fs::metadata(&record).unwrap().modified().unwrap(),
    );
    assert_eq!(
        before, after,
        "the second instance touched the record's folder"
    );
    // The first window as a person sees it after the second start (a debug WebKit under Xvfb
    // takes some seconds to paint its first frame).
    std::thread::sleep(Duration::from_secs(6));
    assert!(
        first.0.try_wait().unwrap().is_none(),
        "the first instance stopped"
    );
    h.screen_grab("two-starts.png");
    drop(second);
    drop(first);
    drop(bus);
}
