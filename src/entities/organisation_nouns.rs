//! Names that news introduces with a noun only an organisation is ("Dutch
//! firm Heineken", "Australian airline Qantas", "US mortgage giant Fannie
//! Mae") or gives a post only an organisation has ("Qantas chief executive
//! Geoff Dixon"), which the model read as people, places or other names.
//!
//! The model learned companies from the names it saw in 1996 wire copy and
//! from a list of listed companies; a company it does not know reads like a
//! surname or a town. In the BBC stories of 2004-05, about one name in six
//! right after "firm", "giant", "airline" or "carmaker" was typed a person
//! or a place. Such a noun before a name is the writer saying what the name
//! is; so is "chief executive" after it. Every mention of that name in the
//! article is the organisation too ("Qantas" three paragraphs later).
//!
//! Not nouns that people are as well ("broadcaster", "developer",
//! "publisher", "film-maker"), nor a name that opens with a personal title
//! ("the firm Mr Smith founded"), nor a country ("the giant US budget
//! deficit").

use std::collections::HashSet;

use super::noun_before::NounBefore;
use super::personal_titles::is_personal_title;
use super::{Entity, EntityLabel, gazetteer};
use crate::chars;

/// Lower-case nouns that, written right before a name, say it is an
/// organisation; sorted by bytes. Not "carrier" alone (aircraft carriers
/// and bulk carriers are ships; see [`AIRLINE_CARRIERS`]) nor "brewer"
/// ("Australian brewer Alan Bond").
const NOUNS_BEFORE: &[&str] = &[
    "agency",
    "airline",
    "automaker",
    "band",
    "bank",
    "car-maker",
    "carmaker",
    "channel",
    "chipmaker",
    "club",
    "company",
    "conglomerate",
    "drugmaker",
    "firm",
    "giant",
    "group",
    "insurer",
    "label",
    "magazine",
    "network",
    "newspaper",
    "retailer",
    "studio",
];

/// Nouns that name a publication ("the daily Politiken", "West German
/// weekly Der Spiegel", "official paper Granma"), whose names the model
/// read as people or places; sorted by bytes. "Daily" and "weekly" are
/// also adjectives ("three daily Atlanta flights", "the weekly Treasury
/// Bill rate"), so the name must end its phrase ([`PHRASE_FOLLOWERS`]);
/// they and all but "paper" ("In the paper Bangemann wrote") introduce a
/// name after "the" too.
const PUBLICATION_NOUNS: &[&str] = &[
    "daily",
    "journal",
    "magazine",
    "newspaper",
    "paper",
    "tabloid",
    "weekly",
];

/// Lower-case words that may follow the name of a publication, which no
/// noun it describes would: a report ("said", "quoted"), a preposition or
/// a pronoun ("the daily Al-Ittihad he was confident"); sorted by bytes.
const PHRASE_FOLLOWERS: &[&str] = &[
    "added",
    "also",
    "as",
    "at",
    "by",
    "carried",
    "cited",
    "claimed",
    "for",
    "from",
    "had",
    "has",
    "he",
    "in",
    "is",
    "it",
    "last",
    "on",
    "published",
    "quoted",
    "quoting",
    "reported",
    "reports",
    "said",
    "saying",
    "says",
    "she",
    "that",
    "this",
    "today",
    "was",
    "which",
    "wrote",
    "yesterday",
];

/// "maker" says a company unless the word before it makes a person ("film
/// maker", "policy maker"); sorted by bytes.
const MAKERS_WHO_ARE_PEOPLE: &[&str] = &[
    "decision",
    "documentary",
    "film",
    "movie",
    "peace",
    "policy",
    "programme",
];

/// Words that make "carrier" an airline ("flag carrier Qantas", "low-cost
/// carrier Virgin Blue"), not a ship ("aircraft carrier Kitty Hawk", "bulk
/// carrier Envoy"); sorted by bytes.
const AIRLINE_CARRIERS: &[&str] = &[
    "budget",
    "flag",
    "long-haul",
    "low-cost",
    "national",
    "no-frills",
    "regional",
    "state-owned",
    "state-run",
];

