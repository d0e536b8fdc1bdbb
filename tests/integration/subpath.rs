//! A site published under a sub-path (`https://user.github.io/digest/`):
//! no link may escape to the host root, every link must lead to a built file,
//! and every URL in the XML outputs is absolute under the base URL.

use std::collections::BTreeSet;

use crate::harness::{SiteTest, output_file_for, parse_xml, resolve, sel, xml_named};

const BASE: &str = "https://user.github.io/digest/";
const HOST: &str = "https://user.github.io/";

/// Every `href` and `src` of every HTML output file: (file, attribute value).
fn html_urls(site: &SiteTest) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (path, bytes) in site.tree_snapshot() {
        if !path.ends_with(".html") {
            continue;
        }
        let html = scraper::Html::parse_document(&String::from_utf8_lossy(&bytes));
        for el in html.select(&sel("[href], [src]")) {
            for name in ["href", "src"] {
                if let Some(v) = el.value().attr(name) {
                    out.push((path.clone(), v.to_owned()));
                }
            }
        }
    }
    out
}

/// True for links that point at our own site (not another host, not mail).
fn is_internal(value: &str) -> bool {
    if value.starts_with("mailto:") {
        return false;
    }
    match url::Url::parse(value) {
        Ok(u) => u.as_str().starts_with(HOST),
        // Not absolute: relative to the page, so internal.
        Err(_) => true,
    }
}

#[test]
fn internal_links_stay_under_the_sub_path_and_lead_to_built_files() {
    let site = SiteTest::fixture("subpath");
    site.build_ok();
    let tree = site.tree_snapshot();
    let urls = html_urls(&site);
    assert!(urls.len() > 200, "only {} links found", urls.len());
    let mut internal = 0;
    for (path, v) in &urls {
        if let Some(id) = v.strip_prefix('#') {
            // In-page: the skip link and footnotes; the target must exist.
            let html = scraper::Html::parse_document(&String::from_utf8_lossy(&tree[path]));
            assert_eq!(
                html.select(&sel(&format!("[id='{id}']"))).count(),
                1,
                "{path}: {v} has no target"
            );
            continue;
        }
        if !is_internal(v) {
            continue;
        }
        internal += 1;
        assert!(
            v.starts_with(BASE) || v.starts_with("/digest/"),
            "{path}: {v:?} escapes the sub-path"
        );
        let abs = resolve(BASE, path, v);
        let file = output_file_for(BASE, &abs)
            .unwrap_or_else(|| panic!("{path}: {v} resolves outside the site: {abs}"));
        assert!(tree.contains_key(&file), "{path}: {v} → {file} not built");
    }
    assert!(internal > 150, "only {internal} internal links");
}

#[test]
fn no_link_points_at_the_host_root() {
    let site = SiteTest::fixture("subpath");
    site.build_ok();
    for (path, v) in html_urls(&site) {
        assert_ne!(v, "/", "{path}");
        assert_ne!(v, HOST, "{path}");
        assert!(
            !v.starts_with('/') || v.starts_with("/digest/"),
            "{path}: {v}"
        );
        assert!(!v.starts_with(HOST) || v.starts_with(BASE), "{path}: {v}");
    }
}

