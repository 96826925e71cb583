//! Command-line arguments (clap types stop here), their validation, and
//! command dispatch. Results go to stdout; progress, warnings and summaries
//! to stderr.

use std::collections::HashSet;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use newsdex::corpus::{self, LoadOptions};
use newsdex::counted::counted;
use newsdex::entities::EntityLabel;
use newsdex::error::Quoted;
use newsdex::indexer::{self, Event, IndexConfig, IndexSummary, Mode};
use newsdex::output::{self, Format, HitOptions, Style};
use newsdex::query::WrittenDate;
use newsdex::search::{
    self, DateSide, Filter, Granularity, NameKind, SearchRequest, Sort, TimeField,
};
use newsdex::store::NewsIndex;
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

/// Each subcommand's arguments are built only when it runs: building all
/// of them, help texts included, was a fifth of a one-shot command's start
/// (0.19 of the 0.87 ms a `--version` took).
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Build or update the index from a folder of news.
    Index(IndexArgs),
    /// Search the index for ranked passages.
    Search(SearchArgs),
    /// The most mentioned entities in the matching passages.
    Entities(EntitiesArgs),
    /// The sections the matching passages' articles ran in, with counts.
    Sections(SectionsArgs),
    /// How the matching passages spread over time.
    Timeline(TimelineArgs),
    /// An article, or one passage with its neighbours, from the index.
    Show(ShowArgs),
    /// Print the entities and dates found in files, as JSON Lines.
    Extract(ExtractArgs),
    /// Serve the JSON API and the search page.
    Serve(newsdex::serve::ServeArgs),
    /// Write the index as NDJSON for Elasticsearch or Quickwit.
    Export(newsdex::export::ExportArgs),
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
    /// Worker threads for loading and extraction, at most 256 (0, the
    /// default: one per core).
    #[arg(long, default_value_t = 0, value_parser = thread_count())]
    pub threads: usize,
    /// Print no progress bar and no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Commit after every BYTES of input: smaller loses less to an
    /// interruption, larger indexes faster.
    #[arg(long, value_name = "BYTES", default_value_t = indexer::COMMIT_EVERY_BYTES, hide_short_help = true)]
    pub commit_every: u64,
    /// Index only the first BYTES of larger files (with a warning).
    #[arg(long, value_name = "BYTES", default_value_t = corpus::MAX_FILE_BYTES, hide_short_help = true)]
    pub max_file_size: usize,
}

/// The query language, shown in `--help`.
const QUERY_HELP: &str = "Query syntax: words (all must match), \"exact phrases\" (\"a b\"~2 allows 2 words between), \
    a OR b (OR, AND and NOT in capitals; a lower-case or is a word), -excluded, (groups), \
    fuzzy words (Aliev~1, Aliev~2), title:word, person:name, org:name, place:name, \
    misc:name, section:politics (the section an article ran in, in any case; \
    section:\"world news\"), published:2024-12 or published:[2024-12-01 TO 2024-12-31], \
    date:[2024-12-20 TO 2024-12-31] (dates the passage mentions; * leaves a side open), and \
    dates in words after in, on, since, after, before or until (crash in December 2024: the \
    words, a date mentioned then, or a story published then).";

// Which passages: the filters every query command shares.
// Not a doc comment: clap would show it as the subcommand's description,
// in place of the one `Command` gives.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Index folder [default: index, built from corpus/ when missing].
    #[arg(long)]
    pub index: Option<PathBuf>,
    /// Only passages mentioning this person (repeatable; all must match).
    #[arg(long, value_name = "NAME")]
    pub person: Vec<String>,
    /// Only passages mentioning this organisation (repeatable).
    #[arg(long, value_name = "NAME")]
    pub org: Vec<String>,
    /// Only passages mentioning this place (repeatable).
    #[arg(long, value_name = "NAME")]
    pub place: Vec<String>,
    /// Only passages mentioning this other name: event, nationality, product (repeatable).
    #[arg(long, value_name = "NAME")]
    pub misc: Vec<String>,
    /// Only passages mentioning this name, whatever its type (repeatable).
    #[arg(long, value_name = "NAME")]
    pub name: Vec<String>,
    /// Only passages of articles that ran in this section, in any case:
    /// "politics" is "Politics", not "UK Politics" (repeatable; any of them
    /// matches; `newsdex sections` lists them).
    #[arg(long, value_name = "SECTION")]
    pub section: Vec<String>,
    /// Only passages mentioning a date on or after DATE (YYYY-MM-DD, YYYY-MM, YYYY, or "December 2024").
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only passages mentioning a date on or before DATE (YYYY-MM-DD, YYYY-MM, YYYY, or "December 2024").
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
}

impl FilterArgs {
    /// The filters given, as they were typed (`--person "Tony Blair"`).
    fn given(&self) -> Vec<String> {
        let mut given = Vec::new();
        for (flag, values) in [
            ("--person", &self.person),
            ("--org", &self.org),
            ("--place", &self.place),
            ("--misc", &self.misc),
            ("--name", &self.name),
            ("--section", &self.section),
        ] {
            given.extend(values.iter().map(|v| format!("{flag} {}", Quoted(v))));
        }
        for (flag, value) in [("--since", &self.since), ("--until", &self.until)] {
            given.extend(value.iter().map(|v| format!("{flag} {v}")));
        }
        given
    }

    fn to_filter(&self, query: &str) -> anyhow::Result<Filter> {
        let since = self
            .since
            .as_deref()
            .map(|d| search::parse_user_date(d, DateSide::First))
            .transpose()?;
        let until = self
            .until
            .as_deref()
            .map(|d| search::parse_user_date(d, DateSide::Last))
            .transpose()?;
        let mut entities = Vec::new();
        for (kind, names) in [
            (NameKind::Of(EntityLabel::Person), &self.person),
            (NameKind::Of(EntityLabel::Organization), &self.org),
            (NameKind::Of(EntityLabel::Location), &self.place),
            (NameKind::Of(EntityLabel::Misc), &self.misc),
            (NameKind::Any, &self.name),
        ] {
            entities.extend(names.iter().map(|n| (kind, n.clone())));
        }
        Ok(Filter {
            query: query.to_string(),
            entities,
            sections: self.section.clone(),
            since,
            until,
        })
    }

