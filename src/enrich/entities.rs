//! Threat entities: CVE IDs, MITRE ATT&CK techniques, watch-list names.
//!
//! Takes an article's plain text; gives the entities it mentions, each once,
//! normalised (`cve-2021-44228` → `CVE-2021-44228`, `Cozy Bear` → `APT29`).
//! Also loads the site's watch-list (`data/entities.yaml`) and, when present,
//! the CISA Known Exploited Vulnerabilities catalogue
//! (`data/known_exploited_vulnerabilities.json`). Neither file is required,
//! and nothing here touches the network.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::fsx;

/// The folder of the site's data files, under the site root.
pub const DATA_DIR: &str = "data";
/// The watch-list file, under the site root.
pub const WATCHLIST_FILE: &str = "data/entities.yaml";
/// The KEV catalogue file, under the site root.
pub const KEV_FILE: &str = "data/known_exploited_vulnerabilities.json";

/// What kind of thing an entity is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum EntityKind {
    /// A CVE record.
    Cve,
    /// A MITRE ATT&CK technique or sub-technique.
    Technique,
    /// A watch-list group, named by its key in `entities.yaml` (`actors`,
    /// `malware`, `vendors`, ...).
    Named(String),
}

/// `actors` → `Actors`.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One entity an article mentions.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Entity {
    /// Its kind.
    pub kind: EntityKind,
    /// Its canonical ID or name: `CVE-2021-44228`, `T1566.001`, `APT29`.
    pub id: String,
}

impl Entity {
    /// URL slug of the entity's page, unique across kinds.
    pub fn slug(&self) -> String {
        match &self.kind {
            EntityKind::Cve | EntityKind::Technique => self.id.to_lowercase(),
            EntityKind::Named(group) => format!(
                "{}-{}",
                crate::slug::key_or(group, "entity"),
                crate::slug::key_or(&self.id, "entity")
            ),
        }
    }

    /// Output file of the entity's page, under the output root: one file
    /// in a folder per kind (CVEs also per year),
    /// `entities/cve/2024/cve-2024-3094.html`, rather than a folder per
    /// entity. A site of 10,000 articles mentions some 60,000 CVEs, and a
    /// folder each (a `mkdir`, and an entry in one huge parent) was most of
    /// the time the whole build spent writing.
    pub fn page_path(&self) -> String {
        format!("{}.html", self.path_stem())
    }

    /// Output file of the entity's Atom feed, beside its page.
    pub fn feed_path(&self) -> String {
        format!("{}.xml", self.path_stem())
    }

    /// The folder its page sits in, with its kind's (or year's) index:
    /// `entities/cve/2024/`, `entities/technique/`, `entities/actors/`.
    pub fn group_folder(&self) -> String {
        match &self.kind {
            EntityKind::Cve => {
                let year = self.id.split('-').nth(1).unwrap_or("unknown");
                format!("entities/cve/{year}/")
            }
            EntityKind::Technique => "entities/technique/".to_owned(),
            EntityKind::Named(group) => {
                let group = crate::slug::key_or(group, "entity");
                // A watch-list group may not take the built-in kinds' folders.
                if matches!(group.as_str(), "cve" | "technique") {
                    format!("entities/{group}-names/")
                } else {
                    format!("entities/{group}/")
                }
            }
        }
    }

    /// The heading of its group's page: `CVEs of 2024`, `Actors`.
    pub fn group_heading(&self) -> String {
        match &self.kind {
            EntityKind::Cve => {
                format!("CVEs of {}", self.id.split('-').nth(1).unwrap_or("unknown"))
            }
            EntityKind::Technique => "ATT&CK techniques".to_owned(),
            EntityKind::Named(group) => capitalised(group),
        }
    }

    fn path_stem(&self) -> String {
        let name = match &self.kind {
            EntityKind::Cve | EntityKind::Technique => self.slug(),
            EntityKind::Named(_) => crate::slug::key_or(&self.id, "entity"),
        };
        // `index` is the group page's name.
        let name = if name == "index" {
            "index-entity".to_owned()
        } else {
            name
        };
        format!("{}{name}", self.group_folder())
    }

    /// The authoritative record elsewhere: cve.org for CVEs, attack.mitre.org
    /// for techniques.
    pub fn reference_url(&self) -> Option<String> {
        match self.kind {
            EntityKind::Cve => Some(format!("https://www.cve.org/CVERecord?id={}", self.id)),
            EntityKind::Technique => {
                let path = self.id.replace('.', "/");
                Some(format!("https://attack.mitre.org/techniques/{path}/"))
            }
            EntityKind::Named(_) => None,
        }
    }

