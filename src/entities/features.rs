//! Feature extraction: each token becomes a list of 64-bit feature keys.
//!
//! Per-token forms (word, lower case, shape, affixes, cluster path, gazetteer
//! marks) are hashed once in [`Document::prepare`]; templates combine them
//! with neighbours' forms by cheap hash mixing, so no strings are built per
//! feature. Document-level flags (is this word capitalised mid-sentence or
//! lower-cased elsewhere in the article?) help all-caps headlines and
//! sentence-initial words.

use crate::chars;
use std::borrow::Cow;
use std::cell::{LazyCell, RefCell};
use std::collections::hash_map::Entry;
use std::ops::Deref;
use std::sync::atomic::{AtomicU64, Ordering};

use super::clusters::Clusters;
use super::gazetteer::{Gazetteer, LISTS};
use super::hashing::{EMPTY, PrehashedMap, extend, hash_str, mix, prehashed_map};
use super::labels::{self, TAG_COUNT, Tag};
use super::wordform::{Casing, casing, fold_typography, lower_key, shape, short_shape, title_case};

/// Gazetteers and word clusters: the model's external knowledge.
pub struct Resources {
    pub gazetteer: Gazetteer,
    pub clusters: Clusters,
    /// Tells these resources from any others in the process, so that forms
    /// remembered under one set are never served under another.
    id: u64,
}

impl Resources {
    pub fn new(gazetteer: Gazetteer, clusters: Clusters) -> Resources {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        Resources {
            gazetteer,
            clusters,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }
}

/// Distinct words whose forms a thread remembers across documents; past
/// that, a new word's forms are worked out once per document. News repeats
/// its vocabulary, so this covers nearly every token, at about 7 MB a thread.
const MAX_REMEMBERED_WORDS: usize = 50_000;

/// Forms of the words seen in earlier documents on this thread, by the hash
/// of the word as given: working them out (folding, shapes, affixes, up to
/// three cluster probes) was most of [`Document::prepare`].
#[derive(Default)]
struct RememberedForms {
    resources: u64,
    forms: PrehashedMap<TokenForms>,
}

thread_local! {
    static REMEMBERED_FORMS: RefCell<RememberedForms> = RefCell::default();
}

impl RememberedForms {
    /// This thread's remembered forms, emptied if they were made with
    /// other resources.
    fn take_for(resources: &Resources) -> RememberedForms {
        let mut remembered = REMEMBERED_FORMS.with_borrow_mut(std::mem::take);
        if remembered.resources != resources.id {
            remembered.forms.clear();
            remembered.resources = resources.id;
        }
        remembered
    }

    /// Hands the forms back to this thread for its next document.
    fn put_back(self) {
        REMEMBERED_FORMS.set(self);
    }

