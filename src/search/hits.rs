//! Ranked passages: collect candidates, cap passages per article, collapse
//! near-duplicates, then dress each hit with highlights, copies and context.

use std::collections::HashMap;
use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value as _};
use tantivy::tokenizer::{TextAnalyzer, Token};
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

use super::fuzzy::edit_distance;
use super::{Highlight, SearchRequest, Sort, build_query};
use crate::dates::value::calendar_span;
use crate::dedup::{Signature, SignatureSet, Sketch};
use crate::entities::EntityLabel;
use crate::entities::initials::written_initials;
use crate::error::{Error, Result};
use crate::indexer::{stored_text, to_day};
use crate::query::{DateRange, FuzzyWord, WrittenDate};
use crate::schema::{Fields, article_identity};
use crate::store::NewsIndex;
use crate::tokenizer::is_paired_term;

/// Most copies listed for one hit.
const MAX_DUPLICATES: usize = 100;

/// A ranked passage.
#[derive(Debug, Clone)]
pub struct Hit {
    pub score: f32,
    pub path: String,
    /// The path relative to the corpus root.
    pub source: String,
    /// The article's own id, or a key derived from `source`: with `source`,
    /// it names the article (`schema::article_identity`).
    pub article: String,
    pub title: Option<String>,
    pub url: Option<String>,
    /// The section the article ran in, as its metadata writes it.
    pub section: Option<String>,
    pub published: Option<NaiveDate>,
    pub passage: u64,
    pub line: u64,
    /// Byte range of the passage in its article's text.
    pub start: u64,
    pub end: u64,
    pub text: String,
    /// Byte ranges of `text` that matched the query.
    pub highlights: Vec<Range<usize>>,
    pub entities: Vec<Mention>,
    pub dates: Vec<DateMention>,
    /// Other places the same (or nearly the same) passage appears.
    pub duplicates: Vec<Location>,
    /// Neighbouring passages of the same article, in order.
    pub context: Vec<ContextPassage>,
}

impl Hit {
    /// The canonical names of one label (`PER`, `ORG`, `LOC`, `MISC`) the
    /// passage mentions, sorted, each once.
    pub fn names(&self, label: &str) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .entities
            .iter()
            .filter(|e| e.label == label)
            .map(|e| e.canonical.as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }
}

// The records below serialise into hit records (`output::hits`) with their
// fields in the order declared here, which is alphabetical (by serialised
// name): the order `--fields` output gets from `serde_json` maps, so both
// print the same bytes. A unit test there holds it.

/// An entity mention in a hit; offsets are relative to the passage text.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Mention {
    pub canonical: String,
    pub end: usize,
    pub label: String,
    pub start: usize,
    pub text: String,
}

/// A time expression in a hit; offsets are relative to the passage text.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct DateMention {
    pub end: usize,
    pub start: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
}

/// Where a copy of a passage is. Its article names it within a file of
/// many: a JSON array written on one line gives every article the same
/// path and line, and a copy there read as a copy of the hit itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub article: String,
    pub line: u64,
    pub passage: u64,
    pub path: String,
}

/// A passage next to a hit.
#[derive(Debug, Clone, Serialize)]
pub struct ContextPassage {
    pub line: u64,
    pub passage: u64,
    pub text: String,
}

#[derive(Deserialize)]
struct StoredMentions {
    entities: Vec<Mention>,
    dates: Vec<DateMention>,
}

/// The hits and how many passages matched in all.
#[derive(Debug, Clone)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    pub total: usize,
    /// Hits passed over before the first of `hits` (the request's offset).
    pub offset: usize,
    /// The dates written in the query as words, read as dates too
    /// (`query::written_dates`).
    pub dates_read: Vec<WrittenDate>,
}

