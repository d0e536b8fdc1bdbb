//! Links an editor can trust (issue 11): a hand-written entry's links are
//! kept as written and `check` reports the broken ones; a scraped page's
//! relative links still resolve against its `url`; HTML quoted in code is
//! text, never a link, for `check` and for feeds alike.

use crate::harness::{SiteTest, attrs, tree};

/// `check` over the `cost` fixture with `files` added: asserts it wrote
/// nothing and left `content/` alone; gives (exit code, error lines).
fn check(site: &SiteTest) -> (i32, Vec<String>) {
    let content = tree(&site.root().join("content"));
    let out = site.run(&["check"]);
    assert!(!site.out_dir().exists(), "check wrote public/");
    assert_eq!(tree(&site.root().join("content")), content);
    let errors = out
        .stderr
        .lines()
        .filter(|l| l.contains(": error: "))
        .map(str::to_owned)
        .collect();
    (out.code, errors)
}

#[test]
fn an_editors_link_to_a_missing_page_is_kept_and_checked() {
    let site = SiteTest::fixture("cost");
    site.write(
        "content/editorial/see.md",
        "---\ntitle: See this\ndate: 2024-12-03\n---\nSee [this](/no/such/page/) and [the good one](/articles/a-good-article-that-always-builds/).\n\nAlso [that one][gone] and <a href=\"/tags/#nowhere\">an anchor</a>.\n\n[gone]: /gone/\n",
    );
    site.build_ok();
    let page = site.html("articles/see-this/index.html");
    assert_eq!(
        attrs(&page, ".article-body a", "href"),
        [
            "/no/such/page/",
            "/articles/a-good-article-that-always-builds/",
            "/gone/",
            "/tags/#nowhere"
        ]
    );
    std::fs::remove_dir_all(site.out_dir()).expect("remove public/");
    let (code, errors) = check(&site);
    assert_eq!(code, 1);
    // Reported where the editor wrote them, each with the page it is on.
    assert_eq!(
        errors,
        [
            "content/editorial/see.md:5:12: error: broken link `/no/such/page/`: nothing is built at `no/such/page/index.html`",
            "content/editorial/see.md:7:36: error: broken anchor `/tags/#nowhere`: `tags/index.html` has no id `nowhere`",
            "content/editorial/see.md:9:9: error: broken link `/gone/`: nothing is built at `gone/index.html`",
        ]
    );
    let out = site.run(&["check"]);
    assert!(
        out.stderr.contains(
            "content/editorial/see.md:5:12: error: broken link `/no/such/page/`: nothing is built at `no/such/page/index.html`\n  help: it is on public/articles/see-this/index.html:70:17\n"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn a_scraped_pages_relative_links_still_resolve_against_its_url() {
    let site = SiteTest::fixture("cost");
    site.write(
        "content/scraped.md",
        "---\ntitle: Scraped\nurl: https://news.example/2024/12/story.html\nsource: News\ndate: 2024-12-03\nfetch_date: 2024-12-03\n---\nA paragraph about the [advisory](/advisories/1.html) and the [patch](../patch.html) that has enough words.\n",
    );
    site.build_ok();
    let page = site.html("articles/scraped/index.html");
    assert_eq!(
        attrs(&page, ".article-body a", "href"),
        [
            "https://news.example/advisories/1.html",
            "https://news.example/2024/patch.html"
        ]
    );
}

#[test]
fn html_quoted_in_code_is_not_a_link() {
    let site = SiteTest::fixture("cost");
    site.write(
        "content/editorial/code.md",
        "---\ntitle: Quoted markup\ndate: 2024-12-03\n---\nThe panel answers `<a href=\"/admin/\">` to anyone.\n\n```html\n<a href=\"/admin/\">admin</a>\n<img src=\"/x.png\">\n```\n",
    );
    let (code, errors) = check(&site);
    assert_eq!((code, errors), (0, Vec::<String>::new()));
    site.build_ok();
    let page = site.read("articles/quoted-markup/index.html");
    assert!(
        page.contains("<code>&lt;a href=\"/admin/\"&gt;</code>"),
        "{page}"
    );
    let feed = site.feed("atom.xml");
    let entry = feed
        .entries
        .iter()
        .find(|e| {
            e.title
                .as_ref()
                .is_some_and(|t| t.content == "Quoted markup")
        })
        .expect("the entry");
    let html = entry
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .expect("content");
    assert!(
        html.contains("<code>&lt;a href=\"/admin/\"&gt;</code>"),
        "{html}"
    );
    assert!(!html.contains("127.0.0.1:1111/admin/"), "{html}");
    assert!(!html.contains("127.0.0.1:1111/x.png"), "{html}");
}
