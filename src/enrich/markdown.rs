//! Markdown to sanitised HTML.
//!
//! Takes an article's markdown body and what its relative links mean
//! ([`Links`]: the original page's URL for a scraped page, as written for a
//! hand-written entry); gives [`SafeHtml`], the plain text of the first
//! real paragraph (for the summary), and from the same parser pass
//! ([`read`]) the body's visible text, links and code, which enrich reads
//! for entities and story signals before the HTML is written. Scraped bodies are hostile: the HTML
//! goes through ammonia (no scripts, no event handlers, no
//! `javascript:`/`data:` URLs), relative links and images resolve against
//! the original page's URL, fragment links that point at nothing on our page
//! are dropped, external links get `rel="noopener noreferrer"`, and body
//! headings move one level down so the page's own `<h1>` stays the only one.
//! [`html_too_deep`] measures a body's nesting before any of that, since the
//! sanitiser's cost grows with its square.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;
use url::Url;

use super::entities::{self, Entity, Watchlist};

/// HTML that has passed the sanitiser. Only this module makes one, and it is
/// the only thing templates emit unescaped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct SafeHtml(String);

impl SafeHtml {
    /// The HTML text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What rendering one body gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The sanitised HTML.
    pub html: SafeHtml,
    /// Plain text of the first paragraph that reads like prose, if any.
    pub lede: Option<String>,
    /// Where the body links to, resolved against the article's URL, in
    /// order (a report that links another outlet's report is one signal of
    /// the same story).
    pub links: Vec<String>,
}

/// What happens to an image whose address is on another host: loading it
/// tells that host who reads the digest, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Images {
    /// Shown as on the original page.
    Keep,
    /// Replaced by a link to the image, named by its alt text.
    #[default]
    Link,
    /// Left out (its alt text too).
    Drop,
}

/// Which images [`Images`] applies to: those not under `own` (the site's
/// base URL); relative and root-relative addresses are the site's own.
#[derive(Debug, Clone, Copy)]
pub struct ImagePolicy<'a> {
    /// What to do with another host's image.
    pub images: Images,
    /// The site's base URL, e.g. `https://user.github.io/digest/`.
    pub own: &'a str,
}

impl ImagePolicy<'_> {
    /// Every image kept, as written.
    pub const KEEP: ImagePolicy<'static> = ImagePolicy {
        images: Images::Keep,
        own: "",
    };

    /// Whether the (attribute-escaped) `src` is another host's.
    fn is_foreign(&self, src: &str) -> bool {
        let absolute = src.starts_with("//")
            || src
                .split_once(':')
                .is_some_and(|(scheme, _)| !scheme.contains('/'));
        absolute && (self.own.is_empty() || !src.starts_with(self.own))
    }
}

/// Where entity mentions in a body link to.
#[derive(Debug, Clone, Copy)]
pub struct MentionLinks<'a> {
    /// The names to look for besides CVE and ATT&CK IDs.
    pub watchlist: &'a Watchlist,
    /// Root-relative path of the site, e.g. `/digest/`.
    pub site_path: &'a str,
    /// The entities that have pages, sorted; `None` links every mention.
    /// A body past `limits.entities_per_article` keeps only some, and a
    /// mention of another must not link to a page that is not built.
    pub only: Option<&'a [Entity]>,
}

/// The markdown extensions every body is read with.
fn markdown_options() -> Options {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TASKLISTS);
    options
}

/// What relative links in a body mean.
#[derive(Debug, Clone, Copy)]
pub enum Links<'a> {
    /// A scraped page: relative links resolve against its original URL, or
    /// are dropped when it has none, and `#fragments` that point at nothing
    /// on our page are dropped.
    AgainstOriginal(Option<&'a Url>),
    /// A hand-written entry: every link stays as the editor wrote it, and
    /// `briefing check` reports those that lead nowhere.
    AsWritten,
}

/// Renders `markdown`, relative links as `links` says. With `mentions`, the
/// first mention of each entity in the text links to its page.
pub fn render(
    markdown: &str,
    links: Links<'_>,
    mentions: Option<MentionLinks<'_>>,
    images: ImagePolicy<'_>,
) -> Rendered {
    read(markdown, links).render(mentions, images)
}

/// A body read by the markdown parser, not yet written out as HTML: what
/// the parser's single pass gives besides the HTML. Enrich finds entities in
/// [`ReadBody::text`] before [`ReadBody::render`] links their mentions, so a
/// body is parsed once for its HTML, text, lede, links and code.
pub struct ReadBody<'a> {
    events: Vec<Event<'a>>,
    footnote_ids: HashSet<String>,
    links_mode: Links<'a>,
    text: String,
    lede: Option<String>,
    links: Vec<String>,
    code: String,
}

