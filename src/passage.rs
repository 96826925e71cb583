//! Splitting an article into passages: the unit newsdex indexes and returns.
//!
//! A passage is a paragraph; a paragraph longer than [`MAX_WORDS`] words (a
//! Chinese or Japanese character counts as one) is cut at sentence
//! boundaries (`。` and `！` too) into pieces of at most about that many
//! words, and a piece of more than [`MAX_PASSAGE_BYTES`] at spaces or
//! anywhere.
//! Paragraphs end at blank lines and at indented lines (wire copy indents
//! its paragraphs); a text without blank lines whose lines mostly end a
//! sentence has one paragraph a line, while hard-wrapped text does not.

use crate::chars;
use std::ops::Range;

use crate::tokenizer::is_unspaced;

/// Paragraphs longer than this many words are cut at sentence boundaries.
pub const MAX_WORDS: usize = 150;

/// A piece still longer than this (text without sentence ends, such as a
/// table flattened into one line) is cut at spaces, or anywhere.
pub const MAX_PASSAGE_BYTES: usize = 4000;

/// One passage of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// 0-based position of the passage in its article.
    pub ordinal: usize,
    /// Byte range in the article's text.
    pub range: Range<usize>,
}

/// Splits `text[body_start..]` into passages whose ranges index `text`.
pub fn split(text: &str, body_start: usize) -> Vec<Passage> {
    let body_start = floor_char_boundary(text, body_start);
    let mut passages = Vec::new();
    for paragraph in paragraphs(text, body_start) {
        for range in cut_long_paragraph(text, paragraph) {
            passages.push(Passage {
                ordinal: passages.len(),
                range,
            });
        }
    }
    join_sign_off(text, &mut passages);
    passages
}

/// Joins a last paragraph that is only a sign-off ("Reuter", "REUTER",
/// "AFP") to the passage before it. On its own it was a passage (913 of
/// Reuters-21578's, where a blank line comes before the sign-off) that
/// matched a search through its story's headline alone and listed
/// "Reuter" as a hit.
fn join_sign_off(text: &str, passages: &mut Vec<Passage>) {
    const LONGEST_SIGN_OFF: usize = 16;
    let is_sign_off = |range: &Range<usize>| {
        let word = &text[range.clone()];
        word.len() <= LONGEST_SIGN_OFF && word.bytes().all(|b| b.is_ascii_alphabetic())
    };
    if passages.len() >= 2 && passages.last().is_some_and(|last| is_sign_off(&last.range)) {
        let sign_off = passages.pop().expect("a last passage");
        passages.last_mut().expect("a passage before it").range.end = sign_off.range.end;
    }
}

/// Byte ranges of the paragraphs of `text[from..]`, trimmed, never empty.
fn paragraphs(text: &str, from: usize) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    let mut start = from;
    let mut offset = from;
    // Whether an indent opened a paragraph: the text then marks its
    // paragraphs itself, and its blocks are not cut again into lines.
    let mut paragraphs_indented = false;
    for line in text[from..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let blank = content.trim().is_empty();
        let indented = content.starts_with("  ") || content.starts_with('\t');
        if blank || (indented && offset > start) {
            paragraphs_indented |= !blank;
            push_trimmed(text, start..offset, &mut blocks);
            start = offset;
        }
        offset += line.len();
    }
    push_trimmed(text, start..offset, &mut blocks);
    if paragraphs_indented {
        return blocks;
    }

    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        if is_line_per_paragraph(&text[block.clone()]) {
            let mut at = block.start;
            for line in text[block.clone()].split_inclusive('\n') {
                push_trimmed(text, at..at + line.len(), &mut out);
                at += line.len();
            }
        } else {
            out.push(block);
        }
    }
    out
}

