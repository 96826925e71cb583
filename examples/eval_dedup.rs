//! How well the near-duplicate signatures find copies, measured on an index.
//!
//! ```text
//! cargo run --release --example eval_dedup -- INDEX [EVERY]
//! ```
//!
//! For every EVERY-th passage (25 unless given), the reference is the exact
//! Jaccard similarity of word 2-shingles against the passages that its
//! signature calls copies or that share two of its four rarest indexed
//! words (a copy of a passage keeps its rare words). It prints how many
//! pairs at 0.7 or more the signature confirms and the band lookup finds
//! (as a search does: a shared band term, then the sketch, then the
//! signature), how many pairs the signature calls copies that are far
//! from it, and whether any passages with equal sketches (which a search
//! takes for copies unread) are not copies. It holds every passage's text
//! in memory: run it on an index of tens of megabytes, such as the
//! benchmark's 1x one.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use newsdex::dedup::{NEAR_DUPLICATE_SIMILARITY, Signature, Sketch, for_each_shingle};
use newsdex::store::NewsIndex;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, DocSet, Searcher, TERMINATED, TantivyDocument, Term};

/// Rarest words of a passage that its lookalikes must share two of.
const RARE_WORDS: usize = 4;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        return Err("usage: eval_dedup INDEX [EVERY]".into());
    };
    let every: usize = args.get(1).map_or(Ok(25), |s| s.parse())?;
    if every == 0 {
        return Err("EVERY is a number of passages, at least 1".into());
    }
    let news = NewsIndex::open(Path::new(dir))?;
    let searcher = news.searcher()?;
    let passages = Passages::read(&news, &searcher)?;
    eprintln!(
        "{} passages; every {every}th is compared with all",
        passages.texts.len()
    );

    let mut analyzer = news.index.tokenizer_for_field(news.fields.text)?;
    let mut tally = Tally::default();
    for own in (0..passages.texts.len()).step_by(every) {
        let signature = &passages.signatures[own];
        let mut pool: HashSet<usize> = (0..passages.texts.len())
            .filter(|&other| passages.signatures[other].is_near_duplicate(signature))
            .collect();
        let mut words = Vec::new();
        let mut stream = analyzer.token_stream(&passages.texts[own]);
        while let Some(token) = stream.next() {
            words.push(Term::from_field_text(news.fields.text, &token.text));
        }
        pool.extend(passages.sharing_rare_words(&searcher, words)?);
        pool.remove(&own);

        // A search takes a passage whose sketch equals a kept hit's for
        // its copy without reading it.
        let sketch = passages.sketches[own];
        for (other, candidate) in passages.sketches.iter().enumerate() {
            if other != own && *candidate == sketch {
                let confirmed = passages.signatures[other].is_near_duplicate(signature);
                tally.equal_sketches += 1;
                tally.equal_sketches_far += usize::from(!confirmed);
            }
        }

        let banded = passages.band_candidates(own);
        let shingles = shingles(&passages.texts[own]);
        for other in pool {
            let similarity = jaccard(&shingles, &self::shingles(&passages.texts[other]));
            let confirmed = passages.signatures[other].is_near_duplicate(signature);
            tally.count(similarity, confirmed, confirmed && banded.contains(&other));
        }
        tally.sampled += 1;
    }
    tally.print();
    Ok(())
}

/// Every live passage of the index: its address, text and signature.
struct Passages {
    addresses: HashMap<DocAddress, usize>,
    texts: Vec<String>,
    signatures: Vec<Signature>,
    sketches: Vec<Sketch>,
    /// Band key -> passages, as the index's band terms hold them.
    bands: HashMap<u64, Vec<usize>>,
}

impl Passages {
    fn read(news: &NewsIndex, searcher: &Searcher) -> tantivy::Result<Passages> {
        let mut passages = Passages {
            addresses: HashMap::new(),
            texts: Vec::new(),
            signatures: Vec::new(),
            sketches: Vec::new(),
            bands: HashMap::new(),
        };
        for (segment_ord, segment) in searcher.segment_readers().iter().enumerate() {
            for doc_id in segment.doc_ids_alive() {
                let address = DocAddress::new(segment_ord as u32, doc_id);
                let doc: TantivyDocument = searcher.doc(address)?;
                let Some(text) = doc.get_first(news.fields.text).and_then(|v| v.as_str()) else {
                    continue;
                };
                let index = passages.texts.len();
                let signature = Signature::of(text);
                for band in signature.bands() {
                    passages.bands.entry(band).or_default().push(index);
                }
                passages.addresses.insert(address, index);
                passages.texts.push(text.to_string());
                passages.sketches.push(signature.sketch());
                passages.signatures.push(signature);
            }
        }
        Ok(passages)
    }

