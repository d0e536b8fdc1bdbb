//! Boilerplate cleaning measured line by line against hand-labelled pages.
//!
//! Two measures, over lines with visible text (a line of only an image, a
//! rule or table pipes counts for neither side):
//! - **kept**: the share of the article's lines that cleaning keeps;
//! - **chrome left**: the share of the cleaned page that is not article
//!   (menus, ads, promos, disclaimers, comments that survived).
//!
//! Sets:
//! - `tests/fixtures/labelled/cleaning/tune/`: pages the rules were tuned on;
//! - `tests/fixtures/labelled/cleaning/report/`: pages written to shapes the
//!   rules were not tuned on (other sites, languages and promos). Not blind:
//!   some phrases in `boilerplate/cues.rs` ("was converted from", "reader
//!   view", "course starts", "知识星球", "投稿邮箱") were written after reading
//!   them, so this set checks the shapes hold, not how new sources fare;
//! - `tests/fixtures/labelled/cleaning/shapes/`: twelve pages (Japanese,
//!   German, Portuguese, French, Korean and Spanish sites, a newsletter
//!   issue, a support article, a code-forge advisory, a press release, a
//!   podcast page, a mailing-list archive, a threat-research post) written
//!   and labelled without reading the rules, measured blind once (77.1 %
//!   kept, 43.8 % chrome left), then tuned on; held to a floor below the
//!   goal;
//! - `tests/fixtures/labelled/cleaning/final/`: a second blind set, twelve
//!   pages (Turkish, Vietnamese, Arabic, Dutch, Ukrainian and Polish sites, a
//!   disclosed bug-bounty report, release notes with a table of fixed CVEs,
//!   a university IT security alert, a discussion-thread page, an AMP news
//!   page, an incident-response case study) written and labelled without
//!   reading the rules or their cue lists, measured blind (93.3 % kept,
//!   46.0 % chrome left, then 95.9 % and 29.2 % after the next rules that
//!   were not tuned on it), then tuned on in the session that wrote the
//!   next blind set; held to a floor;
//! - `tests/fixtures/labelled/cleaning/unseen/`: the third blind set,
//!   fourteen pages (Russian, Indonesian, Hebrew, Swedish, Czech, Hindi and
//!   Greek sites, a vendor PSIRT advisory, a newsletter post with a paywall,
//!   a forum thread, a government weekly summary, a conference write-up, a
//!   malware blog with a YARA rule, a newswire press release), written and
//!   labelled by someone who had not read the rules, measured blind with
//!   its totals only (97.1 % kept and 9.1 % chrome with the rules before
//!   it, 98.9 % and 6.5 % after the final set's), then tuned on;
//! - `tests/fixtures/labelled/cleaning/fresh/`: the fourth blind set,
//!   fourteen pages (Finnish, Hungarian, Malay, Bengali, Thai, Croatian,
//!   Romanian and Danish sites, a live blog, a status-page incident, an
//!   issue-tracker thread, a fediverse thread, a gated knowledge-base
//!   article, a video page with its transcript), written and labelled by
//!   someone who had not read the rules, measured blind with its totals
//!   only, then tuned on for the article lines it lost;
//! - `tests/fixtures/labelled/cleaning/blind5/`: the fifth blind set,
//!   fourteen pages (Slovak, Bulgarian, Serbian, Lithuanian, Persian,
//!   Tamil, Swahili and Filipino pages, a wire story, an email newsletter's
//!   web version, a print view, an advisory converted from PDF, a wiki
//!   article, a Q&A thread), written and labelled by someone who had not
//!   read the rules, measured blind with its totals only (98.9 % kept,
//!   21.9 % chrome left), then tuned on once the sixth set was written;
//! - `tests/fixtures/labelled/cleaning/blind6/`: the sixth blind set,
//!   fourteen pages (Norwegian, Estonian, Latvian, Slovenian, Urdu,
//!   Georgian, Armenian, Catalan, Icelandic and Kazakh news sites, a
//!   Medium-style blog post, a code-forge security advisory, a Telegram
//!   channel's web preview, a web-archive capture), written and labelled
//!   by someone who had not read the rules, measured blind with its totals
//!   only (94.8 % kept, 5.6 % chrome left), then tuned on once the eighth
//!   set was written;
//! - `tests/fixtures/labelled/cleaning/blind7/`: the seventh blind set,
//!   fourteen pages (Albanian, Macedonian, Belarusian, Mongolian,
//!   Azerbaijani, Uzbek, Nepali, Sinhala, Amharic and Hausa news sites, a
//!   government CERT's weekly bulletin, a paywalled newsletter post, a
//!   vendor's product blog, a discussion-forum thread), written and
//!   labelled by someone who had not read the rules, measured blind with
//!   its totals only (99.2 % kept, 13.1 % chrome left), then tuned on once
//!   the eighth set was written;
//! - `tests/fixtures/labelled/cleaning/blind8/`: the eighth blind set,
//!   twelve pages (Welsh, Basque, Galician, Luxembourgish, Maltese, Irish,
//!   Afrikaans, Zulu, Khmer and Lao news sites, a local TV station's news
//!   page, a company press room's breach notice), written and labelled by
//!   someone who had not read the rules, measured blind with its totals
//!   only (98.2 % kept, 5.1 % chrome left), then tuned on once the ninth
//!   set was written;
//! - `tests/fixtures/labelled/cleaning/blind9/`: the ninth blind set,
//!   twelve pages (Burmese, Telugu, Marathi, Malayalam, Pashto, Yoruba,
//!   Taiwanese Chinese, Bosnian and Esperanto sites, a discussion page
//!   wrapping a researcher's post, a regulator's penalty notice, a trade
//!   magazine behind a registration wall; its `README.md` lists them),
//!   written and labelled on 2026-12-02 by someone who had not read the
//!   rules, measured blind with its totals only (100.0 % kept, 11.1 %
//!   chrome left; 10.7 % after the blind8 round), then tuned on once the
//!   tenth set was written;
//! - `tests/fixtures/labelled/cleaning/blind10/`: the tenth blind set,
//!   twelve pages (Kannada, Gujarati, Punjabi, Sorani Kurdish, Somali,
//!   Kyrgyz, Tajik, Faroese and Haitian Creole sites, a university news
//!   office story, a podcast's show notes, an attorney general's press
//!   release; its `README.md` lists them), written and labelled on
//!   2026-12-02 by someone who had not read the rules, measured blind with
//!   its totals only (100.0 % kept, 17.3 % chrome left; 7.5 % after the
//!   blind9 round), then tuned on once the eleventh set was written;
//! - `tests/fixtures/labelled/cleaning/blind12/`: the twelfth blind set,
//!   twelve pages (Welsh, Basque, Albanian, Macedonian, Kazakh, Mongolian,
//!   Pashto, Hausa and Khmer sites, a national CERT advisory converted from
//!   PDF, a code-hosting security advisory, a forum thread; its `README.md`
//!   lists them), written and labelled on 2026-12-02 by someone who had not
//!   read the rules, measured blind with its totals only (99.6 % kept,
//!   24.3 % chrome left), then tuned on once the thirteenth set was
//!   written;
//! - `tests/fixtures/labelled/cleaning/blind14/`: the fourteenth blind set,
//!   twelve pages (Zulu, Lao, Sinhala, Kurmanji, Irish, Luxembourgish,
//!   Bosnian and Quechua sites, a vendor's threat-research post, a
//!   ministry's press release, a Q&A page, an AMP page; its `README.md`
//!   lists them), written and labelled on 2026-12-03 by someone who had not
//!   read the rules, measured blind with its totals only (100.0 % kept,
//!   10.2 % chrome left; 7.3 % after the blind12 round), then tuned on
//!   once the sixteenth set was written, its pages printed one by one;
//! - `tests/fixtures/labelled/cleaning/blind15/`: the fifteenth blind set,
//!   twelve pages (Maltese, Belarusian, Tamil, Telugu, Burmese, Igbo, Basque
//!   and Tajik sites, an engineering blog's post-mortem, a legal news
//!   site's indictment story, a newsletter's one-feature issue, a wiki page
//!   on a malware family; its `README.md` lists them), written and labelled
//!   on 2026-12-03 by someone who had not read the rules, measured blind
//!   with its totals only (94.1 % kept, 4.7 % chrome left, one page losing
//!   most of its story), then tuned on once the sixteenth set was written,
//!   its pages printed one by one;
//! - `tests/fixtures/labelled/cleaning/blind16/`: the sixteenth blind set,
//!   twelve pages (Kinyarwanda, Scottish Gaelic, Dhivehi, Assamese, Cebuano,
//!   Tatar, Occitan and Samoan sites, a paginated article's first page, a
//!   company's incident filing, a syndicated article on an aggregator, a
//!   developer forum's thread; its `README.md` lists them), written and
//!   labelled on 2026-12-03 by someone who had not read the rules, measured
//!   blind with its totals only (94.2 % kept, 14.3 % chrome left; 14.1 %
//!   after the blind14 and blind15 round), then tuned on once the
//!   seventeenth set was written, its pages printed one by one;
//! - `tests/fixtures/labelled/cleaning/blind17/`: the seventeenth blind
//!   set, twelve pages (Shona, Xhosa, Wolof, Oromo, Bashkir, Breton, Māori
//!   and Tetum sites, a practitioner's long-form social post, a published
//!   incident page from a notes app, a bank's security notice with its
//!   FAQ, a threat-intel vendor's weekly report; its `README.md` lists
//!   them), written and labelled on 2026-12-03 by someone who had not read
//!   the rules, measured blind with its totals only;
//! - `tests/fixtures/labelled/cleaning/blind18/`: the eighteenth blind
//!   set, twelve pages (Sundanese, Chuvash, Greenlandic, Corsican, Hmong,
//!   Konkani, Kashmiri and Tongan sites, a government gazette's notice, a
//!   university's IT status page, a podcast's show notes, a wiki's talk
//!   page; its `README.md` lists them), written and labelled on 2026-12-03
//!   by someone who had not read the rules, measured blind with its totals
//!   only (100 % kept, 10.9 % chrome left; 10.3 % after the blind17
//!   round), then tuned on once the nineteenth set was written, its pages
//!   printed one by one;
//! - `tests/fixtures/labelled/cleaning/blind19/`: the nineteenth blind
//!   set, twelve pages (Fijian, Luganda, Tswana, Bislama, Kabyle,
//!   Sardinian, Chechen and Maithili sites, a magazine long-read with a
//!   drop cap, a CERT's advisory mirrored from its feed, a vendor forum's
//!   announcement, a newsletter's web archive; its `README.md` lists them),
//!   written and labelled on 2026-12-03 by someone who had not read the
//!   rules, measured blind with its totals only (92.1 % kept, 9.4 % chrome
//!   left, one page losing most of its story), then tuned on once the
//!   twenty-first set was written, its pages printed one by one;
//! - `tests/fixtures/labelled/cleaning/blind22/`: the twenty-second blind
//!   set, twelve pages (Telugu, Kannada, Marathi, Tajik, Hebrew, Bosnian,
//!   Esperanto and Luxembourgish sites, an incident status page with its
//!   timestamped updates, a code host's security advisory, a breach
//!   notification letter, a wire story with its dateline; its `README.md`
//!   lists them), written and labelled on 2026-12-04 by someone who had not
//!   read the rules, measured blind with its totals only;
//! - `tests/fixtures/labelled/cleaning/blind21/`: the twenty-first blind
//!   set, twelve pages (Tamil, Gujarati, Punjabi, Kyrgyz, Belarusian,
//!   Irish, Pashto and Lithuanian sites, a regulator's penalty notice, an
//!   open-source project's security release notes, a vendor's report page
//!   gated behind a form, a forum post with its edits; its `README.md`
//!   lists them), written and labelled on 2026-12-04 by someone who had
//!   not read the rules, measured blind with its totals only (93.1 % kept,
//!   14.6 % chrome left, one page losing most of its story), then tuned on
//!   once the twenty-second set was written, its pages printed one by one;
//! - `tests/fixtures/labelled/cleaning/blind20/`: the twentieth blind set,
//!   twelve pages (Amharic, Armenian, Lao, Sinhala, Mongolian, Uyghur,
//!   Burmese and Icelandic sites, a podcast's show notes with their
//!   transcript, a bug-bounty disclosure report, a mailing-list message, a
//!   documentation site's incident postmortem; its `README.md` lists
//!   them), written and labelled on 2026-12-04 by someone who had not read
//!   the rules, measured blind with its totals only (98.4 % kept, 8.7 %
//!   chrome left), then tuned on once the twenty-first set was written,
//!   its pages printed one by one;
//! - `tests/fixtures/labelled/cleaning/blind13/`: the thirteenth blind set,
//!   twelve pages (Yoruba, Tigrinya, Uyghur, Turkmen, Odia, Javanese,
//!   Malagasy and West Frisian sites, an English live blog, a vendor's
//!   knowledge-base article, an unrolled social thread, a page seen through
//!   a translation proxy; its `README.md` lists them), written and labelled
//!   on 2026-12-03 by someone who had not read the rules, measured blind
//!   with its totals only (86.6 % kept, 8.0 % chrome left), then tuned on
//!   once the fourteenth set was written, its pages printed one by one;
//! - `tests/fixtures/labelled/cleaning/blind11/`: the eleventh blind set,
//!   twelve pages (Amharic, Nepali, Sinhala, Georgian, Armenian, Uzbek,
//!   Azerbaijani, Icelandic and Maltese sites, a vendor's release notes, a
//!   council's incident updates, a newsletter post cut at its paywall; its
//!   `README.md` lists them), written and labelled on 2026-12-02 by someone
//!   who had not read the rules, measured blind with its totals only
//!   (97.2 % kept, 9.2 % chrome left), then tuned on while the twelfth set
//!   was written; its test still prints the totals only;
//! - `../shared/corpus` (real scraped pages, not in this repository), with
//!   their article lines listed in `tests/fixtures/labelled/corpus-article-lines.tsv`;
//!   measured when present, skipped otherwise (a clean clone has no corpus).
//!
//! Each fixture page `NAME.md` comes with `NAME.expected.md`: the article's
//! lines, first to last, as cleaning should keep them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use briefing::enrich::boilerplate::{SourceRules, clean, plain_text};

