//! Finds and reads the article files under `content/`.
//!
//! Takes the site root; gives every `.md` file under `content/` (recursively,
//! in sorted order so the output is deterministic) with its text, read in
//! parallel. Other files are ignored. Unreadable files become diagnostics; the
//! rest still load.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::fsx;

/// The content folder's name, under the site root.
pub const CONTENT_DIR: &str = "content";

/// Whether symbolic links that lead out of the site root are followed
/// (`follow_external_symlinks` in briefing.yaml). Not by default: a link
/// such as `theme/env.txt -> /proc/self/environ` would publish whatever it
/// points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutsideLinks {
    /// Skip them with a warning that names the link (never the target).
    #[default]
    Skip,
    /// Follow them like any other link.
    Follow,
}

/// The warning for a link out of the site that was not followed.
pub fn outside_link_skipped(rel: impl Into<PathBuf>) -> Diagnostic {
    Diagnostic::warning(
        Location::file(rel),
        "symbolic link to a place outside the site; not followed",
    )
    .with_help(
        "set `follow_external_symlinks: true` in briefing.yaml to follow links that leave the site",
    )
}

/// Whether `path`, its links followed, is outside `real_root` (the site
/// root with its own links resolved). A dangling link is not: reading it
/// fails with its own message.
pub fn leaves_site(real_root: &Path, path: &Path) -> bool {
    path.canonicalize()
        .is_ok_and(|real| !real.starts_with(real_root))
}

/// Whether `path`, its links followed, leads out of what the site is made
/// of: out of `real_root`, or into a hidden file or folder inside it
/// (`.git/config`, `.env`), which Briefing never reads either.
pub fn leaves_sources(real_root: &Path, path: &Path) -> bool {
    path.canonicalize()
        .is_ok_and(|real| match real.strip_prefix(real_root) {
            Ok(rel) => rel
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.')),
            Err(_) => true,
        })
}

/// A file of the site by its path under the root (`data/entities.yaml`):
/// `Ok(None)` when there is none, a warning when it is a link out of the
/// site that `links` says not to follow.
///
/// # Errors
/// The skipped-link warning.
pub fn site_file(
    root: &Path,
    rel: &str,
    links: OutsideLinks,
) -> Result<Option<PathBuf>, Diagnostic> {
    let path = root.join(rel);
    if !path.is_file() {
        return Ok(None);
    }
    if links == OutsideLinks::Skip && leaves_sources(&fsx::real_path(root), &path) {
        return Err(outside_link_skipped(rel));
    }
    Ok(Some(path))
}

/// One article file exactly as read: BOM stripped, CRLF turned into LF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the site root, e.g. `content/2024/12/xz.md`.
    pub path: PathBuf,
    /// The text.
    pub text: String,
}

/// Walks `root/content` and reads every `.md` file in it; a file over
/// `max_bytes` is not read and gives an error instead.
pub fn sources(root: &Path, links: OutsideLinks, max_bytes: u64) -> (Vec<SourceFile>, Diagnostics) {
    let loaded = sources_since(root, links, max_bytes, &|_| None);
    (
        loaded.files.into_iter().map(|(f, _)| f).collect(),
        loaded.diagnostics,
    )
}

/// A file's length and modification time, to tell that it has not changed
/// since it was last read without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: std::time::SystemTime,
}

impl Stamp {
    /// How long a file must have been left alone before it was read for its
    /// stamp to be trusted. A file saved twice within its file system's
    /// time resolution (up to 2 s on FAT) could keep its length and time;
    /// one left alone longer than that cannot be changed without moving them.
    const SETTLED: std::time::Duration = std::time::Duration::from_secs(3);

    /// The stamp of a file as it is now, if it has settled: it was last
    /// modified more than [`Stamp::SETTLED`] ago.
    pub fn settled(meta: &std::fs::Metadata) -> Option<Stamp> {
        let modified = meta.modified().ok()?;
        let age = std::time::SystemTime::now().duration_since(modified).ok()?;
        (age > Self::SETTLED).then_some(Stamp {
            len: meta.len(),
            modified,
        })
    }
}

/// The articles' files: those read, each with its stamp if it has settled,
/// and those whose stamp matched and were not read.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Files read, with their stamps.
    pub files: Vec<(SourceFile, Option<Stamp>)>,
    /// Paths (relative to the root) of files not read: unchanged since
    /// the stamp `known` gives for them.
    pub unchanged: Vec<PathBuf>,
    /// Problems found.
    pub diagnostics: Diagnostics,
}

