//! Reading a publication date out of a metadata value (front matter, JSON
//! fields, HTML meta tags).
//!
//! Feeds and exports write dates in many ways; this accepts the common ones
//! and nothing ambiguous: a numeric date with the year last is read when it
//! reads one way only (`30/12/2024` day first, `12/30/2024` month first),
//! or with dots, which only day-first calendars write (`01.02.2024` is
//! 1 February); `03/01/2024` is refused rather than guessed.
//! Timestamps with an offset keep the date as the publisher wrote it (the
//! local calendar day), not the UTC day. An eight-digit number, in JSON or
//! as digits, is a `YYYYMMDD` date (`20241230`); other numbers are unix
//! timestamps.

use std::ops::RangeInclusive;

use chrono::{DateTime, Datelike, NaiveDate};

/// Years of the publication dates read from metadata: an eight-digit
/// number is a `YYYYMMDD` date only with a year in this range, and a date
/// outside it is no publication date ([`is_publication_date`]).
pub const PUBLICATION_YEARS: RangeInclusive<i32> = 1800..=2200;

/// Unix timestamps above this are taken as milliseconds (1e11 seconds is
/// the year 5138, so no real second count gets there).
const MILLIS_THRESHOLD: f64 = 1e11;

/// The calendar date written in `value`, or `None` if it is not a date this
/// recognises.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let s = value.trim();
    if s.is_empty() {
        return None;
    }
    let digits = s.strip_prefix('-').unwrap_or(s);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        // Front matter and meta tags write the same numbers as JSON does,
        // and mongoexport a number as a string (`{"$numberLong": "-62135596800000"}`,
        // the empty date of .NET, which must be recognised to be refused).
        return s.parse::<f64>().ok().and_then(date_from_number);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    numeric_prefix(s)
        .or_else(|| year_last(s))
        .or_else(|| textual_date(s))
}

/// Whether `date` can be when an article was published: its year is in
/// [`PUBLICATION_YEARS`]. Exports write a placeholder where they have no
/// date (`0001-01-01`, the empty date of .NET and Go; `1753-01-01`, SQL
/// Server's first day; `9999-12-31` for "never"); taken for the
/// publication date, it would keep the path date and the default date from
/// applying. `1900-01-01` and `1970-01-01` are placeholders too, but also
/// days with real news, so they are kept.
pub fn is_publication_date(date: NaiveDate) -> bool {
    PUBLICATION_YEARS.contains(&date.year())
}

/// The date a number in metadata stands for: `20241230` is a `YYYYMMDD`
/// date, any other number a unix timestamp in seconds or milliseconds.
pub fn date_from_number(value: f64) -> Option<NaiveDate> {
    compact_date(value).or_else(|| date_from_timestamp(value))
}

/// The UTC date of a unix timestamp in seconds or milliseconds.
fn date_from_timestamp(value: f64) -> Option<NaiveDate> {
    if !value.is_finite() {
        return None;
    }
    let secs = if value.abs() > MILLIS_THRESHOLD {
        value / 1000.0
    } else {
        value
    };
    // The cast saturates; out-of-range values are then refused by chrono.
    DateTime::from_timestamp(secs.floor() as i64, 0).map(|dt| dt.date_naive())
}

/// An eight-digit `YYYYMMDD` number with a year in [`PUBLICATION_YEARS`].
/// Eight-digit second counts are days of 1970 to 1973, and the only ones
/// this takes for dates, 18000101 to 22001231, fall between late July and
/// mid-September 1970: a news export far more likely means the calendar
/// date.
fn compact_date(value: f64) -> Option<NaiveDate> {
    if value.fract() != 0.0 || !(10_000_000.0..100_000_000.0).contains(&value) {
        return None;
    }
    let digits = value as u32;
    let year = (digits / 10_000) as i32;
    if !PUBLICATION_YEARS.contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, digits / 100 % 100, digits % 100)
}

