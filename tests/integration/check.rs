//! `briefing check`: the whole build in memory, then links, anchors and
//! feeds checked, nothing written.

use crate::harness::SiteTest;

#[test]
fn check_passes_a_good_site_and_writes_nothing() {
    let site = SiteTest::fixture("mixed");
    let out = site.run(&["check"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!site.out_dir().exists());
}

#[test]
fn check_finds_a_planted_broken_link_and_anchor() {
    let site = SiteTest::fixture("mixed");
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}\n{% block main %}<h1>{{ title }}</h1>\n<p><a href=\"{{ site.home_url }}no-such-page/\">x</a> <a href=\"{{ site.tags_url }}#nowhere\">y</a></p>\n{% endblock main %}\n",
    );
    let out = site.run(&["check"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let errors: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains(": error: "))
        .collect();
    assert_eq!(
        errors,
        [
            "public/404.html:35:13: error: broken link `/no-such-page/`: nothing is built at `no-such-page/index.html`",
            "public/404.html:35:44: error: broken anchor `/tags/#nowhere`: `tags/index.html` has no id `nowhere`",
        ]
    );
    // `build` does not run these checks: the same site builds.
    assert_eq!(site.run(&["build"]).code, 0);
}

#[test]
fn check_finds_a_planted_bad_feed() {
    let site = SiteTest::fixture("mixed");
    site.write(
        "templates/rss.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>{{ title }}</title>\n{% for item in items %}<item><title>{{ item.title }}</title><link>{{ item.link }}</link></item>\n{% endfor %}</channel></rss>\n",
    );
    let out = site.run(&["check"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("public/rss.xml:1:1: error: feed has no self link (rel=\"self\")"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("public/rss.xml:3:1: error: feed item has no <guid>"),
        "{}",
        out.stderr
    );
}
