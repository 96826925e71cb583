//! The user's query language, on top of tantivy's: what tantivy's parser
//! does not know is rewritten here before it sees the query.
//!
//! - Plain dates in ranges: `published:[2024-12-01 TO 2024-12-31]`,
//!   `published:2024-12`, and `date:[...]` for mentioned dates, which
//!   becomes a range over the day, month and year fields the indexer
//!   writes (so a month mention overlaps every day of its month).
//! - Dates written as words (`plane crash in December 2024`): see
//!   [`written_dates`].
//! - Fuzzy words: `Aliev~1` (edit distance 1 or 2), since names are spelt
//!   many ways. tantivy's parser reads them as words; [`fuzzy_word`] tells
//!   them apart, and `search` builds them where they stand, so they combine
//!   like any word (`(Asad~1 OR Assad) Syria`, `-Aliev~1`).
//!
//! Pure: strings in, strings and terms out.

use crate::chars;
use std::borrow::Cow;

pub mod demonyms;
pub mod respelling;
pub mod written_dates;

pub use written_dates::WrittenDate;

use chrono::{Duration, NaiveDate};

use crate::indexer::{FIRST_STORABLE_YEAR, LAST_STORABLE_YEAR};
use crate::schema::{MENTIONED_DATES, mentioned_date_field};
use crate::search::{DateSide, parse_user_date};
use crate::tokenizer::{continues_word, is_southeast_asian_mark};

/// `field:word~distance` (field optional).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FuzzyWord {
    pub field: Option<String>,
    pub word: String,
    pub distance: u8,
}

/// A query the user must fix: what is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryProblem {
    pub message: String,
}

/// Fields whose values are dates the user writes as plain dates.
const PUBLISHED: &str = "published";
const MENTIONED: &str = "date";

/// The field names users may put before a colon.
pub const USER_FIELDS: &[&str] = &[
    "title", "text", "person", "org", "place", "misc", "section", PUBLISHED, MENTIONED,
];

/// Days a query asks passages to mention: `(since, until)`, `None` for an
/// open side.
pub type DateRange = (Option<NaiveDate>, Option<NaiveDate>);

/// A query rewritten for tantivy's parser, with what the rewriting read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    pub text: String,
    /// The days of its `date:` clauses and of its dates written as words
    /// (which become such clauses), but not those it excludes
    /// (`-date:2024`): they mark the mentions that made a passage match.
    pub sought_dates: Vec<DateRange>,
    /// The dates written as words that became groups, for the user to be
    /// told how they were read.
    pub written_dates: Vec<WrittenDate>,
}

/// Rewrites a user's query for tantivy's parser (fuzzy words are left in
/// place: `search` builds them).
pub fn rewrite(query: &str) -> Result<String, QueryProblem> {
    rewrite_noting_dates(query).map(|rewritten| rewritten.text)
}

/// [`rewrite`], noting the days the query's date clauses seek.
pub fn rewrite_noting_dates(query: &str) -> Result<Rewritten, QueryProblem> {
    let query = ascii_spaces(query);
    let query = straight_quotes(&query);
    check_quotes_and_groups(&query)?;
    let written_dates = written_dates::find(&query);
    let query = written_dates::as_groups(&query, &written_dates);
    let mut rest: &str = &query;
    let mut pieces: Vec<String> = Vec::new();
    let mut sought_dates = Vec::new();
    while !rest.is_empty() {
        let (token, after) = next_token(rest);
        rest = after;
        if token.trim().is_empty() {
            pieces.push(token.to_string());
            continue;
        }
        // A group's parentheses (and a sign before them) stay around the
        // clause they hold: `(date:[…] OR published:2024-12)`.
        let (open, clause, close) = split_parentheses(token);
        if let Some(problem) = foreign_operator(clause) {
            return Err(problem);
        }
        if let Some((rewritten, sought)) = rewrite_date_clause(clause)? {
            if !open.contains('-') {
                sought_dates.extend(sought);
            }
            pieces.push(format!("{open}{rewritten}{close}"));
        } else {
            pieces.push(typographic_apostrophes(token));
        }
    }
    Ok(Rewritten {
        text: pieces.concat().trim().to_string(),
        sought_dates,
        written_dates,
    })
}

/// Operators of other search engines that tantivy's grammar reads as no
/// operator at all, which turned a query into its opposite: `crash ||
/// accident` (or `|`) found only the passages with both words, and `crash !drone`
/// only those with the drone. (`&&` reads as the words all must match,
/// which is what it means.)
fn foreign_operator(clause: &str) -> Option<QueryProblem> {
    if matches!(clause, "||" | "|") {
        return Some(problem(format!(
            "`{clause}` is no operator in newsdex: write OR"
        )));
    }
    let excluded = clause.strip_prefix('!')?;
    let excluded = excluded.trim_start_matches('!');
    Some(problem(if excluded.is_empty() {
        "`!` excludes nothing in newsdex: write `-word` to exclude a word".to_string()
    } else {
        format!("`{clause}` excludes nothing in newsdex: write `-{excluded}` to exclude it")
    }))
}

