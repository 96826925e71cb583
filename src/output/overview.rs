//! Entity counts and timelines in every format.

use std::io::{self, Write};

use serde_json::json;

use super::text::printable;
use super::{Format, Style, spreadsheet_cell, write_json};
use crate::search::{Bucket, EntityCount, Granularity, TimeField};

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
            let width = names
                .iter()
                .map(|name| name.chars().count())
                .max()
                .unwrap_or(4)
                .max(4);
            writeln!(
                out,
                "{:<5} {:<width$} {:>8} {:>8}",
                "type", "name", "passages", "articles"
            )?;
            for (c, name) in counts.iter().zip(&names) {
                writeln!(
                    out,
                    "{:<5} {:<width$} {:>8} {:>8}",
                    c.label.as_str(),
                    name,
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
            writer.write_record(["label", "name", "passages", "articles"])?;
            for c in counts {
                writer.write_record([
                    c.label.as_str(),
                    &spreadsheet_cell(&c.name),
                    &c.passages.to_string(),
                    &c.articles.to_string(),
                ])?;
            }
            writer.flush()
        }
    }
}

/// Widest bar of a text timeline, in characters.
const BAR_WIDTH: u64 = 50;

/// Writes a timeline: a bar chart for people, data for plotting otherwise.
pub fn write_timeline(
    out: &mut dyn Write,
    format: Format,
    style: Style,
    query: &str,
    by: Granularity,
    field: TimeField,
    buckets: &[Bucket],
) -> io::Result<()> {
    match format {
        Format::Text => {
            let max = buckets.iter().map(|b| b.passages).max().unwrap_or(0).max(1);
            let width = buckets.iter().map(|b| b.label.len()).max().unwrap_or(0);
            let (on, off) = match style {
                Style::Ansi => ("\x1b[36m", "\x1b[0m"),
                Style::Plain => ("", ""),
            };
            for b in buckets {
                let filled = (b.passages * BAR_WIDTH).div_ceil(max) as usize;
                writeln!(
                    out,
                    "{:<width$} {on}{}{off} {}",
                    b.label,
                    "█".repeat(filled),
                    b.passages
                )?;
            }
            Ok(())
        }
        Format::Json => write_json(
            out,
            &json!({ "query": query, "by": by, "field": field, "buckets": buckets }),
            true,
        ),
        Format::Jsonl => buckets.iter().try_for_each(|b| write_json(out, b, false)),
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(out);
            writer.write_record(["start", "label", "passages", "articles"])?;
            for b in buckets {
                writer.write_record([
                    b.start.to_string(),
                    b.label.clone(),
                    b.passages.to_string(),
                    b.articles.to_string(),
                ])?;
            }
            writer.flush()
        }
    }
}
