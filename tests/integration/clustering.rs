//! Same story, one entry, measured: precision and recall of clustering on
//! the labelled stories in `tests/fixtures/labelled/stories/` (`tune/`, used
//! to choose the signals' weights and the threshold, and `heldout/`, used
//! only to report), with the hard negatives named in each set's labels.

use std::collections::BTreeSet;

use serde::Deserialize;

use briefing::config::Overrides;

use crate::harness::{SiteTest, diagnostics_text};
use crate::intelligence::clustered_pairs;

#[derive(Deserialize)]
struct Labels {
    same_story: Vec<Vec<String>>,
    different_story: Vec<HardNegative>,
}

#[derive(Deserialize)]
struct HardNegative {
    kind: String,
    pair: [String; 2],
}

/// What one labelled set measures.
#[derive(Debug)]
struct Scores {
    /// Merged pairs that are labelled the same story.
    precision: f64,
    /// Labelled same-story pairs that were merged.
    recall: f64,
    /// Different-story pairs (every pair not labelled the same) kept apart.
    apart: f64,
    /// Hard negatives merged by mistake, with their kind.
    hard_negatives_merged: Vec<String>,
    /// Labelled pairs that were missed.
    missed: Vec<(String, String)>,
}

fn ordered(a: &str, b: &str) -> (String, String) {
    if a < b {
        (a.to_owned(), b.to_owned())
    } else {
        (b.to_owned(), a.to_owned())
    }
}

fn measure(set: &str) -> Scores {
    measure_site(&SiteTest::fixture(&format!("labelled/stories/{set}")), set)
}

/// [`measure`] on a site already laid out: its `content/` and its
/// `labels.yaml`.
fn measure_site(site: &SiteTest, set: &str) -> Scores {
    // Every article counts, whatever today's date: a set dated past the day
    // the test runs would otherwise lose its later reports, and its score
    // would change with the calendar.
    site.build_with(&Overrides {
        future: true,
        ..Overrides::default()
    })
    .unwrap_or_else(|f| panic!("{set} did not build:\n{}", diagnostics_text(&f)));
    let text = std::fs::read_to_string(site.root().join("labels.yaml")).expect("labels exist");
    let labels: Labels = serde_yaml::from_str(&text).expect("labels are well-formed");
    let mut expected = BTreeSet::new();
    for group in &labels.same_story {
        for a in group {
            for b in group {
                if a < b {
                    expected.insert((a.clone(), b.clone()));
                }
            }
        }
    }
    let (got, articles) = clustered_pairs(site);
    let files = std::fs::read_dir(site.root().join("content"))
        .expect("fixture is well-formed")
        .count();
    assert_eq!(
        articles, files,
        "{set}: every labelled article is in the digest"
    );
    let all_pairs = articles * (articles - 1) / 2;
    let hits = got.intersection(&expected).count();
    let wrong = got.len() - hits;
    let different = all_pairs - expected.len();
    Scores {
        precision: if got.is_empty() {
            1.0
        } else {
            hits as f64 / got.len() as f64
        },
        recall: hits as f64 / expected.len() as f64,
        apart: (different - wrong) as f64 / different as f64,
        hard_negatives_merged: labels
            .different_story
            .iter()
            .filter(|n| got.contains(&ordered(&n.pair[0], &n.pair[1])))
            .map(|n| format!("{} ({} / {})", n.kind, n.pair[0], n.pair[1]))
            .collect(),
        missed: expected.difference(&got).cloned().collect(),
    }
}

/// [`measure`], printing which pairs went wrong.
fn measure_showing(set: &str) -> Scores {
    let scores = measure(set);
    eprintln!(
        "clustering, {set} set: precision {:.2}, recall {:.2}, different-story pairs kept apart {:.3}; \
         hard negatives merged {:?}; missed {:?}",
        scores.precision, scores.recall, scores.apart, scores.hard_negatives_merged, scores.missed
    );
    scores
}

fn assert_targets(scores: &Scores) {
    assert!(
        scores.recall >= 0.9 && scores.precision >= 0.95 && scores.apart >= 0.95,
        "{scores:?}"
    );
    assert!(
        scores.hard_negatives_merged.is_empty(),
        "{:?}",
        scores.hard_negatives_merged
    );
}

/// Precision, recall and different-story pairs kept apart at least
/// `floor`, and, if `no_hard_negative`, no named hard negative merged.
/// Blind sets pass `false`: the message would name the pair.
fn hold_floor(scores: &Scores, floor: (f64, f64, f64), no_hard_negative: bool) {
    assert!(
        scores.precision >= floor.0,
        "precision {:.2}",
        scores.precision
    );
    assert!(scores.recall >= floor.1, "recall {:.2}", scores.recall);
    assert!(scores.apart >= floor.2, "apart {:.3}", scores.apart);
    if no_hard_negative {
        assert!(
            scores.hard_negatives_merged.is_empty(),
            "{:?}",
            scores.hard_negatives_merged
        );
    }
}

#[test]
fn clustering_meets_the_targets_on_the_tuning_stories() {
    assert_targets(&measure_showing("tune"));
}