/// True for a token of the query that is a word and nothing else: no
/// quotes, fields, groups, ranges, signs, fuzziness, boosts or wildcards,
/// and no operator.
fn is_plain_word(token: &str) -> bool {
    !matches!(token, "OR" | "AND" | "NOT")
        && !token.starts_with(['+', '-'])
        && !token.contains(['"', ':', '(', ')', '[', ']', '{', '}', '~', '^', '*'])
}

/// The plain words of a query ([`is_plain_word`]), in query order:
/// `Aliyev "plane crash" -drone Baku` has `Aliyev` and `Baku`.
pub fn plain_words(query: &str) -> Vec<&str> {
    plain_runs(query)
        .into_iter()
        .flatten()
        .map(|(start, end)| &query[start..end])
        .collect()
}

/// The `or` and `not` not written in capitals that stand between two
/// clauses of the query (`Blair or Brown`, `person:Blair or person:Brown`):
/// tantivy reads operators in capitals only, so they are words every
/// passage must hold, and `Blair or Brown` found 23 passages where `Blair
/// OR Brown` found 787. So is `NEAR`, the proximity operator of news
/// archives (Factiva, Nexis), in capitals: `Blair NEAR Brown` found 4
/// passages of BBC + Reuters, the 4 that hold the word "near". As
/// written, in query order, each once; not an excluded one (`-or`), one in
/// a group's parentheses, nor one beside an operator.
pub fn operators_read_as_words(query: &str) -> Vec<&str> {
    let mut clauses = Vec::new();
    let mut at = 0;
    while at < query.len() {
        let (token, _) = next_token(&query[at..]);
        let token = &query[at..at + token.len()];
        at += token.len();
        if !token.trim().is_empty() {
            clauses.push(split_parentheses(token));
        }
    }
    let operator = |clause: &str| matches!(clause, "OR" | "AND" | "NOT" | "||" | "&&");
    let mut found = Vec::new();
    for (k, &(open, word, close)) in clauses.iter().enumerate() {
        let (Some(before), Some(after)) = (k.checked_sub(1), clauses.get(k + 1)) else {
            continue;
        };
        let lowered = matches!(word.to_ascii_lowercase().as_str(), "or" | "not");
        if (lowered || word == "NEAR")
            && !operator(word)
            && open.is_empty()
            && close.is_empty()
            && !operator(clauses[before].1)
            && !operator(after.1)
            && !found.contains(&word)
        {
            found.push(word);
        }
    }
    found
}

/// What to tell the user of each of the query's [`operators_read_as_words`]:
/// the CLI writes it to stderr, the API in `notes`, the page under its
/// search box.
pub fn operator_word_notes(query: &str) -> Vec<String> {
    operators_read_as_words(query)
        .into_iter()
        .map(|word| {
            let instead = if word == "NEAR" {
                "newsdex has no NEAR: a phrase with a slop, \"Blair Brown\"~5, finds two \
                 words at most five words apart"
            } else if word.eq_ignore_ascii_case("not") {
                "write NOT (in capitals) or -word to exclude a word"
            } else {
                "write OR (in capitals) for passages with either word"
            };
            format!("\"{word}\" is searched as a word every passage must hold; {instead}")
        })
        .collect()
}

/// A run of plain words: their tokens' byte ranges in the query.
pub(crate) type Run = Vec<(usize, usize)>;

/// The runs of plain words ([`is_plain_word`]), with no operator between
/// them.
pub(crate) fn plain_runs(query: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut run = Run::new();
    // Whether each group open at this token is excluded.
    let mut groups: Vec<bool> = Vec::new();
    let mut after_not = false;
    let mut at = 0;
    while at < query.len() {
        let (token, _) = next_token(&query[at..]);
        let span = (at, at + token.len());
        at = span.1;
        if token.trim().is_empty() {
            continue;
        }
        // A group's parentheses part runs but leave the word they touch
        // plain: `(crash in December 2024)` holds a date, as `(crash in
        // December 2024 )` did, and found nothing without it. The words of
        // an excluded group (`-(a b)`, `NOT (a b)`) are no plain words.
        let (open, clause, close) = split_parentheses(token);
        if !open.is_empty() && !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
        let mut excluding = after_not;
        for c in open.chars() {
            match c {
                '-' => excluding = true,
                '(' => groups.push(std::mem::take(&mut excluding)),
                _ => {}
            }
        }
        after_not = token == "NOT";
        let start = span.0 + open.len();
        if !clause.is_empty() && !groups.contains(&true) && is_plain_word(clause) {
            run.push((start, start + clause.len()));
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
        if !close.is_empty() && !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
        for _ in close.chars() {
            groups.pop();
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// `token` with each `'` outside double quotes written `’`. tantivy's
/// parser takes `'` for a quote, so `Reagan's budget` or `O'Brien` did not
/// parse; both apostrophes split words alike in the text and in the query,
/// so `O’Brien` finds what `"O'Brien"` finds.
fn typographic_apostrophes(token: &str) -> String {
    let mut in_quotes = false;
    token
        .chars()
        .map(|c| match c {
            '"' => {
                in_quotes = !in_quotes;
                c
            }
            '\'' if !in_quotes => '’',
            _ => c,
        })
        .collect()
}

/// `query` with its typographic double quotes (`“plane crash”`, German
/// `„…“`) made `"`, when it holds no `"` of its own: a word processor, a
/// phone or a copied headline types them, and tantivy's parser took them
/// for letters, so `“oil prices”` found every passage with both words
/// anywhere instead of the phrase. A query that also holds `"` keeps them
/// as written: they may be quotes inside its phrases.
fn straight_quotes(query: &str) -> Cow<'_, str> {
    let typographic = |c: char| matches!(c, '“' | '”' | '„' | '‟');
    if query.contains('"') || !query.contains(typographic) {
        return Cow::Borrowed(query);
    }
    Cow::Owned(query.replace(typographic, "\""))
}

/// `query` with every other space (the ideographic space a Japanese or
/// Chinese input method types, a no-break space pasted from a web page)
/// made a plain one: tantivy's parser splits words at ASCII spaces only,
/// and refused the query.
fn ascii_spaces(query: &str) -> Cow<'_, str> {
    if query.is_ascii() || !query.chars().any(|c| c.is_whitespace() && !c.is_ascii()) {
        return Cow::Borrowed(query);
    }
    let spaced = query
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c });
    Cow::Owned(spaced.collect())
}