    fn forms_of(
        &mut self,
        resources: &Resources,
        key: u64,
        word: &str,
        scratch: &mut Scratch,
    ) -> TokenForms {
        if let Some(forms) = self.forms.get(&key) {
            return forms.clone();
        }
        let forms = token_forms(resources, word, scratch);
        if self.forms.len() < MAX_REMEMBERED_WORDS {
            self.forms.insert(key, forms.clone());
        }
        forms
    }
}

/// Other occurrences of a word whose contexts are aggregated.
const MAX_OTHER_OCCURRENCES: usize = 6;

/// Number of prefix and suffix lengths used.
const AFFIX_LENGTHS: usize = 4;
/// Cluster path prefix lengths (bits) used as features, as in Ratinov & Roth.
const CLUSTER_PREFIXES: [u32; 4] = [4, 8, 12, 31];

/// Hashed forms of one token.
#[derive(Debug, Clone)]
pub struct TokenForms {
    pub exact: u64,
    pub lower: u64,
    pub shape: u64,
    pub short_shape: u64,
    pub prefixes: [u64; AFFIX_LENGTHS],
    pub suffixes: [u64; AFFIX_LENGTHS],
    /// Cluster path with a leading 1 bit, 0 when unknown.
    pub cluster: u32,
    pub gazetteer: u64,
    pub casing: Casing,
    /// Some gazetteer entry starts with this word ([`Gazetteer::starts_entry`]).
    pub starts_entry: bool,
    /// Written without capital or caseless letters: a lower-case word, a
    /// number, punctuation. Such a token is part of a name only next to one
    /// that is not (see [`super::focus`]).
    pub uncapitalised: bool,
    /// Capitalised mid-sentence elsewhere in the document.
    pub title_elsewhere: bool,
    /// Lower-cased elsewhere in the document.
    pub lower_elsewhere: bool,
}

/// A document ready for tagging: token forms and sentence boundaries.
#[derive(Debug, Clone)]
pub struct Document {
    pub tokens: Vec<TokenForms>,
    /// Sentence k covers tokens `sentence_starts[k]..sentence_starts[k+1]`.
    pub sentence_starts: Vec<usize>,
    pub all_caps: Vec<bool>,
    /// Each token's lower-case form, numbered from 0 in order of
    /// appearance: the document's tables by word are vectors indexed by it.
    pub word_ids: Vec<u32>,
    /// Token indices of the capitalised occurrences of each word, grouped
    /// by word: word `w`'s are `capitalised[capitalised_starts[w] as
    /// usize..capitalised_starts[w + 1] as usize]`, in token order. One
    /// list for the document: a map of lists by word allocated a list for
    /// each capitalised word and hashed every capitalised token.
    capitalised_starts: Vec<u32>,
    capitalised: Vec<u32>,
    /// Each token's neighbours' lower-case forms in its sentence (boundary
    /// markers at the edges), for context aggregation over the document.
    /// Kept apart from the [`TokenForms`], which are copied from a word's
    /// first occurrence to the others and from what a thread remembers:
    /// with these in them they grew past 128 bytes, which the compiler
    /// copies with a call to `memcpy`.
    pub neighbour_lowers: Vec<[u64; 2]>,
}

impl Document {
    /// Hashes the forms of every token of `sentences` (words as written).
    pub fn prepare(resources: &Resources, sentences: &[Vec<&str>]) -> Document {
        let token_count = sentences.iter().map(Vec::len).sum();
        let mut tokens: Vec<TokenForms> = Vec::with_capacity(token_count);
        let mut sentence_starts = Vec::with_capacity(sentences.len() + 1);
        let mut all_caps = Vec::with_capacity(sentences.len());
        let mut scratch = Scratch::default();
        // Needed only for sentences that look like title-case headlines.
        let lower_words: LazyCell<PrehashedMap<()>, _> = LazyCell::new(|| {
            sentences
                .iter()
                .flatten()
                .filter(|w| casing(w) == Casing::Lower)
                .map(|w| (hash_str(w), ()))
                .collect()
        });
        let mut upper = String::new();
        // Forms depend only on the word: a word seen before in the document
        // copies them from its first occurrence, one seen in an earlier
        // document from what this thread remembers.
        // Sized for every token to be new, so it never grows (growing it
        // was 0.8 % of an index's instructions).
        let mut first_occurrences: PrehashedMap<usize> = prehashed_map(token_count);
        // Each token's lower-case form, numbered in order of appearance, so
        // that the document's counts by word index vectors: hashing every
        // token into two maps by word took 3 % more of this function's
        // instructions than numbering each distinct word once.
        let mut lower_ids: Vec<u32> = Vec::with_capacity(token_count);
        let mut lower_forms: PrehashedMap<u32> = prehashed_map(token_count);
        let mut remembered = RememberedForms::take_for(resources);
        // Buffers for each sentence.
        let mut lower_hashes: Vec<u64> = Vec::new();
        let mut headline_words: Vec<u64> = Vec::new();
        for sentence in sentences {
            sentence_starts.push(tokens.len());
            let first = tokens.len();
            // A title-case headline ("Leader Challenges Putin After Crash")
            // is shown to the model as the all-caps headline CoNLL has.
            let headline = is_title_case_headline(sentence, &lower_words, &mut headline_words);
            for word in sentence {
                let word = if headline {
                    upper.clear();
                    upper.extend(word.chars().flat_map(char::to_uppercase));
                    upper.as_str()
                } else {
                    word
                };
                let key = hash_str(word);
                match first_occurrences.entry(key) {
                    Entry::Occupied(seen) => {
                        let first = *seen.get();
                        tokens.push(tokens[first].clone());
                        lower_ids.push(lower_ids[first]);
                    }
                    Entry::Vacant(unseen) => {
                        unseen.insert(tokens.len());
                        let forms = remembered.forms_of(resources, key, word, &mut scratch);
                        let next_id = lower_forms.len() as u32;
                        lower_ids.push(*lower_forms.entry(forms.lower).or_insert(next_id));
                        tokens.push(forms);
                    }
                }
            }
            lower_hashes.clear();
            lower_hashes.extend(tokens[first..].iter().map(|t| t.lower));
            let marks = resources
                .gazetteer
                .annotate_where(&lower_hashes, |index| tokens[first + index].starts_entry);
            for (token, mark) in tokens[first..].iter_mut().zip(marks) {
                token.gazetteer = mark;
            }
            all_caps.push(headline || is_all_caps(sentence));
        }
        remembered.put_back();
        sentence_starts.push(tokens.len());
        let mut document = Document {
            tokens,
            sentence_starts,
            all_caps,
            word_ids: lower_ids,
            capitalised_starts: Vec::new(),
            capitalised: Vec::new(),
            neighbour_lowers: Vec::new(),
        };
        document.mark_document_casing(lower_forms.len());
        document
    }

