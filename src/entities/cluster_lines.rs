//! The word clusters' lines read into a [`KeyTable`]: `build.rs` includes
//! this file (with `hashing.rs` and `key_table.rs`) and reads the embedded
//! clusters once, at build time, instead of at every start of a command
//! that tags entities.

use super::hashing::{EMPTY, extend};
use super::key_table::KeyTable;

/// The table of `path<TAB>word` lines (path as a string of 0s and 1s): the
/// hash of each word to its path, a leading 1 bit then the path's bits.
/// Lines are cut as `str::lines` and `split_once('\t')` would cut them, in
/// one pass over the bytes: the 44,000 short lines cost two searches each,
/// most of 29M instructions. A word of two lines keeps the later path.
pub fn parse(text: &str) -> KeyTable {
    let bytes = text.as_bytes();
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    let mut paths = KeyTable::with_capacity(lines);
    let mut start = 0;
    while start < bytes.len() {
        let mut at = start;
        let mut path = 1u32;
        while at < bytes.len() && !matches!(bytes[at], b'\t' | b'\n') {
            if at - start < 30 {
                path = (path << 1) | u32::from(bytes[at] == b'1');
            }
            at += 1;
        }
        if at == bytes.len() || bytes[at] == b'\n' {
            // A line without a tab.
            start = at + 1;
            continue;
        }
        let word_start = at + 1;
        at = word_start;
        while at < bytes.len() && bytes[at] != b'\n' {
            at += 1;
        }
        let mut word = &bytes[word_start..at];
        // A line ends before "\r\n" as before "\n".
        if at < bytes.len()
            && let [before @ .., b'\r'] = word
        {
            word = before;
        }
        paths.update(extend(EMPTY, word), |_| path);
        start = at + 1;
    }
    paths
}
