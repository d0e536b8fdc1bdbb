//! Rendering: from the digest to output files, in memory.
//!
//! Takes the [`Digest`], the [`Templates`] and the config; gives every output
//! file (pages, feeds, sitemap, robots.txt) as an [`OutputFile`]. Pages render
//! in parallel; nothing touches the disk, so a failed render leaves the last
//! good site alone and `check` can run everything but the write.

pub mod digest_json;
pub mod email;
pub mod feeds;
pub mod opml;
pub mod search;
pub mod sitemap;
pub mod templates;
pub mod view;

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::digest::{Digest, EntryId, Period};
use crate::enrich::entities::{EntityKind, Kev};
use crate::output::OutputFile;
pub use templates::Templates;
use view::{
    ArchivePage, ArchiveYear, ArticlePage, CountedLink, EntitiesPage, EntityCount, EntityLink,
    EntityPage, EntitySection, EntryView, HomePage, IndexPage, Link, ListPage, ListedEntry,
    Neighbours, Pagination, PlainPage, SiteChrome, SiteView, Urls, WeekDigest, WeekNumbers,
    WeekSummary,
};

/// One page to produce.
#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// The home page: the latest week first, then earlier weeks.
    Home,
    /// Page `n` of every story, newest first (`latest/`).
    Latest(usize),
    /// An article page.
    Article(EntryId),
    /// All tags.
    TagIndex,
    /// Page `n` of a tag.
    Tag(String, usize),
    /// All sources.
    SourceIndex,
    /// Page `n` of a source.
    Source(String, usize),
    /// Years, months and weeks.
    Archive,
    /// A year, month or week page.
    Period(Period),
    /// The 404 page.
    NotFound,
    /// All entities: each kind's most mentioned, and links to its groups.
    EntityIndex,
    /// Page `n` of an entity group (`entities/cve/2024/`), by its folder.
    EntityGroup(String, usize),
    /// One entity's page.
    Entity(crate::enrich::entities::Entity),
    /// The search page: results from `search.json` with a script, links to
    /// the site's indexes without one.
    Search,
}

impl Job {
    /// Output path of the job's HTML file.
    fn path(&self, digest: &Digest) -> String {
        let folder = match self {
            Job::Home => String::new(),
            Job::Latest(n) => view::page_path(LATEST, *n),
            Job::Article(id) => view::article_path(&digest.entries[*id].slug),
            Job::TagIndex => "tags/".to_owned(),
            Job::Tag(key, n) => view::page_path(&view::tag_path(key), *n),
            Job::SourceIndex => "sources/".to_owned(),
            Job::Source(key, n) => view::page_path(&view::source_path(key), *n),
            Job::Archive => "archive/".to_owned(),
            Job::Period(p) => format!("{}/", p.path()),
            Job::NotFound => return "404.html".to_owned(),
            Job::EntityIndex => "entities/".to_owned(),
            Job::EntityGroup(folder, n) => view::page_path(folder, *n),
            Job::Entity(e) => return view::entity_path(e),
            Job::Search => SEARCH_PAGE.to_owned(),
        };
        format!("{folder}index.html")
    }
}

/// The pages and feeds of a plan, as the build summary counts them: every
/// HTML page (the weekly email editions are not pages of the site), and
/// each feed once, whatever its number of formats.
pub fn counts(plan: &[Recipe]) -> (usize, usize) {
    let pages = plan.iter().filter(|r| matches!(r, Recipe::Page(_))).count();
    let feeds = plan
        .iter()
        .filter(|r| {
            matches!(
                r,
                Recipe::SiteFeeds
                    | Recipe::TagFeeds(_)
                    | Recipe::SourceFeeds(_)
                    | Recipe::WeekFeeds(_)
                    | Recipe::EntityFeeds(_)
            )
        })
        .count();
    (pages, feeds)
}

/// Whether an entity gets its own feed, by `entity_feeds`: with `repeated`
/// (the default) when two or more articles mention it or it is on the
/// watch-list. Most CVEs are mentioned once; a feed each would double the
/// site's file count for feeds of one item.
pub fn has_feed(
    config: &SiteConfig,
    entity: &crate::enrich::entities::Entity,
    ids: &[EntryId],
) -> bool {
    use crate::config::EntityFeeds;
    match config.entity_feeds {
        EntityFeeds::All => true,
        EntityFeeds::None => false,
        EntityFeeds::Repeated => ids.len() >= 2 || matches!(entity.kind, EntityKind::Named(_)),
    }
}

/// Output folder of the search page.
pub const SEARCH_PAGE: &str = "search/";

/// Entities on one page of an entity group: some 200 bytes each, so a page
/// stays near 100 KB.
pub const ENTITIES_PER_PAGE: usize = 500;

/// Entities of each kind the entity index shows.
const ENTITIES_ON_INDEX: usize = 20;

/// Most stories a month page lists; a busier month lists its weeks instead,
/// so that no month page passes 512 KiB (at 50,000 articles a month holds
/// about 1,400 stories, 1.3 MB as a list).
pub const MONTH_STORIES_LISTED: usize = 300;

/// Folder of the paginated list of every story.
pub const LATEST: &str = "latest/";

/// Most stories of the latest week the home page shows; the week's page
/// has them all.
pub const HOME_STORIES: usize = 50;

/// Earlier weeks on the home page, and the stories named for each.
const EARLIER_WEEKS: usize = 6;
const EARLIER_WEEK_STORIES: usize = 3;

/// Number of pages a list of `len` entries takes (at least one).
fn page_count(len: usize, per_page: usize) -> usize {
    len.div_ceil(per_page).max(1)
}

