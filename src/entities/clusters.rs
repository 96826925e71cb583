//! Word clusters learned from unlabelled news: loading, lookup and training.
//!
//! Classic NER taggers use Brown-cluster path prefixes as features (Ratinov
//! & Roth 2009). Exact Brown clustering is slow, so this builds a comparable
//! binary hierarchy quickly: each frequent word gets a vector of positive
//! PMI with its neighbours (two words each side), randomly projected to 128
//! dimensions and centred; spherical k-means groups the words and Ward's
//! agglomerative clustering joins the groups into a binary tree. A word's
//! path of left/right turns plays the role of its Brown bit string, and its
//! prefixes give coarse-to-fine classes.
//!
//! Everything is deterministic: fixed seeds, sorted vocabularies, and the
//! only parallel step (nearest-centroid search) is a pure map.

use crate::chars;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use super::hashing::mix;
use super::key_table::KeyTable;
use super::tokenizer;
use super::wordform::fold_typography;

/// Word -> cluster path (leading 1 bit, then the path bits).
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    paths: KeyTable,
}

/// The clusters shipped in the binary.
pub const EMBEDDED: &str = include_str!("../../models/clusters.tsv");

/// [`EMBEDDED`] read by `build.rs` with [`super::cluster_lines::parse`].
static EMBEDDED_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/clusters.bin"));

impl Clusters {
    /// The form a word is clustered under: typography folded, digits as 0,
    /// case kept (case carries most of the signal for names).
    pub fn form(folded: &str, out: &mut String) {
        out.clear();
        out.extend(
            folded
                .chars()
                .map(|c| if c.is_ascii_digit() { '0' } else { c }),
        );
    }

    /// Parses `path<TAB>word` lines (path as a string of 0s and 1s).
    pub fn parse(text: &str) -> Clusters {
        Clusters {
            paths: super::cluster_lines::parse(text),
        }
    }

    /// The embedded clusters, as `build.rs` read them (reading them took
    /// 21M instructions at every start of a command that tags entities).
    pub fn embedded() -> Clusters {
        Clusters {
            paths: KeyTable::from_bytes(EMBEDDED_TABLE),
        }
    }

    /// The path of a word by the hash of its [`Clusters::form`], 0 if unknown.
    pub fn path(&self, form_hash: u64) -> u32 {
        self.paths.get(form_hash).unwrap_or(0)
    }

    pub fn len(&self) -> usize {
        self.paths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }
}

/// Settings of cluster training.
#[derive(Debug, Clone, Copy)]
pub struct ClusterSettings {
    /// Words seen fewer times get no cluster.
    pub min_count: u32,
    /// At most this many words are clustered (most frequent first).
    pub max_words: usize,
    /// Neighbour words used as context dimensions.
    pub context_words: usize,
    /// Dimensions of the random projection.
    pub dimensions: usize,
    /// Groups of the flat clustering (leaves of the hierarchy).
    pub groups: usize,
}

impl Default for ClusterSettings {
    fn default() -> ClusterSettings {
        ClusterSettings {
            min_count: 3,
            max_words: 80_000,
            context_words: 2_000,
            dimensions: 128,
            groups: 1_000,
        }
    }
}

/// Reads the texts of a news folder: `*.jsonl` (fields `title` and `body`)
/// and `*.txt` files, in sorted path order.
pub fn read_news(folder: &Path) -> anyhow::Result<Vec<String>> {
    let mut files: Vec<_> = walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    files.sort();
    let mut texts = Vec::new();
    for file in files {
        let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        let content = match std::fs::read(&file) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(_) => continue,
        };
        match extension {
            "jsonl" => {
                for line in content.lines() {
                    let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
                        continue;
                    };
                    for field in ["title", "body"] {
                        if let Some(text) = value.get(field).and_then(|v| v.as_str()) {
                            texts.push(text.to_string());
                        }
                    }
                }
            }
            "txt" => texts.push(content),
            _ => {}
        }
    }
    Ok(texts)
}

/// Deterministic pseudo-random numbers (splitmix64).
fn random_unit(seed: u64, index: u64) -> f32 {
    let value = mix(seed, index);
    // Uniform in [-1, 1): sums of these are close enough to Gaussian for a
    // random projection.
    (value >> 40) as f32 / (1u64 << 23) as f32 - 1.0
}