impl ReadBody<'_> {
    /// The visible text outside code blocks, a line per paragraph, heading,
    /// list item and table row (link text kept; URLs, images and markup
    /// gone). Raw HTML in the body counts as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text of code blocks, where IOC lists and hashes often are.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Writes the HTML and sanitises it; with `mentions`, the first mention
    /// of each entity links to its page.
    pub fn render(self, mentions: Option<MentionLinks<'_>>, images: ImagePolicy<'_>) -> Rendered {
        let mut raw = String::with_capacity(self.text.len() * 2);
        pulldown_cmark::html::push_html(&mut raw, self.events.into_iter());
        let html = sanitise(&raw, self.links_mode, self.footnote_ids, mentions, images);
        Rendered {
            html: SafeHtml(html),
            lede: self.lede,
            links: self.links,
        }
    }
}

/// Starts a new line of [`ReadBody::text`] unless one was just started.
fn end_text_line(text: &mut String) {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
}

/// Reads `markdown` in one parser pass (relative links as `links` says).
pub fn read<'a>(markdown: &'a str, links: Links<'a>) -> ReadBody<'a> {
    let options = markdown_options();
    let mut footnotes = Footnotes::default();
    let mut lede = LedeFinder::default();
    let mut skipping_image = 0usize;
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut html_block = String::new();
    let mut body_links = Vec::new();
    let mut code = String::new();
    let mut text = String::with_capacity(markdown.len());
    let mut in_code = false;
    let mut image_depth = 0usize;
    let base = match links {
        Links::AgainstOriginal(base) => base,
        Links::AsWritten => None,
    };
    for event in Parser::new_ext(markdown, options) {
        lede.observe(&event);
        match &event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                let resolved = match base {
                    Some(b) => b.join(dest_url).ok(),
                    None => Url::parse(dest_url).ok(),
                };
                if let Some(u) = resolved.filter(|u| matches!(u.scheme(), "http" | "https")) {
                    body_links.push(u.to_string());
                }
            }
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(t) if in_code => {
                code.push_str(t);
                code.push('\n');
            }
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if image_depth == 0 => text.push_str(t),
            Event::Html(h) | Event::InlineHtml(h) => text.push_str(h),
            Event::SoftBreak | Event::HardBreak => end_text_line(&mut text),
            Event::End(TagEnd::TableCell) => text.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::BlockQuote(_)
                | TagEnd::HtmlBlock,
            ) => end_text_line(&mut text),
            _ => {}
        }
        if skipping_image > 0 {
            match event {
                Event::Start(Tag::Image { .. }) => skipping_image += 1,
                Event::End(TagEnd::Image) => skipping_image -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Image { ref dest_url, .. }) if is_unsafe_url(dest_url) => {
                // A `data:` placeholder or script URL: the image would have no
                // usable `src`, so leave it out altogether.
                skipping_image = 1;
            }
            Event::FootnoteReference(label) => {
                events.push(Event::Html(footnotes.reference(&label).into()));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                events.push(Event::Html(footnotes.definition(&label).into()));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                events.push(Event::Html(CowStr::Borrowed("</div>\n")));
            }
            // An HTML block comes a line at a time and a tag may span lines:
            // gather the block, so ids are stripped from whole tags.
            Event::Html(h) => html_block.push_str(&h),
            Event::InlineHtml(h) => {
                flush_html(&mut html_block, &mut events);
                events.push(Event::InlineHtml(strip_ids(&h).into()));
            }
            other => {
                flush_html(&mut html_block, &mut events);
                events.push(other);
            }
        }
    }
    flush_html(&mut html_block, &mut events);
    end_text_line(&mut text);
    let heading_ids = add_heading_ids(&mut events);
    footnotes.ids.extend(heading_ids);
    ReadBody {
        events,
        footnote_ids: footnotes.ids,
        links_mode: links,
        text,
        lede: lede.found,
        links: body_links,
        code,
    }
}

/// Drops `id` and `name` attributes from raw HTML, so that ours (footnotes,
/// headings) are the only ids and nothing can take theirs. Read with an HTML
/// rewriter, so text such as "set id=5" and markup quoted in code stay as
/// written.
fn strip_ids(html: &str) -> String {
    if !html.contains('<') {
        return html.to_owned();
    }
    let settings = lol_html::RewriteStrSettings::new().append_element_content_handler(
        lol_html::element!("*", |el| {
            el.remove_attribute("id");
            el.remove_attribute("name");
            Ok(())
        }),
    );
    // The rewriter fails only on its memory limit or a handler error, and
    // ours has none; on failure the sanitiser still drops stray ids, only
    // not before one could take ours, so the text is escaped whole instead.
    lol_html::rewrite_str(html, settings).unwrap_or_else(|_| escape_text(html))
}

/// `text` with `&`, `<` and `>` escaped, to show markup as text.
fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Pushes the raw HTML gathered so far, ids stripped, as one event.
fn flush_html(block: &mut String, events: &mut Vec<Event<'_>>) {
    if !block.is_empty() {
        events.push(Event::Html(strip_ids(block).into()));
        block.clear();
    }
}

/// Ids our own templates use; a heading never takes one of them.
const RESERVED_IDS: &[&str] = &["main", "same-story", "entities", "related"];

