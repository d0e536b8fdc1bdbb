//! Site configuration (`briefing.yaml`) and the resolved build settings.
//!
//! Takes the site root and the CLI's overrides; gives [`BuildOptions`], the one
//! value every stage reads its settings from. Every config key has a default, so
//! a site with only `content/` builds; an unknown key is an error naming it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};
use serde::Deserialize;
use url::Url;

use crate::diagnostics::{Diagnostic, Location};
use crate::enrich::boilerplate::SourceRules;
use crate::front_matter::{self, YamlError};
use crate::fsx;

/// The config file's name, at the site root.
pub const CONFIG_FILE: &str = "briefing.yaml";

/// `briefing.yaml` as written, with defaults for every missing key.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ConfigFile {
    /// Site title, e.g. `Threat Digest`. Default `Briefing`.
    pub title: String,
    /// Absolute URL the site is published at, e.g. `https://user.github.io/digest/`.
    /// Default `http://127.0.0.1:1111/`.
    pub base_url: String,
    /// One-line description for the home page and feeds.
    pub description: String,
    /// Language tag for `<html lang>` and feeds. Default `en`.
    pub language: String,
    /// Articles per list page (home, tag, source). Default 20.
    pub items_per_page: usize,
    /// Most items in one feed. Default 50.
    pub feed_limit: usize,
    /// Alias → tag, e.g. `log4shell: log4j`. Both sides are normalised.
    pub tag_aliases: BTreeMap<String, String>,
    /// Time zone for dates written without one: `UTC`, an IANA name such as
    /// `Europe/Berlin`, or an offset such as `+02:00`. Default `UTC`.
    pub timezone: String,
    /// Target length in characters of a summary taken from the body. Default 280.
    pub summary_length: usize,
    /// Cleaning rules per source name or URL host, e.g.
    /// `thehackernews.com: {stop_before: "^Found this article"}`.
    pub cleaning: BTreeMap<String, CleaningRuleFile>,
    /// URL path fragments that mark a source's own tag links, whose text
    /// becomes a tag. Default `/search/label/`, `/tag/`, `/tags/`, `/category/`.
    pub tag_link_patterns: Vec<String>,
    /// Most tag links one tag block (a line) may hold; a longer block lists
    /// names (people, companies), not topics, and gives none. Default 8.
    pub page_tag_limit: usize,
    /// Most days between two reports of the same story. Default 7.
    pub cluster_window_days: u32,
    /// Sources listed first in a cluster of the same story, by name.
    pub preferred_sources: Vec<String>,
    /// What feed items carry: `full` (the whole article) or `summary`.
    /// Entity feeds always carry summaries. Default `full`.
    pub feed_content: String,
    /// Which entities get an Atom feed of their own: `repeated` (those two
    /// or more articles mention, and every watch-list entity), `all` or
    /// `none`. Default `repeated`.
    pub entity_feeds: String,
    /// Images whose address is on another host (most images of scraped
    /// pages): `keep` them, turn each into a `link` to the image, or `drop`
    /// them. Loading one tells its host who reads the digest. Default
    /// `link`. Images on the site itself always stay.
    pub images: String,
    /// Follow symbolic links in `content/`, `templates/`, `theme/` and
    /// `data/` that lead out of the site. Default `false`: they are skipped
    /// with a warning, so a link cannot publish a file from elsewhere.
    pub follow_external_symlinks: bool,
    /// The most one file may bring (see [`Limits`]).
    pub limits: Limits,
    /// What the search index holds (see [`Search`]).
    pub search: Search,
}

/// What the search index (`search.json`) holds beyond titles, summaries,
/// sources, tags, entities and dates: `search: {bodies: true}` adds each
/// article's text, which makes the index many times larger.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct Search {
    /// Index article bodies as plain text. Default `false`.
    pub bodies: bool,
    /// Past this many articles the index is sharded by year (see
    /// [`crate::render::search::SHARD_ITEMS`], the default). For tests and
    /// very large sites.
    #[doc(hidden)]
    pub shard_items: usize,
}

impl Default for Search {
    fn default() -> Self {
        Search {
            bodies: false,
            shard_items: crate::render::search::SHARD_ITEMS,
        }
    }
}

