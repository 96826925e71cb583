//! Why a query found nothing, and what to search instead: the words no
//! passage holds, with the nearest spelling the index does hold, or, when
//! every word is somewhere, how many passages each finds alone.
//!
//! "No passage matches" alone left a user to guess which of four words
//! was misspelt (`Aliyevv`), or that two names are never in one passage.

use std::cmp::Reverse;

use super::fuzzy::{Spelling, spellings_within};
use super::{Filter, NameKind, analyze, matching_passages};
use tantivy::Term;
use tantivy::query::Occur;
use tantivy::query_grammar::{self, UserInputAst, UserInputLeaf};
use tantivy::schema::Field;

use crate::counted::counted;
use crate::entities::{EntityLabel, canonical};
use crate::error::Result;
use crate::query;
use crate::store::NewsIndex;

/// A word of the query that no passage holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbsentWord {
    pub word: String,
    /// The index's nearest spelling of it.
    pub nearest: Option<Nearest>,
}

/// A spelling the index holds near an absent word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nearest {
    /// Lower case; a stem when it comes from the text (`govern`).
    pub spelling: String,
    /// Edits from the word as typed: the `~N` that finds it.
    pub edits: usize,
    /// Passages a search for it finds.
    pub passages: u64,
}

/// What the plain words of a query that matched nothing find on their own.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WordsAlone {
    /// The words no passage holds.
    pub absent: Vec<AbsentWord>,
    /// The other words, each with the passages it matches alone.
    pub present: Vec<(String, usize)>,
}

/// Shortest word a spelling is suggested for: one or two letters are an
/// edit from hundreds of words.
const MIN_SUGGESTED_CHARS: usize = 3;

/// The most words [`words_alone`] searches: each is a search of its own,
/// and a pasted paragraph would make hundreds.
const MAX_WORDS: usize = 16;

/// The nearest spellings of each word of a name that [`nearest_name`]
/// tries in its place, each a search of its own.
const MAX_RESPELLINGS_PER_WORD: usize = 3;

/// Each plain word of `query` searched alone (`query::plain_words`:
/// quoted phrases, fields and excluded words are left out), each word
/// once, the first [`MAX_WORDS`] of them.
pub fn words_alone(news: &NewsIndex, query: &str) -> Result<WordsAlone> {
    let mut found = WordsAlone::default();
    let mut words = query::plain_words(query);
    let mut seen = std::collections::HashSet::new();
    words.retain(|word| seen.insert(*word));
    for word in words.into_iter().take(MAX_WORDS) {
        let alone = Filter {
            query: word.to_string(),
            ..Filter::default()
        };
        // A word that is no query alone (a lone `in` of a date group is
        // one) says nothing about why the whole found nothing.
        let Ok(passages) = matching_passages(news, &alone) else {
            continue;
        };
        if passages > 0 {
            found.present.push((word.to_string(), passages));
        } else {
            found.absent.push(AbsentWord {
                word: word.to_string(),
                nearest: nearest_spelling(news, word)?,
            });
        }
    }
    Ok(found)
}

/// The spelling of the index nearest to `word`: fewest edits (one, or two
/// from six letters), then a name before a stem of the text (names are
/// spelt as written), then the most passages.
fn nearest_spelling(news: &NewsIndex, word: &str) -> Result<Option<Nearest>> {
    let f = news.fields;
    let searcher = news.searcher()?;
    let mut best = None;
    for (field, is_stem) in [
        (f.person, false),
        (f.org, false),
        (f.place, false),
        (f.misc, false),
        (f.text, true),
    ] {
        let parts = analyze(news, field, word);
        let [part] = parts.as_slice() else {
            continue;
        };
        let letters = part.chars().count();
        if letters < MIN_SUGGESTED_CHARS {
            continue;
        }
        let distance = if letters >= 6 { 2 } else { 1 };
        for spelling in spellings_within(&searcher, field, part, distance)? {
            if spelling.edits == 0 {
                continue;
            }
            let key = (
                spelling.edits,
                is_stem,
                Reverse(spelling.doc_freq),
                spelling.text.clone(),
            );
            if best.as_ref().is_none_or(|(best_key, _)| key < *best_key) {
                let nearest = Nearest {
                    spelling: spelling.text,
                    edits: spelling.edits,
                    passages: spelling.doc_freq,
                };
                best = Some((key, nearest));
            }
        }
    }
    let Some((_, mut nearest)) = best else {
        return Ok(None);
    };
    // A spelling's document frequency counts one field: a name's field
    // said "oil" (from "Shell Oil Co") was in 1 passage when a search for
    // it finds every passage with the word. Say what the search finds.
    let alone = Filter {
        query: nearest.spelling.clone(),
        ..Filter::default()
    };
    if let Ok(passages) = matching_passages(news, &alone) {
        nearest.passages = passages as u64;
    }
    Ok(Some(nearest))
}

