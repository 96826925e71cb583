//! The analyst's flags: duplicates, caps, sorting, context, overviews and
//! export formats.

use crate::harness::{Env, context_texts};

const SEED: &str = include_str!("../fixtures/seed.txt");

fn seed_env() -> Env {
    let env = Env::new();
    env.write(
        "seed/aliyev.md",
        format!("---\ntitle: Azerbaijan's Leader Challenges Putin After Deadly Plane Crash\ndate: 2024-12-30\n---\n\n{SEED}"),
    );
    env.index();
    env
}

#[test]
fn the_seed_articles_repeated_paragraphs_collapse_into_one_hit() {
    let env = seed_env();
    let hits = env.hits("\"shot down\"", &[]);
    assert_eq!(hits.len(), 1, "{hits:#?}");
    let copies = hits[0]["duplicates"].as_array().unwrap();
    assert_eq!(copies.len(), 1);
    assert!(copies[0]["path"].as_str().unwrap().ends_with("aliyev.md"));
    assert!(copies[0]["passage"].as_u64().unwrap() != hits[0]["passage"].as_u64().unwrap());
    assert!(copies[0]["line"].as_u64().unwrap() > hits[0]["line"].as_u64().unwrap());
    let all = env.hits("\"shot down\"", &["--no-collapse"]);
    assert_eq!(all.len(), 2);
}

/// A wire story's paragraph, as papers reprint it.
const WIRE: &str = "The central bank raised its main interest rate by half a point on Tuesday, \
                    citing inflation that has stayed above its target for most of the year.";

/// How many copies each hit for `query` stands for, over `files`.
fn copies_per_hit(files: &[(&str, String)], query: &str) -> Vec<usize> {
    let env = Env::new();
    for (name, text) in files {
        env.write(name, text);
    }
    env.index();
    env.hits(query, &[])
        .iter()
        .map(|h| h["duplicates"].as_array().unwrap().len())
        .collect()
}

#[test]
fn near_duplicate_wire_copies_collapse_across_files() {
    let story =
        "国务院总理今天在人民大会堂会见了来访的外国代表团，双方就进一步扩大对外开放交换了意见。";
    // (a story, its copy with one word changed, an unrelated text, a query all three match)
    let cases = [
        (
            WIRE.to_string(),
            WIRE.replace("Tuesday", "Wednesday"),
            "The central bank is expected to hold rates when its board meets next month.",
            "central bank",
        ),
        (
            story.to_string(),
            story.replace("今天", "昨天"),
            "上海市政府今天宣布了新的住房政策，以稳定人民的房地产市场。",
            "人民",
        ),
    ];
    for (original, copy, other, query) in cases {
        let files = [
            ("a.txt", original),
            ("b.txt", copy),
            ("c.txt", other.to_string()),
        ];
        let mut copies = copies_per_hit(&files, query);
        copies.sort();
        assert_eq!(copies, [0, 1], "{query}");
    }
}

#[test]
fn a_copy_of_a_passage_left_out_by_the_per_article_cap_is_shown() {
    let env = Env::new();
    let own = [
        "The central bank met on Monday.",
        "The central bank board spoke at noon.",
        "The central bank governor left early.",
    ];
    env.write(
        "a.txt",
        format!("Bank news\n\n{}\n\n{WIRE}\n", own.join("\n\n")),
    )
    .write("b.txt", format!("Other news.\n\n{WIRE}\n"));
    env.index();
    let hits = env.hits("central bank", &["--per-article", "3"]);
    let files: Vec<&str> = hits.iter().map(|h| h["path"].as_str().unwrap()).collect();
    assert_eq!(files.len(), 4, "{hits:#?}");
    assert!(files.iter().any(|f| f.ends_with("b.txt")), "{files:?}");
}

/// An article whose passages collapse into another's, twice or more, is a
/// copy of that story, and its passages count against the story's cap: the
/// BBC set holds "Apple iPod family expands market" twice, and `iPod`
/// listed six passages of it, the copy's standing in for those the cap left
/// out.
#[test]
fn a_copy_of_a_whole_article_shares_its_per_article_cap() {
    let env = Env::new();
    let story = [
        "A walrus hauled itself onto the pier at dawn and refused to move.",
        "Fishermen said the walrus had eaten most of the morning catch.",
        "The harbour master closed the pier while the walrus slept in the sun.",
        "Children gathered behind the barrier to photograph the walrus.",
        "By evening the walrus had slipped back into the cold water.",
    ]
    .join("\n\n");
    env.write("a.txt", format!("Walrus watch\n\n{story}\n"))
        .write("b.txt", format!("Walrus watch\n\n{story}\n"))
        .write(
            "c.txt",
            "Harbour notes\n\nA walrus was seen near the boats.\n",
        );
    env.index();
    let files = env.hit_files("walrus", &["--per-article", "3"]);
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files.last().unwrap().ends_with("c.txt"), "{files:?}");
    assert_eq!(env.hits("walrus", &["--per-article", "3"]).len(), 4);
}

