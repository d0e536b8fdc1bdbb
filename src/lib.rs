//! Briefing: a static site generator for a curated cybersecurity threat digest.
//!
//! The pipeline, one way, each arrow a function over owned values:
//!
//! ```text
//! BuildOptions (config::load)
//!   load::sources        content/**/*.md      -> Vec<SourceFile>     (walkdir sorted, rayon read)
//!   article::parse_all   front matter + body  -> Vec<ParsedArticle>  (rayon)
//!   ── any error: report every one, stop; the output folder is untouched ──
//!   enrich::run          markdown, sanitise, tags -> Vec<Article>    (rayon)
//!   digest::build        slugs, groups        -> Digest
//!   render::plan         every output path -> Vec<Recipe>        (theme clashes refused here)
//!   render::site_streamed  Tera             -> each OutputFile     (rayon; `check` keeps them in memory)
//!   write::write_atomically   staging folder, then swap (write::claim_out_dir first)
//! ```
//!
//! [`init::create_site`] writes the files of a new site (`briefing init`).
//!
//! The library never prints; [`build`] and [`check`] return a report or every
//! diagnostic, and the CLI decides what to show.

#![warn(missing_docs)]

pub mod article;
pub mod cli;
pub mod config;
pub mod diagnostics;
pub mod digest;
pub mod enrich;
pub mod explain;
pub mod external;
pub mod front_matter;
pub mod fsx;
pub mod init;
pub mod load;
pub mod names;
pub mod output;
pub mod render;
pub mod serve;
pub mod slug;
pub mod verify;
pub mod write;

use std::time::{Duration, Instant};

pub use config::BuildOptions;
use diagnostics::Diagnostics;
use output::OutputFile;

/// What a successful build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// Articles on the site (drafts excluded unless asked for).
    pub articles: usize,
    /// HTML pages written.
    pub pages: usize,
    /// Feeds written.
    pub feeds: usize,
    /// Bytes of the search index (`search.json` and, on a sharded site,
    /// every shard), which a reader who searches downloads.
    pub search_index_bytes: u64,
    /// Warnings (never errors).
    pub diagnostics: Diagnostics,
    /// Wall time of the whole build.
    pub elapsed: Duration,
    /// Wall time of each stage, in order (`--timings`): load, parse, enrich,
    /// group, cluster, related, then render and write (one stage in
    /// `build`, which writes each file as it renders).
    pub timings: Vec<(&'static str, Duration)>,
}

/// Why a build stopped: every error found (plus warnings), sorted by location.
#[derive(Debug, Clone)]
pub struct BuildFailure {
    /// The diagnostics, errors and warnings.
    pub diagnostics: Diagnostics,
}

impl From<Diagnostics> for BuildFailure {
    fn from(mut diagnostics: Diagnostics) -> Self {
        diagnostics.sort();
        BuildFailure { diagnostics }
    }
}

/// A rendered site.
#[derive(Debug, Clone)]
pub struct RenderedSite {
    /// Every output file, theme included, sorted by path; empty after
    /// [`build_site`], which writes each file as it renders.
    pub files: Vec<OutputFile>,
    /// The site model it was rendered from (for `--explain`).
    pub digest: digest::Digest,
    /// Counts and warnings.
    pub report: BuildReport,
}

/// Builds the site and swaps it into `opts.out_dir`.
///
/// # Errors
/// Every problem found; the output folder is then left exactly as it was.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildFailure> {
    build_site(opts, &Silent).map(|s| s.report)
}

