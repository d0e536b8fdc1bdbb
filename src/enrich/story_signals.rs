//! The named things an article shares with other reports of its story.
//!
//! Takes an article's plain text (and the text of its code blocks) once, in
//! enrich; gives the features clustering weighs by rarity: IOC domains, IP
//! addresses, hashes, file names, version strings, configuration keys,
//! advisory and incident identifiers (`VSA-2026-014`), cloud regions
//! (`eu-central-2`), calendar days and
//! clock times (`date:03-20` for `March 20` and `20 mars`),
//! names (capitalised or mixed-case Latin words, such as vendors, products
//! and malware), and numbers (victim counts, sums, sizes: `num:4100000` for
//! `4.1 million`, `4,1 Millionen`, `41 lakh` and `410万`), digits of any
//! script read as ASCII. These carry across outlets and languages: a Chinese or
//! Italian translation shares `nwh-portal-sync.com`, `3.2.1` and `BlackVane`
//! with the English report, and hardly a word besides.
//!
//! Each feature is a string with its kind as a prefix (`dom:`, `ip:`,
//! `hash:`, `file:`, `ver:`, `key:`, `id:`, `region:`, `name:`, `num:`, `date:`, `time:`), so one set holds them all and
//! clustering can weigh the kinds differently.

use std::collections::BTreeSet;

/// File extensions that make `name.ext` a file rather than a domain.
const FILE_EXTENSIONS: &[&str] = &[
    "dll", "exe", "jsp", "jspx", "php", "asp", "aspx", "js", "ps1", "bat", "cmd", "sh", "vbs",
    "hta", "lnk", "zip", "rar", "7z", "iso", "img", "msi", "doc", "docx", "docm", "xls", "xlsx",
    "xlsm", "pdf", "py", "jar", "elf", "bin", "so", "dat", "tmp", "log", "json", "yaml", "yml",
    "xml", "html", "htm", "svg", "png", "jpg", "gif", "txt", "md", "cfg", "conf", "ini", "sys",
];

/// Capitalised words that start clauses or name days (months are
/// [`MONTHS`]' English row, see [`is_common_capitalised`]): they say nothing
/// about which story it is.
const COMMON_CAPITALISED: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "if",
    "in",
    "on",
    "at",
    "to",
    "for",
    "of",
    "by",
    "as",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "we",
    "they",
    "he",
    "she",
    "you",
    "our",
    "their",
    "his",
    "her",
    "after",
    "before",
    "when",
    "while",
    "also",
    "unlike",
    "according",
    "researchers",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "update",
    "read",
    "more",
    "share",
    "news",
    "security",
];

/// Whether a lowercased word is one of [`COMMON_CAPITALISED`] or an
/// English month.
fn is_common_capitalised(lower: &str) -> bool {
    COMMON_CAPITALISED.contains(&lower) || MONTHS[0].contains(&lower)
}

/// Undoes the defanging of indicators: `evil[.]com`, `1.2.3(.)4`.
fn refang(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['[', '(', '{']) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.replace("[.]", ".")
            .replace("(.)", ".")
            .replace("{.}", ".")
            .replace("[dot]", "."),
    )
}

/// The rare-feature candidates of an article: `text` is its plain text,
/// `code` the text of its code blocks (where IOC lists often are). One pass
/// over each, token by token, with no regular expressions: this runs for
/// every article of the site.
pub fn features(text: &str, code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let text = fold_digits(text);
    let text = refang(&text);
    let names = if capitalises_nouns(&text) {
        Names::NounsCapitalised
    } else {
        Names::Read
    };
    scan(&text, names, &mut out);
    scan(&refang(&fold_digits(code)), Names::Skipped, &mut out);
    numbers(&text, &mut out);
    dates_and_times(&text, &mut out);
    out
}

/// The features of an article's title, but names: a title is often where
/// the figure is (`Seller offers 2.4 million records`), and in title case
/// every word has a capital, so its names are read from the text alone.
pub fn title_features(title: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let title = fold_digits(title);
    let title = refang(&title);
    scan(&title, Names::Skipped, &mut out);
    numbers(&title, &mut out);
    dates_and_times(&title, &mut out);
    out
}

/// Whether and how a text's capitalised words are read as names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Names {
    /// Not at all (code, titles).
    Skipped,
    /// As names (`name:`).
    Read,
    /// In a language that capitalises its nouns (German, Luxembourgish),
    /// where `Krankenhaus` and `Angreifer` are capitalised as `Hallbrook`
    /// is: a capitalised word is `noun:`, a name only if it is one
    /// elsewhere (see [`super::dedupe::Corpus`]), except one with a capital
    /// inside or a digit (`GlassMoth`, `3CX`), a name in any language.
    NounsCapitalised,
}

/// Whether `text` is in a language that capitalises its nouns: most words
/// straight after an article (`der`, `die`, `das`, `ein`, `eng`) have a
/// capital, as `die Gruppe`, `das Krankenhaus`. In Dutch, Afrikaans or a
/// Scandinavian language the same words (`die`, `den`, `der`) come before
/// lower-case words.
pub fn capitalises_nouns(text: &str) -> bool {
    const ARTICLES: &[&str] = &[
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
        "eines", "eng", "engem", "enger",
    ];
    let (mut after, mut capital) = (0usize, 0usize);
    let mut after_article = false;
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
        if word.is_empty() {
            continue;
        }
        if after_article {
            after += 1;
            capital += usize::from(word.starts_with(char::is_uppercase));
        }
        after_article = ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(word));
    }
    capital >= 3 && capital * 5 >= after * 3
}