    pub fn sentence_count(&self) -> usize {
        self.sentence_starts.len() - 1
    }

    pub fn sentence(&self, index: usize) -> std::ops::Range<usize> {
        self.sentence_starts[index]..self.sentence_starts[index + 1]
    }

    /// Token indices of the capitalised occurrences of `word` (a word id),
    /// in token order.
    fn capitalised_occurrences(&self, word: u32) -> &[u32] {
        let word = word as usize;
        &self.capitalised
            [self.capitalised_starts[word] as usize..self.capitalised_starts[word + 1] as usize]
    }

    /// Sets the document-level casing flags: a word seen capitalised
    /// mid-sentence elsewhere is likely a name; seen lower-cased, likely not.
    /// `word_ids` numbers each token's lower-case form, from 0 to
    /// `distinct_words`.
    fn mark_document_casing(&mut self, distinct_words: usize) {
        self.neighbour_lowers.reserve_exact(self.tokens.len());
        // Capitalised occurrences counted by word, then each word's start
        // in the one list, then the list filled in token order.
        let mut starts = vec![0u32; distinct_words + 1];
        for (token, &word) in self.tokens.iter().zip(&self.word_ids) {
            if is_capitalised(token) {
                starts[word as usize + 1] += 1;
            }
        }
        for word in 0..distinct_words {
            starts[word + 1] += starts[word];
        }
        let mut next = starts.clone();
        let mut capitalised = vec![0u32; starts[distinct_words] as usize];
        for (index, (token, &word)) in self.tokens.iter().zip(&self.word_ids).enumerate() {
            if is_capitalised(token) {
                capitalised[next[word as usize] as usize] = index as u32;
                next[word as usize] += 1;
            }
        }
        self.capitalised_starts = starts;
        self.capitalised = capitalised;
        for sentence in 0..self.sentence_count() {
            let range = self.sentence(sentence);
            for index in range.clone() {
                let previous = if index > range.start {
                    self.tokens[index - 1].lower
                } else {
                    SENTENCE_START
                };
                let next = if index + 1 < range.end {
                    self.tokens[index + 1].lower
                } else {
                    SENTENCE_END
                };
                self.neighbour_lowers.push([previous, next]);
            }
        }
        // Counts by lower-case form.
        let mut title_mid = vec![0u32; distinct_words];
        let mut lower_seen = vec![0u32; distinct_words];
        let mut is_title_mid = vec![false; self.tokens.len()];
        for sentence in 0..self.sentence_count() {
            let range = self.sentence(sentence);
            for index in range.clone() {
                let token = &self.tokens[index];
                let word = self.word_ids[index] as usize;
                if token.casing == Casing::Title && index != range.start && !self.all_caps[sentence]
                {
                    title_mid[word] += 1;
                    is_title_mid[index] = true;
                }
                if token.casing == Casing::Lower {
                    lower_seen[word] += 1;
                }
            }
        }
        for (index, token) in self.tokens.iter_mut().enumerate() {
            let word = self.word_ids[index] as usize;
            let own_title = u32::from(is_title_mid[index]);
            let own_lower = u32::from(token.casing == Casing::Lower);
            token.title_elsewhere = title_mid[word] > own_title;
            token.lower_elsewhere = lower_seen[word] > own_lower;
        }
    }
}

/// Short words a title-case headline may leave in lower case.
const HEADLINE_MINOR_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "over", "the", "to", "vs", "with",
];

