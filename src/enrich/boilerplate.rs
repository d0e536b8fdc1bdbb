//! Boilerplate removal for scraped pages.
//!
//! Takes the markdown body of a scraped article (a whole news page: menus,
//! share bars, "Trending" lists, comments) with its title and the site's
//! cleaning rules; gives the article body alone, plus a record of what was
//! removed and why (for `--explain`). Works line by line on the markdown, so
//! it needs no HTML and no knowledge of the site:
//!
//! 1. The body starts at the first line of prose after the last heading that
//!    repeats the title (or after a configured `start_after` line), not at a
//!    short note in italics that sends the reader to another of the site's
//!    pages (a wiki's hatnote, up to 20 words) or a menu row ("Options:
//!    Subscribe to RSS Feed · Mark Topic as New · ...") or that captions the player
//!    over it ("*Video: ... (1:48)*" under "▶ Tap to unmute") or is a
//!    button of a few words with a length ("Listen to this article (6
//!    min)"), pulled
//!    back over a greeting ("Hello everyone,"), a heading, bold lead-in,
//!    setext heading, hard-wrapped
//!    paragraph (a mail's lines, none prose alone), advisory field
//!    (`**Severity:** High`), or an advisory's table (not a headless or
//!    two-column one of the page's date and reference with no indicator) or
//!    small sections of facts right above
//!    it, or a lead photo whose caption repeats its alt
//!    text. A sentence-long heading straight under the title
//!    is the standfirst and is kept too, and so is a summary list there (a
//!    heading over plain points: "Key events"). An unrolled thread, its
//!    posts counted "1/12" to "12/12", starts at its first post, past the
//!    poster's card. A document's cover page closed by a rule (ten lines
//!    or more of a form's fields, tables and check boxes, at most a third
//!    of them prose, a paragraph under the rule) is passed over: the
//!    story starts under the rule. So is a log of the page's edits with
//!    under 40 words of prose over it (a wiki's "Recent changes", each
//!    entry a time, a date and a writer's page): the story starts under
//!    it.
//! 2. It ends at the first line that opens a page footer ("Found this article
//!    interesting?", "Share this", "Trending News", "Related posts", "Tags:",
//!    "Keywords:", "Post navigation", "About Company, Inc.", comments...) or
//!    a configured `stop_before` line; at a newsletter's next section
//!    labelled as the story's was (a heading in capitals of the same level
//!    as the label over the standfirst, "## ALSO THIS WEEK", that label
//!    being the page's); at a comment thread or activity log,
//!    told by its shape (reply buttons and comment headers that repeat, or
//!    a forum's dated post headers numbered one by one, "Nov 18, 2026 ·
//!    #2", the next post's card and the last one's signature with them);
//!    at a mail's signature delimiter (`--`), its sign-off ("Regards,"
//!    over a name) with it;
//!    after an unrolled thread's post counted last ("... 12/12") when no
//!    paragraph or code follows; at
//!    a share button, a row (or list) of the site's tag links or a labelled
//!    row of hashtags ("Tags: #cve #patch") once the story has begun (a
//!    share row labelled "Share:" too, so under a bold standfirst it ends
//!    nothing; not a
//!    live blog's button under each post with sections after it: one word,
//!    or a few that come back word for word, "[Share this update](#...)");
//!    or at
//!    a chrome line (see [`cues`]: cookie notice,
//!    copyright, follow-us blurb, a filing's signature block ("... has
//!    duly caused this report to be signed ..."), disclaimer or a document's sharing
//!    statement ("TLP:CLEAR — Recipients may share ..."), typo-report
//!    widget ("... press Ctrl+Enter"), webinar ad, mailing-list
//!    footer, a question with its buttons to stay on the page in any
//!    language: "Was this useful? [Yes](#yes) [No](#no)" (or one address
//!    asking each answer, "?useful=yes"), or "👍 👎" as its
//!    buttons; links to the previous and the next item, one straight
//!    after the other, an arrow before or after the words of each:
//!    "[← Previous advisory: ...](...)"; a row of the
//!    page's tools, two or more of its links going
//!    nowhere: "[PDF](...) · [Print](#) · [Cite](#)") or a run of
//!    link-only lines (or list items of a label and a link, "* **Report**
//!    · [...](...)"),
//!    when little of the article follows: no code, no section with text,
//!    under 40 words of plain prose (not a form's consent notice: a gated
//!    report's story goes on under its form). So a list of Sigma rule links before the
//!    YARA rules stays. After the last paragraph or code block, a sidebar
//!    of three or more small sections of labels and values (an advisory's
//!    "Severity", "CVE ID", "Weaknesses", "Credits") ends it too.
//! 3. Inside, noise lines go: `data:` and empty images, share buttons (a
//!    button that hands the page's address on, `...?u=`, beside a known one,
//!    or two that hand the same address on, each to its own service),
//!    "Advertisement" in many languages, banners by their ad URLs and the
//!    line that closes the slot ("Advertisement ends here"), like
//!    counters, form fields, drop-down controls ("Sort by: Best ▾"),
//!    icon-font leftovers, TLP markings, a
//!    converted document's running footer (the same line at every page
//!    break, its page number counting up: "... — Page 2 of 5"), wire
//!    credits, a repeated title (or one after a label, a mail's
//!    "Subject: ..."), the page's header again (a line above the
//!    start, or pieces of them between pipes: a translation proxy's
//!    banner), the site's boxes (read-also lines, whose label is no list
//!    item's marker, a
//!    pictograph before their label or not, and lists
//!    of its own headlines under a bold label or, between paragraphs, a
//!    plain one, a "See also" section of its links, the contents a wiki
//!    numbers ("[1 History](#History)") and their label; never the items
//!    under a "References" heading, callout
//!    quotes that send the reader to its pages or its social channels,
//!    named in bold or by a heading, a pictograph before it or not, ads
//!    under their own bold label or with it first on a line of links,
//!    "Sponsored · [...]"), a channel's or a newsletter's box after a
//!    pictograph (its one button to the platform, or to a folder of the
//!    site named after it, "/whatsapp", or asking for the sign-up:
//!    "📰 **Get the Daily Brief** ... [Subscribe free](...)"), forms
//!    with their promo box (a gated
//!    report's fields and the teaser over them, a heading, a line and a
//!    list of what it holds, a newsletter's e-mail field, a feedback form's check
//!    boxes and the prompt over them), a player's chapter
//!    marks, buttons and controls ("Listen ▶ 24:10", in any script's
//!    digits, or a play mark and a length: "▶ Watch: ... (2:47)", or its
//!    position over its length, "00:00 / 03:52", or a
//!    button's link or a pictograph and a length in brackets: "🔊
//!    [Listen](#audio-player) (৩ মিনিট)") with
//!    the title over them, a code block's "Copy" button, a button that
//!    reloads the page with another query ("[Show 5 more
//!    updates](?page=...)") or goes nowhere ("Sorted by: [Highest
//!    score](#)"), an inline comment that closes with two or more such
//!    buttons ("... · [Reply](#) · [Resolve](#)"), a row of the site's
//!    tag links that ended nothing (a
//!    question's, over its answers), comments under a post signed after a
//!    dash with the writer's page and the time ("- ... – [kdm](/users/771)
//!    Nov 8, 2026 at 21:20"; a wiki talk page's posts and their replies
//!    indented with colons, ":: ... — [Name](/wiki/User:Name)
//!    ([talk](...)) 10:02, 9 November 2026 (UTC)"), bylines (a label and names linked
//!    to their pages, "From: [...] and [...]"; a labelled date,
//!    "Published 12 October 2026"; a label of one word and a name beside
//!    the page's date line that went, "Reporter - A. Name"; under a
//!    standfirst, before the first paragraph, a short line with no
//!    sentence beside it: "3 min read", a name alone), a row of hashtags
//!    under a label ("**Tags:** #cve #patch"), a photo's bare credit under
//!    it ("Kuva: Agency", "Լուսանկարը՝ Agency", "Foto - Agency", "Ilustracija / Foto:
//!    Agency") or an italic caption under
//!    it that ends with its credit ("*...* Llun: Agency", or in brackets,
//!    "*... (Foto: Agency)*"), a registration, sign-up
//!    or newsletter box between two rules (a link to an account page, a
//!    button that asks: "[Sign up for alerts](...)", or a bold name over a
//!    line or two closed by one button to the site's pages: "[Donate
//!    now](/donate)"), or with no rules,
//!    a bold name and a line or two under it closed by a button to an
//!    account or newsletter page (".../nyhedsbrev"), a sponsor's box
//!    there once its label went ("**SPONSORED BY ...**"), reaction rows (a
//!    vote widget's too, "▲ 52 ▼ ✓ Accepted") and
//!    the question over them, a live blog's badge over a post's time
//!    ("📌 Pinned post"), a pull quote (a quoted line whose words, or
//!    each of whose sentences, come again in a paragraph near it) with
//!    its attribution, an embedded
//!    post of another account (an avatar or a link to its platform, or
//!    the poster's handle on a card quoted whole; the poster's name in bold, a line or two of the post and its foot of
//!    counts after pictographs, "♥ 214 · 🔁 96", with the link under it to
//!    the same site: "[View on Facebook](...)"), a paginated
//!    story's marker ("Page 1 of 2", in any language) and, on a page that
//!    has one, its link to the next page (`?page=2`), short
//!    promos and notices between paragraphs, an official notice's
//!    signature (the signer's name in bold capitals over the office in
//!    italics, with the place and date of signing and the file's
//!    reference), labels whose lines all went
//!    (with a colon, or a few words over a banner: "Mgbasa ozi"),
//!    configured `drop` lines; a log's repeated time stamps stay. Trailing link-only lines (tag lists,
//!    related links, also written as bare URLs or as the site's headlines
//!    with a date after each, or a time ago long enough to read as a
//!    sentence, unless a "References" heading or a label (or a short
//!    sentence ending in a colon, over links to other sites)
//!    introduces them, not a bold one over the site's own headlines:
//!    "**Read more:**"), contact lines, an item counter ("Feed item 142 of
//!    150"), leftover labels (a bold one of a few words over nothing) and
//!    buttons ("[add comment]") and a closing rule go.
//!
//! Words are counted so that Chinese and Japanese text, written without
//! spaces, reads as prose too. Every test is a pass over the lines or a
//! lookup in a suffix table, so cleaning stays linear in the page's size.
//!
//! # Note
//! Never drops the body itself: when the kept text is too small to be an
//! article, or most of the page's prose before the footer would go, the
//! original body is kept and the result says why.

use regex::Regex;

/// What was removed, as 1-based line ranges of the body with a reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    /// First line (1-based, in the body).
    pub first: usize,
    /// Last line (inclusive).
    pub last: usize,
    /// Why, e.g. "site chrome before the article".
    pub reason: String,
}

/// The outcome of cleaning one body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The body to render.
    pub markdown: String,
    /// Every removal, in line order (empty when the original was kept).
    pub removals: Vec<Removal>,
    /// Set when cleaning was abandoned and the original kept: why.
    pub kept_original: Option<String>,
    /// Lines of the original body.
    pub total_lines: usize,
    /// 0-based line where the article body starts in the original (the
    /// first prose line when the original was kept). Tag links are read from
    /// here on, so site menus above the article do not tag it.
    pub body_start: usize,
}

/// Site-specific cleaning rules, from `briefing.yaml`.
#[derive(Debug, Clone, Default)]
pub struct SourceRules {
    /// The body starts after the first line matching this.
    pub start_after: Option<Regex>,
    /// The body stops before the first line (after the start) matching this.
    pub stop_before: Option<Regex>,
    /// Lines matching any of these are dropped.
    pub drop: Vec<Regex>,
    /// The source's tag links are not read as tags (`page_tags: false`).
    pub ignore_page_tags: bool,
}

/// Measures of one markdown line.
#[derive(Debug, Clone, Default)]
struct LineInfo {
    /// Visible text: link text kept, images and URLs gone, markup stripped.
    text: String,
    /// Characters of visible text inside links.
    link_chars: usize,
    /// Links on the line, as (text, url).
    links: Vec<(String, String)>,
    /// Image URLs on the line.
    images: Vec<String>,
    /// Words of visible text.
    words: usize,
    /// Words of visible text inside links.
    link_words: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    Heading,
    Code,
    Prose,
    /// Only links and images (and punctuation).
    LinkOnly,
    /// Text that is neither prose nor links: bylines, dates, labels.
    Short,
}

/// A body measured line by line, once: [`MeasuredBody::clean`] and
/// [`MeasuredBody::page_tags`] both read these measures, so a scraped page's
/// lines are scanned a single time however many questions are asked of them.
pub struct MeasuredBody<'b> {
    body: &'b str,
    lines: Vec<&'b str>,
    infos: Vec<LineInfo>,
    kinds: Vec<Kind>,
    /// Lines of a comment thread or activity log: its reply buttons and its
    /// headers ("[name](/user?id=name) 6 hours ago").
    thread: Vec<bool>,
    /// Link lines that come back word for word over every post of a page
    /// ("[**Rena Ashdown** @rena@...](...)", "[Back to top](#top)").
    echoes: Vec<bool>,
    /// A forum's post headers, numbered as they go ("Nov 18, 2026 · #2"):
    /// lines of the thread too, each under its poster's card.
    post_headers: Vec<bool>,
    /// Entries of a log of the page's edits (see [`edit_log`]).
    log: Vec<bool>,
}

impl<'b> MeasuredBody<'b> {
    /// Measures every line of `body`.
    pub fn of(body: &'b str) -> Self {
        let lines: Vec<&str> = body.lines().collect();
        let infos: Vec<LineInfo> = lines.iter().map(|l| measure(l)).collect();
        let mut kinds = classify(&lines, &infos);
        let post_headers = numbered_posts(&lines, &kinds, &infos);
        let mut thread = thread_lines(&lines, &kinds, &infos);
        for (t, _) in thread.iter_mut().zip(&post_headers).filter(|(_, p)| **p) {
            *t = true;
        }
        let echoes = echoed_links(&kinds, &infos);
        let log = edit_log(&lines, &kinds, &infos);
        // A comment's or an event's header is the page's data, however
        // many words it has.
        for (kind, _) in kinds
            .iter_mut()
            .zip(thread.iter().zip(&log))
            .filter(|(_, (t, l))| **t || **l)
        {
            if *kind == Kind::Prose {
                *kind = Kind::Short;
            }
        }
        MeasuredBody {
            body,
            lines,
            infos,
            kinds,
            thread,
            echoes,
            post_headers,
            log,
        }
    }
}

/// Removes the site around a scraped article (measures `body` and calls
/// [`MeasuredBody::clean`]).
pub fn clean(body: &str, title: &str, rules: &SourceRules) -> Cleaned {
    MeasuredBody::of(body).clean(title, rules)
}

/// The tags a page gives itself (measures `body` and calls
/// [`MeasuredBody::page_tags`]).
pub fn page_tags(
    body: &str,
    from: usize,
    patterns: &[String],
    article_url: &url::Url,
    limit: usize,
) -> Vec<(String, usize)> {
    MeasuredBody::of(body).page_tags(from, patterns, article_url, limit)
}

