//! The library's error type.

use std::path::PathBuf;

/// Everything that can stop a newsdex operation. Per-file problems during
/// indexing are not errors: they are [`crate::corpus::Warning`]s.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no index at {path}: build it with `newsdex index FOLDER --index {path}`")]
    IndexMissing { path: PathBuf },

    #[error(
        "{path} is no newsdex index but a folder of other files (such as {example}): give \
         --index a new or empty folder, or the one `newsdex index` built"
    )]
    NotAnIndex { path: PathBuf, example: String },

    #[error(
        "{path} is a file, not an index folder: give --index the folder `newsdex index` built, \
         or a new one"
    )]
    NotAFolder { path: PathBuf },

    #[error(
        "the index at {path} was built by {found}, but this newsdex needs schema version {expected}: \
         rebuild it with `newsdex index FOLDER --rebuild --index {path}`"
    )]
    SchemaMismatch {
        path: PathBuf,
        found: String,
        expected: u32,
    },

    #[error("index at {path} is in use by another newsdex process; wait for it to finish")]
    IndexLocked { path: PathBuf },

    #[error(
        "cannot open the index at {path}: {source}; rebuild it with \
         `newsdex index FOLDER --rebuild --index {path}`"
    )]
    IndexCorrupt {
        path: PathBuf,
        #[source]
        source: tantivy::TantivyError,
    },

    #[error("corpus folder {path} does not exist: give the folder of news articles to index")]
    CorpusMissing { path: PathBuf },

    #[error(
        "{path} is a file, not a folder: give the folder that holds it (newsdex indexes a folder \
         of news articles)"
    )]
    CorpusNotFolder { path: PathBuf },

    #[error(
        "the index at {index} holds the articles of {indexed}, not of {given}, and indexing \
         {given} into it would remove them: give {given} its own index with `--index DIR`, or \
         replace this one with `--rebuild`"
    )]
    OtherCorpus {
        index: PathBuf,
        indexed: PathBuf,
        given: PathBuf,
    },

    #[error("invalid query {}: {reason}", quoted_start(query))]
    InvalidQuery { query: String, reason: String },

    /// An entity filter's name (`--person`, the API's `person`) that can
    /// match nothing: its own error, so the message blames the name and
    /// not the query, which read `invalid query "!!"` for `crash --person
    /// '!!'`.
    #[error("invalid name {}: {reason}", Quoted(name))]
    InvalidName { name: String, reason: String },

    #[error("invalid date {}: {reason}", Quoted(input))]
    InvalidDate { input: String, reason: String },

    /// A `--since`/`--until` pair (the API's `since`/`until`) that no
    /// passage can match, whatever the query: its own error, so the
    /// message blames the dates and not the query, and names no flag the
    /// API does not have.
    #[error("invalid date range: {reason}")]
    InvalidDateRange { reason: String },

    #[error(transparent)]
    Tantivy(#[from] tantivy::TantivyError),

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

/// What an [`Error::InvalidDate`] says when the input is no date at all.
pub const DATE_FORMS: &str = "expected YYYY-MM-DD, YYYY-MM or YYYY, a week or quarter as a \
                              timeline labels it (2024-W52, 2024-Q4), or a date with its year \
                              in words (\"December 2024\")";

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A query as an error message shows it: quoted, and cut after its first
/// 80 characters, so that a runaway query does not fill the terminal.
pub fn quoted_start(query: &str) -> String {
    let (shown, cut) = first_shown(query);
    format!("{}{}", Quoted(shown), if cut { "…" } else { "" })
}

/// A user's input between double quotes, as a message repeats it. Rust's
/// debug quoting (`{:?}`) escapes every combining mark, so a Hindi name
/// read "प\u{94d}रधानम\u{902}त\u{94d}री" and a decomposed "Zürich"
/// "Zu\u{308}rich": here only the quote, the backslash and characters a
/// terminal would not show as themselves (controls, zero-width and
/// direction marks) are escaped.
pub struct Quoted<'a>(pub &'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        f.write_char('"')?;
        for c in self.0.chars() {
            match c {
                '"' | '\\' => write!(f, "\\{c}")?,
                c if c.is_control() || is_invisible(c) => write!(f, "{}", c.escape_default())?,
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}

/// Characters that change or hide what a terminal shows without showing
/// themselves: zero-width spaces and joiners, direction marks and
/// overrides, line and paragraph separators, the byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

/// Characters of a user's input that an error message repeats.
const SHOWN_CHARS: usize = 80;

/// `text` cut after its first 80 characters, with `…` when it was cut.
pub(crate) fn shown_start(text: &str) -> std::borrow::Cow<'_, str> {
    match first_shown(text) {
        (shown, true) => format!("{shown}…").into(),
        (shown, false) => shown.into(),
    }
}

/// The first [`SHOWN_CHARS`] characters of `text`, and whether it goes on.
fn first_shown(text: &str) -> (&str, bool) {
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => (&text[..cut], true),
        None => (text, false),
    }
}

impl Error {
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Quoted, quoted_start, shown_start};

    #[test]
    fn input_is_quoted_as_written_but_for_what_a_terminal_would_not_show() {
        let cases = [
            ("प्रधानमंत्री", "\"प्रधानमंत्री\""),
            ("Zu\u{308}rich", "\"Zu\u{308}rich\""),
            ("Ilham Əliyev", "\"Ilham Əliyev\""),
            ("say \"no\" \\ yes", r#""say \"no\" \\ yes""#),
            ("a\nb\tc", r#""a\nb\tc""#),
            ("\u{202e}evil\u{200b}", r#""\u{202e}evil\u{200b}""#),
        ];
        for (input, shown) in cases {
            assert_eq!(Quoted(input).to_string(), shown, "{input}");
        }
    }

    #[test]
    fn an_error_shows_the_start_of_a_long_query() {
        assert_eq!(quoted_start("plane crash"), "\"plane crash\"");
        let long = "(".repeat(100);
        assert_eq!(quoted_start(&long), format!("\"{}\"…", "(".repeat(80)));
        assert_eq!(quoted_start(&"é".repeat(81)).chars().count(), 83);
        assert_eq!(shown_start("a b"), "a b");
        assert_eq!(shown_start(&"x".repeat(81)), format!("{}…", "x".repeat(80)));
    }
}
