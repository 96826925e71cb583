//! Canonical names within one article.
//!
//! A mention resolves to the longest mention of the same type whose words
//! start or end with its words ("Putin" -> "Vladimir Putin"); possessives are
//! stripped, whitespace collapsed, and a person's courtesy titles dropped
//! ("Mr Blair" -> "Blair"). An all-caps form takes the mixed-case spelling
//! of the same name where the article has one; where it has none, capitals
//! in a headline, sign-off or dateline become title case, while capitals in
//! running text ("NATO said") are kept. Last, a short table of aliases
//! ("U.S." -> "United States") gives common countries and organisations one
//! name across articles. What the index counts is this name, so each of
//! these steps keeps one name from being counted as several.

use crate::chars;
use crate::legal_forms::without_legal_form;
use std::collections::hash_map::Entry;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::initials;
use super::numbered_titles::is_numeral;
use super::wordform::{Casing, casing, fold_typography, title_case};
use super::{Entity, EntityLabel};

/// The mention as a clean name: typography folded, possessive stripped,
/// whitespace collapsed.
pub fn clean_mention(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_typography(text, &mut folded);
    // Most mentions are their words joined by single spaces already: they
    // are cleaned in place. Every rule pass cleans mentions, and a list of
    // the words joined again was 1 % of an index's instructions.
    let mut clean = if is_single_spaced(&folded) {
        folded
    } else {
        let mut joined = String::with_capacity(folded.len());
        for word in folded.split_whitespace() {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(word);
        }
        joined
    };
    // The possessive of the last word, and the word if nothing else is left.
    let last_start = clean.rfind(' ').map_or(0, |space| space + 1);
    let last = &clean[last_start..];
    let trimmed = last
        .strip_suffix("'s")
        .or_else(|| last.strip_suffix("'S"))
        .unwrap_or(last);
    let trimmed = trimmed.strip_suffix('\'').unwrap_or(trimmed);
    let end = if trimmed.is_empty() {
        last_start.saturating_sub(1)
    } else {
        last_start + trimmed.len()
    };
    clean.truncate(end);
    clean
}

/// Whether `text` is words joined by single spaces: no other whitespace,
/// none at either end.
fn is_single_spaced(text: &str) -> bool {
    // A space may not start the text.
    let mut after_space = true;
    for c in text.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            after_space = false;
        }
    }
    text.is_empty() || !after_space
}

/// Companies whose "'s" is part of their one-word name, not a possessive:
/// "Moody's said" is the rating agency, and stripped it was "Moody", a
/// name apart from "Moody's Investors Service" (293 mentions in
/// Reuters-21578). An article that writes a longer name with the word
/// ("Moody's Investors Service") says the same of any other name; these
/// are the ones news names alone.
const NAMES_WITH_S: &[&str] = &[
    "christie",
    "lloyd",
    "mcdonald",
    "moody",
    "sainsbury",
    "sotheby",
];

/// Whether a mention's last word ends in "'s" (any apostrophe, any case).
fn ends_in_apostrophe_s(text: &str) -> bool {
    let text = text.trim_end();
    let Some(rest) = text.strip_suffix(['s', 'S']) else {
        return false;
    };
    rest.ends_with(['\'', '’', '‘', '`'])
}

/// The one-word names of organisations whose "'s" is their own: those of
/// [`NAMES_WITH_S`], and those that start a longer organisation's name of
/// the article, of three words or more ("Moody's Investors Service"; "Bank's
/// Triple" was a possessive run into the next word), in lower case and
/// without the "'s".
fn names_with_s<'a>(labels: impl Iterator<Item = (EntityLabel, &'a str)>) -> FxHashSet<String> {
    let mut names: FxHashSet<String> = NAMES_WITH_S.iter().map(|n| n.to_string()).collect();
    for (label, name) in labels {
        if label != EntityLabel::Organization || name.split(' ').nth(2).is_none() {
            continue;
        }
        let first = name.split(' ').next().unwrap_or_default().to_lowercase();
        if let Some(stem) = first.strip_suffix("'s") {
            names.insert(stem.to_string());
        }
    }
    names
}

/// Words written before a person's name that are not part of it: "Mr
/// Blair" and "Tony Blair" are one person. Only courtesy titles: an office
/// ("President Bush") the model leaves outside the span, as CoNLL does, and
/// it changes with time while the name does not. Not the titles of women
/// or peers: "Mrs Clinton" stripped took her husband's full name from the
/// same article, and "Lady Gaga", "Miss Piggy" or "Lord Butler" lost the
/// word they are known by.
const COURTESY_TITLES: &[&str] = &["Mr", "Dr", "Prof", "Sir"];

/// `name` without the courtesy titles it starts with ("Mr. Blair" ->
/// "Blair"); a title alone is left as it is, since it is all there is.
pub fn without_courtesy_titles(name: &str) -> &str {
    let mut rest = name;
    while let Some((first, after)) = rest.split_once(' ') {
        let word = first.strip_suffix('.').unwrap_or(first);
        if !COURTESY_TITLES.iter().any(|t| t.eq_ignore_ascii_case(word)) {
            break;
        }
        rest = after;
    }
    rest
}

