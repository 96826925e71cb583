//! "Who is mentioned with the crash?": entity counts over the passages that
//! match a filter, read from fast fields without loading documents.

use rustc_hash::FxHashMap;

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
    let mut candidates: Vec<(EntityLabel, String, u64, Vec<u64>)> = counts
        .into_iter()
        .filter_map(|(mut key, (passages, articles))| {
            let (tag, _) = key.split_once(':')?;
            let entity_label = EntityLabel::from_tag(tag)?;
            if label.is_some() && label != Some(entity_label) {
                return None;
            }
            key.drain(..tag.len() + 1);
            Some((entity_label, key, passages, articles))
        })
        .collect();
    // Only entities with at least as many passages as the top-th can make
    // the list: count distinct articles for those alone.
    if top > 0 && candidates.len() > top {
        let (_, nth, _) = candidates.select_nth_unstable_by(top - 1, |a, b| b.2.cmp(&a.2));
        let threshold = nth.2;
        candidates.retain(|c| c.2 >= threshold);
    }
    let mut out: Vec<EntityCount> = candidates
        .into_iter()
        .map(|(label, name, passages, articles)| EntityCount {
            label,
            name,
            passages,
            articles: distinct(articles),
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

/// Entity key -> (passages, hashes of the articles of those passages,
/// sorted, possibly repeated across segments).
type Counts = FxHashMap<String, (u64, Vec<u64>)>;

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
        let entities = fast.str("entity")?;
        let terms = entities.as_ref().map_or(0, |e| e.dictionary().num_terms());
        Ok(EntitySegmentCollector {
            entities,
            articles: fast.u64("article_hash")?,
            passages: vec![0; terms],
            pairs: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counts>) -> tantivy::Result<Counts> {
        let mut fruits = fruits.into_iter();
        let mut merged = fruits.next().unwrap_or_default();
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

/// Counts by term ordinal in flat arrays: a whole-index overview touches
/// every passage, so no per-entity maps or sets on the hot path.
struct EntitySegmentCollector {
    entities: Option<StrColumn>,
    articles: Column<u64>,
    /// Passages per entity ordinal.
    passages: Vec<u32>,
    /// (entity ordinal, article hash) for every mention, deduplicated at harvest.
    pairs: Vec<(u32, u64)>,
}

impl SegmentCollector for EntitySegmentCollector {
    type Fruit = Counts;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(entities) = &self.entities else {
            return;
        };
        let article = self.articles.first(doc).unwrap_or(0);
        for ord in entities.term_ords(doc) {
            if let Some(count) = self.passages.get_mut(ord as usize) {
                *count += 1;
                self.pairs.push((ord as u32, article));
            }
        }
    }

    fn harvest(mut self) -> Counts {
        let Some(entities) = self.entities else {
            return Counts::default();
        };
        self.pairs.sort_unstable();
        self.pairs.dedup();
        // One sequential pass over the sorted ordinals reads each name once.
        let ords: Vec<u64> = (0..self.passages.len() as u64)
            .filter(|&o| self.passages[o as usize] > 0)
            .collect();
        let mut names = Vec::with_capacity(ords.len());
        let found = entities
            .dictionary()
            .sorted_ords_to_term_cb(&ords, |bytes| {
                names.push(
                    String::from_utf8(bytes.to_vec())
                        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
                );
            });
        if !matches!(found, Ok(true)) || names.len() != ords.len() {
            return Counts::default();
        }
        let mut out = Counts::with_capacity_and_hasher(ords.len(), Default::default());
        let mut pairs = self.pairs.as_slice();
        for (ord, name) in ords.into_iter().zip(names) {
            let split = pairs.partition_point(|(o, _)| u64::from(*o) <= ord);
            let (these, rest) = pairs.split_at(split);
            pairs = rest;
            let articles = these.iter().map(|(_, a)| *a).collect();
            out.insert(name, (u64::from(self.passages[ord as usize]), articles));
        }
        out
    }
}

/// How many different values a list holds (it may repeat across segments).
fn distinct(mut values: Vec<u64>) -> u64 {
    values.sort_unstable();
    values.dedup();
    values.len() as u64
}
