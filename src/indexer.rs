//! Building and updating the index from a corpus folder.
//!
//! Files are loaded and analysed on a pool of worker threads that feed
//! finished tantivy documents to the single writer through a bounded
//! channel, so memory stays flat however large the corpus is.
//!
//! Indexing is incremental: every passage document carries its source file
//! (relative to the corpus root) and that file's fingerprint (size and
//! modification time), so a run reads the index to learn what it holds,
//! skips unchanged files, replaces changed ones and deletes removed ones.
//! Commits are atomic: an interrupted run leaves the last commit searchable,
//! and because a file's documents are always committed together the next
//! run picks up exactly where the last commit left off.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use serde_json::json;
use tantivy::schema::Value as _;
use tantivy::{DateTime, IndexWriter, TantivyDocument, Term};

use crate::article::Article;
use crate::corpus::{self, LoadOptions, SourceFile, Warning};
use crate::dates::TimexType;
use crate::dates::value::{CalendarPoint, calendar_points};
use crate::dedup::Signature;
use crate::entities::EntityLabel;
use crate::error::{Error, Result};
use crate::extract::{AnalyzedPassage, analyze};
use crate::schema::Fields;
use crate::store::{self, CommitMeta, NewsIndex};

/// Bumped when loading or extraction changes what a file yields, so that
/// unchanged files are analysed again by a newer newsdex.
const ANALYSIS_VERSION: u64 = 1;

/// Commit after this many bytes of input by default, so an interrupted run
/// keeps most of its work.
pub const COMMIT_EVERY_BYTES: u64 = 64 * 1024 * 1024;

/// Memory for tantivy's in-memory segments, per indexing thread.
const WRITER_MEMORY_PER_THREAD: usize = 64 * 1024 * 1024;

/// Segments with more passages than this are not merged further. A bulk
/// run flushes segments of about 60,000 passages (one writer arena's
/// worth), which then stay as they are: merging them is what made a large
/// run's peak memory grow with the corpus (812 MB against 534 MB without
/// merges at 10x). The small segments of incremental updates still merge,
/// so an index updated daily does not splinter.
const MAX_DOCS_BEFORE_MERGE: usize = 50_000;

fn merge_policy() -> tantivy::indexer::LogMergePolicy {
    let mut policy = tantivy::indexer::LogMergePolicy::default();
    policy.set_max_docs_before_merge(MAX_DOCS_BEFORE_MERGE);
    policy
}

/// Whether to keep what the index holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Index only new and changed files; delete removed ones.
    #[default]
    Incremental,
    /// Start from an empty index.
    Rebuild,
}

/// Everything `index` needs to know.
#[derive(Debug, Clone)]
pub struct IndexConfig {
    pub corpus: PathBuf,
    pub index_dir: PathBuf,
    pub mode: Mode,
    pub load: LoadOptions,
    /// Worker threads for loading and extraction (0: one per core).
    pub threads: usize,
    /// Commit after this many bytes of input (and at the end).
    pub commit_every: u64,
}

/// Progress and problems, reported while the run goes on.
#[derive(Debug)]
pub enum Event<'a> {
    /// The walk is done: this many files (bytes) need loading.
    Planned {
        files: usize,
        bytes: u64,
    },
    /// One more file was loaded and indexed.
    FileDone {
        bytes: u64,
    },
    Warning(&'a Warning),
}

/// What a run did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct IndexSummary {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    pub unchanged: usize,
    /// Files skipped whole (unreadable, binary, unparseable).
    pub failed: usize,
    /// Files of a type newsdex does not read.
    pub skipped_unknown: usize,
    pub articles: usize,
    pub passages: usize,
    pub entities: usize,
    pub dates: usize,
    pub warnings: usize,
    /// Bytes of the files loaded in this run.
    pub bytes: u64,
    #[serde(skip)]
    pub elapsed: Duration,
}