/// Runs a search on the last commit of the index.
pub fn search(news: &NewsIndex, request: &SearchRequest) -> Result<SearchResults> {
    let fields = news.fields;
    let searcher = news.searcher()?;
    let built = build_query(news, &searcher, &request.filter)?;
    let ranked = built.ranked();
    // The page's hits are the last of those a longer list would show:
    // the per-article cap and the collapse of copies count the hits
    // passed over too, so a page holds no copy of an earlier page's hit.
    let limit = request.offset.saturating_add(request.limit.max(1));

    // Capping and collapsing drop candidates, so fetch more than asked for
    // and fetch again, wider, when too few survive. A wider search ranks the
    // narrower one's candidates first, so only the new ones are read.
    let bands = request
        .collapse
        .then(|| BandIndex::open(&searcher, &fields))
        .transpose()?;
    let mut want = (limit * 4).max(40);
    let mut selection = Selection::new(request, limit, bands.as_ref());
    let total = loop {
        let (candidates, total) = candidates(&searcher, &*ranked, request.sort, want)?;
        let exhausted = candidates.len() < want;
        selection.extend(&searcher, &fields, &candidates)?;
        if selection.is_full() || exhausted {
            break total;
        }
        want *= 4;
    };
    let hits: Vec<Selected> = selection.kept.into_iter().skip(request.offset).collect();

    let fuzzy = fuzzy_words(news, &built.highlight.fuzzy);
    // Passages are cut as the index cut them, each character of a Chinese,
    // Japanese or Korean run a term too (see `schema::Side`), so a query
    // word's terms stand in them where the search found them.
    let mut analyzer = news
        .index
        .tokenizer_for_field(fields.text)
        .unwrap_or_else(|_| crate::schema::prose_analyzer(crate::schema::Side::Index));
    let mut copy_candidates = match &bands {
        Some(bands) => {
            let signatures: Vec<Option<&Signature>> =
                hits.iter().map(|h| h.signature.as_ref()).collect();
            bands.candidates(&fields, &signatures)?
        }
        None => vec![Vec::new(); hits.len()],
    };
    let mut out = Vec::with_capacity(hits.len());
    for (
        Selected {
            score,
            address,
            doc,
            signature,
        },
        copy_candidates,
    ) in hits.into_iter().zip(copy_candidates.iter_mut())
    {
        let mut hit = hit_from_doc(&fields, &doc, score);
        hit.highlights = highlight(&mut analyzer, &hit.text, &built.highlight, &fuzzy);
        if !built.highlight.names.is_empty() {
            let named = named_mentions(news, &hit, &built.highlight.names);
            hit.highlights = merged(&hit.text, [hit.highlights, named].concat());
        }
        if !built.highlight.dates.is_empty() {
            let dated = dated_mentions(&hit, &built.highlight.dates);
            hit.highlights = merged(&hit.text, [hit.highlights, dated].concat());
        }
        if let Some(own) = &signature {
            copy_candidates.retain(|&other| other != address);
            hit.duplicates = duplicates(&searcher, &fields, copy_candidates, own)?;
        }
        if request.context > 0 {
            hit.context = context(&searcher, &fields, &hit, request.context)?;
        }
        out.push(hit);
    }
    Ok(SearchResults {
        hits: out,
        total,
        offset: request.offset,
        dates_read: built.written_dates,
    })
}

/// The best `want` matches in the requested order, and the match count.
fn candidates(
    searcher: &Searcher,
    query: &dyn Query,
    sort: Sort,
    want: usize,
) -> Result<(Vec<(f32, DocAddress)>, usize)> {
    let top = TopDocs::with_limit(want);
    Ok(match sort {
        Sort::Score => searcher.search(query, &(top.order_by_score(), Count))?,
        Sort::Published => by_date(searcher, query, top, "published", Order::Desc)?,
        Sort::Mentioned => by_date(searcher, query, top, "latest_mention", Order::Desc)?,
        // tantivy's ascending order puts a passage without the date last.
        Sort::Oldest => by_date(searcher, query, top, "published", Order::Asc)?,
    })
}

/// The best matches by the date column `field` in `order` (a passage
/// without the date last), then by relevance: passages of the same day
/// rank by relevance, not by where they happen to stand in the index.
fn by_date(
    searcher: &Searcher,
    query: &dyn Query,
    top: TopDocs,
    field: &str,
    order: Order,
) -> Result<(Vec<(f32, DocAddress)>, usize)> {
    let by_date_then_score = (
        (
            SortByStaticFastValue::<tantivy::DateTime>::for_field(field),
            order,
        ),
        (SortBySimilarityScore, Order::Desc),
    );
    let (docs, total) = searcher.search(query, &(top.order_by(by_date_then_score), Count))?;
    Ok((
        docs.into_iter()
            .map(|((_, score), address)| (score, address))
            .collect(),
        total,
    ))
}

/// Candidates walked in rank order, keeping at most `per_article` passages
/// of an article and the first of each group of near-duplicates.
struct Selection<'a> {
    request: &'a SearchRequest,
    limit: usize,
    /// The near-duplicate bands and sketches, when copies are collapsed.
    bands: Option<&'a BandIndex>,
    kept: Vec<Selected>,
    per_article: HashMap<String, usize>,
    /// The signatures of the kept passages, for finding their copies.
    kept_signatures: SignatureSet,
    /// For each of `kept_signatures`, in order, its passage's article:
    /// its `article_hash` and its identity.
    signed_articles: Vec<(Option<u64>, String)>,
    /// Which kept passages (by signature) passages of one article (by
    /// `article_hash`) collapsed into, by the kept passages' article (by
    /// identity).
    collapsed_into: HashMap<(u64, String), Vec<usize>>,
    /// Articles that are copies of another story (by `article_hash`), and
    /// that story's identity, whose per-article cap they share.
    copy_of: HashMap<u64, String>,
    /// Candidates walked so far.
    walked: usize,
}

