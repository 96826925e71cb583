//! Viterbi decoding of BILOU tag sequences under first-order transitions.
//!
//! Ill-formed sequences (an `I-PER` after `O`, a sentence ending inside an
//! entity) are excluded outright, so every decoded sequence maps to spans.

use super::EntityLabel;
use super::labels::{OUTSIDE, Position, TAG_COUNT, Tag, may_end, transition_allowed, type_tag};

/// Transition scores: sentence start, tag-to-tag, sentence end.
#[derive(Debug, Clone, PartialEq)]
pub struct Transitions {
    pub start: [f32; TAG_COUNT],
    pub between: [[f32; TAG_COUNT]; TAG_COUNT],
    pub end: [f32; TAG_COUNT],
}

impl Default for Transitions {
    fn default() -> Transitions {
        Transitions {
            start: [0.0; TAG_COUNT],
            between: [[0.0; TAG_COUNT]; TAG_COUNT],
            end: [0.0; TAG_COUNT],
        }
    }
}

impl Transitions {
    /// Number of scores, for (de)serialisation.
    pub const LEN: usize = TAG_COUNT * (TAG_COUNT + 2);

    pub fn to_vec(&self) -> Vec<f32> {
        let mut out = Vec::with_capacity(Self::LEN);
        out.extend_from_slice(&self.start);
        self.between
            .iter()
            .for_each(|row| out.extend_from_slice(row));
        out.extend_from_slice(&self.end);
        out
    }

    pub fn from_slice(values: &[f32]) -> Transitions {
        let mut transitions = Transitions::default();
        transitions.start.copy_from_slice(&values[..TAG_COUNT]);
        for (row, chunk) in transitions
            .between
            .iter_mut()
            .zip(values[TAG_COUNT..].chunks(TAG_COUNT))
        {
            row.copy_from_slice(chunk);
        }
        transitions
            .end
            .copy_from_slice(&values[TAG_COUNT * (TAG_COUNT + 1)..Self::LEN]);
        transitions
    }
}

/// What lies just outside a stretch of tokens being decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The sentence boundary: scored by the start and end transitions.
    Sentence,
    /// A token tagged `O`: scored by the transitions from and to `O`.
    Outside,
}

/// The best-scoring well-formed tag sequence for per-token emission scores.
pub fn viterbi(emissions: &[[f32; TAG_COUNT]], transitions: &Transitions) -> Vec<Tag> {
    let mut tags = vec![OUTSIDE; emissions.len()];
    Viterbi::new(transitions).decode(emissions, Edge::Sentence, Edge::Sentence, &mut tags);
    tags
}

/// Entity types.
const TYPES: usize = EntityLabel::ALL.len();

/// The tags after which no entity is open (`O`, `L-*`, `U-*`): the only
/// ones that may precede `O`, `B-*` and `U-*`, which no other tag may. The
/// other tags, `I-*` and `L-*`, may follow only the `B-` and `I-` of their
/// own type.
const CLOSING: [usize; 1 + 2 * TYPES] = {
    let mut tags = [OUTSIDE as usize; 1 + 2 * TYPES];
    let mut type_index = 0;
    while type_index < TYPES {
        tags[1 + 2 * type_index] = type_tag(type_index, Position::Last) as usize;
        tags[2 + 2 * type_index] = type_tag(type_index, Position::Unit) as usize;
        type_index += 1;
    }
    tags
};

/// The tags that may precede an `I-` or `L-` tag of each entity type, in
/// tag order: its type's `B-` and `I-`.
const CONTINUED: [[usize; 2]; TYPES] = {
    let mut tags = [[0; 2]; TYPES];
    let mut type_index = 0;
    while type_index < TYPES {
        tags[type_index] = [
            type_tag(type_index, Position::Begin) as usize,
            type_tag(type_index, Position::Inside) as usize,
        ];
        type_index += 1;
    }
    tags
};

/// The entity type of each `I-` and `L-` tag; `None` for the others
/// (`O`, `B-*`, `U-*`), which only the [`CLOSING`] tags may precede.
const CONTINUING_TYPE: [Option<usize>; TAG_COUNT] = {
    let mut types = [None; TAG_COUNT];
    let mut type_index = 0;
    while type_index < TYPES {
        types[type_tag(type_index, Position::Inside) as usize] = Some(type_index);
        types[type_tag(type_index, Position::Last) as usize] = Some(type_index);
        type_index += 1;
    }
    types
};

/// The tags that may precede `next`, in tag order.
fn preceding(next: usize) -> &'static [usize] {
    let continued: &'static [[usize; 2]; TYPES] = &CONTINUED;
    match CONTINUING_TYPE[next] {
        Some(type_index) => &continued[type_index],
        None => &CLOSING,
    }
}

