//! Markdown articles (`.md`): front matter for metadata, the body rendered to
//! plain text.
//!
//! Front matter is YAML between `---` lines, or TOML between `+++` lines (a
//! flat `key = value` subset: strings, numbers, booleans, bare dates, arrays
//! of strings; tables are ignored). It gives `title`, `date`/`published`,
//! `url`, `author` (see `super::fields`). Without a front-matter title, a
//! leading `# Heading` is the title. Markdown may also open with `---` as a
//! thematic break: lines up to the next `---` are front matter only when
//! they are a YAML mapping, or `key: value` lines with a typo (which get a
//! warning); a paragraph or a list there is text.
//!
//! The body becomes plain text with pulldown-cmark: each block (paragraph,
//! heading, list item, table row) a paragraph, separated by blank lines so
//! passage splitting sees them; soft line breaks stay line breaks so a
//! passage's line counts match the source. Links keep their text, inline
//! code keeps its text, code blocks, images and raw HTML are dropped.
//! Every block start (and every line after a break) gets a line anchor from
//! pulldown-cmark's source offsets.

use crate::chars;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde_json::{Map, Value};

use super::fields;
use super::{Loaded, Warning};
use crate::article::{Article, LineAnchor};

/// Loads a Markdown article.
pub fn load(path: &Path, source: String) -> Loaded {
    let mut warnings = Vec::new();
    let line_starts = line_starts(&source);
    let front = split_front_matter(&source).and_then(|front| {
        let meta = match front.kind {
            FrontKind::Yaml => yaml_object(front.content)?,
            FrontKind::Toml => toml_object(front.content),
        };
        if front.unclosed {
            // A guess: only a mapping that names a field newsdex reads is
            // front matter; anything else is Markdown after a thematic break.
            let known = meta.as_ref().is_ok_and(|map| map.keys().any(|k| fields::is_known_key(k)));
            if !known {
                return None;
            }
            let reason = "front matter has no closing `---`: read up to the first blank line (add the `---`)";
            warnings.push(Warning::at_line(path, 1, reason));
        }
        Some((meta, front.body_start))
    });
    let (meta, body_range) = match front {
        Some((meta, body_start)) => {
            let meta = meta.unwrap_or_else(|reason| {
                warnings.push(Warning::at_line(path, 1, format!("{reason}; ignored")));
                Map::new()
            });
            (meta, body_start..source.len())
        }
        None => (Map::new(), 0..source.len()),
    };
    let (fields, problems) = fields::read(&meta);
    // Front matter is hand-written: a bad field costs that field only.
    for problem in problems {
        warnings.push(Warning::at_line(
            path,
            1,
            format!("front matter: {}; ignored", problem.message()),
        ));
    }
    let rendered = render(&source, body_range, &line_starts);

    let mut article = Article::from_text(path, rendered.text);
    article.line_anchors = rendered.anchors;
    if article.line_anchors.is_empty() {
        article.line_anchors.push(LineAnchor { offset: 0, line: 1 });
    }
    article.id = fields.id;
    article.url = fields.url;
    article.author = fields.author;
    article.section = fields.section;
    article.published = fields.published;
    // A leading `# Heading` is the headline: the title when the front
    // matter has none, and out of the passages when it repeats the title.
    match (fields.title, rendered.leading_h1) {
        (Some(title), Some((heading, body_start))) if heading == title => {
            article.title = Some(title);
            article.body_start = body_start;
        }
        (Some(title), _) => article.title = Some(title),
        (None, Some((heading, body_start))) => {
            article.title = Some(heading);
            article.body_start = body_start;
        }
        (None, None) => {}
    }
    Loaded {
        articles: vec![article],
        warnings,
    }
}

#[derive(Debug, PartialEq, Eq)]
enum FrontKind {
    Yaml,
    Toml,
}

struct FrontMatter<'a> {
    kind: FrontKind,
    content: &'a str,
    /// Byte offset of the first line after the closing delimiter.
    body_start: usize,
    /// No closing delimiter: the front matter ran to the first blank line.
    unclosed: bool,
}

