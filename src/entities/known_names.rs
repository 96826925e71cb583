//! Names the model gets wrong the same way wherever news writes them, put
//! right from short lists: one-word names of a fixed type, whatever the
//! words around them suggest, and organisations whose names hold a word
//! that names rarely do ("and", "of", "on"), which the model cut in two.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::canonical::clean_mention;
use super::{Entity, EntityLabel};

/// One-word names and the type they always have in news, unless the
/// article names a person of more words with that word in it (Edzard
/// Reuter, chairman of Daimler-Benz). "Reuter" and "Reuters" alone are
/// the news agency ("a Reuter survey", "Reuter reported"), which the model,
/// seeing a surname after "a" or before "reported", made a person in 111
/// passages of Reuters-21578. Compared ignoring case, possessive stripped.
const ONE_WORD_TYPES: &[(&str, EntityLabel)] = &[
    ("Reuter", EntityLabel::Organization),
    ("Reuters", EntityLabel::Organization),
];

/// [`ONE_WORD_TYPES`] by lower-case word.
static ONE_WORD: LazyLock<FxHashMap<String, EntityLabel>> = LazyLock::new(|| {
    ONE_WORD_TYPES
        .iter()
        .map(|&(word, label)| (word.to_lowercase(), label))
        .collect()
});

/// Gives the one-word mentions of [`ONE_WORD_TYPES`] their type.
pub fn retype_one_word_names(entities: &mut [Entity]) {
    // Most articles name none of them: one lookup a one-word mention.
    let retyped: Vec<(usize, EntityLabel)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.text.contains(char::is_whitespace))
        .filter_map(|(index, e)| {
            let label = *ONE_WORD.get(&clean_mention(&e.text).to_lowercase())?;
            (label != e.label).then_some((index, label))
        })
        .collect();
    if retyped.is_empty() {
        return;
    }
    // The words of the article's people of more than one word.
    let person_words: FxHashSet<String> = entities
        .iter()
        .filter(|e| e.label == EntityLabel::Person && e.text.contains(char::is_whitespace))
        .flat_map(|e| {
            clean_mention(&e.text)
                .split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    for (index, label) in retyped {
        let entity = &mut entities[index];
        if !person_words.contains(&clean_mention(&entity.text).to_lowercase()) {
            entity.label = label;
        }
    }
}

/// `marked` without its marks, and its mentions: written between `[` and
/// `]`, typed by the letter after `]` (P, O, L or M).
#[cfg(test)]
fn parse(marked: &str) -> (String, Vec<Entity>) {
    let mut entities = Vec::new();
    let mut text = String::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let close = rest.find(']').expect("closed");
        let name = &rest[open + 1..close];
        let label = match &rest[close + 1..close + 2] {
            "P" => EntityLabel::Person,
            "O" => EntityLabel::Organization,
            "L" => EntityLabel::Location,
            _ => EntityLabel::Misc,
        };
        entities.push(Entity {
            text: name.to_string(),
            label,
            start: text.len(),
            end: text.len() + name.len(),
            canonical: String::new(),
        });
        text.push_str(name);
        rest = &rest[close + 2..];
    }
    text.push_str(rest);
    (text, entities)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions of `marked` (see [`parse`]) once one-word names are
    /// retyped.
    fn retyped(marked: &str) -> Vec<(String, EntityLabel)> {
        let (_, mut entities) = parse(marked);
        retype_one_word_names(&mut entities);
        entities.into_iter().map(|e| (e.text, e.label)).collect()
    }
    #[test]
    fn one_word_names_take_their_type() {
        use EntityLabel::*;
        let cases: &[(&str, &[(&str, EntityLabel)])] = &[
            ("A [Reuter]P survey", &[("Reuter", Organization)]),
            ("[REUTER]P", &[("REUTER", Organization)]),
            ("told [Reuters']P reporter", &[("Reuters'", Organization)]),
            ("[Reuter]O said", &[("Reuter", Organization)]),
            ("[Reuters Holdings]O", &[("Reuters Holdings", Organization)]),
            (
                "[Edzard Reuter]P of [Daimler]O. [Reuter]P said",
                &[
                    ("Edzard Reuter", Person),
                    ("Daimler", Organization),
                    ("Reuter", Person),
                ],
            ),
        ];
        for (marked, expected) in cases {
            let expected: Vec<(String, EntityLabel)> =
                expected.iter().map(|&(t, l)| (t.to_string(), l)).collect();
            assert_eq!(retyped(marked), expected, "{marked}");
        }
    }
}
