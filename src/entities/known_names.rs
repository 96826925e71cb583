//! Names the model gets wrong the same way wherever news writes them, put
//! right from short lists: one-word names of a fixed type, whatever the
//! words around them suggest, and organisations whose names hold a word
//! that names rarely do ("and", "of", "on"), which the model cut in two.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::canonical::clean_mention;
use super::tokenizer::Span;
use super::{Entity, EntityLabel};

/// One-word names and the type they always have in news, unless the
/// article names a person of more words with that word in it (Edzard
/// Reuter, chairman of Daimler-Benz). "Reuter" and "Reuters" alone are
/// the news agency ("a Reuter survey", "Reuter reported"), which the model,
/// seeing a surname after "a" or before "reported", made a person 68
/// times in Reuters-21578. Compared ignoring case, possessive stripped.
/// "Sony" was a person or a place in 70 of its 150 BBC mentions, and
/// "Oscar" (the award, MISC as in CoNLL) a person in 89, where "Oscar Arias"
/// or "Oscar Wyatt" stay people. "Tory" (a party's adjective, MISC as
/// CoNLL types "Republican") was a person in 34 of its 121 BBC mentions
/// ("Tory leader Michael Howard"), where "Tory Burch" stays one. "Yahoo",
/// no longer listed on a stock index, was a person in 36 of its 51.
/// "GATT", the trade body ("ambassador to the GATT", "members of GATT"),
/// was a place in 64 of its 178 Reuters mentions and an other name in 72.
const ONE_WORD_TYPES: &[(&str, EntityLabel)] = &[
    ("GATT", EntityLabel::Organization),
    ("Oscar", EntityLabel::Misc),
    ("Oscars", EntityLabel::Misc),
    ("Reuter", EntityLabel::Organization),
    ("Reuters", EntityLabel::Organization),
    ("Sony", EntityLabel::Organization),
    ("Tories", EntityLabel::Misc),
    ("Tory", EntityLabel::Misc),
    ("Yahoo", EntityLabel::Organization),
];

/// [`ONE_WORD_TYPES`] by lower-case word.
static ONE_WORD: LazyLock<FxHashMap<String, EntityLabel>> = LazyLock::new(|| {
    ONE_WORD_TYPES
        .iter()
        .map(|&(word, label)| (word.to_lowercase(), label))
        .collect()
});

/// The bytes a mention may start with and be one of [`ONE_WORD_TYPES`]:
/// the listed words' first letters in either case, and the whitespace and
/// backtick that cleaning drops or folds. Any other ASCII byte rules a
/// mention out.
static ONE_WORD_FIRST_BYTES: LazyLock<[bool; 128]> = LazyLock::new(|| {
    let mut bytes = [false; 128];
    for (word, _) in ONE_WORD_TYPES {
        let first = word.as_bytes()[0];
        bytes[usize::from(first.to_ascii_lowercase())] = true;
        bytes[usize::from(first.to_ascii_uppercase())] = true;
    }
    for byte in b"`\t\n\x0b\x0c\r " {
        bytes[usize::from(*byte)] = true;
    }
    bytes
});

/// The type [`ONE_WORD_TYPES`] gives `mention`, when it lists it.
fn listed_one_word(mention: &str) -> Option<EntityLabel> {
    // Most mentions are ruled out by their first byte, without the clean,
    // lower-case copy the list is looked up by (half a percent of an
    // index's instructions).
    let first = *mention.as_bytes().first()?;
    if first.is_ascii() && !ONE_WORD_FIRST_BYTES[usize::from(first)] {
        return None;
    }
    ONE_WORD
        .get(&clean_mention(mention).to_lowercase())
        .copied()
}

