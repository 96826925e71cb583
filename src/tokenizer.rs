//! The words of the index: runs of letters and digits, split as tantivy's
//! `SimpleTokenizer` splits them, except that Chinese, Japanese and Korean
//! text becomes overlapping pairs of characters, and so do Thai, Lao, Khmer
//! and Myanmar, which also write words without spaces between them (their
//! tone marks and viramas, no letters to Unicode, stay inside the run).
//!
//! These scripts put no spaces between words, so a run of their characters
//! between punctuation is a clause, not a word. Kept whole, it matched only
//! a query for the whole clause, and a run longer than the index's words
//! (13 characters) was dropped. Without a dictionary to find the words in
//! it, each pair of neighbouring characters is a term, at consecutive
//! positions, as Lucene's `CJKBigramFilter` does: `上海市政府` is `上海`,
//! `海市`, `市政`, `政府`. A query word is cut the same way, and tantivy's
//! query parser searches the pairs of `上海市` as the phrase `上海 海市`, so
//! it matches wherever those characters stand together. A character with no
//! such neighbour is a term of its own. Each pair's offsets span its two
//! characters in the text, so highlights cover what matched. Unlike
//! Lucene's pairs, a run takes one position per character, the last one
//! left empty, so a phrase typed with spaces between its words, `"上海
//! 市政府"`, also finds them written together.
//!
//! The index also takes each character of a run as a term of its own, at
//! its position ([`WordTokenizer::with_single_characters`]); a query does
//! not. So a query word of one character, which is that term, finds it
//! inside runs (`日` of `12月30日` in `30日に`), and a longer query word,
//! which is pairs only, matches as before.
//!
//! A run of other letters and digits is one word, exactly as before, and a
//! word ends where one of these scripts begins (`iPhone手机`: `iPhone`,
//! `手机`). Combining accents after a letter stay in its word, which is
//! composed: text decomposed into Unicode's normal form D
//! (`Zu\u{308}rich`, `Пе\u{308}тр`) gives the term of the word written
//! composed (`Zürich`, `Пётр`). ASCII bytes, most of any news text, are
//! checked one by one and never decoded.

use crate::chars;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::UnicodeNormalization as _;

/// Splits text into words, and Chinese, Japanese and Korean into
/// overlapping pairs of characters.
#[derive(Clone, Debug, Default)]
pub struct WordTokenizer {
    token: Token,
    singles: bool,
}

impl WordTokenizer {
    /// The tokenizer of the index: each character of a run of pairs is also
    /// a term of its own, at its own position. A query word of one
    /// character (`日` of `12月30日`, `京`) is that term, and finds the
    /// character inside runs, not only standing alone; a query of two or
    /// more is cut into pairs only, so it matches the pairs as before.
    pub fn with_single_characters() -> WordTokenizer {
        WordTokenizer {
            singles: true,
            ..WordTokenizer::default()
        }
    }
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream {
            text,
            at: 0,
            in_pairs: false,
            singles: self.singles,
            single: None,
            token: &mut self.token,
        }
    }
}

