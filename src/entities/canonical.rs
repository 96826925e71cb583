//! Canonical names within one article.
//!
//! A mention resolves to the longest mention of the same type whose words
//! start or end with its words ("Putin" -> "Vladimir Putin"); possessives are
//! stripped, whitespace collapsed, and an all-caps form (a headline) takes
//! the mixed-case spelling of the same name where the article has one.

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap;

use super::wordform::{Casing, casing, fold_typography};
use super::{Entity, EntityLabel};

/// The mention as a clean name: typography folded, possessive stripped,
/// whitespace collapsed.
pub fn clean_mention(text: &str) -> String {
    let mut folded = String::new();
    fold_typography(text, &mut folded);
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    if let Some(last) = words.last_mut() {
        let trimmed = last
            .strip_suffix("'s")
            .or_else(|| last.strip_suffix("'S"))
            .unwrap_or(last);
        *last = trimmed.strip_suffix('\'').unwrap_or(trimmed);
        if last.is_empty() {
            words.pop();
        }
    }
    words.join(" ")
}

fn is_all_caps(name: &str) -> bool {
    name.split_whitespace().any(|w| casing(w) == Casing::Upper)
        && name
            .split_whitespace()
            .all(|w| matches!(casing(w), Casing::Upper | Casing::Other))
}

/// Sets `canonical` on every entity of one article.
pub fn resolve(entities: &mut [Entity]) {
    let names: Vec<String> = entities.iter().map(|e| clean_mention(&e.text)).collect();
    // A clean name's words are separated by single spaces, so lower-casing
    // it whole lower-cases each word.
    let lowered: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    let words: Vec<Vec<&str>> = lowered
        .iter()
        .map(|n| n.split_whitespace().collect())
        .collect();
    // Preferred spelling per (label, lower-case name): the first mixed-case one.
    let mut spelling: FxHashMap<(EntityLabel, &str), usize> = FxHashMap::default();
    for (index, entity) in entities.iter().enumerate() {
        match spelling.entry((entity.label, lowered[index].as_str())) {
            Entry::Occupied(mut existing) => {
                if is_all_caps(&names[*existing.get()]) && !is_all_caps(&names[index]) {
                    existing.insert(index);
                }
            }
            Entry::Vacant(vacant) => {
                vacant.insert(index);
            }
        }
    }
    // Multi-word names indexed by (label, first word) and (label, last word).
    let mut by_edge: FxHashMap<(EntityLabel, &str), Vec<usize>> = FxHashMap::default();
    for (index, name_words) in words.iter().enumerate() {
        if let [first, .., last] = name_words.as_slice() {
            let label = entities[index].label;
            by_edge.entry((label, first)).or_default().push(index);
            by_edge.entry((label, last)).or_default().push(index);
        }
    }
    let mut canonical = Vec::with_capacity(entities.len());
    for (index, entity) in entities.iter().enumerate() {
        let name_words = &words[index];
        let mut best = index;
        if let (Some(first), Some(last)) = (name_words.first(), name_words.last()) {
            let candidates = by_edge
                .get(&(entity.label, *first))
                .into_iter()
                .chain(by_edge.get(&(entity.label, *last)))
                .flatten();
            for &candidate in candidates {
                let longer = &words[candidate];
                let contains = longer.len() > words[best].len()
                    && (longer.starts_with(name_words) || longer.ends_with(name_words));
                if contains {
                    best = candidate;
                }
            }
        }
        let chosen = spelling
            .get(&(entity.label, lowered[best].as_str()))
            .copied()
            .unwrap_or(best);
        canonical.push(names[chosen].clone());
    }
    for (entity, name) in entities.iter_mut().zip(canonical) {
        entity.canonical = name;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityLabel::*;

    fn entity(text: &str, label: EntityLabel) -> Entity {
        Entity {
            text: text.into(),
            label,
            start: 0,
            end: 0,
            canonical: String::new(),
        }
    }

    #[test]
    fn cleans_mentions() {
        let cases = [
            ("Russia's", "Russia"),
            ("Aliyev’s", "Aliyev"),
            ("Azerbaijan  Airlines'", "Azerbaijan Airlines"),
            ("Vladimir\nPutin", "Vladimir Putin"),
        ];
        for (input, expected) in cases {
            assert_eq!(clean_mention(input), expected);
        }
    }

    #[test]
    fn resolves_short_mentions_to_longer_ones_of_the_same_type() {
        let mut entities = vec![
            entity("Ilham Aliyev", Person),
            entity("Aliyev", Person),
            entity("PUTIN", Person),
            entity("Vladimir Putin", Person),
            entity("Putin's", Person),
            entity("Azerbaijan", Location),
            entity("Azerbaijan Airlines", Organization),
            entity("BAKU", Location),
            entity("Baku", Location),
            entity("NATO", Organization),
        ];
        resolve(&mut entities);
        let canonical: Vec<&str> = entities.iter().map(|e| e.canonical.as_str()).collect();
        assert_eq!(
            canonical,
            vec![
                "Ilham Aliyev",
                "Ilham Aliyev",
                "Vladimir Putin",
                "Vladimir Putin",
                "Vladimir Putin",
                "Azerbaijan",
                "Azerbaijan Airlines",
                "Baku",
                "Baku",
                "NATO"
            ]
        );
    }
}
