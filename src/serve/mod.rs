//! `briefing serve`: a live preview that never dies.
//!
//! Takes the site root and the CLI's overrides; serves the rendered site from
//! memory over HTTP (axum on tokio), watches the site's folders, rebuilds on
//! every change and tells open pages to reload over Server-Sent Events. A
//! failed rebuild keeps the last good site and shows an overlay naming every
//! `path:line:col`; the next good build clears it. Nothing is written to
//! disk. A request whose `Host` is not one the preview answers to is refused
//! ([`hosts`]), and a connection that does not send a whole request head
//! within the header timeout, or sits idle that long between requests, is
//! closed. The library never prints: what happens is reported through the
//! `report` callback, and the CLI prints it.
//!
//! # Note
//! Every change re-prepares the whole site (re-parsing only files whose text
//! changed) and pages render from that new model on request, so no list, tag
//! page or feed can go stale, and a change costs the prepare, not a render of
//! every page.

pub mod hosts;
pub mod watch;

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::Service as _;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::sync::{broadcast, mpsc};
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::config::{self, Overrides};
use crate::diagnostics::Diagnostics;
use crate::render::{Job, Recipe, Renderer};
use crate::{ArticleCache, PreparedSite};
use hosts::{AcceptedHosts, HostName};
use std::sync::Mutex;

/// The path pages listen on for reloads.
pub const EVENTS_PATH: &str = "/__briefing/events";

/// How long the files must be quiet before a burst of events (an editor's
/// save is several, a millisecond or two apart) starts a rebuild. A burst
/// spread wider costs a second rebuild, never a wrong page.
const DEBOUNCE: Duration = Duration::from_millis(20);

/// Whether a file event changes the site (not an open, read or `chmod`).
fn is_change(kind: &notify::EventKind) -> bool {
    use notify::EventKind;
    use notify::event::ModifyKind;
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        _ => false,
    }
}

/// The generation number that means "the server is stopping".
const STOPPING: u64 = u64::MAX;

/// How long a connection may take to send a request head, and may sit idle
/// between requests, unless `--header-timeout` says otherwise.
pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(5);

/// How long Ctrl-C waits for responses in flight before stopping anyway.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// The pause after a failed `accept`, so an error that persists (too many
/// open files) cannot spin the loop.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// How `serve` runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Site root.
    pub root: PathBuf,
    /// `--drafts`, `--strict` and the like; `base_url` is set to the
    /// server's own address.
    pub overrides: Overrides,
    /// Address or host name to listen on, `127.0.0.1` by default. A name
    /// is also a Host the preview answers to.
    pub bind: HostName,
    /// More Host names (or addresses) to answer to, for a reverse proxy or a
    /// name on the local network.
    pub allow_hosts: Vec<HostName>,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// How long a connection may take to send a request head, counted from
    /// when it opens or its last response ends ([`DEFAULT_HEADER_TIMEOUT`]).
    pub header_timeout: Duration,
}

