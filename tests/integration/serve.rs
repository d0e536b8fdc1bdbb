//! `briefing serve`: the real binary on a free port, spoken to over HTTP.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::harness::{SiteTest, tree};
use briefing::render;

/// A running `briefing serve`; killed when dropped.
struct Server {
    child: Child,
    url: String,
    /// The printed URL's host, to connect to (IPv6 without brackets).
    host: String,
    port: u16,
    /// The printed URL's `host:port`, the `Host` a browser would send.
    authority: String,
    log: mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(site: &SiteTest) -> Server {
        Server::start_at(site.root(), &[])
    }

    /// `briefing --root ROOT serve --port 0 ARGS`.
    fn start_at(root: &Path, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(["--root"])
            .arg(root)
            .args(["serve", "--port", "0"])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start briefing serve");
        let stderr = child.stderr.take().expect("piped stderr");
        let (tx, log) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(30);
        let url = loop {
            let line = log
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .expect("serve prints its URL");
            if let Some(rest) = line.strip_prefix("serving ") {
                break rest.split(' ').next().expect("a URL").to_owned();
            }
        };
        let authority = url
            .strip_prefix("http://")
            .and_then(|rest| rest.strip_suffix('/'))
            .expect("an http URL")
            .to_owned();
        let (host, port) = authority.rsplit_once(':').expect("a port in the URL");
        let host = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_owned();
        let port = port.parse().expect("a port number");
        Server {
            child,
            url,
            host,
            port,
            authority,
            log,
        }
    }

    /// A connection to the server, reads timing out after `read_timeout`.
    fn connect(&self, read_timeout: Duration) -> TcpStream {
        let stream = TcpStream::connect((self.host.as_str(), self.port)).expect("connect");
        stream
            .set_read_timeout(Some(read_timeout))
            .expect("timeout");
        stream
    }

    /// Sends `request` exactly as written and reads the response until the
    /// server closes: status, head (lowercased) and body.
    fn send(&self, request: &str) -> (u16, String, String) {
        let mut stream = self.connect(Duration::from_secs(10));
        stream.write_all(request.as_bytes()).expect("send");
        let mut response = String::new();
        let _ = stream.read_to_string(&mut response);
        let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, head.to_lowercase(), body.to_owned())
    }

    /// Raw HTTP/1.1 naming the host as a browser on the printed URL would,
    /// so paths reach the server exactly as written.
    fn raw(&self, method: &str, path: &str) -> (u16, String, String) {
        self.raw_as(method, path, &self.authority)
    }

    /// Raw HTTP/1.1 with this `Host`.
    fn raw_as(&self, method: &str, path: &str, host: &str) -> (u16, String, String) {
        self.send(&format!(
            "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        ))
    }

    fn get(&self, path: &str) -> String {
        let (status, _, body) = self.raw("GET", path);
        assert_eq!(status, 200, "GET {path}");
        body
    }

    /// Opens the reload stream and returns it once the headers are read.
    fn events(&self) -> BufReader<TcpStream> {
        self.events_as(&self.authority)
    }

    /// Opens the reload stream with this `Host` and returns it once a 200
    /// head is read.
    fn events_as(&self, host: &str) -> BufReader<TcpStream> {
        let mut stream = self.connect(Duration::from_secs(20));
        write!(
            stream,
            "GET /__briefing/events HTTP/1.1\r\nHost: {host}\r\n\r\n"
        )
        .expect("send");
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        reader.read_line(&mut line).expect("a status line");
        assert_eq!(line, "HTTP/1.1 200 OK\r\n", "the event stream for {host}");
        while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
            line.clear();
        }
        reader
    }
}

/// Reads the event stream until a reload event arrives, for at most 20
/// seconds in all (the stream's keep-alive comments must not extend it).
fn wait_for_reload(events: &mut BufReader<TcpStream>) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut line = String::new();
    loop {
        line.clear();
        let left = deadline.saturating_duration_since(Instant::now());
        assert!(!left.is_zero(), "no reload event within 20 s");
        events
            .get_ref()
            .set_read_timeout(Some(left))
            .expect("timeout");
        let n = events
            .read_line(&mut line)
            .expect("a reload event before the timeout");
        assert!(n > 0, "event stream closed");
        if line.contains("event: reload") {
            return;
        }
    }
}

// A hand-written entry: cleaning leaves its body as written.
const ARTICLE: &str = "content/2024/11/a-same.md";

