use std::fs::File;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// One of the project's binaries running as its own process, configured
/// only through the environment, as a container runs it.
pub struct ServiceProcess {
    child: Child,
    pub base: String,
}

impl ServiceProcess {
    /// Starts `binary` on a free port with `env`, and waits until `ready_path`
    /// answers 200 (at most 60 s: a debug build builds its index at start).
    pub async fn start(binary: &str, env: &[(&str, &str)], ready_path: &str) -> ServiceProcess {
        Self::start_with_output(binary, env, ready_path, None).await
    }

    /// As `start`, with everything the process prints (stdout and stderr)
    /// written to `log`, for tests that read its logs.
    pub async fn start_logging(
        binary: &str,
        env: &[(&str, &str)],
        ready_path: &str,
        log: &Path,
    ) -> ServiceProcess {
        Self::start_with_output(binary, env, ready_path, Some(log)).await
    }

    async fn start_with_output(
        binary: &str,
        env: &[(&str, &str)],
        ready_path: &str,
        log: Option<&Path>,
    ) -> ServiceProcess {
        // A free port can be handed to another test's server in the same
        // instant; ours then fails to bind and the other answers in its
        // place (seen once: a "frozen" database answered 201). So a server
        // counts as ours only if our child holds the listening socket, and
        // a port taken from under us is given up for another.
        for _ in 0..3 {
            let port = free_port();
            let mut process = Self::spawn(binary, env, port, log);
            let deadline = Instant::now() + Duration::from_secs(60);
            loop {
                if let Ok(response) = reqwest::get(format!("{}{ready_path}", process.base)).await {
                    if response.status() == 200 && listens(process.child.id(), port) {
                        return process;
                    }
                }
                if let Some(status) = process.child.try_wait().expect("polling the child") {
                    if !listening_sockets(port).is_empty() {
                        eprintln!(
                            "{binary}: port {port} was taken by another process; trying another"
                        );
                        break;
                    }
                    panic!("{binary} exited before it was ready: {status}");
                }
                assert!(
                    Instant::now() < deadline,
                    "{binary} was not ready within 60 s"
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        panic!("{binary}: three free ports in a row were taken by other processes");
    }

    fn spawn(binary: &str, env: &[(&str, &str)], port: u16, log: Option<&Path>) -> ServiceProcess {
        let (stdout, stderr) = match log {
            Some(path) => {
                let file = File::create(path).expect("creating the log file");
                (
                    Stdio::from(file.try_clone().expect("a second handle")),
                    Stdio::from(file),
                )
            }
            None => (Stdio::null(), Stdio::inherit()),
        };
        // Defaults first, so `env` can override them.
        let child = Command::new(binary)
            .env("TEXTPROC_LOG", "warn")
            .env("ROCKET_CLI_COLORS", "false")
            .envs(env.iter().copied())
            .env("ROCKET_ADDRESS", "0.0.0.0")
            .env("ROCKET_PORT", port.to_string())
            .stdout(stdout)
            .stderr(stderr)
            .spawn()
            .unwrap_or_else(|e| panic!("starting {binary}: {e}"));
        ServiceProcess {
            child,
            base: format!("http://127.0.0.1:{port}"),
        }
    }

    /// The process id, for tests and benchmarks that read `/proc`.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends SIGTERM, as ECS does on a deploy, and returns how the process
    /// ended and how long that took.
    pub fn terminate(mut self) -> (ExitStatus, Duration) {
        let sent = self.send_sigterm();
        let status = self.wait_for_exit();
        (status, sent.elapsed())
    }

    /// Sends SIGTERM and returns when it was sent, without waiting.
    pub fn send_sigterm(&self) -> Instant {
        let sent = Instant::now();
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("running kill");
        assert!(status.success(), "kill -TERM failed");
        sent
    }

    /// Waits (at most 20 s) for the process to exit.
    pub fn wait_for_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().expect("polling the child") {
                return status;
            }
            assert!(Instant::now() < deadline, "no exit within 20 s of SIGTERM");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for ServiceProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The inodes of the sockets listening on TCP `port`, on any address
/// (`/proc/net/tcp` and `tcp6`: the local address is `ADDR:PORT` in hex,
/// state `0A` is LISTEN, the tenth field the inode).
pub(crate) fn listening_sockets(port: u16) -> Vec<String> {
    let mut inodes = Vec::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let Ok(text) = std::fs::read_to_string(table) else {
            continue;
        };
        for line in text.lines().skip(1) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let local_port = fields
                .get(1)
                .and_then(|address| address.rsplit(':').next())
                .and_then(|hex| u16::from_str_radix(hex, 16).ok());
            if local_port == Some(port) && fields.get(3) == Some(&"0A") {
                if let Some(inode) = fields.get(9) {
                    inodes.push(format!("socket:[{inode}]"));
                }
            }
        }
    }
    inodes
}

/// Whether process `pid` holds a socket listening on TCP `port`.
pub(crate) fn listens(pid: u32, port: u16) -> bool {
    let sockets = listening_sockets(port);
    let Ok(fds) = std::fs::read_dir(format!("/proc/{pid}/fd")) else {
        return false;
    };
    fds.flatten().any(|fd| {
        std::fs::read_link(fd.path())
            .is_ok_and(|target| sockets.iter().any(|s| target.as_os_str() == s.as_str()))
    })
}

/// A port nothing listens on right now (the OS picks it).
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binding an ephemeral port");
    listener.local_addr().expect("its address").port()
}

/// The release build of one of the project's binaries, for benchmarks
/// (`TEXTPROC_BIN_DIR`, else `$CARGO_TARGET_DIR/release`); exits with a
/// message when it is missing, since figures from a debug build mislead.
pub fn release_binary(name: &str) -> std::path::PathBuf {
    let dir = std::env::var_os("TEXTPROC_BIN_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            let target = std::env::var_os("CARGO_TARGET_DIR").unwrap_or_else(|| "target".into());
            std::path::PathBuf::from(target).join("release")
        });
    let binary = dir.join(name);
    if !binary.exists() {
        eprintln!(
            "{} is missing: run `cargo build --release -p {name}` first, or set TEXTPROC_BIN_DIR",
            binary.display()
        );
        std::process::exit(2);
    }
    binary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listening_socket_is_found_with_its_owner() {
        let listener = TcpListener::bind("0.0.0.0:0").expect("binding");
        let port = listener.local_addr().unwrap().port();
        assert_eq!(listening_sockets(port).len(), 1);
        assert!(listens(std::process::id(), port));
        // pid 1 (init) holds no socket of ours.
        assert!(!listens(1, port));
        drop(listener);
        assert!(listening_sockets(port).is_empty());
        assert!(!listens(std::process::id(), port));
    }
}
