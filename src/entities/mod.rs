//! Named-entity recognition: text in, labelled spans with canonical names out.
//!
//! This is the narrow interface the rest of newsdex depends on; the model
//! behind it can change without touching callers.
//!
//! Pipeline: [`tokenizer`] (raw text to sentences of byte-offset tokens) ->
//! [`features`] (hashed word, shape, affix, cluster and gazetteer features)
//! -> [`tagger`] (two passes of an averaged-perceptron BILOU model,
//! [`decode`]d by Viterbi; the second pass sees the first pass's document-level
//! decisions; only the [`focus`] windows around possible names are scored)
//! -> spans, with the [`known_names`] put right, brackets held whole
//! ([`parentheses`]: "Nikko Securities Co (Europe) Ltd"), a sentence's
//! first word cut off ([`sentence_openers`]: "Meanwhile Lib Dem"), a
//! member's post cut off ([`trailing_posts`]: "Labour MPs"), an article
//! cut off an organisation named by its kind ([`leading_articles`]: "The
//! Bank"), describing
//! compounds cut off the front ([`leading_modifiers`]: "Paris-based
//! Reporters Without Borders"), [`capitalised_nouns`]
//! after "U.S." cut off ("U.S. Officials"), [`numbered_titles`] no
//! places ("Halloween II"), [`personal_titles`] people ("Cardinal Cormac
//! Murphy-O'Connor", "Mr Evans"), [`holidays`] events ("Christmas"),
//! [`street_names`] places ("Downing Street"), [`administrations`]
//! organisations ("Reagan Administration"), less wire
//! [`boilerplate`] (sign-offs, tickers, table
//! abbreviations), [`common_abbreviations`] ("PC", "DVD") and
//! [`pronoun_us`] (the
//! pronoun "US" in a line of capitals), [`intercapped_names`] found
//! ("iPod", "eBay"), the [`trailing_numbers`] of
//! names joined ("BBC Radio 4"), [`listed_companies`] organisations
//! ("Lockheed Martin"), organisations the story says are
//! organisations ([`organisation_nouns`]: "Dutch firm Heineken";
//! [`company_short_names`]: "Gillette" of "Gillette Co"), titles a genre
//! introduces ([`works_of_art`]: "abortion drama Vera Drake"), one-word
//! "people" the story calls "its" or pairs with an organisation
//! ([`lone_names`]: "GM and Chrysler"), people a
//! person noun introduces ([`person_nouns`]: "rap star Kanye West"), firms
//! named after partners ([`partner_firms`]: "J.P. Morgan and Co"), surnames
//! that open a sentence ([`opening_surnames`]: "May said", "Putin spoke"),
//! surnames alone that speak ([`surnames_alone`]: "Leigh-Pemberton said"),
//! [`one_label`]
//! per name in the article -> [`canonical`] names.
//! The model is trained by `newsdex train-ner` ([`train`]) and embedded
//! from `models/ner.bin`.

use std::sync::LazyLock;

use serde::Serialize;

/// The CoNLL-2003 entity classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityLabel {
    #[serde(rename = "PER")]
    Person,
    #[serde(rename = "ORG")]
    Organization,
    #[serde(rename = "LOC")]
    Location,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityLabel {
    pub const ALL: [EntityLabel; 4] = [
        EntityLabel::Person,
        EntityLabel::Organization,
        EntityLabel::Location,
        EntityLabel::Misc,
    ];

    /// The CoNLL tag: `PER`, `ORG`, `LOC` or `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Person => "PER",
            EntityLabel::Organization => "ORG",
            EntityLabel::Location => "LOC",
            EntityLabel::Misc => "MISC",
        }
    }

    /// Parses `PER`/`ORG`/`LOC`/`MISC` (case-insensitive).
    pub fn from_tag(tag: &str) -> Option<EntityLabel> {
        match tag.to_ascii_uppercase().as_str() {
            "PER" => Some(EntityLabel::Person),
            "ORG" => Some(EntityLabel::Organization),
            "LOC" => Some(EntityLabel::Location),
            "MISC" => Some(EntityLabel::Misc),
            _ => None,
        }
    }
}

/// One entity mention in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// The mention as written.
    pub text: String,
    pub label: EntityLabel,
    /// UTF-8 byte offsets into the text given to [`recognize`].
    pub start: usize,
    pub end: usize,
    /// The name this mention refers to within its article ("Aliyev" ->
    /// "Ilham Aliyev"), possessive and courtesy titles stripped, whitespace
    /// normalised, capitals of a headline undone, a few aliases ("U.S.")
    /// replaced by the name they stand for (see [`canonical`]).
    pub canonical: String,
}

