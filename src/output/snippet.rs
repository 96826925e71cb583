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
    /// between `open` and `close` (terminal bold, or nothing).
    pub fn render(&self, open: &str, close: &str) -> String {
        self.render_with(open, close, |out, text| out.push_str(text))
    }

    /// The window as HTML: each highlight in `<mark>`, and the text
    /// escaped, so that a `<mark>` or `<b>` written in the article is text,
    /// not a highlight or markup, on the page the snippet goes into.
    pub fn render_html(&self) -> String {
        self.render_with("<mark>", "</mark>", push_escaped)
    }

    fn render_with(&self, open: &str, close: &str, push: impl Fn(&mut String, &str)) -> String {
        let mut out = String::with_capacity(
            self.text.len() + 8 + self.highlights.len() * (open.len() + close.len()),
        );
        if self.cut_before {
            out.push_str("… ");
        }
        let mut at = 0;
        for h in &self.highlights {
            push(&mut out, &self.text[at..h.start]);
            out.push_str(open);
            push(&mut out, &self.text[h.clone()]);
            out.push_str(close);
            at = h.end;
        }
        push(&mut out, &self.text[at..]);
        if self.cut_after {
            out.push_str(" …");
        }
        out
    }
}

/// `text` with HTML's special characters as character references.
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
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
    // The highlight whose window (from its start) covers the most highlights.
    let best = highlights
        .iter()
        .enumerate()
        .max_by_key(|(i, h)| {
            let covered = highlights[*i..]
                .iter()
                .take_while(|o| o.end <= h.start + max_bytes)
                .count();
            (covered, std::cmp::Reverse(h.start))
        })
        .map_or(0..0, |(_, h)| h.clone());
    // Show a little context before it; the cuts never pass into it, even
    // in text without spaces to cut at (Chinese, a long URL).
    let start = word_start(text, best.start.saturating_sub(max_bytes / 5), best.start);
    let end = word_end(text, (start + max_bytes).min(text.len()), best.end);
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

/// The start of the first word at or after `i`, not past `limit` (a char
/// boundary); `i` itself when no whitespace comes before `limit`.
fn word_start(text: &str, mut i: usize, limit: usize) -> usize {
    if i == 0 {
        return 0;
    }
    while i < limit && !text.is_char_boundary(i) {
        i += 1;
    }
    if i >= limit || text[..i].ends_with(char::is_whitespace) {
        return i.min(limit);
    }
    match text[i..limit].find(char::is_whitespace) {
        Some(ws) => {
            let after = &text[i + ws..limit];
            i + ws + after.len() - after.trim_start().len()
        }
        None => i,
    }
}

/// The end of the last word before `i`, not before `floor` (a char
/// boundary); `i` itself when no whitespace comes after `floor`.
fn word_end(text: &str, mut i: usize, floor: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    if i <= floor {
        return floor;
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    match text[floor..i].rfind(char::is_whitespace) {
        Some(ws) => text[..floor + ws].trim_end().len().max(floor),
        None => i,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_rendering_marks_highlights_and_escapes_the_text() {
        let cases = [
            ("a & b", 0..1, "<mark>a</mark> &amp; b"),
            ("<b>tax</b>", 3..6, "&lt;b&gt;<mark>tax</mark>&lt;/b&gt;"),
            (
                "\"<mark>\" tax",
                9..12,
                "&quot;&lt;mark&gt;&quot; <mark>tax</mark>",
            ),
            ("R&D", 0..3, "<mark>R&amp;D</mark>"),
        ];
        for (text, highlight, want) in cases {
            assert_eq!(
                snippet(text, &[highlight], 100).render_html(),
                want,
                "{text}"
            );
        }
    }

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

    /// A window holding `word`, and the highlight on it, for text with
    /// long runs without spaces.
    #[test]
    fn the_highlight_stays_in_the_window_without_spaces_to_cut_at() {
        let chinese = format!(
            "新华社北京12月30日电 {}上海，{}",
            "国务院总理今天在人民大会堂会见了来访的外国代表团。".repeat(3),
            "会议强调要进一步扩大对外开放，推动高质量发展。".repeat(4)
        );
        let url = format!(
            "See http://example.com/{}crash/{} for the {}",
            "a/".repeat(100),
            "b/".repeat(20),
            "report on the plane and its crew ".repeat(5)
        );
        for (text, word) in [(chinese.as_str(), "上海"), (url.as_str(), "crash")] {
            let at = text.find(word).unwrap();
            let highlight = Range {
                start: at,
                end: at + word.len(),
            };
            let s = snippet(text, &[highlight], 200);
            assert!(s.text.len() <= 200, "{}", s.text);
            assert_eq!(s.highlights.len(), 1, "{word} in {:?}", s.text);
            assert_eq!(&s.text[s.highlights[0].clone()], word);
        }
    }

    #[test]
    fn multibyte_text_never_splits_a_character() {
        let text = "é".repeat(200);
        let s = snippet(&text, &[], 51);
        assert!(s.text.len() <= 60);
    }
}
