//! "US" the pronoun in a line of capitals, which the model reads as the
//! country.
//!
//! In a headline set in capitals "LET US PRAY", "JOIN US" and "TELL US
//! WHAT YOU THINK" spell the pronoun exactly as "US TROOPS" spells the
//! country, and the model, which learnt "US" as a place, tags them all; the
//! alias table then counted every such headline under "United States". The
//! pronoun is told by its neighbours: a verb that takes it as its object
//! before it, and after it a word the country's name does not run into
//! (an article, a question word, the end of the clause). Where the
//! neighbours say nothing, "US" stays the country: capitals in news name
//! the country far more often than the reader.

use super::Entity;
use super::canonical::Lines;
use crate::chars;

/// Drops the mentions that are "US" the pronoun in a line of capitals.
pub fn remove_pronoun_us(text: &str, entities: &mut Vec<Entity>) {
    if !entities.iter().any(|e| e.text == "US") {
        return;
    }
    // Lines found once: a long one-line article may name "US" thousands
    // of times.
    let mut lines = Lines::new(text);
    entities.retain(|entity| !is_pronoun_us(text, &mut lines, entity.start, entity.end));
}

/// Verbs of which "us" is the object in a headline ("GIVE US A BREAK"),
/// in the base form an imperative or a plea takes. Not their "-S" forms:
/// "JAPAN ASKS US TO CUT TARIFFS" is the country.
const OBJECT_VERBS: &[&str] = &[
    "ASK", "BLESS", "BRING", "CALL", "CONTACT", "EMAIL", "FOLLOW", "FORGIVE", "GIVE", "HELP",
    "JOIN", "KEEP", "LEAVE", "LET", "MAKE", "PROTECT", "SAVE", "SEND", "SHOW", "TAKE", "TEACH",
    "TELL",
];

/// Words that follow the pronoun and never the country's name used as a
/// modifier ("US TROOPS", "US SAYS"): articles and other determiners,
/// question words, particles, and the auxiliaries of "ALL OF US ARE".
/// Not prepositions: "PUTIN TO VISIT US IN JUNE" is the country.
const PRONOUN_FOLLOWERS: &[&str] = &[
    "A",
    "ABOUT",
    "AGAIN",
    "AN",
    "ANY",
    "ANYTHING",
    "ARE",
    "AWAY",
    "BACK",
    "CAN",
    "DOWN",
    "EVERYTHING",
    "HERE",
    "HOW",
    "IF",
    "MORE",
    "MUST",
    "NO",
    "NOT",
    "NOTHING",
    "NOW",
    "OFF",
    "OUT",
    "OUR",
    "SOME",
    "SOMETHING",
    "THAT",
    "THE",
    "THESE",
    "THIS",
    "THOSE",
    "TODAY",
    "TONIGHT",
    "TOO",
    "WERE",
    "WHAT",
    "WHEN",
    "WHERE",
    "WHETHER",
    "WHICH",
    "WHO",
    "WHY",
    "WILL",
    "YOUR",
];

/// Words that make "US" a pronoun whatever stands before it: "GOD HELP
/// US ALL", "FOR US BOTH", "LEAVE US ALONE".
const PRONOUN_ONLY_FOLLOWERS: &[&str] = &["ALL", "ALONE", "BOTH"];

/// Other pronouns "US" is paired with: "US AND THEM", "YOU OR US".
const PAIRED_PRONOUNS: &[&str] = &["ME", "YOU", "HIM", "HER", "THEM"];

/// Words before "OF US" that make it "some of us": "ALL OF US", "NONE OF
/// US"; "MOST OF US EXPORTS" is still the country, so the clause must end
/// or a pronoun's follower come next.
const QUANTIFIERS: &[&str] = &[
    "ALL", "ANY", "BOTH", "EACH", "EITHER", "FEW", "MANY", "MOST", "NEITHER", "NONE", "ONE", "SOME",
];

