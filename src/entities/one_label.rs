//! One label per name within an article.
//!
//! The model types each mention from its own sentence, so an article may
//! call the same name a person in one sentence and an organisation in the
//! next ("Tory" as PER and ORG, "Nintendo" as PER and ORG). A name means
//! one thing within one story; the label most of its mentions carry is
//! given to all of them. A tie leaves each as it was.

use rustc_hash::FxHashMap;

use super::{Entity, EntityLabel};

/// Gives every mention the label most mentions of the same text carry in
/// the article, where one label has more than any other.
pub fn one_label_per_name(entities: &mut [Entity]) {
    // Fx, not SipHash, and sized for every mention to be a name of its own
    // so it never grows: two lookups a mention were 0.6 % of an index's
    // instructions.
    let mut counts: FxHashMap<&str, [u32; 4]> =
        FxHashMap::with_capacity_and_hasher(entities.len(), Default::default());
    for entity in entities.iter() {
        counts.entry(entity.text.as_str()).or_default()[slot(entity.label)] += 1;
    }
    // A name of one label keeps it; so does one whose labels tie.
    let labels: Vec<Option<EntityLabel>> = entities
        .iter()
        .map(|entity| most_carried(&counts[entity.text.as_str()]))
        .collect();
    for (entity, label) in entities.iter_mut().zip(labels) {
        if let Some(label) = label {
            entity.label = label;
        }
    }
}

/// The label with the most mentions, if one has more than every other.
fn most_carried(counts: &[u32; 4]) -> Option<EntityLabel> {
    let best = *counts.iter().max()?;
    let mut at = (0..counts.len()).filter(|&i| counts[i] == best);
    let first = at.next()?;
    at.next().is_none().then_some(LABELS[first])
}

const LABELS: [EntityLabel; 4] = [
    EntityLabel::Person,
    EntityLabel::Organization,
    EntityLabel::Location,
    EntityLabel::Misc,
];

fn slot(label: EntityLabel) -> usize {
    LABELS
        .iter()
        .position(|&l| l == label)
        .expect("a known label")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_takes_the_label_most_of_its_mentions_carry() {
        let labelled = |marked: &str| -> Vec<String> {
            let (_, mut entities) = crate::entities::marked_mentions(marked);
            one_label_per_name(&mut entities);
            crate::entities::labelled(&entities)
        };
        let cases: &[(&str, &[&str])] = &[
            (
                "[ORG:Bolton] won. [LOC:Bolton] fans cheered [ORG:Bolton].",
                &["Bolton/ORG", "Bolton/ORG", "Bolton/ORG"],
            ),
            (
                "[PER:Nintendo] said [ORG:Nintendo] and [ORG:Nintendo] sold",
                &["Nintendo/ORG", "Nintendo/ORG", "Nintendo/ORG"],
            ),
            // A tie, or one mention, leaves each as it was.
            (
                "[ORG:Reading] beat [LOC:Reading]",
                &["Reading/ORG", "Reading/LOC"],
            ),
            ("[PER:Halo]", &["Halo/PER"]),
            // Other names are not counted together.
            (
                "[ORG:Bath] and [LOC:Bath Spa] and [LOC:Bath]",
                &["Bath/ORG", "Bath Spa/LOC", "Bath/LOC"],
            ),
        ];
        for (marked, expected) in cases {
            assert_eq!(labelled(marked), *expected, "{marked}");
        }
    }
}
