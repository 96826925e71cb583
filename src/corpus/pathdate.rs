//! A publication date written in a file's path, for articles whose metadata
//! has none: news archives are often laid out `2024/12/30/slug.html` or
//! named `2024-12-30-slug.md`. A date counts only when it ends below the
//! corpus root (see `super::load_bytes`): the folders above it are where the
//! corpus is kept, not when its articles were published. A date that starts
//! above the root counts, so a corpus of one month (`archive/2024/12`)
//! still dates `30/crash.txt`.
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

/// The last date written in `path` that ends below `root` (anywhere in it
/// without a root, or when it is not under the root), if any.
pub fn date_from_path(path: &Path, root: Option<&Path>) -> Option<NaiveDate> {
    // Windows separators read like `/` so `2024\12\30` matches too.
    let s = path.to_string_lossy().replace('\\', "/");
    let below = root
        .and_then(|root| path.strip_prefix(root).ok())
        .map_or(s.len(), |relative| relative.as_os_str().len());
    // The relative path is the end of the whole one.
    let root_end = s.len().saturating_sub(below);
    let b = s.as_bytes();
    let mut found = None;
    for start in 0..b.len() {
        let starts_run =
            b[start].is_ascii_digit() && (start == 0 || !b[start - 1].is_ascii_digit());
        if starts_run
            && let Some((date, end)) = date_at(b, start)
            && end > root_end
        {
            found = Some(date);
        }
    }
    found
}

/// A date starting at `b[start]`, which begins a run of digits, and where
/// it ends.
fn date_at(b: &[u8], start: usize) -> Option<(NaiveDate, usize)> {
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
            let date = NaiveDate::from_ymd_opt(year, digits(start + 5, 2)?, digits(start + 8, 2)?)?;
            Some((date, start + 10))
        }
        _ => {
            if !ends_run(start + 8) || !COMPACT_YEARS.contains(&year) {
                return None;
            }
            let date = NaiveDate::from_ymd_opt(year, digits(start + 4, 2)?, digits(start + 6, 2)?)?;
            Some((date, start + 8))
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
            assert_eq!(date_from_path(Path::new(input), None), *want, "{input:?}");
        }
    }

    #[test]
    fn a_date_counts_when_it_ends_below_the_corpus_root() {
        let dec_30 = ymd(2024, 12, 30);
        // (corpus root, path, date)
        let cases: &[(&str, &str, Option<NaiveDate>)] = &[
            ("/d/2019-06-01/news", "/d/2019-06-01/news/a.txt", None),
            ("2019/06/01", "2019/06/01/sub/a.txt", None),
            ("./2019-06-01", "./2019-06-01/a.txt", None),
            ("2019-06-01", "2019-06-01/2024/12/30.txt", dec_30),
            ("news", "news/2024-12-30.txt", dec_30),
            ("arch/2024/12", "arch/2024/12/30/crash.txt", dec_30),
            ("arch/2024", "arch/2024/12/30/crash.txt", dec_30),
            ("./arch/2024/12/", "./arch/2024/12/30/crash.txt", dec_30),
            (
                "/x/2019-06-01/arch/2024/12",
                "/x/2019-06-01/arch/2024/12/30/a.txt",
                dec_30,
            ),
            ("/x/2019-06-01/arch", "/x/2019-06-01/arch/a.txt", None),
        ];
        for (root, path, want) in cases {
            let got = date_from_path(Path::new(path), Some(Path::new(root)));
            assert_eq!(got, *want, "{root} {path}");
        }
    }
}
