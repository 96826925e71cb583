//! Names that open with a title only a person bears ("Cardinal Cormac
//! Murphy-O'Connor", "Mr Evans", "Baroness Greenfield"), which the model
//! read as organisations or places.
//!
//! CoNLL-2003 has few such titles (its wire copy writes "President Bush",
//! the office outside the name), so the model knew "Cardinal", "Lord" or
//! "Mr" in front of a name from modern British news only by the words
//! after them: in the BBC stories of 2004-05, 27 "Mr ..." were
//! organisations and 21 "Lord ..." places. A title and names after it are
//! a person, unless the words after it make an office ("Lord
//! Chancellor"), a work ("Lord of the Rings") or a place or body named
//! after someone ("Imam Khomeini International Airport"). A title of the
//! church alone ("the Cardinal", "the Pope") is the person who holds it;
//! typed as an organisation it took the organisation's full name.
//!
//! Companies are named after people too ("Mr. Rooter Corp", "Cardinal
//! Technologies Inc", "Pope and Talbot Inc"): a name with a word that says
//! it is a body ("Inc", "Group", the gazetteer's organisation cues) is
//! none, nor is one that the article also writes as the start of a longer
//! organisation's name ("Mr. Rooter" of "Mr. Rooter Corp"); and a title
//! alone is the person only after "the" ("the Pope", not "Pope and
//! Talbot").

use super::gazetteer;
use super::wordform::without_possessive;
use super::{Entity, EntityLabel};
use crate::chars;

/// Titles written before a person's name and before nothing else: not
/// "General" (General Motors), "King" or "Queen" (surnames, a band),
/// "Prince" (Prince Edward Island) or "Justice" (Fathers 4 Justice);
/// sorted by bytes.
const PERSONAL_TITLES: &[&str] = &[
    "Archbishop",
    "Ayatollah",
    "Baron",
    "Baroness",
    "Bishop",
    "Cardinal",
    "Dame",
    "Dr",
    "Imam",
    "Lady",
    "Lord",
    "Mr",
    "Mrs",
    "Ms",
    "Pope",
    "Prof",
    "Rabbi",
    "Rev",
    "Reverend",
    "Sheikh",
    "Sir",
];

/// Titles of a faith that news writes alone for the one who holds them
/// ("the Cardinal said"), as it does not "Lord" or "Mr"; sorted by bytes.
const TITLES_ALONE: &[&str] = &[
    "Archbishop",
    "Ayatollah",
    "Bishop",
    "Cardinal",
    "Imam",
    "Pope",
    "Rabbi",
    "Sheikh",
];

/// Words after a title that make the whole an office, or a place or body
/// named after the person ("Prince Edward Theatre", "Lord Chancellor's
/// Department"), not the person; sorted by bytes.
const NOT_A_PERSON: &[&str] = &[
    "Academy",
    "Advocate",
    "Airport",
    "Award",
    "Awards",
    "Bridge",
    "Cathedral",
    "Centre",
    "Chancellor",
    "Chief",
    "Church",
    "College",
    "Cup",
    "Department",
    "Foundation",
    "Gallery",
    "Hall",
    "Hospital",
    "Institute",
    "Justice",
    "Lieutenant",
    "Mayor",
    "Mosque",
    "Museum",
    "Park",
    "Prize",
    "Provost",
    "Road",
    "School",
    "Speaker",
    "Square",
    "Stadium",
    "Street",
    "Theatre",
    "Trophy",
    "Trust",
    "University",
];

/// The gazetteer's words that end or make up an organisation's name
/// ("Association", "Inc", "Group"), one a line.
const ORGANISATION_CUES: &str = "org_cues";

/// Whether `word` says a name is a body, not a person: one of
/// [`NOT_A_PERSON`] or [`ORGANISATION_CUES`], or a company suffix in
/// capitals ("PLC", "INC").
fn is_not_a_person(word: &str) -> bool {
    NOT_A_PERSON.binary_search(&word).is_ok()
        || gazetteer::entries(ORGANISATION_CUES)
            .lines()
            .any(|cue| cue.eq_ignore_ascii_case(word))
}

/// Whether `word` is a title only a person bears ("Mr", "Mr.", "Lord").
pub(super) fn is_personal_title(word: &str) -> bool {
    PERSONAL_TITLES.binary_search(&bare(word)).is_ok()
}

/// A word without the possessive or period it ends with ("Evans's",
/// "Mr.").
fn bare(word: &str) -> &str {
    without_possessive(word.strip_suffix('.').unwrap_or(word))
}

