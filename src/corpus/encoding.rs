//! Turning a file's bytes into text: UTF-8 (BOM stripped), UTF-16 (with a
//! BOM, or without one when the zero bytes give it away), UTF-32 (with a
//! BOM), and anything else
//! guessed with chardetng and decoded with encoding_rs. Binary files are
//! refused so that an image named `.txt` does not fill the index with noise.
//! Lines that end in a carriage return alone become lines of line feeds
//! ([`classic_mac_lines`]).

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// How much of the start of a file the binary sniff looks at.
pub const SNIFF_BYTES: usize = 8 * 1024;

/// How much chardetng reads to guess an encoding; more rarely changes the
/// guess and would cost time on big files.
const DETECT_BYTES: usize = 1024 * 1024;

/// Decoded text, and a note for the user when the encoding was not UTF-8
/// (`decoded as windows-1252`) or bytes had to be replaced.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub note: Option<String>,
}

/// Why a file cannot be read as text.
#[derive(Debug, PartialEq, Eq)]
pub enum NotText {
    /// NUL bytes that are not UTF-16, or mostly control characters.
    Binary,
}

/// How far into an HTML page its `<meta charset>` is looked for: the
/// HTML standard's prescan reads 1024 bytes.
const PRESCAN_BYTES: usize = 1024;

/// The encoding an HTML page declares in its first 1024 bytes, with
/// `<meta charset="...">` or `<meta http-equiv="Content-Type"
/// content="text/html; charset=...">`; `None` when it declares none, or
/// one encoding_rs does not know.
pub fn declared_in_html(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(PRESCAN_BYTES)].to_ascii_lowercase();
    let mut at = 0;
    while let Some(found) = find(&head[at..], b"<meta") {
        let tag_start = at + found;
        let tag_end = find(&head[tag_start..], b">").map_or(head.len(), |end| tag_start + end);
        let tag = &head[tag_start..tag_end];
        if let Some(found) = find(tag, b"charset") {
            let value = tag[found + b"charset".len()..]
                .trim_ascii_start()
                .strip_prefix(b"=")
                .map(|v| v.trim_ascii_start())
                .unwrap_or_default();
            let value = value
                .strip_prefix(b"\"")
                .or(value.strip_prefix(b"'"))
                .unwrap_or(value);
            let end = value
                .iter()
                .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/') || b.is_ascii_whitespace())
                .unwrap_or(value.len());
            if let Some(encoding) = Encoding::for_label(&value[..end]).and_then(as_declared) {
                return Some(encoding);
            }
        }
        at = tag_end;
    }
    None
}