/// The CVEs (`cve:CVE-2026-71234`, found as entities are) and advisory or
/// incident IDs (`id:CB-2026-0147`) a title names, `features` being the
/// title's [`title_features`].
pub fn title_indicators(title: &str, features: &BTreeSet<String>) -> Vec<String> {
    let ids = features.iter().filter(|f| f.starts_with("id:")).cloned();
    let cves = super::entities::find(title, &super::entities::Watchlist::default())
        .into_iter()
        .filter(|e| e.kind == super::entities::EntityKind::Cve)
        .map(|e| format!("cve:{}", e.id));
    ids.chain(cves).collect()
}

/// Month names, January first, in the languages reports are written in
/// (for Russian and Polish, the form a date takes: `20 марта`).
const MONTHS: &[[&str; 12]] = &[
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "januar",
        "februar",
        "märz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ],
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    [
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    ],
    [
        "ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim",
        "kasım", "aralık",
    ],
    [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
];

/// Small words between a day and its month (`18 de febrero`, `16 و18 مارس`).
const DATE_LINKS: &[&str] = &["de", "del", "di", "du", "و"];

/// Calendar days and clock times an article names, whatever its language:
/// `date:03-20` for `March 20`, `20 mars`, `20. März`, `20 марта`,
/// `3月20日`, `3월 20일`; `time:07:12` for `07:12 UTC` and `07h12`. The
/// reports of one event give its day and its hours; rarity weighs how many
/// other articles give the same.
fn dates_and_times(text: &str, out: &mut BTreeSet<String>) {
    // Runs of letters, of digits, and single other characters but spaces,
    // each with where it starts.
    let mut tokens: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    let mut kind = 0u8;
    for (i, c) in text.char_indices() {
        let k = if c.is_ascii_digit() {
            1
        } else if c.is_alphabetic() {
            2
        } else {
            0
        };
        if let Some(st) = start.filter(|_| k != kind || k == 0) {
            tokens.push((st, &text[st..i]));
            start = None;
        }
        if k != 0 && start.is_none() {
            start = Some(i);
            kind = k;
        } else if k == 0 && !c.is_whitespace() {
            tokens.push((i, &text[i..i + c.len_utf8()]));
        }
    }
    if let Some(st) = start {
        tokens.push((st, &text[st..]));
    }
    let at = |k: Option<usize>| k.and_then(|k| tokens.get(k)).map(|&(_, t)| t);
    let day = |t: Option<&str>| {
        t.filter(|t| t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|t| t.parse::<u32>().ok())
            .filter(|d| (1..=31).contains(d))
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    for (k, &(pos, t)) in tokens.iter().enumerate() {
        let prev = at(k.checked_sub(1));
        let next = at(Some(k + 1));
        if matches!(t, ":" | "h") {
            // 07:12, 07h12: two digits of minutes glued after an hour.
            let (Some(h), Some(m)) = (prev, next) else {
                continue;
            };
            let glued = tokens[k - 1].0 + h.len() == pos && pos + 1 == tokens[k + 1].0;
            if glued
                && (1..=2).contains(&h.len())
                && m.len() == 2
                && digits(h)
                && digits(m)
                && h.parse::<u32>().is_ok_and(|h| h < 24)
                && m.parse::<u32>().is_ok_and(|m| m < 60)
                && at(Some(k + 2)) != Some(":")
            {
                out.insert(format!("time:{h:0>2}:{m}"));
            }
            continue;
        }
        let first = t.chars().next().unwrap_or(' ');
        let date = if matches!(first, '月' | '월') {
            // 3月20日, 3월 20일: the month's number, then the day's.
            let days = at(Some(k + 2)).and_then(|d| d.chars().next());
            match (day(prev), day(next), days) {
                (Some(m), Some(d), Some('日' | '일')) if m <= 12 => Some((m, d)),
                _ => None,
            }
        } else if first.is_alphabetic() && t.len() >= 3 {
            // 20 mars, 20. März, 18 de febrero; or March 20. The day is
            // looked for first: most words have none beside them.
            let prior = match prev {
                Some(b) if b == "." || DATE_LINKS.contains(&b) => at(k.checked_sub(2)),
                other => other,
            };
            day(prior).or_else(|| day(next)).and_then(|d| {
                let lower = t.to_lowercase();
                let m = MONTHS
                    .iter()
                    .find_map(|names| names.iter().position(|m| *m == lower))?;
                Some((m as u32 + 1, d))
            })
        } else {
            None
        };
        if let Some((m, d)) = date {
            out.insert(format!("date:{m:02}-{d:02}"));
        }
    }
}

/// Numbers that can tell one story from another across languages: victim
/// counts, sums, sizes. A count is its value in digits, however it is
/// written: `1,800`, `1.800`, `1 800` and `1800` are `num:1800`; `4.1
/// million`, `4,1 Millionen`, `41 lakh`, `410万` and `4.1M` are
/// `num:4100000` (see [`MULTIPLIERS`], [`GLUED_UNITS`]). A size keeps its
/// unit (`2.1 TB` and `2,1 TB` are `num:21tb`).
/// Kept: plain numbers of three digits or more, with two significant
/// digits at least, that are not years; numbers with thousands
/// separators; and decimals followed by a multiplier or a size unit. A bare
/// decimal is more often a score (CVSS 9.8) than a count, and a round
/// number (`600`, `4,000`) is common. Versions and IP addresses (more
/// than two separators, or groups not of three) are not numbers. The text
/// comes with its digits folded to ASCII (see [`fold_digits`]).
fn numbers(text: &str, out: &mut BTreeSet<String>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let glued_before = i > 0
            && (bytes[i - 1].is_ascii_alphanumeric()
                || matches!(bytes[i - 1], b'-' | b'.' | b'_' | b','));
        if !bytes[i].is_ascii_digit() || glued_before {
            i += 1;
            continue;
        }
        let mut groups: Vec<&str> = Vec::new();
        let mut group_start = i;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                i += 1;
            } else if matches!(bytes[i], b',' | b'.')
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                groups.push(&text[group_start..i]);
                i += 1;
                group_start = i;
            } else if let Some(width) = thousands_space(&text[i..]) {
                // `1 240`, `340 000`: a space between groups of three, as
                // French, Nordic and Slavic text writes thousands.
                let first = groups.first().copied().unwrap_or(&text[group_start..i]);
                let all_three = groups.iter().skip(1).all(|g| g.len() == 3)
                    && (groups.is_empty() || i - group_start == 3);
                if first.len() > 3 || !all_three {
                    break;
                }
                groups.push(&text[group_start..i]);
                i += width;
                group_start = i;
            } else {
                break;
            }
        }
        groups.push(&text[group_start..i]);
        let rest = &text[i..];
        // Glued to letters (`3CX`, `600GB`, `2.3M`): a unit, or not a number.
        let glued: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
        let next_word: String = rest
            .trim_start_matches([' ', '\u{a0}', '\u{202f}'])
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        if let Some(n) = count(&groups, &glued, &next_word) {
            out.insert(format!("num:{n}"));
        }
    }
}

