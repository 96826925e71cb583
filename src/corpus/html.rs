//! HTML articles (`.html`, `.htm`), read with a real HTML parser (scraper).
//!
//! Metadata: title from `og:title`, else the `<h1>` of the story
//! `<article>` (see Text), else `<title>`; a title without the site's name
//! at its start or end when the page says what that is (`og:site_name`,
//! its domain, a link to its home page: see [`without_site`]).
//! Publication date from `article:published_time`, JSON-LD
//! `datePublished`, meta `date`/`pubdate`/`DC.date`, else a `<time
//! datetime>`: the story's own, (read with its `<footer>`, where blog
//! themes write "Posted on"), else one outside page chrome (a "last
//! updated" clock in the site header) and outside other articles (a teaser
//! card's date); in each place, one marked `pubdate` or
//! `itemprop="datePublished"` before the first, and none in chrome the
//! page marks by role, class or id (a reader's comment, a "trending" list).
//! Url from `og:url` or the canonical link; author from meta `author` or
//! JSON-LD.
//!
//! Text: the story element is an `<article>` outside page chrome (not a
//! teaser card in a header, sidebar or footer): the one whose `<h1>` is the
//! page's title (`og:title` or `<title>`, which may add the site's name);
//! else the one with the most text, if it holds at least half of the text
//! of all articles and a quarter of the text of `<main>` (else the page),
//! since a smaller one is one of many (a live blog's update, a comment) or
//! beside the story (a teaser card next to a story written outside
//! articles). An article's text includes that of articles nested in it,
//! and of equals the first wins. Without one, the first `<main>`, else
//! `<body>`.
//!
//! The story's text leaves out what never is article text (script, style,
//! buttons, labels, ...), page chrome (nav, header, footer, aside) and forms
//! (search boxes, comment and sign-up forms), with two exceptions. A
//! `<header>` inside an `<article>` or `<main>` is the story's own: its
//! headline, standfirst, byline and date are read, without the chrome in it
//! (a share bar's `<nav>`). A form that holds most of the story's text wraps
//! the page (ASP.NET WebForms wraps the whole body in one) and is read,
//! without its controls. A page's story also leaves out the chrome the page
//! marks by role, class or id (`chrome_marks.rs`: share bars, related
//! posts, comments, sidebars, menus in `<div>`s), except a marked wrapper
//! around the element holding the story's paragraphs (see
//! [`story_container`]), and paragraphs that are mostly link
//! text (menus, "Read more", lists of related stories). Block elements
//! become paragraphs separated by blank lines; whitespace inside a
//! paragraph collapses to single spaces.
//! Each walk of the tree is one iterative pass: linear time, and deeply
//! nested markup cannot overflow the stack.
//!
//! Line anchors are best effort: the parser keeps no source positions, so
//! each paragraph's opening words are searched for in the source, moving
//! forward from where the story element's tag appears.

use std::cell::OnceCell;
use std::cmp::Reverse;
use std::collections::HashSet;
use std::path::Path;

use ego_tree::NodeId;
use ego_tree::iter::{Edge, Traverse};
use scraper::node::Element;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use super::chrome_marks::is_marked_chrome;
use super::fields;
use super::metadate::{PUBLICATION_YEARS, is_publication_date, not_a_date, parse_date};
use super::{Loaded, Warning};
use crate::article::{Article, LineAnchor, comparable_title, newlines};
use crate::chars;

/// Elements whose content is not article text. A `<header>` inside an
/// `<article>` or `<main>` is kept (see [`TextEdges::drops`]). A `<form>` is
/// dropped too, unless it wraps the story (see [`Forms`]); its controls,
/// labels among them, are dropped either way.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "button", "select", "textarea",
    "label", "head", "title", "object", "canvas", "dialog",
];

/// Page chrome: a page's navigation, site header and footer and sidebars,
/// dropped from a page's story. A fragment (HTML in a JSON field) is all
/// story, so there they are read: a factbox `<aside>`, a notes `<footer>`.
const CHROME: &[&str] = &["nav", "header", "footer", "aside"];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "br",
    "hr",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "section",
    "article",
    "main",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "center",
    "fieldset",
    "body",
    "header",
    "footer",
    "aside",
    "nav",
];

/// Meta names that carry a publication date, after `article:published_time`.
const DATE_META_NAMES: &[&str] = &[
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "sailthru.date",
];

/// Deepest element nesting (as estimated by `nesting_estimate`) that is
/// parsed. html5ever's scope checks walk the stack of open elements, so
/// parse time grows with the square of the depth: a few megabytes of
/// `<div>` would take hours. Real pages nest a few dozen deep.
pub const MAX_NESTING: usize = 4096;

/// Loads an HTML article. `Err` when the page nests too deeply to parse in
/// reasonable time.
pub fn load(path: &Path, source: String) -> Result<Loaded, Warning> {
    if nesting_estimate(&source) > MAX_NESTING {
        return Err(Warning::new(
            path,
            format!("HTML nested more than {MAX_NESTING} elements deep; skipped"),
        ));
    }
    let doc = Html::parse_document(&source);
    let mut warnings = Vec::new();
    let json_ld = json_ld_objects(&doc);
    let metas: Vec<ElementRef<'_>> = doc.select(&selector("meta[content]")).collect();

    let site = SiteNames::of_page(&doc, &metas, &json_ld);
    let story = Story::find(&doc, &metas, &site);
    let paragraphs = paragraphs(&story);
    let title = meta_content(&metas, "property", "og:title")
        .map(|title| without_site(&title, &site))
        .or_else(|| story.headline())
        .or_else(|| page_title(&doc, &story, &site))
        .or_else(|| first_text(doc.root_element(), "h1"));

    let mut text = String::new();
    let mut starts = Vec::with_capacity(paragraphs.len());
    for paragraph in &paragraphs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        starts.push(text.len());
        text.push_str(paragraph);
    }
    // The headline repeated as the first paragraph is not body text.
    let body_start = match (&title, paragraphs.first()) {
        (Some(t), Some(first)) if first == t => starts.get(1).copied().unwrap_or(text.len()),
        _ => 0,
    };
    let story_start = find_tag(source.as_bytes(), story.tag, story.nth).unwrap_or(0);
    let line_anchors = anchors(&source, story_start, &paragraphs, &starts);

    let mut article = Article::from_text(path, text);
    article.title = title;
    article.body_start = body_start;
    article.line_anchors = line_anchors;
    article.published = published(&doc, &metas, &json_ld, &story, path, &mut warnings);
    article.url = meta_content(&metas, "property", "og:url")
        .or_else(|| first_attr(&doc, "link[rel~=\"canonical\"]", "href"));
    article.author = meta_content(&metas, "name", "author")
        .or_else(|| json_ld.iter().find_map(|o| fields::read(o).0.author));
    article.section = meta_content(&metas, "property", "article:section")
        .or_else(|| json_ld.iter().find_map(|o| fields::read(o).0.section));
    Ok(Loaded {
        articles: vec![article],
        warnings,
    })
}

/// Elements whose tags mark a string as HTML rather than prose with a `<`
/// in it (`x<y`, `<<EOF`): the ones article bodies are written with.
const FRAGMENT_TAGS: &[&str] = &[
    "p",
    "br",
    "div",
    "span",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "img",
    "figure",
    "figcaption",
    "table",
    "hr",
    "sup",
    "sub",
    "small",
    "cite",
    "q",
    "pre",
    "code",
    "iframe",
    "script",
    "style",
    "section",
];

/// Other elements a fragment may hold: what a `<` that opens none of
/// these is, is text (`x<y`, `<john@example.com>`), not a tag that would
/// swallow the rest of the paragraph.
const OTHER_ELEMENTS: &[&str] = &[
    "html", "meta", "link", "base", "abbr", "address", "area", "article", "audio", "bdi", "bdo",
    "caption", "center", "col", "colgroup", "data", "dd", "del", "details", "dfn", "dl", "dt",
    "embed", "fieldset", "font", "form", "input", "ins", "kbd", "main", "map", "mark", "meter",
    "option", "picture", "progress", "rp", "rt", "ruby", "s", "samp", "source", "strike",
    "summary", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "track", "tt", "var", "video",
    "wbr",
];

/// Whether a metadata string (a JSON record's body or title) is HTML, as
/// WordPress, JSON Feed's `content_html` and many feeds write them: it has
/// a tag of [`FRAGMENT_TAGS`] or a character reference (`&amp;`,
/// `&#8217;`). Prose with a `<` or `&` in it (`x<y`, `AT&T`) is not, nor
/// is a ticker in angle brackets (`USAir Group <U>`): a bare tag in
/// capitals counts only with its closing tag.
pub fn is_markup(text: &str) -> bool {
    let b = text.as_bytes();
    // Most of a story holds neither `<` nor `&`: a chunk is looked at byte
    // by byte only when it holds one, which the compiler checks 16 bytes
    // an instruction (every byte with its branch was 0.4 % of indexing's
    // instructions).
    const CHUNK: usize = 64;
    b.chunks(CHUNK).enumerate().any(|(chunk_index, chunk)| {
        chunk.iter().fold(0u8, |any, &c| {
            any | u8::from(c == b'<') | u8::from(c == b'&')
        }) != 0
            && chunk.iter().enumerate().any(|(i, &c)| {
                let at = chunk_index * CHUNK + i;
                match c {
                    b'<' => tag_name(&b[at + 1..]).is_some_and(|name| {
                        is_one_of(name, FRAGMENT_TAGS)
                            && !is_unclosed_ticker(text, &b[at + 1..], name)
                    }),
                    b'&' => is_character_reference(&b[at + 1..]),
                    _ => false,
                }
            })
    })
}

/// Whether the tag `name` that `after` (what follows its `<`) starts is
/// `<U>`, `<S>`, `<BR>` as wire copy marks a company's ticker: capitals,
/// no attributes, and no `</U>` anywhere in `text`. Reuters writes
/// "Trans World Airlines <TWA> and USAir Group <U>", and reading that as
/// HTML dropped the tickers and ran the story's lines together.
fn is_unclosed_ticker(text: &str, after: &[u8], name: &[u8]) -> bool {
    after.get(name.len()) == Some(&b'>')
        && name.iter().all(u8::is_ascii_uppercase)
        && !text.contains(&format!("</{}>", String::from_utf8_lossy(name)))
}

/// The element name a tag starts with, given what follows its `<`: `p` of
/// `p>`, `/p>`, `br/>` and `p class=...`; `o:p` of `o:p>` (Word's markup)
/// and `amp-img` of `amp-img src=...`.
fn tag_name(after: &[u8]) -> Option<&[u8]> {
    let after = after.strip_prefix(b"/").unwrap_or(after);
    if !after.first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_len = after
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b':' | b'-'))
        .count();
    let ends_name = matches!(
        after.get(name_len),
        Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')
    );
    ends_name.then(|| &after[..name_len])
}

fn is_one_of(name: &[u8], elements: &[&str]) -> bool {
    elements
        .iter()
        .any(|element| element.as_bytes().eq_ignore_ascii_case(name))
}

/// `amp;`, `#8217;`, `#x2019;` after `&`.
fn is_character_reference(after: &[u8]) -> bool {
    let name_len = after
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'#')
        .count();
    name_len > 0 && after.get(name_len) == Some(&b';')
}

