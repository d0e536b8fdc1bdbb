//! The Tera templates: built-in defaults plus the site's overrides.
//!
//! Takes the site root; gives [`Templates`], where every default from the
//! repository's `templates/` (embedded in the binary) is replaced by the site's
//! `templates/NAME` when one exists. Autoescaping stays on for HTML and XML;
//! only the sanitised article body is emitted with `| safe`.

use std::path::{Path, PathBuf};

use serde::Serialize;
use tera::{Context, Tera};

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::fsx;

/// The site folder that overrides built-in templates.
pub const TEMPLATES_DIR: &str = "templates";

/// Built-in templates, by name.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    (
        "site_head.html",
        include_str!("../../templates/site_head.html"),
    ),
    (
        "site_header.html",
        include_str!("../../templates/site_header.html"),
    ),
    (
        "site_search.html",
        include_str!("../../templates/site_search.html"),
    ),
    (
        "site_footer.html",
        include_str!("../../templates/site_footer.html"),
    ),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("list.html", include_str!("../../templates/list.html")),
    ("article.html", include_str!("../../templates/article.html")),
    ("groups.html", include_str!("../../templates/groups.html")),
    ("archive.html", include_str!("../../templates/archive.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("entity.html", include_str!("../../templates/entity.html")),
    (
        "entities.html",
        include_str!("../../templates/entities.html"),
    ),
    ("rss.xml", include_str!("../../templates/rss.xml")),
    ("atom.xml", include_str!("../../templates/atom.xml")),
    ("email.html", include_str!("../../templates/email.html")),
    ("email.txt", include_str!("../../templates/email.txt")),
    ("sitemap.xml", include_str!("../../templates/sitemap.xml")),
    (
        "sitemap_index.xml",
        include_str!("../../templates/sitemap_index.xml"),
    ),
    ("robots.txt", include_str!("../../templates/robots.txt")),
    ("search.html", include_str!("../../templates/search.html")),
];

/// The compiled templates, and where each came from (for error messages).
#[derive(Debug)]
pub struct Templates {
    tera: Tera,
    overridden: Vec<String>,
    /// Whether a site template may read list entries' fields: one of its
    /// overrides (macros aside) names `entries`. If none does, the built-in
    /// list and entity pages print only each entry's shared markup, and
    /// their entries need carry nothing else (see [`Self::reads_entry_fields`]).
    reads_entry_fields: bool,
}

impl Templates {
    /// Defaults overridden by `root/templates/**`, with the warnings found
    /// on the way (links out of the site that were not followed).
    ///
    /// # Errors
    /// Every override that does not read or parse, each with its location.
    pub fn load(
        root: &Path,
        links: crate::load::OutsideLinks,
    ) -> Result<(Self, Diagnostics), Diagnostics> {
        let (found, mut problems) = crate::load::folder_files(root, TEMPLATES_DIR, links);
        let mut overrides: Vec<(String, String)> = Vec::new();
        for (name, path) in found {
            if name.starts_with(BUILTIN_PREFIX) {
                problems.push(Diagnostic::error(
                    Location::file(PathBuf::from(TEMPLATES_DIR).join(&name)),
                    format!(
                        "`{TEMPLATES_DIR}/{BUILTIN_PREFIX}` names the built-in templates; this file would hide one"
                    ),
                ).with_help(format!("move it out of `{TEMPLATES_DIR}/{BUILTIN_PREFIX}`; to change a built-in, override it by its own name and extend `{BUILTIN_PREFIX}NAME`")));
                continue;
            }
            match fsx::read_to_string(&path) {
                Ok(text) => overrides.push((name, text)),
                Err(e) => problems.push(Diagnostic::error(
                    Location::file(PathBuf::from(TEMPLATES_DIR).join(&name)),
                    e.to_string(),
                )),
            }
        }
        if problems.has_errors() {
            return Err(problems);
        }
        let overridden: Vec<String> = overrides.iter().map(|(n, _)| n.clone()).collect();
        // Macros see only their arguments, never the page's variables, so
        // `macros.html` cannot read a page's entries without the page
        // passing them (and then the page names them).
        let reads_entry_fields = overrides
            .iter()
            .any(|(name, text)| name != "macros.html" && text.contains("entries"));
        // Tera names the template that failed ("Failed to parse 'x.html'",
        // "Template 'x.html' is inheriting from ..."): blame that override,
        // set it aside and try again, so every broken override is reported
        // with its own name and line, and no good one is blamed.
        let mut good = overrides;
        let mut tera = Tera::default();
        loop {
            let mut all = defaults_without(&good);
            all.extend(good.iter().cloned());
            match tera.add_raw_templates(all) {
                Ok(()) => break,
                Err(e) => {
                    let culprit = quoted_names(&e)
                        .into_iter()
                        .find(|n| good.iter().any(|(g, _)| g == n));
                    match culprit {
                        Some(name) => {
                            problems.push(tera_diagnostic(
                                &PathBuf::from(TEMPLATES_DIR).join(&name),
                                &e,
                            ));
                            good.retain(|(g, _)| *g != name);
                            tera = Tera::default();
                        }
                        None => {
                            problems.push(tera_diagnostic(Path::new(TEMPLATES_DIR), &e));
                            return Err(problems);
                        }
                    }
                }
            }
        }
        if problems.has_errors() {
            return Err(problems);
        }
        tera.set_escape_fn(escape_markup);
        Ok((
            Templates {
                tera,
                overridden,
                reads_entry_fields,
            },
            problems,
        ))
    }

    /// The built-in templates alone, for rendering without a site folder.
    ///
    /// # Errors
    /// Only if a built-in template is broken (a test keeps them parsing).
    pub fn builtin() -> Result<Self, Diagnostics> {
        let mut tera = Tera::default();
        tera.add_raw_templates(defaults_without(&[]))
            .map_err(|e| Diagnostics::from(tera_diagnostic(Path::new(TEMPLATES_DIR), &e)))?;
        tera.set_escape_fn(escape_markup);
        Ok(Templates {
            tera,
            overridden: Vec::new(),
            reads_entry_fields: false,
        })
    }

    /// Whether list and entity pages must give each entry every field. The
    /// built-in `list.html` and `entity.html` print an entry's shared markup
    /// (`e.html`) and call the `entry` macro only without it; a site's
    /// template that names `entries` may read any field.
    pub fn reads_entry_fields(&self) -> bool {
        self.reads_entry_fields
    }

    /// Renders template `name` with the fields of `view` as its variables.
    ///
    /// # Errors
    /// The template's failure, located at the template file.
    pub fn render<T: Serialize>(&self, name: &str, view: &T) -> Result<String, Diagnostic> {
        let context = self.context(name, view)?;
        self.render_context(name, &context)
    }

    /// The variables `view` gives template `name`, for rendering more than
    /// one template from them.
    ///
    /// # Errors
    /// A view that is not a map of variables, located at the template.
    pub fn context<T: Serialize>(&self, name: &str, view: &T) -> Result<Context, Diagnostic> {
        Context::from_serialize(view).map_err(|e| tera_diagnostic(&self.location(name), &e))
    }

    /// Renders template `name` with `context`.
    ///
    /// # Errors
    /// The template's failure, located at the innermost override it names.
    pub fn render_context(&self, name: &str, context: &Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|e| tera_diagnostic(&self.blame(name, &e), &e))
    }

    /// One list entry, `e` in the `entry` macro of `macros.html`, with its
    /// heading at `level`.
    ///
    /// # Errors
    /// The macro's failure, located at `macros.html`.
    pub fn render_entry<T: Serialize>(&self, entry: &T, level: u8) -> Result<String, Diagnostic> {
        let macros = "macros.html";
        let context = Context::from_serialize(EntryFragment { e: entry, level })
            .map_err(|e| tera_diagnostic(&self.location(macros), &e))?;
        self.tera
            .render(ENTRY_FRAGMENT, &context)
            .map_err(|e| tera_diagnostic(&self.blame(macros, &e), &e))
    }

    /// Where a render of `name` failed: the innermost override the error
    /// names (a page's `m::entry` call fails in the site's `macros.html`,
    /// not in the built-in page), else `name`.
    fn blame(&self, name: &str, err: &tera::Error) -> PathBuf {
        quoted_names(err)
            .into_iter()
            .rev()
            .find(|n| self.overridden.iter().any(|o| o == n))
            .map_or_else(|| self.location(name), |n| self.location(&n))
    }

    fn location(&self, name: &str) -> PathBuf {
        if self.overridden.iter().any(|o| o == name) {
            PathBuf::from(TEMPLATES_DIR).join(name)
        } else {
            PathBuf::from(format!("<built-in template {name}>"))
        }
    }
}

