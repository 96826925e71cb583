//! Ranked passages: collect candidates, cap passages per article, collapse
//! near-duplicates, then dress each hit with highlights, copies and context.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value as _};
use tantivy::tokenizer::{TextAnalyzer, Token};
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

use super::fuzzy::edit_distance;
use super::{Highlight, SearchRequest, Sort, build_query};
use crate::dedup::{Signature, Sketch};
use crate::error::{Error, Result};
use crate::indexer::{stored_text, to_day};
use crate::query::FuzzyWord;
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

/// Where a copy of a passage is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
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
}

/// Runs a search on the last commit of the index.
pub fn search(news: &NewsIndex, request: &SearchRequest) -> Result<SearchResults> {
    let fields = news.fields;
    let searcher = news.searcher()?;
    let built = build_query(news, &searcher, &request.filter)?;
    let limit = request.limit.max(1);

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
        let (candidates, total) = candidates(&searcher, &*built.query, request.sort, want)?;
        let exhausted = candidates.len() < want;
        selection.extend(&searcher, &fields, &candidates)?;
        if selection.is_full() || exhausted {
            break total;
        }
        want *= 4;
    };
    let hits = selection.kept;

    let fuzzy = fuzzy_words(news, &built.highlight.fuzzy);
    // Passages are cut as queries are, so their words line up with the
    // query's (see `schema::Side`).
    let mut analyzer = crate::schema::query_analyzer(&news.index, fields.text)
        .unwrap_or_else(|| crate::schema::prose_analyzer(crate::schema::Side::Query));
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
        if request.sort != Sort::Score {
            hit.score = built
                .query
                .explain(&searcher, address)
                .map_or(0.0, |e| e.value());
        }
        hit.highlights = highlight(&mut analyzer, &hit.text, &built.highlight, &fuzzy);
        if let Some(own) = &signature {
            copy_candidates.retain(|&other| other != address);
            hit.duplicates = duplicates(&searcher, &fields, copy_candidates, own)?;
        }
        if request.context > 0 {
            hit.context = context(&searcher, &fields, &hit, request.context)?;
        }
        out.push(hit);
    }
    Ok(SearchResults { hits: out, total })
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
        Sort::Published | Sort::Mentioned => {
            let field = if sort == Sort::Published {
                "published"
            } else {
                "latest_mention"
            };
            let (docs, total) = searcher.search(
                query,
                &(
                    top.order_by_fast_field::<tantivy::DateTime>(field, Order::Desc),
                    Count,
                ),
            )?;
            (
                docs.into_iter()
                    .map(|(_, address)| (0.0, address))
                    .collect(),
                total,
            )
        }
    })
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
    kept_signatures: Vec<Signature>,
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
            kept_signatures: Vec::new(),
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
            if sketch.is_some_and(|s| self.kept_signatures.iter().any(|k| k.sketch() == s)) {
                continue;
            }
            let doc: TantivyDocument = searcher.doc(address)?;
            let signature = self.bands.and_then(|_| signature(fields, &doc));
            if let Some(signature) = &signature
                && self
                    .kept_signatures
                    .iter()
                    .any(|k| k.is_near_duplicate(signature))
            {
                continue;
            }
            if self.request.per_article > 0 {
                let article = article_identity(
                    stored_text(&doc, fields.source).unwrap_or_default(),
                    stored_text(&doc, fields.article).unwrap_or_default(),
                );
                let count = self.per_article.entry(article.into_owned()).or_default();
                if *count >= self.request.per_article {
                    continue;
                }
                *count += 1;
            }
            // Only a kept passage hides its copies: one left out by the
            // per-article cap must not take its copies elsewhere with it.
            self.kept_signatures.extend(signature);
            self.kept.push(Selected {
                score,
                address,
                doc,
                signature,
            });
        }
        Ok(())
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
                alive: segment.alive_bitset().cloned(),
            });
        }
        Ok(BandIndex { segments })
    }

    /// A passage's sketch; `None` for a document without one (a marker).
    fn sketch(&self, address: DocAddress) -> Option<Sketch> {
        self.segments[address.segment_ord as usize].sketch(address.doc_id)
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
    let n = n as u64;
    let lower = Term::from_field_u64(fields.ordinal, hit.passage.saturating_sub(n));
    let upper = Term::from_field_u64(fields.ordinal, hit.passage + n);
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
    let found = searcher.search(
        &query,
        &TopDocs::with_limit(2 * n as usize + 1).order_by_score(),
    )?;
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

/// Fuzzy words as the text field indexes them (`al-Assad`: `al`, `assad`),
/// with their distances.
fn fuzzy_words(news: &NewsIndex, fuzzy: &[FuzzyWord]) -> Vec<(Vec<String>, u8)> {
    fuzzy
        .iter()
        .map(|w| (super::analyze(news, news.fields.text, &w.word), w.distance))
        .filter(|(parts, _)| !parts.is_empty())
        .collect()
}

/// The Chinese, Japanese and Korean words an analyzer makes of `text`,
/// each as its pairs of characters (or its one character): the runs of
/// such terms at consecutive positions, a lone character being a word of
/// its own.
pub(super) fn paired_words(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Vec<String>> {
    let mut words: Vec<Vec<String>> = Vec::new();
    // The position the next pair of the last word would take.
    let mut next = None;
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        if !is_paired_term(&token.text) {
            next = None;
            continue;
        }
        match words.last_mut() {
            Some(word) if next == Some(token.position) => word.push(token.text.clone()),
            _ => words.push(vec![token.text.clone()]),
        }
        let pair = token.text.chars().nth(1).is_some();
        next = pair.then_some(token.position + 1);
    }
    words
}

/// Byte ranges of the tokens of `text` that are among the highlight's
/// terms, of runs of tokens that are one of its Chinese, Japanese or
/// Korean words, or of runs of tokens each within a fuzzy word's distance
/// of its part in order (a fuzzy `al-Assad` is highlighted in "al-Asad",
/// not in every "a"), merged when they overlap or only whitespace
/// separates them.
fn highlight(
    analyzer: &mut TextAnalyzer,
    text: &str,
    sought: &Highlight,
    fuzzy: &[(Vec<String>, u8)],
) -> Vec<Range<usize>> {
    let Highlight {
        terms,
        paired_words,
        ..
    } = sought;
    let mut ranges: Vec<Range<usize>> = Vec::new();
    if terms.is_empty() && paired_words.is_empty() && fuzzy.is_empty() {
        return ranges;
    }
    let mut tokens = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        tokens.push(token.clone());
    }
    let single_characters: HashSet<char> = paired_words
        .iter()
        .filter_map(|word| match word.as_slice() {
            [one] => {
                let mut chars = one.chars();
                chars.next().filter(|_| chars.next().is_none())
            }
            _ => None,
        })
        .collect();
    let mut push = |range: Range<usize>| match ranges.last_mut() {
        Some(last) if range.start <= last.end || text[last.end..range.start].trim().is_empty() => {
            last.end = last.end.max(range.end);
        }
        _ => ranges.push(range),
    };
    for (i, token) in tokens.iter().enumerate() {
        let mut end = terms.contains(&token.text).then_some(token.offset_to);
        for word in paired_words {
            let Some(run) = tokens.get(i..i + word.len()) else {
                continue;
            };
            let same = |(j, (pair, token)): (usize, (&String, &Token))| {
                *pair == token.text && token.position == tokens[i].position + j
            };
            if word.iter().zip(run).enumerate().all(same) {
                end = end.max(run.last().map(|t| t.offset_to));
            }
        }
        for (parts, distance) in fuzzy {
            let Some(run) = tokens.get(i..i + parts.len()) else {
                continue;
            };
            let near = |(part, token): (&String, &Token)| {
                edit_distance(part, &token.text) <= usize::from(*distance)
            };
            if parts.iter().zip(run).all(near) {
                let run_end = run.last().map_or(token.offset_to, |t| t.offset_to);
                end = end.max(Some(run_end));
            }
        }
        if let Some(end) = end {
            push(token.offset_from..end);
        }
        // A query word of one Chinese, Japanese or Korean character finds
        // it inside runs, which the passage's words here hold as pairs.
        if !single_characters.is_empty()
            && is_paired_term(&token.text)
            && token.text.chars().nth(1).is_some()
        {
            for (at, c) in token.text.char_indices() {
                if single_characters.contains(&c) {
                    let from = token.offset_from + at;
                    push(from..from + c.len_utf8());
                }
            }
        }
    }
    ranges
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

    /// The texts `highlight` marks in `text` for exact `words` and fuzzy
    /// words of distance 1.
    fn highlighted<'a>(text: &'a str, words: &[&str], fuzzy: &[&str]) -> Vec<&'a str> {
        let mut analyzer = crate::schema::prose_analyzer(crate::schema::Side::Query);
        let mut sought = Highlight::default();
        for word in words {
            let terms = crate::schema::terms(&mut analyzer, word);
            sought
                .terms
                .extend(terms.into_iter().filter(|t| !is_paired_term(t)));
            sought
                .paired_words
                .extend(paired_words(&mut analyzer, word));
        }
        let fuzzy: Vec<(Vec<String>, u8)> = fuzzy
            .iter()
            .map(|w| (crate::schema::terms(&mut analyzer, w), 1))
            .collect();
        highlight(&mut analyzer, text, &sought, &fuzzy)
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
    }

    #[test]
    fn chinese_japanese_and_korean_words_are_highlighted_whole() {
        let h = highlighted;
        let text = "日本銀行は金融政策決定会合で政策金利を据え置いた。銀行、日本";
        assert_eq!(h(text, &["政策金利"], &[]), ["政策金利"]);
        assert_eq!(h(text, &["政策"], &[]), ["政策", "政策"]);
        assert_eq!(h(text, &["日本銀行"], &[]), ["日本銀行"]);
        assert_eq!(
            h(text, &["日本", "銀行"], &[]),
            ["日本銀行", "銀行", "日本"]
        );
        assert_eq!(h(text, &["本銀行"], &[]), ["本銀行"]);
        assert_eq!(
            h(text, &["\"日本 銀行\""], &[]),
            ["日本銀行", "銀行", "日本"]
        );
        assert_eq!(h(text, &["銀行日本"], &[]), Vec::<&str>::new());
        assert_eq!(h("上海市 京 北京", &["京"], &[]), ["京", "京"]);
        assert_eq!(
            h("iPhone手机, iPhones", &["iPhone手机"], &[]),
            ["iPhone手机", "iPhones"]
        );
        assert_eq!(h("서울에서 열린 회담", &["서울"], &[]), ["서울"]);
    }

    #[test]
    fn words_of_pairs_run_over_consecutive_positions() {
        let mut analyzer = crate::schema::prose_analyzer(crate::schema::Side::Query);
        let cases = [
            ("政策金利", "政策 策金 金利"),
            ("\"上海 市政府\"", "上海 | 市政 政府"),
            ("京 上海", "京 | 上海"),
            ("上海 京", "上海 | 京"),
            ("东京Tower上海", "东京 | 上海"),
            ("crash", ""),
        ];
        for (text, want) in cases {
            let words: Vec<String> = paired_words(&mut analyzer, text)
                .iter()
                .map(|w| w.join(" "))
                .collect();
            assert_eq!(words.join(" | "), want, "{text}");
        }
    }
}
