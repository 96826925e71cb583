//! Tokeniser and sentence splitter for raw news text.
//!
//! Produces CoNLL-2003-like tokens (the model is trained on those) from real
//! typography: curly quotes, possessive `’s`, `n't`, abbreviations such as
//! "U.S." and "Dec.", hyphenated words kept whole. Every token is a byte range
//! of the original text, so entity offsets map straight back.

use crate::chars;

/// A token: byte range `start..end` of the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Abbreviations that keep their trailing period (compared without it).
const ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mr",
    "Mrs", "Ms", "Messrs", "Dr", "Prof", "St", "Mt", "Ft", "Jr", "Sr", "Gen", "Col", "Lt", "Capt",
    "Sgt", "Maj", "Gov", "Sen", "Rep", "Rev", "Inc", "Corp", "Co", "Ltd", "Bros", "Bhd", "Cie",
    "No", "Nos", "vs", "vol", "etc", "approx", "Ave", "Blvd", "Calif", "Fla", "Mass", "Conn",
    "Ill", "Ind", "Md", "Mich", "Minn", "Mo", "Nev", "Ore", "Pa", "Tenn", "Tex", "Va", "Wash",
    "Wis", "Ariz", "Colo", "Ga", "Ky", "La", "Okla", "Del", "Neb", "Kan", "Ala", "Ark", "Miss",
];

/// [`ABBREVIATIONS`] that are also words ("Mass", "Ore", "Miss", "Ill"):
/// their period is the abbreviation's where the sentence goes on
/// ("Boston, Mass., said") or the word is a state after its city and a
/// comma ("in Portland, Ore. The company"), where it does both jobs, as
/// after "Inc". Elsewhere, before a capital or a quotation, it ends the
/// sentence, and kept on the word it made names end in a full stop: "his
/// Christmas Midnight Mass. The cardinal", "chairman Norbert Ore.", "in
/// LA.".
const ABBREVIATIONS_ALSO_WORDS: &[&str] = &[
    "Ark", "Del", "Ill", "Ind", "La", "Mass", "Miss", "Mo", "No", "Ore", "Pa", "Wash",
];

/// Clitics split off the end of a word, CoNLL/Penn style.
const CLITICS: &[&str] = &["'s", "'re", "'ve", "'ll", "'d", "'m", "n't"];

/// Brackets and quotes a word may open with. Angle brackets too: Reuters
/// marks company names and tickers with them ("<Texaco Inc>", "Citicorp
/// <CCI>"), and kept on the word they made "<Noranda Inc>" a name of its
/// own, apart from "Noranda Inc".
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '<' | '"' | '\'' | '“' | '‘' | '«' | '`' | '„'
    )
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '>' | '"' | '\'' | '”' | '’' | '»' | ',' | ';' | ':' | '!' | '?'
    )
}

/// Dashes that separate words even without spaces ("Baku—Moscow").
fn is_separating_dash(c: char) -> bool {
    matches!(c, '—' | '–')
}

/// A clitic candidate's character with curly apostrophes folded, ASCII
/// lower-cased.
fn fold_apostrophe(c: char) -> char {
    match c {
        '’' | '‘' | '`' => '\'',
        other => other.to_ascii_lowercase(),
    }
}

/// Lower-cased ASCII form of a clitic candidate, curly apostrophes folded.
fn fold_apostrophes(text: &str) -> String {
    text.chars().map(fold_apostrophe).collect()
}

/// Whether `text` is a clitic written apart ("'s", "n’t").
fn is_clitic(text: &str) -> bool {
    CLITICS
        .iter()
        .any(|clitic| text.chars().map(fold_apostrophe).eq(clitic.chars()))
}

/// The character of a one-character string.
fn only_char(text: &str) -> Option<char> {
    let mut chars = text.chars();
    chars.next().filter(|_| chars.next().is_none())
}