impl MeasuredBody<'_> {
    /// Removes the site around a scraped article.
    pub fn clean(&self, title: &str, rules: &SourceRules) -> Cleaned {
        let (body, lines, infos, kinds) =
            (self.body, &self.lines[..], &self.infos[..], &self.kinds[..]);
        let total_lines = lines.len();
        let own_host = most_linked_host(infos);
        let cues: Vec<Option<&'static str>> = infos
            .iter()
            .zip(kinds)
            .map(|(info, kind)| match kind {
                Kind::Blank | Kind::Code => None,
                // A prompt ending with a button to the site's account page
                // ("Only members can reply here. [Log in to reply](...)")
                // was a cue here for one round; on the next blind set it cut
                // a story at a sign-up line that sits between its
                // paragraphs, so it is not one.
                _ => line_cue(info),
            })
            .collect();
        // A link back and a link on, a line or two apart, are the page's
        // way to the previous and the next item: a chrome line. One arrow
        // alone is a button of any kind ("[Start your free trial →]").
        let mut cues = cues;
        let pagers: Vec<(usize, bool)> = (0..lines.len())
            .filter(|&i| kinds[i] == Kind::LinkOnly)
            .filter_map(|i| pager_link(&infos[i]).map(|back| (i, back)))
            .collect();
        for pair in pagers.windows(2) {
            let ((a, back), (b, on)) = (pair[0], pair[1]);
            let between = (a + 1..b).filter(|&j| kinds[j] != Kind::Blank).count();
            if back && !on && between == 0 {
                cues[a] = Some(PAGER);
                cues[b] = Some(PAGER);
            }
        }
        let cues = cues;
        let first_prose_anywhere = kinds.iter().position(|k| *k == Kind::Prose).unwrap_or(0);
        let original = |reason: String| Cleaned {
            markdown: body.to_owned(),
            removals: Vec::new(),
            kept_original: Some(reason),
            total_lines,
            body_start: first_prose_anywhere,
        };

        // Underscores go before comparing: the page's text reads
        // "nb_support" as emphasis and drops them, the title keeps them.
        let title_words = |t: &str| normalise_words(&t.replace('_', ""));
        let title_key = title_words(title);
        // The sections the page's own table of contents links to: a
        // heading among them is a section of the story, even when its
        // words are part of the title (a newsletter issue named after its
        // lead story).
        let contents: std::collections::HashSet<String> = lines
            .iter()
            .zip(infos)
            .filter(|(l, info)| is_toc_item(l, info))
            .flat_map(|(_, info)| info.links.iter().map(|(t, _)| normalise_words(t)))
            .collect();
        let is_title = |i: usize| {
            // A post with no heading sets its title in bold
            // ("**Patch now: ...**"): the same words, nothing more.
            let bold_title = matches!(kinds[i], Kind::Short | Kind::Prose)
                && !title_key.is_empty()
                && is_bold_only(lines[i])
                && title_words(&infos[i].text) == title_key;
            // A mail's header line gives it after its label ("Subject:
            // [list] CVE-...: ..."), in any language: a word or two, a
            // colon, the same words.
            let labelled_title = || {
                matches!(kinds[i], Kind::Short | Kind::Prose)
                    && infos[i].links.is_empty()
                    && infos[i]
                        .text
                        .split_once(LABEL_COLONS)
                        .is_some_and(|(label, rest)| {
                            (1..=2).contains(&label.split_whitespace().count())
                                && title_words(rest) == title_key
                        })
            };
            bold_title
                || !title_key.is_empty() && labelled_title()
                || kinds[i] == Kind::Heading && !title_key.is_empty() && {
                    let key = title_words(&infos[i].text);
                    // Equal, a shortened title, or the title plus a short site
                    // suffix ("... | ZDNet"); not a comments heading that quotes it.
                    key == title_key
                        || (key.len() > 20 && title_key.contains(&key) && !contents.contains(&key))
                        || (key.starts_with(&title_key) && key.len() <= title_key.len() + 12)
                }
        };

        // Where to look for the start.
        let mut search_from = 0;
        let mut title_line = None;
        if let Some(re) = &rules.start_after {
            match lines.iter().position(|l| re.is_match(l)) {
                Some(i) => search_from = i + 1,
                None => {
                    return original("the configured start_after line is not on the page".into());
                }
            }
        } else if let Some(i) = (0..lines.len())
            .rev()
            .filter(|&i| is_title(i))
            .find(|&i| kinds[i + 1..].contains(&Kind::Prose))
        {
            search_from = i + 1;
            title_line = Some(i);
        }
        // The story opens with a paragraph, not a table's row (a notice box,
        // "| This article needs citations ... |") or a short note in italics
        // that sends the reader to another of the site's pages ("*Not to be
        // confused with [...](...).*"); a table of facts above the first
        // paragraph is pulled back below.
        let opens_story = |i: usize| {
            let t = lines[i].trim();
            let italic_note = (t.starts_with('*') && !t.starts_with("**") && t.ends_with('*')
                || t.starts_with('_') && !t.starts_with("__") && t.ends_with('_'))
                && infos[i].words <= 20
                && !infos[i].links.is_empty()
                && links_mostly_home(std::slice::from_ref(&infos[i]), own_host.as_deref());
            // "*Video: how the clips were found (1:48)*" under "▶ Tap to
            // unmute": the caption of the player over it.
            let italic = t.starts_with('*') && !t.starts_with("**") && t.ends_with('*')
                || t.starts_with('_') && !t.starts_with("__") && t.ends_with('_');
            let player_caption = italic
                && infos[i].words <= 20
                && infos[i].links.is_empty()
                && (search_from..i)
                    .rev()
                    .find(|&j| kinds[j] != Kind::Blank)
                    .is_some_and(|j| infos[j].text.trim_start().starts_with(PLAY_MARKS));
            kinds[i] == Kind::Prose
                && !t.starts_with('|')
                && !italic_note
                && !player_caption
                && !is_length_button(lines[i], &infos[i])
                && !is_menu_row(&infos[i].text)
        };
        let first_story = (search_from..lines.len()).find(|&i| opens_story(i));
        let Some(first_prose) =
            first_story.or_else(|| (search_from..lines.len()).find(|&i| kinds[i] == Kind::Prose))
        else {
            return original("no paragraph of prose found".into());
        };
        let mut start = first_prose;
        // The table holding the row pulled back last, from its first row,
        // and whether it is the page's record card (see [`record_card`]):
        // asked once a table, however many rows it has.
        let mut card: Option<(usize, bool)> = None;
        // A newsletter's label of the section the story is in, a heading
        // in capitals straight under the title and over a standfirst set
        // whole in bold or italics ("## THIS WEEK'S LEAD" over "**...**"):
        // the page's, not the story's first section.
        let whole_emphasis = |i: usize| {
            let t = lines[i].trim();
            (t.starts_with("**") && t.ends_with("**")) || is_italic_line(t)
        };
        let section_label = title_line.and_then(|t| {
            let label = (t + 1..first_prose).find(|&j| kinds[j] != Kind::Blank)?;
            let next = (label + 1..lines.len()).find(|&j| kinds[j] != Kind::Blank)?;
            (kinds[label] == Kind::Heading
                && next == first_prose
                && whole_emphasis(first_prose)
                && is_in_capitals(&infos[label].text))
            .then_some(label)
        });
        // Pull back over a heading or bold lead-in ("**What is Medusa?**").
        while let Some(prev) = (search_from..start)
            .rev()
            .find(|&i| kinds[i] != Kind::Blank)
        {
            let table_row = lines[prev].trim_start().starts_with('|');
            if table_row && card.is_none_or(|(first, _)| prev < first) {
                card = Some(record_card(prev, lines, infos));
            }
            let record = table_row && card.is_some_and(|(_, is)| is);
            // Not a label heading such as "## Article:".
            // A greeting over the post's first paragraph ("Hello
            // everyone,"): a word or three ending with a comma.
            let greeting = kinds[prev] == Kind::Short
                && (1..=3).contains(&infos[prev].words)
                && infos[prev].links.is_empty()
                && !is_list_or_table(lines[prev])
                && infos[prev].text.trim_end().ends_with([',', '،', '，'])
                && start == first_prose;
            let lead_in = greeting
                || (kinds[prev] == Kind::Heading
                    && section_label != Some(prev)
                && !is_title(prev)
                && !infos[prev].text.trim_end().ends_with(':'))
                || (kinds[prev] == Kind::Short && is_bold_only(lines[prev]))
                || (kinds[prev] == Kind::Short && is_article_field(lines[prev], &infos[prev]))
                // An advisory's facts under the title, each a small section:
                // "## Affected versions" over "< 2.8.4".
                || (title_line.is_some()
                    && kinds[prev] == Kind::Short
                    && infos[prev].links.is_empty()
                    && infos[prev].images.is_empty()
                    && infos[prev].words <= 6
                    && !is_meta_row(lines[prev], &infos[prev])
                    && (search_from..prev)
                        .rev()
                        .find(|&j| kinds[j] != Kind::Blank)
                        .is_some_and(|j| {
                            kinds[j] == Kind::Heading
                                && !is_title(j)
                                && !infos[j].text.trim_end().ends_with(':')
                        }))
                // An advisory's table of facts under the title (ID, risk,
                // CVEs, versions) before its first section, or a wiki's box
                // of facts: a row may link its value ("| Type | [RAT](...) |")
                // when its label is plain; a menu's rows are links only. One
                // table: a row right above the start, or the table's last
                // row over the first paragraph.
                || (title_line.is_some()
                    && table_row
                    && !record
                    && (infos[prev].links.is_empty() || words_outside_links(&infos[prev]) >= 1)
                    && infos[prev].images.is_empty()
                    && (prev + 1 == start || !lines[start].trim_start().starts_with('|')))
                // Under the title, an advisory's plain lists come before its
                // summary ("## Risks", "* Remote code execution"); a menu's
                // items are links, and sit above the title.
                || (title_line.is_some()
                    && matches!(kinds[prev], Kind::Short | Kind::Prose)
                    && is_list_item(lines[prev])
                    && infos[prev].links.is_empty()
                    && infos[prev].images.is_empty()
                    // "* February 13, 2025" is the page's date.
                    && !(infos[prev].words <= 4 && has_date(&infos[prev].text)))
                // The start of a hard-wrapped paragraph (a mail archive's
                // lines): markdown reads lines with no blank between as one.
                || (prev + 1 == start
                    && kinds[prev] == Kind::Short
                    && kinds[start] == Kind::Prose
                    && infos[prev].links.is_empty()
                    && !is_list_or_table(lines[prev])
                    && !is_meta_row(lines[prev], &infos[prev])
                    && !is_bold_only(lines[prev]));
            // A hard-wrapped paragraph over the start (a mail archive's
            // first lines, none long enough to read as prose alone): two
            // lines or more with no blank between, plain text, that make a
            // sentence of twelve words or more together.
            let wrapped_line = |j: usize| {
                kinds[j] == Kind::Short
                    && infos[j].links.is_empty()
                    && infos[j].images.is_empty()
                    && infos[j].words > 0
                    && !is_list_or_table(lines[j])
                    && !is_meta_row(lines[j], &infos[j])
                    && !is_bold_only(lines[j])
                    && !is_thematic_break(lines[j])
                    && !is_setext_underline(lines[j])
            };
            let mut wrapped = prev;
            while wrapped > search_from && wrapped_line(wrapped) && wrapped_line(wrapped - 1) {
                wrapped -= 1;
            }
            let wrapped = (wrapped < prev
                && wrapped_line(prev)
                && infos[prev].text.trim_end().ends_with(SENTENCE_ENDS)
                && (wrapped..=prev).map(|j| infos[j].words).sum::<usize>() >= 12)
                .then_some(wrapped);
            // A setext heading: "Intro" over "-----".
            let setext = prev > search_from
                && is_setext_underline(lines[prev])
                && kinds[prev - 1] == Kind::Short
                && infos[prev - 1].words > 0;
            if setext && !is_footer(&infos[prev - 1].text) {
                start = prev - 1;
            } else if let Some(first) = wrapped {
                start = first;
            } else if lead_in && !is_footer(&infos[prev].text) {
                start = prev;
            } else if let Some(figure) = caption_figure(prev, search_from, lines, kinds, infos) {
                start = figure;
            } else {
                break;
            }
        }

        // An unrolled thread counts its posts ("... 1/12" to "... 12/12"):
        // its story opens with the post counted first, and the poster's
        // card above it (a name, a short bio, a follow button) is the
        // page's. A story that quotes a thread after its own paragraphs
        // keeps them: only a few words of prose may be passed over.
        // The end is looked for from the story's first paragraph on, so
        // the card's lines (a follow button, a bio) end nothing either.
        let mut first_prose = first_prose;
        let counted = counted_posts(lines, kinds, infos);
        if let Some((first_post, _)) = counted.filter(|(first, _)| *first > start) {
            let mut post_start = first_post;
            while post_start > start
                && !matches!(kinds[post_start - 1], Kind::Blank | Kind::Heading)
            {
                post_start -= 1;
            }
            let passed_over: usize = (start..post_start)
                .filter(|&i| kinds[i] == Kind::Prose)
                .map(|i| infos[i].words)
                .sum();
            if passed_over < 20 {
                start = post_start;
                first_prose = (start..lines.len())
                    .find(|&i| kinds[i] == Kind::Prose)
                    .map_or(first_prose, |p| p.max(first_prose));
            }
        }

        // A document's cover page over its text (a filing's form name,
        // registrant block, tables of fields and check boxes), closed by a
        // rule: ten lines or more from the start to the rule, at most a
        // third of them prose and none a heading or code, and a
        // paragraph straight under the rule. The story starts there; a
        // news page's dek and byline over a rule are a few lines.
        if let Some(rule) = cover_page_rule(start, lines, kinds, infos) {
            start = rule + 1;
            first_prose = (start..lines.len())
                .find(|&i| kinds[i] == Kind::Prose)
                .unwrap_or(first_prose);
        }

        // A page's log of edits over its story (see [`edit_log`]) with
        // under 40 words of prose above it from the start: the page's,
        // with the notice over it. The story starts under it.
        let next_text_from = |from: usize| (from..lines.len()).find(|&j| kinds[j] != Kind::Blank);
        let mut passed_over = 0;
        let mut at = start;
        while at < lines.len() && passed_over < 40 {
            if self.log[at] {
                let mut last = at;
                while let Some(k) = next_text_from(last + 1).filter(|&k| self.log[k]) {
                    last = k;
                }
                if let Some(story) = (last + 1..lines.len()).find(|&k| opens_story(k)) {
                    start = story;
                    first_prose = story;
                }
                break;
            }
            if kinds[at] == Kind::Prose {
                passed_over += infos[at].words;
            }
            at += 1;
        }

        // The standfirst: sentence-long headings under the title
        // (`### In this report, we observed ...`, or a news site's two
        // sub-titles) are the article's own summary, even when a byline or
        // metadata block sits between them, the title and the first
        // paragraph; only the page's data (short lines, links) may come
        // between the title and them.
        let sub_title = |i: usize, min_words: usize| {
            kinds[i] == Kind::Heading
                && infos[i].words >= min_words
                && !is_title(i)
                && !is_footer(&infos[i].text)
                && infos[i].links.is_empty()
        };
        // A flag a line, as a summary list (below) can be long.
        let mut standfirst = vec![false; lines.len()];
        if let Some(t) = title_line {
            let headings = (t + 1..start).filter(|&i| kinds[i] == Kind::Heading);
            for (found, i) in headings.enumerate() {
                // A second sub-title may be shorter than the first.
                if !sub_title(i, if found == 0 { 8 } else { 5 }) {
                    break;
                }
                standfirst[i] = true;
            }
        }
        // A summary list under the title ("#### Key events" over plain
        // points, a news site's "Key points"): a heading straight over two
        // or more list items, each a phrase of four words or more with no
        // link, is the story's own summary, kept with the standfirst. A
        // menu's items are links, or a word or two.
        if let Some(t) = title_line {
            let next_text = |from: usize| (from..start).find(|&j| kinds[j] != Kind::Blank);
            for h in (t + 1..start).filter(|&h| kinds[h] == Kind::Heading) {
                if is_title(h)
                    || is_footer(&infos[h].text)
                    || !infos[h].links.is_empty()
                    || cues[h].is_some()
                {
                    continue;
                }
                let mut items = Vec::new();
                let mut j = next_text(h + 1);
                while let Some(k) = j.filter(|&k| {
                    is_list_item(lines[k])
                        && infos[k].links.is_empty()
                        && infos[k].images.is_empty()
                        && infos[k].words >= 4
                        && cues[k].is_none()
                }) {
                    items.push(k);
                    j = next_text(k + 1);
                }
                if items.len() >= 2 {
                    standfirst[h] = true;
                    for k in items {
                        standfirst[k] = true;
                    }
                }
            }
        }

        // Where it ends: at a footer phrase, or at a row of share buttons
        // or of the site's tag links once the story has begun (80 words of
        // prose): wherever they sit on a page, they close the story, and the
        // comments after them are prose that is not the article.
        let mut end = lines.len();
        let mut told = infos[first_prose].words;
        let mut row_opener = None;
        // What follows each line on the whole page, for the buttons below:
        // made the first time a page has such a button, as most have none.
        let whole = std::cell::OnceCell::new();
        // How many tag items (see [`is_tag_item`]) follow each other from
        // each line on, blank lines between them aside: a tag list written
        // one tag a line is the same row as one written on a line.
        let mut tag_items_from = vec![0usize; lines.len() + 1];
        for i in (first_prose..lines.len()).rev() {
            tag_items_from[i] = match kinds[i] {
                Kind::Blank => tag_items_from[i + 1],
                k if is_tag_item(lines[i], k, &infos[i], own_host.as_deref()) => {
                    tag_items_from[i + 1] + 1
                }
                _ => 0,
            };
        }
        // How often each link-only line's text comes on the page, for the
        // buttons below: made the first time it is asked, as for `whole`.
        let link_line_texts = std::cell::OnceCell::new();
        for i in first_prose + 1..lines.len() {
            // A "Share" or "Comments" button under each post of a live blog
            // or a thread is a widget, not the page's footer, when sections
            // of the story come after it; the same word as a label is one.
            // A button of a few words ("[Share this update](#block-0820)")
            // is one when it comes back under another post, word for word
            // (a share button over the title and again under the story is
            // the page's).
            let button_inside = || {
                let words = infos[i].text.split_whitespace().count();
                let comes_back = || {
                    link_line_texts
                        .get_or_init(|| {
                            link_line_counts(&kinds[first_prose..], &infos[first_prose..])
                        })
                        .get(infos[i].text.trim())
                        .is_some_and(|&n| n >= 2)
                };
                kinds[i] == Kind::LinkOnly
                    && infos[i].links.len() == 1
                    && (words == 1 || words <= 4 && comes_back())
                    && whole
                        .get_or_init(|| Following::measure(lines, kinds, infos, &cues, lines.len()))
                        .section[i + 1]
            };
            // A row of share buttons labelled with a footer's word
            // ("Share: [Facebook](...) | [X](...)") is the row below, read
            // by its links: under a standfirst set in bold, before the
            // story's first paragraph, it is the header's and ends nothing.
            let header_share_row = told < 80 && cues[i] == Some(SHARE_ROW);
            let stop = match &rules.stop_before {
                Some(re) => re.is_match(lines[i]),
                None => false,
            } || (kinds[i] != Kind::Code
                && is_footer(&infos[i].text)
                && !header_share_row
                && !button_inside());
            let row = if kinds[i] == Kind::Code {
                None
            } else if self.thread[i] {
                // A thread's shape is no menu's: it ends the story wherever
                // it starts.
                Some("comment thread (reply buttons or comment headers)")
            } else if matches!(lines[i], "--" | "-- ") && kinds[i - 1] == Kind::Blank {
                // A mail's signature delimiter: the message ends here,
                // however few of its hard-wrapped lines read as prose.
                Some(SIGNATURE)
            } else if told < 80 {
                None
            } else if cues[i] == Some(SHARE_ROW)
                || (kinds[i] == Kind::LinkOnly
                    && !infos[i].links.is_empty()
                    && infos[i]
                        .links
                        .iter()
                        .all(|(_, u)| is_share_url(u) && !u.starts_with('#')))
            {
                Some(SHARE_ROW)
            } else if is_tag_row(&infos[i], own_host.as_deref())
                || (kinds[i] != Kind::Blank && tag_items_from[i] >= 2)
            {
                Some("row of the site's tag links")
            } else if hashtag_row(infos[i].text.trim()) == Some(true) {
                // "Tags: #cve #patch" with no links is the same row; a
                // post's own hashtags, with no label, end no story.
                Some("labelled row of hashtags after the story")
            } else {
                None
            };
            if stop || row.is_some() {
                end = i;
                if !stop && self.post_headers[i] {
                    end = poster_card(end, first_prose, lines, kinds, infos);
                }
                if !stop && row == Some(SIGNATURE) {
                    end = valediction(end, first_prose, lines, kinds, infos);
                }
                row_opener = row.map(|why| (end, why));
                break;
            }
            if kinds[i] == Kind::Prose && cues[i].is_none() {
                told += infos[i].words;
            }
        }
        // A row of tag links inside a table (a wiki's box of related pages,
        // "| Commodity | [A] · [B] |") ends the story at the table's first
        // row: the box's title row and its divider are the box's too.
        if let Some((at, why)) =
            row_opener.filter(|(at, _)| lines[*at].trim_start().starts_with('|'))
        {
            let mut first = at;
            while first > first_prose + 1 && lines[first - 1].trim_start().starts_with('|') {
                first -= 1;
            }
            end = first;
            row_opener = Some((first, why));
        }
        // A chrome line (cookie notice, copyright, follow-us blurb, disclaimer)
        // with little of the article after it opens the footer: what follows is
        // more of the same. Article after it means code or 40 words of prose
        // that carry no cue themselves. An ad between two paragraphs of the
        // story (the next line, or the next after a rule, is a plain
        // paragraph) is dropped alone, below.
        let after = Following::measure(lines, kinds, infos, &cues, end);
        let mut next_text = vec![None; end + 1];
        for i in (0..end).rev() {
            next_text[i] = if kinds[i] == Kind::Blank {
                next_text[i + 1]
            } else {
                Some(i)
            };
        }
        // The rule that closes the box an ad sits in ("---" under a
        // sign-up box) divides the story, and does not end it.
        let plain_paragraph = |j: Option<usize>| {
            let j = match j {
                Some(rule) if is_thematic_break(lines[rule]) => next_text[rule + 1],
                j => j,
            };
            // A site's tagline under its footer's rule ("**Name** — a
            // fast, boring proxy.") is a line, not a paragraph.
            j.is_some_and(|j| kinds[j] == Kind::Prose && cues[j].is_none() && infos[j].words >= 10)
        };
        let mut footer_opener = row_opener;
        // A full sentence of the story that names a programme or an event
        // in passing, with no button or link, is the story.
        let in_passing = |i: usize| {
            kinds[i] == Kind::Prose
                && infos[i].words >= 15
                && infos[i].links.is_empty()
                && cues[i].is_some_and(cues::may_be_named_in_passing)
        };
        // A form's consent notice ("I agree to receive ... See our privacy
        // notice.") is the form's, not the page footer's: a gated report's
        // page goes on with the story under its form.
        let in_form = form_boxes(lines, kinds, infos, &cues, first_prose, end);
        if let Some(i) = (first_prose + 1..end).find(|&i| {
            kinds[i] != Kind::Code
                && cues[i].is_some()
                && !in_passing(i)
                && after.stretch[i + 1] < 40
                && after.code[i + 1] == 0
                && !in_form[i]
                && !plain_paragraph(next_text[i + 1])
        }) {
            end = i;
            footer_opener = cues[i].map(|why| (i, why));
        }
        // A run of link-only lines with little article after it (related
        // articles, tag lists, author boxes) ends the body too. A run followed
        // by more of the article is a section of it: a list of Sigma rule links
        // before the YARA rules, references before a revision history or the
        // IOC table.
        let after = Following::measure(lines, kinds, infos, &cues, end);
        let mut run_start = None;
        let mut run_len = 0;
        // A list item of one link after a label of a word or two ("*
        // **Report** · [Title](...)", "* Blog: [Title](...)") is a link line
        // too: a related list that says what kind each item is.
        let labelled_link = |i: usize| {
            kinds[i] == Kind::Short
                && is_list_item(lines[i])
                && infos[i].links.len() == 1
                && infos[i].link_words >= 3
                && words_outside_links(&infos[i]) <= 2
        };
        for (i, kind) in kinds.iter().enumerate().take(end).skip(first_prose + 1) {
            match kind {
                Kind::Blank => {}
                _ if *kind == Kind::LinkOnly || labelled_link(i) => {
                    run_start.get_or_insert(i);
                    run_len += 1;
                    // A list of links to other sites under a heading or a
                    // sentence that introduces it is the article's own
                    // (references, detection rules, links mentioned); the
                    // site's lists (related, most read, tags) link home.
                    let first = run_start.unwrap_or(i);
                    let introduced = (0..first)
                        .rev()
                        .find(|&j| kinds[j] != Kind::Blank)
                        .is_some_and(|j| {
                            heading_at(j, lines, kinds)
                                .is_some_and(|h| cues[h].is_none() && !is_footer(&infos[h].text))
                                || (kinds[j] == Kind::Prose
                                    && infos[j].text.trim_end().ends_with(':'))
                        });
                    let references =
                        introduced && !links_mostly_home(&infos[first..=i], own_host.as_deref());
                    if run_len >= 3
                        && after.stretch[i + 1] < 40
                        && after.code[i + 1] == 0
                        && !after.section[i + 1]
                        && !references
                    {
                        end = run_start.unwrap_or(i);
                        break;
                    }
                }
                _ => {
                    run_start = None;
                    run_len = 0;
                }
            }
        }

        // The newsletter's next section after the story, labelled as the
        // story's was (a heading of the same level in capitals, "## ALSO
        // THIS WEEK"), with little of the article after it: the page's.
        if let Some(label) = section_label {
            let level = |i: usize| {
                lines[i]
                    .trim_start()
                    .chars()
                    .take_while(|&c| c == '#')
                    .count()
            };
            let after = Following::measure(lines, kinds, infos, &cues, end);
            if let Some(h) = (first_prose + 1..end).find(|&h| {
                kinds[h] == Kind::Heading
                    && level(h) == level(label)
                    && is_in_capitals(&infos[h].text)
                    && after.stretch[h + 1] < 40
                    && after.code[h + 1] == 0
            }) {
                end = h;
                footer_opener = Some((h, "the page's next section, labelled as the story's was"));
            }
        }
        // A sidebar of labels and values after the last paragraph (an
        // advisory page's "### Severity / High / ### CVE ID / ..."): three
        // or more small sections of short lines, with no prose, code or
        // list of indicators among them. A section whose lines are links
        // (the references) stays with the article above it.
        // A paragraph means fifteen words or more: a sidebar's longest value
        // ("CWE-22 Improper Limitation of a Pathname ...") is a line, not one.
        // The story's last paragraph or code block: a proof of concept or a
        // workaround's code closes an advisory as a paragraph does.
        let paragraph = |i: usize| kinds[i] == Kind::Prose && infos[i].words >= 15;
        if let Some(last_prose) = (start..end)
            .rev()
            .find(|&i| paragraph(i) || kinds[i] == Kind::Code)
        {
            let headings: Vec<usize> = (last_prose + 1..end)
                .filter(|&i| kinds[i] == Kind::Heading)
                .collect();
            for (n, &h) in headings.iter().enumerate() {
                if headings.len() - n < 3 {
                    break;
                }
                let section_end = headings.get(n + 1).copied().unwrap_or(end);
                if (h + 1..section_end).any(|j| kinds[j] == Kind::LinkOnly) {
                    continue;
                }
                let only_labels = (h..end).all(|j| !paragraph(j) && kinds[j] != Kind::Code);
                let at_most_one_indicator = || {
                    (h..end)
                        .filter(|&j| super::story_signals::has_indicator(&infos[j].text))
                        .nth(1)
                        .is_none()
                };
                if only_labels && at_most_one_indicator() {
                    end = h;
                    footer_opener = Some((h, "sidebar of labels and values after the article"));
                }
                break;
            }
        }

        // The post counted last ("... 12/12") ends the thread, and the
        // story with it, when no more of the article follows: no code, no
        // paragraph (fifteen words of plain prose in a stretch). A story
        // that quotes a thread goes on after it.
        if let Some((_, last_post)) = counted.filter(|(_, last)| *last >= start && *last + 1 < end)
        {
            let after = Following::measure(lines, kinds, infos, &cues, end);
            if let Some(next) = (last_post + 1..end).find(|&i| kinds[i] != Kind::Blank)
                && after.stretch[next] < 15
                && after.code[next] == 0
            {
                end = next;
                footer_opener = Some((next, "page after the thread's last counted post"));
            }
        }

        let boxed = boxes_inside(lines, kinds, infos, start, end, own_host.as_deref());
        let stamps = update_stamps(lines, kinds, infos);
        let running = running_footers(lines, kinds, infos);
        let forms = form_boxes(lines, kinds, infos, &cues, start, end);
        let mut keep = vec![false; lines.len()];
        let mut reasons: Vec<Option<&'static str>> = vec![None; lines.len()];
        for i in 0..lines.len() {
            if standfirst[i] {
                keep[i] = true;
            } else if i < start {
                reasons[i] = Some("site chrome before the article");
            } else if let Some((_, why)) = footer_opener.filter(|(at, _)| *at == i) {
                // The line that opened the footer says what it was.
                reasons[i] = Some(why);
            } else if i >= end {
                reasons[i] = Some("page footer after the article (share, tags, related, comments)");
            } else if kinds[i] == Kind::Code {
                keep[i] = true;
            } else if running[i] {
                reasons[i] = Some("running header or footer of a converted document");
            } else if let Some(why) = noise(lines[i], &infos[i], kinds[i]).filter(|_| !stamps[i]) {
                reasons[i] = Some(why);
            } else if let Some(why) = cues[i].filter(|why| {
                let button = |j: usize| {
                    infos[j]
                        .links
                        .iter()
                        .any(|(t, _)| cues::is_call_to_action(t))
                };
                // A sponsor's or a programme's address written out
                // ("... with code X at [https://vendor/offer](...)") is
                // where the ad sends the reader, as a button is.
                let address = || {
                    cues::may_be_named_in_passing(why)
                        && infos[i].links.iter().any(|(t, _)| {
                            let t = t.trim();
                            t.starts_with("https://") || t.starts_with("http://")
                        })
                };
                infos[i].words < 25
                    && (kinds[i] != Kind::Prose
                        || button(i)
                        || is_channel_promo(&infos[i])
                        || address()
                        || next_text[i + 1].is_some_and(|j| {
                            (kinds[j] == Kind::LinkOnly && button(j)) || is_form_field(&infos[j])
                        }))
            }) {
                // A short promo or notice inside the story: a sidebar ad the
                // scraper inlined ("Upcoming event: ... [Register now]"), or
                // a promo with its button on the next line. A sentence of the
                // story that happens to name a bug-bounty programme or a
                // webinar has no button and stays.
                reasons[i] = Some(why);
            } else if forms[i] {
                reasons[i] = Some("form and its promo inside the article");
            } else if kinds[i] == Kind::LinkOnly
                && is_tag_row(&infos[i], own_host.as_deref())
                && infos[i].links.iter().all(|(_, u)| is_tag_url(u))
            {
                // A row of links to the site's tag pages that ended
                // nothing (a question's tags over its answers, before the
                // story's first 80 words) is the page's all the same.
                reasons[i] = Some("row of the site's tag links");
            } else if boxed[i] {
                reasons[i] = Some("box of the site's links or an ad inside the article");
            } else if self.echoes[i] {
                reasons[i] = Some("the same link line over every post (a name, a button)");
            } else if under_ad_label(i, kinds, infos, &cues, &reasons, own_host.as_deref()) {
                reasons[i] = Some("the ad under its label");
            } else if rules.drop.iter().any(|re| re.is_match(lines[i])) {
                reasons[i] = Some("matches a configured drop rule");
            } else if is_title(i) {
                reasons[i] = Some("repeats the title");
            } else {
                keep[i] = true;
            }
        }
        // A promo removed for its cue takes its box along: the short notice
        // under it that carries a cue too ("By signing up you agree to our
        // privacy policy."), and the bold name over it ("**Sign up to X**").
        let went_for_cue = |keep: &[bool], reasons: &[Option<&str>], j: usize| {
            !keep[j] && reasons[j].is_some() && reasons[j] == cues[j]
        };
        let mut prev_text: Option<usize> = None;
        for i in start..end {
            if kinds[i] == Kind::Blank {
                continue;
            }
            if keep[i]
                && cues[i].is_some()
                && infos[i].words < 25
                && kinds[i] != Kind::Code
                && prev_text.is_some_and(|j| went_for_cue(&keep, &reasons, j))
            {
                keep[i] = false;
                reasons[i] = cues[i];
            }
            prev_text = Some(i);
        }
        // "Advertisement ends here", "Ende der Werbung": the line that
        // closes an ad slot, a few words with the ad word first or last,
        // right under the ad that went.
        const AD_GONE: &[&str] = &[
            BANNER_AD,
            "page widget text",
            "box of the site's links or an ad inside the article",
            "the ad under its label",
        ];
        let mut prev_text: Option<usize> = None;
        for i in start..end {
            if kinds[i] == Kind::Blank {
                continue;
            }
            if keep[i]
                && kinds[i] == Kind::Short
                && infos[i].links.is_empty()
                && infos[i].words <= 4
                && names_an_ad(&infos[i].text)
                && prev_text
                    .is_some_and(|j| !keep[j] && reasons[j].is_some_and(|r| AD_GONE.contains(&r)))
            {
                keep[i] = false;
                reasons[i] = Some("the line that closes an ad");
            }
            prev_text = Some(i);
        }
        // Under a photo: its bare credit, in any language (see
        // [`is_bare_credit`]), and a caption set in italics that ends with
        // the photo's credit ("*The library has been closed.* Photo:
        // Agency"): the figure's, as the photo is. A plain caption with its
        // credit, and an italic one with none ("*Figure 1. The infection
        // chain*"), stay. The photo may sit above the story's start, the
        // caption being the first line with a sentence.
        let mut prev_text: Option<usize> = (0..start).rev().find(|&j| kinds[j] != Kind::Blank);
        for i in start..end {
            if kinds[i] == Kind::Blank {
                continue;
            }
            let under_photo =
                prev_text.is_some_and(|j| lone_image_alt(lines[j], &infos[j]).is_some());
            if keep[i] && under_photo {
                if is_labelled_name(lines[i], &infos[i], kinds[i]) {
                    keep[i] = false;
                    reasons[i] = Some("byline, date or credit line");
                } else if is_credited_italic_caption(lines[i], &infos[i], kinds[i]) {
                    keep[i] = false;
                    reasons[i] = Some("photo caption with its credit");
                }
            }
            prev_text = Some(i);
        }
        // "Author: A. Name", "Reporter - A. Name": a label of one word and
        // a name, no sentence, in any language, beside the page's date
        // line that went (above it or under it): the byline, its date
        // with it.
        const BYLINE: &str = "byline, date or credit line";
        for i in start..end {
            if !keep[i] || !is_labelled_name(lines[i], &infos[i], kinds[i]) {
                continue;
            }
            let above = (start.min(i)..i).rev().find(|&j| kinds[j] != Kind::Blank);
            if [above, next_text[i + 1]]
                .into_iter()
                .flatten()
                .any(|j| !keep[j] && reasons[j] == Some(BYLINE) && has_date(&infos[j].text))
            {
                keep[i] = false;
                reasons[i] = Some(BYLINE);
            }
        }
        // Under the standfirst, before the story's first paragraph, the
        // rest of the page's header: a short line with no sentence and no
        // link ("3 min read", "👁 6,214 views", a name alone) beside a
        // byline or date line that went, in any language.
        // The standfirst is a sentence-long heading, or the story's first
        // line set whole in bold or italics.
        let dek = (0..end).find(|&i| standfirst[i]).or_else(|| {
            (start < end
                && kinds[start] == Kind::Prose
                && (is_bold_only(lines[start]) || is_italic_line(lines[start].trim())))
            .then_some(start)
        });
        if let Some(dek) = dek {
            for i in (dek + 1).max(start)..end {
                if kinds[i] == Kind::Heading || kinds[i] == Kind::Prose && infos[i].words >= 15 {
                    break;
                }
                let header_line = keep[i]
                    && !standfirst[i]
                    && kinds[i] == Kind::Short
                    && infos[i].links.is_empty()
                    && infos[i].images.is_empty()
                    && infos[i].words <= 6
                    && !is_list_or_table(lines[i])
                    && !is_bold_only(lines[i])
                    && !infos[i].text.trim_end().ends_with(SENTENCE_ENDS);
                if !header_line {
                    continue;
                }
                let above = (start.min(i)..i).rev().find(|&j| kinds[j] != Kind::Blank);
                if [above, next_text[i + 1]]
                    .into_iter()
                    .flatten()
                    .any(|j| !keep[j] && reasons[j] == Some(BYLINE))
                {
                    keep[i] = false;
                    reasons[i] = Some(BYLINE);
                }
            }
        }
        // A video promo's thumbnail, linked, under its title.
        for i in start..end {
            if keep[i]
                && kinds[i] == Kind::LinkOnly
                && !infos[i].images.is_empty()
                && words_outside_links(&infos[i]) == 0
                && (start..i)
                    .rev()
                    .find(|&j| kinds[j] != Kind::Blank)
                    .is_some_and(|j| reasons[j] == Some(VIDEO_PROMO))
            {
                keep[i] = false;
                reasons[i] = Some(VIDEO_PROMO);
            }
        }
        for i in (start..end).rev() {
            if !keep[i] || !infos[i].links.is_empty() {
                continue;
            }
            // A pictograph may lead the name ("🎧 **Podcast: ...**").
            let bold = is_bold_only(strip_block_markers(lines[i]).trim_start_matches(|c: char| {
                is_pictograph(c) || c == '\u{fe0f}' || c.is_whitespace()
            }));
            let next = next_text[i + 1];
            if bold
                && kinds[i] == Kind::Short
                && infos[i].words <= 8
                && next.is_some_and(|j| went_for_cue(&keep, &reasons, j))
            {
                keep[i] = false;
                reasons[i] = Some("name over a promo that went");
            } else if bold
                && matches!(kinds[i], Kind::Short | Kind::Prose)
                && infos[i].words < 25
                && next.is_some_and(|j| reasons[j] == Some(PLAYER))
            {
                // A recording's title, however long, over its player's
                // controls: the episode the site put between paragraphs.
                keep[i] = false;
                reasons[i] = Some("title over a player that went");
            }
        }
        // A box set between two rules ("---") inside the story, a few
        // short lines, one of which sends the reader to an account page
        // (`/register`, `/sign-in`, `/subscribe`: the address says so in
        // any language): a registration wall or a sign-up box, gone whole.
        let rules: Vec<usize> = (start..end)
            .filter(|&i| kinds[i] == Kind::Short && is_thematic_break(lines[i]))
            .collect();
        // A promo's shape in any language: a name in bold (a pictograph
        // before it or not) over a line or two with no link, closed by one
        // button alone on its line, a few words to the site's own pages
        // ("**Support independent news**" over the pitch over "[Donate
        // now](/donate)"). A note of the story between rules names no
        // button of the site's under it.
        let promo_shape = |inside: &[usize]| {
            let (Some(&name), Some(&button)) = (inside.first(), inside.last()) else {
                return false;
            };
            let bold = is_bold_only(strip_block_markers(lines[name]).trim_start_matches(
                |c: char| is_pictograph(c) || c == '\u{fe0f}' || c.is_whitespace(),
            ));
            (3..=4).contains(&inside.len())
                && kinds[name] == Kind::Short
                && bold
                && infos[name].links.is_empty()
                && infos[name].words <= 8
                && inside[1..inside.len() - 1]
                    .iter()
                    .all(|&k| infos[k].links.is_empty() && infos[k].images.is_empty())
                && kinds[button] == Kind::LinkOnly
                && infos[button].links.len() == 1
                && infos[button].words <= 5
                && infos[button].images.is_empty()
                && links_mostly_home(std::slice::from_ref(&infos[button]), own_host.as_deref())
                && !infos[button].links[0].1.starts_with('#')
        };
        for pair in rules.windows(2) {
            let inside: Vec<usize> = (pair[0] + 1..pair[1])
                .filter(|&i| kinds[i] != Kind::Blank)
                .collect();
            let boxed = (1..=5).contains(&inside.len())
                && inside.iter().all(|&i| {
                    matches!(kinds[i], Kind::Short | Kind::Prose | Kind::LinkOnly)
                        && infos[i].words < 40
                        && !is_list_or_table(lines[i])
                })
                // Or its button asks for the sign-up ("[Sign up for
                // alerts](...)") wherever it sends the reader, or one of
                // its lines went as an ad's or a promo's ("**SPONSORED BY
                // ...**" over the sponsor's copy and button).
                && (inside.iter().any(|&i| {
                    infos[i]
                        .links
                        .iter()
                        .any(|(t, u)| is_account_url(u) || cues::opens_with_call_to_action(t))
                        || (went_for_cue(&keep, &reasons, i)
                            && cues[i].is_some_and(cues::may_be_named_in_passing))
                }) || promo_shape(&inside));
            if boxed {
                for i in pair[0]..=pair[1] {
                    if keep[i] {
                        keep[i] = false;
                        reasons[i] = Some("registration or sign-up box inside the article");
                    }
                }
            }
        }
        // A sign-up box with no rules around it: a bold name (a
        // pictograph before it or not), a line or two under it with no
        // blank between, and a button to an account or newsletter page
        // closing it ("**News by e-mail**" over "Get the main stories
        // every morning." over "[Sign up here](.../nyhedsbrev)"), under
        // 40 words in all: gone whole. A paragraph of the story is no
        // bold line's tail, and its links go elsewhere.
        for i in start..end {
            let name = strip_block_markers(lines[i]).trim_start_matches(|c: char| {
                is_pictograph(c) || c == '\u{fe0f}' || c.is_whitespace()
            });
            if kinds[i] != Kind::Short
                || !is_bold_only(name)
                || infos[i].words > 8
                || !infos[i].links.is_empty()
            {
                continue;
            }
            let block: Vec<usize> = (i..end)
                .take_while(|&k| kinds[k] != Kind::Blank)
                .take(4)
                .collect();
            let Some(&button) = block.last() else {
                continue;
            };
            let signs_up = block.len() >= 2
                && kinds[button] == Kind::LinkOnly
                && infos[button].links.len() == 1
                && is_account_url(&infos[button].links[0].1)
                && (button + 1 >= end || kinds[button + 1] == Kind::Blank)
                && block.iter().map(|&k| infos[k].words).sum::<usize>() < 40
                && block.iter().all(|&k| {
                    !is_list_or_table(lines[k]) && (k == button || infos[k].links.is_empty())
                });
            if signs_up {
                for &k in &block {
                    keep[k] = false;
                    reasons[k] = Some("registration or sign-up box inside the article");
                }
            }
        }
        // An official notice's signature: the signer's name in bold
        // capitals ("**A. N. NAME,**") straight over the office in italics
        // ("*Minister for Digital Affairs.*"), with the line of the place
        // and date of signing above it ("Made at ... this 15th day of
        // October, 2026.") and the file's reference in brackets under it,
        // in any language written in capitals. A story names people in
        // its sentences, not in capitals over their titles.
        for i in start..end {
            let name = infos[i].text.trim();
            let capitals = name.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !name.chars().any(char::is_lowercase);
            let office = |k: usize| {
                is_italic_line(lines[k].trim())
                    && infos[k].links.is_empty()
                    && (1..=8).contains(&infos[k].words)
            };
            if !keep[i]
                || kinds[i] != Kind::Short
                || !is_bold_only(lines[i])
                || !capitals
                || infos[i].words > 6
                || !infos[i].links.is_empty()
                || i + 1 >= end
                || !office(i + 1)
            {
                continue;
            }
            let mut block = vec![i, i + 1];
            let above = (start..i).rev().find(|&k| kinds[k] != Kind::Blank);
            if let Some(k) = above.filter(|&k| {
                infos[k].links.is_empty()
                    && infos[k].words <= 15
                    && has_date(&infos[k].text)
                    && !is_list_or_table(lines[k])
            }) {
                block.push(k);
            }
            if let Some(k) = next_text[i + 2].filter(|&k| {
                let t = infos[k].text.trim();
                t.starts_with('(') && t.ends_with(')') && infos[k].words <= 6
            }) {
                block.push(k);
            }
            for k in block {
                keep[k] = false;
                reasons[k] = Some("signature and date of an official notice");
            }
        }
        // The page's header comes back inside the story, whole or in
        // pieces set between pipes (a translation proxy's banner,
        // "Translated from: ... | [Show original](...) | Rate this
        // translation: ..."): each piece a line above the story's start,
        // the site's, with no standfirst among them.
        let header: std::collections::HashSet<&str> = (0..start)
            .filter(|&i| kinds[i] != Kind::Blank && !standfirst[i])
            .map(|i| lines[i].trim())
            .collect();
        for i in start..end {
            if !keep[i]
                || !matches!(kinds[i], Kind::Short | Kind::Prose | Kind::LinkOnly)
                || infos[i].words >= 30
                || is_list_or_table(lines[i])
            {
                continue;
            }
            let pieces: Vec<&str> = lines[i].trim().split(" | ").map(str::trim).collect();
            if (pieces.len() >= 2 || infos[i].words >= 4)
                && pieces.iter().all(|p| header.contains(p))
            {
                keep[i] = false;
                reasons[i] = Some("the page's header again inside the article");
            }
        }
        // "[Continue to page 2: ...](https://site/story?page=2)" on a page
        // that marks itself "Page 1 of 2": the button to the next page of
        // the paginated story, its address asking for a page by number.
        // A page with no marker may link its next page as part of its
        // story ("**NEXT PAGE: Device access**").
        let paginated = (0..lines.len()).any(|i| reasons[i] == Some(PAGE_MARKER));
        for i in start..end {
            let next_page = || {
                let (_, url) = &infos[i].links[0];
                url.split_once('?').is_some_and(|(_, q)| {
                    q.split(['&', '#']).any(|kv| {
                        kv.strip_prefix("page=")
                            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
                    })
                })
            };
            if paginated
                && keep[i]
                && kinds[i] == Kind::LinkOnly
                && infos[i].links.len() == 1
                && infos[i].words <= 8
                && !is_list_item(lines[i])
                && next_page()
            {
                keep[i] = false;
                reasons[i] = Some("pagination link of a paginated story");
            }
        }
        // A pull quote: a quoted line (`> ...`) of five words or more whose
        // words all come again, in order, in one of the three paragraphs
        // of the story on either side of it, in any language; the
        // attribution right under it in the quote ("> — Name") goes with
        // it. A statement the story quotes once stays.
        let quoted = |i: usize| lines[i].trim_start().starts_with('>');
        // Each line's paragraph, by its first line: a hard-wrapped
        // paragraph's lines are one paragraph of the story.
        let mut paragraph_of: Vec<usize> = (0..lines.len()).collect();
        for i in start.max(1)..end {
            if kinds[i] != Kind::Blank && kinds[i - 1] != Kind::Blank {
                paragraph_of[i] = paragraph_of[i - 1];
            }
        }
        for i in start..end {
            if !keep[i] || !quoted(i) || kinds[i] == Kind::Blank {
                continue;
            }
            let key = format!(" {} ", normalise_words(&infos[i].text));
            if key.split_whitespace().count() < 5 {
                continue;
            }
            // Or each of its sentences of three words or more, the story
            // setting its own words between them ("... doesn't know,"
            // she told me. "The pumps ...").
            let sentences: Vec<String> = infos[i]
                .text
                .split(SENTENCE_ENDS)
                .map(|p| format!(" {} ", normalise_words(p)))
                .filter(|p| p.split_whitespace().count() >= 3)
                .collect();
            let repeats = |j: usize| {
                let text = format!(" {} ", normalise_words(&infos[j].text));
                text.contains(&key)
                    || sentences.len() >= 2 && sentences.iter().all(|p| text.contains(p))
            };
            let paragraph = |j: &usize| keep[*j] && kinds[*j] == Kind::Prose && !quoted(*j);
            // The lines of the three paragraphs on either side.
            let near = |lines: &mut dyn Iterator<Item = usize>| {
                let mut seen: Vec<usize> = Vec::new();
                let mut near = Vec::new();
                for j in lines.filter(paragraph) {
                    if !seen.contains(&paragraph_of[j]) {
                        if seen.len() == 3 {
                            break;
                        }
                        seen.push(paragraph_of[j]);
                    }
                    near.push(j);
                }
                near
            };
            let before = near(&mut (start..i).rev());
            let after = near(&mut (i + 1..end));
            if !before.into_iter().chain(after).any(repeats) {
                continue;
            }
            keep[i] = false;
            reasons[i] = Some("pull quote repeating the story");
            let by = i + 1;
            if by < end
                && quoted(by)
                && keep[by]
                && infos[by].words <= 8
                && infos[by]
                    .text
                    .trim_start()
                    .starts_with(['—', '–', '-', '―'])
            {
                keep[by] = false;
                reasons[by] = Some("pull quote repeating the story");
            }
        }
        // An embedded post, another account's card the page put between
        // its paragraphs: the poster's avatar (an image, linked or not) or
        // a link to the post's platform, the poster's line in bold
        // ("**Name** @handle · [Follow](...)"), one or two short lines of
        // the post, and its foot, counts after pictographs with the post's
        // time ("♥ 214 · 🔁 96", "👁 12.4K · 14:02"), a line of its time
        // or date over them or not. The card goes whole, with a link
        // right under it to the card's own site ("[View on Facebook]").
        for foot in start..end {
            if kinds[foot] == Kind::Blank
                || infos[foot].words > 16
                || !has_counted_pictograph(&infos[foot].text)
            {
                continue;
            }
            let prev = |i: usize| (start.min(i)..i).rev().find(|&j| kinds[j] != Kind::Blank);
            let mut top = foot;
            if let Some(j) = prev(foot).filter(|&j| {
                kinds[j] == Kind::Short
                    && infos[j].words <= 8
                    && (has_time(&infos[j].text) || has_date(&infos[j].text))
            }) {
                top = j;
            }
            let handle = |j: usize| {
                infos[j].text.split_whitespace().any(|w| {
                    w.strip_prefix('@').is_some_and(|h| {
                        h.chars().count() >= 2
                            && h.chars()
                                .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
                    })
                })
            };
            // No sentence, unless a handle and a date end it ("**Name**
            // @handle · 28 Oct.").
            let is_poster = |j: usize| {
                let t = lines[j].trim().trim_start_matches(['>', ' ']);
                kinds[j] != Kind::Heading
                    && infos[j].words <= 12
                    && t.starts_with("**")
                    && t[2..].contains("**")
                    && (!infos[j].text.trim_end().ends_with(SENTENCE_ENDS) || handle(j))
            };
            let mut text = Vec::new();
            let mut at = prev(top);
            while let Some(j) = at.filter(|&j| {
                text.len() < 2
                    && matches!(kinds[j], Kind::Prose | Kind::Short)
                    && infos[j].words <= 60
                    && !is_poster(j)
                    && !is_list_or_table(lines[j])
                    // A quoted line is a card's text when the card is
                    // quoted whole, its foot too.
                    && (!quoted(j) || quoted(foot))
            }) {
                text.push(j);
                at = prev(j);
            }
            let poster = at.filter(|&j| is_poster(j));
            let avatar = poster.and_then(prev).filter(|&j| {
                (!infos[j].images.is_empty() && words_outside_links(&infos[j]) == 0)
                    || (kinds[j] == Kind::LinkOnly
                        && infos[j].links.len() == 1
                        && infos[j].words <= 3)
            });
            // A card quoted whole whose poster's line names the account
            // by its handle ("> **Name** @handle · 28 Oct") needs no
            // avatar: the handle says whose post it is.
            let avatar = avatar.or(poster.filter(|&j| {
                quoted(j) && handle(j) && (j..=foot).all(|k| kinds[k] == Kind::Blank || quoted(k))
            }));
            let (Some(poster), Some(avatar)) = (poster, avatar) else {
                continue;
            };
            if text.is_empty() {
                continue;
            }
            let hosts: Vec<&str> = [avatar, poster, foot]
                .iter()
                .flat_map(|&j| &infos[j].links)
                .filter_map(|(_, u)| host_of(u))
                .collect();
            let mut card: Vec<usize> = (avatar..=foot).collect();
            // The link under the card, to the card's own site, or inside
            // the quote that holds the card.
            if let Some(j) = next_text[foot + 1].filter(|&j| {
                kinds[j] == Kind::LinkOnly
                    && infos[j].links.len() == 1
                    && infos[j].words <= 6
                    && (host_of(&infos[j].links[0].1).is_some_and(|h| hosts.contains(&h))
                        || avatar == poster && quoted(j) && j == foot + 1)
            }) {
                card.push(j);
            }
            for i in card {
                if keep[i] && kinds[i] != Kind::Blank {
                    keep[i] = false;
                    reasons[i] = Some("embedded post of another account");
                }
            }
        }
        // "📌 Pinned post" over "**08:20 BST**": a live blog's badge on a
        // post, a pictograph and a word or two over the post's time of
        // day, in any language.
        for i in start..end {
            let badge = keep[i]
                && kinds[i] == Kind::Short
                && infos[i].links.is_empty()
                && (1..=3).contains(&infos[i].words)
                && infos[i].text.trim_start().starts_with(is_pictograph);
            let over_a_time = || {
                next_text[i + 1].is_some_and(|j| {
                    infos[j].links.is_empty()
                        && infos[j].words <= 3
                        && has_time(&infos[j].text)
                        && !is_list_or_table(lines[j])
                })
            };
            if badge && over_a_time() {
                keep[i] = false;
                reasons[i] = Some("badge over a live blog's post");
            }
        }
        // "How do you feel about this story?" over "👍 142 · 😮 37": the
        // question a row of reactions answers, in any language, goes with
        // the row.
        for i in start..end {
            if keep[i]
                && matches!(kinds[i], Kind::Short | Kind::Prose)
                && infos[i].links.is_empty()
                && infos[i].words <= 8
                && infos[i].text.trim_end().ends_with(['?', '？', '؟'])
                && next_text[i + 1]
                    .is_some_and(|j| !keep[j] && is_reaction_row(infos[j].text.trim()))
            {
                keep[i] = false;
                reasons[i] = Some("question over a row of reactions");
            }
        }
        // A label whose lines all went ("Chapters:" over a player's chapter
        // marks, "Follow us:" over its buttons) labels nothing now: the
        // next line was removed, and the next line kept is no item of its
        // list.
        let mut next_kept = None;
        for i in (start..end).rev() {
            if !keep[i] || kinds[i] == Kind::Blank {
                continue;
            }
            let short = kinds[i] == Kind::Short
                && infos[i].words <= 3
                && infos[i].links.is_empty()
                && cues[i].is_none()
                && !is_list_or_table(lines[i]);
            let colon = infos[i]
                .text
                .trim_end()
                .trim_end_matches(['*', '_'])
                .ends_with(':');
            // Over a banner that went, a label needs no colon: "Mgbasa
            // ozi", "Ad space", in any language, is the slot's.
            let over_banner = || {
                !infos[i].text.trim_end().ends_with(SENTENCE_ENDS)
                    && next_text[i + 1].is_some_and(|j| reasons[j] == Some(BANNER_AD))
            };
            let label = short && (colon || over_banner());
            let lines_went = next_text[i + 1].is_some_and(|j| !keep[j] && reasons[j].is_some());
            let list_left = next_kept.is_some_and(|k: usize| is_list_or_table(lines[k]));
            if label && lines_went && !list_left {
                keep[i] = false;
                reasons[i] = Some("label over lines that went");
            } else {
                next_kept = Some(i);
            }
        }
        // Trailing link lists and images after the last text are footer too,
        // unless the author introduced them: "Further reading:" or "Documents
        // related to this story:" over a few links is the article's own list
        // (a site's "Related posts" opened the footer above already).
        let kept_lines: Vec<usize> = (start..end)
            .filter(|&i| keep[i] && kinds[i] != Kind::Blank)
            .collect();
        let links_at_end = kept_lines
            .iter()
            .rev()
            .take_while(|&&i| kinds[i] == Kind::LinkOnly)
            .count();
        let authors_list = kept_lines
            .len()
            .checked_sub(links_at_end + 1)
            .map(|at| kept_lines[at])
            .is_some_and(|i| {
                // A plain sentence of a few words may label them
                // ("Read the official notices:") when they go to other
                // sites: the site's lists link home.
                let sentence_label = || {
                    kinds[i] == Kind::Prose
                        && infos[i].words <= 12
                        && infos[i].links.is_empty()
                        && !links_mostly_home(
                            &infos[kept_lines[kept_lines.len() - links_at_end]
                                ..=kept_lines[kept_lines.len() - 1]],
                            own_host.as_deref(),
                        )
                };
                (1..=10).contains(&links_at_end)
                    && (kinds[i] == Kind::Short || sentence_label())
                    && infos[i]
                        .text
                        .trim_end()
                        .trim_end_matches(['*', '_'])
                        .ends_with(':')
                    && cues[i].is_none()
                    && !is_footer(&infos[i].text)
                    // "**Read more:**" over the site's own headlines is
                    // the box a bold label makes inside the story (see
                    // [`boxes_inside`]), left last.
                    && !(is_bold_only(strip_block_markers(lines[i]))
                        && kept_lines[kept_lines.len() - links_at_end..]
                            .iter()
                            .all(|&k| is_list_item(lines[k])
                                && links_mostly_home(
                                    std::slice::from_ref(&infos[k]),
                                    own_host.as_deref()
                                )))
            });
        // Whether the run of link lines being trimmed was asked about yet:
        // once per run, at its last line, so a long run costs one walk.
        let mut run_asked = false;
        // An item whose tail is long enough to read as a sentence ("· 4
        // uair an chloig ó shin", a time ago in words) is one too.
        let headline_item = |i: usize| {
            matches!(kinds[i], Kind::Short | Kind::Prose)
                && is_headline_item(lines[i], &infos[i], own_host.as_deref())
        };
        // Whether the run of headline items being trimmed is the author's
        // list ("The earlier intrusions:" over them, or "## References"):
        // asked once per run, as for the link lines.
        let mut items_introduced: Option<bool> = None;
        for i in (start..end).rev().filter(|_| !authors_list) {
            if !keep[i] {
                continue;
            }
            let t = lines[i].trim();
            if !matches!(kinds[i], Kind::Blank | Kind::LinkOnly) {
                run_asked = false;
            }
            if kinds[i] != Kind::Blank && !headline_item(i) {
                items_introduced = None;
            }
            match kinds[i] {
                Kind::Blank => keep[i] = false,
                // "* [Another story of ours](/...) — 5 June 2026": the
                // site's list of its headlines, each with a date or a
                // length, unless the author introduced it.
                Kind::Short | Kind::Prose if headline_item(i) => {
                    let introduced = *items_introduced.get_or_insert_with(|| {
                        (start..i)
                            .rev()
                            .find(|&j| kinds[j] != Kind::Blank && !headline_item(j))
                            .is_some_and(|j| {
                                infos[j].text.trim_end().ends_with(':')
                                    || (kinds[j] == Kind::Heading
                                        && names_references(&infos[j].text))
                            })
                    });
                    if introduced {
                        break;
                    }
                    keep[i] = false;
                    reasons[i] = Some("links after the last paragraph (tags, related articles)");
                }
                // "## Links mentioned" over links to other sites: the
                // article's references, not the site's related list.
                Kind::LinkOnly
                    if !std::mem::replace(&mut run_asked, true)
                        && is_reference_list(
                            i,
                            lines,
                            kinds,
                            infos,
                            &cues,
                            own_host.as_deref(),
                        ) =>
                {
                    break;
                }
                Kind::LinkOnly => {
                    keep[i] = false;
                    reasons[i] = Some("links after the last paragraph (tags, related articles)");
                }
                Kind::Heading => {
                    keep[i] = false;
                    reasons[i] = Some("heading with nothing after it");
                }
                // "Further reading:" with its links gone.
                Kind::Short if infos[i].text.trim_end().ends_with(':') => {
                    keep[i] = false;
                    reasons[i] = Some("links after the last paragraph (tags, related articles)");
                }
                // A leftover label: "END", "Cookie settings", "Menu". Not a list
                // item or table row, which may be the end of an IOC list.
                Kind::Short
                    if infos[i].words <= 2
                        && !is_list_or_table(t)
                        && infos[i]
                            .text
                            .chars()
                            .all(|c| c.is_alphabetic() || c.is_whitespace()) =>
                {
                    keep[i] = false;
                    reasons[i] = Some("label left after the article");
                }
                // A bold label with nothing under it now ("**Trusted by
                // security teams at**" over a row of logos that went): the
                // page's, as the site's boxes under it were. A sentence in
                // bold ends with its stop.
                Kind::Short
                    if infos[i].words <= 8
                        && infos[i].links.is_empty()
                        && is_bold_only(t)
                        && !infos[i].text.trim_end().ends_with(SENTENCE_ENDS) =>
                {
                    keep[i] = false;
                    reasons[i] = Some("label left after the article");
                }
                // A rule ("---") under the last line: it divides nothing now.
                Kind::Short if is_thematic_break(t) => keep[i] = false,
                // "[add comment]": a button the scraper left as a bracketed
                // label with no address, after the story.
                Kind::Short
                    if infos[i].words <= 3
                        && infos[i].links.is_empty()
                        && t.strip_prefix('[')
                            .and_then(|r| r.strip_suffix(']'))
                            .is_some_and(|inner| {
                                !inner.contains(['[', ']'])
                                    && inner.chars().any(char::is_alphabetic)
                            }) =>
                {
                    keep[i] = false;
                    reasons[i] = Some("button left after the article");
                }
                // "Feed item 142 of 150 in this channel": the item's place
                // among the others, after the story.
                Kind::Short
                    if is_item_counter(&infos[i].text, &infos[i]) && !is_list_or_table(t) =>
                {
                    keep[i] = false;
                    reasons[i] = Some("item counter after the article");
                }
                // "Press office, tel. 45 15 00 00": whom to call, after the
                // story.
                Kind::Short if is_contact_line(&infos[i].text) && !is_list_or_table(t) => {
                    keep[i] = false;
                    reasons[i] = Some("contact line after the article");
                }
                // A link the scraper cut off: `[![](https://cdn.exa...`
                Kind::Short
                    if (t.starts_with('[') || t.starts_with("![")) && t.ends_with("...") =>
                {
                    keep[i] = false;
                    reasons[i] = Some("link cut off by the scraper");
                }
                _ => break,
            }
        }

        let kept_words: usize = (0..lines.len())
            .filter(|&i| keep[i] && kinds[i] == Kind::Prose)
            .map(|i| infos[i].words)
            .sum();
        let prose_before_footer: usize = (0..end)
            .filter(|&i| kinds[i] == Kind::Prose)
            .map(|i| infos[i].words)
            .sum();
        if kept_words < 25 && prose_before_footer >= 25 {
            return original(format!("only {kept_words} words of prose would remain"));
        }
        if kept_words * 2 < prose_before_footer {
            return original(format!(
                "cleaning would drop {} of the page's {prose_before_footer} words of prose before its footer",
                prose_before_footer - kept_words
            ));
        }

        let mut markdown = String::with_capacity(body.len());
        let mut in_code = false;
        let mut last_blank = true;
        for (i, line) in lines.iter().enumerate() {
            if !keep[i] {
                // A dropped line inside a paragraph must not glue its
                // neighbours together; a blank keeps them apart.
                if !last_blank && !in_code {
                    markdown.push('\n');
                    last_blank = true;
                }
                continue;
            }
            if line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~") {
                in_code = !in_code;
            }
            let blank = line.trim().is_empty();
            if blank && last_blank && !in_code {
                continue;
            }
            markdown.push_str(line);
            markdown.push('\n');
            last_blank = blank;
        }
        Cleaned {
            markdown: markdown.trim_matches('\n').to_owned() + "\n",
            removals: group_removals(&reasons, kinds),
            kept_original: None,
            total_lines,
            body_start: start,
        }
    }
}

