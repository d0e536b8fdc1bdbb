//! `check --external`: outgoing links, fetched politely and safely, remembered.
//!
//! Takes the rendered site, a cache file and [`ExternalOptions`]; gives a
//! diagnostic for every outgoing link, located at its first use, that answers
//! with an error status or redirects to something that is not http(s) (both
//! errors), cannot be reached, points at a non-public address, or was not
//! reached before the time limit (warnings).
//!
//! Hosts (host and port) are checked by a small pool of threads, each host
//! one request at a time with a pause between requests; a `HEAD` that the
//! server refuses is retried as `GET`. Redirects are followed here, not by
//! the HTTP client, so every hop passes the same checks: http or https only,
//! and, unless private addresses are allowed, a public address. That address
//! check runs twice: on the URL before asking (IP hosts, including forms
//! like `http://2130706433/`), and in the resolver the client connects
//! through, so a name that resolves to a public address once and a private
//! one later (DNS rebinding) is still refused at connect time. Answers from
//! servers (a bad redirect among them) are kept in the cache for a week, so
//! a second run asks nothing; skipped non-public links and links not reached
//! in time are not cached, so they are asked next time. Never part of
//! `build`.

use std::collections::{BTreeMap, HashMap};
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use url::{Host, Url};

use crate::diagnostics::{Diagnostic, Diagnostics, Location, line_col};
use crate::fsx;
use crate::output::OutputFile;

/// The cache file, under the site root.
pub const CACHE_FILE: &str = ".briefing-cache/external-links.json";

/// Threads asking hosts at once. Each asks one host at a time, so a few
/// silent hosts cannot hold up the rest; small, to stay polite.
const WORKERS: usize = 16;

/// Redirects followed from one link before giving up (browsers allow more,
/// but a link that needs more than this is worth fixing anyway).
const MAX_REDIRECTS: usize = 5;

/// The longest [`ExternalOptions::time_limit`] taken: a day, which is far
/// more than any site needs and keeps the deadline representable.
pub const MAX_TIME_LIMIT: Duration = Duration::from_secs(24 * 3600);

/// How external links are checked.
#[derive(Debug, Clone)]
pub struct ExternalOptions {
    /// The site root; the cache is only written inside it.
    pub site_root: PathBuf,
    /// Where answers are remembered.
    pub cache_path: PathBuf,
    /// How long an answer is trusted.
    pub max_age: Duration,
    /// Pause between two requests to one host.
    pub per_host_delay: Duration,
    /// Time limit of one request.
    pub timeout: Duration,
    /// Time limit of the whole check, at most [`MAX_TIME_LIMIT`]; links not
    /// checked by then are reported as such.
    pub time_limit: Duration,
    /// Also fetch loopback, private, link-local and other non-public
    /// addresses (off by default: links come from article bodies, which may
    /// be copied from anywhere).
    pub allow_private: bool,
}

impl ExternalOptions {
    /// The defaults for a site at `root`: a week's cache, one request per
    /// second per host, ten seconds per request, a minute in all, public
    /// addresses only.
    pub fn for_root(root: &Path) -> Self {
        ExternalOptions {
            site_root: root.to_path_buf(),
            cache_path: root.join(CACHE_FILE),
            max_age: Duration::from_secs(7 * 24 * 3600),
            per_host_delay: Duration::from_secs(1),
            timeout: Duration::from_secs(10),
            time_limit: Duration::from_secs(60),
            allow_private: false,
        }
    }
}

/// What a server said about a link: the part that is cached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "answer", rename_all = "snake_case")]
enum Answer {
    /// The HTTP status at the end of the redirects.
    Status {
        /// e.g. 200, 404.
        status: u16,
    },
    /// No HTTP answer: connection, TLS or protocol failure.
    Unreachable {
        /// Why, as the HTTP client says it.
        error: String,
    },
    /// A redirect to an address that is not http(s), not followed.
    RedirectNotHttp {
        /// Where it pointed.
        location: String,
    },
}

/// One remembered answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct CacheEntry {
    #[serde(flatten)]
    answer: Answer,
    /// When, in seconds since the Unix epoch.
    checked: u64,
}

