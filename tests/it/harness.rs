//! A tiny harness: a temporary folder with a `corpus/` to write articles
//! into, and a way to run the real `newsdex` binary inside it.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

pub struct Env {
    dir: tempfile::TempDir,
}

/// What one run of the binary printed, and how it exited.
#[derive(Debug)]
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The stdout as one JSON value.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", self.stdout))
    }

    /// The stdout as JSON Lines.
    pub fn json_lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| {
                serde_json::from_str(l).unwrap_or_else(|e| panic!("line is not JSON ({e}): {l}"))
            })
            .collect()
    }
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::create_dir(dir.path().join("corpus")).unwrap();
        Env { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn corpus_path(&self, relative: &str) -> PathBuf {
        self.root().join("corpus").join(relative)
    }

    /// Writes a file under `corpus/`, creating its folders.
    pub fn write(&self, relative: &str, content: impl AsRef<[u8]>) -> &Env {
        let path = self.corpus_path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
        self
    }

    pub fn remove(&self, relative: &str) {
        std::fs::remove_file(self.corpus_path(relative)).unwrap();
    }

    /// Runs `newsdex ARGS` with the temporary folder as working directory.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_newsdex"))
            .args(args)
            .current_dir(self.root())
            .output()
            .expect("newsdex runs");
        Run {
            status: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Makes `index/` look like the work of another newsdex: its last commit
    /// carries `payload` instead of this version's metadata.
    pub fn set_commit_payload(&self, payload: &str) {
        let meta_path = self.root().join("index/meta.json");
        let mut meta: Value =
            serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
        meta["payload"] = payload.into();
        std::fs::write(&meta_path, meta.to_string()).unwrap();
    }

    /// Makes `index/` look like the work of a newsdex that analysed its
    /// articles otherwise: its last commit no longer names the analysis.
    pub fn forget_analysis_version(&self) {
        let meta: Value = serde_json::from_str(
            &std::fs::read_to_string(self.root().join("index/meta.json")).unwrap(),
        )
        .unwrap();
        let mut payload: Value = serde_json::from_str(meta["payload"].as_str().unwrap()).unwrap();
        payload.as_object_mut().unwrap().remove("analysis").unwrap();
        self.set_commit_payload(&payload.to_string());
    }

    /// `newsdex index corpus`, which must succeed.
    pub fn index(&self) -> Run {
        let run = self.run(&["index", "corpus"]);
        assert_eq!(run.status, 0, "index failed: {}", run.stderr);
        run
    }

    /// `newsdex search QUERY --format json EXTRA...`: the hits.
    pub fn hits(&self, query: &str, extra: &[&str]) -> Vec<Value> {
        let mut args = vec!["search", query, "--format", "json", "--index", "index"];
        args.extend_from_slice(extra);
        let run = self.run(&args);
        assert!(
            run.status == 0 || run.status == 1,
            "search failed: {}",
            run.stderr
        );
        run.json()["hits"].as_array().cloned().unwrap_or_default()
    }

    /// The paths (relative to `corpus/`) of the hits for a query.
    pub fn hit_files(&self, query: &str, extra: &[&str]) -> Vec<String> {
        let mut files: Vec<String> = self
            .hits(query, extra)
            .iter()
            .map(|h| {
                let path = h["path"].as_str().unwrap();
                path.trim_start_matches("corpus/").to_string()
            })
            .collect();
        files.dedup();
        files
    }
}

/// The texts of a hit's context passages (`--context N`), in order.
pub fn context_texts(hit: &Value) -> Vec<&str> {
    hit["context"]
        .as_array()
        .unwrap_or_else(|| panic!("no context in {hit}"))
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect()
}
