//! Names that end in a number ("BBC Radio 4", "Channel 4", "PlayStation
//! 2", "Half-Life 2"), which the model cut before it.
//!
//! CoNLL-2003 puts a number in a name almost never (its numbers after a
//! name are scores, "Feyenoord 3 Ajax 1"), so the model read "BBC Radio 4"
//! as "BBC Radio" and a bare 4: in the BBC stories of 2004-05, 53 times,
//! and some 300 other stations, channels, games and products with them.
//! The number joins an organisation or other name when it is written right
//! after it and reads as part of it: a small whole number, after one
//! space, with a lower-case word, a possessive or the end of a clause
//! after it. Not when it is a score or a quantity ("Italy 38-8", "Celtic 2
//! Rangers 1", "the Swiss 12th seed", "Labour 2005 manifesto", a number at
//! the end of a line of a table), nor when a unit or a count follows it
//! ("Conservative Party 42 pct", "Senate 13 to 11") or it is a day of
//! the month a name ends with ("Bank on March 19"), nor after a person
//! ("Gerrard 55", the minute of a goal) or a place. It joins after the
//! wire's table words are dropped: "Shr" of "Shr 23 cts" is none.

use super::{Entity, EntityLabel};
use crate::chars;

/// The most digits a name's number has: "Xbox 360", "Commodore 64". Four
/// would be a year more often ("Labour 2005 manifesto").
const MOST_DIGITS: usize = 3;

/// Words after a number that make it a quantity, a count or a score,
/// not part of the name before it ("Hispanoil 30 pct", "Senate 13 to
/// 11"); sorted by bytes.
const QUANTITY_WORDS: &[&str] = &[
    "billion", "bln", "cents", "cts", "day", "days", "dlrs", "feet", "games", "goals", "hours",
    "kg", "km", "laps", "matches", "meters", "metres", "miles", "million", "mins", "minutes",
    "mln", "mm", "months", "off", "out", "p", "pc", "pct", "pence", "people", "per", "percent",
    "points", "pts", "runs", "seats", "seconds", "secs", "shares", "thousand", "times", "tonnes",
    "unch", "up", "votes", "vs", "weeks", "yards", "years",
];

/// Words that join the number to another ("Locals 72 and 75", "Senate 13
/// to 11"), making it one of a list or a score; before anything else they
/// join the name to the next words ("BBC Radio 4 and will").
const JOINING_WORDS: &[&str] = &["and", "or", "to", "vs"];

/// Months, whose number after them is a day ("March 19"), one of the
/// dates the date tagger reads.
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// The length in bytes of the number that ends the name starting at
/// `after` in `text` (" 4" of "BBC Radio 4's"), if one does; see the module
/// comment.
fn number_after(text: &str, after: usize) -> Option<usize> {
    let rest = text[after..].strip_prefix(' ')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=MOST_DIGITS).contains(&digits) {
        return None;
    }
    let follow = &rest[digits..];
    let mut next = follow.chars();
    let reads_as_name = match next.next() {
        // The text's last word is a score's more often than a name's,
        // which a sentence's full stop would follow.
        None => false,
        // A word after it in lower case ("Channel 4 show"); not the next
        // name or score of a results table, nor a line's end.
        Some(' ') => {
            let rest = next.as_str();
            let word = &rest[..rest
                .find(|c| !chars::is_alphabetic(c))
                .unwrap_or(rest.len())];
            let joins_a_number = JOINING_WORDS.contains(&word)
                && rest[word.len()..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit());
            word.starts_with(chars::is_lowercase)
                && QUANTITY_WORDS.binary_search(&word).is_err()
                && !joins_a_number
        }
        // A possessive ("BBC Radio 4's Today programme").
        Some('\'' | '’') => next.as_str().starts_with('s'),
        // The end of a clause or a quotation, not "38-8", "10,000" or "4.5".
        Some('.' | ',' | ';' | ':' | '!' | '?' | '"' | '”') => next
            .next()
            .is_none_or(|c| c == ' ' || c == '\n' || c == '"' || c == '”'),
        Some(_) => false,
    };
    reads_as_name.then_some(1 + digits)
}

