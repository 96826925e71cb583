//! Which predictions are right and which gold mentions are found, when gold
//! mentions may nest and some are only tolerated.
//!
//! The tagger writes flat, non-overlapping names; MEANTIME nests them ("Airbus
//! parent company European Aeronautic Defence and Space Company EADS N.V."
//! holds "Airbus"). The rule, the same for strict and lenient scoring:
//!
//! - a prediction is right when a scored gold mention of a label it accepts
//!   has its span (strict) or shares a character with it (lenient), at any
//!   depth: naming the outer or an inner mention is both right;
//! - recall counts the innermost scored mentions only (those holding no other
//!   scored mention): a flat tagger cannot name both the outer one and its
//!   inner ones, and the inner ones are the names a search filter asks for;
//! - a prediction that overlaps no scored mention but lies within a
//!   tolerated one of its label, or an untyped one, is neither right nor
//!   wrong: it is not counted (MEANTIME: "Airbus A320" MISC inside "twenty
//!   new Airbus A320 jets", a product mention it did not mark as a name);
//! - nor is one of another label inside an outer mention that overlaps no
//!   innermost one: "Irish" MISC in "Irish low cost airline , Ryanair" ORG,
//!   whose extent takes in a description the gold marks no name in.
//!
//! With flat gold that is all scored, as CoNLL's, this is exact CoNLL
//! scoring. Offsets are bytes into one document's text.

use super::super::EntityLabel;
use super::super::scoring::{Outcome, Scores};

/// What the gold asks of the tagger for one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A name of one of our types: scored.
    Scored,
    /// A mention that may hold a name of its label: predictions of that
    /// label inside it are not counted.
    Tolerated,
    /// A name of a type we do not have: predictions of any label inside it
    /// are not counted.
    Untyped,
}

/// One gold mention, `start..end` in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldMention {
    pub start: usize,
    pub end: usize,
    /// The label it is counted under when missed.
    pub label: EntityLabel,
    /// A second label that is also right (MEANTIME's place adjectives,
    /// "Canadian", which CoNLL and the tagger call MISC).
    pub also: Option<EntityLabel>,
    pub role: Role,
}

impl GoldMention {
    /// A name the score requires, right under `label` alone: every gold
    /// name of CoNLL and of a flat `gold_entities.jsonl`.
    pub fn scored(start: usize, end: usize, label: EntityLabel) -> GoldMention {
        GoldMention {
            start,
            end,
            label,
            also: None,
            role: Role::Scored,
        }
    }

    fn accepts(&self, label: EntityLabel) -> bool {
        self.label == label || self.also == Some(label)
    }

    fn same_span(&self, start: usize, end: usize) -> bool {
        self.start == start && self.end == end
    }

    fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }

    /// Holds `other` and more: two mentions of one span hold neither.
    fn contains(&self, other: &GoldMention) -> bool {
        self.start <= other.start
            && other.end <= self.end
            && (self.start, self.end) != (other.start, other.end)
    }
}

/// One predicted mention, `start..end` in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Predicted {
    pub start: usize,
    pub end: usize,
    pub label: EntityLabel,
}

/// How one prediction fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Exact span of a scored mention of its label.
    Exact,
    /// Overlaps a scored mention of its label, never with its exact span.
    Overlap,
    /// Overlaps scored mentions, none of its label.
    WrongType,
    /// Overlaps no scored mention.
    Spurious,
    /// Overlaps no scored mention and lies within a tolerated one that
    /// accepts its label, or an untyped one; or overlaps only outer scored
    /// mentions, none of its label, and lies within one.
    Uncounted,
}

/// How one required (innermost scored) gold mention fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// A prediction of a label it accepts has its span.
    Exact(EntityLabel),
    /// A prediction of a label it accepts overlaps it.
    Overlap(EntityLabel),
    /// Only predictions of other labels overlap it.
    WrongType,
    /// No prediction overlaps it.
    Missed,
}

/// The verdicts on one document: one per prediction, and one per gold
/// mention (`None` for those recall does not count).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub predictions: Vec<Verdict>,
    pub gold: Vec<Option<Found>>,
}

