//! The site's output files: rendered pages plus the theme's assets.
//!
//! Takes the site root and the rendered [`OutputFile`]s; gives the theme's
//! files (built-in ones overridden by the site's `theme/`) merged with them.
//! [`crate::write`] puts the result on disk.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, Location};

/// The site folder whose files are copied to the output root.
pub const THEME_DIR: &str = "theme";

/// Built-in theme files, by output path.
pub const DEFAULT_THEME: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../theme/style.css")),
    ("favicon.svg", include_bytes!("../theme/favicon.svg")),
    ("search.js", include_bytes!("../theme/search.js")),
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

/// The theme: built-in files overridden and extended by the site's `theme/`,
/// with the warnings found on the way (links out of the site not followed).
///
/// # Errors
/// Unreadable theme files.
pub fn theme(
    root: &Path,
    links: crate::load::OutsideLinks,
) -> Result<(Vec<OutputFile>, Diagnostics), Diagnostics> {
    let mut files: Vec<OutputFile> = DEFAULT_THEME
        .iter()
        .map(|(p, b)| OutputFile {
            path: (*p).to_owned(),
            bytes: b.to_vec(),
        })
        .collect();
    let (found, mut problems) = crate::load::folder_files(root, THEME_DIR, links);
    for (rel, path) in found {
        // A theme file is copied under its own name, so a name Windows
        // cannot hold (`con.css`, `a:b.png`) would stop the published site
        // from checking out there: it costs the file and one warning.
        if let Some(bad) = rel
            .split('/')
            .find(|s| !crate::slug::is_portable_segment(s))
        {
            problems.push(
                Diagnostic::warning(
                    Location::file(PathBuf::from(THEME_DIR).join(&rel)),
                    format!("not copied: Windows cannot hold a file or folder named `{bad}`"),
                )
                .with_help(
                    "rename it: no con, prn, aux, nul, com1-9 or lpt1-9 (with any extension), \
                     no <>:\"|?* and no trailing dot or space",
                ),
            );
            continue;
        }
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
    Ok((files, problems))
}

/// The theme files that have the same path as a generated file, as errors.
/// `rendered` is sorted.
pub fn theme_clashes(rendered: &[String], theme: &[OutputFile]) -> Diagnostics {
    theme
        .iter()
        .filter(|t| rendered.binary_search(&t.path).is_ok())
        .map(|t| {
            Diagnostic::error(
                Location::file(PathBuf::from(THEME_DIR).join(&t.path)),
                format!(
                    "theme file `{}` has the same path as a generated page",
                    t.path
                ),
            )
            .with_help("rename or move the theme file")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile::new(path, text)
    }

    #[test]
    fn theme_file_clashing_with_a_page_is_an_error() {
        let rendered = vec!["index.html".to_owned()];
        assert_eq!(
            theme_clashes(&rendered, &[file("index.html", "y")]).len(),
            1
        );
        assert!(theme_clashes(&rendered, &[file("style.css", "y")]).is_empty());
    }
}
