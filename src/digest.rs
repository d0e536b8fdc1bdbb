//! The grouped site model.
//!
//! Takes enriched [`Article`]s and the site config; gives a [`Digest`]: the
//! entries newest first, each with its unique slug and local date, and the
//! groups by tag, by source and by period (ISO week, month, year). Groups hold
//! indices into `entries`, never clones, and live in `BTreeMap`s so every
//! iteration order is fixed.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Datelike, FixedOffset};

use crate::config::SiteConfig;
use crate::enrich::Article;
use crate::enrich::dedupe::{self, ClusterSettings, StoryInput};
use crate::enrich::entities::{Entity, EntityKind};
use crate::slug;

/// Index of an entry in [`Digest::entries`].
pub type EntryId = usize;

/// One article with what grouping decided about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The article, shared with `serve`'s cache, so a rebuild that reuses it
    /// does not copy it.
    pub article: Arc<Article>,
    /// Unique URL slug: `xz-utils-backdoor`, or on a clash
    /// `xz-utils-backdoor-2024-03-29` (see [`stable_slugs`]).
    pub slug: String,
    /// Publication date in the site's time zone.
    pub date: DateTime<FixedOffset>,
    /// Key of its source group, if it has a source or a URL.
    pub source: Option<String>,
    /// Feed id that stays put when the title or slug changes: the canonical
    /// original URL (see [`dedupe::canonical_url`]), else a URL made from the
    /// file path. When several files share an
    /// original URL, all but the first (in path order) get `#SLUG` appended,
    /// so ids stay unique.
    pub guid: String,
}

/// A calendar period for the archive, ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// A year: `2024`.
    Year(i32),
    /// A month of a year.
    Month {
        /// Year.
        year: i32,
        /// 1–12.
        month: u32,
    },
    /// An ISO week (the ISO year can differ from the calendar year).
    Week {
        /// ISO week-numbering year.
        year: i32,
        /// 1–53.
        week: u32,
    },
}

impl Period {
    /// The output folder of the period's page, e.g. `weeks/2024-W49`.
    pub fn path(&self) -> String {
        match self {
            Period::Year(y) => format!("archive/{y:04}"),
            Period::Month { year, month } => format!("archive/{year:04}/{month:02}"),
            Period::Week { year, week } => format!("weeks/{year:04}-W{week:02}"),
        }
    }

    /// The ISO week `date` falls in.
    pub fn week_of(date: &impl Datelike) -> Period {
        let week = date.iso_week();
        Period::Week {
            year: week.year(),
            week: week.week(),
        }
    }

    /// A human title: `2024`, `December 2024`, `Week 49, 2024`.
    pub fn title(&self) -> String {
        match self {
            Period::Year(y) => y.to_string(),
            Period::Month { year, month } => format!("{} {year}", month_name(*month)),
            Period::Week { year, week } => format!("Week {week}, {year}"),
        }
    }
}

/// English month name for 1–12.
pub fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[(month.clamp(1, 12) - 1) as usize]
}

/// A named group of entries (a tag or a source).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Display name: the most used spelling (`Ransomware`).
    pub name: String,
    /// Home page of a source (`https://krebsonsecurity.com/`); `None` for tags.
    pub home: Option<String>,
    /// Entries, newest first.
    pub entries: Vec<EntryId>,
}

/// Every entity's group, members in index order. Entries are newest first,
/// so an entity's first entry is its latest mention, and a smaller id is newer.
fn entity_groups(entities: &BTreeMap<Entity, Vec<EntryId>>) -> BTreeMap<String, EntityGroup> {
    let mut groups: BTreeMap<String, EntityGroup> = BTreeMap::new();
    for (entity, ids) in entities {
        groups
            .entry(entity.group_folder())
            .or_insert_with(|| EntityGroup {
                heading: entity.group_heading(),
                members: Vec::new(),
            })
            .members
            .push((entity.clone(), ids.len()));
    }
    for group in groups.values_mut() {
        group.members.sort_by_cached_key(|(e, count)| {
            let latest = entities[e].first().copied().unwrap_or(usize::MAX);
            (std::cmp::Reverse(*count), latest, e.clone())
        });
    }
    groups
}

