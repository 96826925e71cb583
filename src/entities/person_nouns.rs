//! Names that news introduces with a noun only a person is ("soul singer
//! Joss Stone", "Milan striker Adriano", "rights lawyer Clive
//! Stafford-Smith"), which the model read as organisations, places or other
//! names.
//!
//! Most such names are people to the model already (about 97 % in the BBC
//! stories of 2004-05); the rest are stage names and foreign names it took
//! for a band or a town ("rap star Kanye West" a place, "US rapper Snoop
//! Dogg" an organisation). The noun is the writer saying who the name is,
//! and every other mention of that name in the article is the person too.
//!
//! Not a name a person noun follows, which describes the person ("the star
//! Arsenal striker"), nor after "best" or "supporting", where the noun
//! names an award ("best actress Oscar"), nor after "title" ("title
//! defender Bayern Munich" is a team as often), nor a country ("star
//! Wales" would be a team).

use std::collections::HashSet;

use super::noun_before::NounBefore;
use super::{Entity, EntityLabel, gazetteer};

/// Lower-case nouns that, written right before a name, say it is a person;
/// sorted by bytes. Not "boss", "captain", "champion" or "leader", which
/// teams and firms are too ("European champion Borussia Dortmund", "market
/// leader Nintendo"), nor "producer" or "analyst" ("crude producer Yukos",
/// "analyst Gartner").
const NOUNS_BEFORE: &[&str] = &[
    "actor",
    "actress",
    "author",
    "comedian",
    "defender",
    "drummer",
    "footballer",
    "goalkeeper",
    "guitarist",
    "lawyer",
    "midfielder",
    "novelist",
    "playwright",
    "poet",
    "presenter",
    "rapper",
    "singer",
    "star",
    "striker",
    "winger",
];

/// Words after which the noun names an award ("best actress Oscar",
/// "supporting actress Academy Award") or a holder that teams are as often
/// ("title defender Bayern Munich"); sorted by bytes.
const BEFORE_AN_AWARD: &[&str] = &["best", "supporting", "title"];

/// Lower-case nouns for a person of a team or a firm, besides
/// [`NOUNS_BEFORE`]: a name right before one describes the person ("the
/// star Arsenal player"); sorted by bytes.
const PEOPLE_OF_A_TEAM: &[&str] = &["boss", "captain", "coach", "manager", "player"];

/// Makes people of the names a person noun introduces, and of every other
/// mention of those names in the article. `text` is the text the mentions'
/// offsets index.
pub fn retype_named_people(text: &str, entities: &mut [Entity]) {
    let names: HashSet<&str> = entities
        .iter()
        .filter(|entity| {
            entity.label != EntityLabel::Person
                && after_person_noun(text, entity)
                && !before_person_noun(text, entity)
                && !(entity.label == EntityLabel::Location && gazetteer::is_country(entity.name()))
        })
        .map(Entity::name)
        .collect();
    if names.is_empty() {
        return;
    }
    let retyped: Vec<bool> = entities
        .iter()
        .map(|entity| entity.label != EntityLabel::Person && names.contains(entity.name()))
        .collect();
    super::relabel(entities, retyped, EntityLabel::Person);
}

/// Whether the word right before the mention, one space apart, is one of
/// [`NOUNS_BEFORE`], not after one of [`BEFORE_AN_AWARD`].
fn after_person_noun(text: &str, entity: &Entity) -> bool {
    text[..entity.start]
        .strip_suffix(' ')
        .and_then(NounBefore::of)
        .is_some_and(|found| {
            NOUNS_BEFORE.binary_search(&found.noun).is_ok()
                && BEFORE_AN_AWARD
                    .binary_search(&found.previous_key().as_str())
                    .is_err()
        })
}

/// Whether a person noun follows the mention, one space apart: the name
/// describes the person as an adjective would ("the star Arsenal striker",
/// where "star" is the adjective).
fn before_person_noun(text: &str, entity: &Entity) -> bool {
    let Some(after) = text[entity.end..].strip_prefix(' ') else {
        return false;
    };
    let end = after
        .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
        .unwrap_or(after.len());
    let noun = &after[..end];
    NOUNS_BEFORE.binary_search(&noun).is_ok() || PEOPLE_OF_A_TEAM.binary_search(&noun).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_sorted() {
        assert!(NOUNS_BEFORE.is_sorted());
        assert!(BEFORE_AN_AWARD.is_sorted());
        assert!(PEOPLE_OF_A_TEAM.is_sorted());
    }

    #[test]
    fn a_name_a_person_noun_introduces_is_a_person() {
        let retyped = |marked: &str| {
            crate::entities::after_pass(marked, |text, entities| {
                retype_named_people(text, entities)
            })
        };
        let cases: &[(&str, &[&str])] = &[
            ("rap star [LOC:Kanye West] won", &["Kanye West/PER"]),
            ("US rapper [ORG:Snoop Dogg] has", &["Snoop Dogg/PER"]),
            ("Milan striker [LOC:Adriano].", &["Adriano/PER"]),
            ("of actress [MISC:Doris Day],", &["Doris Day/PER"]),
            (
                "rights lawyer [ORG:Clive Stafford-Smith] said",
                &["Clive Stafford-Smith/PER"],
            ),
            // Every mention of the name.
            (
                "hip-hop star [LOC:Kanye West]. [LOC:Kanye West]'s album",
                &["Kanye West/PER", "Kanye West/PER"],
            ),
            // Awards, countries, teams and firms stay.
            ("best actress [MISC:Oscar] at", &["Oscar/MISC"]),
            (
                "supporting actress [ORG:Academy Award]",
                &["Academy Award/ORG"],
            ),
            ("rugby star [LOC:Wales]", &["Wales/LOC"]),
            (
                "European champion [ORG:Borussia Dortmund]",
                &["Borussia Dortmund/ORG"],
            ),
            ("market leader [ORG:Nintendo]", &["Nintendo/ORG"]),
            // A team or a firm the noun describes the person of.
            ("was the star [ORG:Arsenal] striker", &["Arsenal/ORG"]),
            (
                "The star [ORG:Chelsea] midfielder [PER:Frank Lampard]",
                &["Chelsea/ORG", "Frank Lampard/PER"],
            ),
            ("the star [ORG:Arsenal] player", &["Arsenal/ORG"]),
            (
                "and title defender [ORG:Bayern Munich] lost",
                &["Bayern Munich/ORG"],
            ),
            ("Title defender [ORG:Porto] host", &["Porto/ORG"]),
            ("a Star [ORG:Chelsea]", &["Chelsea/ORG"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(retyped(marked), *expected, "{marked}");
        }
    }
}
