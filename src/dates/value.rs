//! Turning a TIMEX3 value into the calendar it covers, for date filters.
//!
//! The index stores each mentioned date at the granularity it was written
//! with (a day, a month or a year), so a range filter can ask "does any
//! mention overlap this range" exactly: a month mention overlaps every day
//! of its month. Coarser values are widened into the next finer unit
//! (a week into its seven days, a quarter into its three months, a decade
//! into its ten years, a century into its hundred), and marked widened:
//! the filters take them as the others, but a timeline must not count "the
//! 1990s" in each of ten year buckets, or a week in each of seven days.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// One calendar unit a mention covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CalendarPoint {
    pub unit: Unit,
    /// The day, the month's first day or the year's 1 January.
    pub date: NaiveDate,
    /// Whether the mention was wider than `unit`: a week, a quarter, half
    /// or season, a decade or a century.
    pub widened: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    Day,
    Month,
    Year,
}

impl Unit {
    /// The first day of the unit holding `date`: the day itself, its
    /// month's first day, or its year's 1 January.
    pub fn start_of(self, date: NaiveDate) -> NaiveDate {
        match self {
            Unit::Day => date,
            Unit::Month => month_start(date),
            Unit::Year => year_start(date),
        }
    }

    /// The last day of the unit holding `date`.
    pub fn end_of(self, date: NaiveDate) -> NaiveDate {
        let next = match self {
            Unit::Day => return date,
            Unit::Month => month_start(date).checked_add_months(chrono::Months::new(1)),
            Unit::Year => year_start(date).with_year(date.year() + 1),
        };
        next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
    }

    /// The first days of the first and the last unit lying wholly inside
    /// `[since, until]` (`None` an open side, and so on the answer's);
    /// `None` when no unit does: the months of 2024-12-15..2025-02-10 are
    /// January alone, its years none.
    pub fn wholly_inside(
        self,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
        let first = match since {
            Some(since) if self.start_of(since) == since => Some(since),
            Some(since) => Some(self.end_of(since).succ_opt()?),
            None => None,
        };
        let last = match until {
            Some(until) if self.end_of(until) == until => Some(self.start_of(until)),
            Some(until) => Some(self.start_of(self.start_of(until).pred_opt()?)),
            None => None,
        };
        match (first, last) {
            (Some(first), Some(last)) if first > last => None,
            _ => Some((first, last)),
        }
    }
}

impl CalendarPoint {
    fn new(unit: Unit, date: NaiveDate) -> CalendarPoint {
        CalendarPoint {
            unit,
            date,
            widened: false,
        }
    }

    fn widened(self) -> CalendarPoint {
        CalendarPoint {
            widened: true,
            ..self
        }
    }
}

/// The calendar units a TIMEX3 value covers; empty for values without a
/// concrete anchor (`XXXX-12-25`, `PAST_REF`, durations).
pub fn calendar_points(value: &str) -> Vec<CalendarPoint> {
    let mut points = parse(value).unwrap_or_default();
    // One unit is the mention as written; several are a wider one.
    if points.len() > 1 {
        points = points.into_iter().map(CalendarPoint::widened).collect();
    }
    points
}

/// The first and last day a TIMEX3 value covers, when it covers one run
/// of days: `2024-12` is 2024-12-01..=2024-12-31, `199` the 1990s. `None`
/// for values without an anchor, and for a winter, whose months
/// (`2024-WI`: January, February and December) are not one run.
pub fn calendar_span(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let mut points = parse(value)?;
    points.sort();
    let mut span: Option<(NaiveDate, NaiveDate)> = None;
    for point in points {
        let last = point.unit.end_of(point.date);
        span = match span {
            None => Some((point.date, last)),
            Some((first, end)) if end.succ_opt() == Some(point.date) => Some((first, last)),
            Some(_) => return None,
        };
    }
    span
}

fn parse(value: &str) -> Option<Vec<CalendarPoint>> {
    // Times such as 2024-12-25T15:00 mention their day.
    let value = value.split('T').next()?;
    let mut parts = value.split('-');
    let head = parts.next()?;
    if !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest: Vec<&str> = parts.collect();
    match (head.len(), rest.as_slice()) {
        // Decade (199) and century (18: the 1800s).
        (3, []) => {
            let decade: i32 = head.parse().ok()?;
            (0..10).map(|y| year(decade * 10 + y)).collect()
        }
        (2, []) => {
            let century: i32 = head.parse().ok()?;
            (0..100).map(|y| year(century * 100 + y)).collect()
        }
        (4, []) => Some(vec![year(head.parse().ok()?)?]),
        (4, [second]) => {
            let y: i32 = head.parse().ok()?;
            if let Some(q) = second.strip_prefix('Q') {
                let q: u32 = q.parse().ok()?;
                if !(1..=4).contains(&q) {
                    return None;
                }
                (1..=3).map(|m| month(y, (q - 1) * 3 + m)).collect()
            } else if let Some(h) = second.strip_prefix('H') {
                let h: u32 = h.parse().ok()?;
                if !(1..=2).contains(&h) {
                    return None;
                }
                (1..=6).map(|m| month(y, (h - 1) * 6 + m)).collect()
            } else if let Some(w) = second.strip_prefix('W') {
                let w: u32 = w.parse().ok()?;
                let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                Some(
                    (0..7)
                        .map(|d| CalendarPoint::new(Unit::Day, monday + Duration::days(d)))
                        .collect(),
                )
            } else if let Some(months) = season_months(second) {
                months.iter().map(|&m| month(y, m)).collect()
            } else {
                Some(vec![month(y, second.parse().ok()?)?])
            }
        }
        (4, [m, d]) => {
            let y: i32 = head.parse().ok()?;
            if m.starts_with('W') {
                // 2024-W52-WE: the weekend of a week; its week is close enough.
                return parse(&format!("{head}-{m}"));
            }
            let date = NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)?;
            Some(vec![CalendarPoint::new(Unit::Day, date)])
        }
        _ => None,
    }
}

