//! What the news benchmarks share: where the news is, and a thread's CPU time.

use std::path::PathBuf;

/// The news to read: the first argument that is not a flag, else
/// `NEWSDEX_BENCH_NEWS`, else `../shared/data/news`.
pub fn news_path() -> PathBuf {
    std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .or_else(|| std::env::var("NEWSDEX_BENCH_NEWS").ok())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/news"))
}

/// CPU time this thread has run, from Linux's schedstat (None elsewhere):
/// the machine is shared, so wall time alone understates per-core speed.
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanoseconds: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanoseconds / 1e9)
}
