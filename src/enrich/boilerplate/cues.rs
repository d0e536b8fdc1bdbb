//! Cues that a line is site furniture rather than article.
//!
//! Takes the visible text of one line (and the texts of its
//! links); gives the kind of chrome the line announces, if any. The cues
//! name kinds of page furniture, never sites: cookie and privacy notices,
//! copyright lines, reprint and conversion disclaimers, invitations to
//! comment, follow-us and subscription promotions (WeChat account blurbs,
//! bug-bounty and membership programmes), event, course and webinar ads,
//! "read the original" pointers, "was this helpful?" and typo-report
//! ("... press Ctrl+Enter") widgets and calls to
//! action, a newsletter's sign-off and its mailing-list footer, a
//! filing's signature block. Each is a
//! phrase in one of the languages the digest reads (English, Italian,
//! Chinese, and more), or a mark that needs no language (`©`, an ICP
//! licence number, a VAT number).
//!
//! Phrases are whole expressions ("we use cookies", not "cookie"), so an
//! article that discusses stolen session cookies or a copyright lawsuit does
//! not match.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};

/// Cookie and privacy notices.
const COOKIES: &[&str] = &[
    "we use cookies",
    "this site uses cookies",
    "this website uses cookies",
    "use of cookies",
    "cookie policy",
    "cookie settings",
    "accept cookies",
    "utilizza cookie",
    "utilizza i cookie",
    "uso dei cookie",
    "all'uso dei cookie",
    "informativa sulla privacy",
    "privacy policy",
    "privacy & use",
    "privacy notice",
    "使用cookie",
    "使用 cookie",
    "utilizamos cookies",
    "usamos cookies",
    "nous utilisons des cookies",
    "wir verwenden cookies",
    "cookieを使用",
    "쿠키를 사용",
];

/// Copyright lines.
const COPYRIGHT: &[&str] = &[
    "©",
    "all rights reserved",
    "tutti i diritti riservati",
    "版权所有",
    "版权声明",
    "alle rechte vorbehalten",
    "todos los derechos reservados",
    "tous droits réservés",
    "direitos reservados",
    "著作権",
    "무단전재",
    "재배포금지",
    "icp备",
    "p.iva",
    "partita iva",
];

/// Disclaimers that the text comes from elsewhere or is given without
/// warranty.
const DISCLAIMERS: &[&str] = &[
    "was converted from",
    "were converted from",
    "was extracted from",
    "is extracted from",
    "provided \"as is\"",
    "provided “as is”",
    "provided as is",
    "reader view",
    "免责声明",
    "仅供参考",
    "转载自",
    "本文转载",
    "如有侵权",
];

/// Invitations to comment.
const COMMENTS: &[&str] = &[
    "let us know your thoughts",
    "let us know in the comments",
    "let us know what you think",
    "in the comments below",
    "share your thoughts",
    "fatemi sapere",
    "nei commenti",
    "欢迎留言",
    "留言区",
];

/// Follow-us, subscription and membership promotions.
const FOLLOW: &[&str] = &[
    "follow me on",
    "follow us on",
    "follow her on",
    "follow him on",
    "follow them on",
    "follow me for",
    "follow us for",
    "forget to follow me",
    "forget to follow us",
    "subscribe to our",
    "sign up for our",
    "thanks for reading",
    "subscribe for free",
    "forwarded this to you",
    "become a supporter",
    "become a patron",
    "support the channel",
    "support this channel",
    "support my work",
    "buy me a coffee",
    "seguimi su",
    "seguici su",
    "iscriviti alla newsletter",
    "关注我们",
    "关注该公众号",
    "欢迎关注",
    "扫码关注",
    "长按识别",
    "二维码",
    "点击上方蓝字",
    "微信扫一扫",
    "预览时标签不可点",
    "阅读原文",
    "点个在看",
    "点个“在看”",
    "知识星球",
    "漏洞奖励",
    "奖励计划",
    "投稿邮箱",
    "欢迎加入",
    "订阅我们",
];

/// A newsletter's sign-off and the footer its mailing service adds to
/// every issue (and to the web version).
const MAILING_LIST: &[&str] = &[
    "that's it for this week",
    "that’s it for this week",
    "that's all for this week",
    "that’s all for this week",
    "that's it for today",
    "that’s it for today",
    "that's all for today",
    "that’s all for today",
    "hit reply",
    "view this email in your browser",
    "view this email in a browser",
    "forward to a friend",
    "was this forwarded to you",
    "were you forwarded this",
    "you are receiving this email",
    "you're receiving this email",
    "you’re receiving this email",
    "you received this email because",
    "unsubscribe from this list",
    "update your preferences",
    "manage your preferences",
    "how you receive these emails",
    "add us to your address book",
    "our mailing address is",
    "newsletter abbestellen",
    "se désabonner",
    "darse de baja",
    "annulla l'iscrizione",
];

/// "Was this helpful?" widgets.
const FEEDBACK: &[&str] = &[
    "was this article helpful",
    "was this page helpful",
    "was this post helpful",
    "was this bulletin helpful",
    "was this advisory helpful",
    "was this information helpful",
    "ti è stato utile",
    "有帮助吗",
    "le resultó útil",
    "te resultó útil",
    "artikel hilfreich",
    "vous a-t-il été utile",
    "役に立ちましたか",
    "役に立ったら",
    "도움이 되었",
    "nakatulong ba",
];