/// The built-in templates not replaced by `overrides`.
fn defaults_without(overrides: &[(String, String)]) -> Vec<(String, String)> {
    DEFAULTS
        .iter()
        .filter(|(name, _)| !overrides.iter().any(|(o, _)| o == name))
        .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
        .chain(builtin_aliases())
        .collect()
}

/// Folder under which every built-in template can also be named, so that
/// an override can extend the template it replaces and change one block:
/// `{% extends "briefing/base.html" %}` in the site's `templates/base.html`.
pub const BUILTIN_PREFIX: &str = "briefing/";

/// The built-ins under [`BUILTIN_PREFIX`], and the internal template
/// that renders one list entry with the site's `entry` macro.
fn builtin_aliases() -> impl Iterator<Item = (String, String)> {
    DEFAULTS
        .iter()
        .map(|(n, t)| (format!("{BUILTIN_PREFIX}{n}"), (*t).to_owned()))
        .chain(std::iter::once((
            ENTRY_FRAGMENT.to_owned(),
            "{% import \"macros.html\" as m %}{{ m::entry(e=e, level=level) }}".to_owned(),
        )))
}

/// One list entry as `macros.html`'s `entry` macro renders it: made once
/// per entry and shared by every page that lists it, since an entry is on
/// about a dozen pages (its tags, source, week, month, year and each
/// entity it names). Under [`BUILTIN_PREFIX`], so no override can hide it;
/// an override of `macros.html` changes what it renders.
const ENTRY_FRAGMENT: &str = "briefing/entry-fragment.html";