/// Kept ≥ this share of article lines, on every set.
const MIN_KEPT: f64 = 0.98;
/// Chrome ≤ this share of the cleaned page, on every set.
const MAX_CHROME_LEFT: f64 = 0.02;

/// Line counts over one page or a whole set.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    /// Article lines on the page.
    article: usize,
    /// Article lines the cleaned page keeps.
    kept: usize,
    /// Lines of the cleaned page.
    output: usize,
    /// Lines of the cleaned page that are not article.
    chrome_left: usize,
}

impl Score {
    fn add(&mut self, other: Score) {
        self.article += other.article;
        self.kept += other.kept;
        self.output += other.output;
        self.chrome_left += other.chrome_left;
    }
    fn kept_share(&self) -> f64 {
        self.kept as f64 / self.article.max(1) as f64
    }
    fn chrome_share(&self) -> f64 {
        self.chrome_left as f64 / self.output.max(1) as f64
    }
}

/// Whether a markdown line shows any letters or digits.
fn visible(line: &str) -> bool {
    plain_text(line, usize::MAX)
        .chars()
        .any(char::is_alphanumeric)
}

/// The trimmed lines of `text` that show something.
fn visible_lines(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| visible(l)).collect()
}

/// (title, body, lines of the file before the body) of a page with front matter.
fn split_page(text: &str) -> (String, &str, usize) {
    let fm = briefing::front_matter::parse(text).expect("labelled pages have front matter");
    let title = fm
        .fields
        .iter()
        .find(|f| f.key == "title")
        .and_then(|f| f.value.as_str())
        .expect("labelled pages have a title")
        .to_owned();
    let before = text[..fm.body_offset].lines().count();
    (title, &text[fm.body_offset..], before)
}