/// Gives the one-word mentions of [`ONE_WORD_TYPES`] their type.
pub fn retype_one_word_names(entities: &mut [Entity]) {
    // Most articles name none of them: one lookup a one-word mention.
    let retyped: Vec<(usize, EntityLabel)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.text.contains(char::is_whitespace))
        .filter_map(|(index, e)| {
            let label = listed_one_word(&e.text)?;
            (label != e.label).then_some((index, label))
        })
        .collect();
    if retyped.is_empty() {
        return;
    }
    // The words of the article's people of more than one word.
    let person_words: FxHashSet<String> = entities
        .iter()
        .filter(|e| e.label == EntityLabel::Person && e.text.contains(char::is_whitespace))
        .flat_map(|e| {
            clean_mention(&e.text)
                .split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    for (index, label) in retyped {
        let entity = &mut entities[index];
        if !person_words.contains(&clean_mention(&entity.text).to_lowercase()) {
            entity.label = label;
        }
    }
}

/// Splits the mentions that run a word of [`ONE_WORD_TYPES`] at a line's
/// end into a name on the next line: "told Reuters\nKampelman was doing
/// well" was one person, "Reuters Kampelman", since Reuters wraps its lines
/// wherever a sentence reaches the margin. The word is split off only where
/// what follows it is a name of its own in the article ("Kampelman", "Max
/// Kampelman"), and the whole is not ("Sony Prudential Life Insurance
/// Co"): "Reuters\nHoldings PLC" stays whole.
pub fn split_one_word_names_at_line_breaks(entities: &mut Vec<Entity>) {
    // Most mentions hold no line break, and most that do no listed word.
    let split: Vec<(usize, usize, EntityLabel)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.text.as_bytes().contains(&b'\n'))
        .filter_map(|(index, e)| {
            let (word, _) = e.text.split_once('\n')?;
            let label = listed_one_word(word)?;
            let word = word.trim_end();
            (!word.is_empty() && !word.contains(char::is_whitespace)).then_some((
                index,
                word.len(),
                label,
            ))
        })
        .collect();
    if split.is_empty() {
        return;
    }
    let names: FxHashSet<String> = entities
        .iter()
        .filter(|e| !e.text.contains('\n'))
        .map(|e| clean_mention(&e.text))
        .collect();
    let is_named = |rest: &str| {
        let rest = clean_mention(rest);
        names
            .iter()
            .any(|name| *name == rest || name.ends_with(&format!(" {rest}")))
    };
    // The whole mention written as a name elsewhere ("Sony Prudential Life
    // Insurance Co" for "Sony\nPrudential") is one.
    let starts_a_name = |mention: &str| {
        let whole = clean_mention(mention);
        names
            .iter()
            .any(|name| *name == whole || name.starts_with(&format!("{whole} ")))
    };
    for &(index, word_len, label) in split.iter().rev() {
        let entity = &entities[index];
        let rest = &entity.text[word_len..];
        let rest_start = word_len + (rest.len() - rest.trim_start().len());
        if !is_named(&entity.text[rest_start..]) || starts_a_name(&entity.text) {
            continue;
        }
        let name = Entity {
            text: entity.text[rest_start..].to_string(),
            label: entity.label,
            start: entity.start + rest_start,
            end: entity.end,
            canonical: String::new(),
        };
        let word = Entity {
            text: entity.text[..word_len].to_string(),
            label,
            start: entity.start,
            end: entity.start + word_len,
            canonical: String::new(),
        };
        entities.splice(index..=index, [word, name]);
    }
}

/// Names with "and", "of", "on" or "&" inside that the model cut in two
/// ("Standard" + "Poor's Corp"), written as news writes them. Only whole
/// names that cannot be two: joining any two organisations around "and"
/// would make "Ford and GM" one. A mention the name overlaps is taken into
/// it ("Standard and Poor's Corp").
const MULTI_WORD_NAMES: &[(&str, EntityLabel)] = &[
    (
        "American Telephone and Telegraph",
        EntityLabel::Organization,
    ),
    ("Cable and Wireless", EntityLabel::Organization),
    (
        "Coffee, Sugar and Cocoa Exchange",
        EntityLabel::Organization,
    ),
    ("Donaldson Lufkin and Jenrette", EntityLabel::Organization),
    ("Donaldson, Lufkin and Jenrette", EntityLabel::Organization),
    (
        "Federal Savings and Loan Insurance Corp",
        EntityLabel::Organization,
    ),
    (
        "General Agreement on Tariffs and Trade",
        EntityLabel::Organization,
    ),
    ("Goodyear Tire and Rubber", EntityLabel::Organization),
    ("Harper and Row", EntityLabel::Organization),
    ("Hongkong and Shanghai Banking", EntityLabel::Organization),
    ("Jefferies and Co", EntityLabel::Organization),
    ("Johnson and Johnson", EntityLabel::Organization),
    ("Nippon Telegraph and Telephone", EntityLabel::Organization),
    ("Phillips and Drew", EntityLabel::Organization),
    ("S and P", EntityLabel::Organization),
    ("S and P.", EntityLabel::Organization),
    // A broker, not a person.
    ("Smith Barney", EntityLabel::Organization),
    (
        "Smith Barney, Harris Upham and Co",
        EntityLabel::Organization,
    ),
    (
        "Smith Barney Harris Upham and Co",
        EntityLabel::Organization,
    ),
    // Without the "'s", which CoNLL-2003 leaves outside a name ("The
    // Standard & Poor 's index"); a mention that holds it ("Poor's Corp")
    // is taken in.
    ("Standard & Poor", EntityLabel::Organization),
    ("Standard and Poor", EntityLabel::Organization),
    ("Wagner and Brown", EntityLabel::Organization),
];

