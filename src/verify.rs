//! `briefing check`'s checks of the rendered site, in memory.
//!
//! Takes every output file and the base URL; gives a diagnostic for every
//! internal link or anchor that leads nowhere (pages, feeds, assets,
//! pagination, `#fragments`) and every feed that breaks the rules readers
//! rely on (well-formed XML, a self link, items with title, link, id and
//! date, JSON Feed fields). Locations are the output file and the line of the
//! problem, e.g. `public/tags/x/index.html:12:40`. External links are not
//! fetched.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;
use url::Url;

use crate::diagnostics::{Diagnostic, Diagnostics, Location, line_col};
use crate::output::OutputFile;

/// Every `href` and `src` in an HTML page, as (byte offset of the value,
/// the URL with our attribute escaping undone). Read with an HTML parser,
/// so markup quoted in code (`<code>&lt;a href="/admin/"&gt;</code>`) is
/// text, not a link. `check --external` reads outgoing links through this
/// too.
pub fn html_links(text: &str) -> Vec<(usize, String)> {
    page_refs(text).links
}

/// What one page holds for the link check: its ids, and its links as
/// [`html_links`] gives them. One parse gives both.
struct PageRefs {
    ids: HashSet<String>,
    links: Vec<(usize, String)>,
}

fn page_refs(text: &str) -> PageRefs {
    let mut refs = PageRefs {
        ids: HashSet::new(),
        links: Vec::new(),
    };
    scan_attributes(text, &["id", "href", "src"], |name, offset, value| {
        if name == "id" {
            refs.ids.insert(value);
        } else {
            refs.links.push((offset, value));
        }
    });
    refs
}

/// Calls `found(name, offset of the value, value)` for each attribute named
/// one of `names`, in document order.
fn scan_attributes(text: &str, names: &[&str], mut found: impl FnMut(&str, usize, String)) {
    let settings = lol_html::RewriteStrSettings::new().append_element_content_handler(
        lol_html::element!("*", |el| {
            for a in el.attributes() {
                let name = a.name();
                if names.contains(&name.as_str()) {
                    let offset = a
                        .value_source_location()
                        .map_or_else(|| el.source_location().bytes().start, |l| l.bytes().start);
                    found(
                        &name,
                        offset,
                        crate::names::decode_entities(&a.value()).into_owned(),
                    );
                }
            }
            Ok(())
        }),
    );
    // Only the handlers' findings matter, not the rewritten text; the
    // rewriter fails only on a handler error, and ours return none.
    let _ = lol_html::rewrite_str(text, settings);
}

/// Where a link on an output page was written, when an editor wrote it:
/// given the page's output path and the link as it stands in the HTML, the
/// content file's location of it.
pub type LinkOrigin<'a> = dyn Fn(&str, &str) -> Option<Location> + Sync + 'a;

/// Checks links, anchors and feeds of a rendered site. `out_dir` only names
/// the files in messages. A broken link that `origin` finds in a content
/// file is reported there, with the page it is on as help.
pub fn site(
    files: &[OutputFile],
    base: &Url,
    out_dir: &Path,
    origin: &LinkOrigin<'_>,
) -> Diagnostics {
    let by_path: HashMap<&str, &OutputFile> = files.iter().map(|f| (f.path.as_str(), f)).collect();
    // Each page is parsed once, for its ids (which links from other pages
    // need first) and its own links alike.
    let pages: HashMap<&str, PageRefs> = files
        .par_iter()
        .filter(|f| f.path.ends_with(".html"))
        .map(|f| {
            (
                f.path.as_str(),
                page_refs(&String::from_utf8_lossy(&f.bytes)),
            )
        })
        .collect();
    let checker = Checker {
        base,
        out_dir,
        by_path: &by_path,
        pages: &pages,
        origin,
    };
    let results: Vec<Vec<Diagnostic>> = files.par_iter().map(|f| checker.file(f)).collect();
    let mut diagnostics: Diagnostics = results.into_iter().flatten().collect();
    diagnostics.sort();
    diagnostics
}

struct Checker<'a> {
    base: &'a Url,
    out_dir: &'a Path,
    by_path: &'a HashMap<&'a str, &'a OutputFile>,
    pages: &'a HashMap<&'a str, PageRefs>,
    origin: &'a LinkOrigin<'a>,
}

