//! Query and filters in, ranked passages (and overviews of them) out.
//! Never prints.
//!
//! `mod.rs` turns a [`SearchRequest`] into one tantivy query; `hits.rs`
//! ranks, caps per article, collapses duplicates and adds context;
//! `facets.rs` counts entities and `timeline.rs` dates over the matches;
//! `article.rs` reads whole articles back.

use std::ops::Bound;

use chrono::{Datelike, NaiveDate};
use tantivy::Term;
use tantivy::query::{
    BooleanQuery, ExistsQuery, FuzzyTermQuery, InvertedIndexRangeQuery, Occur, PhraseQuery, Query,
    QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

use crate::dates::value::{month_start, year_start};
use crate::entities::EntityLabel;
use crate::error::{Error, Result};
use crate::indexer::day;
use crate::query::{self, FuzzyWord};
use crate::schema::Fields;
use crate::store::NewsIndex;

mod article;
mod facets;
mod hits;
mod timeline;

pub use article::{ArticlePassage, read_article};
pub use facets::{EntityCount, entity_counts};
pub use hits::{ContextPassage, DateMention, Hit, Location, Mention, SearchResults, search};
pub use timeline::{Bucket, Granularity, TimeField, timeline};

/// How much a title match counts against a passage-text match.
const TITLE_BOOST: f32 = 2.0;
/// Extra weight for passages whose entities carry the query's names.
const ENTITY_BOOST: f32 = 0.5;

/// What passages to find: the query and the filters. Shared by search,
/// entity counts and timelines.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// The query language of README.md; empty matches every passage.
    pub query: String,
    /// Entity filters: each must match a canonical name of its type.
    pub entities: Vec<(EntityLabel, String)>,
    /// Keep passages that mention a date in this range (inclusive).
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

/// How to order hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// By relevance (BM25 with boosts).
    #[default]
    Score,
    /// Newest publication first.
    Published,
    /// Latest mentioned day first.
    Mentioned,
}

/// One search.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub filter: Filter,
    pub limit: usize,
    /// At most this many passages of one article (0: no cap).
    pub per_article: usize,
    pub sort: Sort,
    /// Show near-duplicate passages once, with the places of their copies.
    pub collapse: bool,
    /// Neighbouring passages to add on each side of a hit.
    pub context: usize,
}

impl Default for SearchRequest {
    fn default() -> SearchRequest {
        SearchRequest {
            filter: Filter::default(),
            limit: 10,
            per_article: 3,
            sort: Sort::Score,
            collapse: true,
            context: 0,
        }
    }
}

/// The tantivy query for a filter, and the part of it that matched text
/// (for highlighting).
pub(crate) struct BuiltQuery {
    pub query: Box<dyn Query>,
    pub text_query: Box<dyn Query>,
    pub fuzzy: Vec<FuzzyWord>,
}

pub(crate) fn build_query(news: &NewsIndex, filter: &Filter) -> Result<BuiltQuery> {
    let fields = news.fields;
    let invalid = |reason: String| Error::InvalidQuery {
        query: filter.query.clone(),
        reason,
    };
    let rewritten = query::rewrite(&filter.query).map_err(|p| invalid(p.message))?;
    let text_query: Box<dyn Query> = if rewritten.tantivy.is_empty() || rewritten.tantivy == "*" {
        // Every passage: files without passages have a marker document
        // without a passage ordinal, which this leaves out.
        Box::new(ExistsQuery::new("passage".to_string(), false))
    } else {
        query_parser(news)
            .parse_query(&rewritten.tantivy)
            .map_err(|e| invalid(query::explain_parser_error(&e)))?
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query.box_clone())];
    for word in &rewritten.fuzzy {
        clauses.push((Occur::Must, fuzzy_query(news, word).map_err(invalid)?));
    }
    for (label, name) in &filter.entities {
        clauses.push((Occur::Must, name_query(news, fields.entity(*label), name)?));
    }
    if let (Some(since), Some(until)) = (filter.since, filter.until)
        && since > until
    {
        return Err(invalid(format!(
            "--since {since} is after --until {until}: swap them"
        )));
    }
    if filter.since.is_some() || filter.until.is_some() {
        clauses.push((
            Occur::Must,
            mentioned_date_query(&fields, filter.since, filter.until),
        ));
    }
    Ok(BuiltQuery {
        query: Box::new(BooleanQuery::new(clauses)),
        text_query,
        fuzzy: rewritten.fuzzy,
    })
}