/// What the server reports as it runs.
#[derive(Debug, Clone)]
pub enum ServeEvent {
    /// Listening at this URL.
    Listening(String),
    /// A build finished: articles, pages, time taken, and its warnings.
    Built {
        /// Articles built.
        articles: usize,
        /// Pages built.
        pages: usize,
        /// Wall time of the rebuild.
        elapsed: Duration,
        /// Warnings.
        diagnostics: Diagnostics,
        /// Wall time of each stage of the rebuild.
        timings: Vec<(&'static str, Duration)>,
    },
    /// A build failed; the previous site stays up.
    Failed(Diagnostics),
    /// A change to the site that started a rebuild.
    Changed(watch::ChangeKind),
}

/// Why the server could not start or had to stop.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The site root does not exist or cannot be resolved.
    #[error("cannot open the site root `{}`: {source}", path.display())]
    Root {
        /// The root as given.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// `--bind NAME` does not resolve.
    #[error("cannot resolve `{name}` to listen on: {source}")]
    Resolve {
        /// The name asked for.
        name: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The address is in use or not allowed.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The file watcher could not start.
    #[error("cannot watch `{}` for changes: {message}", path.display())]
    Watch {
        /// The folder.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// The async runtime or server failed.
    #[error("server error: {0}")]
    Io(#[from] std::io::Error),
}

/// The site as the server holds it: the grouped site and its plan, with
/// pages rendered when first asked for and kept until the next change.
#[derive(Default)]
struct Snapshot {
    site: Option<Prepared>,
    /// Rendered files so far, by output path.
    rendered: Mutex<HashMap<String, Arc<Vec<u8>>>>,
}

/// A prepared site and what rendering it on demand needs.
struct Prepared {
    prepared: PreparedSite,
    config: crate::config::SiteConfig,
    plan: Arc<Vec<Recipe>>,
    /// Output path → index in `plan`.
    index: Arc<HashMap<String, usize>>,
    /// Theme files by output path.
    theme: HashMap<String, Arc<Vec<u8>>>,
    /// The home list, made once rather than per request, and each group's
    /// story list, made by the first request that needs it.
    stories: crate::render::StoryLists,
}

impl Snapshot {
    /// Whether the site has a file at `path` (without rendering it).
    fn exists(&self, path: &str) -> bool {
        self.site
            .as_ref()
            .is_some_and(|s| s.theme.contains_key(path) || s.index.contains_key(path))
    }

    /// The bytes at `path`, rendering its recipe if needed.
    fn get(&self, path: &str) -> Option<Result<Arc<Vec<u8>>, String>> {
        let site = self.site.as_ref()?;
        if let Some(b) = site.theme.get(path) {
            return Some(Ok(b.clone()));
        }
        let recipe = &site.plan[*site.index.get(path)?];
        if let Some(b) = self.rendered.lock().ok().and_then(|r| r.get(path).cloned()) {
            return Some(Ok(b));
        }
        let p = &site.prepared;
        let renderer = Renderer::new(
            &p.digest,
            &p.templates,
            &site.config,
            &p.kev,
            &site.plan,
            &site.stories,
        );
        match renderer.render(recipe) {
            Ok(files) => {
                let mut found = None;
                if let Ok(mut cache) = self.rendered.lock() {
                    for f in files {
                        let bytes = Arc::new(f.bytes);
                        if f.path == path {
                            found = Some(bytes.clone());
                        }
                        cache.insert(f.path, bytes);
                    }
                }
                found.map(Ok)
            }
            Err(d) => Some(Err(d.to_string())),
        }
    }
}

/// State shared by the handlers and the rebuild task.
struct AppState {
    site: RwLock<Arc<Snapshot>>,
    /// The last build's errors, shown as an overlay until a build succeeds.
    error: RwLock<Option<String>>,
    reload: broadcast::Sender<u64>,
    generation: AtomicU64,
}

/// Runs the preview until Ctrl-C.
///
/// # Errors
/// When the address cannot be bound or the watcher cannot start. Build
/// errors never stop the server.
pub fn run(
    opts: ServeOptions,
    report: impl Fn(ServeEvent) + Send + Sync + 'static,
) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(serve(opts, Arc::new(report)))
}

async fn serve(
    opts: ServeOptions,
    report: Arc<dyn Fn(ServeEvent) + Send + Sync>,
) -> Result<(), ServeError> {
    // One canonical root for reading, watching and classifying: the watcher
    // reports paths under the folder it was given, and a `--root` that is a
    // symlink (or has `..` in it) would otherwise never match the root the
    // events are classified against, so no change would rebuild.
    let root = opts
        .root
        .canonicalize()
        .map_err(|source| ServeError::Root {
            path: opts.root.clone(),
            source,
        })?;
    let listener = listen(&opts.bind, opts.port).await?;
    let local = listener.local_addr()?;
    let url = format!(
        "http://{}:{}/",
        url_host(&opts.bind, local.ip()),
        local.port()
    );
    let accepted = Arc::new(AcceptedHosts::new(
        std::iter::once(opts.bind.clone())
            .filter(|b| matches!(b, HostName::Name(_)))
            .chain(opts.allow_hosts.iter().cloned()),
    ));
    let mut overrides = opts.overrides.clone();
    overrides.base_url = Some(url.clone());

    let (reload, _) = broadcast::channel(16);
    let state = Arc::new(AppState {
        site: RwLock::new(Arc::new(Snapshot::default())),
        error: RwLock::new(None),
        reload,
        generation: AtomicU64::new(0),
    });
    let cache = Arc::new(Mutex::new(ArticleCache::default()));
    rebuild(&root, &overrides, &cache, &state, &report, false).await;

    // The debouncer hands each burst's changed paths to the rebuild task.
    // Only changes count: our own reads of the site (opens, accesses) must
    // not start a rebuild, or every build would start the next.
    let (tx, mut rx) = mpsc::unbounded_channel::<Vec<PathBuf>>();
    let watch_error = |e: notify::Error| ServeError::Watch {
        path: root.clone(),
        message: e.to_string(),
    };
    let mut watcher = notify_debouncer_full::new_debouncer(
        DEBOUNCE,
        None,
        move |res: notify_debouncer_full::DebounceEventResult| {
            let Ok(events) = res else { return };
            let paths: Vec<PathBuf> = events
                .into_iter()
                .filter(|e| is_change(&e.kind))
                .flat_map(|e| e.event.paths)
                .collect();
            if !paths.is_empty() {
                let _ = tx.send(paths);
            }
        },
    )
    .map_err(watch_error)?;
    watcher
        .watch(&root, notify::RecursiveMode::Recursive)
        .map_err(watch_error)?;
    let out_dir = config::load(&root, &overrides)
        .map(|o| o.out_dir)
        .unwrap_or_else(|_| root.join("public"));
    let out_dir = out_dir.canonicalize().unwrap_or(out_dir);
    let rebuild_state = state.clone();
    let rebuild_report = report.clone();
    let rebuild_root = root.clone();
    tokio::spawn(async move {
        while let Some(mut paths) = rx.recv().await {
            // Bursts that arrived during the last build join this one.
            while let Ok(more) = rx.try_recv() {
                paths.extend(more);
            }
            let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
            if let Some(kind) = watch::classify(&refs, &root, &out_dir) {
                rebuild_report(ServeEvent::Changed(kind));
                // Articles depend on the config and the watch-list.
                if matches!(kind, watch::ChangeKind::Config | watch::ChangeKind::Data)
                    && let Ok(mut c) = cache.lock()
                {
                    c.clear();
                }
                // A new config may regroup every article (time zone, aliases)
                // without changing one: only then is the last site no base.
                let reuse = kind != watch::ChangeKind::Config;
                rebuild(
                    &rebuild_root,
                    &overrides,
                    &cache,
                    &rebuild_state,
                    &rebuild_report,
                    reuse,
                )
                .await;
            }
        }
    });

    // Listening for Ctrl-C from before the URL is announced: registered
    // only once the serving loop first polled it, a Ctrl-C right after the
    // announcement killed the process instead of stopping it (seen under
    // load).
    let interrupted = interrupt()?;
    report(ServeEvent::Listening(url));
    let app = Router::new()
        .route(EVENTS_PATH, get(events))
        .route(RELOAD_JS_PATH, get(reload_js))
        .route(OVERLAY_CSS_PATH, get(overlay_css))
        .fallback(file)
        .with_state(state.clone())
        // Outermost, so no route (the event stream and the overlay's files
        // included) answers a foreign Host.
        .layer(axum::middleware::from_fn_with_state(
            accepted,
            refuse_other_hosts,
        ));
    serve_connections(listener, app, opts.header_timeout, &state, interrupted).await;
    drop(watcher);
    Ok(())
}

/// Listens on `bind`: an address as given, a name at the first address it
/// resolves to that can be bound.
async fn listen(bind: &HostName, port: u16) -> Result<tokio::net::TcpListener, ServeError> {
    let addrs: Vec<SocketAddr> = match bind {
        HostName::Ip(ip) => vec![SocketAddr::new(*ip, port)],
        HostName::Name(name) => tokio::net::lookup_host((name.as_str(), port))
            .await
            .map_err(|source| ServeError::Resolve {
                name: name.clone(),
                source,
            })?
            .collect(),
    };
    // When every address fails, the last one's error is the one shown.
    let mut failed = None;
    for addr in addrs {
        match tokio::net::TcpListener::bind(addr).await {
            Ok(listener) => return Ok(listener),
            Err(source) => failed = Some(ServeError::Bind { addr, source }),
        }
    }
    Err(failed.unwrap_or_else(|| ServeError::Resolve {
        name: bind.to_string(),
        source: std::io::Error::new(std::io::ErrorKind::NotFound, "it has no address"),
    }))
}

/// The host of the URL the server prints and builds links with: the name
/// it was bound by, else the address it listens on. `0.0.0.0` and `::` are
/// no address to open (and no accepted Host), so those give the loopback
/// address of their family, which the wildcard listens on too.
fn url_host(bind: &HostName, listening: IpAddr) -> HostName {
    match (bind, listening) {
        (HostName::Name(_), _) => bind.clone(),
        (_, IpAddr::V4(ip)) if ip.is_unspecified() => HostName::Ip(Ipv4Addr::LOCALHOST.into()),
        (_, IpAddr::V6(ip)) if ip.is_unspecified() => HostName::Ip(Ipv6Addr::LOCALHOST.into()),
        (_, ip) => HostName::Ip(ip),
    }
}

/// The local address a request's connection arrived at.
#[derive(Debug, Clone, Copy)]
struct Arrival(IpAddr);

/// Passes on requests whose Host this preview answers to; refuses the rest
/// with 421 and [`hosts::REFUSAL`], which quotes nothing of the request or
/// the site. The connection is closed after: a misdirected client has
/// nothing more to ask.
async fn refuse_other_hosts(
    State(accepted): State<Arc<AcceptedHosts>>,
    request: Request,
    next: axum::middleware::Next,
) -> Response {
    let answered = request
        .extensions()
        .get::<Arrival>()
        .is_some_and(|a| accepted.answers(request.headers(), request.uri(), a.0));
    if answered {
        return next.run(request).await;
    }
    (
        StatusCode::MISDIRECTED_REQUEST,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (header::CONNECTION, "close"),
        ],
        hosts::REFUSAL,
    )
        .into_response()
}

/// A future that completes on the next Ctrl-C, listening from now on.
fn interrupt() -> std::io::Result<impl std::future::Future<Output = ()>> {
    #[cfg(unix)]
    let mut signal = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())?;
    #[cfg(windows)]
    let mut signal = tokio::signal::windows::ctrl_c()?;
    Ok(async move {
        signal.recv().await;
    })
}

/// Serves each connection over HTTP/1.1 until Ctrl-C, then ends the open
/// event streams and gives responses in flight [`SHUTDOWN_GRACE`] to finish.
///
/// Our own loop rather than `axum::serve`, which sets no timeouts: hyper's
/// header-read timeout starts when a connection opens and again whenever it
/// goes idle after a response, so it both cuts off a client that stalls
/// mid-head and closes idle keep-alive connections. A response being sent
/// (the reload stream) is not waiting for a head, so it is not cut.
async fn serve_connections(
    listener: tokio::net::TcpListener,
    app: Router,
    header_timeout: Duration,
    state: &AppState,
    ctrl_c: impl std::future::Future<Output = ()>,
) {
    let graceful = GracefulShutdown::new();
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(header_timeout);
    tokio::pin!(ctrl_c);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // A failed accept concerns one connection (it was reset) or
                // passes (descriptors run out); the preview keeps serving.
                Err(_) => {
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                    continue;
                }
            },
            _ = &mut ctrl_c => break,
        };
        // Which Host a request may name depends on the address its
        // connection reached (see `hosts`), so each request carries it.
        let arrival = match stream.local_addr() {
            Ok(local) => Arrival(local.ip()),
            Err(_) => continue,
        };
        let app = TowerToHyperService::new(app.clone());
        let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
            request.extensions_mut().insert(arrival);
            app.call(request)
        });
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // A client that resets or times out is that connection's end,
            // not the server's.
            let _ = connection.await;
        });
    }
    drop(listener);
    // End the open event streams first: a stream that never ends would hold
    // graceful shutdown for the whole grace period.
    let _ = state.reload.send(STOPPING);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(SHUTDOWN_GRACE) => {}
    }
}

