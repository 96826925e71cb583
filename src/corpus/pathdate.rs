//! A publication date written in a file's path, for articles whose metadata
//! has none: news archives are often laid out `2024/12/30/slug.html` or
//! named `2024-12-30-slug.md`. Only the path below the corpus root is
//! searched (see `super::load_bytes`): the folders above it are where the
//! corpus is kept, not when its articles were published.
//!
//! Accepted: `YYYY-MM-DD`, `YYYY/MM/DD` (across folders), `YYYY_MM_DD` and
//! `YYYYMMDD`, each standing alone (no digit right before or after), and a
//! real calendar date. Of several matches the last one wins: the deepest
//! folder or the file name is the most specific.

use std::path::Path;

use chrono::NaiveDate;

/// Years a bare eight-digit run may have: numeric ids are common in file
/// names, and this keeps `10091123_x.txt` from reading as year 1009.
const COMPACT_YEARS: std::ops::RangeInclusive<i32> = 1900..=2099;

/// The last date written in `path`, if any.
pub fn date_from_path(path: &Path) -> Option<NaiveDate> {
    // Windows separators read like `/` so `2024\12\30` matches too.
    let s = path.to_string_lossy().replace('\\', "/");
    let b = s.as_bytes();
    let mut found = None;
    for start in 0..b.len() {
        let starts_run =
            b[start].is_ascii_digit() && (start == 0 || !b[start - 1].is_ascii_digit());
        if starts_run && let Some(date) = date_at(b, start) {
            found = Some(date);
        }
    }
    found
}

/// A date starting at `b[start]`, which begins a run of digits.
fn date_at(b: &[u8], start: usize) -> Option<NaiveDate> {
    let digits = |from: usize, len: usize| -> Option<u32> {
        let part = b.get(from..from + len)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(part).ok()?.parse().ok()
    };
    let ends_run = |end: usize| b.get(end).is_none_or(|c| !c.is_ascii_digit());
    let year = digits(start, 4)? as i32;
    match b.get(start + 4) {
        Some(&sep @ (b'-' | b'/' | b'_')) => {
            if b.get(start + 7) != Some(&sep) || !ends_run(start + 10) {
                return None;
            }
            NaiveDate::from_ymd_opt(year, digits(start + 5, 2)?, digits(start + 8, 2)?)
        }
        _ => {
            if !ends_run(start + 8) || !COMPACT_YEARS.contains(&year) {
                return None;
            }
            NaiveDate::from_ymd_opt(year, digits(start + 4, 2)?, digits(start + 6, 2)?)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn finds_dates_in_paths() {
        let cases: &[(&str, Option<NaiveDate>)] = &[
            ("news/2024-12-30/crash.txt", ymd(2024, 12, 30)),
            ("news/2024/12/30/crash.html", ymd(2024, 12, 30)),
            ("news/2024_12_30_crash.md", ymd(2024, 12, 30)),
            ("news/20241230-crash.json", ymd(2024, 12, 30)),
            ("news\\2024\\12\\30\\crash.txt", ymd(2024, 12, 30)),
            ("2008-03-01/100911_Northrop.txt", ymd(2008, 3, 1)),
            // The deepest match wins.
            ("2023-01-01/2024-12-30.txt", ymd(2024, 12, 30)),
            ("archive-2024-12-30/x.txt", ymd(2024, 12, 30)),
            // Not real dates, or not standing alone.
            ("news/2024-02-30/x.txt", None),
            ("news/2024-13-01/x.txt", None),
            ("news/12024-12-30/x.txt", None),
            ("news/2024-12-301/x.txt", None),
            ("news/2024-12/30/x.txt", None),
            ("news/2024-12_30/x.txt", None),
            ("news/100911_Northrop.txt", None),
            ("news/10091123_x.txt", None),
            ("news/202412301.txt", None),
            ("news/crash.txt", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(date_from_path(Path::new(input)), *want, "{input:?}");
        }
    }
}