fn query_parser(news: &NewsIndex) -> QueryParser {
    let f = news.fields;
    let mut parser = QueryParser::for_index(
        &news.index,
        vec![f.text, f.title, f.person, f.org, f.place, f.misc],
    );
    parser.set_conjunction_by_default();
    parser.set_field_boost(f.title, TITLE_BOOST);
    for field in [f.person, f.org, f.place, f.misc] {
        parser.set_field_boost(field, ENTITY_BOOST);
    }
    parser
}

/// A fuzzy word over one named field, or over every default field.
///
/// The tokenizer splits `al-Assad` or `O'Brien` into parts; each part is
/// fuzzy and all of them must match in the same field. Joined by OR, the
/// short part alone (`al~1`: "a", "all") matched most of the index.
fn fuzzy_query(news: &NewsIndex, word: &FuzzyWord) -> std::result::Result<Box<dyn Query>, String> {
    let f = news.fields;
    let fields = match word.field.as_deref() {
        None => vec![f.text, f.title, f.person, f.org, f.place, f.misc],
        Some(name) => match news.index.schema().get_field(name) {
            Ok(field) if [f.text, f.title, f.person, f.org, f.place, f.misc].contains(&field) => {
                vec![field]
            }
            _ => {
                return Err(format!(
                    "`{name}:{}~` cannot be fuzzy: use a text field such as person:",
                    word.word
                ));
            }
        },
    };
    let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for field in fields {
        let mut parts: Vec<(Occur, Box<dyn Query>)> = analyze(news, field, &word.word)
            .iter()
            .map(|part| -> (Occur, Box<dyn Query>) {
                let term = Term::from_field_text(field, part);
                (
                    Occur::Must,
                    Box::new(FuzzyTermQuery::new(term, word.distance, true)),
                )
            })
            .collect();
        match parts.len() {
            0 => {}
            1 => alternatives.push((Occur::Should, parts.remove(0).1)),
            _ => alternatives.push((Occur::Should, Box::new(BooleanQuery::new(parts)))),
        }
    }
    Ok(Box::new(BooleanQuery::new(alternatives)))
}

/// The indexed terms a field's tokenizer makes of `text`.
pub(crate) fn analyze(news: &NewsIndex, field: Field, text: &str) -> Vec<String> {
    let Ok(mut analyzer) = news.index.tokenizer_for_field(field) else {
        return Vec::new();
    };
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    terms
}

/// Matches a name anywhere in a canonical entity name of one type, as a
/// phrase: `Putin` and `Vladimir Putin` both match "Vladimir Putin".
fn name_query(news: &NewsIndex, field: Field, name: &str) -> Result<Box<dyn Query>> {
    let mut terms: Vec<Term> = analyze(news, field, name)
        .iter()
        .map(|t| Term::from_field_text(field, t))
        .collect();
    Ok(match terms.len() {
        0 => {
            return Err(Error::InvalidQuery {
                query: name.to_string(),
                reason: "an entity filter needs a name with letters or digits".into(),
            });
        }
        1 => Box::new(TermQuery::new(terms.remove(0), IndexRecordOption::Basic)),
        _ => Box::new(PhraseQuery::new(terms)),
    })
}

/// The widest `[since, until]`, in days, that [`mentioned_date_query`]
/// looks up in the inverted index rather than in the date columns.
///
/// A column range scans every passage's dates in blocks, however few
/// passages the text matches; the inverted index reads only the postings of
/// the days, months and years inside the range, and a bounded range holds
/// few of them. At 10x, a month, a year or a decade took 0.54-0.72 times the
/// column's time; a century, or an open end, reads thousands of day terms
/// and took up to 1.4 times as long on a small index, so those keep the
/// column.
const INVERTED_RANGE_MAX_DAYS: i64 = 3_660;