impl Checker<'_> {
    fn file(&self, f: &OutputFile) -> Vec<Diagnostic> {
        let text = String::from_utf8_lossy(&f.bytes);
        let mut out = Vec::new();
        let at = |offset: usize| {
            let (line, col) = line_col(&text, offset);
            Location::at(self.out_dir.join(&f.path), line, col)
        };
        if f.path.ends_with(".html") {
            let Ok(page) = self.base.join(&f.path) else {
                return out;
            };
            let links = self
                .pages
                .get(f.path.as_str())
                .map_or(&[][..], |p| &p.links);
            for (offset, raw) in links {
                if let Some(problem) = self.link(&page, raw) {
                    let on_page = at(*offset);
                    out.push(match (self.origin)(&f.path, raw) {
                        Some(written) => Diagnostic::error(written, problem)
                            .with_help(format!("it is on {on_page}")),
                        None => Diagnostic::error(on_page, problem),
                    });
                }
            }
        } else if f.path.ends_with(".xml") && !f.path.ends_with("sitemap.xml") {
            out.extend(
                feed_xml(&text)
                    .into_iter()
                    .map(|(offset, m)| Diagnostic::error(at(offset), m)),
            );
        } else if f.path.ends_with("feed.json") {
            out.extend(
                json_feed(&text)
                    .into_iter()
                    .map(|m| Diagnostic::error(at(0), m)),
            );
        }
        out
    }

    /// What is wrong with `raw` on the page at URL `page`, if anything.
    fn link(&self, page: &Url, raw: &str) -> Option<String> {
        if raw.is_empty() {
            return Some("empty link".to_owned());
        }
        let target = page.join(raw).ok()?;
        // Only our own pages: same origin, under the base path.
        if target.origin() != self.base.origin() || !target.path().starts_with(self.base.path()) {
            return None;
        }
        let mut path = target.path()[self.base.path().len()..].to_owned();
        if path.is_empty() || path.ends_with('/') {
            path.push_str("index.html");
        }
        let path = percent_encoding::percent_decode_str(&path)
            .decode_utf8_lossy()
            .into_owned();
        if !self.by_path.contains_key(path.as_str()) {
            return Some(format!("broken link `{raw}`: nothing is built at `{path}`"));
        }
        match target.fragment() {
            Some(fragment) if !fragment.is_empty() && path.ends_with(".html") => {
                let known = self
                    .pages
                    .get(path.as_str())
                    .is_some_and(|p| p.ids.contains(fragment));
                (!known).then(|| format!("broken anchor `{raw}`: `{path}` has no id `{fragment}`"))
            }
            _ => None,
        }
    }
}

