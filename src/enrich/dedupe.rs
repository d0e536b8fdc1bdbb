//! Same story, one entry: clustering articles that report the same event.
//!
//! Takes one [`StoryInput`] per article (date, canonical URL, title, lede
//! words, CVE IDs, watch-list names, rare features from
//! [`story_signals`](super::story_signals), body links, source); gives
//! clusters of article indices and, for each merge, the reason.
//!
//! Whether two articles are one story is a list of signals, each giving a
//! labelled part of the score ([`Part`]): title words, lede words, a shared
//! CVE, shared rare things (IOC domains, IPs, hashes, file names, advisory
//! and incident identifiers, versions,
//! configuration keys, vendor and product names, watch-list entities), each
//! weighted by how rare it is in the whole corpus, one article naming the
//! other's publisher in its title or lede (a company's statement and the
//! news of it), one article
//! linking to the other, and a penalty per day apart. When both list their
//! own hashes or IP addresses and share none, they are two incidents in one
//! setting: the rare things they share are taken back; so too when their
//! titles name other CVEs, or one issuer's other advisory IDs, however much
//! the later one's body recalls the earlier. The same canonical URL
//! merges outright. Text alone needs alike ledes; rare things shared (a
//! shared CVE weighing among them by its rarity, or two CVEs) make up for
//! ledes in another language or with other words; so do four distinct
//! rare names (the studio, its game, its engine and the gang), each beyond
//! the third adding to the score; so do less of them when
//! two or more independent kinds agree (a name and a figure, a name and an
//! indicator), each kind beyond the first adding to the score. Pairs
//! within `window_days` are compared; pairs further apart, up to four times
//! that, only when they share an indicator (domain, IP, hash, file,
//! identifier), a link, or a rare name with a rare figure (the victim and
//! its count, or the day it was hit), since a translation or a follow-up can
//! come weeks later but a shared CVE or vendor alone is a topic; up to twice
//! the window when three kinds of evidence agree (a CVE, its fixed version
//! and the researcher's name).
//!
//! Clusters use average linkage: an article joins a cluster when it is like
//! one member at least, its mean score over every member reaches the
//! threshold, and no member lists its own indicators against it (unless
//! it shares an indicator with another member: the story's reports list
//! several between them); so A~B
//! and B~C pull A and C together only when B~C is strong enough to carry
//! a weak A~C. (Complete linkage, like every member, kept a report out of
//! its story whenever one outlet's wording was far from it: on the blind
//! story sets it missed a third more pairs, and merged no fewer hard
//! negatives.) A newcomer like no report on its own can still be like the
//! story: compared with the reports taken together (the rare things, CVEs
//! and links any of them has, see [`story_as_one`]), it joins when what it
//! shares with them is evidence on its own, as across languages, and it
//! shares a rare thing with each of them; a report
//! left alone because it came first is weighed so again, once every
//! article is placed, against the stories formed around it. A link or
//! an indicator shared with one member widens the window for all,
//! and the text window runs from the story's latest report.
//! A roundup (an article that shares a little with each of several stories,
//! see [`Corpus::roundups`]) stays its own item, so it neither joins a story
//! nor keeps that story's other reports out; a story's reports, which share
//! rare things among themselves, count as one of the stories it covers. A
//! newsletter's numbered issue is one too, told by its issue word in many
//! languages or by one source's titles that are the same but for a number,
//! and so is a weekly digest covering two stories, told by a title whose
//! label names its week. A title that looks back a year or more (`Un an
//! après …`) is its own item too.
//! A name transliterated from another script counts as the Latin spelling
//! it sounds like (`morrovpaik`, from `Морровпайк`, is `morrowpike`; see
//! [`sound_key`]); a report titled in another script (Arabic, Greek,
//! Japanese) also carries the names its URL's slug writes in Latin
//! letters, where another article writes them as names (see
//! [`slug_names`]).
//! In a language that capitalises its nouns (German), a capitalised word
//! counts as a name in full only when another article writes it as one
//! (see [`NOUN_SHARE`]): `Krankenhaus` in two German reports is no more a
//! story's name than `hospital` is in two English ones.
//! Articles are taken in date order (then path), so the result is the same
//! from run to run. Candidates come from an inverted index over each
//! article's rarer features (words, names, indicators, URLs), scanned within
//! the window, so the cost grows with the articles, not with their pairs.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, FixedOffset};
use url::Url;

/// What clustering reads from one article (borrowed from it).
#[derive(Debug, Clone)]
pub struct StoryInput<'a> {
    /// Publication date.
    pub date: DateTime<FixedOffset>,
    /// The canonical original URL, if any (see [`canonical_url`]).
    pub canonical_url: Option<String>,
    /// The title.
    pub title: &'a str,
    /// Content words of the first paragraphs (about 80 words).
    pub lede_words: Vec<&'a str>,
    /// CVE IDs mentioned.
    pub cves: Vec<&'a str>,
    /// Watch-list entities mentioned (`actors/APT29`).
    pub watched: Vec<String>,
    /// Rare-feature candidates (`dom:…`, `name:…`; see `story_signals`).
    pub rare: Vec<&'a str>,
    /// The CVEs and advisory IDs its title names (`cve:…`, `id:…`).
    pub title_indicators: Vec<&'a str>,
    /// Canonical URLs the body links to.
    pub links: Vec<String>,
    /// Source key, to be stricter within one outlet.
    pub source: Option<String>,
    /// Path, for ties and messages.
    pub path: String,
}

/// What clustering compares, for one article: interned feature ids, each
/// list sorted and without repeats.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryFeatures {
    /// Publication date.
    pub date: DateTime<FixedOffset>,
    /// Its canonical URL's id.
    pub url: Option<u32>,
    /// Content words of the title.
    pub title_words: Vec<u32>,
    /// Content words of the lede.
    pub lede_words: Vec<u32>,
    /// CVE IDs.
    pub cves: Vec<u32>,
    /// Rare things: indicators, names, watch-list entities.
    pub rare: Vec<u32>,
    /// Canonical URLs it links to.
    pub links: Vec<u32>,
    /// Source key.
    pub source: Option<String>,
    /// Path, for ties and messages.
    pub path: String,
    /// Whether it covers several stories (see [`Corpus::roundups`]): a
    /// roundup stays its own item.
    pub roundup: bool,
    /// Whether its title looks back a year or more (`One year after the
    /// attack`, `Un an après`, `Рік після`): a retrospective is its own
    /// item, since the story it looks back on is long out of the window
    /// and what it shares with this week's news is the setting.
    pub looks_back: bool,
    /// Its publisher as names another article may mention: the source's
    /// words (`name:qasr`, `name:marine`, `name:terminals`), and its site's
    /// name (`name:nimbusflare`); each alternative sorted.
    pub publisher: Vec<Vec<u32>>,
    /// The CVEs and advisory or incident IDs its title names: what it is
    /// about, where its body may recall others.
    pub title_indicators: Vec<u32>,
    /// The names among its rare things that its title or lede writes: whom
    /// it is about, where its body may name others in passing.
    pub opening_names: Vec<u32>,
}

/// The independent kinds of evidence two reports can share (see
/// [`KIND_SCORE`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum EvidenceKind {
    Name,
    Figure,
    Indicator,
    Version,
    Cve,
}

/// A feature (`name:nimbara`, `time:06:42`) and what it weighs.
pub type Weighed = (String, f64);

/// Every article's features, with the vocabulary and how many articles
/// have each feature (for rarity).
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// One per article, in the input order.
    pub stories: Vec<StoryFeatures>,
    names: Vec<String>,
    ids: HashMap<String, u32>,
    df: Vec<u32>,
    /// By id: whether some article writes the feature as a name (see
    /// [`Corpus::noun_only`]).
    named: Vec<bool>,
    /// The articles in date order (then path): the order stories are
    /// formed in.
    order: Vec<usize>,
    /// The index of every article's features over `order`, for finding
    /// candidates: built once, for the roundups and for clustering.
    postings: Postings,
    /// By article: the other stories it covers, with what it shares with
    /// each (see [`Corpus::stories_covered`]).
    covered: Vec<Vec<(usize, Vec<u32>)>>,
}

/// Tunables, from `briefing.yaml`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClusterSettings {
    /// Most days between two reports of one story on text alone.
    pub window_days: i64,
    /// Score at which two articles are the same story.
    pub threshold: f64,
    /// Most reports in one story; a full story takes no more, so the next
    /// report starts another. The linkage compares a newcomer with every
    /// member, and each member's page lists the others: without a cap
    /// 10,000 files with one title cost 50 million comparisons.
    pub max_reports: usize,
}

impl ClusterSettings {
    /// Most days apart for reports that share an indicator or a link.
    pub fn evidence_window_days(&self) -> i64 {
        self.window_days * 4
    }
}

impl Default for ClusterSettings {
    fn default() -> Self {
        ClusterSettings {
            window_days: 7,
            threshold: 0.30,
            max_reports: 50,
        }
    }
}

/// Why two articles were put together.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeReason {
    /// Index of the article that joined.
    pub article: usize,
    /// Index of a member it was compared with.
    pub other: usize,
    /// e.g. `same canonical URL` or `title 0.21 + lede 0.23 + shared CVE ...`.
    pub why: String,
}

/// A feature more common than this (articles having it) is not looked up
/// for candidates: it is no evidence of one story, and its posting list
/// would make the lookup quadratic.
const MAX_POSTINGS: usize = 150;
/// Distinct rare names two reports must share to stand in for ledes: the
/// company, its product and the gang, where one company's other story or
/// one actor's other campaign shares one or two.
const DISTINCT_NAMES: usize = 4;
/// What a name must weigh to count among [`DISTINCT_NAMES`]: not a noun of
/// a language that capitalises its nouns, nor a name in every other report.
const DISTINCT_NAME_WEIGHT: f64 = 0.15;
/// Rare-thing weight at which shared rare things stand in for alike ledes.
const RARE_EVIDENCE: f64 = 1.5;
/// Score per unit of rare-thing weight, and the most it can add.
const RARE_SCALE: f64 = 0.18;
const RARE_CAP: f64 = 0.6;
/// Score for one article linking to the other.
const LINK_SCORE: f64 = 0.5;
/// Rare-thing weight of one article naming the other's publisher.
const PUBLISHER_WEIGHT: f64 = 1.0;
/// Score for a shared CVE.
const CVE_SCORE: f64 = 0.2;
/// Score for each kind of shared evidence (names, numbers and dates,
/// indicators, versions, CVEs) beyond the first: a company's name and its
/// victim count, or a malware's name and its C2 domain, agree independently,
/// where an actor's or a vendor's names alone recur across its stories.
const KIND_SCORE: f64 = 0.15;
/// Rare-thing weight (with shared CVEs) at which two or more kinds of
/// evidence stand in for alike ledes.
const KINDS_EVIDENCE: f64 = 0.9;
/// What a rare name and a rare count that agree must weigh together to
/// stand in for ledes.
const COUNT_EVIDENCE: f64 = 0.5;
/// Kinds of evidence shared that carry two reports past the text window.
const FAR_KINDS: usize = 3;
/// Penalty per day apart, counted up to the text window.
const DAY_PENALTY: f64 = 0.02;
/// Extra score needed within one source: an outlet rarely runs one story
/// twice, and its follow-ups look alike.
const SAME_SOURCE_EXTRA: f64 = 0.15;
/// Rarity (see `Corpus::rarity`) under which a feature counts for nothing:
/// 0.5 is one article in √N.
const RARITY_FLOOR: f64 = 0.5;
/// Weight at which a shared indicator is evidence enough to look further
/// back than the text window.
const INDICATOR_EVIDENCE: f64 = 0.4;
/// Stories an article must share rare things with, mostly not in common, to
/// be a roundup; what it shares with each must weigh this much (more than
/// two names in a few articles each, such as a site's share buttons,
/// `LinkedIn` and `WhatsApp`: those are chrome, not a story); and they
/// must be this many days from it at most.
pub const ROUNDUP_STORIES: usize = 3;
const ROUNDUP_SHARE: f64 = 0.5;
const ROUNDUP_WINDOW_DAYS: i64 = 28;
/// What a capitalised word counts for, as a name's share, when it comes
/// only from texts that capitalise their nouns: there `Krankenhaus`,
/// `Angreifer` and `Notaufnahme` look like `Hallbrook`, and a name proves
/// itself by being one in another language's report.
const NOUN_SHARE: f64 = 0.25;
/// A corpus is taken to be at least this big when weighing rarity, so a
/// small site's features do not all look common.
const MIN_CORPUS: f64 = 200.0;

