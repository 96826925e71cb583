//! Canonical names within one article.
//!
//! A mention resolves to the longest mention of the same type whose words
//! start or end with its words ("Putin" -> "Vladimir Putin"); possessives are
//! stripped, whitespace collapsed, and an all-caps form (a headline) takes
//! the mixed-case spelling of the same name where the article has one.

use std::collections::HashMap;

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
    let lowered: Vec<Vec<String>> = names
        .iter()
        .map(|n| n.split_whitespace().map(str::to_lowercase).collect())
        .collect();
    // Preferred spelling per (label, lower-case name): the first mixed-case one.
    let mut spelling: HashMap<(EntityLabel, String), usize> = HashMap::new();
    for (index, entity) in entities.iter().enumerate() {
        let key = (entity.label, lowered[index].join(" "));
        match spelling.get(&key) {
            Some(&existing) if !is_all_caps(&names[existing]) || is_all_caps(&names[index]) => {}
            _ => {
                spelling.insert(key, index);
            }
        }
    }
    // Multi-word names indexed by (label, first word) and (label, last word).
    let mut by_edge: HashMap<(EntityLabel, &str), Vec<usize>> = HashMap::new();
    for (index, words) in lowered.iter().enumerate() {
        if words.len() > 1 {
            let label = entities[index].label;
            by_edge
                .entry((label, words[0].as_str()))
                .or_default()
                .push(index);
            by_edge
                .entry((label, words[words.len() - 1].as_str()))
                .or_default()
                .push(index);
        }
    }
    let mut canonical = Vec::with_capacity(entities.len());
    for (index, entity) in entities.iter().enumerate() {
        let words = &lowered[index];
        let mut best = index;
        if let (Some(first), Some(last)) = (words.first(), words.last()) {
            let candidates = by_edge
                .get(&(entity.label, first.as_str()))
                .into_iter()
                .chain(by_edge.get(&(entity.label, last.as_str())))
                .flatten();
            for &candidate in candidates {
                let longer = &lowered[candidate];
                let contains = longer.len() > lowered[best].len()
                    && (longer.starts_with(words) || longer.ends_with(words));
                if contains {
                    best = candidate;
                }
            }
        }
        let key = (entity.label, lowered[best].join(" "));
        let chosen = spelling.get(&key).copied().unwrap_or(best);
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
