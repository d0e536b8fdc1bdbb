//! Writing the site: the output folder is claimed, then replaced atomically.
//!
//! Takes the site root, the output folder, every output path and a producer
//! that renders the files; gives the folder replaced by the new site, or
//! diagnostics with nothing on disk changed.
//!
//! Briefing never deletes or overwrites a file it did not write. So before a
//! build replaces a folder, [`claim_out_dir`] makes sure the folder is new,
//! empty, or holds only files a previous build wrote: every build leaves a
//! manifest ([`MANIFEST_FILE`]) listing them. Some folders are refused even
//! with `--force`: `/`, the home folder, any folder holding the site, and
//! anything inside the site's own sources. Paths are compared after
//! resolving symbolic links, so a linked `--root` or `--output` cannot get
//! around the checks.
//!
//! [`write_streamed`] writes each file into a staging folder beside the
//! output folder (`.public.tmp-PID`) as it is rendered, then swaps the two in one step where the
//! system can (`renameat2(RENAME_EXCHANGE)` on Linux), else with two renames.
//! Staging folders left by a killed build are removed by the next one, and a
//! previous site left aside by a build killed between the two renames is put
//! back. On Ctrl-C, [`on_interrupt`] lets the writer remove its own staging
//! folder first.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::fsx;
use crate::output::OutputFile;

/// The manifest every build leaves in the output folder: which files it
/// wrote, so the next build knows what it may replace.
pub const MANIFEST_FILE: &str = ".briefing-output";

/// How many foreign files a refusal names before it counts the rest.
const FOREIGN_SHOWN: usize = 5;

/// The manifest's contents.
#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    /// Always `briefing`: what wrote the folder.
    generator: String,
    /// The version that wrote it.
    version: String,
    /// Every file written, relative to the folder, `/`-separated.
    files: Vec<String>,
}

/// Whether an output folder that is not Briefing's may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Replace {
    /// Only new, empty or Briefing-written folders (the default).
    #[default]
    IfOurs,
    /// `--force`: any folder that is not protected.
    Force,
}

/// The output folder to write, with every symbolic link resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutDir {
    /// As given (`site/public`), for messages.
    pub shown: PathBuf,
    /// The real path the site is written to.
    pub real: PathBuf,
    /// Whether a folder that is not Briefing's may be replaced.
    pub replace: Replace,
}

/// Decides whether a build may replace `out_dir`.
///
/// # Errors
/// When `out_dir` is `/`, the home folder, holds the site, or is inside the
/// site's `content/`, `data/`, `templates/`, `theme/` or `.git` (always);
/// when it is a file; when it is a folder that is not empty and was not
/// written by Briefing, or holds files Briefing did not write (unless
/// [`Replace::Force`]).
pub fn claim_out_dir(root: &Path, out_dir: &Path, replace: Replace) -> Result<OutDir, Diagnostic> {
    // Shown as `--output` was typed: relative to the root when under it.
    let shown = match out_dir.strip_prefix(root) {
        Ok(rel) if rel.as_os_str().is_empty() => PathBuf::from("."),
        Ok(rel) => rel.to_path_buf(),
        Err(_) => out_dir.to_path_buf(),
    };
    let refuse = |message: String, help: &str| {
        Err(Diagnostic::error(Location::file(&shown), message).with_help(help))
    };
    let root = fsx::real_path(root);
    let real = fsx::real_path(out_dir);
    let own_folder = "pick an output folder of its own, e.g. `--output public`";
    if let Some(why) = protected(&root, &real) {
        return refuse(
            format!("refusing to replace the output folder: {why}"),
            own_folder,
        );
    }
    let meta = match std::fs::metadata(&real) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(OutDir {
                shown,
                real,
                replace,
            });
        }
        Err(e) => return refuse(format!("cannot read the output folder: {e}"), own_folder),
    };
    if !meta.is_dir() {
        return refuse(
            "the output path exists and is not a folder".to_owned(),
            own_folder,
        );
    }
    if replace == Replace::IfOurs {
        let Ownership {
            recognised,
            foreign,
        } = ownership(&real);
        if !foreign.is_empty() {
            let message = if recognised {
                format!(
                    "refusing to replace the output folder: it holds files Briefing did not write: {}",
                    name_some(&foreign)
                )
            } else {
                "refusing to replace the output folder: it is not empty and was not written by Briefing"
                    .to_owned()
            };
            return refuse(
                message,
                "move those files out (files to publish belong in theme/), build into a new or empty folder, or pass --force to replace the folder and everything in it",
            );
        }
    }
    Ok(OutDir {
        shown,
        real,
        replace,
    })
}

