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
}
