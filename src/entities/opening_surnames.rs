//! A person's surname alone at the start of a sentence, which the model
//! left out ("May said the remaining outbreaks were caused by...", "Putin
//! spoke in Moscow"): a sentence's first word is capitalised whatever it
//! is, so its case says nothing, and a surname that CoNLL-2003 (1996)
//! never saw looks to the model like any other word opening a sentence.
//!
//! Two kinds of evidence make such a word a person:
//! - the article names a person in full who ends with it ("Brian May" ...
//!   "May said"; a first name of the lists or a title first), names
//!   nothing else so, and the word after it is in lower case (a verb: "May
//!   said", not "May 5");
//! - the word after it is a verb of what people do and companies or
//!   countries seldom do ("told", "spoke", "visited"), and the word is no
//!   common word (its lower-case form is none the clusters know:
//!   "Officials told") and no listed place, company or nationality. "Said"
//!   is not such a verb: in the Reuters stories of 1987, untagged words
//!   opening a sentence before "said" were companies ("Xerox said",
//!   "Conrail said") more often than people.
//!
//! The verb also makes a person of a rare word the model typed as a place
//! or organisation ("Milei spoke in Buenos Aires"), but not "told": the
//! wire's companies tell the SEC and Reuters ("Shamrock told the SEC").

use rustc_hash::FxHashSet;

use super::clusters::Clusters;
use super::features::Resources;
use super::gazetteer::{list_bit, list_bits};
use super::hashing::hash_str;
use super::personal_titles::is_personal_title;
use super::tokenizer::Span;
use super::wordform::fold_typography;
use super::{Entity, EntityLabel};
use crate::chars;

/// Verbs after a name that say it is a person; sorted by bytes.
const PERSON_VERBS: &[&str] = &["flew", "met", "spoke", "told", "visited"];

/// Lists whose names are no person's surname alone.
const NOT_SURNAMES: [&str; 7] = [
    "companies",
    "countries",
    "nationalities",
    "org_cues",
    "organisations",
    "person_titles",
    "places",
];

/// Adds, as people, the untagged words that open a sentence and are a
/// person's surname by the evidence of the article or of the verb after
/// them, and makes people of the one-word places and organisations the
/// verb after them says are people. `sentences` are the tokens of `text`, which the mentions' offsets
/// index; the mentions stay in text order.
pub fn tag_opening_surnames(
    resources: &Resources,
    text: &str,
    sentences: &[Vec<Span>],
    entities: &mut Vec<Entity>,
) {
    // The last words of the article's people of several words: one set
    // insertion a person; the rest is asked only of the few words that
    // open a sentence with one of them or before a verb of people.
    let surnames: FxHashSet<&str> = entities
        .iter()
        .filter(|entity| entity.label == EntityLabel::Person)
        .filter_map(|entity| {
            let name = entity.name();
            let (_, last) = name.rsplit_once(char::is_whitespace)?;
            Some(last)
        })
        .collect();
    let mut found = Vec::new();
    let mut retyped = Vec::new();
    for sentence in sentences {
        let [first, next, ..] = sentence.as_slice() else {
            continue;
        };
        let (word, next) = (&text[first.start..first.end], &text[next.start..next.end]);
        if !is_capitalised_name(word) || !next.chars().next().is_some_and(chars::is_lowercase) {
            continue;
        }
        let before_verb = PERSON_VERBS.binary_search(&next).is_ok();
        // A one-word place or organisation of the model's ("Milei spoke"):
        // a person only by the verb, and not by "told", which companies do
        // as well ("Shamrock told the SEC").
        let at = entities.partition_point(|entity| entity.start < first.start);
        if let Some(mention) = entities.get(at).filter(|e| e.start == first.start) {
            if mention.end == first.end
                && matches!(
                    mention.label,
                    EntityLabel::Location | EntityLabel::Organization
                )
                && before_verb
                && next != "told"
                && is_rare_name(resources, word)
            {
                retyped.push(at);
            }
            continue;
        }
        // A mention from before that reaches over the word.
        let covered = at > 0 && entities[at - 1].end > first.start;
        let person = (surnames.contains(word) && names_in_full(resources, entities, word))
            || (before_verb && is_rare_name(resources, word));
        if person
            && !covered
            && !entities
                .iter()
                .any(|entity| entity.label != EntityLabel::Person && entity.name() == word)
        {
            found.push(Entity {
                text: word.to_string(),
                label: EntityLabel::Person,
                start: first.start,
                end: first.end,
                canonical: String::new(),
            });
        }
    }
    for at in retyped {
        entities[at].label = EntityLabel::Person;
    }
    if !found.is_empty() {
        entities.extend(found);
        entities.sort_by_key(|entity| entity.start);
    }
}

