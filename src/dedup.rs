//! Near-duplicate passages: SimHash over word shingles (Charikar 2002, as
//! used for web-scale near-duplicate detection by Manku et al. 2007).
//!
//! Each passage gets a 64-bit fingerprint whose bits are the sign of the sum
//! of its shingles' hashes; texts that share most shingles get fingerprints
//! a few bits apart. Passages too short to have a meaningful shingle set get
//! the hash of their normalised words instead, so only exact copies (up to
//! case, punctuation and spacing) match. Splitting the fingerprint into
//! eight 8-bit bands lets the index find every passage within
//! [`NEAR_DUPLICATE_BITS`] bits by exact band lookups: two fingerprints that
//! differ in at most 7 bits agree on at least one of the 8 bands.
//!
//! Passages are short, so one changed word moves several of their few
//! shingles: a one-word edit of a 30-word paragraph measures 4 to 6 bits,
//! hence 7 rather than the 3 used for whole web pages. Unrelated texts sit
//! about 32 bits apart; the chance that two random fingerprints fall within
//! 7 bits is below 1e-10.

/// Fingerprints at most this many bits apart are near-duplicates.
pub const NEAR_DUPLICATE_BITS: u32 = 7;

/// Words per shingle.
const SHINGLE: usize = 3;

/// Below this many words a passage is matched exactly, not by shingles.
const MIN_WORDS_FOR_SHINGLES: usize = 12;

/// The SimHash fingerprint of a passage.
pub fn simhash(text: &str) -> u64 {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < MIN_WORDS_FOR_SHINGLES {
        return words
            .iter()
            .fold(FNV_OFFSET, |h, w| mix(fnv(h, w.as_bytes()) ^ 0x20));
    }
    let mut weights = [0i32; 64];
    for shingle in words.windows(SHINGLE) {
        let hash = mix(shingle
            .iter()
            .fold(FNV_OFFSET, |h, w| fnv(h, w.as_bytes()) ^ 0x20));
        for (bit, weight) in weights.iter_mut().enumerate() {
            *weight += if hash >> bit & 1 == 1 { 1 } else { -1 };
        }
    }
    weights.iter().enumerate().fold(
        0u64,
        |acc, (bit, &w)| if w > 0 { acc | 1 << bit } else { acc },
    )
}

/// The eight bands of a fingerprint, each tagged with its position so that
/// equal bits in different positions do not collide.
pub fn bands(hash: u64) -> [u64; 8] {
    std::array::from_fn(|i| ((i as u64) << 8) | (hash >> (8 * i) & 0xff))
}

/// Whether two fingerprints mark near-duplicate passages.
pub fn is_near_duplicate(a: u64, b: u64) -> bool {
    (a ^ b).count_ones() <= NEAR_DUPLICATE_BITS
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A finaliser (from SplitMix64) that spreads FNV's weak low bits over
/// all 64, which SimHash needs: every bit position must be a fair coin.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAGRAPH: &str = "However, Aliyev, according to sources privy to the conversation, was unconvinced. \
        Reports indicated that the plane had been shot down by Russian air defenses in a troubling error.";

    #[test]
    fn identical_text_up_to_case_and_spacing_matches() {
        let shouty = PARAGRAPH.to_uppercase().replace(' ', "  ");
        assert_eq!(simhash(PARAGRAPH), simhash(&shouty));
    }

    #[test]
    fn a_small_edit_stays_near() {
        let edited = PARAGRAPH.replace("troubling", "tragic");
        assert!(is_near_duplicate(simhash(PARAGRAPH), simhash(&edited)));
    }

    #[test]
    fn different_text_is_far() {
        let other = "Markets rose on Tuesday as investors bought technology shares after strong earnings \
                     reports from several large companies in the sector.";
        assert!(!is_near_duplicate(simhash(PARAGRAPH), simhash(other)));
    }

    #[test]
    fn short_passages_match_only_exactly() {
        assert_eq!(simhash("Markets rose."), simhash("markets  ROSE"));
        assert!(!is_near_duplicate(
            simhash("Markets rose."),
            simhash("Markets fell.")
        ));
    }

    #[test]
    fn near_fingerprints_share_a_band() {
        let a = 0x1234_5678_9abc_def0u64;
        let b = a ^ 0b1 ^ (1 << 10) ^ (1 << 20) ^ (1 << 30) ^ (1 << 40) ^ (1 << 50) ^ (1 << 60);
        assert!(bands(a).iter().zip(bands(b)).any(|(x, y)| *x == y));
    }
}
