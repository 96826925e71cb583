//! Printing results: text for people; JSON, JSON Lines and CSV for tools.
//!
//! The machine formats are a documented contract (README.md, "Output
//! formats"): the wire records here are kept apart from the library's
//! domain types so the contract does not move when the internals do.

use std::io::{self, Write};

pub mod hits;
pub mod overview;
pub mod snippet;
mod text;

pub use hits::{HIT_FIELDS, HitOptions, Record, record, write_hits};
pub use overview::{write_entities, write_timeline};
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

/// Writes one JSON value and a newline.
fn write_json(out: &mut dyn Write, value: &impl serde::Serialize, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    writeln!(out)
}
