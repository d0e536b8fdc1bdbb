//! Typed, validated articles from raw files.
//!
//! Takes [`SourceFile`]s; gives [`ParsedArticle`]s (front matter checked and
//! typed: chrono dates, parsed URLs, tag lists) plus diagnostics. Files are
//! parsed in parallel; every problem in every file is reported, each with the
//! line and column of the offending value.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use rayon::prelude::*;
use serde_json::Value;
use url::Url;

use crate::config::{Limits, SiteTimezone};
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::front_matter::{self, Field};
use crate::load::SourceFile;
use crate::names;

/// The front-matter keys Briefing reads itself; any other key goes to `extra`.
pub const KNOWN_KEYS: [&str; 9] = [
    "title",
    "url",
    "source",
    "date",
    "fetch_date",
    "tags",
    "summary",
    "draft",
    "author",
];

/// The typed front matter of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    /// e.g. `INTERPOL Arrests 5,500 in Global Cybercrime Crackdown`.
    pub title: String,
    /// Publication date; date-only values are midnight in the site time zone.
    pub date: DateTime<FixedOffset>,
    /// The original article, e.g. `https://thehackernews.com/2024/12/x.html`.
    pub url: Option<Url>,
    /// The outlet, e.g. `The Hacker News`.
    pub source: Option<String>,
    /// When a scraper fetched the page (scraped articles only).
    pub fetched: Option<DateTime<FixedOffset>>,
    /// Tags as written (normalised later).
    pub tags: Vec<String>,
    /// Hand-written summary, if any.
    pub summary: Option<String>,
    /// Drafts are left out unless `--drafts`.
    pub draft: bool,
    /// Author of a hand-written entry.
    pub author: Option<String>,
    /// Every other key, for templates (`page.extra.image`).
    pub extra: BTreeMap<String, Value>,
}

/// One article file, parsed: typed metadata plus its markdown body.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedArticle {
    /// Path relative to the site root.
    pub path: PathBuf,
    /// Typed front matter.
    pub meta: Meta,
    /// The markdown body, after the closing fence.
    pub body: String,
    /// The file line the body starts on.
    pub body_line: usize,
    /// Line and column of the `date` value, for messages about the date
    /// (a future date is left out with a note pointing here).
    pub date_at: (usize, usize),
}

/// Parses every file in parallel; keeps the good ones, reports all problems.
pub fn parse_all(
    files: Vec<SourceFile>,
    timezone: SiteTimezone,
    limits: &Limits,
) -> (Vec<ParsedArticle>, Diagnostics) {
    let results: Vec<(Option<ParsedArticle>, Diagnostics)> = files
        .into_par_iter()
        .map(|file| parse(file, timezone, limits))
        .collect();
    let mut articles = Vec::with_capacity(results.len());
    let mut diagnostics = Diagnostics::new();
    for (article, diags) in results {
        articles.extend(article);
        diagnostics.extend(diags);
    }
    (articles, diagnostics)
}

