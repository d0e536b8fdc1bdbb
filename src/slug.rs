//! URL-safe names for articles, tags, sources and entities.
//!
//! Takes any text; gives lower-case ASCII words joined by `-`: transliterated
//! (`Café Élysée` → `cafe-elysee`), never containing `/` or `.`, so a slug can
//! never climb out of its folder, and never a name Windows reserves (`con`,
//! `aux`, `com1`, ...), so the output checks out there too. Invisible
//! characters are ignored (`ransom\u{200b}ware` is `ransomware`), a `+` or `#`
//! that ends a word is spelt out (`C++` → `c-plus-plus`, `C#` → `c-sharp`),
//! and [`key`] gives text with no letters or digits (`?`) a name of its own
//! made from its code points (`u3f`).

/// Most characters in a slug; longer titles are cut at a word boundary.
pub const MAX_LEN: usize = 80;

/// The slug of `text`, or an empty string if it has no letters or digits.
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(&spell_out_suffixes(&crate::names::visible(text)));
    let mut out = String::with_capacity(ascii.len());
    let mut pending_dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '\u{2019}' {
            // "isn't" → "isnt", not "isn-t".
        } else {
            pending_dash = true;
        }
    }
    if out.len() > MAX_LEN {
        let cut = out[..MAX_LEN].rfind('-').unwrap_or(MAX_LEN);
        out.truncate(cut);
    }
    portable(out)
}

