//! What every end-to-end test shares: a display, the app started on a given record through
//! tauri-driver, the `Ui` helper that drives it by `data-testid`, screenshots with an axe-core
//! check, killing the app outright, and reading PDFs.
//!
//! Tests in this binary run one at a time (`Harness::start` takes a global lock): the machine
//! has two cores, a WebKit window needs most of one, and the kill tests time their kills to
//! within a few hundred milliseconds of the last key, which a second window starving the CPU
//! would make meaningless. Each test still gets its own temporary data (record, profile,
//! exports), its own ports and, without a `DISPLAY`, its own Xvfb, so no test sees another's
//! state.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::error::Error;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

pub(crate) type TestResult<T = ()> = Result<T, Box<dyn Error>>;

pub(crate) const WAIT_FOR_UI: Duration = Duration::from_secs(30);
pub(crate) const WHOLE_SESSION: Duration = Duration::from_secs(300);

/// Like `assert!`, but returns an error, so that the session still ends cleanly and a
/// failure screenshot is taken.
macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+).into());
        }
    };
}
pub(crate) use ensure;

pub(crate) fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root exists")
}

fn target_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"));
    if target.is_absolute() {
        target
    } else {
        workspace_root().join(target)
    }
}

fn desk_binary() -> PathBuf {
    if let Some(bin) = std::env::var_os("QUORUM_DESK_BIN").filter(|v| !v.is_empty()) {
        return PathBuf::from(bin);
    }
    target_dir().join("debug").join("quorum-desk")
}

/// The `quorum` CLI built beside the desktop binary (for reading the record back).
pub(crate) fn cli_binary() -> PathBuf {
    target_dir().join("debug").join("quorum")
}

