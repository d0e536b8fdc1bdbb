//! RSS feeds of the `mixed` fixture: parsed with feed-rs for the model, and
//! read as raw XML for what feed-rs normalises away (date text, atom:link).

use crate::harness::mixed::*;
use crate::harness::{SiteTest, sel, xml_named};

fn link(slug: &str) -> String {
    format!("{BASE}articles/{slug}/")
}

/// Every `rss.xml` in the output.
fn feed_paths(site: &SiteTest) -> Vec<String> {
    site.tree_snapshot()
        .into_keys()
        .filter(|p| p.ends_with("rss.xml"))
        .collect()
}

#[test]
fn site_feed_items_have_title_link_guid_date_and_categories() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    let feed = site.feed("rss.xml");
    assert_eq!(
        feed.title.as_ref().map(|t| t.content.as_str()),
        Some("Mixed Digest")
    );
    assert_eq!(
        feed.description.as_ref().map(|t| t.content.as_str()),
        Some("A curated cybersecurity threat digest.")
    );
    assert_eq!(feed.language.as_deref(), Some("en"));

    let titles: Vec<&str> = feed
        .entries
        .iter()
        .map(|e| e.title.as_ref().expect("item title").content.as_str())
        .collect();
    assert_eq!(titles, [D, E, C, B, A, G, G]);

    let links: Vec<&str> = feed
        .entries
        .iter()
        .map(|e| e.links[0].href.as_str())
        .collect();
    assert_eq!(
        links,
        [
            link(D_SLUG),
            link(E_SLUG),
            link(C_SLUG),
            link(B_SLUG),
            link(A_SLUG),
            link(G2_SLUG),
            link(G1_SLUG)
        ]
    );

    let guids: Vec<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        guids,
        [
            // The canonical original URL: no `www.`, no tracking parameters.
            "https://dbleaks.example.org/2025/10/october-roundup",
            "http://127.0.0.1:1111/content/editorial/weekly-note.md",
            "https://patchwatch.example.net/2024/12/december-patch-tuesday",
            "https://threatledger.example.com/2024/12/medusa-ransomware.html",
            "https://threatledger.example.com/2024/12/operation-haechi.html",
            "https://vulnweekly.example.com/2024/11/roundup-48",
            "https://vulnweekly.example.com/2024/11/roundup-46",
        ]
    );

    let published: Vec<String> = feed
        .entries
        .iter()
        .map(|e| e.published.expect("pubDate").to_rfc3339())
        .collect();
    assert_eq!(
        published,
        [
            "2025-10-06T19:44:00+00:00",
            "2024-12-05T00:00:00+00:00",
            "2024-12-03T10:00:00+00:00",
            "2024-12-03T08:30:00+00:00",
            "2024-12-03T00:00:00+00:00",
            "2024-11-27T00:00:00+00:00",
            "2024-11-12T00:00:00+00:00",
        ]
    );

    let categories: Vec<Vec<&str>> = feed
        .entries
        .iter()
        .map(|e| e.categories.iter().map(|c| c.term.as_str()).collect())
        .collect();
    assert_eq!(
        categories,
        [
            vec!["Data Breach", "cloud"],
            vec!["Data Breach", "Ransomware"],
            vec!["Patch Tuesday", "Data Breach"],
            vec!["Ransomware", "Data Breach"],
            vec!["Ransomware", "Law Enforcement"],
            vec!["Vulnerabilities"],
            vec!["Vulnerabilities"],
        ]
    );
}

