//! Site overrides of the built-in templates and theme, and how template
//! problems are reported.

use crate::harness::{SiteTest, attrs, entry_titles, sel, texts};

const STORY: &str = "articles/override-test-story/index.html";

/// Builds over a seeded `public/`; asserts exit 1 and `public/` unchanged.
fn failing_build(site: &SiteTest) -> String {
    let before = site.seed_previous_output();
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(site.tree_snapshot(), before, "public/ changed");
    // A template that fails mid-render leaves no staging folder behind.
    assert!(
        site.root_entries()
            .iter()
            .all(|n| !n.starts_with(".public.")),
        "{:?}",
        site.root_entries()
    );
    out.stderr
}

#[test]
fn article_override_is_used_and_other_templates_stay_built_in() {
    let site = SiteTest::fixture("overrides");
    site.build_ok();
    let html = site.html(STORY);
    assert_eq!(
        attrs(&html, "article.custom-article", "data-template"),
        ["override"]
    );
    assert_eq!(texts(&html, "h1.custom-title"), ["Override test story"]);
    assert_eq!(
        texts(&html, "title"),
        ["Override test story (custom) · Briefing"]
    );
    // `extra` carries front-matter keys Briefing does not read itself.
    assert_eq!(
        texts(&html, "p.custom-image"),
        ["https://overrides.example.com/lead.jpg"]
    );
    assert_eq!(html.select(&sel("article.article")).count(), 0);
    // base.html is still the built-in one around it.
    assert_eq!(
        texts(&html, "header.site-header a.site-title"),
        ["Briefing"]
    );
    assert_eq!(
        texts(&html, ".article-body p"),
        [
            "The body of the override test story, long enough to be a real paragraph for the summary finder."
        ]
    );
    // List pages still use the built-in macros.
    assert_eq!(
        entry_titles(&site.html("latest/index.html")),
        ["Override test story"]
    );
    assert_eq!(
        entry_titles(&site.html("tags/testing/index.html")),
        ["Override test story"]
    );
}

#[test]
fn theme_files_are_copied_next_to_the_built_in_ones() {
    let site = SiteTest::fixture("overrides");
    site.build_ok();
    let tree = site.tree_snapshot();
    let fixture = |p: &str| std::fs::read(site.root().join(p)).expect("fixture file");
    assert_eq!(tree["extra.css"], fixture("theme/extra.css"));
    assert_eq!(tree["img/logo.svg"], fixture("theme/img/logo.svg"));
    let builtin = |p: &str| {
        std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("theme")
                .join(p),
        )
        .expect("built-in theme file")
    };
    assert_eq!(tree["style.css"], builtin("style.css"));
    assert_eq!(tree["favicon.svg"], builtin("favicon.svg"));
}

#[test]
fn theme_file_replaces_the_built_in_one_of_the_same_name() {
    let site = SiteTest::fixture("overrides");
    site.write("theme/style.css", "body { color: rebeccapurple; }\n");
    site.build_ok();
    assert_eq!(site.read("style.css"), "body { color: rebeccapurple; }\n");
}

#[test]
fn theme_file_clashing_with_a_generated_page_is_an_error() {
    let site = SiteTest::fixture("overrides");
    site.write("theme/rss.xml", "<rss/>\n");
    let stderr = failing_build(&site);
    insta::assert_snapshot!(stderr);
}

#[test]
fn broken_template_override_is_reported_at_its_line_and_column() {
    let site = SiteTest::fixture("overrides");
    site.write(
        "templates/list.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ heading }}</h1>\n{% for e in entries %}\n<p>{{ e.title }</p>\n{% endfor %}\n{% endblock main %}\n",
    );
    let stderr = failing_build(&site);
    assert!(
        stderr.starts_with("templates/list.html:5:15: error: template error:"),
        "{stderr}"
    );
    insta::assert_snapshot!(stderr);
}

#[test]
fn template_runtime_error_names_the_override() {
    let site = SiteTest::fixture("overrides");
    site.write(
        "templates/article.html",
        "{% extends \"base.html\" %}\n{% block title %}x{% endblock title %}\n{% block main %}\n{{ entry.no_such_field }}\n{% endblock main %}\n",
    );
    let stderr = failing_build(&site);
    insta::assert_snapshot!(stderr);
}

/// Pest's pointer art is meant to be dropped from the one-line message
/// (render/templates.rs, `tera_diagnostic`), but its ` --> L:C` header sits
/// on the first line after the cause chain is joined, so it stays:
/// `Failed to parse 'list.html':  --> 5:15 = expected ...`.
#[test]
fn template_parse_message_has_no_pest_residue() {
    let site = SiteTest::fixture("overrides");
    site.write("templates/404.html", "ok\n{% if %}\n");
    let stderr = failing_build(&site);
    let first = stderr.lines().next().expect("a diagnostic");
    assert!(
        first.starts_with("templates/404.html:2:7: error: template error: "),
        "{first}"
    );
    assert!(!first.contains("-->"), "{first}");
    assert!(!first.contains("  "), "double space: {first}");
}

