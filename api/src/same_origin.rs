//! Posts from another site must not write to our database through a
//! visitor's browser. A browser names the page a post comes from in
//! `Origin` (or, failing that, `Referer`); a program such as curl sends
//! neither and is let through, as are our own pages.
//!
//! Hosts are compared without ports: behind the ALB or nginx the api sees
//! the site's host name, while the browser's origin may carry a port the
//! front listens on.

use rocket::http::Status;
use rocket::request::{FromRequest, Outcome, Request};

use crate::ApiError;

/// The request came from our own site, or from no browser page at all.
pub struct SameOrigin;

#[rocket::async_trait]
impl<'r> FromRequest<'r> for SameOrigin {
    type Error = ApiError;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, ApiError> {
        let headers = request.headers();
        let page = headers
            .get_one("Origin")
            .or_else(|| headers.get_one("Referer"));
        let ours = headers.get_one("Host").map(host_name);
        match page {
            None => Outcome::Success(SameOrigin),
            Some(page) if ours.is_some() && origin_host(page) == ours => {
                Outcome::Success(SameOrigin)
            }
            Some(_) => Outcome::Error((Status::Forbidden, ApiError::CrossSite)),
        }
    }
}

/// `https://Example.com:8443/path` → `example.com`; `null` and anything
/// that is not a URL → `None`, which matches no host.
fn origin_host(url: &str) -> Option<String> {
    let (_scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    Some(host_name(authority)).filter(|host| !host.is_empty())
}

/// `Example.com:8000` → `example.com`; `[::1]:8000` → `[::1]`.
fn host_name(authority: &str) -> String {
    let host = match authority.rfind(':') {
        Some(colon) if !authority[colon..].contains(']') => &authority[..colon],
        _ => authority,
    };
    host.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::{host_name, origin_host};

    #[test]
    fn hosts_are_read_from_origins_and_referers() {
        for (url, host) in [
            ("https://Example.com", Some("example.com")),
            ("http://127.0.0.1:8000", Some("127.0.0.1")),
            ("https://example.com:8443/records?x=1", Some("example.com")),
            ("https://user:pw@evil.example/", Some("evil.example")),
            ("http://[::1]:8000/", Some("[::1]")),
            ("null", None),
            ("", None),
            ("https://", None),
        ] {
            assert_eq!(origin_host(url).as_deref(), host, "{url}");
        }
        assert_eq!(host_name("Example.COM:80"), "example.com");
        assert_eq!(host_name("[::1]"), "[::1]");
    }
}
