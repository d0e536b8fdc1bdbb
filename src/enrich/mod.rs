//! Enrichment: from parsed articles to the stories the site shows.
//!
//! Takes [`ParsedArticle`]s and the site config; gives [`Article`]s with
//! sanitised HTML, a summary and normalised tags. Runs per article in
//! parallel. Later passes (boilerplate cleaning, entities, duplicate stories)
//! slot in here, between parse and grouping.

pub mod boilerplate;
pub mod dedupe;
pub mod entities;
pub mod markdown;
pub mod tags;

use std::path::PathBuf;

use rayon::prelude::*;

use crate::article::{Meta, ParsedArticle};
use crate::config::SiteConfig;
use markdown::SafeHtml;
use tags::TagMention;

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
    /// Normalised tags, aliases applied, in the order written.
    pub tags: Vec<TagMention>,
}

/// Enriches every article (in parallel; order is kept).
pub fn run(parsed: Vec<ParsedArticle>, site: &SiteConfig) -> Vec<Article> {
    parsed.into_par_iter().map(|p| enrich(p, site)).collect()
}

fn enrich(parsed: ParsedArticle, site: &SiteConfig) -> Article {
    let rendered = markdown::render(&parsed.body, parsed.meta.url.as_ref());
    let summary = match &parsed.meta.summary {
        Some(s) => s.split_whitespace().collect::<Vec<_>>().join(" "),
        None => rendered
            .lede
            .as_deref()
            .map(|l| truncate_at_sentence(l, site.summary_length))
            .unwrap_or_default(),
    };
    let tags = tags::resolve(&parsed.meta.tags, &site.tag_aliases);
    Article {
        path: parsed.path,
        meta: parsed.meta,
        html: rendered.html,
        summary,
        tags,
    }
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
