//! Query and filters in, ranked passages (and overviews of them) out.
//! Never prints.
//!
//! `mod.rs` turns a [`SearchRequest`] into one tantivy query; `hits.rs`
//! ranks, caps per article, collapses duplicates and adds context;
//! `facets.rs` counts entities and `timeline.rs` dates over the matches;
//! `article.rs` reads whole articles back.

use std::collections::HashSet;
use std::ops::Bound;

use chrono::{Datelike, NaiveDate};
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, ExistsQuery, InvertedIndexRangeQuery,
    Occur, PhraseQuery, Query, QueryParser, QueryParserError, RangeQuery, TermQuery,
};
use tantivy::query_grammar::{self, Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{TokenStream, Tokenizer};
use tantivy::{Score, Searcher, Term};

use crate::dates::value::Unit;
use crate::entities::{EntityLabel, canonical};
use crate::error::{Error, Result};
use crate::indexer::{FIRST_STORABLE_YEAR, LAST_STORABLE_YEAR, day};
use crate::query::respelling::Respelt;
use crate::query::{self, FuzzyWord};
use crate::schema::{Fields, MENTIONED_DATES};
use crate::store::NewsIndex;
use crate::tokenizer::{WordTokenizer, is_paired_term};
use exclusion::Excluded;

mod article;
mod exclusion;
mod facets;
mod fuzzy;
mod hits;
mod name_spellings;
mod proximity;
mod sections;
mod suggest;
mod timeline;

pub use article::{
    Around, ArticleListing, ArticlePassage, MAX_ARTICLE_PASSAGES, OnLine, file_in_index,
    passages_at_line, read_article, read_article_of,
};
pub use facets::{EntityCount, entity_counts};
pub use hits::{ContextPassage, DateMention, Hit, Location, Mention, SearchResults, search};
pub use sections::{SectionCount, section_counts, why_no_section_matches};
pub use suggest::{
    AbsentWord, Nearest, WordsAlone, emptied_by_filters, names_in_query, sections_in_query,
    why_no_name_matches, why_no_words_match, words_alone,
};
pub use timeline::{
    Bucket, Granularity, TimeField, Timeline, buckets_spanned, every_bucket, matching_passages,
    timeline,
};

/// How much a title match counts against a passage-text match.
const TITLE_BOOST: f32 = 2.0;
/// Extra weight for passages whose entities carry the query's names.
const ENTITY_BOOST: f32 = 0.5;
/// How much the phrase of a query's plain words counts, when they stand
/// together, against the words one by one.
const PROXIMITY_BOOST: f32 = 1.0;

/// What a passage mentioning a date inside a date range the search asks
/// for adds to its score ([`dates_inside_query`]): about what one more
/// occurrence of a query word adds, so it orders passages that match the
/// words about as well, and those a range alone chooses.
const DATE_INSIDE_BOOST: f32 = 2.0;

/// What passages to find: the query and the filters. Shared by search,
/// entity counts and timelines.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// The query language of README.md; empty matches every passage.
    pub query: String,
    /// Entity filters: each must match a canonical name of its kind.
    pub entities: Vec<(NameKind, String)>,
    /// Keep passages of articles that ran in one of these sections, in
    /// any case ("Politics" is "politics"); none keeps every passage.
    pub sections: Vec<String>,
    /// Keep passages that mention a date in this range (inclusive).
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

/// Which names an entity filter looks among.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// One type's: `--person`, `--org`, `--place`, `--misc`.
    Of(EntityLabel),
    /// Any type's (`--name`): where the text gives the tagger little to go
    /// on, it may call a company a place or a person an organisation
    /// ("Kremlin chief Mikhail Gorbachev"), and a user asking who is
    /// named need not guess which.
    Any,
}

impl NameKind {
    /// The entity types whose names the filter looks among.
    pub fn labels(self) -> &'static [EntityLabel] {
        match self {
            NameKind::Of(EntityLabel::Person) => &[EntityLabel::Person],
            NameKind::Of(EntityLabel::Organization) => &[EntityLabel::Organization],
            NameKind::Of(EntityLabel::Location) => &[EntityLabel::Location],
            NameKind::Of(EntityLabel::Misc) => &[EntityLabel::Misc],
            NameKind::Any => &EntityLabel::ALL,
        }
    }

    /// The API parameter that filters on names of this kind; the CLI's
    /// flag is it after `--`.
    pub fn param(self) -> &'static str {
        match self {
            NameKind::Of(EntityLabel::Person) => "person",
            NameKind::Of(EntityLabel::Organization) => "org",
            NameKind::Of(EntityLabel::Location) => "place",
            NameKind::Of(EntityLabel::Misc) => "misc",
            NameKind::Any => "name",
        }
    }
}

/// How to order hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// By relevance (BM25 with boosts).
    #[default]
    Score,
    /// Newest publication first.
    Published,
    /// Oldest publication first, undated stories last: a chronology.
    Oldest,
    /// Latest mentioned day first.
    Mentioned,
}

/// One search.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub filter: Filter,
    pub limit: usize,
    /// Hits to pass over first, for the next page: the hits are those a
    /// search of `offset + limit` would list last.
    pub offset: usize,
    /// At most this many passages of one article (0: no cap).
    pub per_article: usize,
    pub sort: Sort,
    /// Show near-duplicate passages once, with the places of their copies.
    pub collapse: bool,
    /// Neighbouring passages to add on each side of a hit.
    pub context: usize,
}

impl Default for SearchRequest {
    fn default() -> SearchRequest {
        SearchRequest {
            filter: Filter::default(),
            limit: 10,
            offset: 0,
            per_article: 3,
            sort: Sort::Score,
            collapse: true,
            context: 0,
        }
    }
}

/// The tantivy query for a filter, and what of it to highlight.
pub(crate) struct BuiltQuery {
    /// What the passages must match: all that counting them needs.
    pub query: Box<dyn Query>,
    /// Clauses that only rank the matches (`proximity.rs`): a search
    /// scores them, while a count or a chart, which scores nothing, would
    /// pay for them and gain nothing (a phrase of common words doubled a
    /// timeline's time).
    pub ranking: Vec<Box<dyn Query>>,
    pub highlight: Highlight,
    /// The dates written in the query as words, read as dates too.
    pub written_dates: Vec<query::WrittenDate>,
}

impl BuiltQuery {
    /// The query a search ranks by: the matching query, with the clauses
    /// that only score beside it. They find no passage more.
    pub fn ranked(&self) -> Box<dyn Query> {
        if self.ranking.is_empty() {
            return self.query.box_clone();
        }
        let mut clauses = vec![(Occur::Must, self.query.box_clone())];
        clauses.extend(self.ranking.iter().map(|q| (Occur::Should, q.box_clone())));
        Box::new(BooleanQuery::new(clauses))
    }
}

/// What a passage's highlights show: the words and phrases the query
/// looks for in the passage text, not those it excludes (`crash -Boeing`,
/// `crash NOT "Boeing jet"`).
#[derive(Debug, Default)]
pub(crate) struct Highlight {
    /// Terms of the passage-text field, highlighted wherever they stand:
    /// those of words the analyzer keeps whole.
    pub terms: HashSet<String>,
    /// Phrases the passage text is searched for ([`hits::sought_phrase`]):
    /// quoted ones, words the analyzer cuts into several terms (`Blair's`,
    /// `9/11`) and words holding Chinese, Japanese or Korean characters.
    /// They are highlighted where the search finds them, so `"plane
    /// crash"` does not mark each "plane" of a passage, nor `12月30日` the
    /// `日` of `月曜日`.
    pub phrases: Vec<hits::SoughtPhrase>,
    pub fuzzy: Vec<FuzzyWord>,
    /// Names the passage's entities are searched for (`--person Putin`,
    /// `person:Putin`), each as its type's field analyses it: a mention
    /// whose canonical name holds the terms together is highlighted, so
    /// the snippet shows where the passage names the person, not its
    /// first words.
    pub names: Vec<(EntityLabel, Vec<String>)>,
    /// Days the passage's dates are searched in (`--since`, `date:[…]`,
    /// `in December 2024`), `None` an open side: a mention overlapping one
    /// is highlighted, as it made the passage match.
    pub dates: Vec<query::DateRange>,
}

