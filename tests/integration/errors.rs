//! Sites with errors: exit code 1, every diagnostic with its `path:line:col`
//! (reviewed snapshots of the normalised stderr), and a previous `public/`
//! left byte-for-byte as it was.

use std::collections::BTreeSet;
use std::path::PathBuf;

use briefing::config::{self, Overrides};

use crate::harness::{SiteTest, diagnostics_text};

/// Builds `fixture` over a seeded `public/` with the binary; asserts exit 1,
/// an unchanged `public/` and no staging folder left behind; gives stderr.
fn failing_build(site: &SiteTest) -> String {
    let before = site.seed_previous_output();
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert_eq!(
        site.tree_snapshot(),
        before,
        "public/ changed by a failed build"
    );
    let leftovers: Vec<String> = site
        .root_entries()
        .into_iter()
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
    out.stderr
}

#[test]
fn bad_yaml_is_reported_at_its_line_and_column() {
    let site = SiteTest::fixture("invalid/bad_yaml");
    let stderr = failing_build(&site);
    insta::assert_snapshot!(stderr);
}

#[test]
fn unclosed_front_matter_points_at_the_opening_fence() {
    let site = SiteTest::fixture("invalid/unclosed");
    let stderr = failing_build(&site);
    insta::assert_snapshot!(stderr);
}

#[test]
fn impossible_date_points_at_the_value() {
    let site = SiteTest::fixture("invalid/bad_date");
    let stderr = failing_build(&site);
    insta::assert_snapshot!(stderr);
}

#[test]
fn missing_title_is_an_error_with_a_hint() {
    let site = SiteTest::fixture("invalid/missing_title");
    let stderr = failing_build(&site);
    insta::assert_snapshot!(stderr);
}

#[test]
fn every_bad_file_is_reported_in_one_run() {
    let site = SiteTest::fixture("invalid/many_bad");
    let stderr = failing_build(&site);
    insta::assert_snapshot!(stderr);

    // The library gives the same set, sorted by path and line; the good
    // files are not mentioned.
    let failure = site.build().expect_err("many_bad must fail");
    let paths: BTreeSet<PathBuf> = failure
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.location.path.clone())
        .collect();
    let expected: BTreeSet<PathBuf> = [
        "content/a-yaml.md",
        "content/b-date.md",
        "content/c-no-front-matter.md",
        "content/d-fields.md",
        "content/e-list.md",
        "content/sub/f-unclosed.md",
    ]
    .into_iter()
    .map(PathBuf::from)
    .collect();
    assert_eq!(paths, expected);
    assert_eq!(failure.diagnostics.files_with_errors(), 6);
    assert_eq!(failure.diagnostics.error_count(), 9);
    assert_eq!(
        failure.diagnostics.warning_count(),
        2,
        "the `tgas` typo, the ftp: url"
    );
    let locations: Vec<(PathBuf, Option<usize>)> = failure
        .diagnostics
        .iter()
        .map(|d| (d.location.path.clone(), d.location.line))
        .collect();
    let mut sorted = locations.clone();
    sorted.sort();
    assert_eq!(locations, sorted, "diagnostics sorted by path and line");
    assert_eq!(
        diagnostics_text(&failure),
        stderr
            .lines()
            .take_while(|l| !l.starts_with("error: "))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn check_reports_the_same_problems_without_touching_anything() {
    let site = SiteTest::fixture("invalid/many_bad");
    let build = failing_build(&site);
    let before = site.tree_snapshot();
    let check = site.run(&["check"]);
    assert_eq!(check.code, 1);
    let body = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| !l.starts_with("error: "))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(body(&check.stderr), body(&build));
    assert_eq!(
        check.stderr.lines().last(),
        Some("error: 6 files have errors")
    );
    assert_eq!(site.tree_snapshot(), before);
}

#[test]
fn unknown_config_key_names_the_key() {
    let site = SiteTest::fixture("invalid/unknown_config_key");
    let stderr = failing_build(&site);
    assert!(
        stderr.starts_with("briefing.yaml:3:1: error: unknown field `items_per_pag`"),
        "{stderr}"
    );
    insta::assert_snapshot!(stderr);

    let problems = config::load(site.root(), &Overrides::default()).expect_err("unknown key");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].location.to_string(), "briefing.yaml:3:1");
}

#[test]
fn every_bad_config_value_is_reported_at_its_key() {
    let site = SiteTest::fixture("invalid/unknown_config_key");
    site.write(
        "briefing.yaml",
        "title: Bad values\nbase_url: ftp://example.org/\ntimezone: Mars/Olympus\nitems_per_page: 0\nfeed_limit: 0\n",
    );
    let stderr = failing_build(&site);
    insta::assert_snapshot!(stderr);
}

#[test]
fn content_and_template_errors_are_reported_together() {
    let site = SiteTest::fixture("invalid/bad_date");
    site.write(
        "templates/index.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{% for e in entries %}\n{% endblock main %}\n",
    );
    let stderr = failing_build(&site);
    insta::assert_snapshot!(stderr);
}

#[test]
fn missing_content_folder_is_one_clear_error() {
    let site = SiteTest::fixture("invalid/bad_date");
    std::fs::remove_dir_all(site.root().join("content")).expect("remove content");
    let stderr = failing_build(&site);
    insta::assert_snapshot!(stderr);
}

#[test]
fn usage_errors_exit_2_and_build_nothing() {
    let site = SiteTest::fixture("invalid/bad_date");
    for args in [
        &["frobnicate"][..],
        &["check", "--output", "x"],
        &["build", "--no-such-flag"],
        &[],
    ] {
        let out = site.run(args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.contains("Usage: briefing"),
            "{args:?}: {}",
            out.stderr
        );
    }
    assert!(!site.out_dir().exists());
}

#[test]
fn library_failure_carries_located_diagnostics() {
    let site = SiteTest::fixture("invalid/bad_date");
    let failure = site.build().expect_err("bad date");
    let shown: Vec<String> = failure.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        shown,
        [
            "content/feb30.md:4:7: error: invalid `date` `2024-02-30`: not a calendar date\n  help: use YYYY-MM-DD, RFC 3339 (2024-12-03T09:30:00Z), YYYY-MM-DDTHH:MM:SS[.ffffff] or YYYY-MM-DD HH:MM:SS +ZZZZ"
        ]
    );
    assert!(!site.out_dir().exists(), "nothing written");
}