/// Gives every heading an id made from its text (`## How it loads` →
/// `how-it-loads`), so a page's own table of contents keeps working. Gives
/// the ids handed out.
fn add_heading_ids(events: &mut [Event<'_>]) -> Vec<String> {
    let mut used: HashSet<String> = RESERVED_IDS.iter().map(|s| (*s).to_owned()).collect();
    let mut next_suffix: HashMap<String, usize> = HashMap::new();
    let mut ids = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { .. }) = &events[i] {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = crate::slug::slugify(&text);
            if !base.is_empty() && !base.starts_with("fn") {
                // Each base remembers the suffix it reached, so 20,000
                // headings with one text cost 20,000 steps, not 200 million.
                let n = next_suffix.entry(base.clone()).or_insert(2);
                let mut id = base.clone();
                while !used.insert(id.clone()) {
                    id = format!("{base}-{n}");
                    *n += 1;
                }
                if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                    *slot = Some(CowStr::from(id.clone()));
                }
                ids.push(id);
            }
            i = j;
        }
        i += 1;
    }
    ids
}

/// Byte offset in `markdown` where its elements (markdown's own and raw
/// HTML's) first nest more than `max` deep, if they do.
///
/// # Note
/// The sanitiser's HTML tree builder checks the open elements for every
/// tag, so its time grows with the square of the nesting (50,000 nested
/// `<div>` took 11.8 s). This runs only html5ever's tokenizer, which is
/// linear, over the raw HTML that markdown passes through (HTML quoted in
/// code is text and never counts). Void elements and those whose end tag
/// may be left out (`<p>`, `<li>`, ...) are not counted, so old-style HTML
/// is not refused; an end tag closes one level.
pub fn html_too_deep(markdown: &str, max: usize) -> Option<usize> {
    use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
    let counter = DepthCounter {
        depth: std::cell::Cell::new(0),
        max,
        passed: std::cell::Cell::new(false),
    };
    let tokenizer = Tokenizer::new(counter, TokenizerOpts::default());
    let queue = BufferQueue::default();
    // Markdown nests too (`>` quotes, lists, emphasis): its elements count
    // with the raw HTML's.
    let mut markdown_depth = 0usize;
    for (event, range) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(_) => markdown_depth += 1,
            Event::End(_) => markdown_depth = markdown_depth.saturating_sub(1),
            Event::Html(h) | Event::InlineHtml(h) => {
                queue.push_back(h.as_ref().into());
                let _ = tokenizer.feed(&queue);
            }
            _ => {}
        }
        if tokenizer.sink.passed.get() || markdown_depth + tokenizer.sink.depth.get() > max {
            return Some(range.start);
        }
    }
    None
}

/// Counts open elements for [`html_too_deep`].
struct DepthCounter {
    depth: std::cell::Cell<usize>,
    max: usize,
    passed: std::cell::Cell<bool>,
}

impl html5ever::tokenizer::TokenSink for DepthCounter {
    type Handle = ();

    fn process_token(
        &self,
        token: html5ever::tokenizer::Token,
        _line: u64,
    ) -> html5ever::tokenizer::TokenSinkResult<()> {
        use html5ever::tokenizer::{TagKind, Token, TokenSinkResult};
        let Token::TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        // Elements that never hold others, or whose end the parser may
        // imply, do not nest reliably: leave them out of the count.
        const UNCOUNTED: &[&str] = &[
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
            "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb",
            "rt", "rp", "rtc", "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head",
            "body",
        ];
        if UNCOUNTED.contains(&&*tag.name) || tag.self_closing {
            return TokenSinkResult::Continue;
        }
        match tag.kind {
            TagKind::StartTag => {
                let depth = self.depth.get() + 1;
                self.depth.set(depth);
                if depth > self.max {
                    self.passed.set(true);
                }
            }
            TagKind::EndTag => self.depth.set(self.depth.get().saturating_sub(1)),
        }
        TokenSinkResult::Continue
    }
}

fn is_unsafe_url(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("data:") || u.starts_with("javascript:") || u.starts_with("vbscript:")
}

/// Numbers footnotes by first appearance and remembers the ids it hands out,
/// so the sanitiser can keep exactly those.
#[derive(Default)]
struct Footnotes {
    numbers: HashMap<String, usize>,
    referenced: HashSet<usize>,
    ids: HashSet<String>,
}

impl Footnotes {
    fn number(&mut self, label: &str) -> usize {
        let next = self.numbers.len() + 1;
        *self.numbers.entry(label.to_owned()).or_insert(next)
    }

    fn reference(&mut self, label: &str) -> String {
        let n = self.number(label);
        let id = if self.referenced.insert(n) {
            self.ids.insert(format!("fnref-{n}"));
            format!(" id=\"fnref-{n}\"")
        } else {
            String::new()
        };
        self.ids.insert(format!("fn-{n}"));
        format!("<sup class=\"footnote-ref\"><a href=\"#fn-{n}\"{id}>{n}</a></sup>")
    }

    fn definition(&mut self, label: &str) -> String {
        let n = self.number(label);
        self.ids.insert(format!("fn-{n}"));
        format!("<div class=\"footnote\" id=\"fn-{n}\"><span class=\"footnote-label\">{n}.</span> ")
    }
}