/// What a build reports as it goes, for a progress bar: the library never
/// prints, the CLI draws.
pub trait Progress: Sync {
    /// A stage starts (`load`, `parse`, `enrich`, `group`, `render and write`).
    fn stage(&self, _name: &'static str) {}
    /// `done` of the site's `total` files are written.
    fn files(&self, _done: u64, _total: u64) {}
}

/// Reports nothing.
pub struct Silent;

impl Progress for Silent {}

/// Like [`build`], but also gives the rendered site (for `--explain`).
///
/// # Errors
/// Every problem found; the output folder is then left exactly as it was.
pub fn build_site(
    opts: &BuildOptions,
    progress: &dyn Progress,
) -> Result<RenderedSite, BuildFailure> {
    let started = Instant::now();
    let out_dir =
        write::claim_out_dir(&opts.root, &opts.out_dir, opts.replace).map_err(Diagnostics::from)?;
    let PlannedSite {
        prepared:
            PreparedSite {
                digest,
                templates,
                theme,
                kev,
                mut diagnostics,
                mut timings,
                regrouped: _,
            },
        plan,
        paths,
    } = plan_site(opts, progress)?;
    progress.stage("render and write");
    let writing = Instant::now();
    // Every output path is known before anything renders: the manifest and
    // the folders are written first, then each file as it renders, so the
    // site is never held in memory whole.
    let bytes = std::sync::atomic::AtomicU64::new(0);
    let search_bytes = std::sync::atomic::AtomicU64::new(0);
    let search_paths = render::search_index_paths(&plan);
    let done = std::sync::atomic::AtomicU64::new(0);
    let total = paths.len() as u64;
    write::write_streamed(&paths, &out_dir, |sink| {
        let counted = |f: OutputFile| {
            use std::sync::atomic::Ordering::Relaxed;
            bytes.fetch_add(f.bytes.len() as u64, Relaxed);
            if search_paths.contains(&f.path) {
                search_bytes.fetch_add(f.bytes.len() as u64, Relaxed);
            }
            let result = sink(f);
            progress.files(done.fetch_add(1, Relaxed) + 1, total);
            result
        };
        render::site_streamed(&digest, &templates, &opts.site, &kev, &plan, &counted)?;
        theme
            .iter()
            .try_for_each(|f| counted(f.clone()))
            .map_err(Diagnostics::from)
    })
    .map_err(|d| {
        let mut all = diagnostics.clone();
        all.extend(d);
        BuildFailure::from(all)
    })?;
    timings.push(("render and write", writing.elapsed()));
    if let Some(why) = write::past_host_limits(paths.len(), bytes.into_inner()) {
        diagnostics.push(
            diagnostics::Diagnostic::warning(diagnostics::Location::file(&out_dir.shown), why)
                .with_help("see the README's Publishing section for what a big site can trim"),
        );
    }
    diagnostics.sort();
    let (pages, feeds) = render::counts(&plan);
    Ok(RenderedSite {
        files: Vec::new(),
        report: BuildReport {
            articles: digest.entries.len(),
            pages,
            feeds,
            search_index_bytes: search_bytes.into_inner(),
            diagnostics,
            elapsed: started.elapsed(),
            timings,
        },
        digest,
    })
}

/// A prepared site with its render plan and every output path.
struct PlannedSite {
    prepared: PreparedSite,
    plan: Vec<render::Recipe>,
    /// Every file the site will have, rendered and theme, sorted.
    paths: Vec<String>,
}

/// Prepares the site and plans its render; a theme file with the path of a
/// generated file is an error here, before anything renders.
fn plan_site(opts: &BuildOptions, progress: &dyn Progress) -> Result<PlannedSite, BuildFailure> {
    let mut prepared = prepare_reporting(opts, None, None, progress)?;
    let plan = render::plan(&prepared.digest, &opts.site);
    let mut paths: Vec<String> = plan
        .iter()
        .flat_map(|r| r.outputs(&prepared.digest))
        .collect();
    paths.sort_unstable();
    let clashes = output::theme_clashes(&paths, &prepared.theme);
    if !clashes.is_empty() {
        prepared.diagnostics.extend(clashes);
        return Err(prepared.diagnostics.into());
    }
    paths.extend(prepared.theme.iter().map(|f| f.path.clone()));
    paths.sort_unstable();
    Ok(PlannedSite {
        prepared,
        plan,
        paths,
    })
}

/// A warning at the lead of every story that holds `limit` reports: a
/// further report of it started another story, and the reader should know
/// why one story shows twice.
fn full_stories(digest: &digest::Digest, limit: usize) -> Diagnostics {
    digest
        .clusters
        .iter()
        .filter(|members| members.len() >= limit.max(1))
        .map(|members| {
            let lead = &digest.entries[members[0]];
            diagnostics::Diagnostic::warning(
                diagnostics::Location::file(lead.article.path.clone()),
                format!(
                    "this story has {} reports, the most one story takes (`limits.story_reports`); later reports of it start another story",
                    members.len()
                ),
            )
            .with_help("raise `limits.story_reports` in briefing.yaml to keep them in one")
        })
        .collect()
}

/// Article pages of hand-written entries (whose links are kept as written),
/// by output path, with their content files.
fn written_pages(digest: &digest::Digest) -> std::collections::HashMap<String, &std::path::Path> {
    digest
        .entries
        .iter()
        .filter(|e| e.article.meta.fetched.is_none())
        .map(|e| {
            (
                format!("{}index.html", render::view::article_path(&e.slug)),
                e.article.path.as_path(),
            )
        })
        .collect()
}

/// Where `href` is written in a markdown file: as a link destination
/// (`](href`), a reference definition (`]: href`), an autolink (`<href>`) or
/// an HTML attribute (`href="href"`); (line, column) of its first byte.
fn written_link(text: &str, href: &str) -> Option<(usize, usize)> {
    ["](", "]: ", "<", "href=\"", "href='"]
        .iter()
        .find_map(|before| {
            text.match_indices(&format!("{before}{href}"))
                .next()
                .map(|(i, _)| i + before.len())
        })
        .map(|offset| diagnostics::line_col(text, offset))
}

/// Runs everything except the write.
///
/// # Errors
/// Every problem found.
pub fn check(opts: &BuildOptions) -> Result<BuildReport, BuildFailure> {
    check_site(opts).map(|s| s.report)
}

/// Renders the site in memory, then checks it as `briefing check` does:
/// every internal link and anchor resolves and every feed keeps the rules
/// (see [`verify`]). Writes nothing.
///
/// # Errors
/// Every problem found, content, template, link and feed problems alike.
pub fn check_site(opts: &BuildOptions) -> Result<RenderedSite, BuildFailure> {
    let started = Instant::now();
    let mut site = render(opts)?;
    let verifying = Instant::now();
    let pages = written_pages(&site.digest);
    let origin = |page: &str, raw: &str| {
        let path = pages.get(page)?;
        let text = fsx::read_to_string(&opts.root.join(path)).ok()?;
        written_link(&text, raw)
            .map(|(line, column)| diagnostics::Location::at(path.to_path_buf(), line, column))
    };
    let problems = verify::site(
        &site.files,
        &opts.site.base_url,
        &opts.out_dir_shown(),
        &origin,
    );
    site.report
        .timings
        .push(("check links and feeds", verifying.elapsed()));
    if problems.has_errors() {
        let mut all = site.report.diagnostics;
        all.extend(problems);
        return Err(all.into());
    }
    site.report.diagnostics.extend(problems);
    site.report.elapsed = started.elapsed();
    Ok(site)
}

/// A site loaded, parsed, enriched and grouped: everything but the render.
pub struct PreparedSite {
    /// The site model.
    pub digest: digest::Digest,
    /// Built-in and site templates.
    pub templates: render::Templates,
    /// Theme files, copied as they are.
    pub theme: Vec<OutputFile>,
    /// The KEV catalogue (empty without the file).
    pub kev: enrich::entities::Kev,
    /// Warnings so far.
    pub diagnostics: Diagnostics,
    /// Wall time of each stage so far.
    pub timings: Vec<(&'static str, Duration)>,
    /// What [`prepare_after`] made again of the previous digest's groups,
    /// and so what of its render plan still holds.
    pub regrouped: Regrouped,
}

/// How much of the previous digest's grouping a rebuild made again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regrouped {
    /// Nothing: only bodies changed, and the render plan stands.
    Nothing,
    /// Only tag groups moved ([`digest::retagged`]): of the render plan,
    /// the tag pages, tag feeds and sitemap change (see
    /// [`render::replan_tags`]).
    Tags,
    /// Everything, as a full build does.
    All,
}

/// Enriched articles kept between builds of one site (`serve`), each with
/// the diagnostics it gave, reused while its file's text is unchanged.
///
/// # Note
/// Articles depend on the config and the watch-list too: clear the cache
/// when those change.
#[derive(Default)]
pub struct ArticleCache {
    /// Path → (hash of the file's text, its stamp when read if it had
    /// settled, the article, its diagnostics). Keyed by the path's bytes:
    /// every path here is made the same way (the loader's, relative to the
    /// root), and hashing a `Path` parses its components, which at 10,000
    /// files was a tenth of a tag change's rebuild.
    entries: std::collections::HashMap<
        std::ffi::OsString,
        (
            u64,
            Option<load::Stamp>,
            std::sync::Arc<enrich::Article>,
            Diagnostics,
        ),
    >,
}

impl ArticleCache {
    /// Forgets every article.
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// Loads, parses, enriches and groups the site; with a cache, files whose
/// text did not change since the last call are not parsed or enriched again.
///
/// # Errors
/// Every problem found, in every file, sorted by location.
pub fn prepare(
    opts: &BuildOptions,
    cache: Option<&mut ArticleCache>,
) -> Result<PreparedSite, BuildFailure> {
    prepare_reporting(opts, cache, None, &Silent)
}

/// Like [`prepare`] with a cache, for the site prepared just before
/// (`serve`): when the only change is in article bodies, in what no grouping
/// reads (see [`only_body_changed`]), the previous digest keeps its groups,
/// stories and related lists, and only those articles are swapped in.
///
/// # Errors
/// As [`prepare`].
pub fn prepare_after(
    opts: &BuildOptions,
    cache: &mut ArticleCache,
    previous: &digest::Digest,
) -> Result<PreparedSite, BuildFailure> {
    prepare_reporting(opts, Some(cache), Some(previous), &Silent)
}

/// Whether `new` differs from `old` only where no grouping looks: the page
/// HTML, the summary and the cleaning report. Every other field (front
/// matter, tags, entities, the lede) counts, so a change there regroups the
/// site.
pub fn only_body_changed(old: &enrich::Article, new: &enrich::Article) -> bool {
    same_but_body(old, new, false)
}

/// Whether `new` differs from `old` only in its body and its tags: what
/// clustering never reads, so the stories of the last digest still hold.
pub fn only_body_or_tags_changed(old: &enrich::Article, new: &enrich::Article) -> bool {
    same_but_body(old, new, true)
}

/// The two checks above, field by field without copying either article.
/// The patterns are exhaustive on purpose: a field added to `Article` or
/// `Meta` does not compile until it is placed on one side or the other.
fn same_but_body(old: &enrich::Article, new: &enrich::Article, tags_may_differ: bool) -> bool {
    let enrich::Article {
        path,
        meta,
        html: _,
        summary: _,
        tags,
        entities,
        lede_words,
        story_features,
        title_indicators,
        links,
        cleaning: _,
    } = new;
    let article::Meta {
        title,
        date,
        url,
        source,
        fetched,
        tags: written_tags,
        summary,
        draft,
        author,
        extra,
    } = meta;
    let old_meta = &old.meta;
    let same_tags = tags_may_differ || (*tags == old.tags && *written_tags == old_meta.tags);
    same_tags
        && *path == old.path
        && *entities == old.entities
        && *lede_words == old.lede_words
        && *story_features == old.story_features
        && *title_indicators == old.title_indicators
        && *links == old.links
        && *title == old_meta.title
        && *date == old_meta.date
        && *url == old_meta.url
        && *source == old_meta.source
        && *fetched == old_meta.fetched
        && *summary == old_meta.summary
        && *draft == old_meta.draft
        && *author == old_meta.author
        && *extra == old_meta.extra
}

/// Where each fresh article sits in `previous`, when every one replaces an
/// entry of the same path and `small` holds for each old and new pair, and
/// no file came or went (`total` is the number of articles now).
fn replacements(
    previous: &digest::Digest,
    fresh: &[std::sync::Arc<enrich::Article>],
    total: usize,
    small: fn(&enrich::Article, &enrich::Article) -> bool,
) -> Option<Vec<digest::EntryId>> {
    if total != previous.entries.len() {
        return None;
    }
    let at: std::collections::HashMap<&std::ffi::OsStr, usize> = previous
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.article.path.as_os_str(), i))
        .collect();
    fresh
        .iter()
        .map(|article| {
            let &i = at.get(article.path.as_os_str())?;
            small(&previous.entries[i].article, article).then_some(i)
        })
        .collect()
}

