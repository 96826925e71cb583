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

/// A timeline of mentioned dates with `--since`/`--until` draws the range
/// asked for: the other dates the passages mention (a year long past, a
/// plan for later) made bars outside it, and a chart of one month spanned
/// years.
#[test]
fn a_timeline_of_mentioned_dates_keeps_to_the_filters_range() {
    let env = talks_env();
    let labels = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["timeline", "", "--format", "json", "--index", "index"];
        args.extend_from_slice(extra);
        let run = env.run(&args);
        assert_eq!(run.status, 0, "{extra:?}: {}", run.stderr);
        run.json()["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| b["passages"].as_u64() > Some(0))
            .map(|b| b["label"].as_str().unwrap().to_string())
            .collect()
    };
    let month = ["--since", "2024-12", "--until", "2024-12", "--by", "day"];
    assert_eq!(labels(&month), ["2024-12-20", "2024-12-25"]);
    // A bucket that overlaps the range stays, whole.
    assert_eq!(
        labels(&["--since", "2024-12-22", "--by", "year"]),
        ["2024", "2025"]
    );
    // Without a range, every date mentioned counts.
    assert_eq!(labels(&["--by", "year"]), ["1991", "2024", "2025"]);
    // Publication dates are not what the range filters.
    assert_eq!(
        labels(&["--since", "2025", "--field", "published", "--by", "year"]),
        ["2024"]
    );
}

/// A timeline of publication dates with `--since`/`--until` counts the
/// passages that mention a date in the range, published when they were:
/// stderr says so, and how to ask for those published in the range.
#[test]
fn a_timeline_of_publication_dates_says_what_its_range_chose() {
    let env = talks_env();
    let stderr = |extra: &[&str]| {
        let mut args = vec!["timeline", "", "--field", "published", "--index", "index"];
        args.extend_from_slice(extra);
        env.run(&args).stderr
    };
    let noted = stderr(&["--since", "2025-06"]);
    assert!(
        noted.contains("add published:[2025-06-01 TO *] to the query"),
        "{noted}"
    );
    assert!(stderr(&[]).is_empty());
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

/// Four passages about talks: three in a story of 2024-12-30 (one
/// mentions a day, one a month, one "the 1990s", which counts in no
/// bucket) and one in a file with no publication date.
fn placed_env() -> Env {
    let env = Env::new();
    env.write(
        "2024-12-30/talks.txt",
        "Meeting\n\nThe talks on December 25, 2024 went well.\n\nThe talks set a summit for \
         March 2025.\n\nThe talks recalled the 1990s.\n",
    );
    env.write(
        "notes/talks.txt",
        "Notes\n\nThe talks on December 20, 2024 were planned.\n",
    );
    env.index();
    env
}

/// `timeline talks ARGS --format json`: the passages it matched, and how
/// many of them it could place in no bucket.
fn matching_and_uncounted(env: &Env, args: &[&str]) -> (u64, u64) {
    let mut all = vec!["timeline", "talks", "--format", "json", "--index", "index"];
    all.extend_from_slice(args);
    let run = env.run(&all);
    assert_eq!(run.status, 0, "{args:?}: {}", run.stderr);
    let json = run.json();
    let count = |key: &str| {
        json[key]
            .as_u64()
            .unwrap_or_else(|| panic!("no {key}: {json}"))
    };
    (count("matching"), count("uncounted"))
}

/// A timeline left out the passages it could not place (undated stories
/// under `--field published`: 11,973 of 144,727 in BBC + Reuters), so its
/// bars did not add up to what `search` found, and nothing said so.
#[test]
fn a_timeline_says_how_many_matching_passages_it_could_not_place() {
    let env = placed_env();
    let cases: [(&[&str], (u64, u64)); 5] = [
        (&["--field", "published"], (4, 1)),
        (&[], (4, 1)),
        (&["--by", "day"], (4, 2)),
        (&["--since", "2024-12", "--until", "2024-12"], (2, 0)),
        (
            &["--since", "2024-12", "--until", "2025-03", "--by", "day"],
            (3, 1),
        ),
    ];
    for (args, want) in cases {
        assert_eq!(matching_and_uncounted(&env, args), want, "{args:?}");
    }
    let run = env.run(&[
        "timeline",
        "talks",
        "--field",
        "published",
        "--index",
        "index",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("1 of 4 matching passages has no publication date and is not counted"),
        "{}",
        run.stderr
    );
    // Every passage placed: nothing to say.
    let run = env.run(&[
        "timeline", "talks", "--since", "2024-12", "--until", "2024-12", "--index", "index",
    ]);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}
