//! The year a year-long period of results is compared with: "For the fiscal
//! year ended March 31, net rose ... from year-ago 4.1 mln dlrs", "Full-year
//! earnings totaled 2.9 mln dlrs against a year-earlier loss", "a profit
//! for the year ending March 31, 1988, up 11.2 pct from a year earlier".
//! Earnings reports mostly compare quarters, so "a year earlier" is else
//! read as the quarter reported on a year back; a sentence that names a
//! whole year (after any quarter) compares that year with the one before.
//!
//! Only the comparison's own sentence is read, backwards and bounded, and
//! only when a comparison is found, so the rule adds nothing to the scan.

use super::{Grammar, QUARTER_CONTEXT_TOKENS};
use crate::dates::lexicon::{Lex, Unit, W};
use crate::dates::tense::ends_sentence;

/// How far back (in tokens) the comparison's sentence is read.
const SENTENCE_TOKENS: usize = 40;

impl Grammar<'_> {
    /// The year a comparison at `i` looks back to when its sentence names,
    /// after the last quarter the story named, a year-long period (the
    /// year before the one it ends in: the year of the day written after
    /// "ended" or "ending", else of a fourth quarter just reported, a full
    /// year told with its last quarter) or a span of months ("the nine
    /// months ended March 31", "the first half"), which no quarter a year
    /// back stands for either.
    pub(super) fn year_compared(&self, i: usize) -> Option<i32> {
        let low = i.saturating_sub(SENTENCE_TOKENS);
        let mut k = i;
        while k > low {
            k -= 1;
            if ends_sentence(self.toks, k) || self.full_stop_at(k) {
                return None;
            }
            let quarter_after = self.last_quarter.is_some() && self.last_quarter_at > k;
            if let Some(after) = self.year_period_at(k) {
                if quarter_after {
                    return None;
                }
                return self.year_period_ends(after).map(|year| year - 1);
            }
            if let Some(after) = self.months_period_at(k) {
                if quarter_after {
                    return None;
                }
                return self.months_compared(k, after);
            }
        }
        None
    }

    /// Whether "the year", "the fiscal year", "full year" or "full-year"
    /// ends at the unit `k`, the whole year reported on, returning the
    /// token after it. "The first month of its fiscal year" and
    /// "year-to-date" are parts of one, "year-ago" the comparison itself.
    fn year_period_at(&self, k: usize) -> Option<usize> {
        if self.unit(k) != Some((Unit::Year, false)) || self.punct(k + 1, b'-') {
            return None;
        }
        let mut j = k;
        if j > 0 && self.is(j - 1, W::Fiscal) {
            j -= 1;
        }
        let full = j > 0 && self.word(j - 1) == "full"
            || j > 1 && self.punct(j - 1, b'-') && self.word(j - 2) == "full";
        if full {
            j -= if self.punct(j - 1, b'-') { 2 } else { 1 };
        }
        let the = j > 0 && self.is(j - 1, W::The);
        if the {
            j -= 1;
        }
        if !full && !the {
            return None;
        }
        (j == 0 || self.word(j - 1) != "of").then_some(k + 1)
    }

    /// Whether a span of months ends at `k`: "nine months", "the
    /// nine-month period", "12 month", "the first half", returning the
    /// token after it.
    fn months_period_at(&self, k: usize) -> Option<usize> {
        let counted = |j: usize| self.number(j).is_some() || matches!(self.lex(j), Lex::Num(_));
        let span = match self.unit(k) {
            // "the same 1985 month" is a counterpart, not a span.
            Some((Unit::Month, plural)) => {
                k > 0 && counted(k - 1) && (plural || self.year_of_a_unit(k - 1).is_none())
                    || k > 1 && self.punct(k - 1, b'-') && counted(k - 2)
            }
            _ => self.is(k, W::Half) && k > 0 && matches!(self.word(k - 1), "first" | "second"),
        };
        if !span {
            return None;
        }
        Some(if self.is(k + 1, W::Period) {
            k + 2
        } else {
            k + 1
        })
    }

    /// The year before the one a span of months at `k` ends in: that of
    /// the day written after "ended" or "ending" ("the nine months ended
    /// March 31" a year earlier are mostly the year before), or of the year
    /// written ("the first eight months of 1986", "of fiscal 1986", "the
    /// first two 1987 months"). Left alone ("Net for the nine months ... a year
    /// earlier") TimeML's gold reads it as the quarter just reported.
    fn months_compared(&self, k: usize, after: usize) -> Option<i32> {
        if matches!(self.word(after), "ended" | "ending" | "to") {
            return self.year_period_ends(after).map(|year| year - 1);
        }
        let written = if self.is(after, W::Of) {
            // "the first half of fiscal 1986" is of its year too.
            let year_at = after + 1 + usize::from(self.is(after + 1, W::Fiscal));
            // A split year ("the second half of 1986/87") ends in its second.
            self.year_number(year_at)
                .map(|(year, end)| year + i32::from(self.punct(end, b'/')))
        } else {
            k.checked_sub(1).and_then(|j| self.year_of_a_unit(j))
        };
        written.map(|year| year - 1)
    }

    /// Whether a full stop at `k` ends a sentence though the word before
    /// it is short ("... 1.9 mln dlrs. The year-ago period"), which
    /// `ends_sentence` leaves to abbreviations: the next word is
    /// capitalised after a space.
    fn full_stop_at(&self, k: usize) -> bool {
        self.punct(k, b'.')
            && self.toks.get(k + 1).is_some_and(|t| t.space_before)
            && self.capitalized(k + 1)
    }

    /// The year a period ends in, from the day after "ended"/"ending" at
    /// `after` ("ended March 31", "ending March 31, 1988", "ended
    /// September 1986"), else from a fourth quarter reported nearby.
    fn year_period_ends(&self, after: usize) -> Option<i32> {
        if matches!(self.word(after), "ended" | "ending" | "to") {
            let k = if self.word(after + 1) == "on" {
                after + 2
            } else {
                after + 1
            };
            let (_, _, value) = self.month_date(k).or_else(|| self.day_month(k))?;
            return value.get(..4)?.parse().ok();
        }
        match self.last_quarter {
            Some((year, 4))
                if after.saturating_sub(self.last_quarter_at) < QUARTER_CONTEXT_TOKENS =>
            {
                Some(year)
            }
            _ => None,
        }
    }
}
