//! Writing the site: theme assets plus rendered files, swapped in atomically.
//!
//! Takes the rendered [`OutputFile`]s and the theme; writes them into a
//! staging folder beside the output folder, then swaps it in with renames. Any
//! failure before the swap removes the staging folder, so the previous site
//! stays exactly as it was.

use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::fsx;

/// The site folder whose files are copied to the output root.
pub const THEME_DIR: &str = "theme";

/// Built-in theme files, by output path.
pub const DEFAULT_THEME: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../theme/style.css")),
    ("favicon.svg", include_bytes!("../theme/favicon.svg")),
];

/// One file to write, relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Forward-slash path, e.g. `tags/ransomware/index.html`.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

impl OutputFile {
    /// A file at `path` holding `bytes`.
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// The theme: built-in files overridden and extended by the site's `theme/`.
///
/// # Errors
/// Unreadable theme files.
pub fn theme(root: &Path) -> Result<Vec<OutputFile>, Diagnostics> {
    let mut files: Vec<OutputFile> = DEFAULT_THEME
        .iter()
        .map(|(p, b)| OutputFile {
            path: (*p).to_owned(),
            bytes: b.to_vec(),
        })
        .collect();
    let (found, mut problems) = crate::load::folder_files(root, THEME_DIR);
    for (rel, path) in found {
        match std::fs::read(&path) {
            Ok(bytes) => {
                files.retain(|f| f.path != rel);
                files.push(OutputFile { path: rel, bytes });
            }
            Err(e) => problems.push(Diagnostic::error(
                Location::file(PathBuf::from(THEME_DIR).join(&rel)),
                format!("failed to read: {e}"),
            )),
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Merges theme files into the rendered ones.
///
/// # Errors
/// A theme file with the same path as a generated file.
pub fn merge(
    mut rendered: Vec<OutputFile>,
    theme: Vec<OutputFile>,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let mut problems = Diagnostics::new();
    for t in theme {
        if rendered
            .binary_search_by(|f| f.path.as_str().cmp(&t.path))
            .is_ok()
        {
            problems.push(
                Diagnostic::error(
                    Location::file(PathBuf::from(THEME_DIR).join(&t.path)),
                    format!(
                        "theme file `{}` has the same path as a generated page",
                        t.path
                    ),
                )
                .with_help("rename or move the theme file"),
            );
            continue;
        }
        rendered.push(t);
        rendered.sort_by(|a, b| a.path.cmp(&b.path));
    }
    if problems.is_empty() {
        Ok(rendered)
    } else {
        Err(problems)
    }
}

/// Refuses output folders that would swallow the site's own sources.
///
/// # Errors
/// When `out_dir` is the root, contains it, or is in `content/`, `templates/`
/// or `theme/`.
pub fn check_out_dir(root: &Path, out_dir: &Path) -> Result<(), Diagnostic> {
    let abs = |p: &Path| {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        normalise(&p)
    };
    let root = abs(root);
    let out = abs(out_dir);
    let protected = [
        crate::load::CONTENT_DIR,
        crate::render::templates::TEMPLATES_DIR,
        THEME_DIR,
    ];
    let bad = root.starts_with(&out) || protected.iter().any(|d| out.starts_with(root.join(d)));
    if bad {
        return Err(Diagnostic::error(
            Location::file(out_dir),
            "the output folder would replace the site's own files",
        )
        .with_help("pick an output folder of its own, e.g. `--output public`"));
    }
    Ok(())
}

/// Lexically resolves `.` and `..`.
fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Writes `files` into a staging folder beside `out_dir`, then swaps it in.
///
/// # Errors
/// The first I/O failure; the staging folder is removed and `out_dir` is left
/// untouched.
pub fn write_atomically(files: &[OutputFile], out_dir: &Path) -> Result<(), Diagnostic> {
    let name = out_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".to_owned());
    let parent = match out_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.tmp-{pid}"));
    let old = parent.join(format!(".{name}.old-{pid}"));
    let fail = |e: fsx::FsError| Diagnostic::error(Location::file(out_dir), e.to_string());

    fsx::remove_dir_all(&staging).map_err(fail)?;
    // Every folder once, parents first, then the files with no folder
    // checks: a `mkdir` per file (even a failing one) is most of the write
    // time on slow disks.
    let mut folders: Vec<&str> = files
        .iter()
        .filter_map(|f| f.path.rsplit_once('/').map(|(dir, _)| dir))
        .collect();
    folders.sort_unstable();
    folders.dedup();
    let written = fsx::create_dir_all(&staging)
        .and_then(|()| {
            folders
                .iter()
                .try_for_each(|dir| fsx::create_dir_all(&staging.join(dir)))
        })
        .and_then(|()| {
            files
                .par_iter()
                .try_for_each(|f| fsx::write_in_existing(&staging.join(&f.path), &f.bytes))
        });
    if let Err(e) = written {
        let _ = fsx::remove_dir_all(&staging);
        return Err(fail(e));
    }
    if out_dir.exists() {
        if !out_dir.is_dir() {
            let _ = fsx::remove_dir_all(&staging);
            return Err(Diagnostic::error(
                Location::file(out_dir),
                "the output path exists and is not a folder",
            ));
        }
        if let Err(e) = fsx::rename(out_dir, &old) {
            let _ = fsx::remove_dir_all(&staging);
            return Err(fail(e));
        }
        if let Err(e) = fsx::rename(&staging, out_dir) {
            // Put the previous site back before reporting.
            let _ = fsx::rename(&old, out_dir);
            let _ = fsx::remove_dir_all(&staging);
            return Err(fail(e));
        }
        // The new site is in place; a leftover old copy is only clutter.
        let _ = fsx::remove_dir_all(&old);
    } else if let Err(e) = fsx::rename(&staging, out_dir) {
        let _ = fsx::remove_dir_all(&staging);
        return Err(fail(e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile::new(path, text)
    }

    #[test]
    fn swaps_in_new_site_and_drops_old_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_atomically(&[file("a/index.html", "1"), file("stale.html", "x")], &out).unwrap();
        write_atomically(&[file("a/index.html", "2")], &out).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "2"
        );
        assert!(!out.join("stale.html").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "staging or old folders left behind");
    }

    #[test]
    fn refuses_output_over_the_site() {
        let root = Path::new("/site");
        for bad in [
            "/site",
            "/",
            "/site/content",
            "/site/content/x",
            "/site/theme",
        ] {
            assert!(check_out_dir(root, Path::new(bad)).is_err(), "{bad}");
        }
        for ok in ["/site/public", "/site/dist", "/elsewhere/out"] {
            assert!(check_out_dir(root, Path::new(ok)).is_ok(), "{ok}");
        }
    }

    #[test]
    fn theme_file_clashing_with_a_page_is_an_error() {
        let rendered = vec![file("index.html", "x")];
        assert!(merge(rendered.clone(), vec![file("index.html", "y")]).is_err());
        let merged = merge(rendered, vec![file("style.css", "y")]).unwrap();
        assert_eq!(merged.len(), 2);
    }
}
