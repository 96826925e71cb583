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
        "from 468 mln dlrs in March, 1986.",
        DCT,
        &[("March, 1986", "DATE", "1986-03")],
    );
    check(
        "In nineteen ninety-one Keating",
        DCT,
        &[("nineteen ninety-one", "DATE", "1991")],
    );
    check(
        "January nineteen ninety-seven. Atlanta",
        DCT,
        &[("January nineteen ninety-seven", "DATE", "1997-01")],
    );
    check(
        "in two thousand and eight the",
        DCT,
        &[("two thousand and eight", "DATE", "2008")],
    );
    check(
        "nineteen five-year plans",
        DCT,
        &[("five-year", "DURATION", "P5Y")],
    );
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
    check(
        "on Boxing Day",
        None,
        &[("Boxing Day", "DATE", "XXXX-12-26")],
    );
    check(
        "on Valentine's Day",
        None,
        &[("Valentine's Day", "DATE", "XXXX-02-14")],
    );
    check(
        "on Bastille Day",
        None,
        &[("Bastille Day", "DATE", "XXXX-07-14")],
    );
    check(
        "on Boxing Day",
        DCT,
        &[("Boxing Day", "DATE", "2024-12-26")],
    );
    check("a boxing match", DCT, &[]);
    check("Boxing promoter", DCT, &[]);
    check(
        "on Christmas Day",
        None,
        &[("Christmas Day", "DATE", "XXXX-12-25")],
    );
    check(
        "on Christmas Eve",
        None,
        &[("Christmas Eve", "DATE", "XXXX-12-24")],
    );
    check(
        "on New Year's Day",
        None,
        &[("New Year's Day", "DATE", "XXXX-01-01")],
    );
    check(
        "on New Year's Eve",
        None,
        &[("New Year's Eve", "DATE", "XXXX-12-31")],
    );
    check("at Halloween", None, &[("Halloween", "DATE", "XXXX-10-31")]);
    check("by Easter", None, &[("Easter", "DATE", "XXXX-XX-XX")]);
    check(
        "on Thanksgiving",
        None,
        &[("Thanksgiving", "DATE", "XXXX-XX-XX")],
    );
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
    check(
        "SOWS  45.75  506   WEEK AGO  44.31  478   YEAR AGO  40.11",
        DCT,
        &[],
    );
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
    check("for the year", DCT, &[("the year", "DATE", "2024")]);
    // "The year" naming its year is one date, the year's.
    check(
        "By the year 2050, sea levels will rise.",
        DCT,
        &[("the year 2050", "DATE", "2050")],
    );
    check(
        "built in the year 800 by",
        DCT,
        &[("the year 800", "DATE", "0800")],
    );
    check(
        "The year 1989 saw",
        DCT,
        &[("The year 1989", "DATE", "1989")],
    );
    check(
        "by the year two thousand",
        DCT,
        &[("the year two thousand", "DATE", "2000")],
    );
    check(
        "during the year 1995 we",
        DCT,
        &[("the year 1995", "DATE", "1995")],
    );
    check(
        "in the year ended March 31",
        MID,
        &[
            ("the year", "DURATION", "P1Y"),
            ("March 31", "DATE", "1999-03-31"),
        ],
    );
    check(
        "in the fiscal year ending June 30",
        MID,
        &[
            ("the fiscal year", "DURATION", "P1Y"),
            ("June 30", "DATE", "1999-06-30"),
        ],
    );
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
        "earnings for its fourth quarter fell",
        DCT,
        &[("fourth quarter", "DATE", "2024-Q4")],
    );
    check(
        "as early as next year's first quarter.",
        DCT,
        &[("next year's first quarter", "DATE", "2025-Q1")],
    );
    check(
        "profit in the third quarter fell from last year's quarter",
        DCT,
        &[
            ("the third quarter", "DATE", "2024-Q3"),
            ("last year's quarter", "DATE", "2023-Q3"),
        ],
    );
    check("won a third quarter of the vote", DCT, &[]);
    check(
        "Sales rose in February from the same period last year.",
        DCT,
        &[
            ("February", "DATE", "2024-02"),
            ("the same period last year", "DATE", "2023-02"),
        ],
    );
    check(
        "the third quarter, up from the corresponding quarter a year ago",
        DCT,
        &[
            ("the third quarter", "DATE", "2024-Q3"),
            ("the corresponding quarter a year ago", "DATE", "2023-Q3"),
        ],
    );
    check(
        "in the 20th century",
        DCT,
        &[("the 20th century", "DATE", "19")],
    );
    // A century written with digits needs no "the": "a 20th century
    // democrat"; "its first century" counts its own years, and a
    // century before Christ has no TIMEX3 value of this form.
    check(
        "she is a 20th century democrat",
        DCT,
        &[("20th century", "DATE", "19")],
    );
    check(
        "the fabled 11th century temple",
        DCT,
        &[("11th century", "DATE", "10")],
    );
    check("in its first century of existence", DCT, &[]);
    check("in the Zhou Dynasty (11th Century B.C.)", DCT, &[]);
    check("from the 5th century BC on", DCT, &[]);
    check(
        "in the early 1990s",
        DCT,
        &[("the early 1990s", "DATE", "199")],
    );
}

#[test]
fn temperatures_ages_and_models_are_no_decades() {
    check("Highs 60s-70s. Lows 40s.", DCT, &[]);
    check("lows in the 30s", DCT, &[]);
    check("Temperatures were in the 30s F early", DCT, &[]);
    check("with a high in the upper 60s", DCT, &[]);
    check(
        "Lows near 50 north, 60s extreme south, 50s elsewhere.",
        DCT,
        &[],
    );
    check("A man in his 30s was", DCT, &[]);
    check("playing in their 30s, 40s and 50s.", DCT, &[]);
    check("£100 for the over-70s", DCT, &[]);
    check("its 11 DC-10s and two DC 10-30s", DCT, &[]);
    check("has 10s of thousands of listeners", DCT, &[]);
    // The level of a price, a rate or a reading.
    check("shares traded in the mid-30s", DCT, &[]);
    check("prices in the low 20s", DCT, &[]);
    check("The stock can go to the mid 30s, he said.", DCT, &[]);
    check("prices would rise to the mid 20s, with", DCT, &[]);
    check("the ratio fell from the mid 30s earlier", DCT, &[]);
    check("valued it in the upper 80s to 100 dlrs", DCT, &[]);
    check("Readings will be in the 80s across Arizona.", DCT, &[]);
    check("life expectancy is around the mid-70s", DCT, &[]);
    check(
        "Highs warming by Sat to upper 40s-50s mountains, 60s-70s elsewhere",
        DCT,
        &[],
    );
    check(
        "Shares rose. They were popular in the mid-80s",
        DCT,
        &[("the mid-80s", "DATE", "198")],
    );
    check("in the 80s we", DCT, &[("the 80s", "DATE", "198")]);
    check(
        "inflation was high in the 70s",
        DCT,
        &[("the 70s", "DATE", "197")],
    );
    check(
        "in the 1960s and 70s",
        DCT,
        &[("the 1960s", "DATE", "196"), ("70s", "DATE", "197")],
    );
    check("in the mid-80s", DCT, &[("the mid-80s", "DATE", "198")]);
    check("the sixties", DCT, &[("the sixties", "DATE", "196")]);
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
    check(
        "in camps for 2 1/2 years.",
        DCT,
        &[("2 1/2 years", "DURATION", "P2Y6M")],
    );
    check(
        "about 5 1/2 hours in Nairobi",
        DCT,
        &[("5 1/2 hours", "DURATION", "PT5H30M")],
    );
    check(
        "stay for two more weeks",
        DCT,
        &[("two more weeks", "DURATION", "P2W")],
    );
    check(
        "for a couple of years",
        DCT,
        &[("a couple of years", "DURATION", "P2Y")],
    );
    check(
        "for almost a hundred years",
        DCT,
        &[("almost a hundred years", "DURATION", "P100Y")],
    );
    check(
        "in recent years it",
        DCT,
        &[("recent years", "DATE", "PAST_REF")],
    );
    check(
        "in recent weeks it",
        DCT,
        &[("recent weeks", "DURATION", "PXW")],
    );
    check("a 6-year-old boy", DCT, &[]);
    check("a wage for 16 and 17-year-olds", DCT, &[]);
    check("for all 3 to 14 year-olds", DCT, &[]);
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
    check("Daily average output rose", DCT, &[("Daily", "SET", "P1D")]);
    check("OMAHA DAILY GRAIN PRICES", DCT, &[("DAILY", "SET", "P1D")]);
    check(
        "TAX FREE INCOME FUND\n    Daily div 6.7 cts",
        DCT,
        &[("Daily", "SET", "P1D")],
    );
}

#[test]
fn newspaper_names_are_no_frequency() {
    check("the China Daily said", DCT, &[]);
    check("the People's Daily said", DCT, &[]);
    check("told the Daily Telegraph on", DCT, &[]);
    check("in the New York Daily News.", DCT, &[]);
    check("Daily Mail readers", DCT, &[]);
    check("the China daily output", DCT, &[("daily", "SET", "P1D")]);
    check("15 a year", DCT, &[("a year", "SET", "P1Y")]);
}

#[test]
fn not_times() {
    check("you may go", DCT, &[]);
    check("they march on", DCT, &[]);
    check("sold 1,995 cars", DCT, &[]);
    check("call 555-1234", DCT, &[]);
    check("a second opinion", DCT, &[]);
    check("the now-cancelled deal", DCT, &[]);
    check("Mr. Schwarz, 52 years old, will", DCT, &[]);
}

/// A publication date in the middle of a year, far from both year ends.
const MID: Option<NaiveDate> = NaiveDate::from_ymd_opt(1999, 5, 6);