#[test]
fn every_feed_has_an_absolute_atom_self_link() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    let paths = feed_paths(&site);
    assert_eq!(
        paths,
        [
            "rss.xml",
            "sources/dbleaks-example-org/rss.xml",
            "sources/patch-watch/rss.xml",
            "sources/threat-ledger/rss.xml",
            "sources/vuln-weekly/rss.xml",
            "tags/cloud/rss.xml",
            "tags/data-breach/rss.xml",
            "tags/law-enforcement/rss.xml",
            "tags/patch-tuesday/rss.xml",
            "tags/ransomware/rss.xml",
            "tags/vulnerabilities/rss.xml",
            "weeks/2024-W46/rss.xml",
            "weeks/2024-W48/rss.xml",
            "weeks/2024-W49/rss.xml",
            "weeks/2025-W41/rss.xml"
        ]
    );
    for path in &paths {
        let xml = site.xml(path);
        let rss = &xml[0];
        assert_eq!(rss.name, "rss", "{path}");
        assert_eq!(
            rss.attrs.get("xmlns:atom").map(String::as_str),
            Some("http://www.w3.org/2005/Atom"),
            "{path}"
        );
        let self_links = xml_named(&xml, "atom:link");
        assert_eq!(self_links.len(), 1, "{path}");
        let a = &self_links[0].attrs;
        assert_eq!(a.get("rel").map(String::as_str), Some("self"), "{path}");
        assert_eq!(
            a.get("href"),
            Some(&format!("{BASE}{path}")),
            "{path}: self link is the feed's own absolute URL"
        );
        assert_eq!(
            a.get("type").map(String::as_str),
            Some("application/rss+xml")
        );
        // feed-rs sees it too.
        let feed = site.feed(path);
        assert!(
            feed.links
                .iter()
                .any(|l| l.rel.as_deref() == Some("self") && l.href == format!("{BASE}{path}")),
            "{path}: {:?}",
            feed.links
        );
    }
}

#[test]
fn feed_dates_are_rfc822_with_two_digit_days() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    let xml = site.xml("rss.xml");
    let dates: Vec<&str> = xml_named(&xml, "pubDate")
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(
        dates,
        [
            "Mon, 06 Oct 2025 19:44:00 +0000",
            "Thu, 05 Dec 2024 00:00:00 +0000",
            "Tue, 03 Dec 2024 10:00:00 +0000",
            "Tue, 03 Dec 2024 08:30:00 +0000",
            "Tue, 03 Dec 2024 00:00:00 +0000",
            "Wed, 27 Nov 2024 00:00:00 +0000",
            "Tue, 12 Nov 2024 00:00:00 +0000",
        ]
    );
    let last_build: Vec<&str> = xml_named(&xml, "lastBuildDate")
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(
        last_build,
        ["Mon, 06 Oct 2025 19:44:00 +0000"],
        "the newest item's date, never the clock"
    );
    for path in feed_paths(&site) {
        for e in xml_named(&site.xml(&path), "pubDate") {
            let parsed = chrono::DateTime::parse_from_rfc2822(&e.text)
                .unwrap_or_else(|err| panic!("{path}: {:?}: {err}", e.text));
            assert_eq!(
                parsed.format("%a, %d %b %Y %H:%M:%S %z").to_string(),
                e.text,
                "{path}"
            );
        }
    }
}

#[test]
fn feed_descriptions_hold_only_absolute_urls() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    let mut checked = 0;
    for path in feed_paths(&site) {
        // The article HTML is in content:encoded; description is the summary.
        for item in xml_named(&site.xml(&path), "content:encoded") {
            let html = scraper::Html::parse_fragment(&item.text);
            assert_eq!(html.select(&sel("script")).count(), 0, "{path}");
            for el in html.select(&sel("[href], [src]")) {
                for name in ["href", "src"] {
                    if let Some(v) = el.value().attr(name) {
                        assert!(
                            v.starts_with("https://") || v.starts_with("http://"),
                            "{path}: relative or unsafe {name}={v:?}"
                        );
                        checked += 1;
                    }
                }
                for (name, _) in el.value().attrs() {
                    assert!(!name.starts_with("on"), "{path}: {name}");
                }
            }
        }
    }
    assert!(checked > 20, "only {checked} URLs checked");

    // The footnote link of A points into A's page; the relative image
    // resolved against the original article.
    let xml = site.xml("rss.xml");
    let a = &xml_named(&xml, "content:encoded")[4].text;
    let html = scraper::Html::parse_fragment(a);
    let hrefs: Vec<&str> = html
        .select(&sel("sup.footnote-ref a"))
        .filter_map(|e| e.value().attr("href"))
        .collect();
    assert_eq!(hrefs, [format!("{}#fn-1", link(A_SLUG))]);
    let srcs: Vec<&str> = html
        .select(&sel("img"))
        .filter_map(|e| e.value().attr("src"))
        .collect();
    assert_eq!(
        srcs,
        [
            "https://threatledger.example.com/img/map.png",
            "https://threatledger.example.com/2024/img/chart.png"
        ]
    );
    let original: Vec<&str> = html
        .select(&sel("p:last-child a"))
        .filter_map(|e| e.value().attr("href"))
        .collect();
    assert_eq!(
        original.last().copied(),
        Some("https://threatledger.example.com/2024/12/operation-haechi.html")
    );
}

