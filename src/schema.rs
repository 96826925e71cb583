//! The one place that names the index's fields and tokenizers.
//!
//! One tantivy document is one passage. Article-level facts (title, url,
//! publication date, source file) are repeated on each of its passages so a
//! hit needs no second lookup.

use std::borrow::Cow;
use std::sync::OnceLock;

use tantivy::Index;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, FieldType, IndexRecordOption, NumericOptions,
    STORED, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, TextAnalyzer,
    TextAnalyzerBuilder, Tokenizer, TokenizerManager,
};

use crate::dates::value::Unit;
use crate::tokenizer::WordTokenizer;

/// Bumped whenever the fields or their analysis change; an index of another
/// version must be rebuilt. 7: Thai, Lao, Khmer and Myanmar are cut into
/// pairs of characters, as Chinese is; `line` is a fast field, so `show
/// PATH:LINE` finds a passage by its line; weeks, quarters, decades and
/// centuries are kept apart from the days, months and years written as such
/// (`date_*_wide`). 8: names are kept as terms only (the stored mentions
/// hold them), and only the fields a search scores keep field norms. 9: the
/// section an article ran in (`section`), for filters and counts.
pub const SCHEMA_VERSION: u32 = 9;

/// The field holding a mentioned calendar unit: days, months and years as
/// written in `date_day`, `date_month`, `date_year`; those of a wider
/// mention (a week, a quarter, a decade) in the `_wide` fields beside them.
pub fn mentioned_date_field(unit: Unit, widened: bool) -> &'static str {
    match (unit, widened) {
        (Unit::Day, false) => "date_day",
        (Unit::Month, false) => "date_month",
        (Unit::Year, false) => "date_year",
        (Unit::Day, true) => "date_day_wide",
        (Unit::Month, true) => "date_month_wide",
        (Unit::Year, true) => "date_year_wide",
    }
}

/// Every (unit, widened) that [`mentioned_date_field`] names a field for,
/// narrowest first: what a date filter searches, and what an export writes.
pub const MENTIONED_DATES: [(Unit, bool); 6] = [
    (Unit::Day, false),
    (Unit::Day, true),
    (Unit::Month, false),
    (Unit::Month, true),
    (Unit::Year, false),
    (Unit::Year, true),
];

/// What [`article_identity`] puts between a source and an article's own id.
pub const OWN_ID_SEPARATOR: &str = "#id:";

/// The name of one article in the whole index, from a passage's `source`
/// and `article`. An id the source gave (a JSON record's `id`) is unique
/// only within its file: two daily exports may each hold an `"id": 1`. So
/// such an id is qualified by the source; a key derived from the source
/// itself (`source`, `source#record`) already names one article.
pub fn article_identity<'a>(source: &str, article: &'a str) -> Cow<'a, str> {
    let derived = article
        .strip_prefix(source)
        .is_some_and(|rest| rest.is_empty() || is_record_suffix(rest));
    if derived {
        Cow::Borrowed(article)
    } else {
        Cow::Owned(format!("{source}{OWN_ID_SEPARATOR}{article}"))
    }
}