/// Words after which "firm" or "giant" is an adjective ("a firm American
/// commitment", "as firm Chicago wheat futures", "the giant US budget
/// deficit"), and after which any of the nouns refers back to a body
/// already named ("told the company Pickens' offer was"); sorted by bytes.
const BEFORE_AN_ADJECTIVE: &[&str] = &[
    "a",
    "an",
    "and",
    "are",
    "as",
    "be",
    "been",
    "fairly",
    "is",
    "more",
    "most",
    "quite",
    "relatively",
    "remained",
    "so",
    "the",
    "too",
    "very",
    "was",
    "were",
];

/// Nouns of [`NOUNS_BEFORE`] that introduce a name after "the" too ("the
/// band Gothic Plague", "the studio Focus Features"): no adjective, and no
/// body named before ("told the company Pickens' offer"); sorted by bytes.
const AFTER_THE: &[&str] = &["band", "studio"];

/// Posts after a name and before their holder's name: "Qantas chief
/// executive Geoff Dixon", "Villa boss David O'Leary", a firm's "Dean
/// Witter analyst Karen Gibbs" (a brokerage named after its founders, a
/// person to the model 16 times in the Reuters stories of 1987). Without
/// the holder after them they follow people too: "elected John Kerr
/// chairman of". Not "spokesman" ("Chirac spokesman Denis Baudouin").
const POSTS_BEFORE_A_HOLDER: &[&str] = &[
    "CEO",
    "analyst",
    "boss",
    "chairman",
    "chief executive",
    "economist",
    "strategist",
];

/// Posts after a name's possessive: "Foster's chief executive", "Hardie's
/// shareholders"; not "boss" ("North's boss").
const POSTS_OF_A_POSSESSIVE: &[&str] = &["CEO", "chairman", "chief executive", "shareholders"];

/// Makes organisations of the names an organisation noun introduces or an
/// organisation's post follows, and of every other mention of those names
/// in the article. `text` is the text the mentions' offsets index.
pub fn retype_named_organisations(text: &str, entities: &mut [Entity]) {
    let may_retype = |entity: &Entity| {
        entity.label != EntityLabel::Organization
            && !is_titled(text, entity)
            && !(entity.label == EntityLabel::Location && gazetteer::is_country(entity.name()))
    };
    let names: HashSet<&str> = entities
        .iter()
        .filter(|entity| {
            entity.label != EntityLabel::Organization
                && (after_organisation_noun(text, entity)
                    || (entity.label == EntityLabel::Person
                        && before_organisation_post(text, entity)))
                && may_retype(entity)
        })
        .map(Entity::name)
        .collect();
    let publications: HashSet<&str> = entities
        .iter()
        .filter(|entity| {
            entity.label != EntityLabel::Organization
                && before_publication_noun(text, entity)
                && may_retype(entity)
        })
        .map(Entity::name)
        .collect();
    if names.is_empty() && publications.is_empty() {
        return;
    }
    // The surname-like last word of a name the model took for a person
    // ("Hardie" of "James Hardie") is the same organisation; not a
    // publication's ("Stone" of "Rolling Stone" is a film star). Looked up,
    // not compared with each name: an article may hold thousands.
    let last_words: HashSet<&str> = names
        .iter()
        .filter_map(|known| {
            let last = known.split_whitespace().next_back()?;
            (last.len() < known.len()).then_some(last)
        })
        .collect();
    let retyped: Vec<bool> = entities
        .iter()
        .map(|entity| {
            let name = entity.name();
            entity.label != EntityLabel::Organization
                && (names.contains(name)
                    || publications.contains(name)
                    || (entity.label == EntityLabel::Person && last_words.contains(name)))
                && may_retype(entity)
        })
        .collect();
    super::relabel(entities, retyped, EntityLabel::Organization);
}

/// Whether the mention opens with a personal title or follows one ("Mr
/// Molyneux" where the model left "Mr" out).
pub(super) fn is_titled(text: &str, entity: &Entity) -> bool {
    let first = entity.text.split_whitespace().next().unwrap_or_default();
    let before = text[..entity.start].split_whitespace().next_back();
    is_personal_title(first) || before.is_some_and(is_personal_title)
}

