//! Same story, one entry: clustering articles that report the same event.
//!
//! Takes per-article features (date, canonical URL, title and lede words, CVE
//! IDs, source); gives clusters of article indices and, for each merge, the
//! reason. Two articles are the same story when they have the same canonical
//! URL, or when, within the date window, their titles and ledes are alike
//! enough (a shared CVE adds to the score but never merges on its own: a CVE
//! that articles mention over weeks is a topic, not one story).
//!
//! Clusters use complete linkage: an article joins a cluster only if it is
//! like every member, so A~B and B~C never pull A and C together unless A~C.
//! Articles are taken in date order (then path), so the result is the same
//! from run to run.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{DateTime, FixedOffset};
use url::Url;

/// What clustering looks at, for one article.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryFeatures {
    /// Publication date.
    pub date: DateTime<FixedOffset>,
    /// The canonical original URL, if any (see [`canonical_url`]).
    pub canonical_url: Option<String>,
    /// Content words of the title.
    pub title_words: HashSet<String>,
    /// Content words of the first paragraphs (about 80 words).
    pub lede_words: HashSet<String>,
    /// CVE IDs mentioned.
    pub cves: BTreeSet<String>,
    /// Source key, to be stricter within one outlet.
    pub source: Option<String>,
    /// Path, for ties and messages.
    pub path: String,
}

/// Tunables, from `briefing.yaml`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClusterSettings {
    /// Most days between two reports of one story.
    pub window_days: i64,
    /// Score at which two articles are the same story.
    pub threshold: f64,
    /// Most reports in one story; a full story takes no more, so the next
    /// report starts another. Complete linkage compares a newcomer with
    /// every member, and each member's page lists the others: without a cap
    /// 10,000 files with one title cost 50 million comparisons.
    pub max_reports: usize,
}

impl Default for ClusterSettings {
    fn default() -> Self {
        ClusterSettings {
            window_days: 7,
            threshold: 0.30,
            max_reports: 50,
        }
    }
}

/// Why two articles were put together.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeReason {
    /// Index of the article that joined.
    pub article: usize,
    /// Index of a member it was compared with.
    pub other: usize,
    /// e.g. `same canonical URL` or `title 0.21 + lede 0.23 + shared CVE ...`.
    pub why: String,
}

/// Groups articles into stories. Gives clusters (members in date order,
/// then path) and the reason for every pair inside a cluster.
///
/// # Note
/// Only clusters whose oldest member is inside the date window are compared
/// with each new article, so the cost grows with the articles per window, not
/// with the square of the site.
pub fn cluster(
    stories: &[StoryFeatures],
    settings: ClusterSettings,
) -> (Vec<Vec<usize>>, Vec<MergeReason>) {
    let mut order: Vec<usize> = (0..stories.len()).collect();
    order.sort_by(|&a, &b| {
        stories[a]
            .date
            .cmp(&stories[b].date)
            .then_with(|| stories[a].path.cmp(&stories[b].path))
    });
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut reasons: Vec<MergeReason> = Vec::new();
    let mut by_url: HashMap<&str, usize> = HashMap::new();
    // Clusters in order of their oldest member; `first_active` skips those
    // that fell out of the window.
    let mut first_active = 0;
    for &i in &order {
        let story = &stories[i];
        let full = |c: usize| clusters[c].len() >= settings.max_reports.max(1);
        if let Some(&c) = story
            .canonical_url
            .as_deref()
            .and_then(|u| by_url.get(u))
            .filter(|&&c| !full(c))
        {
            reasons.push(MergeReason {
                article: i,
                other: clusters[c][0],
                why: format!(
                    "same canonical URL {}",
                    story.canonical_url.as_deref().unwrap_or("")
                ),
            });
            clusters[c].push(i);
            continue;
        }
        while first_active < clusters.len()
            && (story.date - stories[clusters[first_active][0]].date).num_days()
                > settings.window_days
        {
            first_active += 1;
        }
        let mut best: Option<(usize, f64, Vec<MergeReason>)> = None;
        for (c, members) in clusters.iter().enumerate().skip(first_active) {
            if members.len() >= settings.max_reports.max(1) {
                continue;
            }
            let mut total = 0.0;
            let mut why = Vec::with_capacity(members.len());
            let mut all_alike = true;
            for &m in members {
                match same_story(story, &stories[m], settings) {
                    Some((score, text)) => {
                        total += score;
                        why.push(MergeReason {
                            article: i,
                            other: m,
                            why: text,
                        });
                    }
                    None => {
                        all_alike = false;
                        break;
                    }
                }
            }
            if all_alike {
                let mean = total / members.len() as f64;
                if best.as_ref().is_none_or(|(_, b, _)| mean > *b) {
                    best = Some((c, mean, why));
                }
            }
        }
        let c = match best {
            Some((c, _, why)) => {
                clusters[c].push(i);
                reasons.extend(why);
                c
            }
            None => {
                clusters.push(vec![i]);
                clusters.len() - 1
            }
        };
        if let Some(url) = story.canonical_url.as_deref() {
            // The newest story with room takes the next report of this URL.
            let known = by_url.entry(url).or_insert(c);
            if clusters[*known].len() >= settings.max_reports.max(1) {
                *known = c;
            }
        }
    }
    (clusters, reasons)
}

