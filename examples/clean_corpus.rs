//! How much boilerplate cleaning removes from each page, and where the kept
//! body starts and ends: the figures in the closing note of issue 3.
//!
//! ```sh
//! cargo run --release --example clean_corpus -- ../shared/corpus/scraped/*--*.md ../shared/corpus/real/*--*.md
//! ```
//!
//! Prints, per file, the body's size before and after (in bytes) with the
//! kept share, the first and last kept line, and whether the original was
//! kept whole; then the totals.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use briefing::enrich::boilerplate::{SourceRules, clean};

fn main() {
    let (mut before, mut after) = (0usize, 0usize);
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{path}: cannot read");
            continue;
        };
        let Ok(fm) = briefing::front_matter::parse(&text) else {
            eprintln!("{path}: no front matter");
            continue;
        };
        let title = fm
            .fields
            .iter()
            .find(|f| f.key == "title")
            .and_then(|f| f.value.as_str())
            .unwrap_or_default()
            .to_owned();
        let body = &text[fm.body_offset..];
        let cleaned = clean(body, &title, &SourceRules::default());
        before += body.len();
        after += cleaned.markdown.len();
        let line = |l: Option<&str>| l.unwrap_or("").chars().take(90).collect::<String>();
        println!(
            "{:>6} -> {:>6} ({:>3}%) {}{}\n    FIRST: {}\n    LAST:  {}",
            body.len(),
            cleaned.markdown.len(),
            cleaned.markdown.len() * 100 / body.len().max(1),
            path.rsplit('/').next().unwrap_or(&path),
            cleaned
                .kept_original
                .map(|r| format!("  KEPT WHOLE: {r}"))
                .unwrap_or_default(),
            line(cleaned.markdown.lines().next()),
            line(cleaned.markdown.lines().last()),
        );
    }
    println!("total {before} -> {after} bytes");
}