/// Finds the first top-level paragraph that reads like prose: enough words,
/// and not mostly link text (scraped pages open with menus and share bars).
#[derive(Default)]
struct LedeFinder {
    depth: usize,
    in_paragraph: bool,
    in_link: usize,
    text: String,
    link_chars: usize,
    found: Option<String>,
}

impl LedeFinder {
    const MIN_WORDS: usize = 12;

    fn observe(&mut self, event: &Event<'_>) {
        if self.found.is_some() {
            return;
        }
        match event {
            Event::Start(Tag::Paragraph) if self.depth == 0 => {
                self.in_paragraph = true;
                self.text.clear();
                self.link_chars = 0;
                self.depth += 1;
            }
            Event::End(TagEnd::Paragraph) if self.in_paragraph && self.depth == 1 => {
                self.in_paragraph = false;
                self.depth -= 1;
                let text = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
                let words = text.split(' ').count();
                if words >= Self::MIN_WORDS && self.link_chars * 2 < self.text.len() {
                    self.found = Some(text);
                }
            }
            Event::Start(Tag::Link { .. }) => self.in_link += 1,
            Event::End(TagEnd::Link) => self.in_link = self.in_link.saturating_sub(1),
            Event::Start(Tag::Image { .. }) | Event::Start(Tag::FootnoteDefinition(_)) => {
                self.depth += 1;
            }
            Event::End(TagEnd::Image) | Event::End(TagEnd::FootnoteDefinition) => {
                self.depth = self.depth.saturating_sub(1);
            }
            Event::Start(_) => self.depth += 1,
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if self.in_paragraph => {
                self.text.push_str(t);
                if self.in_link > 0 {
                    self.link_chars += t.len();
                }
            }
            Event::SoftBreak | Event::HardBreak if self.in_paragraph => self.text.push(' '),
            _ => {}
        }
    }
}

/// Runs ammonia with our allow-lists, then fixes up `<img>` elements.
fn sanitise(
    raw: &str,
    links: Links<'_>,
    ids: HashSet<String>,
    mentions: Option<MentionLinks<'_>>,
    images: ImagePolicy<'_>,
) -> String {
    let links = LinkPolicy {
        links: match links {
            Links::AgainstOriginal(base) => Some(base.cloned()),
            Links::AsWritten => None,
        },
        fragment_ids: ids.clone(),
    };
    let id_filter = IdPolicy {
        ids,
        seen: Mutex::new(HashSet::new()),
    };

    let tags: HashSet<&str> = [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "input",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
        "var",
        "wbr",
    ]
    .into_iter()
    .collect();
    let tag_attributes: HashMap<&str, HashSet<&str>> = [
        ("a", ["href", "hreflang", "id"].as_slice()),
        ("blockquote", &["cite"]),
        ("del", &["cite", "datetime"]),
        ("ins", &["cite", "datetime"]),
        ("q", &["cite"]),
        ("img", &["alt", "src"]),
        ("ol", &["start"]),
        ("td", &["colspan", "rowspan", "style"]),
        ("th", &["colspan", "rowspan", "scope", "style"]),
        ("input", &["type", "checked", "disabled"]),
        ("div", &["id"]),
        ("h1", &["id"]),
        ("h2", &["id"]),
        ("h3", &["id"]),
        ("h4", &["id"]),
        ("h5", &["id"]),
        ("h6", &["id"]),
        ("bdo", &["dir"]),
    ]
    .into_iter()
    .map(|(tag, attrs)| (tag, attrs.iter().copied().collect()))
    .collect();
    let attribute_values: HashMap<&str, HashMap<&str, HashSet<&str>>> = HashMap::from([
        (
            "input",
            HashMap::from([("type", HashSet::from(["checkbox"]))]),
        ),
        (
            "bdo",
            HashMap::from([("dir", HashSet::from(["ltr", "rtl"]))]),
        ),
    ]);
    let classes: HashMap<&str, HashSet<&str>> = HashMap::from([
        ("sup", HashSet::from(["footnote-ref"])),
        ("div", HashSet::from(["footnote"])),
        ("span", HashSet::from(["footnote-label"])),
    ]);

    let mut builder = ammonia::Builder::default();
    builder
        .tags(tags)
        .clean_content_tags(HashSet::from(["script", "style", "template", "noscript"]))
        .tag_attributes(tag_attributes)
        .tag_attribute_values(attribute_values)
        .generic_attributes(HashSet::from(["title"]))
        .allowed_classes(classes)
        .filter_style_properties(HashSet::from(["text-align"]))
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(ammonia::UrlRelative::Custom(Box::new(links)))
        .attribute_filter(move |element, attribute, value| {
            id_filter.check(element, attribute, value)
        })
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true);
    tidy(&builder.clean(raw).to_string(), mentions, images)
}

/// Where relative URLs go. For a scraped page: fragments only to ids on our
/// page, everything else resolved against the original article (or dropped
/// when there is none). For a hand-written entry: as written.
struct LinkPolicy {
    /// `Some(original URL, if any)` for a scraped page; `None` keeps links
    /// as written.
    links: Option<Option<Url>>,
    fragment_ids: HashSet<String>,
}

