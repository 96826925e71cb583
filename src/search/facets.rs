//! "Who is mentioned with the crash?": entity counts over the passages that
//! match a filter, read from fast fields without loading documents.

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::name_spellings::push_joined_key;
use super::{Filter, build_query};
use crate::entities::EntityLabel;
use crate::error::Result;
use crate::name_key::push_name_key;
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
    let searcher = news.searcher()?;
    let built = build_query(news, &searcher, filter)?;
    let segments = searcher.search(&*built.query, &EntityCollector)?;
    let totals = one_per_name(merge_sorted(&segments, label));
    // Only entities with at least as many passages as the top-th can make
    // the list: count distinct articles for those alone.
    let mut candidates: Vec<&Total> = totals.iter().collect();
    if top > 0 && candidates.len() > top {
        let (_, nth, _) =
            candidates.select_nth_unstable_by(top - 1, |a, b| b.passages.cmp(&a.passages));
        let threshold = nth.passages;
        candidates.retain(|c| c.passages >= threshold);
    }
    let mut out: Vec<EntityCount> = candidates
        .into_iter()
        .map(|total| {
            let mut articles: Vec<u64> = total
                .places
                .iter()
                .flat_map(|&(segment, entry)| segments[segment].articles(entry).iter().copied())
                .collect();
            articles.sort_unstable();
            articles.dedup();
            EntityCount {
                label: total.label,
                name: total.name.to_string(),
                passages: total.passages,
                articles: articles.len() as u64,
            }
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

/// One entity's totals over all segments.
struct Total<'a> {
    label: EntityLabel,
    name: &'a str,
    passages: u64,
    /// (segment, entry) of each segment that counted it.
    places: Vec<(usize, usize)>,
}

/// Merges the segments' lists, each sorted by key, into totals per key:
/// a k-way merge, with no hashing of names.
fn merge_sorted(segments: &[SegmentCounts], label: Option<EntityLabel>) -> Vec<Total<'_>> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let mut heap: BinaryHeap<Reverse<(&str, usize, usize)>> = segments
        .iter()
        .enumerate()
        .filter(|(_, s)| s.len() > 0)
        .map(|(i, s)| Reverse((s.key(0), i, 0)))
        .collect();
    let mut totals: Vec<Total> = Vec::new();
    while let Some(Reverse((key, segment, entry))) = heap.pop() {
        let passages = u64::from(segments[segment].passages[entry]);
        match totals.last_mut() {
            Some(last) if segments_key_eq(last, key) => {
                last.passages += passages;
                last.places.push((segment, entry));
            }
            _ => {
                if let Some((tag, name)) = key.split_once(':')
                    && let Some(entity_label) = EntityLabel::from_tag(tag)
                    && label.is_none_or(|l| l == entity_label)
                {
                    totals.push(Total {
                        label: entity_label,
                        name,
                        passages,
                        places: vec![(segment, entry)],
                    });
                }
            }
        }
        if entry + 1 < segments[segment].len() {
            heap.push(Reverse((
                segments[segment].key(entry + 1),
                segment,
                entry + 1,
            )));
        }
    }
    totals
}