/// How checking one link ended.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    /// The server answered (cached).
    Answered(Answer),
    /// Not fetched: the link, or the redirect `via`, leads to non-public
    /// addresses (not cached: it depends on the flag, and is cheap to find).
    NonPublic {
        /// The redirect target that was refused, `None` for the link itself.
        via: Option<Url>,
        /// The addresses it would have been fetched from.
        addresses: Vec<IpAddr>,
    },
    /// The time limit ran out before the check finished (not cached).
    OutOfTime,
    /// The thread asking its host stopped early (it could not start, or
    /// failed).
    Stopped,
}

/// Why a URL may not be fetched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum Refusal {
    /// Not `http:` or `https:`.
    #[error("is not an http or https address")]
    NotHttp,
    /// Its host is an IP address that is not public.
    #[error("answers from a non-public address ({})", address_list(.0))]
    NonPublic(Vec<IpAddr>),
}

/// What the resolver gives ureq when a name has only non-public addresses;
/// it travels inside ureq's error so the warning can name them.
#[derive(Debug, thiserror::Error)]
#[error("resolves only to non-public addresses ({})", address_list(.0))]
struct OnlyNonPublic(Vec<IpAddr>);

/// A ureq resolver that drops non-public addresses, so a connection can only
/// go to an address that passed the check at the moment it is made.
struct PublicOnlyResolver;

impl ureq::Resolver for PublicOnlyResolver {
    fn resolve(&self, netloc: &str) -> io::Result<Vec<SocketAddr>> {
        keep_public(netloc.to_socket_addrs()?.collect())
    }
}

/// The public addresses of `all`; an error naming the others when there are
/// only non-public ones.
fn keep_public(all: Vec<SocketAddr>) -> io::Result<Vec<SocketAddr>> {
    let (public, hidden): (Vec<SocketAddr>, Vec<SocketAddr>) =
        all.into_iter().partition(|a| is_public(a.ip()));
    if public.is_empty() && !hidden.is_empty() {
        let mut ips: Vec<IpAddr> = hidden.iter().map(SocketAddr::ip).collect();
        ips.sort();
        ips.dedup();
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            OnlyNonPublic(ips),
        ));
    }
    Ok(public)
}

/// Whether `url` may be fetched, judged from the URL alone: its scheme, and
/// its host when that is an IP address. Names are judged when they are
/// resolved, by [`PublicOnlyResolver`].
pub(crate) fn fetch_refusal(url: &Url, allow_private: bool) -> Option<Refusal> {
    if !matches!(url.scheme(), "http" | "https") {
        return Some(Refusal::NotHttp);
    }
    let ip = match url.host()? {
        Host::Ipv4(v4) => IpAddr::V4(v4),
        Host::Ipv6(v6) => IpAddr::V6(v6),
        Host::Domain(_) => return None,
    };
    (!allow_private && !is_public(ip)).then(|| Refusal::NonPublic(vec![ip]))
}

/// The redirect target `location` (relative to `current`), if it may be
/// fetched.
pub(crate) fn redirect_target(
    current: &Url,
    location: &str,
    allow_private: bool,
) -> Result<Url, RedirectProblem> {
    let next = current
        .join(location)
        .map_err(|_| RedirectProblem::Invalid(printable(location)))?;
    match fetch_refusal(&next, allow_private) {
        None => Ok(next),
        Some(refusal) => Err(RedirectProblem::Refused(next, refusal)),
    }
}

/// Why a redirect is not followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RedirectProblem {
    /// `Location` does not parse as a URL (shown escaped).
    Invalid(String),
    /// The target, and why it is refused.
    Refused(Url, Refusal),
}