impl<'a> Selection<'a> {
    fn new(
        request: &'a SearchRequest,
        limit: usize,
        bands: Option<&'a BandIndex>,
    ) -> Selection<'a> {
        Selection {
            request,
            limit,
            bands,
            kept: Vec::new(),
            per_article: HashMap::new(),
            kept_signatures: SignatureSet::new(),
            signed_articles: Vec::new(),
            collapsed_into: HashMap::new(),
            copy_of: HashMap::new(),
            walked: 0,
        }
    }

    fn is_full(&self) -> bool {
        self.kept.len() >= self.limit
    }

    /// Walks the candidates past those already walked, until full.
    fn extend(
        &mut self,
        searcher: &Searcher,
        fields: &Fields,
        candidates: &[(f32, DocAddress)],
    ) -> Result<()> {
        for &(score, address) in candidates.get(self.walked..).unwrap_or_default() {
            if self.is_full() {
                break;
            }
            self.walked += 1;
            // A sketch equal to a kept one's is a copy without reading it:
            // passages just under the copy threshold have equal sketches a
            // few times in a thousand, unrelated ones practically never.
            let sketch = self.bands.and_then(|b| b.sketch(address));
            let article_hash = self.bands.and_then(|b| b.article(address));
            if let Some(copied) = sketch.and_then(|s| self.kept_signatures.with_sketch(s)) {
                self.note_collapsed(article_hash, copied);
                continue;
            }
            let doc: TantivyDocument = searcher.doc(address)?;
            let signature = self.bands.and_then(|_| signature(fields, &doc));
            if let Some(copied) = signature
                .as_ref()
                .and_then(|s| self.kept_signatures.near_duplicate_of(s))
            {
                self.note_collapsed(article_hash, copied);
                continue;
            }
            let article = article_identity(
                stored_text(&doc, fields.source).unwrap_or_default(),
                stored_text(&doc, fields.article).unwrap_or_default(),
            )
            .into_owned();
            if self.request.per_article > 0 {
                let story = article_hash
                    .and_then(|hash| self.copy_of.get(&hash))
                    .unwrap_or(&article);
                let count = self.per_article.entry(story.clone()).or_default();
                if *count >= self.request.per_article {
                    continue;
                }
                *count += 1;
            }
            // Only a kept passage hides its copies: one left out by the
            // per-article cap must not take its copies elsewhere with it.
            if let Some(signature) = signature {
                self.kept_signatures.insert(signature);
                self.signed_articles.push((article_hash, article));
            }
            self.kept.push(Selected {
                score,
                address,
                doc,
                signature,
            });
        }
        Ok(())
    }

    /// Notes that a passage of the article `article_hash` collapsed into
    /// the `copied`th kept signature's passage. An article two of whose
    /// passages collapse into one other article's is a copy of that story
    /// (the same report filed twice, a wire story run whole): its other
    /// passages count against the story's cap, or a copy would list the
    /// passages the cap left out of the story. One shared paragraph (a
    /// quoted wire paragraph) does not make a copy.
    fn note_collapsed(&mut self, article_hash: Option<u64>, copied: usize) {
        let (Some(hash), Some((kept_hash, story))) =
            (article_hash, self.signed_articles.get(copied))
        else {
            return;
        };
        if *kept_hash == Some(hash) || self.copy_of.contains_key(&hash) {
            return;
        }
        // The kept passage's article may itself be a copy of a story.
        let story = kept_hash
            .and_then(|kept| self.copy_of.get(&kept))
            .unwrap_or(story)
            .clone();
        let into = self
            .collapsed_into
            .entry((hash, story.clone()))
            .or_default();
        // A paragraph the copy repeats is one shared passage, not two.
        if !into.contains(&copied) {
            into.push(copied);
        }
        if into.len() >= 2 {
            self.copy_of.insert(hash, story);
        }
    }
}

/// A candidate kept for the hits.
struct Selected {
    score: f32,
    address: DocAddress,
    doc: TantivyDocument,
    /// Its MinHash signature, when near-duplicates are collapsed: the copy
    /// lookup starts from it.
    signature: Option<Signature>,
}

fn signature(fields: &Fields, doc: &TantivyDocument) -> Option<Signature> {
    stored_text(doc, fields.text).map(Signature::of)
}

/// Of a hit's band candidates, the near-duplicates its signature confirms,
/// as locations.
fn duplicates(
    searcher: &Searcher,
    fields: &Fields,
    candidates: &[DocAddress],
    own: &Signature,
) -> Result<Vec<Location>> {
    let mut copies = Vec::new();
    for &other in candidates {
        let copy: TantivyDocument = searcher.doc(other)?;
        if !signature(fields, &copy).is_some_and(|s| s.is_near_duplicate(own)) {
            continue;
        }
        copies.push(Location {
            article: stored_text(&copy, fields.article)
                .unwrap_or_default()
                .to_string(),
            path: stored_text(&copy, fields.path)
                .unwrap_or_default()
                .to_string(),
            passage: copy
                .get_first(fields.ordinal)
                .and_then(|v| v.as_u64())
                .unwrap_or(0),
            line: copy
                .get_first(fields.line)
                .and_then(|v| v.as_u64())
                .unwrap_or(0),
        });
        if copies.len() >= MAX_DUPLICATES {
            break;
        }
    }
    copies.sort_by(|a, b| (&a.path, a.passage).cmp(&(&b.path, b.passage)));
    Ok(copies)
}