/// Judges one document's predictions against its gold mentions.
pub fn judge(gold: &[GoldMention], predicted: &[Predicted]) -> Judgement {
    let scored: Vec<&GoldMention> = gold.iter().filter(|g| g.role == Role::Scored).collect();
    let innermost = |g: &GoldMention| !scored.iter().any(|other| g.contains(other));
    let predictions = predicted
        .iter()
        .map(|p| {
            let overlapping: Vec<&&GoldMention> = scored
                .iter()
                .filter(|g| g.overlaps(p.start, p.end))
                .collect();
            if overlapping.is_empty() {
                let tolerated = gold.iter().any(|g| {
                    let tolerates = match g.role {
                        Role::Scored => false,
                        Role::Tolerated => g.accepts(p.label),
                        Role::Untyped => true,
                    };
                    tolerates && g.start <= p.start && p.end <= g.end
                });
                return if tolerated {
                    Verdict::Uncounted
                } else {
                    Verdict::Spurious
                };
            }
            let mut right = overlapping.iter().filter(|g| g.accepts(p.label)).peekable();
            if right.peek().is_none() {
                // Inside an outer mention only: a name in its description
                // ("Irish" in "Irish low cost airline , Ryanair"), which
                // the gold did not mark.
                let within_outer_only = overlapping.iter().all(|g| !innermost(g))
                    && overlapping
                        .iter()
                        .any(|g| g.start <= p.start && p.end <= g.end);
                if within_outer_only {
                    Verdict::Uncounted
                } else {
                    Verdict::WrongType
                }
            } else if right.any(|g| g.same_span(p.start, p.end)) {
                Verdict::Exact
            } else {
                Verdict::Overlap
            }
        })
        .collect();
    let gold_verdicts = gold
        .iter()
        .map(|g| (g.role == Role::Scored && innermost(g)).then(|| found(g, predicted)))
        .collect();
    Judgement {
        predictions,
        gold: gold_verdicts,
    }
}

fn found(gold: &GoldMention, predicted: &[Predicted]) -> Found {
    let overlapping: Vec<&Predicted> = predicted
        .iter()
        .filter(|p| gold.overlaps(p.start, p.end))
        .collect();
    let mut right = overlapping.iter().filter(|p| gold.accepts(p.label));
    if let Some(exact) = right.clone().find(|p| gold.same_span(p.start, p.end)) {
        Found::Exact(exact.label)
    } else if let Some(near) = right.next() {
        Found::Overlap(near.label)
    } else if overlapping.is_empty() {
        Found::Missed
    } else {
        Found::WrongType
    }
}

/// Strict (exact span) and lenient (overlapping span) scores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub strict: Scores,
    pub lenient: Scores,
    /// Predictions inside tolerated mentions, counted in neither.
    pub uncounted: usize,
}

