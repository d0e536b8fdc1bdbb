//! Hostile input costs one message, never the site (issue 11): every case
//! that used to take minutes or gigabytes now meets a limit from
//! `limits:` in briefing.yaml, with a located diagnostic, or is linear.
//! These tests assert the diagnostic and a bounded output, never a time.

use std::collections::BTreeMap;

use crate::harness::{SiteTest, attrs, texts, tree};

/// Front matter of a hand-written article dated 2024-12-03.
fn article(title: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: 2024-12-03\n{extra}---\n{body}\n")
}

/// Writes `files` into the `cost` fixture, builds with the binary over a
/// seeded `public/`, and asserts exit 1 with `public/` and `content/`
/// untouched. Gives stderr.
fn refused(files: &[(&str, String)]) -> String {
    let site = SiteTest::fixture("cost");
    for (path, text) in files {
        site.write(path, text);
    }
    let before = site.seed_previous_output();
    let content = tree(&site.root().join("content"));
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(site.tree_snapshot(), before, "public/ changed");
    assert_eq!(
        tree(&site.root().join("content")),
        content,
        "content/ changed"
    );
    out.stderr
}

/// Total bytes of a folder's files.
fn size(files: &BTreeMap<String, Vec<u8>>) -> usize {
    files.values().map(Vec::len).sum()
}

// See: issue 11, "10,000 tags on one article: 287 s, 12.4 GB RAM, 11 GB of output".
#[test]
fn ten_thousand_tags_are_one_error_at_the_tags_line() {
    let tags: Vec<String> = (0..10_000).map(|i| format!("t{i}")).collect();
    let stderr = refused(&[(
        "content/tags.md",
        article(
            "Many tags",
            &format!("tags: [{}]\n", tags.join(",")),
            "Body.",
        ),
    )]);
    assert_eq!(
        stderr,
        "content/tags.md:4:7: error: 10000 tags, more than the limit of 50 (`limits.tags_per_article`)\n  help: keep the tags readers follow, or raise `limits.tags_per_article` in briefing.yaml\nerror: 1 file has errors; public/ was not changed"
    );
}

#[test]
fn the_tag_limit_is_set_in_briefing_yaml() {
    let stderr = refused(&[
        (
            "briefing.yaml",
            "title: Cost Digest\nlimits:\n  tags_per_article: 2\n".to_owned(),
        ),
        (
            "content/three.md",
            article("Three tags", "tags: a, b, c\n", "Body."),
        ),
    ]);
    assert_eq!(
        stderr,
        "content/three.md:4:7: error: 3 tags, more than the limit of 2 (`limits.tags_per_article`)\n  help: keep the tags readers follow, or raise `limits.tags_per_article` in briefing.yaml\nerror: 1 file has errors; public/ was not changed"
    );
}

#[test]
fn an_unknown_or_zero_limit_is_a_config_error() {
    let site = SiteTest::fixture("cost");
    site.write("briefing.yaml", "limits:\n  tag_per_article: 5\n");
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with(
            "briefing.yaml:2:3: error: limits: unknown field `tag_per_article`, expected one of"
        ),
        "{}",
        out.stderr
    );
    site.write("briefing.yaml", "limits:\n  html_depth: 0\n");
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "briefing.yaml:2:15: error: limits.html_depth must be at least 1\nerror: the site config has errors; nothing was built"
    );
}

// See: issue 11, "2,500 tag links on a scraped page: 869 MB".
#[test]
fn a_scraped_page_with_2500_tag_links_keeps_50_tags_with_one_warning() {
    let site = SiteTest::fixture("cost");
    let links: Vec<String> = (0..2_500)
        .map(|i| format!("[label {i}](https://news.example/tag/label-{i}/)"))
        .collect();
    site.write(
        "content/scraped.md",
        &format!(
            "---\ntitle: Scraped page\nurl: https://news.example/a\nsource: News\ndate: 2024-12-03\nfetch_date: 2024-12-03\n---\nA real paragraph with enough words to read like prose about a breach today.\n\n{}\n",
            links.join("\n")
        ),
    );
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "content/scraped.md:60:1: warning: the page gives itself 2500 tags; kept the first 50 (`limits.tags_per_article`)\n  help: raise `limits.tags_per_article` in briefing.yaml to keep more\nbuilt 2 articles: 65 pages, 54 feeds, search index 1.1 kB, 1 warning in [TIME] → public/"
    );
    let page = site.html("articles/scraped-page/index.html");
    let tags = texts(&page, "footer ul.tags a");
    assert_eq!(tags.len(), 50, "{tags:?}");
    assert_eq!(tags.first().map(String::as_str), Some("label 0"));
    let tag_pages = site
        .tree_snapshot()
        .keys()
        .filter(|p| {
            p.starts_with("tags/") && p.split('/').count() == 3 && p.ends_with("/index.html")
        })
        .count();
    // 50 of the page's and the good article's `ransomware`.
    assert_eq!(tag_pages, 51);
    // Was 869 MB; now bounded by the tag limit.
    let bytes = size(&site.tree_snapshot());
    assert!(bytes < 20_000_000, "{bytes} bytes of output");
}

