//! Feeds: one item model, three formats (RSS 2.0, Atom 1.0, JSON Feed 1.1),
//! for the site and for every tag, source, entity and ISO week.
//!
//! Takes the digest and one list of stories; gives `rss.xml`, `atom.xml` and
//! `feed.json` in the list's folder. RSS and Atom go through overridable
//! templates; JSON Feed is serialised from typed structs. Every URL is
//! absolute: item links, self links, and every `href` and `src` inside item
//! HTML (footnote links get the article's URL, links to our own pages the
//! site's). Ids never change with a title or slug: they are the canonical
//! original URL, or one made from the file path for hand-written entries.

use serde::Serialize;

use super::templates::{Templates, escape_markup};
use super::view::{self, SiteView, Urls};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Location};
use crate::digest::{Digest, Entry, EntryId, Period};
use crate::enrich::entities::{Entity, Kev};
use crate::output::OutputFile;

/// A feed's channel and items, as the RSS and Atom templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct FeedView<'a> {
    /// Site values.
    pub site: &'a SiteView<'a>,
    /// Channel title.
    pub title: String,
    /// The page the feed belongs to.
    pub link: String,
    /// The feed's own URL (in the format being rendered).
    pub self_url: String,
    /// The RSS, Atom and JSON Feed URLs of this feed.
    pub rss_url: String,
    /// Atom URL.
    pub atom_url: String,
    /// JSON Feed URL.
    pub json_url: String,
    /// Channel description, plain text (Atom's `subtitle`, JSON Feed's
    /// `description`).
    pub description: String,
    /// The description escaped for HTML, for RSS's `<description>`, which
    /// readers render as HTML: a tag named `<img src=x onerror=...>` must
    /// arrive as text. The template then escapes it again, for XML.
    pub description_html: String,
    /// RFC 822 date of the newest item (never the clock, so builds repeat).
    pub last_build_date: Option<String>,
    /// RFC 3339 date of the newest item, for Atom's `updated`.
    pub updated: String,
    /// Items, newest first.
    pub items: Vec<FeedItem<'a>>,
}

/// One feed item, shared by the three formats.
#[derive(Debug, Clone, Serialize)]
pub struct FeedItem<'a> {
    /// Title.
    pub title: &'a str,
    /// Our page for it.
    pub link: String,
    /// Stable id (see [`Entry::guid`](crate::digest::Entry::guid)).
    pub guid: String,
    /// The original article, if any.
    pub external_url: Option<String>,
    /// RFC 822 date (RSS).
    pub pub_date: String,
    /// RFC 3339 date (Atom, JSON Feed).
    pub date: String,
    /// Tag names.
    pub categories: Vec<String>,
    /// Plain-text summary.
    pub summary: &'a str,
    /// The summary, or the title when there is none, escaped for HTML (for
    /// RSS's `<description>`, see [`FeedView::description_html`]).
    pub summary_html: String,
    /// Item HTML, absolute URLs only: the whole article, or the summary for
    /// alert feeds. Escaped by the templates.
    pub content_html: String,
    /// `content_html` escaped once for XML, which the built-in `rss.xml`
    /// and `atom.xml` print with `| safe`: escaping a whole article in each
    /// of the two templates cost a tenth of the feeds' render.
    pub content_xml: String,
    /// The outlet.
    pub source: Option<String>,
    /// Author of a hand-written entry.
    pub author: Option<&'a str>,
}

/// RFC 822 date with a two-digit day, as feed validators expect.
pub fn rfc822(date: &chrono::DateTime<chrono::FixedOffset>) -> String {
    date.format("%a, %d %b %Y %H:%M:%S %z").to_string()
}

// Entity feeds always use summaries: a site can mention tens of thousands of
// CVEs, and their feeds are alerts.
use crate::config::FeedContent as Content;

/// Everything a feed needs.
pub struct Feeds<'a> {
    /// The site model.
    pub digest: &'a Digest,
    /// Templates (`rss.xml`, `atom.xml`).
    pub templates: &'a Templates,
    /// Site settings.
    pub config: &'a SiteConfig,
    /// Site values for the templates.
    pub site: &'a SiteView<'a>,
    /// URL builder.
    pub urls: &'a Urls,
    /// The KEV catalogue, for CVE names in entity feed titles.
    pub kev: &'a Kev,
    /// The snapshot's shared work: each entry's body as feeds carry it.
    pub lists: &'a super::StoryLists,
}

