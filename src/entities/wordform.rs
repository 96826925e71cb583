//! Normalised forms of a token: typography folded, lower-cased, word shape.
//!
//! Folding curly quotes and dashes makes raw news look like the CoNLL text the
//! model was trained on, so "Aliyev’s" and "Aliyev's" share features.

use crate::chars;

/// Folds typographic variants to the ASCII CoNLL uses.
pub fn fold_typography(token: &str, out: &mut String) {
    out.clear();
    // Plain ASCII has nothing to fold but the backtick.
    if token.bytes().all(|b| b.is_ascii() && b != b'`') {
        out.push_str(token);
        return;
    }
    out.reserve(token.len());
    for c in token.chars() {
        match c {
            '’' | '‘' | '‛' | '′' | '`' => out.push('\''),
            '“' | '”' | '„' | '″' | '«' | '»' => out.push('"'),
            '—' | '–' | '‐' | '‑' | '−' => out.push('-'),
            '…' => out.push_str("..."),
            other => out.push(other),
        }
    }
}

/// Lower-cased folded form with digits mapped to `0`, so numbers share
/// features ("1996" and "2024" look alike to the model).
pub fn lower_key(folded: &str, out: &mut String) {
    out.clear();
    if folded.is_ascii() {
        out.extend(folded.bytes().map(|b| match b {
            b'0'..=b'9' => '0',
            _ => char::from(b.to_ascii_lowercase()),
        }));
        return;
    }
    for c in folded.chars() {
        if c.is_ascii_digit() {
            out.push('0');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Character class used by word shapes.
fn class(c: char) -> char {
    if chars::is_uppercase(c) {
        'X'
    } else if chars::is_lowercase(c) {
        'x'
    } else if chars::is_numeric(c) {
        'd'
    } else if chars::is_alphabetic(c) {
        'a'
    } else {
        c
    }
}

/// Word shape with runs capped at two ("Putin" -> "Xxx", "U.S." -> "X.X.").
pub fn shape(folded: &str, out: &mut String) {
    out.clear();
    let mut previous = '\0';
    let mut run = 0;
    for c in folded.chars().map(class) {
        run = if c == previous { run + 1 } else { 1 };
        previous = c;
        if run <= 2 {
            out.push(c);
        }
    }
}

/// Word shape with every run collapsed ("Putin" -> "Xx", "1996-08-22" -> "d-d-d").
pub fn short_shape(folded: &str, out: &mut String) {
    out.clear();
    let mut previous = '\0';
    for c in folded.chars().map(class) {
        if c != previous {
            out.push(c);
        }
        previous = c;
    }
}

/// Casing of a token, as used by document-level features.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Casing {
    /// "Putin", "McDonald"
    Title,
    /// "NATO", "BRUSSELS"
    Upper,
    /// "said"
    Lower,
    /// digits, punctuation, mixed
    Other,
}

pub fn casing(token: &str) -> Casing {
    // Nearly every token is ASCII, whose letters are a-z and A-Z: read as
    // bytes, it needs no decoding (tagging and canonical names call this
    // about twice a token; it cost three times as many instructions).
    if token.is_ascii() {
        let letters = token.bytes().filter(u8::is_ascii_alphabetic);
        casing_of(letters.map(|b| (b.is_ascii_uppercase(), b.is_ascii_lowercase())))
    } else {
        let letters = token.chars().filter(|c| chars::is_alphabetic(*c));
        casing_of(letters.map(|c| (chars::is_uppercase(c), chars::is_lowercase(c))))
    }
}

/// The [`Casing`] of a token's letters, each given as (upper case, lower
/// case).
fn casing_of(mut letters: impl Iterator<Item = (bool, bool)>) -> Casing {
    let Some((first_upper, first_lower)) = letters.next() else {
        return Casing::Other;
    };
    let (mut more, mut rest_upper, mut rest_lower) = (false, true, true);
    for (upper, lower) in letters {
        more = true;
        rest_upper &= upper;
        rest_lower &= lower;
    }
    if first_upper {
        if rest_upper && more {
            Casing::Upper
        } else {
            Casing::Title
        }
    } else if first_lower && rest_lower {
        Casing::Lower
    } else {
        Casing::Other
    }
}

/// `word` without the possessive it ends with, straight or curly
/// ("Evans's", "Downing Street’s", "Jones'").
pub fn without_possessive(word: &str) -> &str {
    ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word)
}

/// Title-cases an all-caps word ("BRUSSELS" -> "Brussels").
pub fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut at_start = true;
    for c in word.chars() {
        if at_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        at_start = !chars::is_alphanumeric(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(f: Normaliser, input: &str) -> String {
        let mut out = String::new();
        f(input, &mut out);
        out
    }

    type Normaliser = fn(&str, &mut String);

    #[test]
    fn normalises_forms() {
        let cases: &[(Normaliser, &str, &str)] = &[
            (fold_typography, "Aliyev’s", "Aliyev's"),
            (fold_typography, "“", "\""),
            (lower_key, "Putin", "putin"),
            (lower_key, "1996-08-22", "0000-00-00"),
            (shape, "Putin", "Xxx"),
            (shape, "U.S.", "X.X."),
            (short_shape, "1996-08-22", "d-d-d"),
            (short_shape, "McDonald", "XxXx"),
        ];
        for (f, input, expected) in cases {
            assert_eq!(apply(*f, input), *expected, "{input}");
        }
    }

    #[test]
    fn classifies_casing() {
        let cases = [
            ("Putin", Casing::Title),
            ("NATO", Casing::Upper),
            ("said", Casing::Lower),
            ("1996", Casing::Other),
            ("A", Casing::Title),
        ];
        for (input, expected) in cases {
            assert_eq!(casing(input), expected, "{input}");
        }
        // Read as bytes or as characters, ASCII has the same casing.
        for word in [
            "Putin", "NATO", "said", "1996", "A", "McDonald", "U.S.", "x-Ray", "", "--",
        ] {
            let letters = word.chars().filter(|c| chars::is_alphabetic(*c));
            let by_chars =
                casing_of(letters.map(|c| (chars::is_uppercase(c), chars::is_lowercase(c))));
            assert_eq!(casing(word), by_chars, "{word}");
        }
        assert_eq!(casing("Ärzte"), Casing::Title);
        assert_eq!(casing("ÉTÉ"), Casing::Upper);
        assert_eq!(casing("東京"), Casing::Other);
        assert_eq!(title_case("BRUSSELS"), "Brussels");
        assert_eq!(title_case("NEW YORK"), "New York");
    }
}
