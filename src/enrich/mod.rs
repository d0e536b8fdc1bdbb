//! Enrichment: from parsed articles to the stories the site shows.
//!
//! Takes [`ParsedArticle`]s and the site config; gives [`Article`]s with
//! sanitised HTML, a summary and normalised tags. Runs per article in
//! parallel. Later passes (boilerplate cleaning, entities, duplicate stories)
//! slot in here, between parse and grouping.

pub mod attack;
pub mod boilerplate;
pub mod dedupe;
pub mod entities;
pub mod markdown;
pub mod story_signals;
pub mod tags;

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;

use rayon::prelude::*;

use crate::article::{Meta, ParsedArticle};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use boilerplate::Removal;
use entities::{Entity, Watchlist};
use markdown::{MentionLinks, SafeHtml};
use tags::TagMention;

/// What cleaning did to a scraped article (for `--explain` and warnings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleaningReport {
    /// What was removed, by body line.
    pub removals: Vec<Removal>,
    /// Why the original page was kept, when it was.
    pub kept_original: Option<String>,
    /// Lines in the original body.
    pub total_lines: usize,
    /// File line where the body starts (to turn body lines into file lines).
    pub body_line: usize,
}

/// An enriched story, ready to group and render.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Path relative to the site root; unique, so it breaks every sort tie.
    pub path: PathBuf,
    /// Typed front matter.
    pub meta: Meta,
    /// The body, sanitised.
    pub html: SafeHtml,
    /// Summary: from front matter, else the first real paragraph, cut at a
    /// sentence near the configured length. May be empty.
    pub summary: String,
    /// Normalised tags, aliases applied: front matter first, then the tags the
    /// page gives itself through its label links.
    pub tags: Vec<TagMention>,
    /// Entities mentioned in the title or the (cleaned) body, sorted.
    pub entities: Vec<Entity>,
    /// Content words of the first paragraphs, for spotting the same story.
    pub lede_words: HashSet<String>,
    /// Rare-feature candidates (IOCs, versions, names; see
    /// [`story_signals`]), for spotting the same story across outlets and
    /// languages.
    pub story_features: BTreeSet<String>,
    /// The CVEs and advisory or incident IDs the title names (see
    /// [`story_signals::title_indicators`]): what the article is about.
    pub title_indicators: Vec<String>,
    /// Where the body links to (absolute URLs).
    pub links: Vec<String>,
    /// For scraped articles: what cleaning removed.
    pub cleaning: Option<CleaningReport>,
}

impl AsRef<Article> for Article {
    fn as_ref(&self) -> &Article {
        self
    }
}

/// Enriches every article (in parallel; order is kept). Gives warnings for
/// scraped pages whose cleaning was abandoned or whose tag links passed
/// `limits.tags_per_article`, and an error for a body whose HTML nests past
/// `limits.html_depth` (its article then has an empty body).
pub fn run(
    parsed: Vec<ParsedArticle>,
    site: &SiteConfig,
    watchlist: &Watchlist,
) -> (Vec<Article>, Diagnostics) {
    let site_path = site.base_url.path().to_owned();
    let results: Vec<(Article, Vec<Diagnostic>)> = parsed
        .into_par_iter()
        .map(|p| enrich(p, site, watchlist, &site_path))
        .collect();
    let mut diagnostics = Diagnostics::new();
    let articles = results
        .into_iter()
        .map(|(a, d)| {
            diagnostics.extend(d.into_iter().collect());
            a
        })
        .collect();
    (articles, diagnostics)
}

/// Words of the lede compared between articles.
const LEDE_WORDS: usize = 80;

