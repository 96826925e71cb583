//! Fuzzy words (`Aliev~1`), ranked by BM25 as any word is.
//!
//! A fuzzy word becomes the terms of the index within its edit distance,
//! each searched as a word is, joined by OR, as Lucene's fuzzy query
//! rewrites itself. tantivy's `FuzzyTermQuery` gives every match one
//! constant score: the passages of `Aliev~1` came in arbitrary order, and
//! in `(Asad~1 OR Assad)` sank below the exact word's. Here a passage ranks
//! by how often and how exactly it holds the word: the terms share one
//! document frequency (the most frequent one's, so a rare misspelling does
//! not outrank the common spelling by its rarity alone) and each edit away
//! from the typed spelling lowers a term's boost.

use std::cmp::Reverse;
use std::collections::HashMap;

use tantivy::query::{
    Bm25StatisticsProvider, BooleanQuery, EmptyQuery, EnableScoring, FuzzyTermQuery, Occur, Query,
    QueryParserError, TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Score, Searcher, Term};

use super::{BuildProblem, analyze, boosted, field_boost};
use crate::query::{self, FuzzyWord};
use crate::store::NewsIndex;
use crate::tokenizer::is_paired_term;

/// At most this many terms of the index stand for one fuzzy word in one
/// field (Lucene's default too). A short word is within an edit or two of
/// hundreds of terms (`oil~2`: "of", "on", "soil", …), and each kept term
/// is a list of postings to read; the nearest and most frequent spellings
/// are the ones worth keeping.
const MAX_EXPANSIONS: usize = 50;

/// The least boost a term within the distance keeps: one that is all
/// edits (`a` for `al~1`) still matches, as it did, but ranks last.
const MIN_EDIT_BOOST: Score = 0.1;

/// A fuzzy word over one named field, or over every default field, with
/// each field's boost as a plain word has it.
///
/// The tokenizer splits `al-Assad` or `O'Brien` into parts; each part is
/// fuzzy and all of them must match in the same field. Joined by OR, the
/// short part alone (`al~1`: "a", "all") matched most of the index.
pub(super) fn fuzzy_query(
    news: &NewsIndex,
    searcher: &Searcher,
    word: &FuzzyWord,
) -> Result<Box<dyn Query>, BuildProblem> {
    let f = news.fields;
    let fields = match word.field.as_deref() {
        None => vec![f.text, f.title, f.person, f.org, f.place, f.misc],
        Some(name) => match news.index.schema().get_field(name) {
            Ok(field) if [f.text, f.title, f.person, f.org, f.place, f.misc].contains(&field) => {
                vec![field]
            }
            Ok(_) => {
                return Err(format!(
                    "`{name}:{}~` cannot be fuzzy: use a text field such as person:",
                    word.word
                )
                .into());
            }
            Err(_) => {
                let missing = QueryParserError::FieldDoesNotExist(name.to_string());
                return Err(query::explain_parser_error(&missing).into());
            }
        },
    };
    let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    'fields: for field in fields {
        let parts = analyze(news, field, &word.word);
        let mut required: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(parts.len());
        for part in &parts {
            // A Chinese, Japanese or Korean pair is one edit from each of
            // its characters, which the index holds too: fuzzy, `上海~1`
            // matched every passage with a 上. Its spellings do not vary by
            // an edit anyway, so it must match as it is.
            if is_paired_term(part) {
                let term = Term::from_field_text(field, part);
                let exact = TermQuery::new(term, IndexRecordOption::WithFreqs);
                required.push((Occur::Must, Box::new(exact)));
                continue;
            }
            // A part no term is near leaves the field nothing to match.
            let Some(spellings) = Spellings::of(searcher, field, part, word.distance)? else {
                continue 'fields;
            };
            required.push((Occur::Must, Box::new(spellings)));
        }
        let query: Box<dyn Query> = match required.len() {
            0 => continue,
            1 => required.remove(0).1,
            _ => Box::new(BooleanQuery::new(required)),
        };
        alternatives.push((Occur::Should, boosted(query, field_boost(&f, field))));
    }
    Ok(match alternatives.len() {
        0 => Box::new(EmptyQuery),
        _ => Box::new(BooleanQuery::new(alternatives)),
    })
}

/// The terms of one field that a fuzzy part stands for, each with its
/// boost and the document frequency it scores with.
#[derive(Debug, Clone)]
struct Spellings {
    terms: Vec<(Term, Score, u64)>,
}