/// The entities whose pages share a folder and an index page: one year's
/// CVEs, the ATT&CK techniques, one watch-list group.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityGroup {
    /// `CVEs of 2024`, `ATT&CK techniques`, `Actors`.
    pub heading: String,
    /// The members, most mentioned first (then most recently, then by ID),
    /// each with the number of entries that mention it.
    pub members: Vec<(Entity, usize)>,
}

/// The whole site model.
#[derive(Debug, Clone, PartialEq)]
pub struct Digest {
    /// Every entry, newest first (ties broken by path).
    pub entries: Vec<Entry>,
    /// Tag key → group.
    pub tags: BTreeMap<String, Group>,
    /// Source key → group.
    pub sources: BTreeMap<String, Group>,
    /// Period → entries, newest first.
    pub periods: BTreeMap<Period, Vec<EntryId>>,
    /// Entity → entries that mention it, newest first.
    pub entities: BTreeMap<Entity, Vec<EntryId>>,
    /// Group folder (`entities/cve/2024/`) → its entities, in index order.
    pub entity_groups: BTreeMap<String, EntityGroup>,
    /// Stories: each cluster's lead first (preferred source, else the
    /// earliest report), then the others by date. Clusters are ordered by
    /// their newest member, newest first. Every entry is in exactly one.
    pub clusters: Vec<Vec<EntryId>>,
    /// For each entry, the index of its cluster.
    pub cluster_of: Vec<usize>,
    /// Why entries were merged: (entry, entry it matched, explanation).
    pub merge_reasons: Vec<(EntryId, EntryId, String)>,
    /// For each entry, up to five related entries outside its own story: by
    /// shared entities, then shared tags, then nearness in time.
    pub related: Vec<Vec<EntryId>>,
}

impl Digest {
    /// One entry per story for a list of entries (newest first): each story's
    /// lead when it is in the list (else its newest entry there), with the
    /// story's other entries. Ordered by the shown entry's date, newest first.
    pub fn collapse(&self, ids: &[EntryId]) -> Vec<(EntryId, Vec<EntryId>)> {
        let mut seen: BTreeMap<usize, EntryId> = BTreeMap::new();
        for &id in ids {
            let cluster = self.cluster_of[id];
            let lead = self.clusters[cluster][0];
            let shown = seen.entry(cluster).or_insert(id);
            if id == lead {
                *shown = id;
            }
        }
        let mut out: Vec<(EntryId, Vec<EntryId>)> = seen
            .into_iter()
            .map(|(cluster, shown)| {
                let others = self.clusters[cluster]
                    .iter()
                    .copied()
                    .filter(|&m| m != shown)
                    .collect();
                (shown, others)
            })
            .collect();
        out.sort_by_key(|(shown, _)| *shown);
        out
    }

    /// How many stories `ids` hold: `collapse(ids).len()`, without making
    /// the lists.
    pub fn story_count(&self, ids: &[EntryId]) -> usize {
        let mut clusters: Vec<usize> = ids.iter().map(|&id| self.cluster_of[id]).collect();
        clusters.sort_unstable();
        clusters.dedup();
        clusters.len()
    }
}

/// URL slugs that do not move when other files come and go: each title's
/// slug, and where titles give the same slug, the oldest article keeps it
/// (then the first by path) and each other adds its date
/// (`weekly-roundup-2024-12-03`), then a short hash of its path if that is
/// taken too. A counter by path order would let a new file take the URL of
/// an article already published. Linear in the number of articles.
pub fn stable_slugs<A: AsRef<Article>>(
    articles: &[A],
    zone: crate::config::SiteTimezone,
) -> Vec<String> {
    let bases: Vec<String> = articles
        .iter()
        .map(|a| slug::slugify_or(&a.as_ref().meta.title, "article"))
        .collect();
    let mut by_base: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, base) in bases.iter().enumerate() {
        by_base.entry(base.as_str()).or_default().push(i);
    }
    let mut slugs = vec![String::new(); articles.len()];
    let mut used: HashSet<String> = HashSet::with_capacity(articles.len());
    for (base, ids) in &mut by_base {
        ids.sort_by(|&a, &b| {
            articles[a]
                .as_ref()
                .meta
                .date
                .cmp(&articles[b].as_ref().meta.date)
                .then_with(|| articles[a].as_ref().path.cmp(&articles[b].as_ref().path))
        });
        slugs[ids[0]] = (*base).to_owned();
        used.insert((*base).to_owned());
    }
    for (base, ids) in &by_base {
        for &i in &ids[1..] {
            let day = zone
                .convert(&articles[i].as_ref().meta.date)
                .format("%Y-%m-%d");
            let dated = format!("{base}-{day}");
            let mut slug = dated.clone();
            if used.contains(&slug) {
                let path = articles[i]
                    .as_ref()
                    .path
                    .to_string_lossy()
                    .replace('\\', "/");
                slug = format!("{dated}-{:06x}", fnv1a(path.as_bytes()) & 0xff_ffff);
                let mut n = 2;
                while used.contains(&slug) {
                    slug = format!("{dated}-{:06x}-{n}", fnv1a(path.as_bytes()) & 0xff_ffff);
                    n += 1;
                }
            }
            used.insert(slug.clone());
            slugs[i] = slug;
        }
    }
    slugs
}

