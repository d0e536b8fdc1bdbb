//! `briefing check`: the whole build in memory, then links, anchors and
//! feeds checked, nothing written. `--external` is tested on the `outgoing`
//! fixture, which links nowhere itself, against servers on 127.0.0.1 that
//! each test starts, so nothing leaves the machine.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::harness::SiteTest;

#[test]
fn check_passes_a_good_site_and_writes_nothing() {
    let site = SiteTest::fixture("mixed");
    let out = site.run(&["check"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!site.out_dir().exists());
}

#[test]
fn check_finds_a_planted_broken_link_and_anchor() {
    let site = SiteTest::fixture("mixed");
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}\n{% block main %}<h1>{{ title }}</h1>\n<p><a href=\"{{ site.home_url }}no-such-page/\">x</a> <a href=\"{{ site.tags_url }}#nowhere\">y</a></p>\n{% endblock main %}\n",
    );
    let out = site.run(&["check"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let errors: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains(": error: "))
        .collect();
    assert_eq!(
        errors,
        [
            "public/404.html:54:13: error: broken link `/no-such-page/`: nothing is built at `no-such-page/index.html`",
            "public/404.html:54:44: error: broken anchor `/tags/#nowhere`: `tags/index.html` has no id `nowhere`",
        ]
    );
    // `build` does not run these checks: the same site builds.
    assert_eq!(site.run(&["build"]).code, 0);
}

