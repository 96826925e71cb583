//! Quotation marks the model took into a name: "`` New GM" an
//! organisation, "`` Dreamliner" another name.
//!
//! Text tokenised as the Penn Treebank writes it (Wikinews in MEANTIME, the
//! bundled corpus) opens a quotation with two backticks and closes it with
//! two apostrophes, each a word of its own. CoNLL's training text writes
//! `"` instead, so the model has seen little of them, and a mention that
//! opened with the marks became the article's name for every other
//! mention ("'' New GM" in twelve passages). A mark standing apart, a word
//! of its own before or after the name, is cut off; one attached to a
//! word ("'N Sync", "Qantas'") is the name's own.

use super::Entity;

/// Marks that open a quotation, as words of their own.
const OPENING: &[&str] = &["``", "`", "\"", "“", "„", "«", "''", "'", "‘"];

/// Marks that close a quotation, as words of their own.
const CLOSING: &[&str] = &["''", "\"", "”", "»", "'", "’"];

/// Cuts quotation marks standing apart off the start and end of mentions,
/// and drops a mention that was nothing else.
pub fn cut_quote_marks(entities: &mut Vec<Entity>) {
    for entity in entities.iter_mut() {
        while let Some(mark) = opening_mark(&entity.text) {
            entity.drop_front(mark);
        }
        while let Some(mark) = closing_mark(&entity.text) {
            entity.drop_back(mark);
        }
    }
    entities.retain(|entity| !entity.text.is_empty());
}

/// The bytes of a mark and the spaces after it that open `text`.
fn opening_mark(text: &str) -> Option<usize> {
    OPENING.iter().find_map(|mark| {
        let rest = text.strip_prefix(mark)?;
        let spaced = rest.trim_start();
        (spaced.len() < rest.len() || rest.is_empty()).then(|| text.len() - spaced.len())
    })
}

/// The bytes of a mark and the spaces before it that end `text`.
fn closing_mark(text: &str) -> Option<usize> {
    CLOSING.iter().find_map(|mark| {
        let rest = text.strip_suffix(mark)?;
        let spaced = rest.trim_end();
        (spaced.len() < rest.len() || rest.is_empty()).then(|| text.len() - spaced.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_standing_apart_are_cut_off_names() {
        let cut = |marked: &str| {
            crate::entities::after_pass(marked, |_, entities| cut_quote_marks(entities))
        };
        let cases: &[(&str, &[&str])] = &[
            ("The [ORG:`` New GM] '' he also expected", &["New GM/ORG"]),
            ("the [MISC:`` Dreamliner ''] jet", &["Dreamliner/MISC"]),
            ("the [MISC:\" Dreamliner \"] jet", &["Dreamliner/MISC"]),
            ("the [ORG:“ New GM ”] plan", &["New GM/ORG"]),
            ("a [ORG:''] mark alone", &[]),
            (
                "the [MISC:' Voice of People radio] said",
                &["Voice of People radio/MISC"],
            ),
            // Marks attached to a word are the name's own.
            ("the band [ORG:'N Sync] played", &["'N Sync/ORG"]),
            ("[ORG:Qantas'] profits", &["Qantas'/ORG"]),
            ("[MISC:\"Dreamliner\"] jets", &["\"Dreamliner\"/MISC"]),
            ("[PER:Ilham Aliyev] said", &["Ilham Aliyev/PER"]),
        ];
        for (marked, want) in cases {
            assert_eq!(cut(marked), *want, "{marked}");
        }
    }
}
