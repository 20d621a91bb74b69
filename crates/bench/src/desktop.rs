//! The desktop figures of `make bench`: the release `quorum-desk` binary driven over WebDriver
//! (tauri-driver → WebKitWebDriver → the app), as the e2e tests drive the debug one.
//!
//! For each record (the demo record and a copy of the 20-year record) the app is started
//! `runs` times on it with `--db PATH` and a profile of its own (`XDG_*`, kept across the runs,
//! as a user's is); each start is timed from the WebDriver new-session request, which makes
//! WebKitWebDriver spawn the app, to the moment a `[data-testid=meeting-row]` is present and
//! displayed. The phases in between (the app process's exec, the page's navigation start,
//! DOMContentLoaded) are read from /proc and from the page's performance timeline. On the last
//! start the window's archive is opened and 10 queries are typed into the search panel; each
//! is timed in the page from its last `input` event to the animation frame after the hits (or
//! the "no hits" notice) are in the DOM, and the memory of the app and every process under it
//! (WebKit's web and network processes) is read from /proc before and after the searches.

use crate::stats::ms;
use crate::webdriver::{request, Session};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::fs;
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The queries typed into the search panel (common words of the generated text and the names
/// planted in the 20-year record).
pub const QUERIES: [&str; 10] = [
    "helse",
    "saken",
    "Quorvik",
    "Tindrefjell",
    "digitale",
    "Brattvikøy",
    "Mjølkedalen",
    "tjenester",
    "Ravnsetra",
    "Fjordlyngen",
];

const LIST: &str = "[data-testid=meeting-row]";
const WAIT: Duration = Duration::from_secs(60);

/// One start of the app.
#[derive(Debug, Clone)]
pub struct Start {
    /// New-session request to the meeting list displayed.
    pub total_ms: f64,
    /// New-session request to the session's reply.
    pub session_ms: f64,
    /// New-session request to the app process's start (from /proc, 10 ms resolution).
    pub exec_ms: Option<f64>,
    /// New-session request to the page's time origin (its navigation start).
    pub navigation_ms: Option<f64>,
    /// New-session request to DOMContentLoaded's end.
    pub dom_ready_ms: Option<f64>,
}

/// One process's memory, from /proc.
#[derive(Debug, Clone)]
pub struct Proc {
    pub pid: u32,
    pub name: String,
    pub rss_kb: u64,
    pub pss_kb: u64,
}

#[derive(Debug, Clone, Default)]
pub struct Memory {
    pub procs: Vec<Proc>,
}

impl Memory {
    pub fn rss_mb(&self) -> f64 {
        self.procs.iter().map(|p| p.rss_kb).sum::<u64>() as f64 / 1024.0
    }
    pub fn pss_mb(&self) -> f64 {
        self.procs.iter().map(|p| p.pss_kb).sum::<u64>() as f64 / 1024.0
    }
    /// "quorum-desk 80, WebKitWebProcess 120, …" (PSS, MB).
    pub fn breakdown(&self) -> String {
        self.procs
            .iter()
            .map(|p| format!("{} {:.0}", p.name, p.pss_kb as f64 / 1024.0))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// One query typed into the search panel.
#[derive(Debug, Clone)]
pub struct Typed {
    pub query: String,
    /// Last `input` event to the frame after the hits were drawn.
    pub ms: f64,
    pub hits: u64,
}

/// What one record gave.
#[derive(Debug, Clone)]
pub struct RecordRun {
    pub label: String,
    pub starts: Vec<Start>,
    pub memory_started: Memory,
    pub memory_searched: Memory,
    pub searches: Vec<Typed>,
}

/// Everything needed to start the app, or why it cannot be.
pub struct Tools {
    pub bin: PathBuf,
    pub driver: PathBuf,
}

impl Tools {
    /// The release binary beside this benchmark, tauri-driver and WebKitWebDriver, a display.
    pub fn find(bin: &Path) -> Result<Tools, String> {
        if !bin.is_file() {
            return Err(format!(
                "{} not built (`make bench` builds it: `make ui-build` and `cargo build --release -p quorum-desk --features custom-protocol`)",
                bin.display()
            ));
        }
        let info = Command::new(bin)
            .arg("--build-info")
            .output()
            .map_err(|e| format!("{} --build-info: {e}", bin.display()))?;
        let info: Value = serde_json::from_slice(&info.stdout).unwrap_or_default();
        if info["custom_protocol"].as_bool() != Some(true) {
            return Err(format!(
                "{} was built without the custom-protocol feature (it would load the vite dev server)",
                bin.display()
            ));
        }
        if std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty()) {
            return Err(
                "no DISPLAY (`make bench` runs under xvfb-run when there is none; xvfb-run is in the Debian package xvfb)"
                    .into(),
            );
        }
        if on_path("WebKitWebDriver").is_none() {
            return Err("WebKitWebDriver missing (Debian package webkit2gtk-driver)".into());
        }
        let driver = std::env::var_os("TAURI_DRIVER")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| on_path("tauri-driver"))
            .or_else(|| {
                let p = PathBuf::from(std::env::var_os("HOME")?).join(".cargo/bin/tauri-driver");
                p.is_file().then_some(p)
            })
            .ok_or("tauri-driver missing (`make desktop-deps` installs it)")?;
        Ok(Tools {
            bin: fs::canonicalize(bin).unwrap_or_else(|_| bin.to_path_buf()),
            driver,
        })
    }
}

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// A process group we started (tauri-driver, WebKitWebDriver and the app under it); dropping
/// it ends the group.
struct Group(Child);

impl Drop for Group {
    fn drop(&mut self) {
        let pgid = format!("-{}", self.0.id());
        let _ = Command::new("kill")
            .args(["-TERM", "--", &pgid])
            .stderr(Stdio::null())
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if self.0.try_wait().ok().flatten().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill")
            .args(["-KILL", "--", &pgid])
            .stderr(Stdio::null())
            .status();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(4444)
}

/// The app running under a tauri-driver of its own.
struct Running {
    session: Option<Session>,
    driver: Group,
    bin: PathBuf,
}

impl Running {
    /// Starts tauri-driver with the record's profile and opens a session on `record`; returns
    /// the start's timings once the meeting list is displayed.
    fn start(
        tools: &Tools,
        record: &Path,
        profile: &Path,
        env: &[(&str, &str)],
        log: &Path,
    ) -> Result<(Running, Start), String> {
        let port = free_port();
        let native = loop {
            let p = free_port();
            if p != port {
                break p;
            }
        };
        let log = fs::File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
        let mut cmd = Command::new(&tools.driver);
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        .env("XDG_DATA_HOME", profile.join("data"))
        .env("XDG_CONFIG_HOME", profile.join("config"))
        .env("XDG_CACHE_HOME", profile.join("cache"))
        .env("QUORUM_EXPORT_DIR", profile.join("exports"))
        .env_remove("QUORUM_DB")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(log.try_clone().map_err(|e| e.to_string())?)
        .stderr(log)
        .process_group(0);
        let child = cmd.spawn().map_err(|e| format!("tauri-driver: {e}"))?;
        let mut driver = Group(child);
        // WebKitWebDriver's own /status, and a bare connect to tauri-driver's port: a /status
        // through tauri-driver would leave a pooled connection to WebKitWebDriver that it may
        // close just as the new-session request is sent over it.
        let deadline = Instant::now() + Duration::from_secs(20);
        while request(native, "GET", "/status", None).is_err()
            || TcpStream::connect(("127.0.0.1", port)).is_err()
        {
            if Instant::now() > deadline || driver.0.try_wait().ok().flatten().is_some() {
                return Err("tauri-driver did not answer on its port".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let caps = json!({
            "browserName": "wry",
            "tauri:options": {
                "application": tools.bin,
                "args": ["--db", record],
            },
        });
        let epoch0 = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0);
        let uptime0 = uptime_ms();
        let t0 = Instant::now();
        let session = Session::new(port, caps)?;
        let session_ms = ms(t0.elapsed());
        let run = Running {
            session: Some(session),
            driver,
            bin: tools.bin.clone(),
        };
        let s = run.session();
        s.wait_displayed(LIST, WAIT)?;
        let total_ms = ms(t0.elapsed());
        let page = s
            .execute(
                "const n = performance.getEntriesByType('navigation')[0]; \
                 return [performance.timeOrigin, n ? n.domContentLoadedEventEnd : null];",
                vec![],
            )
            .unwrap_or_default();
        let origin = page[0].as_f64();
        let navigation_ms = origin.map(|o| o - epoch0);
        let dom_ready_ms = match (navigation_ms, page[1].as_f64()) {
            (Some(n), Some(d)) => Some(n + d),
            _ => None,
        };
        let exec_ms = run
            .apps()
            .first()
            .and_then(|&pid| start_ms(pid))
            .zip(uptime0)
            .map(|(s, u)| s - u);
        Ok((
            run,
            Start {
                total_ms,
                session_ms,
                exec_ms,
                navigation_ms,
                dom_ready_ms,
            },
        ))
    }

    fn session(&self) -> &Session {
        self.session.as_ref().expect("open session")
    }

    /// The app's processes under this driver (the binary's), first.
    fn apps(&self) -> Vec<u32> {
        let parents = parents();
        let driver = self.driver.0.id();
        let mut apps: Vec<u32> = parents
            .keys()
            .copied()
            .filter(|&p| {
                fs::read_link(format!("/proc/{p}/exe")).is_ok_and(|e| e == self.bin)
                    && descends(&parents, p, driver)
            })
            .collect();
        apps.sort_unstable();
        apps
    }

    /// The app and every process under it (WebKit's web and network processes).
    fn memory(&self) -> Memory {
        let parents = parents();
        let apps = self.apps();
        let mut pids = apps.clone();
        let mut others: Vec<u32> = parents
            .keys()
            .copied()
            .filter(|&p| !apps.contains(&p) && apps.iter().any(|&a| descends(&parents, p, a)))
            .collect();
        others.sort_unstable();
        pids.extend(others);
        Memory {
            procs: pids.into_iter().filter_map(proc_memory).collect(),
        }
    }

    fn close(mut self) {
        if let Some(s) = self.session.take() {
            let _ = s.close();
        }
    }
}

fn parents() -> HashMap<u32, u32> {
    let mut out = HashMap::new();
    for e in fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
            continue;
        };
        let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        if let Some(ppid) = stat
            .rfind(')')
            .and_then(|i| stat[i + 1..].split_whitespace().nth(1))
            .and_then(|s| s.parse().ok())
        {
            out.insert(pid, ppid);
        }
    }
    out
}

fn descends(parents: &HashMap<u32, u32>, mut pid: u32, ancestor: u32) -> bool {
    while let Some(&p) = parents.get(&pid) {
        if p == ancestor {
            return true;
        }
        if p <= 1 {
            return false;
        }
        pid = p;
    }
    false
}

/// Milliseconds since boot (/proc/uptime, 10 ms resolution).
fn uptime_ms() -> Option<f64> {
    fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse::<f64>()
        .ok()
        .map(|s| s * 1000.0)
}

/// When the process started, in milliseconds since boot (/proc/<pid>/stat field 22; USER_HZ is
/// 100 on Linux).
fn start_ms(pid: u32) -> Option<f64> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    // Fields after the comm start at field 3 (state); starttime is field 22.
    let ticks: f64 = rest.split_whitespace().nth(19)?.parse().ok()?;
    Some(ticks * 10.0)
}

fn proc_memory(pid: u32) -> Option<Proc> {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kb = |text: &str, key: &str| -> u64 {
        text.lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    let rollup = fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
    let name = fs::read_to_string(format!("/proc/{pid}/comm"))
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    Some(Proc {
        pid,
        name,
        rss_kb: kb(&status, "VmRSS:"),
        pss_kb: kb(&rollup, "Pss:"),
    })
}

/// Opens the archive and types each query, waiting for its hits to be drawn.
fn searches(s: &Session) -> Result<Vec<Typed>, String> {
    let nav = s.wait_displayed("[data-testid=nav-archive]", WAIT)?;
    s.click(&nav)?;
    let input = s.wait_displayed("[data-testid=search-input]", WAIT)?;
    s.execute(
        "const i = arguments[0]; \
         if (!window.__benchInput) { window.__benchInput = true; \
           i.addEventListener('input', () => { window.__lastInput = performance.now(); }, true); } \
         return true;",
        vec![Session::arg(&input)],
    )?;
    let mut out = Vec::new();
    for q in QUERIES {
        if let Some(clear) = s.find_all("[data-testid=search-clear]")?.first() {
            s.click(clear)?;
        }
        let deadline = Instant::now() + WAIT;
        while s.find_all("[data-testid=search-empty]")?.is_empty() {
            if Instant::now() > deadline {
                return Err("the search panel did not empty".into());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        s.execute("window.__lastInput = null; return true;", vec![])?;
        s.send_keys(&input, q)?;
        // In the page: the first animation frame whose DOM holds this query's hits (or its "no
        // hits" notice), then one more frame, so that the one with the hits was presented.
        let v = s.execute_async(
            "const [input, q, done] = arguments; const start = performance.now(); \
             const look = () => { \
               const hits = document.querySelectorAll('ol.hits:not(.stale) [data-testid=search-hit]'); \
               const none = document.querySelector('[data-testid=search-none]'); \
               if (input.value === q && window.__lastInput !== null && (hits.length > 0 || none)) { \
                 requestAnimationFrame(() => done({ ms: performance.now() - window.__lastInput, hits: hits.length })); \
               } else if (performance.now() - start > 30000) { done({ error: 'no hits drawn for ' + q }); } \
               else requestAnimationFrame(look); }; \
             requestAnimationFrame(look);",
            vec![Session::arg(&input), json!(q)],
        )?;
        if let Some(e) = v["error"].as_str() {
            return Err(e.to_string());
        }
        out.push(Typed {
            query: q.to_string(),
            ms: v["ms"].as_f64().unwrap_or(f64::NAN),
            hits: v["hits"].as_u64().unwrap_or(0),
        });
    }
    Ok(out)
}

/// `runs` starts on `record` (with `env` added to the app's environment), the searches and
/// memory on the last.
pub fn run_record(
    tools: &Tools,
    label: &str,
    record: &Path,
    env: &[(&str, &str)],
    work: &Path,
    runs: usize,
) -> Result<RecordRun, String> {
    let profile = work.join(format!("profile-{label}"));
    let _ = fs::remove_dir_all(&profile);
    fs::create_dir_all(&profile).map_err(|e| e.to_string())?;
    let mut starts = Vec::new();
    for n in 1..=runs {
        let log = work.join(format!("tauri-driver-{label}-{n}.log"));
        let (app, start) = Running::start(tools, record, &profile, env, &log)?;
        println!(
            "desktop {label} start {n}: {:.0} ms (session reply {:.0} ms; app exec {}, navigation {}, DOMContentLoaded {})",
            start.total_ms,
            start.session_ms,
            opt_ms(start.exec_ms),
            opt_ms(start.navigation_ms),
            opt_ms(start.dom_ready_ms)
        );
        starts.push(start);
        if n < runs {
            app.close();
            continue;
        }
        let memory_started = app.memory();
        let typed = searches(app.session());
        let result = typed.map(|searches| {
            std::thread::sleep(Duration::from_secs(1));
            let memory_searched = app.memory();
            RecordRun {
                label: label.to_string(),
                starts: starts.clone(),
                memory_started,
                memory_searched,
                searches,
            }
        });
        app.close();
        return result;
    }
    Err("no runs".into())
}

fn opt_ms(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.0} ms"))
        .unwrap_or_else(|| "?".into())
}
