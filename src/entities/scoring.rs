//! CoNLL-style scoring: an entity counts only with exact span and label;
//! micro-averaged and per-label precision, recall and F1.
//!
//! Precision counts predictions and recall counts gold mentions, each on its
//! own: with flat gold and exact matching the two hits are the same pairs,
//! but where gold mentions nest (MEANTIME, see `eval::matching`) one
//! prediction may rightly overlap several, and a gold mention may be one
//! the tagger need not find.

use std::fmt::Write as _;

use super::EntityLabel;
use super::labels::label_index;

/// Per label: right predictions, wrong predictions, found gold mentions
/// and missed gold mentions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    counts: [[usize; 4]; 4],
}

/// Whether a prediction was right, or a gold mention found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Hit,
    Miss,
}

/// Precision, recall, F1.
pub type Prf = (f64, f64, f64);

fn prf([right, wrong, found, missed]: [usize; 4]) -> Prf {
    let precision = if right + wrong > 0 {
        right as f64 / (right + wrong) as f64
    } else {
        0.0
    };
    let recall = if found + missed > 0 {
        found as f64 / (found + missed) as f64
    } else {
        0.0
    };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    (precision, recall, f1)
}

impl Scores {
    /// Counts one unit (a sentence or a document) of gold and predicted
    /// entities, each `(start, end, label)` in any coordinates.
    pub fn add(
        &mut self,
        gold: &[(usize, usize, EntityLabel)],
        predicted: &[(usize, usize, EntityLabel)],
    ) {
        for entity in predicted {
            let outcome = if gold.contains(entity) {
                Outcome::Hit
            } else {
                Outcome::Miss
            };
            self.prediction(entity.2, outcome);
        }
        for entity in gold {
            let outcome = if predicted.contains(entity) {
                Outcome::Hit
            } else {
                Outcome::Miss
            };
            self.gold(entity.2, outcome);
        }
    }

    /// Counts one prediction of `label`, right or wrong.
    pub fn prediction(&mut self, label: EntityLabel, outcome: Outcome) {
        let slot = if outcome == Outcome::Hit { 0 } else { 1 };
        self.counts[label_index(label)][slot] += 1;
    }

    /// Counts one gold mention of `label`, found or missed.
    pub fn gold(&mut self, label: EntityLabel, outcome: Outcome) {
        let slot = if outcome == Outcome::Hit { 2 } else { 3 };
        self.counts[label_index(label)][slot] += 1;
    }

    pub fn merge(&mut self, other: &Scores) {
        for (mine, theirs) in self.counts.iter_mut().zip(&other.counts) {
            for (a, b) in mine.iter_mut().zip(theirs) {
                *a += b;
            }
        }
    }

    pub fn micro(&self) -> Prf {
        let mut total = [0; 4];
        for counts in &self.counts {
            for (t, c) in total.iter_mut().zip(counts) {
                *t += c;
            }
        }
        prf(total)
    }

    pub fn label(&self, label: EntityLabel) -> Prf {
        prf(self.counts[label_index(label)])
    }

    /// A small table: one line per label and the micro average.
    pub fn report(&self) -> String {
        let mut out = String::from("label  precision  recall      F1   gold\n");
        for label in EntityLabel::ALL {
            let (p, r, f) = self.label(label);
            let [_, _, found, missed] = self.counts[label_index(label)];
            let _ = writeln!(
                out,
                "{:<5} {:>10.4} {:>7.4} {:>7.4} {:>6}",
                label.as_str(),
                p,
                r,
                f,
                found + missed
            );
        }
        let (p, r, f) = self.micro();
        let gold: usize = self
            .counts
            .iter()
            .map(|[_, _, found, missed]| found + missed)
            .sum();
        let _ = writeln!(
            out,
            "{:<5} {:>10.4} {:>7.4} {:>7.4} {:>6}",
            "ALL", p, r, f, gold
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityLabel::*;

    #[test]
    fn counts_exact_matches_only() {
        let mut scores = Scores::default();
        scores.add(
            &[(0, 2, Person), (3, 4, Location)],
            &[(0, 2, Person), (3, 4, Organization)],
        );
        let (p, r, f) = scores.micro();
        assert_eq!((p, r, f), (0.5, 0.5, 0.5));
        assert_eq!(scores.label(Person), (1.0, 1.0, 1.0));
        assert_eq!(scores.label(Location).1, 0.0);
    }
}