pub(crate) fn find_on_path(name: &str) -> Option<PathBuf> {
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
pub(crate) struct BuildInfo {
    pub(crate) version: String,
    pub(crate) custom_protocol: bool,
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
pub(crate) struct Group {
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

    fn pid(&self) -> u32 {
        self.child.id()
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

fn wait_for_port(port: u16, driver: &mut Group, log: &Path, timeout: Duration) {
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
            panic!(
                "tauri-driver exited early ({status}); see {}",
                log.display()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("tauri-driver did not listen on port {port} within {timeout:?}");
}

/// One test at a time (see the module comment).
static SERIAL: Mutex<()> = Mutex::new(());

/// One test's world: a display, a temporary folder for its records, the app's profile
/// (`XDG_*`, so WebKit's storage is the test's own) and exports, and `e2e-artifacts/<name>/`
/// for its screenshots and logs. Apps are started on it with [`Harness::launch`].
pub(crate) struct Harness {
    pub(crate) bin: PathBuf,
    pub(crate) info: BuildInfo,
    driver_bin: PathBuf,
    pub(crate) display: String,
    /// The test's temporary folder; records may go anywhere in it.
    pub(crate) data: tempfile::TempDir,
    pub(crate) artifacts: PathBuf,
    axe: String,
    shots: Cell<usize>,
    launches: Cell<usize>,
    violations: RefCell<Vec<String>>,
    // Dropped after the fields above (declaration order): the display outlives the apps' data.
    _xvfb: Option<Group>,
    _serial: MutexGuard<'static, ()>,
}

impl Harness {
    /// Checks the binary and the tools, waits for the other tests, and provides a display.
    pub(crate) fn start(name: &str) -> Harness {
        // A test that panicked while holding the lock leaves it poisoned; the next may still run.
        let serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
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
        let axe_file = workspace_root().join("ui/node_modules/axe-core/axe.min.js");
        let axe = fs::read_to_string(&axe_file).unwrap_or_else(|e| {
            panic!(
                "{} is missing ({e}): run `make ui-deps`",
                axe_file.display()
            )
        });

        let artifacts = workspace_root().join("e2e-artifacts").join(name);
        fs::create_dir_all(&artifacts).expect("can create e2e-artifacts/<test>/");
        // Screenshots of an earlier run must not pass for this run's.
        for entry in fs::read_dir(&artifacts).into_iter().flatten().flatten() {
            if entry.path().extension().is_some_and(|e| e == "png") {
                let _ = fs::remove_file(entry.path());
            }
        }

        let (xvfb, display) = match std::env::var("DISPLAY") {
            Ok(d) if !d.is_empty() => (None, d),
            _ => {
                let (group, display) = start_xvfb();
                eprintln!("e2e: started Xvfb on {display}");
                (Some(group), display)
            }
        };
        Harness {
            bin,
            info,
            driver_bin,
            display,
            data: tempfile::tempdir().expect("temp dir"),
            artifacts,
            axe,
            shots: Cell::new(0),
            launches: Cell::new(0),
            violations: RefCell::new(Vec::new()),
            _xvfb: xvfb,
            _serial: serial,
        }
    }

    /// Starts the app on `record` (its `QUORUM_DB`) with this test's profile, through a
    /// tauri-driver of its own, and opens the WebDriver session that shows its window.
    /// Launching again on the same record is a restart: same record, same profile.
    pub(crate) async fn launch(&self, record: &Path) -> TestResult<App> {
        self.launch_with(record, &[]).await
    }

    /// [`Harness::launch`] with more environment for the app (e.g. the system locale, `LANG`).
    pub(crate) async fn launch_with(&self, record: &Path, env: &[(&str, &str)]) -> TestResult<App> {
        let n = self.launches.get() + 1;
        self.launches.set(n);
        let port = free_port(
            std::env::var("QUORUM_E2E_PORT")
                .ok()
                .and_then(|p| p.parse().ok())
                .unwrap_or(4444),
        );
        let native_port = free_port(if port == u16::MAX { 4445 } else { port + 1 });
        let log_path = self.artifacts.join(format!("tauri-driver-{n}.log"));
        let log = fs::File::create(&log_path)?;
        let data = self.data.path();
        let mut driver = Group::spawn(
            "tauri-driver",
            Command::new(&self.driver_bin)
                .args(["--port", &port.to_string()])
                .args(["--native-port", &native_port.to_string()])
                .env("DISPLAY", &self.display)
                .env("QUORUM_DB", record)
                .env("QUORUM_EXPORT_DIR", data.join("eksport"))
                // The app's own data (WebKit's localStorage, caches) goes into the temp dir
                // too, so runs do not see each other's state or the user's real profile.
                .env("XDG_DATA_HOME", data.join("xdg-data"))
                .env("XDG_CONFIG_HOME", data.join("xdg-config"))
                .env("XDG_CACHE_HOME", data.join("xdg-cache"))
                .envs(env.iter().copied())
                .stdin(Stdio::null())
                .stdout(log.try_clone()?)
                .stderr(log),
        );
        wait_for_port(port, &mut driver, &log_path, Duration::from_secs(20));
        eprintln!(
            "e2e: launch {n}: tauri-driver on port {port} (native {native_port}), app {} on {}",
            self.bin.display(),
            record.display()
        );
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": self.bin }),
        );
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .map_err(|e| format!("could not open a WebDriver session: {e}"))?;
        Ok(App {
            client,
            driver,
            bin: self.bin.clone(),
        })
    }

    /// The `Ui` helper for an app of this test (screenshots numbered across launches).
    pub(crate) fn ui<'a>(&'a self, app: &'a App) -> Ui<'a> {
        Ui {
            c: &app.client,
            h: self,
        }
    }

    /// A screenshot of the window after a failure, and of the whole X screen.
    pub(crate) async fn failure_shots(&self, app: &App, label: &str) {
        if let Ok(png) = app.client.screenshot().await {
            let file = self.artifacts.join(format!("failure-{label}.png"));
            let _ = fs::write(&file, png);
            eprintln!("e2e: failure screenshot in {}", file.display());
        }
        self.screen_grab(&format!("screen-{label}.png"));
    }

    /// The whole X screen as a person would see it (needs ImageMagick's `import`).
    pub(crate) fn screen_grab(&self, name: &str) {
        if find_on_path("import").is_none() {
            eprintln!("e2e: `import` (ImageMagick) missing; no screen grab");
            return;
        }
        let file = self.artifacts.join(name);
        let status = Command::new("import")
            .args(["-display", &self.display, "-window", "root"])
            .arg(&file)
            .status();
        match status {
            Ok(s) if s.success() => eprintln!("e2e: screen grab saved to {}", file.display()),
            other => eprintln!("e2e: screen grab failed: {other:?}"),
        }
    }

    /// Fails the test if any screenshot's axe-core check found serious or critical violations.
    pub(crate) fn assert_accessible(&self) {
        let v = self.violations.borrow();
        assert!(
            v.is_empty(),
            "axe-core found serious or critical accessibility violations:\n{}",
            v.join("\n")
        );
    }
}

/// A running app: its WebDriver session and the tauri-driver (and WebKitWebDriver) behind it.
pub(crate) struct App {
    pub(crate) client: Client,
    driver: Group,
    bin: PathBuf,
}

impl App {
    /// Ends the session, which closes the window and the app's process, then the driver.
    pub(crate) async fn close(self) {
        if let Err(e) = self.client.clone().close().await {
            eprintln!("e2e: closing the session failed: {e}");
        }
        drop(self.driver);
    }

    /// The pids of the app (the `quorum-desk` processes under this app's driver) and of
    /// everything they started (WebKit's web and network processes), the app first.
    pub(crate) fn process_tree(&self) -> Vec<u32> {
        let parents = process_parents();
        let exe = fs::canonicalize(&self.bin).unwrap_or_else(|_| self.bin.clone());
        let descends_from = |mut pid: u32, ancestor: u32| {
            while let Some(&p) = parents.get(&pid) {
                if p == ancestor {
                    return true;
                }
                pid = p;
            }
            false
        };
        let driver = self.driver.pid();
        // Only apps under this test's driver: another engineer's app of the same binary is
        // not ours to kill.
        let apps: Vec<u32> = parents
            .keys()
            .copied()
            .filter(|&pid| {
                fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|p| p == exe)
                    && descends_from(pid, driver)
            })
            .collect();
        let mut tree = apps.clone();
        for &pid in parents.keys() {
            if !tree.contains(&pid) && apps.iter().any(|&a| descends_from(pid, a)) {
                tree.push(pid);
            }
        }
        tree
    }

    /// Kills the app as a power cut or `kill -9` would: SIGKILL to the app and every process
    /// under it at once, no chance to flush anything. Returns how many processes were killed.
    pub(crate) async fn kill(self) -> TestResult<usize> {
        Ok(self.kill_at(Instant::now()).await?.0)
    }

    /// [`App::kill`] at `when`: the processes are found first, so the signals go out on time.
    /// Returns how many were killed and when the signals were sent.
    pub(crate) async fn kill_at(self, when: Instant) -> TestResult<(usize, Instant)> {
        let tree = self.process_tree();
        ensure!(!tree.is_empty(), "no quorum-desk process found to kill");
        tokio::time::sleep_until(when.into()).await;
        let sent = Instant::now();
        for &pid in &tree {
            // SAFETY: kill(2) on pids we found under our own driver.
            unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
        }
        // Dead, not merely signalled: a zombie has no /proc/<pid>/exe target any more.
        let deadline = Instant::now() + Duration::from_secs(5);
        while tree.iter().any(|pid| is_alive(*pid)) {
            ensure!(Instant::now() < deadline, "the app survived SIGKILL");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        // The session's browser is gone; closing it may fail, which is expected.
        let _ = self.client.clone().close().await;
        drop(self.driver);
        Ok((tree.len(), sent))
    }
}

/// Every process's parent, from /proc.
fn process_parents() -> HashMap<u32, u32> {
    let mut parents = HashMap::new();
    for entry in fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after
        // the last ')'.
        let Some(rest) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
            continue;
        };
        if let Some(ppid) = rest.split_whitespace().nth(1).and_then(|s| s.parse().ok()) {
            parents.insert(pid, ppid);
        }
    }
    parents
}

fn is_alive(pid: u32) -> bool {
    match fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => {
            let state = stat
                .rfind(')')
                .and_then(|i| stat[i + 1..].split_whitespace().next());
            !matches!(state, Some("Z") | Some("X"))
        }
        Err(_) => false,
    }
}

/// Waits two animation frames, so that a screenshot shows the DOM just read: WebKit's
/// snapshot can otherwise show the frame before the last change.
pub(crate) async fn settle(client: &Client) -> TestResult {
    client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            vec![],
        )
        .await?;
    Ok(())
}

