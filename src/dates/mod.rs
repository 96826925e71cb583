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
    // Punctuation marks are tokens too: a fifth of the length made about
    // half the articles grow the list.
    let mut tokens = Vec::with_capacity(text.len() / 4 + 1);
    scan::tokenize(&lower, &mut tokens);
    scan::unmark_modal_may(text, &mut tokens);
    let mut grammar = grammar::Grammar::new(text, &lower, &tokens, published);
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut found_here = grammar.match_at(i);
        // A row of a table ("SEP    26     1799   up": a contract month, then
        // volumes) is columns, no one date (1799-09-26): what stands before
        // the first column gap is read alone.
        if let Some(m) = &found_here
            && let Some(gap) = column_gap(text, &tokens, m.start, m.end)
        {
            found_here = grammar.match_before(i, gap);
        }
        match found_here {
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

/// Whether a lower-case word is a number written out ("seventeen",
/// "forty", "dozen"), as the date tagger reads counts.
pub fn is_number_word(word: &str) -> bool {
    matches!(lexicon::lookup(word), lexicon::Lex::Num(_))
}

/// The first token in `tokens[start + 1..end]` that a column gap of a
/// table precedes: two or more spaces or a tab in a row of columns, or a
/// line break next to such a row ("up    21\nOCT     3": a row's last
/// column, then the next row's first). Prose puts one space between the
/// words of a date, and a line break where it wraps.
fn column_gap(text: &str, tokens: &[scan::Token], start: usize, end: usize) -> Option<usize> {
    (start + 1..end.min(tokens.len())).find(|&k| {
        let (before, after) = (tokens[k - 1].end, tokens[k].start);
        let gap = &text[before..after];
        if gap.contains(['\n', '\r']) {
            is_table_row(text, before) || is_table_row(text, after)
        } else {
            let blank = gap.bytes().all(|b| b == b' ' || b == b'\t');
            blank && (gap.contains('\t') || gap.len() >= 2) && is_table_row(text, before)
        }
    })
}

/// How far either side of a gap [`is_table_row`] reads its line: a row of
/// a table is short, and a text of one long line (a dump of a table) must
/// not be read whole at each gap, which made tagging it quadratic.
const ROW_WINDOW: usize = 160;

/// Whether the line holding byte `at` is a row of columns: three or more
/// runs of spaces (or tabs) between its words, within [`ROW_WINDOW`] bytes
/// of `at`. One or two may be a typist's ("Pay  Aug  14, 1987"), and
/// spaces after a full stop end a sentence.
fn is_table_row(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let low = at.saturating_sub(ROW_WINDOW);
    let high = (at + ROW_WINDOW).min(bytes.len());
    let line_start = bytes[low..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(low, |i| low + i + 1);
    let line_end = bytes[at..high]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(high, |i| at + i);
    let line = bytes[line_start..line_end].trim_ascii();
    let is_blank = |b: u8| b == b' ' || b == b'\t';
    let mut runs = 0;
    let mut i = 0;
    while i < line.len() {
        if !is_blank(line[i]) {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < line.len() && is_blank(line[i]) {
            i += 1;
        }
        let wide = i - run_start >= 2 || line[run_start..i].contains(&b'\t');
        let after_sentence =
            run_start > 0 && matches!(line[run_start - 1], b'.' | b'!' | b'?' | b':' | b';');
        if wide && !after_sentence {
            runs += 1;
        }
    }
    runs >= 3
}

#[cfg(test)]
mod tests;
