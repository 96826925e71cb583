//! Gazetteer membership as model features.
//!
//! Lists live in `models/gazetteers/` (see its README for sources and
//! licences) and are embedded in the binary. A token sequence matching an
//! entry gets a feature naming the list and the token's position in the
//! match; the model learns how much to trust each list.

use std::sync::OnceLock;

use super::gazetteer_entries::{EXTENDS, EntryKeys, MAX_ENTRY_TOKENS, sequence_key, table};
use super::hashing::{EMPTY, mix};
use super::key_table::KeyTable;
use super::list_lines::holds;

pub use super::gazetteer_entries::LISTS;

/// The entries of the named list, one a line (empty for no such list).
pub fn entries(name: &str) -> &'static str {
    LISTS
        .iter()
        .find(|(list, _)| *list == name)
        .map_or("", |(_, text)| text)
}

/// Whether the named list holds `name` as written, whatever white space
/// parts its words ("Saudi\nArabia" at a line break is the entry "Saudi
/// Arabia"). For the names a rule asks about, case kept; the tagger looks
/// tokens up in [`Gazetteer`], case folded.
pub fn lists(list: &str, name: &str) -> bool {
    let Some(index) = LISTS.iter().position(|(name, _)| *name == list) else {
        return false;
    };
    // The table of the lists' lines, read the first time a rule asks:
    // scanning the 41,000 places for one name cost 9 million instructions.
    static LINES: OnceLock<KeyTable> = OnceLock::new();
    let lines = LINES.get_or_init(|| KeyTable::from_bytes(LINE_TABLE));
    // A name already written as the list writes names is looked up as it
    // is; counting its words is not enough ("Saudi \nArabia" has two either
    // way).
    if name.split(' ').eq(name.split_whitespace()) {
        holds(lines, &LISTS, index, name)
    } else {
        holds(
            lines,
            &LISTS,
            index,
            name.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .as_str(),
        )
    }
}

/// The table of the lists' lines, built by `build.rs` with
/// [`super::list_lines::line_table`].
static LINE_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer_lines.bin"));

/// Whether `name` is a country of the list, as written ("Saudi\nArabia"
/// at a line break is one): a place the rules that retype names leave a
/// place ("the giant US budget deficit", "rugby star Wales").
pub fn is_country(name: &str) -> bool {
    lists("countries", name)
}

/// Whether `name` is a country, city or town of the lists, as written.
pub fn is_place(name: &str) -> bool {
    is_country(name) || lists("places", name) || lists("towns", name)
}

/// The type a name has by the lists alone, when it is a country (a place)
/// or a nationality (an other name): for what is left of a mention a pass
/// cut, whose type the model gave the longer span ("Many German" a
/// person).
pub fn country_or_nationality(name: &str) -> Option<super::EntityLabel> {
    if is_country(name) {
        Some(super::EntityLabel::Location)
    } else if lists("nationalities", name) {
        Some(super::EntityLabel::Misc)
    } else {
        None
    }
}

/// The bit of the named list in a [`Gazetteer::lists_of`] mask (0 for no
/// such list).
pub fn list_bit(name: &str) -> u16 {
    LISTS
        .iter()
        .position(|(list, _)| *list == name)
        .map_or(0, |list| 1 << list)
}

/// The [`Gazetteer::lists_of`] bits of any of the named lists.
pub fn list_bits(names: &[&str]) -> u16 {
    names.iter().fold(0, |bits, name| bits | list_bit(name))
}

/// The [`Gazetteer::annotate`] marks of any position in the named lists.
pub fn list_marks(names: &[&str]) -> u64 {
    LISTS
        .iter()
        .enumerate()
        .filter(|(_, (name, _))| names.contains(name))
        .fold(0, |marks, (list, _)| marks | 0xf << (4 * list))
}

/// Entries keyed by the hash of their lower-cased tokens.
pub struct Gazetteer {
    /// Every entry and every proper prefix of a multi-token entry, so one
    /// lookup per token both finds entries and tells when to stop. Each
    /// key's value holds the lists of the entry of exactly its tokens, a
    /// bit each (none for a prefix only), and [`EXTENDS`] when some longer
    /// entry starts with them.
    sequences: KeyTable,
}

/// The table of the embedded lists, built by `build.rs` with [`table`].
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));

