//! Entity and section counts and timelines in every format.

use std::io::{self, Write};

use serde_json::json;
use unicode_width::UnicodeWidthStr;

use super::text::printable;
use super::{Format, Style, csv_error, spreadsheet_cell, write_json};
use crate::search::{
    Bucket, EntityCount, Granularity, SectionCount, TimeField, Timeline, every_bucket,
};

/// Writes entity counts: a table for people, records for tools.
pub fn write_entities(
    out: &mut dyn Write,
    format: Format,
    query: &str,
    counts: &[EntityCount],
) -> io::Result<()> {
    match format {
        Format::Text => {
            if counts.is_empty() {
                return Ok(());
            }
            let names: Vec<_> = counts.iter().map(|c| printable(&c.name)).collect();
            // Columns as a terminal draws them: "习近平" takes six columns,
            // and a combining accent none.
            let width = names.iter().map(|name| name.width()).max().unwrap_or(4);
            let width = width.max(4);
            let padded = |name: &str| format!("{name}{}", " ".repeat(width - name.width()));
            writeln!(
                out,
                "{:<5} {} {:>8} {:>8}",
                "type",
                padded("name"),
                "passages",
                "articles"
            )?;
            for (c, name) in counts.iter().zip(&names) {
                writeln!(
                    out,
                    "{:<5} {} {:>8} {:>8}",
                    c.label.as_str(),
                    padded(name),
                    c.passages,
                    c.articles
                )?;
            }
            Ok(())
        }
        Format::Json => write_json(out, &json!({ "query": query, "entities": counts }), true),
        Format::Jsonl => counts.iter().try_for_each(|c| write_json(out, c, false)),
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            writer
                .write_record(["label", "name", "passages", "articles"])
                .map_err(csv_error)?;
            for c in counts {
                writer
                    .write_record([
                        c.label.as_str(),
                        &spreadsheet_cell(&c.name),
                        &c.passages.to_string(),
                        &c.articles.to_string(),
                    ])
                    .map_err(csv_error)?;
            }
            writer.flush()
        }
    }
}

/// Writes section counts: a table for people, records for tools, as
/// entity counts are written.
pub fn write_sections(
    out: &mut dyn Write,
    format: Format,
    query: &str,
    counts: &[SectionCount],
) -> io::Result<()> {
    match format {
        Format::Text => {
            if counts.is_empty() {
                return Ok(());
            }
            let names: Vec<_> = counts.iter().map(|c| printable(&c.section)).collect();
            let width = names.iter().map(|name| name.width()).max().unwrap_or(7);
            let width = width.max(7);
            let padded = |name: &str| format!("{name}{}", " ".repeat(width - name.width()));
            writeln!(
                out,
                "{} {:>8} {:>8}",
                padded("section"),
                "passages",
                "articles"
            )?;
            for (c, name) in counts.iter().zip(&names) {
                writeln!(out, "{} {:>8} {:>8}", padded(name), c.passages, c.articles)?;
            }
            Ok(())
        }
        Format::Json => write_json(out, &json!({ "query": query, "sections": counts }), true),
        Format::Jsonl => counts.iter().try_for_each(|c| write_json(out, c, false)),
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            writer
                .write_record(["section", "passages", "articles"])
                .map_err(csv_error)?;
            for c in counts {
                writer
                    .write_record([
                        &*spreadsheet_cell(&c.section),
                        &c.passages.to_string(),
                        &c.articles.to_string(),
                    ])
                    .map_err(csv_error)?;
            }
            writer.flush()
        }
    }
}

/// Widest bar of a text timeline, in characters.
const BAR_WIDTH: u64 = 50;

/// Empty buckets in a row that a text timeline draws one by one; a longer
/// run is one line saying how many. Mentions of a few old years made
/// `timeline Iran` over 2005 news 319 rows, most of them empty months.
const MAX_EMPTY_ROWS: usize = 3;

/// Draws a run of `count` empty buckets (`first` holds the first few):
/// each as a row if there are few, else one line saying how many.
fn write_empty_run(
    out: &mut dyn Write,
    by: Granularity,
    width: usize,
    count: usize,
    first: &[Bucket],
) -> io::Result<()> {
    if count > MAX_EMPTY_ROWS {
        return writeln!(out, "{:<width$} {count} {} with none", "…", by.plural());
    }
    first
        .iter()
        .try_for_each(|b| writeln!(out, "{:<width$}  0", b.label))
}

/// A timeline as `timeline --format json` and `/api/timeline` print it:
/// `{"query", "by", "field", "matching", "uncounted", "buckets"}`, where
/// `matching` passages match the filter and `uncounted` of them are in no
/// bucket, so that the buckets' sum can be checked against a search's.
pub fn timeline_record(
    query: &str,
    by: Granularity,
    field: TimeField,
    timeline: &Timeline,
) -> serde_json::Value {
    json!({
        "query": query,
        "by": by,
        "field": field,
        "matching": timeline.matching,
        "uncounted": timeline.uncounted,
        "buckets": timeline.buckets,
    })
}