/// `#` and a record number, as the indexer appends to a source.
fn is_record_suffix(rest: &str) -> bool {
    rest.strip_prefix('#')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Tokenizer for prose: lower-cased, accents folded, English stems.
pub const PROSE_TOKENIZER: &str = "newsdex_prose";
/// Tokenizer for names: lower-cased, accents folded, no stemming.
pub const NAME_TOKENIZER: &str = "newsdex_name";
/// Tokenizer for sections: the whole value one term, lower-cased, so a
/// filter matches "Politics" and "politics" alike and not "UK Politics".
pub const SECTION_TOKENIZER: &str = "newsdex_section";

/// Handles to every field, resolved once per opened index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Passage text: searched, highlighted, returned.
    pub text: Field,
    pub title: Field,
    /// The source file relative to the corpus root: the key that incremental
    /// indexing replaces or deletes by.
    pub source: Field,
    /// The path as shown to users. Stored only: it ends with `source`, so
    /// a lookup by path goes through `source` (`search::read_article`);
    /// indexing it was another term and posting for every passage.
    pub path: Field,
    /// The article's own id, or `source#record` when it has none. Not a
    /// column: whatever counts or groups articles reads `article_hash`.
    /// An own id names the article only within its source
    /// ([`article_identity`]).
    pub article: Field,
    /// A 64-bit hash of the article's [`article_identity`], for counting
    /// distinct articles fast.
    pub article_hash: Field,
    pub url: Field,
    /// The section the article ran in ("sport", "World news"), when its
    /// metadata names one: its term is lower-cased ([`SECTION_TOKENIZER`]),
    /// its stored value and its column as written, for hits and counts.
    pub section: Field,
    pub published: Field,
    /// Size and modification time of the source file when it was indexed.
    pub fingerprint: Field,
    pub ordinal: Field,
    pub start: Field,
    pub end: Field,
    pub line: Field,
    /// Canonical names of the entities the passage mentions, one field per type.
    pub person: Field,
    pub org: Field,
    pub place: Field,
    pub misc: Field,
    /// Mentioned dates at the granularity they were written with.
    pub mentioned_day: Field,
    pub mentioned_month: Field,
    pub mentioned_year: Field,
    /// The days of a week, the months of a quarter, half or season, and the
    /// years of a decade or century mentioned: filters take them as the
    /// fields above, timelines do not count them in narrower buckets.
    pub mentioned_day_wide: Field,
    pub mentioned_month_wide: Field,
    pub mentioned_year_wide: Field,
    /// `LABEL:Canonical Name` of each entity, untokenized, for facet counts:
    /// one spelling of each name (`name_key`) a passage mentions.
    pub entity_key: Field,
    /// The latest day the passage mentions, for sorting by mentioned date.
    pub latest_mention: Field,
    /// The bucketed band keys of the passage's MinHash signature
    /// (`dedup::Signature`): near-duplicates share at least one.
    pub minhash_band: Field,
    /// The signature's `dedup::Sketch`, in a column: it rules out band
    /// candidates without reading their stored documents.
    pub minhash: Field,
    /// The passage's entity and date mentions as JSON, for display.
    pub mentions: Field,
}

impl Fields {
    /// The field [`mentioned_date_field`] names.
    pub fn mentioned_date(&self, unit: Unit, widened: bool) -> Field {
        match (unit, widened) {
            (Unit::Day, false) => self.mentioned_day,
            (Unit::Month, false) => self.mentioned_month,
            (Unit::Year, false) => self.mentioned_year,
            (Unit::Day, true) => self.mentioned_day_wide,
            (Unit::Month, true) => self.mentioned_month_wide,
            (Unit::Year, true) => self.mentioned_year_wide,
        }
    }

    /// Builds the schema and the handles into it.
    pub fn build() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let prose = TextOptions::default().set_stored().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(PROSE_TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let names = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(NAME_TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let key = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer("raw")
                .set_index_option(IndexRecordOption::Basic)
                .set_fieldnorms(false),
        );
        let section = TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(SECTION_TOKENIZER)
                    .set_index_option(IndexRecordOption::Basic)
                    .set_fieldnorms(false),
            )
            .set_stored()
            | FAST;
        let day = DateOptions::default()
            .set_indexed()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds);
        let fields = Fields {
            text: b.add_text_field("text", prose.clone()),
            title: b.add_text_field("title", prose),
            source: b.add_text_field("source", key.clone() | FAST | STORED),
            path: b.add_text_field("path", STORED),
            article: b.add_text_field("article", key.clone() | STORED),
            article_hash: b.add_u64_field("article_hash", FAST),
            url: b.add_text_field("url", STORED),
            section: b.add_text_field("section", section),
            published: b.add_date_field("published", day.clone().set_stored()),
            fingerprint: b.add_u64_field("fingerprint", FAST | STORED),
            ordinal: b.add_u64_field(
                "passage",
                NumericOptions::default().set_indexed() | FAST | STORED,
            ),
            start: b.add_u64_field("start", STORED),
            end: b.add_u64_field("end", STORED),
            line: b.add_u64_field("line", STORED | FAST),
            person: b.add_text_field("person", names.clone()),
            org: b.add_text_field("org", names.clone()),
            place: b.add_text_field("place", names.clone()),
            misc: b.add_text_field("misc", names),
            mentioned_day: b.add_date_field("date_day", day.clone()),
            mentioned_month: b.add_date_field("date_month", day.clone()),
            mentioned_year: b.add_date_field("date_year", day.clone()),
            mentioned_day_wide: b.add_date_field("date_day_wide", day.clone()),
            mentioned_month_wide: b.add_date_field("date_month_wide", day.clone()),
            mentioned_year_wide: b.add_date_field("date_year_wide", day),
            entity_key: b.add_text_field("entity", key | FAST),
            latest_mention: b.add_date_field("latest_mention", DateOptions::from(FAST)),
            minhash_band: b.add_u64_field("minhash_band", NumericOptions::default().set_indexed()),
            minhash: b.add_u64_field("minhash", FAST),
            mentions: b.add_text_field("mentions", STORED),
        };
        (b.build(), fields)
    }

    /// Resolves the handles in an opened index's schema.
    pub fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        let f = |name: &str| schema.get_field(name);
        Ok(Fields {
            text: f("text")?,
            title: f("title")?,
            source: f("source")?,
            path: f("path")?,
            article: f("article")?,
            article_hash: f("article_hash")?,
            url: f("url")?,
            section: f("section")?,
            published: f("published")?,
            fingerprint: f("fingerprint")?,
            ordinal: f("passage")?,
            start: f("start")?,
            end: f("end")?,
            line: f("line")?,
            person: f("person")?,
            org: f("org")?,
            place: f("place")?,
            misc: f("misc")?,
            mentioned_day: f("date_day")?,
            mentioned_month: f("date_month")?,
            mentioned_year: f("date_year")?,
            mentioned_day_wide: f("date_day_wide")?,
            mentioned_month_wide: f("date_month_wide")?,
            mentioned_year_wide: f("date_year_wide")?,
            entity_key: f("entity")?,
            latest_mention: f("latest_mention")?,
            minhash_band: f("minhash_band")?,
            minhash: f("minhash")?,
            mentions: f("mentions")?,
        })
    }

    /// The entity field for a label.
    pub fn entity(&self, label: crate::entities::EntityLabel) -> Field {
        use crate::entities::EntityLabel::*;
        match label {
            Person => self.person,
            Organization => self.org,
            Location => self.place,
            Misc => self.misc,
        }
    }
}