/// A term of the index within a fuzzy part's distance.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Spelling {
    pub text: String,
    pub edits: usize,
    /// Passages holding it, over every segment.
    pub doc_freq: u64,
}

impl Spellings {
    /// The spellings of `part` in `field` within `distance` edits, over
    /// every segment of the searcher, so that every segment scores a
    /// passage with the same terms and statistics; `None` when the index
    /// holds none.
    fn of(
        searcher: &Searcher,
        field: Field,
        part: &str,
        distance: u8,
    ) -> tantivy::Result<Option<Spellings>> {
        let kept = nearest_spellings(spellings_within(searcher, field, part, distance)?);
        let Some(most_frequent) = kept.iter().map(|s| s.doc_freq).max() else {
            return Ok(None);
        };
        let typed = kept.iter().find(|s| s.edits == 0).map(|s| s.doc_freq);
        let terms = kept
            .iter()
            .map(|s| {
                let boost = edit_boost(part, &s.text, s.edits);
                let doc_freq = scored_doc_freq(s.doc_freq, typed, most_frequent);
                (Term::from_field_text(field, &s.text), boost, doc_freq)
            })
            .collect();
        Ok(Some(Spellings { terms }))
    }
}

/// The document frequency a spelling scores with. A spelling rarer than
/// the word as typed must not rank above it for being rare, so it scores
/// as often as the typed word; one more common keeps its own, lower,
/// rarity weight (`Assad~1` finds "assays", but a passage about Assad ranks
/// first). When the typed word is not in the index (a misspelling, the
/// usual reason to type `~`), every spelling scores as the most frequent
/// of them, as Lucene's fuzzy query blends them.
fn scored_doc_freq(spelling: u64, typed: Option<u64>, most_frequent: u64) -> u64 {
    match typed {
        Some(typed) => spelling.max(typed),
        None => most_frequent,
    }
}

/// The terms of `field` within `distance` edits of `part`, over every
/// segment of the searcher, in no order.
pub(super) fn spellings_within(
    searcher: &Searcher,
    field: Field,
    part: &str,
    distance: u8,
) -> tantivy::Result<Vec<Spelling>> {
    let typed = Term::from_field_text(field, part);
    // Transpositions count as one edit, as in highlights.
    let automaton = FuzzyTermQuery::new(typed, distance, true).automaton()?;
    let mut doc_freqs: HashMap<Vec<u8>, u64> = HashMap::new();
    for segment in searcher.segment_readers() {
        let inverted_index = segment.inverted_index(field)?;
        let mut terms = inverted_index.terms().search(&automaton).into_stream()?;
        while terms.advance() {
            let doc_freq = u64::from(terms.value().doc_freq);
            *doc_freqs.entry(terms.key().to_vec()).or_default() += doc_freq;
        }
    }
    Ok(doc_freqs
        .into_iter()
        .filter_map(|(bytes, doc_freq)| {
            let text = String::from_utf8(bytes).ok()?;
            // A single Chinese, Japanese or Korean character is one edit
            // from any one-letter word (`a~1`): scripts never mix.
            if is_paired_term(&text) != is_paired_term(part) {
                return None;
            }
            // "US", the term of a word written in capitals beside its
            // lower-cased one, is no other spelling of "us".
            if crate::capitals::is_written_in_capitals(&text) {
                return None;
            }
            let edits = edit_distance(part, &text).min(usize::from(distance));
            Some(Spelling {
                text,
                edits,
                doc_freq,
            })
        })
        .collect())
}

/// The [`MAX_EXPANSIONS`] spellings worth searching: fewest edits first,
/// then the most frequent (then in term order, so that a query is the same
/// from run to run).
fn nearest_spellings(mut found: Vec<Spelling>) -> Vec<Spelling> {
    found.sort_by(|a, b| {
        (a.edits, Reverse(a.doc_freq), &a.text).cmp(&(b.edits, Reverse(b.doc_freq), &b.text))
    });
    found.truncate(MAX_EXPANSIONS);
    found
}

