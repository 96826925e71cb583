//! Titles of films, records, books and broadcasts that news introduces with
//! their genre ("abortion drama Vera Drake", "Oscar-nominated movie The
//! Aviator", "charity single Band Aid 20"), and products it introduces
//! with their kind ("hypertension drug Norvasc", "web browser Firefox",
//! "video game Halo 2"), which the model read as people, organisations or
//! places.
//!
//! CoNLL types a work's title as an other name (MISC). The model learned
//! names from 1996 wire copy, which reviews few films: in the BBC stories of
//! 2004-05 about nine titles in ten right after "film", "drama", "album" or
//! "single" were typed a person ("Vera Drake"), an organisation ("The
//! Aviator") or a place ("Spirited Away"). The genre right before a name is
//! the writer saying what the name is, and every other mention of that
//! title in the article is the work too.
//!
//! A product's name is an other name as a work's is: of the names right
//! after "drug" in the benchmark news (BBC, Reuters, TempEval-3), 12 of 13
//! were drugs, typed a person ("Zantac", "Tagamet"), an organisation
//! ("Crestor") or a place ("Suramin"). "game" is a product only after a
//! word that makes it one ("video game", "board game"): a match is a game
//! too ("the other Group B game Cameroon's ...").
//!
//! So does a performer known by the title: "Vera Drake star Imelda
//! Staunton", "Troy actress Diane Kruger" (a person to the model; a
//! club's or a town's star is a player: "Chelsea star Frank Lampard").
//!
//! A description after the name says the same ("The Life Aquatic, a
//! quirky comedy starring Bill Murray", "Digoxin, a cardiovascular drug"),
//! when the genre ends it ("Robert Uhl, a drug analyst" is the analyst).
//!
//! Not genres that are verbs as often ("play", "hit": "England play Italy"),
//! "show" and "programme" only after a word that makes them a broadcast
//! ("TV show", "chat show"; not "figures show China", "research programme
//! ESPRIT"), nor a genre after an article or "no" ("a single IBM marketing
//! organisation", "an epic New York Marathon", "a film Spielberg made"),
//! after "best" (the award: "best film Bafta"), or after a verb's helper
//! ("to film Vietnam"). A titled name ("the book Mr Brown is accused of
//! copying"), a numeral or a letter ("series II warrants") and a listed
//! place after "track" or "series" (the venue, the team: "the race track
//! Imola", "In the series Australia lead 2-0") stay.

use std::collections::HashSet;

use super::gazetteer::{self, Gazetteer};
use super::noun_before::NounBefore;
use super::organisation_nouns::is_titled;
use super::{Entity, EntityLabel};
use crate::chars;

/// Lower-case genres that, right before a name, say it is a work's title;
/// sorted by bytes.
const GENRES: &[&str] = &[
    "album",
    "biopic",
    "book",
    "browser",
    "cartoon",
    "comedy",
    "documentary",
    "drama",
    "drug",
    "epic",
    "film",
    "movie",
    "musical",
    "novel",
    "opera",
    "series",
    "single",
    "sitcom",
    "soap",
    "song",
    "thriller",
    "track",
];

/// Genres that are as often a verb or a plan: they name a broadcast only
/// after a capitalised word or numeral ("TV show", "BBC programme",
/// "Channel 4 show") or one of [`BROADCAST_KINDS`].
const BROADCASTS: &[&str] = &["programme", "show"];

/// Lower-case words that make "show" or "programme" a broadcast; sorted by
/// bytes.
const BROADCAST_KINDS: &[&str] = &[
    "boxing",
    "breakfast",
    "car",
    "chat",
    "children's",
    "comedy",
    "cookery",
    "game",
    "hit",
    "information",
    "morning",
    "music",
    "night",
    "quiz",
    "radio",
    "reality",
    "sketch",
    "talk",
    "television",
];

/// Words that close a description of what a name is ("a quirky comedy
/// starring ...", "a drama about ..."); sorted by bytes.
const AFTER_DESCRIPTION: &[&str] = &[
    "about",
    "based",
    "by",
    "directed",
    "featuring",
    "for",
    "from",
    "in",
    "of",
    "set",
    "starring",
    "that",
    "used",
    "which",
    "with",
    "written",
];