// A page that lists 5,000 CVE IDs would make 5,000 entity pages.
#[test]
fn a_page_listing_5000_cves_keeps_200_entities_with_one_warning_and_no_broken_link() {
    let site = SiteTest::fixture("cost");
    let ids: Vec<String> = (0..5_000)
        .map(|i| format!("CVE-2024-{:05}", 10_000 + i))
        .collect();
    site.write(
        "content/listing.md",
        &article(
            "A listing of CVEs",
            "",
            &format!("Fixed this month: {}.", ids.join(", ")),
        ),
    );
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let first_line = out.stderr.lines().next().unwrap_or("");
    assert_eq!(
        first_line,
        "content/listing.md:5:1: warning: the page mentions 5000 entities; kept the first 200 (`limits.entities_per_article`)"
    );
    let pages = site
        .tree_snapshot()
        .keys()
        .filter(|p| p.starts_with("entities/cve/2024/cve-") && p.ends_with(".html"))
        .count();
    assert_eq!(pages, 200, "the first 200 mentioned");
    assert!(site.exists("entities/cve/2024/cve-2024-10000.html"));
    assert!(site.exists("entities/cve/2024/cve-2024-10199.html"));
    assert!(!site.exists("entities/cve/2024/cve-2024-10200.html"));
    // Mentions past the limit are text, not links to pages never built.
    let page = site.html("articles/a-listing-of-cves/index.html");
    assert_eq!(attrs(&page, ".article-body a.entity", "href").len(), 200);
    std::fs::remove_dir_all(site.out_dir()).expect("remove public/");
    let check = site.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
}

// See: issue 11, "20,000 `## same` take 29.5 s" (a quadratic id dedupe).
#[test]
fn twenty_thousand_same_headings_get_numbered_ids() {
    let site = SiteTest::fixture("cost");
    let mut body = String::from("## same-3\n\n");
    body.push_str(&"## same\n\n".repeat(20_000));
    site.write("content/headings.md", &article("Headings", "", &body));
    site.build_ok();
    let page = site.html("articles/headings/index.html");
    let ids = attrs(&page, "main h2[id^=same]", "id");
    assert_eq!(ids.len(), 20_001);
    assert_eq!(&ids[..4], ["same-3", "same", "same-2", "same-4"]);
    assert_eq!(ids.last().map(String::as_str), Some("same-20001"));
    let unique: std::collections::HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len());
}

// See: issue 11, "many files with the same title: 10,000 take 39 s".
#[test]
fn many_reports_with_one_title_form_stories_of_bounded_size() {
    let site = SiteTest::fixture("cost");
    site.write(
        "briefing.yaml",
        "title: Cost Digest\nlimits:\n  story_reports: 5\n",
    );
    for i in 0..12 {
        site.write(
            &format!("content/same/{i:02}.md"),
            &article(
                "Weekly roundup of the same breach",
                &format!("source: Outlet {i}\n"),
                "The same breach reported by everyone this week with the same words in it.",
            ),
        );
    }
    let report = site.build_ok();
    // One warning per full story, at its lead, so a reader can tell why
    // one story shows twice.
    let shown: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    for line in &shown {
        assert!(
            line.starts_with("content/same/")
                && line.ends_with(": warning: this story has 5 reports, the most one story takes (`limits.story_reports`); later reports of it start another story\n  help: raise `limits.story_reports` in briefing.yaml to keep them in one"),
            "{line}"
        );
    }
    let files = site.tree_snapshot();
    let pages: Vec<&String> = files
        .keys()
        .filter(|p| p.starts_with("articles/weekly-roundup") && p.ends_with("index.html"))
        .collect();
    assert_eq!(pages.len(), 12, "{pages:?}");
    let mut others: Vec<usize> = pages
        .iter()
        .map(|p| texts(&site.html(p), ".same-story li").len())
        .collect();
    others.sort_unstable();
    // Stories of 5, 5 and 2: each report lists the other members of its own.
    assert_eq!(others, [1, 1, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]);
}

