//! Mentions that are wire boilerplate, not names in the story: sign-offs,
//! stock symbols and the abbreviations of results tables.
//!
//! Wire copy ends with a sign-off ("Reuter", "REUTER") on a line of its own.
//! The model reads a lone capitalised word after a sentence end as a name
//! (and "Reuter" is a surname in the gazetteer), so every such story
//! "mentioned" a person. A sign-off is recognised by where it stands, not
//! by what it says, so no agency's name is listed here.

use super::{Entity, EntityLabel, gazetteer};
use crate::chars;
use crate::corpus::metadate;

/// Drops the sign-offs and credits from one text's mentions: one-word
/// lines among those that end the text, each starting a paragraph
/// (indented, or after a finished sentence). A name at the end of a
/// hard-wrapped sentence ("... said\nReagan.") follows no sentence end, and
/// a byline of two words is not one word.
pub fn remove_sign_offs(text: &str, entities: &mut Vec<Entity>) {
    let tail = one_word_tail(text);
    entities.retain(|entity| {
        let on_its_line = entity.start >= tail && stands_alone(text, entity);
        !may_sign_off(entity.label) || !(on_its_line || ends_run_on_text(text, entity))
    });
}

/// Whether a one-word mention is the last word of the text and follows a
/// finished sentence on its line ("... if a violation were found.
/// Reuter"): a story whose line breaks were lost (read as HTML, or
/// flowed into one paragraph) keeps its sign-off at the end of its last
/// line, and may repeat it on a line of its own ("said. Reuter\n
/// Reuter"). No story ends on a name without a full stop after a sentence.
fn ends_run_on_text(text: &str, entity: &Entity) -> bool {
    // Not before figures: a results table ends "10. Skibby 1:45".
    is_sign_off_repeated(&text[entity.end..], &entity.text)
        && !entity.text.contains(char::is_whitespace)
        && follows_a_sentence_end(&text[..entity.start])
}

/// Whether `rest`, the text after a mention, holds no word but the
/// mention's own, repeated as a sign-off on a line or two ("\n Reuter",
/// "\n REUTER"). Reading stops at the third word, or at one that differs.
fn is_sign_off_repeated(rest: &str, mention: &str) -> bool {
    let mut words = rest
        .split(|c: char| !chars::is_alphanumeric(c))
        .filter(|word| !word.is_empty());
    words
        .by_ref()
        .take(2)
        .all(|word| word.eq_ignore_ascii_case(mention))
        && words.next().is_none()
}

/// Abbreviations of wire results tables ("Shr 37 cts vs 37 cts", "Avg
/// shrs", "Nine mths", "Revs 1.43 bln"), as the wire writes them at the
/// start of a row: capitalised and alone, the model read "Shr" as a
/// company in every such table (563 times in Reuters-21578). None is
/// a name on its own; in capitals ("CTS") they may be one, so only these
/// spellings count.
const TABLE_WORDS: &[&str] = &[
    "Shr", "Shrs", "Cts", "Mln", "Mlns", "Bln", "Dlr", "Dlrs", "Qtr", "Qtly", "Mths", "Revs",
    "Avg", "Nil",
];

/// Drops the mentions made only of results-table abbreviations ("Shr",
/// "Nil Nil").
pub fn remove_table_words(entities: &mut Vec<Entity>) {
    entities.retain(|entity| {
        !entity
            .text
            .split_whitespace()
            .all(|word| TABLE_WORDS.contains(&word))
    });
}

/// Drops the labels of a table's rows of dates, a dividend's "Pay 1 April"
/// and "Record 16 March", which the model read as companies (25 times in
/// Reuters-21578): a one-word mention that opens its line when the rest of
/// the line is a day and a month and nothing else. A place may open such a
/// line (a tour's dates: "Glasgow 12 May") and is kept.
pub fn remove_date_row_labels(text: &str, entities: &mut Vec<Entity>) {
    entities.retain(|entity| {
        // Read back over the spaces before the mention only, and on to the
        // end of the line only after a mention that opens one: a line of
        // running text is as long as its paragraph.
        let before = text[..entity.start].trim_end_matches([' ', '\t']);
        let opens_line = before.is_empty() || before.ends_with('\n');
        if !opens_line || entity.text.contains(char::is_whitespace) {
            return true;
        }
        let rest = &text[entity.end..];
        let line = rest.find('\n').map_or(rest, |end| &rest[..end]);
        !is_day_and_month(line) || gazetteer::is_place(&entity.text)
    });
}

/// Whether `rest` is a day and a month, in either order ("1 April",
/// "April 1", "Sept. 30th") and nothing more. A month in capitals is a
/// headline's ("USDA APRIL 7" heads a table of livestock receipts).
fn is_day_and_month(rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().collect();
    let month = |word: &str| {
        metadate::month_number(word.trim_end_matches('.')).is_some()
            && word.chars().any(chars::is_lowercase)
    };
    let day = |word: &str| metadate::day_number(word).is_some();
    match words.as_slice() {
        [first, second] => (day(first) && month(second)) || (month(first) && day(second)),
        _ => false,
    }
}