/// The plain text of an HTML fragment (HTML in a JSON field): paragraphs
/// separated by blank lines, scripts and forms left out. Its own blank
/// lines separate paragraphs too, which HTML would collapse: feeds mix
/// blank-line paragraphs with a few tags. `None` when it nests too deeply to
/// parse in reasonable time (see [`MAX_NESTING`]).
pub fn fragment_text(markup: &str) -> Option<String> {
    let prepared = prepared_fragment(markup);
    if nesting_estimate(&prepared) > MAX_NESTING {
        return None;
    }
    let doc = Html::parse_fragment(&prepared);
    Some(paragraphs(&Story::fragment(&doc)).join("\n\n"))
}

/// `markup` as the parser should read it: a `<` that opens no tag
/// (`x<y`, `<jo@example.com>`) is written `&lt;`, so it does not swallow
/// the text after it, and a blank line in the text is a `<br>`, a
/// paragraph break. Tags, comments, scripts and styles are kept as they
/// are, blank lines in them too.
fn prepared_fragment(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len() + 16);
    let mut at = 0;
    while let Some(found) = markup[at..].find('<') {
        let lt = at + found;
        push_text(&mut out, &markup[at..lt]);
        match markup_end(markup, lt) {
            Some(end) => {
                out.push_str(&markup[lt..end]);
                at = end;
            }
            None => {
                out.push_str("&lt;");
                at = lt + 1;
            }
        }
    }
    push_text(&mut out, &markup[at..]);
    out
}

/// Text, with each blank line made a `<br>`.
fn push_text(out: &mut String, text: &str) {
    let mut blank_before = false;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty() && line.ends_with('\n');
        if blank && !blank_before {
            out.push_str("<br>");
        }
        blank_before = blank;
        out.push_str(line);
    }
}

/// Where the tag, comment, script or style that starts at `markup[lt]` (a
/// `<`) ends; `None` when that `<` opens none. A tag is a known element's
/// (see [`FRAGMENT_TAGS`] and the others), a name with `:` or `-` (`<o:p>`
/// of pasted Word text, `<amp-img>`), any closing tag, or a declaration
/// (`<!DOCTYPE ...>`, `<?xml ...>`).
fn markup_end(markup: &str, lt: usize) -> Option<usize> {
    let rest = &markup[lt..];
    // A comment, script or style that is never closed (a field cut short)
    // would take the rest of the text with it: its `<` is text instead.
    if rest.starts_with("<!--") {
        return rest.find("-->").map(|end| lt + end + 3);
    }
    let after = &rest.as_bytes()[1..];
    let tag_end = || lt + rest.find('>').map_or(rest.len(), |end| end + 1);
    match after.first() {
        Some(b'!' | b'?') if after.get(1).is_some_and(u8::is_ascii_alphabetic) => {
            return Some(tag_end());
        }
        Some(b'/') if after.get(1).is_some_and(u8::is_ascii_alphabetic) => {
            return Some(tag_end());
        }
        _ => {}
    }
    let name = tag_name(after)?;
    let is_element = name.iter().any(|c| matches!(c, b':' | b'-'))
        || [FRAGMENT_TAGS, BLOCKS, DROPPED, CHROME, OTHER_ELEMENTS]
            .iter()
            .any(|elements| is_one_of(name, elements));
    if !is_element {
        return None;
    }
    // A script's or a style's content is no text: its blank lines stay.
    if is_one_of(name, &["script", "style"]) {
        let closing = [b"</".as_slice(), name].concat();
        let close = rest
            .as_bytes()
            .windows(closing.len())
            .position(|w| w.eq_ignore_ascii_case(&closing));
        return close.map(|close| {
            lt + rest[close..]
                .find('>')
                .map_or(rest.len(), |e| close + e + 1)
        });
    }
    Some(tag_end())
}

/// The `<title>`, or the story's `<h1>` when the title is that headline
/// and the site's name ("Floods in Baku | Example News"), which is no part
/// of the headline. An `<h1>` that is the shorter part of the title, or not
/// in it, or that the page names its site with (see [`site_keys`]), is the
/// site's name or logo. A title is read without the site's name, when the
/// page says what that is (see [`without_site`]).
fn page_title(doc: &Html, story: &Story<'_>, site: &SiteNames<'_>) -> Option<String> {
    let title = first_text(doc.root_element(), "title")?;
    let headline = first_text(story.element, "h1")
        .filter(|h1| is_headline_of(h1, &title) && site_match(h1, site.keys()) == 0);
    Some(headline.unwrap_or_else(|| without_site(&title, site)))
}

/// A JSON-LD object.
type JsonObject = serde_json::Map<String, Value>;

/// What a page calls its site (see [`site_keys`]), read when a title has
/// a separator: most do not.
struct SiteNames<'a> {
    keys: OnceCell<Vec<String>>,
    /// The page, its `<meta content>` elements and its JSON-LD objects.
    page: Option<(&'a Html, &'a [ElementRef<'a>], &'a [JsonObject])>,
}

impl<'a> SiteNames<'a> {
    fn of_page(
        doc: &'a Html,
        metas: &'a [ElementRef<'a>],
        json_ld: &'a [serde_json::Map<String, Value>],
    ) -> SiteNames<'a> {
        SiteNames {
            keys: OnceCell::new(),
            page: Some((doc, metas, json_ld)),
        }
    }

    #[cfg(test)]
    fn known(names: &[&str]) -> SiteNames<'static> {
        SiteNames {
            keys: OnceCell::from(names.iter().map(|name| site_key(name)).collect::<Vec<_>>()),
            page: None,
        }
    }

    fn keys(&self) -> &[String] {
        self.keys.get_or_init(|| {
            self.page
                .map(|(doc, metas, json_ld)| site_keys(doc, metas, json_ld))
                .unwrap_or_default()
        })
    }
}

/// What the page calls its site, as [`site_key`]s: `og:site_name`,
/// `application-name`, `twitter:site`, the JSON-LD publisher's and
/// website's name, the text of links to the home page (the site's logo or
/// name in its header) and the names in its domain (of `og:url` or the
/// canonical link: `spiegel` of `www.spiegel.de`, `bbc` of
/// `news.bbc.co.uk`).
fn site_keys(
    doc: &Html,
    metas: &[ElementRef<'_>],
    json_ld: &[serde_json::Map<String, Value>],
) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (attr, value) in [
        ("property", "og:site_name"),
        ("name", "application-name"),
        ("name", "twitter:site"),
        ("property", "twitter:site"),
    ] {
        names.extend(meta_content(metas, attr, value));
    }
    for object in json_ld {
        let publisher = match object.get("publisher") {
            Some(Value::Array(publishers)) => publishers.first(),
            publisher => publisher,
        };
        names.extend(
            publisher
                .and_then(|p| p.get("name"))
                .and_then(Value::as_str)
                .map(str::to_string),
        );
        if object.get("@type").and_then(Value::as_str) == Some("WebSite") {
            names.extend(
                object
                    .get("name")
                    .and_then(Value::as_str)
                    .map(str::to_string),
            );
        }
    }
    let url = meta_content(metas, "property", "og:url")
        .or_else(|| first_attr(doc, "link[rel~=\"canonical\"]", "href"));
    let host = url.as_deref().and_then(url_host);
    let origin = url
        .as_deref()
        .zip(host)
        .and_then(|(url, host)| url.find(host).map(|at| &url[..at + host.len()]));
    // The first few: the logo and the site's name come first, and a page
    // may have thousands.
    let home_links = doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|link| {
            let link = link.value();
            let Some(href) = link.attr("href").filter(|_| link.name() == "a") else {
                return false;
            };
            let href = href.trim();
            href == "/"
                || origin.is_some_and(|origin| href.trim_end_matches('/') == origin)
                || link
                    .attr("rel")
                    .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "home"))
        })
        .map(|link| collapse(&spaced_text(link)))
        .filter(|text| !text.is_empty() && text.len() <= 80)
        .take(HOME_LINKS);
    names.extend(home_links);
    /// Parts of a domain that name no site.
    const GENERIC: &[&str] = &[
        "www", "www2", "m", "mobile", "amp", "edition", "co", "com", "org", "net", "gov", "ac",
        "edu",
    ];
    let labels = host
        .into_iter()
        .flat_map(|host| host.rsplit('.').skip(1))
        .filter(|label| !GENERIC.iter().any(|g| g.eq_ignore_ascii_case(label)))
        .map(str::to_string);
    let mut keys: Vec<String> = names
        .into_iter()
        .chain(labels)
        .map(|name| site_key(&name))
        .filter(|key| key.chars().count() >= 3)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// How many links to the home page name the site (see [`site_keys`]).
const HOME_LINKS: usize = 4;

