//! The reader's pages (issue 12): the week-first home page, week and
//! article neighbours, entity badges, reading time, the tag cap, Open Graph
//! tags, per-article `lang`, and overriding one block of a built-in
//! template. Built from the `weekly` fixture (three stories in 2024-W49,
//! one each in W48 and W46, served under `/weekly/`).

use briefing::config::Overrides;

use crate::harness::{SiteTest, attrs, diagnostics_text, entry_titles, texts};

const KEV_TITLE: &str = "Acme VPN zero-day exploited before a patch";
const TAGS_TITLE: &str = "A story with many tags";
const ZH_TITLE: &str = "供应链攻击影响数千家企业";

fn built(build_date: Option<&str>) -> SiteTest {
    let site = SiteTest::fixture("weekly");
    let overrides = Overrides {
        build_date: build_date.map(str::to_owned),
        ..Overrides::default()
    };
    if let Err(f) = site.build_with(&overrides) {
        panic!("build failed:\n{}", diagnostics_text(&f));
    }
    site
}

#[test]
fn home_puts_the_current_week_first_with_its_numbers_then_earlier_weeks() {
    let site = built(Some("2024-12-06"));
    let home = site.html("index.html");
    assert_eq!(
        texts(&home, "h2#this-week"),
        ["This week: Week 49, 2024"],
        "the build date falls in the latest week"
    );
    assert_eq!(
        entry_titles(&home),
        [KEV_TITLE, TAGS_TITLE, ZH_TITLE],
        "the week's stories, newest first, and nothing older"
    );
    let numbers: Vec<(String, String)> = texts(&home, ".week-numbers dt")
        .into_iter()
        .zip(texts(&home, ".week-numbers dd"))
        .collect();
    let expect = [
        ("Stories", "3"),
        ("Articles", "3"),
        ("Sources", "3"),
        ("CVEs", "2"),
        ("Known exploited", "1"),
    ];
    assert_eq!(
        numbers,
        expect.map(|(a, b)| (a.to_owned(), b.to_owned())),
        "CVE-2024-11111 is in the fixture's KEV file, CVE-2024-22222 is not"
    );
    assert_eq!(
        texts(&home, ".earlier-weeks h3 a"),
        ["Week 48, 2024", "Week 46, 2024"]
    );
    assert_eq!(
        attrs(&home, ".earlier-weeks h3 a", "href"),
        ["/weekly/weeks/2024-W48/", "/weekly/weeks/2024-W46/"]
    );
    assert_eq!(
        texts(&home, ".week-summary li a"),
        [
            "Une campagne de hameçonnage vise les banques",
            "A quiet week for ransomware"
        ]
    );
    assert_eq!(
        texts(&home, ".this-week .entry-summary")[0],
        "Attackers are exploiting an authentication bypass in Acme VPN appliances."
    );
    // Every story is still listed, newest first, under latest/.
    let latest = site.html("latest/index.html");
    assert_eq!(entry_titles(&latest).len(), 5);
}

#[test]
fn home_says_latest_week_when_the_build_is_later() {
    let site = built(Some("2025-03-01"));
    assert_eq!(
        texts(&site.html("index.html"), "h2#this-week"),
        ["Latest week: Week 49, 2024"]
    );
}

#[test]
fn list_entries_carry_entity_badges_with_names_and_kev_first() {
    let site = built(None);
    let home = site.html("index.html");
    let badges = texts(
        &home,
        ".this-week article.entry:first-of-type .badges a.badge",
    );
    assert_eq!(badges.len(), 3, "{badges:?}");
    assert!(
        badges[0].starts_with("CVE-2024-11111") && badges[0].ends_with("KEV"),
        "the known-exploited CVE leads, with its badge: {badges:?}"
    );
    assert!(
        badges
            .iter()
            .any(|b| b.starts_with("T1190 Exploit Public-Facing Application")),
        "a technique shows its ATT&CK name: {badges:?}"
    );
    assert_eq!(
        attrs(&home, ".badges a.badge-kev", "href"),
        ["/weekly/entities/cve/2024/cve-2024-11111.html"]
    );
}

