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

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use rustc_hash::{FxHashMap, FxHashSet};
use tantivy::schema::Value as _;
use tantivy::{DateTime, IndexWriter, TantivyDocument, Term};

use crate::article::Article;
use crate::corpus::{self, Found, LoadOptions, SourceFile, Warning};
use crate::dates::TimexType;
use crate::dates::value::calendar_points;
use crate::dedup::Signature;
use crate::entities::EntityLabel;
use crate::entities::initials::written_initials;
use crate::error::{Error, Result};
use crate::extract::{AnalyzedPassage, analyze};
use crate::name_key::name_key;
use crate::schema::{Fields, article_identity};
use crate::store::{self, CommitMeta, NewsIndex};

/// Bumped when loading or extraction changes what a file yields, so that
/// unchanged files are analysed again by a newer newsdex. 2: headline-only
/// stories get their headline as a passage. 3: the entity tagger scores one
/// token either side of a possible name, not two. 4: near-duplicate
/// signatures by one-permutation hashing, in 4 bands of 3 (`dedup`). 5: an
/// article's own id is counted within its source (`article_identity`), and
/// loading changed: the HTML story element, JSON envelopes and HTML in
/// JSON fields, placeholder and eight-digit dates, dates from the path
/// below the corpus root only; near-duplicate signatures and passage
/// lengths take each Chinese, Japanese or Korean character as a word.
/// 6: a `<br>` in an HTML heading is a space, not a paragraph break; a
/// passage that mentions only months or years sorts by them (`--sort date`);
/// a first passage that only repeats the title joins the next; year-less
/// holidays resolve to the nearest occurrence, and "Sunday Times",
/// "year-on-year" and the decimals of "13.9 years" are no time expressions;
/// a weekday takes the tense of its own clause, and four-digit clock times,
/// quantities and index levels ("1200 feet", "1984.5") are no years;
/// canonical names drop courtesy titles, undo a headline's capitals and
/// unalias common countries and organisations; wire sign-offs are no
/// mentions (`entities::canonical`, `entities::boilerplate`); control
/// characters in a text are spaces; the first record of a file of many is
/// `source#0`, not the file's name. 7: "US" the pronoun in a line of
/// capitals is no mention (`entities::pronoun_us`); a passage holds one
/// facet key per name a filter cannot tell apart (`name_key`); dates: "the
/// vote is on Thursday" is the coming Thursday; "2000 people" counts and is
/// no year; "2100 hrs", "1805 local time" and "after 1530" beside "GMT" are
/// clock times; a range of days ("March 3-5", "April 24 and 25") indexes
/// both its days; "the year 2050" is 2050 alone, not also the DCT's year;
/// a file name that is not UTF-8 keeps its bytes apart (`lossless_name`),
/// and a record whose id an earlier record of its file has is named by its
/// record (`source#record`). 8: a long line of prose runs on into the
/// next (`entities::tokenizer`), so a name wrapped across lines is one
/// mention; angle brackets are apart from names; results-table
/// abbreviations ("Shr") are no mentions; state abbreviations and British
/// parties' other names are aliases (`entities::canonical`); text whose
/// paragraphs open with an indent is not cut again into lines, so a quote
/// and its speaker are one passage (`passage`); a ticker in angle brackets
/// (`<U>`) does not make a JSON body HTML (`corpus::html::is_markup`);
/// dates: "1986 year" and "the 1985 quarter" are dates, not counts; "the
/// fall in prices", "current account" and a month's figure ("Jan 4.95")
/// are no time expressions; a month listed after another follows it ("in
/// May and June"); a title-case "Daily" in a newspaper's name is no
/// frequency; a temperature, an age or a model ("Highs 60s", "in his 30s",
/// "DC-10s") is no decade; a fixed holiday without a publication date
/// keeps its day (`XXXX-12-25`); "Boxing Day", "Valentine's Day" and
/// "Bastille Day" are dates; "March, 1986" is one month.
/// entities: a sentence ends at "U.S.." and at an
/// abbreviation before "He", "The", "Has" (`entities::tokenizer`);
/// "Reuter" alone is the agency, and listed names with "and" or "on"
/// inside ("Standard and Poor's") are one mention, "Sony", "Oscar" and
/// "Smith Barney" take their types (`entities::known_names`), and "Dome"
/// is no longer a place in the gazetteer. 9: a passage that only repeats
/// the title joins the next wherever it stands (the last joins the one
/// before; `extract::join_repeated_headline`); JSON records read the field
/// names of news-please, the Guardian, the New York Times and Event
/// Registry (`corpus::fields`); HTML pages leave out the chrome they mark
/// by role, class or id and paragraphs that are mostly links, take a date
/// from the story's own footer, and anchor lines through inline tags
/// (`corpus::html`, `corpus::chrome_marks`), and are decoded as their
/// `<meta charset>` declares (`corpus::encoding`). Entities: a short
/// company name resolves to the parent, not a unit (`canonical`);
/// "Moody's" keeps its 's; a capitalised common noun after "U.S." is cut
/// off the name (`capitalised_nouns`); a title numbered II-XX is MISC
/// (`numbered_titles`); abbreviations of common nouns ("PC", "DVD") are no
/// names (`common_abbreviations`); the agency at a line's end is apart
/// from a name on the next. Dates: a weekday takes the tense of its own
/// clause ("was signed by Friday", "rescheduled for Thursday"), a headline
/// weekday the story's; "Monday this week" falls in that week; trade
/// months ("for July shipment") look ahead; price levels ("the mid 30s"),
/// age groups and "YEAR AGO" table columns are no time expressions. 10:
/// entities: brackets are held whole ("Nikko Securities Co (Europe) Ltd";
/// `parentheses`), a describing compound is cut off the name after it
/// ("Paris-based"; `leading_modifiers`), a name typed in lower case takes
/// capitals (`canonical`). Dates: quarter and half codes ("Q4 2004",
/// "4Q86", "H1 96", "4TH QTR"), "mths", both years of "1986/87", "end-"
/// kept; a date does not run across the columns of a table row. HTML:
/// the story's container is where its prose adds up, dates in comments
/// and chrome date no page, titles lose the site's name (`corpus::html`).
/// Loading: a `.txt` that is a web page or JSON, and a `.jsonl` holding one
/// JSON document, are read as what they are; a body given as a list of
/// paragraphs and a number as a title are read; front matter without its
/// closing `---` ends at the first blank line; another index in the corpus
/// is skipped (`corpus`); a metadata date with the year last that reads
/// one way only, or with dots, is read (`corpus::metadate`). 11: dates:
/// a holiday's name is matched whole ("Good Friday" is two days before
/// Easter, not the nearest Friday) and more holidays are read ("Memorial
/// Day", "Easter Monday", "St. Patrick's Day"; `dates::grammar::holidays`),
/// a number outside 1900-2099 is a year only after a preposition of time
/// (`dates::grammar::four_digits`); time zones and currency signs alone
/// are no entities (`entities::common_abbreviations`); a last paragraph
/// that is only a sign-off ("Reuter") joins the passage before (`passage`).
/// 12: entities: listed companies are a gazetteer feature of a retrained
/// model (`models/gazetteers/companies.txt`); a title only people bear and a
/// name are a person (`personal_titles`), a name keeps the number it ends
/// with ("BBC Radio 4"; `trailing_numbers`), a sentence's full stop stays
/// out of a name, a holiday alone is MISC, a street no person
/// (`street_names`), "AU$", "NT$", "R$" are no names, a name takes the
/// label most of its mentions in the article carry (`one_label`). Dates: a range's
/// first part takes the year after its end, a game's halves and a race's
/// times are no dates (`dates::grammar::games`), a time of day is on the day
/// written after it, "a year earlier" counts from the sentence's year, "the
/// last day of" a year or month is its end.
/// 13: entities: a name an organisation noun introduces ("Dutch firm
/// Heineken") or an organisation's post follows ("Qantas chief executive
/// Geoff Dixon") is an organisation throughout the article
/// (`organisation_nouns`), and so is a place or other name that is a
/// company of the article without its legal form ("Gillette" of "Gillette
/// Co"; `company_short_names`); "Tory" alone is MISC, "Yahoo" an organisation. Dates: "the previous
/// year", "that day", "the following day" count from the year or day the
/// story named; a quarter of something is no duration.
/// 14: entities: a title a genre introduces ("abortion drama Vera Drake",
/// "movie The Aviator") is MISC throughout the article (`works_of_art`);
/// "band", "magazine", "channel" and an airline's "carrier" introduce
/// organisations (`organisation_nouns`), "singer", "star", "striker" and
/// other person nouns people (`person_nouns`); a listed company's whole
/// name is an organisation (`listed_companies`); "Meanwhile", "Although"
/// and other sentence openers are cut off the name after them
/// (`sentence_openers`), and "MP", "MPs", "MEP" off the name before them
/// (`trailing_posts`); "The" off "The Bank" (`leading_articles`); a name
/// before "and Co" is the firm (`partner_firms`). Dates: "the year-ago
/// figure", "the year before" are the year before the one reported on; a
/// day a period "ended" on is past; "the September 11 attacks" are of
/// 2001; "is to ... Tuesday" is the coming Tuesday.
/// 15: entities: quotation marks standing apart are cut off a mention
/// (`quote_marks`); a personal title right before a mention makes a
/// person ("Mr Putin"; `personal_titles`); a person of several words
/// named as a company of the article is the company
/// (`company_short_names`); a name ending in "Administration" is an
/// organisation and a surname before "administration" a person
/// (`administrations`); "GATT" is an organisation; "analyst",
/// "economist" and "strategist" follow an organisation, and "the band",
/// "the studio" introduce one (`organisation_nouns`). Dates: an ordinal
/// quarter or half opening a sentence or a table's line is a date; "a year
/// earlier" after a year of results, or a span of months ending on a day
/// written, is the year before (`dates::grammar::year_compared`). Words:
/// a word written with combining accents is composed, so decomposed text
/// gives the terms of composed text (`tokenizer`).
/// 16: words: a combining mark that is no letter (the virama of the Indic
/// scripts) stays in its word, which was split at it, and Arabic and
/// Hebrew vowel points and the tatweel stay out of a word's term, and
/// Arabic letters written several ways take one spelling (`tokenizer`).
/// Dates:
/// a year-less day followed by "this/last/next year" takes that year.
/// Entities: a surname alone opening a sentence (`opening_surnames`).
/// Dates: the year a results story reports on (`year_reported`), weeks
/// and months up to a day, meetings in the present tense.
/// 17: entities: a passage naming a company with and without its legal
/// form keeps one facet key for it (`legal_forms`). Words: a word of the
/// Arabic, Cyrillic (Russian letters), Greek, Devanagari, Armenian or
/// Tamil script takes its language's stem, not the English stemmer's none
/// (`stem_language`, `arabic_stemmer`).
/// 18: words: a word of two or more capitals in a line of mixed case is
/// also a term as written ("WHO" beside "who"; `capitals`).
/// 19: entities: an organisation's initials are the organisation the
/// article names in full ("SEC" the "Securities and Exchange Commission";
/// `canonical`), and its entity field holds the initials too; "X County"
/// and "Province of X" are places (`divisions`); a name a publication noun
/// introduces or precedes is the publication ("weekly Der Spiegel", "the
/// Guardian newspaper"); a capital "The" inside a sentence before a title
/// is the title's (`title_articles`); "Vera Drake star Imelda Staunton"
/// names a title. Dates: a wire slug's time stamp is no year; "the week"
/// after "the week ended March 26" is that week; "the previous month"
/// counts from the month the story reports on (`month_reported`).
const ANALYSIS_VERSION: u64 = 19;

