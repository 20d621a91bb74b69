//! End-to-end test of the real Quorum window.
//!
//! It starts the built `quorum-desk` binary through tauri-driver (WebDriver, which starts
//! WebKitWebDriver, which starts the app) on an X display, with a fresh database path in
//! `QUORUM_DB`, reads what the page shows and saves screenshots into `e2e-artifacts/`.
//!
//! Run it with `make e2e`, which builds the UI and the binary first and provides a display
//! with `xvfb-run` when there is none. It lives in its own package (`quorum-e2e`), so a
//! plain `cargo test` at the workspace root never runs it.
//!
//! Environment:
//! - `QUORUM_DESK_BIN`: the binary to drive (default `<target>/debug/quorum-desk`).
//! - `TAURI_DRIVER`: the tauri-driver to use (default: on PATH, else `~/.cargo/bin`).
//! - `DISPLAY`: used when set; otherwise the test starts its own Xvfb.
//! - `QUORUM_E2E_PORT`: tauri-driver's port (default 4444; a free one if that is taken).

use std::error::Error;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

type TestResult<T = ()> = Result<T, Box<dyn Error>>;

const WAIT_FOR_UI: Duration = Duration::from_secs(30);
const WHOLE_SESSION: Duration = Duration::from_secs(300);

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root exists")
}

fn artifacts_dir() -> PathBuf {
    let dir = workspace_root().join("e2e-artifacts");
    fs::create_dir_all(&dir).expect("can create e2e-artifacts/");
    dir
}

fn desk_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("QUORUM_DESK_BIN").filter(|v| !v.is_empty()) {
        return PathBuf::from(bin);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"));
    let target = if target.is_absolute() {
        target
    } else {
        workspace_root().join(target)
    };
    target.join("debug").join("quorum-desk")
}

fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

fn tauri_driver() -> PathBuf {
    if let Some(bin) = std::env::var_os("TAURI_DRIVER").filter(|v| !v.is_empty()) {
        return PathBuf::from(bin);
    }
    find_on_path("tauri-driver")
        .or_else(|| {
            let home = std::env::var_os("HOME")?;
            let candidate = PathBuf::from(home).join(".cargo/bin/tauri-driver");
            candidate.is_file().then_some(candidate)
        })
        .unwrap_or_else(|| {
            panic!(
                "tauri-driver not found on PATH or in ~/.cargo/bin. \
                 Install it with `make desktop-deps` (or `cargo install tauri-driver --locked`)."
            )
        })
}

/// What `quorum-desk --build-info` says about the binary.
struct BuildInfo {
    version: String,
    custom_protocol: bool,
}

fn build_info(bin: &Path) -> BuildInfo {
    let out = Command::new(bin)
        .arg("--build-info")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {} --build-info: {e}", bin.display()));
    assert!(
        out.status.success(),
        "{} --build-info failed: {}",
        bin.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("--build-info printed no JSON ({e})"));
    BuildInfo {
        version: json["version"].as_str().unwrap_or_default().to_string(),
        custom_protocol: json["custom_protocol"].as_bool().unwrap_or(false),
    }
}

/// A child process started in its own process group. Dropping it terminates the whole
/// group (tauri-driver takes WebKitWebDriver and the app with it), also when the test
/// panics.
struct Group {
    name: &'static str,
    child: Child,
}

impl Group {
    fn spawn(name: &'static str, cmd: &mut Command) -> Group {
        cmd.process_group(0);
        let child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {name}: {e}"));
        Group { name, child }
    }

    fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        let pgid = self.child.id() as libc::pid_t;
        // SAFETY: kill(2) with a negative pid signals the process group we created.
        unsafe { libc::kill(-pgid, libc::SIGTERM) };
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if self.exited().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        // Whatever is left of the group (the leader or its children) is killed outright.
        unsafe { libc::kill(-pgid, libc::SIGKILL) };
        let _ = self.child.wait();
        eprintln!("e2e: stopped {}", self.name);
    }
}