/// "Page 1 of 2", "Seite 1 von 2": two numbers, the first no more than
/// the second (two to 99), with one word before them and one between
/// them, no more.
fn is_page_marker(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let [label, n, between, m] = words[..] else {
        return false;
    };
    let number = |w: &str| w.parse::<u32>().ok();
    let word = |w: &str| w.chars().all(char::is_alphabetic);
    word(label)
        && word(between)
        && number(n)
            .zip(number(m))
            .is_some_and(|(n, m)| (1..=m).contains(&n) && (2..=99).contains(&m))
}

/// The rule (`---`) that closes a document's cover page opening at
/// `start`: ten or more lines of text before it, at most a third of
/// them prose (a table's rows not counted as such), no heading or code among them, and a paragraph of fifteen
/// words or more as the next line of text after it.
fn cover_page_rule(
    start: usize,
    lines: &[&str],
    kinds: &[Kind],
    infos: &[LineInfo],
) -> Option<usize> {
    let (mut text, mut prose) = (0usize, 0usize);
    for i in start..lines.len() {
        match kinds[i] {
            Kind::Blank => {}
            Kind::Heading | Kind::Code => return None,
            Kind::Short if is_thematic_break(lines[i]) => {
                let next = (i + 1..lines.len()).find(|&j| kinds[j] != Kind::Blank)?;
                let paragraph = kinds[next] == Kind::Prose && infos[next].words >= 15;
                return (text >= 10 && prose * 3 <= text && paragraph).then_some(i);
            }
            k => {
                text += 1;
                // A table's rows are the form's fields, however long.
                prose += usize::from(k == Kind::Prose && !lines[i].trim_start().starts_with('|'));
            }
        }
    }
    None
}

