//! The load benchmark: `cargo run --release --example load [-- SECONDS]`.
//!
//! Starts the release `api` binary on a fresh MariaDB database (the
//! machine's, or `TEST_MYSQL_URL`), or with `LOAD_DATABASE=sqlite` on a
//! fresh SQLite file as `cargo run` keeps records, with a local stand-in for Google
//! Translate and the translation cache off, drives each POST route with
//! wrk (32 connections, bodies rotating through realistic texts, see
//! `bench/load.lua`), prints req/s, p50, p99 and errors per route, and
//! checks that the table holds exactly one row per 201.
//!
//! Needs wrk (`apt-get install wrk`) and `cargo build --release -p api`
//! (or `TEXTPROC_BIN_DIR` pointing at release binaries).
//!
//! With `ORIGINAL_PYTHON` naming a Python that has
//! `bench/original/requirements.txt` installed, it then drives the original
//! design (Flask, gunicorn, symspellpy: `bench/original/app.py`) the same
//! way on a database of its own, and prints each route's ratio.

use std::process::Command;

use testkit::fake_backends::{FakeBackend, GOOD_KEY};
use testkit::{ServiceProcess, TestDb};

const CONNECTIONS: u32 = 32;
const THREADS: u32 = 2;
const ROUTES: [&str; 3] = ["spell", "space", "translate"];

/// What `bench/load.lua` prints for one run.
#[derive(serde::Deserialize)]
struct Run {
    requests: u64,
    seconds: f64,
    created: u64,
    not_created: u64,
    socket_errors: u64,
    p50_us: u64,
    p99_us: u64,
    max_us: u64,
}

impl Run {
    /// Requests a second.
    fn rate(&self) -> f64 {
        self.requests as f64 / self.seconds
    }
}

/// CPU time the process has used so far (user and system), in seconds,
/// from `/proc/PID/stat` (fields 14 and 15, in clock ticks of 1/100 s).
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("reading /proc");
    // The command name may hold spaces; the fields after its ')' do not.
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    ticks as f64 / 100.0
}

#[tokio::main]
async fn main() {
    let seconds: u32 = match std::env::args().nth(1) {
        Some(arg) => arg.parse().expect("usage: load [SECONDS]"),
        None => 15,
    };
    let api = testkit::release_binary("api");
    let sqlite = std::env::var("LOAD_DATABASE").as_deref() == Ok("sqlite");
    let db = if sqlite {
        TestDb::sqlite()
    } else {
        let Some(db) = TestDb::mysql("load").await else {
            eprintln!("no MariaDB: set TEST_MYSQL_URL");
            std::process::exit(2);
        };
        db
    };
    let google = FakeBackend::start(Vec::new()).await;
    let server = ServiceProcess::start(
        &api.display().to_string(),
        &[
            ("DATABASE_URL", db.url.as_str()),
            ("GOOGLE_TRANSLATE_API_KEY", GOOD_KEY),
            ("GOOGLE_TRANSLATE_URL", google.server.base.as_str()),
            ("TRANSLATE_CACHE_SECS", "0"),
        ],
        "/api/health",
    )
    .await;

    println!(
        "load: {} for {seconds} s per route, {CONNECTIONS} connections, {}, \
         translation through a local stand-in, cache off",
        api.display(),
        if sqlite { "SQLite" } else { "MariaDB" },
    );
    let ours = drive(&server.base, Some(server.pid()), seconds);
    check_rows(&db.url, &ours).await;
    drop(server);

    // The original design, in the same run, when a Python with its stack
    // is named (bench/original/requirements.txt); it stores in MariaDB.
    let Some(python) = std::env::var_os("ORIGINAL_PYTHON").filter(|_| !sqlite) else {
        return;
    };
    let Some(original_db) = TestDb::mysql("load_original").await else {
        return;
    };
    store::migrate(&original_db.url)
        .await
        .expect("the same table for the original");
    let original = Original::start(&python, &original_db.url, &google.server.base).await;
    println!("the original design (bench/original: Flask, gunicorn with 4 workers, symspellpy, PyMySQL):");
    let theirs = drive(&original.base, None, seconds);
    check_rows(&original_db.url, &theirs).await;
    drop(original);
    println!(
        "{:<16} {:>14} {:>14} {:>7} {:>12} {:>12}",
        "route", "textproc req/s", "original req/s", "ratio", "textproc p99", "original p99"
    );
    for ((route, ours), (_, theirs)) in ours.iter().zip(&theirs) {
        println!(
            "POST /api/{:<7} {:>14.0} {:>14.0} {:>6.1}x {:>9.2} ms {:>9.2} ms",
            route,
            ours.rate(),
            theirs.rate(),
            ours.rate() / theirs.rate().max(f64::MIN_POSITIVE),
            ours.p99_us as f64 / 1000.0,
            theirs.p99_us as f64 / 1000.0,
        );
    }
}

