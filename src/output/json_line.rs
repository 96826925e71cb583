//! One JSON value on one line, as every line splitter reads it.
//!
//! JSON allows U+2028 (line separator), U+2029 (paragraph separator) and
//! U+0085 (next line) raw inside strings, and `serde_json` writes them so;
//! but Python's `str.splitlines()`, the usual way a notebook reads a
//! command's output, ends a line at each of them, and the two halves of the
//! record are no JSON. News text carries them: the first two pasted from web
//! pages, NEL from text converted out of old encodings. JSON
//! Lines (search, entities and timeline `jsonl`, `extract`, `export`) write
//! them as `\u` escapes, which read back as the same characters.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};

/// Writes `value` as compact JSON with no character that a line splitter
/// takes for a line end, then a newline.
pub fn write_line<W: Write + ?Sized>(out: &mut W, value: &impl Serialize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, OneLine);
    value.serialize(&mut serializer)?;
    out.write_all(b"\n")
}

/// Compact JSON whose strings escape the characters Unicode calls line
/// ends beyond the ones JSON itself escapes.
struct OneLine;

impl Formatter for OneLine {
    fn write_string_fragment<W: Write + ?Sized>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (at, found) in fragment.match_indices(['\u{85}', '\u{2028}', '\u{2029}']) {
            CompactFormatter.write_string_fragment(writer, &fragment[start..at])?;
            let code = found.chars().next().map_or(0, u32::from);
            write!(writer, "\\u{code:04x}")?;
            start = at + found.len();
        }
        CompactFormatter.write_string_fragment(writer, &fragment[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::write_line;

    #[test]
    fn line_ends_json_leaves_raw_are_escaped() {
        // (string, how it is written)
        let cases = [
            ("a\u{2028}b", r#""a\u2028b""#),
            ("\u{2029}", r#""\u2029""#),
            ("x\u{85}y\u{85}", r#""x\u0085y\u0085""#),
            ("é\n上海", r#""é\n上海""#),
            ("", r#""""#),
        ];
        for (text, want) in cases {
            let mut out = Vec::new();
            write_line(&mut out, &text).unwrap();
            let line = String::from_utf8(out).unwrap();
            assert_eq!(line, format!("{want}\n"), "{text:?}");
            let back: String = serde_json::from_str(&line).unwrap();
            assert_eq!(back, text);
        }
    }
}