/// Whether a sentence is a title-case headline: at least three content
/// words, all capitalised, of which at least two are common words (seen in
/// lower case elsewhere in the document) — which tells it from a list of
/// names such as a sports results line. `content` is a buffer (a vector
/// of its own was an allocation for most sentences).
fn is_title_case_headline(
    sentence: &[&str],
    lower_words: &impl Deref<Target = PrehashedMap<()>>,
    content: &mut Vec<u64>,
) -> bool {
    // Casing first: most sentences have a lower-case content word, and then
    // `lower_words` is not needed.
    content.clear();
    let mut title = 0;
    for word in sentence {
        if word.chars().filter(|c| chars::is_alphabetic(*c)).count() < 2 {
            continue;
        }
        let word_casing = casing(word);
        let lowered = if word_casing == Casing::Lower {
            Cow::Borrowed(*word)
        } else {
            Cow::Owned(word.to_lowercase())
        };
        if HEADLINE_MINOR_WORDS.contains(&lowered.as_ref()) {
            continue;
        }
        match word_casing {
            Casing::Title => title += 1,
            Casing::Upper => {}
            Casing::Lower | Casing::Other => return false,
        }
        content.push(hash_str(&lowered));
    }
    let common = || {
        content
            .iter()
            .filter(|h| lower_words.contains_key(h))
            .count()
    };
    content.len() >= 3 && title > 0 && common() >= 2
}

/// Whether a sentence is an all-caps headline: some all-caps words, no
/// lower-case or title-case words.
fn is_all_caps(sentence: &[&str]) -> bool {
    let mut upper = 0;
    for word in sentence {
        if word.chars().filter(|c| chars::is_alphabetic(*c)).count() < 2 {
            continue;
        }
        match casing(word) {
            Casing::Upper => upper += 1,
            Casing::Title | Casing::Lower => return false,
            Casing::Other => {}
        }
    }
    upper > 0
}

#[derive(Default)]
struct Scratch {
    folded: String,
    lower: String,
    shape: String,
    cluster_form: String,
}

fn token_forms(resources: &Resources, word: &str, scratch: &mut Scratch) -> TokenForms {
    fold_typography(word, &mut scratch.folded);
    lower_key(&scratch.folded, &mut scratch.lower);
    let lower = hash_str(&scratch.lower);
    let exact = hash_str(&scratch.folded);
    shape(&scratch.folded, &mut scratch.shape);
    let shape_hash = hash_str(&scratch.shape);
    short_shape(&scratch.folded, &mut scratch.shape);
    let short_hash = hash_str(&scratch.shape);
    let mut prefixes = [0; AFFIX_LENGTHS];
    let mut suffixes = [0; AFFIX_LENGTHS];
    let mut hash = EMPTY;
    let mut buffer = [0u8; 4];
    for (slot, c) in prefixes.iter_mut().zip(scratch.lower.chars()) {
        hash = extend(hash, c.encode_utf8(&mut buffer).as_bytes());
        *slot = hash;
    }
    hash = EMPTY;
    for (slot, c) in suffixes.iter_mut().zip(scratch.lower.chars().rev()) {
        hash = extend(hash, c.encode_utf8(&mut buffer).as_bytes());
        *slot = hash;
    }
    let word_casing = casing(&scratch.folded);
    let uncapitalised = !scratch
        .folded
        .chars()
        .any(|c| chars::is_alphabetic(c) && !chars::is_lowercase(c));
    Clusters::form(&scratch.folded, &mut scratch.cluster_form);
    let mut cluster = resources.clusters.path(hash_str(&scratch.cluster_form));
    if cluster == 0 && word_casing == Casing::Upper {
        let titled = title_case(&scratch.cluster_form);
        cluster = resources.clusters.path(hash_str(&titled));
    }
    if cluster == 0 {
        cluster = resources.clusters.path(lower);
    }
    TokenForms {
        exact,
        lower,
        shape: shape_hash,
        short_shape: short_hash,
        prefixes,
        suffixes,
        cluster,
        gazetteer: 0,
        starts_entry: resources.gazetteer.starts_entry(lower),
        casing: word_casing,
        uncapitalised,
        title_elsewhere: false,
        lower_elsewhere: false,
    }
}

