//! The home page's benchmark at size:
//! `cargo run --release --example home_load -- DATABASE_URL [SECONDS]`,
//! after `cargo run --release --example seed -- DATABASE_URL` has filled
//! the database (a million records) and `cargo build --release -p home`.
//!
//! Starts the release `home` binary on that database and drives, with wrk
//! (32 connections), the plain page, a filtered page, a tag, a search and
//! record pages (each request picks one of many paths, `bench/pages.lua`),
//! printing req/s, p50 and p99; then downloads the whole CSV export,
//! printing rows/s and home's peak memory.

use std::process::Command;
use std::time::Instant;

use testkit::ServiceProcess;

const CONNECTIONS: u32 = 32;
const THREADS: u32 = 2;

/// Searches of the seeded texts (`examples/seed.rs`, English by its real
/// word frequencies): a common word (`time`, in some 3 % of records),
/// middling ones (`library`, 0.5 %; `wonderful`, 0.1 %), pairs that rarely
/// meet, and a word in no record.
const SEARCHES: [&str; 6] = [
    "time",
    "library",
    "wonderful",
    "committee+budget",
    "morning+weather",
    "zakopane",
];

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let Some(url) = args.next() else {
        eprintln!("usage: home_load DATABASE_URL [SECONDS]");
        std::process::exit(2);
    };
    let seconds: u32 = args.next().map_or(10, |s| s.parse().expect("SECONDS"));
    let home = testkit::release_binary("home");
    let db = store::connect(&url).await.expect("connecting");
    let newest = store::newest_id(&db)
        .await
        .expect("reading the newest id")
        .unwrap_or_else(|| {
            eprintln!("the database is empty: run the seed example first");
            std::process::exit(2);
        });
    let server = ServiceProcess::start(
        &home.display().to_string(),
        &[("DATABASE_URL", url.as_str())],
        "/healthz",
    )
    .await;

    let step = (newest / 500).max(1);
    let records: Vec<String> = (0..500)
        .map(|n| format!("/records/{}", 1 + n * step))
        .collect();
    let runs: [(&str, Vec<String>); 7] = [
        ("/", vec!["/".to_owned()]),
        ("/?op=space", vec!["/?op=space".to_owned()]),
        (
            "/?tag=…",
            ["alice7", "bob42", "carol3", "dave99", "erin0", "grace50"]
                .map(|t| format!("/?tag={t}"))
                .to_vec(),
        ),
        (
            "/?q=… (search)",
            SEARCHES.map(|q| format!("/?q={q}")).to_vec(),
        ),
        (
            "/?q=…&op=spell",
            SEARCHES.map(|q| format!("/?q={q}&op=spell")).to_vec(),
        ),
        (
            "/?op=…&before=… (deep)",
            (1..=9)
                .flat_map(|tenth| {
                    ["spell", "space", "translate"]
                        .map(|op| format!("/?op={op}&before={}", newest * tenth / 10))
                })
                .collect(),
        ),
        ("/records/<id>", records),
    ];
    println!(
        "home_load: {} on {} ({newest} records), {seconds} s a row, {CONNECTIONS} connections",
        home.display(),
        store::redact_url(&url)
    );
    println!(
        "{:<24} {:>8} {:>9} {:>9} {:>8} {:>7}",
        "page", "req/s", "p50 ms", "p99 ms", "paths", "errors"
    );
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/pages.lua");
    for (name, paths) in runs {
        let output = Command::new("wrk")
            .args(["-t", &THREADS.to_string(), "-c", &CONNECTIONS.to_string()])
            .args(["-d", &format!("{seconds}s"), "--latency", "-s", script])
            .arg(&server.base)
            .arg("--")
            .args(&paths)
            .output()
            .expect("running wrk (apt-get install wrk)");
        let text = String::from_utf8_lossy(&output.stdout);
        let figure = |label: &str| {
            text.lines()
                .find_map(|l| {
                    l.trim()
                        .strip_prefix(label)
                        .map(str::trim)
                        .map(str::to_owned)
                })
                .unwrap_or_else(|| panic!("wrk printed no {label:?}:\n{text}"))
        };
        let errors = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("Non-2xx or 3xx responses:"))
            .map_or(0, |n| n.trim().parse::<u64>().unwrap_or(0));
        println!(
            "{:<24} {:>8.0} {:>9.2} {:>9.2} {:>8} {:>7}",
            name,
            figure("Requests/sec:").parse::<f64>().unwrap_or(0.0),
            millis(&figure("50%")),
            millis(&figure("99%")),
            paths.len(),
            errors,
        );
    }

    // The export: the whole table once, its rows counted as they arrive.
    let started = Instant::now();
    let mut response = reqwest::get(format!("{}/records.csv", server.base))
        .await
        .expect("GET /records.csv");
    let mut first_byte = None;
    let mut lines = 0u64;
    while let Some(chunk) = response.chunk().await.expect("reading the CSV") {
        first_byte.get_or_insert_with(|| started.elapsed());
        lines += chunk.iter().filter(|&&b| b == b'\n').count() as u64;
    }
    let took = started.elapsed();
    // Texts hold no newlines here (the seed writes none): lines are rows.
    let rows = lines.saturating_sub(1);
    println!(
        "/records.csv: {rows} rows in {:.1} s ({:.0} rows/s), first byte after {:.0} ms, \
         home's peak RSS {:.1} MB",
        took.as_secs_f64(),
        rows as f64 / took.as_secs_f64(),
        first_byte.unwrap_or_default().as_secs_f64() * 1000.0,
        peak_rss_kb(server.pid()) as f64 / 1024.0,
    );
}

/// `1.23ms`, `456.00us` or `1.50s`, as wrk prints them, in milliseconds.
fn millis(figure: &str) -> f64 {
    let split = figure
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(figure.len());
    let value: f64 = figure[..split].parse().unwrap_or(f64::NAN);
    match &figure[split..] {
        "us" => value / 1000.0,
        "ms" => value,
        "s" => value * 1000.0,
        "m" => value * 60_000.0,
        _ => f64::NAN,
    }
}

/// The process's peak resident memory (`VmHWM`), in KiB.
fn peak_rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status.lines().find_map(|l| {
                l.strip_prefix("VmHWM:")
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            })
        })
        .unwrap_or(0)
}
