//! Micro-benchmarks of the stages that dominate a build's CPU time: parse,
//! enrich (cleaning, markdown, entities), group (slugs, groups, stories,
//! related) and render, over a synthetic scraped corpus made here, so the
//! benches need nothing outside the repo.
//!
//! ```sh
//! cargo bench --bench stages            # all
//! cargo bench --bench stages -- group   # one stage
//! ```
//! Each stage runs at two sizes: a cost per article that grows with the
//! size shows something worse than linear.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;

use briefing::article;
use briefing::config::SiteConfig;
use briefing::enrich::{self, entities::Kev, entities::Watchlist};
use briefing::load::{OutsideLinks, SourceFile};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const SOURCES: [&str; 6] = [
    "Kernel Watch",
    "Breach Ledger",
    "Red Team Review",
    "Patch Desk",
    "Threat Post Daily",
    "Cyber Wire Notes",
];
const TAGS: [&str; 8] = [
    "ransomware",
    "phishing",
    "patch-tuesday",
    "botnet",
    "nation-state",
    "supply-chain",
    "zero-day",
    "cloud",
];
const WORDS: [&str; 16] = [
    "attackers",
    "exploited",
    "appliance",
    "firmware",
    "credentials",
    "campaign",
    "researchers",
    "vulnerability",
    "patched",
    "servers",
    "payload",
    "loader",
    "operators",
    "victims",
    "network",
    "advisory",
];

/// A small deterministic generator (xorshift), so every run benches the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next() % from.len()]
    }
}

/// `n` scraped pages: menus, share links and a footer around a few
/// paragraphs that name CVEs and ATT&CK techniques; about one in four
/// shares its story with an earlier page.
fn corpus(n: usize) -> Vec<SourceFile> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    (0..n)
        .map(|i| {
            let story = if i % 4 == 3 { i - 1 } else { i };
            let source = rng.pick(&SOURCES);
            let day = 1 + story % 28;
            let month = 1 + (story / 28) % 12;
            let title = format!(
                "{} {} {} in {} campaign {story}",
                rng.pick(&WORDS),
                rng.pick(&WORDS),
                rng.pick(&WORDS),
                rng.pick(&WORDS)
            );
            let mut body = String::from(
                "* [Home](/)\n* [News](/news/)\n* [Webinars](/webinars/)\n* [Contact](/contact/)\n\n",
            );
            body.push_str(&format!("# {title}\n\n"));
            for p in 0..5 {
                let words: Vec<&str> = (0..40).map(|_| rng.pick(&WORDS)).collect();
                body.push_str(&format!(
                    "{} CVE-2024-{:05} and T1{:03} were seen in paragraph {p}.\n\n",
                    words.join(" "),
                    story % 5000 + p,
                    rng.next() % 600
                ));
            }
            body.push_str("Share on [Twitter](https://twitter.example/share) [LinkedIn](https://linkedin.example/share)\n\n");
            body.push_str("© 2024 Example Media. All rights reserved. [Privacy](/privacy/)\n");
            let text = format!(
                "---\ntitle: {title}\nurl: https://{}.example/{story}/{i}.html\nsource: {source}\ndate: 2024-{month:02}-{day:02}\nfetch_date: 2024-12-31T10:00:00\ntags:\n  - {}\n  - {}\n---\n{body}",
                source.to_lowercase().replace(' ', "-"),
                rng.pick(&TAGS),
                rng.pick(&TAGS)
            );
            SourceFile {
                path: PathBuf::from(format!("content/{i:05}.md")),
                text,
            }
        })
        .collect()
}

fn enriched(n: usize, site: &SiteConfig) -> Vec<Arc<enrich::Article>> {
    let (parsed, _) = article::parse_all(corpus(n), site.timezone, &site.limits);
    let (articles, _) = enrich::run(parsed, site, &Watchlist::default());
    articles.into_iter().map(Arc::new).collect()
}

const SIZES: [usize; 2] = [500, 2000];

fn stages(c: &mut Criterion) {
    let site = SiteConfig::default();
    let mut group = c.benchmark_group("stages");
    group.sample_size(10);
    for n in SIZES {
        group.throughput(Throughput::Elements(n as u64));
        let files = corpus(n);
        group.bench_with_input(BenchmarkId::new("parse", n), &files, |b, files| {
            b.iter(|| article::parse_all(black_box(files.clone()), site.timezone, &site.limits))
        });
        let (parsed, _) = article::parse_all(files, site.timezone, &site.limits);
        group.bench_with_input(BenchmarkId::new("enrich", n), &parsed, |b, parsed| {
            b.iter(|| enrich::run(black_box(parsed.clone()), &site, &Watchlist::default()))
        });
        let articles = enriched(n, &site);
        group.bench_with_input(BenchmarkId::new("group", n), &articles, |b, articles| {
            b.iter(|| briefing::digest::build(black_box(articles.clone()), &site))
        });
        let digest = briefing::digest::build(articles, &site);
        let empty = tempfile::tempdir().unwrap();
        let (templates, _) =
            briefing::render::Templates::load(empty.path(), OutsideLinks::Skip).unwrap();
        let plan = briefing::render::plan(&digest, &site);
        let kev = Kev::default();
        group.bench_function(BenchmarkId::new("render", n), |b| {
            b.iter(|| briefing::render::site(&digest, &templates, &site, &kev, &plan).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
