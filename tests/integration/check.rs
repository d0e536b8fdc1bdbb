//! `briefing check`: the whole build in memory, then links, anchors and
//! feeds checked, nothing written. `--external` is tested on the `outgoing`
//! fixture, which links nowhere itself, against servers on 127.0.0.1 that
//! each test starts, so nothing leaves the machine.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

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
            "public/404.html:35:13: error: broken link `/no-such-page/`: nothing is built at `no-such-page/index.html`",
            "public/404.html:35:44: error: broken anchor `/tags/#nowhere`: `tags/index.html` has no id `nowhere`",
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

    let out = site.run(&["check", "--external"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let errors: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains(": error: "))
        .collect();
    assert_eq!(
        errors,
        [format!(
            "{PAGE}:48:91: error: external link http://127.0.0.1:{port}/missing answers 404"
        )],
        "{}",
        out.stderr
    );
    let asked = requests.load(Ordering::SeqCst);
    assert_eq!(asked, 2, "one HEAD per link");
    // The answers are cached: a second run asks nothing and reports the same.
    let again = site.run(&["check", "--external"]);
    assert_eq!(again.code, 1);
    assert_eq!(requests.load(Ordering::SeqCst), asked);
    assert!(
        site.root()
            .join(".briefing-cache/external-links.json")
            .is_file()
    );
}
