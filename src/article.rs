//! The one `Article` type every loader produces, whatever the file format.
//!
//! Extraction (entities, dates) runs over `text`, so every byte offset the
//! library reports points into it. Passages cover `text[body_start..]`: for a
//! `.txt` file whose first line is a title, the title is part of `text` (the
//! `extract` contract counts offsets from the first byte of the file) but not
//! part of any passage.

use std::path::PathBuf;

use chrono::NaiveDate;

/// One news article, as loaded from any supported format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The file the article came from.
    pub path: PathBuf,
    /// Position of the article inside its file: 0 for single-article files,
    /// the record number for JSON arrays and JSON Lines.
    pub record: usize,
    /// The article's own identifier (`id` in JSON), when it has one.
    pub id: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// The section or category the story ran in ("sport"), when its
    /// metadata names one.
    pub section: Option<String>,
    /// Publication date: from the article's metadata, else from its path.
    pub published: Option<NaiveDate>,
    /// Plain text that passages and extraction see.
    pub text: String,
    /// Byte offset in `text` where the body starts (after a `.txt` title).
    pub body_start: usize,
    /// Maps byte offsets of `text` back to 1-based lines of the source file,
    /// sorted by offset. A passage's line is that of the last anchor at or
    /// before its start.
    pub line_anchors: Vec<LineAnchor>,
}

/// "The text from byte `offset` on comes from source line `line`."
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineAnchor {
    pub offset: usize,
    pub line: usize,
}

impl Article {
    /// A plain article with no metadata, whose text starts at line 1.
    pub fn from_text(path: impl Into<PathBuf>, text: impl Into<String>) -> Article {
        Article {
            path: path.into(),
            record: 0,
            id: None,
            title: None,
            url: None,
            author: None,
            section: None,
            published: None,
            text: text.into(),
            body_start: 0,
            line_anchors: vec![LineAnchor { offset: 0, line: 1 }],
        }
    }

    /// Makes a headline-only story (a wire "brief", a page with a title and
    /// no paragraphs) searchable: with a blank body, its title becomes its
    /// one passage, taken from `text` when the title is there, else set as
    /// the text. Without either it stays an article with no passages.
    pub fn use_headline_when_bodiless(&mut self) {
        if !self.body().trim().is_empty() {
            return;
        }
        if !self.text.trim().is_empty() {
            self.body_start = 0;
            return;
        }
        if let Some(title) = self.title.as_ref().filter(|t| !t.trim().is_empty()) {
            self.text.clone_from(title);
            self.body_start = 0;
            self.line_anchors.truncate(1);
        }
    }

    /// Makes the control characters of the text and title spaces (a
    /// scraped page's escape sequences, a stray NUL or form feed): no word
    /// holds them, and an entity name with an escape sequence in it would
    /// reach a terminal. Each is one byte, as is a space, so offsets into
    /// the text (a `.txt` file's bytes) still hold. Tabs and line breaks
    /// stay.
    pub fn blank_control_characters(&mut self) {
        blank_control_characters(&mut self.text);
        if let Some(title) = &mut self.title {
            blank_control_characters(title);
        }
    }

    /// The body: the part of `text` that is split into passages.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// The 1-based source lines of increasing byte offsets of `text`, each
    /// counted on from the one before: [`Article::line_at`] counts from the
    /// anchor, and for every passage of a long text with one anchor (a
    /// `.txt` file) that was quadratic.
    pub fn lines_at(&self, offsets: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut lines = Vec::new();
        // (anchor index, offset, line) of the last lookup.
        let mut last: Option<(usize, usize, usize)> = None;
        for offset in offsets {
            let offset = offset.min(self.text.len());
            let anchor = self.line_anchors.partition_point(|a| a.offset <= offset);
            let line = match last {
                Some((same, from, line)) if same == anchor && from <= offset => {
                    line + newlines(&self.text.as_bytes()[from..offset])
                }
                _ => self.line_at(offset),
            };
            last = Some((anchor, offset, line));
            lines.push(line);
        }
        lines
    }

    /// The 1-based source line of byte `offset` of `text`.
    pub fn line_at(&self, offset: usize) -> usize {
        let idx = self.line_anchors.partition_point(|a| a.offset <= offset);
        match idx.checked_sub(1).map(|i| self.line_anchors[i]) {
            Some(anchor) => {
                // Within one anchored stretch the text keeps the source's
                // line breaks, so count them.
                let end = offset.min(self.text.len());
                let start = anchor.offset.min(end);
                anchor.line + newlines(&self.text.as_bytes()[start..end])
            }
            None => 1,
        }
    }
}

/// How many line breaks `bytes` holds: how far a line anchor is from a
/// later offset.
pub(crate) fn newlines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// How many lines a source file's `bytes` hold, as its passages' lines
/// count them: a last line without a break counts, and a file that breaks
/// its lines with carriage returns alone (classic Mac OS) is read as lines.
pub fn source_lines(bytes: &[u8]) -> usize {
    let breaks = match newlines(bytes) {
        0 => bytes.iter().filter(|&&b| b == b'\r').count(),
        n => n,
    };
    let unbroken_last = bytes.last().is_some_and(|&b| b != b'\n' && b != b'\r');
    breaks + usize::from(unbroken_last)
}

