//! The sections articles ran in ("politics", "sport"): the filter that
//! keeps passages of some of them, and how many matching passages and
//! articles each holds, read from the `section` column without loading
//! documents.
//!
//! A section is matched and counted in any case: the index keeps its term
//! lower-cased (`schema::SECTION_TOKENIZER`), so `--section Politics`
//! finds "politics", and a count makes one row of "Politics" and
//! "politics", under the spelling most of its passages carry.

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader, Term};

use super::{Filter, analyze, build_query, matching_passages};
use crate::error::{Error, Quoted, Result};
use crate::store::NewsIndex;

/// How many matching passages and articles ran in one section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionCount {
    /// As most of its passages write it.
    pub section: String,
    /// Matching passages of articles that ran in it.
    pub passages: u64,
    /// Distinct articles of those passages.
    pub articles: u64,
}

/// The sections most often named in the filter's lists of sections when
/// none of them holds a passage ([`why_no_section_matches`]).
const SECTIONS_NAMED: usize = 10;

/// Passages of articles that ran in any of `sections`, in any case.
pub(super) fn section_query(news: &NewsIndex, sections: &[String]) -> Result<Box<dyn Query>> {
    let field = news.fields.section;
    let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for section in sections {
        let [term] = analyze(news, field, section.trim())
            .try_into()
            .map_err(|_| Error::InvalidName {
                name: section.clone(),
                reason: "the section filter needs a section's name (`--section politics`)"
                    .to_string(),
            })?;
        any.push((
            Occur::Should,
            Box::new(TermQuery::new(
                Term::from_field_text(field, &term),
                IndexRecordOption::Basic,
            )),
        ));
    }
    Ok(match any.len() {
        1 => any.remove(0).1,
        _ => Box::new(BooleanQuery::new(any)),
    })
}

/// The `top` sections (every one for 0) of the passages matching
/// `filter`, most passages first; passages of articles without a section
/// are not counted.
pub fn section_counts(news: &NewsIndex, filter: &Filter, top: usize) -> Result<Vec<SectionCount>> {
    let searcher = news.searcher()?;
    let built = build_query(news, &searcher, filter)?;
    let segments = searcher.search(&*built.query, &SectionCollector)?;
    let mut rows = one_per_section(segments.into_iter().flatten());
    rows.sort_by(|a, b| {
        b.passages
            .cmp(&a.passages)
            .then(b.articles.cmp(&a.articles))
            .then(a.section.cmp(&b.section))
    });
    if top > 0 {
        rows.truncate(top);
    }
    Ok(rows)
}

/// One row per section in any case, summed over the segments' counts of
/// each spelling; the row shows the spelling with the most passages (on a
/// tie, the first in byte order: "Politics" before "politics").
fn one_per_section(spellings: impl Iterator<Item = Spelling>) -> Vec<SectionCount> {
    struct Row {
        passages: u64,
        articles: Vec<u64>,
        spellings: HashMap<String, u64>,
    }
    let mut rows: HashMap<String, Row> = HashMap::new();
    for spelling in spellings {
        let row = rows
            .entry(spelling.section.to_lowercase())
            .or_insert_with(|| Row {
                passages: 0,
                articles: Vec::new(),
                spellings: HashMap::new(),
            });
        row.passages += spelling.passages;
        row.articles.extend(spelling.articles);
        *row.spellings.entry(spelling.section).or_default() += spelling.passages;
    }
    rows.into_values()
        .map(|mut row| {
            row.articles.sort_unstable();
            row.articles.dedup();
            let shown = row
                .spellings
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(section, _)| section)
                .unwrap_or_default();
            SectionCount {
                section: shown,
                passages: row.passages,
                articles: row.articles.len() as u64,
            }
        })
        .collect()
}