/// One unit of rendering: a page, or a group of files made together (a
/// list's three feeds, a week's email edition, the two OPML files).
#[derive(Debug, Clone, PartialEq)]
pub enum Recipe {
    /// An HTML page.
    Page(Job),
    /// The site's feeds at the root.
    SiteFeeds,
    /// A tag's feeds.
    TagFeeds(String),
    /// A source's feeds.
    SourceFeeds(String),
    /// An ISO week's feeds.
    WeekFeeds(Period),
    /// An entity's feeds.
    EntityFeeds(crate::enrich::entities::Entity),
    /// A week's email edition.
    Email(Period),
    /// `sitemap.xml`; past [`sitemap::MAX_URLS`] pages, a sitemap index
    /// over this many parts (`sitemap-1.xml`, ...).
    Sitemap(usize),
    /// `robots.txt`.
    Robots,
    /// `digest.json`.
    DigestJson,
    /// `feeds.opml` and `sources.opml`.
    Opml,
    /// The search index, `search.json`; past
    /// [`search::SHARD_ITEMS`] articles a manifest over these shards
    /// (`search/2025.json`, ...), newest first.
    SearchIndex(Vec<String>),
}

/// Every recipe of the site, pages first, in a fixed order.
pub fn plan(digest: &Digest, config: &SiteConfig) -> Vec<Recipe> {
    let per_page = config.items_per_page;
    let mut jobs = vec![Job::Home];
    for n in 1..=page_count(digest.clusters.len(), per_page) {
        jobs.push(Job::Latest(n));
    }
    jobs.extend((0..digest.entries.len()).map(Job::Article));
    jobs.push(Job::TagIndex);
    jobs.extend(tag_jobs(digest, per_page));
    jobs.push(Job::SourceIndex);
    for (key, group) in &digest.sources {
        for n in 1..=page_count(digest.story_count(&group.entries), per_page) {
            jobs.push(Job::Source(key.clone(), n));
        }
    }
    jobs.push(Job::Archive);
    jobs.extend(digest.periods.keys().copied().map(Job::Period));
    jobs.push(Job::NotFound);
    jobs.push(Job::EntityIndex);
    for (folder, group) in &digest.entity_groups {
        for n in 1..=page_count(group.members.len(), ENTITIES_PER_PAGE) {
            jobs.push(Job::EntityGroup(folder.clone(), n));
        }
    }
    jobs.extend(digest.entities.keys().cloned().map(Job::Entity));
    jobs.push(Job::Search);
    let weeks = || {
        digest
            .periods
            .keys()
            .filter(|p| matches!(p, Period::Week { .. }))
            .copied()
    };
    let sitemap_urls = jobs.iter().filter(|j| **j != Job::NotFound).count();
    let mut recipes: Vec<Recipe> = jobs.into_iter().map(Recipe::Page).collect();
    recipes.push(Recipe::SiteFeeds);
    recipes.extend(tag_feeds(digest));
    recipes.extend(digest.sources.keys().cloned().map(Recipe::SourceFeeds));
    recipes.extend(weeks().map(Recipe::WeekFeeds));
    recipes.extend(
        digest
            .entities
            .iter()
            .filter(|(e, ids)| has_feed(config, e, ids))
            .map(|(e, _)| Recipe::EntityFeeds(e.clone())),
    );
    recipes.extend(weeks().map(Recipe::Email));
    recipes.extend([
        Recipe::Sitemap(sitemap::parts(sitemap_urls)),
        Recipe::Robots,
        Recipe::DigestJson,
        Recipe::Opml,
        Recipe::SearchIndex(search::shards(digest, config.search.shard_items)),
    ]);
    recipes
}

/// Every tag's pages, in plan order.
fn tag_jobs(digest: &Digest, per_page: usize) -> impl Iterator<Item = Job> + '_ {
    digest.tags.iter().flat_map(move |(key, group)| {
        let pages = page_count(digest.story_count(&group.entries), per_page);
        (1..=pages).map(|n| Job::Tag(key.clone(), n))
    })
}

/// Every tag's feeds, in plan order.
fn tag_feeds(digest: &Digest) -> impl Iterator<Item = Recipe> + '_ {
    digest.tags.keys().cloned().map(Recipe::TagFeeds)
}

/// Whether a recipe is made from the tag groups: a tag page, a tag's feeds,
/// or the sitemap (its parts count every page).
pub fn made_from_tags(recipe: &Recipe) -> bool {
    matches!(
        recipe,
        Recipe::Page(Job::Tag(..)) | Recipe::TagFeeds(_) | Recipe::Sitemap(_)
    )
}

/// The plan of a digest whose tag groups alone moved since `previous` was
/// made (see [`crate::digest::retagged`]): the same as [`plan`] gives, with
/// the tag recipes and the sitemap made again and every other recipe copied
/// from `previous`, so a tag change does not collapse every source's list
/// again.
pub fn replan_tags(previous: &[Recipe], digest: &Digest, config: &SiteConfig) -> Vec<Recipe> {
    let mut recipes = Vec::with_capacity(previous.len());
    for recipe in previous {
        match recipe {
            _ if made_from_tags(recipe) => {}
            Recipe::Page(Job::TagIndex) => {
                recipes.push(recipe.clone());
                recipes.extend(tag_jobs(digest, config.items_per_page).map(Recipe::Page));
            }
            Recipe::SiteFeeds => {
                recipes.push(recipe.clone());
                recipes.extend(tag_feeds(digest));
            }
            Recipe::Robots => {
                let sitemap_urls = recipes
                    .iter()
                    .filter(|r| matches!(r, Recipe::Page(j) if *j != Job::NotFound))
                    .count();
                recipes.push(Recipe::Sitemap(sitemap::parts(sitemap_urls)));
                recipes.push(recipe.clone());
            }
            _ => recipes.push(recipe.clone()),
        }
    }
    recipes
}

/// Output path → the recipe of `plan` that makes it.
pub fn path_index(plan: &[Recipe], digest: &Digest) -> std::collections::HashMap<String, usize> {
    let mut index = std::collections::HashMap::new();
    for (i, recipe) in plan.iter().enumerate() {
        for path in recipe.outputs(digest) {
            index.insert(path, i);
        }
    }
    index
}