/// True for a block of lines that are mostly whole paragraphs (they end a
/// sentence), false for hard-wrapped text.
fn is_line_per_paragraph(body: &str) -> bool {
    let mut lines = 0usize;
    let mut ending_a_sentence = 0usize;
    for line in body.lines() {
        if line.starts_with("  ") || line.starts_with('\t') {
            return false;
        }
        let line = line.trim();
        if line.is_empty() {
            return false;
        }
        lines += 1;
        // A closing quote ends a sentence only after an end mark: `when,"`
        // goes on with "he said."
        let before_quotes = line.trim_end_matches(['"', '\u{201d}', '\'']);
        if before_quotes.ends_with(['.', '!', '?', ':']) {
            ending_a_sentence += 1;
        }
    }
    lines > 1 && ending_a_sentence * 4 >= lines * 3
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// Cuts a paragraph of more than [`MAX_WORDS`] words into runs of whole
/// sentences of at most about that many words.
fn cut_long_paragraph(text: &str, paragraph: Range<usize>) -> Vec<Range<usize>> {
    let slice = &text[paragraph.clone()];
    if slice.len() <= MAX_PASSAGE_BYTES && word_count(slice) <= MAX_WORDS {
        return vec![paragraph];
    }
    let mut pieces = Vec::new();
    let mut piece_start = 0;
    let mut words = 0;
    let mut sentence_start = 0;
    for end in sentence_ends(slice).into_iter().chain([slice.len()]) {
        let sentence_words = word_count(&slice[sentence_start..end]);
        if words > 0 && words + sentence_words > MAX_WORDS {
            pieces.push(piece_start..sentence_start);
            piece_start = sentence_start;
            words = 0;
        }
        words += sentence_words;
        sentence_start = end;
    }
    pieces.push(piece_start..slice.len());
    let mut out = Vec::new();
    for piece in pieces {
        for cut in cut_at_spaces(slice, piece) {
            push_trimmed(
                text,
                paragraph.start + cut.start..paragraph.start + cut.end,
                &mut out,
            );
        }
    }
    out
}

/// Cuts a range of `text` into pieces of at most [`MAX_PASSAGE_BYTES`],
/// at the last whitespace before the limit where there is one.
fn cut_at_spaces(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    while range.end - start > MAX_PASSAGE_BYTES {
        let limit = floor_char_boundary(text, start + MAX_PASSAGE_BYTES);
        let end = match text[start..limit].rfind(char::is_whitespace) {
            Some(space) if space > 0 => start + space,
            _ => limit,
        };
        out.push(start..end);
        start = end;
    }
    out.push(start..range.end);
    out
}

/// Words, counting each Chinese or Japanese character as one: those
/// scripts put no spaces between words, and a paragraph of them was one
/// "word", never cut into passages however long.
fn word_count(text: &str) -> usize {
    if text.is_ascii() {
        return ascii_word_count(text.as_bytes());
    }
    text.split_whitespace()
        .map(|word| {
            // These scripts take three or four bytes a character.
            if word.bytes().all(|b| b < 0xE0) {
                return 1;
            }
            word.chars().filter(|&c| is_unspaced(c)).count().max(1)
        })
        .sum()
}

/// `split_whitespace().count()` for ASCII: every paragraph is counted, and
/// decoding it as characters cost 1.4 % of all indexing instructions. A
/// word starts where a space is followed by another byte; the pairs are
/// compared without branches and counted in bytes, 255 pairs a chunk, so
/// the compiler checks 16 at a time (a byte at a time with a branch cost
/// another 0.6 %).
fn ascii_word_count(bytes: &[u8]) -> usize {
    // Unicode's White_Space in ASCII: tab, line feed, vertical tab, form
    // feed, carriage return and space (`u8::is_ascii_whitespace` leaves out
    // the vertical tab).
    let is_space = |byte: u8| (byte == b' ') | (byte.wrapping_sub(b'\t') <= b'\r' - b'\t');
    let Some(&first) = bytes.first() else {
        return 0;
    };
    let mut words = usize::from(!is_space(first));
    for (before, after) in bytes.chunks(255).zip(bytes[1..].chunks(255)) {
        let starts = before
            .iter()
            .zip(after)
            .fold(0u8, |n, (&b, &a)| n + u8::from(is_space(b) & !is_space(a)));
        words += usize::from(starts);
    }
    words
}

/// Sentence-ending marks of Chinese and Japanese, which need no space
/// after them.
const FULL_WIDTH_ENDS: &[char] = &['。', '！', '？', '｡'];

/// Closing quotes and brackets that belong to the sentence they close.
const CLOSERS: &[char] = &[
    '"', '\'', ')', ']', '\u{201d}', '\u{2019}', '.', '!', '?', '」', '』', '）', '】', '》',
];

/// Words that a period does not end a sentence after.
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "lt", "col", "sgt", "capt", "st", "mt",
    "ft", "jr", "sr", "inc", "corp", "co", "ltd", "bros", "no", "vs", "etc", "approx", "dept",
    "est", "fig", "rev", "hon", "pres", "supt", "ave", "blvd", "rd",
];

