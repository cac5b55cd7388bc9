//! A MariaDB server of the test's own, on a spare port with its own data
//! directory, so that a test can freeze it, thaw it and stop it without
//! touching the machine's server or the other tests' databases.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, Database};

const MARIADBD: &str = "/usr/sbin/mariadbd";

pub struct PrivateMariaDb {
    child: Child,
    /// `mysql://root@127.0.0.1:PORT/textproc`
    pub url: String,
    port: u16,
    dir: tempfile::TempDir,
}

impl PrivateMariaDb {
    /// A fresh server with an empty `textproc` database. Without MariaDB
    /// installed: `None` after a loud notice, or a failure when
    /// `TEST_MYSQL_URL` is set (CI), as for the other MySQL tests.
    pub async fn start() -> Option<PrivateMariaDb> {
        let install = "apt-get install -y mariadb-server";
        if !crate::installed(MARIADBD, "TEST_MYSQL_URL", install, "DATABASE FAULT TESTS") {
            return None;
        }
        let dir = tempfile::tempdir().expect("a directory for the server");
        let data = dir.path().join("data");
        // A temporary directory of its own: servers bootstrapping side by
        // side in /tmp collided on their temporary tables' names.
        let tmp = dir.path().join("tmp");
        std::fs::create_dir(&tmp).expect("a temporary directory for the server");
        let installed = Command::new("mariadb-install-db")
            .args(["--no-defaults", "--auth-root-authentication-method=normal"])
            .args(["--skip-test-db", "--user=root"])
            .arg(format!("--datadir={}", data.display()))
            .arg(format!("--tmpdir={}", tmp.display()))
            .output()
            .expect("running mariadb-install-db");
        assert!(
            installed.status.success(),
            "mariadb-install-db: {installed:?}"
        );
        // As for `ServiceProcess`: the server that answers must be ours,
        // since another test may be handed the same free port.
        let port = crate::free_port();
        let mut server = PrivateMariaDb {
            child: spawn(dir.path(), port),
            url: format!("mysql://root@127.0.0.1:{port}/textproc"),
            port,
            dir,
        };
        let mut spawned = 1;
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if crate::process::listens(server.child.id(), server.port) {
                let admin_url = format!("mysql://root@127.0.0.1:{}", server.port);
                if let Ok(admin) = Database::connect(&admin_url).await {
                    admin
                        .execute_unprepared("CREATE DATABASE textproc CHARACTER SET utf8mb4")
                        .await
                        .expect("creating the textproc database");
                    admin.close().await.ok();
                    return Some(server);
                }
            } else if let Some(status) = server.child.try_wait().expect("polling mariadbd") {
                assert!(
                    spawned < 3 && !crate::process::listening_sockets(server.port).is_empty(),
                    "mariadbd exited before it was ready: {status}"
                );
                let port = crate::free_port();
                server.child = spawn(server.dir.path(), port);
                server.url = format!("mysql://root@127.0.0.1:{port}/textproc");
                server.port = port;
                spawned += 1;
            }
            assert!(
                Instant::now() < deadline,
                "mariadbd did not answer within 30 s"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// A user with a password and every right on `textproc`, and the URL
    /// that connects as them (the password percent-encoded), for tests
    /// that must show a password never reaches a log.
    pub async fn user_with_password(&self, user: &str, password: &str) -> String {
        let admin = Database::connect(format!("mysql://root@127.0.0.1:{}", self.port))
            .await
            .expect("connecting as root");
        for sql in [
            format!("CREATE USER '{user}'@'%' IDENTIFIED BY '{password}'"),
            format!("GRANT ALL ON textproc.* TO '{user}'@'%'"),
        ] {
            admin.execute_unprepared(&sql).await.expect(&sql);
        }
        admin.close().await.ok();
        let encoded: String =
            percent_encoding::utf8_percent_encode(password, percent_encoding::NON_ALPHANUMERIC)
                .collect();
        format!("mysql://{user}:{encoded}@127.0.0.1:{}/textproc", self.port)
    }

    /// SIGTERM, as `systemctl stop` does: the server closes its
    /// connections, finishes what it was doing and exits.
    pub fn stop_cleanly(&mut self) {
        self.signal("TERM");
        let _ = self.child.wait();
    }

    /// SIGKILL: gone mid-statement, as a crashed host is.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Starts the server again on the same port and data (after a kill, it
    /// recovers its log first), and returns once it answers.
    pub async fn restart(&mut self) {
        self.child = spawn(self.dir.path(), self.port);
        let deadline = Instant::now() + Duration::from_secs(30);
        while Database::connect(&self.url).await.is_err() {
            assert!(
                Instant::now() < deadline,
                "mariadbd did not come back within 30 s"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// SIGSTOP: the server keeps its connections but answers nothing, as a
    /// hung database does. Returns once every thread has stopped: `kill`
    /// only sends the signal, and a thread busy in the kernel (writing its
    /// log to a disk other tests load) stops when it comes back, so a
    /// request sent at once could still be answered (a CI run got a 201).
    pub fn freeze(&self) {
        self.signal("STOP");
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self.all_threads_stopped() {
            assert!(
                Instant::now() < deadline,
                "mariadbd did not stop within 10 s"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Whether every thread of the server is stopped (`T` in its
    /// `/proc/PID/task/TID/stat`).
    fn all_threads_stopped(&self) -> bool {
        let tasks = format!("/proc/{}/task", self.child.id());
        let Ok(threads) = std::fs::read_dir(&tasks) else {
            return false;
        };
        threads.flatten().all(|thread| {
            std::fs::read_to_string(thread.path().join("stat")).is_ok_and(|stat| {
                // `PID (COMM) STATE ...`: the state follows the last `)`.
                stat.rsplit_once(')')
                    .and_then(|(_, rest)| rest.split_whitespace().next())
                    .is_some_and(|state| state == "T" || state == "t")
            })
        })
    }

    /// SIGCONT: it carries on where it stopped.
    pub fn thaw(&self) {
        self.signal("CONT");
    }

    fn signal(&self, name: &str) {
        let sent = Command::new("kill")
            .args([&format!("-{name}"), &self.child.id().to_string()])
            .status()
            .expect("running kill");
        assert!(sent.success(), "kill -{name} failed");
    }
}

fn spawn(dir: &std::path::Path, port: u16) -> Child {
    Command::new(MARIADBD)
        .arg("--no-defaults")
        .arg(format!("--datadir={}", dir.join("data").display()))
        .arg(format!("--socket={}", dir.join("sock").display()))
        .arg(format!("--pid-file={}", dir.join("pid").display()))
        .arg(format!("--tmpdir={}", dir.join("tmp").display()))
        .args([
            "--bind-address=127.0.0.1",
            "--user=root",
            "--skip-log-error",
        ])
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting mariadbd")
}

impl Drop for PrivateMariaDb {
    fn drop(&mut self) {
        // SIGKILL ends it frozen or not; its data directory goes with `dir`.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
