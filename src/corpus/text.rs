//! Plain-text articles (`.txt`).
//!
//! `text` is the whole file as read, because the `extract` contract reports
//! byte offsets into the file. The first line is the title when a blank line
//! follows it and a body follows that; passages then start after the blank
//! line. A first line longer than [`MAX_TITLE_CHARS`] is a paragraph, not a
//! headline, and stays in the body.

use std::path::Path;

use crate::article::Article;

/// Longest first line still taken as a title; headlines are far shorter,
/// and a lead paragraph must not vanish from the passages.
pub const MAX_TITLE_CHARS: usize = 300;

/// Loads a plain-text article.
pub fn load(path: &Path, text: String) -> Article {
    let mut article = Article::from_text(path, text);
    if let Some((title, body_start)) = title_line(&article.text) {
        article.title = Some(title);
        article.body_start = body_start;
    }
    article
}

/// The title and the body's start, when the text opens with a title line.
fn title_line(text: &str) -> Option<(String, usize)> {
    let first_end = text.find('\n')?;
    let title = text[..first_end].trim();
    if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
        return None;
    }
    let second_start = first_end + 1;
    let second_end = text[second_start..]
        .find('\n')
        .map_or(text.len(), |i| second_start + i + 1);
    if !text[second_start..second_end].trim().is_empty() {
        return None;
    }
    if text[second_end..].trim().is_empty() {
        return None;
    }
    Some((title.to_string(), second_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_line_rules() {
        let long = format!("{}\n\nbody", "word ".repeat(80));
        let cases: &[(&str, &str, Option<&str>, usize)] = &[
            ("title then blank", "Title\n\nBody.\n", Some("Title"), 7),
            ("crlf", "Title\r\n\r\nBody.\r\n", Some("Title"), 9),
            (
                "blank line with spaces",
                "Title\n  \nBody.",
                Some("Title"),
                9,
            ),
            ("title trimmed", "  Title  \n\nBody.", Some("Title"), 11),
            ("two blank lines", "Title\n\n\nBody.", Some("Title"), 7),
            ("no blank line", "Title\nBody.\n", None, 0),
            ("single line", "Just one line.", None, 0),
            ("title only", "Title\n\n", None, 0),
            ("starts blank", "\n\nBody.", None, 0),
            ("too long", long.as_str(), None, 0),
        ];
        for (name, input, title, body_start) in cases {
            let a = load(Path::new("a.txt"), input.to_string());
            assert_eq!(a.text, *input, "{name}: text is the file as read");
            assert_eq!(a.title.as_deref(), *title, "{name}");
            assert_eq!(a.body_start, *body_start, "{name}");
            assert_eq!(
                a.line_at(a.body_start),
                if title.is_some() { 3 } else { 1 },
                "{name}"
            );
        }
    }
}
