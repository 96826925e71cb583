//! Opening and creating the on-disk index, and the metadata newsdex keeps
//! with every commit (schema version, corpus root).
//!
//! The metadata rides in tantivy's commit payload, so it changes atomically
//! with the documents it describes.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::directory::error::LockError;
use tantivy::{Index, IndexReader, IndexSettings, ReloadPolicy, TantivyError};

use crate::directory::IndexDirectory;
use crate::error::{Error, Result};
use crate::schema::{self, Fields, SCHEMA_VERSION};

/// A newsdex index: the tantivy index plus handles to its fields.
#[derive(Clone)]
pub struct NewsIndex {
    pub index: Index,
    pub fields: Fields,
    pub dir: PathBuf,
    /// One reader per opened index, made on first use; with
    /// [`NewsIndex::following_commits`] it follows new commits by itself,
    /// so a long-running server sees fresh results.
    reader: std::sync::Arc<std::sync::OnceLock<IndexReader>>,
    /// Whether the reader follows new commits. A one-shot command answers
    /// from the commit it opened and needs no file watcher thread.
    follow_commits: bool,
    /// The metadata of the commit the index was opened at, read once with
    /// its schema version; `None` before the first commit.
    opened_at: Option<CommitMeta>,
}

/// What newsdex records with each commit.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct CommitMeta {
    pub newsdex_schema: u32,
    /// The corpus folder the index was built from.
    pub corpus: Option<PathBuf>,
    /// The analysis version (`indexer::ANALYSIS_VERSION`) every article of
    /// the index was read with, `None` when they differ or nobody recorded
    /// it: a run's last commit writes its own, the commits before keep the
    /// index's earlier value (none in a rebuild), so a run stopped half way
    /// through reading an index again leaves it as it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis: Option<u64>,
}

impl CommitMeta {
    /// The metadata of a commit of `corpus`, which is recorded as an
    /// absolute path, so that a later run from another folder can tell
    /// whether it is indexing the same corpus.
    pub fn new(corpus: &Path) -> CommitMeta {
        CommitMeta {
            newsdex_schema: SCHEMA_VERSION,
            corpus: Some(std::fs::canonicalize(corpus).unwrap_or_else(|_| corpus.to_path_buf())),
            analysis: None,
        }
    }
}

/// Whether a directory holds a tantivy index at all.
pub fn exists(dir: &Path) -> bool {
    dir.join("meta.json").is_file()
}

/// Decompressed document-store blocks a reader keeps (tantivy keeps 100).
/// A search reads a few dozen stored passages, and those of one article
/// share a block, so a few recent blocks serve it. Evicted blocks' memory is
/// reused for the next ones: with 100, each block a search reads was
/// decompressed into fresh pages, and those page faults were 8-12 % of the
/// CPU time of a search for a name (1x and 10x).
const DOC_STORE_CACHE_BLOCKS: usize = 4;

impl NewsIndex {
    /// Opens an existing index, checking that this newsdex can read it.
    pub fn open(dir: &Path) -> Result<NewsIndex> {
        if !exists(dir) {
            refuse_foreign_folder(dir)?;
            return Err(Error::IndexMissing {
                path: dir.to_path_buf(),
            });
        }
        // A `meta.json` of the user's own among their files is no damaged
        // index to rebuild (which would delete it).
        let index = IndexDirectory::open(dir)
            .and_then(Index::open)
            .map_err(|e| {
                refuse_foreign_folder(dir)
                    .err()
                    .unwrap_or_else(|| corrupt(dir, e))
            })?;
        let opened_at = check_version(dir, &index)?;
        NewsIndex::wrap(dir, index, opened_at)
    }

