//! Property tests (proptest) for the functions that name things: slugs, tag
//! and source folding, date parsing and URL canonicalisation. Each property
//! states what must hold for every input, not just the examples in the unit
//! tests. See: issue 11.

use briefing::article::parse_date;
use briefing::config::SiteTimezone;
use briefing::enrich::dedupe::canonical_url;
use briefing::enrich::tags;
use briefing::slug;
use chrono::{NaiveDate, Timelike};
use proptest::prelude::*;

fn utc() -> SiteTimezone {
    SiteTimezone::parse("UTC").expect("UTC")
}

/// Text mixing letters, digits, symbols, spaces and the characters that
/// make trouble: invisible ones, bidi controls, controls, `+` and `#`.
fn hostile_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => proptest::char::range('a', 'z'),
            2 => proptest::char::range('A', 'Z'),
            1 => proptest::char::range('0', '9'),
            2 => prop::sample::select(vec![
                ' ', '-', '_', '.', '/', '\\', '+', '#', '?', '&', ':', '*', '<', '"', '\'',
                '\u{200b}', '\u{202e}', '\u{2066}', '\u{feff}', '\u{7}', '\t', '\n',
                'é', 'ß', 'Ж', 'م', '日', '🦀',
            ]),
            1 => any::<char>(),
        ],
        0..40,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// Inserts invisible characters at the positions picked by `at`.
fn sprinkle(text: &str, at: &[usize]) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if at.contains(&i) {
            out.push('\u{200b}');
        }
        out.push(c);
        if at.contains(&(i + 1000)) {
            out.push('\u{2069}');
        }
    }
    out
}

