//! Building the `mixed` fixture: which pages exist, what each lists and in
//! which order, drafts, ignored files, slugs, recovery of scraped front matter,
//! and what the sanitiser leaves of hostile HTML.

use briefing::config::Overrides;
use briefing::diagnostics::Severity;

use crate::harness::mixed::*;
use crate::harness::{
    SiteTest, attrs, entry_links, entry_titles, output_file_for, resolve, sel, text_of, texts, tree,
};

fn article(slug: &str) -> String {
    format!("articles/{slug}/index.html")
}

/// Absolute URL of an output folder, e.g. `tags/x/`.
fn url(folder: &str) -> String {
    format!("{BASE}{folder}")
}

/// Every entry link on `path`, resolved to an absolute URL.
fn resolved_entry_links(site: &SiteTest, path: &str) -> Vec<String> {
    entry_links(&site.html(path))
        .iter()
        .map(|h| resolve(BASE, path, h))
        .collect()
}

/// Output folders directly under `dir` (e.g. the tags that got a page).
fn folders(site: &SiteTest, dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(site.out_path(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.expect("entry"))
        .filter(|e| e.file_type().expect("type").is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn library_build_reports_counts_and_the_one_warning() {
    let site = SiteTest::fixture("mixed");
    let report = site.build_ok();
    assert_eq!(report.articles, 7, "8 .md files, one of them a draft");
    // The home page, 3 pages of latest stories, 7 articles, tags index + 6 tags + 1 extra tag page,
    // sources index + 4 sources, archive index + 2 years + 3 months,
    // 4 weeks, the entities index, 404, search.
    assert_eq!(report.pages, 37);
    // Each in RSS, Atom and JSON Feed; counted once.
    assert_eq!(report.feeds, 15, "the site, 6 tags, 4 sources and 4 weeks");
    let shown: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(shown, [COLON_WARNING]);
}

#[test]
fn cli_build_prints_the_warning_then_one_summary_line() {
    let site = SiteTest::fixture("mixed");
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!(
            "{COLON_WARNING}\nbuilt 7 articles: 37 pages, 15 feeds, search index 2.0 kB, 1 warning in [TIME] → public/"
        )
    );
    assert_eq!(out.stdout, "", "stdout is for requested output only");
    assert_eq!(entry_titles(&site.html("latest/index.html")), [D, E, C]);
}

#[test]
fn latest_pages_list_every_story_newest_first_in_pages_of_three() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    let pages = [
        ("latest/index.html", vec![D, E, C]),
        ("latest/page/2/index.html", vec![B, A, G]),
        ("latest/page/3/index.html", vec![G]),
    ];
    for (path, titles) in &pages {
        assert_eq!(&entry_titles(&site.html(path)), titles, "{path}");
    }
    assert!(!site.exists("latest/page/4/index.html"));
    assert!(
        !site.exists("latest/page/1/index.html"),
        "page 1 is latest/ itself"
    );
    assert_eq!(
        resolved_entry_links(&site, "latest/page/2/index.html"),
        [
            url(&format!("articles/{B_SLUG}/")),
            url(&format!("articles/{A_SLUG}/")),
            url(&format!("articles/{G2_SLUG}/")),
        ]
    );
    assert_eq!(
        resolved_entry_links(&site, "latest/page/3/index.html"),
        [url(&format!("articles/{G1_SLUG}/"))]
    );
}

#[test]
fn pagination_links_point_to_the_neighbouring_pages() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    // (page, "Page N of M", prev, next)
    let cases = [
        (
            "latest/index.html",
            "Page 1 of 3",
            None,
            Some("latest/page/2/"),
        ),
        (
            "latest/page/2/index.html",
            "Page 2 of 3",
            Some("latest/"),
            Some("latest/page/3/"),
        ),
        (
            "latest/page/3/index.html",
            "Page 3 of 3",
            Some("latest/page/2/"),
            None,
        ),
    ];
    for (path, label, prev, next) in cases {
        let html = site.html(path);
        assert_eq!(texts(&html, "nav.pagination span"), [label], "{path}");
        let link = |rel: &str| -> Option<String> {
            attrs(&html, &format!("nav.pagination a[rel={rel}]"), "href")
                .first()
                .map(|h| resolve(BASE, path, h))
        };
        assert_eq!(link("prev"), prev.map(url), "{path} prev");
        assert_eq!(link("next"), next.map(url), "{path} next");
    }
    let title = texts(&site.html("latest/page/2/index.html"), "title");
    assert_eq!(title, ["Latest stories (page 2) · Mixed Digest"]);
}

