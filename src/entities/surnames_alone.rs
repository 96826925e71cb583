//! A surname alone that the model typed as a place, an organisation or an
//! other name, when the article names the person in full ("Robin
//! Leigh-Pemberton" and "Leigh-Pemberton said", an organisation nine times
//! in one Reuters story; "Kanu ... he was fantastic" a place).
//!
//! A surname alone has lost the first name that told the model it was a
//! person. The story has said who bears it; what follows the surname says
//! whether that is who is meant: a verb of saying right after it ("Lyng
//! said"), or "he", "his", "she" or "her" before any other name. "it" or
//! "its" after any of its mentions says a company of the same name ("Emery
//! said its offer", beside "John C. Emery"), and leaves the name as it is;
//! so does a name the lists hold as a place, company or nationality
//! ("Bolton" beside "John Bolton", "France" beside "Stade de France").

use rustc_hash::{FxHashMap, FxHashSet};

use super::gazetteer::{Gazetteer, list_bits};
use super::{Entity, EntityLabel};

/// Lists whose names are as often not a person's.
const NOT_ONLY_PEOPLE: [&str; 6] = [
    "companies",
    "countries",
    "nationalities",
    "organisations",
    "places",
    "towns",
];

/// Verbs of saying that follow a person's name in reported speech.
const SAYING: [&str; 4] = ["said", "says", "told", "added"];

/// Makes people of the surnames alone that the article's words say are
/// the person it names in full. `text` is the text the mentions' offsets
/// index.
pub fn retype_surnames_alone(gazetteer: &Gazetteer, text: &str, entities: &mut [Entity]) {
    let surnames: FxHashSet<&str> = entities
        .iter()
        .filter(|e| e.label == EntityLabel::Person)
        .filter_map(|e| {
            let mut words = e.name().split_whitespace();
            let last = words.next_back();
            words.next().and(last)
        })
        .collect();
    if surnames.is_empty() {
        return;
    }
    let not_only_people = list_bits(&NOT_ONLY_PEOPLE);
    // Per surname: whether any mention says a person, and whether any says
    // a thing ("it").
    let mut votes: FxHashMap<&str, (bool, bool)> = FxHashMap::default();
    for (index, entity) in entities.iter().enumerate() {
        let name = entity.name();
        if entity.label == EntityLabel::Person || !surnames.contains(name) {
            continue;
        }
        let (person, thing) = votes.entry(name).or_insert_with(|| {
            let listed = gazetteer.lists_of(name) & not_only_people != 0;
            (false, listed)
        });
        if *thing {
            continue;
        }
        match words_after(text, entities, index) {
            Some(true) => *person = true,
            Some(false) => *thing = true,
            None => {}
        }
    }
    let retyped: Vec<bool> = entities
        .iter()
        .map(|entity| {
            entity.label != EntityLabel::Person
                && votes
                    .get(entity.name())
                    .is_some_and(|&(person, thing)| person && !thing)
        })
        .collect();
    super::relabel(entities, retyped, EntityLabel::Person);
}

/// What the words after the mention at `index` (within its sentence, a few
/// words and before the next mention) say: `Some(true)` a person ("said",
/// "he"), `Some(false)` a thing ("it", "its"), `None` neither.
fn words_after(text: &str, entities: &[Entity], index: usize) -> Option<bool> {
    let sentence = super::sentence_after(text, entities, index);
    // A quotation mark or bracket right after the name closes a quote or
    // an aside that the name is not the subject of ("the [Games]," said).
    if sentence
        .trim_start_matches([',', ' '])
        .starts_with(['"', ')', '\'', '”'])
    {
        return None;
    }
    let mut words = super::words_referring_back(sentence).peekable();
    let saying = words.peek().is_some_and(|word| SAYING.contains(word));
    for word in words {
        match word {
            "it" | "its" => return Some(false),
            word if super::is_personal_pronoun(word) => return Some(true),
            _ => {}
        }
    }
    saying.then_some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surname_alone_that_speaks_is_the_person() {
        let gazetteer = Gazetteer::embedded();
        let retyped = |marked: &str| {
            crate::entities::after_pass(marked, |text, entities| {
                retype_surnames_alone(&gazetteer, text, entities)
            })
        };
        let cases: &[(&str, &[&str])] = &[
            (
                "[PER:Robin Leigh-Pemberton] spoke. [ORG:Leigh-Pemberton] said so. [ORG:Leigh-Pemberton]",
                &[
                    "Robin Leigh-Pemberton/PER",
                    "Leigh-Pemberton/PER",
                    "Leigh-Pemberton/PER",
                ],
            ),
            (
                "[PER:Nwankwo Kanu] played. [LOC:Kanu] is my man - he was great",
                &["Nwankwo Kanu/PER", "Kanu/PER"],
            ),
            // A company of the same name.
            (
                "[PER:John C. Emery] chairs it. [ORG:Emery] said its offer. [ORG:Emery] said.",
                &["John C. Emery/PER", "Emery/ORG", "Emery/ORG"],
            ),
            (
                "[PER:Bill Ford] spoke. [ORG:Ford] said. [ORG:Ford] cut its costs",
                &["Bill Ford/PER", "Ford/ORG", "Ford/ORG"],
            ),
            // A listed place.
            (
                "[PER:John Bolton] met. In [LOC:Bolton], he said",
                &["John Bolton/PER", "Bolton/LOC"],
            ),
            // Nothing said of it.
            (
                "[PER:Ryan Esson] saved. [ORG:Esson] kept.",
                &["Ryan Esson/PER", "Esson/ORG"],
            ),
            (
                "[PER:Asian Games] food. \"For the [MISC:Games],\" said he",
                &["Asian Games/PER", "Games/MISC"],
            ),
        ];
        for (marked, expected) in cases {
            assert_eq!(retyped(marked), *expected, "{marked}");
        }
    }
}
