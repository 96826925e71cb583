//! The BILOU tag set the sequence model predicts, and conversions from the
//! CoNLL IOB1 tags it is trained on.
//!
//! BILOU (Begin, Inside, Last, Outside, Unit) rather than BIO because Ratinov
//! & Roth (2009) found it learns entity boundaries better at the same cost.

use super::EntityLabel;

/// Number of BILOU tags: `O` plus four positions for each of four types.
pub const TAG_COUNT: usize = 17;

/// Position of a token inside an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Begin,
    Inside,
    Last,
    Unit,
}

/// A tag index in `0..TAG_COUNT`; 0 is `O`.
pub type Tag = u8;

pub const OUTSIDE: Tag = 0;

/// The tag for an entity type at a position.
pub fn tag(label: EntityLabel, position: Position) -> Tag {
    type_tag(label_index(label), position)
}

/// The tag for the entity type at `type_index` in [`EntityLabel::ALL`] at a
/// position (for constants: [`tag`] cannot be one).
pub const fn type_tag(type_index: usize, position: Position) -> Tag {
    let position_index = match position {
        Position::Begin => 0,
        Position::Inside => 1,
        Position::Last => 2,
        Position::Unit => 3,
    };
    1 + type_index as Tag * 4 + position_index
}

/// Index of a label in [`EntityLabel::ALL`].
pub fn label_index(label: EntityLabel) -> usize {
    EntityLabel::ALL
        .iter()
        .position(|&l| l == label)
        .expect("every label is in ALL")
}

/// The entity type and position of a tag, `None` for `O`.
pub fn split(tag: Tag) -> Option<(EntityLabel, Position)> {
    if tag == OUTSIDE || tag as usize >= TAG_COUNT {
        return None;
    }
    let index = (tag - 1) as usize;
    let position = match index % 4 {
        0 => Position::Begin,
        1 => Position::Inside,
        2 => Position::Last,
        _ => Position::Unit,
    };
    Some((EntityLabel::ALL[index / 4], position))
}

/// Whether `next` may follow `previous` (`None` = sentence start).
pub fn transition_allowed(previous: Option<Tag>, next: Tag) -> bool {
    let open = previous.and_then(split).and_then(|(label, position)| {
        matches!(position, Position::Begin | Position::Inside).then_some(label)
    });
    match (open, split(next)) {
        (Some(label), Some((next_label, Position::Inside | Position::Last))) => label == next_label,
        (Some(_), _) => false,
        (None, None) => true,
        (None, Some((_, position))) => matches!(position, Position::Begin | Position::Unit),
    }
}

/// Whether a sentence may end after `last`.
pub fn may_end(last: Tag) -> bool {
    !matches!(split(last), Some((_, Position::Begin | Position::Inside)))
}

/// Entity spans `(start_token, end_token_exclusive, label)` in a tag sequence.
/// Tolerates ill-formed sequences by closing an entity at any break.
pub fn spans(tags: &[Tag]) -> Vec<(usize, usize, EntityLabel)> {
    let mut found = Vec::new();
    let mut open: Option<(usize, EntityLabel)> = None;
    for (index, &tag) in tags.iter().enumerate() {
        let parsed = split(tag);
        let continues = matches!(
            (open, parsed),
            (Some((_, l)), Some((nl, Position::Inside | Position::Last))) if l == nl
        );
        if !continues && let Some((start, label)) = open.take() {
            found.push((start, index, label));
        }
        match parsed {
            None => {}
            Some((label, Position::Unit)) => found.push((index, index + 1, label)),
            Some((label, Position::Last)) => {
                let start = if continues {
                    open.map_or(index, |(s, _)| s)
                } else {
                    index
                };
                found.push((start, index + 1, label));
                open = None;
            }
            Some((label, Position::Begin | Position::Inside)) if !continues => {
                open = Some((index, label));
            }
            Some((_, Position::Begin | Position::Inside)) => {}
        }
    }
    if let Some((start, label)) = open {
        found.push((start, tags.len(), label));
    }
    found
}

/// BILOU tags for entity spans over `length` tokens.
pub fn from_spans(length: usize, spans: &[(usize, usize, EntityLabel)]) -> Vec<Tag> {
    let mut tags = vec![OUTSIDE; length];
    for &(start, end, label) in spans {
        if end == start + 1 {
            tags[start] = tag(label, Position::Unit);
            continue;
        }
        for (offset, slot) in tags[start..end].iter_mut().enumerate() {
            let position = match offset {
                0 => Position::Begin,
                o if start + o + 1 == end => Position::Last,
                _ => Position::Inside,
            };
            *slot = tag(label, position);
        }
    }
    tags
}

/// Entity spans of one sentence tagged in CoNLL IOB1 (`I-PER`, `B-PER`, `O`).
pub fn iob1_spans(tags: &[&str]) -> Vec<(usize, usize, EntityLabel)> {
    let mut found = Vec::new();
    let mut open: Option<(usize, EntityLabel)> = None;
    for (index, raw) in tags.iter().enumerate() {
        let (prefix, label) = match raw.split_once('-') {
            Some((prefix, name)) => (prefix, EntityLabel::from_tag(name)),
            None => ("O", None),
        };
        let continues =
            matches!((open, label), (Some((_, l)), Some(nl)) if l == nl && prefix == "I");
        if !continues {
            if let Some((start, l)) = open.take() {
                found.push((start, index, l));
            }
            open = label.map(|l| (index, l));
        }
    }
    if let Some((start, l)) = open {
        found.push((start, tags.len(), l));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityLabel::*;

    type Spans = [(usize, usize, EntityLabel)];

    #[test]
    fn tags_round_trip_through_split() {
        for t in 1..TAG_COUNT as Tag {
            let (label, position) = split(t).unwrap();
            assert_eq!(tag(label, position), t);
        }
        assert_eq!(split(OUTSIDE), None);
    }

    #[test]
    fn spans_round_trip_through_bilou() {
        let cases: &[(usize, &Spans)] = &[
            (5, &[(0, 2, Person), (2, 3, Location)]),
            (4, &[(1, 4, Organization)]),
            (3, &[]),
            (3, &[(0, 1, Misc), (1, 2, Misc), (2, 3, Misc)]),
        ];
        for (length, expected) in cases {
            assert_eq!(spans(&from_spans(*length, expected)), expected.to_vec());
        }
    }

    #[test]
    fn iob1_starts_a_new_entity_only_on_b_or_type_change() {
        let cases: &[(&[&str], &Spans)] = &[
            (&["I-PER", "I-PER", "O"], &[(0, 2, Person)]),
            (&["I-PER", "B-PER"], &[(0, 1, Person), (1, 2, Person)]),
            (
                &["I-LOC", "I-ORG"],
                &[(0, 1, Location), (1, 2, Organization)],
            ),
            (&["O", "B-MISC"], &[(1, 2, Misc)]),
        ];
        for (tags, expected) in cases {
            assert_eq!(iob1_spans(tags), expected.to_vec());
        }
    }

    #[test]
    fn transitions_keep_entities_well_formed() {
        let b_per = tag(Person, Position::Begin);
        let l_per = tag(Person, Position::Last);
        let l_org = tag(Organization, Position::Last);
        assert!(transition_allowed(Some(b_per), l_per));
        assert!(!transition_allowed(Some(b_per), l_org));
        assert!(!transition_allowed(Some(b_per), OUTSIDE));
        assert!(!transition_allowed(None, l_per));
        assert!(!may_end(b_per));
    }
}
