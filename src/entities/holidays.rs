//! Holidays ("Christmas", "Easter", "Ramadan"), which the model read as
//! people, organisations or places.
//!
//! CoNLL-2003 covers August to December 1996 and names no holiday, so the
//! model typed them by their neighbours: in the BBC stories of 2004-05
//! "Christmas" was a person 33 times, an organisation 16 and a place 11
//! (and an event, MISC, 43), and in Reuters-21578 "Easter" a person 29
//! times. A holiday is a day or a season of the calendar, an event as
//! "Christmas Day" and "Boxing Day" already were (MISC), never who or
//! where. Only names that mean nothing else are listed: not "Lent" or
//! "Advent" (a verb, a company).

use super::canonical::clean_mention;
use super::{Entity, EntityLabel};

/// Holidays news names alone, as written; sorted by bytes.
const HOLIDAYS: &[&str] = &[
    "Boxing Day",
    "Chinese New Year",
    "Christmas",
    "Christmas Day",
    "Christmas Eve",
    "Diwali",
    "Easter",
    "Easter Monday",
    "Easter Sunday",
    "Good Friday",
    "Hanukkah",
    "Hogmanay",
    "New Year",
    "New Year's Day",
    "New Year's Eve",
    "Passover",
    "Ramadan",
    "Thanksgiving",
    "Yom Kippur",
];

/// Makes events (MISC) of the mentions that are a holiday alone, possessive
/// or not ("Christmas's").
pub fn retype_holidays(entities: &mut [Entity]) {
    for entity in entities.iter_mut() {
        // No holiday is longer than 20 bytes, possessive and all: one look
        // at the length passes over the longer names.
        if entity.label == EntityLabel::Misc || entity.text.len() > 20 {
            continue;
        }
        // Cleaning a mention to compare it takes three allocations (1 %
        // of indexing's instructions when every mention was cleaned): a
        // mention that starts as no holiday does is passed over first.
        let head = entity.text.as_bytes().get(..4);
        if !head.is_some_and(|head| HOLIDAYS.iter().any(|h| &h.as_bytes()[..4] == head)) {
            continue;
        }
        if HOLIDAYS
            .binary_search(&clean_mention(&entity.text).as_str())
            .is_ok()
        {
            entity.label = EntityLabel::Misc;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_holidays_are_sorted_and_told_by_their_first_four_bytes() {
        assert!(HOLIDAYS.is_sorted());
        assert!(HOLIDAYS.iter().all(|h| h.len() >= 4 && h.is_ascii()));
    }

    #[test]
    fn a_holiday_is_an_event() {
        let retyped = |marked: &str| -> Vec<String> {
            let (_, mut entities) = crate::entities::marked_mentions(marked);
            retype_holidays(&mut entities);
            crate::entities::labelled(&entities)
        };
        let cases: &[(&str, &[&str])] = &[
            ("over [PER:Christmas]", &["Christmas/MISC"]),
            ("before [PER:Easter]", &["Easter/MISC"]),
            ("[LOC:Christmas's] sales", &["Christmas's/MISC"]),
            ("during [LOC:Ramadan]", &["Ramadan/MISC"]),
            ("on [ORG:Good Friday]", &["Good Friday/MISC"]),
            ("[MISC:Boxing Day]", &["Boxing Day/MISC"]),
            // Longer names and other words stay as they were.
            (
                "[ORG:Christmas Midnight Mass]",
                &["Christmas Midnight Mass/ORG"],
            ),
            ("[PER:Lent]", &["Lent/PER"]),
            ("[PER:Christmas Humphreys]", &["Christmas Humphreys/PER"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(retyped(marked), *expected, "{marked}");
        }
    }
}