/// The encoding a page's `<meta>` declares, as browsers take it (the HTML
/// standard's prescan): a tag read as ASCII is no UTF-16, so a page saying
/// so is UTF-8, and x-user-defined is windows-1252. The replacement
/// encoding (labels such as `iso-2022-kr`, which browsers refuse to
/// decode) would make the page one U+FFFD: it counts as no declaration.
fn as_declared(encoding: &'static Encoding) -> Option<&'static Encoding> {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        Some(UTF_8)
    } else if encoding == X_USER_DEFINED {
        Some(WINDOWS_1252)
    } else if encoding == REPLACEMENT {
        None
    } else {
        Some(encoding)
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Decodes `bytes` as text, or says why it is not text. Bytes that are not
/// UTF-8 are decoded as `declared` says (an HTML page's `<meta charset>`),
/// else as chardetng guesses: a page in GBK or Shift_JIS that says so is
/// not left to a guess on its first megabyte. `declared` is asked only
/// then: nearly every file is UTF-8.
pub fn decode(
    bytes: &[u8],
    declared: impl FnOnce() -> Option<&'static Encoding>,
) -> Result<Decoded, NotText> {
    // Before UTF-16's: UTF-32LE's BOM starts with it.
    if let Some(decoded) = utf32_with_bom(bytes) {
        return Ok(decoded);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(decode_with(encoding, &bytes[bom_len..], None));
    }
    let sniff = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if sniff.contains(&0) {
        return match bomless_utf16(sniff) {
            Some(encoding) => Ok(decode_with(
                encoding,
                bytes,
                Some(format!(
                    "no byte order mark; decoded as {}",
                    encoding.name()
                )),
            )),
            None => Err(NotText::Binary),
        };
    }
    if mostly_control(sniff) {
        return Err(NotText::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            note: None,
        }),
        // UTF-8 with a few bad bytes (a stray byte of another encoding, a
        // file cut in the middle of a character) is still UTF-8: read in a
        // legacy encoding, every accent and dash of it would be garbled.
        Err(_) if mostly_utf8(&bytes[..bytes.len().min(DETECT_BYTES)], bytes.len()) => {
            Ok(lossy_utf8(bytes))
        }
        // A page declaring UTF-8 whose bytes are not is mislabelled: the
        // guess reads it better.
        Err(_) => match declared().filter(|&encoding| encoding != UTF_8) {
            Some(encoding) => {
                let note = format!(
                    "not valid UTF-8; decoded as {}, as the page declares",
                    encoding.name()
                );
                Ok(decode_with(encoding, bytes, Some(note)))
            }
            None => {
                let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
                let sample = &bytes[..bytes.len().min(DETECT_BYTES)];
                detector.feed(sample, sample.len() == bytes.len());
                let encoding = detector.guess(None, Utf8Detection::Deny);
                let note = format!("not valid UTF-8; decoded as {}", encoding.name());
                Ok(decode_with(encoding, bytes, Some(note)))
            }
        },
    }
}

/// `text` with line feeds for the carriage returns that end its lines
/// when it has no line feed at all (a file saved by classic Mac OS): the
/// loaders and every line count read `\n`, so such a file was one line,
/// with no title, one passage and every passage on line 1. A CR is one
/// byte, as a LF is, so offsets into the file still hold. A stray CR in a
/// file of line feeds is left alone: `grep -n` and editors count no line
/// there either.
pub fn classic_mac_lines(text: String) -> String {
    if text.contains('\n') || !text.contains('\r') {
        return text;
    }
    text.replace('\r', "\n")
}

/// UTF-32 with a byte-order mark (`FF FE 00 00`, `00 00 FE FF`), which
/// encoding_rs does not decode (a WHATWG encoding it is not): each four
/// bytes a code point; one that is none, or bytes left over at the end,
/// become U+FFFD with a note.
fn utf32_with_bom(bytes: &[u8]) -> Option<Decoded> {
    let (little_endian, name) = match bytes.get(..4)? {
        [0xFF, 0xFE, 0, 0] => (true, "UTF-32LE"),
        [0, 0, 0xFE, 0xFF] => (false, "UTF-32BE"),
        _ => return None,
    };
    let units = bytes[4..].chunks_exact(4);
    let mut invalid = !units.remainder().is_empty();
    let mut text = String::with_capacity(bytes.len() / 4);
    for unit in units {
        let unit: [u8; 4] = unit.try_into().expect("chunks of four bytes");
        let value = if little_endian {
            u32::from_le_bytes(unit)
        } else {
            u32::from_be_bytes(unit)
        };
        text.push(char::from_u32(value).unwrap_or_else(|| {
            invalid = true;
            char::REPLACEMENT_CHARACTER
        }));
    }
    if !bytes[4..].len().is_multiple_of(4) {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    let note = invalid.then(|| format!("invalid {name} bytes replaced with U+FFFD"));
    Some(Decoded { text, note })
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8], note: Option<String>) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let note = match (note, had_errors) {
        (Some(note), true) => Some(format!("{note}; invalid bytes replaced")),
        (None, true) => Some(format!(
            "invalid {} bytes replaced with U+FFFD",
            encoding.name()
        )),
        (note, false) => note,
    };
    Decoded {
        text: text.into_owned(),
        note,
    }
}