/// `previous` with `fresh` swapped in, when they changed only in their
/// bodies and tags (and no file came or went); `false` with it when the
/// tags changed too and the groups were moved (see [`digest::retagged`]),
/// `true` when only bodies changed and every group stands.
fn swapped_in(
    previous: &digest::Digest,
    fresh: &[std::sync::Arc<enrich::Article>],
    total: usize,
) -> Option<(digest::Digest, bool)> {
    let at = replacements(previous, fresh, total, only_body_or_tags_changed)?;
    let changed: Vec<(digest::EntryId, std::sync::Arc<enrich::Article>)> =
        at.into_iter().zip(fresh.iter().cloned()).collect();
    let bodies_only = changed
        .iter()
        .all(|(i, a)| only_body_changed(&previous.entries[*i].article, a));
    if bodies_only {
        let mut digest = previous.clone();
        for (i, article) in changed {
            digest.entries[i].article = article;
        }
        Some((digest, true))
    } else {
        Some((digest::retagged(previous, &changed), false))
    }
}

fn prepare_reporting(
    opts: &BuildOptions,
    cache: Option<&mut ArticleCache>,
    previous: Option<&digest::Digest>,
    progress: &dyn Progress,
) -> Result<PreparedSite, BuildFailure> {
    progress.stage("load");
    let mut clock = Instant::now();
    let mut timings: Vec<(&'static str, Duration)> = Vec::new();
    let mut lap = |name: &'static str, timings: &mut Vec<(&'static str, Duration)>| {
        timings.push((name, clock.elapsed()));
        clock = Instant::now();
    };
    let links = opts.site.outside_links;
    // With a cache, files whose stamp has not moved are not even read.
    let known = |path: &std::path::Path| {
        let (_, stamp, _, _) = cache.as_deref()?.entries.get(path.as_os_str())?;
        *stamp
    };
    let load::Loaded {
        files: sources,
        unchanged,
        mut diagnostics,
    } = load::sources_since(&opts.root, links, opts.site.limits.file_size, &known);
    lap("load", &mut timings);
    progress.stage("parse");
    // Split what the cache already knows from what needs work, and forget
    // files that are gone.
    let mut reused: Vec<(std::sync::Arc<enrich::Article>, Diagnostics)> = Vec::new();
    let mut fresh_hashes = std::collections::HashMap::new();
    let mut cache = cache;
    let fresh: Vec<load::SourceFile> = match cache.as_deref_mut() {
        Some(c) => {
            let present: std::collections::HashSet<&std::ffi::OsStr> = sources
                .iter()
                .map(|(f, _)| f.path.as_os_str())
                .chain(unchanged.iter().map(|p| p.as_os_str()))
                .collect();
            c.entries
                .retain(|path, _| present.contains(path.as_os_str()));
            for path in &unchanged {
                if let Some((_, _, article, diags)) = c.entries.get(path.as_os_str()) {
                    reused.push((std::sync::Arc::clone(article), diags.clone()));
                }
            }
            // Files read again may still hold the same text (a touch, a
            // save without edits): compare hashes, on all cores.
            let hashes: Vec<u64> = {
                use rayon::prelude::*;
                sources
                    .par_iter()
                    .map(|(f, _)| text_hash(&f.text))
                    .collect()
            };
            sources
                .into_iter()
                .zip(hashes)
                .filter_map(|((file, stamp), hash)| {
                    match c.entries.get_mut(file.path.as_os_str()) {
                        Some((h, old_stamp, article, diags)) if *h == hash => {
                            *old_stamp = stamp;
                            reused.push((std::sync::Arc::clone(article), diags.clone()));
                            None
                        }
                        _ => {
                            fresh_hashes.insert(file.path.clone().into_os_string(), (hash, stamp));
                            Some(file)
                        }
                    }
                })
                .collect()
        }
        None => sources.into_iter().map(|(f, _)| f).collect(),
    };
    let (parsed, parse_diagnostics) =
        article::parse_all(fresh, opts.site.timezone, &opts.site.limits);
    lap("parse", &mut timings);
    // Templates and theme load before the stop, so one run reports problems
    // in content and templates together.
    let templates = render::Templates::load(&opts.root, links);
    let (watchlist, kev, data_diagnostics) = enrich::entities::load_data(&opts.root, links);
    diagnostics.extend(data_diagnostics);
    let theme = output::theme(&opts.root, links);
    lap("templates, data, theme", &mut timings);
    for found in [
        templates.as_ref().map(|t| &t.1),
        theme.as_ref().map(|t| &t.1),
    ] {
        match found {
            Ok(warnings) | Err(warnings) => diagnostics.extend(warnings.clone()),
        }
    }
    let mut file_diagnostics = parse_diagnostics.clone();
    for (_, d) in &reused {
        file_diagnostics.extend(d.clone());
    }
    let mut all = diagnostics.clone();
    all.extend(file_diagnostics.clone());
    if opts.strict {
        all.make_warnings_errors();
    }
    let (Ok((templates, _)), Ok((theme, _))) = (templates, theme) else {
        return Err(all.into());
    };
    if all.has_errors() {
        return Err(all.into());
    }
    // Drafts are left out before enrichment (and never cached), as if absent.
    let parsed: Vec<_> = parsed
        .into_iter()
        .filter(|a| opts.drafts || !a.meta.draft)
        .collect();
    // So are articles dated after the build, unless `--future`: a scheduled
    // entry must not go out early. "Now" is `--build-date` when given, so a
    // build can be repeated exactly.
    let now = opts
        .site
        .build_date
        .unwrap_or_else(|| chrono::Utc::now().fixed_offset());
    let (parsed, future) = leave_out_future(parsed, opts.future, now);
    diagnostics.extend(future);
    progress.stage("enrich");
    let (new_articles, enrich_diagnostics) = enrich::run(parsed, &opts.site, &watchlist);
    lap("enrich", &mut timings);
    let new_articles: Vec<std::sync::Arc<enrich::Article>> =
        new_articles.into_iter().map(std::sync::Arc::new).collect();
    if let Some(c) = cache {
        for article in &new_articles {
            let Some((hash, stamp)) = fresh_hashes.get(article.path.as_os_str()) else {
                continue;
            };
            let mut diags: Diagnostics = parse_diagnostics
                .iter()
                .chain(enrich_diagnostics.iter())
                .filter(|d| d.location.path == article.path)
                .cloned()
                .collect();
            diags.sort();
            c.entries.insert(
                article.path.clone().into_os_string(),
                (*hash, *stamp, std::sync::Arc::clone(article), diags),
            );
        }
    }
    diagnostics.extend(file_diagnostics);
    diagnostics.extend(enrich_diagnostics);
    if opts.strict {
        diagnostics.make_warnings_errors();
    }
    // Enrichment refuses bodies past a limit, and those are errors without
    // --strict too.
    if diagnostics.has_errors() {
        return Err(diagnostics.into());
    }
    let total = new_articles.len() + reused.len();
    let swapped = previous.and_then(|p| swapped_in(p, &new_articles, total));
    let (digest, regrouped) = if let Some((digest, groups_stand)) = swapped {
        lap(if groups_stand { "patch" } else { "retag" }, &mut timings);
        let regrouped = if groups_stand {
            Regrouped::Nothing
        } else {
            Regrouped::Tags
        };
        (digest, regrouped)
    } else {
        let articles: Vec<std::sync::Arc<enrich::Article>> = new_articles
            .into_iter()
            .chain(reused.into_iter().map(|(a, _)| a))
            .collect();
        progress.stage("group, cluster, relate");
        let (digest, digest_timings) = digest::build_timed(articles, &opts.site);
        timings.extend(digest_timings);
        (digest, Regrouped::All)
    };
    diagnostics.extend(full_stories(&digest, opts.site.limits.story_reports));
    Ok(PreparedSite {
        digest,
        templates,
        theme,
        kev,
        diagnostics,
        timings,
        regrouped,
    })
}