/// The tokens of one text.
pub struct WordStream<'a> {
    text: &'a str,
    /// Where reading goes on: the first byte not yet read, or, in a run of
    /// pairs, the second character of the last pair, which starts the next.
    at: usize,
    /// Whether `at` is the second character of the last pair.
    in_pairs: bool,
    /// Whether each character of a run of pairs is also a term.
    singles: bool,
    /// The first character of the pair just given, as a term of its own at
    /// the same position, given next.
    single: Option<(usize, usize)>,
    token: &'a mut Token,
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        if let Some((from, to)) = self.single.take() {
            self.emit(from, to);
            return true;
        }
        self.token.position = self.token.position.wrapping_add(1);
        if self.in_pairs {
            self.in_pairs = false;
            let next = self.at + self.char_at(self.at).map_or(1, char::len_utf8);
            if let Some(len) = self.paired_len_at(next) {
                self.emit_pair(self.at, next, next + len);
                self.at = next;
                self.in_pairs = true;
                return true;
            }
            if self.singles {
                // The run's last character, at the position its pairs leave.
                self.emit(self.at, next);
                self.at = next;
                return true;
            }
            self.at = next;
            // A run of n characters takes n positions, one per character,
            // though its n - 1 pairs fill only the first n - 1: so
            // `"上海 市政府"`, typed with a space, is also the phrase of
            // `上海市政府`.
            self.token.position = self.token.position.wrapping_add(1);
        }
        let bytes = self.text.as_bytes();
        let mut at = self.at;
        while let Some(&byte) = bytes.get(at) {
            let start = at;
            if ASCII_WORD[usize::from(byte)] {
                self.emit_word(start, at + 1);
                return true;
            }
            if byte.is_ascii() {
                at += 1;
                continue;
            }
            let Some(c) = self.char_at(start) else {
                break;
            };
            at += c.len_utf8();
            // An accent or a vowel point starts no word, even one Unicode
            // calls a letter.
            if !chars::is_alphanumeric(c) || is_left_out_of_term(c) {
                continue;
            }
            if !is_paired(c) {
                self.emit_word(start, at);
                return true;
            }
            match self.paired_len_at(at) {
                Some(len) => {
                    self.emit_pair(start, at, at + len);
                    self.in_pairs = true;
                }
                None => self.emit(start, at),
            }
            self.at = at;
            return true;
        }
        self.at = at;
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// ASCII letters and digits: the bytes a word goes on over without
/// decoding. Every other byte is `false`, non-ASCII ones included.
const ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    table
};

impl WordStream<'_> {
    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..)?.chars().next()
    }

    /// The length of the character at `i` when it is one that pairs.
    fn paired_len_at(&self, i: usize) -> Option<usize> {
        let c = self.char_at(i)?;
        (is_paired(c) && (chars::is_alphanumeric(c) || is_southeast_asian_mark(c)))
            .then(|| c.len_utf8())
    }

    /// The word that starts at `start` and whose first character ends at
    /// `at`: it goes on up to a character that is no letter or digit, or
    /// one that pairs.
    #[inline]
    fn emit_word(&mut self, start: usize, mut at: usize) {
        let bytes = self.text.as_bytes();
        // Whether the word holds combining accents, which stay in the word
        // and out of its term, or letters its term writes otherwise.
        let mut marked = bytes[start] >= 0x80 && self.char_at(start).is_some_and(is_respelt);
        while let Some(&byte) = bytes.get(at) {
            if ASCII_WORD[usize::from(byte)] {
                at += 1;
                continue;
            }
            if byte.is_ascii() {
                break;
            }
            match self.char_at(at) {
                // First: Unicode calls a few accents, and most vowel points
                // and respelt letters, letters ("\u{345}", "\u{64e}"), and a
                // word holding one must be respelt as one holding others is.
                Some(c) if is_respelt(c) => {
                    marked = true;
                    at += c.len_utf8();
                }
                Some(c) if chars::is_alphanumeric(c) && !is_paired(c) => at += c.len_utf8(),
                Some(c) if continues_word(c) => at += c.len_utf8(),
                _ => break,
            }
        }
        if marked {
            self.emit_composed(start, at);
        } else {
            self.emit(start, at);
        }
        self.at = at;
    }

    /// A word written with combining accents ("Zu\u{308}rich", as macOS
    /// and text copied from some PDFs decompose "Zürich"), as the term of
    /// the same word written with its letters composed (Unicode's normal
    /// form C). Dropping the accents instead gave the term of "Zürich",
    /// which folding leaves "Zurich", but not those of the Greek and
    /// Cyrillic letters folding keeps ("Пётр" and "Пе\u{308}тр" were
    /// "пётр" and "петр"). An accent no letter composes with is left out,
    /// as are vowel points, and Arabic letters take their folded spelling
    /// ([`is_respelt`]). The offsets span the whole word.
    fn emit_composed(&mut self, from: usize, to: usize) {
        self.token.offset_from = from;
        self.token.offset_to = to;
        let word = &self.text[from..to];
        self.token.text.extend(
            word.nfc()
                .filter(|&c| !is_left_out_of_term(c))
                .map(arabic_spelling),
        );
    }

    /// The pair of the characters `from..second` and `second..to`, and its
    /// first character next when single characters are terms too.
    fn emit_pair(&mut self, from: usize, second: usize, to: usize) {
        self.emit(from, to);
        if self.singles {
            self.single = Some((from, second));
        }
    }

    fn emit(&mut self, from: usize, to: usize) {
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.text.push_str(&self.text[from..to]);
    }
}

