//! Names and titles written by strangers: each costs at most one message,
//! never the site, never valid XML and never a Windows checkout.
//!
//! Each test starts from the one-article `hostile` fixture, writes its
//! hostile files at test time (so no odd file name or invisible character
//! lives in the repository), builds, and checks the parsed output and that
//! `content/` is byte for byte what was written.
//! See: issue 11, "Input that must cost one message, not the site".

use std::collections::BTreeMap;

use scraper::Html;

use crate::harness::{SiteTest, attrs, entry_titles, sel, text_of, texts, tree, xml_named};

/// The fixture with `files` (path → text) written into it.
fn site_with(files: &[(&str, &str)]) -> SiteTest {
    let site = SiteTest::fixture("hostile");
    for (path, text) in files {
        site.write(path, text);
    }
    site
}

fn content(site: &SiteTest) -> BTreeMap<String, Vec<u8>> {
    tree(&site.root().join("content"))
}

/// Builds with the binary and asserts it succeeded and left `content/` alone.
fn build(site: &SiteTest, args: &[&str]) -> String {
    let before = content(site);
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let out = site.run(&all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(content(site), before, "content/ was changed");
    out.stderr
}

/// Output folders directly under `dir`.
fn folders(site: &SiteTest, dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(site.out_path(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.expect("entry"))
        .filter(|e| e.file_type().expect("type").is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn json(site: &SiteTest, path: &str) -> serde_json::Value {
    serde_json::from_str(&site.read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Text of `html` read as an HTML fragment, and the names of the elements in it.
fn as_html(html: &str) -> (String, Vec<String>) {
    let doc = Html::parse_fragment(html);
    let elements = doc
        .root_element()
        .descendants()
        .filter_map(|n| n.value().as_element().map(|e| e.name().to_owned()))
        .filter(|n| n != "html")
        .collect();
    (doc.root_element().text().collect(), elements)
}

fn is_bidi_or_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
    )
}

// --- future dates -----------------------------------------------------------

const SCHEDULED: &str = "---\ntitle: Scheduled advisory\ndate: 2099-01-01\n---\nNot yet.\n";
const FUTURE_NOTE: &str = "content/2099/scheduled.md:3:7: note: dated 2099-01-01 00:00 +00:00, after the build; not published\n  help: pass --future to include it\n";

#[test]
fn a_future_dated_article_is_left_out_with_a_note_until_future_is_passed() {
    let site = site_with(&[("content/2099/scheduled.md", SCHEDULED)]);
    let stderr = build(&site, &[]);
    assert!(stderr.starts_with(FUTURE_NOTE), "{stderr}");
    assert!(stderr.contains("built 1 article: "), "{stderr}");
    assert!(
        stderr.contains(", 0 warnings in "),
        "a note is not a warning: {stderr}"
    );
    assert!(!site.exists("articles/scheduled-advisory/index.html"));
    assert!(!site.out_path("archive/2099").exists());
    assert_eq!(
        entry_titles(&site.html("latest/index.html")),
        ["An ordinary entry"]
    );

    // A note never fails a strict check.
    let out = site.run(&["check", "--strict"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.starts_with(FUTURE_NOTE), "{}", out.stderr);

    for args in [&["--future"][..], &["--build-date", "2099-06-01"][..]] {
        let stderr = build(&site, args);
        assert!(!stderr.contains("note:"), "{args:?}: {stderr}");
        assert!(
            site.exists("articles/scheduled-advisory/index.html"),
            "{args:?}"
        );
        assert_eq!(
            entry_titles(&site.html("latest/index.html")),
            ["Scheduled advisory", "An ordinary entry"],
            "{args:?}"
        );
    }
    let out = site.run(&["check", "--future"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.starts_with("checked 2 articles: "),
        "{}",
        out.stderr
    );
}

// --- HTML references in titles ----------------------------------------------

const SANS_TITLE: &str = "Is it safe? Tom & Jerry <b>bold</b>";

#[test]
fn references_in_titles_are_decoded_once_and_escaped_once() {
    let site = site_with(&[(
        "content/sans.md",
        "---\ntitle: \"Is it safe&#x3f; Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt;\"\ndate: 2024-12-03\nsource: SANS ISC\nurl: https://isc.sans.edu/diary/31234\n---\nA diary.\n",
    )]);
    build(&site, &[]);
    let page = "articles/is-it-safe-tom-jerry-b-bold-b/index.html";
    let html = site.html(page);
    assert_eq!(texts(&html, "h1"), [SANS_TITLE]);
    assert_eq!(html.select(&sel("h1 b")).count(), 0, "the <b> is text");
    assert_eq!(texts(&html, "title"), [format!("{SANS_TITLE} · Briefing")]);
    // Escaped exactly once in the page source.
    assert!(
        site.read(page)
            .contains("Is it safe? Tom &amp; Jerry &lt;b&gt;bold&lt;&#x2F;b&gt;")
            || site
                .read(page)
                .contains("Is it safe? Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt;"),
        "{}",
        site.read(page)
    );
    assert_eq!(entry_titles(&site.html("latest/index.html"))[0], SANS_TITLE);

    let rss = site.feed("rss.xml");
    let atom = site.feed("atom.xml");
    for feed in [&rss, &atom] {
        let title = &feed.entries[0].title.as_ref().expect("title").content;
        assert_eq!(title, SANS_TITLE);
    }
    let rss_items = xml_named(&site.xml("rss.xml"), "title")
        .iter()
        .map(|e| e.text.clone())
        .collect::<Vec<_>>();
    assert!(rss_items.contains(&SANS_TITLE.to_owned()), "{rss_items:?}");
    let feed = json(&site, "feed.json");
    assert_eq!(feed["items"][0]["title"], SANS_TITLE);
    let digest = json(&site, "digest.json");
    assert_eq!(digest["clusters"][0]["articles"][0]["title"], SANS_TITLE);
}

// --- invisible characters and bidi controls -----------------------------------

#[test]
fn invisible_characters_do_not_split_tags_or_sources_and_bidi_stays_isolated() {
    let site = site_with(&[
        (
            "content/zw.md",
            "---\ntitle: Zero width\ndate: 2024-12-03\nsource: \"Caf\\u200Be News\"\ntags: [\"ransom\\u200Bware\", \"\\uFEFFphishing\\u2060\"]\n---\nInvisible characters in names.\n",
        ),
        (
            "content/plain-cafe.md",
            "---\ntitle: Plain cafe\ndate: 2024-12-04\nsource: Cafe News\ntags: [phishing]\n---\nA coffee shop leaked its loyalty database.\n",
        ),
        (
            "content/rlo.md",
            "---\ntitle: \"\\u202Egpj.exe\\u202C invoice \\u2067مرحبا\"\ndate: 2024-12-05\nsource: \"\\u202EEvil\"\n---\nAn invoice that is an executable.\n",
        ),
    ]);
    build(&site, &[]);
    assert_eq!(folders(&site, "tags"), ["phishing", "ransomware"]);
    assert_eq!(
        folders(&site, "sources"),
        ["cafe-news", "evil", "plain-news"]
    );
    let sources = site.html("sources/index.html");
    assert_eq!(
        texts(&sources, "ul.groups li a"),
        ["Cafe News", "Evil", "Plain News"]
    );
    assert_eq!(
        texts(&site.html("tags/ransomware/index.html"), "h2.entry-title a"),
        ["Zero width", "An ordinary entry"]
    );

    let rlo = "gpj.exe invoice مرحبا";
    // No path, page, feed or digest keeps a bidi control or zero-width space.
    for (path, bytes) in site.tree_snapshot() {
        assert!(!path.chars().any(is_bidi_or_invisible), "{path:?}");
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.chars().any(is_bidi_or_invisible), "{path} keeps one");
    }
    // Titles and names are isolated where the templates show them.
    let home = site.html("latest/index.html");
    let shown = texts(&home, ".entry-title a > bdi");
    assert!(shown.contains(&rlo.to_owned()), "{shown:?}");
    assert!(texts(&home, "p.entry-meta a > bdi").contains(&"Evil".to_owned()));
    let page = site.html("articles/gpj-exe-invoice-mrhb/index.html");
    assert_eq!(attrs(&page, "h1", "dir"), ["auto"]);
    assert_eq!(texts(&page, "h1"), [rlo]);
    let rss = site.feed("rss.xml");
    let titles: Vec<&str> = rss
        .entries
        .iter()
        .map(|e| e.title.as_ref().expect("title").content.as_str())
        .collect();
    assert!(titles.contains(&rlo), "{titles:?}");
}

// --- C++, C#, and symbol-only tags --------------------------------------------

#[test]
fn c_plus_plus_and_c_sharp_stay_apart_and_a_question_mark_tag_is_kept() {
    let site = site_with(&[(
        "content/langs.md",
        "---\ntitle: Languages\ndate: 2024-12-03\ntags: [C, C++, \"C#\", \"?\", \"!!\"]\n---\nBody.\n",
    )]);
    build(&site, &[]);
    assert_eq!(
        folders(&site, "tags"),
        [
            "c",
            "c-plus-plus",
            "c-sharp",
            "ransomware",
            "u21-u21",
            "u3f"
        ]
    );
    let page = site.html("articles/languages/index.html");
    assert_eq!(
        texts(&page, "article footer ul.tags a"),
        ["C", "C++", "C#", "?", "!!"]
    );
    for (key, name) in [("c-plus-plus", "C++"), ("c-sharp", "C#"), ("u3f", "?")] {
        let list = site.html(&format!("tags/{key}/index.html"));
        assert_eq!(texts(&list, "h1"), [format!("Tag: {name}")], "{key}");
        assert_eq!(entry_titles(&list), ["Languages"], "{key}");
    }
    let feed = json(&site, "feed.json");
    assert_eq!(
        feed["items"][0]["tags"],
        serde_json::json!(["C", "C++", "C#", "?", "!!"])
    );
}

// --- Windows-reserved names ---------------------------------------------------

/// True if Windows can check out a file or folder called `segment`.
fn windows_can_hold(segment: &str) -> bool {
    let stem = segment
        .split('.')
        .next()
        .unwrap_or_default()
        .trim_end()
        .to_ascii_lowercase();
    let reserved = ["con", "prn", "aux", "nul"].contains(&stem.as_str())
        || (stem.len() == 4
            && (stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.as_bytes()[3].is_ascii_digit());
    !reserved
        && !segment.is_empty()
        && !segment.ends_with(['.', ' '])
        && !segment
            .chars()
            .any(|c| c.is_control() || "<>:\"|?*\\".contains(c))
}

#[test]
fn windows_reserved_names_never_become_output_paths() {
    let site = site_with(&[
        (
            "content/con.md",
            "---\ntitle: CON\ndate: 2024-12-03\nsource: PRN\ntags: [aux, Com1, nul.txt, LPT9, \"con.\"]\n---\nNUL was seen again.\n",
        ),
        (
            "data/entities.yaml",
            "malware:\n  - NUL\nAUX:\n  - Whatever\n",
        ),
        (
            "content/aux.md",
            "---\ntitle: \"aux \"\ndate: 2024-12-04\n---\nWhatever it is.\n",
        ),
        ("theme/nul.css", "body {}\n"),
        ("theme/img/lpt1.svg", "<svg/>\n"),
        ("theme/fonts.css", "body {}\n"),
    ]);
    let stderr = build(&site, &[]);
    const HELP: &str = "  help: rename it: no con, prn, aux, nul, com1-9 or lpt1-9 (with any extension), no <>:\"|?* and no trailing dot or space\n";
    assert!(
        stderr.starts_with(&format!(
            "theme/img/lpt1.svg: warning: not copied: Windows cannot hold a file or folder named `lpt1.svg`\n{HELP}\
             theme/nul.css: warning: not copied: Windows cannot hold a file or folder named `nul.css`\n{HELP}"
        )),
        "{stderr}"
    );
    assert!(site.exists("fonts.css"));
    let paths: Vec<String> = site.tree_snapshot().into_keys().collect();
    for path in &paths {
        for segment in path.split('/') {
            assert!(windows_can_hold(segment), "{path}: `{segment}`");
        }
    }
    for expected in [
        "articles/con_/index.html",
        "articles/aux_/index.html",
        "sources/prn_/index.html",
        "tags/aux_/index.html",
        "tags/com1_/index.html",
        "tags/lpt9_/rss.xml",
        "tags/nul-txt/index.html",
        "tags/con_/atom.xml",
        "entities/malware/nul_.html",
        "entities/aux_/whatever.html",
    ] {
        assert!(
            paths.iter().any(|p| p == expected),
            "no {expected}: {paths:?}"
        );
    }
    // The names are shown as written.
    let page = site.html("articles/con_/index.html");
    assert_eq!(texts(&page, "h1"), ["CON"]);
    assert_eq!(
        texts(&page, "article footer ul.tags a"),
        ["aux", "Com1", "nul.txt", "LPT9", "con."]
    );
}

// --- control characters -------------------------------------------------------

/// Panics if `text` has a character XML 1.0 does not allow.
fn assert_xml_chars(path: &str, text: &str) {
    for (i, c) in text.char_indices() {
        let allowed = matches!(c, '\t' | '\n' | '\r')
            || ('\u{20}'..='\u{d7ff}').contains(&c)
            || ('\u{e000}'..='\u{fffd}').contains(&c)
            || c >= '\u{10000}';
        assert!(allowed, "{path}: {c:?} at byte {i}");
    }
}

#[test]
fn control_characters_never_reach_xml_and_are_escaped_in_messages() {
    let site = site_with(&[
        (
            "briefing.yaml",
            "title: \"Site\\x01 title\"\ndescription: \"Described\\x02 \\x1b[31mred\"\n",
        ),
        (
            "data/entities.yaml",
            "actors:\n  - name: \"Evil\\x03Group\"\n    aliases: [\"Bad\\x04Actor\", EvilGroup]\n",
        ),
        (
            "content/bell\u{7}.md",
            "---\ntitle: \"Bell\\x07 ringer\"\ndate: 2024-12-03\nsource: \"Ding\\x08 News\"\ntags: [\"tab\\x0bbed\"]\n---\nEvilGroup was here.\n",
        ),
    ]);
    build(&site, &[]);
    let mut checked = 0;
    for (path, bytes) in site.tree_snapshot() {
        if [".xml", ".opml", ".json", ".html"]
            .iter()
            .any(|ext| path.ends_with(ext))
        {
            let text = String::from_utf8(bytes).expect("UTF-8");
            assert_xml_chars(&path, &text);
            if path.ends_with(".xml") || path.ends_with(".opml") {
                site.xml(&path);
                checked += 1;
            }
        }
    }
    assert!(checked >= 10, "{checked} XML files");
    let rss = site.feed("rss.xml");
    assert_eq!(
        rss.title.as_ref().map(|t| t.content.as_str()),
        Some("Site title")
    );
    // The hand-written entry's id is made from its file name.
    let ids: Vec<&str> = rss.entries.iter().map(|e| e.id.as_str()).collect();
    assert!(
        ids.contains(&"http://127.0.0.1:1111/content/bell%07.md"),
        "{ids:?}"
    );
    assert!(site.exists("entities/actors/evilgroup.html"));
    let opml = site.xml("feeds.opml");
    assert!(
        xml_named(&opml, "outline")
            .iter()
            .any(|o| o.attrs.get("text").map(String::as_str) == Some("Site title: Ding News")),
        "{opml:?}"
    );

    // A bad file with an escape sequence in its name, and a key with one,
    // are reported with the escapes shown, not sent to the terminal.
    site.write(
        "content/bad\u{1b}[2J.md",
        "---\ntitle: x\ndate: 2024-13-01\n\"summar\\e\": y\n---\n",
    );
    let before = content(&site);
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(!out.stderr.contains('\u{1b}'), "{:?}", out.stderr);
    assert!(
        out.stderr.contains(
            "content/bad\\u{1b}[2J.md:3:7: error: invalid `date` `2024-13-01`: not a calendar date\n"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "content/bad\\u{1b}[2J.md:1:1: warning: unknown key `summar\\u{1b}` (kept for templates as `extra.summar\\u{1b}`)\n  help: did you mean `summary`?\n"
        ),
        "{}",
        out.stderr
    );
    assert_eq!(content(&site), before);
}

// --- markup in names, in feeds ------------------------------------------------

const IMG: &str = "<img src=x onerror=alert(9)>";

#[test]
fn markup_in_tag_and_source_names_is_text_in_every_feed() {
    let site = site_with(&[(
        "content/img.md",
        &format!(
            "---\ntitle: \"Title {IMG}\"\ndate: 2024-12-03\nsource: \"{IMG}\"\nurl: https://evil.example/post\ntags: [\"{IMG}\"]\nsummary: \"Watch for {IMG} in logs\"\n---\nBody.\n"
        ),
    )]);
    build(&site, &[]);
    let key = "img-src-x-onerror-alert-9";
    // RSS: the channel and item descriptions are HTML to a reader.
    for folder in [format!("sources/{key}/"), format!("tags/{key}/")] {
        let rss = site.xml(&format!("{folder}rss.xml"));
        let descriptions = xml_named(&rss, "description");
        assert_eq!(descriptions.len(), 2, "{folder}");
        for d in descriptions {
            let (text, elements) = as_html(&d.text);
            assert!(
                elements.is_empty(),
                "{folder}: live HTML {elements:?} in {:?}",
                d.text
            );
            assert!(text.contains(IMG), "{folder}: {text:?}");
        }
    }
    let rss = site.xml("rss.xml");
    let item_descriptions: Vec<String> = xml_named(&rss, "description")
        .iter()
        .map(|d| d.text.clone())
        .collect();
    assert!(
        item_descriptions
            .iter()
            .any(|d| as_html(d) == (format!("Watch for {IMG} in logs"), Vec::new())),
        "{item_descriptions:?}"
    );
    // Atom and JSON Feed content is HTML too: the names in it are text.
    let atom = site.xml("atom.xml");
    let contents = xml_named(&atom, "content");
    let json = json(&site, "feed.json");
    let json_html: Vec<String> = json["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["content_html"].as_str().expect("content_html").to_owned())
        .collect();
    for html in contents.iter().map(|c| c.text.clone()).chain(json_html) {
        let (text, elements) = as_html(&html);
        assert!(!elements.contains(&"img".to_owned()), "{html}");
        if text.contains("Original:") {
            assert!(text.contains(&format!("Original: {IMG}")), "{text}");
        }
    }
    // Plain-text fields stay plain: the name as written.
    let feed = site.feed(&format!("sources/{key}/atom.xml"));
    assert_eq!(
        feed.entries[0].title.as_ref().map(|t| t.content.as_str()),
        Some(format!("Title {IMG}").as_str())
    );
    // And the pages show it as text.
    let page = site.html("articles/title-img-src-x-onerror-alert-9/index.html");
    assert_eq!(page.select(&sel("main img")).count(), 0);
    assert_eq!(
        text_of(
            page.select(&sel("article footer ul.tags a"))
                .next()
                .expect("tag")
        ),
        IMG
    );
}