/// The second tuning set (`tune2/`: 44 articles, ten stories in thirteen
/// languages, 15 hard negatives), written to the blind set's brief by
/// someone who had not read the clustering code, and open to tuning. First
/// score (2026-12-01): precision 0.84, recall 0.53, a weekly roundup merged
/// with a story it links. Now precision 1.00, recall 0.93, 1.000 kept apart,
/// no hard negative merged (roundups kept apart, numbers and sentence-start
/// names as rare things, the publisher named, two shared CVEs as evidence,
/// a member's link or indicator widening the window for its story); still
/// missed: the Korean outage report, which shares only the company's name
/// and an HTTP status with the others; since a rare name and a rare count
/// agreeing stand in for ledes, recall 1.00. Held to that score.
#[test]
fn clustering_on_the_second_tuning_stories_holds_its_floor() {
    let scores = measure_showing("tune2");
    assert!(scores.precision >= 1.0, "{scores:?}");
    assert!(scores.recall >= 1.0, "{scores:?}");
    assert!(scores.apart >= 0.999, "{scores:?}");
}

#[test]
fn clustering_meets_the_targets_on_the_held_out_stories() {
    assert_targets(&measure_showing("heldout"));
}

/// The third tuning set (`tune3/`: 42 articles, ten stories told by two to
/// four outlets in eleven languages, 21 hard negatives of 15 kinds),
/// written by someone who had not read the clustering code and measured
/// blind first, totals only; open to tuning since a new blind set was
/// commissioned (2026-12-02). Prints the pairs it misses.
#[test]
fn clustering_on_the_third_tuning_stories_holds_its_floor() {
    let scores = measure_showing("tune3");
    hold_floor(&scores, TUNE3_FLOOR, true);
}

/// Precision, recall and pairs kept apart at least, on the third tuning
/// stories: its blind score (2026-12-01, at d94c634: precision 0.85,
/// recall 0.46, 0.998 kept apart, 2 hard negatives merged, 13 of 24
/// same-story pairs missed). After the tune2 signals (roundups, numbers,
/// sentence-start names, publisher named, two CVEs, window carried by the
/// story): precision 1.00, recall 0.58, 1.000 kept apart, 0 hard negatives
/// merged, 10 of 24 missed. Tuned since (a CVE glued to CJK text, roundups
/// whose items share a word, reports with their own hashes or IPs kept
/// apart, advisory and incident IDs as indicators, numbers with count
/// words, names of several words, days and clock times, a shared CVE
/// weighing with the rare things): precision 1.00, recall 1.00, 1.000 kept
/// apart, no hard negative merged. Held there.
const TUNE3_FLOOR: (f64, f64, f64) = (1.0, 1.0, 0.999);

/// The fourth tuning set (`blind2/`: 43 articles, ten stories told by two
/// or three outlets in eighteen languages, 20 hard negatives), written on
/// 2026-12-02 by someone who had not read the clustering code or its tests:
/// written blind, measured blind (precision 1.00, recall 0.29; 0.39 after
/// the tune3 round), opened for tuning once the next blind set was
/// commissioned. Prints the pairs it misses.
#[test]
fn clustering_on_the_fourth_tuning_stories_holds_its_floor() {
    let scores = measure_showing("blind2");
    hold_floor(&scores, BLIND2_FLOOR, true);
}

/// Precision, recall and pairs kept apart at least, on the fourth tuning
/// stories: its blind score (2026-12-02, at 3913f7b: precision 1.00, recall
/// 0.29, 1.000 kept apart, no hard negative merged, 20 of 28 same-story
/// pairs missed; with the tune3 round, not tuned on it: 1.00, 0.39, 1.000,
/// none merged, 17 missed). Tuned since: kinds of evidence that agree (a
/// name and a figure, a name and an indicator): 1.00, 0.57, 1.000, none
/// merged, 12 missed; the text window run from a story's latest report:
/// 1.00, 0.64, 1.000, none merged, 10 missed; share buttons not counted as
/// a story a roundup covers: 1.00, 0.68, 1.000, none merged, 9 missed
/// (held at 0.67: 19 of 28 is 0.679); the blind4 round (counts by value,
/// a name and a figure widening the window): 1.00, 0.71 (20 of 28);
/// average linkage, and reports listing their own indicators never one
/// story: 1.00, 0.79 (22 of 28); a rare name and a rare count agreeing
/// (`640` clients and `LureKit`), a newsletter's numbered issue a roundup:
/// 1.00, 0.86 (24 of 28); a newcomer compared with a story's reports
/// taken together: 1.00, 0.93 (26 of 28); a report told before the rest
/// of its story weighed again against the stories formed after it: 1.00,
/// 1.00.
const BLIND2_FLOOR: (f64, f64, f64) = (1.0, 1.0, 0.999);

/// [`measure`], printing the totals alone: a blind set's test names none
/// of its pairs.
fn measure_totals(set: &str) -> Scores {
    let scores = measure(set);
    print_totals(&format!("{set} set"), &scores);
    scores
}

/// The totals of `scores`, naming no pair.
fn print_totals(what: &str, scores: &Scores) {
    eprintln!(
        "clustering, {what}: precision {:.2}, recall {:.2}, different-story pairs kept apart {:.4}, \
         {} hard negatives merged, {} same-story pairs missed",
        scores.precision,
        scores.recall,
        scores.apart,
        scores.hard_negatives_merged.len(),
        scores.missed.len()
    );
}