/// Like [`sources`], but a file whose stamp is the one `known` gives for
/// its path (relative to the root) is not read again (`serve`, between
/// rebuilds).
pub fn sources_since(
    root: &Path,
    links: OutsideLinks,
    max_bytes: u64,
    known: &(dyn Fn(&Path) -> Option<Stamp> + Sync),
) -> Loaded {
    if !root.join(CONTENT_DIR).is_dir() {
        let mut diagnostics = Diagnostics::new();
        diagnostics.push(
            Diagnostic::error(
                Location::file(CONTENT_DIR),
                format!("no `{CONTENT_DIR}/` folder in `{}`", root.display()),
            )
            .with_help(
                "put article files (markdown with YAML front matter) in content/, or pass --root",
            ),
        );
        return Loaded {
            diagnostics,
            ..Loaded::default()
        };
    }
    let (found, mut diagnostics) = folder_files(root, CONTENT_DIR, links);
    let paths: Vec<PathBuf> = found
        .into_iter()
        .map(|(_, path)| path)
        .filter(|path| is_article(path))
        .collect();
    let read: Vec<Result<Read, Diagnostic>> = paths
        .par_iter()
        .map(|path| {
            let rel = relative(root, path);
            // Sized before it is read, so a huge file costs no memory; the
            // stamp is taken before the read too, so a write during the
            // read leaves a stamp that no longer matches.
            let meta = std::fs::metadata(path).ok();
            if let Some(size) = meta.as_ref().map(std::fs::Metadata::len)
                && size > max_bytes
            {
                return Err(Diagnostic::error(
                    Location::at(&rel, 1, 1),
                    format!(
                        "file is {size} bytes, more than the limit of {max_bytes} (`limits.file_size`); not read"
                    ),
                )
                .with_help("if the file is genuine, raise `limits.file_size` in briefing.yaml"));
            }
            let stamp = meta.as_ref().and_then(Stamp::settled);
            if stamp.is_some() && known(&rel) == stamp {
                return Ok(Read::Unchanged(rel));
            }
            let bytes = fsx::read(path)
                .map_err(|e| Diagnostic::error(Location::file(&rel), e.to_string()))?;
            let text = decode(bytes).map_err(|(line, column, byte)| {
                Diagnostic::error(
                    Location::at(&rel, line, column),
                    format!("not valid UTF-8 (byte 0x{byte:02x})"),
                )
                .with_help("save the file as UTF-8")
            })?;
            Ok(Read::Text(
                SourceFile {
                    path: rel,
                    text: normalise_newlines(text),
                },
                stamp,
            ))
        })
        .collect();
    let mut loaded = Loaded::default();
    for r in read {
        match r {
            Ok(Read::Text(f, stamp)) => loaded.files.push((f, stamp)),
            Ok(Read::Unchanged(path)) => loaded.unchanged.push(path),
            Err(d) => diagnostics.push(d),
        }
    }
    loaded.diagnostics = diagnostics;
    loaded
}

enum Read {
    Text(SourceFile, Option<Stamp>),
    Unchanged(PathBuf),
}

/// Every visible file under `root/folder` (recursively, sorted), as its name
/// relative to the folder with `/` separators (`css/site.css`) and its path.
/// A missing folder gives nothing; unreadable entries give diagnostics, and
/// so do links out of the site that `links` says not to follow.
pub fn folder_files(
    root: &Path,
    folder: &str,
    links: OutsideLinks,
) -> (Vec<(String, PathBuf)>, Diagnostics) {
    let dir = root.join(folder);
    let mut files = Vec::new();
    let mut diagnostics = Diagnostics::new();
    if !dir.is_dir() {
        return (files, diagnostics);
    }
    let real_root = fsx::real_path(root);
    let mut skipped: Vec<PathBuf> = Vec::new();
    // Symlinked files and folders count; walkdir reports loops. Hidden
    // files and folders (editor swap files, .git) do not. Only links need a
    // look at where they lead: anything else sits inside a folder that
    // was already found to be in the site.
    let walker = WalkDir::new(&dir)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| {
            if e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.') {
                return false;
            }
            let is_link = e.path_is_symlink() || (e.depth() == 0 && is_symlink(e.path()));
            if links == OutsideLinks::Skip && is_link && leaves_sources(&real_root, e.path()) {
                skipped.push(e.path().to_path_buf());
                return false;
            }
            true
        });
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let name = e
                    .path()
                    .strip_prefix(&dir)
                    .unwrap_or(e.path())
                    .to_string_lossy()
                    .replace('\\', "/");
                files.push((name, e.into_path()));
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().map_or_else(|| dir.clone(), Path::to_path_buf);
                let rel = relative(root, &path);
                let hidden = path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'));
                let dangling = is_symlink(&path) && !path.exists();
                if hidden {
                    // An editor's lock file (`.#draft.md`, a link to
                    // nowhere) or another hidden entry: never content.
                    continue;
                }
                diagnostics.push(if e.loop_ancestor().is_some() {
                    Diagnostic::warning(
                        Location::file(rel),
                        "symbolic link to a folder that contains it (a loop); skipped",
                    )
                } else if dangling {
                    Diagnostic::warning(
                        Location::file(rel),
                        "symbolic link to nothing (its target is missing); skipped",
                    )
                } else {
                    Diagnostic::error(Location::file(rel), format!("cannot read: {e}"))
                });
            }
        }
    }
    for link in skipped {
        diagnostics.push(outside_link_skipped(relative(root, &link)));
    }
    // The order walkdir's `sort_by_file_name` gives (each folder's names in
    // order, depth first), sorted once at the end on the names already made:
    // walkdir's sort asks each entry for its file name on every comparison,
    // which parses its path, and that was most of `serve`'s load step.
    // Two names can only tie when lossy decoding made them equal; their
    // paths then decide.
    files.sort_unstable_by(|(a, pa), (b, pb)| {
        a.split('/').cmp(b.split('/')).then_with(|| pa.cmp(pb))
    });
    (files, diagnostics)
}