/// Scores a fixture page against its `.expected.md`, counting repeated
/// lines as often as they occur.
fn score_fixture(page: &Path) -> (Score, String, Option<String>) {
    let text = std::fs::read_to_string(page).expect("fixture is readable");
    let (title, body, _) = split_page(&text);
    let cleaned = clean(body, &title, &SourceRules::default());
    let expected_text = std::fs::read_to_string(page.with_extension("expected.md"))
        .expect("every labelled page has an .expected.md");
    let mut wanted: BTreeMap<&str, usize> = BTreeMap::new();
    let expected = visible_lines(&expected_text);
    for l in &expected {
        *wanted.entry(l).or_default() += 1;
    }
    let output = visible_lines(&cleaned.markdown);
    let mut kept = 0;
    for l in &output {
        if let Some(n) = wanted.get_mut(l).filter(|n| **n > 0) {
            *n -= 1;
            kept += 1;
        }
    }
    let score = Score {
        article: expected.len(),
        kept,
        output: output.len(),
        chrome_left: output.len() - kept,
    };
    (score, cleaned.markdown, cleaned.kept_original)
}

/// `10,21-99,130-END` as a set of 1-based line numbers.
fn parse_ranges(spec: &str, last: usize) -> BTreeSet<usize> {
    let mut set = BTreeSet::new();
    for part in spec.split(',') {
        let (a, b) = part.split_once('-').unwrap_or((part, part));
        let a: usize = a.trim().parse().expect("a line number");
        let b = match b.trim() {
            "END" => last,
            b => b.parse().expect("a line number"),
        };
        set.extend(a..=b);
    }
    set
}

/// Scores a corpus page against its labelled article lines. The cleaned
/// body is the original's lines in order with some left out, so walking
/// both in step tells which original lines were kept.
fn score_labelled_lines(text: &str, spec: &str) -> Score {
    let (title, body, before) = split_page(text);
    let cleaned = clean(body, &title, &SourceRules::default());
    let article = parse_ranges(spec, text.lines().count());
    let mut out = cleaned
        .markdown
        .lines()
        .filter(|l| !l.trim().is_empty())
        .peekable();
    let mut score = Score::default();
    for (i, line) in body.lines().enumerate() {
        let kept = !line.trim().is_empty() && out.peek() == Some(&line) && out.next().is_some();
        if !visible(line) {
            continue;
        }
        let is_article = article.contains(&(before + i + 1));
        if kept != is_article && std::env::var_os("BRIEFING_SHOW_CLEANED").is_some() {
            let what = if kept { "chrome left" } else { "article lost" };
            eprintln!("  {what}, line {}: {line}", before + i + 1);
        }
        score.article += usize::from(is_article);
        score.kept += usize::from(kept && is_article);
        score.output += usize::from(kept);
        score.chrome_left += usize::from(kept && !is_article);
    }
    score
}

fn fixture_pages(set: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/labelled/cleaning")
        .join(set);
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("labelled set exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| {
            let name = p.to_string_lossy();
            name.ends_with(".md")
                && !name.ends_with(".expected.md")
                && p.file_name().is_some_and(|n| n != "README.md")
        })
        .collect();
    pages.sort();
    pages
}

/// Scores one fixture set, printing a line per page; returns the total and
/// the pages that lost most of their story.
fn score_set(set: &str) -> (Score, Vec<String>) {
    score_set_showing(set, true)
}

/// [`score_set`], with or without the line per page: a blind set's pages
/// are not to be looked at, one by one, by whoever tunes the rules.
fn score_set_showing(set: &str, per_page: bool) -> (Score, Vec<String>) {
    let pages = fixture_pages(set);
    assert!(pages.len() >= 7, "{set}: {} pages", pages.len());
    let mut total = Score::default();
    let mut lost = Vec::new();
    for page in pages {
        let (score, cleaned, whole) = score_fixture(&page);
        let name = page.file_name().unwrap_or_default().to_string_lossy();
        if per_page {
            eprintln!(
                "{set}/{name}: kept {}/{} article lines, {} of {} kept lines chrome{}",
                score.kept,
                score.article,
                score.chrome_left,
                score.output,
                whole
                    .map(|r| format!(" (kept whole: {r})"))
                    .unwrap_or_default()
            );
        }
        if per_page && std::env::var_os("BRIEFING_SHOW_CLEANED").is_some() {
            eprintln!("{cleaned}");
        }
        // No page may lose most of its story, whatever the totals say.
        if score.kept_share() < 0.8 {
            lost.push(format!("{set}/{name} kept too little:\n{cleaned}"));
        }
        total.add(score);
    }
    (total, lost)
}

fn report(set: &str, s: Score) -> String {
    format!(
        "{set:<8} kept {:>5.1}% ({}/{})  chrome left {:>4.1}% ({}/{})",
        s.kept_share() * 100.0,
        s.kept,
        s.article,
        s.chrome_share() * 100.0,
        s.chrome_left,
        s.output
    )
}

#[test]
fn cleaning_keeps_the_article_and_drops_the_chrome_on_the_tune_and_report_sets() {
    let scores = ["tune", "report"].map(|set| (set, score_set(set)));
    // The table first, so a failure shows both sets.
    for (set, (s, _)) in &scores {
        eprintln!("{}", report(set, *s));
    }
    for (set, (s, lost)) in scores {
        assert!(lost.is_empty(), "{}", lost.join("\n\n"));
        assert!(s.kept_share() >= MIN_KEPT, "{}", report(set, s));
        assert!(s.chrome_share() <= MAX_CHROME_LEFT, "{}", report(set, s));
    }
}

#[test]
fn cleaning_on_the_shared_corpus_when_present() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !root.is_dir() {
        eprintln!("skipped: {} is not here", root.display());
        return;
    }
    let labels = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/labelled/corpus-article-lines.tsv"),
    )
    .expect("labels are in the repository");
    let mut total = Score::default();
    for line in labels
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (file, spec) = line.split_once('\t').expect("file<TAB>ranges");
        let Ok(text) = std::fs::read_to_string(root.join(file)) else {
            eprintln!("skipped: {file} is not in the corpus");
            continue;
        };
        let s = score_labelled_lines(&text, spec);
        eprintln!(
            "corpus/{file}: kept {}/{} article lines, {} of {} kept lines chrome",
            s.kept, s.article, s.chrome_left, s.output
        );
        total.add(s);
    }
    eprintln!("{}", report("corpus", total));
    assert!(
        total.kept_share() >= MIN_KEPT,
        "{}",
        report("corpus", total)
    );
    assert!(
        total.chrome_share() <= MAX_CHROME_LEFT,
        "{}",
        report("corpus", total)
    );
}

/// Scores a set held to floors below the goal: what the rules reach on it
/// today, so a change that loses ground fails, while the goal (98 % kept,
/// 2 % chrome) is not met there yet.
fn hold_floor(set: &str, min_kept: f64, max_chrome: f64) {
    hold_floor_showing(set, min_kept, max_chrome, true);
}

