//! Command-line arguments (clap types stop here), their validation, and
//! command dispatch. Results go to stdout; progress, warnings and summaries
//! to stderr.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use newsdex::corpus::{self, LoadOptions};
use newsdex::entities::EntityLabel;
use newsdex::indexer::{self, Event, IndexConfig, IndexSummary, Mode};
use newsdex::output::{self, Format, Style};
use newsdex::search::{self, DateSide, SearchRequest};
use newsdex::store::{self, NewsIndex};
use newsdex::{dates, entities, extract};

/// The index folder used when `--index` is not given.
const DEFAULT_INDEX: &str = "index";
/// The corpus folder used when none is given.
const DEFAULT_CORPUS: &str = "corpus";

#[derive(Debug, Parser)]
#[command(
    name = "newsdex",
    version,
    about = "Search folders of news by passage, entity and date",
    long_about = "newsdex indexes a folder of news articles (txt, md, html, json, jsonl) as passages \
                  that carry the people, organisations, places and dates they mention, and returns \
                  ranked passages with highlighted snippets.",
    after_help = "Examples:\n  newsdex index corpus\n  newsdex search Aliyev\n  \
                  newsdex search 'plane crash' --since 2024-12-01 --until 2024-12-31 --format json\n  \
                  newsdex extract --published 2024-12-30 article.txt"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build or update the index from a folder of news.
    Index(IndexArgs),
    /// Search the index for ranked passages.
    Search(SearchArgs),
    /// Print the entities and dates found in files, as JSON Lines.
    Extract(ExtractArgs),
    /// Train the entity model from CoNLL-2003 data.
    TrainNer(entities::train::TrainNerArgs),
    /// Score entity extraction CoNLL-style.
    EvalNer(entities::eval::EvalNerArgs),
    /// Score time-expression extraction as TempEval-3 Task A.
    EvalDates(dates::eval::EvalDatesArgs),
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  newsdex index\n  newsdex index ~/news --index ~/news-index\n  \
                        newsdex index ~/news --default-date 2024-12-30 --rebuild"
)]
pub struct IndexArgs {
    /// Folder of news articles.
    #[arg(default_value = DEFAULT_CORPUS)]
    pub corpus: PathBuf,
    /// Index folder.
    #[arg(long, default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Start from an empty index instead of updating.
    #[arg(long)]
    pub rebuild: bool,
    /// Publication date (YYYY-MM-DD) for articles that have none.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub default_date: Option<NaiveDate>,
    /// Worker threads for loading and extraction (default: one per core).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Print no progress bar and no summary.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Query syntax: words (all must match), \"exact phrases\", OR, -excluded, \
                        title:word, person:name, org:name, place:name, misc:name.\n\n\
                        Examples:\n  newsdex search Aliyev\n  newsdex search '\"plane crash\"' --person Putin\n  \
                        newsdex search crash --since 2024-12 --until 2024-12 --format jsonl | jq .path\n\n\
                        Exit status: 0 hits found, 1 no hits, 2 error."
)]
pub struct SearchArgs {
    /// The query (tantivy syntax); empty lists passages by the filters alone.
    pub query: String,
    /// Index folder [default: index, built from corpus/ when missing].
    #[arg(long)]
    pub index: Option<PathBuf>,
    /// Most hits to return.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Only passages mentioning this person (repeatable; all must match).
    #[arg(long, value_name = "NAME")]
    pub person: Vec<String>,
    /// Only passages mentioning this organisation (repeatable).
    #[arg(long, value_name = "NAME")]
    pub org: Vec<String>,
    /// Only passages mentioning this place (repeatable).
    #[arg(long, value_name = "NAME")]
    pub place: Vec<String>,
    /// Only passages mentioning a date on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only passages mentioning a date on or before DATE (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Prints one JSON object per article:\n  {\"path\", \"record\", \"published\", \"entities\": \
                        [{\"text\", \"label\", \"start\", \"end\", \"canonical\"}], \"dates\": [{\"text\", \"type\", \
                        \"value\", \"start\", \"end\"}]}\nOffsets are UTF-8 byte offsets into the article's text \
                        (for .txt files: the file's bytes).\n\nExamples:\n  newsdex extract story.txt\n  \
                        echo 'Putin spoke on December 25.' | newsdex extract --published 2024-12-30 -"
)]
pub struct ExtractArgs {
    /// Publication date (YYYY-MM-DD) that relative dates resolve against;
    /// overrides the articles' own.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub published: Option<NaiveDate>,
    /// Files to read (`-` reads standard input as plain text).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

fn parse_day(input: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{input:?} is not a date like 2024-12-30"))
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Index(args) => run_index(args),
        Command::Search(args) => run_search(args),
        Command::Extract(args) => run_extract(args),
        Command::TrainNer(args) => entities::train::run(&args).map(|()| ExitCode::SUCCESS),
        Command::EvalNer(args) => entities::eval::run(&args).map(|()| ExitCode::SUCCESS),
        Command::EvalDates(args) => dates::eval::run(&args).map(|()| ExitCode::SUCCESS),
    }
}

fn run_index(args: IndexArgs) -> anyhow::Result<ExitCode> {
    let config = IndexConfig {
        corpus: args.corpus,
        index_dir: args.index,
        mode: if args.rebuild {
            Mode::Rebuild
        } else {
            Mode::Incremental
        },
        load: LoadOptions {
            default_date: args.default_date,
        },
        threads: args.threads,
    };
    let summary = build_index(&config, args.quiet)?;
    // 3: the run finished, but some files could not be indexed at all.
    Ok(if summary.failed > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs the indexer with a progress bar and warnings on stderr, then prints
/// the summary there.
fn build_index(config: &IndexConfig, quiet: bool) -> anyhow::Result<IndexSummary> {
    let show_progress = !quiet && io::stderr().is_terminal();
    let bar = indicatif::ProgressBar::hidden();
    let mut on_event = |event: Event| match event {
        Event::Planned { bytes, .. } => {
            if show_progress {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                bar.set_length(bytes);
                bar.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{spinner} indexing [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
                    )
                    .expect("the progress template is valid")
                    .progress_chars("=> "),
                );
            }
        }
        Event::FileDone { bytes } => bar.inc(bytes),
        Event::Warning(warning) => bar.suspend(|| eprintln!("newsdex: warning: {warning}")),
    };
    let summary = indexer::run(config, &mut on_event).with_context(|| {
        format!(
            "indexing {} into {}",
            config.corpus.display(),
            config.index_dir.display()
        )
    })?;
    bar.finish_and_clear();
    if !quiet {
        print_summary(&summary);
    }
    Ok(summary)
}

fn print_summary(s: &IndexSummary) {
    let secs = s.elapsed.as_secs_f64();
    let mb = s.bytes as f64 / 1e6;
    eprintln!(
        "newsdex: indexed in {secs:.2}s ({:.1} MB/s): {} added, {} updated, {} removed, {} unchanged; \
         {} articles, {} passages, {} entities, {} dates; {} warnings, {} files failed, {} of unknown type skipped",
        if secs > 0.0 { mb / secs } else { 0.0 },
        s.added,
        s.updated,
        s.removed,
        s.unchanged,
        s.articles,
        s.passages,
        s.entities,
        s.dates,
        s.warnings,
        s.failed,
        s.skipped_unknown,
    );
}

fn run_search(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let since = args
        .since
        .as_deref()
        .map(|d| search::parse_user_date(d, DateSide::First))
        .transpose()?;
    let until = args
        .until
        .as_deref()
        .map(|d| search::parse_user_date(d, DateSide::Last))
        .transpose()?;
    let mut entities = Vec::new();
    for (label, names) in [
        (EntityLabel::Person, &args.person),
        (EntityLabel::Organization, &args.org),
        (EntityLabel::Location, &args.place),
    ] {
        entities.extend(names.iter().map(|n| (label, n.clone())));
    }
    let request = SearchRequest {
        query: args.query.clone(),
        limit: args.limit,
        entities,
        since,
        until,
    };

    let index_dir = match &args.index {
        Some(dir) => dir.clone(),
        None => {
            let dir = PathBuf::from(DEFAULT_INDEX);
            ensure_default_index(&dir)?;
            dir
        }
    };
    let news = NewsIndex::open(&index_dir)?;
    let results = search::search(&news, &request)?;
    let stdout = io::stdout();
    let style = if stdout.is_terminal() {
        Style::Ansi
    } else {
        Style::Plain
    };
    let mut out = io::BufWriter::new(stdout.lock());
    output::write_results(&mut out, args.format, style, &args.query, &results)?;
    out.flush()?;
    Ok(if results.hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Builds the default index from the default corpus the first time a user
/// searches, so `newsdex search Aliyev` works on a fresh clone.
fn ensure_default_index(dir: &Path) -> anyhow::Result<()> {
    if store::exists(dir) {
        return Ok(());
    }
    let corpus = PathBuf::from(DEFAULT_CORPUS);
    if !corpus.is_dir() {
        anyhow::bail!(
            "no index at {} and no {}/ folder to build it from: run `newsdex index FOLDER` first, \
             or pass --index DIR",
            dir.display(),
            corpus.display()
        );
    }
    eprintln!(
        "newsdex: no index yet; building {} from {}/",
        dir.display(),
        corpus.display()
    );
    let config = IndexConfig {
        corpus,
        index_dir: dir.to_path_buf(),
        mode: Mode::Incremental,
        load: LoadOptions::default(),
        threads: 0,
    };
    build_index(&config, false)?;
    Ok(())
}

/// The wire format of `extract`: one object per article.
#[derive(serde::Serialize)]
struct ExtractRecord<'a> {
    path: String,
    record: usize,
    published: Option<String>,
    entities: &'a [entities::Entity],
    dates: &'a [dates::TimeExpression],
}

fn run_extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let options = LoadOptions { default_date: None };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in &args.files {
        let loaded = if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .context("reading standard input")?;
            corpus::load_bytes(Path::new("-.txt"), &bytes, &options)
        } else {
            corpus::load_file(path, &options)
        };
        let loaded = match loaded {
            Ok(loaded) => loaded,
            Err(warning) => {
                eprintln!("newsdex: warning: {warning}");
                failed = true;
                continue;
            }
        };
        for warning in &loaded.warnings {
            eprintln!("newsdex: warning: {warning}");
        }
        for mut article in loaded.articles {
            if args.published.is_some() {
                article.published = args.published;
            }
            let found = extract::extract(&article);
            let record = ExtractRecord {
                path: if path.as_os_str() == "-" {
                    "-".into()
                } else {
                    path.display().to_string()
                },
                record: article.record,
                published: article.published.map(|d| d.to_string()),
                entities: &found.entities,
                dates: &found.dates,
            };
            serde_json::to_writer(&mut out, &record)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