/// Front matter: the file opens with `---` (YAML) or `+++` (TOML) alone on
/// its line and a matching line (`---` or `...` for YAML) closes it. Without
/// a closing line, YAML front matter may still end at the first blank line
/// (a forgotten `---`, `unclosed`; the caller checks what it holds), or the
/// `---` is a thematic break.
fn split_front_matter(source: &str) -> Option<FrontMatter<'_>> {
    let first_end = source.find('\n')?;
    let kind = match source[..first_end].trim_end() {
        "---" => FrontKind::Yaml,
        "+++" => FrontKind::Toml,
        _ => return None,
    };
    let content_start = first_end + 1;
    let mut offset = content_start;
    for line in source[content_start..].split_inclusive('\n') {
        let closes = matches!(
            (line.trim_end(), &kind),
            ("---" | "...", FrontKind::Yaml) | ("+++", FrontKind::Toml)
        );
        if closes {
            return Some(FrontMatter {
                kind,
                content: &source[content_start..offset],
                body_start: offset + line.len(),
                unclosed: false,
            });
        }
        offset += line.len();
    }
    if kind != FrontKind::Yaml {
        return None;
    }
    let mut offset = content_start;
    for line in source[content_start..].split_inclusive('\n') {
        if line.trim().is_empty() {
            return Some(FrontMatter {
                kind,
                content: &source[content_start..offset],
                body_start: offset + line.len(),
                unclosed: true,
            });
        }
        offset += line.len();
    }
    None
}

/// YAML front matter as a JSON object, or why it cannot be read; `None`
/// when the lines between the `---` are not front matter but Markdown
/// between two thematic breaks (a paragraph, a list), text to keep.
fn yaml_object(content: &str) -> Option<Result<Map<String, Value>, String>> {
    if content.trim().is_empty() {
        return Some(Ok(Map::new()));
    }
    if nested_deeper_than(content, MAX_YAML_NESTING) {
        return is_key_value_lines(content).then(|| {
            Err(format!(
                "front matter nested more than {MAX_YAML_NESTING} brackets deep"
            ))
        });
    }
    // Front matter starts on the file's second line: a blank line before
    // it makes the lines YAML's errors name the file's.
    let yaml: serde_yaml_ng::Value = match serde_yaml_ng::from_str(&format!("\n{content}")) {
        Ok(yaml) => yaml,
        // Fields with a typo are worth a warning; prose is text.
        Err(e) => {
            return is_key_value_lines(content)
                .then(|| Err(format!("front matter is not valid YAML: {e}")));
        }
    };
    match serde_json::to_value(&yaml) {
        Ok(Value::Object(map)) if !is_note(&map) => Some(Ok(map)),
        // A paragraph reads as a YAML string, a list as a sequence, and a
        // note set off by rules ("UPDATE: The toll rose to 38.") as a
        // mapping of one key.
        Ok(_) => None,
        Err(e) => Some(Err(format!("front matter cannot be read: {e}"))),
    }
}

/// Whether a mapping is notes with labels ("UPDATE: The death toll rose
/// to 38.", "CORRECTION: An earlier version misnamed the airline."): keys
/// newsdex does not read, each with a sentence (it ends with `.`, `!` or
/// `?`, or runs to five words or more). `layout: post`, `tags: [a, b]`
/// and `Photo: AP images` are fields.
fn is_note(map: &Map<String, Value>) -> bool {
    let is_sentence = |value: &str| {
        value.trim_end().ends_with(['.', '!', '?']) || value.split_whitespace().nth(4).is_some()
    };
    !map.is_empty()
        && map.iter().all(|(key, value)| {
            !fields::is_known_key(key) && value.as_str().is_some_and(is_sentence)
        })
}

/// The deepest nesting of `[` and `{` read as YAML. serde_yaml_ng refuses
/// more than 128 levels of any kind, but only after libyaml has scanned the
/// whole text, in time that grows with the square of this nesting: 200 KB
/// of `[` took 30 seconds, and a few megabytes would hold the run for hours.
const MAX_YAML_NESTING: usize = 128;