/// Drops stock symbols: a symbol in angle brackets right after another
/// mention ("Citicorp <CCI>", "Guinness Plc <GUIN.L>") is the ticker Reuters adds
/// to the name before it, a code rather than a name, which the model typed
/// as it pleased (a company, "CCI" an event). A name in brackets of its own
/// ("<Noranda Inc> said") is Reuters' mark of a company and is kept.
pub fn remove_tickers(text: &str, entities: &mut Vec<Entity>) {
    let mut previous_end: Option<usize> = None;
    entities.retain(|entity| {
        let after_a_name = text[..entity.start]
            .strip_suffix('<')
            .is_some_and(|before| {
                previous_end
                    .is_some_and(|end| end <= before.len() && before[end..].trim().is_empty())
            });
        let ticker = after_a_name && text[entity.end..].starts_with('>') && is_symbol(&entity.text);
        previous_end = Some(entity.end);
        !ticker
    });
}

/// Whether a name is written as a stock symbol: capitals, digits and the
/// dot before an exchange ("GUIN.L"). A company's name in brackets after
/// another mention ("the U.S.-based <Bechtel International Corp>") is not.
fn is_symbol(name: &str) -> bool {
    name.chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.')
}

/// Whether a mention of this type may be a sign-off: an agency or a
/// writer, as the model reads them (a person or an organisation). A place
/// alone on the last line ("Baku.") answers the sentence before it.
fn may_sign_off(label: EntityLabel) -> bool {
    matches!(label, EntityLabel::Person | EntityLabel::Organization)
}

/// Where the lines of at most one word that end the text begin ("REUTER\n
/// Reuter\n&#3;"); the text's length if its last line has more.
fn one_word_tail(text: &str) -> usize {
    let mut tail = text.len();
    let mut end = text.len();
    loop {
        let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        if text[start..end].split_whitespace().nth(1).is_some() {
            return tail;
        }
        tail = start;
        if start == 0 {
            return 0;
        }
        end = start - 1;
    }
}

/// Whether a one-word mention is the only word of its line, and that line
/// starts a paragraph.
fn stands_alone(text: &str, entity: &Entity) -> bool {
    let (start, end) = (entity.start, entity.end);
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let indent = &text[line_start..start];
    let alone = indent.trim().is_empty()
        && !text[start..end].contains(char::is_whitespace)
        && !text[end..line_end].chars().any(chars::is_alphanumeric);
    // Wire copy indents a new paragraph; its wrapped lines start flush.
    alone && (!indent.is_empty() || follows_a_sentence_end(&text[..line_start]))
}

/// Whether the text before a line ends a paragraph or a sentence.
fn follows_a_sentence_end(before: &str) -> bool {
    let trimmed = before.trim_end();
    if trimmed.is_empty() {
        return true;
    }
    let blank_line_between = before[trimmed.len()..].matches('\n').count() > 1;
    blank_line_between || trimmed.ends_with(['!', '?', '"', '\'', ')']) || ends_a_sentence(trimmed)
}

