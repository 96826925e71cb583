//! The other spellings an entity filter looks for a name under: with and
//! without the apostrophe after a name's first letter.
//!
//! Irish, French, Italian and West African names put an apostrophe after
//! their first letter ("O'Neill", "D'Arcy", "L'Oreal", "N'Dour"); people
//! type them, and feeds that drop punctuation set them, without it
//! ("ONeill"). The name analyzer cuts at the apostrophe, so the index
//! holds "o neill" for one and "oneill" for the other, and `--person
//! ONeill` found no "Martin O'Neill". Each name is looked for as given,
//! with every such word cut ("o neill") and with every such pair joined
//! ("oneill"). A spelling is searched as a phrase, so a cut that names no
//! one ("Obama" as "o bama") matches nothing.

/// The first letters that take an apostrophe in the news's names: O', D',
/// L', N' (of the names in BBC and Reuters news written with one, all but
/// five start so).
const APOSTROPHE_LETTERS: &[u8] = b"odln";

/// Fewest letters after the apostrophe ("O'Dea"): fewer would cut and join
/// initials and short words ("d an", "ol").
const MIN_LETTERS_AFTER: usize = 3;

/// The spellings of a name, as the name analyzer's terms, that an entity
/// filter looks for: the terms as given first, then, when they differ,
/// with every word that may have lost its apostrophe cut after its first
/// letter, and with every letter that may open such a name joined to the
/// word after it.
pub fn spellings(terms: &[String]) -> Vec<Vec<String>> {
    let mut all = vec![terms.to_vec()];
    for other in [cut(terms), joined(terms)] {
        if !all.contains(&other) {
            all.push(other);
        }
    }
    all
}

/// Each word of `terms` that may have lost its apostrophe, cut ("oneill":
/// "o", "neill"), and each letter that may open such a name, joined to the
/// word after it ("o", "neill": "oneill"): the words of a name's other
/// spellings, as a query ranks by them. Not its whole other spellings,
/// whose words are mostly the name's own, nor their words one by one:
/// "n" of "Nelson" cut would rank every "rock 'n' roll" higher.
pub fn respelt_words(terms: &[String]) -> Vec<Vec<String>> {
    let mut respelt = Vec::new();
    for (i, term) in terms.iter().enumerate() {
        let after_letter = i > 0 && opens_name(&terms[i - 1]);
        if !after_letter && let Some((letter, rest)) = cut_word(term) {
            respelt.push(vec![letter.to_string(), rest.to_string()]);
        }
        if opens_name(term)
            && let Some(next) = terms.get(i + 1)
            && is_name_rest(next)
        {
            respelt.push(vec![format!("{term}{next}")]);
        }
    }
    respelt
}

/// `word` cut after its first letter when it may be a name that lost the
/// apostrophe there: "oneill" -> ("o", "neill").
fn cut_word(word: &str) -> Option<(&str, &str)> {
    match word.as_bytes() {
        [first, ..] if APOSTROPHE_LETTERS.contains(first) && is_name_rest(&word[1..]) => {
            Some(word.split_at(1))
        }
        _ => None,
    }
}

/// `terms` with each word that may be a name without its apostrophe cut
/// after its first letter: "oneill" -> "o", "neill"; not the word after
/// such a letter, which is cut already ("o neill").
fn cut(terms: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(terms.len() + 1);
    for term in terms {
        let after_letter = out.last().is_some_and(|last| opens_name(last));
        match cut_word(term) {
            Some((letter, rest)) if !after_letter => {
                out.push(letter.to_string());
                out.push(rest.to_string());
            }
            _ => out.push(term.clone()),
        }
    }
    out
}

/// `terms` with each letter that may open a name with an apostrophe
/// joined to the word after it: "o", "neill" -> "oneill".
fn joined(terms: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(terms.len());
    let mut terms = terms.iter().peekable();
    while let Some(term) = terms.next() {
        match terms.peek() {
            Some(next) if opens_name(term) && is_name_rest(next) => {
                out.push(format!("{term}{next}"));
                terms.next();
            }
            _ => out.push(term.clone()),
        }
    }
    out
}

