//! "Who is mentioned with the crash?": entity counts over the passages that
//! match a filter, read from fast fields without loading documents.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::{Filter, build_query};
use crate::entities::EntityLabel;
use crate::error::Result;
use crate::store::NewsIndex;

/// How often one entity is mentioned in the matching passages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityCount {
    pub label: EntityLabel,
    /// The canonical name.
    pub name: String,
    /// Matching passages that mention it.
    pub passages: u64,
    /// Distinct articles of those passages.
    pub articles: u64,
}

/// The `top` most mentioned entities (of one type, if given) in the
/// passages matching `filter`, most passages first.
pub fn entity_counts(
    news: &NewsIndex,
    filter: &Filter,
    label: Option<EntityLabel>,
    top: usize,
) -> Result<Vec<EntityCount>> {
    let built = build_query(news, filter)?;
    let searcher = news.searcher()?;
    let counts = searcher.search(&*built.query, &EntityCollector)?;
    let mut out: Vec<EntityCount> = counts
        .into_iter()
        .filter_map(|(key, (passages, articles))| {
            let (tag, name) = key.split_once(':')?;
            let entity_label = EntityLabel::from_tag(tag)?;
            (label.is_none() || label == Some(entity_label)).then(|| EntityCount {
                label: entity_label,
                name: name.to_string(),
                passages,
                articles: articles.len() as u64,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.passages
            .cmp(&a.passages)
            .then(b.articles.cmp(&a.articles))
            .then(a.name.cmp(&b.name))
    });
    out.truncate(top);
    Ok(out)
}

/// Entity key -> (passages, hashes of distinct articles).
type Counts = HashMap<String, (u64, HashSet<u64>)>;

struct EntityCollector;

impl Collector for EntityCollector {
    type Fruit = Counts;
    type Child = EntitySegmentCollector;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<EntitySegmentCollector> {
        let fast = segment.fast_fields();
        Ok(EntitySegmentCollector {
            entities: fast.str("entity")?,
            articles: fast.u64("article_hash")?,
            counts: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counts>) -> tantivy::Result<Counts> {
        let mut merged = Counts::new();
        for fruit in fruits {
            for (key, (passages, articles)) in fruit {
                let entry = merged.entry(key).or_default();
                entry.0 += passages;
                entry.1.extend(articles);
            }
        }
        Ok(merged)
    }
}

struct EntitySegmentCollector {
    entities: Option<StrColumn>,
    articles: Column<u64>,
    /// Counted by term ordinal within the segment; names are looked up once
    /// at harvest.
    counts: HashMap<u64, (u64, HashSet<u64>)>,
}

impl SegmentCollector for EntitySegmentCollector {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(entities) = &self.entities else {
            return;
        };
        let article = self.articles.first(doc);
        for ord in entities.term_ords(doc) {
            let entry = self.counts.entry(ord).or_default();
            entry.0 += 1;
            entry.1.extend(article);
        }
    }

    fn harvest(self) -> Counts {
        let Some(entities) = self.entities else {
            return Counts::new();
        };
        // One sequential pass over the sorted ordinals reads each name once.
        let mut ords: Vec<u64> = self.counts.keys().copied().collect();
        ords.sort_unstable();
        let mut names = Vec::with_capacity(ords.len());
        let found = entities
            .dictionary()
            .sorted_ords_to_term_cb(&ords, |bytes| {
                names.push(String::from_utf8_lossy(bytes).into_owned());
            });
        if !matches!(found, Ok(true)) || names.len() != ords.len() {
            return Counts::new();
        }
        let mut counts = self.counts;
        ords.into_iter()
            .zip(names)
            .filter_map(|(ord, name)| Some((name, counts.remove(&ord)?)))
            .collect()
    }
}