impl Entity {
    /// The mention without a possessive ("Qantas" of "Qantas'", "Kanye
    /// West" of "Kanye West's"): the name the passes over mentions compare.
    pub fn name(&self) -> &str {
        wordform::without_possessive(&self.text)
    }

    /// Drops the first `bytes` of the mention ("Meanwhile " of "Meanwhile
    /// Lib Dem"), its start offset with them.
    pub fn drop_front(&mut self, bytes: usize) {
        self.text.drain(..bytes);
        self.start += bytes;
    }

    /// Drops the last `bytes` of the mention (" MPs" of "Labour MPs"), its
    /// end offset with them.
    pub fn drop_back(&mut self, bytes: usize) {
        self.text.truncate(self.text.len() - bytes);
        self.end -= bytes;
    }
}

/// How many words after a mention may still refer back to it.
const PRONOUN_REACH: usize = 12;

/// The rest of the sentence after the mention at `index`, up to the next
/// mention: where the words that tell what a name is stand ("said",
/// "he", "its").
pub(crate) fn sentence_after<'t>(text: &'t str, entities: &[Entity], index: usize) -> &'t str {
    let entity = &entities[index];
    let limit = entities
        .get(index + 1)
        .map_or(text.len(), |next| next.start.max(entity.end));
    let after = &text[entity.end..limit];
    after
        .find(['.', '!', '?', '\n'])
        .map_or(after, |end| &after[..end])
}

/// The first few words of `text` (letters and apostrophes), past the "s"
/// a possessive leaves ("Rosneft's"): those that may still refer back to
/// the mention before them.
pub(crate) fn words_referring_back(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(crate::chars::is_alphabetic(c) || c == '\'' || c == '’'))
        .filter(|word| !word.is_empty())
        .skip_while(|word| *word == "s")
        .take(PRONOUN_REACH)
}

/// Whether `word` (lower case) is a pronoun only a person is: "he",
/// "his", "she", "her" and the like.
pub(crate) fn is_personal_pronoun(word: &str) -> bool {
    matches!(
        word,
        "he" | "his" | "him" | "himself" | "she" | "her" | "herself"
    )
}

/// Gives `label` to the mentions a pass decided on, one decision a mention:
/// passes decide over all mentions first (a decision may look at others),
/// then relabel.
pub(crate) fn relabel(entities: &mut [Entity], decided: Vec<bool>, label: EntityLabel) {
    for (entity, decided) in entities.iter_mut().zip(decided) {
        if decided {
            entity.label = label;
        }
    }
}

/// The embedded model file (see `newsdex train-ner`).
const MODEL_BYTES: &[u8] = include_bytes!("../../models/ner.bin");

/// Model and resources, loaded once per process on first use.
pub struct Engine {
    pub model: model::Model,
    pub resources: features::Resources,
}

static ENGINE: LazyLock<Option<Engine>> = LazyLock::new(|| {
    // Building the gazetteer's table takes longer than reading the model
    // and the clusters together, so it gets a thread of its own: every
    // command that tags entities waits for this before its first article.
    std::thread::scope(|scope| {
        let gazetteer = scope.spawn(gazetteer::Gazetteer::embedded);
        let model = model::Model::from_static(MODEL_BYTES);
        let clusters = clusters::Clusters::embedded();
        let gazetteer = gazetteer.join().expect("building the gazetteer panicked");
        Some(Engine {
            model: model?,
            resources: features::Resources::new(gazetteer, clusters),
        })
    })
});

/// The embedded engine; `None` only if the binary was built without a model.
pub fn engine() -> Option<&'static Engine> {
    ENGINE.as_ref()
}

impl Engine {
    /// Tags pre-tokenised sentences of one document.
    pub fn tag_sentences(&self, sentences: &[Vec<&str>]) -> Vec<labels::Tag> {
        let document = features::Document::prepare(&self.resources, sentences);
        tagger::tag_document(&self.model, &document)
    }