/// The newest blind stories (`blind3/`: 43 articles, ten stories told by
/// two to four outlets in twenty languages, 20 hard negatives of 10
/// kinds), written on 2026-12-02 by someone who had not read the
/// clustering code or its tests. Totals only.
#[test]
fn clustering_on_the_third_blind_stories_holds_its_floor() {
    let scores = measure_totals("blind3");
    hold_floor(&scores, BLIND3_FLOOR, false);
}

/// Precision, recall and pairs kept apart at least, on `blind3/`: its
/// blind score (2026-12-02, with the signals at 3418145, after the tune3
/// round: precision 1.00, recall 0.35, 1.000 kept apart, no hard negative
/// merged, 20 of 31 same-story pairs missed); after the blind2 round,
/// not tuned on it: precision 0.93 (one pair merged that is not one
/// story, not a named hard negative), recall 0.45, 0.999 kept apart, 17
/// missed; after the blind4 round (digits of any script, counts by value,
/// a name and a figure widening the window), not tuned on it: precision
/// 0.95, recall 0.58 (18 of 31); with average linkage and reports listing
/// their own indicators never one story, not tuned on it: precision 0.96,
/// recall 0.74 (23 of 31); with cloud regions as identifiers and one
/// issuer's incident IDs telling outages apart, not tuned on it: 1.00,
/// 0.80 (25 of 31), no pair merged that is not one story; on 2026-12-04,
/// 0.87 (27 of 31) once a report titled in another script carries the
/// names its URL's slug writes in Latin letters. Rounded down.
const BLIND3_FLOOR: (f64, f64, f64) = (1.0, 0.87, 0.999);

/// The newest blind stories (`blind4/`: 44 articles, ten stories told by
/// two to four outlets in 23 languages, 32 same-story pairs, 25 hard
/// negatives of 11 kinds), written on 2026-12-02 by someone who had not
/// read the clustering code or its tests. Totals only.
#[test]
fn clustering_on_the_fourth_blind_stories_holds_its_floor() {
    let scores = measure_totals("blind4");
    hold_floor(&scores, BLIND4_FLOOR, false);
}

/// Precision, recall and pairs kept apart at least, on `blind4/`: its
/// blind score (2026-12-02, with the signals at d0c4a08, before the blind3
/// round): precision 0.83, recall 0.47 (15 of 32), 0.997 kept apart, two hard
/// negatives merged (one vendor's advisories a month apart, two companies
/// of one name), 17 of 32 same-story pairs missed. (First reported as
/// 1.00 and 0.25: the set runs to January 2027 and the build left out the
/// 32 articles dated after the day it ran, until `measure` built with
/// `--future`.) Tuned on since (the blind4 round: digits of any script
/// folded, counts by value, CVEs each report lists on its own, a name and a
/// figure widening the window to four weeks, two kinds of evidence at 0.9):
/// precision 1.00, recall 0.72 (23 of 32), none merged; average linkage,
/// and reports listing their own indicators never one story: 1.00, 0.78
/// (25 of 32); cloud regions as identifiers: 1.00, 0.81 (26 of 32); a rare
/// name and a rare count agreeing (`ChợNhanh` and `2,4 triệu`), a
/// newsletter's numbered issue a roundup (else `Patch Pulse #48` joined
/// the bucket story it gives one line): 1.00, 0.88 (28 of 32); a newcomer
/// compared with a story's reports taken together, by what they share
/// beyond words (by words too, an insurer of one name joined the payment
/// app's story): 1.00, 0.94 (30 of 32). Rounded down.
const BLIND4_FLOOR: (f64, f64, f64) = (1.0, 0.93, 0.999);

/// The newest blind stories (`blind5/`: 44 articles, eleven stories told by
/// two to four outlets in 27 languages, 50 same-story pairs, 27 hard
/// negatives of 11 kinds), written on 2026-12-02 by someone who had not
/// read the clustering code or its tests; measured blind, totals only,
/// and open to tuning since blind6 was commissioned. Prints the pairs it
/// misses.
#[test]
fn clustering_on_the_fifth_blind_stories_holds_its_floor() {
    let scores = measure_showing("blind5");
    hold_floor(&scores, BLIND5_FLOOR, true);
}

/// Precision, recall and pairs kept apart at least, on `blind5/`: its
/// blind score (2026-12-02, with the signals after the blind4 round:
/// digits of any script, counts by value, a name and a figure widening
/// the window): precision 0.97 (28 of 29), recall 0.56 (28 of 50), one
/// hard negative merged. Open to tuning since blind6 was commissioned:
/// average linkage (a Swedish terminal report joins the company's
/// statement through the French rewrite) and reports listing their own
/// indicators never one story: precision 1.00, recall 0.62 (31 of 50),
/// no hard negative merged; cloud regions as identifiers (the Turkish,
/// Romanian and Dutch outage reports and the provider's review all name
/// `eu-central-2`), one issuer's incident IDs telling outages apart: 1.00,
/// 0.72 (36 of 50); a newcomer compared with a story's reports taken
/// together (the Latvian report names the company with the gang one
/// report names and the city another): 1.00, 0.84 (42 of 50); a report
/// told before the rest of its story weighed again against the stories
/// formed after it: 1.00, 0.88 (44 of 50). Rounded down.
const BLIND5_FLOOR: (f64, f64, f64) = (1.0, 0.88, 0.999);