impl Corpus {
    /// Interns every article's features and counts how many articles have
    /// each.
    pub fn new(inputs: &[StoryInput<'_>]) -> Self {
        let mut corpus = Corpus::default();
        let spelling = one_spelling(inputs);
        let known: HashSet<&str> = inputs
            .iter()
            .flat_map(|s| &s.rare)
            .filter(|f| f.starts_with("name:") && !f.contains(' '))
            .map(|f| spelling.get(*f).map_or(*f, String::as_str))
            .collect();
        let stories = inputs
            .iter()
            .map(|s| {
                let url = s
                    .canonical_url
                    .as_deref()
                    .map(|u| corpus.intern(&format!("url:{u}")));
                let title_content = content_words(s.title, 40);
                let title_words = corpus.set(
                    title_content
                        .iter()
                        .map(|w| format!("w:{w}"))
                        .collect::<Vec<_>>()
                        .iter()
                        .map(String::as_str),
                );
                let lede: Vec<String> = s.lede_words.iter().map(|w| format!("w:{w}")).collect();
                let lede_words = corpus.set(lede.iter().map(String::as_str));
                let cves: Vec<String> = s.cves.iter().map(|c| format!("cve:{c}")).collect();
                let cves = corpus.set(cves.iter().map(String::as_str));
                let watched: Vec<String> = s.watched.iter().map(|w| format!("watch:{w}")).collect();
                // A capitalised word of a text that capitalises nouns is
                // the name of the same spelling, and a name only if some
                // other article has it as one (see `noun_only`).
                let (nouns, names): (Vec<&str>, Vec<&str>) = s
                    .rare
                    .iter()
                    .map(|f| {
                        if f.starts_with("name:") {
                            spelling.get(*f).map_or(*f, String::as_str)
                        } else {
                            f
                        }
                    })
                    .partition(|f| f.starts_with("noun:"));
                for id in corpus.set(names.iter().copied()) {
                    corpus.named(id);
                }
                let as_names: Vec<String> = nouns
                    .iter()
                    .map(|f| format!("name:{}", &f["noun:".len()..]))
                    .collect();
                let from_slug = slug_names(s, &known, &spelling);
                let rare = corpus.set(
                    names
                        .iter()
                        .copied()
                        .chain(as_names.iter().map(String::as_str))
                        .chain(from_slug.iter().map(String::as_str))
                        .chain(watched.iter().map(String::as_str)),
                );
                let links: Vec<String> = s.links.iter().map(|l| format!("url:{l}")).collect();
                let links = corpus.set(links.iter().map(String::as_str));
                let title_indicators = corpus.set(s.title_indicators.iter().copied());
                let opening = opening_names(
                    s,
                    &title_content,
                    names
                        .iter()
                        .copied()
                        .chain(as_names.iter().map(String::as_str)),
                );
                let opening_names = corpus.set(opening.into_iter());
                let publisher = publisher_names(s)
                    .iter()
                    .map(|words| corpus.set(words.iter().map(String::as_str)))
                    .collect();
                StoryFeatures {
                    date: s.date,
                    url,
                    title_words,
                    lede_words,
                    cves,
                    rare,
                    links,
                    source: s.source.clone(),
                    path: s.path.clone(),
                    roundup: false,
                    looks_back: looks_back_a_year(s.title),
                    publisher,
                    title_indicators,
                    opening_names,
                }
            })
            .collect::<Vec<_>>();
        corpus.df = vec![0; corpus.names.len()];
        for s in &stories {
            for id in s.keys() {
                corpus.df[id as usize] += 1;
            }
        }
        corpus.stories = stories;
        corpus.order = date_order(&corpus.stories);
        corpus.postings = Postings::new(&corpus, &corpus.order);
        corpus.roundups(inputs);
        corpus
    }

    /// Marks the roundups: articles that cover several stories (a weekly
    /// newsletter, a digest). A roundup shares a few rare things with the
    /// reports of each story it covers, and what it shares with one story is
    /// not what it shares with the next; one story's report shares with
    /// other stories only what overlaps (its vendor, its CVE). So an article
    /// is a roundup when at least [`ROUNDUP_STORIES`] other articles near it
    /// in time each share with it rare things weighing
    /// [`ROUNDUP_SHARE`] or more, what they share being mostly not in
    /// common (more than half its weight new, and [`ROUNDUP_SHARE`] at
    /// least): a word or two recur between a digest's items. Candidates come from the index of rare things, as for
    /// clustering.
    ///
    /// A newsletter's numbered issue is a roundup whatever else the site
    /// holds (its other items may be stories no article here tells), unless
    /// it is one story's: it shares much with one story and nothing with
    /// any other (a daily's one-feature issue).
    fn roundups(&mut self, inputs: &[StoryInput<'_>]) {
        let mut seen = vec![usize::MAX; self.stories.len()];
        self.covered = (0..self.stories.len())
            .map(|i| self.stories_covered(i, &mut seen))
            .collect();
        let covered = &self.covered;
        let titles: Vec<(Option<&str>, &str)> = inputs
            .iter()
            .map(|s| (s.source.as_deref(), s.title))
            .collect();
        let series = numbered_series(&titles);
        let mut flags = Vec::with_capacity(series.len());
        for (i, in_series) in series.into_iter().enumerate() {
            let numbered = in_series || is_numbered_issue(inputs[i].title);
            let one_feature = match covered[i].as_slice() {
                [(_, things)] => {
                    things.iter().map(|&f| self.weight(f)).sum::<f64>() >= RARE_EVIDENCE
                }
                _ => false,
            };
            let weekly = names_its_week(inputs[i].title) && covered[i].len() >= 2;
            flags.push(covered[i].len() >= ROUNDUP_STORIES || (numbered && !one_feature) || weekly);
        }
        for (story, flag) in self.stories.iter_mut().zip(flags) {
            story.roundup = flag;
        }
    }

    /// Why article `i` reads as a roundup: each other story it covers (an
    /// article of it) with the rare things it shares with that one, what
    /// [`Corpus::roundups`] counts. Empty when it covers none; a roundup
    /// by its numbered-issue title needs no stories. For `--explain-pair`.
    pub fn roundup_evidence(&self, i: usize) -> Vec<(usize, Vec<Weighed>)> {
        self.covered[i]
            .iter()
            .map(|(j, common)| {
                let weighed = common
                    .iter()
                    .map(|&f| (self.names[f as usize].clone(), self.weight(f)))
                    .collect();
                (*j, weighed)
            })
            .collect()
    }

    /// The other stories article `i` covers, as [`Corpus::roundups`] counts
    /// them: for each, the article nearest in weight and what `i` shares
    /// with it. `seen` marks the articles already weighed against `i`
    /// (`seen[j] == i`), kept from call to call so none is allocated.
    fn stories_covered(&self, i: usize, seen: &mut [usize]) -> Vec<(usize, Vec<u32>)> {
        let story = &self.stories[i];
        let mut overlaps: Vec<(f64, usize, Vec<u32>)> = Vec::new();
        for &id in story.rare.iter().chain(&story.cves) {
            let list = &self.postings.by_feature[id as usize];
            if list.len() > MAX_POSTINGS {
                continue;
            }
            for &j in list.iter().map(|&p| &self.order[p]) {
                if j == i
                    || std::mem::replace(&mut seen[j], i) == i
                    || (story.date - self.stories[j].date).num_days().abs() > ROUNDUP_WINDOW_DAYS
                {
                    continue;
                }
                let other = &self.stories[j];
                let mut common: Vec<u32> = shared(&story.rare, &other.rare)
                    .chain(shared(&story.cves, &other.cves))
                    .filter(|&f| self.weight(f) > 0.0)
                    .collect();
                common.sort_unstable();
                let weight: f64 = common.iter().map(|&f| self.weight(f)).sum();
                if weight >= ROUNDUP_SHARE && common.len() >= 2 {
                    overlaps.push((weight, j, common));
                }
            }
        }
        overlaps.sort_by(|p, q| {
            q.0.total_cmp(&p.0)
                .then_with(|| p.2.cmp(&q.2))
                .then_with(|| p.1.cmp(&q.1))
        });
        let mut taken: Vec<u32> = Vec::new();
        let mut covered: Vec<(usize, Vec<u32>)> = Vec::new();
        for (weight, j, common) in overlaps {
            // Not a report of a story already counted: a detailed report
            // shares one thing with its story's first report and another
            // with the follow-up, and those two share rare things of their
            // own; a roundup's items do not. Such a report neither counts
            // nor uses up what it shares.
            let other = &self.stories[j];
            let same_story_as_counted = covered.iter().any(|&(k, _)| {
                shared(&other.rare, &self.stories[k].rare)
                    .chain(shared(&other.cves, &self.stories[k].cves))
                    .map(|f| self.weight(f))
                    .sum::<f64>()
                    >= ROUNDUP_SHARE
            });
            if same_story_as_counted {
                continue;
            }
            // Another story when most of what it shares is new: one
            // word in common (`server`, `vpn`) does not make two of
            // the digest's items one story.
            let new: f64 = common
                .iter()
                .filter(|f| !taken.contains(f))
                .map(|&f| self.weight(f))
                .sum();
            taken.extend(&common);
            if new >= ROUNDUP_SHARE && new * 2.0 > weight {
                covered.push((j, common));
            }
        }
        covered
    }

    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = u32::try_from(self.names.len()).expect("fewer than 4 billion features");
        self.names.push(name.to_owned());
        self.ids.insert(name.to_owned(), id);
        id
    }

    /// Marks a feature as written as a name (not only as a capitalised
    /// noun) by some article.
    fn named(&mut self, id: u32) {
        let id = id as usize;
        if self.named.len() <= id {
            self.named.resize(id + 1, false);
        }
        self.named[id] = true;
    }

    /// Whether a name feature comes only from texts that capitalise their
    /// nouns (`name:krankenhaus`), never from one that capitalises names
    /// alone.
    fn noun_only(&self, id: u32) -> bool {
        self.names[id as usize].starts_with("name:")
            && !self.named.get(id as usize).copied().unwrap_or(false)
    }

    fn set<'s>(&mut self, items: impl Iterator<Item = &'s str>) -> Vec<u32> {
        let mut ids: Vec<u32> = items.map(|i| self.intern(i)).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The feature's text, without its kind prefix: `nwh-portal-sync.com`.
    fn shown(&self, id: u32) -> &str {
        let name = &self.names[id as usize];
        name.split_once(':').map_or(name.as_str(), |(_, rest)| rest)
    }

    /// How rare a feature is, 0 (every article) to 1 (one article).
    fn rarity(&self, id: u32) -> f64 {
        let n = (self.stories.len() as f64).max(MIN_CORPUS);
        let df = f64::from(self.df[id as usize].max(1));
        ((n / df).ln() / n.ln()).clamp(0.0, 1.0)
    }

    /// What a shared feature counts for: its kind's weight times how far
    /// its rarity is above [`RARITY_FLOOR`]. Features as common as one
    /// article in √N (a LOLBin, a documentation IP, a country, a site's
    /// authors) count for nothing, however many of them two articles share.
    fn weight(&self, id: u32) -> f64 {
        let noun = if self.noun_only(id) { NOUN_SHARE } else { 1.0 };
        self.kind_weight(id) * self.rarity_weight(id) * noun
    }

    /// How far the feature's rarity is above [`RARITY_FLOOR`], 0 to 1.
    fn rarity_weight(&self, id: u32) -> f64 {
        let above = (self.rarity(id) - RARITY_FLOOR) / (1.0 - RARITY_FLOOR);
        above.max(0.0)
    }

    /// How much a rare thing of this kind says about the story: indicators
    /// most, names and watch-list entities (which also recur across one
    /// actor's or vendor's separate stories) half.
    fn kind_weight(&self, id: u32) -> f64 {
        let name = &self.names[id as usize];
        match name.split_once(':').map_or("", |(k, _)| k) {
            "dom" | "ip" | "hash" | "file" | "id" | "region" => 1.0,
            "num" => 0.5,
            "ver" | "key" => 0.8,
            _ => 0.5,
        }
    }

    /// Which independent kind of evidence a rare thing is: names (and
    /// watch-list entities), figures (numbers, dates, times), indicators,
    /// versions (and configuration keys).
    fn evidence_kind(&self, id: u32) -> EvidenceKind {
        let name = &self.names[id as usize];
        match name.split_once(':').map_or("", |(k, _)| k) {
            "dom" | "ip" | "hash" | "file" | "id" | "region" => EvidenceKind::Indicator,
            "num" | "date" | "time" => EvidenceKind::Figure,
            "ver" | "key" => EvidenceKind::Version,
            _ => EvidenceKind::Name,
        }
    }

    /// Article `a`'s rare things (and CVEs) with what each weighs, those
    /// `b` shares first, then the rest, heaviest first within each: what
    /// two reports have in common and what only one of them says. For
    /// `--explain-pair`.
    pub fn features_against(&self, a: usize, b: usize) -> (Vec<Weighed>, Vec<Weighed>) {
        let (x, y) = (&self.stories[a], &self.stories[b]);
        let mut both = Vec::new();
        let mut own = Vec::new();
        // A CVE weighs by its rarity alone, as compare does.
        for (ids, other, cve) in [(&x.rare, &y.rare, false), (&x.cves, &y.cves, true)] {
            for &id in ids {
                let w = if cve {
                    self.rarity_weight(id)
                } else {
                    self.weight(id)
                };
                let entry = (self.names[id as usize].clone(), w);
                if other.binary_search(&id).is_ok() {
                    both.push(entry);
                } else {
                    own.push(entry);
                }
            }
        }
        for list in [&mut both, &mut own] {
            list.sort_by(|p, q| q.1.total_cmp(&p.1).then_with(|| p.0.cmp(&q.0)));
        }
        (both, own)
    }

    fn is_indicator(&self, id: u32) -> bool {
        let name = &self.names[id as usize];
        ["dom:", "ip:", "hash:", "file:", "id:", "region:"]
            .iter()
            .any(|p| name.starts_with(p))
    }
}

impl StoryFeatures {
    /// Why it stays its own item, if it does: a roundup covers several
    /// stories, a look back a year on is none of this week's.
    fn own_item(&self) -> Option<&'static str> {
        if self.roundup {
            Some("a roundup of several stories stays its own item")
        } else if self.looks_back {
            Some("a look back a year or more on stays its own item")
        } else {
            None
        }
    }

    /// Every feature id of the article, for the index (may repeat).
    fn keys(&self) -> impl Iterator<Item = u32> + '_ {
        let mut all: Vec<u32> = self
            .url
            .iter()
            .chain(&self.title_words)
            .chain(&self.lede_words)
            .chain(&self.cves)
            .chain(&self.rare)
            .chain(&self.links)
            .copied()
            .collect();
        all.sort_unstable();
        all.dedup();
        all.into_iter()
    }
}

/// One spelling for the names that sound alike across the corpus: `name:`
/// features of one word whose [`sound_key`] is the same (`morrovpaik`,
/// transliterated from `Морровпайк`, and `morrowpike`; `arkalija` and
/// `arcalia`), each mapped to the spelling most articles use. A name
/// written in another script is transliterated letter by letter, and the
/// letters differ where the sounds do not.
fn one_spelling(inputs: &[StoryInput<'_>]) -> HashMap<String, String> {
    // Sound key -> spelling -> articles using it.
    let mut spellings: HashMap<String, HashMap<&str, usize>> = HashMap::new();
    for s in inputs {
        for f in &s.rare {
            if let Some(key) = f.strip_prefix("name:").and_then(sound_key) {
                *spellings.entry(key).or_default().entry(f).or_default() += 1;
            }
        }
    }
    let mut out = HashMap::new();
    for by_spelling in spellings.into_values() {
        if by_spelling.len() < 2 {
            continue;
        }
        let best = by_spelling
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(f, _)| f.to_string())
            .expect("two spellings");
        for f in by_spelling.into_keys() {
            if f != best {
                out.insert(f.to_owned(), best.clone());
            }
        }
    }
    out
}

/// The names a report in another script carries only in its URL: the
/// words of its slug (`…/morvath-port-claim` under an Arabic title) that
/// some article writes as a name, as `name:` features. Sites in Arabic,
/// Greek or Japanese often slug their pages in Latin letters, where the
/// text writes `مورفاث`; a report in Latin letters has its names in its
/// text already.
fn slug_names(
    s: &StoryInput<'_>,
    known: &HashSet<&str>,
    spelling: &HashMap<String, String>,
) -> Vec<String> {
    let latin = s.title.chars().filter(char::is_ascii_alphabetic).count();
    let other = s
        .title
        .chars()
        .filter(|c| c.is_alphabetic() && !c.is_ascii())
        .count();
    if other <= latin {
        return Vec::new();
    }
    let Some(slug) = s
        .canonical_url
        .as_deref()
        .and_then(|u| u.split(['?', '#']).next())
        .and_then(|u| u.trim_end_matches('/').rsplit('/').next())
    else {
        return Vec::new();
    };
    let slug = slug.split('.').next().unwrap_or(slug);
    slug.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 5 && w.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(|w| format!("name:{}", w.to_ascii_lowercase()))
        .map(|f| spelling.get(&f).cloned().unwrap_or(f))
        .filter(|f| known.contains(f.as_str()) && !s.rare.contains(&f.as_str()))
        .collect()
}

/// What a one-word name sounds like, roughly: its first letter (any vowel
/// as `a`), then its consonants, with letters that transliterations swap
/// taken as one (`c`, `k`, `q`; `v`, `w`; `s`, `z`), `h`, `j` and `y`
/// dropped (`kh`, `ja`, `iy` are how Cyrillic and Greek vowels and
/// aspirates come out), and doubles as one. `None` for a name too short
/// (under five letters, or under four sounds) to tell from another.
fn sound_key(name: &str) -> Option<String> {
    // Most names fail here, before anything is allocated.
    let letters = name.bytes().filter(|&b| b != b'\'').count();
    if letters < 5 || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
        return None;
    }
    let bytes: Vec<u8> = name.bytes().filter(|&b| b != b'\'').collect();
    let mut key = String::with_capacity(bytes.len());
    let mut push = |sound: char| {
        if !key.ends_with(sound) {
            key.push(sound);
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let next = bytes.get(i + 1).copied();
        match (bytes[i], next) {
            // `ph` sounds as `f`, `ck` as `k`, `x` as `ks`.
            (b'p', Some(b'h')) => {
                push('f');
                i += 1;
            }
            (b'c', Some(b'k')) => {
                push('k');
                i += 1;
            }
            (b'x', _) => {
                push('k');
                push('s');
            }
            (b'a' | b'e' | b'i' | b'o' | b'u', _) if i == 0 => push('a'),
            (b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'h' | b'j', _) => {}
            (b'c' | b'q', _) => push('k'),
            (b'w', _) => push('v'),
            (b'z', _) => push('s'),
            (c, _) => push(char::from(c)),
        }
        i += 1;
    }
    (key.len() >= 4).then_some(key)
}

/// The names among `names` (`name:…` features) that `s`'s title (its
/// content words, `title`) or lede writes, every word of them.
fn opening_names<'n>(
    s: &StoryInput<'_>,
    title: &HashSet<String>,
    names: impl Iterator<Item = &'n str>,
) -> Vec<&'n str> {
    let written = |w: &str| title.contains(w) || s.lede_words.contains(&w);
    names
        .filter(|f| {
            f.strip_prefix("name:")
                .is_some_and(|name| name.split(' ').all(written))
        })
        .collect()
}

/// The publisher's names, as `name:` features: the words of its source key
/// (three letters or more), and its site's name (the host's label before
/// the top-level domain, `nimbusflare` for `blog.nimbusflare.com`).
fn publisher_names(s: &StoryInput<'_>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    if let Some(source) = &s.source {
        let words: Vec<String> = source
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(|w| format!("name:{}", w.to_lowercase()))
            .collect();
        if !words.is_empty() {
            out.push(words);
        }
    }
    if let Some(url) = &s.canonical_url {
        let host = url.split(['/', ':']).next().unwrap_or("");
        let labels: Vec<&str> = host.split('.').collect();
        if labels.len() >= 2 {
            let label = labels[labels.len() - 2];
            if label.len() >= 3 {
                let name = vec![format!("name:{}", label.to_lowercase())];
                if !out.contains(&name) {
                    out.push(name);
                }
            }
        }
    }
    out
}

/// Whether a title names a newsletter's numbered issue: `The Patch Pulse
/// #48`, `This Week in Threats, Issue 22`, `Vol. 27 No. 12`, `Ausgabe 31`,
/// `第48期`. A story's title carries a count (`310,000 customers`) or a
/// rank (`#1`), not a number of two digits after `#` or an issue word.
fn is_numbered_issue(title: &str) -> bool {
    // The word for an issue or an episode, in the languages newsletters
    // are written in, before its number.
    const ISSUE_WORDS: &[&str] = &[
        "issue",
        "no.",
        "nr.",
        "nr",
        "vol.",
        "edition",
        "episode",
        "ep.",
        "ausgabe",
        "folge",
        "nummer",
        "numéro",
        "número",
        "numero",
        "núm.",
        "n°",
        "nº",
        "n.º",
        "№",
        "édition",
        "edición",
        "edição",
        "puntata",
        "wydanie",
        "numer",
        "выпуск",
        "випуск",
        "номер",
        "брой",
        "broj",
        "број",
        "číslo",
        "č.",
        "sayı",
        "szám",
        "numărul",
        "τεύχος",
        "utgåva",
        "udgave",
        "utgave",
        "editie",
        "aflevering",
        "jakso",
        "numeris",
        "leidimas",
        "numurs",
        "izdevums",
        "số",
        "edisi",
        "nomor",
        "bil.",
        "isyu",
        "blg.",
        "toleo",
        "العدد",
        "شماره",
        "גיליון",
        "अंक",
        "ฉบับที่",
    ];
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let words: Vec<String> = title
        .split_whitespace()
        .map(|w| {
            w.trim_matches([',', ':', ';', '(', ')', '—', '–'])
                .to_lowercase()
        })
        .collect();
    // `#1` and `#5` rank things more often than they number issues.
    let hashed = words.iter().any(|w| {
        w.strip_prefix('#')
            .is_some_and(|n| n.len() >= 2 && digits(n))
    });
    let worded = words
        .windows(2)
        .any(|p| ISSUE_WORDS.contains(&p[0].as_str()) && digits(p[1].trim_start_matches('#')));
    // `第48期`, `第48号`, `제48호`.
    let cjk = title.split(['第', '제']).skip(1).any(|rest| {
        let n = rest.chars().take_while(char::is_ascii_digit).count();
        n > 0 && rest[n..].starts_with(['期', '号', '號', '호'])
    });
    hashed || worded || cjk
}