/// The width of a thousands space at the start of `rest` (a space, a
/// no-break space or a narrow one) when exactly three digits follow it.
fn thousands_space(rest: &str) -> Option<usize> {
    let space = rest.chars().next()?;
    if !matches!(space, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}') {
        return None;
    }
    let after = &rest.as_bytes()[space.len_utf8()..];
    let three = after.len() >= 3 && after[..3].iter().all(u8::is_ascii_digit);
    let then = after.get(3);
    (three
        && !then.is_some_and(|b| {
            b.is_ascii_digit()
                || matches!(b, b',' | b'.') && after.get(4).is_some_and(u8::is_ascii_digit)
        }))
    .then_some(space.len_utf8())
}

/// One number's feature value (see [`numbers`]), or `None` when it is not
/// one that tells stories apart.
fn count(groups: &[&str], glued: &str, next_word: &str) -> Option<String> {
    let thousands = groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3);
    if groups.len() > 3 || groups[0].starts_with('0') && groups[0].len() > 1 {
        return None;
    }
    let word = if glued.is_empty() { next_word } else { glued };
    if let Some(power) = multiplier(glued, next_word) {
        let (whole, fraction) = match groups {
            [whole] => ((*whole).to_owned(), ""),
            [whole, fraction] if fraction.len() < 3 => ((*whole).to_owned(), *fraction),
            _ if thousands => (groups.concat(), ""),
            _ => return None,
        };
        let zeros = power.checked_sub(fraction.len())?;
        let n = format!("{whole}{fraction}{}", "0".repeat(zeros));
        let n = n.trim_start_matches('0');
        return (n.len() >= 4 && n.len() <= 13).then(|| n.to_owned());
    }
    let digits = groups.concat();
    let significant = digits.trim_end_matches('0').len();
    if let Some(unit) = size_unit(word) {
        return (significant >= 2 && digits.len() <= 6).then(|| format!("{digits}{unit}"));
    }
    if !glued.is_empty() || digits.starts_with('0') || digits.len() > 12 || significant < 2 {
        return None;
    }
    match groups.len() {
        1 => {
            let year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
            (digits.len() >= 3 && !year).then_some(digits)
        }
        _ => thousands.then_some(digits),
    }
}