/// Byte offsets (into `text`) just after each sentence-ending punctuation
/// run, where the next sentence begins with whitespace and then an upper-case
/// letter, a digit or an opening quote.
pub fn sentence_ends(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut ends = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // A full-width end needs no space after it: Chinese and Japanese
        // sentences follow each other without one.
        if b >= 0xC0
            && let Some(c) = text[i..].chars().next()
            && FULL_WIDTH_ENDS.contains(&c)
        {
            let mut end = i + c.len_utf8();
            end += closers_len(&text[end..]);
            if end < text.len() {
                ends.push(end);
            }
            i = end;
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            end += closers_len(&text[end..]);
            let rest = &text[end..];
            let after_space = rest.trim_start();
            let has_space = after_space.len() < rest.len();
            let next_starts_sentence = after_space.chars().next().is_some_and(|c| {
                chars::is_uppercase(c) || c.is_ascii_digit() || "\"'\u{201c}\u{2018}(".contains(c)
            });
            if has_space && next_starts_sentence && !(b == b'.' && is_abbreviation(&text[..i])) {
                ends.push(end);
            }
            i = end;
        } else {
            i += 1;
        }
    }
    ends
}

/// The bytes of the closing quotes and brackets `rest` starts with.
fn closers_len(rest: &str) -> usize {
    rest.chars()
        .take_while(|c| CLOSERS.contains(c))
        .map(char::len_utf8)
        .sum()
}

