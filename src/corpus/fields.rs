//! Article metadata from a JSON-like object: a JSON record, Markdown front
//! matter (YAML and TOML are converted to JSON values first) or an HTML
//! page's JSON-LD.
//!
//! Exports name the same thing many ways (`publishedAt`, `published_at`,
//! `pubDate`, ...), so keys are compared after lower-casing and dropping
//! `_`, `-` and spaces, and each field takes the first name of its list that
//! the object has with a non-null value.

use std::borrow::Cow;
use std::sync::LazyLock;

use chrono::NaiveDate;
use rustc_hash::FxHashSet;
use serde_json::{Map, Value};

use super::metadate::{
    PUBLICATION_YEARS, date_from_number, is_publication_date, not_a_date, parse_date,
};

/// Beside the common names: The Guardian's API (`webTitle`,
/// `webPublicationDate`, `webUrl`, `bodyText`), news-please and CC-News
/// (`maintext`, `date_publish`), Event Registry (`dateTimePub`), the New
/// York Times (`pub_date`, `web_url`, `abstract`, `lead_paragraph`, and
/// `headline: {"main": ...}`), and summarisation sets (`document`).
const TITLE_KEYS: &[&str] = &["title", "headline", "webtitle"];
/// Body keys in order of preference; the summary-like ones come last so a
/// record with both a body and a description uses the body.
const TEXT_KEYS: &[&str] = &[
    "text",
    "body",
    "content",
    "contenttext",
    "article",
    "articlebody",
    "maintext",
    "bodytext",
    "fulltext",
    "articletext",
    "document",
    "contenthtml",
    "html",
    "description",
    "summary",
    "abstract",
    "leadparagraph",
];
/// The text keys that hold a summary, not a body: a feed's own
/// `description` says what the feed is, and its stories are in a list.
const SUMMARY_KEYS: &[&str] = &["description", "summary", "abstract", "leadparagraph"];
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "publishedat",
    "pubdate",
    "datepublished",
    "publicationdate",
    "publishdate",
    "publishedtime",
    "datepublish",
    "webpublicationdate",
    "datetimepub",
    "firstpublished",
    "publishedon",
    "createdat",
    "created",
];
const URL_KEYS: &[&str] = &["url", "link", "permalink", "canonicalurl", "weburl"];
const ID_KEYS: &[&str] = &["id", "guid", "docid", "uuid"];
const AUTHOR_KEYS: &[&str] = &["author", "authors", "byline", "creator"];
/// The part of the paper a story ran in: the BBC's `category` (business,
/// sport, ...), the Guardian's `sectionName`, the New York Times'
/// `section_name`, a web page's JSON-LD `articleSection`. Not a field
/// [`is_known_key`] names: an object with a category alone is no article.
const SECTION_KEYS: &[&str] = &["section", "sectionname", "articlesection", "category"];

/// The metadata fields found in one object.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Fields {
    pub id: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// The section or category the story ran in, when it is a string.
    pub section: Option<String>,
    pub published: Option<NaiveDate>,
    pub text: Option<String>,
}

/// Something wrong with one field. The caller decides what it costs: a JSON
/// record whose text or title has the wrong type is skipped, any other
/// field is just lost (an `id` object, an `author` list of numbers), as in
/// front matter.
#[derive(Debug, PartialEq, Eq)]
pub enum Problem {
    /// `field \`body\` is a number, expected a string`: the text or title.
    WrongContent(String),
    /// `field \`id\` is a boolean, expected a string or number`: metadata.
    WrongType(String),
    /// `unrecognised date "next week" in field \`date\``
    BadDate(String),
}

impl Problem {
    pub fn message(&self) -> &str {
        match self {
            Problem::WrongContent(m) | Problem::WrongType(m) | Problem::BadDate(m) => m,
        }
    }
}

/// True if `key` names one of the body fields.
pub fn is_text_key(key: &str) -> bool {
    TEXT_KEYS.contains(&normalize(key).as_ref())
}

/// The names of the fields [`is_known_key`] names.
const KNOWN_KEYS: [&[&str]; 6] = [
    TITLE_KEYS,
    TEXT_KEYS,
    DATE_KEYS,
    URL_KEYS,
    ID_KEYS,
    AUTHOR_KEYS,
];

/// True if `key` names a field newsdex reads: title, text, date, url, id
/// or author.
pub fn is_known_key(key: &str) -> bool {
    let key = normalize(key);
    KNOWN_KEYS.iter().any(|keys| keys.contains(&key.as_ref()))
}

