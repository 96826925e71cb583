//! Printing results: text for people; JSON, JSON Lines and CSV for tools.
//!
//! The machine formats are a documented contract (README.md, "Output
//! formats"): the wire records here are kept apart from the library's
//! domain types so the contract does not move when the internals do.

use std::borrow::Cow;
use std::io::{self, Write};

pub mod hits;
mod json_line;
pub mod overview;
pub mod snippet;
mod text;

pub use hits::{HIT_FIELDS, HitOptions, Record, record, write_hits, write_listing};
pub use json_line::write_line;
pub use overview::{timeline_record, write_entities, write_sections, write_timeline};
pub use text::write_article;

/// How to print results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Readable text (bold highlights on a terminal).
    #[default]
    Text,
    /// One JSON object.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header row; lists joined with "; ".
    Csv,
}

/// Whether text output may use terminal styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Ansi,
}

/// Bytes of passage text a snippet shows.
pub const SNIPPET_BYTES: usize = 320;

/// Writes one JSON value and a newline: pretty, or on one line (JSON Lines).
fn write_json(out: &mut dyn Write, value: &impl serde::Serialize, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value)?;
        writeln!(out)
    } else {
        write_line(out, value)
    }
}

/// A CSV writer's error as the I/O error it is: `csv`'s own conversion
/// makes every error `ErrorKind::Other` and hides the cause from
/// `source()`, so a reader that closed the pipe (`--format csv | head`)
/// read as a failure instead of the quiet stop it is in the other formats.
fn csv_error(error: csv::Error) -> io::Error {
    if error.is_io_error() {
        if let csv::ErrorKind::Io(io) = error.into_kind() {
            return io;
        }
        unreachable!("is_io_error is an ErrorKind::Io");
    }
    io::Error::other(error)
}

/// A CSV cell that a spreadsheet shows as the text it is: one that starts
/// with `=`, `+`, `-` or `@` (a title such as `=HYPERLINK(...)` in a
/// scraped page) is a formula to Excel and LibreOffice, so it gets a
/// leading `'`, which they read as "text" and do not show. Numbers
/// (`-1.5`) stay as they are.
fn spreadsheet_cell(text: &str) -> Cow<'_, str> {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    // `-inf` and `NaN` parse, but a spreadsheet takes them for formulas.
    if formula && !text.parse::<f64>().is_ok_and(f64::is_finite) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::spreadsheet_cell;

    #[test]
    fn formulas_in_csv_cells_become_text() {
        let cases = [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1 555", "'+1 555"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("- a bullet", "'- a bullet"),
            ("-1.5", "-1.5"),
            ("-inf", "'-inf"),
            ("Putin", "Putin"),
            ("", ""),
        ];
        for (cell, want) in cases {
            assert_eq!(spreadsheet_cell(cell), want, "{cell}");
        }
    }
}
