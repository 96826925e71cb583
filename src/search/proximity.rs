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

/// The most words a phrase takes: each word of a phrase with a slop
/// multiplies its cost (`TextQueryBuilder::check_phrase` refuses more than
/// six in a user's phrase).
const MAX_WORDS: usize = 6;

/// The phrases of a query's runs of plain words, in the query's language
/// (`"plane crash"~2`): none for a query without two plain words side by
/// side.
///
/// A plain word is an unquoted word of the default fields that the query
/// requires: not a phrase the user quoted (already a phrase), not one of
/// alternatives (`Tokyo OR Japan` asks for either), not excluded, fuzzy,
/// a prefix or in a field (`title:crash`). Any other clause (a quoted
/// phrase, a date written in words, an excluded word) ends a run: words the
/// user wrote apart are not looked for together.
pub(super) fn words_phrases(ast: &UserInputAst) -> Vec<String> {
    let UserInputAst::Clause(clauses) = ast else {
        return Vec::new();
    };
    if clauses
        .iter()
        .any(|(occur, _)| *occur == Some(Occur::Should))
    {
        return Vec::new();
    }
    let required = |occur: &Option<Occur>| occur.is_none_or(|occur| occur == Occur::Must);
    let mut runs: Vec<Vec<&str>> = vec![Vec::new()];
    for (occur, clause) in clauses {
        match plain_word(clause).filter(|_| required(occur)) {
            Some(word) => runs.last_mut().expect("never empty").push(word),
            None => runs.push(Vec::new()),
        }
    }
    runs.into_iter()
        .filter(|run| (2..=MAX_WORDS).contains(&run.len()))
        .map(|run| format!("\"{}\"~{SLOP}", run.join(" ")))
        .collect()
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

    fn phrases_of(query: &str) -> Vec<String> {
        words_phrases(&parse_query(query).expect("a valid query"))
    }

    #[test]
    fn runs_of_plain_words_make_the_phrases() {
        let cases: &[(&str, &[&str])] = &[
            ("plane crash", &["\"plane crash\"~2"]),
            ("bank of england", &["\"bank of england\"~2"]),
            ("plane crash -Boeing", &["\"plane crash\"~2"]),
            ("+plane +crash", &["\"plane crash\"~2"]),
            ("al-Assad Damascus", &["\"al-Assad Damascus\"~2"]),
            // The user's own phrase stays theirs; the words around it
            // make one of their own.
            ("\"plane crash\" Baku", &[]),
            ("\"plane crash\" Baku airport", &["\"Baku airport\"~2"]),
            (
                "Baku airport \"plane crash\" Putin Aliyev",
                &["\"Baku airport\"~2", "\"Putin Aliyev\"~2"],
            ),
            // Words written apart are not looked for together.
            ("crash (December OR January) plane", &[]),
            ("plane -Boeing crash", &[]),
            // One word, alternatives, fields, fuzzy words, prefixes.
            ("crash", &[]),
            ("Tokyo OR Japan", &[]),
            ("plane OR crash Baku", &[]),
            ("title:plane crash", &[]),
            ("Aliev~1 crash", &[]),
            ("crash~1 plane~1", &[]),
            ("plane cra*", &[]),
            ("a b c d e f g", &[]),
            ("a b c d e f", &["\"a b c d e f\"~2"]),
        ];
        for (query, expected) in cases {
            assert_eq!(phrases_of(query), *expected, "{query}");
        }
    }

    #[test]
    fn a_date_written_in_words_stays_out_of_the_phrase() {
        let rewritten = crate::query::rewrite_noting_dates("plane crash in December 2024 Baku")
            .expect("a valid query")
            .text;
        assert_eq!(phrases_of(&rewritten), ["\"plane crash\"~2"], "{rewritten}");
    }
}