/// The newest blind stories (`blind6/`: 44 articles, eleven stories told by
/// two to five outlets in 33 languages, 49 same-story pairs, 30 hard
/// negatives of 14 kinds, kinds of story the earlier sets had few of: an
/// exchange's hot wallet, a C library's flaw with distro advisories, a
/// satellite outage, a forum admin's arrest, a DNS hijack), written on
/// 2026-12-03 by someone who had not read the clustering code or its tests;
/// measured blind, totals only, and open to tuning since blind7 was
/// written. Prints the pairs it misses.
#[test]
fn clustering_on_the_sixth_blind_stories_holds_its_floor() {
    let scores = measure_showing("blind6");
    hold_floor(&scores, BLIND6_FLOOR, true);
}

/// Precision, recall and pairs kept apart at least, on `blind6/`: its
/// blind score (2026-12-03, with the signals at fa52360, after average
/// linkage): precision 1.00, recall 0.47 (23 of 49), 1.000 kept apart, no
/// hard negative merged; with the signals at bdd721e (cloud regions, a
/// name and a count, numbered issues, stories taken together, a second
/// look at reports told first), not tuned on it: precision 1.00, recall
/// 0.65 (32 of 49). (Its totals were printed twice while a rarity
/// setting was tried and not kept.) Rounded down.
const BLIND6_FLOOR: (f64, f64, f64) = (1.0, 0.65, 0.999);

/// The newest blind stories (`blind7/`: 44 articles, eleven stories told by
/// two to five outlets in 38 languages, 49 same-story pairs, 30 hard
/// negatives of 12 kinds: a card tokenisation leak, a smart lock's cloud
/// API, SS7 interception, a wind farm's SCADA, a deepfake voice fraud, a
/// gang's own leak site dumped), written on 2026-12-03 by someone who had
/// not read the clustering code or its tests. Totals only while blind;
/// open to tuning since blind10 and blind11 were written, its pairs printed.
#[test]
fn clustering_on_the_seventh_blind_stories_holds_its_floor() {
    let scores = measure_showing("blind7");
    hold_floor(&scores, BLIND7_FLOOR, false);
}

/// Precision, recall and pairs kept apart at least, on `blind7/`: its
/// blind score (2026-12-03, with the signals at bdd721e): precision 0.94,
/// recall 0.59 (29 of 49), one hard negative merged; at 712cb10, open to
/// tuning once blind10 and blind11 were written: 0.94 and 0.65 (32 of
/// 49); 0.69 (34 of 49) once a name and its count carry a follow-up past
/// the window; then 0.91 (39 of 43) and 0.80 (39 of 49), four wrong pairs,
/// one hard negative, once a numbered issue given to one story is a report
/// of it (a weekly roundup, in Nepali, joins the story the newsletter's
/// issue now joins); 1.00 (39 of 39) and 0.80 on 2026-12-04, once a title
/// whose label names its week (`साताको साइबर सार: …`) covering two stories
/// is a roundup; 0.88 (43 of 49) once counts written with a thousands
/// word in more languages are the same figures. Rounded down.
const BLIND7_FLOOR: (f64, f64, f64) = (1.0, 0.87, 0.999);

/// The newest blind stories (`blind8/`: 44 articles, eleven stories told by
/// two to five outlets in 34 languages, 49 same-story pairs, 31 hard
/// negatives of 14 kinds: an e-voting pilot's leaked code, a car maker's
/// telematics API, AIS spoofing, a firmware signing key, a children's
/// smartwatch, a conditional-access crack), written on 2026-12-03 by
/// someone who had not read the clustering code or its tests. Open to
/// tuning since blind10 and blind11 were written, its pairs printed.
#[test]
fn clustering_on_the_eighth_blind_stories_holds_its_floor() {
    let scores = measure_showing("blind8");
    hold_floor(&scores, BLIND8_FLOOR, false);
}

/// Precision, recall and pairs kept apart at least, on `blind8/`: its
/// blind score (2026-12-03, with the signals at 17b3fb5): precision 0.69,
/// recall 0.51 (25 of 49), five hard negatives merged, against 0.95 and
/// 0.39 with the signals of the session's start (3c65a03). Its totals then
/// served to try this round's signals one by one, none of its pairs read:
/// a story's reports taken together cost 9 wrong pairs for none gained,
/// until a newcomer must share something with each report; then precision
/// 0.93 (25 of 27), recall 0.51, two hard negatives merged. No longer
/// blind: a blind9
/// set is the next to write. At 712cb10, open to tuning: 0.93 and 0.55
/// (27 of 49); 0.94 and 0.63 (31 of 49) once a numbered issue given to
/// one story is a report of it; 1.00 (31 of 31) and 0.63 on 2026-12-04,
/// once a title whose label names its week (`Кібер-тыдзень: агляд падзей
/// 14–19 верасня`) covering two stories is a roundup; 0.78 (38 of 49) once
/// a report titled in another script carries the names its URL's slug
/// writes in Latin letters. Rounded down.
const BLIND8_FLOOR: (f64, f64, f64) = (1.0, 0.77, 0.999);

