//! A firm named after its founders, which the model read as the founder:
//! "J.P. Morgan and Co Inc", "Alex Brown and Sons Inc", "James Capel and
//! Co" people, "Warburg and Co Ltd" a place (138 mentions in the Reuters
//! stories of 1987).
//!
//! The model ends the name before "and", and the words before it are a
//! person's name; `entities` then listed J.P. Morgan and James Capel
//! among the people. A name the text follows with "and Co" or "and Sons"
//! ("&" as well) is the firm's, so it is an organisation; the mention
//! keeps its span, and the canonical pass and [`super::one_label`] give
//! the article's other mentions of the firm its type.

use super::{Entity, EntityLabel};

/// Words after "and" that make the name before it a firm's; capitalised,
/// as firms write them ("Blair and co" is the man and his team); sorted by
/// bytes.
const PARTNERS: &[&str] = &["Co", "Co.", "Company", "Cos", "Sons"];

/// Makes organisations of the mentions the text follows with "and" or
/// "&" and one of [`PARTNERS`].
pub fn retype_partner_firms(text: &str, entities: &mut [Entity]) {
    for entity in entities.iter_mut() {
        if entity.label == EntityLabel::Organization {
            continue;
        }
        let mut words = text[entity.end..].split_whitespace();
        if !matches!(words.next(), Some("and" | "&")) {
            continue;
        }
        // "Co>" closes a firm in a ticker's brackets, "Co," a list.
        let Some(word) = words.next() else {
            continue;
        };
        let word = word.trim_end_matches(['>', ',', ';', ':', ')', '\'', '"']);
        let word = word.strip_suffix("'s").unwrap_or(word);
        if PARTNERS.binary_search(&word).is_ok() {
            entity.label = EntityLabel::Organization;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted() {
        assert!(PARTNERS.is_sorted());
    }

    #[test]
    fn a_name_before_and_co_is_a_firm() {
        let retype = |marked: &str| {
            crate::entities::after_pass(marked, |text, entities| {
                retype_partner_firms(text, entities)
            })
        };
        let cases: &[(&str, &[&str])] = &[
            ("[PER:J.P. Morgan] and Co Inc said", &["J.P. Morgan/ORG"]),
            ("[PER:Alex Brown] and Sons Inc", &["Alex Brown/ORG"]),
            ("[LOC:Warburg] & Co Ltd", &["Warburg/ORG"]),
            ("<[PER:George Meyer] and Co> and", &["George Meyer/ORG"]),
            ("analyst at [PER:James Capel] and Co.", &["James Capel/ORG"]),
            // People with others, or with a firm of another name, stay.
            ("[PER:Blair] and co have", &["Blair/PER"]),
            ("[PER:Smith] and Cohen said", &["Smith/PER"]),
            (
                "[PER:Smith] and [ORG:Co-op] said",
                &["Smith/PER", "Co-op/ORG"],
            ),
            ("[PER:Smith] said", &["Smith/PER"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(retype(marked), *expected, "{marked}");
        }
    }
}