/// How much a spelling `edits` away from the typed `part` counts: 1 for
/// the typed spelling, less for each edit relative to the shorter word's
/// length (as Lucene's fuzzy query weighs them). One edit keeps 8/9 of
/// `gorbachov` in "gorbachev", a variant of the same name, but only 2/3 of
/// `oil` in "soil", more likely another word.
fn edit_boost(part: &str, spelling: &str, edits: usize) -> Score {
    if edits == 0 {
        return 1.0;
    }
    let shorter = part.chars().count().min(spelling.chars().count()).max(1);
    (1.0 - edits as Score / shorter as Score).max(MIN_EDIT_BOOST)
}

impl Query for Spellings {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let clauses = self
            .terms
            .iter()
            .map(|(term, boost, _)| -> (Occur, Box<dyn Query>) {
                let word = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
                (Occur::Should, boosted(Box::new(word), *boost))
            })
            .collect();
        let any_spelling = BooleanQuery::new(clauses);
        match enable_scoring {
            EnableScoring::Enabled {
                searcher,
                statistics_provider,
            } => {
                let blended = BlendedStatistics {
                    index: statistics_provider,
                    spellings: self,
                };
                any_spelling.weight(EnableScoring::enabled_from_statistics_provider(
                    &blended, searcher,
                ))
            }
            disabled @ EnableScoring::Disabled { .. } => any_spelling.weight(disabled),
        }
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for (term, _, _) in &self.terms {
            visitor(term, false);
        }
    }
}

/// The index's statistics, except that each spelling of a fuzzy part has
/// the document frequency [`scored_doc_freq`] gives it: what ranks passages
/// is how often and how exactly they match, not how rare a misspelling is.
struct BlendedStatistics<'a> {
    index: &'a dyn Bm25StatisticsProvider,
    spellings: &'a Spellings,
}

impl Bm25StatisticsProvider for BlendedStatistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        self.index.total_num_tokens(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.index.total_num_docs()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        match self.spellings.terms.iter().find(|(t, _, _)| t == term) {
            Some((_, _, doc_freq)) => Ok(*doc_freq),
            None => self.index.doc_freq(term),
        }
    }
}

/// Levenshtein distance with transpositions counted as one edit (optimal
/// string alignment), as tantivy's fuzzy automata count them.
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelling(text: &str, edits: usize, doc_freq: u64) -> Spelling {
        Spelling {
            text: text.to_string(),
            edits,
            doc_freq,
        }
    }

    #[test]
    fn spellings_rarer_than_the_typed_word_score_as_often_as_it() {
        // (spelling's, typed word's, most frequent's document frequency, scored)
        let cases = [
            (3, Some(10), 500, 10),
            (500, Some(10), 500, 500),
            (10, Some(10), 500, 10),
            (3, None, 500, 500),
        ];
        for (spelling, typed, most, want) in cases {
            assert_eq!(
                scored_doc_freq(spelling, typed, most),
                want,
                "{spelling} {typed:?}"
            );
        }
    }

    #[test]
    fn the_nearest_then_most_frequent_spellings_are_kept() {
        let mut found = vec![
            spelling("soil", 1, 900),
            spelling("oil", 0, 10),
            spelling("boil", 1, 40),
            spelling("oils", 1, 40),
            spelling("on", 2, 100_000),
        ];
        found.extend((0..MAX_EXPANSIONS).map(|i| spelling(&format!("o{i}"), 2, 5)));
        let kept = nearest_spellings(found);
        assert_eq!(kept.len(), MAX_EXPANSIONS);
        let first: Vec<&str> = kept.iter().take(5).map(|s| s.text.as_str()).collect();
        assert_eq!(first, ["oil", "soil", "boil", "oils", "on"]);
    }

    #[test]
    fn each_edit_lowers_the_boost_more_in_a_short_word() {
        assert_eq!(edit_boost("gorbachov", "gorbachov", 0), 1.0);
        let name = edit_boost("gorbachov", "gorbachev", 1);
        let word = edit_boost("oil", "soil", 1);
        assert!(1.0 > name && name > word && word > edit_boost("oil", "on", 2));
        assert_eq!(edit_boost("al", "a", 1), MIN_EDIT_BOOST);
    }

    #[test]
    fn edit_distance_counts_transpositions_once() {
        let cases = [
            ("aliyev", "aliev", 1),
            ("putin", "ptuin", 1),
            ("baku", "baku", 0),
            ("moscow", "moskva", 3),
        ];
        for (a, b, want) in cases {
            assert_eq!(edit_distance(a, b), want, "{a} {b}");
        }
    }
}
