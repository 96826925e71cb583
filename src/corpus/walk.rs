//! Finding the files of a news folder.

use std::path::{Path, PathBuf};

use super::{Format, Warning, one_line};

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

/// `README.md`, `LICENSE.txt` and the like describe the folder; they are not
/// news, so they are skipped like files of an unknown type. Returns the
/// name they are counted under (`README`).
fn folder_doc(path: &Path) -> Option<String> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_ascii_uppercase())
        .unwrap_or_default();
    matches!(
        stem.as_str(),
        "README" | "LICENSE" | "LICENCE" | "COPYING" | "CHANGELOG"
    )
    .then_some(stem)
}

/// What a skipped file is counted under in the summary: `.shtml`, `no
/// extension`, or its folder-doc name, so a user whose stories all went
/// unread sees which type to rename.
fn unknown_kind(path: &Path) -> String {
    if let Some(doc) = folder_doc(path) {
        return doc;
    }
    match path.extension() {
        // Printed in the summary: an escape sequence in it must not reach
        // the terminal.
        Some(ext) => format!(".{}", one_line(&ext.to_string_lossy().to_lowercase())),
        None => "no extension".to_string(),
    }
}

/// One thing the walk came across.
#[derive(Debug)]
pub enum Found {
    File(SourceFile),
    /// A file of a type newsdex does not read, or folder documentation
    /// (`README.md`, `LICENSE.txt`), with the kind it is counted under
    /// (`.pdf`, `README`).
    Unknown(String),
    /// An entry that could not be read (a folder it may not enter, a
    /// broken link): whatever an index holds under its path is kept.
    Unreadable(Warning),
    /// A symbolic link back to one of its own folders, not followed.
    Loop(Warning),
}

/// Walks `root` recursively, skipping hidden entries, the folder `exclude`
/// (the index, when it lives inside the corpus) and any other index folder. Files come sorted by path so
/// runs are reproducible. The walk is lazy: only the folder being read is
/// held in memory, so a corpus of millions of files costs no more to start
/// than a small one.
pub fn walk(root: &Path, exclude: Option<&Path>) -> impl Iterator<Item = Found> {
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    let root = root.to_path_buf();
    walkdir::WalkDir::new(&root)
        .follow_links(true)
        // Siblings share their parent's path, so comparing whole paths as
        // bytes orders them by name, as `sort_by_file_name` does, without
        // parsing each path back to its last component on every comparison
        // (a tenth of an unchanged re-index's CPU).
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()))
        .into_iter()
        .filter_entry(move |entry| {
            let hidden = entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
            let is_dir = entry.file_type().is_dir();
            let the_index = exclude
                .as_ref()
                .is_some_and(|ex| is_dir && entry.path().canonicalize().ok().as_ref() == Some(ex));
            let other_index = is_dir && is_search_index(entry.path());
            !(hidden || the_index || other_index)
        })
        .filter_map(move |entry| classify(&root, entry))
}

/// True for a tantivy index folder (another newsdex index kept in the
/// corpus, say from an earlier `--index`): its `meta.json` is no article,
/// and reading it would cost a warning on every run.
fn is_search_index(dir: &Path) -> bool {
    dir.join("meta.json").is_file() && dir.join(".managed.json").is_file()
}

/// What a walk entry is; `None` for folders.
fn classify(root: &Path, entry: walkdir::Result<walkdir::DirEntry>) -> Option<Found> {
    let entry = match entry {
        Ok(entry) => entry,
        Err(err) => {
            let path = err
                .path()
                .map(Path::to_path_buf)
                .unwrap_or_else(|| root.to_path_buf());
            if err.loop_ancestor().is_some() {
                let reason = "symbolic link loop; not followed";
                return Some(Found::Loop(Warning::new(path, reason)));
            }
            let reason = err
                .io_error()
                .map_or_else(|| err.to_string(), |e| unreadable_reason(&path, e));
            return Some(Found::Unreadable(Warning::new(path, reason)));
        }
    };
    if !entry.file_type().is_file() {
        return None;
    }
    let Some(format) =
        Format::from_path(entry.path()).filter(|_| folder_doc(entry.path()).is_none())
    else {
        return Some(Found::Unknown(unknown_kind(entry.path())));
    };
    let meta = match entry.metadata() {
        Ok(meta) => meta,
        Err(err) => {
            let reason = err
                .io_error()
                .map_or_else(|| err.to_string(), |e| unreadable_reason(entry.path(), e));
            return Some(Found::Unreadable(Warning::new(entry.path(), reason)));
        }
    };
    let modified_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    Some(Found::File(SourceFile {
        path: entry.into_path(),
        format,
        size: meta.len(),
        modified_ns,
    }))
}

