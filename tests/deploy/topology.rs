//! The production topology with processes: the `api` and `home` binaries
//! on MariaDB, behind nginx routing like the ALB.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::json;
use testkit::fake_backends::{FakeBackend, Reply, GOOD_KEY};
use testkit::{ServiceProcess, TestDb};

use crate::nginx::Nginx;
use crate::routing::{assert_routes_like_the_alb, client};

/// A binary of the workspace: from `TEXTPROC_BIN_DIR` (CI points it at the
/// release build), else beside this test (`cargo test --workspace` builds
/// the api's and home's binaries there).
pub fn binary(name: &str) -> String {
    let dir = match std::env::var_os("TEXTPROC_BIN_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => {
            let test = std::env::current_exe().unwrap();
            // target/<profile>/deps/deploy-HASH -> target/<profile>
            test.parent()
                .and_then(|deps| deps.parent())
                .unwrap()
                .to_owned()
        }
    };
    let path = dir.join(name);
    assert!(
        path.exists(),
        "{} is missing: run `cargo build -p api -p home` (or `cargo test --workspace`), \
         or point TEXTPROC_BIN_DIR at the binaries",
        path.display()
    );
    path.display().to_string()
}

/// `http://127.0.0.1:PORT` -> `127.0.0.1:PORT`, as nginx names an upstream.
fn upstream(base: &str) -> &str {
    base.trim_start_matches("http://")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binaries_behind_nginx_route_like_the_alb() {
    let Some(db) = TestDb::mysql("topology_routing").await else {
        return;
    };
    let env = [("DATABASE_URL", db.url.as_str())];
    // The api first: it migrates; home's health needs the table.
    let api = ServiceProcess::start(&binary("api"), &env, "/api/health").await;
    let home = ServiceProcess::start(&binary("home"), &env, "/healthz").await;
    let Some(nginx) = Nginx::start(upstream(&api.base), upstream(&home.base)) else {
        return;
    };
    assert_routes_like_the_alb(&nginx.base).await;
}

/// As ECS stops a task on a deploy: SIGTERM while requests are inside the
/// api. Each of them is answered and stored; the process exits cleanly.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_to_the_api_fails_none_of_the_requests_in_flight() {
    let Some(db) = TestDb::mysql("topology_sigterm").await else {
        return;
    };
    const IN_FLIGHT: usize = 8;
    // Each translation takes a second at the backend: long enough to be
    // caught in flight, shorter than Rocket's 2 s grace period.
    let google = FakeBackend::start(vec![Reply::Slow(Duration::from_secs(1)); IN_FLIGHT]).await;
    let api = ServiceProcess::start(
        &binary("api"),
        &[
            ("DATABASE_URL", db.url.as_str()),
            ("GOOGLE_TRANSLATE_API_KEY", GOOD_KEY),
            ("GOOGLE_TRANSLATE_URL", google.server.base.as_str()),
            ("TRANSLATE_CACHE_SECS", "0"),
        ],
        "/api/health",
    )
    .await;
    let home = ServiceProcess::start(
        &binary("home"),
        &[("DATABASE_URL", db.url.as_str())],
        "/healthz",
    )
    .await;
    let Some(nginx) = Nginx::start(upstream(&api.base), upstream(&home.base)) else {
        return;
    };

    let requests: Vec<_> = (0..IN_FLIGHT)
        .map(|i| {
            let url = format!("{}/api/translate", nginx.base);
            tokio::spawn(async move {
                client()
                    .post(url)
                    .json(&json!({"id": format!("in-flight-{i}"), "text": format!("Bonjour {i}")}))
                    .send()
                    .await
            })
        })
        .collect();
    // Every request has reached the backend, so each is inside the api.
    let deadline = Instant::now() + Duration::from_secs(10);
    while google.calls().len() < IN_FLIGHT {
        assert!(
            Instant::now() < deadline,
            "only {} calls reached the backend",
            google.calls().len()
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let stopped = tokio::task::spawn_blocking(move || api.terminate());

    for request in requests {
        let response = request
            .await
            .unwrap()
            .expect("an answer, not a dropped connection");
        assert_eq!(response.status(), 201, "{:?}", response.text().await);
    }
    let (status, took) = stopped.await.unwrap();
    assert!(status.success(), "exit status after SIGTERM: {status}");
    assert!(took < Duration::from_secs(10), "took {took:?} to stop");

    let conn = store::connect(&db.url).await.unwrap();
    assert_eq!(store::record_count(&conn).await.unwrap(), IN_FLIGHT as u64);
}

/// Both binaries, on every kind of answer (page, JSON, asset, 201, 404,
/// error page): the security headers, and no `Server` banner.
#[tokio::test]
async fn both_binaries_send_the_security_headers_and_no_server_banner() {
    let db = TestDb::sqlite();
    let env = [("DATABASE_URL", db.url.as_str())];
    let api = ServiceProcess::start(&binary("api"), &env, "/api/health").await;
    let home = ServiceProcess::start(&binary("home"), &env, "/healthz").await;
    assert!(!service::CONTENT_SECURITY_POLICY.contains("unsafe-inline"));

    let http = client();
    let answers = vec![
        ("home /", http.get(format!("{}/", home.base))),
        ("home /healthz", http.get(format!("{}/healthz", home.base))),
        (
            "home stylesheet",
            http.get(format!("{}/static/style.css", home.base)),
        ),
        ("home 404", http.get(format!("{}/nope", home.base))),
        ("api health", http.get(format!("{}/api/health", api.base))),
        ("api 404", http.get(format!("{}/api/nope", api.base))),
        (
            "api 201",
            http.post(format!("{}/api/spell", api.base))
                .json(&json!({"text": "helo"})),
        ),
        (
            "api error page",
            http.post(format!("{}/api/spell", api.base))
                .header("accept", testkit::BROWSER_ACCEPT)
                .form(&[("text", " ")]),
        ),
    ];
    for (what, request) in answers {
        let response = request.send().await.unwrap();
        let headers = response.headers();
        let header = |name: &str| headers.get(name).map(|v| v.to_str().unwrap().to_owned());
        assert_eq!(
            header("content-security-policy").as_deref(),
            Some(service::CONTENT_SECURITY_POLICY),
            "{what}"
        );
        assert_eq!(
            header("referrer-policy").as_deref(),
            Some("same-origin"),
            "{what}"
        );
        assert_eq!(
            header("x-content-type-options").as_deref(),
            Some("nosniff"),
            "{what}"
        );
        assert_eq!(header("x-frame-options").as_deref(), Some("DENY"), "{what}");
        assert!(
            headers.get("server").is_none(),
            "{what}: {:?}",
            headers.get("server")
        );
    }
}

/// Slowloris through the front: clients that send half a header, or a
/// body shorter than they announced, are dropped by nginx within its
/// timeouts (10 s), and the services stay healthy meanwhile.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_are_dropped_by_the_front_and_health_stays_green() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let db = TestDb::sqlite();
    let env = [("DATABASE_URL", db.url.as_str())];
    let api = ServiceProcess::start(&binary("api"), &env, "/api/health").await;
    let home = ServiceProcess::start(&binary("home"), &env, "/healthz").await;
    let Some(nginx) = Nginx::start(upstream(&api.base), upstream(&home.base)) else {
        return;
    };
    let address = nginx.base.trim_start_matches("http://").to_owned();

    const SLOW: usize = 200;
    let started = Instant::now();
    let mut slow = Vec::new();
    for i in 0..SLOW {
        let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
        let half: &[u8] = if i % 2 == 0 {
            b"GET /api/health HTTP/1.1\r\nHost: slow\r\nX-Wait: "
        } else {
            b"POST /api/spell HTTP/1.1\r\nHost: slow\r\nContent-Type: application/json\r\n\
              Content-Length: 100\r\n\r\n{\"text\": \"he"
        };
        stream.write_all(half).await.unwrap();
        slow.push(tokio::spawn(async move {
            // Whatever nginx says (408, or nothing), it must close.
            let mut answer = Vec::new();
            let _ = stream.read_to_end(&mut answer).await;
            (
                started.elapsed(),
                String::from_utf8_lossy(&answer).into_owned(),
            )
        }));
    }

    for path in ["/api/health", "/healthz"] {
        let health = client()
            .get(format!("{}{path}", nginx.base))
            .send()
            .await
            .unwrap();
        assert_eq!(health.status(), 200, "{path} with {SLOW} slow clients open");
    }

    for connection in slow {
        let (closed_after, answer) = tokio::time::timeout(Duration::from_secs(20), connection)
            .await
            .expect("nginx closes every slow connection within 20 s")
            .unwrap();
        assert!(
            closed_after < Duration::from_secs(15),
            "closed after {closed_after:?}"
        );
        assert!(
            !answer.contains("201"),
            "a half-sent body is never processed: {answer}"
        );
    }
    let conn = store::connect(&db.url).await.unwrap();
    assert_eq!(store::record_count(&conn).await.unwrap(), 0);
    let health = client()
        .get(format!("{}/api/health", nginx.base))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
}