/// The index of `replanned`, made from `previous`'s `index`: a recipe not
/// made from the tags keeps its paths (only its place moves, and it stays in
/// order), so only the tag recipes' paths are made again. Making every
/// path again was most of a tag change's rebuild at 10,000 articles.
pub fn reindexed(
    previous: &[Recipe],
    index: &std::collections::HashMap<String, usize>,
    replanned: &[Recipe],
    digest: &Digest,
) -> std::collections::HashMap<String, usize> {
    // Where each kept recipe of `previous` sits in `replanned`.
    let mut moved_to = vec![usize::MAX; previous.len()];
    let mut at = 0;
    for (i, recipe) in previous.iter().enumerate() {
        if made_from_tags(recipe) {
            continue;
        }
        while replanned.get(at).is_some_and(made_from_tags) {
            at += 1;
        }
        moved_to[i] = at;
        at += 1;
    }
    let mut fresh = std::collections::HashMap::with_capacity(index.len());
    for (path, &i) in index {
        if !made_from_tags(&previous[i]) {
            fresh.insert(path.clone(), moved_to[i]);
        }
    }
    for (i, recipe) in replanned.iter().enumerate() {
        if made_from_tags(recipe) {
            for path in recipe.outputs(digest) {
                fresh.insert(path, i);
            }
        }
    }
    fresh
}

/// The parts of the search index in `plan`: `search.json` and its shards.
pub fn search_index_paths(plan: &[Recipe]) -> Vec<String> {
    plan.iter()
        .find_map(|r| match r {
            Recipe::SearchIndex(shards) => Some(search::paths(shards)),
            _ => None,
        })
        .unwrap_or_default()
}

impl Recipe {
    /// The output paths this recipe makes.
    pub fn outputs(&self, digest: &Digest) -> Vec<String> {
        let three = |folder: String| {
            ["rss.xml", "atom.xml", "feed.json"]
                .iter()
                .map(|f| format!("{folder}{f}"))
                .collect()
        };
        match self {
            Recipe::Page(job) => vec![job.path(digest)],
            Recipe::SiteFeeds => three(String::new()),
            Recipe::TagFeeds(key) => three(view::tag_path(key)),
            Recipe::SourceFeeds(key) => three(view::source_path(key)),
            Recipe::WeekFeeds(p) => three(format!("{}/", p.path())),
            Recipe::EntityFeeds(e) => vec![view::entity_feed_path(e)],
            Recipe::Email(p) => vec![
                format!("{}/email.html", p.path()),
                format!("{}/email.txt", p.path()),
            ],
            Recipe::Sitemap(parts) => sitemap::paths(*parts),
            Recipe::Robots => vec!["robots.txt".to_owned()],
            Recipe::DigestJson => vec!["digest.json".to_owned()],
            Recipe::Opml => vec!["feeds.opml".to_owned(), "sources.opml".to_owned()],
            Recipe::SearchIndex(shards) => search::paths(shards),
        }
    }
}

/// Renders recipes on demand: `serve` keeps one per site snapshot and renders
/// a page when it is asked for; `site` renders them all.
pub struct Renderer<'a> {
    digest: &'a Digest,
    templates: &'a Templates,
    config: &'a SiteConfig,
    kev: &'a Kev,
    urls: Urls,
    /// The story lists of this snapshot.
    stories: &'a StoryLists,
    /// The whole plan, for the sitemap.
    plan: &'a [Recipe],
    /// The frame of every page, made by the first render that needs it.
    chrome: std::sync::OnceLock<Result<SiteChrome, Diagnostic>>,
}

/// One entry per story of a list, with the story's other entries (see
/// [`Digest::collapse`]).
pub type Stories = Vec<(EntryId, Vec<EntryId>)>;

/// The story lists of one site snapshot: the home list, made at once, and
/// each tag's, source's and period's, made the first time one of its pages
/// or feeds asks and then shared, so a tag of 150 pages collapses its group
/// once, not once per page and again for its feeds. With them, each
/// entry's list markup, made the first time a page lists the entry.
#[derive(Debug)]
pub struct StoryLists {
    /// One entry per story over the whole site, newest first: the home
    /// list, `latest/` and the site feed.
    home: Stories,
    made: std::sync::Mutex<HashMap<ListKey, Arc<Stories>>>,
    /// By entry: its `entry` macro's markup without other reports (entity
    /// pages, related lists).
    plain_html: Vec<std::sync::OnceLock<String>>,
    /// By entry: its markup as a story of a list, with the other reports it
    /// was made with (a story's others are its cluster less itself, the
    /// same on every list; kept to check that).
    story_html: Vec<std::sync::OnceLock<(Vec<EntryId>, String)>>,
    /// By entry: its body with links made absolute, as feeds carry it
    /// (an entry is in the feeds of its tags, source, week and entities).
    feed_bodies: Vec<std::sync::OnceLock<String>>,
}

/// Which group a story list is of.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ListKey {
    Tag(String),
    Source(String),
    Period(Period),
}

impl StoryLists {
    /// The lists of `digest`: the home list now, the others when asked.
    pub fn new(digest: &Digest) -> Self {
        let n = digest.entries.len();
        StoryLists {
            home: digest.collapse(&(0..digest.entries.len()).collect::<Vec<_>>()),
            made: std::sync::Mutex::new(HashMap::new()),
            plain_html: std::iter::repeat_with(std::sync::OnceLock::new)
                .take(n)
                .collect(),
            story_html: std::iter::repeat_with(std::sync::OnceLock::new)
                .take(n)
                .collect(),
            feed_bodies: std::iter::repeat_with(std::sync::OnceLock::new)
                .take(n)
                .collect(),
        }
    }

    /// Entry `id`'s body as feeds carry it, made by `make` the first time.
    pub(crate) fn feed_body(&self, id: EntryId, make: impl FnOnce() -> String) -> &str {
        self.feed_bodies[id].get_or_init(make)
    }

    /// The whole site's stories, newest first.
    pub fn home(&self) -> &[(EntryId, Vec<EntryId>)] {
        &self.home
    }