/// Appends `key`, a name's terms joined by spaces, to `out` with each
/// letter that may open a name with an apostrophe joined to the word
/// after it ("martin o neill" -> "martin oneill"): one key for the
/// spellings a filter finds alike, so `entities` lists them as one row.
pub fn push_joined_key(key: &str, out: &mut String) {
    let start = out.len();
    let mut words = key.split(' ').peekable();
    while let Some(word) = words.next() {
        if out.len() > start {
            out.push(' ');
        }
        out.push_str(word);
        if opens_name(word)
            && let Some(next) = words.next_if(|next| is_name_rest(next))
        {
            out.push_str(next);
        }
    }
}

/// Whether `term` is a letter that may open a name with an apostrophe.
fn opens_name(term: &str) -> bool {
    matches!(term.as_bytes(), [letter] if APOSTROPHE_LETTERS.contains(letter))
}

/// Whether `word` may follow an apostrophe in a name: a letter, then at
/// least [`MIN_LETTERS_AFTER`] letters in all.
fn is_name_rest(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_alphabetic()) && word.chars().count() >= MIN_LETTERS_AFTER
}

#[cfg(test)]
mod tests {
    use super::spellings;

    fn spelt(name: &str) -> Vec<String> {
        let terms: Vec<String> = name.split(' ').map(str::to_string).collect();
        spellings(&terms).iter().map(|s| s.join(" ")).collect()
    }

    #[test]
    fn a_name_ranks_by_the_words_of_its_other_spellings() {
        let cases: &[(&str, &[&str])] = &[
            ("martin oneill", &["o neill"]),
            ("martin o neill", &["oneill"]),
            ("tony blair", &[]),
        ];
        for (name, expected) in cases {
            let terms: Vec<String> = name.split(' ').map(str::to_string).collect();
            let respelt: Vec<String> = super::respelt_words(&terms)
                .iter()
                .map(|words| words.join(" "))
                .collect();
            assert_eq!(respelt, *expected, "{name}");
        }
    }

    #[test]
    fn a_name_with_and_without_its_apostrophe_has_one_listing_key() {
        let cases = [
            ("martin o neill", "martin oneill"),
            ("martin oneill", "martin oneill"),
            ("youssou n dour", "youssou ndour"),
            ("o dea", "odea"),
            ("george w bush", "george w bush"),
            ("d an", "d an"),
            ("o", "o"),
        ];
        for (key, expected) in cases {
            let mut out = String::from("before|");
            super::push_joined_key(key, &mut out);
            assert_eq!(out, format!("before|{expected}"), "{key}");
        }
    }

    #[test]
    fn a_name_is_also_looked_for_with_and_without_its_apostrophe() {
        let cases: &[(&str, &[&str])] = &[
            ("oneill", &["oneill", "o neill"]),
            ("o neill", &["o neill", "oneill"]),
            ("martin oneill", &["martin oneill", "martin o neill"]),
            ("gordon darcy", &["gordon darcy", "gordon d arcy"]),
            ("loreal", &["loreal", "l oreal"]),
            ("youssou n dour", &["youssou n dour", "youssou ndour"]),
            ("o dea", &["o dea", "odea"]),
            ("nelson mandela", &["nelson mandela", "n elson mandela"]),
            // Nothing to cut or join: the name alone.
            ("tony blair", &["tony blair"]),
            ("george w bush", &["george w bush"]),
            ("odo", &["odo"]),
            ("d an", &["d an"]),
            ("o 2", &["o 2"]),
            ("o", &["o"]),
        ];
        for (name, expected) in cases {
            assert_eq!(spelt(name), *expected, "{name}");
        }
    }
}