#[test]
fn article_page_shows_title_date_source_original_tags_and_week() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    let path = article(A_SLUG);
    let html = site.html(&path);
    assert_eq!(texts(&html, "h1"), [A], "exactly one h1: the title");
    assert_eq!(
        attrs(&html, ".entry-meta time", "datetime"),
        ["2024-12-03T00:00:00+00:00"]
    );
    assert_eq!(texts(&html, ".entry-meta time"), ["3 December 2024"]);
    let meta_links: Vec<(String, String)> = html
        .select(&sel(".entry-meta a"))
        .map(|a| {
            (
                text_of(a),
                resolve(BASE, &path, a.value().attr("href").expect("href")),
            )
        })
        .collect();
    assert_eq!(
        meta_links,
        [
            ("Threat Ledger".to_owned(), url("sources/threat-ledger/")),
            ("Week 49, 2024".to_owned(), url("weeks/2024-W49/")),
        ]
    );
    assert_eq!(
        attrs(&html, "p.original a", "href"),
        ["https://threatledger.example.com/2024/12/operation-haechi.html"]
    );
    assert_eq!(texts(&html, ".fetched"), ["(fetched 6 October 2025)"]);
    let tags: Vec<(String, String)> = html
        .select(&sel("ul.tags a"))
        .map(|a| {
            (
                text_of(a),
                resolve(BASE, &path, a.value().attr("href").expect("href")),
            )
        })
        .collect();
    assert_eq!(
        tags,
        [
            ("Ransomware".to_owned(), url("tags/ransomware/")),
            ("Law Enforcement".to_owned(), url("tags/law-enforcement/")),
        ]
    );
    assert_eq!(
        attrs(&html, "link[rel=canonical]", "href"),
        [url(&format!("articles/{A_SLUG}/"))]
    );
}

#[test]
fn every_date_format_is_read_and_shown_in_the_site_zone() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    // (slug, datetime attribute, shown date, week)
    let cases = [
        (
            A_SLUG,
            "2024-12-03T00:00:00+00:00",
            "3 December 2024",
            "Week 49, 2024",
        ),
        (
            B_SLUG,
            "2024-12-03T08:30:00+00:00",
            "3 December 2024",
            "Week 49, 2024",
        ),
        (
            D_SLUG,
            "2025-10-06T19:44:00.188355+00:00",
            "6 October 2025",
            "Week 41, 2025",
        ),
        (
            C_SLUG,
            "2024-12-03T10:00:00+00:00",
            "3 December 2024",
            "Week 49, 2024",
        ),
        (
            G1_SLUG,
            "2024-11-12T00:00:00+00:00",
            "12 November 2024",
            "Week 46, 2024",
        ),
    ];
    for (slug, iso, shown, week) in cases {
        let html = site.html(&article(slug));
        assert_eq!(
            attrs(&html, ".entry-meta time", "datetime"),
            [iso],
            "{slug}"
        );
        assert_eq!(texts(&html, ".entry-meta time"), [shown], "{slug}");
        let meta = texts(&html, ".entry-meta a");
        assert_eq!(meta.last().map(String::as_str), Some(week), "{slug}");
    }
}

#[test]
fn naive_dates_are_read_and_grouped_in_the_configured_timezone() {
    let site = SiteTest::fixture("mixed");
    site.write(
        "briefing.yaml",
        "title: Mixed Digest\nitems_per_page: 3\ntimezone: \"+02:00\"\n",
    );
    // 23:30 UTC on Sunday 1 December is 01:30 on Monday 2 December at +02:00:
    // week 49, not 48.
    site.write(
        "content/late.md",
        "---\ntitle: Late night story\ndate: 2024-12-01T23:30:00Z\n---\nBody.\n",
    );
    site.build_ok();
    let late = site.html("articles/late-night-story/index.html");
    assert_eq!(
        attrs(&late, ".entry-meta time", "datetime"),
        ["2024-12-02T01:30:00+02:00"]
    );
    assert_eq!(
        texts(&late, ".entry-meta a"),
        ["Week 49, 2024"],
        "no source, so the week is the only meta link"
    );
    // A naive date is midnight in the site zone; an offset date is converted.
    let a = site.html(&article(A_SLUG));
    assert_eq!(
        attrs(&a, ".entry-meta time", "datetime"),
        ["2024-12-03T00:00:00+02:00"]
    );
    let b = site.html(&article(B_SLUG));
    assert_eq!(
        attrs(&b, ".entry-meta time", "datetime"),
        ["2024-12-03T10:30:00+02:00"]
    );
    assert_eq!(
        entry_titles(&site.html("weeks/2024-W49/index.html")),
        [E, C, B, A, "Late night story"]
    );
    // W48 still holds b-same.md (27 November) only.
    assert_eq!(entry_titles(&site.html("weeks/2024-W48/index.html")), [G]);
}

#[test]
fn crlf_and_bom_files_parse_like_any_other() {
    let site = SiteTest::fixture("mixed");
    // The fixture files must really have CRLF and a BOM (git could lose them).
    let crlf = std::fs::read(site.root().join("content/2024/12/crlf-patch.md")).expect("read");
    assert!(crlf.windows(2).filter(|w| w == b"\r\n").count() >= 8);
    let bom = std::fs::read(site.root().join("content/2025/bom-roundup.md")).expect("read");
    assert!(bom.starts_with(b"\xEF\xBB\xBF---\n"));

    site.build_ok();
    let c = site.html(&article(C_SLUG));
    assert_eq!(texts(&c, "h1"), [C]);
    assert_eq!(
        texts(&c, ".article-body p"),
        [
            "Microsoft released fixes for seventy-one vulnerabilities this month, including one zero-day that is already exploited in the wild.",
            "Administrators should prioritise the exploited flaw.",
        ]
    );
    assert!(
        !site.read(&article(C_SLUG)).contains('\r'),
        "CR leaked into the page"
    );
    assert_eq!(texts(&c, "ul.tags a"), ["Patch Tuesday", "Data Breach"]);

    let d = site.html(&article(D_SLUG));
    assert_eq!(texts(&d, "h1"), [D]);
    assert!(!site.read(&article(D_SLUG)).contains('\u{feff}'));
    assert_eq!(texts(&d, "ul.tags a"), ["Data Breach", "cloud"]);
    // No `source:`: the outlet is the URL's host without `www.`.
    assert_eq!(
        texts(&d, ".entry-meta a"),
        ["dbleaks.example.org", "Week 41, 2025"]
    );
}