/// Parses one file. Gives the article when it has no errors (warnings allowed),
/// and every diagnostic found in it. Front matter past `limits` is refused
/// before YAML reads it, and more tags than `limits.tags_per_article` is an
/// error at `tags:`.
pub fn parse(
    file: SourceFile,
    timezone: SiteTimezone,
    limits: &Limits,
) -> (Option<ParsedArticle>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let path = file.path;
    let fm = match front_matter::parse_bounded(&file.text, limits.front_matter()) {
        Ok(fm) => fm,
        Err(e) => {
            let (line, col) = e.position();
            let mut d = Diagnostic::error(Location::at(&path, line, col), e.to_string());
            if let Some(help) = e.help() {
                d = d.with_help(help);
            }
            diags.push(d);
            return (None, diags);
        }
    };
    for r in &fm.recovered {
        diags.push(
            Diagnostic::warning(
                Location::at(&path, r.line, 1),
                format!(
                    "`{}` is not valid YAML ({}); read as the plain string `{}`",
                    r.key, r.reason, r.value
                ),
            )
            .with_help(format!(
                "quote the value: {}: {}",
                r.key,
                serde_json::to_string(&r.value).unwrap_or_default()
            )),
        );
    }

    let mut reader = FieldReader {
        path: &path,
        diags: &mut diags,
    };
    let get = |key: &str| fm.fields.iter().find(|f| f.key == key);

    let title = match get("title") {
        // Decoded once here (`&#x3f;` → `?`); the templates escape once.
        Some(f) => reader.string(f).and_then(|t| {
            let t = names::title(&t);
            if t.is_empty() {
                reader.error(f, "`title` is empty", None);
                None
            } else {
                Some(t)
            }
        }),
        None => {
            reader.missing(
                "title",
                "add a line such as `title: Patch Tuesday, December 2024`",
            );
            None
        }
    };
    let date_at = get("date").map_or((1, 1), |f| (f.line, f.column));
    let date = match get("date") {
        Some(f) => reader.date(f, timezone),
        None => {
            reader.missing("date", "add a line such as `date: 2024-12-03`");
            None
        }
    };
    let url = get("url").and_then(|f| reader.url(f));
    let source = get("source")
        .and_then(|f| reader.optional_string(f))
        .map(|s| names::name(&s))
        .filter(|s| !s.is_empty());
    let fetched = get("fetch_date").and_then(|f| reader.date(f, timezone));
    let tags = get("tags")
        .map(|f| {
            let tags = reader.tags(f);
            if tags.len() > limits.tags_per_article {
                reader.error(
                    f,
                    format!(
                        "{} tags, more than the limit of {} (`limits.tags_per_article`)",
                        tags.len(),
                        limits.tags_per_article
                    ),
                    Some("keep the tags readers follow, or raise `limits.tags_per_article` in briefing.yaml"),
                );
            }
            tags
        })
        .unwrap_or_default();
    let summary = get("summary")
        .and_then(|f| reader.optional_string(f))
        .map(|s| names::title(&s))
        .filter(|s| !s.is_empty());
    let draft = get("draft").is_some_and(|f| reader.bool(f));
    let author = get("author").and_then(|f| reader.author(f));

    let mut extra = BTreeMap::new();
    for f in &fm.fields {
        if KNOWN_KEYS.contains(&f.key.as_str()) {
            continue;
        }
        if let Some(known) = near_miss(&f.key).filter(|k| get(k).is_none()) {
            let d = Diagnostic::warning(
                Location::at(&path, f.line, 1),
                format!(
                    "unknown key `{}` (kept for templates as `extra.{}`)",
                    f.key, f.key
                ),
            )
            .with_help(format!("did you mean `{known}`?"));
            reader.diags.push(d);
        }
        extra.insert(f.key.clone(), strip_controls_json(f.value.clone()));
    }

    if diags.has_errors() {
        return (None, diags);
    }
    let (Some(title), Some(date)) = (title, date) else {
        return (None, diags);
    };
    let body = strip_controls(&file.text[fm.body_offset..]);
    let article = ParsedArticle {
        path,
        meta: Meta {
            title,
            date,
            url,
            source,
            fetched,
            tags,
            summary,
            draft,
            author,
            extra,
        },
        body,
        body_line: fm.body_line,
        date_at,
    };
    (Some(article), diags)
}

/// Reads typed values out of fields, pushing a located diagnostic on failure.
struct FieldReader<'a> {
    path: &'a PathBuf,
    diags: &'a mut Diagnostics,
}

