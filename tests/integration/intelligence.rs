//! Digest intelligence: boilerplate cleaning, page tags, entities, KEV flags,
//! same-story clusters, related articles and `digest.json`, measured on a
//! labelled set in `tests/fixtures/labelled/stories/` (stories written for
//! these tests) and checked on the built HTML. Cleaning's line-level measures
//! on the labelled pages are in `cleaning`.

use std::collections::{BTreeMap, BTreeSet};

use crate::harness::{SiteTest, attrs, entry_titles, texts};

/// Pairs of files in the same cluster, from `digest.json`.
pub(crate) fn clustered_pairs(site: &SiteTest) -> (BTreeSet<(String, String)>, usize) {
    let json: serde_json::Value =
        serde_json::from_str(&site.read("digest.json")).expect("fixture is well-formed");
    let clusters = json["clusters"].as_array().expect("fixture is well-formed");
    let title_to_file: BTreeMap<String, String> = std::fs::read_dir(site.root().join("content"))
        .expect("fixture is well-formed")
        .map(|e| {
            let path = e.expect("fixture is well-formed").path();
            let text = std::fs::read_to_string(&path).expect("fixture is well-formed");
            let fm = briefing::front_matter::parse(&text).expect("fixture is well-formed");
            let title = fm
                .fields
                .iter()
                .find(|f| f.key == "title")
                .expect("fixture is well-formed")
                .value
                .as_str()
                .expect("fixture is well-formed")
                .to_owned();
            // The digest gives titles with their whitespace folded (an
            // ideographic space is a space).
            (
                title.split_whitespace().collect::<Vec<_>>().join(" "),
                path.file_name()
                    .expect("fixture is well-formed")
                    .to_string_lossy()
                    .into_owned(),
            )
        })
        .collect();
    let mut pairs = BTreeSet::new();
    let mut articles = 0;
    for c in clusters {
        let files: Vec<String> = c["articles"]
            .as_array()
            .expect("fixture is well-formed")
            .iter()
            .map(|a| {
                let title = a["title"].as_str().expect("fixture is well-formed");
                let folded = title.split_whitespace().collect::<Vec<_>>().join(" ");
                title_to_file[&folded].clone()
            })
            .collect();
        articles += files.len();
        for a in &files {
            for b in &files {
                if a < b {
                    pairs.insert((a.clone(), b.clone()));
                }
            }
        }
    }
    (pairs, articles)
}

#[test]
fn clustering_matches_the_labelled_stories() {
    let site = SiteTest::fixture("labelled/stories");
    site.build_ok();
    let labels: BTreeMap<String, Vec<Vec<String>>> =
        serde_yaml::from_str(&std::fs::read_to_string(site.root().join("labels.yaml")).unwrap())
            .unwrap();
    let mut expected = BTreeSet::new();
    for group in &labels["same_story"] {
        for a in group {
            for b in group {
                if a < b {
                    expected.insert((a.clone(), b.clone()));
                }
            }
        }
    }
    let (got, articles) = clustered_pairs(&site);
    assert_eq!(
        articles, 10,
        "every article appears exactly once in digest.json"
    );
    let hits = got.intersection(&expected).count() as f64;
    let precision = hits / got.len().max(1) as f64;
    let recall = hits / expected.len() as f64;
    eprintln!("clustering over the labelled set: precision {precision:.2}, recall {recall:.2}");
    assert_eq!(
        got, expected,
        "precision {precision:.2}, recall {recall:.2}"
    );
}

#[test]
fn lists_show_one_entry_per_story_with_also_covered_by() {
    let site = SiteTest::fixture("labelled/stories");
    site.build_ok();
    let home = site.html("latest/index.html");
    let titles = entry_titles(&home);
    // Three reports of the Acme zero-day, one entry: the earliest report leads.
    let acme: Vec<&String> = titles
        .iter()
        .filter(|t| t.contains("Acme Gateway") && !t.contains("Ransomware"))
        .collect();
    assert_eq!(
        acme,
        ["Attackers exploit zero-day in Acme Gateway VPN appliances"]
    );
    assert_eq!(titles.len(), 7, "{titles:?}");
    let also = texts(&home, ".entry .also");
    assert!(
        also.iter()
            .any(|a| a.contains("Cyber Daily") && a.contains("Example Blog")),
        "{also:?}"
    );
    // Each report keeps its own page, which names the others.
    let page = site
        .html("articles/acme-warns-of-actively-exploited-gateway-vpn-flaw-patch-coming/index.html");
    let same = texts(&page, ".same-story li");
    assert_eq!(same.len(), 2, "{same:?}");
    // The feed has one item per story too.
    let feed = site.feed("rss.xml");
    assert_eq!(feed.entries.len(), 7);
}

