//! `briefing init`: the files of a new site.
//!
//! Takes a folder (which may not exist yet); gives the paths it created there,
//! or an [`InitError`]. A new site is a commented `briefing.yaml` with every
//! key at its default and the title taken from the folder's name, one sample
//! article under `content/`, an example watch-list in `data/entities.yaml`, a
//! `.gitignore` for the output folder, and the GitHub Pages workflow in
//! `.github/workflows/publish.yml`, which installs Briefing from the git
//! repository and revision of an [`InstallSource`]. The file texts live in
//! `src/init/` and are built into the binary.
//!
//! # Note
//! Nothing is ever overwritten: every path is checked before the first write,
//! and if any file is already there nothing is written at all. If a write
//! fails part-way, the files and folders this run created are removed again.

use std::path::{Component, Path, PathBuf};

use crate::fsx::{self, FsError};

mod source;

pub use source::{DEFAULT_GIT, DEFAULT_REV, InstallSource, SourceError};

/// The text of the sample `briefing.yaml`; `{{title}}` stands for the title.
const CONFIG_TEMPLATE: &str = include_str!("init/briefing.yaml");
/// The placeholder in [`CONFIG_TEMPLATE`].
const TITLE_PLACEHOLDER: &str = "{{title}}";

/// The GitHub Actions workflow that builds, checks and publishes a site to
/// GitHub Pages; `{{briefing_git}}` and `{{briefing_rev}}` stand for where
/// Briefing is installed from. The Briefing repository carries it, filled in
/// with the defaults, at `.github/workflows/publish.yml`.
const WORKFLOW_TEMPLATE: &str = include_str!("init/publish.yml");
/// The placeholders in [`WORKFLOW_TEMPLATE`].
const GIT_PLACEHOLDER: &str = "{{briefing_git}}";
const REV_PLACEHOLDER: &str = "{{briefing_rev}}";

/// Where the workflow goes, relative to the site root.
pub const WORKFLOW_FILE: &str = ".github/workflows/publish.yml";

/// Where the sample article goes, relative to the site root.
pub const SAMPLE_ARTICLE: &str = "content/2024/01/midnight-blizzard-microsoft-corporate-email.md";

/// Why `init` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// Files `init` would write are already there (every one is listed).
    #[error("{} already exist{}: {}", plural_files(paths.len()), if paths.len() == 1 { "s" } else { "" }, list(paths))]
    Exists {
        /// The existing files, as `dir` joined with their path in the site,
        /// e.g. `mysite/briefing.yaml`.
        paths: Vec<PathBuf>,
    },
    /// A path that must be a folder (the target folder, or one that would
    /// hold a new file, e.g. `mysite/content`) is something else.
    #[error("`{}` exists and is not a folder", path.display())]
    NotAFolder {
        /// The path, e.g. `mysite/content`.
        path: PathBuf,
    },
    /// A write failed; what this run had created was removed again.
    #[error(transparent)]
    Fs(#[from] FsError),
}