/// The most one content file may bring, so that a hostile or broken page
/// costs one message instead of minutes and gigabytes. Every check is made
/// before the costly step it guards (reading, YAML, the HTML sanitiser,
/// rendering a page per tag), and each limit can be raised in
/// `briefing.yaml` under `limits:`.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Bytes in one content file, e.g. `2097152` (2 MiB, the default).
    /// A larger file is not read.
    pub file_size: u64,
    /// Bytes of front matter (between the `---` fences). Default 65,536.
    pub front_matter_size: usize,
    /// Nesting of `[` and `{` in front matter. Default 16: YAML parsers
    /// slow down with the square of this, and `tags: [a, b]` needs 1.
    pub front_matter_depth: usize,
    /// Tags on one article: those written in `tags:` (more is an error),
    /// then those a scraped page gives itself through tag links (the rest
    /// are dropped with a warning). Default 50. Each tag is a page and
    /// three feeds that list the article, so this bounds the output.
    pub tags_per_article: usize,
    /// Nesting of HTML elements in a body. Default 256: the HTML parser's
    /// cost grows with the square of this.
    pub html_depth: usize,
    /// Distinct entities (CVEs, techniques, watch-list names) one article
    /// keeps: the first mentioned. Default 200. Each is a page (and maybe
    /// a feed), so a page that lists 50,000 CVE IDs must not make 50,000.
    pub entities_per_article: usize,
    /// Reports in one story. Default 50; a further report of the same
    /// story starts another one. Each report's page lists the others.
    pub story_reports: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_size: 2 * 1024 * 1024,
            front_matter_size: 64 * 1024,
            front_matter_depth: 16,
            tags_per_article: 50,
            html_depth: 256,
            entities_per_article: 200,
            story_reports: 50,
        }
    }
}

impl Limits {
    /// The bounds the front-matter parser applies.
    pub fn front_matter(&self) -> front_matter::Bounds {
        front_matter::Bounds {
            max_bytes: self.front_matter_size,
            max_depth: self.front_matter_depth,
        }
    }
}

/// How much of an article a feed item carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedContent {
    /// The whole sanitised article.
    Full,
    /// The summary only.
    Summary,
}

/// Which entities get a feed of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityFeeds {
    /// Every entity.
    All,
    /// Entities two or more articles mention, and watch-list entities.
    Repeated,
    /// None.
    None,
}

/// One source's cleaning rules as written: regular expressions matched
/// against each markdown line.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct CleaningRuleFile {
    /// The body starts after the first line matching this.
    pub start_after: Option<String>,
    /// The body stops before the first line (after the start) matching this.
    pub stop_before: Option<String>,
    /// Lines matching any of these are dropped.
    pub drop: Vec<String>,
    /// `false`: this source's tag links never become tags. Default `true`.
    pub page_tags: Option<bool>,
}

impl Default for ConfigFile {
    fn default() -> Self {
        ConfigFile {
            title: "Briefing".to_owned(),
            base_url: "http://127.0.0.1:1111/".to_owned(),
            description: "A curated cybersecurity threat digest.".to_owned(),
            language: "en".to_owned(),
            items_per_page: 20,
            feed_limit: 50,
            tag_aliases: BTreeMap::new(),
            timezone: "UTC".to_owned(),
            summary_length: 280,
            cleaning: BTreeMap::new(),
            tag_link_patterns: ["/search/label/", "/tag/", "/tags/", "/category/"]
                .map(String::from)
                .to_vec(),
            page_tag_limit: 8,
            cluster_window_days: 7,
            preferred_sources: Vec::new(),
            feed_content: "full".to_owned(),
            entity_feeds: "repeated".to_owned(),
            images: "link".to_owned(),
            follow_external_symlinks: false,
            limits: Limits::default(),
            search: Search::default(),
        }
    }
}

/// The zone naive dates are read in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SiteTimezone {
    /// An IANA zone, with its daylight-saving rules.
    Named(chrono_tz::Tz),
    /// A fixed offset from UTC.
    Fixed(FixedOffset),
}

