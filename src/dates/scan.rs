//! Tokenizer: splits text into words, numbers and punctuation in one pass.
//!
//! The tagger never backtracks over characters: it scans tokens once and
//! its rules look at a handful of tokens ahead, so matching stays linear.
//! Every token boundary is either an ASCII byte boundary or a char
//! boundary, so slicing the text with token offsets never panics.

use super::lexicon::{Lex, lookup};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of ASCII letters (possibly with digits), with its lexicon entry.
    Word(Lex),
    /// A run of ASCII digits; `value` saturates on absurdly long runs.
    Number { value: u32, digits: u8 },
    /// One ASCII punctuation byte.
    Punct(u8),
    /// One non-ASCII char; never part of an expression except as a boundary.
    Other,
}

/// One token: its kind and byte span; `space_before` says whether
/// whitespace separates it from the previous token ("six-month" vs "six - month").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub space_before: bool,
    /// A blank line or similar hard break precedes the token; sentences end there.
    pub newline_before: bool,
}

/// Splits `lower` (the ASCII-lowercased text) into tokens, appending to `out`.
pub fn tokenize(lower: &str, out: &mut Vec<Token>) {
    let bytes = lower.as_bytes();
    let mut i = 0;
    let mut space_before = true;
    let mut newline_before = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space_before = true;
            if b == b'\n' {
                newline_before = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        let kind = if b.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                // "1990s", "25th", "9am": a word made of digits and letters.
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                Kind::Word(lookup(&lower[start..i]))
            } else {
                let digits = &bytes[start..i];
                let value = digits.iter().fold(0u32, |acc, &d| {
                    acc.saturating_mul(10).saturating_add(u32::from(d - b'0'))
                });
                Kind::Number {
                    value,
                    digits: digits.len().min(255) as u8,
                }
            }
        } else if b.is_ascii_alphabetic() {
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            Kind::Word(lookup(&lower[start..i]))
        } else if b.is_ascii() {
            i += 1;
            Kind::Punct(b)
        } else {
            // Advance over the whole UTF-8 sequence of this char.
            i += 1;
            while i < bytes.len() && (bytes[i] & 0xC0) == 0x80 {
                i += 1;
            }
            Kind::Other
        };
        out.push(Token {
            start,
            end: i,
            kind,
            space_before,
            newline_before,
        });
        space_before = false;
        newline_before = false;
    }
}

/// Makes a lowercase "may" a plain word: the modal verb ("prices may
/// rise"), which the tense cues read as looking ahead. The month is written
/// "May", and the grammar takes no month "may" without its capital.
pub fn unmark_modal_may(text: &str, tokens: &mut [Token]) {
    for tok in tokens.iter_mut() {
        if matches!(tok.kind, Kind::Word(Lex::Month { month: 5, .. }))
            && text.as_bytes()[tok.start] == b'm'
        {
            tok.kind = Kind::Word(Lex::Unknown);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        let lower = text.to_ascii_lowercase();
        let mut toks = Vec::new();
        tokenize(&lower, &mut toks);
        toks.iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        let cases: &[(&str, &[&str])] = &[
            ("Dec. 25, 2024", &["Dec", ".", "25", ",", "2024"]),
            ("six-month", &["six", "-", "month"]),
            ("the 1990s", &["the", "1990s"]),
            ("10:35 a.m.", &["10", ":", "35", "a", ".", "m", "."]),
            ("caf\u{e9} 25th", &["caf", "\u{e9}", "25th"]),
        ];
        for (text, want) in cases {
            assert_eq!(&spans(text), want, "{text}");
        }
    }

    #[test]
    fn absurd_numbers_saturate() {
        let mut toks = Vec::new();
        tokenize("99999999999999999999", &mut toks);
        assert!(matches!(
            toks[0].kind,
            Kind::Number {
                value: u32::MAX,
                ..
            }
        ));
    }
}
