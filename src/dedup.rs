//! Near-duplicate passages: MinHash signatures over word shingles with
//! locality-sensitive banding (Broder 1997; Leskovec, Rajaraman & Ullman,
//! "Mining of Massive Datasets", ch. 3).
//!
//! Each passage gets [`SIGNATURE_LEN`] minimum hashes of its word 2-shingles;
//! the share of equal positions in two signatures estimates the Jaccard
//! similarity of their shingle sets. [`BANDS`] bands of [`ROWS`] hashes
//! are cut from the signature, and each band is indexed as one term: a term
//! lookup finds the candidates, and comparing signatures confirms them
//! against [`NEAR_DUPLICATE_SIMILARITY`].
//!
//! The minimum hashes come from one hash per shingle (one-permutation
//! hashing, Li, Owen & Zhang 2012): its top bits pick one of the positions,
//! which keeps the least of the values it is given. A position no shingle
//! picked copies the first picked position of a fixed probe sequence of its
//! own (optimal densification, Shrivastava 2017), so two passages' positions
//! still agree with probability their Jaccard similarity. Deriving all 32
//! values of every shingle from two hashes (`h1 + i * h2`) took 1.6 times
//! the instructions and made the positions depend on each other: one
//! shingle whose two hashes were both small held most positions of every
//! passage it occurred in, so a short passage was the "copy" of any passage
//! sharing one of its word pairs. For every 70th passage of the benchmark's
//! news, 1.2 % of the passages its signature called copies had an exact
//! Jaccard similarity under 0.5; now 0.04 %, short table rows such as "Shr
//! 35 cts vs 32 cts" against "Shr 25 cts vs 32 cts", and copies at 0.7 or
//! more are found as often (`examples/eval_dedup.rs` measures this).
//!
//! The band terms are hashed into [`BAND_BUCKETS`] buckets per band. Exact
//! band keys made one new term per band and passage, and new terms are what
//! an inverted index pays most for: they doubled the writer's memory per
//! passage and made half the segments. With buckets the terms are shared,
//! a bucket also holds passages that merely collide, and a [`Sketch`] weeds
//! those out before any stored document is read: 4 bits of each of 16 of
//! the minimum hashes (b-bit minwise hashing, Li & König 2010), one 64-bit
//! column value a passage. The full signature, recomputed from the stored
//! text, confirms what the sketch lets through.
//!
//! SimHash was the first choice, but on passages of 20 to 40 words one
//! changed word moves 6 to 10 of its 64 bits, too close to unrelated text
//! for a safe threshold; MinHash's estimate does not degrade that way.

use std::collections::HashMap;

use crate::chars;
use crate::tokenizer::is_paired;

/// Hashes in a signature.
pub const SIGNATURE_LEN: usize = 32;
/// Bands cut from the signature for lookup. A copy whose signature
/// agrees on 23 or more of the 32 values shares a band unless every band
/// holds one of the values it disagrees on: never with 3 of them or fewer,
/// 2.5 % of the time with 6, 13 % with 9. Exact and almost exact copies
/// are most copies in news. Of 59,797 pairs of passages with a Jaccard
/// similarity of 0.7 or more (every 25th passage of the benchmark's news,
/// against all), these 4 bands of 3 found as many as 8 bands of 4: all
/// but 0.1 %, which the signature misses too. Every band is a term and a
/// posting for every passage, which cost an index about 0.9 µs each.
pub const BANDS: usize = 4;
/// Hashes per band.
pub const ROWS: usize = 3;
const _: () = assert!(BANDS * ROWS <= SIGNATURE_LEN);
/// Estimated Jaccard similarity from which passages count as copies.
pub const NEAR_DUPLICATE_SIMILARITY: f64 = 0.7;
/// Bits of a band key that are kept: each band has `2^BAND_BITS` buckets.
/// At 1.4 million passages a bucket holds about 90, few enough to confirm
/// one by one; a segment has at most `BANDS * 2^BAND_BITS` band terms.
pub const BAND_BITS: u32 = 14;
pub const BAND_BUCKETS: u64 = 1 << BAND_BITS;
/// Equal 4-bit values out of a [`Sketch`]'s 16 from which a candidate is
/// worth confirming. Unrelated passages agree on a value one time in 16
/// (7 or more agree with probability 2e-5); a copy at the 0.7 threshold
/// agrees with probability 0.72 per value, and falls short of 7 with
/// probability 0.003.
pub const SKETCH_MIN_EQUAL: u32 = 7;

