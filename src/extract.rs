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
    let extraction = extract(article);
    passage::split(&article.text, article.body_start)
        .into_iter()
        .map(|p| {
            let range = p.range;
            let entities = extraction
                .entities
                .iter()
                .filter(|e| range.start <= e.start && e.end <= range.end)
                .map(|e| Entity {
                    start: e.start - range.start,
                    end: e.end - range.start,
                    ..e.clone()
                })
                .collect();
            let dates = extraction
                .dates
                .iter()
                .filter(|d| range.start <= d.start && d.end <= range.end)
                .map(|d| TimeExpression {
                    start: d.start - range.start,
                    end: d.end - range.start,
                    ..d.clone()
                })
                .collect();
            AnalyzedPassage {
                ordinal: p.ordinal,
                line: article.line_at(range.start),
                text: article.text[range.clone()].to_string(),
                range,
                entities,
                dates,
            }
        })
        .collect()
}