/// One feed to write: where, what it is called, and its stories.
struct FeedSpec<'s> {
    folder: String,
    title: String,
    description: String,
    stories: &'s [(EntryId, Vec<EntryId>)],
    content: Content,
}

impl Feeds<'_> {
    /// The site's feeds at the output root: one item per story.
    pub fn site(&self, stories: &[(EntryId, Vec<EntryId>)]) -> Result<Vec<OutputFile>, Diagnostic> {
        self.write(FeedSpec {
            folder: String::new(),
            title: self.config.title.clone(),
            description: self.config.description.clone(),
            stories,
            content: self.config.feed_content,
        })
    }

    /// A list's feeds in `folder` (a tag's, a source's): one item per story,
    /// titled "SITE: NAME" and described by `description`.
    pub fn list(
        &self,
        folder: String,
        name: &str,
        description: String,
        stories: &[(EntryId, Vec<EntryId>)],
    ) -> Result<Vec<OutputFile>, Diagnostic> {
        self.write(FeedSpec {
            folder,
            title: format!("{}: {name}", self.config.title),
            description,
            stories,
            content: self.config.feed_content,
        })
    }

    /// An ISO week's feeds in `weeks/YYYY-Www/`: one item per story.
    pub fn week(
        &self,
        period: &Period,
        stories: &[(EntryId, Vec<EntryId>)],
    ) -> Result<Vec<OutputFile>, Diagnostic> {
        self.write(FeedSpec {
            folder: format!("{}/", period.path()),
            title: format!("{}: {}", self.config.title, period.title()),
            description: format!("{} in {}", period.title(), self.config.title),
            stories,
            content: self.config.feed_content,
        })
    }

    /// An entity's feed beside its page, Atom only: every article mentioning
    /// it. One format is enough for an alert feed every reader takes, and a
    /// site can have tens of thousands of them.
    pub fn entity(&self, entity: &Entity, ids: &[EntryId]) -> Result<Vec<OutputFile>, Diagnostic> {
        let stories: Vec<(EntryId, Vec<EntryId>)> =
            ids.iter().map(|&id| (id, Vec::new())).collect();
        let path = view::entity_feed_path(entity);
        let url = self.urls.to(&path);
        let urls = FeedUrls {
            rss: url.clone(),
            atom: url.clone(),
            json: url,
        };
        // A reader's feed list shows the title alone, so it names the
        // technique or vulnerability, not just its ID.
        let named = match entity.title(self.kev) {
            Some(t) => format!("{} ({t})", entity.id),
            None => entity.id.clone(),
        };
        let spec = FeedSpec {
            folder: view::entity_path(entity),
            title: format!("{}: {named}", self.config.title),
            description: format!("Articles in {} that mention {named}", self.config.title),
            stories: &stories,
            content: Content::Summary,
        };
        let mut view = self.view(&spec, &urls);
        view.self_url = urls.atom.clone();
        let atom = self.templates.render("atom.xml", &view)?;
        Ok(vec![OutputFile::new(path, atom)])
    }

    /// Renders the three formats of one feed.
    fn write(&self, spec: FeedSpec<'_>) -> Result<Vec<OutputFile>, Diagnostic> {
        let urls = FeedUrls::new(&spec.folder, self.urls);
        let view = self.view(&spec, &urls);
        // One context for both: the items' bodies are most of it.
        let mut context = self.templates.context("rss.xml", &view)?;
        let rss = self.templates.render_context("rss.xml", &context)?;
        context.insert("self_url", &urls.atom);
        let atom = self.templates.render_context("atom.xml", &context)?;
        let json = json_feed(&view).map_err(|e| {
            Diagnostic::error(
                Location::file(format!("{}feed.json", spec.folder)),
                e.to_string(),
            )
        })?;
        Ok(vec![
            OutputFile {
                path: format!("{}rss.xml", spec.folder),
                bytes: rss.into_bytes(),
            },
            OutputFile {
                path: format!("{}atom.xml", spec.folder),
                bytes: atom.into_bytes(),
            },
            OutputFile {
                path: format!("{}feed.json", spec.folder),
                bytes: json,
            },
        ])
    }

    /// The channel and items of one feed; `self_url` is the RSS one.
    fn view(&self, spec: &FeedSpec<'_>, urls: &FeedUrls) -> FeedView<'_> {
        let newest = self.config.build_date.or_else(|| {
            spec.stories
                .iter()
                .map(|(id, _)| self.digest.entries[*id].date)
                .max()
        });
        FeedView {
            site: self.site,
            title: spec.title.clone(),
            link: self.urls.to(&spec.folder),
            self_url: urls.rss.clone(),
            rss_url: urls.rss.clone(),
            atom_url: urls.atom.clone(),
            json_url: urls.json.clone(),
            description: spec.description.clone(),
            description_html: escape_markup(&spec.description),
            last_build_date: newest.map(|d| rfc822(&d)),
            // An empty feed has no newest item; the Unix epoch keeps the
            // output the same from build to build.
            updated: newest.map_or_else(
                || "1970-01-01T00:00:00+00:00".to_owned(),
                |d| d.to_rfc3339(),
            ),
            items: spec
                .stories
                .iter()
                .take(self.config.feed_limit)
                .map(|(id, others)| self.item(*id, others, spec.content))
                .collect(),
        }
    }

    fn item(&self, id: EntryId, others: &[EntryId], content: Content) -> FeedItem<'_> {
        let digest = self.digest;
        let entry: &Entry = &digest.entries[id];
        let meta = &entry.article.meta;
        let link = self.urls.to(&view::article_path(&entry.slug));
        let body = entry.article.html.as_str();
        let mut html = if body.trim().is_empty() || content == Content::Summary {
            format!("<p>{}</p>", escape_markup(&entry.article.summary))
        } else {
            self.lists
                .feed_body(id, || absolute_links(body, &link))
                .to_owned()
        };
        let source = entry
            .source
            .as_ref()
            .and_then(|k| digest.sources.get(k))
            .map(|g| g.name.clone());
        if let (Some(url), Some(name)) = (&meta.url, &source) {
            html.push_str(&format!(
                "<p>Original: <a href=\"{}\">{}</a></p>",
                escape_markup(url.as_str()),
                escape_markup(name)
            ));
        }
        if !others.is_empty() {
            html.push_str("<p>Also covered by:</p><ul>");
            for &o in others {
                let e = &digest.entries[o];
                let name = e
                    .source
                    .as_ref()
                    .and_then(|k| digest.sources.get(k))
                    .map_or(e.article.meta.title.as_str(), |g| g.name.as_str());
                html.push_str(&format!(
                    "<li><a href=\"{}\">{}</a></li>",
                    escape_markup(&self.urls.to(&view::article_path(&e.slug))),
                    escape_markup(name)
                ));
            }
            html.push_str("</ul>");
        }
        FeedItem {
            title: &meta.title,
            link,
            guid: entry.guid.clone(),
            external_url: meta.url.as_ref().map(|u| u.to_string()),
            pub_date: rfc822(&entry.date),
            date: entry.date.to_rfc3339(),
            categories: entry
                .article
                .tags
                .iter()
                .filter_map(|t| digest.tags.get(&t.key).map(|g| g.name.clone()))
                .collect(),
            summary: &entry.article.summary,
            summary_html: escape_markup(if entry.article.summary.is_empty() {
                &meta.title
            } else {
                &entry.article.summary
            }),
            content_xml: escape_markup(&html),
            content_html: html,
            source,
            author: meta.author.as_deref(),
        }
    }
}

