//! Tag normalisation.
//!
//! Takes tags as written (`Data Breach`, `data_breach`, `DATA-BREACH`); gives
//! one key per tag (`data-breach`): case, spaces, hyphens and underscores fold
//! together, accents are transliterated, invisible characters are ignored
//! (`ransom\u{200b}ware` is `ransomware`), `C++` and `C#` stay apart from `C`
//! (`c-plus-plus`, `c-sharp`), a tag of symbols only keeps a key of its own
//! (`?` → `u3f`), and config aliases map a key onto another tag. The display
//! name is chosen later, over the whole site.

use std::collections::{BTreeMap, HashSet};

use crate::slug;

/// A tag on one article: its key and the spelling to display for it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct TagMention {
    /// Normalised key, also the URL slug: `data-breach`.
    pub key: String,
    /// As written in the article (or the alias target in the config).
    pub written: String,
}

/// The normalised key of a tag (see [`slug::key`]); empty only if the tag
/// shows nothing at all.
pub fn normalise(tag: &str) -> String {
    slug::key(tag)
}

/// Normalises an article's tags, applies aliases, drops empties and duplicates
/// (keeping the first spelling).
pub fn resolve(written: &[String], aliases: &BTreeMap<String, String>) -> Vec<TagMention> {
    resolve_indexed(written, aliases)
        .into_iter()
        .map(|(_, m)| m)
        .collect()
}

/// Like [`resolve`], each tag with the index in `written` it came from (to
/// say which one passed a limit).
pub fn resolve_indexed(
    written: &[String],
    aliases: &BTreeMap<String, String>,
) -> Vec<(usize, TagMention)> {
    let mut out: Vec<(usize, TagMention)> = Vec::with_capacity(written.len());
    // A set, not a scan of `out`: a page can carry thousands of tag links.
    let mut seen: HashSet<String> = HashSet::with_capacity(written.len());
    for (i, w) in written.iter().enumerate() {
        // Page tags come straight from scraped link text; front-matter tags
        // are already clean, and this leaves them as they are.
        let w = &crate::names::visible(w);
        let key = normalise(w);
        let mention = match aliases.get(&key) {
            Some(target) => TagMention {
                key: normalise(target),
                written: target.clone(),
            },
            None => TagMention {
                key,
                written: w.clone(),
            },
        };
        if !mention.key.is_empty() && seen.insert(mention.key.clone()) {
            out.push((i, mention));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_fold_together() {
        for t in [
            "Data Breach",
            "data-breach",
            "data_breach",
            "DATA  BREACH",
            " data--breach ",
        ] {
            assert_eq!(normalise(t), "data-breach", "{t}");
        }
    }

    #[test]
    fn aliases_and_duplicates() {
        let aliases = BTreeMap::from([("log4shell".to_owned(), "Log4j".to_owned())]);
        let written: Vec<String> = ["Log4Shell", "log4j", "Ransomware", "ransomware", "???"]
            .map(String::from)
            .to_vec();
        let got = resolve(&written, &aliases);
        let keys: Vec<&str> = got.iter().map(|m| m.key.as_str()).collect();
        // `???` is kept under a key of its own, not dropped.
        assert_eq!(keys, ["log4j", "ransomware", "u3f-u3f-u3f"]);
        assert_eq!(got[0].written, "Log4j");
        assert_eq!(got[1].written, "Ransomware");
        let got = resolve(
            &["C++", "C#", "C", "ransom\u{200b}ware", "\u{200b}"].map(String::from),
            &BTreeMap::new(),
        );
        let keys: Vec<&str> = got.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(keys, ["c-plus-plus", "c-sharp", "c", "ransomware"]);
        assert_eq!(got[3].written, "ransomware");
        // An alias onto its own key names the tag.
        let rename = BTreeMap::from([("data-breach".to_owned(), "Data breach".to_owned())]);
        let got = resolve(&["data_breach".to_owned()], &rename);
        assert_eq!(
            (got[0].key.as_str(), got[0].written.as_str()),
            ("data-breach", "Data breach")
        );
    }
}