#[test]
fn tag_feed_lists_the_tagged_articles() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    let feed = site.feed("tags/data-breach/rss.xml");
    assert_eq!(
        feed.title.as_ref().map(|t| t.content.as_str()),
        Some("Mixed Digest: Data Breach")
    );
    let xml = site.xml("tags/data-breach/rss.xml");
    let channel_link: Vec<&str> = xml_named(&xml, "link")
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(
        channel_link,
        [
            format!("{BASE}tags/data-breach/"),
            link(D_SLUG),
            link(E_SLUG),
            link(C_SLUG),
            link(B_SLUG)
        ]
    );
    let titles: Vec<&str> = feed
        .entries
        .iter()
        .map(|e| e.title.as_ref().expect("title").content.as_str())
        .collect();
    assert_eq!(titles, [D, E, C, B], "all four pages' worth, not one page");
    for e in &feed.entries {
        assert!(
            e.categories.iter().any(|c| c.term == "Data Breach"),
            "{:?}",
            e.title
        );
    }
}

#[test]
fn feed_limit_caps_every_feed() {
    let site = SiteTest::fixture("mixed");
    site.write(
        "briefing.yaml",
        "title: Mixed Digest\nitems_per_page: 3\nfeed_limit: 2\n",
    );
    site.build_ok();
    let titles = |path: &str| -> Vec<String> {
        site.feed(path)
            .entries
            .iter()
            .map(|e| e.title.as_ref().expect("title").content.clone())
            .collect()
    };
    assert_eq!(titles("rss.xml"), [D, E]);
    assert_eq!(titles("tags/ransomware/rss.xml"), [E, B]);
    assert_eq!(titles("tags/cloud/rss.xml"), [D]);
}

#[test]
fn guids_are_unique_even_when_files_share_an_original_url() {
    const URL: &str = "https://threatledger.example.com/2024/12/operation-haechi.html";
    let site = SiteTest::fixture("mixed");
    site.write(
        "content/2024/12/zz-repost.md",
        &format!("---\ntitle: HAECHI-V repost\nurl: {URL}\ndate: 2024-12-02\n---\nA repost.\n"),
    );
    site.build_ok();
    for path in feed_paths(&site) {
        let feed = site.feed(&path);
        let mut guids: Vec<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
        let n = guids.len();
        guids.sort_unstable();
        guids.dedup();
        assert_eq!(guids.len(), n, "{path}: duplicate guid");
    }
    // Same original URL: one story, one item in the site feed, its guid
    // made from that URL.
    let feed = site.feed("rss.xml");
    let story: Vec<&str> = feed
        .entries
        .iter()
        .map(|e| e.id.as_str())
        .filter(|id| id.starts_with(URL))
        .collect();
    assert_eq!(story.len(), 1, "{story:?}");
}

#[test]
fn every_list_has_atom_and_json_feeds_that_parse() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    for rss in feed_paths(&site) {
        let folder = rss.trim_end_matches("rss.xml");
        let atom = site.feed(&format!("{folder}atom.xml"));
        let from_rss = site.feed(&rss);
        assert_eq!(atom.entries.len(), from_rss.entries.len(), "{folder}");
        // Ids and links are the same item model in both formats.
        let ids =
            |f: &feed_rs::model::Feed| f.entries.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&atom), ids(&from_rss), "{folder}");
        let json: serde_json::Value =
            serde_json::from_str(&site.read(&format!("{folder}feed.json"))).expect("valid JSON");
        assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
        let items = json["items"].as_array().expect("items");
        assert_eq!(items.len(), from_rss.entries.len(), "{folder}");
        for item in items {
            for key in ["id", "url", "title", "content_html", "date_published"] {
                assert!(item[key].is_string(), "{folder}: {key} in {item}");
            }
            assert!(
                item["url"]
                    .as_str()
                    .unwrap_or("")
                    .starts_with("http://127.0.0.1:1111/articles/")
            );
        }
    }
}

