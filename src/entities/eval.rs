//! `newsdex eval-ner`: scores entity extraction CoNLL-style.
//!
//! Three gold formats: a CoNLL-2003 file (scored on its own tokens); a
//! `gold_entities.jsonl` with character offsets into article files; and
//! MEANTIME's `gold.jsonl` (entity mentions, nested, of which the proper
//! names are scored: see [`meantime`] and [`matching`]). A jsonl is told
//! apart by its fields. Articles are scored through [`super::recognize`] on
//! the raw text exactly as `newsdex extract` sees it.

mod errors;
mod matching;
mod meantime;

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::EntityLabel;
use super::conll::{self, ConllDocument};
use super::features::{Document, Resources};
use super::labels::{Tag, spans};
use super::model::Model;
use super::scoring::Scores;
use super::tagger::tag_document;
use matching::{GoldMention, Predicted, Tally, judge};

// Arguments of `newsdex eval-ner`.
// Not a doc comment: clap would show it as the subcommand's description,
// in place of the one `cli::Command` gives.
#[derive(Debug, Clone, clap::Args)]
pub struct EvalNerArgs {
    /// CoNLL-2003 file with gold tags; or a `gold_entities.jsonl` (entities
    /// with character offsets into the article files named by its `file`
    /// fields, relative to the jsonl's folder); or MEANTIME's `gold.jsonl`
    /// (`entity_mentions` with `syntactic_type` and `ent_type`: its proper
    /// names are scored); or a plain `.txt` article whose recognised
    /// entities are printed as JSON lines.
    pub gold: PathBuf,
    /// With a `gold_entities.jsonl`: only documents of this split (e.g.
    /// `testa`).
    #[arg(long)]
    pub split: Option<String>,
    /// Also print every error, one a line before the scores: MISS (a gold
    /// name nothing overlaps), SPAN (found with other bounds), TYPE (a
    /// prediction over gold names of other types), SPUR (a prediction over
    /// no gold name), each with its document and context.
    #[arg(long)]
    pub errors: bool,
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

/// One article to score: its text, its gold mentions (bytes) and where the
/// part the gold covers ends.
struct Article {
    name: String,
    text: String,
    gold: Vec<GoldMention>,
    annotated_end: usize,
}

/// What kind of jsonl the gold is, by its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JsonlGold {
    /// `entities` with `type` PER/ORG/LOC/MISC: flat, all scored.
    Entities,
    /// MEANTIME's `entity_mentions`.
    Meantime,
}

/// Reads a gold jsonl and the articles it names.
fn read_articles(gold: &Path, split: Option<&str>) -> anyhow::Result<(JsonlGold, Vec<Article>)> {
    let folder = gold.parent().unwrap_or(Path::new("."));
    let content =
        std::fs::read_to_string(gold).with_context(|| format!("reading {}", gold.display()))?;
    let mut format = None;
    let mut articles = Vec::new();
    for (index, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = || format!("{}:{}", gold.display(), index + 1);
        let record: serde_json::Value = serde_json::from_str(line).with_context(at)?;
        let kind = *format.get_or_insert(if meantime::is_meantime(&record) {
            JsonlGold::Meantime
        } else {
            JsonlGold::Entities
        });
        if split.is_some_and(|s| record.get("split").and_then(|v| v.as_str()) != Some(s)) {
            continue;
        }
        let file = record
            .get("file")
            .and_then(|v| v.as_str())
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "{}: no `file` field; each line names its article's text, relative to the gold file's folder",
                    at()
                )
            })?
            .to_owned();
        let path = folder.join(&file);
        let text = std::fs::read_to_string(&path).with_context(|| {
            format!(
                "{}: reading {} (texts are found relative to the gold file's folder)",
                at(),
                path.display()
            )
        })?;
        let (gold, annotated_end) = match kind {
            JsonlGold::Meantime => {
                let record: meantime::Record = serde_json::from_value(record).with_context(|| {
                    format!(
                        "{}: not a MEANTIME record (file, entity_mentions with start, end, syntactic_type, ent_type)",
                        at()
                    )
                })?;
                let gold = meantime::gold_mentions(&record, &text).map_err(|e| {
                    anyhow::anyhow!("{}: {e}; is the gold file for this text?", at())
                })?;
                (gold, meantime::annotated_end(&text))
            }
            JsonlGold::Entities => (entity_mentions(&record, &text), text.len()),
        };
        articles.push(Article {
            name: file,
            text,
            gold,
            annotated_end,
        });
    }
    if let Some(split) = split
        && articles.is_empty()
    {
        // Scores of nothing would read as a tagger that finds nothing.
        anyhow::bail!(
            "no line of {} is of split `{split}` (its `split` field; MEANTIME's lines have none): \
             leave out --split to score every line",
            gold.display()
        );
    }
    Ok((format.unwrap_or(JsonlGold::Entities), articles))
}