#[test]
fn tag_spellings_fold_into_one_tag_named_by_the_most_used_spelling() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    assert_eq!(
        folders(&site, "tags"),
        [
            "cloud",
            "data-breach",
            "law-enforcement",
            "patch-tuesday",
            "ransomware",
            "vulnerabilities"
        ]
    );
    let index = site.html("tags/index.html");
    assert_eq!(
        texts(&index, "ul.groups li"),
        [
            "cloud (1)",
            "Data Breach (4)",
            "Law Enforcement (1)",
            "Patch Tuesday (1)",
            "Ransomware (3)",
            "Vulnerabilities (2)",
        ]
    );
    // `data_breach`, `Data Breach` (twice), `data-breach`: one tag.
    let tag = site.html("tags/data-breach/index.html");
    assert_eq!(texts(&tag, "h1"), ["Tag: Data Breach"]);
    assert_eq!(entry_titles(&tag), [D, E, C]);
    assert_eq!(
        entry_titles(&site.html("tags/data-breach/page/2/index.html")),
        [B]
    );
    assert_eq!(
        attrs(
            &tag,
            "link[rel=alternate][title^='Tag: Data Breach']",
            "href"
        ),
        [
            url("tags/data-breach/rss.xml"),
            url("tags/data-breach/atom.xml"),
            url("tags/data-breach/feed.json")
        ]
    );
    assert_eq!(
        entry_titles(&site.html("tags/ransomware/index.html")),
        [E, B, A]
    );
    // `vulns` is an alias of Vulnerabilities in briefing.yaml.
    assert_eq!(
        resolved_entry_links(&site, "tags/vulnerabilities/index.html"),
        [
            url(&format!("articles/{G2_SLUG}/")),
            url(&format!("articles/{G1_SLUG}/"))
        ]
    );
    assert_eq!(
        texts(&site.html(&article(B_SLUG)), "ul.tags a"),
        ["Ransomware", "Data Breach"],
        "tags: ransomware, data_breach (a comma string) show the site-wide names"
    );
}

#[test]
fn source_pages_group_articles_by_outlet() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    assert_eq!(
        folders(&site, "sources"),
        [
            "dbleaks-example-org",
            "patch-watch",
            "threat-ledger",
            "vuln-weekly"
        ]
    );
    assert_eq!(
        texts(&site.html("sources/index.html"), "ul.groups li"),
        [
            "dbleaks.example.org (1)",
            "Patch Watch (1)",
            "Threat Ledger (2)",
            "Vuln Weekly (2)",
        ]
    );
    let tl = site.html("sources/threat-ledger/index.html");
    assert_eq!(texts(&tl, "h1"), ["Source: Threat Ledger"]);
    assert_eq!(
        texts(&tl, "p.intro"),
        ["2 articles · Visit the site · Feeds: RSS, Atom, JSON"]
    );
    assert_eq!(entry_titles(&tl), [B, A]);
    assert_eq!(
        attrs(&tl, "p.intro a", "href"),
        [
            "https://threatledger.example.com/",
            "http://127.0.0.1:1111/sources/threat-ledger/rss.xml",
            "http://127.0.0.1:1111/sources/threat-ledger/atom.xml",
            "http://127.0.0.1:1111/sources/threat-ledger/feed.json"
        ]
    );
    assert_eq!(
        entry_titles(&site.html("sources/vuln-weekly/index.html")),
        [G, G]
    );
}

#[test]
fn week_month_and_year_pages_list_their_articles() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    assert_eq!(
        folders(&site, "weeks"),
        ["2024-W46", "2024-W48", "2024-W49", "2025-W41"]
    );
    let w49 = site.html("weeks/2024-W49/index.html");
    assert_eq!(texts(&w49, "h1"), ["Week 49, 2024"]);
    assert_eq!(
        texts(&w49, "p.intro"),
        ["4 articles · Feeds: RSS, Atom, JSON"]
    );
    assert_eq!(entry_titles(&w49), [E, C, B, A]);
    assert_eq!(
        resolved_entry_links(&site, "weeks/2024-W46/index.html"),
        [url(&format!("articles/{G1_SLUG}/"))]
    );
    assert_eq!(
        resolved_entry_links(&site, "weeks/2024-W48/index.html"),
        [url(&format!("articles/{G2_SLUG}/"))]
    );
    assert_eq!(entry_titles(&site.html("weeks/2025-W41/index.html")), [D]);

    let dec = site.html("archive/2024/12/index.html");
    assert_eq!(texts(&dec, "h1"), ["December 2024"]);
    assert_eq!(entry_titles(&dec), [E, C, B, A]);
    assert_eq!(
        entry_titles(&site.html("archive/2024/11/index.html")),
        [G, G]
    );
    let year = site.html("archive/2024/index.html");
    assert_eq!(texts(&year, "h1"), ["2024"]);
    assert_eq!(
        texts(&year, "ul.periods li"),
        ["December (4)", "November (2)"]
    );

    let archive = site.html("archive/index.html");
    assert_eq!(
        texts(&archive, "section.archive-year h2"),
        ["2025 (1)", "2024 (6)"]
    );
    let links: Vec<String> = attrs(&archive, "ul.periods a", "href")
        .iter()
        .map(|h| resolve(BASE, "archive/index.html", h))
        .collect();
    assert_eq!(
        links,
        [
            url("archive/2025/10/"),
            url("weeks/2025-W41/"),
            url("archive/2024/12/"),
            url("archive/2024/11/"),
            url("weeks/2024-W49/"),
            url("weeks/2024-W48/"),
            url("weeks/2024-W46/"),
        ]
    );
}