fn season_months(code: &str) -> Option<&'static [u32]> {
    match code {
        "SP" => Some(&[3, 4, 5]),
        "SU" => Some(&[6, 7, 8]),
        "FA" => Some(&[9, 10, 11]),
        "WI" => Some(&[12, 1, 2]),
        _ => None,
    }
}

fn year(y: i32) -> Option<CalendarPoint> {
    NaiveDate::from_ymd_opt(y, 1, 1).map(|d| CalendarPoint::new(Unit::Year, d))
}

fn month(y: i32, m: u32) -> Option<CalendarPoint> {
    NaiveDate::from_ymd_opt(y, m, 1).map(|d| CalendarPoint::new(Unit::Month, d))
}

/// The first day of the month of `date`.
fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).expect("day 1 exists in every month")
}

/// 1 January of the year of `date`.
fn year_start(date: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(date.year(), 1, 1).expect("1 January exists in every year")
}

#[cfg(test)]
mod tests {
    use super::*;
    use Unit::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn units_wholly_inside_a_range() {
        let cases = [
            // Days are every day of the range.
            (
                Day,
                Some(d(2024, 12, 15)),
                Some(d(2025, 2, 10)),
                Some((Some(d(2024, 12, 15)), Some(d(2025, 2, 10)))),
            ),
            (
                Month,
                Some(d(2024, 12, 15)),
                Some(d(2025, 2, 10)),
                Some((Some(d(2025, 1, 1)), Some(d(2025, 1, 1)))),
            ),
            (Year, Some(d(2024, 12, 15)), Some(d(2025, 2, 10)), None),
            (
                Month,
                Some(d(2024, 12, 1)),
                Some(d(2024, 12, 31)),
                Some((Some(d(2024, 12, 1)), Some(d(2024, 12, 1)))),
            ),
            (Month, Some(d(2024, 12, 2)), Some(d(2024, 12, 31)), None),
            (
                Year,
                Some(d(2024, 1, 1)),
                Some(d(2025, 12, 31)),
                Some((Some(d(2024, 1, 1)), Some(d(2025, 1, 1)))),
            ),
            // An open side stays open.
            (
                Month,
                Some(d(2024, 12, 2)),
                None,
                Some((Some(d(2025, 1, 1)), None)),
            ),
            (
                Year,
                None,
                Some(d(2024, 6, 30)),
                Some((None, Some(d(2023, 1, 1)))),
            ),
        ];
        for (unit, since, until, want) in cases {
            assert_eq!(
                unit.wholly_inside(since, until),
                want,
                "{unit:?} {since:?} {until:?}"
            );
        }
    }

    fn at(unit: Unit, date: NaiveDate) -> CalendarPoint {
        CalendarPoint::new(unit, date)
    }

    #[test]
    fn a_value_spans_the_days_it_covers() {
        let cases = [
            ("2024-12-25", Some((d(2024, 12, 25), d(2024, 12, 25)))),
            ("2024-02", Some((d(2024, 2, 1), d(2024, 2, 29)))),
            ("2024", Some((d(2024, 1, 1), d(2024, 12, 31)))),
            ("2024-Q4", Some((d(2024, 10, 1), d(2024, 12, 31)))),
            ("2024-W01", Some((d(2024, 1, 1), d(2024, 1, 7)))),
            ("199", Some((d(1990, 1, 1), d(1999, 12, 31)))),
            ("2024-SU", Some((d(2024, 6, 1), d(2024, 8, 31)))),
            ("2024-WI", None),
            ("XXXX-12-25", None),
            ("PAST_REF", None),
        ];
        for (value, span) in cases {
            assert_eq!(calendar_span(value), span, "{value}");
        }
    }

    #[test]
    fn values_map_to_their_calendar_units() {
        let cases: &[(&str, Vec<CalendarPoint>)] = &[
            ("2024-12-25", vec![at(Day, d(2024, 12, 25))]),
            ("2024-12-25T15:00", vec![at(Day, d(2024, 12, 25))]),
            ("2024-12", vec![at(Month, d(2024, 12, 1))]),
            ("2024", vec![at(Year, d(2024, 1, 1))]),
            (
                "2024-Q1",
                vec![
                    at(Month, d(2024, 1, 1)).widened(),
                    at(Month, d(2024, 2, 1)).widened(),
                    at(Month, d(2024, 3, 1)).widened(),
                ],
            ),
            ("XXXX-12-25", vec![]),
            ("PAST_REF", vec![]),
            ("P3Y", vec![]),
            ("2024-02-30", vec![]),
        ];
        for (value, want) in cases {
            assert_eq!(&calendar_points(value), want, "{value}");
        }
    }

    #[test]
    fn weeks_decades_and_centuries_widen() {
        // (value, points, unit, first date)
        let cases = [
            ("2024-W52", 7, Day, d(2024, 12, 23)),
            ("2024-SU", 3, Month, d(2024, 6, 1)),
            ("199", 10, Year, d(1990, 1, 1)),
            ("18", 100, Year, d(1800, 1, 1)),
        ];
        for (value, count, unit, first) in cases {
            let points = calendar_points(value);
            assert_eq!(points.len(), count, "{value}");
            assert!(
                points.iter().all(|p| p.widened && p.unit == unit),
                "{value}"
            );
            assert_eq!(points[0].date, first, "{value}");
        }
    }
}
