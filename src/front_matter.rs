//! Splits an article file into its YAML front matter and markdown body.
//!
//! Takes the whole text of one file; gives the top-level front-matter fields as
//! JSON-like values, each with the file line and column of its value, plus the
//! byte offset and line where the body starts. Errors carry lines and columns
//! in the whole file, not in the front-matter block.
//!
//! # Note
//! This is the only module that uses `serde_yaml` (0.9.34 is deprecated
//! upstream), so that moving to a fork is a one-file change.

use serde::de::DeserializeOwned;
use serde_json::Value;

/// A YAML syntax or type error with its location (1-based, file-relative).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct YamlError {
    /// What serde_yaml said, without its ` at line N column M` suffix.
    pub message: String,
    /// Line, when serde_yaml knows it.
    pub line: Option<usize>,
    /// Column, when serde_yaml knows it.
    pub column: Option<usize>,
}

impl From<serde_yaml::Error> for YamlError {
    fn from(e: serde_yaml::Error) -> Self {
        let (line, column) = match e.location() {
            Some(loc) => (Some(loc.line()), Some(loc.column())),
            None => (None, None),
        };
        // serde_yaml writes the location into the message; we print it once,
        // as the prefix. A second location ("while parsing a flow sequence at
        // line 3 column 7") says where the construct began: keep that one.
        let message = match (line, column) {
            (Some(l), Some(c)) => {
                e.to_string()
                    .replacen(&format!(" at line {l} column {c}"), "", 1)
            }
            _ => e.to_string(),
        };
        let message = message.replace(" at line ", " started at line ");
        YamlError {
            message,
            line,
            column,
        }
    }
}

/// Deserializes a YAML document (the site config). Nesting past the default
/// [`Bounds::max_depth`] is refused before YAML sees it.
pub fn from_yaml_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    let bounds = Bounds::default();
    if let Some((line, column)) = too_deep(text, bounds.max_depth) {
        return Err(YamlError {
            message: format!("nested more than {} levels deep", bounds.max_depth),
            line: Some(line),
            column: Some(column),
        });
    }
    serde_yaml::from_str(text).map_err(YamlError::from)
}

/// How much front matter is read at all. The YAML parser's time grows with
/// the square of the nesting (100,000 `[` took 72 s), so both are checked
/// on the raw text before it is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// Most bytes between the fences, e.g. 65,536.
    pub max_bytes: usize,
    /// Most nesting of `[` and `{` (flow collections), e.g. 16.
    pub max_depth: usize,
}

impl Default for Bounds {
    fn default() -> Self {
        Bounds {
            max_bytes: 64 * 1024,
            max_depth: 16,
        }
    }
}