/// A name of [`MULTI_WORD_NAMES`] as tokens, as written and in capitals
/// (headlines).
struct Name {
    words: Vec<String>,
    shouted: Vec<String>,
    label: EntityLabel,
}

/// [`MULTI_WORD_NAMES`] by first token, as written and in capitals, longest first.
static NAMES: LazyLock<FxHashMap<String, Vec<Name>>> = LazyLock::new(|| {
    let mut names: FxHashMap<String, Vec<Name>> = FxHashMap::default();
    let mut spans = Vec::new();
    for &(name, label) in MULTI_WORD_NAMES {
        spans.clear();
        super::tokenizer::tokens(name, &mut spans);
        let words: Vec<String> = spans
            .iter()
            .map(|s| name[s.start..s.end].to_string())
            .collect();
        let shouted: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
        let mut firsts = vec![words[0].clone()];
        if shouted[0] != words[0] {
            firsts.push(shouted[0].clone());
        }
        for first in firsts {
            names.entry(first).or_default().push(Name {
                words: words.clone(),
                shouted: shouted.clone(),
                label,
            });
        }
    }
    for candidates in names.values_mut() {
        candidates.sort_by_key(|name| std::cmp::Reverse(name.words.len()));
    }
    names
});

/// Byte ranges and types of the [`MULTI_WORD_NAMES`] in `sentences`, in
/// text order, none overlapping. A name may run across a sentence break
/// the splitter made inside it ("Standard and\nPoor's").
fn find_names(text: &str, sentences: &[Vec<Span>]) -> Vec<(usize, usize, EntityLabel)> {
    let names: &FxHashMap<String, Vec<Name>> = &NAMES;
    let mut found = Vec::new();
    let tokens: Vec<Span> = sentences.concat();
    let mut index = 0;
    while index < tokens.len() {
        let span = tokens[index];
        let word = &text[span.start..span.end];
        // Every name starts with a capital: most tokens are passed over
        // on their first byte.
        let candidates = word
            .as_bytes()
            .first()
            .filter(|b| b.is_ascii_uppercase())
            .and_then(|_| names.get(word));
        let matched = candidates.into_iter().flatten().find(|name| {
            let rest = &tokens[index..];
            rest.len() >= name.words.len()
                && rest.iter().zip(name.words.iter().zip(&name.shouted)).all(
                    |(span, (written, shouted))| {
                        let token = &text[span.start..span.end];
                        token == written || token == shouted
                    },
                )
        });
        if let Some(name) = matched {
            let last = tokens[index + name.words.len() - 1];
            found.push((span.start, last.end, name.label));
            index += name.words.len();
        } else {
            index += 1;
        }
    }
    found
}

