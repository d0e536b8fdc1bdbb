//! `check --external`: outgoing links, fetched politely, remembered.
//!
//! Takes the rendered site and a cache file; gives a diagnostic for every
//! outgoing link that answers with an error status (an error) or cannot be
//! reached (a warning), located at its first use. Each host is asked one
//! request at a time with a pause between requests, hosts in parallel; a
//! `HEAD` that the server refuses is retried as `GET`. Answers are kept in the
//! cache for a week, so a second run asks nothing. Never part of `build`.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::diagnostics::{Diagnostic, Diagnostics, Location, line_col};
use crate::fsx;
use crate::output::OutputFile;

/// The cache file, under the site root.
pub const CACHE_FILE: &str = ".briefing-cache/external-links.json";

/// How external links are checked.
#[derive(Debug, Clone)]
pub struct ExternalOptions {
    /// Where answers are remembered.
    pub cache_path: PathBuf,
    /// How long an answer is trusted.
    pub max_age: Duration,
    /// Pause between two requests to one host.
    pub per_host_delay: Duration,
    /// Time limit of one request.
    pub timeout: Duration,
}

impl ExternalOptions {
    /// The defaults for a site at `root`: a week's cache, one request per
    /// second per host, ten seconds per request.
    pub fn for_root(root: &Path) -> Self {
        ExternalOptions {
            cache_path: root.join(CACHE_FILE),
            max_age: Duration::from_secs(7 * 24 * 3600),
            per_host_delay: Duration::from_secs(1),
            timeout: Duration::from_secs(10),
        }
    }
}

/// One remembered answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Answer {
    /// HTTP status, or 0 when the host could not be reached.
    status: u16,
    /// Why it could not be reached.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    error: String,
    /// When, in seconds since the Unix epoch.
    checked: u64,
}

/// Checks every outgoing link of the site's pages.
pub fn check(
    files: &[OutputFile],
    base: &Url,
    out_dir: &Path,
    opts: &ExternalOptions,
) -> Diagnostics {
    // First use of each external URL.
    let mut first_use: BTreeMap<String, Location> = BTreeMap::new();
    for f in files.iter().filter(|f| f.path.ends_with(".html")) {
        let text = String::from_utf8_lossy(&f.bytes);
        for (offset, raw) in crate::verify::html_links(&text) {
            let Ok(url) = Url::parse(&raw) else { continue };
            if !matches!(url.scheme(), "http" | "https") || url.origin() == base.origin() {
                continue;
            }
            let mut key = url.clone();
            key.set_fragment(None);
            first_use.entry(key.to_string()).or_insert_with(|| {
                let (line, col) = line_col(&text, offset);
                Location::at(out_dir.join(&f.path), line, col)
            });
        }
    }
    let mut cache = load_cache(&opts.cache_path);
    let now = now_secs();
    let fresh = |a: &Answer| now.saturating_sub(a.checked) < opts.max_age.as_secs();
    let mut by_host: HashMap<String, Vec<String>> = HashMap::new();
    for url in first_use.keys() {
        if !cache.get(url).is_some_and(fresh) {
            let host = Url::parse(url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_owned))
                .unwrap_or_default();
            by_host.entry(host).or_default().push(url.clone());
        }
    }
    let agent = ureq::AgentBuilder::new()
        .timeout(opts.timeout)
        .redirects(5)
        .user_agent(concat!("briefing-link-check/", env!("CARGO_PKG_VERSION")))
        .build();
    let mut hosts: Vec<(String, Vec<String>)> = by_host.into_iter().collect();
    hosts.sort();
    let answers: Vec<(String, Answer)> = hosts
        .par_iter()
        .flat_map_iter(|(_, urls)| {
            urls.iter().enumerate().map(|(i, url)| {
                if i > 0 {
                    std::thread::sleep(opts.per_host_delay);
                }
                (url.clone(), ask(&agent, url))
            })
        })
        .collect();
    cache.extend(answers);
    let mut diagnostics = Diagnostics::new();
    for (url, location) in &first_use {
        match cache.get(url) {
            Some(a) if a.status >= 400 => diagnostics.push(Diagnostic::error(
                location.clone(),
                format!("external link {url} answers {}", a.status),
            )),
            Some(a) if a.status == 0 => diagnostics.push(Diagnostic::warning(
                location.clone(),
                format!("external link {url} could not be reached: {}", a.error),
            )),
            _ => {}
        }
    }
    if let Err(e) = save_cache(&opts.cache_path, &cache) {
        diagnostics.push(Diagnostic::warning(
            Location::file(CACHE_FILE),
            e.to_string(),
        ));
    }
    diagnostics.sort();
    diagnostics
}

/// `HEAD`, then `GET` when the server does not do `HEAD`.
fn ask(agent: &ureq::Agent, url: &str) -> Answer {
    let answer = |status: u16, error: String| Answer {
        status,
        error,
        checked: now_secs(),
    };
    let head = agent.head(url).call();
    let result = match head {
        Err(ureq::Error::Status(405 | 403 | 501, _)) => agent.get(url).call(),
        other => other,
    };
    match result {
        Ok(response) => answer(response.status(), String::new()),
        Err(ureq::Error::Status(code, _)) => answer(code, String::new()),
        Err(ureq::Error::Transport(t)) => answer(0, t.to_string()),
    }
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn load_cache(path: &Path) -> BTreeMap<String, Answer> {
    fsx::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn save_cache(path: &Path, cache: &BTreeMap<String, Answer>) -> Result<(), fsx::FsError> {
    let json = serde_json::to_vec_pretty(cache).unwrap_or_default();
    fsx::write(path, &json)
}
