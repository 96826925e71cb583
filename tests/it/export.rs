//! `newsdex export`: NDJSON that a cluster's bulk loader takes, and the
//! mapping that goes with it.

use serde_json::Value;

use crate::harness::Env;

fn indexed_env() -> Env {
    let env = Env::new();
    env.write(
        "aliyev.txt",
        "Aliyev blames Russia for plane crash\n\n\
         Azerbaijani President Ilham Aliyev spoke on December 29.\n\n\
         Vladimir Putin apologised to Aliyev.\n",
    );
    env.write("snow.txt", "Snow in Baku\n\nHeavy snow closed schools.\n");
    let run = env.run(&["index", "corpus", "--default-date", "2024-12-30", "-q"]);
    assert_eq!(run.status, 0, "index failed: {}", run.stderr);
    env
}

fn lines(env: &Env, file: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(env.root().join(file)).expect("the export exists");
    assert!(text.ends_with('\n'), "bulk files end with a newline");
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn passage_count(env: &Env) -> usize {
    let run = env.run(&[
        "search", "", "--limit", "1", "--format", "json", "--index", "index",
    ]);
    run.json()["total"].as_u64().unwrap() as usize
}

#[test]
fn elasticsearch_export_is_bulk_pairs_with_a_mapping() {
    let env = indexed_env();
    let run = env.run(&[
        "export",
        "--format",
        "elasticsearch",
        "--out",
        "news.ndjson",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("news.ndjson.mapping.json"),
        "{}",
        run.stderr
    );

    let lines = lines(&env, "news.ndjson");
    assert_eq!(lines.len() % 2, 0, "action/source pairs");
    assert_eq!(lines.len() / 2, passage_count(&env));
    let mut ids = std::collections::HashSet::new();
    for pair in lines.chunks(2) {
        let (action, source) = (&pair[0], &pair[1]);
        assert_eq!(action["index"]["_index"], "newsdex");
        let id = action["index"]["_id"].as_str().unwrap();
        assert_eq!(
            id,
            format!(
                "{}#{}",
                source["article"].as_str().unwrap(),
                source["passage"]
            )
        );
        assert!(ids.insert(id.to_string()), "ids are unique");
        assert_eq!(source["published"], "2024-12-30T00:00:00Z");
        for key in [
            "text",
            "title",
            "path",
            "article",
            "section",
            "person",
            "org",
            "place",
            "misc",
            "date_day",
            "date_month",
            "date_year",
            "entities",
            "dates",
        ] {
            assert!(source.get(key).is_some(), "source lacks {key}: {source}");
        }
        assert!(source["person"].is_array() && source["date_day"].is_array());
        if source["text"]
            .as_str()
            .unwrap()
            .contains("Putin apologised")
        {
            assert_eq!(
                source["person"],
                serde_json::json!(["Ilham Aliyev", "Vladimir Putin"]),
                "a passage lists each person it names once, by full name"
            );
        }
    }

    let mapping: Value = serde_json::from_str(
        &std::fs::read_to_string(env.root().join("news.ndjson.mapping.json")).unwrap(),
    )
    .expect("the mapping is JSON");
    let properties = &mapping["mappings"]["properties"];
    // Titles and text are analysed by an analyzer the mapping defines.
    let analyzer = properties["text"]["analyzer"].as_str().unwrap();
    assert_eq!(properties["title"]["analyzer"], analyzer);
    let defined = &mapping["settings"]["analysis"]["analyzer"][analyzer];
    assert!(
        defined["filter"]
            .as_array()
            .unwrap()
            .contains(&"cjk_bigram".into()),
        "{defined}"
    );
    assert_eq!(properties["person"]["type"], "keyword");
    assert_eq!(properties["date_day"]["type"], "date");
    // Every field of a document is mapped: the mapping is strict.
    for key in lines[1].as_object().unwrap().keys() {
        assert!(properties.get(key).is_some(), "{key} is not mapped");
    }
}

#[test]
fn quickwit_export_is_one_document_a_line_with_an_index_config() {
    let env = indexed_env();
    let run = env.run(&["export", "--format", "quickwit", "--out", "news.ndjson"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let docs = lines(&env, "news.ndjson");
    assert_eq!(docs.len(), passage_count(&env));
    assert!(
        docs.iter()
            .all(|d| d.get("text").is_some() && d.get("index").is_none())
    );

    let yaml = std::fs::read_to_string(env.root().join("news.ndjson.index-config.yaml")).unwrap();
    let config: Value = serde_yaml_ng::from_str(&yaml).expect("the config is YAML");
    assert_eq!(config["index_id"], "newsdex");
    let fields = config["doc_mapping"]["field_mappings"].as_array().unwrap();
    let text = fields.iter().find(|f| f["name"] == "text").unwrap();
    assert_eq!(text["tokenizer"], "en_stem");
    assert_eq!(text["record"], "position");
    assert_eq!(text["fieldnorms"], true);
    let person = fields.iter().find(|f| f["name"] == "person").unwrap();
    assert_eq!(person["type"], "array<text>");
    assert_eq!(person["fast"], true);
}

/// Quickwit's `raw` tokenizer indexes no value of 255 bytes or more: ids are
/// cut to fit, and a path too long to search is said on stderr.
#[test]
fn quickwit_ids_fit_its_term_limit_and_longer_paths_are_said() {
    let env = Env::new();
    let deep = format!("{}/story.txt", ["desk"; 60].join("/"));
    env.write(&deep, "Snow in Baku\n\nHeavy snow closed schools.\n");
    env.write("short.txt", "Rain in Baku\n\nRain closed roads.\n");
    let run = env.run(&["index", "corpus", "-q"]);
    assert_eq!(run.status, 0, "index failed: {}", run.stderr);

    let run = env.run(&["export", "--format", "quickwit", "--out", "news.ndjson"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let docs = lines(&env, "news.ndjson");
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert!(ids.iter().all(|id| id.len() < 255), "{ids:?}");
    assert!(ids.iter().any(|id| id.starts_with("desk/desk/")), "{ids:?}");
    // A text file's article key is its path below the corpus.
    let note = "in 1 passage, `article` (or another key or name) holds 255 bytes or more";
    assert!(run.stderr.contains(note), "{}", run.stderr);

    let run = env.run(&["export", "--format", "elasticsearch", "--out", "es.ndjson"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("Quickwit"), "{}", run.stderr);
}

#[test]
fn export_without_out_writes_to_stdout_and_the_mapping_to_the_current_folder() {
    let env = indexed_env();
    let run = env.run(&["export", "--format", "elasticsearch", "--name", "news-2024"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let first: Value = serde_json::from_str(run.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["index"]["_index"], "news-2024");
    assert!(env.root().join("newsdex-mapping.json").is_file());
    let bad = env.run(&["export", "--format", "elasticsearch", "--name", "Bad Name"]);
    assert_eq!(bad.status, 2);
}

#[test]
fn records_with_one_id_in_a_file_are_two_articles() {
    let env = Env::new();
    env.write(
        "feed.jsonl",
        "{\"id\": \"1\", \"title\": \"First story\", \"text\": \"Ilham Aliyev spoke in Baku about the crash.\"}\n\
         {\"id\": \"1\", \"title\": \"Second story\", \"text\": \"Vladimir Putin apologised in Moscow.\"}\n",
    );
    env.index();
    let hits = env.hits("", &["--per-article", "1"]);
    let mut titles: Vec<&str> = hits.iter().map(|h| h["title"].as_str().unwrap()).collect();
    titles.sort();
    assert_eq!(titles, ["First story", "Second story"]);
    let articles: std::collections::HashSet<&str> = hits
        .iter()
        .map(|h| h["article"].as_str().unwrap())
        .collect();
    assert_eq!(articles.len(), 2, "{articles:?}");

    // The first keeps its id; the repeat is named by its record.
    let first = env.run(&["show", "feed.jsonl#id:1", "--index", "index"]);
    assert!(first.stdout.contains("Aliyev"), "{}", first.stdout);
    assert!(!first.stdout.contains("Putin"), "{}", first.stdout);

    let run = env.run(&[
        "export",
        "--format",
        "elasticsearch",
        "--out",
        "news.ndjson",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let ids: Vec<String> = lines(&env, "news.ndjson")
        .iter()
        .step_by(2)
        .map(|action| action["index"]["_id"].as_str().unwrap().to_string())
        .collect();
    let unique: std::collections::HashSet<&String> = ids.iter().collect();
    assert_eq!(ids.len(), 2);
    assert_eq!(unique.len(), 2, "{ids:?}");
}

#[test]
fn an_out_that_cannot_be_a_file_is_refused_before_anything_is_written() {
    let env = indexed_env();
    std::fs::create_dir(env.root().join("exports")).unwrap();
    let cases = [
        (
            "exports",
            "is a folder: give a file in it, such as exports/news.ndjson",
        ),
        (
            "missing/news.ndjson",
            "folder missing does not exist: create it (mkdir -p missing) or choose another --out",
        ),
    ];
    for (out, want) in cases {
        let run = env.run(&["export", "--format", "quickwit", "--out", out]);
        assert_eq!(run.status, 2, "{out}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{out}: {}", run.stdout);
        assert!(run.stderr.contains(want), "{out}: {}", run.stderr);
        // No mapping strays into the current folder or beside the folder.
        assert!(
            !env.root().join("newsdex-index-config.yaml").exists(),
            "{out}"
        );
        assert!(
            !env.root().join("exports.index-config.yaml").exists(),
            "{out}"
        );
    }
}
