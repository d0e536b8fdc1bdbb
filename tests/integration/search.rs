//! Search without a service (issue 12): the index `search.json`, the search
//! page that works without a script, the header box, and `search.js`.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::harness::{SiteTest, attrs, sel};

/// The built index, parsed.
fn index(site: &SiteTest) -> Value {
    serde_json::from_str(&site.read("search.json")).expect("search.json is JSON")
}

/// The strings of a table (`tags`, `sources`, `kinds`).
fn table(index: &Value, name: &str) -> Vec<String> {
    index[name]
        .as_array()
        .unwrap_or_else(|| panic!("no `{name}` table"))
        .iter()
        .map(|v| v.as_str().expect("a string").to_owned())
        .collect()
}

fn items(index: &Value) -> &Vec<Value> {
    index["items"].as_array().expect("an `items` array")
}

/// The item whose title is `title`.
fn item<'a>(index: &'a Value, title: &str) -> &'a Value {
    items(index)
        .iter()
        .find(|i| i["t"] == title)
        .unwrap_or_else(|| panic!("no item titled {title:?}"))
}

/// Every article page the build wrote, as its slug.
fn article_slugs(site: &SiteTest) -> Vec<String> {
    site.tree_snapshot()
        .keys()
        .filter_map(|p| p.strip_prefix("articles/")?.strip_suffix("/index.html"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn index_holds_every_article_once() {
    for fixture in ["mixed", "intel", "subpath"] {
        let site = SiteTest::fixture(fixture);
        site.build_ok();
        let index = index(&site);
        assert_eq!(index["version"], 1);
        assert_eq!(index["pages"], "articles/");
        let mut slugs: Vec<String> = items(&index)
            .iter()
            .map(|i| i["u"].as_str().expect("a slug").to_owned())
            .collect();
        let count = slugs.len();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), count, "{fixture}: a page listed twice");
        let mut pages = article_slugs(&site);
        pages.sort();
        assert!(!pages.is_empty(), "{fixture}: no article pages");
        assert_eq!(slugs, pages, "{fixture}");
        // Dates are days, newest first.
        let dates: Vec<&str> = items(&index)
            .iter()
            .map(|i| i["d"].as_str().expect("a date"))
            .collect();
        assert!(dates.iter().all(|d| d.len() == 10), "{dates:?}");
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    }
}

#[test]
fn index_names_entities_tags_and_sources() {
    let site = SiteTest::fixture("intel");
    site.build_ok();
    let index = index(&site);
    let kinds = table(&index, "kinds");
    let entities = index["entities"].as_array().expect("an entity table");
    let gateway = item(
        &index,
        "Attackers exploit zero-day in Acme Gateway VPN appliances",
    );
    let mentioned: Vec<&Value> = gateway["e"]
        .as_array()
        .expect("entity indexes")
        .iter()
        .map(|i| &entities[i.as_u64().expect("an index") as usize])
        .collect();
    let row = |id: &str| {
        *mentioned
            .iter()
            .find(|r| r[1] == id)
            .unwrap_or_else(|| panic!("{id} not among {mentioned:?}"))
    };
    let technique = row("T1566.001");
    assert_eq!(technique[3], "Phishing: Spearphishing Attachment");
    assert_eq!(
        kinds[technique[0].as_u64().unwrap() as usize],
        "ATT&CK technique"
    );
    let cve = row("CVE-2025-31337");
    assert_eq!(cve[3], "Acme Gateway Remote Code Execution Vulnerability");
    assert_eq!(kinds[cve[0].as_u64().unwrap() as usize], "CVE");
    let actor = row("Granite Typhoon");
    assert_eq!(kinds[actor[0].as_u64().unwrap() as usize], "actor");
    // A CVE without a KEV entry has no name to carry.
    assert_eq!(row("CVE-2025-20001").as_array().map(Vec::len), Some(3));
    // Every entity's page is built.
    for row in entities {
        let page = row[2].as_str().expect("a page path");
        assert!(site.exists(page), "{page}");
    }

    let tags = table(&index, "tags");
    let item_tags: BTreeSet<&str> = gateway["g"]
        .as_array()
        .expect("tag indexes")
        .iter()
        .map(|i| tags[i.as_u64().unwrap() as usize].as_str())
        .collect();
    assert!(item_tags.contains("Vulnerability"), "{item_tags:?}");
    assert!(item_tags.contains("Acme"), "{item_tags:?}");
    let sources = table(&index, "sources");
    assert_eq!(
        sources[gateway["o"].as_u64().expect("a source") as usize],
        "Security Wire"
    );
}

#[test]
fn bodies_stay_out_of_the_index_unless_configured() {
    let body_words = "is still a mention, but not a link";
    let site = SiteTest::fixture("intel");
    assert!(
        std::fs::read_to_string(site.root().join("content/gateway.md"))
            .expect("fixture")
            .contains(body_words)
    );
    site.build_ok();
    let text = site.read("search.json");
    assert!(!text.contains(body_words), "body text in the default index");
    assert!(items(&index(&site)).iter().all(|i| i.get("b").is_none()));

    site.write("briefing.yaml", "search:\n  bodies: true\n");
    site.build_ok();
    let index = index(&site);
    let gateway = item(
        &index,
        "Attackers exploit zero-day in Acme Gateway VPN appliances",
    );
    let body = gateway["b"].as_str().expect("a body");
    assert!(body.contains(body_words), "{body}");
    // Plain text: the markup is gone, the references decoded.
    assert!(!body.contains('<'), "{body}");
}

#[test]
fn an_unknown_search_key_is_an_error_naming_it() {
    let site = SiteTest::fixture("intel");
    site.write("briefing.yaml", "search:\n  body: true\n");
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("briefing.yaml:2:3: error: search: unknown field `body`, expected `bodies`"),
        "{}",
        out.stderr
    );
}

