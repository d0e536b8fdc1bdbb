//! Nothing lost, nothing leaked: what `build` may replace, links out of the
//! site, and builds that are killed or interrupted mid-write.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{SiteTest, tree};

/// `content/` and `data/` of the site, to show a run left them alone.
fn sources(site: &SiteTest) -> (BTreeMap<String, Vec<u8>>, BTreeMap<String, Vec<u8>>) {
    (
        tree(&site.root().join("content")),
        tree(&site.root().join("data")),
    )
}

/// The line `build` prints for a refused output folder.
fn refusal(folder: &str, why: &str, help: &str) -> String {
    format!("{folder}: error: refusing to replace the output folder: {why}\n  help: {help}\n")
}

const OWN_FOLDER: &str = "pick an output folder of its own, e.g. `--output public`";
const NOT_OURS: &str = "move those files out (files to publish belong in theme/), build into a new or empty folder, or pass --force to replace the folder and everything in it";

#[test]
fn a_folder_holding_other_files_is_refused_and_kept_byte_identical() {
    let site = SiteTest::fixture("intel");
    site.write("project/src/main.rs", "fn main() {}\n");
    site.write("project/.git/HEAD", "ref: refs/heads/main\n");
    let project = tree(&site.root().join("project"));
    let before = sources(&site);

    let out = site.run(&["build", "--output", "project"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.starts_with(&refusal(
            "project",
            "it is not empty and was not written by Briefing",
            NOT_OURS
        )),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.ends_with("project/ was not changed"),
        "{}",
        out.stderr
    );
    assert_eq!(tree(&site.root().join("project")), project);

    // The site's own folders are refused even with --force.
    for (flag, why) in [
        ("data", "it is inside the site's `data/`"),
        (".git", "it is inside the site's `.git/`"),
        ("content", "it is inside the site's `content/`"),
        (".", "it holds the site"),
    ] {
        site.write(".git/HEAD", "ref: refs/heads/main\n");
        let out = site.run(&["build", "--force", "--output", flag]);
        assert_eq!(out.code, 1, "{flag}: {}", out.stderr);
        assert!(
            out.stderr.contains(&refusal(flag, why, OWN_FOLDER)),
            "{flag}: {}",
            out.stderr
        );
    }
    assert_eq!(sources(&site), before);
    assert_eq!(
        std::fs::read_to_string(site.root().join(".git/HEAD")).expect("HEAD"),
        "ref: refs/heads/main\n"
    );

    // --force is the way out for a folder that is not protected.
    let out = site.run(&["build", "--force", "--output", "project"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(site.root().join("project/index.html").is_file());
    assert!(!site.root().join("project/src").exists());
}

#[test]
fn the_home_folder_and_the_filesystem_root_are_never_replaced() {
    let site = SiteTest::fixture("intel");
    let home = tempfile::tempdir().expect("tempdir");
    std::fs::write(home.path().join(".bashrc"), "export A=1\n").expect("write");
    let home_path = home.path().to_string_lossy().into_owned();
    let out = site.run_with_env(
        &["build", "--force", "--output", &home_path],
        &[("HOME", &home_path)],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains(&refusal(&home_path, "it is your home folder", OWN_FOLDER)),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(home.path().join(".bashrc")).expect("read"),
        "export A=1\n"
    );
    let out = site.run(&["build", "--force", "--output", "/"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains(&refusal("/", "it is the filesystem root", OWN_FOLDER)),
        "{}",
        out.stderr
    );
}

#[test]
fn files_added_to_a_built_site_are_not_deleted() {
    let site = SiteTest::fixture("intel");
    assert_eq!(site.run(&["build"]).code, 0);
    assert!(site.out_path(".briefing-output").is_file(), "the manifest");
    // A rebuild of Briefing's own folder is fine.
    assert_eq!(site.run(&["build"]).code, 0);
    site.write("public/CNAME", "digest.example.org\n");
    let before = tree(&site.out_dir());
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.starts_with(&refusal(
            "public",
            "it holds files Briefing did not write: `CNAME`",
            NOT_OURS
        )),
        "{}",
        out.stderr
    );
    assert_eq!(tree(&site.out_dir()), before);
}

#[test]
fn an_output_folder_from_before_manifests_is_replaced_without_asking() {
    let site = SiteTest::fixture("intel");
    assert_eq!(site.run(&["build"]).code, 0);
    // What the release before manifests left: the same site, no manifest.
    std::fs::remove_file(site.out_path(".briefing-output")).expect("remove manifest");
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(site.out_path(".briefing-output").is_file());
}

#[cfg(unix)]
#[test]
fn a_symlinked_root_cannot_get_around_the_checks() {
    use std::os::unix::fs::symlink;
    let site = SiteTest::fixture("intel");
    let parent = site.root().parent().expect("parent").to_path_buf();
    symlink(site.root(), parent.join("sitelink")).expect("link the root");
    symlink(site.root().join("content"), parent.join("contentlink")).expect("link content");
    let before = sources(&site);
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(args)
            .current_dir(&parent)
            .output()
            .expect("run briefing");
        (
            out.status.code().expect("exit code"),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    for (args, shown) in [
        (
            &["--root", "sitelink", "build", "--output", "../site/content"][..],
            "../site/content",
        ),
        (
            &[
                "--root",
                "sitelink",
                "build",
                "--force",
                "--output",
                "../contentlink",
            ][..],
            "../contentlink",
        ),
        (
            &[
                "--root",
                "site",
                "build",
                "--force",
                "--output",
                "../sitelink/data",
            ][..],
            "../sitelink/data",
        ),
    ] {
        let (code, stderr) = run(args);
        assert_eq!(code, 1, "{args:?}: {stderr}");
        let why = if shown.ends_with("data") {
            "it is inside the site's `data/`"
        } else {
            "it is inside the site's `content/`"
        };
        assert!(
            stderr.starts_with(&refusal(shown, why, OWN_FOLDER)),
            "{args:?}: {stderr}"
        );
    }
    assert_eq!(sources(&site), before);
    // Through the link, the site builds into its real public/.
    let (code, stderr) = run(&["--root", "sitelink", "build"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(site.out_path("index.html").is_file());
}

#[cfg(unix)]
#[test]
fn links_out_of_the_site_are_skipped_and_named_never_shown() {
    use std::os::unix::fs::symlink;
    let site = SiteTest::fixture("intel");
    let outside = tempfile::tempdir().expect("tempdir");
    let secret = "SECRET_TOKEN=hunter2-do-not-publish";
    std::fs::write(outside.path().join("env.txt"), secret).expect("write");
    std::fs::write(
        outside.path().join("leak.md"),
        format!("---\ntitle: {secret}\n---\n{secret}\n"),
    )
    .expect("write");
    std::fs::write(
        outside.path().join("bad.yaml"),
        format!("actors: [{{name: {secret}\n"),
    )
    .expect("write");
    std::fs::create_dir_all(outside.path().join("templates")).expect("mkdir");
    std::fs::write(outside.path().join("templates/base.html"), secret).expect("write");
    std::fs::create_dir_all(site.root().join("theme")).expect("mkdir");
    symlink(
        outside.path().join("env.txt"),
        site.root().join("theme/env.txt"),
    )
    .expect("link");
    symlink(
        outside.path().join("leak.md"),
        site.root().join("content/leak.md"),
    )
    .expect("link");
    symlink(
        outside.path().join("templates"),
        site.root().join("templates"),
    )
    .expect("link");
    std::fs::remove_file(site.root().join("data/entities.yaml")).expect("remove");
    symlink(
        outside.path().join("bad.yaml"),
        site.root().join("data/entities.yaml"),
    )
    .expect("link");
    // A link that stays inside the site is followed as before.
    site.write(
        "drafts/inside.md",
        "---\ntitle: Linked from inside\ndate: 2024-11-02\n---\nHello.\n",
    );
    symlink(
        site.root().join("drafts/inside.md"),
        site.root().join("content/inside.md"),
    )
    .expect("link");
    let before = sources(&site);

    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let help = "  help: set `follow_external_symlinks: true` in briefing.yaml to follow links that leave the site";
    let warnings: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| !l.starts_with("built "))
        .collect();
    assert_eq!(
        warnings,
        [
            "content/leak.md: warning: symbolic link to a place outside the site; not followed",
            help,
            "data/entities.yaml: warning: symbolic link to a place outside the site; not followed",
            help,
            "templates: warning: symbolic link to a place outside the site; not followed",
            help,
            "theme/env.txt: warning: symbolic link to a place outside the site; not followed",
            help,
        ],
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("hunter2"));
    let published = tree(&site.out_dir());
    assert!(!published.contains_key("env.txt"));
    assert!(published.keys().any(|k| k.contains("linked-from-inside")));
    for (path, bytes) in &published {
        assert!(
            !String::from_utf8_lossy(bytes).contains("hunter2"),
            "{path} holds the secret"
        );
    }
    assert_eq!(sources(&site), before);

    // A config that is itself a link out of the site is not read at all.
    std::fs::write(
        outside.path().join("briefing.yaml"),
        format!("title: [{secret}\n"),
    )
    .expect("write");
    std::fs::remove_file(site.root().join("data/entities.yaml")).expect("unlink");
    std::fs::remove_file(site.root().join("content/leak.md")).expect("unlink");
    symlink(
        outside.path().join("briefing.yaml"),
        site.root().join("briefing.yaml"),
    )
    .expect("link");
    let out = site.run(&["build"]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "briefing.yaml: error: symbolic link to a place outside the site; not read\n  help: copy the file into the site instead of linking to it\nerror: the site config has errors; nothing was built"
    );

    // Asked for, links out of the site are followed.
    std::fs::remove_file(site.root().join("briefing.yaml")).expect("unlink");
    std::fs::remove_file(site.root().join("templates")).expect("unlink");
    site.write("briefing.yaml", "follow_external_symlinks: true\n");
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        std::fs::read_to_string(site.out_path("env.txt")).expect("env.txt"),
        secret
    );
}

/// A site big enough that writing it takes a moment.
fn big_site() -> SiteTest {
    let site = SiteTest::fixture("intel");
    for i in 0..600 {
        site.write(
            &format!("content/bulk/a{i}.md"),
            &format!(
                "---\ntitle: Bulk article {i}\ndate: 2024-0{}-1{}\ntags: [t{}, ransomware]\n---\nBody {i} about CVE-2024-{}.\n",
                1 + i % 9,
                i % 10,
                i % 40,
                1000 + i
            ),
        );
    }
    site
}

/// Starts `briefing build` and waits until its staging folder appears.
fn start_build_until_staging(site: &SiteTest) -> std::process::Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .arg("--root")
        .arg(site.root())
        .arg("build")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start briefing build");
    let staging = site.root().join(format!(".public.tmp-{}", child.id()));
    let deadline = Instant::now() + Duration::from_secs(120);
    while !staging.exists() {
        assert!(
            Instant::now() < deadline && child.try_wait().expect("poll").is_none(),
            "the build never started writing"
        );
        std::thread::sleep(Duration::from_millis(1));
    }
    child
}

fn staging_folders(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root)
        .expect("list root")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public."))
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn killed_and_interrupted_builds_leave_the_site_and_no_debris() {
    let site = big_site();
    assert_eq!(site.run(&["build"]).code, 0);
    let previous = tree(&site.out_dir());
    let before = sources(&site);

    // SIGKILL mid-write: the previous site stays, the staging folder is left.
    let mut killed = start_build_until_staging(&site);
    let killed_pid = killed.id();
    killed.kill().expect("kill");
    killed.wait().expect("wait");
    assert_eq!(tree(&site.out_dir()), previous);
    assert_eq!(
        staging_folders(site.root()),
        [format!(".public.tmp-{killed_pid}")]
    );

    // SIGINT mid-write: the build removes its own staging (and the killed
    // build's), exits 130, and the previous site stays.
    let interrupted = start_build_until_staging(&site);
    let status = Command::new("kill")
        .args(["-INT", &interrupted.id().to_string()])
        .status()
        .expect("send SIGINT");
    assert!(status.success());
    let out = interrupted.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr)
        .replace(&site.root().to_string_lossy().into_owned(), "[ROOT]");
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert_eq!(stderr, "public: error: interrupted; nothing was changed\n");
    assert_eq!(tree(&site.out_dir()), previous);
    assert_eq!(staging_folders(site.root()), Vec::<String>::new());

    // The next build goes through and leaves nothing beside the site.
    site.write(
        "content/bulk/new.md",
        "---\ntitle: After the crash\ndate: 2024-11-03\n---\nNew.\n",
    );
    assert_eq!(site.run(&["build"]).code, 0);
    assert!(
        tree(&site.out_dir())
            .keys()
            .any(|k| k.contains("after-the-crash"))
    );
    assert_eq!(staging_folders(site.root()), Vec::<String>::new());
    let mut after = sources(&site);
    after.0.remove("bulk/new.md");
    assert_eq!(after, before);
}

#[cfg(unix)]
#[test]
fn a_lock_file_a_link_loop_and_a_dangling_link_cost_one_warning_each_at_most() {
    use std::os::unix::fs::symlink;
    let site = SiteTest::fixture("intel");
    // What Emacs leaves beside a file being edited, a loop, a broken link.
    symlink(
        "editor@host.4242:1733000000",
        site.root().join("content/.#gateway.md"),
    )
    .expect("link");
    symlink("..", site.root().join("content/loop")).expect("link");
    symlink("moved-away.md", site.root().join("content/old.md")).expect("link");
    let before = sources(&site);
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        lines[..2],
        [
            "content/loop: warning: symbolic link to a folder that contains it (a loop); skipped",
            "content/old.md: warning: symbolic link to nothing (its target is missing); skipped",
        ],
        "{}",
        out.stderr
    );
    assert!(lines[2].starts_with("built 2 articles:"), "{}", out.stderr);
    assert_eq!(sources(&site), before);
}

#[test]
fn an_article_with_a_bad_url_is_built_without_it() {
    let site = SiteTest::fixture("intel");
    site.write(
        "content/bad-url.md",
        "---\ntitle: Bad link\ndate: 2024-11-02\nurl: javascript:alert(document.cookie)\n---\nStill here.\n",
    );
    let out = site.run(&["build"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.starts_with("content/bad-url.md:4:6: warning: `url` must be http or https, found `javascript:`; the field is dropped\n"),
        "{}",
        out.stderr
    );
    let page =
        std::fs::read_to_string(site.out_path("articles/bad-link/index.html")).expect("page");
    assert!(page.contains("Still here."));
    assert!(!page.contains("javascript:"));
    // Under --strict the warning is an error and nothing is written.
    let strict = site.run(&["build", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
}