/// A file path as the tail of a feed id: control, invisible and space
/// characters percent-encoded, since a file name may hold any of them and
/// the id goes into XML (where a control character is not allowed) and
/// must be an IRI. Other characters stay, so the ids of ordinary paths do
/// not change.
fn id_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if c.is_control() || c.is_whitespace() || crate::names::is_invisible(c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// FNV-1a: a hash that stays the same across builds, platforms and Rust
/// versions, for slugs.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Groups the articles. Slugs come from [`stable_slugs`]; `articles` are
/// taken in path order, so every other tie is broken the same way in every
/// build.
pub fn build<A: Into<Arc<Article>>>(articles: Vec<A>, site: &SiteConfig) -> Digest {
    build_timed(articles.into_iter().map(Into::into).collect(), site).0
}

/// Like [`build`], with the time grouping, clustering and finding related
/// articles took (for `--timings`).
pub fn build_timed(
    mut articles: Vec<Arc<Article>>,
    site: &SiteConfig,
) -> (Digest, [(&'static str, std::time::Duration); 3]) {
    let started = std::time::Instant::now();
    articles.sort_by(|a, b| a.path.cmp(&b.path));
    let slugs = stable_slugs(&articles, site.timezone);
    let mut guids = HashSet::new();
    let mut entries: Vec<Entry> = articles
        .into_iter()
        .zip(slugs)
        .map(|(article, slug)| {
            let date = site.timezone.convert(&article.meta.date);
            let source = source_name(&article).map(|name| slug::key_or(&name, "source"));
            let mut guid = match &article.meta.url {
                // The canonical form (no `www.`, tracking parameters or
                // fragment), so a re-scrape with `?utm_source=rss` keeps its id.
                Some(url) => format!("{}://{}", url.scheme(), dedupe::canonical_url(url)),
                None => format!(
                    "{}{}",
                    site.base_url,
                    id_path(&article.path.to_string_lossy().replace('\\', "/"))
                ),
            };
            if !guids.insert(guid.clone()) {
                guid = format!("{guid}#{slug}");
                guids.insert(guid.clone());
            }
            Entry {
                article,
                slug,
                date,
                source,
                guid,
            }
        })
        .collect();
    entries.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| a.article.path.cmp(&b.article.path))
    });

    let mut tag_spellings: BTreeMap<String, HashMap<String, usize>> = BTreeMap::new();
    let mut tag_entries: BTreeMap<String, Vec<EntryId>> = BTreeMap::new();
    let mut source_spellings: BTreeMap<String, HashMap<String, usize>> = BTreeMap::new();
    let mut source_entries: BTreeMap<String, Vec<EntryId>> = BTreeMap::new();
    let mut source_home: BTreeMap<String, String> = BTreeMap::new();
    let mut periods: BTreeMap<Period, Vec<EntryId>> = BTreeMap::new();

    for (id, entry) in entries.iter().enumerate() {
        for tag in &entry.article.tags {
            *tag_spellings
                .entry(tag.key.clone())
                .or_default()
                .entry(tag.written.clone())
                .or_default() += 1;
            tag_entries.entry(tag.key.clone()).or_default().push(id);
        }
        if let (Some(key), Some(name)) = (&entry.source, source_name(&entry.article)) {
            *source_spellings
                .entry(key.clone())
                .or_default()
                .entry(name)
                .or_default() += 1;
            source_entries.entry(key.clone()).or_default().push(id);
            if let Some(url) = &entry.article.meta.url {
                // The newest article's site stands for the source.
                source_home
                    .entry(key.clone())
                    .or_insert_with(|| format!("{}/", url.origin().ascii_serialization()));
            }
        }
        let d = entry.date;
        for period in [
            Period::Year(d.year()),
            Period::Month {
                year: d.year(),
                month: d.month(),
            },
            Period::week_of(&d),
        ] {
            periods.entry(period).or_default().push(id);
        }
    }

    let tags = tag_entries
        .into_iter()
        .map(|(key, ids)| {
            let name = preferred_spelling(&tag_spellings[&key]);
            (
                key,
                Group {
                    name,
                    home: None,
                    entries: ids,
                },
            )
        })
        .collect();
    let sources = source_entries
        .into_iter()
        .map(|(key, ids)| {
            let name = preferred_spelling(&source_spellings[&key]);
            let home = source_home.get(&key).cloned();
            (
                key,
                Group {
                    name,
                    home,
                    entries: ids,
                },
            )
        })
        .collect();
    let mut entities: BTreeMap<Entity, Vec<EntryId>> = BTreeMap::new();
    for (id, entry) in entries.iter().enumerate() {
        for e in &entry.article.entities {
            entities.entry(e.clone()).or_default().push(id);
        }
    }
    let entity_groups = entity_groups(&entities);
    let grouped = started.elapsed();
    let (clusters, cluster_of, merge_reasons) = stories(&entries, site);
    let clustered = started.elapsed();
    let related = related(&entries, &entities, &tags, &cluster_of);
    let timings = [
        ("group", grouped),
        ("cluster", clustered - grouped),
        ("related", started.elapsed() - clustered),
    ];
    let digest = Digest {
        entries,
        tags,
        sources,
        periods,
        entities,
        entity_groups,
        clusters,
        cluster_of,
        merge_reasons,
        related,
    };
    (digest, timings)
}

