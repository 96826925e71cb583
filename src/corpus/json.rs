//! JSON articles: `.json` (one article object, an array of them, or an
//! object holding the array under `articles`, `items`, `data`, `results`,
//! `posts` or `entries`) and JSON Lines (`.jsonl`, `.ndjson`: one article a
//! line).
//!
//! An object with a body of its own (`text`, `body`, `content`, ...) is an
//! article, even with a `data` list. Otherwise a list of objects under one
//! of those keys holds the articles, even when the object has a
//! `description` (a JSON Feed or an API's envelope describes itself); an
//! object with neither is one article, unless its every value is an object
//! under a key newsdex does not read (`{"a1": {...}, "b2": {...}}`): those
//! are its articles. A `.json` file of one object a line is JSON Lines
//! under the wrong name: it is read as such, with a warning.
//!
//! Field names are read by `super::fields`. A record whose text or title
//! has the wrong type, or which has neither, is skipped with a warning; the
//! other records are kept; so are they around a record that is not JSON at
//! all (an array is then read record by record). Another recognised field
//! of the wrong type (an `_id` object) is ignored with a warning. A record
//! with a title and no text is a headline-only story (a wire "brief"): its headline is its
//! text. `record` is the position of the record in the file (its index in
//! the array, or among non-blank lines), skipped records included, so it
//! names the same record on every run.
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
use super::html;
use super::record::Record;
use super::{Format, Loaded, Warning};
use crate::article::{Article, LineAnchor};

/// Keys under which a `.json` object may hold its list of articles.
pub(super) const LIST_KEYS: &[&str] = &["articles", "items", "data", "results", "posts", "entries"];

/// Loads a `.json` file. `Err` when the file is not valid JSON at all (an
/// array keeps the records that are).
pub fn load_json(path: &Path, source: &str) -> Result<Loaded, Warning> {
    // The common shape, one article object, is parsed once; every other
    // shape, and invalid JSON, takes the general path, which explains it.
    if let Some(object) = single_article(source) {
        let leading = &source[..source.len() - source.trim_start().len()];
        let line = 1 + leading.matches('\n').count();
        let mut loaded = Loaded::default();
        load_record(path, 0, line, Value::Object(object), &mut loaded);
        return Ok(loaded);
    }
    let top: &RawValue = match serde_json::from_str(source) {
        Ok(top) => top,
        Err(_) if is_json_lines(source) => {
            let mut loaded = load_json_lines(path, source)?;
            loaded.warnings.insert(
                0,
                Warning::misnamed(path, "one JSON record a line", Format::JsonLines),
            );
            return Ok(loaded);
        }
        // One bad record must not lose the others.
        Err(_) if let Some(loaded) = load_broken_array(path, source) => return Ok(loaded),
        Err(e) => {
            return Err(Warning::at_line(
                path,
                e.line().max(1),
                format!("{}; skipped", json_error(&e)),
            ));
        }
    };
    let records = records(top).map_err(|reason| Warning::new(path, reason))?;
    let mut loaded = Loaded::default();
    if records.is_empty() && top.get().trim_start().starts_with('{') {
        // Said, so that an article with an empty `data` list is not lost
        // without a word.
        let reason = "an envelope with an empty list of articles; nothing to index";
        loaded.warnings.push(Warning::new(path, reason));
    }
    load_raw_records(path, source, records.into_iter().enumerate(), &mut loaded);
    Ok(loaded)
}

/// Loads the complete records of a top-level array that was cut short (a
/// file over `--max-file-size`), and says how many there were. `None` when
/// `source` is no array, holds no complete record, or ends within it (what
/// was cut came after the array). The record cut in half gets no warning of
/// its own: the cut's warning says why it is missing.
pub fn load_cut_array(path: &Path, source: &str) -> Option<(Loaded, usize)> {
    let walk = ArrayWalk::of(source).filter(|walk| !walk.closed)?;
    let kept = walk.records.len();
    let mut loaded = Loaded {
        articles: Vec::new(),
        warnings: walk
            .problems
            .iter()
            .filter(|problem| !problem.at_end)
            .map(|problem| problem.warning(path))
            .collect(),
    };
    load_raw_records(path, source, walk.records, &mut loaded);
    Some((loaded, kept))
}

/// Loads the records of a top-level array that is not valid JSON as a
/// whole (a record with a syntax error, a comma before the `]`): every
/// record that parses on its own is kept, and each problem gets a warning
/// at its line. `None` when `source` is no array or holds no complete
/// record.
fn load_broken_array(path: &Path, source: &str) -> Option<Loaded> {
    let walk = ArrayWalk::of(source)?;
    let mut loaded = Loaded {
        articles: Vec::new(),
        warnings: walk.problems.iter().map(|p| p.warning(path)).collect(),
    };
    load_raw_records(path, source, walk.records, &mut loaded);
    Some(loaded)
}