/// Whether the text `after` a word starts a new sentence: nothing but
/// whitespace, or a capital or an opening quote after it.
fn opens_sentence(after: &str) -> bool {
    after
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| chars::is_uppercase(c) || matches!(c, '"' | '“' | '\'' | '‘'))
}

/// Whether `word` (without its final period) keeps the period; `before`
/// is the text before the word, `after` the text after the period.
fn keeps_period(word: &str, at_line_start: bool, before: &str, after: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let single_letter = only_char(word).is_some_and(chars::is_alphabetic);
    // Dotted initials and abbreviations end in one letter or a
    // capitalised word ("U.S", "e.g", "W.Va"); a web address or a figure
    // ends its sentence ("PowerPage.org.", "HK$6.31bn.").
    let dotted = word.rsplit_once('.').is_some_and(|(head, last)| {
        let mut letters = last.chars();
        head.chars().any(chars::is_alphanumeric)
            && letters.next().is_some_and(chars::is_alphabetic)
            && (last.len() == 1 || last.starts_with(chars::is_uppercase))
            && letters.all(chars::is_alphabetic)
    });
    // "1." numbering a list line, as in sports results tables.
    let list_number = at_line_start && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit());
    // All-caps headlines write "ST. LOUIS", "GOV."; compare title-cased.
    let title_cased = (word.len() > 1 && word.chars().all(|c| c.is_ascii_uppercase()))
        .then(|| super::wordform::title_case(word));
    let shouted = title_cased
        .as_deref()
        .is_some_and(|titled| ABBREVIATIONS.contains(&titled));
    let also_word = || {
        ABBREVIATIONS_ALSO_WORDS.contains(&word)
            || (shouted
                && title_cased
                    .as_deref()
                    .is_some_and(|titled| ABBREVIATIONS_ALSO_WORDS.contains(&titled)))
    };

    single_letter
        || dotted
        || list_number
        || ((shouted || ABBREVIATIONS.contains(&word))
            && !(also_word() && opens_sentence(after) && !before.trim_end().ends_with(',')))
}

/// Splits one whitespace-free chunk, at byte `offset` of `text`, into
/// tokens.
fn split_chunk(text: &str, chunk: &str, offset: usize, at_line_start: bool, out: &mut Vec<Span>) {
    // Most chunks are plain ASCII words or numbers: one token, no rule applies.
    if chunk.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.push(Span {
            start: offset,
            end: offset + chunk.len(),
        });
        return;
    }
    if !chunk.chars().any(chars::is_alphanumeric) {
        split_punctuation_run(chunk, offset, out);
        return;
    }
    let mut start = 0;
    let mut end = chunk.len();
    // Leading punctuation, unless the rest is a clitic written apart ("'s").
    while let Some(c) = chunk[start..end].chars().next() {
        if !is_opening(c) || is_clitic(&chunk[start..end]) {
            break;
        }
        out.push(Span {
            start: offset + start,
            end: offset + start + c.len_utf8(),
        });
        start += c.len_utf8();
    }
    // Trailing punctuation goes to `out` as it is found, last first, and
    // is put after the word's tokens at the end: a vector of its own was
    // an allocation for a chunk as common as "said,".
    let trailing_from = out.len();
    while end > start {
        let c = chunk[start..end].chars().next_back().expect("non-empty");
        if c == '.' {
            let word = &chunk[start..end - 1];
            if word.ends_with("..") {
                let dots_start = word.trim_end_matches('.').len() + start;
                out.push(Span {
                    start: offset + dots_start,
                    end: offset + end,
                });
                end = dots_start;
                continue;
            }
            // "U.S.." is the abbreviation "U.S." and the full stop of a
            // sentence that ends with it: kept as one token it ended no
            // sentence, and "U.S.. He added" became one name. ("Apple.."
            // loses both periods.)
            if word.ends_with('.') {
                out.push(Span {
                    start: offset + end - 1,
                    end: offset + end,
                });
                end -= 1;
                continue;
            }
            let (before, after) = (&text[..offset + start], &text[offset + end..]);
            if !keeps_period(word, at_line_start && start == 0, before, after) {
                out.push(Span {
                    start: offset + end - 1,
                    end: offset + end,
                });
                end -= 1;
                continue;
            }
            break;
        }
        if is_closing(c) && !is_clitic(&chunk[start..end]) {
            out.push(Span {
                start: offset + end - c.len_utf8(),
                end: offset + end,
            });
            end -= c.len_utf8();
            continue;
        }
        break;
    }
    let trailing = out.len() - trailing_from;
    split_word(&chunk[start..end], offset + start, out);
    out[trailing_from..].rotate_left(trailing);
    let tokens = out.len();
    out[tokens - trailing..].reverse();
}