/// The newest blind stories (`blind9/`: 40 short articles, ten stories told
/// by two to four outlets in 30 languages, 35 same-story pairs, 23 hard
/// negatives of 11 kinds: a pharmacy chain's prescriptions, a VPN app's
/// logs, a ship registry's ransomware, an exchange halted by a patch, a
/// data broker's database, a wallet extension's drainer), written on
/// 2026-12-03 by someone who had not read the clustering code or its tests,
/// after this session's signals. Totals only while blind; open to tuning
/// since blind10 and blind11 were written, its pairs printed.
#[test]
fn clustering_on_the_ninth_blind_stories_holds_its_floor() {
    let scores = measure_showing("blind9");
    hold_floor(&scores, BLIND9_FLOOR, false);
}

/// Precision, recall and pairs kept apart at least, on `blind9/`: its
/// blind score (2026-12-03, with the signals at a026a1c): precision 1.00,
/// recall 0.63 (22 of 35), no hard negative merged; 1.00 and 0.69 once
/// tuned on; on 2026-12-04, 0.90 (26 of 29) and 0.74 (26 of 35) once four
/// distinct rare names shared stand in for ledes: a rider-refund scam on
/// one ride-hailing platform, the same week as its drivers' account
/// takeovers, shares the platform, the city, the currency and the payment
/// service with them, and joins (every set in one site gains 13 pairs for
/// one wrong). Rounded down.
const BLIND9_FLOOR: (f64, f64, f64) = (0.89, 0.74, 0.995);

/// The newest blind stories (`blind10/`: 44 articles, ten stories told by
/// two to five outlets in 37 languages, 46 same-story pairs, 29 hard
/// negatives of 14 kinds, among them a copycat attack on a sister
/// organisation, a vendor denying a rumoured breach of another product and
/// one gang claiming two victims the same day; half of them whole scraped
/// pages), written on 2026-12-03 by someone who had not read the
/// clustering code or its tests. Totals only while blind; open to tuning
/// since blind11 was written, its pairs printed.
#[test]
fn clustering_on_the_tenth_blind_stories_holds_its_floor() {
    let scores = measure_showing("blind10");
    hold_floor(&scores, BLIND10_FLOOR, false);
}

/// Precision, recall and pairs kept apart at least, on `blind10/`: its
/// blind score (2026-12-03, with the signals at 1b58ad0): precision 0.65
/// (32 of 49), recall 0.70 (32 of 46), 17 wrong pairs, five of them hard
/// negatives; open to tuning since blind11 was written: at 712cb10,
/// precision 0.92 (34 of 37), recall 0.74 (34 of 46), two hard negatives
/// (once a newsletter's issue in Vietnamese, `Số 43`, is a roundup, and an
/// advisory titled with other CVEs another story); 0.93 and 0.80 (37 of
/// 46) once a newcomer repeating one report's indicators is not vetoed by
/// another's. Rounded down.
const BLIND10_FLOOR: (f64, f64, f64) = (0.92, 0.80, 0.996);

/// The newest blind stories (`blind11/`: 44 articles, ten stories told by
/// two to five outlets in 37 languages, 46 same-story pairs, 27 hard
/// negatives of 15 kinds, among them one IP address in two unrelated
/// incidents and one outcome by two methods, traffic redirected by routing
/// and by DNS), written on 2026-12-03 by someone who had not read the
/// clustering code or its tests, after this session's signals. Totals only.
#[test]
fn clustering_on_the_eleventh_blind_stories_holds_its_floor() {
    let scores = measure_totals("blind11");
    hold_floor(&scores, BLIND11_FLOOR, false);
}

/// Precision, recall and pairs kept apart at least, on `blind11/`: its
/// blind score (2026-12-03, with the signals at 60185ee): precision 0.94
/// (31 of 33), recall 0.67 (31 of 46), two hard negatives merged; on
/// 2026-12-04, 0.95 (41 of 43) and 0.89 (41 of 46) once counts written
/// with a thousands word in more languages (`bin`, `tys.`, `mijë`,
/// `хиљада`, `millió`) are the same figures. Rounded down.
const BLIND11_FLOOR: (f64, f64, f64) = (0.95, 0.89, 0.997);

/// The newest blind stories (`blind12/`: 44 articles, ten stories told by
/// two to five outlets in 39 languages, 46 same-story pairs, 30 hard
/// negatives of 14 kinds, among them one IP address in two campaigns on
/// one host), written on 2026-12-03 by someone who had not read the
/// clustering code or its tests, after this session's signals. Totals only
/// while blind; open to tuning since blind13 was written, its pairs printed.
#[test]
fn clustering_on_the_twelfth_blind_stories_holds_its_floor() {
    let scores = measure_showing("blind12");
    hold_floor(&scores, BLIND12_FLOOR, false);
}

/// Precision, recall and pairs kept apart at least, on `blind12/`: its
/// blind score (2026-12-03, with the signals at 9e6457d): precision 1.00
/// (19 of 19), recall 0.41 (19 of 46), no hard negative merged; the same
/// with the signals of the session's start (ec5d547). Open to tuning
/// since blind13 was written: 1.00 and 0.50 (23 of 46) once a newcomer
/// that repeats one report's indicators is not vetoed by another's own
/// (an advisory's web shell hash in a ransomware report ten days on);
/// 1.00 and 0.61 (28 of 46) on 2026-12-04 once four distinct rare names
/// shared (the transit operator, its initials, the city and the card)
/// stand in for ledes; 0.65 (30 of 46) once counts written with a
/// thousands word in more languages are the same figures; 0.72 (33 of 46)
/// once a report titled in another script carries the names its URL's
/// slug writes in Latin letters. Rounded down.
const BLIND12_FLOOR: (f64, f64, f64) = (1.0, 0.71, 0.999);

