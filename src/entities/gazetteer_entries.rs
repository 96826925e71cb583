//! The gazetteer's lists and the table of their entries' token hashes:
//! `build.rs` includes this file (with `hashing.rs`, `key_table.rs`, the
//! tokenizer and `wordform.rs`) and writes the table of the embedded lists
//! once, at build time, instead of at every start of a command that tags
//! entities.

use super::hashing::{EMPTY, extend, hash_str, mix};
use super::key_table::KeyTable;
use super::wordform::{fold_typography, lower_key};
use crate::chars;

/// The gazetteer lists, one bit each in a membership mask.
pub const LISTS: [(&str, &str); 10] = [
    (
        "countries",
        include_str!("../../models/gazetteers/countries.txt"),
    ),
    ("places", include_str!("../../models/gazetteers/places.txt")),
    (
        "first_names",
        include_str!("../../models/gazetteers/first_names.txt"),
    ),
    (
        "last_names",
        include_str!("../../models/gazetteers/last_names.txt"),
    ),
    (
        "nationalities",
        include_str!("../../models/gazetteers/nationalities.txt"),
    ),
    (
        "org_cues",
        include_str!("../../models/gazetteers/org_cues.txt"),
    ),
    (
        "person_titles",
        include_str!("../../models/gazetteers/person_titles.txt"),
    ),
    // Appended, never inserted: a list's position is part of the model.
    ("towns", include_str!("../../models/gazetteers/towns.txt")),
    (
        "organisations",
        include_str!("../../models/gazetteers/organisations.txt"),
    ),
    (
        "companies",
        include_str!("../../models/gazetteers/companies.txt"),
    ),
];

/// Longest entry matched, in tokens.
pub const MAX_ENTRY_TOKENS: usize = 5;

/// The bit of a table value telling that some longer entry starts with the
/// tokens of its key; the bits below it are the lists of the entry of
/// exactly those tokens, one bit each.
pub const EXTENDS: u32 = 1 << 16;

/// The hash key of a token sequence, from each token's `lower_key` hash.
pub fn sequence_key(token_hashes: &[u64]) -> u64 {
    token_hashes.iter().fold(EMPTY, |acc, &h| mix(acc, h))
}

/// Enters the entry of `token_hashes` into list `bit` of `table`, and each
/// proper prefix of it as one some entry extends. Entries of no tokens or
/// more than [`MAX_ENTRY_TOKENS`] are left out.
pub fn add_entry(table: &mut KeyTable, bit: usize, token_hashes: &[u64]) {
    if token_hashes.is_empty() || token_hashes.len() > MAX_ENTRY_TOKENS {
        return;
    }
    table.update(sequence_key(token_hashes), |value| value | 1 << bit);
    for length in 1..token_hashes.len() {
        table.update(sequence_key(&token_hashes[..length]), |value| {
            value | EXTENDS
        });
    }
}

/// The table of the entries of `lists`, with room for all of their lines.
pub fn table(lists: &[(&str, &str)]) -> KeyTable {
    // One entry a line; the prefixes of multi-word entries add about 6 %.
    let lines = lists
        .iter()
        .map(|(_, text)| text.bytes().filter(|&b| b == b'\n').count())
        .sum();
    let mut table = KeyTable::with_capacity(lines);
    let mut keys = EntryKeys::default();
    let mut hashes = Vec::new();
    for (bit, (_, text)) in lists.iter().enumerate() {
        for line in trimmed_lines(text).filter(|l| !l.is_empty()) {
            keys.of(line, &mut hashes);
            add_entry(&mut table, bit, &hashes);
        }
    }
    table
}

/// Turns list entries into the token hashes tagging looks up, with buffers
/// reused from entry to entry.
#[derive(Default)]
pub struct EntryKeys {
    spans: Vec<super::tokenizer::Span>,
    folded: String,
    lower: String,
}

impl EntryKeys {
    /// The `lower_key` hash of each token of `entry`, into `hashes`.
    pub fn of(&mut self, entry: &str, hashes: &mut Vec<u64>) {
        hashes.clear();
        if !plain_hashes(entry, hashes) {
            hashes.clear();
            self.tokenized(entry, hashes);
        }
    }

