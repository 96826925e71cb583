//! The JSON API: query-string parameters → the same [`Filter`] and
//! requests the CLI builds → the same JSON the CLI prints.
//!
//! Parameters mirror the CLI's flags (`q` is the query). Every limit is
//! checked here, before the index is touched, and every mistake is a 400
//! with a message saying what to send instead.

use clap::ValueEnum;
use serde_json::{Value, json};

use super::http::percent_decode;
use crate::entities::EntityLabel;
use crate::error::{Error, Quoted};
use crate::output::{self, HitOptions};
use crate::search::{
    self, DateSide, Filter, Granularity, NameKind, SearchRequest, Sort, TimeField,
};
use crate::store::NewsIndex;

/// Longest query, in bytes.
pub const MAX_QUERY_BYTES: usize = 1000;
/// Longest entity name or article path, in bytes.
pub const MAX_NAME_BYTES: usize = 1000;
/// Most entity filters in one request.
pub const MAX_ENTITY_FILTERS: usize = 20;
/// Most section filters in one request.
pub const MAX_SECTION_FILTERS: usize = 20;
/// Most hits one search returns.
pub const MAX_LIMIT: usize = 100;
/// Most hits a search passes over (`offset`): a server shared by a
/// newsroom gathers at most this many more candidates for one request.
pub const MAX_OFFSET: usize = 10_000;
/// Most entities one count returns.
pub const MAX_TOP: usize = 200;
/// Most neighbouring passages on each side.
pub const MAX_CONTEXT: usize = 10;
/// Most passages of one article in a search.
pub const MAX_PER_ARTICLE: usize = 100;

/// A failed API call: an HTTP status and a message for `{"error": ...}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    pub message: String,
}

impl ApiError {
    pub fn bad(message: impl Into<String>) -> ApiError {
        ApiError {
            status: 400,
            message: message.into(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: 404,
            message: message.into(),
        }
    }
}

impl From<Error> for ApiError {
    fn from(err: Error) -> ApiError {
        match err {
            // The caller's mistakes.
            Error::InvalidQuery { .. }
            | Error::InvalidName { .. }
            | Error::InvalidDate { .. }
            | Error::InvalidDateRange { .. } => ApiError::bad(err.to_string()),
            // The server's: the index, the disk.
            other => ApiError {
                status: 500,
                message: other.to_string(),
            },
        }
    }
}

type ApiResult = Result<Value, ApiError>;

/// Decoded query parameters, in order; names may repeat.
#[derive(Debug, Default)]
pub struct Params(Vec<(String, String)>);

/// The parameters every query endpoint shares.
const FILTER_PARAMS: &[&str] = &[
    "q", "person", "org", "place", "misc", "name", "section", "since", "until",
];

impl Params {
    /// Parses a raw query string.
    pub fn parse(query: &str) -> Result<Params, ApiError> {
        let mut pairs = Vec::new();
        for part in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = part.split_once('=').unwrap_or((part, ""));
            let decode = |s: &str| {
                percent_decode(s).ok_or_else(|| {
                    ApiError::bad(format!(
                        "parameter {name:?} is not valid percent-encoded UTF-8"
                    ))
                })
            };
            pairs.push((decode(name)?, decode(value)?));
        }
        Ok(Params(pairs))
    }

    /// Refuses parameters the endpoint does not know: a typo should not
    /// silently return unfiltered results.
    fn only(&self, known: &[&[&str]]) -> Result<(), ApiError> {
        for (name, _) in &self.0 {
            if !known.iter().any(|k| k.contains(&name.as_str())) {
                let all: Vec<&str> = known.iter().flat_map(|k| k.iter().copied()).collect();
                return Err(ApiError::bad(format!(
                    "unknown parameter {name:?}; this endpoint takes {}",
                    all.join(", ")
                )));
            }
        }
        Ok(())
    }