/// The newest blind stories (`blind13/`: 44 articles, ten stories told by
/// two to five outlets in 39 languages, 46 same-story pairs, 30 hard
/// negatives of 16 kinds, among them a vendor denying a breach that hit a
/// licensee's product and a routine bulletin beside an attack that urges
/// its update), written on 2026-12-03 by someone who had not read the
/// clustering code or its tests, after this session's signals. Totals only.
#[test]
fn clustering_on_the_thirteenth_blind_stories_holds_its_floor() {
    let scores = measure_totals("blind13");
    hold_floor(&scores, BLIND13_FLOOR, false);
}

/// Precision, recall and pairs kept apart at least, on `blind13/`: its
/// blind score (2026-12-03, with the signals at be1f083): precision 0.75
/// (33 of 44), recall 0.72 (33 of 46), eleven wrong pairs, five of them
/// hard negatives; the same with the signals of the session's start
/// (ec5d547); with a newcomer's shared indicator lifting another report's
/// veto (not tuned on it): 0.77 (37 of 48), 0.80 (37 of 46), the same
/// eleven wrong pairs. Its totals then served once as a check: a report
/// citing one member joining whatever the mean (recall up on blind10 to
/// blind12) cost it four wrong pairs, two of them hard negatives, and was
/// not kept; none of its pairs was read. Open to tuning since blind14 was
/// written, its pairs printed (2026-12-04): 0.86 (37 of 43) once a
/// publisher counts only when a title or lede names it (a Danish report
/// on another pension fund on the same platform named the fund whose
/// statement was in the story, further down); 0.90 (37 of 41) once a
/// weekly digest covering two stories is a roundup. Left: a student
/// housing operator breached weeks later through the same CVE joins the
/// hotel chain's story (CVE, vendor and product shared; its own versions
/// and figures not). Rounded down.
const BLIND13_FLOOR: (f64, f64, f64) = (0.90, 0.80, 0.99);

/// The newest blind stories (`blind14/`: 44 articles, ten stories told by
/// two to five outlets in 37 languages, 47 same-story pairs, 28 hard
/// negatives of 13 kinds), written on 2026-12-03 by someone who had not
/// read the clustering code or its tests, after this session's signals.
/// Totals only while blind; open to tuning since blind15 was written, its
/// pairs printed.
#[test]
fn clustering_on_the_fourteenth_blind_stories_holds_its_floor() {
    let scores = measure_showing("blind14");
    hold_floor(&scores, BLIND14_FLOOR, false);
}

/// Precision, recall and pairs kept apart at least, on `blind14/`: its
/// blind score (2026-12-03, with the signals at 7c03d01): precision 0.87
/// (26 of 30), recall 0.55 (26 of 47), two hard negatives merged; 0.86
/// and 0.53 with the signals of the session's start (ec5d547). Open to
/// tuning since blind15 was written (2026-12-04): 0.89 and 0.72 (34 of 47)
/// once four distinct rare names shared stand in for ledes (a game
/// studio, its game, its engine and the gang, in Russian, Chinese,
/// Portuguese, Ukrainian and Arabic reports); 1.00 (34 of 34) once a title
/// that looks back a year (`Un an après l'intrusion …`) is its own item;
/// 0.77 (36 of 47) once `212 mijë` is `212,000` as in the Macedonian
/// report. Rounded down.
const BLIND14_FLOOR: (f64, f64, f64) = (1.0, 0.76, 0.999);

/// The newest blind stories (`blind15/`: 49 articles, eleven stories told
/// by two to six outlets in 38 languages, 51 same-story pairs, 31 hard
/// negatives of 15 kinds), written on 2026-12-04 by someone who had not
/// read the clustering code or its tests. Totals only while blind; open
/// to tuning since blind16 was written, its pairs printed.
#[test]
fn clustering_on_the_fifteenth_blind_stories_holds_its_floor() {
    let scores = measure_showing("blind15");
    hold_floor(&scores, BLIND15_FLOOR, false);
}

/// Precision, recall and pairs kept apart at least, on `blind15/`: its
/// blind score (2026-12-04): precision 1.00 (16 of 16), recall 0.31 (16
/// of 51), no wrong pair, the same with the signals at this session's
/// start (57dc5d5) and with its first two (a publisher named only in a
/// title or lede, weekly digests). Open to tuning since blind16 was
/// written (2026-12-04), its pairs printed: its Arabic, Japanese and Greek
/// reports write the terminal, the gang and the exchange in their own
/// scripts (`مورفاث`, `ケスヴァルド`), and their URLs in Latin letters:
/// 0.37 (19 of 51) once a report titled in another script carries the
/// names its slug writes. Rounded down.
const BLIND15_FLOOR: (f64, f64, f64) = (1.0, 0.37, 1.0);