/// Whether `words` (a mention's, in order) are a personal title and one to
/// three names: each a capitalised word that is no office or place
/// ([`is_not_a_person`]); "of", "and" or "the" make an office or a work.
fn is_titled_person(words: &[&str]) -> bool {
    let [title, names @ ..] = words else {
        return false;
    };
    PERSONAL_TITLES.binary_search(&bare(title)).is_ok() && is_named_person(names)
}

/// Whether `names` (a mention's words) are one to three names, each a
/// capitalised word that is no office or place ([`is_not_a_person`]).
fn is_named_person(names: &[&str]) -> bool {
    (1..=3).contains(&names.len())
        && names.iter().all(|name| {
            let name = bare(name);
            name.chars().next().is_some_and(chars::is_uppercase) && !is_not_a_person(name)
        })
}

/// Where a personal title starts that stands, with one space or line
/// break (`\n`, or `\r\n` as Windows ends lines, which the text keeps),
/// right before byte `start` of `text` ("Mr Putin", "Dr. Fox", a wire
/// story's "Mr" at a line's end), the model having left the title out of
/// the mention.
fn title_before(text: &str, start: usize) -> Option<usize> {
    let before = text[..start].strip_suffix([' ', '\n'])?;
    let before = before.strip_suffix('\r').unwrap_or(before);
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '"' | '(' | '“' | '‘'))
        .next()
        .unwrap_or_default();
    is_personal_title(word).then(|| before.len() - word.len())
}

/// Makes people of the organisations, places and other names that are a
/// personal title and a name ("Cardinal Cormac Murphy-O'Connor"), and of a
/// title of a faith alone ("Cardinal"). A title of a faith that the model
/// left apart from the person's name after it ("Rabbi" + "Marvin Hier")
/// joins that name, as "Cardinal" is part of the first. `text` is the text
/// the mentions' offsets index.
pub fn retype_titled_people(text: &str, entities: &mut Vec<Entity>) {
    // Most mentions start with no title and follow none: a lookup of the
    // first word and of the word before.
    let titled = |entity: &Entity| {
        let first = entity.text.split_whitespace().next().unwrap_or_default();
        PERSONAL_TITLES.binary_search(&bare(first)).is_ok()
            || title_before(text, entity.start).is_some()
    };
    if !entities
        .iter()
        .any(|e| e.label != EntityLabel::Person && titled(e))
    {
        return;
    }
    let organisations: Vec<&str> = entities
        .iter()
        .filter(|e| e.label == EntityLabel::Organization)
        .map(|e| e.text.as_str())
        .collect();
    // Whether an organisation of the article is `name` and more words
    // ("Mr. Rooter Corp" of "Mr. Rooter"), with any spacing.
    let starts_an_organisation = |name: &str| {
        let words: Vec<&str> = name.split_whitespace().collect();
        organisations.iter().any(|organisation| {
            let longer: Vec<&str> = organisation.split_whitespace().collect();
            longer.len() > words.len() && longer.starts_with(&words)
        })
    };
    let retyped: Vec<bool> = entities
        .iter()
        .map(|entity| {
            let words: Vec<&str> = entity.text.split_whitespace().collect();
            entity.label != EntityLabel::Person
                && ((is_title_alone(&words) && follows_the(text, entity.start))
                    || (is_titled_person(&words) && !starts_an_organisation(&entity.text))
                    || title_before(text, entity.start).is_some_and(|title| {
                        // "Mr. Rooter said" of "Mr. Rooter Corp" is the firm.
                        is_named_person(&words) && !starts_an_organisation(&text[title..entity.end])
                    }))
        })
        .collect();
    super::relabel(entities, retyped, EntityLabel::Person);
    let mut index = 0;
    while index + 1 < entities.len() {
        let (title, name) = (&entities[index], &entities[index + 1]);
        let words: Vec<&str> = title.text.split_whitespace().collect();
        if is_title_alone(&words)
            && name.label == EntityLabel::Person
            && text[title.end..name.start] == *" "
        {
            let end = name.end;
            let title = &mut entities[index];
            title.label = EntityLabel::Person;
            title.end = end;
            title.text = text[title.start..end].to_string();
            entities.remove(index + 1);
        }
        index += 1;
    }
}

/// Whether the word before byte `start` of `text`, and a space, is "the"
/// (any case).
fn follows_the(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    before.len() < start
        && before
            .rsplit(|c| !chars::is_alphabetic(c))
            .next()
            .is_some_and(|word| word.eq_ignore_ascii_case("the"))
}