/// Lower-case words for a performer that, after a title and before the
/// performer's name, make the title a work: "Vera Drake star Imelda
/// Staunton", "Troy actress Diane Kruger"; sorted by bytes.
const PERFORMERS: &[&str] = &["actor", "actress", "star"];

/// Lower-case words that make "game" a product, not a match ("video game
/// Halo 2", not "the game England played"); sorted by bytes.
const GAME_KINDS: &[&str] = &["board", "computer", "console", "online", "rhythm", "video"];

/// Words after which a genre is no introduction: an article or "no" ("a
/// film Spielberg made"), an award ("best film Bafta"), or a verb's helper
/// ("to film Vietnam", "will show Japan"); sorted by bytes.
const NOT_AFTER: &[&str] = &[
    "a", "also", "an", "another", "any", "best", "can", "could", "did", "each", "every", "may",
    "might", "must", "no", "not", "one", "should", "to", "will", "would",
];

/// The lists of places whose names stay places in the article's other
/// mentions: "his album Egypt" is the album, Egypt elsewhere the country.
const PLACE_LISTS: [&str; 2] = ["countries", "places"];

/// Genres after which a listed place the model read as a place stays one:
/// the venue of a race ("the race track Imola") and a team in sports
/// reports ("In the series Australia lead 2-0").
const BEFORE_VENUES_AND_TEAMS: [&str; 2] = ["series", "track"];

/// Makes other names (MISC) of the titles a genre introduces, and of every
/// other mention of those titles in the article. `text` is the text the
/// mentions' offsets index.
pub fn retype_works_of_art(gazetteer: &Gazetteer, text: &str, entities: &mut [Entity]) {
    let places = gazetteer::list_bits(&PLACE_LISTS);
    let introduced: Vec<usize> = (0..entities.len())
        .filter(|&i| {
            let entity = &entities[i];
            if entity.label == EntityLabel::Misc {
                return false;
            }
            if entity.label == EntityLabel::Person && before_its_performer(text, entity) {
                return !is_titled(text, entity);
            }
            let Some(genre) = genre_before(text, entity).or_else(|| genre_after(text, entity))
            else {
                return false;
            };
            let venue_or_team = BEFORE_VENUES_AND_TEAMS.contains(&genre)
                && entity.label == EntityLabel::Location
                && gazetteer.lists_of(entity.name()) & places != 0;
            !venue_or_team && !is_titled(text, entity) && !is_numeral_or_letter(entity.name())
        })
        .collect();
    if introduced.is_empty() {
        return;
    }
    // A place's name is retyped where the genre introduces it only.
    let titles: HashSet<&str> = introduced
        .iter()
        .map(|&i| &entities[i])
        .filter(|entity| {
            entity.label != EntityLabel::Location || gazetteer.lists_of(entity.name()) & places == 0
        })
        .map(Entity::name)
        .collect();
    let retyped: Vec<bool> = entities
        .iter()
        .enumerate()
        .map(|(i, entity)| {
            entity.label != EntityLabel::Misc
                && (titles.contains(entity.name()) || introduced.binary_search(&i).is_ok())
                && !is_titled(text, entity)
        })
        .collect();
    super::relabel(entities, retyped, EntityLabel::Misc);
}

/// The genre of the description that follows the mention after a comma
/// and "a" or "an", with up to two describing words before it ("The Life
/// Aquatic, a quirky comedy starring Bill Murray", "Digoxin, a
/// cardiovascular drug,"): the genre must end the description, which a
/// word of [`AFTER_DESCRIPTION`] or a comma or full stop after it shows
/// ("Robert Uhl, a drug analyst" is the analyst).
fn genre_after(text: &str, entity: &Entity) -> Option<&'static str> {
    let rest = text[entity.end..].strip_prefix(", ")?;
    let rest = rest
        .strip_prefix("a ")
        .or_else(|| rest.strip_prefix("an "))?;
    let words: Vec<&str> = rest.splitn(5, ' ').collect();
    for (position, word) in words.iter().enumerate().take(3) {
        let noun = word.trim_end_matches([',', '.']);
        let genre = GENRES
            .binary_search(&noun)
            .ok()
            .map(|at| GENRES[at])
            .or((noun == "game").then_some("game"));
        if let Some(genre) = genre {
            let ends = noun.len() < word.len()
                || words
                    .get(position + 1)
                    .is_some_and(|next| AFTER_DESCRIPTION.binary_search(next).is_ok());
            return ends.then_some(genre);
        }
        if !word.chars().all(|c| chars::is_alphabetic(c) || c == '-') {
            return None;
        }
    }
    None
}

