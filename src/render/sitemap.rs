//! `sitemap.xml` and `robots.txt`.
//!
//! Takes the output paths of the HTML pages (with a last-modified date for
//! articles); gives the two files, through overridable templates.

use serde::Serialize;

use super::templates::Templates;
use super::view::Urls;
use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;

/// One `<url>` in the sitemap.
#[derive(Debug, Clone, Serialize)]
pub struct SitemapEntry {
    /// Absolute page URL.
    pub loc: String,
    /// `YYYY-MM-DD`, for articles.
    pub lastmod: Option<String>,
}

#[derive(Serialize)]
struct SitemapView {
    entries: Vec<SitemapEntry>,
}

#[derive(Serialize)]
struct RobotsView {
    sitemap_url: String,
}

/// The sitemap of every page (paths ending in `index.html` become folder URLs).
pub fn sitemap(
    pages: &[(String, Option<String>)],
    templates: &Templates,
    urls: &Urls,
) -> Result<OutputFile, Diagnostic> {
    let entries = pages
        .iter()
        .map(|(path, lastmod)| SitemapEntry {
            loc: urls.to(path.strip_suffix("index.html").unwrap_or(path)),
            lastmod: lastmod.clone(),
        })
        .collect();
    let xml = templates.render("sitemap.xml", &SitemapView { entries })?;
    Ok(OutputFile {
        path: "sitemap.xml".to_owned(),
        bytes: xml.into_bytes(),
    })
}

/// `robots.txt`, pointing at the sitemap.
pub fn robots(templates: &Templates, urls: &Urls) -> Result<OutputFile, Diagnostic> {
    let text = templates.render(
        "robots.txt",
        &RobotsView {
            sitemap_url: urls.to("sitemap.xml"),
        },
    )?;
    Ok(OutputFile {
        path: "robots.txt".to_owned(),
        bytes: text.into_bytes(),
    })
}