/// A passage's MinHash signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signature(pub [u32; SIGNATURE_LEN]);

impl Signature {
    /// The signature of a passage's text: the minimum hashes of its word
    /// 2-shingles ([`for_each_shingle`]).
    pub fn of(text: &str) -> Signature {
        let mut mins = [u32::MAX; SIGNATURE_LEN];
        let mut picked = 0u32;
        for_each_shingle(text, |shingle| {
            let h = mix(shingle);
            let position = position_of(h);
            mins[position] = mins[position].min(h as u32);
            picked |= 1 << position;
        });
        if picked == 0 {
            return Signature(mins);
        }
        Signature(densify(mins, picked))
    }

    /// The estimated Jaccard similarity of two passages' shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let equal = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        equal as f64 / SIGNATURE_LEN as f64
    }

    pub fn is_near_duplicate(&self, other: &Signature) -> bool {
        self.similarity(other) >= NEAR_DUPLICATE_SIMILARITY
    }

    /// One lookup key per band: the band's position and its bucket.
    pub fn bands(&self) -> [u64; BANDS] {
        std::array::from_fn(|band| {
            let rows = &self.0[band * ROWS..(band + 1) * ROWS];
            let hash = mix(rows.iter().fold(band as u64, |h, &r| mix(h ^ u64::from(r))));
            (band as u64) << BAND_BITS | (hash % BAND_BUCKETS)
        })
    }

    /// 4 bits of each of the first 16 minimum hashes, packed: the top bits
    /// of a hash of the value and its position. A passage of one word pair
    /// has the same value at every position, so the value's own low bits
    /// made only 16 different sketches of all such passages, and a search
    /// took any two with the same as copies.
    pub fn sketch(&self) -> Sketch {
        Sketch(
            self.0[..16]
                .iter()
                .enumerate()
                .fold(0, |packed, (i, &hash)| {
                    let bits = mix((i as u64) << 32 | u64::from(hash)) >> 60;
                    packed | bits << (4 * i)
                }),
        )
    }
}

/// A 64-bit summary of a [`Signature`], stored in a column, that rules out
/// passages which cannot be near-duplicates without reading them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sketch(pub u64);

impl Sketch {
    /// Whether the passages may be near-duplicates: at least
    /// [`SKETCH_MIN_EQUAL`] of their 16 values agree.
    pub fn may_match(&self, other: &Sketch) -> bool {
        let diff = self.0 ^ other.0;
        let equal = (0..16).filter(|i| (diff >> (4 * i)) & 0xf == 0).count() as u32;
        equal >= SKETCH_MIN_EQUAL
    }
}

/// Signatures kept so far (the hits of a search), asked whether one of them
/// is a near-duplicate of another signature, or has its sketch, without
/// comparing it with each.
///
/// Comparing each candidate with every kept signature made a search's
/// collapse grow with the square of its hits: 20,000 hits of `the` on BBC
/// and Reuters news took 29 s, of which 27 s went to comparisons. A
/// near-duplicate agrees with a signature on at least
/// [`NEAR_DUPLICATE_SIMILARITY`] of its positions, so it differs on at most
/// `d` of them (9 of 32); cut into `d + 1` disjoint parts, at least one part
/// is equal in both (pigeonhole). Each kept signature is filed under each
/// of its parts, and a lookup confirms only those sharing one: the same
/// answers as comparing with all, not the bands' likely ones.
#[derive(Debug)]
pub struct SignatureSet {
    signatures: Vec<Signature>,
    /// Each kept sketch -> the first signature that has it.
    sketches: HashMap<u64, usize>,
    /// The parts' ranges of positions.
    parts: Vec<std::ops::Range<usize>>,
    /// A hash of a part (its index and values) -> the signatures that have it.
    by_part: HashMap<u64, Vec<usize>>,
}