#[test]
fn serves_pages_safely_with_the_reload_script() {
    let site = SiteTest::fixture("mixed");
    let server = Server::start(&site);
    assert!(
        server.url.starts_with("http://127.0.0.1:"),
        "{}",
        server.url
    );
    let home = server.get("/");
    assert!(
        home.contains("<script src=\"/__briefing/reload.js\"></script>"),
        "reload script injected"
    );
    // An external script from our own origin, so `script-src 'self'` allows it.
    let (status, head, js) = server.raw("GET", "/__briefing/reload.js");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/javascript"), "{head}");
    assert!(
        js.contains("new EventSource(\"/__briefing/events\")"),
        "{js}"
    );
    // The built site never carries it.
    site.build_ok();
    assert!(!site.read("index.html").contains("__briefing"));

    let (status, head, body) = server.raw("HEAD", "/tags/");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/html"), "{head}");
    assert!(head.contains("cache-control: no-store"), "{head}");
    assert!(body.is_empty());
    let (status, head, _) = server.raw("GET", "/rss.xml");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: application/rss+xml"), "{head}");
    let (status, head, _) = server.raw("GET", "/tags");
    assert_eq!(status, 301);
    assert!(head.contains("location: /tags/"), "{head}");
    let (status, _, body) = server.raw("GET", "/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"), "the site's own 404 page");
    for attack in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/tags/%2E%2E/%2e%2e/briefing.yaml",
        "/..%5c..%5cCargo.toml",
        "//etc/passwd",
    ] {
        let (status, _, body) = server.raw("GET", attack);
        assert!(status == 400 || status == 404, "{attack}: {status}");
        assert!(
            !body.contains("[package]") && !body.contains("root:"),
            "{attack} leaked a file"
        );
    }
    let (status, _, _) = server.raw("POST", "/");
    assert_eq!(status, 405);
}

