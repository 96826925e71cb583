//! MEANTIME's gold entity mentions as scored names.
//!
//! MEANTIME (NewsReader; 120 English Wikinews articles, 2007-2013) marks
//! every mention of an entity: names, descriptions ("the company"),
//! pronouns. Each has an `ent_type` (PER, ORG, LOC, PRO for products, FIN
//! for money and stock indices, MIX) and a `syntactic_type`: NAM a proper
//! name, PRE.NAM a name used as a modifier ("US" in "US airtanker"), NOM,
//! PRO (pronoun), APP, CONJ, ... or none. What of it the tagger is held to:
//!
//! - NAM and PRE.NAM mentions of PER, ORG and LOC, with our label, and of
//!   PRO as MISC (MEANTIME's products are "iPhone", "A380", "Mac OS X": what
//!   CoNLL calls MISC). PRE.NAM counts because CoNLL tags a name wherever it
//!   stands ("US" and "Apple" in "Apple CEO Steve Jobs"), and so do we.
//! - A PRE.NAM LOC is also right as MISC: MEANTIME types place adjectives
//!   ("Canadian", "Craiova-based") as LOC modifiers, CoNLL as MISC, and
//!   nothing in the gold tells them from a place ("US").
//! - A leading determiner or possessive is not part of the name: MEANTIME's
//!   extent is "the United States", CoNLL's and ours "United States".
//! - Tolerated, neither required nor wrong to tag: a name of any label
//!   inside NAM and PRE.NAM mentions of other types ("Nikkei" FIN, or
//!   untyped) and lower-case ones ("federal"); a name of its label inside
//!   any other mention (a description, or one whose syntactic type was left
//!   unset, a third of them): these hold names MEANTIME did not mark
//!   ("Airbus A320" in "twenty new Airbus A320 jets", "MacBook Air" in "new
//!   MacBook Air laptops", "General Motors" with no syntactic type).
//! - Only the title, the date line and the first four sentences are
//!   annotated (MEANTIME's guidelines); what the tagger finds below them is
//!   not scored.
//!
//! Offsets are Unicode characters into the `.txt`, title line included;
//! they become bytes here.

use serde::Deserialize;

use super::super::EntityLabel;
use super::matching::{GoldMention, Role};
use crate::chars;

/// Lines of each text MEANTIME annotates: the title, the date line and the
/// first four sentences, one a line.
pub const ANNOTATED_LINES: usize = 6;

/// One line of MEANTIME's `gold.jsonl`.
#[derive(Debug, Deserialize)]
pub struct Record {
    /// The text, relative to the jsonl's folder.
    pub file: String,
    pub entity_mentions: Vec<Mention>,
}

#[derive(Debug, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub syntactic_type: Option<String>,
    #[serde(default)]
    pub ent_type: Option<String>,
}

/// Whether a gold line is MEANTIME's, by its fields.
pub fn is_meantime(record: &serde_json::Value) -> bool {
    record.get("entity_mentions").is_some()
}

/// What the tagger is held to for one mention of `text`, `None` when
/// nothing (a mention of no type).
pub fn classify(
    syntactic_type: Option<&str>,
    ent_type: Option<&str>,
    text: &str,
) -> Option<(EntityLabel, Option<EntityLabel>, Role)> {
    let label = match ent_type {
        Some("PER") => Some(EntityLabel::Person),
        Some("ORG") => Some(EntityLabel::Organization),
        Some("LOC") => Some(EntityLabel::Location),
        Some("PRO") => Some(EntityLabel::Misc),
        _ => None,
    };
    let has_capital = text.chars().any(chars::is_uppercase);
    match (syntactic_type.unwrap_or(""), label) {
        ("NAM" | "PRE.NAM", Some(label)) if has_capital => {
            let also = (syntactic_type == Some("PRE.NAM") && label == EntityLabel::Location)
                .then_some(EntityLabel::Misc);
            Some((label, also, Role::Scored))
        }
        ("NAM" | "PRE.NAM", _) => Some((EntityLabel::Misc, None, Role::Untyped)),
        (_, Some(label)) => Some((label, None, Role::Tolerated)),
        _ => None,
    }
}

/// Bytes of a leading determiner or possessive and its space ("the ",
/// "its "), which a name does not include.
pub fn determiner_len(text: &str) -> usize {
    const DETERMINERS: [&str; 8] = ["the", "a", "an", "its", "his", "her", "their", "our"];
    match text.split_once(' ') {
        Some((first, rest))
            if !rest.is_empty() && DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(first)) =>
        {
            first.len() + 1
        }
        _ => 0,
    }
}