/// The lines of the posts an unrolled thread counts, first and last: a
/// counter ends each post ("... 1/12", "8/12" on a line of its own), in
/// any script's digits, counting up from one to its total (three or
/// more), none missed but a few (half of them at least), the last one
/// reaching the total. A date's "10/12" counts nothing here, as no date
/// follows "1/12" up to its total.
fn counted_posts(lines: &[&str], kinds: &[Kind], infos: &[LineInfo]) -> Option<(usize, usize)> {
    let counter = |i: usize| -> Option<(u32, u32)> {
        if !matches!(kinds[i], Kind::Prose | Kind::Short) || is_list_or_table(lines[i]) {
            return None;
        }
        let last = infos[i].text.split_whitespace().last()?;
        let last = ascii_digits(last);
        let (k, n) = last
            .trim_matches(|c: char| !c.is_ascii_digit())
            .split_once('/')?;
        let (k, n) = (k.parse::<u32>().ok()?, n.parse::<u32>().ok()?);
        (n >= 3 && (1..=n).contains(&k)).then_some((k, n))
    };
    let mut posts: Vec<(usize, u32)> = Vec::new();
    let mut total = None;
    for i in 0..lines.len() {
        let Some((k, n)) = counter(i) else { continue };
        match total {
            None if k == 1 => {
                total = Some(n);
                posts.push((i, k));
            }
            Some(t) if t == n && posts.last().is_some_and(|&(_, prev)| k > prev) => {
                posts.push((i, k));
            }
            _ => {}
        }
    }
    let n = total?;
    let (&(first, _), &(last, last_k)) = (posts.first()?, posts.last()?);
    (posts.len() >= 3 && posts.len() * 2 >= n as usize && last_k == n).then_some((first, last))
}

/// How many link-only lines of the page show each text: a button under
/// every post of a live blog shows the same words each time.
fn link_line_counts<'i>(
    kinds: &[Kind],
    infos: &'i [LineInfo],
) -> std::collections::HashMap<&'i str, usize> {
    let mut counts = std::collections::HashMap::new();
    for (_, info) in kinds
        .iter()
        .zip(infos)
        .filter(|(k, _)| **k == Kind::LinkOnly)
    {
        *counts.entry(info.text.trim()).or_default() += 1;
    }
    counts
}

/// The first row of the table holding row `at`, and whether the table is
/// the page's record card rather than the story's facts: a table with no
/// header (its first row's cells empty, the site's layout of fields), or
/// of two columns, a label and its value each row (a converted
/// document's control block: `| Advisory ID | ... |`, `| Version | 1.2 |`),
/// whose rows give a date (`| Date | 18 November 2026 |`) and no
/// indicator. An advisory's table names its CVEs or versions; a wiki's box
/// has its subject's name over it.
fn record_card(at: usize, lines: &[&str], infos: &[LineInfo]) -> (usize, bool) {
    let row = |i: usize| lines[i].trim_start().starts_with('|');
    let mut first = at;
    while first > 0 && row(first - 1) {
        first -= 1;
    }
    let mut last = at;
    while last + 1 < lines.len() && row(last + 1) {
        last += 1;
    }
    let headless = lines[first].chars().all(|c| c == '|' || c.is_whitespace());
    let two_columns =
        (first..=last).all(|i| lines[i].trim().trim_matches('|').matches('|').count() == 1);
    let card = (headless || two_columns)
        && (first..=last).any(|i| has_date(&infos[i].text))
        && !(first..=last).any(|i| super::story_signals::has_indicator(&infos[i].text));
    (first, card)
}

/// The lines of a comment thread or an activity log: reply buttons (see
/// [`reply_buttons`]) and headers, three or more lines that open with a
/// one-word link to pages of one kind (`/user?id=jdub42`,
/// `bountydesk.example/kestrel_sec`) and say little after it: who wrote,
/// when, what they did. A paragraph that starts with a linked name does not
/// come three times with links of one shape.
fn thread_lines(lines: &[&str], kinds: &[Kind], infos: &[LineInfo]) -> Vec<bool> {
    let mut thread = reply_buttons(lines, kinds, infos);
    // The link that names who wrote: the first, or the next after a vote
    // arrow or an icon with no letters ("[▲](vote?id=1) [name](user?id=name)").
    let name_at = |i: usize| -> Option<usize> {
        let links = &infos[i].links;
        let first = links.first()?;
        Some(usize::from(
            links.len() >= 2 && !first.0.chars().any(char::is_alphanumeric),
        ))
    };
    let header_key = |i: usize| -> Option<String> {
        if !matches!(kinds[i], Kind::Prose | Kind::Short | Kind::LinkOnly)
            || infos[i].words > 25
            || is_list_or_table(lines[i])
        {
            return None;
        }
        let t = lines[i]
            .trim_start()
            .trim_start_matches(['>', ' ', '*', '_']);
        if !t.starts_with('[') {
            return None;
        }
        let at = name_at(i)?;
        let (name, url) = &infos[i].links[at];
        let kind = page_kind(url)?;
        // Who, then when or what: a link alone is a button, and so is a
        // row of links to the site's pages of one kind, none asking for an
        // item by its query ("[Share](/share) · [Save](/save)"): a
        // header's next link goes to the post or its time ("[6 hours
        // ago](/item?id=2)"), or to a page of another kind.
        let says_more = words_outside_links(&infos[i]) >= 1
            || infos[i].links[at + 1..]
                .iter()
                .any(|(_, u)| u.contains('?') || page_kind(u).is_none_or(|k| k != kind));
        // A name has letters: `[0:41](...&t=41s)` is a video's chapter.
        if name.split_whitespace().count() != 1
            || name.chars().count() > 30
            || !name.chars().any(char::is_alphabetic)
            || !says_more
        {
            return None;
        }
        Some(kind)
    };
    // An activity log's events may follow each other with no text between.
    // A thread has more than one voice: one name over and over is an
    // author's own chain of posts, or a widget.
    for at in repeated(lines.len(), header_key) {
        let names: std::collections::HashSet<&str> = at
            .iter()
            .filter_map(|&i| name_at(i).map(|at| infos[i].links[at].0.as_str()))
            .collect();
        if names.len() >= 2 {
            mark(&mut thread, &at);
        }
    }
    thread
}

/// The kind of page a link goes to: its host, its folder and its query's
/// names, not the page's own name (`/user?id=jdub42` and `/user?id=kdm`
/// are one kind). `None` for a link with no host.
fn page_kind(url: &str) -> Option<String> {
    let host = host_of(url)?;
    let path = url.split_once(host).map_or("", |(_, p)| p);
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    // "/user/name/" is a page of the same folder as "/user/name": the
    // slash that closes a path names no page.
    let path = path.strip_suffix('/').unwrap_or(path);
    let folder = path.rsplit_once('/').map_or("", |(f, _)| f);
    let keys: Vec<&str> = query
        .split('&')
        .map(|kv| kv.split_once('=').map_or(kv, |(k, _)| k))
        .collect();
    Some(format!("{host}{folder}?{}", keys.join("&")))
}

