//! Benchmark of the prose analyzer the index runs on every passage and title
//! (tokenise, lower-case, fold accents, stem) on one core.
//!
//! Run: `cargo bench --bench analyze -- ../shared/data/news` (or set
//! `NEWSDEX_BENCH_NEWS`): a `.jsonl` file (fields `title` and `body`) or a
//! folder of them. Not a test: CI has no data. On a full index this
//! analysis runs on tantivy's indexing thread, which sets the pace.

mod support;

use std::time::Instant;

use newsdex::entities::clusters;
use tantivy::tokenizer::TokenStream as _;

/// Texts to analyse: at most this many bytes, so a run stays short.
const BUDGET_BYTES: usize = 40_000_000;
/// Passes over the texts: the first fills the stem cache, as the first
/// stories of a segment do; the best of the others is reported.
const PASSES: usize = 4;

fn main() {
    let path = support::news_path();
    let mut texts = clusters::read_news(&path).expect("readable news");
    let mut bytes = 0;
    texts.retain(|text| {
        bytes += text.len();
        bytes <= BUDGET_BYTES
    });
    let bytes: usize = texts.iter().map(String::len).sum();
    assert!(bytes > 0, "no texts under {}", path.display());

    let mut analyzer = newsdex::schema::prose_analyzer(newsdex::schema::Side::Index);
    let mut best = f64::INFINITY;
    let mut tokens = 0;
    for pass in 0..PASSES {
        let started = Instant::now();
        let cpu_before = support::cpu_seconds();
        tokens = 0;
        for text in &texts {
            let mut stream = analyzer.token_stream(text);
            while stream.advance() {
                tokens += 1;
            }
        }
        let seconds = support::cpu_seconds()
            .zip(cpu_before)
            .map_or(started.elapsed().as_secs_f64(), |(a, b)| a - b);
        println!(
            "pass {pass}: {:.3} s CPU, {:.1} MB/s, {:.1} M tokens/s",
            seconds,
            bytes as f64 / 1e6 / seconds,
            tokens as f64 / 1e6 / seconds
        );
        if pass > 0 {
            best = best.min(seconds);
        }
    }
    println!(
        "analysed {} texts, {:.1} MB, {} tokens: best {:.1} MB/s per core",
        texts.len(),
        bytes as f64 / 1e6,
        tokens,
        bytes as f64 / 1e6 / best
    );
}