/// The README says `article.html` gets `entry`, `content`, ... and "every page
/// gets `site` and `url`", but the built-in base.html renders `{{ title }}`
/// in its title block, and article pages have no `title`. An article override
/// that extends base.html without redefining `block title` (the natural
/// minimal override) fails with "Variable `title` not found in context while
/// rendering 'article.html'", blamed on the override.
#[test]
fn minimal_article_override_extending_base_renders() {
    let site = SiteTest::fixture("overrides");
    site.write(
        "templates/article.html",
        "{% extends \"base.html\" %}\n{% block main %}<h1 class=\"minimal\">{{ entry.title }}</h1>{{ content | safe }}{% endblock main %}\n",
    );
    let report = site.build();
    assert!(
        report.is_ok(),
        "{}",
        report
            .err()
            .map(|f| crate::harness::diagnostics_text(&f))
            .unwrap_or_default()
    );
    let html = site.html(STORY);
    assert_eq!(texts(&html, "h1.minimal"), ["Override test story"]);
    assert_eq!(texts(&html, "title"), ["Override test story · Briefing"]);
}

/// When one override is broken, Templates::load re-checks each override on
/// top of the built-ins alone; an override that extends another *new*
/// template of the site (`layout.html`) then fails that check and is
/// reported too, although nothing is wrong with it.
#[test]
fn only_the_broken_override_is_blamed() {
    let site = SiteTest::fixture("overrides");
    site.write(
        "templates/layout.html",
        "{% extends \"base.html\" %}\n{% block title %}{{ entry.title }}{% endblock title %}\n{% block main %}<div class=\"layout\">{% block inner %}{% endblock inner %}</div>{% endblock main %}\n",
    );
    site.write(
        "templates/article.html",
        "{% extends \"layout.html\" %}\n{% block inner %}<h1>{{ entry.title }}</h1>{% endblock inner %}\n",
    );
    // The pair is fine on its own.
    site.build_ok();
    assert_eq!(
        texts(&site.html(STORY), "div.layout h1"),
        ["Override test story"]
    );
    site.write("templates/404.html", "ok\n{% if %}\n");
    let failure = site.build().expect_err("404.html is broken");
    let blamed: Vec<String> = failure
        .diagnostics
        .iter()
        .map(|d| d.location.path.to_string_lossy().into_owned())
        .collect();
    assert_eq!(blamed, ["templates/404.html"]);
}

/// An `entry` macro with a mark of its own, and the other macros the
/// built-in lists call.
const MARKED_MACROS: &str = r#"{% macro entry(e, level=2) %}<article class="entry custom-entry" data-level="{{ level }}"><h{{ level }} class="entry-title"><a href="{{ e.url }}">{{ e.title }}</a></h{{ level }}></article>{% endmacro entry %}
{% macro pagination(p) %}<nav class="pagination">{{ p.current }}</nav>{% endmacro pagination %}
{% macro neighbours(n, label) %}<nav class="neighbours" aria-label="{{ label }}"></nav>{% endmacro neighbours %}
"#;

/// An article every kind of list shows: its tag, source, week, the latest
/// stories and its CVE's page ([`ADVISORY_LISTS`]).
const ADVISORY: &str = "---\ntitle: Patch for CVE-2024-31337 released\nurl: https://overrides.example.com/advisory\nsource: Override Times\ndate: 2024-05-02\ntags: [testing]\nimage: https://overrides.example.com/patch.jpg\n---\nThe vendor fixed CVE-2024-31337 in version 2.4.1, and asks every user to update at once.\n";

/// The list and entity pages that show [`ADVISORY`].
const ADVISORY_LISTS: [&str; 5] = [
    "tags/testing/index.html",
    "sources/override-times/index.html",
    "latest/index.html",
    "weeks/2024-W18/index.html",
    "entities/cve/2024/cve-2024-31337.html",
];

