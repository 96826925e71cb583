//! Search hits in every format. Each hit becomes one flat JSON record whose
//! keys are [`HIT_FIELDS`]; `--fields` picks among them, JSON and JSON Lines
//! print them as they are, CSV joins the lists into cells.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::snippet::snippet;
use super::{Format, SNIPPET_BYTES, Style, text, write_json};
use crate::search::{Hit, SearchResults};

/// Every key of a hit record, in output order.
pub const HIT_FIELDS: &[&str] = &[
    "score",
    "path",
    "article",
    "title",
    "url",
    "published",
    "passage",
    "line",
    "start",
    "end",
    "text",
    "snippet",
    "highlights",
    "entities",
    "person",
    "org",
    "place",
    "misc",
    "dates",
    "duplicates",
    "context",
];

/// Columns of CSV output when `--fields` is not given: one row a hit fits a
/// spreadsheet without the long or nested keys.
const CSV_DEFAULT_FIELDS: &[&str] = &[
    "score",
    "path",
    "title",
    "published",
    "passage",
    "line",
    "snippet",
    "person",
    "org",
    "place",
    "misc",
    "dates",
    "duplicates",
];

/// Choices that shape printed hits.
#[derive(Debug, Clone, Default)]
pub struct HitOptions {
    /// Keys to print (all when empty).
    pub fields: Vec<String>,
    /// Wrap highlights in the snippet in `<mark>` … `</mark>`.
    pub mark: bool,
}

/// Writes search results in `format`.
pub fn write_hits(
    out: &mut dyn Write,
    format: Format,
    style: Style,
    options: &HitOptions,
    query: &str,
    results: &SearchResults,
) -> io::Result<()> {
    match format {
        Format::Text => text::write_hits(out, style, results),
        Format::Json => {
            let hits: Vec<Value> = results.hits.iter().map(|h| record(h, options)).collect();
            write_json(
                out,
                &json!({ "query": query, "total": results.total, "hits": hits }),
                true,
            )
        }
        Format::Jsonl => {
            for hit in &results.hits {
                write_json(out, &record(hit, options), false)?;
            }
            Ok(())
        }
        Format::Csv => {
            let columns: Vec<&str> = if options.fields.is_empty() {
                CSV_DEFAULT_FIELDS.to_vec()
            } else {
                options.fields.iter().map(String::as_str).collect()
            };
            let mut writer = csv::Writer::from_writer(out);
            writer.write_record(&columns)?;
            for hit in &results.hits {
                let rec = full_record(hit, options.mark);
                writer.write_record(
                    columns
                        .iter()
                        .map(|c| cell(rec.get(*c).unwrap_or(&Value::Null))),
                )?;
            }
            writer.flush()
        }
    }
}

/// The record of a hit with only the chosen keys: the JSON shape the CLI
/// prints and the server's `/api/search` answers with.
pub fn record(hit: &Hit, options: &HitOptions) -> Value {
    let mut full = full_record(hit, options.mark);
    if options.fields.is_empty() {
        return Value::Object(full);
    }
    let mut chosen = Map::new();
    for key in &options.fields {
        if let Some(value) = full.remove(key) {
            chosen.insert(key.clone(), value);
        }
    }
    Value::Object(chosen)
}

fn full_record(hit: &Hit, mark: bool) -> Map<String, Value> {
    let names = |label: &str| json!(hit.names(label));
    let mut rec = Map::new();
    rec.insert("score".into(), json!(hit.score));
    rec.insert("path".into(), json!(hit.path));
    rec.insert("article".into(), json!(hit.article));
    rec.insert("title".into(), json!(hit.title));
    rec.insert("url".into(), json!(hit.url));
    rec.insert(
        "published".into(),
        json!(hit.published.map(|d| d.to_string())),
    );
    rec.insert("passage".into(), json!(hit.passage));
    rec.insert("line".into(), json!(hit.line));
    rec.insert("start".into(), json!(hit.start));
    rec.insert("end".into(), json!(hit.end));
    rec.insert("text".into(), json!(hit.text));
    rec.insert("snippet".into(), json!(snippet_text(hit, mark)));
    let highlights: Vec<Value> = hit
        .highlights
        .iter()
        .map(|r| json!({ "start": r.start, "end": r.end }))
        .collect();
    rec.insert("highlights".into(), Value::Array(highlights));
    rec.insert("entities".into(), json!(hit.entities));
    rec.insert("person".into(), names("PER"));
    rec.insert("org".into(), names("ORG"));
    rec.insert("place".into(), names("LOC"));
    rec.insert("misc".into(), names("MISC"));
    rec.insert("dates".into(), json!(hit.dates));
    rec.insert("duplicates".into(), json!(hit.duplicates));
    rec.insert("context".into(), json!(hit.context));
    rec
}

/// The snippet, with `…` where it was cut and, if asked, marked highlights.
fn snippet_text(hit: &Hit, mark: bool) -> String {
    let (open, close) = if mark {
        ("<mark>", "</mark>")
    } else {
        ("", "")
    };
    snippet(&hit.text, &hit.highlights, SNIPPET_BYTES).render(open, close)
}

/// One CSV cell: scalars as they are, lists joined with "; ".
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(list_item).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}

/// A list element in a CSV cell: entities as `name (LABEL)`, dates as
/// `value (text)`, places as `path:line`, ranges as `start-end`.
fn list_item(value: &Value) -> String {
    // (key that identifies the kind, first key, separator, second key, closing)
    const SHAPES: [(&str, &str, &str, &str, &str); 4] = [
        ("canonical", "canonical", " (", "label", ")"),
        ("value", "value", " (", "text", ")"),
        ("path", "path", ":", "line", ""),
        ("start", "start", "-", "end", ""),
    ];
    let field = |key: &str| {
        value.get(key).map_or_else(String::new, |v| {
            v.as_str().map_or_else(|| v.to_string(), str::to_string)
        })
    };
    match value {
        Value::String(text) => text.clone(),
        Value::Object(o) => match SHAPES.iter().find(|shape| o.contains_key(shape.0)) {
            Some(&(_, first, separator, second, closing)) => {
                format!("{}{separator}{}{closing}", field(first), field(second))
            }
            None if o.contains_key("text") => field("text"),
            None => value.to_string(),
        },
        other => other.to_string(),
    }
}
