//! Reading an article back from the index, passage by passage: for
//! `newsdex show` and the server's article view.

use std::ops::Bound;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryClone, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Order, Searcher, TantivyDocument, Term};

use super::hits::{Hit, hit_from_doc};
use crate::error::Result;
use crate::indexer::stored_text;
use crate::schema::OWN_ID_SEPARATOR;
use crate::store::NewsIndex;

/// Passages listed for one article (or one file of many articles) at most.
pub const MAX_ARTICLE_PASSAGES: usize = 10_000;

/// A passage of an article as `show` prints it: a hit without a score.
pub type ArticlePassage = Hit;

/// The passages to read of an article: `passage` through `through`, and
/// `context` more on each side. The restriction is part of the query, so
/// any passage can be read, however long the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Around {
    pub passage: u64,
    /// The last passage asked for: `passage` itself, or the last of those
    /// that start on one line ([`passages_at_line`]).
    pub through: u64,
    pub context: u64,
}

/// Passages read back, in article order.
#[derive(Debug, Clone, Default)]
pub struct ArticleListing {
    pub passages: Vec<ArticlePassage>,
    /// More passages matched than [`MAX_ARTICLE_PASSAGES`]: the listing is
    /// cut (with [`Around`], only when one line starts more passages).
    pub truncated: bool,
    /// With [`Around`] and its passage missing, the article's last passage
    /// number, to say which passages there are; `None` also when the
    /// article itself is not in the index.
    pub last: Option<u64>,
}

impl ArticleListing {
    /// Whether the article (or file) is in the index at all.
    pub fn found(&self) -> bool {
        !self.passages.is_empty() || self.last.is_some()
    }
}

/// The passages of the article(s) at `key` — a path as search prints it, a
/// path relative to the corpus root, an article id, or an article's
/// identity as `export` writes it (`day-2.json#id:1`, the article with id
/// `1` in that file) — in order.
///
/// Paths are not indexed, but a passage's path ends with its `source` (the
/// path relative to the corpus root), so the sources that `key` may end
/// with are looked up, and the passages whose path, source or article id
/// is `key` itself are kept. Cutting `key` at the corpus root of the last
/// commit instead would miss files indexed under another spelling of the
/// root ("corpus", "./corpus"), which keep the paths they were indexed with.
pub fn read_article(news: &NewsIndex, key: &str, around: Option<Around>) -> Result<ArticleListing> {
    if let Some((path, id)) = key.split_once(OWN_ID_SEPARATOR)
        && !id.is_empty()
    {
        let listing = read_article_of(news, path, id, around)?;
        if listing.found() {
            return Ok(listing);
        }
    }
    let f = news.fields;
    let any_of = BooleanQuery::new(
        source_terms(news, key)
            .into_iter()
            .chain([Term::from_field_text(f.article, key)])
            .map(|term| (Occur::Should, term_query(term)))
            .collect(),
    );
    passages_where(news, &any_of, around, |doc| {
        [f.path, f.source, f.article]
            .into_iter()
            .any(|field| stored_text(doc, field) == Some(key))
    })
}

/// The passages of one article of the file at `path` (a path as search
/// prints it, or relative to the corpus root): the one a hit's `article`
/// names, when the file holds many (JSON records).
pub fn read_article_of(
    news: &NewsIndex,
    path: &str,
    article: &str,
    around: Option<Around>,
) -> Result<ArticleListing> {
    let f = news.fields;
    let in_file = BooleanQuery::new(
        source_terms(news, path)
            .into_iter()
            .map(|term| (Occur::Should, term_query(term)))
            .collect(),
    );
    let query = BooleanQuery::new(vec![
        (
            Occur::Must,
            term_query(Term::from_field_text(f.article, article)),
        ),
        (Occur::Must, Box::new(in_file)),
    ]);
    passages_where(news, &query, around, |doc| {
        stored_text(doc, f.article) == Some(article)
            && [f.path, f.source]
                .into_iter()
                .any(|field| stored_text(doc, field) == Some(path))
    })
}

/// The passages of one article that start on one line.
#[derive(Debug, Clone)]
pub struct OnLine {
    /// The first of them.
    pub first: ArticlePassage,
    /// The number of the last of them.
    pub last: u64,
}

/// The passages of the file at `path` that hold source line `line`: those
/// that start on the last line at or before it that any passage starts
/// on, per article (several when a JSON array is written on one line).
/// `search` prints a hit as `PATH:LINE`, as grep does; in a file of many
/// articles (JSON Lines) the line also tells which article, but not which
/// passage: all of a record's passages start on its line.
/// `None` when no file at `path` is in the index.
pub fn passages_at_line(news: &NewsIndex, path: &str, line: u64) -> Result<Option<Vec<OnLine>>> {
    let f = news.fields;
    let searcher = news.searcher()?;
    let Some(source) = source_of(news, &searcher, path)? else {
        return Ok(None);
    };
    let lines = |from: u64, to: u64| {
        BooleanQuery::new(vec![
            (Occur::Must, term_query(source.clone())),
            (
                Occur::Must,
                Box::new(RangeQuery::new(
                    Bound::Included(Term::from_field_u64(f.line, from)),
                    Bound::Included(Term::from_field_u64(f.line, to)),
                )),
            ),
        ])
    };
    let last = TopDocs::with_limit(1).order_by_fast_field::<u64>("line", Order::Desc);
    let Some((Some(start), _)) = searcher.search(&lines(0, line), &last)?.into_iter().next() else {
        return Ok(Some(Vec::new()));
    };
    // In article order; of each article, the first and the last passage
    // that start on the line. Only the last was kept, and `show` of a hit
    // early in a long JSON Lines record missed it.
    let passages = passages_where(news, &lines(start, start), None, |_| true)?.passages;
    let mut on_line: Vec<OnLine> = Vec::new();
    for passage in passages {
        match on_line.last_mut() {
            Some(same) if same.first.article == passage.article => same.last = passage.passage,
            _ => on_line.push(OnLine {
                last: passage.passage,
                first: passage,
            }),
        }
    }
    on_line.sort_by_key(|at| at.first.passage);
    Ok(Some(on_line))
}

