//! Fuzzes the per-file pipeline: any bytes as one article file, through
//! front matter, article, enrichment and rendering (its page and feed items),
//! then `check`'s link and feed scan over what was rendered. It must never
//! panic, and the limits keep every input's cost bounded (a slow input shows
//! as a libFuzzer timeout).

#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use briefing::config::SiteConfig;
use libfuzzer_sys::fuzz_target;

static SITE: LazyLock<SiteConfig> = LazyLock::new(SiteConfig::default);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(files) = briefing::render_one(Path::new("content/fuzz.md"), text, &SITE) {
        let _ = briefing::verify::site(&files, &SITE.base_url, Path::new("public"), &|_, _| None);
    }
});