/// Each segment's near-duplicate bands and sketches, opened once per search.
struct BandIndex {
    segments: Vec<SegmentBands>,
}

struct SegmentBands {
    bands: std::sync::Arc<tantivy::InvertedIndexReader>,
    sketches: tantivy::columnar::Column<u64>,
    /// Each passage's `article_hash`: whose copy a collapsed passage is,
    /// without reading it.
    articles: tantivy::columnar::Column<u64>,
    alive: Option<tantivy::fastfield::AliveBitSet>,
}

impl SegmentBands {
    fn sketch(&self, doc: tantivy::DocId) -> Option<Sketch> {
        self.sketches.first(doc).map(Sketch)
    }
}

impl BandIndex {
    fn open(searcher: &Searcher, fields: &Fields) -> Result<BandIndex> {
        let mut segments = Vec::new();
        for segment in searcher.segment_readers() {
            segments.push(SegmentBands {
                bands: segment.inverted_index(fields.minhash_band)?,
                sketches: segment.fast_fields().u64("minhash")?,
                articles: segment.fast_fields().u64("article_hash")?,
                alive: segment.alive_bitset().cloned(),
            });
        }
        Ok(BandIndex { segments })
    }

    /// A passage's sketch; `None` for a document without one (a marker).
    fn sketch(&self, address: DocAddress) -> Option<Sketch> {
        self.segments[address.segment_ord as usize].sketch(address.doc_id)
    }

    /// A passage's `article_hash`.
    fn article(&self, address: DocAddress) -> Option<u64> {
        self.segments[address.segment_ord as usize]
            .articles
            .first(address.doc_id)
    }

    /// For each signature, the live passages that share a band bucket with
    /// it and whose sketch may match it, in index order.
    ///
    /// All the signatures' bands are looked up together, in term order, one
    /// dictionary lookup per distinct band and segment, and their postings
    /// are read block by block: scoring is not needed, and a scored query
    /// would look every band up twice.
    fn candidates(
        &self,
        fields: &Fields,
        signatures: &[Option<&Signature>],
    ) -> Result<Vec<Vec<DocAddress>>> {
        let mut found = vec![Vec::new(); signatures.len()];
        let mut bands: Vec<(u64, usize)> = signatures
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|s| (i, s)))
            .flat_map(|(i, s)| s.bands().map(|band| (band, i)))
            .collect();
        bands.sort_unstable();
        let sketches: Vec<Option<Sketch>> =
            signatures.iter().map(|s| s.map(|s| s.sketch())).collect();
        let mut shared: Vec<Vec<u32>> = vec![Vec::new(); signatures.len()];
        for (ordinal, segment) in self.segments.iter().enumerate() {
            for group in bands.chunk_by(|a, b| a.0 == b.0) {
                let term = Term::from_field_u64(fields.minhash_band, group[0].0);
                let term_info = segment
                    .bands
                    .get_term_info(&term)
                    .map_err(|e| Error::io("reading the near-duplicate bands", e))?;
                let Some(term_info) = term_info else {
                    continue;
                };
                let mut postings = segment
                    .bands
                    .read_block_postings_from_terminfo(&term_info, IndexRecordOption::Basic)
                    .map_err(|e| Error::io("reading the near-duplicate bands", e))?;
                while !postings.docs().is_empty() {
                    for &(_, i) in group {
                        shared[i].extend_from_slice(postings.docs());
                    }
                    postings.advance();
                }
            }
            for (i, docs) in shared.iter_mut().enumerate() {
                let Some(own) = sketches[i] else { continue };
                docs.sort_unstable();
                docs.dedup();
                for &doc in docs.iter() {
                    let live = segment.alive.as_ref().is_none_or(|a| a.is_alive(doc));
                    if live && segment.sketch(doc).is_some_and(|s| own.may_match(&s)) {
                        found[i].push(DocAddress::new(ordinal as u32, doc));
                    }
                }
                docs.clear();
            }
        }
        Ok(found)
    }
}