/// Why `out` may never be replaced, if it may not.
fn protected(root: &Path, out: &Path) -> Option<String> {
    match out.parent() {
        None => return Some("it is the filesystem root".to_owned()),
        // `/tmp`, `/home`, `/usr`: shared by the whole system.
        Some(p) if p.parent().is_none() => {
            return Some("it is a top-level system folder".to_owned());
        }
        Some(_) => {}
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
        && fsx::real_path(Path::new(&home)) == out
    {
        return Some("it is your home folder".to_owned());
    }
    if root.starts_with(out) {
        return Some("it holds the site".to_owned());
    }
    let sources = [
        crate::load::CONTENT_DIR,
        crate::enrich::entities::DATA_DIR,
        crate::render::templates::TEMPLATES_DIR,
        crate::output::THEME_DIR,
        ".git",
    ];
    sources
        .iter()
        .find(|d| out.starts_with(root.join(d)))
        .map(|d| format!("it is inside the site's `{d}/`"))
}

/// What an existing output folder holds, as far as Briefing is concerned.
struct Ownership {
    /// Briefing wrote it: it has a manifest, or is from before manifests.
    recognised: bool,
    /// Files in it Briefing did not write, as `/`-separated paths.
    foreign: Vec<String>,
}

/// Which files under `dir` Briefing did not write: none when `dir` is
/// empty; those missing from the manifest when it has one. A folder written
/// by a Briefing from before the manifest (its feeds name their generator)
/// counts as Briefing's, except for hidden files and folders such as `.git`
/// or `.nojekyll`, which Briefing never writes. Anything else: every file.
fn ownership(dir: &Path) -> Ownership {
    let manifest = read_manifest(dir);
    let before_manifests = manifest.is_none() && written_before_manifests(dir);
    let recognised = manifest.is_some() || before_manifests;
    let ours: HashSet<String> = manifest
        .map(|m| m.files.into_iter().collect())
        .unwrap_or_default();
    let mut foreign = Vec::new();
    for entry in WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        let (path, is_dir) = match &entry {
            Ok(e) => (e.path().to_path_buf(), e.file_type().is_dir()),
            // An entry we cannot read cannot be shown to be ours.
            Err(e) => (
                e.path()
                    .map_or_else(|| dir.to_path_buf(), Path::to_path_buf),
                false,
            ),
        };
        if is_dir {
            continue;
        }
        let rel = path.strip_prefix(dir).unwrap_or(&path);
        let Some(name) = rel.to_str().map(|s| s.replace('\\', "/")) else {
            foreign.push(rel.to_string_lossy().into_owned());
            continue;
        };
        let hidden = name.split('/').any(|part| part.starts_with('.'));
        let is_ours =
            name == MANIFEST_FILE || ours.contains(&name) || (before_manifests && !hidden);
        if !is_ours {
            foreign.push(name);
        }
    }
    Ownership {
        recognised,
        foreign,
    }
}

fn read_manifest(dir: &Path) -> Option<Manifest> {
    let text = std::fs::read_to_string(dir.join(MANIFEST_FILE)).ok()?;
    serde_json::from_str::<Manifest>(&text)
        .ok()
        .filter(|m| m.generator == "briefing")
}

