//! nginx routing like the ALB, from the very template compose.yaml uses
//! (`deploy/nginx/alb.conf.template`), as a process of the test's own.

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const NGINX: &str = "/usr/sbin/nginx";
const TEMPLATE: &str = include_str!("../../deploy/nginx/alb.conf.template");

pub struct Nginx {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    _dir: tempfile::TempDir,
}

impl Nginx {
    /// nginx on a free port sending `/api`, `/api/*` to `api` and the rest
    /// to `home` (both `host:port`). Without nginx installed: `None` after a
    /// loud notice, or a failure when `TEST_NGINX_REQUIRED` is set (CI).
    pub fn start(api: &str, home: &str) -> Option<Nginx> {
        let install = "apt-get install -y nginx-light";
        if !testkit::installed(
            NGINX,
            "TEST_NGINX_REQUIRED",
            install,
            "NGINX TOPOLOGY TESTS",
        ) {
            return None;
        }
        let dir = tempfile::tempdir().expect("a directory for nginx");
        let port = testkit::free_port();
        let site = TEMPLATE
            .replace("${API_UPSTREAM}", api)
            .replace("${HOME_UPSTREAM}", home)
            .replace("${LISTEN_PORT}", &format!("127.0.0.1:{port}"));
        assert!(
            !site.contains("${"),
            "a template variable the test does not fill"
        );
        std::fs::write(dir.path().join("alb.conf"), site).unwrap();
        let path = dir.path().display();
        // One process as the invoking user (no master dropping to nobody),
        // everything it writes inside the temporary directory.
        let main = format!(
            "daemon off;\nmaster_process off;\npid {path}/nginx.pid;\nerror_log {path}/error.log warn;\n\
             events {{ worker_connections 1024; }}\n\
             http {{\n  access_log off;\n  client_body_temp_path {path}/body;\n  proxy_temp_path {path}/proxy;\n  \
             fastcgi_temp_path {path}/fastcgi;\n  uwsgi_temp_path {path}/uwsgi;\n  scgi_temp_path {path}/scgi;\n  \
             include {path}/alb.conf;\n}}\n"
        );
        std::fs::write(dir.path().join("nginx.conf"), main).unwrap();
        let child = Command::new(NGINX)
            .arg("-e")
            .arg(dir.path().join("error.log"))
            .arg("-p")
            .arg(dir.path())
            .arg("-c")
            .arg(dir.path().join("nginx.conf"))
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("starting nginx");
        let mut nginx = Nginx {
            child,
            base: format!("http://127.0.0.1:{port}"),
            _dir: dir,
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Some(status) = nginx.child.try_wait().unwrap() {
                panic!(
                    "nginx exited at start ({status}); its config is in the test's output above"
                );
            }
            assert!(
                Instant::now() < deadline,
                "nginx did not listen within 10 s"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Some(nginx)
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