/// The variables of [`ENTRY_FRAGMENT`].
#[derive(Serialize)]
struct EntryFragment<'v, T> {
    e: &'v T,
    level: u8,
}

/// Template names quoted in a Tera error and its causes, in order.
fn quoted_names(err: &tera::Error) -> Vec<String> {
    let mut names = Vec::new();
    let mut current: Option<&dyn std::error::Error> = Some(err);
    while let Some(e) = current {
        let text = e.to_string();
        let mut parts = text.split(['\'', '"']);
        parts.next();
        // Every other piece is inside quotes.
        for (i, piece) in parts.enumerate() {
            if i % 2 == 0 && !piece.is_empty() && !piece.contains(char::is_whitespace) {
                names.push(piece.to_owned());
            }
        }
        current = e.source();
    }
    names
}

/// Escapes text for HTML and XML. Unlike Tera's default it leaves `/` alone,
/// so URLs in the output read as URLs. It copies the runs between special
/// characters whole: feeds escape every item's full body, so this is one of
/// the build's busiest loops.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut copied = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // An ASCII byte is always a char boundary.
        out.push_str(&text[copied..i]);
        out.push_str(entity);
        copied = i + 1;
    }
    out.push_str(&text[copied..]);
    out
}

/// A Tera error as one diagnostic: the whole cause chain on one line, and the
/// `line:col` from a parse error when Tera gives one.
fn tera_diagnostic(path: &Path, err: &tera::Error) -> Diagnostic {
    let mut parts = vec![err.to_string()];
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    let full = parts.join("\n");
    let position = full.split("--> ").nth(1).and_then(|rest| {
        let mut it = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty());
        Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
    });
    // Pest's multi-line pointer art (` --> 5:15`, `  |`, `5 | ...`) does not
    // fit a one-line diagnostic; its `= expected ...` line is the message.
    let message = full
        .lines()
        .map(|l| match l.find("-->") {
            Some(i) => &l[..i],
            None => l,
        })
        .map(|l| {
            l.trim()
                .trim_start_matches("= ")
                .trim_end_matches(':')
                .trim()
        })
        .filter(|l| {
            !l.is_empty()
                && !l.starts_with('|')
                && !l
                    .split_once('|')
                    .is_some_and(|(n, _)| n.trim().chars().all(|c| c.is_ascii_digit()))
        })
        .collect::<Vec<_>>()
        .join(": ");
    let location = match position {
        Some((line, col)) => Location::at(path, line, col),
        None => Location::file(path),
    };
    Diagnostic::error(location, format!("template error: {message}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_but_not_slashes() {
        assert_eq!(
            escape_markup(r#"<a href="x">R&D's</a> https://e.org/"#),
            "&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt; https://e.org/"
        );
    }

    #[test]
    fn escapes_at_the_edges_and_between_multibyte_text() {
        assert_eq!(escape_markup("&"), "&amp;");
        assert_eq!(escape_markup("<漏洞>"), "&lt;漏洞&gt;");
        assert_eq!(
            escape_markup("Ünïcode — \"ok\""),
            "Ünïcode — &quot;ok&quot;"
        );
        assert_eq!(escape_markup("plain"), "plain");
        assert_eq!(escape_markup(""), "");
    }

    #[test]
    fn builtin_templates_compile() {
        let mut tera = Tera::default();
        tera.add_raw_templates(DEFAULTS.to_vec()).unwrap();
    }

    #[test]
    fn broken_override_is_reported_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("templates")).unwrap();
        std::fs::write(dir.path().join("templates/404.html"), "ok\n{% if %}\n").unwrap();
        let errs = Templates::load(dir.path(), crate::load::OutsideLinks::Skip).unwrap_err();
        let d = errs.iter().next().unwrap();
        assert_eq!(d.location.path, PathBuf::from("templates/404.html"));
        assert_eq!(d.location.line, Some(2), "{d}");
    }
}
