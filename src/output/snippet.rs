//! Choosing the part of a passage to show: a window around the densest run
//! of highlights, cut at sentence or word boundaries.

use std::borrow::Cow;
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
            push(&mut out, &flowing(&self.text[at..h.start]));
            out.push_str(open);
            push(&mut out, &flowing(&self.text[h.clone()]));
            out.push_str(close);
            at = h.end;
        }
        push(&mut out, &flowing(&self.text[at..]));
        if self.cut_after {
            out.push_str(" …");
        }
        out
    }
}

/// `text` with each run of white space that breaks a line as one space:
/// wire copy is set in lines of some 65 characters, and a snippet of it
/// came out of `--format csv` as a cell of four lines, and out of `jq -r
/// .snippet` as four lines; `text` keeps them, as offsets count them.
fn flowing(text: &str) -> Cow<'_, str> {
    if !text.contains(['\n', '\r']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(char::is_whitespace) {
        out.push_str(&rest[..start]);
        let run = &rest[start..];
        let end = run.find(|c: char| !c.is_whitespace()).unwrap_or(run.len());
        if run[..end].contains(['\n', '\r']) {
            out.push(' ');
        } else {
            out.push_str(&run[..end]);
        }
        rest = &run[end..];
    }
    out.push_str(rest);
    Cow::Owned(out)
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
/// highlights as possible, starting and ending with a sentence where that
/// shows them all, else at whitespace.
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
    let by_words = word_start(text, best.start.saturating_sub(max_bytes / 5), best.start);
    let sentences = Sentences::of(text);
    // A window that starts with its sentence reads as prose, not as a
    // fragment ("… 59.5% stake in holding company"): it starts there when
    // that shows as many highlights.
    let start = sentences
        .start_before(best.start)
        .filter(|&at| best.end <= at + max_bytes)
        .filter(|&at| {
            let shown = |start| window_end(text, start, max_bytes, best.end, highlights).1;
            shown(at) >= shown(by_words)
        })
        .unwrap_or(by_words);
    let (by_words_end, _) = window_end(text, start, max_bytes, best.end, highlights);
    // Likewise it ends with a sentence, past half its length, when no
    // highlight it shows comes after that sentence.
    let last_shown = highlights
        .iter()
        .filter(|h| h.start >= start && h.end <= by_words_end)
        .map(|h| h.end)
        .max()
        .unwrap_or(best.end);
    let end = sentences
        .end_before(by_words_end)
        .filter(|&at| at >= last_shown && at >= start + max_bytes / 2)
        .unwrap_or(by_words_end);
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

/// Where a window of at most `max_bytes` from `start` ends at a word, not
/// before `floor`, and how many of `highlights` it shows whole.
fn window_end(
    text: &str,
    start: usize,
    max_bytes: usize,
    floor: usize,
    highlights: &[Range<usize>],
) -> (usize, usize) {
    let end = word_end(text, (start + max_bytes).min(text.len()), floor);
    let shown = highlights
        .iter()
        .filter(|h| h.start >= start && h.end <= end)
        .count();
    (end, shown)
}

/// Where the sentences of a passage start and end, as passages are cut
/// ([`crate::passage::sentence_ends`]).
struct Sentences {
    /// Byte offsets just after each sentence's closing punctuation.
    ends: Vec<usize>,
    /// Byte offsets of each sentence's first character, the text's start
    /// first.
    starts: Vec<usize>,
}

impl Sentences {
    fn of(text: &str) -> Sentences {
        let ends = crate::passage::sentence_ends(text);
        let starts = std::iter::once(0)
            .chain(ends.iter().map(|&end| {
                let rest = &text[end..];
                end + rest.len() - rest.trim_start().len()
            }))
            .collect();
        Sentences { ends, starts }
    }

    /// The start of the sentence that holds `at`.
    fn start_before(&self, at: usize) -> Option<usize> {
        self.starts
            .iter()
            .rev()
            .find(|&&start| start <= at)
            .copied()
    }

    /// The last sentence end at or before `at`.
    fn end_before(&self, at: usize) -> Option<usize> {
        self.ends.iter().rev().find(|&&end| end <= at).copied()
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
    fn a_snippet_of_wire_copy_is_one_line() {
        let text =
            "Federal Reserve Board\nChairman Paul Volcker said  it\r\nwould not.\n   \n Reuter";
        let at = text.find("Volcker").unwrap();
        let window = snippet(
            text,
            &[Range {
                start: at,
                end: at + 7,
            }],
            200,
        );
        assert_eq!(
            window.render("[", "]"),
            "Federal Reserve Board Chairman Paul [Volcker] said  it would not. Reuter"
        );
        assert_eq!(
            window.render_html(),
            "Federal Reserve Board Chairman Paul <mark>Volcker</mark> said  it would not. Reuter"
        );
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

    /// The window `snippet` shows of `text` around each `word` (all its
    /// occurrences highlighted), rendered with `[` `]` round highlights.
    fn window(text: &str, word: &str, max_bytes: usize) -> String {
        let highlights: Vec<Range<usize>> = text
            .match_indices(word)
            .map(|(at, w)| at..at + w.len())
            .collect();
        snippet(text, &highlights, max_bytes).render("[", "]")
    }

    /// A window starts where the sentence holding its first highlight
    /// starts and ends where a sentence ends, when that shows no fewer
    /// highlights: "… 59.5% stake in holding company" read as a fragment
    /// where "Mr Khodorkovsky handed over his entire 59.5% stake" was
    /// a few words back.
    #[test]
    fn windows_cut_at_sentences_when_that_shows_as_many_highlights() {
        let yukos = "Mr Khodorkovsky handed over his entire 59.5% stake in holding company \
                     Group Menatep - which controls Yukos - to Leonid Nevzlin. A close ally of \
                     the ex-Yukos boss, Mr Nevzlin is currently based in Israel. Mr Khodorkovsky \
                     handed over his stake after the forced sale of Yuganskneftegas, the firm's \
                     main production unit, which he says left him with no responsibilities. The \
                     sale was condemned by investors.";
        let filler = "The talks lasted most of the day and ended without a joint statement. ";
        let late = format!(
            "{}Later, Yukos said it would appeal. {}",
            filler.repeat(4),
            filler.repeat(3)
        );
        let run_on = format!(
            "{}and then Yukos appealed {}",
            "word ".repeat(60),
            "more ".repeat(60)
        );
        // (passage, word, window)
        let cases: &[(&str, &str, &str)] = &[
            (
                yukos,
                "Yukos",
                "Mr Khodorkovsky handed over his entire 59.5% stake in holding company Group \
                 Menatep - which controls [Yukos] - to Leonid Nevzlin. A close ally of the \
                 ex-[Yukos] boss, Mr Nevzlin is currently based in Israel. …",
            ),
            (
                &late,
                "Yukos",
                "… Later, [Yukos] said it would appeal. The talks lasted most of the day and \
                 ended without a joint statement. The talks lasted most of the day and ended \
                 without a joint statement. …",
            ),
            // No sentence to cut at: words, as before.
            (
                &run_on,
                "Yukos",
                &format!(
                    "… {}and then [Yukos] appealed {}…",
                    "word ".repeat(7),
                    "more ".repeat(32)
                ),
            ),
        ];
        for (text, word, want) in cases {
            assert_eq!(window(text, word, 220), *want, "{text}");
        }
    }

    #[test]
    fn multibyte_text_never_splits_a_character() {
        let text = "é".repeat(200);
        let s = snippet(&text, &[], 51);
        assert!(s.text.len() <= 60);
    }
}