/// 30 December 2024 is in ISO week 1 of 2025, and the site has no article
/// dated 2025. Regression: the archive listed weeks only under the calendar
/// year with the same number, so nothing but the article linked
/// `weeks/2025-W01/` (fixed in 2411dfc).
#[test]
fn archive_links_every_week_page() {
    let site = SiteTest::fixture("subpath");
    site.build_ok();
    let base = "https://user.github.io/digest/";
    assert!(site.exists("weeks/2025-W01/index.html"));
    let archive = site.html("archive/index.html");
    let links: Vec<String> = attrs(&archive, "a", "href")
        .iter()
        .map(|h| resolve(base, "archive/index.html", h))
        .collect();
    for week in folders(&site, "weeks") {
        let want = format!("{base}weeks/{week}/");
        assert!(
            links.contains(&want),
            "archive does not link {want}: {links:#?}"
        );
    }
}

#[test]
fn drafts_are_left_out_by_default() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    for (path, bytes) in site.tree_snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(F), "{path} shows the draft");
        assert!(!text.contains("draft-thoughts"), "{path} links the draft");
    }
    assert!(!site.exists("tags/supply-chain/index.html"));
    assert!(!site.exists("articles/draft-thoughts-on-supply-chain-attacks/index.html"));
    assert_eq!(
        entry_titles(&site.html("weeks/2024-W49/index.html")),
        [E, C, B, A]
    );
}

#[test]
fn drafts_flag_includes_drafts_everywhere() {
    let site = SiteTest::fixture("mixed");
    let report = site
        .build_with(&Overrides {
            drafts: true,
            ..Overrides::default()
        })
        .expect("build");
    assert_eq!(report.articles, 8);
    let slug = "draft-thoughts-on-supply-chain-attacks";
    assert_eq!(texts(&site.html(&article(slug)), "h1"), [F]);
    assert_eq!(entry_titles(&site.html("latest/index.html")), [D, F, E]);
    assert_eq!(
        entry_titles(&site.html("weeks/2024-W49/index.html")),
        [F, E, C, B, A]
    );
    assert_eq!(
        entry_titles(&site.html("tags/supply-chain/index.html")),
        [F]
    );
    assert_eq!(
        entry_titles(&site.html("tags/ransomware/index.html")),
        [F, E, B]
    );
    assert_eq!(
        entry_titles(&site.html("tags/ransomware/page/2/index.html")),
        [A]
    );

    // The same through the binary.
    let site = SiteTest::fixture("mixed");
    let out = site.run(&["build", "--drafts"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .ends_with("built 8 articles: 40 pages, 16 feeds, search index 2.2 kB, 1 warning in [TIME] → public/"),
        "{}",
        out.stderr
    );
    assert_eq!(entry_titles(&site.html("latest/index.html")), [D, F, E]);
}

#[test]
fn files_other_than_markdown_are_ignored() {
    let site = SiteTest::fixture("mixed");
    assert!(site.root().join("content/notes.txt").is_file());
    site.write(
        "content/.hidden.md",
        "---\ntitle: Hidden editor backup\ndate: 2024-12-01\n---\n",
    );
    site.build_ok();
    assert_eq!(folders(&site, "articles").len(), 7);
    for (path, bytes) in site.tree_snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("Should never appear"),
            "{path} shows notes.txt"
        );
        assert!(
            !text.contains("Hidden editor backup"),
            "{path} shows a hidden file"
        );
    }
}

#[test]
fn clashing_slugs_keep_the_oldest_plain_and_never_move() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    // a-same.md is the older and keeps the plain slug; b-same.md adds its date.
    let first = site.html(&article(G1_SLUG));
    let second = site.html(&article(G2_SLUG));
    assert_eq!(texts(&first, "h1"), [G]);
    assert_eq!(texts(&second, "h1"), [G]);
    assert_eq!(
        attrs(&first, "p.original a", "href"),
        ["https://vulnweekly.example.com/2024/11/roundup-46"]
    );
    assert_eq!(
        attrs(&second, "p.original a", "href"),
        ["https://vulnweekly.example.com/2024/11/roundup-48"]
    );
    assert!(!site.exists("articles/weekly-vulnerability-roundup-2/index.html"));
    // A newer report with the same title, first in path order, takes
    // neither URL.
    site.write(
        "content/2024/11/0-same.md",
        "---\ntitle: Weekly Vulnerability Roundup\ndate: 2024-11-30\n---\nA third roundup.\n",
    );
    site.build_ok();
    assert_eq!(
        texts(&site.html(&article(G1_SLUG)), "p.original a"),
        texts(&first, "p.original a")
    );
    assert_eq!(
        texts(&site.html(&article(G2_SLUG)), "p.original a"),
        texts(&second, "p.original a")
    );
    assert!(site.exists("articles/weekly-vulnerability-roundup-2024-11-30/index.html"));
}

