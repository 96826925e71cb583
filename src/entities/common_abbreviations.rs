//! Abbreviations of common nouns, which the model took for names.
//!
//! Written in capitals as names are, "PC", "DVD", "ID" (cards) or "GNP"
//! were organisations or events in the BBC and Reuters stories (some 630
//! mentions: 120 "PC", 99 "DVD", 94 "GNP", 63 "ID"), though each is a thing
//! anyone may own, and CoNLL-2003 leaves such words ("GDP", "CEO", "MPs",
//! "VAT") outside every name. Only the abbreviation alone goes: "PC World"
//! or "CD Projekt" are names. Not "CCTV", China's broadcaster as well as
//! the cameras, nor "AIDS" or "HIV", diseases CoNLL makes MISC, nor "TV",
//! a name's end as often ("Sky TV") as a word.
//!
//! Time zones and currency signs go too, though CoNLL makes "GMT" and
//! "US$" MISC: they say when and in what a figure is, not who or what a
//! story is about, and they topped the entity lists ("US$" the fourth
//! most mentioned name of the bundled corpus, "GMT" in 316 passages of
//! BBC + Reuters).

use super::Entity;

/// Abbreviations of common nouns, time zones and currency signs, as news
/// writes them, plurals too; sorted by bytes, and none longer than four.
const COMMON_ABBREVIATIONS: &[&str] = &[
    "A$", "ATM", "ATMs", "AU$", "BST", "C$", "CD", "CDT", "CDs", "CEO", "CEOs", "CEST", "CET",
    "CST", "DSL", "DVD", "DVDs", "EDT", "EST", "GDP", "GMT", "GNP", "HDTV", "HK$", "ID", "IDs",
    "JST", "LCD", "MP", "MPs", "NT$", "NZ$", "PC", "PCs", "PDA", "PDAs", "PDT", "PST", "R$", "RAM",
    "S$", "SMS", "SUV", "SUVs", "US$", "USB", "UTC", "VAT", "VCR", "VCRs", "Z$",
];

/// Drops the mentions that are one of [`COMMON_ABBREVIATIONS`] alone
/// ("PC", "DVDs"), possessive or not ("PC's"), unless the article names a
/// longer name that starts with it ("PC Acquisition Corp"), for which it
/// stands.
pub fn remove_common_abbreviations(entities: &mut Vec<Entity>) {
    let abbreviation = |entity: &Entity| -> Option<&'static str> {
        // Four bytes and a curly "'s" at most.
        if entity.text.len() > 8 {
            return None;
        }
        let word = entity.text.trim();
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word);
        // Sorted: a binary search, after the one look at its length that
        // passes over most names.
        if word.len() > 4 {
            return None;
        }
        COMMON_ABBREVIATIONS
            .binary_search(&word)
            .ok()
            .map(|at| COMMON_ABBREVIATIONS[at])
    };
    // Most articles have none: one lookup a mention.
    if !entities.iter().any(|e| abbreviation(e).is_some()) {
        return;
    }
    let starts_a_name = |word: &str| {
        entities.iter().any(|e| {
            e.text
                .strip_prefix(word)
                .is_some_and(|rest| rest.starts_with(char::is_whitespace))
        })
    };
    let dropped: Vec<bool> = entities
        .iter()
        .map(|e| abbreviation(e).is_some_and(|word| !starts_a_name(word)))
        .collect();
    let mut index = 0;
    entities.retain(|_| {
        index += 1;
        !dropped[index - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_abbreviations_are_sorted_and_short() {
        assert!(COMMON_ABBREVIATIONS.is_sorted());
        assert!(COMMON_ABBREVIATIONS.iter().all(|a| a.len() <= 4));
    }

    #[test]
    fn abbreviations_of_common_nouns_are_no_names() {
        let kept = |marked: &str| -> Vec<String> {
            let (_, mut entities) = crate::entities::marked_mentions(marked);
            remove_common_abbreviations(&mut entities);
            entities.into_iter().map(|e| e.text).collect()
        };
        let cases: &[(&str, &[&str])] = &[
            ("the [ORG:PC] market and [MISC:DVDs]", &[]),
            ("a [ORG:PC's] speed", &[]),
            ("[ORG:PC World] sold [ORG:Sony] TVs", &["PC World", "Sony"]),
            ("at 1200 [MISC:GMT], [MISC:AIDS]", &["AIDS"]),
            ("[MISC:US$] 5 mln, 14:00 [ORG:UTC]", &[]),
            ("[MISC:AU$] 3bn, [MISC:NT$] 5bn, [MISC:R$] 2bn", &[]),
            ("[ORG:Pc]", &["Pc"]),
            ("[ORG:HDTV] and [ORG:VCRs]", &[]),
            (
                "[ORG:PC Acquisition Corp] said [ORG:PC] bid",
                &["PC Acquisition Corp", "PC"],
            ),
        ];
        for (marked, expected) in cases {
            assert_eq!(kept(marked), *expected, "{marked}");
        }
    }
}
