//! How the passages matching a filter spread over time: counts per day,
//! week, month, quarter or year of the dates they mention or of their
//! publication.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;
use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DateTime, DocId, Score, SegmentOrdinal, SegmentReader};

use super::{Filter, build_query};
use crate::error::Result;
use crate::indexer::to_day;
use crate::store::NewsIndex;

/// The width of a timeline bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Week,
    #[default]
    Month,
    /// Calendar quarters, as results and economic figures are reported.
    Quarter,
    Year,
}

impl Granularity {
    /// The buckets, as a count names them: "3 months".
    pub fn plural(self) -> &'static str {
        match self {
            Granularity::Day => "days",
            Granularity::Week => "weeks",
            Granularity::Month => "months",
            Granularity::Quarter => "quarters",
            Granularity::Year => "years",
        }
    }
}

/// Which dates a timeline counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeField {
    /// Dates the passages mention ("on December 25").
    #[default]
    Mentioned,
    /// The articles' publication dates.
    Published,
}

/// One bar of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bucket {
    /// First day of the bucket.
    pub start: NaiveDate,
    /// `2024-12-25`, `2024-W52`, `2024-12`, `2024-Q4` or `2024`.
    pub label: String,
    pub passages: u64,
    pub articles: u64,
}

/// A timeline, and what its buckets leave out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// Oldest bucket first.
    pub buckets: Vec<Bucket>,
    /// Passages the filter matches, placed in a bucket or not.
    pub matching: u64,
    /// Matching passages in no bucket: without a publication date, or
    /// mentioning no date that counts in these buckets (none as narrow as
    /// them, or none within `--since`/`--until`). The buckets added up to
    /// fewer passages than `search` found, and nothing said why.
    pub uncounted: u64,
}

/// Buckets with gaps filled up to this many; beyond it only non-empty
/// buckets are listed.
const MAX_FILLED_BUCKETS: usize = 2000;

/// The timeline of the passages matching `filter`, oldest bucket first.
///
/// A mention counts in buckets at least as wide as it was written: a
/// mention of "December 2024" counts for its month and year, not for a day
/// or week.
pub fn timeline(
    news: &NewsIndex,
    filter: &Filter,
    by: Granularity,
    field: TimeField,
) -> Result<Timeline> {
    let searcher = news.searcher()?;
    let built = build_query(news, &searcher, filter)?;
    // The range filters the passages by the dates they mention, so it
    // bounds a timeline of those dates only.
    let (since, until) = match field {
        TimeField::Mentioned => (filter.since, filter.until),
        TimeField::Published => (None, None),
    };
    let collector = TimelineCollector {
        by,
        field,
        since,
        until,
    };
    let tally = searcher.search(&*built.query, &collector)?;
    let mut buckets: Vec<Bucket> = tally
        .counts
        .into_iter()
        .map(|(start, (passages, articles))| Bucket {
            start,
            label: label(start, by),
            passages,
            articles: articles.len() as u64,
        })
        .collect();
    buckets.sort_by_key(|b| b.start);
    Ok(Timeline {
        buckets: fill_gaps(buckets, by, since, until),
        matching: tally.matching,
        uncounted: tally.matching - tally.placed,
    })
}