/// Each entry's list markup is made once and shared by every page that
/// lists it (render::StoryLists); an override of the `entry` macro must
/// still reach every list: tag, source, latest, week and entity pages.
#[test]
fn an_entry_macro_override_reaches_every_list_and_entity_page() {
    let site = SiteTest::fixture("overrides");
    site.write("templates/macros.html", MARKED_MACROS);
    site.write("content/advisory.md", ADVISORY);
    site.build_ok();
    for page in ADVISORY_LISTS {
        let html = site.html(page);
        let marked = texts(&html, "article.custom-entry .entry-title a");
        assert!(
            marked.contains(&"Patch for CVE-2024-31337 released".to_owned()),
            "{page}: {marked:?}"
        );
        assert_eq!(
            html.select(&sel("article.entry:not(.custom-entry)"))
                .count(),
            0,
            "{page} has a built-in entry"
        );
        assert_eq!(attrs(&html, "article.custom-entry", "data-level")[0], "2");
    }
}

/// A broken `entry` macro is not papered over by the shared markup: the
/// build fails, naming the override, and the previous site stays.
#[test]
fn a_broken_entry_macro_fails_the_build_and_names_the_override() {
    let site = SiteTest::fixture("overrides");
    site.write(
        "templates/macros.html",
        &MARKED_MACROS.replace("{{ e.title }}", "{{ e.no_such_field }}"),
    );
    let stderr = failing_build(&site);
    let first = stderr.lines().next().expect("a diagnostic");
    assert!(first.starts_with("templates/macros.html"), "{stderr}");
    assert!(first.contains("no_such_field"), "{stderr}");
}

/// The built-in list and entity pages print only an entry's shared markup,
/// so they get nothing else; a site's page template that reads `entries`
/// must still get every field of every entry, on every page that lists it.
#[test]
fn page_overrides_that_read_entries_get_every_field() {
    let site = SiteTest::fixture("overrides");
    let fields = "{% block main %}{% for e in entries %}<p class=\"fields\">{{ e.title }} | {{ e.date_display }} | {{ e.url }}</p>{% endfor %}{{ super() }}{% endblock main %}";
    site.write(
        "templates/list.html",
        &format!("{{% extends \"briefing/list.html\" %}}\n{fields}\n"),
    );
    site.write(
        "templates/entity.html",
        &format!("{{% extends \"briefing/entity.html\" %}}\n{fields}\n"),
    );
    site.write("content/advisory.md", ADVISORY);
    site.build_ok();
    // The first page to list an entry makes its shared markup, the later
    // ones reuse it: every one of them must still give every field.
    for page in ADVISORY_LISTS {
        let html = site.html(page);
        let shown = texts(&html, "p.fields");
        assert!(
            shown.iter().any(|t| t
                .starts_with("Patch for CVE-2024-31337 released | 2 May 2024 | /")
                && t.ends_with("/articles/patch-for-cve-2024-31337-released/")),
            "{page}: {shown:?}"
        );
        assert!(
            entry_titles(&html).contains(&"Patch for CVE-2024-31337 released".to_owned()),
            "{page}: the built-in list is gone"
        );
    }
}

/// The frame every page shares (`site_header.html`, `site_footer.html` and
/// the rest) is rendered once per build, and an override of it reaches every
/// HTML page: articles, lists, entity pages and the 404 alike.
#[test]
fn a_chrome_override_reaches_every_page() {
    let site = SiteTest::fixture("overrides");
    site.write(
        "templates/site_footer.html",
        "<footer class=\"site-footer\"><p class=\"own-footer\">{{ site.title }} footer</p></footer>\n",
    );
    site.write(
        "templates/site_search.html",
        "<p class=\"own-search\"><a href=\"{{ site.search_url }}\">Find</a></p>\n",
    );
    site.build_ok();
    let pages = [
        "index.html",
        "latest/index.html",
        "404.html",
        STORY,
        "tags/index.html",
    ];
    for page in pages {
        let html = site.html(page);
        assert_eq!(texts(&html, "p.own-footer"), ["Briefing footer"], "{page}");
        // The header up to the search box is still the built-in one.
        assert_eq!(
            texts(&html, "header.site-header a.site-title"),
            ["Briefing"],
            "{page}"
        );
    }
    // The search page keeps its own block instead of the header's box.
    assert_eq!(
        site.html("index.html").select(&sel("p.own-search")).count(),
        1
    );
    assert_eq!(
        site.html("search/index.html")
            .select(&sel("p.own-search"))
            .count(),
        0
    );
}

/// The chrome templates see `site` alone: a page's variable there is an
/// error naming the override, and the build writes nothing.
#[test]
fn a_chrome_override_that_reads_a_page_variable_is_an_error() {
    let site = SiteTest::fixture("overrides");
    site.write(
        "templates/site_header.html",
        "<header class=\"site-header\"><div class=\"wrap\">{{ title }}\n",
    );
    let stderr = failing_build(&site);
    assert!(
        stderr.starts_with("templates/site_header.html: error: template error:"),
        "{stderr}"
    );
    assert!(stderr.contains("title"), "{stderr}");
}
