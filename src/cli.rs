//! The command line: parse, resolve into [`BuildOptions`], run, print.
//!
//! Takes the process arguments; gives an exit code: 0 when the site built
//! (or `init` created one), 1 when it has errors (every diagnostic printed to
//! stderr) or `init` found files in the way, 2 for usage errors (clap's own,
//! and an `init --from-git` or `--rev` value that is refused).
//! This is the only module that prints.

#![allow(clippy::print_stderr, clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::config::{self, BuildOptions, Overrides};
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::init::{InitError, InstallSource, SourceError};
use crate::serve::hosts::HostName;
use crate::{BuildFailure, BuildReport};

/// Briefing: build a curated cybersecurity threat digest from markdown files.
#[derive(Debug, Parser)]
#[command(name = "briefing", version, about, long_about = None)]
pub struct Cli {
    /// Site root: the folder with `content/` and, optionally, `briefing.yaml`,
    /// `templates/` and `theme/`.
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (replaced only if the build succeeds).
    Build(BuildArgs),
    /// Run the whole build without writing anything; exit 1 on any error.
    Check(CheckArgs),
    /// Create a new site: briefing.yaml, a sample article, a watch-list,
    /// .gitignore and a GitHub Pages workflow. Never overwrites a file.
    Init(InitArgs),
    /// Preview the site: serve it from memory, rebuild on every change and
    /// reload open pages. Build errors show in the page, never stop the server.
    Serve(ServeArgs),
}

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address or host name to listen on (a name binds the first address
    /// it resolves to, and pages may then be asked for under that name);
    /// anything but a loopback address exposes the preview to the network.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: HostName,
    /// Also answer requests for this host name (a reverse proxy's, or the
    /// machine's on the network); may be repeated. Others get 421: the
    /// preview answers only to the address it listens on, `localhost` and
    /// loopback addresses over loopback, and the `--bind` name.
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_hosts: Vec<HostName>,
    /// Port; 0 picks a free one (the URL is printed).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Open the preview in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Include articles dated in the future (left out by default).
    #[arg(long)]
    pub future: bool,
    /// Seconds a connection may take to send a request's headers, counted
    /// from when it opens or its last response ends: a stalled or idle
    /// connection is closed then. Open pages' reload streams are not cut.
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = crate::serve::DEFAULT_HEADER_TIMEOUT.as_secs(),
        value_parser = clap::value_parser!(u64).range(1..=3600)
    )]
    pub header_timeout: u64,
    /// Print the time each stage of every rebuild took.
    #[arg(long)]
    pub timings: bool,
}

/// Arguments of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder for the new site, created if missing (`--root` does not apply
    /// to `init`).
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// Git repository the site's workflow installs Briefing from (an
    /// https:// or ssh:// URL; default: Briefing's own repository).
    #[arg(long = "from-git", value_name = "URL")]
    pub from_git: Option<String>,
    /// Tag or commit of that repository to install (default: this
    /// version's release tag, e.g. v0.1.0).
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,
}

/// Flags of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Output folder; a relative path is taken from the site root.
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Replace the output folder even if it holds files Briefing did not
    /// write. `/`, your home folder, the site and its sources are never
    /// replaced.
    #[arg(long)]
    pub force: bool,
    /// Flags shared with `check`.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Flags of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Flags shared with `build`.
    #[command(flatten)]
    pub common: CommonArgs,
    /// Also fetch every outgoing link (one request per second per host;
    /// answers cached for a week in .briefing-cache/). Off by default.
    #[arg(long)]
    pub external: bool,
    /// With --external, also fetch links to loopback, private, link-local
    /// and other non-public addresses (skipped with a warning otherwise).
    #[arg(long, requires = "external")]
    pub external_allow_private: bool,
    /// With --external, stop after SECS seconds in all (default 60, at most
    /// 86400); links not checked by then get a warning.
    #[arg(
        long,
        requires = "external",
        value_name = "SECS",
        value_parser = clap::value_parser!(u64).range(1..=crate::external::MAX_TIME_LIMIT.as_secs())
    )]
    pub external_timeout: Option<u64>,
}

