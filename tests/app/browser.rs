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
        Self::start_with(&[]).await
    }

    /// A browser started with `extra` Chromium flags besides the usual ones.
    async fn start_with(extra: &[&str]) -> Option<Browser> {
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
        let mut args: Vec<String> = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,900",
        ]
        .iter()
        .chain(extra)
        .map(|arg| arg.to_string())
        .collect();
        args.push(format!(
            "--user-data-dir={}",
            browser._profile.path().display()
        ));
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
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

    /// Fills one of the home page's forms (`spell`, `space`, `translate`)
    /// with a tag and a text, and submits it.
    async fn submit(&self, form: &str, tag: &str, text: &str) {
        self.type_into(&format!("#{form}-id"), tag).await;
        self.type_into(&format!("#{form}-text"), text).await;
        self.click(&format!("#form-{form} button[type=submit]"))
            .await;
    }

    /// The text of a cell (by its class) of the records table's first row,
    /// once the page shows one.
    async fn first_row_cell(&self, class: &str) -> Value {
        self.wait_until(&format!(
            "const cell = document.querySelector('#records tbody tr td.{class}'); return cell && cell.textContent"
        ))
        .await
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

    /// Lays pages out as a phone `width` CSS pixels wide would.
    async fn emulate_width(&self, width: u32) {
        self.call(
            "POST",
            "/goog/cdp/execute",
            json!({"cmd": "Emulation.setDeviceMetricsOverride", "params": {
                "width": width, "height": 800, "deviceScaleFactor": 1, "mobile": true,
            }}),
        )
        .await;
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
        // Killing chromedriver leaves its Chromium running (600 processes
        // and 12 GB after a day of test runs): end every process started
        // with this test's own profile directory.
        let _ = Command::new("pkill")
            .args(["-KILL", "-f"])
            .arg(format!("user-data-dir={}", self._profile.path().display()))
            .status();
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
    browser
        .submit("spell", "in-the-browser", "speling is esy")
        .await;

    // After the 303, the browser is back on the home page with the new row.
    let processed = browser.first_row_cell("processed").await;
    assert_eq!(processed, "spelling is easy");
    let tag = browser
        .script("return document.querySelector('#records tbody tr .tag-id').textContent")
        .await;
    assert_eq!(tag, "in-the-browser");
    assert_eq!(browser.script("return location.pathname").await, "/");
    // The new row is the first, highlighted.
    let highlighted = browser
        .script("return document.querySelector('#records tbody tr').classList.contains('new')")
        .await;
    assert_eq!(highlighted, true);
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
async fn a_person_is_told_the_other_words_a_misspelling_may_be() {
    let db = TestDb::sqlite();
    let server = crate::serve(&db).await;
    let Some(browser) = Browser::start().await else {
        return;
    };

    browser.goto(&server.url("/")).await;
    browser.submit("spell", "offered", "gaet").await;

    // The row holds the correction; the notice names the other word the
    // api offered after it, which the record does not keep.
    assert_eq!(browser.first_row_cell("processed").await, "gate");
    let notice = browser
        .wait_until(
            "const n = document.querySelector('#flash'); \
             return n && n.textContent.includes('Also possible') && n.textContent",
        )
        .await;
    assert_eq!(
        notice,
        "Your text was stored as record 1. Also possible: gaet → get."
    );
    // Told once: a reload shows neither the notice nor the words.
    browser.call("POST", "/refresh", json!({})).await;
    browser
        .wait_until("return document.readyState === 'complete'")
        .await;
    assert!(browser
        .script("return document.querySelector('#flash')")
        .await
        .is_null());
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

    // The tag field takes 100 characters: a shorter attack.
    let tag_attack = "<img src=x onerror=\"document.title='pwned'\">";

    browser.goto(&server.url("/")).await;
    browser.submit("space", tag_attack, attack).await;

    let original = browser.first_row_cell("original").await;
    assert_eq!(original, attack);
    let tag = browser
        .script("return document.querySelector('#records tbody tr .tag-id').textContent")
        .await;
    assert_eq!(tag, tag_attack);
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
    let checked = browser
        .script("return document.getElementById('form-translate').dataset.translation")
        .await;
    assert_eq!(checked, "unavailable");
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
    // app.js marks the form once the api's health has answered: this fails
    // when the script does not run, where the template's default would pass.
    let checked = browser
        .wait_until("return document.getElementById('form-translate').dataset.translation")
        .await;
    assert_eq!(checked, "available");
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

#[tokio::test]
async fn a_person_translates_text_in_the_browser_and_sees_the_new_row() {
    let db = TestDb::sqlite();
    // Google Translate's contract, served locally: the only stand-in.
    let google = testkit::fake_backends::FakeBackend::start(vec![]).await;
    let figment = testkit::figment(&db)
        .merge(rocket::figment::providers::Serialized::global(
            "google_translate_api_key",
            testkit::fake_backends::GOOD_KEY,
        ))
        .merge(rocket::figment::providers::Serialized::global(
            "google_translate_url",
            &google.server.base,
        ));
    let server = testkit::TestServer::spawn(textproc::app().configure(figment)).await;
    let Some(browser) = Browser::start().await else {
        return;
    };

    browser.goto(&server.url("/")).await;
    browser
        .wait_until(
            "return document.getElementById('form-translate').dataset.translation === 'available'",
        )
        .await;
    browser
        .submit("translate", "from-the-browser", "Bonjour le monde")
        .await;

    let processed = browser.first_row_cell("processed").await;
    assert_eq!(processed, "Hello world");
    let row = browser
        .script("const row = document.querySelector('#records tbody tr'); return [row.querySelector('.tag-id').textContent, row.querySelector('td.operation').textContent, row.classList.contains('new')]")
        .await;
    assert_eq!(row, json!(["from-the-browser", "translate from fr", true]));
    assert_eq!(google.calls().len(), 1, "one call reached the backend");
    let conn = store::connect(&db.url).await.unwrap();
    assert_eq!(store::record_count(&conn).await.unwrap(), 1);
}

#[tokio::test]
async fn a_rejected_text_stays_in_the_form_with_the_reason_beside_it() {
    let db = TestDb::sqlite();
    let server = crate::serve(&db).await;
    let Some(browser) = Browser::start().await else {
        return;
    };

    browser.goto(&server.url("/")).await;
    // Only spaces: the browser's `required` lets it through, the api refuses it.
    browser.submit("spell", "keep-me", "   ").await;

    let reason = browser
        .wait_until(
            "const e = document.getElementById('spell-error'); return !e.hidden && e.textContent",
        )
        .await;
    assert!(reason.as_str().unwrap().contains("empty"), "{reason}");
    assert_eq!(
        browser
            .script("return location.pathname + location.search")
            .await,
        "/"
    );
    let kept = browser
        .script("return [document.getElementById('spell-text').value, document.getElementById('spell-id').value]")
        .await;
    assert_eq!(kept, json!(["   ", "keep-me"]));
    let conn = store::connect(&db.url).await.unwrap();
    assert_eq!(store::record_count(&conn).await.unwrap(), 0);
}

#[tokio::test]
async fn the_counter_shows_the_limit_as_one_types() {
    let db = TestDb::sqlite();
    let server = crate::serve(&db).await;
    let Some(browser) = Browser::start().await else {
        return;
    };

    browser.goto(&server.url("/")).await;
    let empty = browser
        .wait_until(
            "const c = document.getElementById('space-text-counter'); return c && c.textContent",
        )
        .await;
    assert_eq!(empty, "0 / 10,000 characters");
    // Characters as the api counts them: the crab is one, not two.
    browser.type_into("#space-text", "naïve 🦀").await;
    let counted = browser
        .script("return document.getElementById('space-text-counter').textContent")
        .await;
    assert_eq!(counted, "7 / 10,000 characters");
}

/// Stores `count` records through the store, operations in turn.
async fn stored(db: &TestDb, count: usize) {
    let conn = store::connect(&db.url).await.unwrap();
    let operations = [
        store::Operation::Spell,
        store::Operation::Space,
        store::Operation::Translate,
    ];
    testkit::bulk::insert_bulk(&conn, count, |n| {
        testkit::bulk::record(
            format!("person-{}", n % 4),
            operations[n % 3],
            &format!("text number {n}"),
            format!("text number {n}"),
        )
    })
    .await;
}

#[tokio::test]
async fn filters_and_pages_work_from_the_page() {
    let db = TestDb::sqlite();
    let server = crate::serve(&db).await;
    stored(&db, 90).await;
    let Some(browser) = Browser::start().await else {
        return;
    };

    browser.goto(&server.url("/?size=25")).await;
    browser
        .script("document.getElementById('find-op').value = 'space'; return true")
        .await;
    browser.click(".find button[type=submit]").await;
    browser
        .wait_until(
            "return location.search.includes('op=space') && document.readyState === 'complete'",
        )
        .await;
    let operations = "return Array.from(document.querySelectorAll('#records tbody td.operation')).map(c => c.textContent)";
    let first = browser.script(operations).await;
    assert_eq!(
        first.as_array().unwrap().len(),
        25,
        "25 a page: the find form keeps the size"
    );
    assert!(
        first.as_array().unwrap().iter().all(|o| o == "space"),
        "{first}"
    );

    // The search box, then the next page keeps the filter.
    browser.type_into("#find-q", "number").await;
    browser.click(".find button[type=submit]").await;
    browser
        .wait_until(
            "return location.search.includes('q=number') && document.readyState === 'complete'",
        )
        .await;
    browser.click("a[rel=next]").await;
    browser
        .wait_until(
            "return location.search.includes('before=') && document.readyState === 'complete'",
        )
        .await;
    let second = browser.script(operations).await;
    assert_eq!(
        second.as_array().unwrap().len(),
        5,
        "30 space records at 25 a page"
    );
    assert!(
        second.as_array().unwrap().iter().all(|o| o == "space"),
        "{second}"
    );
    let search = browser
        .script("return document.getElementById('find-q').value")
        .await;
    assert_eq!(search, "number", "the box still holds the search");
}

#[tokio::test]
async fn a_search_term_with_markup_is_shown_and_never_run() {
    let db = TestDb::sqlite();
    let server = crate::serve(&db).await;
    let Some(browser) = Browser::start().await else {
        return;
    };
    // Five words: a search takes at most eight.
    let attack = "\"><svg onload=\"document.title='pwned'\">";
    let query: String = url_encode(attack);

    browser
        .goto(&server.url(&format!("/?q={query}&tag={query}")))
        .await;
    browser
        .wait_until("return document.readyState === 'complete'")
        .await;
    assert_eq!(browser.script("return document.title").await, "textproc");
    let echoed = browser
        .script("return [document.getElementById('find-q').value, document.getElementById('find-tag').value]")
        .await;
    assert_eq!(echoed, json!([attack, attack]));
    let injected = browser
        .script("return document.querySelectorAll('main svg, main img, main script').length")
        .await;
    assert_eq!(injected, 0);
}

fn url_encode(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

#[tokio::test]
async fn the_record_page_marks_what_a_correction_changed() {
    let db = TestDb::sqlite();
    let server = crate::serve(&db).await;
    let Some(browser) = Browser::start().await else {
        return;
    };

    browser.goto(&server.url("/")).await;
    browser.type_into("#spell-text", "speling is esy").await;
    browser.click("#form-spell button[type=submit]").await;
    browser
        .wait_until("return document.querySelector('#records tbody tr.new')")
        .await;
    // The table marks the change compactly; the record page in full.
    let marked = browser
        .script("return Array.from(document.querySelectorAll('#records tbody tr.new ins')).map(e => e.textContent)")
        .await;
    assert_eq!(marked, json!(["spelling", "easy"]));
    browser.click("#records tbody tr.new a.tag-id").await;
    browser
        .wait_until("return location.pathname.startsWith('/records/') && document.readyState === 'complete'")
        .await;
    let changes = browser
        .script("return [Array.from(document.querySelectorAll('#original del')).map(e => e.textContent), Array.from(document.querySelectorAll('#processed ins')).map(e => e.textContent)]")
        .await;
    assert_eq!(changes, json!([["speling", "esy"], ["spelling", "easy"]]));
    let colour = browser
        .script("return getComputedStyle(document.querySelector('#processed ins')).backgroundColor")
        .await;
    assert_ne!(colour, "rgba(0, 0, 0, 0)", "the change is highlighted");
    browser.screenshot("record-page").await;
}

#[tokio::test]
async fn on_a_phone_nothing_scrolls_sideways() {
    let db = TestDb::sqlite();
    let server = crate::serve(&db).await;
    let conn = store::connect(&db.url).await.unwrap();
    // The widest things a page holds: long unbroken words and tags.
    testkit::bulk::insert_bulk(&conn, 30, |n| {
        testkit::bulk::record(
            "a-very-long-tag-without-any-spaces-".repeat(2) + &n.to_string(),
            store::Operation::Space,
            &"thequickbrownfoxjumpsoverthelazydog".repeat(4),
            "the quick brown fox jumps over the lazy dog ".repeat(4),
        )
    })
    .await;
    let Some(browser) = Browser::start().await else {
        return;
    };
    browser.emulate_width(375).await;

    for path in ["/", "/records/1", "/?op=space&q=quick", "/records/999"] {
        browser.goto(&server.url(path)).await;
        browser
            .wait_until("return document.readyState === 'complete'")
            .await;
        let width = browser
            .script("return document.documentElement.scrollWidth")
            .await;
        assert!(
            width.as_u64().unwrap() <= 375,
            "{path} is {width} px wide at 375"
        );
    }
    browser.goto(&server.url("/")).await;
    browser
        .wait_until("return document.readyState === 'complete'")
        .await;
    browser.screenshot("phone").await;
}

#[tokio::test]
async fn without_javascript_a_refused_text_comes_back_in_a_form() {
    let db = TestDb::sqlite();
    let server = crate::serve(&db).await;
    let Some(browser) = Browser::start_with(&["--blink-settings=scriptEnabled=false"]).await else {
        return;
    };

    browser.goto(&server.url("/")).await;
    let counters = browser
        .script("return document.querySelectorAll('.counter').length")
        .await;
    // Scripts that WebDriver runs still work; the page's own did not.
    assert_eq!(counters, 0, "app.js did not run");
    browser.submit("spell", "no-script", "   ").await;

    let reason = browser
        .wait_until(
            "const e = document.getElementById('refused-reason'); return e && e.textContent",
        )
        .await;
    assert!(reason.as_str().unwrap().contains("empty"), "{reason}");
    let kept = browser
        .script("return [document.getElementById('refused-text').value, document.getElementById('refused-id').value]")
        .await;
    assert_eq!(kept, json!(["   ", "no-script"]));
    let conn = store::connect(&db.url).await.unwrap();
    assert_eq!(store::record_count(&conn).await.unwrap(), 0);

    // Corrected and sent again from that page, it is stored.
    browser
        .script("document.getElementById('refused-text').value = 'speling'; return true")
        .await;
    browser.click("#refused button[type=submit]").await;
    browser
        .wait_until("return document.querySelector('#records tbody tr.new')")
        .await;
    assert_eq!(store::record_count(&conn).await.unwrap(), 1);
}
