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

use std::collections::HashMap;

use serde::Serialize;

use crate::config::Search;
use crate::diagnostics::{Diagnostic, Location};
use crate::digest::Digest;
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

/// The index of `digest`.
pub fn index<'a>(digest: &'a Digest, kev: &Kev, search: Search) -> SearchIndex<'a> {
    let position = |keys: Vec<&'a String>| -> HashMap<&'a str, usize> {
        keys.into_iter()
            .enumerate()
            .map(|(i, k)| (k.as_str(), i))
            .collect()
    };
    let tag_at = position(digest.tags.keys().collect());
    let source_at = position(digest.sources.keys().collect());
    let mut kinds: Vec<String> = Vec::new();
    let mut entity_at: HashMap<&Entity, usize> = HashMap::new();
    let mut entities = Vec::new();
    // The map is ordered by kind, so each kind's label is pushed once.
    for entity in digest.entities.keys() {
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
    let items = digest
        .entries
        .iter()
        .map(|entry| {
            let article = &entry.article;
            Item {
                t: &article.meta.title,
                s: &article.summary,
                u: &entry.slug,
                d: entry.date.format("%Y-%m-%d").to_string(),
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
        tags: digest.tags.values().map(|g| g.name.as_str()).collect(),
        sources: digest.sources.values().map(|g| g.name.as_str()).collect(),
        kinds,
        entities,
        items,
    }
}

/// Renders `search.json`.
///
/// # Errors
/// Never in practice (serialising strings); kept as a diagnostic so the
/// caller treats every output the same way.
pub fn render(digest: &Digest, kev: &Kev, search: Search) -> Result<OutputFile, Diagnostic> {
    // Compact, not pretty: the reader's browser downloads it whole.
    let bytes = serde_json::to_vec(&index(digest, kev, search))
        .map_err(|e| Diagnostic::error(Location::file(INDEX_PATH), e.to_string()))?;
    Ok(OutputFile {
        path: INDEX_PATH.to_owned(),
        bytes,
    })
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
