//! Tags a prepared document with the two-pass model.
//!
//! Pass one tags each sentence from local features. Pass two adds what pass
//! one decided about the same words elsewhere in the document, so a name
//! recognised in a clear context is tagged consistently in unclear ones
//! (all-caps headlines, sentence starts). Only the [`focus`] windows are
//! scored; every other token is `O`.

use std::cell::RefCell;

use super::decode::Viterbi;
use super::features::{Document, History, context_features, history_features, word_features};
use super::focus::{self, Window};
use super::hashing::PrehashedMap;
use super::labels::{OUTSIDE, TAG_COUNT, Tag};
use super::model::{Model, PASSES, PassSum, ROW, RowSum, pass_sum};

/// How often the second pass runs.
const SECOND_PASS_ROUNDS: usize = 2;

/// Distinct words whose rows a thread remembers across documents (about
/// 150 bytes each; this many fill a table of 16,384 slots as far as
/// hashbrown fills one, 2.5 MB); past that, a new word's rows are looked up
/// each time it is scored. Scored tokens are names and the words around
/// them, which news repeats: of half a million in 8 MB of it, 79 % were of
/// the first 14,336 words scored. Remembering every word (92 % were of
/// words scored before) took 2 % fewer instructions but 10 MB a thread,
/// 13 % more peak memory for an index.
const MAX_REMEMBERED_WORDS: usize = 14_336;

/// The summed rows of the [`word_features`] of the words scored on this
/// thread, by their `exact` form (with their `cluster`, the one such
/// feature that depends on more than the word as written): a word's own
/// features are over a third of a token's, and the same wherever it
/// stands. Remembering their sums took 14 % of the instructions off tagging.
#[derive(Default)]
struct WordRows {
    model: u64,
    rows: PrehashedMap<(u32, RowSum)>,
}

thread_local! {
    static WORD_ROWS: RefCell<WordRows> = RefCell::default();
}

impl WordRows {
    /// This thread's remembered rows, emptied if they were `model`'s.
    fn take_for(model: &Model) -> WordRows {
        let mut remembered = WORD_ROWS.with_borrow_mut(std::mem::take);
        if remembered.model != model.id() {
            remembered.rows.clear();
            remembered.model = model.id();
        }
        remembered
    }

    /// Hands the rows back to this thread for its next document.
    fn put_back(self) {
        WORD_ROWS.set(self);
    }

    /// Writes to `sum` the summed rows of the features of token `index`:
    /// those of its word's features, remembered, and those of its context
    /// features. `keys` is a buffer.
    fn sum(
        &mut self,
        model: &Model,
        document: &Document,
        sentence: usize,
        index: usize,
        keys: &mut Vec<u64>,
        sum: &mut RowSum,
    ) {
        let token = &document.tokens[index];
        // Integer sums: adding the word's rows as one sum changes nothing.
        if let Some((cluster, word_sum)) = self.rows.get(&token.exact)
            && *cluster == token.cluster
        {
            keys.clear();
            context_features(document, sentence, index, keys);
            model.accumulate_onto(keys, word_sum, sum);
            return;
        }
        keys.clear();
        word_features(document, sentence, index, keys);
        let mut word_sum = [0; ROW];
        model.accumulate_onto(keys, &[0; ROW], &mut word_sum);
        if self.rows.len() < MAX_REMEMBERED_WORDS {
            self.rows.insert(token.exact, (token.cluster, word_sum));
        }
        keys.clear();
        context_features(document, sentence, index, keys);
        model.accumulate_onto(keys, &word_sum, sum);
    }
}

/// Tags for every token of the document, in order.
pub fn tag_document(model: &Model, document: &Document) -> Vec<Tag> {
    let windows = focus::windows(document);
    // Accumulated rows of the windows' tokens, window after window, each
    // written once, in place (allocated zeroed up front: growing it copied
    // every row again, 0.5 % of an index).
    let mut base: Vec<RowSum> = vec![[0; ROW]; windows.iter().map(|w| w.tokens.len()).sum()];
    let mut keys = Vec::with_capacity(64);
    let mut word_rows = WordRows::take_for(model);
    let mut sums = base.iter_mut();
    for window in &windows {
        for index in window.tokens.clone() {
            let sum = sums.next().expect("a sum for every token of the windows");
            word_rows.sum(model, document, window.sentence, index, &mut keys, sum);
        }
    }
    word_rows.put_back();
    let mut tags = vec![OUTSIDE; document.tokens.len()];
    let longest_window = windows.iter().map(|w| w.tokens.len()).max().unwrap_or(0);
    let mut decoder = Decoder::new(model, longest_window);
    let mut offset = 0;
    for window in &windows {
        let sums = &base[offset..offset + window.tokens.len()];
        offset += window.tokens.len();
        decoder.decode(
            0,
            window,
            sums.iter().map(|sum| pass_sum(sum, 0)),
            &mut tags,
        );
    }
    // The second pass runs twice: the second time its history comes from
    // its own, cleaner output (+0.1 F1 on CoNLL dev; a third run changes
    // nothing). A window is decoded again only when its inputs changed.
    // It reads only its own half of the sums, and only its own weights are
    // added to it, so only that half is kept.
    let mut sums: Vec<PassSum> = vec![[0; TAG_COUNT]; base.len()];
    let mut changed = vec![true; windows.len()];
    for _ in 0..SECOND_PASS_ROUNDS {
        let history = History::new(document, &tags);
        let mut next = tags.clone();
        let mut offset = 0;
        for (window, &changed) in windows.iter().zip(&changed) {
            let range = offset..offset + window.tokens.len();
            offset = range.end;
            if !changed {
                continue;
            }
            for (sum, (first_pass, index)) in sums[range.clone()]
                .iter_mut()
                .zip(base[range.clone()].iter().zip(window.tokens.clone()))
            {
                keys.clear();
                history_features(document, &history, &tags, window.sentence, index, &mut keys);
                model.accumulate_second_pass_onto(&keys, pass_sum(first_pass, 1), sum);
            }
            decoder.decode(1, window, sums[range].iter(), &mut next);
        }
        if next == tags {
            // Same tags, same history: another round would change nothing.
            break;
        }
        changed = windows_with_new_inputs(document, &windows, &tags, &next);
        tags = next;
    }
    tags
}