/// Trains clusters on `texts` and returns them as `path<TAB>word` lines,
/// sorted by path then word.
pub fn train(texts: &[String], settings: ClusterSettings) -> String {
    let sentences = tokenised(texts);
    let vocabulary = vocabulary(&sentences, settings);
    let index: HashMap<&str, usize> = vocabulary
        .iter()
        .enumerate()
        .map(|(i, w)| (w.as_str(), i))
        .collect();
    let vectors = context_vectors(&sentences, &index, settings);
    let paths = hierarchy(&vectors, settings);
    let mut lines: Vec<(String, &str)> = paths
        .into_iter()
        .zip(&vocabulary)
        .map(|(path, word)| (path, word.as_str()))
        .collect();
    lines.sort();
    let mut out = String::new();
    for (path, word) in lines {
        let _ = writeln!(out, "{path}\t{word}");
    }
    out
}

fn tokenised(texts: &[String]) -> Vec<Vec<String>> {
    let mut folded = String::new();
    let mut form = String::new();
    let mut sentences = Vec::new();
    for text in texts {
        for sentence in tokenizer::sentences(text) {
            let words = sentence
                .iter()
                .map(|span| {
                    fold_typography(&text[span.start..span.end], &mut folded);
                    Clusters::form(&folded, &mut form);
                    form.clone()
                })
                .collect();
            sentences.push(words);
        }
    }
    sentences
}

/// Words to cluster, most frequent first (ties alphabetical).
fn vocabulary(sentences: &[Vec<String>], settings: ClusterSettings) -> Vec<String> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for word in sentences.iter().flatten() {
        *counts.entry(word.as_str()).or_default() += 1;
    }
    let mut words: Vec<(&str, u32)> = counts
        .into_iter()
        .filter(|&(_, c)| c >= settings.min_count)
        .collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    words.truncate(settings.max_words);
    words.into_iter().map(|(w, _)| w.to_string()).collect()
}

/// Randomly projected PPMI vectors of left/right neighbour counts,
/// L2-normalised.
fn context_vectors(
    sentences: &[Vec<String>],
    index: &HashMap<&str, usize>,
    settings: ClusterSettings,
) -> Vec<Vec<f32>> {
    // Context ids per window slot: 0 = sentence boundary, 1..=4 = a rare
    // word by shape (capitalised, lower-case, with digits, other: a rare
    // capitalised neighbour such as a first name says a lot), then frequent
    // words. Slots: two words left, one left, one right, two right.
    const RARE_CLASSES: usize = 4;
    let slot_size = settings.context_words + 1 + RARE_CLASSES;
    let context_id = |word: Option<&String>| match word {
        None => 0,
        Some(w) => match index.get(w.as_str()) {
            Some(&i) if i < settings.context_words => i + 1 + RARE_CLASSES,
            _ => {
                let first = w.chars().next().unwrap_or(' ');
                1 + if chars::is_uppercase(first) {
                    0
                } else if chars::is_lowercase(first) {
                    1
                } else if w.chars().any(|c| c.is_ascii_digit()) {
                    2
                } else {
                    3
                }
            }
        },
    };
    let offsets: [isize; 4] = [-2, -1, 1, 2];
    let mut pair_counts: Vec<HashMap<u32, u32>> = vec![HashMap::new(); index.len()];
    let mut context_totals = vec![0f64; offsets.len() * slot_size];
    for sentence in sentences {
        for (position, word) in sentence.iter().enumerate() {
            let Some(&row) = index.get(word.as_str()) else {
                continue;
            };
            for (slot, offset) in offsets.iter().enumerate() {
                let neighbour = position
                    .checked_add_signed(*offset)
                    .and_then(|p| sentence.get(p));
                let context = slot * slot_size + context_id(neighbour);
                *pair_counts[row].entry(context as u32).or_default() += 1;
                context_totals[context] += 1.0;
            }
        }
    }
    // Context distribution smoothing (Levy et al. 2015) keeps rare contexts
    // from dominating PMI.
    let smoothed: Vec<f64> = context_totals.iter().map(|c| c.powf(0.75)).collect();
    let smoothed_total: f64 = smoothed.iter().sum();
    let projection: Vec<Vec<f32>> = (0..context_totals.len())
        .map(|context| {
            (0..settings.dimensions)
                .map(|d| random_unit(context as u64, d as u64))
                .collect()
        })
        .collect();
    let mut vectors: Vec<Vec<f32>> = pair_counts
        .iter()
        .map(|contexts| {
            let word_total: f64 = contexts.values().map(|&c| f64::from(c)).sum();
            let mut vector = vec![0f32; settings.dimensions];
            let mut sorted: Vec<(&u32, &u32)> = contexts.iter().collect();
            sorted.sort();
            for (&context, &count) in sorted {
                let probability_context = smoothed[context as usize] / smoothed_total;
                let pmi = (f64::from(count) / word_total / probability_context).ln();
                if pmi > 0.0 {
                    for (slot, r) in vector.iter_mut().zip(&projection[context as usize]) {
                        *slot += pmi as f32 * r;
                    }
                }
            }
            normalise(&mut vector);
            vector
        })
        .collect();
    // PPMI vectors are all positive, so they share one dominant direction;
    // removing the mean leaves what tells words apart.
    let mut mean = vec![0f32; settings.dimensions];
    for vector in &vectors {
        mean.iter_mut()
            .zip(vector)
            .for_each(|(m, v)| *m += v / vectors.len() as f32);
    }
    for vector in &mut vectors {
        vector.iter_mut().zip(&mean).for_each(|(v, m)| *v -= m);
        normalise(vector);
    }
    vectors
}

