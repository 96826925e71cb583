//! The terms of the prose fields: each word with its accents folded,
//! lower-cased and reduced to its stem (English, or the language its
//! script is written in: [`crate::stem_language`]), with a cache of the
//! words already seen. On the index's side a word of capitals in a line of
//! mixed case is also given as written, at its stem's position
//! ([`crate::capitals`]).
//!
//! News repeats its vocabulary: a few tens of thousands of distinct words
//! make up nearly every token. The Snowball algorithm was 5 % of a full
//! index's CPU, and folding and lower-casing each token, which the cache
//! once followed, another 2 %. So the cache is keyed by the word as written
//! ("Running", "running" and "RUNNING" are three entries), and a word seen
//! before costs one lookup. Each indexing thread's analyzer keeps its own
//! cache, so a word is analysed about once per segment. The terms are
//! those of tantivy's `AsciiFoldingFilter`, `LowerCaser` and Snowball
//! English `Stemmer` in that order for a word of the Latin script, which a
//! new word still goes through, so queries and indexes agree whichever
//! made them.

use rustc_hash::FxHashMap;

use crate::capitals::is_written_in_capitals;
use crate::entities::canonical::Lines;
use crate::stem_language;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};

/// Words a cache remembers; past that, new words are analysed every time.
/// Case variants count apart; 200,000 words of news cost about 15 MB.
const MAX_CACHED_WORDS: usize = 200_000;

/// A token filter replacing each token by its folded, lower-cased English
/// stem; [`CachedStemmer::keeping_capitals`] also gives a word written in
/// capitals a second term as written ([`crate::capitals`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct CachedStemmer {
    keeps_capitals: bool,
}

impl CachedStemmer {
    /// The filter of the index's prose fields: "WHO" in a line of mixed
    /// case is the terms "who" and "WHO".
    pub fn keeping_capitals() -> CachedStemmer {
        CachedStemmer {
            keeps_capitals: true,
        }
    }
}

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            analysis: WordAnalysis::new(),
            stems: FxHashMap::default(),
            keeps_capitals: self.keeps_capitals,
        }
    }
}

#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
    analysis: WordAnalysis,
    stems: FxHashMap<String, String>,
    keeps_capitals: bool,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stems: &mut self.stems,
            analysis: &mut self.analysis,
            capitals: self.keeps_capitals.then(|| Capitals {
                lines: Lines::new(text),
                word: String::new(),
                pending: false,
            }),
        }
    }
}

pub struct CachedStemmerStream<'a, S> {
    tail: S,
    stems: &'a mut FxHashMap<String, String>,
    analysis: &'a mut WordAnalysis,
    /// Where the words written in capitals are kept as written.
    capitals: Option<Capitals<'a>>,
}

/// The lines of the text a stream reads, for the case of a word's line,
/// and a word written in capitals whose own term comes next.
struct Capitals<'a> {
    /// The text's lines, each asked once whether it is set in capitals.
    lines: Lines<'a>,
    word: String,
    pending: bool,
}