/// [`hold_floor`], printing the pages that lost their story by name only
/// when `per_page` (a blind set's test names none of its pages).
fn hold_floor_showing(set: &str, min_kept: f64, max_chrome: f64, per_page: bool) {
    let pages = fixture_pages(set);
    for page in &pages {
        assert!(
            page.with_extension("expected.md").is_file(),
            "{} has no .expected.md",
            page.display()
        );
    }
    let (s, lost) = score_set_showing(set, per_page);
    eprintln!("{}", report(set, s));
    if per_page {
        for l in &lost {
            let first = l.lines().next().unwrap_or_default();
            eprintln!("{}", first.trim_end_matches(':'));
        }
    } else {
        eprintln!(
            "{set:<8} {} of its pages lost most of their story",
            lost.len()
        );
    }
    assert!(s.kept_share() >= min_kept, "{}", report(set, s));
    assert!(s.chrome_share() <= max_chrome, "{}", report(set, s));
}

#[test]
fn cleaning_on_the_new_shapes_set_holds_its_floor() {
    // 2026-12-01: written blind, it scored 77.1 % kept and 43.8 % chrome;
    // after tuning on it, 95.9 % and 7.5 %; 95.9 % and 4.6 % after the
    // rules tuned on the final set, then 98.6 % and 2.3 %; 100 % and 1.8 %
    // with reference headings over the site's own links and bylines that
    // link their author and give the date.
    hold_floor("shapes", 0.99, 0.02);
}

#[test]
fn cleaning_on_the_final_set_holds_its_floor() {
    // 2026-12-01, blind: 93.3 % kept and 46.0 % chrome, then 95.9 % and
    // 29.2 %; tuned on since (callouts, read-also lines, reply buttons and
    // comment headers, tag folders, fact tables, ad labels, disclaimers):
    // 100 % and 1.5 %.
    hold_floor("final", 0.98, 0.02);
}

#[test]
fn cleaning_on_the_unseen_set_holds_its_floor() {
    // 2026-12-01, measured blind, totals only: the rules before this set
    // was written (09ec3a9) scored 97.1 % kept and 9.1 % chrome; with the
    // rules tuned on the final set, 98.9 % and 7.1 %, then 98.9 % and 6.5 %.
    // Tuned on since, when the fresh set was written (follow boxes that
    // link to a social platform, single share links, form fields, paywall
    // headings, like counters, banners by their ad URLs, speaker bios):
    // 100 % and 0.7 %. Three stock-photo credits its writer had labelled
    // article are chrome here, as in every other set.
    hold_floor("unseen", 0.98, 0.02);
}

#[test]
fn cleaning_on_the_fresh_set_holds_its_floor() {
    // 2026-12-01, measured blind, totals only: the rules before this
    // session (09ec3a9) scored 90.0 % kept and 27.4 % chrome; the rules
    // tuned on the final and unseen sets, 87.1 % and 11.3 %, two pages
    // losing most of their story (a live blog cut at its first "Share"
    // button, a video page's chapters read as a comment thread). Then
    // tuned on, for what it lost: 95.9 % kept, 14.5 % chrome (more of the
    // pages kept means more of their chrome kept too); 13.3 % once a
    // read-also line's label may be plain ("BACA JUGA: [...]"); 11.0 %
    // with hashtag rows, "follow us on [Google News]" lines and the name
    // over each post of a thread; 10.3 % with photo credits and read-also
    // labels that ask ("**Ezt is olvasta már?** [...]"); 96.3 % and 10.3 %
    // once Thai is counted in words. Then 99.6 % and 0.7 % with forms and
    // their promo boxes, a player's chapter marks, reaction rows, creator
    // promos, labels left over nothing, summary lists under the title, the
    // time stamps of a log of updates and contact lines after the story.
    // Left: a caption over the first paragraph (lost), a transcript's
    // heading and its player's note.
    hold_floor("fresh", 0.99, 0.01);
}

#[test]
fn cleaning_on_the_fifth_blind_set_holds_its_floor() {
    // 2026-12-01, measured blind, totals only: 98.9 % kept and 29.6 %
    // chrome with the rules before this session (09ec3a9), 98.9 % and
    // 21.9 % with the rules tuned on every other set. Tuned on once the
    // sixth set was written (tag lists one tag a line, headings the page's
    // contents link to, newsletter sign-offs and mailing-list footers,
    // wiki edit links, see-also lists, notes and navigation boxes, TLP
    // markings, wire credits, print views' bylines and footers): 100 %
    // and 0.7 %. Left: a photo carousel's caption and a newsletter promo
    // between paragraphs of a wire story.
    hold_floor("blind5", 0.99, 0.01);
}

#[test]
fn cleaning_on_the_sixth_blind_set_holds_its_floor() {
    // 2026-12-01, measured blind, totals only, with the rules tuned on
    // every set before it (336277e): 93.3 % kept and 5.7 % chrome, one page
    // losing most of its story; 94.8 % and 5.6 % with the rules tuned on
    // fresh and shapes since. Tuned on once the eighth set was written
    // (titles set in bold, read-also labels in other scripts or before the
    // footer, form fields in brackets, a promo's name and consent line,
    // callouts before the footer, video promos): 99.6 % and 0.0 %. Left: a
    // lead photo's caption its writer labelled article (chrome in the
    // final and unseen sets).
    hold_floor("blind6", 0.99, 0.01);
}

#[test]
fn cleaning_on_the_seventh_blind_set_holds_its_floor() {
    // 2026-12-01, measured blind, totals only: 99.2 % kept and 13.7 %
    // chrome with the rules tuned on every set but fresh's last round
    // (e2b5f82), 99.2 % and 13.1 % with them. Tuned on once the eighth set
    // was written (a dated row of fields with pipes as the page's data, so
    // a bulletin is no longer kept whole; bold-labelled fact rows, titles
    // with underscores, channel promos opening with a pictograph, dates in
    // other scripts' digits): 99.2 % and 1.6 %; 0.8 % in the blind12 round,
    // with a share button written as the page's own query (`?share=1`).
    // Left: two lead photos' captions labelled article, a "Last updated"
    // line and a forum post's vote count.
    hold_floor("blind7", 0.99, 0.009);
}

#[test]
fn cleaning_on_the_eighth_blind_set_holds_its_floor() {
    // 2026-12-01, measured blind, totals only: 98.2 % kept and 5.1 %
    // chrome with the rules before the blind6 and blind7 round (3737990), and
    // the same with them. Tuned on once the ninth set was written (a lead
    // photo whose caption repeats its alt text, "Advertisement" in Khmer,
    // Lao and five more languages, Khmer's colon, a player's button, a
    // plain label over the site's headlines between paragraphs, the line
    // that closes an ad slot): 100 % and 0.0 %.
    hold_floor("blind8", 0.99, 0.01);
}

#[test]
fn cleaning_on_the_ninth_blind_set_holds_its_floor() {
    // 2026-12-02, measured blind, totals only, with the rules at 3913f7b:
    // 100.0 % kept (200/200), 11.1 % chrome left (25/225); with the
    // blind8 round, tuned at the same time by someone who had not read
    // this set (one of its rules names "advertisement" in Burmese, which
    // one of these pages uses), 100.0 % and 10.7 % (24/224). Tuned on once
    // the tenth set was written (a messenger's send?text= share link, the
    // question over a reaction row, vote arrows before a thread's names, a
    // bracketed button and a rule after the story, read-also labels ending
    // with a dash, a dated byline with its comment count, channel promos
    // by their link, a registration box between two rules, a headless
    // table of the page's date and reference): 100 % and 0.5 %; 0.0 % once
    // an italic caption under its photo ending with its credit is chrome
    // (the blind12 round), which took the screenshot's caption left here.
    hold_floor("blind9", 0.99, 0.01);
}

