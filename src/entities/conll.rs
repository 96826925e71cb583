//! Reader for CoNLL-2003 files (`WORD POS CHUNK NER` lines, IOB1 tags,
//! `-DOCSTART-` between documents, blank lines between sentences).

use std::path::Path;

use super::labels::{Tag, from_spans, iob1_spans};

/// One sentence: words and BILOU gold tags.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllSentence {
    pub words: Vec<String>,
    pub tags: Vec<Tag>,
}

/// One document: its sentences.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllDocument {
    pub sentences: Vec<ConllSentence>,
}

impl ConllDocument {
    /// Words of each sentence, borrowed.
    pub fn words(&self) -> Vec<Vec<&str>> {
        self.sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect()
    }
}

/// Parses CoNLL-2003 text into documents.
pub fn parse(text: &str) -> Vec<ConllDocument> {
    let mut documents = vec![ConllDocument::default()];
    let mut words: Vec<String> = Vec::new();
    let mut raw_tags: Vec<String> = Vec::new();
    let finish_sentence = |documents: &mut Vec<ConllDocument>,
                           words: &mut Vec<String>,
                           raw_tags: &mut Vec<String>| {
        if words.is_empty() {
            return;
        }
        let tag_refs: Vec<&str> = raw_tags.iter().map(String::as_str).collect();
        let tags = from_spans(words.len(), &iob1_spans(&tag_refs));
        let document = documents.last_mut().expect("at least one document");
        document.sentences.push(ConllSentence {
            words: std::mem::take(words),
            tags,
        });
        raw_tags.clear();
    };
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.is_empty() {
            finish_sentence(&mut documents, &mut words, &mut raw_tags);
            continue;
        }
        if fields[0] == "-DOCSTART-" {
            finish_sentence(&mut documents, &mut words, &mut raw_tags);
            if !documents.last().is_some_and(|d| d.sentences.is_empty()) {
                documents.push(ConllDocument::default());
            }
            continue;
        }
        words.push(fields[0].to_string());
        raw_tags.push(fields.last().copied().unwrap_or("O").to_string());
    }
    finish_sentence(&mut documents, &mut words, &mut raw_tags);
    documents.retain(|d| !d.sentences.is_empty());
    documents
}

/// Reads and parses a CoNLL-2003 file.
pub fn read(path: &Path) -> anyhow::Result<Vec<ConllDocument>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("reading {}: {e}", path.display()))?;
    Ok(parse(&text))
}

#[cfg(test)]
mod tests {
    use super::super::EntityLabel;
    use super::super::labels::spans;
    use super::*;

    #[test]
    fn parses_documents_sentences_and_entities() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBonn NNP I-NP I-LOC\n";
        let documents = parse(text);
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0].sentences.len(), 2);
        assert_eq!(
            spans(&documents[0].sentences[1].tags),
            vec![(0, 2, EntityLabel::Person)]
        );
        assert_eq!(documents[1].words(), vec![vec!["Bonn"]]);
    }
}
