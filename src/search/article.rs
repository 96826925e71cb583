//! Reading an article back from the index, passage by passage: for
//! `newsdex show` and the server's article view.

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

use super::hits::{Hit, hit_from_doc};
use crate::error::Result;
use crate::store::NewsIndex;

/// Passages listed for one article at most.
const MAX_PASSAGES: usize = 10_000;

/// A passage of an article as `show` prints it: a hit without a score.
pub type ArticlePassage = Hit;

/// The passages of the article(s) at `key` — a path as search prints it, a
/// path relative to the corpus root, or an article id — in order.
pub fn read_article(news: &NewsIndex, key: &str) -> Result<Vec<ArticlePassage>> {
    let f = news.fields;
    let any_of: Vec<(Occur, Box<dyn Query>)> = [f.path, f.source, f.article]
        .into_iter()
        .map(|field| {
            let term = Term::from_field_text(field, key);
            (
                Occur::Should,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
            )
        })
        .collect();
    let searcher = news.searcher()?;
    let found = searcher.search(
        &BooleanQuery::new(any_of),
        &TopDocs::with_limit(MAX_PASSAGES).order_by_score(),
    )?;
    let mut passages = Vec::with_capacity(found.len());
    for (_, address) in found {
        let doc: TantivyDocument = searcher.doc(address)?;
        passages.push(hit_from_doc(&f, &doc, 0.0));
    }
    passages.sort_by(|a, b| (&a.article, a.passage).cmp(&(&b.article, b.passage)));
    Ok(passages)
}
