//! RSS 2.0 feeds for the site and for each tag.
//!
//! Takes the digest and one list of entries; gives the feed file. Every URL in
//! a feed is absolute: item links, the `atom:link rel="self"`, and every `href`
//! and `src` inside the item HTML (the body's footnote links are the only
//! relative ones left after sanitising, and they get the article's URL).

use serde::Serialize;

use super::templates::Templates;
use super::view::{self, SiteView, Urls};
use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::digest::{Digest, Entry, EntryId, Group};
use crate::output::OutputFile;

/// What `rss.xml` sees.
#[derive(Debug, Clone, Serialize)]
pub struct FeedView<'a> {
    /// Site values.
    pub site: &'a SiteView<'a>,
    /// Channel title.
    pub title: String,
    /// The page the feed belongs to.
    pub link: String,
    /// The feed's own URL.
    pub self_url: String,
    /// Channel description.
    pub description: String,
    /// RFC 822 date of the newest item (never the clock, so builds repeat).
    pub last_build_date: Option<String>,
    /// Items, newest first.
    pub items: Vec<FeedItem<'a>>,
}

/// One feed item.
#[derive(Debug, Clone, Serialize)]
pub struct FeedItem<'a> {
    /// Title.
    pub title: &'a str,
    /// Our page for it.
    pub link: String,
    /// Stable id (see [`Entry::guid`]).
    pub guid: String,
    /// RFC 822 date.
    pub pub_date: String,
    /// Tag names.
    pub categories: Vec<String>,
    /// Item HTML (escaped by the template), absolute URLs only.
    pub description: String,
    /// The outlet.
    pub source: Option<String>,
}

/// RFC 822 date with a two-digit day, as feed validators expect.
pub fn rfc822(date: &chrono::DateTime<chrono::FixedOffset>) -> String {
    date.format("%a, %d %b %Y %H:%M:%S %z").to_string()
}

/// The site feed, `rss.xml`.
pub fn site_feed(
    digest: &Digest,
    templates: &Templates,
    config: &SiteConfig,
    site: &SiteView<'_>,
    urls: &Urls,
) -> Result<OutputFile, Diagnostic> {
    let ids: Vec<EntryId> = (0..digest.entries.len()).collect();
    let view = FeedView {
        site,
        title: config.title.clone(),
        link: urls.to(""),
        self_url: urls.to("rss.xml"),
        description: config.description.clone(),
        last_build_date: digest.entries.first().map(|e| rfc822(&e.date)),
        items: items(&ids, digest, config, urls),
    };
    render("rss.xml".to_owned(), templates, &view)
}

/// A tag's feed, `tags/KEY/rss.xml`.
pub fn tag_feed(
    key: &str,
    group: &Group,
    digest: &Digest,
    templates: &Templates,
    config: &SiteConfig,
    site: &SiteView<'_>,
    urls: &Urls,
) -> Result<OutputFile, Diagnostic> {
    let folder = view::tag_path(key);
    let path = format!("{folder}rss.xml");
    let view = FeedView {
        site,
        title: format!("{}: {}", config.title, group.name),
        link: urls.to(&folder),
        self_url: urls.to(&path),
        description: format!("Articles tagged {} in {}", group.name, config.title),
        last_build_date: group
            .entries
            .first()
            .map(|&id| rfc822(&digest.entries[id].date)),
        items: items(&group.entries, digest, config, urls),
    };
    render(path, templates, &view)
}

fn render(
    path: String,
    templates: &Templates,
    view: &FeedView<'_>,
) -> Result<OutputFile, Diagnostic> {
    let xml = templates.render("rss.xml", view)?;
    Ok(OutputFile {
        path,
        bytes: xml.into_bytes(),
    })
}

fn items<'a>(
    ids: &[EntryId],
    digest: &'a Digest,
    config: &SiteConfig,
    urls: &Urls,
) -> Vec<FeedItem<'a>> {
    ids.iter()
        .take(config.feed_limit)
        .map(|&id| item(&digest.entries[id], digest, urls))
        .collect()
}

fn item<'a>(entry: &'a Entry, digest: &Digest, urls: &Urls) -> FeedItem<'a> {
    let meta = &entry.article.meta;
    let link = urls.to(&view::article_path(&entry.slug));
    let body = entry.article.html.as_str();
    let mut description = if body.trim().is_empty() {
        format!(
            "<p>{}</p>",
            super::templates::escape_markup(&entry.article.summary)
        )
    } else {
        body.replace("href=\"#", &format!("href=\"{link}#"))
    };
    let source = entry
        .source
        .as_ref()
        .and_then(|k| digest.sources.get(k))
        .map(|g| g.name.clone());
    if let (Some(url), Some(name)) = (&meta.url, &source) {
        description.push_str(&format!(
            "<p>Original: <a href=\"{}\">{}</a></p>",
            super::templates::escape_markup(url.as_str()),
            super::templates::escape_markup(name)
        ));
    }
    FeedItem {
        title: &meta.title,
        link,
        guid: entry.guid.clone(),
        pub_date: rfc822(&entry.date),
        categories: entry
            .article
            .tags
            .iter()
            .filter_map(|t| digest.tags.get(&t.key).map(|g| g.name.clone()))
            .collect(),
        description,
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc822_has_two_digit_day_and_numeric_zone() {
        let d = chrono::DateTime::parse_from_rfc3339("2024-12-03T09:05:00+01:00").unwrap();
        assert_eq!(rfc822(&d), "Tue, 03 Dec 2024 09:05:00 +0100");
    }
}