#[test]
fn deadlines_and_expectations_look_forward() {
    // A Thursday DCT: "until"/"by"/"as soon as" and "expected"/"set to"
    // point at the coming weekday or month, whatever the verb's tense.
    let thursday = NaiveDate::from_ymd_opt(2008, 9, 18);
    check(
        "Markets were closed until Friday.",
        thursday,
        &[("Friday", "DATE", "2008-09-19")],
    );
    check(
        "INS extended its deadline until 9 a.m. EST Tuesday.",
        thursday,
        &[("9 a.m. EST Tuesday", "TIME", "2008-09-23T09:00")],
    );
    check(
        "They left as soon as Tuesday, officials said.",
        thursday,
        &[("Tuesday", "DATE", "2008-09-23")],
    );
    check(
        "The trial is set to begin on Wednesday.",
        thursday,
        &[("Wednesday", "DATE", "2008-09-24")],
    );
    check(
        "The three were expected to join in April.",
        NaiveDate::from_ymd_opt(1998, 12, 5),
        &[("April", "DATE", "1999-04")],
    );
    check(
        "Flights doubled by August.",
        NaiveDate::from_ymd_opt(1998, 2, 13),
        &[("August", "DATE", "1998-08")],
    );
    // ... but not in the past perfect.
    check(
        "Two members had filed reports by Wednesday.",
        thursday,
        &[("Wednesday", "DATE", "2008-09-17")],
    );
    check(
        "It had been due to expire Friday.",
        thursday,
        &[("Friday", "DATE", "2008-09-12")],
    );
}

#[test]
fn year_less_days_lean_to_the_past() {
    // Half a year ahead or half a year back: news reports the past.
    check(
        "since shortly after the Oct. 23 slaying",
        MID,
        &[("Oct. 23", "DATE", "1998-10-23")],
    );
    check(
        "He was last seen Nov. 3, officials say",
        MID,
        &[("Nov. 3", "DATE", "1998-11-03")],
    );
    // A near date ahead stays ahead, and a future tense looks forward.
    check(
        "The meeting on June 20 is open",
        MID,
        &[("June 20", "DATE", "1999-06-20")],
    );
    check(
        "He will succeed him on Oct. 23",
        MID,
        &[("Oct. 23", "DATE", "1999-10-23")],
    );
    // A bare month one or two ahead stays ahead even in a past sentence.
    check(
        "It announced a cutback in June.",
        MID,
        &[("June", "DATE", "1999-06")],
    );
    check(
        "It announced a cutback in August.",
        MID,
        &[("August", "DATE", "1998-08")],
    );
}

#[test]
fn month_of_a_relative_year() {
    check(
        "renewed after October of next year",
        MID,
        &[
            ("October", "DATE", "2000-10"),
            ("next year", "DATE", "2000"),
        ],
    );
    check(
        "In July last year, he",
        MID,
        &[("July last year", "DATE", "1998-07")],
    );
}

/// A year-less day followed by a year relative to publication takes that
/// year: "by October 1 this year" in a story of March 1987 was read as the
/// nearest October 1, in 1986.
#[test]
fn day_of_a_relative_year() {
    let march_1987 = NaiveDate::from_ymd_opt(1987, 3, 3);
    // (text, the day, its value)
    let cases = [
        (
            "likely to fall sharply by October 1 this year",
            "October 1",
            "1987-10-01",
        ),
        (
            "the vote is due on October 1 next year",
            "October 1",
            "1988-10-01",
        ),
        (
            "talks open on October 1 of this year",
            "October 1",
            "1987-10-01",
        ),
        (
            "the plant shut on 1 February last year",
            "1 February",
            "1986-02-01",
        ),
        (
            "the law applies from 1 February next year",
            "1 February",
            "1988-02-01",
        ),
        // "Last year's" belongs to the noun after it: the day is the
        // nearest.
        (
            "the company said on March 1 last year's profit was restated",
            "March 1",
            "1987-03-01",
        ),
        (
            "the company said on March 1 last year\u{2019}s profit was restated",
            "March 1",
            "1987-03-01",
        ),
    ];
    for (text, day, value) in cases {
        let got: Vec<(String, String)> = tag(text, march_1987)
            .into_iter()
            .map(|e| (e.text, e.value))
            .collect();
        assert!(
            got.contains(&(day.to_string(), value.to_string())),
            "in {text:?}: {got:?}"
        );
    }
}

#[test]
fn the_day_is_the_last_day_named() {
    check(
        "Stocks fell on Monday. The Dow ended the day lower.",
        NaiveDate::from_ymd_opt(2009, 2, 24),
        &[
            ("Monday", "DATE", "2009-02-23"),
            ("the day", "DATE", "2009-02-23"),
        ],
    );
    check(
        "October 10, 2008\nAfter a fall at the start of the day, stocks rose.",
        NaiveDate::from_ymd_opt(2008, 10, 20),
        &[
            ("October 10, 2008", "DATE", "2008-10-10"),
            ("the start of the day", "DATE", "2008-10-10"),
        ],
    );
    // Without a day named before, the DCT's.
    check(
        "The Dow ended the day lower.",
        NaiveDate::from_ymd_opt(2009, 2, 24),
        &[("the day", "DATE", "2009-02-24")],
    );
}