    fn list(&self, key: ListKey, ids: &[EntryId], digest: &Digest) -> Arc<Stories> {
        let lock = || {
            self.made
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(made) = lock().get(&key) {
            return Arc::clone(made);
        }
        // Made outside the lock: two threads asking at once both make it,
        // and the lists they make are equal.
        let made = Arc::new(digest.collapse(ids));
        Arc::clone(lock().entry(key).or_insert(made))
    }

    /// A tag's stories.
    fn tag(&self, digest: &Digest, key: &str) -> Arc<Stories> {
        let ids = &digest.tags[key].entries;
        self.list(ListKey::Tag(key.to_owned()), ids, digest)
    }

    /// A source's stories.
    fn source(&self, digest: &Digest, key: &str) -> Arc<Stories> {
        let ids = &digest.sources[key].entries;
        self.list(ListKey::Source(key.to_owned()), ids, digest)
    }

    /// A period's stories.
    fn period(&self, digest: &Digest, period: &Period) -> Arc<Stories> {
        self.list(ListKey::Period(*period), &digest.periods[period], digest)
    }
}

impl<'a> Renderer<'a> {
    /// A renderer for one site snapshot.
    pub fn new(
        digest: &'a Digest,
        templates: &'a Templates,
        config: &'a SiteConfig,
        kev: &'a Kev,
        plan: &'a [Recipe],
        stories: &'a StoryLists,
    ) -> Self {
        Renderer {
            digest,
            templates,
            config,
            kev,
            urls: Urls::new(&config.base_url),
            stories,
            plan,
            chrome: std::sync::OnceLock::new(),
        }
    }

    /// Every page but the 404, with a last-modified date for articles.
    fn sitemap_pages(&self) -> Vec<(String, Option<String>)> {
        self.plan
            .iter()
            .filter_map(|r| match r {
                Recipe::Page(Job::NotFound) => None,
                Recipe::Page(j) => {
                    let lastmod = match j {
                        Job::Article(id) => {
                            Some(self.digest.entries[*id].date.format("%Y-%m-%d").to_string())
                        }
                        _ => None,
                    };
                    Some((j.path(self.digest), lastmod))
                }
                _ => None,
            })
            .collect()
    }

