//! Who is asking: a browser (answered with pages and redirects) or a
//! program (answered with JSON).

use rocket::Request;

/// True when the client's `Accept` ranks HTML first, as browsers do
/// (`text/html,…,*/*;q=0.8`). curl's `*/*` and anything asking for JSON
/// get JSON.
pub fn prefers_html(request: &Request<'_>) -> bool {
    request
        .accept()
        .map(|accept| accept.preferred().media_type().is_html())
        .unwrap_or(false)
}