/// `token` as the parentheses (and signs) that open groups before it, the
/// clause, and the parentheses that close groups after it:
/// `-(published:2024)` is `-(`, `published:2024` and `)`. A sign right
/// before the clause stays with it.
fn split_parentheses(token: &str) -> (&str, &str, &str) {
    let mut start = token.len() - token.trim_start_matches(['(', '+', '-']).len();
    // Of `(-date:…`, `-` is the clause's own sign.
    if start > 0 && token[..start].ends_with(['+', '-']) {
        start -= 1;
    }
    let (open, rest) = token.split_at(start);
    let clause = rest.trim_end_matches(')');
    (open, clause, &rest[clause.len()..])
}

/// Splits off the next whitespace run or token; a token keeps quoted
/// phrases and bracketed ranges whole.
fn next_token(input: &str) -> (&str, &str) {
    let first = input.chars().next().expect("input is not empty");
    if first.is_whitespace() {
        let end = input
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(input.len());
        return input.split_at(end);
    }
    let mut in_quotes = false;
    let mut depth = 0i32;
    for (i, c) in input.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            '[' | '{' if !in_quotes => depth += 1,
            ']' | '}' if !in_quotes => depth -= 1,
            c if c.is_whitespace() && !in_quotes && depth <= 0 => return input.split_at(i),
            _ => {}
        }
    }
    (input, "")
}

/// Parentheses nested deeper than this are refused: tantivy's query grammar
/// recurses once a level, and thousands of levels overflow the stack. No
/// one writes more than a few.
const MAX_GROUP_DEPTH: i32 = 64;

/// Refuses what tantivy's parser would take badly or not explain: an
/// unclosed quote or group, a `)` without its `(`, groups nested past
/// [`MAX_GROUP_DEPTH`], and a phrase with no word in it.
fn check_quotes_and_groups(query: &str) -> Result<(), QueryProblem> {
    let quotes = query.matches('"').count();
    if quotes % 2 == 1 {
        return Err(problem(
            "a quote is not closed: close the phrase with a second `\"`",
        ));
    }
    let mut depth = 0i32;
    let mut in_quotes = false;
    let mut phrase_start = 0;
    for (at, c) in query.char_indices() {
        match c {
            '"' if !in_quotes => {
                in_quotes = true;
                phrase_start = at + 1;
            }
            // `""` matched nothing and said only "no passage matches".
            '"' if !query[phrase_start..at]
                .chars()
                .any(crate::chars::is_alphanumeric) =>
            {
                return Err(problem(format!(
                    "the phrase `\"{}\"` holds no word: put words between the quotes, or \
                     remove them",
                    &query[phrase_start..at]
                )));
            }
            '"' => in_quotes = false,
            '(' if !in_quotes => depth += 1,
            ')' if !in_quotes => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return Err(problem(
                "a `)` has no matching `(`: remove it or add the `(`",
            ));
        }
        if depth > MAX_GROUP_DEPTH {
            return Err(problem(format!(
                "parentheses are nested more than {MAX_GROUP_DEPTH} deep: remove some"
            )));
        }
    }
    if depth > 0 {
        return Err(problem("a `(` is not closed: add the `)`"));
    }
    Ok(())
}

fn problem(message: impl Into<String>) -> QueryProblem {
    QueryProblem {
        message: message.into(),
    }
}