/// What stands right after "US" on its line.
#[derive(Debug, PartialEq, Eq)]
enum After<'a> {
    /// The line or the clause ends: "JOIN US", "TELL US, PLEASE".
    ClauseEnd,
    /// Something written onto it: "US-CHINA", "US/JAPAN", "US'S".
    Joined,
    /// The next word, its trailing punctuation cut.
    Word(&'a str),
}

/// Whether the mention at `start..end` is "US" the pronoun: the one word
/// "US" in a line of capitals, with neighbours only the pronoun has.
fn is_pronoun_us(text: &str, lines: &mut Lines, start: usize, end: usize) -> bool {
    if &text[start..end] != "US" || !lines.is_shouted(start) {
        return false;
    }
    let line = lines.around(start);
    let (line_start, line_end) = (line.start, line.end);
    // The two words before, read from the end: a line may be megabytes.
    let mut before: Vec<&str> = text[line_start..start]
        .split_whitespace()
        .rev()
        .take(2)
        .collect();
    before.reverse();
    let after = after(&text[end..line_end]);
    let next = match after {
        After::Joined => return false,
        After::ClauseEnd => None,
        After::Word(word) => Some(word),
    };
    let is = |word: Option<&str>, list: &[&str]| word.is_some_and(|w| list.contains(&w));
    // "LET US", whatever follows: "LET US PRAY", "LET US NOT FORGET".
    let previous = adjacent_word(text, line_start, start);
    if previous == Some("LET") || is(next, PRONOUN_ONLY_FOLLOWERS) {
        return true;
    }
    let ends_or_pronoun_follows = next.is_none() || is(next, PRONOUN_FOLLOWERS);
    if is(previous, OBJECT_VERBS) {
        // An imperative opens its clause ("HELP US FIND HIM"); there a
        // plural noun after "US" still makes it the country ("HELP US
        // FARMERS").
        let opens_clause = match before[..] {
            [.., word_before, verb] => opens_a_clause(word_before, verb),
            _ => true,
        };
        let plural_follows = next.is_some_and(|w| w.ends_with('S') && !w.ends_with("SS"));
        return ends_or_pronoun_follows || (opens_clause && !plural_follows);
    }
    // "US AND THEM", "YOU AND US".
    let mut words_after = text[end..line_end].split_whitespace();
    let paired_after = match (words_after.next(), words_after.next()) {
        (Some(and), Some(other)) => is_conjunction(and) && is(Some(bare(other)), PAIRED_PRONOUNS),
        _ => false,
    };
    let paired_before = match before[..] {
        [.., other, and] => is_conjunction(and) && is(Some(bare(other)), PAIRED_PRONOUNS),
        _ => false,
    };
    // "ALL OF US", "NONE OF US ARE SAFE".
    let counted = match before[..] {
        [.., quantifier, "OF"] => {
            is(Some(bare(quantifier)), QUANTIFIERS) && ends_or_pronoun_follows
        }
        _ => false,
    };
    paired_after || paired_before || counted
}

/// The word right before `start` on its line, with only spaces between
/// (a comma or a quote between them parts the two); its opening quote or
/// bracket cut.
fn adjacent_word(text: &str, line_start: usize, start: usize) -> Option<&str> {
    let before = &text[line_start..start];
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() {
        return None;
    }
    let word = trimmed.rsplit(char::is_whitespace).next()?;
    let word = word.trim_start_matches(['"', '\'', '(', '‘', '“']);
    let is_word = !word.is_empty() && word.chars().all(|c| chars::is_alphabetic(c) || c == '\'');
    is_word.then_some(word)
}

/// Whether `word` (as written, with its punctuation) is the first of its
/// clause: it opens a quotation (`"HELP US"`), or the word before it ends
/// a clause ("VICTIMS: HELP US", "FLOODS - HELP US").
fn opens_a_clause(word_before: &str, word: &str) -> bool {
    word.starts_with(['"', '\'', '(', '‘', '“'])
        || word_before.ends_with([':', ';', '.', '!', '?', '"', '”', '-', '–', '—'])
}

fn is_conjunction(word: &str) -> bool {
    matches!(word, "AND" | "OR" | "NOR" | "&")
}

