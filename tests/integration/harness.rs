//! A fluent harness over one fixture site copied into a temporary folder.
//!
//! `SiteTest::fixture("mixed")` copies `tests/fixtures/mixed/` into a fresh
//! temporary folder, so each test can build, edit and break its own copy. It
//! builds through the library (`build`) or the real binary (`run`), and reads
//! the output back parsed: HTML with `scraper`, feeds with `feed-rs`, other
//! XML with `quick-xml`, and whole folders as a path → bytes map for
//! "unchanged" and "byte-identical" checks.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use briefing::config::{self, BuildOptions, Overrides};
use briefing::{BuildFailure, BuildReport};
use scraper::{ElementRef, Html, Selector};
use tempfile::TempDir;

/// A fixture site in a temporary folder (removed on drop).
pub struct SiteTest {
    _dir: TempDir,
    root: PathBuf,
}

/// What running the binary gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunOutput {
    /// Process exit code.
    pub code: i32,
    /// Stderr with the temporary root replaced by `[ROOT]` and the build
    /// time by `[TIME]`.
    pub stderr: String,
    /// Stdout, normalised the same way.
    pub stdout: String,
}

impl SiteTest {
    /// Copies `tests/fixtures/<name>/` into a new temporary folder.
    pub fn fixture(name: &str) -> Self {
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        assert!(src.is_dir(), "no fixture at {}", src.display());
        let dir = tempfile::Builder::new()
            .prefix("briefing-test-")
            .tempdir()
            .expect("create temp dir");
        let root = dir.path().join("site");
        copy_dir(&src, &root);
        SiteTest { _dir: dir, root }
    }

    /// The site root (inside the temporary folder).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The default output folder, `<root>/public`.
    pub fn out_dir(&self) -> PathBuf {
        self.root.join("public")
    }

    /// Build options as `briefing build` with `overrides` would resolve them.
    pub fn options(&self, overrides: &Overrides) -> BuildOptions {
        match config::load(&self.root, overrides) {
            Ok(o) => o,
            Err(problems) => panic!(
                "config did not load: {}",
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        }
    }

    /// Builds through the library with default options.
    pub fn build(&self) -> Result<BuildReport, BuildFailure> {
        self.build_with(&Overrides::default())
    }

    /// Builds through the library with `overrides`.
    pub fn build_with(&self, overrides: &Overrides) -> Result<BuildReport, BuildFailure> {
        briefing::build(&self.options(overrides))
    }

    /// Builds and panics with every diagnostic if the build fails.
    pub fn build_ok(&self) -> BuildReport {
        match self.build() {
            Ok(r) => r,
            Err(f) => panic!("build failed:\n{}", diagnostics_text(&f)),
        }
    }

    /// Runs the real binary as `briefing --root <root> ARGS` from the site root.
    pub fn run(&self, args: &[&str]) -> RunOutput {
        self.run_in(&self.root, args, &[])
    }

    /// Runs the binary with extra environment variables.
    pub fn run_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> RunOutput {
        self.run_in(&self.root, args, env)
    }

    /// Runs the binary from the working folder `cwd`.
    pub fn run_in(&self, cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> RunOutput {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefing"));
        cmd.arg("--root")
            .arg(&self.root)
            .args(args)
            .current_dir(cwd);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("run the briefing binary");
        RunOutput {
            code: out
                .status
                .code()
                .expect("exit code (not killed by a signal)"),
            stderr: self.normalise(&String::from_utf8_lossy(&out.stderr)),
            stdout: self.normalise(&String::from_utf8_lossy(&out.stdout)),
        }
    }

    fn normalise(&self, text: &str) -> String {
        let mut text = text.to_owned();
        let mut roots = vec![self.root.to_string_lossy().into_owned()];
        if let Ok(c) = self.root.canonicalize() {
            roots.push(c.to_string_lossy().into_owned());
        }
        // Longest first, so a canonical path that extends the plain one is
        // replaced whole.
        roots.sort_by_key(|r| std::cmp::Reverse(r.len()));
        for r in roots {
            text = text.replace(&r, "[ROOT]");
        }
        mask_build_time(&text)
    }

    /// Path of an output file.
    pub fn out_path(&self, path: &str) -> PathBuf {
        self.out_dir().join(path)
    }

    /// An output file as text.
    pub fn read(&self, path: &str) -> String {
        let p = self.out_path(path);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("read {}: {e}", p.display()))
    }

    /// True if the output has the file.
    pub fn exists(&self, path: &str) -> bool {
        self.out_path(path).is_file()
    }

    /// An output HTML file, parsed.
    pub fn html(&self, path: &str) -> Html {
        Html::parse_document(&self.read(path))
    }

    /// An output feed, parsed with feed-rs.
    pub fn feed(&self, path: &str) -> feed_rs::model::Feed {
        let text = self.read(path);
        feed_rs::parser::parse(text.as_bytes())
            .unwrap_or_else(|e| panic!("{path} does not parse as a feed: {e}"))
    }

    /// An output XML file as a flat list of elements.
    pub fn xml(&self, path: &str) -> Vec<XmlElement> {
        parse_xml(&self.read(path))
    }

    /// Every file of the output folder: relative path → bytes.
    pub fn tree_snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        tree(&self.out_dir())
    }