/// The three URLs of a feed in `folder`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FeedUrls {
    /// `.../rss.xml`
    pub rss: String,
    /// `.../atom.xml`
    pub atom: String,
    /// `.../feed.json`
    pub json: String,
}

impl FeedUrls {
    /// The absolute feed URLs of the list in `folder` (`""` for the site).
    pub fn new(folder: &str, urls: &Urls) -> Self {
        FeedUrls {
            rss: urls.to(&format!("{folder}rss.xml")),
            atom: urls.to(&format!("{folder}atom.xml")),
            json: urls.to(&format!("{folder}feed.json")),
        }
    }
}

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a str,
    feed_url: &'a str,
    description: &'a str,
    language: &'a str,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_url: Option<&'a str>,
    title: &'a str,
    content_html: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    summary: &'a str,
    date_published: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<JsonAuthor<'a>>,
}

#[derive(Serialize)]
struct JsonAuthor<'a> {
    name: &'a str,
}

/// JSON Feed 1.1 from the same view the templates see.
fn json_feed(view: &FeedView<'_>) -> serde_json::Result<Vec<u8>> {
    let feed = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: &view.title,
        home_page_url: &view.link,
        feed_url: &view.json_url,
        description: &view.description,
        language: view.site.language,
        items: view
            .items
            .iter()
            .map(|i| JsonItem {
                id: &i.guid,
                url: &i.link,
                external_url: i.external_url.as_deref(),
                title: i.title,
                content_html: &i.content_html,
                summary: i.summary,
                date_published: &i.date,
                tags: &i.categories,
                authors: i
                    .author
                    .or(i.source.as_deref())
                    .map(|name| vec![JsonAuthor { name }])
                    .unwrap_or_default(),
            })
            .collect(),
    };
    let mut bytes = serde_json::to_vec_pretty(&feed)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Makes the links in article HTML absolute, since a feed reader resolves
