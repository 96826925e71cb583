//! Finding the files of a news folder.

use std::path::{Path, PathBuf};

use super::{Format, Warning};

/// A file newsdex will load.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub format: Format,
    pub size: u64,
    /// Modification time in nanoseconds since the epoch (0 when unknown);
    /// with `size` it tells an unchanged file from a changed one.
    pub modified_ns: u128,
}

/// Everything the walk found.
#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<SourceFile>,
    /// Files of a type newsdex does not read.
    pub skipped_unknown: usize,
    pub warnings: Vec<Warning>,
}

/// Walks `root` recursively, skipping hidden entries and the folder `exclude`
/// (the index, when it lives inside the corpus). Files come sorted by path so
/// runs are reproducible.
pub fn walk(root: &Path, exclude: Option<&Path>) -> Walk {
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    let mut out = Walk::default();
    let entries = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            let hidden = entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
            let excluded = exclude.as_ref().is_some_and(|ex| {
                entry.file_type().is_dir() && entry.path().canonicalize().ok().as_ref() == Some(ex)
            });
            !hidden && !excluded
        });
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root.to_path_buf());
                let reason = match err.loop_ancestor() {
                    Some(_) => "symbolic link loop; not followed".to_string(),
                    None => err
                        .io_error()
                        .map_or_else(|| err.to_string(), |e| e.to_string()),
                };
                out.warnings.push(Warning::new(path, reason));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let Some(format) = Format::from_path(entry.path()) else {
            out.skipped_unknown += 1;
            continue;
        };
        let (size, modified_ns) = match entry.metadata() {
            Ok(meta) => {
                let modified = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                (meta.len(), modified)
            }
            Err(err) => {
                out.warnings
                    .push(Warning::new(entry.path(), err.to_string()));
                continue;
            }
        };
        out.files.push(SourceFile {
            path: entry.into_path(),
            format,
            size,
            modified_ns,
        });
    }
    out
}