/// Other names of the countries and organisations news names most, each
/// with the one name they all index under. Only forms that cannot mean
/// anything else are listed ("EC" was the European Community in 1987 and
/// is the European Commission now); the label must match too ("US" as a
/// place, not "us"). Britain is the United Kingdom: news uses the two as one
/// state ("Britain's government"), and counting them apart split every
/// British story in two. The abbreviations of American states that wire
/// copy writes after a city ("Houston, Tex.") are the states: "Calif." and
/// "California" were two rows of a count. British parties go by several
/// names in one paper ("Lib Dems", "Liberal Democrats"; "Tories",
/// "Conservatives"), each of which was a row of its own; they index under
/// the name the BBC uses most.
const ALIASES: &[(EntityLabel, &str, &str)] = &[
    (EntityLabel::Location, "US", "United States"),
    (EntityLabel::Location, "U.S.", "United States"),
    (EntityLabel::Location, "U.S", "United States"),
    (EntityLabel::Location, "USA", "United States"),
    (EntityLabel::Location, "U.S.A.", "United States"),
    (
        EntityLabel::Location,
        "United States of America",
        "United States",
    ),
    (EntityLabel::Location, "UK", "United Kingdom"),
    (EntityLabel::Location, "U.K.", "United Kingdom"),
    (EntityLabel::Location, "U.K", "United Kingdom"),
    (EntityLabel::Location, "Britain", "United Kingdom"),
    (EntityLabel::Location, "Great Britain", "United Kingdom"),
    (EntityLabel::Location, "USSR", "Soviet Union"),
    (EntityLabel::Location, "U.S.S.R.", "Soviet Union"),
    (EntityLabel::Location, "UAE", "United Arab Emirates"),
    (EntityLabel::Location, "U.A.E.", "United Arab Emirates"),
    (EntityLabel::Location, "Ala.", "Alabama"),
    (EntityLabel::Location, "Ariz.", "Arizona"),
    (EntityLabel::Location, "Ark.", "Arkansas"),
    (EntityLabel::Location, "Calif.", "California"),
    (EntityLabel::Location, "Colo.", "Colorado"),
    (EntityLabel::Location, "Conn.", "Connecticut"),
    (EntityLabel::Location, "Del.", "Delaware"),
    (EntityLabel::Location, "Fla.", "Florida"),
    (EntityLabel::Location, "Ga.", "Georgia"),
    (EntityLabel::Location, "Ill.", "Illinois"),
    (EntityLabel::Location, "Ind.", "Indiana"),
    (EntityLabel::Location, "Kan.", "Kansas"),
    (EntityLabel::Location, "Kans.", "Kansas"),
    (EntityLabel::Location, "Ky.", "Kentucky"),
    (EntityLabel::Location, "La.", "Louisiana"),
    (EntityLabel::Location, "Mass.", "Massachusetts"),
    (EntityLabel::Location, "Md.", "Maryland"),
    (EntityLabel::Location, "Mich.", "Michigan"),
    (EntityLabel::Location, "Minn.", "Minnesota"),
    (EntityLabel::Location, "Miss.", "Mississippi"),
    (EntityLabel::Location, "Mo.", "Missouri"),
    (EntityLabel::Location, "Mont.", "Montana"),
    (EntityLabel::Location, "Neb.", "Nebraska"),
    (EntityLabel::Location, "Nev.", "Nevada"),
    (EntityLabel::Location, "N.C.", "North Carolina"),
    (EntityLabel::Location, "N.D.", "North Dakota"),
    (EntityLabel::Location, "N.H.", "New Hampshire"),
    (EntityLabel::Location, "N.J.", "New Jersey"),
    (EntityLabel::Location, "N.M.", "New Mexico"),
    (EntityLabel::Location, "N.Y.", "New York"),
    (EntityLabel::Location, "Okla.", "Oklahoma"),
    (EntityLabel::Location, "Ore.", "Oregon"),
    (EntityLabel::Location, "Pa.", "Pennsylvania"),
    (EntityLabel::Location, "R.I.", "Rhode Island"),
    (EntityLabel::Location, "S.C.", "South Carolina"),
    (EntityLabel::Location, "S.D.", "South Dakota"),
    (EntityLabel::Location, "Tenn.", "Tennessee"),
    (EntityLabel::Location, "Tex.", "Texas"),
    (EntityLabel::Location, "Va.", "Virginia"),
    (EntityLabel::Location, "Vt.", "Vermont"),
    (EntityLabel::Location, "Wash.", "Washington"),
    (EntityLabel::Location, "Wis.", "Wisconsin"),
    (EntityLabel::Location, "W.Va.", "West Virginia"),
    (EntityLabel::Location, "Wyo.", "Wyoming"),
    (EntityLabel::Organization, "UN", "United Nations"),
    (EntityLabel::Organization, "U.N.", "United Nations"),
    (EntityLabel::Organization, "EU", "European Union"),
    (
        EntityLabel::Organization,
        "IMF",
        "International Monetary Fund",
    ),
    (EntityLabel::Organization, "Fed", "Federal Reserve"),
    (EntityLabel::Organization, "Labour Party", "Labour"),
    (
        EntityLabel::Organization,
        "Conservative",
        "Conservative Party",
    ),
    (
        EntityLabel::Organization,
        "Conservatives",
        "Conservative Party",
    ),
    (EntityLabel::Organization, "Tory", "Conservative Party"),
    (EntityLabel::Organization, "Tories", "Conservative Party"),
    (
        EntityLabel::Organization,
        "Tory Party",
        "Conservative Party",
    ),
    (EntityLabel::Organization, "Lib Dems", "Liberal Democrats"),
    (EntityLabel::Organization, "Lib Dem", "Liberal Democrats"),
    (
        EntityLabel::Organization,
        "Liberal Democrat",
        "Liberal Democrats",
    ),
    (EntityLabel::Organization, "UK Independence Party", "UKIP"),
    // The possessive of "Standard and Poor's" is stripped like any other.
    (
        EntityLabel::Organization,
        "Standard and Poor",
        "Standard and Poor's",
    ),
    (
        EntityLabel::Organization,
        "Standard & Poor",
        "Standard and Poor's",
    ),
    (EntityLabel::Organization, "S and P", "Standard and Poor's"),
    (EntityLabel::Organization, "S and P.", "Standard and Poor's"),
    // The agency was "Reuter" on its own wire in the 1980s.
    (EntityLabel::Organization, "Reuter", "Reuters"),
];

