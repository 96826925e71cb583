//! `newsdex eval-ner` on MEANTIME-format gold: proper names scored strictly
//! and leniently, nested gold, tolerated mentions, the annotated lines only.

use serde_json::{Value, json};

use crate::harness::{Env, Run};

/// A MEANTIME-style text: tokens spaced, one sentence a line; the date line
/// ends with a dash of three bytes, so character and byte offsets differ.
const TEXT: &str = "Apple chief Steve Jobs opens store in London\n\
June 01 , 2008 \u{2014}\n\
Apple Inc. CEO Steve Jobs said on Monday that the company will open a new store in London , the capital of the United Kingdom .\n\
The German government welcomed the plan .\n\
Analysts at Goldman Sachs said sales rose .\n\
Jobs spoke to reporters in Paris .\n\
Bill Gates of Microsoft was not there .\n";

/// A mention of the `nth` (from 0) `written` in [`TEXT`], in characters.
fn mention(written: &str, nth: usize, syntactic_type: &str, ent_type: &str) -> Value {
    let (byte, _) = TEXT
        .match_indices(written)
        .nth(nth)
        .unwrap_or_else(|| panic!("{written:?} #{nth} is not in the text"));
    let start = TEXT[..byte].chars().count();
    json!({
        "start": start,
        "end": start + written.chars().count(),
        "text": written,
        "syntactic_type": syntactic_type,
        "ent_type": ent_type,
    })
}

/// The gold line of [`TEXT`]. The tagger finds, on the first six lines:
/// Apple, Steve Jobs, London, Apple Inc., Steve Jobs, London, United
/// Kingdom, German (MISC), Goldman Sachs, Jobs, Paris; then Bill Gates and
/// Microsoft, which MEANTIME would not have annotated.
fn gold() -> Value {
    let mentions = vec![
        mention("Apple", 0, "NAM", "ORG"),
        // A title in the extent: found leniently only.
        mention("chief Steve Jobs", 0, "NAM", "PER"),
        mention("London", 0, "NAM", "LOC"),
        // Nested: the outer mention is not required, the inner ones are.
        mention("Apple Inc. CEO Steve Jobs", 0, "NAM", "PER"),
        mention("Apple Inc.", 0, "PRE.NAM", "ORG"),
        // Not found: a miss.
        mention("CEO", 0, "NAM", "ORG"),
        mention("Steve Jobs", 1, "NAM", "PER"),
        mention(
            "London , the capital of the United Kingdom",
            0,
            "NAM",
            "LOC",
        ),
        mention("London", 1, "NAM", "LOC"),
        // "the" is not part of the name.
        mention("the United Kingdom", 0, "NAM", "LOC"),
        // A place adjective, right as MISC.
        mention("German", 0, "PRE.NAM", "LOC"),
        // No syntactic type: an ORG inside it is not counted.
        mention("Goldman Sachs", 0, "", "ORG"),
        mention("the company", 0, "NOM", "ORG"),
        mention("Jobs", 2, "NAM", "PER"),
        // "Paris" is not in the gold: a spurious name.
    ];
    json!({
        "file": "text/a.txt",
        "title": "Apple chief Steve Jobs opens store in London",
        "dct": "2008-06-01",
        "entity_mentions": mentions,
    })
}

fn eval(extra: &[&str]) -> Run {
    let env = Env::new();
    env.write("text/a.txt", TEXT)
        .write("gold.jsonl", format!("{}\n", gold()));
    let mut args = vec!["eval-ner", "corpus/gold.jsonl"];
    args.extend_from_slice(extra);
    let run = env.run(&args);
    assert_eq!(run.status, 0, "{}", run.stderr);
    run
}

/// The table row of `label` after the line starting with `section`.
fn row<'a>(stdout: &'a str, section: &str, label: &str) -> Vec<&'a str> {
    stdout
        .lines()
        .skip_while(|l| !l.starts_with(section))
        .find(|l| l.split_whitespace().next() == Some(label))
        .unwrap_or_else(|| panic!("no {label} row under {section:?}:\n{stdout}"))
        .split_whitespace()
        .skip(1)
        .collect()
}