    /// The entity's name, when it has one beyond its ID: the ATT&CK name of
    /// a technique, the KEV catalogue's `vulnerabilityName` of a CVE.
    pub fn title(&self, kev: &Kev) -> Option<String> {
        match self.kind {
            EntityKind::Technique => crate::enrich::attack::display_name(&self.id),
            EntityKind::Cve => kev
                .get(&self.id)
                .map(|k| k.name.trim().to_owned())
                .filter(|n| !n.is_empty()),
            EntityKind::Named(_) => None,
        }
    }

    /// What to call the kind on pages: `CVE`, `ATT&CK technique`, `actor`.
    pub fn kind_label(&self) -> String {
        match &self.kind {
            EntityKind::Cve => "CVE".to_owned(),
            EntityKind::Technique => "ATT&CK technique".to_owned(),
            EntityKind::Named(group) => group.trim_end_matches('s').to_owned(),
        }
    }
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id)
    }
}

static CVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        // ASCII word boundaries: a CVE glued to CJK text (`脆弱性CVE-2026-40318が`)
        // is still one, but not one glued to Latin letters or digits.
        r"(?i)(?-u:\b)cve[-\u{2010}\u{2011}\u{2013}]?(\d{4})[-\u{2010}\u{2011}\u{2013}](\d{4,7})(?-u:\b)",
    )
    .expect("CVE pattern compiles")
});
static TECHNIQUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bT(1\d{3})(?:\.(\d{3}))?\b").expect("ATT&CK pattern compiles"));

/// The names to look for, from `data/entities.yaml`.
#[derive(Debug, Clone, Default)]
pub struct Watchlist {
    matcher: Option<AhoCorasick>,
    /// For each pattern: (group, canonical name).
    targets: Vec<(String, String)>,
}

/// One watch-list entry: a bare name, or a name with aliases.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum WatchEntry {
    Name(String),
    Full {
        name: String,
        #[serde(default)]
        aliases: Vec<String>,
    },
}

impl Watchlist {
    /// Builds a watch-list from `group → [entries]` YAML text.
    ///
    /// # Errors
    /// YAML that is not such a mapping, located in the file.
    pub fn parse(text: &str) -> Result<Self, crate::front_matter::YamlError> {
        if text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        {
            return Ok(Watchlist::default());
        }
        let groups: BTreeMap<String, Vec<WatchEntry>> = crate::front_matter::from_yaml_str(text)?;
        let mut patterns = Vec::new();
        let mut targets = Vec::new();
        for (group, entries) in groups {
            // Names show on pages and in feeds: a control character in one
            // would make every feed that carries it invalid XML.
            let group = crate::names::name(&group);
            if group.is_empty() {
                continue;
            }
            for entry in entries {
                let (name, aliases) = match entry {
                    WatchEntry::Name(n) => (n, Vec::new()),
                    WatchEntry::Full { name, aliases } => (name, aliases),
                };
                let name = crate::names::name(&name);
                if name.is_empty() {
                    continue;
                }
                for pattern in std::iter::once(name.clone()).chain(aliases) {
                    let pattern = crate::names::name(&pattern);
                    if !pattern.is_empty() {
                        patterns.push(pattern);
                        targets.push((group.clone(), name.clone()));
                    }
                }
            }
        }
        let matcher = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .map_err(|e| crate::front_matter::YamlError {
                        message: format!("cannot build the watch-list: {e}"),
                        line: None,
                        column: None,
                    })?,
            )
        };
        Ok(Watchlist { matcher, targets })
    }

    /// Loads `root/data/entities.yaml`; no file means an empty watch-list.
    ///
    /// # Errors
    /// An unreadable or invalid file.
    pub fn load(root: &Path, links: crate::load::OutsideLinks) -> Result<Self, Diagnostic> {
        let Some(path) = crate::load::site_file(root, WATCHLIST_FILE, links)? else {
            return Ok(Watchlist::default());
        };
        let text = fsx::read_to_string(&path)
            .map_err(|e| Diagnostic::error(Location::file(WATCHLIST_FILE), e.to_string()))?;
        Watchlist::parse(&text).map_err(|e| {
            let loc = match e.line {
                Some(l) => Location::at(WATCHLIST_FILE, l, e.column.unwrap_or(1)),
                None => Location::file(WATCHLIST_FILE),
            };
            Diagnostic::error(loc, e.message).with_help(
                "write groups of names, e.g. `actors: [{name: APT29, aliases: [Cozy Bear]}]`",
            )
        })
    }
}

/// Every entity mentioned in `text`, each once, sorted.
pub fn find(text: &str, watchlist: &Watchlist) -> Vec<Entity> {
    let mut found: Vec<Entity> = spans(text, watchlist)
        .into_iter()
        .map(|(_, _, e)| e)
        .collect();
    found.sort();
    found.dedup();
    found
}

