//! `newsdex train-ner`: trains the entity model from CoNLL-2003 files.
//!
//! Recipe (deterministic: fixed shuffles, no shared mutable state between
//! threads):
//! 1. optionally train word clusters from unlabelled news (`--clusters-from`);
//! 2. pass one: averaged perceptron on local features, epochs picked on dev;
//! 3. two-fold jackknife: pass-one models trained on each half of the
//!    training documents tag the other half, so pass two learns from
//!    realistic (imperfect) first-pass predictions;
//! 4. pass two: the same features plus document-level first-pass history;
//! 5. quantise, prune near-zero rows, write the model file.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use super::clusters::{self, ClusterSettings, Clusters};
use super::conll::{self, ConllDocument};
use super::decode::Transitions;
use super::features::{Document, History, Resources, history_features, token_features};
use super::gazetteer::Gazetteer;
use super::labels::{Tag, spans};
use super::model::Model;
use super::perceptron::{Perceptron, Sentence, predict};
use super::scoring::Scores;

// Arguments of `newsdex train-ner`.
// Not a doc comment: clap would show it as the subcommand's description,
// in place of the one `cli::Command` gives.
#[derive(Debug, Clone, clap::Args)]
pub struct TrainNerArgs {
    /// CoNLL-2003 training file.
    #[arg(long)]
    pub train: PathBuf,
    /// CoNLL-2003 development file, scored after training.
    #[arg(long)]
    pub dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long, default_value = "models/ner.bin")]
    pub out: PathBuf,
    /// Folder of unlabelled news (`*.jsonl` with title/body, `*.txt`) to
    /// train word clusters from first; they are written to `--clusters`.
    #[arg(long)]
    pub clusters_from: Option<PathBuf>,
    /// Word clusters file (`path<TAB>word`), read or (with
    /// `--clusters-from`) written.
    #[arg(long, default_value = "models/clusters.tsv")]
    pub clusters: PathBuf,
    /// Most epochs per pass; the best on `--dev` is kept.
    #[arg(long, default_value_t = 12)]
    pub epochs: usize,
    /// Margin of cost-augmented training (bonus of wrong tags while
    /// training; 0 is the plain perceptron).
    #[arg(long, default_value_t = 60.0)]
    pub margin: f32,
    /// Drop feature rows whose quantised weights are all within this bound.
    #[arg(long, default_value_t = 40)]
    pub prune: i16,
}

/// A document's training data: per-sentence feature indices and gold tags.
struct Prepared {
    document: Document,
    sentences: Vec<Sentence>,
}

/// Maps 64-bit feature keys to dense indices.
#[derive(Default)]
struct FeatureIndex {
    indices: HashMap<u64, u32>,
    keys: Vec<u64>,
}

impl FeatureIndex {
    fn index(&mut self, key: u64, grow: bool) -> Option<u32> {
        if let Some(&index) = self.indices.get(&key) {
            return Some(index);
        }
        if !grow {
            return None;
        }
        let index = self.keys.len() as u32;
        self.keys.push(key);
        self.indices.insert(key, index);
        Some(index)
    }
}

fn prepare(
    resources: &Resources,
    documents: &[ConllDocument],
    index: &mut FeatureIndex,
    grow: bool,
) -> Vec<Prepared> {
    let mut keys = Vec::new();
    documents
        .iter()
        .map(|conll_document| {
            let document = Document::prepare(resources, &conll_document.words());
            let sentences = (0..document.sentence_count())
                .map(|s| {
                    let features = document
                        .sentence(s)
                        .map(|i| {
                            keys.clear();
                            token_features(&document, s, i, &mut keys);
                            keys.iter().filter_map(|&k| index.index(k, grow)).collect()
                        })
                        .collect();
                    Sentence {
                        features,
                        gold: conll_document.sentences[s].tags.clone(),
                    }
                })
                .collect();
            Prepared {
                document,
                sentences,
            }
        })
        .collect()
}

/// Adds second-pass history features given first-pass tags per document.
fn with_history(
    prepared: &[Prepared],
    first_pass: &[Vec<Tag>],
    index: &mut FeatureIndex,
    grow: bool,
) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut keys = Vec::new();
    for (document, tags) in prepared.iter().zip(first_pass) {
        let history = History::new(&document.document, tags);
        for (s, sentence) in document.sentences.iter().enumerate() {
            let mut sentence = sentence.clone();
            for (features, i) in sentence
                .features
                .iter_mut()
                .zip(document.document.sentence(s))
            {
                keys.clear();
                history_features(&document.document, &history, tags, s, i, &mut keys);
                features.extend(keys.iter().filter_map(|&k| index.index(k, grow)));
            }
            out.push(sentence);
        }
    }
    out
}

fn f1(weights: &[f32], transitions: &Transitions, sentences: &[Sentence]) -> f64 {
    let mut scores = Scores::default();
    for sentence in sentences {
        scores.add(
            &spans(&sentence.gold),
            &spans(&predict(weights, transitions, sentence)),
        );
    }
    scores.micro().2
}