/// Whether a mention's words are one of [`TITLES_ALONE`].
fn is_title_alone(words: &[&str]) -> bool {
    matches!(words, [word] if TITLES_ALONE.binary_search(&bare(word)).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_sorted() {
        assert!(PERSONAL_TITLES.is_sorted());
        assert!(TITLES_ALONE.is_sorted());
        assert!(NOT_A_PERSON.is_sorted());
    }

    /// The mentions of `marked` once titled people are retyped, as
    /// `text/label`.
    fn retyped(marked: &str) -> Vec<String> {
        let (text, mut entities) = crate::entities::marked_mentions(marked);
        retype_titled_people(&text, &mut entities);
        crate::entities::labelled(&entities)
    }

    #[test]
    fn a_personal_title_and_a_name_are_a_person() {
        let cases: &[(&str, &[&str])] = &[
            (
                "[ORG:Cardinal Cormac Murphy-O'Connor] said",
                &["Cardinal Cormac Murphy-O'Connor/PER"],
            ),
            ("[ORG:Mr Evans] said", &["Mr Evans/PER"]),
            ("[ORG:Mr Evans's] view", &["Mr Evans's/PER"]),
            ("[LOC:Lord Goldsmith] said", &["Lord Goldsmith/PER"]),
            ("[ORG:Baroness Greenfield]", &["Baroness Greenfield/PER"]),
            ("[MISC:Rev. Jesse Jackson]", &["Rev. Jesse Jackson/PER"]),
            ("the [ORG:Cardinal] said", &["Cardinal/PER"]),
            ("the [LOC:Pope]", &["Pope/PER"]),
            (
                "[MISC:Rabbi] [PER:Marvin Hier], founder",
                &["Rabbi Marvin Hier/PER"],
            ),
            (
                "the [ORG:Bishop], [PER:Tom Wright]",
                &["Bishop/PER", "Tom Wright/PER"],
            ),
            // Offices, works and places named after someone are not people.
            ("the [LOC:Lord Chancellor]", &["Lord Chancellor/LOC"]),
            ("the [ORG:Lord Chief Justice]", &["Lord Chief Justice/ORG"]),
            (
                "the [ORG:Lord Chancellor's Department]",
                &["Lord Chancellor's Department/ORG"],
            ),
            ("[LOC:Lord Of the Rings]", &["Lord Of the Rings/LOC"]),
            (
                "[ORG:Archbishop of Canterbury]",
                &["Archbishop of Canterbury/ORG"],
            ),
            (
                "[ORG:Imam Khomeini International Airport]",
                &["Imam Khomeini International Airport/ORG"],
            ),
            ("[ORG:Mr Justice Forbes]", &["Mr Justice Forbes/ORG"]),
            // Companies named after someone.
            (
                "[ORG:Cardinal Technologies Inc]",
                &["Cardinal Technologies Inc/ORG"],
            ),
            ("[ORG:Mrs\nFields Inc]", &["Mrs\nFields Inc/ORG"]),
            (
                "[ORG:Mr. Rooter Corp] said. [ORG:Mr. Rooter] said",
                &["Mr. Rooter Corp/ORG", "Mr. Rooter/ORG"],
            ),
            ("[LOC:Pope] and Talbot", &["Pope/LOC"]),
            // A title the model left out of the mention.
            ("Mr [LOC:Putin] spoke", &["Putin/PER"]),
            ("Mr. [ORG:Aliyev] said", &["Aliyev/PER"]),
            ("(Dr [MISC:Fox]) said", &["Fox/PER"]),
            ("Lord [LOC:Goldsmith]'s advice", &["Goldsmith/PER"]),
            ("Mr [ORG:Rooter Corp] said", &["Rooter Corp/ORG"]),
            (
                "[ORG:Mr. Rooter Corp] said. Mr. [ORG:Rooter] said",
                &["Mr. Rooter Corp/ORG", "Rooter/ORG"],
            ),
            ("Mr [LOC:Chancellor] said", &["Chancellor/LOC"]),
            ("Mr\n[LOC:Putin] spoke", &["Putin/PER"]),
            ("Mr\n\n[LOC:Putin] spoke", &["Putin/LOC"]),
            // Text written on Windows ends its lines so.
            ("Mr\r\n[LOC:Putin] spoke", &["Putin/PER"]),
            ("Mr\r\n\r\n[LOC:Putin] spoke", &["Putin/LOC"]),
            ("Amr [LOC:Moussa] spoke", &["Moussa/LOC"]),
            ("sale of [LOC:Cardinal] by", &["Cardinal/LOC"]),
            ("The [LOC:Pope] said", &["Pope/PER"]),
            // Not titles only a person bears, nor alone.
            ("[ORG:General Motors]", &["General Motors/ORG"]),
            ("[ORG:Lord] said", &["Lord/ORG"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(retyped(marked), *expected, "{marked}");
        }
    }
}
