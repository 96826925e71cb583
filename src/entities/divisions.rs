//! Counties and provinces the model read as organisations or people
//! ("Harris County", "Zhejiang Province", "Province of Quebec").
//!
//! A county's name is mostly a surname or a town ("Harris", "Orange",
//! "Dallas"), and the model, which learned courts and banks "of Dade
//! County", made "X County" an organisation 16 times and a person twice in
//! the Reuters stories of 1987 (20 times a place). A name of capitalised
//! words ending in "County" or "Province", or "Province of" and a name, is
//! the division; not a longer name around it ("Central Bank of Volusia
//! County", "the Bureau of Fujian Province"), nor a football club named
//! after its county ("Notts County").

use super::wordform::without_possessive;
use super::{Entity, EntityLabel};

/// Words that end the name of an administrative division; sorted by bytes.
const DIVISION_WORDS: &[&str] = &["County", "Province"];

/// Clubs named "County"; sorted by bytes.
const CLUBS: &[&str] = &[
    "Derby County",
    "Newport County",
    "Notts County",
    "Stockport County",
];

/// Makes places of the mentions that name a county or province alone.
pub fn retype_divisions(entities: &mut [Entity]) {
    for entity in entities.iter_mut() {
        if entity.label != EntityLabel::Location && names_a_division(&entity.text) {
            entity.label = EntityLabel::Location;
        }
    }
}

/// Whether `name` is two to four capitalised words, the last a division's
/// ("Los Angeles County"), or "Province of" and one or two more ("Province
/// of Quebec").
fn names_a_division(name: &str) -> bool {
    // Most names are neither: two cheap looks before any word is counted.
    let last = without_possessive(name.rsplit(char::is_whitespace).next().unwrap_or(name));
    let ends_with_division = DIVISION_WORDS.binary_search(&last).is_ok();
    if !ends_with_division && !name.starts_with("Province of ") {
        return false;
    }
    let words = name.split_whitespace().count();
    let capitalised = |word: &str| word.starts_with(|c: char| c.is_ascii_uppercase());
    if !(2..=4).contains(&words) {
        return false;
    }
    if ends_with_division {
        name.split_whitespace().all(capitalised)
            && CLUBS.binary_search(&without_possessive(name)).is_err()
    } else {
        words > 2 && name.split_whitespace().skip(2).all(capitalised)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_sorted() {
        assert!(DIVISION_WORDS.is_sorted());
        assert!(CLUBS.is_sorted());
    }

    #[test]
    fn a_county_or_province_is_a_place() {
        let retyped = |marked: &str| -> Vec<String> {
            let (_, mut entities) = crate::entities::marked_mentions(marked);
            retype_divisions(&mut entities);
            crate::entities::labelled(&entities)
        };
        let cases: &[(&str, &[&str])] = &[
            ("banks in [ORG:Harris County]", &["Harris County/LOC"]),
            (
                "in [ORG:Los Angeles County] alone",
                &["Los Angeles County/LOC"],
            ),
            (
                "Court, [PER:Jefferson County], Ky.",
                &["Jefferson County/LOC"],
            ),
            (
                "of [ORG:Zhejiang Province] said",
                &["Zhejiang Province/LOC"],
            ),
            (
                "in the [ORG:Province of Quebec]",
                &["Province of Quebec/LOC"],
            ),
            ("[ORG:Orange County's] fruits", &["Orange County's/LOC"]),
            // Longer names around a division, and clubs, stay.
            (
                "of [ORG:Central Bank of Volusia County]",
                &["Central Bank of Volusia County/ORG"],
            ),
            (
                "the [ORG:Bureau of Fujian Province]",
                &["Bureau of Fujian Province/ORG"],
            ),
            ("beat [ORG:Notts County] 2-0", &["Notts County/ORG"]),
            ("[ORG:County] said", &["County/ORG"]),
            ("[MISC:Province of]", &["Province of/MISC"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(retyped(marked), *expected, "{marked}");
        }
    }
}
