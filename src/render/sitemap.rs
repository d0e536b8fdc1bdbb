//! `sitemap.xml` and `robots.txt`.
//!
//! Takes the output paths of the HTML pages (with a last-modified date for
//! articles); gives the sitemap and robots.txt, through overridable
//! templates. The sitemap protocol allows 50,000 URLs a file: past that,
//! `sitemap.xml` is a sitemap index over `sitemap-1.xml`, `sitemap-2.xml`,
//! ..., each within the limit.

use serde::Serialize;
#[cfg(test)]
use std::path::Path;

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

/// Most URLs in one sitemap file (the protocol's limit).
pub const MAX_URLS: usize = 50_000;

#[derive(Serialize)]
struct SitemapView {
    entries: Vec<SitemapEntry>,
}

#[derive(Serialize)]
struct SitemapIndexView {
    /// Absolute URLs of the parts.
    sitemaps: Vec<String>,
}

/// How many sitemap files `urls` pages take (1: no index).
pub fn parts(urls: usize) -> usize {
    urls.div_ceil(MAX_URLS).max(1)
}

fn part_path(n: usize) -> String {
    format!("sitemap-{n}.xml")
}

/// The sitemap files of a site with `parts` parts.
pub fn paths(parts: usize) -> Vec<String> {
    let mut paths = vec!["sitemap.xml".to_owned()];
    if parts > 1 {
        paths.extend((1..=parts).map(part_path));
    }
    paths
}

#[derive(Serialize)]
struct RobotsView {
    sitemap_url: String,
}

/// The sitemap of every page (paths ending in `index.html` become folder
/// URLs): one file, or an index and its parts.
pub fn sitemap(
    pages: &[(String, Option<String>)],
    templates: &Templates,
    urls: &Urls,
) -> Result<Vec<OutputFile>, Diagnostic> {
    let entry = |(path, lastmod): &(String, Option<String>)| SitemapEntry {
        loc: urls.to(path.strip_suffix("index.html").unwrap_or(path)),
        lastmod: lastmod.clone(),
    };
    if pages.len() <= MAX_URLS {
        let entries = pages.iter().map(entry).collect();
        let xml = templates.render("sitemap.xml", &SitemapView { entries })?;
        return Ok(vec![OutputFile::new("sitemap.xml", xml)]);
    }
    let mut files = Vec::new();
    let mut sitemaps = Vec::new();
    for (i, chunk) in pages.chunks(MAX_URLS).enumerate() {
        let path = part_path(i + 1);
        let entries = chunk.iter().map(entry).collect();
        let xml = templates.render("sitemap.xml", &SitemapView { entries })?;
        sitemaps.push(urls.to(&path));
        files.push(OutputFile::new(path, xml));
    }
    let index = templates.render("sitemap_index.xml", &SitemapIndexView { sitemaps })?;
    files.insert(0, OutputFile::new("sitemap.xml", index));
    Ok(files)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_big_site_gets_a_sitemap_index_with_parts_within_the_limit() {
        assert_eq!(parts(0), 1);
        assert_eq!(parts(MAX_URLS), 1);
        assert_eq!(parts(MAX_URLS + 1), 2);
        let templates = Templates::load(Path::new("/nonexistent"), crate::load::OutsideLinks::Skip)
            .expect("built-in templates")
            .0;
        let urls = Urls::new(&url::Url::parse("https://d.example/x/").expect("url"));
        let pages: Vec<(String, Option<String>)> = (0..MAX_URLS + 7)
            .map(|i| (format!("articles/a{i}/index.html"), None))
            .collect();
        let files = sitemap(&pages, &templates, &urls).expect("render");
        let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(names, paths(2));
        let index = String::from_utf8_lossy(&files[0].bytes).into_owned();
        assert!(index.contains("<sitemapindex"), "{index}");
        assert!(
            index.contains("<loc>https://d.example/x/sitemap-2.xml</loc>"),
            "{index}"
        );
        let counts: Vec<usize> = files[1..]
            .iter()
            .map(|f| String::from_utf8_lossy(&f.bytes).matches("<url>").count())
            .collect();
        assert_eq!(counts, [MAX_URLS, 7]);
    }
}
