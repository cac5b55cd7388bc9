//! One log line per request: its id, method, route, status, latency and
//! the record it stored, never its text, query or headers.

use std::sync::OnceLock;
use std::time::Instant;

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::Header;
use rocket::{Data, Request, Response};

/// The header that names a request in our answers and logs.
pub const REQUEST_ID_HEADER: &str = "X-Request-Id";
/// The ALB's trace header: when present, our id is the ALB's, so one search
/// finds the request in the ALB's access log and in ours.
const TRACE_HEADER: &str = "X-Amzn-Trace-Id";
/// A longer or stranger trace header is not ours to copy into logs.
const MAX_TRACE_ID: usize = 128;

/// What `on_request` leaves for `on_response`.
struct Started {
    at: Instant,
    id: String,
}

/// Where a handler notes the record it stored (`note_record_id`).
#[derive(Default)]
struct RecordId(OnceLock<i64>);

/// Notes the id of the record this request stored, for its log line.
pub fn note_record_id(request: &Request<'_>, id: i64) {
    let _ = request.local_cache(RecordId::default).0.set(id);
}

/// A singleton, so the all-in-one binary logs each request once.
pub struct RequestLog;

#[rocket::async_trait]
impl Fairing for RequestLog {
    fn info(&self) -> Info {
        Info {
            name: "Request log",
            kind: Kind::Request | Kind::Response | Kind::Singleton,
        }
    }

    async fn on_request(&self, request: &mut Request<'_>, _: &mut Data<'_>) {
        let id = request
            .headers()
            .get_one(TRACE_HEADER)
            .filter(|trace| is_plain_trace_id(trace))
            .map(str::to_owned)
            .unwrap_or_else(fresh_id);
        request.local_cache(|| Started {
            at: Instant::now(),
            id,
        });
    }

    async fn on_response<'r>(&self, request: &'r Request<'_>, response: &mut Response<'r>) {
        // A request Rocket could not parse never passed `on_request`.
        let started = request.local_cache(|| Started {
            at: Instant::now(),
            id: fresh_id(),
        });
        response.set_header(Header::new(REQUEST_ID_HEADER, started.id.clone()));
        let route = request.route().map(|route| route.uri.to_string());
        let record_id = request.local_cache(RecordId::default).0.get().copied();
        tracing::info!(
            target: "request",
            request_id = %started.id,
            method = %request.method(),
            route = route.as_deref().unwrap_or("(none)"),
            status = response.status().code,
            latency_ms = started.at.elapsed().as_secs_f64() * 1000.0,
            record_id,
        );
    }
}

/// 128 random bits in hex: unique enough to find one request in the logs.
fn fresh_id() -> String {
    format!("{:032x}", fastrand::u128(..))
}

/// `Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1` and the like: what
/// the ALB sends, and nothing a client could use to forge log lines.
fn is_plain_trace_id(trace: &str) -> bool {
    !trace.is_empty()
        && trace.len() <= MAX_TRACE_ID
        && trace
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"=;-_.:".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::is_plain_trace_id;

    #[test]
    fn only_plain_trace_ids_are_copied() {
        assert!(is_plain_trace_id(
            "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1"
        ));
        for forged in ["", "a\nb", "x\" level=error", "é", &"a".repeat(129)] {
            assert!(!is_plain_trace_id(forged), "{forged:?}");
        }
    }
}
