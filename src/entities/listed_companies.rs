//! Names of listed companies that the model typed as people, places or
//! other names ("Lockheed Martin" a person, "Airbus" an other name in 38
//! mentions of the benchmark news, "Renault said" a person).
//!
//! The companies list (`models/gazetteers/companies.txt`) is one of the
//! model's features, weighed against the name's shape and neighbours; a
//! company named like a surname, or in a product's place ("Renault cars"),
//! still loses to them. A whole name the list holds is the company, unless
//! the name is as often something else: a one-word name that is also a
//! first name, surname, town or country ("Douglas", "Fox", "Nokia" the
//! Finnish town), a place of one word ("the Amazon basin"), a person whose
//! first word is a first name ("Walt Disney", "Ralph Lauren"), a titled
//! name ("Mr Gates"), or a name with a digit ("M3" the money supply).

use super::gazetteer::{self, Gazetteer, list_bit, list_bits};
use super::organisation_nouns::is_titled;
use super::{Entity, EntityLabel};

/// The list of companies.
const COMPANIES: &str = "companies";

/// Lists whose one-word entries are as often a person or a place.
const ALSO_PEOPLE_OR_PLACES: [&str; 6] = [
    "countries",
    "first_names",
    "last_names",
    "nationalities",
    "places",
    "towns",
];

/// Makes organisations of the mentions whose whole name is a listed
/// company, and not as often something else. `text` is the text the
/// mentions' offsets index.
pub fn retype_listed_companies(gazetteer: &Gazetteer, text: &str, entities: &mut [Entity]) {
    let also_people_or_places = list_bits(&ALSO_PEOPLE_OR_PLACES);
    let first_names = list_bit("first_names");
    let retyped: Vec<bool> = entities
        .iter()
        .map(|entity| {
            let name = entity.name();
            let one_word = !name.contains(char::is_whitespace);
            // The list as written, case kept ("analyst Ing said" is no
            // "ING"): one set lookup, and few names are in it. The other
            // lists are asked only about those, case folded as tagging
            // folds it ("DOUGLAS" is the surname too).
            if entity.label == EntityLabel::Organization
                || (entity.label == EntityLabel::Location && one_word)
                || !gazetteer::lists(COMPANIES, name)
            {
                return false;
            }
            let also_common = if one_word {
                gazetteer.lists_of(name) & also_people_or_places != 0
                    || name.contains(|c: char| c.is_ascii_digit())
            } else {
                let first = name.split_whitespace().next().unwrap_or_default();
                entity.label == EntityLabel::Person && gazetteer.lists_of(first) & first_names != 0
            };
            !also_common && !is_titled(text, entity)
        })
        .collect();
    super::relabel(entities, retyped, EntityLabel::Organization);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listed_company_is_an_organisation_unless_the_name_is_also_common() {
        let gazetteer = Gazetteer::embedded();
        let retyped = |marked: &str| {
            crate::entities::after_pass(marked, |text, entities| {
                retype_listed_companies(&gazetteer, text, entities)
            })
        };
        let cases: &[(&str, &[&str])] = &[
            ("for [MISC:Airbus] to sell", &["Airbus/ORG"]),
            ("[PER:Renault]'s debt", &["Renault/ORG"]),
            ("[PER:Lockheed Martin] won", &["Lockheed Martin/ORG"]),
            ("McAfee, [PER:Trend Micro] and", &["Trend Micro/ORG"]),
            ("Shares in [LOC:Munich Re] fell", &["Munich Re/ORG"]),
            ("[PER:Boeing] said", &["Boeing/ORG"]),
            // Names as often something else stay.
            ("[PER:Douglas]'s action films", &["Douglas/PER"]),
            ("\"[LOC:Nokia] make 200 million", &["Nokia/LOC"]),
            ("the [LOC:Amazon] basin", &["Amazon/LOC"]),
            ("[PER:John Deere] drew", &["John Deere/PER"]),
            ("the [MISC:M3] money supply", &["M3/MISC"]),
            ("Mr [PER:Gates] said", &["Gates/PER"]),
            ("like [PER:Fox], claim", &["Fox/PER"]),
            ("[PER:Ryanair] said", &["Ryanair/PER"]), // not listed
            ("analyst [PER:Ing] said", &["Ing/PER"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(retyped(marked), *expected, "{marked}");
        }
    }
}