impl SiteTimezone {
    /// Parses `UTC`, `Europe/Berlin` or `+02:00`.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        if let Ok(tz) = s.parse::<chrono_tz::Tz>() {
            return Some(SiteTimezone::Named(tz));
        }
        let dt = format!("2000-01-01T00:00:00{s}");
        DateTime::parse_from_rfc3339(&dt)
            .ok()
            .map(|d| SiteTimezone::Fixed(*d.offset()))
    }

    /// Places a naive date-time in this zone. In a daylight-saving gap the
    /// time does not exist: `None`. In an overlap, the earlier instant wins.
    pub fn localize(&self, naive: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
        match self {
            SiteTimezone::Named(tz) => tz
                .from_local_datetime(&naive)
                .earliest()
                .map(|d| d.fixed_offset()),
            SiteTimezone::Fixed(off) => off.from_local_datetime(&naive).earliest(),
        }
    }

    /// Converts an instant to this zone (for display and date grouping).
    pub fn convert(&self, dt: &DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        match self {
            SiteTimezone::Named(tz) => dt.with_timezone(tz).fixed_offset(),
            SiteTimezone::Fixed(off) => dt.with_timezone(off),
        }
    }
}

/// The site settings after validation.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    /// Site title.
    pub title: String,
    /// Base URL, always ending in `/`.
    pub base_url: Url,
    /// Description.
    pub description: String,
    /// Language tag.
    pub language: String,
    /// Articles per list page, at least 1.
    pub items_per_page: usize,
    /// Most items in one feed, at least 1.
    pub feed_limit: usize,
    /// Normalised alias → the tag it stands for, as written in the config.
    pub tag_aliases: BTreeMap<String, String>,
    /// Zone for naive dates.
    pub timezone: SiteTimezone,
    /// Summary target length in characters.
    pub summary_length: usize,
    /// Cleaning rules, keyed by lower-cased source name or URL host.
    pub cleaning: BTreeMap<String, SourceRules>,
    /// URL path fragments of tag links.
    pub tag_link_patterns: Vec<String>,
    /// Most tag links one tag block may hold (more: none of them count).
    pub page_tag_limit: usize,
    /// Most days between two reports of one story.
    pub cluster_window_days: u32,
    /// Normalised keys of preferred sources, most preferred first.
    pub preferred_sources: Vec<String>,
    /// What site, tag, source and week feed items carry.
    pub feed_content: FeedContent,
    /// `--build-date`: the date feeds give as their build date. `None`
    /// means the newest article's date, so builds repeat byte for byte.
    pub build_date: Option<DateTime<FixedOffset>>,
    /// Which entities get a feed of their own.
    pub entity_feeds: EntityFeeds,
    /// What happens to images on other hosts.
    pub images: crate::enrich::markdown::Images,
    /// Whether links out of the site are followed.
    pub outside_links: crate::load::OutsideLinks,
    /// The most one file may bring.
    pub limits: Limits,
    /// What the search index holds.
    pub search: Search,
}

impl SiteConfig {
    /// The cleaning rules for an article from `source` at `url`, if any.
    pub fn cleaning_rules(&self, source: Option<&str>, url: Option<&Url>) -> Option<&SourceRules> {
        let by_source = source.and_then(|s| self.cleaning.get(&s.trim().to_lowercase()));
        let by_host = || {
            let host = url?.host_str()?.to_lowercase();
            let bare = host.strip_prefix("www.").unwrap_or(&host).to_owned();
            self.cleaning
                .get(&host)
                .or_else(|| self.cleaning.get(&bare))
        };
        by_source.or_else(by_host)
    }
}

impl Default for SiteConfig {
    fn default() -> Self {
        // The defaults of `ConfigFile` are valid by construction.
        resolve(ConfigFile::default(), Path::new(CONFIG_FILE), "").expect("default config is valid")
    }
}

/// What the CLI can override on top of the config file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--output`; relative paths are taken from the site root.
    pub output: Option<PathBuf>,
    /// `--base-url`.
    pub base_url: Option<String>,
    /// `--drafts`: include `draft: true` articles.
    pub drafts: bool,
    /// `--future`: include articles dated after the build.
    pub future: bool,
    /// `--strict`: warnings are errors.
    pub strict: bool,
    /// `--build-date`, as written.
    pub build_date: Option<String>,
    /// `--force`: replace an output folder Briefing did not write.
    pub force: bool,
}

