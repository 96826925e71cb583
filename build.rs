//! Build steps beyond compiling the crate.
//!
//! - Links the `newsdex` binary as a position-dependent executable on Linux.
//!   A position-independent executable is relocated by the dynamic loader at
//!   every start: 42,000 relocations, a third of a one-shot search's time on a
//!   small index. Linked at a fixed address, it starts without them. The
//!   library and the tests are unaffected.
//! - Writes the character-class table `src/chars.rs` reads (see there).

use std::path::PathBuf;

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    write_char_classes();
    println!("cargo:rerun-if-changed=build.rs");
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