/// `Some((score, explanation))` when `a` and `b` report the same story.
pub fn same_story(
    a: &StoryFeatures,
    b: &StoryFeatures,
    s: ClusterSettings,
) -> Option<(f64, String)> {
    let c = compare(a, b, s);
    c.same.then_some((c.score, c.why))
}

/// How two articles compare, merged or not.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Whether they are the same story.
    pub same: bool,
    /// The score (10 for the same canonical URL).
    pub score: f64,
    /// The explanation: the parts of the score, or why it was not counted.
    pub why: String,
}

/// Compares two articles.
pub fn compare(a: &StoryFeatures, b: &StoryFeatures, s: ClusterSettings) -> Comparison {
    if let (Some(x), Some(y)) = (&a.canonical_url, &b.canonical_url)
        && x == y
    {
        return Comparison {
            same: true,
            score: 10.0,
            why: format!("same canonical URL {x}"),
        };
    }
    let days = (a.date - b.date).num_days().abs();
    if days > s.window_days {
        return Comparison {
            same: false,
            score: 0.0,
            why: format!("{days} days apart, more than {}", s.window_days),
        };
    }
    let title = jaccard(&a.title_words, &b.title_words);
    let lede = jaccard(&a.lede_words, &b.lede_words);
    let shared: Vec<&String> = a.cves.intersection(&b.cves).collect();
    let cve_bonus = if shared.is_empty() { 0.0 } else { 0.2 };
    let score = title + lede + cve_bonus - 0.02 * days as f64;
    // One outlet rarely runs the same story twice; its follow-ups look alike.
    let same_source = a.source.is_some() && a.source == b.source;
    let needed = s.threshold + if same_source { 0.15 } else { 0.0 };
    let mut why = format!("title {title:.2} + lede {lede:.2}");
    if !shared.is_empty() {
        let ids: Vec<&str> = shared.iter().map(|s| s.as_str()).collect();
        why.push_str(&format!(" + shared {} (0.20)", ids.join(", ")));
    }
    why.push_str(&format!(
        " - {days} day(s) apart ({:.2}) = {score:.2}",
        0.02 * days as f64
    ));
    // Without similar ledes, similar titles alone ("This week in security")
    // are not one story; a shared CVE lowers the bar a little.
    // Only when a text is too short to compare do titles decide alone.
    let no_lede = a.lede_words.len() < 5 || b.lede_words.len() < 5;
    let ledes_alike =
        lede >= 0.10 || (!shared.is_empty() && lede >= 0.07) || (no_lede && title >= 0.6);
    let same = ledes_alike && score >= needed;
    if !ledes_alike {
        why.push_str("; ledes differ (under 0.10, or 0.07 with a shared CVE)");
    } else {
        why.push_str(&format!(" {} {needed:.2}", if same { ">=" } else { "<" }));
    }
    if same_source {
        why.push_str(" (same source)");
    }
    Comparison { same, score, why }
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(b).count();
    common as f64 / (a.len() + b.len() - common) as f64
}

/// Words that say nothing about which story it is.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "is", "are", "was", "were", "be",
    "been", "by", "with", "as", "at", "from", "that", "this", "it", "its", "into", "over", "after",
    "new", "says", "said", "how", "what", "why", "who", "will", "can", "has", "have", "had", "not",
    "no", "but", "all", "we", "you", "they", "their", "our", "his", "her", "than", "then", "also",
    "more", "about", "which", "there", "these", "those", "been", "up", "out", "so", "if", "one",
];

/// The content words of `text`: lower-case letters and digits, no stop words.
pub fn content_words(text: &str, limit: usize) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .take(limit)
        .collect()
}

/// Tracking parameters that never change which page a URL is.
fn is_tracking_param(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.starts_with("utm_")
        || matches!(
            n.as_str(),
            "fbclid"
                | "gclid"
                | "dclid"
                | "mc_cid"
                | "mc_eid"
                | "ref"
                | "ref_src"
                | "source"
                | "cmpid"
                | "ncid"
                | "yclid"
                | "_hsenc"
                | "_hsmi"
                | "igshid"
        )
}

