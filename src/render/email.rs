//! The email edition of each ISO week: `weeks/YYYY-Www/email.html` and its
//! plain-text twin `email.txt`, ready to paste into a newsletter tool.
//!
//! Takes one week's stories; gives the two files. The HTML is a table layout
//! with inline styles only (no `<style>`, no script, no web fonts) because
//! mail clients strip the rest; every URL is absolute.

use serde::Serialize;

use super::templates::Templates;
use super::view::{self, SiteView, Urls};
use crate::diagnostics::Diagnostic;
use crate::digest::{Digest, EntryId, Period};
use crate::enrich::entities::{EntityKind, Kev};
use crate::output::OutputFile;

/// What `email.html` and `email.txt` see.
#[derive(Debug, Clone, Serialize)]
pub struct EmailView<'a> {
    /// Site values.
    pub site: &'a SiteView<'a>,
    /// `Week 49, 2024`.
    pub title: String,
    /// `4 stories`.
    pub count: String,
    /// The site's home page, absolute.
    pub home_url: String,
    /// The week's page, absolute.
    pub week_url: String,
    /// One per story, newest first.
    pub stories: Vec<EmailStory>,
}

/// One story in the email.
#[derive(Debug, Clone, Serialize)]
pub struct EmailStory {
    /// Title.
    pub title: String,
    /// Our page for it, absolute.
    pub url: String,
    /// `3 December 2024`.
    pub date: String,
    /// The outlet.
    pub source: Option<String>,
    /// Summary.
    pub summary: String,
    /// The summary wrapped at 70 columns, for the text edition.
    pub summary_lines: Vec<String>,
    /// Known-exploited CVEs it mentions, comma-separated.
    pub known_exploited: String,
    /// Other reports: outlet (or title) and our page, absolute.
    pub also: Vec<view::Link>,
}

/// The two files of `period`'s email edition.
///
/// # Errors
/// A template that fails.
pub fn render(
    period: &Period,
    stories: &[(EntryId, Vec<EntryId>)],
    digest: &Digest,
    kev: &Kev,
    templates: &Templates,
    site: &SiteView<'_>,
    urls: &Urls,
) -> Result<Vec<OutputFile>, Diagnostic> {
    let folder = format!("{}/", period.path());
    let source_name = |id: EntryId| {
        let e = &digest.entries[id];
        e.source
            .as_ref()
            .and_then(|k| digest.sources.get(k))
            .map(|g| g.name.clone())
    };
    let view = EmailView {
        site,
        title: period.title(),
        count: match stories.len() {
            1 => "1 story".to_owned(),
            n => format!("{n} stories"),
        },
        home_url: urls.to(""),
        week_url: urls.to(&folder),
        stories: stories
            .iter()
            .map(|(id, others)| {
                let e = &digest.entries[*id];
                EmailStory {
                    title: e.article.meta.title.clone(),
                    url: urls.to(&view::article_path(&e.slug)),
                    date: e.date.format("%-d %B %Y").to_string(),
                    source: source_name(*id),
                    summary: e.article.summary.clone(),
                    summary_lines: wrap(&e.article.summary, 70),
                    known_exploited: e
                        .article
                        .entities
                        .iter()
                        .filter(|x| x.kind == EntityKind::Cve && kev.get(&x.id).is_some())
                        .map(|x| x.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    also: others
                        .iter()
                        .map(|&o| view::Link {
                            name: source_name(o)
                                .unwrap_or_else(|| digest.entries[o].article.meta.title.clone()),
                            url: urls.to(&view::article_path(&digest.entries[o].slug)),
                        })
                        .collect(),
                }
            })
            .collect(),
    };
    let html = templates.render("email.html", &view)?;
    let text = templates.render("email.txt", &view)?;
    Ok(vec![
        OutputFile {
            path: format!("{folder}email.html"),
            bytes: html.into_bytes(),
        },
        OutputFile {
            path: format!("{folder}email.txt"),
            bytes: text.into_bytes(),
        },
    ])
}

/// Greedy word wrap at `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(wrap("aa bb cc dd", 5), ["aa bb", "cc dd"]);
        assert_eq!(wrap("", 5), Vec::<String>::new());
        assert_eq!(wrap("longerthanwidth x", 5), ["longerthanwidth", "x"]);
    }
}
