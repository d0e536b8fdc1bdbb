//! Two builds of the same input are byte-identical, whatever the number of
//! threads and whichever entry point (library or binary) ran them.

use crate::harness::{SiteTest, tree};

#[test]
fn two_library_builds_are_byte_identical() {
    let site = SiteTest::fixture("mixed");
    site.build_ok();
    let first = site.tree_snapshot();
    assert!(first.len() > 40, "{} files", first.len());
    site.build_ok();
    let second = site.tree_snapshot();
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(second[path] == *bytes, "{path} differs between builds");
    }
}

#[test]
fn thread_count_does_not_change_the_output() {
    let site = SiteTest::fixture("mixed");
    let runs = [
        ("out-1", Some("1")),
        ("out-8", Some("8")),
        ("out-default", None),
    ];
    for (dir, threads) in runs {
        let env: Vec<(&str, &str)> = threads
            .map(|t| ("RAYON_NUM_THREADS", t))
            .into_iter()
            .collect();
        let out = site.run_with_env(&["build", "-o", dir], &env);
        assert_eq!(out.code, 0, "{dir}: {}", out.stderr);
    }
    let one = tree(&site.root().join("out-1"));
    assert!(one.len() > 40, "{} files", one.len());
    for other in ["out-8", "out-default"] {
        let t = tree(&site.root().join(other));
        assert_eq!(
            one.keys().collect::<Vec<_>>(),
            t.keys().collect::<Vec<_>>(),
            "{other}"
        );
        for (path, bytes) in &one {
            assert!(t[path] == *bytes, "{other}/{path} differs from out-1");
        }
    }
}

#[test]
fn library_and_binary_builds_agree() {
    let a = SiteTest::fixture("mixed");
    a.build_ok();
    let b = SiteTest::fixture("mixed");
    let out = b.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(a.tree_snapshot() == b.tree_snapshot());
}

#[test]
fn output_does_not_depend_on_where_the_site_lives() {
    // Two copies in different temporary folders: no absolute path of the
    // machine leaks into the output.
    let a = SiteTest::fixture("subpath");
    let b = SiteTest::fixture("subpath");
    a.build_ok();
    b.build_ok();
    assert!(a.tree_snapshot() == b.tree_snapshot());
    for (path, bytes) in a.tree_snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(&*a.root().to_string_lossy()),
            "{path} contains the site's path"
        );
    }
}

#[test]
fn the_written_site_is_exactly_the_site_rendered_in_memory() {
    // `build` writes each file as it renders; `check` renders into memory.
    // Both must give the same files, byte for byte, plus the manifest.
    let site = SiteTest::fixture("intel");
    site.write("theme/extra.css", "body { color: red }\n");
    site.build_ok();
    let written = site.tree_snapshot();
    let rendered = briefing::render(&site.options(&Default::default())).expect("render");
    let mut expected: std::collections::BTreeMap<String, Vec<u8>> = rendered
        .files
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect();
    let manifest = written
        .get(".briefing-output")
        .expect("the manifest")
        .clone();
    let listed: serde_json::Value = serde_json::from_slice(&manifest).expect("manifest JSON");
    let listed: Vec<String> = listed["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|v| v.as_str().expect("path").to_owned())
        .collect();
    assert_eq!(listed, expected.keys().cloned().collect::<Vec<_>>());
    expected.insert(".briefing-output".to_owned(), manifest);
    assert_eq!(written, expected);
}