/// Indexes `config.corpus` into `config.index_dir`.
pub fn run(config: &IndexConfig, on_event: &mut dyn FnMut(Event)) -> Result<IndexSummary> {
    let started = Instant::now();
    if !config.corpus.is_dir() {
        return Err(Error::CorpusMissing {
            path: config.corpus.clone(),
        });
    }
    let news = match (config.mode, NewsIndex::open_or_create(&config.index_dir)) {
        (_, Ok(news)) => news,
        (Mode::Rebuild, Err(Error::SchemaMismatch { .. } | Error::IndexCorrupt { .. })) => {
            NewsIndex::recreate(&config.index_dir)?
        }
        (_, Err(e)) => return Err(e),
    };
    let threads = match config.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let mut writer: IndexWriter<TantivyDocument> = news
        .index
        .writer_with_num_threads(
            threads.clamp(1, 4),
            WRITER_MEMORY_PER_THREAD * threads.clamp(1, 4),
        )
        .map_err(|e| store::corrupt(&news.dir, e))?;
    writer.set_merge_policy(Box::new(merge_policy()));

    let mut summary = IndexSummary::default();
    let indexed = match config.mode {
        Mode::Incremental => indexed_files(&news)?,
        Mode::Rebuild => {
            writer.delete_all_documents()?;
            HashMap::new()
        }
    };

    let walk = corpus::walk(&config.corpus, Some(&config.index_dir));
    summary.skipped_unknown = walk.skipped_unknown;
    for warning in &walk.warnings {
        summary.warnings += 1;
        on_event(Event::Warning(warning));
    }

    let mut seen = HashSet::with_capacity(walk.files.len());
    let mut todo = Vec::new();
    for file in walk.files {
        let source = source_key(&config.corpus, &file.path);
        let fingerprint = fingerprint(&file);
        match indexed.get(&source) {
            Some(&old) if old == fingerprint => summary.unchanged += 1,
            previous => todo.push(Job {
                file,
                source: source.clone(),
                fingerprint,
                replaces: previous.is_some(),
            }),
        }
        seen.insert(source);
    }
    for source in indexed.keys().filter(|s| !seen.contains(*s)) {
        writer.delete_term(Term::from_field_text(news.fields.source, source));
        summary.removed += 1;
    }
    if todo.is_empty() && summary.removed == 0 && config.mode == Mode::Incremental {
        // Nothing changed: a commit now would only wake the merger.
        summary.elapsed = started.elapsed();
        return Ok(summary);
    }
    on_event(Event::Planned {
        files: todo.len(),
        bytes: todo.iter().map(|j| j.file.size).sum(),
    });

    let meta = CommitMeta::new(&config.corpus);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool with a positive thread count always builds");
    let (tx, rx) = crossbeam_channel::bounded::<Loaded>(threads * 4);
    let fields = news.fields;
    let load_options = &config.load;
    let mut since_commit = 0u64;
    std::thread::scope(|scope| -> Result<()> {
        let jobs = &todo;
        scope.spawn(move || {
            use rayon::prelude::*;
            pool.install(|| {
                jobs.par_iter()
                    .enumerate()
                    .for_each_with(tx, |tx, (index, job)| {
                        // The receiver only goes away when the writer failed,
                        // and then the run is over anyway.
                        let _ = tx.send(load_and_analyze(index, job, &fields, load_options));
                    });
            });
        });
        for loaded in rx {
            for warning in &loaded.warnings {
                summary.warnings += 1;
                on_event(Event::Warning(warning));
            }
            let job = &todo[loaded.job];
            let Some(docs) = loaded.docs else {
                summary.failed += 1;
                on_event(Event::FileDone {
                    bytes: job.file.size,
                });
                continue;
            };
            if job.replaces {
                writer.delete_term(Term::from_field_text(fields.source, &job.source));
                summary.updated += 1;
            } else {
                summary.added += 1;
            }
            summary.articles += loaded.articles;
            summary.passages += loaded.passages;
            summary.entities += loaded.entities;
            summary.dates += loaded.dates;
            summary.bytes += job.file.size;
            for doc in docs {
                writer.add_document(doc)?;
            }
            since_commit += job.file.size;
            if since_commit >= config.commit_every {
                commit(&mut writer, &meta)?;
                since_commit = 0;
            }
            on_event(Event::FileDone {
                bytes: job.file.size,
            });
        }
        Ok(())
    })?;
    commit(&mut writer, &meta)?;
    writer.wait_merging_threads()?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

fn commit(writer: &mut IndexWriter<TantivyDocument>, meta: &CommitMeta) -> Result<()> {
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&serde_json::to_string(meta).expect("commit metadata serialises"));
    prepared.commit()?;
    Ok(())
}

