//! Page chrome that a page marks as such with `role`, `class` or `id`
//! rather than with its tag: a share bar in a `<div class="sharedaddy">`, a
//! related-posts list in `<div id="jp-relatedposts">`, a sidebar in
//! `<div id="sidebar">`, a menu in `<div role="navigation">`. Older pages
//! and most themes write their chrome with `<div>`s, so the tags alone
//! (`nav`, `aside`, `footer`) leave it in the story's text.
//!
//! Pure: whether one element is marked. Whether a marked element is left
//! out is the walk's decision (`html.rs`): a marked wrapper around the
//! story's text (`<div class="content-sidebar-wrap">`) is read.

use scraper::node::Element;

/// ARIA roles of page chrome (not `main`, `article`, `region`).
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "toolbar",
    "dialog",
    "alertdialog",
];

/// Words of a `class` or `id` that name chrome. Words, not substrings:
/// `ad` must not match `head` or `download`. Left out on purpose: `tag`
/// (WordPress gives each story `tag-...` classes), `header` (the story's
/// own header has its headline), `author`, `meta` and `teaser` (sites call
/// the standfirst a teaser, and write the byline and date in them), and
/// `widget` (page builders such as Elementor put each of the story's
/// paragraphs in a "widget").
const CHROME_WORDS: &[&str] = &[
    // Share and like bars.
    "share",
    "sharing",
    "sharedaddy",
    "social",
    "likes",
    // Other stories.
    "related",
    "relatedposts",
    "trending",
    // Readers' comments and their forms.
    "comment",
    "comments",
    "commentlist",
    "respond",
    // Sign-ups, consent banners, advertising.
    "newsletter",
    "subscribe",
    "subscription",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "sponsored",
    "promo",
    // Navigation.
    "breadcrumb",
    "breadcrumbs",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "pagination",
    "pager",
    // Sidebars, footers and the rest of the frame.
    "sidebar",
    "footer",
    "copyright",
    "authorbox",
    "masthead",
    "tags",
    "tagcloud",
    "noprint",
    "nocontent",
];

/// Whether `element`'s `role`, or a word of its `class` or `id`, marks it
/// as page chrome (see [`CHROME_WORDS`] and [`words`]), or its schema.org
/// microdata as a reader's comment (`itemprop="comment"`, `itemtype` of
/// `Comment`). A heading is never
/// marked: its class and id style it or anchor it (`id="nav_the_folio"` of
/// a subheading "The folio"), and its container tells whether it is chrome.
pub fn is_marked_chrome(element: &Element) -> bool {
    if matches!(element.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
        return false;
    }
    let role = element.attr("role").is_some_and(|roles| {
        roles
            .split_ascii_whitespace()
            .any(|role| is_one_of(role, CHROME_ROLES))
    });
    let comment = element
        .attr("itemprop")
        .is_some_and(|props| props.split_ascii_whitespace().any(|p| p == "comment"))
        || element.attr("itemtype").is_some_and(|types| {
            types
                .split_ascii_whitespace()
                .any(|t| t.rsplit('/').next() == Some("Comment"))
        });
    role || comment
        || ["class", "id"].into_iter().any(|attr| {
            element.attr(attr).is_some_and(|value| {
                value
                    .split_ascii_whitespace()
                    .any(|name| words(name).any(|word| is_one_of(word, CHROME_WORDS)))
            })
        })
}

/// The words of one class name or id: split at anything but ASCII letters
/// and digits (`jp-relatedposts`, `essb_share`) and where a lower-case
/// letter meets a capital (`ce_relatedArticles`). A BEM modifier, after
/// `--`, is left out: it says how a block looks or what is next to it
/// (`TestReport__Section--Ads`, `o-section--has-ads` around a story's
/// paragraphs), not what it is. Bytes, not `str`s: a letter outside ASCII
/// (`associés`) separates words too, and a `str` cut inside it would panic.
fn words(name: &str) -> impl Iterator<Item = &[u8]> {
    let b = name.split("--").next().unwrap_or_default().as_bytes();
    let mut start = 0;
    let mut at = 0;
    std::iter::from_fn(move || {
        while at <= b.len() {
            let i = at;
            at += 1;
            let ends = match (b.get(i.wrapping_sub(1)), b.get(i)) {
                (_, None) => true,
                (_, Some(c)) if !c.is_ascii_alphanumeric() => true,
                (Some(before), Some(c)) => before.is_ascii_lowercase() && c.is_ascii_uppercase(),
                (None, Some(_)) => false,
            };
            if ends {
                let word = &b[start..i];
                start = if b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                    i
                } else {
                    i + 1
                };
                if !word.is_empty() {
                    return Some(word);
                }
            }
        }
        None
    })
}