/// Why the walk (or the load after it) could not read `path`, in words
/// that point at the fix: a broken link says where it points, since "No
/// such file" about a name that `ls` lists is a puzzle.
pub(super) fn unreadable_reason(path: &Path, err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => match std::fs::read_link(path) {
            Ok(target) => format!(
                "a link to {}, which does not exist (a moved file or an unmounted disk)",
                target.display()
            ),
            Err(_) => "vanished while the folder was read".to_string(),
        },
        ErrorKind::PermissionDenied => {
            "permission denied: newsdex may not read it (check its owner and mode)".to_string()
        }
        _ => format!("cannot read: {err}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything a walk found, collected (`walk(..).collect::<Walk>()`).
    #[derive(Debug, Default)]
    struct Walk {
        files: Vec<SourceFile>,
        skipped_unknown: usize,
        warnings: Vec<Warning>,
    }

    /// Writes a one-byte file at each path under `root`, with its folders.
    fn write_files(root: &Path, paths: &[&str]) {
        for relative in paths {
            let path = root.join(relative);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
    }

    impl Walk {
        /// The files' paths under `root`, with `/`.
        fn relative_paths(&self, root: &Path) -> Vec<String> {
            let relative = |file: &SourceFile| {
                let path = file.path.strip_prefix(root).unwrap();
                path.to_string_lossy().replace('\\', "/")
            };
            self.files.iter().map(relative).collect()
        }
    }

    impl FromIterator<Found> for Walk {
        fn from_iter<I: IntoIterator<Item = Found>>(found: I) -> Walk {
            let mut walk = Walk::default();
            for item in found {
                match item {
                    Found::File(file) => walk.files.push(file),
                    Found::Unknown(_) => walk.skipped_unknown += 1,
                    Found::Unreadable(warning) | Found::Loop(warning) => {
                        walk.warnings.push(warning)
                    }
                }
            }
            walk
        }
    }

    #[test]
    fn walks_supported_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let files = [
            "a.txt",
            "b.md",
            "sub/c.html",
            "sub/deeper/d.jsonl",
            "e.png",
            "notes.docx",
            "README.md",
            "sub/LICENSE.txt",
            ".hidden.txt",
            ".git/config.txt",
            "index/meta.json",
            "old-index/meta.json",
            "old-index/.managed.json",
            "meta/meta.json",
        ];
        write_files(root, &files);
        let walk: Walk = walk(root, Some(&root.join("index"))).collect();
        let found = walk.relative_paths(root);
        // Another index in the corpus is skipped like the run's own; a
        // `meta.json` alone may be news.
        assert_eq!(
            found,
            [
                "a.txt",
                "b.md",
                "meta/meta.json",
                "sub/c.html",
                "sub/deeper/d.jsonl"
            ]
        );
        assert_eq!(walk.skipped_unknown, 4);
        assert!(walk.warnings.is_empty(), "{:?}", walk.warnings);
        assert_eq!(walk.files[0].format, Format::Text);
        assert_eq!(walk.files[0].size, 1);
    }

    #[test]
    fn unknown_kinds() {
        let cases = [
            ("a.PDF", ".pdf"),
            ("notes", "no extension"),
            ("sub/LICENSE.txt", "LICENSE"),
            ("a.p\u{1b}[31mdf", ".p\\u{1b}[31mdf"),
        ];
        for (path, kind) in cases {
            assert_eq!(unknown_kind(Path::new(path)), kind, "{path:?}");
        }
    }

    #[test]
    fn files_come_in_name_order_folder_by_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write_files(
            root,
            &[
                "a0.txt",
                "a.txt",
                "a/x.txt",
                "a/b/y.txt",
                "a/a.txt",
                "B.txt",
            ],
        );
        let walk: Walk = walk(root, None).collect();
        let names = walk.relative_paths(root);
        // A folder's files come before the siblings named after it.
        assert_eq!(
            names,
            [
                "B.txt",
                "a/a.txt",
                "a/b/y.txt",
                "a/x.txt",
                "a.txt",
                "a0.txt"
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_warns_and_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        std::fs::write(root.join("sub/a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
        std::os::unix::fs::symlink(root.join("nowhere"), root.join("broken.txt")).unwrap();
        let walk: Walk = walk(root, None).collect();
        assert_eq!(walk.files.len(), 1);
        let messages: Vec<String> = walk.warnings.iter().map(|w| w.message.clone()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m == "symbolic link loop; not followed"),
            "{messages:?}"
        );
        let broken = format!(
            "a link to {}, which does not exist (a moved file or an unmounted disk)",
            root.join("nowhere").display()
        );
        assert!(messages.contains(&broken), "{messages:?}");
    }
}