/// The `entities` of a `gold_entities.jsonl` line in bytes: all scored.
fn entity_mentions(record: &serde_json::Value, text: &str) -> Vec<GoldMention> {
    let mut byte_of_char: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_of_char.push(text.len());
    let mut gold = Vec::new();
    for entity in record
        .get("entities")
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
    {
        let offset = |name: &str| {
            entity
                .get(name)
                .and_then(|v| v.as_u64())
                .and_then(|v| byte_of_char.get(v as usize).copied())
        };
        let label = entity
            .get("type")
            .and_then(|v| v.as_str())
            .and_then(EntityLabel::from_tag);
        if let (Some(start), Some(end), Some(label)) = (offset("start"), offset("end"), label) {
            gold.push(GoldMention::scored(start, end, label));
        }
    }
    gold
}

/// The tagger's mentions of an article that start in its annotated part.
fn predictions(article: &Article) -> Vec<Predicted> {
    super::recognize(&article.text)
        .into_iter()
        .filter(|e| e.start < article.annotated_end)
        .map(|e| Predicted {
            start: e.start,
            end: e.end,
            label: e.label,
        })
        .collect()
}

/// Scores articles, and with `errors` lists what went wrong in each.
fn score_articles(articles: &[Article], errors: Option<&mut String>) -> Tally {
    let mut tally = Tally::default();
    let mut errors = errors;
    for article in articles {
        let predicted = predictions(article);
        let judgement = judge(&article.gold, &predicted);
        tally.add(&article.gold, &predicted, &judgement);
        if let Some(out) = errors.as_deref_mut() {
            errors::describe(out, article, &predicted, &judgement);
        }
    }
    tally
}

/// A CoNLL document as text, one sentence a line and its words spaced, with
/// its gold names and the tagger's (`tags`, over its tokens) in bytes: for
/// `--errors` on a CoNLL file.
fn conll_article(
    number: usize,
    document: &ConllDocument,
    tags: &[Tag],
) -> (Article, Vec<Predicted>) {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut predicted = Vec::new();
    let mut offset = 0;
    for sentence in &document.sentences {
        let mut starts = Vec::with_capacity(sentence.words.len() + 1);
        for word in &sentence.words {
            if !starts.is_empty() {
                text.push(' ');
            }
            starts.push(text.len());
            text.push_str(word);
        }
        // One past the space after the last word: `starts[end] - 1` ends a span.
        starts.push(text.len() + 1);
        for (first, end, label) in spans(&sentence.tags) {
            gold.push(GoldMention::scored(starts[first], starts[end] - 1, label));
        }
        let sentence_tags = &tags[offset..offset + sentence.words.len()];
        offset += sentence.words.len();
        for (first, end, label) in spans(sentence_tags) {
            predicted.push(Predicted {
                start: starts[first],
                end: starts[end] - 1,
                label,
            });
        }
        text.push('\n');
    }
    let annotated_end = text.len();
    let article = Article {
        name: format!("document {number}"),
        text,
        gold,
        annotated_end,
    };
    (article, predicted)
}

/// `--errors` on a CoNLL file: the tagger on each document's own tokens, as
/// [`score_conll`] scores it.
fn conll_errors(
    model: &Model,
    resources: &Resources,
    documents: &[ConllDocument],
    out: &mut String,
) {
    for (index, conll_document) in documents.iter().enumerate() {
        let document = Document::prepare(resources, &conll_document.words());
        let tags = tag_document(model, &document);
        let (article, predicted) = conll_article(index + 1, conll_document, &tags);
        let judgement = judge(&article.gold, &predicted);
        errors::describe(out, &article, &predicted, &judgement);
    }
}