/// The newest blind stories (`blind16/`: 49 articles, eleven stories told
/// by two to five outlets in 33 languages, 46 same-story pairs, 31 hard
/// negatives of 19 kinds: a poisoned package, a cloud outage with its
/// root-cause post and another's recovery checklist, a firewall flaw from
/// advisory to exploitation, a takedown, an espionage report with its
/// YARA rule), written on 2026-12-04 by someone who had not read the
/// clustering code or its tests. Totals only.
#[test]
fn clustering_on_the_sixteenth_blind_stories_holds_its_floor() {
    let scores = measure_totals("blind16");
    hold_floor(&scores, BLIND16_FLOOR, false);
}

/// Precision, recall and pairs kept apart at least, on `blind16/`: its
/// blind score (2026-12-04, with the signals at d42554b): precision 0.86
/// (19 of 22), recall 0.41 (19 of 46), two hard negatives merged, against
/// 1.00 and 0.41 with the signals of the session's start (57dc5d5): the
/// session's signals gained it nothing and cost it three wrong pairs; at
/// 193b51c, after the slug names (not tuned on it), 0.88 (21 of 24) and
/// 0.46 (21 of 46), read once as totals at the session's end. Rounded
/// down.
const BLIND16_FLOOR: (f64, f64, f64) = (0.87, 0.45, 0.997);