/// Whether `dir` was written by a Briefing from before manifests: its home
/// page and a feed that names Briefing as its generator.
fn written_before_manifests(dir: &Path) -> bool {
    let names_briefing = |feed: &str| {
        std::fs::read(dir.join(feed)).is_ok_and(|b| {
            let head = &b[..b.len().min(4096)];
            String::from_utf8_lossy(head).contains("<generator>Briefing</generator>")
        })
    };
    dir.join("index.html").is_file() && (names_briefing("rss.xml") || names_briefing("atom.xml"))
}

/// `a`, `b`, `c` and 4 more.
fn name_some(paths: &[String]) -> String {
    let shown: Vec<String> = paths
        .iter()
        .take(FOREIGN_SHOWN)
        .map(|p| format!("`{}`", crate::diagnostics::printable(p)))
        .collect();
    let rest = paths.len().saturating_sub(FOREIGN_SHOWN);
    if rest == 0 {
        shown.join(", ")
    } else {
        format!("{} and {rest} more", shown.join(", "))
    }
}

/// Publishing hosts' limits: (host, most files, most bytes).
const HOST_LIMITS: &[(&str, Option<usize>, Option<u64>)] = &[
    ("GitHub Pages", None, Some(1_000_000_000)),
    ("GitLab Pages", Some(200_000), Some(1_000_000_000)),
    ("Cloudflare Pages (paid plans)", Some(100_000), None),
    ("Cloudflare Pages (free plan)", Some(20_000), None),
];

/// Which common hosts could not publish a site of `files` files and
/// `bytes` bytes, as one sentence, or `None` when every one could.
pub fn past_host_limits(files: usize, bytes: u64) -> Option<String> {
    let past: Vec<String> = HOST_LIMITS
        .iter()
        .filter_map(|(host, most_files, most_bytes)| {
            let too_many = most_files
                .filter(|&n| files > n)
                .map(|n| format!("{} files", thousands(n as u64)));
            let too_big = most_bytes
                .filter(|&n| bytes > n)
                .map(|n| format!("{} GB", n / 1_000_000_000));
            let why: Vec<String> = too_many.into_iter().chain(too_big).collect();
            (!why.is_empty()).then(|| format!("{host} ({})", why.join(", ")))
        })
        .collect();
    (!past.is_empty()).then(|| {
        format!(
            "the site is {} files and {} MB, past what these hosts publish: {}",
            thousands(files as u64),
            thousands(bytes / 1_000_000),
            past.join("; ")
        )
    })
}

/// `83493` → `83,493`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Set once Ctrl-C (or SIGTERM) arrives.
static CANCELLED: AtomicBool = AtomicBool::new(false);
/// Whether a staging folder is being written.
static WRITING: Mutex<bool> = Mutex::new(false);

/// For the process's interrupt handler: when no write is under way, calls
/// `exit` at once (nothing on disk needs undoing); otherwise the writer
/// stops, removes its staging folder and returns an "interrupted" error.
/// The check and the exit happen under one lock, so a write cannot start
/// in between.
pub fn on_interrupt(exit: impl FnOnce()) {
    let writing = WRITING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    CANCELLED.store(true, Ordering::SeqCst);
    if !*writing {
        exit();
    }
}

/// Marks a write as under way, unless interrupted already.
fn begin_write() -> bool {
    let mut writing = WRITING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if CANCELLED.load(Ordering::SeqCst) {
        return false;
    }
    *writing = true;
    true
}

fn end_write() {
    *WRITING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = false;
}

/// Whether Ctrl-C (or SIGTERM) arrived during this process.
pub fn interrupted() -> bool {
    CANCELLED.load(Ordering::SeqCst)
}

/// Where a writer hands each file it makes: written into the staging folder
/// at once, so a site is never held in memory whole. The error is the
/// write's, or "interrupted".
pub type FileSink<'a> = dyn Fn(OutputFile) -> Result<(), Diagnostic> + Sync + 'a;

