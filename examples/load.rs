//! The load benchmark: `cargo run --release --example load [-- SECONDS]`.
//!
//! Starts the release `api` binary on a fresh MariaDB database (the
//! machine's, or `TEST_MYSQL_URL`) with a local stand-in for Google
//! Translate and the translation cache off, drives each POST route with
//! wrk (32 connections, bodies rotating through realistic texts, see
//! `bench/load.lua`), prints req/s, p50, p99 and errors per route, and
//! checks that the table holds exactly one row per 201.
//!
//! Needs wrk (`apt-get install wrk`) and `cargo build --release -p api`
//! (or `TEXTPROC_BIN_DIR` pointing at release binaries).

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
    let Some(db) = TestDb::mysql("load").await else {
        eprintln!("no MariaDB: set TEST_MYSQL_URL");
        std::process::exit(2);
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
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/load.lua");

    println!(
        "load: {} for {seconds} s per route, {CONNECTIONS} connections, MariaDB, \
         translation through a local stand-in, cache off",
        api.display()
    );
    println!(
        "{:<16} {:>9} {:>9} {:>9} {:>9} {:>8} {:>8} {:>13}",
        "route", "req/s", "p50 ms", "p99 ms", "max ms", "201s", "errors", "api CPU/req"
    );
    let mut created = 0;
    for route in ROUTES {
        let cpu_before = cpu_seconds(server.pid());
        let output = Command::new("wrk")
            .args(["-t", &THREADS.to_string(), "-c", &CONNECTIONS.to_string()])
            .args(["-d", &format!("{seconds}s"), "-s", script])
            .arg(format!("{}/api/{route}", server.base))
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
        created += run.created;
        let cpu = cpu_seconds(server.pid()) - cpu_before;
        println!(
            "POST /api/{:<7} {:>9.0} {:>9.2} {:>9.2} {:>9.2} {:>8} {:>8} {:>10.0} µs",
            route,
            run.requests as f64 / run.seconds,
            run.p50_us as f64 / 1000.0,
            run.p99_us as f64 / 1000.0,
            run.max_us as f64 / 1000.0,
            run.created,
            run.not_created + run.socket_errors,
            cpu * 1e6 / run.requests.max(1) as f64,
        );
    }

    // wrk stops reading when its time is up; the requests then in flight
    // (at most one per connection) are still stored, unacknowledged.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    let conn = store::connect(&db.url).await.expect("connecting");
    let rows = store::record_count(&conn).await.expect("counting");
    let unread = u64::from(CONNECTIONS) * ROUTES.len() as u64;
    println!(
        "rows in the table: {rows}; 201s read by wrk: {created}; \
         answers wrk stopped before reading: {}",
        rows.saturating_sub(created)
    );
    drop(server);
    if rows < created || rows > created + unread {
        eprintln!(
            "MISMATCH: every 201 must be a row, and the only rows without a 201 read \
             are the last request of each connection (at most {unread})"
        );
        std::process::exit(1);
    }
}