/// A top-level array read element by element, for one that does not parse
/// whole: its complete records, numbered by their place in the array, and
/// what was wrong between them.
struct ArrayWalk<'a> {
    records: Vec<(usize, &'a RawValue)>,
    problems: Vec<ArrayProblem>,
    /// Whether the walk reached the array's `]`.
    closed: bool,
}

/// Something wrong in an array read element by element.
struct ArrayProblem {
    line: usize,
    message: String,
    /// At the end of the text (an array cut short), where nothing follows.
    at_end: bool,
}

impl ArrayProblem {
    fn warning(&self, path: &Path) -> Warning {
        Warning::at_line(path, self.line, self.message.clone())
    }
}

impl<'a> ArrayWalk<'a> {
    /// `None` when `source` is no array or holds no complete record.
    ///
    /// After a broken record the walk goes on at the next line that opens
    /// an object where the first record opened (a pretty-printed export puts
    /// each record on lines of its own): a `{` of the broken record's own
    /// fields is indented deeper. In an array on one line nothing after the
    /// error can be told from the broken record, so the rest is skipped
    /// with it, and the warning says so.
    fn of(source: &'a str) -> Option<ArrayWalk<'a>> {
        let skip_space = |at: usize| at + (source[at..].len() - source[at..].trim_start().len());
        let line_starts = line_starts(source);
        let line_of = |at: usize| line_starts.partition_point(|&s| s <= at).max(1);
        let line_start_of = |at: usize| line_starts[line_of(at) - 1];
        // The 1-based column of byte `at` on its line.
        let column_of = |at: usize| at - line_start_of(at) + 1;
        // Line and column (as serde_json counts them) of an error in the
        // text from `at`.
        let place = |at: usize, e: &serde_json::Error| {
            let line = line_of(at);
            match e.line() {
                1 => (line, column_of(at) - 1 + e.column()),
                n => (line + n - 1, e.column()),
            }
        };
        let mut at = skip_space(0);
        if !source[at..].starts_with('[') {
            return None;
        }
        at += 1;
        let mut walk = ArrayWalk {
            records: Vec::new(),
            problems: Vec::new(),
            closed: false,
        };
        // Where each record opens: the column of the first, when it is the
        // first thing on its line.
        let mut record_column = None;
        let mut record = 0;
        let unclosed = |at: usize| ArrayProblem {
            line: line_of(at),
            message: "invalid JSON: the array has no closing `]`; read to the end".to_string(),
            at_end: true,
        };
        loop {
            at = skip_space(at);
            if at == source.len() {
                walk.problems.push(unclosed(at));
                break;
            }
            if source[at..].starts_with(']') {
                walk.closed = true;
                break;
            }
            let line_start = line_start_of(at);
            if record == 0 && source[line_start..at].trim().is_empty() {
                record_column = Some(at - line_start);
            }
            let mut stream =
                serde_json::Deserializer::from_str(&source[at..]).into_iter::<&RawValue>();
            let error = match stream.next() {
                Some(Ok(raw)) => {
                    let end = skip_space(at + stream.byte_offset());
                    match source.as_bytes().get(end) {
                        Some(b',') => {
                            walk.records.push((record, raw));
                            record += 1;
                            at = end + 1;
                            let next = skip_space(at);
                            if source[next..].starts_with(']') {
                                let column = column_of(next);
                                walk.problems.push(ArrayProblem {
                                    line: line_of(next),
                                    message: format!(
                                        "invalid JSON: trailing comma (column {column}); ignored"
                                    ),
                                    at_end: false,
                                });
                                walk.closed = true;
                                break;
                            }
                            continue;
                        }
                        Some(b']') => {
                            walk.records.push((record, raw));
                            walk.closed = true;
                            break;
                        }
                        // The text ends after it: an object is whole (the
                        // array lacks its `]`), but a number may be cut
                        // short.
                        None if raw.get().starts_with('{') => {
                            walk.records.push((record, raw));
                            walk.problems.push(unclosed(end));
                            break;
                        }
                        None => {
                            walk.problems.push(ArrayProblem {
                                line: line_of(at),
                                message: format!("record {record}: cut short; skipped"),
                                at_end: true,
                            });
                            break;
                        }
                        // A record and then no comma: the record is whole,
                        // and the next one starts there.
                        Some(_) => {
                            walk.records.push((record, raw));
                            record += 1;
                            let column = column_of(end);
                            walk.problems.push(ArrayProblem {
                                line: line_of(end),
                                message: format!(
                                    "invalid JSON: expected `,` or `]` (column {column}); read on as if it were there"
                                ),
                                at_end: false,
                            });
                            at = end;
                            continue;
                        }
                    }
                }
                Some(Err(e)) => e,
                None => break,
            };
            let (line, column) = place(at, &error);
            let resume = record_column.and_then(|column| {
                line_starts
                    .iter()
                    .skip(line)
                    .map(|&start| start + column)
                    .find(|&open| {
                        source
                            .get(open - column..open)
                            .is_some_and(|s| s.trim().is_empty())
                            && source.get(open..).is_some_and(|s| s.starts_with('{'))
                    })
            });
            let rest = if resume.is_none() && !error.is_eof() {
                ", with the rest of the array"
            } else {
                ""
            };
            walk.problems.push(ArrayProblem {
                line,
                message: format!(
                    "record {record}: {}; skipped{rest}",
                    json_error_at(&error, column)
                ),
                at_end: error.is_eof(),
            });
            match resume {
                Some(open) => {
                    record += 1;
                    at = open;
                }
                None => break,
            }
        }
        (!walk.records.is_empty()).then_some(walk)
    }
}

/// Loads records that borrow `source`, numbered by their place in the
/// file, each anchored to the line it starts on.
fn load_raw_records<'a>(
    path: &Path,
    source: &str,
    records: impl IntoIterator<Item = (usize, &'a RawValue)>,
    loaded: &mut Loaded,
) {
    let line_starts = line_starts(source);
    for (record, raw) in records {
        // `raw` borrows `source`, so its address gives its offset.
        let offset = (raw.get().as_ptr() as usize).saturating_sub(source.as_ptr() as usize);
        let line = line_starts.partition_point(|&s| s <= offset).max(1);
        match serde_json::from_str::<Record>(raw.get()) {
            Ok(Record(value)) => load_record(path, record, line, value, loaded),
            Err(e) => loaded.warnings.push(Warning::at_line(
                path,
                line,
                format!("record {record}: {}; skipped", json_error(&e)),
            )),
        }
    }
}

/// Loads a JSON Lines file: each non-blank line one record. `Err` when no
/// line is JSON at all (a half-written export): as with a `.json` file that
/// is not JSON, the file fails and keeps the passages an earlier run
/// indexed, where loading nothing would have removed them.
pub fn load_json_lines(path: &Path, source: &str) -> Result<Loaded, Warning> {
    if is_one_json_document(source) {
        // A pretty-printed array or object named `.jsonl`: read line by
        // line, every line would be a warning and every article lost.
        let mut loaded = load_json(path, source).unwrap_or_else(|skipped| Loaded {
            articles: Vec::new(),
            warnings: vec![skipped],
        });
        let what = "one JSON document, not one record a line";
        loaded
            .warnings
            .insert(0, Warning::misnamed(path, what, Format::Json));
        return Ok(loaded);
    }
    let mut loaded = Loaded::default();
    let mut record = 0;
    let mut parsed = 0;
    for (i, line) in source.lines().enumerate() {
        // Files saved with a byte order mark and joined with `cat` keep
        // one at the start of each: no part of the record.
        let line = line.strip_prefix('\u{feff}').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Record>(line) {
            Ok(Record(value)) => {
                parsed += 1;
                load_record(path, record, i + 1, value, &mut loaded);
            }
            Err(e) => loaded.warnings.push(Warning::at_line(
                path,
                i + 1,
                format!("{}; line skipped", json_error(&e)),
            )),
        }
        record += 1;
    }
    if parsed == 0
        && let Some(first) = loaded.warnings.first()
    {
        // Every warning is a line that is not JSON; the first says why.
        let (line, reason) = (first.line.unwrap_or(1), &first.message);
        let reason = reason.strip_suffix("; line skipped").unwrap_or(reason);
        let message = format!("{reason}; no line could be read, file skipped");
        return Err(Warning::at_line(path, line, message));
    }
    Ok(loaded)
}

/// True when a `.json` file that is not one JSON value is JSON Lines (an
/// export named `.json`): its first record is a whole object on its own
/// line, and another line follows.
fn is_json_lines(source: &str) -> bool {
    let mut lines = source.lines().filter(|line| !line.trim().is_empty());
    let first_is_object = lines.next().is_some_and(|line| {
        line.trim_start().starts_with('{') && serde_json::from_str::<&RawValue>(line).is_ok()
    });
    first_is_object && lines.next().is_some()
}

/// True when a `.jsonl` file is one JSON array or object rather than one
/// record a line: its first line is an array or no JSON alone, and the
/// whole file is one array or object. A true JSON Lines file costs one
/// parse of its first line.
fn is_one_json_document(source: &str) -> bool {
    let Some(first) = source.lines().find(|line| !line.trim().is_empty()) else {
        return false;
    };
    let first = first.trim_start();
    let record_a_line = first.starts_with('{') && serde_json::from_str::<&RawValue>(first).is_ok();
    let starts_document = first.starts_with('{') || first.starts_with('[');
    !record_a_line && starts_document && serde_json::from_str::<&RawValue>(source).is_ok()
}

/// The top-level object of `source` when it is an article itself (it has a
/// text field), parsed in one pass.
fn single_article(source: &str) -> Option<serde_json::Map<String, Value>> {
    if !source.trim_start().starts_with('{') {
        return None;
    }
    let Record(Value::Object(object)) = serde_json::from_str(source).ok()? else {
        return None;
    };
    let lists = LIST_KEYS
        .iter()
        .filter_map(|key| object.get(*key)?.as_array())
        .map(|items| {
            let list = ListOf {
                records: items.iter().any(Value::is_object),
                empty: items.is_empty(),
                items: (),
            };
            Ok::<_, std::convert::Infallible>(list)
        });
    let is_article = matches!(shape(object.keys(), lists), Ok(Shape::Article));
    (is_article && object.keys().any(|k| fields::is_text_key(k))).then_some(object)
}

/// What a top-level object is (see the module doc).
enum Shape<T> {
    Article,
    /// The list of articles it holds.
    List(T),
    /// A feed or an API's response with an empty list: no article.
    Nothing,
}

/// A list under one of [`LIST_KEYS`], and what is in it.
struct ListOf<T> {
    items: T,
    /// Whether it holds an object: a list of records, not of tags.
    records: bool,
    empty: bool,
}

/// Keys that only a feed or an API's response has: with an empty list of
/// articles it holds none, and its `description` is of itself. A story with
/// a `description` and an empty `items` list stays a story.
pub(super) const ENVELOPE_KEYS: &[&str] = &["version", "status", "totalResults", "home_page_url"];

/// The [`Shape`] of an object with `keys` and `lists` (in the order of
/// [`LIST_KEYS`]), read as far as needed: a body of its own makes it an
/// article; else the first list of records is its articles; else an empty
/// list of a feed or a response makes it nothing. The one decision for
/// both ways an object is parsed.
fn shape<'a, T, E>(
    mut keys: impl Iterator<Item = &'a String> + Clone,
    lists: impl Iterator<Item = Result<ListOf<T>, E>>,
) -> Result<Shape<T>, E> {
    if keys.clone().any(|k| fields::is_body_key(k)) {
        return Ok(Shape::Article);
    }
    let mut empty_list = false;
    for list in lists {
        let list = list?;
        if list.records {
            return Ok(Shape::List(list.items));
        }
        empty_list |= list.empty;
    }
    if empty_list && keys.any(|key| ENVELOPE_KEYS.contains(&key.as_str())) {
        return Ok(Shape::Nothing);
    }
    Ok(Shape::Article)
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
            let lists = LIST_KEYS
                .iter()
                .filter_map(|key| object.get(*key))
                .filter(|list| list.get().trim_start().starts_with('['))
                .map(|list| -> Result<ListOf<Vec<&RawValue>>, String> {
                    let items: Vec<&RawValue> =
                        serde_json::from_str(list.get()).map_err(|e| json_error(&e))?;
                    Ok(ListOf {
                        records: items.iter().any(|i| i.get().trim_start().starts_with('{')),
                        empty: items.is_empty(),
                        items,
                    })
                });
            Ok(match shape(object.keys(), lists)? {
                Shape::Article if let Some(records) = keyed_records(&object) => records,
                Shape::Article => vec![top],
                Shape::List(items) => items,
                Shape::Nothing => Vec::new(),
            })
        }
        _ => Err(not_records()),
    }
}