/// The time stamps of a log of updates (a status page's incident, an
/// advisory's revisions): a plain line with a date and a time of day, no
/// link, that comes back three times or more in one shape (its words
/// without digits, "Posted Mar , - : UTC") with a paragraph between each
/// two. They date the story's own parts; a byline comes once, and a
/// thread's headers link their authors.
fn update_stamps(lines: &[&str], kinds: &[Kind], infos: &[LineInfo]) -> Vec<bool> {
    let prose = KindsBefore::count(kinds, |k| k == Kind::Prose);
    let mut stamps = vec![false; lines.len()];
    let key = |i: usize| {
        let info = &infos[i];
        (kinds[i] == Kind::Short
            && info.links.is_empty()
            && info.images.is_empty()
            && is_meta_row(lines[i], info)
            && has_date(&info.text)
            && has_time(&info.text))
        .then(|| {
            info.text
                .split_whitespace()
                .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    for at in repeated(lines.len(), key) {
        if prose.between_each(&at) {
            mark(&mut stamps, &at);
        }
    }
    stamps
}

/// A forum's post headers: short lines with a date that end with the
/// post's number ("Nov 18, 2026 · #1"), three or more counting up by one
/// with prose between each, in any language. A list's "Tip #2" has no
/// date.
fn numbered_posts(lines: &[&str], kinds: &[Kind], infos: &[LineInfo]) -> Vec<bool> {
    let number = |i: usize| -> Option<u64> {
        let info = &infos[i];
        if kinds[i] != Kind::Short
            || info.words > 10
            || is_list_or_table(lines[i])
            || !has_date(&info.text)
        {
            return None;
        }
        info.text
            .split_whitespace()
            .next_back()?
            .strip_prefix('#')
            .filter(|n| n.chars().all(|c| c.is_ascii_digit()))?
            .parse()
            .ok()
    };
    let numbered: Vec<(usize, u64)> = (0..lines.len())
        .filter_map(|i| number(i).map(|n| (i, n)))
        .collect();
    let prose = KindsBefore::count(kinds, |k| k == Kind::Prose);
    let at: Vec<usize> = numbered.iter().map(|(i, _)| *i).collect();
    let counting = numbered.len() >= 3
        && numbered
            .windows(2)
            .all(|w| w[0].1.checked_add(1) == Some(w[1].1))
        && prose.between_each(&at);
    let mut posts = vec![false; lines.len()];
    if counting {
        mark(&mut posts, &at);
    }
    posts
}

/// A mail's signature delimiter (`-- ` on a line of its own).
const SIGNATURE: &str = "signature and archive links after the message";

/// Where a mail's sign-off begins when it sits right over its signature
/// delimiter at `delimiter`: a block of one or two short lines, the first
/// a word or three ending with a comma ("Regards," over "Name, for the
/// maintainers"), in any language. `delimiter` when there is none.
fn valediction(
    delimiter: usize,
    floor: usize,
    lines: &[&str],
    kinds: &[Kind],
    infos: &[LineInfo],
) -> usize {
    let Some(last) = (floor + 1..delimiter)
        .rev()
        .find(|&j| kinds[j] != Kind::Blank)
    else {
        return delimiter;
    };
    let mut first = last;
    while first > floor + 1 && kinds[first - 1] != Kind::Blank && last - first < 1 {
        first -= 1;
    }
    let opens = infos[first].text.trim_end().ends_with([',', '،', '，'])
        && (1..=3).contains(&infos[first].words);
    let short = (first..=last).all(|j| {
        matches!(kinds[j], Kind::Short | Kind::Prose)
            && infos[j].words <= 12
            && !is_list_or_table(lines[j])
    });
    if opens && short && (first == floor + 1 || kinds[first - 1] == Kind::Blank) {
        first
    } else {
        delimiter
    }
}

/// Where the post whose header is at `header` begins: its poster's card
/// above the header (name, rank, "Joined: ..."), and the previous post's
/// buttons, votes and signature (an italic line straight under a rule)
/// with it: every line back to the previous post's last paragraph, list
/// or heading.
fn poster_card(
    header: usize,
    floor: usize,
    lines: &[&str],
    kinds: &[Kind],
    infos: &[LineInfo],
) -> usize {
    let mut begin = header;
    while begin > floor + 1 {
        let j = begin - 1;
        // The card's fields and the buttons are no sentences: a post's
        // last words ("Thanks in advance.") stay with it.
        let card_line = match kinds[j] {
            Kind::Blank | Kind::LinkOnly => true,
            Kind::Short => {
                !is_list_or_table(lines[j]) && !infos[j].text.trim_end().ends_with(SENTENCE_ENDS)
            }
            _ => false,
        };
        let t = lines[j].trim();
        let signature = kinds[j] == Kind::Prose
            && infos[j].words <= 40
            && j > 0
            && is_thematic_break(lines[j - 1])
            && t.len() > 2
            && (t.starts_with('*') && !t.starts_with("**") && t.ends_with('*')
                || t.starts_with('_') && !t.starts_with("__") && t.ends_with('_'));
        if !(card_line || signature) {
            break;
        }
        begin = j;
    }
    // Back to the text, not the blank lines after it.
    (begin..header)
        .find(|&j| kinds[j] != Kind::Blank)
        .unwrap_or(header)
}

/// Link-only lines of at most six words that come three times or more,
/// word for word and to the same page (its query aside), with text
/// between each two: the name over each post of one author's thread, a
/// "Back to top" under each section, a wiki's "[edit]" under each heading
/// (`index.php?...&section=2`), text being prose or a heading. A list's
/// items differ from each other.
fn echoed_links(kinds: &[Kind], infos: &[LineInfo]) -> Vec<bool> {
    let prose = KindsBefore::count(kinds, |k| matches!(k, Kind::Prose | Kind::Heading));
    let mut echoes = vec![false; infos.len()];
    let key = |i: usize| {
        let info = &infos[i];
        (kinds[i] == Kind::LinkOnly && info.words <= 6 && info.links.len() == 1).then(|| {
            let url = info.links[0].1.as_str();
            // `#top` is a page of its own here: nothing before the `?`.
            let page = url.split_once('?').map_or(url, |(page, _)| page);
            (info.text.trim(), page)
        })
    };
    for at in repeated(infos.len(), key) {
        if prose.between_each(&at) {
            mark(&mut echoes, &at);
        }
    }
    echoes
}

/// The lines that are a comment thread's buttons, told by the shape of a
/// thread in any language: the same short line with a link ("[reply](...)",
/// "[Yanıtla](#) · 👍 14") three times or more, with text between every two
/// and no heading among them. A section's "Back to top" has headings
/// between; an ad label is noise, and no button.
fn reply_buttons(lines: &[&str], kinds: &[Kind], infos: &[LineInfo]) -> Vec<bool> {
    let key = |i: usize| -> Option<String> {
        let info = &infos[i];
        (matches!(kinds[i], Kind::LinkOnly | Kind::Short)
            && !info.links.is_empty()
            && info.words <= 4
            && info
                .links
                .iter()
                .all(|(t, _)| t.split_whitespace().count() <= 2))
        .then(|| {
            let t: String = info
                .text
                .chars()
                .filter(|c| !c.is_ascii_digit())
                .collect::<String>()
                .to_lowercase();
            t.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .filter(|t| t.chars().any(char::is_alphabetic))
    };
    let text = KindsBefore::count(kinds, |k| matches!(k, Kind::Prose | Kind::Short));
    let headings = KindsBefore::count(kinds, |k| k == Kind::Heading);
    let mut buttons = vec![false; lines.len()];
    for at in repeated(lines.len(), key) {
        let (first, last) = (at[0], at[at.len() - 1]);
        if text.between_each(&at) && headings.between(first, last) == 0 {
            mark(&mut buttons, &at);
        }
    }
    buttons
}

/// Entries of a log of the page's edits (a wiki's "Recent changes"): two
/// or more list items in a row, each a time of day, a date and a link to
/// a writer's page ("- [cur](...) [prev](...) 18:42, 9 November 2026
/// [Name](/wiki/User:Name) . . (+96) . . (→...: reply)"), none signed
/// after a dash as a comment is. The page's data, however many words its
/// summary of the edit has; a story's timeline names no writer's page.
fn edit_log(lines: &[&str], kinds: &[Kind], infos: &[LineInfo]) -> Vec<bool> {
    let entry = |i: usize| {
        is_list_item(lines[i])
            && infos[i].words <= 40
            && has_time(&infos[i].text)
            && has_date(&infos[i].text)
            && infos[i].links.iter().any(|(_, u)| is_author_url(u))
            && !is_signed_comment(lines[i], &infos[i])
    };
    let mut log = vec![false; lines.len()];
    let mut run: Vec<usize> = Vec::new();
    for (i, kind) in kinds.iter().enumerate() {
        if *kind == Kind::Blank {
            continue;
        }
        if entry(i) {
            run.push(i);
            continue;
        }
        if run.len() >= 2 {
            mark(&mut log, &run);
        }
        run.clear();
    }
    if run.len() >= 2 {
        mark(&mut log, &run);
    }
    log
}

/// A converted document's running footer or header with its page number
/// ("NCRC-VL — Advisory VL-2026-041 — Page 2 of 5"), left between its
/// paragraphs at every page break: the same short line three times or
/// more, with text between each, its numbers the same but one that counts
/// up by one each time. In any language, as the counter is the cue; a
/// field repeated over each of an advisory's CVEs ("CVSS score: 9.8")
/// counts nothing.
fn running_footers(lines: &[&str], kinds: &[Kind], infos: &[LineInfo]) -> Vec<bool> {
    let prose = KindsBefore::count(kinds, |k| k == Kind::Prose);
    let numbers = |i: usize| -> Vec<u64> {
        ascii_digits(&infos[i].text)
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect()
    };
    let key = |i: usize| {
        let info = &infos[i];
        (matches!(kinds[i], Kind::Short | Kind::Prose)
            && info.links.is_empty()
            && info.images.is_empty()
            && (3..=15).contains(&info.words)
            && !is_list_or_table(lines[i]))
        .then(|| {
            ascii_digits(&info.text)
                .split(|c: char| c.is_ascii_digit())
                .collect::<Vec<_>>()
                .join("#")
        })
        .filter(|masked| masked.contains('#'))
    };
    let mut running = vec![false; lines.len()];
    for at in repeated(lines.len(), key) {
        let counts: Vec<Vec<u64>> = at.iter().map(|&i| numbers(i)).collect();
        let width = counts[0].len();
        let counter = counts.iter().all(|n| n.len() == width)
            && (0..width).any(|k| {
                counts.windows(2).all(|w| {
                    w[0][k].checked_add(1) == Some(w[1][k])
                        && (0..width).all(|other| other == k || w[1][other] == w[0][other])
                })
            });
        if counter && prose.between_each(&at) {
            mark(&mut running, &at);
        }
    }
    running
}

/// The lines of `0..n` grouped by `key`, keeping the groups of three or
/// more, each in line order: the repeated shapes a thread or a widget
/// leaves on a page.
fn repeated<K: std::hash::Hash + Eq>(
    n: usize,
    mut key: impl FnMut(usize) -> Option<K>,
) -> impl Iterator<Item = Vec<usize>> {
    let mut seen: std::collections::HashMap<K, Vec<usize>> = std::collections::HashMap::new();
    for i in 0..n {
        if let Some(k) = key(i) {
            seen.entry(k).or_default().push(i);
        }
    }
    seen.into_values().filter(|at| at.len() >= 3)
}

fn mark(flags: &mut [bool], at: &[usize]) {
    for &i in at {
        flags[i] = true;
    }
}

/// How many lines of some kinds come before each line, so asking whether
/// one sits between two lines costs a subtraction however far apart they
/// are (a page can repeat thousands of short lines).
struct KindsBefore(Vec<usize>);

impl KindsBefore {
    fn count(kinds: &[Kind], counted: impl Fn(Kind) -> bool) -> Self {
        let mut before = Vec::with_capacity(kinds.len() + 1);
        before.push(0);
        for &k in kinds {
            before.push(before[before.len() - 1] + usize::from(counted(k)));
        }
        KindsBefore(before)
    }

    /// Counted lines strictly between lines `a` and `b` (`a < b`).
    fn between(&self, a: usize, b: usize) -> usize {
        self.0[b] - self.0[a + 1]
    }

    /// Whether a counted line sits between every two neighbours of `at`.
    fn between_each(&self, at: &[usize]) -> bool {
        at.windows(2).all(|w| self.between(w[0], w[1]) > 0)
    }
}

/// What follows each line up to the body's end, as suffix sums, so every
/// "is there more article after this?" question costs one lookup.
struct Following {
    /// Code lines from line `i` on.
    code: Vec<usize>,
    /// Whether a heading with text under it (not links, not chrome) comes
    /// at or after line `i`: a section of the article, such as a revision
    /// history or a technique list.
    section: Vec<bool>,
    /// The most words of clean prose in one stretch at or after line `i`,
    /// stretches being cut by chrome (cue lines, link lines, short lines
    /// with links): a page footer holds many small bits of prose (a
    /// newsletter blurb, a forum teaser, a privacy line) that add up
    /// without any of them being more of the article.
    stretch: Vec<usize>,
}

impl Following {
    fn measure(
        lines: &[&str],
        kinds: &[Kind],
        infos: &[LineInfo],
        cues: &[Option<&str>],
        end: usize,
    ) -> Self {
        let mut code = vec![0usize; end + 1];
        let mut section = vec![false; end + 1];
        let mut stretch = vec![0usize; end + 1];
        let mut this_stretch = 0;
        // Walking up: whether text sits between here and the next heading.
        let mut text_below = false;
        for i in (0..end).rev() {
            let plain = cues[i].is_none();
            let breaks = !plain
                || kinds[i] == Kind::LinkOnly
                || (kinds[i] == Kind::Short && !infos[i].links.is_empty());
            if breaks {
                this_stretch = 0;
            } else if kinds[i] == Kind::Prose {
                this_stretch += infos[i].words;
            }
            stretch[i] = stretch[i + 1].max(this_stretch);
            code[i] = code[i + 1] + usize::from(kinds[i] == Kind::Code);
            section[i] = section[i + 1];
            // Text that makes a section of a threat report rather than a
            // page's box: a table, an indicator (an IOC list, a technique
            // list), or a paragraph's worth of prose. A newsletter blurb or
            // a forum teaser under a heading is none of these.
            // Cheapest test first; the indicator scan only while the
            // section has shown nothing yet.
            match kinds[i] {
                Kind::Prose if plain && this_stretch >= 40 => text_below = true,
                Kind::Prose | Kind::Short
                    if plain
                        && !text_below
                        && (is_list_or_table(lines[i])
                            || super::story_signals::has_indicator(&infos[i].text)) =>
                {
                    text_below = true;
                }
                Kind::Heading => {
                    section[i] |= text_below && plain && !is_footer(&infos[i].text);
                    text_below = false;
                }
                _ => {}
            }
        }
        Following {
            code,
            section,
            stretch,
        }
    }
}

/// Social platforms by the names their links carry.
const PLATFORM_NAMES: &[&str] = &[
    "google news",
    "twitter",
    "x",
    "facebook",
    "telegram",
    "instagram",
    "linkedin",
    "youtube",
    "tiktok",
    "whatsapp",
    "vk",
    "threads",
    "bluesky",
    "mastodon",
];

/// The chrome cue of a line, if any: a phrase of page furniture on a line
/// not too long to be such furniture, or a call-to-action link on a line
/// short enough to be the ad around it.
fn line_cue(info: &LineInfo) -> Option<&'static str> {
    if info.words > 60 {
        return None;
    }
    // A row of share buttons, with or without a label ("Teilen:",
    // "Compartilhe:", "Deel deze pagina:"): its links say what it is in any
    // language.
    // Next to a known share button, a button that hands the page's
    // address on is one too, whatever it is called (`.../intent?u=...`,
    // `.../forward?url=...`).
    let hands_address_on = |u: &str| {
        let u = u.to_ascii_lowercase();
        u.contains("?u=") || u.contains("?url=")
    };
    let all_share = info.links.iter().all(|(_, u)| is_share_url(u));
    let with_share = info
        .links
        .iter()
        .all(|(_, u)| is_share_url(u) || hands_address_on(u))
        && info
            .links
            .iter()
            .any(|(_, u)| is_share_url(u) && !u.starts_with('#'));
    // Two buttons or more that hand the same address on, each to its
    // own service ("[Pingr](https://s.example/fb?u=site) [Chatterly](
    // https://s.example/x?u=site) [Copy link](#)"), are a share row
    // whatever the services are called.
    let handed_on = |u: &str| {
        let lower = u.to_ascii_lowercase();
        ["?u=", "?url=", "&u=", "&url="].iter().find_map(|key| {
            lower.split_once(key).map(|(page, value)| {
                (
                    page.to_owned(),
                    value.split('&').next().unwrap_or("").to_owned(),
                )
            })
        })
    };
    let same_address_on = || {
        let handed: Vec<(String, String)> = info
            .links
            .iter()
            .filter_map(|(_, u)| handed_on(u))
            .collect();
        handed.len() >= 2
            && handed
                .iter()
                .all(|(_, v)| !v.is_empty() && *v == handed[0].1)
            && handed.iter().any(|(p, _)| *p != handed[0].0)
            && info
                .links
                .iter()
                .all(|(_, u)| handed_on(u).is_some() || is_share_url(u))
    };
    if info.links.len() >= 2
        && (all_share || with_share || same_address_on())
        && words_outside_links(info) <= 3
    {
        return Some(SHARE_ROW);
    }
    // "Follow us on [Google News](...)" in any language: a short line whose
    // links all go to platforms, each named by its platform (a credit's
    // "[@handle](https://twitter.com/...)" names a person).
    // The platform's name may lead a short link text ("[WhatsApp channel](...)",
    // in any language) on a line that is no sentence: "posted in a [Twitter
    // thread](...)." ends like one.
    let sentence = info.text.trim_end().ends_with(SENTENCE_ENDS);
    let names_platform = |t: &str| {
        let t = t.trim().to_lowercase();
        PLATFORM_NAMES.contains(&t.as_str())
            || (!sentence
                && t.split_whitespace().count() <= 3
                && t.split_whitespace()
                    .next()
                    .is_some_and(|w| PLATFORM_NAMES.contains(&w)))
    };
    if info.words <= 15
        && !info.links.is_empty()
        && info
            .links
            .iter()
            .all(|(t, u)| is_social_url(u) && names_platform(t))
        && words_outside_links(info) >= 2
    {
        return Some("follow, subscription or programme promotion");
    }
    if is_channel_promo(info) {
        return Some("follow, subscription or programme promotion");
    }
    // "Mastodon: @name@host", "Twitter: @name": a platform's name as the
    // label of one handle or address, the contact line of a channel or a
    // profile; a sentence says more than that.
    if info.words <= 4
        && info.text.split_once(':').is_some_and(|(label, value)| {
            let value = value.trim();
            PLATFORM_NAMES.contains(&label.trim().to_lowercase().as_str())
                && value.split_whitespace().count() == 1
                && (value.starts_with('@')
                    || value.starts_with("https://")
                    || value.starts_with("http://"))
        })
    {
        return Some("follow, subscription or programme promotion");
    }
    // "Was this page useful? [Yes](#yes) · [No](#no)" in any language: a
    // question and two or more buttons of a word or two that stay on the
    // page (their links are fragments, or one address and one query that
    // differ only in the answer: "?useful=yes", "?useful=no"), nothing
    // else outside the links.
    fn asking(u: &str) -> Option<&str> {
        u.contains('?')
            .then(|| u.rsplit_once('=').map(|(q, _)| q))
            .flatten()
    }
    let one_question = info.links.len() >= 2
        && info
            .links
            .iter()
            .all(|(_, u)| asking(u).is_some() && asking(u) == asking(&info.links[0].1));
    let buttons = info
        .links
        .iter()
        .filter(|(t, u)| {
            (u.starts_with('#') || one_question)
                && (1..=2).contains(&t.split_whitespace().map(word_count).sum::<usize>())
        })
        .count();
    if buttons >= 2 && info.words <= 20 {
        let asked = info.text.find(['?', '？', '؟']).map(|q| {
            info.text[..q]
                .split_whitespace()
                .map(word_count)
                .sum::<usize>()
        });
        if asked.is_some_and(|n| n >= 2 && n == words_outside_links(info)) {
            return Some("feedback widget");
        }
    }
    // "Was this section helpful? 👍 👎": the same question, its buttons
    // left as two or more pictographs with nothing else after it.
    if info.links.is_empty()
        && info.words <= 12
        && let Some((asked, answers)) = info.text.split_once(['?', '？', '؟'])
    {
        let buttons = answers.chars().filter(|c| is_pictograph(*c)).count();
        let only_buttons = answers
            .chars()
            .all(|c| is_pictograph(c) || c == '\u{fe0f}' || c.is_whitespace());
        if buttons >= 2 && only_buttons && asked.split_whitespace().count() >= 2 {
            return Some("feedback widget");
        }
    }
    // "[Download PDF](...) · [Print](#) · [Cite this notice](#)": the
    // page's tools, a row of links two or more of which go nowhere (a
    // script's button), nothing else on the line; a contents row links
    // its sections by name ("#timeline"). As a chrome line it ends the
    // story when little of it follows.
    if info.links.len() >= 2
        && words_outside_links(info) == 0
        && info.links.iter().filter(|(_, u)| u.trim() == "#").count() >= 2
    {
        return Some("page tools (print, cite, download)");
    }
    // "TLP:CLEAR — Recipients may share this information ...": a
    // document's sharing statement, its marking first.
    let opens_with_marking = info
        .text
        .split_whitespace()
        .next()
        .is_some_and(|w| is_tlp_marking(&w.to_lowercase()));
    if opens_with_marking && info.words >= 4 {
        return Some("disclaimer (reprinted, converted or provided as is)");
    }
    cues::chrome_cue(&info.text, info.words).or_else(|| {
        (info.words < 30 && info.links.iter().any(|(t, _)| cues::is_call_to_action(t)))
            .then_some("promotion with a call to action")
    })
}

/// "[← Previous advisory: ...](...)" (`Some(true)`), "[Next: ... →](...)"
/// (`Some(false)`): a link alone on its line with an arrow before or
/// after its words, a way back or on, in any language.
fn pager_link(info: &LineInfo) -> Option<bool> {
    let t = info.links.first().map_or("", |(t, _)| t.trim());
    if info.links.len() != 1 || words_outside_links(info) > 0 || info.words < 2 {
        return None;
    }
    if t.starts_with(['←', '‹']) {
        Some(true)
    } else if t.ends_with(['→', '›']) {
        Some(false)
    } else {
        None
    }
}

/// "📢 Be the first to know: join our [Telegram channel](/go/tg)!" in any
/// language: a line that opens with a pictograph and sends the reader, by
/// one short link led by a platform's name or going to a platform or to a
/// channel's page (`/channel/...`), or by the channel's bare address on a
/// line that names the platform, to the site's channel there.
fn is_channel_promo(info: &LineInfo) -> bool {
    let pictograph = info
        .text
        .trim_start()
        .chars()
        .next()
        .is_some_and(is_pictograph);
    // "[Telegram kanalimizga obuna boʻling](...)": the platform's name
    // first in a button of a few words.
    let leads = |t: &str| {
        t.split_whitespace().count() <= 5
            && t.split_whitespace()
                .next()
                .is_some_and(|w| PLATFORM_NAMES.contains(&w.to_lowercase().as_str()))
    };
    // The channel's address may name its platform as a folder of the
    // site's ("https://channels.site/whatsapp").
    let channel = |url: &str| {
        let url = url.to_ascii_lowercase();
        is_social_url(&url)
            || url.contains("/channel/")
            || url
                .split(['?', '#'])
                .next()
                .unwrap_or_default()
                .split('/')
                .skip(3)
                .any(|folder| PLATFORM_NAMES.contains(&folder))
    };
    // "📢 Join our Telegram channel: [t.me/site](...)": the platform named
    // in the line's words (of three letters or more), its button the
    // channel's bare address.
    let names_platform = || {
        info.text
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .any(|w| w.len() >= 3 && PLATFORM_NAMES.contains(&w.as_str()))
    };
    let bare_address = |t: &str| {
        let t = t.trim();
        !t.contains(' ') && t.contains('.') && t.contains('/')
    };
    pictograph
        && info.words <= 30
        && info.links.len() == 1
        && info.images.is_empty()
        && (leads(&info.links[0].0)
            || channel(&info.links[0].1)
            // "📰 **Get the Daily Brief** — ... [Subscribe free](...)": a
            // newsletter's box, its button asking for the sign-up.
            || cues::opens_with_call_to_action(&info.links[0].0)
            || (bare_address(&info.links[0].0) && names_platform()))
}

/// Whether a line's words, outside its links, name a social platform (a
/// word of three letters or more: "Telegram-каналта" names Telegram).
fn names_a_platform(info: &LineInfo) -> bool {
    let mut outside = info.text.clone();
    for (t, _) in &info.links {
        outside = outside.replacen(t.as_str(), " ", 1);
    }
    outside
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .any(|w| w.len() >= 3 && PLATFORM_NAMES.contains(&w.as_str()))
}

/// The marks a label ends with, in Latin, Armenian, Ge'ez, Khmer and CJK
/// punctuation ("Photo:", "Լուսանկարը՝").
const LABEL_COLONS: [char; 5] = [':', '՝', '፦', '៖', '：'];

/// The marks a sentence ends with, in Latin and CJK punctuation.
const SENTENCE_ENDS: [char; 6] = ['.', '!', '?', '。', '！', '？'];

/// A pictograph or a symbol of the emoji blocks ("📢", "🎧", "☎").
fn is_pictograph(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF)
}

/// A thematic break: `---`, `***`, `___` (spaces between allowed).
fn is_thematic_break(line: &str) -> bool {
    let t = line.trim();
    let Some(mark) = t.bytes().next().filter(|b| matches!(b, b'-' | b'*' | b'_')) else {
        return false;
    };
    t.bytes().all(|b| b == mark || b == b' ' || b == b'\t')
        && t.bytes().filter(|&b| b == mark).count() >= 3
}

/// The underline of a setext heading: `-----` or `=====`.
fn is_setext_underline(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && (t.bytes().all(|b| b == b'-') || t.bytes().all(|b| b == b'='))
}

/// A list item (not a table row).
fn is_list_item(line: &str) -> bool {
    is_list_or_table(line) && !line.trim_start().starts_with('|')
}

/// A list item or a table row.
fn is_list_or_table(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("* ")
        || t.starts_with("- ")
        || t.starts_with("+ ")
        || t.starts_with('|')
        || t.split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Merges consecutive removed lines with the same reason into ranges,
/// ignoring blank lines.
fn group_removals(reasons: &[Option<&'static str>], kinds: &[Kind]) -> Vec<Removal> {
    let mut out: Vec<Removal> = Vec::new();
    for (i, reason) in reasons.iter().enumerate() {
        let Some(reason) = reason else { continue };
        if kinds[i] == Kind::Blank {
            continue;
        }
        match out.last_mut() {
            Some(last)
                if last.reason == *reason
                    && (last.last + 1..=i).all(|j| {
                        j == i || kinds[j] == Kind::Blank || reasons[j] == Some(reason)
                    }) =>
            {
                last.last = i + 1;
            }
            _ => out.push(Removal {
                first: i + 1,
                last: i + 1,
                reason: (*reason).to_owned(),
            }),
        }
    }
    out
}

fn classify(lines: &[&str], infos: &[LineInfo]) -> Vec<Kind> {
    let mut kinds = Vec::with_capacity(lines.len());
    let mut in_code = false;
    for (line, info) in lines.iter().zip(infos) {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_code = !in_code;
            kinds.push(Kind::Code);
            continue;
        }
        if in_code {
            kinds.push(Kind::Code);
            continue;
        }
        // A quote's empty line (`>`) separates like a blank one.
        let kind = if t.is_empty() || t.chars().all(|c| c == '>' || c.is_whitespace()) {
            Kind::Blank
        } else if t.starts_with('#') && heading_text(t).is_some() {
            Kind::Heading
        } else if is_meta_row(line, info) {
            // "By Ana Ruiz · April 2, 2025 · 14 min read" is the page's
            // data, however many words it has.
            Kind::Short
        } else if is_field_row(line, info) {
            // "**Severity** High (7.7)": a label and its value.
            Kind::Short
        } else if ends_with_bare_url(info) {
            // "Hotel chain resets passwords — https://site/story": a related
            // link written out, not a sentence.
            Kind::LinkOnly
        } else if is_prose(info) {
            Kind::Prose
        } else if !info.links.is_empty() || !info.images.is_empty() {
            let outside = info.text.chars().count().saturating_sub(info.link_chars);
            // "Mehr zum Thema: [A] [B]" is a row of links whatever its label.
            let labelled_row = info.links.len() >= 2 && words_outside_links(info) <= 3;
            if outside <= 3 || labelled_row {
                Kind::LinkOnly
            } else {
                Kind::Short
            }
        } else {
            Kind::Short
        };
        kinds.push(kind);
    }
    kinds
}

/// A byline or metadata row, told by its shape in any language: short
/// fields between separators, none a sentence ("By Ana Ruiz · April 2,
/// 2025 · 14 min read"); a short line with a date and no sentence
/// ("10.04.2025, 14:32 Uhr Lesezeit: 3 Min. [Security]"); a short line
/// giving an email address ("김민수 기자(minsu@daily.example)"); or a short
/// credit or initials in parentheses ("(Bild: N. N./Agency)", "(dsc)").
fn is_meta_row(line: &str, info: &LineInfo) -> bool {
    let t = info.text.trim();
    // Quoted lines (an embedded post's "— Name (@handle) date") and list
    // items belong to whatever holds them.
    let start = line.trim_start();
    // Every shape below is short; a paragraph leaves at once.
    if info.words > 24
        || t.is_empty()
        || is_list_or_table(line)
        || start.starts_with('#')
        || start.starts_with('>')
    {
        return false;
    }
    let sentence_end = t.ends_with(SENTENCE_ENDS);
    let email = t
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .any(|w| {
            w.split_once('@')
                .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
        });
    if email && info.words <= 8 && info.links.is_empty() {
        return true;
    }
    if t.starts_with('(') && t.ends_with(')') && info.words <= 6 && !t.contains(". ") {
        return true;
    }
    // "Von [Daniel Schmitz](/autor/...)": a name linked to its author page.
    let author_link = |(_, url): &(String, String)| is_author_url(url);
    // "From: [Department](/organisations/...) and [A. Minister](/people/...)":
    // a few names, one of them linked to its page, a label and a word
    // between them.
    if info.words <= 12
        && !info.links.is_empty()
        && words_outside_links(info) <= 2
        && info.links.iter().any(author_link)
    {
        return true;
    }
    // "Por [Rafael Costa](/author/rafael/) em 7 de abril de 2025 · [3
    // comentários](#comments)": the author's page and the date, in any
    // language, with no sentence around them.
    // With the time of day too, its fields may run longer: "Da
    // [Name](/autori/...) · Publicatu u 4 di nuvembre 2026 à 18:20 ·
    // Mudificatu u 6 di nuvembre 2026 à 09:05" gives two dates in words.
    if (info.words <= 16 || info.words <= 24 && has_time(t))
        && !sentence_end
        && info.links.first().is_some_and(author_link)
        && has_date(t)
    {
        return true;
    }
    // "Posted on 17 November 2026 by A. Name in [Tech] · [7 comments](#comments)":
    // the date with a link to the page's own comments, which gives their
    // count, in any language.
    if info.words <= 20
        && !sentence_end
        && info
            .links
            .iter()
            .any(|(text, url)| url.starts_with('#') && text.chars().any(|c| c.is_ascii_digit()))
        && has_date(t)
    {
        return true;
    }
    // Three pipes or a closing one make a table row, not a byline.
    // Fields with a date and no opening or closing pipe are the page's
    // data ("Release date: 11 May 2026 | ID: X-19 | [Print](#) | [PDF]").
    let table_row =
        t.starts_with('|') || t.ends_with('|') || (t.matches('|').count() >= 3 && !has_date(t));
    let fields: Vec<&str> = t
        .split(['·', '|', '•'])
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    // "**Priority:** Critical | **Status:** Exploited": each field a bold
    // label with its value, the facts of a section, not the page's data.
    let labelled_fields = line
        .split(['·', '|', '•'])
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .all(|f| f.starts_with("**") && f[2..].contains(":**"));
    // A time of day closes the fields, its dot no sentence's ("· 11:42 a.m.").
    let time_last = |f: &str| f.split_whitespace().count() <= 2 && has_time(f);
    if fields.len() >= 2
        && !table_row
        && !labelled_fields
        && info.words <= 24
        && fields.iter().enumerate().all(|(n, f)| {
            f.split_whitespace().count() <= 7
                && (!f.ends_with(['.', '!', '?']) || n + 1 == fields.len() && time_last(f))
        })
    {
        return true;
    }
    // A date alone ("December 11th 2021") heads a day of a week's review;
    // with a time of day it is the page's timestamp, and may be longer
    // when a byline label opens it ("Posted By A. Name On March 9, 2026 @
    // 2:14 pm In Malware, Research").
    let byline_label = t
        .split_whitespace()
        .next()
        .is_some_and(|w| BYLINE_LABELS.contains(&w.trim_end_matches(':').to_lowercase().as_str()));
    let most_words = if byline_label { 20 } else { 12 };
    // "Published 12 October 2026": with its label, a date alone is the
    // page's too.
    let labelled_date = byline_label && info.words <= 6;
    info.words <= most_words && !sentence_end && has_date(t) && (has_time(t) || labelled_date)
}

/// Whether a link goes to a person's page on the site (`/author/...`,
/// `/people/...`, a forum's `/users/...`, a wiki's `/wiki/User:...` and
/// its talk page, in a few of the languages wikis name them in).
fn is_author_url(url: &str) -> bool {
    const AUTHOR_PATHS: &[&str] = &[
        "/author",
        "/autor",
        "/auteur",
        "/people/",
        "/staff/",
        "/profile",
        "/users/",
        "/user:",
        "/user_talk:",
        "/benutzer:",
        "/benutzer_diskussion:",
        "/utilisateur:",
        "/discussion_utilisateur:",
        "/usuario:",
        "/utente:",
    ];
    let url = url.to_ascii_lowercase();
    AUTHOR_PATHS.iter().any(|p| url.contains(p))
}

/// "- Is it still happening? – [kdm](/users/771/kdm) Nov 8, 2026 at
/// 21:20": a comment under a post, one an item, signed after a dash with
/// its writer's page and its date or time. A wiki's talk page signs its
/// posts so ("... — [Name](/wiki/User:Name) ([talk](/wiki/User_talk:Name))
/// 10:02, 9 November 2026 (UTC)"), its replies indented with colons, its
/// first post plain: a plain line needs its writer's two links and both
/// the date and the time, the signature's whole shape.
fn is_signed_comment(line: &str, info: &LineInfo) -> bool {
    let t = line.trim_start();
    if t.starts_with('>') {
        return false;
    }
    let Some((said, signature)) = line.rsplit_once(" – ").or_else(|| line.rsplit_once(" — "))
    else {
        return false;
    };
    let signature = signature.trim();
    // The cheap tests first: this runs on every line with a dash in it.
    if !signature.starts_with('[')
        || !said.chars().any(char::is_alphabetic)
        || !info.links.last().is_some_and(|(_, u)| is_author_url(u))
    {
        return false;
    }
    let when = plain_text(signature, usize::MAX);
    let marked = is_list_item(line) || t.starts_with(':');
    let whole_signature = || {
        info.links
            .iter()
            .rev()
            .take(2)
            .all(|(_, u)| is_author_url(u))
            && signature.matches("](").count() >= 2
            && has_date(&when)
            && has_time(&when)
    };
    when.split_whitespace().count() <= 10
        && (has_date(&when) || has_time(&when))
        && (marked || whole_signature())
}

/// A bold label and a short value that is no sentence ("**Severity** High
/// (7.7)", "**Bounty** $3,000"): a box of the page's facts.
fn is_field_row(line: &str, info: &LineInfo) -> bool {
    let t = line.trim_start();
    let Some(rest) = t.strip_prefix("**") else {
        return false;
    };
    let Some((label, value)) = rest.split_once("**") else {
        return false;
    };
    let value = value.trim();
    !label.trim().is_empty()
        && label.split_whitespace().count() <= 3
        && !value.is_empty()
        && info.words <= 10
        && !value.ends_with(SENTENCE_ENDS)
}

/// Whether `text` holds a time of day such as `14:32`.
fn has_time(text: &str) -> bool {
    let text = ascii_digits(text);
    text.as_bytes().windows(5).any(|w| {
        w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && w[2] == b':'
            && w[3].is_ascii_digit()
            && w[4].is_ascii_digit()
    }) || text.as_bytes().windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    })
}

/// `text` with the digits of any script (Devanagari "२०२६", Arabic-Indic
/// "٢٠٢٦") written as ASCII ones, so dates and times read the same in all.
fn ascii_digits(text: &str) -> std::borrow::Cow<'_, str> {
    // Each script's ten digits run in order from a code point ending in 0.
    const ZEROS: &[u32] = &[
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10,
    ];
    let digit = |c: char| {
        ZEROS
            .iter()
            .find(|&&z| (z..z + 10).contains(&(c as u32)))
            .map(|&z| char::from(b'0' + (c as u32 - z) as u8))
    };
    if text.is_ascii() || !text.chars().any(|c| digit(c).is_some()) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.chars().map(|c| digit(c).unwrap_or(c)).collect())
}

/// Whether `text` holds a date written with digits: `10.04.2025`,
/// `2025-04-10`, `4/10/2025`, or a year with a day beside it
/// (`April 2, 2025`, `7 de abril de 2025`, `2025年4月9日`).
fn has_date(text: &str) -> bool {
    let text = ascii_digits(text);
    let numbers: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .collect();
    let is_year = |n: &&str| n.len() == 4 && (n.starts_with("19") || n.starts_with("20"));
    numbers.iter().any(is_year)
        && numbers.iter().any(|n| {
            !is_year(n) && n.len() <= 2 && n.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
        })
}

/// Whether line `i` is the copy of an ad whose label line ("**A word from
/// this week's sponsor**") was just removed: a paragraph of under 60 words
/// that links to another site (the sponsor's button).
fn under_ad_label(
    i: usize,
    kinds: &[Kind],
    infos: &[LineInfo],
    cues: &[Option<&str>],
    reasons: &[Option<&str>],
    own_host: Option<&str>,
) -> bool {
    let Some(label) = (0..i).rev().find(|&j| kinds[j] != Kind::Blank) else {
        return false;
    };
    kinds[i] == Kind::Prose
        && infos[i].words < 60
        && !infos[i].links.is_empty()
        && !links_mostly_home(std::slice::from_ref(&infos[i]), own_host)
        && kinds[label] != Kind::Prose
        && reasons[label].is_some()
        && cues[label].is_some_and(cues::may_be_named_in_passing)
}