/// Line `n` (1-based) of a source file's `bytes`, without its break.
pub fn source_line(bytes: &[u8], n: usize) -> Option<&[u8]> {
    let line = bytes.split(|&b| b == b'\n').nth(n.checked_sub(1)?)?;
    Some(line.strip_suffix(b"\r").unwrap_or(line))
}

/// A headline as headlines are compared: lower-cased, spaces collapsed,
/// straight quotes for curly ones (a `<title>` and an `<h1>`, or a title
/// and the body's first line, often quote differently).
pub fn comparable_title(title: &str) -> String {
    // Sized for the title: collected a character at a time, the string
    // grew by doubling for every article.
    let mut comparable = String::with_capacity(title.len());
    comparable.extend(comparable_chars(title));
    comparable
}

/// The characters of [`comparable_title`], one at a time: comparing them
/// with a headline stops at the first that differs, where building the
/// string for every passage of every article cost 5 % of indexing.
pub fn comparable_chars(title: &str) -> impl Iterator<Item = char> + '_ {
    title
        .split_whitespace()
        .enumerate()
        .flat_map(|(i, word)| (i > 0).then_some(' ').into_iter().chain(word.chars()))
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .flat_map(char::to_lowercase)
}

fn blank_control_characters(text: &mut String) {
    // Comparisons joined without branches, each chunk's bytes or-ed
    // together before a branch: the compiler checks 16 bytes an
    // instruction. Nearly every text has no such byte, and a branch per
    // byte cost 0.5 % of indexing's instructions.
    let is_blanked =
        |b: u8| ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0x7f);
    let any_blanked = text
        .as_bytes()
        .chunks(64)
        .any(|chunk| chunk.iter().fold(false, |any, &b| any | is_blanked(b)));
    if any_blanked {
        *text = text
            .chars()
            .map(|c| {
                if c.is_ascii() && is_blanked(c as u8) {
                    ' '
                } else {
                    c
                }
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_spaces_of_the_same_length() {
        let cases = [
            ("Zork\u{1b}[2J said", "Zork [2J said"),
            ("a\u{0}b\u{7f}c\u{c}d", "a b c d"),
            ("tab\tline\r\nkept", "tab\tline\r\nkept"),
            ("Zürich \u{1b}x", "Zürich  x"),
        ];
        for (text, want) in cases {
            let mut article = Article::from_text("a.txt", text);
            article.title = Some(text.to_string());
            article.blank_control_characters();
            assert_eq!(article.text, want, "{text:?}");
            assert_eq!(article.title.as_deref(), Some(want), "{text:?}");
            assert_eq!(article.text.len(), text.len(), "{text:?}");
        }
    }

    #[test]
    fn every_control_byte_is_blanked_wherever_it_stands() {
        let is_blanked = |b: u8| (b < 0x20 && !b"\t\n\r".contains(&b)) || b == 0x7f;
        // Before, inside and after the chunks the text is checked in.
        for at in [0, 1, 63, 64, 65, 127, 128, 129] {
            for b in 0..0x80u8 {
                let mut bytes = vec![b'a'; 130];
                bytes[at] = b;
                let mut text = String::from_utf8(bytes.clone()).expect("ASCII");
                blank_control_characters(&mut text);
                if is_blanked(b) {
                    bytes[at] = b' ';
                }
                assert_eq!(text.as_bytes(), bytes, "byte {b:#x} at {at}");
            }
        }
    }

    #[test]
    fn lines_at_agree_with_line_at() {
        let mut a = Article::from_text("a.md", "one\ntwo\n\nfour\nfive\n\nseven");
        a.line_anchors = vec![
            LineAnchor { offset: 0, line: 1 },
            LineAnchor {
                offset: 15,
                line: 20,
            },
        ];
        let offsets = [0, 4, 4, 9, 14, 15, 16, 21, 99];
        let one_by_one: Vec<usize> = offsets.iter().map(|&o| a.line_at(o)).collect();
        assert_eq!(a.lines_at(offsets), one_by_one);
    }

    #[test]
    fn a_source_file_has_the_lines_its_passages_count() {
        let cases: &[(&str, usize)] = &[
            ("", 0),
            ("one", 1),
            ("one\n", 1),
            ("one\ntwo", 2),
            ("one\r\ntwo\r\n", 2),
            ("one\rtwo\rthree", 3),
            ("\n\n", 2),
        ];
        for (text, lines) in cases {
            assert_eq!(super::source_lines(text.as_bytes()), *lines, "{text:?}");
        }
        let text = b"one\r\ntwo\n\nfour";
        let lines: Vec<Option<&[u8]>> = (0..=5).map(|n| super::source_line(text, n)).collect();
        let expected: [Option<&[u8]>; 6] = [
            None,
            Some(b"one"),
            Some(b"two"),
            Some(b""),
            Some(b"four"),
            None,
        ];
        assert_eq!(lines, expected);
    }

    #[test]
    fn line_at_counts_newlines_after_the_anchor() {
        let a = Article::from_text("a.txt", "one\ntwo\n\nfour");
        assert_eq!(a.line_at(0), 1);
        assert_eq!(a.line_at(4), 2);
        assert_eq!(a.line_at(9), 4);
    }
}
