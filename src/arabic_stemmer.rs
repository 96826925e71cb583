//! Light stemming of Arabic, as search engines for Arabic do it (Larkey,
//! Ballesteros and Connell's "light10"): the conjunction "و", the
//! article "ال" with or without a preposition joined to it, and common
//! suffixes (plurals, duals, pronouns, the feminine ending) come off a
//! word, and what is left is its term.
//!
//! The word arrives as the tokenizer spells its terms: vowel points and
//! the tatweel out, the teh marbuta as heh, the alef maksura as yeh. So
//! the suffixes "ة" and "ية" are "ه" and "يه" here. A stemmer that finds
//! roots (Snowball's) strips more and reads "ه" as a pronoun where it
//! was the feminine ending; the light stemmer is what retrieval of
//! Arabic news settled on.

/// The article, alone or after a preposition or conjunction, in the order
/// tried; the first that leaves two letters comes off.
const ARTICLES: [&str; 6] = ["ال", "وال", "بال", "كال", "فال", "لل"];

/// Suffixes, each tried once in this order and taken off when two letters
/// stay.
const SUFFIXES: [&str; 8] = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

/// The light stem of `word`.
pub(crate) fn stem(word: &str) -> &str {
    let mut stem = without_prefix(word);
    for suffix in SUFFIXES {
        if let Some(rest) = stem.strip_suffix(suffix)
            && rest.chars().count() >= 2
        {
            stem = rest;
        }
    }
    stem
}

fn without_prefix(word: &str) -> &str {
    for article in ARTICLES {
        if let Some(rest) = word.strip_prefix(article)
            && rest.chars().count() >= 2
        {
            return rest;
        }
    }
    // "و" (and) only before three letters: a word of three may begin with
    // it ("وقت", time).
    match word.strip_prefix('و') {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_suffixes_come_off_while_two_letters_stay() {
        for (word, expected) in [
            // Cairo, and Cairo, in Cairo
            ("القاهره", "قاهر"),
            ("والقاهره", "قاهر"),
            ("بالقاهره", "قاهر"),
            // the ministers (plural), the two ministers (dual)
            ("الوزراء", "وزراء"),
            ("الوزيران", "وزير"),
            // and they said
            ("وقالوا", "قالوا"),
            // time: three letters keep their "و"
            ("وقت", "وقت"),
            // elections
            ("الانتخابات", "انتخاب"),
            // Egyptian (feminine)
            ("المصريه", "مصر"),
            // two letters stay whole
            ("له", "له"),
            ("ال", "ال"),
            ("", ""),
        ] {
            assert_eq!(stem(word), expected, "{word}");
        }
    }
}