/// Mentions as real news writes them, one row each:
/// `publication date | text | expressions`, the expressions written
/// `text = TYPE value` and joined by "; " (none after the bar expects none).
const NEWS: &[&str] = &[
    // A week or month up to a day is a span, not the DCT's; "the week of"
    // a day is that day's week, "the month of February" February.
    "1987-03-24 | The API reported crude runs 154,000 b/d higher for the week ended March 13. | the week = DURATION P1W; March 13 = DATE 1987-03-13",
    "1987-04-08 | Dutch seasonally adjusted unemployment rose in the month to end-March to a total 693,000. | the month = DURATION P1M; end-March = DATE 1987-03",
    "1987-03-12 | Chrysler Motors said it will put four of its U.S. assembly plants on overtime during the week of March 16. | the week of March 16 = DATE 1987-W12",
    "1987-03-24 | NASDAQ said short interest totaled 184.9 mln shares compared to 215.7 mln shares for the month of February. | February = DATE 1987-02",
    "1987-03-24 | Prices fell during the week of the crash. | the week = DATE 1987-W13",
    // A meeting in the present tense is scheduled.
    "2006-12-14 | European Union leaders meet Friday for the last time as a group of 25. | Friday = DATE 2006-12-15",
    "1987-06-02 | The Bundesbank is unlikely to change credit policies when its central bank council meets on Thursday for its last session. | Thursday = DATE 1987-06-04",
    "2005-12-04 | The trial of Iraq's former dictator Saddam Hussein resumes on Monday with mounting pressure. | Monday = DATE 2005-12-05",
    "1987-03-25 | The union agreed to meet on Monday. | Monday = DATE 1987-03-23",
    // A meet a noun phrase ends is a sports event, no meeting to come.
    "2006-03-15 | Smith won the 100 metres at the track meet on Saturday. | Saturday = DATE 2006-03-11",
    "2006-03-15 | She swam at an indoor swim meet on Saturday. | Saturday = DATE 2006-03-11",
    "2006-03-15 | The two leaders meet on Saturday. | Saturday = DATE 2006-03-18",
    // "The previous month" after a month the sentence named is the one before it.
    "1987-03-27 | The index rose 0.3 pct in February from the previous month. | February = DATE 1987-02; the previous month = DATE 1987-01",
    "1987-03-20 | GDP rose 0.3 pct in the fourth quarter of 1986 from 114.5 in the previous quarter. | the fourth quarter of 1986 = DATE 1986-Q4; the previous quarter = DATE 1986-Q3",
    "1987-03-02 | It raised its dividend from the 42 cts paid in the previous quarter. | the previous quarter = DATE 1986-Q4",
    "2005-11-16 | Sales in September rose 0.6 percent from the previous month and 7.8 percent from the same month last year. | September = DATE 2005-09; the previous month = DATE 2005-08; the same month last year = DATE 2004-09",
    // A past verb right before a day has it behind.
    "2006-11-16 | The tariff, which took effect on Jan. 1, cut its share. | Jan. 1 = DATE 2006-01-01",
    "2005-11-13 | The treaty was signed on December 28. | December 28 = DATE 2004-12-28",
    "2005-11-13 | The treaty will be signed on December 28. | December 28 = DATE 2005-12-28",
    "2005-11-13 | It would be made before the price was announced on December 28. | December 28 = DATE 2005-12-28",
    "2005-11-13 | Shares registered on December 28 get one right. | December 28 = DATE 2005-12-28",
    // The report after a quotation does not date the quoted words.
    "1997-04-07 | \"Three new models would penetrate into 60 countries from June,\" the spokesman said. | June = DATE 1997-06",
    "1987-02-26 | He repeated an earlier projection that third-quarter earnings \"will probably be off slightly\" from last year's 40 cts. | third-quarter = DATE 1987-Q3; last year = DATE 1986",
    // "The plan", "his plan": a plan named is no verb of the future.
    "1987-03-17 | South Korea unveiled the plan in November. | November = DATE 1986-11",
    "1987-03-11 | Nakasone vowed yesterday to press on with his plan despite Sunday's unexpected Upper House by-election defeat. | yesterday = DATE 1987-03-10; Sunday = DATE 1987-03-08",
    "1987-02-26 | bankers said there are no plans for Funaro to meet commercial bankers during his trip to Washington on Friday. | Friday = DATE 1987-02-27",
    // A row of a table is columns, no date: a contract month, volumes.
    "1987-03-02 | SEP    26     1799   up    21\nOCT     3     1244   up     2 |",
    "1987-03-02 | They met on December\n25, 1986 in Paris. | December\n25, 1986 = DATE 1986-12-25",
    "1987-03-02 | Pay  Aug  14, 1987 | Aug  14, 1987 = DATE 1987-08-14",
    "1987-03-02 | swings.  The NYSE traded on December\n19, at the close. | December\n19 = DATE 1986-12-19",
    // A range's first month or day takes the year written after its end.
    "2005-12-12 | acting from November 20 to November 21, 1991 at the farm | November 20 = DATE 1991-11-20; November 21, 1991 = DATE 1991-11-21",
    "1987-04-13 | bought shares between February 18 and February 21, 1986, selling | February 18 = DATE 1986-02-18; February 21, 1986 = DATE 1986-02-21",
    "2005-11-28 | the expo will be held from May 1 to October 31, 2010, in Shanghai | May 1 = DATE 2010-05-01; October 31, 2010 = DATE 2010-10-31",
    "1987-06-18 | with completion due April-May 1988. | April = DATE 1988-04; May 1988 = DATE 1988-05",
    "1987-03-12 | shipments during January/November 1986 totalled | January = DATE 1986-01; November 1986 = DATE 1986-11",
    "1987-03-23 | stock splits in April and July, 1986 | April = DATE 1986-04; July, 1986 = DATE 1986-07",
    "1987-03-24 | from 238.1 billion in January-June 1985. | January = DATE 1985-01; June 1985 = DATE 1985-06",
    "1987-03-02 | in the season from December through February 1987 | December = DATE 1986-12; February 1987 = DATE 1987-02",
    // The halves and quarters of a game, and the rounds of a cup, are no
    // time of the calendar; those of a company's or a market's year are.
    "2006-12-11 | he scored on a seven-yard run with 23 seconds left in the second quarter | 23 seconds = DURATION PT23S",
    "2005-11-05 | Chinese Taipei out-scored the South Korean side 14-6 in the fourth quarter to seal a final berth. |",
    "2006-12-30 | The referee called a halt about 15 minutes into the second half with the scores level. | 15 minutes = DURATION PT15M",
    "2006-11-04 | Claus Jensen's deflected second-half strike awarded Fulham a 1-0 victory. |",
    "2005-12-14 | Australia, upset by Canada in the quarter-finals, finished fifth. |",
    "2006-12-20 | Liverpool will play Arsenal in the last quarter-final on January 9. | January 9 = DATE 2007-01-09",
    "2006-11-09 | profits grew 9.93 percent in the first half, 1.22 percentage points higher than in 2005. | the first half = DATE 2006-H1; 2005 = DATE 2005",
    "2006-11-09 | The index gained 1,200 points in the first half of the year. | the first half = DATE 2006-H1; the year = DATE 2006",
    "2005-11-01 | Viacom reported third-quarter earnings of 45 cents a share. | third-quarter = DATE 2005-Q3",
    "1987-03-26 | It expects a loss of 19-24 cts a share for the first quarter ending March 31. | the first quarter = DATE 1987-Q1; March 31 = DATE 1987-03-31",
    // A quarter of something is a fraction, not three months: "a quarter
    // of its staff", "three-quarters of its food", "a quarter percentage
    // point", "a quarter stake". Quarters of time stay durations.
    "1987-03-09 | Iomega Corp said it has laid off over a quarter of its professional staff. |",
    "1990-08-15 | Iraq imports about three-quarters of its foodstuffs. |",
    "1989-10-27 | It plans to eliminate 789, or about a quarter, of its 3,200 dealers by early 1990. | early 1990 = DATE 1990",
    "2005-11-01 | The Fed raised the rate by another one quarter percentage point to 4 percent. |",
    "2005-02-01 | Euronext has a quarter stake in Clearnet. |",
    "2005-02-01 | The Fed would raise rates by a quarter of a percentage point. |",
    "2005-02-01 | Profits were lower than in the preceding three quarters. | three quarters = DURATION P3Q",
    "2008-11-18 | Japan is in recession after two consecutive quarters of contraction. | two consecutive quarters = DURATION P2Q",
    "2008-11-18 | Sales fell in two quarters of the year. | two quarters = DURATION P2Q; the year = DATE 2008",
    // "The latest period" of an earnings report is the quarter it
    // reports; without a quarter named it is no date.
    "1989-11-02 | Net rose in the fourth quarter. Sales in the latest period were $1.76 billion. | the fourth quarter = DATE 1989-Q4; the latest period = DATE 1989-Q4",
    "1989-11-02 | Third-quarter net fell. The latest period had profit from continuing operations. | Third-quarter = DATE 1989-Q3; The latest period = DATE 1989-Q3",
    "1989-11-02 | The latest period of unrest began in the north. |",
    // A race's time is no time of day.
    "2006-12-02 | Mita set the fastest qualifying time of 2:00.44 ahead of Pan. |",
    "2005-11-03 | Uchitomi came second in 8:45.47 and Wu was third. |",
    "2005-11-03 | The shops opened at 8:45. Sales rose. | 8:45 = TIME 2005-11-03T08:45",
    // A time of day is on the day written after it, also past "on", a
    // clock in another zone or "local time".
    "2006-11-24 | The blast occurred at 10:00 a.m. (0200 GMT) Saturday. | 10:00 a.m. = TIME 2006-11-18T10:00; 0200 GMT = TIME 2006-11-18T02:00Z; Saturday = DATE 2006-11-18",
    "2006-11-14 | He was arrested at 11:45 a.m. on Nov. 5 in Paris. | 11:45 a.m. = TIME 2006-11-05T11:45; Nov. 5 = DATE 2006-11-05",
    "1987-03-13 | The strike begins at midnight on Sunday. | midnight = TIME 1987-03-15T24:00; Sunday = DATE 1987-03-15",
    "2005-11-14 | It hit at 2:00 a.m. local time Tuesday. | 2:00 a.m. = TIME 2005-11-08T02:00; Tuesday = DATE 2005-11-08",
    "1987-06-18 | It closed at 3 p.m. and reopened on Monday. | 3 p.m. = TIME 1987-06-18T15:00; Monday = DATE 1987-06-15",
    // "A year earlier" is a year before the year its sentence named, if any.
    "1987-03-05 | Exports rose to 22,068 tonnes in 1986 from 20,430 a year earlier, it said. | 1986 = DATE 1986; a year earlier = DATE 1985",
    "1987-03-02 | Output fell in the fourth quarter. The deflator rose 2.2 pct in 1986 after a 3.3 pct rise a year earlier. | the fourth quarter = DATE 1986-Q4; 1986 = DATE 1986; a year earlier = DATE 1985",
    "1987-03-27 | Sales in February rose 3.7 pct from a year earlier. | February = DATE 1987-02; a year earlier = DATE 1986",
    "1987-03-27 | The index (base 1985) fell to 106.7 in February compared with 102.9 a year earlier. | 1985 = DATE 1985; February = DATE 1987-02; a year earlier = DATE 1986",
    "1987-06-01 | Sales rose five pct in 1987/88 from a year earlier. | 1987 = DATE 1987; 88 = DATE 1988; a year earlier = DATE 1986",
    "1987-01-27 | Use was 993,156 tonnes, against 1.20 mln in December and 896,718 a year earlier. | December = DATE 1986-12; a year earlier = DATE 1986",
    "1987-03-27 | Sales rose in 1986. They were 3.7 pct above a year earlier. | 1986 = DATE 1986; a year earlier = DATE 1986",
    "1987-03-27 | Sales were up 3.7 pct in 1986 from two years earlier. | 1986 = DATE 1986; two years earlier = DATE 1984",
    // "The previous year" counts from the year its sentence named, as "a
    // year earlier" does; "the following year", "that year" and "the same
    // year" from the year the story named last, never from the
    // publication date. Without one named, "the previous year" is the
    // publication's, and "that year" no date.
    "1987-03-11 | Net earnings fell to 200,000 dlrs in 1986 from 52.2 mln dlrs the previous year. | 1986 = DATE 1986; the previous year = DATE 1985",
    "1987-03-20 | Bad debts rose in 1986 to 187.6 mln rand from 162.1 mln rand in the prior year. | 1986 = DATE 1986; the prior year = DATE 1985",
    "1987-03-20 | Sales rose in 1986. Profit rose from the previous year. | 1986 = DATE 1986; the previous year = DATE 1986",
    "2024-12-30 | Sales rose 5% from the previous year. | the previous year = DATE 2023",
    "1998-04-18 | On May 22, 1995, Farkas was made a general, and the following year he was appointed attache. | May 22, 1995 = DATE 1995-05-22; the following year = DATE 1996",
    "2005-03-01 | The party did return in 2002. The following year Bournemouth hosted the event. | 2002 = DATE 2002; The following year = DATE 2003",
    "1989-11-02 | Imports totaled $37.3 million in 1988, a small share of the $1.5 billion in watch imports that year. | 1988 = DATE 1988; that year = DATE 1988",
    "2000-01-28 | He fled to Florida in June 1998 and returned to Cuba later that year. | June 1998 = DATE 1998-06; later that year = DATE 1998",
    "2005-03-01 | She won an award in 2000. But in the same year she took a break. | 2000 = DATE 2000; the same year = DATE 2000",
    "2005-03-01 | That year was good for us. |",
    // So do the days of a story: "that day", "the same day", "the
    // following day" count from the day it named last.
    "2009-04-04 | Stocks posted gains on Friday, despite a report released on the same day. | Friday = DATE 2009-04-03; the same day = DATE 2009-04-03",
    "1999-10-24 | Slepian was killed on Oct. 23, 1998. Earlier that day, the family sent a fax. | Oct. 23, 1998 = DATE 1998-10-23; Earlier that day = DATE 1998-10-23",
    "2010-05-07 | Shares plunged on Thursday. By the following day the theory had been abandoned. | Thursday = DATE 2010-05-06; the following day = DATE 2010-05-07",
    "1987-03-20 | He arrived on March 2, 1986 and left the next day. | March 2, 1986 = DATE 1986-03-02; the next day = DATE 1986-03-03",
    "1987-03-20 | Talks ended on Monday. A deal was signed the previous day. | Monday = DATE 1987-03-16; the previous day = DATE 1987-03-15",
    "2024-12-30 | They will meet again the next day. | the next day = DATE 2024-12-31",
    "2024-12-30 | We will never forget that day. |",
    // A day that recurs ("pays annual interest on the same day") or is
    // placed in another year ("matures on that day in 1992") is no day
    // of the story.
    "1987-03-19 | Investors will pay for the bond on April 9, and the bond pays annual interest on the same day. It matures on that day in 1992. | April 9 = DATE 1987-04-09; 1992 = DATE 1992",
    "1987-04-08 | Miners were offered a paid holiday on May 1 or a premium of their monthly pay for working that day. | May 1 = DATE 1987-05-01; monthly = SET P1M; that day = DATE 1987-05-01",
    "2024-12-30 | Shares fell on Monday. The broker said that day traders sold. | Monday = DATE 2024-12-30",
    // "The same year that ..." is the year of what follows.
    "2005-03-01 | They lost in 1987. The same year that England ruled, Wales lost. | 1987 = DATE 1987",
    // "The last day of" a year or month is its end; of anything else, no
    // day before the publication date.
    "1987-06-01 | On the last day of 1986, Uccel completed the buyouts. | the last day of 1986 = DATE 1986-12-31",
    "1987-03-06 | Cash rose in the last week of February to 121.5 billion. | the last week of February = DATE 1987-W09",
    "1987-06-01 | During the last week of April, silver futures traded up. | the last week of April = DATE 1987-W18",
    "2009-04-01 | car sales rebounded in the last week of March. | the last week of March = DATE 2009-W13",
    "1987-03-27 | Delegates want an agreement today, the last day of the meeting. | today = DATE 1987-03-27",
    "1987-03-17 | It exported 17,000 tonnes in the last quarter of 1986. | the last quarter = DATE 1986-Q4; 1986 = DATE 1986",
    // A holiday without a year is the nearest one, ahead or behind.
    "1987-02-26 | The panel will consider it by Easter. | Easter = DATE 1987-04-19",
    "1987-03-05 | It pledged to act before Easter. | Easter = DATE 1987-04-19",
    "1987-10-19 | Sales rose ahead of Christmas. | Christmas = DATE 1987-12-25",
    "2005-01-05 | Strikes over Christmas hit sales. | Christmas = DATE 2004-12-25",
    "2005-01-05 | At Easter he went home. | Easter = DATE 2004-04-11",
    "1987-03-09 | Toys will be on the shelves for Christmas. | Christmas = DATE 1987-12-25",
    "2005-03-01 | sales over Christmas 2004 fell | Christmas 2004 = DATE 2004-12-25",
    "2005-03-01 | lit up like Christmas trees |",
    // A movable feast in a sentence that looks ahead is the coming one.
    "2005-11-20 | He hopes to return home for Easter. | Easter = DATE 2006-04-16",
    "2005-11-20 | The new law comes into force at Easter. | Easter = DATE 2006-04-16",
    "2005-11-20 | The chancellor wants to publish the bill before Easter. | Easter = DATE 2006-04-16",
    // A number outside 1900-2099 is a year only where history or the
    // future is written: "in 1848", "by 2100"; levels and table cells are not.
    "1987-04-07 | the index hit a new high of 2188 versus 2179 |",
    "1987-03-30 | the market can hold in the low to mid 2200 area |",
    "1987-04-07 | the index hit a new high of 1757 from Friday's 1753 finish | Friday = DATE 1987-04-03",
    "2005-03-01 | a curfew between 2200 and 0700 |",
    "1987-04-07 | Platinum   ----   2226\n Copper   ---   1000 |",
    "2005-03-01 | the war of 1812 | 1812 = DATE 1812",
    "2005-03-01 | loan collateral between 1831 and 1865 | 1831 = DATE 1831; 1865 = DATE 1865",
    "2005-03-01 | sea levels will rise by 2100 | 2100 = DATE 2100",
    // A holiday's name is matched whole: "Good Friday" is no plain Friday.
    "1987-04-13 | futures will expire Thursday because of the Good Friday holiday | Thursday = DATE 1987-04-16; Good Friday = DATE 1987-04-17",
    "2005-03-01 | It was a good Friday for stocks. | Friday = DATE 2005-02-25",
    "2024-12-30 | Crowds gathered on Easter Sunday and Easter Monday. | Easter Sunday = DATE 2024-03-31; Easter Monday = DATE 2024-04-01",
    "2024-12-30 | On Palm Sunday the march began. | Palm Sunday = DATE 2024-03-24",
    "2000-04-17 | travel during Easter week | Easter week = DATE 2000-W16",
    "2005-03-01 | They sailed to Easter Island. |",
    "1987-04-24 | the driving season, which begins Memorial Day weekend | Memorial Day = DATE 1987-05-25",
    "1987-04-08 | mines could face a May Day work stoppage | May Day = DATE 1987-05-01",
    "2024-12-30 | Markets close on Martin Luther King Jr. Day and Presidents Day 2025. | Martin Luther King Jr. Day = DATE 2025-01-20; Presidents Day 2025 = DATE 2025-02-17",
    "2024-12-30 | St. Patrick’s Day and Valentine’s Day | St. Patrick’s Day = DATE 2025-03-17; Valentine’s Day = DATE 2025-02-14",
    // A day some countries keep on other dates is left untagged.
    "2005-03-01 | the Independence Day parade |",
    // A day that names a newspaper or a programme is no date.
    "2005-03-01 | He told the Sunday Times on Friday. | Friday = DATE 2005-02-25",
    "2005-03-01 | the Sunday Telegraph reported |",
    "2005-03-01 | He told BBC Radio 4's Today programme. |",
    "2005-03-01 | He said it on Sunday. | Sunday = DATE 2005-02-27",
    "2005-03-01 | She spoke Today at noon. | Today = DATE 2005-03-01; noon = TIME 2005-03-01T12:00",
    // Noon or midnight after a day is the time on that day.
    "2006-03-15 | The talks resumed on Monday noon. | Monday noon = TIME 2006-03-13T12:00",
    "2006-03-15 | The offer expires at Friday midnight. | Friday midnight = TIME 2006-03-17T24:00",
    "2006-03-15 | Prices fell by yesterday noon. | yesterday noon = TIME 2006-03-14T12:00",
    // A day that names a political camp is no date.
    "2006-11-06 | the Lebanese parliament majority, or March 14 Forces on the other | ",
    "2006-11-21 | one of the leaders of the March 14 movement | ",
    "2006-11-21 | the anti-Syrian March 14 alliance said it would march | ",
    // The decimals of a number count nothing.
    "1987-03-05 | a minimum life of 13.9 years and |",
    "2005-03-01 | in 9.87 seconds |",
    "2005-03-01 | for 3 years | 3 years = DURATION P3Y",
    // "year-on-year" compares periods; it is no time.
    "1987-03-05 | a year-on-year rise of 23.3 pct |",
    "1987-03-05 | The year-on-year rise in February | February = DATE 1987-02",
    "1987-03-05 | after 15 consecutive year-on-year drops |",
    "2005-03-01 | sales rose 5% month-over-month |",
    // A weekday takes the tense of the verb of its own clause.
    "1987-03-23 | Conable arrived here on Saturday and will have talks with Suharto. | Saturday = DATE 1987-03-21",
    "1987-03-19 | He told the IMF executive board on Wednesday that he planned to leave. | Wednesday = DATE 1987-03-18",
    "1987-06-29 | The plant was removed from service Sunday due to a leaking pipe. | Sunday = DATE 1987-06-28",
    "1987-04-27 | His demand when he arrives for talks on Wednesday would be the lifting of tariffs. | Wednesday = DATE 1987-04-29",
    "1987-10-19 | The Chicago Board of Trade is slated to hold a briefing on Tuesday. | Tuesday = DATE 1987-10-20",
    "1987-10-20 | Stoltenberg is due to attend a routine Bundesbank meeting on Thursday. | Thursday = DATE 1987-10-22",
    // "due to" a cause carries no tense.
    "1987-10-19 | The currency's decline was due to remarks on Sunday by James Baker, dealers said. | Sunday = DATE 1987-10-18",
    // A possessive weekday names a reported event.
    "1987-03-11 | Rates look set to move lower even after Monday's half-point cut. | Monday = DATE 1987-03-09",
    "1987-03-09 | 15,000 people left homeless by thursday's earthquake, which will cost Ecuador dearly | thursday = DATE 1987-03-05",
    "1987-04-09 | The market may be wary of selling dollars before Tuesday's trade data. | Tuesday = DATE 1987-04-14",
    "1987-06-01 | a decision until after Thursday's cabinet meeting | Thursday = DATE 1987-06-04",
    // Scheduled events in the present tense look forward.
    "1987-03-11 | an option which expires in October | October = DATE 1987-10",
    "1987-03-02 | the Geneva Auto Show which opens on Thursday | Thursday = DATE 1987-03-05",
    // A range of days is two days, as the TimeML gold tags it; the second
    // takes the month and year of the first, or the first those of the second.
    "1999-02-10 | It was held March 3-5. | March 3 = DATE 1999-03-03; 5 = DATE 1999-03-05",
    "1999-02-10 | NATO meets April 24 and 25 in Washington. | April 24 = DATE 1999-04-24; 25 = DATE 1999-04-25",
    "1999-02-10 | It was held 3-5 March. | 3 = DATE 1999-03-03; 5 March = DATE 1999-03-05",
    "1999-02-10 | Talks run Dec. 7 to 9, 2024, in Paris. | Dec. 7 = DATE 2024-12-07; 9, 2024 = DATE 2024-12-09",
    "1999-02-10 | It ran from March 3 \u{2013} 5. | March 3 = DATE 1999-03-03; 5 = DATE 1999-03-05",
    // ... but not a day followed by an amount.
    "1999-02-10 | On March 3 and 25 people died. | March 3 = DATE 1999-03-03",
    "1999-02-10 | It rose on March 3 to 5.2 pct. | March 3 = DATE 1998-03-03",
    "1999-02-10 | It rose on March 3 to 5 from 4. | March 3 = DATE 1998-03-03",
    // A present copula that names a weekday states a schedule: the coming day.
    "2005-03-01 | The vote is on Thursday. | Thursday = DATE 2005-03-03",
    "2005-03-01 | The meeting is on Friday. | Friday = DATE 2005-03-04",
    "2005-03-01 | Talks are scheduled for Monday. | Monday = DATE 2005-03-07",
    "2005-03-01 | Talks are set for Monday. | Monday = DATE 2005-03-07",
    "2005-03-01 | The deadline is Tuesday. | Tuesday = DATE 2005-03-01",
    "2005-03-01 | The talks are on Thursday and Friday. | Thursday = DATE 2005-03-03; Friday = DATE 2005-03-04",
    "2005-03-01 | The vote was on Thursday. | Thursday = DATE 2005-02-24",
    "2005-03-01 | He said on Thursday that the vote is over. | Thursday = DATE 2005-02-24",
    // A deadline with "by" is past when its clause reports it met.
    "2008-09-18 | The contract was signed by Monday. | Monday = DATE 2008-09-15",
    "2008-09-18 | The work had been completed by Monday. | Monday = DATE 2008-09-15",
    "1987-03-28 | Workers walked out after management failed to come to an agreement by Thursday. | Thursday = DATE 1987-03-26",
    "1987-03-13 | But by Wednesday, the dollar climbed to 1.87 marks. | Wednesday = DATE 1987-03-11",
    // ... and ahead when a condition, an infinitive or an -ing form looks forward.
    "2008-09-18 | He said that if the dispute was not settled by Monday he would act. | Monday = DATE 2008-09-22",
    "2008-09-18 | He asked them to reply by Monday. | Monday = DATE 2008-09-22",
    "2008-09-18 | They remained confident about reaching agreement by Friday. | Friday = DATE 2008-09-19",
    "2008-09-18 | They said that if service is restored by Friday there is no problem. | Friday = DATE 2008-09-19",
    "1987-03-05 | By this Friday, sources estimated a further 233,600 tonnes will be shipped. | this Friday = DATE 1987-03-06",
    // A report closing the sentence does not date the day its clause names.
    "1987-03-03 | Delegates will decide on controls when they vote on the policy Wednesday, the council said. | Wednesday = DATE 1987-03-04",
    "1987-03-11 | NYNEX will file its comments with the U.S. District Court on Friday, he said. | Friday = DATE 1987-03-13",
    "1987-03-11 | NYNEX filed its comments on Friday, he said. | Friday = DATE 1987-03-06",
    // A moved event and a settlement day lie ahead.
    "1987-03-02 | Talks have been rescheduled for Thursday, a spokesman said. | Thursday = DATE 1987-03-05",
    "1987-03-27 | The Treasury issued two tranches of stocks, for first dealings on Monday, the Bank said. | Monday = DATE 1987-03-30",
    "1987-04-03 | It called 92 pct of the balances, for payment Monday. | Monday = DATE 1987-04-06",
    "1987-03-16 | Workers voted Sunday to strike the plant, effective Tuesday. | Sunday = DATE 1987-03-15; Tuesday = DATE 1987-03-17",
    "1987-03-15 | He prepared for the third week of talks starting Monday. | Monday = DATE 1987-03-16",
    "1987-03-02 | He said Reagan will address the nation in a nationally televised speech Wednesday night. | Wednesday night = DATE 1987-03-04TNI",
    // A headline's weekday takes the tense of the story's mention of it,
    // or looks ahead after a headline's "to".
    "1987-03-05 | U.S. TO SET DUTIES MONDAY\n\nThe department on Monday will set duties. | MONDAY = DATE 1987-03-09; Monday = DATE 1987-03-09",
    "1987-03-24 | TAIWAN TENDERING THURSDAY FOR CORN\n\nTaiwan will tender Thursday for corn. | THURSDAY = DATE 1987-03-26; Thursday = DATE 1987-03-26",
    "1987-03-17 | REAGAN TO HOLD NEWS CONFERENCE THURSDAY\n\nReagan spoke. | THURSDAY = DATE 1987-03-19",
    "1987-03-17 | Talks resumed Thursday\n\nThe talks resumed on Thursday. | Thursday = DATE 1987-03-12; Thursday = DATE 1987-03-12",
    // A week written after the weekday places it.
    "1987-03-05 | He said the dispute had to be settled by Monday this week. | Monday = DATE 1987-03-02; this week = DATE 1987-W10",
    "1987-04-02 | The action started on Wednesday last week, he said. | Wednesday = DATE 1987-03-25; last week = DATE 1987-W13",
    "1987-04-21 | Companies closed on Friday of last week. | Friday = DATE 1987-04-17; last week = DATE 1987-W16",
    "1987-03-04 | It will be detailed on Tuesday next week. | Tuesday = DATE 1987-03-10; next week = DATE 1987-W11",
    // A month goods ship or a contract falls due in is the coming one.
    "1987-03-30 | Makers bought U.S. Corn last week for July/September shipment, traders said. | last week = DATE 1987-W13; July = DATE 1987-07; September = DATE 1987-09",
    "1987-04-07 | The key July delivery traded at 573.50 dlrs. | July = DATE 1987-07",
    "1987-06-18 | Cotton for December delivery was 1.35 cents higher. | December = DATE 1987-12",
    "1987-11-07 | It sold cargoes for October shipment. | October = DATE 1987-10",
    "1987-01-07 | It sold cargoes for December shipment. | December = DATE 1986-12",
    "1987-02-26 | There was a 6.9 pct drop in January shipments. | January = DATE 1987-01",
    // A lowercase "may" is the modal: it looks ahead, or back before "have".
    "1987-03-20 | Fundamentals may provide the direction in futures on Monday, they said. | Monday = DATE 1987-03-23",
    "1987-06-19 | OPEC may need to hold a meeting in September. | September = DATE 1987-09",
    "1987-03-12 | Growth in the fourth quarter may have been boosted. | the fourth quarter = DATE 1986-Q4",
    "1987-04-13 | The setback in Sunday's local elections may force the government to act. | Sunday = DATE 1987-04-12",
    // Four-digit clock times, quantities and index levels are no years.
    "1987-04-07 | a vertical depth of 750 and 1200 feet |",
    "1987-04-07 | LEAD - 1550 tonnes mainly carries cash nil |",
    "1987-03-12 | the index was 4.7 off at 1984.5 |",
    "1987-03-20 | It will raise the price of its 1987 cars. | 1987 = DATE 1987",
    "1987-03-11 | debentures due 1992 to 1700 CDT April 24 | 1992 = DATE 1992; 1700 CDT April 24 = TIME 1987-04-24T17:00",
    // A four-digit number before a plural of people or things counts them.
    "1999-05-06 | The firm had 2000 employees in 1999. | 1999 = DATE 1999",
    "1999-05-06 | 2000 people died in the floods. |",
    "1999-05-06 | It sold 1500 cars. |",
    "1999-05-06 | He met 1999 delegates. |",
    "1999-05-06 | the 2006 men's volleyball final | 2006 = DATE 2006",
    "2005-03-01 | the record of the awesome 1967 tourists | 1967 = DATE 1967",
    "2006-12-20 | to revalidate 2002/2003 voters cards | 2002 = DATE 2002; 2003 = DATE 2003",
    "1987-03-02 | Debt stood at 3 bln at end-1986 and will rise by end-March. | end-1986 = DATE 1986; end-March = DATE 1987-03",
    "1987-03-02 | Sales to end-users rose. |",
    "1987-03-02 | exports in the 1986/87 season | 1986 = DATE 1986; 87 = DATE 1987",
    "1987-03-02 | It sold 1999/99 and 1986/88 lots. | 1999 = DATE 1999; 1986 = DATE 1986",
    "1999-12-02 | the 1999/00 budget | 1999 = DATE 1999; 00 = DATE 2000",
    "1999-05-06 | It was founded in 2000 by him. | 2000 = DATE 2000",
    "1999-05-06 | The 2000 election was close. | 2000 = DATE 2000",
    "1999-05-06 | 2000 was a good year for it. | 2000 = DATE 2000",
    "1999-05-06 | Profits will double by 2025, it said. | 2025 = DATE 2025",
    "1999-05-06 | It grew in the 1990s. | the 1990s = DATE 199",
    // A four-digit clock reading beside a zone, a unit or another reading is a time.
    "1987-03-26 | an evening session between 1800 and 2100 local time | 1800 = TIME 1987-03-26T18:00; 2100 local time = TIME 1987-03-26T21:00",
    "1987-03-02 | trades entered by 1000 London time | 1000 London time = TIME 1987-03-02T10:00",
    "1987-03-26 | The council meets at 2100 hrs. | 2100 hrs = TIME 1987-03-26T21:00",
    "1987-03-26 | A meeting is set for 1900 hours local. | 1900 hours local = TIME 1987-03-26T19:00",
    "1987-03-26 | Trading halts after 1530 and resumes at 1600 GMT. | 1530 = TIME 1987-03-26T15:30; 1600 GMT = TIME 1987-03-26T16:00Z",
    "1987-03-26 | It opens at 0930. | 0930 = TIME 1987-03-26T09:30",
    // ... and without a cue, a year, as in a history.
    "1987-03-26 | The Spanish arrived after 1530. | 1530 = DATE 1530",
    "1987-03-26 | It flew for more than 1500 hours of tests. | more than 1500 hours = DURATION PT1500H",
    "1987-03-26 | The pilots logged 1500 hours in the new jet. | 1500 hours = DURATION PT1500H",
    "1987-03-26 | The tanker was hit at 1715 hours on March 21. | 1715 hours = TIME 1987-03-21T17:15; March 21 = DATE 1987-03-21",
    // A year before its unit names that year, as earnings tables write it.
    "1987-03-02 | NOTE: 1986 year includes 53 weeks. | 1986 year = DATE 1986; 53 weeks = DURATION P53W",
    "1987-03-02 | It lost 26 cts in the fourth quarter and 30 cts in the 1985 quarter. | the fourth quarter = DATE 1986-Q4; the 1985 quarter = DATE 1985-Q4",
    "1987-03-02 | 1986 quarter net includes a tax credit. | 1986 quarter = DATE 1986-Q4",
    "1987-06-02 | Growth was slow in the first 1987 quarter. | the first 1987 quarter = DATE 1987-Q1",
    "1987-03-19 | Exports rose in February from the same 1986 month. | February = DATE 1987-02; 1986 month = DATE 1986-02",
    "1987-03-19 | It was below each of the last six 1986 months. |",
    // ... and, a counterpart itself, it leaves the quarter reported on in place.
    "1987-03-02 | Net fell in the fourth quarter from the 1985 quarter. Sales in the quarter rose. | the fourth quarter = DATE 1986-Q4; the 1985 quarter = DATE 1985-Q4; the quarter = DATE 1986-Q4",
    "1987-03-19 | The camp has stood for 2000 years. | 2000 years = DURATION P2000Y",
    // "The fall" in economic news is mostly a decline, not the season.
    "1987-03-23 | Banks moved to stem the fall in oil prices. |",
    "1987-03-23 | The fall was due to the yen's rise, dealers said. |",
    "1987-03-23 | It fell after the fall of the party leader. |",
    "1987-03-23 | Weak exports were blamed for the fall. |",
    "1987-03-23 | Feed needs rose because of the fall and winter. | the fall = DATE 1986-FA",
    "1987-03-23 | Output will rise in the fall to a rate of 20 mln. | the fall = DATE 1987-FA",
    "1987-03-23 | Feed needs rose because of the cold in the fall and winter. | the fall = DATE 1986-FA",
    "1987-03-23 | Sales fell last fall. | last fall = DATE 1986-FA",
    // "Current account" is a balance, not the present.
    "1987-03-23 | The current account deficit widened. |",
    "1987-03-23 | Current assets rose. |",
    "1987-03-23 | The current crop is larger. | current = DATE PRESENT_REF",
    // A decimal after a month is its figure, not a day.
    "1987-03-09 | Japan Feb surplus 7.38 billion dlrs (Jan 4.95 billion) | Jan = DATE 1987-01",
    "1987-03-09 | Wheat prev 39.9, Feb 48.7, March 13.2, Apr 10.0 | Feb = DATE 1987-02; Apr = DATE 1987-04",
    "1987-03-09 | It closed on March 13. Then it rose. | March 13 = DATE 1987-03-13",
    // A month listed after another follows it.
    "1987-04-07 | It sought the release of wheat in May and June, sources said. | May = DATE 1987-05; June = DATE 1987-06",
    "1987-03-23 | It is for delivery in April, May, June and July, traders said. | April = DATE 1987-04; May = DATE 1987-05; June = DATE 1987-06; July = DATE 1987-07",
    "1987-08-20 | Imports rose between December and February, it said. | December = DATE 1986-12; February = DATE 1987-02",
    // "year-ago" and "year-earlier" before a noun are one word, a year before
    // the period reported on: not "the year" (this one) nor "a year" (a span).
    "1987-03-02 | It earned 1.5 mln dlrs in the fourth quarter. The year-earlier figure excluded a gain. | the fourth quarter = DATE 1986-Q4; year-earlier = DATE 1985-Q4",
    "1987-03-05 | It had fourth quarter profit of 122 mln dlrs compared to a year-ago loss of 49 mln dlrs. | fourth quarter = DATE 1986-Q4; year-ago = DATE 1985-Q4",
    "1987-03-12 | February's retail sales were 4.4 pct above the year-ago level. | February = DATE 1987-02; year-ago = DATE 1986-02",
    "1987-02-26 | It compared with 84,250 tonnes in the year-ago week. | the year-ago week = DATE 1986-W09",
    "1987-03-02 | Volume declined 14 pct from the year-ago month. | the year-ago month = DATE 1986-02",
    "1987-03-02 | Sales rose in the year-ago period. | the year-ago period = DATE 1985-Q4",
    "1987-03-16 | It reported 1986 net earnings of 4.2 mln dlrs, compared to a year-ago loss of 1.5 mln dlrs. | 1986 = DATE 1986; year-ago = DATE 1985",
    // A bare ordinal opening a sentence or a table's line is a quarter or
    // half, not a fraction, and the period a year-earlier figure counts back from.
    "1987-04-09 | because of its fiscal 1986 writedown.\n    First quarter revenues fell to 14.7 mln dlrs from\nyear-earlier 29.8 mln. | fiscal 1986 = DATE 1986; First quarter = DATE 1987-Q1; year-earlier = DATE 1986-Q1",
    "1987-04-29 | First quarter exports increased 12.7 pct to 63.2 billion baht compared with 56.1 billion a year ago. | First quarter = DATE 1987-Q1; a year ago = DATE 1986-Q1",
    "1987-03-23 | Margins will be down slightly, it said. Second half sales are expected to be stronger. | Second half = DATE 1987-H2",
    // A half with its year needs no article: "for second half 1987".
    "1987-06-29 | OPEC decided to cut planned output levels for second half 1987, traders said. | second half 1987 = DATE 1987-H2",
    "1987-06-29 | Output in first half of 1988 will fall. | first half of 1988 = DATE 1988-H1",
    "1987-03-25 | First quarter 1987 results include West Virginia Power. | First quarter 1987 = DATE 1987-Q1",
    // ... reporting results, so a quarter still ahead is last year's.
    "1987-03-20 | NOTE: Company incorporated in June 1985.\n    Fourth quarter loss 895,000 dlrs. | June 1985 = DATE 1985-06; Fourth quarter = DATE 1986-Q4",
    "1987-03-12 | The adjusted surplus fell to 7.4 billion from 9.1 billion.\n    Fourth quarter medium and long-term foreign debt repayments exceeded new credits. | Fourth quarter = DATE 1986-Q4",
    // A sentence that names a whole year of results compares it with the
    // year before, not with the quarter reported on a year back.
    "1987-03-05 | It reported fourth quarter net of 43.8 mln dlrs. Full-year earnings totaled 2.9 mln dlrs against a year-earlier loss of 1.5 mln dlrs. | fourth quarter = DATE 1986-Q4; year-earlier = DATE 1985",
    "1987-04-08 | It earned 1.2 mln dlrs in the fourth quarter. For the fiscal year ended March 31, net rose to 5.5 mln dlrs from year-ago 4.1 mln dlrs. | the fourth quarter = DATE 1986-Q4; the fiscal year = DURATION P1Y; March 31 = DATE 1987-03-31; year-ago = DATE 1986",
    "1987-06-01 | Toshiba expects a group net profit of 38 billion yen for the year ending March 31, 1988, up 11.2 pct from a year earlier. | the year = DURATION P1Y; March 31, 1988 = DATE 1988-03-31; a year earlier = DATE 1987",
    "1987-04-01 | World group net profit fell to 370.1 mln marks in the year ended September 1986 from 472.4 mln a year earlier. | the year = DURATION P1Y; September 1986 = DATE 1986-09; a year earlier = DATE 1985",
    // Nor is a span of months that ends on a day or in a year written a
    // quarter: it looks back to the year before the one it ends in.
    "1987-03-25 | It earned 1.2 mln dlrs in the fourth quarter. Earnings rose to 92.8 mln dlrs in the nine months ended January 31 from year-earlier 78 mln dlrs. | the fourth quarter = DATE 1986-Q4; the nine months = DURATION P9M; January 31 = DATE 1987-01-31; year-earlier = DATE 1986",
    "1987-03-26 | BHP said net in the first half ended November 30 amounted to 397.0 mln dlrs, sharply down from 589.3 mln a year earlier. | the first half = DATE 1987-H1; November 30 = DATE 1986-11-30; a year earlier = DATE 1985",
    "1987-03-25 | Sales in the second half of fiscal 1986 rose from a year earlier. | the second half of fiscal 1986 = DATE 1986-H2; a year earlier = DATE 1985",
    "1987-03-13 | Sales fell in the fourth quarter. The quota is 93,000 tonnes, up from 83,000 in the second half of 1986/87 and 85,000 a year earlier. | the fourth quarter = DATE 1986-Q4; the second half of 1986 = DATE 1986-H2; 87 = DATE 1987; a year earlier = DATE 1986",
    // Only within the comparison's sentence, which a full stop after a
    // short word ("mths.") ends too.
    "1987-03-02 | It lost 1.2 mln dlrs in the fourth quarter after a writedown for 12 mths.\n    Year-ago shr data restated. | the fourth quarter = DATE 1986-Q4; 12 mths = DURATION P12M; Year-ago = DATE 1985-Q4",
    // A part of the year is no whole year: the quarter stays the guide.
    "1987-04-08 | It earned 1.2 mln dlrs in the fourth quarter. Sales in the first month of its fiscal year rose from a year earlier. | the fourth quarter = DATE 1986-Q4; a year earlier = DATE 1985-Q4",
    // Inside a sentence a bare ordinal stays a fraction.
    "1987-03-09 | It sold a third quarter of its stake. |",
    "1987-03-09 | Revenue, third quarter of the total, came from Japan. |",
    // The day a period "ended" on is past, or at most a fortnight ahead.
    "1987-03-24 | For the year ended June 28, Flowers earned 29.5 mln dlrs. | the year = DURATION P1Y; June 28 = DATE 1986-06-28",
    "1989-11-01 | In the fiscal year ended Jan. 31, it reported sales of 59.5 mln dlrs. | the fiscal year = DURATION P1Y; Jan. 31 = DATE 1989-01-31",
    "2005-03-20 | Profits for the year ended on 30 June rose. | the year = DURATION P1Y; 30 June = DATE 2004-06-30",
    "1987-04-23 | Economists expect M-1 for the week ended April 29 to rise. | the week = DURATION P1W; April 29 = DATE 1987-04-29",
    "1987-03-24 | The year ending June 28 will be good. | The year = DURATION P1Y; June 28 = DATE 1987-06-28",
    // "The quarter ended" a day is the three months before it, whichever
    // quarter of the year the story named before.
    "1987-03-02 | It earned 1.3 mln dlrs in the fourth quarter. Orders in the quarter ended Jan 31 rose 15 pct. | the fourth quarter = DATE 1986-Q4; the quarter = DATE 1986-Q4; Jan 31 = DATE 1987-01-31",
    "1987-03-18 | Output rose 1.8 pct in the quarter to September. | the quarter = DATE 1986-Q3; September = DATE 1986-09",
    "1987-06-19 | In the quarter ended August 30, 1986, it earned 1 mln dlrs. | the quarter = DATE 1986-Q3; August 30, 1986 = DATE 1986-08-30",
    "1989-10-26 | It had sales of $538.5 million for the quarter ended Sept. 29, up 39%. | the quarter = DATE 1989-Q3; Sept. 29 = DATE 1989-09-29",
    "1987-03-03 | It expects revenues for the quarter ending March 31 to rise. | the quarter = DATE 1987-Q1; March 31 = DATE 1987-03-31",
    // The September 11 of the attacks is 2001's, whenever the story.
    "2005-12-16 | It refused to hand over bin Laden for the September 11 attacks on New York. | September 11 = DATE 2001-09-11",
    "2006-11-16 | said Regenhard, who lost her son on Sept. 11 terror attacks | Sept. 11 = DATE 2001-09-11",
    "2005-06-01 | after the 11 September attacks | 11 September = DATE 2001-09-11",
    "- | he performed after the September 11 attacks | September 11 = DATE 2001-09-11",
    "2005-12-16 | He will visit Washington on September 11, officials said. | September 11 = DATE 2005-09-11",
    // "The year before" is the year before the one reported on.
    "1987-03-11 | Net profit fell in 1986 from 2.10 billion the year before. | 1986 = DATE 1986; the year before = DATE 1985",
    "1987-06-11 | Its 1987 net will be level with 1.63 billion the year earlier, it said. | 1987 = DATE 1987; the year earlier = DATE 1986",
    "1987-07-11 | Exports were much lower than the year before. | the year before = DATE 1986",
    // "is to" plans: the coming day.
    "1989-10-27 | The stock is being traded in London and is to resume trading in Paris Tuesday. | Tuesday = DATE 1989-10-31",
    // A headline's weekday over a dateline of another day is its own day.
    "2008-09-18 | Russian markets to remain closed until Friday\nSeptember 18, 2008\nThe government | Friday = DATE 2008-09-19; September 18, 2008 = DATE 2008-09-18",
    "1987-03-02 | The talks ended on Friday,\nMarch 6, 1987. | Friday,\nMarch 6, 1987 = DATE 1987-03-06",
    // A clause of time in the present simple looks ahead.
    "1987-03-31 | It is held by the Belgians until the Danes take over in July. | July = DATE 1987-07",
    "1987-09-30 | It was held by the Belgians until the Danes took over in July. | July = DATE 1987-07",
    "1987-06-29 | Kuwait exceeded its quota, and it could pump more when a new export pipeline comes on stream in September. | September = DATE 1987-09",
    "1987-10-20 | The poll, taken after the close of stock trading on Monday, showed 58 pct. | Monday = DATE 1987-10-19",
    "1987-03-04 | Results are for the time after change in fiscal year end to December 31 from August 31. | year end = DATE 1987; December 31 = DATE 1986-12-31; August 31 = DATE 1986-08-31",
    // A sentence ends after "ago.": the next one has its own tense.
    "1987-06-29 | The plant shut two years ago. In September the old smelter at the site resumes output. | two years ago = DATE 1985; September = DATE 1987-09",
    // A quarter that ended on a day with its year written is that year's.
    "1987-04-07 | It lost 1.8 mln dlrs in the second quarter ended March 29, 1986. | the second quarter = DATE 1986-Q2; March 29, 1986 = DATE 1986-03-29",
    "1987-03-09 | It may break even in the second quarter ending March 28, 1987. | the second quarter = DATE 1987-Q2; March 28, 1987 = DATE 1987-03-28",
    // A day that names a political camp is no date, with the camp's name a
    // few words on after "the".
    "2006-11-21 | the March 14 anti-Syrian alliance said it would march | ",
    "2006-11-21 | the March 14 parliamentary majority met | ",
    "2006-03-20 | On March 14 rebel forces attacked. | March 14 = DATE 2006-03-14",
    // A half of a month or of a statement period is no half-year.
    "1987-03-09 | The dollar traded steadily through the first half of December. | December = DATE 1986-12",
    "1987-04-03 | It points to growth in the first half of 2.5-3.0 pct. | the first half = DATE 1987-H1",
    "1987-03-13 | Growth will be 3.5 pct in the first half of the year. | the first half = DATE 1987-H1; the year = DATE 1987",
    // "a better tomorrow" is the future, no day, and so no day "the day"
    // refers to.
    "2005-11-28 | Nie wished Hong Kong a better tomorrow. They visited the park earlier in the day. | tomorrow = DATE FUTURE_REF; the day = DATE 2005-11-28",
    "1987-03-09 | The commission will approve it at a meeting tomorrow. | tomorrow = DATE 1987-03-10",
    // "The prior week" of weekly figures is the week before the one that
    // ended on the day named.
    "1987-03-05 | Claims fell to 332,900 in the week ended Feb 21 from 368,400 in the prior week. | the week = DURATION P1W; Feb 21 = DATE 1987-02-21; the prior week = DATE 1987-W07",
    "1987-03-05 | It was 3,014,400 in the week ended Feb 14, the latest figure. That was up from 2,997,800 the previous week. | the week = DURATION P1W; Feb 14 = DATE 1987-02-14; the previous week = DATE 1987-W06",
    "1987-03-05 | Sales were higher than in the previous week. | the previous week = DATE 1987-W09",
    // "The week" of a weekly report is the week that ended on the day named.
    "1987-04-02 | Corn was shipped in the week ended March 26. There were no wheat shipments during the week. | the week = DURATION P1W; March 26 = DATE 1987-03-26; the week = DATE 1987-W13",
    "1987-04-02 | There were no wheat shipments during the week. | the week = DATE 1987-W14",
    // "The previous month" with no month in its sentence counts from the
    // month the story reports on, the latest it named.
    "1987-03-24 | Reserves totalled 91 billion in January, against 93 billion in December. Gold reserves were unchanged from the previous month. | January = DATE 1987-01; December = DATE 1986-12; the previous month = DATE 1986-12",
    "1987-03-02 | It paid 5.7 cts a share compared with 5.6 cts for the previous month. | the previous month = DATE 1987-02",
    // A wire slug's time stamp is no year.
    "1987-04-07 | The long bond fell. (MRUA 2019, NYFK 2009) | ",
    "1987-04-07 | CONSUMER PRICES (BASE 1967 EQUALS 100) | 1967 = DATE 1967",
    // A weekday listed after "tomorrow" is still to come.
    "1987-04-07 | He said if he fails in talks tomorrow and Friday he will seek more. | tomorrow = DATE 1987-04-08; Friday = DATE 1987-04-10",
];