#[test]
fn unquoted_colon_title_is_recovered_with_a_located_warning() {
    let site = SiteTest::fixture("mixed");
    let report = site.build_ok();
    let warnings: Vec<_> = report.diagnostics.iter().collect();
    assert_eq!(warnings.len(), 1);
    let w = warnings[0];
    assert_eq!(w.severity, Severity::Warning);
    assert_eq!(
        w.location.to_string(),
        "content/2024/12/medusa.md:2:1",
        "file:line of the title line"
    );
    assert!(
        w.message.contains("`title`") && w.message.contains(B),
        "{}",
        w.message
    );
    assert_eq!(texts(&site.html(&article(B_SLUG)), "h1"), [B]);
}

#[test]
fn strict_makes_the_recovered_title_an_error_and_writes_nothing() {
    let site = SiteTest::fixture("mixed");
    let before = site.seed_previous_output();
    let out = site.run(&["build", "--strict"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        format!(
            "{}\nerror: 1 file has errors; public/ was not changed",
            COLON_WARNING.replacen("warning:", "error:", 1)
        )
    );
    assert_eq!(site.tree_snapshot(), before);

    let out = site.run(&["check", "--strict"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .starts_with("content/2024/12/medusa.md:2:1: error: `title` is not valid YAML"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.ends_with("\nerror: 1 file has errors"),
        "{}",
        out.stderr
    );
}

#[test]
fn check_runs_everything_but_writes_nothing() {
    let site = SiteTest::fixture("mixed");
    let out = site.run(&["check"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!(
            "{COLON_WARNING}\nchecked 7 articles: 37 pages, 15 feeds, search index 2.0 kB, 1 warning in [TIME]"
        )
    );
    assert!(!site.out_dir().exists());
}

#[test]
fn sanitiser_removes_scripts_handlers_and_unsafe_urls_everywhere() {
    let site = SiteTest::fixture("mixed");
    let report = site.build_ok();
    let tree = site.tree_snapshot();
    let mut html_files = 0;
    for (path, bytes) in &tree {
        let text = String::from_utf8_lossy(bytes);
        // The script body, the handlers and the base64 payloads are gone
        // from every file, feeds included.
        for gone in ["alert(", "steal()", "iVBOR", "PHNjcmlwdD5"] {
            assert!(!text.contains(gone), "{path} still has {gone:?}");
        }
        if !path.ends_with(".html") {
            continue;
        }
        html_files += 1;
        let html = scraper::Html::parse_document(&text);
        // The one script left is the site's own search, from a file; the
        // email editions have none.
        let scripts: Vec<_> = html.select(&sel("script")).collect();
        let expected = usize::from(!path.ends_with("email.html"));
        assert_eq!(scripts.len(), expected, "{path}");
        for script in scripts {
            assert_eq!(script.value().attr("src"), Some("/search.js"), "{path}");
            assert_eq!(script.inner_html(), "", "{path}");
        }
        for el in html.select(&sel("*")) {
            for (name, value) in el.value().attrs() {
                assert!(
                    !name.to_ascii_lowercase().starts_with("on"),
                    "{path}: <{} {name}={value:?}>",
                    el.value().name()
                );
                if matches!(name, "href" | "src" | "action" | "formaction") {
                    let v = value.trim().to_ascii_lowercase();
                    for scheme in ["javascript:", "data:", "vbscript:"] {
                        assert!(!v.starts_with(scheme), "{path}: {name}={value:?}");
                    }
                }
            }
        }
    }
    // Every page, plus the 4 weekly email editions (not counted as pages).
    assert_eq!(html_files, report.pages + 4, "every HTML file was checked");

    let body = site.html(&article(A_SLUG));
    assert_eq!(
        texts(&body, ".article-body p")
            .into_iter()
            .filter(|p| p.starts_with("Investigators") || p.starts_with("Officers "))
            .collect::<Vec<_>>(),
        [
            "Investigators said the money came from voice phishing, romance scams and online sextortion run by organised groups.",
            "Officers recovered cash, cars and jewellery; read the press release or the summary for the full list of seized property.",
        ],
        "the text of dropped links and handlers stays"
    );
    assert_eq!(
        body.select(&sel(".article-body [style]")).count(),
        0,
        "inline styles are dropped outside tables"
    );
}

#[test]
fn relative_links_and_images_resolve_against_the_original_url() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    let html = site.html(&article(A_SLUG));
    let hrefs = attrs(&html, ".article-body a", "href");
    assert!(
        hrefs.contains(&"https://threatledger.example.com/p/haechi-v-statement.html".to_owned()),
        "/p/haechi-v-statement.html resolves against the article URL: {hrefs:?}"
    );
    // Whatever of the site chrome is kept resolves the same way; nothing
    // points into our own site.
    for h in &hrefs {
        assert!(
            h == "#fn-1" || h.starts_with("https://threatledger.example.com/"),
            "{h}"
        );
    }
    assert_eq!(
        texts(&html, ".article-body a[href$='haechi-v-statement.html']"),
        ["organisers' statement"]
    );
    assert_eq!(
        attrs(&html, ".article-body img", "src"),
        [
            "https://threatledger.example.com/img/map.png",
            "https://threatledger.example.com/2024/img/chart.png",
        ],
        "the data: logo is dropped; ../img/chart.png resolves against the article URL"
    );
    assert_eq!(
        attrs(&html, ".article-body img", "alt"),
        ["Map of the operation", "Seizures by month"]
    );
    for a in html.select(&sel(".article-body a[href^=http]")) {
        assert_eq!(
            a.value().attr("rel"),
            Some("noopener noreferrer"),
            "{:?}",
            a.value()
        );
    }
}

#[test]
fn dangling_fragment_links_are_unwrapped_and_footnotes_kept() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    let page = site.read(&article(A_SLUG));
    assert!(!page.contains("link_share"), "#link_share survived");
    let html = site.html(&article(A_SLUG));
    assert!(
        texts(&html, ".article-body p").contains(
            &"According to the organisers' statement, officers froze more than 82,000 bank accounts, and the full results will be published in the spring once all cases are closed."
                .to_owned()
        ),
        "the link text stays, unlinked: {:#?}",
        texts(&html, ".article-body p")
    );
    // The footnote reference and its target, each exactly once.
    assert_eq!(attrs(&html, "sup.footnote-ref a", "href"), ["#fn-1"]);
    assert_eq!(html.select(&sel("[id='fn-1']")).count(), 1);
    assert_eq!(
        texts(&html, "div.footnote p"),
        ["Figures from the organisers' closing briefing."]
    );
}

#[test]
fn an_editors_root_relative_link_is_kept_as_written() {
    // See: issue 11; such a link used to be dropped when it had no original.
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    let html = site.html(&article(E_SLUG));
    assert_eq!(
        attrs(&html, ".article-body a", "href"),
        [
            "/tags/ransomware/",
            "https://advisories.example.gov/2024/aa24-339a"
        ]
    );
    assert_eq!(
        texts(&html, ".article-body p"),
        ["We wrote this one by hand. See our ransomware page and the original advisory."]
    );
    assert!(
        texts(&html, ".entry-meta")
            .join(" ")
            .contains("by Briefing editors"),
        "author shown"
    );
    assert_eq!(
        html.select(&sel("p.original")).count(),
        0,
        "no original URL"
    );
}

#[test]
fn every_page_has_exactly_one_h1() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    for (path, bytes) in site.tree_snapshot() {
        if path.ends_with(".html") {
            let html = scraper::Html::parse_document(&String::from_utf8_lossy(&bytes));
            assert_eq!(html.select(&sel("h1")).count(), 1, "{path}");
        }
    }
    // Body headings move down a level: `## What was seized` is no h1, and
    // no heading skips a level after the page's h1.
    let html = site.html(&article(A_SLUG));
    assert_eq!(html.select(&sel(".article-body h1")).count(), 0);
    let levels: Vec<(String, String)> = html
        .select(&sel(".article-body h2, .article-body h3, .article-body h4"))
        .map(|h| (h.value().name().to_owned(), text_of(h)))
        .collect();
    assert!(
        levels.contains(&("h2".to_owned(), "What was seized".to_owned()))
            || levels.contains(&("h3".to_owned(), "What was seized".to_owned())),
        "{levels:?}"
    );
    assert_eq!(
        levels.first().map(|l| l.0.as_str()),
        Some("h2"),
        "{levels:?}"
    );
}

#[test]
fn summaries_come_from_front_matter_or_the_first_real_paragraph() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    let home2 = site.html("latest/page/2/index.html");
    let summaries = texts(&home2, "article.entry .entry-summary");
    assert_eq!(
        summaries[1],
        "An international police operation coordinated across forty countries has led to the arrest of more than 5,500 suspects and the seizure of over 400 million dollars in virtual assets and cash.",
        "A's summary skips the menus and share bar"
    );
    let home = site.html("latest/index.html");
    assert_eq!(
        texts(&home, "article.entry .entry-summary")[1],
        "Our own take on a busy week of breach disclosures."
    );
}