/// `published:…` and `date:…` with plain dates, rewritten with RFC 3339
/// bounds; `None` for any other token.
fn rewrite_date_clause(token: &str) -> Result<Option<(String, Option<DateRange>)>, QueryProblem> {
    let (prefix, body) = match token.split_once(':') {
        Some((field, body)) => (field, body),
        None => return Ok(None),
    };
    let sign = if prefix.starts_with(['+', '-']) {
        &prefix[..1]
    } else {
        ""
    };
    let field = &prefix[sign.len()..];
    if field != PUBLISHED && field != MENTIONED {
        return Ok(None);
    }
    let (mut since, until) = parse_date_range(field, body)?;
    // No stored date lies there: `date:1066` found nothing and did not say
    // why, where `--until 1066` is refused with the reason.
    if crate::indexer::outside_storable(since, until) {
        return Err(problem(format!(
            "`{field}:{body}` lies outside the dates the index holds, {FIRST_STORABLE_YEAR} to \
             {LAST_STORABLE_YEAR} (tantivy's range): search the text for the year instead \
             (`Hastings 1066`)"
        )));
    }
    // tantivy's parser drops a range open at both ends (`[* TO *]`, `*`),
    // so `-date:*` excluded nothing and `published:*` found nothing: from
    // the first day the index holds, it is "has a date", as other engines
    // read it.
    if since.is_none() && until.is_none() {
        since = NaiveDate::from_ymd_opt(FIRST_STORABLE_YEAR, 1, 1);
    }
    let bound = |d: Option<NaiveDate>| d.map_or_else(|| "*".to_string(), rfc3339);
    let clause = if field == PUBLISHED {
        format!("published:[{} TO {}]", bound(since), bound(until))
    } else {
        let ranges: Vec<String> = MENTIONED_DATES
            .iter()
            .map(|&(unit, widened)| {
                let start = |d: NaiveDate| unit.start_of(d);
                format!(
                    "{}:[{} TO {}]",
                    mentioned_date_field(unit, widened),
                    bound(since.map(start)),
                    bound(until.map(start))
                )
            })
            .collect();
        format!("({})", ranges.join(" OR "))
    };
    let sought = (field == MENTIONED && sign != "-").then_some((since, until));
    Ok(Some((format!("{sign}{clause}"), sought)))
}

/// `[A TO B]`, `{A TO B}` (exclusive), or a single date meaning its whole
/// day, month or year; `*` leaves a side open.
fn parse_date_range(field: &str, body: &str) -> Result<DateRange, QueryProblem> {
    let hint = || {
        problem(format!(
            "`{field}:{body}` is not a date range: write `{field}:2024-12-25`, `{field}:2024-12` or \
             `{field}:[2024-12-01 TO 2024-12-31]` (`*` leaves a side open)"
        ))
    };
    let date = |s: &str, side| -> Result<Option<NaiveDate>, QueryProblem> {
        match s.trim() {
            "*" => Ok(None),
            s => parse_user_date(s, side).map(Some).map_err(|_| hint()),
        }
    };
    let (open, close) = (body.chars().next(), body.chars().last());
    match (open, close) {
        (Some(o @ ('[' | '{')), Some(c @ (']' | '}'))) if body.len() >= 2 => {
            let inner = &body[1..body.len() - 1];
            let (a, b) = inner.split_once(" TO ").ok_or_else(hint)?;
            let mut since = date(a, DateSide::First)?;
            let mut until = date(b, DateSide::Last)?;
            // Exclusive bounds leave out the whole unit written.
            if o == '{' {
                since = date(a, DateSide::Last)?.map(|d| d + Duration::days(1));
            }
            if c == '}' {
                until = date(b, DateSide::First)?.map(|d| d - Duration::days(1));
            }
            if let (Some(since), Some(until)) = (since, until)
                && since > until
            {
                return Err(problem(format!(
                    "`{field}:{body}` holds no day: its start comes after its end"
                )));
            }
            Ok((since, until))
        }
        _ => Ok((date(body, DateSide::First)?, date(body, DateSide::Last)?)),
    }
}

fn rfc3339(date: NaiveDate) -> String {
    format!("{date}T00:00:00Z")
}

/// A word of tantivy's parser (outside quotes, in `field` if one was
/// given) that is fuzzy: `word~N`; `None` for any other word.
pub fn fuzzy_word(field: Option<&str>, text: &str) -> Result<Option<FuzzyWord>, QueryProblem> {
    let Some((word, distance)) = text.rsplit_once('~') else {
        return Ok(None);
    };
    // `'` is written `’` for tantivy's parser (see `typographic_apostrophes`).
    // Tone marks and viramas (`ไก่`, `ភ្នំ`, `प्रधानमंत्री`) and combining
    // accents (a decomposed `José`) are part of a word, though no letters
    // to Unicode.
    let word_char = |c: char| {
        chars::is_alphanumeric(c)
            || matches!(c, '\'' | '’' | '-')
            || continues_word(c)
            || is_southeast_asian_mark(c)
    };
    if !word.chars().any(chars::is_alphanumeric) || !word.chars().all(word_char) {
        return Ok(None);
    }
    let token = match field {
        Some(field) => format!("{field}:{text}"),
        None => text.to_string(),
    };
    let distance = match distance {
        "" => 1,
        d => d.parse::<u8>().map_err(|_| {
            problem(format!(
                "in `{token}`, `~` takes an edit distance of 1 or 2"
            ))
        })?,
    };
    if !(1..=2).contains(&distance) {
        return Err(problem(format!(
            "in `{token}`, the edit distance must be 1 or 2"
        )));
    }
    Ok(Some(FuzzyWord {
        field: field.map(str::to_string),
        word: word.to_string(),
        distance,
    }))
}

