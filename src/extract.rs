//! Article in, passages with their entities and dates out: the pure step
//! between loading and indexing, shared by `index` and `extract`.

use std::ops::Range;

use crate::article::Article;
use crate::dates::{self, TimeExpression};
use crate::entities::{self, Entity};
use crate::passage;

/// Everything extraction found in one article; offsets index `article.text`.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    pub dates: Vec<TimeExpression>,
}

/// Runs entity recognition and date tagging over a whole article, so that
/// canonical names and relative dates see the article's full context.
pub fn extract(article: &Article) -> Extraction {
    Extraction {
        entities: entities::recognize(&article.text),
        dates: dates::tag(&article.text, article.published),
    }
}

/// One passage ready to index; mention offsets are relative to `text`.
#[derive(Debug, Clone)]
pub struct AnalyzedPassage {
    pub ordinal: usize,
    /// Byte range in the article text.
    pub range: Range<usize>,
    pub line: usize,
    pub text: String,
    pub entities: Vec<Entity>,
    pub dates: Vec<TimeExpression>,
}

/// Splits an article into passages and gives each the mentions inside it.
pub fn analyze(article: &Article) -> Vec<AnalyzedPassage> {
    let mut extraction = extract(article);
    // Both lists come in text order; sorting is a no-op then, and makes
    // the per-passage lookups below binary searches whatever a model does.
    extraction.entities.sort_by_key(|e| (e.start, e.end));
    extraction.dates.sort_by_key(|d| (d.start, d.end));
    let passages = passage::split(&article.text, article.body_start);
    let lines = article.lines_at(passages.iter().map(|p| p.range.start));
    passages
        .into_iter()
        .zip(lines)
        .map(|(p, line)| {
            let range = p.range;
            let entities = within(&extraction.entities, &range, |e| (e.start, e.end))
                .map(|e| Entity {
                    start: e.start - range.start,
                    end: e.end - range.start,
                    ..e.clone()
                })
                .collect();
            let dates = within(&extraction.dates, &range, |d| (d.start, d.end))
                .map(|d| TimeExpression {
                    start: d.start - range.start,
                    end: d.end - range.start,
                    ..d.clone()
                })
                .collect();
            AnalyzedPassage {
                ordinal: p.ordinal,
                line,
                text: article.text[range.clone()].to_string(),
                range,
                entities,
                dates,
            }
        })
        .collect()
}

/// The spans of a list sorted by start that lie wholly inside `range`.
fn within<'a, T>(
    spans: &'a [T],
    range: &'a Range<usize>,
    bounds: impl Fn(&T) -> (usize, usize) + Copy + 'a,
) -> impl Iterator<Item = &'a T> + 'a {
    let first = spans.partition_point(|s| bounds(s).0 < range.start);
    spans[first..]
        .iter()
        .take_while(move |s| bounds(s).0 < range.end)
        .filter(move |s| bounds(s).1 <= range.end)
}
