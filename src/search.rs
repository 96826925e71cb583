//! Query and filters in, ranked passages out. Never prints.

use std::collections::HashSet;
use std::ops::{Bound, Range};

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, Occur, PhraseQuery, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value as _};
use tantivy::{TantivyDocument, Term};

use crate::dates::TimexType;
use crate::dates::value::{month_start, year_start};
use crate::entities::EntityLabel;
use crate::error::{Error, Result};
use crate::indexer::{day, stored_text, to_day};
use crate::schema::Fields;
use crate::store::NewsIndex;

/// How much a title match counts against a passage-text match.
const TITLE_BOOST: f32 = 2.0;
/// Extra weight for passages whose entities carry the query's names.
const ENTITY_BOOST: f32 = 0.5;

/// One search.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// tantivy query syntax; empty matches every passage (to list by filters).
    pub query: String,
    pub limit: usize,
    /// Entity filters: each must match a canonical name of its type.
    pub entities: Vec<(EntityLabel, String)>,
    /// Keep passages that mention a date in this range (inclusive).
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

/// A ranked passage.
#[derive(Debug, Clone)]
pub struct Hit {
    pub score: f32,
    pub path: String,
    pub article: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub passage: u64,
    pub line: u64,
    /// Byte range of the passage in its article's text.
    pub start: u64,
    pub end: u64,
    pub text: String,
    /// Byte ranges of `text` that matched the query.
    pub highlights: Vec<Range<usize>>,
    pub entities: Vec<Mention>,
    pub dates: Vec<DateMention>,
}

/// An entity mention in a hit; offsets are relative to the passage text.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct Mention {
    pub text: String,
    pub label: String,
    pub canonical: String,
    pub start: usize,
    pub end: usize,
}

/// A time expression in a hit; offsets are relative to the passage text.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct DateMention {
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Deserialize)]
struct StoredMentions {
    entities: Vec<Mention>,
    dates: Vec<DateMention>,
}

/// The hits and how many passages matched in all.
#[derive(Debug, Clone)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    pub total: usize,
}

/// Runs a search on the last commit of the index.
pub fn search(news: &NewsIndex, request: &SearchRequest) -> Result<SearchResults> {
    let fields = news.fields;
    let text_query = parse_query(news, &request.query)?;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query.box_clone())];
    for (label, name) in &request.entities {
        clauses.push((Occur::Must, name_query(news, fields.entity(*label), name)?));
    }
    if request.since.is_some() || request.until.is_some() {
        clauses.push((
            Occur::Must,
            mentioned_date_query(&fields, request.since, request.until),
        ));
    }
    let query = BooleanQuery::new(clauses);

    let reader = news.reader()?;
    let searcher = reader.searcher();
    let (top, total) = searcher.search(
        &query,
        &(
            TopDocs::with_limit(request.limit.max(1)).order_by_score(),
            Count,
        ),
    )?;
    let highlight_terms = highlight_terms(&*text_query, &fields);
    let mut analyzer = news.index.tokenizer_for_field(fields.text)?;
    let mut hits = Vec::with_capacity(top.len());
    for (score, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        let mut hit = hit_from_doc(&fields, &doc, score);
        hit.highlights = highlight(&mut analyzer, &hit.text, &highlight_terms);
        hits.push(hit);
    }
    Ok(SearchResults { hits, total })
}

fn parse_query(news: &NewsIndex, query: &str) -> Result<Box<dyn Query>> {
    let query = query.trim();
    if query.is_empty() || query == "*" {
        return Ok(Box::new(AllQuery));
    }
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
    parser.parse_query(query).map_err(|e| Error::InvalidQuery {
        query: query.to_string(),
        reason: e.to_string(),
    })
}

/// Matches a name anywhere in a canonical entity name of one type, as a
/// phrase: `Putin` and `Vladimir Putin` both match "Vladimir Putin".
fn name_query(news: &NewsIndex, field: Field, name: &str) -> Result<Box<dyn Query>> {
    let mut analyzer = news.index.tokenizer_for_field(field)?;
    let mut stream = analyzer.token_stream(name);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(Term::from_field_text(field, &token.text));
    }
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

/// Passages mentioning any date that overlaps `[since, until]`: a day
/// inside the range, a month touching it or a year touching it.
fn mentioned_date_query(
    fields: &Fields,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Box<dyn Query> {
    let range = |field: Field,
                 lower: Option<NaiveDate>,
                 upper: Option<NaiveDate>|
     -> (Occur, Box<dyn Query>) {
        let bound = |d: Option<NaiveDate>| match d {
            Some(d) => Bound::Included(Term::from_field_date(field, day(d))),
            None => Bound::Unbounded,
        };
        (
            Occur::Should,
            Box::new(RangeQuery::new(bound(lower), bound(upper))),
        )
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

/// The indexed terms of the passage-text field that the query looks for.
fn highlight_terms(query: &dyn Query, fields: &Fields) -> HashSet<String> {
    let mut terms = HashSet::new();
    query.query_terms(&mut |term, _| {
        if term.field() == fields.text
            && let Some(text) = term.value().as_str()
        {
            terms.insert(text.to_string());
        }
    });
    terms
}

/// Byte ranges of the tokens of `text` that are among `terms`, merged when
/// only whitespace separates them.
fn highlight(
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    text: &str,
    terms: &HashSet<String>,
) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    if terms.is_empty() {
        return ranges;
    }
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        if terms.contains(&token.text) {
            let (start, end) = (token.offset_from, token.offset_to);
            match ranges.last_mut() {
                Some(last) if text[last.end..start].trim().is_empty() => last.end = end,
                _ => ranges.push(start..end),
            }
        }
    }
    ranges
}

fn hit_from_doc(f: &Fields, doc: &TantivyDocument, score: f32) -> Hit {
    let text_of = |field| stored_text(doc, field).map(str::to_string);
    let u64_of = |field| doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0);
    let mentions: Option<StoredMentions> =
        stored_text(doc, f.mentions).and_then(|s| serde_json::from_str(s).ok());
    let (entities, dates) = mentions.map_or_else(Default::default, |m| (m.entities, m.dates));
    Hit {
        score,
        path: text_of(f.path).unwrap_or_default(),
        article: text_of(f.article).unwrap_or_default(),
        title: text_of(f.title),
        url: text_of(f.url),
        published: doc
            .get_first(f.published)
            .and_then(|v| v.as_datetime())
            .and_then(to_day),
        passage: u64_of(f.ordinal),
        line: u64_of(f.line),
        start: u64_of(f.start),
        end: u64_of(f.end),
        text: text_of(f.text).unwrap_or_default(),
        highlights: Vec::new(),
        entities,
        dates,
    }
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

/// Types of time expression that date filters consider.
pub fn is_filterable(kind: TimexType) -> bool {
    matches!(kind, TimexType::Date | TimexType::Time)
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
