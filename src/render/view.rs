//! Typed view structs the templates see.
//!
//! Takes the [`Digest`] and config; gives serialisable structs with every URL
//! and date already made. Links between pages are root-relative under the base
//! URL's path (`/digest/tags/x/`), so a site works on its host, on a sub-path
//! and on a local preview server alike; canonical URLs, feed URLs, feeds and
//! the sitemap are absolute. Templates never build URLs or parse dates.

use serde::Serialize;
use url::Url;

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::digest::{Digest, Entry, EntryId, Group};
use crate::enrich::entities::{Entity, EntityKind, Kev};

/// Builds URLs under the site's base URL.
#[derive(Debug, Clone)]
pub struct Urls {
    base: String,
    base_path: String,
}

impl Urls {
    /// URLs under `base` (which ends in `/`).
    pub fn new(base: &Url) -> Self {
        Urls {
            base: base.as_str().to_owned(),
            base_path: base.path().to_owned(),
        }
    }

    /// The root-relative URL of an output path: `/digest/tags/x/` under
    /// `https://user.github.io/digest/`.
    pub fn path(&self, path: &str) -> String {
        format!("{}{}", self.base_path, path)
    }

    /// The absolute URL of an output path: `""` is the home page,
    /// `tags/x/` a folder page, `rss.xml` a file.
    pub fn to(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// The base URL itself.
    pub fn base(&self) -> &str {
        &self.base
    }
}

/// Site-wide values, on every page as `site`.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView<'a> {
    /// Site title.
    pub title: &'a str,
    /// Site description.
    pub description: &'a str,
    /// Language tag, for `<html lang>`.
    pub language: &'a str,
    /// Base URL, ending in `/`.
    pub base_url: &'a str,
    /// Home page (root-relative, like every `*_url` here but the feed).
    pub home_url: String,
    /// The site's RSS feed (absolute, for feed readers).
    pub feed_url: String,
    /// The site's feeds in all three formats.
    pub feeds: super::feeds::FeedUrls,
    /// Every story, newest first.
    pub latest_url: String,
    /// Tags index.
    pub tags_url: String,
    /// Sources index.
    pub sources_url: String,
    /// Archive index.
    pub archive_url: String,
    /// Entities index (CVEs, techniques, watch-list names).
    pub entities_url: String,
    /// The stylesheet.
    pub stylesheet_url: String,
    /// The favicon.
    pub favicon_url: String,
    /// The search page, where the search box sends a query without a script.
    pub search_url: String,
    /// The search index the script reads.
    pub search_index_url: String,
    /// The search script (`theme/search.js`).
    pub search_script_url: String,
    /// The frame every page shares, made once per build (see [`SiteChrome`]).
    pub chrome: &'a SiteChrome,
}

/// The parts of every HTML page that depend on the site alone: the
/// templates `site_head.html`, `site_header.html`, `site_search.html` and
/// `site_footer.html`, each rendered once per build with `site` and printed
/// by `base.html`. Rendering them on every page was some thirty variable
/// lookups and escapes a page, a twentieth of a build.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SiteChrome {
    /// The `<head>` lines every page shares (site name, stylesheet, feeds).
    pub head: String,
    /// The skip link and the header up to its search box.
    pub header: String,
    /// The header's search box.
    pub search: String,
    /// The footer.
    pub footer: String,
}

/// What the chrome templates are rendered before there is any chrome.
static NO_CHROME: SiteChrome = SiteChrome {
    head: String::new(),
    header: String::new(),
    search: String::new(),
    footer: String::new(),
};

/// The variables of a chrome template: `site` alone.
#[derive(Serialize)]
struct ChromeContext<'a> {
    site: &'a SiteView<'a>,
}

impl SiteChrome {
    /// Renders the four chrome templates for the site of `config`. Line
    /// breaks around each are dropped: `base.html` gives each its own line.
    ///
    /// # Errors
    /// The chrome template that failed.
    pub fn render(
        templates: &super::templates::Templates,
        config: &SiteConfig,
        urls: &Urls,
    ) -> Result<Self, Diagnostic> {
        let site = SiteView::new(config, urls, &NO_CHROME);
        let context = ChromeContext { site: &site };
        let part = |name: &str| -> Result<String, Diagnostic> {
            let html = templates.render(name, &context)?;
            Ok(html.trim_matches('\n').to_owned())
        };
        Ok(SiteChrome {
            head: part("site_head.html")?,
            header: part("site_header.html")?,
            search: part("site_search.html")?,
            footer: part("site_footer.html")?,
        })
    }
}

