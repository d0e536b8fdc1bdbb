//! Where a new site's workflow installs Briefing from.
//!
//! Takes the git URL and revision given to `briefing init` (or none); gives
//! an [`InstallSource`] whose two values are safe to write into the
//! workflow's YAML and to pass to `cargo install` as shell words, or every
//! [`SourceError`] found. By default the source is this build's own
//! `repository` (from Cargo.toml) at the tag `v{version}`: the project tags
//! each release.
//!
//! # Note
//! The values end up in a committed file that GitHub Actions evaluates and
//! a shell runs, so they are checked against a short list of characters
//! rather than against what git or cargo would accept: no space, quote,
//! newline, `$`, backtick, `{`, `}`, `;` or `,` (which would end a cache
//! key) can get through.

/// The git repository Briefing is installed from by default: `repository`
/// in Briefing's Cargo.toml, e.g. `https://github.com/briefing-digest/briefing`.
pub const DEFAULT_GIT: &str = env!("CARGO_PKG_REPOSITORY");

/// The revision installed by default: this version's release tag, e.g.
/// `v0.1.0`.
pub const DEFAULT_REV: &str = concat!("v", env!("CARGO_PKG_VERSION"));

// The workflow of every new site points at `repository`; a Cargo.toml
// without one must not build.
const _: () = assert!(!DEFAULT_GIT.is_empty(), "Cargo.toml needs a `repository`");

/// The longest URL accepted.
const MAX_URL_LEN: usize = 300;
/// The longest revision accepted (a full SHA-256 commit is 64).
const MAX_REV_LEN: usize = 100;

/// A git repository and a tag or commit in it, both checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstallSource {
    git: String,
    rev: String,
}

/// Why a URL or revision given to `init` was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    /// The URL given with `--from-git`.
    #[error("`{value}` is not a git URL to install Briefing from: {reason}")]
    Git {
        /// The value as given, e.g. `http://example.org/briefing`.
        value: String,
        /// What is wrong with it, e.g. `http:// is not allowed`.
        reason: String,
    },
    /// The revision given with `--rev`.
    #[error("`{value}` is not a tag or commit: {reason}")]
    Rev {
        /// The value as given, e.g. `main; rm -rf ~`.
        value: String,
        /// What is wrong with it, e.g. `a space is not allowed`.
        reason: String,
    },
}

impl SourceError {
    /// How to fix it.
    pub fn help(&self) -> &'static str {
        match self {
            SourceError::Git { .. } => {
                "give an https:// (or ssh://) URL of a git repository, e.g. \
                 https://github.com/briefing-digest/briefing, with only letters, digits \
                 and . _ ~ : / @ % + -"
            }
            SourceError::Rev { .. } => {
                "give a tag (v0.1.0) or a commit hash, with only letters, digits and . _ / -"
            }
        }
    }
}

impl Default for InstallSource {
    /// [`DEFAULT_GIT`] at [`DEFAULT_REV`].
    fn default() -> Self {
        InstallSource {
            git: DEFAULT_GIT.to_owned(),
            rev: DEFAULT_REV.to_owned(),
        }
    }
}

impl InstallSource {
    /// The source `init` was asked for: `git` or [`DEFAULT_GIT`], at `rev`
    /// or [`DEFAULT_REV`].
    ///
    /// # Errors
    /// One [`SourceError`] for each of `git` and `rev` that is refused (both
    /// when both are).
    pub fn new(git: Option<&str>, rev: Option<&str>) -> Result<Self, Vec<SourceError>> {
        let git = git.unwrap_or(DEFAULT_GIT);
        let rev = rev.unwrap_or(DEFAULT_REV);
        let problems: Vec<SourceError> = [
            check_git(git).map_err(|reason| SourceError::Git {
                value: git.to_owned(),
                reason,
            }),
            check_rev(rev).map_err(|reason| SourceError::Rev {
                value: rev.to_owned(),
                reason,
            }),
        ]
        .into_iter()
        .filter_map(Result::err)
        .collect();
        if problems.is_empty() {
            Ok(InstallSource {
                git: git.to_owned(),
                rev: rev.to_owned(),
            })
        } else {
            Err(problems)
        }
    }

    /// The repository URL, e.g. `https://github.com/briefing-digest/briefing`.
    pub fn git(&self) -> &str {
        &self.git
    }

    /// The tag or commit, e.g. `v0.1.0`.
    pub fn rev(&self) -> &str {
        &self.rev
    }
}

/// A character as a message names it.
fn named(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        '\n' => "a newline".to_owned(),
        '\r' => "a carriage return".to_owned(),
        '\t' => "a tab".to_owned(),
        // Named by code point: a control or bidi character would not show.
        c if !c.is_ascii_graphic() => format!("U+{:04X}", c as u32),
        '`' => "a backtick".to_owned(),
        c => format!("`{c}`"),
    }
}

/// The first character of `value` that `allowed` refuses, as a reason.
fn first_refused(value: &str, allowed: impl Fn(char) -> bool) -> Result<(), String> {
    match value.chars().find(|&c| !allowed(c)) {
        Some(c) => Err(format!("{} is not allowed", named(c))),
        None => Ok(()),
    }
}