#[test]
fn hostile_titles_are_stored_as_data() {
    let site = SiteTest::fixture("mixed");
    let title = r#"Patch now </script><script>alert(1)</script> <img src=x onerror="alert(2)">"#;
    site.write(
        "content/2024/12/hostile.md",
        &format!(
            "---\ntitle: '{title}'\nsource: <b onmouseover=alert(3)>Evil</b>\ndate: 2024-12-05\ntags: ['<svg onload=alert(4)>']\n---\nBody.\n"
        ),
    );
    site.build_ok();
    let index = index(&site);
    let hostile = item(&index, title);
    let sources = table(&index, "sources");
    assert_eq!(
        sources[hostile["o"].as_u64().expect("a source") as usize],
        "<b onmouseover=alert(3)>Evil</b>"
    );
    assert!(table(&index, "tags").contains(&"<svg onload=alert(4)>".to_owned()));
    // The index is JSON served as a file, never pasted into a page: the
    // search page carries none of it.
    let page = site.read("search/index.html");
    assert!(!page.contains("alert("), "{page}");
}

#[test]
fn the_script_never_turns_data_into_markup() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    let script = site.read("search.js");
    assert!(script.contains("textContent"), "not the search script");
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        "http://",
        "https://",
    ] {
        assert!(!script.contains(sink), "search.js uses {sink}");
    }
}