fn enrich(
    parsed: ParsedArticle,
    site: &SiteConfig,
    watchlist: &Watchlist,
    site_path: &str,
) -> (Article, Vec<Diagnostic>) {
    let meta = &parsed.meta;
    let limits = &site.limits;
    let mut problems = Vec::new();
    if let Some(offset) = markdown::html_too_deep(&parsed.body, limits.html_depth) {
        let before = &parsed.body[..offset];
        let line = parsed.body_line + before.matches('\n').count();
        let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        problems.push(
            Diagnostic::error(
                Location::at(&parsed.path, line, column),
                format!(
                    "HTML nested more than {} elements deep (`limits.html_depth`); the body is not rendered",
                    limits.html_depth
                ),
            )
            .with_help("if the page is genuine, raise `limits.html_depth` in briefing.yaml"),
        );
        // The build stops on the error; an empty body keeps the sanitiser
        // from paying for the nesting first.
        let article = Article {
            path: parsed.path,
            html: markdown::render(
                "",
                markdown::Links::AsWritten,
                None,
                markdown::ImagePolicy::KEEP,
            )
            .html,
            summary: String::new(),
            tags: Vec::new(),
            entities: Vec::new(),
            lede_words: HashSet::new(),
            story_features: Default::default(),
            title_indicators: Vec::new(),
            links: Vec::new(),
            cleaning: None,
            meta: parsed.meta,
        };
        return (article, problems);
    }
    // Scraped pages (they carry a fetch date) are cleaned; hand-written
    // entries are the editor's own words and stay as written.
    let mut page_tags = Vec::new();
    let (body, cleaning) = if meta.fetched.is_some() {
        let default_rules = boilerplate::SourceRules::default();
        let rules = site
            .cleaning_rules(meta.source.as_deref(), meta.url.as_ref())
            .unwrap_or(&default_rules);
        // Measured once: cleaning and the page's tag links read the same
        // line measures.
        let measured = boilerplate::MeasuredBody::of(&parsed.body);
        let cleaned = measured.clean(&meta.title, rules);
        if let Some(url) = meta.url.as_ref().filter(|_| !rules.ignore_page_tags) {
            page_tags = measured.page_tags(
                cleaned.body_start,
                &site.tag_link_patterns,
                url,
                site.page_tag_limit,
            );
        }
        if let Some(reason) = &cleaned.kept_original {
            problems.push(
                Diagnostic::warning(
                    Location::at(&parsed.path, parsed.body_line, 1),
                    format!("kept the whole scraped page: {reason}"),
                )
                .with_help(format!(
                    "see `briefing check --explain {}`; cleaning rules per source go in briefing.yaml",
                    parsed.path.display()
                )),
            );
        }
        let report = CleaningReport {
            removals: cleaned.removals,
            kept_original: cleaned.kept_original,
            total_lines: cleaned.total_lines,
            body_line: parsed.body_line,
        };
        (cleaned.markdown, Some(report))
    } else {
        (parsed.body.clone(), None)
    };
    // An editor's links are kept as written and `check` reports the broken
    // ones; a scraped page's relative links mean its original site.
    let links = if meta.fetched.is_some() {
        markdown::Links::AgainstOriginal(meta.url.as_ref())
    } else {
        markdown::Links::AsWritten
    };
    // One markdown pass gives the text (for entities, the lede words and the
    // story features), the lede, the links and the code, and then the HTML.
    // Entities come first: only those kept get pages, so only those link.
    let read = markdown::read(&body, links);
    let text = read.text();
    let (entities, mentioned) = entities::find_at_most(
        &format!("{}\n{}", meta.title, text),
        watchlist,
        limits.entities_per_article,
    );
    if mentioned > entities.len() {
        problems.push(
            Diagnostic::warning(
                Location::at(&parsed.path, parsed.body_line, 1),
                format!(
                    "the page mentions {mentioned} entities; kept the first {} (`limits.entities_per_article`)",
                    entities.len()
                ),
            )
            .with_help("raise `limits.entities_per_article` in briefing.yaml to keep more"),
        );
    }
    let mentions = MentionLinks {
        watchlist,
        site_path,
        only: (mentioned > entities.len()).then_some(entities.as_slice()),
    };
    let images = markdown::ImagePolicy {
        images: site.images,
        own: site.base_url.as_str(),
    };
    let lede_words = dedupe::content_words(first_lines(text, LEDE_WORDS), LEDE_WORDS);
    let mut story_features = story_signals::features(text, read.code());
    let title_features = story_signals::title_features(&meta.title);
    let title_indicators = story_signals::title_indicators(&meta.title, &title_features);
    story_features.extend(title_features);
    let rendered = read.render(Some(mentions), images);
    let summary = match &meta.summary {
        Some(s) => s.split_whitespace().collect::<Vec<_>>().join(" "),
        // The lede is text already (references decoded by the markdown
        // parser); only bidi controls go, so a summary cannot reorder the
        // list or feed reader it is shown in.
        None => rendered
            .lede
            .as_deref()
            .map(|l| truncate_at_sentence(&crate::names::shown(l), site.summary_length))
            .unwrap_or_default(),
    };
    let mut written_tags = meta.tags.clone();
    written_tags.extend(page_tags.iter().map(|(t, _)| t.clone()));
    let mut tags = tags::resolve_indexed(&written_tags, &site.tag_aliases);
    if tags.len() > limits.tags_per_article {
        // Front-matter tags are within the limit (article::parse refuses
        // more), so the first tag dropped is one of the page's tag links.
        let first_dropped = tags[limits.tags_per_article].0;
        let line = first_dropped
            .checked_sub(meta.tags.len())
            .and_then(|i| page_tags.get(i))
            .map_or(parsed.body_line, |(_, at)| parsed.body_line + at);
        problems.push(
            Diagnostic::warning(
                Location::at(&parsed.path, line, 1),
                format!(
                    "the page gives itself {} tags; kept the first {} (`limits.tags_per_article`)",
                    tags.len(),
                    limits.tags_per_article
                ),
            )
            .with_help("raise `limits.tags_per_article` in briefing.yaml to keep more"),
        );
        tags.truncate(limits.tags_per_article);
    }
    let tags = tags.into_iter().map(|(_, m)| m).collect();
    let article = Article {
        path: parsed.path,
        meta: parsed.meta,
        html: rendered.html,
        summary,
        tags,
        entities,
        lede_words,
        story_features,
        title_indicators,
        links: rendered.links,
        cleaning,
    };
    (article, problems)
}