#[test]
fn xml_outputs_use_absolute_urls_under_the_base() {
    let site = SiteTest::fixture("subpath");
    site.build_ok();
    let tree = site.tree_snapshot();
    let mut seen = 0;
    for (path, bytes) in &tree {
        if !path.ends_with(".xml") {
            continue;
        }
        let xml = parse_xml(&String::from_utf8_lossy(bytes));
        for e in &xml {
            let urls: Vec<&str> = match e.name.as_str() {
                // RSS <link>URL</link>, Atom <link href="URL"/>.
                // rel="related" is the original article elsewhere.
                "link" if e.attrs.get("rel").map(String::as_str) == Some("related") => continue,
                "link" if e.text.is_empty() => e
                    .attrs
                    .get("href")
                    .map(String::as_str)
                    .into_iter()
                    .collect(),
                "link" | "loc" => vec![e.text.as_str()],
                "atom:link" => e
                    .attrs
                    .get("href")
                    .map(String::as_str)
                    .into_iter()
                    .collect(),
                _ => continue,
            };
            for u in urls {
                seen += 1;
                assert!(u.starts_with(BASE), "{path}: <{}> {u}", e.name);
                let file = output_file_for(BASE, u).expect("under base");
                assert!(tree.contains_key(&file), "{path}: {u} → {file} not built");
            }
        }
        // Item descriptions: every URL absolute, ours under the base.
        for d in xml_named(&xml, "content:encoded") {
            let html = scraper::Html::parse_fragment(&d.text);
            for el in html.select(&sel("[href], [src]")) {
                let v = el
                    .value()
                    .attr("href")
                    .or_else(|| el.value().attr("src"))
                    .expect("selected");
                assert!(v.starts_with("https://"), "{path}: {v}");
                assert!(!v.starts_with(HOST) || v.starts_with(BASE), "{path}: {v}");
            }
        }
    }
    assert!(seen > 40, "only {seen} XML URLs");
    let robots = site.read("robots.txt");
    assert!(
        robots.contains(&format!("\nSitemap: {BASE}sitemap.xml\n")),
        "{robots}"
    );
}

#[test]
fn sitemap_lists_every_page_once_under_the_base() {
    let site = SiteTest::fixture("subpath");
    site.build_ok();
    let locs: Vec<String> = xml_named(&site.xml("sitemap.xml"), "loc")
        .iter()
        .map(|e| e.text.clone())
        .collect();
    let unique: BTreeSet<&String> = locs.iter().collect();
    assert_eq!(unique.len(), locs.len(), "duplicate <loc>");
    let pages: BTreeSet<String> = site
        .tree_snapshot()
        .into_keys()
        // Pages are folders' index.html files, and entity pages (files).
        .filter(|p| {
            p.ends_with("index.html") || (p.starts_with("entities/") && p.ends_with(".html"))
        })
        .map(|p| format!("{BASE}{}", p.trim_end_matches("index.html")))
        .collect();
    assert_eq!(locs.iter().cloned().collect::<BTreeSet<_>>(), pages);
    assert!(locs.contains(&format!("{BASE}articles/backdoor-found-in-xz-utils/")));
    assert!(locs.contains(&format!("{BASE}weeks/2025-W01/")));
}

#[test]
fn feed_items_and_guids_live_under_the_base() {
    let site = SiteTest::fixture("subpath");
    site.build_ok();
    let feed = site.feed("rss.xml");
    let items: Vec<(&str, &str)> = feed
        .entries
        .iter()
        .map(|e| (e.links[0].href.as_str(), e.id.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            (
                "https://user.github.io/digest/articles/year-end-patch-round-up/",
                "https://news.example.com/2024/12/year-end.html"
            ),
            (
                "https://user.github.io/digest/articles/snowflake-customer-accounts-breached/",
                "https://user.github.io/digest/content/2024/snowflake.md"
            ),
            (
                "https://user.github.io/digest/articles/backdoor-found-in-xz-utils/",
                "https://news.example.com/2024/03/xz-backdoor.html"
            ),
        ]
    );
}

#[test]
fn base_url_flag_overrides_the_config() {
    let site = SiteTest::fixture("subpath");
    let out = site.run(&["build", "--base-url", "https://example.net/news"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let html = site.html("index.html");
    let canonical: Vec<&str> = html
        .select(&sel("link[rel=canonical]"))
        .filter_map(|e| e.value().attr("href"))
        .collect();
    assert_eq!(canonical, ["https://example.net/news/"], "a slash is added");
    let home: Vec<&str> = html
        .select(&sel("a.site-title"))
        .filter_map(|e| e.value().attr("href"))
        .collect();
    assert_eq!(
        resolve("https://example.net/news/", "index.html", home[0]),
        "https://example.net/news/"
    );
    for (path, v) in html_urls(&site) {
        assert!(!v.contains("/digest/"), "{path}: {v}");
    }
}
