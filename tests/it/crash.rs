//! Interrupted and concurrent runs: a killed `index` never loses or
//! duplicates what it indexed, and two writers never share an index.

use std::collections::BTreeSet;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::harness::Env;

/// A tiny deterministic generator, so a failing round can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound
    }
}

fn story(id: u64, version: u64) -> String {
    format!(
        "Story {id} version {version}\n\nThe walrus number {id} swam past pier {version}.\n\n\
         Fishermen counted {id} gulls and {version} boats in the bay.\n"
    )
}

/// Every passage the index holds, as (path, passage, text).
fn passages(env: &Env, index: &str) -> BTreeSet<(String, u64, String)> {
    let run = env.run(&[
        "search",
        "",
        "--index",
        index,
        "--format",
        "jsonl",
        "--limit",
        "100000",
        "--per-article",
        "0",
        "--no-collapse",
    ]);
    assert!(
        run.status == 0 || run.status == 1,
        "search after a kill failed: {}",
        run.stderr
    );
    run.json_lines()
        .iter()
        .map(|h| {
            (
                h["path"].as_str().unwrap().to_string(),
                h["passage"].as_u64().unwrap(),
                h["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn killed_runs_never_lose_or_duplicate_passages() {
    let env = Env::new();
    let mut rng = Lcg(42);
    let mut versions: Vec<Option<u64>> = vec![Some(0); 120];
    for (id, _) in versions.iter().enumerate() {
        env.write(&format!("d{}/s{id}.txt", id % 7), story(id as u64, 0));
    }
    for _round in 0..20 {
        // Edit, delete and re-add files between runs, as a newsroom does.
        for _ in 0..6 {
            let id = rng.next(versions.len() as u64) as usize;
            let path = format!("d{}/s{id}.txt", id % 7);
            match versions[id] {
                Some(_) if rng.next(4) == 0 => {
                    env.remove(&path);
                    versions[id] = None;
                }
                Some(v) => {
                    env.write(
                        &path,
                        story(id as u64, v + 1) + &"More text. ".repeat(rng.next(5) as usize),
                    );
                    versions[id] = Some(v + 1);
                }
                None => {
                    env.write(&path, story(id as u64, 9));
                    versions[id] = Some(9);
                }
            }
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsdex"))
            .args(["index", "corpus", "--quiet", "--commit-every", "300"])
            .current_dir(env.root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.next(400)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        if env.root().join("index/meta.json").exists() {
            // Opens and answers, whatever moment the kill hit.
            let _ = passages(&env, "index");
        }
    }
    let finish = env.run(&["index", "corpus", "--quiet"]);
    assert_eq!(finish.status, 0, "{}", finish.stderr);
    let rebuilt = env.run(&["index", "corpus", "--quiet", "--index", "reference"]);
    assert_eq!(rebuilt.status, 0, "{}", rebuilt.stderr);
    let (after_kills, reference) = (passages(&env, "index"), passages(&env, "reference"));
    // The passages one side has and the other lacks, so that a failure on
    // a loaded machine says which files went wrong, and how.
    let extra: Vec<_> = after_kills.difference(&reference).collect();
    let missing: Vec<_> = reference.difference(&after_kills).collect();
    assert!(
        extra.is_empty() && missing.is_empty(),
        "after the kills, {} passages ({} in a clean build); extra: {extra:?}; missing: \
         {missing:?}; last run said: {}",
        after_kills.len(),
        reference.len(),
        finish.stderr
    );
}

#[test]
fn a_second_index_run_is_refused_while_one_is_running() {
    let env = Env::new();
    for i in 0..1500 {
        env.write(
            &format!("s{i}.txt"),
            format!("Walrus {i}.\n\nMore about walrus {i} and the sea.\n"),
        );
    }
    let mut first = Command::new(env!("CARGO_BIN_EXE_newsdex"))
        .args(["index", "corpus", "--quiet"])
        .current_dir(env.root())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the first run holds the index.
    let lock = env.root().join("index/.tantivy-writer.lock");
    for _ in 0..200 {
        if lock.exists() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let second = env.run(&["index", "corpus"]);
    let first_status = first.wait().unwrap();
    assert!(first_status.success());
    if second.status == 2 {
        assert!(
            second.stderr.contains("in use by another newsdex process"),
            "{}",
            second.stderr
        );
    } else {
        // The first run finished before the second started: nothing to refuse.
        assert_eq!(second.status, 0, "{}", second.stderr);
    }
}

#[test]
fn a_damaged_index_is_reported_with_what_to_do() {
    let env = Env::new();
    env.write("a.txt", "The walrus slept.\n");
    env.index();
    std::fs::write(env.root().join("index/meta.json"), "{ not json").unwrap();
    let run = env.run(&["search", "walrus", "--index", "index"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("index") && run.stderr.contains("--rebuild"),
        "{}",
        run.stderr
    );
    let rebuilt = env.run(&["index", "corpus", "--rebuild"]);
    assert_eq!(rebuilt.status, 0, "{}", rebuilt.stderr);
    assert_eq!(env.hits("walrus", &[]).len(), 1);
}

#[test]
fn an_index_of_another_version_asks_for_a_rebuild() {
    // 8: the last schema without sections.
    for version in [0, 8] {
        let env = Env::new();
        env.write("a.txt", "The walrus slept.\n");
        env.index();
        env.set_commit_payload(&format!(r#"{{"newsdex_schema":{version},"corpus":null}}"#));
        for args in [
            vec!["search", "walrus", "--index", "index"],
            vec!["sections", "--index", "index"],
            vec!["index", "corpus"],
        ] {
            let run = env.run(&args);
            assert_eq!(run.status, 2, "{args:?}");
            assert!(
                run.stderr.contains(&format!("schema version {version}"))
                    && run.stderr.contains("--rebuild"),
                "{}",
                run.stderr
            );
        }
        assert_eq!(env.run(&["index", "corpus", "--rebuild"]).status, 0);
        assert_eq!(env.hits("walrus", &[]).len(), 1);
    }
}