/// Whether `c`, which is no letter or digit, belongs to the word before
/// it all the same: a combining mark of a script that is not cut into
/// pairs, such as the virama of the Indic scripts, which joins two
/// consonants ("प्र" in "प्रधानमंत्री") and which Unicode calls no letter.
/// A word split at each, and "री" found "प्रधानमंत्री". (Unicode's word
/// boundaries never break before such a mark either.)
pub(crate) fn continues_word(c: char) -> bool {
    !c.is_ascii()
        && !is_paired(c)
        && !is_emoji_mark(c)
        && unicode_normalization::char::is_combining_mark(c)
}

/// The variation selectors and the enclosing keycap, which turn the
/// character before them into an emoji ("3\u{fe0f}\u{20e3}", a keycap 3):
/// they end a word, so the digit is still found by "3".
fn is_emoji_mark(c: char) -> bool {
    matches!(c, '\u{fe00}'..='\u{fe0f}' | '\u{20e3}')
}

/// The letter a term writes for an Arabic letter that news spells more
/// than one way, as search engines for Arabic fold them: the alef with a
/// hamza or a madda as the bare alef ("أحمد", "احمد"), the alef maksura
/// and the Persian yeh as the yeh ("مصطفى", "مصطفي"), the teh marbuta as
/// the heh ("القاهرة", "القاهره"), the Persian keheh as the kaf.
fn arabic_spelling(c: char) -> char {
    match c {
        '\u{622}' | '\u{623}' | '\u{625}' | '\u{671}' => '\u{627}',
        '\u{649}' | '\u{6cc}' => '\u{64a}',
        '\u{629}' => '\u{647}',
        '\u{6a9}' => '\u{643}',
        c => c,
    }
}

/// Whether [`arabic_spelling`] writes `c` otherwise.
fn has_arabic_spelling(c: char) -> bool {
    arabic_spelling(c) != c
}

/// Whether a word's term leaves `c` out: a combining accent no letter
/// composes with, or a vowel point.
fn is_left_out_of_term(c: char) -> bool {
    is_combining_accent(c) || is_vowel_point(c)
}

/// Whether a word's term writes `c` otherwise than the word does: left
/// out, composed with its letter, or spelt as Arabic is folded.
fn is_respelt(c: char) -> bool {
    is_left_out_of_term(c) || has_arabic_spelling(c)
}

/// Whether `c` is a mark Arabic or Hebrew text may write on its letters
/// or leave out, as most news does: the short vowels and other
/// diacritics (harakat, niqqud), the cantillation marks, and the tatweel
/// that stretches a word ("مـحـمـد"). A word keeps them, but its term does
/// not, so "محمد" finds "مُحَمَّد" and the other way round; unicode calls
/// most of them letters, so they never split a word.
fn is_vowel_point(c: char) -> bool {
    matches!(u32::from(c),
        0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2 | 0x05C4..=0x05C5 | 0x05C7
        | 0x0610..=0x061A | 0x0640 | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED)
}

