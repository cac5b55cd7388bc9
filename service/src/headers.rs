//! Headers on every answer of both services, error pages included.

use rocket::fairing::{Fairing, Info, Kind};
use rocket::http::Header;
use rocket::{Request, Response};

/// Scripts, styles, images and form posts from our own origin only (the
/// pages have no inline script or style), and no page of ours in a frame.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' data:; \
     object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Sets the security headers on every response. A singleton, so the
/// all-in-one binary, which mounts both services, sets them once.
pub struct SecurityHeaders;

#[rocket::async_trait]
impl Fairing for SecurityHeaders {
    fn info(&self) -> Info {
        Info {
            name: "Security headers",
            kind: Kind::Response | Kind::Singleton,
        }
    }

    async fn on_response<'r>(&self, _request: &'r Request<'_>, response: &mut Response<'r>) {
        response.set_header(Header::new(
            "Content-Security-Policy",
            CONTENT_SECURITY_POLICY,
        ));
        // The path of a page may name a record; other sites learn nothing.
        response.set_header(Header::new("Referrer-Policy", "same-origin"));
        response.set_header(Header::new("X-Content-Type-Options", "nosniff"));
        // For browsers older than frame-ancestors.
        response.set_header(Header::new("X-Frame-Options", "DENY"));
    }
}
