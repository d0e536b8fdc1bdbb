//! User-facing problems with a location.
//!
//! Every stage that looks at user input (config, content files, templates) turns
//! its own error types into [`Diagnostic`]s carrying the file path and, where
//! known, a 1-based line and column. They display in the GNU
//! `path:line:col: error: message` shape that editors and CI annotate.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where a problem is: a path relative to the site root, plus line and column
/// (both 1-based) when the problem is inside the file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// e.g. `content/2024/xz-backdoor.md`
    pub path: PathBuf,
    /// 1-based line in the whole file, `None` for whole-file problems.
    pub line: Option<usize>,
    /// 1-based column (in characters), `None` when unknown.
    pub column: Option<usize>,
}

impl Location {
    /// A location for the whole file.
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Location {
            path: path.into(),
            line: None,
            column: None,
        }
    }

    /// A location at `line:column` in `path`.
    pub fn at(path: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Location {
            path: path.into(),
            line: Some(line),
            column: Some(column),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Forward slashes on every platform, so diagnostics (and their snapshots)
        // read the same everywhere.
        let path = self.path.to_string_lossy().replace('\\', "/");
        let path = printable(&path);
        match (self.line, self.column) {
            (Some(line), Some(col)) => write!(f, "{path}:{line}:{col}"),
            (Some(line), None) => write!(f, "{path}:{line}"),
            _ => write!(f, "{path}"),
        }
    }
}

/// How bad a problem is. Warnings become errors under `--strict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build fails.
    Error,
    /// The build goes on; printed after the build.
    Warning,
    /// Something the build did on purpose that the user may not expect
    /// (an article left out because its date is in the future). Never an
    /// error, not even under `--strict`, and not counted as a warning.
    Note,
}

/// One problem to show the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where it is.
    pub location: Location,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, one line, no trailing period.
    pub message: String,
    /// How to fix it, when we can tell.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `location`.
    pub fn error(location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            location,
            severity: Severity::Error,
            message: message.into(),
            help: None,
        }
    }

    /// A warning at `location`.
    pub fn warning(location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            location,
            severity: Severity::Warning,
            message: message.into(),
            help: None,
        }
    }

    /// A note at `location`.
    pub fn note(location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            location,
            severity: Severity::Note,
            message: message.into(),
            help: None,
        }
    }

    /// Adds a `help:` line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        // Messages quote values from the files (keys, URLs, titles): escape
        // them as the path is, so a value cannot move the cursor, recolour
        // the terminal or forge a line of output.
        write!(f, "{}: {kind}: {}", self.location, printable(&self.message))?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", printable(help))?;
        }
        Ok(())
    }
}

/// `text` safe to print on a terminal: control characters (which could
/// move the cursor or recolour the screen) and bidirectional overrides
/// (which could reorder what is shown) become `\u{..}` escapes.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() || crate::names::is_bidi_control(c);
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A bag of diagnostics collected over a stage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// An empty bag.
    pub fn new() -> Self {
        Diagnostics(Vec::new())
    }

    /// Adds one.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Adds all of `other`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// True if any is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings (notes are not counted).
    pub fn warning_count(&self) -> usize {
        self.0
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// Number of distinct files with at least one error.
    pub fn files_with_errors(&self) -> usize {
        let mut paths: Vec<&Path> = self
            .0
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.location.path.as_path())
            .collect();
        paths.sort();
        paths.dedup();
        paths.len()
    }

    /// Turns every warning into an error (`--strict`); notes stay notes.
    pub fn make_warnings_errors(&mut self) {
        for d in &mut self.0 {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }

    /// Sorts by path, line, column, so output does not depend on thread timing.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.location, a.severity, &a.message).cmp(&(&b.location, b.severity, &b.message))
        });
    }

    /// True when there is nothing in the bag.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Number of diagnostics.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Iterates in insertion (or sorted) order.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics(iter.into_iter().collect())
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// 1-based (line, column) of byte offset `offset` in `text`; the column counts
/// characters, not bytes, so it matches what an editor shows.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_gnu_shape_with_help() {
        let d = Diagnostic::error(Location::at("content/a.md", 3, 8), "bad date")
            .with_help("use YYYY-MM-DD");
        assert_eq!(
            d.to_string(),
            "content/a.md:3:8: error: bad date\n  help: use YYYY-MM-DD"
        );
        let w = Diagnostic::warning(Location::file("briefing.yaml"), "odd");
        assert_eq!(w.to_string(), "briefing.yaml: warning: odd");
    }

    #[test]
    fn line_col_counts_characters() {
        let text = "ab\ncé: x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // 'é' is two bytes; the colon after it is column 3.
        assert_eq!(line_col(text, 6), (2, 3));
    }

    #[test]
    fn strict_turns_warnings_into_errors() {
        let mut ds: Diagnostics = [Diagnostic::warning(Location::file("a"), "w")]
            .into_iter()
            .collect();
        assert!(!ds.has_errors());
        ds.make_warnings_errors();
        assert_eq!(ds.error_count(), 1);
    }
}
