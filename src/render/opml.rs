//! OPML outlines for feed readers: `feeds.opml` lists the digest's own feeds
//! (the site, every tag and every source) so a reader can subscribe to all
//! of them at once; `sources.opml` lists the outlets the digest draws on,
//! by their site URL.
//!
//! Takes the digest; gives the two files. No dates in them, so builds repeat.

use std::fmt::Write;

use super::templates::escape_markup;
use super::view::{self, Urls};
use crate::config::SiteConfig;
use crate::digest::Digest;
use crate::output::OutputFile;

/// `feeds.opml` and `sources.opml`.
pub fn render(digest: &Digest, config: &SiteConfig, urls: &Urls) -> Vec<OutputFile> {
    let e = escape_markup;
    let mut feeds = head(&format!("{} feeds", config.title));
    let outline = |out: &mut String, indent: &str, title: &str, folder: &str| {
        let _ = writeln!(
            out,
            "{indent}<outline type=\"rss\" text=\"{t}\" title=\"{t}\" xmlUrl=\"{x}\" htmlUrl=\"{h}\"/>",
            t = e(title),
            x = e(&urls.to(&format!("{folder}rss.xml"))),
            h = e(&urls.to(folder)),
        );
    };
    outline(&mut feeds, "    ", &config.title, "");
    let mut groups = |label: &str, items: Vec<(String, String)>| {
        if items.is_empty() {
            return;
        }
        let _ = writeln!(feeds, "    <outline text=\"{}\">", e(label));
        for (name, folder) in items {
            outline(
                &mut feeds,
                "      ",
                &format!("{}: {name}", config.title),
                &folder,
            );
        }
        feeds.push_str("    </outline>\n");
    };
    groups(
        "Tags",
        digest
            .tags
            .iter()
            .map(|(k, g)| (g.name.clone(), view::tag_path(k)))
            .collect(),
    );
    groups(
        "Sources",
        digest
            .sources
            .iter()
            .map(|(k, g)| (g.name.clone(), view::source_path(k)))
            .collect(),
    );
    feeds.push_str("  </body>\n</opml>\n");

    let mut sources = head(&format!("Sources of {}", config.title));
    for group in digest.sources.values() {
        match &group.home {
            Some(home) => {
                let _ = writeln!(
                    sources,
                    "    <outline type=\"link\" text=\"{t}\" title=\"{t}\" url=\"{u}\" htmlUrl=\"{u}\"/>",
                    t = e(&group.name),
                    u = e(home),
                );
            }
            None => {
                let _ = writeln!(sources, "    <outline text=\"{}\"/>", e(&group.name));
            }
        }
    }
    sources.push_str("  </body>\n</opml>\n");
    vec![
        OutputFile {
            path: "feeds.opml".to_owned(),
            bytes: feeds.into_bytes(),
        },
        OutputFile {
            path: "sources.opml".to_owned(),
            bytes: sources.into_bytes(),
        },
    ]
}

fn head(title: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>{}</title>\n  </head>\n  <body>\n",
        escape_markup(title)
    )
}
