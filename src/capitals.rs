//! Words written in capitals, which the index also keeps as written.
//!
//! Every term of the prose fields is lower-cased, so the World Health
//! Organization's "WHO" was the term of "who": a search for `WHO` listed
//! passages about whoever did anything, and `IT` and `AIDS` fared as badly.
//! The index keeps a word of two or more capital letters ("WHO", "AIDS",
//! "US") as a second term, as written, at the word's position; a search
//! for a word typed in capitals that news mostly writes in lower case
//! looks for that term alone (`search`). A line set in capitals (a wire
//! headline, "LET US PRAY", "SAYS IT IS RAISING PRICES BY 30 DLRS/short
//! ton": its all-caps words outnumber the others, as the entity recogniser
//! reads it) says nothing of any word's case: its words get no such term.

use crate::entities::canonical::is_shouted;

/// Whether `word` is two or more ASCII capital letters, and nothing else:
/// "WHO", "AIDS"; not "G7", "U", "Who".
pub fn is_written_in_capitals(word: &str) -> bool {
    word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether the line of `text` holding byte `offset` is in mixed case, not
/// set in capitals, remembering the last line asked about: the words of
/// one line are asked about in turn, and a line is read once.
#[derive(Debug, Default)]
pub struct MixedCaseLines {
    /// The last line asked about, as a byte range, and its answer.
    last: Option<(usize, usize, bool)>,
}

impl MixedCaseLines {
    pub fn in_mixed_case(&mut self, text: &str, offset: usize) -> bool {
        if let Some((start, end, answer)) = self.last
            && (start..end).contains(&offset)
        {
            return answer;
        }
        let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let answer = !is_shouted(&text[start..end]);
        self.last = Some((start, end, answer));
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_of_capital_letters_alone_is_written_in_capitals() {
        for (word, expected) in [
            ("WHO", true),
            ("US", true),
            ("AIDS", true),
            ("U", false),
            ("Who", false),
            ("G7", false),
            ("ÉTÉ", false),
            ("", false),
        ] {
            assert_eq!(is_written_in_capitals(word), expected, "{word}");
        }
    }

    #[test]
    fn a_line_whose_words_are_mostly_in_capitals_is_a_line_of_capitals() {
        let text = "LET US PRAY\nThe WHO said so.\nПРИВЕТ NATO\nСегодня НАТО и WHO заявили\nIT IS RAISING PRICES BY 30 DLRS/short ton\n";
        let mut lines = MixedCaseLines::default();
        let at = |word: &str| text.find(word).unwrap();
        assert!(!lines.in_mixed_case(text, at("US")));
        assert!(!lines.in_mixed_case(text, at("PRAY")));
        assert!(lines.in_mixed_case(text, at("WHO")));
        assert!(!lines.in_mixed_case(text, at("NATO")));
        assert!(lines.in_mixed_case(text, text.rfind("WHO").unwrap()));
        assert!(!lines.in_mixed_case(text, at("IT")));
    }
}