/// A copy in a file of many articles is named by its article too: in a
/// JSON array written on one line (an API's dump), the copy's path, line
/// and passage were those of the hit itself, which read as a copy of
/// itself, and `show` could not be pointed at it.
#[test]
fn a_copy_in_a_file_of_many_articles_names_its_article() {
    let env = Env::new();
    let feed = serde_json::json!([
        {"id": "a1", "title": "Rates", "text": WIRE},
        {"id": "a2", "title": "Other", "text": "The mayor opened a bridge."},
        {"id": "a3", "title": "Rates again", "text": WIRE},
    ]);
    env.write("feed.json", feed.to_string());
    env.index();
    let hits = env.hits("\"central bank\"", &[]);
    assert_eq!(hits.len(), 1, "{hits:#?}");
    let copies = hits[0]["duplicates"].as_array().unwrap();
    assert_eq!(copies.len(), 1, "{hits:#?}");
    let (hit, copy) = (hits[0]["article"].as_str().unwrap(), &copies[0]["article"]);
    let want = if hit == "a1" { "a3" } else { "a1" };
    assert_eq!(copy, want, "{hits:#?}");
    // The copy's article opens it, as a hit's does.
    let shown = env.run(&[
        "show",
        copy.as_str().unwrap(),
        "--index",
        "index",
        "--format",
        "json",
    ]);
    assert_eq!(shown.status, 0, "{}", shown.stderr);
    assert_eq!(shown.json()["hits"][0]["article"], want);
}

#[test]
fn passages_sharing_only_a_figure_are_neither_collapsed_nor_copies() {
    let env = Env::new();
    env.write("results.txt", "Its revenues totaled 25838 mln dlrs.")
        .write(
            "budget.txt",
            format!("{WIRE} It set aside 25838 mln for the plan."),
        );
    env.index();
    let hits = env.hits("25838", &[]);
    assert_eq!(hits.len(), 2, "{hits:#?}");
    for hit in &hits {
        assert_eq!(hit["duplicates"], serde_json::json!([]), "{hit:#?}");
    }
}

#[test]
fn one_line_passages_are_not_taken_for_copies_of_each_other() {
    let env = Env::new();
    env.write("credits.txt", ": Anderson, Diamond.\n")
        .write("quote.txt", "Gros said.\n");
    env.index();
    let hits = env.hits("Anderson OR Gros", &[]);
    assert_eq!(hits.len(), 2, "{hits:#?}");
}

/// A story of one passage a sighting: "A walrus was seen {sighting}."
fn walrus_sightings(sightings: &[&str]) -> String {
    let paragraphs: String = sightings
        .iter()
        .map(|s| format!("A walrus was seen {s}.\n\n"))
        .collect();
    format!("Sightings\n\n{paragraphs}")
}

#[test]
fn per_article_caps_passages_of_one_article() {
    let env = Env::new();
    let sightings = [
        "near the pier",
        "on the beach at dawn",
        "by fishermen",
        "from a ferry",
        "in the harbour mouth",
        "off the lighthouse",
    ];
    env.write("long.txt", walrus_sightings(&sightings))
        .write("short.txt", "One walrus here.\n");
    env.index();
    let capped = env.hits("walrus", &["--per-article", "2"]);
    assert_eq!(
        capped
            .iter()
            .filter(|h| h["path"].as_str().unwrap().ends_with("long.txt"))
            .count(),
        2
    );
    assert_eq!(capped.len(), 3);
    assert_eq!(env.hits("walrus", &["--per-article", "0"]).len(), 7);
    // Stderr says why fewer were shown, and how to see the rest.
    let cases = [
        (
            &["--per-article", "2"][..],
            "3 of 7 matching passages shown (at most 2 per article and copies collapsed",
        ),
        (
            &["--limit", "4"],
            "4 of 7 matching passages shown (--limit N lists more; --offset 4 the next page)",
        ),
    ];
    for (extra, message) in cases {
        let mut args = vec!["search", "walrus", "--index", "index"];
        args.extend(extra);
        let run = env.run(&args);
        assert!(run.stderr.contains(message), "{extra:?}: {}", run.stderr);
        assert!(!run.stdout.contains("matching passages"), "{}", run.stdout);
    }
}

