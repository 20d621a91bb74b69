//! A small blocking W3C WebDriver client over plain HTTP/1.1 (std only), enough for the desktop
//! figures of `make bench`: new session, find elements, displayed, click, clear, send keys,
//! execute (sync and async) and delete the session. It speaks to tauri-driver, as the e2e
//! tests' fantoccini does, without bringing an async runtime into the benchmark.

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// The key under which WebDriver returns an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

pub type Result<T> = std::result::Result<T, String>;

/// How a request that got no HTTP reply at all ends its error.
pub const NO_REPLY: &str = "no HTTP reply";

/// One HTTP request to 127.0.0.1:`port`; the reply's JSON `value`.
pub fn request(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<Value> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| format!("{e}"))?;
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .map_err(|e| e.to_string())?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\
         Content-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(body.as_bytes()))
        .map_err(|e| format!("{method} {path}: {e}"))?;
    let mut reply = Vec::new();
    stream
        .read_to_end(&mut reply)
        .map_err(|e| format!("{method} {path}: {e}"))?;
    let split = reply
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| format!("{method} {path}: {NO_REPLY}"))?;
    let head = String::from_utf8_lossy(&reply[..split]).to_ascii_lowercase();
    let mut payload = reply[split + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        payload = unchunk(&payload);
    }
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let v: Value = serde_json::from_slice(&payload).map_err(|e| {
        format!(
            "{method} {path}: HTTP {status}, not JSON ({e}): {}",
            String::from_utf8_lossy(&payload)
        )
    })?;
    if !(200..300).contains(&status) {
        return Err(format!(
            "{method} {path}: HTTP {status}: {} {}",
            v["value"]["error"].as_str().unwrap_or(""),
            v["value"]["message"].as_str().unwrap_or("")
        ));
    }
    Ok(v["value"].clone())
}

fn unchunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&b[..eol])
            .ok()
            .and_then(|s| usize::from_str_radix(s.split(';').next().unwrap_or("").trim(), 16).ok())
            .unwrap_or(0);
        if size == 0 || eol + 2 + size > b.len() {
            break;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[(eol + 4 + size).min(b.len())..];
    }
    out
}

/// A WebDriver session: the window of one app process.
pub struct Session {
    port: u16,
    id: String,
}

impl Session {
    /// POST /session with these capabilities (this starts the app under tauri-driver).
    pub fn new(port: u16, capabilities: Value) -> Result<Session> {
        let v = request(
            port,
            "POST",
            "/session",
            Some(&json!({ "capabilities": { "alwaysMatch": capabilities } })),
        )?;
        let id = v["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no sessionId in {v}"))?
            .to_string();
        Ok(Session { port, id })
    }

    /// One command of this session. tauri-driver forwards it over a pooled connection to
    /// WebKitWebDriver, which may have closed that connection; the command then comes back as
    /// no reply at all, and is sent again.
    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value> {
        let path = format!("/session/{}{path}", self.id);
        let mut tries = 0;
        loop {
            match request(self.port, method, &path, body) {
                Err(e) if e.ends_with(NO_REPLY) && tries < 5 => {
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(20));
                }
                r => return r,
            }
        }
    }

    /// The elements matching a CSS selector now (no waiting).
    pub fn find_all(&self, css: &str) -> Result<Vec<String>> {
        let v = self.call(
            "POST",
            "/elements",
            Some(&json!({ "using": "css selector", "value": css })),
        )?;
        Ok(v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e[ELEMENT].as_str().map(str::to_string))
            .collect())
    }

    pub fn displayed(&self, el: &str) -> Result<bool> {
        Ok(self
            .call("GET", &format!("/element/{el}/displayed"), None)?
            .as_bool()
            .unwrap_or(false))
    }

    pub fn click(&self, el: &str) -> Result<()> {
        self.call("POST", &format!("/element/{el}/click"), Some(&json!({})))
            .map(drop)
    }

    pub fn send_keys(&self, el: &str, text: &str) -> Result<()> {
        self.call(
            "POST",
            &format!("/element/{el}/value"),
            Some(&json!({ "text": text })),
        )
        .map(drop)
    }

    pub fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.call(
            "POST",
            "/execute/sync",
            Some(&json!({ "script": script, "args": args })),
        )
    }

    /// A script that calls its last argument with the result.
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.call(
            "POST",
            "/execute/async",
            Some(&json!({ "script": script, "args": args })),
        )
    }

    /// An element reference as a script argument.
    pub fn arg(el: &str) -> Value {
        json!({ ELEMENT: el })
    }

    /// Polls until an element matching `css` is present and displayed; its reference.
    pub fn wait_displayed(&self, css: &str, timeout: Duration) -> Result<String> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            for el in self.find_all(css)? {
                if self.displayed(&el).unwrap_or(false) {
                    return Ok(el);
                }
            }
            if std::time::Instant::now() > deadline {
                return Err(format!("{css} not displayed within {timeout:?}"));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// DELETE the session (closes the window and the app).
    pub fn close(self) -> Result<()> {
        self.call("DELETE", "", None).map(drop)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn unchunks() {
        assert_eq!(
            super::unchunk(b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"),
            b"abcde"
        );
    }
}