proptest! {
    #[test]
    fn slugs_are_portable_ascii_words(text in hostile_text()) {
        let s = slug::slugify(&text);
        prop_assert!(s.len() <= slug::MAX_LEN + 1, "{s}");
        prop_assert!(s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'), "{s}");
        prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"), "{s}");
        prop_assert!(s.is_empty() || slug::is_portable_segment(&s), "{s}");
        // A slug is its own slug: links made from slugs never move.
        prop_assert_eq!(slug::slugify(&s), s.clone());
    }

    #[test]
    fn reserved_device_names_never_come_out_as_they_are(
        word in prop::sample::select(vec!["con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9"]),
        upper in proptest::collection::vec(any::<bool>(), 4),
        around in prop::sample::select(vec!["", " ", "\u{200b}", "\u{202e}", "-", "."]),
    ) {
        let written: String = word
            .chars()
            .zip(&upper)
            .map(|(c, &u)| if u { c.to_ascii_uppercase() } else { c })
            .collect();
        let written = format!("{around}{written}{around}");
        for s in [slug::slugify(&written), slug::key(&written), tags::normalise(&written)] {
            prop_assert!(slug::is_portable_segment(&s), "{:?} → {:?}", written, s);
            prop_assert_eq!(s, format!("{word}_"));
        }
    }

    #[test]
    fn invisible_characters_never_change_a_slug_or_key(
        text in "[A-Za-z0-9 +#?-]{0,30}",
        at in proptest::collection::vec(0usize..1030, 0..6),
    ) {
        let hidden = sprinkle(&text, &at);
        prop_assert_eq!(slug::slugify(&hidden), slug::slugify(&text));
        prop_assert_eq!(tags::normalise(&hidden), tags::normalise(&text));
    }

    #[test]
    fn tag_keys_fold_case_and_separators_and_are_never_empty(
        words in proptest::collection::vec("[a-zA-Z0-9]{1,8}", 1..5),
        seps in proptest::collection::vec(prop::sample::select(vec![" ", "-", "_", "  ", " - "]), 4),
    ) {
        let mut written = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                written.push_str(seps[i - 1]);
            }
            written.push_str(w);
        }
        let key = tags::normalise(&written);
        prop_assert_eq!(&key, &tags::normalise(&written.to_uppercase()));
        prop_assert_eq!(&key, &tags::normalise(&words.join("-").to_lowercase()));
        prop_assert!(!key.is_empty());
    }

    #[test]
    fn every_visible_name_has_a_key_and_symbols_keep_theirs_apart(
        a in hostile_text(),
        b in "[?!#*&%]{1,6}",
        c in "[?!#*&%]{1,6}",
    ) {
        let shows_something = a.chars().any(|ch| {
            !ch.is_whitespace() && !ch.is_control()
                && !matches!(ch, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{ad}' | '\u{180e}' | '\u{61c}' | '\u{e000}'..='\u{f8ff}' | '\u{fffe}' | '\u{ffff}')
        });
        let key = slug::key(&a);
        prop_assert_eq!(key.is_empty(), !shows_something, "{:?} → {:?}", a, key);
        prop_assert!(key.is_empty() || slug::is_portable_segment(&key), "{key}");
        // Sources fold the same way as tags.
        prop_assert_eq!(slug::key(&a), tags::normalise(&a));
        // Two symbol-only names get the same key only if they are the same.
        prop_assert_eq!(slug::key(&b) == slug::key(&c), b == c);
    }

    #[test]
    fn calendar_dates_parse_back_to_themselves(
        date in (1i32..=9999, 1u32..=12, 1u32..=31)
            .prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        h in 0u32..24, min in 0u32..60, s in 0u32..60,
        offset_minutes in -14 * 60i32..=14 * 60,
    ) {
        let day = parse_date(&date.format("%Y-%m-%d").to_string(), utc()).expect("date");
        prop_assert_eq!(day.date_naive(), date);
        prop_assert_eq!((day.hour(), day.minute(), day.second()), (0, 0, 0));
        let sign = if offset_minutes < 0 { '-' } else { '+' };
        let off = offset_minutes.abs();
        let rfc = format!(
            "{}T{h:02}:{min:02}:{s:02}{sign}{:02}:{:02}",
            date.format("%Y-%m-%d"), off / 60, off % 60
        );
        let parsed = parse_date(&rfc, utc()).expect("RFC 3339");
        prop_assert_eq!(parsed.date_naive(), date);
        prop_assert_eq!((parsed.hour(), parsed.minute(), parsed.second()), (h, min, s));
        prop_assert_eq!(parsed.offset().local_minus_utc(), offset_minutes * 60);
        let spaced = format!("{} {h:02}:{min:02}:{s:02} {sign}{:02}{:02}", date.format("%Y-%m-%d"), off / 60, off % 60);
        prop_assert_eq!(parse_date(&spaced, utc()).expect("spaced"), parsed);
    }

    #[test]
    fn impossible_days_and_junk_are_errors_never_panics(
        y in 1000i32..=9999, m in 0u32..=99, d in 0u32..=99,
        junk in "\\PC{0,30}",
    ) {
        let text = format!("{y:04}-{m:02}-{d:02}");
        let real = NaiveDate::from_ymd_opt(y, m, d).is_some();
        prop_assert_eq!(parse_date(&text, utc()).is_ok(), real, "{}", text);
        if let Ok(parsed) = parse_date(&junk, utc()) {
            // Whatever it accepted is an instant it reads back the same way
            // when written out in full.
            prop_assert_eq!(
                parse_date(&parsed.to_rfc3339(), utc()).expect("its own output"),
                parsed,
                "{}",
                junk
            );
        }
    }

    #[test]
    fn canonical_urls_ignore_tracking_case_www_fragment_and_trailing_slash(
        host in "[a-vx-z][a-z0-9]{0,10}\\.(com|org|example)",
        path in proptest::collection::vec("[a-zA-Z0-9_-]{1,8}", 0..4),
        params in proptest::collection::vec(("[a-z]{1,5}", "[a-zA-Z0-9]{0,5}"), 0..3),
        fragment in "[a-z0-9]{0,6}",
        https in any::<bool>(),
    ) {
        let scheme = if https { "https" } else { "http" };
        let path = path.join("/");
        let query: Vec<String> = params
            .iter()
            .filter(|(k, _)| !k.starts_with("utm"))
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        let plain = url::Url::parse(&format!("{scheme}://{host}/{path}?{}", query.join("&"))).expect("url");
        let mut noisy_query = query.clone();
        noisy_query.reverse();
        noisy_query.push("utm_source=rss".to_owned());
        noisy_query.push("utm_medium=feed".to_owned());
        let noisy = url::Url::parse(&format!(
            "{scheme}://WWW.{}/{path}/?{}#{fragment}",
            host.to_uppercase(),
            noisy_query.join("&")
        ))
        .expect("noisy url");
        let canonical = canonical_url(&plain);
        prop_assert_eq!(&canonical_url(&noisy), &canonical);
        let query = canonical.split_once('?').map_or("", |(_, q)| q);
        prop_assert!(!query.contains("utm_") && !canonical.contains('#'), "{}", canonical);
        prop_assert!(!canonical.starts_with("www."), "{}", canonical);
        // Canonical of the canonical form is itself.
        let again = url::Url::parse(&format!("{scheme}://{canonical}")).expect("canonical parses");
        prop_assert_eq!(canonical_url(&again), canonical);
    }
}
