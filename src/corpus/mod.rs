//! Walking a news folder and loading each supported file into [`Article`]s.
//!
//! Loading never fails the run: a file that cannot be read becomes a
//! [`Warning`] naming its path and the reason, and the walk goes on.
//!
//! [`load_bytes`] is pure (bytes in, [`Loaded`] out): it bounds the size,
//! decodes the text ([`encoding`]), hands it to the loader of the file's
//! format (one module each: [`text`], [`markdown`], [`html`], [`json`]) and
//! fills in publication dates the metadata lacks, from the path below the
//! corpus root ([`pathdate`]) or [`LoadOptions::default_date`]; never from
//! the file's modification time, which says when it was copied, not
//! published.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::article::Article;

mod chrome_marks;
pub mod encoding;
mod fields;
pub mod html;
pub mod json;
pub mod markdown;
pub mod metadate;
pub mod pathdate;
mod record;
pub mod text;
mod walk;

pub use walk::{Found, SourceFile, walk};

/// Files larger than this are loaded only up to it (memory stays bounded);
/// a warning says so.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

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

    /// What a warning calls the format ("JSON Lines").
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Json => "JSON",
            Format::JsonLines => "JSON Lines",
        }
    }

    /// The extension a file of the format is best named with.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
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
    /// The format a file was read as when its extension named another:
    /// the warning asks for the file to be renamed, which a caller whose
    /// input has no name (standard input) clears.
    pub rename_to: Option<Format>,
}

impl Warning {
    pub fn new(path: impl Into<PathBuf>, message: impl Into<String>) -> Warning {
        Warning {
            path: path.into(),
            line: None,
            message: message.into(),
            rename_to: None,
        }
    }