/// The `n` passages before and after a hit in its article.
fn context(
    searcher: &Searcher,
    fields: &Fields,
    hit: &Hit,
    n: usize,
) -> Result<Vec<ContextPassage>> {
    // `--context` takes any number: the range and the count saturate, and
    // no more passages are fetched than the index holds (`2 * n + 1`
    // overflowed into a collector of impossible size, which panicked).
    let wanted = n.saturating_mul(2).saturating_add(1);
    let wanted = wanted.min(usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX));
    let n = u64::try_from(n).unwrap_or(u64::MAX);
    let lower = Term::from_field_u64(fields.ordinal, hit.passage.saturating_sub(n));
    let upper = Term::from_field_u64(fields.ordinal, hit.passage.saturating_add(n));
    let query = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(fields.article, &hit.article),
                IndexRecordOption::Basic,
            )),
        ),
        // An own article id names one article only within its source.
        (
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(fields.source, &hit.source),
                IndexRecordOption::Basic,
            )),
        ),
        (
            Occur::Must,
            Box::new(RangeQuery::new(
                std::ops::Bound::Included(lower),
                std::ops::Bound::Included(upper),
            )),
        ),
    ]);
    let found = searcher.search(&query, &TopDocs::with_limit(wanted.max(1)).order_by_score())?;
    let mut passages = Vec::new();
    for (_, address) in found {
        let doc: TantivyDocument = searcher.doc(address)?;
        let passage = doc
            .get_first(fields.ordinal)
            .and_then(|v| v.as_u64())
            .unwrap_or(0);
        if passage != hit.passage {
            passages.push(ContextPassage {
                passage,
                line: doc
                    .get_first(fields.line)
                    .and_then(|v| v.as_u64())
                    .unwrap_or(0),
                text: stored_text(&doc, fields.text)
                    .unwrap_or_default()
                    .to_string(),
            });
        }
    }
    passages.sort_by_key(|p| p.passage);
    Ok(passages)
}

/// The byte ranges of `hit`'s entity mentions that an entity filter or an
/// entity field of the query found: a mention of the type whose canonical
/// name, or initials written for it, holds the name's terms together, as
/// the search matches it (`Putin` in "Vladimir Putin"; `SEC` the
/// "Securities and Exchange Commission"'s initials).
fn named_mentions(
    news: &NewsIndex,
    hit: &Hit,
    names: &[(EntityLabel, Vec<String>)],
) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for mention in &hit.entities {
        let mut canonical = None;
        for (label, terms) in names {
            if mention.label != label.as_str() || terms.is_empty() {
                continue;
            }
            let held = canonical.get_or_insert_with(|| {
                let field = news.fields.entity(*label);
                let mut held = vec![super::analyze(news, field, &mention.canonical)];
                if let Some(initials) = written_initials(*label, &mention.text, &mention.canonical)
                {
                    held.push(super::analyze(news, field, initials));
                }
                held
            });
            let named = held
                .iter()
                .any(|name| name.windows(terms.len()).any(|w| w == terms.as_slice()));
            // Offsets come from the index; one that does not fit the text
            // is left out rather than trusted.
            if named && hit.text.get(mention.start..mention.end).is_some() {
                found.push(mention.start..mention.end);
                break;
            }
        }
    }
    found
}

/// The date mentions of `hit` that overlap one of `ranges` (`None` an open
/// side), as the date filters match them.
fn dated_mentions(hit: &Hit, ranges: &[DateRange]) -> Vec<Range<usize>> {
    hit.dates
        .iter()
        .filter(|mention| hit.text.get(mention.start..mention.end).is_some())
        .filter(|mention| {
            calendar_span(&mention.value).is_some_and(|(first, last)| {
                ranges.iter().any(|&(since, until)| {
                    since.is_none_or(|since| last >= since)
                        && until.is_none_or(|until| first <= until)
                })
            })
        })
        .map(|mention| mention.start..mention.end)
        .collect()
}

/// Fuzzy words as the text field's queries analyse them (`al-Assad`: `al`,
/// `assad`), with their distances.
fn fuzzy_words(news: &NewsIndex, fuzzy: &[FuzzyWord]) -> Vec<(Phrase, u8)> {
    let Some(mut analyzer) = crate::schema::query_analyzer(&news.index, news.fields.text) else {
        return Vec::new();
    };
    fuzzy
        .iter()
        .map(|w| (phrase(&mut analyzer, &w.word), w.distance))
        .filter(|(parts, _)| !parts.is_empty())
        .collect()
}

/// Terms, each with its position after the first term's: a word as the
/// search looks for it, the phrase of its terms (`北京、上海`: `北京` at 0,
/// `上海` at 2).
pub(crate) type Phrase = Vec<(usize, String)>;

/// A phrase the search looks for: its terms, and how far they may stand
/// from their places (`"plane crash"~2`), counted as tantivy's phrase query
/// counts it (see [`phrase_span`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SoughtPhrase {
    pub terms: Phrase,
    pub slop: u32,
}

/// The phrase a query literal (a word, or a quoted phrase) is searched as,
/// its terms as `analyzer` (a query analyzer) makes them; `None` for a
/// literal of one term, highlighted wherever it stands.
///
/// tantivy's parser searches a literal of several terms as their phrase
/// (`"plane crash"`, `Blair's`: `blair s`, `9/11`, `12月30日`: `12 月 30
/// 日`), so it is highlighted where its terms stand together, not wherever
/// a `plane`, an `s` or a `9` stands. A term of Chinese, Japanese or
/// Korean characters is matched by position even alone, since the index
/// holds each character again at the position of the pair it starts.
pub(super) fn sought_phrase(
    analyzer: &mut TextAnalyzer,
    literal: &str,
    slop: u32,
) -> Option<SoughtPhrase> {
    let terms = phrase(analyzer, literal);
    let searched_as_phrase = terms.len() > 1 || terms.iter().any(|(_, t)| is_paired_term(t));
    searched_as_phrase.then_some(SoughtPhrase { terms, slop })
}