/// Feature template identifiers (part of the model format: never renumber).
mod template {
    pub const BIAS: u64 = 1;
    pub const LOWER: u64 = 2;
    pub const EXACT: u64 = 3;
    pub const LOWER_PREV: u64 = 4;
    pub const LOWER_NEXT: u64 = 5;
    pub const LOWER_PREV2: u64 = 6;
    pub const LOWER_NEXT2: u64 = 7;
    pub const SHAPE: u64 = 8;
    pub const SHAPE_PREV: u64 = 9;
    pub const SHAPE_NEXT: u64 = 10;
    pub const SHORT_PREV_THIS: u64 = 11;
    pub const SHORT_THIS_NEXT: u64 = 12;
    pub const SHORT_TRIGRAM: u64 = 13;
    pub const PREFIX: u64 = 14;
    pub const SUFFIX: u64 = 18;
    pub const BIGRAM_PREV: u64 = 22;
    pub const BIGRAM_NEXT: u64 = 23;
    pub const CLUSTER: u64 = 24;
    pub const CLUSTER_PREV: u64 = 28;
    pub const CLUSTER_NEXT: u64 = 29;
    pub const GAZETTEER: u64 = 30;
    pub const GAZETTEER_PREV: u64 = 31;
    pub const GAZETTEER_NEXT: u64 = 32;
    pub const FIRST_SHAPE: u64 = 33;
    pub const ALL_CAPS_SHAPE: u64 = 34;
    pub const TITLE_ELSEWHERE: u64 = 35;
    pub const LOWER_ELSEWHERE: u64 = 36;
    pub const CLUSTER_LOWER_PREV: u64 = 37;
    pub const EXACT_PREV: u64 = 38;
    pub const EXACT_NEXT: u64 = 39;
    pub const CAPITALISED_RUN: u64 = 40;
    pub const HISTORY_COUNTS: u64 = 55;
    pub const HISTORY_TAG: u64 = 56;
    pub const OTHER_OCCURRENCE_PREV: u64 = 41;
    pub const OTHER_OCCURRENCE_NEXT: u64 = 42;
    // Second pass: first-pass predictions in the document.
    pub const FIRST_PASS_TAG: u64 = 50;
    pub const FIRST_PASS_NEIGHBOURS: u64 = 51;
    pub const HISTORY_MAJORITY: u64 = 52;
    pub const HISTORY_HAS: u64 = 53;
    pub const HISTORY_MAJORITY_TAG: u64 = 54;
}

const SENTENCE_START: u64 = 0x5354_4152_5400;
const SENTENCE_END: u64 = 0x454e_4400;

fn cluster_prefix(path: u32, bits: u32) -> u64 {
    if path == 0 {
        return 0;
    }
    let length = 31 - path.leading_zeros();
    let kept = bits.min(length);
    u64::from(path >> (length - kept)) | (u64::from(kept) << 40)
}

/// Appends the first-pass feature keys of token `index` (in sentence
/// `sentence`) to `out`, in the order training numbers them.
pub fn token_features(document: &Document, sentence: usize, index: usize, out: &mut Vec<u64>) {
    first_pass_features::<true, true>(document, sentence, index, out);
}

/// Appends the first-pass feature keys of token `index` that depend on its
/// word alone (its forms, affixes and cluster, and the bias): the same
/// wherever the word stands, and for any token with the same `exact` and
/// `cluster` forms (its other forms follow from the word `exact` hashes).
/// [`token_features`] are these and the [`context_features`].
pub fn word_features(document: &Document, sentence: usize, index: usize, out: &mut Vec<u64>) {
    first_pass_features::<true, false>(document, sentence, index, out);
}

/// Appends the first-pass feature keys of token `index` that are not
/// [`word_features`]: those of its neighbours, sentence and document.
pub fn context_features(document: &Document, sentence: usize, index: usize, out: &mut Vec<u64>) {
    first_pass_features::<false, true>(document, sentence, index, out);
}

/// Feature keys being listed: the [`word_features`] if `WORD`, the
/// [`context_features`] if `CONTEXT` (known at compile time, so a kind not
/// asked for costs nothing).
struct Keys<'a, const WORD: bool, const CONTEXT: bool> {
    out: &'a mut Vec<u64>,
}

impl<const WORD: bool, const CONTEXT: bool> Keys<'_, WORD, CONTEXT> {
    fn word(&mut self, template: u64, value: u64) {
        if WORD {
            self.out.push(mix(template, value));
        }
    }

    fn context(&mut self, template: u64, value: u64) {
        if CONTEXT {
            self.out.push(mix(template, value));
        }
    }
}