/// [`ALIASES`] by label and alias. Every distinct name of every article is
/// looked up: scanning the table for each took 0.7 % of tagging time once
/// it held the states.
static ALIAS_NAMES: LazyLock<FxHashMap<(EntityLabel, &'static str), &'static str>> =
    LazyLock::new(|| {
        ALIASES
            .iter()
            .map(|&(label, alias, full)| ((label, alias), full))
            .collect()
    });

/// Whether a name is another name of a place ("U.S.", "U.K.").
pub(super) fn location_alias(name: &str) -> bool {
    unaliased(EntityLabel::Location, name) != name
}

/// The name an alias stands for, or the name itself.
fn unaliased(label: EntityLabel, name: &str) -> &str {
    let names: &FxHashMap<(EntityLabel, &str), &str> = &ALIAS_NAMES;
    names.get(&(label, name)).copied().unwrap_or(name)
}

/// The name an entity filter for `label` looks for: the name as the index
/// holds it (clean, without courtesy titles if a person, unaliased,
/// without its legal form if a company), so `--person "Mr Blair's"` finds
/// "Blair", `--place us` "United States" and `--org "Texaco Inc"` "Texaco".
/// A filter is typed, so its alias is matched ignoring case.
pub fn query_name(label: EntityLabel, text: &str) -> String {
    let clean = clean_mention(text);
    let name = match label {
        EntityLabel::Person => without_courtesy_titles(&clean),
        _ => &clean,
    };
    if label == EntityLabel::Organization
        && ends_in_apostrophe_s(text)
        && NAMES_WITH_S.contains(&name.to_lowercase().as_str())
    {
        return format!("{name}'s");
    }
    let name = ALIASES
        .iter()
        .find(|(l, alias, _)| *l == label && alias.eq_ignore_ascii_case(name))
        .map_or(name, |(_, _, full)| full);
    match label {
        EntityLabel::Organization => without_legal_form(name),
        _ => name,
    }
    .to_string()
}

/// Whether a name has an all-caps word and no title- or lower-case one.
fn is_all_caps(name: &str) -> bool {
    let mut upper = false;
    for word in name.split_whitespace() {
        match casing(word) {
            Casing::Upper => upper = true,
            Casing::Other => {}
            Casing::Title | Casing::Lower => return false,
        }
    }
    upper
}

/// Whether every word of a name is in lower case ("venezuela", "new
/// york"): not a spelling of the name but of a story typed without
/// capitals. "de Gaulle" and "al-Assad" have a capital.
fn is_all_lower(name: &str) -> bool {
    name.split_whitespace()
        .all(|word| casing(word) == Casing::Lower)
        && !name.is_empty()
}

/// Whether a line is set in capitals (a headline, a sign-off): its
/// all-caps words outnumber the others, so capitals there say nothing
/// about how a name is spelt (nor, to the index, how any word is:
/// [`crate::capitals`]).
fn is_shouted(line: &str) -> bool {
    if line.is_ascii() {
        return is_shouted_ascii(line.as_bytes());
    }
    is_shouted_by_words(line)
}

/// [`is_shouted`] of any line, word by word and character by character.
fn is_shouted_by_words(line: &str) -> bool {
    let (mut upper, mut other) = (0, 0);
    for word in line.split_whitespace() {
        match casing(word) {
            Casing::Upper => upper += 1,
            Casing::Title | Casing::Lower => other += 1,
            Casing::Other if word.chars().any(chars::is_alphabetic) => other += 1,
            Casing::Other => {}
        }
    }
    upper > other
}

/// [`is_shouted`] of a line of ASCII, read as bytes in one pass: a word of
/// letters is all-caps (two or more letters, all capitals) or not, and a
/// word without one counts for neither. Lines are long: splitting them
/// into words of characters was 2 % of the entity recogniser's
/// instructions, and splitting them into words of bytes half of what
/// asking about a line cost.
fn is_shouted_ascii(line: &[u8]) -> bool {
    let (mut upper, mut other) = (0u32, 0u32);
    // The word being read: its letters, and whether all are capitals.
    let (mut letters, mut capitals) = (0u32, true);
    // A space after the line ends its last word. Words end at Unicode's
    // White_Space in ASCII: tab to carriage return, and space.
    for &b in line.iter().chain(std::iter::once(&b' ')) {
        if (b | 0x20).is_ascii_lowercase() {
            letters += 1;
            // A letter is a capital when its case bit is clear.
            capitals &= b & 0x20 == 0;
        } else if b == b' ' || (b'\t'..=b'\r').contains(&b) {
            if letters > 1 && capitals {
                upper += 1;
            } else if letters > 0 {
                other += 1;
            }
            (letters, capitals) = (0, true);
        }
    }
    upper > other
}

/// Whether an all-caps word may be an acronym ("EC", "U.S.", "NATO",
/// "NBC"), which title case would misspell: at most `short` letters, dots
/// or digits, or no vowel. Alone, four letters make NATO, OPEC and GATT as
/// often as IRAN or PERU, and a country in a headline is nearly always
/// written in the story below, whose spelling wins.
fn may_be_acronym(word: &str, short: usize) -> bool {
    let letters = word.chars().filter(|c| chars::is_alphabetic(*c)).count();
    letters <= short
        || word.chars().any(|c| c == '.' || c.is_ascii_digit())
        || !word
            .chars()
            .any(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
}

/// Words a title-cased name keeps in lower case ("Bank of France").
const NAME_PARTICLES: &[&str] = &[
    "of", "and", "the", "for", "on", "de", "du", "la", "von", "van",
];

/// A name written in capitals where capitals carry no meaning, in title
/// case: every word of a person's name; of other names, the words that
/// cannot be acronyms ("TOKYO" -> "Tokyo", "NATO" stays, "BANK OF FRANCE"
/// -> "Bank of France", "EC COMMISSION" -> "EC Commission"). Within a
/// longer name, only a word of one or two letters is taken for an acronym.
fn title_cased(label: EntityLabel, name: &str) -> String {
    let several = name.contains(' ');
    let words: Vec<String> = name
        .split(' ')
        .enumerate()
        .map(|(index, word)| {
            let lower = word.to_lowercase();
            if label == EntityLabel::Person {
                title_case(word)
            } else if several && index > 0 && NAME_PARTICLES.contains(&lower.as_str()) {
                lower
            } else if word.contains('-') && !word.contains('.') {
                // Each part on its own ("US-CHINA" -> "US-China",
                // "COCA-COLA" -> "Coca-Cola"); as within a longer name, a
                // part of two letters, or without a vowel, may be an
                // acronym ("CBS-TV"; "ZEN-NOH" -> "Zen-Noh").
                word.split('-')
                    .map(|part| {
                        if may_be_acronym(part, 2) {
                            part.to_string()
                        } else {
                            title_case(part)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("-")
            } else if may_be_acronym(word, if several { 2 } else { 4 }) {
                word.to_string()
            } else {
                title_case(word)
            }
        })
        .map(|word| match word.strip_suffix("'S") {
            // "SHAW'S" is "Shaw's", where "O'NEILL" is "O'Neill".
            Some(stem) if word != word.to_uppercase() => format!("{stem}'s"),
            _ => word,
        })
        .collect();
    words.join(" ")
}

/// How much a mention's spelling says about its name: a mixed-case form
/// says most, an all-caps one in running text ("NATO said") next, and an
/// all-caps one in a headline, sign-off or dateline less (it is used
/// title-cased), and an all-lower-case one least (capitalised likewise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Spelling {
    Mixed,
    Capitals,
    Shouted,
    Lower,
}

/// Lines of one article (or of a passage the index reads: `stemmer`),
/// each found when a byte on it is asked about, by looking for the
/// newlines either side of that byte: listing every line of a text at its
/// first question was a quarter of what asking cost. Whether a line is
/// shouted is worked out once per line, so an article of one very long
/// line costs no more than one of many.
pub(crate) struct Lines<'a> {
    text: &'a str,
    /// The line asked about last and whether it is shouted: words are
    /// asked about in the order of the text, most of them several to a
    /// line (a headline).
    last: Option<(std::ops::Range<usize>, bool)>,
    /// The lines asked about before the last one, by their first byte:
    /// kept only once a second line is asked about, so a text of one line
    /// costs no table.
    earlier: FxHashMap<usize, bool>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Lines {
            text,
            last: None,
            earlier: FxHashMap::default(),
        }
    }

    /// The byte range of the line around byte `at`, without its newline;
    /// a newline at `at` belongs to the line it ends.
    pub(super) fn around(&self, at: usize) -> std::ops::Range<usize> {
        if let Some((line, _)) = &self.last
            && line.start <= at
            && at <= line.end
        {
            return line.clone();
        }
        let text = self.text;
        let at = at.min(text.len());
        // Searched as text, a word at a time; `at` is the start of a word
        // or a mention, so it is always a char boundary.
        let (before, after) = text.split_at_checked(at).unwrap_or_else(|| {
            let at = (0..at)
                .rev()
                .find(|&at| text.is_char_boundary(at))
                .unwrap_or(0);
            text.split_at(at)
        });
        let start = before.rfind('\n').map_or(0, |newline| newline + 1);
        let end = after
            .find('\n')
            .map_or(text.len(), |newline| before.len() + newline);
        start..end
    }

    /// Whether the line around byte `at` is shouted ([`is_shouted`]).
    pub(crate) fn is_shouted(&mut self, at: usize) -> bool {
        let line = self.around(at);
        if let Some((last, shouted)) = &self.last {
            if *last == line {
                return *shouted;
            }
            self.earlier.insert(last.start, *shouted);
        }
        let shouted = match self.earlier.get(&line.start) {
            Some(&shouted) => shouted,
            None => is_shouted(&self.text[line.clone()]),
        };
        self.last = Some((line, shouted));
        shouted
    }

    /// Whether the mention at `start..end` opens its line as a dateline
    /// does ("WASHINGTON, March 3 -", "LONDON (Reuters) -"): capitals
    /// there are the wire's style, not the name's.
    fn is_dateline(&self, start: usize, end: usize) -> bool {
        let line_start = self.around(start).start;
        let after = self.text[end..].trim_start_matches(' ');
        self.text[line_start..start].trim().is_empty()
            && (after.starts_with(',') || after.starts_with('(') || after.starts_with("- "))
    }
}

/// Words that end a company's name and say only that it is one ("Chevron
/// Corp", "Reuters Holdings PLC"), compared in lower case: a name that is
/// a shorter one and these is that company itself, where one with other
/// words is more often a unit of it ("Chevron U.S.A. Inc").
pub(super) const COMPANY_SUFFIXES: &[&str] = &[
    "ag",
    "co",
    "co.",
    "company",
    "corp",
    "corp.",
    "corporation",
    "cos",
    "gmbh",
    "group",
    "holdings",
    "inc",
    "inc.",
    "incorporated",
    "limited",
    "llc",
    "lp",
    "l.p.",
    "ltd",
    "ltd.",
    "n.v.",
    "nv",
    "plc",
    "s.a.",
    "sa",
];

/// How many words of an organisation's lower-case name are left without
/// the [`COMPANY_SUFFIXES`] it ends with.
pub(super) fn core_words(words: &[&str]) -> usize {
    let suffixes = words
        .iter()
        .rev()
        .take_while(|word| COMPANY_SUFFIXES.contains(word))
        .count();
    words.len() - suffixes
}

/// A longer name of the article that a shorter one may stand for.
#[derive(Clone)]
struct Candidate {
    /// Its first mention, which stands for all of them.
    index: usize,
    /// Whether it starts with the shorter name's words (rather than ends).
    starts: bool,
    /// How many of its words are not company suffixes ([`core_words`]).
    core: usize,
    mentions: usize,
    words: usize,
}

impl Candidate {
    /// Whether this candidate is longer than `other`, or as long and named
    /// first; an organisation as long that starts with the short name
    /// ("Sony Corp") comes before one that ends with it ("Bridgend Sony").
    fn is_longer_than(&self, other: &Candidate, label: EntityLabel) -> bool {
        let starts = |c: &Candidate| label == EntityLabel::Organization && c.starts;
        let key = |c: &Candidate| (c.words, starts(c), std::cmp::Reverse(c.index));
        key(self) > key(other)
    }

    /// Of two organisations that start with a short name, whether this is
    /// the better full name for it: the one with the fewest words besides
    /// company suffixes (a bare "Chevron" is "Chevron Corp", not its unit
    /// "Chevron U.S.A. Inc", whichever the article names first), then the
    /// most mentioned, then the longer.
    fn is_parent_rather_than(&self, other: &Candidate) -> bool {
        let key = |c: &Candidate| {
            (
                std::cmp::Reverse(c.core),
                c.mentions,
                c.words,
                std::cmp::Reverse(c.index),
            )
        };
        key(self) > key(other)
    }
}

/// Sets `canonical` on every entity of one article; `text` is the text
/// their offsets index. The work is per distinct name, not per mention:
/// a live blog that names one man ten thousand times looks his longer
/// name up once.
pub fn resolve(text: &str, entities: &mut [Entity]) {
    let mut lines = Lines::new(text);
    let mut names = Vec::with_capacity(entities.len());
    let mut spellings = Vec::with_capacity(entities.len());
    for entity in entities.iter() {
        let clean = clean_mention(&entity.text);
        let name = match entity.label {
            EntityLabel::Person => without_courtesy_titles(&clean),
            _ => &clean,
        };
        let spelling = if is_all_lower(name) {
            Spelling::Lower
        } else if !is_all_caps(name) {
            Spelling::Mixed
        } else if lines.is_shouted(entity.start) || lines.is_dateline(entity.start, entity.end) {
            Spelling::Shouted
        } else {
            Spelling::Capitals
        };
        names.push(match spelling {
            Spelling::Shouted => title_cased(entity.label, name),
            // A story typed all in lower case ("venezuela's 13-bank
            // advisory committee"): capitalised as a shouted name would
            // be, acronyms in capitals ("u.s." -> "U.S.", so the alias
            // applies).
            Spelling::Lower => title_cased(entity.label, &name.to_uppercase()),
            Spelling::Mixed | Spelling::Capitals => name.to_string(),
        });
        spellings.push(spelling);
    }
    // A one-word organisation whose "'s" is its own keeps it ("Moody's"),
    // so it is one name with "Moody's Investors Service".
    if entities.iter().any(|e| ends_in_apostrophe_s(&e.text)) {
        let with_s = names_with_s(
            entities
                .iter()
                .zip(&names)
                .map(|(e, name)| (e.label, name.as_str())),
        );
        for (entity, name) in entities.iter().zip(names.iter_mut()) {
            if entity.label == EntityLabel::Organization
                && !name.contains(' ')
                && ends_in_apostrophe_s(&entity.text)
                && with_s.contains(&name.to_lowercase())
            {
                name.push_str("'s");
            }
        }
    }
    // A clean name's words are separated by single spaces, so lower-casing
    // it whole lower-cases each word.
    let lowered: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    // Preferred spelling per (label, lower-case name): the first of the
    // most telling kind, and the first mention. Its keys are the distinct
    // names, in the order they first appear.
    // The maps by name are sized for every mention to be a name of its
    // own: grown from empty, they were rehashed several times an article.
    let mut spelling: FxHashMap<(EntityLabel, &str), (usize, usize)> =
        FxHashMap::with_capacity_and_hasher(entities.len(), Default::default());
    let mut distinct: Vec<usize> = Vec::new();
    // How often each distinct name is mentioned, at the index of its first
    // mention.
    let mut mentions: Vec<usize> = vec![0; entities.len()];
    // Where each distinct name is mentioned a second time, at the index of
    // its first mention.
    let mut second_mention: Vec<Option<usize>> = vec![None; entities.len()];
    for (index, entity) in entities.iter().enumerate() {
        match spelling.entry((entity.label, lowered[index].as_str())) {
            Entry::Occupied(mut existing) => {
                let (preferred, first) = existing.get_mut();
                if spellings[index] < spellings[*preferred] {
                    *preferred = index;
                }
                mentions[*first] += 1;
                second_mention[*first].get_or_insert(index);
            }
            Entry::Vacant(vacant) => {
                vacant.insert((index, index));
                distinct.push(index);
                mentions[index] = 1;
            }
        }
    }
    let words: FxHashMap<usize, Vec<&str>> = distinct
        .iter()
        .map(|&index| (index, lowered[index].split_whitespace().collect()))
        .collect();
    // Distinct multi-word names (by their first mention) indexed by
    // (label, first word) and (label, last word), in the order they first
    // appear. Mentions of one name are all the same candidate: the first
    // of them stands for all.
    let mut by_edge: FxHashMap<(EntityLabel, &str), Vec<usize>> =
        FxHashMap::with_capacity_and_hasher(2 * distinct.len(), Default::default());
    for &index in &distinct {
        if let [first, .., last] = words[&index].as_slice() {
            let label = entities[index].label;
            by_edge.entry((label, first)).or_default().push(index);
            by_edge.entry((label, last)).or_default().push(index);
        }
    }
    // Per distinct name, the name it resolves to: the first of the longest
    // names that start or end with its words, those sharing its first word
    // before those sharing its last; but where that is an organisation
    // sharing its first word, the parent company among those
    // ([`Candidate::is_parent_rather_than`]), taken as that one resolves in
    // turn. Longer names are resolved first, so the parent's own
    // resolution is known: "Columbia" -> "Columbia Gas" -> "Columbia Gas
    // System Inc".
    let mut by_length = distinct.clone();
    by_length.sort_by_key(|index| std::cmp::Reverse(words[index].len()));
    // Per distinct name (at its first mention), the name its resolution
    // extends at its end, or itself.
    let mut parent_of: Vec<usize> = (0..entities.len()).collect();
    let mut resolved: FxHashMap<(EntityLabel, &str), String> =
        FxHashMap::with_capacity_and_hasher(distinct.len(), Default::default());
    for &index in &by_length {
        let label = entities[index].label;
        let name_words = &words[&index];
        let mut longest: Option<Candidate> = None;
        let mut parent: Option<Candidate> = None;
        if let (Some(first), Some(last)) = (name_words.first(), name_words.last()) {
            let candidates = by_edge
                .get(&(label, *first))
                .into_iter()
                .chain(by_edge.get(&(label, *last)))
                .flatten();
            for &candidate in candidates {
                let longer = &words[&candidate];
                if longer.len() <= name_words.len() {
                    continue;
                }
                let starts = longer.starts_with(name_words);
                if !starts && !longer.ends_with(name_words) {
                    continue;
                }
                // A sequel or a model is not the whole name of what it
                // numbers: "Halloween" is not "Halloween II", nor
                // "PlayStation" "PlayStation 2", nor "Radio" "Radio 4".
                if starts
                    && longer.len() == name_words.len() + 1
                    && longer.last().is_some_and(|word| {
                        is_numeral(word) || word.bytes().all(|b| b.is_ascii_digit())
                    })
                {
                    continue;
                }
                // A name the article has written alone twice before it
                // first writes a longer one that adds words to its end is
                // a name of its own, not short for that one: "Yahoo" is
                // not "Yahoo Messenger", nor "GM" the "GM Total
                // Confidence" programme, named late in the story. A
                // company's legal form added ("Gillette Co") still is its
                // full name, and a person's first name, as a quote writes
                // it ("Steven is not for sale"), still is his.
                if starts
                    && label != EntityLabel::Person
                    && core_words(longer) > name_words.len()
                    && second_mention[index]
                        .is_some_and(|second| entities[second].start < entities[candidate].start)
                {
                    continue;
                }
                let candidate = Candidate {
                    index: candidate,
                    starts,
                    core: core_words(longer),
                    mentions: mentions[candidate],
                    words: longer.len(),
                };
                if label == EntityLabel::Organization
                    && starts
                    && parent
                        .as_ref()
                        .is_none_or(|p| candidate.is_parent_rather_than(p))
                {
                    parent = Some(candidate.clone());
                }
                if longest
                    .as_ref()
                    .is_none_or(|l| candidate.is_longer_than(l, label))
                {
                    longest = Some(candidate);
                }
            }
        }
        let target = match (longest, parent) {
            (Some(longest), Some(parent)) if longest.starts => parent_of[parent.index],
            (Some(longest), _) => longest.index,
            (None, _) => index,
        };
        if target != index && words[&target].starts_with(name_words) {
            parent_of[index] = target;
        }
        let chosen = spelling
            .get(&(label, lowered[target].as_str()))
            .map_or(target, |&(preferred, _)| preferred);
        resolved.insert(
            (label, lowered[index].as_str()),
            unaliased(label, &names[chosen]).to_string(),
        );
    }
    expand_initials(entities, &names, &lowered, &distinct, &mut resolved);
    let canonical: Vec<String> = entities
        .iter()
        .enumerate()
        .map(|(index, entity)| resolved[&(entity.label, lowered[index].as_str())].clone())
        .collect();
    for (entity, name) in entities.iter_mut().zip(canonical) {
        entity.canonical = name;
    }
}

/// Resolves an organisation's initials that the article has not resolved
/// otherwise to the one organisation of the article they stand for
/// ([`initials::expansions`]): "SEC" is the "Securities and Exchange
/// Commission" the story names in full, so the two are one name to count
/// and filter by. An alias keeps the name it stands for ("UN"), and a
/// country's other name stays the country's ("US" officials, whatever
/// the story's "United Steelworkers").
fn expand_initials<'a>(
    entities: &[Entity],
    names: &[String],
    lowered: &'a [String],
    distinct: &[usize],
    resolved: &mut FxHashMap<(EntityLabel, &'a str), String>,
) {
    let is_initials = |index: usize| {
        entities[index].label == EntityLabel::Organization
            && initials::is_in_capitals(&names[index])
            && !location_alias(&names[index])
            && resolved[&(EntityLabel::Organization, lowered[index].as_str())] == names[index]
    };
    if !distinct.iter().any(|&index| is_initials(index)) {
        return;
    }
    let expansions = initials::expansions(distinct.iter().map(|&index| {
        let label = entities[index].label;
        let full = resolved[&(label, lowered[index].as_str())].as_str();
        (label, names[index].as_str(), full)
    }));
    let expanded: Vec<(usize, String)> = distinct
        .iter()
        .filter(|&&index| is_initials(index))
        .filter_map(|&index| Some((index, expansions.get(&names[index])?.to_string())))
        .collect();
    for (index, full) in expanded {
        resolved.insert((EntityLabel::Organization, lowered[index].as_str()), full);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityLabel::*;

    #[test]
    fn cleans_mentions() {
        let cases = [
            ("Russia's", "Russia"),
            ("Aliyev’s", "Aliyev"),
            ("Azerbaijan  Airlines'", "Azerbaijan Airlines"),
            ("Vladimir\nPutin", "Vladimir Putin"),
            (" Tony  Blair's ", "Tony Blair"),
            ("Tony\u{a0}Blair", "Tony Blair"),
            ("Reuters '", "Reuters"),
            ("Reuters 's", "Reuters"),
            ("'s", ""),
            ("''", "'"),
            ("Moody's Investors", "Moody's Investors"),
            ("AT&T’S", "AT&T"),
            ("Lib\u{2014}Dem\u{2026}", "Lib-Dem..."),
            ("", ""),
            ("  ", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(clean_mention(input), expected, "{input:?}");
        }
    }

    mod properties {
        use proptest::prelude::*;

        use super::super::{clean_mention, fold_typography};

        /// What `clean_mention` did before it cleaned most mentions in
        /// place: the folded words, joined again.
        fn joined_again(text: &str) -> String {
            let mut folded = String::new();
            fold_typography(text, &mut folded);
            let mut words: Vec<&str> = folded.split_whitespace().collect();
            if let Some(last) = words.last_mut() {
                let trimmed = last
                    .strip_suffix("'s")
                    .or_else(|| last.strip_suffix("'S"))
                    .unwrap_or(last);
                *last = trimmed.strip_suffix('\'').unwrap_or(trimmed);
                if last.is_empty() {
                    words.pop();
                }
            }
            words.join(" ")
        }

        proptest! {
            #[test]
            fn a_line_of_ascii_is_shouted_as_any_line_is(
                line in "([A-Z]{1,4}|[a-z]{1,3}|[0-9.,'&-]|[ \t\n\x0b\x0c\r])*"
            ) {
                prop_assert_eq!(
                    super::super::is_shouted_ascii(line.as_bytes()),
                    super::super::is_shouted_by_words(&line)
                );
            }

            #[test]
            fn a_line_is_found_around_any_byte_of_it(
                text in "[a-z \n]{0,40}", asked in 0usize..41, at in 0usize..41
            ) {
                let at = at.min(text.len());
                let starts: Vec<usize> = std::iter::once(0)
                    .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                    .collect();
                let index = starts.partition_point(|&start| start <= at) - 1;
                let end = starts.get(index + 1).map_or(text.len(), |next| next - 1);
                let mut lines = super::super::Lines::new(&text);
                lines.is_shouted(asked.min(text.len()));
                prop_assert_eq!(lines.around(at), starts[index]..end);
            }

            #[test]
            fn a_mention_cleans_as_its_words_joined_again(
                text in "([a-zA-Z]{1,5}|[ \t\n\u{a0}\u{2009}\u{3000}]|['’`sS.…—])*"
            ) {
                prop_assert_eq!(clean_mention(&text), joined_again(&text));
            }
        }
    }

    /// An article with its mentions marked `[PER:Mr Blair]`, and the
    /// mentions' canonical names in order.
    fn canonical_names(marked: &str) -> Vec<String> {
        let (text, mut entities) = crate::entities::marked_mentions(marked);
        resolve(&text, &mut entities);
        entities.into_iter().map(|e| e.canonical).collect()
    }

    #[test]
    fn resolves_names_within_an_article() {
        let cases: &[(&str, &[&str])] = &[
            (
                "[PER:Ilham Aliyev] and [PER:Aliyev]",
                &["Ilham Aliyev", "Ilham Aliyev"],
            ),
            (
                "[PER:PUTIN]\n[PER:Vladimir Putin]; [PER:Putin's]",
                &["Vladimir Putin"; 3],
            ),
            (
                "[LOC:Azerbaijan] [ORG:Azerbaijan Airlines]",
                &["Azerbaijan", "Azerbaijan Airlines"],
            ),
            ("[LOC:BAKU] and [LOC:Baku]", &["Baku", "Baku"]),
            // Courtesy titles are not names; offices stay outside the span.
            (
                "[PER:Mr Blair] and [PER:Tony Blair]",
                &["Tony Blair", "Tony Blair"],
            ),
            ("[PER:Mr. Blair] said", &["Blair"]),
            ("[PER:Sir Alex Ferguson]", &["Alex Ferguson"]),
            (
                "[PER:Dr Smith] and [PER:Dr. Jane Smith]",
                &["Jane Smith"; 2],
            ),
            // Women's and peers' titles stay: they tell people apart and
            // may be the name itself.
            (
                "[PER:Bill Clinton] and [PER:Mrs Clinton]",
                &["Bill Clinton", "Mrs Clinton"],
            ),
            ("[PER:Lady Gaga] sang", &["Lady Gaga"]),
            ("[PER:MRS THATCHER] SAYS NO", &["Mrs Thatcher"]),
            ("[PER:Sir] be praised", &["Sir"]),
            // Capitals in a headline say nothing about spelling.
            (
                "[PER:REAGAN] TO VETO BILL\nThe president said.",
                &["Reagan"],
            ),
            ("[PER:O'NEILL] WINS\nNo more.", &["O'Neill"]),
            ("[LOC:TOKYO] STOCKS FALL\nShares fell.", &["Tokyo"]),
            ("[ORG:NATO] MEETS\nIt met.", &["NATO"]),
            ("[ORG:BANK OF FRANCE] CUTS RATE", &["Bank of France"]),
            ("[ORG:EC COMMISSION] MEETS", &["EC Commission"]),
            ("[ORG:U.S. TREASURY] SELLS BILLS", &["U.S. Treasury"]),
            ("[ORG:EC] MINISTERS MEET\nThey met.", &["EC"]),
            ("[MISC:US-CHINA] TALKS\nThey met.", &["US-China"]),
            ("[ORG:COCA-COLA] PROFIT UP\nIt rose.", &["Coca-Cola"]),
            ("[ORG:CBS-TV] SOLD\nIt was.", &["CBS-TV"]),
            ("[ORG:ZEN-NOH] BUYS\nIt did.", &["Zen-Noh"]),
            (
                "[ORG:UN] TALKS\n[ORG:U.N.] officials",
                &["United Nations"; 2],
            ),
            ("[LOC:LONDON], March 3 - Shares fell.", &["London"]),
            // In running text capitals are the name's own.
            ("Then [ORG:NATO] said no.", &["NATO"]),
            ("Then [ORG:OPEC] met [ORG:Opec]", &["Opec", "Opec"]),
            // Aliases of countries and organisations.
            (
                "[LOC:U.S.], [LOC:US], [LOC:USA] and [LOC:United States]",
                &["United States"; 4],
            ),
            ("[LOC:Britain] and [LOC:UK]", &["United Kingdom"; 2]),
            ("in the [LOC:U.S] market", &["United States"]),
            (
                "San Jose, [LOC:Calif.], and [LOC:California]",
                &["California"; 2],
            ),
            ("Newark, [LOC:N.J.]", &["New Jersey"]),
            ("[PER:Tex.] said", &["Tex."]),
            (
                "[ORG:Labour Party], [ORG:Labour] and [ORG:Lib Dems]",
                &["Labour", "Labour", "Liberal Democrats"],
            ),
            (
                "[ORG:Tories] and [ORG:Conservatives]",
                &["Conservative Party"; 2],
            ),
            ("a [MISC:Tory] idea", &["Tory"]),
            ("[ORG:US] Steel", &["US"]),
            // A story typed in lower case: capitalised, aliases applied,
            // and any other spelling in the story preferred.
            (
                "[LOC:venezuela]'s committee in [LOC:new york]",
                &["Venezuela", "New York"],
            ),
            ("[LOC:u.s.] banks", &["United States"]),
            ("[ORG:bank of japan] said", &["Bank of Japan"]),
            (
                "[PER:jorge marcano] and [PER:Marcano]",
                &["Jorge Marcano"; 2],
            ),
            ("[ORG:opec] and [ORG:Opec]", &["Opec"; 2]),
            ("[PER:de Gaulle]", &["de Gaulle"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(canonical_names(marked), *expected, "{marked}");
        }
    }

    #[test]
    fn a_short_company_name_is_the_parent_not_a_unit() {
        let cases: &[(&str, &[&str])] = &[
            (
                "[ORG:Chevron U.S.A. Inc], a unit of [ORG:Chevron Corp]. [ORG:Chevron] said",
                &["Chevron U.S.A. Inc", "Chevron Corp", "Chevron Corp"],
            ),
            // Of as many other words, the most mentioned.
            (
                "[ORG:Ford Motor Credit Co] of [ORG:Ford Motor Co] and [ORG:Ford Motor Co]. [ORG:Ford]",
                &[
                    "Ford Motor Credit Co",
                    "Ford Motor Co",
                    "Ford Motor Co",
                    "Ford Motor Co",
                ],
            ),
            // Taken as the parent resolves: to its longer form.
            (
                "[ORG:Columbia Erie Pipeline Corp] of [ORG:Columbia Gas System Inc]. [ORG:Columbia Gas] and [ORG:Columbia]",
                &[
                    "Columbia Erie Pipeline Corp",
                    "Columbia Gas System Inc",
                    "Columbia Gas System Inc",
                    "Columbia Gas System Inc",
                ],
            ),
            // But not to one that only ends with it.
            (
                "[ORG:Labour Party] and [ORG:Stevenage Labour Party]. [ORG:Labour]",
                &["Stevenage Labour Party", "Stevenage Labour Party", "Labour"],
            ),
            (
                "[ORG:Bridgend Sony] of [ORG:Sony Corp]. [ORG:Sony]",
                &["Bridgend Sony", "Sony Corp", "Sony Corp"],
            ),
            // A name written alone twice before a longer one adds to it is
            // its own; once, as in a headline, it is still short for it.
            (
                "[ORG:Yahoo] rose. [ORG:Yahoo] fell. [ORG:Yahoo Messenger]",
                &["Yahoo", "Yahoo", "Yahoo Messenger"],
            ),
            (
                "[ORG:Nissan] rose.\n[ORG:Nissan Motor Co] said [ORG:Nissan]",
                &["Nissan Motor Co"; 3],
            ),
            (
                "[ORG:Sony] rose. [ORG:Sony] fell. [ORG:Sony Corp]",
                &["Sony Corp"; 3],
            ),
            (
                "[PER:Steven] is here. [PER:Steven] stays. [PER:Steven Gerrard]",
                &["Steven Gerrard"; 3],
            ),
            // A sequel is not the name of its series.
            (
                "[MISC:Halloween] and [MISC:Halloween II]",
                &["Halloween", "Halloween II"],
            ),
            (
                "[MISC:PlayStation] and [MISC:PlayStation 2]",
                &["PlayStation", "PlayStation 2"],
            ),
            ("[ORG:Radio 4] and [ORG:BBC Radio 4]", &["BBC Radio 4"; 2]),
            // A person is still the first of the longest.
            (
                "[PER:Michael Howard] and [PER:Howard Flight] and [PER:Howard Flight]. [PER:Howard]",
                &[
                    "Michael Howard",
                    "Howard Flight",
                    "Howard Flight",
                    "Michael Howard",
                ],
            ),
        ];
        for (marked, expected) in cases {
            assert_eq!(canonical_names(marked), *expected, "{marked}");
        }
    }

    #[test]
    fn an_apostrophe_s_of_a_company_name_is_its_own() {
        let cases: &[(&str, &[&str])] = &[
            (
                "[ORG:Moody's Investors Service Inc] said. [ORG:Moody's] added",
                &["Moody's Investors Service Inc"; 2],
            ),
            (
                "[ORG:MOODY'S] CUTS DEBT\n[ORG:Moody's] said",
                &["Moody's"; 2],
            ),
            (
                "[ORG:Shaw's Supermarkets Inc] and [ORG:Shaw's] staff",
                &["Shaw's Supermarkets Inc"; 2],
            ),
            (
                "[ORG:SHAW'S SUPERMARKETS INC] SOLD",
                &["Shaw's Supermarkets Inc"],
            ),
            // A possessive is still stripped, also before two words.
            ("[ORG:Exxon's] profit", &["Exxon"]),
            (
                "[ORG:Bank's Triple] and the [ORG:Bank's] bonds",
                &["Bank's Triple", "Bank"],
            ),
        ];
        for (marked, expected) in cases {
            assert_eq!(canonical_names(marked), *expected, "{marked}");
        }
        assert_eq!(query_name(Organization, "Moody's"), "Moody's");
        assert_eq!(query_name(Organization, "Exxon's"), "Exxon");
    }

    #[test]
    fn initials_are_the_organisation_the_article_names_in_full() {
        let cases: &[(&str, &[&str])] = &[
            (
                "the [ORG:Securities and Exchange Commission] ([ORG:SEC]). The [ORG:SEC] said",
                &["Securities and Exchange Commission"; 3],
            ),
            // Before the name in full too, and as the full name resolves.
            (
                "[ORG:GM] cut jobs. [ORG:General Motors Corp] and [ORG:General Motors]",
                &["General Motors Corp"; 3],
            ),
            (
                "[ORG:GMC] cut jobs. [ORG:General Motors Corp] and [ORG:General Motors]",
                &["General Motors Corp"; 3],
            ),
            // Two names of those initials: which one is meant is unknown.
            (
                "the [ORG:European Community] and the [ORG:European Commission]; the [ORG:EC]",
                &["European Community", "European Commission", "EC"],
            ),
            // Initials another kind of name also makes decide nothing.
            (
                "[ORG:United Steelworkers] in the [LOC:United States]; [ORG:US] officials",
                &["United Steelworkers", "United States", "US"],
            ),
            (
                "[ORG:United Steelworkers] said. [ORG:US] officials",
                &["United Steelworkers", "US"],
            ),
            // Aliases keep their own name; names of other types stay.
            (
                "the [ORG:Union of Nations] and the [ORG:UN]",
                &["Union of Nations", "United Nations"],
            ),
            (
                "[PER:George Michael] and [PER:GM]",
                &["George Michael", "GM"],
            ),
            // No organisation of those initials.
            ("the [ORG:SEC] said", &["SEC"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(canonical_names(marked), *expected, "{marked}");
        }
    }

    /// A live blog naming the same people thousands of times, on one
    /// line: the work is per distinct name, so this takes milliseconds
    /// where comparing every mention with every other took minutes.
    #[test]
    fn one_long_line_of_many_mentions_resolves_each() {
        // One line of 60,001 mentions, as a scraped dump gives: each name
        // is resolved once, so this takes a fraction of a second (it took
        // minutes when each mention scanned all the others; the linear
        // cost itself is a matter for `cargo bench --bench ner`).
        let mut marked = String::from("[PER:ALIYEV] IN BAKU\n");
        for _ in 0..20_000 {
            marked.push_str("[PER:Ilham Aliyev] went to [LOC:BAKU]; [PER:Aliyev] left. ");
        }
        let names = canonical_names(&marked);
        assert_eq!(names.len(), 60_001);
        assert_eq!(names[0], "Ilham Aliyev");
        assert_eq!(&names[1..4], ["Ilham Aliyev", "BAKU", "Ilham Aliyev"]);
        assert_eq!(&names[60_000], "Ilham Aliyev");
    }

    #[test]
    fn filters_look_for_indexed_names() {
        let cases = [
            (Person, "Aliyev's", "Aliyev"),
            (Person, "Mr Blair", "Blair"),
            (Person, "Vladimir  Putin", "Vladimir Putin"),
            (Location, "us", "United States"),
            (Location, "U.S.", "United States"),
            (Organization, "Mr Blair", "Mr Blair"),
        ];
        for (label, typed, expected) in cases {
            assert_eq!(query_name(label, typed), expected, "{typed}");
        }
    }
}
