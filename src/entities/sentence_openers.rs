//! A sentence's opening word the model took into the name after it:
//! "Meanwhile Lib Dem" an organisation, "Although Baker" and "Many German"
//! people.
//!
//! Capitalised at the start of a sentence, a conjunction or adverb looks
//! like a name's first word. The words of [`OPENERS`] open no name or
//! title news writes (unlike "In", "For" or "Like": "In Good Company", "Like
//! Toy Soldiers"), so the mention is the words after it. What is left may
//! be a country or a nationality the model typed from the whole span
//! ("Many German" a person): it takes the gazetteer's type.

use super::{Entity, gazetteer};
use crate::chars;

/// Capitalised words that open sentences and never names; sorted by bytes.
const OPENERS: &[&str] = &[
    "Although",
    "Among",
    "Because",
    "Despite",
    "Earlier",
    "Furthermore",
    "However",
    "Later",
    "Many",
    "Meanwhile",
    "Moreover",
    "Nevertheless",
    "Several",
    "Though",
    "Unless",
    "Until",
    "Whereas",
    "Whether",
    "Whilst",
    "Yesterday",
];

/// Cuts an opening word of [`OPENERS`] off the mentions that hold one
/// before a capitalised word.
pub fn cut_sentence_openers(entities: &mut [Entity]) {
    for entity in entities.iter_mut() {
        let Some((first, rest)) = entity.text.split_once(' ') else {
            continue;
        };
        if OPENERS.binary_search(&first).is_err()
            || !rest.starts_with(|c: char| chars::is_uppercase(c) || c.is_ascii_digit())
        {
            continue;
        }
        let label = gazetteer::country_or_nationality(rest).unwrap_or(entity.label);
        entity.drop_front(first.len() + 1);
        entity.label = label;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted() {
        assert!(OPENERS.is_sorted());
    }

    #[test]
    fn an_opening_word_is_cut_off_the_name_after_it() {
        let cut = |marked: &str| {
            crate::entities::after_pass(marked, |_, entities| cut_sentence_openers(entities))
        };
        let cases: &[(&str, &[&str])] = &[
            ("[ORG:Meanwhile Lib Dem] leader", &["Lib Dem/ORG"]),
            ("[PER:Although Baker] said", &["Baker/PER"]),
            ("[PER:Many German] firms", &["German/MISC"]),
            ("[ORG:Among Canada]'s", &["Canada/LOC"]),
            // Titles and names keep their first word.
            ("[ORG:In Good Company] won", &["In Good Company/ORG"]),
            ("[MISC:Like Toy Soldiers]", &["Like Toy Soldiers/MISC"]),
            ("[PER:Meanwhile] said", &["Meanwhile/PER"]),
            ("[ORG:Although the] firm", &["Although the/ORG"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(cut(marked), *expected, "{marked}");
        }
    }
}
