//! Passages where the query's words stand together rank first.
//!
//! Unquoted words must all match, each anywhere in the passage or its
//! title, and BM25 scores them one by one: for `plane crash`, a passage
//! about a crash that mentions a plane two sentences on scored as one
//! about "the plane crash". Search engines add the words' phrase as an
//! optional clause (Lucene's "phrase fields"); a passage holding the words
//! close together, in order, then scores the phrase as well. It adds no
//! match: the words still decide which passages are found.

use tantivy::query::Occur;
use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf};

/// How many other words may stand between the query's words for them to
/// count as together: "crash of the plane" is no phrase, "plane that
/// crashed" a near one.
const SLOP: u32 = 2;

/// The most words the phrase takes: each word of a phrase with a slop
/// multiplies its cost (`TextQueryBuilder::check_phrase` refuses more than
/// six in a user's phrase).
const MAX_WORDS: usize = 6;

/// The phrase of a query's plain words, in the query's language
/// (`"plane crash"~2`), or `None` when fewer than two plain words must
/// match.
///
/// A plain word is an unquoted word of the default fields that the query
/// requires: not a phrase the user quoted (already a phrase), not one of
/// alternatives (`Tokyo OR Japan` asks for either), not excluded, fuzzy,
/// a prefix or in a field (`title:crash`). Other clauses (a quoted phrase,
/// a date written in words) stay out of the phrase and do not stop it.
pub(super) fn words_phrase(ast: &UserInputAst) -> Option<String> {
    let UserInputAst::Clause(clauses) = ast else {
        return None;
    };
    if clauses
        .iter()
        .any(|(occur, _)| *occur == Some(Occur::Should))
    {
        return None;
    }
    let words: Vec<&str> = clauses
        .iter()
        .filter(|(occur, _)| occur.is_none_or(|occur| occur == Occur::Must))
        .filter_map(|(_, clause)| plain_word(clause))
        .collect();
    if !(2..=MAX_WORDS).contains(&words.len()) {
        return None;
    }
    Some(format!("\"{}\"~{SLOP}", words.join(" ")))
}

fn plain_word(clause: &UserInputAst) -> Option<&str> {
    let UserInputAst::Leaf(leaf) = clause else {
        return None;
    };
    let UserInputLeaf::Literal(literal) = leaf.as_ref() else {
        return None;
    };
    let plain = literal.field_name.is_none()
        && literal.delimiter == Delimiter::None
        && !literal.prefix
        && literal.slop == 0
        && !literal.phrase.contains(['~', '*', '"', '\\']);
    plain.then_some(literal.phrase.as_str())
}

#[cfg(test)]
mod tests {
    use tantivy::query_grammar::parse_query;

    use super::*;

    fn phrase_of(query: &str) -> Option<String> {
        words_phrase(&parse_query(query).expect("a valid query"))
    }

    #[test]
    fn the_plain_words_of_a_query_make_its_phrase() {
        let cases: &[(&str, Option<&str>)] = &[
            ("plane crash", Some("\"plane crash\"~2")),
            ("bank of england", Some("\"bank of england\"~2")),
            ("plane crash -Boeing", Some("\"plane crash\"~2")),
            ("+plane +crash", Some("\"plane crash\"~2")),
            ("al-Assad Damascus", Some("\"al-Assad Damascus\"~2")),
            // The user's own phrase stays theirs; the words around it
            // make one of their own.
            ("\"plane crash\" Baku", None),
            ("\"plane crash\" Baku airport", Some("\"Baku airport\"~2")),
            (
                "crash (December OR January) plane",
                Some("\"crash plane\"~2"),
            ),
            // One word, alternatives, fields, fuzzy words, prefixes.
            ("crash", None),
            ("Tokyo OR Japan", None),
            ("plane OR crash Baku", None),
            ("title:plane crash", None),
            ("Aliev~1 crash", None),
            ("crash~1 plane~1", None),
            ("plane cra*", None),
            ("a b c d e f g", None),
            ("a b c d e f", Some("\"a b c d e f\"~2")),
        ];
        for (query, expected) in cases {
            assert_eq!(phrase_of(query).as_deref(), *expected, "{query}");
        }
    }
}