/// Count words and the power of ten they stand for, matched at the start
/// of the word after a number (lower-cased): thousands, lakhs, millions,
/// crores and billions in the languages reports are written in. Short
/// abbreviations (`k`, `m`, `bn`) count only glued to the number (`2.3M`)
/// or as a word of their own.
const MULTIPLIERS: &[(&str, usize)] = &[
    ("thousand", 3),
    ("tausend", 3),
    ("mille", 3),
    ("mila", 3),
    ("тыс", 3),
    ("тис", 3),
    ("хиляд", 3),
    ("tisíc", 3),
    ("tysi", 3),
    ("tūkst", 3),
    ("tuhat", 3),
    ("ezer", 3),
    ("ribu", 3),
    ("nghìn", 3),
    ("ngàn", 3),
    ("χιλιάδ", 3),
    ("ألف", 3),
    ("آلاف", 3),
    ("الف", 3),
    ("هزار", 3),
    ("हज़ार", 3),
    ("हजार", 3),
    ("হাজার", 3),
    ("ஆயிரம்", 3),
    ("พัน", 3),
    ("mijë", 3),
    ("хиљад", 3),
    ("илјад", 3),
    ("hiljad", 3),
    ("tisuć", 3),
    ("tisoč", 3),
    ("мың", 3),
    ("миң", 3),
    ("мянга", 3),
    ("ათას", 3),
    ("հազար", 3),
    ("þúsund", 3),
    ("tusen", 3),
    ("tusind", 3),
    ("duizend", 3),
    ("míle", 3),
    ("אלף", 3),
    ("ہزار", 3),
    ("હજાર", 3),
    ("ਹਜ਼ਾਰ", 3),
    ("వేల", 3),
    ("ಸಾವಿರ", 3),
    ("ആയിരം", 3),
    ("දහස", 3),
    ("ሺህ", 3),
    ("ពាន់", 3),
    ("ພັນ", 3),
    ("lakh", 5),
    ("লাখ", 5),
    ("লক্ষ", 5),
    ("लाख", 5),
    ("لاکھ", 5),
    ("லட்சம்", 5),
    ("แสน", 5),
    ("million", 6),
    ("millón", 6),
    ("millon", 6),
    ("milion", 6),
    ("miljon", 6),
    ("miljoen", 6),
    ("milhão", 6),
    ("milhões", 6),
    ("milió", 6),
    ("milijon", 6),
    ("milyon", 6),
    ("miljun", 6),
    ("milijun", 6),
    ("millió", 6),
    ("miljoona", 6),
    ("milljón", 6),
    ("milliún", 6),
    ("miliwn", 6),
    ("מיליון", 6),
    ("მილიონ", 6),
    ("միլիոն", 6),
    ("मिलियन", 6),
    ("মিলিয়ন", 6),
    ("ملین", 6),
    ("ሚሊዮን", 6),
    ("сая", 6),
    ("мільйон", 6),
    ("миллион", 6),
    ("милион", 6),
    ("млн", 6),
    ("εκατομμύρι", 6),
    ("مليون", 6),
    ("میلیون", 6),
    ("juta", 6),
    ("triệu", 6),
    ("ล้าน", 6),
    ("crore", 7),
    ("কোটি", 7),
    ("करोड़", 7),
    ("کروڑ", 7),
    ("billion", 9),
    ("milliard", 9),
    ("miliard", 9),
    ("mrd", 9),
    ("млрд", 9),
    ("мільярд", 9),
    ("миллиард", 9),
    ("tỷ", 9),
];

/// Abbreviated count words, matched whole (`2.3M`, `15 mil`, `1.2 bn`).
const SHORT_MULTIPLIERS: &[(&str, usize)] = &[
    ("k", 3),
    ("mil", 3),
    ("bin", 3),
    ("tys", 3),
    ("tis", 3),
    ("mii", 3),
    ("libo", 3),
    ("rb", 3),
    ("m", 6),
    ("mn", 6),
    ("mln", 6),
    ("mio", 6),
    ("jt", 6),
    ("bn", 9),
    ("b", 9),
    ("mld", 9),
    ("bln", 9),
];

/// Powers of ten of the East Asian count characters, glued to the number
/// or starting the word after it (`87만`, `3.2万`, `1.5億`).
const GLUED_UNITS: &[(char, usize)] = &[
    ('千', 3),
    ('천', 3),
    ('万', 4),
    ('萬', 4),
    ('만', 4),
    ('亿', 8),
    ('億', 8),
    ('억', 8),
];

/// The power of ten a count word after a number stands for.
fn multiplier(glued: &str, next_word: &str) -> Option<usize> {
    let word = if glued.is_empty() { next_word } else { glued };
    if let Some(&(_, p)) = word
        .chars()
        .next()
        .and_then(|c| GLUED_UNITS.iter().find(|(u, _)| *u == c))
    {
        return Some(p);
    }
    let word = word.to_lowercase();
    SHORT_MULTIPLIERS
        .iter()
        .find(|(w, _)| *w == word)
        .or_else(|| MULTIPLIERS.iter().find(|(w, _)| word.starts_with(w)))
        .map(|&(_, p)| p)
}

/// A size unit (`GB`, `TB`, `Go`, `ГБ`) as its lower-case Latin letters.
/// The French octets count only as written (`Go`, `To`): `120 to 150` is
/// two numbers, not a size.
fn size_unit(word: &str) -> Option<&'static str> {
    if let Some(unit) = [("Ko", "kb"), ("Mo", "mb"), ("Go", "gb"), ("To", "tb")]
        .into_iter()
        .find(|(w, _)| *w == word)
    {
        return Some(unit.1);
    }
    let word = word.to_lowercase();
    [
        ("kb", "kb"),
        ("mb", "mb"),
        ("gb", "gb"),
        ("tb", "tb"),
        ("pb", "pb"),
        ("кб", "kb"),
        ("мб", "mb"),
        ("гб", "gb"),
        ("тб", "tb"),
    ]
    .into_iter()
    .find(|(w, _)| *w == word)
    .map(|(_, unit)| unit)
}

/// `text` with every decimal digit of another script (Arabic-Indic,
/// Devanagari, Bengali, Thai, full-width and the rest of Unicode's `Nd`
/// digits) as its ASCII digit, and the Arabic decimal and thousands marks
/// (`٫`, `٬`) as `.` and `,`, so `৫.২.০` is the version `5.2.0` and
/// `١٢٠٠` the number `1200`. Unicode places each script's ten digits in a
/// row from its zero.
pub fn fold_digits(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() || !text.chars().any(digit_of_other_script) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            // Arabic script's own decimal and thousands marks.
            match c {
                '\u{66b}' => return '.',
                '\u{66c}' => return ',',
                _ => {}
            }
            let cp = u32::from(c);
            DIGIT_ZEROS
                .iter()
                .find(|&&zero| (zero..zero + 10).contains(&cp))
                .and_then(|&zero| char::from_digit(cp - zero, 10))
                .unwrap_or(c)
        })
        .collect::<String>()
        .into()
}

