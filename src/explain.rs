//! Human-readable explanations: what cleaning removed from a file, and why
//! articles were merged into one story.
//!
//! Takes the digest of a rendered site (and, for cleaning, the file's text);
//! gives plain text for the CLI to print. Used by `--explain FILE`,
//! `--explain-clusters` and `--explain-pair A B`.

use std::fmt::Write;
use std::path::Path;

use crate::digest::Digest;
use crate::enrich::dedupe::{self, ClusterSettings, ROUNDUP_STORIES};

/// What cleaning removed from the article at `path` (relative to the site
/// root), with the file's line numbers. `None` when no article has that path.
pub fn cleaning(digest: &Digest, path: &Path, file_text: &str) -> Option<String> {
    let entry = digest.entries.iter().find(|e| e.article.path == path)?;
    let mut out = String::new();
    let shown = path.display();
    let Some(report) = &entry.article.cleaning else {
        let _ = writeln!(
            out,
            "{shown}: hand-written entry (no `fetch_date`): nothing is removed"
        );
        return Some(out);
    };
    if let Some(reason) = &report.kept_original {
        let _ = writeln!(out, "{shown}: kept the whole page: {reason}");
        return Some(out);
    }
    let lines: Vec<&str> = file_text.lines().collect();
    let offset = report.body_line - 1;
    let removed: usize = report.removals.iter().map(|r| r.last - r.first + 1).sum();
    let _ = writeln!(
        out,
        "{shown}: removed {removed} of {} body lines in {} places",
        report.total_lines,
        report.removals.len()
    );
    for r in &report.removals {
        let (first, last) = (r.first + offset, r.last + offset);
        let range = if first == last {
            format!("line {first}")
        } else {
            format!("lines {first}-{last}")
        };
        let preview: String = lines
            .get(first - 1)
            .map(|l| l.trim().chars().take(70).collect())
            .unwrap_or_default();
        let _ = writeln!(out, "  {range}: {}\n      {preview}", r.reason);
    }
    Some(out)
}

/// Every story of more than one article: its members, lead first, and why
/// each pair was merged, signal by signal; then the near misses: pairs
/// compared (they share a rarer feature within the window) that share a CVE
/// or score at least half the threshold, and why they stayed apart.
pub fn clusters(digest: &Digest, settings: ClusterSettings) -> String {
    let mut out = String::new();
    let multi: Vec<&Vec<usize>> = digest.clusters.iter().filter(|c| c.len() > 1).collect();
    let _ = writeln!(
        out,
        "{} articles in {} stories; {} stories have more than one report",
        digest.entries.len(),
        digest.clusters.len(),
        multi.len()
    );
    for members in multi {
        let _ = writeln!(out);
        for (i, &id) in members.iter().enumerate() {
            let e = &digest.entries[id];
            let _ = writeln!(
                out,
                "{} {} {} ({})",
                if i == 0 { "*" } else { " " },
                e.date.format("%Y-%m-%d"),
                e.article.meta.title,
                e.article.path.display()
            );
        }
        for (a, b, why) in &digest.merge_reasons {
            if members.contains(a) && members.contains(b) {
                let _ = writeln!(
                    out,
                    "    {} ~ {}: {why}",
                    digest.entries[*a].article.path.display(),
                    digest.entries[*b].article.path.display()
                );
            }
        }
    }
    let corpus = crate::digest::story_features(&digest.entries);
    let misses: Vec<(usize, usize, String)> =
        dedupe::near_misses(&corpus, &digest.cluster_of, settings)
            .into_iter()
            .map(|(a, b, c)| (a, b, c.why))
            .collect();
    if !misses.is_empty() {
        let _ = writeln!(
            out,
            "\nkept apart (same window, shared CVE or close score):"
        );
        for (a, b, why) in misses {
            let _ = writeln!(
                out,
                "    {} / {}: {why}",
                digest.entries[a].article.path.display(),
                digest.entries[b].article.path.display()
            );
        }
    }
    out
}

/// Why two articles (paths relative to the site root) are one story or
/// two, `corpus` being the digest's story features
/// ([`crate::digest::story_features`], built once for every pair asked): whether they were merged, their comparison signal by signal, the
/// rare things they share and what each says that the other does not.
/// `Err` names a path that is no article of the site.
pub fn pair(
    digest: &Digest,
    corpus: &dedupe::Corpus,
    a: &Path,
    b: &Path,
    settings: ClusterSettings,
) -> Result<String, std::path::PathBuf> {
    let find = |p: &Path| {
        digest
            .entries
            .iter()
            .position(|e| e.article.path == p)
            .ok_or_else(|| p.to_path_buf())
    };
    let (i, j) = (find(a)?, find(b)?);
    // The later report is the newcomer, as when clustering.
    let (later, earlier) = if (digest.entries[i].date, i) >= (digest.entries[j].date, j) {
        (i, j)
    } else {
        (j, i)
    };
    let mut out = String::new();
    for id in [earlier, later] {
        let e = &digest.entries[id];
        let _ = writeln!(
            out,
            "{} {} ({})",
            e.date.format("%Y-%m-%d"),
            e.article.meta.title,
            e.article.path.display()
        );
    }
    let together = digest.cluster_of.get(i) == digest.cluster_of.get(j);
    let _ = writeln!(
        out,
        "{}",
        if i == j {
            "the same article"
        } else if together {
            "one story"
        } else {
            "two stories"
        }
    );
    let c = dedupe::compare(corpus, later, earlier, settings);
    let _ = writeln!(out, "compared: {}", c.why);
    let shown = |list: &[(String, f64)]| -> String {
        if list.is_empty() {
            return "none".to_owned();
        }
        list.iter()
            .map(|(name, w)| format!("{name} {w:.2}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for id in [earlier, later] {
        let covered = corpus.roundup_evidence(id);
        let path = digest.entries[id].article.path.display();
        let roundup = corpus.stories[id].roundup;
        if covered.is_empty() {
            if roundup {
                let _ = writeln!(out, "{path} is a roundup by its title (a numbered issue)");
            }
            continue;
        }
        // One story besides its own is any report's lot; two are one short.
        if !roundup && covered.len() < 2 {
            continue;
        }
        let _ = writeln!(
            out,
            "{path} {} {} other stories{}",
            if roundup {
                "is a roundup: it covers"
            } else {
                "shares rare things with"
            },
            covered.len(),
            if roundup {
                String::new()
            } else {
                format!(" (a roundup covers {ROUNDUP_STORIES})")
            }
        );
        for (j, things) in covered {
            let _ = writeln!(
                out,
                "    {}: {}",
                digest.entries[j].article.path.display(),
                shown(&things)
            );
        }
    }
    let (both, only_earlier) = corpus.features_against(earlier, later);
    let (_, only_later) = corpus.features_against(later, earlier);
    let _ = writeln!(out, "shared: {}", shown(&both));
    for (id, only) in [(earlier, only_earlier), (later, only_later)] {
        let _ = writeln!(
            out,
            "only in {}: {}",
            digest.entries[id].article.path.display(),
            shown(&only)
        );
    }
    Ok(out)
}