/// The terms `analyzer` makes of `text`, in order.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    terms
}

/// Which side of the index an analyzer serves. They differ in Chinese,
/// Japanese and Korean only: the index also holds each character of a run
/// as a term of its own, and a query looks for pairs, or for one character
/// where it has no neighbour ([`WordTokenizer::with_single_characters`]).
/// Highlights cut a passage as the index did, so a query's terms stand in
/// it where the search found them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Index,
    Query,
}

/// Registers newsdex's tokenizers; call on every opened or created index.
pub fn register_tokenizers(index: &Index) {
    index
        .tokenizers()
        .register(PROSE_TOKENIZER, prose_analyzer(Side::Index));
    index
        .tokenizers()
        .register(NAME_TOKENIZER, name_analyzer(Side::Index));
    index
        .tokenizers()
        .register(SECTION_TOKENIZER, section_analyzer());
}

/// newsdex's tokenizers as queries analyse words, for the query parser.
/// Made once: every word of a query looks its analyzer up here (the long
/// word check, fuzzy parts, highlights).
pub fn query_tokenizers() -> TokenizerManager {
    static TOKENIZERS: OnceLock<TokenizerManager> = OnceLock::new();
    TOKENIZERS
        .get_or_init(|| {
            let manager = TokenizerManager::default();
            manager.register(PROSE_TOKENIZER, prose_analyzer(Side::Query));
            manager.register(NAME_TOKENIZER, name_analyzer(Side::Query));
            manager.register(SECTION_TOKENIZER, section_analyzer());
            manager
        })
        .clone()
}

/// The analyzer a query's words in `field` go through (see [`Side`]).
pub fn query_analyzer(index: &Index, field: Field) -> Option<TextAnalyzer> {
    let schema = index.schema();
    let name = match schema.get_field_entry(field).field_type() {
        FieldType::Str(options) => options.get_indexing_options()?.tokenizer().to_string(),
        _ => return None,
    };
    query_tokenizers()
        .get(&name)
        .or_else(|| index.tokenizer_for_field(field).ok())
}

/// The analyzer of [`PROSE_TOKENIZER`]: accents folded, lower-cased,
/// stemmed, all three by [`crate::stemmer::CachedStemmer`], which
/// remembers each word's term.
pub fn prose_analyzer(side: Side) -> TextAnalyzer {
    let stemmer = match side {
        Side::Index => crate::stemmer::CachedStemmer::keeping_capitals(),
        Side::Query => crate::stemmer::CachedStemmer::default(),
    };
    words(side).filter(stemmer).build()
}

/// The analyzer of [`NAME_TOKENIZER`]: accents folded, lower-cased.
/// Folding comes first: lower-casing the Turkish and Azerbaijani `İ` gives
/// `i` and a combining dot, which folding keeps, so `İstanbul` and `İlham`
/// would never match `Istanbul` and `Ilham`.
pub fn name_analyzer(side: Side) -> TextAnalyzer {
    words(side)
        .filter(AsciiFoldingFilter)
        .filter(LowerCaser)
        .build()
}

/// The analyzer of [`SECTION_TOKENIZER`]: the value as one lower-cased
/// term, on both sides (the indexer and the filter trim it).
pub fn section_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .build()
}