/// The query for a filter, its fuzzy words spelt as `searcher`'s index
/// spells them: search with that searcher.
pub(crate) fn build_query(
    news: &NewsIndex,
    searcher: &Searcher,
    filter: &Filter,
) -> Result<BuiltQuery> {
    let fields = news.fields;
    let invalid = |reason: String| Error::InvalidQuery {
        query: filter.query.clone(),
        reason,
    };
    let query::Rewritten {
        text: rewritten,
        sought_dates,
        written_dates,
    } = query::rewrite_noting_dates(&filter.query).map_err(|p| invalid(p.message))?;
    let mut builder = TextQueryBuilder::new(news, searcher);
    let every_passage = rewritten.is_empty() || rewritten == "*";
    let problem = |problem| match problem {
        BuildProblem::Invalid(reason) => invalid(reason),
        BuildProblem::Index(e) => Error::Tantivy(e),
    };
    let (text_query, mut ranking): (Box<dyn Query>, _) = if every_passage {
        (all_passages(), Vec::new())
    } else {
        let ast = parse(&rewritten).map_err(problem)?;
        let ranking = words_together(news, searcher, &ast);
        (builder.build_parsed(ast).map_err(problem)?, ranking)
    };
    let mut highlight = builder.highlight;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query)];
    if every_passage
        && let Some(ranking) = names_as_words(
            news,
            searcher,
            filter.entities.iter().map(|(_, name)| name.as_str()),
        )
    {
        clauses.push((Occur::Should, ranking));
    }
    for (kind, name) in &filter.entities {
        let mut among: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for &label in kind.labels() {
            among.push((Occur::Should, name_query(news, label, name)?));
            let name = canonical::query_name(label, name);
            for spelling in spellings_of(news, fields.entity(label), &name) {
                highlight.names.push((label, spelling));
            }
        }
        let chooser: Box<dyn Query> = match among.len() {
            1 => among.remove(0).1,
            _ => Box::new(BooleanQuery::new(among)),
        };
        // A filter chooses passages and leaves their order to the words:
        // scored with BM25 on the name field, whose length norm favours
        // short name lists, `--person Blair` put reader comments naming a
        // bare "Blair" above every "Tony Blair" story.
        clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(chooser, 0.0))));
    }
    if !filter.sections.is_empty() {
        let chooser = sections::section_query(news, &filter.sections)?;
        clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(chooser, 0.0))));
    }
    if let (Some(since), Some(until)) = (filter.since, filter.until)
        && since > until
    {
        return Err(Error::InvalidDateRange {
            reason: format!("it starts on {since}, after it ends on {until}: swap them"),
        });
    }
    // The index holds the dates tantivy can store; a range wholly outside
    // them would find nothing and not say why ("the Battle of Hastings in
    // 1066" is tagged, but not stored).
    if crate::indexer::outside_storable(filter.since, filter.until) {
        return Err(Error::InvalidDateRange {
            reason: format!(
                "the index holds dates from {FIRST_STORABLE_YEAR} to {LAST_STORABLE_YEAR} only \
                 (tantivy's range), and the range lies outside it: search the text for the \
                 year instead (`Hastings 1066`)"
            ),
        });
    }
    highlight.dates = sought_dates;
    if filter.since.is_some() || filter.until.is_some() {
        highlight.dates.push((filter.since, filter.until));
        clauses.push((
            Occur::Must,
            mentioned_date_query(&fields, filter.since, filter.until),
        ));
    }
    ranking.extend(
        highlight
            .dates
            .iter()
            .filter_map(|&(since, until)| dates_inside_query(&fields, since, until)),
    );
    Ok(BuiltQuery {
        query: Box::new(BooleanQuery::new(clauses)),
        ranking,
        highlight,
        written_dates,
    })
}

/// The optional clauses that rank passages holding the query's plain
/// words close together first (see `proximity.rs`); none for a query
/// without two of them side by side. Built apart from the query, so their
/// phrases add no highlights of their own.
fn words_together(
    news: &NewsIndex,
    searcher: &Searcher,
    query: &UserInputAst,
) -> Vec<Box<dyn Query>> {
    let phrases = proximity::words_phrases(query);
    if phrases.is_empty() {
        return Vec::new();
    }
    // In the passage's own text: a title that holds the words together
    // would lift every passage of its article alike.
    let schema = news.index.schema();
    let text = schema.get_field_name(news.fields.text);
    let mut builder = TextQueryBuilder::new(news, searcher);
    phrases
        .into_iter()
        .filter_map(|phrase| {
            let together = builder.build(&format!("{text}:{phrase}")).ok()?;
            Some(boosted(together, PROXIMITY_BOOST))
        })
        .collect()
}

/// Every passage: files without passages have a marker document without a
/// passage ordinal, which this leaves out.
fn all_passages() -> Box<dyn Query> {
    Box::new(ExistsQuery::new("passage".to_string(), false))
}

/// The query language's grammar read over `query`; its syntax error
/// explained.
fn parse(query: &str) -> std::result::Result<UserInputAst, BuildProblem> {
    query_grammar::parse_query(query).map_err(|_| {
        let error = QueryParserError::SyntaxError(query.to_string());
        BuildProblem::Invalid(query::explain_parser_error(&error))
    })
}

/// The query that ranks the passages an empty query finds under name
/// filters: any word of the names, searched as query words are, so
/// `'' --person Blair` ranks as `Blair` does (a passage saying "Blair"
/// three times, or an article titled with him, first). `None` without
/// names.
fn names_as_words<'n>(
    news: &NewsIndex,
    searcher: &Searcher,
    names: impl IntoIterator<Item = &'n str>,
) -> Option<Box<dyn Query>> {
    let mut words = Vec::new();
    let mut tokenizer = WordTokenizer::default();
    for name in names {
        let mut name_words = Vec::new();
        let mut stream = tokenizer.token_stream(name);
        while let Some(word) = stream.next() {
            // Lower case: `OR`, `AND` and `NOT` in a name are words.
            name_words.push(word.text.to_lowercase());
        }
        // The words of its other spellings too, a cut word as a phrase:
        // `ONeill` ranked every "Martin O'Neill" story alike, `O'Neill` by
        // how often it names him.
        let respelt = name_spellings::respelt_words(&name_words);
        words.append(&mut name_words);
        words.extend(
            respelt
                .into_iter()
                .map(|spelling| match spelling.as_slice() {
                    [word] => word.clone(),
                    _ => format!("\"{}\"", spelling.join(" ")),
                }),
        );
    }
    if words.is_empty() {
        return None;
    }
    // A word too long to index is refused as a query word; here it only
    // ranks nothing.
    TextQueryBuilder::new(news, searcher)
        .build(&words.join(" OR "))
        .ok()
}

/// The passages `chooser` matches, ranked by `words` alone (which need
/// not match).
fn ranked_by(chooser: Box<dyn Query>, words: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, Box::new(ConstScoreQuery::new(chooser, 0.0))),
        (Occur::Should, words),
    ]))
}

/// Builds the text query as tantivy's `QueryParser::parse_query` does,
/// except for fuzzy words, which it builds where they stand: in a group,
/// next to OR, excluded (`(Asad~1 OR Assad) Syria`, `-Aliev~1`).
///
/// tantivy's parser reads `Asad~1` as a word and searches it as the phrase
/// "asad 1", so the grammar's tree is walked here: each leaf is a fuzzy
/// word or goes to the parser alone; the clauses above are checked,
/// simplified and trimmed as the parser does them, so a query without fuzzy
/// words or entity fields becomes the same query (a unit test holds it);
/// an entity field's leaf matches as the parser's and ranks by its name's
/// words ([`TextQueryBuilder::ranked_as_words`]), and a query of no words
/// at all is refused. On the way it notes the words to highlight, leaving
/// out the excluded ones.
///
/// A word the index cannot hold (see [`unindexed_word`]) matches nothing,
/// and so does a phrase or hyphenated word holding it; the parser dropped
/// it, and `budget supercalifragilistic…` found every budget. Beside OR or
/// excluded, it leaves the rest to decide; when it leaves the query
/// nothing to match, the query is refused with the reason, since an empty
/// result would not say that the word cannot be found at all.
struct TextQueryBuilder<'a> {
    news: &'a NewsIndex,
    /// The index fuzzy words are spelt out over.
    searcher: &'a Searcher,
    parser: QueryParser,
    /// The words of the leaves that are not excluded.
    highlight: Highlight,
}

/// The most terms a phrase with a slop may hold (see
/// [`TextQueryBuilder::check_phrase`]).
const MAX_SLOPPY_PHRASE_TERMS: usize = 6;

/// The most terms any phrase may hold (see
/// [`TextQueryBuilder::check_phrase`]).
const MAX_PHRASE_TERMS: usize = 64;

/// How much a country's adjective counts for its name and back (`Iraq`
/// finding "Iraqi"): less than the word as typed, so that, other things
/// equal, a passage saying "Iraq" ranks first.
const PAIRED_WORD_WEIGHT: Score = 0.5;

/// A query tree as tantivy's parser holds it before building it.
enum Node {
    Clause(Vec<(Occur, Node)>),
    Boost(Box<Node>, Score),
    Leaf(Box<dyn Query>),
    /// A leaf holding this word, which the index cannot hold: it matches
    /// nothing.
    Unindexed(String),
}

/// Why a text query cannot be built: the query is wrong (the reason to
/// show), or the index could not be read while building it.
#[derive(Debug)]
enum BuildProblem {
    Invalid(String),
    Index(tantivy::TantivyError),
}