/// The host of an absolute URL (`www.spiegel.de` of
/// `https://www.spiegel.de/politik/...`).
fn url_host(url: &str) -> Option<&str> {
    let rest = &url[url.find("://")? + 3..];
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

/// A site's name as it is compared: its letters, lower-cased (`derspiegel`
/// of "DER SPIEGEL 52/2018" and of "@derspiegel").
fn site_key(name: &str) -> String {
    name.chars()
        .filter(|&c| chars::is_alphabetic(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// How well a part of a title is the site's name: 2 when its letters are
/// those of one of the `site` keys ("DER SPIEGEL 52/2018" of "DER
/// SPIEGEL"), 1 when they start or end with one and add a word or so
/// ("Northshire Online" of `northshire.co.uk`, "DER SPIEGEL" of
/// `spiegel.de`), else 0.
fn site_match(part: &str, site: &[String]) -> u8 {
    let part = site_key(part);
    if part.is_empty() {
        return 0;
    }
    site.iter()
        .map(|key| {
            if part == *key {
                2
            } else if (part.starts_with(key.as_str()) || part.ends_with(key.as_str()))
                && part.len() <= key.len() + 8
            {
                1
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0)
}

/// `title` without the site's name, when one end of it is that (see
/// [`site_match`]): "Ein Albtraum" of "Ein Albtraum - DER SPIEGEL
/// 52/2018", "Council approves budget" of "Valley Times: Council approves
/// budget". Of a list of parts ("Storm floods road | UK news | The Daily
/// Example"), the part farthest from the site's name is the headline, the
/// others are sections. A title whose ends are not the site's name is
/// kept whole: "Brexit: what happens next" is a headline.
fn without_site(title: &str, site: &SiteNames<'_>) -> String {
    let separators = title_separators(title);
    let (Some(&first), Some(&last)) = (separators.first(), separators.last()) else {
        return title.to_string();
    };
    let site = site.keys();
    // The site's name after the last separator, else before the first.
    let suffix = (site_match(&title[last.1..], site), &title[..last.0], last.2);
    let prefix = (
        site_match(&title[..first.0], site),
        &title[first.1..],
        first.2,
    );
    let after = suffix.0 >= prefix.0;
    let (score, rest, separator) = if after { suffix } else { prefix };
    if score == 0 {
        return title.to_string();
    }
    let rest = rest.trim();
    let headline = if LIST_SEPARATORS.contains(&separator) {
        let mut parts = rest.split(separator).map(str::trim);
        let part = if after {
            parts.next()
        } else {
            parts.next_back()
        };
        part.unwrap_or(rest)
    } else {
        rest
    };
    if headline.chars().any(chars::is_alphanumeric) {
        headline.to_string()
    } else {
        title.to_string()
    }
}

/// Separators of a title that list its parts: sections between the
/// headline and the site's name.
const LIST_SEPARATORS: &[char] = &['|', '·', '•', '»', '«'];

/// Where a title is split into a headline and the site's name: at `|`,
/// `·`, `•`, `»` and `«`, at a dash with spaces around it (`-`, `–`, `—`:
/// not the hyphen of a word or the dash of a range) and at a colon before
/// a space. Each as its start, end and character.
fn title_separators(title: &str) -> Vec<(usize, usize, char)> {
    let mut out = Vec::new();
    let mut before = None;
    let mut chars = title.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let after = chars.peek().map(|&(_, c)| c);
        let spaced = |c: Option<char>| c.is_some_and(char::is_whitespace);
        let separates = LIST_SEPARATORS.contains(&c)
            || (matches!(c, '-' | '–' | '—') && spaced(before) && spaced(after))
            || (c == ':' && spaced(after) && !spaced(before));
        if separates {
            out.push((at, at + c.len_utf8(), c));
        }
        before = Some(c);
    }
    out
}

/// Whether `title` is `headline` and a shorter site name, on either side
/// of a separator (`|`, `-`, `–`, `—`, `:`, `·`).
fn is_headline_of(headline: &str, title: &str) -> bool {
    const SEPARATORS: &[char] = &['|', '-', '–', '—', ':', '·'];
    let site = if let Some(rest) = title.strip_prefix(headline) {
        rest.trim_start()
            .strip_prefix(SEPARATORS)
            .map(str::trim_start)
    } else if let Some(rest) = title.strip_suffix(headline) {
        rest.trim_end().strip_suffix(SEPARATORS).map(str::trim_end)
    } else {
        None
    };
    site.is_some_and(|site| site.chars().count() < headline.chars().count())
}

/// An upper estimate of how deeply `source` nests elements: start tags
/// minus end tags, ignoring void elements, elements whose end tag may be
/// left out, self-closing tags, comments and declarations. Only a guard
/// before parsing; text is never extracted this way.
fn nesting_estimate(source: &str) -> usize {
    /// Void elements, and elements a following sibling closes implicitly.
    const NOT_NESTING: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th",
    ];
    let b = source.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    // Where the next `>` is (the end when there is none), remembered:
    // searched again from every `<` of text with few `>` (`x<y x<y ...`),
    // it was quadratic.
    let mut next_gt = 0;
    let mut i = 0;
    while let Some(lt) = b[i..].iter().position(|&c| c == b'<') {
        i += lt + 1;
        if b[i..].starts_with(b"!--") {
            // Markup inside a comment is not markup.
            match source[i..].find("-->") {
                Some(end) => i += end + 3,
                None => break,
            }
            continue;
        }
        match b.get(i) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let name_len = b[i..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                let name = &b[i..i + name_len];
                if next_gt < i {
                    next_gt = b[i..]
                        .iter()
                        .position(|&c| c == b'>')
                        .map_or(b.len(), |p| i + p);
                }
                let self_closing = next_gt < b.len() && b[next_gt - 1] == b'/';
                let nests = !NOT_NESTING
                    .iter()
                    .any(|n| n.as_bytes().eq_ignore_ascii_case(name));
                if nests && !self_closing {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
            }
            _ => {}
        }
    }
    deepest
}

/// The element holding the article text.
struct Story<'a> {
    element: ElementRef<'a>,
    /// Its tag, and which of the page's elements with that tag it is
    /// (from 0): where it starts in the source.
    tag: &'static str,
    nth: usize,
    forms: Forms,
    /// Whether this is a fragment, not a page (see [`CHROME`]).
    fragment: bool,
    /// The marked elements that wrap the story's text and are read (see
    /// [`story_container`]): the container and its ancestors.
    wrappers: HashSet<NodeId>,
}

impl<'a> Story<'a> {
    /// Picks the story element, as the module doc says.
    fn find(doc: &'a Html, metas: &[ElementRef<'_>], site: &SiteNames<'_>) -> Story<'a> {
        let (page, page_tag) = match doc.select(&selector("body")).next() {
            Some(body) => (body, "body"),
            None => (doc.root_element(), "html"),
        };
        // An article inside a form is no teaser: the form wraps the page.
        let (articles, page_length) = text_lengths(page, Forms::All, "article");
        let main = doc.select(&selector("main")).next();
        let articles: Vec<(ElementRef<'a>, usize)> = articles
            .into_iter()
            .filter(|&(_, length)| length > 0)
            .collect();
        // The story has the page's headline: its `<h1>` is the page's title.
        // A teaser card's or a related story's `<h1>` is another title.
        let titles = page_titles(doc, metas, site);
        let headed = longest(articles.iter().filter(|(article, _)| {
            !is_nested_article(*article)
                && first_text(*article, "h1").is_some_and(|h1| is_title_of(&h1, &titles))
        }));
        // Without one, the longest article is the story when it stands out:
        // one holding less than half of all articles' text is one of many
        // (a live blog's update, a comment), and one holding less than a
        // quarter of the text around it is beside the story (a teaser card
        // next to a story written outside articles).
        let in_articles: usize = articles
            .iter()
            .filter(|(article, _)| !is_nested_article(*article))
            .map(|&(_, length)| length)
            .sum();
        let around = || match main {
            Some(main) => text_lengths(main, Forms::All, "main").1,
            None => page_length,
        };
        let stands_out = |&(_, length): &(ElementRef<'a>, usize)| {
            2 * length >= in_articles && 4 * length >= around()
        };
        let story = headed.or_else(|| longest(articles.iter()).filter(stands_out));
        if let Some((article, _)) = story {
            let nth = doc
                .select(&selector("article"))
                .position(|a| a.id() == article.id())
                .unwrap_or(0);
            return Story::new(article, "article", nth);
        }
        match main {
            Some(main) => Story::new(main, "main", 0),
            None => Story::new(page, page_tag, 0),
        }
    }

    fn new(element: ElementRef<'a>, tag: &'static str, nth: usize) -> Story<'a> {
        let mut story = Story {
            element,
            tag,
            nth,
            forms: Forms::Only(page_form(element)),
            fragment: false,
            wrappers: HashSet::new(),
        };
        story.wrappers = story_container(story.text_edges())
            .map(|container| {
                std::iter::once(container)
                    .chain(container.ancestors())
                    .map(|node| node.id())
                    .collect()
            })
            .unwrap_or_default();
        story
    }

    /// All of a fragment: HTML in a JSON field, which has no page chrome.
    fn fragment(doc: &'a Html) -> Story<'a> {
        let element = doc.root_element();
        Story {
            element,
            tag: "html",
            nth: 0,
            forms: Forms::Only(page_form(element)),
            fragment: true,
            wrappers: HashSet::new(),
        }
    }

    /// The first `<h1>` of a story `<article>`: the page's other `<h1>`s
    /// may be the site's name or a teaser's headline.
    fn headline(&self) -> Option<String> {
        match self.tag {
            "article" => first_text(self.element, "h1"),
            _ => None,
        }
    }

    fn text_edges(&self) -> TextEdges<'a> {
        TextEdges {
            chrome_is_text: self.fragment,
            ..TextEdges::new(self.element, self.forms)
        }
    }

    /// The walk of the story's text: a page's story also without the
    /// chrome it marks by role, class or id.
    fn text_edges_without_marked_chrome(&self) -> TextEdges<'a> {
        TextEdges {
            marked_chrome: (!self.fragment).then(|| self.wrappers.clone()),
            ..self.text_edges()
        }
    }

    /// The walk that finds the story's own `<time>`: with its footers, and
    /// without the chrome it marks (a comment's `<time>` is no date of the
    /// story's).
    fn dating_edges(&self) -> TextEdges<'a> {
        TextEdges {
            own_footers: true,
            ..self.text_edges_without_marked_chrome()
        }
    }
}

/// The element that holds the story's paragraphs: the one whose paragraphs
/// of prose add up to the most text, as a walk reads it. Each paragraph
/// (text between block boundaries) counts its characters outside links
/// (none when it is mostly links, see [`Paragraph::is_links`]) for the
/// block it is in and that block's parent, and half for the grandparent:
/// a story's paragraphs are siblings, a comment thread's or a related
/// list's each sit in their own item. An element's count is then lowered
/// by its share of link text (a list of related stories with excerpts),
/// divided by [`MARK_PENALTY`] for each element marked as chrome around it
/// and in it, the element included (a comment in a comment list in a
/// comments section), and raised by [`ARTICLE_BODY_BONUS`] inside an
/// `itemprop="articleBody"`. The longest text node decided before, and a
/// related story's excerpt or a reader's comment longer than each of the
/// story's paragraphs made the related list or the comments the wrapper
/// that was read.
fn story_container<'a>(edges: TextEdges<'a>) -> Option<ego_tree::NodeRef<'a, Node>> {
    /// An open block: its node, the marks and article bodies around it
    /// (itself included), its text and link text (non-space characters),
    /// and the prose of the paragraphs credited to it.
    struct Open<'a> {
        node: ego_tree::NodeRef<'a, Node>,
        marks: i32,
        in_body: bool,
        chars: usize,
        link_chars: usize,
        prose: f64,
    }
    let mut open: Vec<Open<'a>> = Vec::new();
    let mut best: Option<(ego_tree::NodeRef<'a, Node>, f64)> = None;
    // The paragraph being read: its characters and those in links.
    let (mut chars, mut link_chars) = (0usize, 0usize);
    let mut links = 0usize;
    let credit = |open: &mut Vec<Open<'a>>, chars: &mut usize, link_chars: &mut usize| {
        let paragraph = Paragraph {
            chars: *chars,
            link_chars: *link_chars,
            ..Paragraph::default()
        };
        if *chars > 0 && !paragraph.is_links() {
            let prose = (*chars - *link_chars) as f64;
            let n = open.len();
            for (up, share) in [(1, 1.0), (2, 1.0), (3, 0.5)] {
                if let Some(block) = n.checked_sub(up).and_then(|i| open.get_mut(i)) {
                    block.prose += share * prose;
                }
            }
        }
        (*chars, *link_chars) = (0, 0);
    };
    for edge in edges {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) if BLOCKS.contains(&el.name()) => {
                    credit(&mut open, &mut chars, &mut link_chars);
                    let (marks, in_body) = open
                        .last()
                        .map_or((0, false), |parent| (parent.marks, parent.in_body));
                    open.push(Open {
                        node,
                        marks: marks + i32::from(is_marked_chrome(el)),
                        in_body: in_body || is_article_body(el),
                        chars: 0,
                        link_chars: 0,
                        prose: 0.0,
                    });
                }
                Node::Element(el) if is_link(el) => links += 1,
                Node::Text(text) => {
                    let length = text.chars().filter(|c| !c.is_whitespace()).count();
                    chars += length;
                    if links > 0 {
                        link_chars += length;
                    }
                    if let Some(block) = open.last_mut() {
                        block.chars += length;
                        if links > 0 {
                            block.link_chars += length;
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => match node.value() {
                Node::Element(el) if BLOCKS.contains(&el.name()) => {
                    credit(&mut open, &mut chars, &mut link_chars);
                    let Some(block) = open.pop() else { continue };
                    if let Some(parent) = open.last_mut() {
                        parent.chars += block.chars;
                        parent.link_chars += block.link_chars;
                    }
                    if block.prose > 0.0 {
                        let unlinked = 1.0 - block.link_chars as f64 / block.chars.max(1) as f64;
                        let bonus = if block.in_body {
                            ARTICLE_BODY_BONUS
                        } else {
                            1.0
                        };
                        let score = block.prose * unlinked * bonus / MARK_PENALTY.powi(block.marks);
                        if best.is_none_or(|(_, top)| score > top) {
                            best = Some((block.node, score));
                        }
                    }
                }
                Node::Element(el) if is_link(el) => links = links.saturating_sub(1),
                _ => {}
            },
        }
    }
    best.map(|(node, _)| node)
}

