//! Ranges of days within a month: "March 3-5", "April 24 and 25", "3-5
//! March", "Dec. 7 to 9, 2024".
//!
//! TIMEX3 has no value for a range, and the TimeBank and AQUAINT gold tag
//! "April 24 and 25" as two expressions, "April 24" and "25", each a day.
//! So a range is two expressions here too: the day that lacks its month
//! (and year) takes them from the other end, and the index gets both days.

use super::{Found, Grammar, date};
use crate::dates::TimexType;
use crate::dates::scan::Kind;
use chrono::NaiveDate;

/// The first day of a range just tagged, so the next number can end it.
#[derive(Debug, Clone)]
pub(super) struct OpenRange {
    /// The token right after the first day.
    pub(super) after: usize,
    /// The first day's value: `2024-03-03`, `XXXX-03-03`.
    pub(super) value: String,
    pub(super) day: u32,
}

/// How two days of a range are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joint {
    /// "3-5", "3 to 5", "3 through 5": only a range.
    Span,
    /// "24 and 25", "24 or 25": a list, which also joins amounts.
    List,
}

impl Grammar<'_> {
    /// The range a day-valued match ending before token `end` opens, when
    /// its last token is its day of the month ("March 3", not "March 3,
    /// 2024").
    pub(super) fn range_opened_by(&self, end: usize, value: &str) -> Option<OpenRange> {
        if value.len() != 10 || end == 0 {
            return None;
        }
        let (day, _) = self.day_number(end - 1)?;
        (value[8..].parse::<u32>().ok()? == day).then(|| OpenRange {
            after: end,
            value: value.to_string(),
            day,
        })
    }

    /// The token after a range joint at `i` ("-", "–", "to", "and") and
    /// what kind it is.
    fn range_joint(&self, i: usize) -> Option<(usize, Joint)> {
        let tok = self.toks.get(i)?;
        let joint = match tok.kind {
            Kind::Punct(b'-') => Joint::Span,
            Kind::Other if matches!(&self.text[tok.start..tok.end], "\u{2013}" | "\u{2014}") => {
                Joint::Span
            }
            _ => match self.word(i) {
                "to" | "through" | "thru" | "till" | "until" => Joint::Span,
                "and" | "or" => Joint::List,
                _ => return None,
            },
        };
        Some((i + 1, joint))
    }

    /// A day at `i` that ends or opens a range: "5" in "March 3-5", "3" in
    /// "3-5 March". Tried apart from the other rules and only at a day
    /// number, so text without ranges pays next to nothing for it.
    pub(super) fn range_day(&self, i: usize) -> Found {
        self.day_number(i)?;
        self.range_end_day(i).or_else(|| self.range_start_day(i))
    }

    /// The second day of a range at `i`, after one just tagged: "5" in
    /// "March 3-5", "25" in "April 24 and 25", "5, 2024" in "March 3-5,
    /// 2024" (the year is the range's: the first day took it too).
    fn range_end_day(&self, i: usize) -> Found {
        let open = self.open_range.as_ref()?;
        let (next, joint) = self.range_joint(open.after)?;
        if next != i {
            return None;
        }
        let (day, after) = self.day_number(i)?;
        if day <= open.day || !self.day_ends_range(after, joint) {
            return None;
        }
        let value = with_day(&open.value, day)?;
        let mut end = after;
        let y = if self.punct(end, b',') { end + 1 } else { end };
        if let Some((year, after_year)) = self.year_number(y)
            && value.starts_with(&format!("{year:04}-"))
        {
            end = after_year;
        }
        date(end, value)
    }

    /// The first day of a range written day first, at `i`: "3" in "3-5
    /// March", which takes the month and year of the day that ends it.
    fn range_start_day(&self, i: usize) -> Found {
        let (day, after) = self.day_number(i)?;
        let (next, _) = self.range_joint(after)?;
        let (_, TimexType::Date, last) = self.day_month(next)? else {
            return None;
        };
        if last.len() != 10 || last[8..].parse::<u32>().ok()? <= day {
            return None;
        }
        date(after, with_day(&last, day)?)
    }

    /// The year a range written month first shares: 2024 in "March 3-5,
    /// 2024", looked up from the token after its first day.
    pub(super) fn year_after_range(&self, after_first_day: usize) -> Option<i32> {
        let (next, joint) = self.range_joint(after_first_day)?;
        let (_, after) = self.day_number(next)?;
        if !self.day_ends_range(after, joint) {
            return None;
        }
        let y = if self.punct(after, b',') {
            after + 1
        } else {
            after
        };
        self.year_number(y).map(|(year, _)| year)
    }

    /// The year of the month `month` that opens a range of months or of
    /// days across months, from the year written after the range's end:
    /// 1991 in "November 20 to November 21, 1991", 1988 in "April-May
    /// 1988" (one earlier in "December through February 1987"). `after`
    /// is the token after the first month (with `bare_month`, which also
    /// allows "January/November 1986") or after its day. A year that
    /// opens a split year ("January 1986/87") names a season, not the
    /// month's year, so it gives none.
    pub(super) fn year_of_month_range(
        &self,
        after: usize,
        month: u32,
        bare_month: bool,
    ) -> Option<i32> {
        let next = match self.range_joint(after) {
            Some((next, _)) => next,
            None if bare_month && self.punct(after, b'/') && self.glued(after + 1) => after + 1,
            None => return None,
        };
        let (last_month, mut k) = self.month_name(next)?;
        if !bare_month {
            k = self.day_number(k)?.1;
        }
        if self.punct(k, b',') {
            k += 1;
        }
        let (year, after_year) = self.year_number(k)?;
        if self.punct(after_year, b'/') && self.number(after_year + 1).is_some() {
            return None;
        }
        Some(if month > last_month { year - 1 } else { year })
    }

    /// Whether the token at `i` lets the number before it end a range of
    /// days rather than count or measure: "March 3-5 people", "on March 3
    /// to 5.2 pct" and "rose on March 3 to 5 from 4" are amounts. After
    /// "and" or "to" a day must end its phrase.
    fn day_ends_range(&self, i: usize, joint: Joint) -> bool {
        let Some(tok) = self.toks.get(i) else {
            return true;
        };
        let amount = self.unit(i).is_some()
            || self.measure_or_clock_at(i)
            || self.counted_things_at(i)
            || matches!(self.word(i), "percent" | "pct" | "per" | "cents" | "points")
            || matches!(tok.kind, Kind::Punct(b'%'))
            || matches!(tok.kind, Kind::Punct(b'.' | b',')) && self.glued(i + 1);
        if amount {
            return false;
        }
        let glued_span = joint == Joint::Span && self.glued(i - 1) && self.glued(i - 2);
        glued_span
            || matches!(tok.kind, Kind::Punct(_))
            || self.year_number(i).is_some()
            || matches!(
                self.word(i),
                "in" | "at" | "on" | "for" | "when" | "with" | "during" | "and" | "respectively"
            )
    }
}

/// A day value with its day of the month replaced, if that day exists.
fn with_day(value: &str, day: u32) -> Option<String> {
    let prefix = value.get(..8)?;
    let year = prefix[..4].parse::<i32>().unwrap_or(2000);
    let month = prefix[5..7].parse::<u32>().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)?;
    Some(format!("{prefix}{day:02}"))
}