/// Whether `c` is a combining accent of the Latin, Greek and Cyrillic
/// scripts (the combining diacritical marks, their extensions and
/// supplement, and the half marks): the accents text decomposed into
/// Unicode's normal form D writes after a letter. Unicode calls them no
/// letters, so a word split at each, and "Zu\u{308}rich" was the words
/// "Zu" and "rich", which neither "Zürich" nor "Zurich" found.
fn is_combining_accent(c: char) -> bool {
    matches!(u32::from(c),
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0xFE20..=0xFE2F)
}

/// Whether a term of the index is a pair of Chinese, Japanese or Korean
/// characters, or one such character alone. Filters after the tokenizer
/// leave these characters as they are, and no term mixes them with others.
pub fn is_paired_term(term: &str) -> bool {
    term.chars().next().is_some_and(is_paired)
}

/// Whether a letter or digit belongs to the scripts cut into pairs: Han
/// ideographs (with their iteration and numeral marks), Hiragana,
/// Katakana (also half-width), Hangul, Thai, Lao, Khmer and Myanmar. The
/// blocks hold some punctuation too (`・`, `゠`, `ฯ`), which the callers
/// leave out as no letter.
pub(crate) fn is_paired(c: char) -> bool {
    is_unspaced(c) || is_hangul(c) || is_southeast_asian(c)
}

/// Whether `c` is Chinese or Japanese, written without spaces between
/// words: each of its characters is as much a word as anything is.
pub(crate) fn is_unspaced(c: char) -> bool {
    matches!(u32::from(c),
        0x3005..=0x3007 // 々 〆 〇
        | 0x3021..=0x3029 // Hangzhou numerals
        | 0x3031..=0x3035 // kana repeat marks
        | 0x3038..=0x303C // more numerals, 〻 〼
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x31F0..=0x31FF // Katakana phonetic extensions
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // CJK compatibility ideographs
        | 0xFF66..=0xFF9F // half-width Katakana
        | 0x1AFF0..=0x1B16F // Kana supplement and extensions
        | 0x20000..=0x3FFFF // the ideographic planes
    )
}

/// Whether `c` is Korean: paired in the index like Chinese and Japanese,
/// but Korean puts spaces between its words.
fn is_hangul(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x11FF // Hangul Jamo
        | 0x3130..=0x318F // Hangul compatibility Jamo
        | 0xA960..=0xA97F // Hangul Jamo extended A
        | 0xAC00..=0xD7FF // Hangul syllables, Jamo extended B
        | 0xFFA0..=0xFFDC // half-width Hangul
    )
}

/// Whether `c` is Thai, Lao, Khmer or Myanmar. These write a sentence's
/// words without spaces between them, like Chinese, so their runs are cut
/// into pairs too; a run between spaces is a phrase or a sentence, and kept
/// whole it matched only a query for all of it.
fn is_southeast_asian(c: char) -> bool {
    matches!(u32::from(c),
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x19E0..=0x19FF // Khmer symbols
        | 0xA9E0..=0xA9FF // Myanmar extended B
        | 0xAA60..=0xAA7F // Myanmar extended A
    )
}

