//! The Tera templates, compiled into the binary so the service needs no
//! files beside it; rendered with autoescaping on.

use rocket::response::content::RawHtml;
use serde::Serialize;
use tera::{Context, Tera};

use crate::HomeError;

/// Registered as `*.html` (without `.tera`): Tera autoescapes by name, so
/// this suffix is what keeps stored text from ever becoming markup.
const TEMPLATES: [(&str, &str); 5] = [
    ("base.html", include_str!("../templates/base.html.tera")),
    ("index.html", include_str!("../templates/index.html.tera")),
    ("row.html", include_str!("../templates/row.html.tera")),
    ("record.html", include_str!("../templates/record.html.tera")),
    ("error.html", include_str!("../templates/error.html.tera")),
];

pub struct Pages {
    tera: Tera,
}

impl Pages {
    pub fn new() -> Result<Self, tera::Error> {
        let mut tera = Tera::default();
        tera.add_raw_templates(TEMPLATES)?;
        Ok(Pages { tera })
    }

    pub fn render(&self, name: &str, data: &impl Serialize) -> Result<RawHtml<String>, HomeError> {
        let context =
            Context::from_serialize(data).map_err(|e| HomeError::Render(e.to_string()))?;
        self.tera
            .render(name, &context)
            .map(RawHtml)
            .map_err(|e| HomeError::Render(format!("{e:?}")))
    }

    /// An error page; never fails, since it is the last resort.
    pub fn error_page(&self, status: u16, reason: &str, message: &str) -> String {
        let mut context = Context::new();
        context.insert("status", &status);
        context.insert("reason", reason);
        context.insert("message", message);
        self.tera
            .render("error.html", &context)
            .unwrap_or_else(|e| {
                rocket::error!("rendering the error page: {e:?}");
                format!("{status} {reason}")
            })
    }
}

#[cfg(test)]
mod tests {
    use super::Pages;

    #[test]
    fn every_template_parses_and_escapes() {
        let pages = Pages::new().expect("templates parse");
        let html = pages.error_page(400, "Bad Request", "<b>x</b>");
        assert!(html.contains("&lt;b&gt;x&lt;&#x2F;b&gt;"), "{html}");
        assert!(!html.contains("<b>x</b>"));
    }
}