    fn all(&self, name: &str) -> impl Iterator<Item = &str> {
        self.0
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// A parameter given at most once; an empty value counts as absent.
    fn one(&self, name: &str) -> Result<Option<&str>, ApiError> {
        let mut values = self.all(name);
        let first = values.next();
        if values.next().is_some() {
            return Err(ApiError::bad(format!("give {name:?} at most once")));
        }
        Ok(first.filter(|v| !v.trim().is_empty()))
    }

    /// A number in `range`, or `default` when absent.
    fn number(
        &self,
        name: &str,
        default: usize,
        range: std::ops::RangeInclusive<usize>,
    ) -> Result<usize, ApiError> {
        let Some(raw) = self.one(name)? else {
            return Ok(default);
        };
        raw.trim()
            .parse::<usize>()
            .ok()
            .filter(|n| range.contains(n))
            .ok_or_else(|| {
                ApiError::bad(format!(
                    "{name} must be a whole number from {} to {}, not {raw:?}",
                    range.start(),
                    range.end()
                ))
            })
    }

    fn flag(&self, name: &str, default: bool) -> Result<bool, ApiError> {
        match self.one(name)?.map(str::to_ascii_lowercase).as_deref() {
            None => Ok(default),
            Some("true" | "1" | "yes" | "on") => Ok(true),
            Some("false" | "0" | "no" | "off") => Ok(false),
            Some(other) => Err(ApiError::bad(format!(
                "{name} must be true or false, not {other:?}"
            ))),
        }
    }

    /// One of a clap value enum's names (the CLI's spelling).
    fn choice<T: ValueEnum>(&self, name: &str, default: T) -> Result<T, ApiError> {
        let Some(raw) = self.one(name)? else {
            return Ok(default);
        };
        T::from_str(raw.trim(), true).map_err(|_| {
            let names: Vec<String> = T::value_variants()
                .iter()
                .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
                .collect();
            ApiError::bad(format!(
                "{name} must be one of {}, not {raw:?}",
                names.join(", ")
            ))
        })
    }

    /// The query text (`q`, possibly empty) and the filters.
    fn filter(&self) -> Result<Filter, ApiError> {
        let query = self.one("q")?.unwrap_or_default();
        if query.len() > MAX_QUERY_BYTES {
            return Err(ApiError::bad(format!(
                "q is too long ({} bytes; the limit is {MAX_QUERY_BYTES})",
                query.len()
            )));
        }
        let date = |name: &str, side: DateSide| -> Result<_, ApiError> {
            self.one(name)?
                .map(|d| search::parse_user_date(d, side))
                .transpose()
                .map_err(|e| ApiError::bad(format!("{name}: {e}")))
        };
        let mut entities = Vec::new();
        for kind in [
            NameKind::Of(EntityLabel::Person),
            NameKind::Of(EntityLabel::Organization),
            NameKind::Of(EntityLabel::Location),
            NameKind::Of(EntityLabel::Misc),
            NameKind::Any,
        ] {
            let param = kind.param();
            for value in self.all(param).filter(|v| !v.trim().is_empty()) {
                if value.len() > MAX_NAME_BYTES {
                    return Err(ApiError::bad(format!("{param} is too long")));
                }
                entities.push((kind, value.trim().to_string()));
            }
        }
        if entities.len() > MAX_ENTITY_FILTERS {
            return Err(ApiError::bad(format!(
                "at most {MAX_ENTITY_FILTERS} entity filters"
            )));
        }
        let mut sections = Vec::new();
        for value in self.all("section").filter(|v| !v.trim().is_empty()) {
            if value.len() > MAX_NAME_BYTES {
                return Err(ApiError::bad("section is too long"));
            }
            sections.push(value.trim().to_string());
        }
        if sections.len() > MAX_SECTION_FILTERS {
            return Err(ApiError::bad(format!(
                "at most {MAX_SECTION_FILTERS} section filters"
            )));
        }
        Ok(Filter {
            query: query.to_string(),
            entities,
            sections,
            since: date("since", DateSide::First)?,
            until: date("until", DateSide::Last)?,
        })
    }
}

/// The sort names of `newsdex search --sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SortParam {
    Score,
    Published,
    Oldest,
    Date,
}

