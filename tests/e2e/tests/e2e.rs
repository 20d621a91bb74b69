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

use fantoccini::{Client, ClientBuilder, Locator};

type TestResult<T = ()> = Result<T, Box<dyn Error>>;

const WAIT_FOR_UI: Duration = Duration::from_secs(30);
const WHOLE_SESSION: Duration = Duration::from_secs(180);

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

async fn text_of(client: &Client, css: &str) -> TestResult<String> {
    let element = client
        .wait()
        .at_most(WAIT_FOR_UI)
        .for_element(Locator::Css(css))
        .await
        .map_err(|e| format!("element {css} did not appear: {e}"))?;
    Ok(element.text().await?)
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

/// What the test expects the window to show.
struct Expected {
    version: String,
    db_path: String,
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

async fn drive(client: &Client, expected: &Expected, artifacts: &Path) -> TestResult {
    let version = text_of(client, "[data-testid=app-version]").await?;
    eprintln!("e2e: the window shows version {version:?}");
    ensure!(
        version == expected.version,
        "version shown {version:?}, expected {:?}",
        expected.version
    );

    let db_path = text_of(client, "[data-testid=db-path]").await?;
    eprintln!("e2e: the window shows database {db_path:?}");
    ensure!(
        db_path == expected.db_path,
        "database path shown {db_path:?}, expected {:?} (QUORUM_DB must reach the app)",
        expected.db_path
    );

    let h1 = text_of(client, "h1").await?;
    ensure!(h1 == "Quorum", "h1 is {h1:?}");
    let title = client.title().await?;
    ensure!(title == "Quorum", "window title is {title:?}");
    let lang = client
        .execute("return document.documentElement.lang", vec![])
        .await?;
    ensure!(
        lang.as_str() == Some("nb"),
        "default language should be nb, is {lang}"
    );
    let tagline = text_of(client, "[data-testid=tagline]").await?;
    for word in ["Møter", "sekretærer", "råd"] {
        ensure!(
            tagline.contains(word),
            "tagline {tagline:?} lacks {word:?} (charset?)"
        );
    }

    // The strict CSP from tauri.conf.json is in force: no eval.
    let csp_probe = client
        .execute(
            "try { new Function('return 1')(); return 'eval allowed'; } \
             catch (e) { return 'eval blocked'; }",
            vec![],
        )
        .await?;
    eprintln!("e2e: CSP probe: {csp_probe}");
    ensure!(
        csp_probe.as_str() == Some("eval blocked"),
        "the CSP must forbid eval, probe said {csp_probe}"
    );

    let shot = artifacts.join("quorum-desk.png");
    settle(client).await?;
    fs::write(&shot, client.screenshot().await?)?;
    eprintln!("e2e: screenshot saved to {}", shot.display());

    // The language switch re-renders the labels in English.
    client
        .find(Locator::Css("[data-testid=locale-switch]"))
        .await?
        .click()
        .await?;
    client
        .wait()
        .at_most(WAIT_FOR_UI)
        .for_element(Locator::XPath("//dt[normalize-space()='Version']"))
        .await
        .map_err(|e| format!("English labels did not appear after the switch: {e}"))?;
    let shot_en = artifacts.join("quorum-desk-en.png");
    settle(client).await?;
    fs::write(&shot_en, client.screenshot().await?)?;
    eprintln!("e2e: screenshot saved to {}", shot_en.display());
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
async fn window_shows_version_and_database_path() {
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
    let _ = fs::remove_file(artifacts.join("quorum-desk.png"));
    let _ = fs::remove_file(artifacts.join("quorum-desk-en.png"));
    let _ = fs::remove_file(artifacts.join("screen.png"));

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
    let expected = Expected {
        version: info.version.clone(),
        db_path: db_path.display().to_string(),
    };

    let outcome: TestResult = tokio::time::timeout(WHOLE_SESSION, async {
        let client = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .map_err(|e| format!("could not open a WebDriver session: {e}"))?;
        let result = drive(&client, &expected, &artifacts).await;
        if result.is_err() {
            if let Ok(png) = client.screenshot().await {
                let _ = fs::write(artifacts.join("failure.png"), png);
                eprintln!("e2e: failure screenshot in e2e-artifacts/failure.png");
            }
        }
        screen_grab(&display, &artifacts.join("screen.png"));
        // End the session (closes the window) whatever happened above.
        if let Err(e) = client.close().await {
            eprintln!("e2e: closing the session failed: {e}");
        }
        result
    })
    .await
    .unwrap_or_else(|_| Err(format!("the session took longer than {WHOLE_SESSION:?}").into()));

    drop(driver);
    if let Err(e) = outcome {
        panic!("e2e failed: {e}\n(tauri-driver's output: e2e-artifacts/tauri-driver.log)");
    }
    assert!(artifacts.join("quorum-desk.png").is_file());
    eprintln!("e2e: passed");
}