/// A typo-report widget, in any language: "Found a mistake? Select it and
/// press Ctrl+Enter." A line of a few words: a how-to's step that names
/// the keys is longer, or part of a longer paragraph.
const TYPO_REPORT: &[&str] = &["ctrl+enter", "ctrl + enter"];

/// Event, course and webinar ads.
const EVENTS: &[&str] = &[
    "upcoming event",
    "join our webinar",
    "live webinar",
    "free webinar",
    "on-demand webinar",
    "webinar gratuito",
    "online course",
    "course starts",
    "iscrizioni aperte",
    "brought to you by",
    "word from our sponsor",
    "this week's sponsor",
    "sponsored by",
    "【pr】",
];

/// Pointers to the original of an aggregated or reprinted story.
const ORIGINAL: &[&str] = &[
    "read the full story at",
    "read the full article at",
    "read the original",
    "view original",
    "originally published",
    "originally appeared on",
    "originally appeared in",
    "leggi l'articolo",
    "原文链接",
];

/// The signature block a filing ends with ("Pursuant to the requirements
/// of the Act, the registrant has duly caused this report to be signed on
/// its behalf by the undersigned hereunto duly authorized."): the form's
/// words, in the register every such filing uses.
const FILING_SIGNATURE: &[&str] = &["has duly caused this", "hereunto duly authorized"];

/// Link texts that ask the reader to act: the button of an ad or promo.
const CALLS_TO_ACTION: &[&str] = &[
    "register",
    "register now",
    "register here",
    "sign up",
    "sign up now",
    "subscribe",
    "subscribe now",
    "enrol today",
    "enroll today",
    "enrol now",
    "enroll now",
    "save your seat",
    "reserve your seat",
    "book your place",
    "request a demo",
    "get a demo",
    "book a demo",
    "join now",
    "registrati",
    "iscriviti",
    "scopri di più",
    "abbonati",
    "立即报名",
    "立即注册",
    "点击报名",
    "立即订阅",
];

/// Every phrase in one automaton, so a line is scanned once whatever the
/// number of phrases (cleaning runs on every line of every article), with
/// the reason each phrase gives.
static PHRASES: LazyLock<(AhoCorasick, Vec<&'static str>)> = LazyLock::new(|| {
    let groups: [(&[&str], &'static str); 11] = [
        (COOKIES, COOKIE_NOTICE),
        (COPYRIGHT, "copyright line"),
        (
            DISCLAIMERS,
            "disclaimer (reprinted, converted or provided as is)",
        ),
        (COMMENTS, "invitation to comment"),
        (FOLLOW, PROMOTION),
        (EVENTS, AD),
        (ORIGINAL, "pointer to the original story"),
        (FEEDBACK, "feedback widget"),
        (TYPO_REPORT, TYPO_WIDGET),
        (MAILING_LIST, "newsletter sign-off or mailing-list footer"),
        (FILING_SIGNATURE, "a filing's signature block"),
    ];
    let mut patterns = Vec::new();
    let mut reasons = Vec::new();
    for (phrases, why) in groups {
        for p in phrases {
            patterns.push(*p);
            reasons.push(why);
        }
    }
    // ASCII case folding in the automaton spares lower-casing every line;
    // the other scripts' phrases have no case.
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(&patterns)
        .expect("the phrases are plain strings");
    (automaton, reasons)
});

const COOKIE_NOTICE: &str = "cookie or privacy notice";
const TYPO_WIDGET: &str = "typo-report widget";
const PROMOTION: &str = "follow, subscription or programme promotion";
const AD: &str = "event, course, webinar or sponsor ad";

/// Whether a cue's kind is one a sentence of the story can name in
/// passing ("reported through the vendor's bug-bounty programme", "at a
/// webinar last week"): a promotion or an ad, not a notice or a mark.
pub(super) fn may_be_named_in_passing(why: &str) -> bool {
    why == PROMOTION || why == AD
}

/// Why a line reads as chrome, from its visible text and its number of
/// words.
pub(super) fn chrome_cue(text: &str, words: usize) -> Option<&'static str> {
    let (automaton, reasons) = &*PHRASES;
    automaton
        .find_iter(text)
        .map(|m| reasons[m.pattern().as_usize()])
        // A notice that names the privacy policy is a sentence or two; an
        // article paragraph about a company's privacy policy is longer.
        .find(|why| match *why {
            COOKIE_NOTICE => words <= 25,
            TYPO_WIDGET => words <= 15,
            _ => true,
        })
}

/// Whether a link's text is a call to action ("Register now", "Iscriviti").
pub(super) fn is_call_to_action(link_text: &str) -> bool {
    let t = link_text
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    CALLS_TO_ACTION.contains(&t.as_str())
}

/// Whether a link's text opens with a call to action ("Sign up for
/// alerts", "Subscribe to the briefing"): the button of a sign-up box.
pub(super) fn opens_with_call_to_action(link_text: &str) -> bool {
    let t = link_text
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    CALLS_TO_ACTION
        .iter()
        .any(|p| t == *p || t.strip_prefix(p).is_some_and(|r| r.starts_with(' ')))
}
