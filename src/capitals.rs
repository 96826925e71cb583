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

/// Whether `word` is two or more ASCII capital letters, and nothing else:
/// "WHO", "AIDS"; not "G7", "U", "Who".
pub fn is_written_in_capitals(word: &str) -> bool {
    word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase())
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
        // The entity recogniser's lines, which the index's stemmer asks.
        let mut lines = crate::entities::canonical::Lines::new(text);
        let mut in_mixed_case = |at: usize| !lines.is_shouted(at);
        let at = |word: &str| text.find(word).unwrap();
        assert!(!in_mixed_case(at("US")));
        assert!(!in_mixed_case(at("PRAY")));
        assert!(in_mixed_case(at("WHO")));
        assert!(!in_mixed_case(at("NATO")));
        assert!(in_mixed_case(text.rfind("WHO").unwrap()));
        assert!(!in_mixed_case(at("IT")));
    }
}