    pub fn at_line(path: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Warning {
        Warning {
            line: Some(line),
            ..Warning::new(path, message)
        }
    }

    /// A file whose extension names another format than it holds, read as
    /// `read_as`: "holds `what`: read as JSON (name it .json)".
    pub fn misnamed(path: impl Into<PathBuf>, what: &str, read_as: Format) -> Warning {
        Warning {
            rename_to: Some(read_as),
            ..Warning::new(path, format!("holds {what}: read as {}", read_as.name()))
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display().to_string();
        let (path, message) = (one_line(&path), one_line(&self.message));
        match self.line {
            Some(line) => write!(f, "{path}:{line}: {message}")?,
            None => write!(f, "{path}: {message}")?,
        }
        match self.rename_to {
            Some(format) => write!(f, " (name it .{})", format.extension()),
            None => Ok(()),
        }
    }
}

/// `text` as one line that a terminal prints as it is: a line break, an
/// escape sequence or a direction override in a file's name is written as
/// its escape (`\n`, `\u{1b}`), so that a warning stays one line, cannot
/// pass for another warning or recolour the terminal, and still names the
/// file.
pub(crate) fn one_line(text: &str) -> Cow<'_, str> {
    let obeyed = |c: char| {
        c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.contains(obeyed) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if obeyed(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// What loading one file produced.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    /// Problems that did not stop the file (a bad line, a guessed encoding).
    pub warnings: Vec<Warning>,
}

/// Settings that apply to every file of a run.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Publication date for articles that have none in their metadata or path.
    pub default_date: Option<NaiveDate>,
    /// Larger files are cut to this many bytes, with a warning, so that one
    /// huge file cannot exhaust memory.
    pub max_file_bytes: usize,
}

impl Default for LoadOptions {
    fn default() -> LoadOptions {
        LoadOptions {
            default_date: None,
            max_file_bytes: MAX_FILE_BYTES,
        }
    }
}

/// Reads and loads one file. `corpus_root` is the folder it was found
/// under: only the path below it may give a publication date (see
/// [`load_bytes`]). `Err` means the whole file was skipped.
pub fn load_file(
    path: &Path,
    corpus_root: Option<&Path>,
    options: &LoadOptions,
) -> Result<Loaded, Warning> {
    use std::io::Read;
    // In the walk's words: the file may have gone, or be locked, since.
    let cannot_read = |e: std::io::Error| Warning::new(path, walk::unreadable_reason(path, &e));
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    // One byte past the limit tells `load_bytes` the file was larger,
    // without reading (or holding) the rest of it.
    let limit = options.max_file_bytes as u64 + 1;
    // Sized for the file up front: `Take` gives `read_to_end` no size, so
    // the buffer grew from 32 bytes by doubling, copied every time. A file
    // that changed size since is still read whole, up to the limit.
    let expected = file.metadata().map_or(0, |m| m.len()).min(limit);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    load_bytes(path, corpus_root, &bytes, options)
}

/// Loads one file's bytes, choosing the format from `path` (plain text for
/// an unknown extension). A date in the path counts only when it ends
/// below `corpus_root`, the folder the file was found under: where a corpus
/// is kept (`/data/2019-06-01-backup/news`) and how its path is spelled say
/// nothing of its articles, but a corpus of one month (`archive/2024/12`)
/// still dates `30/crash.txt` ([`pathdate`]). A file given alone has no
/// root (`None`) and its path counts as given. `Err` means the whole file was skipped.
pub fn load_bytes(
    path: &Path,
    corpus_root: Option<&Path>,
    bytes: &[u8],
    options: &LoadOptions,
) -> Result<Loaded, Warning> {
    load_bytes_with_limit(path, corpus_root, bytes, options, options.max_file_bytes)
}

/// [`load_bytes`] with the size limit as a parameter, so tests need not
/// build 64 MB inputs.
fn load_bytes_with_limit(
    path: &Path,
    corpus_root: Option<&Path>,
    bytes: &[u8],
    options: &LoadOptions,
    limit: usize,
) -> Result<Loaded, Warning> {
    let format = Format::from_path(path).unwrap_or(Format::Text);
    let mut warnings = Vec::new();
    let cut = bytes.len() > limit;
    let bytes = if cut {
        warnings.push(Warning::new(
            path,
            format!(
                "file larger than {}; only the first {} loaded",
                size(limit),
                size(limit)
            ),
        ));
        truncate(bytes, limit)
    } else {
        bytes
    };
    let declared = || match format {
        Format::Html => encoding::declared_in_html(bytes),
        _ => None,
    };
    let decoded = encoding::decode(bytes, declared)
        .map_err(|encoding::NotText::Binary| Warning::new(path, "binary file; skipped"))?;
    if let Some(note) = decoded.note {
        warnings.push(Warning::new(path, note));
    }
    let text = encoding::classic_mac_lines(decoded.text);
    if text.trim().is_empty() {
        warnings.push(Warning::new(path, "empty file"));
        return Ok(Loaded {
            articles: Vec::new(),
            warnings,
        });
    }
    let mut loaded = match format {
        Format::Text => match misnamed_text(path, &text) {
            Some(loaded) => loaded?,
            None => Loaded {
                articles: vec![text::load(path, text)],
                warnings: Vec::new(),
            },
        },
        Format::Markdown => markdown::load(path, text),
        Format::Html => html::load(path, text)?,
        // An array cut at the limit keeps its complete records; the cut's
        // warning (the first) says how many.
        Format::Json
            if let Some((loaded, kept)) =
                cut.then(|| json::load_cut_array(path, &text)).flatten() =>
        {
            warnings[0].message = format!(
                "file larger than {}; only its first {kept} records loaded (--max-file-size raises the limit)",
                size(limit)
            );
            loaded
        }
        Format::Json | Format::JsonLines => {
            let loaded = if format == Format::Json {
                json::load_json(path, &text)
            } else {
                json::load_json_lines(path, &text)
            };
            match loaded {
                Ok(loaded) => loaded,
                Err(mut skipped) => {
                    // Only one warning survives a skipped file; keep the
                    // earlier notes in it, since truncation is a likely cause.
                    for note in &warnings {
                        skipped.message = format!("{} ({})", skipped.message, note.message);
                    }
                    return Err(skipped);
                }
            }
        }
    };
    let path_date = pathdate::date_from_path(path, corpus_root);
    for article in &mut loaded.articles {
        article.blank_control_characters();
        article.use_headline_when_bodiless();
        if article.published.is_none() {
            article.published = path_date.or(options.default_date);
        }
    }
    warnings.append(&mut loaded.warnings);
    loaded.warnings = warnings;
    Ok(loaded)
}

/// A `.txt` file that is a web page or a JSON export (saved by a scraper
/// or `curl` under the wrong name), loaded as what it is, with a warning;
/// `None` for text. As text its tags or keys would be indexed as words and
/// its first line taken for the title.
fn misnamed_text(path: &Path, text: &str) -> Option<Result<Loaded, Warning>> {
    let start = text.trim_start();
    let opens_with = |prefix: &str| {
        start
            .as_bytes()
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    let (loaded, note) = if opens_with("<!doctype html") || opens_with("<html") {
        let note = Warning::misnamed(path, "an HTML page", Format::Html);
        (html::load(path, text.to_string()), Some(note))
    } else if start.starts_with('{') || start.starts_with('[') {
        // Only JSON that holds articles: "[Reuters] ..." is text.
        let loaded = json::load_json(path, text)
            .ok()
            .filter(|loaded| !loaded.articles.is_empty())?;
        // JSON Lines were said to be so, and to be named .jsonl.
        let said = loaded
            .warnings
            .first()
            .is_some_and(|warning| warning.rename_to.is_some());
        let note = (!said).then(|| Warning::misnamed(path, "JSON", Format::Json));
        (Ok(loaded), note)
    } else {
        return None;
    };
    Some(loaded.map(|mut loaded| {
        if let Some(note) = note {
            loaded.warnings.insert(0, note);
        }
        loaded
    }))
}

/// The first `limit` bytes, cut back to the last line break when there is
/// one (a `.txt` must not end in half a line, a JSON Lines file in half a
/// record), else to a UTF-8 character boundary.
fn truncate(bytes: &[u8], limit: usize) -> &[u8] {
    let head = &bytes[..limit];
    if let Some(newline) = head.iter().rposition(|&b| b == b'\n') {
        return &head[..=newline];
    }
    let mut end = limit;
    while end > 0 && end > limit.saturating_sub(4) && (head[end - 1] & 0xC0) == 0x80 {
        end -= 1;
    }
    // `end - 1` is now a lead byte or ASCII; drop a lead byte whose
    // character was cut.
    if end > 0 && head[end - 1] >= 0xC0 {
        end -= 1;
    }
    &head[..end]
}

/// `64 MiB` for whole mebibytes, else bytes.
fn size(bytes: usize) -> String {
    const MIB: usize = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn messages(loaded: &Loaded) -> Vec<String> {
        loaded.warnings.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn dispatches_on_extension() {
        // (path, bytes, title)
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("a.txt", "T\n\nBody.", Some("T")),
            ("a.TXT", "T\n\nBody.", Some("T")),
            ("a.md", "---\ntitle: T\n---\nBody.", Some("T")),
            ("a.html", "<title>T</title><p>Body.</p>", Some("T")),
            ("a.htm", "<title>T</title><p>Body.</p>", Some("T")),
            ("a.json", r#"{"title": "T", "body": "Body."}"#, Some("T")),
            ("a.jsonl", r#"{"title": "T", "body": "Body."}"#, Some("T")),
            ("a.ndjson", r#"{"title": "T", "body": "Body."}"#, Some("T")),
            ("a.unknown", "T\n\nBody.", Some("T")),
        ];
        let options = LoadOptions::default();
        for (path, bytes, title) in cases {
            let loaded = load_bytes(Path::new(path), None, bytes.as_bytes(), &options).unwrap();
            assert!(loaded.warnings.is_empty(), "{path}: {:?}", loaded.warnings);
            assert_eq!(loaded.articles[0].title.as_deref(), *title, "{path}");
            assert!(loaded.articles[0].body().contains("Body."), "{path}");
        }
    }

    #[test]
    fn a_txt_file_holding_a_web_page_or_json_is_read_as_such() {
        // (path, bytes, title, warning): a page or an export saved as `.txt`
        // would index its tags or keys as words, its first line as the title.
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "a.txt",
                "<!DOCTYPE html>\n<html><head><title>T</title></head><body><p>Body.</p></body></html>",
                "T",
                "a.txt: holds an HTML page: read as HTML (name it .html)",
            ),
            (
                "a.txt",
                "  <HTML><title>T</title><p>Body.</p>",
                "T",
                "a.txt: holds an HTML page: read as HTML (name it .html)",
            ),
            (
                "a.txt",
                r#"{"title": "T", "body": "Body."}"#,
                "T",
                "a.txt: holds JSON: read as JSON (name it .json)",
            ),
            (
                "a.txt",
                "{\"title\": \"T\", \"body\": \"Body.\"}\n{\"title\": \"U\", \"body\": \"Body.\"}\n",
                "T",
                "a.txt: holds one JSON record a line: read as JSON Lines (name it .jsonl)",
            ),
        ];
        let options = LoadOptions::default();
        for (path, bytes, title, warning) in cases {
            let loaded = load_bytes(Path::new(path), None, bytes.as_bytes(), &options).unwrap();
            let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
            assert_eq!(warnings, [*warning], "{bytes}");
            assert_eq!(loaded.articles[0].title.as_deref(), Some(*title), "{bytes}");
            assert_eq!(loaded.articles[0].body().trim(), "Body.", "{bytes}");
        }
        // Text that merely opens with a bracket or a tag stays text.
        for bytes in [
            "[Reuters] T\n\nBody.",
            "{draft} T\n\nBody.",
            "<b>T</b>\n\nBody.",
        ] {
            let loaded = load_bytes(Path::new("a.txt"), None, bytes.as_bytes(), &options).unwrap();
            assert!(loaded.warnings.is_empty(), "{bytes}: {:?}", loaded.warnings);
            assert!(loaded.articles[0].body().contains("Body."), "{bytes}");
        }
    }

    #[test]
    fn a_headline_only_story_is_its_headline() {
        // (path, bytes): a title and no body, in every format that has titles.
        let cases: &[(&str, &str)] = &[
            ("a.json", r#"{"title": "Telecom splits stock", "body": ""}"#),
            ("a.jsonl", r#"{"title": "Telecom splits stock"}"#),
            ("a.md", "---\ntitle: Telecom splits stock\n---\n"),
            ("a.md", "# Telecom splits stock\n"),
            ("a.html", "<title>Telecom splits stock</title><body></body>"),
            ("a.txt", "Telecom splits stock\n"),
        ];
        let options = LoadOptions::default();
        for (path, bytes) in cases {
            let loaded = load_bytes(Path::new(path), None, bytes.as_bytes(), &options).unwrap();
            assert!(loaded.warnings.is_empty(), "{path}: {:?}", loaded.warnings);
            assert_eq!(
                loaded.articles[0].body().trim(),
                "Telecom splits stock",
                "{bytes}"
            );
        }
    }

    #[test]
    fn publication_date_sources() {
        let default = LoadOptions {
            default_date: ymd(2000, 1, 1),
            ..LoadOptions::default()
        };
        // (path, bytes, options, published): metadata, then path, then default.
        let cases: &[(&str, &str, &LoadOptions, Option<NaiveDate>)] = &[
            (
                "2023-01-01/a.md",
                "---\ndate: 2024-12-30\n---\nx",
                &default,
                ymd(2024, 12, 30),
            ),
            ("2024/12/30/a.txt", "x", &default, ymd(2024, 12, 30)),
            ("2024_12_30_a.html", "<p>x</p>", &default, ymd(2024, 12, 30)),
            (
                "20241230.jsonl",
                r#"{"text": "x"}"#,
                &default,
                ymd(2024, 12, 30),
            ),
            ("a.txt", "x", &default, ymd(2000, 1, 1)),
            ("a.txt", "x", &LoadOptions::default(), None),
            ("a.md", "---\ndate: soon\n---\nx", &default, ymd(2000, 1, 1)),
            // A placeholder date is no date.
            (
                "a.md",
                "---\ndate: 0001-01-01\n---\nx",
                &default,
                ymd(2000, 1, 1),
            ),
            (
                "2024/12/30/a.json",
                r#"{"text": "x", "date": "0001-01-01T00:00:00Z"}"#,
                &default,
                ymd(2024, 12, 30),
            ),
        ];
        for (path, bytes, options, published) in cases {
            let loaded = load_bytes(Path::new(path), None, bytes.as_bytes(), options).unwrap();
            assert_eq!(loaded.articles[0].published, *published, "{path}");
        }
    }

    #[test]
    fn only_the_path_below_the_corpus_root_dates_an_article() {
        let options = LoadOptions::default();
        let dec_30 = ymd(2024, 12, 30);
        // (corpus root, path, published)
        let cases: &[(Option<&str>, &str, Option<NaiveDate>)] = &[
            (Some("/d/2019-06-01/news"), "/d/2019-06-01/news/a.txt", None),
            (Some("2019/06/01"), "2019/06/01/sub/a.txt", None),
            (Some("./2019-06-01"), "./2019-06-01/a.txt", None),
            (Some("2019-06-01"), "2019-06-01/2024/12/30.txt", dec_30),
            (Some("news"), "news/2024-12-30.txt", dec_30),
            (Some("arch/2024/12"), "arch/2024/12/30/crash.txt", dec_30),
            // A file given alone: its path as given.
            (None, "2019-06-01/a.txt", ymd(2019, 6, 1)),
        ];
        for (root, path, published) in cases {
            let root = root.map(Path::new);
            let loaded = load_bytes(Path::new(path), root, b"x", &options).unwrap();
            assert_eq!(loaded.articles[0].published, *published, "{path}");
        }
    }

    #[test]
    fn file_level_warnings() {
        let windows_1252 =
            b"Caf\xe9 cr\xe8me, na\xefve \x93quotes\x94 and \x80 signs in this sentence.";
        // (path, bytes, articles, warnings)
        let cases: &[(&str, &[u8], usize, &[&str])] = &[
            ("a.txt", b"", 0, &["a.txt: empty file"]),
            ("a.txt", b"\xEF\xBB\xBF \n\t\n", 0, &["a.txt: empty file"]),
            ("a.txt", b"\xEF\xBB\xBFT\n\nBody.", 1, &[]),
            ("a.txt", b"\xFF\xFET\0\n\0\n\0B\0", 1, &[]),
            (
                "a.txt",
                windows_1252,
                1,
                &["a.txt: not valid UTF-8; decoded as windows-1252"],
            ),
        ];
        let options = LoadOptions::default();
        for (path, bytes, articles, want) in cases {
            let loaded = load_bytes(Path::new(path), None, bytes, &options).unwrap();
            assert_eq!(loaded.articles.len(), *articles, "{bytes:?}");
            assert_eq!(messages(&loaded), *want, "{bytes:?}");
        }
    }

    #[test]
    fn a_warning_is_one_line_whatever_the_file_is_named() {
        // (path, message, printed)
        let cases = [
            ("a.txt", "empty file", "a.txt: empty file"),
            (
                "a\nnewsdex: warning: b.txt",
                "empty file",
                "a\\nnewsdex: warning: b.txt: empty file",
            ),
            (
                "\u{1b}[2J\u{202e}txt.exe",
                "empty file",
                "\\u{1b}[2J\\u{202e}txt.exe: empty file",
            ),
            ("Zürich\t.txt", "a\rb", "Zürich\\t.txt: a\\rb"),
        ];
        for (path, message, printed) in cases {
            assert_eq!(Warning::new(path, message).to_string(), printed, "{path:?}");
        }
    }

    #[test]
    fn lines_ending_in_a_carriage_return_alone_are_lines() {
        // (path, bytes, title of the article holding "Second", its line):
        // a file saved with classic Mac OS line breaks, in every format, and
        // a stray CR in a file of LFs, which `grep -n` does not count either.
        let cases: &[(&str, &str, &str, usize)] = &[
            ("a.txt", "T\r\rFirst.\r\rSecond.\r", "T", 5),
            ("a.md", "---\rtitle: T\r---\r\rFirst.\r\rSecond.\r", "T", 7),
            (
                "a.html",
                "<html>\r<head><title>T</title></head>\r<body>\r<p>First.</p>\r<p>Second.</p>\r</body></html>\r",
                "T",
                5,
            ),
            (
                "a.jsonl",
                "{\"title\": \"A\", \"text\": \"x\"}\r{\"title\": \"T\", \"text\": \"Second.\"}\r",
                "T",
                2,
            ),
            ("a.txt", "T\r\n\r\nFirst.\r\n\r\nSecond.\r\n", "T", 5),
            ("a.txt", "T\n\nOne\rtwo.\n\nSecond.\n", "T", 5),
        ];
        let options = LoadOptions::default();
        for (path, bytes, title, line) in cases {
            let loaded = load_bytes(Path::new(path), None, bytes.as_bytes(), &options).unwrap();
            assert!(
                loaded.warnings.is_empty(),
                "{bytes:?}: {:?}",
                loaded.warnings
            );
            let article = loaded
                .articles
                .iter()
                .find(|a| a.body().contains("Second."))
                .unwrap_or_else(|| panic!("{bytes:?}: {:?}", loaded.articles));
            assert_eq!(article.title.as_deref(), Some(*title), "{bytes:?}");
            let second = article.text.find("Second.").unwrap();
            assert_eq!(article.line_at(second), *line, "{bytes:?}");
        }
    }

    #[test]
    fn skipped_files() {
        let cases: &[(&str, &[u8], &str)] = &[
            (
                "a.txt",
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
                "a.txt: binary file; skipped",
            ),
            (
                "a.json",
                b"{\"text\": ",
                "a.json:1: invalid JSON: EOF while parsing a value (column 9); skipped",
            ),
            (
                "a.json",
                b"{\"text\": \x80",
                "a.json:1: invalid JSON: expected value (column 10); skipped (not valid UTF-8; decoded as windows-1252)",
            ),
        ];
        let options = LoadOptions::default();
        for (path, bytes, want) in cases {
            let err = load_bytes(Path::new(path), None, bytes, &options).unwrap_err();
            assert_eq!(err.to_string(), *want, "{bytes:?}");
        }
    }

    #[test]
    fn large_files_are_truncated() {
        let options = LoadOptions::default();
        // (path, bytes, limit, text)
        let cases: &[(&str, &str, usize, &str)] = &[
            ("a.txt", "one\ntwo\nthree\n", 10, "one\ntwo\n"),
            ("a.txt", "onetwothree", 5, "onetw"),
            ("a.txt", "aé", 2, "a"),
            ("a.txt", "a€b", 3, "a"),
            ("a.jsonl", "{\"text\": \"a\"}\n{\"text\": \"b\"}\n", 20, "a"),
        ];
        for (path, bytes, limit, text) in cases {
            let loaded =
                load_bytes_with_limit(Path::new(path), None, bytes.as_bytes(), &options, *limit)
                    .unwrap();
            assert_eq!(loaded.articles[0].text, *text, "{bytes:?}");
            let want = format!(
                "{path}: file larger than {limit} bytes; only the first {limit} bytes loaded"
            );
            assert_eq!(messages(&loaded), [want], "{bytes:?}");
        }
        assert_eq!(size(MAX_FILE_BYTES), "64 MiB");
    }

    #[test]
    fn load_file_reads_from_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2024-12-30").join("a.txt");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "Title\n\nBody.").unwrap();
        let options = LoadOptions::default();
        let loaded = load_file(&path, Some(dir.path()), &options).unwrap();
        assert_eq!(loaded.articles[0].title.as_deref(), Some("Title"));
        assert_eq!(loaded.articles[0].published, ymd(2024, 12, 30));
        // Removed between the walk and the load.
        let missing = load_file(&dir.path().join("missing.txt"), None, &options).unwrap_err();
        assert_eq!(missing.message, "vanished while the folder was read");
        let folder = load_file(dir.path(), None, &options).unwrap_err();
        assert!(folder.message.starts_with("cannot read: "), "{folder}");
    }
}