/// Lines of `start..end` that are a box the site put inside the story: a
/// bold label over links to the site's own pages ("**Lesen Sie auch**",
/// "> **あわせて読みたい**"), a plain one-word label over a linked image or
/// between two paragraphs ("Anzeige", "광고", "Publicidade"), a read-also
/// line ("BACA JUGA: [headline](...)"), or a callout quote (see
/// [`callout_box`]). A label that ends in a colon introduces the story's
/// own list ("**Read on:**" over headline links, each with its paragraph)
/// unless it is a list of the site's own headlines only, and links to the
/// page's own sections are its contents. Only with more of the story after
/// the box: at the end, the trailing-links rule decides.
fn boxes_inside(
    lines: &[&str],
    kinds: &[Kind],
    infos: &[LineInfo],
    start: usize,
    end: usize,
    own_host: Option<&str>,
) -> Vec<bool> {
    let mut boxed = vec![false; lines.len()];
    let next_text = |from: usize| (from..end).find(|&j| kinds[j] != Kind::Blank);
    // Whether prose or code comes at or after each line, as a suffix, so
    // asking costs nothing however many labels the page has.
    let mut story_from = vec![false; end + 1];
    for j in (start..end).rev() {
        story_from[j] = story_from[j + 1] || matches!(kinds[j], Kind::Prose | Kind::Code);
    }
    let story_after = |from: usize| story_from[from.min(end)];
    let all_home = |infos: &[LineInfo]| {
        infos
            .iter()
            .flat_map(|l| &l.links)
            .all(|(_, u)| !u.starts_with('#'))
            && links_mostly_home(infos, own_host)
    };
    // An item of the list under "### References" (the advisory's fix
    // commit and release notes, on its own host): the story's sources,
    // not a box of the site's, even when a bullet reads as a label.
    let in_references = |i: usize| {
        is_list_item(lines[i])
            && (start..i)
                .rev()
                .find(|&j| !matches!(kinds[j], Kind::Blank | Kind::LinkOnly))
                .is_some_and(|j| kinds[j] == Kind::Heading && names_references(&infos[j].text))
    };
    let mut toc_walked = None;
    for i in start..end {
        if boxed[i] {
            continue;
        }
        // "**Read also:** [Another story of ours](/...)" on one line: a
        // label and a headline of the site's own between paragraphs.
        if matches!(kinds[i], Kind::Short | Kind::LinkOnly | Kind::Prose)
            && is_read_also(lines[i], &infos[i])
            && all_home(std::slice::from_ref(&infos[i]))
            && !in_references(i)
            // Between paragraphs, over a section of the story (its
            // heading, over a list), or the last line before the footer.
            && (story_after(i + 1)
                || next_text(i + 1).is_none_or(|k| kinds[k] == Kind::Heading))
        {
            boxed[i] = true;
            continue;
        }
        // A callout the site put in the story: a quote that opens with a
        // bold line and sends the reader to the site's own pages ("> **Is
        // your team ready?** Take our assessment. [Start now](/...)"). A
        // quoted statement opens with its words, not a bold label.
        // A channel's box may link the channel at an address the page
        // does not know for a platform's, when its words name the platform
        // ("> 📢 **... Telegram-каналта!** ... [подписка тӑвӑр](...)").
        // A section of the story under it (its heading, over a list of
        // links mentioned) is the story going on, as a paragraph is.
        if let Some(last) = callout_box(i, lines, kinds, infos, end).filter(|&last| {
            let follow = infos[i..=last]
                .iter()
                .flat_map(|l| &l.links)
                .all(|(_, u)| is_social_url(u));
            let channel = infos[i..=last].iter().any(names_a_platform);
            (all_home(&infos[i..=last]) || follow || channel)
                && (story_after(last + 1)
                    || next_text(last + 1).is_none_or(|k| kinds[k] == Kind::Heading))
        }) {
            for b in boxed.iter_mut().take(last + 1).skip(i) {
                *b = true;
            }
            continue;
        }
        // The table of contents a wiki generates inside the story (under
        // its box of facts): two or more list items in a row, each linking
        // to a fragment of the page only, their texts numbered in order
        // ("[1 History](#History)", "[2 Technical details](...)"), with
        // the short label over them ("Contents") if there is one. An
        // author's own list of the story's parts ("**Contents:**" over
        // "[Backdoor analysis](#analysis)") names them unnumbered and stays.
        if let Some(first) = toc_number(lines[i], &infos[i]) {
            // A run is walked once, from its first item.
            if toc_walked.is_some_and(|w| i <= w) {
                continue;
            }
            let (mut last, mut section) = (i, first.0);
            let mut numbered = first == (1, false);
            let mut j = next_text(i + 1);
            while let Some(k) = j.filter(|&k| is_toc_item(lines[k], &infos[k])) {
                // "2.1 Persistence" under "2 Technical details" counts on.
                numbered &= match toc_number(lines[k], &infos[k]) {
                    Some((n, false)) => n == section + 1,
                    Some((n, true)) => n == section,
                    None => false,
                };
                section = toc_number(lines[k], &infos[k]).map_or(section, |(n, _)| n);
                last = k;
                j = next_text(k + 1);
            }
            toc_walked = Some(last);
            if numbered && last > i && story_after(last + 1) {
                for b in boxed.iter_mut().take(last + 1).skip(i) {
                    *b = true;
                }
                let label = (start..i).rev().find(|&k| kinds[k] != Kind::Blank);
                if let Some(k) = label.filter(|&k| {
                    matches!(kinds[k], Kind::Short | Kind::Heading)
                        && (1..=3).contains(&infos[k].words)
                        && infos[k].links.is_empty()
                        && !is_list_or_table(lines[k])
                        && !infos[k].text.trim_end().ends_with(SENTENCE_ENDS)
                }) {
                    boxed[k] = true;
                }
            }
            continue;
        }
        // A section of the site's own links between two sections of the
        // story (a wiki's "## See also" over its other articles, before
        // its references): a heading over a list of two or more links, all
        // to the site's pages, with the next heading straight after them.
        if kinds[i] == Kind::Heading {
            let mut last = i;
            let mut j = next_text(i + 1);
            while let Some(k) = j.filter(|&k| kinds[k] == Kind::LinkOnly) {
                last = k;
                j = next_text(k + 1);
            }
            // Its items a list's: a section of separate links (detection
            // rules under "#### Sigma") is the story's.
            let link_lines = (i + 1..=last)
                .filter(|&k| kinds[k] == Kind::LinkOnly && is_list_item(lines[k]))
                .count();
            if link_lines >= 2
                && !names_references(&infos[i].text)
                && j.is_some_and(|k| kinds[k] == Kind::Heading)
                && all_home(&infos[i + 1..=last])
                && story_after(last + 1)
            {
                for b in boxed.iter_mut().take(last + 1).skip(i) {
                    *b = true;
                }
            }
            continue;
        }
        if kinds[i] != Kind::Short {
            continue;
        }
        let bare = lines[i].trim_start().trim_start_matches('>').trim();
        let text = infos[i].text.trim();
        let sentence = text.ends_with(SENTENCE_ENDS);
        // A label ending in a colon introduces the story's own list,
        // unless every link under it is the site's own ("**See also:**").
        let colon = text.ends_with(LABEL_COLONS);
        let label_only = is_bold_only(bare) && infos[i].links.is_empty() && !sentence;
        // "Most read:" written plain, after a paragraph: the same label
        // when a list of the site's headlines follows (below).
        let plain_label = colon
            && bare == text
            && infos[i].links.is_empty()
            && infos[i].images.is_empty()
            && !is_list_or_table(lines[i])
            && (start..i)
                .rev()
                .find(|&k| kinds[k] != Kind::Blank && !boxed[k])
                .is_some_and(|k| kinds[k] == Kind::Prose);
        // A drop cap the scraper set on a line of its own ("T" over "he
        // call came ..."): one capital straight over the rest of its word.
        let drop_cap = {
            let mut letters = text.chars();
            letters.next().is_some_and(char::is_uppercase)
                && letters.next().is_none()
                && lines
                    .get(i + 1)
                    .and_then(|l| l.trim_start().chars().next())
                    .is_some_and(char::is_lowercase)
        };
        let one_word = infos[i].words == 1
            && !drop_cap
            && bare == text
            && infos[i].links.is_empty()
            && infos[i].images.is_empty()
            && !text.ends_with(':')
            && !is_list_or_table(lines[i])
            && !text.chars().any(|c| c.is_ascii_digit());
        if !(label_only || one_word || plain_label) {
            continue;
        }
        // The links under the label.
        let mut last = i;
        let mut j = next_text(i + 1);
        while let Some(k) = j.filter(|&k| kinds[k] == Kind::LinkOnly) {
            last = k;
            j = next_text(k + 1);
        }
        let links = &infos[i + 1..=last.max(i)];
        let contents = links
            .iter()
            .flat_map(|l| &l.links)
            .any(|(_, u)| u.starts_with('#'));
        let linked = last > i
            && !contents
            && if one_word {
                // An ad: a linked image under its label.
                links
                    .iter()
                    .all(|l| l.links.is_empty() || !l.images.is_empty())
                    && links
                        .iter()
                        .any(|l| !l.images.is_empty() && !l.links.is_empty())
            } else if colon {
                // A list of the site's headlines; a roundup's own items are
                // headline links each over its paragraph, not a list. Under
                // a plain label, two or more of them, each a headline (four
                // words or more): a list of the story's own is no box.
                let items: Vec<usize> = (i + 1..=last)
                    .filter(|&k| !infos[k].links.is_empty())
                    .collect();
                let headlines = items.len() >= 2
                    && items.iter().all(|&k| {
                        infos[k]
                            .links
                            .iter()
                            .all(|(t, _)| t.split_whitespace().map(word_count).sum::<usize>() >= 4)
                    });
                infos[i].words <= 4
                    && (label_only || headlines)
                    && items.iter().all(|&k| {
                        is_list_item(lines[k]) && all_home(std::slice::from_ref(&infos[k]))
                    })
            } else {
                links_mostly_home(links, own_host)
            };
        let between_paragraphs = one_word
            && last == i
            && (start..i)
                .rev()
                .find(|&k| kinds[k] != Kind::Blank && !boxed[k])
                .is_some_and(|k| kinds[k] == Kind::Prose)
            && j.is_some_and(|k| kinds[k] == Kind::Prose);
        if (linked || between_paragraphs) && story_after(last + 1) {
            for b in boxed.iter_mut().take(last + 1).skip(i) {
                *b = true;
            }
        }
    }
    boxed
}

/// Lines of `start..end` that are a form the site put inside the story,
/// with the box around it: a run of input fields (an e-mail field, or two
/// or more labels marked required, "First name*", or check boxes, "[ ]
/// The steps did not help"), the short lines between
/// them ("Job title", "Select..."), up to two lines after them (its button,
/// "Download the report"; its consent notice), and, when a heading or a
/// bold label opens it at most two lines above, the promo that asks for
/// them ("### Get the full report", "**Our newsletter**"), or the prompt
/// right over them ("Tell us how we can improve this article:"). A story quotes
/// no form field on a line of its own.
fn form_boxes(
    lines: &[&str],
    kinds: &[Kind],
    infos: &[LineInfo],
    cues: &[Option<&str>],
    start: usize,
    end: usize,
) -> Vec<bool> {
    let mut boxed = vec![false; lines.len()];
    let text: Vec<usize> = (start..end).filter(|&i| kinds[i] != Kind::Blank).collect();
    let plain_short = |i: usize, most_words: usize| {
        kinds[i] == Kind::Short
            && infos[i].links.is_empty()
            && infos[i].images.is_empty()
            && infos[i].words <= most_words
            && !is_list_or_table(lines[i])
            && {
                // A placeholder ("Select...") trails off; a sentence ends.
                let t = infos[i].text.trim_end();
                t.ends_with("...") || t.ends_with('…') || !t.ends_with(['.', '!', '?', ':'])
            }
    };
    let email_field = |i: usize| {
        plain_short(i, 5)
            && !infos[i].text.contains('@')
            && infos[i].text.split_whitespace().any(|w| {
                let w = w.to_lowercase();
                w.contains("email") || w.contains("e-mail")
            })
    };
    // The star is markup to the measures, so it is read on the line.
    let required_field = |i: usize| {
        plain_short(i, 3)
            && lines[i].trim().strip_suffix('*').is_some_and(|label| {
                !label.is_empty() && label.chars().all(|c| c.is_alphabetic() || c == ' ')
            })
    };
    // A form's input and button as the scraper leaves them, in any
    // language: bracketed words with no address ("[Your e-mail] [Send]"),
    // beside a button or its link.
    let input_row = |i: usize| {
        let t = strip_block_markers(lines[i]).trim();
        let mut rest = t;
        let (mut inputs, mut groups) = (0, 0);
        while let Some(after) = rest.strip_prefix('[') {
            groups += 1;
            let Some((inside, tail)) = after.split_once(']') else {
                return false;
            };
            if inside.contains('[')
                || inside.split_whitespace().count() > 5
                || !inside.chars().any(char::is_alphabetic)
            {
                return false;
            }
            rest = match tail.strip_prefix('(') {
                Some(url) => match url.split_once(')') {
                    Some((_, tail)) => tail,
                    None => return false,
                },
                None => {
                    inputs += 1;
                    tail
                }
            };
            rest = rest.trim_start();
        }
        // The field and its button: one bracket alone is a quoted button.
        rest.is_empty()
            && inputs >= 1
            && groups >= 2
            && infos[i].images.is_empty()
            && infos[i].words <= 8
    };
    let email_field = |i: usize| email_field(i) || input_row(i);
    // A feedback form's check box as the scraper leaves it: "[ ] The steps
    // did not resolve my issue", its empty (or ticked) box first and no
    // list marker before it (a task list's items are "- [ ] ...").
    let check_box = |i: usize| {
        let t = lines[i].trim();
        ["[ ] ", "[x] ", "[X] "].iter().any(|b| t.starts_with(b))
            && kinds[i] == Kind::Short
            && infos[i].links.is_empty()
            && infos[i].images.is_empty()
            && infos[i].words <= 8
    };
    let mut n = 0;
    while n < text.len() {
        let i = text[n];
        if !(email_field(i) || required_field(i) || check_box(i)) {
            n += 1;
            continue;
        }
        // The run of fields, short lines between them allowed.
        let (first, mut last) = (n, n);
        let mut emails = usize::from(email_field(i));
        let mut required = usize::from(required_field(i));
        let mut boxes = usize::from(check_box(i));
        let mut m = n + 1;
        while m < text.len() && (plain_short(text[m], 3) || check_box(text[m])) {
            let j = text[m];
            if email_field(j) || required_field(j) || check_box(j) {
                emails += usize::from(email_field(j));
                required += usize::from(required_field(j));
                boxes += usize::from(check_box(j));
                last = m;
            }
            m += 1;
        }
        if emails == 0 && required < 2 && boxes < 2 {
            n = last + 1;
            continue;
        }
        // Its button and its consent notice, after its last short line.
        let after = m - 1;
        let mut close = after;
        while close + 1 < text.len()
            && close < after + 2
            && (plain_short(text[close + 1], 4) || cues[text[close + 1]].is_some())
            && infos[text[close + 1]].words < 60
        {
            close += 1;
        }
        // Its promo, under a label that opens the box. The prompt right
        // over the fields asks for them ("Tell us how we can improve this
        // article:"), a short line ending with a colon.
        let mut open = first;
        // A gated report's teaser right over its fields: a heading of a
        // few words, a line that introduces what the download holds
        // ("The full report includes:") and the list of it, short items
        // with no link. The story's lists do not run into a form.
        let mut items = first;
        while items > 0 && {
            let k = text[items - 1];
            is_list_item(lines[k])
                && infos[k].links.is_empty()
                && infos[k].words <= 20
                && kinds[k] != Kind::Prose
        } {
            items -= 1;
        }
        if first - items >= 2 && items >= 2 {
            let (heading, intro) = (text[items - 2], text[items - 1]);
            if kinds[heading] == Kind::Heading
                && infos[heading].words <= 8
                && matches!(kinds[intro], Kind::Prose | Kind::Short)
                && infos[intro].links.is_empty()
                && infos[intro].words <= 12
                && infos[intro].text.trim_end().ends_with(LABEL_COLONS)
            {
                open = items - 2;
            }
        }
        let teaser = open < first;
        for back in (1..=3).filter(|_| !teaser) {
            let Some(k) = first.checked_sub(back).map(|at| text[at]) else {
                break;
            };
            let prompt = back == 1
                && matches!(kinds[k], Kind::Prose | Kind::Short)
                && infos[k].links.is_empty()
                && infos[k].words <= 12
                && !is_list_or_table(lines[k])
                && infos[k].text.trim_end().ends_with(LABEL_COLONS);
            if prompt {
                open = first - back;
            }
            // A pictograph may lead the label ("> 📬 **Sign up!**").
            let bold = is_bold_only(strip_block_markers(lines[k]).trim_start_matches(|c: char| {
                is_pictograph(c) || c == '\u{fe0f}' || c.is_whitespace()
            }));
            let label = (kinds[k] == Kind::Heading || bold)
                && infos[k].words <= 8
                && !infos[k].text.trim_end().ends_with(':');
            if label {
                open = first - back;
                break;
            }
            let promo = matches!(kinds[k], Kind::Prose | Kind::Short)
                && infos[k].words < 60
                && !is_list_or_table(lines[k]);
            if !promo {
                break;
            }
        }
        for &k in &text[open..=close] {
            boxed[k] = true;
        }
        n = close + 1;
    }
    boxed
}

/// The last line of a quote that starts at `i` with a bold label and
/// carries a link, under 60 words in all, with no code: the shape of a
/// promo box, not of a quoted statement.
fn callout_box(
    i: usize,
    lines: &[&str],
    kinds: &[Kind],
    infos: &[LineInfo],
    end: usize,
) -> Option<usize> {
    let quoted = |k: usize| lines[k].trim_start().starts_with('>');
    // Its name bold or a heading, a pictograph before it or not ("> 🔒
    // **Subscribers only.**", "> ### 📩 Our newsletter"): no quoted
    // statement opens so.
    let opener = lines[i]
        .trim_start()
        .trim_start_matches('>')
        .trim_start_matches(|c: char| is_pictograph(c) || c == '\u{fe0f}' || c.is_whitespace());
    let opens = quoted(i)
        && kinds[i] != Kind::Blank
        && (i == 0 || !quoted(i - 1))
        && (opener.starts_with("**") || opener.starts_with('#'));
    if !opens {
        return None;
    }
    let last = (i..end).take_while(|&k| quoted(k)).last()?;
    let words: usize = infos[i..=last].iter().map(|l| l.words).sum();
    let linked = infos[i..=last].iter().any(|l| !l.links.is_empty());
    let code = kinds[i..=last].contains(&Kind::Code);
    (linked && !code && words < 60).then_some(last)
}

/// "**Related:** [A headline](url)": a short label with a colon, then one
/// link whose text is a headline (four words or more), and nothing else.
fn is_read_also(line: &str, info: &LineInfo) -> bool {
    // A pictograph may lead the label ("📌 **Read also:** [...]").
    let line = line
        .trim_start()
        .trim_start_matches('>')
        .trim_start_matches(|c: char| is_pictograph(c) || c == '\u{fe0f}' || c.is_whitespace());
    // Bold or plain: "BACA JUGA: [...](...)" is the same box.
    let plain = || line.split_once('[').map(|(before, _)| before.trim());
    let Some(label) = bold_label(line).map(str::trim).or_else(plain) else {
        return false;
    };
    // A list item's marker ("- [Advisory: ...](...)") is no label.
    info.links.len() == 1
        && label.chars().any(char::is_alphanumeric)
        // A colon in any script: Armenian "՝", Ethiopic "፦", Khmer "៖",
        // full-width "："; or a dash ("More news – [...]").
        && label.ends_with([':', '?', '՝', '፦', '៖', '：', '-', '–', '—'])
        && label.split_whitespace().count() <= 4
        && info.links[0]
            .0
            .split_whitespace()
            .map(word_count)
            .sum::<usize>()
            >= 4
        && words_outside_links(info) <= 4
}

/// "* [Bridge closed for repairs](/local/bridge) · 3 Nov 2026": a list
/// item that is one link to the site's own page with a few words after
/// it (a date, a length, "weekly, 20 minutes") and no sentence, in any
/// language: an item of the site's list of its headlines.
fn is_headline_item(line: &str, info: &LineInfo, own_host: Option<&str>) -> bool {
    is_list_item(line)
        && info.links.len() == 1
        && info.images.is_empty()
        && strip_block_markers(line).starts_with('[')
        && (1..=6).contains(&words_outside_links(info))
        && !info.text.trim_end().ends_with(SENTENCE_ENDS)
        && links_mostly_home(std::slice::from_ref(info), own_host)
}

/// Whether the link-only line `last` ends a list of links to other sites
/// that a heading introduces ("## References", "## Links mentioned").
fn is_reference_list(
    last: usize,
    lines: &[&str],
    kinds: &[Kind],
    infos: &[LineInfo],
    cues: &[Option<&str>],
    own_host: Option<&str>,
) -> bool {
    let mut first = last;
    while first > 0 && matches!(kinds[first - 1], Kind::LinkOnly | Kind::Blank) {
        first -= 1;
    }
    let Some(heading) = (0..first)
        .rev()
        .find(|&j| kinds[j] != Kind::Blank)
        .and_then(|j| heading_at(j, lines, kinds))
    else {
        return false;
    };
    cues[heading].is_none()
        && !is_footer(&infos[heading].text)
        && (!links_mostly_home(&infos[first..=last], own_host)
            || names_references(&infos[heading].text))
}

/// The heading that line `j` is or closes: an ATX heading, or a setext
/// heading's text when `j` is its underline ("References" over "---").
fn heading_at(j: usize, lines: &[&str], kinds: &[Kind]) -> Option<usize> {
    if kinds[j] == Kind::Heading {
        Some(j)
    } else {
        (j > 0 && is_setext_underline(lines[j]) && kinds[j - 1] == Kind::Short).then(|| j - 1)
    }
}

/// A heading that names a page's references ("References", "Referenzen",
/// "参考资料"): the list under it is the article's sources, even when
/// they are pages of the same site (a code forge's advisory citing the
/// fixing commit and the release).
fn names_references(heading: &str) -> bool {
    const REFERENCES: &[&str] = &[
        "references",
        "reference",
        "sources",
        "referenzen",
        "quellen",
        "références",
        "referencias",
        "referências",
        "riferimenti",
        "referenties",
        "referenser",
        "referanser",
        "viitteet",
        "odkazy",
        "kaynaklar",
        "参考",
        "参考资料",
        "参考链接",
        "参考文献",
        "参照",
        "참고",
        "참고 자료",
    ];
    let t = heading
        .trim()
        .trim_end_matches([':', '：', ' '])
        .to_lowercase();
    REFERENCES.contains(&t.as_str())
}

/// "Options: Subscribe to RSS Feed · Mark Topic as New · ... · Printer
/// Friendly Page": four fields or more between dots or pipes, each a few
/// words and none a sentence, however many words the row has in all: a
/// menu of the page's, no paragraph of the story.
fn is_menu_row(text: &str) -> bool {
    let fields: Vec<&str> = text
        .split(['·', '|', '•'])
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    fields.len() >= 4
        && fields
            .iter()
            .all(|f| f.split_whitespace().count() <= 6 && !f.ends_with(SENTENCE_ENDS))
}

/// Whether a line is set whole in italics (`*...*` or `_..._`, not bold).
fn is_italic_line(t: &str) -> bool {
    t.len() > 2
        && (t.starts_with('*') && !t.starts_with("**") && t.ends_with('*')
            || t.starts_with('_') && !t.starts_with("__") && t.ends_with('_'))
}

/// Text in capitals: two letters or more, none lowercase ("THIS WEEK'S
/// LEAD"); a script with no case has none.
fn is_in_capitals(text: &str) -> bool {
    text.chars().filter(|c| c.is_uppercase()).count() >= 2 && !text.chars().any(char::is_lowercase)
}

/// Why a link to the previous or next item goes.
const PAGER: &str = "link to the previous or next item";

/// "Feed item 142 of 150 in this channel", "Page 3 of 7": a short line,
/// no link and no sentence, that counts the item among the others, two
/// whole numbers with one word between them, the first no greater.
fn is_item_counter(text: &str, info: &LineInfo) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    info.links.is_empty()
        && info.words <= 8
        && !text.trim_end().ends_with(SENTENCE_ENDS)
        && words.windows(3).any(|w| {
            let (a, b) = (w[0].parse::<u32>(), w[2].parse::<u32>());
            matches!((a, b), (Ok(a), Ok(b)) if a >= 1 && a <= b)
                && w[1].chars().all(char::is_alphabetic)
        })
}

/// Why a paginated story's "Page 1 of 2" goes.
const PAGE_MARKER: &str = "page marker of a paginated story";
/// Why a row of share buttons goes.
const SHARE_ROW: &str = "share or follow buttons";
const BANNER_AD: &str = "banner ad";