/// True for addresses anyone on the internet can reach; false for loopback,
/// private, link-local, shared (CGNAT), unspecified, multicast, broadcast,
/// reserved, documentation and benchmarking ranges, and IPv6 forms that
/// embed such an IPv4 address.
pub(crate) fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    let not_public = a == 0 // "this network", 0.0.0.0/8
        || ip.is_loopback() // 127/8
        || ip.is_private() // 10/8, 172.16/12, 192.168/16
        || ip.is_link_local() // 169.254/16 (cloud metadata lives here)
        || (a == 100 && b & 0xc0 == 64) // 100.64/10, shared (CGNAT)
        || (a == 192 && b == 0 && c == 0) // 192.0.0/24, IETF protocol assignments
        || ip.is_documentation() // 192.0.2/24, 198.51.100/24, 203.0.113/24
        || (a == 198 && b & 0xfe == 18) // 198.18/15, benchmarking
        || a >= 224; // multicast 224/4, reserved 240/4, broadcast
    !not_public
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if ip.is_unspecified() || ip.is_loopback() {
        return false;
    }
    if let Some(v4) = embedded_v4(ip) {
        return is_public_v4(v4);
    }
    let s = ip.segments();
    let not_public = ip.is_multicast() // ff00::/8
        || ip.is_unique_local() // fc00::/7
        || ip.is_unicast_link_local() // fe80::/10
        || s[0] & 0xffc0 == 0xfec0 // fec0::/10, site-local (deprecated)
        || (s[0] == 0x2001 && s[1] == 0x0db8) // 2001:db8::/32, documentation
        || (s[0] == 0x3fff && s[1] & 0xf000 == 0) // 3fff::/20, documentation
        || (s[0] == 0x0100 && s[1..4] == [0, 0, 0]) // 100::/64, discard
        || (s[0] == 0x2001 && s[1] < 0x0200) // 2001::/23, IETF (Teredo among them)
        || (s[0] == 0x0064 && s[1] == 0xff9b && s[2] == 1) // 64:ff9b:1::/48, local NAT64
        || s[..6] == [0, 0, 0, 0, 0, 0]; // ::/96, IPv4-compatible (deprecated)
    !not_public
}

/// The IPv4 address an IPv6 address stands for: mapped (`::ffff:a.b.c.d`),
/// NAT64 (`64:ff9b::a.b.c.d`) or 6to4 (`2002:aabb:ccdd::`).
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return Some(v4);
    }
    let s = ip.segments();
    let from = |hi: u16, lo: u16| Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo));
    if s[..6] == [0x0064, 0xff9b, 0, 0, 0, 0] {
        return Some(from(s[6], s[7]));
    }
    (s[0] == 0x2002).then(|| from(s[1], s[2]))
}

