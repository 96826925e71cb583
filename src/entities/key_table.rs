//! A table from 64-bit hash keys to nonzero `u32` values that `build.rs`
//! can build and write out as bytes, and a command read back with one copy.
//!
//! The gazetteer and the word clusters were parsed into hash maps at every
//! start of a command that tags entities: 140,000 lines, about 85 million
//! instructions before the first article. `build.rs` includes this file and
//! builds the same tables once, with the same code; a command copies their
//! slots. Only the standard library is used here, so the build script can
//! include it.
//!
//! Open addressing with linear probing over a power-of-two number of slots,
//! at most half of them full; a slot whose value is 0 is empty, so values
//! must never be 0.

/// Keys to nonzero values.
#[derive(Clone, Debug)]
pub struct KeyTable {
    keys: Vec<u64>,
    values: Vec<u32>,
    /// Bits of a slot's index: `keys.len() == 1 << bits`.
    bits: u32,
    len: usize,
}

/// The fewest slots a table has, so an index always has some bits.
const MIN_BITS: u32 = 3;

/// Multiplier of Fibonacci hashing: its product's top bits pick the slot,
/// so keys whose low bits look alike (FNV hashes of similar words) spread.
const SPREAD: u64 = 0x9e37_79b9_7f4a_7c15;

impl Default for KeyTable {
    fn default() -> KeyTable {
        KeyTable::with_capacity(0)
    }
}

impl KeyTable {
    /// An empty table with room for `capacity` keys before it grows.
    pub fn with_capacity(capacity: usize) -> KeyTable {
        let bits = (capacity * 2)
            .next_power_of_two()
            .trailing_zeros()
            .max(MIN_BITS);
        KeyTable {
            keys: vec![0; 1 << bits],
            values: vec![0; 1 << bits],
            bits,
            len: 0,
        }
    }

    /// Number of keys held.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn mask(&self) -> usize {
        self.keys.len() - 1
    }

    fn first_slot(&self, key: u64) -> usize {
        (key.wrapping_mul(SPREAD) >> (64 - self.bits)) as usize
    }

    /// The slot holding `key`, or the empty slot where it would go.
    fn slot_of(&self, key: u64) -> usize {
        let mut slot = self.first_slot(key);
        while self.values[slot] != 0 && self.keys[slot] != key {
            slot = (slot + 1) & self.mask();
        }
        slot
    }

    /// The value of `key`, if held.
    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        let value = self.values[self.slot_of(key)];
        (value != 0).then_some(value)
    }

    /// Sets the value of `key` to `change` of its value (0 when it is not
    /// held yet). `change` must not give 0.
    pub fn update(&mut self, key: u64, change: impl FnOnce(u32) -> u32) {
        let mut slot = self.slot_of(key);
        if self.values[slot] == 0 {
            if (self.len + 1) * 2 > self.keys.len() {
                self.grow();
                slot = self.slot_of(key);
            }
            self.len += 1;
            self.keys[slot] = key;
        }
        let value = change(self.values[slot]);
        assert_ne!(value, 0, "a key table holds no value 0");
        self.values[slot] = value;
    }

    /// Twice the slots, every key placed again.
    fn grow(&mut self) {
        let mut bigger = KeyTable::with_capacity(self.keys.len());
        for (&key, &value) in self.keys.iter().zip(&self.values) {
            if value != 0 {
                let slot = bigger.slot_of(key);
                bigger.keys[slot] = key;
                bigger.values[slot] = value;
                bigger.len += 1;
            }
        }
        *self = bigger;
    }

    /// Every key and its value, in slot order.
    pub fn entries(&self) -> impl Iterator<Item = (u64, u32)> + '_ {
        self.keys
            .iter()
            .zip(&self.values)
            .filter(|&(_, &value)| value != 0)
            .map(|(&key, &value)| (key, value))
    }

    /// The table as bytes [`KeyTable::from_bytes`] reads: the number of
    /// slots, then every slot's key, then every slot's value, little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(8 + self.keys.len() * 12);
        bytes.extend_from_slice(&(self.keys.len() as u64).to_le_bytes());
        for key in &self.keys {
            bytes.extend_from_slice(&key.to_le_bytes());
        }
        for value in &self.values {
            bytes.extend_from_slice(&value.to_le_bytes());
        }
        bytes
    }

    /// The table [`KeyTable::to_bytes`] wrote. Panics on bytes it did not
    /// write: they are embedded in the binary at build time.
    pub fn from_bytes(bytes: &[u8]) -> KeyTable {
        let (count, slots) = bytes.split_at(8);
        let count = u64::from_le_bytes(count.try_into().expect("eight bytes")) as usize;
        assert!(
            count.is_power_of_two() && slots.len() == count * 12,
            "not a key table"
        );
        let (keys, values) = slots.split_at(count * 8);
        let keys: Vec<u64> = keys
            .chunks_exact(8)
            .map(|key| u64::from_le_bytes(key.try_into().expect("eight bytes")))
            .collect();
        let values: Vec<u32> = values
            .chunks_exact(4)
            .map(|value| u32::from_le_bytes(value.try_into().expect("four bytes")))
            .collect();
        let len = values.iter().filter(|&&value| value != 0).count();
        KeyTable {
            keys,
            values,
            bits: count.trailing_zeros(),
            len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(table: &KeyTable) -> Vec<(u64, u32)> {
        let mut entries: Vec<_> = table.entries().collect();
        entries.sort_unstable();
        entries
    }

    #[test]
    fn holds_what_a_hash_map_holds() {
        let mut table = KeyTable::default();
        let mut map = std::collections::HashMap::new();
        // Keys alike in their low bits, and 0, grown past the first slots.
        for i in 0..1_000u64 {
            let key = (i % 300) << 32;
            table.update(key, |value| value | (1 << (i % 7)));
            *map.entry(key).or_insert(0u32) |= 1 << (i % 7);
        }
        assert_eq!(table.len(), map.len());
        for (&key, &value) in &map {
            assert_eq!(table.get(key), Some(value));
        }
        assert_eq!(table.get(1), None);
        let mut entries: Vec<_> = map.into_iter().collect();
        entries.sort_unstable();
        assert_eq!(sorted(&table), entries);
    }

    #[test]
    fn reads_back_the_bytes_it_wrote() {
        let mut table = KeyTable::with_capacity(3);
        for key in [7, 0, u64::MAX, 1 << 63] {
            table.update(key, |_| key as u32 | 1);
        }
        let read = KeyTable::from_bytes(&table.to_bytes());
        assert_eq!(read.len(), 4);
        assert_eq!(sorted(&read), sorted(&table));
        assert_eq!(read.get(u64::MAX), Some(u32::MAX));
        assert_eq!(read.get(5), None);
    }
}
