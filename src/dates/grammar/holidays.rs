//! Holidays: "Christmas", "Good Friday", "Memorial Day", "St. Patrick's
//! Day", "New Year's Eve", each the day it falls on in the year written
//! or, without one, the occurrence nearest the publication date.
//!
//! A name is matched whole or not at all: "Good Friday" is two days
//! before Easter, never the Friday nearest the story, and "Palm Sunday"
//! never a plain Sunday. Names a country keeps on different days
//! ("Independence Day", "Labour Day", "Mother's Day") are left untagged:
//! a wrong day would put the story in the wrong place on a timeline.

use super::{Found, Grammar, date};
use crate::dates::lexicon::Unit;
use crate::dates::resolve::{self as r, Tense};
use chrono::{Datelike, NaiveDate, Weekday};

/// The day a holiday falls on in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// The same month and day every year: Christmas, (12, 25).
    Fixed(u32, u32),
    /// Days from Easter Sunday: Good Friday is -2, Easter Monday 1.
    Easter(i64),
    /// The nth weekday of a month: Thanksgiving, the 4th Thursday of November.
    Nth(u32, Weekday, u8),
    /// The last weekday of a month: Memorial Day, May's last Monday.
    Last(u32, Weekday),
}

impl Rule {
    fn in_year(self, year: i32) -> Option<NaiveDate> {
        match self {
            Rule::Fixed(month, day) => NaiveDate::from_ymd_opt(year, month, day),
            Rule::Easter(days) => r::add_days(r::easter(year)?, days),
            Rule::Nth(month, weekday, n) => r::nth_weekday(year, month, weekday, n),
            Rule::Last(month, weekday) => r::nth_weekday(year, month, weekday, 5)
                .or_else(|| r::nth_weekday(year, month, weekday, 4)),
        }
    }
}