impl<'a> ammonia::UrlRelativeEvaluate<'a> for LinkPolicy {
    fn evaluate<'url>(&self, url: &'url str) -> Option<Cow<'url, str>> {
        let Some(base) = &self.links else {
            return Some(Cow::Borrowed(url));
        };
        if let Some(fragment) = url.strip_prefix('#') {
            // A scraped `#link_share` would otherwise point into our own site.
            return self
                .fragment_ids
                .contains(fragment)
                .then_some(Cow::Borrowed(url));
        }
        let joined = base.as_ref()?.join(url).ok()?;
        matches!(joined.scheme(), "http" | "https").then(|| Cow::Owned(joined.to_string()))
    }
}

/// Each id we generated may appear once; anything else that claims an id (raw
/// HTML in a scraped page) loses it, so ids never clash with the template's.
struct IdPolicy {
    ids: HashSet<String>,
    seen: Mutex<HashSet<String>>,
}

impl IdPolicy {
    fn check<'a>(&self, element: &str, attribute: &str, value: &'a str) -> Option<Cow<'a, str>> {
        if attribute != "id" {
            return Some(Cow::Borrowed(value));
        }
        let allowed = matches!(
            element,
            "a" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        ) && self.ids.contains(value);
        let first = self
            .seen
            .lock()
            .map(|mut seen| seen.insert(value.to_owned()))
            .unwrap_or(false);
        (allowed && first).then_some(Cow::Borrowed(value))
    }
}

/// A heading being copied: (level in, level out, where it starts in the
/// output, the outline before it).
type OpenHeading = (u8, u8, usize, Vec<(u8, u8)>);

/// Tidies ammonia's output so it is valid HTML whatever the input was:
/// - `<img>` left without a `src` (its URL was unsafe) is dropped, and the
///   rest get an `alt` if they have none;
/// - `<a>` left without an `href` (a dropped link) is unwrapped to its text,
///   since `rel` is only allowed on links;
/// - headings move one level down (the page's `<h1>` is the title) and never
///   skip a level (`h2` then `h4` becomes `h2` then `h3`).
///
/// # Note
/// Works on ammonia's serialisation: text has every `<` escaped, so each `<`
/// starts a tag; attribute values are double-quoted; headings and links
/// never nest in themselves.
fn tidy(html: &str, mentions: Option<MentionLinks<'_>>, images: ImagePolicy<'_>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // Inside links, code and headings, mentions stay plain text.
    let mut no_link_depth = 0usize;
    let mut linked: HashSet<Entity> = HashSet::new();
    // Open sections as (level in the source, level on the page). The page's
    // own <h1> is the title, so the body's top level becomes <h2>, and a
    // heading sits exactly one level below the section it is in: siblings
    // stay siblings and no level is skipped.
    let mut outline: Vec<(u8, u8)> = Vec::new();
    // (level in, level out, where it starts in `out`, the outline before it)
    let mut open_heading: Option<OpenHeading> = None;
    let mut unwrapped_link = false;
    // Where the open link's start tag begins in `out`, and its length.
    let mut open_link: Option<(usize, usize)> = None;
    while let Some(start) = rest.find('<') {
        match mentions {
            Some(m) if no_link_depth == 0 => {
                link_mentions(&rest[..start], m, &mut linked, &mut out)
            }
            _ => out.push_str(&rest[..start]),
        }
        let tag_text = &rest[start..];
        let Some(end) = tag_end(tag_text) else {
            out.push_str(tag_text);
            return out;
        };
        let tag = &tag_text[..end];
        rest = &tag_text[end..];
        for name in ["a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"] {
            if is_start_tag(tag, name) {
                no_link_depth += 1;
            } else if tag.strip_prefix("</").and_then(|t| t.strip_prefix(name)) == Some(">") {
                no_link_depth = no_link_depth.saturating_sub(1);
            }
        }
        if is_start_tag(tag, "img") {
            if let Some(src) = attribute(tag, "src") {
                let alt = attribute(tag, "alt").unwrap_or("");
                match images.images {
                    _ if !images.is_foreign(src) => keep_image(tag, &mut out),
                    Images::Keep => keep_image(tag, &mut out),
                    Images::Drop => {}
                    Images::Link => link_image(src, alt, open_link.is_some(), &mut out),
                }
            }
        } else if is_start_tag(tag, "a") && !tag.contains(" href=\"") {
            unwrapped_link = true;
        } else if tag == "</a>" && unwrapped_link {
            unwrapped_link = false;
        } else if is_start_tag(tag, "a") {
            open_link = Some((out.len(), tag.len()));
            out.push_str(tag);
        } else if tag == "</a>" {
            match open_link.take() {
                // A link with nothing to read (an icon, a dropped image) has
                // no name for screen readers: keep what is inside, drop the link.
                Some((start, len)) if !has_text_or_alt(&out[start + len..]) => {
                    out.replace_range(start..start + len, "");
                }
                _ => out.push_str(tag),
            }
        } else if let Some(level) = heading_level(tag, false) {
            let before = outline.clone();
            while outline.last().is_some_and(|&(src, _)| src >= level) {
                outline.pop();
            }
            let level_out = outline.last().map_or(2, |&(_, o)| o + 1).min(6);
            outline.push((level, level_out));
            open_heading = Some((level, level_out, out.len(), before));
            out.push_str(&format!("<h{level_out}"));
            out.push_str(&tag[3..]);
        } else if let Some(level) = heading_level(tag, true) {
            match open_heading.take() {
                Some((opened, _, started, before))
                    if opened == level && is_blank_markup(&out[started..]) =>
                {
                    // An empty heading (a scraped icon or a dropped link) is
                    // noise to screen readers: leave it out.
                    out.truncate(started);
                    outline = before;
                }
                Some((opened, level_out, _, _)) if opened == level => {
                    out.push_str(&format!("</h{level_out}>"));
                }
                _ => out.push_str(tag),
            }
        } else {
            out.push_str(tag);
        }
    }
    out.push_str(rest);
    out
}