    /// Opens the index, building the default one on first use.
    fn open(&self) -> anyhow::Result<NewsIndex> {
        match &self.index {
            Some(dir) => open_named_index(dir),
            None => open_default_index(Path::new(DEFAULT_INDEX)),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortArg {
    /// Most relevant first.
    Score,
    /// Newest publication first.
    Published,
    /// Oldest publication first (undated last): a chronology.
    Oldest,
    /// Latest mentioned date first.
    Date,
}

#[derive(Debug, Args)]
#[command(after_help = concat!(
    "Examples:\n  newsdex search Aliyev\n  newsdex search '\"plane crash\"' --person Putin\n  ",
    "newsdex search crash --since 2024-12 --until 2024-12 --format jsonl | jq .path\n  ",
    "newsdex search 'Aliev~1' --sort published --format csv --fields path,published,snippet\n\n",
    "Exit status: 0 hits found, 1 no hits, 2 error."
))]
pub struct SearchArgs {
    /// The query (`--help` shows the syntax); empty lists passages by the filters alone.
    #[arg(long_help = QUERY_HELP, value_parser = query_arg)]
    pub query: String,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Most hits to return (1 to 1,000,000; `export` writes the whole
    /// index).
    #[arg(long, short = 'n', default_value_t = 10, value_parser = hit_limit())]
    pub limit: usize,
    /// Pass over the first N hits: `--offset 10` lists the second page of
    /// ten (the hits numbered 11 to 20).
    #[arg(long, value_name = "N", default_value_t = 0, value_parser = hit_offset())]
    pub offset: usize,
    /// At most N passages of one article (0: no cap).
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub per_article: usize,
    /// Order of the hits.
    #[arg(long, value_enum, default_value_t = SortArg::Score)]
    pub sort: SortArg,
    /// Add the N passages before and after each hit.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub context: usize,
    /// Show near-duplicate passages separately instead of once with their copies.
    #[arg(long)]
    pub no_collapse: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Keys (JSON) or columns (CSV) to print, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "FIELD,...")]
    pub fields: Vec<String>,
    /// Wrap highlights in the snippet in <mark>…</mark>.
    #[arg(long)]
    pub mark: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EntityTypeArg {
    Person,
    Org,
    Place,
    Misc,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  newsdex entities crash\n  newsdex entities --type person --top 5\n  \
                        newsdex entities 'plane crash' --format csv > who.csv"
)]
pub struct EntitiesArgs {
    /// Count only in passages matching this query (default: the whole index).
    #[arg(default_value = "", long_help = QUERY_HELP, value_parser = query_arg)]
    pub query: String,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Only entities of this type.
    #[arg(long = "type", value_enum)]
    pub kind: Option<EntityTypeArg>,
    /// How many entities to list.
    // `-n`/`--limit` as well: `search` names its count so.
    #[arg(long, short = 'n', visible_alias = "limit", default_value_t = 20, value_parser = hit_limit())]
    pub top: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  newsdex sections\n  newsdex sections budget --since 2005-01\n  \
                        newsdex sections 'plane crash' --format csv > where.csv"
)]
pub struct SectionsArgs {
    /// Count only in passages matching this query (default: the whole index).
    #[arg(default_value = "", long_help = QUERY_HELP, value_parser = query_arg)]
    pub query: String,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// How many sections to list (0: all).
    #[arg(long, short = 'n', visible_alias = "limit", default_value_t = 20)]
    pub top: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  newsdex timeline crash\n  newsdex timeline Aliyev --by day --field mentioned\n  \
                        newsdex timeline 'oil prices' --by year --field published --format csv"
)]
pub struct TimelineArgs {
    /// Count only passages matching this query (default: every passage).
    // Optional as in `entities`: `timeline --person Putin` was refused
    // for want of a query.
    #[arg(default_value = "", long_help = QUERY_HELP, value_parser = query_arg)]
    pub query: String,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Bucket width.
    #[arg(long, value_enum, default_value_t = Granularity::Month)]
    pub by: Granularity,
    /// Count dates the passages mention, or publication dates.
    #[arg(long, value_enum, default_value_t = TimeField::Mentioned)]
    pub field: TimeField,
    /// Output format (text draws a bar chart).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  newsdex show corpus/seed/aliyev-challenges-putin-plane-crash.md\n  \
                        newsdex show corpus/seed/aliyev-challenges-putin-plane-crash.md:13    # a hit's PATH:LINE\n  \
                        newsdex show corpus/seed/aliyev-challenges-putin-plane-crash.md --passage 5 --format json\n  \
                        newsdex show 'day-2.json#id:1'    # one article of a file of many, as search names it"
)]
pub struct ShowArgs {
    /// PATH (as search prints it, or relative to the corpus) or article id;
    /// PATH:LINE, as search prints a hit, shows the passage at that line of
    /// the file with its neighbours.
    pub target: String,
    /// Show passage N of the article (as a hit's `passage`), with its
    /// neighbours.
    #[arg(long, value_name = "N")]
    pub passage: Option<u64>,
    /// Index folder [default: index].
    #[arg(long)]
    pub index: Option<PathBuf>,
    /// Neighbours to show on each side of PATH:LINE or --passage.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub context: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Prints one JSON object per article:\n  {\"path\", \"record\", \"published\", \"section\", \"entities\": \
                        [{\"text\", \"label\", \"start\", \"end\", \"canonical\"}], \"dates\": [{\"text\", \"type\", \
                        \"value\", \"start\", \"end\"}]}\nOffsets are UTF-8 byte offsets into the article's text \
                        (for .txt files: the file's bytes, unless it is HTML or JSON).\n\nExamples:\n  newsdex extract story.txt\n  \
                        echo 'Putin spoke on December 25.' | newsdex extract --published 2024-12-30 -"
)]
pub struct ExtractArgs {
    /// Publication date (YYYY-MM-DD) that relative dates resolve against;
    /// overrides the articles' own.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub published: Option<NaiveDate>,
    /// Files or folders to read (`-` reads standard input: plain text, or the JSON or web page it holds); a
    /// folder is read as `index` reads it.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// The values `--limit` takes: at least one hit, and few enough that the
/// candidates gathered for them fit in memory.
fn hit_limit() -> clap::builder::RangedU64ValueParser<usize> {
    clap::builder::RangedU64ValueParser::new().range(1..=1_000_000)
}

/// The values `--offset` takes: with the limit, the hits gathered stay
/// within what a search of the largest limit gathers.
fn hit_offset() -> clap::builder::RangedU64ValueParser<usize> {
    clap::builder::RangedU64ValueParser::new().range(0..=1_000_000)
}

/// Worker threads an index may ask for: each holds a writer's memory and
/// its stack, and `--threads 100000` started thousands of threads and ran
/// for minutes over three files.
fn thread_count() -> clap::builder::RangedU64ValueParser<usize> {
    clap::builder::RangedU64ValueParser::new().range(0..=256)
}

/// A query as given, without the space before it: `main` puts one before
/// a query that starts with `-` (`'-drone crash'`), which clap would
/// otherwise read as options.
fn query_arg(input: &str) -> Result<String, String> {
    Ok(input.trim_start().to_string())
}

fn parse_day(input: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{input:?} is not a date like 2024-12-30"))
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Index(args) => run_index(args),
        Command::Search(args) => run_search(args),
        Command::Entities(args) => run_entities(args),
        Command::Sections(args) => run_sections(args),
        Command::Timeline(args) => run_timeline(args),
        Command::Show(args) => run_show(args),
        Command::Extract(args) => run_extract(args),
        Command::Serve(args) => newsdex::serve::run(&args),
        Command::Export(args) => newsdex::export::run(&args),
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
            max_file_bytes: args.max_file_size,
        },
        threads: args.threads,
        commit_every: args.commit_every,
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
        Event::Queued { bytes } => {
            if show_progress && bar.is_hidden() {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                bar.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{spinner} indexing [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
                    )
                    .expect("the progress template is valid")
                    .progress_chars("=> "),
                );
            }
            bar.inc_length(bytes);
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
         {} articles, {} passages, {} entities, {} dates; {}, {}, {} of unknown type skipped{}",
        if secs > 0.0 { mb / secs } else { 0.0 },
        s.added,
        s.updated,
        s.removed,
        s.unchanged,
        s.articles,
        s.passages,
        s.entities,
        s.dates,
        counted(s.warnings as u64, "warning", "warnings"),
        counted(s.failed as u64, "file failed", "files failed"),
        s.skipped_unknown,
        skipped_kinds(&s.skipped_kinds),
    );
}