/// Trains for up to `epochs`, keeping the averaged weights best on `dev`
/// (or the last epoch's without dev). Returns weights, transitions, epochs.
fn train_pass(
    name: &str,
    features: usize,
    train: &[Sentence],
    dev: &[Sentence],
    epochs: usize,
    margin: f32,
) -> (Vec<f32>, Transitions, usize) {
    let mut perceptron = Perceptron::new(features);
    perceptron.margin = margin;
    let mut best: Option<(f64, Vec<f32>, Transitions, usize)> = None;
    for epoch in 1..=epochs {
        perceptron.epoch(train, epoch as u64);
        let (weights, transitions) = perceptron.averaged();
        if dev.is_empty() {
            best = Some((0.0, weights, transitions, epoch));
            continue;
        }
        let score = f1(&weights, &transitions, dev);
        eprintln!("{name}: epoch {epoch:>2} dev F1 {score:.4}");
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, weights, transitions, epoch));
        }
    }
    let (_, weights, transitions, epoch) = best.expect("at least one epoch");
    (weights, transitions, epoch)
}

fn tag_all(weights: &[f32], transitions: &Transitions, prepared: &[Prepared]) -> Vec<Vec<Tag>> {
    prepared
        .iter()
        .map(|p| {
            p.sentences
                .iter()
                .flat_map(|s| predict(weights, transitions, s))
                .collect()
        })
        .collect()
}

pub fn run(args: &TrainNerArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    if let Some(folder) = &args.clusters_from {
        let texts = clusters::read_news(folder)?;
        eprintln!("clusters: {} texts from {}", texts.len(), folder.display());
        let lines = clusters::train(&texts, ClusterSettings::default());
        std::fs::write(&args.clusters, lines)?;
        eprintln!(
            "clusters: wrote {} ({:.1?})",
            args.clusters.display(),
            started.elapsed()
        );
    }
    let clusters = Clusters::parse(&std::fs::read_to_string(&args.clusters).unwrap_or_default());
    eprintln!("clusters: {} words", clusters.len());
    let resources = Resources::new(Gazetteer::embedded(), clusters);
    let train_documents = conll::read(&args.train)?;
    let dev_documents = match &args.dev {
        Some(path) => conll::read(path)?,
        None => Vec::new(),
    };
    let mut index = FeatureIndex::default();
    let train = prepare(&resources, &train_documents, &mut index, true);
    let dev = prepare(&resources, &dev_documents, &mut index, false);
    let first_features = index.keys.len();
    eprintln!("features: {first_features} ({:.1?})", started.elapsed());
    let flat = |prepared: &[Prepared]| -> Vec<Sentence> {
        prepared.iter().flat_map(|p| p.sentences.clone()).collect()
    };
    let (train_flat, dev_flat) = (flat(&train), flat(&dev));

    let (first_weights, first_transitions, epochs) = train_pass(
        "pass 1",
        first_features,
        &train_flat,
        &dev_flat,
        args.epochs,
        args.margin,
    );

    // Jackknife: each half of the training documents tagged by a model
    // trained on the other half.
    let (even, odd): (Vec<usize>, Vec<usize>) = (0..train.len()).partition(|i| i % 2 == 0);
    let fold = |held_out: &[usize]| -> Vec<(usize, Vec<Tag>)> {
        let training: Vec<Sentence> = (0..train.len())
            .filter(|i| !held_out.contains(i))
            .flat_map(|i| train[i].sentences.clone())
            .collect();
        let (weights, transitions, _) =
            train_pass("fold", first_features, &training, &[], epochs, args.margin);
        held_out
            .iter()
            .map(|&i| (i, tag_all(&weights, &transitions, &train[i..=i]).remove(0)))
            .collect()
    };
    let (even_tags, odd_tags) = rayon::join(|| fold(&even), || fold(&odd));
    let mut train_first_pass = vec![Vec::new(); train.len()];
    for (i, tags) in even_tags.into_iter().chain(odd_tags) {
        train_first_pass[i] = tags;
    }
    let dev_first_pass = tag_all(&first_weights, &first_transitions, &dev);
    eprintln!("jackknife done ({:.1?})", started.elapsed());

    let second_train = with_history(&train, &train_first_pass, &mut index, true);
    let second_dev = with_history(&dev, &dev_first_pass, &mut index, false);
    let (second_weights, second_transitions, _) = train_pass(
        "pass 2",
        index.keys.len(),
        &second_train,
        &second_dev,
        args.epochs,
        args.margin,
    );

    let model = Model::from_weights(
        &index.keys,
        [&first_weights, &second_weights],
        [first_transitions, second_transitions],
        args.prune,
    );
    let bytes = model.to_bytes();
    if let Some(parent) = args.out.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(&args.out, &bytes)?;
    eprintln!(
        "model: {} rows of {} features, {:.1} MB, written to {} ({:.1?})",
        model.row_count(),
        index.keys.len(),
        bytes.len() as f64 / 1e6,
        args.out.display(),
        started.elapsed()
    );
    if !dev_documents.is_empty() {
        let scores = super::eval::score_conll(&model, &resources, &dev_documents);
        println!("dev (quantised model, CoNLL tokens):\n{}", scores.report());
    }
    Ok(())
}