#[test]
fn search_page_works_without_javascript() {
    let site = SiteTest::fixture("subpath");
    site.build_ok();
    let page = site.html("search/index.html");
    let forms: Vec<_> = page.select(&sel("main form[role=search]")).collect();
    assert_eq!(forms.len(), 1);
    let form = forms[0].value();
    assert_eq!(form.attr("action"), Some("/digest/search/"));
    assert_eq!(form.attr("data-search-index"), Some("/digest/search.json"));
    assert_eq!(
        forms[0].select(&sel("input[type=search][name=q]")).count(),
        1
    );
    let links: BTreeSet<String> = attrs(&page, "main .search-help a", "href")
        .into_iter()
        .collect();
    for to in [
        "/digest/tags/",
        "/digest/sources/",
        "/digest/entities/",
        "/digest/archive/",
    ] {
        assert!(links.contains(to), "{to} not in {links:?}");
        let file = format!("{}index.html", to.trim_start_matches("/digest/"));
        assert!(site.exists(&file), "{file}");
    }
    assert_eq!(
        page.select(&sel("[aria-live=polite]#search-results"))
            .count(),
        1
    );
    // One search box on the page: the header's gives way to the page's.
    assert_eq!(page.select(&sel("input[type=search]")).count(), 1);
}

#[test]
fn every_page_has_the_header_box_and_no_inline_script() {
    let site = SiteTest::fixture("subpath");
    site.build_ok();
    let mut pages = 0;
    for (path, bytes) in site.tree_snapshot() {
        if !path.ends_with(".html") || path.ends_with("email.html") {
            continue;
        }
        pages += 1;
        let html = scraper::Html::parse_document(&String::from_utf8_lossy(&bytes));
        // The script is a file, so a `script-src 'self'` policy allows it.
        let scripts = attrs(&html, "script", "src");
        assert_eq!(scripts, ["/digest/search.js"], "{path}");
        assert_eq!(html.select(&sel("script:not([src])")).count(), 0, "{path}");
        assert_eq!(html.select(&sel("script[defer]")).count(), 1, "{path}");
        if path == "search/index.html" {
            continue;
        }
        let boxes: Vec<_> = html
            .select(&sel("header form[role=search][action='/digest/search/']"))
            .collect();
        assert_eq!(boxes.len(), 1, "{path}");
        assert_eq!(
            boxes[0].select(&sel("input[type=search][name=q]")).count(),
            1,
            "{path}"
        );
    }
    assert!(pages > 20, "only {pages} pages");
    assert!(site.exists("search.js"));
}

#[test]
fn a_site_overrides_the_script_and_the_header_box() {
    let site = SiteTest::fixture("mixed");
    site.write("theme/search.js", "// the site's own search\n");
    // A template replaces the header box through its block.
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block search %}<p class=\"own-search\">Ask us</p>{% endblock search %}{% block main %}<h1>{{ title }}</h1>{% endblock main %}",
    );
    site.build_ok();
    assert_eq!(site.read("search.js"), "// the site's own search\n");
    let missing = site.html("404.html");
    assert_eq!(missing.select(&sel("header .own-search")).count(), 1);
    assert_eq!(missing.select(&sel("form[role=search]")).count(), 0);
    let home = site.html("index.html");
    assert_eq!(home.select(&sel("header form[role=search]")).count(), 1);
}

#[test]
fn the_index_is_the_same_after_two_builds() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    let first = site.read("search.json");
    let other = SiteTest::fixture("mixed");
    other.build_ok();
    site.build_ok();
    assert_eq!(site.read("search.json"), first);
    assert_eq!(other.read("search.json"), first);
}

#[test]
fn the_build_summary_gives_the_index_size() {
    let site = SiteTest::fixture("mixed");
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let bytes = std::fs::metadata(site.out_path("search.json"))
        .expect("search.json")
        .len();
    let shown = if bytes < 1000 {
        format!("search index {bytes} B,")
    } else {
        format!("search index {:.1} kB,", bytes as f64 / 1e3)
    };
    assert!(out.stderr.contains(&shown), "{shown} not in {}", out.stderr);
    assert_eq!(site.build_ok().search_index_bytes, bytes);
}

