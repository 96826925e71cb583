//! A name in capitals that is the initials of an organisation the article
//! names in full ("GM" of "General Motors"), which the model typed as a
//! place or a person: MEANTIME's story of GM's bankruptcy had "General
//! Motors" an organisation nine times and "GM" a place seven.
//!
//! The model reads a short word in capitals by its letters and its
//! neighbours ("communities based around GM plants" looks like a place);
//! the article has said what it stands for. Initials are taken of names of
//! several words each written as a name ("General Motors", not "US Steel",
//! whose "US" is the country), leaving out the small words ("of", "and");
//! initials that another name of the article, not an organisation, also
//! makes ("United States", a place) decide nothing, nor do a listed
//! country's ("US"). Other names in capitals stay: most are what the model
//! says, whatever it made of the name in full ("AIDS", "ECU", "EMS" beside
//! an "Acquired Immune Deficiency Syndrome" or "European Currency Unit" it
//! typed an organisation).

use rustc_hash::FxHashMap;

use super::gazetteer::{Gazetteer, list_bits};
use super::{Entity, EntityLabel};
use crate::chars;

/// Lists of places whose names in capitals are the places ("US", "UK");
/// not of towns, whose lists hold "Gao" and "Aba" (the General Accounting
/// Office's "GAO", the American Bankers Association's "ABA" when looked up
/// case folded, as the lists are).
const PLACE_LISTS: [&str; 1] = ["countries"];

/// The fewest and most letters of initials taken for an organisation.
const LETTERS: std::ops::RangeInclusive<usize> = 2..=5;

/// Makes organisations of the places and people in capitals that are the
/// initials of an organisation of the article, of no name of another kind,
/// and no listed country.
pub fn retype_initials(gazetteer: &Gazetteer, entities: &mut [Entity]) {
    if !entities.iter().any(|e| is_in_capitals(e.name())) {
        return;
    }
    // Initials -> whether an organisation makes them, whether another name.
    let mut makers: FxHashMap<String, (bool, bool)> = FxHashMap::default();
    for entity in entities.iter() {
        if let Some(letters) = initials(entity.name()) {
            let (organisation, other) = makers.entry(letters).or_default();
            if entity.label == EntityLabel::Organization {
                *organisation = true;
            } else {
                *other = true;
            }
        }
    }
    let places = list_bits(&PLACE_LISTS);
    let retyped: Vec<bool> = entities
        .iter()
        .map(|entity| {
            matches!(entity.label, EntityLabel::Location | EntityLabel::Person)
                && is_in_capitals(entity.name())
                && makers
                    .get(entity.name())
                    .is_some_and(|&(organisation, other)| organisation && !other)
                && gazetteer.lists_of(entity.name()) & places == 0
        })
        .collect();
    super::relabel(entities, retyped, EntityLabel::Organization);
}

/// Per initials, the one organisation of the article that they stand for
/// ("SEC" -> "Securities and Exchange Commission"), from its distinct
/// names: (label, name as written, the name it resolves to). Initials
/// that two organisations make ("EC": "European Community", "European
/// Commission"), or a name of another kind ("United States"), stand for
/// none.
pub(super) fn expansions<'a>(
    names: impl Iterator<Item = (EntityLabel, &'a str, &'a str)>,
) -> FxHashMap<String, &'a str> {
    // Initials -> the organisation they stand for, `None` once ambiguous.
    let mut makers: FxHashMap<String, Option<&'a str>> = FxHashMap::default();
    for (label, name, resolved) in names {
        let Some(letters) = initials(name) else {
            continue;
        };
        let organisation = (label == EntityLabel::Organization).then_some(resolved);
        makers
            .entry(letters)
            .and_modify(|maker| {
                if *maker != organisation {
                    *maker = None;
                }
            })
            .or_insert(organisation);
    }
    makers
        .into_iter()
        .filter_map(|(letters, maker)| Some((letters, maker?)))
        .collect()
}

/// The initials a mention writes when its canonical name is the
/// organisation they stand for ("SEC" of "Securities and Exchange
/// Commission"), so that the index holds the mention under both and a
/// filter for either finds it; `None` for any other mention.
pub fn written_initials<'a>(label: EntityLabel, text: &'a str, canonical: &str) -> Option<&'a str> {
    if label != EntityLabel::Organization {
        return None;
    }
    let name = super::wordform::without_possessive(text);
    (name != canonical && is_in_capitals(name)).then_some(name)
}

/// Whether `name` is a word of [`LETTERS`] capital letters ("GM", "HP").
pub(super) fn is_in_capitals(name: &str) -> bool {
    LETTERS.contains(&name.len()) && crate::capitals::is_written_in_capitals(name)
}

/// The initials of a name of several words each written as a name
/// ("General Motors" -> "GM"), the words in lower case left out ("Bank
/// of England" -> "BE"); `None` for a name with a word in capitals or
/// other characters ("US Steel", "AT&T Corp").
fn initials(name: &str) -> Option<String> {
    let mut letters = String::new();
    for word in name.split_whitespace() {
        let mut characters = word.chars();
        let first = characters.next()?;
        if chars::is_lowercase(first) && word.chars().all(chars::is_lowercase) {
            continue;
        }
        let rest_lower = characters.all(|c| chars::is_lowercase(c) || c == '-');
        if !(first.is_ascii_uppercase() && rest_lower) {
            return None;
        }
        letters.push(first);
    }
    LETTERS.contains(&letters.len()).then_some(letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_an_organisation_of_the_article_are_the_organisation() {
        let gazetteer = Gazetteer::embedded();
        let retyped = |marked: &str| {
            crate::entities::after_pass(marked, |_, entities| retype_initials(&gazetteer, entities))
        };
        let cases: &[(&str, &[&str])] = &[
            (
                "[ORG:General Motors] filed. Around [LOC:GM] plants, [LOC:GM] dealers",
                &["General Motors/ORG", "GM/ORG", "GM/ORG"],
            ),
            (
                "[PER:HP] and [ORG:Hewlett Packard]",
                &["HP/ORG", "Hewlett Packard/ORG"],
            ),
            // Initials of a place too, or of a name with capitals.
            (
                "[ORG:United Steelworkers] in the [LOC:United States]. [LOC:US] jobs",
                &["United Steelworkers/ORG", "United States/LOC", "US/LOC"],
            ),
            (
                "[ORG:US Steel] in the [LOC:US]",
                &["US Steel/ORG", "US/LOC"],
            ),
            (
                "[ORG:Uniroyal Steel] in the [LOC:US]",
                &["Uniroyal Steel/ORG", "US/LOC"],
            ),
            (
                "the [ORG:General Accounting Office], [LOC:GAO], said",
                &["General Accounting Office/ORG", "GAO/ORG"],
            ),
            // Other names stay.
            (
                "[ORG:Acquired Immune Deficiency Syndrome] ([MISC:AIDS])",
                &["Acquired Immune Deficiency Syndrome/ORG", "AIDS/MISC"],
            ),
            // No organisation of those initials.
            (
                "[PER:Gordon Moore] at [LOC:GM]",
                &["Gordon Moore/PER", "GM/LOC"],
            ),
        ];
        for (marked, expected) in cases {
            assert_eq!(retyped(marked), *expected, "{marked}");
        }
    }
}
