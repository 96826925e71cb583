//! An article at a sentence's start the model took into an organisation
//! named by its kind: "The Bank said" (97 times in Reuters-21578, the Bank
//! of England's money-market reports), "The Department", "A Ministry
//! spokesman", "The Commerce Department".
//!
//! Capitalised, the article looks like a name's first word, and
//! `entities` listed "The Bank" as an organisation of its own. Cut off,
//! the mention is "Bank", which the article's longer name ("Bank of
//! England", "Commerce Department") takes in as its canonical name, so
//! one organisation is counted once. Only a name ending in one of
//! [`KINDS`] loses its article: a title or paper keeps it ("The Times",
//! "The Aviator", "The Office" the comedy), and so does a name written
//! with it ("The Development Bank of Singapore" ends in no kind).

use super::{Entity, EntityLabel};

/// Articles capitalised at a sentence's start; sorted by bytes.
const ARTICLES: &[&str] = &["A", "An", "The"];

/// Last words that name an organisation's kind, not the organisation;
/// sorted by bytes.
const KINDS: &[&str] = &[
    "Army",
    "Association",
    "Bank",
    "Commission",
    "Company",
    "Department",
    "Exchange",
    "Fund",
    "Group",
    "Ministry",
    "Office",
    "Treasury",
];

/// Cuts an article of [`ARTICLES`] off the organisations whose last word
/// is one of [`KINDS`]; "The Office" alone is the television comedy far
/// more often than a government office, and keeps it.
pub fn cut_leading_articles(entities: &mut [Entity]) {
    for entity in entities.iter_mut() {
        if entity.label != EntityLabel::Organization {
            continue;
        }
        let Some((first, rest)) = entity.text.split_once(' ') else {
            continue;
        };
        let last = rest.rsplit(' ').next().unwrap_or(rest);
        if ARTICLES.binary_search(&first).is_err()
            || KINDS.binary_search(&last).is_err()
            || rest == "Office"
        {
            continue;
        }
        entity.drop_front(first.len() + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_sorted() {
        assert!(ARTICLES.is_sorted());
        assert!(KINDS.is_sorted());
    }

    #[test]
    fn an_article_is_cut_off_an_organisation_named_by_its_kind() {
        let cut = |marked: &str| {
            crate::entities::after_pass(marked, |_, entities| cut_leading_articles(entities))
        };
        let cases: &[(&str, &[&str])] = &[
            ("[ORG:The Bank] said", &["Bank/ORG"]),
            ("[ORG:A Ministry] spokesman", &["Ministry/ORG"]),
            (
                "[ORG:The Commerce Department] said",
                &["Commerce Department/ORG"],
            ),
            ("[ORG:The Home Office] said", &["Home Office/ORG"]),
            // Titles, papers and names written with the article keep it.
            ("[ORG:The Office] won", &["The Office/ORG"]),
            ("[ORG:The Times] said", &["The Times/ORG"]),
            (
                "[ORG:The Development Bank of Singapore]",
                &["The Development Bank of Singapore/ORG"],
            ),
            // Only organisations: a title of another type is left.
            ("[MISC:The Bank] opened", &["The Bank/MISC"]),
            ("[ORG:Theme Bank] said", &["Theme Bank/ORG"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(cut(marked), *expected, "{marked}");
        }
    }
}