    /// [`EntryKeys::of`] for any entry: tokenized as text is for tagging.
    pub fn tokenized(&mut self, entry: &str, hashes: &mut Vec<u64>) {
        self.spans.clear();
        super::tokenizer::tokens(entry, &mut self.spans);
        hashes.extend(self.spans.iter().map(|span| {
            fold_typography(&entry[span.start..span.end], &mut self.folded);
            lower_key(&self.folded, &mut self.lower);
            hash_str(&self.lower)
        }));
    }
}

/// The token hashes of an entry of letters in words between single spaces
/// ("Springfield", "New York", "Zürich": 97 entries in 100), in one pass
/// over its characters: each word is one token, which folding leaves as it
/// is, and whose key is its lower case. False, with `hashes` partly filled,
/// for any other entry. With every entry through the tokenizer the table
/// took 162M instructions to build, with this 67M.
pub fn plain_hashes(entry: &str, hashes: &mut Vec<u64>) -> bool {
    let mut hash = EMPTY;
    let mut word_chars = 0;
    for c in entry.chars() {
        if c.is_ascii_alphabetic() {
            hash = extend(hash, &[c.to_ascii_lowercase() as u8]);
        } else if chars::is_alphabetic(c) {
            let mut utf8 = [0u8; 4];
            for lower in c.to_lowercase() {
                hash = extend(hash, lower.encode_utf8(&mut utf8).as_bytes());
            }
        } else if c == ' ' && word_chars > 0 {
            hashes.push(hash);
            hash = EMPTY;
            word_chars = 0;
            continue;
        } else {
            return false;
        }
        word_chars += 1;
    }
    hashes.push(hash);
    word_chars > 0
}

/// The lines of `text` trimmed, as `text.lines().map(str::trim)` gives
/// them (a carriage return before a newline is trimmed with the rest), cut
/// at each newline by a plain loop: the search `lines` makes for every
/// newline and the trimming of a line with nothing to trim cost 14M
/// instructions of the 100,000 short lines.
pub fn trimmed_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let text = rest.filter(|text| !text.is_empty())?;
        let (line, after) = match text.bytes().position(|b| b == b'\n') {
            Some(end) => (&text[..end], Some(&text[end + 1..])),
            None => (text, None),
        };
        rest = after;
        Some(trimmed(line))
    })
}

/// `line.trim()`, answered without it for a line that starts and ends
/// with ASCII that is not whitespace.
fn trimmed(line: &str) -> &str {
    match (line.as_bytes().first(), line.as_bytes().last()) {
        (Some(&first), Some(&last))
            if is_ascii_other_than_white_space(first) && is_ascii_other_than_white_space(last) =>
        {
            line
        }
        _ => line.trim(),
    }
}

/// An ASCII byte that `str::trim` keeps: not one of the White_Space
/// characters of ASCII (tab to carriage return, the vertical tab among
/// them, and space).
fn is_ascii_other_than_white_space(byte: u8) -> bool {
    byte.is_ascii() && !matches!(byte, b'\t'..=b'\r' | b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cut_and_trimmed_as_lines_and_trim_do() {
        let texts = [
            "",
            "\n",
            "\n\n",
            "New York\nParis",
            "New York\r\nParis\r\n",
            "  Paris \n\tRome\t\n",
            "Paris\r",
            "\u{b}Paris\u{b}\n\u{c}Rome\u{1f}\n",
            "\u{a0}Zürich\u{a0}\n\u{3000}東京\n",
            "Zürich\nÅland\n",
            "\r\n \n",
        ];
        for text in texts {
            assert_eq!(
                trimmed_lines(text).collect::<Vec<_>>(),
                text.lines().map(str::trim).collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn plain_entries_hash_as_the_tokenizer_would() {
        let mut keys = EntryKeys::default();
        let (mut fast, mut full) = (Vec::new(), Vec::new());
        let mut plain = 0;
        for (_, text) in LISTS {
            for line in text.lines().map(str::trim) {
                fast.clear();
                if !plain_hashes(line, &mut fast) {
                    continue;
                }
                full.clear();
                keys.tokenized(line, &mut full);
                assert_eq!(fast, full, "{line}");
                plain += 1;
            }
        }
        assert!(plain > 90_000, "only {plain} plain entries");
        for entry in [
            "U.S.",
            "Guinea-Bissau",
            "Shi'ite",
            "G20",
            "a  b",
            " a",
            "a ",
            "",
        ] {
            assert!(!plain_hashes(entry, &mut fast), "{entry}");
        }
    }
}
