//! `briefing init`: the new site builds as it is (through the library and the
//! binary), its workflow is the repository's own and installs Briefing from a
//! pinned git source it caches, it never overwrites a file, and without a
//! folder it works in the current one.

use std::path::{Path, PathBuf};
use std::process::Command;

use briefing::config::{self, Overrides};
use briefing::init::InstallSource;

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
    let created = briefing::init::create_site(&root, &InstallSource::default()).expect("init");
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
    briefing::init::create_site(dir.path(), &InstallSource::default()).expect("init");
    let written = std::fs::read(dir.path().join(".github/workflows/publish.yml")).expect("read");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/publish.yml");
    let committed = std::fs::read(&repo).expect("read the repository workflow");
    assert!(
        written == committed,
        "init writes a different publish.yml than {}; copy the one `briefing init` writes \
         (src/init/publish.yml with the default source) over it",
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

// See: issue 12, "A first push that publishes". A new site's workflow
// installs Briefing from its git repository at a pinned tag or commit
// (there is no crates.io release), caches the binary, and never lets the
// values given to `init` into shell text.

/// `key = "value"` from the `[package]` table of this repository's
/// Cargo.toml.
fn cargo_toml_value(key: &str) -> String {
    let text = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"));
    let package = text
        .split("\n[")
        .next()
        .expect("Cargo.toml starts with [package]");
    let prefix = format!("{key} = \"");
    package
        .lines()
        .find_map(|l| l.strip_prefix(&prefix)?.strip_suffix('"'))
        .unwrap_or_else(|| panic!("Cargo.toml [package] has no `{key}`"))
        .to_owned()
}

/// Runs `init site` in a fresh folder with `extra` flags and gives the
/// folder and the workflow parsed as YAML.
fn init_workflow(extra: &[&str]) -> (tempfile::TempDir, serde_yaml::Value) {
    let dir = temp();
    let mut args = vec!["init", "site"];
    args.extend_from_slice(extra);
    let (code, stderr) = briefing(dir.path(), &args);
    assert_eq!(code, 0, "{stderr}");
    let text = read(&dir.path().join("site/.github/workflows/publish.yml"));
    let yaml = serde_yaml::from_str(&text)
        .unwrap_or_else(|e| panic!("the workflow is not YAML: {e}\n{text}"));
    (dir, yaml)
}

/// The `env:` value `key` of the workflow, which must be a string.
fn workflow_env<'a>(workflow: &'a serde_yaml::Value, key: &str) -> &'a str {
    match &workflow["env"][key] {
        serde_yaml::Value::String(s) => s,
        other => panic!("env.{key} is not a string: {other:?}"),
    }
}

/// The steps of the `build` job.
fn build_steps(workflow: &serde_yaml::Value) -> &[serde_yaml::Value] {
    workflow["jobs"]["build"]["steps"]
        .as_sequence()
        .expect("jobs.build.steps is a list")
}

/// The step named `name` (its `name:`), and where it is in the list.
fn named_step<'a>(workflow: &'a serde_yaml::Value, name: &str) -> (usize, &'a serde_yaml::Value) {
    let found: Vec<_> = build_steps(workflow)
        .iter()
        .enumerate()
        .filter(|(_, s)| s["name"].as_str() == Some(name))
        .collect();
    assert_eq!(found.len(), 1, "one step named {name:?}");
    found[0]
}

/// A string field of a step.
fn field<'a>(step: &'a serde_yaml::Value, key: &str) -> &'a str {
    step[key]
        .as_str()
        .unwrap_or_else(|| panic!("step has no string `{key}`: {step:?}"))
}

/// Every `run:` script of the build job.
fn run_scripts(workflow: &serde_yaml::Value) -> Vec<&str> {
    build_steps(workflow)
        .iter()
        .filter_map(|s| s["run"].as_str())
        .collect()
}

