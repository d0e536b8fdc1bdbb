//! `search.json`: the index the site's search box reads, so search needs no
//! service.
//!
//! Takes the digest, the KEV catalogue and the `search` config; gives one
//! JSON file with an item per article (title, summary, date, page slug,
//! source, tags, entities and, with `search: {bodies: true}`, the body as
//! plain text). It is built to be small, since every reader who searches
//! downloads it whole: tags, sources, entity kinds and entities are string
//! tables that items refer to by index, item keys are one letter, empty
//! fields are left out, and pages are slugs under [`SearchIndex::pages`]
//! rather than URLs. `theme/search.js` reads it.
//!
//! ```json
//! {"version":1,"pages":"articles/","tags":["Backdoor"],"sources":["Ars Technica"],
//!  "kinds":["CVE","ATT&CK technique"],
//!  "entities":[[0,"CVE-2024-3094","entities/cve/2024/cve-2024-3094.html"],
//!              [1,"T1566","entities/technique/t1566.html","Phishing"]],
//!  "items":[{"t":"Backdoor in xz","s":"Malicious code ...","u":"xz-backdoor","d":"2024-03-29",
//!            "o":0,"g":[0],"e":[0,1]}]}
//! ```

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::config::Search;
use crate::diagnostics::{Diagnostic, Location};
use crate::digest::{Digest, EntryId};
use crate::enrich::entities::{Entity, Kev};
use crate::output::OutputFile;

/// Output path of the index.
pub const INDEX_PATH: &str = "search.json";

/// The whole index.
#[derive(Debug, Serialize)]
pub struct SearchIndex<'a> {
    /// Format version; a reader refuses a version it does not know.
    pub version: u32,
    /// Folder of article pages under the base URL: an item's page is
    /// `BASE` + `pages` + `u` + `/`.
    pub pages: &'static str,
    /// Tag names, by key order; items hold indexes into it.
    pub tags: Vec<&'a str>,
    /// Source names, by key order.
    pub sources: Vec<&'a str>,
    /// Entity kinds as pages name them: `CVE`, `ATT&CK technique`, `actor`.
    pub kinds: Vec<String>,
    /// Every entity an item mentions.
    pub entities: Vec<EntityRow<'a>>,
    /// One per article, newest first.
    pub items: Vec<Item<'a>>,
}

/// An entity: `[kind index, ID, page]`, or `[kind index, ID, page, name]`
/// when it has a name beyond its ID (an ATT&CK technique, a known-exploited
/// CVE). The page is its path under the base URL, so results can link the
/// CVE or technique a query matched.
#[derive(Debug, Serialize)]
pub struct EntityRow<'a>(
    pub usize,
    pub &'a str,
    pub String,
    #[serde(skip_serializing_if = "Option::is_none")] pub Option<String>,
);

/// One article.
#[derive(Debug, Serialize)]
pub struct Item<'a> {
    /// Title.
    pub t: &'a str,
    /// Summary (left out when empty).
    #[serde(skip_serializing_if = "str::is_empty")]
    pub s: &'a str,
    /// Page slug: `xz-backdoor` for `articles/xz-backdoor/`.
    pub u: &'a str,
    /// Date in the site's time zone: `2024-03-29`.
    pub d: String,
    /// Index into `sources`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub o: Option<usize>,
    /// Indexes into `tags`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub g: Vec<usize>,
    /// Indexes into `entities`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub e: Vec<usize>,
    /// The body as plain text, with `search: {bodies: true}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub b: Option<String>,
}

/// Output folder of the shards of a sharded index: `search/2025.json`.
pub const SHARD_FOLDER: &str = "search/";

/// Past this many articles, `search.json` is a manifest over one shard per
/// year (see [`Manifest`]), so a reader downloads the newest part first and
/// sees results from it at once. At 2,000 items a single index is about
/// 0.3 MB gzipped; a site at or under it keeps one file.
pub const SHARD_ITEMS: usize = 2_000;

/// `search.json` of a sharded index: where each shard is, newest first.
///
/// ```json
/// {"version":2,"pages":"articles/","shards":[
///   {"url":"search/2025.json","items":3317,"from":"2025-01-02","to":"2025-12-30"}, ...]}
/// ```
#[derive(Debug, Serialize)]
pub struct Manifest {
    /// Format version: 2.
    pub version: u32,
    /// As in [`SearchIndex::pages`].
    pub pages: &'static str,
    /// One per shard, newest first.
    pub shards: Vec<ShardRef>,
}

