//! Printing results: text for people, JSON and JSON Lines for tools.
//!
//! The JSON shapes are a documented contract (README.md, "JSON output"):
//! the wire structs here are kept apart from the library's domain types so
//! the contract does not move when the internals do.

use std::io::{self, Write};

use serde::Serialize;

use crate::search::{DateMention, Hit, Mention, SearchResults};

pub mod snippet;
mod text;

pub use text::write_text;

/// How to print results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Readable text (bold highlights on a terminal).
    #[default]
    Text,
    /// One JSON object: `{"query", "total", "hits": [...]}`.
    Json,
    /// One JSON object per hit, one per line.
    Jsonl,
}

/// Whether text output may use terminal styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Ansi,
}

/// Bytes of passage text a snippet shows.
pub const SNIPPET_BYTES: usize = 320;

/// A byte range in the wire format.
#[derive(Debug, Clone, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One hit as JSON.
#[derive(Debug, Serialize)]
pub struct HitRecord<'a> {
    pub score: f32,
    pub path: &'a str,
    pub article: &'a str,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub published: Option<String>,
    pub passage: u64,
    pub line: u64,
    pub start: u64,
    pub end: u64,
    pub text: &'a str,
    pub snippet: String,
    pub highlights: Vec<Span>,
    pub entities: &'a [Mention],
    pub dates: &'a [DateMention],
}

impl<'a> HitRecord<'a> {
    pub fn new(hit: &'a Hit) -> HitRecord<'a> {
        let snip = snippet::snippet(&hit.text, &hit.highlights, SNIPPET_BYTES);
        let mut snippet_text = snip.text;
        if snip.cut_before {
            snippet_text.insert_str(0, "… ");
        }
        if snip.cut_after {
            snippet_text.push_str(" …");
        }
        HitRecord {
            score: hit.score,
            path: &hit.path,
            article: &hit.article,
            title: hit.title.as_deref(),
            url: hit.url.as_deref(),
            published: hit.published.map(|d| d.to_string()),
            passage: hit.passage,
            line: hit.line,
            start: hit.start,
            end: hit.end,
            text: &hit.text,
            snippet: snippet_text,
            highlights: hit
                .highlights
                .iter()
                .map(|r| Span {
                    start: r.start,
                    end: r.end,
                })
                .collect(),
            entities: &hit.entities,
            dates: &hit.dates,
        }
    }
}

/// Writes search results in `format`.
pub fn write_results(
    out: &mut dyn Write,
    format: Format,
    style: Style,
    query: &str,
    results: &SearchResults,
) -> io::Result<()> {
    match format {
        Format::Text => write_text(out, style, results),
        Format::Json => {
            #[derive(Serialize)]
            struct Envelope<'a> {
                query: &'a str,
                total: usize,
                hits: Vec<HitRecord<'a>>,
            }
            let envelope = Envelope {
                query,
                total: results.total,
                hits: results.hits.iter().map(HitRecord::new).collect(),
            };
            serde_json::to_writer_pretty(&mut *out, &envelope)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for hit in &results.hits {
                serde_json::to_writer(&mut *out, &HitRecord::new(hit))?;
                writeln!(out)?;
            }
            Ok(())
        }
    }
}