    /// Entity mentions of one article's raw text.
    pub fn recognize(&self, text: &str) -> Vec<Entity> {
        let sentences = tokenizer::sentences(text);
        let mut entities = Vec::new();
        for window in windows(&sentences, WINDOW_BYTES) {
            let words: Vec<Vec<&str>> = window
                .iter()
                .map(|s| s.iter().map(|t| &text[t.start..t.end]).collect())
                .collect();
            let tags = self.tag_sentences(&words);
            let mut offset = 0;
            for sentence in window {
                let sentence_tags = &tags[offset..offset + sentence.len()];
                offset += sentence.len();
                for (first, last, label) in labels::spans(sentence_tags) {
                    let start = sentence[first].start;
                    let end = sentence[last - 1].end;
                    entities.push(Entity {
                        text: text[start..end].to_string(),
                        label,
                        start,
                        end,
                        canonical: String::new(),
                    });
                }
            }
        }
        known_names::join_multi_word_names(text, &sentences, &mut entities);
        parentheses::mend_brackets(text, &mut entities);
        quote_marks::cut_quote_marks(&mut entities);
        known_names::split_one_word_names_at_line_breaks(&mut entities);
        // Before the one-word names' types: "Tory" of "Tory MP" is one.
        sentence_openers::cut_sentence_openers(&mut entities);
        trailing_posts::cut_trailing_posts(&mut entities);
        leading_articles::cut_leading_articles(&mut entities);
        known_names::retype_one_word_names(&mut entities);
        leading_modifiers::split_leading_modifiers(&mut entities);
        capitalised_nouns::cut_capitalised_nouns(text, &mut entities);
        numbered_titles::retype_numbered_titles(&mut entities);
        personal_titles::retype_titled_people(text, &mut entities);
        holidays::retype_holidays(&mut entities);
        street_names::retype_street_names(&mut entities);
        divisions::retype_divisions(&mut entities);
        administrations::retype_administrations(text, &mut entities);
        boilerplate::remove_sign_offs(text, &mut entities);
        boilerplate::remove_table_words(&mut entities);
        boilerplate::remove_date_row_labels(text, &mut entities);
        boilerplate::remove_tickers(text, &mut entities);
        common_abbreviations::remove_common_abbreviations(&mut entities);
        pronoun_us::remove_pronoun_us(text, &mut entities);
        intercapped_names::add_intercapped_names(&self.resources.gazetteer, text, &mut entities);
        trailing_numbers::join_trailing_numbers(text, &mut entities);
        listed_companies::retype_listed_companies(&self.resources.gazetteer, text, &mut entities);
        organisation_nouns::retype_named_organisations(text, &mut entities);
        company_short_names::retype_short_company_names(&mut entities);
        initials::retype_initials(&self.resources.gazetteer, &mut entities);
        works_of_art::retype_works_of_art(&self.resources.gazetteer, text, &mut entities);
        title_articles::join_title_articles(text, &mut entities);
        lone_names::retype_lone_names(&self.resources.gazetteer, text, &mut entities);
        person_nouns::retype_named_people(text, &mut entities);
        partner_firms::retype_partner_firms(text, &mut entities);
        opening_surnames::tag_opening_surnames(&self.resources, text, &sentences, &mut entities);
        surnames_alone::retype_surnames_alone(&self.resources.gazetteer, text, &mut entities);
        office_titles::retype_office_holders(&self.resources, text, &mut entities);
        one_label::one_label_per_name(&mut entities);
        canonical::resolve(text, &mut entities);
        entities
    }
}

/// An article with its mentions marked `[PER:Mr Blair]`: its text, and the
/// mentions in order, without canonical names yet. For tests of the passes
/// over mentions.
#[cfg(test)]
pub(crate) fn marked_mentions(marked: &str) -> (String, Vec<Entity>) {
    let mut text = String::new();
    let mut entities = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let close = open + rest[open..].find(']').expect("a closing ]");
        let (tag, mention) = rest[open + 1..close].split_once(':').expect("TAG:mention");
        let start = text.len();
        text.push_str(mention);
        entities.push(Entity {
            text: mention.to_string(),
            label: EntityLabel::from_tag(tag).expect("PER, ORG, LOC or MISC"),
            start,
            end: text.len(),
            canonical: String::new(),
        });
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    (text, entities)
}

/// Mentions as `text/label` (`Standard and Poor's Corp/ORG`), for tests
/// to compare with a list.
#[cfg(test)]
pub(crate) fn labelled(entities: &[Entity]) -> Vec<String> {
    entities
        .iter()
        .map(|e| format!("{}/{}", e.text, e.label.as_str()))
        .collect()
}

/// The mentions of `marked` once `pass` has run over them (with the text
/// their offsets index), as [`labelled`] lists them; each mention still
/// spells the text at its offsets.
#[cfg(test)]
pub(crate) fn after_pass(marked: &str, pass: impl FnOnce(&str, &mut Vec<Entity>)) -> Vec<String> {
    let (text, mut entities) = marked_mentions(marked);
    pass(&text, &mut entities);
    for entity in &entities {
        assert_eq!(&text[entity.start..entity.end], entity.text, "{marked}");
    }
    labelled(&entities)
}