impl<S: TokenStream> TokenStream for CachedStemmerStream<'_, S> {
    fn advance(&mut self) -> bool {
        // The word in capitals, as written, at the position and offsets of
        // its stem, given just before.
        if let Some(capitals) = &mut self.capitals
            && capitals.pending
        {
            capitals.pending = false;
            let token = self.tail.token_mut();
            token.text.clear();
            token.text.push_str(&capitals.word);
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(capitals) = &mut self.capitals
            && is_written_in_capitals(&token.text)
            && !capitals.lines.is_shouted(token.offset_from)
        {
            capitals.word.clone_from(&token.text);
            capitals.pending = true;
        }
        if let Some(stem) = self.stems.get(&token.text) {
            token.text.clone_from(stem);
            return true;
        }
        let stem = self.analysis.stem(&token.text, self.stems);
        // The token's buffer stays with the stream, and the cache gets a
        // copy of the word at its length: handing the buffer over left the
        // stream an empty one to grow again for the next word.
        let word = (self.stems.len() < MAX_CACHED_WORDS).then(|| token.text.clone());
        token.text.clear();
        token.text.push_str(&stem);
        if let Some(word) = word {
            self.stems.insert(word, stem);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// What a word the cache has not seen goes through: tantivy's own filters
/// on the word as one token, then the stemmer of its script's language
/// (unless the folded word is known).
#[derive(Clone)]
struct WordAnalysis {
    folded: TextAnalyzer,
    /// The last word folded. Copied out of the folding stream's token
    /// rather than taken: taken, it left that token an empty buffer to
    /// grow again for every new word.
    folded_word: String,
}

impl WordAnalysis {
    fn new() -> WordAnalysis {
        WordAnalysis {
            folded: TextAnalyzer::builder(RawTokenizer::default())
                .filter(AsciiFoldingFilter)
                .filter(LowerCaser)
                .build(),
            folded_word: String::new(),
        }
    }

    /// The word with its accents folded, lower-cased, in `folded_word`.
    fn fold(&mut self, word: &str) {
        self.folded_word.clear();
        let mut stream = self.folded.token_stream(word);
        if stream.advance() {
            self.folded_word.push_str(&stream.token().text);
        }
    }

    /// The term of a word the cache has not seen: its folded form's stem.
    fn stem(&mut self, word: &str, stems: &FxHashMap<String, String>) -> String {
        self.fold(word);
        let folded = self.folded_word.as_str();
        // "Running" is new, but "running", its folded form, is usually
        // known: stemming is what a new word costs most. Only a word of
        // ASCII folds to itself: lower-casing, after folding, makes of the
        // Angstrom sign and a few capitals letters folding would change,
        // and the known word "ångstrom" is "angstrom" where
        // "\u{212b}ngstrom" folded is "ångstrom".
        match folded.is_ascii().then(|| stems.get(folded)).flatten() {
            Some(stem) => stem.clone(),
            None => stem_language::stem(folded).into_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{
        AsciiFoldingFilter, Language, LowerCaser, Stemmer, TextAnalyzer, TokenStream as _,
    };

    use super::*;
    use crate::tokenizer::WordTokenizer;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push((token.text.clone(), token.offset_from, token.offset_to));
        }
        out
    }

    /// The cached analyzer and the chain of tantivy's filters it stands for.
    fn cached_and_plain() -> (TextAnalyzer, TextAnalyzer) {
        let cached = TextAnalyzer::builder(WordTokenizer::default())
            .filter(CachedStemmer::default())
            .build();
        let plain = TextAnalyzer::builder(WordTokenizer::default())
            .filter(AsciiFoldingFilter)
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        (cached, plain)
    }

    #[test]
    fn stems_as_tantivys_stemmer_does_and_remembers_words() {
        let text = "Running runners ran; the crashes crashed, crashing twice. \
                    RUNNING again: the Crashes of the running days, 上海市政府, \
                    İstanbul İlham Əliyev, ÄRZTE Straße ẞ, São Paulo's Zürich, \
                    Ωmega, ﬁnancing Ⅻ, שלום.";
        let (mut cached, mut plain) = cached_and_plain();
        // The second pass is answered from the cache.
        for _ in 0..2 {
            assert_eq!(tokens(&mut cached, text), tokens(&mut plain, text));
        }
        assert_eq!(tokens(&mut cached, "crashes")[0].0, "crash");
    }

    #[test]
    fn words_of_other_scripts_take_their_languages_stems() {
        let (mut cached, _) = cached_and_plain();
        let terms = |analyzer: &mut TextAnalyzer, text: &str| -> Vec<String> {
            tokens(analyzer, text).into_iter().map(|t| t.0).collect()
        };
        for (inflected, plain) in [
            ("Путина Путину", "Путин Путин"),
            ("والقاهرة بالقاهرة", "القاهرة القاهرة"),
            ("ΑΘΗΝΑ Αθήνας", "Αθήνα Αθήνα"),
        ] {
            assert_eq!(terms(&mut cached, inflected), terms(&mut cached, plain));
        }
        // A Ukrainian word is no Russian one: "Києва" keeps its ending.
        assert_eq!(terms(&mut cached, "Києва"), ["києва"]);
    }

    #[test]
    fn a_word_folded_into_a_known_word_it_does_not_fold_as_gets_its_own_term() {
        // Lower-casing the Angstrom sign, the capital "Ʀ" and "Ↄ" gives a
        // letter that folding would change ("å", "ʀ", "ↄ"), but folding
        // came first: "\u{212b}ngstrom" is "ångstrom", not "angstrom",
        // the term of "ångstrom" written so.
        let text = "ångstrom \u{212b}ngstrom ʀun \u{1a6}un ↄave \u{2183}ave";
        let (mut cached, mut plain) = cached_and_plain();
        assert_eq!(tokens(&mut cached, text), tokens(&mut plain, text));
    }
}
