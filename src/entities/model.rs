//! The shipped model: quantised feature weights for both passes, transition
//! scores, and its compact binary file format.
//!
//! Each feature key maps to one row holding the weights of both passes, so
//! one hash-table probe serves both. Weights are 16-bit integers with a
//! per-pass scale: 16 bits lose nothing measurable and halve the file.
//!
//! A model is read in place from its file's bytes: the embedded model is
//! never copied, so a command that tags starts without writing 9 MB
//! (2,000 page faults, a tenth of a one-line `extract`).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use super::decode::{Transitions, Viterbi};
use super::labels::TAG_COUNT;

/// Tagging passes: the first tags sentence by sentence, the second adds the
/// document's first-pass predictions as features.
pub const PASSES: usize = 2;
/// Weights per feature row.
pub const ROW: usize = PASSES * TAG_COUNT;

const MAGIC: &[u8; 8] = b"NDXNER02";

/// A trained, quantised model ready for tagging.
pub struct Model {
    /// Open-addressing table of (key fingerprint, row + 1); row 0 marks a
    /// free slot. 8-byte slots keep the table small enough for the cache;
    /// the slot index uses the key's low bits and the fingerprint its high
    /// 32, so a false match needs a 64-bit collision.
    slots: Vec<(u32, u32)>,
    slot_mask: usize,
    /// The model file, which [`Model::to_bytes`] gives back (up to the end
    /// of `weights`).
    file: Cow<'static, [u8]>,
    /// Where in `file` the rows' weights are: `ROW` little-endian `i16`s a row.
    weights: Range<usize>,
    pub scales: [f32; PASSES],
    pub transitions: [Transitions; PASSES],
    /// A decoder for each pass's transitions, built once: building one for
    /// every document was 0.7 % of tagging.
    decoders: [Viterbi; PASSES],
    /// Tells this model from any other in the process, so that sums of its
    /// rows remembered for one are never served for another.
    id: u64,
}

/// Accumulated integer weights of both passes for one token.
pub type RowSum = [i32; ROW];

/// Accumulated integer weights of one pass for one token: a half of a
/// [`RowSum`].
pub type PassSum = [i32; TAG_COUNT];

/// The half of `sum` that holds the weights of `pass`.
pub fn pass_sum(sum: &RowSum, pass: usize) -> &PassSum {
    sum[pass * TAG_COUNT..(pass + 1) * TAG_COUNT]
        .try_into()
        .expect("a pass's half of a row sum")
}

fn fingerprint(key: u64) -> u32 {
    (key >> 32) as u32
}

fn slot_of(key: u64, mask: usize) -> usize {
    (key as usize) & mask
}

impl Model {
    /// Quantises float weights (`keys.len()` rows of `TAG_COUNT` per pass)
    /// and drops rows whose weights all round to at most `min_quantum`.
    pub fn from_weights(
        keys: &[u64],
        weights: [&[f32]; PASSES],
        transitions: [Transitions; PASSES],
        min_quantum: i16,
    ) -> Model {
        let mut scales = [0f32; PASSES];
        for (scale, pass_weights) in scales.iter_mut().zip(weights) {
            let largest = pass_weights.iter().fold(0f32, |m, w| m.max(w.abs()));
            *scale = if largest > 0.0 {
                largest / f32::from(i16::MAX)
            } else {
                1.0
            };
        }
        let mut kept_keys = Vec::new();
        let mut kept_weights = Vec::new();
        for (row, &key) in keys.iter().enumerate() {
            let mut quantised = [0i16; ROW];
            for pass in 0..PASSES {
                for tag in 0..TAG_COUNT {
                    let value = weights[pass]
                        .get(row * TAG_COUNT + tag)
                        .copied()
                        .unwrap_or(0.0);
                    quantised[pass * TAG_COUNT + tag] = (value / scales[pass]).round() as i16;
                }
            }
            if quantised.iter().any(|q| q.abs() > min_quantum) {
                kept_keys.push(key);
                kept_weights.extend_from_slice(&quantised);
            }
        }
        let file = encode(&kept_keys, &kept_weights, &scales, &transitions);
        Model::read(Cow::Owned(file)).expect("an encoded model reads back")
    }

    pub fn row_count(&self) -> usize {
        self.weights.len() / (ROW * 2)
    }