/// The type names of `newsdex entities --type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TypeParam {
    Any,
    Person,
    Org,
    Place,
    Misc,
}

/// `/api/search`: `{"query", "total", "offset", "hits": [HIT]}` as `search
/// --format json`, and `dates_read`: the dates written in the query as
/// words, each `{"text", "since", "until"}` (`SearchResults::dates_read`),
/// for the page to say why passages without those words match; `notes`:
/// what the CLI says on stderr of the query's lower-case `or`/`not`
/// (`query::operator_word_notes`); with no hit, `why_none`
/// says which words (or which words of an entity filter's name) no passage
/// holds, when they say why.
pub fn search(news: &NewsIndex, params: &Params) -> ApiResult {
    params.only(&[
        FILTER_PARAMS,
        &[
            "limit",
            "offset",
            "per_article",
            "sort",
            "context",
            "collapse",
            "fields",
            "mark",
        ],
    ])?;
    let filter = params.filter()?;
    let mut fields = Vec::new();
    for value in params.all("fields") {
        for field in value.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            if !output::HIT_FIELDS.contains(&field) {
                return Err(ApiError::bad(format!(
                    "fields: there is no field {field:?}; choose from {}",
                    output::HIT_FIELDS.join(",")
                )));
            }
            fields.push(field.to_string());
        }
    }
    let request = SearchRequest {
        limit: params.number("limit", 10, 1..=MAX_LIMIT)?,
        offset: params.number("offset", 0, 0..=MAX_OFFSET)?,
        per_article: params.number("per_article", 3, 0..=MAX_PER_ARTICLE)?,
        sort: match params.choice("sort", SortParam::Score)? {
            SortParam::Score => Sort::Score,
            SortParam::Published => Sort::Published,
            SortParam::Oldest => Sort::Oldest,
            SortParam::Date => Sort::Mentioned,
        },
        context: params.number("context", 0, 0..=MAX_CONTEXT)?,
        collapse: params.flag("collapse", true)?,
        filter,
    };
    let options = HitOptions {
        fields,
        mark: params.flag("mark", false)?,
        context: request.context > 0,
    };
    let results = search::search(news, &request)?;
    let hits: Vec<output::Record> = results
        .hits
        .iter()
        .map(|h| output::record(h, &options))
        .collect();
    let mut answer = json!({
        "query": request.filter.query,
        "total": results.total,
        "offset": results.offset,
        "hits": hits,
        "dates_read": results.dates_read,
        "notes": crate::query::operator_word_notes(&request.filter.query),
    });
    if results.total == 0 {
        // A misspelt name first: with it, the words are no reason.
        let mut why = Vec::new();
        for (kind, name) in &request.filter.entities {
            if let Some(reason) = search::why_no_name_matches(news, *kind, name)? {
                why.push(format!("{} {}: {reason}", kind.param(), Quoted(name)));
            }
        }
        for (kind, name) in search::names_in_query(&request.filter.query) {
            if let Some(reason) = search::why_no_name_matches(news, kind, &name)? {
                why.push(format!("{}:{}: {reason}", kind.param(), Quoted(&name)));
            }
        }
        for section in &request.filter.sections {
            if let Some(reason) = search::why_no_section_matches(news, section)? {
                why.push(format!("section {}: {reason}", Quoted(section)));
            }
        }
        for section in search::sections_in_query(&request.filter.query) {
            if let Some(reason) = search::why_no_section_matches(news, &section)? {
                why.push(format!("section:{}: {reason}", Quoted(&section)));
            }
        }
        if why.is_empty()
            && let Some(words) = search::why_no_words_match(news, &request.filter.query)?
        {
            why.push(words);
        }
        // Words that match, emptied by the dates or names: "No passages
        // match" alone sent people rewording a query that was fine.
        if why.is_empty() {
            why.extend(filters_emptied(news, params, &request.filter)?);
        }
        if !why.is_empty() {
            answer["why_none"] = why.join("; ").into();
        }
    } else if results.hits.is_empty() {
        // A page past the last hit: the passages match, the offset is
        // too far (the CLI says the same).
        answer["why_none"] = format!(
            "no hit after the first {}: {}; a smaller offset lists them",
            results.offset,
            crate::counted::counted(results.total as u64, "passage matches", "passages match")
        )
        .into();
    }
    Ok(answer)
}

