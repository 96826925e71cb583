//! A company's name without the legal form after it: "Texaco Inc",
//! "Bank of America Corp.", "Volkswagen AG", "Goldman Sachs & Co".
//!
//! A story names the company in full once and by its name alone after;
//! the canonical name, resolved within one article, is the full one where
//! the article wrote it and the short one where it did not. So the index
//! holds "Texaco Inc" from one story and "Texaco" from the next, and the
//! entity counts listed them as two companies. A filter for "Texaco Inc"
//! found the stories that wrote "Inc" and not the others. Without its
//! legal form, the name is one name for both.

/// Legal forms, lower case, without dots ("S.A." is "sa").
const LEGAL_FORMS: [&str; 27] = [
    "ab",
    "ag",
    "asa",
    "bhd",
    "bv",
    "co",
    "company",
    "corp",
    "corporation",
    "cos",
    "gmbh",
    "inc",
    "incorporated",
    "limited",
    "llc",
    "llp",
    "lp",
    "ltd",
    "nv",
    "oyj",
    "plc",
    "pty",
    "sa",
    "sas",
    "sdn",
    "spa",
    "tbk",
];

/// `name` without the legal forms that end it, and the "&" or "and" that
/// joined "& Co" to it: "Goldman Sachs & Co Inc" is "Goldman Sachs". A
/// name that is nothing but legal forms ("Company") stays as it is.
pub fn without_legal_form(name: &str) -> &str {
    let mut kept = name.trim_end();
    while let Some((head, last)) = kept.rsplit_once(char::is_whitespace) {
        let head = head.trim_end().trim_end_matches(',').trim_end();
        if head.is_empty() || is_joiner(head) || !is_legal_form(last) {
            break;
        }
        kept = match head.rsplit_once(char::is_whitespace) {
            Some((before, joiner)) if is_joiner(joiner) && !before.trim().is_empty() => {
                before.trim_end()
            }
            _ => head,
        };
    }
    kept
}

fn is_joiner(word: &str) -> bool {
    matches!(word, "&" | "and")
}

/// Whether `word` is a legal form, in any case, with or without its dots.
/// Asked for the last word of every organisation's name a passage holds,
/// as it is indexed, so it lowers the word into a buffer on the stack.
fn is_legal_form(word: &str) -> bool {
    let mut letters = [0u8; LONGEST_LEGAL_FORM];
    let mut len = 0;
    for byte in word.bytes().filter(|&b| b != b'.') {
        if len == letters.len() || !byte.is_ascii_alphabetic() {
            return false;
        }
        letters[len] = byte.to_ascii_lowercase();
        len += 1;
    }
    std::str::from_utf8(&letters[..len])
        .is_ok_and(|letters| LEGAL_FORMS.binary_search(&letters).is_ok())
}

/// Letters of the longest of [`LEGAL_FORMS`] ("incorporated").
const LONGEST_LEGAL_FORM: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legal_forms_ending_a_name_come_off() {
        for (name, expected) in [
            ("Texaco Inc", "Texaco"),
            ("Texaco Inc.", "Texaco"),
            ("Bank of America Corp", "Bank of America"),
            ("Volkswagen AG", "Volkswagen"),
            ("Nestle S.A.", "Nestle"),
            ("Royal Dutch Shell plc", "Royal Dutch Shell"),
            ("Goldman Sachs & Co", "Goldman Sachs"),
            ("Morgan Stanley and Co. Inc.", "Morgan Stanley"),
            ("Ford Motor Company", "Ford Motor"),
            ("Acme Holdings, Ltd.", "Acme Holdings"),
            ("BHP Pty Ltd", "BHP"),
            // A legal form that is the whole name, or is not at its end.
            ("Company", "Company"),
            ("Inc.", "Inc."),
            ("Co-operative Bank", "Co-operative Bank"),
            ("Corp Watch", "Corp Watch"),
            ("& Co", "& Co"),
            ("Texaco", "Texaco"),
            ("", ""),
        ] {
            assert_eq!(without_legal_form(name), expected, "{name}");
        }
    }

    #[test]
    fn the_list_is_sorted_for_its_search() {
        assert!(LEGAL_FORMS.is_sorted());
        let longest = LEGAL_FORMS.iter().map(|form| form.len()).max();
        assert_eq!(longest, Some(LONGEST_LEGAL_FORM));
    }
}