/// How much less a candidate for the story's container counts for each
/// element marked as chrome around it ([`story_container`]).
const MARK_PENALTY: f64 = 3.0;

/// How much more a candidate for the story's container counts inside an
/// element marked as the article's body ([`story_container`]).
const ARTICLE_BODY_BONUS: f64 = 3.0;

/// Whether schema.org microdata marks `element` as the article's body.
fn is_article_body(element: &Element) -> bool {
    element
        .attr("itemprop")
        .is_some_and(|props| props.split_ascii_whitespace().any(|p| p == "articleBody"))
}

/// The element with the most text; of equals the first (of nested
/// articles, the outer one).
fn longest<'a, 'b>(
    elements: impl Iterator<Item = &'b (ElementRef<'a>, usize)>,
) -> Option<(ElementRef<'a>, usize)>
where
    'a: 'b,
{
    elements.copied().min_by_key(|&(_, length)| Reverse(length))
}

/// The page's titles, lower-cased: `og:title` and `<title>`, as written
/// and without the site's name (see [`without_site`]).
fn page_titles(doc: &Html, metas: &[ElementRef<'_>], site: &SiteNames<'_>) -> Vec<String> {
    let mut titles: Vec<String> = [
        meta_content(metas, "property", "og:title"),
        first_text(doc.root_element(), "title"),
    ]
    .into_iter()
    .flatten()
    .flat_map(|title| [without_site(&title, site), title])
    .map(|title| comparable_title(&title))
    .collect();
    titles.dedup();
    titles
}

/// Whether a headline is one of the page's titles, or a title is it and
/// the site's shorter name ("Floods in Baku | Example News"). Any part of a
/// title is not enough: a card headed with the site's name ("Example
/// News") would win over the story.
fn is_title_of(headline: &str, titles: &[String]) -> bool {
    let headline = comparable_title(headline);
    titles
        .iter()
        .any(|title| *title == headline || is_headline_of(&headline, title))
}

/// Whether `article` is inside another `<article>`: a comment, or a story
/// a live blog's update quotes.
fn is_nested_article(article: ElementRef<'_>) -> bool {
    article.ancestors().any(|node| {
        node.value()
            .as_element()
            .is_some_and(|e| e.name() == "article")
    })
}

/// Which `<form>` elements a walk reads.
#[derive(Debug, Clone, Copy)]
enum Forms {
    /// All of them: to measure them, and to find a story in a form.
    All,
    /// Only this one, the [`page_form`]; the others are search boxes,
    /// comment and sign-up forms.
    Only(Option<NodeId>),
}

/// The `<form>` in `story` that holds most of its text, if one does: it
/// wraps the page (ASP.NET WebForms wraps the whole body in one) and is no
/// form the reader fills in.
fn page_form(story: ElementRef<'_>) -> Option<NodeId> {
    let (forms, total) = text_lengths(story, Forms::All, "form");
    forms
        .into_iter()
        .find(|&(_, length)| 2 * length > total)
        .map(|(form, _)| form.id())
}

/// A walk over the parts of a subtree that can hold article text, as open
/// and close edges: a dropped element's subtree is passed over whole.
struct TextEdges<'a> {
    edges: Traverse<'a, Node>,
    forms: Forms,
    /// Whether [`CHROME`] is read: in a fragment, not a page.
    chrome_is_text: bool,
    /// When set, elements marked as chrome by their role, class or id
    /// ([`is_marked_chrome`]) are dropped too, except these: the story's
    /// container and its ancestors ([`story_container`]), which a marked
    /// wrapper (`<div class="content-sidebar-wrap">`) may hold.
    marked_chrome: Option<HashSet<NodeId>>,
    /// Whether an `<article>`'s or `<main>`'s own `<footer>` is read, as
    /// its `<header>` always is: themes write the date a story was posted
    /// in it ("Posted on <time>").
    own_footers: bool,
    /// Depth inside a dropped element.
    dropped: usize,
    /// How many `<article>` and `<main>` elements are open.
    sections: usize,
}

impl<'a> TextEdges<'a> {
    fn new(root: ElementRef<'a>, forms: Forms) -> TextEdges<'a> {
        TextEdges {
            edges: root.traverse(),
            forms,
            chrome_is_text: false,
            marked_chrome: None,
            own_footers: false,
            dropped: 0,
            sections: 0,
        }
    }

    /// Whether `element`'s subtree holds no article text.
    fn drops(&self, id: NodeId, element: &Element) -> bool {
        match element.name() {
            name if CHROME.contains(&name) && self.chrome_is_text => false,
            // A header in an article or main holds the story's headline and
            // standfirst; elsewhere it is the site's.
            "header" => self.sections == 0,
            "footer" if self.own_footers => self.sections == 0,
            "form" => match self.forms {
                Forms::All => false,
                Forms::Only(kept) => kept != Some(id),
            },
            name if DROPPED.contains(&name) || CHROME.contains(&name) => true,
            _ => self
                .marked_chrome
                .as_ref()
                .is_some_and(|kept| !kept.contains(&id) && is_marked_chrome(element)),
        }
    }
}

impl<'a> Iterator for TextEdges<'a> {
    type Item = Edge<'a, Node>;

    fn next(&mut self) -> Option<Edge<'a, Node>> {
        loop {
            let edge = self.edges.next()?;
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(element)
                        if self.dropped > 0 || self.drops(node.id(), element) =>
                    {
                        self.dropped += 1;
                        continue;
                    }
                    _ if self.dropped > 0 => continue,
                    Node::Element(element) if is_section(element) => self.sections += 1,
                    _ => {}
                },
                Edge::Close(node) if self.dropped > 0 => {
                    if node.value().is_element() {
                        self.dropped -= 1;
                    }
                    continue;
                }
                Edge::Close(node) => match node.value() {
                    Node::Element(element) if is_section(element) => self.sections -= 1,
                    _ => {}
                },
            }
            return Some(edge);
        }
    }
}

/// Whether `element` is an `<article>` or `<main>`: a `<header>` inside one
/// belongs to the story.
fn is_section(element: &Element) -> bool {
    matches!(element.name(), "article" | "main")
}

