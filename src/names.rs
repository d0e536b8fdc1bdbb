//! Names and titles as strangers write them, made fit to name and to show.
//!
//! Takes text from front matter, scraped pages and data files (titles, tags,
//! source, author and watch-list names); gives it with HTML character
//! references decoded exactly once (`Is it safe&#x3f;` → `Is it safe?`, as
//! SANS ISC titles are written), control characters dropped, and the
//! invisible characters that would make two names look alike but differ
//! (`ransom\u{200b}ware`) or reorder the text around them (bidi overrides)
//! removed. Output escaping stays with the templates: this module only
//! decides what the text *is*.

use std::borrow::Cow;

/// Bidirectional formatting characters: embeddings and overrides
/// (U+202A–U+202E), isolates (U+2066–U+2069) and the directional marks
/// (U+200E, U+200F, U+061C). An override left open in a title would
/// reorder whatever a page or feed reader shows after it.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
    )
}

/// Characters that show nothing: the bidi controls, zero-width space,
/// non-joiner and joiner, word joiner and invisible operators, the BOM used
/// as a zero-width no-break space, the Mongolian vowel separator and the
/// soft hyphen. In a name they only make two spellings differ.
pub fn is_invisible(c: char) -> bool {
    is_bidi_control(c)
        || matches!(
            c,
            '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{180e}' | '\u{00ad}'
        )
}

/// Characters no page or feed should carry: C0 and C1 controls (tab and
/// newline aside, which whitespace handling folds), the non-characters
/// U+FFFE and U+FFFF (not allowed in XML), and private-use glyphs (icon
/// fonts in scraped pages).
pub fn is_unwanted_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || c == '\u{fffe}'
        || c == '\u{ffff}'
        || ('\u{e000}'..='\u{f8ff}').contains(&c)
}

/// A tag, source, author or watch-list name: references decoded once,
/// controls and invisible characters dropped, whitespace collapsed. Two
/// names that look the same are then the same string.
pub fn name(text: &str) -> String {
    let decoded = decode_entities(text);
    collapse(
        decoded
            .chars()
            .filter(|&c| !is_unwanted_control(c) && !is_invisible(c)),
    )
}

/// A title or summary to show: references decoded once, controls and
/// bidi controls dropped, whitespace collapsed. The zero-width joiner and
/// non-joiner stay, since Persian words and emoji sequences need them; the
/// zero-width space and word joiner go, as they mean nothing in a title.
pub fn title(text: &str) -> String {
    shown(&decode_entities(text))
}

/// Text the site owner wrote (the config's title and description) made safe
/// to show and to put in XML, as [`title`] does, but with nothing decoded:
/// what they typed is what they meant.
pub fn shown(text: &str) -> String {
    collapse(text.chars().filter(|&c| {
        !is_unwanted_control(c)
            && !is_bidi_control(c)
            && !matches!(
                c,
                '\u{200b}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{180e}'
            )
    }))
}

/// `text` without the invisible characters and with whitespace collapsed;
/// decodes nothing, so it can run on a name already cleaned.
pub fn visible(text: &str) -> String {
    collapse(
        text.chars()
            .filter(|&c| !is_unwanted_control(c) && !is_invisible(c)),
    )
}

fn collapse(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in chars {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Most characters between `&` and `;` in a reference worth decoding; the
/// longest HTML5 name (`CounterClockwiseContourIntegral`) has 31.
const MAX_REFERENCE: usize = 32;

/// Decodes HTML character references once: `&amp;` → `&`, `&#x3f;` → `?`,
/// `&eacute;` → `é`. What comes out is never decoded again, so `&amp;lt;`
/// becomes the text `&lt;`. A `&` that starts no known reference, a
/// reference without its `;`, and numbers that name no character (0,
/// surrogates, past U+10FFFF) are left as written.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after
            .char_indices()
            .take(MAX_REFERENCE + 1)
            .find(|&(_, c)| c == ';' || !(c.is_ascii_alphanumeric() || c == '#'))
            .filter(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        match end.and_then(|end| resolve(&after[..end]).map(|s| (end, s))) {
            Some((end, decoded)) => {
                out.push_str(&decoded);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The text of reference `body` (what is between `&` and `;`).
fn resolve(body: &str) -> Option<String> {
    if let Some(number) = body.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        return char::from_u32(code)
            .filter(|&c| c != '\0')
            .map(String::from);
    }
    quick_xml::escape::resolve_html5_entity(body).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_decoded_once() {
        let cases = [
            ("Is it safe&#x3f;", "Is it safe?"),
            ("Tom &amp; Jerry", "Tom & Jerry"),
            ("&lt;b&gt;bold&lt;/b&gt;", "<b>bold</b>"),
            ("&amp;lt;", "&lt;"),
            ("caf&eacute; &#233; &#xE9;", "café é é"),
            ("AT&T", "AT&T"),
            ("a & b", "a & b"),
            ("&nosuch;", "&nosuch;"),
            ("&amp", "&amp"),
            ("&#0; &#xD800; &#x110000;", "&#0; &#xD800; &#x110000;"),
            ("&&amp;&", "&&&"),
            ("end&", "end&"),
        ];
        for (input, expected) in cases {
            assert_eq!(decode_entities(input), expected, "{input}");
        }
    }

    #[test]
    fn names_lose_invisible_characters() {
        assert_eq!(name("ransom\u{200b}ware"), "ransomware");
        assert_eq!(name("Caf\u{200b}e  News\u{feff}"), "Cafe News");
        assert_eq!(name("\u{202e}evil\u{202c}"), "evil");
        assert_eq!(name("bell\u{7}\u{1b}[31m"), "bell[31m");
        assert_eq!(name("R&amp;D"), "R&D");
        assert_eq!(name("\u{200b}"), "");
    }

    #[test]
    fn titles_keep_joiners_but_lose_overrides() {
        assert_eq!(title("\u{202e}txt.exe\u{202c} done"), "txt.exe done");
        assert_eq!(title("می\u{200c}خواهم"), "می\u{200c}خواهم");
        assert_eq!(title("a\u{200b}b &#x3f;"), "ab ?");
        // A reference to a control character is decoded, then dropped.
        assert_eq!(title("x&#7;y"), "xy");
    }
}