    /// The passages a search's copy lookup finds for `own`: those sharing a
    /// band whose sketch may match.
    fn band_candidates(&self, own: usize) -> HashSet<usize> {
        let sketch = self.sketches[own];
        self.signatures[own]
            .bands()
            .iter()
            .flat_map(|band| &self.bands[band])
            .copied()
            .filter(|&other| self.sketches[other].may_match(&sketch))
            .collect()
    }

    /// The passages holding two of the rarest of `words` (those in at least
    /// one other passage), or the one such word there is.
    fn sharing_rare_words(
        &self,
        searcher: &Searcher,
        mut words: Vec<Term>,
    ) -> tantivy::Result<Vec<usize>> {
        words.sort();
        words.dedup();
        let mut rare = Vec::new();
        for word in words {
            let frequency = searcher.doc_freq(&word)?;
            if frequency >= 2 {
                rare.push((frequency, word));
            }
        }
        rare.sort();
        rare.truncate(RARE_WORDS);
        let needed = rare.len().min(2);
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for (segment_ord, segment) in searcher.segment_readers().iter().enumerate() {
            for (_, word) in &rare {
                let inverted = segment.inverted_index(word.field())?;
                let Some(mut postings) = inverted.read_postings(word, IndexRecordOption::Basic)?
                else {
                    continue;
                };
                while postings.doc() != TERMINATED {
                    let address = DocAddress::new(segment_ord as u32, postings.doc());
                    if let Some(&index) = self.addresses.get(&address) {
                        *shared.entry(index).or_default() += 1;
                    }
                    postings.advance();
                }
            }
        }
        Ok(shared
            .into_iter()
            .filter(|&(_, count)| count >= needed)
            .map(|(index, _)| index)
            .collect())
    }
}

#[derive(Default)]
struct Tally {
    sampled: usize,
    /// Pairs at or above the threshold, by exact similarity.
    copies: usize,
    copies_confirmed: usize,
    copies_found: usize,
    /// The same, for the pairs from the threshold to 0.9.
    near_threshold: usize,
    near_threshold_found: usize,
    /// Pairs the signature calls copies, and those under 0.5 of them.
    confirmed: usize,
    confirmed_far: usize,
    /// Pairs with equal sketches, and those the signature does not confirm.
    equal_sketches: usize,
    equal_sketches_far: usize,
}

impl Tally {
    fn count(&mut self, similarity: f64, confirmed: bool, found: bool) {
        if similarity >= NEAR_DUPLICATE_SIMILARITY {
            self.copies += 1;
            self.copies_confirmed += usize::from(confirmed);
            self.copies_found += usize::from(found);
            if similarity < 0.9 {
                self.near_threshold += 1;
                self.near_threshold_found += usize::from(found);
            }
        }
        if confirmed {
            self.confirmed += 1;
            self.confirmed_far += usize::from(similarity < 0.5);
        }
    }

    fn print(&self) {
        let share = |part: usize, whole: usize| 100.0 * part as f64 / whole.max(1) as f64;
        println!("passages compared with all: {}", self.sampled);
        println!(
            "pairs at Jaccard >= {NEAR_DUPLICATE_SIMILARITY}: {}; the signature confirms {:.2} %, the band lookup finds {:.2} %",
            self.copies,
            share(self.copies_confirmed, self.copies),
            share(self.copies_found, self.copies)
        );
        println!(
            "of them under 0.9: {}; the band lookup finds {:.2} %",
            self.near_threshold,
            share(self.near_threshold_found, self.near_threshold)
        );
        println!(
            "pairs the signature calls copies: {}; under Jaccard 0.5: {} ({:.3} %)",
            self.confirmed,
            self.confirmed_far,
            share(self.confirmed_far, self.confirmed)
        );
        println!(
            "pairs with equal sketches (taken for copies unread): {}; not confirmed by the signature: {}",
            self.equal_sketches, self.equal_sketches_far
        );
    }
}

/// A passage's word 2-shingles, as `dedup` hashes them.
fn shingles(text: &str) -> HashSet<u64> {
    let mut shingles = HashSet::new();
    for_each_shingle(text, |shingle| {
        shingles.insert(shingle);
    });
    shingles
}

fn jaccard(a: &HashSet<u64>, b: &HashSet<u64>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    a.intersection(b).count() as f64 / a.union(b).count() as f64
}
