//! Time expressions: finding them in text and resolving them against the
//! publication date, as TimeML TIMEX3 types and values.
//!
//! This is the narrow interface the rest of newsdex depends on.

use chrono::NaiveDate;
use serde::Serialize;

pub mod eval;
mod grammar;
mod lexicon;
mod resolve;
mod scan;
mod tense;
pub mod value;

/// The four TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One time expression in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeExpression {
    /// The expression as written.
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// The TIMEX3 value: `2024-12-25`, `2024-12`, `P3Y`, `XXXX-12-25`, ...
    pub value: String,
    /// UTF-8 byte offsets into the text given to [`tag`].
    pub start: usize,
    pub end: usize,
}

/// Finds the time expressions in one article's text, in text order, and
/// resolves relative ones against `published` (the document creation time).
pub fn tag(text: &str, published: Option<NaiveDate>) -> Vec<TimeExpression> {
    // ASCII lowercasing keeps every byte offset, so tokens index both texts.
    let lower = text.to_ascii_lowercase();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    scan::tokenize(&lower, &mut tokens);
    scan::unmark_modal_may(text, &mut tokens);
    let mut grammar = grammar::Grammar::new(text, &lower, &tokens, published);
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match grammar.match_at(i) {
            Some(m) if m.end > m.start && m.end <= tokens.len() => {
                let start = tokens[m.start].start;
                let end = tokens[m.end - 1].end;
                found.push(TimeExpression {
                    text: text[start..end].to_string(),
                    kind: m.kind,
                    value: m.value,
                    start,
                    end,
                });
                i = m.end;
            }
            _ => i += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests;