/// Copies `text` (escaped HTML text) to `out`, linking the first mention of
/// each entity not linked yet.
fn link_mentions(text: &str, m: MentionLinks<'_>, linked: &mut HashSet<Entity>, out: &mut String) {
    let mut pos = 0;
    for (start, end, entity) in entities::spans(text, m.watchlist) {
        if linked.contains(&entity) || m.only.is_some_and(|o| o.binary_search(&entity).is_err()) {
            continue;
        }
        out.push_str(&text[pos..start]);
        out.push_str(&format!(
            "<a class=\"entity\" href=\"{}{}\">{}</a>",
            m.site_path,
            entity.page_path(),
            &text[start..end]
        ));
        pos = end;
        linked.insert(entity);
    }
    out.push_str(&text[pos..]);
}

/// True when `markup` has no text outside its tags (and no image).
fn is_blank_markup(markup: &str) -> bool {
    if markup.contains("<img") {
        return false;
    }
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag && !c.is_whitespace() && c != '\u{a0}' => return false,
            _ => {}
        }
    }
    !markup.contains("&nbsp;") || markup.replace("&nbsp;", "").trim().is_empty()
}

/// True when `markup` has text outside its tags, or an image with alt text.
fn has_text_or_alt(markup: &str) -> bool {
    let alt = markup
        .match_indices(" alt=\"")
        .any(|(i, m)| !markup[i + m.len()..].starts_with('"'));
    alt || !is_blank_markup(&markup.replace("<img", "<x"))
}

/// True for `<name>` or `<name attr...>` (not `<names>`).
/// An `<img>` as ammonia wrote it, with an empty `alt` if it had none.
fn keep_image(tag: &str, out: &mut String) {
    if tag.contains(" alt=\"") {
        out.push_str(tag);
    } else {
        out.push_str("<img alt=\"\"");
        out.push_str(&tag[4..]);
    }
}

/// An image turned into a link to it (or, inside a link, into text, since
/// links do not nest), named by its alt text or else its host. `src` and
/// `alt` are attribute-escaped already; the serialiser leaves `<` and `>`
/// as they are in attributes, so those are escaped for text here.
fn link_image(src: &str, alt: &str, in_link: bool, out: &mut String) {
    let alt = alt.trim();
    let name = if alt.is_empty() {
        let host = src
            .trim_start_matches("https:")
            .trim_start_matches("http:")
            .trim_start_matches("//")
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("");
        format!("Image ({})", host.replace('<', "&lt;").replace('>', "&gt;"))
    } else {
        format!("Image: {}", alt.replace('<', "&lt;").replace('>', "&gt;"))
    };
    if in_link {
        out.push_str(&format!("[{name}]"));
    } else {
        out.push_str(&format!(
            "<a class=\"image-link\" href=\"{src}\" rel=\"noopener noreferrer\">{name}</a>"
        ));
    }
}

/// The value of attribute `name` in a start tag as ammonia serialises it
/// (double-quoted, escaped), if present.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

fn is_start_tag(tag: &str, name: &str) -> bool {
    tag.strip_prefix('<')
        .and_then(|t| t.strip_prefix(name))
        .is_some_and(|t| t.starts_with([' ', '>', '/']))
}

/// The level of an `<hN ...>` start tag (or `</hN>` end tag when `closing`).
fn heading_level(tag: &str, closing: bool) -> Option<u8> {
    let prefix = if closing { "</h" } else { "<h" };
    let rest = tag.strip_prefix(prefix)?;
    let mut chars = rest.chars();
    let digit = chars.next()?.to_digit(10)?;
    let after = chars.next()?;
    ((1..=6).contains(&digit) && (after == '>' || (!closing && after == ' ')))
        .then_some(digit as u8)
}