/// ` (.pdf 3, .xml 1)`: the most common kinds of skipped files, so a
/// folder whose stories all went unread says which type to rename.
fn skipped_kinds(kinds: &[(String, usize)]) -> String {
    const SHOWN: usize = 4;
    if kinds.is_empty() {
        return String::new();
    }
    let mut shown: Vec<String> = kinds
        .iter()
        .take(SHOWN)
        .map(|(kind, count)| format!("{kind} {count}"))
        .collect();
    if kinds.len() > SHOWN {
        shown.push("...".to_string());
    }
    format!(" ({})", shown.join(", "))
}

fn run_search(mut args: SearchArgs) -> anyhow::Result<ExitCode> {
    // `--fields 'path, title'`: the spaces a user puts after commas.
    args.fields = args
        .fields
        .iter()
        .map(|f| f.trim().to_string())
        .filter(|f| !f.is_empty())
        .collect();
    // The text format prints whole hits for people: it has no keys to
    // choose and no markup, and silently ignoring the flags printed whole
    // hits to a user who asked for paths.
    if args.format == Format::Text {
        let flag = match (args.fields.is_empty(), args.mark) {
            (false, _) => Some("--fields"),
            (true, true) => Some("--mark"),
            (true, false) => None,
        };
        if let Some(flag) = flag {
            anyhow::bail!(
                "{flag} applies to --format json, jsonl or csv, not to text: add \
                 `--format jsonl` (or json, csv)"
            );
        }
    }
    for field in &args.fields {
        if !output::HIT_FIELDS.contains(&field.as_str()) {
            anyhow::bail!(
                "--fields: there is no field {field:?}; choose from {}",
                output::HIT_FIELDS.join(",")
            );
        }
    }
    let request = SearchRequest {
        filter: args.filter.to_filter(&args.query)?,
        limit: args.limit,
        offset: args.offset,
        per_article: args.per_article,
        sort: match args.sort {
            SortArg::Score => Sort::Score,
            SortArg::Published => Sort::Published,
            SortArg::Oldest => Sort::Oldest,
            SortArg::Date => Sort::Mentioned,
        },
        collapse: !args.no_collapse,
        context: args.context,
    };
    let news = args.filter.open()?;
    let results = search::search(&news, &request)?;
    note_written_dates(&results.dates_read);
    note_operator_words(&args.query);
    let options = HitOptions {
        fields: args.fields,
        mark: args.mark,
        context: args.context > 0,
    };
    with_stdout(|out, style| {
        output::write_hits(out, args.format, style, &options, &args.query, &results)
    })?;
    if results.hits.is_empty() {
        let why = if results.total > 0 {
            format!(
                "no hit after the first {}: {} (a smaller --offset lists them)",
                request.offset,
                passages_match(results.total)
            )
        } else {
            nothing_matched(&news, &args.filter, &request.filter)?
        };
        release_at_exit(news);
        eprintln!("newsdex: {why}");
        return Ok(ExitCode::from(1));
    }
    release_at_exit(news);
    if let Some(summary) = shown_summary(&request, &results) {
        eprintln!("newsdex: {summary}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Says on stderr how the query's dates written as words are read
/// (`query::written_dates`): the query matches more than its words, and a
/// user who wants only the words must know to quote them.
fn note_written_dates(dates: &[WrittenDate]) {
    for date in dates {
        eprintln!("newsdex: {}", written_date_note(date));
    }
}

/// Says on stderr that a lower-case `or` or `not` between words is a word
/// (`query::operators_read_as_words`): every passage must then hold it, and a
/// user who meant the operator found a fraction of the passages, unaware.
fn note_operator_words(query: &str) {
    for note in newsdex::query::operator_word_notes(query) {
        eprintln!("newsdex: {note}");
    }
}

/// How a date written in the query is read. An open side is said in
/// words: `before 2025` read "a date in …..2024-12-31".
fn written_date_note(date: &WrittenDate) -> String {
    let when = match (date.since, date.until) {
        (Some(since), Some(until)) => format!("in {since}..{until}"),
        (Some(since), None) => format!("on or after {since}"),
        (None, Some(until)) => format!("on or before {until}"),
        (None, None) => "of any day".to_string(),
    };
    format!(
        "\"{}\" also matches passages that mention a date {when} or were published then; \
         quote it to match the words only",
        date.text
    )
}

/// The dates written in a query as words, as the search reads them; none
/// in a query that does not parse (the search says why).
fn written_dates(query: &str) -> Vec<WrittenDate> {
    newsdex::query::rewrite_noting_dates(query).map_or_else(|_| Vec::new(), |r| r.written_dates)
}

/// Which hits a search showed of how many matching passages, and how to
/// list the others; `None` when it showed them all.
fn shown_summary(request: &SearchRequest, results: &search::SearchResults) -> Option<String> {
    let shown = results.hits.len();
    let through = results.offset + shown;
    let which = if results.offset > 0 {
        format!("hits {} to {through}", results.offset + 1)
    } else {
        shown.to_string()
    };
    if results.offset == 0 && results.total <= shown {
        return None;
    }
    let more = if results.total > through {
        format!(" ({})", how_to_list_more(request, shown))
    } else {
        String::new()
    };
    Some(format!(
        "{which} of {} matching passages shown{more}",
        results.total
    ))
}

/// Why a search showed fewer passages than matched, and the flags that
/// list more.
fn how_to_list_more(request: &SearchRequest, shown: usize) -> String {
    if shown == request.limit {
        return format!(
            "--limit N lists more; --offset {} the next page",
            request.offset + shown
        );
    }
    // Fewer than the limit: the per-article cap or collapsed copies left
    // the others out.
    match (request.per_article, request.collapse) {
        (0, _) => "copies collapsed: --no-collapse lists them".to_string(),
        (cap, true) => format!(
            "at most {cap} per article and copies collapsed: --per-article 0 and --no-collapse \
             list more"
        ),
        (cap, false) => format!("at most {cap} per article: --per-article 0 lists more"),
    }
}

fn passages_match(n: usize) -> String {
    counted(n as u64, "passage matches", "passages match")
}

/// ` "QUERY"` for a message, or nothing for the empty query (filters
/// only).
fn described(query: &str) -> String {
    if query.trim().is_empty() {
        return " the filters".to_string();
    }
    // A pasted paragraph is not repeated whole: its start names it, as
    // error messages cut it.
    format!(" {}", newsdex::error::quoted_start(query))
}

/// Why a query found nothing: the index is empty (say how to fill it), the
/// query matches but not with the filters (name them), or no passage
/// matches.
fn nothing_matched(news: &NewsIndex, args: &FilterArgs, filter: &Filter) -> anyhow::Result<String> {
    if search::matching_passages(news, &Filter::default())? == 0 {
        let dir = args
            .index
            .as_deref()
            .unwrap_or(Path::new(DEFAULT_INDEX))
            .display();
        return Ok(format!(
            "the index at {dir} holds no passages: index a folder of news into it with \
             `newsdex index FOLDER --index {dir}`"
        ));
    }
    // A misspelt name: which of its words no name holds, and the nearest
    // one the index has, as for the query's words.
    let mut names = Vec::new();
    for (kind, name) in &filter.entities {
        if let Some(why) = search::why_no_name_matches(news, *kind, name)? {
            names.push(format!("--{} {}: {why}", kind.param(), Quoted(name)));
        } else if let Some(turned) = first_name_first(news, *kind, name)? {
            names.push(format!(
                "--{param} {name}: no {whose} is written so: put the first name first, \
                 --{param} {turned}",
                param = kind.param(),
                name = Quoted(name),
                turned = Quoted(&turned),
                whose = if *kind == NameKind::Of(EntityLabel::Person) {
                    "person's name"
                } else {
                    "name"
                },
            ));
        }
    }
    for section in &filter.sections {
        if let Some(why) = search::why_no_section_matches(news, section)? {
            names.push(format!("--section {}: {why}", Quoted(section)));
        }
    }
    // A name field of the query (`person:Juncker`) as a filter.
    for (kind, name) in search::names_in_query(&filter.query) {
        if let Some(why) = search::why_no_name_matches(news, kind, &name)? {
            names.push(format!("{}:{}: {why}", kind.param(), Quoted(&name)));
        }
    }
    for section in search::sections_in_query(&filter.query) {
        if let Some(why) = search::why_no_section_matches(news, &section)? {
            names.push(format!("section:{}: {why}", Quoted(&section)));
        }
    }
    let check = if names.is_empty() {
        "check the names and dates, or drop a filter".to_string()
    } else {
        names.join("; ")
    };
    // "No passage matches" alone sent a user hunting through a query
    // that matches thousands, when a misspelt --person emptied it.
    if let Some(emptied) = search::emptied_by_filters(news, filter, &args.given().join(" "))? {
        return Ok(format!("{emptied}: {check}"));
    }
    if !names.is_empty() {
        return Ok(format!(
            "no passage matches{}: {check}",
            described(&filter.query)
        ));
    }
    let nothing = format!("no passage matches{}", described(&filter.query));
    Ok(match search::why_no_words_match(news, &filter.query)? {
        Some(why) => format!("{nothing}: {why}"),
        // Filters alone, each of whose names is somewhere: "no passage
        // matches the filters" named neither them nor what to do.
        None if filter.query.trim().is_empty() => {
            format!("{nothing} ({}): {check}", args.given().join(" "))
        }
        None => nothing,
    })
}

/// `Putin, Vladimir`, as a catalogue or a spreadsheet of names orders it,
/// turned as the news writes it (`Vladimir Putin`), when that finds
/// passages and the name as given finds none.
fn first_name_first(
    news: &NewsIndex,
    kind: NameKind,
    name: &str,
) -> anyhow::Result<Option<String>> {
    let Some((last, first)) = name.split_once(',') else {
        return Ok(None);
    };
    let (last, first) = (last.trim(), first.trim());
    if last.is_empty() || first.is_empty() || first.contains(',') {
        return Ok(None);
    }
    let passages = |name: String| {
        search::matching_passages(
            news,
            &Filter {
                entities: vec![(kind, name)],
                ..Filter::default()
            },
        )
    };
    let turned = format!("{first} {last}");
    Ok((passages(name.to_string())? == 0 && passages(turned.clone())? > 0).then_some(turned))
}

/// Lets go of an index a one-shot command has finished with, without
/// unmapping its files one by one: the process exits right after, and the
/// kernel drops every mapping at once. On a large index the unmapping cost
/// more than a search (1.2 ms of 5.8 ms at 1x).
fn release_at_exit(news: NewsIndex) {
    std::mem::forget(news);
}

fn run_entities(args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    let filter = args.filter.to_filter(&args.query)?;
    note_written_dates(&written_dates(&args.query));
    note_operator_words(&args.query);
    let label = args.kind.map(|k| match k {
        EntityTypeArg::Person => EntityLabel::Person,
        EntityTypeArg::Org => EntityLabel::Organization,
        EntityTypeArg::Place => EntityLabel::Location,
        EntityTypeArg::Misc => EntityLabel::Misc,
    });
    let news = args.filter.open()?;
    let counts = search::entity_counts(&news, &filter, label, args.top)?;
    with_stdout(|out, _| output::write_entities(out, args.format, &args.query, &counts))?;
    if counts.is_empty() {
        // No passage at all (an empty index, a misspelt word or name) is
        // said as `search` says it, not as passages without entities.
        let why = match search::matching_passages(&news, &filter)? {
            0 => nothing_matched(&news, &args.filter, &filter)?,
            n => format!(
                "{}{}, and none mentions an entity{}",
                passages_match(n),
                described(&args.query),
                if label.is_some() { " of that type" } else { "" }
            ),
        };
        release_at_exit(news);
        eprintln!("newsdex: {why}");
        return Ok(ExitCode::from(1));
    }
    release_at_exit(news);
    Ok(ExitCode::SUCCESS)
}

fn run_sections(args: SectionsArgs) -> anyhow::Result<ExitCode> {
    let filter = args.filter.to_filter(&args.query)?;
    note_written_dates(&written_dates(&args.query));
    note_operator_words(&args.query);
    let news = args.filter.open()?;
    let counts = search::section_counts(&news, &filter, args.top)?;
    with_stdout(|out, _| output::write_sections(out, args.format, &args.query, &counts))?;
    if counts.is_empty() {
        let why = match search::matching_passages(&news, &filter)? {
            0 => nothing_matched(&news, &args.filter, &filter)?,
            n => format!(
                "{}{}, and no article of theirs names its section (JSON's `section` or \
                 `category`, a page's `article:section`)",
                passages_match(n),
                described(&args.query),
            ),
        };
        release_at_exit(news);
        eprintln!("newsdex: {why}");
        return Ok(ExitCode::from(1));
    }
    release_at_exit(news);
    Ok(ExitCode::SUCCESS)
}

/// A series too long to fill lists only its buckets with passages: rows a
/// notebook would plot as consecutive. The text chart draws the gaps.
fn note_sparse_timeline(buckets: &[search::Bucket], by: Granularity, format: Format) {
    let spanned = search::buckets_spanned(buckets, by);
    if format == Format::Text || spanned <= buckets.len() as u64 {
        return;
    }
    let units = by.plural();
    let with_passages = buckets.iter().filter(|b| b.passages > 0).count();
    eprintln!(
        "newsdex: the timeline spans {spanned} {units}, too many to list each: it lists only \
         the {with_passages} {units} with passages (a wider --by, or a narrower --since/--until, \
         lists them all)"
    );
}

/// The matching passages a timeline with bars could place in none of
/// them: its bars added up to fewer passages than `search` found (11,973
/// of 144,727 BBC and Reuters passages have no publication date), and
/// nothing said why.
fn note_uncounted(timeline: &search::Timeline, field: TimeField, filter: &Filter) {
    let (uncounted, matching) = (timeline.uncounted, timeline.matching);
    if uncounted == 0 || timeline.buckets.is_empty() {
        return;
    }
    let one = uncounted == 1;
    let why = match field {
        TimeField::Published => format!("{} no publication date", if one { "has" } else { "have" }),
        TimeField::Mentioned => format!(
            "mention{} no date that counts in these buckets (one as narrow as them or \
             narrower{})",
            if one { "s" } else { "" },
            if filter.since.is_some() || filter.until.is_some() {
                ", within --since/--until"
            } else {
                ""
            }
        ),
    };
    eprintln!(
        "newsdex: {uncounted} of {} {why} and {} not counted",
        counted(matching, "matching passage", "matching passages"),
        if one { "is" } else { "are" }
    );
}

/// `--since`/`--until` beside `--field published`: the range chooses the
/// passages that mention a date in it, whenever they were published, and
/// `timeline '' --field published --since 1987-03-01 --until 1987-03-31`
/// drew bars from February to October of Reuters 1987 (a passage saying
/// "1987" mentions March), where the user meant stories published in
/// March. Says so, and what to write for that.
fn note_range_of_mentions(field: TimeField, filter: &Filter) {
    if field != TimeField::Published || (filter.since.is_none() && filter.until.is_none()) {
        return;
    }
    let side = |date: Option<NaiveDate>| date.map_or_else(|| "*".to_string(), |d| d.to_string());
    eprintln!(
        "newsdex: --since/--until choose the passages that mention a date in the range, \
         whenever they were published: for passages published in it, add \
         published:[{} TO {}] to the query",
        side(filter.since),
        side(filter.until)
    );
}

fn run_timeline(args: TimelineArgs) -> anyhow::Result<ExitCode> {
    let filter = args.filter.to_filter(&args.query)?;
    note_written_dates(&written_dates(&args.query));
    note_operator_words(&args.query);
    note_range_of_mentions(args.field, &filter);
    let news = args.filter.open()?;
    let timeline = search::timeline(&news, &filter, args.by, args.field)?;
    let nothing_matched = match timeline.matching {
        0 => nothing_matched(&news, &args.filter, &filter)?,
        _ => String::new(),
    };
    let buckets = &timeline.buckets;
    release_at_exit(news);
    with_stdout(|out, style| {
        output::write_timeline(
            out,
            args.format,
            style,
            &args.query,
            args.by,
            args.field,
            &timeline,
        )
    })?;
    note_sparse_timeline(buckets, args.by, args.format);
    note_uncounted(&timeline, args.field, &filter);
    if buckets.is_empty() {
        let query = described(&args.query);
        match (timeline.matching as usize, args.field) {
            (0, _) => eprintln!("newsdex: {nothing_matched}"),
            (n, TimeField::Mentioned) => eprintln!(
                "newsdex: {}{query}, and none mentions a date that counts in these buckets \
                 (one as narrow as them or narrower; \"the 1990s\" counts in none): try {}\
                 --field published",
                passages_match(n),
                // Years are the widest buckets there are.
                if args.by == Granularity::Year {
                    ""
                } else {
                    "a wider --by, or "
                }
            ),
            (n, TimeField::Published) => eprintln!(
                "newsdex: {}{query}, and none has a publication date: try --field \
                 mentioned, or index with --default-date",
                passages_match(n)
            ),
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn run_show(args: ShowArgs) -> anyhow::Result<ExitCode> {
    let dir = args
        .index
        .clone()
        .unwrap_or_else(|| PathBuf::from(DEFAULT_INDEX));
    let news = open_named_index(&dir)?;
    // PATH:LINE names the passage at a line; a path, or an article's
    // identity (`day-2.json#id:1`), may itself end in a colon and digits,
    // so the whole target is looked up first.
    // A path completed by a shell (`./corpus/a.txt`) is the path search prints.
    let target = args.target.trim_start_matches("./");
    let whole = search::read_article(&news, target, None)?;
    let around = |passage, through| search::Around {
        passage,
        through,
        context: args.context,
    };
    let (key, passage, listing) = match target.rsplit_once(':') {
        Some((path, n))
            if whole.passages.is_empty()
                && !n.is_empty()
                && n.bytes().all(|b| b.is_ascii_digit()) =>
        {
            let line: u64 = n.parse()?;
            let Some(at_line) = search::passages_at_line(&news, path, line)? else {
                anyhow::bail!(
                    "{} is not in the index at {}: give a path as `newsdex search` prints it",
                    Quoted(path),
                    dir.display()
                );
            };
            // The passages at or before a line past the file's end are its
            // last: showing them answered a line the file does not have.
            if let Some(at) = at_line.last()
                && line > at.first.line
                && let Some(file) = indexed_file(&news, &at.first.source)
            {
                let lines = newsdex::article::source_lines(&file) as u64;
                if line > lines && at.first.line <= lines {
                    anyhow::bail!(
                        "{} has {}, and no line {line}: give a line from 1 to {lines}, as \
                         `newsdex search` prints a hit",
                        Quoted(path),
                        counted(lines, "line", "lines")
                    );
                }
                // A record of JSON Lines is its line: a line after it is
                // one indexing skipped, and its warning named it.
                if is_json_lines(&at.first.source)
                    && newsdex::article::source_line(&file, at.first.line as usize)
                        .is_some_and(is_whole_json)
                {
                    anyhow::bail!(
                        "line {line} of {} holds no article: indexing skipped it (a blank line, \
                         or a record it could not read, as its warning said); the article \
                         before it starts on line {}",
                        Quoted(path),
                        at.first.line
                    );
                }
            }
            match at_line.as_slice() {
                [] => anyhow::bail!(
                    "{} has no passage at or before line {line} in the index at {}: give \
                     PATH:LINE as `newsdex search` prints it, or PATH --passage N",
                    Quoted(path),
                    dir.display()
                ),
                // The line's article alone, of a file that holds many, and
                // every passage that starts on the line: a JSON Lines
                // record's all do, and the line does not say which is the hit.
                // `--passage N` names it (search prints `PATH:LINE passage
                // N`), as it does of a file of one article.
                [at] => {
                    let (first, last) =
                        args.passage.map_or((at.first.passage, at.last), |n| (n, n));
                    (
                        path,
                        Some(first),
                        search::read_article_of(
                            &news,
                            path,
                            &at.first.article,
                            Some(around(first, last)),
                        )?,
                    )
                }
                many if args.passage.is_some() => anyhow::bail!(
                    "{} articles start on line {} of {path}: name one by the article \
                     `newsdex search` prints with a hit, before --passage",
                    many.len(),
                    many[0].first.line
                ),
                many => {
                    eprintln!(
                        "newsdex: {} articles start on line {} of {path}; all are shown. \
                         Name one by the article `newsdex search` prints with it",
                        many.len(),
                        many[0].first.line
                    );
                    let mut all = search::ArticleListing::default();
                    for at in many {
                        let one = search::read_article_of(&news, path, &at.first.article, None)?;
                        all.passages.extend(one.passages);
                        all.truncated |= one.truncated;
                    }
                    (path, None, all)
                }
            }
        }
        _ => match args.passage {
            None => (target, None, whole),
            Some(n) => {
                let articles: HashSet<&str> =
                    whole.passages.iter().map(|p| p.article.as_str()).collect();
                if articles.len() > 1 {
                    // The listing stops at its cap: its articles are then
                    // only the first of the file's.
                    let at_least = if whole.truncated { "at least " } else { "" };
                    anyhow::bail!(
                        "{target} holds {at_least}{} articles: name one with PATH:LINE, or by the \
                         article `newsdex search` prints with a hit, before --passage",
                        articles.len()
                    );
                }
                let listing = search::read_article(&news, target, Some(around(n, n)))?;
                (target, Some(n), listing)
            }
        },
    };
    if !listing.found() {
        anyhow::bail!(
            "{} is not in the index at {}: give a path as `newsdex search` prints it",
            Quoted(key),
            dir.display()
        );
    }
    if let (Some(n), Some(last)) = (passage, listing.last) {
        anyhow::bail!("{key} has no passage {n}: its passages are 0 to {last}");
    }
    let passages = listing.passages;
    if listing.truncated {
        eprintln!(
            "newsdex: {key} holds more passages than are listed; the first {} are shown. \
             Name one article with PATH:LINE, as `newsdex search` prints a hit, or a passage \
             with --passage N",
            passages.len()
        );
    }
    let results = search::SearchResults {
        total: passages.len(),
        hits: passages,
        offset: 0,
        dates_read: Vec::new(),
    };
    with_stdout(|out, style| {
        output::write_listing(
            out,
            args.format,
            style,
            &args.target,
            listing.truncated,
            &results,
        )
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The bytes of the file the index read `source` (relative to its corpus
/// folder) from, when that file is still there to read.
fn indexed_file(news: &NewsIndex, source: &str) -> Option<Vec<u8>> {
    let corpus = news.commit_meta()?.corpus.as_ref()?;
    std::fs::read(corpus.join(source)).ok()
}

/// Whether `source` is read as JSON Lines, one article a line.
fn is_json_lines(source: &str) -> bool {
    corpus::Format::from_path(Path::new(source)) == Some(corpus::Format::JsonLines)
}

/// Whether `line` is a JSON value on its own: a record of JSON Lines, not
/// a line of a document written over several.
fn is_whole_json(line: &[u8]) -> bool {
    let line = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line);
    serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok()
}

/// Runs a printer on buffered stdout, styled when stdout is a terminal.
fn with_stdout(print: impl FnOnce(&mut dyn Write, Style) -> io::Result<()>) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let style = if stdout.is_terminal() {
        Style::Ansi
    } else {
        Style::Plain
    };
    let mut out = io::BufWriter::new(stdout.lock());
    print(&mut out, style)?;
    out.flush()?;
    Ok(())
}

/// Opens an index the user named, with a note when its entities and dates
/// are those an older newsdex found.
fn open_named_index(dir: &Path) -> anyhow::Result<NewsIndex> {
    let news = NewsIndex::open(dir)?;
    indexer::note_older_analysis(&news)?;
    Ok(news)
}

/// Opens the default index, building it from the default corpus the first
/// time a user searches, so `newsdex search Aliyev` works on a fresh clone.
fn open_default_index(dir: &Path) -> anyhow::Result<NewsIndex> {
    // The default index is built from the bundled corpus in a fraction of a
    // second, so one made by an older newsdex is simply rebuilt.
    let (mode, what) = match NewsIndex::open(dir) {
        Ok(news) => {
            let Some(note) = indexer::older_analysis_note(&news)? else {
                return Ok(news);
            };
            // An index of another folder is the user's to update.
            if news.built_from(Path::new(DEFAULT_CORPUS)) != Some(true) {
                eprintln!("newsdex: note: {note}");
                return Ok(news);
            }
            // Its files are read again: their fingerprints hold the
            // analysis version.
            (
                Mode::Incremental,
                "the index holds what an older newsdex found; updating",
            )
        }
        Err(newsdex::Error::SchemaMismatch { .. }) => (
            Mode::Rebuild,
            "the index was made by another newsdex; rebuilding",
        ),
        Err(newsdex::Error::IndexMissing { .. }) => (Mode::Incremental, "no index yet; building"),
        Err(other) => return Err(other.into()),
    };
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
        "newsdex: {what} {} from {}/",
        dir.display(),
        corpus.display()
    );
    let config = IndexConfig {
        corpus,
        index_dir: dir.to_path_buf(),
        mode,
        load: LoadOptions::default(),
        threads: 0,
        commit_every: indexer::COMMIT_EVERY_BYTES,
    };
    build_index(&config, false)?;
    Ok(NewsIndex::open(dir)?)
}

/// The wire format of `extract`: one object per article.
#[derive(serde::Serialize)]
struct ExtractRecord<'a> {
    path: String,
    record: usize,
    published: Option<String>,
    /// The section or category the story ran in (the BBC's `category`).
    section: Option<&'a str>,
    entities: &'a [entities::Entity],
    dates: &'a [dates::TimeExpression],
}

fn run_extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let options = LoadOptions::default();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in &args.files {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .context("reading standard input")?;
            let loaded = corpus::load_bytes(Path::new("-.txt"), None, &bytes, &options)
                .map(|mut loaded| {
                    loaded.warnings.iter_mut().for_each(from_standard_input);
                    loaded
                })
                .map_err(|mut warning| {
                    from_standard_input(&mut warning);
                    warning
                });
            failed |= !print_extracted(&mut out, "-", loaded, args.published)?;
        } else if path.is_dir() {
            // A folder is read as `index` reads it: its news files in path
            // order, no hidden ones, none of unknown type, and dates from the
            // path below it.
            for found in corpus::walk(path, None) {
                match found {
                    corpus::Found::File(file) => {
                        let loaded = corpus::load_file(&file.path, Some(path), &options);
                        let shown = file.path.display().to_string();
                        failed |= !print_extracted(&mut out, &shown, loaded, args.published)?;
                    }
                    corpus::Found::Unknown(_) => {}
                    corpus::Found::Unreadable(warning) | corpus::Found::Loop(warning) => {
                        eprintln!("newsdex: warning: {warning}");
                        failed = true;
                    }
                }
            }
        } else if path
            .symlink_metadata()
            .is_err_and(|e| e.kind() == io::ErrorKind::NotFound)
        {
            // A path typed on the command line that names nothing was typed
            // wrong: the loader's words for it ("vanished while the folder
            // was read") are about a file a walk listed a moment before.
            eprintln!(
                "newsdex: warning: {}: no such file or folder",
                path.display()
            );
            failed = true;
        } else {
            let loaded = corpus::load_file(path, None, &options);
            let shown = path.display().to_string();
            failed |= !print_extracted(&mut out, &shown, loaded, args.published)?;
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints one record per article of a loaded file, its warnings to stderr;
/// `false` when the whole file could not be read.
/// A warning about what `extract -` read, said of standard input: the
/// loader names it "-.txt", and asks a file holding JSON or a web page to
/// be renamed, which standard input cannot be.
fn from_standard_input(warning: &mut corpus::Warning) {
    warning.path = PathBuf::from("standard input");
    warning.rename_to = None;
}

fn print_extracted(
    out: &mut impl Write,
    path: &str,
    loaded: Result<corpus::Loaded, corpus::Warning>,
    published: Option<NaiveDate>,
) -> anyhow::Result<bool> {
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(warning) => {
            eprintln!("newsdex: warning: {warning}");
            return Ok(false);
        }
    };
    for warning in &loaded.warnings {
        eprintln!("newsdex: warning: {warning}");
    }
    for mut article in loaded.articles {
        if published.is_some() {
            article.published = published;
        }
        let found = extract::extract(&article);
        let record = ExtractRecord {
            path: path.to_string(),
            record: article.record,
            published: article.published.map(|d| d.to_string()),
            section: article.section.as_deref(),
            entities: &found.entities,
            dates: &found.dates,
        };
        output::write_line(out, &record)?;
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn each_subcommands_help_opens_with_its_line_in_the_command_list() {
        // Subcommands are built when they run (`defer`): a doc comment on
        // an arguments struct would then replace the description.
        for sub in Cli::command().get_subcommands() {
            let name = sub.get_name();
            let listed = sub.get_about().expect("every subcommand is described");
            let help = Cli::command()
                .try_get_matches_from(["newsdex", name, "--help"])
                .expect_err("--help stops parsing")
                .to_string();
            assert_eq!(
                help.lines().next(),
                Some(listed.to_string().as_str()),
                "{name}"
            );
        }
    }

    #[test]
    fn a_date_written_in_the_query_is_read_back_with_its_open_side_in_words() {
        // (query, how its date is said)
        let cases = [
            (
                "crash in December 2024",
                "a date in 2024-12-01..2024-12-31 or",
            ),
            ("crash before 2025", "a date on or before 2024-12-31 or"),
            ("oil since 1986", "a date on or after 1986-01-01 or"),
        ];
        for (query, said) in cases {
            let dates = newsdex::query::rewrite_noting_dates(query)
                .unwrap()
                .written_dates;
            let [date] = dates.as_slice() else {
                panic!("{query}: {dates:?}");
            };
            let note = written_date_note(date);
            assert!(note.contains(said), "{query}: {note}");
        }
    }

    #[test]
    fn overviews_need_no_query_with_filters_alone() {
        // `entities --person Putin` counted; `timeline --person Putin`
        // was refused for want of a query.
        for command in ["entities", "sections", "timeline"] {
            let cli = Cli::try_parse_from(["newsdex", command, "--person", "Putin"])
                .unwrap_or_else(|err| panic!("{command}: {err}"));
            let query = match cli.command {
                Command::Entities(args) => args.query,
                Command::Sections(args) => args.query,
                Command::Timeline(args) => args.query,
                _ => panic!("{command} parsed as another command"),
            };
            assert_eq!(query, "", "{command}");
        }
    }

    #[test]
    fn entities_takes_the_limit_spellings_of_search() {
        for spelling in [&["--top", "5"][..], &["--limit", "5"], &["-n", "5"]] {
            let cli = Cli::try_parse_from(["newsdex", "entities"].iter().chain(spelling))
                .unwrap_or_else(|err| panic!("{spelling:?}: {err}"));
            let Command::Entities(args) = cli.command else {
                panic!("{spelling:?} parsed as another command")
            };
            assert_eq!(args.top, 5, "{spelling:?}");
        }
    }
}
