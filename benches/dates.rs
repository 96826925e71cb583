//! Throughput of the temporal tagger on news text.
//!
//! Run: `cargo bench --bench dates -- FILE...` (or `NEWSDEX_BENCH_FILES`,
//! colon-separated). A `.jsonl` file contributes the `body` (or `text`)
//! field of each line, any other file its whole text. Prints MB/s on one
//! core; no data ships with the repository, so nothing runs without a path.

use std::time::Instant;

fn main() {
    let mut paths: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if let Ok(list) = std::env::var("NEWSDEX_BENCH_FILES") {
        paths.extend(list.split(':').filter(|p| !p.is_empty()).map(String::from));
    }
    if paths.is_empty() {
        eprintln!("usage: cargo bench --bench dates -- FILE... (or NEWSDEX_BENCH_FILES=a:b)");
        return;
    }
    let docs = load(&paths);
    let bytes: usize = docs.iter().map(String::len).sum();
    let published = chrono::NaiveDate::from_ymd_opt(2005, 6, 1);
    // One warm-up pass, then timed passes until at least a second has run.
    let mut found = 0usize;
    for doc in &docs {
        found += newsdex::dates::tag(doc, published).len();
    }
    let start = Instant::now();
    let mut passes = 0u32;
    while passes < 3 || start.elapsed().as_secs_f64() < 1.0 {
        for doc in &docs {
            found += std::hint::black_box(newsdex::dates::tag(doc, published)).len();
        }
        passes += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes as f64 * f64::from(passes)) / 1e6;
    println!(
        "{} docs, {:.2} MB, {passes} passes, {} expressions/pass: {:.1} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        found / (passes as usize + 1),
        mb / secs
    );
}

fn load(paths: &[String]) -> Vec<String> {
    let mut docs = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
        if path.ends_with(".jsonl") {
            for line in text.lines() {
                let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
                    continue;
                };
                if let Some(body) = value
                    .get("body")
                    .or_else(|| value.get("text"))
                    .and_then(|b| b.as_str())
                {
                    docs.push(body.to_string());
                }
            }
        } else {
            docs.push(text);
        }
    }
    docs
}