#[test]
fn week_pages_link_their_newer_and_older_weeks() {
    let site = built(None);
    let nav = |path: &str| {
        let html = site.html(path);
        (
            attrs(&html, "nav.neighbours a.newer", "href"),
            attrs(&html, "nav.neighbours a.older", "href"),
        )
    };
    assert_eq!(
        nav("weeks/2024-W49/index.html"),
        (vec![], vec!["/weekly/weeks/2024-W48/".to_owned()])
    );
    assert_eq!(
        nav("weeks/2024-W48/index.html"),
        (
            vec!["/weekly/weeks/2024-W49/".to_owned()],
            vec!["/weekly/weeks/2024-W46/".to_owned()]
        )
    );
    assert_eq!(
        nav("weeks/2024-W46/index.html"),
        (vec!["/weekly/weeks/2024-W48/".to_owned()], vec![])
    );
}

#[test]
fn articles_link_their_neighbours_within_the_week() {
    let site = built(None);
    let page = site.html("articles/a-story-with-many-tags/index.html");
    assert_eq!(texts(&page, "nav.neighbours a.newer bdi"), [KEV_TITLE]);
    assert_eq!(texts(&page, "nav.neighbours a.older bdi"), [ZH_TITLE]);
    assert_eq!(
        attrs(&page, "nav.neighbours", "aria-label"),
        ["In Week 49, 2024"]
    );
    // Alone in its week: no neighbours at all.
    let alone = site.html("articles/a-quiet-week-for-ransomware/index.html");
    assert!(texts(&alone, "nav.neighbours").is_empty());
}

#[test]
fn article_page_shows_reading_time_and_caps_its_tags_behind_more() {
    let site = built(None);
    let page = site.html("articles/a-story-with-many-tags/index.html");
    assert_eq!(texts(&page, ".reading-time"), ["2 min read"], "460 words");
    assert_eq!(
        texts(&page, "footer#tags > ul.tags a"),
        ["one", "two", "three", "four", "five", "six"]
    );
    assert_eq!(
        texts(&page, "footer#tags details.more-tags summary"),
        ["3 more tags"]
    );
    assert_eq!(
        texts(&page, "footer#tags details.more-tags a"),
        ["seven", "eight", "nine"]
    );
    // Lists show the first six and a link to the rest.
    let home = site.html("index.html");
    assert_eq!(texts(&home, "li.more-tags a"), ["3 more"]);
    assert_eq!(
        attrs(&home, "li.more-tags a", "href"),
        ["/weekly/articles/a-story-with-many-tags/#tags"]
    );
}

#[test]
fn pages_carry_open_graph_and_twitter_tags() {
    let site = built(None);
    let meta = |html: &scraper::Html, key: &str| {
        let by_property = attrs(html, &format!("meta[property=\"{key}\"]"), "content");
        if by_property.is_empty() {
            attrs(html, &format!("meta[name=\"{key}\"]"), "content")
        } else {
            by_property
        }
    };
    let page = site.html("articles/acme-vpn-zero-day-exploited-before-a-patch/index.html");
    let url = "http://127.0.0.1:1111/weekly/articles/acme-vpn-zero-day-exploited-before-a-patch/";
    assert_eq!(meta(&page, "og:type"), ["article"]);
    assert_eq!(meta(&page, "og:title"), [KEV_TITLE]);
    assert_eq!(meta(&page, "og:url"), [url]);
    assert_eq!(attrs(&page, "link[rel=canonical]", "href"), [url]);
    assert_eq!(
        meta(&page, "og:description"),
        ["Attackers are exploiting an authentication bypass in Acme VPN appliances."]
    );
    assert_eq!(meta(&page, "description"), meta(&page, "og:description"));
    assert_eq!(meta(&page, "og:site_name"), ["Weekly Digest"]);
    assert_eq!(meta(&page, "article:published_time").len(), 1);
    assert_eq!(meta(&page, "article:tag"), ["vpn", "zero-day"]);
    assert_eq!(meta(&page, "twitter:card"), ["summary"]);
    let home = site.html("index.html");
    assert_eq!(meta(&home, "og:type"), ["website"]);
    assert_eq!(meta(&home, "og:url"), ["http://127.0.0.1:1111/weekly/"]);
    let tag = site.html("tags/vpn/index.html");
    assert_eq!(
        meta(&tag, "description"),
        ["Tag: vpn: 1 article Fixture digest for the week-first home page."]
    );
}