/// How much text (non-space characters) a walk of `root` reads in each of
/// its `tag` elements, in document order, and in all. An element's count
/// includes the elements of the same tag nested in it.
fn text_lengths<'a>(
    root: ElementRef<'a>,
    forms: Forms,
    tag: &str,
) -> (Vec<(ElementRef<'a>, usize)>, usize) {
    let mut lengths: Vec<(ElementRef<'a>, usize)> = Vec::new();
    // Indexes into `lengths` of the open `tag` elements, innermost last.
    let mut open: Vec<usize> = Vec::new();
    let mut total = 0;
    for edge in TextEdges::new(root, forms) {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(element) if element.name() == tag => {
                    open.push(lengths.len());
                    lengths.extend(ElementRef::wrap(node).map(|e| (e, 0)));
                }
                Node::Text(text) => {
                    let length = text.chars().filter(|c| !c.is_whitespace()).count();
                    total += length;
                    if let Some(&innermost) = open.last() {
                        lengths[innermost].1 += length;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => match node.value() {
                Node::Element(element) if element.name() == tag => {
                    // Text is counted in the innermost element only, so a
                    // nested element's count is added to its parent's as it
                    // closes: each text node is counted once.
                    let closed = open.pop();
                    if let (Some(closed), Some(&parent)) = (closed, open.last()) {
                        lengths[parent].1 += lengths[closed].1;
                    }
                }
                _ => {}
            },
        }
    }
    (lengths, total)
}

/// The paragraphs of the story's text, whitespace collapsed. On a page
/// (not a fragment), a paragraph that is mostly link text is left out
/// (see [`Paragraph::is_links`]).
fn paragraphs(story: &Story<'_>) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = Paragraph::default();
    let mut space = false;
    // Headings open inside; a `<br>` there breaks a line of the headline,
    // not the paragraph.
    let mut headings = 0usize;
    // Links open inside (`<a href>`), and `<h1>`s: a headline that links
    // to its own story is still the headline.
    let (mut links, mut h1s) = (0usize, 0usize);
    let drop_links = !story.fragment;
    let finish = |current: &mut Paragraph, out: &mut Vec<String>| {
        let is_links = drop_links && current.is_links();
        if !current.text.is_empty() && !is_links {
            out.push(std::mem::take(&mut current.text));
        }
        *current = Paragraph::default();
    };
    for edge in story.text_edges_without_marked_chrome() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) if el.name() == "br" && headings > 0 => {
                    space = !current.text.is_empty();
                }
                Node::Element(el) if BLOCKS.contains(&el.name()) => {
                    headings += usize::from(is_heading(el));
                    h1s += usize::from(el.name() == "h1");
                    finish(&mut current, &mut out);
                    current.in_h1 = h1s > 0;
                    space = false;
                }
                Node::Element(el) if is_link(el) => links += 1,
                Node::Text(t) => {
                    for c in t.chars() {
                        if c.is_whitespace() {
                            space = !current.text.is_empty();
                        } else {
                            if space {
                                current.text.push(' ');
                                space = false;
                            }
                            current.text.push(c);
                            current.chars += 1;
                            current.link_chars += usize::from(links > 0);
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => match node.value() {
                Node::Element(el) if el.name() == "br" && headings > 0 => {}
                Node::Element(el) if BLOCKS.contains(&el.name()) => {
                    headings -= usize::from(is_heading(el) && headings > 0);
                    h1s -= usize::from(el.name() == "h1" && h1s > 0);
                    finish(&mut current, &mut out);
                    current.in_h1 = h1s > 0;
                    space = false;
                }
                Node::Element(el) if is_link(el) => links = links.saturating_sub(1),
                _ => {}
            },
        }
    }
    finish(&mut current, &mut out);
    out
}

/// A paragraph being read, and how much of it is link text.
#[derive(Default)]
struct Paragraph {
    text: String,
    /// Non-space characters, and those inside links.
    chars: usize,
    link_chars: usize,
    /// Whether it is (in) the headline.
    in_h1: bool,
}

impl Paragraph {
    /// Whether the paragraph is a link or a row of links, not prose: four
    /// fifths of it or more is link text. Menus, "Read more", "Back to the
    /// overview", "Next post" and the lists of related stories are;
    /// a sentence citing a source through a link is not. The headline is
    /// kept, whether or not it links to its story.
    fn is_links(&self) -> bool {
        !self.in_h1 && 5 * self.link_chars >= 4 * self.chars
    }
}

/// `<a href>` to a page: a link that leads away (an `<a name>` anchor,
/// and a `mailto:` or `tel:` address written out as a link, are none).
fn is_link(element: &Element) -> bool {
    element.name() == "a"
        && element.attr("href").is_some_and(|href| {
            let href = href.trim_start().as_bytes();
            let has_scheme = |scheme: &[u8]| {
                href.get(..scheme.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
            };
            !has_scheme(b"mailto:") && !has_scheme(b"tel:")
        })
}

fn is_heading(element: &Element) -> bool {
    matches!(element.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// One anchor per paragraph: the source line where its opening words are
/// found, searching forward from `story_start`; a paragraph not found keeps
/// the previous line.
fn anchors(
    source: &str,
    story_start: usize,
    paragraphs: &[String],
    starts: &[usize],
) -> Vec<LineAnchor> {
    let bytes = source.as_bytes();
    let mut cursor = story_start;
    let mut line = 1 + newlines(&bytes[..cursor]);
    let mut anchors = Vec::with_capacity(paragraphs.len().max(1));
    let mut budget = SEARCH_BUDGET_PER_BYTE * bytes.len() + 2 * SEARCH_WINDOW;
    for (paragraph, &offset) in paragraphs.iter().zip(starts) {
        let words = opening_words(paragraph);
        // A paragraph's text follows markup (`>`), an entity (`;`) or a
        // non-ASCII quote; prefer such a match over the same words inside
        // the previous paragraph.
        let found = find_words(bytes, cursor, &words, true, &mut budget)
            .or_else(|| find_words(bytes, cursor, &words, false, &mut budget));
        match found {
            Some((found, end)) => {
                line += newlines(&bytes[cursor..found]);
                anchors.push(LineAnchor { offset, line });
                // Past the match, so a next paragraph opening with the same
                // words is not found here again.
                line += newlines(&bytes[found..end]);
                cursor = end;
            }
            None => anchors.push(LineAnchor { offset, line }),
        }
    }
    if anchors.is_empty() {
        anchors.push(LineAnchor { offset: 0, line: 1 });
    }
    anchors
}

/// The start of a paragraph as it is likely spelled in the source: from
/// its first letter or digit, up to 40 plain characters (entities and
/// markup could spell others, like a leading quote, differently).
fn opening_words(paragraph: &str) -> String {
    paragraph
        .chars()
        .skip_while(|c| !c.is_ascii_alphanumeric())
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | ',' | '-' | ':' | ';'))
        .take(40)
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// Where the `nth` (from 0) `<tag` (any case) appears in `source`.
fn find_tag(source: &[u8], tag: &str, nth: usize) -> Option<usize> {
    let needle = format!("<{tag}");
    source
        .windows(needle.len())
        .enumerate()
        .filter(|(i, w)| {
            w.eq_ignore_ascii_case(needle.as_bytes())
                && source
                    .get(i + needle.len())
                    .is_some_and(|c| c.is_ascii_whitespace() || *c == b'>')
        })
        .nth(nth)
        .map(|(i, _)| i)
}

/// How far ahead of the previous paragraph the next one is searched for;
/// bounds the work when a paragraph is spelled differently in the source.
const SEARCH_WINDOW: usize = 256 * 1024;

/// Bytes all of a page's searches may read together, per byte of the page
/// (beside two windows): each paragraph spelled differently in the source
/// (`N&#111;w` for "Now") read a whole window, and 20,000 of them in a
/// 1.4 MB page took 5 s; past the budget, paragraphs keep the line before.
const SEARCH_BUDGET_PER_BYTE: usize = 8;

/// Where `words` appear in `source` from `from` on (within
/// [`SEARCH_WINDOW`] and what is left of `budget`, which the bytes read
/// use up), any run of whitespace in the source matching a space in
/// `words`: the start and end of the match. With `after_markup` only a
/// match that opens a text node counts.
fn find_words(
    source: &[u8],
    from: usize,
    words: &str,
    after_markup: bool,
    budget: &mut usize,
) -> Option<(usize, usize)> {
    let words = words.as_bytes();
    let first = *words.first()?;
    let end = source
        .len()
        .min(from.saturating_add(SEARCH_WINDOW.min(*budget)));
    let found = find_words_in(source, from..end, words, first, after_markup);
    let read = found.map_or(end, |(start, _)| start + 1) - from.min(end);
    *budget = budget.saturating_sub(read);
    found
}

fn find_words_in(
    source: &[u8],
    window: std::ops::Range<usize>,
    words: &[u8],
    first: u8,
    after_markup: bool,
) -> Option<(usize, usize)> {
    window.into_iter().find_map(|start| {
        if source[start] != first {
            return None;
        }
        if after_markup {
            let before = source[..start]
                .iter()
                .rev()
                .find(|c| !c.is_ascii_whitespace());
            if !before.is_none_or(|&c| matches!(c, b'>' | b';' | b'"' | b'\'' | b'(') || c >= 0x80)
            {
                return None;
            }
        }
        let mut i = start;
        let mut tag_budget = TAG_BUDGET;
        for &w in words {
            if w == b' ' {
                let from = i;
                loop {
                    i += source[i..]
                        .iter()
                        .take_while(|c| c.is_ascii_whitespace())
                        .count();
                    match skip_tag(source, i, &mut tag_budget) {
                        Some(after) => i = after,
                        None => break,
                    }
                }
                if i == from {
                    return None;
                }
            } else {
                while let Some(after) = skip_tag(source, i, &mut tag_budget) {
                    i = after;
                }
                if source.get(i) != Some(&w) {
                    return None;
                }
                i += 1;
            }
        }
        Some((start, i))
    })
}

/// How many bytes of tags one match may pass over (see [`skip_tag`]):
/// enough for a few links with long addresses, and a bound on the work
/// each place in the source costs.
const TAG_BUDGET: usize = 1024;

/// Where the tag that starts at `source[at]` ends, when one does and fits
/// in what is left of `budget`. A paragraph's opening words often run
/// through inline markup (`The <a href="...">council</a> met`); searched
/// for as plain text they were never found, so the paragraph kept the line
/// before it, and each such search read the whole [`SEARCH_WINDOW`].
fn skip_tag(source: &[u8], at: usize, budget: &mut usize) -> Option<usize> {
    let after = source.get(at + 1)?;
    if source[at] != b'<' || !(after.is_ascii_alphabetic() || *after == b'/') {
        return None;
    }
    let limit = source.len().min(at + *budget);
    let close = source[at..limit].iter().position(|&c| c == b'>')?;
    *budget -= close + 1;
    Some(at + close + 1)
}

/// The publication date, from the most specific source that has one.
fn published<'a>(
    doc: &'a Html,
    metas: &[ElementRef<'_>],
    json_ld: &[serde_json::Map<String, Value>],
    story: &Story<'a>,
    path: &Path,
    warnings: &mut Vec<Warning>,
) -> Option<chrono::NaiveDate> {
    let mut candidates: Vec<(String, String)> = Vec::new();
    if let Some(v) = meta_content(metas, "property", "article:published_time") {
        candidates.push(("meta article:published_time".into(), v));
    }
    for object in json_ld {
        if let Some(Value::String(v)) = object.get("datePublished") {
            candidates.push(("JSON-LD datePublished".into(), v.clone()));
        }
    }
    for name in DATE_META_NAMES {
        for attr in ["name", "property", "itemprop"] {
            if let Some(v) = meta_content(metas, attr, name) {
                candidates.push((format!("meta {name}"), v));
            }
        }
    }
    for time in dating_times(doc, story) {
        if let Some(v) = time.attr("datetime") {
            candidates.push(("<time datetime>".into(), collapse(v)));
        }
    }
    for (source, value) in candidates {
        let problem = match parse_date(&value) {
            Some(date) if is_publication_date(date) => return Some(date),
            // A placeholder (`0001-01-01`) must not keep the next source,
            // the path or the default date from dating the story.
            Some(_) => {
                let (first, last) = PUBLICATION_YEARS.into_inner();
                format!(
                    "date {value:?} in {source} is outside the publication years {first} to {last}"
                )
            }
            None => format!("{} in {source}", not_a_date(&value)),
        };
        warnings.push(Warning::new(path, format!("{problem}; ignored")));
    }
    None
}

/// The `<time datetime>` elements that may date the story, best first (see
/// the module doc).
fn dating_times<'a>(doc: &'a Html, story: &Story<'a>) -> Vec<ElementRef<'a>> {
    let own = dating_time(story.dating_edges());
    // Forms are read: the story may sit in a form that wraps the page. A
    // page's chrome marked by role, class or id is not (a comment's
    // `<time>`, a "trending" list's), except what wraps the story.
    let page = TextEdges {
        marked_chrome: (!story.fragment).then(|| story.wrappers.clone()),
        ..TextEdges::new(doc.root_element(), Forms::All)
    };
    // When the story is `<main>` or `<body>`, this may be its own again.
    let elsewhere = dating_time(outside_articles(page)).filter(|t| own != Some(*t));
    own.into_iter().chain(elsewhere).collect()
}

/// Of a walk's `<time datetime>` elements, the first marked as the
/// publication date, else the first: an article may show when it was
/// updated before when it was published.
fn dating_time<'a>(edges: impl Iterator<Item = Edge<'a, Node>>) -> Option<ElementRef<'a>> {
    let mut first = None;
    for edge in edges {
        let Edge::Open(node) = edge else { continue };
        let Some(time) = ElementRef::wrap(node).filter(|e| e.value().name() == "time") else {
            continue;
        };
        if time.attr("datetime").is_none_or(|v| v.trim().is_empty()) {
            continue;
        }
        if marked_published(time) {
            return Some(time);
        }
        first.get_or_insert(time);
    }
    first
}

/// Whether a `<time>` says it is the publication date: HTML5's old
/// `pubdate` attribute, or schema.org microdata.
fn marked_published(time: ElementRef<'_>) -> bool {
    time.attr("pubdate").is_some()
        || time
            .attr("itemprop")
            .is_some_and(|props| props.split_whitespace().any(|p| p == "datePublished"))
}

/// A walk's edges without the subtrees of `<article>` elements.
fn outside_articles<'a>(
    edges: impl Iterator<Item = Edge<'a, Node>>,
) -> impl Iterator<Item = Edge<'a, Node>> {
    let mut depth = 0usize;
    edges.filter(move |&edge| {
        let (Edge::Open(node) | Edge::Close(node)) = edge;
        let is_article = node
            .value()
            .as_element()
            .is_some_and(|e| e.name() == "article");
        match edge {
            Edge::Open(_) if is_article => depth += 1,
            Edge::Close(_) if is_article => depth -= 1,
            _ => return depth == 0,
        }
        false
    })
}

/// Objects in the page's JSON-LD scripts, including those in lists and
/// `@graph`. Scripts that are not valid JSON are ignored: pages often carry
/// broken JSON-LD, and it is not the article.
/// The page's JSON-LD objects, the article's own first: a page also
/// describes itself (`WebPage`), its site and its related stories
/// (`ItemList`), whose dates and authors are not the story's.
fn json_ld_objects(doc: &Html) -> Vec<serde_json::Map<String, Value>> {
    let mut out = Vec::new();
    for script in doc.select(&selector("script[type=\"application/ld+json\"]")) {
        let raw: String = script.text().collect();
        if let Ok(value) = serde_json::from_str::<Value>(&raw) {
            collect_objects(value, &mut out);
        }
    }
    // A stable sort keeps the page's order among equals.
    out.sort_by_key(|object| !is_article_type(object.get("@type")));
    out
}

/// `Article`, `NewsArticle`, `ReportageNewsArticle`, `BlogPosting`, ... as
/// a JSON-LD `@type`, alone or in a list.
fn is_article_type(kind: Option<&Value>) -> bool {
    let names = |name: &str| name.ends_with("Article") || name.ends_with("BlogPosting");
    match kind {
        Some(Value::String(name)) => names(name),
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).any(names),
        _ => false,
    }
}