/// Why a word holding `*` is refused, and what to write instead.
///
/// tantivy's parser drops the `*` of `Khodorkov*` and searches the rest
/// as a whole word, so a search for stories about Khodorkovsky found
/// nothing and did not say why: it looked like no coverage at all.
pub fn wildcard_problem(word: &str) -> String {
    let stem = word.replace('*', "");
    format!(
        "`{word}`: newsdex has no wildcards in words; write the whole word (other endings match: \
         `crash` finds \"crashes\"), a fuzzy word for other spellings (`{stem}~2`), or a phrase \
         ending in * (`\"plane cra\"*`)"
    )
}

/// A message for tantivy's parser errors that says how to fix the query.
pub fn explain_parser_error(error: &tantivy::query::QueryParserError) -> String {
    use tantivy::query::QueryParserError as E;
    match error {
        // A field stored but not searched (`url:`, `path:`) is no field of
        // the query language either.
        E::FieldDoesNotExist(field) | E::FieldNotIndexed(field) => format!(
            "there is no field `{field}:`; use one of {}, or put the words in quotes",
            field_list()
        ),
        E::AllButQueryForbidden => {
            "a query cannot only exclude (`-word`): add a word to search for".into()
        }
        E::DateFormatError(_) => "dates are written 2024-12-25, 2024-12 or 2024".into(),
        // `oil >5`, `[a TO b]`: tantivy names its own limitation, not
        // the ranges this query language has.
        E::UnsupportedQuery(detail) if detail.contains("Range query") => {
            "a range (`[a TO b]`, `>5`) needs a date field: write `date:[2024-12-20 TO \
             2024-12-31]` or `published:[2024-12 TO *]`, or leave out the `>`, `<` or brackets \
             to search for the words"
                .into()
        }
        E::SyntaxError(detail) if let Some(problem) = misplaced_operator(detail) => problem,
        E::SyntaxError(detail) => {
            format!(
                "the query does not parse ({}); check quotes, parentheses and `field:` prefixes",
                crate::error::shown_start(detail)
            )
        }
        other => other.to_string(),
    }
}

