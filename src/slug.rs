//! URL-safe names for articles, tags and sources.
//!
//! Takes any text; gives lower-case ASCII words joined by `-`: transliterated
//! (`Café Élysée` → `cafe-elysee`), never empty when a fallback is given, never
//! containing `/` or `.`, so a slug can never climb out of its folder.

/// Most characters in a slug; longer titles are cut at a word boundary.
pub const MAX_LEN: usize = 80;

/// The slug of `text`, or an empty string if it has no letters or digits.
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
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
    out
}

/// The slug of `text`, or `fallback` when that would be empty.
pub fn slugify_or(text: &str, fallback: &str) -> String {
    let s = slugify(text);
    if s.is_empty() { fallback.to_owned() } else { s }
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
    fn long_titles_are_cut_at_a_word() {
        let s = slugify(&"word ".repeat(40));
        assert!(s.len() <= MAX_LEN);
        assert!(s.ends_with("word"));
    }
}