/// Where (line, column, 1-based) flow nesting first passes `max`, if it does.
/// Brackets inside quoted scalars and comments do not count; the scan does
/// not need to be a YAML parser, only never to undercount real nesting.
fn too_deep(text: &str, max: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut prev = '\n';
    let (mut line, mut column) = (1, 0);
    let mut in_comment = false;
    let mut closed_single = false;
    for c in text.chars() {
        if c == '\n' {
            (line, column) = (line + 1, 0);
            in_comment = false;
            // A quoted scalar may span lines; a comment may not.
            prev = c;
            continue;
        }
        column += 1;
        // `''` inside a single-quoted scalar is a quote, not its end.
        let reopens = c == '\'' && closed_single;
        closed_single = false;
        match quote {
            Some(q) => {
                if c == q && !(q == '"' && prev == '\\') {
                    quote = None;
                    closed_single = q == '\'';
                }
            }
            None if in_comment => {}
            None => match c {
                '#' if prev.is_whitespace() => in_comment = true,
                '"' | '\'' if reopens || prev.is_whitespace() || "[{,:".contains(prev) => {
                    quote = Some(c)
                }
                '[' | '{' => {
                    depth += 1;
                    if depth > max {
                        return Some((line, column));
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        // An escaped backslash does not escape the quote after it.
        prev = if quote == Some('"') && prev == '\\' && c == '\\' {
            ' '
        } else {
            c
        };
    }
    None
}

/// Why a file's front matter could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrontMatterError {
    /// The first line is not `---`.
    #[error("no front matter: the file must start with a `---` line")]
    NoOpeningFence,
    /// No closing `---` after the opening one.
    #[error("front matter opened on line {opened_at} is never closed")]
    Unclosed {
        /// Line of the opening fence.
        opened_at: usize,
    },
    /// YAML that does not parse.
    #[error("invalid YAML in front matter: {}", .0.message)]
    Yaml(YamlError),
    /// More front matter than [`Bounds::max_bytes`].
    #[error(
        "front matter is {bytes} bytes, more than the limit of {limit} (`limits.front_matter_size`)"
    )]
    TooLarge {
        /// Bytes between the fences.
        bytes: usize,
        /// The limit.
        limit: usize,
        /// Line of the closing fence.
        line: usize,
    },
    /// `[` or `{` nested past [`Bounds::max_depth`].
    #[error("front matter is nested more than {limit} levels deep (`limits.front_matter_depth`)")]
    TooDeep {
        /// The limit.
        limit: usize,
        /// Line of the bracket that passes it.
        line: usize,
        /// Its column.
        column: usize,
    },
    /// YAML that parses but is not a `key: value` mapping.
    #[error("front matter must be `key: value` lines, found {found}")]
    NotAMapping {
        /// What was found instead ("a list", "a string", ...).
        found: &'static str,
    },
}

impl FrontMatterError {
    /// 1-based (line, column) of the problem.
    pub fn position(&self) -> (usize, usize) {
        match self {
            FrontMatterError::NoOpeningFence => (1, 1),
            FrontMatterError::Unclosed { opened_at } => (*opened_at, 1),
            FrontMatterError::Yaml(e) => (e.line.unwrap_or(1), e.column.unwrap_or(1)),
            FrontMatterError::NotAMapping { .. } => (2, 1),
            FrontMatterError::TooLarge { line, .. } => (*line, 1),
            FrontMatterError::TooDeep { line, column, .. } => (*line, *column),
        }
    }

    /// A hint for the user, where one helps.
    pub fn help(&self) -> Option<String> {
        match self {
            FrontMatterError::NoOpeningFence => Some(
                "start the file with `---`, then `title: ...`, `date: ...`, then `---` and the body"
                    .to_owned(),
            ),
            FrontMatterError::Unclosed { .. } => {
                Some("add a line with just `---` after the last front-matter key".to_owned())
            }
            FrontMatterError::Yaml(e) if e.message.contains("mapping values are not allowed") => {
                Some(
                    "a value that contains `: ` must be quoted, e.g. `title: \"Medusa: what you need to know\"`"
                        .to_owned(),
                )
            }
            FrontMatterError::TooLarge { .. } | FrontMatterError::TooDeep { .. } => Some(
                "if the file is genuine, raise the limit under `limits:` in briefing.yaml".to_owned(),
            ),
            _ => None,
        }
    }
}

/// One top-level `key: value` of the front matter.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The key, e.g. `title`.
    pub key: String,
    /// The value, converted from YAML.
    pub value: Value,
    /// Line of the key in the file (1-based).
    pub line: usize,
    /// Column where the value starts (1-based).
    pub column: usize,
}

/// A `key: value` line YAML rejected and we read as a plain string instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveredLine {
    /// Line in the file.
    pub line: usize,
    /// The key.
    pub key: String,
    /// The string it was read as.
    pub value: String,
    /// What YAML said about the line.
    pub reason: String,
}

/// A file split into fields and body.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    /// Top-level fields, in file order.
    pub fields: Vec<Field>,
    /// Lines recovered as plain strings (warnings, or errors under `--strict`).
    pub recovered: Vec<RecoveredLine>,
    /// Byte offset where the body starts.
    pub body_offset: usize,
    /// Line where the body starts (1-based).
    pub body_line: usize,
}

/// [`parse_bounded`] with the default [`Bounds`].
///
/// # Errors
/// As [`parse_bounded`].
pub fn parse(text: &str) -> Result<FrontMatter, FrontMatterError> {
    parse_bounded(text, Bounds::default())
}

