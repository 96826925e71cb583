//! Table-driven tests of `tag`: one line per expression family, so adding
//! a case is adding a line.

use super::*;

/// Asserts the exact list of `(text, type, value)` found in `text`.
fn check(text: &str, dct: Option<NaiveDate>, want: &[(&str, &str, &str)]) {
    let got: Vec<(String, &str, String)> = tag(text, dct)
        .into_iter()
        .map(|e| (e.text, e.kind.as_str(), e.value))
        .collect();
    let want: Vec<(String, &str, String)> = want
        .iter()
        .map(|(t, k, v)| (t.to_string(), *k, v.to_string()))
        .collect();
    assert_eq!(got, want, "in {text:?}");
}

const DCT: Option<NaiveDate> = NaiveDate::from_ymd_opt(2024, 12, 30);

#[test]
fn absolute_dates() {
    check(
        "on December 25 we",
        DCT,
        &[("December 25", "DATE", "2024-12-25")],
    );
    check(
        "on December 29 we",
        DCT,
        &[("December 29", "DATE", "2024-12-29")],
    );
    check(
        "Dec. 25, 2024 was",
        DCT,
        &[("Dec. 25, 2024", "DATE", "2024-12-25")],
    );
    check(
        "on 25 December the",
        DCT,
        &[("25 December", "DATE", "2024-12-25")],
    );
    check(
        "dated 2024-12-25 and",
        DCT,
        &[("2024-12-25", "DATE", "2024-12-25")],
    );
    check(
        "dated 12/25/2024 and",
        DCT,
        &[("12/25/2024", "DATE", "2024-12-25")],
    );
    check(
        "in December 2023 we",
        DCT,
        &[("December 2023", "DATE", "2023-12")],
    );
    check("in 1995 the", DCT, &[("1995", "DATE", "1995")]);
    check(
        "in fiscal 1989 the",
        DCT,
        &[("fiscal 1989", "DATE", "1989")],
    );
    check(
        "The Times said on Monday, Oct.\n26, that",
        NaiveDate::from_ymd_opt(1998, 10, 25),
        &[("Monday, Oct.\n26", "DATE", "1998-10-26")],
    );
}

#[test]
fn year_less_dates_without_dct_stay_unresolved() {
    check(
        "on December 25 we",
        None,
        &[("December 25", "DATE", "XXXX-12-25")],
    );
    check(
        "said yesterday",
        None,
        &[("yesterday", "DATE", "XXXX-XX-XX")],
    );
    check("last year", None, &[("last year", "DATE", "XXXX")]);
}

#[test]
fn relative_dates() {
    check(
        "said yesterday",
        DCT,
        &[("yesterday", "DATE", "2024-12-29")],
    );
    check("rose last week", DCT, &[("last week", "DATE", "2024-W52")]);
    check("rose this year", DCT, &[("this year", "DATE", "2024")]);
    check("rose last month", DCT, &[("last month", "DATE", "2024-11")]);
    check(
        "It fell earlier this month.",
        DCT,
        &[("earlier this month", "DATE", "2024-12")],
    );
    check(
        "It met on Monday.",
        DCT,
        &[("Monday", "DATE", "2024-12-30")],
    );
    check(
        "It met on Friday.",
        DCT,
        &[("Friday", "DATE", "2024-12-27")],
    );
    check(
        "It will meet Friday.",
        DCT,
        &[("Friday", "DATE", "2025-01-03")],
    );
    check(
        "It met last Friday.",
        DCT,
        &[("last Friday", "DATE", "2024-12-27")],
    );
    check("two years ago", DCT, &[("two years ago", "DATE", "2022")]);
    check("in the past we", DCT, &[("the past", "DATE", "PAST_REF")]);
    check("is now open", DCT, &[("now", "DATE", "PRESENT_REF")]);
    check("It recently fell", DCT, &[("recently", "DATE", "PAST_REF")]);
    check(
        "It met Wednesday night.",
        DCT,
        &[("Wednesday night", "DATE", "2024-12-25TNI")],
    );
    check("by year-end", DCT, &[("year-end", "DATE", "2024")]);
    check(
        "during the fiscal year",
        DCT,
        &[("the fiscal year", "DATE", "2024")],
    );
    check("for the year", DCT, &[("the year", "DURATION", "P1Y")]);
    check(
        "at Christmas we",
        DCT,
        &[("Christmas", "DATE", "2024-12-25")],
    );
    check(
        "rose this summer",
        DCT,
        &[("this summer", "DATE", "2024-SU")],
    );
}