/// Makes each of [`MULTI_WORD_NAMES`] in the text one mention of its type,
/// taking in the mentions it overlaps. `entities` are in text order and
/// stay so.
pub fn join_multi_word_names(text: &str, sentences: &[Vec<Span>], entities: &mut Vec<Entity>) {
    let found = find_names(text, sentences);
    if found.is_empty() {
        return;
    }
    let mut joined: Vec<Entity> = Vec::with_capacity(entities.len() + found.len());
    let mut rest = std::mem::take(entities).into_iter().peekable();
    for (name_start, name_end, label) in found {
        let (mut start, mut end) = (name_start, name_end);
        while let Some(entity) = rest.next_if(|e| e.end <= start) {
            joined.push(entity);
        }
        while let Some(entity) = rest.next_if(|e| e.start < end) {
            start = start.min(entity.start);
            end = end.max(entity.end);
        }
        // Not across a sentence end: the model ran "S and P. About" on
        // into the next sentence, and the name stops where it does.
        if crosses_sentence_end(&text[start..end]) {
            (start, end) = (name_start, name_end);
        }
        // A mention taken into the name before may reach into this one.
        if let Some(previous) = joined.last()
            && previous.end > start
        {
            start = previous.start;
            end = end.max(previous.end);
            joined.pop();
        }
        joined.push(Entity {
            text: text[start..end].to_string(),
            label,
            start,
            end,
            canonical: String::new(),
        });
    }
    joined.extend(rest);
    *entities = joined;
}