/// Splits `text` (LF line endings, no BOM) at its `---` fences and parses the
/// YAML, if it is within `bounds`.
///
/// # Errors
/// A missing fence, front matter past `bounds`, or YAML that neither parses
/// nor can be recovered.
pub fn parse_bounded(text: &str, bounds: Bounds) -> Result<FrontMatter, FrontMatterError> {
    let mut lines = line_spans(text);
    let Some((_, first_end, first)) = lines.next() else {
        return Err(FrontMatterError::NoOpeningFence);
    };
    if first.trim_end() != "---" {
        return Err(FrontMatterError::NoOpeningFence);
    }
    let mut closing = None;
    for (i, (start, end, line)) in lines.enumerate() {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            // Line numbers: the opening fence is line 1, this is line i + 2.
            closing = Some((start, end, i + 2));
            break;
        }
    }
    let Some((close_start, close_end, close_line)) = closing else {
        return Err(FrontMatterError::Unclosed { opened_at: 1 });
    };
    let bytes = close_start - first_end;
    if bytes > bounds.max_bytes {
        return Err(FrontMatterError::TooLarge {
            bytes,
            limit: bounds.max_bytes,
            line: close_line,
        });
    }
    if let Some((line, column)) = too_deep(&text[..close_start], bounds.max_depth) {
        return Err(FrontMatterError::TooDeep {
            limit: bounds.max_depth,
            line,
            column,
        });
    }
    // Handing serde_yaml the text from the very start (the opening `---` is a
    // document-start marker) makes its error locations file-relative.
    let yaml = &text[..close_start];
    let (mapping, recovered) = match serde_yaml::from_str::<serde_yaml::Value>(yaml) {
        Ok(v) => (v, Vec::new()),
        Err(original) => match recover(yaml) {
            Some((v, recovered)) => (v, recovered),
            None => return Err(FrontMatterError::Yaml(original.into())),
        },
    };
    let mapping = match mapping {
        serde_yaml::Value::Mapping(m) => m,
        serde_yaml::Value::Null => serde_yaml::Mapping::new(),
        other => {
            return Err(FrontMatterError::NotAMapping {
                found: kind_name(&other),
            });
        }
    };
    let fields = mapping
        .into_iter()
        .map(|(k, v)| {
            let key = match k {
                serde_yaml::Value::String(s) => s,
                other => scalar_text(&other),
            };
            let (line, column) = key_position(yaml, &key).unwrap_or((1, 1));
            Field {
                key,
                value: to_json(v),
                line,
                column,
            }
        })
        .collect();
    Ok(FrontMatter {
        fields,
        recovered,
        body_offset: close_end,
        body_line: close_line + 1,
    })
}

/// Lines of `text` as (start, end-including-newline, line-without-newline).
fn line_spans(text: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    let mut pos = 0;
    text.split_inclusive('\n').map(move |raw| {
        let start = pos;
        pos += raw.len();
        (start, pos, raw.strip_suffix('\n').unwrap_or(raw))
    })
}

/// Scraped feeds write `title: Foo: Bar` unquoted, which YAML rejects. For each
/// top-level `key: value` line that does not parse on its own, quote the value
/// and try again. Gives `None` if the block still does not parse, so the user
/// sees YAML's own error.
fn recover(yaml: &str) -> Option<(serde_yaml::Value, Vec<RecoveredLine>)> {
    let mut out = String::with_capacity(yaml.len() + 32);
    let mut recovered = Vec::new();
    for (i, (_, _, line)) in line_spans(yaml).enumerate() {
        match plain_key_value(line) {
            Some((key, value)) if i > 0 => {
                if let Err(e) = serde_yaml::from_str::<serde_yaml::Value>(line) {
                    let quoted = serde_json::to_string(value).ok()?;
                    out.push_str(key);
                    out.push_str(": ");
                    out.push_str(&quoted);
                    out.push('\n');
                    recovered.push(RecoveredLine {
                        line: i + 1,
                        key: key.to_owned(),
                        value: value.to_owned(),
                        reason: YamlError::from(e).message,
                    });
                    continue;
                }
            }
            _ => {}
        }
        out.push_str(line);
        out.push('\n');
    }
    if recovered.is_empty() {
        return None;
    }
    let value = serde_yaml::from_str(&out).ok()?;
    Some((value, recovered))
}