    /// Writes (or replaces) a file under the site root.
    pub fn write(&self, path: &str, text: &str) -> &Self {
        let p = self.root.join(path);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("create parent folder");
        }
        std::fs::write(&p, text).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
        self
    }

    /// Puts a previous "site" in `public/` (a marker file plus a nested page,
    /// with the manifest a build leaves) and gives its snapshot, for "the
    /// failed build left it alone" checks.
    pub fn seed_previous_output(&self) -> BTreeMap<String, Vec<u8>> {
        self.write("public/MARKER", "previous good build\n");
        self.write(
            "public/articles/old/index.html",
            "<!DOCTYPE html><title>old</title>",
        );
        self.write(
            "public/.briefing-output",
            r#"{"generator":"briefing","version":"0.1.0","files":["MARKER","articles/old/index.html"]}"#,
        );
        let t = self.tree_snapshot();
        assert_eq!(t.len(), 3);
        t
    }

    /// Names in the temporary folder beside the site root and in the root
    /// (to spot left-over staging folders).
    pub fn root_entries(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.root)
            .expect("list root")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

/// Every diagnostic of a failure, one per line, as the CLI prints them.
pub fn diagnostics_text(f: &BuildFailure) -> String {
    f.diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every file under `dir`: forward-slash relative path → bytes. A missing
/// folder gives an empty map.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    if !dir.exists() {
        return out;
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("walk output");
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .expect("under dir")
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel, std::fs::read(entry.path()).expect("read output file"));
        }
    }
    out
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.expect("walk fixture");
        let rel = entry.path().strip_prefix(from).expect("under fixture");
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("create folder");
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy fixture file");
        }
    }
}

/// Replaces ` in 0.03s` (the build time in the summary line) with ` in [TIME]`.
fn mask_build_time(text: &str) -> String {
    text.lines()
        .map(|line| {
            let Some(at) = line.rfind(" in ") else {
                return line.to_owned();
            };
            let rest = &line[at + 4..];
            let num_len = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            if num_len > 0 && rest[num_len..].starts_with('s') {
                format!("{} in [TIME]{}", &line[..at], &rest[num_len + 1..])
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A CSS selector (panics on a typo in the test).
pub fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|e| panic!("bad selector {s:?}: {e:?}"))
}

/// The text of an element, whitespace collapsed.
pub fn text_of(el: ElementRef<'_>) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Texts of every match of `selector` in document order.
pub fn texts(html: &Html, selector: &str) -> Vec<String> {
    html.select(&sel(selector)).map(text_of).collect()
}

/// Values of attribute `attr` of every match of `selector`.
pub fn attrs(html: &Html, selector: &str, attr: &str) -> Vec<String> {
    html.select(&sel(selector))
        .filter_map(|e| e.value().attr(attr).map(str::to_owned))
        .collect()
}

/// Titles of the list entries on a page, in order.
pub fn entry_titles(html: &Html) -> Vec<String> {
    texts(html, "article.entry .entry-title a")
}

/// Links of the list entries on a page, in order.
pub fn entry_links(html: &Html) -> Vec<String> {
    attrs(html, "article.entry .entry-title a", "href")
}

/// One XML element: qualified name, attributes and its own text (unescaped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlElement {
    /// e.g. `atom:link`.
    pub name: String,
    /// Attributes, unescaped.
    pub attrs: BTreeMap<String, String>,
    /// Text directly inside the element, unescaped.
    pub text: String,
}

/// Parses XML into a flat, document-order list of elements. Panics if the
/// text is not well-formed.
pub fn parse_xml(text: &str) -> Vec<XmlElement> {
    use quick_xml::events::{BytesStart, Event};
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut out: Vec<XmlElement> = Vec::new();
    // Index in `out` and raw text so far, per open element.
    let mut stack: Vec<(usize, String)> = Vec::new();
    let element = |e: &BytesStart<'_>| XmlElement {
        name: e.name().as_ref().to_owned(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("well-formed attribute");
                let raw = a.value.to_string();
                (
                    a.key.as_ref().to_owned(),
                    quick_xml::escape::unescape(&raw)
                        .expect("valid escapes")
                        .into_owned(),
                )
            })
            .collect(),
        text: String::new(),
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                out.push(element(&e));
                stack.push((out.len() - 1, String::new()));
            }
            Ok(Event::Empty(e)) => out.push(element(&e)),
            Ok(Event::Text(t)) => {
                if let Some((_, raw)) = stack.last_mut() {
                    raw.push_str(&t);
                }
            }
            Ok(Event::CData(t)) => {
                if let Some((_, raw)) = stack.last_mut() {
                    // CDATA is literal: escape it so the final unescape gives it back.
                    raw.push_str(&quick_xml::escape::escape(&*t));
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some((_, raw)) = stack.last_mut() {
                    raw.push('&');
                    raw.push_str(&r);
                    raw.push(';');
                }
            }
            Ok(Event::End(_)) => {
                let (i, raw) = stack.pop().expect("balanced elements");
                out[i].text = quick_xml::escape::unescape(&raw)
                    .unwrap_or_else(|e| panic!("bad escape in {raw:?}: {e}"))
                    .into_owned();
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("XML not well-formed at {}: {e}", reader.buffer_position()),
        }
    }
    assert!(stack.is_empty(), "unclosed XML elements");
    out
}