#[test]
fn an_edit_reloads_and_updates_the_article_its_tag_page_and_the_feed() {
    let site = SiteTest::fixture("mixed");
    let server = Server::start(&site);
    let mut events = server.events();
    let text = std::fs::read_to_string(site.root().join(ARTICLE)).expect("fixture article");
    let edited = text.replacen("title: ", "title: Edited ", 1).replacen(
        "tags: [",
        "tags: [freshly-added, ",
        1,
    ) + "\nA brand new closing sentence from the editor.\n";
    assert_ne!(edited, text, "the fixture has a title and a tags list");
    site.write(ARTICLE, &edited);
    wait_for_reload(&mut events);

    let slug_page = server.get("/tags/freshly-added/");
    assert!(
        slug_page.contains("Edited "),
        "the new tag page lists the article"
    );
    let rss = server.get("/rss.xml");
    assert!(rss.contains("<title>Edited "), "the feed has the new title");
    let article_url = slug_page
        .split("href=\"/articles/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .map(|s| format!("/articles/{s}"))
        .expect("a link to the article");
    let article = server.get(&article_url);
    assert!(article.contains("A brand new closing sentence from the editor."));
    // The terminal says what happened.
    let mut printed = Vec::new();
    while let Ok(line) = server.log.recv_timeout(Duration::from_millis(200)) {
        printed.push(line);
    }
    assert!(
        printed.iter().any(|l| l == "change in Content, rebuilding"),
        "{printed:?}"
    );
}

#[test]
fn bad_front_matter_shows_an_overlay_and_the_server_stays_up() {
    let site = SiteTest::fixture("mixed");
    let server = Server::start(&site);
    let good = std::fs::read_to_string(site.root().join(ARTICLE)).expect("fixture article");
    let mut events = server.events();
    site.write(
        "content/broken.md",
        "---\ntitle: Broken\ndate: 2024-13-45\n---\nx\n",
    );
    wait_for_reload(&mut events);
    let home = server.get("/");
    assert!(home.contains("id=\"briefing-overlay\""), "overlay shown");
    assert!(
        home.contains("content/broken.md:3:7: error: invalid `date` `2024-13-45`"),
        "overlay names the place"
    );
    // The last good site is still served.
    assert!(home.contains("entry-title"));
    std::fs::remove_file(site.root().join("content/broken.md")).expect("remove");
    wait_for_reload(&mut events);
    let home = server.get("/");
    assert!(!home.contains("briefing-overlay"), "overlay cleared");
    assert_eq!(
        std::fs::read_to_string(site.root().join(ARTICLE)).expect("read"),
        good
    );
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port().to_string();
    let site = SiteTest::fixture("mixed");
    let out = site.run(&["serve", "--port", &port]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains(&format!("error: cannot listen on 127.0.0.1:{port}: ")),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_even_with_a_page_listening() {
    let site = SiteTest::fixture("mixed");
    let mut server = Server::start(&site);
    let _events = server.events();
    let pid = server.child.id().to_string();
    let status = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("run kill");
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let exit = loop {
        if let Some(exit) = server.child.try_wait().expect("poll the child") {
            break exit;
        }
        assert!(Instant::now() < deadline, "serve did not stop on SIGINT");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "{exit:?}");
}

#[test]
fn a_template_error_shows_in_the_page_that_uses_it() {
    let site = SiteTest::fixture("mixed");
    let server = Server::start(&site);
    let mut events = server.events();
    // list.html renders tag pages, which serve renders when asked for.
    site.write(
        "templates/list.html",
        "{% extends \"base.html\" %}{% block main %}{{ no_such_variable }}{% endblock main %}",
    );
    wait_for_reload(&mut events);
    let (status, _, body) = server.raw("GET", "/tags/ransomware/");
    assert_eq!(status, 500);
    assert!(body.contains("id=\"briefing-overlay\""), "overlay shown");
    assert!(
        body.contains("templates/list.html"),
        "the template is named"
    );
    // Pages that do not use it still work.
    let (status, _, _) = server.raw("GET", "/");
    assert_eq!(status, 200);
}

/// `serve` finds a requested file through the plan's list of outputs, so
/// that list must name exactly the files rendering makes.
#[test]
fn the_render_plan_names_every_file_rendering_makes() {
    for fixture in ["mixed", "intel"] {
        let site = SiteTest::fixture(fixture);
        let opts = site.options(&briefing::config::Overrides::default());
        let prepared = briefing::prepare(&opts, None).expect("the fixture builds");
        let plan = briefing::render::plan(&prepared.digest, &opts.site);
        let mut planned: Vec<String> = plan
            .iter()
            .flat_map(|r| r.outputs(&prepared.digest))
            .collect();
        planned.sort();
        let rendered: Vec<String> = briefing::render::site(
            &prepared.digest,
            &prepared.templates,
            &opts.site,
            &prepared.kev,
            &plan,
        )
        .expect("renders")
        .into_iter()
        .map(|f| f.path)
        .collect();
        assert_eq!(planned, rendered, "{fixture}");
    }
}

/// The site's sources, to show that serving left them alone.
fn sources(site: &SiteTest) -> [std::collections::BTreeMap<String, Vec<u8>>; 2] {
    [
        tree(&site.root().join("content")),
        tree(&site.root().join("data")),
    ]
}

/// The link on `page` to the article whose slug starts with `slug_start`.
fn article_link(page: &str, slug_start: &str) -> String {
    let from = format!("href=\"/articles/{slug_start}");
    page.split(&from)
        .nth(1)
        .and_then(|r| r.split('"').next())
        .map(|s| format!("/articles/{slug_start}{s}"))
        .unwrap_or_else(|| panic!("no link to /articles/{slug_start}… in {page}"))
}

#[cfg(unix)]
#[test]
fn a_symlinked_root_rebuilds_on_edits() {
    // The intel fixture has a data/ folder too, so "left alone" covers it.
    let site = SiteTest::fixture("intel");
    let link = site.root().with_file_name("site-link");
    std::os::unix::fs::symlink(site.root(), &link).expect("symlink the site");
    let before = sources(&site);
    let server = Server::start_at(&link, &[]);
    let article = "content/gateway.md";
    let text = std::fs::read_to_string(site.root().join(article)).expect("fixture article");
    let home = server.get("/");
    assert!(
        home.contains("Attackers exploit zero-day in Acme Gateway"),
        "{home}"
    );
    assert!(!home.contains("Edited Attackers"));

    let mut events = server.events();
    let edited = text.replacen("title: ", "title: Edited ", 1)
        + "\nA closing sentence written through the symlink.\n";
    // Written through the link, as an editor opened on it would.
    std::fs::write(link.join(article), &edited).expect("edit the article");
    wait_for_reload(&mut events);

    let home = server.get("/");
    assert!(
        home.contains("Edited Attackers exploit zero-day in Acme Gateway"),
        "the home page has the new title"
    );
    let page = server.get(&article_link(&home, "edited-attackers"));
    assert!(page.contains("A closing sentence written through the symlink."));
    // Only the edited file changed.
    let [mut content, data] = before;
    content.insert("gateway.md".to_owned(), edited.into_bytes());
    assert_eq!(sources(&site), [content, data]);
}

/// The `--header-timeout` the timeout tests give the server, in seconds.
const HEADER_TIMEOUT_SECS: u64 = 1;

/// Reads until the server closes the connection; gives what it sent and how
/// long the close took. The client's own limit (10 s) is far above the
/// server's, so a server that never closes fails the read, not the clock.
fn read_until_closed(stream: &mut TcpStream) -> (Vec<u8>, Duration) {
    let started = Instant::now();
    let mut got = Vec::new();
    stream
        .read_to_end(&mut got)
        .expect("the server closes the connection before the client gives up");
    (got, started.elapsed())
}

/// Asserts the close came from the header timeout: not at once (which would
/// be some other refusal), and well within three timeouts.
fn assert_closed_by_the_timeout(took: Duration) {
    let timeout = Duration::from_secs(HEADER_TIMEOUT_SECS);
    assert!(
        took >= timeout / 2,
        "closed after {took:?}, before the timeout"
    );
    assert!(took < timeout * 3, "closed only after {took:?}");
}

#[test]
fn a_stalled_or_trickled_request_head_is_cut_off() {
    let site = SiteTest::fixture("mixed");
    let before = sources(&site);
    let timeout = HEADER_TIMEOUT_SECS.to_string();
    let server = Server::start_at(site.root(), &["--header-timeout", &timeout]);

    // Half a head, then nothing: the server answers nothing and hangs up.
    let mut stalled = server.connect(Duration::from_secs(10));
    stalled
        .write_all(b"GET / HTTP/1.1\r\nHost: 127")
        .expect("send");
    let (got, took) = read_until_closed(&mut stalled);
    assert_eq!(String::from_utf8_lossy(&got), "");
    assert_closed_by_the_timeout(took);

    // A byte every 200 ms keeps the connection busy but never finishes the
    // head: the timeout counts the whole head, not the gap between bytes.
    let mut trickle = server.connect(Duration::from_secs(10));
    let started = Instant::now();
    let mut closed = false;
    for byte in b"GET / HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" {
        if trickle.write_all(&[*byte]).is_err() {
            closed = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let took = started.elapsed();
    assert!(closed, "still open after {took:?} of trickling");
    assert!(
        took < Duration::from_secs(HEADER_TIMEOUT_SECS) * 3,
        "{took:?}"
    );

    // The server is still up and serves a whole request.
    assert!(server.get("/").contains("entry-title"));
    assert_eq!(sources(&site), before);
}

#[test]
fn an_idle_keep_alive_connection_is_closed() {
    let site = SiteTest::fixture("mixed");
    let before = sources(&site);
    let timeout = HEADER_TIMEOUT_SECS.to_string();
    let server = Server::start_at(site.root(), &["--header-timeout", &timeout]);
    let stream = server.connect(Duration::from_secs(10));
    let mut reader = BufReader::new(stream);
    // HTTP/1.1 keeps the connection open by default.
    reader
        .get_mut()
        .write_all(b"GET /__briefing/overlay.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .expect("send");
    let mut head = Vec::new();
    let mut line = String::new();
    while reader.read_line(&mut line).expect("read the head") > 2 {
        head.push(line.trim_end().to_lowercase());
        line.clear();
    }
    assert_eq!(head[0], "http/1.1 200 ok", "{head:?}");
    assert!(!head.iter().any(|h| h == "connection: close"), "{head:?}");
    let length: usize = head
        .iter()
        .find_map(|h| h.strip_prefix("content-length: "))
        .and_then(|n| n.parse().ok())
        .expect("a content-length");
    let mut body = vec![0; length];
    reader.read_exact(&mut body).expect("the whole body");
    assert!(String::from_utf8_lossy(&body).starts_with("#briefing-overlay{"));

    // Nothing more is sent; the server closes the idle connection.
    let started = Instant::now();
    let mut rest = Vec::new();
    reader
        .read_to_end(&mut rest)
        .expect("the server closes the idle connection");
    assert_eq!(String::from_utf8_lossy(&rest), "");
    assert_closed_by_the_timeout(started.elapsed());
    assert_eq!(sources(&site), before);
}

#[test]
fn the_reload_stream_outlives_the_header_timeout() {
    let site = SiteTest::fixture("mixed");
    let timeout = HEADER_TIMEOUT_SECS.to_string();
    let server = Server::start_at(site.root(), &["--header-timeout", &timeout]);
    let mut events = server.events();
    std::thread::sleep(Duration::from_secs(HEADER_TIMEOUT_SECS) * 3);
    let text = std::fs::read_to_string(site.root().join(ARTICLE)).expect("fixture article");
    let edited = text.replacen("title: ", "title: Edited late ", 1);
    site.write(ARTICLE, &edited);
    wait_for_reload(&mut events);
    assert!(server.get("/rss.xml").contains("<title>Edited late "));
}

/// What a request for a host the preview does not answer to gets, in full.
const REFUSAL: &str = "Misdirected request: this preview answers only to the addresses it serves. Open the URL `briefing serve` printed, or start it with --allow-host NAME to reach it under another name.\n";

/// Asserts a response is the refusal and nothing else.
fn assert_refused((status, head, body): (u16, String, String), what: &str) {
    assert_eq!(status, 421, "{what}: {head}");
    assert!(
        head.contains("content-type: text/plain; charset=utf-8"),
        "{what}: {head}"
    );
    assert!(head.contains("connection: close"), "{what}: {head}");
    assert_eq!(body, REFUSAL, "{what}");
}

#[test]
fn a_foreign_host_is_refused_on_every_route_even_with_the_overlay_up() {
    let site = SiteTest::fixture("mixed");
    let before = sources(&site);
    let server = Server::start(&site);
    let port = server.port;
    let forged = ["evil.example".to_owned(), format!("evil.example:{port}")];
    let routes = [
        "/",
        "/rss.xml",
        "/tags/",
        "/no/such/page/",
        "/__briefing/events",
        "/__briefing/reload.js",
        "/__briefing/overlay.css",
    ];
    for host in &forged {
        for path in routes {
            assert_refused(server.raw_as("GET", path, host), &format!("{host} {path}"));
        }
        // The event stream as a page opens it (no `Connection: close`): the
        // refusal closes the connection rather than keep it for a stream.
        assert_refused(
            server.send(&format!(
                "GET /__briefing/events HTTP/1.1\r\nHost: {host}\r\n\r\n"
            )),
            &format!("{host} event stream"),
        );
    }
    // No Host at all (HTTP/1.0), two of them, and an absolute target whose
    // host differs from a good header (or the other way round).
    assert_refused(server.send("GET / HTTP/1.0\r\n\r\n"), "no Host");
    assert_refused(
        server.send(&format!(
            "GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
        )),
        "two Hosts",
    );
    assert_refused(
        server.send(&format!(
            "GET http://evil.example/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        )),
        "absolute target",
    );
    assert_refused(
        server.send(&format!(
            "GET http://127.0.0.1:{port}/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
        )),
        "absolute target, forged header",
    );

    // The names a browser on this machine uses still work, page and stream.
    for host in [format!("localhost:{port}"), format!("127.0.0.1:{port}")] {
        let (status, _, body) = server.raw_as("GET", "/", &host);
        assert_eq!(status, 200, "{host}");
        assert!(body.contains("entry-title"), "{host}");
    }
    let mut events = server.events_as(&format!("localhost:{port}"));

    // With a failed build the overlay quotes the front matter; a forged Host
    // still gets only the refusal.
    site.write(
        "content/broken.md",
        "---\ntitle: Broken\ndate: 2024-13-45\n---\nx\n",
    );
    wait_for_reload(&mut events);
    let home = server.get("/");
    assert!(home.contains("id=\"briefing-overlay\""), "overlay shown");
    assert!(home.contains("2024-13-45"), "the overlay quotes the value");
    for host in &forged {
        for path in ["/", "/no/such/page/", "/__briefing/overlay.css"] {
            let response = server.raw_as("GET", path, host);
            assert!(!response.2.contains("briefing-overlay"));
            assert!(!response.2.contains("2024-13-45"));
            assert!(!response.2.contains("evil"));
            assert_refused(response, &format!("{host} {path} with the overlay up"));
        }
    }
    std::fs::remove_file(site.root().join("content/broken.md")).expect("remove");
    wait_for_reload(&mut events);
    assert_eq!(sources(&site), before);
}

#[test]
fn the_bind_name_and_allowed_hosts_are_answered() {
    let site = SiteTest::fixture("mixed");
    let before = sources(&site);
    let server = Server::start_at(
        site.root(),
        &["--bind", "localhost", "--allow-host", "Preview.Example"],
    );
    let port = server.port;
    assert_eq!(server.url, format!("http://localhost:{port}/"));
    // The port is not checked: a proxy forwards its own, or none.
    for host in [
        format!("localhost:{port}"),
        "preview.example".to_owned(),
        "PREVIEW.example.:8443".to_owned(),
    ] {
        let (status, _, body) = server.raw_as("GET", "/", &host);
        assert_eq!(status, 200, "{host}");
        assert!(body.contains("entry-title"), "{host}");
    }
    let mut events = server.events_as("preview.example");
    for host in [
        "other.example",
        "preview.example.evil.example",
        "evil.preview.example",
        "preview.example:8443:1",
    ] {
        assert_refused(server.raw_as("GET", "/", host), host);
    }
    // The stream opened under the allowed name works.
    let text = std::fs::read_to_string(site.root().join(ARTICLE)).expect("fixture article");
    site.write(ARTICLE, &text.replacen("title: ", "title: Proxied ", 1));
    wait_for_reload(&mut events);
    site.write(ARTICLE, &text);
    wait_for_reload(&mut events);
    assert_eq!(sources(&site), before);
}

/// Asserts that every file `build` writes for the site, with the server's
/// base URL, is what the server answers for that path (less the reload
/// script it injects into pages), and that the server has no page the
/// build lacks among the pages the build's links name.
fn assert_serve_equals_build(site: &SiteTest, server: &Server, after: &str) {
    let out = tempfile::tempdir().expect("temp dir");
    let out_dir = out.path().join("built");
    let built = site.run(&[
        "build",
        "--base-url",
        &server.url,
        "--output",
        out_dir.to_str().expect("utf-8 temp path"),
    ]);
    assert_eq!(built.code, 0, "after {after}: {}", built.stderr);
    let files = tree(&out_dir);
    assert!(files.len() > 10, "after {after}: a real site");
    let injected = "<script src=\"/__briefing/reload.js\"></script>";
    let mut differ = Vec::new();
    for (path, bytes) in &files {
        if path == ".briefing-output" {
            continue;
        }
        let (status, _, body) = server.raw("GET", &format!("/{path}"));
        let expected = String::from_utf8_lossy(bytes);
        let served = if path.ends_with(".html") {
            body.replacen(injected, "", 1)
        } else {
            body
        };
        if status != 200 || served != expected {
            differ.push(format!("{path} ({status})"));
        }
    }
    assert!(
        differ.is_empty(),
        "after {after}, serve and build differ on {} of {} files: {differ:?}",
        differ.len(),
        files.len()
    );
}

#[test]
fn serve_answers_what_build_writes_after_every_kind_of_change() {
    let site = SiteTest::fixture("mixed");
    let server = Server::start(&site);
    assert_serve_equals_build(&site, &server, "start");
    let article = site.root().join(ARTICLE);
    let text = std::fs::read_to_string(&article).expect("fixture article");
    let new_file = "content/2024/12/new-report.md";
    let new_text = "---\ntitle: A new report on VPN appliances\nsource: Fresh Source\ndate: 2024-12-20\ntags: [vulns, appliances]\n---\nCVE-2024-3400 is exploited again, says a new report.\n";
    let renamed = "content/2024/12/renamed-report.md";
    let template = "{% extends \"base.html\" %}{% block main %}<h1>{{ title }}</h1><p>Nothing here, edited.</p>{% endblock main %}";
    type Change<'a> = (&'a str, Box<dyn Fn() + 'a>);
    let changes: Vec<Change> = vec![
        (
            "a body edit",
            Box::new(|| {
                site.write(
                    ARTICLE,
                    &format!("{text}\nA closing line the editor added.\n"),
                );
            }),
        ),
        (
            "a tag change",
            Box::new(|| {
                site.write(
                    ARTICLE,
                    &text.replacen("tags: [", "tags: [brand-new-tag, ", 1),
                );
            }),
        ),
        (
            "a new file",
            Box::new(|| {
                site.write(new_file, new_text);
            }),
        ),
        (
            "a rename",
            Box::new(|| {
                std::fs::rename(site.root().join(new_file), site.root().join(renamed))
                    .expect("rename");
            }),
        ),
        (
            "a delete",
            Box::new(|| std::fs::remove_file(site.root().join(renamed)).expect("delete")),
        ),
        (
            "a template change",
            Box::new(|| {
                site.write("templates/404.html", template);
            }),
        ),
        (
            "a data change",
            Box::new(|| {
                site.write(
                    "data/entities.yaml",
                    "actors:\n  - name: Vuln Weekly Crew\n    aliases: [VPN appliances]\n",
                );
            }),
        ),
    ];
    for (what, change) in &changes {
        let mut events = server.events();
        change();
        wait_for_reload(&mut events);
        assert_serve_equals_build(&site, &server, what);
    }
}

#[test]
fn serve_answers_every_shard_of_a_sharded_index() {
    let site = SiteTest::fixture("mixed");
    // The fixture's articles are of 2024 and 2025: past 3 the index is sharded.
    site.write(
        "briefing.yaml",
        "title: Mixed Digest\nsearch:\n  shard_items: 3\n",
    );
    let server = Server::start(&site);
    assert_serve_equals_build(&site, &server, "start");
    let (status, _, manifest) = server.raw("GET", "/search.json");
    assert_eq!(status, 200);
    assert!(
        manifest.contains(r#""url":"search/2025.json""#),
        "{manifest}"
    );
    let (status, _, shard) = server.raw("GET", "/search/2024.json");
    assert_eq!(status, 200);
    assert!(shard.starts_with(r#"{"version":1,"#), "{shard}");
    // An article in a year of its own adds a shard.
    let mut events = server.events();
    site.write(
        "content/2023/old-report.md",
        "---\ntitle: An old report\ndate: 2023-05-01\n---\nOlder news.\n",
    );
    wait_for_reload(&mut events);
    assert_serve_equals_build(&site, &server, "a new year");
    assert_eq!(server.raw("GET", "/search/2023.json").0, 200);
}

#[test]
fn a_body_edit_keeps_the_groups_and_gives_the_digest_a_full_build_gives() {
    let site = SiteTest::fixture("mixed");
    let opts = site.options(&briefing::config::Overrides::default());
    // A body longer than the lede (the first 80 words, which clustering
    // compares), so that its last line is read by no grouping.
    let short = std::fs::read_to_string(site.root().join(ARTICLE)).expect("fixture article");
    let filler = "Appliance vendors shipped fixes across many product lines this week. ".repeat(12);
    let text = format!("{short}\n{filler}\n");
    site.write(ARTICLE, &text);
    let mut cache = briefing::ArticleCache::default();
    let first = briefing::prepare(&opts, Some(&mut cache)).expect("builds");

    // A sentence added at the end of the body.
    site.write(
        ARTICLE,
        &format!("{text}\nOne more sentence for the body.\n"),
    );
    let patched = briefing::prepare_after(&opts, &mut cache, &first.digest).expect("builds");
    assert_eq!(
        patched.regrouped,
        briefing::Regrouped::Nothing,
        "a body edit keeps the groups"
    );
    let full = briefing::prepare(&opts, None).expect("builds");
    assert!(
        patched.digest == full.digest,
        "the patched digest is the full one"
    );
    assert!(
        patched.digest.entries.iter().any(|e| e
            .article
            .html
            .as_str()
            .contains("One more sentence")),
        "the edit is in"
    );

    // A tag, a title or the lede changes groups, slugs or stories: the site
    // is regrouped.
    for edited in [
        text.replacen("This week", "Last week", 1),
        text.replacen("tags: [", "tags: [another-tag, ", 1),
        text.replacen("title: ", "title: Retitled ", 1),
    ] {
        site.write(ARTICLE, &edited);
        let regrouped =
            briefing::prepare_after(&opts, &mut cache, &patched.digest).expect("builds");
        assert_ne!(
            regrouped.regrouped,
            briefing::Regrouped::Nothing,
            "{edited}"
        );
        let full = briefing::prepare(&opts, None).expect("builds");
        assert!(regrouped.digest == full.digest);
    }

    // A copy of the article under its URL: a new URL changes the stories,
    // so the stories of the last digest must not be kept.
    site.write(ARTICLE, &text);
    let copy = "content/2024/11/copy.md";
    site.write(copy, &text.replacen("title: ", "title: Copy of ", 1));
    let together = briefing::prepare_after(&opts, &mut cache, &patched.digest).expect("builds");
    let story_count = |d: &briefing::digest::Digest| d.clusters.len();
    site.write(
        copy,
        "---\ntitle: Botnet operators move to residential proxies\nurl: https://vulnweekly.example.com/2024/11/proxies\nsource: Vuln Weekly\ndate: 2024-11-12\ntags: [botnets]\n---\nResidential proxy networks now carry most of the traffic researchers saw.\n",
    );
    let apart = briefing::prepare_after(&opts, &mut cache, &together.digest).expect("builds");
    assert_ne!(story_count(&apart.digest), story_count(&together.digest));
    assert!(apart.digest == briefing::prepare(&opts, None).expect("builds").digest);
}

#[test]
fn a_file_whose_length_and_time_have_not_moved_is_not_read_again() {
    let site = SiteTest::fixture("mixed");
    let opts = site.options(&briefing::config::Overrides::default());
    let path = site.root().join(ARTICLE);
    let text = std::fs::read_to_string(&path).expect("fixture article");
    let settled = std::time::SystemTime::now() - Duration::from_secs(60);
    let set_time = || {
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_modified(settled))
            .expect("set the file's time");
    };
    set_time();
    let mut cache = briefing::ArticleCache::default();
    let first = briefing::prepare(&opts, Some(&mut cache)).expect("builds");
    let title = |digest: &briefing::digest::Digest| {
        digest
            .entries
            .iter()
            .find(|e| e.article.path.ends_with("a-same.md"))
            .map(|e| e.article.meta.title.clone())
            .expect("the article")
    };
    assert_eq!(title(&first.digest), "Weekly vulnerability roundup");

    // Same length, same time: the stamp matches, so the cached article stands.
    let same_length = text.replacen("Weekly", "Weakly", 1);
    assert_eq!(same_length.len(), text.len());
    std::fs::write(&path, &same_length).expect("write");
    set_time();
    let second = briefing::prepare_after(&opts, &mut cache, &first.digest).expect("builds");
    assert_eq!(title(&second.digest), "Weekly vulnerability roundup");

    // Any save moves the time: the file is read again.
    std::fs::write(&path, &same_length).expect("write");
    let third = briefing::prepare_after(&opts, &mut cache, &second.digest).expect("builds");
    assert_eq!(title(&third.digest), "Weakly vulnerability roundup");
}

#[test]
fn tag_changes_move_only_the_touched_groups_and_give_the_digest_a_full_build_gives() {
    let site = SiteTest::fixture("mixed");
    let opts = site.options(&briefing::config::Overrides::default());
    // 500 short entries share `bulk`: the most one tag may have and still
    // count for related articles. A 501st stops it counting for them all.
    const WORDS: [&str; 10] = [
        "amber", "birch", "cedar", "dune", "ember", "fjord", "grove", "heath", "inlet", "juniper",
    ];
    for i in 0..501 {
        let tags = match i {
            0..3 => "[bulk, Spelled]",
            3..500 => "[bulk]",
            _ => "[other]",
        };
        site.write(
            &format!("content/bulk/{i:03}.md"),
            &format!(
                "---\ntitle: {} {} {i}\ndate: 2024-10-{:02}\ntags: {tags}\n---\nText {i}.\n",
                WORDS[i % 10],
                WORDS[(i / 10) % 10],
                1 + i % 28
            ),
        );
    }
    let mut cache = briefing::ArticleCache::default();
    let mut last = briefing::prepare(&opts, Some(&mut cache)).expect("builds");
    let edits: [(&str, &str, &str); 5] = [
        // A new tag, and the group crosses the related limit.
        ("content/bulk/500.md", "[other]", "[other, bulk]"),
        // The only member leaves: the group goes.
        ("content/bulk/500.md", "[other, bulk]", "[bulk]"),
        // Another spelling of a kept tag: once most use it, it names the group.
        ("content/bulk/000.md", "Spelled]", "spelled]"),
        ("content/bulk/001.md", "Spelled]", "spelled]"),
        // Back below the limit.
        ("content/bulk/500.md", "[bulk]", "[other]"),
    ];
    for (path, from, to) in edits {
        let text = std::fs::read_to_string(site.root().join(path)).expect("read");
        assert!(text.contains(from), "{path}: {from}");
        site.write(path, &text.replacen(from, to, 1));
        let next = briefing::prepare_after(&opts, &mut cache, &last.digest).expect("builds");
        assert!(
            next.timings.iter().any(|(stage, _)| *stage == "retag"),
            "{path}: {to} takes the tag path"
        );
        let full = briefing::prepare(&opts, None).expect("builds");
        assert!(
            next.digest == full.digest,
            "{path}: {from} -> {to} gives the digest a full build gives"
        );
        assert_eq!(next.regrouped, briefing::Regrouped::Tags);
        // The plan and its index, spliced as `serve` splices them, are
        // those of a full build.
        let last_plan = render::plan(&last.digest, &opts.site);
        let last_index = render::path_index(&last_plan, &last.digest);
        let replanned = render::replan_tags(&last_plan, &next.digest, &opts.site);
        let full_plan = render::plan(&full.digest, &opts.site);
        assert!(replanned == full_plan, "{path}: {from} -> {to}: the plan");
        assert_eq!(
            render::reindexed(&last_plan, &last_index, &replanned, &next.digest),
            render::path_index(&full_plan, &full.digest),
            "{path}: {from} -> {to}: the index"
        );
        if to == "[other, bulk]" {
            assert_ne!(
                next.digest.related, last.digest.related,
                "past the limit `bulk` no longer relates its members"
            );
        }
        last = next;
    }
    assert!(last.digest.tags.contains_key("other"));
    assert_eq!(last.digest.tags["bulk"].entries.len(), 500);
    assert_eq!(last.digest.tags["spelled"].name, "spelled");
}