    /// Opens the index in `dir`, creating an empty one when there is none.
    pub fn open_or_create(dir: &Path) -> Result<NewsIndex> {
        if exists(dir) {
            return NewsIndex::open(dir);
        }
        refuse_foreign_folder(dir)?;
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::io(format!("cannot create index folder {}", dir.display()), e))?;
        let (schema, _) = Fields::build();
        let index = IndexDirectory::open(dir)
            .and_then(|d| Index::create(d, schema, IndexSettings::default()))
            .map_err(|e| corrupt(dir, e))?;
        NewsIndex::wrap(dir, index, None)
    }

    /// Deletes the index files in `dir` (only tantivy's own files and
    /// newsdex's, never anything else a user keeps there) and creates a new
    /// index. Used by `--rebuild` when the old index cannot be opened.
    pub fn recreate(dir: &Path) -> Result<NewsIndex> {
        refuse_foreign_folder(dir)?;
        if let Ok(entries) = std::fs::read_dir(dir) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let ours = name == "meta.json"
                    || name == ".managed.json"
                    || name.ends_with(".lock")
                    || is_segment_file(&name);
                if ours {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
        NewsIndex::open_or_create(dir)
    }

    fn wrap(dir: &Path, index: Index, opened_at: Option<CommitMeta>) -> Result<NewsIndex> {
        schema::register_tokenizers(&index);
        let fields = Fields::from_schema(&index.schema()).map_err(|_| Error::SchemaMismatch {
            path: dir.to_path_buf(),
            found: "another schema".into(),
            expected: SCHEMA_VERSION,
        })?;
        Ok(NewsIndex {
            index,
            fields,
            dir: dir.to_path_buf(),
            reader: Default::default(),
            follow_commits: false,
            opened_at,
        })
    }

    /// Makes the reader follow new commits, for a long-running server; call
    /// before the first search.
    pub fn following_commits(mut self) -> NewsIndex {
        self.follow_commits = true;
        self
    }

    /// The shared reader: it sees the last commit, never a half-written run.
    pub fn reader(&self) -> Result<&IndexReader> {
        if let Some(reader) = self.reader.get() {
            return Ok(reader);
        }
        let reader = self
            .index
            .reader_builder()
            .doc_store_cache_num_blocks(DOC_STORE_CACHE_BLOCKS)
            .reload_policy(if self.follow_commits {
                ReloadPolicy::OnCommitWithDelay
            } else {
                ReloadPolicy::Manual
            })
            .try_into()
            .map_err(|e| corrupt(&self.dir, e))?;
        Ok(self.reader.get_or_init(|| reader))
    }

    /// The metadata of the commit the index was opened at; `None` before
    /// the first one.
    pub fn commit_meta(&self) -> Option<&CommitMeta> {
        self.opened_at.as_ref()
    }

    /// Whether the index was built from `folder`, under any spelling of
    /// its path (`corpus`, `./corpus`, a link to it); `None` when it cannot
    /// tell: no commit names a folder, or one of the two paths is gone.
    pub fn built_from(&self, folder: &Path) -> Option<bool> {
        let indexed = std::fs::canonicalize(self.commit_meta()?.corpus.as_ref()?).ok()?;
        Some(indexed == std::fs::canonicalize(folder).ok()?)
    }

    /// A searcher on the last commit.
    pub fn searcher(&self) -> Result<tantivy::Searcher> {
        Ok(self.reader()?.searcher())
    }
}

/// Checks that the index is one this newsdex reads, and returns the
/// metadata of its last commit (`None` before the first one).
fn check_version(dir: &Path, index: &Index) -> Result<Option<CommitMeta>> {
    let metas = index.load_metas().map_err(|e| corrupt(dir, e))?;
    let mismatch = |found: String| Error::SchemaMismatch {
        path: dir.to_path_buf(),
        found,
        expected: SCHEMA_VERSION,
    };
    match metas.payload.as_deref() {
        // A fresh index that never finished its first commit.
        None if metas.segments.is_empty() => Ok(None),
        None => Err(mismatch("another tool (no newsdex metadata)".into())),
        Some(payload) => match serde_json::from_str::<CommitMeta>(payload) {
            Ok(meta) if meta.newsdex_schema == SCHEMA_VERSION => Ok(Some(meta)),
            Ok(meta) => Err(mismatch(format!(
                "newsdex schema version {}",
                meta.newsdex_schema
            ))),
            Err(_) => Err(mismatch("another tool (unknown metadata)".into())),
        },
    }
}

/// Maps tantivy's errors on open to what the user should do.
pub(crate) fn corrupt(dir: &Path, err: TantivyError) -> Error {
    match err {
        TantivyError::LockFailure(LockError::LockBusy, _) => Error::IndexLocked {
            path: dir.to_path_buf(),
        },
        other => Error::IndexCorrupt {
            path: dir.to_path_buf(),
            source: other,
        },
    }
}

/// Tantivy segment files are named `<32 hex digits>.<ext>`.
/// Refuses a folder that holds a user's files and no index: "no index
/// here, build one" sent a mistyped `--index src` to write an index among
/// them (and over a `meta.json` of their own). Hidden files (the
/// repository's `index/.gitignore`) and an interrupted run's own files do
/// not count.
fn refuse_foreign_folder(dir: &Path) -> Result<()> {
    // A file is no index either: "no index at news.jsonl: build it with
    // `--index news.jsonl`" sent the user to a command that failed.
    if dir.exists() && !dir.is_dir() {
        return Err(Error::NotAFolder {
            path: dir.to_path_buf(),
        });
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name.starts_with('.')
            || name == "meta.json"
            || name.ends_with(".lock")
            || is_segment_file(&name);
        if !ours {
            return Err(Error::NotAnIndex {
                path: dir.to_path_buf(),
                example: name,
            });
        }
    }
    Ok(())
}

fn is_segment_file(name: &str) -> bool {
    let (stem, _) = name.split_once('.').unwrap_or((name, ""));
    stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit())
}