/// Appends the first-pass feature keys of the kinds asked for (see
/// [`Keys`]) to `out`.
fn first_pass_features<const WORD: bool, const CONTEXT: bool>(
    document: &Document,
    sentence: usize,
    index: usize,
    out: &mut Vec<u64>,
) {
    use template::*;
    let range = document.sentence(sentence);
    let tokens = &document.tokens;
    let this = &tokens[index];
    let at = |offset: isize| -> Option<&TokenForms> {
        let position = index as isize + offset;
        (position >= range.start as isize && position < range.end as isize)
            .then(|| &tokens[position as usize])
    };
    // A neighbour's value, or the sentence boundary it would be past.
    let neighbour = |offset: isize, value: fn(&TokenForms) -> u64| {
        at(offset).map_or(
            if offset < 0 {
                SENTENCE_START
            } else {
                SENTENCE_END
            },
            value,
        )
    };
    let lower_at = |offset: isize| neighbour(offset, |t| t.lower);
    let short_at = |offset: isize| neighbour(offset, |t| t.short_shape);
    let mut keys = Keys::<WORD, CONTEXT> { out };
    keys.word(BIAS, 0);
    keys.word(LOWER, this.lower);
    keys.word(EXACT, this.exact);
    keys.context(LOWER_PREV, lower_at(-1));
    keys.context(LOWER_NEXT, lower_at(1));
    keys.context(LOWER_PREV2, lower_at(-2));
    keys.context(LOWER_NEXT2, lower_at(2));
    keys.word(SHAPE, this.shape);
    keys.context(SHAPE_PREV, at(-1).map_or(SENTENCE_START, |t| t.shape));
    keys.context(SHAPE_NEXT, at(1).map_or(SENTENCE_END, |t| t.shape));
    keys.context(SHORT_PREV_THIS, mix(short_at(-1), this.short_shape));
    keys.context(SHORT_THIS_NEXT, mix(this.short_shape, short_at(1)));
    keys.context(
        SHORT_TRIGRAM,
        mix(mix(short_at(-1), this.short_shape), short_at(1)),
    );
    for (k, (&prefix, &suffix)) in this.prefixes.iter().zip(&this.suffixes).enumerate() {
        if prefix != 0 {
            keys.word(PREFIX + k as u64, prefix);
            keys.word(SUFFIX + k as u64, suffix);
        }
    }
    keys.context(BIGRAM_PREV, mix(lower_at(-1), this.lower));
    keys.context(BIGRAM_NEXT, mix(this.lower, lower_at(1)));
    for (k, &bits) in CLUSTER_PREFIXES.iter().enumerate() {
        keys.word(CLUSTER + k as u64, cluster_prefix(this.cluster, bits));
        if this.cluster == 0 {
            break;
        }
    }
    keys.context(
        CLUSTER_PREV,
        at(-1).map_or(SENTENCE_START, |t| cluster_prefix(t.cluster, 8)),
    );
    keys.context(
        CLUSTER_NEXT,
        at(1).map_or(SENTENCE_END, |t| cluster_prefix(t.cluster, 8)),
    );
    keys.context(
        CLUSTER_LOWER_PREV,
        mix(cluster_prefix(this.cluster, 12), lower_at(-1)),
    );
    let mut marks = this.gazetteer;
    while marks != 0 {
        let bit = marks.trailing_zeros();
        keys.context(GAZETTEER, u64::from(bit));
        marks &= marks - 1;
    }
    for (template, neighbour) in [(GAZETTEER_PREV, at(-1)), (GAZETTEER_NEXT, at(1))] {
        if let Some(t) = neighbour {
            for list in 0..LISTS.len() {
                if t.gazetteer & (0xf_u64 << (4 * list)) != 0 {
                    keys.context(template, list as u64);
                }
            }
        }
    }
    keys.context(EXACT_PREV, at(-1).map_or(SENTENCE_START, |t| t.exact));
    keys.context(EXACT_NEXT, at(1).map_or(SENTENCE_END, |t| t.exact));
    let sentence_initial = index == range.start;
    let all_caps = document.all_caps[sentence];
    if is_capitalised(this) {
        // Where the token sits in its run of capitalised words, and how long
        // the run is: multi-word names are such runs. Only lengths up to 5
        // are told apart, so the run is looked for no further than that
        // from the token: walking a whole run from each of its words took
        // time growing with the square of its length (a megabyte of
        // capitalised words without a full stop did not finish in minutes).
        let lowest = range.start.max(index.saturating_sub(4));
        let mut run_start = index;
        while run_start > lowest && is_capitalised(&tokens[run_start - 1]) {
            run_start -= 1;
        }
        let highest = range.end.min(index + 5);
        let mut run_end = index + 1;
        while run_end < highest && is_capitalised(&tokens[run_end]) {
            run_end += 1;
        }
        let length = (run_end - run_start).min(5) as u64;
        let position = match (index == run_start, index + 1 == run_end) {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (false, false) => 3,
        };
        keys.context(
            CAPITALISED_RUN,
            (length * 4 + position) * 2 + u64::from(all_caps),
        );
    }
    if sentence_initial {
        keys.context(FIRST_SHAPE, this.short_shape);
    }
    if all_caps {
        keys.context(ALL_CAPS_SHAPE, this.short_shape);
    }
    if this.casing != Casing::Lower && this.casing != Casing::Other {
        let context = u64::from(sentence_initial) * 2 + u64::from(all_caps);
        if this.title_elsewhere {
            keys.context(TITLE_ELSEWHERE, context);
        }
        if this.lower_elsewhere {
            keys.context(LOWER_ELSEWHERE, context);
        }
    }
    if !CONTEXT {
        return;
    }
    // Context aggregation (Ratinov & Roth): the words around the other
    // occurrences of this word in the document, e.g. "President" before
    // "Putin" three sentences earlier.
    let out = keys.out;
    let occurrences = document.capitalised_occurrences(document.word_ids[index]);
    if !occurrences.is_empty() {
        let first_new = out.len();
        let others = occurrences.iter().filter(|&&o| o as usize != index);
        for &other in others.take(MAX_OTHER_OCCURRENCES) {
            let [previous_lower, next_lower] = document.neighbour_lowers[other as usize];
            for key in [
                mix(OTHER_OCCURRENCE_PREV, previous_lower),
                mix(OTHER_OCCURRENCE_NEXT, next_lower),
            ] {
                if !out[first_new..].contains(&key) {
                    out.push(key);
                }
            }
        }
    }
}

