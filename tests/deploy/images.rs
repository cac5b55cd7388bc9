//! The two images, for real: built with `../shared/tools/oci-local.sh`
//! (podman and buildah; no registry is reachable here), run on MariaDB
//! behind the same nginx, routing like the ALB.
//!
//! Building takes minutes, so this runs when `TEST_IMAGES=1` (CI sets it).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use testkit::TestDb;

use crate::nginx::Nginx;
use crate::routing::assert_routes_like_the_alb;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn oci_local() -> PathBuf {
    let path = std::env::var_os("OCI_LOCAL")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(ROOT).join("../shared/tools/oci-local.sh"));
    assert!(
        path.exists(),
        "{} is absent: the image test builds with the workspace's shared oci-local.sh \
         (or set OCI_LOCAL to it); it cannot check the images without it",
        path.display()
    );
    path
}

/// The script through bash: a copied shared/ may have lost its exec bits.
fn oci_command(oci: &Path) -> Command {
    let mut command = Command::new("bash");
    command.arg(oci);
    command
}

fn run(command: &mut Command) -> Output {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    assert!(
        output.status.success(),
        "{command:?} failed: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// `podman` on oci-local's store.
fn podman(oci: &Path, args: &str) -> String {
    let script = format!("eval \"$('{}' env)\" && podman {args}", oci.display());
    let output = run(Command::new("bash").args(["-c", &script]));
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

fn note(message: &str) {
    // Straight to the terminal: libtest keeps a passing test's output.
    let _ = writeln!(std::io::stderr(), "images: {message}");
}

/// A running container, stopped and removed when dropped.
struct Container<'a> {
    oci: &'a Path,
    name: String,
    base: String,
}

impl<'a> Container<'a> {
    async fn run(
        oci: &'a Path,
        image: &str,
        name: &str,
        env: &[(&str, String)],
        ready: &str,
    ) -> Container<'a> {
        let port = testkit::free_port();
        let started = Instant::now();
        let mut command = oci_command(oci);
        command.args(["run", image, "-d", "--name", name]);
        command.args(["-e", &format!("ROCKET_PORT={port}")]);
        for (key, value) in env {
            command.args(["-e", &format!("{key}={value}")]);
        }
        run(&mut command);
        let container = Container {
            oci,
            name: name.to_owned(),
            base: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let answer = reqwest::get(format!("{}{ready}", container.base)).await;
            if answer.is_ok_and(|r| r.status() == 200) {
                // The figure behind the task definitions' health-check grace period.
                note(&format!(
                    "{image} healthy {:.2} s after `run`",
                    started.elapsed().as_secs_f64()
                ));
                return container;
            }
            if Instant::now() > deadline {
                let logs = podman(oci, &format!("logs {name}"));
                panic!("{image} was not ready within 30 s; its log:\n{logs}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Stops it as ECS does (SIGTERM, then SIGKILL after the timeout) and
    /// says how long that took.
    fn stop(self) -> Duration {
        let started = Instant::now();
        run(oci_command(self.oci).args(["stop", &self.name]));
        started.elapsed()
    }
}

impl Drop for Container<'_> {
    fn drop(&mut self) {
        let _ = oci_command(self.oci).args(["stop", &self.name]).output();
    }
}

/// `mysql://user[:password]@host:port/name` as the `DB_*` parts ECS sets.
fn database_parts(url: &str) -> Vec<(&'static str, String)> {
    let rest = url.strip_prefix("mysql://").expect("a MySQL test database");
    let (credentials, location) = rest.split_once('@').unwrap();
    let (user, password) = credentials.split_once(':').unwrap_or((credentials, ""));
    let (address, name) = location.split_once('/').unwrap();
    let (host, port) = address.split_once(':').unwrap_or((address, "3306"));
    vec![
        ("DB_HOST", host.to_owned()),
        ("DB_PORT", port.to_owned()),
        ("DB_USER", user.to_owned()),
        ("DB_PASSWORD", password.to_owned()),
        ("DB_NAME", name.to_owned()),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_images_behind_nginx_route_like_the_alb_and_stop_at_once() {
    if std::env::var_os("TEST_IMAGES").is_none() {
        note("IMAGE TEST NOT RUN: set TEST_IMAGES=1 to build and run both images (minutes)");
        return;
    }
    let oci = oci_local();
    let Some(db) = TestDb::mysql("images").await else {
        return;
    };
    let tag = format!("test-{}", std::process::id());
    for service in ["api", "home"] {
        let started = Instant::now();
        run(oci_command(&oci).current_dir(ROOT).args([
            "build",
            "-f",
            &format!("Dockerfile.{service}"),
            "-t",
            &format!("textproc-{service}:{tag}"),
            "--format",
            "docker",
            ".",
        ]));
        let image = format!("textproc-{service}:{tag}");
        let size: u64 = podman(
            &oci,
            &format!("image inspect --format '{{{{.Size}}}}' {image}"),
        )
        .parse()
        .unwrap();
        note(&format!(
            "{image} built in {:.0} s, {:.1} MB",
            started.elapsed().as_secs_f64(),
            size as f64 / 1e6
        ));
        let user = podman(
            &oci,
            &format!("image inspect --format '{{{{.Config.User}}}}' {image}"),
        );
        assert_eq!(
            user, "10001:10001",
            "{image} runs as a numeric non-root user"
        );
        let env = podman(
            &oci,
            &format!("image inspect --format '{{{{json .Config.Env}}}}' {image}"),
        );
        for secret in ["PASSWORD", "API_KEY", "DATABASE_URL", "SECRET", "TOKEN"] {
            assert!(
                !env.contains(secret),
                "{image} has a secret in its environment: {env}"
            );
        }
        // No compiler, no toolchain, no source: only the binary.
        run(oci_command(&oci).args([
            "run",
            &image,
            "--rm",
            "--entrypoint",
            "/bin/sh",
            "--",
            "-c",
            "! command -v cc && ! command -v rustc && ! command -v cargo \
             && ! test -e /usr/local/cargo && ! test -e /src && test -x /usr/local/bin/*",
        ]));
    }

    let parts = database_parts(&db.url);
    let pid = std::process::id();
    let api = Container::run(
        &oci,
        &format!("textproc-api:{tag}"),
        &format!("textproc-api-{pid}"),
        &parts,
        "/api/health",
    )
    .await;
    let home = Container::run(
        &oci,
        &format!("textproc-home:{tag}"),
        &format!("textproc-home-{pid}"),
        &parts,
        "/healthz",
    )
    .await;
    let Some(nginx) = Nginx::start(
        api.base.trim_start_matches("http://"),
        home.base.trim_start_matches("http://"),
    ) else {
        return;
    };
    assert_routes_like_the_alb(&nginx.base).await;

    // The container's own health check (the binary, as ECS runs it).
    run(Command::new("bash").args([
        "-c",
        &format!(
            "eval \"$('{}' env)\" && podman exec textproc-api-{pid} /usr/local/bin/api healthcheck \
             && podman exec textproc-home-{pid} /usr/local/bin/home healthcheck",
            oci.display()
        ),
    ]));

    // As ECS stops a task: the load balancer has drained it first (and
    // closed its idle keep-alive connections), then SIGTERM. Rocket waits
    // up to its 2 s grace period for a connection still open, so nginx
    // goes first, as the ALB would.
    drop(nginx);
    // SIGTERM is handled as PID 1: no waiting out podman's 10 s timeout.
    for (name, container) in [("api", api), ("home", home)] {
        let took = container.stop();
        note(&format!("{name} stopped in {:.2} s", took.as_secs_f64()));
        assert!(
            took < Duration::from_secs(2),
            "{name} took {took:?} to stop"
        );
    }
    // The cargo cache mounts stay for the next build; these layers would
    // only pile up (each build's source layer differs).
    podman(&oci, &format!("rmi textproc-api:{tag} textproc-home:{tag}"));
    podman(&oci, "image prune -f");
}