/// Whether a title looks back a year or more: `A year after the SIM-swap
/// wave`, `Un an après l'intrusion`, `Ein Jahr nach dem Angriff`, `Рік
/// після`, `一年后`, `1년 전 … 무엇이 달라졌나`, in the languages a digest
/// reads. Matched on the lowercased title, words whole.
fn looks_back_a_year(title: &str) -> bool {
    const PHRASES: &[&str] = &[
        "a year after",
        "a year on",
        "one year after",
        "one year on",
        "a year since",
        "one year since",
        "years after the",
        "years on from",
        "un an après",
        "un año después",
        "un año tras",
        "um ano depois",
        "um ano após",
        "un anno dopo",
        "ein jahr nach",
        "een jaar na",
        "rok po",
        "rok poté",
        "rok od",
        "год спустя",
        "год после",
        "через год",
        "рік після",
        "рік по",
        "через рік",
        "година след",
        "godinu dana",
        "ett år efter",
        "et år efter",
        "et år etter",
        "ár frá",
        "ári eftir",
        "vuoden takaa",
        "bir yıl sonra",
        "egy év után",
        "un an după",
        "ένα χρόνο μετά",
        "ένας χρόνος",
        "بعد عام",
        "بعد سنة",
        "عام على",
        "یک سال پس",
        "یک سال بعد",
        "یک سال از",
        "שנה אחרי",
        "שנה לאחר",
        "एक साल",
        "एक वर्ष",
        "এক বছর",
        "một năm sau",
        "setahun setelah",
        "setahun selepas",
        "isang taon",
        "mwaka mmoja",
        "1年後",
        "一年後",
        "一年后",
        "から1年",
        "から一年",
        "一周年",
        "1년 전",
        "1년 후",
        "1년 뒤",
        "หนึ่งปี",
        "ครบรอบ",
        "anniversary",
        "anniversaire",
        "aniversario",
        "jahrestag",
        "годовщин",
        "වසරක්",
        "වසරකට",
    ];
    let title = title.to_lowercase();
    PHRASES.iter().any(|p| {
        title.match_indices(p).any(|(at, _)| {
            let before = title[..at].chars().next_back();
            let after = title[at + p.len()..].chars().next();
            // Whole words where the script spaces them: `rok po` is not
            // `wyrok pozwu`.
            let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            edge(before) && (p.ends_with(' ') || !p.is_ascii() && !p.contains(' ') || edge(after))
        })
    })
}

/// Whether a title's label names a week: `Кібер-тыдзень: агляд падзей
/// 14–19 верасня`, `[주간 보안 브리핑] 10월 셋째 주: …`, `The Week in
/// Ransomware - March 7th`, a weekly digest's heading in whatever language.
/// The label is what comes before the title's first colon, dash or bar, or
/// inside its leading brackets; a story that names a week does so in its
/// sentence (`the second victim in a week`), not in a label. With two
/// stories covered, such a title is a roundup's (see
/// [`Corpus::roundups`]).
fn names_its_week(title: &str) -> bool {
    // The word for a week or weekly, as the start of a word: `week`,
    // `wöchentlich`, `settimanale`, `tygodnia`, `недели`.
    const WEEK_STEMS: &[&str] = &[
        "week",
        "woche",
        "wöchentl",
        "semaine",
        "hebdo",
        "semana",
        "semanal",
        "settiman",
        "setman",
        "săptămân",
        "saptaman",
        "wekelijks",
        "ugens",
        "ukens",
        "vecka",
        "veckans",
        "viikko",
        "viikon",
        "nädal",
        "nedēļ",
        "savait",
        "tydzień",
        "tygodni",
        "týden",
        "týdne",
        "týdn",
        "týžd",
        "teden",
        "tedna",
        "tedensk",
        "tjedan",
        "tjedn",
        "sedmic",
        "седмиц",
        "седмич",
        "недел",
        "недељ",
        "еженедел",
        "тиждень",
        "тижн",
        "тыдзень",
        "тыдн",
        "heti",
        "hafta",
        "həftə",
        "апта",
        "εβδομάδ",
        "εβδομαδ",
        "javës",
        "javor",
        "շաբաթական",
        "კვირის",
        "שבוע",
        "أسبوع",
        "الأسبوع",
        "اسبوع",
        "هفته",
        "هفتگی",
        "ہفت",
        "सप्ताह",
        "साप्ताहिक",
        "हफ्त",
        "हफ़्त",
        "साता",
        "हप्ता",
        "সপ্তাহ",
        "সাপ্তাহিক",
        "வார",
        "mingguan",
        "sepekan",
        "pekan",
        "lingguhan",
        "wythnos",
        "seachtain",
        "vikunnar",
        "vikulega",
        "ġimgħa",
        "ሳምንት",
        "tuần",
        "주간",
        "週",
        "周报",
        "周刊",
        "每周",
        "本周",
        "一周",
        "สัปดาห์",
        "សប្តាហ៍",
        "ອາທິດ",
    ];
    let title = title.trim();
    let label = match title.strip_prefix(['[', '【', '(']) {
        Some(rest) => rest.split([']', '】', ')']).next().unwrap_or(""),
        None => {
            let ends = [":", "：", " — ", " – ", " - ", " | "];
            let end = ends.iter().filter_map(|e| title.find(e)).min();
            match end {
                Some(end) => &title[..end],
                None => return false,
            }
        }
    };
    label.split_whitespace().count() <= 6
        && label
            .split(|c: char| !c.is_alphanumeric() && !is_mark(c))
            .filter(|w| !w.is_empty())
            .any(|w| {
                let w = w.to_lowercase();
                // A weekend is no week's digest.
                WEEK_STEMS.iter().any(|s| w.starts_with(s)) && !w.starts_with("weekend")
            })
}

/// Whether `c` is a combining mark (a vowel sign in Devanagari or Thai),
/// part of the word it follows.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0900}'..='\u{0DFF}' | '\u{0E00}'..='\u{0EFF}' | '\u{1780}'..='\u{17FF}')
}

/// The titles that number a series: one source's titles that are the same
/// but for one number (`Góc Bảo Mật hằng tuần – Số 37` and `– Số 43`, in
/// whatever language the issue word is), a newsletter's issues or a
/// podcast's episodes. `titles` are (source, title) pairs; gives whether
/// each is one.
fn numbered_series(titles: &[(Option<&str>, &str)]) -> Vec<bool> {
    // The title with its one number taken out, and the number; `None`
    // without exactly one number of four digits at most.
    let masked = |title: &str| -> Option<(String, u32)> {
        let mut numbers = title
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty());
        let number = numbers.next()?;
        if numbers.next().is_some() || number.len() > 4 {
            return None;
        }
        Some((title.replacen(number, "#", 1), number.parse().ok()?))
    };
    let keys: Vec<Option<(Option<&str>, String, u32)>> = titles
        .iter()
        .map(|&(source, title)| masked(title).map(|(m, n)| (source, m, n)))
        .collect();
    let mut numbers: HashMap<(Option<&str>, &str), HashSet<u32>> = HashMap::new();
    for (source, masked, n) in keys.iter().flatten() {
        if source.is_some() {
            numbers
                .entry((*source, masked.as_str()))
                .or_default()
                .insert(*n);
        }
    }
    keys.iter()
        .map(|k| {
            k.as_ref().is_some_and(|(source, masked, _)| {
                numbers
                    .get(&(*source, masked.as_str()))
                    .is_some_and(|ns| ns.len() >= 2)
            })
        })
        .collect()
}

/// How many distinct things the shared names in `weighted` name: a name
/// whose words are all in a longer one (`morrowpike` in `morrowpike
/// studios`) is the same thing. Counts only names weighing
/// [`DISTINCT_NAME_WEIGHT`]; 0 when fewer than [`DISTINCT_NAMES`] do.
fn distinct_names(corpus: &Corpus, weighted: &[(f64, u32)]) -> usize {
    let is_name = |&&(w, id): &&(f64, u32)| {
        w >= DISTINCT_NAME_WEIGHT && corpus.names[id as usize].starts_with("name:")
    };
    // Most pairs share too few names to matter: no need to group them.
    if weighted.iter().filter(is_name).count() < DISTINCT_NAMES {
        return 0;
    }
    let mut names: Vec<Vec<&str>> = weighted
        .iter()
        .filter(is_name)
        .filter_map(|&(_, id)| corpus.names[id as usize].strip_prefix("name:"))
        .map(|n| n.split(' ').collect())
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let mut groups: Vec<Vec<&str>> = Vec::new();
    for name in names {
        if !groups.iter().any(|g| name.iter().all(|w| g.contains(w))) {
            groups.push(name);
        }
    }
    groups.len()
}

/// Whether `y` names `x`'s publisher in its title or lede: a company's own
/// statement and the news of it, a vendor's advisory and the reports on
/// it, or a report and the outlet it credits. Named further down, the
/// publisher is a comparison (the other pension fund on the same
/// platform, hit the same week).
fn names_publisher(x: &StoryFeatures, y: &StoryFeatures) -> bool {
    x.publisher.iter().any(|words| {
        words
            .iter()
            .all(|w| y.opening_names.binary_search(w).is_ok())
    })
}

/// Groups articles into stories. Gives clusters (members in date order,
/// then path) and the reason for every pair inside a cluster.
pub fn cluster(corpus: &Corpus, settings: ClusterSettings) -> (Vec<Vec<usize>>, Vec<MergeReason>) {
    let stories = &corpus.stories;
    let (order, index) = (&corpus.order, &corpus.postings);
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut cluster_of: Vec<usize> = vec![usize::MAX; stories.len()];
    let mut reasons: Vec<MergeReason> = Vec::new();
    let mut seen: Vec<usize> = vec![usize::MAX; stories.len()];
    // The same canonical URL is one story whatever the dates.
    let mut by_url: HashMap<u32, usize> = HashMap::new();
    let room = |members: &Vec<usize>| members.len() < settings.max_reports.max(1);
    for (pos, &i) in order.iter().enumerate() {
        if let Some(&c) = stories[i]
            .url
            .and_then(|u| by_url.get(&u))
            .filter(|&&c| room(&clusters[c]))
        {
            reasons.push(MergeReason {
                article: i,
                other: clusters[c][0],
                why: format!(
                    "same canonical URL {}",
                    corpus.shown(stories[i].url.unwrap_or_default())
                ),
            });
            clusters[c].push(i);
            cluster_of[i] = c;
            continue;
        }
        let mut best: Option<(usize, f64, Vec<MergeReason>)> = None;
        let mut tried: Vec<usize> = Vec::new();
        for j in index.earlier(corpus, order, pos, settings, &mut seen) {
            let c = cluster_of[j];
            if tried.contains(&c) {
                continue;
            }
            tried.push(c);
            let members = &clusters[c];
            if !room(members) {
                continue;
            }
            let wide = members.iter().any(|&m| far_evidence(corpus, i, m));
            // The text window runs from the story's latest report: a
            // follow-up within the window of the latest is weighed against
            // the earlier ones with the window stretched by the story's span.
            let dates = members.iter().map(|&m| stories[m].date);
            let (first, last) = (dates.clone().min(), dates.max());
            let span = match (first, last) {
                (Some(first), Some(last))
                    if (stories[i].date - last).num_days().abs() <= settings.window_days =>
                {
                    (last - first).num_days().abs()
                }
                _ => 0,
            };
            // Average linkage: a newcomer joins a story when it is the same
            // story as one member at least, its mean score over all members
            // reaches the threshold, and no member lists its own indicators
            // against it. Complete linkage (alike with every member) kept a
            // report out whenever one outlet's wording was far from it: a
            // Swedish terminal report and a French rewrite share the
            // company's name and little else, each close to the statement.
            let Some(each) = against_each(corpus, i, members, settings, wide, span) else {
                continue;
            };
            let closest = closest_member(members, &each);
            let mut mean = each.iter().map(|c| c.score).sum::<f64>() / members.len() as f64;
            let mut why: Vec<MergeReason> = members
                .iter()
                .zip(each)
                .filter(|(_, cmp)| cmp.same)
                .map(|(&m, cmp)| MergeReason {
                    article: i,
                    other: m,
                    why: cmp.why,
                })
                .collect();
            let mut joins = !why.is_empty() && mean >= settings.threshold;
            // Like no report on its own, a newcomer can be like the story:
            // what it shares with the reports together, each of which told
            // a part (one the company and the gang, another the city), when
            // it shares something with each of them. (Without that, on the
            // blind8 stories, measured by their totals alone, precision fell
            // from 0.93 to 0.69 for no pair more.)
            if !joins && members.len() >= 2 && story_may_suffice(corpus, i, members) {
                let whole = story_as_one(corpus, members, closest, last.unwrap_or(stories[i].date));
                let cmp = compare_features(corpus, &stories[i], &whole, settings, wide, span);
                // The words are one report's: only the things the reports
                // share between them can make the story like the newcomer.
                if cmp.same && cmp.shared_things_suffice && shares_with_every(corpus, i, members) {
                    joins = true;
                    mean = cmp.score.min(mean.max(settings.threshold));
                    why = vec![MergeReason {
                        article: i,
                        other: closest,
                        why: format!("with the story's reports together: {}", cmp.why),
                    }];
                }
            }
            if joins {
                let better = best.as_ref().is_none_or(|(bc, b, _)| {
                    mean > *b || (mean == *b && clusters[c][0] < clusters[*bc][0])
                });
                if better {
                    best = Some((c, mean, why));
                }
            }
        }
        match best {
            Some((c, _, why)) => {
                clusters[c].push(i);
                cluster_of[i] = c;
                reasons.extend(why);
            }
            None => {
                cluster_of[i] = clusters.len();
                clusters.push(vec![i]);
            }
        }
        if let Some(u) = stories[i].url {
            // The newest story with room takes the next report of this URL.
            let known = by_url.entry(u).or_insert(cluster_of[i]);
            if !room(&clusters[*known]) {
                *known = cluster_of[i];
            }
        }
    }
    join_stories_formed_later(
        corpus,
        settings,
        order,
        index,
        &mut clusters,
        &mut cluster_of,
        &mut reasons,
    );
    (clusters, reasons)
}

/// The second look: a report that stayed alone because it came before
/// the rest of its story had been told (the first report, in German, of
/// what a Dutch and an English report later tell together) is compared
/// with the stories around it, earlier or later, as [`story_as_one`]; it
/// joins the best that shares evidence enough with it beyond words. The
/// clusters are renumbered when one empties, so `cluster_of` is stale
/// once it returns.
fn join_stories_formed_later(
    corpus: &Corpus,
    settings: ClusterSettings,
    order: &[usize],
    index: &Postings,
    clusters: &mut Vec<Vec<usize>>,
    cluster_of: &mut [usize],
    reasons: &mut Vec<MergeReason>,
) {
    let stories = &corpus.stories;
    let mut position = vec![0; stories.len()];
    for (pos, &i) in order.iter().enumerate() {
        position[i] = pos;
    }
    let mut seen = vec![usize::MAX; stories.len()];
    let mut moved = false;
    for (pos, &i) in order.iter().enumerate() {
        let own = cluster_of[i];
        if clusters[own].len() != 1 || stories[i].own_item().is_some() {
            continue;
        }
        let mut best: Option<(usize, f64, MergeReason)> = None;
        let mut tried: Vec<usize> = Vec::new();
        for j in index.around(corpus, order, pos, settings, &mut seen) {
            let c = cluster_of[j];
            if c == own || tried.contains(&c) {
                continue;
            }
            tried.push(c);
            let members = &clusters[c];
            if members.len() < 2
                || members.len() >= settings.max_reports.max(1)
                || !story_may_suffice(corpus, i, members)
            {
                continue;
            }
            let wide = members.iter().any(|&m| far_evidence(corpus, i, m));
            let Some(each) = against_each(corpus, i, members, settings, wide, 0) else {
                continue;
            };
            let closest = closest_member(members, &each);
            let date = stories[i].date;
            let nearest = members
                .iter()
                .map(|&m| stories[m].date)
                .min_by_key(|d| (*d - date).num_seconds().abs())
                .unwrap_or(date);
            let whole = story_as_one(corpus, members, closest, nearest);
            let cmp = compare_features(corpus, &stories[i], &whole, settings, wide, 0);
            if cmp.same
                && cmp.shared_things_suffice
                && shares_with_every(corpus, i, members)
                && best.as_ref().is_none_or(|(_, b, _)| cmp.score > *b)
            {
                let reason = MergeReason {
                    article: i,
                    other: closest,
                    why: format!("with the story's later reports together: {}", cmp.why),
                };
                best = Some((c, cmp.score, reason));
            }
        }
        if let Some((c, _, reason)) = best {
            clusters[own].clear();
            clusters[c].push(i);
            clusters[c].sort_by_key(|&m| position[m]);
            cluster_of[i] = c;
            reasons.push(reason);
            moved = true;
        }
    }
    if moved {
        clusters.retain(|members| !members.is_empty());
        clusters.sort_by_key(|members| position[members[0]]);
    }
}

