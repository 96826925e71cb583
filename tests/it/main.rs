//! Integration tests: the real binary on small corpora in temporary folders.

mod harness;

mod analyst;
mod crash;
mod entity_names;
mod eval_ner;
mod export;
mod extract;
mod hostile;
mod html_pages;
mod index;
mod pipes;
mod search;
mod sections;
mod serve;
mod timeline;
