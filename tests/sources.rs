//! The built-in Paris 2014 scenario against the source documents it was
//! built from, in `../shared/sources` beside the project.
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

/// The shared sources, folded: the article, and the facts sheet.
fn shared_sources() -> (String, String) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/sources");
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| {
            panic!(
                "the sources must sit beside the project at {}: {e}",
                dir.display()
            )
        })
    };
    (
        fold(&read("article-2014-09-15-iran-spurns-us-overture.txt")),
        fold(&read("facts-2014.md")),
    )
}

/// Both shared sources in one text.
fn corpus() -> String {
    let (article, facts) = shared_sources();
    article + "\n" + &facts
}

#[test]
#[ignore = "reads ../shared/sources, which a fresh clone lacks; .ci/run runs it"]
fn every_quote_is_word_for_word_in_the_shared_sources() {
    let corpus = corpus();
    let s = paris();
    assert!(s.quotes.len() >= 12);
    for quote in &s.quotes {
        assert!(
            corpus.contains(&fold(&quote.text)),
            "quote {} is not in the sources: {}",
            quote.id,
            quote.text
        );
    }
}

#[test]
#[ignore = "reads ../shared/sources, which a fresh clone lacks; .ci/run runs it"]
fn every_quote_in_the_story_is_in_the_sources_as_marked() {
    let (article, facts) = shared_sources();
    let corpus = corpus();
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
        // source (the article, or the facts sheet that records the others);
        // a paraphrase is the reporter's words, found in the sources too.
        let own = if quote.source == "agencies-2014-09-15" {
            &article
        } else {
            &facts
        };
        match quote.kind {
            QuoteKind::Verbatim => assert!(own.contains(&fold(&quote.text)), "{id}"),
            QuoteKind::Paraphrase => assert!(corpus.contains(&fold(&quote.text)), "{id}"),
        }
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
