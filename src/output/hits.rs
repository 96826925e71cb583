//! Search hits in every format. Each hit becomes one flat JSON record whose
//! keys are [`HIT_FIELDS`]; `--fields` picks among them, JSON and JSON Lines
//! print them as they are, CSV joins the lists into cells.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Map, Value};

use super::snippet::snippet;
use super::{Format, SNIPPET_BYTES, Style, csv_error, spreadsheet_cell, text, write_json};
use crate::query::WrittenDate;
use crate::search::{ContextPassage, DateMention, Hit, Location, Mention, SearchResults};

/// Every key of a hit record, in output order.
pub const HIT_FIELDS: &[&str] = &[
    "score",
    "path",
    "article",
    "title",
    "url",
    "section",
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
    "section",
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
    /// The search asked for neighbouring passages: CSV's default columns
    /// end with them, which they left out, so `--context` did nothing.
    pub context: bool,
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
            let results = ResultsRecord {
                dates_read: &results.dates_read,
                hits: results.hits.iter().map(|h| record(h, options)).collect(),
                offset: results.offset,
                query,
                total: results.total,
            };
            write_json(out, &results, true)
        }
        Format::Jsonl => {
            for hit in &results.hits {
                write_json(out, &record(hit, options), false)?;
            }
            Ok(())
        }
        Format::Csv => {
            let columns: Vec<&str> = if options.fields.is_empty() {
                let context = options.context.then_some("context");
                CSV_DEFAULT_FIELDS.iter().copied().chain(context).collect()
            } else {
                options.fields.iter().map(String::as_str).collect()
            };
            let mut writer = csv::Writer::from_writer(out);
            writer.write_record(&columns).map_err(csv_error)?;
            for hit in &results.hits {
                let rec = object(HitRecord::new(hit, options.mark));
                writer
                    .write_record(
                        columns
                            .iter()
                            .map(|c| cell(rec.get(*c).unwrap_or(&Value::Null))),
                    )
                    .map_err(csv_error)?;
            }
            writer.flush()
        }
    }
}

/// An article's passages as `show` prints them: in JSON, the shape
/// `/api/article` answers with (`truncated` says a whole listing stopped
/// at its cap, which a script cannot see on stderr); other formats as a
/// search's hits.
pub fn write_listing(
    out: &mut dyn Write,
    format: Format,
    style: Style,
    target: &str,
    truncated: bool,
    results: &SearchResults,
) -> io::Result<()> {
    let options = HitOptions::default();
    match format {
        Format::Text => text::write_article(out, style, &results.hits),
        Format::Json => {
            let hits: Vec<Record> = results.hits.iter().map(|h| record(h, &options)).collect();
            let listing = serde_json::json!({
                "query": target,
                "total": results.total,
                "truncated": truncated,
                "hits": hits,
            });
            write_json(out, &listing, true)
        }
        format => write_hits(out, format, style, &options, target, results),
    }
}

/// A hit as printed: the JSON shape the CLI prints and the server's
/// `/api/search` answers with.
#[derive(Serialize)]
#[serde(untagged)]
pub enum Record<'a> {
    /// Every key, written as it is made: building `serde_json::Value` maps
    /// first cost up to a tenth of a search.
    All(Box<HitRecord<'a>>),
    /// The keys `--fields` chose.
    Chosen(Map<String, Value>),
}

/// The record of a hit with only the chosen keys (all when none are).
pub fn record<'a>(hit: &'a Hit, options: &HitOptions) -> Record<'a> {
    let all = HitRecord::new(hit, options.mark);
    if options.fields.is_empty() {
        return Record::All(Box::new(all));
    }
    let mut full = object(all);
    let mut chosen = Map::new();
    for key in &options.fields {
        if let Some(value) = full.remove(key) {
            chosen.insert(key.clone(), value);
        }
    }
    Record::Chosen(chosen)
}

/// A record as a map, for picking and joining its keys.
fn object(record: HitRecord) -> Map<String, Value> {
    match serde_json::to_value(record) {
        Ok(Value::Object(map)) => map,
        _ => unreachable!("a struct of strings, numbers and lists serialises to an object"),
    }
}

/// `--format json`: keys in alphabetical order, as the server's `json!`
/// writes them.
#[derive(Serialize)]
struct ResultsRecord<'a> {
    /// The dates written in the query as words, read as dates too.
    dates_read: &'a [WrittenDate],
    hits: Vec<Record<'a>>,
    /// Hits passed over before the first (`--offset`).
    offset: usize,
    query: &'a str,
    total: usize,
}

/// The record of a hit: every key of [`HIT_FIELDS`]. The fields are in
/// alphabetical order, the order of a `serde_json::Map`, so that writing it
/// directly and writing it through a `Value` (for `--fields`, CSV and the
/// server) print the same bytes; the nested records' own fields are
/// declared in that order too (`crate::search::Mention` and its kind).
#[derive(Serialize)]
pub struct HitRecord<'a> {
    article: &'a str,
    context: &'a [ContextPassage],
    dates: &'a [DateMention],
    duplicates: &'a [Location],
    end: u64,
    entities: &'a [Mention],
    highlights: Vec<RangeRecord>,
    line: u64,
    misc: Vec<&'a str>,
    org: Vec<&'a str>,
    passage: u64,
    path: &'a str,
    person: Vec<&'a str>,
    place: Vec<&'a str>,
    published: Option<String>,
    /// As `f64`, as a `Value` holds it.
    score: f64,
    section: Option<&'a str>,
    snippet: String,
    start: u64,
    text: &'a str,
    title: Option<&'a str>,
    url: Option<&'a str>,
}