#[test]
fn markup_in_titles_is_escaped_not_interpreted() {
    let site = SiteTest::fixture("mixed");
    let title = r#"<b>Bold</b> & "quoted" <i>claims</i>"#;
    site.write(
        "content/markup.md",
        "---\ntitle: '<b>Bold</b> & \"quoted\" <i>claims</i>'\ndate: 2026-01-05\ntags: ['<em>x</em>']\n---\nBody.\n",
    );
    site.build_ok();
    let path = "articles/b-bold-b-quoted-i-claims-i/index.html";
    let html = site.html(path);
    assert_eq!(texts(&html, "h1"), [title]);
    assert_eq!(html.select(&sel("h1 b, h1 i, title b")).count(), 0);
    assert_eq!(texts(&html, "ul.tags a"), ["<em>x</em>"]);
    assert_eq!(entry_titles(&site.html("latest/index.html"))[0], title);
    let feed = site.feed("rss.xml");
    let first = feed.entries[0].title.as_ref().expect("title");
    assert_eq!(first.content, title);
}

#[test]
fn every_internal_link_leads_to_a_built_file() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    let tree = site.tree_snapshot();
    for (path, bytes) in &tree {
        if !path.ends_with(".html") {
            continue;
        }
        let html = scraper::Html::parse_document(&String::from_utf8_lossy(bytes));
        for el in html.select(&sel("[href], [src]")) {
            let v = el
                .value()
                .attr("href")
                .or_else(|| el.value().attr("src"))
                .expect("selected for it");
            if v.starts_with('#') {
                continue;
            }
            let abs = resolve(BASE, path, v);
            if let Some(file) = output_file_for(BASE, &abs) {
                assert!(tree.contains_key(&file), "{path}: {v} → {file} is missing");
            }
        }
    }
}