/// `key: value` at the start of a line, where value is a plain (unquoted,
/// non-collection) scalar candidate.
fn plain_key_value(line: &str) -> Option<(&str, &str)> {
    let (key, rest) = line.split_once(':')?;
    let valid_key = !key.is_empty()
        && key
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !valid_key || !rest.starts_with(' ') {
        return None;
    }
    let value = rest.trim();
    let first = value.chars().next()?;
    if "[{|>&*!%@`#".contains(first) {
        return None;
    }
    Some((key, value))
}

/// (line, column of the value) of top-level `key:` in a YAML text.
pub fn key_position(yaml: &str, key: &str) -> Option<(usize, usize)> {
    for (i, (_, _, line)) in line_spans(yaml).enumerate() {
        let rest = line
            .strip_prefix(key)
            .or_else(|| {
                line.strip_prefix('"')
                    .and_then(|l| l.strip_prefix(key))
                    .and_then(|l| l.strip_prefix('"'))
            })
            .or_else(|| {
                line.strip_prefix('\'')
                    .and_then(|l| l.strip_prefix(key))
                    .and_then(|l| l.strip_prefix('\''))
            });
        if let Some(rest) = rest.and_then(|r| r.strip_prefix(':')) {
            let key_chars = line.chars().count() - rest.chars().count();
            let spaces = rest.chars().take_while(|c| *c == ' ').count();
            let column = if rest.trim().is_empty() {
                key_chars + 1
            } else {
                key_chars + spaces + 1
            };
            return Some((i + 1, column));
        }
    }
    None
}

/// (line, column of the value) of `path[last]` nested under `path[..last]`:
/// the first line after each parent key, indented more, that starts with the
/// next key. Good enough to point at a value in a config file.
pub fn key_position_nested(yaml: &str, path: &[&str]) -> Option<(usize, usize)> {
    let lines: Vec<&str> = yaml.lines().collect();
    let mut from = 0;
    let mut result = None;
    for key in path {
        let (i, line) = lines.iter().enumerate().skip(from).find(|(_, l)| {
            let t = l.trim_start().trim_start_matches("- ");
            let t = t.trim_start_matches(['"', '\'']);
            t.strip_prefix(key)
                .is_some_and(|r| r.trim_start_matches(['"', '\'']).starts_with(':'))
        })?;
        let colon = line.find(':')?;
        let after = &line[colon + 1..];
        let spaces = after.chars().take_while(|c| *c == ' ').count();
        result = Some((i + 1, line[..colon].chars().count() + spaces + 2));
        from = i + 1;
    }
    result
}

fn kind_name(v: &serde_yaml::Value) -> &'static str {
    match v {
        serde_yaml::Value::Null => "nothing",
        serde_yaml::Value::Bool(_) => "a boolean",
        serde_yaml::Value::Number(_) => "a number",
        serde_yaml::Value::String(_) => "a single string",
        serde_yaml::Value::Sequence(_) => "a list",
        serde_yaml::Value::Mapping(_) => "a mapping",
        serde_yaml::Value::Tagged(_) => "a tagged value",
    }
}

