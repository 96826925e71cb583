//! `newsdex timeline`: the buckets an analyst plots or joins, at their edges.

use crate::harness::Env;

/// Talks of 2024-12-30 that mention two days of December 2024, a day of
/// 1991 and one of 2025.
fn talks_env() -> Env {
    let env = Env::new();
    env.write(
        "2024-12-30/talks.txt",
        "Talks\n\nThe talks on December 25, 2024 recalled the treaty of March 3, 1991 and \
         set a summit for June 1, 2025.\n\nNothing happened on December 20, 2024.\n",
    );
    env.index();
    env
}

/// `timeline '' ARGS --format csv`, as `label passages` rows, header left out.
fn rows(env: &Env, args: &[&str]) -> Vec<String> {
    let mut all = vec!["timeline", "", "--format", "csv", "--index", "index"];
    all.extend_from_slice(args);
    let run = env.run(&all);
    assert_eq!(run.status, 0, "{args:?}: {}", run.stderr);
    let mut lines = run.stdout.lines();
    assert_eq!(lines.next(), Some("start,label,passages,articles"));
    lines
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            format!("{} {}", cells[1], cells[2])
        })
        .collect()
}

/// Two timelines over one range line up row for row in a spreadsheet:
/// a bucket of the range with no mention at either end is a zero, not a
/// missing row (a chart of December started on the 20th).
#[test]
fn a_timeline_of_mentioned_dates_spans_the_whole_range_asked_for() {
    let env = talks_env();
    let month = ["--since", "2024-10", "--until", "2025-01"];
    assert_eq!(
        rows(&env, &month),
        ["2024-10 0", "2024-11 0", "2024-12 2", "2025-01 0"]
    );
    let december = rows(
        &env,
        &["--since", "2024-12", "--until", "2024-12", "--by", "day"],
    );
    assert_eq!(december.len(), 31, "{december:?}");
    assert_eq!(december[0], "2024-12-01 0");
    assert_eq!(december[30], "2024-12-31 0");
    // An open end stops at the last bucket with a mention.
    let since = rows(&env, &["--since", "2024-11", "--by", "year"]);
    assert_eq!(since, ["2024 2", "2025 1"]);
    // Publication dates are not what the range filters: no padding.
    let published = [
        "--since",
        "2024-10",
        "--until",
        "2025-01",
        "--field",
        "published",
    ];
    assert_eq!(rows(&env, &published), ["2024-12 2"]);
}

/// A series too long to fill lists only its buckets with passages; a
/// notebook that plots the rows as a series needs to be told so.
#[test]
fn a_series_too_long_to_fill_says_it_is_sparse() {
    let env = Env::new();
    env.write(
        "deal.txt",
        "Deal\n\nThe deal signed on March 3, 1799 was to run until 1 January 2099.\n",
    );
    env.index();
    let run = env.run(&[
        "timeline", "deal", "--by", "day", "--format", "csv", "--index", "index",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);
    assert!(
        run.stderr.contains("lists only the 2 days with passages"),
        "{}",
        run.stderr
    );
    // A series short enough to fill is complete: nothing to say.
    let run = env.run(&[
        "timeline", "deal", "--by", "year", "--format", "csv", "--index", "index",
    ]);
    assert_eq!(run.stdout.lines().count(), 1 + 2099 - 1799 + 1);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}
