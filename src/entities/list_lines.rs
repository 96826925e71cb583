//! Each gazetteer list's lines as written, for the rules that ask whether a
//! list holds a name, case kept: a table from a line's hash to its place in
//! its list's text, which `build.rs` builds with this file. The sets of the
//! lines a command built at its first question cost 32M instructions
//! (places, towns, last names, countries).

use super::hashing::{hash_str, mix};
use super::key_table::KeyTable;

/// Bits of a place that hold its line's length, in bytes.
const LENGTH_BITS: u32 = 12;

/// The key of `line` in list `list`.
fn line_key(list: usize, line: &str) -> u64 {
    mix(hash_str(line), list as u64)
}

/// The table of every line of `lists`, as `str::lines` cuts them: its key
/// to its place in its list's text (one past its start, then its length).
/// Panics when two different lines share a key, so that a lookup compares
/// one line, or when a line's place does not fit.
pub fn line_table(lists: &[(&str, &str)]) -> KeyTable {
    let lines = lists.iter().map(|(_, text)| text.lines().count()).sum();
    let mut table = KeyTable::with_capacity(lines);
    for (list, (_, text)) in lists.iter().enumerate() {
        for line in text.lines() {
            let start = line.as_ptr() as usize - text.as_ptr() as usize;
            assert!(
                start + 1 < 1 << (32 - LENGTH_BITS) && line.len() < 1 << LENGTH_BITS,
                "a list's line beyond a table's places: {line}"
            );
            let place = ((start as u32 + 1) << LENGTH_BITS) | line.len() as u32;
            table.update(line_key(list, line), |held| {
                assert!(
                    held == 0 || line_at(text, held) == Some(line),
                    "two lines of one key: {line}"
                );
                place
            });
        }
    }
    table
}

/// The line at `place` of `text`.
fn line_at(text: &str, place: u32) -> Option<&str> {
    let start = (place >> LENGTH_BITS) as usize - 1;
    let length = (place & ((1 << LENGTH_BITS) - 1)) as usize;
    text.get(start..start + length)
}

/// Whether list `list` of `lists`, of which `table` is the [`line_table`],
/// has a line that is `name`.
pub fn holds(table: &KeyTable, lists: &[(&str, &str)], list: usize, name: &str) -> bool {
    table
        .get(line_key(list, name))
        .is_some_and(|place| line_at(lists[list].1, place) == Some(name))
}