/// `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY.MM.DD`, optionally followed by a time
/// (`2024-12-30 10:00`, `2024-12-30T10:00:00` without an offset).
fn numeric_prefix(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() < 10 {
        return None;
    }
    let sep = b[4];
    if !matches!(sep, b'-' | b'/' | b'.') || b[7] != sep {
        return None;
    }
    if let Some(&next) = b.get(10)
        && !matches!(next, b'T' | b't' | b' ' | b',')
    {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
}

/// `30/12/2024` or `12/30/2024` (whichever reads as a date; neither when
/// both do), or `30.12.2024` (day first), optionally followed by a time.
fn year_last(s: &str) -> Option<NaiveDate> {
    match year_last_readings(s)? {
        (Some(date), None) | (None, Some(date)) => Some(date),
        // The same day either way ("05/05/2024") is no ambiguity.
        (Some(a), Some(b)) if a == b => Some(a),
        _ => None,
    }
}

/// Why `value` is no date, for a warning: a date that reads two ways says
/// both, so that the user learns it was refused, not misread, and how to
/// write it.
pub fn not_a_date(value: &str) -> String {
    match year_last_readings(value.trim()) {
        Some((Some(day_first), Some(month_first))) if day_first != month_first => format!(
            "ambiguous date {value:?} ({} or {}: write {} or {})",
            day_first.format("%-d %B %Y"),
            month_first.format("%-d %B %Y"),
            day_first.format("%Y-%m-%d"),
            month_first.format("%Y-%m-%d"),
        ),
        _ => format!("unrecognised date {value:?}"),
    }
}

/// The day-first and the month-first reading of a numeric date with the
/// year last (`03/01/2024`), each `None` where it is no day; a date with
/// dots is read day first only.
fn year_last_readings(s: &str) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    let end = s.find(['T', 't', ' ', ',']).unwrap_or(s.len());
    let date = &s[..end];
    let sep = if date.contains('/') { '/' } else { '.' };
    let parts: Vec<&str> = date.split(sep).collect();
    let [first, second, year] = parts.as_slice() else {
        return None;
    };
    let number = |part: &str, width: std::ops::RangeInclusive<usize>| -> Option<u32> {
        (width.contains(&part.len()) && part.bytes().all(|c| c.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let (first, second, year) = (
        number(first, 1..=2)?,
        number(second, 1..=2)?,
        number(year, 4..=4)?,
    );
    let year = year as i32;
    let day_first = NaiveDate::from_ymd_opt(year, second, first);
    if sep == '.' {
        return Some((day_first, None));
    }
    Some((day_first, NaiveDate::from_ymd_opt(year, first, second)))
}

/// `December 30, 2024`, `Dec. 30 2024`, `30 Dec 2024`, `Monday, 30th
/// December 2024 10:00`: a day, a month name and a four-digit year in the
/// first tokens, after an optional weekday. Anything after the year (a
/// time) is ignored.
fn textual_date(s: &str) -> Option<NaiveDate> {
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| t.trim_end_matches('.'))
        .filter(|t| !t.is_empty())
        .collect();
    let mut rest = tokens.as_slice();
    if let Some(first) = rest.first()
        && is_weekday(first)
    {
        rest = &rest[1..];
    }
    let [a, b, c, ..] = rest else {
        return None;
    };
    let (month, day) = match (month_number(a), month_number(b)) {
        (Some(m), None) => (m, day_number(b)?),
        (None, Some(m)) => (m, day_number(a)?),
        _ => return None,
    };
    if c.len() != 4 || !c.bytes().all(|x| x.is_ascii_digit()) {
        return None;
    }
    NaiveDate::from_ymd_opt(c.parse().ok()?, month, day)
}

/// `30`, `30th`, `1st`, `2nd`, `3rd`.
pub(crate) fn day_number(token: &str) -> Option<u32> {
    let digits = token
        .strip_suffix("st")
        .or_else(|| token.strip_suffix("nd"))
        .or_else(|| token.strip_suffix("rd"))
        .or_else(|| token.strip_suffix("th"))
        .unwrap_or(token);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// 1 to 12 for an English month name or its three-letter abbreviation
/// (also `Sept`), in any case.
pub(crate) fn month_number(token: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let t = token.to_ascii_lowercase();
    if t.len() < 3 {
        return None;
    }
    if t == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == t || (t.len() == 3 && m.starts_with(&t)))
        .map(|i| i as u32 + 1)
}

fn is_weekday(token: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let t = token.to_ascii_lowercase();
    t.len() >= 3 && DAYS.iter().any(|d| *d == t || d.starts_with(&t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn parses_the_usual_formats() {
        let cases: &[(&str, Option<NaiveDate>)] = &[
            ("2024-12-30", ymd(2024, 12, 30)),
            ("  2024-12-30\n", ymd(2024, 12, 30)),
            ("2024-12-30T10:00:00Z", ymd(2024, 12, 30)),
            ("2024-12-30T23:30:00-05:00", ymd(2024, 12, 30)),
            ("2024-12-30T10:00:00.123+01:00", ymd(2024, 12, 30)),
            ("2024-12-30T10:00:00", ymd(2024, 12, 30)),
            ("2024-12-30 10:00:00", ymd(2024, 12, 30)),
            ("Mon, 30 Dec 2024 10:00:00 GMT", ymd(2024, 12, 30)),
            ("Mon, 30 Dec 2024 10:00:00 +0000", ymd(2024, 12, 30)),
            ("2024/12/30", ymd(2024, 12, 30)),
            ("2024.12.30", ymd(2024, 12, 30)),
            ("20241230", ymd(2024, 12, 30)),
            ("17991231", ymd(1970, 7, 28)),
            ("December 30, 2024", ymd(2024, 12, 30)),
            ("Dec. 30, 2024", ymd(2024, 12, 30)),
            ("Sept 3 2024", ymd(2024, 9, 3)),
            ("30 Dec 2024", ymd(2024, 12, 30)),
            ("30th December 2024", ymd(2024, 12, 30)),
            ("Monday, December 30, 2024 10:00 AM", ymd(2024, 12, 30)),
            ("March 01 , 2008", ymd(2008, 3, 1)),
            ("1735552800", ymd(2024, 12, 30)),
            ("1735552800000", ymd(2024, 12, 30)),
            ("-62135596800000", ymd(1, 1, 1)),
            ("-86400", ymd(1969, 12, 31)),
            ("-", None),
            ("", None),
            ("yesterday", None),
            ("2024-13-01", None),
            ("2024-02-30", None),
            ("30/12/2024", ymd(2024, 12, 30)),
            ("12/30/2024", ymd(2024, 12, 30)),
            ("30/12/2024 10:00", ymd(2024, 12, 30)),
            ("05/05/2024", ymd(2024, 5, 5)),
            ("03/01/2024", None),
            ("30.12.2024", ymd(2024, 12, 30)),
            ("01.02.2024", ymd(2024, 2, 1)),
            ("1.2.2024", ymd(2024, 2, 1)),
            ("31/02/2024", None),
            ("30/12/24", None),
            ("1/2/3/2024", None),
            ("2024-12-30x", None),
            ("December 2024", None),
            ("May 5, 24", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input), *want, "{input:?}");
        }
    }

    #[test]
    fn placeholders_are_no_publication_dates() {
        let cases: &[(Option<NaiveDate>, bool)] = &[
            (ymd(2024, 12, 30), true),
            (ymd(1800, 1, 1), true),
            (ymd(2200, 12, 31), true),
            (ymd(1970, 1, 1), true),
            (ymd(1, 1, 1), false),
            (ymd(0, 1, 1), false),
            (ymd(1753, 1, 1), false),
            (ymd(1799, 12, 31), false),
            (ymd(2201, 1, 1), false),
            (ymd(9999, 12, 31), false),
        ];
        for (date, want) in cases {
            let date = date.unwrap();
            assert_eq!(is_publication_date(date), *want, "{date}");
        }
    }

    #[test]
    fn numbers_are_compact_dates_or_timestamps() {
        let cases: &[(f64, Option<NaiveDate>)] = &[
            (20241230.0, ymd(2024, 12, 30)),
            (18000101.0, ymd(1800, 1, 1)),
            (22001231.0, ymd(2200, 12, 31)),
            // Not a date of a publication year, or no date: a timestamp.
            (17991231.0, ymd(1970, 7, 28)),
            (22010101.0, ymd(1970, 9, 12)),
            (20241301.0, ymd(1970, 8, 23)),
            (20241230.5, ymd(1970, 8, 23)),
            (31536000.0, ymd(1971, 1, 1)),
            (0.0, ymd(1970, 1, 1)),
            (1735552800.0, ymd(2024, 12, 30)),
            (1735552800.5, ymd(2024, 12, 30)),
            (1735552800000.0, ymd(2024, 12, 30)),
            (f64::NAN, None),
            (f64::INFINITY, None),
            (1e300, None),
        ];
        for (input, want) in cases {
            assert_eq!(date_from_number(*input), *want, "{input}");
        }
    }
}