/// Whether a file at `path` (as search prints it, or relative to the
/// corpus root) is in the index.
pub fn file_in_index(news: &NewsIndex, path: &str) -> Result<bool> {
    Ok(source_of(news, &news.searcher()?, path)?.is_some())
}

/// The `source` term of the file at `path` (as search prints it, or
/// relative to the corpus root): of the sources it may end with, the one
/// whose passages name that path; another file may end alike
/// (`old/articles.json` and `articles.json`).
fn source_of(news: &NewsIndex, searcher: &Searcher, path: &str) -> Result<Option<Term>> {
    let f = news.fields;
    for term in source_terms(news, path) {
        let one = TopDocs::with_limit(1).order_by_score();
        for (_, address) in searcher.search(
            &TermQuery::new(term.clone(), IndexRecordOption::Basic),
            &one,
        )? {
            let doc: TantivyDocument = searcher.doc(address)?;
            let names_path = [f.path, f.source]
                .into_iter()
                .any(|field| stored_text(&doc, field) == Some(path));
            if names_path {
                return Ok(Some(term));
            }
        }
    }
    Ok(None)
}

/// The `source` terms of the files `path` may name (see [`read_article`]).
fn source_terms(news: &NewsIndex, path: &str) -> Vec<Term> {
    let source = news.fields.source;
    // Sources separate their components with `/` on every system.
    let slashed = path.replace(std::path::MAIN_SEPARATOR, "/");
    source_suffixes(&slashed)
        .map(|suffix| Term::from_field_text(source, suffix))
        .collect()
}

fn term_query(term: Term) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::Basic))
}

/// The passages `query` finds that `keep` accepts, in article order: all
/// of them up to [`MAX_ARTICLE_PASSAGES`], or those `around` one.
fn passages_where(
    news: &NewsIndex,
    base: &BooleanQuery,
    around: Option<Around>,
    keep: impl Fn(&TantivyDocument) -> bool,
) -> Result<ArticleListing> {
    let f = news.fields;
    let searcher = news.searcher()?;
    let windowed;
    let query: &dyn Query = match around {
        None => base,
        Some(Around {
            passage,
            through,
            context,
        }) => {
            let window = RangeQuery::new(
                Bound::Included(Term::from_field_u64(
                    f.ordinal,
                    passage.saturating_sub(context),
                )),
                Bound::Included(Term::from_field_u64(
                    f.ordinal,
                    through.max(passage).saturating_add(context),
                )),
            );
            windowed = BooleanQuery::new(vec![
                (Occur::Must, base.box_clone()),
                (Occur::Must, Box::new(window)),
            ]);
            &windowed
        }
    };
    let (found, matched) = searcher.search(
        query,
        &(
            TopDocs::with_limit(MAX_ARTICLE_PASSAGES).order_by_score(),
            Count,
        ),
    )?;
    let truncated = matched > found.len();
    let mut passages = Vec::with_capacity(found.len());
    for (_, address) in found {
        let doc: TantivyDocument = searcher.doc(address)?;
        // Skip the marker of a file that has no passages.
        if keep(&doc) && doc.get_first(f.text).is_some() {
            passages.push(hit_from_doc(&f, &doc, 0.0));
        }
    }
    // An own id may name articles in several sources: each is listed whole.
    passages.sort_by(|a, b| {
        (&a.article, &a.source, a.passage).cmp(&(&b.article, &b.source, b.passage))
    });
    let last = match around {
        Some(around) if !passages.iter().any(|p| p.passage == around.passage) => {
            // The last passage kept, scanning down from the highest.
            let by_passage = TopDocs::with_limit(MAX_ARTICLE_PASSAGES)
                .order_by_fast_field::<u64>("passage", Order::Desc);
            let mut last = None;
            for (passage, address) in searcher.search(base, &by_passage)? {
                let doc: TantivyDocument = searcher.doc(address)?;
                if keep(&doc) && doc.get_first(f.text).is_some() {
                    last = passage;
                    break;
                }
            }
            last
        }
        _ => None,
    };
    Ok(ArticleListing {
        passages,
        truncated,
        last,
    })
}

/// `path` and every shorter run of its last `/`-separated components:
/// "corpus/a/x.txt", "a/x.txt", "x.txt".
fn source_suffixes(path: &str) -> impl Iterator<Item = &str> {
    std::iter::once(path).chain(path.match_indices('/').map(|(at, _)| &path[at + 1..]))
}

#[cfg(test)]
mod tests {
    use super::source_suffixes;

    #[test]
    fn a_path_yields_the_sources_it_may_end_with() {
        let cases: &[(&str, &[&str])] = &[
            ("corpus/a/x.txt", &["corpus/a/x.txt", "a/x.txt", "x.txt"]),
            (
                "/srv/news/x.txt",
                &["/srv/news/x.txt", "srv/news/x.txt", "news/x.txt", "x.txt"],
            ),
            ("x.txt", &["x.txt"]),
            ("reuters-12.json#3", &["reuters-12.json#3"]),
        ];
        for (key, expected) in cases {
            assert_eq!(source_suffixes(key).collect::<Vec<_>>(), *expected, "{key}");
        }
    }
}