/// The records of an object that files each under a key of its own
/// (`{"a1": {...}, "b2": {...}}`, an export of a key-value store), in the
/// order of the file: every value is an object and no key is a field
/// newsdex reads, so it is no article itself (as one, it had no text).
fn keyed_records<'a>(object: &BTreeMap<String, &'a RawValue>) -> Option<Vec<&'a RawValue>> {
    let is_object = |raw: &RawValue| raw.get().trim_start().starts_with('{');
    let keyed = !object.is_empty()
        && !object.keys().any(|key| fields::is_known_key(key))
        && object.values().all(|raw| is_object(raw));
    if !keyed {
        return None;
    }
    let mut records: Vec<&RawValue> = object.values().copied().collect();
    // Each borrows the source, so its address is its place in the file.
    records.sort_by_key(|raw| raw.get().as_ptr() as usize);
    Some(records)
}

/// Turns one parsed record into an article, or a warning saying why not.
/// `text`'s words joined by single spaces: a title is one line, whatever
/// blocks its markup held. Written into one buffer of the text's length
/// (the list of words collected first grew by doubling for every record).
fn single_line(text: &str) -> String {
    let mut line = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    line
}

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
    if let Some(Problem::WrongContent(message)) = problems
        .iter()
        .find(|p| matches!(p, Problem::WrongContent(_)))
    {
        loaded.warnings.push(warn(format!("{message}; skipped")));
        return;
    }
    for problem in &problems {
        loaded
            .warnings
            .push(warn(format!("{}; ignored", problem.message())));
    }
    // A headline-only record is kept: loading makes its title its text
    // (`Article::use_headline_when_bodiless`).
    let blank = |t: &Option<String>| t.as_deref().is_none_or(|t| t.trim().is_empty());
    if blank(&fields.text) && blank(&fields.title) {
        loaded.warnings.push(warn(
            "no text and no title (text, body, content, article, description or title); skipped"
                .to_string(),
        ));
        return;
    }
    let text = fields.text.map(|text| plain_text(text, &warn, loaded));
    let title = fields.title.map(|title| plain_text(title, &warn, loaded));
    let mut article = Article::from_text(path, text.unwrap_or_default());
    article.record = record;
    article.id = fields.id;
    // A title is one line, whatever blocks its markup held.
    article.title = title.map(|t| single_line(&t));
    article.url = fields.url;
    article.author = fields.author;
    article.section = fields.section;
    article.published = fields.published;
    // Every line of the text comes from the record's one source line.
    article.line_anchors = std::iter::once(0)
        .chain(article.text.match_indices('\n').map(|(i, _)| i + 1))
        .map(|offset| LineAnchor { offset, line })
        .collect();
    loaded.articles.push(article);
}

