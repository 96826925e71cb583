//! The section an article ran in: `--section`, `section:` in the query,
//! the hit's `section`, and `newsdex sections`.

use crate::harness::Env;

/// Four budget stories: two in politics (written two ways), one in sport,
/// and one without a section.
pub fn sectioned_env() -> Env {
    let env = Env::new();
    env.write(
        "news.jsonl",
        concat!(
            r#"{"id": "a1", "category": "politics", "title": "Budget row", "date": "2005-03-01", "body": "The budget row split the cabinet."}"#,
            "\n",
            r#"{"id": "a2", "category": "Politics", "title": "Budget vote", "date": "2005-03-02", "body": "MPs vote on the budget today."}"#,
            "\n",
            r#"{"id": "a3", "category": "sport", "title": "Club budget", "date": "2005-03-03", "body": "The club budget for players grew."}"#,
            "\n",
        ),
    );
    env.write(
        "plain.txt",
        "Budget news\n\nThe budget was published on Monday.\n",
    );
    env.index();
    env
}

/// The titles of the hits, sorted.
fn titles(env: &Env, query: &str, flags: &[&str]) -> Vec<String> {
    let mut titles: Vec<String> = env
        .hits(query, flags)
        .iter()
        .map(|h| h["title"].as_str().unwrap().to_string())
        .collect();
    titles.sort();
    titles
}

#[test]
fn a_section_filter_keeps_the_articles_of_that_section_in_any_case() {
    let env = sectioned_env();
    let politics: &[&str] = &["Budget row", "Budget vote"];
    // (query, flags, titles of the hits)
    let cases: &[(&str, &[&str], &[&str])] = &[
        ("budget", &["--section", "politics"], politics),
        ("budget", &["--section", "POLITICS"], politics),
        ("budget", &["--section", " Politics "], politics),
        ("budget", &["--section", "sport"], &["Club budget"]),
        (
            "budget",
            &["--section", "politics", "--section", "Sport"],
            &["Budget row", "Budget vote", "Club budget"],
        ),
        ("budget", &["--section", "polit"], &[]),
        ("", &["--section", "sport"], &["Club budget"]),
        ("budget section:politics", &[], politics),
        ("budget section:Sport", &[], &["Club budget"]),
        (
            "budget -section:politics",
            &[],
            &["Budget news", "Club budget"],
        ),
        (
            "section:sport OR section:POLITICS",
            &[],
            &["Budget row", "Budget vote", "Club budget"],
        ),
    ];
    for (query, flags, want) in cases {
        assert_eq!(titles(&env, query, flags), *want, "{query:?} {flags:?}");
    }
    // Each hit names its section as the article writes it.
    for hit in env.hits("vote", &[]) {
        assert_eq!(hit["section"], "Politics", "{hit}");
    }
    assert!(env.hits("Monday", &[])[0]["section"].is_null());
}

#[test]
fn a_section_no_article_ran_in_is_named_with_the_sections_there_are() {
    let env = sectioned_env();
    let held = "no article ran in it; the index has \"Politics\", \"sport\"";
    // (arguments, what stderr says)
    let cases: &[(&[&str], &str)] = &[
        (
            &["search", "budget", "--section", "world"],
            "--section \"world\": ",
        ),
        (&["search", "budget section:world"], "section:\"world\": "),
        (&["sections", "--section", "world"], "--section \"world\": "),
    ];
    for (args, filter) in cases {
        let mut args = args.to_vec();
        args.extend(["--index", "index"]);
        let run = env.run(&args);
        assert_eq!(run.status, 1, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!("{filter}{held}")),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn sections_lists_each_section_once_with_its_passages_and_articles() {
    let env = sectioned_env();
    let json = env.run(&["sections", "--format", "json", "--index", "index"]);
    assert_eq!(json.status, 0, "{}", json.stderr);
    assert_eq!(
        json.json()["sections"],
        serde_json::json!([
            // "politics" and "Politics" are one row, under the first in
            // byte order of two spellings with as many passages.
            { "section": "Politics", "passages": 2, "articles": 2 },
            { "section": "sport", "passages": 1, "articles": 1 },
        ])
    );
    // (arguments, what stdout holds)
    let cases: &[(&[&str], &str)] = &[
        (
            &["sections", "--format", "csv"],
            "section,passages,articles\nPolitics,2,2\nsport,1,1\n",
        ),
        (&["sections", "players"], "sport"),
        (
            &["sections", "--top", "1", "--format", "csv"],
            "Politics,2,2\n",
        ),
        (
            &[
                "sections",
                "budget",
                "--format",
                "jsonl",
                "--section",
                "sport",
            ],
            "{\"section\":\"sport\",\"passages\":1,\"articles\":1}\n",
        ),
    ];
    for (args, want) in cases {
        let mut args = args.to_vec();
        args.extend(["--index", "index"]);
        let run = env.run(&args);
        assert_eq!(run.status, 0, "{args:?}: {}", run.stderr);
        assert!(run.stdout.contains(want), "{args:?}: {}", run.stdout);
    }
    let none = env.run(&["sections", "Monday", "--index", "index"]);
    assert_eq!(none.status, 1, "{}", none.stderr);
    assert!(
        none.stderr
            .contains("no article of theirs names its section"),
        "{}",
        none.stderr
    );
}

#[test]
fn hits_carry_the_section_in_every_format() {
    let env = sectioned_env();
    let run = |format: &str| {
        let run = env.run(&["search", "players", "--format", format, "--index", "index"]);
        assert_eq!(run.status, 0, "{}", run.stderr);
        run.stdout
    };
    // (format, what the hit shows)
    let cases = [
        ("json", "\"section\": \"sport\""),
        ("jsonl", "\"section\":\"sport\""),
        ("csv", "score,path,title,section,published"),
        ("csv", ",Club budget,sport,2005-03-03,"),
        ("text", "2005-03-03 · in sport · score"),
    ];
    for (format, want) in cases {
        let out = run(format);
        assert!(out.contains(want), "{format}: {out}");
    }
}

#[test]
fn exports_keep_the_section_as_written_and_match_it_in_any_case() {
    let env = sectioned_env();
    for format in ["elasticsearch", "quickwit"] {
        let run = env.run(&["export", "--format", format, "--out", "news.ndjson"]);
        assert_eq!(run.status, 0, "{format}: {}", run.stderr);
    }
    let documents = std::fs::read_to_string(env.root().join("news.ndjson")).unwrap();
    let mut sections: Vec<String> = documents
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap())
        .map(|document| document["section"].to_string())
        .collect();
    sections.sort();
    assert_eq!(
        sections,
        ["\"Politics\"", "\"politics\"", "\"sport\"", "null"]
    );
    let mapping: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(env.root().join("news.ndjson.mapping.json")).unwrap(),
    )
    .unwrap();
    let normalizer = mapping["mappings"]["properties"]["section"]["normalizer"]
        .as_str()
        .unwrap();
    assert_eq!(
        mapping["settings"]["analysis"]["normalizer"][normalizer]["filter"],
        serde_json::json!(["lowercase"])
    );
    let config: serde_json::Value = serde_yaml_ng::from_str(
        &std::fs::read_to_string(env.root().join("news.ndjson.index-config.yaml")).unwrap(),
    )
    .unwrap();
    let section = config["doc_mapping"]["field_mappings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|field| field["name"] == "section")
        .expect("the section is mapped");
    assert_eq!(section["tokenizer"], "raw_lowercase");
}