pub fn run(args: &EvalNerArgs) -> anyhow::Result<()> {
    let engine = super::engine().ok_or_else(|| {
        anyhow::anyhow!(
            "this binary has no embedded NER model: build it with models/ner.bin present"
        )
    })?;
    let started = std::time::Instant::now();
    if args.gold.extension().is_some_and(|e| e == "txt") {
        // A plain article: print what recognize() finds, one JSON object a line.
        let text = std::fs::read_to_string(&args.gold)
            .with_context(|| format!("reading {}", args.gold.display()))?;
        for entity in super::recognize(&text) {
            println!("{}", serde_json::to_string(&entity)?);
        }
        return Ok(());
    }
    let mut errors = String::new();
    let errors_out = args.errors.then_some(&mut errors);
    if args.gold.extension().is_some_and(|e| e == "jsonl") {
        let (format, articles) = read_articles(&args.gold, args.split.as_deref())?;
        let tally = score_articles(&articles, errors_out);
        print!("{errors}");
        let bytes: usize = articles.iter().map(|a| a.annotated_end).sum();
        match format {
            JsonlGold::Entities => {
                println!(
                    "raw-text path via recognize(): {bytes} bytes in {:.2?}",
                    started.elapsed()
                );
                print!("{}", tally.strict.report());
                println!("lenient (overlapping span, same type):");
                print!("{}", tally.lenient.report());
            }
            JsonlGold::Meantime => print_meantime(&tally, articles.len(), bytes, started),
        }
        return Ok(());
    }
    let documents = conll::read(&args.gold)?;
    if args.errors {
        conll_errors(&engine.model, &engine.resources, &documents, &mut errors);
        print!("{errors}");
    }
    println!("CoNLL tokens: {} documents", documents.len());
    print!(
        "{}",
        score_conll(&engine.model, &engine.resources, &documents).report()
    );
    Ok(())
}

fn print_meantime(tally: &Tally, articles: usize, bytes: usize, started: std::time::Instant) {
    println!(
        "MEANTIME proper names via recognize(): {articles} articles, {bytes} annotated bytes (title, date line, first {} sentences) in {:.2?}",
        meantime::ANNOTATED_LINES - 2,
        started.elapsed()
    );
    println!(
        "gold: NAM and PRE.NAM mentions typed PER, ORG, LOC, PRO (as MISC); a PRE.NAM LOC (\"Canadian\") is also right as MISC; a leading \"the\"/\"its\" is not part of a name"
    );
    println!(
        "nested gold: a prediction matching a name at any depth is right; recall counts the innermost names only"
    );
    println!(
        "uncounted: {} predictions inside a name MEANTIME types otherwise (FIN, MIX, none), inside another mention of their type (\"twenty new Airbus A320 jets\"), or of another type inside an outer name only (\"Irish\" in \"Irish low cost airline , Ryanair\")",
        tally.uncounted
    );
    println!("strict (exact span and type):");
    print!("{}", tally.strict.report());
    println!("lenient (overlapping span, same type):");
    print!("{}", tally.lenient.report());
}

#[cfg(test)]
mod tests {
    use super::super::labels::{OUTSIDE, Position, tag};
    use super::*;

    #[test]
    fn conll_documents_become_text_with_byte_spans() {
        let document = conll::parse(
            "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\ncall NN I-NP O\n\nPeter NNP B-NP I-PER\nBlackburn NNP I-NP I-PER\n",
        );
        let tags = [
            tag(EntityLabel::Location, Position::Unit),
            OUTSIDE,
            OUTSIDE,
            OUTSIDE,
            tag(EntityLabel::Person, Position::Begin),
            tag(EntityLabel::Person, Position::Last),
        ];
        let (article, predicted) = conll_article(1, &document[0], &tags);
        assert_eq!(article.text, "EU rejects German call\nPeter Blackburn\n");
        let names: Vec<_> = article
            .gold
            .iter()
            .map(|g| (&article.text[g.start..g.end], g.label))
            .collect();
        assert_eq!(
            names,
            [
                ("EU", EntityLabel::Organization),
                ("German", EntityLabel::Misc),
                ("Peter Blackburn", EntityLabel::Person)
            ]
        );
        let found: Vec<_> = predicted
            .iter()
            .map(|p| (&article.text[p.start..p.end], p.label))
            .collect();
        assert_eq!(
            found,
            [
                ("EU", EntityLabel::Location),
                ("Peter Blackburn", EntityLabel::Person)
            ]
        );
    }
}