/// `value` as plain text: HTML (WordPress, JSON Feed's `content_html`,
/// feeds that keep the page's markup) becomes its paragraphs, so tags and
/// `&amp;` are not indexed as words. Markup nested too deeply to parse is
/// kept as it is, with a warning.
fn plain_text(value: String, warn: &dyn Fn(String) -> Warning, loaded: &mut Loaded) -> String {
    if !html::is_markup(&value) {
        return value;
    }
    match html::fragment_text(&value) {
        Some(text) => text,
        None => {
            loaded.warnings.push(warn(format!(
                "HTML nested more than {} elements deep; kept as it is",
                html::MAX_NESTING
            )));
            value
        }
    }
}

/// serde_json's message without its ` at line L column C` suffix (the
/// warning has its own line), keeping the column.
fn json_error(e: &serde_json::Error) -> String {
    json_error_at(e, e.column())
}

/// [`json_error`] at `column` of the file, for an error in a piece of it.
fn json_error_at(e: &serde_json::Error, column: usize) -> String {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&suffix) {
        Some(reason) => format!("invalid JSON: {reason} (column {column})"),
        None => format!("invalid JSON: {message}"),
    }
}

fn line_starts(source: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// (name, source, [(record, title, line)])
    type ShapeCase = (
        &'static str,
        &'static str,
        &'static [(usize, &'static str, usize)],
    );

    fn warnings(loaded: &Loaded) -> Vec<String> {
        loaded.warnings.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn json_shapes() {
        // (name, source, [(record, title, line)])
        let cases: &[ShapeCase] = &[
            (
                "one object",
                r#"{"title": "A", "body": "x"}"#,
                &[(0, "A", 1)],
            ),
            (
                "one object after blank lines",
                "\n\n  {\"title\": \"A\",\n \"body\": \"x\"}\n",
                &[(0, "A", 3)],
            ),
            (
                "one headline-only object",
                r#"{"title": "A"}"#,
                &[(0, "A", 1)],
            ),
            (
                "array",
                "[\n{\"title\": \"A\", \"text\": \"x\"},\n\n{\"title\": \"B\", \"text\": \"y\"}\n]",
                &[(0, "A", 2), (1, "B", 4)],
            ),
            (
                "articles key",
                "{\"status\": \"ok\", \"articles\": [\n  {\"title\": \"A\", \"content\": \"x\"}\n]}",
                &[(0, "A", 2)],
            ),
            (
                "items key",
                r#"{"items": [{"title": "A", "text": "x"}]}"#,
                &[(0, "A", 1)],
            ),
            (
                "data key",
                r#"{"data": [{"title": "A", "text": "x"}, {"title": "B", "text": "y"}]}"#,
                &[(0, "A", 1), (1, "B", 1)],
            ),
            (
                "article with a data field",
                r#"{"title": "A", "text": "x", "data": [1, 2]}"#,
                &[(0, "A", 1)],
            ),
            (
                "article with a body and a list of records",
                r#"{"title": "A", "body": "x", "items": [{"title": "B", "text": "y"}]}"#,
                &[(0, "A", 1)],
            ),
            (
                "summary with a list of tags",
                r#"{"title": "A", "summary": "x", "items": ["a", "b"]}"#,
                &[(0, "A", 1)],
            ),
            (
                "JSON Feed",
                "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Feed\",\n\"description\": \"Daily news\", \"items\": [\n{\"id\": \"1\", \"title\": \"A\", \"content_text\": \"x\"},\n{\"id\": \"2\", \"title\": \"B\", \"content_text\": \"y\"}]}",
                &[(0, "A", 3), (1, "B", 4)],
            ),
            (
                "envelope with a description and no body",
                r#"{"description": "search results", "results": [{"headline": "A", "summary": "x"}]}"#,
                &[(0, "A", 1)],
            ),
            ("empty array", "[]", &[]),
            (
                "records under keys of their own",
                "{\n\"b7\": {\"title\": \"A\", \"text\": \"x\"},\n\"a3\": {\"title\": \"B\", \"text\": \"y\"}\n}",
                &[(0, "A", 2), (1, "B", 3)],
            ),
        ];
        for (name, source, want) in cases {
            let loaded = load_json(Path::new("a.json"), source).unwrap();
            assert!(loaded.warnings.is_empty(), "{name}: {:?}", loaded.warnings);
            let got: Vec<(usize, &str, usize)> = loaded
                .articles
                .iter()
                .map(|a| (a.record, a.title.as_deref().unwrap(), a.line_at(0)))
                .collect();
            assert_eq!(got, *want, "{name}");
        }
    }

    #[test]
    fn html_in_records_is_read_as_text() {
        // A WordPress REST API post, and a JSON Feed item.
        let source = r#"[{"id": 5, "title": {"rendered": "Trump&#8217;s <em>plan</em>"}, "content": {"rendered": "<p>First &amp; foremost.</p>\n<p>Second.</p>"}},
            {"id": "2", "title": "B", "content_html": "<p>Feed <b>item</b>.</p>"}]"#;
        let loaded = load_json(Path::new("a.json"), source).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let got: Vec<(&str, &str)> = loaded
            .articles
            .iter()
            .map(|a| (a.title.as_deref().unwrap(), a.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Trump\u{2019}s plan", "First & foremost.\n\nSecond."),
                ("B", "Feed item."),
            ]
        );
    }

    #[test]
    fn json_fields() {
        let source = r#"[{"id": 12, "headline": "H", "body": "Line one.\nLine two.", "publishedAt": "2024-12-30T10:00:00Z", "link": "http://x", "byline": {"name": "A"}}]"#;
        let a = &load_json(Path::new("a.json"), source).unwrap().articles[0];
        assert_eq!(a.id.as_deref(), Some("12"));
        assert_eq!(a.title.as_deref(), Some("H"));
        assert_eq!(a.text, "Line one.\nLine two.");
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2024, 12, 30));
        assert_eq!(a.url.as_deref(), Some("http://x"));
        assert_eq!(a.author.as_deref(), Some("A"));
        // Every line of the text maps to the record's source line.
        assert_eq!(a.line_at(a.text.find("two").unwrap()), 1);
    }

    #[test]
    fn json_warnings() {
        // (name, source, kept records, warnings)
        let cases: &[(&str, &str, &[usize], &[&str])] = &[
            (
                "wrong type",
                "[{\"text\": \"x\"},\n{\"body\": 42},\n{\"text\": \"z\"}]",
                &[0, 2],
                &["a.json:2: record 1: field `body` is a number, expected a string; skipped"],
            ),
            (
                "not an object",
                "[{\"text\": \"x\"}, 3]",
                &[0],
                &["a.json:1: record 1: not a JSON object; skipped"],
            ),
            (
                "headline only",
                r#"[{"title": "Telecom splits stock", "body": ""}]"#,
                &[0],
                &[],
            ),
            (
                "no text, no title",
                r#"[{"title": " ", "url": "https://example.org/a"}]"#,
                &[],
                &[
                    "a.json:1: record 0: no text and no title (text, body, content, article, description or title); skipped",
                ],
            ),
            (
                "blank text",
                r#"[{"text": "  "}]"#,
                &[],
                &[
                    "a.json:1: record 0: no text and no title (text, body, content, article, description or title); skipped",
                ],
            ),
            (
                "JSON Feed without items",
                r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Feed", "description": "Daily news", "items": []}"#,
                &[],
                &["a.json: an envelope with an empty list of articles; nothing to index"],
            ),
            (
                "a story with an empty list",
                r#"{"title": "Storm brief", "description": "A storm hit.", "items": []}"#,
                &[0],
                &[],
            ),
            (
                "an empty list before the list of articles",
                r#"{"status": "ok", "data": [], "results": [{"title": "A", "text": "x"}]}"#,
                &[0],
                &[],
            ),
            (
                "envelope without articles",
                r#"{"status": "ok", "description": "Top headlines", "articles": []}"#,
                &[],
                &["a.json: an envelope with an empty list of articles; nothing to index"],
            ),
            (
                "a broken record",
                "[\n  {\"text\": \"x\"},\n  {\"text\": y},\n  {\"text\": \"z\"}\n]",
                &[0, 2],
                &["a.json:3: record 1: invalid JSON: expected value (column 12); skipped"],
            ),
            (
                "a broken record with objects inside",
                "[\n  {\n    \"text\": y,\n    \"meta\": {\n      \"a\": 1\n    }\n  },\n  {\n    \"text\": \"z\"\n  }\n]",
                &[1],
                &["a.json:3: record 0: invalid JSON: expected value (column 13); skipped"],
            ),
            (
                "a broken record in an array on one line",
                r#"[{"text": "x"}, {"text": y}, {"text": "z"}]"#,
                &[0],
                &[
                    "a.json:1: record 1: invalid JSON: expected value (column 26); skipped, with the rest of the array",
                ],
            ),
            (
                "a trailing comma",
                "[{\"text\": \"x\"},\n{\"text\": \"y\"},\n]",
                &[0, 1],
                &["a.json:3: invalid JSON: trailing comma (column 1); ignored"],
            ),
            (
                "a missing comma",
                "[\n{\"text\": \"x\"}\n{\"text\": \"y\"}\n]",
                &[0, 1],
                &[
                    "a.json:3: invalid JSON: expected `,` or `]` (column 1); read on as if it were there",
                ],
            ),
            (
                "no closing bracket",
                "[\n{\"text\": \"x\"},\n{\"text\": \"y\"}\n",
                &[0, 1],
                &["a.json:4: invalid JSON: the array has no closing `]`; read to the end"],
            ),
            (
                "no closing bracket after a comma",
                "[\n{\"text\": \"x\"},\n",
                &[0],
                &["a.json:3: invalid JSON: the array has no closing `]`; read to the end"],
            ),
            (
                "a file cut short",
                "[\n{\"text\": \"x\"},\n{\"text\": \"y",
                &[0],
                &[
                    "a.json:3: record 1: invalid JSON: EOF while parsing a string (column 11); skipped",
                ],
            ),
            (
                "bad date kept",
                r#"[{"text": "x", "date": "soon"}]"#,
                &[0],
                &["a.json:1: record 0: unrecognised date \"soon\" in field `date`; ignored"],
            ),
        ];
        for (name, source, kept, want) in cases {
            let loaded = load_json(Path::new("a.json"), source).unwrap();
            let records: Vec<usize> = loaded.articles.iter().map(|a| a.record).collect();
            assert_eq!(records, *kept, "{name}");
            assert_eq!(warnings(&loaded), *want, "{name}");
        }
    }

    #[test]
    fn fields_not_read_are_checked_as_fields_read_are() {
        // An unpaired surrogate, a number out of range and nesting past the
        // recursion limit each lose the record, in a field newsdex reads
        // or not.
        let deep = format!("{}1{}", "[".repeat(130), "]".repeat(130));
        let source = format!(
            "[{{\"text\": \"x\", \"note\": \"\\ud800\"}},\n{{\"text\": \"y\", \"n\": 1e400}},\n{{\"text\": \"z\", \"deep\": {deep}}},\n{{\"text\": \"w\", \"topics\": [\"a\\u0041\", {{\"b\": null}}]}}]"
        );
        let loaded = load_json(Path::new("a.json"), &source).unwrap();
        let texts: Vec<&str> = loaded.articles.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts, ["w"]);
        assert_eq!(
            warnings(&loaded),
            [
                "a.json:1: record 0: invalid JSON: unexpected end of hex escape (column 30); skipped",
                "a.json:2: record 1: invalid JSON: number out of range (column 24); skipped",
                "a.json:3: record 2: invalid JSON: recursion limit exceeded (column 149); skipped",
            ]
        );
    }

    #[test]
    fn json_lines_named_json_are_read_as_json_lines() {
        let source = "{\"title\": \"A\", \"text\": \"x\"}\n{\"title\": \"B\", \"text\": \"y\"}\n";
        let loaded = load_json(Path::new("a.json"), source).unwrap();
        let titles: Vec<&str> = loaded
            .articles
            .iter()
            .map(|a| a.title.as_deref().unwrap())
            .collect();
        assert_eq!(titles, ["A", "B"]);
        assert_eq!(loaded.articles[1].line_at(0), 2);
        assert_eq!(
            warnings(&loaded),
            ["a.json: holds one JSON record a line: read as JSON Lines (name it .jsonl)"]
        );
    }

    #[test]
    fn one_json_document_named_jsonl_is_read_as_json() {
        let cases: &[(&str, &[(&str, usize)])] = &[
            (
                "[\n  {\n    \"title\": \"A\",\n    \"text\": \"x\"\n  },\n  {\"title\": \"B\", \"text\": \"y\"}\n]\n",
                &[("A", 2), ("B", 6)],
            ),
            (
                "{\n  \"title\": \"A\",\n  \"text\": \"x\"\n}\n",
                &[("A", 1)],
            ),
            (
                r#"[{"title": "A", "text": "x"}, {"title": "B", "text": "y"}]"#,
                &[("A", 1), ("B", 1)],
            ),
        ];
        for (source, want) in cases {
            let loaded = load_json_lines(Path::new("a.jsonl"), source).unwrap();
            let got: Vec<(&str, usize)> = loaded
                .articles
                .iter()
                .map(|a| (a.title.as_deref().unwrap(), a.line_at(0)))
                .collect();
            assert_eq!(got, *want, "{source:?}");
            assert_eq!(
                warnings(&loaded),
                [
                    "a.jsonl: holds one JSON document, not one record a line: read as JSON (name it .json)"
                ],
                "{source:?}"
            );
        }
        // A JSON Lines file whose last record was cut short stays JSON Lines.
        let cut = "{\"title\": \"A\", \"text\": \"x\"}\n{\"title\": \"B\", \"te";
        assert_eq!(
            load_json_lines(Path::new("a.jsonl"), cut)
                .unwrap()
                .articles
                .len(),
            1
        );
    }

    #[test]
    fn json_files_skipped() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let deep_record = format!("[{}{}]", "[".repeat(1_000), "]".repeat(1_000));
        let cases: &[(&str, &str)] = &[
            (
                "{\"text\": \"x\",\n",
                "a.json:2: invalid JSON: EOF while parsing an object (column 0); skipped",
            ),
            (
                "42",
                "a.json: top level is neither an article object nor an array; skipped",
            ),
            (
                "{\"text\": \"x\"} x",
                "a.json:1: invalid JSON: trailing characters (column 15); skipped",
            ),
            (
                "\"text\"",
                "a.json: top level is neither an article object nor an array; skipped",
            ),
        ];
        for (source, want) in cases {
            let got = load_json(Path::new("a.json"), source).unwrap_err();
            assert_eq!(got.to_string(), *want, "{source:?}");
        }
        // JSON Lines fail whole only when no line can be read, even a line
        // that is JSON too deep to read.
        let deep_line = format!("{{\"text\": {}{}}}\n", "[".repeat(1_000), "]".repeat(1_000));
        let got = load_json_lines(Path::new("a.jsonl"), &deep_line).unwrap_err();
        assert!(
            got.to_string().contains("recursion limit exceeded")
                && got
                    .to_string()
                    .ends_with("; no line could be read, file skipped"),
            "{got}"
        );
        let lines: &[(&str, &str)] = &[
            (
                "\n{\"text\": \"x\n{\"text\": \"y\"\n",
                "a.jsonl:2: invalid JSON: EOF while parsing a string (column 11); no line could be read, file skipped",
            ),
            (
                "<html>\n",
                "a.jsonl:1: invalid JSON: expected value (column 1); no line could be read, file skipped",
            ),
        ];
        for (source, want) in lines {
            let got = load_json_lines(Path::new("a.jsonl"), source).unwrap_err();
            assert_eq!(got.to_string(), *want, "{source:?}");
        }
        // Nesting beyond serde_json's recursion limit is a warning, not a crash.
        let loaded = load_json(Path::new("a.json"), &deep).unwrap();
        assert!(loaded.articles.is_empty());
        assert!(
            warnings(&loaded)[0].contains("recursion limit exceeded"),
            "{:?}",
            loaded.warnings
        );
        let loaded = load_json(Path::new("a.json"), &deep_record).unwrap();
        assert!(
            warnings(&loaded)[0].contains("recursion limit exceeded"),
            "{:?}",
            loaded.warnings
        );
    }

    #[test]
    fn a_byte_order_mark_opening_a_line_is_no_part_of_the_record() {
        let source =
            "{\"title\": \"A\", \"text\": \"x\"}\n\u{feff}{\"title\": \"B\", \"text\": \"y\"}\n";
        let loaded = load_json_lines(Path::new("a.jsonl"), source).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let got: Vec<(usize, &str, usize)> = loaded
            .articles
            .iter()
            .map(|a| (a.record, a.title.as_deref().unwrap(), a.line_at(0)))
            .collect();
        assert_eq!(got, [(0, "A", 1), (1, "B", 2)]);
    }

    #[test]
    fn json_lines() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let source = format!(
            "{{\"title\": \"A\", \"text\": \"x\", \"date\": \"2024-12-30\"}}\n\n{{not json}}\n{{\"title\": \"B\", \"text\": \"y\"}}\r\n{deep}\n{{\"text\": true}}\n{{\"title\": \"C\", \"body\": \"z\"}}"
        );
        let loaded = load_json_lines(Path::new("a.jsonl"), &source).unwrap();
        let got: Vec<(usize, &str, usize)> = loaded
            .articles
            .iter()
            .map(|a| (a.record, a.title.as_deref().unwrap(), a.line_at(0)))
            .collect();
        assert_eq!(got, [(0, "A", 1), (2, "B", 4), (5, "C", 7)]);
        assert_eq!(
            loaded.articles[0].published,
            NaiveDate::from_ymd_opt(2024, 12, 30)
        );
        let w = warnings(&loaded);
        assert_eq!(w.len(), 3, "{w:?}");
        assert_eq!(
            w[0],
            "a.jsonl:3: invalid JSON: key must be a string (column 2); line skipped"
        );
        assert!(
            w[1].starts_with("a.jsonl:5: invalid JSON: recursion limit exceeded"),
            "{}",
            w[1]
        );
        assert_eq!(
            w[2],
            "a.jsonl:6: record 4: field `text` is a boolean, expected a string; skipped"
        );
    }
}
