//! The lower-case noun right before a mention ("firm" in "Dutch firm
//! Heineken", "drama" in "abortion drama Vera Drake", "singer" in "soul
//! singer Joss Stone"): news introduces a name with the noun that says what
//! it is, and the passes that read it share how the noun is found.

use super::wordform::fold_typography;
use crate::chars;

/// A noun that ends a text, and the text before it.
pub struct NounBefore<'a> {
    /// The whole lower-case word (letters and hyphens: "car-maker").
    pub noun: &'a str,
    /// The text before the noun.
    pub rest: &'a str,
}

impl<'a> NounBefore<'a> {
    /// The noun that `before` (the text up to a mention, without the space
    /// or comma that parts them) ends with; `None` when it ends with no
    /// lower-case word ("Firm Smith", "the café’s firm" has one) or with one
    /// glued to the word before it ("‘firm’", "pop-film" has "pop-film").
    pub fn of(before: &'a str) -> Option<NounBefore<'a>> {
        let start = before
            .trim_end_matches(|c: char| c.is_ascii_lowercase() || c == '-')
            .len();
        let (rest, noun) = before.split_at(start);
        (!noun.is_empty() && !rest.ends_with(chars::is_alphanumeric))
            .then_some(NounBefore { noun, rest })
    }

    /// The word before the noun as written ("Russian" in "Russian flag"),
    /// empty when the noun opens the text.
    pub fn previous(&self) -> &'a str {
        self.rest.split_whitespace().next_back().unwrap_or_default()
    }

    /// [`NounBefore::previous`] as the rules' word lists write it: lower
    /// case ("National carrier" opening a sentence is "national carrier")
    /// and typography folded ("children’s show" is "children's show").
    pub fn previous_key(&self) -> String {
        let mut key = String::new();
        fold_typography(&self.previous().to_ascii_lowercase(), &mut key);
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_noun_is_the_whole_lower_case_word_before_a_mention() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("Dutch firm", Some(("firm", "Dutch"))),
            ("US car-maker", Some(("car-maker", "US"))),
            ("film", Some(("film", ""))),
            ("Killers' album", Some(("album", "Killers'"))),
            ("the café’s firm", Some(("firm", "café’s"))),
            ("a Firm", None),
            ("a ‘firm’", None),
            ("sci-fi", Some(("sci-fi", ""))),
            ("Dutch firm ", None),
            ("", None),
        ];
        for (before, want) in cases {
            let got = NounBefore::of(before).map(|found| (found.noun, found.previous()));
            assert_eq!(got, *want, "{before:?}");
        }
    }
}
