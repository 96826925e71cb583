//! A title's own "The", which the model left out of it: "Martin Scorsese's
//! The Aviator", "films including The Life Aquatic", "rapper The Game".
//!
//! The model learned names from wire copy, where "the" before a name is
//! mostly no part of it, and kept 61 titles, bands and shows of the BBC
//! stories of 2004-05 without their article ("The [Aviator]"). Inside a
//! sentence a capital "The" is the name's: after a word, a comma or a
//! possessive, English writes "the" in lower case unless it belongs to the
//! title. Not at a sentence's start, where every "The" is capitalised, nor
//! before a nationality ("The Australian newspaper", an adjective the
//! model typed alone) or a compound describing what follows ("The
//! Hague-based tribunal", "The Istanbul-based daily").

use super::{Entity, EntityLabel, gazetteer};

/// The capitalised article a title opens with, and the space after it.
const THE: &str = "The ";

/// Joins a capital "The" written right before an other name (a title)
/// inside a sentence to it. `text` is the text the mentions' offsets
/// index; `entities` are in order.
pub fn join_title_articles(text: &str, entities: &mut [Entity]) {
    let mut previous_end = 0;
    for entity in entities.iter_mut() {
        let free_from = previous_end;
        previous_end = entity.end;
        if entity.label != EntityLabel::Misc
            || entity.start < free_from + THE.len()
            || !text[..entity.start].ends_with(THE)
            || gazetteer::lists("nationalities", entity.name())
            || is_compound_modifier(entity.name())
        {
            continue;
        }
        let article = entity.start - THE.len();
        if !inside_a_sentence(&text[..article]) {
            continue;
        }
        entity.start = article;
        entity.text.insert_str(0, THE);
    }
}

/// Whether the name's last word ends in a lower-case part after a hyphen:
/// "Hague-based", "Labour-led" describe a noun after them.
fn is_compound_modifier(name: &str) -> bool {
    name.rsplit_once('-')
        .is_some_and(|(_, part)| part.starts_with(|c: char| c.is_ascii_lowercase()))
}

/// Whether the text before a "The" ends inside a sentence: a space after
/// a letter, a digit, a comma or a possessive's apostrophe ("Scorsese's
/// The Aviator", "Clarkson, The Game").
fn inside_a_sentence(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    rest.chars().next_back().is_some_and(|c| {
        crate::chars::is_alphanumeric(c) || matches!(c, ',' | ';' | '\'' | '\u{2019}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capital_the_inside_a_sentence_is_the_title_s() {
        let joined = |marked: &str| -> Vec<String> {
            let (text, mut entities) = crate::entities::marked_mentions(marked);
            join_title_articles(&text, &mut entities);
            entities
                .iter()
                .map(|entity| {
                    assert_eq!(&text[entity.start..entity.end], entity.text);
                    format!("{}/{}", entity.text, entity.label.as_str())
                })
                .collect()
        };
        let cases: &[(&str, &[&str])] = &[
            ("Scorsese's The [MISC:Aviator] won", &["The Aviator/MISC"]),
            (
                "will include The [MISC:Life Aquatic], a",
                &["The Life Aquatic/MISC"],
            ),
            ("Kelly Clarkson, The [MISC:Game] and", &["The Game/MISC"]),
            // A sentence's first word, a nationality, a lower-case article
            // and other types stay as they are.
            ("It won. The [MISC:Aviator] also", &["Aviator/MISC"]),
            ("The [MISC:Aviator] won", &["Aviator/MISC"]),
            (
                "quoted by The [MISC:Australian] newspaper",
                &["Australian/MISC"],
            ),
            ("film the [MISC:Aviator] won", &["Aviator/MISC"]),
            ("said The [ORG:Guardian]", &["Guardian/ORG"]),
            ("\"The [MISC:Aviator]\"", &["Aviator/MISC"]),
            (
                "indicted by The [MISC:Hague-based] tribunal",
                &["Hague-based/MISC"],
            ),
            ("rapper The [MISC:Game]'s album", &["The Game/MISC"]),
            ("in The [MISC:Sun-Herald] said", &["The Sun-Herald/MISC"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(joined(marked), *expected, "{marked}");
        }
    }
}