type Stories = (
    Vec<Vec<EntryId>>,
    Vec<usize>,
    Vec<(EntryId, EntryId, String)>,
);

/// What clustering compares, for every entry: features built in enrich,
/// interned once for the whole site.
pub fn story_features(entries: &[Entry]) -> dedupe::Corpus {
    let inputs: Vec<StoryInput<'_>> = entries
        .iter()
        .map(|e| {
            let a = &e.article;
            let mut lede_words: Vec<&str> = a.lede_words.iter().map(String::as_str).collect();
            // A HashSet's order differs from run to run; ids must not.
            lede_words.sort_unstable();
            StoryInput {
                date: e.date,
                canonical_url: a.meta.url.as_ref().map(dedupe::canonical_url),
                title: &a.meta.title,
                lede_words,
                cves: a
                    .entities
                    .iter()
                    .filter(|x| x.kind == EntityKind::Cve)
                    .map(|x| x.id.as_str())
                    .collect(),
                watched: a
                    .entities
                    .iter()
                    .filter_map(|x| match &x.kind {
                        EntityKind::Named(group) => Some(format!("{group}/{}", x.id)),
                        _ => None,
                    })
                    .collect(),
                rare: a.story_features.iter().map(String::as_str).collect(),
                title_indicators: a.title_indicators.iter().map(String::as_str).collect(),
                links: a
                    .links
                    .iter()
                    .filter_map(|l| url::Url::parse(l).ok())
                    .map(|u| dedupe::canonical_url(&u))
                    .collect(),
                source: e.source.clone(),
                path: a.path.to_string_lossy().into_owned(),
            }
        })
        .collect();
    dedupe::Corpus::new(&inputs)
}

/// The clustering settings from the site config.
pub fn cluster_settings(site: &SiteConfig) -> ClusterSettings {
    ClusterSettings {
        window_days: i64::from(site.cluster_window_days),
        max_reports: site.limits.story_reports,
        ..ClusterSettings::default()
    }
}