/// A file to (re)index.
struct Job {
    file: SourceFile,
    source: String,
    fingerprint: u64,
    replaces: bool,
}

/// One file's documents, made on a worker thread.
struct Loaded {
    job: usize,
    /// `None` when the whole file was skipped.
    docs: Option<Vec<TantivyDocument>>,
    warnings: Vec<Warning>,
    articles: usize,
    passages: usize,
    entities: usize,
    dates: usize,
}

fn load_and_analyze(index: usize, job: &Job, fields: &Fields, options: &LoadOptions) -> Loaded {
    let mut out = Loaded {
        job: index,
        docs: None,
        warnings: Vec::new(),
        articles: 0,
        passages: 0,
        entities: 0,
        dates: 0,
    };
    let loaded = match corpus::load_file(&job.file.path, options) {
        Ok(loaded) => loaded,
        Err(warning) => {
            out.warnings.push(warning);
            return out;
        }
    };
    out.warnings = loaded.warnings;
    let mut docs = Vec::new();
    for article in &loaded.articles {
        out.articles += 1;
        for passage in analyze(article) {
            out.passages += 1;
            out.entities += passage.entities.len();
            out.dates += passage.dates.len();
            docs.push(passage_document(fields, job, article, &passage));
        }
    }
    if docs.is_empty() {
        docs.push(marker_document(fields, job));
    }
    out.docs = Some(docs);
    out
}

/// A document for a file that yielded no passages (empty, or no record
/// with text): it has no passage fields, so no search finds it, but it
/// tells the next run that the file was seen and need not be read again.
fn marker_document(fields: &Fields, job: &Job) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(fields.source, &job.source);
    doc.add_text(fields.path, job.file.path.to_string_lossy());
    doc.add_u64(fields.fingerprint, job.fingerprint);
    doc
}

fn passage_document(
    fields: &Fields,
    job: &Job,
    article: &Article,
    passage: &AnalyzedPassage,
) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(fields.text, &passage.text);
    if let Some(title) = &article.title {
        doc.add_text(fields.title, title);
    }
    doc.add_text(fields.source, &job.source);
    doc.add_text(fields.path, article.path.to_string_lossy());
    let article_id = match (&article.id, article.record) {
        (Some(id), _) => id.clone(),
        (None, 0) => job.source.clone(),
        (None, record) => format!("{}#{record}", job.source),
    };
    doc.add_text(fields.article, &article_id);
    doc.add_u64(fields.article_hash, fnv1a(article_id.as_bytes()));
    if let Some(url) = &article.url {
        doc.add_text(fields.url, url);
    }
    if let Some(published) = article.published.filter(|d| is_storable(*d)) {
        doc.add_date(fields.published, day(published));
    }
    doc.add_u64(fields.fingerprint, job.fingerprint);
    doc.add_u64(fields.ordinal, passage.ordinal as u64);
    doc.add_u64(fields.start, passage.range.start as u64);
    doc.add_u64(fields.end, passage.range.end as u64);
    doc.add_u64(fields.line, passage.line as u64);

    let mut names = HashSet::new();
    for entity in &passage.entities {
        if names.insert((entity.label, entity.canonical.as_str())) {
            doc.add_text(fields.entity(entity.label), &entity.canonical);
            doc.add_text(
                fields.entity_key,
                entity_key(entity.label, &entity.canonical),
            );
        }
    }
    let signature = Signature::of(&passage.text);
    doc.add_bytes(fields.minhash, &signature.to_bytes());
    for band in signature.bands() {
        doc.add_u64(fields.minhash_band, band);
    }
    let mut points = HashSet::new();
    for date in &passage.dates {
        if matches!(date.kind, TimexType::Date | TimexType::Time) {
            points.extend(calendar_points(&date.value));
        }
    }
    // A mention of the year 1066 is real but cannot be stored as a date.
    points.retain(|p| match p {
        CalendarPoint::Day(d) | CalendarPoint::Month(d) | CalendarPoint::Year(d) => is_storable(*d),
    });
    let latest_day = points
        .iter()
        .filter_map(|p| match p {
            CalendarPoint::Day(d) => Some(*d),
            _ => None,
        })
        .max();
    if let Some(latest) = latest_day {
        doc.add_date(fields.latest_mention, day(latest));
    }
    for point in points {
        let (field, date) = match point {
            CalendarPoint::Day(d) => (fields.mentioned_day, d),
            CalendarPoint::Month(d) => (fields.mentioned_month, d),
            CalendarPoint::Year(d) => (fields.mentioned_year, d),
        };
        doc.add_date(field, day(date));
    }
    let mentions = json!({ "entities": passage.entities, "dates": passage.dates });
    doc.add_text(fields.mentions, mentions.to_string());
    doc
}

