//! newsdex: a search engine for folders of news.
//!
//! The pipeline, one module per step:
//!
//! walk ([`corpus`]) → load ([`corpus`], into [`article::Article`]) →
//! passages ([`passage`]) → entities ([`entities`]) and dates ([`dates`]) →
//! index ([`indexer`], fields named in [`schema`]) → query ([`search`]) →
//! output ([`output`]).
//!
//! Everything up to the index is pure: text in, data out.

mod arabic_stemmer;
pub mod article;
pub mod capitals;
pub mod chars;
pub mod corpus;
pub mod counted;
pub mod dates;
pub mod dedup;
pub mod directory;
pub mod entities;
pub mod error;
pub mod export;
pub mod extract;
pub mod indexer;
pub mod legal_forms;
pub mod name_key;
pub mod output;
pub mod passage;
pub mod query;
pub mod schema;
pub mod search;
pub mod serve;
mod stem_language;
pub mod stemmer;
pub mod store;
pub mod tokenizer;

pub use error::{Error, Result};