/// Clusters the entries into stories and picks each story's lead.
fn stories(entries: &[Entry], site: &SiteConfig) -> Stories {
    let features = story_features(entries);
    let settings = cluster_settings(site);
    let (mut clusters, reasons) = dedupe::cluster(&features, settings);
    let rank = |id: EntryId| {
        entries[id]
            .source
            .as_ref()
            .and_then(|s| site.preferred_sources.iter().position(|p| p == s))
            .unwrap_or(usize::MAX)
    };
    for members in &mut clusters {
        // Lead: preferred source, else the earliest; then by date and path.
        // Entry ids run newest first, so a larger id is earlier.
        members.sort_by(|&a, &b| {
            rank(a)
                .cmp(&rank(b))
                .then_with(|| entries[a].date.cmp(&entries[b].date))
                .then_with(|| entries[a].article.path.cmp(&entries[b].article.path))
        });
    }
    clusters.sort_by_key(|members| members.iter().copied().min());
    let mut cluster_of = vec![0; entries.len()];
    for (c, members) in clusters.iter().enumerate() {
        for &m in members {
            cluster_of[m] = c;
        }
    }
    let reasons = reasons
        .into_iter()
        .map(|r| (r.article, r.other, r.why))
        .collect();
    (clusters, cluster_of, reasons)
}

/// Most members of one tag or entity group looked at for related articles;
/// a tag on thousands of articles says little about any one of them.
const RELATED_GROUP_LIMIT: usize = 500;

fn related(
    entries: &[Entry],
    entities: &BTreeMap<Entity, Vec<EntryId>>,
    tags: &BTreeMap<String, Group>,
    cluster_of: &[usize],
) -> Vec<Vec<EntryId>> {
    use rayon::prelude::*;
    (0..entries.len())
        .into_par_iter()
        .map(|id| related_one(id, entries, entities, tags, cluster_of))
        .collect()
}

/// Up to five related entries of `id` (see [`Digest::related`]).
fn related_one(
    id: EntryId,
    entries: &[Entry],
    entities: &BTreeMap<Entity, Vec<EntryId>>,
    tags: &BTreeMap<String, Group>,
    cluster_of: &[usize],
) -> Vec<EntryId> {
    let mut scores: HashMap<EntryId, (u32, u32)> = HashMap::new();
    for e in &entries[id].article.entities {
        let members = &entities[e];
        if members.len() <= RELATED_GROUP_LIMIT {
            for &m in members {
                scores.entry(m).or_default().0 += 1;
            }
        }
    }
    for t in &entries[id].article.tags {
        let members = &tags[t.key.as_str()].entries;
        if members.len() <= RELATED_GROUP_LIMIT {
            for &m in members {
                scores.entry(m).or_default().1 += 1;
            }
        }
    }
    let mut candidates: Vec<(EntryId, (u32, u32))> = scores
        .into_iter()
        .filter(|&(m, _)| cluster_of[m] != cluster_of[id])
        .collect();
    let when = entries[id].date.timestamp();
    candidates.sort_by_cached_key(|&(m, (shared_entities, shared_tags))| {
        (
            std::cmp::Reverse((shared_entities, shared_tags)),
            (entries[m].date.timestamp() - when).abs(),
            m,
        )
    });
    candidates.into_iter().take(5).map(|(m, _)| m).collect()
}

