//! JSON articles: `.json` (one article object, an array of them, or an
//! object holding the array under `articles`, `items`, `data`, `results`,
//! `posts` or `entries`) and JSON Lines (`.jsonl`, `.ndjson`: one article a
//! line).
//!
//! Field names are read by [`super::fields`]. A record whose recognised
//! field has the wrong type, or which has no text, is skipped with a
//! warning; the other records are kept. `record` is the position of the
//! record in the file (its index in the array, or among non-blank lines),
//! skipped records included, so it names the same record on every run.
//!
//! Line anchors pin every line of a record's text to the line where the
//! record starts (JSON values carry their text on one source line). For
//! `.json` the start is found from serde_json's raw values, which borrow the
//! source, so it costs no second parse. serde_json's recursion limit turns
//! absurdly nested input into an error (a warning), never a stack overflow.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use serde_json::value::RawValue;

use super::fields::{self, Problem};
use super::{Loaded, Warning};
use crate::article::{Article, LineAnchor};

/// Keys under which a `.json` object may hold its list of articles.
const LIST_KEYS: &[&str] = &["articles", "items", "data", "results", "posts", "entries"];

/// Loads a `.json` file. `Err` when the file is not valid JSON at all.
pub fn load_json(path: &Path, source: &str) -> Result<Loaded, Warning> {
    let top: &RawValue = serde_json::from_str(source).map_err(|e| {
        Warning::at_line(
            path,
            e.line().max(1),
            format!("{}; skipped", json_error(&e)),
        )
    })?;
    let records = records(top).map_err(|reason| Warning::new(path, reason))?;
    let line_starts = line_starts(source);
    let mut loaded = Loaded::default();
    for (record, raw) in records.into_iter().enumerate() {
        // `raw` borrows `source`, so its address gives its offset.
        let offset = (raw.get().as_ptr() as usize).saturating_sub(source.as_ptr() as usize);
        let line = line_starts.partition_point(|&s| s <= offset).max(1);
        match serde_json::from_str::<Value>(raw.get()) {
            Ok(value) => load_record(path, record, line, value, &mut loaded),
            Err(e) => loaded.warnings.push(Warning::at_line(
                path,
                line,
                format!("record {record}: {}; skipped", json_error(&e)),
            )),
        }
    }
    Ok(loaded)
}

/// Loads a JSON Lines file: each non-blank line one record.
pub fn load_json_lines(path: &Path, source: &str) -> Loaded {
    let mut loaded = Loaded::default();
    let mut record = 0;
    for (i, line) in source.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(value) => load_record(path, record, i + 1, value, &mut loaded),
            Err(e) => loaded.warnings.push(Warning::at_line(
                path,
                i + 1,
                format!("{}; line skipped", json_error(&e)),
            )),
        }
        record += 1;
    }
    loaded
}

/// The article records of a `.json` document.
fn records(top: &RawValue) -> Result<Vec<&RawValue>, String> {
    let raw = top.get().trim_start();
    let not_records = || "top level is neither an article object nor an array; skipped".to_string();
    match raw.as_bytes().first() {
        Some(b'[') => serde_json::from_str(raw).map_err(|e| json_error(&e)),
        Some(b'{') => {
            let object: BTreeMap<String, &RawValue> =
                serde_json::from_str(raw).map_err(|e| json_error(&e))?;
            // An object with its own body is an article even if it has a
            // `data` list; otherwise a list under a known key holds them.
            if object.keys().any(|k| fields::is_text_key(k)) {
                return Ok(vec![top]);
            }
            let list = LIST_KEYS.iter().find_map(|key| {
                object
                    .get(*key)
                    .filter(|v| v.get().trim_start().starts_with('['))
            });
            match list {
                Some(list) => serde_json::from_str(list.get()).map_err(|e| json_error(&e)),
                None => Ok(vec![top]),
            }
        }
        _ => Err(not_records()),
    }
}

/// Turns one parsed record into an article, or a warning saying why not.
fn load_record(path: &Path, record: usize, line: usize, value: Value, loaded: &mut Loaded) {
    let warn =
        |message: String| Warning::at_line(path, line, format!("record {record}: {message}"));
    let Value::Object(object) = value else {
        loaded
            .warnings
            .push(warn("not a JSON object; skipped".to_string()));
        return;
    };
    let (fields, problems) = fields::read(&object);
    if let Some(Problem::WrongType(message)) =
        problems.iter().find(|p| matches!(p, Problem::WrongType(_)))
    {
        loaded.warnings.push(warn(format!("{message}; skipped")));
        return;
    }
    for problem in &problems {
        loaded
            .warnings
            .push(warn(format!("{}; ignored", problem.message())));
    }
    let Some(text) = fields.text.filter(|t| !t.trim().is_empty()) else {
        loaded.warnings.push(warn(
            "no text (text, body, content, article or description); skipped".to_string(),
        ));
        return;
    };
    let mut article = Article::from_text(path, text);
    article.record = record;
    article.id = fields.id;
    article.title = fields.title;
    article.url = fields.url;
    article.author = fields.author;
    article.published = fields.published;
    // Every line of the text comes from the record's one source line.
    article.line_anchors = std::iter::once(0)
        .chain(article.text.match_indices('\n').map(|(i, _)| i + 1))
        .map(|offset| LineAnchor { offset, line })
        .collect();
    loaded.articles.push(article);
}

/// serde_json's message without its ` at line L column C` suffix (the
/// warning has its own line), keeping the column.
fn json_error(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&suffix) {
        Some(reason) => format!("invalid JSON: {reason} (column {})", e.column()),
        None => format!("invalid JSON: {message}"),
    }
}

fn line_starts(source: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}