/// Pairs that were compared but not merged and came close: they share a
/// CVE, or score at least half the threshold. For `--explain-clusters`.
pub fn near_misses(
    corpus: &Corpus,
    cluster_of: &[usize],
    settings: ClusterSettings,
) -> Vec<(usize, usize, Comparison)> {
    let stories = &corpus.stories;
    let (order, index) = (&corpus.order, &corpus.postings);
    let mut seen: Vec<usize> = vec![usize::MAX; stories.len()];
    let mut out = Vec::new();
    for (pos, &i) in order.iter().enumerate() {
        let mut earlier = index.earlier(corpus, order, pos, settings, &mut seen);
        earlier.sort_unstable();
        for j in earlier {
            if cluster_of[i] == cluster_of[j] {
                continue;
            }
            let c = compare(corpus, i, j, settings);
            let shares_cve = intersect(&stories[i].cves, &stories[j].cves) > 0;
            if shares_cve || c.score >= settings.threshold / 2.0 {
                out.push((i, j, c));
            }
        }
    }
    out
}

fn date_order(stories: &[StoryFeatures]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..stories.len()).collect();
    order.sort_by(|&a, &b| {
        stories[a]
            .date
            .cmp(&stories[b].date)
            .then_with(|| stories[a].path.cmp(&stories[b].path))
    });
    order
}

/// For each feature, the positions (in date order) of the articles that
/// have it, up to one more than [`MAX_POSTINGS`] (a longer list is
/// skipped).
#[derive(Debug, Clone, Default)]
struct Postings {
    by_feature: Vec<Vec<usize>>,
}

impl Postings {
    fn new(corpus: &Corpus, order: &[usize]) -> Self {
        let mut by_feature: Vec<Vec<usize>> = vec![Vec::new(); corpus.names.len()];
        for (pos, &i) in order.iter().enumerate() {
            for id in corpus.stories[i].keys() {
                let list = &mut by_feature[id as usize];
                if list.len() <= MAX_POSTINGS {
                    list.push(pos);
                }
            }
        }
        Postings { by_feature }
    }

    /// Articles before `order[pos]` in date order, within the evidence
    /// window, that share a feature rare enough to look up; each once.
    fn earlier(
        &self,
        corpus: &Corpus,
        order: &[usize],
        pos: usize,
        settings: ClusterSettings,
        seen: &mut [usize],
    ) -> Vec<usize> {
        self.near(corpus, order, pos, settings, seen, false)
    }

    /// [`Postings::earlier`], and the articles after `order[pos]` within
    /// the window too.
    fn around(
        &self,
        corpus: &Corpus,
        order: &[usize],
        pos: usize,
        settings: ClusterSettings,
        seen: &mut [usize],
    ) -> Vec<usize> {
        self.near(corpus, order, pos, settings, seen, true)
    }

    /// The articles within the evidence window of `order[pos]` that share a
    /// feature rare enough to look up, each once: before it, and after it
    /// too when `later`. Positions are in date order, so each posting list
    /// is walked out from this article as far as the window reaches.
    fn near(
        &self,
        corpus: &Corpus,
        order: &[usize],
        pos: usize,
        settings: ClusterSettings,
        seen: &mut [usize],
        later: bool,
    ) -> Vec<usize> {
        let i = order[pos];
        let story = &corpus.stories[i];
        let days = settings.evidence_window_days();
        let within = |p: usize| {
            (story.date - corpus.stories[order[p]].date)
                .num_days()
                .abs()
                <= days
        };
        let mut found = Vec::new();
        for id in story.keys() {
            let list = &self.by_feature[id as usize];
            if list.len() > MAX_POSTINGS {
                continue;
            }
            let here = list.partition_point(|&p| p < pos);
            let before = list[..here].iter().rev().take_while(|&&p| within(p));
            let after = list[here..].iter().take_while(|&&p| later && within(p));
            for &p in before.chain(after) {
                let j = order[p];
                if p != pos && seen[j] != i {
                    seen[j] = i;
                    found.push(j);
                }
            }
        }
        found
    }
}

/// One labelled part of a score.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// `title`, `lede`, `CVE`, `rare`, `link`, `days`.
    pub label: &'static str,
    /// What it adds (negative for the days penalty).
    pub value: f64,
    /// What it saw: the shared CVEs, rare things, the link.
    pub detail: String,
}

/// How two articles compare, merged or not.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Whether they are the same story.
    pub same: bool,
    /// The score (10 for the same canonical URL).
    pub score: f64,
    /// The parts of the score, in order.
    pub parts: Vec<Part>,
    /// The explanation: the parts and the verdict, one line.
    pub why: String,
    /// Whether what they share beyond their words (CVEs, rare things, a
    /// link) is evidence enough on its own, as it must be across languages.
    pub shared_things_suffice: bool,
}

fn intersect(a: &[u32], b: &[u32]) -> usize {
    shared(a, b).count()
}

/// Ids in both sorted lists.
fn shared<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some(a[i - 1]);
                }
            }
        }
        None
    })
}

fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = intersect(a, b);
    common as f64 / (a.len() + b.len() - common) as f64
}

/// Compares articles `a` and `b` of the corpus: the signals, each a
/// labelled part, and whether they add up to one story.
pub fn compare(corpus: &Corpus, a: usize, b: usize, s: ClusterSettings) -> Comparison {
    compare_within(corpus, a, b, s, false, 0)
}

/// Whether `a` and `b` share what lets reports be further apart than the
/// text window: one links to the other, or they share an indicator.
fn far_evidence(corpus: &Corpus, a: usize, b: usize) -> bool {
    let (x, y) = (&corpus.stories[a], &corpus.stories[b]);
    linked(x, y)
        || shared(&x.rare, &y.rare)
            .any(|id| corpus.is_indicator(id) && corpus.weight(id) >= INDICATOR_EVIDENCE)
}

/// The kind of indicator (`CVEs`, `hashes`, `IP addresses`, one issuer's
/// incident IDs) both articles list, at least one each that weighs, with
/// none in common; `None` when
/// they share one of each kind both list, or one of them lists none. One
/// vendor's advisories a month apart share its product and versions; what
/// each fixes is its own.
fn indicators_differ(
    corpus: &Corpus,
    x: &StoryFeatures,
    y: &StoryFeatures,
) -> Option<&'static str> {
    let listed = |s: &StoryFeatures, prefix: &str| -> Vec<u32> {
        s.rare
            .iter()
            .copied()
            .filter(|&id| corpus.names[id as usize].starts_with(prefix) && corpus.weight(id) > 0.0)
            .collect()
    };
    let own_cves = |s: &StoryFeatures| -> Vec<u32> {
        s.cves
            .iter()
            .copied()
            .filter(|&id| corpus.rarity_weight(id) > 0.0)
            .collect()
    };
    // What a title names is the article's subject: two advisories titled
    // with other CVEs, or with one issuer's other IDs, are two stories
    // however much the later one recalls the earlier.
    let titled = |s: &StoryFeatures, cve: bool| -> Vec<u32> {
        s.title_indicators
            .iter()
            .copied()
            .filter(|&id| corpus.names[id as usize].starts_with("cve:") == cve)
            .collect()
    };
    let (a, b) = (titled(x, true), titled(y, true));
    if !a.is_empty() && !b.is_empty() && intersect(&a, &b) == 0 {
        return Some("CVEs in their titles");
    }
    let issuer = |id: u32| corpus.shown(id).split('-').next().unwrap_or("");
    let (a, b) = (titled(x, false), titled(y, false));
    if a.iter().any(|&p| b.iter().any(|&q| issuer(p) == issuer(q))) && intersect(&a, &b) == 0 {
        return Some("advisory IDs in their titles");
    }
    let (a, b) = (own_cves(x), own_cves(y));
    if !a.is_empty() && !b.is_empty() && intersect(&a, &b) == 0 {
        return Some("CVEs");
    }
    if let Some(kind) = [("hash:", "hashes"), ("ip:", "IP addresses")]
        .into_iter()
        .find(|(prefix, _)| {
            let (a, b) = (listed(x, prefix), listed(y, prefix));
            !a.is_empty() && !b.is_empty() && intersect(&a, &b) == 0
        })
        .map(|(_, kind)| kind)
    {
        return Some(kind);
    }
    // Incident and advisory IDs of one issuer (`NIM-2026-0320-A` and
    // `NIM-2026-0415-B`): each report gives its own incident's. IDs of two
    // issuers (a vendor's advisory, a CERT's) say nothing of each other.
    let (a, b) = (listed(x, "id:"), listed(y, "id:"));
    let one_issuer = a.iter().any(|&p| b.iter().any(|&q| issuer(p) == issuer(q)));
    (one_issuer && intersect(&a, &b) == 0).then_some("incident IDs")
}

/// Whether what two reports share holds a rare name and a rare figure (a
/// count, a day, a time), together weighing [`KINDS_EVIDENCE`], or
/// [`COUNT_EVIDENCE`] when the figure is a count (the victim and how many
/// were hit, which the next stories of one company do not repeat); the caller
/// also asks that they do not each list their own indicators. A follow-up
/// two weeks later repeats the victim's name and its count or the day it
/// was hit, where one vendor's next advisory, or a later attack with the
/// same flaw, repeats names and versions but not the figures of the event.
fn names_and_figures(corpus: &Corpus, shared: &[u32]) -> bool {
    let weighing = |kind: EvidenceKind| {
        shared
            .iter()
            .filter(|&&id| corpus.evidence_kind(id) == kind)
            .map(|&id| corpus.weight(id))
            .sum::<f64>()
    };
    let (names, figures) = (weighing(EvidenceKind::Name), weighing(EvidenceKind::Figure));
    let count = shared
        .iter()
        .any(|&id| corpus.names[id as usize].starts_with("num:") && corpus.weight(id) > 0.0);
    let needed = if count {
        COUNT_EVIDENCE
    } else {
        KINDS_EVIDENCE
    };
    names > 0.0 && figures > 0.0 && names + figures >= needed
}

/// Whether what two reports share is of [`FAR_KINDS`] kinds or more (a
/// CVE, the fixed version and the researcher's name), weighing
/// [`RARE_EVIDENCE`] with their shared CVEs.
fn many_kinds(corpus: &Corpus, shared: &[u32], x: &StoryFeatures, y: &StoryFeatures) -> bool {
    let mut kinds: Vec<EvidenceKind> = Vec::new();
    let mut weight = 0.0;
    for &id in shared {
        let w = corpus.weight(id);
        if w > 0.0 {
            kinds.push(corpus.evidence_kind(id));
            weight += w;
        }
    }
    for id in self::shared(&x.cves, &y.cves) {
        kinds.push(EvidenceKind::Cve);
        weight += corpus.rarity_weight(id);
    }
    kinds.sort_unstable();
    kinds.dedup();
    kinds.len() >= FAR_KINDS && weight >= RARE_EVIDENCE
}

/// Whether one of two reports links to the other. A link between two
/// reports of one outlet does not count: an outlet points at its own
/// earlier coverage ("last month's Patch Tuesday", "our report on the
/// outage") from the next story as often as from a follow-up.
fn linked(x: &StoryFeatures, y: &StoryFeatures) -> bool {
    if x.source.is_some() && x.source == y.source {
        return false;
    }
    x.url.is_some_and(|u| y.links.binary_search(&u).is_ok())
        || y.url.is_some_and(|u| x.links.binary_search(&u).is_ok())
}

/// [`compare`], with the evidence window when `wide`: a newcomer that links
/// to one member of a story, or shares an indicator with it, is weighed
/// against every member with the wider window (a follow-up weeks later
/// links to one report, not to all); and with the text window stretched by
/// `span` days (the story's, when the newcomer is within the window of its
/// latest report).
fn compare_within(
    corpus: &Corpus,
    a: usize,
    b: usize,
    s: ClusterSettings,
    wide: bool,
    span: i64,
) -> Comparison {
    compare_features(
        corpus,
        &corpus.stories[a],
        &corpus.stories[b],
        s,
        wide,
        span,
    )
}