/// Commit after this many bytes of input by default, so an interrupted run
/// keeps most of its work.
pub const COMMIT_EVERY_BYTES: u64 = 64 * 1024 * 1024;

/// Memory for tantivy's in-memory segments, per worker thread (up to four).
const WRITER_MEMORY_PER_WORKER: usize = 64 * 1024 * 1024;

/// tantivy's indexing threads for this many workers. Indexing is about 40 %
/// of a full index's CPU and analysis the rest, so one indexing thread per
/// two workers keeps the writer off the critical path; on two cores the
/// one thread gets the whole budget, and a 1x corpus ends in one segment
/// (every search term and band is then looked up once, not twice) for
/// 8 % less CPU than two threads and the same time.
fn indexing_threads(workers: usize) -> usize {
    (workers / 2).clamp(1, 4)
}

/// Segments with more passages than this are not merged while indexing:
/// only the small segments of incremental updates are, so an index updated
/// daily does not splinter. A bulk run's arena-sized segments are left to
/// [`compact`]: merging them in the background, next to the writer's arena,
/// made a large run's peak memory grow with the corpus.
const MAX_DOCS_BEFORE_MERGE: usize = 10_000;

fn merge_policy() -> tantivy::indexer::LogMergePolicy {
    let mut policy = tantivy::indexer::LogMergePolicy::default();
    policy.set_max_docs_before_merge(MAX_DOCS_BEFORE_MERGE);
    policy
}

/// The passages a segment grows to by [`compact`]'s merges: about 270 MB
/// of index. A merge maps its inputs' dictionaries, columns and norms
/// (about a seventh of that) and reads their postings, positions and
/// document stores piece by piece ([`crate::directory`]), so this bounds
/// its memory: at 10x, [`MERGES_AT_ONCE`] of them peak under indexing's
/// memory, and the run ends with 3 segments.
const COMPACT_SEGMENT_DOCS: u32 = 600_000;
/// [`compact`] merges once this many segments are under half that size; it
/// runs after runs that added at least half a merged segment's passages.
const COMPACT_MIN_SEGMENTS: usize = 4;

/// Merges running at once in [`compact`], at most: two merges of
/// [`COMPACT_SEGMENT_DOCS`] passages need less memory than indexing did (at
/// 10x, 156-161 MB against 200-205 MB), and each merge keeps one core busy.
const MERGES_AT_ONCE: usize = 2;

/// Merges the many arena-sized segments a large run leaves into a few
/// large ones, after indexing is over (so the writer's arena and the merges
/// never need memory at the same time), up to `merges_at_once` bounded
/// merges at a time. Every query term and near-duplicate band costs a
/// dictionary lookup and a postings read per segment: at 10x, 3 of each
/// instead of the 6 to 32 of the segments the run flushed.
fn compact(news: &NewsIndex, merges_at_once: usize) -> Result<()> {
    let segments: Vec<(tantivy::index::SegmentId, u32)> = news
        .index
        .searchable_segment_metas()?
        .into_iter()
        .map(|m| (m.id(), m.num_docs()))
        .collect();
    merge_groups(news, &compaction_groups(segments), merges_at_once)
}

/// Merges each group of segments into one, `merges_at_once` at a time
/// (tantivy's merge threads take them in turn).
fn merge_groups(
    news: &NewsIndex,
    groups: &[Vec<tantivy::index::SegmentId>],
    merges_at_once: usize,
) -> Result<()> {
    if groups.is_empty() {
        return Ok(());
    }
    let options = tantivy::indexer::IndexWriterOptions::builder()
        .memory_budget_per_thread(15_000_000)
        .num_worker_threads(1)
        .num_merge_threads(merges_at_once.max(1))
        .build();
    let mut writer: IndexWriter<TantivyDocument> = news
        .index
        .writer_with_options(options)
        .map_err(|e| store::corrupt(&news.dir, e))?;
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    let merges: Vec<_> = groups.iter().map(|group| writer.merge(group)).collect();
    for merge in merges {
        merge.wait()?;
    }
    writer.wait_merging_threads()?;
    Ok(())
}

/// The merges [`compact`] makes of segments (id, passages): the small ones,
/// smallest first, in groups of at most [`COMPACT_SEGMENT_DOCS`] passages;
/// nothing unless [`COMPACT_MIN_SEGMENTS`] are small.
fn compaction_groups<Id>(segments: Vec<(Id, u32)>) -> Vec<Vec<Id>> {
    let mut small: Vec<(Id, u32)> = segments
        .into_iter()
        .filter(|(_, docs)| *docs < COMPACT_SEGMENT_DOCS / 2)
        .collect();
    if small.len() < COMPACT_MIN_SEGMENTS {
        return Vec::new();
    }
    small.sort_by_key(|(_, docs)| *docs);
    let mut groups = Vec::new();
    let mut group = Vec::new();
    let mut total = 0;
    for (id, docs) in small {
        if total + docs > COMPACT_SEGMENT_DOCS && group.len() > 1 {
            groups.push(std::mem::take(&mut group));
            total = 0;
        }
        total += docs;
        group.push(id);
    }
    if group.len() > 1 {
        groups.push(group);
    }
    groups
}