impl From<String> for BuildProblem {
    fn from(reason: String) -> BuildProblem {
        BuildProblem::Invalid(reason)
    }
}

impl From<tantivy::TantivyError> for BuildProblem {
    fn from(error: tantivy::TantivyError) -> BuildProblem {
        BuildProblem::Index(error)
    }
}

impl<'a> TextQueryBuilder<'a> {
    fn new(news: &'a NewsIndex, searcher: &'a Searcher) -> TextQueryBuilder<'a> {
        TextQueryBuilder {
            news,
            searcher,
            parser: query_parser(news),
            highlight: Highlight::default(),
        }
    }

    fn build(&mut self, query: &str) -> std::result::Result<Box<dyn Query>, BuildProblem> {
        self.build_parsed(parse(query)?)
    }

    /// [`TextQueryBuilder::build`] of a query the grammar has read.
    fn build_parsed(
        &mut self,
        ast: UserInputAst,
    ) -> std::result::Result<Box<dyn Query>, BuildProblem> {
        let explain = |e: QueryParserError| query::explain_parser_error(&e);
        let node = self.node(ast, Polarity::Sought)?;
        // Punctuation or symbols alone (`?`, `—`, `title:&`): the analyzer
        // leaves no term, and "\"?\" is in no passage" suggested the index
        // lacked what it never keeps (and `... ;`, two empty clauses, was
        // said to "only exclude").
        if node.is_empty() {
            return Err(
                "it holds no word: the index keeps words and numbers, not punctuation \
                 or symbols; search a word"
                    .to_string()
                    .into(),
            );
        }
        if node.all_negative() {
            return Err(explain(QueryParserError::AllButQueryForbidden).into());
        }
        let node = node.simplify();
        if let Some(word) = node.unmatchable_for() {
            return Err(unindexed_word_problem(word).into());
        }
        Ok(node.into_query().unwrap_or_else(|| Box::new(EmptyQuery)))
    }

    fn node(
        &mut self,
        ast: UserInputAst,
        polarity: Polarity,
    ) -> std::result::Result<Node, BuildProblem> {
        Ok(match ast {
            UserInputAst::Clause(clauses) => Node::Clause(
                clauses
                    .into_iter()
                    .map(|(occur, ast)| {
                        // Words without an operator must all match
                        // (`set_conjunction_by_default`).
                        let occur = occur.unwrap_or(Occur::Must);
                        let polarity = match occur {
                            Occur::MustNot => Polarity::Excluded,
                            _ => polarity,
                        };
                        Ok((occur, self.node(ast, polarity)?))
                    })
                    .collect::<std::result::Result<_, BuildProblem>>()?,
            ),
            UserInputAst::Boost(ast, boost) => self
                .node(*ast, polarity)?
                .boost(boost.into_inner() as Score),
            UserInputAst::Leaf(leaf) => self.leaf(*leaf, polarity)?,
        })
    }

    fn leaf(
        &mut self,
        leaf: UserInputLeaf,
        polarity: Polarity,
    ) -> std::result::Result<Node, BuildProblem> {
        let sought = polarity == Polarity::Sought;
        // Every passage, as `*` alone is: tantivy's `AllQuery` took in the
        // record an empty file leaves (no passage ordinal), which `* -sport`
        // listed as a hit without text.
        if let UserInputLeaf::All = &leaf {
            return Ok(Node::Leaf(all_passages()));
        }
        // `title:*` asks for any word of a field, which tantivy looks up in
        // a column the text fields do not have, and failed with "Schema
        // error". (`published:*` and `date:*` are ranges by now.)
        if let UserInputLeaf::Exists { field } = &leaf {
            return Err(format!(
                "`{field}:*` is no query: newsdex finds words, not any word of a field; write a \
                 word after `{field}:` (`{field}:crash`), or leave the field out"
            )
            .into());
        }
        if let UserInputLeaf::Literal(literal) = &leaf
            && let Some(field) = self.text_field(literal.field_name.as_deref())
            && let Some(word) = unindexed_word(self.news, field, &literal.phrase)
        {
            return Ok(Node::Unindexed(word));
        }
        if let UserInputLeaf::Literal(literal) = &leaf
            && literal.delimiter == Delimiter::None
            && literal.phrase.contains('*')
        {
            return Err(query::wildcard_problem(&literal.phrase).into());
        }
        if let UserInputLeaf::Literal(literal) = &leaf
            && literal.delimiter == Delimiter::None
            && let Some(word) = query::fuzzy_word(literal.field_name.as_deref(), &literal.phrase)
                .map_err(|p| p.message)?
        {
            let query = fuzzy::fuzzy_query(self.news, self.searcher, &word)?;
            // `person:Blar~1` ranks as `person:Blair` does, by the word
            // over the passage's fields, not by BM25 on the name field.
            let node = if self.entity_label(word.field.as_deref()).is_some() {
                let as_word = FuzzyWord {
                    field: None,
                    ..word.clone()
                };
                let words = fuzzy::fuzzy_query(self.news, self.searcher, &as_word)?;
                Node::Leaf(ranked_by(query, words))
            } else {
                Node::Leaf(query)
            };
            if sought {
                self.highlight.fuzzy.push(word);
            }
            return Ok(node);
        }
        // A word news also writes another way ("US" and "U.S.", "G7" and
        // "G-7") is either; a country's name is also its adjective ("Iraq"
        // and "Iraqi"), which counts less than the word as typed.
        if let UserInputLeaf::Literal(literal) = &leaf
            && literal.delimiter == Delimiter::None
            && !literal.prefix
            && matches!(literal.field_name.as_deref(), None | Some("text" | "title"))
        {
            let mut others = Vec::new();
            if let Some(respelt) = query::respelling::respelt(&literal.phrase) {
                let mut other = literal.clone();
                match respelt {
                    Respelt::Phrase(phrase) => {
                        other.phrase = phrase;
                        other.delimiter = Delimiter::DoubleQuotes;
                    }
                    Respelt::Word(word) => other.phrase = word,
                }
                others.push((other, 1.0));
            }
            for paired in query::demonyms::paired_words(&literal.phrase) {
                let mut other = literal.clone();
                other.phrase = paired.to_string();
                others.push((other, PAIRED_WORD_WEIGHT));
            }
            let in_capitals = self.in_capitals_only(literal, sought)?;
            if in_capitals.is_some() || !others.is_empty() {
                let as_typed = match in_capitals {
                    Some(node) => node,
                    None => self.written(leaf, polarity)?,
                };
                let mut alternatives = vec![(Occur::Should, as_typed)];
                for (other, weight) in others {
                    let other = self.written(UserInputLeaf::Literal(other), polarity)?;
                    alternatives.push((Occur::Should, other.boost(weight)));
                }
                return Ok(Node::Clause(alternatives));
            }
        }
        self.written(leaf, polarity)
    }

    /// `WHO`, `IT`, `AIDS`: a word typed in capitals that news writes in
    /// lower case in most passages holding it (the pronoun, "it", "aids")
    /// is looked for only where it is written in capitals, the term the
    /// index keeps for such a word ([`crate::capitals`]); in an entity's
    /// name as ever. `None` for any other word, for a word written in
    /// capitals in at least half its passages (`GDP`, which a headline set
    /// in capitals holds too), and for one that is a name in at least half
    /// (`OPEC`, whose "Opec" is the same name; `IRAQ` typed with caps lock).
    fn in_capitals_only(
        &mut self,
        literal: &UserInputLiteral,
        sought: bool,
    ) -> std::result::Result<Option<Node>, BuildProblem> {
        let word = literal.phrase.as_str();
        if !crate::capitals::is_written_in_capitals(word) {
            return Ok(None);
        }
        let f = self.news.fields;
        let in_capitals = self
            .searcher
            .doc_freq(&Term::from_field_text(f.text, word))?;
        let any_case = match analyze(self.news, f.text, word).as_slice() {
            [term] => self
                .searcher
                .doc_freq(&Term::from_field_text(f.text, term))?,
            _ => return Ok(None),
        };
        // Typed in capitals, "IRAQ" is Iraq: a word the tagger finds in
        // names in at least half its passages is one.
        let name = word.to_ascii_lowercase();
        let mut in_names = 0;
        for field in [f.person, f.org, f.place, f.misc] {
            in_names += self
                .searcher
                .doc_freq(&Term::from_field_text(field, &name))?;
        }
        if in_capitals == 0 || in_capitals * 2 >= any_case || in_names * 2 >= any_case {
            return Ok(None);
        }
        let fields = match literal.field_name.as_deref() {
            Some("text") => vec![f.text],
            Some("title") => vec![f.title],
            _ => vec![f.text, f.title],
        };
        let term_in = |field: Field, text: &str| {
            let term = TermQuery::new(
                Term::from_field_text(field, text),
                IndexRecordOption::WithFreqsAndPositions,
            );
            (
                Occur::Should,
                Node::Leaf(boosted(Box::new(term), field_boost(&f, field))),
            )
        };
        let mut alternatives: Vec<(Occur, Node)> = fields
            .into_iter()
            .map(|field| term_in(field, word))
            .collect();
        if literal.field_name.is_none() {
            for field in [f.person, f.org, f.place, f.misc] {
                alternatives.push(term_in(field, &name));
            }
        }
        if sought {
            self.highlight.terms.insert(word.to_string());
        }
        Ok(Some(Node::Clause(alternatives)))
    }

    /// A leaf that is no fuzzy word, as written: the word, phrase or range
    /// as tantivy's parser builds it, an entity field's name ranked by its
    /// words.
    fn written(
        &mut self,
        leaf: UserInputLeaf,
        polarity: Polarity,
    ) -> std::result::Result<Node, BuildProblem> {
        let sought = polarity == Polarity::Sought;
        // Unquoted too: a word the analyzer cuts into terms (`al-Assad`)
        // is searched as their phrase.
        if let UserInputLeaf::Literal(literal) = &leaf {
            self.check_phrase(literal.field_name.as_deref(), &literal.phrase, literal.slop)?;
        }
        let text = self.news.fields.text;
        // A literal the passage text is searched for as a phrase is
        // highlighted as that phrase; a phrase with a prefix (`"plane
        // cra"*`) keeps its terms highlighted wherever they stand.
        let mut phrase = None;
        if sought
            && let UserInputLeaf::Literal(literal) = &leaf
            && !literal.prefix
            && self.text_field(literal.field_name.as_deref()) == Some(text)
            && let Some(mut analyzer) = crate::schema::query_analyzer(&self.news.index, text)
        {
            phrase = hits::sought_phrase(&mut analyzer, &literal.phrase, literal.slop);
        }
        let mut name = None;
        let mut respelt = None;
        if let UserInputLeaf::Literal(literal) = &leaf
            && let Some(label) = self.entity_label(literal.field_name.as_deref())
        {
            if !literal.prefix {
                let field = self.news.fields.entity(label);
                let spellings = spellings_of(self.news, field, &literal.phrase);
                if spellings.len() > 1 {
                    respelt = Some(any_spelling(field, &spellings, literal.slop));
                }
                if sought {
                    for spelling in spellings {
                        self.highlight.names.push((label, spelling));
                    }
                }
            }
            // A phrase ending in a prefix (`"Vladimir Put"*`) ranks by its
            // whole words: the cut one is some other word ("put").
            let whole = if literal.prefix {
                literal
                    .phrase
                    .trim_end()
                    .rsplit_once(char::is_whitespace)
                    .map_or("", |(whole, _)| whole)
            } else {
                &literal.phrase
            };
            name = Some(whole.to_string());
        }
        let query = self
            .parser
            .build_query_from_user_input_ast(UserInputAst::Leaf(Box::new(leaf)))
            .map_err(|e| query::explain_parser_error(&e))?;
        if let Some(name) = name {
            // `person:ONeill` finds "Martin O'Neill" too, as `--person` does.
            let query = match respelt {
                Some(respelt) => Box::new(BooleanQuery::new(vec![
                    (Occur::Should, query),
                    (Occur::Should, respelt),
                ])),
                None => query,
            };
            return Ok(self.ranked_as_words(query, &name));
        }
        if let Some(phrase) = phrase {
            self.highlight.phrases.push(phrase);
        } else if sought {
            query.query_terms(&mut |term, _| {
                if term.field() == text
                    && let Some(word) = term.value().as_str()
                    && !is_paired_term(word)
                {
                    self.highlight.terms.insert(word.to_string());
                }
            });
        }
        Ok(Node::parsed(query))
    }

    /// An entity field's leaf (`person:Blair`), matching as the field does
    /// and ranking as its name's words: scored with BM25 on the name field,
    /// whose length norm favours short name lists, it put reader comments
    /// naming a bare "Blair" above every story about Tony Blair, as the
    /// `--person` filter did before [`names_as_words`]. A leaf of its own,
    /// so the ranking words stay optional wherever the leaf stands.
    fn ranked_as_words(&self, chooser: Box<dyn Query>, name: &str) -> Node {
        let Some(words) = names_as_words(self.news, self.searcher, [name]) else {
            return Node::parsed(chooser);
        };
        Node::Leaf(ranked_by(chooser, words))
    }

    /// Refuses a phrase with a slop that holds more than
    /// [`MAX_SLOPPY_PHRASE_TERMS`] terms. tantivy matches such a phrase by
    /// carrying every way its terms can stand within the slop, and the
    /// ways multiply with each term that stands often in a passage: on BBC
    /// news, sixteen `the`s with `~100` took gigabytes (one request killed
    /// the server), while six terms cost milliseconds at any slop.
    ///
    /// An exact phrase costs a posting reader per term: on BBC and Reuters
    /// news 64 `the`s take 0.08 s and 27 MB, 1,000 (what a 4 KiB URL holds)
    /// 0.9 s and 258 MB, so [`MAX_PHRASE_TERMS`] bounds every phrase; a
    /// quote of more words is found by a distinctive part of it.
    fn check_phrase(
        &self,
        field: Option<&str>,
        phrase: &str,
        slop: u32,
    ) -> std::result::Result<(), String> {
        let Some(field) = self.text_field(field) else {
            return Ok(());
        };
        let terms = analyze(self.news, field, phrase).len();
        if terms > MAX_PHRASE_TERMS {
            return Err(format!(
                "the phrase \"{}\" has {terms} terms; a phrase may hold at most \
                 {MAX_PHRASE_TERMS}: search a distinctive part of it",
                crate::error::shown_start(phrase)
            ));
        }
        if slop > 0 && terms > MAX_SLOPPY_PHRASE_TERMS {
            return Err(format!(
                "the phrase \"{phrase}\" has {terms} terms; a phrase with a slop (~N) may hold at \
                 most {MAX_SLOPPY_PHRASE_TERMS}: drop some words, or the slop to match it exactly"
            ));
        }
        Ok(())
    }

    /// The entity type whose field a literal names (`person:`); `None`
    /// for any other field, or none.
    fn entity_label(&self, name: Option<&str>) -> Option<EntityLabel> {
        let field = self.news.index.schema().get_field(name?).ok()?;
        [
            EntityLabel::Person,
            EntityLabel::Organization,
            EntityLabel::Location,
            EntityLabel::Misc,
        ]
        .into_iter()
        .find(|&label| self.news.fields.entity(label) == field)
    }

    /// The text field a literal searches (the passage text for the default
    /// fields, whose analyzers keep and drop the same words); `None` for
    /// another field.
    fn text_field(&self, name: Option<&str>) -> Option<Field> {
        let f = self.news.fields;
        let Some(name) = name else {
            return Some(f.text);
        };
        let field = self.news.index.schema().get_field(name).ok()?;
        [f.text, f.title, f.person, f.org, f.place, f.misc]
            .contains(&field)
            .then_some(field)
    }
}