/// Pages of hits: `--offset N` passes over the first N of the list a
/// longer `--limit` gives, with the cap and the copies counted as there.
#[test]
fn offset_lists_the_next_page_of_the_same_list() {
    let env = Env::new();
    let sightings = [
        "near the pier at noon",
        "on the beach at dawn with two calves",
        "by fishermen hauling nets off the point",
        "from a ferry crossing to the island",
        "in the harbour mouth during the storm",
        "off the lighthouse by a coastguard crew",
        "asleep on the slipway behind the lifeboat station",
    ];
    env.write("long.txt", walrus_sightings(&sightings))
        .write("copy.txt", "A walrus was seen near the pier at noon.\n")
        .write("short.txt", "One walrus here.\n");
    env.index();
    let passages = |hits: Vec<serde_json::Value>| -> Vec<String> {
        hits.iter()
            .map(|h| format!("{}#{}", h["path"], h["passage"]))
            .collect()
    };
    // (flags, fewest hits in the list of six: which of the two copies is
    // kept, and so how many other passages of the long story, depends on
    // the order in which the index took the files)
    for (extra, listed) in [
        (&["--per-article", "0"][..], 6),
        (&["--per-article", "2"], 3),
        (&[], 4),
    ] {
        let whole = passages(env.hits("walrus", &[extra, &["--limit", "6"]].concat()));
        assert!(whole.len() >= listed, "{extra:?}: {whole:?}");
        let pages: Vec<String> = ["0", "2", "4"]
            .iter()
            .flat_map(|offset| {
                passages(env.hits(
                    "walrus",
                    &[extra, &["--limit", "2", "--offset", offset]].concat(),
                ))
            })
            .collect();
        assert_eq!(pages, whole, "{extra:?}");
    }
    // Text numbers the hits from the first passed over, and stderr says
    // which were shown.
    let run = env.run(&[
        "search",
        "walrus",
        "--per-article",
        "0",
        "--limit",
        "2",
        "--offset",
        "2",
        "--index",
        "index",
    ]);
    assert!(run.stdout.starts_with("3. "), "{}", run.stdout);
    assert!(run.stdout.contains("\n4. "), "{}", run.stdout);
    assert!(
        run.stderr.contains("hits 3 to 4 of 9 matching passages shown (--limit N lists more; --offset 4 the next page)"),
        "{}",
        run.stderr
    );
    // Past the last hit: nothing, and the reason.
    let past = env.run(&["search", "walrus", "--offset", "50", "--index", "index"]);
    assert_eq!(past.status, 1);
    assert!(
        past.stderr
            .contains("no hit after the first 50: 9 passages match"),
        "{}",
        past.stderr
    );
}

