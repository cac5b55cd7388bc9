//! HTTP/1.1 by hand, for requests no well-behaved client would send: lying
//! lengths, broken chunking, bad methods, oversized headers.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// What came back: the status (`None` when the server closed without a
/// status line), the headers in lower case, and the body, de-chunked.
#[derive(Debug)]
pub struct RawResponse {
    pub status: Option<u16>,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RawResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// A request as bytes, with `Connection: close` (so the answer ends with
/// the connection) and a `Content-Length` unless `headers` set the length
/// or the framing themselves, as the lying-length cases do.
pub fn request(method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    let mut length_given = false;
    for (name, value) in headers {
        length_given |= name.eq_ignore_ascii_case("content-length")
            || name.eq_ignore_ascii_case("transfer-encoding");
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !length_given {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// Sends `request` as bytes to `base` (`http://127.0.0.1:PORT`) and reads
/// the answer until the server closes the connection or `within` passes.
pub async fn send(base: &str, request: &[u8], within: Duration) -> RawResponse {
    let address = base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).await.expect("connecting");
    // The server may answer (and close) before it has read everything.
    let _ = stream.write_all(request).await;
    let mut raw = Vec::new();
    let _ = tokio::time::timeout(within, async {
        let mut buffer = [0u8; 16 * 1024];
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    raw.extend_from_slice(&buffer[..n]);
                    if complete(&raw) {
                        break;
                    }
                }
            }
        }
    })
    .await;
    parse(&raw)
}

/// Whether `raw` holds a whole response (headers, and a body as long as
/// its `Content-Length` or ended by the last chunk).
fn complete(raw: &[u8]) -> bool {
    let Some(end) = find(raw, b"\r\n\r\n") else {
        return false;
    };
    let response = parse(raw);
    let body = &raw[end + 4..];
    if let Some(length) = response.header("content-length") {
        return body.len() >= length.parse::<usize>().unwrap_or(0);
    }
    if response.header("transfer-encoding") == Some("chunked") {
        return find(body, b"0\r\n\r\n").is_some();
    }
    false
}

fn parse(raw: &[u8]) -> RawResponse {
    let Some(end) = find(raw, b"\r\n\r\n") else {
        return RawResponse {
            status: None,
            headers: Vec::new(),
            body: Vec::new(),
        };
    };
    let head = String::from_utf8_lossy(&raw[..end]);
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok());
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(key, value)| (key.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let body = &raw[end + 4..];
    let chunked = headers
        .iter()
        .any(|(key, value)| key == "transfer-encoding" && value == "chunked");
    let body = if chunked {
        dechunk(body)
    } else {
        body.to_vec()
    };
    RawResponse {
        status,
        headers,
        body,
    }
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(line_end) = find(body, b"\r\n") {
        let size = std::str::from_utf8(&body[..line_end])
            .ok()
            .and_then(|size| usize::from_str_radix(size.trim(), 16).ok())
            .unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = line_end + 2;
        let end = (start + size).min(body.len());
        out.extend_from_slice(&body[start..end]);
        body = &body[(end + 2).min(body.len())..];
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}