/// Whether a leaf is looked for or excluded (under a `-`, `NOT` at any
/// depth): excluded words are not highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Polarity {
    Sought,
    Excluded,
}

impl Node {
    /// A leaf as the parser built it, as the tree it held before: a word
    /// over several fields is a clause of alternatives, and a leaf without
    /// terms (punctuation) is an empty clause, trimmed later.
    fn parsed(query: Box<dyn Query>) -> Node {
        if query.downcast_ref::<EmptyQuery>().is_some() {
            return Node::Clause(Vec::new());
        }
        match query.downcast_ref::<BooleanQuery>() {
            Some(clauses) => Node::Clause(
                clauses
                    .clauses()
                    .iter()
                    .map(|(occur, query)| (*occur, Node::parsed(query.box_clone())))
                    .collect(),
            ),
            None => Node::Leaf(query),
        }
    }

    fn boost(self, boost: Score) -> Node {
        if (boost - 1.0).abs() < Score::EPSILON {
            self
        } else {
            Node::Boost(Box::new(self), boost)
        }
    }

    /// Whether the tree only excludes (tantivy refuses such a query).
    fn all_negative(&self) -> bool {
        match self {
            Node::Leaf(_) | Node::Unindexed(_) => false,
            Node::Boost(node, _) => node.all_negative(),
            Node::Clause(clauses) => clauses
                .iter()
                .all(|(occur, node)| *occur == Occur::MustNot || node.all_negative()),
        }
    }