#[test]
fn decades_quarters_and_centuries() {
    check("in the 1990s we", DCT, &[("the 1990s", "DATE", "199")]);
    check("in the '80s we", DCT, &[("the '80s", "DATE", "198")]);
    check(
        "in the first quarter",
        DCT,
        &[("the first quarter", "DATE", "2024-Q1")],
    );
    check(
        "third-quarter profit",
        DCT,
        &[("third-quarter", "DATE", "2024-Q3")],
    );
    check(
        "the fourth quarter of 2005",
        DCT,
        &[("the fourth quarter of 2005", "DATE", "2005-Q4")],
    );
    check(
        "in the 20th century",
        DCT,
        &[("the 20th century", "DATE", "19")],
    );
    check(
        "in the early 1990s",
        DCT,
        &[("the early 1990s", "DATE", "199")],
    );
}

#[test]
fn times() {
    check(
        "at 3 p.m. Tuesday the",
        DCT,
        &[("3 p.m. Tuesday", "TIME", "2024-12-24T15:00")],
    );
    check(
        "at 10:35 a.m. the",
        DCT,
        &[("10:35 a.m.", "TIME", "2024-12-30T10:35")],
    );
    check(
        "rose this morning",
        DCT,
        &[("this morning", "TIME", "2024-12-30TMO")],
    );
    check(
        "opens tonight",
        DCT,
        &[("tonight", "TIME", "2024-12-30TNI")],
    );
    check(
        "at midnight",
        DCT,
        &[("midnight", "TIME", "2024-12-30T24:00")],
    );
    check(
        "at 18:00 UTC",
        DCT,
        &[("18:00 UTC", "TIME", "2024-12-30T18:00Z")],
    );
}

#[test]
fn durations() {
    check(
        "for three years",
        DCT,
        &[("three years", "DURATION", "P3Y")],
    );
    check(
        "in the past 24 hours",
        DCT,
        &[("the past 24 hours", "DURATION", "PT24H")],
    );
    check("for a decade", DCT, &[("a decade", "DURATION", "P10Y")]);
    check(
        "a six-month delay",
        DCT,
        &[("six-month", "DURATION", "P6M")],
    );
    check(
        "for twenty-four hours",
        DCT,
        &[("twenty-four hours", "DURATION", "PT24H")],
    );
    check(
        "for nearly two years",
        DCT,
        &[("nearly two years", "DURATION", "P2Y")],
    );
    check(
        "the first nine months",
        DCT,
        &[("the first nine months", "DURATION", "P9M")],
    );
    check("for years", DCT, &[("years", "DURATION", "PXY")]);
    check("a 6-year-old boy", DCT, &[]);
}

#[test]
fn sets() {
    check(
        "every Monday",
        DCT,
        &[("every Monday", "SET", "XXXX-WXX-1")],
    );
    check("paid annually", DCT, &[("annually", "SET", "P1Y")]);
    check("each year", DCT, &[("each year", "SET", "P1Y")]);
    check("published daily", DCT, &[("daily", "SET", "P1D")]);
    check("15 a year", DCT, &[("a year", "SET", "P1Y")]);
}

#[test]
fn not_times() {
    check("you may go", DCT, &[]);
    check("they march on", DCT, &[]);
    check("sold 1,995 cars", DCT, &[]);
    check("call 555-1234", DCT, &[]);
    check("a second opinion", DCT, &[]);
}