/// Why a section filter (`--section Poltics`) matches no passage on its
/// own: no article ran in it, and the sections the index does hold, most
/// passages first (the caller names the filter). `None` when the filter
/// alone matches.
pub fn why_no_section_matches(news: &NewsIndex, section: &str) -> Result<Option<String>> {
    let alone = Filter {
        sections: vec![section.to_string()],
        ..Filter::default()
    };
    if matching_passages(news, &alone)? > 0 {
        return Ok(None);
    }
    let held = section_counts(news, &Filter::default(), 0)?;
    let named: Vec<String> = held
        .iter()
        .take(SECTIONS_NAMED)
        .map(|s| Quoted(&s.section).to_string())
        .collect();
    Ok(Some(match held.len() {
        0 => "no article ran in it: the index holds no sections (its articles' metadata \
              names none)"
            .to_string(),
        n => format!(
            "no article ran in it; the index has {}{}",
            named.join(", "),
            if n > SECTIONS_NAMED {
                format!(
                    " and {} more (`newsdex sections` lists them)",
                    n - SECTIONS_NAMED
                )
            } else {
                String::new()
            }
        ),
    }))
}

/// One spelling of a section as one segment counted it.
struct Spelling {
    section: String,
    passages: u64,
    /// The article hashes of its passages, each once.
    articles: Vec<u64>,
}

struct SectionCollector;

impl Collector for SectionCollector {
    type Fruit = Vec<Vec<Spelling>>;
    type Child = SectionSegmentCollector;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SectionSegmentCollector> {
        let fast = segment.fast_fields();
        let sections = fast.str("section")?;
        let terms = sections.as_ref().map_or(0, |s| s.dictionary().num_terms());
        Ok(SectionSegmentCollector {
            sections,
            articles: fast.u64("article_hash")?,
            passages: vec![0; terms],
            articles_of: vec![Vec::new(); terms],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Spelling>>) -> tantivy::Result<Vec<Vec<Spelling>>> {
        Ok(fruits)
    }
}

/// Counts by term ordinal: a segment holds a few sections.
struct SectionSegmentCollector {
    sections: Option<StrColumn>,
    articles: Column<u64>,
    passages: Vec<u64>,
    /// Each ordinal's article hashes; an article's passages sit together,
    /// so a repeat of the last is not pushed again.
    articles_of: Vec<Vec<u64>>,
}

impl SegmentCollector for SectionSegmentCollector {
    type Fruit = Vec<Spelling>;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(sections) = &self.sections else {
            return;
        };
        let article = self.articles.first(doc).unwrap_or(0);
        for ord in sections.term_ords(doc) {
            let ord = ord as usize;
            if let Some(count) = self.passages.get_mut(ord) {
                *count += 1;
                let articles = &mut self.articles_of[ord];
                if articles.last() != Some(&article) {
                    articles.push(article);
                }
            }
        }
    }

    fn harvest(self) -> Vec<Spelling> {
        let Some(sections) = self.sections else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut bytes = Vec::new();
        for (ord, (passages, mut articles)) in
            self.passages.into_iter().zip(self.articles_of).enumerate()
        {
            if passages == 0 {
                continue;
            }
            bytes.clear();
            if !matches!(
                sections.dictionary().ord_to_term(ord as u64, &mut bytes),
                Ok(true)
            ) {
                continue;
            }
            articles.sort_unstable();
            articles.dedup();
            out.push(Spelling {
                section: String::from_utf8_lossy(&bytes).into_owned(),
                passages,
                articles,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_in_any_case_are_one_row_under_the_most_used() {
        let spelling = |section: &str, passages, articles: &[u64]| Spelling {
            section: section.to_string(),
            passages,
            articles: articles.to_vec(),
        };
        let mut rows = one_per_section(
            [
                spelling("politics", 3, &[1, 2]),
                spelling("Politics", 1, &[2]),
                spelling("politics", 2, &[3]),
                spelling("Sport", 1, &[4]),
                spelling("sport", 1, &[5]),
            ]
            .into_iter(),
        );
        rows.sort_by(|a, b| a.section.cmp(&b.section));
        let rows: Vec<(&str, u64, u64)> = rows
            .iter()
            .map(|r| (r.section.as_str(), r.passages, r.articles))
            .collect();
        assert_eq!(rows, [("Sport", 2, 2), ("politics", 6, 3)]);
    }
}