/// Whether a mention's text holds the end of a sentence: a full stop
/// before a space or a line break.
fn crosses_sentence_end(mention: &str) -> bool {
    mention.contains(". ") || mention.contains(".\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions of `marked` (`[PER:Reuter]`) once one-word names are
    /// retyped.
    fn retyped(marked: &str) -> Vec<(String, EntityLabel)> {
        let (_, mut entities) = crate::entities::marked_mentions(marked);
        retype_one_word_names(&mut entities);
        entities.into_iter().map(|e| (e.text, e.label)).collect()
    }
    #[test]
    fn one_word_names_take_their_type() {
        use EntityLabel::*;
        let cases: &[(&str, &[(&str, EntityLabel)])] = &[
            ("A [PER:Reuter] survey", &[("Reuter", Organization)]),
            ("[PER:REUTER]", &[("REUTER", Organization)]),
            (
                "told [PER:Reuters'] reporter",
                &[("Reuters'", Organization)],
            ),
            ("[ORG:Reuter] said", &[("Reuter", Organization)]),
            ("[PER:Sony] shares", &[("Sony", Organization)]),
            (
                "are members of [LOC:GATT] but none",
                &[("GATT", Organization)],
            ),
            (
                "U.S. ambassador to the [MISC:GATT], told",
                &[("GATT", Organization)],
            ),
            ("won an [PER:Oscar]", &[("Oscar", Misc)]),
            ("[PER:Tory] leader", &[("Tory", Misc)]),
            ("the [ORG:Tories] said", &[("Tories", Misc)]),
            (
                "[PER:Tory Burch] said. [PER:Tory] added",
                &[("Tory Burch", Person), ("Tory", Person)],
            ),
            (
                "[PER:Oscar Arias] spoke. [PER:Oscar] said",
                &[("Oscar Arias", Person), ("Oscar", Person)],
            ),
            (
                "[ORG:Reuters Holdings]",
                &[("Reuters Holdings", Organization)],
            ),
            (
                "[PER:Edzard Reuter] of [ORG:Daimler]. [PER:Reuter] said",
                &[
                    ("Edzard Reuter", Person),
                    ("Daimler", Organization),
                    ("Reuter", Person),
                ],
            ),
        ];
        for (marked, expected) in cases {
            let expected: Vec<(String, EntityLabel)> =
                expected.iter().map(|&(t, l)| (t.to_string(), l)).collect();
            assert_eq!(retyped(marked), expected, "{marked}");
        }
    }

    #[test]
    fn the_first_byte_rules_out_no_listed_word() {
        let mut mentions = vec![String::new(), "’Sony".into(), "İstanbul".into()];
        for (word, _) in ONE_WORD_TYPES {
            for written in [word.to_string(), word.to_uppercase(), word.to_lowercase()] {
                for around in ["{}", "{}'s", "{}’", " {}", "\t{}\n", "`{}", "{}s", "x{}"] {
                    mentions.push(around.replace("{}", &written));
                }
            }
        }
        for byte in 0..0x80u8 {
            mentions.push(format!("{}ony", char::from(byte)));
        }
        for mention in mentions {
            let unfiltered = ONE_WORD
                .get(&clean_mention(&mention).to_lowercase())
                .copied();
            assert_eq!(listed_one_word(&mention), unfiltered, "{mention:?}");
        }
    }

    #[test]
    fn a_listed_word_at_a_line_end_is_split_from_the_name_after_it() {
        // The mentions of `marked` once split, as `text/label`.
        let split = |marked: &str| -> Vec<String> {
            let (text, mut entities) = crate::entities::marked_mentions(marked);
            split_one_word_names_at_line_breaks(&mut entities);
            for entity in &entities {
                assert_eq!(text[entity.start..entity.end], entity.text);
            }
            crate::entities::labelled(&entities)
        };
        let cases: &[(&str, &[&str])] = &[
            (
                "[PER:Max Kampelman] fell. His aide told [PER:Reuters\n  Kampelman] was well",
                &["Max Kampelman/PER", "Reuters/ORG", "Kampelman/PER"],
            ),
            (
                "[ORG:Sandoz] said. An analyst told [ORG:Reuter\nSandoz] had sold",
                &["Sandoz/ORG", "Reuter/ORG", "Sandoz/ORG"],
            ),
            // Not named on its own: a name that runs on.
            (
                "It is owned by [ORG:Reuters\nHoldings PLC]",
                &["Reuters\nHoldings PLC/ORG"],
            ),
            (
                "[ORG:Sony Prudential Life Insurance Co] or [ORG:Sony\nPrudential]. [ORG:Prudential]",
                &[
                    "Sony Prudential Life Insurance Co/ORG",
                    "Sony\nPrudential/ORG",
                    "Prudential/ORG",
                ],
            ),
            (
                "[PER:Kampelman] spoke to [PER:Max\nKampelman]",
                &["Kampelman/PER", "Max\nKampelman/PER"],
            ),
        ];
        for (marked, expected) in cases {
            assert_eq!(split(marked), *expected, "{marked}");
        }
    }

    /// The mentions of `marked` (`[ORG:Standard]`) once the multi-word
    /// names are joined, as `text/label`.
    fn joined(marked: &str) -> Vec<String> {
        let (text, mut entities) = crate::entities::marked_mentions(marked);
        let sentences = crate::entities::tokenizer::sentences(&text);
        join_multi_word_names(&text, &sentences, &mut entities);
        crate::entities::labelled(&entities)
    }

    #[test]
    fn names_with_and_of_on_are_one_mention() {
        let cases: &[(&str, &[&str])] = &[
            (
                "[ORG:Standard] and [ORG:Poor's Corp] said",
                &["Standard and Poor's Corp/ORG"],
            ),
            ("rated by [ORG:S] and [ORG:P].", &["S and P./ORG"]),
            ("rated by S and P today", &["S and P/ORG"]),
            ("The Standard & Poor 's index", &["Standard & Poor/ORG"]),
            ("by [ORG:S] and [ORG:P. About] 5 pct", &["S and P./ORG"]),
            (
                "the [MISC:General Agreement] on [ORG:Tariffs and Trade] ([ORG:GATT])",
                &["General Agreement on Tariffs and Trade/ORG", "GATT/ORG"],
            ),
            (
                "[ORG:CABLE] AND [ORG:WIRELESS]",
                &["CABLE AND WIRELESS/ORG"],
            ),
            ("[PER:Smith Barney] analyst", &["Smith Barney/ORG"]),
            (
                "[PER:Smith Barney], [PER:Harris Upham] and [ORG:Co Inc]",
                &["Smith Barney, Harris Upham and Co Inc/ORG"],
            ),
            (
                "[ORG:Cable] and\n[ORG:Wireless Plc]",
                &["Cable and\nWireless Plc/ORG"],
            ),
            ("[ORG:Ford] and [ORG:GM]", &["Ford/ORG", "GM/ORG"]),
            (
                "[ORG:Standard Oil] and [ORG:Texaco]",
                &["Standard Oil/ORG", "Texaco/ORG"],
            ),
            ("a standard and poor result", &[]),
        ];
        for (marked, expected) in cases {
            assert_eq!(joined(marked), *expected, "{marked}");
        }
    }
}
