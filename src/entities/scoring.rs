//! CoNLL-style scoring: an entity counts only with exact span and label;
//! micro-averaged and per-label precision, recall and F1.

use std::fmt::Write as _;

use super::EntityLabel;
use super::labels::label_index;

/// True positives, false positives and false negatives per label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    counts: [[usize; 3]; 4],
}

/// Precision, recall, F1.
pub type Prf = (f64, f64, f64);

fn prf([tp, fp, fn_]: [usize; 3]) -> Prf {
    let precision = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let recall = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
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
            let slot = if gold.contains(entity) { 0 } else { 1 };
            self.counts[label_index(entity.2)][slot] += 1;
        }
        for entity in gold {
            if !predicted.contains(entity) {
                self.counts[label_index(entity.2)][2] += 1;
            }
        }
    }

    pub fn merge(&mut self, other: &Scores) {
        for (mine, theirs) in self.counts.iter_mut().zip(&other.counts) {
            for (a, b) in mine.iter_mut().zip(theirs) {
                *a += b;
            }
        }
    }

    pub fn micro(&self) -> Prf {
        let mut total = [0; 3];
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
            let [tp, _, fn_] = self.counts[label_index(label)];
            let _ = writeln!(
                out,
                "{:<5} {:>10.4} {:>7.4} {:>7.4} {:>6}",
                label.as_str(),
                p,
                r,
                f,
                tp + fn_
            );
        }
        let (p, r, f) = self.micro();
        let gold: usize = self.counts.iter().map(|[tp, _, fn_]| tp + fn_).sum();
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