impl<'a> SiteView<'a> {
    /// From the config, with `chrome` made for it (or none yet: see
    /// [`SiteChrome::render`]).
    pub fn new(site: &'a SiteConfig, urls: &Urls, chrome: &'a SiteChrome) -> Self {
        SiteView {
            title: &site.title,
            description: &site.description,
            language: &site.language,
            base_url: site.base_url.as_str(),
            home_url: urls.path(""),
            feed_url: urls.to("rss.xml"),
            feeds: super::feeds::FeedUrls::new("", urls),
            latest_url: urls.path(super::LATEST),
            tags_url: urls.path("tags/"),
            sources_url: urls.path("sources/"),
            archive_url: urls.path("archive/"),
            entities_url: urls.path("entities/"),
            stylesheet_url: urls.path("style.css"),
            favicon_url: urls.path("favicon.svg"),
            search_url: urls.path(super::SEARCH_PAGE),
            search_index_url: urls.path(super::search::INDEX_PATH),
            search_script_url: urls.path("search.js"),
            chrome,
        }
    }
}

/// A link with a label.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Link {
    /// Shown text.
    pub name: String,
    /// Absolute URL.
    pub url: String,
}

/// A link to a group, with how many entries it has.
#[derive(Debug, Clone, Serialize)]
pub struct CountedLink {
    /// Shown text.
    pub name: String,
    /// Absolute URL.
    pub url: String,
    /// Entries in the group.
    pub count: usize,
}

/// One entry as lists and the article page show it.
#[derive(Debug, Clone, Serialize)]
pub struct EntryView<'a> {
    /// Title.
    pub title: &'a str,
    /// Our page for it (root-relative).
    pub url: String,
    /// `2024-12-03T00:00:00+00:00`, for `<time datetime>`.
    pub date_iso: String,
    /// `3 December 2024`.
    pub date_display: String,
    /// The outlet and our page for it.
    pub source: Option<Link>,
    /// The original article.
    pub original_url: Option<&'a str>,
    /// Summary text (may be empty).
    pub summary: &'a str,
    /// Tags with their pages.
    pub tags: Vec<Link>,
    /// Author of a hand-written entry.
    pub author: Option<&'a str>,
    /// CVEs it mentions that are in the KEV catalogue.
    pub known_exploited: Vec<Link>,
    /// Other reports of the same story ("Also covered by"); filled for list
    /// entries and the article page.
    pub also: Vec<AlsoLink>,
    /// Entity badges: on the home page's stories the first few
    /// (known-exploited CVEs first), empty elsewhere (the article page has
    /// `entities`; lists keep their pages small).
    pub entities: Vec<EntityLink>,
    /// Tags past the shown ones (`tags` keeps at most [`TAGS_SHOWN`] on
    /// list entries; the article page shows the rest behind "more").
    pub more_tags: Vec<Link>,
    /// The article's language when it is known: from front matter
    /// `lang`/`language`, else from a script of its title that names one
    /// (Han, kana, Hangul, Arabic, Hebrew, ...).
    pub lang: Option<String>,
    /// This entry as the `entry` macro of `macros.html` renders it at
    /// heading level 2, made once and shared by every page that lists it;
    /// empty where a page shows entries its own way (the home page's week,
    /// the article page's related links),
    /// or the macro failed (the page's own call then reports why).
    pub html: &'a str,
}

/// An entry on a list or entity page.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum ListedEntry<'a> {
    /// Only its shared markup, when no template reads more: all the
    /// built-in pages print. Building and serialising every field of an
    /// entry on each of the dozen pages that list it was a sixth of the
    /// render stage.
    Made {
        /// As [`EntryView::html`].
        html: &'a str,
    },
    /// Every field.
    Full(Box<EntryView<'a>>),
}

/// Tags a list entry or an article shows before "more".
pub const TAGS_SHOWN: usize = 6;

/// Entity badges on a list entry.
pub const ENTITY_BADGES: usize = 6;

/// Another report of the same story.
#[derive(Debug, Clone, Serialize)]
pub struct AlsoLink {
    /// Its title.
    pub title: String,
    /// Our page for it.
    pub url: String,
    /// Its outlet, if known.
    pub source: Option<String>,
    /// Its original article.
    pub original_url: Option<String>,
}

