//! A government named after its leader: with a capital "Administration"
//! ("Reagan Administration", "U.S. Administration") the whole name is an
//! organisation, which the model read as the leader, a place or another
//! name; with a lower-case one ("the Reagan administration") the surname
//! before it is the leader, a person, which the model read as an other
//! name (45 times in the Reuters stories of 1987) or an organisation.
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
//!
//! A lower-case "administration" makes a person only of a listed surname
//! that is no country or nationality ("the Portuguese administration", "the
//! U.S. administration"), nor a party ("the Labour administration").

use super::{Entity, EntityLabel, gazetteer};

/// Makes organisations of the mentions of several words whose last word
/// is "Administration", unless "act" follows, and people of the listed
/// surnames a lower-case "administration" follows. `text` is the text the
/// mentions' offsets index.
pub fn retype_administrations(text: &str, entities: &mut [Entity]) {
    for entity in entities.iter_mut() {
        // Most mentions neither end with the noun nor come before it: a
        // comparison of bytes rules each case out.
        if entity.label != EntityLabel::Organization
            && entity.text.ends_with("Administration")
            && is_named_administration(text, entity)
        {
            entity.label = EntityLabel::Organization;
        } else if entity.label != EntityLabel::Person
            && before_lower_case_administration(text, entity)
        {
            let name = entity.name();
            if gazetteer::lists("last_names", name)
                && gazetteer::country_or_nationality(name).is_none()
            {
                entity.label = EntityLabel::Person;
            }
        }
    }
}

/// Whether a mention ending with "Administration" is a name of several
/// words whose last is that word, and no law ("act" after it).
fn is_named_administration(text: &str, entity: &Entity) -> bool {
    let mut words = entity.text.split_whitespace().rev();
    let next = text[entity.end..].split_whitespace().next();
    words.next() == Some("Administration")
        && words.next().is_some()
        && !next.is_some_and(|word| word.eq_ignore_ascii_case("act"))
}

/// Whether the word after the mention, past white space, is "administration"
/// (or its possessive, or with a stop after it).
fn before_lower_case_administration(text: &str, entity: &Entity) -> bool {
    let after = &text[entity.end..];
    let next = after.trim_start();
    if next.len() == after.len() || !next.starts_with("administration") {
        return false;
    }
    next.split_whitespace().next().is_some_and(|word| {
        let word = word.trim_end_matches(|c: char| c.is_ascii_punctuation());
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("\u{2019}s"))
            .unwrap_or(word);
        word == "administration"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_administration_named_after_its_leader() {
        let retyped = |marked: &str| {
            crate::entities::after_pass(marked, |text, entities| {
                retype_administrations(text, entities)
            })
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
            // A surname before a lower-case "administration" is the leader.
            (
                "speculate that the [MISC:Reagan] administration will offer",
                &["Reagan/PER"],
            ),
            (
                "the [ORG:Reagan] administration's farm plan",
                &["Reagan/PER"],
            ),
            ("late in the [ORG:Ford] administration.", &["Ford/PER"]),
            ("the [MISC:Portuguese] administration", &["Portuguese/MISC"]),
            ("the [ORG:Labour] administration", &["Labour/ORG"]),
            ("the [LOC:U.S.] administration", &["U.S./LOC"]),
            ("[MISC:Reagan]-administration", &["Reagan/MISC"]),
            ("[MISC:Reagan] administrations", &["Reagan/MISC"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(retyped(marked), *expected, "{marked}");
        }
    }
}
