//! The built-in Paris 2014 scenario against the source documents it was
//! built from, in `../shared/sources` beside the project: each quote and each
//! event's excerpt against the text of its own source, and each event's day
//! against its row of the timeline.
//!
//! A fresh clone has no `../shared`, so these tests are ignored by default;
//! `.ci/run` runs them with `cargo test --test sources -- --ignored`.
#![allow(
    clippy::expect_used,
    reason = "a test that cannot set up should stop loudly"
)]

use coalition_core::io::paris_2014;
use coalition_core::model::{QuoteKind, Scenario, StoryStep};

fn paris() -> Scenario {
    paris_2014().expect("the built-in scenario parses")
}

/// The story's steps, from the built-in scenario.
fn story() -> (Scenario, Vec<StoryStep>) {
    let s = paris();
    let story = s.story.clone();
    (s, story)
}

/// Folds whitespace and typographic quotes so text wrapped in a file compares.
fn fold(text: &str) -> String {
    text.replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201C}', '\u{201D}'], "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The shared source documents, as read.
struct Shared {
    /// The wire report of 15 September 2014 ("Agencies").
    article: String,
    /// The facts sheet.
    facts: String,
    /// The timeline's table rows, one string each.
    rows: Vec<String>,
}

fn shared() -> Shared {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources");
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| {
            panic!(
                "the sources must sit beside the project at {}: {e}",
                dir.display()
            )
        })
    };
    let timeline = read("timeline-2014.md");
    Shared {
        article: read("article-2014-09-15-iran-spurns-us-overture.txt"),
        facts: read("facts-2014.md"),
        rows: timeline
            .lines()
            .filter(|l| l.starts_with("| 20"))
            .map(str::to_owned)
            .collect(),
    }
}

/// Where the facts sheet records what each of these sources says: a phrase
/// found only in the bullet that cites it.
const FACTS_KEYS: &[(&str, &str)] = &[
    ("reuters-newser-195916", "newser.com/story/195916"),
    ("afp-ibtimes-1465483", "article 1465483"),
    ("reuters-2014-09-15", "idUKL6N0RG42I20140915"),
    (
        "yourmiddleeast-2014-09-15",
        "yourmiddleeast.com, 2014/09/15",
    ),
    ("sputnik-2014-09-15", "fr.sputniknews.africa, 20140915"),
    ("alalam-2014-09-11", "alalam.ir"),
    ("independent-moallem", "(independent.co.uk)"),
    (
        "yourmiddleeast-2014-09-23",
        "yourmiddleeast.com, 2014/09/23",
    ),
    ("nyt-thetech-2014-09-16", "thetech.com/2014/09/16"),
];

/// The facts sheet's bullets (with their continuation lines) that hold
/// `key`, joined: all it records from one source.
fn bullets(facts: &str, key: &str) -> Option<String> {
    let mut bullets: Vec<String> = Vec::new();
    for line in facts.lines() {
        if line.starts_with("- ") || line.starts_with('|') || line.trim().is_empty() {
            bullets.push(line.to_owned());
        } else if let Some(last) = bullets.last_mut() {
            last.push(' ');
            last.push_str(line.trim());
        }
    }
    let citing: Vec<String> = bullets.into_iter().filter(|b| b.contains(key)).collect();
    (!citing.is_empty()).then(|| citing.join("\n"))
}

/// The text of source `id` as the shared documents hold it, folded: the
/// article itself; a timeline source's own row; or the facts sheet's bullet
/// that cites it. `None` when the documents hold no text of it.
fn own_text(s: &Scenario, shared: &Shared, id: &str) -> Option<String> {
    if id == "agencies-2014-09-15" {
        return Some(fold(&shared.article));
    }
    if let Some(source) = s.source(id)
        && let Some(url) = source.url.as_deref()
        && id.starts_with("tl-")
    {
        // A row is found by its address and by what happened (two rows may
        // share an address); the source's title holds the latter.
        let what = source
            .title
            .trim_start_matches('[')
            .split("; a blog repost")
            .next()
            .unwrap_or_default()
            .trim_end_matches(']');
        return shared
            .rows
            .iter()
            .find(|row| row.contains(url) && row.contains(what))
            .map(|row| fold(row));
    }
    let (_, key) = FACTS_KEYS.iter().find(|(source, _)| *source == id)?;
    bullets(&shared.facts, key).map(|b| fold(&b))
}

/// Every shared document in one text, for words the story puts in quotation
/// marks without naming their source.
fn corpus(shared: &Shared) -> String {
    [
        fold(&shared.article),
        fold(&shared.facts),
        fold(&shared.rows.join("\n")),
    ]
    .join("\n")
}