/// A Viterbi decoder for one set of transitions, reusable from one stretch
/// of tokens to the next.
///
/// Ill-formed transitions score minus infinity, so they are never chosen.
/// The forward pass keeps only each position's best scores, and scores
/// only the pairs of tags BILOU allows (see [`CLOSING`]): a dense,
/// vectorisable loop over the closing tags for the tags they may precede,
/// and two candidates for each other tag. The one path wanted is traced
/// back afterwards by working out, for each of its tags alone, which of
/// the tags that may precede it ([`preceding`]) gave the best score.
/// Noting that for every tag at every position, and scoring all pairs,
/// took 1.55 times the instructions; tracing back over all 17 tags, and
/// ending over them, 1.1 times. (A dense loop over the 9 opening tags
/// alone, rather than all 17, took more: the compiler shuffled scores
/// between lanes to gather and scatter them.)
#[derive(Clone)]
pub struct Viterbi {
    start_after_sentence_start: [f32; TAG_COUNT],
    start_after_outside: [f32; TAG_COUNT],
    between: [[f32; TAG_COUNT]; TAG_COUNT],
    /// `between` transposed: the scores into each tag, by previous tag.
    into: [[f32; TAG_COUNT]; TAG_COUNT],
    end_before_sentence_end: [f32; TAG_COUNT],
    end_before_outside: [f32; TAG_COUNT],
    /// Each position's best score by tag.
    scores: Vec<[f32; TAG_COUNT]>,
}

impl Viterbi {
    pub fn new(transitions: &Transitions) -> Viterbi {
        let outside = OUTSIDE as usize;
        let or_never = |allowed: bool, score: f32| if allowed { score } else { f32::NEG_INFINITY };
        let start = |scores: &[f32; TAG_COUNT]| -> [f32; TAG_COUNT] {
            std::array::from_fn(|tag| or_never(transition_allowed(None, tag as Tag), scores[tag]))
        };
        let end = |score: &dyn Fn(usize) -> f32| -> [f32; TAG_COUNT] {
            std::array::from_fn(|tag| or_never(may_end(tag as Tag), score(tag)))
        };
        let between: [[f32; TAG_COUNT]; TAG_COUNT] = std::array::from_fn(|previous| {
            std::array::from_fn(|next| {
                or_never(
                    transition_allowed(Some(previous as Tag), next as Tag),
                    transitions.between[previous][next],
                )
            })
        });
        Viterbi {
            start_after_sentence_start: start(&transitions.start),
            start_after_outside: start(&transitions.between[outside]),
            into: std::array::from_fn(|next| {
                std::array::from_fn(|previous| between[previous][next])
            }),
            between,
            end_before_sentence_end: end(&|tag| transitions.end[tag]),
            end_before_outside: end(&|tag| transitions.between[tag][outside]),
            scores: Vec::new(),
        }
    }

    /// Makes room for stretches of up to `tokens` tokens.
    pub fn reserve(&mut self, tokens: usize) {
        self.scores.reserve(tokens);
    }

    /// Writes to `tags` the best-scoring well-formed tag sequence for a
    /// stretch of tokens with `before` and `after` it (one tag per emission
    /// row).
    ///
    /// `O` may precede any tag that may start a sentence and follow any tag
    /// that may end one, so the two edges allow the same tags and differ
    /// only in their scores.
    pub fn decode(
        &mut self,
        emissions: &[[f32; TAG_COUNT]],
        before: Edge,
        after: Edge,
        tags: &mut [Tag],
    ) {
        let Some(first) = emissions.first() else {
            return;
        };
        let start = match before {
            Edge::Sentence => &self.start_after_sentence_start,
            Edge::Outside => &self.start_after_outside,
        };
        let mut score: [f32; TAG_COUNT] = std::array::from_fn(|tag| start[tag] + first[tag]);
        self.scores.clear();
        self.scores.push(score);
        for emission in &emissions[1..] {
            // The best score of each I- and L- tag, from its type's B- or
            // I-. (Positions are constants, so that the dense loop below
            // stays vectorised and computes only the lanes it fills.)
            let inside: [[f32; 2]; TYPES] = std::array::from_fn(|type_index| {
                let tag = |position| type_tag(type_index, position) as usize;
                let (begin, inside) = (tag(Position::Begin), tag(Position::Inside));
                let best_into = |next: usize| {
                    let from_begin = score[begin] + self.between[begin][next];
                    let from_inside = score[inside] + self.between[inside][next];
                    if from_inside > from_begin {
                        from_inside
                    } else {
                        from_begin
                    }
                };
                [best_into(inside), best_into(tag(Position::Last))]
            });
            let mut best = [f32::NEG_INFINITY; TAG_COUNT];
            for previous in CLOSING {
                let previous_score = score[previous];
                if previous_score == f32::NEG_INFINITY {
                    continue;
                }
                for (best, &transition) in best.iter_mut().zip(&self.between[previous]) {
                    let candidate = previous_score + transition;
                    if candidate > *best {
                        *best = candidate;
                    }
                }
            }
            for ((score, best), &emission) in score.iter_mut().zip(best).zip(emission) {
                *score = best + emission;
            }
            for (type_index, inside) in inside.into_iter().enumerate() {
                for (position, best) in [Position::Inside, Position::Last].into_iter().zip(inside) {
                    let next = type_tag(type_index, position) as usize;
                    score[next] = best + emission[next];
                }
            }
            self.scores.push(score);
        }
        let end = match after {
            Edge::Sentence => &self.end_before_sentence_end,
            Edge::Outside => &self.end_before_outside,
        };
        // Only the closing tags may end a stretch: the others score minus
        // infinity, which never beats the best so far.
        let mut last = OUTSIDE;
        let mut best = f32::NEG_INFINITY;
        for &tag in &CLOSING {
            let total = score[tag] + end[tag];
            if total > best {
                best = total;
                last = tag as Tag;
            }
        }
        let length = emissions.len();
        tags[length - 1] = last;
        for position in (1..length).rev() {
            tags[position - 1] = self.best_previous(&self.scores[position - 1], tags[position]);
        }
    }