impl AlsoLink {
    /// The link for entry `id`.
    pub fn new(id: EntryId, digest: &Digest, urls: &Urls) -> Self {
        let e = &digest.entries[id];
        AlsoLink {
            title: e.article.meta.title.clone(),
            url: urls.path(&article_path(&e.slug)),
            source: e
                .source
                .as_ref()
                .and_then(|k| digest.sources.get(k))
                .map(|g| g.name.clone()),
            original_url: e.article.meta.url.as_ref().map(|u| u.to_string()),
        }
    }
}

/// An entity as a link, with its KEV status.
#[derive(Debug, Clone, Serialize)]
pub struct EntityLink {
    /// `CVE-2021-44228`, `T1566.001`, `APT29`.
    pub name: String,
    /// Its page.
    pub url: String,
    /// `CVE`, `ATT&CK technique`, `actor`, ...
    pub kind: String,
    /// Its name beyond the ID, when known: `Phishing: Spearphishing
    /// Attachment` for T1566.001, the KEV name of a known-exploited CVE.
    pub title: Option<String>,
    /// In the KEV catalogue.
    pub known_exploited: bool,
}

impl EntityLink {
    /// The link for `entity`.
    pub fn new(entity: &Entity, kev: &Kev, urls: &Urls) -> Self {
        EntityLink {
            name: entity.id.clone(),
            url: urls.path(&entity_path(entity)),
            kind: entity.kind_label(),
            title: entity.title(kev),
            known_exploited: entity.kind == EntityKind::Cve && kev.get(&entity.id).is_some(),
        }
    }
}

impl<'a> EntryView<'a> {
    /// The view of `entry`, with its known-exploited CVEs.
    pub fn new(entry: &'a Entry, digest: &Digest, kev: &Kev, urls: &Urls) -> Self {
        let meta = &entry.article.meta;
        let source = entry.source.as_ref().and_then(|key| {
            digest.sources.get(key).map(|g| Link {
                name: g.name.clone(),
                url: urls.path(&source_path(key)),
            })
        });
        let tags = entry
            .article
            .tags
            .iter()
            .filter_map(|t| {
                digest.tags.get(&t.key).map(|g| Link {
                    name: g.name.clone(),
                    url: urls.path(&tag_path(&t.key)),
                })
            })
            .collect();
        EntryView {
            title: &meta.title,
            url: urls.path(&article_path(&entry.slug)),
            date_iso: entry.date.to_rfc3339(),
            date_display: entry.date.format("%-d %B %Y").to_string(),
            source,
            original_url: meta.url.as_ref().map(Url::as_str),
            summary: &entry.article.summary,
            tags,
            author: meta.author.as_deref(),
            known_exploited: entry
                .article
                .entities
                .iter()
                .filter(|e| e.kind == EntityKind::Cve && kev.get(&e.id).is_some())
                .map(|e| Link {
                    name: e.id.clone(),
                    url: urls.path(&entity_path(e)),
                })
                .collect(),
            also: Vec::new(),
            entities: Vec::new(),
            more_tags: Vec::new(),
            lang: article_lang(meta),
            html: "",
        }
        .with_tags_cut()
    }

    /// With its shared markup, when it was made.
    pub fn with_html(mut self, html: Option<&'a str>) -> Self {
        self.html = html.unwrap_or_default();
        self
    }

    /// Moves the tags past [`TAGS_SHOWN`] to `more_tags`.
    fn with_tags_cut(mut self) -> Self {
        if self.tags.len() > TAGS_SHOWN {
            self.more_tags = self.tags.split_off(TAGS_SHOWN);
        }
        self
    }

    /// Adds entity badges: known-exploited CVEs first, then in the
    /// article's order (CVEs, techniques, watch-list names), at most
    /// [`ENTITY_BADGES`].
    pub fn with_entities(mut self, entry: &Entry, kev: &Kev, urls: &Urls) -> Self {
        let mut links: Vec<EntityLink> = entry
            .article
            .entities
            .iter()
            .map(|e| EntityLink::new(e, kev, urls))
            .collect();
        links.sort_by_key(|l| !l.known_exploited);
        links.truncate(ENTITY_BADGES);
        self.entities = links;
        self
    }