/// Writes a timeline: a bar chart for people, data for plotting otherwise.
/// Only JSON has room to say which passages it leaves out.
pub fn write_timeline(
    out: &mut dyn Write,
    format: Format,
    style: Style,
    query: &str,
    by: Granularity,
    field: TimeField,
    timeline: &Timeline,
) -> io::Result<()> {
    let buckets = &timeline.buckets;
    match format {
        Format::Text => {
            let max = buckets.iter().map(|b| b.passages).max().unwrap_or(0).max(1);
            let width = buckets.iter().map(|b| b.label.len()).max().unwrap_or(0);
            let (on, off) = match style {
                Style::Ansi => ("\x1b[36m", "\x1b[0m"),
                Style::Plain => ("", ""),
            };
            // A run of empty buckets, and its first few, drawn one by one
            // if that is all there are.
            let mut empty = 0;
            let mut first_empty = Vec::new();
            for b in every_bucket(buckets, by) {
                if b.passages == 0 {
                    empty += 1;
                    if first_empty.len() < MAX_EMPTY_ROWS {
                        first_empty.push(b);
                    }
                    continue;
                }
                write_empty_run(out, by, width, empty, &first_empty)?;
                (empty, first_empty) = (0, Vec::new());
                let filled = (b.passages * BAR_WIDTH).div_ceil(max) as usize;
                writeln!(
                    out,
                    "{:<width$} {on}{}{off} {}",
                    b.label,
                    "█".repeat(filled),
                    b.passages
                )?;
            }
            write_empty_run(out, by, width, empty, &first_empty)
        }
        Format::Json => write_json(out, &timeline_record(query, by, field, timeline), true),
        Format::Jsonl => buckets.iter().try_for_each(|b| write_json(out, b, false)),
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            writer
                .write_record(["start", "label", "passages", "articles"])
                .map_err(csv_error)?;
            for b in buckets {
                writer
                    .write_record([
                        b.start.to_string(),
                        b.label.clone(),
                        b.passages.to_string(),
                        b.articles.to_string(),
                    ])
                    .map_err(csv_error)?;
            }
            writer.flush()
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn chart(counts: &[u64]) -> String {
        let years: Vec<(i32, u64)> = (2000..).zip(counts.iter().copied()).collect();
        sparse_chart(&years)
    }

    /// The text chart of a series that holds only the years given, as a
    /// timeline spanning more than `MAX_FILLED_BUCKETS` is.
    fn sparse_chart(years: &[(i32, u64)]) -> String {
        let buckets: Vec<Bucket> = years
            .iter()
            .map(|&(year, passages)| Bucket {
                start: NaiveDate::from_ymd_opt(year, 1, 1).unwrap(),
                label: year.to_string(),
                passages,
                articles: passages,
            })
            .collect();
        let mut out = Vec::new();
        let (format, style, field) = (Format::Text, Style::Plain, TimeField::Mentioned);
        write_timeline(
            &mut out,
            format,
            style,
            "q",
            Granularity::Year,
            field,
            &Timeline {
                buckets,
                matching: 0,
                uncounted: 0,
            },
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_text_timeline_draws_short_gaps_and_counts_long_ones() {
        let rows = chart(&[2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 4]);
        let rows: Vec<&str> = rows.lines().collect();
        assert_eq!(
            rows,
            [
                "2000 █████████████████████████ 2",
                "2001  0",
                "2002  0",
                "2003  0",
                "2004 █████████████ 1",
                "…    5 years with none",
                "2010 ██████████████████████████████████████████████████ 4",
            ]
        );
    }

    /// `timeline Iran --by day` spans too many days to be filled: the
    /// chart drew 25 and 27 March 1987 as neighbours, and 1983 next to 1986.
    #[test]
    fn a_text_timeline_draws_the_gaps_of_a_sparse_series() {
        let rows = sparse_chart(&[(2000, 2), (2002, 1), (2010, 2)]);
        let rows: Vec<&str> = rows.lines().collect();
        assert_eq!(
            rows,
            [
                "2000 ██████████████████████████████████████████████████ 2",
                "2001  0",
                "2002 █████████████████████████ 1",
                "…    7 years with none",
                "2010 ██████████████████████████████████████████████████ 2",
            ]
        );
    }

    #[test]
    fn the_entities_table_lines_up_wide_and_combining_characters() {
        let count = |name: &str, passages| EntityCount {
            label: crate::entities::EntityLabel::Person,
            name: name.to_string(),
            passages,
            articles: 1,
        };
        let counts = [
            count("习近平", 12),
            count("Ilham Aliyev", 7),
            count("Jose\u{301}", 3),
        ];
        let mut out = Vec::new();
        write_entities(&mut out, Format::Text, "q", &counts).unwrap();
        let table = String::from_utf8(out).unwrap();
        let widths: Vec<usize> = table.lines().map(UnicodeWidthStr::width).collect();
        assert!(
            widths.windows(2).all(|w| w[0] == w[1]),
            "{widths:?}\n{table}"
        );
    }
}