/// Which windows' second-pass features differ between a round whose
/// history came from `before` and one whose history comes from `after`:
/// those with a token whose tag changed (its own and its neighbours'
/// first-pass tags are features) or whose word was tagged differently
/// anywhere (the word's history is). Other windows would decode the same.
fn windows_with_new_inputs(
    document: &Document,
    windows: &[Window],
    before: &[Tag],
    after: &[Tag],
) -> Vec<bool> {
    let mut retagged_words: PrehashedMap<()> = PrehashedMap::default();
    for (index, (old, new)) in before.iter().zip(after).enumerate() {
        if old != new {
            retagged_words.insert(document.tokens[index].lower, ());
        }
    }
    windows
        .iter()
        .map(|window| {
            window.tokens.clone().any(|index| {
                before[index] != after[index]
                    || retagged_words.contains_key(&document.tokens[index].lower)
            })
        })
        .collect()
}

/// Decodes windows with the model's transitions, reusing buffers.
struct Decoder<'a> {
    model: &'a Model,
    viterbi: [Viterbi; PASSES],
    emissions: Vec<[f32; TAG_COUNT]>,
}

impl<'a> Decoder<'a> {
    /// A decoder for windows of up to `longest` tokens.
    fn new(model: &'a Model, longest: usize) -> Decoder<'a> {
        Decoder {
            model,
            viterbi: std::array::from_fn(|pass| model.decoder(pass, longest)),
            emissions: Vec::with_capacity(longest),
        }
    }

    /// Decodes one window from its tokens' accumulated weights of `pass`
    /// with that pass's scale and transitions, writing its tags into
    /// `tags`.
    fn decode<'s>(
        &mut self,
        pass: usize,
        window: &Window,
        sums: impl Iterator<Item = &'s PassSum>,
        tags: &mut [Tag],
    ) {
        self.emissions.clear();
        self.emissions
            .extend(sums.map(|sum| self.model.emissions(pass, sum)));
        self.viterbi[pass].decode(
            &self.emissions,
            window.before,
            window.after,
            &mut tags[window.tokens.clone()],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::engine;
    use super::super::features::Resources;
    use super::*;

    /// Tags of `sentences` on a thread of their own, which remembers no rows.
    fn fresh(
        model: &'static Model,
        resources: &'static Resources,
        sentences: &[Vec<&'static str>],
    ) -> Vec<Tag> {
        let sentences = sentences.to_vec();
        std::thread::spawn(move || tag_document(model, &Document::prepare(resources, &sentences)))
            .join()
            .expect("tagging on a thread of its own")
    }

    #[test]
    fn remembered_word_rows_give_the_tags_fresh_ones_do() {
        let engine = engine().expect("the embedded model");
        let (model, resources) = (&engine.model, &engine.resources);
        let first = vec![
            vec![
                "Ilham", "Aliyev", "met", "Vladimir", "Putin", "in", "Moscow", ".",
            ],
            vec!["Putin", "said", "Azerbaijan", "Airlines", "flew", "."],
        ];
        let second = vec![vec!["Aliyev", "left", "Moscow", "for", "Baku", "."]];
        let expected = fresh(model, resources, &second);
        tag_document(model, &Document::prepare(resources, &first));
        let tags = tag_document(model, &Document::prepare(resources, &second));
        assert_ne!(tags, vec![OUTSIDE; tags.len()], "the test tags some entity");
        assert_eq!(tags, expected, "rows remembered from another document");
        // Another model on the same thread is served none of them: this one
        // has no rows for any feature, so it tags nothing.
        let other: &'static Model = Box::leak(Box::new(Model::from_weights(
            &[],
            [&[], &[]],
            Default::default(),
            0,
        )));
        let tags = tag_document(other, &Document::prepare(resources, &second));
        assert_eq!(
            tags,
            fresh(other, resources, &second),
            "rows remembered from another model"
        );
    }
}
