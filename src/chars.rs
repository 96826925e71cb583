//! Character classes (letter, digit, upper and lower case) by one table read.
//!
//! The standard library answers `char::is_alphabetic` and its kin by
//! searching compressed Unicode tables: a few nanoseconds for ASCII, 25-50 ns
//! for accented Latin, Greek or Cyrillic, and about 250 ns for a Thai or
//! Myanmar letter, whose ranges sit deep in a linear scan. The tokenizers,
//! the entity features and the near-duplicate sketch ask for every character
//! of every text, several times, so on text outside ASCII those searches
//! were most of the indexing time (Thai: three quarters of all instructions).
//! `build.rs` asks the same questions once per character of the Basic
//! Multilingual Plane, at build time and with the same toolchain's tables;
//! here each answer is one byte read. Characters beyond the plane (rare
//! ideographs, emoji) still ask the standard library.

const ALPHABETIC: u8 = 1;
const NUMERIC: u8 = 1 << 1;
const UPPERCASE: u8 = 1 << 2;
const LOWERCASE: u8 = 1 << 3;

static BMP_CLASSES: &[u8; 0x1_0000] = include_bytes!(concat!(env!("OUT_DIR"), "/char_classes.bin"));

#[inline]
fn classes(c: char) -> u8 {
    match BMP_CLASSES.get(c as usize) {
        Some(&bits) => bits,
        None => beyond_the_plane(c),
    }
}

#[cold]
#[allow(clippy::disallowed_methods)] // the one place that asks the standard library
fn beyond_the_plane(c: char) -> u8 {
    let mut bits = 0;
    if c.is_alphabetic() {
        bits |= ALPHABETIC;
    }
    if c.is_numeric() {
        bits |= NUMERIC;
    }
    if c.is_uppercase() {
        bits |= UPPERCASE;
    }
    if c.is_lowercase() {
        bits |= LOWERCASE;
    }
    bits
}

/// `char::is_alphabetic`.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && classes(c) & ALPHABETIC != 0)
}

/// `char::is_numeric`.
#[inline]
pub fn is_numeric(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && classes(c) & NUMERIC != 0)
}

/// `char::is_alphanumeric`.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && classes(c) & (ALPHABETIC | NUMERIC) != 0)
}

/// `char::is_uppercase`.
#[inline]
pub fn is_uppercase(c: char) -> bool {
    c.is_ascii_uppercase() || (!c.is_ascii() && classes(c) & UPPERCASE != 0)
}

/// `char::is_lowercase`.
#[inline]
pub fn is_lowercase(c: char) -> bool {
    c.is_ascii_lowercase() || (!c.is_ascii() && classes(c) & LOWERCASE != 0)
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // compared with the standard library
mod tests {
    use super::*;

    /// Every character, in and beyond the table, is classed as the
    /// standard library classes it.
    #[test]
    fn agrees_with_the_standard_library_on_every_character() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?} alphabetic");
            assert_eq!(is_numeric(c), c.is_numeric(), "{c:?} numeric");
            assert_eq!(
                is_alphanumeric(c),
                c.is_alphanumeric(),
                "{c:?} alphanumeric"
            );
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?} uppercase");
            assert_eq!(is_lowercase(c), c.is_lowercase(), "{c:?} lowercase");
        }
    }
}