/// Quarters and halves as news codes and abbreviations write them:
/// `published | text | expression = TYPE value; ...`.
const CODES: &[&str] = &[
    // A code without a year resolves as "the third quarter" does.
    "1987-10-20 | Its Q3 net rose 12 pct. | Q3 = DATE 1987-Q3",
    "1987-03-02 | It lost money in Q4. | Q4 = DATE 1986-Q4",
    "1987-03-02 | It expects a profit in Q4. | Q4 = DATE 1987-Q4",
    "1987-03-02 | Results for the Q1 were good. | the Q1 = DATE 1987-Q1",
    "2005-02-10 | Sales in Q4 2004 rose. | Q4 2004 = DATE 2004-Q4",
    "2005-02-10 | Sales in Q4 of 2004 rose. | Q4 of 2004 = DATE 2004-Q4",
    "1996-08-28 | Sales rose in Q1 '96. | Q1 '96 = DATE 1996-Q1",
    "1987-06-02 | 2Q 1987 profit was lower. | 2Q 1987 = DATE 1987-Q2",
    "1987-03-02 | It posted 4Q86 net of 3 mln dlrs. | 4Q86 = DATE 1986-Q4",
    "1987-03-02 | It said fiscal Q3 net fell. | fiscal Q3 = DATE 1986-Q3",
    "1987-03-02 | It said fiscal 1986 Q4 net fell. | fiscal 1986 Q4 = DATE 1986-Q4",
    "2005-02-10 | Growth slowed from Q1-Q3 2004. | Q1 = DATE 2004-Q1; Q3 2004 = DATE 2004-Q3",
    // Halves need a year or a period's place: "H2" is also hydrogen.
    "1996-08-28 | It posts a net drop in H1 96 . | H1 96 = DATE 1996-H1",
    "1996-08-28 | Deutsche Bahn H1 pre-tax profit up 17.5 pct . | H1 = DATE 1996-H1",
    "1996-08-28 | Lenzing expects negative results in H2 . | H2 = DATE 1996-H2",
    "2005-02-10 | Profit in 1H2004 doubled. | 1H2004 = DATE 2004-H1",
    "2005-02-10 | The H2 fuel cell car. |",
    "2005-02-10 | He drove H2 cars. |",
    // Not codes: initials, car models, visas, table highs, lowercase.
    "2005-02-10 | Q. Smith said. |",
    "2012-05-01 | Audi Q3 sales rose. |",
    "2009-05-01 | He applied for an H1-B visa. |",
    "1987-03-02 | MAY7 159 1/2H 159 1/4L |",
    "2005-02-10 | the q4 file |",
    "2005-02-10 | Q9 and 5Q |",
    "1996-08-28 | It rose in Q2 45 pct. | Q2 = DATE 1996-Q2",
    // Reuters' abbreviations: "qtr", "4TH QTR", "1st half".
    "1987-03-02 | BROWN-FORMAN INC <BFD> 4TH QTR NET | 4TH QTR = DATE 1986-Q4",
    "1987-03-02 | NOTE: Fourth qtr net includes a gain. | Fourth qtr = DATE 1986-Q4",
    "1987-03-03 | Most of the benefit will be in the fourth qtr. | the fourth qtr = DATE 1987-Q4",
    "1987-10-20 | TRIBUNE CO 3RD QTR SHR 42 CTS VS 1.53 DLRS | 3RD QTR = DATE 1987-Q3",
    "1987-03-02 | Net loss for 4th qtr 1986 includes a charge. | 4th qtr 1986 = DATE 1986-Q4",
    "1987-03-02 | NOTE: 1985 4th qtr and year net include a gain. | 1985 4th qtr = DATE 1985-Q4",
    "1987-03-04 | versus 2.9 mln dlrs in 1985's fourth qtr | 1985's fourth qtr = DATE 1985-Q4",
    "1987-03-25 | Revs 24.1 mln vs 16.0 mln\n    1st half\n    Shr 61 cts | 1st half = DATE 1987-H1",
    "1987-03-02 | Nine mths\n    Shr 2.10 dlrs vs 1.73 dlrs | Nine mths = DURATION P9M",
    // A year after the written quarter is its year.
    "1987-04-13 | GDP growth in fourth quarter 1986 was zero. | fourth quarter 1986 = DATE 1986-Q4",
    "1987-03-02 | Growth in fiscal 1987 fourth quarter slowed. | fiscal 1987 fourth quarter = DATE 1987-Q4",
];