#[test]
fn cleaning_on_the_tenth_blind_set_holds_its_floor() {
    // 2026-12-02, measured blind, totals only, with the rules at 93a7a6a
    // (after the blind8 round): 100.0 % kept (234/234), 17.3 % chrome left
    // (49/283); after the blind9 round, not tuned on it: 100.0 % and
    // 7.5 % (19/253). Tuned on once the eleventh set was written (a
    // player's controls in other scripts' digits and the title over them,
    // a photo's bare credit under it, a newsletter box between two rules;
    // the site's headlines with a date after each, which other rules took
    // here): 100 % and 2.9 % (7/241). A prompt that ends with a button to
    // the site's account page, taken as the footer's start, made it 1.7 %
    // (4/238), and was dropped: on the eleventh blind set (totals only,
    // the one thing read from it) it cut a story, 97.2 % → 93.4 % kept.
    // Left: that podcast page's comment prompt and four photo captions its
    // writer labelled chrome (a caption with its credit is article in
    // blind6, blind7, blind8 and unseen, chrome in final).
    hold_floor("blind10", BLIND10_FLOOR.0, BLIND10_FLOOR.1);
}

/// Kept at least, chrome at most, on the tenth blind set: its score once
/// tuned on, rounded down and up.
const BLIND10_FLOOR: (f64, f64) = (0.99, 0.03);

#[test]
fn cleaning_on_the_eleventh_blind_set_holds_its_floor() {
    // 2026-12-02, measured blind, totals only, with the rules at d0c4a08
    // (before the blind10 round): 97.2 % kept (207/213), 11.5 % chrome
    // left (27/234), one page losing most of its story; after the blind10
    // round, not tuned on it: 93.4 % and 9.5 %, a second page cut, by a
    // rule that round had added (a prompt with a button to the site's
    // account page opening the footer); without that rule, 97.2 % and
    // 9.2 % (21/228). Tuned on since, once the twelfth set was being
    // written, its test still printing totals only: a question with its
    // buttons to stay on the page ("Was this useful? [Yes](#yes)
    // [No](#no)", in any language) opens the footer, before a sidebar
    // rule cut a story's closing list: 100 % and 4.9 % (11/224); 2.3 %
    // (5/218) with a labelled row of hashtags, a code block's "Copy"
    // button, a play mark with the video's length read as a sentence and a
    // photo credit after the Armenian colon; 1.8 % (4/217) with a box
    // between rules whose button asks for the sign-up ("[Sign up for
    // alerts](...)"); 1.4 % (3/216) in the blind12 round, with channel
    // promos whose button names the platform first in up to five words.
    // Left: a free-article meter between rules (its link names its account
    // page in Azerbaijani), a support callout linking a sibling host, and a
    // mid-story caption with its credit (article in other sets).
    hold_floor_showing("blind11", BLIND11_FLOOR.0, BLIND11_FLOOR.1, false);
}

#[test]
fn cleaning_on_the_twelfth_blind_set_holds_its_floor() {
    // 2026-12-02, measured blind, totals only, with the rules after the
    // blind11 round: 99.6 % kept (249/250), 24.3 % chrome left (80/329),
    // no page losing most of its story. (The blind11 tuner's one `grep` over every set opened
    // these files while they were being written; it printed none of them.)
    // Open to tuning since 2026-12-03, its pages printed one by one: a
    // labelled row of hashtags with no links ends the story as a row of tag
    // links does: 99.6 % and 21.0 % (66/315); 100 % and 15.8 % (47/297)
    // with an advisory's sidebar after its closing code block, and the
    // items under "### References" never read as a box of the site's;
    // 13.8 % (40/290) with a converted document's running footer (its page
    // number counting up) and its TLP sharing statement opening the footer;
    // 9.7 % (27/277) with a forum's dated post headers numbered one by one
    // as a thread, which ends the story at the second post's card; 7.7 %
    // (21/271) with a two-column table of dates and no indicator under the
    // title read as the document's record card, as a headless one is;
    // 6.0 % (16/266) with callouts named by a quoted heading or after a
    // pictograph ("> ### 📩 ...", "> 🔒 **...**"); 5.3 % (14/264) with
    // read-also labels after a pictograph ("📌 **...:** [...]") and
    // "advertisement" in Khmer written in full; 4.6 % (12/262) with a
    // contact line read by its international number and e-mail address;
    // 3.8 % (10/260) with italic captions under their photo ending with
    // the credit ("*...* Llun: ...").
    hold_floor_showing("blind12", BLIND12_FLOOR.0, BLIND12_FLOOR.1, true);
}

#[test]
fn cleaning_on_the_thirteenth_blind_set_holds_its_floor() {
    // 2026-12-03, measured blind, totals only, with the rules at fa52360:
    // 86.6 % kept (264/305), 8.0 % chrome left (23/287), one page losing
    // most of its story; after the blind12 round, not tuned on it (totals
    // only): 86.6 % and 7.4 % (21/285), then 6.7 % (19/283) with italic
    // captions ending with their credit. Open to tuning since 2026-12-03,
    // now that the fourteenth set is the blind one, its pages printed one
    // by one: the page that lost its story was a live blog cut at the
    // first "[Share this update](#block-0820)" under its posts; a button
    // of a few words that comes back under each post is a widget, not the
    // footer: 100 % kept and 6.4 % chrome (21/326); 4.4 % (14/319) with a
    // feedback question answered by pictographs ("Was this section
    // helpful? 👍 👎") and a form's check boxes ("[ ] ...") with the
    // prompt over them; 1.9 % (6/311) with an unrolled thread counted
    // "1/12" to "12/12" running from its first post (past the poster's
    // card) to its last; 1.6 % (5/310) with an ad label first on a line
    // of links ("Sponsored · [...]"); 1.0 % (3/308) with a button that
    // reloads the page with another query ("[Show 5 more updates](?page=
    // ...)"); 0.7 % (2/307) with the page's header again inside the story
    // in pieces between pipes (a translation proxy's banner); 0.3 %
    // (1/306) with a live post's pictograph badge ("📌 Pinned post").
    // Left: a lead photo's plain caption under it, labelled chrome here
    // and article in blind6, blind7 and blind8 (reading it as chrome
    // loses lines there).
    hold_floor_showing("blind13", BLIND13_FLOOR.0, BLIND13_FLOOR.1, true);
}

#[test]
fn cleaning_on_the_fifteenth_blind_set_holds_its_floor() {
    // 2026-12-03, measured blind, totals only, with the rules at 17b3fb5
    // (after the blind12 and blind13 rounds): 94.1 % kept (305/324), 4.7 %
    // chrome left (15/320), one page losing most of its story. Open to
    // tuning since 2026-12-03, now that the sixteenth set is the blind
    // one, its pages printed one by one: the page that lost its story was
    // cut under its bold standfirst at a share row labelled with a
    // footer's word ("Share: [Facebook](...) | [X](...)"), which is read
    // as the share row it is, ending nothing before the story's first 80
    // words: 98.5 % kept (319/324) and 4.8 % chrome (16/335); 2.1 %
    // (7/326) with a wiki's hatnote of up to 20 words (was 12) not read as
    // its lead, and the contents a wiki numbers ("* [1 History](#History)"
    // to "* [7 See also](...)") inside the story, with their label, gone;
    // 1.8 % (6/325) with a label of a few words over a banner that went
    // ("Mgbasa ozi"), colon or not; 1.5 % (5/324) with a channel promo
    // after a pictograph that names its platform in its words and links
    // the channel's bare address; 1.2 % (4/323) with a typo-report widget
    // ("... націсніце Ctrl+Enter.", in any language) as a chrome cue;
    // 0.9 % (3/322) with a button of a few words ending with a length in
    // brackets ("Listen to this article (6 min)") not read as the story's
    // opening; 0.3 % (1/320) with a box between two rules gone whole once
    // one of its lines went as an ad's or a promo's ("**SPONSORED BY
    // ...**" over the sponsor's copy and its button). Left: the wiki
    // page's "See also" list (5 lines lost), labelled article here and
    // chrome in blind5's wiki page; and a lead photo's plain caption with
    // its credit, labelled chrome here and article in blind6, blind7,
    // blind8 and unseen.
    hold_floor_showing("blind15", BLIND15_FLOOR.0, BLIND15_FLOOR.1, true);
}

