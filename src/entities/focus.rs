//! Which tokens the tagger scores: the stretches of each sentence around
//! tokens that could begin a name.
//!
//! Names are written with capitals (or in scripts without case). A
//! lower-case word, number or punctuation mark belongs to a name only next
//! to a capitalised word ("Bank of England", "Ludwig van Beethoven",
//! "Ministry of the Interior"), or if it is a country or organisation name
//! written in lower case. So every sentence is cut into windows, each such
//! token with one token either side, merged where they touch, and
//! every token outside a window is tagged `O` without looking up its
//! features. Most tokens of news text are outside, and looking up features
//! is most of the cost of tagging.
//!
//! `O` may follow and precede any well-formed tag sequence, so each window
//! decodes on its own, bounded by its sentence's edges or by `O`
//! ([`Edge`]); this gives the tags the whole sentence would get if the
//! tokens outside scored `O` highest. They nearly always do: the tags of
//! CoNLL-2003 dev are unchanged, and of 258,702 entities in Reuters and BBC
//! news, windows of two tokens either side lost 4 written in lower case
//! ("marco lara", "dollar/mark"); see `MARGIN` for one.

use std::ops::Range;
use std::sync::LazyLock;

use super::decode::Edge;
use super::features::{Document, TokenForms};
use super::gazetteer::list_marks;

/// Tokens kept either side of a possible name. With one, names with up to
/// two lower-case words in a row ("Society for the Prevention of Cruelty",
/// "Ministry of the Interior") stay whole, and a quarter fewer tokens are
/// scored than with two (the reach of the widest feature template): 17 %
/// less tagging time. The tags of CoNLL-2003 dev are the same with either;
/// of the 317,842 entities of the Reuters and BBC benchmark news, 36 differ
/// (mostly for the better: "Central Bancshares of the" is now "Central
/// Bancshares"; lost: eight lower-case "interior ministry", "van der Walt"
/// cut to "der Walt").
const MARGIN: usize = 1;

/// A stretch of one sentence to decode on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub sentence: usize,
    /// Document token indices.
    pub tokens: Range<usize>,
    pub before: Edge,
    pub after: Edge,
}

/// Gazetteer lists whose names are rarely common words, so that the model
/// tags them even where a text writes them in lower case, as some wire copy
/// does ("venezuela", "reuters").
const LOWER_CASE_NAME_LISTS: [&str; 3] = ["countries", "nationalities", "organisations"];

/// Whether a token could be part of a name on its own: it is capitalised,
/// or matches a list of [`LOWER_CASE_NAME_LISTS`].
fn could_be_name(token: &TokenForms) -> bool {
    static NAME_MARKS: LazyLock<u64> = LazyLock::new(|| list_marks(&LOWER_CASE_NAME_LISTS));
    !token.uncapitalised || token.gazetteer & *NAME_MARKS != 0
}

/// The windows of a document, in token order.
pub fn windows(document: &Document) -> Vec<Window> {
    // Most sentences hold a name or two close together: one window each.
    let mut windows: Vec<Window> = Vec::with_capacity(document.sentence_count());
    for sentence in 0..document.sentence_count() {
        let range = document.sentence(sentence);
        for index in range.clone() {
            if !could_be_name(&document.tokens[index]) {
                continue;
            }
            let start = index.saturating_sub(MARGIN).max(range.start);
            let end = (index + MARGIN + 1).min(range.end);
            match windows.last_mut() {
                Some(last) if last.sentence == sentence && last.tokens.end >= start => {
                    last.tokens.end = end;
                }
                _ => windows.push(Window {
                    sentence,
                    tokens: start..end,
                    before: Edge::Sentence,
                    after: Edge::Sentence,
                }),
            }
        }
    }
    for window in &mut windows {
        let range = document.sentence(window.sentence);
        if window.tokens.start > range.start {
            window.before = Edge::Outside;
        }
        if window.tokens.end < range.end {
            window.after = Edge::Outside;
        }
    }
    windows
}

#[cfg(test)]
mod tests {
    use super::super::clusters::Clusters;
    use super::super::features::Resources;
    use super::super::gazetteer::Gazetteer;
    use super::*;

    fn windows_of(sentences: &[Vec<&str>]) -> Vec<Window> {
        let resources = Resources::new(Gazetteer::embedded(), Clusters::default());
        windows(&Document::prepare(&resources, sentences))
    }

    #[test]
    fn windows_surround_capitalised_tokens() {
        let sentences = vec![
            // 0..12: a name mid-sentence and one at its end.
            vec![
                "the", "talks", "were", "held", "in", "Baku", "on", "a", "cold", "day", "with",
                "Putin",
            ],
            // 12..16: nothing to decode.
            vec!["it", "was", "cold", "."],
            // 16..22: windows that touch merge.
            vec!["Bank", "of", "the", "West", "said", "so"],
        ];
        let found = windows_of(&sentences);
        let expected = [
            (0, 4..7, Edge::Outside, Edge::Outside),
            (0, 10..12, Edge::Outside, Edge::Sentence),
            (2, 16..21, Edge::Sentence, Edge::Outside),
        ];
        let found: Vec<_> = found
            .into_iter()
            .map(|w| (w.sentence, w.tokens, w.before, w.after))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn lower_case_text_is_skipped_but_for_country_names() {
        assert_eq!(
            windows_of(&[vec!["it", "was", "cold", "in", "may", "."]]),
            []
        );
        let found = windows_of(&[vec!["talks", "with", "venezuela", "on", "its", "debt"]]);
        let tokens: Vec<_> = found.into_iter().map(|w| w.tokens).collect();
        assert_eq!(tokens, vec![1..4]);
    }

    #[test]
    fn caseless_scripts_and_mixed_case_are_decoded() {
        let found = windows_of(&[vec!["a", "b", "c", "東京", "d", "e", "f", "eBay"]]);
        let tokens: Vec<_> = found.into_iter().map(|w| w.tokens).collect();
        assert_eq!(tokens, vec![2..5, 6..8]);
    }
}