/// Everything a build needs to know, resolved once (ripgrep's "HiArgs").
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Site root: holds `content/`, optional `briefing.yaml`, `templates/`, `theme/`.
    pub root: PathBuf,
    /// Output folder, `public/` under the root by default.
    pub out_dir: PathBuf,
    /// Include drafts.
    pub drafts: bool,
    /// Include articles dated after the build (`--future`); otherwise they
    /// are left out with a note, as Hugo does, so a scheduled entry is not
    /// published early.
    pub future: bool,
    /// Warnings are errors.
    pub strict: bool,
    /// Whether an output folder Briefing did not write may be replaced.
    pub replace: crate::write::Replace,
    /// The site settings.
    pub site: SiteConfig,
}

impl BuildOptions {
    /// The output folder as messages show it: relative to the site root
    /// when inside it (`public`).
    pub fn out_dir_shown(&self) -> PathBuf {
        self.out_dir
            .strip_prefix(&self.root)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| self.out_dir.clone())
    }
}

/// Reads `briefing.yaml` under `root` (if present), applies `overrides`.
///
/// # Errors
/// Every problem in the config file, each with its location.
pub fn load(root: &Path, overrides: &Overrides) -> Result<BuildOptions, Vec<Diagnostic>> {
    let path = root.join(CONFIG_FILE);
    let rel = PathBuf::from(CONFIG_FILE);
    // The config says whether links out of the site are followed, so a
    // config that is itself such a link is never read: its values would
    // show in messages.
    if path.is_file() && crate::load::leaves_sources(&fsx::real_path(root), &path) {
        return Err(vec![
            Diagnostic::error(
                Location::file(&rel),
                "symbolic link to a place outside the site; not read",
            )
            .with_help("copy the file into the site instead of linking to it"),
        ]);
    }
    let (mut file, text) = if path.is_file() {
        let text = fsx::read_to_string(&path)
            .map_err(|e| vec![Diagnostic::error(Location::file(&rel), e.to_string())])?;
        let file = parse(&text).map_err(|e| vec![yaml_diagnostic(&rel, e)])?;
        (file, text)
    } else {
        (ConfigFile::default(), String::new())
    };
    if let Some(base) = &overrides.base_url {
        file.base_url = base.clone();
    }
    let mut site = resolve(file, &rel, &text)?;
    if let Some(date) = &overrides.build_date {
        match crate::article::parse_date(date, site.timezone) {
            Ok(d) => site.build_date = Some(d),
            Err(reason) => {
                return Err(vec![
                    Diagnostic::error(
                        Location::file("--build-date"),
                        format!("invalid --build-date `{date}`: {reason}"),
                    )
                    .with_help("use YYYY-MM-DD or RFC 3339, e.g. 2024-12-03T09:30:00Z"),
                ]);
            }
        }
    }
    let out_dir = match &overrides.output {
        Some(out) if out.is_absolute() => out.clone(),
        Some(out) => root.join(out),
        None => root.join("public"),
    };
    Ok(BuildOptions {
        root: root.to_path_buf(),
        out_dir,
        drafts: overrides.drafts,
        future: overrides.future,
        strict: overrides.strict,
        replace: if overrides.force {
            crate::write::Replace::Force
        } else {
            crate::write::Replace::IfOurs
        },
        site,
    })
}

/// Parses the config text; an empty file means all defaults.
pub fn parse(text: &str) -> Result<ConfigFile, YamlError> {
    let without_comments = text
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .any(|l| !l.trim().is_empty());
    if !without_comments {
        return Ok(ConfigFile::default());
    }
    front_matter::from_yaml_str(text)
}

fn yaml_diagnostic(rel: &Path, e: YamlError) -> Diagnostic {
    let loc = match e.line {
        Some(line) => Location::at(rel, line, e.column.unwrap_or(1)),
        None => Location::file(rel),
    };
    let mut d = Diagnostic::error(loc, e.message.clone());
    if let Some(rest) = e.message.strip_prefix("unknown field `") {
        // serde lists the expected keys after the unknown one.
        let unknown = rest.split('`').next().unwrap_or("");
        let suggestion = e
            .message
            .split('`')
            .skip(3)
            .step_by(2)
            .filter(|k| !k.is_empty())
            .min_by_key(|k| strsim::levenshtein(unknown, k))
            .filter(|k| strsim::levenshtein(unknown, k) <= 3);
        d = d.with_help(match suggestion {
            Some(k) => format!("did you mean `{k}`? (the README lists every config key)"),
            None => "see the README for the config keys".to_owned(),
        });
    }
    d
}