    /// Writes to `sum` the rows of `keys` added to `base`.
    ///
    /// Looking features up is bound by memory latency, so it runs in phases
    /// whose loads do not depend on each other and overlap in the memory
    /// system: first every key's slot (a further probe is rare), then the
    /// weight rows. (Summed onto a `base` rather than in place, so that a
    /// token's sum is written once, where it is kept: a remembered word's
    /// sum copied there first was a call to `memcpy` a token.)
    pub fn accumulate_onto(&self, keys: &[u64], base: &RowSum, sum: &mut RowSum) {
        self.accumulate_lanes::<0, ROW>(keys, base, sum);
    }

    /// Writes to `sum` the second pass's weights of the rows of `keys`
    /// added to `base`, both that pass's half of a [`RowSum`]: for the
    /// features only the second pass has, whose first-pass weights nothing
    /// reads.
    pub fn accumulate_second_pass_onto(&self, keys: &[u64], base: &PassSum, sum: &mut PassSum) {
        self.accumulate_lanes::<TAG_COUNT, TAG_COUNT>(keys, base, sum);
    }

    /// Writes to `sum` weights `FROM..FROM + LEN` of the rows of `keys`
    /// added to `base`.
    fn accumulate_lanes<const FROM: usize, const LEN: usize>(
        &self,
        keys: &[u64],
        base: &[i32; LEN],
        sum: &mut [i32; LEN],
    ) {
        const BATCH: usize = 64;
        let mut rows = [0u32; BATCH];
        let mut chunks = keys.chunks(BATCH);
        let found = chunks
            .next()
            .map_or(0, |chunk| self.find_rows(chunk, &mut rows));
        self.add_rows::<FROM, LEN>(&rows[..found], base, sum);
        // Few tokens have more keys than a batch.
        for chunk in chunks {
            let so_far = *sum;
            let found = self.find_rows(chunk, &mut rows);
            self.add_rows::<FROM, LEN>(&rows[..found], &so_far, sum);
        }
    }

    /// Writes the rows (numbered from 1) of those of `keys` the model has
    /// to the start of `rows`, and returns how many there are.
    fn find_rows(&self, keys: &[u64], rows: &mut [u32]) -> usize {
        let mut found = 0;
        for &key in keys {
            let (stored, row) = self.slots[slot_of(key, self.slot_mask)];
            let row = if row == 0 || stored == fingerprint(key) {
                row
            } else {
                self.probe(key)
            };
            rows[found] = row;
            found += usize::from(row != 0);
        }
        found
    }

    /// Writes to `sum` weights `FROM..FROM + LEN` of rows (numbered
    /// from 1) added to `base`. Kept out of line: inlined into
    /// [`Model::accumulate_onto`], the additions are not vectorised. Each
    /// row is decoded from its bytes into an array first: added straight
    /// from the byte pairs, the sums were not vectorised either (3.4 times
    /// the instructions). The totals are summed in a local copy, which
    /// stays in registers: summed in place, they were all stored back after
    /// every row, since a bounds check could panic before the next.
    #[inline(never)]
    fn add_rows<const FROM: usize, const LEN: usize>(
        &self,
        rows: &[u32],
        base: &[i32; LEN],
        sum: &mut [i32; LEN],
    ) {
        let (weights, _) = self.file[self.weights.clone()].as_chunks::<{ ROW * 2 }>();
        let mut totals: [i32; LEN] = *base;
        for &row in rows {
            let bytes = &weights[row as usize - 1];
            let row_weights: [i16; LEN] = std::array::from_fn(|lane| {
                let at = 2 * (FROM + lane);
                i16::from_le_bytes([bytes[at], bytes[at + 1]])
            });
            for (total, weight) in totals.iter_mut().zip(row_weights) {
                *total += i32::from(weight);
            }
        }
        *sum = totals;
    }

    /// Row + 1 of a key past its home slot, 0 if absent.
    fn probe(&self, key: u64) -> u32 {
        let wanted = fingerprint(key);
        let mut slot = slot_of(key, self.slot_mask);
        loop {
            slot = (slot + 1) & self.slot_mask;
            let (stored, row) = self.slots[slot];
            if row == 0 || stored == wanted {
                return row;
            }
        }
    }

    /// This model's identity among those of the process.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// A decoder for the transitions of `pass`, with room for stretches of
    /// up to `longest` tokens.
    pub fn decoder(&self, pass: usize, longest: usize) -> Viterbi {
        let mut decoder = self.decoders[pass].clone();
        decoder.reserve(longest);
        decoder
    }

    /// Emission scores of one pass from its half of accumulated rows.
    pub fn emissions(&self, pass: usize, sum: &PassSum) -> [f32; TAG_COUNT] {
        let scale = self.scales[pass];
        sum.map(|total| total as f32 * scale)
    }