#[test]
fn check_finds_a_planted_bad_feed() {
    let site = SiteTest::fixture("mixed");
    site.write(
        "templates/rss.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>{{ title }}</title>\n{% for item in items %}<item><title>{{ item.title }}</title><link>{{ item.link }}</link></item>\n{% endfor %}</channel></rss>\n",
    );
    let out = site.run(&["check"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("public/rss.xml:1:1: error: feed has no self link (rel=\"self\")"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("public/rss.xml:3:1: error: feed item has no <guid>"),
        "{}",
        out.stderr
    );
}

/// A tiny HTTP server on a free local port. Each request is answered with
/// `respond(request_line)`: a status line and any headers, without the
/// `HTTP/1.1 ` and with no body. Counts the requests it answers.
fn local_server(respond: fn(&str) -> String) -> (u16, Arc<AtomicUsize>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a local port");
    let port = listener.local_addr().expect("local address").port();
    let count = Arc::new(AtomicUsize::new(0));
    let counter = count.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream);
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            // Skip the headers.
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            counter.fetch_add(1, Ordering::SeqCst);
            let head = respond(&request_line);
            let mut stream = reader.into_inner();
            let _ = write!(
                stream,
                "HTTP/1.1 {head}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    (port, count)
}

/// `/ok` answers 200, anything else 404.
fn ok_or_missing(request_line: &str) -> String {
    if request_line.contains(" /ok ") {
        "200 OK".into()
    } else {
        "404 Not Found".into()
    }
}

/// Writes an article whose body links to each of `links` (as HTML, since
/// markdown takes no `[` in a link, which IPv6 hosts need).
fn write_outgoing(site: &SiteTest, links: &[String]) {
    let body: Vec<String> = links
        .iter()
        .enumerate()
        .map(|(i, link)| format!("<a href=\"{link}\">link {i}</a>"))
        .collect();
    site.write(
        "content/outgoing.md",
        &format!(
            "---\ntitle: Outgoing links\ndate: 2024-11-01\n---\nSee {}.\n",
            body.join(", ")
        ),
    );
}

/// The messages of every diagnostic line in `stderr` about an external
/// link, without their location (which the tests check once).
fn external_messages(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| l.split_once(": external link "))
        .map(|(head, rest)| {
            let kind = head.rsplit(": ").next().unwrap_or_default();
            format!("{kind}: external link {rest}")
        })
        .collect()
}

const PAGE: &str = "public/articles/outgoing-links/index.html";

#[test]
fn check_external_reports_dead_outgoing_links_and_remembers_answers() {
    let (port, requests) = local_server(ok_or_missing);
    let site = SiteTest::fixture("outgoing");
    write_outgoing(
        &site,
        &[
            format!("http://127.0.0.1:{port}/ok"),
            format!("http://127.0.0.1:{port}/missing"),
        ],
    );
    // Without --external nothing is fetched.
    assert_eq!(site.run(&["check"]).code, 0);
    assert_eq!(requests.load(Ordering::SeqCst), 0);

    // The server is on a loopback address, so it takes the flag.
    let out = site.run(&["check", "--external", "--external-allow-private"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let errors: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains(": error: "))
        .collect();
    assert_eq!(
        errors,
        [format!(
            "{PAGE}:70:91: error: external link http://127.0.0.1:{port}/missing answers 404"
        )],
        "{}",
        out.stderr
    );
    let asked = requests.load(Ordering::SeqCst);
    assert_eq!(asked, 2, "one HEAD per link");
    // The answers are cached: a second run asks nothing and reports the same.
    let again = site.run(&["check", "--external", "--external-allow-private"]);
    assert_eq!(again.code, 1);
    assert_eq!(requests.load(Ordering::SeqCst), asked);
    assert!(
        site.root()
            .join(".briefing-cache/external-links.json")
            .is_file()
    );
}

#[test]
fn check_external_skips_non_public_addresses_without_asking() {
    let (port, requests) = local_server(ok_or_missing);
    let site = SiteTest::fixture("outgoing");
    write_outgoing(
        &site,
        &[
            format!("http://127.0.0.1:{port}/ok"),
            // The same address, spelled as one number and as 0 (0.0.0.0
            // reaches the local machine too).
            format!("http://2130706433:{port}/decimal"),
            format!("http://0:{port}/zero"),
            format!("http://[::ffff:127.0.0.1]:{port}/mapped"),
            "http://169.254.169.254/latest".to_owned(),
            "http://10.0.0.1/router".to_owned(),
            // A name is refused when it resolves, before connecting.
            format!("http://localhost:{port}/name"),
        ],
    );
    let out = site.run(&["check", "--external"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(requests.load(Ordering::SeqCst), 0, "nothing was asked");
    let skipped = |link: &str, ip: &str| {
        format!(
            "warning: external link {link} answers from a non-public address ({ip}); skipped (pass --external-allow-private to check it)"
        )
    };
    let mut messages = external_messages(&out.stderr);
    let by_name = messages
        .iter()
        .position(|m| m.contains("/name "))
        .map(|i| messages.remove(i))
        .unwrap_or_else(|| panic!("no warning for the name:\n{}", out.stderr));
    assert!(
        by_name.starts_with(&format!(
            "warning: external link http://localhost:{port}/name answers from a non-public address ("
        )) && by_name.ends_with("); skipped (pass --external-allow-private to check it)"),
        "{by_name}"
    );
    messages.sort();
    let mut expected = vec![
        skipped(&format!("http://127.0.0.1:{port}/ok"), "127.0.0.1"),
        skipped(&format!("http://127.0.0.1:{port}/decimal"), "127.0.0.1"),
        skipped(&format!("http://0.0.0.0:{port}/zero"), "0.0.0.0"),
        skipped(
            &format!("http://[::ffff:7f00:1]:{port}/mapped"),
            "::ffff:127.0.0.1",
        ),
        skipped("http://169.254.169.254/latest", "169.254.169.254"),
        skipped("http://10.0.0.1/router", "10.0.0.1"),
    ];
    expected.sort();
    assert_eq!(messages, expected, "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!(
            "{PAGE}:70:17: warning: external link http://127.0.0.1:{port}/ok answers"
        )),
        "{}",
        out.stderr
    );
    // Skipped links are not remembered, so the flag asks them next time.
    // (Not run here: it would ask 169.254.169.254 and 10.0.0.1 for real.)
    assert_eq!(cached_links(&site), serde_json::json!({}));
}

/// The cache file `check --external` leaves, as JSON.
fn cached_links(site: &SiteTest) -> serde_json::Value {
    let path = site.root().join(".briefing-cache/external-links.json");
    let text = std::fs::read_to_string(&path).expect("cache written");
    serde_json::from_str(&text).expect("cache is JSON")
}

/// Redirects, for the hop-by-hop tests.
fn redirecting(request_line: &str) -> String {
    let path = request_line.split(' ').nth(1).unwrap_or_default();
    match path {
        "/passwd" => "302 Found\r\nLocation: file:///etc/passwd".into(),
        "/script" => "301 Moved Permanently\r\nLocation: javascript:alert(document.cookie)".into(),
        "/moved" => "301 Moved Permanently\r\nLocation: /ok".into(),
        "/a/moved-away" => "307 Temporary Redirect\r\nLocation: ../gone".into(),
        "/loop" => "302 Found\r\nLocation: /loop".into(),
        _ => ok_or_missing(request_line),
    }
}

#[test]
fn check_external_refuses_redirects_out_of_http_and_never_panics() {
    let (port, requests) = local_server(redirecting);
    let site = SiteTest::fixture("outgoing");
    write_outgoing(
        &site,
        &[
            format!("http://127.0.0.1:{port}/passwd"),
            format!("http://127.0.0.1:{port}/script"),
        ],
    );
    let content = crate::harness::tree(&site.root().join("content"));
    let data = crate::harness::tree(&site.root().join("data"));
    let expected = [
        format!(
            "{PAGE}:70:17: error: external link http://127.0.0.1:{port}/passwd redirects to file:///etc/passwd, which is not an http or https address; not followed"
        ),
        format!(
            "{PAGE}:70:95: error: external link http://127.0.0.1:{port}/script redirects to javascript:alert(document.cookie), which is not an http or https address; not followed"
        ),
    ];
    // The second run reads the answers from the cache.
    for run in ["first", "second"] {
        let out = site.run(&["check", "--external", "--external-allow-private"]);
        assert_eq!(out.code, 1, "{run} run:\n{}", out.stderr);
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        let errors: Vec<&str> = out
            .stderr
            .lines()
            .filter(|l| l.contains(": error: "))
            .collect();
        assert_eq!(errors, expected, "{run} run");
        assert_eq!(requests.load(Ordering::SeqCst), 2, "{run} run");
    }
    assert_eq!(crate::harness::tree(&site.root().join("content")), content);
    assert_eq!(crate::harness::tree(&site.root().join("data")), data);
}

#[test]
fn check_external_follows_redirects_hop_by_hop() {
    let (port, requests) = local_server(redirecting);
    let site = SiteTest::fixture("outgoing");
    write_outgoing(
        &site,
        &[
            format!("http://127.0.0.1:{port}/moved"),
            format!("http://127.0.0.1:{port}/a/moved-away"),
            format!("http://127.0.0.1:{port}/loop"),
        ],
    );
    let out = site.run(&["check", "--external", "--external-allow-private"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let mut messages = external_messages(&out.stderr);
    messages.sort();
    assert_eq!(
        messages,
        [
            format!("error: external link http://127.0.0.1:{port}/a/moved-away answers 404"),
            format!(
                "warning: external link http://127.0.0.1:{port}/loop could not be reached: more than 5 redirects"
            ),
        ],
        "{}",
        out.stderr
    );
    // /moved and /ok; /a/moved-away and /gone; /loop six times.
    assert_eq!(requests.load(Ordering::SeqCst), 2 + 2 + 6);
}

#[test]
fn check_external_stops_at_its_time_limit_and_remembers_nothing_it_did_not_check() {
    // Listeners that never accept: the system completes the connection and
    // no answer ever comes. Each port is a host of its own, and there are
    // more of them than hosts checked at once.
    let silent: Vec<std::net::TcpListener> = (0..20)
        .map(|_| std::net::TcpListener::bind("127.0.0.1:0").expect("bind a local port"))
        .collect();
    let links: Vec<String> = silent
        .iter()
        .flat_map(|l| {
            let port = l.local_addr().expect("local address").port();
            [
                format!("http://127.0.0.1:{port}/first"),
                format!("http://127.0.0.1:{port}/second"),
            ]
        })
        .collect();
    let site = SiteTest::fixture("outgoing");
    write_outgoing(&site, &links);
    // What the rest of `check` takes on this machine, now.
    let started = Instant::now();
    assert_eq!(site.run(&["check"]).code, 0);
    let without_links = started.elapsed();

    let started = Instant::now();
    let out = site.run(&[
        "check",
        "--external",
        "--external-allow-private",
        "--external-timeout",
        "1",
    ]);
    let took = started.elapsed();
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Each request alone may take 10 s, and 20 hosts on 16 threads would
    // take two rounds of that; the limit ends it after about one second.
    assert!(
        took < without_links + Duration::from_secs(6),
        "took {took:?} ({without_links:?} without external links)"
    );
    let mut messages = external_messages(&out.stderr);
    messages.sort();
    let mut expected: Vec<String> = links
        .iter()
        .map(|link| {
            format!(
                "warning: external link {link} was not checked: the 1s allowed for external links ran out (raise it with --external-timeout)"
            )
        })
        .collect();
    expected.sort();
    assert_eq!(messages, expected, "{}", out.stderr);
    assert_eq!(
        cached_links(&site),
        serde_json::json!({}),
        "nothing unchecked is remembered"
    );
    drop(silent);
}

#[cfg(unix)]
#[test]
fn check_external_never_writes_its_cache_through_a_link_or_over_a_file_it_did_not_write() {
    let (port, _) = local_server(ok_or_missing);
    let site = SiteTest::fixture("outgoing");
    write_outgoing(&site, &[format!("http://127.0.0.1:{port}/ok")]);
    let outside = tempfile::tempdir().expect("tempdir");
    let bashrc = outside.path().join(".bashrc");
    std::fs::write(&bashrc, "export PATH=/usr/bin\n").expect("write");
    std::fs::create_dir_all(site.root().join(".briefing-cache")).expect("mkdir");
    let cache = site.root().join(".briefing-cache/external-links.json");
    let warning = |why: &str| format!(".briefing-cache/external-links.json: warning: {why}");

    // The cache file is a link to a file elsewhere: the link is left alone.
    std::os::unix::fs::symlink(&bashrc, &cache).expect("link");
    let out = site.run(&["check", "--external", "--external-allow-private"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains(&warning("not a cache Briefing wrote (a link, or not a JSON object); left as it is and answers were not saved")),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&bashrc).expect("read"),
        "export PATH=/usr/bin\n"
    );
    assert!(
        std::fs::symlink_metadata(&cache)
            .expect("link")
            .file_type()
            .is_symlink()
    );

    // The cache folder is a link out of the site: nothing is written there.
    std::fs::remove_dir_all(site.root().join(".briefing-cache")).expect("remove");
    std::os::unix::fs::symlink(outside.path(), site.root().join(".briefing-cache")).expect("link");
    let out = site.run(&["check", "--external", "--external-allow-private"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains(&warning(
            "the cache folder is a link out of the site; answers were not saved"
        )),
        "{}",
        out.stderr
    );
    let names: Vec<_> = std::fs::read_dir(outside.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, [std::ffi::OsString::from(".bashrc")]);
}