#[test]
fn workflow_installs_from_the_cargo_toml_repository_at_the_version_tag() {
    let repository = cargo_toml_value("repository");
    assert!(repository.starts_with("https://"), "{repository}");
    let rev = format!("v{}", cargo_toml_value("version"));
    let (_dir, workflow) = init_workflow(&[]);

    assert_eq!(workflow_env(&workflow, "BRIEFING_GIT"), repository);
    assert_eq!(workflow_env(&workflow, "BRIEFING_REV"), rev);
    let (_, install) = named_step(&workflow, "Install Briefing");
    assert_eq!(
        field(install, "run"),
        "cargo install --locked --git \"$BRIEFING_GIT\" --rev \"$BRIEFING_REV\" \
         --root \"$HOME/.cargo\" briefing"
    );
    // The values reach the shell only through the environment.
    for script in run_scripts(&workflow) {
        assert!(!script.contains(&repository), "{script}");
        assert!(!script.contains(&rev), "{script}");
    }
}

#[test]
fn from_git_and_rev_given_to_init_land_in_the_workflow_env() {
    let cases = [
        ("https://github.com/acme/briefing-fork", "v0.2.0"),
        (
            "ssh://git@git.example.org/tools/briefing.git",
            "0123456789abcdef0123456789abcdef01234567",
        ),
        // All digits: unquoted, YAML would read a number.
        ("https://git.example.org/briefing", "20240101"),
    ];
    for (git, rev) in cases {
        let (dir, workflow) = init_workflow(&["--from-git", git, "--rev", rev]);
        assert_eq!(workflow_env(&workflow, "BRIEFING_GIT"), git);
        assert_eq!(workflow_env(&workflow, "BRIEFING_REV"), rev);
        // The rest of the site is the same as without the flags.
        assert!(dir.path().join("site/briefing.yaml").is_file());
    }
    // `--rev` alone keeps Briefing's own repository.
    let (_dir, workflow) = init_workflow(&["--rev", "v9.9.9"]);
    assert_eq!(
        workflow_env(&workflow, "BRIEFING_GIT"),
        cargo_toml_value("repository")
    );
    assert_eq!(workflow_env(&workflow, "BRIEFING_REV"), "v9.9.9");
}

#[test]
fn hostile_rev_or_url_is_refused_with_a_diagnostic_and_nothing_is_written() {
    let rev_help =
        "  help: give a tag (v0.1.0) or a commit hash, with only letters, digits and . _ / -";
    let git_help = "  help: give an https:// (or ssh://) URL of a git repository, e.g. \
                    https://github.com/briefing-digest/briefing, with only letters, digits \
                    and . _ ~ : / @ % + -";
    let cases: [(&[&str], Vec<String>); 7] = [
        (
            &["--rev", "main; rm -rf ~"],
            vec![
                "--rev: error: `main; rm -rf ~` is not a tag or commit: `;` is not allowed".into(),
                rev_help.into(),
            ],
        ),
        (
            &["--rev", "v1\nrun: id"],
            vec![
                "--rev: error: `v1\\u{a}run: id` is not a tag or commit: a newline is not allowed"
                    .into(),
                rev_help.into(),
            ],
        ),
        (
            &["--rev", "$(id)"],
            vec![
                "--rev: error: `$(id)` is not a tag or commit: `$` is not allowed".into(),
                rev_help.into(),
            ],
        ),
        (
            &["--rev=--upload-pack=id"],
            vec![
                "--rev: error: `--upload-pack=id` is not a tag or commit: `=` is not allowed"
                    .into(),
                rev_help.into(),
            ],
        ),
        (
            &["--from-git", "https://github.com/x/$(id)"],
            vec![
                "--from-git: error: `https://github.com/x/$(id)` is not a git URL to install \
                 Briefing from: `$` is not allowed"
                    .into(),
                git_help.into(),
            ],
        ),
        (
            &["--from-git", "http://github.com/x/briefing"],
            vec![
                "--from-git: error: `http://github.com/x/briefing` is not a git URL to install \
                 Briefing from: http:// is not allowed (unencrypted: anyone on the way could \
                 swap the code)"
                    .into(),
                git_help.into(),
            ],
        ),
        // Both at once: each is reported.
        (
            &["--from-git", "https://x.org/a\nb", "--rev", "`id`"],
            vec![
                "--from-git: error: `https://x.org/a\\u{a}b` is not a git URL to install \
                 Briefing from: a newline is not allowed"
                    .into(),
                git_help.into(),
                "--rev: error: ``id`` is not a tag or commit: a backtick is not allowed".into(),
                rev_help.into(),
            ],
        ),
    ];
    for (flags, mut expected) in cases {
        let dir = temp();
        let mut args = vec!["init", "site"];
        args.extend_from_slice(flags);
        let (code, stderr) = briefing(dir.path(), &args);
        expected.push("error: nothing was written".into());
        assert_eq!(stderr.lines().collect::<Vec<_>>(), expected, "{flags:?}");
        assert_eq!(code, 2, "a usage error: {flags:?}");
        assert_eq!(tree(dir.path()).len(), 0, "nothing written: {flags:?}");
        assert!(!dir.path().join("site").exists(), "{flags:?}");
    }
}