/// Writes a site into a staging folder beside `out.real`, then swaps it in.
/// `paths` are every file the site has (for the manifest, and to make every
/// folder once before any file); `produce` makes the files and hands each
/// to the sink, from any thread. Stale staging folders of killed builds are
/// removed first.
///
/// # Errors
/// What `produce` reports (a template error), the first I/O failure, or an
/// interrupt; the staging folder is removed and the output folder is left
/// untouched.
pub fn write_streamed(
    paths: &[String],
    out: &OutDir,
    produce: impl FnOnce(&FileSink<'_>) -> Result<(), Diagnostics> + Send,
) -> Result<(), Diagnostics> {
    let out_dir = &out.real;
    let fail = |message: String| Diagnostic::error(Location::file(&out.shown), message);
    let name = out_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".to_owned());
    let parent = match out_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    recover_stale(&parent, &name, out_dir);
    let pid = std::process::id();
    let staging = parent.join(format!(".{name}.tmp-{pid}"));
    let interrupted_message = || fail("interrupted; nothing was changed".to_owned());
    if !begin_write() {
        return Err(interrupted_message().into());
    }
    let result = write_and_swap(paths, produce, out, &staging, &parent, &name);
    end_write();
    result.map_err(|e| match e {
        WriteError::Interrupted => interrupted_message().into(),
        WriteError::NotAFolder => {
            fail("the output path exists and is not a folder".to_owned()).into()
        }
        WriteError::Foreign(files) => fail(format!(
            "refusing to replace the output folder: files Briefing did not write appeared in it during the build: {}",
            name_some(&files)
        ))
        .into(),
        WriteError::Fs(e) => fail(e.to_string()).into(),
        WriteError::Produce(d) => d,
    })
}

enum WriteError {
    Interrupted,
    NotAFolder,
    Foreign(Vec<String>),
    Fs(fsx::FsError),
    Produce(Diagnostics),
}

impl From<fsx::FsError> for WriteError {
    fn from(e: fsx::FsError) -> Self {
        WriteError::Fs(e)
    }
}

fn write_and_swap(
    paths: &[String],
    produce: impl FnOnce(&FileSink<'_>) -> Result<(), Diagnostics> + Send,
    out: &OutDir,
    staging: &Path,
    parent: &Path,
    name: &str,
) -> Result<(), WriteError> {
    let out_dir = out.real.as_path();
    // The folder was claimed before rendering; look again while the new
    // site is written (it costs no wall time then), in case files were put
    // in it since.
    let (written, foreign) = rayon::join(
        || write_staging(paths, produce, staging, &out.shown),
        || match out.replace {
            Replace::IfOurs if out_dir.is_dir() => ownership(out_dir).foreign,
            _ => Vec::new(),
        },
    );
    if written.is_err() || interrupted() || !foreign.is_empty() {
        let _ = fsx::remove_dir_all(staging);
        return Err(match written {
            Err(_) if interrupted() => WriteError::Interrupted,
            Err(e) => e,
            Ok(()) if interrupted() => WriteError::Interrupted,
            Ok(()) => WriteError::Foreign(foreign),
        });
    }
    match std::fs::symlink_metadata(out_dir) {
        Err(_) => {
            if let Err(e) = fsx::rename(staging, out_dir) {
                let _ = fsx::remove_dir_all(staging);
                return Err(e.into());
            }
        }
        Ok(m) if !m.is_dir() => {
            let _ = fsx::remove_dir_all(staging);
            return Err(WriteError::NotAFolder);
        }
        Ok(_) => {
            if exchange(staging, out_dir) {
                // The previous site is now in the staging folder.
                let _ = fsx::remove_dir_all(staging);
                return Ok(());
            }
            let old = parent.join(format!(".{name}.old-{}", std::process::id()));
            let _ = fsx::remove_dir_all(&old);
            if let Err(e) = fsx::rename(out_dir, &old) {
                let _ = fsx::remove_dir_all(staging);
                return Err(e.into());
            }
            if let Err(e) = fsx::rename(staging, out_dir) {
                // Put the previous site back before reporting.
                let _ = fsx::rename(&old, out_dir);
                let _ = fsx::remove_dir_all(staging);
                return Err(e.into());
            }
            // The new site is in place; a leftover old copy is only clutter.
            let _ = fsx::remove_dir_all(&old);
        }
    }
    Ok(())
}

/// The manifest first (so a staging folder is recognisable from its first
/// moment), every folder once, parents first, then the files as `produce`
/// makes them, with no folder checks: a `mkdir` per file (even a failing
/// one) is most of the write time on slow disks.
fn write_staging(
    paths: &[String],
    produce: impl FnOnce(&FileSink<'_>) -> Result<(), Diagnostics>,
    staging: &Path,
    shown: &Path,
) -> Result<(), WriteError> {
    fsx::remove_dir_all(staging)?;
    fsx::create_dir_all(staging)?;
    let mut files = paths.to_vec();
    files.sort_unstable();
    let manifest = Manifest {
        generator: "briefing".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        files,
    };
    let json = serde_json::to_vec(&manifest).unwrap_or_default();
    fsx::write_in_existing(&staging.join(MANIFEST_FILE), &json)?;
    let mut folders: Vec<&str> = paths
        .iter()
        .filter_map(|p| p.rsplit_once('/').map(|(dir, _)| dir))
        .collect();
    folders.sort_unstable();
    folders.dedup();
    for dir in folders {
        fsx::create_dir_all(&staging.join(dir))?;
    }
    let sink = |f: OutputFile| {
        if interrupted() {
            return Err(Diagnostic::error(
                Location::file(shown),
                "interrupted; nothing was changed",
            ));
        }
        fsx::write_in_existing(&staging.join(&f.path), &f.bytes)
            .map_err(|e| Diagnostic::error(Location::file(shown), e.to_string()))
    };
    produce(&sink).map_err(WriteError::Produce)
}

/// Swaps two folders in one step; `false` where the system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

/// Removes the staging folders (`.NAME.tmp-PID`, `.NAME.old-PID`) that
/// builds no longer running left in `parent`. A previous site left aside by
/// a build killed between its two renames, with no site in its place, is
/// put back instead.
fn recover_stale(parent: &Path, name: &str, out_dir: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let tmp = format!(".{name}.tmp-");
    let old = format!(".{name}.old-");
    let mut stale: Vec<(bool, PathBuf)> = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(n) = file_name.to_str() else {
            continue;
        };
        let (is_old, pid) = if let Some(p) = n.strip_prefix(&tmp) {
            (false, p)
        } else if let Some(p) = n.strip_prefix(&old) {
            (true, p)
        } else {
            continue;
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        // Only real folders (never a link) of builds that are gone.
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && (pid == std::process::id() || !process_alive(pid)) {
            stale.push((is_old, entry.path()));
        }
    }
    for (is_old, path) in stale {
        if is_old
            && std::fs::symlink_metadata(out_dir).is_err()
            && fsx::rename(&path, out_dir).is_ok()
        {
            continue;
        }
        let _ = fsx::remove_dir_all(&path);
    }
}

/// Whether a process with this id runs; where we cannot tell, yes.
#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        Err(e) => e != rustix::io::Errno::SRCH,
    }
}

#[cfg(not(unix))]
fn process_alive(_: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site already in memory, written as `build` writes one.
    fn write_atomically(files: &[OutputFile], out: &OutDir) -> Result<(), Diagnostics> {
        let paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
        write_streamed(&paths, out, |sink| {
            files
                .iter()
                .try_for_each(|f| sink(f.clone()))
                .map_err(Diagnostics::from)
        })
    }

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile::new(path, text)
    }

    fn out(path: &Path) -> OutDir {
        OutDir {
            shown: path.to_path_buf(),
            real: fsx::real_path(path),
            replace: Replace::IfOurs,
        }
    }

    #[test]
    fn sites_past_a_host_limit_are_named() {
        assert_eq!(past_host_limits(19_000, 500_000_000), None);
        assert_eq!(
            past_host_limits(83_493, 618_000_000).as_deref(),
            Some(
                "the site is 83,493 files and 618 MB, past what these hosts publish: Cloudflare Pages (free plan) (20,000 files)"
            )
        );
        assert_eq!(
            past_host_limits(338_131, 2_730_000_000).as_deref(),
            Some(
                "the site is 338,131 files and 2,730 MB, past what these hosts publish: GitHub Pages (1 GB); GitLab Pages (200,000 files, 1 GB); Cloudflare Pages (paid plans) (100,000 files); Cloudflare Pages (free plan) (20,000 files)"
            )
        );
    }

    #[test]
    fn swaps_in_new_site_and_drops_old_files() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        write_atomically(
            &[file("a/index.html", "1"), file("stale.html", "x")],
            &out(&public),
        )
        .unwrap();
        write_atomically(&[file("a/index.html", "2")], &out(&public)).unwrap();
        assert_eq!(
            std::fs::read_to_string(public.join("a/index.html")).unwrap(),
            "2"
        );
        assert!(!public.join("stale.html").exists());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "staging or old folders left behind");
        let manifest = read_manifest(&public).unwrap();
        assert_eq!(manifest.files, ["a/index.html"]);
    }

    #[test]
    fn refuses_protected_folders_even_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        for d in ["content/x", "data", "templates", "theme", ".git"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        for top in ["/tmp", "/home", "/usr"] {
            let err = claim_out_dir(&root, Path::new(top), Replace::Force).unwrap_err();
            assert_eq!(
                err.message,
                "refusing to replace the output folder: it is a top-level system folder"
            );
        }
        let cases = [
            ("/", "it is the filesystem root"),
            ("site", "it holds the site"),
            ("", "it holds the site"),
            ("site/content", "it is inside the site's `content/`"),
            ("site/content/x/new", "it is inside the site's `content/`"),
            ("site/data", "it is inside the site's `data/`"),
            ("site/theme", "it is inside the site's `theme/`"),
            ("site/templates", "it is inside the site's `templates/`"),
            ("site/.git", "it is inside the site's `.git/`"),
            ("site/content/../data", "it is inside the site's `data/`"),
        ];
        for (bad, why) in cases {
            let path = dir.path().join(bad);
            let err = claim_out_dir(&root, &path, Replace::Force).unwrap_err();
            assert_eq!(
                err.message,
                format!("refusing to replace the output folder: {why}"),
                "{bad}"
            );
        }
        for ok in ["site/public", "site/dist", "elsewhere/out"] {
            assert!(
                claim_out_dir(&root, &dir.path().join(ok), Replace::IfOurs).is_ok(),
                "{ok}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn compares_paths_after_resolving_links() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::os::unix::fs::symlink(&root, dir.path().join("sitelink")).unwrap();
        std::os::unix::fs::symlink(root.join("content"), dir.path().join("contentlink")).unwrap();
        let link_root = dir.path().join("sitelink");
        for bad in ["sitelink/content", "contentlink", "site/content"] {
            let err = claim_out_dir(&link_root, &dir.path().join(bad), Replace::Force).unwrap_err();
            assert!(
                err.message.contains("inside the site's `content/`"),
                "{bad}: {err}"
            );
        }
        let ok = claim_out_dir(
            &link_root,
            &dir.path().join("sitelink/public"),
            Replace::IfOurs,
        )
        .unwrap();
        assert_eq!(ok.real, root.canonicalize().unwrap().join("public"));
    }

    #[test]
    fn replaces_only_folders_briefing_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(&root).unwrap();
        let public = root.join("public");
        std::fs::create_dir_all(&public).unwrap();
        // Empty: fine.
        claim_out_dir(&root, &public, Replace::IfOurs).unwrap();
        std::fs::write(public.join("notes.txt"), "mine").unwrap();
        let err = claim_out_dir(&root, &public, Replace::IfOurs).unwrap_err();
        assert_eq!(
            err.message,
            "refusing to replace the output folder: it is not empty and was not written by Briefing"
        );
        claim_out_dir(&root, &public, Replace::Force).unwrap();
        std::fs::remove_file(public.join("notes.txt")).unwrap();
        write_atomically(
            &[file("index.html", "x"), file("a/b.html", "y")],
            &out(&public),
        )
        .unwrap();
        claim_out_dir(&root, &public, Replace::IfOurs).unwrap();
        for extra in ["CNAME", "a/extra.txt", "z1", "z2", "z3", "z4"] {
            std::fs::write(public.join(extra), "mine").unwrap();
        }
        let err = claim_out_dir(&root, &public, Replace::IfOurs).unwrap_err();
        assert_eq!(
            err.message,
            "refusing to replace the output folder: it holds files Briefing did not write: `CNAME`, `a/extra.txt`, `z1`, `z2`, `z3` and 1 more"
        );
    }

    #[test]
    fn files_put_in_the_folder_during_the_build_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        let claimed = claim_out_dir(dir.path(), &public, Replace::IfOurs).unwrap();
        std::fs::create_dir_all(&public).unwrap();
        std::fs::write(public.join("notes.txt"), "mine").unwrap();
        let err = write_atomically(&[file("index.html", "x")], &claimed).unwrap_err();
        let messages: Vec<&str> = err.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "refusing to replace the output folder: files Briefing did not write appeared in it during the build: `notes.txt`"
            ]
        );
        assert_eq!(
            std::fs::read_to_string(public.join("notes.txt")).unwrap(),
            "mine"
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "staging left"
        );
    }

    #[test]
    fn a_folder_from_before_manifests_is_recognised() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        std::fs::create_dir_all(public.join("tags/x")).unwrap();
        std::fs::write(public.join("index.html"), "<html>").unwrap();
        std::fs::write(public.join("tags/x/index.html"), "<html>").unwrap();
        std::fs::write(
            public.join("rss.xml"),
            "<rss><channel><generator>Briefing</generator>",
        )
        .unwrap();
        claim_out_dir(dir.path(), &public, Replace::IfOurs).unwrap();
        // A checked-out publishing branch is not Briefing's to delete.
        std::fs::create_dir_all(public.join(".git")).unwrap();
        std::fs::write(public.join(".git/HEAD"), "ref: refs/heads/gh-pages\n").unwrap();
        let err = claim_out_dir(dir.path(), &public, Replace::IfOurs).unwrap_err();
        assert!(
            err.message.ends_with("did not write: `.git/HEAD`"),
            "{}",
            err.message
        );
        std::fs::remove_dir_all(public.join(".git")).unwrap();
        std::fs::write(
            public.join("rss.xml"),
            "<rss><channel><generator>Hugo</generator>",
        )
        .unwrap();
        assert!(claim_out_dir(dir.path(), &public, Replace::IfOurs).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn stale_staging_of_dead_builds_is_removed_and_a_set_aside_site_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let tmp = dir.path().join(format!(".public.tmp-{dead}"));
        let old = dir.path().join(format!(".public.old-{dead}"));
        let alive = dir.path().join(".public.tmp-1");
        let other = dir.path().join(".publicity.tmp-5");
        for d in [&tmp, &old, &alive, &other] {
            std::fs::create_dir_all(d.join("x")).unwrap();
        }
        std::fs::write(old.join("index.html"), "previous").unwrap();
        let public = dir.path().join("public");
        recover_stale(dir.path(), "public", &public);
        assert!(!tmp.exists());
        assert!(!old.exists());
        assert_eq!(
            std::fs::read_to_string(public.join("index.html")).unwrap(),
            "previous"
        );
        assert!(alive.exists(), "pid 1 is running");
        assert!(other.exists(), "another folder's name");
    }
}