/// Whether the word right before the mention, one space apart, is one of
/// [`NOUNS_BEFORE`] or a company's "maker", and not after one of
/// [`BEFORE_AN_ADJECTIVE`] (but after "the" for one of [`AFTER_THE`]).
/// A comma may stand between them, after "the" too, when the name is one
/// word with a comma after it ("the airline, Ryanair, said"; not "the head
/// of the company, Yury Boyko,"). A name that the next words continue ("firm Kahn and
/// Harris") is left as it is: its other mentions are likely the person.
fn after_organisation_noun(text: &str, entity: &Entity) -> bool {
    let after = &text[entity.end..];
    let before = &text[..entity.start];
    let (before, apposed) = match before.strip_suffix(", ") {
        Some(apposed) if after.starts_with(',') && !entity.text.contains(char::is_whitespace) => {
            (apposed, true)
        }
        Some(_) => return false,
        None => match before.strip_suffix(' ') {
            Some(before) => (before, false),
            None => return false,
        },
    };
    let Some(found) = NounBefore::of(before) else {
        return false;
    };
    let noun = found.noun;
    let previous = found.previous_key();
    let is_maker = noun == "maker";
    let is_airline =
        noun == "carrier" && AIRLINE_CARRIERS.binary_search(&previous.as_str()).is_ok();
    let continued = after.starts_with(char::is_whitespace)
        && matches!(after.split_whitespace().next(), Some("and" | "&"));
    if !continued && introduces_a_publication(noun, &previous, after) {
        return true;
    }
    if !(is_maker || is_airline || NOUNS_BEFORE.binary_search(&noun).is_ok()) || continued {
        return false;
    }
    let after_the = previous == "the" && AFTER_THE.binary_search(&noun).is_ok();
    if !apposed
        && !after_the
        && BEFORE_AN_ADJECTIVE
            .binary_search(&previous.as_str())
            .is_ok()
    {
        return false;
    }
    // A maker or an agency may be its head, named without the post:
    // "games maker Peter Molyneux", "watchdog agency Mohamed ElBaradei";
    // one word ("Mahindra", "Gosplan") is the body.
    let may_be_its_head = is_maker || noun == "agency";
    let person_named =
        entity.label == EntityLabel::Person && entity.text.contains(char::is_whitespace);
    !(may_be_its_head && person_named)
        && (!is_maker
            || (!previous.is_empty()
                && MAKERS_WHO_ARE_PEOPLE
                    .binary_search(&previous.as_str())
                    .is_err()))
}

/// Whether `noun`, one of [`PUBLICATION_NOUNS`] after the word
/// `previous`, introduces a name that `after` shows ends its phrase.
fn introduces_a_publication(noun: &str, previous: &str, after: &str) -> bool {
    let after_the = previous == "the" && noun != "paper";
    PUBLICATION_NOUNS.binary_search(&noun).is_ok()
        && (after_the || BEFORE_AN_ADJECTIVE.binary_search(&previous).is_err())
        && ends_its_phrase(after)
}

/// Nouns after a publication's name ("the Guardian newspaper", "Time
/// magazine", "the influential Mercurio newspaper"); sorted by bytes.
const PUBLICATION_NOUNS_AFTER: &[&str] = &["daily", "magazine", "newspaper", "tabloid", "weekly"];

/// Languages news names papers by that are no nationality of the list
/// ("a Bengali daily", "the Afrikaans newspaper"); sorted by bytes.
const LANGUAGES: &[&str] = &[
    "Afrikaans",
    "Arabic",
    "Bengali",
    "Gujarati",
    "Hebrew",
    "Hindi",
    "Punjabi",
    "Swahili",
    "Tamil",
    "Urdu",
    "Yiddish",
];

