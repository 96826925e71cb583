//! `newsdex export`: every passage of the index as NDJSON for Elasticsearch
//! (`_bulk` format) or Quickwit (one document a line), with the index
//! mapping (Elasticsearch) or index config (Quickwit) that matches it.
//!
//! Documents are read segment by segment and written as they are read, so
//! memory stays flat however large the index. Mentioned dates are not
//! stored in the index (they are indexed only), so they are recomputed from
//! the stored mentions exactly as the indexer computes them.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use serde_json::{Map, Value, json};
use tantivy::schema::{Field, Value as _};
use tantivy::{DocAddress, TantivyDocument};

use crate::counted::counted;
use crate::dates::value::calendar_points;
use crate::entities::EntityLabel;
use crate::indexer::{fnv1a, is_storable, to_day};
use crate::output;
use crate::schema::{Fields, article_identity};
use crate::schema::{MENTIONED_DATES, mentioned_date_field};
use crate::store::NewsIndex;

/// Where the documents go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// `_bulk` NDJSON (an action line, then the document) and an index mapping.
    Elasticsearch,
    /// One JSON document a line and a Quickwit index config (YAML).
    Quickwit,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Writes NDJSON to --out (or stdout) and the mapping next to it:\n  \
                  FILE.mapping.json (elasticsearch) or FILE.index-config.yaml (quickwit);\n  \
                  without --out, newsdex-mapping.json or newsdex-index-config.yaml in the current folder.\n\n\
                  Examples:\n  newsdex export --format elasticsearch --out news.ndjson\n  \
                  newsdex export --format quickwit --index ~/news-index --out news.ndjson"
)]
pub struct ExportArgs {
    /// Target system.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// NDJSON file to write (default, or `-`: standard output; the mapping
    /// then goes to the current folder, as it does for a device such as
    /// `/dev/stdout`).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Name of the index to create in the cluster.
    #[arg(long, default_value = "newsdex", value_parser = parse_index_name)]
    pub name: String,
}