/// The fields a query may name: `title:, person:, ...`.
fn field_list() -> String {
    USER_FIELDS
        .iter()
        .map(|f| format!("{f}:"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A piece of a query, as far as [`misplaced_operator`] needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece<'a> {
    Open,
    Close,
    /// `AND`, `OR`: a word on each side.
    Joins(&'a str),
    /// `NOT`: a word after it.
    Not,
    /// `-` or `+` standing alone, away from the word it should touch.
    Sign(&'a str),
    /// `title:` with nothing joined to it.
    Field(&'a str),
    /// `oil:`: a colon after a word that names no field.
    NoField(&'a str),
    /// A word or phrase ending in a `^` or `~` with no number after it.
    Modifier(&'a str),
    /// A word, a phrase, anything else.
    Word,
}

fn piece(word: &str) -> Piece<'_> {
    match word {
        "AND" | "OR" => Piece::Joins(word),
        "NOT" => Piece::Not,
        "-" | "+" => Piece::Sign(word),
        _ if word.ends_with(':') && USER_FIELDS.contains(&&word[..word.len() - 1]) => {
            Piece::Field(&word[..word.len() - 1])
        }
        _ if word.ends_with(':') && !word.contains('"') => Piece::NoField(&word[..word.len() - 1]),
        _ if word.ends_with('^') || word.ends_with("\"~") => Piece::Modifier(word),
        _ => Piece::Word,
    }
}

fn pieces(query: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut start = None;
    let mut in_quotes = false;
    for (i, c) in query.char_indices() {
        if c == '"' {
            in_quotes = !in_quotes;
        }
        let separates = !in_quotes && (c.is_whitespace() || c == '(' || c == ')');
        if !separates {
            start.get_or_insert(i);
            continue;
        }
        if let Some(begin) = start.take() {
            pieces.push(piece(&query[begin..i]));
        }
        match c {
            '(' => pieces.push(Piece::Open),
            ')' => pieces.push(Piece::Close),
            _ => {}
        }
    }
    if let Some(begin) = start {
        pieces.push(piece(&query[begin..]));
    }
    pieces
}

/// What is wrong with a query tantivy's grammar refused, when it is an
/// operator, a sign or a field with nothing to work on (`crash AND`, `OR
/// crash`, `crash -`, `title:`, `()`): "the query does not parse" left a
/// user to find it. `None` when none is.
fn misplaced_operator(query: &str) -> Option<String> {
    let pieces = pieces(query);
    let is_word_after = |i: usize| matches!(pieces.get(i + 1), Some(Piece::Word | Piece::Open));
    for (i, piece) in pieces.iter().enumerate() {
        let before = i.checked_sub(1).map(|b| pieces[b]);
        match *piece {
            Piece::Sign(sign) => {
                let does = if sign == "-" { "excludes" } else { "requires" };
                return Some(format!(
                    "`{sign}` {does} the word it touches: write `{sign}word`, with no space"
                ));
            }
            Piece::Field(field) if !is_word_after(i) => {
                return Some(format!(
                    "`{field}:` has no word after it: write `{field}:word` or \
                     `{field}:\"two words\"`"
                ));
            }
            Piece::Modifier(word) => {
                return Some(if word.ends_with('^') {
                    format!("`{word}` needs a number after `^`: write `{word}2` to count it double")
                } else {
                    format!(
                        "`{word}` needs a number after `~`: write `{word}2` to allow two words \
                         between"
                    )
                });
            }
            Piece::NoField(word) => {
                return Some(format!(
                    "`{word}:` names no field ({}): remove the `:`, or put the words in quotes",
                    field_list()
                ));
            }
            Piece::Open if pieces.get(i + 1) == Some(&Piece::Close) => {
                return Some("`()` holds nothing: put words in it, or remove it".into());
            }
            Piece::Joins(op) if !matches!(before, Some(Piece::Word | Piece::Close)) => {
                return Some(format!(
                    "`{op}` has no word before it: add one, or remove the `{op}`"
                ));
            }
            Piece::Joins(op) if !is_word_after(i) && pieces.get(i + 1) != Some(&Piece::Not) => {
                return Some(format!(
                    "`{op}` has no word after it: add one, or remove the `{op}`"
                ));
            }
            Piece::Not if !is_word_after(i) => {
                return Some("`NOT` has no word after it: add the word to exclude".into());
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misplaced_operators_are_named() {
        let cases = [
            ("crash AND", Some("`AND` has no word after it")),
            ("AND", Some("`AND` has no word before it")),
            ("(crash OR) Baku", Some("`OR` has no word after it")),
            ("crash (OR Baku)", Some("`OR` has no word before it")),
            ("crash NOT", Some("`NOT` has no word after it")),
            ("crash + Baku", Some("`+` requires the word it touches")),
            ("crash title:", Some("`title:` has no word after it")),
            ("oil^", Some("needs a number after `^`")),
            ("\"oil prices\"~ Baku", Some("needs a number after `~`")),
            ("crash oil:", Some("`oil:` names no field")),
            ("crash ( ) Baku", Some("`()` holds nothing")),
            // Well-formed uses, and words inside phrases, are not blamed.
            ("crash AND NOT drone", None),
            ("title:(plane crash) OR title:\"AND\"", None),
            ("\"crash AND\" -drone +Baku", None),
        ];
        for (query, want) in cases {
            let found = misplaced_operator(query);
            match want {
                Some(hint) => assert!(
                    found.as_deref().is_some_and(|m| m.contains(hint)),
                    "{query}: {found:?}"
                ),
                None => assert_eq!(found, None, "{query}"),
            }
        }
    }

    fn tantivy(query: &str) -> String {
        rewrite(query).unwrap()
    }

    #[test]
    fn plain_words_leave_out_syntax() {
        assert_eq!(
            plain_words(r#"Aliyev "plane crash" -drone (Baku OR Ganja) title:x Aliev~1 2024"#),
            ["Aliyev", "Baku", "Ganja", "2024"]
        );
        assert_eq!(
            plain_words("-(Baku OR (Ganja x)) ((Aliyev)) (-drone +jet) NOT (a b) c ( d )"),
            ["Aliyev", "c", "d"]
        );
    }

    #[test]
    fn the_days_sought_are_the_date_clauses_and_written_dates_not_excluded() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        let sought_date_ranges = |query| rewrite_noting_dates(query).unwrap().sought_dates;
        assert_eq!(
            sought_date_ranges("crash in December 2024 (date:[1991 TO *] OR x) -date:2023-05"),
            [(d(2024, 12, 1), d(2024, 12, 31)), (d(1991, 1, 1), None)]
        );
        assert!(sought_date_ranges("crash published:2024 \"May 2024\"").is_empty());
    }

    #[test]
    fn operators_read_as_words_between_words_are_found() {
        // (query, the lower-case operators it holds between plain words)
        let cases: [(&str, &[&str]); 17] = [
            ("Blair or Brown", &["or"]),
            // Between fields, phrases and groups too, and in any case but
            // capitals: these found a fraction of what the operator finds.
            ("person:Blair or person:Brown", &["or"]),
            ("Blair or \"Gordon Brown\"", &["or"]),
            ("(Blair) not Brown", &["not"]),
            ("Blair Or Brown", &["Or"]),
            // An excluded word, a word beside an operator, a field's word.
            ("Blair -or Brown", &[]),
            ("Blair OR or Brown", &[]),
            ("title:or Brown", &[]),
            ("Blair not Brown or Howard", &["not", "or"]),
            ("Blair or Brown or Howard", &["or"]),
            ("Blair OR Brown", &[]),
            ("or Brown", &[]),
            ("Blair or", &[]),
            ("\"to be or not to be\"", &[]),
            ("Blair and Brown", &[]),
            // Other archives' proximity operator; "near" in prose is a word.
            ("Blair NEAR Brown", &["NEAR"]),
            ("bomb near Baghdad", &[]),
        ];
        for (query, want) in cases {
            assert_eq!(operators_read_as_words(query), want, "{query}");
        }
    }

    #[test]
    fn plain_words_pass_through() {
        for q in [
            "Aliyev",
            "plane crash",
            "\"plane crash\"~2",
            "a OR b -c",
            "title:crash",
            "(a OR b) c",
            "Aliev~1 OR Thatcher",
            "(Asad~1 OR Assad) -title:(crash)",
        ] {
            assert_eq!(tantivy(q), q);
        }
    }

    #[test]
    fn ranges_without_a_day_are_refused() {
        for query in [
            "date:[2024-12-31 TO 2024-12-01]",
            "date:{2024-12-01 TO 2024-12-02}",
            "published:[2024 TO 2023]",
        ] {
            let problem = rewrite(query).unwrap_err();
            assert!(problem.message.contains("holds no day"), "{query}");
        }
        assert!(rewrite("date:{2024-12-01 TO 2024-12-03}").is_ok());
    }

    #[test]
    fn ranges_outside_the_dates_the_index_holds_are_refused() {
        // `date:1066` found nothing and did not say why, where `--until
        // 1066` was refused with the reason.
        for query in [
            "Hastings date:1066",
            "date:[1000 TO 1100]",
            "date:[* TO 1500]",
            "oil date:3000",
            "published:1066",
        ] {
            let problem = rewrite(query).unwrap_err();
            assert!(
                problem.message.contains("1678 to 2261"),
                "{query}: {problem:?}"
            );
        }
        for query in ["date:[1000 TO *]", "date:[1600 TO 1700]", "date:2261"] {
            assert!(rewrite(query).is_ok(), "{query}");
        }
    }

    #[test]
    fn apostrophes_outside_quotes_do_not_open_a_quote() {
        let cases = [
            ("Reagan's budget", "Reagan’s budget"),
            ("title:O'Brien", "title:O’Brien"),
            ("\"Cote d'Ivoire\" d'Ivoire", "\"Cote d'Ivoire\" d’Ivoire"),
        ];
        for (query, want) in cases {
            assert_eq!(tantivy(query), want);
        }
    }

    #[test]
    fn published_ranges_take_plain_dates() {
        let cases = [
            (
                "published:[2024-12-01 TO 2024-12-31]",
                "published:[2024-12-01T00:00:00Z TO 2024-12-31T00:00:00Z]",
            ),
            (
                "published:2024-12",
                "published:[2024-12-01T00:00:00Z TO 2024-12-31T00:00:00Z]",
            ),
            (
                "published:[2024 TO *]",
                "published:[2024-01-01T00:00:00Z TO *]",
            ),
            // Open at both ends: tantivy's parser would drop the range.
            (
                "published:[* TO *]",
                "published:[1678-01-01T00:00:00Z TO *]",
            ),
            ("-published:*", "-published:[1678-01-01T00:00:00Z TO *]"),
            (
                "-published:2024",
                "-published:[2024-01-01T00:00:00Z TO 2024-12-31T00:00:00Z]",
            ),
            (
                "published:{2024-12-01 TO 2024-12-31}",
                "published:[2024-12-02T00:00:00Z TO 2024-12-30T00:00:00Z]",
            ),
            (
                "(published:2024 OR a)",
                "(published:[2024-01-01T00:00:00Z TO 2024-12-31T00:00:00Z] OR a)",
            ),
            (
                "(a OR -published:[2024 TO *])",
                "(a OR -published:[2024-01-01T00:00:00Z TO *])",
            ),
            (
                "-((published:2024))",
                "-((published:[2024-01-01T00:00:00Z TO 2024-12-31T00:00:00Z]))",
            ),
        ];
        for (q, want) in cases {
            assert_eq!(tantivy(q), want, "{q}");
        }
    }

    #[test]
    fn typographic_double_quotes_make_phrases() {
        let cases = [
            ("“plane crash”", "\"plane crash\""),
            ("„Flugzeug Absturz“ Baku", "\"Flugzeug Absturz\" Baku"),
            ("title:“plane crash”~2", "title:\"plane crash\"~2"),
            // Quotes inside a phrase of `"` stay as written.
            ("\"he said “no” today\"", "\"he said “no” today\""),
        ];
        for (query, want) in cases {
            assert_eq!(tantivy(query), want, "{query}");
        }
        let problem = rewrite("“plane crash").unwrap_err();
        assert!(
            problem.message.contains("quote is not closed"),
            "{problem:?}"
        );
    }

    #[test]
    fn other_spaces_are_plain_spaces() {
        assert_eq!(tantivy("東京\u{3000}タワー"), "東京 タワー");
        assert_eq!(tantivy("上海\u{a0}政府 OR\u{2003}x"), "上海 政府 OR x");
        assert_eq!(tantivy("\"a\u{a0}b\""), "\"a b\"");
    }

    #[test]
    fn parentheses_must_balance_and_stay_shallow() {
        let deep = |n: usize| format!("{}crash{}", "(".repeat(n), ")".repeat(n));
        let cases = [
            (deep(64), None),
            (
                deep(65),
                Some("parentheses are nested more than 64 deep: remove some"),
            ),
            (
                deep(10_000),
                Some("parentheses are nested more than 64 deep: remove some"),
            ),
            ("(crash".into(), Some("a `(` is not closed: add the `)`")),
            (
                "crash)".into(),
                Some("a `)` has no matching `(`: remove it or add the `(`"),
            ),
            ("\"(a\" crash".into(), None),
            (
                "\"\" crash".into(),
                Some(
                    "the phrase `\"\"` holds no word: put words between the quotes, or remove them",
                ),
            ),
            (
                "crash \" - \"".into(),
                Some(
                    "the phrase `\" - \"` holds no word: put words between the quotes, or remove them",
                ),
            ),
        ];
        for (query, want) in cases {
            let got = rewrite(&query).err().map(|p| p.message);
            assert_eq!(got.as_deref(), want, "{}", &query[..query.len().min(20)]);
        }
    }

    #[test]
    fn mentioned_date_ranges_in_parentheses_are_rewritten() {
        let q = tantivy("(date:[2024-12-01 TO 2024-12-31] OR published:2024-12) crash");
        assert!(q.starts_with("((date_day:[2024-12-01T00:00:00Z TO "), "{q}");
        assert!(
            q.ends_with(" OR published:[2024-12-01T00:00:00Z TO 2024-12-31T00:00:00Z]) crash"),
            "{q}"
        );
    }

    #[test]
    fn mentioned_date_ranges_cover_days_months_and_years() {
        let q = tantivy("crash date:[2024-12-20 TO 2024-12-31]");
        assert!(
            q.starts_with("crash (date_day:[2024-12-20T00:00:00Z TO 2024-12-31T00:00:00Z] OR "),
            "{q}"
        );
        assert!(
            q.contains("date_month:[2024-12-01T00:00:00Z TO 2024-12-01T00:00:00Z]"),
            "{q}"
        );
        assert!(
            q.contains("date_year:[2024-01-01T00:00:00Z TO 2024-01-01T00:00:00Z]"),
            "{q}"
        );
    }

    #[test]
    fn fuzzy_words_are_read_from_the_parsers_words() {
        let fuzzy = |field: Option<&str>, word: &str, distance| FuzzyWord {
            field: field.map(str::to_string),
            word: word.into(),
            distance,
        };
        let cases = [
            (None, "Aliev~1", Some(fuzzy(None, "Aliev", 1))),
            (None, "Aliev~", Some(fuzzy(None, "Aliev", 1))),
            (
                Some("person"),
                "Putn~2",
                Some(fuzzy(Some("person"), "Putn", 2)),
            ),
            (None, "al-Assad~1", Some(fuzzy(None, "al-Assad", 1))),
            (None, "O’Brien~1", Some(fuzzy(None, "O’Brien", 1))),
            (None, "ไก่~1", Some(fuzzy(None, "ไก่", 1))),
            (None, "ភ្នំពេញ~1", Some(fuzzy(None, "ភ្នំពេញ", 1))),
            (None, "प्रधानमंत्री~1", Some(fuzzy(None, "प्रधानमंत्री", 1))),
            (None, "Jose\u{301}~1", Some(fuzzy(None, "Jose\u{301}", 1))),
            (None, "Aliev", None),
            (None, "~Aliev", None),
            (None, "-~1", None),
            (None, "Ali*~1", None),
        ];
        for (field, text, want) in cases {
            assert_eq!(fuzzy_word(field, text).unwrap(), want, "{text}");
        }
        for (text, hint) in [("Aliev~5", "1 or 2"), ("Aliev~x", "1 or 2")] {
            let err = fuzzy_word(None, text).unwrap_err();
            assert!(err.message.contains(hint), "{text}: {}", err.message);
        }
    }

    #[test]
    fn problems_say_how_to_fix_them() {
        let cases = [
            ("\"plane crash", "quote"),
            ("(a OR b", "`(`"),
            ("a)", "`)`"),
            ("date:[2024-13 TO 2024-12]", "date:2024-12-25"),
            ("published:yesterday", "not a date range"),
            ("crash || accident", "write OR"),
            // A pipe alone was no operator either: `crash | accident`
            // found the passages with both words.
            ("crash | accident", "write OR"),
            ("crash !drone", "write `-drone`"),
            ("crash (!drone OR !jet)", "write `-drone`"),
        ];
        for (q, hint) in cases {
            let err = rewrite(q).unwrap_err();
            assert!(err.message.contains(hint), "{q}: {}", err.message);
        }
        // A `!` inside or at the end of a word, or in a phrase, is no operator.
        for q in ["Yahoo! results", "\"crash !drone\"", "crash && accident"] {
            assert!(rewrite(q).is_ok(), "{q}");
        }
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn rewriting_never_panics(query in "\\PC{0,120}") {
            let _ = rewrite(&query);
        }

        #[test]
        fn rewriting_query_like_text_never_panics(query in "[a-z:\\[\\]{}()\"~*+\\- 0-9TO]{0,60}") {
            let _ = rewrite(&query);
        }
    }
}