/// Whether `[` and `{` nest deeper than `limit` in `content`, counted as
/// brackets wherever they stand (in a quoted string too, where no real
/// field holds so many).
fn nested_deeper_than(content: &str, limit: usize) -> bool {
    let mut depth = 0usize;
    for byte in content.bytes() {
        match byte {
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Whether `content` reads as YAML fields: it opens with a `key:` line and
/// every other line is one too, a comment, or an indented or `- ` line
/// continuing the key above.
fn is_key_value_lines(content: &str) -> bool {
    let mut lines = content
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'));
    lines.next().is_some_and(starts_with_key)
        && lines.all(|line| starts_with_key(line) || line.starts_with([' ', '\t', '-']))
}

/// `title:` or `date_published: 2024`: a plain YAML key and its colon.
fn starts_with_key(line: &str) -> bool {
    let Some((key, rest)) = line.split_once(':') else {
        return false;
    };
    let is_key_char = |c: char| chars::is_alphanumeric(c) || matches!(c, '_' | '-');
    !key.is_empty()
        && key.chars().all(is_key_char)
        && (rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// TOML front matter (the flat subset described in the module docs) as a
/// JSON object, or why not.
fn toml_object(content: &str) -> Result<Map<String, Value>, String> {
    let mut map = Map::new();
    for (i, line) in content.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') {
            // A table: its keys are not article fields.
            break;
        }
        let (key, value) = line
            .split_once('=')
            .ok_or_else(|| format!("front matter line {}: expected `key = value`", i + 2))?;
        let key = key.trim().trim_matches(['"', '\'']);
        let value = toml_value(value.trim())
            .ok_or_else(|| format!("front matter line {}: cannot read TOML value", i + 2))?;
        map.insert(key.to_string(), value);
    }
    Ok(map)
}

fn toml_value(raw: &str) -> Option<Value> {
    if raw.starts_with('"') || raw.starts_with('\'') {
        let (s, rest) = toml_string(raw)?;
        return is_end(rest).then_some(Value::String(s));
    }
    if let Some(inner) = raw.strip_prefix('[') {
        let mut items = Vec::new();
        let mut rest = inner.trim_start();
        loop {
            if let Some(after) = rest.strip_prefix(']') {
                return is_end(after).then_some(Value::Array(items));
            }
            let (s, after) = toml_string(rest)?;
            items.push(Value::String(s));
            rest = after.trim_start();
            rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
        }
    }
    let bare = raw.split(" #").next().unwrap_or(raw).trim();
    match bare {
        "" => None,
        "true" => Some(Value::Bool(true)),
        "false" => Some(Value::Bool(false)),
        _ => Some(
            bare.parse::<i64>()
                .map(Value::from)
                .unwrap_or_else(|_| Value::String(bare.to_string())),
        ),
    }
}

/// Nothing but a comment after a value.
fn is_end(rest: &str) -> bool {
    let rest = rest.trim();
    rest.is_empty() || rest.starts_with('#')
}

/// A TOML basic (`"..."`, with escapes) or literal (`'...'`) string at the
/// start of `raw`, and what follows it.
fn toml_string(raw: &str) -> Option<(String, &str)> {
    if let Some(rest) = raw.strip_prefix('\'') {
        let end = rest.find('\'')?;
        return Some((rest[..end].to_string(), &rest[end + 1..]));
    }
    let rest = raw.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = rest.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &rest[i + 1..])),
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    '"' => out.push('"'),
                    '\\' => out.push('\\'),
                    'u' | 'U' => {
                        let len = if e == 'u' { 4 } else { 8 };
                        let hex: String =
                            (0..len).filter_map(|_| chars.next().map(|x| x.1)).collect();
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                    }
                    _ => return None,
                }
            }
            c => out.push(c),
        }
    }
    None
}