impl Tally {
    /// Adds one document's judgement.
    pub fn add(&mut self, gold: &[GoldMention], predicted: &[Predicted], judgement: &Judgement) {
        for (p, verdict) in predicted.iter().zip(&judgement.predictions) {
            let (strict, lenient) = match verdict {
                Verdict::Uncounted => {
                    self.uncounted += 1;
                    continue;
                }
                Verdict::Exact => (Outcome::Hit, Outcome::Hit),
                Verdict::Overlap => (Outcome::Miss, Outcome::Hit),
                Verdict::WrongType | Verdict::Spurious => (Outcome::Miss, Outcome::Miss),
            };
            self.strict.prediction(p.label, strict);
            self.lenient.prediction(p.label, lenient);
        }
        for (g, found) in gold.iter().zip(&judgement.gold) {
            let Some(found) = found else { continue };
            // A mention found under its second label counts under that one,
            // so that each label's recall and precision speak of the same
            // mentions; strictly too when its bounds are wrong, so that both
            // tables count the same gold under each label.
            let (strict, lenient) = match *found {
                Found::Exact(label) => ((label, Outcome::Hit), (label, Outcome::Hit)),
                Found::Overlap(label) => ((label, Outcome::Miss), (label, Outcome::Hit)),
                Found::WrongType | Found::Missed => {
                    ((g.label, Outcome::Miss), (g.label, Outcome::Miss))
                }
            };
            self.strict.gold(strict.0, strict.1);
            self.lenient.gold(lenient.0, lenient.1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    const PER: EntityLabel = EntityLabel::Person;
    const ORG: EntityLabel = EntityLabel::Organization;
    const LOC: EntityLabel = EntityLabel::Location;
    const MISC: EntityLabel = EntityLabel::Misc;

    fn scored(start: usize, end: usize, label: EntityLabel) -> GoldMention {
        GoldMention::scored(start, end, label)
    }

    fn tolerated(start: usize, end: usize) -> GoldMention {
        GoldMention {
            role: Role::Tolerated,
            ..scored(start, end, ORG)
        }
    }

    fn untyped(start: usize, end: usize) -> GoldMention {
        GoldMention {
            role: Role::Untyped,
            ..scored(start, end, MISC)
        }
    }

    fn place_adjective(start: usize, end: usize) -> GoldMention {
        GoldMention {
            also: Some(MISC),
            ..scored(start, end, LOC)
        }
    }

    fn p(start: usize, end: usize, label: EntityLabel) -> Predicted {
        Predicted { start, end, label }
    }

    /// One prediction against gold: its verdict.
    fn check_prediction(gold: &[GoldMention], predicted: Predicted, expected: Verdict) {
        let judgement = judge(gold, &[predicted]);
        assert_eq!(
            judgement.predictions,
            vec![expected],
            "{predicted:?} in {gold:?}"
        );
    }

    /// Gold against predictions: each gold mention's verdict.
    fn check_gold(gold: &[GoldMention], predicted: &[Predicted], expected: &[Option<Found>]) {
        let judgement = judge(gold, predicted);
        assert_eq!(judgement.gold, expected, "{gold:?} by {predicted:?}");
    }

    // "Airbus parent company European Aeronautic Defence and Space Company
    // EADS N.V.": outer ORG 0..77 holding "Airbus" 0..6 and "EADS" 68..72.
    fn airbus() -> Vec<GoldMention> {
        vec![scored(0, 77, ORG), scored(0, 6, ORG), scored(68, 72, ORG)]
    }

    #[test]
    fn predictions() {
        use Verdict::*;
        check_prediction(&airbus(), p(0, 6, ORG), Exact);
        check_prediction(&airbus(), p(0, 77, ORG), Exact);
        check_prediction(&airbus(), p(22, 77, ORG), Overlap);
        check_prediction(&airbus(), p(0, 6, PER), WrongType);
        check_prediction(&airbus(), p(22, 32, MISC), Uncounted);
        check_prediction(&airbus(), p(22, 70, MISC), WrongType);
        check_prediction(&[scored(0, 77, ORG)], p(22, 32, MISC), WrongType);
        check_prediction(&airbus(), p(80, 90, PER), Spurious);
        check_prediction(&[tolerated(0, 20)], p(4, 10, ORG), Uncounted);
        check_prediction(&[tolerated(0, 20)], p(4, 10, PER), Spurious);
        check_prediction(&[tolerated(5, 20)], p(4, 10, ORG), Spurious);
        check_prediction(&[untyped(0, 20)], p(4, 10, PER), Uncounted);
        // Overlapping a scored name, a prediction is judged against it.
        let tolerated_over_scored = [tolerated(0, 20), scored(4, 8, LOC)];
        check_prediction(&tolerated_over_scored, p(4, 10, ORG), WrongType);
        check_prediction(&[place_adjective(0, 8)], p(0, 8, MISC), Exact);
        check_prediction(&[place_adjective(0, 8)], p(0, 8, LOC), Exact);
        check_prediction(&[place_adjective(0, 8)], p(0, 8, PER), WrongType);
    }

    #[test]
    fn gold_mentions() {
        use Found::*;
        check_gold(
            &airbus(),
            &[p(0, 6, ORG), p(22, 77, ORG)],
            &[None, Some(Exact(ORG)), Some(Overlap(ORG))],
        );
        check_gold(&airbus(), &[], &[None, Some(Missed), Some(Missed)]);
        check_gold(&[scored(0, 6, ORG)], &[p(0, 6, LOC)], &[Some(WrongType)]);
        check_gold(&[tolerated(0, 6), untyped(8, 9)], &[], &[None, None]);
        check_gold(
            &[place_adjective(0, 8)],
            &[p(0, 8, MISC)],
            &[Some(Exact(MISC))],
        );
    }

    #[test]
    fn tallies_strict_and_lenient() {
        let gold = airbus();
        let predicted = [p(0, 6, ORG), p(22, 77, ORG)];
        let mut tally = Tally::default();
        tally.add(&gold, &predicted, &judge(&gold, &predicted));
        // Strict: "Airbus" right, "European ... N.V." wrong; of the two
        // required, "Airbus" found.
        assert_eq!(tally.strict.micro(), (0.5, 0.5, 0.5));
        assert_eq!(tally.lenient.micro(), (1.0, 1.0, 1.0));
    }

    #[test]
    fn a_place_adjective_found_as_misc_counts_as_misc() {
        let gold = [place_adjective(0, 8)];
        let predicted = [p(0, 8, MISC)];
        let mut tally = Tally::default();
        tally.add(&gold, &predicted, &judge(&gold, &predicted));
        assert_eq!(tally.strict.label(MISC), (1.0, 1.0, 1.0));
        assert_eq!(tally.strict.label(LOC), (0.0, 0.0, 0.0));
    }

    /// The gold column of a report: the gold mentions of each label.
    fn gold_column(report: &str) -> Vec<String> {
        report
            .lines()
            .skip(1)
            .map(|line| {
                line.split_whitespace()
                    .last()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn a_mention_counts_under_one_label_strictly_and_leniently() {
        // "Canadian" found as MISC, one character short: strictly missed,
        // leniently found, and under MISC both times.
        let gold = [place_adjective(0, 8)];
        let predicted = [p(0, 7, MISC)];
        let mut tally = Tally::default();
        tally.add(&gold, &predicted, &judge(&gold, &predicted));
        assert_eq!(
            gold_column(&tally.strict.report()),
            gold_column(&tally.lenient.report())
        );
        assert_eq!(tally.strict.label(MISC), (0.0, 0.0, 0.0));
        assert_eq!(tally.lenient.label(MISC), (1.0, 1.0, 1.0));
    }

    #[test]
    fn uncounted_predictions_change_no_score() {
        let gold = [scored(0, 6, PER), tolerated(10, 30)];
        let predicted = [p(0, 6, PER), p(12, 20, ORG)];
        let mut tally = Tally::default();
        tally.add(&gold, &predicted, &judge(&gold, &predicted));
        assert_eq!(tally.strict.micro(), (1.0, 1.0, 1.0));
        assert_eq!(tally.uncounted, 1);
    }
}