/// The writer of one `index` run, with `threads` workers feeding it; in
/// [`Mode::Rebuild`], over an emptied index.
///
/// tantivy stamps a new writer's first operation with the opstamp of the
/// commit the writer opened at, not one past it. A merge that starts
/// before the run's first commit (the merge policy starts one when the run
/// flushes its first segment) brings its segments' deletions up to that
/// opstamp, so it takes the run's first deletion for one the commit
/// already holds: a segment whose deletions were written at that commit
/// counts as up to date and is merged without it, while the merged
/// segment may go on from another segment's place in the deletions, past
/// it. The merged segment then kept the deleted passages for good: a
/// removed file stayed searchable, a changed one was found in two
/// versions. An empty batch of operations takes that opstamp, so every
/// operation of the run comes after the commit.
///
/// The files a run stopped half way through a commit wrote for it are
/// deleted first: its deletions are written to files named by segment and
/// opstamp, so a next run that makes the same changes (from the same
/// opstamps) could not create them, and failed until the corpus changed.
fn run_writer(
    news: &NewsIndex,
    threads: usize,
    mode: Mode,
) -> Result<IndexWriter<TantivyDocument>> {
    let writer: IndexWriter<TantivyDocument> = news
        .index
        .writer_with_num_threads(
            indexing_threads(threads),
            WRITER_MEMORY_PER_WORKER * threads.clamp(1, 4),
        )
        .map_err(|e| store::corrupt(&news.dir, e))?;
    writer.set_merge_policy(Box::new(merge_policy()));
    // Before a rebuild lets go of the committed segments, whose files a
    // stopped rebuild still needs. A failure only leaves files behind, as
    // it does when tantivy collects them after a commit.
    let _ = writer.garbage_collect_files().wait();
    if mode == Mode::Rebuild {
        // This also sets the opstamps back to the last commit's.
        writer.delete_all_documents()?;
    }
    writer.run(Vec::new())?;
    Ok(writer)
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
    /// The walk found a new or changed file of this many bytes to load; the
    /// walk runs ahead of loading, so these come early.
    Queued {
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
    /// Those files by kind (`.pdf`, `no extension`, `README`), most first.
    pub skipped_kinds: Vec<(String, usize)>,
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

/// Stops an incremental run of `corpus` into an index of another folder:
/// every file of that folder would be missing from the walk, so the run
/// would delete all of its articles. The same folder under another spelling
/// (`corpus`, `./corpus`, an absolute path, a link to it) is not another
/// folder; nor is one that no longer exists (a corpus moved or renamed),
/// since nothing is left to keep.
fn refuse_other_corpus(news: &NewsIndex, corpus: &Path) -> Result<()> {
    let Some(indexed) = news.commit_meta().and_then(|meta| meta.corpus.clone()) else {
        return Ok(());
    };
    if news.built_from(corpus) != Some(false) || news.searcher()?.num_docs() == 0 {
        return Ok(());
    }
    Err(Error::OtherCorpus {
        index: news.dir.clone(),
        indexed,
        given: corpus.to_path_buf(),
    })
}

/// Indexes `config.corpus` into `config.index_dir`.
pub fn run(config: &IndexConfig, on_event: &mut dyn FnMut(Event)) -> Result<IndexSummary> {
    let started = Instant::now();
    if config.corpus.is_file() {
        return Err(Error::CorpusNotFolder {
            path: config.corpus.clone(),
        });
    }
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
    let mut writer = run_writer(&news, threads, config.mode)?;

    let mut summary = IndexSummary::default();
    let indexed = match config.mode {
        Mode::Incremental => {
            refuse_other_corpus(&news, &config.corpus)?;
            indexed_files(&news)?
        }
        Mode::Rebuild => IndexedFiles::default(),
    };

    // Until the run's last commit, the index holds what it held and what
    // the run has read so far: the analysis it was read with is known only
    // if the two agree.
    let mut meta = CommitMeta::new(&config.corpus);
    if config.mode == Mode::Incremental {
        meta.analysis = news.commit_meta().and_then(|meta| meta.analysis);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool with a positive thread count always builds");
    // Both queues are bounded, so neither the walk nor the workers can run
    // far ahead of the writer: memory stays flat however large the corpus.
    let (job_sender, jobs) = crossbeam_channel::bounded::<Job>(QUEUED_FILES);
    let (sender, messages) = crossbeam_channel::bounded::<Message>(threads * 4);
    let fields = news.fields;
    let load_options = &config.load;
    let mut since_commit = 0u64;
    let mut changed = config.mode == Mode::Rebuild;
    std::thread::scope(|scope| -> Result<()> {
        let walk_sender = sender.clone();
        scope.spawn(move || walk_corpus(config, indexed, &job_sender, &walk_sender));
        scope.spawn(move || {
            use rayon::prelude::*;
            pool.install(|| {
                // A failed send means the writer gave up: stop loading.
                let _ = jobs
                    .into_iter()
                    .par_bridge()
                    .try_for_each_with(sender, |sender, job| {
                        let loaded = load_and_analyze(job, &fields, &config.corpus, load_options);
                        sender.send(Message::Loaded(loaded)).map_err(drop)
                    });
            });
        });
        for message in messages {
            match message {
                Message::Queued { bytes } => {
                    changed = true;
                    on_event(Event::Queued { bytes });
                }
                Message::Passed(passed) => {
                    summary.unchanged += passed.unchanged;
                    summary.skipped_unknown += passed.unknown;
                }
                Message::UnknownKinds(kinds) => {
                    let mut kinds: Vec<(String, usize)> = kinds.into_iter().collect();
                    kinds.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                    summary.skipped_kinds = kinds;
                }
                Message::Problem(warning) => warn(&mut summary, on_event, &warning),
                Message::Unreadable(warning) => {
                    summary.failed += 1;
                    warn(&mut summary, on_event, &warning);
                }
                Message::Removed(source) => {
                    writer.delete_term(Term::from_field_text(fields.source, &source));
                    summary.removed += 1;
                    changed = true;
                }
                Message::Loaded(loaded) => {
                    let bytes = loaded.job.file.size;
                    if add_file(&mut writer, &fields, loaded, &mut summary, on_event)? {
                        since_commit += bytes;
                    }
                    if since_commit >= config.commit_every {
                        commit(&mut writer, &meta)?;
                        since_commit = 0;
                    }
                    on_event(Event::FileDone { bytes });
                }
            }
        }
        Ok(())
    })?;
    // When nothing changed, a commit would only wake the merger, unless
    // the index does not yet say that its articles are all read with this
    // analysis: a file read with another changed its fingerprint, so the
    // run has read it again.
    if changed || meta.analysis != Some(ANALYSIS_VERSION) {
        meta.analysis = Some(ANALYSIS_VERSION);
        commit(&mut writer, &meta)?;
        writer.wait_merging_threads()?;
        // Everything is committed by now: a failed merge leaves a complete
        // index with more segments, which is worth a warning, not an error.
        if summary.passages >= COMPACT_SEGMENT_DOCS as usize / 2
            && let Err(err) = compact(&news, threads.min(MERGES_AT_ONCE))
        {
            let message = format!("could not merge segments ({err}); the index is complete");
            warn(&mut summary, on_event, &Warning::new(&news.dir, message));
        }
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Kinds of unknown files the walk tallies for the summary.
const MAX_UNKNOWN_KINDS: usize = 64;

/// Files the walk may queue ahead of the workers.
const QUEUED_FILES: usize = 1024;

/// Files the walk passes over (unchanged, or of an unknown type) that it
/// counts before it tells the writer's thread. One message a file made the
/// two threads wake each other 262,550 times on an unchanged 10x corpus, a
/// quarter of the re-index's CPU.
const PASSED_BATCH: usize = 4096;

/// Files the walk passed over without work for the workers.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Passed {
    unchanged: usize,
    unknown: usize,
}

impl Passed {
    fn files(&self) -> usize {
        self.unchanged + self.unknown
    }
}

/// What the walk and the workers tell the writer's thread.
enum Message {
    /// A new or changed file was queued for loading.
    Queued {
        bytes: u64,
    },
    /// These many more files need no work.
    Passed(Passed),
    /// At the end of the walk: the files of unknown types, by kind.
    UnknownKinds(std::collections::BTreeMap<String, usize>),
    Problem(Warning),
    /// A file or folder the walk could not read: a failure, like a file
    /// that could not be loaded.
    Unreadable(Warning),
    /// A file the index holds is gone from the corpus.
    Removed(String),
    Loaded(Loaded),
}

/// Walks the corpus on its own thread: queues new and changed files for the
/// workers, and when the walk is over, reports the indexed files it did not
/// see, except those under a path it could not read (a folder it may not
/// enter, a link to a disk that is not mounted): their files were not
/// looked at, not removed. Stops early when the writer is gone.
fn walk_corpus(
    config: &IndexConfig,
    mut indexed: IndexedFiles,
    jobs: &crossbeam_channel::Sender<Job>,
    messages: &crossbeam_channel::Sender<Message>,
) {
    let mut passed = Passed::default();
    let mut unread_paths: Vec<String> = Vec::new();
    let mut unknown_kinds = std::collections::BTreeMap::new();
    for found in corpus::walk(&config.corpus, Some(&config.index_dir)) {
        // `None`: a file passed over, counted in `passed`.
        let message = match found {
            Found::Unknown(kind) => {
                passed.unknown += 1;
                // Bounded: a folder of `story.1`, `story.2`, ... has as
                // many kinds as files, and the summary names only a few.
                if unknown_kinds.len() < MAX_UNKNOWN_KINDS || unknown_kinds.contains_key(&kind) {
                    *unknown_kinds.entry(kind).or_insert(0) += 1;
                }
                None
            }
            Found::Loop(warning) => Some(Message::Problem(warning)),
            Found::Unreadable(warning) => {
                unread_paths.push(source_key(&config.corpus, &warning.path));
                Some(Message::Unreadable(warning))
            }
            Found::File(file) => {
                let source = source_key(&config.corpus, &file.path);
                let fingerprint = fingerprint(&file, &config.load);
                match indexed.remove(&source) {
                    Some(Some(old)) if old == fingerprint => {
                        passed.unchanged += 1;
                        None
                    }
                    previous => {
                        let bytes = file.size;
                        let job = Job {
                            file,
                            source,
                            fingerprint,
                            replaces: previous.is_some(),
                        };
                        if jobs.send(job).is_err() {
                            return;
                        }
                        Some(Message::Queued { bytes })
                    }
                }
            }
        };
        let message = match message {
            Some(message) => message,
            None if passed.files() >= PASSED_BATCH => Message::Passed(std::mem::take(&mut passed)),
            None => continue,
        };
        if messages.send(message).is_err() {
            return;
        }
    }
    if passed.files() > 0 && messages.send(Message::Passed(passed)).is_err() {
        return;
    }
    if !unknown_kinds.is_empty() && messages.send(Message::UnknownKinds(unknown_kinds)).is_err() {
        return;
    }
    let removed = indexed
        .into_keys()
        .filter(|source| !unread_paths.iter().any(|path| is_under(source, path)));
    for source in removed {
        if messages.send(Message::Removed(source)).is_err() {
            return;
        }
    }
}

/// Reports a warning and counts it in the summary.
fn warn(summary: &mut IndexSummary, on_event: &mut dyn FnMut(Event), warning: &Warning) {
    summary.warnings += 1;
    on_event(Event::Warning(warning));
}

/// Adds one loaded file's documents (replacing its old ones) and counts
/// them; false when the file was skipped whole.
fn add_file(
    writer: &mut IndexWriter<TantivyDocument>,
    fields: &Fields,
    loaded: Loaded,
    summary: &mut IndexSummary,
    on_event: &mut dyn FnMut(Event),
) -> Result<bool> {
    for warning in &loaded.warnings {
        warn(summary, on_event, warning);
    }
    let job = &loaded.job;
    let Some(docs) = loaded.docs else {
        summary.failed += 1;
        return Ok(false);
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
    Ok(true)
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
    job: Job,
    /// `None` when the whole file was skipped.
    docs: Option<Vec<TantivyDocument>>,
    warnings: Vec<Warning>,
    articles: usize,
    passages: usize,
    entities: usize,
    dates: usize,
}

fn load_and_analyze(job: Job, fields: &Fields, root: &Path, options: &LoadOptions) -> Loaded {
    let mut out = Loaded {
        docs: None,
        warnings: Vec::new(),
        articles: 0,
        passages: 0,
        entities: 0,
        dates: 0,
        job,
    };
    let job = &out.job;
    let loaded = match corpus::load_file(&job.file.path, Some(root), options) {
        Ok(loaded) => loaded,
        Err(warning) => {
            out.warnings.push(warning);
            return out;
        }
    };
    let mut docs = Vec::new();
    let (mut articles, mut passages, mut entities, mut dates) = (0, 0, 0, 0);
    // Ids seen in this file: a repeated id names its record instead, so two
    // records with one id stay two articles.
    let mut ids = HashSet::new();
    for article in &loaded.articles {
        let repeated = article
            .id
            .as_ref()
            .is_some_and(|id| !ids.insert(id.as_str()));
        let keys = ArticleKeys::of(job, article, loaded.articles.len() > 1, repeated);
        let before = passages;
        for passage in analyze(article) {
            passages += 1;
            entities += passage.entities.len();
            dates += passage.dates.len();
            docs.push(passage_document(fields, job, article, &keys, &passage));
        }
        // An article is what a search can find: one passage at least.
        if passages > before {
            articles += 1;
        }
    }
    let mut warnings = loaded.warnings;
    if docs.is_empty() {
        docs.push(marker_document(fields, job));
        // A page of scripts only, an empty body, `[]`: said once, unless
        // the loader already said why (an empty file, skipped records).
        if warnings.is_empty() {
            warnings.push(Warning::new(&job.file.path, "no text; nothing to index"));
        }
    }
    Loaded {
        docs: Some(docs),
        warnings,
        articles,
        passages,
        entities,
        dates,
        ..out
    }
}

/// A document for a file that yielded no passages (empty, or no record
/// with text): it has no passage fields, so no search finds it, but it
/// tells the next run that the file was seen and need not be read again.
fn marker_document(fields: &Fields, job: &Job) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(fields.source, &job.source);
    doc.add_text(fields.path, lossless_name(job.file.path.as_os_str()));
    doc.add_u64(fields.fingerprint, job.fingerprint);
    doc
}

/// What every passage document of one article repeats, worked out once.
struct ArticleKeys {
    /// The article's own id, or `source#record` when it has none.
    id: String,
    id_hash: u64,
    path: String,
    published: Option<DateTime>,
}

impl ArticleKeys {
    /// `one_of_many`: the file holds several articles (JSON records), so
    /// even the first is named by its record: named by the file, it could
    /// not be told from the file, nor opened alone. `repeated`: an earlier
    /// record of the file has the article's id, so it is named by its
    /// record (`source#record`), as a record without an id is.
    fn of(job: &Job, article: &Article, one_of_many: bool, repeated: bool) -> ArticleKeys {
        let id = match (&article.id, article.record) {
            (Some(id), _) if !repeated => id.clone(),
            (None, 0) if !one_of_many => job.source.clone(),
            (_, record) => format!("{}#{record}", job.source),
        };
        ArticleKeys {
            id_hash: fnv1a(article_identity(&job.source, &id).as_bytes()),
            id,
            path: lossless_name(article.path.as_os_str()).into_owned(),
            published: article.published.filter(|d| is_storable(*d)).map(day),
        }
    }
}

fn passage_document(
    fields: &Fields,
    job: &Job,
    article: &Article,
    keys: &ArticleKeys,
    passage: &AnalyzedPassage,
) -> TantivyDocument {
    let mentions = StoredMentions {
        entities: &passage.entities,
        dates: &passage.dates,
    }
    .to_json();
    // The document's bytes sized for its strings and about 60 numbers,
    // names and dates of 8 bytes and more: tantivy's default of 1 KB made
    // a long passage's document grow and copy its bytes.
    let strings = passage.text.len()
        + article.title.as_ref().map_or(0, String::len)
        + job.source.len()
        + keys.path.len()
        + keys.id.len()
        + article.url.as_ref().map_or(0, String::len)
        + article.section.as_ref().map_or(0, |s| 2 * s.len())
        + passage
            .entities
            .iter()
            .map(|e| 2 * e.canonical.len())
            .sum::<usize>()
        + mentions.len();
    let mut doc = TantivyDocument::with_capacity(strings + 512);
    doc.add_text(fields.text, &passage.text);
    if let Some(title) = &article.title {
        doc.add_text(fields.title, title);
    }
    doc.add_text(fields.source, &job.source);
    doc.add_text(fields.path, &keys.path);
    doc.add_text(fields.article, &keys.id);
    doc.add_u64(fields.article_hash, keys.id_hash);
    if let Some(url) = &article.url {
        doc.add_text(fields.url, url);
    }
    if let Some(section) = article.section.as_deref().map(str::trim)
        && !section.is_empty()
    {
        doc.add_text(fields.section, section);
    }
    if let Some(published) = keys.published {
        doc.add_date(fields.published, published);
    }
    doc.add_u64(fields.fingerprint, job.fingerprint);
    doc.add_u64(fields.ordinal, passage.ordinal as u64);
    doc.add_u64(fields.start, passage.range.start as u64);
    doc.add_u64(fields.end, passage.range.end as u64);
    doc.add_u64(fields.line, passage.line as u64);

    // Fx, not SipHash: the keys are the analysis' own names, hashed for
    // every passage (SipHash was 0.4 % of an index's instructions).
    // Both sized for every mention to be a name of its own: grown from
    // empty, they were rehashed a few times a passage.
    let mut names = FxHashSet::with_capacity_and_hasher(passage.entities.len(), Default::default());
    // Entity counts add up a name's spellings ("OPEC", "Opec"; see
    // `name_key`), so a passage holds one facet key per name: with two
    // spellings of one name ("Texaco Inc" and "Texaco", which canonical
    // names leave apart), it would count twice.
    let mut counted =
        FxHashSet::with_capacity_and_hasher(passage.entities.len(), Default::default());
    for entity in &passage.entities {
        if let Some(initials) = written_initials(entity.label, &entity.text, &entity.canonical)
            && names.insert((entity.label, initials))
        {
            doc.add_text(fields.entity(entity.label), initials);
        }
        if names.insert((entity.label, entity.canonical.as_str())) {
            doc.add_text(fields.entity(entity.label), &entity.canonical);
            if counted.insert((entity.label, name_key(entity.label, &entity.canonical))) {
                doc.add_text(
                    fields.entity_key,
                    entity_key(entity.label, &entity.canonical),
                );
            }
        }
    }
    let signature = Signature::of(&passage.text);
    for band in signature.bands() {
        doc.add_u64(fields.minhash_band, band);
    }
    doc.add_u64(fields.minhash, signature.sketch().0);
    let mut points = FxHashSet::default();
    // The latest first day of a mention. A mention sorts by its first day:
    // "June 2024" after "June 15, 2024" and before July, "the 2020s" as
    // 2020, not 2029. Without it a passage that mentions only months or
    // years sorted among the undated ones.
    let mut latest_start = None;
    for date in &passage.dates {
        if matches!(date.kind, TimexType::Date | TimexType::Time) {
            // A mention of the year 1066 is real but cannot be stored as a date.
            let covered: Vec<_> = calendar_points(&date.value)
                .into_iter()
                .filter(|p| is_storable(p.date))
                .collect();
            let start = covered.iter().map(|p| p.date).min();
            latest_start = latest_start.max(start);
            points.extend(covered);
        }
    }
    if let Some(latest) = latest_start {
        doc.add_date(fields.latest_mention, day(latest));
    }
    for point in points {
        let field = fields.mentioned_date(point.unit, point.widened);
        doc.add_date(field, day(point.date));
    }
    doc.add_text(fields.mentions, mentions);
    doc
}

/// The stored `mentions` field: what a hit shows without analysing again.
/// Its JSON is what serde_json makes of it (the tests compare them).
#[cfg_attr(test, derive(serde::Serialize))]
struct StoredMentions<'a> {
    entities: &'a [crate::entities::Entity],
    dates: &'a [crate::dates::TimeExpression],
}

impl StoredMentions<'_> {
    /// The JSON, written into a buffer sized for it up front: grown from
    /// serde_json's 128 bytes, it was copied several times a passage. The
    /// keys, labels and types are written as they are: through serde, each
    /// was escaped as any string is, and that and the serializer's calls
    /// for each field were two thirds of the 65M instructions this took
    /// for `bench/profile.sh`'s subset. Only the mentions' own strings go
    /// through serde_json's escaping.
    fn to_json(&self) -> String {
        // Each mention's keys, numbers and quotes take under 90 bytes
        // beside its strings.
        let entities: usize = self
            .entities
            .iter()
            .map(|e| e.text.len() + e.canonical.len() + 90)
            .sum();
        let dates: usize = self
            .dates
            .iter()
            .map(|d| d.text.len() + d.value.len() + 90)
            .sum();
        let mut json = Vec::with_capacity(32 + entities + dates);
        json.extend_from_slice(b"{\"entities\":[");
        for (index, entity) in self.entities.iter().enumerate() {
            if index > 0 {
                json.push(b',');
            }
            json.extend_from_slice(b"{\"text\":");
            push_json_string(&mut json, &entity.text);
            json.extend_from_slice(b",\"label\":\"");
            json.extend_from_slice(entity.label.as_str().as_bytes());
            json.extend_from_slice(b"\",\"start\":");
            push_decimal(&mut json, entity.start);
            json.extend_from_slice(b",\"end\":");
            push_decimal(&mut json, entity.end);
            json.extend_from_slice(b",\"canonical\":");
            push_json_string(&mut json, &entity.canonical);
            json.push(b'}');
        }
        json.extend_from_slice(b"],\"dates\":[");
        for (index, date) in self.dates.iter().enumerate() {
            if index > 0 {
                json.push(b',');
            }
            json.extend_from_slice(b"{\"text\":");
            push_json_string(&mut json, &date.text);
            json.extend_from_slice(b",\"type\":\"");
            json.extend_from_slice(date.kind.as_str().as_bytes());
            json.extend_from_slice(b"\",\"value\":");
            push_json_string(&mut json, &date.value);
            json.extend_from_slice(b",\"start\":");
            push_decimal(&mut json, date.start);
            json.extend_from_slice(b",\"end\":");
            push_decimal(&mut json, date.end);
            json.push(b'}');
        }
        json.extend_from_slice(b"]}");
        String::from_utf8(json).expect("the JSON is written from strings and ASCII")
    }
}

/// Appends `text` as a JSON string, quoted and escaped by serde_json.
fn push_json_string(json: &mut Vec<u8>, text: &str) {
    serde_json::to_writer(json, text).expect("a string serialises into memory");
}

/// Appends `number` in decimal.
fn push_decimal(json: &mut Vec<u8>, mut number: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (number % 10) as u8;
        number /= 10;
        if number == 0 {
            break;
        }
    }
    json.extend_from_slice(&digits[at..]);
}

/// A note for a user of an index whose entities and dates an older
/// newsdex found (or that a run left half read again), naming the command
/// that reads its files again; `None` when every article was read by this
/// newsdex's analysis, or the index is empty.
pub fn older_analysis_note(news: &NewsIndex) -> Result<Option<String>> {
    let Some(meta) = news.commit_meta() else {
        return Ok(None);
    };
    if meta.analysis == Some(ANALYSIS_VERSION) || news.searcher()?.num_docs() == 0 {
        return Ok(None);
    }
    let corpus = meta
        .corpus
        .as_ref()
        .map_or_else(|| "FOLDER".to_string(), |c| c.display().to_string());
    Ok(Some(format!(
        "{} holds entities and dates found by another version of newsdex; \
         `newsdex index {corpus} --index {}` finds them again",
        news.dir.display(),
        news.dir.display()
    )))
}

/// Says on stderr what [`older_analysis_note`] finds, for the commands
/// that read an index a user names (`search`, `serve`, `export`, ...).
pub fn note_older_analysis(news: &NewsIndex) -> Result<()> {
    if let Some(note) = older_analysis_note(news)? {
        eprintln!("newsdex: note: {note}");
    }
    Ok(())
}

/// The facet key of an entity: `PER:Vladimir Putin`.
pub fn entity_key(label: EntityLabel, canonical: &str) -> String {
    // Not `format!`: built for every name of every passage.
    let label = label.as_str();
    let mut key = String::with_capacity(label.len() + 1 + canonical.len());
    key.push_str(label);
    key.push(':');
    key.push_str(canonical);
    key
}

/// The years a stored date can hold: tantivy keeps dates as nanoseconds
/// since 1970 in an i64, which reaches from 1677 to 2262.
pub fn is_storable(date: NaiveDate) -> bool {
    (FIRST_STORABLE_YEAR..=LAST_STORABLE_YEAR).contains(&date.year())
}

/// The first and last years [`is_storable`].
pub const FIRST_STORABLE_YEAR: i32 = 1678;
pub const LAST_STORABLE_YEAR: i32 = 2261;

/// Whether a range (`None` an open side) lies wholly outside the storable
/// years, so that no stored date can be in it.
pub fn outside_storable(since: Option<NaiveDate>, until: Option<NaiveDate>) -> bool {
    until.is_some_and(|d| d.year() < FIRST_STORABLE_YEAR)
        || since.is_some_and(|d| d.year() > LAST_STORABLE_YEAR)
}

/// Midnight UTC of a calendar day, the way every date is stored; days
/// outside the storable years are clamped to its ends (which is what a
/// range bound such as `--until 9999` means anyway).
pub fn day(date: NaiveDate) -> DateTime {
    let first = NaiveDate::from_ymd_opt(FIRST_STORABLE_YEAR, 1, 1).expect("a valid date");
    let last = NaiveDate::from_ymd_opt(LAST_STORABLE_YEAR, 12, 31).expect("a valid date");
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

/// Whether the source key `source` is the path `path` (a source key too)
/// or lies under it; every key lies under the corpus root's empty key.
fn is_under(source: &str, path: &str) -> bool {
    path.is_empty()
        || source
            .strip_prefix(path)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The source key of a file: its path relative to the corpus root, with `/`,
/// each component spelt by [`lossless_name`], so that two names apart only
/// in bytes that are not UTF-8 are two keys.
fn source_key(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let mut key = String::with_capacity(relative.as_os_str().len());
    for component in relative.components() {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str(&lossless_name(component.as_os_str()));
    }
    key
}

/// A file name or path as text, reversibly: a name in UTF-8 is itself, a
/// byte that is not UTF-8 is `%` and its two hex digits (`caf\xE9.txt` is
/// `caf%E9.txt`), and a `%` that would read as such an escape (followed by
/// `25` or by the hex digits of a byte from `80` to `FF`) is `%25`. So names
/// apart only in bytes that are not UTF-8 stay apart (`to_string_lossy`
/// made them all `caf\u{FFFD}.txt`, one source key for many files), and a
/// UTF-8 name keeps its spelling unless it holds such a `%` sequence.
pub fn lossless_name(name: &std::ffi::OsStr) -> std::borrow::Cow<'_, str> {
    let bytes = name.as_encoded_bytes();
    let reads_as_escape = |rest: &[u8]| match rest {
        [b'2', b'5', ..] => true,
        [high, low, ..] => {
            matches!(high, b'8'..=b'9' | b'A'..=b'F') && matches!(low, b'0'..=b'9' | b'A'..=b'F')
        }
        _ => false,
    };
    if let Ok(text) = std::str::from_utf8(bytes)
        && !text
            .match_indices('%')
            .any(|(at, _)| reads_as_escape(&bytes[at + 1..]))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for (start, chunk) in chunk_offsets(bytes) {
        let valid = chunk.valid();
        for (at, c) in valid.char_indices() {
            // What follows this `%` in the name, past this chunk too.
            if c == '%' && reads_as_escape(&bytes[start + at + 1..]) {
                out.push_str("%25");
            } else {
                out.push(c);
            }
        }
        for byte in chunk.invalid() {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The UTF-8 chunks of `bytes`, each with the offset it starts at.
fn chunk_offsets(bytes: &[u8]) -> impl Iterator<Item = (usize, std::str::Utf8Chunk<'_>)> {
    let mut start = 0;
    bytes.utf8_chunks().map(move |chunk| {
        let at = start;
        start += chunk.valid().len() + chunk.invalid().len();
        (at, chunk)
    })
}

/// FNV-1a over the file's size and modification time, the analysis
/// version and the load options that change what the file yields: stable
/// across runs and Rust versions. `--default-date` counts for every file
/// (any article may lack a date), `--max-file-size` for a file it cuts; a
/// run without them fingerprints a file as runs before them did.
fn fingerprint(file: &SourceFile, options: &LoadOptions) -> u64 {
    let mut bytes: Vec<u8> = file
        .size
        .to_le_bytes()
        .into_iter()
        .chain(file.modified_ns.to_le_bytes())
        .chain(ANALYSIS_VERSION.to_le_bytes())
        .collect();
    if let Some(date) = options.default_date {
        bytes.push(b'd');
        bytes.extend(i64::from(date.num_days_from_ce()).to_le_bytes());
    }
    if file.size > options.max_file_bytes as u64 {
        bytes.push(b'm');
        bytes.extend((options.max_file_bytes as u64).to_le_bytes());
    }
    fnv1a(&bytes)
}

/// 64-bit FNV-1a: stable across runs, platforms and Rust versions.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The files an index holds, by source key, with the fingerprint of the
/// reading their passages come from. Keys are local paths, so a fast
/// non-keyed hash is safe; the walk looks up every file of the corpus here.
type IndexedFiles = FxHashMap<String, Reading>;

/// The fingerprint of the one reading of a file whose passages the index
/// holds, or `None` when they come from several: an index written by an
/// earlier newsdex can hold a changed file's old passages beside its new
/// ones (see [`run_writer`]). Whichever fingerprint the walk compared such
/// a file with, the index does not hold it as it is, so the walk reads it
/// again, and replacing it deletes the passages of every reading.
type Reading = Option<u64>;

/// The reading of a file whose passages come from `reading` and `other`.
fn together(reading: Reading, other: Reading) -> Reading {
    if reading == other { reading } else { None }
}

/// The files the last commit holds, with their fingerprints.
fn indexed_files(news: &NewsIndex) -> Result<IndexedFiles> {
    let searcher = news.searcher()?;
    let mut files = IndexedFiles::default();
    for segment in searcher.segment_readers() {
        let fast = segment.fast_fields();
        let Some(sources) = fast.str("source")? else {
            continue;
        };
        let fingerprints = fast.u64("fingerprint")?;
        // Source ordinals are dense, so a table by ordinal gathers each
        // file's reading from its passages in ordinal order.
        let mut by_ordinal: Vec<Option<Reading>> = vec![None; sources.num_terms()];
        for doc in segment.doc_ids_alive() {
            if let (Some(ord), Some(fp)) = (sources.term_ords(doc).next(), fingerprints.first(doc))
            {
                match &mut by_ordinal[ord as usize] {
                    Some(Some(known)) if *known == fp => {}
                    unseen @ None => *unseen = Some(Some(fp)),
                    Some(reading) => *reading = None,
                }
            }
        }
        // One pass over the sorted ordinals decompresses each dictionary
        // block once; a lookup per ordinal would decompress it every time.
        let ordinals: Vec<u64> = (0u64..)
            .zip(&by_ordinal)
            .filter_map(|(ord, reading)| reading.map(|_| ord))
            .collect();
        let mut readings = by_ordinal.into_iter().flatten();
        files.reserve(ordinals.len());
        sources
            .dictionary()
            .sorted_ords_to_term_cb(&ordinals, |name| {
                if let Some(reading) = readings.next() {
                    // A file's passages may lie in several segments.
                    files
                        .entry(String::from_utf8_lossy(name).into_owned())
                        .and_modify(|known| *known = together(*known, reading))
                        .or_insert(reading);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_mentions_are_the_json_serde_makes_of_them() {
        use crate::dates::{TimeExpression, TimexType};
        use crate::entities::{Entity, EntityLabel};
        let strings = [
            "",
            "Ilham Aliyev",
            "\"quoted\" \\ back\\slash",
            "tab\tnew\nline\r\u{0}\u{1f}\u{7f}",
            "Zürich 東京 \u{2028}\u{2029} 🙂",
        ];
        let numbers = [0, 7, 10, 99, 12_345, usize::MAX];
        let labels = [
            EntityLabel::Person,
            EntityLabel::Organization,
            EntityLabel::Location,
            EntityLabel::Misc,
        ];
        let kinds = [
            TimexType::Date,
            TimexType::Time,
            TimexType::Duration,
            TimexType::Set,
        ];
        let entities: Vec<Entity> = (0..strings.len() * numbers.len())
            .map(|i| Entity {
                text: strings[i % strings.len()].to_string(),
                label: labels[i % labels.len()],
                start: numbers[i % numbers.len()],
                end: numbers[(i + 1) % numbers.len()],
                canonical: strings[(i / numbers.len()) % strings.len()].to_string(),
            })
            .collect();
        let dates: Vec<TimeExpression> = (0..strings.len() * numbers.len())
            .map(|i| TimeExpression {
                text: strings[(i + 2) % strings.len()].to_string(),
                kind: kinds[i % kinds.len()],
                value: strings[(i / numbers.len()) % strings.len()].to_string(),
                start: numbers[(i + 3) % numbers.len()],
                end: numbers[i % numbers.len()],
            })
            .collect();
        for (entities, dates) in [
            (&entities[..0], &dates[..0]),
            (&entities[..1], &dates[..0]),
            (&entities[..0], &dates[..1]),
            (&entities[..], &dates[..]),
        ] {
            let mentions = StoredMentions { entities, dates };
            assert_eq!(
                mentions.to_json(),
                serde_json::to_string(&mentions).unwrap()
            );
        }
    }

    #[test]
    fn a_source_is_under_its_folders_and_the_root_only() {
        let cases = [
            ("old/a.txt", "old", true),
            ("old/a.txt", "old/a.txt", true),
            ("old/a.txt", "", true),
            ("older/a.txt", "old", false),
            ("old.txt", "old", false),
            ("b.txt", "old", false),
        ];
        for (source, path, under) in cases {
            assert_eq!(is_under(source, path), under, "{source} under {path:?}");
        }
    }

    /// Undoes [`lossless_name`].
    #[cfg(unix)]
    fn unescape(name: &str) -> Vec<u8> {
        let bytes = name.as_bytes();
        let mut out = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let hex = bytes
                .get(at + 1..at + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            let upper_hex = |h: &str| h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'A'..=b'F'));
            let escape = |h: &&str| *h == "25" || (upper_hex(h) && h >= &"80");
            match hex.filter(escape) {
                Some(h) if bytes[at] == b'%' => {
                    out.push(u8::from_str_radix(h, 16).unwrap());
                    at += 3;
                }
                _ => {
                    out.push(bytes[at]);
                    at += 1;
                }
            }
        }
        out
    }

    #[cfg(unix)]
    #[test]
    fn names_apart_only_in_bytes_that_are_not_utf8_are_apart() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let name = |bytes: &[u8]| lossless_name(OsStr::from_bytes(bytes)).into_owned();
        assert_eq!(name(b"caf\xe9.txt"), "caf%E9.txt");
        assert_eq!(name(b"caf\xe8.txt"), "caf%E8.txt");
        // UTF-8 names keep their spelling, `%` and all.
        for kept in ["café.txt", "100%.txt", "a%20b.html", "%2", "%"] {
            assert_eq!(name(kept.as_bytes()), kept);
        }
        // Every name has its own key, and the key gives the name back.
        let names: [&[u8]; 12] = [
            b"caf\xe9.txt",
            b"caf%E9.txt",
            b"caf%25E9.txt",
            b"caf%\xe9.txt",
            b"caf%2\xe9.txt",
            b"caf%%E9.txt",
            b"caf%25.txt",
            b"\xff\xfe",
            b"%FF%FE",
            "caf\u{e9}.txt".as_bytes(),
            b"a%8",
            b"a%8\x80",
        ];
        let keys: HashSet<String> = names.iter().map(|n| name(n)).collect();
        assert_eq!(keys.len(), names.len(), "{keys:?}");
        for original in names {
            assert_eq!(unescape(&name(original)), original, "{}", name(original));
        }
    }

    #[test]
    fn one_indexing_thread_per_two_workers() {
        let threads: Vec<usize> = [1, 2, 3, 4, 8, 16].map(indexing_threads).to_vec();
        assert_eq!(threads, vec![1, 1, 1, 2, 4, 4]);
    }

    #[test]
    fn compaction_merges_many_small_segments_in_bounded_groups() {
        let sizes =
            |groups: Vec<Vec<u32>>| -> Vec<u32> { groups.iter().map(|g| g.iter().sum()).collect() };
        // Eighteen arena-sized segments of a large run: a few big merges.
        let run: Vec<(u32, u32)> = (0..18).map(|_| (110_000, 110_000)).collect();
        assert_eq!(
            sizes(compaction_groups(run)),
            vec![550_000, 550_000, 550_000, 330_000]
        );
        let run: Vec<(u32, u32)> = (0..12).map(|_| (60_000, 60_000)).collect();
        assert_eq!(sizes(compaction_groups(run)), vec![600_000, 120_000]);
        // Too few small segments, or only large ones: nothing to do.
        assert!(compaction_groups(vec![(5, 5), (7, 7), (9, 9)]).is_empty());
        let large: Vec<(u32, u32)> = (0..8).map(|_| (310_000, 310_000)).collect();
        assert!(compaction_groups(large).is_empty());
    }

    #[test]
    fn the_walk_counts_every_file_it_passes_over_in_few_messages() {
        let corpus = tempfile::tempdir().unwrap();
        for n in 0..PASSED_BATCH {
            std::fs::write(corpus.path().join(format!("{n}.txt")), "Story.").unwrap();
        }
        for n in 0..3 {
            std::fs::write(corpus.path().join(format!("{n}.jpg")), "JFIF").unwrap();
        }
        let config = IndexConfig {
            corpus: corpus.path().to_path_buf(),
            index_dir: corpus.path().join("index"),
            mode: Mode::Incremental,
            load: LoadOptions::default(),
            threads: 1,
            commit_every: COMMIT_EVERY_BYTES,
        };
        let indexed: IndexedFiles = corpus::walk(&config.corpus, None)
            .filter_map(|found| match found {
                Found::File(file) => Some((
                    source_key(&config.corpus, &file.path),
                    Some(fingerprint(&file, &config.load)),
                )),
                _ => None,
            })
            .collect();
        let (jobs, queued) = crossbeam_channel::unbounded();
        let (messages, received) = crossbeam_channel::unbounded();
        walk_corpus(&config, indexed, &jobs, &messages);
        drop(messages);
        let batches: Vec<Passed> = received
            .iter()
            .filter_map(|message| match message {
                Message::Passed(passed) => Some(passed),
                Message::UnknownKinds(_) => None,
                _ => panic!("every file is unchanged or of an unknown type"),
            })
            .collect();
        let total = batches.iter().fold(Passed::default(), |sum, batch| Passed {
            unchanged: sum.unchanged + batch.unchanged,
            unknown: sum.unknown + batch.unknown,
        });
        assert_eq!(
            total,
            Passed {
                unchanged: PASSED_BATCH,
                unknown: 3
            }
        );
        assert_eq!(batches.len(), 2);
        assert!(queued.is_empty());
    }

    /// An index of `segments` committed segments of 3 passages each.
    fn index_of_small_segments(dir: &Path, segments: usize) -> NewsIndex {
        let news = NewsIndex::open_or_create(dir).unwrap();
        let mut writer: IndexWriter<TantivyDocument> = news.index.writer(15_000_000).unwrap();
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        for segment in 0..segments {
            for passage in 0..3 {
                let mut doc = TantivyDocument::new();
                doc.add_text(
                    news.fields.text,
                    format!("segment {segment} passage {passage}"),
                );
                writer.add_document(doc).unwrap();
            }
            commit(&mut writer, &CommitMeta::new(dir)).unwrap();
        }
        news
    }

    /// The stored texts of an index, sorted, and its segment count.
    fn texts_and_segments(dir: &Path) -> (Vec<String>, usize) {
        let reopened = NewsIndex::open_or_create(dir).unwrap();
        let searcher = reopened.searcher().unwrap();
        let mut texts = Vec::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            for doc in segment.doc_ids_alive() {
                let address = tantivy::DocAddress::new(ord as u32, doc);
                let doc: TantivyDocument = searcher.doc(address).unwrap();
                texts.push(stored_text(&doc, reopened.fields.text).unwrap().to_string());
            }
        }
        texts.sort();
        (texts, searcher.segment_readers().len())
    }

    #[test]
    fn compaction_merges_segments_into_one_that_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let news = index_of_small_segments(dir.path(), COMPACT_MIN_SEGMENTS);
        compact(&news, MERGES_AT_ONCE).unwrap();

        let (texts, segments) = texts_and_segments(dir.path());
        assert_eq!(segments, 1);
        assert_eq!(texts.len(), 3 * COMPACT_MIN_SEGMENTS);
        assert_eq!(texts[0], "segment 0 passage 0");
        assert_eq!(texts[texts.len() - 1], "segment 3 passage 2");
    }

    #[test]
    fn merges_at_once_keep_every_passage_of_every_group() {
        let dir = tempfile::tempdir().unwrap();
        let news = index_of_small_segments(dir.path(), 7);
        let ids: Vec<_> = news
            .index
            .searchable_segment_metas()
            .unwrap()
            .iter()
            .map(|m| m.id())
            .collect();
        let groups = [ids[..3].to_vec(), ids[3..5].to_vec(), ids[5..].to_vec()];
        merge_groups(&news, &groups, 2).unwrap();

        let (texts, segments) = texts_and_segments(dir.path());
        assert_eq!(segments, 3);
        let expected: Vec<String> = (0..7)
            .flat_map(|s| (0..3).map(move |p| format!("segment {s} passage {p}")))
            .collect();
        assert_eq!(texts, expected);
    }

    /// A passage document of `source`, read at `fingerprint`.
    fn passage_of(fields: &Fields, source: &str, fingerprint: u64) -> TantivyDocument {
        let mut doc = TantivyDocument::new();
        doc.add_text(fields.text, format!("{source} at {fingerprint}"));
        doc.add_text(fields.source, source);
        doc.add_u64(fields.fingerprint, fingerprint);
        doc
    }

    /// The ids of the index's committed segments.
    fn segment_ids(news: &NewsIndex) -> Vec<tantivy::index::SegmentId> {
        let metas = news.index.searchable_segment_metas().unwrap();
        metas.iter().map(|meta| meta.id()).collect()
    }

    /// The fingerprints of the passages of `source` a new reader of the
    /// index finds, one a passage.
    fn fingerprints_of(dir: &Path, source: &str) -> Vec<u64> {
        let news = NewsIndex::open(dir).unwrap();
        let term = Term::from_field_text(news.fields.source, source);
        let query = tantivy::query::TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic);
        let searcher = news.searcher().unwrap();
        let passages = searcher
            .search(&query, &tantivy::collector::DocSetCollector)
            .unwrap();
        passages
            .into_iter()
            .map(|address| {
                let doc: TantivyDocument = searcher.doc(address).unwrap();
                doc.get_first(news.fields.fingerprint)
                    .and_then(|value| value.as_u64())
                    .unwrap()
            })
            .collect()
    }

    #[test]
    fn a_run_whose_first_change_is_a_removal_removes_the_file_while_segments_merge() {
        let dir = tempfile::tempdir().unwrap();
        let news = NewsIndex::open_or_create(dir.path()).unwrap();
        let fields = news.fields;
        let meta = CommitMeta::new(dir.path());
        // An earlier run: one commit of `a.txt`, one of `gone.txt` and
        // `edited.txt`, and a last one that replaced `edited.txt`, so the
        // second segment's deletions date from the last commit.
        let mut earlier = run_writer(&news, 1, Mode::Incremental).unwrap();
        earlier
            .add_document(passage_of(&fields, "a.txt", 1))
            .unwrap();
        commit(&mut earlier, &meta).unwrap();
        let first = segment_ids(&news);
        earlier
            .add_document(passage_of(&fields, "gone.txt", 1))
            .unwrap();
        earlier
            .add_document(passage_of(&fields, "edited.txt", 1))
            .unwrap();
        commit(&mut earlier, &meta).unwrap();
        let second: Vec<_> = segment_ids(&news)
            .into_iter()
            .filter(|id| !first.contains(id))
            .collect();
        earlier.delete_term(Term::from_field_text(fields.source, "edited.txt"));
        earlier
            .add_document(passage_of(&fields, "edited.txt", 2))
            .unwrap();
        commit(&mut earlier, &meta).unwrap();
        earlier.wait_merging_threads().unwrap();

        // The next run finds `gone.txt` removed before anything else, and
        // the merge policy merges the first two segments before the run's
        // first commit (as it does when the run flushes its first segment).
        let news = NewsIndex::open(dir.path()).unwrap();
        let mut next = run_writer(&news, 1, Mode::Incremental).unwrap();
        next.delete_term(Term::from_field_text(fields.source, "gone.txt"));
        let both = [first[0], second[0]];
        next.merge(&both).wait().unwrap();
        commit(&mut next, &meta).unwrap();
        next.wait_merging_threads().unwrap();

        assert_eq!(fingerprints_of(dir.path(), "gone.txt"), [0u64; 0]);
        assert_eq!(fingerprints_of(dir.path(), "edited.txt"), [2]);
        assert_eq!(fingerprints_of(dir.path(), "a.txt"), [1]);
    }

    #[test]
    fn a_file_indexed_in_two_readings_is_read_again_and_kept_once() {
        // Whether the old reading shares a segment with the current one.
        for merged in [false, true] {
            let root = tempfile::tempdir().unwrap();
            let corpus = root.path().join("corpus");
            std::fs::create_dir(&corpus).unwrap();
            std::fs::write(corpus.join("s.txt"), "The walrus slept.\n").unwrap();
            let config = IndexConfig {
                corpus: corpus.clone(),
                index_dir: root.path().join("index"),
                mode: Mode::Incremental,
                load: LoadOptions::default(),
                threads: 1,
                commit_every: COMMIT_EVERY_BYTES,
            };
            run(&config, &mut |_| {}).unwrap();
            let current = fingerprints_of(&config.index_dir, "s.txt");
            assert_eq!(current.len(), 1);

            // An index an earlier newsdex left with the passages of an old
            // reading of `s.txt` beside those of the current one. Read
            // first (their segment is the larger) or first in the merged
            // segment, the current reading's fingerprint hid them.
            let news = NewsIndex::open(&config.index_dir).unwrap();
            let before = segment_ids(&news);
            let mut writer: IndexWriter<TantivyDocument> = news.index.writer(15_000_000).unwrap();
            writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
            for _ in 0..3 {
                writer
                    .add_document(passage_of(&news.fields, "s.txt", 7))
                    .unwrap();
            }
            let mut meta = CommitMeta::new(&corpus);
            meta.analysis = Some(ANALYSIS_VERSION);
            commit(&mut writer, &meta).unwrap();
            writer.wait_merging_threads().unwrap();
            if merged {
                let old: Vec<_> = segment_ids(&news)
                    .into_iter()
                    .filter(|id| !before.contains(id))
                    .collect();
                merge_groups(&news, &[[before, old].concat()], 1).unwrap();
            }
            drop(news);

            let summary = run(&config, &mut |_| {}).unwrap();
            assert_eq!(summary.updated, 1, "merged: {merged}");
            assert_eq!(
                fingerprints_of(&config.index_dir, "s.txt"),
                current,
                "merged: {merged}"
            );
        }
    }

    #[test]
    fn a_run_after_one_stopped_while_committing_commits_the_same_changes() {
        let dir = tempfile::tempdir().unwrap();
        let news = NewsIndex::open_or_create(dir.path()).unwrap();
        let fields = news.fields;
        let meta = CommitMeta::new(dir.path());
        let mut first = run_writer(&news, 1, Mode::Incremental).unwrap();
        first.add_document(passage_of(&fields, "a.txt", 1)).unwrap();
        first.add_document(passage_of(&fields, "b.txt", 1)).unwrap();
        commit(&mut first, &meta).unwrap();
        first.wait_merging_threads().unwrap();
        let committed = std::fs::read(dir.path().join("meta.json")).unwrap();

        // A run that removes `a.txt`, stopped after writing the deletions
        // of its commit, before its meta.json: the index is as it was.
        let news = NewsIndex::open(dir.path()).unwrap();
        let mut killed = run_writer(&news, 1, Mode::Incremental).unwrap();
        killed.delete_term(Term::from_field_text(fields.source, "a.txt"));
        commit(&mut killed, &meta).unwrap();
        killed.wait_merging_threads().unwrap();
        std::fs::write(dir.path().join("meta.json"), committed).unwrap();

        // The next run removes `b.txt` from the same segment, at the same
        // opstamps.
        let news = NewsIndex::open(dir.path()).unwrap();
        let mut next = run_writer(&news, 1, Mode::Incremental).unwrap();
        next.delete_term(Term::from_field_text(fields.source, "b.txt"));
        commit(&mut next, &meta).unwrap();
        next.wait_merging_threads().unwrap();
        assert_eq!(fingerprints_of(dir.path(), "a.txt"), [1]);
        assert_eq!(fingerprints_of(dir.path(), "b.txt"), [0u64; 0]);
    }
}