/// Whether one of [`PERFORMERS`] and a capitalised name follow the
/// mention: the model's person is a title its performer is known by
/// ("Ray star Jamie Foxx"). Only a "person": a club's or a town's star is
/// a player ("Chelsea star Frank Lampard", "Hollywood star").
fn before_its_performer(text: &str, entity: &Entity) -> bool {
    let Some(after) = text[entity.end..].strip_prefix(' ') else {
        return false;
    };
    PERFORMERS.iter().any(|performer| {
        after
            .strip_prefix(performer)
            .and_then(|rest| rest.strip_prefix(' '))
            .is_some_and(|name| name.starts_with(|c: char| c.is_ascii_uppercase()))
    })
}

/// "II", "IV", "A", "A.": a series of shares or warrants, not a title.
fn is_numeral_or_letter(name: &str) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name);
    name.chars().count() == 1 || name.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// The genre right before the mention, one space apart: one of [`GENRES`]
/// (or of [`BROADCASTS`] after a word that makes it one), not after one of
/// [`NOT_AFTER`]; or "game" after one of [`GAME_KINDS`].
fn genre_before<'a>(text: &'a str, entity: &Entity) -> Option<&'a str> {
    let found = text[..entity.start]
        .strip_suffix(' ')
        .and_then(NounBefore::of)?;
    if found.noun == "game" {
        let kind = found.previous_key();
        return (GAME_KINDS.binary_search(&kind.as_str()).is_ok()).then_some(found.noun);
    }
    let is_broadcast = BROADCASTS.contains(&found.noun);
    if !(is_broadcast || GENRES.binary_search(&found.noun).is_ok()) {
        return None;
    }
    let previous = found.previous_key();
    if NOT_AFTER.binary_search(&previous.as_str()).is_ok() {
        return None;
    }
    (!is_broadcast
        || found
            .previous()
            .starts_with(|c: char| chars::is_uppercase(c) || c.is_ascii_digit())
        || BROADCAST_KINDS.binary_search(&previous.as_str()).is_ok())
    .then_some(found.noun)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_sorted() {
        assert!(GENRES.is_sorted());
        assert!(BROADCAST_KINDS.is_sorted());
        assert!(GAME_KINDS.is_sorted());
        assert!(PERFORMERS.is_sorted());
        assert!(AFTER_DESCRIPTION.is_sorted());
        assert!(NOT_AFTER.is_sorted());
    }

    #[test]
    fn a_title_a_genre_introduces_is_an_other_name() {
        let gazetteer = Gazetteer::embedded();
        let retyped = |marked: &str| {
            crate::entities::after_pass(marked, |text, entities| {
                retype_works_of_art(&gazetteer, text, entities)
            })
        };
        let cases: &[(&str, &[&str])] = &[
            ("abortion drama [PER:Vera Drake] has", &["Vera Drake/MISC"]),
            // A title its performer is known by, with its other mentions.
            (
                "[PER:Vera Drake] star Imelda Staunton. [PER:Vera Drake] won",
                &["Vera Drake/MISC", "Vera Drake/MISC"],
            ),
            ("[PER:Troy] actress Diane Kruger", &["Troy/MISC"]),
            ("[ORG:Chelsea] star Frank Lampard", &["Chelsea/ORG"]),
            ("[PER:Smith] stars in", &["Smith/PER"]),
            ("[PER:Smith] star player", &["Smith/PER"]),
            ("movie [ORG:The Aviator] won", &["The Aviator/MISC"]),
            ("previous film [LOC:Spirited Away]", &["Spirited Away/MISC"]),
            ("charity single [ORG:Band Aid 20]", &["Band Aid 20/MISC"]),
            (
                "the biopic [PER:Ray]. [PER:Ray] won",
                &["Ray/MISC", "Ray/MISC"],
            ),
            ("TV show [ORG:Twin Peaks]", &["Twin Peaks/MISC"]),
            ("Channel 4 show [LOC:Faking It]", &["Faking It/MISC"]),
            ("hit show [PER:Jerry Springer]", &["Jerry Springer/MISC"]),
            ("children’s show [PER:Fat Albert]", &["Fat Albert/MISC"]),
            ("children's show [PER:Fat Albert]", &["Fat Albert/MISC"]),
            (
                "sketch programme [ORG:The Fast Show]",
                &["The Fast Show/MISC"],
            ),
            ("Killers' album [PER:Hot Fuss]", &["Hot Fuss/MISC"]),
            // Products.
            (
                "ulcer drug [PER:Zantac]. [PER:Zantac] sold",
                &["Zantac/MISC", "Zantac/MISC"],
            ),
            ("web browser [LOC:Safari],", &["Safari/MISC"]),
            ("Xbox video game [ORG:Halo 2]", &["Halo 2/MISC"]),
            ("the board game [PER:Cluedo]", &["Cluedo/MISC"]),
            ("a drug [ORG:Upjohn Co] has sold", &["Upjohn Co/ORG"]),
            ("Group B game [LOC:Cameroon]'s", &["Cameroon/LOC"]),
            ("two-day game [LOC:England] played", &["England/LOC"]),
            // A description after the name.
            (
                "include The [LOC:Life Aquatic], a quirky comedy starring",
                &["Life Aquatic/MISC"],
            ),
            (
                "lots of [LOC:Digoxin], a cardiovascular drug, because",
                &["Digoxin/MISC"],
            ),
            (
                "[PER:Cambiemos], an online puzzle game that",
                &["Cambiemos/MISC"],
            ),
            ("said [PER:Robert Uhl], a drug analyst", &["Robert Uhl/PER"]),
            ("his sister [PER:Claire], a film-maker who", &["Claire/PER"]),
            ("the [ORG:BJP], the single largest party", &["BJP/ORG"]),
            // A place's name: that mention only.
            (
                "His album [LOC:Egypt] sold. [LOC:Egypt] banned it",
                &["Egypt/MISC", "Egypt/LOC"],
            ),
            // Verbs, plans, articles, awards, titled people, share series.
            ("figures show [LOC:China] had", &["China/LOC"]),
            ("will show [LOC:Japan] has", &["Japan/LOC"]),
            ("to film [LOC:Vietnam] in", &["Vietnam/LOC"]),
            ("research programme [ORG:ESPRIT]", &["ESPRIT/ORG"]),
            ("its programme [ORG:Fear Factor]", &["Fear Factor/ORG"]),
            ("a single [ORG:IBM] marketing", &["IBM/ORG"]),
            ("no single [ORG:EU] customs", &["EU/ORG"]),
            (
                "an epic [ORG:New York Marathon]",
                &["New York Marathon/ORG"],
            ),
            ("best film [ORG:Bafta]", &["Bafta/ORG"]),
            ("the book [PER:Mr Brown] is", &["Mr Brown/PER"]),
            ("the book Mr [PER:Brown] is", &["Brown/PER"]),
            ("the series [ORG:II] warrants", &["II/ORG"]),
            ("shares, series [PER:A.] net", &["A./PER"]),
            ("will play [PER:Hanks]", &["Hanks/PER"]),
            ("sci-fi [ORG:Firefly]", &["Firefly/ORG"]),
            // A race track's place, a series' team.
            ("the race track [LOC:Imola] hosted", &["Imola/LOC"]),
            ("In the series [LOC:Australia] lead 2-0", &["Australia/LOC"]),
            ("the track [LOC:Hackney] was", &["Hackney/MISC"]),
            ("a Film [PER:Smith]", &["Smith/PER"]),
        ];
        for (marked, expected) in cases {
            assert_eq!(retyped(marked), *expected, "{marked}");
        }
    }
}