/// `previous` with the articles of `changed` swapped in at their entries,
/// when they differ from the old ones only in their bodies and tags (see
/// `briefing::only_body_or_tags_changed`): dates, paths, sources, entities
/// and stories hold, so only the tag groups they left or joined, and the
/// related lists those groups feed, are made again. What [`build`] would
/// give for the same articles, at the cost of the groups touched.
pub fn retagged(previous: &Digest, changed: &[(EntryId, Arc<Article>)]) -> Digest {
    let mut digest = previous.clone();
    // Tags whose members changed, and every tag of a changed article.
    let mut moved: BTreeSet<String> = BTreeSet::new();
    let mut touched: BTreeSet<String> = BTreeSet::new();
    for (id, article) in changed {
        let old: BTreeSet<&str> = digest.entries[*id]
            .article
            .tags
            .iter()
            .map(|t| t.key.as_str())
            .collect();
        let new: BTreeSet<&str> = article.tags.iter().map(|t| t.key.as_str()).collect();
        for key in old.difference(&new) {
            if let Some(group) = digest.tags.get_mut(*key) {
                group.entries.retain(|e| e != id);
            }
        }
        for key in new.difference(&old) {
            let ids = &mut digest
                .tags
                .entry((*key).to_owned())
                .or_insert_with(|| Group {
                    name: String::new(),
                    home: None,
                    entries: Vec::new(),
                })
                .entries;
            if let Err(at) = ids.binary_search(id) {
                ids.insert(at, *id);
            }
        }
        moved.extend(old.symmetric_difference(&new).map(|k| (*k).to_owned()));
        // A new spelling of a kept tag can change its name too.
        touched.extend(old.union(&new).map(|k| (*k).to_owned()));
        digest.entries[*id].article = Arc::clone(article);
    }
    // Names and emptied groups, as `build` makes them.
    let mut sizes_before: HashMap<String, usize> = HashMap::new();
    for key in &touched {
        sizes_before.insert(
            key.clone(),
            previous.tags.get(key).map_or(0, |g| g.entries.len()),
        );
        let Some(group) = digest.tags.get_mut(key) else {
            continue;
        };
        if group.entries.is_empty() {
            digest.tags.remove(key);
            continue;
        }
        let mut spellings: HashMap<String, usize> = HashMap::new();
        for &e in &group.entries {
            for t in digest.entries[e]
                .article
                .tags
                .iter()
                .filter(|t| &t.key == key)
            {
                *spellings.entry(t.written.clone()).or_default() += 1;
            }
        }
        group.name = preferred_spelling(&spellings);
    }
    // Related lists move only where a tag's members changed and it counts,
    // before or after: the changed entries, and the members of every tag
    // they joined or left that was small enough to count on either side.
    let mut again: BTreeSet<EntryId> = changed.iter().map(|(id, _)| *id).collect();
    for key in &moved {
        let after = digest.tags.get(key).map_or(0, |g| g.entries.len());
        if sizes_before[key].min(after) > RELATED_GROUP_LIMIT {
            continue;
        }
        for group in [previous.tags.get(key), digest.tags.get(key)]
            .into_iter()
            .flatten()
        {
            again.extend(group.entries.iter().copied());
        }
    }
    for id in again {
        digest.related[id] = related_one(
            id,
            &digest.entries,
            &digest.entities,
            &digest.tags,
            &digest.cluster_of,
        );
    }
    digest
}

/// The outlet's name: `source:`, else the URL's host without `www.`.
fn source_name(article: &Article) -> Option<String> {
    article.meta.source.clone().or_else(|| {
        article.meta.url.as_ref().and_then(|u| {
            u.host_str()
                .map(|h| h.strip_prefix("www.").unwrap_or(h).to_owned())
        })
    })
}