/// Whether `sample`, the start of a file of `file_len` bytes that is not
/// valid UTF-8, is UTF-8 with a few bad bytes rather than text in another
/// encoding: its only fault is a character cut off at the file's end, or
/// it holds at least twice as many valid multi-byte characters as bad
/// sequences. Text in a legacy encoding seldom forms a valid multi-byte
/// character: none in French, German, Greek, Turkish or Russian of their
/// Windows code pages, and under a third as many as bad sequences in
/// Chinese, Japanese or Korean of GBK, Big5, Shift_JIS, EUC-JP or EUC-KR.
fn mostly_utf8(sample: &[u8], file_len: usize) -> bool {
    let (mut characters, mut bad) = (0usize, 0usize);
    let mut cut_at_end = false;
    let mut chunks = sample.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        // Lead bytes: one a multi-byte character.
        characters += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        if !chunk.invalid().is_empty() {
            let last = chunks.peek().is_none();
            // An incomplete character ending the sample is the sample's
            // cut when the file goes on, the file's when it ends there.
            let incomplete =
                last && chunk.invalid().len() < 4 && starts_a_character(chunk.invalid());
            if incomplete && sample.len() == file_len {
                cut_at_end = true;
            } else if !incomplete {
                bad += 1;
            }
        }
    }
    (bad == 0 && (cut_at_end || characters > 0)) || (bad > 0 && characters >= 2 * bad)
}

/// Whether `bytes` are the start of a UTF-8 character that the end cut.
fn starts_a_character(bytes: &[u8]) -> bool {
    let expected = match bytes[0] {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return false,
    };
    bytes.len() < expected && bytes[1..].iter().all(|&b| b & 0xC0 == 0x80)
}

/// `bytes` as UTF-8, each bad sequence a U+FFFD, with a note saying how
/// many there were and on which line the first stands, for the user to
/// mend the file.
fn lossy_utf8(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let (mut bad, mut first_line) = (0usize, None);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            bad += 1;
            first_line.get_or_insert_with(|| text.matches('\n').count() + 1);
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    let line = first_line.unwrap_or(1);
    let note = match bad {
        1 => format!("not valid UTF-8 in 1 place (line {line}); read as UTF-8 with U+FFFD there"),
        _ => format!(
            "not valid UTF-8 in {bad} places (the first on line {line}); read as UTF-8 with U+FFFD there"
        ),
    };
    Decoded {
        text,
        note: Some(note),
    }
}