/// Kept at least, chrome at most, on the fifteenth blind set: its score
/// once tuned on, rounded down and up (its blind score was 94.1 % and
/// 4.7 %).
const BLIND15_FLOOR: (f64, f64) = (0.98, 0.004);

#[test]
fn cleaning_on_the_nineteenth_blind_set_holds_its_floor() {
    // 2026-12-03, measured blind, totals only, with the rules at 29a3d4a
    // (after the blind17 round): 92.1 % kept (232/252), 9.4 % chrome left
    // (24/256), one page losing most of its story. Open to tuning since
    // 2026-12-04, now that the twenty-first set is the blind one, its
    // pages printed one by one: the page that lost its story was cut
    // under its standfirst at its share row, read with the masthead's
    // sign-in row and the footer's links as a thread's headers (each a
    // one-word link to a page at the site's root with more links after
    // it); a row whose links all go to the site's pages of one kind, none
    // asking for an item by its query, is no header: 99.6 % kept
    // (251/252) and 9.7 % chrome (27/278); 100 % (252/252) with a drop
    // cap on a line of its own ("T" over "he call came ...") no label
    // between paragraphs; 8.7 % chrome (24/276) with an embedded post
    // quoted whole gone by its poster's handle, no avatar over it ("> **...
    // News** @handle · 28 Tub." over its text, its counts and its link);
    // 8.0 % (22/274) with a form's promo under its label when a
    // pictograph leads the label ("> 📬 **Saenap ...!**"); 7.7 % (21/273)
    // with a byline's fields closed by a time of day ("Volai e **...** ·
    // Vakaraubuka, 7 ni Okotova 2026 · 11:42 a.m."), its dot no
    // sentence's; 6.3 % (17/269) with a link back and a link on, each
    // alone on its line with an arrow before or after its words, one
    // straight after the other ("[← Previous advisory: ...](...)" over
    // "[Next advisory: ... →](...)"), as chrome lines, and a counter of
    // the item after the story ("Feed item 142 of 150 in this channel");
    // 5.3 % (14/266) with a forum's menu row (four fields or more between
    // dots, each a few words, none a sentence: "Options: Subscribe to RSS
    // Feed · Mark Topic as New · ...") opening no story, however many
    // words it has, and a greeting over the post's first paragraph
    // ("Hello everyone,") opening it; 4.5 % (12/264) with an ad's label
    // between dashes ("*— Sponsored —*") and "Book a demo" as a call to
    // action, so the sponsor's line under the label goes; 3.4 % (9/261)
    // with a pull quote's three paragraphs on either side counted by
    // paragraph, not by line (a hard-wrapped one is one), and a quote
    // whose sentences each come again in one paragraph, the story's own
    // words between them ("... doesn't know," she told me. "The pumps
    // ..."); 1.2 % (3/255) with a newsletter's label of the section the
    // story is in (a heading in capitals straight under the title, over
    // a standfirst set whole in bold: "## THIS WEEK'S LEAD") left out of
    // the story, and the next section labelled in the same shape after
    // it ("## ALSO THIS WEEK" over other outlets' headlines) ending it.
    // Left: a lead photo's plain caption with its credit in brackets
    // ("... (fotografia: ...)"), labelled chrome here and article in
    // blind6, blind7, blind8 and unseen; an italic caption whose credit
    // is a sentence ("Photograph by ... for Longwave."); a contributor's
    // note in italics after the story's last rule.
    hold_floor_showing("blind19", BLIND19_FLOOR.0, BLIND19_FLOOR.1, true);
}

/// Kept at least, chrome at most, on the nineteenth blind set: its score
/// once tuned on, rounded down and up (its blind score was 92.1 % and
/// 9.4 %).
const BLIND19_FLOOR: (f64, f64) = (1.0, 0.012);

#[test]
fn cleaning_on_the_twenty_second_blind_set_holds_its_floor() {
    // 2026-12-04, measured blind, totals only, with the rules at 10934fd
    // (after the blind19 and blind20 round): 100.0 % kept (246/246), 7.9 %
    // chrome left (21/267), no page losing its story; after the blind21
    // round (bda0057), not tuned on it: 100.0 % kept, 7.5 % chrome left
    // (20/266).
    hold_floor_showing("blind22", BLIND22_FLOOR.0, BLIND22_FLOOR.1, false);
}

/// Kept at least, chrome at most, on the twenty-second blind set: its
/// score after the blind21 round, rounded down and up (its blind score was
/// 100 % and 7.9 %).
const BLIND22_FLOOR: (f64, f64) = (1.0, 0.076);

#[test]
fn cleaning_on_the_twenty_first_blind_set_holds_its_floor() {
    // 2026-12-04, measured blind, totals only, with the rules at a73b452
    // (after the blind18 round): 93.1 % kept (217/233), 15.6 % chrome left
    // (40/257), one page losing most of its story; after the blind19 and
    // blind20 round (823e9e9), not tuned on it: 93.1 % kept, 14.6 % chrome
    // left (37/254), the same page losing its story. Open to tuning since
    // 2026-12-04, now that the twenty-second set is the blind one, its
    // pages printed one by one: a vendor's report page gated behind a form
    // lost all of its story after the form, the form's consent notice
    // ("☐ I agree to receive ... See our [privacy notice](...)") read as a
    // page footer's privacy line; a form's notice is the form's, and the
    // story goes on under it: 100 % kept (233/233), 15.9 % chrome
    // (44/277), more of the page kept meaning more of its chrome too;
    // 13.1 % (35/268) with a forum's comments told by their headers when
    // each writer's page is linked with a closing slash ("[u/name](
    // .../user/name/) · 6 hr. ago"), the slash naming no page of its own;
    // 10.7 % (28/261) with a feedback widget whose buttons send one
    // question's answer ("**Was this page useful?** [Yes](...?useful=yes)
    // [No](...?useful=no)") read as one whose buttons go nowhere, a chrome
    // line that ends the notice; 8.3 % (21/254) with a related list whose
    // items each say their kind before the link ("* **Report** ·
    // [...](...)") read as a run of link lines after the story, and a bold
    // label left with nothing under it at the end ("**Trusted by ...**"
    // over logos that went) gone with it; 6.0 % (15/248) with a gated
    // report's teaser over its form (a heading, "The full 38-page report
    // includes:" and the short list of it, straight over the fields) gone
    // with the form; 3.3 % (8/241) with the rest of the page's header
    // between a standfirst and the story's first paragraph (a name alone,
    // "૩ મિનિટ વાંચન", "👁 6,214 ...", "Am léite: 4 nóiméad": a short line
    // with no sentence and no link) gone beside the byline or date line
    // that went; 2.9 % (7/240) with a player's position over its length
    // ("🔊 ... 00:00 / 03:52") read as its controls, no play mark needed;
    // 2.5 % (6/239) with an italic caption under a photo closed by its
    // credit in brackets ("*... (તસવીર: ...)*"); 2.1 % (5/238) with a
    // drop-down control ("Sort by: **Best** ▾", a few words closed by its
    // arrow) gone as a widget; 1.7 % (4/237) once the line under a
    // footer's rule must be a paragraph (ten words or more) for a chrome
    // line over it to sit between two of the story's: a site's tagline
    // ("**Name** — a fast, boring ...") is not one, and the feedback
    // widget over it ends the page. Left: two lead photos' plain captions
    // with their credit ("... (கோப்புப் படம்)", "... NKSC nuotr."),
    // labelled chrome here and article in blind6, blind7, blind8 and
    // unseen; a chart's plain "Figure 1. ... Source: ..." caption, chrome
    // here, where figure captions are labelled both ways between sets (see
    // blind20's); a photo's
    // label of two words with no credit ("ਸੰਕੇਤਕ ਤਸਵੀਰ"), as short lines
    // under photos are the story's in the shared corpus.
    hold_floor_showing("blind21", BLIND21_FLOOR.0, BLIND21_FLOOR.1, true);
}