/// [`search::emptied_by_filters`], the filters named as they were sent
/// (`since 2030`, `person "X"`).
fn filters_emptied(
    news: &NewsIndex,
    params: &Params,
    filter: &Filter,
) -> Result<Option<String>, ApiError> {
    let mut given = Vec::new();
    for name in ["since", "until"] {
        if let Some(date) = params.one(name)? {
            given.push(format!("{name} {}", date.trim()));
        }
    }
    for (kind, name) in &filter.entities {
        given.push(format!("{} {}", kind.param(), Quoted(name)));
    }
    for section in &filter.sections {
        given.push(format!("section {}", Quoted(section)));
    }
    Ok(search::emptied_by_filters(news, filter, &given.join(", "))?
        .map(|emptied| format!("{emptied}: change the dates or drop a filter")))
}

/// `/api/entities`: `{"query", "entities": [{label, name, passages, articles}]}`.
pub fn entities(news: &NewsIndex, params: &Params) -> ApiResult {
    params.only(&[FILTER_PARAMS, &["type", "top"]])?;
    let filter = params.filter()?;
    let label = match params.choice("type", TypeParam::Any)? {
        TypeParam::Any => None,
        TypeParam::Person => Some(EntityLabel::Person),
        TypeParam::Org => Some(EntityLabel::Organization),
        TypeParam::Place => Some(EntityLabel::Location),
        TypeParam::Misc => Some(EntityLabel::Misc),
    };
    let top = params.number("top", 20, 1..=MAX_TOP)?;
    let counts = search::entity_counts(news, &filter, label, top)?;
    Ok(json!({ "query": filter.query, "entities": counts }))
}

/// `/api/sections`: `{"query", "sections": [{section, passages, articles}]}`,
/// as `sections --format json`.
pub fn sections(news: &NewsIndex, params: &Params) -> ApiResult {
    params.only(&[FILTER_PARAMS, &["top"]])?;
    let filter = params.filter()?;
    let top = params.number("top", 20, 1..=MAX_TOP)?;
    let counts = search::section_counts(news, &filter, top)?;
    Ok(json!({ "query": filter.query, "sections": counts }))
}

/// `/api/timeline`: `{"query", "by", "field", "matching", "uncounted",
/// "buckets": [{start, label, passages, articles}]}`, as `timeline --format json`.
pub fn timeline(news: &NewsIndex, params: &Params) -> ApiResult {
    params.only(&[FILTER_PARAMS, &["by", "field"]])?;
    let filter = params.filter()?;
    let by = params.choice("by", Granularity::Month)?;
    let field = params.choice("field", TimeField::Mentioned)?;
    let timeline = search::timeline(news, &filter, by, field)?;
    Ok(output::timeline_record(&filter.query, by, field, &timeline))
}