fn digit_of_other_script(c: char) -> bool {
    let cp = u32::from(c);
    cp > 0x7f
        && DIGIT_ZEROS
            .iter()
            .any(|&zero| (zero..zero + 10).contains(&cp))
}

/// The zero of every script's decimal digits in Unicode 15 (category `Nd`)
/// past ASCII's.
const DIGIT_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// Whether `text` names a technical indicator: an IP address, a hash, a
/// file name, a version, a CVE or an ATT&CK technique ID. Cleaning reads a
/// section that carries one as part of a threat report (an IOC table, a
/// technique list), whatever its language.
pub fn has_indicator(text: &str) -> bool {
    let words = text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'));
    let ids = words.into_iter().any(|w| {
        let w = w.trim_matches('.');
        let technique = w.len() >= 5
            && w.starts_with('T')
            && w[1..5].bytes().all(|b| b.is_ascii_digit())
            && (w.len() == 5 || w[5..].starts_with('.'));
        w.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("cve-")) || technique
    });
    ids || {
        let mut found = BTreeSet::new();
        scan(&refang(text), Names::Skipped, &mut found);
        found.iter().any(|f| {
            ["ip:", "hash:", "file:", "ver:"]
                .iter()
                .any(|kind| f.starts_with(kind))
        })
    }
}

fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') || is_cased_letter(c)
}

/// A letter of a script with capitals (Latin with its accents, Cyrillic,
/// Greek, Armenian), where a capital inside a sentence marks a name. Not
/// CJK, Thai or Arabic: without capitals, a run of their letters is a
/// phrase, not a name, and an indicator glued to it stays its own token.
fn is_cased_letter(c: char) -> bool {
    !c.is_ascii() && (c.is_uppercase() || c.is_lowercase())
}

/// A name's feature text: lower case, transliterated to ASCII, so
/// `Brasília` and `Brasilia`, `Нимбара` and `Nimbara` are one name.
fn name_key(word: &str) -> String {
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        deunicode::deunicode(&word.to_lowercase())
    }
}

/// Splits `text` into runs of letters, digits, dots, hyphens and
/// underscores, and classifies each run; names as `names` says.
fn scan(text: &str, names: Names, out: &mut BTreeSet<String>) {
    let with_names = names != Names::Skipped;
    let nouns = names == Names::NounsCapitalised;
    let mut openers = Openers {
        nouns,
        ..Openers::default()
    };
    let mut phrase = Phrase {
        words: Vec::new(),
        nouns,
    };
    let mut sentence_start = true;
    let mut rest = text;
    while !rest.is_empty() {
        let Some(start) = rest.find(is_token_char) else {
            break;
        };
        if with_names && !matches!(&rest[..start], " " | "\u{a0}") {
            phrase.end(out);
        }
        for c in rest[..start].chars() {
            if matches!(c, '!' | '?' | '\n' | '。' | '！' | '？' | ':' | '#') {
                sentence_start = true;
            } else if !c.is_whitespace() && !matches!(c, '"' | '\'' | '(' | '*' | '[' | '“' | '‘')
            {
                // Other punctuation (a comma, CJK text) sits inside a sentence.
                sentence_start = false;
            }
        }
        let after = &rest[start..];
        let len = after.find(|c| !is_token_char(c)).unwrap_or(after.len());
        let raw = &after[..len];
        rest = &after[len..];
        let token = raw.trim_matches(['.', '-', '_']);
        if !token.is_empty() {
            classify(token, sentence_start, with_names, out, &mut openers);
        }
        if with_names {
            phrase.push(raw, token, out);
        }
        // A token ending in a full stop ends its sentence.
        sentence_start = raw.ends_with('.');
    }
    phrase.end(out);
    openers.finish(out);
}

/// Capitalised words in a row, one space apart (`Ridgeway Outfitters`,
/// `St. Aldric Regional Medical Center`): one name as well as its words,
/// rarer than any of them (`Medical`, `Center`, `Cloud` recur across
/// stories; the whole name seldom does).
struct Phrase {
    words: Vec<String>,
    /// Whether the text capitalises its nouns (see [`Names`]).
    nouns: bool,
}

/// Most words in a name; past it, a run of capitals is a title or a list.
const MAX_PHRASE_WORDS: usize = 6;

impl Phrase {
    fn push(&mut self, raw: &str, token: &str, out: &mut BTreeSet<String>) {
        let capitalised = token.chars().nth(1).is_some()
            && token.starts_with(char::is_uppercase)
            && token.chars().all(char::is_alphanumeric)
            && !is_common_capitalised(&token.to_lowercase());
        if !capitalised {
            self.end(out);
            return;
        }
        self.words.push(name_key(token));
        // A full stop ends the name, unless it ends an abbreviation (`St.`).
        if raw.ends_with('.') && token.len() > 2 {
            self.end(out);
        }
    }

    fn end(&mut self, out: &mut BTreeSet<String>) {
        if (2..=MAX_PHRASE_WORDS).contains(&self.words.len()) {
            let kind = if self.nouns { "noun" } else { "name" };
            out.insert(format!("{kind}:{}", self.words.join(" ")));
        }
        self.words.clear();
    }
}

