//! Choosing the part of a passage to show: a window around the densest run
//! of highlights, cut at word boundaries.

use std::ops::Range;

/// A window of a passage, with highlight ranges relative to the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
    /// Whether text was cut before / after the window.
    pub cut_before: bool,
    pub cut_after: bool,
}

impl Snippet {
    /// The window as one string: `…` where text was cut, each highlight
    /// between `open` and `close` (terminal bold, `<mark>`, or nothing).
    pub fn render(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(
            self.text.len() + 8 + self.highlights.len() * (open.len() + close.len()),
        );
        if self.cut_before {
            out.push_str("… ");
        }
        let mut at = 0;
        for h in &self.highlights {
            out.push_str(&self.text[at..h.start]);
            out.push_str(open);
            out.push_str(&self.text[h.clone()]);
            out.push_str(close);
            at = h.end;
        }
        out.push_str(&self.text[at..]);
        if self.cut_after {
            out.push_str(" …");
        }
        out
    }
}

/// At most about `max_bytes` of `text`, placed so that it holds as many
/// highlights as possible, starting and ending at whitespace.
pub fn snippet(text: &str, highlights: &[Range<usize>], max_bytes: usize) -> Snippet {
    if text.len() <= max_bytes {
        return Snippet {
            text: text.to_string(),
            highlights: highlights.to_vec(),
            cut_before: false,
            cut_after: false,
        };
    }
    // The window start (a highlight's start) that covers the most highlights.
    let best_start = highlights
        .iter()
        .enumerate()
        .max_by_key(|(i, h)| {
            let covered = highlights[*i..]
                .iter()
                .take_while(|o| o.end <= h.start + max_bytes)
                .count();
            (covered, std::cmp::Reverse(h.start))
        })
        .map_or(0, |(_, h)| h.start);
    // Show a little context before the first highlight.
    let mut start = best_start.saturating_sub(max_bytes / 5);
    start = word_start(text, start);
    let mut end = (start + max_bytes).min(text.len());
    end = word_end(text, end);
    let window = &text[start..end];
    let highlights = highlights
        .iter()
        .filter(|h| h.start >= start && h.end <= end)
        .map(|h| h.start - start..h.end - start)
        .collect();
    Snippet {
        text: window.to_string(),
        highlights,
        cut_before: start > 0,
        cut_after: end < text.len(),
    }
}

/// The start of the word at or after `i`.
fn word_start(text: &str, mut i: usize) -> usize {
    if i == 0 {
        return 0;
    }
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    match text[i..].find(char::is_whitespace) {
        Some(ws) if !text[..i].ends_with(char::is_whitespace) => {
            let after = i + ws;
            after + text[after..].len() - text[after..].trim_start().len()
        }
        _ => i,
    }
}

/// The end of the word before `i`.
fn word_end(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    match text[..i].rfind(char::is_whitespace) {
        Some(ws) if ws > 0 => text[..ws].trim_end().len(),
        _ => i,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_whole() {
        let s = snippet("short text", &[Range { start: 0, end: 5 }], 100);
        assert_eq!(s.text, "short text");
        assert_eq!(s.highlights, vec![Range { start: 0, end: 5 }]);
    }

    #[test]
    fn long_text_is_cut_around_the_highlights_at_word_boundaries() {
        let text = format!(
            "{} Aliyev spoke {}",
            "word ".repeat(100),
            "more ".repeat(100)
        );
        let at = text.find("Aliyev").unwrap();
        let s = snippet(
            &text,
            &[Range {
                start: at,
                end: at + 6,
            }],
            60,
        );
        assert!(s.text.contains("Aliyev spoke"), "{:?}", s.text);
        assert!(s.cut_before && s.cut_after);
        assert!(!s.text.starts_with(' ') && !s.text.ends_with(' '));
        let h = s.highlights[0].clone();
        assert_eq!(&s.text[h], "Aliyev");
    }

    #[test]
    fn multibyte_text_never_splits_a_character() {
        let text = "é".repeat(200);
        let s = snippet(&text, &[], 51);
        assert!(s.text.len() <= 60);
    }
}
