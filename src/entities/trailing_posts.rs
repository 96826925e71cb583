//! A member's post written after a name, which the model took into it:
//! "Labour MPs" an organisation (15 times in the BBC stories of 2004-05),
//! "Bolton West MP", "Margaret Moran MP", "Labour MEP".
//!
//! The name is the party, the seat or the person before the post: a filter
//! on the party must find "Labour MPs", and `entities` must count Labour,
//! not "Labour MPs" beside it. The post is cut off; what is left keeps the
//! model's type, unless it is a country or a nationality ("Welsh MPs", an
//! organisation to the model, are Welsh: MISC).

use super::{Entity, gazetteer};

/// Posts written after a party, seat or member; sorted by bytes.
const POSTS: &[&str] = &["MEP", "MEPs", "MP", "MPs", "MSP", "MSPs"];

/// Cuts a post of [`POSTS`] off the end of every mention of more than one
/// word that ends with it.
pub fn cut_trailing_posts(entities: &mut [Entity]) {
    for entity in entities.iter_mut() {
        let Some((rest, last)) = entity.text.rsplit_once(' ') else {
            continue;
        };
        if POSTS.binary_search(&last).is_err() || rest.trim().is_empty() {
            continue;
        }
        let label = gazetteer::country_or_nationality(rest).unwrap_or(entity.label);
        entity.drop_back(last.len() + 1);
        entity.label = label;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted() {
        assert!(POSTS.is_sorted());
    }

    #[test]
    fn a_post_after_a_name_is_cut_off() {
        let cut = |marked: &str| {
            crate::entities::after_pass(marked, |_, entities| cut_trailing_posts(entities))
        };
        let cases: &[(&str, &[&str])] = &[
            ("rebel [ORG:Labour MPs] voted", &["Labour/ORG"]),
            ("[ORG:Bolton West MP] Ruth", &["Bolton West/ORG"]),
            ("[PER:Margaret Moran MP] said", &["Margaret Moran/PER"]),
            ("[ORG:Welsh MPs] said", &["Welsh/MISC"]),
            ("[ORG:Labour MEP] Glenys", &["Labour/ORG"]),
            // A post alone, or one that is no post, stays.
            ("an [ORG:MP] said", &["MP/ORG"]),
            ("[ORG:Pan AM] flight", &["Pan AM/ORG"]),
            ("[ORG:MPs MP] x", &["MPs/ORG"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(cut(marked), *expected, "{marked}");
        }
    }
}
