//! A company that the article names with its legal form ("Gillette Co",
//! "Southam Inc") and elsewhere without it ("Gillette rose three",
//! "Southam said"), where the model read the short name as a place or
//! another name: in the Reuters stories of 1987, "Gillette" was a place
//! 15 times in one story about "Gillette Co", "San Miguel" a place 12
//! times beside "San Miguel Corp".
//!
//! A person of one word keeps its type: a person may share a company's
//! name in the same story ("Sullivan said he", beside "Frost and Sullivan
//! Inc"; "Fletcher, 39", beside "Fletcher Industries"), and so may a
//! country or nationality ("Singapore" beside "Singapore Airlines Ltd").
//! A person of several words whose whole name is the company's is the
//! company: 80 such mentions in the Reuters stories of 1987 ("Jardine
//! Matheson" 21 times beside "Jardine Matheson Holdings Ltd", "Diamond
//! Shamrock", "Sara Lee" beside "Sara Lee Corp"), none of them a person.

use std::collections::HashSet;

use super::canonical::{COMPANY_SUFFIXES, core_words};
use super::{Entity, EntityLabel, gazetteer};

/// Whether an ASCII letter, by byte, starts one of the (lower-case)
/// [`COMPANY_SUFFIXES`]; derived from them when compiled.
const SUFFIX_INITIALS: [bool; 128] = {
    let mut initials = [false; 128];
    let mut i = 0;
    while i < COMPANY_SUFFIXES.len() {
        initials[COMPANY_SUFFIXES[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    initials
};

/// Makes organisations of the places, other names and people of several
/// words that are an organisation's name of the article without the legal
/// forms it ends with.
pub fn retype_short_company_names(entities: &mut [Entity]) {
    let short_names: HashSet<String> = entities
        .iter()
        .filter(|entity| entity.label == EntityLabel::Organization)
        .filter_map(|entity| short_name(&entity.text))
        .collect();
    if short_names.is_empty() {
        return;
    }
    for entity in entities.iter_mut() {
        let name = entity.name();
        let may_retype = match entity.label {
            EntityLabel::Location | EntityLabel::Misc => true,
            EntityLabel::Person => name.contains(char::is_whitespace),
            EntityLabel::Organization => false,
        };
        if !may_retype {
            continue;
        }
        // Short names and the lists' names are words parted by one space;
        // so are most mentions ("Hong\nKong" is the list's "Hong Kong").
        // Looked up, not compared with each: an article may name thousands.
        let spaced = name.contains("  ") || name.contains(|c: char| c != ' ' && c.is_whitespace());
        let spaced_name;
        let name = if spaced {
            spaced_name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            spaced_name.as_str()
        } else {
            name
        };
        // A country or nationality stays what the model read it as.
        if short_names.contains(name) && gazetteer::country_or_nationality(name).is_none() {
            entity.label = EntityLabel::Organization;
        }
    }
}

/// An organisation's name without the legal forms it ends with
/// ("Gillette" of "Gillette Co", "Reuters" of "Reuters Holdings PLC");
/// `None` when it ends with none or is nothing else.
fn short_name(name: &str) -> Option<String> {
    let last = name.split_whitespace().next_back()?;
    // Most organisations end with no legal form: a look at the last word's
    // first letter rules out most.
    let might_be_one = last.bytes().next().is_some_and(|first| {
        first.is_ascii() && SUFFIX_INITIALS[usize::from(first.to_ascii_lowercase())]
    });
    if !might_be_one
        || !COMPANY_SUFFIXES
            .iter()
            .any(|suffix| suffix.eq_ignore_ascii_case(last))
    {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let core = core_words(&lower);
    (core > 0).then(|| words[..core].join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_named_as_one_of_many_companies_is_retyped() {
        // Short names are looked up, not compared with each place (the
        // speed is measured by `bench/profile.sh`, not here).
        let marked: String = (0..2_000)
            .map(|i| format!("[ORG:Name{i} Inc] and [LOC:Name{i}] in [LOC:Town {i}]. "))
            .collect();
        let (_, mut entities) = crate::entities::marked_mentions(&marked);
        retype_short_company_names(&mut entities);
        let organisations = entities
            .iter()
            .filter(|entity| entity.label == EntityLabel::Organization)
            .count();
        assert_eq!(organisations, 4_000);
    }

    #[test]
    fn the_initials_are_those_of_the_suffixes() {
        for suffix in COMPANY_SUFFIXES {
            assert!(
                SUFFIX_INITIALS[usize::from(suffix.as_bytes()[0])],
                "{suffix}"
            );
        }
    }

    #[test]
    fn a_company_named_without_its_legal_form_is_the_company() {
        let retyped = |marked: &str| -> Vec<String> {
            let (_, mut entities) = crate::entities::marked_mentions(marked);
            retype_short_company_names(&mut entities);
            crate::entities::labelled(&entities)
        };
        let cases: &[(&str, &[&str])] = &[
            (
                "[ORG:Gillette Co] said. [LOC:Gillette] rose",
                &["Gillette Co/ORG", "Gillette/ORG"],
            ),
            (
                "[LOC:San Miguel]'s stock. [ORG:San Miguel Corp]",
                &["San Miguel/ORG", "San Miguel Corp/ORG"],
            ),
            (
                "[ORG:Reuters Holdings PLC] and [MISC:Reuters]",
                &["Reuters Holdings PLC/ORG", "Reuters/ORG"],
            ),
            (
                "[ORG:Gulf Canada Corp] and [LOC:Gulf\nCanada]'s",
                &["Gulf Canada Corp/ORG", "Gulf\nCanada/ORG"],
            ),
            // A person of several words named as the company is the company.
            (
                "Though [PER:Jardine Matheson] will be deprived. [ORG:Jardine Matheson Holdings Ltd]",
                &["Jardine Matheson/ORG", "Jardine Matheson Holdings Ltd/ORG"],
            ),
            (
                "[ORG:Sara Lee Corp] said. No new talks were scheduled, [PER:Sara Lee] said.",
                &["Sara Lee Corp/ORG", "Sara Lee/ORG"],
            ),
            (
                "[ORG:Diamond Shamrock Corp]. [PER:Diamond Shamrock]'s stock",
                &["Diamond Shamrock Corp/ORG", "Diamond Shamrock/ORG"],
            ),
            // People of one word, people named as a longer company's first
            // words, countries and nationalities keep their label.
            (
                "[ORG:Frost and Sullivan Inc]. [PER:Sullivan] said he",
                &["Frost and Sullivan Inc/ORG", "Sullivan/PER"],
            ),
            (
                "[ORG:Adam Smith Institute Ltd] and [PER:Adam Smith]",
                &["Adam Smith Institute Ltd/ORG", "Adam Smith/PER"],
            ),
            (
                "[ORG:Singapore Inc] and [LOC:Singapore]",
                &["Singapore Inc/ORG", "Singapore/LOC"],
            ),
            (
                "[ORG:American Co] and [MISC:American]",
                &["American Co/ORG", "American/MISC"],
            ),
            (
                "[ORG:Hong Kong Ltd] and [LOC:Hong\nKong]",
                &["Hong Kong Ltd/ORG", "Hong\nKong/LOC"],
            ),
            // Only the name without the legal form.
            (
                "[ORG:Gillette Co] in [LOC:Boston]",
                &["Gillette Co/ORG", "Boston/LOC"],
            ),
            ("[ORG:Inc] and [LOC:Inc]", &["Inc/ORG", "Inc/LOC"]),
            (
                "[ORG:Texaco\nInc] and [LOC:Texaco]",
                &["Texaco\nInc/ORG", "Texaco/ORG"],
            ),
            // A no-break space parts words as a space does.
            (
                "[ORG:Gillette\u{a0}Co] said. [LOC:Gillette] rose",
                &["Gillette\u{a0}Co/ORG", "Gillette/ORG"],
            ),
            (
                "[ORG:San Miguel Corp] and [LOC:San\u{a0}Miguel]",
                &["San Miguel Corp/ORG", "San\u{a0}Miguel/ORG"],
            ),
            (
                "[ORG:Gulf Canada Corp] and [LOC:Gulf\x0bCanada]",
                &["Gulf Canada Corp/ORG", "Gulf\x0bCanada/ORG"],
            ),
        ];
        for (marked, expected) in cases {
            assert_eq!(retyped(marked), *expected, "{marked}");
        }
    }
}
