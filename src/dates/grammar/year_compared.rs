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
use crate::dates::lexicon::{Unit, W};
use crate::dates::tense::ends_sentence;

/// How far back (in tokens) the comparison's sentence is read.
const SENTENCE_TOKENS: usize = 40;

impl Grammar<'_> {
    /// The year a year-long period named earlier in the sentence of the
    /// comparison at `i` ends in, if it names one after the last quarter
    /// the story named: the year of the day written after "ended" or
    /// "ending", else the year of a fourth quarter just reported (a full
    /// year told with its last quarter).
    pub(super) fn year_compared(&self, i: usize) -> Option<i32> {
        let low = i.saturating_sub(SENTENCE_TOKENS);
        let mut k = i;
        while k > low {
            k -= 1;
            if ends_sentence(self.toks, k) {
                return None;
            }
            if let Some(after) = self.year_period_at(k) {
                if self.last_quarter.is_some() && self.last_quarter_at > k {
                    return None;
                }
                return self.year_period_ends(after);
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

    /// The year a period ends in, from the day after "ended"/"ending" at
    /// `after` ("ended March 31", "ending March 31, 1988", "ended
    /// September 1986"), else from a fourth quarter reported nearby.
    fn year_period_ends(&self, after: usize) -> Option<i32> {
        if matches!(self.word(after), "ended" | "ending") {
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