#[test]
fn opml_lists_the_digest_feeds_and_the_sources_sites() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    let opml = site.xml("feeds.opml");
    let outlines = xml_named(&opml, "outline");
    let feeds: Vec<&str> = outlines
        .iter()
        .filter_map(|o| o.attrs.get("xmlUrl").map(String::as_str))
        .collect();
    // The site, 6 tags and 4 sources; every one a file we built.
    assert_eq!(feeds.len(), 11, "{feeds:?}");
    for url in feeds {
        let path = url.trim_start_matches("http://127.0.0.1:1111/");
        assert!(site.exists(path), "{url}");
    }
    let sources_opml = site.xml("sources.opml");
    let sources = xml_named(&sources_opml, "outline");
    let urls: Vec<&str> = sources
        .iter()
        .filter_map(|o| o.attrs.get("url").map(String::as_str))
        .collect();
    assert!(
        urls.contains(&"https://threatledger.example.com/"),
        "{urls:?}"
    );
}

#[test]
fn each_week_has_an_email_edition_in_html_and_text() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    let week = crate::harness::entry_titles(&site.html("weeks/2024-W49/index.html"));
    let html_text = site.read("weeks/2024-W49/email.html");
    let html = scraper::Html::parse_document(&html_text);
    assert_eq!(
        html.select(&sel("script, style, link[rel=stylesheet]"))
            .count(),
        0
    );
    let titles: Vec<String> = html
        .select(&sel("h2 a"))
        .map(|a| a.text().collect::<String>())
        .collect();
    assert_eq!(titles, week, "the week's stories, in the week page's order");
    for el in html.select(&sel("[href], [src]")) {
        for name in ["href", "src"] {
            if let Some(v) = el.value().attr(name) {
                assert!(
                    v.starts_with("http://127.0.0.1:1111/"),
                    "relative or foreign {name}={v}"
                );
            }
        }
    }
    // Every element with presentation carries its style inline.
    assert!(html.select(&sel("td:not([style])")).next().is_none());
    let text = site.read("weeks/2024-W49/email.txt");
    for title in &week {
        assert!(
            text.contains(&format!("* {title}")),
            "{title} missing from:\n{text}"
        );
    }
    assert!(
        text.lines()
            .all(|l| l.chars().count() <= 110 || l.trim_start().starts_with("http")),
        "{text}"
    );
    assert!(text.contains("http://127.0.0.1:1111/weeks/2024-W49/"));
    // The week page links its email edition.
    let page = site.html("weeks/2024-W49/index.html");
    let links = crate::harness::attrs(&page, ".email-edition a", "href");
    assert_eq!(
        links,
        ["/weeks/2024-W49/email.html", "/weeks/2024-W49/email.txt"]
    );
}

#[test]
fn feed_content_summary_and_build_date_are_honoured() {
    let site = SiteTest::fixture("mixed");
    site.write(
        "briefing.yaml",
        "feed_content: summary\nitems_per_page: 3\n",
    );
    let out = site.run(&["build", "--build-date", "2025-01-02T03:04:05Z"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let xml = site.xml("rss.xml");
    assert_eq!(
        xml_named(&xml, "lastBuildDate")[0].text,
        "Thu, 02 Jan 2025 03:04:05 +0000"
    );
    // Summaries only: no article HTML such as footnotes in any item.
    for item in xml_named(&xml, "content:encoded") {
        assert!(!item.text.contains("footnote"), "{}", item.text);
    }
    let atom = site.xml("atom.xml");
    assert_eq!(
        xml_named(&atom, "updated")[0].text,
        "2025-01-02T03:04:05+00:00"
    );

    let bad = site.run(&["build", "--build-date", "soon"]);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr
            .starts_with("--build-date: error: invalid --build-date `soon`"),
        "{}",
        bad.stderr
    );
    site.write("briefing.yaml", "feed_content: most\n");
    let bad = site.run(&["build"]);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr
            .starts_with("briefing.yaml:1:15: error: unknown feed_content `most`"),
        "{}",
        bad.stderr
    );
}