/// Kept at least, chrome at most, on the twenty-first blind set: its score
/// once tuned on, rounded down and up (its blind score was 93.1 % and
/// 15.6 %).
const BLIND21_FLOOR: (f64, f64) = (1.0, 0.017);

#[test]
fn cleaning_on_the_twentieth_blind_set_holds_its_floor() {
    // 2026-12-04, measured blind, totals only, with the rules at 57dc5d5
    // (after the blind17 round): 98.4 % kept (240/244), 8.7 % chrome left
    // (23/263), no page losing its story. Open to tuning since
    // 2026-12-04, now that the twenty-first set is the blind one, its
    // pages printed one by one: a mail archive's message, its lines
    // hard-wrapped, lost its first paragraph (no line of it long enough
    // to read as prose) and its references under a setext heading
    // ("References" over "----------", "[1] https://..."); a wrapped
    // paragraph over the start is pulled back, a setext heading
    // introduces links as a heading does, a header line giving the title
    // after its label ("Subject: ...") repeats it, and the signature
    // delimiter ends the message however little of it reads as prose,
    // its sign-off ("Regards," over a name) with it: 100 % kept (244/244)
    // and 8.3 % chrome (22/266); 6.9 % (18/262) with a row of two buttons
    // or more that hand the same address on, each to its own service
    // ("[...](https://share.example/fb?u=site) [...](.../x?u=site)
    // [...](#)"), a share row whatever the services are called; 5.8 %
    // (15/259) with an embedded post quoted whole gone by its poster's
    // handle ("> **Chatterly** · @handle · 2026-02-23"), no avatar over
    // it; 3.6 % (9/253) with a box between two rules gone by a promo's
    // shape (a name in bold over a line or two with no link, closed by
    // one button alone to the site's pages: a donation box, a
    // newsletter's); 3.2 % (8/252) with a read-also line over a section
    // of the story (its heading over a list) gone as one between
    // paragraphs; 2.4 % (6/250) with a label of one word and a name
    // ("Հեղինակ՝ ...", "... - ...") beside the page's date line that went
    // read as the byline; 1.6 % (4/248) with a dash for the colon of a
    // photo's credit under it, bare or closing an italic caption ("*...။
    // ဓာတ်ပုံ - ...*"). Left: two lead photos' plain captions with their
    // credit in brackets ("... (ພາບ: ...)"), labelled chrome here and
    // article in blind6, blind7, blind8 and unseen; an italic "*Figure 1:
    // ...*" caption, chrome here and in blind14, article in blind7,
    // shapes and unseen; a podcast's prompt to review it or buy its
    // hosts a coffee between the show notes and the transcript.
    hold_floor_showing("blind20", BLIND20_FLOOR.0, BLIND20_FLOOR.1, true);
}

/// Kept at least, chrome at most, on the twentieth blind set: its score
/// once tuned on, rounded down and up (its blind score was 98.4 % and
/// 8.7 %).
const BLIND20_FLOOR: (f64, f64) = (1.0, 0.017);

#[test]
fn cleaning_on_the_eighteenth_blind_set_holds_its_floor() {
    // 2026-12-03, measured blind, totals only, with the rules at 0b12de0
    // (after the blind16 round): 100.0 % kept (245/245), 10.9 % chrome
    // left (30/275), no page losing its story; after the blind17 round,
    // not tuned on it: 100.0 % kept, 10.3 % chrome left (28/273). Open to
    // tuning since 2026-12-03, now that the nineteenth set is the blind
    // one, its pages printed one by one: a byline that links its author's
    // page and gives a time of day with its date may run to 24 words (two
    // dates in words, "Da [...](.../autori/...) · Publicatu u 4 di
    // nuvembre 2026 à 18:20 · Mudificatu u 6 di nuvembre 2026 à 09:05"):
    // 100 % kept (245/245) and 9.9 % chrome (27/272); 9.3 % (25/270)
    // with a callout quote whose words name a platform gone as a
    // channel's box, whatever address it links ("> 📢 **...
    // Telegram-каналта!** ... [подписка тӑвӑр](...)"), and a callout over
    // a section of the story (a heading, over its list of links
    // mentioned) gone as one between paragraphs; 6.8 % (18/263) with a
    // wiki talk page's signed posts gone as comments (":: ... —
    // [Name](.../User:Name) ([talk](.../User_talk:Name)) 10:02, 9 November
    // 2026 (UTC)", the replies indented with colons, a plain post with
    // both links, the date and the time), a wiki's user pages read as
    // its writers' pages, and the thread's heading with nothing left
    // under it; 6.1 % (16/261) with a sign-up box and no rules around it
    // gone whole (a bold name, a line under it with no blank between and
    // a button to an account or newsletter page closing it, the
    // newsletter's page named in a few languages: ".../nyhedsbrev");
    // 4.7 % (12/257) with an official notice's signature gone between its
    // clauses and its schedule (the signer's name in bold capitals over
    // the office in italics, the place and date of signing above, "Made
    // at ... this 15th day of October, 2026.", the file's reference in
    // brackets under it); 4.3 % (11/256) with a row of the page's tools,
    // two or more of its links going nowhere ("[Download signed PDF
    // ...](...) · [Print](#) · [Cite this notice](#)"), as a chrome line
    // that ends the story when little of it follows (the "Certified a
    // true copy" line under it went with it); 1.6 % (4/249) with the
    // story started under a log of the page's edits that has under 40
    // words of prose over it (a wiki's "Recent changes", two or more
    // items in a row, each a time, a date and a writer's page, "- [cur]
    // [prev] 18:42, 9 November 2026 [Name](.../User:Name) . . (+96)"),
    // the talk page's notice over it and the draft's heading under it
    // gone with it. Left: four lead photos' plain captions with their
    // credit ("... © Corsica Nova / A. Mattei", "(फोटो: ...)", "Taá:
    // ..."), labelled chrome here and article in blind6, blind7, blind8
    // and unseen.
    hold_floor_showing("blind18", BLIND18_FLOOR.0, BLIND18_FLOOR.1, true);
}

/// Kept at least, chrome at most, on the eighteenth blind set: its score
/// once tuned on, rounded down and up (its blind score was 100 % and
/// 10.9 %, then 10.3 % after the blind17 round).
const BLIND18_FLOOR: (f64, f64) = (1.0, 0.017);