#[test]
fn sort_by_published_puts_the_newest_first() {
    let env = Env::new();
    env.write("2020-01-05/a.txt", "Walrus news, old.\n")
        .write(
            "2024-06-01/b.txt",
            "Walrus news, new. Walrus walrus walrus.\n",
        )
        .write("2022-03-03/c.txt", "Walrus news, middle.\n");
    env.index();
    let dates: Vec<String> = env
        .hits("walrus", &["--sort", "published"])
        .iter()
        .map(|h| h["published"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(dates, ["2024-06-01", "2022-03-03", "2020-01-05"]);
    // The same day: the more relevant first, whichever was indexed first.
    env.write("2024-06-01/a.txt", "Walrus news, brief mention of a walrus in a long story about the harbour, the ferries, the weather and the fish market.\n")
        .write("2024-06-01/z.txt", "Walrus walrus walrus.\n");
    env.index();
    let same_day: Vec<String> = env
        .hits("walrus", &["--sort", "published"])
        .iter()
        .take(3)
        .map(|h| {
            h["path"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(same_day, ["z.txt", "b.txt", "a.txt"]);
}

/// A chronology reads oldest first: `--sort oldest` lists the earliest
/// publication first, and stories without a date last, not first.
#[test]
fn sort_by_oldest_puts_the_earliest_publication_first_and_undated_last() {
    let env = Env::new();
    env.write("2020-01-05/a.txt", "Walrus news, old.\n")
        .write("2024-06-01/b.txt", "Walrus news, new.\n")
        .write("undated.txt", "Walrus walrus walrus, undated.\n")
        .write("2022-03-03/c.txt", "Walrus news, middle.\n");
    env.index();
    let dates: Vec<Option<String>> = env
        .hits("walrus", &["--sort", "oldest"])
        .iter()
        .map(|h| h["published"].as_str().map(str::to_string))
        .collect();
    let oldest_first = ["2020-01-05", "2022-03-03", "2024-06-01"].map(|d| Some(d.to_string()));
    assert_eq!(dates[..3], oldest_first);
    assert_eq!(dates[3], None);
    let page = env.hits(
        "walrus",
        &["--sort", "oldest", "--offset", "1", "--limit", "1"],
    );
    assert_eq!(page[0]["published"], "2022-03-03");
}

#[test]
fn sort_by_date_puts_the_latest_mention_first_months_and_years_included() {
    let env = Env::new();
    env.write(
        "2025-01-10/a.txt",
        "Strike\n\nThe strike began in June 2024 and spread.\n\nThe strike was first discussed on March 3, 2020.\n\nUnion leaders said the strike would go on.\n\nThe strike had roots in 2023 disputes.\n\nThe strike peaked on June 20, 2024.\n\nThe strike was the longest of the 2020s.\n",
    );
    env.index();
    let dates: Vec<String> = env
        .hits("strike", &["--sort", "date", "--per-article", "0"])
        .iter()
        .map(|h| {
            let values: Vec<&str> = h["dates"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["value"].as_str().unwrap())
                .collect();
            values.join(",")
        })
        .collect();
    assert_eq!(
        dates,
        ["2024-06-20", "2024-06", "2023", "2020-03-03", "202", ""]
    );
}

#[test]
fn context_adds_neighbouring_passages() {
    let env = Env::new();
    env.write(
        "a.txt",
        "Title\n\nFirst para.\n\nThe walrus para.\n\nThird para.\n\nFourth para.\n",
    );
    env.index();
    let hits = env.hits("walrus", &["--context", "1"]);
    let context = context_texts(&hits[0]);
    assert_eq!(context, ["First para.", "Third para."]);
    // On a terminal's text, the neighbours stand where they are in the
    // article, around the hit.
    let text = env.run(&["search", "walrus", "--context", "1", "--index", "index"]);
    let lines: Vec<&str> = text.stdout.lines().skip(2).map(str::trim).collect();
    assert_eq!(
        lines,
        ["[0] First para.", "The walrus para.", "[2] Third para."]
    );
}

#[test]
fn fuzzy_words_find_other_spellings() {
    let env = seed_env();
    assert!(env.hits("Aliev", &[]).is_empty());
    let hits = env.hits("Aliev~1", &[]);
    assert!(!hits.is_empty());
    assert!(
        hits[0]["highlights"]
            .as_array()
            .is_some_and(|h| !h.is_empty()),
        "fuzzy matches are highlighted"
    );
}

#[test]
fn published_ranges_take_plain_dates() {
    let env = seed_env();
    assert!(
        !env.hits("crash published:[2024-12-01 TO 2024-12-31]", &[])
            .is_empty()
    );
    assert!(!env.hits("crash published:2024-12", &[]).is_empty());
    assert!(
        env.hits("crash published:[2025-01-01 TO *]", &[])
            .is_empty()
    );
}

#[test]
fn bad_queries_exit_2_and_say_how_to_fix_them() {
    let env = seed_env();
    // (the query and any filters, what the message says)
    let cases: &[(&[&str], &str)] = &[
        (&["\"plane crash"], "quote"),
        // An operator with nothing on one side, a sign or a field with no
        // word: the message names it, not just "does not parse".
        (&["crash AND"], "`AND` has no word after it"),
        (&["crash OR"], "`OR` has no word after it"),
        (&["OR crash"], "`OR` has no word before it"),
        (&["(crash AND) Baku"], "`AND` has no word after it"),
        (&["crash AND OR Baku"], "`AND` has no word after it"),
        (&["crash -"], "`-` excludes the word it touches"),
        (&["crash ()"], "`()` holds nothing"),
        (&["title:"], "`title:` has no word after it"),
        (&["nosuchfield:crash"], "no field"),
        (&["crash oil:"], "`oil:` names no field"),
        (&["\"\""], "holds no word: put words between the quotes"),
        // Punctuation and symbols alone: "\"?\" is in no passage" (status
        // 1) suggested the index lacked them, when it keeps none.
        (&["?"], "holds no word"),
        (&["... ;"], "holds no word"),
        (&["—"], "holds no word"),
        (&["title:&"], "holds no word"),
        (&["🙂", "--person", "Putin"], "holds no word"),
        (&["nosuchfield:crash~1"], "no field"),
        (&["url:crash~1"], "cannot be fuzzy"),
        (&["published:[2024-12-01 TO soon]"], "published:2024-12-25"),
        (&["Aliev~7"], "1 or 2"),
        (&["crash", "--person", ""], "the person filter needs a name"),
        (&["crash", "--org", "!!"], "the org filter needs a name"),
        // The name is at fault, not the query, which may be fine.
        (&["crash", "--person", "!!"], "invalid name \"!!\":"),
    ];
    for &(query, hint) in cases {
        let mut args = vec!["search"];
        args.extend(query);
        args.extend(["--index", "index"]);
        let run = env.run(&args);
        assert_eq!(run.status, 2, "{query:?}");
        assert!(run.stderr.contains(hint), "{query:?}: {}", run.stderr);
    }
}

#[test]
fn csv_has_a_header_and_one_row_per_hit() {
    let env = seed_env();
    let run = env.run(&[
        "search", "Aliyev", "--format", "csv", "--index", "index", "--limit", "3",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "score");
    assert!(headers.iter().any(|h| h == "person"));
    assert_eq!(reader.records().count(), 3);
}

#[test]
fn fields_choose_the_keys_and_mark_marks_highlights() {
    let env = seed_env();
    let run = env.run(&[
        "search",
        "Baku",
        "--format",
        "jsonl",
        "--index",
        "index",
        "--fields",
        "path,snippet",
        "--mark",
    ]);
    let first = &run.json_lines()[0];
    let keys: Vec<&String> = first.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["path", "snippet"]);
    assert!(
        first["snippet"]
            .as_str()
            .unwrap()
            .contains("<mark>Baku</mark>")
    );
    let bad = env.run(&["search", "Baku", "--index", "index", "--fields", "nope"]);
    assert_eq!(bad.status, 2);
    // Text output has no keys to choose nor snippet to mark: the flags
    // did nothing, and a user who asked for paths got whole hits.
    for flags in [&["--fields", "path"][..], &["--mark"]] {
        let mut args = vec!["search", "Baku", "--index", "index"];
        args.extend_from_slice(flags);
        let run = env.run(&args);
        assert_eq!(run.status, 2, "{flags:?}: {}", run.stdout);
        assert!(run.stdout.is_empty());
        assert!(run.stderr.contains("--format"), "{}", run.stderr);
    }
}

#[test]
fn timeline_by_published_month_counts_passages() {
    let env = Env::new();
    env.write(
        "2024-11-02/a.txt",
        "Title\n\nWalrus one.\n\nWalrus two, again.\n",
    )
    .write("2024-12-10/b.txt", "Walrus three.\n")
    .write("2025-01-03/c.txt", "No match here.\n");
    env.index();
    let run = env.run(&[
        "timeline",
        "walrus",
        "--by",
        "month",
        "--field",
        "published",
        "--format",
        "json",
        "--index",
        "index",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let buckets = run.json()["buckets"].as_array().unwrap().clone();
    let counts: Vec<(String, u64)> = buckets
        .iter()
        .map(|b| {
            (
                b["label"].as_str().unwrap().to_string(),
                b["passages"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [("2024-11".to_string(), 2), ("2024-12".to_string(), 1)]
    );
    let text = env.run(&[
        "timeline",
        "walrus",
        "--field",
        "published",
        "--index",
        "index",
    ]);
    assert!(
        text.stdout.contains("2024-11") && text.stdout.contains('█'),
        "{}",
        text.stdout
    );
    let csv = env.run(&[
        "timeline",
        "walrus",
        "--field",
        "published",
        "--format",
        "csv",
        "--index",
        "index",
    ]);
    assert!(
        csv.stdout.starts_with("start,label,passages,articles\n"),
        "{}",
        csv.stdout
    );
}

#[test]
fn show_finds_an_article_by_exactly_what_names_it() {
    let env = Env::new();
    env.write("x.txt", "Walruses at the root.\n")
        .write("a/x.txt", "Walruses in folder a.\n")
        .write("b/a/x.txt", "Walruses in folder b/a.\n");
    env.index();
    // (what `show` is given, the text it must print; None: not found)
    let cases: &[(&str, Option<&str>)] = &[
        ("corpus/x.txt", Some("at the root")),
        ("corpus/a/x.txt", Some("in folder a.")),
        ("corpus/b/a/x.txt", Some("in folder b/a")),
        ("x.txt", Some("at the root")),
        ("a/x.txt", Some("in folder a.")),
        ("b/a/x.txt", Some("in folder b/a")),
        ("other/a/x.txt", None),
        ("corpus/../corpus/a/x.txt", None),
    ];
    for (key, text) in cases {
        let run = env.run(&["show", key, "--index", "index", "--format", "json"]);
        let Some(text) = text else {
            assert_eq!(run.status, 2, "{key}: {}", run.stdout);
            continue;
        };
        let json = run.json();
        let texts: Vec<&str> = json["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["text"].as_str().unwrap())
            .collect();
        assert!(
            texts.len() == 1 && texts[0].contains(text),
            "{key}: {texts:?}"
        );
        // The shape `/api/article` answers with, which says whether the
        // listing was cut; not a search's `dates_read`.
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["hits", "query", "total", "truncated"], "{key}");
        assert_eq!(json["truncated"], false);
    }
}

#[test]
fn show_prints_an_article_or_a_passage_with_its_neighbours() {
    let env = Env::new();
    env.write(
        "a.txt",
        "Title line\n\nZero.\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n",
    );
    env.index();
    let run = env.run(&["show", "corpus/a.txt", "--index", "index"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Title line") && run.stdout.contains("Four."),
        "{}",
        run.stdout
    );
    // PATH:LINE as search prints a hit (passage 3, "Three.", is on line 9),
    // or a passage by its number.
    let targets: [&[&str]; 4] = [
        &["corpus/a.txt:9"],
        &["./corpus/a.txt:9"],
        &["corpus/a.txt:10"],
        &["corpus/a.txt", "--passage", "3"],
    ];
    for target in targets {
        let mut args = vec!["show"];
        args.extend(target);
        args.extend(["--context", "1", "--index", "index", "--format", "json"]);
        let passages: Vec<u64> = env.run(&args).json()["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["passage"].as_u64().unwrap())
            .collect();
        assert_eq!(passages, [2, 3, 4], "{target:?}");
    }
    let hit = &env.hits("three", &[])[0];
    assert_eq!(hit["line"], 9, "search and show agree on lines");
    // A line past the file's end says how many lines it has, rather
    // than showing its last passages as if they were there.
    for line in ["12", "9999"] {
        let past = env.run(&["show", &format!("corpus/a.txt:{line}"), "--index", "index"]);
        assert_eq!(past.status, 2, "{}", past.stderr);
        assert!(
            past.stderr.contains(&format!(
                "\"corpus/a.txt\" has 11 lines, and no line {line}: give a line from 1 to 11"
            )),
            "{}",
            past.stderr
        );
    }
    let last = env.run(&["show", "corpus/a.txt:11", "--index", "index"]);
    assert!(last.stdout.contains("Four."), "{}", last.stderr);
    let missing = env.run(&["show", "corpus/nope.txt", "--index", "index"]);
    assert_eq!(missing.status, 2);
    assert!(
        missing.stderr.contains("not in the index"),
        "{}",
        missing.stderr
    );
}

/// `--passage N` of a file of many articles asks which article; when the
/// listing stops at its 10,000 passages, the count it saw is a floor.
#[test]
fn show_passage_of_a_file_of_many_articles_counts_them_honestly() {
    let env = Env::new();
    let record = |id: &str, entries: usize| {
        let body: Vec<String> = (0..entries).map(|i| format!("Entry {i}.")).collect();
        serde_json::json!({"id": id, "title": id, "body": body.join("\n\n")}).to_string()
    };
    let feed = [record("a", 6_000), record("b", 5_000), record("c", 1)].join("\n");
    env.write("feed.jsonl", &feed);
    env.index();
    let run = env.run(&[
        "show",
        "corpus/feed.jsonl",
        "--passage",
        "1",
        "--index",
        "index",
    ]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("holds at least 2 articles"),
        "{}",
        run.stderr
    );
}

/// In a file of many articles, the line of a hit names its article.
#[test]
fn show_path_line_opens_the_article_of_that_line_in_json_lines() {
    let env = Env::new();
    let record = |place: &str| {
        format!(
            "{{\"title\": \"Walrus\", \"text\": \"A walrus in {place}.\\n\\nIt left {place}.\"}}\n"
        )
    };
    env.write(
        "news.jsonl",
        [record("Tromso"), record("Hammerfest"), record("Bodo")].concat(),
    );
    env.index();
    let hit = &env.hits("Hammerfest", &[])[0];
    let target = format!("corpus/news.jsonl:{}", hit["line"]);
    let shown = env
        .run(&["show", &target, "--index", "index", "--format", "json"])
        .json();
    let texts: Vec<&str> = shown["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["A walrus in Hammerfest.", "It left Hammerfest."]);
    // A JSON array on one line: the line holds every article, the hit
    // names its own, and another file ending alike is not confused with it.
    env.write(
        "min.json",
        r#"[{"id": "m1", "text": "Vilnius saw protests."}, {"id": "m2", "text": "Tallinn saw protests."}]"#,
    )
    .write("old/min.json", r#"[{"id": "o1", "text": "Lisbon was calm."}]"#);
    env.index();
    let text = env.run(&["search", "Tallinn", "--index", "index"]).stdout;
    assert!(
        text.contains("min.json:1 passage 0 · article min.json#id:m2"),
        "{text}"
    );
    let both = env.run(&["show", "corpus/min.json:1", "--index", "index"]);
    assert!(
        both.stdout.contains("Vilnius") && both.stdout.contains("Tallinn"),
        "{}",
        both.stdout
    );
    assert!(
        both.stderr.contains("2 articles start on line 1"),
        "{}",
        both.stderr
    );
    let one = env
        .run(&["show", "min.json#id:m2", "--index", "index"])
        .stdout;
    assert!(one.contains("Tallinn") && !one.contains("Vilnius"), "{one}");
    let old = env
        .run(&["show", "corpus/old/min.json:1", "--index", "index"])
        .stdout;
    assert!(old.contains("Lisbon") && !old.contains("Tallinn"), "{old}");
    // Records without ids: the first is named by its record too.
    env.write(
        "noid.jsonl",
        "{\"text\": \"The kiwi in Wellington.\"}\n{\"text\": \"The kiwi in Auckland.\"}\n",
    );
    env.index();
    let text = env
        .run(&["search", "Wellington", "--index", "index"])
        .stdout;
    assert!(text.contains("· article noid.jsonl#0"), "{text}");
    let first = env
        .run(&["show", "noid.jsonl#0", "--index", "index"])
        .stdout;
    assert!(
        first.contains("Wellington") && !first.contains("Auckland"),
        "{first}"
    );
    let past_the_end = env.run(&["show", "corpus/nope.jsonl:2", "--index", "index"]);
    assert_eq!(past_the_end.status, 2);
    assert!(
        past_the_end
            .stderr
            .contains("\"corpus/nope.jsonl\" is not in the index"),
        "{}",
        past_the_end.stderr
    );
}

/// A line of JSON Lines that indexing skipped (a broken record, as its
/// warning names it, or a blank line) holds no article: `show` said
/// nothing of it and showed the record before, another story. A record
/// written over several lines is still found by any of its lines.
#[test]
fn show_path_line_of_a_skipped_json_lines_line_says_so() {
    let env = Env::new();
    env.write(
        "feed.jsonl",
        "{\"title\": \"Alpha\", \"text\": \"Alpha story.\"}\n{\"title\": broken}\n\n{\"title\": \"Gamma\", \"text\": \"Gamma story.\"}\n",
    )
    .write(
        "pretty.jsonl",
        "{\n  \"title\": \"Delta\",\n  \"text\": \"Delta story.\"\n}\n",
    );
    let index = env.index();
    assert!(index.stderr.contains("feed.jsonl:2"), "{}", index.stderr);
    for line in [2, 3] {
        let run = env.run(&[
            "show",
            &format!("corpus/feed.jsonl:{line}"),
            "--index",
            "index",
        ]);
        assert_eq!(run.status, 2, "{}", run.stdout);
        assert!(
            run.stderr.contains(&format!(
                "line {line} of \"corpus/feed.jsonl\" holds no article: indexing skipped it"
            )),
            "{}",
            run.stderr
        );
    }
    let gamma = env.run(&["show", "corpus/feed.jsonl:4", "--index", "index"]);
    assert!(gamma.stdout.contains("Gamma story."), "{}", gamma.stderr);
    let delta = env.run(&["show", "corpus/pretty.jsonl:3", "--index", "index"]);
    assert!(delta.stdout.contains("Delta story."), "{}", delta.stderr);
}

/// Every passage of a JSON Lines record starts on the record's line, so
/// the line of a hit does not say which of them it is: `show PATH:LINE`
/// showed the record's last passages, and a hit early in a long story
/// was not among them.
#[test]
fn show_path_line_of_a_long_record_shows_the_hit() {
    let env = Env::new();
    let paragraphs: Vec<String> = (0..8)
        .map(|i| match i {
            1 => "Paragraph 1 about the narwhal in the harbour.".to_string(),
            _ => format!("Paragraph {i} about the harbour."),
        })
        .collect();
    let body = paragraphs.join("\n\n");
    let record = serde_json::json!({"title": "Harbour", "text": body}).to_string();
    env.write("long.jsonl", format!("{record}\n"));
    env.index();
    let hit = &env.hits("narwhal", &[])[0];
    assert_eq!(hit["passage"], 1, "{hit}");
    let target = format!("corpus/long.jsonl:{}", hit["line"]);
    for context in ["0", "2"] {
        let shown = env.run(&[
            "show",
            &target,
            "--context",
            context,
            "--index",
            "index",
            "--format",
            "json",
        ]);
        assert_eq!(shown.status, 0, "{}", shown.stderr);
        let texts: Vec<String> = shown.json()["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["text"].as_str().unwrap().to_string())
            .collect();
        assert!(
            texts.iter().any(|t| t.contains("narwhal")),
            "--context {context}: {texts:?}"
        );
    }
    // The line names the record and `--passage` the hit, as search prints
    // them (`long.jsonl:1 passage 1`); the pair was refused.
    let one = env.run(&[
        "show",
        &target,
        "--passage",
        "1",
        "--context",
        "0",
        "--index",
        "index",
        "--format",
        "jsonl",
    ]);
    assert_eq!(one.status, 0, "{}", one.stderr);
    let passages: Vec<u64> = one
        .json_lines()
        .iter()
        .map(|h| h["passage"].as_u64().unwrap())
        .collect();
    assert_eq!(passages, [1], "{}", one.stdout);
}

#[test]
fn the_same_id_in_two_files_names_two_articles() {
    let env = Env::new();
    let record = |place: &str| {
        format!(
            "{{\"id\": 1, \"date\": \"2024-12-30\", \"title\": \"Walrus watch\", \"text\": \"A walrus basked {place}.\\n\\n\
             Crowds gathered {place} to see it.\\n\\nThe walrus left {place} at noon.\"}}\n"
        )
    };
    env.write("day-1.jsonl", record("on the pier in Tromso"))
        .write("day-2.jsonl", record("by the ferry dock of Hammerfest"));
    env.index();

    let per_article = env.hit_files("walrus", &["--per-article", "1"]);
    assert_eq!(per_article, ["day-1.jsonl", "day-2.jsonl"]);

    let hits = env.hits("walrus Hammerfest noon", &["--context", "1"]);
    let context = context_texts(&hits[0]);
    assert_eq!(
        context,
        ["Crowds gathered by the ferry dock of Hammerfest to see it."]
    );

    let timeline = env.run(&[
        "timeline",
        "walrus",
        "--field",
        "published",
        "--index",
        "index",
        "--format",
        "json",
    ]);
    assert_eq!(
        timeline.json()["buckets"][0]["articles"],
        2,
        "{}",
        timeline.stdout
    );

    let shown = env
        .run(&["show", "1", "--index", "index", "--format", "json"])
        .json();
    let paths: Vec<&str> = shown["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["path"].as_str().unwrap().trim_start_matches("corpus/"))
        .collect();
    assert_eq!(
        paths,
        ["day-1.jsonl"; 3]
            .into_iter()
            .chain(["day-2.jsonl"; 3])
            .collect::<Vec<_>>()
    );

    // The identity an export gives names one of them.
    let one = env
        .run(&[
            "show",
            "day-2.jsonl#id:1",
            "--index",
            "index",
            "--format",
            "json",
        ])
        .json();
    let texts: Vec<&str> = one["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.len() == 3 && texts.iter().all(|t| t.contains("Hammerfest")),
        "{texts:?}"
    );

    let export = env.run(&["export", "--format", "quickwit", "--index", "index"]);
    let ids: std::collections::HashSet<String> = export
        .json_lines()
        .iter()
        .map(|doc| doc["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 6, "{:?}", ids);
}

/// A command that finds nothing says so on stderr, and why when it knows.
#[test]
fn empty_results_are_explained_on_stderr() {
    let env = Env::new();
    env.write("a.txt", "Walrus\n\nA walrus basked on the pier.\n")
        .write("b.txt", "Harbour\n\nSeals swam in the harbour.\n");
    env.index();
    let cases: [(&[&str], &str); 9] = [
        (
            &["search", "zzzqqq"],
            "no passage matches \"zzzqqq\": \"zzzqqq\" is in no passage",
        ),
        (
            &["search", "walrsu pier"],
            "\"walrsu\" is in no passage (the index has \"walrus\", in 1 passage; `walrsu~1` \
             searches near spellings)",
        ),
        (
            &["search", "walrus seals"],
            "each word is in some passage, never all in one (\"walrus\" 1 passage, \"seals\" 1 \
             passage)",
        ),
        (
            &["search", "\"walrus seals\""],
            "no passage matches \"\\\"walrus seals\\\"\"\n",
        ),
        (&["timeline", "zzzqqq"], "no passage matches \"zzzqqq\""),
        (
            &["entities", "zzzqqq"],
            "no passage matches \"zzzqqq\": \"zzzqqq\" is in no passage",
        ),
        (
            &["timeline", "walrus"],
            "1 passage matches \"walrus\", and none mentions a date that counts in these buckets",
        ),
        (
            &["timeline", "walrus", "--field", "published"],
            "none has a publication date",
        ),
        // Years are the widest buckets: no wider --by to try.
        (
            &["timeline", "walrus", "--by", "year"],
            "counts in none): try --field published",
        ),
    ];
    check_empty_results(&env, &cases);
    // An index of a folder without articles says how to fill it.
    let empty = Env::new();
    empty.write("notes.txt", "");
    empty.index();
    for command in ["search", "timeline", "entities"] {
        let run = empty.run(&[command, "walrus", "--index", "index"]);
        assert_eq!(run.status, 1, "{command}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("holds no passages: index a folder of news into it"),
            "{command}: {}",
            run.stderr
        );
    }
}

/// Runs each command, which must find nothing and say the message.
fn check_empty_results(env: &Env, cases: &[(&[&str], &str)]) {
    for (args, message) in cases {
        let mut args = args.to_vec();
        args.extend(["--index", "index"]);
        let run = env.run(&args);
        assert_eq!(run.status, 1, "{args:?}");
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
    }
}

/// A misspelt entity filter says which word of the name no name holds, and
/// the nearest the index has, as a misspelt word of the query does.
#[test]
fn a_misspelt_entity_filter_gets_the_nearest_name() {
    let env = Env::new();
    env.write(
        "a.txt",
        "Talks\n\nPresident Ilham Aliyev spoke in Baku on Monday about the talks.\n",
    )
    // Each word of "Vladmir Putin" is in a person's name, never both in one.
    .write(
        "b.txt",
        "Oil\n\nVladmir Vladiminovich Semenovich, the head of petroleum geology at Moscow \
         State University, told delegates at the World Petroleum Congress.\n\nRussian \
         President Vladimir Putin said on Monday that output would rise.\n",
    );
    env.index();
    check_empty_results(
        &env,
        &[
            (
                &["search", "", "--person", "Vladmir Putin"],
                "--person \"Vladmir Putin\": no person's name holds \"vladmir putin\" (the \
                 index has \"vladimir putin\", in 1 passage)",
            ),
            (
                &["search", "talks", "--person", "Ilham Aliyevv"],
                "1 passage matches \"talks\" without the filters, none with --person \"Ilham \
                 Aliyevv\": --person \"Ilham Aliyevv\": no person's name holds \"aliyevv\" (the \
                 index has \"aliyev\", in 1 passage)",
            ),
            (
                &["search", "", "--place", "Bakku"],
                "--place \"Bakku\": no place's name holds \"bakku\" (the index has \"baku\"",
            ),
            (
                &["search", "", "--name", "Aliyevv"],
                "--name \"Aliyevv\": no name holds \"aliyevv\" (the index has \"aliyev\"",
            ),
            // A name field of the query gets the same help as a filter.
            (
                &["search", "person:Aliyevv"],
                "no passage matches \"person:Aliyevv\": person:\"Aliyevv\": no person's name \
                 holds \"aliyevv\" (the index has \"aliyev\", in 1 passage)",
            ),
            (
                &["search", "talks place:Bakku -person:Aliyev"],
                "place:\"Bakku\": no place's name holds \"bakku\" (the index has \"baku\"",
            ),
            (
                &["search", "talks person:\"Vladmir Putin\""],
                "person:\"Vladmir Putin\": no person's name holds \"vladmir putin\" (the index \
                 has \"vladimir putin\", in 1 passage)",
            ),
            // A name in a catalogue's order, and filters that leave nothing
            // with no query, said only "no passage matches the filters".
            (
                &["search", "", "--person", "Putin, Vladimir"],
                "--person \"Putin, Vladimir\": no person's name is written so: put the first \
                 name first, --person \"Vladimir Putin\"",
            ),
            (
                &["search", "", "--person", "Aliyev", "--since", "2030"],
                "no passage matches the filters (--person \"Aliyev\" --since 2030): check the \
                 names and dates, or drop a filter",
            ),
        ],
    );
}

/// The passages the suggested spelling is said to be in are those a search
/// for it finds: counting only the entity names that hold it ("Shell Oil
/// Co") said "oil" was in 1 passage of 3.
#[test]
fn a_suggested_spelling_counts_the_passages_its_search_finds() {
    let env = Env::new();
    env.write(
        "a.txt",
        "Refinery deal\n\nRoyal Dutch Shell Oil Co said on Monday it sold a refinery.\n",
    )
    .write("b.txt", "Prices\n\nCrude oil prices rose sharply.\n")
    .write("c.txt", "Markets\n\nHeating oil stocks fell in the week.\n");
    env.index();
    check_empty_results(
        &env,
        &[(
            &["search", "oilx"],
            "the index has \"oil\", in 3 passages; `oilx~1` searches near spellings",
        )],
    );
}