/// Byte offsets at which each line of `source` starts.
fn line_starts(source: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// 1-based line of byte `offset`.
fn line_of(line_starts: &[usize], offset: usize) -> usize {
    line_starts.partition_point(|&s| s <= offset).max(1)
}

/// The body rendered to plain text.
struct Rendered {
    text: String,
    anchors: Vec<LineAnchor>,
    /// A level-1 heading that is the body's first block, and where the text
    /// after it starts.
    leading_h1: Option<(String, usize)>,
}

/// Builds plain text block by block.
#[derive(Default)]
struct Builder {
    text: String,
    anchors: Vec<LineAnchor>,
    /// A block ended: the next text starts a new paragraph.
    block_break: bool,
    /// A line break inside a block: the next text gets its own anchor.
    line_break: bool,
    /// Between table cells.
    space: bool,
}

impl Builder {
    fn push(&mut self, s: &str, line: usize) {
        if s.is_empty() {
            return;
        }
        let new_line = self.block_break || self.line_break || self.text.is_empty();
        if self.block_break && !self.text.is_empty() {
            self.text.push_str("\n\n");
        } else if self.line_break {
            self.text.push('\n');
        } else if self.space && !self.text.is_empty() {
            self.text.push(' ');
        }
        if new_line {
            self.anchor(line);
        }
        self.block_break = false;
        self.line_break = false;
        self.space = false;
        self.text.push_str(s);
    }

    fn anchor(&mut self, line: usize) {
        let offset = self.text.len();
        match self.anchors.last_mut() {
            Some(last) if last.offset == offset => last.line = line,
            _ => self.anchors.push(LineAnchor { offset, line }),
        }
    }

    fn end_block(&mut self) {
        self.block_break = true;
        self.line_break = false;
        self.space = false;
    }

    fn break_line(&mut self) {
        if !self.block_break && !self.text.is_empty() {
            self.line_break = true;
        }
    }
}

fn render(source: &str, body: Range<usize>, line_starts: &[usize]) -> Rendered {
    let base = body.start;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut out = Builder::default();
    // Inside a code block or an image: text there is not prose.
    let mut skip = 0usize;
    let mut blocks_seen = 0usize;
    // Where a level-1 heading that opens the body started, while inside it.
    let mut h1_start: Option<usize> = None;
    let mut heading: Option<String> = None;
    let mut body_start: Option<usize> = None;
    for (event, range) in Parser::new_ext(&source[body], options).into_offset_iter() {
        let line = line_of(line_starts, base + range.start);
        match event {
            Event::Start(tag) => match tag {
                Tag::CodeBlock(_) | Tag::Image { .. } => skip += 1,
                Tag::Heading { level, .. } => {
                    if level == HeadingLevel::H1 && blocks_seen == 0 {
                        h1_start = Some(out.text.len());
                    }
                    blocks_seen += 1;
                    out.end_block();
                }
                Tag::Paragraph
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition
                | Tag::HtmlBlock => {
                    blocks_seen += 1;
                    out.end_block();
                }
                Tag::TableCell => out.space = true,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::CodeBlock => {
                    skip = skip.saturating_sub(1);
                    out.end_block();
                }
                TagEnd::Image => skip = skip.saturating_sub(1),
                TagEnd::Heading(_) => {
                    if let Some(start) = h1_start.take() {
                        let text = out.text[start..].trim();
                        heading = (!text.is_empty()).then(|| text.to_string());
                    }
                    out.end_block();
                }
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition
                | TagEnd::HtmlBlock => out.end_block(),
                _ => {}
            },
            Event::Text(t) | Event::Code(t) if skip == 0 && !t.is_empty() => {
                out.push(&t, line);
                if heading.is_some() && h1_start.is_none() && body_start.is_none() {
                    // The first text after the title heading starts the body.
                    body_start = Some(out.text.len() - t.len());
                }
            }
            Event::SoftBreak | Event::HardBreak => out.break_line(),
            Event::Rule => out.end_block(),
            _ => {}
        }
    }
    let text_len = out.text.len();
    Rendered {
        leading_h1: heading.map(|h| (h, body_start.unwrap_or(text_len))),
        text: out.text,
        anchors: out.anchors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// (name, source, title, published, url, author)
    type FrontCase = (
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<NaiveDate>,
        Option<&'static str>,
        Option<&'static str>,
    );

    fn md(source: &str) -> Loaded {
        load(Path::new("a.md"), source.to_string())
    }

    #[test]
    fn front_matter_and_title() {
        let d = NaiveDate::from_ymd_opt;
        // (name, source, title, published, url, author)
        let cases: &[FrontCase] = &[
            (
                "yaml",
                "---\ntitle: T\ndate: 2024-12-30\nurl: http://x\nauthor: A\n---\nBody.\n",
                Some("T"),
                d(2024, 12, 30),
                Some("http://x"),
                Some("A"),
            ),
            (
                "yaml quoted",
                "---\ntitle: \"Azerbaijan's Leader\"\npublished: \"2024-12-30T10:00:00Z\"\n---\nBody.",
                Some("Azerbaijan's Leader"),
                d(2024, 12, 30),
                None,
                None,
            ),
            (
                "yaml authors list",
                "---\nauthors: [A, B]\n...\nBody.",
                None,
                None,
                None,
                Some("A, B"),
            ),
            (
                "toml",
                "+++\ntitle = \"T \\\"q\\\"\"\ndate = 2024-12-30T10:00:00Z\nauthor = ['A', \"B\"]\n[extra]\nx = 1\n+++\nBody.",
                Some("T \"q\""),
                d(2024, 12, 30),
                None,
                Some("A, B"),
            ),
            (
                "h1 title",
                "# Heading\n\nBody.",
                Some("Heading"),
                None,
                None,
                None,
            ),
            (
                "front matter wins over h1",
                "---\ntitle: T\n---\n# Other\n\nBody.",
                Some("T"),
                None,
                None,
                None,
            ),
            (
                "h2 is not a title",
                "## Section\n\nBody.",
                None,
                None,
                None,
                None,
            ),
            (
                "h1 not first",
                "Intro.\n\n# Heading\n",
                None,
                None,
                None,
                None,
            ),
            (
                "unclosed front matter",
                "---\ntitle: T\nBody.",
                None,
                None,
                None,
                None,
            ),
            (
                "crlf front matter",
                "---\r\ntitle: T\r\n---\r\nBody.",
                Some("T"),
                None,
                None,
                None,
            ),
        ];
        for (name, source, title, published, url, author) in cases {
            let loaded = md(source);
            let a = &loaded.articles[0];
            assert!(loaded.warnings.is_empty(), "{name}: {:?}", loaded.warnings);
            assert_eq!(a.title.as_deref(), *title, "{name}");
            assert_eq!(a.published, *published, "{name}");
            assert_eq!(a.url.as_deref(), *url, "{name}");
            assert_eq!(a.author.as_deref(), *author, "{name}");
        }
    }

    #[test]
    fn body_to_plain_text() {
        // (name, source, text, body)
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "paragraphs",
                "One\ntwo.\n\nThree.\n",
                "One\ntwo.\n\nThree.",
                "One\ntwo.\n\nThree.",
            ),
            (
                "emphasis and links",
                "Some *very* **bold** [link text](http://x) and `code`.",
                "Some very bold link text and code.",
                "Some very bold link text and code.",
            ),
            (
                "escapes",
                "Price \\*5\\* \\`x\\` GB \\# 20 &amp; more",
                "Price *5* `x` GB # 20 & more",
                "Price *5* `x` GB # 20 & more",
            ),
            (
                "heading is a paragraph",
                "Intro.\n## Part\nText.",
                "Intro.\n\nPart\n\nText.",
                "Intro.\n\nPart\n\nText.",
            ),
            (
                "h1 title left out of the body",
                "# Title\n\nBody.",
                "Title\n\nBody.",
                "Body.",
            ),
            (
                "lists",
                "- one\n- two\n\n1. three",
                "one\n\ntwo\n\nthree",
                "one\n\ntwo\n\nthree",
            ),
            ("quote", "> quoted\n> text", "quoted\ntext", "quoted\ntext"),
            (
                "code block dropped",
                "Before.\n\n```\nlet x = 1;\n```\n\nAfter.",
                "Before.\n\nAfter.",
                "Before.\n\nAfter.",
            ),
            (
                "html dropped, text kept",
                "<div class=\"ad\">\nbuy\n</div>\n\nText <b>bold</b>.",
                "Text bold.",
                "Text bold.",
            ),
            (
                "image dropped",
                "See ![a chart](c.png) here.",
                "See  here.",
                "See  here.",
            ),
            (
                "table rows",
                "| a | b |\n|---|---|\n| c | d |",
                "a b\n\nc d",
                "a b\n\nc d",
            ),
            (
                "rule",
                "One.\n\n---\n\nTwo.",
                "One.\n\nTwo.",
                "One.\n\nTwo.",
            ),
            ("hard break", "One  \nTwo.", "One\nTwo.", "One\nTwo."),
        ];
        for (name, source, text, body) in cases {
            let a = &md(source).articles[0];
            assert_eq!(a.text, *text, "{name}");
            assert_eq!(a.body(), *body, "{name}");
        }
    }

    #[test]
    fn an_opening_rule_without_fields_after_it_keeps_its_text() {
        // (source, text)
        let cases: &[(&str, &str)] = &[
            ("---\n\nA crash.\n\n---\n\nMore.", "A crash.\n\nMore."),
            ("---\n- a\n- b\n---\nBody.", "a\n\nb\n\nBody."),
            ("---\nBy Jane Doe\n---\nBody.", "By Jane Doe\n\nBody."),
            ("---\n**News**: a crash.\n---\nB.", "News: a crash.\n\nB."),
            ("---\nNote: a: b.\nMore.\n---\n", "Note: a: b.\nMore."),
            (
                "---\n\nUPDATE: The death toll rose to 38.\n\n---\n\nThe plane crashed.",
                "UPDATE: The death toll rose to 38.\n\nThe plane crashed.",
            ),
            (
                "---\nWARNING: Graphic content follows.\n---\nB.",
                "WARNING: Graphic content follows.\n\nB.",
            ),
            // Fields newsdex does not read stay front matter.
            (
                "---\nSource: Reuters staff\nPhoto: AP images\n---\nB.",
                "B.",
            ),
            (
                "---\nUPDATE: Toll rises.\nCORRECTION: The airline was misnamed.\n---\nB.",
                "UPDATE: Toll rises.\nCORRECTION: The airline was misnamed.\n\nB.",
            ),
        ];
        for (source, text) in cases {
            let loaded = md(source);
            assert_eq!(loaded.warnings, [], "{source:?}");
            assert_eq!(loaded.articles[0].text, *text, "{source:?}");
        }
    }

    #[test]
    fn passages_report_source_lines() {
        let source = "---\ntitle: T\n---\nFirst line\nsecond line.\n\n\n## Part\n\n- item\n";
        let a = &md(source).articles[0];
        assert_eq!(a.text, "First line\nsecond line.\n\nPart\n\nitem");
        // (text, source line)
        let cases = [("First", 4), ("second", 5), ("Part", 8), ("item", 10)];
        for (needle, line) in cases {
            let offset = a.text.find(needle).unwrap();
            assert_eq!(a.line_at(offset), line, "{needle}");
        }
    }

    #[test]
    fn front_matter_without_its_closing_line_ends_at_the_first_blank_line() {
        let loaded = md("---\ntitle: Unclosed\ndate: 2024-12-30\n\nBody.\n");
        let a = &loaded.articles[0];
        assert_eq!(a.title.as_deref(), Some("Unclosed"));
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2024, 12, 30));
        assert_eq!(a.body().trim(), "Body.");
        let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "a.md:1: front matter has no closing `---`: read up to the first blank line (add the `---`)"
            ]
        );
        // A thematic break before a paragraph stays Markdown.
        let loaded = md("---\nA paragraph: with a colon.\n\nBody.\n");
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert!(loaded.articles[0].body().contains("A paragraph"));
    }

    #[test]
    fn a_title_of_digits_is_a_title() {
        // YAML reads `title: 1984` as a number; it is the story's headline.
        let loaded = md("---\ntitle: 1984\n---\nBody.");
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(loaded.articles[0].title.as_deref(), Some("1984"));
    }

    #[test]
    fn front_matter_warnings() {
        let deep = format!("---\ntitle: {}\n---\nBody.", "[".repeat(5_000));
        let cases: &[(&str, &str)] = &[
            // Refused before libyaml scans it, in time that grows with the
            // square of the nesting.
            (
                &deep,
                "a.md:1: front matter nested more than 128 brackets deep; ignored",
            ),
            (
                "---\ntitle: [unclosed\n---\nBody.",
                "a.md:1: front matter is not valid YAML: ",
            ),
            (
                "---\ntitle: \"open\n# a comment\ntags:\n  - x\n---\nBody.",
                "a.md:1: front matter is not valid YAML: ",
            ),
            // The lines YAML names are the file's, as the TOML ones are.
            (
                "---\ntitle: T\ndate: [2020\n---\nBody.",
                "a.md:1: front matter is not valid YAML: did not find expected ',' or ']' at line 4 column 1, while parsing a flow sequence at line 3 column 7; ignored",
            ),
            (
                "---\ntitle: true\n---\nBody.",
                "a.md:1: front matter: field `title` is a boolean, expected a string; ignored",
            ),
            (
                "---\ndate: soon\n---\nBody.",
                "a.md:1: front matter: unrecognised date \"soon\" in field `date`; ignored",
            ),
            (
                "+++\ntitle\n+++\nBody.",
                "a.md:1: front matter line 2: expected `key = value`; ignored",
            ),
            (
                "+++\ntitle = \"open\n+++\nBody.",
                "a.md:1: front matter line 2: cannot read TOML value; ignored",
            ),
        ];
        for (source, want) in cases {
            let loaded = md(source);
            assert_eq!(loaded.warnings.len(), 1, "{source:?}");
            let got = loaded.warnings[0].to_string();
            assert!(got.starts_with(want), "{source:?}: {got}");
            assert_eq!(loaded.articles[0].body(), "Body.", "{source:?}");
        }
    }
}
