//! What a bare four-digit number is: a year ("in 1999"), a 24-hour clock
//! reading ("2100 hrs", "after 1530 GMT") or an amount ("2000 people",
//! "1200 feet").
//!
//! News writes amounts of a thousand and more with a comma ("2,000
//! people"), so a bare four-digit number is mostly a year; these are the
//! cues that say it is not. Wire copy writes clock times as four digits
//! ("at 1430 GMT", "0620 hrs"), always beside a zone, a unit or another
//! clock reading, so only such a cue makes one a time.

use super::{Clock, Grammar};
use crate::dates::lexicon::{Lex, Unit, W};
use crate::dates::scan::Kind;

/// How far (in tokens) a clock cue may stand from a four-digit number that
/// follows a clock preposition: "opens at 0930 and closes at 1600 GMT".
const CLOCK_CUE_TOKENS: usize = 12;

impl Grammar<'_> {
    /// Whether a four-digit number is a year rather than a quantity.
    pub(super) fn plausible_year_at(&self, i: usize, end: usize) -> bool {
        let Some((value, _)) = self.number(i) else {
            return true;
        };
        // "after 1530 GMT", "2100 hrs": a clock, not a year.
        if self.four_digit_clock(i).is_some() {
            return false;
        }
        // "1,995" and "$1995" are amounts.
        if i > 0
            && !self.toks[i].space_before
            && matches!(self.kind(i - 1), Some(Kind::Punct(b',' | b'$' | b'.')))
        {
            return false;
        }
        // "555-1234": a number glued to a number by a hyphen.
        if i > 1
            && !self.toks[i].space_before
            && self.punct(i - 1, b'-')
            && self.number(i - 2).is_some()
        {
            return false;
        }
        if matches!(self.kind(end), Some(Kind::Punct(b'%'))) {
            return false;
        }
        if self.wire_slug_at(i, end) {
            return false;
        }
        if self.unit(end).is_some() || self.measure_or_clock_at(end) {
            return false;
        }
        // "had 2000 employees", "2000 people died"; but "its 1987 cars".
        if self.counted_things_at(end) && !self.year_qualifier_before(i) {
            return false;
        }
        // "2073.15", "1763.0": an index level or a price.
        if self.punct(end, b'.')
            && self.glued(end)
            && self.number(end + 1).is_some()
            && self.glued(end + 1)
        {
            return false;
        }
        // "between 1800 and 2100 local time": the first of a range of
        // clock times or quantities is one too.
        let reads_as_clock = value % 100 < 60 && value <= 2400;
        if reads_as_clock
            && matches!(self.word(end), "and" | "to" | "or" | "-")
            && matches!(self.number(end + 1), Some((_, 4)))
            && (self.measure_or_clock_at(end + 2)
                || matches!(self.unit(end + 2), Some((Unit::Hour, _))))
        {
            return false;
        }
        (1900..=2099).contains(&value) || (i > 0 && self.distant_year_context(i, value))
    }

    /// Whether the four-digit number at `i..end` is the time stamp of a
    /// wire slug: a desk's code of four capitals and a clock reading in
    /// parentheses, one or several, closing a story ("(NRAV 0513)",
    /// "(MRUA 2019, NYFK 2123)"). Not a year in parentheses after a word
    /// in capitals that goes on ("(BASE 1967 EQUALS 100)").
    fn wire_slug_at(&self, i: usize, end: usize) -> bool {
        let code = |k: usize| {
            self.toks.get(k).is_some_and(|t| {
                let written = &self.text.as_bytes()[t.start..t.end];
                written.len() == 4 && written.iter().all(u8::is_ascii_uppercase)
            })
        };
        i >= 2
            && code(i - 1)
            && (self.punct(i - 2, b'(') || self.punct(i - 2, b','))
            && (self.punct(end, b')') || self.punct(end, b',') && code(end + 1))
    }

    /// Whether the words before a four-digit number outside 1900-2099 make
    /// it a year. History is written after a preposition ("in 1848",
    /// "since 1497", "the war of 1812"), and so is the future ("by 2100"),
    /// but news has few years past 2099 and many numbers that only look
    /// like them: index levels ("a new high of 2188", "mid 2200 area"),
    /// clock readings ("a curfew between 2200 and 0700") and the cells of
    /// price tables ("Platinum   ----   2226").
    fn distant_year_context(&self, i: usize, value: u32) -> bool {
        let before = self.word(i - 1);
        if value > 2099 {
            return matches!(
                before,
                "in" | "by" | "until" | "till" | "through" | "before" | "after" | "since" | "from"
            );
        }
        match before {
            // "a new high of 1757", "a closing figure of 1841": levels.
            "of" => !matches!(
                self.word(i.saturating_sub(2)),
                "high"
                    | "highs"
                    | "low"
                    | "lows"
                    | "level"
                    | "figure"
                    | "close"
                    | "record"
                    | "peak"
            ),
            // A range ("1831-1865"), not a table's empty cell ("---   1000").
            "-" => i >= 2 && self.number(i - 2).is_some(),
            _ => self.month_context_before(i),
        }
    }

    /// Whether a unit of measure or a clock's time zone starts at `i`, so
    /// that a four-digit number before it counts or reads a clock:
    /// "1200 feet", "1550 tonnes", "1100 GMT", "1800 local time", "1000
    /// London time". Nouns that also follow years ("1987 cars", "1986
    /// shares") are left out.
    pub(super) fn measure_or_clock_at(&self, i: usize) -> bool {
        self.is(i, W::TimeZone)
            || matches!(
                self.word(i),
                "feet"
                    | "ft"
                    | "foot"
                    | "metres"
                    | "meters"
                    | "miles"
                    | "km"
                    | "kilometres"
                    | "kilometers"
                    | "square"
                    | "sq"
                    | "tonnes"
                    | "tons"
                    | "kg"
                    | "kilos"
                    | "lbs"
                    | "ounces"
                    | "ozs"
                    | "litres"
                    | "liters"
                    | "gallons"
                    | "barrels"
                    | "bpd"
                    | "acres"
                    | "hectares"
                    | "megawatts"
                    | "dlrs"
                    | "dollars"
                    | "euros"
                    | "yen"
                    | "yuan"
                    | "rupees"
                    | "local"
            )
            || self.capitalized(i) && self.word(i + 1) == "time"
    }

    /// Whether the word at `i` names people or things counted, so that a
    /// bare number before it is an amount: "2000 people", "sold 1500
    /// cars". A possessive ("2006 men's volleyball") names an event the
    /// year qualifies. "Tourists" and "visitors" are left out: sports news
    /// names touring sides by their year ("the 1967 tourists").
    pub(super) fn counted_things_at(&self, i: usize) -> bool {
        !self.punct(i + 1, b'\'')
            && matches!(
                self.word(i),
                "people"
                    | "persons"
                    | "men"
                    | "women"
                    | "children"
                    | "employees"
                    | "workers"
                    | "staff"
                    | "jobs"
                    | "troops"
                    | "soldiers"
                    | "police"
                    | "policemen"
                    | "officers"
                    | "civilians"
                    | "refugees"
                    | "residents"
                    | "students"
                    | "passengers"
                    | "members"
                    | "delegates"
                    | "protesters"
                    | "demonstrators"
                    | "rebels"
                    | "prisoners"
                    | "inmates"
                    | "patients"
                    | "victims"
                    | "deaths"
                    | "casualties"
                    | "spectators"
                    | "families"
                    | "households"
                    | "volunteers"
                    | "doctors"
                    | "teachers"
                    | "farmers"
                    | "migrants"
                    | "supporters"
                    | "voters"
                    | "cars"
                    | "vehicles"
                    | "trucks"
                    | "buses"
                    | "planes"
                    | "aircraft"
                    | "ships"
                    | "tanks"
                    | "weapons"
                    | "guns"
                    | "missiles"
                    | "rockets"
                    | "homes"
                    | "houses"
                    | "apartments"
                    | "buildings"
                    | "copies"
                    | "tickets"
                    | "computers"
                    | "stores"
                    | "shops"
                    | "branches"
                    | "factories"
                    | "schools"
                    | "beds"
                    | "rooms"
                    | "words"
                    | "pages"
                    | "votes"
                    | "cases"
                    | "animals"
                    | "cattle"
            )
    }

    /// Whether the word before the number at `i` makes it a year that
    /// qualifies the noun after it: "its 1987 cars", "the 2004 champions",
    /// "model year 1987 cars", "fiscal 1988 requirements", "2002/2003
    /// voters cards".
    fn year_qualifier_before(&self, i: usize) -> bool {
        i > 0
            && (self.glued(i) && (self.punct(i - 1, b'/') || self.punct(i - 1, b'-'))
                || matches!(self.lex(i - 1), Lex::Month { .. })
                || matches!(
                    self.word(i - 1),
                    "the"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "our"
                        | "your"
                        | "my"
                        | "this"
                        | "that"
                        | "whose"
                        | "fiscal"
                        | "calendar"
                        | "year"
                        | "season"
                        | "class"
                ))
    }

    /// A four-digit 24-hour clock reading at `i` and the token after it:
    /// "1430 GMT" (the zone is the caller's to read), "2100 hrs", "1900
    /// hours", "1805 local time", "1000 London time", the first of
    /// "between 0800 and 0830 GMT", and "after 1530" or "at 0930" in a
    /// sentence that tells the time elsewhere ("at 0930 and 1600 GMT").
    /// Without such a cue "after 1530" stays a year, as in a history.
    pub(super) fn four_digit_clock(&self, i: usize) -> Option<(Clock, usize)> {
        let clock = self.hhmm(i)?;
        if let Some(end) = self.clock_suffix(i) {
            return Some((clock, end));
        }
        if matches!(self.word(i + 1), "and" | "to" | "-")
            && self.hhmm(i + 2).is_some()
            && self.clock_suffix(i + 2).is_some()
        {
            return Some((clock, i + 1));
        }
        let after_clock_preposition = i > 0
            && matches!(
                self.word(i - 1),
                "at" | "after" | "before" | "until" | "till" | "from" | "between"
            );
        // A leading zero ("at 0930") is no year and no amount.
        let leading_zero = self.lower.as_bytes()[self.toks[i].start] == b'0';
        if after_clock_preposition && (leading_zero || self.clock_cue_near(i)) {
            return Some((clock, i + 1));
        }
        None
    }

    /// The 24-hour reading of a four-digit number at `i`: "0735", "2100".
    fn hhmm(&self, i: usize) -> Option<Clock> {
        let (value, 4) = self.number(i)? else {
            return None;
        };
        let (hour, minute) = (value / 100, value % 100);
        (hour < 24 && minute < 60 || value == 2400).then_some(Clock { hour, minute })
    }

    /// The end of the words after the four-digit number at `n` that make
    /// it a clock reading: a time zone (left for the caller), "hrs",
    /// "hours", "local time", "London time".
    fn clock_suffix(&self, n: usize) -> Option<usize> {
        let mut k = n + 1;
        let unit = match self.word(k) {
            "hrs" | "hr" => true,
            // "more than 1500 hours", "2000 hours of footage", "logged
            // 1500 hours": a duration. Wire copy puts a clock reading in
            // "hours" after a preposition or in a list ("at 1715 hours",
            // "set for 1900 hours", "1330 hrs ... and 1400 hours").
            "hours" => {
                let before = n.checked_sub(1).map_or("", |b| self.word(b));
                let opens_line = n == 0 || self.toks[n].newline_before;
                (opens_line
                    || matches!(
                        before,
                        "at" | "by"
                            | "for"
                            | "from"
                            | "to"
                            | "until"
                            | "till"
                            | "between"
                            | "and"
                            | "or"
                            | "after"
                            | "before"
                            | "since"
                            | "around"
                            | "about"
                            | "("
                            | ","
                    ))
                    && !matches!(self.word(k + 1), "of" | "a" | "per" | "each")
            }
            _ => false,
        };
        if unit {
            k += 1;
        }
        if self.is(k, W::TimeZone) {
            return Some(k);
        }
        if self.word(k) == "local" {
            k += 1;
            if matches!(self.word(k), "time" | "hours") {
                k += 1;
            }
            return Some(k);
        }
        if !unit && self.capitalized(k) && self.word(k + 1) == "time" {
            return Some(k + 2);
        }
        unit.then_some(k)
    }

    /// Whether the sentence around `i` tells the time: a time zone, "hrs",
    /// "local time", "a.m."/"p.m." or "o'clock" within a few tokens.
    fn clock_cue_near(&self, i: usize) -> bool {
        let sentence_end = |k: usize| {
            self.toks[k].newline_before
                || matches!(self.kind(k), Some(Kind::Punct(b'!' | b'?' | b';')))
                || self.punct(k, b'.') && self.toks.get(k + 1).is_none_or(|t| t.space_before)
        };
        let cue = |k: usize| {
            self.is(k, W::TimeZone)
                || self.word(k) == "hrs"
                || k > 0 && self.word(k) == "clock" && self.punct(k - 1, b'\'')
                || self.word(k) == "local" && self.word(k + 1) == "time"
                || self.meridiem(k).is_some() && self.after_number(k)
        };
        let mut k = i;
        while k > 0 && i - k < CLOCK_CUE_TOKENS && !sentence_end(k) {
            k -= 1;
            if cue(k) {
                return true;
            }
        }
        let mut k = i + 1;
        while k < self.toks.len() && k - i <= CLOCK_CUE_TOKENS && !sentence_end(k) {
            if cue(k) {
                return true;
            }
            k += 1;
        }
        false
    }
}