/// The per-file pipeline on one file's text, in memory: front matter,
/// article, enrichment, then the site of that one article rendered with the
/// built-in templates (its page and every feed that carries it). Reads and
/// writes nothing, so the fuzz target (`fuzz/`) and regression tests can
/// drive it with any bytes.
///
/// # Errors
/// Every problem found in the file, or in rendering it.
pub fn render_one(
    path: &std::path::Path,
    text: &str,
    site: &config::SiteConfig,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let file = load::SourceFile {
        path: path.to_path_buf(),
        text: load::source_text(text),
    };
    let (parsed, mut diagnostics) = article::parse(file, site.timezone, &site.limits);
    let Some(parsed) = parsed.filter(|_| !diagnostics.has_errors()) else {
        return Err(diagnostics);
    };
    let watchlist = enrich::entities::Watchlist::default();
    let (articles, enrich_diagnostics) = enrich::run(vec![parsed], site, &watchlist);
    diagnostics.extend(enrich_diagnostics);
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let digest = digest::build(articles, site);
    let templates = render::Templates::builtin()?;
    let plan = render::plan(&digest, site);
    render::site(
        &digest,
        &templates,
        site,
        &enrich::entities::Kev::default(),
        &plan,
    )
}

/// Splits off the articles dated after `now` (unless `include` is set),
/// with a note naming each one's file and date.
fn leave_out_future(
    parsed: Vec<article::ParsedArticle>,
    include: bool,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> (Vec<article::ParsedArticle>, Diagnostics) {
    if include {
        return (parsed, Diagnostics::new());
    }
    let mut notes = Diagnostics::new();
    let kept = parsed
        .into_iter()
        .filter(|a| {
            if a.meta.date <= now {
                return true;
            }
            let (line, column) = a.date_at;
            notes.push(
                diagnostics::Diagnostic::note(
                    diagnostics::Location::at(&a.path, line, column),
                    format!(
                        "dated {}, after the build; not published",
                        a.meta.date.format("%Y-%m-%d %H:%M %:z")
                    ),
                )
                .with_help("pass --future to include it"),
            );
            false
        })
        .collect();
    (kept, notes)
}

/// Loads, parses, enriches, groups and renders the site in memory.
///
/// # Errors
/// Every problem found, in every file, sorted by location.
pub fn render(opts: &BuildOptions) -> Result<RenderedSite, BuildFailure> {
    let started = Instant::now();
    let PlannedSite {
        prepared:
            PreparedSite {
                digest,
                templates,
                theme,
                kev,
                mut diagnostics,
                mut timings,
                regrouped: _,
            },
        plan,
        paths: _,
    } = plan_site(opts, &Silent)?;
    let rendering = Instant::now();
    let mut files = match render::site(&digest, &templates, &opts.site, &kev, &plan) {
        Ok(files) => files,
        Err(d) => {
            diagnostics.extend(d);
            return Err(diagnostics.into());
        }
    };
    files.extend(theme);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    timings.push(("render", rendering.elapsed()));
    diagnostics.sort();
    let (pages, feeds) = render::counts(&plan);
    let search_paths = render::search_index_paths(&plan);
    let search_index_bytes = files
        .iter()
        .filter(|f| search_paths.contains(&f.path))
        .map(|f| f.bytes.len() as u64)
        .sum();
    Ok(RenderedSite {
        files,
        report: BuildReport {
            articles: digest.entries.len(),
            pages,
            feeds,
            search_index_bytes,
            diagnostics,
            elapsed: started.elapsed(),
            timings,
        },
        digest,
    })
}