/// One shard in the [`Manifest`].
#[derive(Debug, Serialize)]
pub struct ShardRef {
    /// Path of the shard relative to `search.json`: `search/2025.json`.
    pub url: String,
    /// Items in the shard.
    pub items: usize,
    /// Date of its oldest item.
    pub from: String,
    /// Date of its newest item.
    pub to: String,
}

/// The shards of the index of `digest`, by name (`2025`), newest first: one
/// per calendar year of the articles' dates, or none (one file) when the
/// site has at most `shard_items` articles.
pub fn shards(digest: &Digest, shard_items: usize) -> Vec<String> {
    shard_entries(digest, shard_items)
        .into_iter()
        .map(|(name, _)| name)
        .collect()
}

/// [`shards`] with the entries of each, in digest order (newest first).
fn shard_entries(digest: &Digest, shard_items: usize) -> Vec<(String, Vec<EntryId>)> {
    use chrono::Datelike;
    if digest.entries.len() <= shard_items {
        return Vec::new();
    }
    let mut years: std::collections::BTreeMap<i32, Vec<EntryId>> = Default::default();
    for (id, entry) in digest.entries.iter().enumerate() {
        years.entry(entry.date.year()).or_default().push(id);
    }
    years
        .into_iter()
        .rev()
        .map(|(year, ids)| (format!("{year:04}"), ids))
        .collect()
}

/// Output path of the shard named `name`.
pub fn shard_path(name: &str) -> String {
    format!("{SHARD_FOLDER}{name}.json")
}

/// Every output path of an index with these shards: `search.json` first.
pub fn paths(shards: &[String]) -> Vec<String> {
    std::iter::once(INDEX_PATH.to_owned())
        .chain(shards.iter().map(|s| shard_path(s)))
        .collect()
}

/// The index of every article of `digest`, with every tag, source and
/// entity of the site in its tables.
pub fn index<'a>(digest: &'a Digest, kev: &Kev, search: Search) -> SearchIndex<'a> {
    index_of(digest, kev, search, None)
}

/// The index of the entries `only` (every entry when `None`). With `only`,
/// the tables hold just what those entries use, so a shard stands alone.
fn index_of<'a>(
    digest: &'a Digest,
    kev: &Kev,
    search: Search,
    only: Option<&[EntryId]>,
) -> SearchIndex<'a> {
    let ids: Vec<EntryId> = only.map_or_else(|| (0..digest.entries.len()).collect(), <[_]>::to_vec);
    // What the entries use; with every entry, the whole tables are kept.
    let mut used_tags: HashSet<&str> = HashSet::new();
    let mut used_sources: HashSet<&str> = HashSet::new();
    let mut used_entities: HashSet<&Entity> = HashSet::new();
    if only.is_some() {
        for &id in &ids {
            let entry = &digest.entries[id];
            used_tags.extend(entry.article.tags.iter().map(|t| t.key.as_str()));
            used_sources.extend(entry.source.as_deref());
            used_entities.extend(entry.article.entities.iter());
        }
    }
    let keep_tag = |k: &str| only.is_none() || used_tags.contains(k);
    let keep_source = |k: &str| only.is_none() || used_sources.contains(k);
    let tag_keys: Vec<&'a String> = digest.tags.keys().filter(|k| keep_tag(k)).collect();
    let source_keys: Vec<&'a String> = digest.sources.keys().filter(|k| keep_source(k)).collect();
    let position = |keys: &[&'a String]| -> HashMap<&'a str, usize> {
        keys.iter()
            .enumerate()
            .map(|(i, k)| (k.as_str(), i))
            .collect()
    };
    let tag_at = position(&tag_keys);
    let source_at = position(&source_keys);
    let mut kinds: Vec<String> = Vec::new();
    let mut entity_at: HashMap<&Entity, usize> = HashMap::new();
    let mut entities = Vec::new();
    // The map is ordered by kind, so each kind's label is pushed once.
    for entity in digest.entities.keys() {
        if only.is_some() && !used_entities.contains(entity) {
            continue;
        }
        let label = entity.kind_label();
        if kinds.last() != Some(&label) {
            kinds.push(label);
        }
        entity_at.insert(entity, entities.len());
        entities.push(EntityRow(
            kinds.len() - 1,
            &entity.id,
            super::view::entity_path(entity),
            entity.title(kev),
        ));
    }
    let items = ids
        .iter()
        .map(|&id| {
            let entry = &digest.entries[id];
            let article = &entry.article;
            Item {
                t: &article.meta.title,
                s: &article.summary,
                u: &entry.slug,
                d: day(entry),
                o: entry
                    .source
                    .as_deref()
                    .and_then(|k| source_at.get(k).copied()),
                g: article
                    .tags
                    .iter()
                    .filter_map(|t| tag_at.get(t.key.as_str()).copied())
                    .collect(),
                e: article
                    .entities
                    .iter()
                    .filter_map(|x| entity_at.get(x).copied())
                    .collect(),
                b: search.bodies.then(|| plain_text(article.html.as_str())),
            }
        })
        .collect();
    SearchIndex {
        version: 1,
        pages: "articles/",
        tags: tag_keys
            .iter()
            .map(|k| digest.tags[k.as_str()].name.as_str())
            .collect(),
        sources: source_keys
            .iter()
            .map(|k| digest.sources[k.as_str()].name.as_str())
            .collect(),
        kinds,
        entities,
        items,
    }
}

