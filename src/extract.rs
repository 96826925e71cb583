//! Article in, passages with their entities and dates out: the pure step
//! between loading and indexing, shared by `index` and `extract`.

use std::ops::Range;

use crate::article::{Article, comparable_chars, comparable_title};
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
    let mut passages = passage::split(&article.text, article.body_start);
    join_repeated_headline(&mut passages, &article.text, article.title.as_deref());
    let lines = article.lines_at(passages.iter().map(|p| p.range.start));
    passages
        .into_iter()
        .zip(lines)
        .enumerate()
        .map(|(ordinal, (p, line))| {
            let range = p.range;
            // Passages do not overlap, so each mention goes to one passage
            // at most: it is moved there, not copied (its strings were
            // 1 % of an index's allocations).
            let entities = within(&mut extraction.entities, &range, |e| (e.start, e.end))
                .map(|e| Entity {
                    text: std::mem::take(&mut e.text),
                    canonical: std::mem::take(&mut e.canonical),
                    start: e.start - range.start,
                    end: e.end - range.start,
                    ..*e
                })
                .collect();
            let dates = within(&mut extraction.dates, &range, |d| (d.start, d.end))
                .map(|d| TimeExpression {
                    text: std::mem::take(&mut d.text),
                    value: std::mem::take(&mut d.value),
                    start: d.start - range.start,
                    end: d.end - range.start,
                    ..*d
                })
                .collect();
            AnalyzedPassage {
                ordinal,
                line,
                text: article.text[range.clone()].to_string(),
                range,
                entities,
                dates,
            }
        })
        .collect()
}

/// Joins a passage that only repeats the article's title, as many bodies do
/// in their first line and saved web pages after a summary, to the passage
/// after it (the last one to the passage before). Alone, short and
/// matching in both the title and the text, it ranked first for any word
/// of the headline and told the reader nothing; dropped, it would take with
/// it the names and dates that only the headline mentions (a wire brief:
/// "Putin arrives in Ankara on December 25" and "More to follow."). A story
/// that is only its headline keeps it.
fn join_repeated_headline(passages: &mut Vec<passage::Passage>, text: &str, title: Option<&str>) {
    let Some(title) = title.map(comparable).filter(|t| !t.is_empty()) else {
        return;
    };
    let repeats_title = |passage: &passage::Passage| {
        comparable_chars(text[passage.range.clone()].trim_start_matches('#')).eq(title.chars())
    };
    if passages.len() < 2 || !passages.iter().any(repeats_title) {
        return;
    }
    let mut joined: Vec<passage::Passage> = Vec::with_capacity(passages.len());
    // The start and end of the headlines waiting for a passage to join.
    let mut waiting: Option<(usize, usize)> = None;
    for mut passage in passages.drain(..) {
        if repeats_title(&passage) {
            let start = waiting.map_or(passage.range.start, |(start, _)| start);
            waiting = Some((start, passage.range.end));
            continue;
        }
        if let Some((start, _)) = waiting.take() {
            passage.range.start = start;
        }
        joined.push(passage);
    }
    if let Some((start, end)) = waiting {
        match joined.last_mut() {
            Some(last) => last.range.end = end,
            None => joined.push(passage::Passage {
                ordinal: 0,
                range: start..end,
            }),
        }
    }
    *passages = joined;
}

/// A passage or title as headlines are compared; a Markdown heading's `#`
/// is no part of it.
fn comparable(text: &str) -> String {
    comparable_title(text.trim_start_matches('#'))
}