/// A site of `per_year` generated articles in each of 2021, 2022 and 2023
/// (titles of distinct words; a tag, a source and a CVE only that year
/// uses; a tag and a source every year shares), sharded past `shard_items`.
fn generated_site(per_year: usize, shard_items: usize) -> SiteTest {
    let site = SiteTest::fixture("mixed");
    std::fs::remove_dir_all(site.root().join("content")).expect("clear content");
    site.write(
        "briefing.yaml",
        &format!("title: Sharded Digest\nsearch:\n  shard_items: {shard_items}\n"),
    );
    let words = [
        "amber", "basalt", "cobalt", "dune", "ember", "fjord", "garnet", "harbor", "indigo",
        "juniper", "kestrel", "lagoon",
    ];
    for year in 2021..2024 {
        for n in 0..per_year {
            let word = words[n % words.len()];
            site.write(
                &format!("content/{year}/report-{n}.md"),
                &format!(
                    "---\ntitle: {word} report {n} of {year}\nsource: Desk {year}\ndate: {year}-{:02}-{:02}\n\
                     tags: [shared, only-{year}]\n---\nCVE-{year}-{:04} is patched, says Desk {year}. \
                     Also Common Source.\n",
                    1 + n % 12,
                    1 + n % 28,
                    1000 + n,
                ),
            );
        }
    }
    site
}

/// Every table entry an item of `index` refers to, by table.
fn used(index: &Value) -> (BTreeSet<u64>, BTreeSet<u64>, BTreeSet<u64>) {
    let (mut tags, mut sources, mut entities) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for item in items(index) {
        let ids = |key: &str| -> Vec<u64> {
            item[key]
                .as_array()
                .map(|a| a.iter().map(|v| v.as_u64().expect("an index")).collect())
                .unwrap_or_default()
        };
        tags.extend(ids("g"));
        entities.extend(ids("e"));
        sources.extend(item["o"].as_u64());
    }
    (tags, sources, entities)
}