/// `/api/article`: the passages of one article, as `show --format json`:
/// `{"query": path, "total", "truncated", "hits": [HIT]}`; with `passage`,
/// that passage and `context` (default 2) neighbours on each side, however
/// far into the article. `truncated` says a whole listing was cut at
/// [`search::MAX_ARTICLE_PASSAGES`] passages.
///
/// The path is only ever looked up as a term in the index, never opened
/// on disk, so `../` leads nowhere.
pub fn article(news: &NewsIndex, params: &Params) -> ApiResult {
    params.only(&[&["path", "article", "passage", "context"]])?;
    let path = params
        .one("path")?
        .ok_or_else(|| ApiError::bad("path is required: give a path as /api/search returns it"))?;
    // A file of many records holds many articles: `article` (a hit's) picks one.
    let article = params.one("article")?;
    if path.len() > MAX_NAME_BYTES || article.is_some_and(|a| a.len() > MAX_NAME_BYTES) {
        return Err(ApiError::bad("path or article is too long"));
    }
    let passage =
        match params.one("passage")? {
            None => None,
            Some(raw) => Some(raw.trim().parse::<u64>().map_err(|_| {
                ApiError::bad(format!("passage must be a whole number, not {raw:?}"))
            })?),
        };
    let context = params.number("context", 2, 0..=MAX_CONTEXT)? as u64;
    let around = passage.map(|passage| search::Around {
        passage,
        through: passage,
        context,
    });
    let listing = match article {
        Some(article) => search::read_article_of(news, path, article, around)?,
        None => search::read_article(news, path, around)?,
    };
    if !listing.found() {
        return Err(ApiError::not_found(match article {
            Some(article) if search::file_in_index(news, path)? => format!(
                "{path} holds no article {}: give the article of a hit of \
                 /api/search, or leave it out for the whole file",
                Quoted(article)
            ),
            _ => format!(
                "{} is not in the index: give a path as /api/search returns it",
                Quoted(path)
            ),
        }));
    }
    if let (Some(n), Some(last)) = (passage, listing.last) {
        return Err(ApiError::not_found(format!(
            "{path} has no passage {n}: its passages are 0 to {last}"
        )));
    }
    let passages = listing.passages;
    let options = HitOptions::default();
    let hits: Vec<output::Record> = passages
        .iter()
        .map(|h| output::record(h, &options))
        .collect();
    Ok(json!({
        "query": path,
        "total": hits.len(),
        "truncated": listing.truncated,
        "hits": hits
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_decode_and_repeat() {
        let p = Params::parse(
            "q=plane+crash&person=Ilham%20Aliyev&person=Putin&name=Baku&limit=5&section=UK+Politics&section=sport",
        )
        .unwrap();
        let filter = p.filter().unwrap();
        assert_eq!(filter.query, "plane crash");
        assert_eq!(filter.sections, ["UK Politics", "sport"]);
        let person = NameKind::Of(EntityLabel::Person);
        assert_eq!(
            filter.entities,
            [
                (person, "Ilham Aliyev".to_string()),
                (person, "Putin".to_string()),
                (NameKind::Any, "Baku".to_string())
            ]
        );
        assert_eq!(p.number("limit", 10, 1..=MAX_LIMIT).unwrap(), 5);
    }

    #[test]
    fn mistakes_are_400s() {
        let status = |query: &str| {
            let p = Params::parse(query).unwrap();
            p.only(&[FILTER_PARAMS, &["limit", "sort"]])
                .and_then(|()| p.filter())
                .and_then(|_| p.number("limit", 10, 1..=MAX_LIMIT))
                .and_then(|_| p.choice("sort", SortParam::Score).map(|_| 0))
                .map_err(|e| e.status)
        };
        assert_eq!(status("limit=101"), Err(400));
        assert_eq!(status("limit=-1"), Err(400));
        assert_eq!(status("limit=x"), Err(400));
        assert_eq!(status("sort=best"), Err(400));
        assert_eq!(status("since=yesterday"), Err(400));
        assert_eq!(status("q=a&q=b"), Err(400));
        assert_eq!(status("colour=red"), Err(400));
        assert_eq!(
            status(&format!("q={}", "a".repeat(MAX_QUERY_BYTES + 1))),
            Err(400)
        );
        assert_eq!(status("sort=DATE&limit=100"), Ok(0));
        assert!(Params::parse("q=%E2%28").is_err());
    }
}