fn address_list(ips: &[IpAddr]) -> String {
    ips.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `text` with control characters escaped, since it came from a server and
/// goes to a terminal.
fn printable(text: &str) -> String {
    crate::diagnostics::printable(text).into_owned()
}

/// Checks every outgoing link of the site's pages.
pub fn check(
    files: &[OutputFile],
    base: &Url,
    out_dir: &Path,
    opts: &ExternalOptions,
) -> Diagnostics {
    // First use of each external URL.
    let mut first_use: BTreeMap<String, (Url, Location)> = BTreeMap::new();
    for f in files.iter().filter(|f| f.path.ends_with(".html")) {
        let text = String::from_utf8_lossy(&f.bytes);
        for (offset, raw) in crate::verify::html_links(&text) {
            let Ok(mut url) = Url::parse(&raw) else {
                continue;
            };
            if !matches!(url.scheme(), "http" | "https") || url.origin() == base.origin() {
                continue;
            }
            url.set_fragment(None);
            first_use.entry(url.to_string()).or_insert_with(|| {
                let (line, col) = line_col(&text, offset);
                (url, Location::at(out_dir.join(&f.path), line, col))
            });
        }
    }
    let mut cache = load_cache(&opts.cache_path);
    let now = now_secs();
    let fresh = |e: &CacheEntry| now.saturating_sub(e.checked) < opts.max_age.as_secs();
    // Links to ask, grouped by host and port, in a stable order.
    let mut by_host: BTreeMap<String, Vec<Url>> = BTreeMap::new();
    for (key, (url, _)) in &first_use {
        if !cache.get(key).is_some_and(fresh) {
            let host = format!(
                "{}:{}",
                url.host_str().unwrap_or_default(),
                url.port_or_known_default().unwrap_or_default()
            );
            by_host.entry(host).or_default().push(url.clone());
        }
    }
    let (outcomes, ran_out) = ask_hosts(by_host.into_values().collect(), opts);
    let checked = now_secs();
    for (url, outcome) in &outcomes {
        if let Outcome::Answered(answer) = outcome {
            let entry = CacheEntry {
                answer: answer.clone(),
                checked,
            };
            cache.insert(url.clone(), entry);
        }
    }
    let mut diagnostics = Diagnostics::new();
    for (key, (_, location)) in &first_use {
        let outcome = match (outcomes.get(key), cache.get(key)) {
            (Some(outcome), _) => outcome.clone(),
            (None, Some(entry)) if fresh(entry) => Outcome::Answered(entry.answer.clone()),
            // To ask, but its turn never came.
            (None, _) if ran_out => Outcome::OutOfTime,
            (None, _) => Outcome::Stopped,
        };
        if let Some(d) = diagnose(key, location, &outcome, opts) {
            diagnostics.push(d);
        }
    }
    if let Err(why) = save_cache(&opts.site_root, &opts.cache_path, &cache) {
        diagnostics.push(Diagnostic::warning(Location::file(CACHE_FILE), why));
    }
    diagnostics.sort();
    diagnostics
}

/// The diagnostic for one link, if it needs one.
fn diagnose(
    url: &str,
    location: &Location,
    outcome: &Outcome,
    opts: &ExternalOptions,
) -> Option<Diagnostic> {
    let at = location.clone();
    Some(match outcome {
        Outcome::Answered(Answer::Status { status }) if *status >= 400 => {
            Diagnostic::error(at, format!("external link {url} answers {status}"))
        }
        Outcome::Answered(Answer::Status { .. }) => return None,
        Outcome::Answered(Answer::Unreachable { error }) => Diagnostic::warning(
            at,
            format!(
                "external link {url} could not be reached: {}",
                printable(error)
            ),
        ),
        Outcome::Answered(Answer::RedirectNotHttp { location }) => Diagnostic::error(
            at,
            format!(
                "external link {url} redirects to {}, which is not an http or https address; not followed",
                printable(location)
            ),
        ),
        Outcome::NonPublic { via, addresses } => {
            let hop = match via {
                None => String::new(),
                Some(target) => format!(" redirects to {target}, which"),
            };
            Diagnostic::warning(
                at,
                format!(
                    "external link {url}{hop} answers from a non-public address ({}); skipped (pass --external-allow-private to check it)",
                    address_list(addresses)
                ),
            )
        }
        Outcome::Stopped => Diagnostic::warning(
            at,
            format!(
                "external link {url} was not checked: the thread checking its host stopped early"
            ),
        ),
        Outcome::OutOfTime => Diagnostic::warning(
            at,
            format!(
                "external link {url} was not checked: the {}s allowed for external links ran out (raise it with --external-timeout)",
                opts.time_limit.as_secs_f64()
            ),
        ),
    })
}

/// Asks every host's links, each host one link at a time, [`WORKERS`] hosts
/// at once, until done or out of time. Gives each link's outcome, and
/// whether the time ran out (links missing from the map were never asked).
fn ask_hosts(hosts: Vec<Vec<Url>>, opts: &ExternalOptions) -> (HashMap<String, Outcome>, bool) {
    let total: usize = hosts.iter().map(Vec::len).sum();
    let mut outcomes = HashMap::new();
    if total == 0 {
        return (outcomes, false);
    }
    let deadline = Instant::now() + opts.time_limit.min(MAX_TIME_LIMIT);
    let mut agent = ureq::AgentBuilder::new()
        .timeout(opts.timeout)
        .redirects(0)
        .user_agent(concat!("briefing-link-check/", env!("CARGO_PKG_VERSION")));
    if !opts.allow_private {
        agent = agent.resolver(PublicOnlyResolver);
    }
    let asker = Arc::new(Asker {
        agent: agent.build(),
        opts: opts.clone(),
        deadline,
    });
    let hosts = Arc::new(hosts);
    let next_host = Arc::new(AtomicUsize::new(0));
    let (sender, receiver) = mpsc::channel();
    for _ in 0..WORKERS.min(hosts.len()) {
        let (asker, hosts, next_host, sender) = (
            asker.clone(),
            hosts.clone(),
            next_host.clone(),
            sender.clone(),
        );
        // Detached on purpose: at the deadline the check returns without
        // waiting for threads stuck in a name lookup (which has no timeout).
        // A thread that cannot start leaves its hosts to the others.
        let _ = std::thread::Builder::new()
            .name("briefing-link-check".into())
            .spawn(move || {
                while let Some(urls) = hosts.get(next_host.fetch_add(1, Ordering::Relaxed)) {
                    for (i, url) in urls.iter().enumerate() {
                        if i > 0 && !asker.pause() {
                            break;
                        }
                        let outcome = asker.check(url);
                        if sender.send((url.to_string(), outcome)).is_err() {
                            return;
                        }
                    }
                }
            });
    }
    drop(sender);
    let mut ran_out = false;
    while outcomes.len() < total {
        let left = deadline.saturating_duration_since(Instant::now());
        match receiver.recv_timeout(left) {
            Ok((url, outcome)) => {
                ran_out |= outcome == Outcome::OutOfTime;
                outcomes.insert(url, outcome);
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                ran_out = true;
                break;
            }
            // Every thread has finished (or none started).
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    (outcomes, ran_out)
}

/// What the worker threads share.
struct Asker {
    agent: ureq::Agent,
    opts: ExternalOptions,
    deadline: Instant,
}

/// One request's result.
enum Reply {
    Status(u16),
    Redirect(String),
    Failed(ureq::Transport),
}

impl Asker {
    /// Waits the per-host pause; false if that would pass the deadline.
    fn pause(&self) -> bool {
        let wake = Instant::now().checked_add(self.opts.per_host_delay);
        if wake.is_none_or(|wake| wake >= self.deadline) {
            return false;
        }
        std::thread::sleep(self.opts.per_host_delay);
        true
    }

    /// Follows `link` through its redirects, checking every hop.
    fn check(&self, link: &Url) -> Outcome {
        let allow_private = self.opts.allow_private;
        let mut current = link.clone();
        if let Some(refusal) = fetch_refusal(&current, allow_private) {
            return match refusal {
                Refusal::NonPublic(addresses) => Outcome::NonPublic {
                    via: None,
                    addresses,
                },
                Refusal::NotHttp => Outcome::Answered(Answer::Unreachable {
                    error: refusal.to_string(),
                }),
            };
        }
        for _ in 0..=MAX_REDIRECTS {
            let Some(reply) = self.ask(&current) else {
                return Outcome::OutOfTime;
            };
            match reply {
                Reply::Status(status) => return Outcome::Answered(Answer::Status { status }),
                Reply::Redirect(location) => {
                    match redirect_target(&current, &location, allow_private) {
                        Ok(next) => current = next,
                        Err(RedirectProblem::Invalid(location)) => {
                            return Outcome::Answered(Answer::Unreachable {
                                error: format!("redirect to an invalid address `{location}`"),
                            });
                        }
                        Err(RedirectProblem::Refused(next, Refusal::NotHttp)) => {
                            return Outcome::Answered(Answer::RedirectNotHttp {
                                location: next.to_string(),
                            });
                        }
                        Err(RedirectProblem::Refused(next, Refusal::NonPublic(addresses))) => {
                            return Outcome::NonPublic {
                                via: Some(next),
                                addresses,
                            };
                        }
                    }
                }
                Reply::Failed(transport) => {
                    if let Some(addresses) = refused_addresses(&transport) {
                        let via = (current != *link).then_some(current);
                        return Outcome::NonPublic { via, addresses };
                    }
                    if Instant::now() >= self.deadline {
                        return Outcome::OutOfTime;
                    }
                    return Outcome::Answered(Answer::Unreachable {
                        error: transport.to_string(),
                    });
                }
            }
        }
        Outcome::Answered(Answer::Unreachable {
            error: format!("more than {MAX_REDIRECTS} redirects"),
        })
    }

    /// `HEAD`, then `GET` when the server does not do `HEAD`; `None` when
    /// the deadline has passed.
    fn ask(&self, url: &Url) -> Option<Reply> {
        let call = |method: &str| {
            let left = self.deadline.checked_duration_since(Instant::now())?;
            let timeout = self.opts.timeout.min(left);
            Some(self.agent.request_url(method, url).timeout(timeout).call())
        };
        let result = match call("HEAD")? {
            Err(ureq::Error::Status(405 | 403 | 501, _)) => call("GET")?,
            other => other,
        };
        Some(match result {
            Ok(response) => match (response.status(), response.header("location")) {
                (301 | 302 | 303 | 307 | 308, Some(location)) => {
                    Reply::Redirect(location.to_owned())
                }
                (status, _) => Reply::Status(status),
            },
            Err(ureq::Error::Status(code, _)) => Reply::Status(code),
            Err(ureq::Error::Transport(t)) => Reply::Failed(t),
        })
    }
}

/// The addresses [`PublicOnlyResolver`] refused, if that is why the request
/// failed.
fn refused_addresses(transport: &ureq::Transport) -> Option<Vec<IpAddr>> {
    let io = std::error::Error::source(transport)?.downcast_ref::<io::Error>()?;
    let refused = io.get_ref()?.downcast_ref::<OnlyNonPublic>()?;
    Some(refused.0.clone())
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The cache; an entry that does not read (an older format, a hand edit) is
/// dropped, so that link is asked again.
fn load_cache(path: &Path) -> BTreeMap<String, CacheEntry> {
    let entries: BTreeMap<String, serde_json::Value> = fsx::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    entries
        .into_iter()
        .filter_map(|(url, entry)| Some((url, serde_json::from_value(entry).ok()?)))
        .collect()
}

/// Writes the cache, never through a link out of the site and never over a
/// file that is not a cache (which Briefing did not write).
fn save_cache(
    root: &Path,
    path: &Path,
    cache: &BTreeMap<String, CacheEntry>,
) -> Result<(), String> {
    let folder = path.parent().unwrap_or(root);
    fsx::create_dir_all(folder).map_err(|e| e.to_string())?;
    if crate::load::leaves_site(&fsx::real_path(root), folder) {
        return Err(
            "the cache folder is a link out of the site; answers were not saved".to_owned(),
        );
    }
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        let is_cache = meta.is_file()
            && fsx::read_to_string(path).is_ok_and(|t| {
                serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&t).is_ok()
            });
        if !is_cache {
            return Err(
                "not a cache Briefing wrote (a link, or not a JSON object); left as it is and answers were not saved"
                    .to_owned(),
            );
        }
    }
    let json = serde_json::to_vec_pretty(cache).unwrap_or_default();
    fsx::replace_file(path, &json).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn only_public_addresses_are_public() {
        let not_public = [
            "0.0.0.0",
            "0.1.2.3",
            "127.0.0.1",
            "127.255.0.9",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.255",
            "192.0.0.8",
            "192.0.2.1",
            "198.51.100.7",
            "203.0.113.9",
            "198.18.0.1",
            "198.19.255.255",
            "224.0.0.1",
            "239.255.255.250",
            "240.0.0.1",
            "255.255.255.255",
            "::",
            "::1",
            "fe80::1",
            "febf::1",
            "fc00::1",
            "fd12:3456::1",
            "fec0::1",
            "ff02::1",
            "2001:db8::1",
            "3fff::1",
            "100::1",
            "2001::1",
            "64:ff9b:1::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "::ffff:10.0.0.1",
            "::127.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:c0a8:101::1",
        ];
        for ip in not_public {
            assert!(!is_public(ip.parse().unwrap()), "{ip} is not public");
        }
        let public = [
            "1.1.1.1",
            "8.8.8.8",
            "93.184.215.14",
            "100.63.255.255",
            "100.128.0.1",
            "172.15.255.255",
            "172.32.0.1",
            "169.253.0.1",
            "198.17.0.1",
            "198.20.0.1",
            "223.255.255.255",
            "2606:4700:4700::1111",
            "2a00:1450:4001::200e",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
            "2002:808:808::1",
        ];
        for ip in public {
            assert!(is_public(ip.parse().unwrap()), "{ip} is public");
        }
    }

    #[test]
    fn urls_with_non_public_ip_hosts_are_refused_in_every_spelling() {
        let loopback = vec![IpAddr::from([127, 0, 0, 1])];
        for text in [
            "http://127.0.0.1/",
            "http://2130706433/",
            "http://0x7f.1/",
            "http://127.1/",
            "http://0177.0.0.1/",
            "https://127.0.0.1.:8443/x",
        ] {
            assert_eq!(
                fetch_refusal(&url(text), false),
                Some(Refusal::NonPublic(loopback.clone())),
                "{text}"
            );
        }
        for (text, ip) in [
            ("http://0/", "0.0.0.0"),
            ("http://169.254.169.254/latest", "169.254.169.254"),
            ("http://[::1]:8080/", "::1"),
            ("http://[::ffff:a9fe:a9fe]/", "::ffff:169.254.169.254"),
            ("http://[fe80::1]/", "fe80::1"),
            ("http://[fd00::1]/", "fd00::1"),
            ("http://100.64.0.1/", "100.64.0.1"),
            ("http://255.255.255.255/", "255.255.255.255"),
        ] {
            let ip: IpAddr = ip.parse().unwrap();
            assert_eq!(
                fetch_refusal(&url(text), false),
                Some(Refusal::NonPublic(vec![ip])),
                "{text}"
            );
            assert_eq!(fetch_refusal(&url(text), true), None, "{text} allowed");
        }
        for text in [
            "http://93.184.215.14/",
            "https://[2606:4700:4700::1111]/",
            // Names are judged when resolved, at connect time.
            "https://example.com/",
            "http://localhost/",
        ] {
            assert_eq!(fetch_refusal(&url(text), false), None, "{text}");
        }
        for text in ["file:///etc/passwd", "ftp://example.com/", "gopher://x/"] {
            assert_eq!(
                fetch_refusal(&url(text), true),
                Some(Refusal::NotHttp),
                "{text}"
            );
        }
    }

    #[test]
    fn every_redirect_hop_is_checked_like_a_link() {
        let from = url("https://news.example.com/a/b");
        assert_eq!(
            redirect_target(&from, "../c?d=1", false),
            Ok(url("https://news.example.com/c?d=1"))
        );
        assert_eq!(
            redirect_target(&from, "http://elsewhere.example.org/", false),
            Ok(url("http://elsewhere.example.org/"))
        );
        for (location, target, ip) in [
            (
                "http://127.0.0.1/admin",
                "http://127.0.0.1/admin",
                "127.0.0.1",
            ),
            ("//2130706433/", "https://127.0.0.1/", "127.0.0.1"),
            (
                "http://169.254.169.254/latest/meta-data/",
                "http://169.254.169.254/latest/meta-data/",
                "169.254.169.254",
            ),
            (
                "http://[::ffff:10.0.0.1]/",
                "http://[::ffff:a00:1]/",
                "::ffff:10.0.0.1",
            ),
        ] {
            assert_eq!(
                redirect_target(&from, location, false),
                Err(RedirectProblem::Refused(
                    url(target),
                    Refusal::NonPublic(vec![ip.parse().unwrap()])
                )),
                "{location}"
            );
            assert_eq!(
                redirect_target(&from, location, true),
                Ok(url(target)),
                "{location} allowed"
            );
        }
        for location in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "data:text/html,hi",
        ] {
            assert_eq!(
                redirect_target(&from, location, true),
                Err(RedirectProblem::Refused(url(location), Refusal::NotHttp)),
                "{location}"
            );
        }
        assert_eq!(
            redirect_target(&from, "http://[::1\u{1b}[2J", true),
            Err(RedirectProblem::Invalid("http://[::1\\u{1b}[2J".into()))
        );
    }

    #[test]
    fn the_resolver_keeps_public_addresses_and_names_the_others() {
        let addr = |s: &str| -> SocketAddr { s.parse().unwrap() };
        let mixed = vec![addr("10.0.0.1:80"), addr("93.184.215.14:80")];
        assert_eq!(keep_public(mixed).unwrap(), [addr("93.184.215.14:80")]);
        let hidden = keep_public(vec![
            addr("[::1]:80"),
            addr("127.0.0.1:80"),
            addr("127.0.0.1:80"),
        ])
        .unwrap_err();
        let named = hidden.get_ref().unwrap().downcast_ref::<OnlyNonPublic>();
        assert_eq!(
            named.unwrap().0,
            [
                "127.0.0.1".parse::<IpAddr>().unwrap(),
                "::1".parse().unwrap()
            ]
        );
        assert!(keep_public(Vec::new()).unwrap().is_empty());
    }

    #[test]
    fn a_refusal_at_connect_time_reaches_the_warning() {
        // The resolver refuses before any connection, so nothing listens here.
        let agent = ureq::AgentBuilder::new()
            .redirects(0)
            .resolver(PublicOnlyResolver)
            .build();
        for (link, ip) in [
            ("http://127.0.0.1:9/", "127.0.0.1"),
            ("http://[::1]:9/", "::1"),
        ] {
            let Err(ureq::Error::Transport(t)) = agent.get(link).call() else {
                panic!("{link} was fetched");
            };
            assert_eq!(
                refused_addresses(&t),
                Some(vec![ip.parse().unwrap()]),
                "{link}"
            );
        }
    }

    #[test]
    fn cache_entries_that_do_not_read_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("links.json");
        std::fs::write(
            &path,
            r#"{
  "https://a.example/": {"answer": "status", "status": 404, "checked": 5},
  "https://b.example/": {"status": 200, "error": "", "checked": 5},
  "https://c.example/": {"answer": "redirect_not_http", "location": "file:///etc/passwd", "checked": 5},
  "https://d.example/": {"answer": "teleport", "checked": 5},
  "https://e.example/": 7
}"#,
        )
        .unwrap();
        let cache = load_cache(&path);
        assert_eq!(
            cache.keys().collect::<Vec<_>>(),
            ["https://a.example/", "https://c.example/"]
        );
        std::fs::write(&path, "not json").unwrap();
        assert!(load_cache(&path).is_empty());
    }
}