/// Starts Xvfb on a free display number; returns the process and ":N".
fn start_xvfb() -> (Group, String) {
    let xvfb = find_on_path("Xvfb").unwrap_or_else(|| {
        panic!("DISPLAY is not set and Xvfb is missing: run `make desktop-deps` or `make e2e`")
    });
    let mut group = Group::spawn(
        "Xvfb",
        Command::new(xvfb)
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
    );
    // Xvfb writes the display number to the -displayfd once it accepts connections.
    let stdout = group.child.stdout.take().expect("piped stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("read Xvfb's display number");
    let number = line.trim();
    assert!(
        !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()),
        "Xvfb did not report a display number (got {line:?})"
    );
    (group, format!(":{number}"))
}

/// `preferred` if it is free on 127.0.0.1, else any free port.
fn free_port(preferred: u16) -> u16 {
    if TcpListener::bind(("127.0.0.1", preferred)).is_ok() {
        return preferred;
    }
    let listener = TcpListener::bind(("127.0.0.1", 0)).expect("bind an ephemeral port");
    listener.local_addr().unwrap().port()
}

fn wait_for_port(port: u16, driver: &mut Group, timeout: Duration) {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        // A whole HTTP request, not a bare connect (which tauri-driver logs as an error).
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let mut reply = Vec::new();
            let request = b"GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
            if stream
                .write_all(request)
                .and_then(|()| stream.read_to_end(&mut reply))
                .is_ok()
                && reply.starts_with(b"HTTP/1.")
            {
                return;
            }
        }
        if let Some(status) = driver.exited() {
            panic!("tauri-driver exited early ({status}); see e2e-artifacts/tauri-driver.log");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("tauri-driver did not listen on port {port} within {timeout:?}");
}

/// Waits two animation frames, so that a screenshot shows the DOM just read: WebKit's
/// snapshot can otherwise show the frame before the last change.
async fn settle(client: &Client) -> TestResult {
    client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            vec![],
        )
        .await?;
    Ok(())
}

/// Like `assert!`, but returns an error, so that the session still ends cleanly and a
/// failure screenshot is taken.
macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+).into());
        }
    };
}

/// The window as a user drives it: by the `data-testid`s of its controls.
struct Ui<'a> {
    c: &'a Client,
    artifacts: PathBuf,
    axe: String,
    violations: Vec<String>,
    shots: usize,
}

fn css(testid: &str) -> String {
    format!("[data-testid={testid}]")
}

impl<'a> Ui<'a> {
    async fn el(&self, testid: &str) -> TestResult<Element> {
        self.wait_css(&css(testid)).await
    }

    async fn wait_css(&self, selector: &str) -> TestResult<Element> {
        Ok(self
            .c
            .wait()
            .at_most(WAIT_FOR_UI)
            .for_element(Locator::Css(selector))
            .await
            .map_err(|e| format!("{selector} did not appear: {e}"))?)
    }

    async fn all(&self, testid: &str) -> TestResult<Vec<Element>> {
        Ok(self.c.find_all(Locator::Css(&css(testid))).await?)
    }