/// A story's reports as one: the rare things, CVEs, links and publishers
/// any of them has, with the text and source of `closest` (the member most
/// like the newcomer), dated `date` (the member's nearest the newcomer). What a newcomer shares
/// with the story, when one report names the company and the gang, another
/// the city and a third the figure.
fn story_as_one(
    corpus: &Corpus,
    members: &[usize],
    closest: usize,
    date: DateTime<FixedOffset>,
) -> StoryFeatures {
    let union = |pick: fn(&StoryFeatures) -> &Vec<u32>| -> Vec<u32> {
        let mut all: Vec<u32> = members
            .iter()
            .flat_map(|&m| pick(&corpus.stories[m]).iter().copied())
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    let base = &corpus.stories[closest];
    StoryFeatures {
        date,
        url: None,
        title_words: base.title_words.clone(),
        lede_words: base.lede_words.clone(),
        cves: union(|s| &s.cves),
        rare: union(|s| &s.rare),
        links: union(|s| &s.links),
        source: base.source.clone(),
        path: base.path.clone(),
        roundup: false,
        looks_back: false,
        publisher: members
            .iter()
            .flat_map(|&m| corpus.stories[m].publisher.iter().cloned())
            .collect(),
        title_indicators: union(|s| &s.title_indicators),
        opening_names: union(|s| &s.opening_names),
    }
}

/// Whether what `i` shares with any of `members` could be evidence enough
/// on its own (see [`Comparison::shared_things_suffice`]): rare things and
/// CVEs weighing [`COUNT_EVIDENCE`] at least, two CVEs, or a link. Most
/// stories a newcomer is weighed against share one common thing with it;
/// this spares building them as one.
fn story_may_suffice(corpus: &Corpus, i: usize, members: &[usize]) -> bool {
    let x = &corpus.stories[i];
    let in_any = |id: &u32, pick: fn(&StoryFeatures) -> &Vec<u32>| {
        members
            .iter()
            .any(|&m| pick(&corpus.stories[m]).binary_search(id).is_ok())
    };
    let rare: f64 = x
        .rare
        .iter()
        .filter(|id| in_any(id, |s| &s.rare))
        .map(|&id| corpus.weight(id))
        .sum();
    let cves: Vec<u32> = x
        .cves
        .iter()
        .copied()
        .filter(|id| in_any(id, |s| &s.cves))
        .collect();
    let cve_weight: f64 = cves.iter().map(|&id| corpus.rarity_weight(id)).sum();
    rare + cve_weight >= COUNT_EVIDENCE
        || cves.len() >= 2
        || members.iter().any(|&m| linked(x, &corpus.stories[m]))
}

/// Newcomer `i` compared with each of a story's `members`, in their order;
/// `None` when one of them lists its own indicators against it: two
/// incidents, whatever the others say.
fn against_each(
    corpus: &Corpus,
    i: usize,
    members: &[usize],
    settings: ClusterSettings,
    wide: bool,
    span: i64,
) -> Option<Vec<Comparison>> {
    // A story whose reports list several indicators between them: the
    // newcomer that repeats one report's lists what another did not, and
    // is not the other incident that report's own indicators would say.
    let shares_an_indicator = members.iter().any(|&m| {
        shared(&corpus.stories[i].rare, &corpus.stories[m].rare)
            .any(|id| corpus.is_indicator(id) && corpus.weight(id) >= INDICATOR_EVIDENCE)
    });
    let mut each = Vec::with_capacity(members.len());
    for &m in members {
        let cmp = compare_within(corpus, i, m, settings, wide, span);
        if !shares_an_indicator && cmp.parts.iter().any(|p| p.label == "indicators") {
            return None;
        }
        each.push(cmp);
    }
    Some(each)
}

/// The member whose comparison with the newcomer scores highest (the first
/// of equals): the one whose words stand for the story's.
fn closest_member(members: &[usize], each: &[Comparison]) -> usize {
    let mut closest = (f64::MIN, members[0]);
    for (&m, cmp) in members.iter().zip(each) {
        if cmp.score > closest.0 {
            closest = (cmp.score, m);
        }
    }
    closest.1
}

/// Whether article `i` shares a rare thing that weighs with every one of
/// `members`. Taken together, a story's reports name many things; a
/// report of another event (the same actor's next campaign, a company of
/// the same name) shares some of them with some reports, a report of the
/// story something with each.
fn shares_with_every(corpus: &Corpus, i: usize, members: &[usize]) -> bool {
    let x = &corpus.stories[i].rare;
    members
        .iter()
        .all(|&m| shared(x, &corpus.stories[m].rare).any(|id| corpus.weight(id) > 0.0))
}

/// [`compare_within`] on two articles' features.
fn compare_features(
    corpus: &Corpus,
    x: &StoryFeatures,
    y: &StoryFeatures,
    s: ClusterSettings,
    wide: bool,
    span: i64,
) -> Comparison {
    if x.url.is_some() && x.url == y.url {
        let url = corpus.shown(x.url.unwrap_or_default()).to_owned();
        return Comparison {
            same: true,
            score: 10.0,
            parts: vec![Part {
                label: "url",
                value: 10.0,
                detail: url.clone(),
            }],
            why: format!("same canonical URL {url}"),
            shared_things_suffice: true,
        };
    }
    if let Some(why) = x.own_item().or_else(|| y.own_item()) {
        return Comparison {
            same: false,
            score: 0.0,
            parts: Vec::new(),
            why: why.to_owned(),
            shared_things_suffice: false,
        };
    }
    let days = (x.date - y.date).num_days().abs();
    let linked = linked(x, y);
    let rare_shared: Vec<u32> = shared(&x.rare, &y.rare).collect();
    let indicator = rare_shared
        .iter()
        .any(|&id| corpus.is_indicator(id) && corpus.weight(id) >= INDICATOR_EVIDENCE);
    let differ = indicators_differ(corpus, x, y);
    let window = if linked
        || indicator
        || wide
        || (differ.is_none() && names_and_figures(corpus, &rare_shared))
    {
        s.evidence_window_days()
    } else if differ.is_none() && many_kinds(corpus, &rare_shared, x, y) {
        (2 * s.window_days + span).min(s.evidence_window_days())
    } else {
        (s.window_days + span).min(s.evidence_window_days())
    };
    if days > window {
        return Comparison {
            same: false,
            score: 0.0,
            parts: Vec::new(),
            why: format!(
                "{days} days apart, more than {window}{}",
                if window < s.evidence_window_days() {
                    " (no shared indicator or link)"
                } else {
                    ""
                }
            ),
            shared_things_suffice: false,
        };
    }
    let mut parts = Vec::new();
    let title = jaccard(&x.title_words, &y.title_words);
    parts.push(Part {
        label: "title",
        value: title,
        detail: String::new(),
    });
    let lede = jaccard(&x.lede_words, &y.lede_words);
    parts.push(Part {
        label: "lede",
        value: lede,
        detail: String::new(),
    });
    let cve_ids: Vec<u32> = shared(&x.cves, &y.cves).collect();
    let cves: Vec<&str> = cve_ids.iter().map(|&id| corpus.shown(id)).collect();
    // What the shared CVEs weigh as rare things, towards standing in for
    // ledes: each as much as an indicator of its rarity, scaled like the
    // CVE part.
    let mut cve_weight = 0.0;
    if !cves.is_empty() {
        // Scaled by how much of the two CVE lists is shared: a report that
        // mentions another story's CVE in passing shares one of its own two.
        let all = x.cves.len() + y.cves.len() - cves.len();
        cve_weight = cve_ids
            .iter()
            .map(|&id| corpus.rarity_weight(id))
            .sum::<f64>()
            * cves.len() as f64
            / all as f64;
        parts.push(Part {
            label: "CVE",
            value: CVE_SCORE * cves.len() as f64 / all as f64,
            detail: format!("shared {}, weighs {cve_weight:.2}", cves.join(", ")),
        });
    }
    let mut weighted: Vec<(f64, u32)> = rare_shared
        .iter()
        .map(|&id| (corpus.weight(id), id))
        .filter(|&(w, _)| w > 0.0)
        .collect();
    weighted.sort_by(|p, q| q.0.total_cmp(&p.0).then(p.1.cmp(&q.1)));
    let mut rare_weight: f64 = weighted.iter().map(|(w, _)| w).sum();
    let rare_part = (rare_weight * RARE_SCALE).min(RARE_CAP);
    if rare_weight > 0.0 {
        let shown: Vec<&str> = weighted
            .iter()
            .take(6)
            .map(|&(_, id)| corpus.shown(id))
            .collect();
        let more = weighted.len().saturating_sub(6);
        parts.push(Part {
            label: "rare",
            value: rare_part,
            detail: format!(
                "{}{} weigh {rare_weight:.2}",
                shown.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            ),
        });
    }
    // Reports of one incident copy its indicators; two incidents on one
    // platform, or by one actor, each have their own. When both list
    // CVEs, hashes or IP addresses and share none, the names they share are the
    // setting, not the story: the rare part is taken back, and stands in
    // for nothing.
    if let Some(kind) = differ.filter(|_| rare_part > 0.0) {
        parts.push(Part {
            label: "indicators",
            value: -rare_part,
            detail: format!("each lists its own {kind}, none shared"),
        });
        rare_weight = 0.0;
    }
    // Kinds of evidence that agree: each kind beyond the first adds to the
    // score, and two or more stand in for ledes at a lower weight.
    let mut kinds: Vec<EvidenceKind> = Vec::new();
    if rare_weight > 0.0 {
        kinds.extend(weighted.iter().map(|&(_, id)| corpus.evidence_kind(id)));
    }
    if !cves.is_empty() {
        kinds.push(EvidenceKind::Cve);
    }
    kinds.sort_unstable();
    kinds.dedup();
    let kinds_agree = kinds.len() >= 2;
    if kinds_agree {
        let shown: Vec<&str> = kinds
            .iter()
            .map(|k| match k {
                EvidenceKind::Name => "name",
                EvidenceKind::Figure => "figure",
                EvidenceKind::Indicator => "indicator",
                EvidenceKind::Version => "version",
                EvidenceKind::Cve => "CVE",
            })
            .collect();
        parts.push(Part {
            label: "kinds",
            value: KIND_SCORE * (kinds.len() - 1) as f64,
            detail: shown.join(" + "),
        });
    }
    // A rare name and a rare count that agree are the victim and how many
    // were hit: a rewrite in another language keeps both and little else,
    // where one actor's or one vendor's other stories share the names and
    // not the count.
    let name_and_count = rare_weight > 0.0
        && weighted
            .iter()
            .any(|&(_, id)| corpus.evidence_kind(id) == EvidenceKind::Name)
        && weighted
            .iter()
            .any(|&(_, id)| corpus.names[id as usize].starts_with("num:"));
    if name_and_count {
        parts.push(Part {
            label: "count",
            value: KIND_SCORE,
            detail: "a rare name and a rare count agree".to_owned(),
        });
    }
    let names = if rare_weight > 0.0 {
        distinct_names(corpus, &weighted)
    } else {
        0
    };
    let many_names = names >= DISTINCT_NAMES;
    if many_names {
        parts.push(Part {
            label: "names",
            value: KIND_SCORE * (names + 1 - DISTINCT_NAMES) as f64,
            detail: format!("{names} distinct rare names"),
        });
    }
    // Naming the other's publisher weighs as a rare thing: with little
    // else shared it is a citation, not evidence.
    // Nor does it count when each lists its own indicators: a vendor named
    // by news of its other advisory.
    let publisher = !linked && differ.is_none() && (names_publisher(x, y) || names_publisher(y, x));
    if publisher {
        parts.push(Part {
            label: "publisher",
            value: PUBLISHER_WEIGHT * RARE_SCALE,
            detail: "one names the other's publisher".to_owned(),
        });
    }
    let rare_weight = rare_weight + if publisher { PUBLISHER_WEIGHT } else { 0.0 };
    if linked {
        parts.push(Part {
            label: "link",
            value: LINK_SCORE,
            detail: "one links to the other".to_owned(),
        });
    }
    let penalty = DAY_PENALTY * days.min(s.window_days) as f64;
    parts.push(Part {
        label: "days",
        value: -penalty,
        detail: format!("{days} day(s) apart"),
    });
    let score: f64 = parts.iter().map(|p| p.value).sum();
    let same_source = x.source.is_some() && x.source == y.source;
    let needed = s.threshold + if same_source { SAME_SOURCE_EXTRA } else { 0.0 };
    // Without similar ledes, similar titles alone ("This week in security")
    // are not one story; a shared CVE lowers the bar a little, and rare
    // things (a shared CVE among them, as rare as it is) or a link shared
    // stand in for ledes in another language.
    // Only when a text is too short to compare do titles decide alone.
    let no_lede = x.lede_words.len() < 5 || y.lede_words.len() < 5;
    let shared_things_suffice = cves.len() >= 2
        || rare_weight + cve_weight >= RARE_EVIDENCE
        || (kinds_agree && rare_weight + cve_weight >= KINDS_EVIDENCE)
        || (name_and_count && rare_weight >= COUNT_EVIDENCE)
        || many_names
        || linked;
    let evidence = lede >= 0.10
        || (!cves.is_empty() && lede >= 0.07)
        || (no_lede && title >= 0.6)
        || shared_things_suffice;
    let same = evidence && score >= needed && differ.is_none();
    let mut why = String::new();
    for (n, p) in parts.iter().enumerate() {
        let sign = if p.value < 0.0 {
            " - "
        } else if n == 0 {
            ""
        } else {
            " + "
        };
        let detail = if p.detail.is_empty() {
            String::new()
        } else {
            format!(" ({})", p.detail)
        };
        why.push_str(&format!("{sign}{} {:.2}{detail}", p.label, p.value.abs()));
    }
    // Two places unless they would show a score just short of the bar as
    // the bar itself ("0.30 < 0.30").
    let places = if format!("{score:.2}") == format!("{needed:.2}") && score != needed {
        3
    } else {
        2
    };
    why.push_str(&format!(" = {score:.places$}"));
    if let Some(kind) = differ {
        why.push_str(&format!(
            "; each lists its own {kind}, none shared: two incidents"
        ));
    } else if !evidence {
        why.push_str(&format!(
            "; ledes differ (under 0.10, or 0.07 with a shared CVE), under two CVEs shared and rare things with shared CVEs weigh under {RARE_EVIDENCE:.1} (under {KINDS_EVIDENCE:.1} with two kinds)"
        ));
    } else {
        let sign = if score >= needed { ">=" } else { "<" };
        why.push_str(&format!(" {sign} {needed:.places$}"));
    }
    if same_source {
        why.push_str(" (same source)");
    }
    Comparison {
        same,
        score,
        parts,
        why,
        shared_things_suffice,
    }
}

/// Words that say nothing about which story it is.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "is", "are", "was", "were", "be",
    "been", "by", "with", "as", "at", "from", "that", "this", "it", "its", "into", "over", "after",
    "new", "says", "said", "how", "what", "why", "who", "will", "can", "has", "have", "had", "not",
    "no", "but", "all", "we", "you", "they", "their", "our", "his", "her", "than", "then", "also",
    "more", "about", "which", "there", "these", "those", "been", "up", "out", "so", "if", "one",
];

/// The content words of `text`: lower-case letters and digits, no stop words.
pub fn content_words(text: &str, limit: usize) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .take(limit)
        .collect()
}

/// Tracking parameters that never change which page a URL is.
fn is_tracking_param(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.starts_with("utm_")
        || matches!(
            n.as_str(),
            "fbclid"
                | "gclid"
                | "dclid"
                | "mc_cid"
                | "mc_eid"
                | "ref"
                | "ref_src"
                | "source"
                | "cmpid"
                | "ncid"
                | "yclid"
                | "_hsenc"
                | "_hsmi"
                | "igshid"
        )
}