/// True if [`read`] may read `key`: one of the fields [`is_known_key`]
/// names, or the section. A JSON record keeps no other value. Asked of
/// every key of every record, so the names are in one table, and a key is
/// normalised once: going through the lists took as long as parsing the
/// values the answer spared.
pub fn is_read_key(key: &str) -> bool {
    static READ_KEYS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
        KNOWN_KEYS
            .iter()
            .chain([&SECTION_KEYS])
            .flat_map(|keys| keys.iter().copied())
            .collect()
    });
    READ_KEYS.contains(normalize(key).as_ref())
}

/// True if `key` names a body field that is not a summary: an object with
/// one is an article, whatever lists it also holds.
pub fn is_body_key(key: &str) -> bool {
    let key = normalize(key);
    TEXT_KEYS.contains(&key.as_ref()) && !SUMMARY_KEYS.contains(&key.as_ref())
}

/// Reads the recognised fields of `object`.
pub fn read(object: &Map<String, Value>) -> (Fields, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut fields = Fields::default();
    let object = NormalizedKeys::of(object);
    if let Some((key, value)) = object.lookup(TITLE_KEYS) {
        fields.title = match value {
            // A headline of digits ("1984") is a number to YAML front
            // matter and to spreadsheet-to-JSON converters.
            Value::Number(n) => Some(n.to_string()),
            _ => string(key, value, Problem::WrongContent, &mut problems),
        };
    }
    if let Some((key, value)) = object.lookup(TEXT_KEYS) {
        fields.text = match value {
            // Scrapers often keep a story as its list of paragraphs.
            Value::Array(items) if items.iter().all(Value::is_string) => Some(
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            ),
            _ => string(key, value, Problem::WrongContent, &mut problems),
        };
    }
    if let Some((key, value)) = object.lookup(URL_KEYS) {
        fields.url = string(key, value, Problem::WrongType, &mut problems);
    }
    if let Some((key, value)) = object.lookup(ID_KEYS) {
        fields.id = match value {
            Value::String(s) => Some(s.clone()),
            // Numeric ids are common and unambiguous.
            Value::Number(n) => Some(n.to_string()),
            // mongoexport's `"_id": {"$oid": "65a1..."}`.
            Value::Object(object) if matches!(object.get("$oid"), Some(Value::String(_))) => {
                object["$oid"].as_str().map(str::to_string)
            }
            other => {
                problems.push(wrong_type(key, other, "a string or number"));
                None
            }
        };
    }
    if let Some((key, value)) = object.lookup(AUTHOR_KEYS) {
        fields.author = author(value).or_else(|| {
            // A number is a user id (WordPress), not a name: no name is
            // lost, and a warning on every record would bury the others.
            if !value.is_number() {
                problems.push(wrong_type(
                    key,
                    value,
                    "a name, a list of names or an object with a name",
                ));
            }
            None
        });
    }
    // A section of another type (WordPress's numbered categories) says
    // nothing a reader would know it by, and is no problem of the story.
    if let Some((_, Value::String(section))) = object.lookup(SECTION_KEYS) {
        fields.section = Some(section.clone());
    }
    if let Some((key, value)) = object.lookup(DATE_KEYS) {
        match published(key, value) {
            Ok(date) => fields.published = Some(date),
            Err(problem) => problems.push(problem),
        }
    }
    // Blank strings say nothing; keep them from becoming empty titles.
    for value in [
        &mut fields.title,
        &mut fields.url,
        &mut fields.author,
        &mut fields.section,
        &mut fields.id,
    ] {
        if let Some(s) = value {
            let trimmed = s.trim();
            *value = (!trimmed.is_empty()).then(|| trimmed.to_string());
        }
    }
    (fields, problems)
}

/// `publishedAt`, `published_at` and `Published-At` all become `publishedat`.
/// Most keys ("body", "date") are normal already and are borrowed.
fn normalize(key: &str) -> Cow<'_, str> {
    if key.bytes().all(|b| b.is_ascii_lowercase()) {
        return Cow::Borrowed(key);
    }
    key.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// An object's keys with non-null values, each normalised once: every
/// record is looked up under some thirty names (normalising keys name by
/// name was 40 % of loading a one-story `.json` file).
struct NormalizedKeys<'a> {
    keys: Vec<(Cow<'a, str>, &'a str, &'a Value)>,
}

