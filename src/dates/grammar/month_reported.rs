//! The month a statistics story reports on, which "the previous month"
//! counts back from when its own sentence names no month. Monthly figures
//! come out weeks after their month ends, and a story compares them with
//! earlier months in the sentences that follow: "Reserves totalled 91.06
//! billion crowns in January, against 93.07 billion in December ... Gold
//! reserves were unchanged from the previous month" speaks of December,
//! not of the month before the publication's. The month reported on is
//! the latest the story has named, up to the publication's: the months
//! compared with it are earlier ones.
//!
//! The grammar updates it as it tags each month, so the rule adds nothing
//! to the scan.

use chrono::Datelike;

use super::{Grammar, TOLD_TOKENS};

/// How far (in tokens) after the last month named the story still reports
/// on the one it named: a few sentences of figures.
const REPORTED_MONTH_TOKENS: usize = TOLD_TOKENS;

/// The latest month a story has named: `(year, month)` and the token after
/// the last month named.
#[derive(Debug, Clone, Copy)]
pub(super) struct ReportedMonth {
    month: (i32, u32),
    last_named_end: usize,
}

impl Grammar<'_> {
    /// Notes a month named at tokens ending at `end`: the story reports on
    /// it when it is later than the one it reported on (within a stretch
    /// of months named close together) and not after the publication's.
    pub(super) fn note_month_named(&mut self, month: (i32, u32), end: usize) {
        let published = self.dct.map(|d| (d.year(), d.month()));
        let to_come = published.is_some_and(|published| month > published);
        let reported = self
            .reported_month
            .filter(|r| end.saturating_sub(r.last_named_end) <= REPORTED_MONTH_TOKENS);
        self.reported_month = match reported {
            Some(r) if to_come || r.month >= month => Some(ReportedMonth {
                last_named_end: end,
                ..r
            }),
            _ if to_come => None,
            _ => Some(ReportedMonth {
                month,
                last_named_end: end,
            }),
        };
    }

    /// The month the story reports on, if it named one shortly before
    /// token `i`.
    pub(super) fn month_reported(&self, i: usize) -> Option<(i32, u32)> {
        let r = self.reported_month?;
        (r.last_named_end <= i && i - r.last_named_end <= REPORTED_MONTH_TOKENS).then_some(r.month)
    }
}