#[test]
fn explain_clusters_says_why_each_pair_was_merged() {
    let site = SiteTest::fixture("labelled/stories");
    let out = site.run(&["check", "--explain-clusters"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("10 articles in 7 stories; 2 stories have more than one report"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("content/a2-daily.md ~ content/a1-wire.md: title"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("shared CVE-2025-31337"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("same canonical URL news.example.com/2025/06/phishing-platform-sentence"),
        "{}",
        out.stdout
    );
    // The later ransomware story shares the CVE but is too far away in time.
    assert!(
        !out.stdout.contains("b1-ransomware-later.md ~"),
        "{}",
        out.stdout
    );
}

#[test]
fn scraped_page_is_cleaned_tagged_from_its_label_links_and_explained() {
    let site = SiteTest::fixture("intel");
    site.build_ok();
    let page =
        site.html("articles/router-botnet-dismantled-after-two-year-investigation/index.html");
    let body = texts(&page, ".article-body p");
    assert_eq!(
        body.first().map(String::as_str),
        Some(
            "Police in four countries have taken down a botnet that had hijacked about 90,000 home routers and rented them out as proxies to fraudsters."
        )
    );
    assert!(
        body.last()
            .unwrap()
            .starts_with("Owners of affected models"),
        "{body:?}"
    );
    let all_text = texts(&page, ".article-body").join(" ");
    for chrome in [
        "Subscribe",
        "Trending",
        "Found this article interesting",
        "Share on Facebook",
    ] {
        assert!(!all_text.contains(chrome), "{chrome} left in: {all_text}");
    }
    // Tags come from the page's own label links after the article, not its menu.
    let tags = texts(&page, ".article footer .tags a");
    assert_eq!(tags, ["botnet", "Law Enforcement"]);

    let out = site.run(&["check", "--explain", "content/router-botnet.md"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("content/router-botnet.md: removed"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("site chrome before the article"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("page footer after the article"),
        "{}",
        out.stdout
    );
    let missing = site.run(&["check", "--explain", "content/nope.md"]);
    assert_eq!(missing.code, 1);
}

#[test]
fn entities_get_pages_feeds_and_links_from_the_body() {
    let site = SiteTest::fixture("intel");
    site.build_ok();
    let page =
        site.html("articles/attackers-exploit-zero-day-in-acme-gateway-vpn-appliances/index.html");
    let mentioned = texts(&page, ".entities li a > bdi:first-child");
    assert_eq!(
        mentioned,
        [
            "CVE-2025-20001",
            "CVE-2025-31337",
            "CVE-2025-99999",
            "T1566.001",
            "Granite Typhoon",
            "Acme"
        ]
    );
    // Names beside the IDs, and the KEV badge on the known-exploited CVE.
    assert_eq!(
        texts(&page, ".entities li a .badge-name"),
        [
            "Acme Gateway Remote Code Execution Vulnerability",
            "Phishing: Spearphishing Attachment"
        ]
    );
    assert_eq!(
        texts(&page, ".entities li a.badge-kev > bdi:first-child"),
        ["CVE-2025-31337"]
    );
    // The first mention in the body links to the entity page; code does not.
    let body_links = attrs(&page, ".article-body a.entity", "href");
    assert!(
        body_links.contains(&"/entities/cve/2025/cve-2025-31337.html".to_owned()),
        "{body_links:?}"
    );
    assert!(
        body_links.contains(&"/entities/actors/granite-typhoon.html".to_owned()),
        "{body_links:?}"
    );
    assert!(
        !body_links.contains(&"/entities/cve/2025/cve-2025-99999.html".to_owned()),
        "{body_links:?}"
    );
    assert!(site.exists("entities/cve/2025/cve-2025-99999.html"));
    // KEV: flagged on the article, the CVE page and the entity index.
    assert_eq!(texts(&page, "p.kev a"), ["CVE-2025-31337"]);
    let cve = site.html("entities/cve/2025/cve-2025-31337.html");
    assert_eq!(
        texts(&cve, "h1"),
        ["CVE-2025-31337 Acme Gateway Remote Code Execution Vulnerability"]
    );
    assert_eq!(texts(&cve, "main > .kev .kev-added"), ["2025-06-11"]);
    assert!(
        attrs(&cve, ".intro a", "href")
            .contains(&"https://www.cve.org/CVERecord?id=CVE-2025-31337".to_owned())
    );
    let other = site.html("entities/cve/2025/cve-2025-20001.html");
    assert!(texts(&other, "main > .kev").is_empty());
    let technique = site.html("entities/technique/t1566.001.html");
    assert!(
        attrs(&technique, ".intro a", "href")
            .contains(&"https://attack.mitre.org/techniques/T1566/001/".to_owned())
    );
    // Aliases fold into one actor.
    assert_eq!(
        entry_titles(&site.html("entities/actors/granite-typhoon.html")).len(),
        1
    );
    // By default an entity has an Atom feed when two or more articles
    // mention it or it is on the watch-list; a CVE mentioned once has none.
    assert!(!site.exists("entities/cve/2025/cve-2025-31337.xml"));
    assert!(
        attrs(
            &cve,
            "link[rel=alternate][type='application/atom+xml']",
            "href"
        )
        .iter()
        .all(|h| !h.contains("cve-2025-31337"))
    );
    let actor_feed = site.feed("entities/actors/granite-typhoon.xml");
    assert_eq!(actor_feed.entries.len(), 1);
    assert!(
        attrs(
            &site.html("entities/actors/granite-typhoon.html"),
            ".intro a",
            "href"
        )
        .iter()
        .any(|h| h.ends_with("/entities/actors/granite-typhoon.xml"))
    );
    site.write("briefing.yaml", "entity_feeds: all\n");
    site.build_ok();
    let feed = site.feed("entities/cve/2025/cve-2025-31337.xml");
    assert_eq!(feed.entries.len(), 1);
    // Entity feeds are alerts: the summary, not the whole article.
    let description = feed.entries[0]
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .unwrap_or_default();
    assert!(
        description.contains("Attackers are exploiting an unpatched flaw"),
        "{description}"
    );
    assert!(!description.contains("still a mention"), "{description}");
    let site_feed = site.feed("rss.xml");
    let full = site_feed
        .entries
        .iter()
        .filter_map(|e| e.content.as_ref().and_then(|c| c.body.as_ref()))
        .any(|body| body.contains("still a mention"));
    assert!(full, "the site feed carries whole articles");
    let index = site.html("entities/index.html");
    assert_eq!(
        texts(&index, "h2"),
        [
            "CVEs (3)",
            "ATT&CK techniques (1)",
            "Actors (1)",
            "Vendors (1)"
        ]
    );
    assert!(attrs(&index, "section .intro a", "href").contains(&"/entities/cve/2025/".to_owned()));
    let year = site.html("entities/cve/2025/index.html");
    assert_eq!(texts(&year, "h1"), ["CVEs of 2025"]);
    assert_eq!(
        texts(&year, ".groups li a"),
        ["CVE-2025-20001", "CVE-2025-31337", "CVE-2025-99999"],
        "one mention each, so by ID"
    );
}

#[test]
fn technique_and_kev_names_show_on_entity_pages_indexes_feeds_and_digest_json() {
    let site = SiteTest::fixture("intel");
    site.write("briefing.yaml", "entity_feeds: all\n");
    site.build_ok();
    // The technique page: its ATT&CK name, parent first, and the version.
    let technique = site.html("entities/technique/t1566.001.html");
    assert_eq!(
        texts(&technique, "h1 .entity-title"),
        ["Phishing: Spearphishing Attachment"]
    );
    let source = texts(&technique, "p.attack-source");
    assert!(
        source.len() == 1 && source[0].starts_with("Name from MITRE ATT&CK v1"),
        "{source:?}"
    );
    // The KEV facts of a known-exploited CVE, each in its own field.
    let cve = site.html("entities/cve/2025/cve-2025-31337.html");
    let field = |class: &str| texts(&cve, &format!(".kev-facts .{class}"));
    assert_eq!(
        field("kev-name"),
        ["Acme Gateway Remote Code Execution Vulnerability"]
    );
    assert_eq!(field("kev-vendor"), ["Acme"]);
    assert_eq!(field("kev-product"), ["Gateway"]);
    assert_eq!(field("kev-added"), ["2025-06-11"]);
    assert_eq!(field("kev-due"), ["2025-07-02"]);
    assert_eq!(field("kev-ransomware"), ["Unknown"]);
    // A CVE outside the catalogue has no name and no facts.
    let other = site.html("entities/cve/2025/cve-2025-20001.html");
    assert!(texts(&other, "h1 .entity-title").is_empty());
    assert!(texts(&other, ".kev-facts").is_empty());
    // The index and the group page name them beside the ID.
    for page in ["entities/index.html", "entities/technique/index.html"] {
        let html = site.html(page);
        assert!(
            texts(&html, ".groups li .entity-title")
                .contains(&"Phishing: Spearphishing Attachment".to_owned()),
            "{page}"
        );
    }
    // The entity feeds' titles carry the name.
    let feed = site.feed("entities/technique/t1566.001.xml");
    let title = feed.title.map(|t| t.content).unwrap_or_default();
    assert!(
        title.ends_with("T1566.001 (Phishing: Spearphishing Attachment)"),
        "{title}"
    );
    let feed = site.feed("entities/cve/2025/cve-2025-31337.xml");
    let title = feed.title.map(|t| t.content).unwrap_or_default();
    assert!(
        title.contains("Acme Gateway Remote Code Execution Vulnerability"),
        "{title}"
    );
    // digest.json: names beside the IDs, only for entities that have one.
    let json: serde_json::Value = serde_json::from_str(&site.read("digest.json")).unwrap();
    let gateway = json["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["articles"].as_array().unwrap())
        .find(|a| a["title"].as_str().unwrap().contains("Acme Gateway"))
        .unwrap();
    assert_eq!(
        gateway["entity_names"],
        serde_json::json!({
            "CVE-2025-31337": "Acme Gateway Remote Code Execution Vulnerability",
            "T1566.001": "Phishing: Spearphishing Attachment"
        })
    );
}

#[test]
fn a_big_entity_group_is_paginated_and_every_page_stays_small() {
    let site = SiteTest::fixture("intel");
    let ids: Vec<String> = (0..1_200)
        .map(|i| format!("CVE-2024-{}", 10_000 + i))
        .collect();
    // 200 to a bulletin: `limits.entities_per_article`.
    for (n, chunk) in ids.chunks(200).enumerate() {
        site.write(
            &format!("content/bulk-{n}.md"),
            &format!(
                "---\ntitle: Bulletin {n}\ndate: 2024-10-0{}\n---\nFixes {}.\n",
                n + 1,
                chunk.join(", ")
            ),
        );
    }
    // One CVE mentioned twice leads its year.
    site.write(
        "content/again.md",
        "---\ntitle: Again\ndate: 2024-10-09\n---\nCVE-2024-11111 again.\n",
    );
    site.build_ok();
    let pages = ["", "page/2/", "page/3/"];
    let mut listed = Vec::new();
    for p in pages {
        let path = format!("entities/cve/2024/{p}index.html");
        let bytes = std::fs::read(site.out_path(&path)).expect("group page");
        assert!(bytes.len() <= 512 * 1024, "{path}: {} bytes", bytes.len());
        listed.extend(texts(&site.html(&path), ".groups li a"));
    }
    assert!(!site.exists("entities/cve/2024/page/4/index.html"));
    assert_eq!(listed.len(), 1_200);
    assert_eq!(listed[0], "CVE-2024-11111");
    let index = site.html("entities/index.html");
    assert_eq!(texts(&index, "section:first-of-type .groups li").len(), 20);
}

#[test]
fn without_a_kev_file_nothing_is_flagged_and_nothing_fails() {
    let site = SiteTest::fixture("intel");
    std::fs::remove_file(
        site.root()
            .join("data/known_exploited_vulnerabilities.json"),
    )
    .unwrap();
    site.build_ok();
    let page =
        site.html("articles/attackers-exploit-zero-day-in-acme-gateway-vpn-appliances/index.html");
    assert!(texts(&page, "p.kev").is_empty());
    assert!(texts(&page, ".kev-badge").is_empty());
}

#[test]
fn a_broken_kev_file_is_an_error_with_its_location() {
    let site = SiteTest::fixture("intel");
    site.write(
        "data/known_exploited_vulnerabilities.json",
        "{\n  \"vulnerabilities\": [\n    {\"cveID\": 7}\n  ]\n}\n",
    );
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("data/known_exploited_vulnerabilities.json:3:"),
        "{}",
        out.stderr
    );
}

#[test]
fn digest_json_lists_every_article_once_with_page_tags_and_entities() {
    let site = SiteTest::fixture("intel");
    site.build_ok();
    let json: serde_json::Value = serde_json::from_str(&site.read("digest.json")).unwrap();
    let articles: Vec<&serde_json::Value> = json["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["articles"].as_array().unwrap())
        .collect();
    assert_eq!(articles.len(), 2);
    let gateway = articles
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("Acme Gateway"))
        .unwrap();
    assert_eq!(gateway["source"], "Security Wire");
    assert_eq!(
        gateway["url"],
        "https://wire.example/2025/06/acme-gateway-zero-day"
    );
    assert_eq!(
        gateway["page"],
        "http://127.0.0.1:1111/articles/attackers-exploit-zero-day-in-acme-gateway-vpn-appliances/"
    );
    assert_eq!(
        gateway["tags"],
        serde_json::json!(["vulnerability", "acme"])
    );
    assert_eq!(
        gateway["entities"],
        serde_json::json!([
            "CVE-2025-20001",
            "CVE-2025-31337",
            "CVE-2025-99999",
            "T1566.001",
            "Granite Typhoon",
            "Acme"
        ])
    );
}

#[test]
fn a_preferred_source_leads_its_story() {
    let site = SiteTest::fixture("labelled/stories");
    site.write("briefing.yaml", "preferred_sources: [Example Blog]\n");
    site.build_ok();
    let titles = entry_titles(&site.html("latest/index.html"));
    assert!(
        titles.contains(&"Acme Gateway zero-day: what we know".to_owned()),
        "{titles:?}"
    );
    assert!(
        !titles.contains(&"Attackers exploit zero-day in Acme Gateway VPN appliances".to_owned()),
        "{titles:?}"
    );
    let json: serde_json::Value = serde_json::from_str(&site.read("digest.json")).unwrap();
    let lead_sources: Vec<&str> = json["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["articles"].as_array().unwrap().len() == 3)
        .map(|c| c["articles"][0]["source"].as_str().unwrap())
        .collect();
    assert_eq!(lead_sources, ["Example Blog"]);
}

#[test]
fn configured_cleaning_rules_apply_by_host_and_bad_patterns_are_located() {
    let site = SiteTest::fixture("intel");
    site.write(
        "briefing.yaml",
        "cleaning:\n  newsportal.example:\n    drop: [\"^Investigators said\"]\n",
    );
    site.build_ok();
    let page =
        site.html("articles/router-botnet-dismantled-after-two-year-investigation/index.html");
    let body = texts(&page, ".article-body").join(" ");
    assert!(!body.contains("Investigators said"), "{body}");
    assert!(body.contains("Police in four countries"), "{body}");

    site.write(
        "briefing.yaml",
        "title: T\ncleaning:\n  newsportal.example:\n    stop_before: \"(unclosed\"\n",
    );
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with("briefing.yaml:4:18: error: invalid regular expression in cleaning rule `newsportal.example.stop_before`"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_page_cleaning_cannot_handle_is_kept_whole_with_a_warning() {
    let site = SiteTest::fixture("intel");
    site.write(
        "content/menu-only.md",
        "---\ntitle: Only a menu\nurl: https://menu.example/x\ndate: 2025-01-01\nfetch_date: 2025-01-02T00:00:00\n---\n* [Home](/)\n* [About](/about)\n\nShort line\n",
    );
    let report = site.build_ok();
    let warnings: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "content/menu-only.md:7:1: warning: kept the whole scraped page: no paragraph of prose found\n  help: see `briefing check --explain content/menu-only.md`; cleaning rules per source go in briefing.yaml"
        ]
    );
    let strict = site.run(&["build", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
}

#[test]
fn explain_pair_says_why_two_reports_are_one_story_or_two() {
    let site = SiteTest::fixture("labelled/stories");
    let out = site.run(&[
        "check",
        "--explain-pair",
        "content/a1-wire.md",
        "content/a2-daily.md",
        "--explain-pair",
        "content/b1-ransomware-later.md",
        "content/a1-wire.md",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let pairs: Vec<&str> = out.stdout.trim_end().split("\n\n").collect();
    assert_eq!(pairs.len(), 2, "{}", out.stdout);
    // The earlier report comes first, whichever order they were given in.
    assert!(pairs[0].starts_with("2025-06-10 "), "{}", pairs[0]);
    assert!(pairs[0].contains("\none story\n"), "{}", pairs[0]);
    assert!(
        pairs[0].contains("shared: cve:CVE-2025-31337"),
        "{}",
        pairs[0]
    );
    assert!(pairs[1].starts_with("2025-06-10 "), "{}", pairs[1]);
    assert!(pairs[1].contains("\ntwo stories\n"), "{}", pairs[1]);
    assert!(
        pairs[1].contains("28 days apart, more than 7"),
        "{}",
        pairs[1]
    );
    assert!(
        pairs[1].contains("only in content/b1-ransomware-later.md: "),
        "{}",
        pairs[1]
    );
    // A path that is no article is an error, and the others still print.
    let out = site.run(&[
        "check",
        "--explain-pair",
        "content/none.md",
        "content/a1-wire.md",
    ]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("`content/none.md` is not an article"),
        "{}",
        out.stderr
    );
}

#[test]
fn explain_pair_shows_the_stories_a_roundup_covers() {
    // Three stories of two reports each, and a week's review touching each.
    let site = SiteTest::fixture("labelled/stories");
    let article = |name: &str, date: &str, body: &str| {
        site.write(
            &format!("content/{name}.md"),
            &format!("---\ntitle: \"{name}\"\ndate: {date}\nsource: {name}\n---\n{body}\n"),
        );
    };
    article(
        "h1",
        "2025-05-01",
        "Attackers hit Harlowind Freight and Tessaro Logistics, records of 412,000 drivers.",
    );
    article(
        "h2",
        "2025-05-02",
        "Records of 412,000 drivers at Harlowind Freight and Tessaro Logistics were taken.",
    );
    article(
        "o1",
        "2025-05-01",
        "The worm Ombrevale spreads through Kestrune routers, infecting 9,300 devices.",
    );
    article(
        "o2",
        "2025-05-02",
        "Some 9,300 Kestrune routers now run the Ombrevale worm.",
    );
    article(
        "v1",
        "2025-05-01",
        "Vantrel Cloud went dark for users of Pellcaster Mail, some 2,750 firms.",
    );
    article(
        "v2",
        "2025-05-02",
        "About 2,750 firms lost Pellcaster Mail when Vantrel Cloud failed.",
    );
    article(
        "week",
        "2025-05-03",
        "First, Harlowind Freight lost 412,000 records.\n\nSecond, the Ombrevale worm is in 9,300 Kestrune routers.\n\nThird, Vantrel Cloud took Pellcaster Mail down.",
    );
    let out = site.run(&[
        "check",
        "--explain-pair",
        "content/week.md",
        "content/h1.md",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("\ntwo stories\n"), "{}", out.stdout);
    let covered: Vec<&str> = out
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("content/week.md is a roundup: it covers 3 other stories"))
        .skip(1)
        .take_while(|l| l.starts_with("    content/"))
        .collect();
    assert_eq!(covered.len(), 3, "{}", out.stdout);
    // One report of each story, with what the review shares with it.
    for (story, thing) in [
        ("h", "num:412000"),
        ("o", "name:ombrevale"),
        ("v", "name:vantrel"),
    ] {
        assert!(
            covered
                .iter()
                .any(|l| l.starts_with(&format!("    content/{story}")) && l.contains(thing)),
            "{story}: {covered:?}"
        );
    }
}
