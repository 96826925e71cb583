//! Titles numbered with a Roman numeral ("Halloween II", "Macintosh II"),
//! which the model read as places, and the title they number, which it
//! read as a person or a place.
//!
//! A place is not numbered so; a film, a game or a product is (a person
//! is too, "Richard III", "James Robinson III", so a person stays one).
//! Where the article names such a title, the same words alone are that
//! title's series ("Halloween", a film, not a person).

use rustc_hash::FxHashSet;

use super::canonical::clean_mention;
use super::{Entity, EntityLabel};

/// Roman numerals that number sequels, models and versions: from two (a
/// first is rarely numbered) to twenty. "I" and "X" alone are left out:
/// "Mac OS X" and "Malcolm X" are no twelfth or tenth.
const NUMERALS: &[&str] = &[
    "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XVI",
    "XVII", "XVIII", "XIX", "XX",
];

/// Whether a word is one of [`NUMERALS`], in any case.
pub fn is_numeral(word: &str) -> bool {
    NUMERALS.iter().any(|n| n.eq_ignore_ascii_case(word))
}

/// The words of a name before the Roman numeral it ends with ("Halloween"
/// of "Halloween II"), if it ends with one and has words before it.
fn numbered_stem(name: &str) -> Option<&str> {
    // Most names end in a lower-case letter: one look at the last byte.
    if !name.ends_with(['I', 'V', 'X']) {
        return None;
    }
    let (stem, last) = name.rsplit_once(' ')?;
    NUMERALS.contains(&last).then_some(stem)
}

/// Makes the places numbered with a Roman numeral titles (MISC), and the
/// people or places whose one word is what an article's numbered title
/// numbers.
pub fn retype_numbered_titles(entities: &mut [Entity]) {
    // Most articles number nothing: one look at each mention's end.
    if !entities
        .iter()
        .any(|e| numbered_stem(e.text.trim_end()).is_some())
    {
        return;
    }
    let mut series: FxHashSet<String> = FxHashSet::default();
    for entity in entities.iter_mut() {
        let name = clean_mention(&entity.text);
        let Some(stem) = numbered_stem(&name) else {
            continue;
        };
        if entity.label == EntityLabel::Location {
            entity.label = EntityLabel::Misc;
        }
        if entity.label == EntityLabel::Misc && !stem.contains(' ') {
            series.insert(stem.to_string());
        }
    }
    for entity in entities.iter_mut() {
        if matches!(entity.label, EntityLabel::Person | EntityLabel::Location)
            && series.contains(&clean_mention(&entity.text))
        {
            entity.label = EntityLabel::Misc;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions of `marked` once numbered titles are retyped, as
    /// `text/label`.
    fn retyped(marked: &str) -> Vec<String> {
        let (_, mut entities) = crate::entities::marked_mentions(marked);
        retype_numbered_titles(&mut entities);
        crate::entities::labelled(&entities)
    }

    #[test]
    fn a_numbered_title_is_no_place_and_numbers_its_series() {
        let cases: &[(&str, &[&str])] = &[
            (
                "[PER:Halloween] sequels, including [LOC:Halloween II], [PER:Halloween]: Resurrection",
                &["Halloween/MISC", "Halloween II/MISC", "Halloween/MISC"],
            ),
            ("the [LOC:Macintosh II]", &["Macintosh II/MISC"]),
            // People are numbered too.
            (
                "[PER:Richard III] and [PER:Richard]",
                &["Richard III/PER", "Richard/PER"],
            ),
            ("[ORG:Mark IV Industries]", &["Mark IV Industries/ORG"]),
            (
                "[MISC:Mac OS X] on [LOC:Mac]",
                &["Mac OS X/MISC", "Mac/LOC"],
            ),
            (
                "[MISC:World War II] in [LOC:World]",
                &["World War II/MISC", "World/LOC"],
            ),
            ("[LOC:Paris]", &["Paris/LOC"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(retyped(marked), *expected, "{marked}");
        }
    }
}