/// Whether one of [`PUBLICATION_NOUNS_AFTER`] follows the mention, which
/// is then the publication's name, unless it says where the publication
/// comes from: a place ("a London newspaper"), a nationality or language
/// ("the French newspaper", "West German weekly", "a Bengali daily"), a
/// compound ("English-language daily", "Lagos-based newspaper") or a word
/// in lower case ("anti-Syrian newspaper"). "Daily" and "weekly" must end
/// the phrase, as they are also adjectives ("a 20 Ecu daily rebate").
fn before_publication_noun(text: &str, entity: &Entity) -> bool {
    let Some(after) = text[entity.end..].strip_prefix(' ') else {
        return false;
    };
    // The nouns' first letters: most mentions are followed by none.
    if !after.starts_with(['d', 'm', 'n', 't', 'w']) {
        return false;
    }
    let noun_follows = PUBLICATION_NOUNS_AFTER.iter().any(|noun| {
        after.strip_prefix(noun).is_some_and(|rest| {
            !rest.starts_with(chars::is_alphanumeric)
                && (!matches!(*noun, "daily" | "weekly")
                    || ends_its_phrase(rest)
                    || rest.trim_start().starts_with("newspaper"))
        })
    });
    let name = entity.name();
    let last = name.split_whitespace().next_back().unwrap_or(name);
    let nationality = |name: &str| {
        gazetteer::lists("nationalities", name) || LANGUAGES.binary_search(&name).is_ok()
    };
    noun_follows
        && name.starts_with(|c: char| c.is_ascii_uppercase())
        && !name.contains('-')
        && !nationality(name)
        && !nationality(last)
        && !gazetteer::is_place(name)
}

/// Whether the text after a name starts with no word that could continue
/// its phrase: the end, punctuation other than a possessive's apostrophe,
/// or one of [`PHRASE_FOLLOWERS`].
fn ends_its_phrase(after: &str) -> bool {
    let rest = after.trim_start();
    match rest.chars().next() {
        None => true,
        Some('\'' | '\u{2019}') => false,
        Some(c) if chars::is_alphanumeric(c) => {
            let word = rest
                .split(|c: char| !chars::is_alphabetic(c))
                .next()
                .unwrap_or_default();
            PHRASE_FOLLOWERS.binary_search(&word).is_ok()
        }
        Some(_) => true,
    }
}

