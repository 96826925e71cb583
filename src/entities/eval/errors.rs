//! `eval-ner --errors`: one line per scoring error, with its document and
//! the text around it, so that a developer sees what the tagger missed and
//! what it made up.
//!
//! Four kinds, tab-separated like `eval-dates --errors`:
//! `MISS` a required gold name no prediction overlaps; `SPAN` a gold name
//! found with other bounds (right leniently, wrong strictly); `TYPE` a
//! prediction overlapping gold names of other types only, or a gold name
//! only a prediction of another type overlaps; `SPUR` a
//! prediction overlapping no gold name. Predictions the rule does not count
//! (inside tolerated mentions) are not listed.

use std::fmt::Write as _;

use super::Article;
use super::matching::{Found, GoldMention, Judgement, Predicted, Role, Verdict};

/// Bytes of text shown on each side of an error.
const CONTEXT: usize = 40;

/// Appends the error lines of one article, in text order.
pub fn describe(
    out: &mut String,
    article: &Article,
    predicted: &[Predicted],
    judgement: &Judgement,
) {
    let (document, text, gold) = (article.name.as_str(), article.text.as_str(), &article.gold);
    let mut lines: Vec<(usize, String)> = Vec::new();
    let show = |start: usize, end: usize| &text[start..end];
    // A prediction typed otherwise than the gold name under it.
    let type_error = |p: &Predicted, g: &GoldMention| {
        (
            "TYPE",
            format!(
                "{:?} {}\t=> gold {:?} {}",
                show(p.start, p.end),
                p.label.as_str(),
                show(g.start, g.end),
                g.label.as_str()
            ),
        )
    };
    for (g, found) in gold.iter().zip(&judgement.gold) {
        let what = match found {
            Some(Found::Missed) => (
                "MISS",
                format!("{:?} {}", show(g.start, g.end), g.label.as_str()),
            ),
            Some(Found::Overlap(label)) => {
                let Some(p) = predicted
                    .iter()
                    .find(|p| p.label == *label && p.start < g.end && g.start < p.end)
                else {
                    continue;
                };
                (
                    "SPAN",
                    format!(
                        "{:?} {}\t=> {:?} {}",
                        show(g.start, g.end),
                        g.label.as_str(),
                        show(p.start, p.end),
                        p.label.as_str()
                    ),
                )
            }
            // Listed with the prediction over it (a TYPE line below), unless
            // that prediction is right for another gold name ("UK RAF" ORG
            // over "UK" LOC and "RAF" ORG): then here, or no line would say
            // why it is missed.
            Some(Found::WrongType) => {
                let overlaps = |p: &&Predicted| p.start < g.end && g.start < p.end;
                let typed = predicted
                    .iter()
                    .zip(&judgement.predictions)
                    .any(|(p, verdict)| *verdict == Verdict::WrongType && overlaps(&p));
                let Some(p) = predicted.iter().find(overlaps).filter(|_| !typed) else {
                    continue;
                };
                type_error(p, g)
            }
            _ => continue,
        };
        lines.push((g.start, line(what, document, text, g.start, g.end)));
    }
    for (p, verdict) in predicted.iter().zip(&judgement.predictions) {
        let what = match verdict {
            Verdict::Spurious => (
                "SPUR",
                format!("{:?} {}", show(p.start, p.end), p.label.as_str()),
            ),
            Verdict::WrongType => {
                // The innermost gold name it overlaps, the one recall asks for.
                let Some(g) = gold
                    .iter()
                    .filter(|g| g.role == Role::Scored && g.start < p.end && p.start < g.end)
                    .min_by_key(|g| g.end - g.start)
                else {
                    continue;
                };
                type_error(p, g)
            }
            _ => continue,
        };
        lines.push((p.start, line(what, document, text, p.start, p.end)));
    }
    lines.sort_by_key(|(start, _)| *start);
    for (_, line) in lines {
        let _ = writeln!(out, "{line}");
    }
}

/// `KIND\tdocument\tmentions\t| context`, as `eval-dates --errors` prints.
fn line(
    (kind, mentions): (&str, String),
    document: &str,
    text: &str,
    start: usize,
    end: usize,
) -> String {
    let from = text.floor_char_boundary(start.saturating_sub(CONTEXT));
    let to = text.ceil_char_boundary((end + CONTEXT).min(text.len()));
    format!("{kind}\t{document}\t{mentions}\t| {:?}", &text[from..to])
}

#[cfg(test)]
mod tests {
    use super::super::matching::judge;
    use super::*;
    use crate::entities::EntityLabel::{Location, Organization};

    fn gold(start: usize, end: usize, label: crate::entities::EntityLabel) -> GoldMention {
        GoldMention::scored(start, end, label)
    }

    /// The error lines of one document, without their context.
    fn errors(text: &str, gold: &[GoldMention], predicted: &[Predicted]) -> Vec<String> {
        let mut out = String::new();
        let article = Article {
            name: "d".to_string(),
            text: text.to_string(),
            gold: gold.to_vec(),
            annotated_end: text.len(),
        };
        describe(&mut out, &article, predicted, &judge(gold, predicted));
        out.lines()
            .map(|line| line.split("\t| ").next().unwrap_or_default().to_string())
            .collect()
    }

    #[test]
    fn a_name_of_another_type_inside_a_prediction_right_for_another_is_listed() {
        // "UK RAF" ORG: right (leniently) for "RAF" ORG, and "UK" LOC,
        // missed, is counted in both scores.
        let text = "UK RAF tanker";
        let predicted = [Predicted {
            start: 0,
            end: 6,
            label: Organization,
        }];
        let listed = errors(
            text,
            &[gold(0, 2, Location), gold(3, 6, Organization)],
            &predicted,
        );
        assert_eq!(
            listed,
            [
                "TYPE\td\t\"UK RAF\" ORG\t=> gold \"UK\" LOC",
                "SPAN\td\t\"RAF\" ORG\t=> \"UK RAF\" ORG",
            ],
        );
    }
}