#[test]
fn output_folder_relative_to_the_root_not_the_working_folder() {
    let site = SiteTest::fixture("mixed");
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let out = site.run_in(elsewhere.path(), &["build", "-o", "dist"], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.ends_with("→ [ROOT]/dist/"), "{}", out.stderr);
    assert!(site.root().join("dist/index.html").is_file());
    assert!(!elsewhere.path().join("dist").exists());
    assert!(!site.out_dir().exists());
}

#[test]
fn output_folder_over_the_sites_own_files_is_refused() {
    let site = SiteTest::fixture("mixed");
    let content_before = tree(&site.root().join("content"));
    let out = site.run(&["build", "--output", "content"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "content: error: refusing to replace the output folder: it is inside the site's `content/`\n  help: pick an output folder of its own, e.g. `--output public`\nerror: 1 file has errors; content/ was not changed"
    );
    for (flag, why) in [
        (".", "it holds the site"),
        ("templates/x", "it is inside the site's `templates/`"),
        ("theme", "it is inside the site's `theme/`"),
        ("..", "it holds the site"),
    ] {
        let out = site.run(&["build", "--output", flag]);
        assert_eq!(out.code, 1, "{flag}: {}", out.stderr);
        assert!(
            out.stderr.contains(&format!(
                ": error: refusing to replace the output folder: {why}\n"
            )),
            "{flag}: {}",
            out.stderr
        );
    }
    assert_eq!(tree(&site.root().join("content")), content_before);
    assert_eq!(site.root_entries(), ["briefing.yaml", "content"]);
}

/// Regression: `display_dir` in cli.rs strips the working folder from the
/// output path; when the output *is* the working folder nothing was left,
/// and the message named the filesystem root, `/` (fixed in 2411dfc).
#[test]
fn refusing_the_site_root_names_it_sensibly() {
    let site = SiteTest::fixture("mixed");
    let out = site.run(&["build", "--output", "."]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr.lines().last(),
        Some("error: 1 file has errors; ./ was not changed")
    );
}

#[test]
fn rebuild_replaces_the_old_site_and_leaves_no_staging_folders() {
    let site = SiteTest::fixture("mixed");
    site.seed_previous_output();
    site.build_ok();
    let files = site.tree_snapshot();
    assert!(!files.contains_key("MARKER"), "stale files removed");
    assert!(!files.contains_key("articles/old/index.html"));
    let fresh = SiteTest::fixture("mixed");
    fresh.build_ok();
    assert!(
        files == fresh.tree_snapshot(),
        "a rebuild over an old site gives exactly a fresh build"
    );
    assert_eq!(site.root_entries(), ["briefing.yaml", "content", "public"]);
}

#[test]
fn empty_content_folder_builds_an_empty_site() {
    let site = SiteTest::fixture("mixed");
    std::fs::remove_dir_all(site.root().join("content")).expect("remove content");
    site.write("content/README.txt", "no articles yet\n");
    let report = site.build_ok();
    assert_eq!(report.articles, 0);
    let home = site.html("index.html");
    assert_eq!(entry_titles(&home), Vec::<String>::new());
    assert_eq!(
        texts(&home, "main p"),
        [
            "A curated cybersecurity threat digest.",
            "No articles yet.",
            "Every story, newest first · The archive by year, month and week"
        ]
    );
    assert_eq!(
        texts(&site.html("tags/index.html"), "main p"),
        ["Nothing here yet."]
    );
    let feed = site.feed("rss.xml");
    assert_eq!(feed.entries.len(), 0);
    assert!(site.exists("sitemap.xml") && site.exists("404.html"));
}

/// `IdPolicy` in enrich/markdown.rs says an id Briefing generated "may appear
/// once; anything else that claims an id (raw HTML in a scraped page) loses
/// it". But the first element to claim the id keeps it: raw HTML placed
/// before the footnote takes `fn-1`, the real footnote loses its id, and the
/// footnote reference jumps to the page's own link instead.
#[test]
fn raw_html_cannot_take_a_footnote_id() {
    let site = SiteTest::fixture("mixed");
    site.write(
        "content/forged.md",
        "---\ntitle: Forged anchor\ndate: 2024-01-01\n---\n<a id=\"fn-1\" href=\"https://evil.example/\">trap</a>\n\nText with a note.[^n]\n\n[^n]: The real note.\n",
    );
    site.build_ok();
    let html = site.html("articles/forged-anchor/index.html");
    let owners: Vec<String> = html
        .select(&sel("[id='fn-1']"))
        .map(|e| e.value().name().to_owned())
        .collect();
    assert_eq!(owners, ["div"], "fn-1 must be the footnote itself");
    assert_eq!(texts(&html, "div.footnote p"), ["The real note."]);
}

#[test]
fn timings_name_every_stage_in_order_after_the_summary() {
    let site = SiteTest::fixture("mixed");
    let out = site.run(&["build", "--timings"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stderr.lines().collect();
    let summary = lines
        .iter()
        .position(|l| l.starts_with("built "))
        .expect("summary line");
    let stages: Vec<(String, f64)> = lines[summary + 1..]
        .iter()
        .map(|l| {
            let (name, secs) = l.trim().rsplit_once(' ').expect("name and time");
            let secs: f64 = secs.trim_end_matches('s').parse().expect("seconds");
            (name.trim().to_owned(), secs)
        })
        .collect();
    let names: Vec<&str> = stages.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "load",
            "parse",
            "templates, data, theme",
            "enrich",
            "group",
            "cluster",
            "related",
            "render and write"
        ]
    );
    // The stages do not overlap: together they take no longer than the
    // whole build (the CLI masks its time, so ask the library).
    let report = site.build_ok();
    let sum: std::time::Duration = report.timings.iter().map(|(_, t)| *t).sum();
    assert!(sum <= report.elapsed, "{sum:?} > {:?}", report.elapsed);
    assert_eq!(report.timings.len(), names.len());
    // Without the flag, the summary is the last line.
    let plain = site.run(&["build"]);
    assert!(
        plain
            .stderr
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("built "))
    );
    let check = site.run(&["check", "--timings"]);
    assert!(
        check.stderr.contains("\n  render    ")
            && check.stderr.contains("\n  check links and feeds "),
        "{}",
        check.stderr
    );
}