/// Extends each organisation or other name with the number written after
/// it that is part of it (see the module comment). `text` is the text the
/// mentions' offsets index.
pub fn join_trailing_numbers(text: &str, entities: &mut [Entity]) {
    for index in 0..entities.len() {
        let entity = &entities[index];
        if !matches!(entity.label, EntityLabel::Organization | EntityLabel::Misc)
            || !entity.text.ends_with(chars::is_alphabetic)
            || entity
                .text
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|word| MONTHS.contains(&word))
        {
            continue;
        }
        let Some(length) = number_after(text, entity.end) else {
            continue;
        };
        let end = entity.end + length;
        // A mention that starts at the number keeps it.
        if entities.get(index + 1).is_some_and(|next| next.start < end) {
            continue;
        }
        let entity = &mut entities[index];
        entity.end = end;
        entity.text = text[entity.start..end].to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions of `marked` once trailing numbers are joined, as
    /// `text/label`.
    fn joined(marked: &str) -> Vec<String> {
        let (text, mut entities) = crate::entities::marked_mentions(marked);
        join_trailing_numbers(&text, &mut entities);
        crate::entities::labelled(&entities)
    }

    #[test]
    fn the_quantity_words_are_sorted() {
        assert!(QUANTITY_WORDS.is_sorted());
    }

    #[test]
    fn a_name_keeps_the_number_it_ends_with() {
        let cases: &[(&str, &[&str])] = &[
            ("told [ORG:BBC Radio] 4's Today", &["BBC Radio 4/ORG"]),
            ("on [ORG:Channel] 4.", &["Channel 4/ORG"]),
            ("the [ORG:Channel] 4 show", &["Channel 4/ORG"]),
            ("for the [MISC:PlayStation] 2, it", &["PlayStation 2/MISC"]),
            ("the [ORG:Xbox] 360 console", &["Xbox 360/ORG"]),
            ("on [ORG:BBC News] 24\"", &["BBC News 24/ORG"]),
            // Scores, quantities, years, ranks and tables are not names.
            (
                "[ORG:Celtic] 2 [ORG:Rangers] 1",
                &["Celtic/ORG", "Rangers/ORG"],
            ),
            ("[ORG:Celtic] 2-1", &["Celtic/ORG"]),
            ("[ORG:Celtic] 2\nRangers", &["Celtic/ORG"]),
            ("the [MISC:Swiss] 12th seed", &["Swiss/MISC"]),
            ("the [MISC:Olympic] 10,000m", &["Olympic/MISC"]),
            ("the [ORG:Labour] 2005 manifesto", &["Labour/ORG"]),
            ("[ORG:Fathers] 4 Justice", &["Fathers/ORG"]),
            ("[ORG:Acme] 4.5%", &["Acme/ORG"]),
            ("[ORG:Hispanoil] 30 pct", &["Hispanoil/ORG"]),
            ("the [ORG:ICO] 15 day average", &["ICO/ORG"]),
            ("[ORG:Polti] 5 seconds behind", &["Polti/ORG"]),
            ("by the [ORG:Bank on March] 19.", &["Bank on March/ORG"]),
            ("the [ORG:Alliance] 23 pct.", &["Alliance/ORG"]),
            (
                "the [MISC:London-based] 100 pct-owned",
                &["London-based/MISC"],
            ),
            ("the [ORG:Senate] 13 to 11", &["Senate/ORG"]),
            ("[ORG:UAW Locals] 72 and 75", &["UAW Locals/ORG"]),
            ("on [ORG:BBC Radio] 4 and will", &["BBC Radio 4/ORG"]),
            // People's minutes and places' scores.
            ("([PER:Gudjohnsen] 58)", &["Gudjohnsen/PER"]),
            (
                "[PER:Mellor] 38, [PER:Baros] 61",
                &["Mellor/PER", "Baros/PER"],
            ),
            ("[LOC:Italy] 38 points", &["Italy/LOC"]),
            // A name that already ends in a number.
            ("[MISC:Halo 2] 3 times", &["Halo 2/MISC"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(joined(marked), *expected, "{marked}");
        }
    }
}
