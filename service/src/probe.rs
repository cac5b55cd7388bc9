//! `api healthcheck` / `home healthcheck`: asks the running service's own
//! health route and exits 0 when it answers 200. The runtime images carry
//! no curl, so the container health check is the binary itself.

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::process::ExitCode;
use std::time::Duration;

/// Below Docker's and ECS's health-check timeouts, so a hung service reads
/// as unhealthy rather than as a timed-out check.
const PROBE_TIMEOUT: Duration = Duration::from_secs(3);

/// Probes `path` on the address the service binds (`ROCKET_ADDRESS`,
/// `ROCKET_PORT`, as the container sets them), and says why on failure.
pub fn probe(path: &str) -> ExitCode {
    let address = probe_address(
        std::env::var("ROCKET_ADDRESS").ok().as_deref(),
        std::env::var("ROCKET_PORT").ok().as_deref(),
    );
    match status_of(address, path) {
        Ok(200) => ExitCode::SUCCESS,
        Ok(status) => {
            eprintln!("healthcheck: {path} answered {status}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("healthcheck: {address}{path}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Where the service listens; a wildcard bind is probed on loopback.
fn probe_address(address: Option<&str>, port: Option<&str>) -> SocketAddr {
    let ip = address
        .and_then(|a| a.trim().parse::<IpAddr>().ok())
        .filter(|ip| !ip.is_unspecified())
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let port = port.and_then(|p| p.trim().parse().ok()).unwrap_or(8000);
    SocketAddr::new(ip, port)
}

fn status_of(address: SocketAddr, path: &str) -> std::io::Result<u16> {
    let mut stream = TcpStream::connect_timeout(&address, PROBE_TIMEOUT)?;
    stream.set_read_timeout(Some(PROBE_TIMEOUT))?;
    stream.set_write_timeout(Some(PROBE_TIMEOUT))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )?;
    // The status line is all we need: "HTTP/1.1 200 OK".
    let mut head = [0u8; 12];
    stream.read_exact(&mut head)?;
    std::str::from_utf8(&head[9..12])
        .ok()
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| std::io::Error::other("not an HTTP answer"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wildcard_bind_is_probed_on_loopback() {
        assert_eq!(
            probe_address(Some("0.0.0.0"), Some("18082")),
            "127.0.0.1:18082".parse().unwrap()
        );
        assert_eq!(probe_address(None, None), "127.0.0.1:8000".parse().unwrap());
        assert_eq!(
            probe_address(Some("::1"), Some("9")),
            "[::1]:9".parse().unwrap()
        );
    }
}