/// Splits a run of punctuation: a repeated character ("--", "...") stays one
/// token, mixed punctuation (`."`) becomes one token per character.
fn split_punctuation_run(chunk: &str, offset: usize, out: &mut Vec<Span>) {
    let first = chunk.chars().next();
    if chunk.chars().all(|c| Some(c) == first) {
        out.push(Span {
            start: offset,
            end: offset + chunk.len(),
        });
        return;
    }
    for (index, c) in chunk.char_indices() {
        out.push(Span {
            start: offset + index,
            end: offset + index + c.len_utf8(),
        });
    }
}

/// Splits the core of a chunk at separating dashes and off clitics.
fn split_word(word: &str, offset: usize, out: &mut Vec<Span>) {
    let mut piece_start = 0;
    for (index, c) in word.char_indices() {
        if is_separating_dash(c) {
            split_clitic(&word[piece_start..index], offset + piece_start, out);
            out.push(Span {
                start: offset + index,
                end: offset + index + c.len_utf8(),
            });
            piece_start = index + c.len_utf8();
        }
    }
    split_clitic(&word[piece_start..], offset + piece_start, out);
}

fn split_clitic(word: &str, offset: usize, out: &mut Vec<Span>) {
    if word.is_empty() {
        return;
    }
    // Every clitic has an apostrophe; most words have none.
    if !word.contains(['\'', '’', '‘', '`']) {
        out.push(Span {
            start: offset,
            end: offset + word.len(),
        });
        return;
    }
    let folded = fold_apostrophes(word);
    for clitic in CLITICS {
        if folded.len() > clitic.len() && folded.ends_with(clitic) {
            // `folded` may be shorter than `word` in bytes (’ is 3 bytes), so
            // find the clitic's start by characters.
            let clitic_chars = clitic.chars().count();
            let split_at = word
                .char_indices()
                .rev()
                .nth(clitic_chars - 1)
                .map_or(0, |(i, _)| i);
            if split_at > 0 {
                out.push(Span {
                    start: offset,
                    end: offset + split_at,
                });
                out.push(Span {
                    start: offset + split_at,
                    end: offset + word.len(),
                });
                return;
            }
        }
    }
    out.push(Span {
        start: offset,
        end: offset + word.len(),
    });
}

