//! The `newsdex` binary: parses arguments, runs a command, maps the outcome
//! to an exit status (0 results, 1 no results, 2 error).

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;
use clap::error::{ContextKind, ContextValue, ErrorKind};

mod cli;

fn main() -> ExitCode {
    let args = queries_are_not_options(std::env::args_os().collect());
    let cli =
        cli::Cli::try_parse_from(&args).unwrap_or_else(|err| with_quoting_tip(&args, err).exit());
    match cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsdex: error: {}", message(&err));
            ExitCode::from(2)
        }
    }
}

/// A query that starts with an excluded word (`newsdex search '-drone
/// crash'`) is one argument starting with `-`, which clap read as the
/// options `-d -r -o ...` and refused. An argument of `search`, `entities`,
/// `sections` or `timeline` that starts with `-` and holds a space is no option: it
/// gets a space before it, so clap takes it as a value (the query parser
/// trims it off).
fn queries_are_not_options(mut args: Vec<OsString>) -> Vec<OsString> {
    let takes_query = args
        .get(1)
        .and_then(|command| command.to_str())
        .is_some_and(|command| matches!(command, "search" | "entities" | "sections" | "timeline"));
    if !takes_query {
        return args;
    }
    for arg in args.iter_mut().skip(2) {
        let Some(text) = arg.to_str() else { continue };
        if text == "--" {
            break;
        }
        if text.starts_with('-') && text.contains(char::is_whitespace) {
            *arg = OsString::from(format!(" {text}"));
        }
    }
    args
}

/// `newsdex search plane crash` was refused with "unexpected argument
/// 'crash' found", which did not say that a query (or a `--person` name,
/// a `--since` date) of several words is one argument. A word clap finds
/// no place for, after a command that takes a query, gets a tip to quote
/// it.
fn with_quoting_tip(args: &[OsString], mut err: clap::Error) -> clap::Error {
    let command = args.get(1).and_then(|c| c.to_str()).unwrap_or_default();
    let stray_word = matches!(
        err.get(ContextKind::InvalidArg),
        Some(ContextValue::String(arg)) if !arg.starts_with('-')
    );
    if err.kind() == ErrorKind::UnknownArgument
        && stray_word
        && matches!(command, "search" | "entities" | "sections" | "timeline")
    {
        let tip = format!(
            "a query, a name or a date of several words is one argument: quote it, as in \
             `newsdex {command} 'plane crash' --person 'Tony Blair' --since 'Dec 2024'`"
        );
        err.insert(
            ContextKind::Suggested,
            ContextValue::StyledStrs(vec![tip.into()]),
        );
    }
    err
}

/// The error and its causes, each cause once: most of the library's
/// messages already end with their cause ("cannot create index folder
/// idx: File exists"), which `{:#}` would print again.
fn message(err: &anyhow::Error) -> String {
    let mut message = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !message.contains(&cause) {
            message.push_str(": ");
            message.push_str(&cause);
        }
    }
    message
}

/// A reader that closed the pipe (`newsdex search x | head`) is not an error.
/// `serde_json` keeps the I/O error of a failed write to itself (its
/// `source()` skips it), so `export | head` needs it asked directly.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(BrokenPipe))
    })
}

/// jemalloc keeps a long indexing run's memory flat. With glibc's malloc,
/// tantivy's large, short-lived writer buffers raise its dynamic mmap
/// threshold, later ones come from heaps that only grow, and a 10x corpus
/// peaked at 444 MB against 177 MB at 1x; with jemalloc, 200 MB and 177 MB.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    use clap::Parser;

    use super::{cli, message, queries_are_not_options, with_quoting_tip};

    #[test]
    fn an_error_names_each_cause_once() {
        let exists = || std::io::Error::new(std::io::ErrorKind::AlreadyExists, "File exists");
        let repeated =
            anyhow::Error::new(exists()).context("cannot create index folder idx: File exists");
        assert_eq!(
            message(&repeated),
            "cannot create index folder idx: File exists"
        );
        let added = anyhow::Error::new(exists()).context("cannot create index folder idx");
        assert_eq!(
            message(&added),
            "cannot create index folder idx: File exists"
        );
    }

    #[test]
    fn words_of_a_query_left_unquoted_get_a_tip_to_quote_them() {
        // (the arguments, whether clap's refusal tells to quote)
        let cases: [(&[&str], bool); 6] = [
            (&["search", "plane", "crash"], true),
            (&["search", "crash", "--since", "Dec", "2024"], true),
            (&["entities", "crash", "--person", "Tony", "Blair"], true),
            (&["timeline", "oil", "prices", "--by", "year"], true),
            // An unknown flag keeps clap's own suggestion.
            (&["search", "crash", "--persn", "Putin"], false),
            (&["show", "a.txt", "b.txt"], false),
        ];
        for (args, tip) in cases {
            let args: Vec<OsString> = ["newsdex"].iter().chain(args).map(OsString::from).collect();
            let err = cli::Cli::try_parse_from(&args).expect_err("refused");
            let message = with_quoting_tip(&args, err).to_string();
            assert_eq!(message.contains("quote"), tip, "{args:?}: {message}");
        }
    }

    #[test]
    fn a_query_that_starts_with_an_excluded_word_is_no_option() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        let given = args(&["newsdex", "search", "-drone crash", "-n", "1"]);
        let want = args(&["newsdex", "search", " -drone crash", "-n", "1"]);
        assert_eq!(queries_are_not_options(given), want);
        // Options, other commands' arguments and what follows `--` stay.
        for list in [
            &["newsdex", "search", "crash", "--person", "Putin"][..],
            &["newsdex", "extract", "-a b.txt"],
            &["newsdex", "search", "--", "-a b"],
        ] {
            assert_eq!(queries_are_not_options(args(list)), args(list));
        }
    }
}