/// An entry's date in the site's time zone: `2024-03-29`.
fn day(entry: &crate::digest::Entry) -> String {
    entry.date.format("%Y-%m-%d").to_string()
}

/// Renders `search.json` and, when `shards` is not empty (see [`shards`]),
/// each shard, `search.json` then being their [`Manifest`].
///
/// # Errors
/// Never in practice (serialising strings); kept as a diagnostic so the
/// caller treats every output the same way.
pub fn render(
    digest: &Digest,
    kev: &Kev,
    search: Search,
    shards: &[String],
) -> Result<Vec<OutputFile>, Diagnostic> {
    if shards.is_empty() {
        return Ok(vec![json(
            INDEX_PATH.to_owned(),
            &index(digest, kev, search),
        )?]);
    }
    let parts = shard_entries(digest, search.shard_items);
    // The plan's shards come from the same digest and setting.
    debug_assert!(parts.iter().map(|(n, _)| n).eq(shards.iter()));
    let mut files = vec![OutputFile {
        path: INDEX_PATH.to_owned(),
        bytes: Vec::new(),
    }];
    let mut refs = Vec::new();
    for (name, ids) in &parts {
        let path = shard_path(name);
        let (Some(&newest), Some(&oldest)) = (ids.first(), ids.last()) else {
            continue;
        };
        refs.push(ShardRef {
            url: path.clone(),
            items: ids.len(),
            from: day(&digest.entries[oldest]),
            to: day(&digest.entries[newest]),
        });
        files.push(json(path, &index_of(digest, kev, search, Some(ids)))?);
    }
    files[0] = json(
        INDEX_PATH.to_owned(),
        &Manifest {
            version: 2,
            pages: "articles/",
            shards: refs,
        },
    )?;
    Ok(files)
}

/// `value` as a file at `path`: compact, not pretty, since the reader's
/// browser downloads it whole.
fn json<T: Serialize>(path: String, value: &T) -> Result<OutputFile, Diagnostic> {
    let bytes = serde_json::to_vec(value)
        .map_err(|e| Diagnostic::error(Location::file(&path), e.to_string()))?;
    Ok(OutputFile { path, bytes })
}

/// The text of sanitised HTML, its runs of white space made one space.
/// html5ever's tokenizer decodes character references, so `&amp;` is `&`.
pub fn plain_text(html: &str) -> String {
    use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
    let sink = TextSink::default();
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(html.into());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let text = tokenizer.sink.text.into_inner();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Collects character tokens; every tag is a word break, so `a<br>b` does
/// not become one word.
#[derive(Default)]
struct TextSink {
    text: std::cell::RefCell<String>,
}

impl html5ever::tokenizer::TokenSink for TextSink {
    type Handle = ();

    fn process_token(
        &self,
        token: html5ever::tokenizer::Token,
        _line: u64,
    ) -> html5ever::tokenizer::TokenSinkResult<()> {
        use html5ever::tokenizer::{Token, TokenSinkResult};
        let mut text = self.text.borrow_mut();
        match token {
            Token::CharacterTokens(t) => text.push_str(&t),
            Token::TagToken(_) => text.push(' '),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_decodes_references_and_breaks_words_at_tags() {
        let cases = [
            ("<p>Tom &amp; Jerry</p>", "Tom & Jerry"),
            ("<p>one<br>two</p>\n<p>three</p>", "one two three"),
            ("<pre><code>&lt;script&gt;</code></pre>", "<script>"),
            ("", ""),
        ];
        for (html, text) in cases {
            assert_eq!(plain_text(html), text, "{html}");
        }
    }
}