#[test]
fn a_big_index_is_a_manifest_over_one_shard_per_year_newest_first() {
    let site = generated_site(5, 10);
    site.build_ok();
    let manifest = index(&site);
    assert_eq!(manifest["version"], 2, "{manifest}");
    assert_eq!(manifest["pages"], "articles/");
    assert!(manifest.get("items").is_none(), "{manifest}");
    let shards = manifest["shards"].as_array().expect("a shard list");
    let urls: Vec<&str> = shards.iter().map(|s| s["url"].as_str().unwrap()).collect();
    assert_eq!(
        urls,
        ["search/2023.json", "search/2022.json", "search/2021.json"]
    );
    let mut slugs = Vec::new();
    for shard in shards {
        let url = shard["url"].as_str().unwrap();
        let year = &url["search/".len()..url.len() - ".json".len()];
        let part: Value = serde_json::from_str(&site.read(url)).expect("a shard is JSON");
        assert_eq!(part["version"], 1, "{url}");
        assert_eq!(part["pages"], "articles/", "{url}");
        let dates: Vec<&str> = items(&part)
            .iter()
            .map(|i| i["d"].as_str().expect("a date"))
            .collect();
        assert_eq!(shard["items"], dates.len(), "{url}");
        assert!(
            dates.iter().all(|d| d.starts_with(year)),
            "{url}: {dates:?}"
        );
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{url}: {dates:?}");
        assert_eq!(shard["to"], dates[0], "{url}");
        assert_eq!(shard["from"], dates[dates.len() - 1], "{url}");
        // Only what its items use, and the year's own names among it.
        let (tags, sources, entities) = used(&part);
        let all = |name: &str| (0..part[name].as_array().unwrap().len() as u64).collect();
        assert_eq!(tags, all("tags"), "{url}: a tag no item uses");
        assert_eq!(sources, all("sources"), "{url}: a source no item uses");
        assert_eq!(entities, all("entities"), "{url}: an entity no item uses");
        let kinds: BTreeSet<u64> = part["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r[0].as_u64().unwrap())
            .collect();
        assert_eq!(kinds, all("kinds"), "{url}: a kind no entity has");
        let mut expected_tags = vec![format!("only-{year}"), "shared".to_owned()];
        expected_tags.sort();
        let mut tag_names = table(&part, "tags");
        tag_names.sort();
        assert_eq!(tag_names, expected_tags, "{url}");
        assert_eq!(table(&part, "sources"), [format!("Desk {year}")], "{url}");
        for row in part["entities"].as_array().unwrap() {
            let id = row[1].as_str().unwrap();
            assert!(id.starts_with(&format!("CVE-{year}-")), "{url}: {id}");
            assert!(site.exists(row[2].as_str().unwrap()), "{url}: {row}");
        }
        slugs.extend(
            items(&part)
                .iter()
                .map(|i| i["u"].as_str().unwrap().to_owned()),
        );
    }
    // Every article exactly once over the shards.
    let count = slugs.len();
    slugs.sort();
    slugs.dedup();
    assert_eq!(slugs.len(), count, "an article in two shards");
    let mut pages = article_slugs(&site);
    pages.sort();
    assert_eq!(pages.len(), 15);
    assert_eq!(slugs, pages);
}

#[test]
fn the_index_shards_only_past_the_threshold() {
    // 6 articles: at a threshold of 6 one file, at 5 a manifest.
    let site = generated_site(2, 6);
    site.build_ok();
    assert_eq!(index(&site)["version"], 1);
    assert!(!site.exists("search/2021.json"));
    site.write("briefing.yaml", "search:\n  shard_items: 5\n");
    site.build_ok();
    assert_eq!(index(&site)["version"], 2);
    assert!(site.exists("search/2021.json"));
    // The default threshold keeps a small site in one file.
    site.write("briefing.yaml", "title: Small\n");
    site.build_ok();
    assert_eq!(index(&site)["version"], 1);
    assert!(
        !site.exists("search/2021.json"),
        "a stale shard left behind"
    );
}

#[test]
fn a_small_site_keeps_the_single_file_of_today() {
    for fixture in ["mixed", "intel", "subpath"] {
        let site = SiteTest::fixture(fixture);
        site.build_ok();
        let text = site.read("search.json");
        let index: serde_json::Map<String, Value> =
            serde_json::from_str(&text).expect("search.json is JSON");
        let keys: Vec<&str> = index.keys().map(String::as_str).collect();
        let mut expected = vec![
            "entities", "items", "kinds", "pages", "sources", "tags", "version",
        ];
        expected.sort_unstable();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, expected, "{fixture}");
        // Written in this order, compact.
        assert!(
            text.starts_with(r#"{"version":1,"pages":"articles/","tags":["#),
            "{fixture}: {}",
            &text[..60.min(text.len())]
        );
        assert!(!text.contains('\n'), "{fixture}");
        // Its tables are the site's: every tag and source the site has.
        let tags = table(&Value::Object(index.clone()), "tags");
        let tag_pages = site
            .tree_snapshot()
            .keys()
            .filter(|p| {
                p.strip_prefix("tags/")
                    .and_then(|r| r.strip_suffix("/index.html"))
                    .is_some_and(|r| !r.contains('/'))
            })
            .count();
        assert_eq!(tags.len(), tag_pages, "{fixture}");
        let shards: Vec<String> = site
            .tree_snapshot()
            .keys()
            .filter(|p| p.starts_with("search/") && p.ends_with(".json"))
            .cloned()
            .collect();
        assert!(shards.is_empty(), "{fixture}: {shards:?}");
    }
}

#[test]
fn the_build_summary_gives_the_size_of_every_part() {
    let site = generated_site(5, 10);
    let report = site.build_ok();
    let total: u64 = [
        "search.json",
        "search/2023.json",
        "search/2022.json",
        "search/2021.json",
    ]
    .iter()
    .map(|p| std::fs::metadata(site.out_path(p)).expect(p).len())
    .sum();
    assert_eq!(report.search_index_bytes, total);
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let shown = format!("search index {:.1} kB,", total as f64 / 1e3);
    assert!(out.stderr.contains(&shown), "{shown} not in {}", out.stderr);
}
