//! Start-up and memory of the api as a process: the time from spawning it
//! to its first 200 on /api/health, and its resident memory after warm-up
//! (100 spelling and 100 spacing requests).
//!
//!     cargo build --release -p api --bin api
//!     cargo run --release -p api --example startup -- target/release/api

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 5;

fn main() {
    let binary = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/release/api".to_owned());
    let mut ready = Vec::new();
    let mut resident = Vec::new();
    for _ in 0..RUNS {
        let (took, mib) = run(&binary).unwrap_or_else(|e| {
            eprintln!("startup: {e}");
            std::process::exit(1);
        });
        ready.push(took.as_secs_f64());
        resident.push(mib);
    }
    ready.sort_by(f64::total_cmp);
    resident.sort_by(f64::total_cmp);
    println!(
        "api ready (process start to first 200 on /api/health), {RUNS} runs: \
         min {:.3} s, median {:.3} s, max {:.3} s",
        ready[0],
        ready[RUNS / 2],
        ready[RUNS - 1]
    );
    println!(
        "api resident memory after warm-up: median {:.1} MiB, max {:.1} MiB",
        resident[RUNS / 2],
        resident[RUNS - 1]
    );
}

/// One start: how long until ready, and the memory after warm-up.
fn run(binary: &str) -> Result<(Duration, f64), String> {
    let dir = std::env::temp_dir().join(format!("textproc-startup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let db = dir.join("startup.db");
    let _ = std::fs::remove_file(&db);
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let started = Instant::now();
    let child = Command::new(binary)
        .env(
            "DATABASE_URL",
            format!("sqlite://{}?mode=rwc", db.display()),
        )
        .env("ROCKET_PORT", port.to_string())
        .env("TEXTPROC_LOG", "off")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{binary}: {e}"))?;
    let mut child = Killed(child);
    loop {
        if let Ok(answer) = request(port, "GET", "/api/health", "") {
            if answer.starts_with("HTTP/1.1 200") {
                break;
            }
        }
        if started.elapsed() > Duration::from_secs(30) {
            return Err("not ready after 30 s".to_owned());
        }
        if let Ok(Some(status)) = child.0.try_wait() {
            return Err(format!("the api exited: {status}"));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let took = started.elapsed();
    for i in 0..100 {
        for path in ["/api/spell", "/api/space"] {
            let body = format!(
                r#"{{"id":"warm{i}","text":"Teh quikc brown fox jumpd over thelazy dog {i}"}}"#
            );
            let answer = request(port, "POST", path, &body).map_err(|e| e.to_string())?;
            if !answer.starts_with("HTTP/1.1 201") {
                return Err(format!("{path}: {}", answer.lines().next().unwrap_or("")));
            }
        }
    }
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.0.id()))
        .map_err(|e| e.to_string())?;
    let mib = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map(|kib| kib / 1024.0)
            .ok_or(format!("no {key} in /proc/PID/status"))
    };
    let (total, anon, file) = (mib("VmRSS:")?, mib("RssAnon:")?, mib("RssFile:")?);
    eprintln!(
        "  ready in {took:.3?}; resident {total:.1} MiB ({anon:.1} heap, {file:.1} mapped files)"
    );
    drop(child);
    let _ = std::fs::remove_dir_all(&dir);
    Ok((took, total))
}

/// The api process, killed when dropped (also on an early return).
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One HTTP/1.1 request on its own connection; the whole answer.
fn request(port: u16, method: &str, path: &str, body: &str) -> std::io::Result<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer)?;
    Ok(answer)
}