/// The lists of the entry of exactly a value's tokens.
fn lists_in(value: u32) -> u16 {
    (value & (EXTENDS - 1)) as u16
}

impl Gazetteer {
    /// Builds the lookup from list texts (one entry a line).
    pub fn from_lists(lists: &[(&str, &str)]) -> Gazetteer {
        Gazetteer {
            sequences: table(lists),
        }
    }

    /// The embedded lists, as `build.rs` built their table (building it
    /// took 64M instructions at every start of a command that tags
    /// entities).
    pub fn embedded() -> Gazetteer {
        Gazetteer {
            sequences: KeyTable::from_bytes(TABLE),
        }
    }

    /// The lists that hold `name` as one whole entry, a bit each in the
    /// order of [`LISTS`] (see [`list_bit`]), matched as tagging matches
    /// tokens: typography folded, case ignored.
    pub fn lists_of(&self, name: &str) -> u16 {
        let mut hashes = Vec::new();
        EntryKeys::default().of(name, &mut hashes);
        if hashes.is_empty() || hashes.len() > MAX_ENTRY_TOKENS {
            return 0;
        }
        self.sequences
            .get(sequence_key(&hashes))
            .map_or(0, lists_in)
    }

    /// For each token, a mask per list position: bit `4*list + p` is set when
    /// the token is at position p (0 begin, 1 inside, 2 last, 3 unit) of a
    /// match of `list`. Matching is greedy left to right, longest first.
    pub fn annotate(&self, lower_hashes: &[u64]) -> Vec<u64> {
        self.annotate_where(lower_hashes, |_| true)
    }

    /// Whether some entry starts with the word of `lower_hash` (its
    /// [`lower_key`] hash): the same wherever the word stands, so the
    /// tagger works it out once per word, not at every token.
    pub fn starts_entry(&self, lower_hash: u64) -> bool {
        self.sequences.get(sequence_key(&[lower_hash])).is_some()
    }

    /// [`Gazetteer::annotate`], told which tokens may start a match:
    /// `may_start(index)` must be true for every token whose word
    /// [`Gazetteer::starts_entry`]. The others are skipped without a
    /// lookup: most words of news start no entry, and looking each token
    /// up took a quarter of annotating's instructions.
    pub fn annotate_where(
        &self,
        lower_hashes: &[u64],
        may_start: impl Fn(usize) -> bool,
    ) -> Vec<u64> {
        let mut marks = vec![0u64; lower_hashes.len()];
        let mut start = 0;
        while start < lower_hashes.len() {
            if !may_start(start) {
                start += 1;
                continue;
            }
            // Extend the match while the tokens so far begin some entry,
            // remembering the longest complete entry seen.
            let mut key = EMPTY;
            let mut longest: Option<(usize, u16)> = None;
            for (offset, &h) in lower_hashes[start..]
                .iter()
                .take(MAX_ENTRY_TOKENS)
                .enumerate()
            {
                key = mix(key, h);
                let Some(sequence) = self.sequences.get(key) else {
                    break;
                };
                if lists_in(sequence) != 0 {
                    longest = Some((offset + 1, lists_in(sequence)));
                }
                if sequence & EXTENDS == 0 {
                    break;
                }
            }
            let Some((length, mask)) = longest else {
                start += 1;
                continue;
            };
            for list in 0..LISTS.len() {
                if mask & (1 << list) == 0 {
                    continue;
                }
                for (offset, mark) in marks[start..start + length].iter_mut().enumerate() {
                    let position = match (offset, length) {
                        (_, 1) => 3,
                        (0, _) => 0,
                        (o, l) if o + 1 == l => 2,
                        _ => 1,
                    };
                    *mark |= 1u64 << (4 * list + position);
                }
            }
            // Greedy left-to-right: tokens inside a match start no other.
            start += length;
        }
        marks
    }
}

#[cfg(test)]
mod tests {
    use super::super::hashing::hash_str;
    use super::super::list_lines::line_table;
    use super::*;

    fn hashes(words: &[&str]) -> Vec<u64> {
        words.iter().map(|w| hash_str(&w.to_lowercase())).collect()
    }

