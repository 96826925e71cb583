//! A surname that a title of office stands before ("President Reagan's
//! plan", "Energy Secretary Herrington", "King Faruq"), or with first names
//! between ("(Russian President Vladimir) Putin himself"), which the model
//! typed as an organisation or a place.
//!
//! CoNLL-2003 writes the office outside the name, so the model reads the
//! title as a person's cue only when a first name it knows follows; a
//! bracket between the first name and the surname, or a surname it never
//! saw, lose it. A title of office, capitalised, then capitalised names up
//! to the mention, makes the mention a person, with its other mentions
//! ("accusations of Putin" in the same story), when the mention is a rare
//! name: no common word ("President Forever", a game; "King World", a
//! company), and no listed place or company ("said Dinesh Keskar, Senior
//! Vice President Boeing" is the firm's).

use super::features::Resources;
use super::opening_surnames::{is_capitalised_name, is_rare_name};
use super::wordform::without_possessive;
use super::{Entity, EntityLabel};

/// Titles of office written before a holder's names ("President Vladimir
/// Putin", "Foreign Minister Obed Asamoah"); not "Premier" (Premier
/// League) nor "General" (General Motors); sorted by bytes.
const OFFICES: &[&str] = &[
    "Chancellor",
    "Emperor",
    "Governor",
    "King",
    "Minister",
    "President",
    "Prince",
    "Princess",
    "Queen",
    "Secretary",
    "Senator",
    "Sultan",
];

/// First names and initials that may stand between a title and the
/// surname ("President George W. Bush").
const MOST_NAMES_BETWEEN: usize = 3;

/// Makes people of the one-word organisations, places and other names that
/// a title of office introduces, with their other mentions. `text` is the
/// text the mentions' offsets index.
pub fn retype_office_holders(resources: &Resources, text: &str, entities: &mut [Entity]) {
    // Most mentions follow no title: one look at the words before each.
    let mut holders: Vec<&str> = Vec::new();
    for entity in entities.iter() {
        let name = entity.name();
        if entity.label != EntityLabel::Person
            && is_capitalised_name(name)
            && follows_an_office(text, entity.start)
            && is_rare_name(resources, name)
        {
            holders.push(name);
        }
    }
    if holders.is_empty() {
        return;
    }
    let holders: Vec<String> = holders.into_iter().map(str::to_string).collect();
    let retyped: Vec<bool> = entities
        .iter()
        .map(|entity| {
            entity.label != EntityLabel::Person && holders.iter().any(|h| h == entity.name())
        })
        .collect();
    super::relabel(entities, retyped, EntityLabel::Person);
}

/// Whether a title of office stands before byte `start` of `text`, a
/// space away, or with capitalised first names or initials between and a
/// closing bracket after them ("President Vladimir) Putin").
fn follows_an_office(text: &str, start: usize) -> bool {
    let Some(before) = text[..start].strip_suffix(' ') else {
        return false;
    };
    let before = before.strip_suffix(')').unwrap_or(before);
    let mut words = before.rsplit(' ');
    for _ in 0..=MOST_NAMES_BETWEEN {
        let Some(word) = words.next() else {
            return false;
        };
        let word = word.trim_start_matches('(');
        if OFFICES.binary_search(&word).is_ok() {
            return true;
        }
        // A possessive ends a name of its own: "Prime Minister John
        // Major's Tory party".
        let initial = word.len() == 2 && word.ends_with('.');
        let possessive = without_possessive(word).len() < word.len();
        if possessive || !(initial || is_capitalised_name(word)) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::engine;

    #[test]
    fn the_offices_are_sorted() {
        assert!(OFFICES.is_sorted());
    }

    #[test]
    fn a_surname_a_title_of_office_introduces_is_a_person() {
        let resources = &engine().expect("the embedded model").resources;
        let retyped = |marked: &str| {
            crate::entities::after_pass(marked, |text, entities| {
                retype_office_holders(resources, text, entities)
            })
        };
        let cases: &[(&str, &[&str])] = &[
            // Real sentences of the benchmark news.
            (
                "(Russian President Vladimir) [ORG:Putin] himself. Accusations of [LOC:Putin]",
                &["Putin/PER", "Putin/PER"],
            ),
            ("plan of President [ORG:Reagan]'s", &["Reagan/PER"]),
            ("Egypt's deposed King [ORG:Faruq], she", &["Faruq/PER"]),
            (
                "Energy Secretary [ORG:Herrington] said",
                &["Herrington/PER"],
            ),
            // A common word or a listed company after the title.
            ("games such as President [ORG:Forever]", &["Forever/ORG"]),
            ("King [ORG:World] said", &["World/ORG"]),
            ("Senior Vice President [ORG:Boeing].", &["Boeing/ORG"]),
            ("Premier [ORG:Rugby] clubs", &["Rugby/ORG"]),
            // A name of its own between.
            (
                "Prime Minister John Major's [MISC:Tory] party",
                &["Tory/MISC"],
            ),
            (
                "Chancellor Helmut Kohl's [MISC:CDU-led] coalition",
                &["CDU-led/MISC"],
            ),
            // A title in another sentence.
            (
                "met President Reagan. [ORG:Braniff] flies",
                &["Braniff/ORG"],
            ),
        ];
        for (marked, expected) in cases {
            assert_eq!(retyped(marked), *expected, "{marked}");
        }
    }
}
