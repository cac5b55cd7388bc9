//! A real browser on the home page: headless Chromium driven through
//! chromedriver's W3C WebDriver protocol (plain JSON over HTTP).
//!
//! Without chromedriver the test says so loudly and returns, unless
//! `TEST_BROWSER_REQUIRED` is set (CI sets it), when it fails.

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use testkit::TestDb;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
/// The key W3C WebDriver uses for an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

struct Browser {
    driver: Child,
    http: reqwest::Client,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    async fn start() -> Option<Browser> {
        if !std::path::Path::new(CHROMEDRIVER).exists() {
            assert!(
                std::env::var_os("TEST_BROWSER_REQUIRED").is_none(),
                "{CHROMEDRIVER} is missing: apt-get install -y chromium chromium-driver"
            );
            let _ = writeln!(
                std::io::stderr(),
                "\n*** BROWSER TEST NOT RUN: {CHROMEDRIVER} is missing \
                 (apt-get install -y chromium chromium-driver) ***\n"
            );
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starting chromedriver");
        let profile = tempfile::tempdir().unwrap();
        let mut browser = Browser {
            driver,
            http: reqwest::Client::new(),
            session: format!("http://127.0.0.1:{port}"),
            _profile: profile,
        };
        browser.wait_for_driver().await;
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1280,900",
                    format!("--user-data-dir={}", browser._profile.path().display()),
                ],
            },
        }}});
        let created = browser.call("POST", "/session", capabilities).await;
        let id = created["sessionId"]
            .as_str()
            .expect("a WebDriver session")
            .to_owned();
        browser.session = format!("{}/session/{id}", browser.session);
        Some(browser)
    }

    async fn wait_for_driver(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(response) = self
                .http
                .get(format!("{}/status", self.session))
                .send()
                .await
            {
                if response.status().is_success() {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("chromedriver did not answer within 20 s");
    }

    /// One WebDriver command; its `value`, or a panic with the driver's error.
    async fn call(&self, method: &str, path: &str, body: Value) -> Value {
        let url = format!("{}{path}", self.session);
        let request = match method {
            "GET" => self.http.get(url),
            "DELETE" => self.http.delete(url),
            _ => self.http.post(url).json(&body),
        };
        let response: Value = request
            .send()
            .await
            .expect("WebDriver request")
            .json()
            .await
            .expect("WebDriver JSON");
        if response["value"]["error"].is_string() {
            panic!("WebDriver {method} {path}: {}", response["value"]);
        }
        response["value"].clone()
    }

    async fn goto(&self, url: &str) {
        self.call("POST", "/url", json!({ "url": url })).await;
    }

    async fn find(&self, css: &str) -> String {
        let found = self
            .call(
                "POST",
                "/element",
                json!({"using": "css selector", "value": css}),
            )
            .await;
        found[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {found}"))
            .to_owned()
    }

    async fn type_into(&self, css: &str, text: &str) {
        let element = self.find(css).await;
        self.call(
            "POST",
            &format!("/element/{element}/value"),
            json!({ "text": text }),
        )
        .await;
    }

    async fn click(&self, css: &str) {
        let element = self.find(css).await;
        self.call("POST", &format!("/element/{element}/click"), json!({}))
            .await;
    }

    async fn script(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            json!({ "script": script, "args": [] }),
        )
        .await
    }

    /// Waits until `script` returns something truthy, for a page to load.
    async fn wait_until(&self, script: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let value = self.script(script).await;
            if !(value.is_null() || value == false || value == "") {
                return value;
            }
            assert!(Instant::now() < deadline, "timed out waiting for: {script}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Saves a screenshot (base64 PNG) where `TEST_SCREENSHOT_DIR` says, for
    /// a person to look at; does nothing otherwise.
    async fn screenshot(&self, name: &str) {
        if let Some(dir) = std::env::var_os("TEST_SCREENSHOT_DIR") {
            let png = self.call("GET", "/screenshot", Value::Null).await;
            let path = std::path::Path::new(&dir).join(format!("{name}.png.b64"));
            std::fs::write(path, png.as_str().unwrap_or_default()).unwrap();
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

#[tokio::test]
async fn a_person_corrects_text_in_the_browser_and_sees_the_new_row() {
    let db = TestDb::sqlite();
    let server = crate::serve(&db).await;
    let Some(browser) = Browser::start().await else {
        return;
    };

    browser.goto(&server.url("/")).await;
    assert_eq!(browser.script("return document.title").await, "textproc");
    browser.type_into("#spell-id", "in-the-browser").await;
    browser.type_into("#spell-text", "speling is esy").await;
    browser.click("#form-spell button[type=submit]").await;

    // After the 303, the browser is back on the home page with the new row.
    let processed = browser
        .wait_until("const cell = document.querySelector('#records tbody tr td.processed'); return cell && cell.textContent")
        .await;
    assert_eq!(processed, "spelling is easy");
    let tag = browser
        .script("return document.querySelector('#records tbody tr .tag-id').textContent")
        .await;
    assert_eq!(tag, "in-the-browser");
    assert_eq!(browser.script("return location.pathname").await, "/");
    let notice = browser
        .script("return document.querySelector('#flash').textContent")
        .await;
    assert!(
        notice.as_str().unwrap().contains("stored as record"),
        "{notice}"
    );
    browser.screenshot("after-spell").await;

    // Reloading the page shows the row again but does not post it again.
    browser.call("POST", "/refresh", json!({})).await;
    browser
        .wait_until("return document.readyState === 'complete'")
        .await;
    let conn = store::connect(&db.url).await.unwrap();
    assert_eq!(store::record_count(&conn).await.unwrap(), 1);
    let notice = browser
        .script("return document.querySelector('#flash')")
        .await;
    assert!(notice.is_null(), "the notice shows once");
}

#[tokio::test]
async fn markup_typed_into_a_form_is_shown_and_never_run() {
    let db = TestDb::sqlite();
    let server = crate::serve(&db).await;
    let Some(browser) = Browser::start().await else {
        return;
    };
    let attack =
        "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";

    browser.goto(&server.url("/")).await;
    browser.type_into("#space-text", attack).await;
    browser.click("#form-space button[type=submit]").await;

    let original = browser
        .wait_until("const cell = document.querySelector('#records tbody tr td.original'); return cell && cell.textContent")
        .await;
    assert_eq!(original, attack);
    assert_eq!(browser.script("return document.title").await, "textproc");
    let injected = browser
        .script("return document.querySelectorAll('#records img, #records script').length")
        .await;
    assert_eq!(injected, 0);
}

#[tokio::test]
async fn without_a_translation_backend_the_form_says_so_before_anyone_types() {
    let db = TestDb::sqlite();
    let server = crate::serve(&db).await;
    let Some(browser) = Browser::start().await else {
        return;
    };

    browser.goto(&server.url("/")).await;

    let shown = browser
        .wait_until("const n = document.getElementById('translate-unavailable'); return n && !n.hidden && n.textContent")
        .await;
    assert!(shown.as_str().unwrap().contains("not available"), "{shown}");
    let disabled = browser
        .script("return document.querySelector('#form-translate textarea').disabled")
        .await;
    assert_eq!(disabled, true);
    let spell_enabled = browser
        .script("return !document.querySelector('#form-spell textarea').disabled")
        .await;
    assert_eq!(spell_enabled, true, "the other forms still work");
    browser.screenshot("translation-unavailable").await;
}

#[tokio::test]
async fn with_a_translation_backend_the_form_is_ready() {
    let db = TestDb::sqlite();
    // A backend is configured (it need not answer for the page to know).
    let figment = testkit::figment(&db).merge(rocket::figment::providers::Serialized::global(
        "libretranslate_url",
        "http://127.0.0.1:9",
    ));
    let server = testkit::TestServer::spawn(textproc::app().configure(figment)).await;
    let Some(browser) = Browser::start().await else {
        return;
    };

    browser.goto(&server.url("/")).await;
    // Wait for the health check to have answered, then look.
    browser
        .wait_until("return document.readyState === 'complete'")
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let hidden = browser
        .script("return document.getElementById('translate-unavailable').hidden")
        .await;
    assert_eq!(hidden, true);
    let enabled = browser
        .script("return !document.querySelector('#form-translate button').disabled")
        .await;
    assert_eq!(enabled, true);
    let choice = browser
        .script("return document.getElementById('translate-source').value")
        .await;
    assert_eq!(choice, "", "detection is the default");
}
