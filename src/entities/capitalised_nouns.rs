//! Common nouns the wire capitalised after an abbreviation, which the model
//! took into a name.
//!
//! Reuters-21578 capitalises the word after "U.S." or "U.K." in many
//! stories, as if the abbreviation's full stop ended a sentence ("Some
//! U.S. Officials said", "the U.S. Trade\ndeficit", "U.S. Banks"), and the
//! model read "U.S. Officials" as an organisation (56 times, "U.S. Market",
//! "U.S. Economy", "U.S. Dollar" more). A word is told for a common noun by
//! the story itself: it writes the word in lower case elsewhere, and in
//! capitals only where the wire capitalises any word (after such an
//! abbreviation, at a sentence start). "U.S. Treasury" stays a name in a
//! story that also writes "the Treasury said".

use rustc_hash::{FxHashMap, FxHashSet};

use super::canonical::location_alias;
use super::{Entity, EntityLabel};
use crate::chars;

/// Cuts the capitalised common noun off the mentions that are a dotted
/// abbreviation and that noun ("U.S. Officials" -> "U.S.", a place where
/// the abbreviation names one), and drops the mentions that are only such
/// a noun right after the abbreviation ("U.S., Officials").
pub fn cut_capitalised_nouns(text: &str, entities: &mut Vec<Entity>) {
    let candidates: FxHashSet<String> = entities
        .iter()
        .filter_map(|entity| candidate_noun(text, entity))
        .map(str::to_string)
        .collect();
    if candidates.is_empty() {
        return;
    }
    let common = common_nouns(text, candidates);
    let is_common_noun = |noun: &str| common.contains(noun);
    entities.retain_mut(|entity| {
        if candidate_noun(text, entity).is_none() {
            return true;
        }
        if let Some((abbreviation, noun)) = abbreviation_and_word(&entity.text)
            && !before_ticker(&text[entity.end..])
            && is_common_noun(noun)
        {
            let place = location_alias(abbreviation);
            let length = abbreviation.len();
            entity.text.truncate(length);
            entity.end = entity.start + length;
            if place {
                entity.label = EntityLabel::Location;
            }
            return true;
        }
        let lone_noun = is_title_word(&entity.text)
            && follows_abbreviation(&text[..entity.start])
            && is_common_noun(&entity.text);
        !lone_noun
    });
}

/// The capitalised word of a mention that may be a common noun: the word
/// after a dotted abbreviation in it ("Officials" of "U.S. Officials"),
/// or the whole mention right after one ("U.S., Officials").
fn candidate_noun<'a>(text: &str, entity: &'a Entity) -> Option<&'a str> {
    // Nearly every mention neither starts with an abbreviation ("U.")
    // nor follows one ("U.S. ", "U.S., "): one look at a byte or two.
    let starts_dotted = entity.text.as_bytes().get(1) == Some(&b'.');
    let after_dot = text[..entity.start].trim_end().ends_with(['.', ',']);
    if !starts_dotted && !after_dot {
        return None;
    }
    if let Some((_, noun)) = abbreviation_and_word(&entity.text)
        && !before_ticker(&text[entity.end..])
    {
        return Some(noun);
    }
    (is_title_word(&entity.text) && follows_abbreviation(&text[..entity.start]))
        .then_some(entity.text.as_str())
}

/// The two words of a mention that is a dotted abbreviation and a
/// capitalised word ("U.S. Officials"), with the space between them.
fn abbreviation_and_word(mention: &str) -> Option<(&str, &str)> {
    let (abbreviation, word) = mention.split_once(char::is_whitespace)?;
    let word = word.trim_start();
    (is_dotted_abbreviation(abbreviation) && is_title_word(word)).then_some((abbreviation, word))
}

/// Whether a stock symbol follows a mention ("U.S. Tobacco <UBO>"): Reuters
/// writes one after a company's name, so the name is whole.
fn before_ticker(after: &str) -> bool {
    after.trim_start_matches(' ').starts_with('<')
}

/// Whether a word is an abbreviation of capitals each followed by a full
/// stop ("U.S.", "U.K."), after which the wire capitalises the next word.
fn is_dotted_abbreviation(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() >= 4
        && bytes.len().is_multiple_of(2)
        && bytes
            .chunks(2)
            .all(|pair| pair[0].is_ascii_uppercase() && pair[1] == b'.')
}

/// Whether a word is written in title case, letters only ("Officials").
fn is_title_word(word: &str) -> bool {
    let mut letters = word.chars();
    letters.next().is_some_and(|c| c.is_ascii_uppercase())
        && word.len() > 1
        && letters.all(|c| c.is_ascii_lowercase())
}

/// Whether the text before a word ends with a dotted abbreviation, maybe
/// a comma, and space ("... the U.S. ", "by the U.S., ").
fn follows_abbreviation(before: &str) -> bool {
    let trimmed = before.trim_end();
    let spaced = trimmed.len() < before.len();
    let trimmed = trimmed.strip_suffix(',').unwrap_or(trimmed);
    spaced
        && is_dotted_abbreviation(
            trimmed
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or(trimmed),
        )
}