    /// Renders one recipe.
    ///
    /// # Errors
    /// The template that failed.
    pub fn render(&self, recipe: &Recipe) -> Result<Vec<OutputFile>, Diagnostic> {
        let chrome = self
            .chrome
            .get_or_init(|| SiteChrome::render(self.templates, self.config, &self.urls))
            .as_ref()
            .map_err(Clone::clone)?;
        let site_view = SiteView::new(self.config, &self.urls, chrome);
        let (digest, config, urls) = (self.digest, self.config, &self.urls);
        let feeds = feeds::Feeds {
            digest,
            templates: self.templates,
            config,
            site: &site_view,
            urls,
            kev: self.kev,
            lists: self.stories,
        };
        match recipe {
            Recipe::Page(job) => {
                let ctx = RenderContext {
                    digest,
                    templates: self.templates,
                    config,
                    kev: self.kev,
                    urls,
                    site: &site_view,
                    stories: self.stories,
                };
                ctx.render(job).map(|f| vec![f])
            }
            Recipe::SiteFeeds => feeds.site(self.stories.home()),
            Recipe::TagFeeds(key) => {
                let group = &digest.tags[key];
                feeds.list(
                    view::tag_path(key),
                    &group.name,
                    format!("Articles tagged {} in {}", group.name, config.title),
                    &self.stories.tag(digest, key),
                )
            }
            Recipe::SourceFeeds(key) => {
                let group = &digest.sources[key];
                feeds.list(
                    view::source_path(key),
                    &group.name,
                    format!("Articles from {} in {}", group.name, config.title),
                    &self.stories.source(digest, key),
                )
            }
            Recipe::WeekFeeds(p) => feeds.week(p, &self.stories.period(digest, p)),
            Recipe::EntityFeeds(e) => feeds.entity(e, &digest.entities[e]),
            Recipe::Email(p) => email::render(
                p,
                &self.stories.period(digest, p),
                digest,
                self.kev,
                self.templates,
                &site_view,
                urls,
            ),
            Recipe::Sitemap(_) => sitemap::sitemap(&self.sitemap_pages(), self.templates, urls),
            Recipe::Robots => sitemap::robots(self.templates, urls).map(|f| vec![f]),
            Recipe::DigestJson => digest_json::render(digest, self.kev, urls).map(|f| vec![f]),
            Recipe::Opml => Ok(opml::render(digest, config, urls)),
            Recipe::SearchIndex(shards) => search::render(digest, self.kev, config.search, shards),
        }
    }
}

/// Renders every file of `recipes` (the site's [`plan`]) in memory, sorted
/// by path.
///
/// # Errors
/// Every template failure, each once.
pub fn site(
    digest: &Digest,
    templates: &Templates,
    config: &SiteConfig,
    kev: &Kev,
    recipes: &[Recipe],
) -> Result<Vec<OutputFile>, Diagnostics> {
    let files = std::sync::Mutex::new(Vec::new());
    site_streamed(digest, templates, config, kev, recipes, &|f: OutputFile| {
        files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(f);
        Ok(())
    })?;
    let mut files = files
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Renders the recipes in parallel and hands each file to `sink` as soon as
/// it is made (`build` writes it to the staging folder at once, so the site
/// is never in memory whole). A failing sink stops the render.
///
/// # Errors
/// Every template failure, each once, or the sink's first failure.
pub fn site_streamed(
    digest: &Digest,
    templates: &Templates,
    config: &SiteConfig,
    kev: &Kev,
    recipes: &[Recipe],
    sink: &crate::write::FileSink<'_>,
) -> Result<(), Diagnostics> {
    use std::sync::atomic::{AtomicBool, Ordering};
    let stories = StoryLists::new(digest);
    let renderer = Renderer::new(digest, templates, config, kev, recipes, &stories);
    let problems = std::sync::Mutex::new(Diagnostics::new());
    let stop = AtomicBool::new(false);
    let report = |d: Diagnostic| {
        let mut problems = problems
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // One broken template fails every page that uses it; say it once.
        if !problems.iter().any(|p| p == &d) {
            problems.push(d);
        }
    };
    recipes.par_iter().for_each(|r| {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        match renderer.render(r) {
            Ok(files) => {
                for f in files {
                    if let Err(d) = sink(f) {
                        stop.store(true, Ordering::Relaxed);
                        report(d);
                        return;
                    }
                }
            }
            Err(d) => report(d),
        }
    });
    let mut problems = problems
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if problems.is_empty() {
        Ok(())
    } else {
        problems.sort();
        Err(problems)
    }
}

/// What every page render needs.
struct RenderContext<'a> {
    digest: &'a Digest,
    templates: &'a Templates,
    config: &'a SiteConfig,
    kev: &'a Kev,
    urls: &'a Urls,
    site: &'a SiteView<'a>,
    /// The story lists of this snapshot (the home list among them).
    stories: &'a StoryLists,
}

impl RenderContext<'_> {
    fn render(&self, job: &Job) -> Result<OutputFile, Diagnostic> {
        let path = job.path(self.digest);
        let folder_url = self.urls.to(path.trim_end_matches("index.html"));
        match job {
            Job::Home => {
                let page = self.home_page(folder_url);
                self.emit(path, "index.html", &page)
            }
            Job::Latest(n) => {
                let page = self.list_page(
                    "latest",
                    self.stories.home(),
                    *n,
                    LATEST,
                    "Latest stories".to_owned(),
                    format!(
                        "Every story, newest first: {}.",
                        count_line(self.digest.entries.len())
                    ),
                );
                self.emit(path, "list.html", &page)
            }
            Job::Article(id) => {
                let entry = &self.digest.entries[*id];
                let period = Period::week_of(&entry.date);
                let others: Vec<EntryId> = self.digest.clusters[self.digest.cluster_of[*id]]
                    .iter()
                    .copied()
                    .filter(|m| m != id)
                    .collect();
                let page = ArticlePage {
                    site: self.site,
                    title: &entry.article.meta.title,
                    entry: EntryView::new(entry, self.digest, self.kev, self.urls).with_also(
                        &others,
                        self.digest,
                        self.urls,
                    ),
                    entities: entry
                        .article
                        .entities
                        .iter()
                        .map(|e| EntityLink::new(e, self.kev, self.urls))
                        .collect(),
                    related: self.plain_views(&self.digest.related[*id]),
                    url: folder_url,
                    content: entry.article.html.as_str(),
                    fetched_display: entry.article.meta.fetched.map(|f| {
                        self.config
                            .timezone
                            .convert(&f)
                            .format("%-d %B %Y")
                            .to_string()
                    }),
                    week: Link {
                        name: period.title(),
                        url: self.urls.path(&format!("{}/", period.path())),
                    },
                    extra: &entry.article.meta.extra,
                    description: if entry.article.summary.is_empty() {
                        &self.config.description
                    } else {
                        &entry.article.summary
                    },
                    reading_minutes: view::reading_minutes(entry.article.html.as_str()),
                    in_week: self.in_week(*id, &period),
                };
                self.emit(path, "article.html", &page)
            }
            Job::TagIndex => {
                let page = IndexPage {
                    site: self.site,
                    title: "Tags".to_owned(),
                    url: folder_url,
                    kind: "tags",
                    groups: view::group_links(&self.digest.tags, view::tag_path, self.urls),
                };
                self.emit(path, "groups.html", &page)
            }
            Job::SourceIndex => {
                let page = IndexPage {
                    site: self.site,
                    title: "Sources".to_owned(),
                    url: folder_url,
                    kind: "sources",
                    groups: view::group_links(&self.digest.sources, view::source_path, self.urls),
                };
                self.emit(path, "groups.html", &page)
            }
            Job::Tag(key, n) => {
                let group = &self.digest.tags[key];
                let first = view::tag_path(key);
                let page = self.list_page(
                    "tag",
                    &self.stories.tag(self.digest, key),
                    *n,
                    &first,
                    format!("Tag: {}", group.name),
                    count_line(group.entries.len()),
                );
                let page = ListPage {
                    feeds: Some(feeds::FeedUrls::new(&first, self.urls)),
                    ..page
                };
                self.emit(path, "list.html", &page)
            }
            Job::Source(key, n) => {
                let group = &self.digest.sources[key];
                let first = view::source_path(key);
                let page = self.list_page(
                    "source",
                    &self.stories.source(self.digest, key),
                    *n,
                    &first,
                    format!("Source: {}", group.name),
                    count_line(group.entries.len()),
                );
                let page = ListPage {
                    source_home: group.home.clone(),
                    feeds: Some(feeds::FeedUrls::new(&first, self.urls)),
                    ..page
                };
                self.emit(path, "list.html", &page)
            }
            Job::Archive => {
                let page = ArchivePage {
                    site: self.site,
                    title: "Archive".to_owned(),
                    url: folder_url,
                    years: self.archive_years(),
                };
                self.emit(path, "archive.html", &page)
            }
            Job::Period(period) => {
                let ids = &self.digest.periods[period];
                let (kind, entries, periods) = match period {
                    // A year can hold thousands of entries: its page lists
                    // months and weeks, and the month pages list entries.
                    Period::Year(y) => {
                        let year = self
                            .archive_years()
                            .into_iter()
                            .find(|a| a.link.name == y.to_string());
                        let months = year.map(|y| y.months).unwrap_or_default();
                        ("year", Vec::new(), months)
                    }
                    Period::Month { .. } => {
                        let stories = self.stories.period(self.digest, period);
                        if stories.len() <= MONTH_STORIES_LISTED {
                            ("month", self.story_views(&stories), Vec::new())
                        } else {
                            ("month", Vec::new(), self.weeks_of(ids))
                        }
                    }
                    Period::Week { .. } => (
                        "week",
                        self.story_views(&self.stories.period(self.digest, period)),
                        Vec::new(),
                    ),
                };
                let page = ListPage {
                    site: self.site,
                    title: period.title(),
                    heading: period.title(),
                    intro: count_line(ids.len()),
                    url: folder_url,
                    kind,
                    feeds: matches!(period, Period::Week { .. })
                        .then(|| feeds::FeedUrls::new(&format!("{}/", period.path()), self.urls)),
                    source_home: None,
                    entries,
                    pagination: None,
                    periods,
                    email_url: matches!(period, Period::Week { .. })
                        .then(|| self.urls.path(&format!("{}/email.html", period.path()))),
                    neighbours: matches!(period, Period::Week { .. })
                        .then(|| self.week_neighbours(period)),
                };
                self.emit(path, "list.html", &page)
            }
            Job::EntityIndex => {
                let page = EntitiesPage {
                    site: self.site,
                    title: "Threats and entities".to_owned(),
                    url: folder_url,
                    sections: self.entity_sections(),
                    pagination: None,
                };
                self.emit(path, "entities.html", &page)
            }
            Job::EntityGroup(folder, n) => {
                let group = &self.digest.entity_groups[folder];
                let total = page_count(group.members.len(), ENTITIES_PER_PAGE);
                let start = (n - 1) * ENTITIES_PER_PAGE;
                let end = (start + ENTITIES_PER_PAGE).min(group.members.len());
                let title = if *n > 1 {
                    format!("{} (page {n})", group.heading)
                } else {
                    group.heading.clone()
                };
                let page = EntitiesPage {
                    site: self.site,
                    title,
                    url: folder_url,
                    sections: vec![EntitySection {
                        heading: group.heading.clone(),
                        total: group.members.len(),
                        entities: self.entity_counts(&group.members[start.min(end)..end]),
                        groups: Vec::new(),
                    }],
                    pagination: (total > 1).then(|| Pagination {
                        current: *n,
                        total,
                        prev_url: (*n > 1).then(|| self.urls.path(&view::page_path(folder, n - 1))),
                        next_url: (*n < total)
                            .then(|| self.urls.path(&view::page_path(folder, n + 1))),
                    }),
                };
                self.emit(path, "entities.html", &page)
            }
            Job::Entity(entity) => {
                let ids = &self.digest.entities[entity];
                let link = EntityLink::new(entity, self.kev, self.urls);
                let title = match &link.title {
                    Some(t) => format!("{} {t} ({})", entity.id, link.kind),
                    None => format!("{} ({})", entity.id, link.kind),
                };
                let page = EntityPage {
                    site: self.site,
                    title,
                    url: folder_url,
                    name: entity.id.clone(),
                    kind: link.kind,
                    attack_version: (entity.kind == EntityKind::Technique && link.title.is_some())
                        .then(crate::enrich::attack::version),
                    entity_title: link.title,
                    reference_url: entity.reference_url(),
                    kev: (entity.kind == EntityKind::Cve)
                        .then(|| self.kev.get(&entity.id))
                        .flatten(),
                    feed: has_feed(self.config, entity, ids)
                        .then(|| self.urls.to(&view::entity_feed_path(entity))),
                    entries: self.listed_views(ids),
                };
                self.emit(path, "entity.html", &page)
            }
            Job::NotFound => {
                let page = PlainPage {
                    site: self.site,
                    title: "Page not found".to_owned(),
                    url: self.urls.to("404.html"),
                };
                self.emit(path, "404.html", &page)
            }
            Job::Search => {
                let page = PlainPage {
                    site: self.site,
                    title: "Search".to_owned(),
                    url: folder_url,
                };
                self.emit(path, "search.html", &page)
            }
        }
    }