impl CheckArgs {
    /// How `--external` checks, for a site at `root`.
    fn external_options(&self, root: &Path) -> crate::external::ExternalOptions {
        let mut opts = crate::external::ExternalOptions::for_root(root);
        opts.allow_private = self.external_allow_private;
        if let Some(secs) = self.external_timeout {
            opts.time_limit = std::time::Duration::from_secs(secs);
        }
        opts
    }
}

/// Flags `build` and `check` share.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Absolute URL the site is published at; overrides `base_url` in briefing.yaml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Include articles dated after the build date (by default they are
    /// left out, each with a note).
    #[arg(long)]
    pub future: bool,
    /// Treat every warning as an error.
    #[arg(long)]
    pub strict: bool,
    /// The build date feeds give (`lastBuildDate`, Atom `updated`); by
    /// default the newest article's date, so builds repeat.
    #[arg(long, value_name = "DATE")]
    pub build_date: Option<String>,
    /// Print what boilerplate cleaning removed from FILE (a path under the
    /// site root, e.g. content/2024/x.md) and why. May be repeated.
    #[arg(long, value_name = "FILE")]
    pub explain: Vec<PathBuf>,
    /// Print every story of more than one article and why its reports were merged.
    #[arg(long)]
    pub explain_clusters: bool,
    /// Print why two articles (paths under the site root) are one story or
    /// two: their comparison signal by signal, the rare things they share
    /// and what only one of them has. May be repeated.
    #[arg(long, num_args = 2, value_names = ["FILE", "FILE"])]
    pub explain_pair: Vec<PathBuf>,
    /// Print the time each stage took (load, parse, enrich, group, cluster,
    /// related, render, write) after the summary.
    #[arg(long)]
    pub timings: bool,
}

impl Cli {
    /// The config overrides these flags ask for.
    fn overrides(&self) -> Overrides {
        let (output, force, common) = match &self.command {
            Command::Build(a) => (a.output.clone(), a.force, &a.common),
            Command::Check(a) => (None, false, &a.common),
            Command::Init(_) => return Overrides::default(),
            Command::Serve(a) => {
                return Overrides {
                    drafts: a.drafts,
                    future: a.future,
                    ..Overrides::default()
                };
            }
        };
        Overrides {
            output,
            base_url: common.base_url.clone(),
            drafts: common.drafts,
            future: common.future,
            strict: common.strict,
            build_date: common.build_date.clone(),
            force,
        }
    }
}

/// Runs the parsed command line and prints the outcome.
pub fn run(cli: Cli) -> ExitCode {
    let (writes, common) = match &cli.command {
        Command::Build(a) => (true, &a.common),
        Command::Check(a) => (false, &a.common),
        Command::Init(a) => return init(a),
        Command::Serve(a) => return serve(&cli, a),
    };
    let opts = match config::load(&cli.root, &cli.overrides()) {
        Ok(opts) => opts,
        Err(problems) => {
            let failure = BuildFailure::from(problems.into_iter().collect::<Diagnostics>());
            print_diagnostics(&failure.diagnostics);
            eprintln!("error: the site config has errors; nothing was built");
            return ExitCode::from(1);
        }
    };
    let external = match &cli.command {
        Command::Check(a) if a.external => Some(a.external_options(&opts.root)),
        _ => None,
    };
    if writes {
        // Ctrl-C or SIGTERM mid-write: the writer removes its staging folder
        // first; at any other moment there is nothing to undo.
        let _ = ctrlc::set_handler(|| {
            crate::write::on_interrupt(|| std::process::exit(130));
        });
    }
    let result = if writes {
        let bar = ProgressBar::for_stderr();
        let built = crate::build_site(&opts, &bar);
        bar.clear();
        built
    } else {
        crate::check_site(&opts).and_then(|mut site| {
            if let Some(external) = &external {
                let found = crate::external::check(
                    &site.files,
                    &opts.site.base_url,
                    &opts.out_dir_shown(),
                    external,
                );
                site.report.diagnostics.extend(found);
                if opts.strict {
                    site.report.diagnostics.make_warnings_errors();
                }
                if site.report.diagnostics.has_errors() {
                    return Err(site.report.diagnostics.into());
                }
            }
            Ok(site)
        })
    };
    match result {
        Ok(site) => {
            print_diagnostics(&site.report.diagnostics);
            let explained = explain(&site, common, &opts);
            let verb = if writes { "built" } else { "checked" };
            eprintln!("{}", summary(verb, &site.report, writes.then_some(&opts)));
            if common.timings {
                for (stage, took) in &site.report.timings {
                    eprintln!("  {stage:<24} {:>8.3}s", took.as_secs_f64());
                }
            }
            explained
        }
        Err(failure) if crate::write::interrupted() => {
            print_diagnostics(&failure.diagnostics);
            ExitCode::from(130)
        }
        Err(failure) => fail(&failure, &opts, writes),
    }
}