/// them against nothing we control: each relative `href` and `src` is
/// resolved against the article's own URL (`#fn-1`, an entity page's
/// `/d/entities/...`, an editor's `../2024/x/`). Read with an HTML rewriter,
/// so markup quoted in code is text and never rewritten.
fn absolute_links(html: &str, article_url: &str) -> String {
    let Ok(page) = url::Url::parse(article_url) else {
        return html.to_owned();
    };
    let settings = lol_html::RewriteStrSettings::new().append_element_content_handler(
        lol_html::element!("*", |el| {
            for name in ["href", "src"] {
                let Some(raw) = el.get_attribute(name) else {
                    continue;
                };
                let value = crate::names::decode_entities(&raw);
                // Only relative URLs: an absolute one (or `mailto:`) stays.
                if url::Url::parse(&value) == Err(url::ParseError::RelativeUrlWithoutBase)
                    && let Ok(joined) = page.join(&value)
                {
                    // The rewriter writes values as given, quoting only `"`.
                    el.set_attribute(name, &joined.as_str().replace('&', "&amp;"))?;
                }
            }
            Ok(())
        }),
    );
    // Ours is the only handler and fails only on a bad attribute name,
    // which "href" and "src" are not; keep the text as it was otherwise.
    lol_html::rewrite_str(html, settings).unwrap_or_else(|_| html.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_in_feed_html_become_absolute() {
        let html = r##"<a href="/d/entities/cve-2021-1/">x</a> <a href="#fn-1">1</a> <a href="https://e.org/?a=1&amp;b=2">e</a> <img src="../i.png" alt=""> <a href="mailto:a@b.org">m</a>"##;
        assert_eq!(
            absolute_links(html, "https://u.github.io/d/articles/a/"),
            r##"<a href="https://u.github.io/d/entities/cve-2021-1/">x</a> <a href="https://u.github.io/d/articles/a/#fn-1">1</a> <a href="https://e.org/?a=1&amp;b=2">e</a> <img src="https://u.github.io/d/articles/i.png" alt=""> <a href="mailto:a@b.org">m</a>"##
        );
    }

    #[test]
    fn markup_quoted_in_code_is_not_rewritten() {
        // See: issue 11. The sanitiser leaves `"` unescaped in text.
        let html = r#"<p><code>&lt;a href="/admin/"&gt;</code></p><pre><code>&lt;img src="/x.png"&gt;</code></pre>"#;
        assert_eq!(
            absolute_links(html, "https://u.github.io/d/articles/a/"),
            html
        );
    }

    #[test]
    fn rfc822_has_two_digit_day_and_numeric_zone() {
        let d = chrono::DateTime::parse_from_rfc3339("2024-12-03T09:05:00+01:00").unwrap();
        assert_eq!(rfc822(&d), "Tue, 03 Dec 2024 09:05:00 +0100");
    }
}