    /// Clauses pulled up into a parent with the same occurrence (all
    /// required or all optional), as tantivy's parser simplifies them; and
    /// a required clause that only excludes, pulled up into its parent's
    /// exclusions. tantivy reads `Syria AND NOT Moscow` as "Syria, and a
    /// clause that excludes Moscow", and such a clause matches nothing:
    /// the query found nothing, where `Syria NOT Moscow` worked.
    fn simplify(self) -> Node {
        let Node::Clause(clauses) = self else {
            return self;
        };
        let mut flat = Vec::new();
        for (occur, node) in clauses {
            match node.simplify() {
                Node::Clause(inner)
                    if matches!(occur, Occur::Must | Occur::Should)
                        && inner.iter().all(|(o, _)| *o == occur) =>
                {
                    flat.extend(inner);
                }
                Node::Clause(inner)
                    if occur == Occur::Must
                        && !inner.is_empty()
                        && inner.iter().all(|(o, _)| *o == Occur::MustNot) =>
                {
                    flat.extend(inner);
                }
                node => flat.push((occur, node)),
            }
        }
        Node::Clause(required_alternatives(flat))
    }

    /// Whether nothing is left of the tree once empty clauses are trimmed.
    fn is_empty(&self) -> bool {
        match self {
            Node::Clause(clauses) => clauses.iter().all(|(_, node)| node.is_empty()),
            Node::Boost(..) | Node::Leaf(_) | Node::Unindexed(_) => false,
        }
    }

    /// The word the index cannot hold that leaves the tree nothing to
    /// match: a required one, or one in each alternative when none is
    /// required. `None` when the tree may match (or matches nothing for
    /// another reason).
    fn unmatchable_for(&self) -> Option<&str> {
        match self {
            Node::Unindexed(word) => Some(word),
            Node::Leaf(_) => None,
            Node::Boost(node, _) => node.unmatchable_for(),
            Node::Clause(clauses) => {
                let clauses = || clauses.iter().filter(|(_, node)| !node.is_empty());
                let of = |occur| clauses().filter(move |(o, _)| *o == occur);
                if of(Occur::Must).next().is_some() {
                    return of(Occur::Must).find_map(|(_, node)| node.unmatchable_for());
                }
                let mut words = of(Occur::Should).map(|(_, node)| node.unmatchable_for());
                let first = words.next()??;
                words.all(|word| word.is_some()).then_some(first)
            }
        }
    }

    /// The query, without empty clauses; `None` when nothing is left. As
    /// in tantivy's parser, a boosted empty clause is kept and matches
    /// nothing.
    fn into_query(self) -> Option<Box<dyn Query>> {
        match self {
            Node::Leaf(query) => Some(query),
            Node::Unindexed(_) => Some(Box::new(EmptyQuery)),
            Node::Boost(node, boost) => {
                let query = node.into_query().unwrap_or_else(|| Box::new(EmptyQuery));
                Some(Box::new(BoostQuery::new(query, boost)))
            }
            Node::Clause(clauses) => {
                // Excluded clauses are wrapped: see `exclusion.rs`.
                let clauses: Vec<(Occur, Box<dyn Query>)> = clauses
                    .into_iter()
                    .filter_map(|(occur, node)| {
                        let query = node.into_query()?;
                        Some(match occur {
                            Occur::MustNot => (occur, Box::new(Excluded::new(query)) as _),
                            _ => (occur, query),
                        })
                    })
                    .collect();
                (!clauses.is_empty())
                    .then(|| -> Box<dyn Query> { Box::new(BooleanQuery::new(clauses)) })
            }
        }
    }
}

/// `clauses` with its alternatives made one required group when other
/// clauses are required: tantivy's grammar reads `Putin OR Medvedev
/// Ukraine` as "Ukraine, and Putin or Medvedev if they are there", which
/// found every passage about Ukraine. Words are all required unless OR is
/// written (`set_conjunction_by_default`), so alternatives beside required
/// words are what OR joined: `(Putin OR Medvedev) Ukraine`.
fn required_alternatives(clauses: Vec<(Occur, Node)>) -> Vec<(Occur, Node)> {
    let has = |wanted: Occur| clauses.iter().any(|(occur, _)| *occur == wanted);
    if !(has(Occur::Must) && has(Occur::Should)) {
        return clauses;
    }
    let (alternatives, mut rest): (Vec<_>, Vec<_>) = clauses
        .into_iter()
        .partition(|(occur, _)| *occur == Occur::Should);
    rest.push((Occur::Must, Node::Clause(alternatives)));
    rest
}

fn query_parser(news: &NewsIndex) -> QueryParser {
    let f = news.fields;
    // Queries analyse words as `schema::Side::Query` does.
    let mut parser = QueryParser::new(
        news.index.schema(),
        vec![f.text, f.title, f.person, f.org, f.place, f.misc],
        crate::schema::query_tokenizers(),
    );
    parser.set_conjunction_by_default();
    for field in [f.title, f.person, f.org, f.place, f.misc] {
        parser.set_field_boost(field, field_boost(&f, field));
    }
    parser
}

/// How much a match in `field` counts, for parsed and fuzzy words alike.
fn field_boost(f: &Fields, field: Field) -> Score {
    if field == f.title {
        TITLE_BOOST
    } else if [f.person, f.org, f.place, f.misc].contains(&field) {
        ENTITY_BOOST
    } else {
        1.0
    }
}

/// `query` boosted, as tantivy's parser boosts: not at all for a boost of 1.
fn boosted(query: Box<dyn Query>, boost: Score) -> Box<dyn Query> {
    if (boost - 1.0).abs() < Score::EPSILON {
        query
    } else {
        Box::new(BoostQuery::new(query, boost))
    }
}

/// The first word of `text` that the index cannot hold: one that `field`'s
/// analyzer drops for its length (`schema.rs` sets the limit).
///
/// Both analyzers split words with [`WordTokenizer`] and drop no other
/// words, so a word of that tokenizer that leaves no term is one (a pair
/// of Chinese characters never is).
fn unindexed_word(news: &NewsIndex, field: Field, text: &str) -> Option<String> {
    let mut words = WordTokenizer::default();
    let mut stream = words.token_stream(text);
    while let Some(word) = stream.next() {
        if analyze(news, field, &word.text).is_empty() {
            return Some(word.text.clone());
        }
    }
    None
}

/// Why a query that requires an unindexed word is refused, and what to do.
fn unindexed_word_problem(word: &str) -> String {
    format!(
        "no passage can match `{word}`: it is {} bytes long, longer than the words the index \
         keeps; leave it out (in a phrase, `\"a b\"~1` lets any one word stand between a and b)",
        word.len()
    )
}

/// The indexed terms a field's tokenizer makes of `text`.
pub(crate) fn analyze(news: &NewsIndex, field: Field, text: &str) -> Vec<String> {
    let Some(mut analyzer) = crate::schema::query_analyzer(&news.index, field) else {
        return Vec::new();
    };
    crate::schema::terms(&mut analyzer, text)
}

/// Matches a name anywhere in a canonical entity name of one type, as a
/// phrase: `Putin` and `Vladimir Putin` both match "Vladimir Putin". The
/// name is first made what the index holds (`Aliyev's` -> `Aliyev`,
/// `US` -> `United States`), as mentions were.
fn name_query(news: &NewsIndex, label: EntityLabel, given: &str) -> Result<Box<dyn Query>> {
    let field = news.fields.entity(label);
    let name = &canonical::query_name(label, given);
    if let Some(word) = unindexed_word(news, field, name) {
        return Err(Error::InvalidName {
            name: given.to_string(),
            reason: unindexed_word_problem(&word),
        });
    }
    let terms = analyze(news, field, name);
    if terms.is_empty() {
        return Err(Error::InvalidName {
            name: given.to_string(),
            reason: format!(
                "the {} filter needs a name with letters or digits",
                news.index.schema().get_field_name(field)
            ),
        });
    }
    Ok(any_spelling(field, &spellings_of(news, field, name), 0))
}

/// The terms of `name` in the name field `field`, first as given, then
/// as its other spellings ([`name_spellings::spellings`]: "oneill" as "o
/// neill"; and its words written another way,
/// [`query::respelling::respelt_words`]: "WalMart" as "Wal Mart").
fn spellings_of(news: &NewsIndex, field: Field, name: &str) -> Vec<Vec<String>> {
    let mut all = name_spellings::spellings(&analyze(news, field, name));
    if let Some(respelt) = query::respelling::respelt_words(name) {
        for spelling in name_spellings::spellings(&analyze(news, field, &respelt)) {
            if !spelling.is_empty() && !all.contains(&spelling) {
                all.push(spelling);
            }
        }
    }
    all
}

/// Names holding one of `spellings` (each the terms of a name) together in
/// `field`, each a phrase with `slop`.
fn any_spelling(field: Field, spellings: &[Vec<String>], slop: u32) -> Box<dyn Query> {
    let mut spellings: Vec<(Occur, Box<dyn Query>)> = spellings
        .iter()
        .filter(|spelling| !spelling.is_empty())
        .map(|spelling| {
            let mut terms: Vec<Term> = spelling
                .iter()
                .map(|t| Term::from_field_text(field, t))
                .collect();
            let query: Box<dyn Query> = if terms.len() == 1 {
                Box::new(TermQuery::new(terms.remove(0), IndexRecordOption::Basic))
            } else {
                let mut phrase = PhraseQuery::new(terms);
                phrase.set_slop(slop);
                Box::new(phrase)
            };
            (Occur::Should, query)
        })
        .collect();
    match spellings.len() {
        0 => Box::new(EmptyQuery),
        1 => spellings.remove(0).1,
        _ => Box::new(BooleanQuery::new(spellings)),
    }
}