/// The rules feed readers rely on, for RSS and Atom: (byte offset, problem).
fn feed_xml(text: &str) -> Vec<(usize, String)> {
    use quick_xml::Reader;
    use quick_xml::events::Event;

    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut problems = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut root: Option<String> = None;
    let mut self_link = false;
    // Children seen in the current item or entry, and where it started.
    let mut item: Option<(usize, HashSet<String>)> = None;
    let mut control = None;
    loop {
        let offset = reader.buffer_position() as usize;
        match reader.read_event() {
            Ok(event @ (Event::Start(_) | Event::Empty(_))) => {
                let (e, opens) = match &event {
                    Event::Start(e) => (e, true),
                    Event::Empty(e) => (e, false),
                    _ => unreachable!("matched Start or Empty"),
                };
                let name = e.name().as_ref().to_owned();
                if root.is_none() {
                    root = Some(name.clone());
                }
                let rel_self = e
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == "rel" && a.value == "self");
                if (name == "atom:link" || name == "link") && rel_self {
                    self_link = true;
                }
                if name == "item" || name == "entry" {
                    item = Some((offset, HashSet::new()));
                } else if let Some((_, seen)) = item.as_mut()
                    && stack.last().is_some_and(|p| p == "item" || p == "entry")
                {
                    seen.insert(name.clone());
                }
                if opens {
                    stack.push(name);
                }
            }
            Ok(Event::End(e)) => {
                let name = e.name().as_ref().to_owned();
                if (name == "item" || name == "entry")
                    && let Some((start, seen)) = item.take()
                {
                    let needed: &[&str] = if name == "item" {
                        &["title", "link", "guid", "pubDate"]
                    } else {
                        &["id", "title", "link", "updated"]
                    };
                    for n in needed {
                        if !seen.contains(*n) {
                            problems.push((start, format!("feed {name} has no <{n}>")));
                        }
                    }
                }
                stack.pop();
            }
            Ok(Event::Text(t)) => {
                if control.is_none()
                    && t.bytes()
                        .any(|b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
                {
                    control = Some(offset);
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => {
                problems.push((offset, format!("feed is not well-formed XML: {e}")));
                return problems;
            }
        }
    }
    if let Some(offset) = control {
        problems.push((
            offset,
            "feed contains a control character, which XML does not allow".to_owned(),
        ));
    }
    match root.as_deref() {
        Some("rss" | "feed") if !self_link => {
            problems.push((0, "feed has no self link (rel=\"self\")".to_owned()))
        }
        Some("rss" | "feed") => {}
        _ => {}
    }
    problems
}

/// The JSON Feed 1.1 fields readers need.
fn json_feed(text: &str) -> Vec<String> {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return vec![format!("feed is not valid JSON: {e}")],
    };
    let mut problems = Vec::new();
    if value["version"] != "https://jsonfeed.org/version/1.1" {
        problems.push("JSON Feed has no `version` 1.1".to_owned());
    }
    for key in ["title", "feed_url", "home_page_url"] {
        if !value[key].is_string() {
            problems.push(format!("JSON Feed has no `{key}`"));
        }
    }
    for (i, item) in value["items"].as_array().into_iter().flatten().enumerate() {
        for key in ["id", "url", "title", "date_published"] {
            if !item[key].is_string() {
                problems.push(format!("JSON Feed item {} has no `{key}`", i + 1));
            }
        }
        if !item["content_html"].is_string() && !item["content_text"].is_string() {
            problems.push(format!("JSON Feed item {} has no content", i + 1));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile::new(path, text)
    }

    #[test]
    fn finds_broken_links_and_anchors_only() {
        let base = Url::parse("https://u.github.io/d/").unwrap();
        let files = vec![
            file(
                "index.html",
                "<a href=\"/d/tags/x/\">ok</a>\n<a href=\"/d/tags/y/\">missing</a> <a href=\"https://u.github.io/d/a/#s\">ok</a>\n<a href=\"/d/a/#nope\">bad anchor</a> <a href=\"https://other.example/\">external</a> <a href=\"/elsewhere/\">outside base</a>",
            ),
            file("tags/x/index.html", "<h2 id=\"s\">x</h2>"),
            file("a/index.html", "<h2 id=\"s\">a</h2>"),
        ];
        let shown: Vec<String> = site(&files, &base, Path::new("public"), &|_, _| None)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            shown,
            [
                "public/index.html:2:10: error: broken link `/d/tags/y/`: nothing is built at `tags/y/index.html`",
                "public/index.html:3:10: error: broken anchor `/d/a/#nope`: `a/index.html` has no id `nope`",
            ]
        );
    }

    #[test]
    fn feed_rules() {
        let good = "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><atom:link href=\"x\" rel=\"self\"/><item><title>t</title><link>l</link><guid>g</guid><pubDate>d</pubDate></item></channel></rss>";
        assert!(feed_xml(good).is_empty(), "{:?}", feed_xml(good));
        let bad = "<rss><channel><item><title>t</title></item></channel></rss>";
        let problems: Vec<String> = feed_xml(bad).into_iter().map(|(_, p)| p).collect();
        assert_eq!(
            problems,
            [
                "feed item has no <link>",
                "feed item has no <guid>",
                "feed item has no <pubDate>",
                "feed has no self link (rel=\"self\")"
            ]
        );
        assert!(
            feed_xml("<rss><channel>")[0]
                .1
                .starts_with("feed is not well-formed")
                || !feed_xml("<rss><channel>").is_empty()
        );
        assert_eq!(json_feed("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"feed_url\":\"f\",\"home_page_url\":\"h\",\"items\":[{\"id\":\"1\"}]}").len(), 4);
    }
}
