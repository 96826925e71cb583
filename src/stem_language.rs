//! Which language's stemmer a word's script calls for.
//!
//! A word of the Latin script cannot tell English from French, and the
//! prose fields stem it as English, as they always have. Most other
//! scripts are written in the news by one language, or by one far more
//! than the rest: Arabic, Russian for Cyrillic, Greek, Hindi for
//! Devanagari, Armenian, Tamil. Snowball stems each of them but Arabic,
//! which [`crate::arabic_stemmer`] stems lightly, so "Путина" and "Путину"
//! find "Путин", and "والقاهرة" (and Cairo) finds "القاهرة", as a search
//! engine for those languages does.
//!
//! A word with a letter that language does not write (Ukrainian "і",
//! Serbian "ј", Persian "پ") is of another language, and its stemmer
//! would strip the wrong endings: such a word stays as it is. So does a
//! word of any other script (Hebrew, Chinese, Thai), which the English
//! stemmer has always left alone.

use std::borrow::Cow;

use frostem::Algorithm;

/// How a word is stemmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stemming {
    Snowball(Algorithm),
    Russian,
    ArabicLight,
    /// The word is its own term.
    Whole,
}

/// The term of `word`, folded and lower-cased.
pub(crate) fn stem(word: &str) -> Cow<'_, str> {
    match stemming_for(word) {
        Stemming::Snowball(language) => frostem::Stemmer::new(language).stem(word),
        Stemming::Russian => Cow::Owned(russian_stem(word)),
        Stemming::ArabicLight => Cow::Borrowed(crate::arabic_stemmer::stem(word)),
        Stemming::Whole => Cow::Borrowed(word),
    }
}

type CharClass = fn(char) -> bool;

/// The scripts a language is stemmed in: the characters of the script,
/// those of them its language writes, and how its words are stemmed.
const SCRIPTS: [(CharClass, CharClass, Stemming); 6] = [
    (is_arabic_script, is_arabic_letter, Stemming::ArabicLight),
    (is_cyrillic, is_russian_letter, Stemming::Russian),
    (is_greek, is_greek, Stemming::Snowball(Algorithm::Greek)),
    (
        is_devanagari,
        is_devanagari,
        Stemming::Snowball(Algorithm::Hindi),
    ),
    (
        is_armenian,
        is_armenian,
        Stemming::Snowball(Algorithm::Armenian),
    ),
    (is_tamil, is_tamil, Stemming::Snowball(Algorithm::Tamil)),
];

/// How to stem `word`: the script of its first character decides.
fn stemming_for(word: &str) -> Stemming {
    let Some(first) = word.chars().next() else {
        return Stemming::Whole;
    };
    let english = Stemming::Snowball(Algorithm::English);
    if first.is_ascii() {
        return english;
    }
    match SCRIPTS.iter().find(|(in_script, ..)| in_script(first)) {
        Some(&(_, writes, stemming)) if word.chars().all(writes) => stemming,
        Some(_) => Stemming::Whole,
        None => english,
    }
}

/// Snowball's Russian stem, made the same for a name ending in "-ов" or
/// "-ев" and its other cases. Snowball reads those endings as a plural's
/// and takes them off "Лавров" and "Киев" ("лавр", "ки"), but leaves them
/// on "Лаврова" and "Киева" ("лавров", "киев"): so the nominative, which
/// a user types, missed the cases the news writes. A stem still ending so
/// is stemmed once more, which takes the ending off as it did for the
/// nominative. Only words whose stems end so change, and each changes the
/// same way, so no two words that shared a stem part.
fn russian_stem(word: &str) -> String {
    let stemmer = frostem::Stemmer::new(Algorithm::Russian);
    let stem = stemmer.stem(word);
    if stem.ends_with("ов") || stem.ends_with("ев") {
        stemmer.stem(&stem).into_owned()
    } else {
        stem.into_owned()
    }
}

fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}')
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// The letters of Arabic as the tokenizer spells them (Persian and Urdu
/// letters beyond those are another language), its vowel marks and
/// digits.
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{065F}' | '\u{0660}'..='\u{0669}' | '\u{0670}')
}

/// The 33 letters of Russian, lower-cased.
fn is_russian_letter(c: char) -> bool {
    matches!(c, 'а'..='я' | 'ё')
}

fn is_greek(c: char) -> bool {
    matches!(c, '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}')
}

fn is_devanagari(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{097F}')
}

fn is_armenian(c: char) -> bool {
    matches!(c, '\u{0530}'..='\u{058F}')
}

fn is_tamil(c: char) -> bool {
    matches!(c, '\u{0B80}'..='\u{0BFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_picks_its_language_unless_a_letter_says_otherwise() {
        use Stemming::*;
        for (word, expected) in [
            ("running", Snowball(Algorithm::English)),
            ("zürich", Snowball(Algorithm::English)),
            ("上海", Snowball(Algorithm::English)),
            ("שלום", Snowball(Algorithm::English)),
            ("путина", Russian),
            ("пётр", Russian),
            ("київ", Whole),
            ("југославија", Whole),
            ("والقاهره", ArabicLight),
            ("پاکستان", Whole),
            ("αθήνα", Snowball(Algorithm::Greek)),
            ("प्रधानमंत्री", Snowball(Algorithm::Hindi)),
            ("հայաստան", Snowball(Algorithm::Armenian)),
            ("சென்னை", Snowball(Algorithm::Tamil)),
            ("путинa", Whole),
            ("", Whole),
        ] {
            assert_eq!(stemming_for(word), expected, "{word}");
        }
    }

    #[test]
    fn a_russian_name_has_one_stem_in_every_case() {
        for forms in [
            ["Путин", "Путина", "Путину", "Путиным"],
            ["Лавров", "Лаврова", "Лаврову", "Лавровым"],
            ["Алиев", "Алиева", "Алиеву", "Алиевым"],
            ["Горбачёв", "Горбачёва", "Горбачеву", "Горбачёвым"],
            ["Киев", "Киева", "Киеву", "Киеве"],
            ["Зеленский", "Зеленского", "Зеленскому", "Зеленским"],
            ["остров", "острова", "острову", "островом"],
        ] {
            let stems = forms.map(|form| stem(&form.to_lowercase()).into_owned());
            assert!(stems.iter().all(|s| *s == stems[0]), "{forms:?}: {stems:?}");
        }
        // Short stems keep their ending: "new" is no "nor".
        assert_ne!(stem("новый"), stem("ни"));
    }
}