/// Whether the word just before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    // Only the last few bytes matter; looking no further keeps a long run
    // of periods without spaces linear.
    let before = &before[floor_char_boundary(before, before.len().saturating_sub(24))..];
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201c}')
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // "U.S", "a.m", "e.g": periods inside the word.
    if word.contains('.') {
        return true;
    }
    let mut chars = word.chars();
    // A single capital is an initial ("John F. Kennedy").
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return chars::is_uppercase(c);
    }
    ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text, 0).into_iter().map(|p| &text[p.range]).collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(
            texts("One paragraph\nstill one.\n\nTwo.\n"),
            ["One paragraph\nstill one.", "Two."]
        );
    }

    #[test]
    fn a_last_paragraph_of_a_sign_off_joins_the_passage_before() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Shares rose.\n    It said so.\n       \n Reuter\n",
                &["Shares rose.", "It said so.\n       \n Reuter"],
            ),
            ("Shares rose.\n\nREUTER", &["Shares rose.\n\nREUTER"]),
            // A sentence or a figure is no sign-off, nor a story of one word.
            ("Shares rose.\n\nThird.", &["Shares rose.", "Third."]),
            ("Shares rose.\n\n1987", &["Shares rose.", "1987"]),
            ("Reuter", &["Reuter"]),
        ];
        for (text, want) in cases {
            assert_eq!(texts(text), *want, "{text:?}");
        }
    }

    #[test]
    fn lines_that_end_sentences_are_paragraphs() {
        assert_eq!(
            texts("First line.\nSecond line.\nThird."),
            ["First line.", "Second line.", "Third."]
        );
    }

    #[test]
    fn hard_wrapped_text_is_one_paragraph_until_an_indent() {
        let text = "Showers continued throughout\nthe week in the zone.\n    The dry period\nmeans it is late.";
        assert_eq!(
            texts(text),
            [
                "Showers continued throughout\nthe week in the zone.",
                "The dry period\nmeans it is late."
            ]
        );
    }

    #[test]
    fn a_quote_and_its_speaker_stay_one_paragraph() {
        // Wire copy: paragraphs open with an indent; a quote ending in a
        // comma goes on into "X said." on the next line.
        let wire = "    \"I did approve it,\"\nReagan said.\n    Reagan added: \"Rest.\"\n";
        assert_eq!(
            texts(wire),
            [
                "\"I did approve it,\"\nReagan said.",
                "Reagan added: \"Rest.\""
            ]
        );
        let unindented = "\"We will go,\"\nshe said.\n";
        assert_eq!(texts(unindented), ["\"We will go,\"\nshe said."]);
        let quotes_ending_sentences = "\"We will go.\"\n\"Soon.\"\nShe left.\n";
        assert_eq!(
            texts(quotes_ending_sentences),
            ["\"We will go.\"", "\"Soon.\"", "She left."]
        );
    }

    #[test]
    fn body_start_skips_the_title() {
        let text = "Title\n\nBody here.";
        let passages = split(text, 7);
        assert_eq!(passages.len(), 1);
        assert_eq!(&text[passages[0].range.clone()], "Body here.");
    }

    #[test]
    fn long_paragraphs_are_cut_at_sentences_not_abbreviations() {
        let sentence =
            "On Dec. 25 the U.S. team met Mr. Smith in a long meeting that went on and on and on. ";
        let text = sentence.repeat(12);
        let passages = texts(&text);
        assert!(passages.len() >= 2, "{passages:?}");
        for p in &passages {
            assert!(p.starts_with("On Dec. 25"), "{p:?}");
            assert!(p.ends_with("on."), "{p:?}");
            assert!(word_count(p) <= MAX_WORDS);
        }
    }

    #[test]
    fn sentence_ends_skip_abbreviations_and_initials() {
        let text = "He met Mr. Smith and John F. Kennedy in the U.S. Army. Then he left! \"Why?\" Nobody knew.";
        let ends: Vec<&str> = sentence_ends(text).iter().map(|&e| &text[..e]).collect();
        assert_eq!(ends.len(), 3, "{ends:?}");
        assert!(ends[0].ends_with("Army."));
    }

    #[test]
    fn chinese_and_japanese_paragraphs_are_cut_at_their_sentence_ends() {
        let sentence = "国务院总理今天在人民大会堂会见了来访的外国代表团。";
        let text = sentence.repeat(20);
        let passages = texts(&text);
        assert!(passages.len() > 2, "{passages:?}");
        assert!(passages.iter().all(|p| p.ends_with('。')), "{passages:?}");
        assert_eq!(passages.concat(), text);
        let quoted = "「上海は晴れ。」と彼は言った。次の文。";
        assert_eq!(
            sentence_ends(quoted),
            [quoted.find('と').unwrap(), quoted.find('次').unwrap()]
        );
        // Korean words are spaced: a syllable is no word of its own.
        assert_eq!(word_count("서울에서 열린 정상회담"), 3);
        assert_eq!(word_count("上海市 政府"), 5);
        // A run without any end is cut to bounded pieces too.
        let run = "上海市政府".repeat(2000);
        let pieces = texts(&run);
        assert!(pieces.len() > 1 && pieces.iter().all(|p| p.len() <= MAX_PASSAGE_BYTES));
        assert_eq!(pieces.concat(), run);
    }

    #[test]
    fn text_without_sentence_ends_is_cut_to_bounded_pieces() {
        let text = "word ".repeat(5000) + &"x".repeat(9000);
        let passages = texts(&text);
        assert!(
            passages.len() > 5,
            "{:?}",
            passages.iter().map(|p| p.len()).collect::<Vec<_>>()
        );
        assert!(
            passages.iter().all(|p| p.len() <= MAX_PASSAGE_BYTES),
            "{:?}",
            passages.iter().map(|p| p.len()).collect::<Vec<_>>()
        );
        assert_eq!(
            passages
                .iter()
                .map(|p| p.split_whitespace().count())
                .sum::<usize>(),
            5000 + 3
        );
    }

    #[test]
    fn ordinals_count_up() {
        let ords: Vec<usize> = split("a.\n\nb.\n\nc.", 0)
            .iter()
            .map(|p| p.ordinal)
            .collect();
        assert_eq!(ords, [0, 1, 2]);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn passages_lie_in_the_text_in_order_on_char_boundaries(text in "\\PC{0,400}", skip in 0usize..50) {
            let body_start = skip.min(text.len());
            let passages = split(&text, body_start);
            let mut previous_end = 0;
            for (i, p) in passages.iter().enumerate() {
                prop_assert_eq!(p.ordinal, i);
                prop_assert!(p.range.start < p.range.end && p.range.end <= text.len());
                prop_assert!(text.is_char_boundary(p.range.start) && text.is_char_boundary(p.range.end));
                prop_assert!(p.range.start >= previous_end);
                prop_assert!(!text[p.range.clone()].trim().is_empty());
                previous_end = p.range.end;
            }
        }

        #[test]
        fn sentence_ends_are_char_boundaries(text in "\\PC{0,300}") {
            for end in sentence_ends(&text) {
                prop_assert!(end <= text.len() && text.is_char_boundary(end));
            }
        }
    }

    #[test]
    fn counts_ascii_words_as_split_whitespace_does() {
        for ascii in [
            "",
            " ",
            "one",
            " two  words ",
            "a\x0bb\x0cc\rd\te\nf",
            "x\u{1}y",
            "\t\n\x0b\x0c\r lead",
        ] {
            assert_eq!(
                word_count(ascii),
                ascii.split_whitespace().count(),
                "{ascii:?}"
            );
        }
        // Across the chunks the pairs are counted in.
        for len in [254, 255, 256, 257, 510, 511, 1000] {
            let ascii: String = (0..len)
                .map(|i| if i % 3 == 0 { ' ' } else { 'w' })
                .collect();
            assert_eq!(
                word_count(&ascii),
                ascii.split_whitespace().count(),
                "{len}"
            );
            let ascii: String = (0..len)
                .map(|i| if i % 2 == 0 { 'w' } else { '\n' })
                .collect();
            assert_eq!(
                word_count(&ascii),
                ascii.split_whitespace().count(),
                "{len}"
            );
        }
    }
}