/// The facet key of an entity: `PER:Vladimir Putin`.
pub fn entity_key(label: EntityLabel, canonical: &str) -> String {
    format!("{}:{canonical}", label.as_str())
}

/// The years a stored date can hold: tantivy keeps dates as nanoseconds
/// since 1970 in an i64, which reaches from 1677 to 2262.
pub fn is_storable(date: NaiveDate) -> bool {
    (1678..=2261).contains(&date.year())
}

/// Midnight UTC of a calendar day, the way every date is stored; days
/// outside the storable years are clamped to its ends (which is what a
/// range bound such as `--until 9999` means anyway).
pub fn day(date: NaiveDate) -> DateTime {
    let first = NaiveDate::from_ymd_opt(1678, 1, 1).expect("a valid date");
    let last = NaiveDate::from_ymd_opt(2261, 12, 31).expect("a valid date");
    let seconds = date
        .clamp(first, last)
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc()
        .timestamp();
    DateTime::from_timestamp_secs(seconds)
}

/// The calendar day of a stored date.
pub fn to_day(date: DateTime) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(date.into_timestamp_secs(), 0).map(|d| d.date_naive())
}

/// The source key of a file: its path relative to the corpus root, with `/`.
fn source_key(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// FNV-1a over the file's size and modification time and the analysis
/// version: stable across runs and Rust versions.
fn fingerprint(file: &SourceFile) -> u64 {
    let bytes: Vec<u8> = file
        .size
        .to_le_bytes()
        .into_iter()
        .chain(file.modified_ns.to_le_bytes())
        .chain(ANALYSIS_VERSION.to_le_bytes())
        .collect();
    fnv1a(&bytes)
}

/// 64-bit FNV-1a: stable across runs, platforms and Rust versions.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The files the last commit holds, with their fingerprints.
fn indexed_files(news: &NewsIndex) -> Result<HashMap<String, u64>> {
    let searcher = news.searcher()?;
    let mut files = HashMap::new();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let Some(sources) = fast.str("source")? else {
            continue;
        };
        let fingerprints = fast.u64("fingerprint")?;
        let mut ords: HashMap<u64, u64> = HashMap::new();
        for doc in segment.doc_ids_alive() {
            if let (Some(ord), Some(fp)) = (sources.term_ords(doc).next(), fingerprints.first(doc))
            {
                ords.entry(ord).or_insert(fp);
            }
        }
        // One pass over the sorted ordinals decompresses each dictionary
        // block once; a lookup per ordinal would decompress it every time.
        let mut sorted: Vec<(u64, u64)> = ords.into_iter().collect();
        sorted.sort_unstable();
        let ordinals: Vec<u64> = sorted.iter().map(|(ord, _)| *ord).collect();
        let mut fingerprints = sorted.into_iter().map(|(_, fp)| fp);
        sources
            .dictionary()
            .sorted_ords_to_term_cb(&ordinals, |name| {
                if let Some(fp) = fingerprints.next() {
                    files.insert(String::from_utf8_lossy(name).into_owned(), fp);
                }
            })
            .map_err(|e| Error::io("reading the index", e))?;
    }
    Ok(files)
}

/// Reads a stored text value of a document, for callers that show hits.
pub fn stored_text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<&str> {
    doc.get_first(field).and_then(|v| v.as_str())
}