/// Whether one of [`POSTS_BEFORE_A_HOLDER`] and a capitalised name follow
/// the mention, or one of [`POSTS_OF_A_POSSESSIVE`] its "'s".
fn before_organisation_post(text: &str, entity: &Entity) -> bool {
    let after = &text[entity.end..];
    let (after, posts) = match after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("\u{2019}s "))
    {
        Some(after) => (after, POSTS_OF_A_POSSESSIVE),
        None => match after.strip_prefix(' ') {
            Some(after) => (after, POSTS_BEFORE_A_HOLDER),
            None => return false,
        },
    };
    posts.iter().any(|post| {
        after.strip_prefix(post).is_some_and(|rest| {
            if posts == POSTS_OF_A_POSSESSIVE {
                !rest.starts_with(chars::is_alphanumeric)
            } else {
                rest.strip_prefix(' ')
                    .is_some_and(|holder| holder.starts_with(|c: char| c.is_ascii_uppercase()))
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mention_of_many_introduced_names_is_retyped() {
        // Names are looked up, not compared with each other: a long article
        // naming thousands of firms costs time in proportion (the speed is
        // measured by `bench/profile.sh`, not here).
        let marked: String = (0..2_000)
            .map(|i| format!("firm [PER:Name{i}] said [PER:Name{i}] and [PER:Ann Lee{i}]. "))
            .collect();
        let (text, mut entities) = crate::entities::marked_mentions(&marked);
        retype_named_organisations(&text, &mut entities);
        let organisations = entities
            .iter()
            .filter(|entity| entity.label == EntityLabel::Organization)
            .count();
        assert_eq!(organisations, 4_000);
    }

    #[test]
    fn the_lists_are_sorted() {
        assert!(NOUNS_BEFORE.is_sorted());
        assert!(MAKERS_WHO_ARE_PEOPLE.is_sorted());
        assert!(AIRLINE_CARRIERS.is_sorted());
        assert!(BEFORE_AN_ADJECTIVE.is_sorted());
        assert!(AFTER_THE.is_sorted());
        assert!(PUBLICATION_NOUNS.is_sorted());
        assert!(PHRASE_FOLLOWERS.is_sorted());
        assert!(PUBLICATION_NOUNS_AFTER.is_sorted());
        assert!(LANGUAGES.is_sorted());
    }

    #[test]
    fn a_name_an_organisation_noun_introduces_is_an_organisation() {
        let retyped = |marked: &str| -> Vec<String> {
            let (text, mut entities) = crate::entities::marked_mentions(marked);
            retype_named_organisations(&text, &mut entities);
            crate::entities::labelled(&entities)
        };
        let cases: &[(&str, &[&str])] = &[
            ("Dutch firm [PER:Heineken] saw", &["Heineken/ORG"]),
            ("Italian airline [LOC:Alitalia] is", &["Alitalia/ORG"]),
            ("US mortgage giant [PER:Fannie Mae]", &["Fannie Mae/ORG"]),
            ("plane maker [MISC:Airbus] sold", &["Airbus/ORG"]),
            ("tractor maker [PER:Mahindra] said", &["Mahindra/ORG"]),
            ("the airline, [PER:Ryanair], said", &["Ryanair/ORG"]),
            ("[PER:Qantas] chief executive Geoff", &["Qantas/ORG"]),
            ("[PER:Villa] boss David O'Leary", &["Villa/ORG"]),
            (
                "said [PER:Dean Witter] analyst Karen Gibbs. [PER:Dean Witter] agreed",
                &["Dean Witter/ORG", "Dean Witter/ORG"],
            ),
            (
                "said [PER:Scrimgeour Vickers] economist Richard Holt",
                &["Scrimgeour Vickers/ORG"],
            ),
            ("by [PER:Chirac] spokesman Denis Baudouin", &["Chirac/PER"]),
            ("[PER:Smith] analysts Jones and", &["Smith/PER"]),
            ("[LOC:New York] analyst William Raferty", &["New York/LOC"]),
            ("[PER:Foster]'s chief executive", &["Foster/ORG"]),
            ("[PER:Hardie]'s shareholders", &["Hardie/ORG"]),
            // Every mention of the name, and a person's last word.
            (
                "[PER:Qantas] said. Australian airline [PER:Qantas] grew",
                &["Qantas/ORG", "Qantas/ORG"],
            ),
            (
                "building group [PER:James Hardie] said [PER:Hardie] would",
                &["James Hardie/ORG", "Hardie/ORG"],
            ),
            // People, countries, ships and adjectives stay.
            ("film maker [PER:Spike Lee] said", &["Spike Lee/PER"]),
            ("film\nmaker [PER:Spike Lee] said", &["Spike Lee/PER"]),
            (
                "Documentary maker [PER:Michael Cockerell]",
                &["Michael Cockerell/PER"],
            ),
            (
                "games maker [PER:Peter Molyneux]. Mr [PER:Molyneux]",
                &["Peter Molyneux/PER", "Molyneux/PER"],
            ),
            ("broadcaster [PER:Cyril Fletcher]", &["Cyril Fletcher/PER"]),
            (
                "watchdog agency [PER:Mohamed ElBaradei]",
                &["Mohamed ElBaradei/PER"],
            ),
            ("planning agency, [PER:Gosplan], would", &["Gosplan/ORG"]),
            ("brewer [PER:Alan Bond] said", &["Alan Bond/PER"]),
            ("aircraft carrier [PER:Kitty Hawk]", &["Kitty Hawk/PER"]),
            ("bulk carrier [PER:Mykon Wave]", &["Mykon Wave/PER"]),
            ("Russian flag carrier [PER:Aeroflot]", &["Aeroflot/ORG"]),
            ("low-cost carrier [PER:Virgin Blue]", &["Virgin Blue/ORG"]),
            ("National carrier [PER:Alitalia] said", &["Alitalia/ORG"]),
            (
                "rock band [PER:Franz Ferdinand] won",
                &["Franz Ferdinand/ORG"],
            ),
            ("gadget magazine [PER:Stuff] said", &["Stuff/ORG"]),
            (
                "formed the band [PER:Gothic Plague], changing",
                &["Gothic Plague/ORG"],
            ),
            (
                "Vanity Fair by the studio [LOC:Focus Features], who",
                &["Focus Features/ORG"],
            ),
            ("a band [PER:Smith] led", &["Smith/PER"]),
            ("TV channel [MISC:Granada Men]", &["Granada Men/ORG"]),
            ("the firm [PER:Mr Smith] founded", &["Mr Smith/PER"]),
            ("the giant [LOC:US] budget", &["US/LOC"]),
            ("oil giant [LOC:Saudi\nArabia] said", &["Saudi\nArabia/LOC"]),
            (
                "oil giant [LOC:Saudi\u{a0} Arabia] said",
                &["Saudi\u{a0} Arabia/LOC"],
            ),
            ("a firm [MISC:American] commitment", &["American/MISC"]),
            ("as firm [LOC:Chicago] wheat", &["Chicago/LOC"]),
            ("a very firm [MISC:Japanese] bond", &["Japanese/MISC"]),
            ("told the company [PER:Pickens]' offer", &["Pickens/PER"]),
            ("its [LOC:UK] chief executive", &["UK/LOC"]),
            ("the firm, [PER:Smith] said", &["Smith/PER"]),
            (
                "of the company, [PER:Yury Boyko], said",
                &["Yury Boyko/PER"],
            ),
            ("law firm [PER:Kahn] and Harris", &["Kahn/PER"]),
            ("law firm [PER:Dreyer] and\nTraub", &["Dreyer/PER"]),
            ("elected [PER:John Kerr] chairman of", &["John Kerr/PER"]),
            ("[PER:Thomas Clark] chairman. REUTER", &["Thomas Clark/PER"]),
            ("[PER:North]'s boss", &["North/PER"]),
            ("a Firm [PER:Smith]", &["Smith/PER"]),
            ("[PER:Smith] chairmanship", &["Smith/PER"]),
            ("the café’s firm [PER:Smith]", &["Smith/ORG"]),
            ("a ‘firm’ [PER:Smith]", &["Smith/PER"]),
            // Publications, which "daily" and "weekly" introduce only when
            // the name ends its phrase.
            ("The daily [LOC:Borba], official", &["Borba/ORG"]),
            (
                "quoted by the daily [MISC:Politiken] as",
                &["Politiken/ORG"],
            ),
            ("German weekly [PER:Der Spiegel] said", &["Der Spiegel/ORG"]),
            ("in today's official paper [PER:Granma],", &["Granma/ORG"]),
            ("three daily [LOC:Atlanta] flights", &["Atlanta/LOC"]),
            (
                "the weekly [PER:Treasury Bill] rate",
                &["Treasury Bill/PER"],
            ),
            ("In the paper [PER:Bangemann] wrote", &["Bangemann/PER"]),
            ("the trade paper [PER:Ward]'s Reports", &["Ward/PER"]),
            ("the newspaper [PER:Smith] edits", &["Smith/PER"]),
            // A publication's name before its noun, not where it comes from.
            (
                "told the [LOC:Bisnis Indonesia] newspaper",
                &["Bisnis Indonesia/ORG"],
            ),
            ("told [PER:Vanity Fair] magazine", &["Vanity Fair/ORG"]),
            ("in the [MISC:Guardian] newspaper's", &["Guardian/ORG"]),
            ("a [LOC:London] newspaper", &["London/LOC"]),
            ("the [MISC:French] newspaper", &["French/MISC"]),
            ("the [MISC:West German] weekly", &["West German/MISC"]),
            (
                "the [MISC:English-language] daily",
                &["English-language/MISC"],
            ),
            ("[LOC:US] magazine Mobile PC", &["US/LOC"]),
            ("the [PER:Smith] newspapers", &["Smith/PER"]),
            ("a [MISC:South African] newspaper", &["South African/MISC"]),
            ("a pro-government [MISC:Bengali] daily", &["Bengali/MISC"]),
            ("a previous 20 [MISC:Ecu] daily rebate", &["Ecu/MISC"]),
            ("the [LOC:Handelsblatt] daily that", &["Handelsblatt/ORG"]),
            (
                "in [PER:Rolling Stone] magazine. [PER:Stone] said",
                &["Rolling Stone/ORG", "Stone/PER"],
            ),
        ];
        for (marked, expected) in cases {
            assert_eq!(retyped(marked), *expected, "{marked}");
        }
    }
}
