//! Benchmark of the entity recogniser: model load time and tagging speed on
//! one core.
//!
//! Run: `cargo bench --bench ner -- ../shared/data/news` (or set
//! `NEWSDEX_BENCH_NEWS`). The path is a `.jsonl` file (fields `title` and
//! `body`), a `.txt` file, or a folder of them. Not a test: CI has no data.

mod support;

use std::time::Instant;

use newsdex::entities::{clusters, engine, recognize};

/// Texts to tag: at most this many bytes, so a run stays short.
const BUDGET_BYTES: usize = 8_000_000;

fn main() {
    let path = support::news_path();
    let texts = if path.is_file() && path.extension().is_some_and(|e| e == "txt") {
        vec![std::fs::read_to_string(&path).expect("readable text file")]
    } else {
        clusters::read_news(&path).expect("readable news")
    };
    let mut chosen = Vec::new();
    let mut bytes = 0;
    for text in texts {
        if bytes >= BUDGET_BYTES {
            break;
        }
        bytes += text.len();
        chosen.push(text);
    }
    assert!(!chosen.is_empty(), "no texts under {}", path.display());

    let started = Instant::now();
    let cpu_before_load = support::cpu_seconds();
    let loaded = engine().is_some();
    let load = started.elapsed();
    assert!(loaded, "binary has no model");
    let load_cpu = support::cpu_seconds()
        .zip(cpu_before_load)
        .map_or(f64::NAN, |(a, b)| a - b);
    println!(
        "model load: {:.1} ms wall, {:.1} ms CPU",
        load.as_secs_f64() * 1e3,
        load_cpu * 1e3
    );

    let words: usize = chosen.iter().map(|t| t.split_whitespace().count()).sum();
    let started = Instant::now();
    let cpu_before = support::cpu_seconds();
    let mut entities = 0;
    for text in &chosen {
        entities += recognize(text).len();
    }
    let seconds = started.elapsed().as_secs_f64();
    if let Some(cpu) = support::cpu_seconds().zip(cpu_before).map(|(a, b)| a - b) {
        println!(
            "CPU time {:.2} s: {:.2} MB/s, {:.0} words/s per core",
            cpu,
            bytes as f64 / 1e6 / cpu,
            words as f64 / cpu
        );
    }
    println!(
        "tagged {} texts, {:.1} MB, {} words, {} entities in {:.2} s wall: {:.2} MB/s, {:.0} words/s",
        chosen.len(),
        bytes as f64 / 1e6,
        words,
        entities,
        seconds,
        bytes as f64 / 1e6 / seconds,
        words as f64 / seconds
    );
}