#[test]
fn quarter_and_half_codes() {
    check_rows(CODES);
}

#[test]
fn news() {
    check_rows(NEWS);
}

/// "The year" of a results story is the year it reports on, which the
/// year-end results of the winter name (`grammar/year_reported.rs`); what
/// is still to come keeps the DCT's.
const YEAR_REPORTED: &[&str] = &[
    "1987-03-02 | Hartford said higher worldwide premiums help boost net income for the 1986 fourth quarter to 88.6 mln dlrs. For the full year, Hartford said it earned 329 mln dlrs. | the 1986 fourth quarter = DATE 1986-Q4; the full year = DATE 1986",
    "1987-03-20 | World Airways, had a 1986 net loss of 469.3 mln dlrs, compared with a profit of 38.7 mln dlrs in 1985. It said the airline's operating loss for the year was 325.5 mln dlrs compared with a operating profit of 196.5 mln dlrs in 1985. | 1986 = DATE 1986; 1985 = DATE 1985; the year = DATE 1986; 1985 = DATE 1985",
    // Later in the year the year in figures is the story's own.
    "1987-06-18 | Saudi oil reserves rose in 1986. West Germany appeared likely to finish the year with the lowest growth rate. | 1986 = DATE 1986; the year = DATE 1987",
    "1987-02-26 | In 1986 ChemLawn earned 1.19 dlrs per share for the full year, and 2.58 dlrs in the fourth quarter. | 1986 = DATE 1986; the full year = DATE 1986; the fourth quarter = DATE 1986-Q4",
    "1987-03-12 | NOTE: 1986 excludes extraordinary gain of two cts per share in the quarter and four cts per share in the year. | 1986 = DATE 1986; the quarter = DATE 1986-Q4; the year = DATE 1986",
    "1989-10-26 | comparable periods in 1988, when year-end net was below the 1987 level. | 1988 = DATE 1988; year-end = DATE 1988; 1987 = DATE 1987",
    // The year written after it is the year.
    "1987-03-09 | For the full year 1986 the index, base 1963, stood at 166. | the full year 1986 = DATE 1986; 1963 = DATE 1963",
    "1987-06-18 | At year-end 1986, the firm had 261.5 mln dlrs of capital. | year-end 1986 = DATE 1986",
    // Twelve months up to a month are a span, as "the year ended" is.
    "1987-03-04 | Consumer prices rose by 16.1 pct in the year to January. | the year = DURATION P1Y; January = DATE 1987-01",
    "1987-03-26 | Japan's plan to cut beef intervention prices for the fiscal year starting April 1 | the fiscal year = DURATION P1Y; April 1 = DATE 1987-04-01",
    // What is still to come, or runs to now, is the DCT's year.
    "1987-03-05 | Midway's fourth quarter loss widened. Traffic for the year-to-date advanced 17.7 pct. | fourth quarter = DATE 1986-Q4; the year = DATE 1987",
    "1987-03-25 | Shipments fell in the fourth quarter. Order receipts could result in a five to eight pct increase in industry shipments for the full year, he said. | the fourth quarter = DATE 1986-Q4; the full year = DATE 1987",
    "1987-03-24 | Vista earned 30.2 mln dlrs in fiscal 1986. Vista said sales for the year are expected to be comparable. | fiscal 1986 = DATE 1986; the year = DATE 1987",
    "1987-03-30 | In a statement following the release of its 1986 results, IT stated that the current year had started well. | 1986 = DATE 1986; the current year = DATE 1987",
    "1987-03-09 | Exchange members reported record fourth quarter volume. They have been discussing a single structure since the beginning of the year. | fourth quarter = DATE 1986-Q4; the beginning of the year = DATE 1987",
    "1987-04-08 | America West's fourth quarter loss narrowed. For the first three months of the year available miles totaled 2.04 billion. | fourth quarter = DATE 1986-Q4; the first three months = DURATION P3M; the year = DATE 1987",
    "1987-03-12 | Tonka's fourth quarter net rose. Retailers order and stock conservatively early in the year. | fourth quarter = DATE 1986-Q4; the year = DATE 1987",
    // "Of" opening the text leaves no word before it to read.
    "1987-03-02 | Of the year little was said. | the year = DATE 1987",
];

