//! `briefing init`: the new site builds as it is (through the library and the
//! binary), its workflow is the repository's own, it never overwrites a file,
//! and without a folder it works in the current one.

use std::path::{Path, PathBuf};
use std::process::Command;

use briefing::config::{self, Overrides};

use crate::harness::{diagnostics_text, sel, text_of, texts, tree};

/// The sample article's page in the built site.
const SAMPLE_PAGE: &str =
    "articles/midnight-blizzard-read-microsoft-executives-email-after-a-password-spray/index.html";
/// The sample article's title.
const SAMPLE_TITLE: &str =
    "Midnight Blizzard read Microsoft executives' email after a password spray";

/// What `init` prints for a site at `dir` (as typed, relative to the
/// current folder), without the next-steps line.
fn created_lines(dir: &str) -> Vec<String> {
    let prefix = if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    };
    [
        "briefing.yaml",
        "content/2024/01/midnight-blizzard-microsoft-corporate-email.md",
        "data/entities.yaml",
        ".gitignore",
        ".github/workflows/publish.yml",
    ]
    .iter()
    .map(|f| format!("created {prefix}{f}"))
    .collect()
}

/// Runs the real binary with `args` from `cwd`: exit code and stderr.
fn briefing(cwd: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run the briefing binary");
    let code = out
        .status
        .code()
        .expect("exit code (not killed by a signal)");
    (code, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// A fresh temporary folder to run `init` in.
fn temp() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("briefing-init-")
        .tempdir()
        .expect("create temp dir")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// The `<h1>` of an output page.
fn heading(out: &Path, page: &str) -> String {
    let html = scraper::Html::parse_document(&read(&out.join(page)));
    let h1: Vec<String> = html.select(&sel("h1")).map(text_of).collect();
    assert_eq!(h1.len(), 1, "{page} has one h1: {h1:?}");
    h1[0].clone()
}

#[test]
fn new_site_builds_through_the_library_without_warnings() {
    let dir = temp();
    let root = dir.path().join("threat-digest");
    let created = briefing::init::create_site(&root).expect("init");
    assert_eq!(created.len(), 5);

    let opts = config::load(&root, &Overrides::default()).unwrap_or_else(|p| {
        panic!(
            "config: {}",
            p.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert_eq!(
        opts.site.title, "threat-digest",
        "title from the folder name"
    );
    let report = briefing::build(&opts).unwrap_or_else(|f| panic!("{}", diagnostics_text(&f)));
    assert_eq!(report.articles, 1);
    assert_eq!(report.diagnostics.iter().count(), 0, "no warnings");

    let out = root.join("public");
    assert_eq!(heading(&out, SAMPLE_PAGE), SAMPLE_TITLE);
    // The watch-list's aliases and the technique ID in the sample became
    // entities with pages.
    for page in [
        "entities/actors/apt29.html",
        "entities/vendors/microsoft.html",
        "entities/technique/t1110.003.html",
    ] {
        assert!(out.join(page).is_file(), "{page} missing");
    }
    let home = scraper::Html::parse_document(&read(&out.join("index.html")));
    assert_eq!(texts(&home, "article.entry .entry-title a"), [SAMPLE_TITLE]);
}

#[test]
fn new_site_builds_and_checks_strictly_through_the_binary() {
    let dir = temp();
    let (code, stderr) = briefing(dir.path(), &["init", "threat-digest"]);
    assert_eq!(code, 0, "{stderr}");
    let mut expected = created_lines("threat-digest");
    expected.push(
        "next steps: edit threat-digest/briefing.yaml and add articles under \
         threat-digest/content/, then run: briefing --root threat-digest build"
            .to_owned(),
    );
    assert_eq!(stderr.lines().collect::<Vec<_>>(), expected);

    let (code, stderr) = briefing(dir.path(), &["--root", "threat-digest", "build"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.starts_with("built 1 article: ") && stderr.contains(" 0 warnings in "),
        "{stderr}"
    );
    assert!(
        stderr.trim_end().ends_with("→ threat-digest/public/"),
        "{stderr}"
    );
    let out = dir.path().join("threat-digest/public");
    assert_eq!(heading(&out, SAMPLE_PAGE), SAMPLE_TITLE);

    let (code, stderr) = briefing(
        dir.path(),
        &["--root", "threat-digest", "check", "--strict"],
    );
    assert_eq!(code, 0, "the sample has no warnings: {stderr}");
    assert_eq!(
        read(&dir.path().join("threat-digest/.gitignore"))
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect::<Vec<_>>(),
        ["public/", ".public.*", ".briefing-cache/"]
    );
}

#[test]
fn written_workflow_is_the_repository_workflow_byte_for_byte() {
    let dir = temp();
    briefing::init::create_site(dir.path()).expect("init");
    let written = std::fs::read(dir.path().join(".github/workflows/publish.yml")).expect("read");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/publish.yml");
    let committed = std::fs::read(&repo).expect("read the repository workflow");
    assert!(
        written == committed,
        "init writes a different publish.yml than {}; keep src/init/publish.yml and \
         .github/workflows/publish.yml identical",
        repo.display()
    );
}

#[test]
fn existing_briefing_yaml_is_named_and_the_folder_is_left_unchanged() {
    let dir = temp();
    let root = dir.path().join("mysite");
    std::fs::create_dir_all(root.join("content")).expect("mkdir");
    std::fs::write(root.join("briefing.yaml"), "title: Mine\n").expect("write");
    std::fs::write(root.join("content/note.md"), "---\ntitle: x\n---\n").expect("write");
    let before = tree(&root);

    let (code, stderr) = briefing(dir.path(), &["init", "mysite"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        stderr,
        "mysite/briefing.yaml: error: already exists; `briefing init` never overwrites a file\n\
         error: nothing was written; move the existing files away or give another folder: \
         briefing init DIR\n"
    );
    assert_eq!(tree(&root), before, "the folder is unchanged");
    let mut top: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("list")
        .map(|e| PathBuf::from(e.expect("entry").file_name()))
        .collect();
    top.sort();
    assert_eq!(
        top,
        [PathBuf::from("briefing.yaml"), PathBuf::from("content")],
        "no new folders either"
    );
}

#[test]
fn without_a_folder_init_uses_the_current_one_and_ignores_root() {
    let dir = temp();
    let cwd = dir.path().join("acme-intel");
    std::fs::create_dir(&cwd).expect("mkdir");
    // `--root` is global but does not apply to `init`.
    let (code, stderr) = briefing(&cwd, &["--root", "elsewhere", "init"]);
    assert_eq!(code, 0, "{stderr}");
    let mut expected = created_lines("");
    expected.push(
        "next steps: edit briefing.yaml and add articles under content/, then run: briefing build"
            .to_owned(),
    );
    assert_eq!(stderr.lines().collect::<Vec<_>>(), expected);
    assert!(!cwd.join("elsewhere").exists());
    let cfg = config::parse(&read(&cwd.join("briefing.yaml"))).expect("valid config");
    assert_eq!(cfg.title, "acme-intel");

    // Running it again in the same folder refuses and names every file.
    let (code, stderr) = briefing(&cwd, &["init"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.starts_with(
            "briefing.yaml: error: already exists; `briefing init` never overwrites a file\n"
        ),
        "{stderr}"
    );
    assert_eq!(
        stderr.lines().count(),
        6,
        "five files, then the summary: {stderr}"
    );
}