/// Prepares the site (reusing unchanged articles) and swaps it in, or keeps
/// the last good one and records the errors for the overlay. Pages render
/// when asked for, so a change costs the prepare, not a render of every
/// page. A sample of pages (home, an article, the 404, the site feeds) is
/// rendered at once so that template errors show up now, not on a click.
/// Open pages reload either way.
async fn rebuild(
    root: &Path,
    overrides: &Overrides,
    cache: &Arc<Mutex<ArticleCache>>,
    state: &Arc<AppState>,
    report: &Arc<dyn Fn(ServeEvent) + Send + Sync>,
    reuse: bool,
) {
    let started = Instant::now();
    let root = root.to_path_buf();
    let overrides = overrides.clone();
    let cache = cache.clone();
    let previous = if reuse {
        state.site.read().ok().map(|s| Arc::clone(&s))
    } else {
        None
    };
    let result =
        tokio::task::spawn_blocking(move || -> Result<(Snapshot, Timings), Diagnostics> {
            let opts = config::load(&root, &overrides)
                .map_err(|d| d.into_iter().collect::<Diagnostics>())?;
            let last = previous.as_ref().and_then(|s| s.site.as_ref());
            let prepared = {
                let mut cache = cache.lock().map_err(|_| Diagnostics::new())?;
                match last {
                    Some(last) => crate::prepare_after(&opts, &mut cache, &last.prepared.digest),
                    None => crate::prepare(&opts, Some(&mut cache)),
                }
                .map_err(|f| f.diagnostics)?
            };
            // What of the last plan and its index still holds.
            let kept = last
                .filter(|_| prepared.regrouped != crate::Regrouped::All)
                .map(|l| (Arc::clone(&l.plan), Arc::clone(&l.index)));
            let mut timings = prepared.timings.clone();
            let snapshotting = Instant::now();
            let snapshot = snapshot(prepared, opts.site, kept)?;
            timings.push(("plan and sample render", snapshotting.elapsed()));
            Ok((snapshot, timings))
        })
        .await;
    match result {
        Ok(Ok((snapshot, timings))) => {
            let (articles, pages, diagnostics) = match &snapshot.site {
                Some(site) => (
                    site.prepared.digest.entries.len(),
                    site.plan
                        .iter()
                        .filter(|r| matches!(r, Recipe::Page(_)))
                        .count(),
                    site.prepared.diagnostics.clone(),
                ),
                None => (0, 0, Diagnostics::new()),
            };
            // The last snapshot is dropped after the lock is released, and
            // off this thread: freeing a 10,000-article digest takes
            // milliseconds that requests waiting on the lock need not wait.
            let old = state
                .site
                .write()
                .ok()
                .map(|mut current| std::mem::replace(&mut *current, Arc::new(snapshot)));
            if let Some(old) = old {
                tokio::task::spawn_blocking(move || drop(old));
            }
            if let Ok(mut error) = state.error.write() {
                *error = None;
            }
            report(ServeEvent::Built {
                articles,
                pages,
                elapsed: started.elapsed(),
                diagnostics,
                timings,
            });
        }
        Ok(Err(mut diagnostics)) => {
            diagnostics.sort();
            let text = diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n");
            if let Ok(mut error) = state.error.write() {
                *error = Some(text);
            }
            report(ServeEvent::Failed(diagnostics));
        }
        Err(join) => {
            if let Ok(mut error) = state.error.write() {
                *error = Some(format!("the build stopped unexpectedly: {join}"));
            }
        }
    }
    let generation = state.generation.fetch_add(1, Ordering::SeqCst) + 1;
    let _ = state.reload.send(generation);
}