/// The widest `[since, until]`, in days, that [`mentioned_date_query`]
/// looks up in the inverted index rather than in the date columns.
///
/// A column range scans every passage's dates in blocks, however few
/// passages the text matches; the inverted index reads only the postings of
/// the days, months and years inside the range, and a bounded range holds
/// few of them. At 10x, a month, a year or a decade took 0.54-0.72 times the
/// column's time; a century, or an open end, reads thousands of day terms
/// and took up to 1.4 times as long on a small index, so those keep the
/// column.
const INVERTED_RANGE_MAX_DAYS: i64 = 3_660;

/// Passages mentioning any date that overlaps `[since, until]`: a day
/// inside the range, a month touching it or a year touching it.
fn mentioned_date_query(
    fields: &Fields,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Box<dyn Query> {
    let narrow = is_narrow(since, until);
    Box::new(BooleanQuery::new(
        MENTIONED_DATES
            .iter()
            .map(|&(unit, widened)| {
                let start = |d: NaiveDate| unit.start_of(d);
                let field = fields.mentioned_date(unit, widened);
                let range = date_range_query(field, since.map(start), until.map(start), narrow);
                (Occur::Should, range)
            })
            .collect(),
    ))
}

/// Whether a range is bounded and short enough for the inverted index
/// ([`INVERTED_RANGE_MAX_DAYS`]).
fn is_narrow(since: Option<NaiveDate>, until: Option<NaiveDate>) -> bool {
    match (since, until) {
        (Some(since), Some(until)) => (until - since).num_days() <= INVERTED_RANGE_MAX_DAYS,
        _ => false,
    }
}

/// The passages whose date field `field` holds a date in `[lower, upper]`
/// (`None` an open side), read from the inverted index when `narrow`,
/// else from the column.
fn date_range_query(
    field: Field,
    lower: Option<NaiveDate>,
    upper: Option<NaiveDate>,
    narrow: bool,
) -> Box<dyn Query> {
    let bound = |d: Option<NaiveDate>| match d {
        Some(d) => Bound::Included(Term::from_field_date(field, day(d))),
        None => Bound::Unbounded,
    };
    let (lower, upper) = (bound(lower), bound(upper));
    if narrow {
        Box::new(InvertedIndexRangeQuery::new(lower, upper))
    } else {
        Box::new(RangeQuery::new(lower, upper))
    }
}

/// The passages that mention a day, a week, a month or a year lying
/// inside the range (`None` for a range none can lie inside; a week by
/// its days, so one straddling an end counts, while a quarter, a half or
/// a decade, widened to months or years, says too little of them): ranked above those whose dates only overlap it, since "2024"
/// overlaps December 2024 but says nothing of what happened in it. Of
/// the passages of BBC and Reuters a range of March 1987 found, 62 %
/// mentioned no date inside it, most of them "1987" alone.
fn dates_inside_query(
    fields: &Fields,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Option<Box<dyn Query>> {
    let fields_inside = [
        (Unit::Day, false),
        (Unit::Day, true),
        (Unit::Month, false),
        (Unit::Year, false),
    ];
    let inside: Vec<(Occur, Box<dyn Query>)> = fields_inside
        .into_iter()
        .filter_map(|(unit, widened)| {
            let (first, last) = unit.wholly_inside(since, until)?;
            let field = fields.mentioned_date(unit, widened);
            let narrow = is_narrow(since, until);
            Some((Occur::Should, date_range_query(field, first, last, narrow)))
        })
        .collect();
    if inside.is_empty() {
        return None;
    }
    let any: Box<dyn Query> = Box::new(BooleanQuery::new(inside));
    Some(Box::new(ConstScoreQuery::new(any, DATE_INSIDE_BOOST)))
}

/// Parses a user's date: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` meaning their
/// first day (`Bound::Lower`) or last day (`Bound::Upper`), a week or
/// quarter as a timeline labels it (`2024-W52`, `2024-Q4`), or a date with
/// its year in words (`December 2024`), meaning the same.
pub fn parse_user_date(input: &str, side: DateSide) -> Result<NaiveDate> {
    refuse_ambiguous_day_and_month(input)?;
    numeric_date(input, side).or_else(|error| {
        bucket_label_date(input, side)
            .or_else(|| written_date(input, side))
            .ok_or(error)
    })
}

/// A week or quarter as `timeline` labels its buckets (`2024-W52`,
/// `2024-Q4`; a half, `2024-H2`, as TIMEX3 writes it): a timeline's bar
/// is copied into `--since`/`--until` to read its passages, and was
/// refused.
fn bucket_label_date(input: &str, side: DateSide) -> Option<NaiveDate> {
    let label = input.trim().to_ascii_uppercase();
    let (year, unit) = label.split_once('-')?;
    let number = unit.get(1..)?;
    let well_formed = year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && matches!(unit.as_bytes().first(), Some(b'W' | b'Q' | b'H'))
        && (1..=2).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit());
    if !well_formed {
        return None;
    }
    let (first, last) = crate::dates::value::calendar_span(&label)?;
    Some(match side {
        DateSide::First => first,
        DateSide::Last => last,
    })
}

/// `03/01/1987` is 1 March in the United States and 3 January elsewhere;
/// the date tagger reads it the American way, so a European user's filter
/// silently covered other months. Refused, with both readings written out
/// (`25/12/2024` and `12/25/2024` are no question and pass).
fn refuse_ambiguous_day_and_month(input: &str) -> Result<()> {
    let parts: Vec<&str> = input.trim().split('/').collect();
    let [first, second, year] = parts.as_slice() else {
        return Ok(());
    };
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (Some(a), Some(b)) = (number(first), number(second)) else {
        return Ok(());
    };
    let Ok(year) = year.parse::<i32>() else {
        return Ok(());
    };
    let (Some(us), Some(other)) = (
        NaiveDate::from_ymd_opt(year, a, b),
        NaiveDate::from_ymd_opt(year, b, a),
    ) else {
        return Ok(());
    };
    if us == other {
        return Ok(());
    }
    Err(Error::InvalidDate {
        input: input.to_string(),
        reason: format!(
            "day and month could be either way round: write {us} or {other} (YYYY-MM-DD)"
        ),
    })
}

/// A date written in words, as a query's dates are read
/// (`query::written_dates`): `December 2024`, `25 Dec 2024`, `the fourth
/// quarter of 1987`, `the 1990s`. Only one with its year: `yesterday` has
/// no day here.
fn written_date(input: &str, side: DateSide) -> Option<NaiveDate> {
    let input = input.trim();
    // The tagger reads a month only capitalised ("may" and "march" in
    // prose are words), but a date filter holds nothing else, and
    // `--since "december 2024"` was refused.
    tagged_date(input, side).or_else(|| tagged_date(&words_capitalised(input), side))
}

/// `input` as one date expression, its whole text.
fn tagged_date(input: &str, side: DateSide) -> Option<NaiveDate> {
    let [expression] = crate::dates::tag(input, None).try_into().ok()?;
    if expression.kind != crate::dates::TimexType::Date || expression.text != input {
        return None;
    }
    let (first, last) = crate::dates::value::calendar_span(&expression.value)?;
    Some(match side {
        DateSide::First => first,
        DateSide::Last => last,
    })
}

/// Each word of `text` with its first letter in capitals: `dec. 25 2024`
/// is `Dec. 25 2024`.
fn words_capitalised(text: &str) -> String {
    let mut capitalised = String::with_capacity(text.len());
    let mut starts_word = true;
    for c in text.chars() {
        if starts_word {
            capitalised.extend(c.to_uppercase());
        } else {
            capitalised.push(c);
        }
        starts_word = c.is_whitespace();
    }
    capitalised
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (or with slashes: `YYYY/MM/DD`).
fn numeric_date(input: &str, side: DateSide) -> Result<NaiveDate> {
    let bad = || Error::InvalidDate {
        input: input.to_string(),
        reason: crate::error::DATE_FORMS.to_string(),
    };
    let input_trimmed = input.trim();
    // One separator throughout: `2024/12/25` as paths and spreadsheets
    // write it, but not `2024/12-25`.
    let separator = if input_trimmed.contains('/') {
        '/'
    } else {
        '-'
    };
    if separator == '/' && input_trimmed.contains('-') {
        return Err(bad());
    }
    let parts: Vec<&str> = input_trimmed.split(separator).collect();
    let num = |s: &str| s.parse::<u32>().map_err(|_| bad());
    // Four digits: `24-12` or `5` meant December 2024 or the fifth, not
    // the years 24 and 5, which matched nearly every dated passage.
    let year = parts
        .first()
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(bad)?
        .parse::<i32>()
        .map_err(|_| bad())?;
    // The form is right; the calendar has no such month (`2005-13-01`),
    // or the day was written before it (`2024-25-12`).
    if parts.len() <= 3
        && let Some(month) = parts.get(1).and_then(|m| m.parse::<u32>().ok())
        && !(1..=12).contains(&month)
    {
        let turned = parts
            .get(2)
            .and_then(|day| NaiveDate::from_ymd_opt(year, num(day).ok()?, month));
        return Err(Error::InvalidDate {
            input: input.to_string(),
            reason: match turned {
                Some(date) => format!("no such month: {month}: write the month first, {date}"),
                None => format!("no such month: {month} (months are 1 to 12)"),
            },
        });
    }
    let date = match (parts.len(), side) {
        (3, _) => {
            let (month, day) = (num(parts[1])?, num(parts[2])?);
            // The form is right; the calendar has no such day (`2024-02-30`).
            let date = NaiveDate::from_ymd_opt(year, month, day);
            if date.is_none() && (1..=12).contains(&month) {
                return Err(Error::InvalidDate {
                    input: input.to_string(),
                    reason: format!("no such day: month {month} of {year} has no day {day}"),
                });
            }
            date
        }
        (2, DateSide::First) => NaiveDate::from_ymd_opt(year, num(parts[1])?, 1),
        (2, DateSide::Last) => NaiveDate::from_ymd_opt(year, num(parts[1])?, 1)
            .map(|first| crate::dates::value::Unit::Month.end_of(first)),
        (1, DateSide::First) => NaiveDate::from_ymd_opt(year, 1, 1),
        (1, DateSide::Last) => NaiveDate::from_ymd_opt(year, 12, 31),
        _ => None,
    };
    date.filter(|d| (1..=9999).contains(&d.year()))
        .ok_or_else(bad)
}

/// Which end of a partial date (`2024-12`) a user means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSide {
    First,
    Last,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text query for `query`, or the message refusing it.
    fn text_query(news: &NewsIndex, query: &str) -> std::result::Result<Box<dyn Query>, String> {
        let rewritten = query::rewrite(query).map_err(|p| p.message)?;
        let searcher = news.searcher().unwrap();
        TextQueryBuilder::new(news, &searcher)
            .build(&rewritten)
            .map_err(|problem| match problem {
                BuildProblem::Invalid(reason) => reason,
                BuildProblem::Index(e) => e.to_string(),
            })
    }

    /// Asserts that `query` builds as tantivy's parser builds `same`, or
    /// that both are refused with the same message.
    fn assert_builds_as(news: &NewsIndex, query: &str, same: &str) {
        let theirs = query_parser(news)
            .parse_query(same)
            .map_err(|e| query::explain_parser_error(&e));
        let ours = text_query(news, query);
        assert_eq!(format!("{ours:?}"), format!("{theirs:?}"), "{query}");
    }

    #[test]
    fn a_phrase_holds_at_most_64_terms_and_six_with_a_slop() {
        let dir = tempfile::tempdir().unwrap();
        let news = NewsIndex::open_or_create(dir.path()).unwrap();
        let the = |n: usize| format!("\"{}\"", vec!["the"; n].join(" "));
        // (query, the limit it passes or breaks, refused)
        let cases = [
            ("\"the the the the the the\"~100".to_string(), 6, false),
            ("\"the the the the the the the\"~100".to_string(), 6, true),
            ("title:\"a b c d e f g\"~1".to_string(), 6, true),
            ("crash OR \"a b c d e f g h\"~2".to_string(), 6, true),
            ("\"Aliyev's plane\"~5".to_string(), 6, false),
            // Without a slop, a phrase is matched exactly, up to 64 terms.
            (the(64), 64, false),
            (the(65), 64, true),
            (format!("crash -{}", the(100)), 64, true),
            (format!("title:{}", the(100)), 64, true),
            // Words one after the other are no phrase; one word cut into
            // terms is.
            (vec!["the"; 100].join(" "), 64, false),
            (vec!["the"; 100].join("-"), 64, true),
        ];
        for (query, limit, refused) in cases {
            let built = text_query(&news, &query);
            assert_eq!(built.is_err(), refused, "{query}: {built:?}");
            if let Err(message) = built {
                assert!(message.contains(&format!("at most {limit}")), "{message}");
            }
        }
    }

    #[test]
    fn queries_without_fuzzy_words_build_as_tantivys_parser_builds_them() {
        let dir = tempfile::tempdir().unwrap();
        let news = NewsIndex::open_or_create(dir.path()).unwrap();
        for query in [
            "crash",
            "plane crash",
            "crash OR accident",
            "(crash OR accident) Baku",
            "a OR (b OR c) OR d",
            "crash -drone",
            "crash NOT drone",
            "\"plane crash\"~2 title:crash^2",
            "(a b)^3 OR c",
            "title:(plane crash)",
            "crash published:2024-12",
            "crash date:[2024-12-20 TO *]",
            "x -(a b)",
            // Not `* -crash`: `*` is every passage, without the record an
            // empty file leaves, which the parser's `AllQuery` holds.
            "crash ™",
            "crash ™^2",
            "Reagan's budget",
            "-crash",
            "-a -b",
            "title:",
            "nope:crash",
        ] {
            assert_builds_as(&news, query, &query::rewrite(query).unwrap());
        }
    }

    #[test]
    fn a_range_without_a_field_says_which_fields_take_one() {
        let dir = tempfile::tempdir().unwrap();
        let news = NewsIndex::open_or_create(dir.path()).unwrap();
        for query in ["[a TO b]", "oil >5", "oil <=2024"] {
            let message = text_query(&news, query).err();
            assert!(
                message
                    .as_deref()
                    .is_some_and(|m| m.contains("needs a date field") && m.contains("date:[")),
                "{query}: {message:?}"
            );
        }
    }

    #[test]
    fn a_wildcard_in_a_word_is_refused_with_what_to_write_instead() {
        let dir = tempfile::tempdir().unwrap();
        let news = NewsIndex::open_or_create(dir.path()).unwrap();
        for query in ["Khodorkov*", "title:privati*", "*il", "o*l", "crash -Boe*"] {
            let message = text_query(&news, query).err();
            assert!(
                message
                    .as_deref()
                    .is_some_and(|m| m.contains("no wildcards") && m.contains("~2")),
                "{query}: {message:?}"
            );
        }
        for query in ["*", "* -crash", "\"plane cra\"*", "crash"] {
            assert!(text_query(&news, query).is_ok(), "{query}");
        }
    }

    #[test]
    fn or_beside_required_words_is_one_required_group() {
        let dir = tempfile::tempdir().unwrap();
        let news = NewsIndex::open_or_create(dir.path()).unwrap();
        // (query, the query tantivy's parser reads the same way)
        for (query, same) in [
            ("Putin OR Medvedev Kremlin", "Kremlin (Putin OR Medvedev)"),
            ("a b OR c d", "a d (b OR c)"),
            ("(zebra OR zebra) budget", "budget (zebra)"),
            ("+a b OR c", "a (b OR c)"),
        ] {
            assert_builds_as(&news, query, same);
        }
    }

    #[test]
    fn and_not_excludes_as_a_minus_sign_does() {
        let dir = tempfile::tempdir().unwrap();
        let news = NewsIndex::open_or_create(dir.path()).unwrap();
        // (query, the query tantivy's parser reads the same way)
        for (query, same) in [
            ("Damascus AND NOT Moscow", "Damascus -Moscow"),
            ("a AND NOT b OR c", "(a -b) OR c"),
            (
                "crash AND NOT (drone OR Boeing)",
                "crash -(drone OR Boeing)",
            ),
            ("a AND NOT b AND NOT c", "a -b -c"),
        ] {
            assert_builds_as(&news, query, same);
        }
    }

    #[test]
    fn a_word_the_index_cannot_hold_matches_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let news = NewsIndex::open_or_create(dir.path()).unwrap();
        let limit = crate::schema::WORD_BYTES_LIMIT;
        let (kept, long) = ("k".repeat(limit - 1), "l".repeat(limit));
        // (query, refused because nothing can match)
        let cases = [
            (kept.clone(), false),
            (long.clone(), true),
            (format!("a {long}"), true),
            (format!("a AND title:{long}"), true),
            (format!("a ({long})^2"), true),
            (format!("a \"b {long} c\""), true),
            (format!("a b-{long}"), true),
            (format!("a {long}~1"), true),
            (format!("({long} OR {long}s) a"), true),
            (format!("a OR {long}"), false),
            (format!("a -{long}"), false),
            (format!("(a OR \"b {long}\") c"), false),
        ];
        for (query, refused) in cases {
            let built = text_query(&news, &query);
            assert_eq!(built.is_err(), refused, "{query}: {built:?}");
        }
    }

    /// The text terms, phrases (quoted, with their slop) and fuzzy words
    /// highlighted for `query`, sorted.
    fn highlighted(news: &NewsIndex, query: &str) -> Vec<String> {
        let rewritten = query::rewrite(query).unwrap();
        let searcher = news.searcher().unwrap();
        let mut builder = TextQueryBuilder::new(news, &searcher);
        builder.build(&rewritten).unwrap();
        let Highlight {
            terms,
            phrases,
            fuzzy,
            ..
        } = builder.highlight;
        let mut words: Vec<String> = terms.into_iter().collect();
        words.extend(phrases.into_iter().map(|phrase| {
            let terms: Vec<String> = phrase.terms.into_iter().map(|(_, term)| term).collect();
            match phrase.slop {
                0 => format!("\"{}\"", terms.join(" ")),
                slop => format!("\"{}\"~{slop}", terms.join(" ")),
            }
        }));
        words.extend(
            fuzzy
                .into_iter()
                .map(|w| format!("{}~{}", w.word, w.distance)),
        );
        words.sort();
        words
    }

    #[test]
    fn only_words_looked_for_are_highlighted() {
        let dir = tempfile::tempdir().unwrap();
        let news = NewsIndex::open_or_create(dir.path()).unwrap();
        let cases: &[(&str, &[&str])] = &[
            ("plane crash", &["crash", "plane"]),
            ("\"plane crash\"", &["\"plane crash\""]),
            ("\"plane crash\"~2", &["\"plane crash\"~2"]),
            ("\"crash\"", &["crash"]),
            ("Blair's budget", &["\"blair s\"", "budget"]),
            ("9/11", &["\"9 11\""]),
            (
                "al-Assad e-mail",
                &["\"al assad\"", "\"e mail\"", "alassad", "email"],
            ),
            ("US G-7 -UK", &["\"g 7\"", "\"u s\"", "g7", "us"]),
            ("crash OR \"plane crash\"", &["\"plane crash\"", "crash"]),
            (
                "(\"plane crash\" OR drone) Baku",
                &["\"plane crash\"", "baku", "drone"],
            ),
            ("text:\"plane crash\"", &["\"plane crash\""]),
            ("title:\"plane crash\" Baku", &["baku"]),
            ("\"plane crash\"^2", &["\"plane crash\""]),
            ("crash -Boeing", &["crash"]),
            ("crash NOT Boeing", &["crash"]),
            ("crash -\"Boeing jet\"", &["crash"]),
            ("crash NOT \"Boeing jet\"", &["crash"]),
            ("crash -Blair's", &["crash"]),
            ("crash -(drone -plane)", &["crash"]),
            ("crash OR (drone -Boeing^2)", &["crash", "drone"]),
            ("Asad~1 -Assad~1 -title:Syria", &["Asad~1"]),
            ("title:crash text:plane", &["plane"]),
            ("政策金利 -上海", &["\"政策 策金 金利\""]),
            ("\"上海 市政府\" crash", &["\"上海 市政 政府\"", "crash"]),
            ("京 title:北京 text:东京", &["\"东京\"", "\"京\""]),
            ("iPhone手机", &["\"iphon 手机\""]),
            ("12月30日", &["\"12 月 30 日\""]),
            (
                "\"crash 上海\" 12 12月",
                &["\"12 月\"", "\"crash 上海\"", "12"],
            ),
        ];
        for (query, want) in cases {
            assert_eq!(highlighted(&news, query), *want, "{query}");
        }
    }

    #[test]
    fn user_dates_expand_to_the_side_asked_for() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let cases = [
            ("2024-12-25", DateSide::First, d(2024, 12, 25)),
            ("2024-12", DateSide::First, d(2024, 12, 1)),
            ("2024-12", DateSide::Last, d(2024, 12, 31)),
            ("2024-02", DateSide::Last, d(2024, 2, 29)),
            ("2024", DateSide::Last, d(2024, 12, 31)),
            ("December 2024", DateSide::First, d(2024, 12, 1)),
            ("Dec. 25, 2024", DateSide::Last, d(2024, 12, 25)),
            ("the 1990s", DateSide::Last, d(1999, 12, 31)),
            // Typed in lower case, as people type at a prompt.
            ("december 2024", DateSide::Last, d(2024, 12, 31)),
            ("dec 25 2024", DateSide::First, d(2024, 12, 25)),
            // ISO order with slashes, as file paths and spreadsheets write it.
            ("2024/12/25", DateSide::First, d(2024, 12, 25)),
            ("2024/12", DateSide::Last, d(2024, 12, 31)),
            // Day and month apart only when one of them cannot be a month.
            ("25/12/2024", DateSide::First, d(2024, 12, 25)),
            ("12/25/2024", DateSide::First, d(2024, 12, 25)),
            // A timeline's week and quarter labels, copied from its bars.
            ("2024-Q4", DateSide::First, d(2024, 10, 1)),
            ("2024-q4", DateSide::Last, d(2024, 12, 31)),
            ("2025-W01", DateSide::First, d(2024, 12, 30)),
            ("2024-W52", DateSide::Last, d(2024, 12, 29)),
            ("1987-H1", DateSide::Last, d(1987, 6, 30)),
        ];
        for (input, side, want) in cases {
            assert_eq!(parse_user_date(input, side).unwrap(), want, "{input}");
        }
        for bad in [
            "2024-13",
            "yesterday",
            "December 25",
            "crash in 2024",
            "2024-02-30",
            "",
            "24-12",
            "5",
            "+2024",
            "02024",
            "2024/12-25",
            "2024-Q5",
            "2024-W54",
            "2024-Q",
            "2024-SU",
        ] {
            assert!(parse_user_date(bad, DateSide::First).is_err(), "{bad}");
        }
        // `03/01/1987` is 1 March in the United States and 3 January
        // elsewhere: read silently as one of them, half the users filter
        // on the wrong two months. The message gives both ISO dates.
        let ambiguous = parse_user_date("03/01/1987", DateSide::First).unwrap_err();
        let message = ambiguous.to_string();
        assert!(
            message.contains("1987-03-01") && message.contains("1987-01-03"),
            "{message}"
        );
        // A day the month does not have is named as such, not as a format
        // the user did write.
        let no_day = parse_user_date("2024-02-30", DateSide::First).unwrap_err();
        assert!(no_day.to_string().contains("no such day"), "{no_day}");
        // So is a month the year does not have, and a day written before
        // its month gets the date turned round.
        let months = [
            (
                "2005-13-01",
                "no such month: 13: write the month first, 2005-01-13",
            ),
            ("2005-13-40", "no such month: 13 (months are 1 to 12)"),
            ("2005-13", "no such month: 13 (months are 1 to 12)"),
            (
                "2024-25-12",
                "no such month: 25: write the month first, 2024-12-25",
            ),
        ];
        for (input, reason) in months {
            let error = parse_user_date(input, DateSide::First).unwrap_err();
            assert!(error.to_string().contains(reason), "{input}: {error}");
        }
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever a user types, building the query returns a query or a
        /// typed error; tantivy's parser included, nothing panics.
        #[test]
        fn any_query_builds_or_is_refused(query in "[\\PC\"():\\[\\]{}~*+\\-^ ]{0,60}") {
            builds_or_is_refused(query)?;
        }

        /// Dates written as words beside query syntax (`-(in December
        /// 2024`, `"since 1986" OR`) are read as dates or left as words,
        /// and the query builds or is refused; nothing panics.
        #[test]
        fn written_dates_beside_syntax_build_or_are_refused(
            words in prop::collection::vec(prop::sample::select(vec![
                "in", "since", "before", "December", "Dec.", "25,", "2024", "1987-10-19", "the",
                "1990s", "Q4", "crash", "OR", "-", "(", ")", "\"", "date:", "published:2024",
                "~1", "*", "[2024", "TO", "]",
            ]), 0..12),
            glue in prop::collection::vec(prop::sample::select(vec![" ", ""]), 12),
        ) {
            let mut query = String::new();
            for (word, glue) in words.iter().zip(&glue) {
                query.push_str(word);
                query.push_str(glue);
            }
            builds_or_is_refused(query)?;
        }
    }

    /// Building `query` over an empty index returns a query or a typed
    /// refusal; tantivy's parser included, nothing panics.
    fn builds_or_is_refused(query: String) -> Result<(), TestCaseError> {
        let dir = tempfile::tempdir().unwrap();
        let news = NewsIndex::open_or_create(dir.path()).unwrap();
        let searcher = news.searcher().unwrap();
        let filter = Filter {
            query,
            ..Filter::default()
        };
        match build_query(&news, &searcher, &filter) {
            Ok(_) | Err(Error::InvalidQuery { .. }) => {}
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
        Ok(())
    }
}