impl<'a> NormalizedKeys<'a> {
    fn of(object: &'a Map<String, Value>) -> NormalizedKeys<'a> {
        // Sized for every key: collected through the filter, the list
        // grew from 4 entries by doubling for every record.
        let mut keys = Vec::with_capacity(object.len());
        keys.extend(
            object
                .iter()
                .filter(|(_, value)| !value.is_null())
                .map(|(key, value)| (normalize(key), key.as_str(), value)),
        );
        NormalizedKeys { keys }
    }

    /// The first of `names` (normalised) that the object has with a
    /// non-null value.
    fn lookup(&self, names: &[&str]) -> Option<(&'a str, &'a Value)> {
        names.iter().find_map(|name| {
            self.keys
                .iter()
                .find(|(normalized, _, _)| normalized == name)
                .map(|&(_, key, value)| (key, value))
        })
    }
}

/// A string field; of another type, `problem` says so (`WrongContent` for
/// the text and title, which the record is not what it seems without).
fn string(
    key: &str,
    value: &Value,
    problem: fn(String) -> Problem,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        // WordPress's REST API: `"title": {"rendered": "..."}`; the New
        // York Times: `"headline": {"main": "...", "kicker": ...}`.
        Value::Object(object) if matches!(object.get("rendered"), Some(Value::String(_))) => {
            object["rendered"].as_str().map(str::to_string)
        }
        Value::Object(object) if matches!(object.get("main"), Some(Value::String(_))) => {
            object["main"].as_str().map(str::to_string)
        }
        other => {
            problems.push(problem(type_mismatch(key, other, "a string")));
            None
        }
    }
}

/// The date inside mongoexport's `{"$date": ...}`, which holds a string,
/// a number of milliseconds or `{"$numberLong": "..."}`; any other value
/// as it is.
fn mongo_date(value: &Value) -> &Value {
    let Some(date) = value.get("$date") else {
        return value;
    };
    date.get("$numberLong").unwrap_or(date)
}

/// The publication date in field `key`, or what is wrong with it. A date
/// outside the publication years is a placeholder (`0001-01-01`) or a
/// mistake: reported, it leaves the article to the path date or the default
/// date.
fn published(key: &str, value: &Value) -> Result<NaiveDate, Problem> {
    let date = match mongo_date(value) {
        Value::String(s) => parse_date(s)
            .ok_or_else(|| Problem::BadDate(format!("{} in field `{key}`", not_a_date(s))))?,
        Value::Number(n) => n.as_f64().and_then(date_from_number).ok_or_else(|| {
            Problem::BadDate(format!("timestamp {n} in field `{key}` is out of range"))
        })?,
        other => return Err(wrong_type(key, other, "a date string or unix timestamp")),
    };
    if !is_publication_date(date) {
        let (first, last) = PUBLICATION_YEARS.into_inner();
        return Err(Problem::BadDate(format!(
            "date {value} in field `{key}` is outside the publication years {first} to {last}"
        )));
    }
    Ok(date)
}

/// `"Jane Doe"`, `["Jane Doe", {"name": "John Roe"}]` or `{"name": "Jane Doe"}`.
fn author(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Object(map) => match map.get("name") {
            Some(Value::String(s)) => Some(s.clone()),
            _ => None,
        },
        Value::Array(items) => {
            let names: Option<Vec<String>> = items
                .iter()
                .map(|item| match item {
                    Value::Array(_) => None,
                    other => author(other),
                })
                .collect();
            names.filter(|n| !n.is_empty()).map(|n| n.join(", "))
        }
        _ => None,
    }
}

fn wrong_type(key: &str, value: &Value, expected: &str) -> Problem {
    Problem::WrongType(type_mismatch(key, value, expected))
}