#[test]
fn workflow_caches_the_binary_keyed_on_repository_and_rev() {
    let (_dir, workflow) = init_workflow(&["--rev", "v0.3.1"]);
    let steps = build_steps(&workflow);
    let caches: Vec<(usize, &serde_yaml::Value)> = steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s["uses"].as_str() == Some("actions/cache@v4"))
        .collect();
    assert_eq!(caches.len(), 1, "one actions/cache step");
    let (cache_at, cache) = caches[0];
    assert_eq!(field(cache, "id"), "cache");
    assert_eq!(field(&cache["with"], "path"), "~/.cargo/bin/briefing");
    let key = field(&cache["with"], "key");
    for part in [
        "${{ env.BRIEFING_GIT }}",
        "${{ env.BRIEFING_REV }}",
        "${{ runner.os }}",
    ] {
        assert!(key.contains(part), "cache key {key:?} lacks {part}");
    }
    assert_eq!(workflow_env(&workflow, "BRIEFING_REV"), "v0.3.1");

    // The install runs only on a miss, after the cache step, into the
    // cached path.
    let (install_at, install) = named_step(&workflow, "Install Briefing");
    assert!(cache_at < install_at, "the cache is restored first");
    assert_eq!(
        field(install, "if"),
        "steps.source.outputs.self != 'true' && steps.cache.outputs.cache-hit != 'true'"
    );
    assert!(field(install, "run").contains("--root \"$HOME/.cargo\""));
    // The Briefing repository itself builds from source and skips the cache.
    assert_eq!(field(cache, "if"), "steps.source.outputs.self != 'true'");
    let (_, from_source) = named_step(&workflow, "Build Briefing from source");
    assert_eq!(
        field(from_source, "if"),
        "steps.source.outputs.self == 'true'"
    );
    assert_eq!(field(from_source, "run"), "cargo build --release --locked");
    let (_, find) = named_step(&workflow, "Find Briefing");
    assert!(
        field(find, "run").contains("grep -q '^name = \"briefing\"$' Cargo.toml"),
        "{find:?}"
    );
}

#[test]
fn workflow_never_installs_briefing_from_crates_io() {
    let (_dir, workflow) = init_workflow(&[]);
    let installs: Vec<&str> = run_scripts(&workflow)
        .into_iter()
        .flat_map(str::lines)
        .filter(|l| l.contains("cargo install"))
        .collect();
    assert!(!installs.is_empty(), "the workflow installs Briefing");
    for line in installs {
        assert!(
            line.contains("--git \"$BRIEFING_GIT\"") && line.contains("--rev \"$BRIEFING_REV\""),
            "an install without the pinned git source: {line}"
        );
    }
    // The committed copy says the same.
    let repo = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/publish.yml"));
    assert!(!repo.contains("cargo install --locked briefing"), "{repo}");
}