/// Folders a site files its tag, topic and category pages under.
const TAG_PATHS: &[&str] = &[
    "/tag/",
    "/tags/",
    "/tag-",
    "/tagged/",
    "/category/",
    "/categories/",
    "/label/",
    "/topic/",
    "/topics/",
    "/thema/",
    "/themen/",
    "/etiqueta/",
    "/categoria/",
    "/rubrique/",
    "/tema/",
    "/kategorie/",
    "/keyword/",
];

/// Whether a link goes to one of the site's tag, topic or category pages.
fn is_tag_url(url: &str) -> bool {
    let u = url.to_lowercase();
    TAG_PATHS.iter().any(|p| u.contains(p))
}

/// An item of a tag list written one tag a line (`* [powershell](/questions/tagged/powershell)`):
/// a list item that is one short link to the site's own tag page. A row
/// of such links on one line is [`is_tag_row`].
fn is_tag_item(line: &str, kind: Kind, info: &LineInfo, own_host: Option<&str>) -> bool {
    kind == Kind::LinkOnly
        && is_list_item(line)
        && info.links.len() == 1
        && info.links[0].0.split_whitespace().count() <= 3
        && is_tag_url(&info.links[0].1)
        && links_mostly_home(std::slice::from_ref(info), own_host)
}

/// A row of two or more links to the site's own tag, topic or category
/// pages (`/tag/ransomware/`, `/thema/VPN`, `/categoria/golpes/`).
fn is_tag_row(info: &LineInfo, own_host: Option<&str>) -> bool {
    if !(info.links.len() >= 2
        && words_outside_links(info) <= 3
        && links_mostly_home(std::slice::from_ref(info), own_host))
    {
        return false;
    }
    let known_paths = info.links.iter().all(|(_, u)| is_tag_url(u));
    // In any language: short names, each a page under one shared folder
    // (`/etiket/e-devlet`, `/etiket/oltalama`), as a site files its tags.
    let shared_folder = info.links.len() >= 3 || words_outside_links(info) >= 1;
    known_paths
        || (shared_folder
            && info
                .links
                .iter()
                .all(|(t, _)| t.split_whitespace().count() <= 3)
            && info
                .links
                .iter()
                .map(|(_, u)| first_folder(u))
                .try_fold(None, |seen: Option<&str>, f| match (seen, f) {
                    (_, None) => Err(()),
                    (None, Some(f)) => Ok(Some(f)),
                    (Some(s), Some(f)) if s == f => Ok(Some(s)),
                    _ => Err(()),
                })
                .is_ok())
}

/// The first folder of a URL's path when a page sits under it
/// (`tag` for `https://site/tag/x`), else `None`.
fn first_folder(url: &str) -> Option<&str> {
    let path = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .map_or(url, |rest| rest.find('/').map_or("", |at| &rest[at..]));
    let mut parts = path.trim_start_matches('/').split('/');
    let folder = parts.next().filter(|f| !f.is_empty())?;
    parts.next().filter(|p| !p.is_empty()).map(|_| folder)
}

/// The host most of a page's absolute links point at (without `www.`):
/// the site's own, since its menus and lists link home.
fn most_linked_host(infos: &[LineInfo]) -> Option<String> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (_, url) in infos.iter().flat_map(|i| &i.links) {
        if let Some(host) = host_of(url) {
            *counts.entry(host).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(h, _)| h.to_owned())
}

/// The host of an absolute http(s) URL, without `www.`.
fn host_of(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    Some(host.strip_prefix("www.").unwrap_or(host))
}

/// Whether most links on `lines` go to `own` (relative links count as
/// home).
fn links_mostly_home(lines: &[LineInfo], own: Option<&str>) -> bool {
    let (mut home, mut all) = (0, 0);
    for (_, url) in lines.iter().flat_map(|i| &i.links) {
        all += 1;
        // The host itself or one under or over it (`ads.site` for `site`).
        let under = |a: &str, b: &str| a.strip_suffix(b).is_some_and(|p| p.ends_with('.'));
        let home_host = |h: &str| own.is_some_and(|o| h == o || under(h, o) || under(o, h));
        if host_of(url).is_none_or(home_host) {
            home += 1;
        }
    }
    home * 2 > all
}

/// A short line whose last word is a bare URL.
fn ends_with_bare_url(info: &LineInfo) -> bool {
    let mut words = info.text.split_whitespace().rev();
    let last = words.next().unwrap_or("");
    (last.starts_with("https://") || last.starts_with("http://")) && info.words <= 13
}

/// Labels of a byline or page field ("Posted: ...", "By: ..."): the page's
/// own data, not the article's.
const BYLINE_LABELS: &[&str] = &[
    "date",
    "source",
    "link",
    "author",
    "by",
    "published",
    "posted",
    "updated",
    "category",
    "categories",
    "tags",
    "filed",
    "image",
    "photo",
    "credit",
    "via",
];

/// A field of the article in bold label form, such as an advisory's
/// `**Severity:** Critical` or `**CVE:** CVE-2025-1234`; not a byline field
/// (`**Published:** ...`).
fn is_article_field(line: &str, info: &LineInfo) -> bool {
    let t = line.trim_start();
    let Some(rest) = t.strip_prefix("**").or_else(|| t.strip_prefix("__")) else {
        return false;
    };
    // The label is the bold text ("**Severity:** High", "**CVE**: ..."),
    // never a link's URL inside it.
    let (bold, after) = rest
        .split_once("**")
        .or_else(|| rest.split_once("__"))
        .unwrap_or((rest, ""));
    let Some(label) = bold
        .strip_suffix(':')
        .or_else(|| after.starts_with(':').then_some(bold))
    else {
        return false;
    };
    let label = label.trim().to_lowercase();
    !label.is_empty()
        && label.split_whitespace().count() <= 3
        && !BYLINE_LABELS.contains(&label.as_str())
        && info.words <= 12
}

/// A line that reads like a sentence of an article: enough words, and not
/// mostly link text unless it is a sentence around a link ("The headline is
/// pretty scary: “[China's ... Encryption](...).”").
fn is_prose(info: &LineInfo) -> bool {
    let chars = info.text.chars().count();
    if chars == 0 {
        return false;
    }
    let ends_like_sentence = info.text.trim_end().ends_with([
        '.', '!', '?', ':', '"', '”', '…', ')', ';', '。', '！', '？', '：', '；', '）', '」',
    ]);
    let long_enough = info.words >= 12 || (info.words >= 6 && ends_like_sentence);
    // "Date: August 2, 2021 -- 11:20 GMT (12:20 BST)" is a label, not prose.
    let label = info
        .text
        .trim_start()
        .split_once(':')
        .is_some_and(|(k, _)| BYLINE_LABELS.contains(&k.trim().to_lowercase().as_str()));
    if label && info.words < 12 {
        return false;
    }
    let mostly_links = info.link_chars * 10 > chars * 6;
    long_enough && (!mostly_links || (ends_like_sentence && words_outside_links(info) >= 4))
}

fn words_outside_links(info: &LineInfo) -> usize {
    info.words.saturating_sub(info.link_words)
}

/// A line that opens a page footer. Matched on the visible text's start.
fn is_footer(text: &str) -> bool {
    const STARTS: &[&str] = &[
        "found this article interesting",
        "share this",
        "share on",
        "share:",
        "sharing is caring",
        "trending news",
        "related articles",
        "related posts",
        "related stories",
        "related news",
        "related reading",
        "you may also like",
        "you might also like",
        "recommended for you",
        "popular posts",
        "most popular",
        "most read",
        "post navigation",
        "previous post",
        "next post",
        "previous article",
        "next article",
        "this entry was posted",
        "posted in ",
        "filed under",
        "tags:",
        "tagged:",
        "tagged with",
        "leave a reply",
        "leave a comment",
        "about the author",
        "more from ",
        "read next",
        "subscribe to our newsletter",
        "check out our free",
        "register now",
        "sign up for our newsletter",
        "related coverage",
        "related on ",
        "keywords:",
        "keyword:",
        "tag:",
        "parole chiave",
        "articoli correlati",
        "condividi su",
        "condividi:",
        "lascia un commento",
        "about us",
        "about the author",
        "about the hosts",
        "about the host",
        "about the speaker",
        "about the speakers",
        "about the presenter",
        "about the authors",
        "about the contributor",
        "keep reading with",
        "subscribe to keep reading",
        "this post is for paid subscribers",
        "this post is for paying subscribers",
        "article printed from",
        "url to article:",
        "media contact",
        "press contact",
        "forward-looking statements",
        "chi siamo",
        "disclaimer",
        "haftungsausschluss",
        "vrijwaringsverklaring",
        "clause de non-responsabilité",
        "exención de responsabilidad",
        "isenção de responsabilidade",
        "esclusione di responsabilità",
        "免責事項",
        "면책 조항",
        "关于我们",
        "相关阅读",
        "相关文章",
        "推荐阅读",
        "往期推荐",
        "关键词",
        "关键字",
        "分享到",
    ];
    const EXACT: &[&str] = &[
        "share",
        "comments",
        "trending",
        "related",
        "tags",
        "responses",
        "kommentare",
        "commentaires",
        "comentarios",
        "comentários",
        "コメント",
        "댓글",
    ];
    let t = text
        .trim()
        .trim_start_matches(['#', '*', '_', ' '])
        .to_lowercase();
    if t.is_empty() {
        return false;
    }
    let bare = t.trim_end_matches([':', '.', ' ']);
    EXACT.contains(&bare)
        || STARTS.iter().any(|s| t.starts_with(s))
        || is_comment_count(bare)
        || is_about_the_company(text, &t)
}

/// "About Meridian Freight Holdings, Inc.", "Über Beispiel GmbH": the
/// boilerplate a press release ends with, told from an article's "About
/// the vulnerability" by the name after it (every word capitalised).
fn is_about_the_company(text: &str, lower: &str) -> bool {
    const ABOUT: &[&str] = &[
        "about ",
        "über ",
        "à propos de ",
        "acerca de ",
        "sobre ",
        "informazioni su ",
    ];
    let Some(prefix) = ABOUT.iter().find(|p| lower.starts_with(*p)) else {
        return false;
    };
    let t = text
        .trim()
        .trim_start_matches(['#', '*', '_', ' '])
        .trim_end_matches(['*', '_', ':', ' ']);
    let Some((at, _)) = t.char_indices().nth(prefix.chars().count()) else {
        return false;
    };
    let name = &t[at..];
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && !w.chars().any(|c| c.is_ascii_digit()))
        })
}

/// "11 Comments", "1 comment", "5 Responses", "12 thoughts on “...”".
fn is_comment_count(t: &str) -> bool {
    let mut parts = t.split_whitespace();
    let (Some(n), Some(what)) = (parts.next(), parts.next()) else {
        return false;
    };
    let rest = parts.next();
    n.chars().all(|c| c.is_ascii_digit())
        && match what {
            "comments" | "comment" | "responses" | "response" | "replies" | "kommentare"
            | "commentaires" | "comentarios" | "comentários" | "commenti" => rest.is_none(),
            "thoughts" => rest == Some("on"),
            _ => false,
        }
}

/// Why a line inside the article is noise, if it is.
fn noise(line: &str, info: &LineInfo, kind: Kind) -> Option<&'static str> {
    let t = info.text.trim();
    let lower = t.to_lowercase();
    if !info.images.is_empty()
        && info
            .images
            .iter()
            .all(|u| u.is_empty() || u.trim_start().to_ascii_lowercase().starts_with("data:"))
        && t.is_empty()
    {
        return Some("placeholder image (data: or empty URL)");
    }
    if kind == Kind::LinkOnly
        && !is_toc_item(line, info)
        && !info.links.is_empty()
        && info.links.iter().all(|(_, u)| is_share_url(u))
    {
        return Some(SHARE_ROW);
    }
    // "Listen ▶ 24:10", "▶ 0:00 / 24:13 · [Download](...)": a player's
    // button or its controls, a play mark and a time with a word or a
    // link or two, in any language and any script's digits. Before the
    // byline's shape, which its fields have too.
    if kind == Kind::Short && info.words <= 12 && is_player_row(t) {
        return Some(PLAYER);
    }
    // "🔊 [Listen to the story](#audio-player) (3 min)": a length button
    // with its link or its pictograph, wherever it sits.
    if kind != Kind::Heading
        && is_length_button(line, info)
        && (info.links.len() == 1 || t.starts_with(is_pictograph))
    {
        return Some(PLAYER);
    }
    if kind == Kind::Short && is_meta_row(line, info) {
        return Some("byline, date or credit line");
    }
    // "Sort by: **Best** ▾": a drop-down control, a word or a few closed
    // by its arrow, in any language; a sentence says more.
    if kind == Kind::Short
        && info.links.is_empty()
        && info.words <= 4
        && t.ends_with(['▾', '⌄', '⏷'])
        && !is_list_or_table(line)
    {
        return Some("page widget text");
    }
    const NOISE: &[&str] = &[
        "advertisement",
        "advertising",
        "sponsored",
        "story continues below",
        "article continues below",
        "continue reading below",
        "scroll to continue",
        "scroll to continue with content",
    ];
    // The label may sit between dashes or stars ("— Sponsored —").
    let label = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if NOISE.contains(&label) || AD_LABELS.contains(&label) || is_form_field(info) {
        return Some("page widget text");
    }
    // A banner: an image served from an ad folder or linked to an ad
    // server's click counter (`ads.site/click?...`, `/ads/300x250.gif`).
    if kind == Kind::LinkOnly
        && !info.images.is_empty()
        && (info.images.iter().any(|u| is_ad_url(u))
            || info.links.iter().any(|(_, u)| is_ad_url(u)))
    {
        return Some(BANNER_AD);
    }
    // "[Show 5 more updates](?page=with:block-1610#liveblog)": a button
    // that reloads the page itself with another query, a few words on a
    // line of their own; the story's links go to other pages, and its
    // contents list ("* [Part III](?page=2#toc-3)") to its parts.
    if kind == Kind::LinkOnly
        && info.links.len() == 1
        && info.words <= 6
        && !is_list_item(line)
        && info.links[0].1.trim_start().starts_with('?')
    {
        return Some("page widget text");
    }
    // "Page 1 of 2": a paginated story's marker, a word or two around
    // two numbers, the first no more than the second, in any language
    // ("Seite 1 von 2", "Página 1 de 2").
    if kind == Kind::Short && info.links.is_empty() && is_page_marker(t) {
        return Some(PAGE_MARKER);
    }
    if is_signed_comment(line, info) {
        return Some("comment under a post");
    }
    // "Sorted by: [Highest score (default)](#)": a control whose links go
    // nowhere (a bare "#", a script's), under a label of a few words.
    if kind != Kind::Heading
        && !info.links.is_empty()
        && info.links.iter().all(|(_, u)| u.trim() == "#")
        && words_outside_links(info) <= 3
        && info.words <= 8
    {
        return Some("page widget text");
    }
    // "💬 **Name** · Sep 20 — ... · [Reply](#) · [Resolve](#)": an inline
    // comment that closes with two buttons or more going nowhere, a word
    // or two each.
    if kind != Kind::Heading
        && info.links.len() >= 2
        && info.words <= 40
        && info
            .links
            .iter()
            .all(|(t, u)| u.trim() == "#" && (1..=2).contains(&t.split_whitespace().count()))
        && line.trim_end().ends_with("](#)")
    {
        return Some("comment with its buttons");
    }
    // A "Share" or "Comments" button left inside the story (see the end
    // rule: sections of the story follow it).
    if kind == Kind::LinkOnly && info.links.len() == 1 && info.words == 1 && is_footer(t) {
        return Some("page widget text");
    }
    // "0:41" alone: a transcript's or a player's time stamp.
    if is_time_stamp(t) {
        return Some("page widget text");
    }
    if is_video_promo(line, info, kind) {
        return Some(VIDEO_PROMO);
    }
    // "[0:41](...&t=41s) Bug 1: auth bypass": a player's chapter mark, a
    // link that seeks the player, with the chapter's name after it. A
    // show's own list of segments is written plain ("* (04:30) ...").
    if kind != Kind::Heading
        && info.words <= 12
        && line.trim_start().starts_with('[')
        && info
            .links
            .first()
            .is_some_and(|(text, _)| is_time_stamp(text.trim()))
    {
        return Some("video player's chapter marks");
    }
    // "👍 23 ❤️ 4 👀 6": a row of reactions, each an emoji and its count.
    if is_reaction_row(t) {
        return Some("page widget text");
    }
    // "Photograph: Jordan Pike/Agency", "Foto: ...": a photo's credit.
    const CREDIT_LABELS: &[&str] = &[
        "photo",
        "photograph",
        "photos",
        "image",
        "picture",
        "credit",
        "photo credit",
        "image credit",
        "foto",
        "fotos",
        "bild",
        "fotografía",
        "crédit photo",
        "crédito",
        "фото",
        "사진",
        "写真",
        "图片",
        "图源",
    ];
    // Not on the figure's own line: dropping it would drop the figure.
    if kind == Kind::Short
        && info.words <= 10
        && info.images.is_empty()
        && lower.split_once(':').is_some_and(|(label, rest)| {
            CREDIT_LABELS.contains(&label.trim()) && !rest.trim().is_empty()
        })
    {
        return Some("byline, date or credit line");
    }
    // "TLP:CLEAR" alone: the Traffic Light Protocol marking an advisory
    // repeats on every page of its PDF, left between its paragraphs.
    if is_tlp_marking(&lower) {
        return Some("page marking (TLP) of a converted document");
    }
    // "Reporting by A in Oslo; Editing by B": a wire story's credits.
    if kind != Kind::Heading
        && info.words <= 40
        && ["reporting by ", "additional reporting by ", "writing by "]
            .iter()
            .any(|p| lower.starts_with(p))
        && lower.contains("editing by ")
    {
        return Some("byline, date or credit line");
    }
    if hashtag_row(t).is_some() {
        return Some(HASHTAG_ROW);
    }
    // "1.4K": a vote or like counter.
    if let Some(n) = lower.strip_suffix(['k', 'm'])
        && !n.is_empty()
        && n.chars().all(|c| c.is_ascii_digit() || c == '.')
    {
        return Some("page widget text");
    }
    // "Sponsored · [Try the product free for 30 days](...)": an ad whose
    // label opens the line, the rest of it links, in any language the ad
    // labels are written in.
    let ad_label = |w: &str| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        AD_LABELS.contains(&w.as_str())
            || NOISE[..3].contains(&w.as_str())
            || matches!(w.as_str(), "sponsor" | "ad" | "promoted")
    };
    if !info.links.is_empty()
        && info.words < 30
        && words_outside_links(info) == 1
        && t.split_whitespace().next().is_some_and(ad_label)
    {
        return Some("ad under its own label");
    }
    // "**Sponsor:** This episode is brought to you by ...", "**【PR】** ...":
    // an ad that says so in its bold label.
    if let Some(label) = bold_label(line) {
        let label = label
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if AD_LABELS.contains(&label.as_str())
            || NOISE[..3].contains(&label.as_str())
            || matches!(
                label.as_str(),
                "sponsor" | "ad" | "promoted" | "partner content"
            )
        {
            return Some("ad under its own label");
        }
    }
    const WIDGETS: &[&str] = &[
        "press enter or click to view image in full size",
        "listen",
        "follow",
        "follow publication",
        "image",
        "skip to content",
        "skip to main content",
        "sign up",
        "sign in",
        "subscribe",
        // A collapsed description's or a transcript's toggle.
        "show less",
        // A code block's button, left over it.
        "copy",
        "copy code",
        "show transcript",
        "hide transcript",
        "--",
        "·",
    ];
    if WIDGETS.contains(&lower.as_str()) {
        return Some("page widget text");
    }
    // Icon-font leftovers such as "**" or "** **".
    if !line.trim().is_empty()
        && t.chars().all(|c| c == '*' || c.is_whitespace())
        && info.images.is_empty()
    {
        return Some("empty formatting (icon leftovers)");
    }
    None
}

const HASHTAG_ROW: &str = "row of hashtags";

/// "#phishing #threatintel": a row of hashtags, linked or not, alone or
/// under a label of a word or two in any language ("**Tags:** #cve
/// #patch"); gives whether it has the label.
fn hashtag_row(text: &str) -> Option<bool> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let label = words
        .iter()
        .position(|w| w.starts_with('#'))
        .filter(|&n| n <= 2 && (n == 0 || words[n - 1].ends_with(LABEL_COLONS)))?;
    let tags = &words[label..];
    (tags.len() >= 2 && tags.iter().all(|w| w.starts_with('#') && w.len() > 1)).then_some(label > 0)
}

/// A short line that gives a phone number after its label ("Press office,
/// tel. 45 15 00 00", "Phone: +44 20 7946 0000"): six digits or more after
/// "tel", "tlf", "phone", "telefon" or "puh" in the languages that write
/// them so; or, with no label, a number in its international form with an
/// e-mail address.
fn is_contact_line(text: &str) -> bool {
    const PHONE_LABELS: &[&str] = &[
        "tel",
        "tlf",
        "phone",
        "telephone",
        "telefon",
        "telefone",
        "teléfono",
        "téléphone",
        "tél",
        "puh",
        "ph",
        "telp",
    ];
    let words: Vec<&str> = text.split_whitespace().collect();
    let phone_digits = |from: usize| -> usize {
        words[from..]
            .iter()
            .take_while(|n| {
                n.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '(' | ')' | '/' | '.'))
            })
            .map(|n| n.chars().filter(char::is_ascii_digit).count())
            .sum()
    };
    // "Incident desk: +00 000 000 000 · desk@cert.example": a number in
    // its international form and an e-mail address, in any language.
    let international = words
        .iter()
        .enumerate()
        .any(|(at, w)| w.starts_with('+') && phone_digits(at) >= 8);
    let email = words.iter().any(|w| {
        w.split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
    });
    if words.len() <= 16 && international && email {
        return true;
    }
    words.len() <= 16
        && words.iter().enumerate().any(|(at, w)| {
            let label = w
                .trim_end_matches(['.', ':'])
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            PHONE_LABELS.contains(&label.as_str()) && phone_digits(at + 1) >= 6
        })
}

/// Why a video promo goes, and the thumbnail under it.
const VIDEO_PROMO: &str = "video promo inside the article";

/// A video of the site's put between paragraphs, told without words: one
/// link opening with a play mark ("[▶ VIDEO | How it works](...)"), or a
/// short title that ends with the clip's length ("**Video:** Three steps
/// (03:12)").
fn is_video_promo(line: &str, info: &LineInfo, kind: Kind) -> bool {
    let t = info.text.trim();
    let play = t.starts_with(PLAY_MARKS);
    let one_link = kind == Kind::LinkOnly && info.links.len() == 1 && info.words <= 20;
    let length = t
        .strip_suffix(')')
        .and_then(|r| r.rsplit_once('('))
        .is_some_and(|(_, d)| is_time_stamp(d.trim()));
    (play && one_link)
        // "▶ **Watch:** how to spot the fake message (2:47)": a play mark
        // and the recording's length read as a sentence for its ")".
        || (play && length && kind == Kind::Prose && info.words <= 20 && info.links.is_empty())
        || (length
            && kind == Kind::Short
            && info.words <= 20
            && info.links.is_empty()
            && !is_list_or_table(line))
}

/// "Listen to this article (6 min)", "[Hlusta á fréttina](...) (3 mín.)":
/// a line of a few words ending with a length in brackets, a number and a
/// unit of a few letters (or a time, "(2:47)"): a player's button or the
/// page's reading time, in any language and any script's digits ("(৩
/// মিনিট)", its vowel signs counted as letters).
fn is_length_button(line: &str, info: &LineInfo) -> bool {
    let text = ascii_digits(&info.text);
    let length = text
        .trim_end()
        .strip_suffix(')')
        .and_then(|r| r.rsplit_once('('))
        .is_some_and(|(_, d)| {
            let d = d.trim().trim_end_matches('.');
            is_time_stamp(d)
                || d.split_once(' ').is_some_and(|(n, unit)| {
                    !n.is_empty()
                        && n.chars().all(|c| c.is_ascii_digit())
                        && (1..=5).contains(&unit.chars().count())
                        && unit.chars().all(char::is_alphabetic)
                })
        });
    length && info.words <= 8 && info.links.len() <= 1 && !is_list_or_table(line)
}

/// The marks a player's button or a video's promo opens with.
const PLAY_MARKS: [char; 5] = ['▶', '►', '🎥', '📹', '🎬'];

/// Why a player's button or controls go, and the title over them.
const PLAYER: &str = "media player inside the article";

/// A play mark and a time of the recording on one line ("Listen ▶
/// 24:10", "▶ ٠٠:٠٠ / ١٨:٤٠"), whatever the script of its digits.
fn is_player_row(t: &str) -> bool {
    let digits = ascii_digits(t);
    let stamp = |w: &str| is_time_stamp(w.trim_matches(|c: char| !c.is_ascii_digit()));
    // A player's position over its length ("00:00 / 03:52") is one with
    // or without its play mark.
    let words: Vec<&str> = digits.split_whitespace().collect();
    let position = words
        .windows(3)
        .any(|w| stamp(w[0]) && w[1] == "/" && stamp(w[2]));
    position || t.contains(['▶', '►', '⏵', '▷']) && words.iter().any(|w| stamp(w))
}

/// A time of a recording alone: `0:41`, `1:02:15`.
fn is_time_stamp(t: &str) -> bool {
    !t.is_empty()
        && t.len() <= 8
        && t.contains(':')
        && t.chars().all(|c| c.is_ascii_digit() || c == ':')
}

