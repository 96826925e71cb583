//! Brand names written with a lower-case "i" or "e" before a capitalised
//! word ("iPod", "iPhone", "iTunes", "eBay"), which the model never tags:
//! only the windows around a capitalised word are scored ([`super::focus`]),
//! so the 470 such words of the benchmark news (and MEANTIME's "iPhone"
//! products) were no mentions at all.
//!
//! The prefix says the internet ("e-mail", "iMac"), and the capital after
//! it that the whole is a name; other letters in that place are typing
//! slips ("sGeorge") or units ("kWh"). Such a name is a product, an other
//! name, unless the lists hold it as a company ("eBay", listed as "EBay")
//! or a place ("eManzimtoti").

use super::gazetteer::{Gazetteer, list_bit, list_bits};
use super::{Entity, EntityLabel};
use crate::chars;

/// Lower-case prefixes that brands write before a capitalised word.
const PREFIXES: [u8; 2] = [b'i', b'e'];

/// Fewest letters of the capitalised word after the prefix: "iPod", not
/// "iSe".
const FEWEST_AFTER_PREFIX: usize = 3;

/// Adds a mention for every intercapped brand name of `text` outside the
/// mentions already found, keeping `entities` in text order.
pub fn add_intercapped_names(gazetteer: &Gazetteer, text: &str, entities: &mut Vec<Entity>) {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // The capital after the prefix is tested first: it is the rarest of
    // the three bytes a match needs, so most pairs cost one comparison.
    for (at, pair) in bytes.windows(2).enumerate() {
        if pair[1].is_ascii_uppercase()
            && PREFIXES.contains(&pair[0])
            && (at == 0 || !is_word_byte(bytes[at - 1]))
        {
            let end = at + 1 + word_length(&text[at + 1..]);
            if is_intercapped(&text[at..end]) {
                found.push(at..end);
            }
        }
    }
    if found.is_empty() {
        return;
    }
    let companies = list_bit("companies");
    let places = list_bits(&["places", "towns", "countries"]);
    let mut added: Vec<Entity> = found
        .into_iter()
        .filter(|span| {
            !entities
                .iter()
                .any(|e| e.start < span.end && span.start < e.end)
        })
        .map(|span| {
            let name = &text[span.clone()];
            let lists = gazetteer.lists_of(name);
            let label = if lists & companies != 0 {
                EntityLabel::Organization
            } else if lists & places != 0 {
                EntityLabel::Location
            } else {
                EntityLabel::Misc
            };
            Entity {
                text: name.to_string(),
                label,
                start: span.start,
                end: span.end,
                canonical: String::new(),
            }
        })
        .collect();
    if added.is_empty() {
        return;
    }
    entities.append(&mut added);
    entities.sort_by_key(|e| e.start);
}

/// Whether a byte continues a word: a letter, a digit or any byte of a
/// character outside ASCII.
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || !byte.is_ascii()
}

/// Length in bytes of the run of letters and digits `text` starts with.
fn word_length(text: &str) -> usize {
    text.char_indices()
        .find(|&(_, c)| !chars::is_alphanumeric(c))
        .map_or(text.len(), |(at, _)| at)
}

/// Whether a word is a prefix and a capitalised word of a few letters, not
/// a word in capitals ("eTV" is no brand name the rule can tell): "iPod",
/// "iPhones", "iPod2".
fn is_intercapped(word: &str) -> bool {
    let rest = &word[1..];
    let letters = rest.chars().filter(|c| chars::is_alphabetic(*c)).count();
    letters >= FEWEST_AFTER_PREFIX && rest.chars().skip(1).any(chars::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_intercapped_brand_is_a_name() {
        let gazetteer = Gazetteer::embedded();
        let added = |marked: &str| {
            crate::entities::after_pass(marked, |text, entities| {
                add_intercapped_names(&gazetteer, text, entities)
            })
        };
        let cases: &[(&str, &[&str])] = &[
            ("the iPhone 4 sold", &["iPhone/MISC"]),
            (
                "[ORG:Apple]'s iPods and iTunes",
                &["Apple/ORG", "iPods/MISC", "iTunes/MISC"],
            ),
            ("bought on eBay.", &["eBay/ORG"]),
            ("at iPod's launch", &["iPod/MISC"]),
            // Already a mention, or part of one.
            ("[MISC:iPod] sales", &["iPod/MISC"]),
            ("[MISC:Apple iPod] sales", &["Apple iPod/MISC"]),
            // Not a brand.
            ("1 kWh of power", &[]),
            ("the iSe and eTV", &[]),
            ("a sGeorge typo", &[]),
            ("e-mail and i.e. and Wii", &[]),
        ];
        for (marked, expected) in cases {
            assert_eq!(added(marked), *expected, "{marked}");
        }
    }
}
