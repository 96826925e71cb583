//! Dates written as words in a query: `plane crash in December 2024`.
//!
//! Read as words, every one must match, and a story of 2024-12-30 that
//! says "the crash on Wednesday" has neither "December" nor "2024": the
//! query found nothing. A date the tagger reads in the query's plain words
//! becomes a group that matches its words as a phrase, or a passage that
//! mentions a date in it, or one published in it:
//! `plane crash ("in December 2024" OR date:[2024-12-01 TO 2024-12-31] OR
//! published:[2024-12-01 TO 2024-12-31])`. A preposition before the date
//! joins the group and can open a side (`since 2020`, `before March 2003`).
//! Quoted words, field clauses and words with operators stay as written, so
//! `"December 2024"` still searches the words alone.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;

use super::{DateRange, Run, plain_runs};
use crate::corpus::metadate::month_number;
use crate::dates::{self, TimexType, value::calendar_span};

/// A date written in a query, and the days it stands for; serialised as
/// `{"text", "since", "until"}` (`search --format json`, `/api/search`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WrittenDate {
    // In alphabetical order, as `serde_json::Map` writes keys: the CLI
    // writes the struct, the server a `Value`, and both print alike.
    /// The first day meant; `None` leaves the side open.
    pub since: Option<NaiveDate>,
    /// The words as written, with the preposition before them.
    pub text: String,
    /// The last day meant; `None` leaves the side open.
    pub until: Option<NaiveDate>,
    /// Byte range of `text` in the query.
    #[serde(skip)]
    start: usize,
    #[serde(skip)]
    end: usize,
}

/// The dates written in `query`'s plain words, in query order.
pub fn find(query: &str) -> Vec<WrittenDate> {
    plain_runs(query)
        .into_iter()
        .flat_map(|run| dates_in_run(query, run))
        .collect()
}

/// `query` with each of its written dates (`found` by [`find`]) made a
/// group (see the module's comment).
pub fn as_groups<'a>(query: &'a str, found: &[WrittenDate]) -> Cow<'a, str> {
    if found.is_empty() {
        return Cow::Borrowed(query);
    }
    let mut out = String::with_capacity(query.len() + 100 * found.len());
    let mut at = 0;
    for date in found {
        let bound = |d: Option<NaiveDate>| d.map_or_else(|| "*".to_string(), |d| d.to_string());
        let range = format!("[{} TO {}]", bound(date.since), bound(date.until));
        out.push_str(&query[at..date.start]);
        out.push_str(&format!(
            "(\"{}\" OR date:{range} OR published:{range})",
            date.text
        ));
        at = date.end;
    }
    out.push_str(&query[at..]);
    Cow::Owned(out)
}

/// The dates the tagger finds in one run, each widened to the whole words
/// it touches and to a preposition before it.
fn dates_in_run(query: &str, run: Run) -> Vec<WrittenDate> {
    let text = months_capitalised(query, &run);
    let run_start = run[0].0;
    let mut found = Vec::new();
    // Without a publication date, "yesterday" or "December 25" resolve to
    // no day, and `calendar_span` leaves them out.
    for expression in dates::tag(&text, None) {
        if expression.kind != TimexType::Date {
            continue;
        }
        let Some((first, last)) = calendar_span(&expression.value) else {
            continue;
        };
        let (start, end) = (run_start + expression.start, run_start + expression.end);
        // Whole words only: "2024" in `2024-style` is no date, but the
        // comma of `December 2024,` goes with it.
        let Some(first_word) = run.iter().position(|&(s, e)| s <= start && start < e) else {
            continue;
        };
        let Some(last_word) = run.iter().position(|&(s, e)| s < end && end <= e) else {
            continue;
        };
        let (word_start, word_end) = (run[first_word].0, run[last_word].1);
        let trailing = &query[end..word_end];
        if word_start != start
            || !trailing
                .chars()
                .all(|c| matches!(c, '.' | ',' | ';' | '!' | '?'))
        {
            continue;
        }
        if first_word > 0 && names_a_person(query, run[first_word - 1], run[first_word]) {
            continue;
        }
        let preposition = first_word
            .checked_sub(1)
            .map(|i| run[i])
            .filter(|&(s, _)| found.last().is_none_or(|d: &WrittenDate| d.end <= s))
            .and_then(|(s, e)| Some((s, Preposition::of(&query[s..e])?.bounds(first, last))));
        let (start, (since, until)) = preposition.unwrap_or((start, (Some(first), Some(last))));
        // No stored date lies there ("the battle in 1066"): the words stay
        // words, and the range, refused when written, is not made up.
        if crate::indexer::outside_storable(since, until) {
            continue;
        }
        found.push(WrittenDate {
            text: query[start..end].to_string(),
            since,
            until,
            start,
            end: word_end,
        });
    }
    found
}