/// Capitalised words seen only where a sentence starts, and the words seen
/// in lower case. A word that opens two sentences or more and is never
/// written in lower case is a name all the same (`Hallbrook said ...
/// Hallbrook is offering ...`): a report that always puts its subject first
/// names it too.
#[derive(Default)]
struct Openers {
    opening: std::collections::HashMap<String, usize>,
    lower: std::collections::HashSet<String>,
    /// Whether the text capitalises its nouns (see [`Names`]).
    nouns: bool,
}

impl Openers {
    fn finish(self, out: &mut BTreeSet<String>) {
        let kind = if self.nouns { "noun" } else { "name" };
        for (word, n) in self.opening {
            if n >= 2 && !self.lower.contains(&word) {
                out.insert(format!("{kind}:{word}"));
            }
        }
    }
}

fn classify(
    token: &str,
    sentence_start: bool,
    with_names: bool,
    out: &mut BTreeSet<String>,
    openers: &mut Openers,
) {
    if token.contains('.') {
        let parts: Vec<&str> = token.split('.').collect();
        let numeric = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if parts.len() == 4 && parts.iter().all(|p| numeric(p) && p.len() <= 3) {
            if parts
                .iter()
                .all(|p| p.parse::<u16>().is_ok_and(|n| n <= 255))
            {
                out.insert(format!("ip:{token}"));
            }
            return;
        }
        let unv = token.strip_prefix(['v', 'V']).unwrap_or(token);
        let vparts: Vec<&str> = unv.split('.').collect();
        if vparts.len() == 3 && vparts.iter().all(|p| numeric(p)) {
            out.insert(format!("ver:{unv}"));
            return;
        }
        let last = parts.last().copied().unwrap_or("");
        let last_lower = last.to_ascii_lowercase();
        if FILE_EXTENSIONS.contains(&last_lower.as_str())
            && parts.len() >= 2
            && !parts[0].is_empty()
        {
            out.insert(format!("file:{}", token.to_ascii_lowercase()));
        } else if last.len() >= 2
            && last.bytes().all(|b| b.is_ascii_alphabetic())
            && token.len() >= 6
            && parts.iter().all(|l| l.len() >= 2)
        {
            out.insert(format!("dom:{}", token.to_ascii_lowercase()));
        }
        return;
    }
    let hex = token.bytes().all(|b| b.is_ascii_hexdigit());
    if hex && matches!(token.len(), 32 | 40 | 64) && token.bytes().any(|b| b.is_ascii_alphabetic())
    {
        out.insert(format!("hash:{}", token.to_ascii_lowercase()));
        return;
    }
    if token.contains('_') {
        if token.len() >= 6
            && token.starts_with(|c: char| c.is_ascii_lowercase())
            && !token.bytes().any(|b| b.is_ascii_uppercase() || b == b'-')
        {
            out.insert(format!("key:{token}"));
        }
        return;
    }
    // A CVE ID (`CVE-2026-1234`) is a CVE, which clustering reads apart,
    // not the name `cve`.
    if token.len() > 8
        && token
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("cve-"))
    {
        return;
    }
    if is_identifier(token) {
        out.insert(format!("id:{}", token.to_ascii_uppercase()));
        return;
    }
    if is_region(token) {
        out.insert(format!("region:{token}"));
        return;
    }
    if with_names {
        // `China-linked`, `Zero-Day`: each part is a word of its own.
        for (n, word) in token.split('-').enumerate() {
            name(word, sentence_start && n == 0, out, openers);
        }
    }
}