impl FieldReader<'_> {
    fn error(&mut self, f: &Field, message: impl Into<String>, help: Option<&str>) {
        let mut d = Diagnostic::error(Location::at(self.path, f.line, f.column), message);
        if let Some(h) = help {
            d = d.with_help(h);
        }
        self.diags.push(d);
    }

    fn warning(&mut self, f: &Field, message: impl Into<String>, help: &str) {
        self.diags.push(
            Diagnostic::warning(Location::at(self.path, f.line, f.column), message).with_help(help),
        );
    }

    fn missing(&mut self, key: &str, help: &str) {
        self.diags.push(
            Diagnostic::error(
                Location::at(self.path, 1, 1),
                format!("missing required key `{key}` in front matter"),
            )
            .with_help(help),
        );
    }

    fn string(&mut self, f: &Field) -> Option<String> {
        match &f.value {
            Value::String(s) => Some(strip_controls(s)),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            other => {
                self.error(
                    f,
                    format!("`{}` must be a string, found {}", f.key, json_kind(other)),
                    None,
                );
                None
            }
        }
    }

    fn optional_string(&mut self, f: &Field) -> Option<String> {
        if f.value.is_null() {
            return None;
        }
        self.string(f)
    }

    fn date(&mut self, f: &Field, tz: SiteTimezone) -> Option<DateTime<FixedOffset>> {
        let text = self.string(f)?;
        match parse_date(&text, tz) {
            Ok(d) => Some(d),
            Err(reason) => {
                self.error(
                    f,
                    format!("invalid `{}` `{}`: {reason}", f.key, text.trim()),
                    Some(
                        "use YYYY-MM-DD, RFC 3339 (2024-12-03T09:30:00Z), \
                         YYYY-MM-DDTHH:MM:SS[.ffffff] or YYYY-MM-DD HH:MM:SS +ZZZZ",
                    ),
                );
                None
            }
        }
    }

    fn url(&mut self, f: &Field) -> Option<Url> {
        let text = self.optional_string(f)?;
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        // A bad `url` costs the link to the original, not the article.
        let help = "write the full address of the original article, e.g. https://example.com/post";
        match Url::parse(text) {
            Ok(u) if matches!(u.scheme(), "http" | "https") => Some(u),
            Ok(u) => {
                self.warning(
                    f,
                    format!(
                        "`url` must be http or https, found `{}:`; the field is dropped",
                        u.scheme()
                    ),
                    help,
                );
                None
            }
            Err(e) => {
                self.warning(
                    f,
                    format!("invalid `url` `{text}`: {e}; the field is dropped"),
                    help,
                );
                None
            }
        }
    }

    fn tags(&mut self, f: &Field) -> Vec<String> {
        let raw: Vec<String> = match &f.value {
            Value::Null => Vec::new(),
            Value::String(s) => s.split(',').map(str::to_owned).collect(),
            Value::Array(items) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        Value::String(s) => out.push(s.clone()),
                        Value::Number(n) => out.push(n.to_string()),
                        Value::Bool(b) => out.push(b.to_string()),
                        Value::Null => {}
                        other => {
                            // One message for the list, however many items are wrong.
                            self.error(
                                f,
                                format!("each tag must be a string, found {}", json_kind(other)),
                                None,
                            );
                            break;
                        }
                    }
                }
                out
            }
            other => {
                self.error(
                    f,
                    format!(
                        "`tags` must be a list or a comma-separated string, found {}",
                        json_kind(other)
                    ),
                    Some("write `tags: [ransomware, log4j]` or `tags: ransomware, log4j`"),
                );
                Vec::new()
            }
        };
        // Cleaned here, once: `ransom\u{200b}ware` is `ransomware`, and
        // `R&amp;D` is `R&D`.
        raw.iter()
            .map(|t| names::name(t))
            .filter(|t| !t.is_empty())
            .collect()
    }

    fn bool(&mut self, f: &Field) -> bool {
        match &f.value {
            Value::Bool(b) => *b,
            Value::Null => false,
            other => {
                self.error(
                    f,
                    format!(
                        "`{}` must be true or false, found {}",
                        f.key,
                        json_kind(other)
                    ),
                    None,
                );
                false
            }
        }
    }

    fn author(&mut self, f: &Field) -> Option<String> {
        match &f.value {
            Value::Array(items) => {
                let names: Vec<String> = items
                    .iter()
                    .filter_map(|v| v.as_str().map(names::name))
                    .filter(|s| !s.is_empty())
                    .collect();
                (!names.is_empty()).then(|| names.join(", "))
            }
            _ => self
                .optional_string(f)
                .map(|s| names::name(&s))
                .filter(|s| !s.is_empty()),
        }
    }
}