/// Names both Elasticsearch and Quickwit accept.
fn parse_index_name(name: &str) -> Result<String, String> {
    let ok = (3..=100).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok {
        Ok(name.to_string())
    } else {
        Err(format!(
            "{name:?}: use 3 to 100 lower-case letters, digits, - or _, starting with a letter"
        ))
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportSummary {
    pub passages: u64,
    /// Passages with a value Quickwit stores but cannot search for (see
    /// [`QUICKWIT_TERM_LIMIT`]), and the first such field's name.
    pub unsearchable_in_quickwit: u64,
    pub first_unsearchable_field: Option<&'static str>,
}

pub fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let news = NewsIndex::open(&args.index)?;
    crate::indexer::note_older_analysis(&news)?;
    if let Some(out) = &args.out {
        check_out(out)?;
    }
    let out_file = args.out.as_deref().filter(|path| is_file_path(path));
    let mapping_path = mapping_path(args.format, out_file);
    let mapping = match args.format {
        ExportFormat::Elasticsearch => serde_json::to_string_pretty(&elasticsearch_mapping())?,
        ExportFormat::Quickwit => serde_yaml_ng::to_string(&quickwit_config(&args.name))?,
    };
    std::fs::write(&mapping_path, mapping + "\n")
        .with_context(|| format!("cannot write {}", mapping_path.display()))?;

    let summary = match args.out.as_deref().filter(|path| *path != Path::new("-")) {
        Some(path) => {
            let file =
                File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
            let mut out = BufWriter::new(file);
            let summary = export(&news, args.format, &args.name, &mut out)?;
            out.flush()
                .with_context(|| format!("cannot write {}", path.display()))?;
            summary
        }
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            let summary = export(&news, args.format, &args.name, &mut out)?;
            out.flush()?;
            summary
        }
    };
    eprintln!(
        "newsdex: exported {} to {}; {} in {}",
        counted(summary.passages, "passage", "passages"),
        args.out
            .as_deref()
            .filter(|path| *path != Path::new("-"))
            .map_or_else(
                || "standard output".to_string(),
                |p| p.display().to_string()
            ),
        match args.format {
            ExportFormat::Elasticsearch => "index mapping",
            ExportFormat::Quickwit => "index config",
        },
        mapping_path.display()
    );
    if let Some(field) = summary.first_unsearchable_field {
        eprintln!(
            "newsdex: note: in {}, `{field}` (or another key or name) holds {QUICKWIT_TERM_LIMIT} \
             bytes or more: Quickwit stores such a value, but its `raw` tokenizer indexes none, \
             so a search for it finds nothing; search the text instead",
            counted(summary.unsearchable_in_quickwit, "passage", "passages")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether `--out PATH` names a file to write the mapping beside: not `-`
/// (standard output) nor a device or pipe such as `/dev/stdout`.
fn is_file_path(path: &Path) -> bool {
    path != Path::new("-")
        && match std::fs::metadata(path) {
            Ok(meta) => meta.is_file(),
            // Not there yet: the export creates it.
            Err(_) => true,
        }
}

/// Refuses an `--out` that cannot be created as a file before anything is
/// written: a folder would send the mapping to the current folder and only
/// then fail, and a missing folder would fail after the mapping.
fn check_out(out: &Path) -> anyhow::Result<()> {
    if out.is_dir() {
        anyhow::bail!(
            "--out {}: is a folder: give a file in it, such as {}",
            out.display(),
            out.join("news.ndjson").display()
        );
    }
    if let Some(folder) = out.parent().filter(|p| !p.as_os_str().is_empty())
        && !folder.is_dir()
    {
        anyhow::bail!(
            "--out {}: folder {} does not exist: create it (mkdir -p {}) or choose another --out",
            out.display(),
            folder.display(),
            folder.display()
        );
    }
    Ok(())
}

/// `FILE.mapping.json` / `FILE.index-config.yaml` beside the output, or a
/// fixed name in the current folder when the documents go to stdout.
pub fn mapping_path(format: ExportFormat, out: Option<&Path>) -> PathBuf {
    let suffix = match format {
        ExportFormat::Elasticsearch => "mapping.json",
        ExportFormat::Quickwit => "index-config.yaml",
    };
    match out {
        Some(path) => {
            let mut name = path.as_os_str().to_owned();
            name.push(".");
            name.push(suffix);
            PathBuf::from(name)
        }
        None => PathBuf::from(format!("newsdex-{suffix}")),
    }
}

/// Writes every live passage of the last commit as NDJSON.
pub fn export(
    news: &NewsIndex,
    format: ExportFormat,
    index_name: &str,
    out: &mut dyn Write,
) -> anyhow::Result<ExportSummary> {
    let searcher = news.searcher()?;
    let mut summary = ExportSummary::default();
    for (ordinal, segment) in searcher.segment_readers().iter().enumerate() {
        let ordinal = u32::try_from(ordinal).context("too many segments")?;
        for doc_id in segment.doc_ids_alive() {
            let doc: TantivyDocument = searcher.doc(DocAddress::new(ordinal, doc_id))?;
            // The marker of a file without passages is bookkeeping, not content.
            if doc.get_first(news.fields.text).is_none() {
                continue;
            }
            let source = document(&news.fields, &doc, format);
            if format == ExportFormat::Quickwit
                && let Some(field) = unsearchable_in_quickwit(&source)
            {
                summary.unsearchable_in_quickwit += 1;
                summary.first_unsearchable_field.get_or_insert(field);
            }
            if format == ExportFormat::Elasticsearch {
                let action = json!({ "index": { "_index": index_name, "_id": source["id"] } });
                output::write_line(out, &action)?;
            }
            output::write_line(out, &source)?;
            summary.passages += 1;
        }
    }
    Ok(summary)
}

/// One passage as a flat JSON document with every field.
fn document(f: &Fields, doc: &TantivyDocument, format: ExportFormat) -> Value {
    let text = |field: Field| doc.get_first(field).and_then(|v| v.as_str());
    let number = |field: Field| doc.get_first(field).and_then(|v| v.as_u64());
    let article = text(f.article).unwrap_or_default();
    let passage = number(f.ordinal).unwrap_or(0);
    let published = doc
        .get_first(f.published)
        .and_then(|v| v.as_datetime())
        .and_then(to_day);
    let mentions: Value = text(f.mentions)
        .and_then(|m| serde_json::from_str(m).ok())
        .unwrap_or_else(|| json!({}));
    let entities = mentions.get("entities").cloned().unwrap_or(json!([]));
    let dates = mentions.get("dates").cloned().unwrap_or(json!([]));
    let mentioned = mentioned_dates(&dates);

    let mut d = Map::new();
    let identity = article_identity(text(f.source).unwrap_or_default(), article);
    let id_limit = match format {
        ExportFormat::Elasticsearch => MAX_ID_BYTES,
        ExportFormat::Quickwit => QUICKWIT_TERM_LIMIT - 1,
    };
    d.insert(
        "id".into(),
        json!(document_id(&identity, passage, id_limit)),
    );
    d.insert("article".into(), json!(article));
    d.insert("path".into(), json!(text(f.path)));
    d.insert("source".into(), json!(text(f.source)));
    d.insert("title".into(), json!(text(f.title)));
    d.insert("url".into(), json!(text(f.url)));
    d.insert("section".into(), json!(text(f.section)));
    d.insert("published".into(), json!(published.map(timestamp)));
    d.insert("passage".into(), json!(passage));
    d.insert("line".into(), json!(number(f.line)));
    d.insert("start".into(), json!(number(f.start)));
    d.insert("end".into(), json!(number(f.end)));
    d.insert("text".into(), json!(text(f.text).unwrap_or_default()));
    for (name, label) in [
        ("person", EntityLabel::Person),
        ("org", EntityLabel::Organization),
        ("place", EntityLabel::Location),
        ("misc", EntityLabel::Misc),
    ] {
        d.insert(name.into(), json!(canonical_names(&entities, label)));
    }
    for (name, days) in mentioned {
        d.insert(name.into(), json!(days));
    }
    d.insert("entities".into(), entities);
    d.insert("dates".into(), dates);
    Value::Object(d)
}

/// The distinct canonical names of one type among a passage's stored
/// entity mentions, in order: the index keeps them only as terms.
fn canonical_names(entities: &Value, label: EntityLabel) -> BTreeSet<&str> {
    let Some(mentions) = entities.as_array() else {
        return BTreeSet::new();
    };
    mentions
        .iter()
        .filter(|mention| mention["label"].as_str() == Some(label.as_str()))
        .filter_map(|mention| mention["canonical"].as_str())
        .collect()
}

/// Elasticsearch refuses an `_id` longer than this many bytes.
const MAX_ID_BYTES: usize = 512;

/// Quickwit's `raw` (and `raw_lowercase`) tokenizer drops a value of this
/// many bytes or more (its `RemoveLongFilter`): the document keeps it, but
/// no term query or aggregation finds it.
pub const QUICKWIT_TERM_LIMIT: usize = 255;

/// The Quickwit config's `raw` and `raw_lowercase` fields (see
/// [`quickwit_config`]).
const QUICKWIT_RAW_FIELDS: [&str; 9] = [
    "id", "article", "path", "source", "section", "person", "org", "place", "misc",
];

/// The first `raw` field of a Quickwit document with a value Quickwit
/// cannot index; `None` when every value is searchable.
fn unsearchable_in_quickwit(document: &Value) -> Option<&'static str> {
    QUICKWIT_RAW_FIELDS.into_iter().find(|field| {
        let too_long = |value: &Value| {
            value
                .as_str()
                .is_some_and(|s| s.len() >= QUICKWIT_TERM_LIMIT)
        };
        match &document[*field] {
            Value::Array(values) => values.iter().any(too_long),
            value => too_long(value),
        }
    })
}

/// A passage's document id: `IDENTITY#PASSAGE`, at most `limit` bytes
/// (Elasticsearch takes 512, Quickwit indexes 254). A longer identity (a
/// deep path, a record id that is a long URL) keeps its head and is told
/// apart by a hash of the whole.
fn document_id(identity: &str, passage: u64, limit: usize) -> String {
    let id = format!("{identity}#{passage}");
    if id.len() <= limit {
        return id;
    }
    let tail = format!("~{:016x}#{passage}", fnv1a(identity.as_bytes()));
    let mut cut = limit - tail.len();
    while !identity.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}{tail}", &identity[..cut])
}

/// The days, months and years the passage's dates cover, by the field the
/// indexer puts them in (dates and times only): those written as such, and
/// those of wider mentions (`date_day_wide`: the days of a week).
fn mentioned_dates(dates: &Value) -> BTreeMap<&'static str, Vec<String>> {
    let mut points = BTreeSet::new();
    for date in dates.as_array().into_iter().flatten() {
        let kind = date.get("type").and_then(Value::as_str).unwrap_or_default();
        if kind == "DATE" || kind == "TIME" {
            let value = date
                .get("value")
                .and_then(Value::as_str)
                .unwrap_or_default();
            points.extend(calendar_points(value));
        }
    }
    let mut fields: BTreeMap<&'static str, Vec<String>> = MENTIONED_DATES
        .iter()
        .map(|&(unit, widened)| (mentioned_date_field(unit, widened), Vec::new()))
        .collect();
    // As the indexer, which cannot store others; Quickwit's dates are
    // tantivy's too.
    for point in points.into_iter().filter(|p| is_storable(p.date)) {
        let name = mentioned_date_field(point.unit, point.widened);
        fields.entry(name).or_default().push(timestamp(point.date));
    }
    fields
}