impl<'a> HitRecord<'a> {
    fn new(hit: &'a Hit, mark: bool) -> HitRecord<'a> {
        HitRecord {
            article: &hit.article,
            context: &hit.context,
            dates: &hit.dates,
            duplicates: &hit.duplicates,
            end: hit.end,
            entities: &hit.entities,
            highlights: hit
                .highlights
                .iter()
                .map(|r| RangeRecord {
                    end: r.end,
                    start: r.start,
                })
                .collect(),
            line: hit.line,
            misc: hit.names("MISC"),
            org: hit.names("ORG"),
            passage: hit.passage,
            path: &hit.path,
            person: hit.names("PER"),
            place: hit.names("LOC"),
            published: hit.published.map(|d| d.to_string()),
            score: f64::from(hit.score),
            section: hit.section.as_deref(),
            snippet: snippet_text(hit, mark),
            start: hit.start,
            text: &hit.text,
            title: hit.title.as_deref(),
            url: hit.url.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct RangeRecord {
    end: usize,
    start: usize,
}

/// The snippet, with `…` where it was cut and, if asked, marked highlights.
fn snippet_text(hit: &Hit, mark: bool) -> String {
    let window = snippet(&hit.text, &hit.highlights, SNIPPET_BYTES);
    if mark {
        window.render_html()
    } else {
        window.render("", "")
    }
}

/// One CSV cell: scalars as they are, lists joined with "; ", and
/// neighbouring passages with a blank line: a passage may hold "; ", so a
/// reader could not split them again, but never a blank line, at which
/// paragraphs end.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => spreadsheet_cell(s).into_owned(),
        Value::Array(items) => {
            let separator = if items.iter().all(is_passage) {
                "\n\n"
            } else {
                "; "
            };
            let list = items.iter().map(list_item).collect::<Vec<_>>();
            spreadsheet_cell(&list.join(separator)).into_owned()
        }
        other => other.to_string(),
    }
}

/// Whether a list element is a passage of its own (`context`'s).
fn is_passage(value: &Value) -> bool {
    value.get("passage").is_some() && value.get("text").is_some()
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn hit() -> Hit {
        Hit {
            score: 5.828_844,
            path: "news/a.md".into(),
            source: "a.md".into(),
            article: "a".into(),
            title: Some("Aliyev challenges Putin".into()),
            url: None,
            section: Some("Politics".into()),
            published: chrono::NaiveDate::from_ymd_opt(2024, 12, 30),
            passage: 5,
            line: 13,
            start: 100,
            end: 160,
            text: "On December 29, Aliyev spoke \"plainly\" to Putin.".into(),
            highlights: vec![16..22, 42..47],
            entities: vec![
                Mention {
                    text: "Aliyev".into(),
                    label: "PER".into(),
                    canonical: "Ilham Aliyev".into(),
                    start: 16,
                    end: 22,
                },
                Mention {
                    text: "Putin".into(),
                    label: "PER".into(),
                    canonical: "Vladimir Putin".into(),
                    start: 42,
                    end: 47,
                },
            ],
            dates: vec![DateMention {
                text: "December 29".into(),
                kind: "DATE".into(),
                value: "2024-12-29".into(),
                start: 3,
                end: 14,
            }],
            duplicates: vec![Location {
                article: "b".into(),
                path: "news/b.md".into(),
                passage: 2,
                line: 9,
            }],
            context: vec![ContextPassage {
                passage: 4,
                line: 11,
                text: "Earlier, the plane crashed.".into(),
            }],
        }
    }

    fn printed(format: Format, fields: &[&str]) -> String {
        let results = SearchResults {
            hits: vec![hit(), hit()],
            total: 7,
            offset: 0,
            dates_read: Vec::new(),
        };
        let options = HitOptions {
            fields: fields.iter().map(|f| f.to_string()).collect(),
            mark: true,
            context: false,
        };
        let mut out = Vec::new();
        write_hits(&mut out, format, Style::Plain, &options, "Aliyev", &results).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn records_print_the_same_written_directly_or_through_a_value() {
        // Every key picked with `--fields` goes through `serde_json::Value`,
        // whose maps sort their keys; without it, records are written
        // directly, so their fields must be in that same order.
        for format in [Format::Json, Format::Jsonl] {
            assert_eq!(printed(format, &[]), printed(format, HIT_FIELDS));
        }
        let json: Value = serde_json::from_str(&printed(Format::Json, &[])).unwrap();
        assert_eq!(json["total"], 7);
        assert_eq!(
            json["hits"][0]["person"],
            json!(["Ilham Aliyev", "Vladimir Putin"])
        );
        assert_eq!(
            json["hits"][0]["snippet"]
                .as_str()
                .unwrap()
                .matches("<mark>")
                .count(),
            2
        );
    }
}
