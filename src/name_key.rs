//! Which entity names are one name: those an entity filter cannot tell
//! apart.
//!
//! Corpora spell one name differently ("OPEC" in Reuters, "Opec" at the BBC;
//! "Texaco Inc" and "Texaco Inc."; "George W. Bush" and "George W Bush"),
//! and canonical names are resolved within one article, so the index holds
//! every spelling. A filter never saw the difference: `--org Opec` looks for
//! the name's words as the name analyzer cuts them (lower case, accents
//! folded, punctuation dropped), and finds all of them; an organisation's
//! name is looked for without its legal form (`legal_forms`: "Texaco Inc"
//! is "Texaco"). The entity counts group names by the same words, so a
//! row of `newsdex entities` counts what filtering by its name finds.

use std::cell::RefCell;

use tantivy::tokenizer::TextAnalyzer;

use crate::entities::EntityLabel;
use crate::legal_forms::without_legal_form;
use crate::schema::{Side, name_analyzer};

thread_local! {
    /// Building an analyzer boxes its filters; every name of a whole-index
    /// count goes through this one.
    static NAME_ANALYZER: RefCell<TextAnalyzer> = RefCell::new(name_analyzer(Side::Query));
}

/// The words of `name`, an entity of type `label`, as an entity filter
/// looks for them, joined by spaces: equal for names a filter cannot tell
/// apart ("OPEC" and "Opec", "Texaco Inc" and "Texaco"). A name with no
/// word the index keeps is its own key, which no name with words can have
/// (it starts with a NUL).
pub fn name_key(label: EntityLabel, name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    push_name_key(label, name, &mut key);
    key
}

/// Appends [`name_key`]`(label, name)` to `out`, which may hold other keys
/// before it.
pub fn push_name_key(label: EntityLabel, name: &str, out: &mut String) {
    let name = match label {
        EntityLabel::Organization => without_legal_form(name),
        _ => name,
    };
    let start = out.len();
    NAME_ANALYZER.with_borrow_mut(|analyzer| {
        let mut stream = analyzer.token_stream(name);
        while let Some(token) = stream.next() {
            if out.len() > start {
                out.push(' ');
            }
            out.push_str(&token.text);
        }
    });
    if out.len() == start {
        out.push('\0');
        out.push_str(name);
    }
}

#[cfg(test)]
mod tests {
    use super::{name_key, push_name_key};
    use crate::entities::EntityLabel::{Organization, Person};

    #[test]
    fn spellings_a_filter_cannot_tell_apart_share_a_key() {
        let same = [
            ("OPEC", "Opec"),
            ("NATO", "Nato"),
            ("Texaco Inc", "Texaco Inc."),
            ("Texaco Inc.", "Texaco"),
            ("George W. Bush", "George W Bush"),
            ("Zürich", "Zurich"),
            ("Richard von Weizsaecker", "Richard Von Weizsaecker"),
        ];
        for (a, b) in same {
            assert_eq!(
                name_key(Organization, a),
                name_key(Organization, b),
                "{a} / {b}"
            );
        }
        // Only a company has a legal form.
        assert_ne!(name_key(Person, "John Co"), name_key(Person, "John"));
        let apart = [
            ("U.S. Treasury", "US Treasury"),
            ("George Bush", "George W. Bush"),
            ("-", "--"),
        ];
        for (a, b) in apart {
            assert_ne!(
                name_key(Organization, a),
                name_key(Organization, b),
                "{a} / {b}"
            );
        }
        let mut keys = String::from("opec");
        push_name_key(Organization, "Texaco Inc.", &mut keys);
        push_name_key(Person, "-", &mut keys);
        assert_eq!(keys, "opectexaco\0-");
    }
}