    /// Adds the other reports of the same story.
    pub fn with_also(mut self, others: &[EntryId], digest: &Digest, urls: &Urls) -> Self {
        self.also = others
            .iter()
            .map(|&id| AlsoLink::new(id, digest, urls))
            .collect();
        self
    }
}

/// Page numbers and neighbours of a paginated list.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Pagination {
    /// 1-based current page.
    pub current: usize,
    /// Number of pages.
    pub total: usize,
    /// Previous page, if any.
    pub prev_url: Option<String>,
    /// Next page, if any.
    pub next_url: Option<String>,
}

/// A list of entries: home, tag, source, month and week pages.
#[derive(Debug, Clone, Serialize)]
pub struct ListPage<'a> {
    /// Site values.
    pub site: &'a SiteView<'a>,
    /// `<title>` text.
    pub title: String,
    /// The page's `<h1>`.
    pub heading: String,
    /// A line under the heading, may be empty.
    pub intro: String,
    /// This page's absolute URL (canonical).
    pub url: String,
    /// Which list: `home`, `tag`, `source`, `month`, `week`, `year`.
    pub kind: &'static str,
    /// The feeds of this list (RSS, Atom, JSON Feed), if it has them.
    pub feeds: Option<super::feeds::FeedUrls>,
    /// Home page of a source.
    pub source_home: Option<String>,
    /// Entries on this page.
    pub entries: Vec<ListedEntry<'a>>,
    /// Paging, when there is more than one page.
    pub pagination: Option<Pagination>,
    /// Related periods (the months of a year page, the week links of a month).
    pub periods: Vec<CountedLink>,
    /// A week's email edition (root-relative URL of `email.html`).
    pub email_url: Option<String>,
    /// On a week page, the newer and older weeks.
    pub neighbours: Option<Neighbours>,
}

/// An article's own page.
#[derive(Debug, Clone, Serialize)]
pub struct ArticlePage<'a> {
    /// Site values.
    pub site: &'a SiteView<'a>,
    /// `<title>` text: the article's title, as on every page.
    pub title: &'a str,
    /// The entry.
    pub entry: EntryView<'a>,
    /// This page's absolute URL (canonical).
    pub url: String,
    /// Sanitised body HTML (the only raw HTML a template emits).
    pub content: &'a str,
    /// When it was scraped, for scraped pages: `6 October 2025`.
    pub fetched_display: Option<String>,
    /// ISO week page of the article.
    pub week: Link,
    /// Every front-matter key Briefing does not read itself.
    pub extra: &'a std::collections::BTreeMap<String, serde_json::Value>,
    /// Entities it mentions.
    pub entities: Vec<EntityLink>,
    /// Related articles: shared entities, then tags, then time.
    pub related: Vec<EntryView<'a>>,
    /// For `<meta name="description">` and Open Graph: the summary, else
    /// the site's description.
    pub description: &'a str,
    /// Minutes to read the body (see [`reading_minutes`]).
    pub reading_minutes: usize,
    /// The newer and older stories of its week.
    pub in_week: Neighbours,
}

/// An entity's page: every article that mentions it.
#[derive(Debug, Clone, Serialize)]
pub struct EntityPage<'a> {
    /// Site values.
    pub site: &'a SiteView<'a>,
    /// `<title>`.
    pub title: String,
    /// This page's absolute URL.
    pub url: String,
    /// `CVE-2021-44228`.
    pub name: String,
    /// `CVE`, `ATT&CK technique`, `actor`.
    pub kind: String,
    /// Its name beyond the ID, when known (see [`EntityLink::title`]).
    pub entity_title: Option<String>,
    /// For a technique, the ATT&CK version its name comes from.
    pub attack_version: Option<&'static str>,
    /// The record elsewhere (cve.org, attack.mitre.org).
    pub reference_url: Option<String>,
    /// The KEV entry, for a known-exploited CVE.
    pub kev: Option<&'a crate::enrich::entities::KevEntry>,
    /// The entity's Atom feed, when it has one (see `entity_feeds`).
    pub feed: Option<String>,
    /// Every article that mentions it, newest first.
    pub entries: Vec<ListedEntry<'a>>,
}

/// The entities index, one section per kind.
#[derive(Debug, Clone, Serialize)]
pub struct EntitiesPage<'a> {
    /// Site values.
    pub site: &'a SiteView<'a>,
    /// `<title>` and `<h1>`.
    pub title: String,
    /// This page's absolute URL.
    pub url: String,
    /// Sections: CVEs, ATT&CK techniques, then watch-list groups.
    pub sections: Vec<EntitySection>,
    /// Pages of a big group.
    pub pagination: Option<Pagination>,
}