fn scalar_text(v: &serde_yaml::Value) -> String {
    match v {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::Null => String::new(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_owned(),
    }
}

fn to_json(v: serde_yaml::Value) -> Value {
    match v {
        serde_yaml::Value::Null => Value::Null,
        serde_yaml::Value::Bool(b) => Value::Bool(b),
        serde_yaml::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(Value::Null, Value::Number)
            }
        }
        serde_yaml::Value::String(s) => Value::String(s),
        serde_yaml::Value::Sequence(items) => {
            Value::Array(items.into_iter().map(to_json).collect())
        }
        serde_yaml::Value::Mapping(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| (scalar_text(&k), to_json(v)))
                .collect(),
        ),
        serde_yaml::Value::Tagged(t) => to_json(t.value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_counts_brackets_outside_quotes_and_comments() {
        assert_eq!(too_deep("tags: [[a]]", 2), None);
        assert_eq!(too_deep("tags: [[[a]]]", 2), Some((1, 9)));
        assert_eq!(too_deep("x: {a: [b]}\ny: [[[", 2), Some((2, 6)));
        // Quoted scalars, escaped quotes and comments do not count.
        assert_eq!(too_deep("t: \"[[[ \\\" [[[\"\nu: '[[[ '' [[['", 2), None);
        assert_eq!(too_deep("d: 2024-12-03 # [[[[", 2), None);
        // A quote inside a plain scalar opens nothing.
        assert_eq!(too_deep("t: it's [[[", 2), Some((1, 11)));
    }

    #[test]
    fn front_matter_past_its_bounds_is_refused_before_yaml() {
        let bounds = Bounds {
            max_bytes: 40,
            max_depth: 2,
        };
        let deep = "---\ntitle: x\ntags: [[[a]]]\n---\n";
        assert_eq!(
            parse_bounded(deep, bounds),
            Err(FrontMatterError::TooDeep {
                limit: 2,
                line: 3,
                column: 9
            })
        );
        let big = format!("---\ntitle: {}\n---\n", "x".repeat(40));
        assert_eq!(
            parse_bounded(&big, bounds),
            Err(FrontMatterError::TooLarge {
                bytes: 48,
                limit: 40,
                line: 3
            })
        );
    }

    fn field<'a>(fm: &'a FrontMatter, key: &str) -> &'a Field {
        fm.fields.iter().find(|f| f.key == key).unwrap()
    }

    #[test]
    fn splits_fields_and_body_with_file_positions() {
        let text = "---\ntitle: Hello\ntags:\n  - a\n---\n# Body\n";
        let fm = parse(text).unwrap();
        let title = field(&fm, "title");
        assert_eq!((title.line, title.column), (2, 8));
        assert_eq!(title.value, Value::from("Hello"));
        assert_eq!(field(&fm, "tags").value, serde_json::json!(["a"]));
        assert_eq!(&text[fm.body_offset..], "# Body\n");
        assert_eq!(fm.body_line, 6);
    }

    #[test]
    fn fence_errors() {
        let cases = [
            ("", FrontMatterError::NoOpeningFence),
            ("title: x\n", FrontMatterError::NoOpeningFence),
            (
                "---\ntitle: x\n",
                FrontMatterError::Unclosed { opened_at: 1 },
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text).unwrap_err(), expected, "{text:?}");
        }
    }

    #[test]
    fn yaml_error_is_file_relative() {
        let text = "---\ntitle: ok\ntags: [a, b\ndate: 2024-01-01\n---\n";
        let FrontMatterError::Yaml(e) = parse(text).unwrap_err() else {
            panic!("expected a YAML error");
        };
        assert_eq!((e.line, e.column), (Some(4), Some(5)), "{e:?}");
        assert_eq!(
            e.message,
            "did not find expected ',' or ']', while parsing a flow sequence started at line 3 column 7"
        );
    }

    #[test]
    fn unquoted_colon_title_is_recovered_as_plain_string() {
        let text = "---\ntitle: Medusa ransomware: what you need to know\nsource: X\n---\nbody";
        let fm = parse(text).unwrap();
        assert_eq!(
            field(&fm, "title").value,
            Value::from("Medusa ransomware: what you need to know")
        );
        assert_eq!(fm.recovered.len(), 1);
        assert_eq!(fm.recovered[0].line, 2);
        assert_eq!(fm.recovered[0].key, "title");
    }

    #[test]
    fn unrecoverable_yaml_keeps_original_error() {
        let text = "---\ntitle: x\n  bad: indentation: here\n---\n";
        assert!(matches!(parse(text), Err(FrontMatterError::Yaml(_))));
    }

    #[test]
    fn non_mapping_is_an_error() {
        let text = "---\n- a\n- b\n---\n";
        assert_eq!(
            parse(text).unwrap_err(),
            FrontMatterError::NotAMapping { found: "a list" }
        );
    }

    #[test]
    fn nested_key_positions() {
        let yaml = "title: x\ncleaning:\n  example.com:\n    stop_before: \"(\"\n";
        assert_eq!(
            key_position_nested(yaml, &["cleaning", "example.com", "stop_before"]),
            Some((4, 18))
        );
        assert_eq!(key_position_nested(yaml, &["nope"]), None);
    }

    #[test]
    fn key_positions() {
        let yaml = "---\ntitle:   spaced\n\"url\": x\ntags:\n";
        assert_eq!(key_position(yaml, "title"), Some((2, 10)));
        assert_eq!(key_position(yaml, "url"), Some((3, 8)));
        assert_eq!(key_position(yaml, "tags"), Some((4, 6)));
        assert_eq!(key_position(yaml, "date"), None);
    }
}
