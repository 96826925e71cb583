//! Stable 64-bit hashing for feature keys.
//!
//! The model file stores feature keys as hashes, so the function must never
//! change between builds or platforms: std's `DefaultHasher` promises neither.

/// FNV-1a offset basis: the hash of the empty string.
pub const EMPTY: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Extends an FNV-1a hash by one byte string.
pub fn extend(mut hash: u64, bytes: &[u8]) -> u64 {
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

/// FNV-1a hash of a string.
pub fn hash_str(text: &str) -> u64 {
    extend(EMPTY, text.as_bytes())
}

/// Combines two hashes (splitmix64 finaliser), order-sensitive.
pub fn mix(a: u64, b: u64) -> u64 {
    let mut z = a
        .rotate_left(23)
        .wrapping_add(b)
        .wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A `Hasher` for keys that are already well-mixed 64-bit hashes: hashing
/// them again (std's SipHash) would only cost time.
#[derive(Default, Clone, Copy)]
pub struct PrehashedHasher(u64);

impl std::hash::Hasher for PrehashedHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only reached for non-u64 keys; fold them in FNV-style.
        self.0 = extend(self.0 ^ EMPTY, bytes);
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// Hash map keyed by precomputed hashes.
pub type PrehashedMap<V> =
    std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<PrehashedHasher>>;

/// A [`PrehashedMap`] with room for `capacity` keys: maps built once per
/// document or model are sized up front, because growing them rehashes
/// every key again.
pub fn prehashed_map<V>(capacity: usize) -> PrehashedMap<V> {
    PrehashedMap::with_capacity_and_hasher(capacity, Default::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_across_builds() {
        // Pinned values: a change here invalidates every shipped model.
        assert_eq!(hash_str(""), EMPTY);
        assert_eq!(hash_str("a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(mix(1, 2), mix(2, 1));
    }
}
