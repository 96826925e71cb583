//! A reader that stops reading (`newsdex search x --format csv | head`,
//! `newsdex export ... | head`) is no error: the command stops quietly, with
//! status 0, as it does for text and JSON.

use std::io::Read;
use std::process::{Command, Stdio};

use crate::harness::Env;

/// An index of 400 one-passage articles: more output than a pipe buffers,
/// so a write fails even when the reader closes late.
fn many_articles() -> Env {
    let env = Env::new();
    let lines: Vec<String> = (0..400)
        .map(|i| {
            format!(
                r#"{{"title": "Oil report {i}", "date": "2024-12-{:02}", "text": "Oil prices rose in Baku on December {}, 2024, said Ilham Aliyev, number {i}."}}"#,
                i % 28 + 1,
                i % 28 + 1
            )
        })
        .collect();
    env.write("wire.jsonl", lines.join("\n") + "\n");
    env.index();
    env
}

/// Runs `newsdex ARGS` with a stdout whose reader reads 10 bytes and
/// leaves: its status and stderr.
fn run_into_short_reader(env: &Env, args: &[&str]) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsdex"))
        .args(args)
        .current_dir(env.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsdex runs");
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 10];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap().code().unwrap_or(-1);
    (status, stderr)
}

#[test]
fn every_format_stops_quietly_when_the_reader_leaves() {
    let env = many_articles();
    let commands: [&[&str]; 6] = [
        &[
            "search",
            "oil",
            "-n",
            "1000",
            "--per-article",
            "0",
            "--format",
            "csv",
        ],
        &[
            "search",
            "oil",
            "-n",
            "1000",
            "--per-article",
            "0",
            "--format",
            "jsonl",
        ],
        &["entities", "", "--top", "1000", "--format", "csv"],
        &["timeline", "", "--by", "day", "--format", "csv"],
        &["export", "--format", "elasticsearch"],
        &["export", "--format", "quickwit"],
    ];
    for args in commands {
        let mut args = args.to_vec();
        args.extend(["--index", "index"]);
        let (status, stderr) = run_into_short_reader(&env, &args);
        assert_eq!(status, 0, "{args:?}: {stderr}");
        assert!(!stderr.contains("error"), "{args:?}: {stderr}");
    }
}