fn is_capitalised(token: &TokenForms) -> bool {
    matches!(token.casing, Casing::Title | Casing::Upper)
}

/// Entity type index of a tag: 0 for `O`, 1..=4 for PER/ORG/LOC/MISC.
fn type_of(tag: Tag) -> u64 {
    labels::split(tag).map_or(0, |(label, _)| labels::label_index(label) as u64 + 1)
}

/// First-pass predictions of one document, aggregated per word: how often
/// each word (capitalised, by lower-case form) was tagged with each type.
pub struct History {
    /// Per word id: how often each BILOU tag was given to its capitalised
    /// occurrences.
    tag_counts: Vec<[u32; TAG_COUNT]>,
}

impl History {
    /// Counts the tags of the capitalised occurrences of each word, which
    /// the document has already gathered.
    pub fn new(document: &Document, first_pass: &[Tag]) -> History {
        let mut tag_counts = vec![[0; TAG_COUNT]; document.capitalised_starts.len() - 1];
        for (word, counts) in tag_counts.iter_mut().enumerate() {
            for &index in document.capitalised_occurrences(word as u32) {
                counts[first_pass[index as usize] as usize] += 1;
            }
        }
        History { tag_counts }
    }
}

/// Appends the second-pass feature keys of token `index`: its first-pass tag,
/// its neighbours' types, and the document's majority type for the word
/// (excluding this occurrence) — Ratinov & Roth's extended prediction history.
pub fn history_features(
    document: &Document,
    history: &History,
    first_pass: &[Tag],
    sentence: usize,
    index: usize,
    out: &mut Vec<u64>,
) {
    use template::*;
    let range = document.sentence(sentence);
    let this_tag = first_pass[index];
    let previous_type = if index > range.start {
        type_of(first_pass[index - 1])
    } else {
        9
    };
    let next_type = if index + 1 < range.end {
        type_of(first_pass[index + 1])
    } else {
        9
    };
    out.push(mix(FIRST_PASS_TAG, u64::from(this_tag)));
    out.push(mix(FIRST_PASS_NEIGHBOURS, previous_type * 16 + next_type));
    let token = &document.tokens[index];
    if !is_capitalised(token) {
        return;
    }
    // A capitalised token is among its word's capitalised occurrences.
    let mut other_tags = history.tag_counts[document.word_ids[index] as usize];
    other_tags[this_tag as usize] -= 1;
    let mut others = [0u32; 5];
    for (tag, &count) in other_tags.iter().enumerate() {
        others[type_of(tag as Tag) as usize] += count;
        // Where in entities the word stood elsewhere: "Aliyev" as the last
        // word of a person's name says "person" even when alone.
        if count > 0 && tag != 0 {
            out.push(mix(HISTORY_TAG, tag as u64));
        }
    }
    let total: u32 = others.iter().sum();
    if total == 0 {
        return;
    }
    let majority = (0..5).max_by_key(|&t| (others[t], 5 - t)).unwrap_or(0) as u64;
    out.push(mix(HISTORY_MAJORITY, majority));
    out.push(mix(
        HISTORY_MAJORITY_TAG,
        majority * 32 + u64::from(this_tag),
    ));
    for (entity_type, &count) in others.iter().enumerate() {
        if count > 0 && entity_type > 0 {
            out.push(mix(HISTORY_HAS, entity_type as u64));
        }
        let bucket = match count {
            0 => 0,
            1 => 1,
            2..=3 => 2,
            _ => 3,
        };
        out.push(mix(HISTORY_COUNTS, entity_type as u64 * 4 + bucket));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resources() -> Resources {
        Resources::new(Gazetteer::from_lists(&[]), Clusters::default())
    }

    #[test]
    fn document_flags_track_casing_elsewhere() {
        let sentences = vec![
            vec!["TALKS", "IN", "BAKU"],
            vec!["Officials", "met", "in", "Baku", "."],
        ];
        let document = Document::prepare(&resources(), &sentences);
        assert_eq!(document.all_caps, vec![true, false]);
        assert!(document.tokens[2].title_elsewhere, "BAKU is Baku elsewhere");
        assert!(
            document.tokens[1].lower_elsewhere,
            "IN is lower-case elsewhere"
        );
        assert!(
            !document.tokens[6].title_elsewhere,
            "only one mid-sentence Baku"
        );
    }

    #[test]
    fn title_case_headlines_are_read_as_all_caps() {
        let sentences = vec![
            vec!["Leader", "Challenges", "Putin", "After", "Plane", "Crash"],
            vec![
                "The",
                "leader",
                "challenges",
                "the",
                "plane",
                "crash",
                "story",
                ".",
            ],
            vec!["Vladimir", "Putin", "Meets", "Ilham", "Aliyev"],
        ];
        let document = Document::prepare(&resources(), &sentences);
        assert_eq!(document.all_caps, vec![true, false, false]);
        assert_eq!(document.tokens[2].casing, Casing::Upper);
    }

    #[test]
    fn features_are_deterministic_and_context_sensitive() {
        let document = Document::prepare(
            &resources(),
            &[vec!["Mr", "Putin", "said"], vec!["Putin", "said"]],
        );
        let features = |sentence, index| {
            let mut out = Vec::new();
            token_features(&document, sentence, index, &mut out);
            out
        };
        assert_eq!(features(0, 1), features(0, 1));
        assert_ne!(features(0, 1), features(1, 3));
    }

    #[test]
    fn word_and_context_features_are_the_token_features() {
        let resources = Resources::new(
            Gazetteer::embedded(),
            Clusters::parse("0110\tBaku\n0111\tPutin\n"),
        );
        let sentences = [
            vec!["Mr", "Putin", "met", "Aliyev", "in", "Baku", "."],
            vec!["PUTIN", "IN", "BAKU"],
        ];
        let document = Document::prepare(&resources, &sentences);
        for sentence in 0..document.sentence_count() {
            for index in document.sentence(sentence) {
                let mut all = Vec::new();
                token_features(&document, sentence, index, &mut all);
                let mut split = Vec::new();
                word_features(&document, sentence, index, &mut split);
                context_features(&document, sentence, index, &mut split);
                all.sort_unstable();
                split.sort_unstable();
                assert_eq!(all, split, "token {index}");
            }
        }
    }

    #[test]
    fn remembered_forms_match_fresh_ones_and_follow_the_resources() {
        let with_cluster =
            Resources::new(Gazetteer::from_lists(&[]), Clusters::parse("0110\tBaku\n"));
        let sentences = [vec!["Officials", "met", "in", "Baku", "."]];
        let first = Document::prepare(&with_cluster, &sentences);
        let again = Document::prepare(&with_cluster, &sentences);
        assert_eq!(again.tokens[3].cluster, 0b1_0110);
        assert_eq!(format!("{:?}", again.tokens), format!("{:?}", first.tokens));
        // Other resources on the same thread: nothing remembered leaks in.
        let without = Document::prepare(&resources(), &sentences);
        assert_eq!(without.tokens[3].cluster, 0);
    }

    #[test]
    fn token_forms_are_copied_inline() {
        // Past 128 bytes the compiler copies them with a call to `memcpy`:
        // 895,266 calls, 26M instructions, indexing the profile's news.
        assert!(std::mem::size_of::<TokenForms>() <= 128);
    }

    #[test]
    fn cluster_prefixes_truncate_paths() {
        assert_eq!(cluster_prefix(0b1_0110, 2), 0b101 | (2 << 40));
        assert_eq!(cluster_prefix(0b1_0110, 8), 0b1_0110 | (4 << 40));
        assert_eq!(cluster_prefix(0, 8), 0);
    }
}