/// The lines of `text` up to the one that brings it to `words` words (what
/// `plain_text` would have stopped at).
fn first_lines(text: &str, words: usize) -> &str {
    let mut count = 0;
    for (i, _) in text.match_indices('\n') {
        count += text[..i]
            .rsplit('\n')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .count();
        if count >= words {
            return &text[..i];
        }
    }
    text
}

/// Cuts `text` near `target` characters: at the last sentence end between
/// half and 1.3× the target, else at a word boundary with an ellipsis.
pub fn truncate_at_sentence(text: &str, target: usize) -> String {
    if text.chars().count() <= target {
        return text.to_owned();
    }
    let byte_at = |chars: usize| {
        text.char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| i)
    };
    let lo = byte_at(target / 2);
    let hi = byte_at(target + target * 3 / 10);
    let window = &text[lo..hi];
    let sentence_end = window
        .match_indices(['.', '!', '?'])
        .map(|(i, m)| lo + i + m.len())
        .filter(|&end| text[end..].starts_with(' '))
        .min_by_key(|&end| end.abs_diff(byte_at(target)));
    if let Some(end) = sentence_end {
        return text[..end].to_owned();
    }
    let cut = byte_at(target);
    let cut = text[..cut].rfind(' ').unwrap_or(cut);
    format!("{}…", text[..cut].trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_cut_at_a_sentence_near_the_target() {
        let text = "First sentence is here. Second sentence is a bit longer than that. Third one.";
        assert_eq!(truncate_at_sentence(text, 200), text);
        assert_eq!(
            truncate_at_sentence(text, 60),
            "First sentence is here. Second sentence is a bit longer than that."
        );
        let words = "word ".repeat(100);
        let cut = truncate_at_sentence(words.trim(), 50);
        assert!(cut.ends_with('…') && cut.chars().count() <= 51, "{cut}");
    }
}