/// Why an entity filter (`--person "Ilham Aliyevv"`) matches no passage on
/// its own: the words of the name that no name of its type holds, each
/// with the nearest spelling those names do hold. `None` when the filter
/// alone matches (or its words are all in names, never in one).
pub fn why_no_name_matches(news: &NewsIndex, kind: NameKind, name: &str) -> Result<Option<String>> {
    let alone = Filter {
        entities: vec![(kind, name.to_string())],
        ..Filter::default()
    };
    if !matches!(matching_passages(news, &alone), Ok(0)) {
        return Ok(None);
    }
    let labels = kind.labels();
    let fields: Vec<Field> = labels.iter().map(|&l| news.fields.entity(l)).collect();
    let searcher = news.searcher()?;
    let whose = match kind {
        NameKind::Of(EntityLabel::Person) => "no person's name",
        NameKind::Of(EntityLabel::Organization) => "no organisation's name",
        NameKind::Of(EntityLabel::Location) => "no place's name",
        NameKind::Of(EntityLabel::Misc) => "no other name",
        NameKind::Any => "no name",
    };
    let mut missing = Vec::new();
    // The name fields share one analyzer: the first type's reading of the
    // name gives the words (a person's without courtesy titles).
    let words = analyze(news, fields[0], &canonical::query_name(labels[0], name));
    for word in &words {
        let mut nearest: Option<Spelling> = None;
        let mut held = false;
        for &field in &fields {
            if searcher.doc_freq(&Term::from_field_text(field, word))? > 0 {
                held = true;
                break;
            }
            let near = respellings(&searcher, field, word)?;
            nearest = nearest
                .into_iter()
                .chain(near)
                .min_by_key(|s| (s.edits, Reverse(s.doc_freq), s.text.clone()));
        }
        if held {
            continue;
        }
        missing.push(match nearest {
            Some(near) => format!(
                "{whose} holds \"{word}\" (the index has \"{}\", in {})",
                near.text,
                passages_count(near.doc_freq)
            ),
            None => format!("{whose} holds \"{word}\""),
        });
    }
    if missing.is_empty()
        && let Some((near, passages)) = nearest_name(news, &searcher, kind, &fields, &words)?
    {
        missing.push(format!(
            "{whose} holds \"{}\" (the index has \"{near}\", in {})",
            words.join(" "),
            passages_count(passages as u64)
        ));
    }
    Ok((!missing.is_empty()).then(|| missing.join("; ")))
}