/// A word without the punctuation around it: `THEM,` -> `THEM`.
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !chars::is_alphanumeric(c))
}

/// What follows "US" on its line (`rest`, from right after it).
fn after(rest: &str) -> After<'_> {
    let Some(first) = rest.chars().next() else {
        return After::ClauseEnd;
    };
    if !first.is_whitespace() {
        return if matches!(first, ',' | '.' | '!' | '?' | ':' | ';' | ')' | '"' | '”') {
            After::ClauseEnd
        } else {
            After::Joined
        };
    }
    let rest = rest.trim_start();
    match rest.split_whitespace().next() {
        None => After::ClauseEnd,
        Some(word) if !word.starts_with(chars::is_alphanumeric) => After::ClauseEnd,
        Some(word) => After::Word(word.trim_end_matches(|c: char| !chars::is_alphanumeric(c))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the `[US]` marked in a text is taken for the pronoun.
    fn pronoun(marked: &str) -> bool {
        let start = marked.find('[').unwrap();
        let end = marked.find(']').unwrap() - 1;
        let text = marked.replace(['[', ']'], "");
        is_pronoun_us(&text, &mut Lines::new(&text), start, end)
    }

    #[test]
    fn us_is_the_pronoun_where_only_the_pronoun_fits() {
        let cases = [
            "LET [US] PRAY",
            "LET [US] NOT FORGET THE FALLEN",
            "JOIN [US]",
            "JOIN [US]!",
            "JOIN [US] FOR THE PARADE",
            "TELL [US] WHAT YOU THINK",
            "TELL [US], MAYOR ASKS VOTERS",
            "GIVE [US] A BREAK, SAYS MAYOR",
            "HELP [US] FIND MISSING DOG",
            "SHOW [US] THE MONEY",
            "ASK [US] ANYTHING",
            "SEND [US] YOUR PHOTOS",
            "\"HELP [US]\", FLOOD VICTIMS PLEAD",
            "FLOOD VICTIMS: HELP [US] REBUILD",
            "GOD HELP [US] ALL",
            "A VICTORY FOR [US] ALL",
            "LEAVE [US] ALONE",
            "[US] AND THEM",
            "BETWEEN YOU AND [US]",
            "ALL OF [US]",
            "NONE OF [US] ARE SAFE",
        ];
        for marked in cases {
            assert!(pronoun(marked), "{marked}");
        }
    }

    #[test]
    fn us_stays_the_country_where_the_country_fits() {
        let cases = [
            "[US] TROOPS LEAVE IRAQ",
            "[US] SAYS NO TO TALKS",
            "THE [US] AND CHINA",
            "[US]-CHINA TRADE TALKS",
            "[US]/JAPAN ROUTE",
            "HELP [US] FARMERS, SENATORS URGE",
            "EC WILL NOT HELP [US] FARMERS",
            "JAPAN ASKS [US] TO CUT TARIFFS",
            "JAPAN AND EC ASK [US] TO CUT TARIFFS",
            "PUTIN TO VISIT [US] IN JUNE",
            "IRAN VOWS REVENGE ON [US] RAID",
            "TALKS WITH [US]",
            "MOST OF [US] EXPORTS GO TO CANADA",
            "CHINA AND [US] SIGN PACT",
            "TOYS \"R\" [US] INC 4TH QTR NET",
            // Not a line of capitals: "US" is the country as written.
            "Help [US] farmers, says the senator",
            "Let [US] troops go home, he said",
        ];
        for marked in cases {
            assert!(!pronoun(marked), "{marked}");
        }
    }

    #[test]
    fn only_the_pronoun_is_dropped() {
        let text = "LET US PRAY FOR US TROOPS\nThe story.";
        let mention = |start: usize| Entity {
            text: "US".into(),
            label: super::super::EntityLabel::Location,
            start,
            end: start + 2,
            canonical: String::new(),
        };
        let mut entities = vec![mention(4), mention(17)];
        remove_pronoun_us(text, &mut entities);
        assert_eq!(entities.iter().map(|e| e.start).collect::<Vec<_>>(), [17]);
    }
}