/// The words a holiday name has after its first, and its day; longer
/// names first, since the first that matches is taken. `'` is an
/// apostrophe (straight or curly), `'?` one that may be left out
/// ("Presidents Day"), and `.` a full stop an abbreviation may carry
/// ("St. Patrick's Day", "St Patrick's Day").
type Names = &'static [(&'static [&'static str], Rule)];

/// The holidays whose name starts with `first` (lower case).
fn names_starting_with(first: &str) -> Names {
    use Rule::{Easter, Fixed, Last, Nth};
    use Weekday::{Mon, Sun, Thu};
    match first {
        "christmas" | "xmas" => &[
            (&["eve"], Fixed(12, 24)),
            (&["day"], Fixed(12, 25)),
            (&[], Fixed(12, 25)),
        ],
        "new" => &[
            (&["year", "'", "s", "day"], Fixed(1, 1)),
            (&["year", "'", "s", "eve"], Fixed(12, 31)),
        ],
        "thanksgiving" => &[(&["day"], Nth(11, Thu, 4)), (&[], Nth(11, Thu, 4))],
        "easter" => &[
            (&["sunday"], Easter(0)),
            (&["day"], Easter(0)),
            (&["monday"], Easter(1)),
            (&[], Easter(0)),
        ],
        "good" => &[(&["friday"], Easter(-2))],
        "holy" => &[(&["thursday"], Easter(-3)), (&["saturday"], Easter(-1))],
        "maundy" => &[(&["thursday"], Easter(-3))],
        "palm" => &[(&["sunday"], Easter(-7))],
        "ash" => &[(&["wednesday"], Easter(-46))],
        "shrove" => &[(&["tuesday"], Easter(-47))],
        "mardi" => &[(&["gras"], Easter(-47))],
        "ascension" => &[(&["day"], Easter(39))],
        "whit" => &[(&["sunday"], Easter(49)), (&["monday"], Easter(50))],
        "whitsun" | "pentecost" => &[(&[], Easter(49))],
        "halloween" => &[(&[], Fixed(10, 31))],
        "boxing" => &[(&["day"], Fixed(12, 26))],
        "bastille" => &[(&["day"], Fixed(7, 14))],
        "valentine" | "valentines" => &[
            (&["'?", "s", "day"], Fixed(2, 14)),
            (&["'?", "day"], Fixed(2, 14)),
        ],
        "st" | "saint" => &[
            (&[".", "patrick", "'", "s", "day"], Fixed(3, 17)),
            (&[".", "valentine", "'", "s", "day"], Fixed(2, 14)),
        ],
        "may" => &[(&["day"], Fixed(5, 1))],
        "memorial" => &[(&["day"], Last(5, Mon))],
        // The American spelling: Labour Day is May 1 in most countries.
        "labor" => &[(&["day"], Nth(9, Mon, 1))],
        "columbus" => &[(&["day"], Nth(10, Mon, 2))],
        "presidents" => &[(&["'?", "day"], Nth(2, Mon, 3))],
        "president" => &[(&["'", "s", "day"], Nth(2, Mon, 3))],
        "martin" => &[
            (&["luther", "king", "jr", ".", "day"], Nth(1, Mon, 3)),
            (&["luther", "king", "day"], Nth(1, Mon, 3)),
        ],
        "mlk" => &[(&["day"], Nth(1, Mon, 3))],
        "juneteenth" => &[(&[], Fixed(6, 19))],
        "veterans" => &[(&["'?", "day"], Fixed(11, 11))],
        "armistice" => &[(&["day"], Fixed(11, 11))],
        "remembrance" => &[(&["day"], Fixed(11, 11)), (&["sunday"], Nth(11, Sun, 2))],
        "anzac" => &[(&["day"], Fixed(4, 25))],
        "australia" => &[(&["day"], Fixed(1, 26))],
        "canada" => &[(&["day"], Fixed(7, 1))],
        "guy" => &[
            (&["fawkes", "night"], Fixed(11, 5)),
            (&["fawkes", "day"], Fixed(11, 5)),
        ],
        "bonfire" => &[(&["night"], Fixed(11, 5))],
        "hogmanay" => &[(&[], Fixed(12, 31))],
        "father" | "fathers" => &[
            (&["'?", "s", "day"], Nth(6, Sun, 3)),
            (&["'?", "day"], Nth(6, Sun, 3)),
        ],
        _ => &[],
    }
}

/// Whether a word the date lexicon does not know may start a holiday's
/// name, so the tagger tries the holiday rule there ("Good", "Memorial").
pub(super) fn may_start_name(word: &str) -> bool {
    !names_starting_with(word).is_empty()
}

/// Words after a one-word holiday that make it a thing, not a day.
fn names_a_thing(word: &str) -> bool {
    matches!(
        word,
        "tree" | "trees" | "card" | "cards" | "island" | "egg" | "eggs"
    )
}

impl Grammar<'_> {
    /// A holiday at token `i`: its name, then a year when one is written
    /// ("Christmas 2004", "Easter, 1987").
    pub(super) fn holiday(&self, i: usize) -> Found {
        if !self.capitalized(i) {
            return None;
        }
        let (rule, end) = names_starting_with(self.word(i))
            .iter()
            .find_map(|(rest, rule)| Some((*rule, self.name_words(i + 1, rest)?)))?;
        if end == i + 1 && names_a_thing(self.word(end)) {
            return None;
        }
        // "Easter week": the TimeML gold gives the week Easter ends.
        let week =
            rule == Rule::Easter(0) && end == i + 1 && self.unit(end) == Some((Unit::Week, false));
        let (end, value): (usize, fn(NaiveDate) -> String) = if week {
            (end + 1, r::week_value)
        } else {
            (end, r::day_value)
        };
        let mut y = end;
        if self.punct(y, b',') {
            y += 1;
        }
        if let Some((year, after_year)) = self.year_number(y) {
            return date(after_year, value(rule.in_year(year)?));
        }
        let Some(dct) = self.dct else {
            // Without a publication date the year is unknown, but a holiday
            // on a fixed day keeps its month and day, as "December 25"
            // does (`XXXX-12-25`).
            return date(
                end,
                match rule {
                    Rule::Fixed(month, day) if !week => format!("XXXX-{month:02}-{day:02}"),
                    _ => "XXXX-XX-XX".into(),
                },
            );
        };
        // A future sentence means the next occurrence. Otherwise a holiday
        // without a year is the occurrence nearest the DCT, as a year-less
        // day is: "by Easter" in February is the coming Easter, "over
        // Christmas" in January the one just past. Holidays lie further off
        // than the days news names, so a past tense tilts the choice
        // harder: "at Easter he went home" in January is last year's.
        // Without a past tense the nearer one wins whichever side it is on:
        // news speaks of a holiday ahead as often as of one gone ("the law
        // comes into force at Whitsun" in November is the coming one).
        let candidates: Vec<NaiveDate> = (dct.year() - 1..=dct.year() + 1)
            .filter_map(|year| rule.in_year(year))
            .collect();
        let pick = match self.tense(i, end) {
            Tense::Future => candidates.iter().copied().find(|&d| d >= dct),
            Tense::Past => r::nearest_occurrence(dct, &candidates, 4),
            _ => r::nearest_occurrence(dct, &candidates, 1),
        }?;
        date(end, value(pick))
    }

    /// The token after a holiday's remaining words `rest` when they are
    /// written from token `k` on, each word capitalised but the "s" after
    /// an apostrophe.
    fn name_words(&self, mut k: usize, rest: &[&str]) -> Option<usize> {
        for &want in rest {
            match want {
                "'" | "'?" => {
                    if self.apostrophe(k) {
                        k += 1;
                    } else if want == "'" {
                        return None;
                    }
                }
                "." => k = self.period(k),
                "s" if self.word(k) == "s" && self.glued(k) => k += 1,
                _ if self.word(k) == want && self.capitalized(k) => k += 1,
                _ => return None,
            }
        }
        Some(k)
    }

    /// Whether token `k` is an apostrophe, straight or curly ("Valentine’s").
    fn apostrophe(&self, k: usize) -> bool {
        self.punct(k, b'\'')
            || self
                .toks
                .get(k)
                .is_some_and(|t| self.text.get(t.start..t.end) == Some("\u{2019}"))
    }
}

#[cfg(test)]
mod tests {
    use super::Rule;
    use chrono::{NaiveDate, Weekday};

    #[test]
    fn rules_give_the_days_of_their_year() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let cases = [
            (Rule::Easter(-2), 2024, day(2024, 3, 29)),
            (Rule::Easter(1), 2025, day(2025, 4, 21)),
            (Rule::Easter(-46), 2005, day(2005, 2, 9)),
            (Rule::Last(5, Weekday::Mon), 2024, day(2024, 5, 27)),
            (Rule::Last(5, Weekday::Mon), 2021, day(2021, 5, 31)),
            (Rule::Nth(9, Weekday::Mon, 1), 2024, day(2024, 9, 2)),
            (Rule::Fixed(2, 30), 2024, None),
        ];
        for (rule, year, want) in cases {
            assert_eq!(rule.in_year(year), want, "{rule:?} {year}");
        }
    }
}
