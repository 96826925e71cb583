//! One-word names the model typed as people that the story treats as
//! organisations ("Rosneft", "Toshiba", "Chrysler", "Yahoo": 553 such
//! names of the BBC stories of 2004-05 were people with no other name).
//!
//! A person in news is named in full before a surname stands alone; a name
//! the article never gives a first name, that no list holds as a first name
//! or surname, and that no title introduces ("Mr"), has only its
//! neighbours to tell what it is. Two of them say organisation: "its"
//! referring back to it ("Toshiba said its profits"), and an organisation
//! it is paired with ("GM and Chrysler"). Either makes the name an
//! organisation, with its other mentions, when its mentions say so more
//! often than "he", "his", "she" or "her" follows them or a person is
//! paired with them. A
//! person noun before a mention ("rapper Kenzie") still makes a person of
//! it after this pass ([`super::person_nouns`]).

use rustc_hash::{FxHashMap, FxHashSet};

use super::gazetteer::{Gazetteer, list_bits};
use super::organisation_nouns::is_titled;
use super::{Entity, EntityLabel};
use crate::chars;

/// Lists whose names are people's names as often as not.
const PEOPLE_NAMES: [&str; 2] = ["first_names", "last_names"];

/// What the words around one mention say it is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Evidence {
    Organisation,
    Person,
}

/// What the mentions of one name say it is.
#[derive(Default)]
struct Votes {
    organisation: usize,
    person: usize,
    /// A listed first name or surname, or a title before a mention.
    person_named: bool,
}

impl Votes {
    /// Whether the name is an organisation: said so more often than a
    /// person ("he" after a name is as often the one quoted about it:
    /// "Yahoo is winning, he believes"), and not named as a person.
    fn organisation_wins(&self) -> bool {
        !self.person_named && self.organisation > self.person
    }
}

/// Makes organisations of the one-word "people" the article refers to as
/// an organisation, and never as a person. `text` is the text the
/// mentions' offsets index.
pub fn retype_lone_names(gazetteer: &Gazetteer, text: &str, entities: &mut [Entity]) {
    // Surnames the article gives a first name to ("Blair" of "Tony Blair").
    let surnames: FxHashSet<&str> = entities
        .iter()
        .filter(|e| e.label == EntityLabel::Person)
        .filter_map(|e| {
            let mut words = e.name().split_whitespace();
            let last = words.next_back();
            words.next().and(last)
        })
        .collect();
    let people_names = list_bits(&PEOPLE_NAMES);
    let mut votes: FxHashMap<&str, Votes> = FxHashMap::default();
    for (index, entity) in entities.iter().enumerate() {
        let name = entity.name();
        if entity.label != EntityLabel::Person
            || name.contains(char::is_whitespace)
            || !name.starts_with(chars::is_uppercase)
            || surnames.contains(name)
        {
            continue;
        }
        let votes = votes.entry(name).or_default();
        if votes.person_named {
            continue;
        }
        if gazetteer.lists_of(name) & people_names != 0 || is_titled(text, entity) {
            votes.person_named = true;
            continue;
        }
        for evidence in [
            pronoun_after(text, entities, index),
            pairing(text, entities, index),
        ]
        .into_iter()
        .flatten()
        {
            match evidence {
                Evidence::Organisation => votes.organisation += 1,
                Evidence::Person => votes.person += 1,
            }
        }
    }
    let retyped: Vec<bool> = entities
        .iter()
        .map(|entity| {
            entity.label == EntityLabel::Person
                && votes
                    .get(entity.name())
                    .is_some_and(Votes::organisation_wins)
        })
        .collect();
    super::relabel(entities, retyped, EntityLabel::Organization);
}

/// The first pronoun after the mention at `index`, within its sentence, a
/// few words and before the next mention: "its" an organisation, "he",
/// "his", "she" or "her" a person. "its" right after the name is not
/// about it ("with Kenzie its favourite").
fn pronoun_after(text: &str, entities: &[Entity], index: usize) -> Option<Evidence> {
    let words = super::words_referring_back(super::sentence_after(text, entities, index));
    for (position, word) in words.enumerate() {
        match word {
            "its" if position > 0 => return Some(Evidence::Organisation),
            word if super::is_personal_pronoun(word) => return Some(Evidence::Person),
            _ => {}
        }
    }
    None
}