/// Calls `emit` with each token of `text`, in order, and how many line
/// breaks precede it.
fn each_token(text: &str, mut emit: impl FnMut(Span, usize)) {
    let mut scratch = Vec::new();
    let bytes = text.as_bytes();
    // Whether the character at `index` is whitespace, and its width. Bytes
    // below 0x80 are whole characters; only the rest need decoding.
    let whitespace_at = |index: usize| match bytes[index] {
        byte if byte.is_ascii() => (is_ascii_whitespace(byte), 1),
        _ => {
            let c = text[index..]
                .chars()
                .next()
                .expect("index is on a char boundary");
            (c.is_whitespace(), c.len_utf8())
        }
    };
    let mut index = 0;
    let mut newlines = 0;
    let mut line_start = true;
    loop {
        // Whitespace, counting line breaks.
        while index < bytes.len() {
            let (is_whitespace, width) = whitespace_at(index);
            if !is_whitespace {
                break;
            }
            if bytes[index] == b'\n' {
                newlines += 1;
                line_start = true;
            }
            index += width;
        }
        if index == bytes.len() {
            return;
        }
        // A chunk, up to the next whitespace. Most chunks are plain ASCII
        // words or numbers, one token each (see `split_chunk`), and most of
        // the bytes of the others ASCII and not whitespace: loops over bytes
        // that stop at anything else skip them (going through
        // `whitespace_at` byte by byte, and then through each chunk again
        // in `split_chunk`, cost half the instructions of splitting text
        // into sentences).
        let start = index;
        index += bytes[index..]
            .iter()
            .position(|byte| !byte.is_ascii_alphanumeric())
            .unwrap_or(bytes.len() - index);
        if index == bytes.len() || is_ascii_whitespace(bytes[index]) {
            emit(Span { start, end: index }, newlines);
            newlines = 0;
            line_start = false;
            continue;
        }
        while index < bytes.len() {
            let run = bytes[index..]
                .iter()
                .position(|&byte| !byte.is_ascii() || is_ascii_whitespace(byte))
                .unwrap_or(bytes.len() - index);
            index += run;
            if index == bytes.len() {
                break;
            }
            let (is_whitespace, width) = whitespace_at(index);
            if is_whitespace {
                break;
            }
            index += width;
        }
        scratch.clear();
        split_chunk(text, &text[start..index], start, line_start, &mut scratch);
        for (position, span) in scratch.iter().enumerate() {
            emit(*span, if position == 0 { newlines } else { 0 });
        }
        newlines = 0;
        line_start = false;
    }
}

/// Whether an ASCII byte is whitespace (as `char::is_whitespace` says).
fn is_ascii_whitespace(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ')
}

fn first_char(text: &str, span: Span) -> char {
    match text.as_bytes()[span.start..span.end].first() {
        None => ' ',
        Some(&byte) if byte.is_ascii() => char::from(byte),
        Some(_) => text[span.start..]
            .chars()
            .next()
            .expect("a token starts on a char boundary"),
    }
}

fn is_terminal(token: &str) -> bool {
    matches!(token, "." | "!" | "?" | "..." | "…")
}

/// The tokens of `text`, without sentence boundaries, appended to `out`.
pub fn tokens(text: &str, out: &mut Vec<Span>) {
    each_token(text, |span, _| out.push(span));
}

/// Splits `text` into sentences of tokens.
///
/// A line break ends a sentence unless the next line starts in lower case
/// or carries on a long line of prose ([`continues_wrapped_line`]: both are
/// a hard-wrapped paragraph); CoNLL-style files put one sentence a line and
/// headlines carry no final period, so line breaks matter. Otherwise a
/// sentence ends after `.`, `!` or `?` (optionally followed by closing
/// quotes or brackets) when the next token does not start in lower case.
pub fn sentences(text: &str) -> Vec<Vec<Span>> {
    // News prose averages a token every five to six bytes.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    each_token(text, |span, newlines| tokens.push((span, newlines)));
    let mut sentences = Vec::new();
    // Each sentence is copied out once, at its final length.
    let mut start = 0;
    for (index, &(span, newlines)) in tokens.iter().enumerate() {
        let current = &tokens[start..index];
        let next_char = first_char(text, span);
        let break_here = !current.is_empty()
            && (newlines >= 2
                || (newlines == 1
                    && !chars::is_lowercase(next_char)
                    && !continues_wrapped_line(text, span.start))
                // Cheapest test first: most tokens start in lower case.
                || (!chars::is_lowercase(next_char)
                    && !is_closing(next_char)
                    && ends_sentence(text, current))
                || (next_char.is_ascii_uppercase()
                    && opens_after_abbreviation(text, current, span)));
        if break_here {
            sentences.push(spans(current));
            start = index;
        }
    }
    if start < tokens.len() {
        sentences.push(spans(&tokens[start..]));
    }
    sentences
}

