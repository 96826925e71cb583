//! Build steps beyond compiling the crate.
//!
//! - Links the `newsdex` binary as a position-dependent executable on Linux.
//!   A position-independent executable is relocated by the dynamic loader at
//!   every start: 42,000 relocations, a third of a one-shot search's time on a
//!   small index. Linked at a fixed address, it starts without them. The
//!   library and the tests are unaffected.
//! - Writes the character-class table `src/chars.rs` reads (see there).
//! - Writes the tables of the embedded gazetteer and word clusters that
//!   `src/entities/gazetteer.rs` and `src/entities/clusters.rs` read, built
//!   by the crate's own code (see `src/entities/key_table.rs`).

use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/entities/hashing.rs"]
mod hashing;

#[allow(dead_code)]
#[path = "src/entities/key_table.rs"]
mod key_table;

#[allow(dead_code)]
#[path = "src/entities/gazetteer_entries.rs"]
mod gazetteer_entries;

#[allow(dead_code)]
#[path = "src/entities/tokenizer.rs"]
mod tokenizer;

#[allow(dead_code)]
#[path = "src/entities/wordform.rs"]
mod wordform;

#[path = "src/entities/cluster_lines.rs"]
mod cluster_lines;

#[allow(dead_code)]
#[path = "src/entities/list_lines.rs"]
mod list_lines;

/// `newsdex::chars`, whose answers are the standard library's of the
/// toolchain that builds the crate (see `write_char_classes`).
#[allow(clippy::disallowed_methods, dead_code)]
mod chars {
    pub fn is_alphabetic(c: char) -> bool {
        c.is_alphabetic()
    }

    pub fn is_numeric(c: char) -> bool {
        c.is_numeric()
    }

    pub fn is_alphanumeric(c: char) -> bool {
        c.is_alphanumeric()
    }

    pub fn is_uppercase(c: char) -> bool {
        c.is_uppercase()
    }

    pub fn is_lowercase(c: char) -> bool {
        c.is_lowercase()
    }
}

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    write_char_classes();
    write_name_tables();
    println!("cargo:rerun-if-changed=build.rs");
    for source in [
        "src/entities/hashing.rs",
        "src/entities/key_table.rs",
        "src/entities/gazetteer_entries.rs",
        "src/entities/tokenizer.rs",
        "src/entities/wordform.rs",
        "src/entities/cluster_lines.rs",
        "src/entities/list_lines.rs",
        "models/gazetteers",
        "models/clusters.tsv",
    ] {
        println!("cargo:rerun-if-changed={source}");
    }
}

/// The gazetteer's table of entries, the table of its lists' lines, and
/// the word clusters' table: built here once, not at every start of a command
/// that tags entities.
fn write_name_tables() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let gazetteer = gazetteer_entries::table(&gazetteer_entries::LISTS);
    std::fs::write(out.join("gazetteer.bin"), gazetteer.to_bytes()).expect("OUT_DIR is writable");
    let lines = list_lines::line_table(&gazetteer_entries::LISTS);
    std::fs::write(out.join("gazetteer_lines.bin"), lines.to_bytes()).expect("OUT_DIR is writable");
    let clusters = cluster_lines::parse(include_str!("models/clusters.tsv"));
    std::fs::write(out.join("clusters.bin"), clusters.to_bytes()).expect("OUT_DIR is writable");
}

/// One byte of class bits for every character of the Basic Multilingual
/// Plane, as the standard library of the toolchain that builds the crate
/// classes it (the same Unicode tables the crate would otherwise query).
/// The bits must match `chars::{ALPHABETIC, NUMERIC, UPPERCASE, LOWERCASE}`.
#[allow(clippy::disallowed_methods)] // the build-time questions the table answers later
fn write_char_classes() {
    let table: Vec<u8> = (0..=0xFFFF_u32)
        .map(|code| {
            let Some(c) = char::from_u32(code) else {
                return 0; // surrogates: no such character
            };
            u8::from(c.is_alphabetic())
                | (u8::from(c.is_numeric()) << 1)
                | (u8::from(c.is_uppercase()) << 2)
                | (u8::from(c.is_lowercase()) << 3)
        })
        .collect();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("char_classes.bin"), table).expect("OUT_DIR is writable");
}