/// What the mention at `index` is paired with by "and" or "or": an
/// organisation ("GM and Chrysler") or a person; or, in a list of three or
/// more with no place or other name in it ("Chrysler, Ford, and General
/// Motors"), what its other members of several words or organisations
/// are: a one-word "person" beside it in such a list is as often another
/// company the model took for a surname. A list with a place in it
/// ("Chios, Samos, Lesbos and Lemnos") is read as a pair only.
fn pairing(text: &str, entities: &[Entity], index: usize) -> Option<Evidence> {
    let (first, last) = list_around(text, entities, index);
    let listed = last - first > 1
        && !entities[first..=last]
            .iter()
            .any(|other| matches!(other.label, EntityLabel::Location | EntityLabel::Misc));
    let others: Vec<&Entity> = if listed {
        (first..=last)
            .filter(|&other| other != index)
            .map(|other| &entities[other])
            .collect()
    } else {
        let joined = |left: usize| {
            let (before, after) = (&entities[left], &entities[left + 1]);
            before.end <= after.start && separator(&text[before.end..after.start]) == Some(true)
        };
        let before = index.checked_sub(1).filter(|&previous| joined(previous));
        let after = Some(index + 1).filter(|&next| next < entities.len() && joined(index));
        before
            .into_iter()
            .chain(after)
            .map(|other| &entities[other])
            .collect()
    };
    let mut evidence = None;
    for other in others {
        match other.label {
            EntityLabel::Person if !listed || other.name().contains(char::is_whitespace) => {
                return Some(Evidence::Person);
            }
            // "Dido and Coldplay's Chris Martin" pairs two people.
            EntityLabel::Organization if !is_possessive(text, other) => {
                evidence = Some(Evidence::Organisation);
            }
            _ => {}
        }
    }
    evidence
}

/// The most mentions a list is followed for on either side of one of its
/// members, so a column of names a results table lists stays cheap.
const LONGEST_LIST: usize = 8;

/// The first and last mentions of the list the mention at `index` is in:
/// mentions one after another with a comma, "and" or "or" between, and
/// "and" or "or" before the last ("GM, Ford and Chrysler"); `(index,
/// index)` when it is in none.
fn list_around(text: &str, entities: &[Entity], index: usize) -> (usize, usize) {
    let joined = |left: usize| {
        let (before, after) = (&entities[left], &entities[left + 1]);
        (before.end <= after.start)
            .then(|| separator(&text[before.end..after.start]))
            .flatten()
    };
    let mut first = index;
    while first > 0 && index - first < LONGEST_LIST && joined(first - 1).is_some() {
        first -= 1;
    }
    let mut last = index;
    while last + 1 < entities.len() && last - index < LONGEST_LIST && joined(last).is_some() {
        last += 1;
    }
    if last > first && joined(last - 1) == Some(true) {
        (first, last)
    } else {
        (index, index)
    }
}

/// What the text between two mentions of a list is: `Some(true)` "and" or
/// "or", with or without a comma before it (" and ", ", or ", " , and "
/// as MEANTIME spaces its tokens), `Some(false)` a comma alone, `None`
/// anything else.
fn separator(between: &str) -> Option<bool> {
    if between.len() > 8 || !between.starts_with([' ', ',']) || !between.ends_with(' ') {
        return None;
    }
    let mut words = between.split([' ', ',']).filter(|word| !word.is_empty());
    match (words.next(), words.next()) {
        (None, _) if between.contains(',') => Some(false),
        (Some("and" | "or"), None) => Some(true),
        _ => None,
    }
}