#[test]
fn cleaning_on_the_seventeenth_blind_set_holds_its_floor() {
    // 2026-12-03, measured blind, totals only, with the rules at 60185ee
    // (after the blind14 and blind15 round): 100.0 % kept (266/266), 4.3 %
    // chrome left (12/278), no page losing its story; after the blind16
    // round, not tuned on it: 100.0 % kept, 3.6 % chrome left (10/276).
    // Open to tuning since 2026-12-03, now that the eighteenth set is the
    // blind one, its pages printed one by one: an embedded post of
    // another account goes whole (its avatar or a link to its platform,
    // the poster's line in bold, a line or two of the post, its foot of
    // counts after pictographs, "♥ 214 · 🔁 96", and a link under it to
    // the same site): 100 % kept (266/266) and 1.8 % chrome (5/271); 1.5 %
    // (4/270) with an inline comment that closes with two buttons or more
    // going nowhere ("· [Reply](#) · [Resolve](#)"). Left: three lead
    // photos' plain captions with their credit or a photo label
    // ("Whakaahua: ...", "Nataal: ..."), labelled chrome here and article
    // in blind6, blind7, blind8 and unseen; and an author box after the
    // story's last paragraph (a bold name opening a sentence about the
    // writer, with "Follow" and "More by" links).
    hold_floor_showing("blind17", BLIND17_FLOOR.0, BLIND17_FLOOR.1, true);
}

/// Kept at least, chrome at most, on the seventeenth blind set: its score
/// once tuned on, rounded down and up (its blind score was 100 % and
/// 4.3 %, then 3.6 % after the blind16 round).
const BLIND17_FLOOR: (f64, f64) = (1.0, 0.015);

#[test]
fn cleaning_on_the_sixteenth_blind_set_holds_its_floor() {
    // 2026-12-03, measured blind, totals only, with the rules at 48ba40d
    // (after the blind12 and blind13 rounds): 94.2 % kept (228/242),
    // 14.3 % chrome left (38/266), one page losing most of its story;
    // after the blind14 and blind15 round, not tuned on it: 98.3 % kept
    // (238/242), 14.1 % chrome left (39/277), no page losing its story.
    // Open to tuning since 2026-12-03, now that the seventeenth set is the
    // blind one, its pages printed one by one: a document's cover page
    // closed by a rule (ten lines or more of a form's fields, tables and
    // check boxes, at most a third of them prose, a paragraph under the
    // rule) is passed over, and a filing's signature block ("... has duly
    // caused this report to be signed ...") is a chrome cue: 98.3 % kept
    // and 8.5 % chrome (22/260); then, measured together, 100 % (242/242)
    // and 5.8 % (15/257) with pull quotes whose words come again in a
    // paragraph near them (with their "> — Name" attribution), a
    // paginated story's "Page 1 of 2" and, on a page so marked, its link
    // to "?page=2", "originally appeared on" as a pointer to the original,
    // a list item's marker ("- [Advisory ...: ...](...)") no read-also
    // label, and a short sentence ending in a colon over links to other
    // sites introducing them as a label does. (A next-page link on a page
    // with no marker stays: the shared corpus labels one article.) Then,
    // in the blind17 round: 4.3 % (11/253) with embedded posts of another
    // account gone whole (avatar, bold poster line, the post, its foot of
    // counts after pictographs, "[View on Facebook](...)" under it); 3.6 %
    // (9/251) with a channel box after a pictograph linking a folder of
    // the site named after its platform (".../whatsapp") and a newsletter
    // box after one whose button asks for the sign-up ("[Subscribe
    // free](...)"); 3.2 % (8/250) with a length button with its link
    // ("🔊 [...](#audio-player) (৩ মিনিট)", any script's digits) gone
    // inside the story; 2.8 % (7/249) in the blind21 round, with a short
    // line of the header under the standfirst beside the byline that went.
    // Left: five lead photos' plain captions with their credit, labelled
    // chrome here and article in blind6, blind7, blind8 and unseen; bylines
    // with no date ("By Hannah Okafor, LedgerLine Security", a desk's name
    // and city, one with its view count between pipes that opens the
    // story).
    hold_floor_showing("blind16", BLIND16_FLOOR.0, BLIND16_FLOOR.1, true);
}

/// Kept at least, chrome at most, on the sixteenth blind set: its score
/// once tuned on, rounded down and up (its blind score was 94.2 % and
/// 14.3 %, then 98.3 % and 14.1 % after the blind14 and blind15 round).
const BLIND16_FLOOR: (f64, f64) = (1.0, 0.029);

#[test]
fn cleaning_on_the_fourteenth_blind_set_holds_its_floor() {
    // 2026-12-03, measured blind, totals only, with the rules at 56ef498:
    // 100.0 % kept (254/254), 10.2 % chrome left (29/283); after the
    // blind12 round, not tuned on it: 100.0 %, 7.3 % (20/274). Open to
    // tuning since 2026-12-03, now that the sixteenth set is the blind
    // one, its pages printed one by one: a bold label over the site's own
    // headlines after the story ("**Read more:**") is the box it is
    // inside the story, not the author's list: 100 % kept and 6.3 %
    // chrome (17/271); 4.5 % (12/266) with, between a question and its
    // accepted answer, the question's row of tag links (which ends
    // nothing before the story's first 80 words), a control whose link
    // goes nowhere ("Sorted by: [Highest score (default)](#)") and a vote
    // widget with its badge ("▲ 52 ▼ ✓ Accepted"), and, under a press
    // release's summary, its "From: [...] and [...]" line (names linked
    // to their pages) and a labelled date ("Published 12 October 2026");
    // 3.8 % (10/264) with a player's italic caption under it ("▶ Tap to
    // unmute" over "*Video: ... (1:48)*") not read as the story's opening;
    // 2.7 % (7/261) with the site's headlines after the story whose tails
    // read as prose ("[...](...) · 4 uair an chloig ó shin"); 2.3 %
    // (6/260) with a photo's credit under two labels ("Ilustracija / Foto:
    // PortalBiH"); 1.9 % (5/259) with a share row's buttons that hand the
    // page's address on ("[Tweet](.../intent?u=...)") beside a known one;
    // 1.2 % (3/257) with comments under a question, each an item signed
    // after a dash with its writer's page and time ("- ... – [kdm](.../
    // users/771/kdm) Nov 8, 2026 at 21:20"). Left: a Q&A page's "## 3
    // Answers" between the question and its accepted answer (a count
    // heading that ended the story would cut the answer, and "## 5
    // takeaways" is a story's own), a programme promo alone between two
    // rules with no link (an update note there has the same shape), and
    // an italic "*Figure 1: ...*" caption labelled chrome here and
    // article in blind7, shapes and unseen.
    hold_floor_showing("blind14", BLIND14_FLOOR.0, BLIND14_FLOOR.1, true);
}

/// Kept at least, chrome at most, on the fourteenth blind set: its score
/// once tuned on, rounded down and up (its blind score was 100 % and
/// 10.2 %, then 7.3 % after the blind12 round).
const BLIND14_FLOOR: (f64, f64) = (1.0, 0.012);

/// Kept at least, chrome at most, on the thirteenth blind set: its score
/// once tuned on, rounded down and up (its blind score was 86.6 % and
/// 8.0 %).
const BLIND13_FLOOR: (f64, f64) = (1.0, 0.004);

/// Kept at least, chrome at most, on the twelfth blind set: its score
/// once tuned on, rounded down and up (its blind score was 99.6 % and
/// 24.3 %).
const BLIND12_FLOOR: (f64, f64) = (0.99, 0.039);

/// Kept at least, chrome at most, on the eleventh blind set: its score
/// once tuned on, rounded down and up (its blind score was 97.2 % and
/// 9.2 %).
const BLIND11_FLOOR: (f64, f64) = (0.99, 0.014);
