//! `images: keep | link | drop` (issue 12): another host's image tells that
//! host who reads the digest, so by default it becomes a link; images on
//! the site itself stay. Checked on pages and in feeds, with a hostile alt.

use crate::harness::{SiteTest, attrs, texts};

const SCRAPED: &str = "---
title: Scraped with pictures
url: https://news.example.com/2024/12/pictures.html
source: Example News
date: 2024-12-04
fetch_date: 2024-12-05
---
# Scraped with pictures

Attackers moved fast, as the chart shows in some detail for readers today.

![Exploitation chart](https://cdn.example.net/chart.png)

<img src=\"https://tracker.example/pixel.gif\">

![relative](../img/diagram.png)

[![logo](https://cdn.example.net/logo.png)](https://news.example.com/)

<img alt=\"<script>alert(1)</script>\" src=\"https://cdn.example.net/x.png?a=1&b=2\">

The rest of the story follows the pictures, with more detail for readers.
";

const OWN: &str = "---
title: Our own picture
date: 2024-12-03
---
A picture we host ourselves: ![our diagram](/weekly/img/ours.png)
";

fn site_with(images: Option<&str>) -> SiteTest {
    let site = SiteTest::fixture("weekly");
    site.write("content/scraped.md", SCRAPED);
    site.write("content/own.md", OWN);
    if let Some(mode) = images {
        let config = std::fs::read_to_string(site.root().join("briefing.yaml")).expect("config");
        site.write("briefing.yaml", &format!("{config}images: {mode}\n"));
    }
    site
}

/// The site's own image, on pages and (absolute) in feeds.
const OURS: [&str; 2] = [
    "/weekly/img/ours.png",
    "http://127.0.0.1:1111/weekly/img/ours.png",
];

const PAGE: &str = "articles/scraped-with-pictures/index.html";
const OWN_PAGE: &str = "articles/our-own-picture/index.html";

/// Every `src` of an `<img>` in the site's HTML and feed files.
fn image_sources(site: &SiteTest) -> Vec<String> {
    let mut found = Vec::new();
    for (path, bytes) in site.tree_snapshot() {
        if !(path.ends_with(".html") || path.ends_with(".xml") || path.ends_with(".json")) {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes)
            .replace("&lt;", "<")
            .replace("&quot;", "\"")
            .replace("\\\"", "\"");
        for part in text.split("<img").skip(1) {
            if let Some(src) = part
                .split("src=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
            {
                found.push(src.to_owned());
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

#[test]
fn by_default_other_hosts_images_become_links_and_the_sites_own_stay() {
    let site = site_with(None);
    site.build_ok();
    let page = site.html(PAGE);
    assert_eq!(
        texts(&page, ".article-body a.image-link"),
        [
            "Image: Exploitation chart",
            "Image (tracker.example)",
            "Image: relative",
            "Image: <script>alert(1)</script>"
        ]
    );
    assert_eq!(
        attrs(&page, ".article-body a.image-link", "href"),
        [
            "https://cdn.example.net/chart.png",
            "https://tracker.example/pixel.gif",
            "https://news.example.com/2024/img/diagram.png",
            "https://cdn.example.net/x.png?a=1&b=2"
        ]
    );
    assert_eq!(
        texts(&page, ".article-body a[href=\"https://news.example.com/\"]"),
        ["[Image: logo]"],
        "an image inside a link becomes text: links do not nest"
    );
    assert!(texts(&page, ".article-body script").is_empty());
    assert_eq!(
        image_sources(&site),
        OURS,
        "no page or feed loads another host's image (feeds make ours absolute)"
    );
    assert_eq!(
        attrs(&site.html(OWN_PAGE), ".article-body img", "alt"),
        ["our diagram"]
    );
}

#[test]
fn keep_shows_every_image_and_drop_shows_none() {
    let site = site_with(Some("keep"));
    site.build_ok();
    assert_eq!(
        attrs(&site.html(PAGE), ".article-body img", "src"),
        [
            "https://cdn.example.net/chart.png",
            "https://tracker.example/pixel.gif",
            "https://news.example.com/2024/img/diagram.png",
            "https://cdn.example.net/logo.png",
            "https://cdn.example.net/x.png?a=1&b=2"
        ]
    );

    let site = site_with(Some("drop"));
    site.build_ok();
    let page = site.html(PAGE);
    assert!(attrs(&page, ".article-body img", "src").is_empty());
    assert!(texts(&page, ".article-body a.image-link").is_empty());
    assert!(
        !site.read(PAGE).contains("Image"),
        "nothing of them is left"
    );
    assert_eq!(image_sources(&site), OURS);
}

#[test]
fn an_unknown_images_value_is_an_error_at_its_line() {
    let site = site_with(Some("blur"));
    let before = site.tree_snapshot();
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "briefing.yaml:6:9: error: unknown images `blur`\n  help: use `keep`, `link` or `drop`\nerror: the site config has errors; nothing was built"
    );
    assert_eq!(site.tree_snapshot(), before, "nothing written");
}
