//! Regression inputs for the fuzz target (`fuzz/fuzz_targets/render_one.rs`):
//! every file in `tests/fuzz/render_one/` goes through the same per-file
//! pipeline, [`briefing::render_one`], then `check`'s scan. None may panic,
//! and whatever renders stays within a bounded size.

use std::path::Path;

use briefing::config::SiteConfig;

#[test]
fn fuzz_regression_inputs_never_panic_and_stay_bounded() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/render_one");
    let site = SiteConfig::default();
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("regression inputs")
        .map(|e| e.expect("entry").path())
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 7, "{inputs:?}");
    for input in inputs {
        let bytes = std::fs::read(&input).expect("read input");
        // The fuzz target skips bytes that are not UTF-8; so do we.
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let name = input.display().to_string();
        if let Ok(files) = briefing::render_one(Path::new("content/fuzz.md"), text, &site) {
            let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
            assert!(
                bytes < 20 * text.len().max(1_000_000),
                "{name}: {bytes} bytes"
            );
            let _ =
                briefing::verify::site(&files, &site.base_url, Path::new("public"), &|_, _| None);
        }
    }
}