#[test]
fn articles_declare_their_language_from_front_matter_or_script() {
    let site = built(None);
    let lang = |slug: &str| {
        attrs(
            &site.html(&format!("articles/{slug}/index.html")),
            "article.article",
            "lang",
        )
    };
    assert_eq!(lang("une-campagne-de-hameconnage-vise-les-banques"), ["fr"]);
    let zh = site.html("index.html");
    assert_eq!(attrs(&zh, "article.entry[lang]", "lang"), ["zh"]);
    assert_eq!(
        lang("a-quiet-week-for-ransomware"),
        Vec::<String>::new(),
        "a malformed lang is ignored, not echoed"
    );
    assert!(
        !site
            .read("articles/a-quiet-week-for-ransomware/index.html")
            .contains("onload")
    );
}

#[test]
fn a_site_overrides_one_block_of_a_built_in_template_without_copying_it() {
    let site = SiteTest::fixture("weekly");
    site.write(
        "templates/base.html",
        "{% extends \"briefing/base.html\" %}\n{% block extra_head %}<link rel=\"stylesheet\" href=\"{{ site.home_url }}custom.css\">{% endblock extra_head %}\n",
    );
    site.write("theme/custom.css", "body { border-top: 4px solid red; }\n");
    site.build_ok();
    let home = site.html("index.html");
    assert_eq!(
        attrs(&home, "link[rel=stylesheet]", "href"),
        ["/weekly/style.css", "/weekly/custom.css"]
    );
    assert_eq!(
        texts(&home, "header nav a")[0],
        "This week",
        "the rest of the built-in base is kept"
    );
    assert_eq!(entry_titles(&home).len(), 3);
    assert_eq!(
        site.read("custom.css"),
        "body { border-top: 4px solid red; }\n"
    );

    // The built-ins' own names cannot be taken.
    site.write("templates/briefing/base.html", "nothing\n");
    let failure = site.build().expect_err("reserved folder");
    assert_eq!(
        diagnostics_text(&failure),
        "templates/briefing/base.html: error: `templates/briefing/` names the built-in templates; this file would hide one\n  help: move it out of `templates/briefing/`; to change a built-in, override it by its own name and extend `briefing/NAME`"
    );
}

#[test]
fn a_busy_week_shows_fifty_stories_on_the_home_page_and_links_the_rest() {
    let site = SiteTest::fixture("weekly");
    // Titles with no word in common, so no two are one story.
    const WORDS: [&str; 13] = [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
        "juliet", "kilo", "lima", "mike",
    ];
    for i in 0..52 {
        let (a, b) = (WORDS[i % 13], WORDS[(i / 13 + 1 + i) % 13]);
        site.write(
            &format!("content/busy/story-{i:02}.md"),
            &format!(
                "---\ntitle: {a}{i} {b}x{i}\ndate: 2024-12-0{}\nsource: Source {i}\n---\n{a}{i}.\n",
                2 + i % 5
            ),
        );
    }
    site.build_ok();
    let home = site.html("index.html");
    assert_eq!(entry_titles(&home).len(), 50);
    assert_eq!(
        texts(&home, ".this-week p.more a"),
        ["All 55 stories of Week 49, 2024"]
    );
    assert_eq!(
        attrs(&home, ".this-week p.more a", "href"),
        ["/weekly/weeks/2024-W49/"]
    );
    assert_eq!(
        entry_titles(&site.html("weeks/2024-W49/index.html")).len(),
        55,
        "the week's page has them all"
    );
    // The numbers follow the stories.
    let html = site.read("index.html");
    let last_story = html.rfind("class=\"entry\"").expect("stories");
    assert!(html.find("class=\"week-numbers\"").expect("numbers") > last_story);
}