/// The gold mentions of one record in byte offsets into `text`; an error
/// names the mention whose offsets do not fit the text.
pub fn gold_mentions(record: &Record, text: &str) -> Result<Vec<GoldMention>, String> {
    let mut byte_of_char: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_of_char.push(text.len());
    let mut gold = Vec::new();
    for mention in &record.entity_mentions {
        let (Some(&start), Some(&end)) = (
            byte_of_char.get(mention.start),
            byte_of_char.get(mention.end),
        ) else {
            return Err(format!(
                "mention at characters {}..{} lies past the end of {} ({} characters)",
                mention.start,
                mention.end,
                record.file,
                byte_of_char.len() - 1
            ));
        };
        if start >= end {
            continue;
        }
        let written = &text[start..end];
        let Some((label, also, role)) = classify(
            mention.syntactic_type.as_deref(),
            mention.ent_type.as_deref(),
            written,
        ) else {
            continue;
        };
        gold.push(GoldMention {
            start: start + determiner_len(written),
            end,
            label,
            also,
            role,
        });
    }
    Ok(gold)
}

/// The byte offset where the annotated lines of `text` end.
pub fn annotated_end(text: &str) -> usize {
    text.match_indices('\n')
        .nth(ANNOTATED_LINES - 1)
        .map_or(text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Role::*;

    /// What the tagger is held to, in short: `PER`, `LOC|MISC` (either is
    /// right), `tolerated ORG`, `untyped` or `-` (nothing).
    fn held_to(syntactic: &'static str, ent_type: &'static str, text: &str) -> String {
        let field = |s: &'static str| (s != "null").then_some(s);
        match classify(field(syntactic), field(ent_type), text) {
            None => "-".into(),
            Some((label, None, Scored)) => label.as_str().into(),
            Some((label, Some(also), Scored)) => format!("{}|{}", label.as_str(), also.as_str()),
            Some((label, _, Tolerated)) => format!("tolerated {}", label.as_str()),
            Some((_, _, Untyped)) => "untyped".into(),
        }
    }

    #[test]
    fn classifies_mentions() {
        // syntactic_type, ent_type ("null": absent), text, held to
        for (syntactic, ent_type, text, expected) in [
            ("NAM", "PER", "Steve Jobs", "PER"),
            ("NAM", "ORG", "Boeing", "ORG"),
            ("NAM", "LOC", "Japan", "LOC"),
            ("NAM", "PRO", "the iPhone", "MISC"),
            ("PRE.NAM", "LOC", "US", "LOC|MISC"),
            ("PRE.NAM", "LOC", "Canadian", "LOC|MISC"),
            ("PRE.NAM", "ORG", "Apple", "ORG"),
            ("PRE.NAM", "LOC", "federal", "untyped"),
            ("NAM", "FIN", "Nikkei", "untyped"),
            ("NAM", "MIX", "Dow Jones", "untyped"),
            ("NAM", "null", "Taro Aso", "untyped"),
            ("", "ORG", "General Motors", "tolerated ORG"),
            ("null", "ORG", "Chrysler", "tolerated ORG"),
            ("", "PRO", "twenty new Airbus A320 jets", "tolerated MISC"),
            ("NOM", "PRO", "new MacBook Air laptops", "tolerated MISC"),
            ("APP", "PER", "Apple CEO Steve Jobs", "tolerated PER"),
            ("", "null", "3,700", "-"),
            ("NOM", "null", "a new design", "-"),
        ] {
            assert_eq!(
                held_to(syntactic, ent_type, text),
                expected,
                "{syntactic:?} {ent_type:?} {text:?}"
            );
        }
    }

    #[test]
    fn drops_leading_determiners() {
        for (text, expected) in [
            ("the United States", 4),
            ("The iPhone", 4),
            ("its iPod", 4),
            ("an iPod", 3),
            ("United States", 0),
            ("Theresa May", 0),
            ("The", 0),
            ("A380", 0),
        ] {
            assert_eq!(determiner_len(text), expected, "{text:?}");
        }
    }

    #[test]
    fn character_offsets_become_bytes() {
        let text = "Caf\u{e9} owner Nestl\u{e9} sued\n";
        let record = Record {
            file: "a.txt".into(),
            entity_mentions: vec![Mention {
                start: 11,
                end: 17,
                syntactic_type: Some("NAM".into()),
                ent_type: Some("ORG".into()),
            }],
        };
        let gold = gold_mentions(&record, text).unwrap();
        assert_eq!(&text[gold[0].start..gold[0].end], "Nestl\u{e9}");
    }

    #[test]
    fn refuses_offsets_past_the_text() {
        let record = Record {
            file: "a.txt".into(),
            entity_mentions: vec![Mention {
                start: 2,
                end: 40,
                syntactic_type: Some("NAM".into()),
                ent_type: Some("ORG".into()),
            }],
        };
        let error = gold_mentions(&record, "short").unwrap_err();
        assert!(error.contains("a.txt (5 characters)"), "{error}");
    }

    #[test]
    fn annotation_ends_after_six_lines() {
        let text = "title\ndate\n1\n2\n3\n4\n5\n6\n";
        assert_eq!(&text[..annotated_end(text)], "title\ndate\n1\n2\n3\n4");
        assert_eq!(annotated_end("title\nbody"), 10);
    }
}