/// Parses the date shapes the corpus uses. Naive values are read in `tz`.
///
/// Accepted: `2024-12-03`, RFC 3339 (`2024-12-03T09:30:00+01:00`), naive
/// date-times with optional fractional seconds (`2025-10-06T19:44:00.188355`,
/// `2024-12-03 09:30`), and `2024-12-03 09:30:00 +0000`.
pub fn parse_date(text: &str, tz: SiteTimezone) -> Result<DateTime<FixedOffset>, String> {
    let s = text.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Ok(d);
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S%.f %z",
        "%Y-%m-%dT%H:%M:%S%.f %z",
        "%Y-%m-%d %H:%M %z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, fmt) {
            return Ok(d);
        }
    }
    let naive = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|fmt| NaiveDateTime::parse_from_str(s, fmt).ok())
    .or_else(|| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
    });
    match naive {
        Some(n) => tz
            .localize(n)
            .ok_or_else(|| "this local time does not exist in the site's time zone".to_owned()),
        None if looks_like_date(s) => Err("not a calendar date".to_owned()),
        None => Err("not a date in a known format".to_owned()),
    }
}

fn looks_like_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

/// A known key within a small edit distance of `key` (`tittle` → `title`).
fn near_miss(key: &str) -> Option<&'static str> {
    let lower = key.to_lowercase();
    KNOWN_KEYS
        .iter()
        .copied()
        .find(|k| lower == *k || (key.len() >= 3 && strsim::levenshtein(&lower, k) <= 2))
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

/// Drops characters that are not allowed in XML or mean nothing on our pages:
/// control characters (other than tab and newline), non-characters, and
/// private-use glyphs (icon fonts in scraped pages).
pub fn strip_controls(s: &str) -> String {
    let unwanted = names::is_unwanted_control;
    if !s.chars().any(unwanted) {
        return s.to_owned();
    }
    s.chars().filter(|&c| !unwanted(c)).collect()
}