/// Whether `token` is an advisory's, incident's or case's identifier
/// (`VSA-2026-014`, `NIM-2026-0320-A`, `ZDI-26-1234`): capital letters,
/// then two groups or more after hyphens, one of digits alone, four
/// digits at least in all. Two groups (`TA-4417`, `SHA-256`, `APT-29`) are
/// more often an actor's or an algorithm's name, which recur across
/// stories; an identifier names one advisory or one incident.
fn is_identifier(token: &str) -> bool {
    let mut groups = token.split('-');
    let prefix = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    (2..=8).contains(&prefix.len())
        && prefix.bytes().all(|b| b.is_ascii_uppercase())
        && rest.len() >= 2
        && rest.iter().all(|g| {
            !g.is_empty()
                && g.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        })
        && rest.iter().any(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && token.bytes().filter(u8::is_ascii_digit).count() >= 4
}

/// Whether `token` names a cloud region or zone (`eu-central-2`,
/// `ap-southeast-1a`, `europe-west4`): lower-case groups joined by hyphens,
/// letters first, ending in a number (alone after two groups of letters,
/// or glued to the last word). Every report of an outage names the region,
/// in any language, and an outage elsewhere at the same provider names
/// another. Two groups with a number alone (`utf-8`, `sha-256`,
/// `covid-19`) are encodings, algorithms and diseases.
fn is_region(token: &str) -> bool {
    let groups: Vec<&str> = token.split('-').collect();
    let letters = |g: &str| g.len() >= 2 && g.bytes().all(|b| b.is_ascii_lowercase());
    let Some((last, words)) = groups.split_last() else {
        return false;
    };
    let number = |g: &str| {
        let digits = g.trim_end_matches(|c: char| c.is_ascii_lowercase());
        (1..=2).contains(&digits.len())
            && g.len() - digits.len() <= 1
            && digits.bytes().all(|b| b.is_ascii_digit())
    };
    let glued = last
        .find(|c: char| c.is_ascii_digit())
        .is_some_and(|at| at >= 3 && letters(&last[..at]) && number(&last[at..]));
    !words.is_empty()
        && words.iter().all(|g| letters(g))
        && ((words.len() >= 2 && number(last)) || glued)
}

/// A name: a Latin word with a capital letter inside a sentence
/// (`Northwind`, `BlackVane`, `MOVEit`), or mixing letters and digits
/// (`3CX`). A capital that only starts a sentence proves nothing; when the
/// word is a name it comes up again mid-sentence.
fn name(word: &str, sentence_start: bool, out: &mut BTreeSet<String>, openers: &mut Openers) {
    // Past 24 characters a "word" is an encoded blob, not a name.
    if !(3..=24).contains(&word.chars().count()) {
        return;
    }
    let has_upper = word.chars().any(char::is_uppercase);
    let has_digit = word.bytes().any(|b| b.is_ascii_digit());
    let has_alpha = word.chars().any(char::is_alphabetic);
    let mixed = has_digit && has_alpha;
    let inner_upper = word.chars().skip(1).any(char::is_uppercase);
    if !has_alpha || !(has_upper || mixed) {
        if !has_upper {
            openers.lower.insert(name_key(word));
        }
        return;
    }
    if is_common_capitalised(&word.to_lowercase()) {
        return;
    }
    let lower = name_key(word);
    if sentence_start && !inner_upper && !mixed {
        *openers.opening.entry(lower).or_default() += 1;
    } else if openers.nouns && !inner_upper && !mixed {
        out.insert(format!("noun:{lower}"));
    } else {
        out.insert(format!("name:{lower}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_cased_script_are_one_name_transliterated() {
        let got = features(
            "Lojas em Brasília pararam. Клиенты компании Нимбара жалуются, \
             как и клиенты Kouvanlahti Vesi; 云服务商Nimbara称已恢复。",
            "",
        );
        for f in ["name:brasilia", "name:nimbara", "name:kouvanlahti vesi"] {
            assert!(got.contains(f), "{f} in {got:?}");
        }
        // A lower-case word is no name, in any script; nor is a run of
        // letters of a script without capitals.
        assert!(!got.contains("name:klienty"), "{got:?}");
        assert!(!got.iter().any(|f| f.contains('云')), "{got:?}");
    }

    #[test]
    fn a_text_that_capitalises_nouns_gives_them_as_nouns_and_names_inside_capitals_as_names() {
        let german = "Die Gruppe GlassMoth hat das Krankenhaus in Ostweser angegriffen. \
                      Der Angriff legte die Notaufnahme lahm, sagte ein Sprecher von Hallbrook.";
        assert!(capitalises_nouns(german));
        let got = features(german, "");
        for f in [
            "noun:krankenhaus",
            "noun:notaufnahme",
            "noun:hallbrook",
            "name:glassmoth",
        ] {
            assert!(got.contains(f), "{f} in {got:?}");
        }
        assert!(!got.contains("name:krankenhaus"), "{got:?}");
        // Dutch, Afrikaans and Danish put the same words before lower case.
        for text in [
            "De aanvallers, die de servers van Hallbrook versleutelden, eisen die betaling van de klanten.",
            "Die aanvallers het die bediener van Hallbrook in die nag gekaap, en die data is weg.",
            "Den nye sårbarhed i den populære router, der bruges af Hallbrook, rammer den offentlige sektor.",
            "The attackers hit Hallbrook and the hospital in Ostweser; the Emergency Room closed.",
        ] {
            assert!(!capitalises_nouns(text), "{text}");
            assert!(features(text, "").contains("name:hallbrook"), "{text}");
        }
    }

    #[test]
    fn a_title_gives_its_figures_and_indicators_not_its_capitals() {
        let got = title_features("Seller Offers 2.4 Million Records From nwh-portal[.]com Breach");
        assert!(got.contains("num:2400000"), "{got:?}");
        assert!(got.contains("dom:nwh-portal.com"), "{got:?}");
        assert!(!got.iter().any(|f| f.starts_with("name:")), "{got:?}");
    }

    #[test]
    fn cloud_regions_are_identifiers_and_encodings_are_not() {
        let got = features(
            "The outage hit eu-central-2 and ap-southeast-1a, then europe-west4 and us-east-1; \
             files were utf-8, hashed with sha-256, in a covid-19 lure, on x86-64 hosts.",
            "",
        );
        for f in [
            "region:eu-central-2",
            "region:ap-southeast-1a",
            "region:europe-west4",
            "region:us-east-1",
        ] {
            assert!(got.contains(f), "{f} in {got:?}");
        }
        for f in [
            "region:utf-8",
            "region:sha-256",
            "region:covid-19",
            "region:x86-64",
        ] {
            assert!(!got.contains(f), "{f} in {got:?}");
        }
    }

    #[test]
    fn indicators_are_found_and_refanged() {
        let got = features(
            "Staff were sent to nwh-portal-sync[.]com and data left through 185.220.101[.]47. \
             Upgrade to 3.2.2 (from v3.2.1), remove fupd_helper.dll and reset zone_shard_map.",
            "9f2c4e7a1b3d5f60718293a4b5c6d7e8f90112233445566778899aabbccddeef",
        );
        for f in [
            "dom:nwh-portal-sync.com",
            "ip:185.220.101.47",
            "ver:3.2.2",
            "ver:3.2.1",
            "file:fupd_helper.dll",
            "key:zone_shard_map",
            "hash:9f2c4e7a1b3d5f60718293a4b5c6d7e8f90112233445566778899aabbccddeef",
        ] {
            assert!(got.contains(f), "{f} in {got:?}");
        }
        assert!(!got.iter().any(|f| f.starts_with("ver:185")), "{got:?}");
    }

    #[test]
    fn numbers_written_with_count_words_are_their_digits() {
        let got = features(
            "87만 명, 210 آلاف جهاز, 2.3万人, 15 mil clientes, 1.5億円, 40 тысяч.",
            "",
        );
        let nums: BTreeSet<&str> = got.iter().filter_map(|f| f.strip_prefix("num:")).collect();
        for n in ["870000", "210000", "23000", "15000", "150000000", "40000"] {
            assert!(nums.contains(n), "{n} in {got:?}");
        }
    }

    #[test]
    fn a_count_is_its_value_however_it_is_written() {
        let nums = |text: &str| -> Vec<String> {
            features(text, "")
                .into_iter()
                .filter_map(|f| f.strip_prefix("num:").map(str::to_owned))
                .collect()
        };
        for text in [
            "1.8 million users",
            "1,8 Millionen Nutzer",
            "18 lakh users",
            "১৮ লাখ ব্যবহারকারী",
            "180万用户",
            "1.8M users",
            "1 800 000 users",
            "1\u{a0}800\u{a0}000 users",
            "1,800,000 users",
            "١٫٨ مليون",
            "1,8 millió felhasználó",
            "1,8 miljoonaa käyttäjää",
            "1800 mijë përdorues",
            "1800 bin kullanıcı",
            "1,8 מיליון משתמשים",
        ] {
            assert_eq!(nums(text), ["1800000"], "{text}");
        }
        assert_eq!(nums("4 180 devices, 12.600 exposed"), ["12600", "4180"]);
        assert_eq!(nums("2,1 TB and 2.1 TB"), ["21tb"]);
        assert_eq!(nums("2,1 To, from 120 to 150"), ["120", "150", "21tb"]);
        // A list of small numbers is not one number; years and round
        // figures are no count.
        assert_eq!(nums("in 2026 123 hosts, 600 GB, 5 000 files"), ["123"]);
    }

    #[test]
    fn digits_of_any_script_are_ascii_digits() {
        let got = features("সংস্করণ ৫.২.০ প্রকাশ; ١٢٤٠ جهاز; ๑๒๔๐ เครื่อง", "");
        assert!(got.contains("ver:5.2.0"), "{got:?}");
        assert!(got.contains("num:1240"), "{got:?}");
        assert_eq!(fold_digits("ascii 123"), "ascii 123");
        for &zero in DIGIT_ZEROS {
            for n in 0..10 {
                let c = char::from_u32(zero + n).expect("a digit");
                assert!(c.is_numeric(), "{zero:x}+{n}");
            }
        }
    }

    #[test]
    fn days_and_hours_are_read_in_any_language() {
        let got = features(
            "On March 20 at 07:12 UTC; le vendredi 20 mars, de 07h12 à 13h05; am 16. März 2026; \
             el 18 de febrero; 20 марта; 3月12日、3월 12일; بين 16 و18 مارس. Not dates: \
             March 2026, 12:40:55, 25:10, 9.8, Mars rover.",
            "",
        );
        let when: Vec<&str> = got
            .iter()
            .filter(|f| f.starts_with("date:") || f.starts_with("time:"))
            .map(String::as_str)
            .collect();
        assert_eq!(
            when,
            [
                "date:02-18",
                "date:03-12",
                "date:03-16",
                "date:03-18",
                "date:03-20",
                "time:07:12",
                "time:13:05"
            ],
            "{got:?}"
        );
    }

    #[test]
    fn advisory_and_incident_identifiers_are_indicators() {
        let got = features(
            "Incident NIM-2026-0320-A, advisory VSA-2026-014 and ZDI-26-1234; not the actor \
             TA-4417, not SHA-256, APT-C-36, eu-central-1 or CVE-2026-41872.",
            "",
        );
        let ids: Vec<&str> = got.iter().filter_map(|f| f.strip_prefix("id:")).collect();
        assert_eq!(
            ids,
            ["NIM-2026-0320-A", "VSA-2026-014", "ZDI-26-1234"],
            "{got:?}"
        );
    }

    #[test]
    fn names_are_capitalised_words_inside_sentences_in_any_language() {
        let got = features(
            "Attackers hit Northwind Health with BlackVane. Hospitals said 3CX was fine. \
             美国医疗机构 Northwind Health 近日确认，BlackVane 团伙",
            "",
        );
        let names: Vec<&str> = got.iter().filter_map(|f| f.strip_prefix("name:")).collect();
        assert_eq!(
            names,
            [
                "3cx",
                "blackvane",
                "health",
                "northwind",
                "northwind health"
            ]
        );
    }

    #[test]
    fn a_name_of_several_words_is_a_name_too() {
        let got = features(
            "Ridgeway Outfitters, the chain, called in Halberd Forensics. Ridgeway said the \
             St. Aldric Regional Medical Center was not involved; the Ridgeway-Halberd deal stands.",
            "",
        );
        for f in [
            "name:ridgeway outfitters",
            "name:halberd forensics",
            "name:st aldric regional medical center",
        ] {
            assert!(got.contains(f), "{f} in {got:?}");
        }
        assert!(
            !got.iter().any(|f| f.contains("forensics ridgeway")),
            "{got:?}"
        );
    }
}
