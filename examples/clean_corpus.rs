//! How much boilerplate cleaning removes from each page, and where the kept
//! body starts and ends: the figures in the closing note of issue 3.
//!
//! ```sh
//! cargo run --release --example clean_corpus -- ../shared/corpus/scraped/*--*.md ../shared/corpus/real/*--*.md
//! ```
//!
//! Prints, per file, the body's size before and after (in bytes) with the
//! kept share, the first and last kept line, and whether the original was
//! kept whole; then the totals. With `--lines` first, it prints every line
//! of each body instead, marked `+` when kept and `-` when removed, to see
//! where a page's cut falls.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use briefing::enrich::boilerplate::{SourceRules, clean};

fn main() {
    let (mut before, mut after) = (0usize, 0usize);
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let per_line = args.first().is_some_and(|a| a == "--lines");
    if per_line {
        args.remove(0);
    }
    for path in args {
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
        if per_line {
            print_lines(&path, body, &cleaned);
            continue;
        }
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

/// Every line of `body`, `+` when the cleaned text keeps it (matched in
/// order, so a repeated line is counted once per kept copy), `-` otherwise,
/// with the reason it went.
fn print_lines(path: &str, body: &str, cleaned: &briefing::enrich::boilerplate::Cleaned) {
    println!("== {path}");
    let mut kept = cleaned
        .markdown
        .lines()
        .filter(|l| !l.trim().is_empty())
        .peekable();
    let why = |n: usize| {
        cleaned
            .removals
            .iter()
            .find(|r| (r.first..=r.last).contains(&n))
            .map_or("", |r| r.reason.as_str())
    };
    for (n, line) in body.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let (mark, reason) = if kept.peek() == Some(&line) {
            kept.next();
            ('+', "")
        } else {
            ('-', why(n + 1))
        };
        println!(
            "{mark}{:>5} {}{}",
            n + 1,
            line.chars().take(110).collect::<String>(),
            if reason.is_empty() {
                String::new()
            } else {
                format!("  <- {reason}")
            }
        );
    }
}