    /// Entries as a page that does not list them shows them (the article
    /// page's related links): without their shared list markup, which such
    /// a page never prints.
    fn plain_views(&self, ids: &[EntryId]) -> Vec<EntryView<'_>> {
        ids.iter()
            .map(|&id| EntryView::new(&self.digest.entries[id], self.digest, self.kev, self.urls))
            .collect()
    }

    /// Entries as an entity page lists them, each with its shared markup.
    fn listed_views(&self, ids: &[EntryId]) -> Vec<ListedEntry<'_>> {
        ids.iter()
            .map(|&id| {
                let made = &self.stories.plain_html[id];
                if let Some(html) = made.get().filter(|_| !self.templates.reads_entry_fields()) {
                    return ListedEntry::Made { html };
                }
                let view =
                    EntryView::new(&self.digest.entries[id], self.digest, self.kev, self.urls);
                let html = match made.get() {
                    Some(html) => Some(html.as_str()),
                    None => self
                        .templates
                        .render_entry(&view, 2)
                        .ok()
                        .map(|html| made.get_or_init(|| html).as_str()),
                };
                self.listed(view, html)
            })
            .collect()
    }

    /// One entry per story, each with its other reports.
    fn story_views(&self, stories: &[(EntryId, Vec<EntryId>)]) -> Vec<ListedEntry<'_>> {
        stories
            .iter()
            .map(|(id, others)| {
                let made = &self.stories.story_html[*id];
                if let Some((_, html)) = made
                    .get()
                    .filter(|(with, _)| with == others && !self.templates.reads_entry_fields())
                {
                    return ListedEntry::Made { html };
                }
                let view =
                    EntryView::new(&self.digest.entries[*id], self.digest, self.kev, self.urls)
                        .with_also(others, self.digest, self.urls);
                let html = match made.get() {
                    Some((with, html)) => (with == others).then_some(html.as_str()),
                    None => self
                        .templates
                        .render_entry(&view, 2)
                        .ok()
                        .map(|html| made.get_or_init(|| (others.clone(), html)))
                        .filter(|(with, _)| with == others)
                        .map(|(_, html)| html.as_str()),
                };
                self.listed(view, html)
            })
            .collect()
    }

    /// An entry for a list or entity page: its shared markup alone when it
    /// has one and no site template reads more, else every field.
    fn listed<'v>(&self, view: EntryView<'v>, html: Option<&'v str>) -> ListedEntry<'v> {
        match html {
            Some(html) if !self.templates.reads_entry_fields() => ListedEntry::Made { html },
            _ => ListedEntry::Full(Box::new(view.with_html(html))),
        }
    }

    /// [`Self::story_views`] with entity badges, for the home page's week.
    /// Only there: on every list they would add about a third to the
    /// site's bytes and push a busy month or week page past 512 KiB. Its
    /// markup is not shared: no other page shows these entries this way.
    fn story_views_with_badges(&self, stories: &[(EntryId, Vec<EntryId>)]) -> Vec<EntryView<'_>> {
        stories
            .iter()
            .map(|(id, others)| {
                let entry = &self.digest.entries[*id];
                EntryView::new(entry, self.digest, self.kev, self.urls)
                    .with_also(others, self.digest, self.urls)
                    .with_entities(entry, self.kev, self.urls)
            })
            .collect()
    }

    /// The home page: the latest week's stories and numbers, then the
    /// weeks before it.
    fn home_page(&self, url: String) -> HomePage<'_> {
        let mut weeks = self
            .digest
            .periods
            .iter()
            .rev()
            .filter(|(p, _)| matches!(p, Period::Week { .. }));
        // "Now" is `--build-date`, else the newest article's date (as for
        // the feeds' build date), so a build repeats byte for byte: without
        // a build date the latest week is this week.
        let now = self
            .config
            .build_date
            .map(|d| self.config.timezone.convert(&d))
            .or_else(|| self.digest.entries.first().map(|e| e.date));
        let this_week = now.map(|d| Period::week_of(&d));
        let week = weeks.next().map(|(p, ids)| {
            let stories = self.stories.period(self.digest, p);
            let shown = &stories[..stories.len().min(HOME_STORIES)];
            WeekDigest {
                name: p.title(),
                dates: week_dates(p),
                current: this_week == Some(*p),
                url: self.urls.path(&format!("{}/", p.path())),
                stories: self.story_views_with_badges(shown),
                more: stories.len() - shown.len(),
                numbers: self.week_numbers(ids, stories.len()),
                feeds: feeds::FeedUrls::new(&format!("{}/", p.path()), self.urls),
            }
        });
        let earlier = weeks
            .take(EARLIER_WEEKS)
            .map(|(p, _)| {
                let stories = self.stories.period(self.digest, p);
                WeekSummary {
                    name: p.title(),
                    dates: week_dates(p),
                    url: self.urls.path(&format!("{}/", p.path())),
                    stories: stories.len(),
                    top: stories
                        .iter()
                        .take(EARLIER_WEEK_STORIES)
                        .map(|(id, _)| {
                            let e = &self.digest.entries[*id];
                            Link {
                                name: e.article.meta.title.clone(),
                                url: self.urls.path(&view::article_path(&e.slug)),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        HomePage {
            site: self.site,
            title: self.config.title.clone(),
            url,
            week,
            earlier,
            latest_url: self.urls.path(LATEST),
        }
    }

    /// Stories, articles, sources, CVEs and known-exploited CVEs of a week.
    fn week_numbers(&self, ids: &[EntryId], stories: usize) -> WeekNumbers {
        let mut sources = std::collections::HashSet::new();
        let mut cves = std::collections::HashSet::new();
        for &id in ids {
            let entry = &self.digest.entries[id];
            sources.extend(entry.source.as_deref());
            cves.extend(
                entry
                    .article
                    .entities
                    .iter()
                    .filter(|e| e.kind == EntityKind::Cve)
                    .map(|e| e.id.as_str()),
            );
        }
        WeekNumbers {
            stories,
            articles: ids.len(),
            sources: sources.len(),
            known_exploited: cves.iter().filter(|c| self.kev.get(c).is_some()).count(),
            cves: cves.len(),
        }
    }

    /// The newer and older weeks that have articles.
    fn week_neighbours(&self, period: &Period) -> Neighbours {
        let link = |p: &Period| Link {
            name: p.title(),
            url: self.urls.path(&format!("{}/", p.path())),
        };
        let is_week = |p: &&Period| matches!(p, Period::Week { .. });
        let periods = &self.digest.periods;
        Neighbours {
            newer: periods
                .range((
                    std::ops::Bound::Excluded(*period),
                    std::ops::Bound::Unbounded,
                ))
                .map(|(p, _)| p)
                .find(is_week)
                .map(link),
            older: periods
                .range(..*period)
                .rev()
                .map(|(p, _)| p)
                .find(is_week)
                .map(link),
        }
    }

    /// The articles just newer and just older than `id` in its week.
    fn in_week(&self, id: EntryId, week: &Period) -> Neighbours {
        let Some(ids) = self.digest.periods.get(week) else {
            return Neighbours::default();
        };
        // A week's entries are newest first, and so are ids.
        let Some(at) = ids
            .binary_search(&id)
            .ok()
            .or_else(|| ids.iter().position(|&i| i == id))
        else {
            return Neighbours::default();
        };
        let link = |i: EntryId| {
            let e = &self.digest.entries[i];
            Link {
                name: e.article.meta.title.clone(),
                url: self.urls.path(&view::article_path(&e.slug)),
            }
        };
        Neighbours {
            newer: at.checked_sub(1).map(|i| link(ids[i])),
            older: ids.get(at + 1).map(|&i| link(i)),
        }
    }

    fn entity_counts(
        &self,
        members: &[(crate::enrich::entities::Entity, usize)],
    ) -> Vec<EntityCount> {
        members
            .iter()
            .map(|(entity, count)| EntityCount {
                link: EntityLink::new(entity, self.kev, self.urls),
                count: *count,
            })
            .collect()
    }

    /// One section per kind: its most mentioned entities, and its groups.
    fn entity_sections(&self) -> Vec<EntitySection> {
        let mut by_kind: Vec<(&EntityKind, Vec<(&String, &crate::digest::EntityGroup)>)> =
            Vec::new();
        for (folder, group) in &self.digest.entity_groups {
            let Some((first, _)) = group.members.first() else {
                continue;
            };
            match by_kind.iter_mut().find(|(k, _)| **k == first.kind) {
                Some((_, groups)) => groups.push((folder, group)),
                None => by_kind.push((&first.kind, vec![(folder, group)])),
            }
        }
        // CVEs, techniques, then watch-list groups; newest CVE years first.
        by_kind.sort_by(|a, b| a.0.cmp(b.0));
        by_kind
            .into_iter()
            .map(|(kind, mut groups)| {
                groups.reverse();
                let mut top: Vec<(crate::enrich::entities::Entity, usize)> = groups
                    .iter()
                    .flat_map(|(_, g)| g.members.iter().take(ENTITIES_ON_INDEX).cloned())
                    .collect();
                top.sort_by_cached_key(|(e, count)| {
                    let latest = self.digest.entities[e]
                        .first()
                        .copied()
                        .unwrap_or(usize::MAX);
                    (std::cmp::Reverse(*count), latest, e.clone())
                });
                top.truncate(ENTITIES_ON_INDEX);
                let heading = match kind {
                    EntityKind::Cve => "CVEs".to_owned(),
                    EntityKind::Technique => "ATT&CK techniques".to_owned(),
                    EntityKind::Named(group) => crate::enrich::entities::capitalised(group),
                };
                EntitySection {
                    heading,
                    total: groups.iter().map(|(_, g)| g.members.len()).sum(),
                    entities: self.entity_counts(&top),
                    groups: groups
                        .iter()
                        .map(|(folder, g)| CountedLink {
                            name: g.heading.clone(),
                            url: self.urls.path(folder),
                            count: g.members.len(),
                        })
                        .collect(),
                }
            })
            .collect()
    }

    /// Page `n` of a paginated list whose first page is at `first`.
    fn list_page(
        &self,
        kind: &'static str,
        stories: &[(EntryId, Vec<EntryId>)],
        n: usize,
        first: &str,
        heading: String,
        intro: String,
    ) -> ListPage<'_> {
        let per_page = self.config.items_per_page;
        let total = page_count(stories.len(), per_page);
        let start = (n - 1) * per_page;
        let chunk = &stories[start.min(stories.len())..(start + per_page).min(stories.len())];
        let pagination = (total > 1).then(|| Pagination {
            current: n,
            total,
            prev_url: (n > 1).then(|| self.urls.path(&view::page_path(first, n - 1))),
            next_url: (n < total).then(|| self.urls.path(&view::page_path(first, n + 1))),
        });
        let title = if n > 1 {
            format!("{heading} (page {n})")
        } else {
            heading.clone()
        };
        ListPage {
            site: self.site,
            title,
            heading,
            intro,
            url: self.urls.to(&view::page_path(first, n)),
            kind,
            feeds: None,
            source_home: None,
            entries: self.story_views(chunk),
            pagination,
            periods: Vec::new(),
            email_url: None,
            neighbours: None,
        }
    }

    /// Links to the weeks that hold `ids`, newest first, each with its
    /// count.
    fn weeks_of(&self, ids: &[EntryId]) -> Vec<CountedLink> {
        let weeks: std::collections::BTreeSet<Period> = ids
            .iter()
            .map(|&id| Period::week_of(&self.digest.entries[id].date))
            .collect();
        weeks
            .iter()
            .rev()
            .map(|p| CountedLink {
                name: p.title(),
                url: self.urls.path(&format!("{}/", p.path())),
                count: self.digest.periods.get(p).map_or(0, Vec::len),
            })
            .collect()
    }

    fn archive_years(&self) -> Vec<ArchiveYear> {
        let link = |p: &Period, ids: &Vec<EntryId>| CountedLink {
            name: match p {
                Period::Month { month, .. } => crate::digest::month_name(*month).to_owned(),
                other => other.title(),
            },
            url: self.urls.path(&format!("{}/", p.path())),
            count: ids.len(),
        };
        let mut years: Vec<ArchiveYear> = self
            .digest
            .periods
            .iter()
            .filter_map(|(p, ids)| match p {
                Period::Year(y) => Some(ArchiveYear {
                    link: CountedLink {
                        name: y.to_string(),
                        ..link(p, ids)
                    },
                    months: self
                        .digest
                        .periods
                        .iter()
                        .rev()
                        .filter(|(q, _)| matches!(q, Period::Month { year, .. } if year == y))
                        .map(|(q, ids)| link(q, ids))
                        .collect(),
                    weeks: self
                        .digest
                        .periods
                        .iter()
                        .rev()
                        // A week belongs to the calendar year of its newest
                        // article: 2025-W01 can hold only 2024-12-30.
                        .filter(|(q, ids)| {
                            matches!(q, Period::Week { .. })
                                && ids.first().is_some_and(|&id| {
                                    chrono::Datelike::year(&self.digest.entries[id].date) == *y
                                })
                        })
                        .map(|(q, ids)| link(q, ids))
                        .collect(),
                }),
                _ => None,
            })
            .collect();
        years.reverse();
        years
    }

    fn emit<T: Serialize>(
        &self,
        path: String,
        template: &str,
        view: &T,
    ) -> Result<OutputFile, Diagnostic> {
        let html = self.templates.render(template, view)?;
        Ok(OutputFile {
            path,
            bytes: html.into_bytes(),
        })
    }
}

/// The days of an ISO week: `2 – 8 December 2024`, `25 November – 1
/// December 2024`, `30 December 2024 – 5 January 2025`.
fn week_dates(period: &Period) -> String {
    use chrono::{Datelike, NaiveDate, Weekday};
    let Period::Week { year, week } = *period else {
        return period.title();
    };
    let (Some(first), Some(last)) = (
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon),
        NaiveDate::from_isoywd_opt(year, week, Weekday::Sun),
    ) else {
        return period.title();
    };
    let month = |d: NaiveDate| crate::digest::month_name(d.month());
    if first.year() != last.year() {
        format!(
            "{} {} {} – {} {} {}",
            first.day(),
            month(first),
            first.year(),
            last.day(),
            month(last),
            last.year()
        )
    } else if first.month() != last.month() {
        format!(
            "{} {} – {} {} {}",
            first.day(),
            month(first),
            last.day(),
            month(last),
            last.year()
        )
    } else {
        format!(
            "{} – {} {} {}",
            first.day(),
            last.day(),
            month(last),
            last.year()
        )
    }
}

fn count_line(n: usize) -> String {
    match n {
        1 => "1 article".to_owned(),
        n => format!("{n} articles"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_counts() {
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(20, 20), 1);
        assert_eq!(page_count(21, 20), 2);
        assert_eq!(view::page_path("tags/x/", 1), "tags/x/");
        assert_eq!(view::page_path("tags/x/", 3), "tags/x/page/3/");
        assert_eq!(view::page_path("", 2), "page/2/");
        assert_eq!(view::page_path(LATEST, 2), "latest/page/2/");
    }
}

#[cfg(test)]
mod week_tests {
    use super::*;

    #[test]
    fn week_dates_name_both_ends() {
        let w = |year, week| week_dates(&Period::Week { year, week });
        assert_eq!(w(2024, 49), "2 – 8 December 2024");
        assert_eq!(w(2024, 48), "25 November – 1 December 2024");
        assert_eq!(w(2025, 1), "30 December 2024 – 5 January 2025");
    }
}