/// Whether the text before a word ends a sentence or starts a paragraph:
/// nothing but a full stop, a question or exclamation mark or a quote
/// before it, or a line break and an indent (wire copy indents a new
/// paragraph; its wrapped lines start flush, mid-sentence).
fn starts_sentence(before: &str) -> bool {
    let trimmed = before.trim_end();
    let space = &before[trimmed.len()..];
    trimmed.is_empty()
        || trimmed.ends_with(['.', '!', '?', '"', '\''])
        || (space.contains('\n') && !space.ends_with('\n'))
}

/// The `candidates` (title-case words) that the text writes in lower case
/// somewhere, and in title case only after a dotted abbreviation or at a
/// sentence start. One pass over the text's words for all of them: asked
/// word by word, each scanned the whole text, and a 2.7 MB dump of 40,000
/// "U.S. Officials" took 18 s.
fn common_nouns(text: &str, candidates: FxHashSet<String>) -> FxHashSet<String> {
    // By the lower-case word: (written in lower case, capitalised elsewhere).
    let mut seen: FxHashMap<String, (bool, bool)> = candidates
        .into_iter()
        .map(|word| (word.to_ascii_lowercase(), (false, false)))
        .collect();
    let mut key = String::new();
    for (at, word) in whole_words(text) {
        let lower = word.bytes().all(|b| b.is_ascii_lowercase());
        if !lower && !is_title_word(word) {
            continue;
        }
        key.clear();
        key.push_str(word);
        key.make_ascii_lowercase();
        let Some((written_lower, capitalised_elsewhere)) = seen.get_mut(&key) else {
            continue;
        };
        if lower {
            *written_lower = true;
        } else if !follows_abbreviation(&text[..at]) && !starts_sentence(&text[..at]) {
            *capitalised_elsewhere = true;
        }
    }
    seen.into_iter()
        .filter(|(_, (written_lower, capitalised_elsewhere))| {
            *written_lower && !capitalised_elsewhere
        })
        .map(|(lower, _)| title_case(&lower))
        .collect()
}

/// The maximal runs of letters and digits in `text`, with their offsets:
/// the places a word stands whole.
fn whole_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut letters = text.char_indices().peekable();
    std::iter::from_fn(move || {
        // Past what is not a letter or digit, to a word's first.
        let (start, _) = letters.find(|&(_, c)| chars::is_alphanumeric(c))?;
        let mut end = text.len();
        while let Some(&(at, c)) = letters.peek() {
            if !chars::is_alphanumeric(c) {
                end = at;
                break;
            }
            letters.next();
        }
        Some((start, &text[start..end]))
    })
}

/// `officials` as `Officials`.
fn title_case(lower: &str) -> String {
    let mut word = lower.to_string();
    word[..1].make_ascii_uppercase();
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions of `marked` once capitalised nouns are cut, as
    /// `text/label`.
    fn cut(marked: &str) -> Vec<String> {
        let (text, mut entities) = crate::entities::marked_mentions(marked);
        cut_capitalised_nouns(&text, &mut entities);
        for entity in &entities {
            assert_eq!(text[entity.start..entity.end], entity.text);
        }
        crate::entities::labelled(&entities)
    }

    #[test]
    fn a_noun_capitalised_after_an_abbreviation_is_no_name() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Some [ORG:U.S. Officials] said. Japanese officials disagreed.",
                &["U.S./LOC"],
            ),
            (
                "The [ORG:U.K. Economy] grew.\n    Economy watchers said the economy grew.",
                &["U.K./LOC"],
            ),
            (
                "the [LOC:U.S.], [ORG:Officials] said. Other officials agreed.",
                &["U.S./LOC"],
            ),
            // No lower-case evidence: the name stays.
            ("Some [ORG:U.S. Officials] said.", &["U.S. Officials/ORG"]),
            // Capitalised mid-sentence elsewhere: a name.
            (
                "The [ORG:U.S. Treasury] said the Treasury sold treasury bills.",
                &["U.S. Treasury/ORG"],
            ),
            // Capitalised at the start of a wrapped line is mid-sentence.
            (
                "The [ORG:U.S. Treasury] said the\nTreasury sold treasury bills.",
                &["U.S. Treasury/ORG"],
            ),
            (
                "[ORG:U.S. Agriculture Department] and agriculture",
                &["U.S. Agriculture Department/ORG"],
            ),
            (
                "[ORG:Exxon Officials] and officials",
                &["Exxon Officials/ORG"],
            ),
            // A company's name before its ticker is whole.
            (
                "[ORG:U.S. Tobacco] <UBO> sells tobacco",
                &["U.S. Tobacco/ORG"],
            ),
        ];
        for (marked, expected) in cases {
            assert_eq!(cut(marked), *expected, "{marked}");
        }
    }
}