fn is_symlink(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// UTF-8 text without a byte-order mark, or the line, column and value of
/// the first byte that is not UTF-8.
fn decode(bytes: Vec<u8>) -> Result<String, (usize, usize, u8)> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        }),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
            let (line, column) = crate::diagnostics::line_col(valid, valid.len());
            Err((line, column, bytes[at]))
        }
    }
}

fn is_article(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// An article's text as every stage after loading sees it: no byte-order
/// mark, LF line ends. `render_one` takes text that was never a file.
pub fn source_text(text: &str) -> String {
    normalise_newlines(text.strip_prefix('\u{feff}').unwrap_or(text).to_owned())
}

/// CRLF → LF. A lone CR stays: it is content, not a line ending we can trust.
fn normalise_newlines(text: String) -> String {
    if text.contains("\r\n") {
        text.replace("\r\n", "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_markdown_sorted_and_skips_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let c = dir.path().join("content");
        std::fs::create_dir_all(c.join("b")).unwrap();
        std::fs::create_dir_all(c.join(".hidden")).unwrap();
        std::fs::write(c.join("b/z.md"), "z").unwrap();
        std::fs::write(c.join("a.md"), "a\r\nb").unwrap();
        std::fs::write(c.join("notes.txt"), "x").unwrap();
        std::fs::write(c.join("image.png"), [0u8, 1, 2]).unwrap();
        std::fs::write(c.join(".hidden/x.md"), "x").unwrap();
        let (files, diags) = sources(dir.path(), OutsideLinks::Skip, u64::MAX);
        assert!(diags.is_empty(), "{diags:?}");
        let paths: Vec<_> = files.iter().map(|f| f.path.clone()).collect();
        assert_eq!(
            paths,
            vec![
                PathBuf::from("content/a.md"),
                PathBuf::from("content/b/z.md")
            ]
        );
        assert_eq!(files[0].text, "a\nb");
    }

    #[test]
    fn bad_utf8_is_located_and_symlinks_are_followed() {
        let dir = tempfile::tempdir().unwrap();
        let c = dir.path().join("content");
        std::fs::create_dir_all(&c).unwrap();
        std::fs::write(c.join("a.md"), b"---\ntitle: x\n---\nab\xffc\n").unwrap();
        std::fs::write(dir.path().join("outside.md"), "linked").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("outside.md"), c.join("b.md")).unwrap();
        let (files, diags) = sources(dir.path(), OutsideLinks::Skip, u64::MAX);
        let shown: Vec<String> = diags.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "content/a.md:4:3: error: not valid UTF-8 (byte 0xff)\n  help: save the file as UTF-8"
            ]
        );
        #[cfg(unix)]
        assert_eq!(files.len(), 1);
        #[cfg(unix)]
        assert_eq!(files[0].text, "linked");
    }

    #[cfg(unix)]
    #[test]
    fn lock_files_loops_and_dangling_links_cost_a_warning_at_most() {
        let dir = tempfile::tempdir().unwrap();
        let c = dir.path().join("content");
        std::fs::create_dir_all(&c).unwrap();
        std::fs::write(c.join("a.md"), "a").unwrap();
        std::os::unix::fs::symlink("user@host.1234:1700000000", c.join(".#a.md")).unwrap();
        std::os::unix::fs::symlink("..", c.join("loop")).unwrap();
        std::os::unix::fs::symlink("gone.md", c.join("b.md")).unwrap();
        let (files, diags) = sources(dir.path(), OutsideLinks::Skip, u64::MAX);
        assert_eq!(files.len(), 1);
        let shown: Vec<String> = diags.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "content/b.md: warning: symbolic link to nothing (its target is missing); skipped",
                "content/loop: warning: symbolic link to a folder that contains it (a loop); skipped",
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_into_a_hidden_folder_of_the_site_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let c = dir.path().join("content");
        std::fs::create_dir_all(&c).unwrap();
        std::fs::create_dir_all(dir.path().join(".git")).unwrap();
        std::fs::write(dir.path().join(".git/config.md"), "token").unwrap();
        std::os::unix::fs::symlink("../.git/config.md", c.join("config.md")).unwrap();
        let (files, diags) = sources(dir.path(), OutsideLinks::Skip, u64::MAX);
        assert!(files.is_empty());
        let shown: Vec<String> = diags.iter().map(|d| d.message.clone()).collect();
        assert_eq!(
            shown,
            ["symbolic link to a place outside the site; not followed"]
        );
    }

    #[test]
    fn missing_content_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let (files, diags) = sources(dir.path(), OutsideLinks::Skip, u64::MAX);
        assert!(files.is_empty());
        assert_eq!(diags.error_count(), 1);
    }
}