impl Default for SignatureSet {
    fn default() -> SignatureSet {
        SignatureSet::new()
    }
}

impl SignatureSet {
    pub fn new() -> SignatureSet {
        SignatureSet {
            signatures: Vec::new(),
            sketches: HashMap::new(),
            parts: parts(SIGNATURE_LEN - min_equal_positions() + 1),
            by_part: HashMap::new(),
        }
    }

    pub fn insert(&mut self, signature: Signature) {
        let index = self.signatures.len();
        self.sketches.entry(signature.sketch().0).or_insert(index);
        let keys: Vec<u64> = self.part_keys(&signature).collect();
        for key in keys {
            self.by_part.entry(key).or_default().push(index);
        }
        self.signatures.push(signature);
    }

    /// Which kept signature (by order of insertion) has this sketch, if
    /// one does.
    pub fn with_sketch(&self, sketch: Sketch) -> Option<usize> {
        self.sketches.get(&sketch.0).copied()
    }

    /// Which kept signature (by order of insertion) is a near-duplicate of
    /// `signature`, if one is.
    pub fn near_duplicate_of(&self, signature: &Signature) -> Option<usize> {
        self.part_keys(signature).find_map(|key| {
            self.by_part.get(&key).and_then(|kept| {
                kept.iter()
                    .copied()
                    .find(|&i| self.signatures[i].is_near_duplicate(signature))
            })
        })
    }

    fn part_keys<'a>(&'a self, signature: &'a Signature) -> impl Iterator<Item = u64> + 'a {
        self.parts.iter().enumerate().map(|(part, range)| {
            signature.0[range.clone()]
                .iter()
                .fold(mix(part as u64), |h, &v| mix(h ^ u64::from(v)))
        })
    }
}

/// The fewest equal positions of two signatures that are near-duplicates.
fn min_equal_positions() -> usize {
    (0..=SIGNATURE_LEN)
        .find(|&equal| equal as f64 / SIGNATURE_LEN as f64 >= NEAR_DUPLICATE_SIMILARITY)
        .unwrap_or(SIGNATURE_LEN)
}

/// The signature's positions cut into `n` disjoint ranges of near-equal
/// length.
fn parts(n: usize) -> Vec<std::ops::Range<usize>> {
    let n = n.clamp(1, SIGNATURE_LEN);
    (0..n)
        .map(|i| i * SIGNATURE_LEN / n..(i + 1) * SIGNATURE_LEN / n)
        .collect()
}

// A signature's positions are the bits of a `u32` while it is built.
const _: () = assert!(SIGNATURE_LEN == 32);

/// The signature position a shingle's hash picks: its top bits (the low
/// 32 are the value it offers there).
const fn position_of(hash: u64) -> usize {
    (hash >> (64 - SIGNATURE_LEN.trailing_zeros())) as usize
}

/// Probes of each position's sequence kept in a table; a position whose
/// first [`PROBES_KEPT`] probes all miss (a passage of one to three word
/// pairs, now and then) walks on from the start of its sequence.
const PROBES_KEPT: usize = 48;

/// The probe sequence of a position: positions picked by repeatedly mixing
/// a seed of its own. It depends on nothing else, so two passages that
/// picked the same positions fill the others alike.
const fn probe_start(position: usize) -> u64 {
    mix(position as u64 ^ 0x5851_f42d_4c95_7f2d)
}

const PROBES: [[u8; PROBES_KEPT]; SIGNATURE_LEN] = {
    let mut table = [[0; PROBES_KEPT]; SIGNATURE_LEN];
    let mut position = 0;
    while position < SIGNATURE_LEN {
        let mut probe = probe_start(position);
        let mut k = 0;
        while k < PROBES_KEPT {
            table[position][k] = position_of(probe) as u8;
            probe = mix(probe);
            k += 1;
        }
        position += 1;
    }
    table
};