    /// Opens a meeting from the meetings list by its number button, once the list has loaded
    /// (leaving live mode first writes what is unsaved, so the list can come a moment later).
    async fn open_meeting(&self, number: &str) -> TestResult {
        let deadline = Instant::now() + WAIT_FOR_UI;
        while Instant::now() < deadline {
            for r in self.all("meeting-row").await? {
                if r.text().await?.contains(number) {
                    let button = r.find(Locator::Css("button")).await?;
                    return self.click_el(&button).await;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(format!("no meeting row for {number}").into())
    }

    async fn click_el(&self, el: &Element) -> TestResult {
        self.c
            .execute(
                "arguments[0].scrollIntoView({block: 'center'});",
                vec![serde_json::to_value(el)?],
            )
            .await?;
        el.clone().click().await?;
        Ok(())
    }

    async fn click(&self, testid: &str) -> TestResult {
        let el = self.el(testid).await?;
        self.c
            .execute(
                "arguments[0].scrollIntoView({block: 'center'});",
                vec![serde_json::to_value(&el)?],
            )
            .await?;
        el.click()
            .await
            .map_err(|e| format!("click on {testid}: {e}"))?;
        Ok(())
    }

    /// Types into a text field as a person does (key events, so the app's input handlers run).
    async fn type_into(&self, testid: &str, text: &str) -> TestResult {
        let el = self.el(testid).await?;
        el.clear().await?;
        el.send_keys(text)
            .await
            .map_err(|e| format!("typing into {testid}: {e}"))?;
        Ok(())
    }

    /// Sets a date, time or select value and fires the events a person's choice fires.
    async fn set(&self, testid: &str, value: &str) -> TestResult {
        let el = self.el(testid).await?;
        self.c
            .execute(
                "const el = arguments[0]; el.value = arguments[1]; \
                 el.dispatchEvent(new Event('input', {bubbles: true})); \
                 el.dispatchEvent(new Event('change', {bubbles: true})); \
                 el.dispatchEvent(new Event('blur', {bubbles: true})); return el.value;",
                vec![serde_json::to_value(&el)?, value.into()],
            )
            .await?;
        Ok(())
    }

    async fn text(&self, testid: &str) -> TestResult<String> {
        Ok(self.el(testid).await?.text().await?.trim().to_string())
    }

    async fn value(&self, testid: &str) -> TestResult<String> {
        Ok(self
            .el(testid)
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    /// Waits until the element's text contains `want`.
    async fn wait_text(&self, testid: &str, want: &str) -> TestResult<String> {
        let deadline = Instant::now() + WAIT_FOR_UI;
        loop {
            if let Ok(els) = self.all(testid).await {
                for el in els {
                    let t = el.text().await.unwrap_or_default();
                    if t.contains(want) {
                        return Ok(t);
                    }
                }
            }
            if Instant::now() > deadline {
                return Err(format!("no {testid} showed {want:?} within {WAIT_FOR_UI:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Waits until there are exactly `n` elements with this test id.
    async fn wait_count(&self, testid: &str, n: usize) -> TestResult<Vec<Element>> {
        let deadline = Instant::now() + WAIT_FOR_UI;
        loop {
            let els = self.all(testid).await?;
            if els.len() == n {
                return Ok(els);
            }
            if Instant::now() > deadline {
                return Err(format!("expected {n} × {testid}, found {}", els.len()).into());
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// A screenshot of the window into e2e-artifacts/, and an accessibility check with axe-core:
    /// serious or critical violations are collected and fail the test at the end.
    async fn screen(&mut self, name: &str) -> TestResult {
        settle(self.c).await?;
        self.shots += 1;
        let file = self.artifacts.join(format!("{:02}-{name}.png", self.shots));
        fs::write(&file, self.c.screenshot().await?)?;
        eprintln!("e2e: screenshot {}", file.display());
        if self
            .c
            .execute("return typeof window.axe", vec![])
            .await?
            .as_str()
            != Some("object")
        {
            self.c.execute(&self.axe, vec![]).await?;
        }
        let found = self
            .c
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations \
                   .filter(v => v.impact === 'serious' || v.impact === 'critical') \
                   .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))) \
                   .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await?;
        for v in found.as_array().into_iter().flatten() {
            let line = format!("{name}: {}", v.as_str().unwrap_or_default());
            eprintln!("e2e: axe {line}");
            self.violations.push(line);
        }
        Ok(())
    }

    /// The file an export wrote, once the export reports it.
    async fn exported_file(&self, ending: &str) -> TestResult<PathBuf> {
        let path = self.wait_text("export-file", ending).await?;
        let path = path
            .lines()
            .find(|l| l.contains(ending))
            .unwrap_or(&path)
            .trim()
            .to_string();
        let start = path
            .find('/')
            .ok_or_else(|| format!("no path in {path:?}"))?;
        Ok(PathBuf::from(&path[start..]))
    }
}

fn pdf_text(file: &Path) -> TestResult<String> {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(file)
        .arg("-")
        .output()?;
    ensure!(
        out.status.success(),
        "pdftotext failed on {}",
        file.display()
    );
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Collapses runs of white space, so that checks do not depend on line breaks.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const HOSTILE: &str = "<img src=x onerror=alert(1)>";

/// Session 1: the secretariat sets up a body, a meeting and its agenda, sends it, exports the
/// agenda; the chair runs the meeting.
async fn before_restart(ui: &mut Ui<'_>) -> TestResult {
    // The first start shows the demo council.
    ui.el("nav-meetings").await?;
    ui.wait_text("meeting-row", "4/2025").await?;
    ui.screen("meetings-demo").await?;

    // A body and its members.
    ui.click("nav-members").await?;
    ui.click("body-new").await?;
    ui.type_into("body-short-name", "Testrådet").await?;
    ui.type_into("body-name", "Testrådet for e-helse").await?;
    ui.type_into("body-secretariat", "Helsedirektoratet")
        .await?;
    ui.type_into("body-place", "Helsedirektoratet, Storo")
        .await?;
    ui.click("body-save").await?;
    ui.wait_text("body-heading", "Testrådet for e-helse")
        .await?;
    for (name, org) in [
        ("Kari Nordmann", "Helse Vest RHF"),
        ("Ola Hansen", "KS"),
        ("Per Olsen", "Oslo kommune"),
    ] {
        ui.click("member-add").await?;
        ui.type_into("member-person-new-name", name).await?;
        ui.type_into("member-person-new-org", org).await?;
        ui.set("member-role", "medlem").await?;
        ui.click("member-save").await?;
        ui.wait_text("member-row", name).await?;
    }
    ui.wait_count("member-row", 3).await?;
    ui.screen("members").await?;

    // A meeting.
    ui.click("nav-meetings").await?;
    ui.click("meeting-new").await?;
    ui.set("meeting-date", "2026-03-12").await?;
    ui.set("meeting-start", "10:00").await?;
    ui.set("meeting-end", "12:00").await?;
    ui.click("meeting-save").await?;
    let row = ui.wait_text("meeting-row", "1/2026").await?;
    eprintln!("e2e: meeting row {row:?}");
    ui.screen("meetings").await?;
    ui.click("view-calendar").await?;
    ui.el("calendar").await?;
    ui.screen("calendar").await?;
    ui.click("view-list").await?;
    ui.open_meeting("1/2026").await?;
    ui.wait_text("meeting-title", "1/2026").await?;

    // The agenda: three cases and a break; the third title is hostile markup.
    for (title, kind, minutes) in [
        ("Budsjett 2027", "Drøfting", "30"),
        ("Digital hjemmeoppfølging", "Orientering", "20"),
    ] {
        ui.click("add-case").await?;
        ui.type_into("new-case-title", title).await?;
        ui.set("new-case-type", kind).await?;
        ui.type_into("new-case-duration", minutes).await?;
        ui.click("new-case-save").await?;
        ui.wait_text("agenda-title", title).await?;
    }
    ui.click("add-break").await?;
    ui.type_into("break-title", "Pause").await?;
    ui.type_into("break-duration", "10").await?;
    ui.click("break-save").await?;
    ui.wait_text("agenda-title", "Pause").await?;
    ui.click("add-case").await?;
    ui.type_into("new-case-title", HOSTILE).await?;
    ui.set("new-case-type", "Godkjenning").await?;
    ui.type_into("new-case-duration", "15").await?;
    ui.click("new-case-save").await?;
    ui.wait_count("agenda-row", 4).await?;
    let mut numbers = Vec::new();
    let mut times = Vec::new();
    for row in ui.all("agenda-row").await? {
        numbers.push(
            row.find(Locator::Css(&css("agenda-number")))
                .await?
                .text()
                .await?
                .trim()
                .to_string(),
        );
        times.push(
            row.find(Locator::Css(&css("agenda-time")))
                .await?
                .text()
                .await?
                .trim()
                .to_string(),
        );
    }
    eprintln!("e2e: agenda numbers {numbers:?}, times {times:?}");
    ensure!(
        numbers == ["1/26", "2/26", "", "3/26"],
        "case numbers {numbers:?}"
    );
    ensure!(
        times == ["10:00", "10:30", "10:50", "11:00"],
        "times {times:?}"
    );
    ui.wait_text("agenda-end", "12:00").await?;
    // The hostile title is text, never markup.
    ui.wait_text("agenda-title", HOSTILE).await?;
    let imgs =
        ui.c.execute("return document.querySelectorAll('img').length", vec![])
            .await?;
    ensure!(
        imgs.as_u64() == Some(0),
        "an <img> appeared in the page: {imgs}"
    );
    ui.screen("agenda").await?;

    // The case editor.
    ui.click("agenda-open-case").await?;
    ui.type_into(
        "case-summary",
        "Rådet drøfter forslaget til budsjett for 2027.",
    )
    .await?;
    ui.wait_text("case-save-status", "Lagret").await?;
    ui.screen("case").await?;
    ui.click("case-meeting").await?;

    // Send the agenda (after a confirmation): numbers are frozen.
    ui.click("send-agenda").await?;
    let ok = ui.wait_css("dialog[open] [data-testid=confirm-ok]").await?;
    ui.click_el(&ok).await?;
    ui.wait_text("meeting-status", "Dagsorden sendt").await?;

    // Export the agenda PDF and read it.
    ui.click("tab-documents").await?;
    ui.set("doc-kind", "agenda").await?;
    ui.click("doc-preview").await?;
    ui.wait_css("[data-testid=pdf-viewer][data-pages]").await?;
    ui.screen("documents").await?;
    ui.click("doc-export").await?;
    let agenda_pdf = ui.exported_file(".pdf").await?;
    let agenda = flat(&pdf_text(&agenda_pdf)?);
    for want in [
        "Møte i Testrådet for e-helse",
        "Møte 1/2026",
        "12. mars 2026",
        "Kl. 10.00 – 12.00",
        "1/26",
        "Budsjett 2027",
        "2/26",
        "Digital hjemmeoppfølging",
        "Pause",
        "3/26",
        HOSTILE,
        "Slutt",
        "Kari Nordmann (Helse Vest RHF)",
    ] {
        ensure!(
            agenda.contains(want),
            "the agenda PDF lacks {want:?}:\n{agenda}"
        );
    }
    ensure!(
        agenda.find("10:00") < agenda.find("10:30") && agenda.find("10:30") < agenda.find("11:00"),
        "times out of order"
    );

    // Meeting mode: attendance with a substitute, innspill, decisions and an action point.
    ui.click("tab-agenda").await?;
    ui.click("start-live").await?;
    ui.el("live-item-title").await?;
    live_attendance(ui).await?;
    ui.wait_text("live-item-title", "Budsjett 2027").await?;
    for text in [
        "Budsjettet må prioritere drift",
        "Kommunene trenger forutsigbarhet",
    ] {
        ui.type_into("innspill-input", text).await?;
        ui.el("innspill-input").await?.send_keys("\u{E007}").await?;
        ui.wait_text("innspill-item", text).await?;
    }
    let focused =
        ui.c.execute(
            "return document.activeElement.getAttribute('data-testid')",
            vec![],
        )
        .await?;
    ensure!(
        focused.as_str() == Some("innspill-input"),
        "after Enter the focus is on {focused}"
    );
    ui.click("decision-as-proposed").await?;
    ui.wait_save().await?;
    ui.screen("live").await?;
    ui.click("live-next").await?;
    ui.wait_text("live-item-title", "Digital hjemmeoppfølging")
        .await?;
    ui.type_into(
        "decision-text",
        "Testrådet tok orienteringen til etterretning og ba om en ny sak.",
    )
    .await?;
    ui.el("decision-amended").await?;
    ui.type_into(
        "action-text",
        "Sekretariatet legger fram en ny sak om hjemmeoppfølging",
    )
    .await?;
    ui.type_into("action-responsible", "Helsedirektoratet")
        .await?;
    ui.click("action-add").await?;
    ui.wait_text("action-item", "ny sak om hjemmeoppfølging")
        .await?;
    ui.wait_save().await?;
    ui.screen("live-amended").await?;
    Ok(())
}

impl Ui<'_> {
    /// Waits until the live screen says everything is saved.
    async fn wait_save(&self) -> TestResult {
        let deadline = Instant::now() + WAIT_FOR_UI;
        loop {
            let status = self.el("save-status").await?;
            let state = status.attr("data-state").await?.unwrap_or_default();
            if state == "saved" {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("save status stuck at {state:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }
}

/// Kari present, Ola absent with Eva Berg (KS) standing in, Per present remotely.
async fn live_attendance(ui: &mut Ui<'_>) -> TestResult {
    let row = |name: &'static str| format!("[data-testid=attendance-row][data-person=\"{name}\"]");
    let within =
        |name: &'static str, testid: &'static str| format!("{} {}", row(name), css(testid));
    ui.wait_css(&within("Kari Nordmann", "attendance-present"))
        .await?
        .click()
        .await?;
    ui.wait_css(&within("Per Olsen", "attendance-present"))
        .await?
        .click()
        .await?;
    ui.wait_css(&within("Per Olsen", "attendance-remote"))
        .await?
        .click()
        .await?;
    ui.wait_css(&within("Ola Hansen", "attendance-substitute"))
        .await?
        .click()
        .await?;
    ui.type_into("substitute-new-name", "Eva Berg").await?;
    ui.type_into("substitute-new-org", "KS").await?;
    ui.click("substitute-save").await?;
    ui.wait_css("[data-testid=attendance-row][data-person=\"Eva Berg\"]")
        .await?;
    Ok(())
}

/// Session 2, after the app was closed and opened again: everything is there, and the minutes
/// PDF shows it.
async fn after_restart(ui: &mut Ui<'_>) -> TestResult {
    // The app returns to the same item of the meeting.
    let title = ui
        .wait_text("live-item-title", "Digital hjemmeoppfølging")
        .await?;
    eprintln!("e2e: after the restart the chair is on {title:?}");
    let decision = ui.value("decision-text").await?;
    ensure!(
        decision.contains("ba om en ny sak"),
        "the amended decision after restart: {decision:?}"
    );
    ui.el("decision-amended").await?;
    ui.wait_text("action-item", "ny sak om hjemmeoppfølging")
        .await?;
    ui.screen("live-after-restart").await?;
    ui.click("live-prev").await?;
    ui.wait_text("live-item-title", "Budsjett 2027").await?;
    ui.wait_count("innspill-item", 2).await?;
    ui.wait_css("[data-testid=attendance-row][data-person=\"Eva Berg\"]")
        .await?;

    // The minutes PDF.
    ui.click("nav-meetings").await?;
    ui.open_meeting("1/2026").await?;
    ui.wait_text("meeting-title", "1/2026").await?;
    ui.click("tab-minutes").await?;
    ui.el("minutes-preview").await?;
    ui.screen("minutes").await?;
    ui.click("tab-documents").await?;
    ui.set("doc-kind", "minutes").await?;
    ui.click("doc-export").await?;
    let minutes_pdf = ui.exported_file("Referat").await?;
    let minutes = flat(&pdf_text(&minutes_pdf)?);
    for want in [
        "Referat fra møte i Testrådet for e-helse",
        "Eva Berg, KS, stiller for Ola Hansen",
        "Kari Nordmann (Helse Vest RHF)",
        "Innspill:",
        "Budsjettet må prioritere drift",
        "Kommunene trenger forutsigbarhet",
        "Vedtak:",
        "Testrådet for e-helse drøftet saken.",
        "Vedtak oppdatert:",
        "Testrådet tok orienteringen til etterretning og ba om en ny sak.",
        "Aksjonspunkt:",
        "Sekretariatet legger fram en ny sak om hjemmeoppfølging",
        HOSTILE,
    ] {
        ensure!(
            minutes.contains(want),
            "the minutes PDF lacks {want:?}:\n{minutes}"
        );
    }

    // Members' archive: search with highlighted hits.
    ui.click("nav-archive").await?;
    ui.type_into("search-input", "budsjett").await?;
    ui.wait_text("search-hit", "Budsjett 2027").await?;
    ui.wait_css("[data-testid=search-snippet] mark").await?;
    ui.screen("archive").await?;
    ui.type_into("search-input", "img").await?;
    ui.wait_text("search-hit-title", HOSTILE).await?;
    let imgs =
        ui.c.execute("return document.querySelectorAll('img').length", vec![])
            .await?;
    ensure!(
        imgs.as_u64() == Some(0),
        "an <img> appeared in the archive: {imgs}"
    );
    ui.click("nav-about").await?;
    ui.el("app-version").await?;
    ui.screen("about").await?;
    Ok(())
}

/// The whole X screen as a person would see it (needs ImageMagick's `import`).
fn screen_grab(display: &str, file: &Path) {
    if find_on_path("import").is_none() {
        eprintln!("e2e: `import` (ImageMagick) missing; no screen grab");
        return;
    }
    let status = Command::new("import")
        .args(["-display", display, "-window", "root"])
        .arg(file)
        .status();
    match status {
        Ok(s) if s.success() => eprintln!("e2e: screen grab saved to {}", file.display()),
        other => eprintln!("e2e: screen grab failed: {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secretariat_and_chair_work_through_a_meeting() {
    let bin = desk_binary();
    assert!(
        bin.is_file(),
        "\n\nquorum-desk binary not found at {}.\n\
         Build it first: `make e2e` does, or `make desktop-build` \
         (= `make ui-build` + `cargo build -p quorum-desk --features custom-protocol`).\n",
        bin.display()
    );
    let info = build_info(&bin);
    assert!(
        info.custom_protocol,
        "\n\n{} was built without the `custom-protocol` feature, so it would load devUrl \
         instead of the bundled ui/dist (a later `cargo build` may have replaced it).\n\
         Rebuild with `make desktop-build`.\n",
        bin.display()
    );
    let driver_bin = tauri_driver();
    assert!(
        find_on_path("WebKitWebDriver").is_some(),
        "WebKitWebDriver missing: install webkit2gtk-driver (`make desktop-deps`)"
    );

    let artifacts = artifacts_dir();
    // Screenshots of an earlier run must not pass for this run's.
    for entry in fs::read_dir(&artifacts).into_iter().flatten().flatten() {
        if entry.path().extension().is_some_and(|e| e == "png") {
            let _ = fs::remove_file(entry.path());
        }
    }

    // Groups drop in reverse order: tauri-driver (and the app) first, then Xvfb.
    let (_xvfb, display) = match std::env::var("DISPLAY") {
        Ok(d) if !d.is_empty() => (None, d),
        _ => {
            let (group, display) = start_xvfb();
            eprintln!("e2e: started Xvfb on {display}");
            (Some(group), display)
        }
    };

    // A fresh database location for this run, with non-ASCII in the path on purpose.
    let data = tempfile::tempdir().expect("temp dir");
    let db_dir = data.path().join("sekretær-møterom");
    fs::create_dir_all(&db_dir).unwrap();
    let db_path = db_dir.join("quorum.db");

    let preferred = std::env::var("QUORUM_E2E_PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(4444);
    let port = free_port(preferred);
    let native_port = free_port(if port == u16::MAX { 4445 } else { port + 1 });
    let log = fs::File::create(artifacts.join("tauri-driver.log")).unwrap();
    let mut driver = Group::spawn(
        "tauri-driver",
        Command::new(&driver_bin)
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .env("DISPLAY", &display)
            .env("QUORUM_DB", &db_path)
            .env("QUORUM_EXPORT_DIR", data.path().join("eksport"))
            // The app's own data (WebKit's localStorage, caches) goes into the temp dir
            // too, so runs do not see each other's state or the user's real profile.
            .env("XDG_DATA_HOME", data.path().join("xdg-data"))
            .env("XDG_CONFIG_HOME", data.path().join("xdg-config"))
            .env("XDG_CACHE_HOME", data.path().join("xdg-cache"))
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log),
    );
    wait_for_port(port, &mut driver, Duration::from_secs(20));
    eprintln!(
        "e2e: tauri-driver on port {port} (native {native_port}), app {}",
        bin.display()
    );

    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), "wry".into());
    caps.insert(
        "tauri:options".into(),
        serde_json::json!({ "application": bin }),
    );
    let axe_file = workspace_root().join("ui/node_modules/axe-core/axe.min.js");
    let axe = fs::read_to_string(&axe_file).unwrap_or_else(|e| {
        panic!(
            "{} is missing ({e}): run `make ui-deps`",
            axe_file.display()
        )
    });
    let mut ui_state = (Vec::new(), 0usize);

    // Two sessions on the same record and profile: the second starts the app anew, as a user
    // who closed it in the middle of the meeting and opened it again.
    let mut outcome: TestResult = Ok(());
    for session in 1..=2 {
        let caps = caps.clone();
        let run = tokio::time::timeout(WHOLE_SESSION, async {
            let client = ClientBuilder::native()
                .capabilities(caps)
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
                .map_err(|e| format!("could not open a WebDriver session: {e}"))?;
            let mut ui = Ui {
                c: &client,
                artifacts: artifacts.clone(),
                axe: axe.clone(),
                violations: Vec::new(),
                shots: ui_state.1,
            };
            let result = if session == 1 {
                first_session(&mut ui, &info.version, &db_path).await
            } else {
                after_restart(&mut ui).await
            };
            if result.is_err() {
                if let Ok(png) = client.screenshot().await {
                    let _ = fs::write(artifacts.join("failure.png"), png);
                    eprintln!("e2e: failure screenshot in e2e-artifacts/failure.png");
                }
            }
            ui_state.0.append(&mut ui.violations);
            ui_state.1 = ui.shots;
            screen_grab(
                &display,
                &artifacts.join(format!("screen-session-{session}.png")),
            );
            // Ends the session, which closes the app's window and process.
            if let Err(e) = client.close().await {
                eprintln!("e2e: closing the session failed: {e}");
            }
            result
        })
        .await
        .unwrap_or_else(|_| {
            Err(format!("session {session} took longer than {WHOLE_SESSION:?}").into())
        });
        if let Err(e) = run {
            outcome = Err(format!("session {session}: {e}").into());
            break;
        }
        eprintln!("e2e: session {session} passed");
    }

    drop(driver);
    if let Err(e) = outcome {
        panic!("e2e failed: {e}\n(tauri-driver's output: e2e-artifacts/tauri-driver.log)");
    }
    assert!(
        ui_state.0.is_empty(),
        "axe-core found serious or critical accessibility violations:\n{}",
        ui_state.0.join("\n")
    );
    eprintln!("e2e: passed");
}

/// The first session: the window is the right one (version, record path, language, CSP), then
/// the whole secretariat and chair flow.
async fn first_session(ui: &mut Ui<'_>, version: &str, db_path: &Path) -> TestResult {
    let title = ui.c.title().await?;
    ensure!(title == "Quorum", "window title is {title:?}");
    let lang =
        ui.c.execute("return document.documentElement.lang", vec![])
            .await?;
    ensure!(
        lang.as_str() == Some("nb"),
        "default language should be nb, is {lang}"
    );
    // The strict CSP from tauri.conf.json is in force: no eval.
    let csp_probe = ui
        .c
        .execute("try { new Function('return 1')(); return 'eval allowed'; } catch (e) { return 'eval blocked'; }", vec![])
        .await?;
    ensure!(
        csp_probe.as_str() == Some("eval blocked"),
        "the CSP must forbid eval, probe said {csp_probe}"
    );
    ui.click("nav-about").await?;
    let shown = ui.text("app-version").await?;
    ensure!(
        shown == version,
        "version shown {shown:?}, expected {version:?}"
    );
    let path = ui.text("db-path").await?;
    ensure!(
        path == db_path.display().to_string(),
        "record path shown {path:?} (QUORUM_DB must reach the app)"
    );
    ui.click("nav-meetings").await?;
    before_restart(ui).await
}