/// Every labelled story set in one site, as a digest holds them: each
/// set's articles (their names prefixed by the set's) and labels, and the
/// watch lists of those that have one.
fn every_set_in_one_site() -> SiteTest {
    let stories =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/labelled/stories");
    let site = SiteTest::fixture("labelled/stories/tune");
    std::fs::remove_dir_all(site.root().join("content")).expect("fixture is well-formed");
    std::fs::create_dir(site.root().join("content")).expect("fixture is well-formed");
    let mut same_story: Vec<Vec<String>> = Vec::new();
    let mut different_story: Vec<serde_yaml::Value> = Vec::new();
    let mut watch = serde_yaml::Mapping::new();
    let mut sets: Vec<String> = std::fs::read_dir(&stories)
        .expect("fixture is well-formed")
        .map(|e| e.expect("fixture is well-formed").path())
        .filter(|p| p.join("labels.yaml").is_file())
        .map(|p| {
            p.file_name()
                .expect("a set's name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    sets.sort();
    assert!(sets.len() >= 12, "{sets:?}");
    for set in &sets {
        let dir = stories.join(set);
        for entry in std::fs::read_dir(dir.join("content")).expect("fixture is well-formed") {
            let path = entry.expect("fixture is well-formed").path();
            let name = path.file_name().expect("a file's name").to_string_lossy();
            let text = std::fs::read_to_string(&path).expect("fixture is well-formed");
            site.write(&format!("content/{set}__{name}"), &text);
        }
        let text = std::fs::read_to_string(dir.join("labels.yaml")).expect("labels exist");
        let labels: Labels = serde_yaml::from_str(&text).expect("labels are well-formed");
        let named = |f: &String| format!("{set}__{f}");
        same_story.extend(
            labels
                .same_story
                .iter()
                .map(|g| g.iter().map(named).collect()),
        );
        for n in &labels.different_story {
            different_story.push(
                serde_yaml::to_value(serde_yaml::Mapping::from_iter([
                    ("kind".into(), n.kind.clone().into()),
                    (
                        "pair".into(),
                        vec![named(&n.pair[0]), named(&n.pair[1])].into(),
                    ),
                ]))
                .expect("labels are YAML"),
            );
        }
        if let Ok(text) = std::fs::read_to_string(dir.join("data/entities.yaml")) {
            let lists: serde_yaml::Mapping =
                serde_yaml::from_str(&text).expect("watch list is well-formed");
            for (kind, items) in lists {
                let all = watch
                    .entry(kind)
                    .or_insert_with(|| serde_yaml::Value::Sequence(Vec::new()));
                if let (Some(all), serde_yaml::Value::Sequence(items)) =
                    (all.as_sequence_mut(), items)
                {
                    all.extend(items);
                }
            }
        }
    }
    let labels = serde_yaml::Mapping::from_iter([
        (
            "same_story".into(),
            serde_yaml::to_value(same_story).expect("labels are YAML"),
        ),
        ("different_story".into(), different_story.into()),
    ]);
    site.write(
        "labels.yaml",
        &serde_yaml::to_string(&labels).expect("labels are YAML"),
    );
    site.write(
        "data/entities.yaml",
        &serde_yaml::to_string(&watch).expect("watch list is YAML"),
    );
    site
}

/// Every set in one site (785 articles): rarity is weighed over all of
/// them, a language's common words recur across sets' stories as across a
/// digest's, and a merge across two sets is wrong whatever the labels
/// say. Totals only, since blind sets are among them.
#[test]
fn clustering_on_every_story_set_in_one_site_holds_its_floor() {
    let scores = measure_site(&every_set_in_one_site(), "every");
    print_totals("every set in one site", &scores);
    hold_floor(&scores, EVERY_SET_FLOOR, false);
}

/// Precision, recall and pairs kept apart at least, with every set in one
/// site: 2026-12-03, with the signals at ec5d547, precision 0.99, recall
/// 0.71 (280 of 394), four wrong pairs, three of them hard negatives (a
/// German report of one hospital's attack merged with another's by the
/// nouns of its language; German reports read as roundups by their nouns
/// and their own story's reports); at 48ba40d, after a report's own story
/// counts once towards a roundup and German nouns count as names only
/// where another language writes them as names: 0.99 and 0.75 (296 of
/// 394), three wrong, two hard negatives; with blind10 among them (its
/// blind score at 1b58ad0 being 0.65 and 0.70): 0.947 and 0.74 (324 of
/// 440), seven hard negatives; at 712cb10 (titles naming other CVEs,
/// three kinds of evidence past the window, numbered series), 0.97 and
/// 0.75 (331 of 440); with blind11 among them too (its blind score at
/// 60185ee being 0.94 and 0.67): 0.97 and 0.73 (353 of 486), eleven wrong
/// pairs, seven of them hard negatives; with blind12 too (599 articles),
/// at 9e6457d: 0.97 and 0.72 (384 of 532), twelve wrong pairs, seven hard
/// negatives, against 0.94 and 0.66 (352 of 532), 21 wrong, nine hard
/// negatives, with the signals of the session's start (ec5d547); with
/// blind13 too (643 articles), at be1f083: 0.95 and 0.71 (413 of 578), 22
/// wrong pairs, twelve hard negatives, against 0.92 and 0.66 (381 of 578),
/// 31 wrong, 14 hard negatives, at the start; 0.95 and 0.72 (419 of 578)
/// once a newcomer repeating one report's indicators is not vetoed by
/// another's; with blind14 too (687 articles), at 7c03d01: 0.93 and 0.71
/// (441 of 625), 31 wrong pairs, 16 hard negatives, against 0.92 and 0.63
/// (396 of 625), 35 wrong, 16 hard negatives, at the start; with blind15
/// too (736 articles), on 2026-12-04: 0.92 and 0.67 (451 of 676), 38
/// wrong, 16 hard negatives, with the signals at 57dc5d5; 0.94 (451 of
/// 481) and 0.67, 30 wrong, twelve hard negatives, once a publisher counts only when
/// named in a title or lede and a weekly digest covering two stories is a
/// roundup; 0.95 (464 of 491) and 0.69, 27 wrong, eleven hard negatives,
/// once four distinct rare names stand in for ledes and a look back a
/// year on is its own item; 0.95 (480 of 507) and 0.71, 27 wrong, once
/// names that sound alike across scripts are one (`Морровпайк` and
/// `Morrowpike`) and counts with a thousands word in more languages are
/// figures; with blind16 too (785 articles), 0.95 (497 of 522) and 0.69
/// (497 of 722), 25 wrong, nine hard negatives, against 0.93 and 0.64 (462
/// of 722), 36 wrong, 14 hard negatives, with the signals of the session's
/// start (57dc5d5); 0.95 and 0.71 (514 of 722) once a report titled in
/// another script carries the names its URL's slug writes. Rounded down.
const EVERY_SET_FLOOR: (f64, f64, f64) = (0.94, 0.71, 0.9998);

/// The corpus's scraped pages (`../shared/corpus/scraped`, not in this
/// repository: skipped without it), whose manifest names the story of each
/// page another page also tells: every merge of two of them joins pages of
/// one named story, and every named story told twice is merged. (The
/// outage and the phishing scam The Hacker News reported two days later
/// score 0.42 against the 0.45 a pair from one outlet needs: the thinnest
/// margin here, and it depends on what else the site holds.)
#[test]
fn clustering_on_the_corpus_agrees_with_its_manifest() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/scraped");
    let Ok(manifest) = std::fs::read_to_string(corpus.join("MANIFEST.tsv")) else {
        eprintln!("no corpus at {}: skipped", corpus.display());
        return;
    };
    let story: std::collections::BTreeMap<String, String> = manifest
        .lines()
        .skip(1)
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            Some((cells.first()?.to_string(), cells.get(4)?.trim().to_owned()))
        })
        .collect();
    let site = SiteTest::fixture("labelled/stories/tune");
    let content = site.root().join("content");
    std::fs::remove_dir_all(&content).expect("fixture content");
    std::fs::create_dir(&content).expect("content folder");
    for file in story.keys() {
        std::fs::copy(corpus.join(file), content.join(file)).expect("corpus page");
    }
    // The real pages beside them, whose manifest names no stories: they
    // make the site the size a digest is, so what is rare is rare.
    let real = corpus.with_file_name("real");
    for entry in std::fs::read_dir(&real).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".md") && name != "README.md" {
            std::fs::copy(entry.path(), content.join(&name)).expect("corpus page");
        }
    }
    site.build_ok();
    let (merged, _) = clustered_pairs(&site);
    let named = |f: &String| story.contains_key(f);
    for (a, b) in merged.iter().filter(|(a, b)| named(a) && named(b)) {
        assert!(
            !story[a].is_empty() && story[a] == story[b],
            "merged, not one story in the manifest: {a} / {b}"
        );
    }
    for (a, group) in &story {
        for (b, other) in &story {
            if a < b && !group.is_empty() && group == other {
                assert!(
                    merged.contains(&(a.clone(), b.clone())),
                    "one story in the manifest, not merged: {a} / {b}"
                );
            }
        }
    }
}