/// The most text, in bytes, the tagger reads as one document: whole
/// sentences up to this size. News articles are far shorter, so they are
/// tagged whole, as the model was trained; a dump of many stories in one
/// file (tens of megabytes) is tagged a window at a time, with memory that
/// stays that of one window (a 5 MB article peaked at 560 MB when tagged
/// whole).
const WINDOW_BYTES: usize = 256 * 1024;

/// `sentences` in runs of whole sentences spanning at most `bytes` of
/// text each (a longer sentence is a run of its own).
fn windows(sentences: &[Vec<tokenizer::Span>], bytes: usize) -> Vec<&[Vec<tokenizer::Span>]> {
    let mut windows = Vec::new();
    let mut first = 0;
    let mut window_start = None;
    for (i, sentence) in sentences.iter().enumerate() {
        let (Some(head), Some(tail)) = (sentence.first(), sentence.last()) else {
            continue;
        };
        let start = *window_start.get_or_insert(head.start);
        if tail.end - start > bytes && i > first {
            windows.push(&sentences[first..i]);
            first = i;
            window_start = Some(head.start);
        }
    }
    if first < sentences.len() {
        windows.push(&sentences[first..]);
    }
    windows
}

/// Finds the entity mentions in one article's text, in text order.
///
/// Give it a whole article at a time: canonical names are resolved within
/// the text it is given, and a name recognised in one sentence helps tag it
/// in others. Thread-safe; the model loads once, on first call.
pub fn recognize(text: &str) -> Vec<Entity> {
    engine().map_or_else(Vec::new, |engine| engine.recognize(text))
}

#[cfg(test)]
mod acceptance;
pub mod administrations;
pub mod boilerplate;
pub mod canonical;
pub mod capitalised_nouns;
pub mod cluster_lines;
pub mod clusters;
pub mod common_abbreviations;
pub mod company_short_names;
pub mod conll;
pub mod decode;
pub mod divisions;
pub mod eval;
pub mod features;
pub mod focus;
pub mod gazetteer;
pub mod gazetteer_entries;
pub mod hashing;
pub mod holidays;
pub mod initials;
pub mod intercapped_names;
pub mod key_table;
pub mod known_names;
pub mod labels;
pub mod leading_articles;
pub mod leading_modifiers;
pub mod list_lines;
pub mod listed_companies;
pub mod lone_names;
pub mod model;
pub mod noun_before;
pub mod numbered_titles;
pub mod office_titles;
pub mod one_label;
pub mod opening_surnames;
pub mod organisation_nouns;
pub mod parentheses;
pub mod partner_firms;
pub mod perceptron;
pub mod person_nouns;
pub mod personal_titles;
pub mod pronoun_us;
pub mod quote_marks;
pub mod scoring;
pub mod sentence_openers;
pub mod street_names;
pub mod surnames_alone;
pub mod tagger;
pub mod title_articles;
pub mod tokenizer;
pub mod trailing_numbers;
pub mod trailing_posts;
pub mod train;
pub mod wordform;
pub mod works_of_art;

#[cfg(test)]
mod tests {
    use super::tokenizer::{Span, sentences};
    use super::{recognize, windows};

    #[test]
    fn long_texts_are_tagged_in_windows_of_whole_sentences() {
        let text = "Ilham Aliyev went to Baku. ".repeat(10);
        let all = sentences(&text);
        let lengths =
            |bytes| -> Vec<usize> { windows(&all, bytes).iter().map(|w| w.len()).collect() };
        // 27 bytes a sentence (26 without the space after it).
        assert_eq!(lengths(1 << 20), [10]);
        assert_eq!(lengths(80), [3, 3, 3, 1]);
        // A sentence longer than a window is a window of its own.
        assert_eq!(lengths(10), [1; 10]);
        let empty: Vec<Vec<Span>> = vec![vec![], vec![]];
        assert_eq!(windows(&empty, 10).len(), 1);
        assert!(windows(&[], 10).is_empty());
    }

    #[test]
    fn an_article_longer_than_a_window_keeps_every_mention() {
        // About 320 KB: two windows.
        let text = "Ilham Aliyev went to Baku. ".repeat(12_000);
        let entities = recognize(&text);
        assert_eq!(entities.len(), 24_000);
        assert!(
            entities
                .iter()
                .all(|e| e.canonical == "Ilham Aliyev" || e.canonical == "Baku")
        );
    }
}