#[test]
fn year_reported() {
    check_rows(YEAR_REPORTED);
}

/// Checks rows of `published | text | expression = TYPE value; ...`.
fn check_rows(rows: &[&str]) {
    for row in rows {
        let mut fields = row.splitn(3, " |").map(str::trim);
        let (dct, text, want) = (fields.next(), fields.next(), fields.next());
        let (Some(dct), Some(text)) = (dct, text) else {
            panic!("malformed row {row:?}");
        };
        let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok();
        let got: Vec<String> = tag(text, dct)
            .into_iter()
            .map(|e| format!("{} = {} {}", e.text, e.kind.as_str(), e.value))
            .collect();
        assert_eq!(got.join("; "), want.unwrap_or(""), "in {text:?}");
    }
}

/// Property tests: no input panics, and every expression is a well-formed,
/// in-bounds, ordered span of its text.
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn check_spans(text: &str, published: Option<NaiveDate>) {
        let found = tag(text, published);
        let mut last_end = 0;
        for e in &found {
            assert!(e.start < e.end, "{e:?}");
            assert!(e.end <= text.len(), "{e:?}");
            assert!(
                text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
                "{e:?}"
            );
            assert!(e.start >= last_end, "overlapping or unordered: {e:?}");
            assert_eq!(&text[e.start..e.end], e.text);
            assert!(!e.value.is_empty(), "{e:?}");
            last_end = e.end;
        }
    }

    /// Words that steer the grammar, so random text reaches deep into the rules.
    const VOCAB: &[&str] = &[
        "the",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "-",
        ".",
        ",",
        "'",
        ":",
        "/",
        "December",
        "Dec",
        "May",
        "Friday",
        "Fri",
        "25",
        "2024",
        "99999",
        "0",
        "31",
        "30",
        "February",
        "quarter",
        "third",
        "year",
        "years",
        "ago",
        "earlier",
        "a",
        "p.m.",
        "a.m.",
        "12",
        "00",
        "every",
        "each",
        "nearly",
        "more",
        "than",
        "week",
        "weekend",
        "1990s",
        "'80s",
        "nineties",
        "twenty",
        "four",
        "hours",
        "fiscal",
        "of",
        "Christmas",
        "New",
        "Year's",
        "Day",
        "Eve",
        "summer",
        "morning",
        "tonight",
        "now",
        "\u{e9}",
        "\u{1F600}",
        "\n",
        " ",
        "year-ago",
        "Q4",
        "4Q86",
        "H1",
        "1H",
        "QTR",
        "4th",
        "'s",
        "/",
    ];

    fn vocab_text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(VOCAB), 0..40).prop_map(|words| {
            let mut s = String::new();
            for (i, w) in words.iter().enumerate() {
                // Glue some tokens, space others, to cover both paths.
                if i % 3 != 0 {
                    s.push(' ');
                }
                s.push_str(w);
            }
            s
        })
    }

    fn dct() -> impl Strategy<Value = Option<NaiveDate>> {
        prop_oneof![
            Just(None),
            (1i32..=9999, 1u32..=12, 1u32..=28)
                .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            Just(NaiveDate::MIN.into()),
            Just(NaiveDate::MAX.into()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn arbitrary_strings_never_panic(text in any::<String>(), published in dct()) {
            check_spans(&text, published);
        }

        #[test]
        fn time_vocabulary_never_panics(text in vocab_text(), published in dct()) {
            check_spans(&text, published);
        }
    }

    #[test]
    fn absurd_dates_are_rejected_or_clamped() {
        let published = NaiveDate::from_ymd_opt(2024, 12, 30);
        for text in [
            "February 30",
            "Feb. 30, 2024",
            "2024-02-30",
            "year 99999",
            "99999-12-25",
            "31/31/2024",
            "25:99 p.m.",
        ] {
            for e in tag(text, published) {
                assert!(!e.value.contains("-02-30"), "{text}: {e:?}");
                assert!(!e.value.contains("99999"), "{text}: {e:?}");
            }
        }
    }
}