/// Validates the values of a parsed config file.
fn resolve(file: ConfigFile, rel: &Path, text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let at = |key: &str| match front_matter::key_position(text, key) {
        Some((line, col)) => Location::at(rel, line, col),
        None => Location::file(rel),
    };
    let base_url = match Url::parse(file.base_url.trim()) {
        Ok(mut url) if matches!(url.scheme(), "http" | "https") => {
            if !url.path().ends_with('/') {
                let path = format!("{}/", url.path());
                url.set_path(&path);
            }
            url.set_query(None);
            url.set_fragment(None);
            Some(url)
        }
        Ok(_) => {
            problems.push(Diagnostic::error(
                at("base_url"),
                format!("base_url `{}` must be an http or https URL", file.base_url),
            ));
            None
        }
        Err(e) => {
            problems.push(
                Diagnostic::error(
                    at("base_url"),
                    format!("base_url `{}` is not an absolute URL: {e}", file.base_url),
                )
                .with_help("write it in full, e.g. `https://digest.example.org/`"),
            );
            None
        }
    };
    let timezone = SiteTimezone::parse(&file.timezone);
    if timezone.is_none() {
        problems.push(
            Diagnostic::error(
                at("timezone"),
                format!("unknown timezone `{}`", file.timezone),
            )
            .with_help(
                "use `UTC`, an IANA name such as `Europe/Berlin`, or an offset such as `+02:00`",
            ),
        );
    }
    let limits = file.limits;
    for (key, value) in [
        ("items_per_page", file.items_per_page),
        ("feed_limit", file.feed_limit),
    ] {
        if value == 0 {
            problems.push(Diagnostic::error(
                at(key),
                format!("{key} must be at least 1"),
            ));
        }
    }
    for (key, value) in [
        ("file_size", limits.file_size),
        ("front_matter_size", limits.front_matter_size as u64),
        ("front_matter_depth", limits.front_matter_depth as u64),
        ("tags_per_article", limits.tags_per_article as u64),
        ("html_depth", limits.html_depth as u64),
        ("entities_per_article", limits.entities_per_article as u64),
        ("story_reports", limits.story_reports as u64),
    ] {
        if value == 0 {
            let loc = match front_matter::key_position_nested(text, &["limits", key]) {
                Some((line, col)) => Location::at(rel, line, col),
                None => at("limits"),
            };
            problems.push(Diagnostic::error(
                loc,
                format!("limits.{key} must be at least 1"),
            ));
        }
    }
    let tag_aliases = file
        .tag_aliases
        .iter()
        .map(|(alias, tag)| (crate::enrich::tags::normalise(alias), tag.trim().to_owned()))
        // An alias whose target folds to the same key still counts: it
        // sets the name shown (`critical_infrastructure: critical infrastructure`).
        .filter(|(alias, tag)| !alias.is_empty() && !crate::enrich::tags::normalise(tag).is_empty())
        .collect();
    let mut cleaning = BTreeMap::new();
    for (key, rule) in &file.cleaning {
        let mut compile = |what: &str, pattern: &str| match regex::Regex::new(pattern) {
            Ok(re) => Some(re),
            Err(e) => {
                let loc = match front_matter::key_position_nested(text, &[key, what]) {
                    Some((line, col)) => Location::at(rel, line, col),
                    None => at("cleaning"),
                };
                problems.push(Diagnostic::error(
                    loc,
                    format!(
                        "invalid regular expression in cleaning rule `{key}.{what}`: {}",
                        e.to_string().lines().last().unwrap_or("")
                    ),
                ));
                None
            }
        };
        let rules = SourceRules {
            start_after: rule
                .start_after
                .as_deref()
                .and_then(|p| compile("start_after", p)),
            stop_before: rule
                .stop_before
                .as_deref()
                .and_then(|p| compile("stop_before", p)),
            drop: rule
                .drop
                .iter()
                .filter_map(|p| compile("drop", p))
                .collect(),
            ignore_page_tags: rule.page_tags == Some(false),
        };
        cleaning.insert(key.trim().to_lowercase(), rules);
    }
    let feed_content = match file.feed_content.trim() {
        "full" => FeedContent::Full,
        "summary" => FeedContent::Summary,
        other => {
            problems.push(
                Diagnostic::error(
                    at("feed_content"),
                    format!("unknown feed_content `{other}`"),
                )
                .with_help("use `full` or `summary`"),
            );
            FeedContent::Full
        }
    };
    let entity_feeds = match file.entity_feeds.trim() {
        "repeated" => EntityFeeds::Repeated,
        "all" => EntityFeeds::All,
        "none" => EntityFeeds::None,
        other => {
            problems.push(
                Diagnostic::error(
                    at("entity_feeds"),
                    format!("unknown entity_feeds `{other}`"),
                )
                .with_help("use `repeated`, `all` or `none`"),
            );
            EntityFeeds::Repeated
        }
    };
    let images = match file.images.trim() {
        "keep" => crate::enrich::markdown::Images::Keep,
        "link" => crate::enrich::markdown::Images::Link,
        "drop" => crate::enrich::markdown::Images::Drop,
        other => {
            problems.push(
                Diagnostic::error(at("images"), format!("unknown images `{other}`"))
                    .with_help("use `keep`, `link` or `drop`"),
            );
            crate::enrich::markdown::Images::Link
        }
    };
    // Control characters would make the feeds invalid XML, and a bidi
    // override in the title would reorder every page's header.
    let clean = |t: &str| crate::names::shown(t);
    match (base_url, timezone) {
        (Some(base_url), Some(timezone)) if problems.is_empty() => Ok(SiteConfig {
            title: clean(&file.title),
            base_url,
            description: clean(&file.description),
            language: clean(&file.language),
            items_per_page: file.items_per_page,
            feed_limit: file.feed_limit,
            tag_aliases,
            timezone,
            summary_length: file.summary_length.max(40),
            cleaning,
            tag_link_patterns: file
                .tag_link_patterns
                .into_iter()
                .filter(|p| !p.trim().is_empty())
                .collect(),
            page_tag_limit: file.page_tag_limit,
            cluster_window_days: file.cluster_window_days,
            preferred_sources: file
                .preferred_sources
                .iter()
                .map(|s| crate::slug::key(s))
                .filter(|s| !s.is_empty())
                .collect(),
            feed_content,
            build_date: None,
            entity_feeds,
            images,
            outside_links: if file.follow_external_symlinks {
                crate::load::OutsideLinks::Follow
            } else {
                crate::load::OutsideLinks::Skip
            },
            limits,
            search: file.search,
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_or_comment_only_file_is_all_defaults() {
        assert_eq!(parse("").unwrap(), ConfigFile::default());
        assert_eq!(parse("# nothing\n\n").unwrap(), ConfigFile::default());
    }

    #[test]
    fn unknown_key_is_an_error_naming_it() {
        let err = parse("title: X\ntitel: Y\n").unwrap_err();
        assert!(
            err.message.contains("unknown field `titel`"),
            "{}",
            err.message
        );
        assert_eq!(err.line, Some(2));
    }

    #[test]
    fn timezones() {
        let cases = [
            ("UTC", true),
            ("Europe/Berlin", true),
            ("+02:00", true),
            ("-05:30", true),
            ("Mars/Olympus", false),
            ("", false),
        ];
        for (input, ok) in cases {
            assert_eq!(SiteTimezone::parse(input).is_some(), ok, "{input}");
        }
    }

    #[test]
    fn base_url_gets_a_trailing_slash_and_bad_values_point_at_the_key() {
        let file = ConfigFile {
            base_url: "https://u.github.io/digest".into(),
            ..ConfigFile::default()
        };
        let site = resolve(file, Path::new("briefing.yaml"), "").unwrap();
        assert_eq!(site.base_url.as_str(), "https://u.github.io/digest/");

        let text = "title: T\nbase_url: not a url\n";
        let file = parse(text).unwrap();
        let errs = resolve(file, Path::new("briefing.yaml"), text).unwrap_err();
        assert_eq!(errs[0].location, Location::at("briefing.yaml", 2, 11));
    }
}