    /// The model file format (little-endian).
    pub fn to_bytes(&self) -> Vec<u8> {
        // The weights end the format; anything after them is not the model's.
        self.file[..self.weights.end].to_vec()
    }

    /// Parses the model file format; `None` if it is not a model file.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        Model::read(Cow::Owned(bytes.to_vec()))
    }

    /// [`Model::from_bytes`] for a file that lives as long as the program
    /// (the embedded one), read in place.
    pub fn from_static(bytes: &'static [u8]) -> Option<Model> {
        Model::read(Cow::Borrowed(bytes))
    }

    fn read(file: Cow<'static, [u8]>) -> Option<Model> {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        let mut reader = Reader {
            bytes: &file,
            at: 0,
        };
        if reader.take(8)? != MAGIC {
            return None;
        }
        let rows = reader.u32()? as usize;
        if reader.u32()? as usize != ROW {
            return None;
        }
        let mut scales = [0f32; PASSES];
        let mut transitions: [Transitions; PASSES] = Default::default();
        for pass in 0..PASSES {
            scales[pass] = reader.f32()?;
            let values: Vec<f32> = (0..Transitions::LEN)
                .map(|_| reader.f32())
                .collect::<Option<_>>()?;
            transitions[pass] = Transitions::from_slice(&values);
        }
        let (keys, _) = reader.take(rows.checked_mul(8)?)?.as_chunks::<8>();
        let weights_start = reader.at;
        reader.take(rows.checked_mul(ROW * 2)?)?;
        let weights = weights_start..reader.at;
        let capacity = (rows * 2).next_power_of_two().max(16);
        let slot_mask = capacity - 1;
        let mut slots = vec![(0u32, 0u32); capacity];
        for (row, &key) in keys.iter().enumerate() {
            let key = u64::from_le_bytes(key);
            let mut slot = slot_of(key, slot_mask);
            while slots[slot].1 != 0 {
                slot = (slot + 1) & slot_mask;
            }
            slots[slot] = (fingerprint(key), row as u32 + 1);
        }
        Some(Model {
            slots,
            slot_mask,
            file,
            weights,
            scales,
            decoders: std::array::from_fn(|pass| Viterbi::new(&transitions[pass])),
            transitions,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        })
    }
}

/// The model file of quantised rows (`ROW` weights each) and their keys.
fn encode(
    keys: &[u64],
    weights: &[i16],
    scales: &[f32; PASSES],
    transitions: &[Transitions; PASSES],
) -> Vec<u8> {
    let rows = keys.len();
    let mut out = Vec::with_capacity(16 + rows * (8 + ROW * 2));
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(rows as u32).to_le_bytes());
    out.extend_from_slice(&(ROW as u32).to_le_bytes());
    for pass in 0..PASSES {
        out.extend_from_slice(&scales[pass].to_le_bytes());
        for value in transitions[pass].to_vec() {
            out.extend_from_slice(&value.to_le_bytes());
        }
    }
    for key in keys {
        out.extend_from_slice(&key.to_le_bytes());
    }
    for weight in weights {
        out.extend_from_slice(&weight.to_le_bytes());
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, count: usize) -> Option<&'a [u8]> {
        let slice = self.bytes.get(self.at..self.at.checked_add(count)?)?;
        self.at += count;
        Some(slice)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn f32(&mut self) -> Option<f32> {
        Some(f32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_prunes_small_rows() {
        let keys = [7u64, 0, 99];
        let mut first = vec![0f32; 3 * TAG_COUNT];
        let second = vec![0f32; 3 * TAG_COUNT];
        first[2] = 4.0;
        first[TAG_COUNT + 1] = -2.0;
        let mut transitions: [Transitions; PASSES] = Default::default();
        transitions[1].start[3] = 0.5;
        let model = Model::from_weights(&keys, [&first, &second], transitions, 0);
        assert_eq!(model.row_count(), 2, "the all-zero row is pruned");
        let reloaded = Model::from_bytes(&model.to_bytes()).expect("valid file");
        let mut sum = [0; ROW];
        reloaded.accumulate_onto(&[7, 0, 99, 12345], &[0; ROW], &mut sum);
        let scores = reloaded.emissions(0, pass_sum(&sum, 0));
        assert!((scores[2] - 4.0).abs() < 1e-3 && (scores[1] + 2.0).abs() < 1e-3);
        assert_eq!(reloaded.transitions[1].start[3], 0.5);
        assert!(Model::from_bytes(b"not a model").is_none());
    }
}
