//! A describing compound the model took into the name after it:
//! "Paris-based Reporters Without Borders", "state-run Oil & Natural Gas
//! Corp", "so-called Group of Five", "the 22-member Council of Ministers".
//!
//! The name is the words after the compound: a search for "Reporters
//! Without Borders" must find that mention, and its canonical name must be
//! the one other stories use. A compound on a name ("Paris-based",
//! "NATO-led") is a MISC mention of its own, as CoNLL-2003 tags it and as
//! the model tags it where no name follows ("the Toronto-based company");
//! one on a common word or a number ("state-run", "22-member",
//! "Seventeen-year-old") names nothing.
//!
//! Names hyphenated themselves keep their words: "South-east Asia",
//! "Pei-yuan Chia", "Terra-cotta Warriors", "al-Assad". A compound counts
//! as describing only when it starts in lower case, or ends in a word of
//! [`DESCRIBING_ENDS`] (or a number, in digits or words, starts
//! it).

use super::{Entity, EntityLabel};
use crate::chars;

/// The last words of compounds that say where a name is, who runs it or
/// how big it is ("London-based", "U.S.-led", "Malaysian-born",
/// "Serb-held", "50,000-strong", "the 12-nation Community").
const DESCRIBING_ENDS: &[&str] = &[
    "administered",
    "affiliated",
    "allied",
    "backed",
    "based",
    "born",
    "built",
    "controlled",
    "dominated",
    "educated",
    "funded",
    "headquartered",
    "held",
    "led",
    "linked",
    "listed",
    "made",
    "member",
    "nation",
    "occupied",
    "old",
    "owned",
    "registered",
    "run",
    "speaking",
    "sponsored",
    "strong",
    "supported",
];

/// What a mention's first word is, when it describes the name after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modifier {
    /// "Paris-based": a name itself, MISC.
    OnAName,
    /// "state-run", "22-member": no name.
    OnAWord,
}

/// Whether `word` (a mention's first word) is a describing compound, and
/// of which kind.
fn modifier(word: &str) -> Option<Modifier> {
    let (head, _) = word.split_once('-')?;
    let (_, end) = word.rsplit_once('-')?;
    if end.is_empty() || !end.chars().all(chars::is_lowercase) {
        return None;
    }
    let first = head.chars().next()?;
    if chars::is_lowercase(first) {
        return Some(Modifier::OnAWord);
    }
    let numbered = head.chars().all(|c| chars::is_numeric(c) || c == ',')
        || crate::dates::is_number_word(&head.to_ascii_lowercase());
    if !DESCRIBING_ENDS.contains(&end) {
        return None;
    }
    if numbered {
        Some(Modifier::OnAWord)
    } else {
        chars::is_uppercase(first).then_some(Modifier::OnAName)
    }
}

/// Cuts a describing compound off the front of the mentions that start
/// with one and go on with a capitalised word; a compound on a name
/// becomes a MISC mention of its own, just before.
pub fn split_leading_modifiers(entities: &mut Vec<Entity>) {
    // Most mentions have no hyphen in their first word: one look each.
    let starts_with_compound = |e: &Entity| {
        e.text
            .split_whitespace()
            .next()
            .is_some_and(|w| w.contains('-'))
            && e.text.contains(char::is_whitespace)
    };
    if !entities.iter().any(starts_with_compound) {
        return;
    }
    let mut out = Vec::with_capacity(entities.len() + 1);
    for mut entity in entities.drain(..) {
        if let Some((modifier_entity, Modifier::OnAName)) = cut(&mut entity) {
            out.push(modifier_entity);
        }
        out.push(entity);
    }
    *entities = out;
}

/// Cuts `entity`'s first word off when it is a describing compound
/// followed by a capitalised word; returns that word as a MISC mention
/// and its kind.
fn cut(entity: &mut Entity) -> Option<(Entity, Modifier)> {
    let word_end = entity.text.find(char::is_whitespace)?;
    let word = &entity.text[..word_end];
    let kind = modifier(word)?;
    let rest_start = word_end + entity.text[word_end..].find(|c: char| !c.is_whitespace())?;
    let rest = &entity.text[rest_start..];
    if !rest.chars().next().is_some_and(chars::is_uppercase) {
        return None;
    }
    let modifier_entity = Entity {
        text: word.to_string(),
        label: EntityLabel::Misc,
        start: entity.start,
        end: entity.start + word_end,
        canonical: String::new(),
    };
    entity.drop_front(rest_start);
    Some((modifier_entity, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions of `marked` once leading compounds are cut off, as
    /// `text/label`.
    fn split(marked: &str) -> Vec<String> {
        let (text, mut entities) = crate::entities::marked_mentions(marked);
        split_leading_modifiers(&mut entities);
        for entity in &entities {
            assert_eq!(&text[entity.start..entity.end], entity.text, "{marked}");
        }
        crate::entities::labelled(&entities)
    }

    #[test]
    fn describing_compounds_come_off_the_names_they_describe() {
        let cases: &[(&str, &[&str])] = &[
            (
                "the [ORG:Paris-based Reporters Without Borders]",
                &["Paris-based/MISC", "Reporters Without Borders/ORG"],
            ),
            (
                "the [ORG:U.S.-based Northwest Airlines]",
                &["U.S.-based/MISC", "Northwest Airlines/ORG"],
            ),
            (
                "the [ORG:NATO-led Stabilisation Force]",
                &["NATO-led/MISC", "Stabilisation Force/ORG"],
            ),
            (
                "the [ORG:state-run Oil & Natural Gas Corp]",
                &["Oil & Natural Gas Corp/ORG"],
            ),
            ("the [ORG:so-called Group of Five]", &["Group of Five/ORG"]),
            (
                "the [ORG:semi-official Anatolian Agency]",
                &["Anatolian Agency/ORG"],
            ),
            ("the [ORG:left-of-centre Guardian]", &["Guardian/ORG"]),
            (
                "the [ORG:22-member Council of Ministers]",
                &["Council of Ministers/ORG"],
            ),
            ("the [ORG:12-nation Community]", &["Community/ORG"]),
            ("[PER:Seventeen-year-old Stone] won", &["Stone/PER"]),
            // Names hyphenated themselves.
            ("in [LOC:South-east Asia]", &["South-east Asia/LOC"]),
            ("[PER:Pei-yuan Chia] said", &["Pei-yuan Chia/PER"]),
            (
                "the [ORG:Terra-cotta Warriors]",
                &["Terra-cotta Warriors/ORG"],
            ),
            ("[PER:al-Assad]", &["al-Assad/PER"]),
            ("[MISC:post-World War II]", &["post-World War II/MISC"]),
            ("[ORG:7-Eleven Stores]", &["7-Eleven Stores/ORG"]),
            // A compound alone, or before no name, stays as it is.
            ("the [MISC:Toronto-based] company", &["Toronto-based/MISC"]),
            ("[ORG:state-run television]", &["state-run television/ORG"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(split(marked), *expected, "{marked}");
        }
    }
}