/// The window as a user drives it: by the `data-testid`s of its controls.
pub(crate) struct Ui<'a> {
    pub(crate) c: &'a Client,
    h: &'a Harness,
}

pub(crate) fn css(testid: &str) -> String {
    format!("[data-testid={testid}]")
}

impl<'a> Ui<'a> {
    pub(crate) async fn el(&self, testid: &str) -> TestResult<Element> {
        self.wait_css(&css(testid)).await
    }

    pub(crate) async fn wait_css(&self, selector: &str) -> TestResult<Element> {
        Ok(self
            .c
            .wait()
            .at_most(WAIT_FOR_UI)
            .for_element(Locator::Css(selector))
            .await
            .map_err(|e| format!("{selector} did not appear: {e}"))?)
    }

    pub(crate) async fn all(&self, testid: &str) -> TestResult<Vec<Element>> {
        Ok(self.c.find_all(Locator::Css(&css(testid))).await?)
    }

    /// Opens a meeting from the meetings list by its number button, once the list has loaded
    /// (leaving live mode first writes what is unsaved, so the list can come a moment later).
    pub(crate) async fn open_meeting(&self, number: &str) -> TestResult {
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

    pub(crate) async fn click_el(&self, el: &Element) -> TestResult {
        self.c
            .execute(
                "arguments[0].scrollIntoView({block: 'center'});",
                vec![serde_json::to_value(el)?],
            )
            .await?;
        el.clone().click().await?;
        Ok(())
    }

    pub(crate) async fn click(&self, testid: &str) -> TestResult {
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
    pub(crate) async fn type_into(&self, testid: &str, text: &str) -> TestResult {
        let el = self.el(testid).await?;
        el.clear().await?;
        el.send_keys(text)
            .await
            .map_err(|e| format!("typing into {testid}: {e}"))?;
        Ok(())
    }

    /// Sets a date, time or select value and fires the events a person's choice fires.
    pub(crate) async fn set(&self, testid: &str, value: &str) -> TestResult {
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

    pub(crate) async fn text(&self, testid: &str) -> TestResult<String> {
        Ok(self.el(testid).await?.text().await?.trim().to_string())
    }

    pub(crate) async fn value(&self, testid: &str) -> TestResult<String> {
        Ok(self
            .el(testid)
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    /// Waits until the element's text contains `want`.
    pub(crate) async fn wait_text(&self, testid: &str, want: &str) -> TestResult<String> {
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
    pub(crate) async fn wait_count(&self, testid: &str, n: usize) -> TestResult<Vec<Element>> {
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

    /// Waits until the live screen says everything is saved.
    pub(crate) async fn wait_save(&self) -> TestResult {
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

    /// A screenshot of the window into the test's artifacts, and an accessibility check with
    /// axe-core: serious or critical violations are collected and fail the test at the end
    /// (`Harness::assert_accessible`).
    pub(crate) async fn screen(&mut self, name: &str) -> TestResult {
        settle(self.c).await?;
        let n = self.h.shots.get() + 1;
        self.h.shots.set(n);
        let file = self.h.artifacts.join(format!("{n:02}-{name}.png"));
        fs::write(&file, self.c.screenshot().await?)?;
        eprintln!("e2e: screenshot {}", file.display());
        if self
            .c
            .execute("return typeof window.axe", vec![])
            .await?
            .as_str()
            != Some("object")
        {
            self.c.execute(&self.h.axe, vec![]).await?;
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
            self.h.violations.borrow_mut().push(line);
        }
        Ok(())
    }

    /// The file an export wrote, once the export reports it.
    pub(crate) async fn exported_file(&self, ending: &str) -> TestResult<PathBuf> {
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

pub(crate) fn pdf_text(file: &Path) -> TestResult<String> {
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
pub(crate) fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
