//! MITRE ATT&CK technique names.
//!
//! Takes a technique ID (`T1566`, `T1566.001`); gives its name as ATT&CK
//! writes it (`Phishing`, `Phishing: Spearphishing Attachment`). The table is
//! `data/attack-techniques.tsv`, generated from MITRE's STIX data by
//! `scripts/attack_names.py` and embedded in the binary, so every site gets
//! the names without shipping or fetching the bundle.

use std::collections::HashMap;
use std::sync::LazyLock;

/// The generated table: `ID<TAB>name[<TAB>deprecated]`, `#` comments, and a
/// `#version<TAB>N` line.
const TABLE: &str = include_str!("../../data/attack-techniques.tsv");

struct Names {
    version: String,
    by_id: HashMap<&'static str, Technique>,
}

/// One technique or sub-technique.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Technique {
    /// Its own name: `Spearphishing Attachment`.
    pub name: &'static str,
    /// MITRE has deprecated it (older articles still cite it).
    pub deprecated: bool,
}

static NAMES: LazyLock<Names> = LazyLock::new(|| parse(TABLE));

fn parse(text: &'static str) -> Names {
    let mut version = String::new();
    let mut by_id = HashMap::new();
    for line in text.lines() {
        if let Some(v) = line.strip_prefix("#version\t") {
            v.trim().clone_into(&mut version);
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut parts = line.split('\t');
        if let (Some(id), Some(name)) = (parts.next(), parts.next()) {
            let deprecated = parts.next() == Some("deprecated");
            by_id.insert(id, Technique { name, deprecated });
        }
    }
    Names { version, by_id }
}

/// The ATT&CK version the names come from (`18.1`).
pub fn version() -> &'static str {
    &NAMES.version
}

/// The technique with this ID, if ATT&CK has it.
pub fn technique(id: &str) -> Option<Technique> {
    NAMES.by_id.get(id).copied()
}

/// The name to show: a sub-technique is named after its parent, as ATT&CK
/// does (`Phishing: Spearphishing Attachment`), because the sub-technique's
/// own name is often unclear alone (`LSASS Memory`).
pub fn display_name(id: &str) -> Option<String> {
    let own = technique(id)?;
    match id.split_once('.') {
        Some((parent, _)) => match technique(parent) {
            Some(p) => Some(format!("{}: {}", p.name, own.name)),
            None => Some(own.name.to_owned()),
        },
        None => Some(own.name.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_embedded_table() {
        assert!(!version().is_empty());
        assert_eq!(display_name("T1566").as_deref(), Some("Phishing"));
        assert_eq!(
            display_name("T1566.001").as_deref(),
            Some("Phishing: Spearphishing Attachment")
        );
        assert_eq!(display_name("T1999"), None);
    }

    #[test]
    fn the_table_format_is_read_with_its_version_and_flags() {
        let names = parse("# c\n#version\t9.9\nT1\tOne\nT1.001\tSub\tdeprecated\n");
        assert_eq!(names.version, "9.9");
        assert!(!names.by_id["T1"].deprecated);
        assert!(names.by_id["T1.001"].deprecated);
    }
}