/// Records what a build reports as it goes.
#[derive(Default)]
struct Recorded {
    stages: std::sync::Mutex<Vec<&'static str>>,
    files: std::sync::Mutex<Vec<(u64, u64)>>,
}

impl briefing::Progress for Recorded {
    fn stage(&self, name: &'static str) {
        self.stages.lock().expect("lock").push(name);
    }
    fn files(&self, done: u64, total: u64) {
        self.files.lock().expect("lock").push((done, total));
    }
}

#[test]
fn progress_names_each_stage_and_counts_every_file_written() {
    let site = SiteTest::fixture("mixed");
    let progress = Recorded::default();
    briefing::build_site(&site.options(&Overrides::default()), &progress).expect("builds");
    assert_eq!(
        *progress.stages.lock().expect("lock"),
        [
            "load",
            "parse",
            "enrich",
            "group, cluster, relate",
            "render and write"
        ]
    );
    let written = tree(&site.out_dir())
        .keys()
        .filter(|p| *p != ".briefing-output")
        .count() as u64;
    let mut files = progress.files.lock().expect("lock").clone();
    files.sort_unstable();
    // One report per file, each against the same total, ending at the total.
    assert_eq!(files.len() as u64, written);
    assert!(
        files.iter().all(|(_, total)| *total == written),
        "{files:?}"
    );
    assert_eq!(
        files.iter().map(|(done, _)| *done).collect::<Vec<_>>(),
        (1..=written).collect::<Vec<_>>()
    );
}

#[test]
fn a_month_past_the_list_limit_links_its_weeks_instead_of_listing_every_story() {
    let site = SiteTest::fixture("mixed");
    let stories = briefing::render::MONTH_STORIES_LISTED + 1;
    for n in 0..stories {
        // Words that no other title shares, so no two reports are one story.
        site.write(
            &format!("content/2023/03/report-{n}.md"),
            &format!(
                "---\ntitle: Zq{n}x Wv{n}y Kp{n}z\ndate: 2023-03-{:02}\n---\nBody {n}.\n",
                1 + n % 28
            ),
        );
    }
    site.build_ok();
    let month = site.html("archive/2023/03/index.html");
    assert!(
        entry_links(&month).is_empty(),
        "no story list on the month page"
    );
    let weeks = attrs(&month, "ul.periods a", "href");
    // 2023-03-01 is in ISO week 9, 2023-03-28 in week 13.
    assert_eq!(weeks.len(), 5, "{weeks:?}");
    for href in &weeks {
        let file = output_file_for(BASE, &resolve(BASE, "archive/2023/03/index.html", href))
            .expect("an internal link");
        assert!(site.exists(&file), "{href} → {file}");
    }
    let listed: usize = weeks
        .iter()
        .map(|href| {
            let file = output_file_for(BASE, &resolve(BASE, "archive/2023/03/index.html", href))
                .expect("an internal link");
            entry_links(&site.html(&file)).len()
        })
        .sum();
    assert_eq!(listed, stories, "the weeks list every story of the month");

    // At the limit, the month lists its stories.
    std::fs::remove_file(site.root().join("content/2023/03/report-0.md")).expect("remove");
    site.build_ok();
    let month = site.html("archive/2023/03/index.html");
    assert_eq!(entry_links(&month).len(), stories - 1);
}