/// Wall time of each stage.
type Timings = Vec<(&'static str, Duration)>;

/// A render plan and its index by output path.
type PlanIndex = (Arc<Vec<Recipe>>, Arc<HashMap<String, usize>>);

/// A servable snapshot of a prepared site, with a sample rendered to catch
/// template errors.
fn snapshot(
    prepared: PreparedSite,
    config: crate::config::SiteConfig,
    kept: Option<PlanIndex>,
) -> Result<Snapshot, Diagnostics> {
    let (plan, index) = match kept {
        Some(kept) if prepared.regrouped == crate::Regrouped::Nothing => kept,
        Some((plan, index)) => {
            let replanned = crate::render::replan_tags(&plan, &prepared.digest, &config);
            let index = crate::render::reindexed(&plan, &index, &replanned, &prepared.digest);
            (Arc::new(replanned), Arc::new(index))
        }
        None => {
            let plan = crate::render::plan(&prepared.digest, &config);
            let index = crate::render::path_index(&plan, &prepared.digest);
            (Arc::new(plan), Arc::new(index))
        }
    };
    let theme = prepared
        .theme
        .iter()
        .map(|f| (f.path.clone(), Arc::new(f.bytes.clone())))
        .collect();
    let stories = crate::render::StoryLists::new(&prepared.digest);
    let mut rendered = HashMap::new();
    {
        let renderer = Renderer::new(
            &prepared.digest,
            &prepared.templates,
            &config,
            &prepared.kev,
            &plan,
            &stories,
        );
        let sample = [
            Some(Recipe::Page(Job::Home)),
            (!prepared.digest.entries.is_empty()).then_some(Recipe::Page(Job::Article(0))),
            Some(Recipe::Page(Job::NotFound)),
            Some(Recipe::Page(Job::TagIndex)),
            Some(Recipe::Page(Job::Archive)),
            Some(Recipe::SiteFeeds),
        ];
        let mut problems = Diagnostics::new();
        for recipe in sample.iter().flatten() {
            match renderer.render(recipe) {
                Ok(files) => {
                    for f in files {
                        rendered.insert(f.path, Arc::new(f.bytes));
                    }
                }
                Err(d) => problems.push(d),
            }
        }
        if problems.has_errors() {
            return Err(problems);
        }
    }
    Ok(Snapshot {
        site: Some(Prepared {
            prepared,
            config,
            plan,
            index,
            theme,
            stories,
        }),
        rendered: Mutex::new(rendered),
    })
}

/// The reload stream: one event per finished build.
async fn events(
    State(state): State<Arc<AppState>>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let stream = BroadcastStream::new(state.reload.subscribe())
        .filter_map(|g| g.ok())
        .take_while(|g| *g != STOPPING)
        .map(|g| Ok(Event::default().event("reload").data(g.to_string())));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// Serves a file of the current snapshot.
async fn file(State(state): State<Arc<AppState>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
        )
            .into_response();
    }
    let Some(rel) = safe_path(uri.path()) else {
        return (StatusCode::BAD_REQUEST, "bad path").into_response();
    };
    let site = state.site.read().map(|s| s.clone()).unwrap_or_default();
    let overlay = state.error.read().ok().and_then(|e| e.clone());
    let mut render_error = None;
    let mut lookup = |p: &str| match site.get(p) {
        Some(Ok(bytes)) => Some(bytes),
        Some(Err(e)) => {
            render_error = Some(e);
            None
        }
        None => None,
    };
    let (status, path, bytes) = if let Some(b) = lookup(&rel) {
        (StatusCode::OK, rel, b)
    } else if (rel.is_empty() || rel.ends_with('/'))
        && let Some(b) = lookup(&format!("{rel}index.html"))
    {
        (StatusCode::OK, format!("{rel}index.html"), b)
    } else if site.exists(&format!("{rel}/index.html")) {
        // `/tags/x` → `/tags/x/`, so the folder's page is found.
        let to = format!("{}/", uri.path());
        return (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, to)]).into_response();
    } else if let Some(b) = lookup("404.html") {
        (StatusCode::NOT_FOUND, "404.html".to_owned(), b)
    } else {
        (
            StatusCode::NOT_FOUND,
            "404.html".to_owned(),
            Arc::new(b"Not found".to_vec()),
        )
    };
    // A page whose template fails shows the error, like a failed build.
    let (status, overlay) = match render_error {
        Some(e) => (StatusCode::INTERNAL_SERVER_ERROR, Some(e)),
        None => (status, overlay),
    };
    let mime = mime_type(&path);
    let body = if mime.starts_with("text/html") {
        inject(&bytes, overlay.as_deref())
    } else {
        bytes.as_ref().clone()
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    // A preview must never show a stale page from the browser's cache.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The file path under the site for a request path, or `None` if it tries
/// to leave the site (`..`, encoded or not), has a backslash or a NUL, or is
/// not UTF-8.
pub fn safe_path(request_path: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(request_path)
        .decode_utf8()
        .ok()?;
    if decoded.contains('\\') || decoded.contains('\0') || !decoded.starts_with('/') {
        return None;
    }
    let rel = &decoded[1..];
    if rel.split('/').any(|seg| seg == ".." || seg == ".") || rel.starts_with('/') {
        return None;
    }
    Some(rel.to_owned())
}

fn mime_type(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("");
    match ext {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" if path.ends_with("atom.xml") => "application/atom+xml",
        "xml" if path.ends_with("rss.xml") => "application/rss+xml",
        "xml" => "application/xml",
        "opml" => "text/x-opml",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Adds the reload script (and the error overlay) before `</body>`. Only in
/// serve mode: built sites never carry it.
fn inject(html: &[u8], overlay: Option<&str>) -> Vec<u8> {
    let html = String::from_utf8_lossy(html);
    // External script and stylesheet from our own origin, so a page with a
    // Content-Security-Policy of `script-src 'self'` still reloads.
    let mut snippet = format!("<script src=\"{RELOAD_JS_PATH}\"></script>");
    if let Some(errors) = overlay {
        snippet.push_str(&format!(
            "<link rel=\"stylesheet\" href=\"{OVERLAY_CSS_PATH}\"><div id=\"briefing-overlay\" role=\"alert\"><strong>The last build failed; this is the previous site.</strong><pre>{}</pre></div>",
            crate::render::templates::escape_markup(errors)
        ));
    }
    match html.rfind("</body>") {
        Some(i) => format!("{}{snippet}{}", &html[..i], &html[i..]).into_bytes(),
        None => format!("{html}{snippet}").into_bytes(),
    }
}

/// The reload script, served by the preview only.
pub const RELOAD_JS_PATH: &str = "/__briefing/reload.js";
/// The overlay's stylesheet, served by the preview only.
pub const OVERLAY_CSS_PATH: &str = "/__briefing/overlay.css";

const RELOAD_JS: &str = concat!(
    "(function(){var s=new EventSource(\"/__briefing/events\");",
    "s.addEventListener(\"reload\",function(){location.reload();});})();\n"
);

const OVERLAY_CSS: &str = "#briefing-overlay{position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;background:#fff4f4;color:#5c0000;border-top:4px solid #b00020;padding:1rem;font:14px/1.5 ui-monospace,monospace}#briefing-overlay pre{white-space:pre-wrap;margin:.5rem 0 0}\n";

async fn reload_js() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        RELOAD_JS,
    )
}

async fn overlay_css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        OVERLAY_CSS,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_site_are_refused() {
        let cases = [
            ("/", Some("")),
            ("/tags/x/", Some("tags/x/")),
            ("/a%20b.css", Some("a b.css")),
            ("/../Cargo.toml", None),
            ("/%2e%2e/Cargo.toml", None),
            ("/tags/%2E%2E/%2e%2e/x", None),
            ("/./x", None),
            ("//etc/passwd", None),
            ("/a\\b", None),
            ("/%5c..%5cx", None),
            ("/x%00", None),
            ("/%ff", None),
        ];
        for (input, expected) in cases {
            assert_eq!(safe_path(input).as_deref(), expected, "{input}");
        }
    }

    #[test]
    fn reload_script_and_overlay_go_before_body_end() {
        let out = String::from_utf8(inject(
            b"<html><body><p>x</p></body></html>",
            Some("content/a.md:3:7: error: <bad>"),
        ))
        .unwrap();
        assert!(
            out.contains("<script src=\"/__briefing/reload.js\"></script>"),
            "{out}"
        );
        assert!(RELOAD_JS.contains("EventSource(\"/__briefing/events\")"));
        assert!(
            out.contains("content/a.md:3:7: error: &lt;bad&gt;"),
            "{out}"
        );
        assert!(out.ends_with("</body></html>"), "{out}");
        let clean = String::from_utf8(inject(b"<p>x</p>", None)).unwrap();
        assert!(!clean.contains("briefing-overlay"));
    }

    #[test]
    fn the_printed_url_names_an_address_that_is_answered() {
        let name: HostName = "preview.example".parse().expect("a name");
        let cases = [
            (name.clone(), "127.0.0.1", "preview.example"),
            (
                HostName::Ip("0.0.0.0".parse().expect("ip")),
                "0.0.0.0",
                "127.0.0.1",
            ),
            (HostName::Ip("::".parse().expect("ip")), "::", "[::1]"),
            (HostName::Ip("::1".parse().expect("ip")), "::1", "[::1]"),
            (
                HostName::Ip("192.0.2.7".parse().expect("ip")),
                "192.0.2.7",
                "192.0.2.7",
            ),
        ];
        for (bind, listening, shown) in cases {
            let listening: IpAddr = listening.parse().expect("ip");
            assert_eq!(url_host(&bind, listening).to_string(), shown, "{bind}");
        }
    }

    #[test]
    fn mime_types() {
        assert_eq!(mime_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(mime_type("tags/x/atom.xml"), "application/atom+xml");
        assert_eq!(mime_type("feed.json"), "application/json");
        assert_eq!(mime_type("style.css"), "text/css; charset=utf-8");
        assert_eq!(mime_type("x.bin"), "application/octet-stream");
    }
}