/// The terms `analyzer` makes of `text`, with their positions after the
/// first term's.
fn phrase(analyzer: &mut TextAnalyzer, text: &str) -> Phrase {
    let mut terms = Vec::new();
    let mut first = None;
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        let first = *first.get_or_insert(token.position);
        terms.push((token.position - first, token.text.clone()));
    }
    terms
}

/// Byte ranges of the tokens of `text` that are among the highlight's
/// terms, of the runs of tokens that hold one of its phrases, or of runs
/// of tokens each within a fuzzy word's distance of its part in order (a
/// fuzzy `al-Assad` is highlighted in "al-Asad", not in every "a"), merged
/// when they overlap or only whitespace separates them.
///
/// `analyzer` is the index's: it gives each character of a run of pairs a
/// term of its own, at the position of the pair it starts, so a phrase's
/// terms are matched by position, as the search matches them, not by the
/// token that follows.
fn highlight(
    analyzer: &mut TextAnalyzer,
    text: &str,
    sought: &Highlight,
    fuzzy: &[(Phrase, u8)],
) -> Vec<Range<usize>> {
    let Highlight { terms, phrases, .. } = sought;
    let mut found: Vec<Range<usize>> = Vec::new();
    if terms.is_empty() && phrases.is_empty() && fuzzy.is_empty() {
        return found;
    }
    let mut tokens = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        tokens.push(token.clone());
    }
    for (i, token) in tokens.iter().enumerate() {
        if terms.contains(&token.text) {
            found.push(token.offset_from..token.offset_to);
        }
        for phrase in phrases {
            let exact = |term: &str, text: &str| term == text;
            found.extend(phrase_span(&tokens, i, &phrase.terms, phrase.slop, exact));
        }
        for (parts, distance) in fuzzy {
            // A Chinese, Japanese or Korean term is one edit from others
            // (a pair from each of its characters): the search matches
            // a fuzzy word's pairs as they are.
            let near = |part: &str, text: &str| {
                if is_paired_term(part) || is_paired_term(text) {
                    part == text
                } else {
                    edit_distance(part, text) <= usize::from(*distance)
                }
            };
            found.extend(phrase_span(&tokens, i, parts, 0, near));
        }
    }
    merged(text, found)
}

/// `ranges` of `text` in order, those that overlap or that only
/// whitespace separates made one.
fn merged(text: &str, mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    // A phrase matched out of order (`"crash plane"~2` in "plane crash")
    // starts before the token it was found from.
    ranges.sort_unstable_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match out.last_mut() {
            Some(last)
                if range.start <= last.end || text[last.end..range.start].trim().is_empty() =>
            {
                last.end = last.end.max(range.end);
            }
            _ => out.push(range),
        }
    }
    out
}

/// The text spanned by the tokens that hold `phrase` with its first term
/// at the `i`th token, each other term as `matches` (term, token) says,
/// at its position after that token's, or moved from it: `slop` moves in
/// all, a term one position from its place being one move. `None` when no
/// such tokens stand there.
///
/// That is how tantivy's phrase query counts a slop: each term against the
/// term before it, so the moves add up along the phrase, and a term may
/// stand before the one before it (`"crash plane"~2` matches "plane
/// crash"). With a slop of 0 each term stands at its position exactly.
fn phrase_span(
    tokens: &[Token],
    i: usize,
    phrase: &[(usize, String)],
    slop: u32,
    matches: impl Fn(&str, &str) -> bool,
) -> Option<Range<usize>> {
    let ((_, first), rest) = phrase.split_first()?;
    let start = &tokens[i];
    if !matches(first, &start.text) {
        return None;
    }
    let mut ways = vec![PartialMatch {
        first_at: start.position as i64,
        moves: 0,
        span: start.offset_from..start.offset_to,
    }];
    let mut next_ways: Vec<PartialMatch> = Vec::new();
    for (after, term) in rest {
        let after = *after as i64;
        for way in &ways {
            let place = way.first_at + after;
            let reach = i64::from(slop - way.moves);
            // Tokens stand in order of position; a pair and its first
            // character stand at the same one.
            let from = tokens.partition_point(|t| (t.position as i64) < place - reach);
            let near = tokens[from..]
                .iter()
                .take_while(|t| t.position as i64 <= place + reach);
            for token in near.filter(|t| matches(term, &t.text)) {
                let position = token.position as i64;
                let found = PartialMatch {
                    first_at: position - after,
                    moves: way.moves + (position - place).unsigned_abs() as u32,
                    span: way.span.start.min(token.offset_from)..way.span.end.max(token.offset_to),
                };
                // The terms still to come only care where the phrase
                // stands and how many moves are left.
                match next_ways.iter_mut().find(|w| w.first_at == found.first_at) {
                    Some(same) if same.is_better_than(&found) => {}
                    Some(same) => *same = found,
                    None => next_ways.push(found),
                }
            }
        }
        std::mem::swap(&mut ways, &mut next_ways);
        next_ways.clear();
        if ways.is_empty() {
            return None;
        }
    }
    ways.into_iter()
        .reduce(|a, b| if a.is_better_than(&b) { a } else { b })
        .map(|best| best.span)
}