/// One total per name of each type, as a filter tells names apart
/// (`name_key`): "OPEC" and "Opec" are one row, as `--org Opec` finds
/// both, and so are "Texaco Inc" and "Texaco". A passage holds one spelling of a name (the indexer keeps one
/// facet key per name), so the spellings' passages add up. The row takes
/// the spelling most of its passages use; on a tie the first in key order
/// (capitals sort first: "NATO" before "Nato"). A name with an
/// apostrophe after its first letter and the name without it ("Martin
/// O'Neill", "Martin ONeill") are one row too, as `--person ONeill` finds
/// both; those are keyed apart in the index, so a passage holding both
/// counts twice (an article names a person one way, and almost none does).
fn one_per_name(totals: Vec<Total<'_>>) -> Vec<Total<'_>> {
    // The keys of all names in one string, sorted as indices: a
    // whole-index count has some 60,000 names.
    let mut keys = String::new();
    let mut key_ends = Vec::with_capacity(totals.len());
    let mut name_key = String::new();
    for total in &totals {
        name_key.clear();
        push_name_key(total.label, total.name, &mut name_key);
        push_joined_key(&name_key, &mut keys);
        key_ends.push(keys.len());
    }
    let key = |i: usize| &keys[if i == 0 { 0 } else { key_ends[i - 1] }..key_ends[i]];
    let mut order: Vec<usize> = (0..totals.len()).collect();
    // Stable: a name's spellings stay in key order.
    order.sort_by(|&a, &b| (totals[a].label, key(a)).cmp(&(totals[b].label, key(b))));
    let mut totals: Vec<Option<Total>> = totals.into_iter().map(Some).collect();
    let mut rows: Vec<Total> = Vec::new();
    // The row being filled: its label, key, and the passages of the
    // spelling it shows.
    let mut current: Option<(EntityLabel, &str, u64)> = None;
    for index in order {
        let total = totals[index].take().expect("each total is taken once");
        match (&mut current, rows.last_mut()) {
            (Some((label, name_key, shown)), Some(row))
                if *label == total.label && *name_key == key(index) =>
            {
                if total.passages > *shown {
                    *shown = total.passages;
                    row.name = total.name;
                }
                row.passages += total.passages;
                row.places.extend(total.places);
            }
            _ => {
                current = Some((total.label, key(index), total.passages));
                rows.push(total);
            }
        }
    }
    rows
}

/// Whether `key` (`LABEL:name`) is the key of `total`.
fn segments_key_eq(total: &Total, key: &str) -> bool {
    key.split_once(':')
        .is_some_and(|(tag, name)| name == total.name && tag == total.label.as_str())
}

/// One segment's counts, sorted by key (term order), kept flat: a
/// whole-index overview touches every entity, so no per-entity allocation.
#[derive(Default)]
struct SegmentCounts {
    /// All keys, concatenated; `key_ends[i]` ends the i-th.
    keys: String,
    key_ends: Vec<usize>,
    passages: Vec<u32>,
    /// Article hashes of all entries, deduplicated per entry;
    /// `article_ends[i]` ends the i-th entry's.
    articles: Vec<u64>,
    article_ends: Vec<usize>,
}

impl SegmentCounts {
    fn len(&self) -> usize {
        self.key_ends.len()
    }

    fn key(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.key_ends[i - 1] };
        &self.keys[start..self.key_ends[i]]
    }

    fn articles(&self, i: usize) -> &[u64] {
        let start = if i == 0 { 0 } else { self.article_ends[i - 1] };
        &self.articles[start..self.article_ends[i]]
    }
}

struct EntityCollector;

impl Collector for EntityCollector {
    type Fruit = Vec<SegmentCounts>;
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
            last_article: vec![None; terms],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentCounts>) -> tantivy::Result<Vec<SegmentCounts>> {
        Ok(fruits)
    }
}

/// Counts by term ordinal in flat arrays.
struct EntitySegmentCollector {
    entities: Option<StrColumn>,
    articles: Column<u64>,
    /// Passages per entity ordinal.
    passages: Vec<u32>,
    /// (entity ordinal, article hash) for every mention, deduplicated at harvest.
    pairs: Vec<(u32, u64)>,
    /// The article of the last passage counted for each ordinal.
    last_article: Vec<Option<u64>>,
}

impl SegmentCollector for EntitySegmentCollector {
    type Fruit = SegmentCounts;

    fn collect(&mut self, doc: DocId, _: Score) {
        let Some(entities) = &self.entities else {
            return;
        };
        let article = self.articles.first(doc).unwrap_or(0);
        for ord in entities.term_ords(doc) {
            if let Some(count) = self.passages.get_mut(ord as usize) {
                *count += 1;
                // An article's passages sit together, so most repeats are
                // caught here, before the sort at harvest.
                let last = &mut self.last_article[ord as usize];
                if *last != Some(article) {
                    *last = Some(article);
                    self.pairs.push((ord as u32, article));
                }
            }
        }
    }

    fn harvest(mut self) -> SegmentCounts {
        let Some(entities) = self.entities else {
            return SegmentCounts::default();
        };
        self.pairs.sort_unstable();
        self.pairs.dedup();
        // Term ordinals follow the keys' sort order, so the list comes out
        // sorted; one sequential pass reads each key once.
        let ords: Vec<u64> = (0..self.passages.len() as u64)
            .filter(|&o| self.passages[o as usize] > 0)
            .collect();
        let mut out = SegmentCounts::default();
        let found = entities
            .dictionary()
            .sorted_ords_to_term_cb(&ords, |bytes| {
                out.keys.push_str(&String::from_utf8_lossy(bytes));
                out.key_ends.push(out.keys.len());
            });
        if !matches!(found, Ok(true)) || out.key_ends.len() != ords.len() {
            return SegmentCounts::default();
        }
        let mut pairs = self.pairs.as_slice();
        for ord in ords {
            let split = pairs.partition_point(|(o, _)| u64::from(*o) <= ord);
            let (these, rest) = pairs.split_at(split);
            pairs = rest;
            out.articles.extend(these.iter().map(|(_, a)| *a));
            out.article_ends.push(out.articles.len());
            out.passages.push(self.passages[ord as usize]);
        }
        out
    }
}