fn type_mismatch(key: &str, value: &Value, expected: &str) -> String {
    format!("field `{key}` is {}, expected {expected}", type_name(value))
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read_json(value: Value) -> (Fields, Vec<Problem>) {
        match value {
            Value::Object(map) => read(&map),
            _ => panic!("not an object"),
        }
    }

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn a_record_keeps_the_keys_read_and_no_other() {
        for (key, read) in [
            ("Published_At", true),
            ("sectionName", true),
            ("content_html", true),
            ("byline", true),
            ("topics", false),
            ("date_raw", false),
        ] {
            assert_eq!(is_read_key(key), read, "{key}");
        }
    }

    #[test]
    fn recognises_field_names() {
        let cases: Vec<(Value, Fields)> = vec![
            (
                json!({"title": "T", "text": "B", "date": "2024-12-30", "url": "u", "id": "a1", "author": "A"}),
                Fields {
                    id: Some("a1".into()),
                    title: Some("T".into()),
                    url: Some("u".into()),
                    author: Some("A".into()),
                    section: None,
                    published: ymd(2024, 12, 30),
                    text: Some("B".into()),
                },
            ),
            (
                json!({"headline": "T", "body": "B", "publishedAt": "2024-12-30T10:00:00Z", "link": "u", "_id": 7, "byline": ["A", {"name": "C"}]}),
                Fields {
                    id: Some("7".into()),
                    title: Some("T".into()),
                    url: Some("u".into()),
                    author: Some("A, C".into()),
                    section: None,
                    published: ymd(2024, 12, 30),
                    text: Some("B".into()),
                },
            ),
            (
                json!({"content": "B", "published_at": 1735552800, "guid": "g", "author": {"name": "A"}}),
                Fields {
                    id: Some("g".into()),
                    author: Some("A".into()),
                    published: ymd(2024, 12, 30),
                    text: Some("B".into()),
                    ..Fields::default()
                },
            ),
            (
                json!({"article": "B", "pubDate": "Mon, 30 Dec 2024 10:00:00 GMT"}),
                Fields {
                    published: ymd(2024, 12, 30),
                    text: Some("B".into()),
                    ..Fields::default()
                },
            ),
            (
                json!({"description": "D", "datePublished": "December 30, 2024"}),
                Fields {
                    published: ymd(2024, 12, 30),
                    text: Some("D".into()),
                    ..Fields::default()
                },
            ),
            (
                json!({"description": "D", "body": "B", "date_published": "30 Dec 2024"}),
                Fields {
                    published: ymd(2024, 12, 30),
                    text: Some("B".into()),
                    ..Fields::default()
                },
            ),
            (
                json!({"id": 5, "date": "2024-12-30T10:00:00", "title": {"rendered": "T"}, "content": {"rendered": "<p>B</p>", "protected": false}}),
                Fields {
                    id: Some("5".into()),
                    title: Some("T".into()),
                    published: ymd(2024, 12, 30),
                    text: Some("<p>B</p>".into()),
                    ..Fields::default()
                },
            ),
            (
                json!({"title": "T", "maintext": "B", "description": "D", "date_publish": "2024-12-30 10:00:00", "url": "u", "authors": ["A"]}),
                Fields {
                    title: Some("T".into()),
                    url: Some("u".into()),
                    author: Some("A".into()),
                    published: ymd(2024, 12, 30),
                    text: Some("B".into()),
                    ..Fields::default()
                },
            ),
            (
                json!({"webTitle": "T", "webPublicationDate": "2024-12-30T10:00:00Z", "webUrl": "u", "bodyText": "B"}),
                Fields {
                    title: Some("T".into()),
                    url: Some("u".into()),
                    published: ymd(2024, 12, 30),
                    text: Some("B".into()),
                    ..Fields::default()
                },
            ),
            (
                json!({"headline": {"main": "T", "kicker": null}, "abstract": "S", "lead_paragraph": "L", "pub_date": "2024-12-30T10:00:00+0000", "web_url": "u"}),
                Fields {
                    title: Some("T".into()),
                    url: Some("u".into()),
                    published: ymd(2024, 12, 30),
                    text: Some("S".into()),
                    ..Fields::default()
                },
            ),
            (
                json!({"document": "B", "summary": "S", "id": "x1"}),
                Fields {
                    id: Some("x1".into()),
                    text: Some("B".into()),
                    ..Fields::default()
                },
            ),
            (
                json!({"date": {"$date": "2024-12-30T10:00:00Z"}, "text": "B"}),
                Fields {
                    published: ymd(2024, 12, 30),
                    text: Some("B".into()),
                    ..Fields::default()
                },
            ),
            (
                json!({"date": {"$date": {"$numberLong": "1735552800000"}}, "text": "B"}),
                Fields {
                    published: ymd(2024, 12, 30),
                    text: Some("B".into()),
                    ..Fields::default()
                },
            ),
            // The BBC's category, the Guardian's section; not a number.
            (
                json!({"id": "sport/124.txt", "category": "sport", "body": "B"}),
                Fields {
                    id: Some("sport/124.txt".into()),
                    section: Some("sport".into()),
                    text: Some("B".into()),
                    ..Fields::default()
                },
            ),
            (
                json!({"sectionName": " World news ", "webTitle": "T", "category": 7}),
                Fields {
                    title: Some("T".into()),
                    section: Some("World news".into()),
                    ..Fields::default()
                },
            ),
            (
                json!({"_id": {"$oid": "65a1f0c2"}, "text": "B", "author": 7}),
                Fields {
                    id: Some("65a1f0c2".into()),
                    text: Some("B".into()),
                    ..Fields::default()
                },
            ),
            (
                json!({"title": 1984, "content": ["One.", "Two."]}),
                Fields {
                    title: Some("1984".into()),
                    text: Some("One.\n\nTwo.".into()),
                    ..Fields::default()
                },
            ),
            (
                json!({"text": null, "body": "B", "created_at": "2024/12/30", "title": "  "}),
                Fields {
                    published: ymd(2024, 12, 30),
                    text: Some("B".into()),
                    ..Fields::default()
                },
            ),
        ];
        for (input, want) in cases {
            let (fields, problems) = read_json(input.clone());
            assert_eq!(fields, want, "{input}");
            assert!(problems.is_empty(), "{input}: {problems:?}");
        }
    }

    #[test]
    fn reads_the_publication_date() {
        // (value of `date`, published)
        let cases: &[(Value, Option<NaiveDate>)] = &[
            (json!("2024-12-30"), ymd(2024, 12, 30)),
            (json!("20241230"), ymd(2024, 12, 30)),
            (json!(20241230), ymd(2024, 12, 30)),
            (json!(1735552800), ymd(2024, 12, 30)),
            (json!(1735552800000_u64), ymd(2024, 12, 30)),
        ];
        for (value, want) in cases {
            let (fields, problems) = read_json(json!({ "date": value }));
            assert_eq!(fields.published, *want, "{value}");
            assert!(problems.is_empty(), "{value}: {problems:?}");
        }
    }

    #[test]
    fn reports_problems() {
        let cases: Vec<(Value, Problem)> = vec![
            (
                json!({"body": 42}),
                Problem::WrongContent("field `body` is a number, expected a string".into()),
            ),
            (
                json!({"text": ["a", 1]}),
                Problem::WrongContent("field `text` is an array, expected a string".into()),
            ),
            (
                json!({"title": ["a"]}),
                Problem::WrongContent("field `title` is an array, expected a string".into()),
            ),
            (
                json!({"id": true}),
                Problem::WrongType("field `id` is a boolean, expected a string or number".into()),
            ),
            (
                json!({"author": true}),
                Problem::WrongType(
                    "field `author` is a boolean, expected a name, a list of names or an object with a name"
                        .into(),
                ),
            ),
            (
                json!({"date": {"y": 2024}}),
                Problem::WrongType(
                    "field `date` is an object, expected a date string or unix timestamp".into(),
                ),
            ),
            (
                json!({"date": "next week"}),
                Problem::BadDate("unrecognised date \"next week\" in field `date`".into()),
            ),
            (
                json!({"date": "03/06/2008"}),
                Problem::BadDate("ambiguous date \"03/06/2008\" (3 June 2008 or 6 March 2008: write 2008-06-03 or 2008-03-06) in field `date`".into()),
            ),
            (
                json!({"date": 1e300}),
                Problem::BadDate("timestamp 1e+300 in field `date` is out of range".into()),
            ),
            (
                json!({"date": "0001-01-01T00:00:00Z"}),
                Problem::BadDate("date \"0001-01-01T00:00:00Z\" in field `date` is outside the publication years 1800 to 2200".into()),
            ),
            (
                json!({"date": {"$date": {"$numberLong": "-62135596800000"}}}),
                Problem::BadDate("date {\"$date\":{\"$numberLong\":\"-62135596800000\"}} in field `date` is outside the publication years 1800 to 2200".into()),
            ),
            (
                json!({"published": -62135596800_i64}),
                Problem::BadDate("date -62135596800 in field `published` is outside the publication years 1800 to 2200".into()),
            ),
        ];
        for (input, want) in cases {
            let (_, problems) = read_json(input.clone());
            assert_eq!(problems, vec![want], "{input}");
        }
    }
}