/// Lines at least this long (in bytes) are hard-wrapped prose when they
/// run on into the next line: wire copy wraps at 60 to 70 columns, while
/// the lines that end without a full stop and should end a sentence
/// (headlines, datelines, rows of results tables) are mostly shorter or
/// end in figures.
const WRAPPED_LINE_BYTES: usize = 50;

/// [`WRAPPED_LINE_BYTES`] for the text's first line, which a dateline kept
/// apart may have shortened.
const FIRST_WRAPPED_LINE_BYTES: usize = 20;

/// Whether a token that starts a line at byte `start` carries on the
/// sentence of the line before: that line is long, written in mixed case
/// (a headline in capitals ends at its line however long), and this one
/// starts flush, as wrapped lines do (wire copy indents a new paragraph).
/// Reuters wraps every paragraph, so "Rollins Environmental Services\nInc
/// said" split at the break made "Inc" a company of its own. Only the line
/// before is read, once for the break that ends it.
fn continues_wrapped_line(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let Some(line) = before.strip_suffix('\n') else {
        return false;
    };
    let line = line.strip_suffix('\r').unwrap_or(line);
    let line_start = line.rfind('\n').map_or(0, |i| i + 1);
    // Wire stories lose their dateline to the record's metadata, which
    // leaves their first line short ("U.S. Agriculture Secretary
    // Richard\nLyng said"). Only the first: `trim_end` stops at the line
    // before any other.
    let first = text[..line_start].trim_end().is_empty();
    let line = &line[line_start..];
    // A wrapped line breaks after a word or a comma; a row of results
    // ("... beat Doug Flach ( U.S. ) 6-3 6-4") ends in figures or a bracket.
    let ends_in_prose = line
        .chars()
        .next_back()
        .is_some_and(|c| chars::is_alphabetic(c) || c == ',');
    let shortest = if first {
        FIRST_WRAPPED_LINE_BYTES
    } else {
        WRAPPED_LINE_BYTES
    };
    if line.len() < shortest || !ends_in_prose {
        return false;
    }
    let (mut lower, mut upper) = (0usize, 0usize);
    if line.is_ascii() {
        // Nearly every line, read as bytes: decoding its characters took
        // 0.9 % of tagging Reuters.
        for byte in line.bytes() {
            lower += usize::from(byte.is_ascii_lowercase());
            upper += usize::from(byte.is_ascii_uppercase());
        }
    } else {
        for c in line.chars() {
            lower += usize::from(chars::is_lowercase(c));
            upper += usize::from(chars::is_uppercase(c));
        }
    }
    lower > upper
}

/// Words that open a sentence and never carry on a name: pronouns,
/// determiners, conjunctions, prepositions and auxiliaries, capitalised.
/// An abbreviation's period may end a sentence too ("... with the U.S.
/// He added"), and the model read "U.S. He" or "Acme Inc. The" as one
/// name. Reuters-21578 also capitalises the word after "U.S." mid-sentence
/// ("The U.S. Has been seeking"): a break there costs the name nothing.
const SENTENCE_OPENERS: &[&str] = &[
    "After",
    "Also",
    "An",
    "And",
    "Are",
    "As",
    "At",
    "But",
    "By",
    "Could",
    "For",
    "From",
    "Had",
    "Has",
    "Have",
    "He",
    "Her",
    "His",
    "However",
    "If",
    "In",
    "Is",
    "It",
    "Its",
    "Meanwhile",
    "On",
    "Or",
    "Our",
    "She",
    "Should",
    "So",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "To",
    "Was",
    "We",
    "Were",
    "When",
    "While",
    "With",
    "Would",
];