/// Whether text ending in a full stop ends a sentence there: "pct." and
/// "31." do; an initial, a title or an abbreviation ("Maria A.", "Mr.",
/// "the U.S.") starts with a capital and is followed by a name.
fn ends_a_sentence(text: &str) -> bool {
    let Some(word) = text.strip_suffix('.') else {
        return false;
    };
    let word = word.rsplit(char::is_whitespace).next().unwrap_or(word);
    let first = word.chars().next();
    let last = word.chars().last();
    first.is_some_and(|c| !chars::is_uppercase(c))
        && last.is_some_and(|c| chars::is_lowercase(c) || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one mention in `text`, written between `[` and `]`, a person.
    fn check(marked: &str) -> bool {
        check_as(marked, EntityLabel::Person)
    }

    /// Whether the one mention in `text` (between `[` and `]`), of type
    /// `label`, is dropped as a sign-off.
    fn check_as(marked: &str, label: EntityLabel) -> bool {
        let start = marked.find('[').unwrap();
        let end = marked.find(']').unwrap() - 1;
        let text = marked.replace(['[', ']'], "");
        let entity = Entity {
            text: text[start..end].to_string(),
            label,
            start,
            end,
            canonical: String::new(),
        };
        let mut entities = vec![entity];
        remove_sign_offs(&text, &mut entities);
        entities.is_empty()
    }

    #[test]
    fn finds_sign_offs_by_where_they_stand() {
        let cases = [
            ("Net rose 5 pct.\n [Reuter]\n", true),
            ("Net rose 5 pct.\n [REUTER]\n\u{3}", true),
            ("Net rose 5 pct.\n[REUTER]...", true),
            ("Net rose 5 pct.\n\n[Reuter]", true),
            ("Net rose 5 pct\n [Reuter]\n&#3;", true),
            ("Net rose 5 pct\n[Reuter]\n&#3;", false),
            ("Net rose, said\n[Reagan].", false),
            ("He replaces Maria A.\n[Lipson].", false),
            ("Rate of 2.1 dlrs to the U.S.\n[Dollar].", false),
            ("He replaces Mr.\n[Lipson].", false),
            ("Net rose 31.\n[Reuter]", true),
            ("He met [Reagan].\nMore to come.", false),
            ("Net rose 5 pct.\n[Reuter] said so.", false),
            ("[Reagan] spoke.\nReuter", false),
            ("Net rose 5 pct.\n[REUTER]\n Reuter", true),
            ("Net rose 5 pct.\n[REUTER]\n Reuter said so", false),
            // Line breaks lost: the sign-off ends the last line.
            (
                "Rule pledged to act if a violation were found. [Reuter]",
                true,
            ),
            ("Net rose 5 pct. [REUTER]\n", true),
            ("Noranda said. [Reuter]\n Reuter", true),
            ("Noranda said. [Reuter]\n Reuter said so", false),
            ("Noranda said [Reuter]\n Reuter", false),
            ("9. Andersson 1:34\n10. [Skibby] 1:45\n", false),
            ("The talks were held in the U.S. [Reuter]", false),
            ("Net rose 5 pct. [Reagan] said so.", false),
            ("He then met [Reagan]", false),
        ];
        for (marked, expected) in cases {
            assert_eq!(check(marked), expected, "{marked:?}");
        }
    }

    #[test]
    fn results_table_abbreviations_are_no_names() {
        let cases = [
            ("Shr", true),
            ("Nil    Nil", true),
            ("Dlrs", true),
            ("CTS", false),
            ("CTS Corp", false),
            ("Shr Corp", false),
            ("U.S. Dlrs", false),
        ];
        for (text, dropped) in cases {
            let mut entities = vec![Entity {
                text: text.to_string(),
                label: EntityLabel::Organization,
                start: 0,
                end: text.len(),
                canonical: String::new(),
            }];
            remove_table_words(&mut entities);
            assert_eq!(entities.is_empty(), dropped, "{text}");
        }
    }

    #[test]
    fn labels_of_rows_of_dates_are_no_names() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Qtly div 25 cts\n    [ORG:Pay] 31 May\n    [ORG:Record] 1 May\n",
                &[],
            ),
            ("[ORG:Payable] April 10th", &[]),
            // A place may open a row of a tour's dates.
            (
                "[LOC:Glasgow] 12 May\n[LOC:Leeds] 14 May",
                &["Glasgow/LOC", "Leeds/LOC"],
            ),
            // A name before more than a date, or inside a line.
            ("[ORG:Record] 1 May profit", &["Record/ORG"]),
            ("HEADLINE\n[ORG:USDA] APRIL 7", &["USDA/ORG"]),
            ("[ORG:Ford] Motor 1 May", &["Ford/ORG"]),
            ("said [ORG:Record] 1 May", &["Record/ORG"]),
            ("[PER:John Smith] 1 May", &["John Smith/PER"]),
        ];
        for (marked, expected) in cases {
            let kept = crate::entities::after_pass(marked, |text, entities| {
                remove_date_row_labels(text, entities)
            });
            assert_eq!(kept, *expected, "{marked:?}");
        }
    }

    #[test]
    fn tickers_after_a_name_are_no_names() {
        // The mentions of `marked` (`[ORG:Citicorp]`) left once tickers
        // are dropped.
        let kept = |marked: &str| -> Vec<String> {
            let (text, mut entities) = crate::entities::marked_mentions(marked);
            remove_tickers(&text, &mut entities);
            entities.into_iter().map(|e| e.text).collect()
        };
        let cases: &[(&str, &[&str])] = &[
            ("[ORG:Citicorp] <[ORG:CCI]> said", &["Citicorp"]),
            (
                "[ORG:Guinness Plc]\n<[ORG:GUIN.L]> director",
                &["Guinness Plc"],
            ),
            ("<[ORG:Noranda Inc]> said", &["Noranda Inc"]),
            (
                "[ORG:Exxon] and <[ORG:Mobil Corp]>",
                &["Exxon", "Mobil Corp"],
            ),
            ("[ORG:Exxon] <[ORG:XON]", &["Exxon", "XON"]),
            (
                "the [ORG:U.S.-based] <[ORG:Bechtel Corp]>",
                &["U.S.-based", "Bechtel Corp"],
            ),
        ];
        for (marked, expected) in cases {
            assert_eq!(kept(marked), *expected, "{marked}");
        }
    }

    #[test]
    fn a_place_alone_on_the_last_line_is_no_sign_off() {
        let cases = [
            (
                "The talks ended in Geneva.

[Baku].
",
                EntityLabel::Location,
                false,
            ),
            (
                "Net rose 5 pct.
 [Reuters]
",
                EntityLabel::Organization,
                true,
            ),
        ];
        for (marked, label, expected) in cases {
            assert_eq!(check_as(marked, label), expected, "{marked:?}");
        }
    }
}
