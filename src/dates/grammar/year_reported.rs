//! The year a story's results report on: "the year", "the full year",
//! "year-end" and "the fiscal year" of an earnings or statistics story.
//! Annual results come out in the first months of the next year, so in a
//! story of March 1987 "fourth-quarter profit rose ... For the full year,
//! profit rose" and "It reported a 1986 loss ... its operating loss for the
//! year" speak of 1986, not of the year the story was written in. The year
//! is that of a year written in the sentence, else of the last year the
//! story wrote alone in figures after any quarter (the publication's, or
//! in its first four months the one before), else of the fourth quarter
//! just reported, when that is the publication year or the one before it.
//!
//! What is still to come keeps the publication year: a forecast ("expects
//! ... for the full year", "could result in ... for the full year"), the
//! rest of the year, a stretch since its start, its first months ("early in
//! the year", "the first two months of the year"), the year to date.
//!
//! Only the anchors the grammar already tracks and a bounded stretch of
//! the sentence are read, so the rule adds nothing to the scan.

use chrono::Datelike;

use super::{Grammar, QUARTER_CONTEXT_TOKENS};
use crate::dates::lexicon::W;
use crate::dates::resolve::{self as r, Tense};
use crate::dates::tense::ends_sentence;

/// How far (in tokens) the sentence is read back to its start for a
/// forecast.
const BEFORE_TOKENS: usize = 40;
/// How far (in tokens) it is read after the year, for a forecast that
/// follows it ("the year's sales should exceed").
const AFTER_TOKENS: usize = 8;

impl Grammar<'_> {
    /// The year "the [full] [fiscal] year" or "year-end" at tokens
    /// `i..end` reports on, when its story names an earlier one than the
    /// publication's; `None` leaves it the publication's year.
    pub(super) fn year_reported(&self, i: usize, end: usize) -> Option<i32> {
        let dct = self.dct?;
        if self.tense(i, end) == Tense::Future
            || self.year_to_come(i, end)
            || self.forecast_around(i, end)
        {
            return None;
        }
        let plausible = |year: i32| (dct.year() - 1..=dct.year()).contains(&year);
        // A year written in the sentence itself is the one it reports on
        // ("In 1986 ChemLawn earned 1.19 dlrs per share for the full year").
        if let Some(told) = self.in_sentence(self.told_year, i) {
            return plausible(told.year).then_some(told.year);
        }
        // "its 1986 results ... The company reported a loss for the year":
        // a year in figures, after any quarter named, and not one an older
        // year compared with it ("a 1986 net loss ... against a profit in
        // 1985") since.
        if let Some(reported) = self.reported_year
            && i.saturating_sub(reported.end) <= QUARTER_CONTEXT_TOKENS
            && self
                .last_quarter
                .is_none_or(|_| reported.end > self.last_quarter_at)
        {
            return Some(reported.year);
        }
        // "fourth-quarter profit rose ... For the full year": the year the
        // quarter ends.
        match self.last_quarter {
            Some((year, 4))
                if i.saturating_sub(self.last_quarter_at) < QUARTER_CONTEXT_TOKENS
                    && plausible(year) =>
            {
                Some(year)
            }
            _ => None,
        }
    }

    /// The value of "the year" at `i..end`: the year it reports on, else
    /// the publication's (`XXXX` without one).
    pub(super) fn reported_year_value(&self, i: usize, end: usize) -> String {
        match self.year_reported(i, end).or(self.dct.map(|d| d.year())) {
            Some(year) => r::year_value(year),
            None => "XXXX".into(),
        }
    }

    /// Whether the year at `i..end` is one still running: "the year to
    /// date", "the year-to-date", "the rest of the year", "since the start
    /// of the year", "early in the year", "the first two months of the
    /// year" (a part the story counts from its start).
    fn year_to_come(&self, i: usize, end: usize) -> bool {
        if self.punct(end, b'-') || self.word(end) == "to" {
            return true;
        }
        let before = |back: usize| i.checked_sub(back).map_or("", |k| self.word(k));
        if before(1) == "in" && matches!(before(2), "early" | "earlier" | "late" | "later") {
            return true;
        }
        // A deadline or a stretch up to now: "by year-end", "since the
        // start of the year".
        let bounded = |word: &str| matches!(word, "by" | "since" | "until" | "till");
        if bounded(before(1)) {
            return true;
        }
        // "Of the year" opening the text has no part before it.
        let Some(part) = i.checked_sub(2).filter(|_| before(1) == "of") else {
            return false;
        };
        match before(2) {
            "rest" | "remainder" | "balance" => true,
            "start" | "beginning" | "end" | "middle" => before(3) == "the" && bounded(before(4)),
            _ => self.unit(part).is_some() || self.is(part, W::Half),
        }
    }

    /// Whether the sentence around `i..end` forecasts: a verb of
    /// expecting or a modal that is not a past conditional ("would have
    /// been"), before the year or just after it ("sales for the year are
    /// expected to be comparable").
    fn forecast_around(&self, i: usize, end: usize) -> bool {
        let modal = |k: usize| {
            matches!(
                self.word(k),
                "will" | "would" | "could" | "should" | "may" | "might" | "can"
            ) && self.word(k + 1) != "have"
        };
        let expecting = |k: usize| {
            let w = self.word(k);
            [
                "expect", "forecast", "foresee", "project", "predict", "estimat", "optimis",
                "target", "likely", "unlikely",
            ]
            .iter()
            .any(|stem| w.starts_with(stem))
        };
        let low = i.saturating_sub(BEFORE_TOKENS);
        let mut k = i;
        while k > low {
            k -= 1;
            if ends_sentence(self.toks, k) {
                break;
            }
            if modal(k) || expecting(k) {
                return true;
            }
        }
        let high = (end + AFTER_TOKENS).min(self.toks.len());
        (end..high)
            .take_while(|&k| !ends_sentence(self.toks, k))
            .any(|k| modal(k) || expecting(k))
    }
}