/// The terms of a phrase found so far from one token, in one way.
struct PartialMatch {
    /// Where the phrase's first term stands, judged from the last term
    /// found: its position less the term's place in the phrase.
    first_at: i64,
    /// The slop spent.
    moves: u32,
    /// The bytes of the text the terms found span.
    span: Range<usize>,
}

impl PartialMatch {
    /// Fewer moves, then less text: what is highlighted is the closest
    /// match.
    fn is_better_than(&self, other: &PartialMatch) -> bool {
        (self.moves, self.span.len()) <= (other.moves, other.span.len())
    }
}

pub(super) fn hit_from_doc(f: &Fields, doc: &TantivyDocument, score: f32) -> Hit {
    let text_of = |field| stored_text(doc, field).map(str::to_string);
    let u64_of = |field| doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0);
    let mentions: Option<StoredMentions> =
        stored_text(doc, f.mentions).and_then(|s| serde_json::from_str(s).ok());
    let (entities, dates) = mentions.map_or_else(Default::default, |m| (m.entities, m.dates));
    Hit {
        score,
        path: text_of(f.path).unwrap_or_default(),
        source: text_of(f.source).unwrap_or_default(),
        article: text_of(f.article).unwrap_or_default(),
        title: text_of(f.title),
        url: text_of(f.url),
        section: text_of(f.section),
        published: doc
            .get_first(f.published)
            .and_then(|v| v.as_datetime())
            .and_then(to_day),
        passage: u64_of(f.ordinal),
        line: u64_of(f.line),
        start: u64_of(f.start),
        end: u64_of(f.end),
        text: text_of(f.text).unwrap_or_default(),
        highlights: Vec::new(),
        entities,
        dates,
        duplicates: Vec::new(),
        context: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts `highlight` marks in `text` for `literals` (words, or
    /// quoted phrases with an optional `~slop`) and fuzzy words of
    /// distance 1, the literals analysed as queries are and the text as
    /// the index is.
    fn highlighted<'a>(text: &'a str, literals: &[&str], fuzzy: &[&str]) -> Vec<&'a str> {
        let mut analyzer = crate::schema::prose_analyzer(crate::schema::Side::Query);
        let mut sought = Highlight::default();
        for literal in literals {
            let (literal, slop) = match literal.strip_prefix('"') {
                Some(quoted) => {
                    let (phrase, after) = quoted.split_once('"').unwrap();
                    let slop = after.strip_prefix('~').map_or(0, |n| n.parse().unwrap());
                    (phrase, slop)
                }
                None => (*literal, 0),
            };
            match sought_phrase(&mut analyzer, literal, slop) {
                Some(phrase) => sought.phrases.push(phrase),
                None => sought
                    .terms
                    .extend(phrase(&mut analyzer, literal).into_iter().map(|(_, t)| t)),
            }
        }
        let fuzzy: Vec<(Phrase, u8)> = fuzzy
            .iter()
            .map(|w| (phrase(&mut analyzer, w), 1))
            .collect();
        let mut passages = crate::schema::prose_analyzer(crate::schema::Side::Index);
        highlight(&mut passages, text, &sought, &fuzzy)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn highlights_cover_terms_and_runs_of_fuzzy_parts() {
        let h = highlighted;
        assert_eq!(
            h("a plane crash in Baku", &["crash", "baku"], &[]),
            ["crash", "Baku"]
        );
        assert_eq!(h("plane crash", &["plane", "crash"], &[]), ["plane crash"]);
        assert_eq!(
            h("Bashar al-Asad met a crowd", &[], &["al-Assad"]),
            ["al-Asad"]
        );
        assert_eq!(
            h("a crowd, all of it", &[], &["al-Assad"]),
            Vec::<&str>::new()
        );
        assert_eq!(
            h("O'Brian, O Brien", &[], &["O'Brien"]),
            ["O'Brian", "O Brien"]
        );
        assert_eq!(
            h("al-Asad crash", &["crash"], &["al-Assad"]),
            ["al-Asad crash"]
        );
        // A fuzzy pair is found as it is, as the search finds it: not in
        // one of its characters, nor in a pair one edit away.
        assert_eq!(h("上海市, 上天", &[], &["上海"]), ["上海"]);
    }

    #[test]
    fn phrases_are_highlighted_where_their_terms_stand_as_the_search_finds_them() {
        let crash =
            "The plane was old. A crash barrier was fixed. Then the plane crash was confirmed.";
        let prime = "prime, then of, then Britain";
        // (passage, query literals, highlighted)
        let cases: &[(&str, &[&str], &[&str])] = &[
            (crash, &["\"plane crash\""], &["plane crash"]),
            (
                crash,
                &["plane", "crash"],
                &["plane", "crash", "plane crash"],
            ),
            (crash, &["\"crash plane\""], &[]),
            (
                "It's Labour's plan, and Blair's",
                &["Blair's"],
                &["Blair's"],
            ),
            ("On 9/11, 9 planes and 11 ships", &["9/11"], &["9/11"]),
            ("By e-mail, not by mail", &["e-mail"], &["e-mail"]),
            ("President al-Assad; Assad", &["al-Assad"], &["al-Assad"]),
            // Within the slop, each term one move from its place, in
            // order or not, as tantivy's phrase query matches.
            (
                "the plane that crashed",
                &["\"plane crash\"~1"],
                &["plane that crashed"],
            ),
            ("the plane that crashed", &["\"plane crash\""], &[]),
            ("crash plane", &["\"plane crash\"~2"], &["crash plane"]),
            ("crash plane", &["\"plane crash\"~1"], &[]),
            ("a plane, a long wait, a crash", &["\"plane crash\"~2"], &[]),
            // The moves add up along the phrase.
            (prime, &["\"prime of Britain\"~2"], &[prime]),
            (prime, &["\"prime of Britain\"~1"], &[]),
        ];
        for (text, literals, want) in cases {
            assert_eq!(
                highlighted(text, literals, &[]),
                *want,
                "{text} {literals:?}"
            );
        }
    }

    #[test]
    fn chinese_japanese_and_korean_words_are_highlighted_whole() {
        let bank = "日本銀行は金融政策決定会合で政策金利を据え置いた。銀行、日本";
        let date = "2024年12月30日に…月曜日";
        // (passage, query words, highlighted)
        let cases: &[(&str, &[&str], &[&str])] = &[
            (bank, &["政策金利"], &["政策金利"]),
            (bank, &["政策"], &["政策", "政策"]),
            (bank, &["日本銀行"], &["日本銀行"]),
            (bank, &["日本", "銀行"], &["日本銀行", "銀行", "日本"]),
            (bank, &["本銀行"], &["本銀行"]),
            (bank, &["\"日本 銀行\""], &["日本銀行"]),
            (bank, &["銀行日本"], &[]),
            ("上海市 京 北京", &["京"], &["京", "京"]),
            // The word's letters are part of it: `iPhones` is not.
            ("iPhone手机, iPhones", &["iPhone手机"], &["iPhone手机"]),
            ("서울에서 열린 회담", &["서울"], &["서울"]),
            // A word of digits and characters is found whole, as its
            // phrase is searched: not each `月` and `日` alone.
            (date, &["12月30日"], &["12月30日"]),
            ("12月30日の12時", &["12月30日"], &["12月30日"]),
            (date, &["月"], &["月", "月"]),
            ("北京、上海と北京", &["北京、上海"], &["北京、上海"]),
            // One character inside a run, and at its edges.
            ("東京タワーへ行った", &["タ"], &["タ"]),
            ("東京タワーへ行った", &["東", "た"], &["東", "た"]),
            ("정상회담에서 합의했다", &["회"], &["회"]),
            ("서울에서 열린 정상회담에서", &["정상회담"], &["정상회담"]),
            ("한국은행 총재", &["\"은행 총재\""], &["은행 총재"]),
            // A pair of the word's, or all but one of them, is not the word.
            ("上海の市政府", &["上海市政府"], &[]),
            ("市政、上海市", &["上海市政"], &[]),
            ("서울에서 열린", &["서울역"], &[]),
            ("12月に30日間", &["12月30日"], &[]),
            ("crash 上海 crash", &["\"crash 上海\""], &["crash 上海"]),
        ];
        for (text, words, want) in cases {
            assert_eq!(highlighted(text, words, &[]), *want, "{text} {words:?}");
        }
    }

    #[test]
    fn literals_of_several_terms_or_of_pairs_are_phrases() {
        let mut analyzer = crate::schema::prose_analyzer(crate::schema::Side::Query);
        // (a literal as the query's grammar gives it, its phrase)
        let cases = [
            ("政策金利", "0:政策 1:策金 2:金利"),
            ("上海 市政府", "0:上海 2:市政 3:政府"),
            ("京 上海", "0:京 1:上海"),
            ("上海 京", "0:上海 2:京"),
            ("京", "0:京"),
            ("东京Tower上海", "0:东京 2:tower 3:上海"),
            ("12月30日", "0:12 1:月 2:30 3:日"),
            ("北京、上海", "0:北京 2:上海"),
            ("plane crash", "0:plane 1:crash"),
            ("Blair's", "0:blair 1:s"),
            ("9/11", "0:9 1:11"),
            ("crash", ""),
            ("Crash!", ""),
        ];
        for (literal, want) in cases {
            let terms: Vec<String> = sought_phrase(&mut analyzer, literal, 0)
                .map(|phrase| phrase.terms)
                .unwrap_or_default()
                .iter()
                .map(|(at, t)| format!("{at}:{t}"))
                .collect();
            assert_eq!(terms.join(" "), want, "{literal}");
        }
    }
}