/// The run's text with each month typed in lower case capitalised, as the
/// tagger reads months only so (in prose, "may" and "march" are words):
/// `crash in december 2024` was read as the year 2024 and the word
/// "december". A month that may end a name typed in lower case ("theresa
/// may 2019") stays as typed, unless a preposition or a day is before it.
/// Capitals take the bytes of the letters they replace, so offsets hold.
fn months_capitalised(query: &str, run: &Run) -> String {
    let run_start = run[0].0;
    let mut text = query[run_start..run[run.len() - 1].1].to_string();
    for (i, &(start, end)) in run.iter().enumerate() {
        let word = query[start..end].trim_end_matches(['.', ',']);
        if month_number(word).is_none() {
            continue;
        }
        let may_end_a_name = matches!(word, "may" | "june" | "april" | "august")
            && i.checked_sub(1).is_some_and(|b| {
                let before = &query[run[b].0..run[b].1];
                Preposition::of(before).is_none() && !before.bytes().all(|c| c.is_ascii_digit())
            });
        if !may_end_a_name {
            let at = start - run_start;
            text.replace_range(at..at + 1, &word[..1].to_ascii_uppercase());
        }
    }
    text
}

/// Whether the month word at `month` ends a person's name with the
/// capitalised word before it: "Theresa May 2019", "Brian May 1975". Such
/// a query keeps its words; read as "May 2019", it left out her stories
/// of other months.
fn names_a_person(query: &str, before: (usize, usize), month: (usize, usize)) -> bool {
    let month = &query[month.0..month.1];
    let before = &query[before.0..before.1];
    let capitalised = |word: &str| word.starts_with(|c: char| c.is_ascii_uppercase());
    matches!(month, "May" | "June" | "April" | "August")
        && capitalised(before)
        && Preposition::of(before).is_none()
}

/// A preposition before a date, as it bounds the days meant.
#[derive(Debug, Clone, Copy)]
enum Preposition {
    /// "in", "on", "during": the date's days.
    Within,
    /// "since", "from": its first day on.
    From,
    /// "after": the day after its last on.
    After,
    /// "before": up to the day before its first.
    Before,
    /// "until", "through": up to its last day.
    Until,
}

impl Preposition {
    /// The preposition `word` is, in any case; `None` for another word.
    fn of(word: &str) -> Option<Preposition> {
        Some(match word.to_lowercase().as_str() {
            "in" | "on" | "during" | "throughout" | "of" => Preposition::Within,
            "since" | "from" => Preposition::From,
            "after" => Preposition::After,
            "before" => Preposition::Before,
            "until" | "till" | "through" => Preposition::Until,
            _ => return None,
        })
    }