/// One kind of entity on the index.
#[derive(Debug, Clone, Serialize)]
pub struct EntitySection {
    /// `CVEs`, `ATT&CK techniques`, `Actors`.
    pub heading: String,
    /// How many entities of this kind there are.
    pub total: usize,
    /// The entities shown, with article counts: on the index the most
    /// mentioned, on a group page a page of the group.
    pub entities: Vec<EntityCount>,
    /// On the index, the kind's group pages (CVEs by year), with the number
    /// of entities in each.
    pub groups: Vec<CountedLink>,
}

/// An entity with its article count.
#[derive(Debug, Clone, Serialize)]
pub struct EntityCount {
    /// The link.
    pub link: EntityLink,
    /// Articles mentioning it.
    pub count: usize,
}

/// An index of groups: all tags, all sources.
#[derive(Debug, Clone, Serialize)]
pub struct IndexPage<'a> {
    /// Site values.
    pub site: &'a SiteView<'a>,
    /// `<title>` and `<h1>`.
    pub title: String,
    /// This page's absolute URL (canonical).
    pub url: String,
    /// Which index: `tags` or `sources`.
    pub kind: &'static str,
    /// The groups, by name.
    pub groups: Vec<CountedLink>,
}

/// One year on the archive page.
#[derive(Debug, Clone, Serialize)]
pub struct ArchiveYear {
    /// Year page.
    pub link: CountedLink,
    /// Its months, newest first.
    pub months: Vec<CountedLink>,
    /// Its ISO weeks, newest first.
    pub weeks: Vec<CountedLink>,
}

/// The archive index.
#[derive(Debug, Clone, Serialize)]
pub struct ArchivePage<'a> {
    /// Site values.
    pub site: &'a SiteView<'a>,
    /// `<title>` and `<h1>`.
    pub title: String,
    /// This page's absolute URL (canonical).
    pub url: String,
    /// Years, newest first.
    pub years: Vec<ArchiveYear>,
}

/// A page with nothing but site values (404).
#[derive(Debug, Clone, Serialize)]
pub struct PlainPage<'a> {
    /// Site values.
    pub site: &'a SiteView<'a>,
    /// `<title>` and `<h1>`.
    pub title: String,
    /// This page's absolute URL (canonical).
    pub url: String,
}

/// Output folder of an article page.
pub fn article_path(slug: &str) -> String {
    format!("articles/{slug}/")
}

/// Output file of an entity page (see [`Entity::page_path`]).
pub fn entity_path(entity: &Entity) -> String {
    entity.page_path()
}

/// Output file of an entity's Atom feed, beside its page.
pub fn entity_feed_path(entity: &Entity) -> String {
    entity.feed_path()
}

/// Output folder of a tag page.
pub fn tag_path(key: &str) -> String {
    format!("tags/{key}/")
}

/// Output folder of a source page.
pub fn source_path(key: &str) -> String {
    format!("sources/{key}/")
}

/// Page `n` (1-based) of a list whose first page is at `first`.
pub fn page_path(first: &str, n: usize) -> String {
    if n <= 1 {
        first.to_owned()
    } else {
        format!("{first}page/{n}/")
    }
}

/// Name and count links for groups, sorted by name (then key).
pub fn group_links(
    groups: &std::collections::BTreeMap<String, Group>,
    path: fn(&str) -> String,
    urls: &Urls,
) -> Vec<CountedLink> {
    let mut links: Vec<(String, &String, CountedLink)> = groups
        .iter()
        .map(|(key, g)| {
            (
                g.name.to_lowercase(),
                key,
                CountedLink {
                    name: g.name.clone(),
                    url: urls.path(&path(key)),
                    count: g.entries.len(),
                },
            )
        })
        .collect();
    links.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    links.into_iter().map(|(_, _, l)| l).collect()
}

/// An article's language: front matter `lang` or `language` when it is a
/// well-formed language tag, else the language a non-Latin script of the
/// title implies. `None` when unknown: the page's `lang` then holds.
pub fn article_lang(meta: &crate::article::Meta) -> Option<String> {
    let given = ["lang", "language"]
        .iter()
        .find_map(|k| meta.extra.get(*k).and_then(|v| v.as_str()));
    if let Some(tag) = given.filter(|t| is_language_tag(t)) {
        return Some(tag.to_owned());
    }
    script_language(&meta.title).map(str::to_owned)
}