/// Fills each position no shingle picked (`picked` has a bit per position)
/// with the value of the first picked position in its probe sequence.
fn densify(mins: [u32; SIGNATURE_LEN], picked: u32) -> [u32; SIGNATURE_LEN] {
    if picked == u32::MAX {
        return mins;
    }
    let is_picked = |position: usize| picked & (1 << position) != 0;
    std::array::from_fn(|position| {
        if is_picked(position) {
            return mins[position];
        }
        let from = PROBES[position]
            .iter()
            .map(|&probe| usize::from(probe))
            .find(|&probe| is_picked(probe))
            .unwrap_or_else(|| {
                let mut probe = probe_start(position);
                while !is_picked(position_of(probe)) {
                    probe = mix(probe);
                }
                position_of(probe)
            });
        mins[from]
    })
}

/// Calls `f` with a 64-bit hash of each of `text`'s word 2-shingles, in
/// order and repeats included (of its only word for a one-word text): the
/// words are lower-cased and split at anything that is not a letter or a
/// digit. Two texts share a shingle when they share the hash.
pub fn for_each_shingle(text: &str, mut f: impl FnMut(u64)) {
    match word_hashes(text).as_slice() {
        [] => {}
        [only] => f(*only),
        // The rotation tells "a b" from "b a"; a signature mixes the result.
        words => words
            .windows(2)
            .for_each(|pair| f(pair[0].rotate_left(32) ^ pair[1])),
    }
}

/// Each ASCII letter and digit in lower case, by byte; 0 for the others.
const ASCII_WORD_BYTES: [u8; 128] = {
    let mut table = [0; 128];
    let mut byte: u8 = 0;
    while byte < 128 {
        if byte.is_ascii_alphanumeric() {
            table[byte as usize] = byte.to_ascii_lowercase();
        }
        byte += 1;
    }
    table
};