/// The spans of a list sorted by start that lie wholly inside `range`.
fn within<'a, T>(
    spans: &'a mut [T],
    range: &'a Range<usize>,
    bounds: impl Fn(&T) -> (usize, usize) + Copy + 'a,
) -> impl Iterator<Item = &'a mut T> + 'a {
    let first = spans.partition_point(|s| bounds(s).0 < range.start);
    spans[first..]
        .iter_mut()
        .take_while(move |s| bounds(s).0 < range.end)
        .filter(move |s| bounds(s).1 <= range.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_that_only_repeats_the_title_joins_the_next() {
        // (title, body, the passages made)
        let cases: [(&str, &str, &[&str]); 8] = [
            (
                "Floods in Baku",
                "Floods in Baku\n\nRoads closed.",
                &["Floods in Baku\n\nRoads closed."],
            ),
            (
                "Putin’s “apology”",
                "# Putin's \"apology\"\n\nIt came late.",
                &["# Putin's \"apology\"\n\nIt came late."],
            ),
            ("Floods in Baku", "Floods in Baku", &["Floods in Baku"]),
            (
                "Floods in Baku",
                "Floods in Baku\n\nFloods in Baku",
                &["Floods in Baku\n\nFloods in Baku"],
            ),
            (
                "Update",
                "Roads closed.\n\nUpdate",
                &["Roads closed.\n\nUpdate"],
            ),
            (
                "Floods in Baku",
                "Roads closed in the capital.\n\nFloods in Baku\n\nRoads closed.",
                &[
                    "Roads closed in the capital.",
                    "Floods in Baku\n\nRoads closed.",
                ],
            ),
            (
                "Floods",
                "Floods in Baku\n\nRoads closed.",
                &["Floods in Baku", "Roads closed."],
            ),
            (
                "",
                "Floods in Baku\n\nRoads closed.",
                &["Floods in Baku", "Roads closed."],
            ),
        ];
        for (title, body, want) in cases {
            let mut article = Article::from_text("a.txt", body);
            article.title = Some(title.to_string());
            let passages = analyze(&article);
            let texts: Vec<&str> = passages.iter().map(|p| p.text.as_str()).collect();
            assert_eq!(texts, want, "{title}");
            let ordinals: Vec<usize> = passages.iter().map(|p| p.ordinal).collect();
            assert_eq!(ordinals, (0..want.len()).collect::<Vec<_>>(), "{title}");
        }
    }

    #[test]
    fn every_mention_spells_its_passage_at_its_offsets() {
        // Mentions are moved into the one passage that holds them: each
        // must still be there, whole, where it stands.
        let mut article = Article::from_text(
            "a.txt",
            "Putin arrives in Ankara on December 25, 2024\n\n\
             Putin met Erdogan in Ankara on Monday.\n\n\
             Putin left Ankara for Moscow on December 27.",
        );
        article.title = Some("Putin arrives in Ankara on December 25, 2024".into());
        article.published = chrono::NaiveDate::from_ymd_opt(2024, 12, 30);
        let passages = analyze(&article);
        assert_eq!(passages.len(), 2);
        let whole = extract(&article);
        let (mut entities, mut dates) = (0, 0);
        for passage in &passages {
            for e in &passage.entities {
                assert_eq!(passage.text[e.start..e.end], e.text, "{e:?}");
                assert!(!e.canonical.is_empty(), "{e:?}");
            }
            for d in &passage.dates {
                assert_eq!(passage.text[d.start..d.end], d.text, "{d:?}");
                assert!(!d.value.is_empty(), "{d:?}");
            }
            entities += passage.entities.len();
            dates += passage.dates.len();
        }
        assert_eq!(entities, whole.entities.len());
        assert_eq!(dates, whole.dates.len());
    }

    #[test]
    fn a_joined_headline_keeps_its_names_and_dates() {
        let mut article = Article::from_text(
            "a.txt",
            "Putin arrives in Ankara on December 25, 2024\n\nMore to follow.",
        );
        article.title = Some("Putin arrives in Ankara on December 25, 2024".into());
        let passages = analyze(&article);
        assert_eq!(passages.len(), 1);
        assert!(!passages[0].dates.is_empty(), "{:?}", passages[0]);
        assert!(
            passages[0].entities.iter().any(|e| e.text == "Ankara"),
            "{:?}",
            passages[0]
        );
    }
}