#[test]
#[ignore = "reads ../shared/sources, which a fresh clone lacks; .ci/run runs it"]
fn every_quote_is_word_for_word_in_the_text_of_its_own_source() {
    let shared = shared();
    let s = paris();
    assert!(s.quotes.len() >= 12);
    for quote in &s.quotes {
        let own = own_text(&s, &shared, &quote.source)
            .unwrap_or_else(|| panic!("quote {}: no text of source {}", quote.id, quote.source));
        assert!(
            own.contains(&fold(&quote.text)),
            "quote {} is not in its own source {}: {}",
            quote.id,
            quote.source,
            quote.text
        );
    }
}

#[test]
#[ignore = "reads ../shared/sources, which a fresh clone lacks; .ci/run runs it"]
fn every_event_is_dated_and_quoted_as_its_own_row_of_the_timeline() {
    let shared = shared();
    let s = paris();
    let timeline = s.timeline.as_ref().expect("Paris has a timeline");
    assert_eq!(
        timeline.events.len(),
        shared.rows.len(),
        "one event per row"
    );
    for event in &timeline.events {
        let id = &event.sources[0];
        let row = own_text(&s, &shared, id)
            .unwrap_or_else(|| panic!("event {}: no row for source {id}", event.id));
        assert!(
            row.contains(&fold(&event.excerpt)),
            "event {}: its excerpt is not in its row",
            event.id
        );
        // The citation names the source as the row does, word for word
        // (the row's source column, up to its address; its bold marks gone).
        let source = s.source(id).expect("the event's source exists");
        let column = row
            .split(" | ")
            .nth(3)
            .unwrap_or_default()
            .replace("**", "");
        assert!(
            column.starts_with(&fold(&format!("{}, ", source.publisher)))
                || column.starts_with(&fold(&format!("{} ", source.publisher))),
            "event {}: its source's publisher {:?} is not how its row names it",
            event.id,
            source.publisher
        );
        // Shown from the day it happened, never before: the row's first
        // date, or (a range, a later disclosure) a later day the row gives.
        let day = event.date.to_string();
        let first = row.get(2..12).unwrap_or_default();
        assert!(
            first <= day.as_str(),
            "event {} before its row's date {first}",
            event.id
        );
        assert!(
            row.contains(&day[..7]) || row.contains(&day),
            "event {}: {day}",
            event.id
        );
    }
}

#[test]
#[ignore = "reads ../shared/sources, which a fresh clone lacks; .ci/run runs it"]
fn every_quote_in_the_story_is_in_the_sources_as_marked() {
    let shared = shared();
    let corpus = corpus(&shared);
    let (s, story) = story();
    for step in &story {
        // Words in typographic quotation marks, in the text or the notes,
        // are word for word in the sources.
        for part in [&step.text, &step.notes] {
            for quoted in part.split('\u{201C}').skip(1) {
                let (words, _) = quoted
                    .split_once('\u{201D}')
                    .unwrap_or_else(|| panic!("{}: an unclosed quotation", step.title));
                assert!(
                    corpus.contains(&fold(words)),
                    "{}: \u{201C}{words}\u{201D} is not in the sources",
                    step.title
                );
            }
        }
        let Some(id) = &step.quote else { continue };
        let quote = s
            .quote(id)
            .unwrap_or_else(|| panic!("{}: no quote {id}", step.title));
        assert!(s.source(&quote.source).is_some(), "{id}: no source");
        assert!(
            step.sources.contains(&quote.source),
            "{}: the step cites its quote's source",
            step.title
        );
        // As marked: a verbatim quote is word for word in the text of its own
        // source; a paraphrase is the reporter's words, found in it too.
        let own = own_text(&s, &shared, &quote.source)
            .unwrap_or_else(|| panic!("{id}: no text of source {}", quote.source));
        assert!(own.contains(&fold(&quote.text)), "{id}");
        // Shown large with its speaker, a quote in this story is the
        // speaker's own words, never a paraphrase.
        assert_eq!(quote.kind, QuoteKind::Verbatim, "{id}");
        // Where renderings differ, the step cites every rendering's source.
        for other in &s.quotes {
            let related = other.variant_of.as_deref() == Some(id.as_str())
                || quote.variant_of.as_deref() == Some(other.id.as_str());
            if related {
                assert!(
                    step.sources.contains(&other.source),
                    "{}: cites {} for {}",
                    step.title,
                    other.source,
                    other.id
                );
            }
        }
    }
}