/// The vowel signs, tone marks and viramas of Thai, Lao, Khmer and Myanmar
/// that are not letters to Unicode: `่` of `ที่`, Khmer's coeng `្` of
/// `ភ្នំ`, Myanmar's asat `်`. They are part of most words' spelling, so a
/// run goes on over them; taken for spaces, they cut words apart and hid
/// them from queries.
pub(crate) fn is_southeast_asian_mark(c: char) -> bool {
    matches!(u32::from(c),
        0x0E47..=0x0E4E // Thai maitaikhu, tone marks, thanthakhat, yamakkan
        | 0x0EBA | 0x0EC8..=0x0ECE // Lao tone marks
        | 0x1037 | 0x1039 | 0x103A // Myanmar dot below, virama, asat
        | 0x17B4 | 0x17B5 | 0x17C9..=0x17D3 | 0x17DD // Khmer signs, coeng
    )
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{SimpleTokenizer, TokenStream as _};

    use super::*;

    /// Every token as (position, text, from, to).
    fn tokens(tokenizer: &mut impl Tokenizer, text: &str) -> Vec<(usize, String, usize, usize)> {
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push((
                token.position,
                token.text.clone(),
                token.offset_from,
                token.offset_to,
            ));
        }
        out
    }

    /// The tokens of `text`, space-separated; each token's text is the text
    /// at its offsets (less combining accents and vowel points), and
    /// positions go up.
    fn split(text: &str) -> String {
        let tokens = tokens(&mut WordTokenizer::default(), text);
        for (i, (position, token, from, to)) in tokens.iter().enumerate() {
            assert!(i == 0 || *position > tokens[i - 1].0, "{text}: {token}");
            let written = &text[*from..*to];
            if written.contains(is_respelt) {
                let composed: String = written.nfc().collect();
                let spelt: String = composed
                    .replace(is_left_out_of_term, "")
                    .chars()
                    .map(arabic_spelling)
                    .collect();
                assert_eq!(spelt, *token, "{text}");
            } else {
                assert_eq!(written, token, "{text}");
            }
        }
        let words: Vec<String> = tokens.into_iter().map(|t| t.1).collect();
        words.join(" ")
    }

    fn positions(text: &str) -> Vec<usize> {
        let tokens = tokens(&mut WordTokenizer::default(), text);
        tokens.into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn runs_of_paired_scripts_become_overlapping_pairs() {
        let cases = [
            ("上海市政府", "上海 海市 市政 政府"),
            ("上海", "上海"),
            ("京", "京"),
            ("在人民大会堂举行。", "在人 人民 民大 大会 会堂 堂举 举行"),
            ("北京、上海", "北京 上海"),
            ("北京 上 海", "北京 上 海"),
            (
                "東京タワーへ行った",
                "東京 京タ タワ ワー ーへ へ行 行っ った",
            ),
            ("ドナルド・トランプ氏", "ドナ ナル ルド トラ ラン ンプ プ氏"),
            ("ｶﾀｶﾅ", "ｶﾀ ﾀｶ ｶﾅ"),
            ("서울에서 회담", "서울 울에 에서 회담"),
            ("人々", "人々"),
            ("上\u{301}海", "上 海"),
            ("𠮷野家", "𠮷野 野家"),
            ("iPhone手机", "iPhone 手机"),
            ("手机iPhone", "手机 iPhone"),
            ("2024年3月5日", "2024 年 3 月 5 日"),
            ("ที่เชียงใหม่", "ที ี่ ่เ เช ชี ีย ยง งใ ให หม ม่"),
            ("กรุงเทพมหานคร", "กร รุ ุง งเ เท ทพ พม มห หา าน นค คร"),
            ("ไทย ๚ ลาว", "ไท ทย ลา าว"),
            ("ភ្នំពេញ", "ភ្ ្ន នំ ំព ពេ េញ"),
            ("ရန်ကုန်", "ရန န် ်က ကု ုန န်"),
            ("A股市场", "A 股市 市场"),
            ("Tokyo東京Osaka", "Tokyo 東京 Osaka"),
            ("COVID-19疫情", "COVID 19 疫情"),
            ("", ""),
            ("。、「」", ""),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), want, "{text}");
        }
    }

    /// A pair takes the position of its first character, so a word after
    /// a run of pairs is one position further on, as after a space.
    #[test]
    fn the_index_also_takes_each_character_of_a_run_at_its_position() {
        let with_singles = |text: &str| {
            tokens(&mut WordTokenizer::with_single_characters(), text)
                .into_iter()
                .map(|(position, token, from, to)| {
                    assert_eq!(&text[from..to], token, "{text}");
                    format!("{position}:{token}")
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let cases = [
            ("上海市", "0:上海 0:上 1:海市 1:海 2:市"),
            ("12月30日に", "0:12 1:月 2:30 3:日に 3:日 4:に"),
            ("京 a", "0:京 1:a"),
            ("tax payer", "0:tax 1:payer"),
        ];
        for (text, want) in cases {
            assert_eq!(with_singles(text), want, "{text}");
        }
    }

    #[test]
    fn a_run_takes_one_position_per_character() {
        let cases: [(&str, &[usize]); 7] = [
            ("上海市政府 Reuters", &[0, 1, 2, 3, 5]),
            ("上海 市政府", &[0, 2, 3]),
            ("北京、上海", &[0, 2]),
            ("在上海", &[0, 1]),
            ("京 上海 a", &[0, 1, 3]),
            ("iPhone手机case", &[0, 1, 3]),
            ("tax payer", &[0, 1]),
        ];
        for (text, want) in cases {
            assert_eq!(positions(text), want, "{text}");
        }
    }

    #[test]
    fn other_text_splits_exactly_as_simple_tokenizer_does() {
        let texts = [
            "Hello, happy tax payer! It's 9:30 a.m. on 2024-12-30 (UTC+4).",
            "O'Brien and al-Assad met in São Paulo, Zürich and Kraków; ÄRZTE Straße ẞ.",
            "İstanbul İlham Əliyev, Ankara'da 1.5 milyar dolarlık anlaşma",
            "Москва, Кремль: Путин встретился с Алиевым в 2024 году.",
            "ΑΘΗΝΑ — Ο πρωθυπουργός Κυριάκος Μητσοτάκης δήλωσε ότι…",
            "שלום עולם, ירושלים 2024",
            "ＩＢＭ ｆｕｌｌ-width ①②③ x² ½ Ⅻ",
            "emoji 🚀 rocket👍ok, tabs\tand\nnewlines\r\n",
            "supercalifragilisticexpialidociousXXXXXXXXXXXXXXXXX word",
            "",
            "  ...  ",
        ];
        for text in texts {
            assert_eq!(
                tokens(&mut WordTokenizer::default(), text),
                tokens(&mut SimpleTokenizer::default(), text),
                "{text}"
            );
        }
    }

    #[test]
    fn combining_accents_stay_in_the_word() {
        let cases = [
            ("Zu\u{308}rich", "Zürich"),
            ("e\u{301}te\u{301} cafe\u{301} na\u{ef}ve", "été café naïve"),
            ("Les habitants de Zu\u{308}rich.", "Les habitants de Zürich"),
            ("Ilham A\u{306}liyev's", "Ilham Ăliyev s"),
            // An accent standing alone is no word, nor does one start a word.
            ("a \u{301} b \u{301}c", "a b c"),
            ("上\u{301}海", "上 海"),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), want, "{text}");
        }
        // The offsets span the whole word, accents and all.
        let word = tokens(&mut WordTokenizer::default(), "in Zu\u{308}rich.");
        assert_eq!((word[1].2, word[1].3), (3, 11));
    }

    #[test]
    fn marks_that_join_letters_stay_in_the_word() {
        let cases = [
            // Devanagari: the virama, the nukta ("ज़"), vowel signs.
            ("नई दिल्ली में प्रधानमंत्री ने कहा", "नई दिल्ली में प्रधानमंत्री ने कहा"),
            ("ज़िला", "ज़िला"),
            // Bengali, Tamil, Telugu, Malayalam: their viramas.
            ("বাংলাদেশ ক্রিকেট", "বাংলাদেশ ক্রিকেট"),
            ("தமிழ்நாடு அரசு", "தமிழ்நாடு அரசு"),
            ("హైదరాబాద్", "హైదరాబాద్"),
            ("കേരളത്തിൽ", "കേരളത്തിൽ"),
            // A mark standing alone starts no word.
            ("a \u{94d}b", "a b"),
            // Emoji selectors are no part of a word: a keycap 3 is a 3.
            ("3\u{fe0f}\u{20e3} goals", "3 goals"),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), want, "{text}");
        }
    }

    #[test]
    fn arabic_and_hebrew_words_lose_their_vowel_points_in_their_terms() {
        let cases = [
            ("مُحَمَّد", "محمد"),
            ("مـحـمـد", "محمد"),
            ("قالَ الرَّئيسُ", "قال الرئيس"),
            ("שָׁלוֹם עוֹלָם", "שלום עולם"),
            // Unpointed text is as it was.
            ("محمد שלום", "محمد שלום"),
            // Letters written more than one way take one spelling, the
            // first of a word too.
            ("أحمد إبراهيم آمال", "احمد ابراهيم امال"),
            ("مصطفى القاهرة", "مصطفي القاهره"),
            (
                "قال الرئيس السوري بشار الأسد في دمشق يوم الأحد ٣ مارس",
                "قال الرئيس السوري بشار الاسد في دمشق يوم الاحد ٣ مارس",
            ),
            ("یک کتاب", "يك كتاب"),
            // A madda written as a mark is the alef's.
            ("\u{627}\u{653}مال", "امال"),
            // A point or a tatweel standing alone is no word.
            ("ー\u{5b5} \u{64e}ـ x", "ー x"),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), want, "{text}");
        }
        // The offsets span the word as written, its points too.
        let word = tokens(&mut WordTokenizer::default(), "مُحَمَّد");
        assert_eq!((word[0].2, word[0].3), (0, "مُحَمَّد".len()));
    }

    #[test]
    fn decomposed_letters_give_the_terms_of_composed_ones() {
        // Folding leaves Greek and Cyrillic accented letters as they are,
        // so the accent is part of the composed word's term: the
        // decomposed word's must keep it too ("Пётр", "Андрей", "Αθήνα").
        let cases = [
            ("Пе\u{308}тр Андреи\u{306}", "Пётр Андрей"),
            ("Αθη\u{301}να", "Αθήνα"),
            ("Zu\u{308}rich", "Zürich"),
            // An accent no letter composes with is left out.
            ("x\u{301}y", "xy"),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), want, "{text}");
        }
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;

        proptest! {
            /// Text written decomposed or composed, in normal form D or C,
            /// gives the same terms.
            #[test]
            fn decomposed_and_composed_text_give_the_same_terms(
                text in "([a-zA-Z\\x{3b1}-\\x{3c9}\\x{430}-\\x{44f}\\x{c0}-\\x{17f}\\x{1ea0}-\\x{1ef9}]{1,6}|[ ,.'-]|[\\x{300}-\\x{36f}]){0,30}"
            ) {
                let terms = |text: &str| -> Vec<String> {
                    tokens(&mut WordTokenizer::default(), text).into_iter().map(|t| t.1).collect()
                };
                let composed: String = text.nfc().collect();
                let decomposed: String = text.nfd().collect();
                prop_assert_eq!(terms(&decomposed), terms(&composed));
            }

            #[test]
            fn text_without_paired_characters_splits_as_simple_tokenizer_does(
                text in "([a-zA-Z0-9]{1,6}|[ ,.'-]|\\PC){0,40}"
                    .prop_map(|text| text.replace(|c| is_paired(c) || is_respelt(c) || continues_word(c), "_"))
            ) {
                prop_assert_eq!(
                    tokens(&mut WordTokenizer::default(), &text),
                    tokens(&mut SimpleTokenizer::default(), &text)
                );
            }

            #[test]
            fn any_text_gives_tokens_of_its_own_characters(
                text in "([a-zA-Z0-9]{1,6}|[ ,.'-]|\\PC|[上海市政府서울東京タワーｶﾅ々]){0,40}"
            ) {
                split(&text);
            }
        }
    }
}