fn check_git(value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err("it is empty".to_owned());
    }
    if value.chars().count() > MAX_URL_LEN {
        return Err(format!("it is longer than {MAX_URL_LEN} characters"));
    }
    // `?` and `#` are left out too: cargo has no use for a query or fragment.
    first_refused(value, |c| {
        c.is_ascii_alphanumeric() || "._~:/@%+-".contains(c)
    })?;
    let url = url::Url::parse(value).map_err(|e| format!("not an absolute URL ({e})"))?;
    match url.scheme() {
        "https" | "ssh" => {}
        "http" | "git" => {
            return Err(format!(
                "{}:// is not allowed (unencrypted: anyone on the way could swap the code)",
                url.scheme()
            ));
        }
        other => return Err(format!("{other}: is not allowed")),
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("it has no host".to_owned());
    }
    if url.password().is_some() {
        return Err("it carries a password, which would be published in the workflow".to_owned());
    }
    Ok(())
}

fn check_rev(value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err("it is empty".to_owned());
    }
    if value.chars().count() > MAX_REV_LEN {
        return Err(format!("it is longer than {MAX_REV_LEN} characters"));
    }
    first_refused(value, |c| c.is_ascii_alphanumeric() || "._/-".contains(c))?;
    if value.starts_with('-') {
        // `cargo install --rev -x` would take it for an option.
        return Err("it starts with `-`".to_owned());
    }
    if value.starts_with('/') || value.ends_with('/') || value.contains("//") {
        return Err("a `/` may only separate two names".to_owned());
    }
    if value.contains("..") {
        return Err("`..` is not allowed".to_owned());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_cargo_toml_repository_at_the_version_tag() {
        let source = InstallSource::default();
        assert_eq!(source.git(), env!("CARGO_PKG_REPOSITORY"));
        assert_eq!(source.rev(), format!("v{}", env!("CARGO_PKG_VERSION")));
        assert_eq!(InstallSource::new(None, None), Ok(source));
    }

    #[test]
    fn plain_urls_and_revisions_are_kept_as_given() {
        let cases = [
            ("https://github.com/acme/briefing", "v0.2.0"),
            (
                "https://git.example.org:8443/tools/briefing.git",
                "release/2024-12",
            ),
            (
                "ssh://git@github.com/acme/briefing.git",
                "0123456789abcdef0123456789abcdef01234567",
            ),
            ("https://gitlab.com/~me/brief%20ing", "20240101"),
        ];
        for (git, rev) in cases {
            let source = InstallSource::new(Some(git), Some(rev)).unwrap();
            assert_eq!((source.git(), source.rev()), (git, rev));
        }
    }

    #[test]
    fn hostile_or_unusable_revisions_are_refused_with_the_reason() {
        let cases = [
            ("main; rm -rf ~", "`;` is not allowed"),
            ("main rm", "a space is not allowed"),
            ("v1\nrun: id", "a newline is not allowed"),
            ("$(id)", "`$` is not allowed"),
            ("`id`", "a backtick is not allowed"),
            ("v1\"", "`\"` is not allowed"),
            ("v1'", "`'` is not allowed"),
            ("${{ secrets.X }}", "`$` is not allowed"),
            ("a,b", "`,` is not allowed"),
            ("v1\u{202e}", "U+202E is not allowed"),
            ("--upload-pack=id", "`=` is not allowed"),
            ("-x", "it starts with `-`"),
            ("/etc", "a `/` may only separate two names"),
            ("a//b", "a `/` may only separate two names"),
            ("a/../b", "`..` is not allowed"),
            ("", "it is empty"),
        ];
        for (rev, reason) in cases {
            let err = InstallSource::new(None, Some(rev)).unwrap_err();
            assert_eq!(
                err,
                [SourceError::Rev {
                    value: rev.to_owned(),
                    reason: reason.to_owned()
                }],
                "{rev:?}"
            );
        }
        let long = "a".repeat(MAX_REV_LEN + 1);
        assert!(InstallSource::new(None, Some(&long)).is_err());
    }

    #[test]
    fn hostile_or_unusable_urls_are_refused_with_the_reason() {
        let cases = [
            ("https://x.org/$(id)", "`$` is not allowed"),
            ("https://x.org/a b", "a space is not allowed"),
            ("https://x.org/a\nb", "a newline is not allowed"),
            ("https://x.org/a?b", "`?` is not allowed"),
            ("https://x.org/a\"", "`\"` is not allowed"),
            (
                "http://x.org/briefing",
                "http:// is not allowed (unencrypted: anyone on the way could swap the code)",
            ),
            (
                "git://x.org/briefing",
                "git:// is not allowed (unencrypted: anyone on the way could swap the code)",
            ),
            ("file:///home/me/briefing", "file: is not allowed"),
            (
                "github.com/acme/briefing",
                "not an absolute URL (relative URL without a base)",
            ),
            (
                "git@github.com:acme/briefing",
                "not an absolute URL (relative URL without a base)",
            ),
            (
                "https://me:token@github.com/acme/briefing",
                "it carries a password, which would be published in the workflow",
            ),
            ("", "it is empty"),
        ];
        for (git, reason) in cases {
            let err = InstallSource::new(Some(git), None).unwrap_err();
            assert_eq!(
                err,
                [SourceError::Git {
                    value: git.to_owned(),
                    reason: reason.to_owned()
                }],
                "{git:?}"
            );
        }
    }

    #[test]
    fn both_problems_are_reported_at_once() {
        let err = InstallSource::new(Some("http://x.org/b"), Some("$(id)")).unwrap_err();
        assert_eq!(err.len(), 2, "{err:?}");
        assert!(matches!(err[0], SourceError::Git { .. }));
        assert!(matches!(err[1], SourceError::Rev { .. }));
    }
}
