//! The other way news writes a word: with the punctuation in it or
//! without, and with the word's parts apart or together.
//!
//! Reuters writes "U.S.", "G-7" and "Wal-Mart", the BBC "US", "G7" and
//! "WalMart"; stories say "e-mail" and "email". The index keeps "U.S." as
//! the terms "u" and "s" and "US" as "us", so a query for one never found
//! the other: `US trade deficit` found 37 passages of BBC and Reuters news,
//! `U.S. trade deficit` 306. A word typed with punctuation is also looked
//! for without it ("U.S." as "US", "G-7" as "G7"); a word typed in capitals
//! with its parts together is also looked for with them apart, the phrase
//! of its parts ("US" as "U S", which "U.S." is; "G7" as "G 7"; "WalMart"
//! as "Wal Mart"). A word in lower case says nothing of its parts
//! ("email", "us"), and stays itself.

/// Another writing of a query word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Respelt {
    /// The word's parts apart, to search as a phrase: "G 7".
    Phrase(String),
    /// The word's parts together, one word: "G7".
    Word(String),
}

/// Most letters of a word in capitals that news also writes with dots
/// ("US", "U.K.", "W.H.O."); a longer one is a name ("OPEC", "NATO" are
/// four, kept).
const MAX_INITIALS: usize = 4;

/// Fewest letters after an apostrophe that follows one letter ("O'Dea"):
/// "O'Neill" is also "ONeill", "I'd" is no "Id".
const MIN_LETTERS_AFTER_APOSTROPHE: usize = 3;

/// The other writing of `word`, as typed (capitals kept), when it has one.
pub fn respelt(word: &str) -> Option<Respelt> {
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        parts_apart(word).map(Respelt::Phrase)
    } else {
        parts_together(word).map(Respelt::Word)
    }
}

/// `text` with each word that has another writing written so ("WalMart
/// Stores" -> "Wal Mart Stores", "U.S. Steel" -> "US Steel"), as a name is
/// also looked for; `None` when no word has one.
pub fn respelt_words(text: &str) -> Option<String> {
    let mut any = false;
    let words: Vec<String> = text
        .split_whitespace()
        .map(|word| match respelt(word) {
            Some(Respelt::Phrase(other) | Respelt::Word(other)) => {
                any = true;
                other
            }
            None => word.to_string(),
        })
        .collect();
    any.then(|| words.join(" "))
}

/// "US" -> "U S", "G7" -> "G 7", "WalMart" -> "Wal Mart", "USAir" -> "US
/// Air": a word of ASCII letters and digits cut where its capitals, or its
/// letters and digits, say a part begins.
fn parts_apart(word: &str) -> Option<String> {
    let bytes = word.as_bytes();
    let letters = bytes.len();
    if (2..=MAX_INITIALS).contains(&letters) && bytes.iter().all(u8::is_ascii_uppercase) {
        return Some(spaced(word, 1..letters));
    }
    let starts = (1..letters).filter(|&i| {
        let (before, at) = (bytes[i - 1], bytes[i]);
        let next = bytes.get(i + 1);
        before.is_ascii_digit() != at.is_ascii_digit()
            || (before.is_ascii_lowercase() && at.is_ascii_uppercase())
            || (before.is_ascii_uppercase()
                && at.is_ascii_uppercase()
                && next.is_some_and(u8::is_ascii_lowercase))
    });
    let starts: Vec<usize> = starts.collect();
    (!starts.is_empty()).then(|| spaced(word, starts))
}

/// `word` with a space before each of `starts` (byte offsets, ASCII).
fn spaced(word: &str, starts: impl IntoIterator<Item = usize>) -> String {
    let mut out = String::with_capacity(word.len() * 2);
    let mut from = 0;
    for at in starts {
        out.push_str(&word[from..at]);
        out.push(' ');
        from = at;
    }
    out.push_str(&word[from..]);
    out
}

/// "U.S." -> "US", "G-7" -> "G7", "e-mail" -> "email", "O'Neill" ->
/// "ONeill": initials with dots, two parts joined by one hyphen (not two
/// numbers: "1987-88"), or one letter and a name after an apostrophe.
/// Nothing for other punctuation ("9/11", "Blair's", "1.13bn").
fn parts_together(word: &str) -> Option<String> {
    let word = word.trim_end_matches('.');
    let is_part = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric());
    let initials: Vec<&str> = word.split('.').collect();
    if initials.len() >= 2
        && initials
            .iter()
            .all(|part| part.len() == 1 && part.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        return Some(initials.concat());
    }
    if let Some((first, rest)) = word.split_once('-')
        && is_part(first)
        && is_part(rest)
        && !(is_number(first) && is_number(rest))
    {
        return Some(format!("{first}{rest}"));
    }
    let (letter, name) = word.split_once(['\'', '\u{2019}'])?;
    let is_name =
        name.bytes().all(|b| b.is_ascii_alphabetic()) && name.len() >= MIN_LETTERS_AFTER_APOSTROPHE;
    (letter.len() == 1 && letter.bytes().all(|b| b.is_ascii_alphabetic()) && is_name)
        .then(|| format!("{letter}{name}"))
}

fn is_number(part: &str) -> bool {
    part.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::{Respelt, respelt};

    #[test]
    fn a_word_is_also_written_with_and_without_its_punctuation() {
        let phrase = |s: &str| Some(Respelt::Phrase(s.to_string()));
        let word = |s: &str| Some(Respelt::Word(s.to_string()));
        let cases = [
            ("US", phrase("U S")),
            ("BBC", phrase("B B C")),
            ("NATO", phrase("N A T O")),
            ("G7", phrase("G 7")),
            ("F16", phrase("F 16")),
            ("10am", phrase("10 am")),
            ("WalMart", phrase("Wal Mart")),
            ("USAir", phrase("US Air")),
            ("ONeill", phrase("O Neill")),
            ("U.S.", word("US")),
            ("U.S", word("US")),
            ("W.H.O.", word("WHO")),
            ("G-7", word("G7")),
            ("Wal-Mart", word("WalMart")),
            ("e-mail", word("email")),
            ("O'Neill", word("ONeill")),
            ("O\u{2019}Neill", word("ONeill")),
            // Nothing says a word in lower case or a name has parts.
            ("us", None),
            ("email", None),
            ("Walmart", None),
            ("OPECS", None),
            ("1987", None),
            ("I", None),
            // Punctuation that joins no parts of one word.
            ("1987-88", None),
            ("9/11", None),
            ("Blair's", None),
            ("I'd", None),
            ("1.13bn", None),
            ("U.S.-Japan", None),
            ("Kilroy-Silk-Jones", None),
            ("Zürich", None),
        ];
        for (typed, expected) in cases {
            assert_eq!(respelt(typed), expected, "{typed}");
        }
    }

    #[test]
    fn a_name_is_also_written_with_its_words_respelt() {
        let cases = [
            ("WalMart Stores", Some("Wal Mart Stores")),
            ("U.S. Steel Corp", Some("US Steel Corp")),
            ("walmart stores", None),
        ];
        for (typed, expected) in cases {
            assert_eq!(super::respelt_words(typed).as_deref(), expected, "{typed}");
        }
    }
}