/// Passages mentioning any date that overlaps `[since, until]`: a day
/// inside the range, a month touching it or a year touching it.
fn mentioned_date_query(
    fields: &Fields,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Box<dyn Query> {
    let narrow = match (since, until) {
        (Some(since), Some(until)) => (until - since).num_days() <= INVERTED_RANGE_MAX_DAYS,
        _ => false,
    };
    let range = |field: Field,
                 lower: Option<NaiveDate>,
                 upper: Option<NaiveDate>|
     -> (Occur, Box<dyn Query>) {
        let bound = |d: Option<NaiveDate>| match d {
            Some(d) => Bound::Included(Term::from_field_date(field, day(d))),
            None => Bound::Unbounded,
        };
        let (lower, upper) = (bound(lower), bound(upper));
        let query: Box<dyn Query> = if narrow {
            Box::new(InvertedIndexRangeQuery::new(lower, upper))
        } else {
            Box::new(RangeQuery::new(lower, upper))
        };
        (Occur::Should, query)
    };
    Box::new(BooleanQuery::new(vec![
        range(fields.mentioned_day, since, until),
        range(
            fields.mentioned_month,
            since.map(month_start),
            until.map(month_start),
        ),
        range(
            fields.mentioned_year,
            since.map(year_start),
            until.map(year_start),
        ),
    ]))
}

/// Parses a user's date: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` meaning their
/// first day (`Bound::Lower`) or last day (`Bound::Upper`).
pub fn parse_user_date(input: &str, side: DateSide) -> Result<NaiveDate> {
    let bad = || Error::InvalidDate {
        input: input.to_string(),
    };
    let parts: Vec<&str> = input.trim().split('-').collect();
    let num = |s: &str| s.parse::<u32>().map_err(|_| bad());
    let year = parts
        .first()
        .ok_or_else(bad)?
        .parse::<i32>()
        .map_err(|_| bad())?;
    let date = match (parts.len(), side) {
        (3, _) => NaiveDate::from_ymd_opt(year, num(parts[1])?, num(parts[2])?),
        (2, DateSide::First) => NaiveDate::from_ymd_opt(year, num(parts[1])?, 1),
        (2, DateSide::Last) => {
            let first = NaiveDate::from_ymd_opt(year, num(parts[1])?, 1).ok_or_else(bad)?;
            first
                .checked_add_months(chrono::Months::new(1))
                .and_then(|d| d.pred_opt())
        }
        (1, DateSide::First) => NaiveDate::from_ymd_opt(year, 1, 1),
        (1, DateSide::Last) => NaiveDate::from_ymd_opt(year, 12, 31),
        _ => None,
    };
    date.filter(|d| (1..=9999).contains(&d.year()))
        .ok_or_else(bad)
}

/// Which end of a partial date (`2024-12`) a user means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSide {
    First,
    Last,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_dates_expand_to_the_side_asked_for() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let cases = [
            ("2024-12-25", DateSide::First, d(2024, 12, 25)),
            ("2024-12", DateSide::First, d(2024, 12, 1)),
            ("2024-12", DateSide::Last, d(2024, 12, 31)),
            ("2024-02", DateSide::Last, d(2024, 2, 29)),
            ("2024", DateSide::Last, d(2024, 12, 31)),
        ];
        for (input, side, want) in cases {
            assert_eq!(parse_user_date(input, side).unwrap(), want, "{input}");
        }
        for bad in ["2024-13", "yesterday", "2024-02-30", ""] {
            assert!(parse_user_date(bad, DateSide::First).is_err(), "{bad}");
        }
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever a user types, building the query returns a query or a
        /// typed error; tantivy's parser included, nothing panics.
        #[test]
        fn any_query_builds_or_is_refused(query in "[\\PC\"():\\[\\]{}~*+\\-^ ]{0,60}") {
            let dir = tempfile::tempdir().unwrap();
            let news = NewsIndex::open_or_create(dir.path()).unwrap();
            let filter = Filter { query, ..Filter::default() };
            match build_query(&news, &filter) {
                Ok(_) | Err(Error::InvalidQuery { .. }) => {}
                Err(other) => prop_assert!(false, "unexpected error {other}"),
            }
        }
    }
}