/// Whether `text` counts something after a pictograph or a symbol ("♥
/// 214", "🔁 96", "👁 12.4K", "⭐41"): the foot of a post's card, its
/// reactions and views. Separators ("·", "|", "—") count nothing.
fn has_counted_pictograph(text: &str) -> bool {
    let count = |w: &str| {
        let n = w.strip_suffix(['k', 'K', 'm', 'M']).unwrap_or(w);
        !n.is_empty()
            && n.starts_with(|c: char| c.is_ascii_digit())
            && n.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    };
    let mark = |w: &str| {
        !w.is_empty()
            && w.chars()
                .all(|c| !c.is_ascii() && !c.is_alphanumeric() && !"·•|—–―".contains(c))
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    words.windows(2).any(|w| mark(w[0]) && count(w[1]))
        || words.iter().any(|w| {
            w.char_indices()
                .find(|(_, c)| c.is_ascii_digit())
                .is_some_and(|(at, _)| at > 0 && mark(&w[..at]) && count(&w[at..]))
        })
}

/// A row of reactions under a post ("👍 23 ❤️ 4", "🎉 12"): emoji and
/// counts only, in any language since it has no words, or a vote widget's
/// marks and count with its badge ("▲ 52 ▼ ✓ Accepted"). Each emoji is a
/// symbol beyond ASCII, so a list of numbers or a version line is none.
fn is_reaction_row(t: &str) -> bool {
    let (mut counts, mut emoji) = (0, 0);
    // A vote widget's badge may close it, one word after two marks or
    // more: "▲ 52 ▼ ✓ Accepted".
    let mut tokens: Vec<&str> = t.split_whitespace().collect();
    let badge = tokens.len() >= 4
        && tokens
            .last()
            .is_some_and(|w| w.chars().all(char::is_alphabetic));
    if badge {
        tokens.pop();
    }
    for token in tokens {
        if token
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            || token
                .strip_suffix(['k', 'K', 'm', 'M'])
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'))
        {
            counts += 1;
        } else if token.chars().all(|c| !c.is_ascii() && !c.is_alphanumeric()) {
            emoji += 1;
        } else {
            return false;
        }
    }
    counts >= 1 && emoji >= if badge { 2 } else { 1 }
}

/// A Traffic Light Protocol marking alone ("tlp:clear", "tlp: amber+strict"),
/// lower-cased: a sharing label every page of a CERT's document carries.
fn is_tlp_marking(lower: &str) -> bool {
    lower.strip_prefix("tlp:").is_some_and(|colour| {
        matches!(
            colour.trim(),
            "clear" | "white" | "green" | "amber" | "amber+strict" | "red"
        )
    })
}

/// The bold text a line opens with ("**Sponsor:** ..."), if any.
fn bold_label(line: &str) -> Option<&str> {
    let t = line.trim_start().trim_start_matches('>').trim_start();
    let rest = t.strip_prefix("**").or_else(|| t.strip_prefix("__"))?;
    let close = rest.find("**").or_else(|| rest.find("__"))?;
    Some(&rest[..close])
}

/// Whether the first or the last word of `text` is the ad word
/// ("Advertisement ends here", "Ende der Werbung").
fn names_an_ad(text: &str) -> bool {
    let ad = |w: &str| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        AD_LABELS.contains(&w.as_str())
            || ["advertisement", "advertising", "ad"].contains(&w.as_str())
    };
    let mut words = text.split_whitespace();
    words.next().is_some_and(ad) || words.last().is_some_and(ad)
}

/// "Advertisement" as a page writes it over an ad slot, in the languages
/// a digest reads: a line of this word alone is never the story's.
const AD_LABELS: &[&str] = &[
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "publicidade",
    "pubblicità",
    "pubblicita",
    "advertentie",
    "reclame",
    "annons",
    "annonse",
    "annonce",
    "mainos",
    "auglýsing",
    "reklama",
    "reklam",
    "reklāma",
    "reklaam",
    "hirdetés",
    "publicitate",
    "oglas",
    "διαφήμιση",
    "реклама",
    "оглас",
    "פרסומת",
    "إعلان",
    "اعلان",
    "تبلیغات",
    "تبليغات",
    "विज्ञापन",
    "বিজ্ঞাপন",
    "โฆษณา",
    "quảng cáo",
    "iklan",
    "patalastas",
    "advertensie",
    "hysbyseb",
    "iragarkia",
    "reklamm",
    "isikhangiso",
    "ពាណិជ្ជកម្ម",
    "ការផ្សាយពាណិជ្ជកម្ម",
    "ໂຄສະນາ",
    "ကြော်ငြာ",
    "广告",
    "廣告",
    "広告",
    "광고",
    "pr",
];

fn is_share_url(url: &str) -> bool {
    let u = url.to_ascii_lowercase();
    u.starts_with('#')
        || u.contains("sharer")
        || u.contains("/share?")
        || u.contains("/share/")
        || u.ends_with("/share")
        || u.contains("share-offsite")
        || u.contains("/sharing/")
        || u.contains("intent/tweet")
        || u.contains("intent/post")
        || u.contains("share?url")
        // A page's own share button as a query: `.../comments/1kq7x2/?share=1`.
        || u.contains("?share=")
        || u.contains("&share=")
        || u.contains("/share.php")
        || u.contains("wa.me/")
        || u.contains("/?text=")
        // A messenger's "send this text" page (`api.whatsapp.com/send?text=`,
        // `wa.me/send?text=`) whatever its host.
        || u.contains("/send?text=")
        || u.contains("whatsapp.com/send")
        || u.contains("t.me/share")
        || u.starts_with("viber://forward")
        || u.contains("sharearticle")
        || u.starts_with("mailto:?")
        || u.starts_with("whatsapp:")
}

/// A link to a site's account pages, by its path in any language:
/// `/register`, `/signup`, `/sign-in`, `/login`, `/subscribe`,
/// `/account`, or its newsletter's page (`/newsletter?src=inline`, not an
/// issue of it, `/newsletter/2026-10`).
fn is_account_url(url: &str) -> bool {
    const PAGES: &[&str] = &[
        "register",
        "registration",
        "signup",
        "sign-up",
        "sign_up",
        "signin",
        "sign-in",
        "sign_in",
        "login",
        "log-in",
        "subscribe",
        "account",
    ];
    let u = url.to_ascii_lowercase();
    let path = match host_of(&u) {
        Some(host) => u.split_once(host).map_or("", |(_, p)| p),
        None if u.starts_with('/') => u.as_str(),
        None => return false,
    };
    let page = path.split(['?', '#']).next().unwrap_or_default();
    path.split(['/', '?', '#', '.'])
        .any(|segment| PAGES.contains(&segment))
        || page
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .is_some_and(|last| NEWSLETTER_PAGES.contains(&last))
}

/// The last folder of a newsletter's sign-up page, in a few languages
/// ("/kl/nyhedsbrev", "/nl/nieuwsbrief").
const NEWSLETTER_PAGES: &[&str] = &[
    "newsletter",
    "newsletters",
    "nyhedsbrev",
    "nyhetsbrev",
    "nieuwsbrief",
    "uutiskirje",
    "infolettre",
    "boletin",
];

/// A URL on an ad server or in an ad folder: a host that starts `ad.` or
/// `ads.`, a path through `/ads/`, `/adserver` or a click counter.
fn is_ad_url(url: &str) -> bool {
    let u = url.to_ascii_lowercase();
    let host = host_of(&u).unwrap_or("");
    host.starts_with("ad.")
        || host.starts_with("ads.")
        || host.contains("doubleclick")
        || u.contains("/ads/")
        || u.contains("/adserver")
        || u.contains("/click?")
}

/// A link to a social platform's page or channel (`t.me/...`,
/// `x.com/...`): what a "follow us" box points at, whatever its language.
fn is_social_url(url: &str) -> bool {
    const PLATFORMS: &[&str] = &[
        "t.me",
        "telegram.me",
        "x.com",
        "twitter.com",
        "facebook.com",
        "instagram.com",
        "linkedin.com",
        "youtube.com",
        "tiktok.com",
        "vk.com",
        "threads.net",
        "bsky.app",
        "whatsapp.com",
        "line.me",
        "weibo.com",
        "news.google.com",
    ];
    host_of(url).is_some_and(|h| {
        PLATFORMS
            .iter()
            .any(|p| h == *p || h.strip_suffix(p).is_some_and(|r| r.ends_with('.')))
    })
}

/// A form's field left as text by the scraper: "Type your email...",
/// "Enter your e-mail address".
fn is_form_field(info: &LineInfo) -> bool {
    if info.words > 6 || !info.links.is_empty() {
        return false;
    }
    let t = info.text.trim().to_lowercase();
    // Not "Country*": an IOC list's paths end in `*` too.
    let email = (t.contains("email") || t.contains("e-mail"))
        && (t.ends_with("...") || t.ends_with('…') || t.ends_with("address"));
    info.links.is_empty() && info.words <= 6 && email
}

/// An item of the article's own table of contents: a list item whose links
/// all point at fragments of the page (`* [Backdoor analysis](#analysis)`).
fn is_toc_item(line: &str, info: &LineInfo) -> bool {
    let t = line.trim_start();
    let list_item = t.starts_with("* ") || t.starts_with("- ") || t.starts_with("+ ");
    list_item
        && !info.links.is_empty()
        && info
            .links
            .iter()
            .all(|(_, u)| u.starts_with('#') && u.len() > 1)
}

/// The number a wiki's generated contents give an item of theirs
/// (`* [2 Technical details](#Technical_details)`, `* [2.1 Persistence](...)`):
/// its section's, and whether it is a subsection's.
fn toc_number(line: &str, info: &LineInfo) -> Option<(u32, bool)> {
    if !is_toc_item(line, info) || info.links.len() != 1 {
        return None;
    }
    let (number, name) = info.links[0].0.trim().split_once(' ')?;
    let mut parts = number.trim_end_matches('.').split('.');
    let section = parts.next()?.parse().ok()?;
    let sub = parts.next().is_some();
    (parts.all(|p| p.parse::<u32>().is_ok()) && name.chars().any(char::is_alphabetic))
        .then_some((section, sub))
}

fn is_bold_only(line: &str) -> bool {
    let t = line.trim();
    (t.starts_with("**") && t.ends_with("**") && t.len() > 4)
        || (t.starts_with("__") && t.ends_with("__") && t.len() > 4)
}

/// The alt text of a line that is one image alone, linked or not
/// (`![alt](src)`, `[![alt](src)](href)`).
fn lone_image_alt<'l>(line: &'l str, info: &LineInfo) -> Option<&'l str> {
    if info.images.len() != 1 || !info.text.trim().is_empty() {
        return None;
    }
    let t = line.trim();
    let t = t.strip_prefix('[').unwrap_or(t);
    let (alt, _) = t.strip_prefix("![")?.split_once("](")?;
    Some(alt.trim())
}

/// "Kuva: Satamalehti / A. Virtanen", "Foto: Agency": a label of one
/// word (or two sharing the colon, "Ilustracija / Foto: Agency") and a
/// name or two after it, no sentence, in any language. Under
/// a photo it is the photo's credit; a caption that says what the photo
/// shows is a sentence, before the credit or without one.
fn is_bare_credit(line: &str, info: &LineInfo, kind: Kind) -> bool {
    if kind != Kind::Short
        || !info.links.is_empty()
        || !info.images.is_empty()
        || is_list_or_table(line)
    {
        return false;
    }
    let Some((label, value)) = info.text.trim().split_once(LABEL_COLONS) else {
        return false;
    };
    let value = value.trim();
    // Two labels may share the colon: "Ilustracija / Foto: Agency".
    let mut labels = label.split('/').map(str::trim);
    let one_word = |l: &str| !l.is_empty() && l.chars().all(char::is_alphabetic);
    labels.clone().count() <= 2
        && labels.all(one_word)
        && (1..=6).contains(&value.split_whitespace().map(word_count).sum::<usize>())
        && !value.ends_with(SENTENCE_ENDS)
}

/// "Հեղինակ՝ A. Name", "Reporter - A. Name": a bare credit (see
/// [`is_bare_credit`]), or a label of one word and a name of up to four
/// words after a dash, no sentence.
fn is_labelled_name(line: &str, info: &LineInfo, kind: Kind) -> bool {
    if is_bare_credit(line, info, kind) {
        return true;
    }
    if kind != Kind::Short
        || !info.links.is_empty()
        || !info.images.is_empty()
        || is_list_or_table(line)
    {
        return false;
    }
    let t = info.text.trim();
    [" - ", " – ", " — "].iter().any(|dash| {
        t.split_once(dash).is_some_and(|(label, name)| {
            let name = name.trim();
            // A script's vowel signs are letters of the label too.
            !label.is_empty()
                && label
                    .chars()
                    .all(|c| !c.is_whitespace() && !c.is_ascii_punctuation() && !c.is_numeric())
                && (1..=4).contains(&name.split_whitespace().count())
                && !name.ends_with(SENTENCE_ENDS)
                && !name.chars().any(|c| c.is_ascii_digit())
        })
    })
}

/// A line set in italics, no link or image on it, whose text ends with
/// a credit: a label of one word after the caption's last sentence, a
/// colon in any script, and a name of a few words ("... Gwener. Llun:
/// Newyddion y Fro / Huw Gerallt", "... ។ រូបថត៖ ...").
fn is_credited_italic_caption(line: &str, info: &LineInfo, kind: Kind) -> bool {
    let t = line.trim();
    let italic =
        t.starts_with('*') && !t.starts_with("**") || t.starts_with('_') && !t.starts_with("__");
    if !italic
        || !matches!(kind, Kind::Short | Kind::Prose)
        || !info.links.is_empty()
        || !info.images.is_empty()
        || is_list_or_table(line)
    {
        return false;
    }
    // The credit may close it in brackets ("*... (Photo: Agency)*").
    let text = info.text.trim();
    let text = text
        .strip_suffix(')')
        .filter(|t| t.contains('('))
        .unwrap_or(text);
    // A dash may stand for the colon ("... ။ ဓာတ်ပုံ - Agency").
    let Some((before, value)) = text
        .rsplit_once(LABEL_COLONS)
        .or_else(|| text.rsplit_once(" - "))
    else {
        return false;
    };
    let value = value.trim();
    let (caption, label) = before.trim_end().rsplit_once(' ').unwrap_or(("", before));
    let label = if text.len() < info.text.trim().len() {
        label.strip_prefix('(').unwrap_or("")
    } else {
        label
    };
    let after_sentence = caption
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_alphanumeric());
    let is_label = !label.is_empty()
        && label
            .chars()
            .all(|c| !c.is_ascii_digit() && !c.is_ascii_punctuation() && !c.is_whitespace());
    after_sentence
        && is_label
        && !value.is_empty()
        && value.split_whitespace().count() <= 8
        && value.chars().count() <= 60
        && !value.ends_with(SENTENCE_ENDS)
}

/// The figure line over the caption `at`, when `at` is one: a short line
/// with no link that repeats what the image's alt text says it shows
/// (three words or more, so not a logo's name or "Illustration") and may
/// add the credit ("Hospital entrance on Monday. Photo: Agency"). A
/// lead photo's caption says what the story's photo shows, in any
/// language; a bare credit under it ("Foto: Shutterstock") repeats nothing.
fn caption_figure(
    at: usize,
    from: usize,
    lines: &[&str],
    kinds: &[Kind],
    infos: &[LineInfo],
) -> Option<usize> {
    if kinds[at] != Kind::Short || !infos[at].links.is_empty() || !infos[at].images.is_empty() {
        return None;
    }
    let figure = (from..at).rev().find(|&j| kinds[j] != Kind::Blank)?;
    let alt = lone_image_alt(lines[figure], &infos[figure])?;
    let described = alt.split_whitespace().map(word_count).sum::<usize>() >= 3;
    (described && normalise_words(&infos[at].text).starts_with(&normalise_words(alt)))
        .then_some(figure)
}

/// The text of an ATX heading line, if it is one.
fn heading_text(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    (rest.is_empty() || rest.starts_with(' ')).then(|| rest.trim())
}

/// Lower-case words of `text`, letters and digits only, for comparing titles.
pub fn normalise_words(text: &str) -> String {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Measures a markdown line: visible text, links, images.
fn measure(line: &str) -> LineInfo {
    let mut info = LineInfo::default();
    let body = strip_block_markers(line);
    let mut text = String::with_capacity(body.len());
    scan_inline(body, &mut text, &mut info, false);
    info.words = text.split_whitespace().map(word_count).sum();
    info.link_words = info
        .links
        .iter()
        .map(|(t, _)| t.split_whitespace().map(word_count).sum::<usize>())
        .sum();
    info.text = text;
    info
}

/// Words in one whitespace-separated token. Chinese and Japanese write
/// without spaces, so a token of such characters counts one word per three
/// characters (a word there is about two; a third keeps a byline of names
/// and a date from reading as a sentence). Without this a Chinese
/// paragraph would read as one long label.
fn word_count(token: &str) -> usize {
    // Thai, Lao, Khmer and Burmese write without spaces too, in letters
    // with marks above and below: about five characters a word. One pass.
    let (mut wide, mut unspaced, mut ascii, mut alnum) = (0usize, 0usize, false, false);
    for c in token.chars() {
        if c.is_ascii() {
            ascii |= c.is_ascii_alphanumeric();
        } else if is_cjk(c) {
            wide += 1;
        } else if is_unspaced_alphabet(c) {
            unspaced += 1;
        } else {
            alnum |= c.is_alphanumeric();
        }
    }
    if wide > 0 || unspaced > 0 {
        wide.div_ceil(3) + unspaced.div_ceil(5) + usize::from(ascii)
    } else {
        usize::from(ascii || alnum)
    }
}

fn is_unspaced_alphabet(c: char) -> bool {
    matches!(c, '\u{0e00}'..='\u{0eff}' | '\u{1000}'..='\u{109f}' | '\u{1780}'..='\u{17ff}')
}

/// A CJK ideograph or kana.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Drops heading hashes, list bullets, quote markers at the line start.
fn strip_block_markers(line: &str) -> &str {
    let mut t = line.trim_start();
    loop {
        let before = t;
        t = t.trim_start_matches('>').trim_start();
        if let Some(rest) = t
            .strip_prefix(['*', '-', '+'])
            .filter(|r| r.starts_with(' '))
        {
            t = rest.trim_start();
        }
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        if let Some(rest) = t[digits..]
            .strip_prefix(['.', ')'])
            .filter(|r| digits > 0 && r.starts_with(' '))
        {
            t = rest.trim_start();
        }
        if let Some(h) = heading_text(t) {
            t = h;
        }
        if t == before {
            return t;
        }
    }
}

/// Walks inline markdown: `[text](url)` and `![alt](url)` (nested), emphasis
/// markers and backslash escapes, appending visible text to `out`.
fn scan_inline(s: &str, out: &mut String, info: &mut LineInfo, in_link: bool) {
    let pairs = Pairs::of(s);
    scan_range(s, 0, s.len(), &pairs, out, info, in_link, 0);
}

/// Links nested deeper than this are read as plain text: no real page
/// nests links, and each level is a recursive call.
const MAX_LINK_NESTING: usize = 32;

/// [`scan_inline`] over `s[from..to]`, links nested `nesting` deep.
#[allow(clippy::too_many_arguments)]
fn scan_range(
    s: &str,
    from: usize,
    to: usize,
    pairs: &Pairs,
    out: &mut String,
    info: &mut LineInfo,
    in_link: bool,
    nesting: usize,
) {
    let bytes = s.as_bytes();
    let mut i = from;
    while i < to {
        let c = bytes[i];
        if c == b'\\' && i + 1 < to {
            let next = s[i + 1..].chars().next().unwrap_or(' ');
            out.push(next);
            if in_link {
                info.link_chars += 1;
            }
            i += 1 + next.len_utf8();
            continue;
        }
        let is_image = c == b'!' && i + 1 < to && bytes[i + 1] == b'[';
        if c == b'[' || is_image {
            let open = if is_image { i + 1 } else { i };
            if let Some((inner, url, next)) = bracket_link(s, open, to, pairs) {
                if is_image {
                    info.images.push(url.to_owned());
                } else {
                    let before = out.len();
                    if nesting < MAX_LINK_NESTING {
                        scan_range(s, inner.0, inner.1, pairs, out, info, true, nesting + 1);
                    } else {
                        out.push_str(&s[inner.0..inner.1]);
                    }
                    let link_text = out[before..].to_owned();
                    info.links.push((link_text, url.to_owned()));
                }
                i = next;
                continue;
            }
        }
        if c == b'*' || c == b'_' || c == b'`' {
            i += 1;
            continue;
        }
        let ch = s[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        if in_link {
            info.link_chars += 1;
        }
        i += ch.len_utf8();
    }
}

/// The matching `]` of every `[` and `)` of every `(` in a text, found in one
/// pass with a stack: searching forward from each `[` was quadratic on a
/// line of unclosed brackets (100,000 `[` took 5 s).
struct Pairs {
    close: std::collections::HashMap<usize, usize>,
}

impl Pairs {
    fn of(s: &str) -> Self {
        let mut close = std::collections::HashMap::new();
        let (mut squares, mut rounds) = (Vec::new(), Vec::new());
        for (i, b) in s.bytes().enumerate() {
            match b {
                b'[' => squares.push(i),
                b'(' => rounds.push(i),
                b']' => {
                    if let Some(open) = squares.pop() {
                        close.insert(open, i);
                    }
                }
                b')' => {
                    if let Some(open) = rounds.pop() {
                        close.insert(open, i);
                    }
                }
                _ => {}
            }
        }
        Pairs { close }
    }
}

/// At `s[open] == '['`: the byte range of the link's inner text, its URL,
/// and the index after the closing `)`, all before `to`. Brackets and
/// parentheses may nest.
fn bracket_link<'s>(
    s: &'s str,
    open: usize,
    to: usize,
    pairs: &Pairs,
) -> Option<((usize, usize), &'s str, usize)> {
    let close = *pairs.close.get(&open)?;
    if close + 1 >= to || s.as_bytes()[close + 1] != b'(' {
        return None;
    }
    let end = *pairs.close.get(&(close + 1))?;
    if end >= to {
        return None;
    }
    let target = s[close + 2..end].trim();
    // `(url "title")`: the URL is the first word.
    let url = target.split_whitespace().next().unwrap_or("");
    let url = url.trim_start_matches('<').trim_end_matches('>');
    Some(((open + 1, close), url, end + 1))
}

/// The visible text of a markdown body (link text kept; URLs, images, code
/// blocks and markup gone), up to about `max_words` words.
pub fn plain_text(markdown: &str, max_words: usize) -> String {
    let mut out = String::new();
    let mut words = 0;
    let mut in_code = false;
    for line in markdown.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        let info = measure(line);
        if info.words == 0 {
            continue;
        }
        out.push_str(info.text.trim());
        out.push('\n');
        words += info.words;
        if words >= max_words {
            break;
        }
    }
    out
}

impl MeasuredBody<'_> {
    /// Tags a page gives itself through its own tag block
    /// (`[Cybercrime](https://site/search/label/Cybercrime)`): links at or after
    /// line `from` (0-based) to the article's own host whose path contains one of
    /// `patterns`, on lines that are not prose. A category link inside a sentence
    /// ("as reported on many [occasions](/category/bazarloader/)") is the
    /// author's link, not a tag. Gives the link texts, in page order, without
    /// duplicates, each with its line in `body` (0-based). A line with more
    /// than `limit` tag links gives none: a block
    /// that long indexes the people and companies named (10 to 20 of them on
    /// some blogs), not the topics; the page's short category line still counts.
    pub fn page_tags(
        &self,
        from: usize,
        patterns: &[String],
        article_url: &url::Url,
        limit: usize,
    ) -> Vec<(String, usize)> {
        let host = |u: &url::Url| {
            u.host_str()
                .map(|h| h.trim_start_matches("www.").to_ascii_lowercase())
        };
        let own_host = host(article_url);
        let mut tags: Vec<(String, usize)> = Vec::new();
        // A set, not a scan of `tags`: a page can carry thousands of tag links.
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        for (at, (info, kind)) in self.infos.iter().zip(&self.kinds).enumerate().skip(from) {
            if matches!(kind, Kind::Prose | Kind::Code) {
                continue;
            }
            let mut block: Vec<&str> = Vec::new();
            for (text, href) in &info.links {
                let Ok(target) = article_url.join(href) else {
                    continue;
                };
                if host(&target) != own_host {
                    continue;
                }
                let path = target.path().to_ascii_lowercase();
                if patterns
                    .iter()
                    .any(|p| path.contains(&p.to_ascii_lowercase()))
                {
                    block.push(text);
                }
            }
            if block.len() > limit {
                continue;
            }
            for text in block {
                let text = crate::names::visible(text);
                // A tag link named after a CVE is an entity, found anyway.
                let is_id = text.to_ascii_uppercase().starts_with("CVE-")
                    && text.chars().skip(4).all(|c| c.is_ascii_digit() || c == '-');
                let plausible = !text.is_empty()
                    && !is_id
                    && text.chars().count() <= 40
                    && text.split(' ').count() <= 5;
                if plausible && seen.insert(text.to_ascii_lowercase()) {
                    tags.push((text, at));
                }
            }
        }
        tags
    }
}

mod cues;
#[cfg(test)]
mod tests;
