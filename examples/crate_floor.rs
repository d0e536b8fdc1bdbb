//! What the crates Briefing is built on cost by themselves, for a corpus of
//! a given size: the part of a build no change to Briefing's own code can
//! take away, short of doing less.
//!
//! Takes a content folder and a page count (the pages a build of it
//! renders; `briefing build` prints it). On one thread, each timed apart:
//! - Briefing's own cleaning of every body (the one stage here that is not
//!   a crate; it is timed for the comparison, not counted in the floor);
//! - pulldown-cmark turns every cleaned body into HTML (all options, as
//!   enrich);
//! - ammonia sanitises that HTML with its default allow-lists (enrich runs
//!   it with narrower ones);
//! - Tera renders the built-in `404.html`, the smallest page there is (the
//!   built-in `base.html` header and footer around two lines), once per
//!   page of the site, from the same typed view every page gets.
//!
//! Every page of the real site does at least that much Tera work, and every
//! body at least that much markdown and sanitising, so the sum divided by
//! the cores is a floor for the wall time of those three alone.
//!
//! ```sh
//! cargo run --release --example crate_floor -- CONTENT PAGES
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::path::PathBuf;
use std::time::Instant;

use briefing::config::SiteConfig;
use briefing::enrich::boilerplate::{SourceRules, clean};
use briefing::render::Templates;
use briefing::render::view::{PlainPage, SiteChrome, SiteView, Urls};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [content, pages] = args.as_slice() else {
        eprintln!("usage: crate_floor CONTENT PAGES");
        std::process::exit(2);
    };
    let Ok(pages) = pages.parse::<usize>() else {
        eprintln!("PAGES: not a number: {pages}");
        std::process::exit(2);
    };
    // (title, body) of every page, split as a build splits them.
    let pages_read: Vec<(String, String)> = walkdir::WalkDir::new(PathBuf::from(content))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .filter_map(|text| {
            let fm = briefing::front_matter::parse(&text).ok()?;
            let title = fm
                .fields
                .iter()
                .find(|f| f.key == "title")
                .and_then(|f| f.value.as_str())
                .unwrap_or_default()
                .to_owned();
            Some((title, text[fm.body_offset..].to_owned()))
        })
        .collect();

    let clock = Instant::now();
    let rules = SourceRules::default();
    let bodies: Vec<String> = pages_read
        .iter()
        .map(|(title, body)| clean(body, title, &rules).markdown)
        .collect();
    let cleaning = clock.elapsed().as_secs_f64();

    let clock = Instant::now();
    let html: Vec<String> = bodies
        .iter()
        .map(|body| {
            let mut out = String::with_capacity(body.len() * 3 / 2);
            let parser = pulldown_cmark::Parser::new_ext(body, pulldown_cmark::Options::all());
            pulldown_cmark::html::push_html(&mut out, parser);
            out
        })
        .collect();
    let markdown = clock.elapsed().as_secs_f64();

    let clock = Instant::now();
    let clean_bytes: usize = html.iter().map(|h| ammonia::clean(h).len()).sum();
    let sanitise = clock.elapsed().as_secs_f64();

    let templates = Templates::builtin().expect("the built-in templates parse");
    let config = SiteConfig::default();
    let base = url::Url::parse("https://digest.example/threat-digest/").expect("a URL");
    let urls = Urls::new(&base);
    // The frame every page shares is made once, as a build makes it.
    let chrome =
        SiteChrome::render(&templates, &config, &urls).expect("the built-in chrome renders");
    let site = SiteView::new(&config, &urls, &chrome);
    let clock = Instant::now();
    let mut page_bytes = 0;
    for n in 0..pages {
        let page = PlainPage {
            site: &site,
            title: format!("Page {n}"),
            url: urls.to(&format!("entities/cve/2024/cve-2024-{n}.html")),
        };
        page_bytes += templates
            .render("404.html", &page)
            .expect("the built-in 404 page renders")
            .len();
    }
    let tera = clock.elapsed().as_secs_f64();

    let total = markdown + sanitise + tera;
    println!(
        "{} bodies, {pages} pages ({clean_bytes} bytes sanitised, {page_bytes} bytes of pages)",
        bodies.len()
    );
    println!("cleaning        {cleaning:.2} s (Briefing's own; not in the sum)");
    println!("pulldown-cmark  {markdown:.2} s");
    println!("ammonia         {sanitise:.2} s");
    println!(
        "tera            {tera:.2} s ({:.1} µs a page)",
        tera * 1e6 / pages.max(1) as f64
    );
    println!(
        "sum             {total:.2} s of CPU; {:.2} s of wall on 2 cores",
        total / 2.0
    );
}