fn strip_controls_json(v: Value) -> Value {
    match v {
        Value::String(s) => Value::String(strip_controls(&s)),
        Value::Array(a) => Value::Array(a.into_iter().map(strip_controls_json).collect()),
        Value::Object(o) => Value::Object(
            o.into_iter()
                .map(|(k, v)| (strip_controls(&k), strip_controls_json(v)))
                .collect(),
        ),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UTC: SiteTimezone = SiteTimezone::Fixed(match FixedOffset::east_opt(0) {
        Some(o) => o,
        None => unreachable!(),
    });

    fn file(text: &str) -> SourceFile {
        SourceFile {
            path: PathBuf::from("content/a.md"),
            text: text.to_owned(),
        }
    }

    #[test]
    fn date_formats() {
        let cases = [
            ("2024-12-03", "2024-12-03T00:00:00+00:00"),
            ("2024-07-19T09:30:00+01:00", "2024-07-19T09:30:00+01:00"),
            (
                "2025-10-06T19:44:00.188355",
                "2025-10-06T19:44:00.188355+00:00",
            ),
            ("2024-03-29 16:00:00 +0000", "2024-03-29T16:00:00+00:00"),
            ("2024-03-29 16:00", "2024-03-29T16:00:00+00:00"),
            ("2021-12-10T09:00:00Z", "2021-12-10T09:00:00+00:00"),
        ];
        for (input, expected) in cases {
            let d = parse_date(input, UTC).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(d.to_rfc3339(), expected, "{input}");
        }
        for bad in ["2024-13-01", "2024-02-30", "yesterday", "12/03/2024", ""] {
            assert!(parse_date(bad, UTC).is_err(), "{bad}");
        }
    }

    #[test]
    fn naive_dates_use_the_site_timezone() {
        let berlin = SiteTimezone::parse("Europe/Berlin").unwrap();
        let d = parse_date("2024-07-01T12:00:00", berlin).unwrap();
        assert_eq!(d.to_rfc3339(), "2024-07-01T12:00:00+02:00");
        // 02:30 on the spring-forward night does not exist in Berlin.
        assert!(parse_date("2024-03-31T02:30:00", berlin).is_err());
    }

    #[test]
    fn full_article_with_tags_string_and_extra() {
        let text = "---\ntitle: '  Hello   world '\ndate: 2024-12-03\nurl: https://ex.com/a\ntags: Ransomware, data breach\nimage: x.png\n---\nBody\n";
        let (a, diags) = parse(file(text), UTC, &Limits::default());
        assert!(diags.is_empty(), "{diags:?}");
        let a = a.unwrap();
        assert_eq!(a.meta.title, "Hello world");
        assert_eq!(a.meta.tags, vec!["Ransomware", "data breach"]);
        assert_eq!(a.meta.extra["image"], Value::from("x.png"));
        assert_eq!(a.body, "Body\n");
        assert_eq!(a.body_line, 8);
    }

    #[test]
    fn every_field_error_in_a_file_is_reported_with_its_position() {
        let text = "---\ntitle: ''\ndate: 2024-99-01\nurl: not a url\ntags: {a: 1}\n---\n";
        let (a, diags) = parse(file(text), UTC, &Limits::default());
        assert!(a.is_none());
        let shown: Vec<String> = diags.iter().map(|d| d.location.to_string()).collect();
        assert_eq!(
            shown,
            [
                "content/a.md:2:8",
                "content/a.md:3:7",
                "content/a.md:4:6",
                "content/a.md:5:7"
            ]
        );
    }

    #[test]
    fn a_bad_url_is_a_warning_and_the_article_stays() {
        for (value, message) in [
            (
                "javascript:alert(1)",
                "`url` must be http or https, found `javascript:`; the field is dropped",
            ),
            (
                "www.example.com/post",
                "invalid `url` `www.example.com/post`: relative URL without a base; the field is dropped",
            ),
        ] {
            let text = format!("---\ntitle: x\ndate: 2024-01-01\nurl: {value}\n---\nBody\n");
            let (a, diags) = parse(file(&text), UTC, &Limits::default());
            let a = a.expect("the article is kept");
            assert!(a.meta.url.is_none());
            let shown: Vec<String> = diags.iter().map(ToString::to_string).collect();
            assert_eq!(
                shown,
                [format!(
                    "content/a.md:4:6: warning: {message}\n  help: write the full address of the original article, e.g. https://example.com/post"
                )]
            );
        }
    }

    #[test]
    fn missing_title_and_near_miss_key() {
        let text = "---\ntittle: Hello\ndate: 2024-12-03\n---\n";
        let (a, diags) = parse(file(text), UTC, &Limits::default());
        assert!(a.is_none());
        let messages: Vec<String> = diags.iter().map(ToString::to_string).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("missing required key `title`")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("did you mean `title`?")),
            "{messages:?}"
        );
    }

    #[test]
    fn odd_inputs_never_panic() {
        let inputs = [
            "",
            "---",
            "---\n",
            "---\n---",
            "---\n---\n",
            "---\r\n---\r\n",
            "---\n...\nbody",
            "---\n: \n---\n",
            "---\n- a\n---\n",
            "---\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n---\n",
            "---\ntitle: *anchor\n---\n",
            "---\ntitle: &a x\nurl: *a\ndate: 2024-01-01\n---\n",
            "---\ntitle: !!binary aGVsbG8=\ndate: 2024-01-01\n---\n",
            "---\ntitle: x\ndate: 99999-01-01\n---\n",
            "---\ntitle: x\ndate: 2024-01-01T25:61:61\n---\n",
            "---\ntitle: x\ndate: ~\ntags: ~\nurl: ~\n---\n",
            "---\ntitle: [a, b]\ndate: {a: 1}\n---\n",
            "---\ntitle: x\ndate: 2024-01-01\nurl: javascript:alert(1)\n---\n",
            "---\ntitle: \u{0}\u{1}\ndate: 2024-01-01\n---\n",
            "---\n\u{feff}title: x\n---\n",
            "---\ntitle: é: ü: ö\ndate: 2024-01-01\n---\n<script>x</script>",
            "---\ntitle: x\ndate: 2024-01-01\n---\n[a](<>) ![b]() <img src=> <a href=#>",
        ];
        for text in inputs {
            let (_, diags) = parse(file(text), UTC, &Limits::default());
            for d in diags.iter() {
                assert!(d.location.line.is_some_and(|l| l >= 1), "{text:?}: {d}");
            }
        }
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(strip_controls("a\u{0}b\u{7}c\td\n\u{f099}"), "abc\td\n");
    }
}
