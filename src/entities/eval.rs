//! `newsdex eval-ner`: scores entity extraction CoNLL-style.
//!
//! Two gold formats: a CoNLL-2003 file (scored on its own tokens), or a
//! `gold_entities.jsonl` with character offsets into article files, scored
//! through [`super::recognize`] on the raw text exactly as `newsdex
//! extract` sees it.

use std::path::{Path, PathBuf};

use super::EntityLabel;
use super::conll::{self, ConllDocument};
use super::features::{Document, Resources};
use super::labels::spans;
use super::model::Model;
use super::scoring::Scores;
use super::tagger::tag_document;

// Arguments of `newsdex eval-ner`.
// Not a doc comment: clap would show it as the subcommand's description,
// in place of the one `cli::Command` gives.
#[derive(Debug, Clone, clap::Args)]
pub struct EvalNerArgs {
    /// CoNLL-2003 file with gold tags, or a `gold_entities.jsonl` (entities
    /// with character offsets into the article files named by its `file`
    /// fields, relative to the jsonl's folder), or a plain `.txt` article
    /// whose recognised entities are printed as JSON lines.
    pub gold: PathBuf,
    /// With a jsonl: only documents of this split (e.g. `testa`).
    #[arg(long)]
    pub split: Option<String>,
}

/// Scores a model on CoNLL documents, tagging their own tokens.
pub fn score_conll(model: &Model, resources: &Resources, documents: &[ConllDocument]) -> Scores {
    let mut scores = Scores::default();
    for conll_document in documents {
        let document = Document::prepare(resources, &conll_document.words());
        let tags = tag_document(model, &document);
        let mut offset = 0;
        for sentence in &conll_document.sentences {
            let predicted = &tags[offset..offset + sentence.tags.len()];
            offset += sentence.tags.len();
            scores.add(&spans(&sentence.tags), &spans(predicted));
        }
    }
    scores
}

/// Byte offset -> character offset table of a text.
fn char_offsets(text: &str) -> Vec<usize> {
    let mut table = vec![0; text.len() + 1];
    let mut chars = 0;
    for (byte, c) in text.char_indices() {
        for slot in &mut table[byte..byte + c.len_utf8()] {
            *slot = chars;
        }
        chars += 1;
    }
    table[text.len()] = chars;
    table
}

/// Scores [`super::recognize`] on article files against character-offset gold.
pub fn score_articles(gold: &Path, split: Option<&str>) -> anyhow::Result<(Scores, usize)> {
    let folder = gold.parent().unwrap_or(Path::new("."));
    let mut scores = Scores::default();
    let mut bytes = 0;
    for line in std::fs::read_to_string(gold)?
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let record: serde_json::Value = serde_json::from_str(line)?;
        if split.is_some_and(|s| record.get("split").and_then(|v| v.as_str()) != Some(s)) {
            continue;
        }
        let file = record
            .get("file")
            .and_then(|v| v.as_str())
            .ok_or_else(|| anyhow::anyhow!("record without file"))?;
        let text = std::fs::read_to_string(folder.join(file))?;
        bytes += text.len();
        let mut expected = Vec::new();
        for entity in record
            .get("entities")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
        {
            let field = |name: &str| {
                entity
                    .get(name)
                    .and_then(|v| v.as_u64())
                    .map(|v| v as usize)
            };
            let label = entity
                .get("type")
                .and_then(|v| v.as_str())
                .and_then(EntityLabel::from_tag);
            if let (Some(start), Some(end), Some(label)) = (field("start"), field("end"), label) {
                expected.push((start, end, label));
            }
        }
        let table = char_offsets(&text);
        let predicted: Vec<_> = super::recognize(&text)
            .into_iter()
            .map(|e| (table[e.start], table[e.end], e.label))
            .collect();
        scores.add(&expected, &predicted);
    }
    Ok((scores, bytes))
}

pub fn run(args: &EvalNerArgs) -> anyhow::Result<()> {
    let engine =
        super::engine().ok_or_else(|| anyhow::anyhow!("this binary has no embedded NER model"))?;
    let started = std::time::Instant::now();
    if args.gold.extension().is_some_and(|e| e == "txt") {
        // A plain article: print what recognize() finds, one JSON object a line.
        let text = std::fs::read_to_string(&args.gold)?;
        for entity in super::recognize(&text) {
            println!("{}", serde_json::to_string(&entity)?);
        }
        return Ok(());
    }
    let is_jsonl = args.gold.extension().is_some_and(|e| e == "jsonl");
    let scores = if is_jsonl {
        let (scores, bytes) = score_articles(&args.gold, args.split.as_deref())?;
        println!(
            "raw-text path via recognize(): {bytes} bytes in {:.2?}",
            started.elapsed()
        );
        scores
    } else {
        let documents = conll::read(&args.gold)?;
        println!("CoNLL tokens: {} documents", documents.len());
        score_conll(&engine.model, &engine.resources, &documents)
    };
    print!("{}", scores.report());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_bytes_to_characters() {
        assert_eq!(char_offsets("a’b"), vec![0, 1, 1, 1, 2, 3]);
    }
}
