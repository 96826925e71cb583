//! `newsdex extract`: the JSON Lines contract other tools rely on.

use crate::harness::Env;

#[test]
fn prints_one_object_per_file_with_the_contract_fields() {
    let env = Env::new();
    env.write("a.txt", "Title\n\nSome text.\n")
        .write("b.txt", "More text.\n");
    let run = env.run(&["extract", "corpus/a.txt", "corpus/b.txt"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let records = run.json_lines();
    assert_eq!(records.len(), 2);
    for record in &records {
        for key in ["path", "published", "entities", "dates"] {
            assert!(record.get(key).is_some(), "missing {key}: {record}");
        }
    }
    assert_eq!(records[0]["path"], "corpus/a.txt");
}

/// The section a story ran in, as its metadata names it (the BBC's
/// `category`), or null.
#[test]
fn prints_the_section_a_story_ran_in() {
    let env = Env::new();
    env.write(
        "bbc.jsonl",
        "{\"id\": \"sport/1.txt\", \"category\": \"sport\", \"title\": \"T\", \"body\": \"Celtic won.\"}\n\
         {\"id\": \"x\", \"title\": \"T\", \"body\": \"Rangers lost.\"}\n",
    );
    let run = env.run(&["extract", "corpus/bbc.jsonl"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let sections: Vec<_> = run
        .json_lines()
        .iter()
        .map(|r| r["section"].clone())
        .collect();
    assert_eq!(
        sections,
        [serde_json::json!("sport"), serde_json::Value::Null]
    );
}

#[test]
fn published_flag_sets_the_date() {
    let env = Env::new();
    env.write("a.txt", "Some text.\n");
    let run = env.run(&["extract", "--published", "2024-12-30", "corpus/a.txt"]);
    assert_eq!(run.json_lines()[0]["published"], "2024-12-30");
    let bad = env.run(&["extract", "--published", "30/12/2024", "corpus/a.txt"]);
    assert_eq!(bad.status, 2);
}

#[test]
fn unreadable_files_warn_and_the_rest_are_printed() {
    let env = Env::new();
    env.write("a.txt", "Some text.\n");
    let run = env.run(&["extract", "corpus/missing.txt", "corpus/a.txt"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("missing.txt"), "{}", run.stderr);
    assert_eq!(run.json_lines().len(), 1);
    // A path typed wrong is not a file that "vanished while the folder was
    // read": the message says what it is.
    assert!(
        run.stderr.contains("no such file or folder") && !run.stderr.contains("vanished"),
        "{}",
        run.stderr
    );
}

const SEED: &str = include_str!("../fixtures/seed.txt");

#[test]
fn seed_dates_resolve_against_the_publication_date_with_byte_offsets() {
    let env = Env::new();
    env.write("seed.txt", SEED);
    let run = env.run(&["extract", "--published", "2024-12-30", "corpus/seed.txt"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let record = &run.json_lines()[0];
    let dates = record["dates"].as_array().unwrap();
    for (text, value) in [("December 25", "2024-12-25"), ("December 29", "2024-12-29")] {
        let date = dates
            .iter()
            .find(|d| d["text"] == text)
            .unwrap_or_else(|| panic!("{text} missing: {dates:?}"));
        assert_eq!(date["type"], "DATE");
        assert_eq!(date["value"], value);
        let (start, end) = (
            date["start"].as_u64().unwrap() as usize,
            date["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&SEED[start..end], text, "offsets are bytes of the file");
    }
}

/// `extract -` with `input` on standard input: its output and stderr.
fn extract_standard_input(input: &[u8]) -> std::process::Output {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_newsdex"))
        .args(["extract", "--published", "2024-12-30", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn standard_input_is_read_as_plain_text() {
    let output = extract_standard_input(b"The talks ended on December 25.");
    let record: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(record["path"], "-");
    assert_eq!(record["dates"][0]["value"], "2024-12-25");
}

/// JSON Lines piped in are read as such, and the warning speaks of
/// standard input, not of a file "-.txt" to rename.
#[test]
fn json_lines_on_standard_input_are_records_and_warned_about_as_such() {
    let output = extract_standard_input(
        b"{\"text\": \"Talks ended on December 25.\"}\n{\"text\": \"Talks began.\"}\n",
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr.trim_end(),
        "newsdex: warning: standard input: holds one JSON record a line: read as JSON Lines"
    );
}

#[test]
fn an_eight_digit_date_number_is_a_calendar_date() {
    let env = Env::new();
    env.write("a.json", r#"{"text": "Some text.", "date": 20241230}"#)
        .write("b.md", "---\ndate: 20241230\n---\nSome text.\n")
        .write("c.md", "+++\ndate = 20241230\n+++\nSome text.\n");
    let run = env.run(&["extract", "corpus/a.json", "corpus/b.md", "corpus/c.md"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let records = run.json_lines();
    assert_eq!(records.len(), 3);
    for record in records {
        assert_eq!(record["published"], "2024-12-30", "{record}");
    }
}

#[test]
fn a_folder_is_read_as_index_reads_it() {
    let env = Env::new();
    env.write(
        "2024/12/30/crash.txt",
        "Crash\n\nThe plane fell on Wednesday.\n",
    )
    .write("2024/b.md", "# Talks\n\nTalks went on.\n")
    .write("README.md", "About this folder.\n")
    .write(".hidden.txt", "Never read.\n")
    .write("notes.pdf", "not news");
    let run = env.run(&["extract", "corpus"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let records = run.json_lines();
    let paths: Vec<&str> = records
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["corpus/2024/12/30/crash.txt", "corpus/2024/b.md"]);
    // The path below the folder dates the story, as in an index.
    assert_eq!(records[0]["published"], "2024-12-30");
    assert_eq!(records[0]["dates"][0]["value"], "2024-12-25");
}