/// Elements named `name`.
pub fn xml_named<'a>(elements: &'a [XmlElement], name: &str) -> Vec<&'a XmlElement> {
    elements.iter().filter(|e| e.name == name).collect()
}

/// The URL a page at output path `path` is served at under `base`:
/// `tags/x/index.html` → `BASE/tags/x/`.
pub fn page_url(base: &str, path: &str) -> String {
    format!("{base}{}", path.strip_suffix("index.html").unwrap_or(path))
}

/// `href` as a browser on the page at output path `path` resolves it.
pub fn resolve(base: &str, path: &str, href: &str) -> String {
    let page = url::Url::parse(&page_url(base, path)).expect("page URL");
    page.join(href)
        .unwrap_or_else(|e| panic!("{path}: cannot resolve {href:?}: {e}"))
        .to_string()
}

/// The output file an absolute URL under `base` is served from, if it is
/// under `base`: `BASE/tags/x/#top` → `tags/x/index.html`.
pub fn output_file_for(base: &str, url: &str) -> Option<String> {
    let rest = url.strip_prefix(base)?;
    let rest = rest.split('#').next().unwrap_or_default();
    if rest.is_empty() || rest.ends_with('/') {
        Some(format!("{rest}index.html"))
    } else {
        Some(rest.to_owned())
    }
}

/// Facts about the `mixed` fixture, shared by several modules.
pub mod mixed {
    /// Default base URL (the fixture's briefing.yaml has none).
    pub const BASE: &str = "http://127.0.0.1:1111/";

    /// `content/2025/bom-roundup.md`: BOM, naive fractional date, no `source:`.
    pub const D: &str = "October roundup of exposed databases";
    /// `content/editorial/weekly-note.md`: hand-written, quoted title, author.
    pub const E: &str = "Editor’s note: a week of breaches in Zürich";
    /// `content/2024/12/crlf-patch.md`: CRLF, `YYYY-MM-DD HH:MM:SS +ZZZZ`.
    pub const C: &str = "December Patch Tuesday fixes 71 flaws";
    /// `content/2024/12/medusa.md`: unquoted `title: Foo: Bar`, RFC 3339 +01:00.
    pub const B: &str = "Medusa ransomware: what defenders need to know";
    /// `content/2024/12/haechi.md`: scraped page with chrome and hostile HTML.
    pub const A: &str = "Operation HAECHI-V nets 5,500 arrests worldwide";
    /// `content/2024/11/{a,b}-same.md`: the same title twice, 15 days apart
    /// (two stories, not one reported twice).
    pub const G: &str = "Weekly vulnerability roundup";
    /// `content/editorial/draft-note.md`: `draft: true`.
    pub const F: &str = "Draft thoughts on supply chain attacks";

    /// Slugs.
    pub const D_SLUG: &str = "october-roundup-of-exposed-databases";
    /// Slug of [`E`]: apostrophe dropped, `ü` transliterated.
    pub const E_SLUG: &str = "editors-note-a-week-of-breaches-in-zurich";
    /// Slug of [`C`].
    pub const C_SLUG: &str = "december-patch-tuesday-fixes-71-flaws";
    /// Slug of [`B`].
    pub const B_SLUG: &str = "medusa-ransomware-what-defenders-need-to-know";
    /// Slug of [`A`].
    pub const A_SLUG: &str = "operation-haechi-v-nets-5-500-arrests-worldwide";
    /// Slug of `a-same.md` (the older of two with one title).
    pub const G1_SLUG: &str = "weekly-vulnerability-roundup";
    /// Slug of `b-same.md` (the newer: its date added).
    pub const G2_SLUG: &str = "weekly-vulnerability-roundup-2024-11-27";

    /// The warning the unquoted title gives, as the CLI prints it.
    pub const COLON_WARNING: &str = "content/2024/12/medusa.md:2:1: warning: `title` is not valid YAML (mapping values are not allowed in this context); read as the plain string `Medusa ransomware: what defenders need to know`\n  help: quote the value: title: \"Medusa ransomware: what defenders need to know\"";
}