    /// The previous tag the forward pass found best for `next`, given the
    /// previous position's `scores`: the first, in tag order, of those
    /// scoring highest (the forward pass compared them in that order and
    /// only a higher score replaced the best), or `O` if none can precede.
    /// Only the tags that may precede `next` are compared: the others
    /// score minus infinity, which never beats the best so far.
    fn best_previous(&self, scores: &[f32; TAG_COUNT], next: Tag) -> Tag {
        let into = &self.into[next as usize];
        let mut best = f32::NEG_INFINITY;
        let mut best_previous = OUTSIDE;
        for &previous in preceding(next as usize) {
            let candidate = scores[previous] + into[previous];
            if candidate > best {
                best = candidate;
                best_previous = previous as Tag;
            }
        }
        best_previous
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::labels::{spans, split, tag};
    use super::*;

    /// Viterbi noting, at every position, the best previous tag of every tag
    /// (ill-formed pairs at minus infinity), as the decoder once did: the
    /// tags [`Viterbi::decode`] must give, ties included.
    fn dense(
        emissions: &[[f32; TAG_COUNT]],
        transitions: &Transitions,
        before: Edge,
        after: Edge,
    ) -> Vec<Tag> {
        let or_never = |allowed: bool, score: f32| if allowed { score } else { f32::NEG_INFINITY };
        let allowed = |previous: Option<Tag>, next: usize, score: f32| {
            or_never(transition_allowed(previous, next as Tag), score)
        };
        let outside = OUTSIDE as usize;
        let Some(first) = emissions.first() else {
            return Vec::new();
        };
        let mut score: [f32; TAG_COUNT] = std::array::from_fn(|tag| {
            let start = match before {
                Edge::Sentence => transitions.start[tag],
                Edge::Outside => transitions.between[outside][tag],
            };
            allowed(None, tag, start) + first[tag]
        });
        let mut backpointers = vec![[0 as Tag; TAG_COUNT]];
        for emission in &emissions[1..] {
            let mut best = [f32::NEG_INFINITY; TAG_COUNT];
            let mut best_previous = [0 as Tag; TAG_COUNT];
            for (previous, (&previous_score, row)) in
                score.iter().zip(&transitions.between).enumerate()
            {
                for (next, &transition) in row.iter().enumerate() {
                    let candidate =
                        previous_score + allowed(Some(previous as Tag), next, transition);
                    if candidate > best[next] {
                        best[next] = candidate;
                        best_previous[next] = previous as Tag;
                    }
                }
            }
            score = std::array::from_fn(|tag| best[tag] + emission[tag]);
            backpointers.push(best_previous);
        }
        let mut last = 0;
        let mut best = f32::NEG_INFINITY;
        for (tag, &tag_score) in score.iter().enumerate() {
            let end = match after {
                Edge::Sentence => transitions.end[tag],
                Edge::Outside => transitions.between[tag][outside],
            };
            let total = tag_score + or_never(may_end(tag as Tag), end);
            if total > best {
                best = total;
                last = tag as Tag;
            }
        }
        let mut tags = vec![last; emissions.len()];
        for position in (1..emissions.len()).rev() {
            tags[position - 1] = backpointers[position][tags[position] as usize];
        }
        tags
    }

    #[test]
    fn closing_tags_alone_precede_opening_ones() {
        // What the forward pass scores: closing tags before opening ones,
        // and an entity's B- or I- before its I- or L-.
        let continues = |previous: Tag, next: Tag| {
            matches!(
                (split(previous), split(next)),
                (
                    Some((label, Position::Begin | Position::Inside)),
                    Some((next_label, Position::Inside | Position::Last)),
                ) if label == next_label
            )
        };
        for previous in 0..TAG_COUNT as Tag {
            for next in 0..TAG_COUNT as Tag {
                let scored = if CLOSING.contains(&(previous as usize)) {
                    transition_allowed(None, next)
                } else {
                    continues(previous, next)
                };
                assert_eq!(transition_allowed(Some(previous), next), scored);
            }
        }
    }

    #[test]
    fn preceding_tags_are_those_allowed_in_tag_order() {
        for next in 0..TAG_COUNT {
            let allowed: Vec<usize> = (0..TAG_COUNT)
                .filter(|&previous| transition_allowed(Some(previous as Tag), next as Tag))
                .collect();
            assert_eq!(preceding(next), allowed, "tag {next}");
        }
        let ending: Vec<usize> = (0..TAG_COUNT).filter(|&tag| may_end(tag as Tag)).collect();
        assert_eq!(CLOSING[..], ending);
    }

    /// Scores from a few small integers, so that ties are common.
    fn small_scores(count: usize) -> impl Strategy<Value = Vec<f32>> {
        prop::collection::vec((-2i8..=2).prop_map(f32::from), count)
    }

    proptest! {
        #[test]
        fn decodes_as_over_every_pair_of_tags(
            tokens in 1usize..6,
            emissions in small_scores(5 * TAG_COUNT),
            transitions in small_scores(Transitions::LEN),
            before_outside: bool,
            after_outside: bool,
        ) {
            let emissions: Vec<[f32; TAG_COUNT]> = emissions
                .chunks(TAG_COUNT)
                .take(tokens)
                .map(|row| row.try_into().unwrap())
                .collect();
            let transitions = Transitions::from_slice(&transitions);
            let edge = |outside| if outside { Edge::Outside } else { Edge::Sentence };
            let (before, after) = (edge(before_outside), edge(after_outside));
            let mut tags = vec![OUTSIDE; emissions.len()];
            Viterbi::new(&transitions).decode(&emissions, before, after, &mut tags);
            prop_assert_eq!(tags, dense(&emissions, &transitions, before, after));
        }
    }

    #[test]
    fn picks_the_best_well_formed_sequence() {
        let b_per = tag(EntityLabel::Person, Position::Begin) as usize;
        let l_per = tag(EntityLabel::Person, Position::Last) as usize;
        let i_org = tag(EntityLabel::Organization, Position::Inside) as usize;
        let mut emissions = vec![[0.0; TAG_COUNT]; 3];
        emissions[0][b_per] = 2.0;
        emissions[1][l_per] = 2.0;
        // Strong but ill-formed: I-ORG cannot follow L-PER.
        emissions[2][i_org] = 5.0;
        let tags = viterbi(&emissions, &Transitions::default());
        assert_eq!(spans(&tags), vec![(0, 2, EntityLabel::Person)]);
        assert!(viterbi(&[], &Transitions::default()).is_empty());
    }

    #[test]
    fn a_stretch_between_outside_tokens_decodes_as_in_its_sentence() {
        let mut transitions = Transitions::default();
        for (previous, row) in transitions.between.iter_mut().enumerate() {
            for (next, score) in row.iter_mut().enumerate() {
                *score = ((previous * 7 + next * 3) % 5) as f32 - 2.0;
            }
        }
        let emissions: Vec<[f32; TAG_COUNT]> = (0..6)
            .map(|position| std::array::from_fn(|tag| ((position * 5 + tag * 11) % 9) as f32))
            .collect();
        // The whole sentence with tokens 0 and 5 forced to O...
        let mut forced = emissions.clone();
        for position in [0, 5] {
            forced[position] = [-1e6; TAG_COUNT];
            forced[position][OUTSIDE as usize] = 0.0;
        }
        let whole = viterbi(&forced, &transitions);
        // ...has the tags of tokens 1..5 decoded between two O edges.
        let mut stretch = vec![OUTSIDE; 4];
        Viterbi::new(&transitions).decode(
            &emissions[1..5],
            Edge::Outside,
            Edge::Outside,
            &mut stretch,
        );
        assert_eq!(whole[1..5], stretch);
        assert_ne!(stretch, [OUTSIDE; 4], "the test decodes some entity");
    }

    #[test]
    fn transitions_round_trip_through_a_slice() {
        let mut transitions = Transitions::default();
        transitions.between[3][4] = 1.5;
        transitions.end[2] = -1.0;
        assert_eq!(Transitions::from_slice(&transitions.to_vec()), transitions);
    }
}