    #[test]
    fn a_list_is_found_by_its_name() {
        assert!(entries("org_cues").lines().any(|cue| cue == "Inc"));
        assert_eq!(entries("no such list"), "");
        assert!(lists("countries", "Saudi Arabia"));
        assert!(lists("countries", "Saudi\nArabia"));
        assert!(lists("countries", " Saudi  Arabia "));
        // A line wrapped after the space, a tab either side.
        assert!(lists("countries", "Saudi \nArabia"));
        assert!(lists("countries", "\tSaudi Arabia\t"));
        assert!(!lists("countries", " \n "), "no words are no entry");
        assert!(!lists("countries", "saudi arabia"), "case is kept");
        assert!(!lists("countries", "Saudi"));
        assert!(!lists("no such list", "Saudi Arabia"));
    }

    #[test]
    fn marks_longest_matches_with_positions() {
        let gazetteer =
            Gazetteer::from_lists(&[("places", "New York\nYork\n"), ("names", "John\n")]);
        let marks = gazetteer.annotate(&hashes(&["John", "flew", "to", "NEW", "YORK"]));
        assert_eq!(marks, vec![1 << (4 + 3), 0, 0, 1 << 0, 1 << 2]);
    }

    #[test]
    fn the_table_built_with_the_binary_is_the_table_of_the_lists() {
        let sorted = |gazetteer: Gazetteer| {
            let mut entries: Vec<_> = gazetteer.sequences.entries().collect();
            entries.sort_unstable();
            entries
        };
        let embedded = sorted(Gazetteer::embedded());
        assert!(embedded.len() > 100_000, "{}", embedded.len());
        assert_eq!(embedded, sorted(Gazetteer::from_lists(&LISTS)));
    }

    #[test]
    fn the_lines_built_with_the_binary_are_the_lines_of_the_lists() {
        let sorted = |table: &KeyTable| {
            let mut entries: Vec<_> = table.entries().collect();
            entries.sort_unstable();
            entries
        };
        let embedded = KeyTable::from_bytes(LINE_TABLE);
        assert!(embedded.len() > 100_000, "{}", embedded.len());
        assert_eq!(sorted(&embedded), sorted(&line_table(&LISTS)));
    }

    #[test]
    fn a_whole_name_is_looked_up_in_every_list() {
        let gazetteer = Gazetteer::from_lists(&[
            ("companies", "Lockheed Martin\nAirbus\n"),
            ("places", "Airbus\n"),
        ]);
        let bits = |name: &str| gazetteer.lists_of(name);
        assert_eq!(bits("Lockheed Martin"), 0b01);
        assert_eq!(bits("LOCKHEED\nMARTIN"), 0b01);
        assert_eq!(bits("Airbus"), 0b11);
        assert_eq!(bits("Lockheed"), 0, "a prefix is no entry");
        assert_eq!(bits("Boeing"), 0);
        assert_eq!(list_bit("companies"), 1 << 9);
        assert_eq!(list_bit("no such list"), 0);
        assert_eq!(list_bits(&["companies", "no such list"]), 1 << 9);
    }

    #[test]
    fn embedded_lists_know_common_names() {
        let gazetteer = Gazetteer::embedded();
        let cases: &[(&[&str], usize)] = &[
            (&["Russia"], 0),
            (&["Moscow"], 1),
            (&["Boris"], 2),
            (&["Azerbaijani"], 4),
        ];
        for (words, list) in cases {
            let marks = gazetteer.annotate(&hashes(words));
            assert_ne!(marks[0] & (0xf_u64 << (4 * list)), 0, "{words:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// The set lookup answers as the scan it replaced did, for names
        /// parted by any white space: line breaks after a space, tabs,
        /// no-break spaces, none at all.
        #[test]
        fn lists_answers_as_the_scan_of_the_list(
            parts in proptest::collection::vec(
                "(Saudi|Arabia|United|States|Lockheed|Martin|Marathi|Maharashtra|Inc|)",
                0..4,
            ),
            spaces in proptest::collection::vec(
                "( |  |\n| \n|\n |\t|\u{a0}|\r\n|)",
                5,
            ),
        ) {
            let mut name = spaces[4].clone();
            for (part, space) in parts.iter().zip(&spaces) {
                name.push_str(part);
                name.push_str(space);
            }
            for (list, _) in LISTS {
                let scanned = entries(list)
                    .lines()
                    .any(|entry| entry.split(' ').eq(name.split_whitespace()));
                proptest::prop_assert_eq!(lists(list, &name), scanned, "{} {:?}", list, name);
            }
        }
    }
}