/// UTF-16 without a BOM: text in Latin script has a zero in every other
/// byte. Requires most of one parity to be zero and almost none of the
/// other, so binary data with scattered NULs is not mistaken for it. Text
/// in another script (Cyrillic, Chinese) has zeros only in its spaces, line
/// breaks and ASCII signs: it is UTF-16 when, read in one byte order, it
/// holds spaces or line breaks and no NUL, no other control character and
/// no surrogate out of its pair, which binary data never avoids for long.
fn bomless_utf16(sniff: &[u8]) -> Option<&'static Encoding> {
    let pairs = sniff.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros_at = |parity: usize| {
        sniff
            .chunks_exact(2)
            .filter(|pair| pair[parity] == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let most = pairs * 9 / 10;
    let few = pairs / 20;
    if odd >= most && even <= few {
        return Some(UTF_16LE);
    } else if even >= most && odd <= few {
        return Some(UTF_16BE);
    }
    // Read in the wrong order, a space is U+2000 and a line break U+0A00:
    // the right order is the one with more of them.
    match (utf16_spaces(sniff, true), utf16_spaces(sniff, false)) {
        (Some(le), be) if be.is_none_or(|be| le >= be) => Some(UTF_16LE),
        (_, Some(_)) => Some(UTF_16BE),
        _ => None,
    }
}

/// How many spaces and line breaks `sniff` holds read as UTF-16 in one byte
/// order; `None` when it holds none, or reads as no text: a NUL or another
/// control character, or a surrogate out of its pair.
fn utf16_spaces(sniff: &[u8], little_endian: bool) -> Option<usize> {
    let units = sniff.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut decoded = char::decode_utf16(units).peekable();
    let mut spaces = 0;
    while let Some(c) = decoded.next() {
        match c {
            Ok('\t' | '\n' | '\r' | ' ') => spaces += 1,
            Ok('\x0c') => {}
            Ok(c) if c.is_control() => return None,
            Ok(_) => {}
            // A pair the end of the sniff cut is no fault of the text.
            Err(_) if decoded.peek().is_none() => {}
            Err(_) => return None,
        }
    }
    (spaces > 0).then_some(spaces)
}

/// More than 30% control bytes (other than tab, newline, form feed and
/// carriage return): no text encoding looks like that.
fn mostly_control(sniff: &[u8]) -> bool {
    // Comparisons joined without branches, counted in bytes a chunk of
    // 255 at a time: the compiler checks 16 bytes an instruction (a
    // filter's branch per byte cost 0.4 % of indexing's instructions).
    let is_control = |b: u8| {
        let below_space = (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0c);
        u8::from(below_space | (b == 0x7f))
    };
    let control: usize = sniff
        .chunks(usize::from(u8::MAX))
        .map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &b| n + is_control(b))))
        .sum();
    control * 10 > sniff.len() * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_bytes_are_those_below_space_but_whitespace_and_delete() {
        let is_control = |b: u8| (b < 0x20 && !b"\t\n\r\x0c".contains(&b)) || b == 0x7f;
        for b in 0..=u8::MAX {
            // Three control bytes in ten make a sniff binary.
            assert_eq!(
                mostly_control(&[b, b, b, b'a']),
                is_control(b),
                "byte {b:#x}"
            );
        }
        assert!(!mostly_control(b"\x01\x02\x03 plain text of more bytes"));
    }

    #[test]
    fn utf32_with_a_bom_is_decoded() {
        let text = "Zürich — 東京 🎉\n";
        let le: Vec<u8> = [0xFF, 0xFE, 0, 0]
            .into_iter()
            .chain(text.chars().flat_map(|c| u32::from(c).to_le_bytes()))
            .collect();
        let be: Vec<u8> = [0, 0, 0xFE, 0xFF]
            .into_iter()
            .chain(text.chars().flat_map(|c| u32::from(c).to_be_bytes()))
            .collect();
        for bytes in [le, be] {
            let decoded = decode(&bytes, || None).unwrap();
            assert_eq!(decoded.text, text);
            assert_eq!(decoded.note, None);
        }
        let bad = [0xFF, 0xFE, 0, 0, b'a', 0, 0, 0, 0, 0xD8, 0, 0, b'b'];
        let decoded = decode(&bad, || None).unwrap();
        assert_eq!(decoded.text, "a\u{FFFD}\u{FFFD}");
        assert_eq!(
            decoded.note.as_deref(),
            Some("invalid UTF-32LE bytes replaced with U+FFFD")
        );
    }

    #[test]
    fn an_html_page_declares_its_encoding_in_a_meta_tag() {
        let cases: [(&str, Option<&str>); 11] = [
            ("<html><head><meta charset=\"gbk\"><title>", Some("GBK")),
            ("<META CHARSET=Shift_JIS>", Some("Shift_JIS")),
            (
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">",
                Some("windows-1251"),
            ),
            ("<meta name=\"x\"><meta charset='euc-kr' />", Some("EUC-KR")),
            ("<meta charset=\"klingon\">", None),
            // As browsers read them: a page whose tag reads as ASCII is no
            // UTF-16, and one that would decode to U+FFFD alone says nothing.
            ("<meta charset=\"utf-16\">", Some("UTF-8")),
            ("<meta charset=utf-16be>", Some("UTF-8")),
            ("<meta charset=\"x-user-defined\">", Some("windows-1252")),
            ("<meta charset=\"iso-2022-kr\">", None),
            ("<p>charset=gbk</p>", None),
            ("<meta name=\"description\" content=\"news\">", None),
        ];
        for (head, want) in cases {
            let found = declared_in_html(head.as_bytes()).map(Encoding::name);
            assert_eq!(found, want, "{head}");
        }
        // Only the first 1024 bytes count, as the HTML standard's prescan.
        let late = format!("{}<meta charset=gbk>", " ".repeat(2000));
        assert_eq!(declared_in_html(late.as_bytes()), None);
    }

    #[test]
    fn a_declared_encoding_decodes_bytes_that_are_not_utf8() {
        // A short GBK page: too little text for a guess to be sure.
        let (gbk, _, _) = encoding_rs::GBK.encode("<p>北京市政府</p>");
        let declared = decode(&gbk, || Some(encoding_rs::GBK)).unwrap();
        assert_eq!(declared.text, "<p>北京市政府</p>");
        assert_eq!(
            declared.note.as_deref(),
            Some("not valid UTF-8; decoded as GBK, as the page declares")
        );
        // Valid UTF-8 stays UTF-8 whatever the page says, and a page that
        // says UTF-8 but is not is left to the guess.
        let utf8 = decode("<p>Zürich</p>".as_bytes(), || Some(encoding_rs::GBK)).unwrap();
        assert_eq!(utf8.text, "<p>Zürich</p>");
        let latin1 = decode(b"<p>Z\xfcrich</p>", || Some(UTF_8)).unwrap();
        assert_eq!(latin1.text, "<p>Zürich</p>");
    }

    fn utf16le(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    fn utf16be(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    #[test]
    fn decodes_text_encodings() {
        let with_bom = |bom: &[u8], body: Vec<u8>| [bom.to_vec(), body].concat();
        let cases: Vec<(&str, Vec<u8>, &str, Option<&str>)> = vec![
            ("utf-8", "Baku – Moscow".into(), "Baku – Moscow", None),
            (
                "utf-8 bom",
                with_bom(b"\xEF\xBB\xBF", "Baku".into()),
                "Baku",
                None,
            ),
            (
                "utf-16le bom",
                with_bom(b"\xFF\xFE", utf16le("Bakı")),
                "Bakı",
                None,
            ),
            (
                "utf-16be bom",
                with_bom(b"\xFE\xFF", utf16be("Bakı")),
                "Bakı",
                None,
            ),
            (
                "utf-16le no bom",
                utf16le("Azerbaijan Airlines"),
                "Azerbaijan Airlines",
                Some("no byte order mark; decoded as UTF-16LE"),
            ),
            (
                "utf-16be no bom",
                utf16be("Azerbaijan Airlines"),
                "Azerbaijan Airlines",
                Some("no byte order mark; decoded as UTF-16BE"),
            ),
            (
                "utf-16le no bom, Cyrillic",
                utf16le("Пожар в Москве\n\nВ среду в центре Москвы."),
                "Пожар в Москве\n\nВ среду в центре Москвы.",
                Some("no byte order mark; decoded as UTF-16LE"),
            ),
            (
                "utf-16be no bom, Chinese",
                utf16be("上海新闻\n\n上海市政府今天宣布了新的计划。一\n"),
                "上海新闻\n\n上海市政府今天宣布了新的计划。一\n",
                Some("no byte order mark; decoded as UTF-16BE"),
            ),
            (
                "windows-1252",
                b"Caf\xe9 cr\xe8me, na\xefve \x93quotes\x94 and \x80 signs in this sentence."
                    .to_vec(),
                "Café crème, naïve \u{201c}quotes\u{201d} and € signs in this sentence.",
                Some("not valid UTF-8; decoded as windows-1252"),
            ),
            (
                "utf-8 with a stray byte",
                b"Caf\xc3\xa9 owner \xe2\x80\x94 r\xc3\xa9sum\xc3\xa9\nna\xefve".to_vec(),
                "Café owner — résumé\nna\u{fffd}ve",
                Some("not valid UTF-8 in 1 place (line 2); read as UTF-8 with U+FFFD there"),
            ),
            (
                "utf-8 with two latin-1 letters among many",
                b"\xe2\x80\x9cZ\xfcrich\xe2\x80\x9d, \xe2\x80\x9cM\xfcnchen\xe2\x80\x9d".to_vec(),
                "\u{201c}Z\u{fffd}rich\u{201d}, \u{201c}M\u{fffd}nchen\u{201d}",
                Some(
                    "not valid UTF-8 in 2 places (the first on line 1); read as UTF-8 with U+FFFD there",
                ),
            ),
            (
                "utf-8 cut in a character at the end",
                b"Plain words, then a dash \xe2\x80".to_vec(),
                "Plain words, then a dash \u{fffd}",
                Some("not valid UTF-8 in 1 place (line 1); read as UTF-8 with U+FFFD there"),
            ),
            (
                "windows-1252 with one character that is also utf-8",
                b"\xc3\xa9 in Paris: caf\xe9 cr\xe8me, na\xefve \x93quotes\x94 and \x80 signs"
                    .to_vec(),
                "Ã© in Paris: café crème, naïve \u{201c}quotes\u{201d} and € signs",
                Some("not valid UTF-8; decoded as windows-1252"),
            ),
            (
                "bad utf-8 after bom",
                with_bom(b"\xEF\xBB\xBF", b"a\xffb".to_vec()),
                "a\u{fffd}b",
                Some("invalid UTF-8 bytes replaced with U+FFFD"),
            ),
        ];
        for (name, bytes, text, note) in cases {
            let decoded = decode(&bytes, || None).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(decoded.text, text, "{name}");
            assert_eq!(decoded.note.as_deref(), note, "{name}");
        }
    }

    #[test]
    fn legacy_encodings_are_not_taken_for_damaged_utf8() {
        let news = [
            (
                encoding_rs::GBK,
                "中华人民共和国国务院总理周三在北京会见了阿塞拜疆总统，双方就航空安全交换了意见。",
            ),
            (
                encoding_rs::BIG5,
                "中華民國總統週三在台北會見了亞塞拜然總統，雙方就航空安全交換了意見。",
            ),
            (
                encoding_rs::SHIFT_JIS,
                "東京都知事は水曜日、記者会見で新しい防災計画を発表した。",
            ),
            (
                encoding_rs::EUC_JP,
                "東京都知事は水曜日、記者会見で新しい防災計画を発表した。",
            ),
            (
                encoding_rs::EUC_KR,
                "대통령은 수요일 서울에서 아제르바이잔 대통령과 회담을 가졌다.",
            ),
            (
                encoding_rs::KOI8_U,
                "Президент Азербайджана заявил, что самолёт был сбит. Україна і Білорусь.",
            ),
            (
                encoding_rs::WINDOWS_1253,
                "Ο πρόεδρος δήλωσε ότι το αεροπλάνο καταρρίφθηκε.",
            ),
        ];
        for (encoding, text) in news {
            let (bytes, _, _) = encoding.encode(text);
            assert!(!mostly_utf8(&bytes, bytes.len()), "{}", encoding.name());
            assert_eq!(decode(&bytes, || Some(encoding)).unwrap().text, text);
        }
    }

    #[test]
    fn refuses_binary() {
        let cases: Vec<(&str, Vec<u8>)> = vec![
            (
                "png header",
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec(),
            ),
            ("nul in text", b"hello\0world, this is not text".to_vec()),
            ("nuls in text", b"The lynx\0\0\0 prowled.\0\0".to_vec()),
            (
                "a gzip header",
                b"\x1f\x8b\x08\0\0\0\0\0\0\x03\xed\x9d[s\xdb\xb6\x15".to_vec(),
            ),
            ("control chars", vec![1, 2, 3, 4, 5, 6, b'a', 7, 8, 0x0e]),
        ];
        for (name, bytes) in cases {
            assert_eq!(decode(&bytes, || None), Err(NotText::Binary), "{name}");
        }
    }
}
