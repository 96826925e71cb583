//! Mentions that open or close a bracket they do not hold.
//!
//! The tokenizer makes a bracket a word of its own, and the model tags
//! spans of words, so a company named with a bracketed part ("Nikko
//! Securities Co (Europe) Ltd", 60 times in Reuters-21578) came out as
//! "Nikko Securities Co" and "Europe) Ltd", and a name followed by its
//! gloss ("Sberbank (Savings Bank)") as "Sberbank (Savings Bank". A
//! search for the company, its facet and its canonical name all need the
//! brackets whole:
//! - a mention closing a bracket opened just after the mention before it
//!   joins that mention ("Nikko Securities Co (Europe) Ltd");
//! - without such a mention, what it holds up to the bracket is dropped
//!   ("Yasuhiro) Nakasone" -> "Nakasone"), and so is a mention left with
//!   one word of another name (") Inc", "Second World) War");
//! - a mention opening a bracket it does not close is two names, the one
//!   before and the one inside ("Sberbank", "Savings Bank").

use super::{Entity, EntityLabel};
use crate::chars;

/// Where a bracket in `text` is left open or closed without its pair:
/// the first `)` before any `(`, or else the last `(` with no `)` after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unpaired {
    Close(usize),
    Open(usize),
}

fn unpaired(text: &str) -> Option<Unpaired> {
    let mut open: Vec<usize> = Vec::new();
    for (at, byte) in text.bytes().enumerate() {
        match byte {
            b'(' => open.push(at),
            b')' if open.pop().is_none() => return Some(Unpaired::Close(at)),
            _ => {}
        }
    }
    open.last().map(|&at| Unpaired::Open(at))
}

/// Whether a name starts as names do: with a capital or a digit.
fn starts_like_a_name(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| chars::is_uppercase(c) || chars::is_numeric(c))
}

/// Mends the mentions of `text` that hold half a pair of brackets (see the
/// module's comment). Mentions stay in text order.
pub fn mend_brackets(text: &str, entities: &mut Vec<Entity>) {
    // Most articles bracket no name: one look at each mention.
    if !entities
        .iter()
        .any(|e| e.text.contains(['(', ')']) && unpaired(&e.text).is_some())
    {
        return;
    }
    let mut out: Vec<Entity> = Vec::with_capacity(entities.len() + 1);
    for entity in entities.drain(..) {
        match unpaired(&entity.text) {
            None => out.push(entity),
            Some(Unpaired::Close(at)) => close(text, entity, at, &mut out),
            Some(Unpaired::Open(at)) => open(entity, at, &mut out),
        }
    }
    *entities = out;
}

/// A mention whose `)` at `at` closes nothing inside it.
fn close(text: &str, mut entity: Entity, at: usize, out: &mut Vec<Entity>) {
    let after = &entity.text[at + 1..];
    let continues =
        after.starts_with(char::is_whitespace) && starts_like_a_name(after.trim_start());
    // The bracket opened just after the mention before: "Nikko Securities
    // Co (Europe) Ltd".
    let opened_before = text[..entity.start]
        .trim_end()
        .strip_suffix('(')
        .map(|before| before.trim_end().len());
    if continues
        && let (Some(end), Some(previous)) = (opened_before, out.last())
        && previous.end == end
    {
        let previous = out.pop().expect("looked at above");
        entity.text = text[previous.start..entity.end].to_string();
        entity.start = previous.start;
        out.push(entity);
        return;
    }
    let rest = after.trim_start();
    // One word left of a longer name says little and is mostly a common
    // one ("International Monetary) Fund", "Second World) War"); of a
    // person it is the surname.
    let lone_word = !rest.contains(char::is_whitespace) && entity.label != EntityLabel::Person;
    if !starts_like_a_name(rest) || lone_word {
        return;
    }
    entity.start = entity.end - rest.len();
    entity.text = rest.to_string();
    out.push(entity);
}

/// A mention whose `(` at `at` is not closed inside it: the name before
/// the bracket and the one inside, each where it starts like a name.
fn open(entity: Entity, at: usize, out: &mut Vec<Entity>) {
    let before = entity.text[..at].trim_end();
    let inside = entity.text[at + 1..].trim_start();
    if starts_like_a_name(before) {
        out.push(Entity {
            text: before.to_string(),
            end: entity.start + before.len(),
            ..entity.clone()
        });
    }
    if starts_like_a_name(inside) {
        out.push(Entity {
            text: inside.to_string(),
            start: entity.end - inside.len(),
            ..entity
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions of `marked` once brackets are mended, as `text/label`.
    fn mended(marked: &str) -> Vec<String> {
        let (text, mut entities) = crate::entities::marked_mentions(marked);
        mend_brackets(&text, &mut entities);
        for entity in &entities {
            assert_eq!(&text[entity.start..entity.end], entity.text, "{marked}");
        }
        crate::entities::labelled(&entities)
    }

    #[test]
    fn a_bracket_is_held_whole_or_not_at_all() {
        let cases: &[(&str, &[&str])] = &[
            (
                "[ORG:Nikko Securities Co] ([ORG:Europe) Ltd] said",
                &["Nikko Securities Co (Europe) Ltd/ORG"],
            ),
            (
                "[PER:Jardine Fleming] ([ORG:Securities) Ltd]",
                &["Jardine Fleming (Securities) Ltd/ORG"],
            ),
            (
                "Prime Minister ([PER:Yasuhiro) Nakasone]",
                &["Nakasone/PER"],
            ),
            ("Sandoz ([LOC:USA][ORG:) Inc]", &["USA/LOC"]),
            ("the ([MISC:Second World) War]", &[]),
            (
                "[ORG:Sberbank (Savings Bank])",
                &["Sberbank/ORG", "Savings Bank/ORG"],
            ),
            (
                "the [ORG:British National Party(BNP]) said",
                &["British National Party/ORG", "BNP/ORG"],
            ),
            // A pair held whole, or no bracket, is left alone.
            (
                "[ORG:Wharf (Holdings) Ltd] and [ORG:Reuters]",
                &["Wharf (Holdings) Ltd/ORG", "Reuters/ORG"],
            ),
            // A closed bracket not just after a mention is no join.
            (
                "[ORG:Nikko Securities Co] said ([ORG:Europe) Ltd]",
                &["Nikko Securities Co/ORG"],
            ),
        ];
        for (marked, expected) in cases {
            assert_eq!(mended(marked), *expected, "{marked}");
        }
    }
}