/// A day as an RFC 3339 timestamp at midnight UTC: both targets parse it
/// without a custom format.
fn timestamp(day: NaiveDate) -> String {
    format!("{day}T00:00:00Z")
}

/// The Elasticsearch index mapping: prose as `text` analysed as newsdex
/// analyses it (positions and norms kept, for phrases and BM25), names as
/// `keyword` for aggregations with a `.text` sub-field for matching, the
/// section a `keyword` matched in any case, as newsdex matches it (so its
/// aggregations count "Politics" and "politics" as one, in lower case;
/// `_source` keeps it as written), and the mention objects kept in
/// `_source` only.
///
/// The prose analyzer is built from Elasticsearch's own parts to match
/// newsdex's: accents folded before lower-casing (`İstanbul` is
/// `istanbul`), Chinese, Japanese and Korean cut into overlapping pairs
/// (`cjk_bigram`; the built-in `english` analyzer kept a whole run as one
/// word), and the Snowball English stemmer (`porter2`), no stop words.
pub fn elasticsearch_mapping() -> Value {
    let prose = json!({
        "type": "text", "analyzer": PROSE_ANALYZER, "index_options": "positions", "norms": true
    });
    let keyword = json!({ "type": "keyword" });
    let section = json!({ "type": "keyword", "normalizer": SECTION_NORMALIZER });
    let name = json!({
        "type": "keyword",
        "fields": { "text": { "type": "text", "analyzer": "standard" } }
    });
    let date = json!({ "type": "date", "format": "strict_date_optional_time" });
    let integer = json!({ "type": "long" });
    let kept = json!({ "type": "object", "enabled": false });
    json!({
        "settings": {
            "analysis": {
                "analyzer": {
                    PROSE_ANALYZER: {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["cjk_width", "asciifolding", "lowercase", "cjk_bigram", "newsdex_english_stem"]
                    }
                },
                "filter": {
                    "newsdex_english_stem": { "type": "stemmer", "language": "porter2" }
                },
                "normalizer": {
                    SECTION_NORMALIZER: { "type": "custom", "filter": ["lowercase"] }
                }
            }
        },
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "id": keyword, "article": keyword, "path": keyword, "source": keyword,
                "title": prose, "url": { "type": "keyword", "index": false },
                "section": section,
                "published": date,
                "passage": integer, "line": integer, "start": integer, "end": integer,
                "text": prose,
                "person": name, "org": name, "place": name, "misc": name,
                "date_day": date, "date_month": date, "date_year": date,
                "date_day_wide": date, "date_month_wide": date, "date_year_wide": date,
                "entities": kept, "dates": kept
            }
        }
    })
}

