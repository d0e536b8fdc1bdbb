//! RSS 2.0 feeds for the site and for each tag.
//!
//! Takes the digest and one list of entries; gives the feed file. Every URL in
//! a feed is absolute: item links, the `atom:link rel="self"`, and every `href`
//! and `src` inside the item HTML (the body's footnote links are the only
//! relative ones left after sanitising, and they get the article's URL).

use serde::Serialize;

use super::templates::{Templates, escape_markup};
use super::view::{self, SiteView, Urls};
use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::digest::{Digest, Entry, EntryId, Group};
use crate::enrich::entities::Entity;
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
    /// Stable id (see [`Entry::guid`](crate::digest::Entry::guid)).
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

/// Everything a feed needs.
pub struct Feeds<'a> {
    /// The site model.
    pub digest: &'a Digest,
    /// Templates (`rss.xml`).
    pub templates: &'a Templates,
    /// Site settings.
    pub config: &'a SiteConfig,
    /// Site values for the template.
    pub site: &'a SiteView<'a>,
    /// URL builder.
    pub urls: &'a Urls,
}

impl Feeds<'_> {
    /// The site feed, `rss.xml`: one item per story.
    pub fn site(&self) -> Result<OutputFile, Diagnostic> {
        let ids: Vec<EntryId> = (0..self.digest.entries.len()).collect();
        let stories = self.digest.collapse(&ids);
        let view = FeedView {
            site: self.site,
            title: self.config.title.clone(),
            link: self.urls.to(""),
            self_url: self.urls.to("rss.xml"),
            description: self.config.description.clone(),
            last_build_date: self.newest(&ids),
            items: self.items(&stories, Content::Full),
        };
        self.render("rss.xml".to_owned(), &view)
    }

    /// A tag's feed, `tags/KEY/rss.xml`: one item per story.
    pub fn tag(&self, key: &str, group: &Group) -> Result<OutputFile, Diagnostic> {
        let folder = view::tag_path(key);
        let path = format!("{folder}rss.xml");
        let view = FeedView {
            site: self.site,
            title: format!("{}: {}", self.config.title, group.name),
            link: self.urls.to(&folder),
            self_url: self.urls.to(&path),
            description: format!("Articles tagged {} in {}", group.name, self.config.title),
            last_build_date: self.newest(&group.entries),
            items: self.items(&self.digest.collapse(&group.entries), Content::Full),
        };
        self.render(path, &view)
    }

    /// An entity's feed, `entities/SLUG/rss.xml`: every article mentioning it.
    pub fn entity(&self, entity: &Entity, ids: &[EntryId]) -> Result<OutputFile, Diagnostic> {
        let folder = view::entity_path(entity);
        let path = format!("{folder}rss.xml");
        let stories: Vec<(EntryId, Vec<EntryId>)> =
            ids.iter().map(|&id| (id, Vec::new())).collect();
        let view = FeedView {
            site: self.site,
            title: format!("{}: {}", self.config.title, entity.id),
            link: self.urls.to(&folder),
            self_url: self.urls.to(&path),
            description: format!(
                "Articles in {} that mention {}",
                self.config.title, entity.id
            ),
            last_build_date: self.newest(ids),
            // A site can mention tens of thousands of CVEs; their feeds are
            // alerts, so they carry summaries rather than whole articles.
            items: self.items(&stories, Content::Summary),
        };
        self.render(path, &view)
    }

    /// The newest entry's date: never the clock, so builds repeat.
    fn newest(&self, ids: &[EntryId]) -> Option<String> {
        ids.iter()
            .map(|&id| self.digest.entries[id].date)
            .max()
            .map(|d| rfc822(&d))
    }

    fn render(&self, path: String, view: &FeedView<'_>) -> Result<OutputFile, Diagnostic> {
        let xml = self.templates.render("rss.xml", view)?;
        Ok(OutputFile {
            path,
            bytes: xml.into_bytes(),
        })
    }

    fn items(&self, stories: &[(EntryId, Vec<EntryId>)], content: Content) -> Vec<FeedItem<'_>> {
        stories
            .iter()
            .take(self.config.feed_limit)
            .map(|(id, others)| self.item(*id, others, content))
            .collect()
    }

    fn item(&self, id: EntryId, others: &[EntryId], content: Content) -> FeedItem<'_> {
        let digest = self.digest;
        let entry: &Entry = &digest.entries[id];
        let meta = &entry.article.meta;
        let link = self.urls.to(&view::article_path(&entry.slug));
        let body = entry.article.html.as_str();
        let mut description = if body.trim().is_empty() || content == Content::Summary {
            format!("<p>{}</p>", escape_markup(&entry.article.summary))
        } else {
            absolute_links(body, &link, self.urls)
        };
        let source = entry
            .source
            .as_ref()
            .and_then(|k| digest.sources.get(k))
            .map(|g| g.name.clone());
        if let (Some(url), Some(name)) = (&meta.url, &source) {
            description.push_str(&format!(
                "<p>Original: <a href=\"{}\">{}</a></p>",
                escape_markup(url.as_str()),
                escape_markup(name)
            ));
        }
        if !others.is_empty() {
            description.push_str("<p>Also covered by:</p><ul>");
            for &o in others {
                let e = &digest.entries[o];
                let name = e
                    .source
                    .as_ref()
                    .and_then(|k| digest.sources.get(k))
                    .map_or(e.article.meta.title.as_str(), |g| g.name.as_str());
                description.push_str(&format!(
                    "<li><a href=\"{}\">{}</a></li>",
                    escape_markup(&self.urls.to(&view::article_path(&e.slug))),
                    escape_markup(name)
                ));
            }
            description.push_str("</ul>");
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
}

/// How much of each article an item carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    /// The whole sanitised article.
    Full,
    /// The summary only.
    Summary,
}

/// Makes the links in article HTML absolute: `#fn-1` gets the article's URL,
/// root-relative links to our own pages (entity mentions) get the site's.
fn absolute_links(html: &str, article_url: &str, urls: &Urls) -> String {
    let root = urls.path("");
    html.replace("href=\"#", &format!("href=\"{article_url}#"))
        .replace(
            &format!("href=\"{root}"),
            &format!("href=\"{}", urls.base()),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_in_feed_html_become_absolute() {
        let urls = Urls::new(&url::Url::parse("https://u.github.io/d/").unwrap());
        let html = r##"<a href="/d/entities/cve-2021-1/">x</a> <a href="#fn-1">1</a> <a href="https://e.org/">e</a>"##;
        assert_eq!(
            absolute_links(html, "https://u.github.io/d/articles/a/", &urls),
            r##"<a href="https://u.github.io/d/entities/cve-2021-1/">x</a> <a href="https://u.github.io/d/articles/a/#fn-1">1</a> <a href="https://e.org/">e</a>"##
        );
    }

    #[test]
    fn rfc822_has_two_digit_day_and_numeric_zone() {
        let d = chrono::DateTime::parse_from_rfc3339("2024-12-03T09:05:00+01:00").unwrap();
        assert_eq!(rfc822(&d), "Tue, 03 Dec 2024 09:05:00 +0100");
    }
}