/// Byte length of the tag at the start of `s`, up to and including its `>`,
/// skipping `>` inside quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut in_quotes = false;
    for (i, c) in s.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            '>' if !in_quotes => return Some(i + 1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_read_gives_the_text_code_and_links_beside_the_html() {
        let md = "# Fix for CVE-2024-1234\n\nThe [vendor](https://v.example/advisory) \
                  fixed `CVE-2024-5678` and\nshipped 2.4.1. ![logo alt](https://v.example/l.png)\n\n\
                  * first item\n* second item\n\n| host | port |\n| --- | --- |\n| evil.example | 443 |\n\n\
                  ```\nsha256 deadbeef\n```\n\n<div>raw CVE-2023-1</div>\n";
        let read = read(md, Links::AsWritten);
        assert_eq!(
            read.text(),
            "Fix for CVE-2024-1234\nThe vendor fixed CVE-2024-5678 and\nshipped 2.4.1. \n\
             first item\nsecond item\nhost port \nevil.example 443 \n<div>raw CVE-2023-1</div>\n"
        );
        assert_eq!(read.code(), "sha256 deadbeef\n\n");
        let rendered = read.render(None, ImagePolicy::KEEP);
        assert_eq!(rendered.links, ["https://v.example/advisory"]);
        assert!(
            rendered
                .html
                .as_str()
                .contains("<code>CVE-2024-5678</code>")
        );
        // The same body through `render` gives the same page.
        assert_eq!(
            render(md, Links::AsWritten, None, ImagePolicy::KEEP).html,
            rendered.html
        );
    }

    fn html(md: &str, base: Option<&str>) -> String {
        let base = base.map(|b| Url::parse(b).unwrap());
        render(
            md,
            Links::AgainstOriginal(base.as_ref()),
            None,
            ImagePolicy::KEEP,
        )
        .html
        .0
    }

    #[test]
    fn scripts_handlers_and_bad_schemes_are_removed() {
        let out = html(
            "<script>alert(1)</script>\n\n<p onclick=\"x()\">hi</p>\n\n[a](javascript:alert(1)) <a href=\"data:text/html,x\">b</a>",
            None,
        );
        assert!(!out.contains("script"), "{out}");
        assert!(!out.contains("onclick"), "{out}");
        assert!(!out.contains("javascript:"), "{out}");
        assert!(!out.contains("data:"), "{out}");
        assert!(out.contains("hi"), "{out}");
    }

    #[test]
    fn relative_links_resolve_against_the_original_and_external_links_get_rel() {
        let out = html(
            "[about](/p/about.html) ![x](../img/x.png) [ext](https://ex.org/)",
            Some("https://news.example.com/2024/12/story.html"),
        );
        assert!(
            out.contains("href=\"https://news.example.com/p/about.html\""),
            "{out}"
        );
        assert!(
            out.contains("src=\"https://news.example.com/2024/img/x.png\""),
            "{out}"
        );
        assert!(out.contains("rel=\"noopener noreferrer\""), "{out}");
    }

    #[test]
    fn relative_links_without_an_original_are_dropped() {
        let out = html("[about](/p/about.html)", None);
        assert!(!out.contains("href"), "{out}");
        assert!(out.contains("about"), "{out}");
    }

    #[test]
    fn an_editors_links_stay_as_written() {
        // See: issue 11: `See [this](/no/such/page/)` lost its link.
        let out = render(
            "See [this](/no/such/page/), [that](../x/) and [here](#nowhere).",
            Links::AsWritten,
            None,
            ImagePolicy::KEEP,
        )
        .html
        .0;
        assert_eq!(
            out,
            "<p>See <a href=\"/no/such/page/\" rel=\"noopener noreferrer\">this</a>, <a href=\"../x/\" rel=\"noopener noreferrer\">that</a> and <a href=\"#nowhere\" rel=\"noopener noreferrer\">here</a>.</p>\n"
        );
    }

    #[test]
    fn links_as_written_still_lose_script_urls() {
        let out = render(
            "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) <a href=\"vbscript:x\">c</a> <img src=\"data:x\">",
            Links::AsWritten,
            None,
            ImagePolicy::KEEP,
        )
        .html
        .0;
        assert_eq!(out, "<p>a b c </p>\n");
    }

    #[test]
    fn dangling_fragments_are_dropped_but_footnotes_work() {
        let out = html(
            "[Share](#link_share) text[^n]\n\n[^n]: The note.\n\n<div id=\"fn-1\">forged</div>",
            Some("https://ex.com/a"),
        );
        assert!(!out.contains("#link_share"), "{out}");
        assert!(out.contains("href=\"#fn-1\""), "{out}");
        assert_eq!(out.matches("id=\"fn-1\"").count(), 1, "{out}");
        assert!(out.contains("id=\"fnref-1\""), "{out}");
    }

    #[test]
    fn data_images_vanish_and_headings_demote() {
        let out = html(
            "# Title\n\n[![Logo](data:image/png;base64...)](/)\n\n<img src=\"data:x\">",
            None,
        );
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("<h2 id=\"title\">Title</h2>"), "{out}");
    }

    #[test]
    fn raw_html_cannot_bring_ids() {
        let out = html(
            "<a id=\"fn-1\" href=\"https://e.org/\">trap</a> set id=5\n\nText[^n]\n\n[^n]: Note.",
            None,
        );
        assert_eq!(out.matches("id=\"fn-1\"").count(), 1, "{out}");
        assert!(
            out.contains("<div class=\"footnote\" id=\"fn-1\">"),
            "{out}"
        );
        assert!(out.contains("set id=5"), "{out}");
    }

    #[test]
    fn images_get_alt() {
        let out = html("<img src=\"https://ex.com/a.png\">", None);
        assert!(
            out.contains("<img alt=\"\" src=\"https://ex.com/a.png\">"),
            "{out}"
        );
    }

    #[test]
    fn headings_never_skip_a_level() {
        let out = html("# A\n\n#### B\n\n###### C\n\n## D\n\n<h5>E</h5>", None);
        assert!(out.contains("<h2 id=\"a\">A</h2>"), "{out}");
        assert!(out.contains("<h3 id=\"b\">B</h3>"), "{out}");
        assert!(out.contains("<h4 id=\"c\">C</h4>"), "{out}");
        assert!(out.contains("<h3 id=\"d\">D</h3>"), "{out}");
        assert!(out.contains("<h4>E</h4>"), "{out}");
        let out = html("## [](#x)\n\n### Real", None);
        assert_eq!(out.trim(), "<h2 id=\"real\">Real</h2>");
    }

    #[test]
    fn links_without_text_are_unwrapped() {
        let out = html(
            "[](https://e.org/) [![Logo](data:image/png;base64...)](https://e.org/) [![](https://e.org/i.png)](https://e.org/) [![Logo](https://e.org/l.png)](https://e.org/)",
            None,
        );
        assert_eq!(out.matches("<a ").count(), 1, "{out}");
        assert!(
            out.contains("<img src=\"https://e.org/i.png\" alt=\"\">"),
            "{out}"
        );
    }

    #[test]
    fn headings_get_ids_so_the_pages_own_contents_links_work() {
        let out = html(
            "* [How it loads](#how-it-loads)\n* [Gone](#gone)\n\n## How it loads\n\n## Related\n\n## How it loads",
            None,
        );
        assert!(out.contains("<a href=\"#how-it-loads\""), "{out}");
        assert!(out.contains("<h2 id=\"how-it-loads\">"), "{out}");
        assert!(out.contains("<h2 id=\"related-2\">"), "{out}");
        assert!(out.contains("<h2 id=\"how-it-loads-2\">"), "{out}");
        // A source h2 after the h2s is a sibling, not a child.
        assert!(!out.contains("#gone"), "{out}");
    }

    #[test]
    fn dropped_links_are_unwrapped() {
        let out = html(
            "[Share on Facebook](#link_share) and [ok](https://e.org/)",
            None,
        );
        assert!(out.contains("<p>Share on Facebook and <a"), "{out}");
        assert_eq!(out.matches("</a>").count(), 1, "{out}");
    }

    #[test]
    fn first_mentions_link_to_entity_pages_outside_links_and_code() {
        let w = Watchlist::parse("actors:\n  - name: APT29\n    aliases: [Cozy Bear]\n").unwrap();
        let m = MentionLinks {
            watchlist: &w,
            site_path: "/d/",
            only: None,
        };
        let out = render(
            "# CVE-2021-44228\n\nCozy Bear used cve-2021-44228 and `CVE-2021-45046`; [CVE-2021-45046](https://nvd.example/) then CVE-2021-44228 and APT29.",
            Links::AsWritten,
            Some(m),
            ImagePolicy::KEEP,
        )
        .html
        .0;
        assert!(
            out.contains("<h2 id=\"cve-2021-44228\">CVE-2021-44228</h2>"),
            "{out}"
        );
        assert!(
            out.contains(
                "<a class=\"entity\" href=\"/d/entities/actors/apt29.html\">Cozy Bear</a>"
            ),
            "{out}"
        );
        assert!(
            out.contains(
                "used <a class=\"entity\" href=\"/d/entities/cve/2021/cve-2021-44228.html\">cve-2021-44228</a>"
            ),
            "{out}"
        );
        assert!(out.contains("<code>CVE-2021-45046</code>"), "{out}");
        assert_eq!(
            out.matches("entities/cve/2021/cve-2021-44228.html").count(),
            1,
            "{out}"
        );
        assert!(!out.contains("cve-2021-45046.html"), "{out}");
        assert!(out.contains("and APT29."), "{out}");
    }

    #[test]
    fn tables_tasks_strikethrough() {
        let out = html(
            "| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] done\n\n~~old~~",
            None,
        );
        assert!(out.contains("<table>"), "{out}");
        assert!(out.contains("type=\"checkbox\""), "{out}");
        assert!(out.contains("<del>old</del>"), "{out}");
    }

    #[test]
    fn lede_skips_menus_and_short_lines() {
        let md = "* [Home](/)\n* [News](/n)\n\n[Subscribe](#s) [Share](#x) [Follow us on Twitter and Facebook today](#y)\n\n**Dec 02, 2024**\n\nA global law enforcement operation has led to the arrest of more than 5,500 suspects in many countries.\n\nSecond.";
        let lede = render(md, Links::AsWritten, None, ImagePolicy::KEEP)
            .lede
            .unwrap();
        assert!(lede.starts_with("A global law enforcement"), "{lede}");
    }
}