/// The canonical form of an article URL: lower-case host without `www.`,
/// no fragment, no tracking parameters, no trailing slash.
pub fn canonical_url(url: &Url) -> String {
    let host = url.host_str().unwrap_or("").to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let mut out = host.to_owned();
    if let Some(port) = url.port() {
        out.push_str(&format!(":{port}"));
    }
    out.push_str(url.path().trim_end_matches('/'));
    let mut params: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !is_tracking_param(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    params.sort();
    if !params.is_empty() {
        let query: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
        out.push('?');
        out.push_str(&query.join("&"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(
        path: &str,
        date: &str,
        title: &str,
        lede: &str,
        cves: &[&str],
        source: &str,
    ) -> StoryFeatures {
        StoryFeatures {
            date: DateTime::parse_from_rfc3339(&format!("{date}T00:00:00Z")).unwrap(),
            canonical_url: None,
            title_words: content_words(title, 40),
            lede_words: content_words(lede, 80),
            cves: cves.iter().map(|s| (*s).to_owned()).collect(),
            source: Some(source.to_owned()),
            path: path.to_owned(),
        }
    }

    #[test]
    fn canonical_urls() {
        let cases = [
            (
                "https://WWW.Example.com/a/b/?utm_source=x&id=3#top",
                "example.com/a/b?id=3",
            ),
            ("http://example.com/a/b", "example.com/a/b"),
            (
                "https://example.com/a?b=2&a=1&fbclid=z",
                "example.com/a?a=1&b=2",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(
                canonical_url(&Url::parse(input).unwrap()),
                expected,
                "{input}"
            );
        }
    }

    #[test]
    fn same_event_different_words_cluster_and_chains_do_not() {
        let lede = "Attackers are exploiting a critical remote code execution flaw in the Widget logging library used by thousands of Java applications";
        let stories = vec![
            story(
                "a.md",
                "2021-12-10",
                "Zero-day in Widget logging library under attack",
                lede,
                &["CVE-2021-1111"],
                "A",
            ),
            story(
                "b.md",
                "2021-12-11",
                "Widget library zero-day exploited in the wild",
                &format!("{lede} worldwide"),
                &["CVE-2021-1111"],
                "B",
            ),
            // A shared CVE, weeks later, different story: a topic, not the same event.
            story(
                "c.md",
                "2022-01-20",
                "Ransomware gang adopts Widget exploit",
                lede,
                &["CVE-2021-1111"],
                "C",
            ),
            // Same week, same CVE, unrelated words.
            story(
                "d.md",
                "2021-12-12",
                "Patch roundup for December",
                "Vendors shipped fixes for dozens of products this month including browsers and routers",
                &["CVE-2021-1111"],
                "D",
            ),
        ];
        let (clusters, reasons) = cluster(&stories, ClusterSettings::default());
        assert_eq!(clusters, vec![vec![0, 1], vec![3], vec![2]]);
        assert_eq!(reasons.len(), 1);
        assert!(
            reasons[0].why.contains("shared CVE-2021-1111"),
            "{}",
            reasons[0].why
        );
    }

    #[test]
    fn complete_linkage_needs_likeness_to_every_member() {
        // b is like a and like c; a and c are not alike: c must not join {a, b}.
        let stories = vec![
            story(
                "a.md",
                "2024-01-01",
                "alpha beta gamma delta",
                "alpha beta gamma delta epsilon zeta",
                &[],
                "A",
            ),
            story(
                "b.md",
                "2024-01-02",
                "alpha beta gamma delta omega",
                "alpha beta gamma delta epsilon zeta eta theta iota kappa",
                &[],
                "B",
            ),
            story(
                "c.md",
                "2024-01-03",
                "omega psi chi",
                "eta theta iota kappa lambda mu",
                &[],
                "C",
            ),
        ];
        let (a_b, _) = same_story(&stories[0], &stories[1], ClusterSettings::default()).unwrap();
        assert!(a_b > 0.3);
        assert!(same_story(&stories[0], &stories[2], ClusterSettings::default()).is_none());
        let (clusters, _) = cluster(&stories, ClusterSettings::default());
        assert_eq!(clusters, vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn same_url_merges_whatever_the_dates() {
        let mut a = story("a.md", "2024-01-01", "x", "y", &[], "A");
        let mut b = story("b.md", "2024-03-01", "p", "q", &[], "A");
        a.canonical_url = Some("example.com/s".into());
        b.canonical_url = Some("example.com/s".into());
        let (clusters, reasons) = cluster(&[a, b], ClusterSettings::default());
        assert_eq!(clusters, vec![vec![0, 1]]);
        assert_eq!(reasons[0].why, "same canonical URL example.com/s");
    }
}