/// The name of the Elasticsearch analyzer of titles and text.
const PROSE_ANALYZER: &str = "newsdex_prose";
/// The name of the Elasticsearch normalizer of sections.
const SECTION_NORMALIZER: &str = "newsdex_section";

/// The Quickwit index config: `en_stem` prose with positions and field
/// norms, raw fast names for aggregations, the section matched in any case
/// (`raw_lowercase`) and counted as written (its fast column), fast
/// datetimes; fields it does not map (the mention objects) are stored but
/// not indexed.
pub fn quickwit_config(index_id: &str) -> Value {
    let prose = |name: &str| {
        json!({ "name": name, "type": "text", "tokenizer": "en_stem", "record": "position",
                "fieldnorms": true, "stored": true })
    };
    let raw = |name: &str, kind: &str| json!({ "name": name, "type": kind, "tokenizer": "raw", "fast": true, "stored": true });
    let date = |name: &str, kind: &str| {
        json!({ "name": name, "type": kind, "input_formats": ["rfc3339"],
                "output_format": "rfc3339", "fast": true, "fast_precision": "seconds" })
    };
    let number = |name: &str| json!({ "name": name, "type": "u64", "fast": true });
    json!({
        "version": "0.8",
        "index_id": index_id,
        "doc_mapping": {
            "mode": "dynamic",
            "dynamic_mapping": { "indexed": false, "stored": true },
            "field_mappings": [
                raw("id", "text"), raw("article", "text"), raw("path", "text"),
                raw("source", "text"),
                prose("title"),
                { "name": "url", "type": "text", "indexed": false, "stored": true },
                { "name": "section", "type": "text", "tokenizer": "raw_lowercase", "fast": true,
                  "stored": true },
                date("published", "datetime"),
                number("passage"), number("line"), number("start"), number("end"),
                prose("text"),
                raw("person", "array<text>"), raw("org", "array<text>"),
                raw("place", "array<text>"), raw("misc", "array<text>"),
                date("date_day", "array<datetime>"), date("date_month", "array<datetime>"),
                date("date_year", "array<datetime>"),
                date("date_day_wide", "array<datetime>"), date("date_month_wide", "array<datetime>"),
                date("date_year_wide", "array<datetime>")
            ]
        },
        "search_settings": { "default_search_fields": ["title", "text"] }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentioned_dates_follow_the_indexer() {
        let dates = json!([
            { "type": "DATE", "value": "2024-12-25" },
            { "type": "DATE", "value": "2024-12" },
            { "type": "DURATION", "value": "2024" },
            { "type": "DATE", "value": "XXXX-12-25" },
            { "type": "DATE", "value": "199" },
            // The indexer cannot store these: the Battle of Hastings.
            { "type": "DATE", "value": "1066" },
            { "type": "DATE", "value": "08" }
        ]);
        let fields = mentioned_dates(&dates);
        assert_eq!(fields["date_day"], ["2024-12-25T00:00:00Z"]);
        assert_eq!(fields["date_month"], ["2024-12-01T00:00:00Z"]);
        assert!(fields["date_year"].is_empty());
        assert_eq!(fields["date_year_wide"].len(), 10);
        assert_eq!(fields["date_year_wide"][0], "1990-01-01T00:00:00Z");
        assert_eq!(fields.len(), MENTIONED_DATES.len());
    }

    #[test]
    fn document_ids_fit_elasticsearch_and_quickwit() {
        for limit in [MAX_ID_BYTES, QUICKWIT_TERM_LIMIT - 1] {
            let short = document_id("news/a.json#id:7", 3, limit);
            assert_eq!(short, "news/a.json#id:7#3");
            let url = format!("feed.jsonl#id:https://news.example/{}", "é".repeat(400));
            let long = document_id(&url, 12, limit);
            assert!(long.len() <= limit, "{} > {limit}", long.len());
            assert!(long.starts_with("feed.jsonl#id:https://news.example/é"));
            assert!(long.ends_with("#12"));
            // Identities that share the head stay apart.
            let other = format!("{url}x");
            assert_ne!(document_id(&other, 12, limit), long);
            assert_ne!(document_id(&url, 13, limit), long);
        }
    }

    #[test]
    fn the_long_values_checked_are_the_configs_raw_fields() {
        let config = quickwit_config("newsdex");
        let raw: Vec<&str> = config["doc_mapping"]["field_mappings"]
            .as_array()
            .unwrap()
            .iter()
            // `raw_lowercase` drops long values as `raw` does.
            .filter(|field| {
                field["tokenizer"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("raw"))
            })
            .map(|field| field["name"].as_str().unwrap())
            .collect();
        assert_eq!(raw, QUICKWIT_RAW_FIELDS);
    }

    #[test]
    fn quickwit_cannot_search_raw_values_of_255_bytes() {
        let long = "x".repeat(QUICKWIT_TERM_LIMIT);
        let cases = [
            (json!({ "id": "a#0", "person": ["Ilham Aliyev"] }), None),
            (json!({ "id": "a#0", "path": "x".repeat(254) }), None),
            (json!({ "id": "a#0", "path": long }), Some("path")),
            (json!({ "id": "a#0", "org": ["EADS", long] }), Some("org")),
            // Prose is cut into words: a long title is searchable.
            (json!({ "id": "a#0", "title": long }), None),
        ];
        for (document, expected) in cases {
            assert_eq!(unsearchable_in_quickwit(&document), expected, "{document}");
        }
    }

    #[test]
    fn mapping_files_sit_beside_the_output() {
        assert_eq!(
            mapping_path(
                ExportFormat::Elasticsearch,
                Some(Path::new("out/news.ndjson"))
            ),
            PathBuf::from("out/news.ndjson.mapping.json")
        );
        assert_eq!(
            mapping_path(ExportFormat::Quickwit, None),
            PathBuf::from("newsdex-index-config.yaml")
        );
        assert!(!is_file_path(Path::new("-")));
        assert!(!is_file_path(Path::new("/dev/null")));
        assert!(is_file_path(Path::new("out/not-yet-written.ndjson")));
        assert!(parse_index_name("News").is_err());
        assert!(parse_index_name("news-2024").is_ok());
    }
}