/// The most used spelling. Ties go to the one with fewer `-` and `_` (written
/// for people, `supply chain` over `supply-chain`), then to the one that sorts
/// first, so capitalised spellings (`Ransomware`) win over lower-case ones.
fn preferred_spelling(counts: &HashMap<String, usize>) -> String {
    let separators = |s: &str| s.chars().filter(|c| matches!(c, '-' | '_')).count();
    counts
        .iter()
        .max_by(|(a, ca), (b, cb)| {
            ca.cmp(cb)
                .then_with(|| separators(b).cmp(&separators(a)))
                .then_with(|| b.cmp(a))
        })
        .map(|(s, _)| s.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Meta;
    use crate::config::SiteTimezone;
    use crate::enrich::tags::TagMention;
    use std::path::PathBuf;

    fn article(path: &str, title: &str, date: &str, tags: &[&str], source: &str) -> Article {
        let html = crate::enrich::markdown::render(
            "",
            crate::enrich::markdown::Links::AsWritten,
            None,
            crate::enrich::markdown::ImagePolicy::KEEP,
        )
        .html;
        Article {
            path: PathBuf::from(path),
            meta: Meta {
                title: title.into(),
                date: DateTime::parse_from_rfc3339(date).unwrap(),
                url: None,
                source: Some(source.into()),
                fetched: None,
                tags: Vec::new(),
                summary: None,
                draft: false,
                author: None,
                extra: BTreeMap::new(),
            },
            html,
            summary: String::new(),
            tags: tags
                .iter()
                .map(|t| TagMention {
                    key: crate::enrich::tags::normalise(t),
                    written: (*t).into(),
                })
                .collect(),
            entities: Vec::new(),
            lede_words: Default::default(),
            story_features: Default::default(),
            title_indicators: Vec::new(),
            links: Vec::new(),
            cleaning: None,
        }
    }

    #[test]
    fn slugs_do_not_move_when_other_files_arrive() {
        let old = article(
            "content/z-old.md",
            "Roundup",
            "2024-11-01T00:00:00Z",
            &[],
            "A",
        );
        let first = stable_slugs(
            std::slice::from_ref(&old),
            SiteTimezone::parse("UTC").unwrap(),
        );
        assert_eq!(first, ["roundup"]);
        // A newer file with the same title, earlier in path order, and a
        // title that slugs to the newer one's dated form.
        let newer = article(
            "content/a-new.md",
            "Roundup",
            "2024-12-03T08:00:00Z",
            &[],
            "A",
        );
        let twin = article(
            "content/b-twin.md",
            "Roundup",
            "2024-12-03T09:00:00Z",
            &[],
            "A",
        );
        let lookalike = article(
            "content/c.md",
            "Roundup 2024-12-03",
            "2024-10-01T00:00:00Z",
            &[],
            "A",
        );
        let all = [newer, twin, lookalike, old];
        let slugs = stable_slugs(&all, SiteTimezone::parse("UTC").unwrap());
        assert_eq!(slugs[3], "roundup", "the published URL stays");
        assert_eq!(slugs[2], "roundup-2024-12-03");
        assert!(
            slugs[0].starts_with("roundup-2024-12-03-")
                && slugs[0].len() == "roundup-2024-12-03-".len() + 6,
            "{}",
            slugs[0]
        );
        assert!(slugs[1].starts_with("roundup-2024-12-03-"), "{}", slugs[1]);
        let unique: HashSet<&String> = slugs.iter().collect();
        assert_eq!(unique.len(), 4, "{slugs:?}");
    }

    #[test]
    fn ten_thousand_articles_with_one_title_get_distinct_slugs() {
        let articles: Vec<Article> = (0..10_000)
            .map(|i| {
                article(
                    &format!("content/{i:05}.md"),
                    "Same",
                    "2024-12-03T00:00:00Z",
                    &[],
                    "A",
                )
            })
            .collect();
        let slugs = stable_slugs(&articles, SiteTimezone::parse("UTC").unwrap());
        let unique: HashSet<&String> = slugs.iter().collect();
        assert_eq!(unique.len(), 10_000);
        assert_eq!(slugs[0], "same");
    }

    #[test]
    fn shared_original_urls_get_distinct_guids() {
        let url = url::Url::parse("https://ex.com/story").unwrap();
        let mut a = article("content/a.md", "One", "2024-12-02T00:00:00Z", &[], "A");
        let mut b = article("content/b.md", "Two", "2024-12-03T00:00:00Z", &[], "A");
        a.meta.url = Some(url.clone());
        b.meta.url = Some(url);
        let d = build(vec![b, a], &SiteConfig::default());
        let guids: Vec<&str> = d.entries.iter().map(|e| e.guid.as_str()).collect();
        assert_eq!(guids, ["https://ex.com/story#two", "https://ex.com/story"]);
    }

    #[test]
    fn groups_sorts_and_resolves_slug_clashes() {
        let articles = vec![
            article(
                "content/b.md",
                "Same Title",
                "2024-12-02T00:00:00Z",
                &["ransomware"],
                "A",
            ),
            article(
                "content/a.md",
                "Same Title",
                "2024-12-02T00:00:00Z",
                &["Ransomware"],
                "A",
            ),
            article(
                "content/c.md",
                "Other",
                "2024-12-30T10:00:00Z",
                &["data_breach"],
                "B News",
            ),
        ];
        let d = build(articles, &SiteConfig::default());
        let order: Vec<&str> = d.entries.iter().map(|e| e.slug.as_str()).collect();
        // Newest first; same date: path order. Same date, so the first by
        // path (a.md) keeps the plain slug and b.md adds its date.
        assert_eq!(order, ["other", "same-title", "same-title-2024-12-02"]);
        assert_eq!(d.tags["ransomware"].name, "Ransomware");
        assert_eq!(d.tags["ransomware"].entries, [1, 2]);
        assert_eq!(d.sources["b-news"].name, "B News");
        // 2024-12-30 is in ISO week 1 of 2025.
        assert!(d.periods.contains_key(&Period::Week {
            year: 2025,
            week: 1
        }));
        assert_eq!(d.periods[&Period::Year(2024)].len(), 3);
        assert_eq!(
            Period::Week {
                year: 2024,
                week: 49
            }
            .path(),
            "weeks/2024-W49"
        );
        assert_eq!(
            Period::Week {
                year: 2024,
                week: 49
            }
            .title(),
            "Week 49, 2024"
        );
        assert_eq!(
            Period::Month {
                year: 2024,
                month: 12
            }
            .title(),
            "December 2024"
        );
    }
}