/// Whether the bucket starting at `start` holds a day of `[since, until]`.
///
/// The filters pick the passages that mention a date in the range, and
/// those passages mention other dates too (a treaty of 1991, a summit
/// planned for next year): a timeline of mentioned dates for December
/// drew bars over years. It keeps to the buckets of the range asked for.
fn overlaps(
    start: NaiveDate,
    by: Granularity,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> bool {
    let last = next_bucket(start, by)
        .and_then(|next| next.pred_opt())
        .unwrap_or(start);
    since.is_none_or(|since| last >= since) && until.is_none_or(|until| start <= until)
}

/// How many passages `filter` matches, dated or not: when a timeline is
/// empty, whether nothing matched or nothing that matched is dated.
pub fn matching_passages(news: &NewsIndex, filter: &Filter) -> Result<usize> {
    let searcher = news.searcher()?;
    let built = build_query(news, &searcher, filter)?;
    Ok(searcher.search(&*built.query, &Count)?)
}

/// The first day of the bucket holding `date`.
pub fn bucket_start(date: NaiveDate, by: Granularity) -> NaiveDate {
    match by {
        Granularity::Day => date,
        Granularity::Week => {
            date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
        }
        Granularity::Month => date.with_day(1).unwrap_or(date),
        Granularity::Quarter => {
            NaiveDate::from_ymd_opt(date.year(), date.month0() / 3 * 3 + 1, 1).unwrap_or(date)
        }
        Granularity::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap_or(date),
    }
}

/// The Thursday of the (ISO) week holding `date`: a week mentioned
/// counts in the month and the year of its Thursday, as ISO 8601 numbers
/// weeks, so that a week spanning two months counts once, not in both.
fn week_thursday(date: NaiveDate) -> NaiveDate {
    let from_monday = i64::from(date.weekday().num_days_from_monday());
    date + Duration::days(3 - from_monday)
}

fn next_bucket(start: NaiveDate, by: Granularity) -> Option<NaiveDate> {
    match by {
        Granularity::Day => start.succ_opt(),
        Granularity::Week => start.checked_add_signed(Duration::days(7)),
        Granularity::Month => start.checked_add_months(chrono::Months::new(1)),
        Granularity::Quarter => start.checked_add_months(chrono::Months::new(3)),
        Granularity::Year => start.checked_add_months(chrono::Months::new(12)),
    }
}

fn label(start: NaiveDate, by: Granularity) -> String {
    match by {
        Granularity::Day => start.to_string(),
        Granularity::Week => {
            let week = start.iso_week();
            format!("{}-W{:02}", week.year(), week.week())
        }
        Granularity::Month => start.format("%Y-%m").to_string(),
        Granularity::Quarter => format!("{}-Q{}", start.year(), start.month0() / 3 + 1),
        Granularity::Year => start.year().to_string(),
    }
}

/// Adds empty buckets between the first and last, so the series plots as
/// time; a series spanning too many buckets is left sparse.
///
/// A series of the dates in `[since, until]` spans the buckets of that
/// range, empty ones at its ends included: two queries' timelines of one
/// year then line up row for row in a spreadsheet, where a chart of
/// December started on the first day anything was mentioned. A series
/// with no bucket at all stays empty, so that nothing is said to match.
fn fill_gaps(
    mut buckets: Vec<Bucket>,
    by: Granularity,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Vec<Bucket> {
    let (Some(first), Some(last)) = (
        buckets.first().map(|b| b.start),
        buckets.last().map(|b| b.start),
    ) else {
        return buckets;
    };
    if let Some(since) = since.map(|since| bucket_start(since, by))
        && since < first
    {
        buckets.insert(0, empty_bucket(since, by));
    }
    if let Some(until) = until.map(|until| bucket_start(until, by))
        && until > last
    {
        buckets.push(empty_bucket(until, by));
    }
    let filled: Vec<Bucket> = every_bucket(&buckets, by)
        .take(MAX_FILLED_BUCKETS + 1)
        .collect();
    if filled.len() > MAX_FILLED_BUCKETS {
        buckets
    } else {
        filled
    }
}

/// Every bucket from the first of `buckets` (sorted, as a timeline is) to
/// the last, the empty ones between them made as they come: a text chart
/// draws the gaps of a series too long to fill, as one line for a long
/// run, however many buckets that run holds.
pub fn every_bucket(buckets: &[Bucket], by: Granularity) -> impl Iterator<Item = Bucket> + '_ {
    let mut rest = buckets;
    let mut at = buckets.first().map(|b| b.start);
    std::iter::from_fn(move || {
        let start = at?;
        let (first, after) = rest.split_first()?;
        let bucket = if first.start <= start {
            rest = after;
            first.clone()
        } else {
            empty_bucket(start, by)
        };
        at = next_bucket(start, by);
        Some(bucket)
    })
}

/// How many buckets a series spans from its first to its last, listed
/// or not: more than it lists when it was too long to fill.
pub fn buckets_spanned(buckets: &[Bucket], by: Granularity) -> u64 {
    let (Some(first), Some(last)) = (buckets.first(), buckets.last()) else {
        return 0;
    };
    let (from, to) = (first.start, last.start);
    let months = |date: NaiveDate| i64::from(date.year()) * 12 + i64::from(date.month0());
    let steps = match by {
        Granularity::Day => (to - from).num_days(),
        Granularity::Week => (to - from).num_days() / 7,
        Granularity::Month => months(to) - months(from),
        Granularity::Quarter => (months(to) - months(from)) / 3,
        Granularity::Year => i64::from(to.year() - from.year()),
    };
    u64::try_from(steps).unwrap_or(0) + 1
}

fn empty_bucket(start: NaiveDate, by: Granularity) -> Bucket {
    Bucket {
        start,
        label: label(start, by),
        passages: 0,
        articles: 0,
    }
}

/// Bucket start -> (passages, hashes of distinct articles).
type Counts = HashMap<NaiveDate, (u64, HashSet<u64>)>;

/// What a [`TimelineCollector`] found.
#[derive(Default)]
struct Tally {
    counts: Counts,
    /// Passages collected.
    matching: u64,
    /// Passages counted in at least one bucket.
    placed: u64,
}

struct TimelineCollector {
    by: Granularity,
    field: TimeField,
    /// Only buckets holding a day of this range count (see [`overlaps`]).
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
}

impl Collector for TimelineCollector {
    type Fruit = Tally;
    type Child = TimelineSegmentCollector;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<TimelineSegmentCollector> {
        let fast = segment.fast_fields();
        // Which stored granularities may count at this bucket width: those
        // no wider than the bucket. A week counts from week buckets up, a
        // quarter in quarters and years, a half or season in years, a
        // decade or century nowhere.
        use Widened::*;
        let names: &[(&str, Widened)] = match (self.field, self.by) {
            (TimeField::Published, _) => &[("published", AsWritten)],
            (TimeField::Mentioned, Granularity::Day) => &[("date_day", AsWritten)],
            (TimeField::Mentioned, Granularity::Week) => {
                &[("date_day", AsWritten), ("date_day_wide", WeekDays)]
            }
            (TimeField::Mentioned, Granularity::Month) => &[
                ("date_day", AsWritten),
                ("date_day_wide", WeekDays),
                ("date_month", AsWritten),
            ],
            (TimeField::Mentioned, Granularity::Quarter) => &[
                ("date_day", AsWritten),
                ("date_day_wide", WeekDays),
                ("date_month", AsWritten),
                ("date_month_wide", WholeQuarters),
            ],
            (TimeField::Mentioned, Granularity::Year) => &[
                ("date_day", AsWritten),
                ("date_day_wide", WeekDays),
                ("date_month", AsWritten),
                ("date_month_wide", AsWritten),
                ("date_year", AsWritten),
            ],
        };
        let columns = names
            .iter()
            .map(|&(name, widened)| Ok((fast.date(name)?, widened)))
            .collect::<tantivy::Result<_>>()?;
        Ok(TimelineSegmentCollector {
            by: self.by,
            since: self.since,
            until: self.until,
            columns,
            articles: fast.u64("article_hash")?,
            tally: Tally::default(),
            seen: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Tally>) -> tantivy::Result<Tally> {
        let mut merged = Tally::default();
        for fruit in fruits {
            merged.matching += fruit.matching;
            merged.placed += fruit.placed;
            for (start, (passages, articles)) in fruit.counts {
                let entry = merged.counts.entry(start).or_default();
                entry.0 += passages;
                entry.1.extend(articles);
            }
        }
        Ok(merged)
    }
}

/// How a column's dates were widened from the mentions, which decides
/// the buckets they count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Widened {
    /// Each date counts in its own bucket.
    AsWritten,
    /// The days of week mentions: each counts at its week's Thursday.
    WeekDays,
    /// The months of quarters, halves and seasons: in quarter buckets a
    /// quarter counts when all three of its months are there, so a
    /// quarter counts in itself and a season (March to May) in none; a
    /// half holds two whole quarters and counts in both.
    WholeQuarters,
}

struct TimelineSegmentCollector {
    by: Granularity,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
    /// Each column, and how its dates were widened.
    columns: Vec<(Column<DateTime>, Widened)>,
    articles: Column<u64>,
    tally: Tally,
    /// Buckets already counted for the current document.
    seen: Vec<NaiveDate>,
}

impl SegmentCollector for TimelineSegmentCollector {
    type Fruit = Tally;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.seen.clear();
        for (column, widened) in &self.columns {
            let dates = column.values_for_doc(doc).filter_map(to_day);
            let counted: Vec<NaiveDate> = match widened {
                Widened::AsWritten => dates.collect(),
                Widened::WeekDays => dates.map(week_thursday).collect(),
                Widened::WholeQuarters => whole_quarters(&dates.collect::<Vec<_>>()),
            };
            for date in counted {
                let start = bucket_start(date, self.by);
                if !self.seen.contains(&start) && overlaps(start, self.by, self.since, self.until) {
                    self.seen.push(start);
                }
            }
        }
        self.tally.matching += 1;
        if self.seen.is_empty() {
            return;
        }
        self.tally.placed += 1;
        let article = self.articles.first(doc);
        for start in &self.seen {
            let entry = self.tally.counts.entry(*start).or_default();
            entry.0 += 1;
            entry.1.extend(article);
        }
    }

    fn harvest(self) -> Tally {
        self.tally
    }
}

/// The first months of the quarters all of whose months are among
/// `months` (first days of months).
fn whole_quarters(months: &[NaiveDate]) -> Vec<NaiveDate> {
    months
        .iter()
        .copied()
        .filter(|first| {
            first.month0() % 3 == 0
                && (1..3).all(|later| {
                    first
                        .checked_add_months(chrono::Months::new(later))
                        .is_some_and(|month| months.contains(&month))
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn buckets_start_where_their_unit_does() {
        let cases = [
            (Granularity::Day, d(2024, 12, 25), "2024-12-25"),
            (Granularity::Week, d(2024, 12, 25), "2024-W52"),
            (Granularity::Month, d(2024, 12, 25), "2024-12"),
            (Granularity::Quarter, d(2024, 11, 30), "2024-Q4"),
            (Granularity::Quarter, d(2024, 3, 31), "2024-Q1"),
            (Granularity::Year, d(2024, 12, 25), "2024"),
        ];
        for (by, date, want) in cases {
            assert_eq!(label(bucket_start(date, by), by), want);
        }
        assert_eq!(
            bucket_start(d(2024, 12, 25), Granularity::Week),
            d(2024, 12, 23)
        );
    }

    #[test]
    fn a_week_belongs_to_the_month_and_year_of_its_thursday() {
        // 2024-W48 runs from Monday 25 November to Sunday 1 December.
        for day in [d(2024, 11, 25), d(2024, 11, 28), d(2024, 12, 1)] {
            assert_eq!(week_thursday(day), d(2024, 11, 28), "{day}");
        }
        // 2025-W01 runs from Monday 30 December 2024.
        let thursday = week_thursday(d(2024, 12, 30));
        assert_eq!(
            label(bucket_start(thursday, Granularity::Year), Granularity::Year),
            "2025"
        );
    }

    #[test]
    fn a_quarter_counts_in_quarter_buckets_only_when_all_its_months_are_mentioned() {
        type Months<'a> = &'a [(i32, u32)];
        let months =
            |list: Months| -> Vec<NaiveDate> { list.iter().map(|&(y, m)| d(y, m, 1)).collect() };
        // (the widened months of a passage, the quarters they count in)
        let cases: [(Months, Months); 4] = [
            (&[(2024, 10), (2024, 11), (2024, 12)], &[(2024, 10)]),
            (&[(2024, 3), (2024, 4), (2024, 5)], &[]),
            (&[(2024, 12), (2025, 1), (2025, 2)], &[]),
            (
                &[
                    (2024, 1),
                    (2024, 2),
                    (2024, 3),
                    (2024, 4),
                    (2024, 5),
                    (2024, 6),
                ],
                &[(2024, 1), (2024, 4)],
            ),
        ];
        for (mentioned, want) in cases {
            assert_eq!(
                whole_quarters(&months(mentioned)),
                months(want),
                "{mentioned:?}"
            );
        }
    }

    #[test]
    fn a_series_spans_the_buckets_from_its_first_to_its_last() {
        let span = |from: NaiveDate, to: NaiveDate, by| {
            let bucket = |start| empty_bucket(bucket_start(start, by), by);
            buckets_spanned(&[bucket(from), bucket(to)], by)
        };
        assert_eq!(span(d(2024, 12, 30), d(2025, 1, 2), Granularity::Day), 4);
        assert_eq!(span(d(2024, 12, 29), d(2024, 12, 30), Granularity::Week), 2);
        assert_eq!(span(d(1799, 3, 3), d(2099, 1, 1), Granularity::Month), 3599);
        assert_eq!(span(d(2024, 3, 31), d(2025, 1, 1), Granularity::Quarter), 5);
        assert_eq!(span(d(1799, 3, 3), d(2099, 1, 1), Granularity::Year), 301);
        assert_eq!(buckets_spanned(&[], Granularity::Day), 0);
    }

    #[test]
    fn gaps_are_filled_with_empty_buckets() {
        let bucket = |start, passages| Bucket {
            start,
            label: label(start, Granularity::Month),
            passages,
            articles: 1,
        };
        let filled = fill_gaps(
            vec![bucket(d(2024, 10, 1), 2), bucket(d(2024, 12, 1), 3)],
            Granularity::Month,
            None,
            None,
        );
        let labels: Vec<(&str, u64)> = filled
            .iter()
            .map(|b| (b.label.as_str(), b.passages))
            .collect();
        assert_eq!(labels, [("2024-10", 2), ("2024-11", 0), ("2024-12", 3)]);
    }
}