fn is_one_of(word: impl AsRef<[u8]>, words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| w.as_bytes().eq_ignore_ascii_case(word.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn marked(tag: &str) -> bool {
        let doc = Html::parse_fragment(tag);
        let element = doc
            .select(&Selector::parse("div, span, section, ul, ol").unwrap())
            .next()
            .unwrap();
        is_marked_chrome(element.value())
    }

    #[test]
    fn chrome_is_marked_by_role_class_or_id() {
        let cases = [
            (r#"<div role="navigation">"#, true),
            (r#"<div role="main">"#, false),
            (
                r#"<div id="jp-relatedposts" class="jp-relatedposts">"#,
                true,
            ),
            (r#"<div class="sharedaddy sd-sharing-enabled">"#, true),
            (r#"<ul class="essb_links_list essb_share">"#, true),
            (
                r#"<section class="related-posts single-related-posts">"#,
                true,
            ),
            (r#"<div id="sidebar" class="col-right">"#, true),
            (r#"<div class="it-ad-wrapper">"#, true),
            (r#"<ol class="commentlist">"#, true),
            (r#"<div class="Cookie-Banner">"#, true),
            (r#"<span class="post-tags">"#, true),
            // Words, not parts of words.
            (r#"<div class="masthead-download">"#, true),
            (r#"<div class="download head">"#, false),
            (r#"<div class="entry-content">"#, false),
            (r#"<div class="entry-header">"#, false),
            (r#"<div class="post tag-politics category-news">"#, false),
            (r#"<div class="article-teaser">"#, false),
            (r#"<div class="navigator">"#, false),
            (r#"<div>"#, false),
            (r#"<div class="ce_relatedArticles block">"#, true),
            (r#"<section class="TestReport__Section--Ads">"#, false),
            (r#"<section class="o-section o-section--has-ads">"#, false),
            (r#"<div class="elementor-widget-container">"#, false),
            (r#"<div class="article-copyright">"#, true),
            (r#"<div itemprop="comment" itemscope>"#, true),
            (
                r#"<div itemscope itemtype="https://schema.org/Comment">"#,
                true,
            ),
            (
                r#"<div itemscope itemtype="https://schema.org/NewsArticle">"#,
                false,
            ),
        ];
        for (tag, want) in cases {
            assert_eq!(marked(tag), want, "{tag}");
        }
        let doc = Html::parse_fragment(r#"<h3 id="nav_the_folio" class="share">The folio</h3>"#);
        let heading = doc.select(&Selector::parse("h3").unwrap()).next().unwrap();
        assert!(!is_marked_chrome(heading.value()));
    }

    #[test]
    fn words_of_class_names() {
        let cases: &[(&str, &[&str])] = &[
            ("jp-relatedposts", &["jp", "relatedposts"]),
            ("ce_relatedArticles", &["ce", "related", "Articles"]),
            ("TestReport__Section--Ads", &["Test", "Report", "Section"]),
            ("--x", &[]),
            ("a1B", &["a1B"]),
            ("aB1", &["a", "B1"]),
            ("ABC", &["ABC"]),
            ("", &[]),
            ("associés-share", &["associ", "s", "share"]),
        ];
        for (name, want) in cases {
            let got: Vec<&str> = words(name)
                .map(|word| std::str::from_utf8(word).unwrap())
                .collect();
            assert_eq!(got, *want, "{name}");
        }
    }
}