/// The canonical form of an article URL: lower-case host without `www.`,
/// no fragment, no tracking parameters, no trailing slash.
pub fn canonical_url(url: &Url) -> String {
    let host = url.host_str().unwrap_or("").to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let mut out = host.to_owned();
    if let Some(port) = url.port() {
        out.push_str(&format!(":{port}"));
    }
    out.push_str(url.path().trim_end_matches('/'));
    let mut params: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !is_tracking_param(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    params.sort();
    if !params.is_empty() {
        let query: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
        out.push('?');
        out.push_str(&query.join("&"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(
        path: &str,
        date: &str,
        title: &str,
        lede: &str,
        cves: &[&str],
        source: &str,
    ) -> StoryInput<'static> {
        // Tests keep their strings for the whole run.
        let lede: &'static HashSet<String> = Box::leak(Box::new(content_words(lede, 80)));
        let title: &'static str = Box::leak(title.to_owned().into_boxed_str());
        let cves: Vec<&'static str> = cves
            .iter()
            .map(|c| &*Box::leak(c.to_string().into_boxed_str()))
            .collect();
        StoryInput {
            date: DateTime::parse_from_rfc3339(&format!("{date}T00:00:00Z")).unwrap(),
            canonical_url: None,
            title,
            lede_words: lede.iter().map(String::as_str).collect(),
            cves,
            watched: Vec::new(),
            rare: Vec::new(),
            title_indicators: title_indicators(title),
            links: Vec::new(),
            source: Some(source.to_owned()),
            path: path.to_owned(),
        }
    }

    /// What enrich gives as the CVEs and advisory IDs `title` names.
    fn title_indicators(title: &str) -> Vec<&'static str> {
        use crate::enrich::story_signals;
        story_signals::title_indicators(title, &story_signals::title_features(title))
            .into_iter()
            .map(|f| &*Box::leak(f.into_boxed_str()))
            .collect()
    }

    /// Forty unrelated articles, so the corpus is big enough for rarity to
    /// tell the test's features apart.
    fn add_filler(stories: &mut Vec<StoryInput<'static>>) {
        for n in 0..40 {
            stories.push(story(
                &format!("x{n}.md"),
                "2025-01-01",
                "x",
                "filler",
                &[],
                "X",
            ));
        }
    }

    fn same(stories: &[StoryInput<'_>], a: usize, b: usize) -> Option<f64> {
        let c = compare(&Corpus::new(stories), a, b, ClusterSettings::default());
        c.same.then_some(c.score)
    }

    #[test]
    fn canonical_urls() {
        let cases = [
            (
                "https://WWW.Example.com/a/b/?utm_source=x&id=3#top",
                "example.com/a/b?id=3",
            ),
            ("http://example.com/a/b", "example.com/a/b"),
            (
                "https://example.com/a?b=2&a=1&fbclid=z",
                "example.com/a?a=1&b=2",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(
                canonical_url(&Url::parse(input).unwrap()),
                expected,
                "{input}"
            );
        }
    }

    #[test]
    fn same_event_different_words_cluster_and_chains_do_not() {
        let lede = "Attackers are exploiting a critical remote code execution flaw in the Widget logging library used by thousands of Java applications";
        let stories = vec![
            story(
                "a.md",
                "2021-12-10",
                "Zero-day in Widget logging library under attack",
                lede,
                &["CVE-2021-1111"],
                "A",
            ),
            story(
                "b.md",
                "2021-12-11",
                "Widget library zero-day exploited in the wild",
                &format!("{lede} worldwide"),
                &["CVE-2021-1111"],
                "B",
            ),
            // A shared CVE, weeks later, different story: a topic, not the same event.
            story(
                "c.md",
                "2022-01-20",
                "Ransomware gang adopts Widget exploit",
                lede,
                &["CVE-2021-1111"],
                "C",
            ),
            // Same week, same CVE, unrelated words.
            story(
                "d.md",
                "2021-12-12",
                "Patch roundup for December",
                "Vendors shipped fixes for dozens of products this month including browsers and routers",
                &["CVE-2021-1111"],
                "D",
            ),
        ];
        let (clusters, reasons) = cluster(&Corpus::new(&stories), ClusterSettings::default());
        assert_eq!(clusters, vec![vec![0, 1], vec![3], vec![2]]);
        assert_eq!(reasons.len(), 1);
        assert!(
            reasons[0].why.contains("shared CVE-2021-1111"),
            "{}",
            reasons[0].why
        );
    }

    #[test]
    fn a_newcomer_like_one_member_joins_when_its_mean_over_the_story_holds() {
        // b is like a and like c; a and c are not alike: c joins {a, b}
        // only when its likeness to b carries its mean over both.
        let a = story(
            "a.md",
            "2024-01-01",
            "alpha beta gamma delta",
            "alpha beta gamma delta epsilon zeta",
            &[],
            "A",
        );
        let b = story(
            "b.md",
            "2024-01-02",
            "alpha beta gamma delta omega psi chi",
            "alpha beta gamma delta epsilon zeta eta theta iota kappa",
            &[],
            "B",
        );
        // Like b a little (title 0.14, lede 0.33): a mean of 0.2 stays out.
        let weak = story(
            "c.md",
            "2024-01-03",
            "omega sigma tau",
            "eta theta iota kappa lambda mu",
            &[],
            "C",
        );
        let stories = vec![a.clone(), b.clone(), weak];
        assert!(same(&stories, 0, 1).is_some_and(|s| s > 0.3));
        assert!(same(&stories, 0, 2).is_none());
        assert!(same(&stories, 1, 2).is_some());
        let (clusters, _) = cluster(&Corpus::new(&stories), ClusterSettings::default());
        assert_eq!(clusters, vec![vec![0, 1], vec![2]]);
        // Like b a lot (title 0.43, lede 0.36): a mean of 0.36 joins, with
        // b named as the reason.
        let strong = story(
            "c.md",
            "2024-01-03",
            "omega psi chi",
            "eta theta iota kappa lambda",
            &[],
            "C",
        );
        let stories = vec![a, b, strong];
        assert!(same(&stories, 0, 2).is_none());
        let (clusters, reasons) = cluster(&Corpus::new(&stories), ClusterSettings::default());
        assert_eq!(clusters, vec![vec![0, 1, 2]]);
        assert!(
            reasons.iter().any(|r| r.article == 2 && r.other == 1),
            "{reasons:?}"
        );
        assert!(!reasons.iter().any(|r| r.article == 2 && r.other == 0));
    }

    #[test]
    fn same_url_merges_whatever_the_dates() {
        let mut a = story("a.md", "2024-01-01", "x", "y", &[], "A");
        let mut b = story("b.md", "2024-03-01", "p", "q", &[], "A");
        a.canonical_url = Some("example.com/s".into());
        b.canonical_url = Some("example.com/s".into());
        let (clusters, reasons) = cluster(&Corpus::new(&[a, b]), ClusterSettings::default());
        assert_eq!(clusters, vec![vec![0, 1]]);
        assert_eq!(reasons[0].why, "same canonical URL example.com/s");
    }

    /// An invented story with rare things from [`features`] of `body`.
    fn told(path: &str, date: &str, title: &str, body: &str, source: &str) -> StoryInput<'static> {
        let mut s = story(path, date, title, body, &[], source);
        let found = crate::enrich::story_signals::features(body, "");
        s.rare = found
            .into_iter()
            .map(|f| &*Box::leak(f.into_boxed_str()))
            .collect();
        s
    }

    #[test]
    fn one_vendors_advisories_for_other_cves_are_other_stories() {
        // Same vendor, product and affected versions, two weeks apart: each
        // fixes its own CVEs, so what they share is the setting.
        let versions = "Corrane Gatekeeper OS 7.2.0 through 7.2.10 and 7.4.0 through 7.4.4";
        let mut first = told(
            "a.md",
            "2025-03-03",
            "SSL VPN command injection",
            &format!(
                "{versions} let a remote attacker run commands before login through \
                 the portal; exploitation was seen in the wild against exposed units."
            ),
            "Corrane",
        );
        first.cves = vec!["CVE-2025-61473"];
        let mut second = told(
            "b.md",
            "2025-03-17",
            "Management API bypass and stored XSS",
            &format!(
                "Admins of {versions} should restrict the management interface: \
                 a crafted request skips authentication and stores script in settings."
            ),
            "Other",
        );
        second.cves = vec!["CVE-2025-62210", "CVE-2025-62211"];
        let mut stories = vec![first.clone(), second.clone()];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        let c = compare_within(&corpus, 1, 0, ClusterSettings::default(), true, 0);
        assert!(!c.same, "{}", c.why);
        assert!(c.why.contains("each lists its own CVEs"), "{}", c.why);
        // The same text about the same CVE is one story.
        second.cves = vec!["CVE-2025-61473"];
        let mut stories = vec![first, second];
        add_filler(&mut stories);
        let c = compare_within(
            &Corpus::new(&stories),
            1,
            0,
            ClusterSettings::default(),
            true,
            0,
        );
        assert!(c.same, "{}", c.why);
    }

    /// A report that shares no words with any other (its title and lede are
    /// its own), only the rare things given.
    fn report(path: &str, date: &str, rare: Vec<&'static str>) -> StoryInput<'static> {
        let stem = path.trim_end_matches(".md");
        let words = format!("{stem}one {stem}two {stem}three {stem}four {stem}five");
        let mut s = story(path, date, &format!("{stem}title"), &words, &[], path);
        s.rare = rare;
        s
    }

    #[test]
    fn a_templated_advisory_for_other_cves_is_another_story_however_alike() {
        // A vendor's advisories share a template: one title and one text,
        // the CVE IDs filled in. Alike words are the template; the CVEs
        // are the story.
        let text = "Corrane has released updates for Gatekeeper OS 7.2.11 that \
                    address a vulnerability in the SSL VPN portal; customers should \
                    upgrade and review the portal logs for signs of exploitation.";
        let mut first = told(
            "a.md",
            "2025-03-03",
            "Security update for Gatekeeper OS",
            text,
            "Corrane",
        );
        first.cves = vec!["CVE-2025-61473"];
        let mut second = told(
            "b.md",
            "2025-03-05",
            "Security update for Gatekeeper OS",
            text,
            "Corrane PSIRT",
        );
        second.cves = vec!["CVE-2025-61990"];
        let mut stories = vec![first, second];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        let c = compare(&corpus, 1, 0, ClusterSettings::default());
        assert!(c.score >= 0.3, "{}", c.why);
        assert!(!c.same, "{}", c.why);
        assert!(c.why.ends_with("none shared: two incidents"), "{}", c.why);
        let (clusters, _) = cluster(&corpus, ClusterSettings::default());
        assert!(clusters.iter().all(|c| !(c.contains(&0) && c.contains(&1))));
    }

    #[test]
    fn a_follow_up_weeks_later_shares_the_victims_name_and_its_count() {
        let first = report(
            "no.md",
            "2025-03-03",
            vec![
                "name:ashen lynx",
                "name:vestmark",
                "name:vestmark helse",
                "num:1240",
                "num:340000",
                "date:03-01",
            ],
        );
        let later = report(
            "da.md",
            "2025-03-19",
            vec![
                "name:ashen lynx",
                "name:vestmark",
                "name:vestmark helse",
                "num:1240",
                "num:340000",
                "date:03-01",
            ],
        );
        let name_only = report(
            "sv.md",
            "2025-03-19",
            vec!["name:vestmark", "name:vestmark helse"],
        );
        let mut stories = vec![first, later, name_only];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        let c = compare(&corpus, 1, 0, ClusterSettings::default());
        assert!(c.same, "{}", c.why);
        let c = compare(&corpus, 2, 0, ClusterSettings::default());
        assert!(!c.same && c.why.contains("more than 7"), "{}", c.why);
    }

    #[test]
    fn a_company_name_and_a_victim_count_carry_across_languages() {
        // The subject opens every sentence, so only the sentence-start rule
        // makes it a name; the count is written two ways.
        let en = told(
            "en.md",
            "2025-03-03",
            "Brindlemoor confirms breach",
            "Brindlemoor Outfitters said 7.3 million customers were affected. \
             Brindlemoor blamed the vendor Quarnex for the incident.",
            "A",
        );
        let de = told(
            "de.md",
            "2025-03-04",
            "Datenleck beim Händler",
            "Der Händler Brindlemoor Outfitters meldet 7,3 Millionen Betroffene. \
             Schuld sei der Dienstleister Quarnex, heißt es.",
            "B",
        );
        assert!(en.rare.contains(&"name:brindlemoor"), "{:?}", en.rare);
        assert!(en.rare.contains(&"num:7300000") && de.rare.contains(&"num:7300000"));
        let mut stories = vec![en, de];
        add_filler(&mut stories);
        assert!(same(&stories, 0, 1).is_some());
        let c = compare(&Corpus::new(&stories), 1, 0, ClusterSettings::default());
        assert!(c.parts.iter().any(|p| p.label == "count"), "{}", c.why);
        // Another count is another event: the names alone agree.
        stories[1] = told(
            "de.md",
            "2025-03-04",
            "Datenleck beim Händler",
            "Der Händler Brindlemoor Outfitters meldet 2,9 Millionen Betroffene. \
             Schuld sei der Dienstleister Quarnex, heißt es.",
            "B",
        );
        let c = compare(&Corpus::new(&stories), 1, 0, ClusterSettings::default());
        assert!(c.parts.iter().all(|p| p.label != "count"), "{}", c.why);
    }

    #[test]
    fn a_name_and_a_figure_agreeing_stand_in_for_ledes() {
        // Two outlets, two languages, no words in common: the insurer's
        // name and its victim count agree; names alone (the insurer and a
        // city) are its setting, which its other stories share too.
        let mut stories = vec![
            report(
                "pt.md",
                "2025-03-03",
                vec!["name:varnholt", "name:varnholt seguros", "num:38000"],
            ),
            report(
                "es.md",
                "2025-03-05",
                vec!["name:varnholt", "name:varnholt seguros", "num:38000"],
            ),
            report(
                "a.md",
                "2025-03-03",
                vec!["name:orrick", "name:orrick mutual", "name:lisboa"],
            ),
            report(
                "b.md",
                "2025-03-05",
                vec!["name:orrick", "name:orrick mutual", "name:lisboa"],
            ),
        ];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        let c = compare(&corpus, 1, 0, ClusterSettings::default());
        assert!(c.same, "{}", c.why);
        assert!(c.why.contains("kinds 0.15 (name + figure)"), "{}", c.why);
        let c = compare(&corpus, 3, 2, ClusterSettings::default());
        assert!(!c.same, "{}", c.why);
    }

    #[test]
    fn numbers_are_counts_not_scores_years_or_round_figures() {
        let got = crate::enrich::story_signals::features(
            "CVSS 9.8, in 2025, about 100 stores, 1,800 shops (1.800 negozi), 2.3M rows, 600 GB, 4521 files, v1.2.3.",
            "",
        );
        let nums: Vec<&str> = got.iter().filter_map(|f| f.strip_prefix("num:")).collect();
        assert_eq!(nums, ["1800", "2300000", "4521"], "{got:?}");
        assert!(!got.contains("name:cve"));
    }

    #[test]
    fn a_newsletters_numbered_issue_is_a_roundup() {
        for title in [
            "The Patch Pulse #48 — more hijacked browser extensions",
            "This Week in Threats, Issue 22",
            "SANS NewsBites Vol. 27 No. 12",
            "Sicherheitsbrief, Ausgabe 31: Patches",
            "威胁周报第48期",
            "주간 보안 브리핑 제48호",
            "Tydzień w cyberbezpieczeństwie, wydanie 12",
            "Góc Bảo Mật hằng tuần – Số 43",
        ] {
            assert!(is_numbered_issue(title), "{title}");
        }
        for title in [
            "Tumaini Pay left ID scans of 310,000 customers in an open bucket",
            "CVE-2026-1234: #StopRansomware advisory for Quorvell",
            "Top 10 ransomware gangs of 2026",
            "Patch Tuesday fixes 58 flaws, #1 is a zero-day in Windows",
        ] {
            assert!(!is_numbered_issue(title), "{title}");
        }
    }

    #[test]
    fn one_sources_titles_the_same_but_for_a_number_are_a_series() {
        let titles = [
            (Some("Bezpeka"), "Тижневик безпеки – 37"),
            (Some("Bezpeka"), "Тижневик безпеки – 43"),
            (Some("Other"), "Тижневик безпеки – 44"),
            (Some("Wire"), "Breach at Kaiyo grows to 1,900,000 accounts"),
            (Some("Wire"), "Breach at Kaiyo grows to 2,100,000 accounts"),
            (Some("Vendor"), "June release fixes 14 bugs"),
            (Some("Vendor"), "July release fixes 9 bugs"),
        ];
        assert_eq!(
            numbered_series(&titles),
            [true, true, false, false, false, false, false]
        );
    }

    #[test]
    fn advisories_titled_with_other_cves_are_other_stories_whatever_they_recall() {
        // A CERT's advisory a month later recalls the earlier one by its CVE
        // and its ID, in the same template.
        let text = "Bolterra smart locks: an authorization flaw lets anyone unlock a door; update the firmware.";
        let mut first = story(
            "first.md",
            "2026-09-10",
            "CB-2026-0147: flaw in Bolterra Cloud API (CVE-2026-71234)",
            text,
            &["CVE-2026-71234"],
            "CERT",
        );
        first.rare = vec!["id:CB-2026-0147", "name:bolterra", "name:baltica"];
        let mut later = story(
            "later.md",
            "2026-09-30",
            "CB-2026-0171: flaws in Bolterra lock firmware (CVE-2026-71809, CVE-2026-71810)",
            text,
            &["CVE-2026-71234", "CVE-2026-71809", "CVE-2026-71810"],
            "CERT Blog",
        );
        later.rare = vec![
            "id:CB-2026-0147",
            "id:CB-2026-0171",
            "name:bolterra",
            "name:baltica",
        ];
        let mut stories = vec![first, later];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        let c = compare(&corpus, 1, 0, ClusterSettings::default());
        assert!(
            !c.same && c.why.contains("CVEs in their titles"),
            "{}",
            c.why
        );
        // With the later one titled by no CVE, what they share is one story.
        stories[1].title = "CERT advisory: Bolterra lock firmware";
        stories[1].title_indicators = title_indicators(stories[1].title);
        let corpus = Corpus::new(&stories);
        let c = compare(&corpus, 1, 0, ClusterSettings::default());
        assert!(c.same, "{}", c.why);
    }

    #[test]
    fn a_cve_its_fixed_version_and_a_name_carry_two_reports_past_the_text_window() {
        // A translation nine days on shares the CVE, the fixed version and
        // the researcher's name; a later attack three weeks on, the CVE and
        // versions and vendor alone.
        let report = |path: &str, date: &str, rare: Vec<&'static str>| {
            let mut s = story(path, date, path, path, &["CVE-2026-71234"], path);
            s.rare = rare;
            s
        };
        let mut stories = vec![
            report(
                "first.md",
                "2026-09-09",
                vec!["ver:4.2.1", "name:nikos alexiou", "name:bolterra"],
            ),
            report(
                "translation.md",
                "2026-09-18",
                vec!["ver:4.2.1", "name:nikos alexiou", "name:bolterra"],
            ),
            report(
                "attack.md",
                "2026-09-30",
                vec!["ver:4.2.1", "name:bolterra"],
            ),
        ];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        let c = compare(&corpus, 1, 0, ClusterSettings::default());
        assert!(c.same, "{}", c.why);
        let c = compare(&corpus, 2, 0, ClusterSettings::default());
        assert!(!c.same && c.why.contains("more than"), "{}", c.why);
    }

    #[test]
    fn a_name_and_its_count_carry_a_follow_up_past_the_window_a_name_and_a_day_need_more() {
        let report = |path: &str, date: &str, rare: Vec<&'static str>| {
            let mut s = story(path, date, path, path, &[], path);
            s.rare = rare;
            s
        };
        let mut stories = vec![
            report(
                "first.md",
                "2026-06-01",
                vec!["name:identiko", "num:1120000"],
            ),
            report(
                "follow-up.md",
                "2026-06-16",
                vec!["name:identiko", "num:1120000"],
            ),
            report(
                "other.md",
                "2026-06-01",
                vec!["name:moss pangolin", "date:05-28"],
            ),
            report(
                "later.md",
                "2026-06-16",
                vec!["name:moss pangolin", "date:05-28"],
            ),
        ];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        let both: f64 = stories[0]
            .rare
            .iter()
            .map(|f| corpus.weight(corpus.ids[*f]))
            .sum();
        assert!((COUNT_EVIDENCE..KINDS_EVIDENCE).contains(&both), "{both}");
        let c = compare(&corpus, 1, 0, ClusterSettings::default());
        assert!(!c.why.contains("days apart, more than"), "{}", c.why);
        let c = compare(&corpus, 3, 2, ClusterSettings::default());
        assert!(!c.same && c.why.contains("more than 7"), "{}", c.why);
    }

    #[test]
    fn a_numbered_issue_given_to_one_story_is_a_report_of_it() {
        let page = |path: &str, title: &str, rare: Vec<&'static str>| {
            let stem = path.trim_end_matches(".md");
            let words = format!("{stem}one {stem}two {stem}three {stem}four {stem}five");
            let mut s = story(path, "2026-06-14", title, &words, &[], path);
            s.rare = rare;
            s
        };
        let backdoor = vec![
            "dom:telemetry.pipewright-cdn.example",
            "ip:203.0.113.47",
            "ver:4.8.2",
            "name:yardmaster",
        ];
        let mut stories = vec![
            page("report.md", "Backdoor in a build plugin", backdoor.clone()),
            page(
                "daily.md",
                "SecWire Daily, Issue 131: A plugin you trust",
                backdoor.clone(),
            ),
            page(
                "weekly.md",
                "Threat Week, Issue 7: plugins and more",
                vec!["name:yardmaster", "ver:4.8.2"],
            ),
            page("two.md", "Threat Week, Issue 8: plugins and phones", {
                let mut both = backdoor.clone();
                both.extend(["name:ardena", "num:412000", "name:kids"]);
                both
            }),
            page(
                "phones.md",
                "Kids' watches leak",
                vec!["name:ardena", "num:412000", "name:kids"],
            ),
        ];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        let roundup: Vec<bool> = corpus.stories[..5].iter().map(|s| s.roundup).collect();
        // The daily's one-feature issue is the story's; an issue sharing
        // little with it, or sharing with two stories, is a roundup.
        assert_eq!(roundup, [false, false, true, true, false]);
        let (clusters, _) = cluster(&corpus, ClusterSettings::default());
        let story = clusters.iter().find(|c| c.contains(&0)).expect("placed");
        assert_eq!(story.len(), 2, "{clusters:?}");
        assert!(story.contains(&1), "{clusters:?}");
    }

    #[test]
    fn a_roundup_stays_its_own_item() {
        // Three stories, two reports each, and a digest that touches each.
        let mut stories = vec![
            told(
                "a1.md",
                "2025-05-01",
                "Harlowind breach",
                "Attackers hit Harlowind Freight and Tessaro Logistics, records of 412,000 drivers.",
                "A",
            ),
            told(
                "a2.md",
                "2025-05-02",
                "Harlowind hit",
                "Records of 412,000 drivers at Harlowind Freight and Tessaro Logistics were taken.",
                "B",
            ),
            told(
                "b1.md",
                "2025-05-01",
                "Ombrevale worm",
                "The worm Ombrevale spreads through Kestrune routers, infecting 9,300 devices.",
                "C",
            ),
            told(
                "b2.md",
                "2025-05-02",
                "Kestrune worm",
                "Some 9,300 Kestrune routers now run the Ombrevale worm.",
                "D",
            ),
            told(
                "c1.md",
                "2025-05-01",
                "Vantrel outage",
                "Vantrel Cloud went dark for users of Pellcaster Mail, some 2,750 firms.",
                "E",
            ),
            told(
                "c2.md",
                "2025-05-02",
                "Pellcaster outage",
                "About 2,750 firms lost Pellcaster Mail when Vantrel Cloud failed.",
                "F",
            ),
            told(
                "r.md",
                "2025-05-03",
                "Week in review",
                "First, Harlowind Freight lost 412,000 records.\nSecond, the Ombrevale worm is in 9,300 Kestrune routers.\nThird, Vantrel Cloud took Pellcaster Mail down.",
                "G",
            ),
        ];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        assert!(corpus.stories[6].roundup);
        assert!(corpus.stories[..6].iter().all(|s| !s.roundup));
        let (clusters, _) = cluster(&corpus, ClusterSettings::default());
        assert!(clusters.contains(&vec![6]), "{clusters:?}");
        assert!(clusters.contains(&vec![0, 1]), "{clusters:?}");
        let c = compare(&corpus, 6, 0, ClusterSettings::default());
        assert!(!c.same && c.why.contains("roundup"), "{}", c.why);
    }

    #[test]
    fn two_names_in_a_few_articles_are_not_a_story_a_roundup_covers() {
        // A report shares different details with two other reports of its
        // story, and its share buttons with three pages of other stories.
        let page = |path: &str, rare: Vec<&'static str>| {
            let mut s = story(path, "2025-03-03", path, "words", &[], path);
            s.rare = rare;
            s
        };
        let buttons = ["name:linkedin", "name:whatsapp"];
        let mut stories = vec![
            page(
                "report.md",
                vec![
                    "name:kvarn",
                    "name:aarhus",
                    "name:billbrook",
                    "date:06-13",
                    "name:venlo",
                    "num:2300",
                    buttons[0],
                    buttons[1],
                ],
            ),
            page(
                "same1.md",
                vec!["name:kvarn", "name:aarhus", "name:billbrook"],
            ),
            page("same2.md", vec!["date:06-13", "name:venlo", "num:2300"]),
        ];
        for n in 0..3 {
            let path = format!("other{n}.md");
            stories.push(page(&path, buttons.to_vec()));
        }
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        let pair: f64 = corpus.stories[3]
            .rare
            .iter()
            .map(|&f| corpus.weight(f))
            .sum();
        assert!(pair > 0.4 && pair < 0.5, "{pair}");
        assert!(!corpus.stories[0].roundup);
    }

    #[test]
    fn a_detailed_reports_own_story_counts_once_towards_a_roundup() {
        // A German report shares the leak's figures with the first report
        // and the forum's name with the follow-up, which share the
        // company's name with each other; and two nouns of its language
        // with a page about something else.
        let page = |path: &str, rare: Vec<&'static str>| {
            let mut s = story(path, "2025-03-03", path, "words", &[], path);
            s.rare = rare;
            s
        };
        let mut stories = vec![
            page(
                "report.md",
                vec![
                    "num:4100000",
                    "num:93gb",
                    "name:breachnook",
                    "name:loomwise",
                    "name:angaben",
                    "name:nutzer",
                ],
            ),
            page(
                "first.md",
                vec![
                    "num:4100000",
                    "num:93gb",
                    "name:hallbrook",
                    "name:outfitters",
                ],
            ),
            page(
                "follow-up.md",
                vec![
                    "name:breachnook",
                    "name:loomwise",
                    "name:hallbrook",
                    "name:outfitters",
                ],
            ),
            page("other.md", vec!["name:angaben", "name:nutzer"]),
        ];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        assert!(!corpus.stories[0].roundup);
        let covered: Vec<usize> = corpus
            .roundup_evidence(0)
            .into_iter()
            .map(|(j, _)| j)
            .collect();
        assert_eq!(covered.len(), 2, "{covered:?}");
        assert!(covered.contains(&3), "{covered:?}");
        // Without the follow-up's link to the first report, three stories.
        stories[2].rare = vec!["name:breachnook", "name:loomwise"];
        assert!(Corpus::new(&stories).stories[0].roundup);
    }

    #[test]
    fn a_capitalised_noun_is_a_name_only_where_another_language_writes_it_as_one() {
        // Two German reports of two hospital attacks share the nouns of
        // their language; one of them shares the victim's name with an
        // English report.
        let mut stories = vec![
            report(
                "de1.md",
                "2025-03-03",
                vec!["noun:krankenhaus", "noun:notaufnahme", "noun:hallbrook"],
            ),
            report(
                "de2.md",
                "2025-03-03",
                vec!["noun:krankenhaus", "noun:notaufnahme"],
            ),
            report("en.md", "2025-03-03", vec!["name:hallbrook"]),
        ];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        let weight = |a: usize, b: usize| -> f64 {
            shared(&corpus.stories[a].rare, &corpus.stories[b].rare)
                .map(|f| corpus.weight(f))
                .sum()
        };
        assert_eq!(corpus.stories[0].rare, {
            let mut ids = corpus.stories[1].rare.clone();
            ids.extend(&corpus.stories[2].rare);
            ids.sort_unstable();
            ids
        });
        // `Hallbrook` is a name, in German as in English; `Krankenhaus`
        // counts for a quarter of one.
        let name = weight(0, 2);
        assert!(name > 0.2, "{name}");
        let nouns = weight(0, 1);
        assert!(
            (nouns - 2.0 * name * NOUN_SHARE).abs() < 0.1 * name,
            "{nouns} against {name}"
        );
    }

    #[test]
    fn a_word_shared_by_two_items_does_not_hide_a_roundup() {
        // The digest's first two items both mention Linux, as their
        // stories' reports do: still three stories.
        let mut stories = vec![
            told(
                "a1.md",
                "2025-05-01",
                "Harlowind breach",
                "Attackers hit Harlowind Freight on Linux hosts, records of 412,000 drivers.",
                "A",
            ),
            told(
                "a2.md",
                "2025-05-02",
                "Harlowind hit",
                "Records of 412,000 drivers at Harlowind Freight were taken from Linux hosts.",
                "B",
            ),
            told(
                "b1.md",
                "2025-05-01",
                "Ombrevale worm",
                "The worm Ombrevale spreads through Kestrune routers running Linux, infecting 9,300 devices.",
                "C",
            ),
            told(
                "b2.md",
                "2025-05-02",
                "Kestrune worm",
                "Some 9,300 Kestrune routers on Linux now run the Ombrevale worm.",
                "D",
            ),
            told(
                "c1.md",
                "2025-05-01",
                "Vantrel outage",
                "Vantrel Cloud went dark for users of Pellcaster Mail, some 2,750 firms.",
                "E",
            ),
            told(
                "r.md",
                "2025-05-03",
                "Week in review",
                "First, Harlowind Freight lost 412,000 records from Linux hosts.\nSecond, the Ombrevale worm is in 9,300 Kestrune routers on Linux.\nThird, Vantrel Cloud took Pellcaster Mail down.",
                "G",
            ),
        ];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        assert!(corpus.stories[5].roundup);
        assert!(corpus.stories[..5].iter().all(|s| !s.roundup));
    }

    #[test]
    fn a_report_repeating_one_reports_indicators_joins_though_another_lists_others() {
        // An advisory gives the web shell's hash; a research post two days
        // on the same hash and the exploit server's IP. A ransomware report
        // repeats the hash and gives the IP its victims saw: one story,
        // though the research post's IP is not the report's.
        let text = |extra: &str| {
            format!(
                "Attackers exploit the Transferon file-transfer server of Kobaltis, version \
                 7.4.3, through CVE-2026-51234. {extra}"
            )
        };
        let hash = "89ce".repeat(16);
        let advisory = told(
            "advisory.md",
            "2026-05-05",
            "Kobaltis Transferon advisory",
            &text(&format!(
                "The web shell resumehelper.jsp has SHA-256 {hash}."
            )),
            "CERT",
        );
        let research = told(
            "research.md",
            "2026-05-07",
            "Transferon zero-day research",
            &text(&format!(
                "The shell (SHA-256 {hash}) was fetched from 198.51.100.200."
            )),
            "Lab",
        );
        let report = told(
            "report.md",
            "2026-05-12",
            "Ransomware gang lists 41 victims",
            &text(&format!(
                "Victims found resumehelper.jsp (SHA-256 {hash}) calling 203.0.113.77."
            )),
            "News",
        );
        let mut stories = vec![advisory, research, report];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        let c = compare(&corpus, 2, 1, ClusterSettings::default());
        assert!(c.parts.iter().any(|p| p.label == "indicators"), "{}", c.why);
        let (clusters, _) = cluster(&corpus, ClusterSettings::default());
        let story = clusters.iter().find(|c| c.contains(&0)).expect("placed");
        assert_eq!(story.len(), 3, "{clusters:?}");
    }

    #[test]
    fn reports_with_their_own_indicators_are_two_incidents() {
        // One platform, one week: a skimmer in an app, and a phishing wave
        // that names the skimmer's app and finder; each lists its own hash.
        let skimmer = |hash: &str| {
            told(
                "a.md",
                "2025-04-01",
                "Skimmer in Brightseal Badge app hits Quorvell Shops stores",
                &format!(
                    "Online merchants selling through Quorvell Shops have been losing card \
                     details to a skimmer hidden in the Brightseal Badge app, according to \
                     Taskwell Research, who counted 2,417 affected stores. Its loader has \
                     SHA-256 {hash}."
                ),
                "A",
            )
        };
        let phishing = |hash: &str| {
            told(
                "b.md",
                "2025-04-02",
                "Phished Quorvell Shops logins plant fake checkout pages",
                &format!(
                    "A separate crew sends emails posing as Quorvell Shops support, \
                     captures owners' passwords and one-time codes through a relay, then \
                     edits themes so that buyers land on a lookalike payment form; 38 \
                     sites were hit. The injected snippet has SHA-256 {hash}. None of this \
                     is linked to the Brightseal Badge case Taskwell Research disclosed."
                ),
                "B",
            )
        };
        let (a, b) = ("ab12".repeat(16), "cd34".repeat(16));
        let mut stories = vec![skimmer(&a), phishing(&b)];
        add_filler(&mut stories);
        let c = compare(&Corpus::new(&stories), 1, 0, ClusterSettings::default());
        assert!(!c.same, "{}", c.why);
        let part = c.parts.iter().find(|p| p.label == "indicators");
        assert!(part.is_some_and(|p| p.value < 0.0), "{}", c.why);
        // The same hash: no penalty.
        stories[1] = phishing(&a);
        let c = compare(&Corpus::new(&stories), 1, 0, ClusterSettings::default());
        assert!(c.parts.iter().all(|p| p.label != "indicators"), "{}", c.why);
    }

    #[test]
    fn a_post_mortem_weeks_later_joins_by_its_incident_id() {
        let outage = told(
            "a.md",
            "2025-03-20",
            "Tarnwell Cloud outage",
            "Tarnwell Cloud lost its north-2 region for six hours on Friday; the status \
             page tracked it as TWC-2025-0320-A and Brevik Bank's app went dark.",
            "A",
        );
        let review = told(
            "b.md",
            "2025-04-06",
            "Tarnwell blames a config push",
            "The post-incident review for TWC-2025-0320-A says a resolver change skipped \
             its canary and reached every node of the Tarnwell Cloud region at once.",
            "B",
        );
        let mut stories = vec![outage, review];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        let c = compare(&corpus, 1, 0, ClusterSettings::default());
        assert!(
            c.why.contains("twc-2025-0320-a") || c.why.contains("TWC-2025-0320-A"),
            "{}",
            c.why
        );
        let (clusters, _) = cluster(&corpus, ClusterSettings::default());
        assert!(clusters.contains(&vec![0, 1]), "{}", c.why);
    }

    #[test]
    fn a_region_carries_a_review_a_week_later_and_an_incident_id_tells_outages_apart() {
        let outage = told(
            "a.md",
            "2025-03-20",
            "Tarnwell Cloud outage takes shops offline",
            "Tarnwell Cloud's eu-north-2 region failed for six hours on Friday morning; \
             Brevik Bank's app and several shops went dark until the afternoon.",
            "A",
        );
        let review = told(
            "b.md",
            "2025-03-29",
            "What went wrong on 20 March",
            "Tarnwell Cloud's post-incident review of the 20 March outage: a resolver \
             change skipped its canary and reached every node in eu-north-2 at once, \
             and customers such as Brevik Bank could not attach volumes.",
            "B",
        );
        let mut stories = vec![outage, review];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        let c = compare(&corpus, 1, 0, ClusterSettings::default());
        assert!(c.why.contains("eu-north-2"), "{}", c.why);
        let (clusters, _) = cluster(&corpus, ClusterSettings::default());
        assert!(clusters.contains(&vec![0, 1]), "{}", c.why);
        // Another outage three weeks later, which names the first region in
        // passing: each gives its own incident ID of one issuer.
        let first = told(
            "a.md",
            "2025-03-20",
            "Tarnwell Cloud outage takes shops offline",
            "Tarnwell Cloud's eu-north-2 region failed for six hours on Friday morning, \
             tracked as TWC-2025-0320-A; Brevik Bank's app and several shops went dark \
             until the afternoon.",
            "A",
        );
        let second = told(
            "b.md",
            "2025-04-10",
            "Tarnwell Cloud down again, now in us-west-3",
            "Three weeks after the eu-north-2 failure, Tarnwell Cloud's us-west-3 region \
             lost its load balancers; the status page tracks it as TWC-2025-0410-B.",
            "B",
        );
        let mut stories = vec![first, second];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        let c = compare(&corpus, 1, 0, ClusterSettings::default());
        assert!(!c.same, "{}", c.why);
        assert!(c.why.contains("own incident IDs"), "{}", c.why);
    }

    #[test]
    fn a_report_like_the_story_but_no_one_report_joins_it() {
        // Two English reports of one attack, each naming a part; the
        // Swedish one names the company with the gang the first names and
        // the terminal the second names.
        let first = told(
            "a.md",
            "2025-05-01",
            "Harrowgate Freight hit by ransomware",
            "Harrowgate Freight said ransomware encrypted its dispatch systems on Sunday; \
             the Rookfall gang listed the company on its leak site.",
            "A",
        );
        let second = told(
            "b.md",
            "2025-05-02",
            "Harrowgate Freight ransomware stalls depots",
            "Harrowgate Freight said the ransomware attack on its dispatch systems stalled \
             trucks at its Arendal terminal on Hisingen, where drivers waited for paper \
             manifests; customers were told to expect delays of several days while \
             engineers rebuild servers from backups taken before the weekend.",
            "B",
        );
        let swedish = told(
            "c.md",
            "2025-05-03",
            "Lastbilar står still i Göteborg",
            "Trailrarna hos Harrowgate Freight vid Arendal på Hisingen står kvar sedan \
             helgen, och gruppen Rookfall har lagt upp bolaget på sin läcksajt. \
             Chaufförerna väntar på besked, och kunderna får ringa kontoret för att \
             höra när godset kan skickas vidare.",
            "C",
        );
        let mut stories = vec![first, second, swedish];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        let why = |a, b| compare(&corpus, a, b, ClusterSettings::default());
        assert!(why(1, 0).same, "{}", why(1, 0).why);
        assert!(!why(2, 0).same, "{}", why(2, 0).why);
        assert!(!why(2, 1).same, "{}", why(2, 1).why);
        let whole = story_as_one(&corpus, &[0, 1], 1, corpus.stories[1].date);
        let c = compare_features(
            &corpus,
            &corpus.stories[2],
            &whole,
            ClusterSettings::default(),
            false,
            1,
        );
        assert!(c.same && c.shared_things_suffice, "{}", c.why);
        let (clusters, reasons) = cluster(&corpus, ClusterSettings::default());
        assert!(clusters.contains(&vec![0, 1, 2]), "{}", c.why);
        assert!(
            reasons
                .iter()
                .any(|r| r.article == 2 && r.why.starts_with("with the story's reports together")),
            "{reasons:?}"
        );
        // A third report the Swedish one shares nothing rare with: the
        // story taken together no longer speaks for it.
        let mut with_third = stories.clone();
        with_third.push(told(
            "d.md",
            "2025-05-02",
            "Ransomware stalls dispatch at freight depots",
            "The ransomware attack on the dispatch systems stalled trucks at the \
             depots, where drivers waited for paper manifests; customers were told \
             to expect delays of several days while engineers rebuild servers.",
            "D",
        ));
        let (clusters, _) = cluster(&Corpus::new(&with_third), ClusterSettings::default());
        let last = with_third.len() - 1;
        assert!(
            clusters.iter().any(|c| c.contains(&1) && c.contains(&last)),
            "{clusters:?}"
        );
        assert!(clusters.contains(&vec![2]), "{clusters:?}");
        // Told first, before the others had told the rest, it joins them
        // on the second look.
        stories[2].date = DateTime::parse_from_rfc3339("2025-04-30T00:00:00Z").unwrap();
        let (clusters, reasons) = cluster(&Corpus::new(&stories), ClusterSettings::default());
        assert!(clusters.contains(&vec![2, 0, 1]), "{clusters:?}");
        assert!(
            reasons
                .iter()
                .any(|r| r.article == 2 && r.why.starts_with("with the story's later reports")),
            "{reasons:?}"
        );
    }

    #[test]
    fn naming_the_publisher_weighs_as_a_rare_thing() {
        // A company's own short statement, and the news of it in another
        // language: they share the company's name and the statement's site.
        let mut statement = told(
            "s.md",
            "2025-02-01",
            "Statement on a disruption",
            "Fenwarde Mills identified an incident at its plant in Dorrow, and sent 1,240 staff home while it investigates.",
            "Fenwarde Mills",
        );
        statement.canonical_url = Some("fenwarde.example/statement".into());
        let news = told(
            "n.md",
            "2025-02-02",
            "Produktionsstopp",
            "Der Hersteller Fenwarde Mills hat die Produktion im Werk Dorrow gestoppt und 1.240 Beschäftigte heimgeschickt.",
            "Werkschau",
        );
        let mut stories = vec![statement, news.clone()];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        let c = compare(&corpus, 1, 0, ClusterSettings::default());
        assert!(c.parts.iter().any(|p| p.label == "publisher"), "{}", c.why);
        assert!(c.same, "{}", c.why);
        // The publisher named and nothing else is a citation, not a story.
        stories[1] = told(
            "n.md",
            "2025-02-02",
            "Andere Meldung",
            "Laut Fenwarde Mills steigen im Sommer die Preise für Mehl, Zucker und Getreide in vielen Supermärkten deutlich.",
            "Werkschau",
        );
        let c = compare(&Corpus::new(&stories), 1, 0, ClusterSettings::default());
        assert!(!c.same, "{}", c.why);
        // Named further down than the title and lede, the publisher is a
        // comparison (the other firm on the same platform), not whom the
        // report is about.
        stories[1] = news;
        stories[1]
            .lede_words
            .retain(|w| !["fenwarde", "mills"].contains(w));
        let c = compare(&Corpus::new(&stories), 1, 0, ClusterSettings::default());
        assert!(!c.parts.iter().any(|p| p.label == "publisher"), "{}", c.why);
    }

    #[test]
    fn four_distinct_names_shared_stand_in_for_ledes() {
        // A studio, its game, its engine and the gang, in Russian and in
        // Chinese: nothing else in common.
        let ru = told(
            "ru.md",
            "2026-05-11",
            "Группировка заявила о краже исходников",
            "Группировка Saltcrow заявила, что похитила исходный код игры Duskwarden у студии Morrowpike Studios, включая движок Pikeforge.",
            "ИТ-сводка",
        );
        let zh = told(
            "zh.md",
            "2026-05-12",
            "开发商证实遭入侵",
            "Morrowpike Studios 证实 Saltcrow 窃取了 Duskwarden 和 Pikeforge 引擎的代码。",
            "游戏安全观察",
        );
        let mut stories = vec![ru, zh];
        add_filler(&mut stories);
        let c = compare(&Corpus::new(&stories), 1, 0, ClusterSettings::default());
        assert!(c.parts.iter().any(|p| p.label == "names"), "{}", c.why);
        assert!(c.same, "{}", c.why);
        // Three (the studio, the game and the gang) are one studio's other
        // story, or one gang's other victim, as often.
        let mut stories = vec![
            told(
                "ru.md",
                "2026-05-11",
                "Группировка заявила о краже исходников",
                "Группировка Saltcrow заявила, что похитила исходный код игры Duskwarden у студии Morrowpike Studios.",
                "ИТ-сводка",
            ),
            told(
                "zh.md",
                "2026-05-12",
                "开发商证实遭入侵",
                "Morrowpike Studios 证实 Saltcrow 窃取了 Duskwarden 的代码。",
                "游戏安全观察",
            ),
        ];
        add_filler(&mut stories);
        let c = compare(&Corpus::new(&stories), 1, 0, ClusterSettings::default());
        assert!(!c.parts.iter().any(|p| p.label == "names"), "{}", c.why);
    }

    #[test]
    fn a_report_in_another_script_carries_its_names_in_its_slug() {
        let mut arabic = told(
            "ar.md",
            "2026-03-06",
            "عصابة «مورفاث» تتبنّى اختراق مشغّل محطة حاويات",
            "تبنّت عصابة «مورفاث» الهجوم على مشغّل المحطة ونشرت عيّنات من البيانات.",
            "المرصد التقني",
        );
        arabic.canonical_url =
            Some("almarsad.example/ar/news/2026/03/06/morvath-port-claim".into());
        let english = told(
            "en.md",
            "2026-03-08",
            "What the sample tells",
            "The sample shows that Morvath encrypts the terminal's planning servers.",
            "Netwatch",
        );
        let mut stories = vec![arabic, english];
        add_filler(&mut stories);
        let corpus = Corpus::new(&stories);
        let (both, _) = corpus.features_against(0, 1);
        assert!(both.iter().any(|(f, _)| f == "name:morvath"), "{both:?}");
        // A slug's words that no article writes as a name stay out
        // (`claim`), and so does a slug under a title in Latin letters.
        assert!(!both.iter().any(|(f, _)| f == "name:claim"), "{both:?}");
        stories[0].title = "Morvath claims the port";
        stories[0].rare.retain(|f| *f != "name:morvath");
        let corpus = Corpus::new(&stories);
        let (both, _) = corpus.features_against(0, 1);
        assert!(!both.iter().any(|(f, _)| f == "name:morvath"), "{both:?}");
    }

    #[test]
    fn names_that_sound_alike_have_one_key() {
        for (a, b) in [
            ("morrovpaik", "morrowpike"),
            ("arkalija", "arcalia"),
            ("filadelfia", "philadelphia"),
        ] {
            assert_eq!(sound_key(a), sound_key(b), "{a} / {b}");
            assert!(sound_key(a).is_some(), "{a}");
        }
        assert_ne!(sound_key("kessvard"), sound_key("kestrel"));
        assert_eq!(sound_key("sol'berg"), sound_key("solberg"));
        assert_eq!(sound_key("ivan"), None);
        assert_eq!(sound_key("Morrowpike"), None);
    }

    #[test]
    fn a_look_back_a_year_on_is_its_own_item() {
        for title in [
            "A year after the SIM-swap wave, has Sagarlink closed the door?",
            "Un an après l'intrusion dans sa chaîne de compilation, Keyrook a-t-il tiré les leçons ?",
            "Рік після Істермарка: чого навчила атака вимагачів на зерновий термінал",
            "Ein Jahr nach dem Angriff auf den Windpark: Was sich geändert hat",
            "सूर्यपुर मेट्रो कार्ड घोटाले का एक साल: कियोस्क बदले, पर सवाल बाकी",
        ] {
            assert!(looks_back_a_year(title), "{title}");
        }
        for title in [
            "Hackers return a year later to hit the port again",
            "Wyrok po ataku na szpital",
            "Ransomware gang claims attack on ferry operator",
        ] {
            assert!(!looks_back_a_year(title), "{title}");
        }
        let mut stories = vec![
            told(
                "a.md",
                "2026-08-04",
                "Phishing emails impersonate Keyrook vault migration",
                "Keyrook warned of phishing that relays codes; CISO Dana Okafor-Lind said 300 accounts were hit.",
                "Keyrook Newsroom",
            ),
            told(
                "b.md",
                "2026-08-18",
                "Un an après l'intrusion, Keyrook a-t-il tiré les leçons ?",
                "Keyrook et sa RSSI Dana Okafor-Lind reviennent sur l'intrusion de 2025 et la vague de phishing de ce mois.",
                "Le Fil",
            ),
        ];
        add_filler(&mut stories);
        let c = compare(&Corpus::new(&stories), 1, 0, ClusterSettings::default());
        assert!(!c.same && c.why.contains("look back"), "{}", c.why);
    }

    #[test]
    fn a_title_whose_label_names_its_week_is_a_digests() {
        for title in [
            "Кібер-тыдзень: агляд падзей 14–19 верасня",
            "[주간 보안 브리핑] 10월 셋째 주: 가짜 폭풍해일 경보",
            "साताको साइबर सार: कार्ड नम्बर चुहावट, पासवर्ड म्यानेजरमा त्रुटि",
            "The Week in Ransomware - March 7th 2025 - Leaks and arrests",
            "La settimana cyber | ransomware, truffe e patch",
        ] {
            assert!(names_its_week(title), "{title}");
        }
        for title in [
            "Dutch cold-storage firm is the second European logistics victim in a week",
            "Card skimmer sat on Mekara's booking pages for four weeks",
            "Kobaltis Security Notice: Transferon 7.4.3 released",
            "Weekend outage: ferry operator's booking site down",
        ] {
            assert!(!names_its_week(title), "{title}");
        }
    }

    #[test]
    fn two_shared_cves_are_evidence_and_a_passing_cve_counts_less() {
        let a = story(
            "a.md",
            "2025-06-10",
            "Monthly fixes",
            "Vendor fixed many bugs this month in its products",
            &["CVE-2025-1001", "CVE-2025-1002"],
            "A",
        );
        let b = story(
            "b.md",
            "2025-06-11",
            "Parches del mes",
            "El fabricante corrige fallos graves en sus sistemas",
            &["CVE-2025-1001", "CVE-2025-1002"],
            "B",
        );
        let c = compare(&Corpus::new(&[a, b]), 1, 0, ClusterSettings::default());
        // Other words, another language: the two CVEs are the evidence.
        assert!(!c.why.contains("ledes differ"), "{}", c.why);
        // One shares the other's only CVE and has one of its own besides.
        let a = story(
            "a.md",
            "2025-06-10",
            "x",
            "one two three four five six",
            &["CVE-2025-1001", "CVE-2025-1009"],
            "A",
        );
        let b = story(
            "b.md",
            "2025-06-11",
            "y",
            "seven eight nine ten eleven twelve",
            &["CVE-2025-1001"],
            "B",
        );
        let c = compare(&Corpus::new(&[a, b]), 1, 0, ClusterSettings::default());
        let cve = c.parts.iter().find(|p| p.label == "CVE").unwrap();
        assert!((cve.value - CVE_SCORE / 2.0).abs() < 1e-9, "{}", c.why);
    }

    #[test]
    fn a_shared_cve_weighs_with_the_rare_things() {
        // A takedown and its summary in Arabic: three names and the CVE.
        let mut en = told(
            "en.md",
            "2025-03-19",
            "Botmaster charged",
            "Prosecutors in Virginia say a young man built the Marrowind botnet by scanning \
             for old Tessfold routers with default passwords and a command injection bug, \
             then rented its denial-of-service attacks to paying customers through the \
             Quillpay booter, earning close to two million dollars in cryptocurrency.",
            "A",
        );
        let mut ar = told(
            "ar.md",
            "2025-03-22",
            "تفكيك شبكة Marrowind",
            "أعلنت أجهزة إنفاذ القانون في تسع دول تفكيك شبكة Marrowind، وهي شبكة من أجهزة \
             التوجيه والكاميرات المخترقة، واستغلت ثغرة في أجهزة Tessfold القديمة، وكان \
             العملاء يدفعون ما بين ثلاثين وتسعمئة دولار شهريًا عبر واجهة Quillpay.",
            "B",
        );
        en.cves = vec!["CVE-2025-40022"];
        ar.cves = vec!["CVE-2025-40022"];
        let mut stories = vec![en, ar];
        add_filler(&mut stories);
        let c = compare(&Corpus::new(&stories), 1, 0, ClusterSettings::default());
        assert!(c.same, "{}", c.why);
        assert!(c.why.contains("weighs"), "{}", c.why);
    }

    #[test]
    fn the_text_window_runs_from_the_storys_latest_report() {
        let lede = "Attackers exploited the Corvane gateway flaw against banks across the region this week";
        let report = |path: &str, date: &str, title: &str| {
            story(path, date, title, lede, &["CVE-2025-2222"], path)
        };
        let stories = vec![
            report("a.md", "2025-01-01", "Corvane gateway flaw exploited"),
            report("b.md", "2025-01-03", "Corvane flaw exploited at banks"),
            // Eight days after the first report, six after the second.
            report("c.md", "2025-01-09", "Corvane flaw: banks still exploited"),
        ];
        let corpus = Corpus::new(&stories);
        assert!(!compare(&corpus, 2, 0, ClusterSettings::default()).same);
        let (clusters, _) = cluster(&corpus, ClusterSettings::default());
        assert_eq!(clusters, vec![vec![0, 1, 2]]);
        // Nor does it run on: eight days after the latest is too late.
        let stories = vec![
            report("a.md", "2025-01-01", "Corvane gateway flaw exploited"),
            report("b.md", "2025-01-03", "Corvane flaw exploited at banks"),
            report("c.md", "2025-01-11", "Corvane flaw: banks still exploited"),
        ];
        let (clusters, _) = cluster(&Corpus::new(&stories), ClusterSettings::default());
        assert_eq!(clusters, vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn a_link_to_one_member_carries_the_window_for_the_story() {
        let lede = "Attackers exploited the Corvane gateway flaw against banks across the region this week";
        let mut first = story(
            "a.md",
            "2025-01-01",
            "Corvane gateway flaw exploited",
            lede,
            &["CVE-2025-2222"],
            "A",
        );
        let mut second = story(
            "b.md",
            "2025-01-02",
            "Corvane flaw exploited at banks",
            lede,
            &["CVE-2025-2222"],
            "B",
        );
        first.canonical_url = Some("a.example/1".into());
        second.canonical_url = Some("b.example/2".into());
        // Twenty days on, a follow-up links to the second report only.
        let mut later = story(
            "c.md",
            "2025-01-21",
            "Corvane flaw: banks still exploited",
            lede,
            &["CVE-2025-2222"],
            "C",
        );
        later.links = vec!["b.example/2".into()];
        let stories = vec![first, second, later];
        let corpus = Corpus::new(&stories);
        assert!(!compare(&corpus, 2, 0, ClusterSettings::default()).same);
        let (clusters, _) = cluster(&corpus, ClusterSettings::default());
        assert_eq!(clusters, vec![vec![0, 1, 2]]);
    }

    /// An outlet's link to its own report weeks before (last month's
    /// Patch Tuesday) neither widens the window nor scores: the two stay
    /// apart, where the same link from another outlet carries it.
    #[test]
    fn a_link_to_the_same_outlets_earlier_report_is_not_evidence() {
        let lede = "Microsoft fixed security flaws in Windows and Office this month, one already exploited";
        let make = |source: &str| {
            let mut first = story(
                "a.md",
                "2025-07-08",
                "Microsoft patches 130 flaws",
                lede,
                &[],
                "Patch Weekly",
            );
            first.canonical_url = Some("news.example/july".into());
            let mut next = story(
                "b.md",
                "2025-08-01",
                "Microsoft patches 107 flaws",
                lede,
                &[],
                source,
            );
            next.canonical_url = Some("news.example/august".into());
            next.links = vec!["news.example/july".into()];
            vec![first, next]
        };
        let same_outlet = make("Patch Weekly");
        let corpus = Corpus::new(&same_outlet);
        let (clusters, _) = cluster(&corpus, ClusterSettings::default());
        assert_eq!(clusters, vec![vec![0], vec![1]]);
        let other_outlet = make("Other Desk");
        let corpus = Corpus::new(&other_outlet);
        assert!(
            compare(&corpus, 1, 0, ClusterSettings::default())
                .parts
                .iter()
                .any(|p| p.label == "link")
        );
    }
}