/// Like [`find`], keeping at most `max` entities: the first mentioned.
/// Gives them sorted, and how many distinct entities the text has.
pub fn find_at_most(text: &str, watchlist: &Watchlist, max: usize) -> (Vec<Entity>, usize) {
    let mut seen: std::collections::HashSet<Entity> = std::collections::HashSet::new();
    let mut kept: Vec<Entity> = Vec::new();
    for (_, _, entity) in spans(text, watchlist) {
        if seen.insert(entity.clone()) && kept.len() < max {
            kept.push(entity);
        }
    }
    kept.sort();
    (kept, seen.len())
}

/// Every mention in `text` as (start, end, entity) byte ranges, in text
/// order, never overlapping (an earlier or longer match wins).
pub fn spans(text: &str, watchlist: &Watchlist) -> Vec<(usize, usize, Entity)> {
    let mut found: Vec<(usize, usize, Entity)> = Vec::new();
    for c in CVE.captures_iter(text) {
        let year: u32 = c[1].parse().unwrap_or(0);
        if year >= 1999 {
            let m = c.get(0).expect("group 0 is the whole match");
            found.push((
                m.start(),
                m.end(),
                Entity {
                    kind: EntityKind::Cve,
                    id: format!("CVE-{}-{}", &c[1], &c[2]),
                },
            ));
        }
    }
    for c in TECHNIQUE.captures_iter(text) {
        let m = c.get(0).expect("group 0 is the whole match");
        let id = match c.get(2) {
            Some(sub) => format!("T{}.{}", &c[1], sub.as_str()),
            None => format!("T{}", &c[1]),
        };
        found.push((
            m.start(),
            m.end(),
            Entity {
                kind: EntityKind::Technique,
                id,
            },
        ));
    }
    if let Some(matcher) = &watchlist.matcher {
        for m in matcher.find_iter(text) {
            if is_word_boundary(text, m.start(), m.end()) {
                let (group, name) = &watchlist.targets[m.pattern().as_usize()];
                found.push((
                    m.start(),
                    m.end(),
                    Entity {
                        kind: EntityKind::Named(group.clone()),
                        id: name.clone(),
                    },
                ));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<(usize, usize, Entity)> = Vec::with_capacity(found.len());
    for span in found {
        if out.last().is_none_or(|last| span.0 >= last.1) {
            out.push(span);
        }
    }
    out
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// One entry of the CISA KEV catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct KevEntry {
    /// `CVE-2021-44228`.
    #[serde(rename(deserialize = "cveID"))]
    pub cve_id: String,
    /// `Apache`.
    #[serde(rename(deserialize = "vendorProject"), default)]
    pub vendor: String,
    /// `Log4j2`.
    #[serde(default)]
    pub product: String,
    /// `Apache Log4j2 Remote Code Execution Vulnerability`.
    #[serde(rename(deserialize = "vulnerabilityName"), default)]
    pub name: String,
    /// `2021-12-10`.
    #[serde(rename(deserialize = "dateAdded"), default)]
    pub date_added: String,
    /// When US federal agencies must have fixed it: `2021-12-24`.
    #[serde(rename(deserialize = "dueDate"), default)]
    pub due_date: String,
    /// `Known` or `Unknown`: whether ransomware campaigns are known to use it.
    #[serde(rename(deserialize = "knownRansomwareCampaignUse"), default)]
    pub ransomware_use: String,
}

#[derive(Deserialize)]
struct KevCatalogue {
    vulnerabilities: Vec<KevEntry>,
}

/// The known-exploited CVEs, by ID. Empty when the site has no catalogue.
#[derive(Debug, Clone, Default)]
pub struct Kev(HashMap<String, KevEntry>);

impl Kev {
    /// Parses the public JSON format (`{"vulnerabilities": [{"cveID": ...}]}`).
    ///
    /// # Errors
    /// JSON that does not parse, with its line and column.
    pub fn parse(text: &str) -> Result<Self, (String, usize, usize)> {
        let catalogue: KevCatalogue =
            serde_json::from_str(text).map_err(|e| (e.to_string(), e.line(), e.column()))?;
        Ok(Kev(catalogue
            .vulnerabilities
            .into_iter()
            .map(|v| (v.cve_id.trim().to_uppercase(), v))
            .collect()))
    }

    /// Loads `root/data/known_exploited_vulnerabilities.json` if it exists.
    ///
    /// # Errors
    /// An unreadable or invalid file.
    pub fn load(root: &Path, links: crate::load::OutsideLinks) -> Result<Self, Diagnostic> {
        let Some(path) = crate::load::site_file(root, KEV_FILE, links)? else {
            return Ok(Kev::default());
        };
        let text = fsx::read_to_string(&path)
            .map_err(|e| Diagnostic::error(Location::file(KEV_FILE), e.to_string()))?;
        Kev::parse(&text).map_err(|(message, line, col)| {
            Diagnostic::error(Location::at(KEV_FILE, line.max(1), col.max(1)), message).with_help(
                "use the catalogue as published by CISA (known_exploited_vulnerabilities.json)",
            )
        })
    }

    /// The entry for a CVE, if it is known exploited.
    pub fn get(&self, cve: &str) -> Option<&KevEntry> {
        self.0.get(cve)
    }
}

/// Loads the watch-list and the KEV catalogue, reporting problems in both.
pub fn load_data(root: &Path, links: crate::load::OutsideLinks) -> (Watchlist, Kev, Diagnostics) {
    let mut diags = Diagnostics::new();
    let watchlist = Watchlist::load(root, links).unwrap_or_else(|d| {
        diags.push(d);
        Watchlist::default()
    });
    let kev = Kev::load(root, links).unwrap_or_else(|d| {
        diags.push(d);
        Kev::default()
    });
    (watchlist, kev, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str, w: &Watchlist) -> Vec<String> {
        find(text, w).into_iter().map(|e| e.id).collect()
    }

    #[test]
    fn cves_are_found_case_insensitively_and_normalised() {
        let w = Watchlist::default();
        assert_eq!(
            ids(
                "Log4Shell (cve-2021-44228) and CVE-2021-45046, again CVE-2021-44228; CVE–2024–3094",
                &w
            ),
            ["CVE-2021-44228", "CVE-2021-45046", "CVE-2024-3094"]
        );
        // Not CVEs: too few digits, embedded in a word, implausible year.
        assert!(ids("CVE-2021-123 xCVE-2021-44228 CVE-1200-12345", &w).is_empty());
        // Glued to Japanese or Chinese text, as those languages write it.
        assert_eq!(
            ids(
                "12.xの脆弱性CVE-2026-40318が悪用された，漏洞CVE-2026-41872已遭",
                &w
            ),
            ["CVE-2026-40318", "CVE-2026-41872"]
        );
    }

    #[test]
    fn attack_techniques() {
        let w = Watchlist::default();
        assert_eq!(
            ids(
                "Phishing (T1566.001) then T1059 and T1566.001 again; not T99 or AT1566",
                &w
            ),
            ["T1059", "T1566.001"]
        );
        let e = &find("T1566.001", &w)[0];
        assert_eq!(
            e.reference_url().unwrap(),
            "https://attack.mitre.org/techniques/T1566/001/"
        );
    }

    #[test]
    fn watchlist_aliases_map_to_one_entity() {
        let w = Watchlist::parse(
            "actors:\n  - name: APT29\n    aliases: [Cozy Bear, Midnight Blizzard]\nmalware:\n  - LockBit\n",
        )
        .unwrap();
        assert_eq!(
            ids(
                "Cozy Bear, a.k.a. MIDNIGHT BLIZZARD, and apt29 deployed lockbit. Not LockBits.",
                &w
            ),
            ["APT29", "LockBit"]
        );
        let found = find("Midnight Blizzard", &w);
        assert_eq!(found[0].kind, EntityKind::Named("actors".into()));
        assert_eq!(found[0].slug(), "actors-apt29");
        assert_eq!(found[0].kind_label(), "actor");
    }

    #[test]
    fn bad_watchlist_is_located() {
        let err = Watchlist::parse("actors:\n  - name: [unclosed\n").unwrap_err();
        assert!(err.line.is_some(), "{err:?}");
    }

    #[test]
    fn kev_catalogue() {
        let kev = Kev::parse(
            r#"{"title":"CISA KEV","vulnerabilities":[{"cveID":"CVE-2021-44228","vendorProject":"Apache","product":"Log4j2","vulnerabilityName":"Apache Log4j2 RCE","dateAdded":"2021-12-10","dueDate":"2021-12-24","knownRansomwareCampaignUse":"Known"}]}"#,
        )
        .unwrap();
        let entry = kev.get("CVE-2021-44228").unwrap();
        assert_eq!(entry.vendor, "Apache");
        assert_eq!(
            (entry.due_date.as_str(), entry.ransomware_use.as_str()),
            ("2021-12-24", "Known")
        );
        let cve = Entity {
            kind: EntityKind::Cve,
            id: "CVE-2021-44228".into(),
        };
        assert_eq!(cve.title(&kev).as_deref(), Some("Apache Log4j2 RCE"));
        assert!(kev.get("CVE-2021-45046").is_none());
        let (_, line, _) =
            Kev::parse("{\n  \"vulnerabilities\": [\n    {\"cveID\": 5}\n  ]\n}").unwrap_err();
        assert_eq!(line, 3);
    }
}
