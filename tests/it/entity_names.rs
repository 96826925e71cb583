//! Entity names as `newsdex entities` counts them and the entity filters
//! find them, across articles written in different styles.

use serde_json::Value;

use crate::harness::Env;

/// `newsdex entities --type TYPE --format json`: (name, passages, articles).
fn entity_rows(env: &Env, label: &str) -> Vec<(String, u64, u64)> {
    let run = env.run(&[
        "entities", "--type", label, "--top", "50", "--format", "json", "--index", "index",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    run.json()["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e: &Value| {
            (
                e["name"].as_str().unwrap().to_string(),
                e["passages"].as_u64().unwrap(),
                e["articles"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The ids of the articles a filtered search finds.
fn article_ids(env: &Env, filter: &[&str]) -> Vec<String> {
    let mut ids: Vec<String> = env
        .hits("", filter)
        .iter()
        .map(|h| h["article"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

/// Wire briefs are headlines in capitals: "US" there is the pronoun after
/// a verb that takes it ("LET US PRAY"), and the country before a noun or
/// after "THE". The pronoun was counted as the United States.
#[test]
fn us_the_pronoun_in_a_headline_is_no_place() {
    let env = Env::new();
    env.write(
        "briefs.jsonl",
        [
            r#"{"id": "pray", "title": "LET US PRAY"}"#,
            r#"{"id": "parade", "title": "JOIN US FOR THE PARADE"}"#,
            r#"{"id": "think", "title": "TELL US WHAT YOU THINK"}"#,
            r#"{"id": "troops", "title": "US TROOPS LEAVE BASE"}"#,
            r#"{"id": "pact", "title": "THE US AND CHINA SIGN TRADE PACT"}"#,
        ]
        .join("\n"),
    );
    env.index();
    let places = entity_rows(&env, "place");
    let united_states = places.iter().find(|(name, ..)| name == "United States");
    assert_eq!(
        united_states.map(|(_, passages, _)| *passages),
        Some(2),
        "{places:?}"
    );
    assert_eq!(article_ids(&env, &["--place", "US"]), ["pact", "troops"]);
}

/// Reuters writes "OPEC", the BBC "Opec"; a company is "Texaco Inc" and
/// "Texaco Inc." in one sentence, and "Texaco" in another story. Each is
/// one row of `entities`, under the spelling most passages use (on a tie
/// the first in key order), counting what filtering by it finds.
#[test]
fn spellings_a_filter_cannot_tell_apart_are_one_row() {
    let env = Env::new();
    env.write(
        "reuters.jsonl",
        [
            r#"{"id": "1", "title": "Oil", "body": "OPEC ministers met in Vienna on Monday to discuss output."}"#,
            r#"{"id": "2", "title": "Oil", "body": "Saudi Arabia told OPEC it would not cut production."}"#,
            r#"{"id": "3", "title": "Bid", "body": "Texaco Inc said on Monday it would sell the unit, and analysts at Texaco Inc. agreed."}"#,
        ]
        .join("\n"),
    )
    .write(
        "bbc.jsonl",
        [
            r#"{"id": "1", "title": "Oil", "body": "Oil prices fell after Opec agreed to raise output."}"#,
            r#"{"id": "2", "title": "Refinery", "body": "Texaco said on Tuesday that it would close the refinery in Wales."}"#,
        ]
        .join("\n"),
    );
    env.index();
    let orgs = entity_rows(&env, "org");
    assert!(
        orgs.contains(&("OPEC".to_string(), 3, 3)),
        "one row for OPEC and Opec: {orgs:?}"
    );
    assert!(
        orgs.contains(&("Texaco".to_string(), 2, 2)),
        "two spellings in one passage count it once, and the name without \
         its legal form is the same company: {orgs:?}"
    );
    assert!(
        !orgs
            .iter()
            .any(|(name, ..)| name == "Opec" || name.starts_with("Texaco Inc")),
        "{orgs:?}"
    );
    for name in ["Texaco Inc", "Texaco Inc.", "Texaco", "TEXACO INC"] {
        assert_eq!(article_ids(&env, &["--org", name]).len(), 2, "{name}");
    }
    for spelling in ["OPEC", "Opec", "opec"] {
        assert_eq!(
            article_ids(&env, &["--org", spelling]).len(),
            3,
            "{spelling}"
        );
    }
}

/// A company the model does not know reads like a surname or a town; the
/// noun news puts before it ("Italian airline Alitalia") or a legal form
/// elsewhere in the story ("Sealy Inc") says what it is, in every passage
/// that names it.
#[test]
fn companies_a_story_says_are_companies_are_organisations() {
    let env = Env::new();
    env.write(
        "business.jsonl",
        [
            r#"{"id": "aid", "title": "State aid", "body": "The Commission opened an investigation into whether Italian airline Alitalia is receiving illegal state aid.\n\nAlitalia lost 330m euros in 2003."}"#,
            r#"{"id": "beds", "title": "Merger", "body": "Sealy Inc said the deal was done.\n\nOhio Mattress raised its interest in Sealy to 93 pct."}"#,
        ]
        .join("\n"),
    );
    env.index();
    let organisations = entity_rows(&env, "org");
    for (company, passages) in [("Alitalia", 2), ("Sealy Inc", 2)] {
        let row = organisations.iter().find(|(name, ..)| name == company);
        assert_eq!(
            row.map(|(_, passages, _)| *passages),
            Some(passages),
            "{company} in {organisations:?}"
        );
    }
    assert_eq!(article_ids(&env, &["--org", "Alitalia"]), ["aid"; 2]);
    assert!(article_ids(&env, &["--place", "Alitalia"]).is_empty());
    assert!(article_ids(&env, &["--place", "Sealy"]).is_empty());
}

/// A film the model does not know reads like a person ("Vera Drake") or a
/// company ("The Aviator"); the genre news puts before its title says what
/// it is, in every passage that names it.
#[test]
fn titles_a_story_gives_a_genre_are_other_names() {
    let env = Env::new();
    env.write(
        "arts.jsonl",
        [
            r#"{"id": "baftas", "title": "Bafta nominations", "body": "Mike Leigh's abortion drama Vera Drake has scooped seven nominations.\n\nJoining Vera Drake in the running for best film is Oscar-nominated movie The Aviator."}"#,
        ]
        .join("\n"),
    );
    env.index();
    let others = entity_rows(&env, "misc");
    for (title, passages) in [("Vera Drake", 2), ("The Aviator", 1)] {
        let row = others.iter().find(|(name, ..)| name == title);
        assert_eq!(
            row.map(|(_, passages, _)| *passages),
            Some(passages),
            "{title} in {others:?}"
        );
    }
    assert_eq!(article_ids(&env, &["--misc", "Vera Drake"]), ["baftas"; 2]);
    assert!(article_ids(&env, &["--person", "Vera Drake"]).is_empty());
}

/// Irish, French and West African names are written with an apostrophe
/// after their first letter ("O'Neill", "D'Arcy", "N'Dour"), and typed, or
/// set by feeds that drop punctuation, without one ("ONeill"). Either
/// spelling finds both, as a filter and as a field of the query.
#[test]
fn names_with_an_apostrophe_after_their_first_letter_are_found_without_it() {
    let env = Env::new();
    env.write(
        "sport.jsonl",
        [
            r#"{"id": "celtic", "title": "Celtic", "body": "Celtic manager Martin O'Neill said on Monday that the club would appeal. O'Neill added that O'Neill's players were tired."}"#,
            r#"{"id": "feed", "title": "Villa", "body": "Aston Villa manager Martin ONeill said the team was ready."}"#,
            r#"{"id": "rugby", "title": "Rugby", "body": "Ireland centre Gordon D'Arcy said the side would beat France."}"#,
            r#"{"id": "obrien", "title": "Referee", "body": "Referee Paddy O'Brien said he had no regrets about the decision."}"#,
            r#"{"id": "neill", "title": "Neill", "body": "Defender Lucas Neill said he was happy at Blackburn."}"#,
        ]
        .join("\n"),
    );
    env.index();
    let both = ["celtic", "feed"];
    let cases: &[(&[&str], &[&str])] = &[
        (&["--person", "ONeill"], &both),
        (&["--person", "O'Neill"], &both),
        (&["--person", "Martin ONeill"], &both),
        (&["--person", "Martin O'Neill"], &both),
        (&["--person", "oneill"], &both),
        (&["--person", "DArcy"], &["rugby"]),
        (&["--person", "OBrien"], &["obrien"]),
        (&["--name", "OBrien"], &["obrien"]),
        (&["--person", "Neill"], &["celtic", "neill"]),
    ];
    for (filter, expected) in cases {
        assert_eq!(article_ids(&env, filter), *expected, "{filter:?}");
    }
    for query in [
        "person:ONeill",
        "person:\"Martin ONeill\"",
        "person:O'Neill",
    ] {
        let mut ids: Vec<String> = env
            .hits(query, &[])
            .iter()
            .map(|h| h["article"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        assert_eq!(ids, both, "{query}");
    }
    // One row of `entities`, as the filter finds both.
    let people = entity_rows(&env, "person");
    assert!(
        people.contains(&("Martin O'Neill".to_string(), 2, 2)),
        "one row for Martin O'Neill and Martin ONeill: {people:?}"
    );
    // Ranked alike: the story naming him most first, however he is typed.
    let ranked = |name: &str| -> Vec<String> {
        env.hits("", &["--person", name])
            .iter()
            .map(|h| h["article"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ranked("ONeill"), ["celtic", "feed"]);
    assert_eq!(ranked("O'Neill"), ["celtic", "feed"]);
    let celtic = env.hits("", &["--person", "ONeill"]);
    let highlighted: Vec<&str> = celtic
        .iter()
        .filter(|h| h["article"] == "celtic")
        .flat_map(|h| {
            let text = h["text"].as_str().unwrap();
            h["highlights"].as_array().unwrap().iter().map(move |r| {
                &text[r["start"].as_u64().unwrap() as usize..r["end"].as_u64().unwrap() as usize]
            })
        })
        .collect();
    assert_eq!(
        highlighted,
        ["Martin O'Neill", "O'Neill", "O'Neill"],
        "the mentions the filter found"
    );
}

/// A name is found however its words are run together or hyphenated, as
/// a word of the query is: `--org WalMart` found no "Wal-Mart Stores".
#[test]
fn names_are_found_with_and_without_the_punctuation_in_them() {
    let env = Env::new();
    env.write(
        "retail.jsonl",
        [
            r#"{"id": "hyphen", "title": "Retail", "body": "Wal-Mart Stores Inc said on Monday that its sales rose."}"#,
            r#"{"id": "dots", "title": "Steel", "body": "U.S. Steel Corp said on Monday it would close a plant."}"#,
        ]
        .join("\n"),
    );
    env.index();
    let cases: &[(&[&str], &[&str])] = &[
        (&["--org", "WalMart"], &["hyphen"]),
        (&["--org", "Wal-Mart"], &["hyphen"]),
        (&["--org", "WalMart Stores"], &["hyphen"]),
        (&["--org", "US Steel"], &["dots"]),
        (&["--org", "U.S. Steel"], &["dots"]),
        // A name typed in lower case says nothing of its parts.
        (&["--org", "walmart"], &[]),
    ];
    for (filter, expected) in cases {
        assert_eq!(article_ids(&env, filter), *expected, "{filter:?}");
    }
    let ids: Vec<String> = env
        .hits("org:WalMart", &[])
        .iter()
        .map(|h| h["article"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["hyphen"]);
}

/// Initials an article spells out ("the Securities and Exchange
/// Commission (SEC)") are that organisation wherever the article uses
/// them: one row of `entities`, found by either name, the initials
/// highlighted. Initials an article never spells out stay as written.
#[test]
fn initials_are_the_organisation_the_article_names_in_full() {
    let env = Env::new();
    env.write(
        "wire.jsonl",
        [
            r#"{"id": "inquiry", "title": "Inquiry", "body": "The Securities and Exchange Commission (SEC) opened an inquiry into Acme Corp on Monday.\n\nThe SEC said Acme had misled investors about its profits for two years."}"#,
            r#"{"id": "fine", "title": "Fine", "body": "The SEC fined a bank on Tuesday for late filings."}"#,
        ]
        .join("\n"),
    );
    env.index();
    // "article/passage" of each passage a filter finds.
    let passages = |filter: &[&str]| -> Vec<String> {
        let mut found: Vec<String> = env
            .hits("", filter)
            .iter()
            .map(|h| format!("{}/{}", h["article"].as_str().unwrap(), h["passage"]))
            .collect();
        found.sort();
        found
    };
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["--org", "Securities and Exchange Commission"],
            &["inquiry/0", "inquiry/1"],
        ),
        (&["--org", "SEC"], &["fine/0", "inquiry/0", "inquiry/1"]),
    ];
    for (filter, expected) in cases {
        assert_eq!(passages(filter), *expected, "{filter:?}");
    }
    let organisations = entity_rows(&env, "org");
    for row in [("Securities and Exchange Commission", 2, 1), ("SEC", 1, 1)] {
        assert!(
            organisations.contains(&(row.0.to_string(), row.1, row.2)),
            "{row:?} in {organisations:?}"
        );
    }
    let found = env.hits("", &["--org", "SEC"]);
    let highlighted: Vec<&str> = found
        .iter()
        .filter(|h| h["article"] == "inquiry" && h["passage"] == 1)
        .flat_map(|h| {
            let text = h["text"].as_str().unwrap();
            h["highlights"].as_array().unwrap().iter().map(move |r| {
                &text[r["start"].as_u64().unwrap() as usize..r["end"].as_u64().unwrap() as usize]
            })
        })
        .collect();
    assert_eq!(highlighted, ["SEC"]);
}