/// `en`, `zh-Hans`, `pt-BR`: letters, then subtags of letters and digits.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The language a title's letters imply, when most of them are in one
/// script that (nearly) names a language. Kana wins over Han, since
/// Japanese mixes both.
fn script_language(title: &str) -> Option<&'static str> {
    let (mut letters, mut han, mut kana, mut hangul, mut arabic, mut hebrew, mut thai) =
        (0usize, 0, 0, 0, 0, 0, 0);
    for c in title.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        match c as u32 {
            0x3040..=0x30FF => kana += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => han += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => hangul += 1,
            0x0600..=0x06FF | 0x0750..=0x077F => arabic += 1,
            0x0590..=0x05FF => hebrew += 1,
            0x0E00..=0x0E7F => thai += 1,
            _ => {}
        }
    }
    let most = |n: usize| n * 2 > letters;
    if kana > 0 && most(kana + han) {
        Some("ja")
    } else if most(han) {
        Some("zh")
    } else if most(hangul) {
        Some("ko")
    } else if most(arabic) {
        Some("ar")
    } else if most(hebrew) {
        Some("he")
    } else if most(thai) {
        Some("th")
    } else {
        None
    }
}

/// Minutes a reader needs for a body: words at 230 a minute, and CJK
/// characters (which have no spaces between words) at 450; at least one.
pub fn reading_minutes(html: &str) -> usize {
    let (mut words, mut cjk, mut in_tag, mut in_word) = (0usize, 0usize, false, false);
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                in_word = false;
            }
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            c if matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF) =>
            {
                cjk += 1;
                in_word = false;
            }
            c if c.is_alphanumeric() => {
                if !in_word {
                    words += 1;
                }
                in_word = true;
            }
            _ => in_word = false,
        }
    }
    (words.div_ceil(230) + cjk.div_ceil(450)).max(1)
}

/// A week on the home page, with its stories and numbers.
#[derive(Debug, Clone, Serialize)]
pub struct WeekDigest<'a> {
    /// `Week 49, 2024`.
    pub name: String,
    /// `2 – 8 December 2024`.
    pub dates: String,
    /// Whether it is the week of the build (else the latest week with
    /// articles).
    pub current: bool,
    /// The week's page.
    pub url: String,
    /// Its stories, newest first, each with summary, badges and "also
    /// covered by"; at most [`super::HOME_STORIES`].
    pub stories: Vec<EntryView<'a>>,
    /// Stories of the week not shown here.
    pub more: usize,
    /// The week's numbers.
    pub numbers: WeekNumbers,
    /// The week's feeds.
    pub feeds: super::feeds::FeedUrls,
}

/// What a week holds.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct WeekNumbers {
    /// Stories (reports of one story count once).
    pub stories: usize,
    /// Articles.
    pub articles: usize,
    /// Distinct sources.
    pub sources: usize,
    /// Distinct CVEs mentioned.
    pub cves: usize,
    /// Of those, in the KEV catalogue.
    pub known_exploited: usize,
}

/// An earlier week on the home page: its link and its first stories.
#[derive(Debug, Clone, Serialize)]
pub struct WeekSummary {
    /// `Week 48, 2024`.
    pub name: String,
    /// `25 November – 1 December 2024`.
    pub dates: String,
    /// The week's page.
    pub url: String,
    /// Stories in it.
    pub stories: usize,
    /// Its first stories' titles and pages.
    pub top: Vec<Link>,
}

/// The home page: the latest week first, then earlier weeks.
#[derive(Debug, Clone, Serialize)]
pub struct HomePage<'a> {
    /// Site values.
    pub site: &'a SiteView<'a>,
    /// `<title>`.
    pub title: String,
    /// This page's absolute URL (canonical).
    pub url: String,
    /// The latest week, if there are articles at all.
    pub week: Option<WeekDigest<'a>>,
    /// The weeks before it, newest first.
    pub earlier: Vec<WeekSummary>,
    /// Every story, newest first, paginated.
    pub latest_url: String,
}

/// The neighbours of a page in a sequence (weeks, articles of a week).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Default)]
pub struct Neighbours {
    /// The newer one.
    pub newer: Option<Link>,
    /// The older one.
    pub older: Option<Link>,
}