/// The FNV-1a hash of each word of `text`, lower-cased: words are runs of
/// letters and digits, and each lower-cased character is hashed as its code
/// point. A Chinese, Japanese or Korean character is a word of its own:
/// those scripts put no spaces between words, so a run of them was one
/// "word", and two passages that differ by one character shared nothing.
/// Their shingles are then pairs of characters, the terms of the index.
fn word_hashes(text: &str) -> Vec<u64> {
    // A word and its space take 5.5 bytes on average in English news:
    // a sixth of the length made about half the passages grow the list.
    let mut words = Vec::with_capacity(text.len() / 4 + 1);
    let mut hash = FNV_OFFSET;
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        // ASCII, most of any news text, needs neither decoding nor Unicode
        // tables; it hashes exactly as its `char` would.
        let byte = bytes[index];
        let alphanumeric = if byte.is_ascii() {
            index += 1;
            // One read says whether the byte is a letter or digit and
            // gives it in lower case.
            let lower = ASCII_WORD_BYTES[usize::from(byte)];
            if lower != 0 {
                hash = fnv(hash, u64::from(lower));
            }
            lower != 0
        } else {
            let c = text[index..]
                .chars()
                .next()
                .expect("index is on a char boundary");
            index += c.len_utf8();
            if is_paired(c) {
                if in_word {
                    words.push(hash);
                    hash = FNV_OFFSET;
                    in_word = false;
                }
                words.push(fnv(FNV_OFFSET, u64::from(c)));
                continue;
            }
            let alphanumeric = chars::is_alphanumeric(c);
            if alphanumeric {
                hash = c.to_lowercase().fold(hash, |h, lower| fnv(h, lower as u64));
            }
            alphanumeric
        };
        if alphanumeric {
            in_word = true;
        } else if in_word {
            words.push(hash);
            hash = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word {
        words.push(hash);
    }
    words
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv(hash: u64, value: u64) -> u64 {
    (hash ^ value).wrapping_mul(0x0100_0000_01b3)
}

/// SplitMix64's finaliser: a fast, well-spread 64-bit mixer.
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_word_bytes_are_the_lower_case_letters_and_digits() {
        for byte in 0..128u8 {
            let expected = if byte.is_ascii_alphanumeric() {
                byte.to_ascii_lowercase()
            } else {
                0
            };
            assert_eq!(ASCII_WORD_BYTES[usize::from(byte)], expected, "{byte}");
        }
    }

    const PARAGRAPH: &str = "However, Aliyev, according to sources privy to the conversation, was unconvinced. \
        Reports indicated that the plane had been shot down by Russian air defenses in a troubling error.";
    const WIRE: &str = "The central bank raised its main interest rate by half a point on Tuesday, \
        citing inflation that has stayed above its target for most of the year.";

    fn near(a: &str, b: &str) -> bool {
        Signature::of(a).is_near_duplicate(&Signature::of(b))
    }

    #[test]
    fn copies_up_to_case_punctuation_and_spacing_are_identical() {
        let shouty = PARAGRAPH
            .to_uppercase()
            .replace(' ', "  ")
            .replace(',', " ;");
        assert_eq!(Signature::of(PARAGRAPH), Signature::of(&shouty));
    }

    #[test]
    fn one_changed_word_stays_near() {
        assert!(near(PARAGRAPH, &PARAGRAPH.replace("troubling", "tragic")));
        assert!(near(WIRE, &WIRE.replace("Tuesday", "Wednesday")));
        assert!(near(
            WIRE,
            &WIRE.replace("half a point", "half a percentage point")
        ));
    }

    #[test]
    fn chinese_japanese_and_korean_copies_are_near() {
        let zh = "国务院总理今天在人民大会堂会见了来访的外国代表团，双方就进一步扩大对外开放交换了意见。";
        assert!(near(zh, &zh.replace("今天", "昨天")));
        assert!(!near(
            zh,
            "上海市政府今天宣布了新的住房政策，以稳定房地产市场并支持首次购房者。"
        ));
        let ja = "日本銀行は金融政策決定会合で政策金利を据え置くことを決めた。";
        assert!(near(ja, &ja.replace("据え置く", "維持する")));
    }

    #[test]
    fn different_text_is_far() {
        assert!(!near(PARAGRAPH, WIRE));
        assert!(!near(
            WIRE,
            "The central bank is expected to hold rates when its board meets next month."
        ));
        assert!(!near("Markets rose.", "Markets fell."));
    }

    /// One shared word pair does not make a copy. With the signature's 32
    /// values made from two hashes of each shingle, these short passages
    /// were copies of the long ones: "25838 mln" hashed to two small
    /// values and so held most positions of both signatures.
    #[test]
    fn one_shared_word_pair_is_not_a_copy() {
        let known = ["25838", "44723", "66796", "78422", "91241"];
        let sweep = (0..2000).map(|number: u32| number.to_string());
        for number in known.map(String::from).into_iter().chain(sweep) {
            let short = format!("Its revenues totaled {number} mln dlrs.");
            let long = format!("{WIRE} It set aside {number} mln for the plan.");
            assert!(!near(&short, &long), "{short}");
        }
    }

    #[test]
    fn short_passages_fill_every_position_and_stay_comparable() {
        for text in ["Markets rose.", "Reuter", "Shr 35 cts vs 32 cts"] {
            let signature = Signature::of(text);
            assert!(signature.0.iter().all(|&v| v != u32::MAX), "{text}");
            assert!(signature.is_near_duplicate(&Signature::of(&text.to_uppercase())));
        }
        assert_eq!(Signature::of("").0, [u32::MAX; SIGNATURE_LEN]);
    }

    /// A search takes passages with equal sketches as copies without
    /// reading them, so passages of one word pair (a byline, a table cell)
    /// must not share a handful of sketches.
    #[test]
    fn passages_of_one_word_pair_have_sketches_of_their_own() {
        let sketches: std::collections::HashSet<u64> = (0..500)
            .map(|n| Signature::of(&format!("Rigoglioso {n}.")).sketch().0)
            .collect();
        assert_eq!(sketches.len(), 500);
    }

    #[test]
    fn sketches_let_near_duplicates_through_and_stop_unrelated_text() {
        let texts = [
            PARAGRAPH.to_string(),
            PARAGRAPH.replace("troubling", "tragic"),
            WIRE.to_string(),
            WIRE.replace("half a point", "half a percentage point"),
            "Markets rose.".to_string(),
        ];
        for a in &texts {
            for b in &texts {
                let (x, y) = (Signature::of(a), Signature::of(b));
                if x.is_near_duplicate(&y) {
                    assert!(x.sketch().may_match(&y.sketch()), "{a} / {b}");
                }
            }
        }
        assert!(
            !Signature::of(PARAGRAPH)
                .sketch()
                .may_match(&Signature::of(WIRE).sketch())
        );
    }

    /// Indexes store band keys and sketches: a change to any hash would
    /// hide copies across passages indexed before and after it, unless
    /// `indexer::ANALYSIS_VERSION` changes with it (every file is then
    /// analysed again).
    #[test]
    fn signatures_are_stable_across_versions() {
        let cases: &[(&str, [u64; BANDS], u64)] = &[
            (
                "Aliyev’s plane, shot down over Grozny: ÉCLAIR ﬁnal İstanbul 2024-12-25",
                [15410, 19926, 35992, 54809],
                0x76bb_e55e_7ee6_ac76,
            ),
            (
                PARAGRAPH,
                [4760, 17260, 43791, 53146],
                0x45e2_b789_4ed6_40fe,
            ),
        ];
        for (text, bands, sketch) in cases {
            let signature = Signature::of(text);
            assert_eq!(signature.bands(), *bands, "{text}");
            assert_eq!(signature.sketch().0, *sketch, "{text}");
        }
    }

    #[test]
    fn band_keys_stay_in_their_band_and_bucket_range() {
        for (band, key) in Signature::of(WIRE).bands().into_iter().enumerate() {
            assert_eq!(key >> BAND_BITS, band as u64);
        }
    }

    /// The set answers as comparing with every kept signature does, for
    /// signatures that differ from a kept one in any number of positions.
    #[test]
    fn a_signature_set_finds_what_comparing_with_each_finds() {
        let mut state = 7u64;
        let mut next = || {
            state = mix(state);
            state as u32
        };
        let kept: Vec<Signature> = (0..200)
            .map(|_| Signature(std::array::from_fn(|_| next())))
            .collect();
        let mut set = SignatureSet::new();
        for signature in &kept {
            set.insert(*signature);
        }
        let mut near = 0;
        for (n, base) in kept.iter().enumerate() {
            // Change `changed` positions, picked anywhere.
            let changed = n % (SIGNATURE_LEN + 1);
            let mut probe = *base;
            let mut positions: Vec<usize> = (0..SIGNATURE_LEN).collect();
            for i in 0..changed {
                let j = i + next() as usize % (SIGNATURE_LEN - i);
                positions.swap(i, j);
                probe.0[positions[i]] = next();
            }
            let each = kept.iter().any(|k| k.is_near_duplicate(&probe));
            assert_eq!(
                set.near_duplicate_of(&probe).is_some(),
                each,
                "{changed} changed"
            );
            assert_eq!(
                set.with_sketch(probe.sketch()).is_some(),
                kept.iter().any(|k| k.sketch() == probe.sketch())
            );
            near += usize::from(each);
        }
        // Both answers occur: up to 9 changed positions stay copies.
        assert!(near > 0 && near < kept.len(), "{near}");
        assert_eq!(min_equal_positions(), 23);
        assert_eq!(
            parts(10).iter().map(|r| r.len()).sum::<usize>(),
            SIGNATURE_LEN
        );
    }

    #[test]
    fn near_duplicates_share_a_band() {
        let (a, b) = (
            Signature::of(WIRE),
            Signature::of(&WIRE.replace("Tuesday", "Wednesday")),
        );
        assert!(a.bands().iter().zip(b.bands()).any(|(x, y)| *x == y));
    }
}