/// Whether the article names a person in full who ends with `surname`:
/// "Brian May" or "Mr Evans", a first name of the lists or a title first;
/// not a company the model made a person ("Lorillard Tobacco").
fn names_in_full(resources: &Resources, entities: &[Entity], surname: &str) -> bool {
    let first_names = list_bit("first_names");
    entities
        .iter()
        .filter(|entity| entity.label == EntityLabel::Person)
        .any(|entity| {
            let words: Vec<&str> = entity.name().split_whitespace().collect();
            matches!(words[..], [first, .., last] if last == surname
                && (is_personal_title(first)
                    || resources.gazetteer.lists_of(first) & first_names != 0))
        })
}

/// Whether `word` is written as a name: a capital, then letters with at
/// least one in lower case ("May", "Leigh-Pemberton", "McCain"; not "IBM",
/// nor a headline's "SAID").
pub(super) fn is_capitalised_name(word: &str) -> bool {
    word.chars().next().is_some_and(chars::is_uppercase)
        && word.chars().any(chars::is_lowercase)
        && word
            .chars()
            .all(|c| chars::is_alphabetic(c) || matches!(c, '-' | '\'' | '’'))
}

/// Whether `word` is no common word (its lower-case form is no word the
/// clusters know: "officials" is, "putin" is not) and no name of a place,
/// company or body the lists hold.
pub(super) fn is_rare_name(resources: &Resources, word: &str) -> bool {
    let mut folded = String::new();
    fold_typography(word, &mut folded);
    let mut form = String::new();
    Clusters::form(&folded.to_lowercase(), &mut form);
    let not_surnames = list_bits(&NOT_SURNAMES);
    resources.clusters.path(hash_str(&form)) == 0
        && resources.gazetteer.lists_of(word) & not_surnames == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::engine;
    use crate::entities::tokenizer::sentences;

    #[test]
    fn the_verbs_are_sorted() {
        assert!(PERSON_VERBS.is_sorted());
    }

    #[test]
    fn a_surname_opening_a_sentence_is_a_person_by_the_article_or_the_verb() {
        let resources = &engine().expect("the embedded model").resources;
        let tagged = |marked: &str| {
            crate::entities::after_pass(marked, |text, entities| {
                tag_opening_surnames(resources, text, &sentences(text), entities)
            })
        };
        let cases: &[(&str, &[&str])] = &[
            // Real sentences of the benchmark news.
            (
                "Putin spoke in [LOC:Moscow] on December 25.",
                &["Putin/PER", "Moscow/LOC"],
            ),
            (
                "Carlsson told reporters the cuts would go on.",
                &["Carlsson/PER"],
            ),
            (
                "said [PER:Brian May]. May said: \"Suddenly the [ORG:Queen] Phoenix is rising\"",
                &["Brian May/PER", "May/PER", "Queen/ORG"],
            ),
            (
                "play [PER:Cyril Saulnier] in the final. \"I thought tonight was a step in \
                 the right direction.\" Saulnier battled to a 6-7 (3-7) 6-3 6-3 win",
                &["Cyril Saulnier/PER", "Saulnier/PER"],
            ),
            // Companies and governments say things as people do.
            ("Xerox said it would cut jobs.", &[]),
            // A common word, a place or a company before a person verb.
            ("Officials told reporters the talks failed.", &[]),
            ("Poland met the terms.", &[]),
            ("Microsoft told its staff.", &[]),
            // The model's one-word people, and a company it made a person.
            (
                "[PER:Akamai] grew. Akamai uses a web-based tool.",
                &["Akamai/PER"],
            ),
            (
                "[PER:Lorillard Tobacco] fell. Tobacco stocks rose.",
                &["Lorillard Tobacco/PER"],
            ),
            (
                "[PER:Mr Evans] left. Evans said he would stay.",
                &["Mr Evans/PER", "Evans/PER"],
            ),
            // A surname that is the month, or another name in the article.
            (
                "[PER:Brian May] toured. May 5 was the date.",
                &["Brian May/PER"],
            ),
            (
                "[PER:Dudley Taft] and [LOC:Taft]. Taft said it would sell.",
                &["Dudley Taft/PER", "Taft/LOC"],
            ),
            // A place or organisation of the model's, before a verb of people.
            (
                "[ORG:Milei] spoke in [LOC:Buenos Aires].",
                &["Milei/PER", "Buenos Aires/LOC"],
            ),
            (
                "[LOC:Milei] visited [LOC:Rome].",
                &["Milei/PER", "Rome/LOC"],
            ),
            // Companies tell things too; a listed place stays one.
            (
                "[ORG:Seemala] told the [ORG:SEC].",
                &["Seemala/ORG", "SEC/ORG"],
            ),
            ("[LOC:Poland] met the terms.", &["Poland/LOC"]),
            ("[ORG:Microsoft] met its targets.", &["Microsoft/ORG"]),
            // Already tagged, or not at the sentence's start.
            ("[PER:Putin] told reporters.", &["Putin/PER"]),
            ("Then Putin told reporters.", &[]),
            // A headline in capitals.
            ("PUTIN TOLD REPORTERS", &[]),
        ];
        for (marked, expected) in cases {
            assert_eq!(tagged(marked), *expected, "{marked}");
        }
    }
}
