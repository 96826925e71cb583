//! A government named after its leader or country with a capital
//! "Administration" ("Reagan Administration", "U.S. Administration") is
//! an organisation, which the model read as the leader, a place or another
//! name.
//!
//! The model learned "Clinton administration" from 1996 wire copy, where
//! the lower-case noun is no part of the name and "Clinton" is the person.
//! Written with a capital, the noun joins the name, and the model types the
//! whole span from its first word: in the Reuters stories of 1987 "Reagan
//! Administration" was a person 18 times and an other name 11 times,
//! beside 21 organisations. Agencies named so ("Maritime Administration",
//! "Food and Drug Administration") are organisations too. The noun alone
//! ("the Administration tried") is left as it is: it is as often a
//! capitalised common noun ("Administration officials"); so is a name
//! "act" follows, a law the model cut short ("the Financial Administration
//! act").

use super::{Entity, EntityLabel};

/// Makes organisations of the mentions of several words whose last word
/// is "Administration", unless "act" follows. `text` is the text the
/// mentions' offsets index.
pub fn retype_administrations(text: &str, entities: &mut [Entity]) {
    for entity in entities.iter_mut() {
        let mut words = entity.text.split_whitespace().rev();
        let next = text[entity.end..].split_whitespace().next();
        if entity.label != EntityLabel::Organization
            && words.next() == Some("Administration")
            && words.next().is_some()
            && !next.is_some_and(|word| word.eq_ignore_ascii_case("act"))
        {
            entity.label = EntityLabel::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capitalised_administration_is_an_organisation() {
        let retyped = |marked: &str| -> Vec<String> {
            let (text, mut entities) = crate::entities::marked_mentions(marked);
            retype_administrations(&text, &mut entities);
            crate::entities::labelled(&entities)
        };
        let cases: &[(&str, &[&str])] = &[
            (
                "concern that the [PER:Reagan Administration] would",
                &["Reagan Administration/ORG"],
            ),
            (
                "the [MISC:Reagan\nAdministration] said",
                &["Reagan\nAdministration/ORG"],
            ),
            (
                "regulations from the [LOC:U.S. Administration],",
                &["U.S. Administration/ORG"],
            ),
            (
                "the [MISC:Maritime Administration]",
                &["Maritime Administration/ORG"],
            ),
            // The noun alone, and a lower-case one, stay.
            (
                "Congress and the [PER:Administration] tried",
                &["Administration/PER"],
            ),
            (
                "an [MISC:Administration] economic policymaker",
                &["Administration/MISC"],
            ),
            ("the [PER:Clinton] administration", &["Clinton/PER"]),
            (
                "[PER:Administration Smith] said",
                &["Administration Smith/PER"],
            ),
            (
                "authority under the [MISC:Financial\nAdministration] act to borrow",
                &["Financial\nAdministration/MISC"],
            ),
            (
                "the [MISC:Maritime Administration] Act",
                &["Maritime Administration/MISC"],
            ),
        ];
        for (marked, expected) in cases {
            assert_eq!(retyped(marked), *expected, "{marked}");
        }
    }
}
