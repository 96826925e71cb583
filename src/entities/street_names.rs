//! Streets and squares the model read as people ("Downing Street").
//!
//! "Downing", "Bond" or "Wall" are surnames, and the model, which learned
//! people from a first word it knows as a surname, made "Downing Street" a
//! person 10 times in the BBC stories of 2004-05 (36 times a place). A
//! name that ends in "Street", "Road", "Avenue", "Square" or "Boulevard"
//! is the street, as those words are no one's surname in the news; not
//! "Lane", "Church" or "Park" (Nathan Lane, Charlotte Church, Ji-sung Park).

use super::wordform::without_possessive;
use super::{Entity, EntityLabel};

/// Words that end the name of a street and no person's; sorted by bytes.
const STREET_WORDS: &[&str] = &["Avenue", "Boulevard", "Road", "Square", "Street"];

/// Makes places of the people whose name of two words or more ends in one
/// of [`STREET_WORDS`] ("Downing Street", "Downing Street's").
pub fn retype_street_names(entities: &mut [Entity]) {
    for entity in entities.iter_mut() {
        if entity.label != EntityLabel::Person {
            continue;
        }
        let mut words = entity.text.split_whitespace().rev();
        let (Some(last), Some(_)) = (words.next(), words.next()) else {
            continue;
        };
        if STREET_WORDS
            .binary_search(&without_possessive(last))
            .is_ok()
        {
            entity.label = EntityLabel::Location;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_street_words_are_sorted() {
        assert!(STREET_WORDS.is_sorted());
    }

    #[test]
    fn a_street_is_no_person() {
        let retyped = |marked: &str| -> Vec<String> {
            let (_, mut entities) = crate::entities::marked_mentions(marked);
            retype_street_names(&mut entities);
            crate::entities::labelled(&entities)
        };
        let cases: &[(&str, &[&str])] = &[
            ("[PER:Downing Street] said", &["Downing Street/LOC"]),
            ("[PER:Downing Street's] view", &["Downing Street's/LOC"]),
            ("on [PER:Madison Avenue]", &["Madison Avenue/LOC"]),
            ("[ORG:Wall Street] rose", &["Wall Street/ORG"]),
            ("[PER:Charlotte Church]", &["Charlotte Church/PER"]),
            ("[PER:Nathan Lane]", &["Nathan Lane/PER"]),
            ("[PER:Street]", &["Street/PER"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(retyped(marked), *expected, "{marked}");
        }
    }
}