fn normalise(vector: &mut [f32]) {
    let norm = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        vector.iter_mut().for_each(|x| *x /= norm);
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Paths in a binary hierarchy: flat spherical k-means groups the words,
/// then Ward's agglomerative clustering joins the groups into a tree, like
/// the merge tree of Brown clustering. A word's path is the string of
/// left (0) / right (1) turns from the root to its group.
fn hierarchy(vectors: &[Vec<f32>], settings: ClusterSettings) -> Vec<String> {
    let groups = settings.groups.min(vectors.len()).max(1);
    let (assignment, centroids, sizes) = kmeans(vectors, groups);
    let group_paths = ward_tree_paths(&centroids, &sizes);
    assignment
        .into_iter()
        .map(|g| group_paths[g].clone())
        .collect()
}

/// Spherical k-means with a seeded, deterministic start. Returns each
/// vector's group, group mean vectors (not normalised) and group sizes.
fn kmeans(vectors: &[Vec<f32>], groups: usize) -> (Vec<usize>, Vec<Vec<f32>>, Vec<usize>) {
    use rayon::prelude::*;
    let mut order: Vec<usize> = (0..vectors.len()).collect();
    order.sort_by_key(|&i| mix(0x6b6d_6561_6e73, i as u64));
    let mut centroids: Vec<Vec<f32>> = order[..groups]
        .iter()
        .map(|&i| vectors[i].clone())
        .collect();
    let mut assignment = vec![0usize; vectors.len()];
    let dimensions = vectors[0].len();
    let mut means = vec![vec![0f32; dimensions]; groups];
    let mut sizes = vec![0usize; groups];
    for _ in 0..15 {
        // Each vector's nearest centroid is independent of the others, so the
        // parallel map is deterministic.
        assignment = vectors
            .par_iter()
            .map(|v| {
                let mut best = (f32::NEG_INFINITY, 0);
                for (g, c) in centroids.iter().enumerate() {
                    let similarity = dot(v, c);
                    if similarity > best.0 {
                        best = (similarity, g);
                    }
                }
                best.1
            })
            .collect();
        means = vec![vec![0f32; dimensions]; groups];
        sizes = vec![0; groups];
        for (v, &g) in vectors.iter().zip(&assignment) {
            means[g].iter_mut().zip(v).for_each(|(m, x)| *m += x);
            sizes[g] += 1;
        }
        for ((centroid, mean), &size) in centroids.iter_mut().zip(&means).zip(&sizes) {
            if size > 0 {
                centroid.clone_from(mean);
                normalise(centroid);
            }
        }
    }
    for (mean, &size) in means.iter_mut().zip(&sizes) {
        mean.iter_mut().for_each(|m| *m /= size.max(1) as f32);
    }
    (assignment, means, sizes)
}

/// Ward's agglomerative clustering of group means (Lance-Williams updates);
/// returns each group's path from the root.
fn ward_tree_paths(means: &[Vec<f32>], sizes: &[usize]) -> Vec<String> {
    let count = means.len();
    let squared =
        |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum::<f32>();
    let mut size: Vec<f64> = sizes.iter().map(|&s| s.max(1) as f64).collect();
    // Ward distance between singletons i and j.
    let mut distance = vec![vec![0f64; count]; count];
    for i in 0..count {
        for j in 0..i {
            let d =
                size[i] * size[j] / (size[i] + size[j]) * f64::from(squared(&means[i], &means[j]));
            distance[i][j] = d;
            distance[j][i] = d;
        }
    }
    // Tree nodes: leaves 0..count, then merges; children per merged node.
    let mut children: Vec<(usize, usize)> = Vec::new();
    let mut node_of: Vec<usize> = (0..count).collect();
    let mut active: Vec<bool> = vec![true; count];
    for _ in 1..count {
        let mut best = (f64::INFINITY, 0, 0);
        for i in 0..count {
            if !active[i] {
                continue;
            }
            for j in 0..i {
                if active[j] && distance[i][j] < best.0 {
                    best = (distance[i][j], i, j);
                }
            }
        }
        let (merged_distance, i, j) = best;
        for k in 0..count {
            if !active[k] || k == i || k == j {
                continue;
            }
            let total = size[i] + size[j] + size[k];
            let d = ((size[i] + size[k]) * distance[k][i] + (size[j] + size[k]) * distance[k][j]
                - size[k] * merged_distance)
                / total;
            distance[k][j] = d;
            distance[j][k] = d;
        }
        active[i] = false;
        size[j] += size[i];
        children.push((node_of[j], node_of[i]));
        node_of[j] = count + children.len() - 1;
    }
    let mut paths = vec![String::new(); count];
    let root = count + children.len().saturating_sub(1);
    let mut stack = vec![(if children.is_empty() { 0 } else { root }, String::new())];
    while let Some((node, path)) = stack.pop() {
        if node < count {
            paths[node] = path;
            continue;
        }
        let (left, right) = children[node - count];
        stack.push((left, format!("{path}0")));
        stack.push((right, format!("{path}1")));
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::super::hashing::hash_str;
    use super::*;

    #[test]
    fn parses_paths_with_a_leading_one_bit() {
        let clusters = Clusters::parse("0110\tMoscow\n1\tsaid\n");
        assert_eq!(clusters.path(hash_str("Moscow")), 0b1_0110);
        assert_eq!(clusters.path(hash_str("said")), 0b11);
        assert_eq!(clusters.path(hash_str("Baku")), 0);
    }

    fn sorted(clusters: &Clusters) -> Vec<(u64, u32)> {
        let mut entries: Vec<_> = clusters.paths.entries().collect();
        entries.sort_unstable();
        entries
    }

    #[test]
    fn the_table_built_with_the_binary_is_the_embedded_clusters() {
        let embedded = sorted(&Clusters::embedded());
        assert!(embedded.len() > 40_000, "{}", embedded.len());
        assert_eq!(embedded, sorted(&Clusters::parse(EMBEDDED)));
    }

    #[test]
    fn cuts_lines_and_fields_as_lines_and_split_once_do() {
        let by_lines = |text: &str| {
            let mut paths = std::collections::BTreeMap::new();
            for line in text.lines() {
                if let Some((bits, word)) = line.split_once('\t') {
                    let path = bits
                        .bytes()
                        .take(30)
                        .fold(1u32, |path, bit| (path << 1) | u32::from(bit == b'1'));
                    paths.insert(hash_str(word), path);
                }
            }
            paths
        };
        let texts = [
            "",
            "\n\n",
            "0110\tMoscow",
            "0110\tMoscow\r\n1\tsaid\r\n",
            "0110\tMoscow\r",
            "no tab\n\r\n0\tsaid\n",
            "\t\n\t\r\n1\t\n",
            "01\ttwo\ttabs\n10\tcarriage\rinside\n",
            "1010101010101010101010101010101111\tlong\n",
            "0110\tMoscow\n1\tMoscow\n",
        ];
        for text in texts {
            let by_lines: Vec<_> = by_lines(text).into_iter().collect();
            assert_eq!(sorted(&Clusters::parse(text)), by_lines, "{text:?}");
        }
    }

    #[test]
    fn training_groups_words_in_the_same_contexts() {
        let mut texts = Vec::new();
        for city in ["Paris", "London", "Rome", "Berlin", "Madrid", "Vienna"] {
            for verb in ["said", "told", "added", "noted", "stated", "claimed"] {
                texts.push(format!(
                    "He flew to {city} on Monday. The minister {verb} that it rained."
                ));
            }
        }
        let settings = ClusterSettings {
            min_count: 1,
            context_words: 20,
            groups: 2,
            ..ClusterSettings::default()
        };
        let clusters = Clusters::parse(&train(&texts, settings));
        let path = |w: &str| clusters.path(hash_str(w));
        assert_eq!(path("Paris"), path("Rome"));
        assert_eq!(path("said"), path("told"));
        assert_ne!(path("Paris"), path("said"));
        assert_eq!(train(&texts, settings), train(&texts, settings));
    }
}