/// The build's progress on a terminal: nothing for the first second (most
/// builds are done by then), nothing at all when stderr is not a terminal.
struct ProgressBar {
    bar: Option<indicatif::ProgressBar>,
    started: std::time::Instant,
}

impl ProgressBar {
    /// How long a build runs before the bar appears.
    const DELAY: std::time::Duration = std::time::Duration::from_secs(1);

    fn for_stderr() -> Self {
        use std::io::IsTerminal;
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                None,
                indicatif::ProgressDrawTarget::hidden(),
            );
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {msg:<24} {wide_bar} {pos}/{len} files {elapsed}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        ProgressBar {
            bar,
            started: std::time::Instant::now(),
        }
    }

    fn show_if_slow(&self, bar: &indicatif::ProgressBar) {
        if bar.is_hidden() && self.started.elapsed() >= Self::DELAY {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn clear(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl crate::Progress for ProgressBar {
    fn stage(&self, name: &'static str) {
        if let Some(bar) = &self.bar {
            bar.set_message(name);
            self.show_if_slow(bar);
            bar.tick();
        }
    }

    fn files(&self, done: u64, total: u64) {
        if let Some(bar) = &self.bar {
            if bar.length() != Some(total) {
                bar.set_length(total);
            }
            bar.set_position(done);
            self.show_if_slow(bar);
        }
    }
}

/// Runs the preview server, printing what it reports.
fn serve(cli: &Cli, args: &ServeArgs) -> ExitCode {
    use crate::serve::{ServeEvent, ServeOptions};
    let open = args.open;
    let show_timings = args.timings;
    let opts = ServeOptions {
        root: cli.root.clone(),
        overrides: cli.overrides(),
        bind: args.bind.clone(),
        allow_hosts: args.allow_hosts.clone(),
        port: args.port,
        header_timeout: std::time::Duration::from_secs(args.header_timeout),
    };
    let result = crate::serve::run(opts, move |event| match event {
        ServeEvent::Listening(url) => {
            eprintln!("serving {url} (Ctrl-C to stop)");
            if open {
                open_browser(&url);
            }
        }
        ServeEvent::Changed(kind) => eprintln!("change in {kind:?}, rebuilding"),
        ServeEvent::Built {
            articles,
            pages,
            elapsed,
            diagnostics,
            timings,
        } => {
            print_diagnostics(&diagnostics);
            eprintln!(
                "built {articles} articles, {pages} pages in {:.2}s",
                elapsed.as_secs_f64()
            );
            if show_timings {
                for (stage, took) in &timings {
                    eprintln!("  {stage:<24} {:>8.3}s", took.as_secs_f64());
                }
            }
        }
        ServeEvent::Failed(diagnostics) => {
            print_diagnostics(&diagnostics);
            eprintln!("error: the build failed; still serving the last good site");
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// Best effort: the platform's opener, or nothing.
fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let _ = std::process::Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

/// A path given on the command line as the site names its articles:
/// relative to the site root, `.` and `..` folded (`content/../content/x.md`
/// is `content/x.md`), whether typed from the root, from the current folder
/// (`site/content/x.md`) or in full.
fn under_root(file: &Path, root: &Path) -> PathBuf {
    let folded = |p: &Path| {
        let mut out = PathBuf::new();
        for part in p.components() {
            match part {
                std::path::Component::CurDir => {}
                std::path::Component::ParentDir => {
                    if matches!(
                        out.components().next_back(),
                        Some(std::path::Component::Normal(_))
                    ) {
                        out.pop();
                    } else if !matches!(
                        out.components().next_back(),
                        Some(std::path::Component::RootDir)
                    ) {
                        out.push("..");
                    }
                }
                other => out.push(other),
            }
        }
        out
    };
    let absolute = |p: &Path| std::path::absolute(p).map(|a| folded(&a)).ok();
    match (absolute(file), absolute(root)) {
        (Some(f), Some(r)) if f.starts_with(&r) => {
            f.strip_prefix(&r).map(Path::to_path_buf).unwrap_or(f)
        }
        _ => folded(file),
    }
}

/// Prints what `--explain` and `--explain-clusters` ask for, to stdout.
fn explain(site: &crate::RenderedSite, common: &CommonArgs, opts: &BuildOptions) -> ExitCode {
    let mut code = ExitCode::SUCCESS;
    for file in &common.explain {
        let rel = under_root(file, &opts.root);
        let text = std::fs::read_to_string(opts.root.join(&rel)).unwrap_or_default();
        let text = text.replace("\r\n", "\n");
        match crate::explain::cleaning(&site.digest, &rel, text.trim_start_matches('\u{feff}')) {
            Some(s) => print!("{s}"),
            None => {
                eprintln!(
                    "error: `{}` is not an article of this site (give its path under the site root, e.g. content/x.md)",
                    rel.display()
                );
                code = ExitCode::from(1);
            }
        }
    }
    if common.explain_clusters {
        print!(
            "{}",
            crate::explain::clusters(&site.digest, crate::digest::cluster_settings(&opts.site))
        );
    }
    if common.explain_pair.is_empty() {
        return code;
    }
    let settings = crate::digest::cluster_settings(&opts.site);
    let corpus = crate::digest::story_features(&site.digest.entries);
    for pair in common.explain_pair.chunks(2) {
        let [a, b] = pair else { continue };
        let (a, b) = (under_root(a, &opts.root), under_root(b, &opts.root));
        match crate::explain::pair(&site.digest, &corpus, &a, &b, settings) {
            Ok(s) => println!("{s}"),
            Err(missing) => {
                eprintln!(
                    "error: `{}` is not an article of this site (give its path under the site root, e.g. content/x.md)",
                    missing.display()
                );
                code = ExitCode::from(1);
            }
        }
    }
    code
}

/// Runs `init` and prints what it created, or why it wrote nothing.
fn init(args: &InitArgs) -> ExitCode {
    let problem = |path: &Path, message: &str| {
        eprintln!(
            "{}",
            Diagnostic::error(Location::file(shown_path(path)), message)
        );
    };
    let source = match InstallSource::new(args.from_git.as_deref(), args.rev.as_deref()) {
        Ok(source) => source,
        Err(problems) => {
            for e in &problems {
                let flag = match e {
                    SourceError::Git { .. } => "--from-git",
                    SourceError::Rev { .. } => "--rev",
                };
                eprintln!(
                    "{}",
                    Diagnostic::error(Location::file(flag), e.to_string()).with_help(e.help())
                );
            }
            eprintln!("error: nothing was written");
            return ExitCode::from(2);
        }
    };
    match crate::init::create_site(&args.dir, &source) {
        Ok(created) => {
            for path in &created {
                eprintln!("created {}", Location::file(shown_path(path)));
            }
            let root = shown_path(&args.dir);
            let build = if root.as_os_str().is_empty() {
                "briefing build".to_owned()
            } else {
                format!("briefing --root {} build", shell_word(&root))
            };
            eprintln!(
                "next steps: edit {} and add articles under {}/, then run: {build}",
                Location::file(shown_path(&args.dir.join(config::CONFIG_FILE))),
                Location::file(shown_path(&args.dir.join("content")))
            );
            ExitCode::SUCCESS
        }
        Err(InitError::Exists { paths }) => {
            for path in &paths {
                problem(
                    path,
                    "already exists; `briefing init` never overwrites a file",
                );
            }
            eprintln!(
                "error: nothing was written; move the existing files away or give another folder: briefing init DIR"
            );
            ExitCode::from(1)
        }
        Err(InitError::NotAFolder { path }) => {
            problem(&path, "exists and is not a folder");
            eprintln!("error: nothing was written");
            ExitCode::from(1)
        }
        Err(InitError::Fs(e)) => {
            problem(&e.path, &format!("failed to {}: {}", e.action, e.source));
            eprintln!(
                "error: the site was not created; the files written before the failure were removed"
            );
            ExitCode::from(1)
        }
    }
}

/// A path as typed from the current folder, without a leading `./`
/// (`./briefing.yaml` → `briefing.yaml`, `.` → empty).
fn shown_path(path: &Path) -> PathBuf {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

/// `path` as one shell word: as is when it is plain, else single-quoted.
fn shell_word(path: &Path) -> String {
    let s = path.to_string_lossy();
    let plain = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+:@%".contains(c));
    if plain && !s.is_empty() {
        s.into_owned()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

fn fail(failure: &BuildFailure, opts: &BuildOptions, writes: bool) -> ExitCode {
    print_diagnostics(&failure.diagnostics);
    let files = failure.diagnostics.files_with_errors();
    let what = if files == 1 {
        "1 file has errors".to_owned()
    } else {
        format!("{files} files have errors")
    };
    if writes {
        eprintln!(
            "error: {what}; {} was not changed",
            display_dir(&opts.out_dir)
        );
    } else {
        eprintln!("error: {what}");
    }
    ExitCode::from(1)
}

fn print_diagnostics(diagnostics: &Diagnostics) {
    for d in diagnostics.iter() {
        eprintln!("{d}");
    }
}

/// `built 16 articles: 120 pages, 25 feeds, search index 14.2 kB, 0 warnings in 0.12s → public/`
fn summary(verb: &str, r: &BuildReport, opts: Option<&BuildOptions>) -> String {
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let mut line = format!(
        "{verb} {}: {}, {}, search index {}, {} in {:.2}s",
        plural(r.articles, "article", "articles"),
        plural(r.pages, "page", "pages"),
        plural(r.feeds, "feed", "feeds"),
        size(r.search_index_bytes),
        plural(r.diagnostics.warning_count(), "warning", "warnings"),
        r.elapsed.as_secs_f64()
    );
    if let Some(opts) = opts {
        line.push_str(&format!(" → {}", display_dir(&opts.out_dir)));
    }
    line
}

/// A size in decimal units, as hosts state their limits: `812 B`,
/// `14.2 kB`, `1.9 MB`.
fn size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// The output folder as the user would write it: relative to the current
/// folder when inside it, with a trailing slash.
fn display_dir(dir: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let shown = dir.strip_prefix(&cwd).unwrap_or(dir);
    let shown = shown.strip_prefix(".").unwrap_or(shown);
    if shown.as_os_str().is_empty() {
        return "./".to_owned();
    }
    format!("{}/", shown.display())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn sizes_are_shown_in_decimal_units() {
        let cases = [
            (0, "0 B"),
            (999, "999 B"),
            (1_000, "1.0 kB"),
            (14_249, "14.2 kB"),
            (1_949_000, "1.9 MB"),
        ];
        for (bytes, shown) in cases {
            assert_eq!(size(bytes), shown, "{bytes}");
        }
    }

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn parses_build_flags() {
        let cli = Cli::try_parse_from([
            "briefing",
            "build",
            "--root",
            "../mysite",
            "--output",
            "dist",
            "--base-url",
            "https://digest.example.org/",
            "--drafts",
        ])
        .unwrap();
        assert_eq!(cli.root, PathBuf::from("../mysite"));
        let o = cli.overrides();
        assert_eq!(o.output, Some(PathBuf::from("dist")));
        assert_eq!(o.base_url.as_deref(), Some("https://digest.example.org/"));
        assert!(o.drafts && !o.strict && !o.future);
    }

    #[test]
    fn future_is_a_flag_of_build_check_and_serve() {
        for command in ["build", "check", "serve"] {
            let cli = Cli::try_parse_from(["briefing", command, "--future"]).unwrap();
            assert!(cli.overrides().future, "{command}");
            let cli = Cli::try_parse_from(["briefing", command]).unwrap();
            assert!(!cli.overrides().future, "{command}");
        }
        assert!(Cli::try_parse_from(["briefing", "init", "--future"]).is_err());
    }

    #[test]
    fn parses_serve_flags() {
        let cli = Cli::try_parse_from([
            "briefing", "serve", "--port", "0", "--bind", "::1", "--drafts",
        ])
        .unwrap();
        let Command::Serve(args) = &cli.command else {
            panic!("expected serve");
        };
        assert_eq!(args.port, 0);
        assert_eq!(args.bind.to_string(), "[::1]");
        assert!(cli.overrides().drafts);
        let cli = Cli::try_parse_from(["briefing", "serve"]).unwrap();
        let Command::Serve(args) = &cli.command else {
            panic!("expected serve");
        };
        assert_eq!(
            (
                args.bind.to_string().as_str(),
                args.port,
                args.header_timeout
            ),
            ("127.0.0.1", 1111, 5)
        );
        for bad in ["0", "3601", "1.5", "soon"] {
            assert!(
                Cli::try_parse_from(["briefing", "serve", "--header-timeout", bad]).is_err(),
                "{bad}"
            );
        }
        // A name is checked for its letters here and resolved when serving.
        let cli = Cli::try_parse_from([
            "briefing",
            "serve",
            "--bind",
            "Preview.Example.",
            "--allow-host",
            "proxy.example",
            "--allow-host",
            "192.0.2.1",
        ])
        .unwrap();
        let Command::Serve(args) = &cli.command else {
            panic!("expected serve");
        };
        assert_eq!(args.bind.to_string(), "preview.example");
        let allowed: Vec<String> = args.allow_hosts.iter().map(ToString::to_string).collect();
        assert_eq!(allowed, ["proxy.example", "192.0.2.1"]);
        for bad in ["not a host", "localhost:8080", "*"] {
            assert!(
                Cli::try_parse_from(["briefing", "serve", "--bind", bad]).is_err(),
                "{bad}"
            );
            assert!(
                Cli::try_parse_from(["briefing", "serve", "--allow-host", bad]).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn paths_on_the_command_line_are_named_as_the_site_names_articles() {
        let root = Path::new("site");
        assert_eq!(
            under_root(Path::new("content/../content/x.md"), root),
            Path::new("content/x.md")
        );
        assert_eq!(
            under_root(Path::new("site/content/./x.md"), root),
            Path::new("content/x.md")
        );
        let here = std::env::current_dir().unwrap();
        assert_eq!(
            under_root(&here.join("site/content/x.md"), root),
            Path::new("content/x.md")
        );
        assert_eq!(
            under_root(Path::new("../../etc/passwd"), root),
            Path::new("../../etc/passwd")
        );
    }

    #[test]
    fn parses_explain_flags() {
        let cli = Cli::try_parse_from([
            "briefing",
            "check",
            "--explain",
            "content/a.md",
            "--explain",
            "content/b.md",
            "--explain-clusters",
        ])
        .unwrap();
        let Command::Check(args) = cli.command else {
            panic!("expected check");
        };
        assert_eq!(args.common.explain.len(), 2);
        assert!(args.common.explain_clusters);
    }

    #[test]
    fn parses_init_with_and_without_a_folder() {
        let cli = Cli::try_parse_from(["briefing", "init"]).unwrap();
        let Command::Init(args) = &cli.command else {
            panic!("expected init");
        };
        assert_eq!(args.dir, PathBuf::from("."));

        let cli = Cli::try_parse_from(["briefing", "init", "../my site"]).unwrap();
        let Command::Init(args) = &cli.command else {
            panic!("expected init");
        };
        assert_eq!(args.dir, PathBuf::from("../my site"));
        assert!(Cli::try_parse_from(["briefing", "init", "a", "b"]).is_err());
        assert!(Cli::try_parse_from(["briefing", "init", "--drafts"]).is_err());
        assert_eq!(
            (args.from_git.as_deref(), args.rev.as_deref()),
            (None, None)
        );
    }

    #[test]
    fn parses_init_install_source_flags() {
        let cli = Cli::try_parse_from([
            "briefing",
            "init",
            "site",
            "--from-git",
            "https://github.com/acme/briefing",
            "--rev",
            "v0.2.0",
        ])
        .unwrap();
        let Command::Init(args) = &cli.command else {
            panic!("expected init");
        };
        assert_eq!(args.dir, PathBuf::from("site"));
        assert_eq!(
            (args.from_git.as_deref(), args.rev.as_deref()),
            (Some("https://github.com/acme/briefing"), Some("v0.2.0"))
        );
        // The values are checked when `init` runs, so they can be reported
        // as diagnostics; each flag still needs one.
        assert!(Cli::try_parse_from(["briefing", "init", "--rev"]).is_err());
        assert!(Cli::try_parse_from(["briefing", "init", "--from-git"]).is_err());
        assert!(Cli::try_parse_from(["briefing", "build", "--rev", "v1"]).is_err());
    }

    #[test]
    fn init_hint_paths_read_as_typed() {
        let cases = [
            (".", ""),
            ("./site", "site"),
            ("site/./content", "site/content"),
            ("../x", "../x"),
        ];
        for (input, shown) in cases {
            assert_eq!(
                shown_path(Path::new(input)),
                PathBuf::from(shown),
                "{input}"
            );
        }
        let words = [
            ("site", "site"),
            ("../sites/threat-digest", "../sites/threat-digest"),
            ("my site", "'my site'"),
            ("it's", "'it'\\''s'"),
        ];
        for (input, word) in words {
            assert_eq!(shell_word(Path::new(input)), word, "{input}");
        }
    }

    #[test]
    fn external_flags_need_external() {
        let parse = |args: &[&str]| {
            Cli::try_parse_from(["briefing", "check"].iter().chain(args)).map(|cli| {
                match cli.command {
                    Command::Check(a) => a.external_options(Path::new("site")),
                    _ => panic!("expected check"),
                }
            })
        };
        let defaults = parse(&["--external"]).unwrap();
        assert!(!defaults.allow_private);
        assert_eq!(defaults.time_limit.as_secs(), 60);
        let set = parse(&[
            "--external",
            "--external-allow-private",
            "--external-timeout",
            "5",
        ])
        .unwrap();
        assert!(set.allow_private);
        assert_eq!(set.time_limit.as_secs(), 5);
        assert!(parse(&["--external-allow-private"]).is_err());
        assert!(parse(&["--external-timeout", "5"]).is_err());
        assert!(parse(&["--external", "--external-timeout", "0"]).is_err());
        assert!(parse(&["--external", "--external-timeout", "86400"]).is_ok());
        assert!(parse(&["--external", "--external-timeout", "86401"]).is_err());
        assert!(parse(&["--external", "--external-timeout", "soon"]).is_err());
    }

    #[test]
    fn parses_check_and_rejects_unknown() {
        let cli = Cli::try_parse_from(["briefing", "check", "--strict"]).unwrap();
        assert!(cli.overrides().strict);
        assert!(Cli::try_parse_from(["briefing", "check", "--output", "x"]).is_err());
        assert!(Cli::try_parse_from(["briefing", "frobnicate"]).is_err());
    }
}