/// The names the query looks for in an entity field (`person:Juncker`,
/// `org:"Azerbaijan Airlines"`), each with the filter that looks for it,
/// in query order: those a passage must or may hold, not the excluded
/// (`-person:Blair`) nor the cut (`person:"Vladimir Put"*`). None for a
/// query that does not parse. "No passage matches" was all a misspelt
/// `person:Juncker` got, where `--person Juncker` named the nearest name.
pub fn names_in_query(query: &str) -> Vec<(NameKind, String)> {
    let mut names = Vec::new();
    for (field, phrase) in sought_in_fields(query) {
        if let Some(&label) = EntityLabel::ALL
            .iter()
            .find(|&&label| NameKind::Of(label).param() == field)
        {
            let name = (NameKind::Of(label), phrase);
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// The sections the query looks for (`section:sport`), as
/// [`names_in_query`] finds names: a misspelt one is named with the
/// sections the index has, as `--section` is.
pub fn sections_in_query(query: &str) -> Vec<String> {
    let mut sections = Vec::new();
    for (field, phrase) in sought_in_fields(query) {
        if field == "section" && !sections.contains(&phrase) {
            sections.push(phrase);
        }
    }
    sections
}

/// `(field, words)` of each literal of the query written with a field,
/// in query order, but not the excluded nor the cut ones; none for a
/// query that does not parse.
fn sought_in_fields(query: &str) -> Vec<(String, String)> {
    let Ok(rewritten) = query::rewrite(query) else {
        return Vec::new();
    };
    let Ok(ast) = query_grammar::parse_query(&rewritten) else {
        return Vec::new();
    };
    let mut literals = Vec::new();
    push_sought(&ast, &mut literals);
    literals
}

fn push_sought(ast: &UserInputAst, literals: &mut Vec<(String, String)>) {
    match ast {
        UserInputAst::Clause(clauses) => {
            for (occur, clause) in clauses {
                if *occur != Some(Occur::MustNot) {
                    push_sought(clause, literals);
                }
            }
        }
        UserInputAst::Boost(ast, _) => push_sought(ast, literals),
        UserInputAst::Leaf(leaf) => {
            if let UserInputLeaf::Literal(literal) = leaf.as_ref()
                && !literal.prefix
                && let Some(field) = &literal.field_name
            {
                literals.push((field.clone(), literal.phrase.clone()));
            }
        }
    }
}

/// The spellings of `field` an edit or two from `word` (two from six
/// letters), not `word` itself.
fn respellings(
    searcher: &tantivy::Searcher,
    field: Field,
    word: &str,
) -> tantivy::Result<impl Iterator<Item = Spelling>> {
    let distance = if word.chars().count() >= 6 { 2 } else { 1 };
    Ok(spellings_within(searcher, field, word, distance)?
        .into_iter()
        .filter(|spelling| spelling.edits > 0))
}

/// The name nearest to a name of several `words` that some names hold
/// each, never all in one, with the passages its filter finds: one word
/// respelt ("vladmir putin" -> "vladimir putin"), the fewest edits, then
/// the most passages. `--person "Vladmir Putin"` found nothing and said
/// nothing, since a "Vladmir Semenovich" held the misspelt word.
fn nearest_name(
    news: &NewsIndex,
    searcher: &tantivy::Searcher,
    kind: NameKind,
    fields: &[Field],
    words: &[String],
) -> Result<Option<(String, usize)>> {
    if words.len() < 2 {
        return Ok(None);
    }
    let mut best: Option<((usize, Reverse<usize>), String)> = None;
    for (i, word) in words.iter().enumerate().take(MAX_WORDS) {
        if word.chars().count() < MIN_SUGGESTED_CHARS {
            continue;
        }
        let mut near = Vec::new();
        for &field in fields {
            near.extend(respellings(searcher, field, word)?);
        }
        // One spelling held by names of several types (`--name`) once.
        near.sort_by(|a, b| a.text.cmp(&b.text).then(a.edits.cmp(&b.edits)));
        near.dedup_by(|a, b| a.text == b.text);
        near.sort_by_key(|s| (s.edits, Reverse(s.doc_freq), s.text.clone()));
        for spelling in near.into_iter().take(MAX_RESPELLINGS_PER_WORD) {
            let mut respelt = words.to_vec();
            respelt[i] = spelling.text;
            let name = respelt.join(" ");
            let alone = Filter {
                entities: vec![(kind, name.clone())],
                ..Filter::default()
            };
            let passages = matching_passages(news, &alone)?;
            let key = (spelling.edits, Reverse(passages));
            if passages > 0 && best.as_ref().is_none_or(|(best_key, _)| key < *best_key) {
                best = Some((key, name));
            }
        }
    }
    Ok(best.map(|((_, Reverse(passages)), name)| (name, passages)))
}

/// Which words of a query that found nothing no passage holds, with the
/// spellings the index has near them; or, when each word is somewhere, how
/// many passages each finds alone. `None` when the words do not say why
/// (a phrase, an excluded word or a field may be the reason).
pub fn why_no_words_match(news: &NewsIndex, query: &str) -> Result<Option<String>> {
    let words = words_alone(news, query)?;
    if !words.absent.is_empty() {
        let absent: Vec<String> = words
            .absent
            .iter()
            .map(|absent| match &absent.nearest {
                Some(near) => format!(
                    "\"{}\" is in no passage (the index has \"{}\", in {}; `{}~{}` searches \
                     near spellings)",
                    absent.word,
                    near.spelling,
                    passages_count(near.passages),
                    absent.word,
                    near.edits
                ),
                None => format!("\"{}\" is in no passage", absent.word),
            })
            .collect();
        return Ok(Some(absent.join("; ")));
    }
    // Only when the query is these words and nothing else (no phrase, no
    // field, no repeated word) is "never all in one" the whole reason.
    let only_words = words.present.len() == query.split_whitespace().count();
    if only_words && words.present.len() >= 2 {
        let alone: Vec<String> = words
            .present
            .iter()
            .map(|(word, n)| format!("\"{word}\" {}", passages_count(*n as u64)))
            .collect();
        return Ok(Some(format!(
            "each word is in some passage, never all in one ({}): join words with OR to find \
             either, or search fewer",
            alone.join(", ")
        )));
    }
    Ok(None)
}

/// When the query's words match passages that its filters leave none of,
/// says so, naming the filters as the user gave them (`--since 2030` on
/// the command line, `since 2030` to the API): "59 passages match "Putin"
/// without the filters, none with since 2030". "No passage matches" alone
/// sent people rewording a query that was fine. `None` without words or
/// filters, or when the words alone match nothing either.
pub fn emptied_by_filters(
    news: &NewsIndex,
    filter: &Filter,
    filters: &str,
) -> Result<Option<String>> {
    if filters.is_empty() || filter.query.trim().is_empty() {
        return Ok(None);
    }
    let alone = Filter {
        query: filter.query.clone(),
        ..Filter::default()
    };
    let n = matching_passages(news, &alone)?;
    Ok((n > 0).then(|| {
        format!(
            "{} {} without the filters, none with {filters}",
            counted(n as u64, "passage matches", "passages match"),
            crate::error::quoted_start(&filter.query)
        )
    }))
}

fn passages_count(n: u64) -> String {
    counted(n, "passage", "passages")
}
