//! `digest.json`: the digest for other tools (newsletters, chat bots,
//! dashboards).
//!
//! Takes the digest; gives one JSON file listing every story as a cluster of
//! its reports, lead first. Every article appears exactly once.

use std::collections::BTreeMap;

use serde::Serialize;

use super::view::{self, Urls};
use crate::diagnostics::Diagnostic;
use crate::digest::Digest;
use crate::enrich::entities::Kev;
use crate::output::OutputFile;

#[derive(Serialize)]
struct DigestJson<'a> {
    version: u32,
    clusters: Vec<ClusterJson<'a>>,
}

#[derive(Serialize)]
struct ClusterJson<'a> {
    articles: Vec<ArticleJson<'a>>,
}

#[derive(Serialize)]
struct ArticleJson<'a> {
    url: Option<&'a str>,
    title: &'a str,
    source: Option<&'a str>,
    date: String,
    page: String,
    tags: Vec<&'a str>,
    entities: Vec<&'a str>,
    /// Names of the entities that have one (ATT&CK techniques, KEV CVEs),
    /// by ID; beside `entities` so that list keeps its shape for readers of
    /// version 1.
    entity_names: BTreeMap<&'a str, String>,
    summary: &'a str,
}

/// Renders `digest.json`.
///
/// # Errors
/// Never in practice (serialising owned strings); kept as a diagnostic so
/// the caller treats every output the same way.
pub fn render(digest: &Digest, kev: &Kev, urls: &Urls) -> Result<OutputFile, Diagnostic> {
    let clusters = digest
        .clusters
        .iter()
        .map(|members| ClusterJson {
            articles: members
                .iter()
                .map(|&id| {
                    let e = &digest.entries[id];
                    ArticleJson {
                        url: e.article.meta.url.as_ref().map(url::Url::as_str),
                        title: &e.article.meta.title,
                        source: e
                            .source
                            .as_ref()
                            .and_then(|k| digest.sources.get(k))
                            .map(|g| g.name.as_str()),
                        date: e.date.to_rfc3339(),
                        page: urls.to(&view::article_path(&e.slug)),
                        tags: e.article.tags.iter().map(|t| t.key.as_str()).collect(),
                        entities: e.article.entities.iter().map(|x| x.id.as_str()).collect(),
                        entity_names: e
                            .article
                            .entities
                            .iter()
                            .filter_map(|x| Some((x.id.as_str(), x.title(kev)?)))
                            .collect(),
                        summary: &e.article.summary,
                    }
                })
                .collect(),
        })
        .collect();
    let json = serde_json::to_vec_pretty(&DigestJson {
        version: 1,
        clusters,
    })
    .map_err(|e| {
        Diagnostic::error(
            crate::diagnostics::Location::file("digest.json"),
            e.to_string(),
        )
    })?;
    Ok(OutputFile {
        path: "digest.json".to_owned(),
        bytes: json,
    })
}