/// Whether a mention is a possessive: "Coldplay's" ("'s" in the mention or
/// right after it).
fn is_possessive(text: &str, entity: &Entity) -> bool {
    let after = &text[entity.end..];
    entity.name().len() < entity.text.len() || after.starts_with("'s") || after.starts_with("’s")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_name_an_organisation_stands_for_is_one() {
        let gazetteer = Gazetteer::embedded();
        let retyped = |marked: &str| {
            crate::entities::after_pass(marked, |text, entities| {
                retype_lone_names(&gazetteer, text, entities)
            })
        };
        let cases: &[(&str, &[&str])] = &[
            ("[PER:Toshiba] said its profit rose", &["Toshiba/ORG"]),
            ("[PER:Rosneft]'s chief said its debt", &["Rosneft/ORG"]),
            (
                "[ORG:GM] and [PER:Chrysler] fell. [PER:Chrysler] rose.",
                &["GM/ORG", "Chrysler/ORG", "Chrysler/ORG"],
            ),
            // Its other mentions are the organisation too.
            (
                "[PER:Varig] cut its fleet. [PER:Varig] flies on.",
                &["Varig/ORG", "Varig/ORG"],
            ),
            // A person stays one.
            ("[PER:Drogba] said his team", &["Drogba/PER"]),
            (
                "[PER:Yuji] sold its shares. [PER:Yuji] said he would",
                &["Yuji/PER", "Yuji/PER"],
            ),
            ("with [PER:Kenzie] its favourite", &["Kenzie/PER"]),
            (
                "[ORG:Google] and [PER:Yahoo]. [PER:Yahoo] wins, he says. [PER:Yahoo] and [ORG:MSN]",
                &[
                    "Google/ORG",
                    "Yahoo/ORG",
                    "Yahoo/ORG",
                    "Yahoo/ORG",
                    "MSN/ORG",
                ],
            ),
            (
                "[PER:Tony Blair] and [ORG:Labour]. [PER:Blair] and [ORG:Labour]",
                &["Tony Blair/PER", "Labour/ORG", "Blair/PER", "Labour/ORG"],
            ),
            (
                "Mr [PER:Ambani] and [ORG:Reliance]",
                &["Ambani/PER", "Reliance/ORG"],
            ),
            (
                "[PER:Akon] and [ORG:Kaiser Chiefs]. [PER:Akon] and [PER:Tim McGraw]",
                &[
                    "Akon/PER",
                    "Kaiser Chiefs/ORG",
                    "Akon/PER",
                    "Tim McGraw/PER",
                ],
            ),
            (
                "such as [PER:Dido] and [ORG:Coldplay]'s [PER:Chris Martin]",
                &["Dido/PER", "Coldplay/ORG", "Chris Martin/PER"],
            ),
            // "its" of another name.
            // A list of three or more.
            (
                "automakers -- [PER:Chrysler] , [PER:Ford] , and [ORG:General Motors] --",
                &["Chrysler/ORG", "Ford/PER", "General Motors/ORG"],
            ),
            (
                "[ORG:GM], [PER:Chrysler] and [PER:Toyota]",
                &["GM/ORG", "Chrysler/ORG", "Toyota/ORG"],
            ),
            (
                "[ORG:Coldplay], [PER:Kenzie] and [PER:Chris Martin]",
                &["Coldplay/ORG", "Kenzie/PER", "Chris Martin/PER"],
            ),
            // A list with a place in it: a pair only.
            (
                "[LOC:Chios], [PER:Samos], [LOC:Lesbos] and [ORG:Lemnos]",
                &["Chios/LOC", "Samos/PER", "Lesbos/LOC", "Lemnos/ORG"],
            ),
            (
                "[LOC:Opel], [ORG:Saab] and [PER:Vauxhall] in Europe",
                &["Opel/LOC", "Saab/ORG", "Vauxhall/ORG"],
            ),
            // A comma alone is no list.
            (
                "[ORG:Toyota], [PER:Kenzie] said",
                &["Toyota/ORG", "Kenzie/PER"],
            ),
            (
                "[PER:Juninho] joined [ORG:Celtic] for its",
                &["Juninho/PER", "Celtic/ORG"],
            ),
        ];
        for (marked, expected) in cases {
            assert_eq!(retyped(marked), *expected, "{marked}");
        }
    }
}