#[test]
fn meantime_gold_is_scored_strictly_and_leniently() {
    let run = eval(&[]);
    let out = &run.stdout;
    assert!(out.starts_with("MEANTIME"), "{out}");
    // Strict: 8 of 10 counted predictions right ("Steve Jobs" against
    // "chief Steve Jobs", "Paris"), 8 of 10 required names found ("chief
    // Steve Jobs", "CEO").
    assert_eq!(
        row(out, "strict", "ALL"),
        ["0.8000", "0.8000", "0.8000", "10"]
    );
    assert_eq!(
        row(out, "strict", "ORG"),
        ["1.0000", "0.6667", "0.8000", "3"]
    );
    assert_eq!(
        row(out, "strict", "LOC"),
        ["0.7500", "1.0000", "0.8571", "3"]
    );
    assert_eq!(
        row(out, "strict", "MISC"),
        ["1.0000", "1.0000", "1.0000", "1"]
    );
    assert_eq!(
        row(out, "lenient", "ALL"),
        ["0.9000", "0.9000", "0.9000", "10"]
    );
    assert_eq!(
        row(out, "lenient", "PER"),
        ["1.0000", "1.0000", "1.0000", "3"]
    );
    assert!(out.contains("uncounted: 1 "), "{out}");
}

#[test]
fn meantime_errors_name_the_article_and_context() {
    let run = eval(&["--errors"]);
    let errors: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| {
            ["MISS\t", "SPAN\t", "TYPE\t", "SPUR\t"]
                .iter()
                .any(|k| l.starts_with(k))
        })
        .collect();
    // Three, and none for "Bill Gates" and "Microsoft": below the annotated
    // lines nothing is scored.
    assert_eq!(errors.len(), 3, "{}", run.stdout);
    assert!(
        errors[0]
            .starts_with("SPAN\ttext/a.txt\t\"chief Steve Jobs\" PER\t=> \"Steve Jobs\" PER\t| ")
    );
    assert!(errors[1].starts_with("MISS\ttext/a.txt\t\"CEO\" ORG\t| "));
    assert!(errors[2].contains("\"Paris\" LOC\t| \"") && errors[2].contains("reporters in Paris"));
}

#[test]
fn a_jsonl_without_entity_mentions_is_read_as_gold_entities() {
    let env = Env::new();
    env.write("a.txt", "Steve Jobs visited London .\n").write(
        "gold_entities.jsonl",
        r#"{"file": "a.txt", "entities": [{"start": 0, "end": 10, "type": "PER"}, {"start": 19, "end": 25, "type": "LOC"}]}
"#,
    );
    let run = env.run(&["eval-ner", "corpus/gold_entities.jsonl"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("raw-text path"), "{}", run.stdout);
    assert_eq!(
        row(&run.stdout, "label", "ALL"),
        ["1.0000", "1.0000", "1.0000", "2"]
    );
}

#[test]
fn a_missing_text_is_named() {
    let env = Env::new();
    env.write("gold.jsonl", format!("{}\n", gold()));
    let run = env.run(&["eval-ner", "corpus/gold.jsonl"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("text/a.txt"), "{}", run.stderr);
}

/// A split no line has (MEANTIME's lines have none) leaves nothing to
/// score: said, not scored as zeros.
#[test]
fn a_split_that_selects_nothing_is_refused() {
    let env = Env::new();
    env.write("text/a.txt", TEXT)
        .write("gold.jsonl", format!("{}\n", gold()));
    let run = env.run(&["eval-ner", "corpus/gold.jsonl", "--split", "testa"]);
    assert_eq!(run.status, 2, "{}", run.stdout);
    assert!(run.stderr.contains("testa"), "{}", run.stderr);
    assert!(!run.stdout.contains("ALL"), "{}", run.stdout);
}