    /// The days it makes of a date's `first..=last`.
    fn bounds(self, first: NaiveDate, last: NaiveDate) -> DateRange {
        match self {
            Preposition::Within => (Some(first), Some(last)),
            Preposition::From => (Some(first), None),
            Preposition::After => (last.succ_opt(), None),
            Preposition::Before => (None, first.pred_opt()),
            Preposition::Until => (None, Some(last)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The query with its dates as groups.
    fn grouped(query: &str) -> String {
        as_groups(query, &find(query)).into_owned()
    }

    #[test]
    fn dates_in_words_become_groups_of_words_mentions_and_publication() {
        let cases = [
            (
                "plane crash in December 2024",
                "plane crash (\"in December 2024\" OR date:[2024-12-01 TO 2024-12-31] OR \
                 published:[2024-12-01 TO 2024-12-31])",
            ),
            (
                "Aliyev 2024-12-25",
                "Aliyev (\"2024-12-25\" OR date:[2024-12-25 TO 2024-12-25] OR \
                 published:[2024-12-25 TO 2024-12-25])",
            ),
            (
                "oil since 1986",
                "oil (\"since 1986\" OR date:[1986-01-01 TO *] OR published:[1986-01-01 TO *])",
            ),
            (
                "crash before March 2003",
                "crash (\"before March 2003\" OR date:[* TO 2003-02-28] OR \
                 published:[* TO 2003-02-28])",
            ),
            (
                "strikes in the 1980s",
                "strikes (\"in the 1980s\" OR date:[1980-01-01 TO 1989-12-31] OR \
                 published:[1980-01-01 TO 1989-12-31])",
            ),
            (
                "Aliyev In May 2024",
                "Aliyev (\"In May 2024\" OR date:[2024-05-01 TO 2024-05-31] OR \
                 published:[2024-05-01 TO 2024-05-31])",
            ),
            (
                "Aliyev December 2024",
                "Aliyev (\"December 2024\" OR date:[2024-12-01 TO 2024-12-31] OR \
                 published:[2024-12-01 TO 2024-12-31])",
            ),
            (
                "plane crash in december 2024",
                "plane crash (\"in december 2024\" OR date:[2024-12-01 TO 2024-12-31] OR \
                 published:[2024-12-01 TO 2024-12-31])",
            ),
            (
                "oil since mar 1987",
                "oil (\"since mar 1987\" OR date:[1987-03-01 TO *] OR published:[1987-03-01 TO *])",
            ),
            // Inside a group too, the parentheses touching it or not:
            // `(crash in December 2024)` was read as four words.
            (
                "(crash in December 2024)",
                "(crash (\"in December 2024\" OR date:[2024-12-01 TO 2024-12-31] OR \
                 published:[2024-12-01 TO 2024-12-31]))",
            ),
            (
                "crash OR (summit 2024)",
                "crash OR (summit (\"2024\" OR date:[2024-01-01 TO 2024-12-31] OR \
                 published:[2024-01-01 TO 2024-12-31]))",
            ),
            (
                "talks on December 25, 2024, Baku",
                "talks (\"on December 25, 2024\" OR date:[2024-12-25 TO 2024-12-25] OR \
                 published:[2024-12-25 TO 2024-12-25]) Baku",
            ),
        ];
        for (query, want) in cases {
            assert_eq!(grouped(query), want, "{query}");
        }
    }

    #[test]
    fn syntax_and_dates_without_a_day_stay_as_written() {
        for query in [
            "plane crash",
            "\"December 2024\" crash",
            "published:2024-12 crash",
            "-2024 crash",
            "crash December 25",
            "crash yesterday",
            "Boeing 737",
            "the 2024-style budget",
            "for two years",
            "Theresa May 2019",
            "Brian May 1975 concert",
            // Outside the years the index stores: no stored date is
            // there, and the query was refused for a `date:` range the
            // user never wrote.
            "the battle in 1066",
            "war before 1500",
            "oil after 2300",
        ] {
            assert_eq!(grouped(query), query, "{query}");
        }
    }

    #[test]
    fn the_dates_found_say_what_they_stand_for() {
        let found = find("crash in December 2024 OR summit since 2020");
        let said: Vec<_> = found
            .iter()
            .map(|d| (d.text.as_str(), d.since.map(|d| d.to_string()), d.until))
            .collect();
        assert_eq!(
            said,
            [
                (
                    "in December 2024",
                    Some("2024-12-01".to_string()),
                    NaiveDate::from_ymd_opt(2024, 12, 31)
                ),
                ("since 2020", Some("2020-01-01".to_string()), None),
            ]
        );
    }
}