/// Drives each route of the server at `base` with wrk and prints a line a
/// route; with `pid`, also the server's CPU time per request.
fn drive(base: &str, pid: Option<u32>, seconds: u32) -> Vec<(&'static str, Run)> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/load.lua");
    println!(
        "{:<16} {:>9} {:>9} {:>9} {:>9} {:>8} {:>8} {:>13}",
        "route", "req/s", "p50 ms", "p99 ms", "max ms", "201s", "errors", "CPU/req"
    );
    let mut runs = Vec::new();
    for route in ROUTES {
        let cpu_before = pid.map(cpu_seconds);
        let output = Command::new("wrk")
            .args(["-t", &THREADS.to_string(), "-c", &CONNECTIONS.to_string()])
            .args(["-d", &format!("{seconds}s"), "-s", script])
            .arg(format!("{base}/api/{route}"))
            .args(["--", route])
            .output()
            .expect("running wrk (apt-get install wrk)");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let Some(line) = stdout.lines().find_map(|l| l.strip_prefix("LOAD ")) else {
            panic!(
                "wrk printed no figures:\n{stdout}{}",
                String::from_utf8_lossy(&output.stderr)
            );
        };
        let run: Run = serde_json::from_str(line).expect("the script's figures");
        let cpu = match (pid, cpu_before) {
            (Some(pid), Some(before)) => format!(
                "{:.0} µs",
                (cpu_seconds(pid) - before) * 1e6 / run.requests.max(1) as f64
            ),
            _ => "-".to_owned(),
        };
        println!(
            "POST /api/{:<7} {:>9.0} {:>9.2} {:>9.2} {:>9.2} {:>8} {:>8} {:>13}",
            route,
            run.rate(),
            run.p50_us as f64 / 1000.0,
            run.p99_us as f64 / 1000.0,
            run.max_us as f64 / 1000.0,
            run.created,
            run.not_created + run.socket_errors,
            cpu,
        );
        runs.push((route, run));
    }
    runs
}

/// Every 201 must be a row, and the only rows without a 201 read are the
/// last request of each connection, which wrk stops reading when its time
/// is up (still stored, unacknowledged); exits 1 otherwise.
async fn check_rows(url: &str, runs: &[(&str, Run)]) {
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    let created: u64 = runs.iter().map(|(_, run)| run.created).sum();
    let conn = store::connect(url).await.expect("connecting");
    let rows = store::record_count(&conn).await.expect("counting");
    let unread = u64::from(CONNECTIONS) * ROUTES.len() as u64;
    println!(
        "rows in the table: {rows}; 201s read by wrk: {created}; \
         answers wrk stopped before reading: {}",
        rows.saturating_sub(created)
    );
    if rows < created || rows > created + unread {
        eprintln!(
            "MISMATCH: every 201 must be a row, and the only rows without a 201 read \
             are the last request of each connection (at most {unread})"
        );
        std::process::exit(1);
    }
}

/// The original design under gunicorn, on `db_url`'s database.
struct Original {
    child: std::process::Child,
    base: String,
}

impl Original {
    async fn start(python: &std::ffi::OsStr, db_url: &str, google: &str) -> Original {
        let url = reqwest::Url::parse(db_url).expect("a database URL");
        let port = testkit::free_port();
        let child = Command::new(python)
            .args([
                "-m",
                "gunicorn",
                "--workers",
                "4",
                "--preload",
                "--log-level",
                "warning",
            ])
            .args(["--bind", &format!("127.0.0.1:{port}")])
            .args([
                "--chdir",
                concat!(env!("CARGO_MANIFEST_DIR"), "/bench/original"),
            ])
            .arg("app:app")
            .env("DB_HOST", url.host_str().unwrap_or("127.0.0.1"))
            .env("DB_PORT", url.port().unwrap_or(3306).to_string())
            .env("DB_USER", url.username())
            .env("DB_PASSWORD", url.password().unwrap_or(""))
            .env("DB_NAME", url.path().trim_start_matches('/'))
            .env("GOOGLE_TRANSLATE_URL", google)
            .env("GOOGLE_TRANSLATE_API_KEY", GOOD_KEY)
            .spawn()
            .expect("starting gunicorn (pip install -r bench/original/requirements.txt)");
        let original = Original {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        for _ in 0..600 {
            if let Ok(answer) = reqwest::get(format!("{}/api/health", original.base)).await {
                if answer.status() == 200 {
                    return original;
                }
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("the original design did not answer /api/health within 60 s");
    }
}

impl Drop for Original {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