/// Whether `next` opens a new sentence after the tokens so far end with an
/// abbreviation that kept its period ("U.S.", "Inc."): `next` is one of
/// [`SENTENCE_OPENERS`].
fn opens_after_abbreviation(text: &str, tokens: &[(Span, usize)], next: Span) -> bool {
    let Some(&(last, _)) = tokens.last() else {
        return false;
    };
    let last = &text[last.start..last.end];
    last.len() > 1 && last.ends_with('.') && SENTENCE_OPENERS.contains(&&text[next.start..next.end])
}

fn spans(tokens: &[(Span, usize)]) -> Vec<Span> {
    tokens.iter().map(|&(span, _)| span).collect()
}

/// Whether the tokens so far end with terminal punctuation, possibly
/// followed by closing quotes or brackets.
fn ends_sentence(text: &str, tokens: &[(Span, usize)]) -> bool {
    for (span, _) in tokens.iter().rev().take(3) {
        let token = &text[span.start..span.end];
        if is_terminal(token) {
            return true;
        }
        let closer = matches!(only_char(token), Some(')' | '"' | '\'' | '”' | '’' | '»'));
        if !closer {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// [`each_token`] as it read text before it skipped runs of plain
    /// bytes: one character at a time, every chunk through `split_chunk`.
    fn each_token_by_character(text: &str) -> Vec<(Span, usize)> {
        let mut out = Vec::new();
        let mut newlines = 0;
        let mut line_start = true;
        let mut chunk_start: Option<usize> = None;
        let mut flush = |start: usize, end: usize, newlines: usize, line_start: bool| {
            let mut spans = Vec::new();
            split_chunk(text, &text[start..end], start, line_start, &mut spans);
            for (index, span) in spans.into_iter().enumerate() {
                out.push((span, if index == 0 { newlines } else { 0 }));
            }
        };
        for (index, c) in text.char_indices() {
            if c.is_whitespace() {
                if let Some(start) = chunk_start.take() {
                    flush(start, index, newlines, line_start);
                    newlines = 0;
                    line_start = false;
                }
                if c == '\n' {
                    newlines += 1;
                    line_start = true;
                }
            } else if chunk_start.is_none() {
                chunk_start = Some(index);
            }
        }
        if let Some(start) = chunk_start {
            flush(start, text.len(), newlines, line_start);
        }
        out
    }

    proptest! {
        #[test]
        fn tokens_are_those_read_character_by_character(
            text in "([a-zA-Z0-9]{1,4}|[ \t\n\r.,'’\"()-]|\u{a0}|\u{2028}|\u{3000}|é|東|—|…){0,40}"
        ) {
            let mut tokens = Vec::new();
            each_token(&text, |span, newlines| tokens.push((span, newlines)));
            prop_assert_eq!(tokens, each_token_by_character(&text));
        }
    }

    fn words(text: &str) -> Vec<Vec<&str>> {
        sentences(text)
            .into_iter()
            .map(|s| s.into_iter().map(|t| &text[t.start..t.end]).collect())
            .collect()
    }

    #[test]
    fn tokenises_real_typography() {
        let cases: &[(&str, &[&str])] = &[
            ("Russia's role", &["Russia", "'s", "role"]),
            ("Aliyev’s condemnation", &["Aliyev", "’s", "condemnation"]),
            ("the U.S. and", &["the", "U.S.", "and"]),
            ("on Dec. 25,", &["on", "Dec.", "25", ","]),
            (
                "“Attempts to deny.”",
                &["“", "Attempts", "to", "deny", ".", "”"],
            ),
            ("post-Soviet dynamics", &["post-Soviet", "dynamics"]),
            ("Airlines' plane", &["Airlines", "'", "plane"]),
            ("don't", &["do", "n't"]),
            ("(Britain)", &["(", "Britain", ")"]),
            ("Baku—Moscow", &["Baku", "—", "Moscow"]),
            ("17,000 --", &["17,000", "--"]),
            ("People 's Daily", &["People", "'s", "Daily"]),
            ("wait...", &["wait", "..."]),
            ("ST. LOUIS", &["ST.", "LOUIS"]),
            ("fell ill.", &["fell", "ill", "."]),
            ("Mr.\u{a0}Aliyev\tsaid", &["Mr.", "Aliyev", "said"]),
            ("Café Bürger’s", &["Café", "Bürger", "’s"]),
            ("<Texaco Inc>.", &["<", "Texaco", "Inc", ">", "."]),
            ("the U.S.. He", &["the", "U.S.", ".", "He"]),
            ("Apple..", &["Apple", ".", "."]),
            ("Citicorp <CCI>", &["Citicorp", "<", "CCI", ">"]),
            // A word that is also an abbreviation ends its sentence.
            ("Midnight Mass. The", &["Midnight", "Mass", ".", "The"]),
            (
                "Norbert Ore.  \"While",
                &["Norbert", "Ore", ".", "\"", "While"],
            ),
            ("in LA.", &["in", "LA", "."]),
            (
                "Boston, Mass., said",
                &["Boston", ",", "Mass.", ",", "said"],
            ),
            ("Mass. and", &["Mass.", "and"]),
            ("Mass.\"", &["Mass", ".", "\""]),
            ("MCI Inc. Former", &["MCI", "Inc.", "Former"]),
            ("Washington, D.C. He", &["Washington", ",", "D.C.", "He"]),
            // An address or a figure is no abbreviation.
            ("PowerPage.org. Apple", &["PowerPage.org", ".", "Apple"]),
            ("to HK$6.31bn. If", &["to", "HK$6.31bn", ".", "If"]),
            ("rose 3.5. Then", &["rose", "3.5", ".", "Then"]),
            ("e.g. this", &["e.g.", "this"]),
            ("(D-W.Va.) said", &["(", "D-W.Va.", ")", "said"]),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text).concat(), expected.to_vec(), "{text}");
        }
    }

    #[test]
    fn splits_sentences_at_periods_and_lines() {
        let cases: &[(&str, usize)] = &[
            ("He left. She stayed.", 2),
            ("Mr. Smith met Dr. Jones.", 1),
            ("HEADLINE WITHOUT PERIOD\nBRUSSELS 1996-08-22", 2),
            ("a wrapped\nline continues", 1),
            // Wire copy wraps long lines before capitals too.
            (
                "Shares were sold by Rollins Environmental Services\nInc said the company.",
                1,
            ),
            (
                "    Shares were sold by Rollins Environmental Services\n    Inc said it.",
                2,
            ),
            (
                "SHARES WERE SOLD BY ROLLINS ENVIRONMENTAL SERVICES\nInc said the company.",
                2,
            ),
            (
                "He spoke.\nShares were sold by Rollins\nInc said the company.",
                3,
            ),
            ("  Agriculture Secretary Richard\nLyng said.", 1),
            ("He said.\nAgriculture Secretary Richard\nLyng said.", 3),
            (
                "Tim Henman ( Britain ) beat Doug Flach ( U.S. ) 6-3 6-4 6-2\nMark Woodforde won.",
                2,
            ),
            ("He said \"no.\" Then left.", 2),
            ("Exports to the U.S.. He added more.", 2),
            ("Exports to the U.S. He added more.", 2),
            ("Shares of Acme Inc. The company said.", 2),
            ("The U.S. Has given details.", 2),
            ("The U.S. Treasury said.", 1),
            ("Mr. Smith met Dr. John A. Jones.", 1),
            ("", 0),
        ];
        for (text, expected) in cases {
            assert_eq!(sentences(text).len(), *expected, "{text}");
        }
    }

    #[test]
    fn keeps_list_numbers_at_line_start() {
        assert_eq!(
            words("1. Smith (Britain) 10.5"),
            vec![vec!["1.", "Smith", "(", "Britain", ")", "10.5"]]
        );
    }
}