/// Words of this many bytes or more are not indexed: longer "words" are
/// encoded data, hashes and markup debris. At 40, the limit tantivy's
/// examples use, Georgian words of 14 letters and Russian ones of 20 were
/// never found (`Несанкционированного`); at 100 they are, up to 33 and 50
/// letters.
pub const WORD_BYTES_LIMIT: usize = 100;

/// Words shorter than [`WORD_BYTES_LIMIT`], as written: what both analyzers
/// start with; Chinese, Japanese and Korean text is overlapping pairs of
/// characters ([`WordTokenizer`]).
fn words(side: Side) -> TextAnalyzerBuilder<impl Tokenizer> {
    let words = match side {
        Side::Index => WordTokenizer::with_single_characters(),
        Side::Query => WordTokenizer::default(),
    };
    TextAnalyzer::builder(words).filter(RemoveLongFilter::limit(WORD_BYTES_LIMIT))
}

#[cfg(test)]
mod tests {
    use super::{Side, article_identity, name_analyzer, prose_analyzer};

    use tantivy::tokenizer::TokenStream as _;

    fn tokens(mut analyzer: tantivy::tokenizer::TextAnalyzer, text: &str) -> Vec<String> {
        super::terms(&mut analyzer, text)
    }

    #[test]
    fn words_are_folded_to_lower_case_ascii() {
        let cases = [
            ("İstanbul İlham Əliyev", "istanbul ilham aliyev"),
            ("ÄRZTE Straße ẞ", "arzte strasse ss"),
            ("São Paulo, Zürich", "sao paulo zurich"),
            ("Москва ΑΘΗΝΑ", "москва αθηνα"),
            ("上海市政府 iPhone手机", "上海 海市 市政 政府 iphone 手机"),
        ];
        for (text, want) in cases {
            assert_eq!(
                tokens(name_analyzer(Side::Query), text).join(" "),
                want,
                "{text}"
            );
        }
        assert_eq!(
            tokens(prose_analyzer(Side::Query), "İstanbul talks"),
            ["istanbul", "talk"]
        );
        // Stemming leaves the pairs alone, and none is too long to keep.
        assert_eq!(
            tokens(
                prose_analyzer(Side::Query),
                "国务院总理今天在人民大会堂会见了来访的外国代表团"
            )
            .len(),
            23
        );
        assert_eq!(
            tokens(prose_analyzer(Side::Query), "東京タワーs"),
            ["東京", "京タ", "タワ", "ワー", "s"]
        );
    }

    #[test]
    fn the_index_keeps_a_word_in_capitals_as_written_beside_its_stem() {
        let text = "The WHO said AIDS aid rose.\nLET US PRAY";
        let mut index = prose_analyzer(Side::Index);
        let mut stream = index.token_stream(text);
        let mut terms = Vec::new();
        while let Some(token) = stream.next() {
            terms.push((
                token.text.clone(),
                token.position,
                &text[token.offset_from..token.offset_to],
            ));
        }
        assert_eq!(
            terms,
            [
                ("the".to_string(), 0, "The"),
                ("who".to_string(), 1, "WHO"),
                ("WHO".to_string(), 1, "WHO"),
                ("said".to_string(), 2, "said"),
                ("aid".to_string(), 3, "AIDS"),
                ("AIDS".to_string(), 3, "AIDS"),
                ("aid".to_string(), 4, "aid"),
                ("rose".to_string(), 5, "rose"),
                // A line in capitals says nothing of its words' case.
                ("let".to_string(), 6, "LET"),
                ("us".to_string(), 7, "US"),
                ("pray".to_string(), 8, "PRAY"),
            ]
        );
        // A query's words are lower-cased only: a search decides.
        assert_eq!(
            tokens(prose_analyzer(Side::Query), "WHO said"),
            ["who", "said"]
        );
    }

    #[test]
    fn an_own_id_is_qualified_by_its_source_and_a_derived_key_is_kept() {
        let cases = [
            ("a/x.txt", "a/x.txt", "a/x.txt"),
            ("feed.jsonl", "feed.jsonl#3", "feed.jsonl#3"),
            ("feed.jsonl", "3", "feed.jsonl#id:3"),
            ("feed.jsonl", "feed.jsonl#", "feed.jsonl#id:feed.jsonl#"),
            ("feed.jsonl", "feed.jsonl#x1", "feed.jsonl#id:feed.jsonl#x1"),
            ("day-2.json", "urn:story:9", "day-2.json#id:urn:story:9"),
        ];
        for (source, article, identity) in cases {
            assert_eq!(article_identity(source, article), identity, "{article}");
        }
    }
}