/// `C++` → `C plus plus`, `C#` → `C sharp`: a `+` or `#` right after a
/// letter or digit and not before one names a language or a product
/// (`Notepad++`, `F#`), so it must not fold away into the plain `c`. Others
/// (`#StopRansomware`, `a+b`) are left to become separators.
fn spell_out_suffixes(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['+', '#']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '+' | '#') && i > 0 && chars[i - 1].is_alphanumeric() {
            let run = chars[i..].iter().take_while(|&&r| r == c).count();
            let next = chars.get(i + run);
            if next.is_none_or(|n| !n.is_alphanumeric()) {
                let word = if c == '+' { " plus" } else { " sharp" };
                for _ in 0..run {
                    out.push_str(word);
                }
                out.push(' ');
                i += run;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

/// Names Windows reserves for devices, with or without an extension.
const RESERVED: [&str; 4] = ["con", "prn", "aux", "nul"];

/// True if `segment` can be a file or folder name on Windows, macOS and
/// Linux alike: not empty, not `.` or `..`, no `<>:"/\|?*` or control
/// characters, no trailing dot or space, and not a reserved device name
/// (`con`, `prn`, `aux`, `nul`, `com0`–`com9`, `lpt0`–`lpt9`, also with an
/// extension: `nul.html`), in any case.
pub fn is_portable_segment(segment: &str) -> bool {
    if segment.is_empty() || segment == "." || segment == ".." {
        return false;
    }
    if segment.ends_with(['.', ' '])
        || segment.chars().any(|c| {
            c.is_control() || matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*')
        })
    {
        return false;
    }
    // Windows ignores the extension and trailing spaces before it.
    let stem = segment.split('.').next().unwrap_or(segment).trim_end();
    !is_reserved_stem(stem)
}

fn is_reserved_stem(stem: &str) -> bool {
    let lower = stem.to_ascii_lowercase();
    if RESERVED.contains(&lower.as_str()) {
        return true;
    }
    // COM¹ and friends are reserved too.
    let mut chars = lower.chars();
    let head: String = chars.by_ref().take(3).collect();
    let tail: Vec<char> = chars.collect();
    matches!(head.as_str(), "com" | "lpt")
        && tail.len() == 1
        && (tail[0].is_ascii_digit() || matches!(tail[0], '¹' | '²' | '³'))
}

/// A slug that is a reserved name gets a trailing `_`: `con` → `con_`. A
/// slug is otherwise only `[a-z0-9-]`, so the result can never be another
/// text's slug, and two tags stay two tags.
fn portable(slug: String) -> String {
    if !slug.is_empty() && is_reserved_stem(&slug) {
        format!("{slug}_")
    } else {
        slug
    }
}

/// The slug of `text`, or `fallback` when that would be empty.
pub fn slugify_or(text: &str, fallback: &str) -> String {
    let s = slugify(text);
    if s.is_empty() { fallback.to_owned() } else { s }
}

/// A key for a tag, source or entity name that is never empty while the
/// name shows anything: its slug, or for a name with no letters or digits
/// its code points (`?` → `u3f`, `?!` → `u3f-u21`), which stay the same
/// from build to build and differ between names.
pub fn key(text: &str) -> String {
    let s = slugify(text);
    if !s.is_empty() {
        return s;
    }
    let mut out = String::new();
    for c in crate::names::visible(text)
        .chars()
        .filter(|c| !c.is_whitespace())
    {
        let part = format!("u{:x}", c as u32);
        if out.len() + part.len() + 1 > MAX_LEN {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&part);
    }
    out
}

/// [`key`], or `fallback` when the text shows nothing.
pub fn key_or(text: &str, fallback: &str) -> String {
    let k = key(text);
    if k.is_empty() { fallback.to_owned() } else { k }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        let cases = [
            (
                "INTERPOL Arrests 5,500 in Global Crackdown",
                "interpol-arrests-5-500-in-global-crackdown",
            ),
            (
                "Medusa ransomware: what you need to know",
                "medusa-ransomware-what-you-need-to-know",
            ),
            ("Patching isn't enough", "patching-isnt-enough"),
            (
                "What’s all the fuss with Log4j2?",
                "whats-all-the-fuss-with-log4j2",
            ),
            ("Café Élysée — naïve", "cafe-elysee-naive"),
            ("../../etc/passwd", "etc-passwd"),
            ("Data_Breach", "data-breach"),
            ("!!!", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(slugify(input), expected, "{input}");
        }
        assert_eq!(slugify_or("...", "article"), "article");
    }

    #[test]
    fn hostile_names() {
        let cases = [
            ("C++", "c-plus-plus"),
            ("C#", "c-sharp"),
            ("C", "c"),
            ("Notepad++ 8.6", "notepad-plus-plus-8-6"),
            ("What's new in C# 12?", "whats-new-in-c-sharp-12"),
            ("#StopRansomware: Medusa", "stopransomware-medusa"),
            ("a+b", "a-b"),
            ("ransom\u{200b}ware", "ransomware"),
            ("Caf\u{200b}e News", "cafe-news"),
            ("\u{202e}evil\u{202c} title", "evil-title"),
            ("CON", "con_"),
            ("aux", "aux_"),
            ("Com1", "com1_"),
            ("lpt9", "lpt9_"),
            ("nul.txt", "nul-txt"),
            ("console", "console"),
            ("com10", "com10"),
        ];
        for (input, expected) in cases {
            assert_eq!(slugify(input), expected, "{input:?}");
        }
        assert_eq!(key("?"), "u3f");
        assert_eq!(key("? !"), "u3f-u21");
        assert_eq!(key("Ransomware"), "ransomware");
        assert_eq!(key("\u{200b}"), "");
    }

    #[test]
    fn portable_segments() {
        for ok in ["index.html", "con_", "console", "t1566.001.html", "com10"] {
            assert!(is_portable_segment(ok), "{ok}");
        }
        for bad in [
            "",
            ".",
            "..",
            "con",
            "CON",
            "nul.html",
            "Aux.tar.gz",
            "com1",
            "lpt3.xml",
            "con .txt",
            "a.",
            "a ",
            "a:b",
            "a?b",
            "a*b",
            "a|b",
            "a<b",
            "a\"b",
            "a\u{7}b",
        ] {
            assert!(!is_portable_segment(bad), "{bad:?}");
        }
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let s = slugify(&"word ".repeat(40));
        assert!(s.len() <= MAX_LEN);
        assert!(s.ends_with("word"));
    }
}
