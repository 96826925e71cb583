//! Integration tests: the real binary on small corpora in temporary folders.

mod harness;

mod analyst;
mod crash;
mod extract;
mod index;
mod search;