fn plural_files(n: usize) -> String {
    if n == 1 {
        "1 file".to_owned()
    } else {
        format!("{n} files")
    }
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| format!("`{}`", p.display()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Creates a new site in `dir` (created if missing), whose workflow
/// installs Briefing from `source`, and gives the paths of the files
/// written, each `dir` joined with the file's path in the site, in the order
/// they were written.
///
/// # Errors
/// [`InitError::Exists`] if any of the files is already there and
/// [`InitError::NotAFolder`] if a folder the files need is something else;
/// in both cases nothing was written. [`InitError::Fs`] if a write failed;
/// the files and folders created up to then have been removed.
pub fn create_site(dir: &Path, source: &InstallSource) -> Result<Vec<PathBuf>, InitError> {
    let plan = plan(&title_for(dir), source);
    check(dir, &plan)?;
    let mut created_files: Vec<PathBuf> = Vec::new();
    let mut created_dirs: Vec<PathBuf> = Vec::new();
    let written = plan.iter().try_for_each(|(rel, text)| {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            create_dirs(parent, &mut created_dirs)?;
        }
        // `create_new`: a file that appeared since the check is not overwritten either.
        fsx::create_new(&path, text.as_bytes())?;
        created_files.push(path);
        Ok::<(), FsError>(())
    });
    if let Err(e) = written {
        // Leave the folder as it was found: only what this run made goes.
        for file in created_files.iter().rev() {
            let _ = std::fs::remove_file(file);
        }
        for folder in created_dirs.iter().rev() {
            let _ = std::fs::remove_dir(folder);
        }
        return Err(e.into());
    }
    Ok(created_files)
}

/// The files of a new site titled `title` whose workflow installs Briefing
/// from `source`: relative path and text.
pub fn plan(title: &str, source: &InstallSource) -> Vec<(PathBuf, String)> {
    [
        (crate::config::CONFIG_FILE, config_text(title)),
        (
            SAMPLE_ARTICLE,
            include_str!("init/sample-article.md").to_owned(),
        ),
        (
            crate::enrich::entities::WATCHLIST_FILE,
            include_str!("init/entities.yaml").to_owned(),
        ),
        (".gitignore", include_str!("init/gitignore").to_owned()),
        (WORKFLOW_FILE, workflow_text(source)),
    ]
    .into_iter()
    .map(|(rel, text)| (PathBuf::from(rel), text))
    .collect()
}

/// The publishing workflow, installing Briefing from `source`.
pub fn workflow_text(source: &InstallSource) -> String {
    // Quoted as YAML strings, so a commit such as `20240101` stays a string;
    // `InstallSource` admits no quote or backslash, so the JSON string is the
    // value exactly. The values go into `env:` only: the shell reads them as
    // variables, never as script text.
    let quote = |v: &str| serde_json::to_string(v).expect("a string always serialises");
    WORKFLOW_TEMPLATE
        .replacen(GIT_PLACEHOLDER, &quote(source.git()), 1)
        .replacen(REV_PLACEHOLDER, &quote(source.rev()), 1)
}

/// The sample `briefing.yaml` with `title` set.
pub fn config_text(title: &str) -> String {
    // A JSON string is a valid YAML double-quoted scalar, so any folder name
    // (quotes, colons, `#`, non-ASCII) comes back as exactly that string.
    let quoted = serde_json::to_string(title).expect("a string always serialises");
    CONFIG_TEMPLATE.replacen(TITLE_PLACEHOLDER, &quoted, 1)
}

/// The title for a site in `dir`: the folder's name (`threat-digest` for
/// `~/sites/threat-digest`, the current folder's name for `.`), or
/// `Briefing` when it has none (the file-system root).
pub fn title_for(dir: &Path) -> String {
    let full = dir
        .canonicalize()
        .or_else(|_| std::path::absolute(dir))
        .unwrap_or_else(|_| dir.to_path_buf());
    // `absolute` keeps `..` in a path that does not exist yet; resolve it
    // by name so `new/..` is not titled `..`.
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for c in full.components() {
        match c {
            Component::Normal(name) => parts.push(name),
            Component::ParentDir => {
                parts.pop();
            }
            _ => {}
        }
    }
    parts
        .last()
        .map(|n| n.to_string_lossy().trim().to_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "Briefing".to_owned())
}

/// Checks every path of `plan` under `dir` before anything is written.
fn check(dir: &Path, plan: &[(PathBuf, String)]) -> Result<(), InitError> {
    let mut existing = Vec::new();
    for (rel, _) in plan {
        let path = dir.join(rel);
        // `symlink_metadata` so a dangling link counts as "there" too.
        if std::fs::symlink_metadata(&path).is_ok() {
            existing.push(path);
            continue;
        }
        // Every folder on the way must be a folder or not exist yet.
        let mut folder = dir.to_path_buf();
        check_folder(&folder)?;
        for part in rel.parent().into_iter().flat_map(Path::components) {
            folder.push(part);
            check_folder(&folder)?;
        }
    }
    if existing.is_empty() {
        Ok(())
    } else {
        Err(InitError::Exists { paths: existing })
    }
}

fn check_folder(path: &Path) -> Result<(), InitError> {
    match std::fs::symlink_metadata(path) {
        Err(_) => Ok(()),
        // A link to a folder is a folder for our purposes.
        Ok(_) if path.is_dir() => Ok(()),
        Ok(_) => Err(InitError::NotAFolder {
            path: path.to_path_buf(),
        }),
    }
}

/// Creates `path` and any missing parents, recording each folder it made
/// (outermost first) so a failed run can remove them again.
fn create_dirs(path: &Path, created: &mut Vec<PathBuf>) -> Result<(), FsError> {
    let mut missing = Vec::new();
    let mut p = Some(path);
    while let Some(cur) = p {
        if cur.as_os_str().is_empty() || cur.is_dir() {
            break;
        }
        missing.push(cur.to_path_buf());
        p = cur.parent();
    }
    for folder in missing.into_iter().rev() {
        fsx::create_dir_all(&folder)?;
        created.push(folder);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{self, ConfigFile};

    /// The keys in the README's configuration table, in order.
    fn documented_keys() -> Vec<String> {
        let readme = include_str!("../README.md");
        let section = readme
            .split("## Configuration")
            .nth(1)
            .expect("README has a Configuration section");
        let section = section.split("\n## ").next().unwrap_or(section);
        section
            .lines()
            .filter_map(|l| l.strip_prefix("| `"))
            .filter_map(|l| l.split('`').next())
            .map(str::to_owned)
            .collect()
    }

    /// The config text with every `# key: value` line for a documented key
    /// switched on.
    fn uncommented(text: &str, keys: &[String]) -> String {
        text.lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if keys.iter().any(|k| rest.starts_with(&format!("{k}: "))) => rest,
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn config_lists_every_documented_key_with_its_default() {
        let keys = documented_keys();
        assert!(keys.len() >= 13, "README table not found: {keys:?}");
        let text = config_text("threat-digest");
        for key in &keys {
            let on = text.lines().any(|l| l.starts_with(&format!("{key}: ")));
            let off = text.lines().any(|l| l.starts_with(&format!("# {key}: ")));
            assert!(on || off, "briefing.yaml template lacks `{key}`");
        }
        let all_on = uncommented(&text, &keys);
        let parsed = config::parse(&all_on).unwrap_or_else(|e| panic!("{}\n{all_on}", e.message));
        let expected = ConfigFile {
            title: "threat-digest".to_owned(),
            ..ConfigFile::default()
        };
        assert_eq!(parsed, expected);
        // As written, only the title is set.
        assert_eq!(config::parse(&text).unwrap(), expected);
    }

    #[test]
    fn workflow_fills_each_placeholder_once_and_leaves_none() {
        for placeholder in [GIT_PLACEHOLDER, REV_PLACEHOLDER] {
            assert_eq!(
                WORKFLOW_TEMPLATE.matches(placeholder).count(),
                1,
                "{placeholder}"
            );
        }
        let source = InstallSource::new(Some("https://x.example/b"), Some("1234")).unwrap();
        let text = workflow_text(&source);
        assert!(!text.contains("{{briefing_"), "{text}");
        assert!(
            text.contains("\n  BRIEFING_GIT: \"https://x.example/b\"\n  BRIEFING_REV: \"1234\"\n"),
            "{text}"
        );
    }

    #[test]
    fn any_folder_name_is_kept_exactly_as_the_title() {
        for name in [
            "digest",
            "Acme: threat intel",
            "say \"hi\" # not a comment",
            "Zürich 'notes'",
            "back\\slash",
            "- dash [x] {y} &z *w !v %u @t `s",
            "yes",
            "123",
        ] {
            let parsed = config::parse(&config_text(name)).unwrap_or_else(|e| {
                panic!("{name:?}: {}", e.message);
            });
            assert_eq!(parsed.title, name);
        }
    }

    #[test]
    fn title_comes_from_the_last_folder_name() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("threat-digest");
        std::fs::create_dir(&site).unwrap();
        let cases = [
            (site.clone(), "threat-digest"),
            (site.join("."), "threat-digest"),
            (site.join("new-site"), "new-site"),
            (site.join("new-site/.."), "threat-digest"),
            (PathBuf::from("/"), "Briefing"),
        ];
        for (path, expected) in cases {
            assert_eq!(title_for(&path), expected, "{}", path.display());
        }
    }

    #[test]
    fn creates_every_file_and_nested_folders() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("a/b/site");
        let created = create_site(&site, &InstallSource::default()).unwrap();
        let rel: Vec<String> = created
            .iter()
            .map(|p| {
                p.strip_prefix(&site)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(
            rel,
            [
                "briefing.yaml",
                SAMPLE_ARTICLE,
                "data/entities.yaml",
                ".gitignore",
                ".github/workflows/publish.yml",
            ]
        );
        for p in &created {
            assert!(p.is_file(), "{}", p.display());
        }
        let cfg = config::parse(&std::fs::read_to_string(site.join("briefing.yaml")).unwrap());
        assert_eq!(cfg.unwrap().title, "site");
    }

    #[test]
    fn every_existing_file_is_named_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path();
        std::fs::write(site.join("briefing.yaml"), "title: mine\n").unwrap();
        std::fs::create_dir(site.join(".github")).unwrap();
        std::fs::create_dir(site.join(".github/workflows")).unwrap();
        std::fs::write(site.join(".github/workflows/publish.yml"), "x").unwrap();
        let err = create_site(site, &InstallSource::default()).unwrap_err();
        let InitError::Exists { paths } = &err else {
            panic!("expected Exists, got {err:?}");
        };
        assert_eq!(
            paths,
            &[
                site.join("briefing.yaml"),
                site.join(".github/workflows/publish.yml")
            ]
        );
        assert!(
            err.to_string().starts_with("2 files already exist: `"),
            "{err}"
        );
        let mut names: Vec<_> = std::fs::read_dir(site)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [".github", "briefing.yaml"],
            "nothing new was written"
        );
        assert_eq!(
            std::fs::read_to_string(site.join("briefing.yaml")).unwrap(),
            "title: mine\n"
        );
    }

    #[test]
    fn a_file_where_a_folder_belongs_is_refused_before_writing() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path();
        std::fs::write(site.join("data"), "not a folder").unwrap();
        let err = create_site(site, &InstallSource::default()).unwrap_err();
        assert!(
            matches!(&err, InitError::NotAFolder { path } if path == &site.join("data")),
            "{err:?}"
        );
        assert!(!site.join("briefing.yaml").exists(), "nothing was written");
        assert!(!site.join("content").exists(), "nothing was written");

        let file = site.join("data");
        let err = create_site(&file, &InstallSource::default()).unwrap_err();
        assert!(
            matches!(&err, InitError::NotAFolder { path } if path == &file),
            "{err:?}"
        );
    }
}