// See: issue 11, "100,000 `[` in front matter: 72 s".
#[test]
fn deep_or_huge_front_matter_is_refused_before_yaml_reads_it() {
    let stderr = refused(&[
        (
            "content/brackets.md",
            format!(
                "---\ntitle: x\ndate: 2024-12-03\ntags: {}\n---\nBody\n",
                "[".repeat(100_000)
            ),
        ),
        (
            "content/deep.md",
            format!(
                "---\ntitle: \"[[[[[[[[[[[[[[[[[[[[ in quotes\"\ndate: 2024-12-03 # [[[[[[[[[[[[[[[[[[[[\ntags: {}\n---\nBody\n",
                "[".repeat(17)
            ),
        ),
    ]);
    assert_eq!(
        stderr,
        "content/brackets.md:5:1: error: front matter is 100033 bytes, more than the limit of 65536 (`limits.front_matter_size`)\n  help: if the file is genuine, raise the limit under `limits:` in briefing.yaml\n\
         content/deep.md:4:23: error: front matter is nested more than 16 levels deep (`limits.front_matter_depth`)\n  help: if the file is genuine, raise the limit under `limits:` in briefing.yaml\n\
         error: 2 files have errors; public/ was not changed"
    );
}

// See: issue 11, "50,000 nested `<div>`: 11.8 s".
#[test]
fn deeply_nested_html_is_refused_at_its_line() {
    let body = format!(
        "Intro.\n\n{}x{}",
        "<div>".repeat(50_000),
        "</div>".repeat(50_000)
    );
    let stderr = refused(&[("content/divs.md", article("Divs", "", &body))]);
    assert_eq!(
        stderr,
        "content/divs.md:7:1: error: HTML nested more than 256 elements deep (`limits.html_depth`); the body is not rendered\n  help: if the page is genuine, raise `limits.html_depth` in briefing.yaml\nerror: 1 file has errors; public/ was not changed"
    );
}

// Found by trying: markdown nests as deep as HTML (`>` quotes took 21 s).
#[test]
fn deeply_nested_markdown_quotes_are_refused_at_their_line() {
    let body = format!("Intro.\n\n{} x", ">".repeat(50_000));
    let stderr = refused(&[("content/quotes.md", article("Quotes", "", &body))]);
    assert_eq!(
        stderr,
        "content/quotes.md:7:257: error: HTML nested more than 256 elements deep (`limits.html_depth`); the body is not rendered\n  help: if the page is genuine, raise `limits.html_depth` in briefing.yaml\nerror: 1 file has errors; public/ was not changed"
    );
}

// Found by trying: a line of 100,000 `[` took 5 s in the link scan.
#[test]
fn a_line_of_unclosed_brackets_is_text() {
    let site = SiteTest::fixture("cost");
    let body = format!(
        "{}[a](https://e.org/) and [b](https://e.org/b)",
        "[".repeat(100_000)
    );
    site.write("content/brackets.md", &article("Brackets", "", &body));
    site.build_ok();
    let page = site.html("articles/brackets/index.html");
    assert_eq!(
        attrs(&page, ".article-body a", "href"),
        ["https://e.org/", "https://e.org/b"]
    );
}

#[test]
fn nesting_in_code_and_old_style_html_are_not_counted() {
    let site = SiteTest::fixture("cost");
    let code = format!(
        "```html\n{}\n```\n\n`{}`",
        "<div>".repeat(1_000),
        "<span>".repeat(500)
    );
    let paragraphs = "<p>unclosed paragraph\n".repeat(400);
    site.write(
        "content/ok.md",
        &article("Quoted markup", "", &format!("{code}\n\n{paragraphs}")),
    );
    let report = site.build_ok();
    assert_eq!(report.diagnostics.iter().count(), 0);
}

#[test]
fn a_file_past_the_size_limit_is_not_read() {
    let stderr = refused(&[(
        "content/huge.md",
        article("Huge", "", &"word ".repeat(600_000)),
    )]);
    assert_eq!(
        stderr,
        "content/huge.md:1:1: error: file is 3000038 bytes, more than the limit of 2097152 (`limits.file_size`); not read\n  help: if the file is genuine, raise `limits.file_size` in briefing.yaml\nerror: 1 file has errors; public/ was not changed"
    );
}

#[test]
fn every_file_past_a_limit_is_reported_in_one_run() {
    let tags: Vec<String> = (0..60).map(|i| format!("t{i}")).collect();
    let stderr = refused(&[
        (
            "content/a-tags.md",
            article("Tags", &format!("tags: [{}]\n", tags.join(", ")), "Body."),
        ),
        (
            "content/b-deep.md",
            format!(
                "---\ntitle: x\ndate: 2024-12-03\ntags: {}\n---\n",
                "{".repeat(40)
            ),
        ),
        ("content/c-huge.md", "x".repeat(3 * 1024 * 1024)),
    ]);
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(
        errors,
        [
            "content/a-tags.md:4:7: error: 60 tags, more than the limit of 50 (`limits.tags_per_article`)",
            "content/b-deep.md:4:23: error: front matter is nested more than 16 levels deep (`limits.front_matter_depth`)",
            "content/c-huge.md:1:1: error: file is 3145728 bytes, more than the limit of 2097152 (`limits.file_size`); not read",
        ]
    );
    assert!(
        stderr.ends_with("error: 3 files have errors; public/ was not changed"),
        "{stderr}"
    );
}