fn collect_objects(value: Value, out: &mut Vec<serde_json::Map<String, Value>>) {
    // serde_json's recursion limit bounds the depth, so plain recursion is safe.
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| collect_objects(v, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                collect_objects(graph, out);
            }
            out.push(map);
        }
        _ => {}
    }
}

/// `<meta {attr}="{value}" content="...">`, matched case-insensitively,
/// of the page's `<meta content>` elements (gathered once: each search of
/// the page matched a selector against each of its elements).
fn meta_content(metas: &[ElementRef<'_>], attr: &str, value: &str) -> Option<String> {
    metas
        .iter()
        .find(|m| m.attr(attr).is_some_and(|v| v.eq_ignore_ascii_case(value)))
        .and_then(|m| m.attr("content"))
        .map(collapse)
        .filter(|s| !s.is_empty())
}

fn first_text(root: ElementRef<'_>, css: &str) -> Option<String> {
    root.select(&selector(css))
        .map(|e| collapse(&spaced_text(e)))
        .find(|s| !s.is_empty())
}

/// An element's text with a space for each `<br>`: a headline broken over
/// two lines ("Floods<br>in Baku") reads "Floods in Baku", and matches the
/// page's title.
fn spaced_text(element: ElementRef<'_>) -> String {
    let mut text = String::new();
    for node in element.descendants() {
        match node.value() {
            Node::Text(t) => text.push_str(t),
            Node::Element(e) if e.name() == "br" => text.push(' '),
            _ => {}
        }
    }
    text
}

fn first_attr(doc: &Html, css: &str, attr: &str) -> Option<String> {
    doc.select(&selector(css))
        .filter_map(|e| e.attr(attr))
        .map(collapse)
        .find(|s| !s.is_empty())
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Selectors here are constants, so a parse failure is a bug.
fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("valid CSS selector")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// (name, head, body, title, published)
    type MetaCase = (
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<NaiveDate>,
    );

    fn html(source: &str) -> Loaded {
        load(Path::new("a.html"), source.to_string()).unwrap()
    }

    #[test]
    fn metadata_sources() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        // (name, head, body, title, published)
        let cases: &[MetaCase] = &[
            (
                "og:title",
                r#"<meta property="og:title" content="OG"><title>T</title>"#,
                "<article><h1>H</h1><p>x</p></article>",
                Some("OG"),
                None,
            ),
            (
                "article h1",
                "<title>H | Site</title>",
                "<h1>Site</h1><article><h1>H</h1><p>x</p></article>",
                Some("H"),
                None,
            ),
            (
                "the story's h1, not a teaser's",
                "<title>T</title>",
                "<header><article><h1>Teaser</h1></article></header><article><h1>H</h1><p>x</p></article>",
                Some("H"),
                None,
            ),
            (
                "title tag",
                "<title> T  t </title>",
                "<p>x</p>",
                Some("T t"),
                None,
            ),
            (
                "the h1 in the title tag, without the site's name",
                "<title>Floods in Baku | Example News</title>",
                "<main><h1>Floods in Baku</h1><p>x</p></main>",
                Some("Floods in Baku"),
                None,
            ),
            (
                "an h1 broken over lines by <br>",
                "<title>Floods in Baku | Example News</title>",
                "<main><h1>Floods<br>in Baku</h1><p>x</p></main>",
                Some("Floods in Baku"),
                None,
            ),
            (
                "the title tag, not a site's h1",
                "<title>Floods in Baku | Example News</title>",
                "<h1>Example</h1><p>x</p>",
                Some("Floods in Baku | Example News"),
                None,
            ),
            (
                "the h1 after the site's name",
                "<title>Example News — Floods in Baku</title>",
                "<h1>Floods in Baku</h1><p>x</p>",
                Some("Floods in Baku"),
                None,
            ),
            (
                "the title tag, not a site's name in h1 before the headline",
                "<title>Example News - Floods in Baku after record rain</title>",
                "<h1>Example News</h1><p>x</p>",
                Some("Example News - Floods in Baku after record rain"),
                None,
            ),
            (
                "published_time",
                r#"<meta property="article:published_time" content="2024-12-30T10:00:00+04:00">"#,
                "<p>x</p>",
                None,
                d(2024, 12, 30),
            ),
            (
                "json-ld",
                r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-12-30"}</script>"#,
                "<p>x</p>",
                None,
                d(2024, 12, 30),
            ),
            (
                "json-ld graph",
                r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"datePublished":"December 30, 2024"}]}</script>"#,
                "<p>x</p>",
                None,
                d(2024, 12, 30),
            ),
            (
                "meta date",
                r#"<meta name="date" content="2024-12-30">"#,
                "<p>x</p>",
                None,
                d(2024, 12, 30),
            ),
            (
                "meta pubdate",
                r#"<meta name="pubdate" content="20241230">"#,
                "<p>x</p>",
                None,
                d(2024, 12, 30),
            ),
            (
                "meta DC.date",
                r#"<meta name="DC.date" content="2024/12/30">"#,
                "<p>x</p>",
                None,
                d(2024, 12, 30),
            ),
            (
                "time element",
                "",
                r#"<article><time datetime="2024-12-30T09:00Z">Monday</time><p>x</p></article>"#,
                None,
                d(2024, 12, 30),
            ),
            (
                "published_time before time",
                r#"<meta property="article:published_time" content="2024-12-30">"#,
                r#"<time datetime="2020-01-01">x</time>"#,
                None,
                d(2024, 12, 30),
            ),
            (
                "the story's time, not the site header's clock",
                "",
                r#"<header><time datetime="2025-03-01">08:00</time></header><article><p><time datetime="2024-12-30">Monday</time></p></article>"#,
                None,
                d(2024, 12, 30),
            ),
            (
                "a time marked datePublished first",
                "",
                r#"<article><time datetime="2025-01-02">Updated</time><time itemprop="datePublished" datetime="2024-12-30">Monday</time></article>"#,
                None,
                d(2024, 12, 30),
            ),
            (
                "a time marked pubdate first",
                "",
                r#"<article><time datetime="2025-01-02">Updated</time><time pubdate datetime="2024-12-30">Monday</time></article>"#,
                None,
                d(2024, 12, 30),
            ),
            (
                "not a teaser card's time",
                "",
                r#"<article><p>The story.</p></article><section><article><time datetime="2020-01-01">Jan</time></article></section>"#,
                None,
                None,
            ),
            (
                "a time beside the story",
                "",
                r#"<main><time datetime="2024-12-30">Monday</time><article><p>x</p></article></main>"#,
                None,
                d(2024, 12, 30),
            ),
            (
                "a time in the story's own footer",
                "",
                r#"<article><p>x</p><footer class="entry-meta">Posted on <time datetime="2024-12-30">Monday</time></footer></article><div class="comments"><time datetime="2025-01-02">Reply</time></div>"#,
                None,
                d(2024, 12, 30),
            ),
            ("no date", "", "<p>On December 30, 2024.</p>", None, None),
        ];
        for (name, head, body, title, published) in cases {
            let source =
                format!("<!doctype html><html><head>{head}</head><body>{body}</body></html>");
            let loaded = html(&source);
            assert!(loaded.warnings.is_empty(), "{name}: {:?}", loaded.warnings);
            let a = &loaded.articles[0];
            assert_eq!(a.title.as_deref(), *title, "{name}");
            assert_eq!(a.published, *published, "{name}");
        }
    }

    /// Pages in `tests/fixtures/html`, modelled on common themes and
    /// CMS layouts: (file, title, published, the story's text opens with,
    /// text that is not the story's).
    #[allow(clippy::type_complexity)]
    #[rustfmt::skip]
    const PAGES: &[(&str, Option<&str>, Option<&str>, &str, &[&str])] = &[
        ("wordpress-related-excerpts.html", Some("Ferry service resumes"), Some("2021-06-14"), "Ferry service resumes\n\nThe island ferry", &["lighthouse", "regatta", "Archives"]),
        ("comments-in-article.html", Some("Allotment waiting list grows"), None, "Allotment waiting list grows\n\nForty households", &["three years", "Margaret"]),
        ("old-blog-comments.html", Some("The bridge vote"), None, "Notes from the Ridge\n\nThe bridge vote\n\nThe county board", &["About time", "Responses"]),
        ("byline-time-and-comments.html", Some("Library extends opening hours"), Some("2023-02-01"), "Library extends opening hours\n\nBy Jo Green", &["Trending", "Bus fares", "Great news"]),
        ("spiegel-title.html", Some("Ein Albtraum"), Some("2018-12-21"), "Brexit Ein Albtraum\n\nGroßbritannien", &[]),
        ("section-and-site-title.html", Some("Storm floods coastal road"), Some("2020-02-09"), "Storm floods coastal road\n\nThe coastal road", &[]),
        ("site-colon-title.html", Some("Council approves new budget"), None, "Council approves new budget\n\nThe council", &[]),
        ("og-title-with-site.html", Some("Museum reopens after fire"), Some("2019-09-02"), "Museum reopens after fire\n\nThe town museum", &[]),
        ("colon-headline-kept.html", Some("Brexit: what happens next - Analysis"), None, "Parliament returns", &[]),
        ("domain-title.html", Some("Hillside school to close"), None, "Hillside primary school", &[]),
        ("drupal-comment-dates.html", Some("Water main repairs close High Street"), None, "Water main repairs close High Street\n\nHigh Street will be closed", &["Pat", "market"]),
    ];

    #[test]
    fn pages_modelled_on_common_layouts() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html");
        for (file, title, published, opens, left_out) in PAGES {
            let source = std::fs::read_to_string(dir.join(file)).unwrap();
            let a = &html(&source).articles[0];
            assert_eq!(a.title.as_deref(), *title, "{file}");
            let published = published.map(|d| d.parse::<NaiveDate>().unwrap());
            assert_eq!(a.published, published, "{file}");
            assert!(a.text.starts_with(opens), "{file}: {:?}", a.text);
            for text in *left_out {
                assert!(!a.text.contains(text), "{file}: {text:?} in {:?}", a.text);
            }
        }
    }

    #[test]
    fn titles_without_the_site_name() {
        // (title, the site's names as the page gives them, the headline)
        #[rustfmt::skip]
        let cases: &[(&str, &[&str], &str)] = &[
            ("Ein Albtraum - DER SPIEGEL 52/2018", &["DER SPIEGEL"], "Ein Albtraum"),
            ("Ein Albtraum - DER SPIEGEL 52/2018", &["spiegel"], "Ein Albtraum"),
            ("Story headline | Section | Site Name", &["Site Name"], "Story headline"),
            ("Site Name » World » Story headline", &["Site Name"], "Story headline"),
            ("Site: Headline of the day", &["Site"], "Headline of the day"),
            ("Floods in Baku \u{2014} Example News", &["examplenews"], "Floods in Baku"),
            ("Floods in Baku - Northshire Online", &["northshire"], "Floods in Baku"),
            ("Spiegel editor resigns - DER SPIEGEL", &["spiegel"], "Spiegel editor resigns"),
            // Not the site's name, or no separator: the title as it is.
            ("Brexit: what happens next", &["Example News"], "Brexit: what happens next"),
            ("Mayor resigns - council in crisis", &["Example News"], "Mayor resigns - council in crisis"),
            ("Sales rose 3-4% in Baku", &["Baku"], "Sales rose 3-4% in Baku"),
            ("Example News", &["Example News"], "Example News"),
            ("Example News | ", &["Example News"], "Example News | "),
            ("Apple unveils iPhone | Apple", &[], "Apple unveils iPhone | Apple"),
            ("Appleton reopens the bridge after repairs - Apple", &["apple"], "Appleton reopens the bridge after repairs"),
        ];
        for (title, names, want) in cases {
            assert_eq!(
                without_site(title, &SiteNames::known(names)),
                *want,
                "{title}"
            );
        }
    }

    #[test]
    fn site_names_from_the_page() {
        let source = r#"<html><head><meta property="og:site_name" content="The Daily Example"><meta name="twitter:site" content="@dailyex"><link rel="canonical" href="https://www.dailyexample.co.uk/news/1"></head><body><a href="https://www.dailyexample.co.uk/"><img alt="">Daily Example</a><a href="/">Home</a><a href="/news">News</a></body></html>"#;
        let doc = Html::parse_document(source);
        let metas: Vec<ElementRef<'_>> = doc.select(&selector("meta[content]")).collect();
        let keys = site_keys(&doc, &metas, &json_ld_objects(&doc));
        assert_eq!(keys, ["dailyex", "dailyexample", "home", "thedailyexample"]);
        assert_eq!(
            url_host("https://user@www.example.com:8080/a?b"),
            Some("www.example.com")
        );
        assert_eq!(url_host("/relative/path"), None);
    }

    #[test]
    fn url_and_author() {
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            (
                r#"<meta property="og:url" content="http://a/x"><link rel="canonical" href="http://a/y">"#,
                Some("http://a/x"),
                None,
            ),
            (
                r#"<link rel="canonical" href="http://a/y"><meta name="author" content="Jane Doe">"#,
                Some("http://a/y"),
                Some("Jane Doe"),
            ),
            (
                r#"<script type="application/ld+json">[{"author":[{"@type":"Person","name":"A"},{"name":"B"}]}]</script>"#,
                None,
                Some("A, B"),
            ),
            (
                r#"<script type="application/ld+json">{not json</script>"#,
                None,
                None,
            ),
        ];
        for (head, url, author) in cases {
            let a = &html(&format!(
                "<html><head>{head}</head><body><p>x</p></body></html>"
            ))
            .articles[0];
            assert_eq!(a.url.as_deref(), *url, "{head}");
            assert_eq!(a.author.as_deref(), *author, "{head}");
        }
    }

    /// The section from Open Graph's `article:section`, else JSON-LD's
    /// `articleSection`.
    #[test]
    fn section() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                r#"<meta property="article:section" content="Politics">"#,
                Some("Politics"),
            ),
            (
                r#"<script type="application/ld+json">{"@type":"NewsArticle","articleSection":"Sport"}</script>"#,
                Some("Sport"),
            ),
            (r#"<meta name="author" content="Jane Doe">"#, None),
        ];
        for (head, section) in cases {
            let a = &html(&format!(
                "<html><head>{head}</head><body><p>x</p></body></html>"
            ))
            .articles[0];
            assert_eq!(a.section.as_deref(), *section, "{head}");
        }
    }

    #[test]
    fn main_text() {
        // (name, body, text, body())
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "article preferred",
                "<nav>Menu</nav><main><p>Main</p><article><h1>T</h1><p>One\n  two.</p><p>Three &amp; four.</p></article></main>",
                "T\n\nOne two.\n\nThree & four.",
                "One two.\n\nThree & four.",
            ),
            (
                "the longest article, not the first",
                "<article><p>Card.</p></article><article><p>The story, told at length.</p></article><article><p>Card.</p></article>",
                "The story, told at length.",
                "The story, told at length.",
            ),
            (
                "the article with the headline, not a longer comment",
                "<title>Airport reopens</title><main><article><h1>Airport reopens</h1><p>It reopened.</p></article><section><article><p>A comment, longer than the story it is about.</p></article></section></main>",
                "Airport reopens\n\nIt reopened.",
                "It reopened.",
            ),
            (
                "the article whose headline has a <br>, not a longer comment",
                "<title>Airport reopens</title><main><article><h1>Airport<br>reopens</h1><p>It reopened.</p></article><section><article><p>A comment, longer than the story it is about.</p></article></section></main>",
                "Airport reopens\n\nIt reopened.",
                "It reopened.",
            ),
            (
                "the story, not a newsletter card with an h1",
                "<title>Floods in Baku | News</title><div><h1>Floods in Baku</h1></div><article><p>Floods hit Baku.</p><p>Roads closed at dawn.</p><p>Schools shut.</p></article><section><article><h1>Subscribe to our newsletter</h1><p>Get the news daily.</p></article></section>",
                "Floods hit Baku.\n\nRoads closed at dawn.\n\nSchools shut.",
                "Floods hit Baku.\n\nRoads closed at dawn.\n\nSchools shut.",
            ),
            (
                "the story, not a card headed with the site's name",
                "<title>Five dead as floods hit Baku | Example News</title><main><article><h1>Baku floods: five dead</h1><p>Floods hit Baku.</p><p>Roads closed at dawn.</p><p>Schools shut.</p></article><section><article><h1>Example News</h1><p>Sign up for our newsletter.</p></article></section></main>",
                "Baku floods: five dead\n\nFloods hit Baku.\n\nRoads closed at dawn.\n\nSchools shut.",
                "Floods hit Baku.\n\nRoads closed at dawn.\n\nSchools shut.",
            ),
            (
                "the story whose h1 quotes as the title does not",
                "<title>Putin\u{2019}s \u{201c}apology\u{201d} | News</title><main><article><h1>Putin's \"apology\"</h1><p>Short.</p></article><section><article><p>A comment, longer than the story it is about, by far.</p></article></section></main>",
                "Putin's \"apology\"\n\nShort.",
                "Short.",
            ),
            (
                "a live blog quoting a related story: all of main",
                "<title>Live: election results</title><main><h1>Live: election results</h1><div><h2>09:00</h2><p>Polls closed across the country at nine.</p></div><div><h2>09:30</h2><p>The first results came in from the north.</p><article><h1>Related: what it means</h1><p>An explainer.</p></article></div></main>",
                "Live: election results\n\n09:00\n\nPolls closed across the country at nine.\n\n09:30\n\nThe first results came in from the north.\n\nRelated: what it means\n\nAn explainer.",
                "09:00\n\nPolls closed across the country at nine.\n\n09:30\n\nThe first results came in from the north.\n\nRelated: what it means\n\nAn explainer.",
            ),
            (
                "a live blog's updates: all of main",
                "<main><h1>Live</h1><article><p>First update.</p></article><article><p>Second update.</p></article><article><p>Third.</p></article></main>",
                "Live\n\nFirst update.\n\nSecond update.\n\nThird.",
                "First update.\n\nSecond update.\n\nThird.",
            ),
            (
                "a story outside articles, beside a teaser card: the page",
                "<div><h1>Storm</h1><p>The storm hit the coast at dawn.</p></div><section><article><p>Teaser.</p></article></section>",
                "Storm\n\nThe storm hit the coast at dawn.\n\nTeaser.",
                "The storm hit the coast at dawn.\n\nTeaser.",
            ),
            (
                "not an article in chrome",
                "<header><article><p>A teaser, longer than the story.</p></article></header><article><p>Story.</p></article>",
                "Story.",
                "Story.",
            ),
            (
                "nested articles: the outer one",
                "<article><p>Story.</p><article><p>Comment.</p></article></article>",
                "Story.\n\nComment.",
                "Story.\n\nComment.",
            ),
            (
                "main without text in articles",
                "<main><article></article><p>Main.</p></main>",
                "Main.",
                "Main.",
            ),
            (
                "the article's own header",
                "<header>Site</header><article><header><h1>T</h1><p>Standfirst.</p><nav>Share</nav></header><p>Body.</p></article>",
                "T\n\nStandfirst.\n\nBody.",
                "Standfirst.\n\nBody.",
            ),
            (
                "main",
                "<header>Site</header><main><p>A</p><aside>Ad</aside><p>B</p></main><footer>(c)</footer>",
                "A\n\nB",
                "A\n\nB",
            ),
            (
                "body",
                "<p>A <b>bold</b> <a href=x>link</a>.</p><script>var x = 1;</script><style>p{}</style>",
                "A bold link.",
                "A bold link.",
            ),
            (
                "blocks",
                "<div>A<br>B</div><ul><li>C</li><li>D</li></ul><blockquote>E</blockquote><h2>F</h2>",
                "A\n\nB\n\nC\n\nD\n\nE\n\nF",
                "A\n\nB\n\nC\n\nD\n\nE\n\nF",
            ),
            (
                "forms and chrome dropped",
                "<form><input value=q><button>Go</button></form><p>Kept</p><noscript>Enable JS</noscript>",
                "Kept",
                "Kept",
            ),
            (
                "a form that wraps the page",
                "<form id=aspnetForm><header>Site</header><label>Search</label><input name=q><p>Story.</p></form>",
                "Story.",
                "Story.",
            ),
            (
                "an article in a form that wraps the page",
                "<form><article><p>The story, told at length.</p></article><p>Other page text.</p></form>",
                "The story, told at length.",
                "The story, told at length.",
            ),
            (
                "a form beside the story",
                "<main><p>The story.</p><form><p>Reply</p></form></main>",
                "The story.",
                "The story.",
            ),
            (
                "nbsp and entities",
                "<p>Baku&nbsp;&ndash; Moscow&#x21;</p>",
                "Baku – Moscow!",
                "Baku – Moscow!",
            ),
            (
                "chrome marked by class, id and role",
                "<div id=\"page\"><div role=\"navigation\"><p>Home</p><p>World</p></div><div id=\"content\"><h1>Dam opens</h1><p>The new dam opened on Monday after ten years of work.</p><div class=\"sharedaddy sd-sharing-enabled\"><h3>Share this:</h3><p>Email</p></div><div id=\"jp-relatedposts\"><h3>Related</h3><p>Bridge closes for repairs</p></div></div><div id=\"sidebar\"><h2>About me</h2><p>I write about rivers.</p></div><div class=\"site-footer-bottom\">Imprint</div></div>",
                "Dam opens\n\nThe new dam opened on Monday after ten years of work.",
                "The new dam opened on Monday after ten years of work.",
            ),
            (
                "a marked wrapper around the story is read",
                "<div class=\"content-sidebar-wrap\"><div class=\"entry-content\"><p>The new dam opened on Monday after ten years of work.</p><p>It holds a lake.</p></div><div class=\"sidebar-widget\"><p>Archives</p></div></div>",
                "The new dam opened on Monday after ten years of work.\n\nIt holds a lake.",
                "The new dam opened on Monday after ten years of work.\n\nIt holds a lake.",
            ),
            (
                "paragraphs of links",
                "<article><h1><a href=\"/dam\">Dam opens</a></h1><p>The dam <a href=\"/x\">opened</a> on Monday.</p><p><a href=\"/\">Back to the overview</a></p><ul><li><a href=\"/a\">Bridge closes</a></li><li><a href=\"/b\">Road reopens today</a> (3)</li></ul><p><a name=\"end\">The end.</a></p><p><a href=\"mailto:desk@example.com\">desk@example.com</a></p></article>",
                "Dam opens\n\nThe dam opened on Monday.\n\nThe end.\n\ndesk@example.com",
                "The dam opened on Monday.\n\nThe end.\n\ndesk@example.com",
            ),
            ("empty", "", "", ""),
        ];
        for (name, body, text, body_text) in cases {
            let a = &html(&format!("<html><head></head><body>{body}</body></html>")).articles[0];
            assert_eq!(a.text, *text, "{name}");
            assert_eq!(a.body(), *body_text, "{name}");
        }
    }

    #[test]
    fn line_anchors_find_paragraphs() {
        let source = "<html>\n<head><title>A first</title></head>\n<body>\n<article>\n<h1>A first</h1>\n<p>A first paragraph\nwrapped. Second try.</p>\n\n<p>Second &amp; last.</p>\n<p>&quot;Quoted,&quot; he said.</p>\n</article>\n</body>\n</html>\n";
        let a = &html(source).articles[0];
        assert_eq!(
            a.text,
            "A first\n\nA first paragraph wrapped. Second try.\n\nSecond & last.\n\n\"Quoted,\" he said."
        );
        let cases = [
            ("A first\n", 5),
            ("A first paragraph", 6),
            ("Second &", 9),
            ("\"Quoted", 10),
        ];
        for (needle, line) in cases {
            let offset = a.text.find(needle).unwrap();
            assert_eq!(a.line_at(offset), line, "{needle:?}");
        }
    }

    #[test]
    fn line_anchor_searches_stop_when_the_page_budget_is_spent() {
        let source = b"<p>one</p>\n<p>two</p>";
        let mut spent = 0;
        assert_eq!(find_words(source, 0, "two", true, &mut spent), None);
        let mut budget = 100;
        assert_eq!(
            find_words(source, 0, "two", true, &mut budget),
            Some((14, 17))
        );
        assert_eq!(budget, 100 - 15, "the bytes read up to the match");
        let mut budget = 100;
        assert_eq!(find_words(source, 0, "three", true, &mut budget), None);
        assert_eq!(budget, 100 - source.len(), "the whole window read");
    }

    #[test]
    fn line_anchors_find_paragraphs_through_inline_markup() {
        let source = "<body>\n<article>\n<p>Rain fell.</p>\n<p>The <a href=\"/council\">town\ncouncil</a> met <b>late</b>.</p>\n<p><strong>Berlin</strong> wakes.</p>\n</article>\n</body>";
        let a = &html(source).articles[0];
        assert_eq!(
            a.text,
            "Rain fell.\n\nThe town council met late.\n\nBerlin wakes."
        );
        for (needle, line) in [("Rain", 3), ("The town", 4), ("Berlin", 6)] {
            assert_eq!(a.line_at(a.text.find(needle).unwrap()), line, "{needle}");
        }
    }

    #[test]
    fn line_anchors_start_at_the_story() {
        // The teaser opens with the story's headline, before the story.
        let source = "<body>\n<aside><article><p>Storm hits coast</p></article></aside>\n<article>\n<p>Storm hits coast</p>\n</article>\n</body>";
        let a = &html(source).articles[0];
        assert_eq!(a.text, "Storm hits coast");
        assert_eq!(a.line_at(0), 4);
    }

    #[test]
    fn line_anchors_in_the_story_header() {
        let source = "<body>\n<article>\n<header>\n<h1>Volcano erupts</h1>\n<p>Residents fled.</p>\n</header>\n<p>Lava flowed.</p>\n</article>\n</body>";
        let a = &html(source).articles[0];
        for (needle, line) in [("Volcano", 4), ("Residents", 5), ("Lava", 7)] {
            assert_eq!(a.line_at(a.text.find(needle).unwrap()), line, "{needle}");
        }
    }

    #[test]
    fn nesting_limits() {
        let nested =
            |depth: usize| format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
        // Deep but allowed: the iterative walk does not overflow the stack.
        let a = &html(&nested(MAX_NESTING - 10)).articles[0];
        assert_eq!(a.text, "deep");
        let err = load(Path::new("a.html"), nested(MAX_NESTING + 1)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.html: HTML nested more than 4096 elements deep; skipped"
        );
        // Siblings, void and implicitly closed elements do not count as depth.
        let cases: &[(&str, usize)] = &[
            ("<div><p>a<p>b<br><img src=x/></div>", 1),
            ("<div><div></div></div><div></div>", 2),
            ("<!-- <div><div> --><x-y/>", 0),
        ];
        for (source, depth) in cases {
            assert_eq!(nesting_estimate(source), *depth, "{source}");
        }
        let siblings = "<div>x</div>".repeat(MAX_NESTING * 2);
        assert!(load(Path::new("a.html"), siblings).is_ok());
    }

    #[test]
    fn fragments_of_html_in_metadata() {
        // (string, its text; None: not HTML)
        let cases: &[(&str, Option<&str>)] = &[
            (
                "<p>One.</p><p>Two &amp; three.</p>",
                Some("One.\n\nTwo & three."),
            ),
            (
                "Line<br/>break and <a href=\"x\">link</a>",
                Some("Line\n\nbreak and link"),
            ),
            ("<div>Text<script>track()</script></div>", Some("Text")),
            ("Trump&#8217;s plan", Some("Trump\u{2019}s plan")),
            (
                "A communiqu&#233;.\n\n  \nSee <a href=\"x\">the\ntext</a>.\n",
                Some("A communiqu\u{e9}.\n\nSee the text."),
            ),
            (
                "First.\n\nSecond, one<br>line two.\n\nThird.",
                Some("First.\n\nSecond, one\n\nline two.\n\nThird."),
            ),
            (
                "Tom &amp; Jerry said x<y was true. Mail <jo@example.com>.",
                Some("Tom & Jerry said x<y was true. Mail <jo@example.com>."),
            ),
            (
                "<p>Story.</p><aside>Factbox.</aside><footer>Notes.</footer><header>Deck.</header>",
                Some("Story.\n\nFactbox.\n\nNotes.\n\nDeck."),
            ),
            (
                "<p>Text.</p>\n\n<script>\nvar a = 1;\n\nvar b = 2;\n</script>\n\n<style>\n.x {}\n\n.y {}\n</style><!-- a\n\nnote -->\n\n<p>More.</p>",
                Some("Text.\n\nMore."),
            ),
            (
                "<p>Floods reached <st1:place w:st=\"on\">Baku</st1:place> overnight.<o:p></o:p></p><amp-img src=\"a.jpg\"></amp-img>",
                Some("Floods reached Baku overnight."),
            ),
            (
                "<!DOCTYPE html><html><meta charset=\"utf-8\"><title>Junk</title><p>Body.</p>",
                Some("Body."),
            ),
            (
                "x<y and a<b and c>d, &amp; more",
                Some("x<y and ad, & more"),
            ),
            (
                "<p>First.</p>\n\n<script>var x = 1;\n\nSecond paragraph.",
                Some("First.\n\n<script>var x = 1;\n\nSecond paragraph."),
            ),
            (
                "<p>First.</p><!-- cut short\n\nSecond paragraph.",
                Some("First.\n\n<!-- cut short\n\nSecond paragraph."),
            ),
            ("if x<y and y>z", None),
            ("Trans World Airlines <TWA> and USAir Group <U> said.", None),
            ("Drexel <S> and Burlington Resources <BR>.", None),
            ("An <U>underlined</U> word.", Some("An underlined word.")),
            ("Johnson & Johnson; AT&T", None),
            ("<<EOF and <pre-war>", None),
        ];
        for (text, want) in cases {
            assert_eq!(is_markup(text), want.is_some(), "{text}");
            if let Some(want) = want {
                assert_eq!(fragment_text(text).as_deref(), Some(*want), "{text}");
            }
        }
        assert_eq!(fragment_text(&"<div>".repeat(MAX_NESTING + 1)), None);
    }

    #[test]
    fn markup_is_found_wherever_it_stands_in_a_long_text() {
        // A tag or reference before, across and after the edges of the
        // chunks `is_markup` checks first.
        let cases = [
            ("<p>x</p>", true),
            ("a &amp; b", true),
            ("x&#8217;s", true),
            ("<U>u</U>", true),
            ("x<y", false),
            ("AT&T", false),
            ("USAir Group <U>", false),
        ];
        for (text, markup) in cases {
            for padding in [0, 1, 58, 60, 61, 62, 63, 64, 65, 127, 128] {
                let long = format!("{}{text}{}", "a".repeat(padding), " b".repeat(40));
                assert_eq!(is_markup(&long), markup, "{long}");
            }
        }
    }

    #[test]
    fn json_ld_of_the_article_dates_it_before_the_page_and_related_stories() {
        let source = r#"<html><head><script type="application/ld+json">{"@graph": [
            {"@type": "WebPage", "datePublished": "2020-01-01", "author": "Site"},
            {"@type": "ItemList", "itemListElement": [{"@type": "NewsArticle", "datePublished": "2019-05-05"}]},
            {"@type": ["NewsArticle"], "datePublished": "2024-12-30", "author": {"name": "A. Writer"}}
        ]}</script></head><body><p>x</p></body></html>"#;
        let article = &html(source).articles[0];
        assert_eq!(article.published, NaiveDate::from_ymd_opt(2024, 12, 30));
        assert_eq!(article.author.as_deref(), Some("A. Writer"));
    }

    #[test]
    fn bad_dates_warn_and_fall_through() {
        let source = r#"<html><head><meta property="article:published_time" content="soon"><script type="application/ld+json">{"datePublished": "0001-01-01T00:00:00Z"}</script><meta name="date" content="2024-12-30"></head><body><p>x</p></body></html>"#;
        let loaded = html(source);
        assert_eq!(
            loaded.articles[0].published,
            NaiveDate::from_ymd_opt(2024, 12, 30)
        );
        let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "a.html: unrecognised date \"soon\" in meta article:published_time; ignored",
                "a.html: date \"0001-01-01T00:00:00Z\" in JSON-LD datePublished is outside the publication years 1800 to 2200; ignored",
            ]
        );
    }
}
