//! Calendar arithmetic that anchors relative and partial expressions on the
//! document creation time (DCT), and the formatting of TIMEX3 values.
//!
//! Everything here is a pure function of its arguments. Resolution follows
//! HeidelTime's news strategy: news mostly reports the past, so an
//! expression without a year or week takes the tense of its sentence, and
//! without a clear tense the nearest past occurrence.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The grammatical tense of the sentence around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

/// Years outside this range are not plausible dates in news text; values
/// are rejected rather than formatted with five digits.
pub const YEARS: std::ops::RangeInclusive<i32> = 1000..=2999;

pub fn day_value(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub fn month_value(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

pub fn year_value(year: i32) -> String {
    format!("{year:04}")
}

/// The ISO week of a day: `2024-W52`.
pub fn week_value(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

pub fn quarter_value(year: i32, quarter: u32) -> String {
    format!("{year:04}-Q{quarter}")
}

/// The quarter (1..=4) a month is in.
pub fn quarter_of_month(month: u32) -> u32 {
    (month.clamp(1, 12) - 1) / 3 + 1
}

/// `(year, quarter)` moved by `delta` quarters.
pub fn shift_quarter(year: i32, quarter: u32, delta: i32) -> (i32, u32) {
    let index = year * 4 + quarter as i32 - 1 + delta;
    (index.div_euclid(4), index.rem_euclid(4) as u32 + 1)
}

/// `(year, month)` moved by `delta` months.
pub fn shift_month(year: i32, month: u32, delta: i32) -> (i32, u32) {
    let index = year * 12 + month as i32 - 1 + delta;
    (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

pub fn add_days(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        d.checked_add_days(Days::new(days as u64))
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

pub fn add_months(d: NaiveDate, months: i64) -> Option<NaiveDate> {
    let n = u32::try_from(months.unsigned_abs()).ok()?;
    if months >= 0 {
        d.checked_add_months(Months::new(n))
    } else {
        d.checked_sub_months(Months::new(n))
    }
}

/// Which occurrence of a weekday a phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The latest on or before the DCT ("Friday" in a past-tense sentence).
    OnOrBefore,
    /// The latest strictly before the DCT ("last Friday").
    Before,
    /// The earliest on or after the DCT ("Friday" in a future sentence).
    OnOrAfter,
    /// The earliest strictly after the DCT ("next Friday").
    After,
}

/// The date of an ISO weekday (1 = Monday) near `dct`.
pub fn weekday_near(dct: NaiveDate, day: u8, direction: Direction) -> NaiveDate {
    let target = i64::from(day.clamp(1, 7)) - 1;
    let today = i64::from(dct.weekday().num_days_from_monday());
    let back = (today - target).rem_euclid(7);
    let forward = (target - today).rem_euclid(7);
    let offset = match direction {
        Direction::OnOrBefore => -back,
        Direction::Before => -(if back == 0 { 7 } else { back }),
        Direction::OnOrAfter => forward,
        Direction::After => {
            if forward == 0 {
                7
            } else {
                forward
            }
        }
    };
    add_days(dct, offset).unwrap_or(dct)
}

/// The date of an ISO weekday (1 = Monday) in the ISO week of `d`.
pub fn weekday_in_week(d: NaiveDate, day: u8) -> NaiveDate {
    let offset = i64::from(day.clamp(1, 7)) - 1 - i64::from(d.weekday().num_days_from_monday());
    add_days(d, offset).unwrap_or(d)
}

/// The weekday direction a sentence's tense implies for a bare weekday.
pub fn direction_for(tense: Tense) -> Direction {
    match tense {
        Tense::Future => Direction::OnOrAfter,
        _ => Direction::OnOrBefore,
    }
}

/// The year of a year-less month and day: the occurrence nearest the DCT,
/// so a day up to half a year after publication is still "not long after"
/// it and anything later is last year's.
pub fn year_of_month_day(dct: NaiveDate, month: u32, day: u32, tense: Tense) -> Option<i32> {
    let candidates = (dct.year() - 1..=dct.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .collect::<Vec<_>>();
    // Dates in the news cluster around publication: the nearest occurrence
    // wins. The sentence tense proved a worse guide on TempEval-3 news
    // ("payable Dec. 7" reads as past tense), so it only breaks ties.
    let future_weight = if tense == Tense::Future { 1 } else { 2 };
    // 30 February and the like has no candidates: no year makes it a date.
    nearest_occurrence(dct, &candidates, future_weight).map(|d| d.year())
}

/// How far after the DCT a year-less day that a period "ended" on may
/// fall: a report written just before the quarter closes still says
/// "for the quarter ended March 31".
pub const ENDED_LEAD_DAYS: i64 = 15;

/// The year of a year-less month and day that a period ended on ("the
/// year ended June 30"): the latest such day no later than a fortnight
/// after the DCT. The nearest occurrence would put a fiscal year that
/// ended nine months before publication three months ahead of it.
pub fn year_ended(dct: NaiveDate, month: u32, day: u32) -> Option<i32> {
    let limit = add_days(dct, ENDED_LEAD_DAYS)?;
    (dct.year() - 1..=dct.year() + 1)
        .rev()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| *d <= limit)
        .map(|d| d.year())
}

/// The day among `candidates` nearest the DCT, a day after it counting
/// `future_weight` times its distance.
pub fn nearest_occurrence(
    dct: NaiveDate,
    candidates: &[NaiveDate],
    future_weight: i64,
) -> Option<NaiveDate> {
    candidates
        .iter()
        .min_by_key(|d| {
            let days = (**d - dct).num_days();
            if days > 0 {
                days * future_weight
            } else {
                -days
            }
        })
        .copied()
}

/// The year near the DCT in which `month`/`day` falls on ISO weekday
/// `weekday` ("Monday, Oct. 26"), if exactly one nearby year fits.
pub fn year_with_weekday(dct: NaiveDate, month: u32, day: u32, weekday: u8) -> Option<i32> {
    let fits: Vec<i32> = (dct.year() - 1..=dct.year() + 1)
        .filter(|&y| {
            NaiveDate::from_ymd_opt(y, month, day)
                .is_some_and(|d| d.weekday().number_from_monday() == u32::from(weekday))
        })
        .collect();
    (fits.len() == 1).then(|| fits[0])
}

/// The year of a year-less month name, by the same strategy at month
/// granularity: "December" in a past sentence of a February article is the
/// previous December.
pub fn year_of_month(dct: NaiveDate, month: u32, tense: Tense) -> i32 {
    let current = dct.month();
    // Without a tense, the nearest such month (within half a year either way).
    if !matches!(tense, Tense::Past | Tense::Future) {
        let diff = month as i32 - current as i32;
        return match diff {
            d if d > 6 => dct.year() - 1,
            d if d < -6 => dct.year() + 1,
            _ => dct.year(),
        };
    }
    // A tense tilts the choice rather than forcing it: "cut its supply in
    // September" written in August is still the coming September, so in a
    // past sentence a month ahead costs five times its distance, and in a
    // future sentence a month behind costs the same.
    let (ahead_weight, behind_weight) = if tense == Tense::Future {
        (1, 5)
    } else {
        (5, 1)
    };
    (dct.year() - 1..=dct.year() + 1)
        .min_by_key(|&y| {
            let months = (y - dct.year()) * 12 + month as i32 - current as i32;
            if months > 0 {
                months * ahead_weight
            } else {
                -months * behind_weight
            }
        })
        .unwrap_or(dct.year())
}

/// The year of the coming occurrence of `month`: the DCT's month or one
/// after it, or, for the month just ended, the DCT's own (a cargo "for
/// March shipment" quoted in early April is still March's).
pub fn year_of_coming_month(dct: NaiveDate, month: u32) -> i32 {
    let ahead = (month as i32 - dct.month() as i32).rem_euclid(12);
    let year = dct.year() + (month < dct.month()) as i32;
    if ahead == 11 { year - 1 } else { year }
}

/// Easter Sunday of a year (anonymous Gregorian algorithm).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// The `n`th given weekday of a month (Thanksgiving: 4th Thursday of November).
pub fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_day_years_follow_tense() {
        let dct = d(2024, 12, 30);
        let cases = [
            (12, 25, Tense::Unknown, Some(2024)),
            (12, 29, Tense::Unknown, Some(2024)),
            (1, 2, Tense::Unknown, Some(2025)),
            (1, 20, Tense::Unknown, Some(2025)),
            (7, 20, Tense::Unknown, Some(2024)),
            (12, 31, Tense::Past, Some(2024)),
            (2, 30, Tense::Unknown, None),
        ];
        for (m, day, tense, want) in cases {
            assert_eq!(
                year_of_month_day(dct, m, day, tense),
                want,
                "{m}/{day} {tense:?}"
            );
        }
    }

    #[test]
    fn weekdays_resolve_by_direction() {
        let friday = d(1998, 8, 7);
        let cases = [
            (5, Direction::OnOrBefore, d(1998, 8, 7)),
            (5, Direction::Before, d(1998, 7, 31)),
            (5, Direction::After, d(1998, 8, 14)),
            (1, Direction::OnOrBefore, d(1998, 8, 3)),
            (1, Direction::OnOrAfter, d(1998, 8, 10)),
        ];
        for (day, dir, want) in cases {
            assert_eq!(weekday_near(friday, day, dir), want, "{day} {dir:?}");
        }
    }

    #[test]
    fn calendar_helpers() {
        assert_eq!(shift_quarter(1989, 1, -1), (1988, 4));
        assert_eq!(shift_month(2024, 12, 1), (2025, 1));
        assert_eq!(week_value(d(2024, 12, 25)), "2024-W52");
        assert_eq!(easter(2024), Some(d(2024, 3, 31)));
        assert_eq!(year_of_month(d(1998, 2, 6), 12, Tense::Past), 1997);
    }
}
