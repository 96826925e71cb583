//! `newsdex index`: formats, incremental updates, bad input.

use crate::harness::Env;

#[test]
fn every_format_is_indexed_and_searchable() {
    let env = Env::new();
    env.write("a.txt", "Txt title\n\nThe zeppelin landed in Hamburg.\n")
        .write("b.md", "---\ntitle: Md title\ndate: 2024-12-30\n---\n\nA **walrus** swam past.\n")
        .write(
            "c.html",
            "<html><head><title>Html title</title></head><body><article><p>The pelican flew.</p></article></body></html>",
        )
        .write("d.json", r#"{"title": "Json title", "body": "An ocelot escaped."}"#)
        .write("e.jsonl", "{\"title\": \"L1\", \"text\": \"A narwhal surfaced.\"}\n{\"title\": \"L2\", \"text\": \"A quokka smiled.\"}\n");
    env.index();
    let cases = [
        ("zeppelin", "a.txt"),
        ("walrus", "b.md"),
        ("pelican", "c.html"),
        ("ocelot", "d.json"),
        ("narwhal", "e.jsonl"),
        ("quokka", "e.jsonl"),
    ];
    for (word, file) in cases {
        assert_eq!(env.hit_files(word, &[]), [file], "{word}");
    }
}

#[test]
fn headline_only_stories_are_searchable_by_their_headline() {
    let env = Env::new();
    env.write(
        "a.json",
        r#"{"title": "Zeppelin lands in Hamburg", "body": ""}"#,
    )
    .write(
        "b.html",
        "<html><head><title>Walrus escapes zoo</title></head><body></body></html>",
    )
    .write("c.md", "---\ntitle: Pelican wins prize\n---\n");
    let run = env.run(&["index", "corpus"]);
    assert!(run.stderr.contains("0 warnings"), "{}", run.stderr);
    for (word, file) in [
        ("zeppelin", "a.json"),
        ("walrus", "b.html"),
        ("pelican", "c.md"),
    ] {
        assert_eq!(env.hit_files(word, &[]), [file], "{word}");
    }
    let text = env.run(&["search", "zeppelin", "--index", "index"]).stdout;
    assert_eq!(
        text.matches("Zeppelin lands").count(),
        1,
        "the headline once: {text}"
    );
}

#[test]
fn txt_title_line_is_the_title_not_a_passage() {
    let env = Env::new();
    env.write("a.txt", "Storm hits coast\n\nHeavy rain fell overnight.\n");
    env.index();
    let hits = env.hits("storm", &[]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["title"], "Storm hits coast");
    assert_eq!(hits[0]["text"], "Heavy rain fell overnight.");
    assert_eq!(hits[0]["line"], 3);
}

#[test]
fn unchanged_folder_reindexes_nothing() {
    let env = Env::new();
    env.write("a.txt", "Alpha story.\n")
        .write("b.txt", "Beta story.\n");
    let first = env.index();
    assert!(first.stderr.contains("2 added"), "{}", first.stderr);
    let second = env.index();
    assert!(
        second
            .stderr
            .contains("0 added, 0 updated, 0 removed, 2 unchanged"),
        "{}",
        second.stderr
    );
}

#[test]
fn edited_files_are_replaced_and_removed_files_deleted() {
    let env = Env::new();
    env.write("a.txt", "The walrus slept.\n")
        .write("b.txt", "The pelican ate.\n");
    env.index();
    // A different size guarantees the change is seen even on coarse clocks.
    env.write("a.txt", "The narwhal woke up early.\n");
    env.remove("b.txt");
    let run = env.index();
    assert!(
        run.stderr.contains("1 updated, 1 removed"),
        "{}",
        run.stderr
    );
    assert!(env.hits("walrus", &[]).is_empty());
    assert!(env.hits("pelican", &[]).is_empty());
    assert_eq!(env.hit_files("narwhal", &[]), ["a.txt"]);
    assert_eq!(
        env.hits("narwhal", &[]).len(),
        1,
        "no duplicate passages after an update"
    );
}

/// A folder the walk cannot read (here a link to a disk that is not
/// mounted) keeps its articles in the index, and the run says it failed.
#[cfg(unix)]
#[test]
fn an_unreadable_folder_keeps_its_articles() {
    let env = Env::new();
    env.write("b.txt", "The pelican ate.\n");
    let archive = env.root().join("archive");
    std::fs::create_dir(&archive).unwrap();
    std::fs::write(archive.join("a.txt"), "The walrus slept.\n").unwrap();
    std::os::unix::fs::symlink(&archive, env.corpus_path("old")).unwrap();
    env.index();
    assert_eq!(env.hit_files("walrus", &[]), ["old/a.txt"]);

    let unmounted = env.root().join("archive.unmounted");
    std::fs::rename(&archive, &unmounted).unwrap();
    let run = env.run(&["index", "corpus"]);
    assert_eq!(run.status, 3, "{}", run.stderr);
    assert!(run.stderr.contains("0 removed"), "{}", run.stderr);
    assert!(run.stderr.contains("1 file failed"), "{}", run.stderr);
    assert!(
        run.stderr
            .lines()
            .any(|l| l.contains("old") && l.contains("which does not exist")),
        "{}",
        run.stderr
    );
    assert_eq!(env.hit_files("walrus", &[]), ["old/a.txt"]);

    std::fs::rename(&unmounted, &archive).unwrap();
    let run = env.index();
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stderr.contains("2 unchanged"), "{}", run.stderr);
}

/// A file saved broken (a crashed export, a half-written download) is
/// reported as failed and keeps the passages it had; it is read again when
/// it changes.
#[test]
fn a_file_broken_by_an_update_keeps_its_passages() {
    let cases = [
        (
            "a.json",
            r#"{"text": "The walrus slept."}"#,
            "{\"text\": \"The walr",
        ),
        (
            "a.jsonl",
            "{\"text\": \"The walrus slept.\"}\n",
            "{\"text\": \"The walr\n{\"text\": \"The pel\n",
        ),
    ];
    for (file, good, broken) in cases {
        let env = Env::new();
        env.write(file, good);
        env.index();
        env.write(file, broken);
        let run = env.run(&["index", "corpus"]);
        assert_eq!(run.status, 3, "{file}: {}", run.stderr);
        assert!(
            run.stderr.contains("1 file failed"),
            "{file}: {}",
            run.stderr
        );
        assert_eq!(
            env.hit_files("walrus", &[]),
            [file],
            "{file}: {}",
            run.stderr
        );
    }
}

#[test]
fn rebuild_starts_over() {
    let env = Env::new();
    env.write("a.txt", "The walrus slept.\n");
    env.index();
    let run = env.run(&["index", "corpus", "--rebuild"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stderr.contains("1 added"), "{}", run.stderr);
    assert_eq!(env.hits("walrus", &[]).len(), 1);
}

#[test]
fn another_folder_is_not_indexed_over_the_corpus() {
    let env = Env::new();
    env.write("a.txt", "The walrus slept.\n");
    env.index();
    std::fs::create_dir(env.root().join("other")).unwrap();
    std::fs::write(env.root().join("other/b.txt"), "The narwhal swam.\n").unwrap();

    let refused = env.run(&["index", "other"]);
    assert_eq!(refused.status, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("holds the articles of") && refused.stderr.contains("--rebuild"),
        "{}",
        refused.stderr
    );
    assert_eq!(env.hits("walrus", &[]).len(), 1);

    // The same folder under another spelling is the same corpus.
    let again = env.run(&["index", "./corpus/"]);
    assert_eq!(again.status, 0, "{}", again.stderr);
    assert_eq!(env.hits("walrus", &[]).len(), 1);

    let replaced = env.run(&["index", "other", "--rebuild"]);
    assert_eq!(replaced.status, 0, "{}", replaced.stderr);
    assert_eq!(env.hits("walrus", &[]).len(), 0);
    assert_eq!(env.hits("narwhal", &[]).len(), 1);
}

#[test]
fn broken_input_is_reported_and_the_rest_indexed() {
    let env = Env::new();
    env.write("good.txt", "The walrus slept.\n")
        .write(
            "feed.jsonl",
            "{\"text\": \"A narwhal surfaced.\"}\n{not json\n{\"text\": \"A quokka smiled.\"}\n",
        )
        .write("blob.txt", [0u8, 159, 146, 150, 0, 0, 1, 2, 3, 0, 255, 0])
        .write("notes.pdf", "%PDF-1.4");
    let run = env.run(&["index", "corpus"]);
    assert_eq!(run.status, 3, "some files failed: {}", run.stderr);
    assert!(
        run.stderr.contains("feed.jsonl:2:"),
        "bad line named with its number: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("blob.txt:"),
        "binary file named: {}",
        run.stderr
    );
    assert!(run.stderr.contains("1 file failed"), "{}", run.stderr);
    assert!(
        run.stderr.contains("1 of unknown type skipped (.pdf 1)"),
        "{}",
        run.stderr
    );
    for word in ["walrus", "narwhal", "quokka"] {
        assert_eq!(env.hits(word, &[]).len(), 1, "{word}");
    }
}

#[test]
fn hidden_files_and_the_index_folder_are_not_read() {
    let env = Env::new();
    env.write(".hidden/secret.txt", "The walrus hid.\n")
        .write("a.txt", "The pelican flew.\n");
    let run = env.run(&["index", "corpus", "--index", "corpus/index"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let again = env.run(&["index", "corpus", "--index", "corpus/index"]);
    assert!(
        again
            .stderr
            .contains("0 added, 0 updated, 0 removed, 1 unchanged"),
        "{}",
        again.stderr
    );
    let search = env.run(&["search", "walrus", "--index", "corpus/index"]);
    assert_eq!(search.status, 1);
}

#[test]
fn missing_corpus_is_an_error_that_names_it() {
    let env = Env::new();
    let run = env.run(&["index", "nowhere"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("nowhere"), "{}", run.stderr);
}

#[test]
fn files_without_passages_are_remembered_not_reread() {
    let env = Env::new();
    env.write("empty.txt", "")
        .write("a.txt", "The walrus slept.\n");
    let first = env.run(&["index", "corpus"]);
    assert!(first.stderr.contains("empty.txt"), "{}", first.stderr);
    let second = env.run(&["index", "corpus"]);
    assert!(
        !second.stderr.contains("empty.txt"),
        "not read again: {}",
        second.stderr
    );
    assert!(second.stderr.contains("2 unchanged"), "{}", second.stderr);
    assert_eq!(env.hits("", &[]).len(), 1, "only real passages are listed");
    let show = env.run(&["show", "corpus/empty.txt", "--index", "index"]);
    assert_eq!(show.status, 2);
}

#[test]
fn dates_beyond_the_storable_years_do_not_break_indexing() {
    let env = Env::new();
    env.write(
        "history.md",
        "---\ntitle: Hastings\ndate: 1066-10-14\n---\n\nThe battle of 1066 and a plan for the year 2500 were discussed in 1999.\n",
    );
    env.index();
    let hits = env.hits("battle", &[]);
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0]["published"].is_null(),
        "1066 cannot be stored as a date: {}",
        hits[0]
    );
    assert_eq!(
        env.hits("battle", &["--since", "1999", "--until", "1999"])
            .len(),
        1
    );
    assert_eq!(
        env.hits(
            "battle",
            &["--since", "0001-01-01", "--until", "9999-12-31"]
        )
        .len(),
        1
    );
}

#[test]
fn a_date_in_the_folders_above_the_corpus_dates_no_article() {
    let env = Env::new();
    env.write("2019-06-01/news/a.txt", "The zeppelin landed.\n")
        .write("2019-06-01/news/2024/12/30/b.txt", "The walrus swam.\n");
    let run = env.run(&["index", "corpus/2019-06-01/news"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let zeppelin = &env.hits("zeppelin", &[])[0];
    assert!(zeppelin["published"].is_null(), "{zeppelin}");
    assert_eq!(env.hits("walrus", &[])[0]["published"], "2024-12-30");
}

#[test]
fn a_placeholder_publication_date_gives_way_to_the_path_and_default_dates() {
    let env = Env::new();
    env.write(
        "2024/12/30/a.json",
        r#"{"text": "The zeppelin landed.", "date": "0001-01-01T00:00:00Z"}"#,
    )
    .write("b.md", "---\ndate: 0001-01-01\n---\nThe walrus swam.\n");
    let run = env.run(&["index", "corpus", "--default-date", "2000-01-01"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let warning = "date \"0001-01-01T00:00:00Z\" in field `date` is outside the publication years";
    assert!(run.stderr.contains(warning), "{}", run.stderr);
    assert_eq!(env.hits("zeppelin", &[])[0]["published"], "2024-12-30");
    assert_eq!(env.hits("walrus", &[])[0]["published"], "2000-01-01");
}

#[test]
fn markdown_opening_with_a_rule_keeps_the_text_before_the_next_rule() {
    let env = Env::new();
    env.write(
        "a.md",
        "---\n\nThe zeppelin landed.\n\n---\n\nThe walrus swam.\n",
    );
    let run = env.index();
    assert!(run.stderr.contains("0 warnings"), "{}", run.stderr);
    assert_eq!(env.hit_files("zeppelin", &[]), ["a.md"]);
    assert_eq!(env.hit_files("walrus", &[]), ["a.md"]);
}

/// Mistakes in what is given to `index` are named, with what to do, once.
#[test]
fn index_arguments_that_cannot_work_say_what_to_do() {
    let env = Env::new();
    env.write("a.txt", "Walrus\n\nA walrus basked on the pier.\n");
    std::fs::write(env.root().join("taken"), "").unwrap();
    // (arguments, expected message)
    let cases: [(&[&str], &str); 4] = [
        (
            &["index", "corpus/a.txt", "--index", "index"],
            "corpus/a.txt is a file, not a folder: give the folder that holds it",
        ),
        (
            &["index", "missing", "--index", "index"],
            "corpus folder missing does not exist",
        ),
        (
            &["index", "corpus", "--index", "taken"],
            "taken is a file, not an index folder: give --index the folder",
        ),
        (
            &["index", "corpus", "--threads", "100000"],
            "100000 is not in 0..=256",
        ),
    ];
    for (args, message) in cases {
        let run = env.run(args);
        assert_eq!(run.status, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
        assert!(
            !run.stderr.contains("(os error 17): File exists"),
            "the cause is printed once: {}",
            run.stderr
        );
    }
}

#[cfg(unix)]
#[test]
fn names_apart_only_in_bytes_that_are_not_utf8_are_two_files_run_after_run() {
    use std::os::unix::ffi::OsStrExt;
    let env = Env::new();
    for (byte, title) in [(0xe9u8, "Lisbon"), (0xe8, "Porto")] {
        let mut name = b"caf".to_vec();
        name.extend([byte]);
        name.extend(b".txt");
        let path = env.corpus_path("").join(std::ffi::OsStr::from_bytes(&name));
        std::fs::write(path, format!("{title}\n\nA story about {title}.\n")).unwrap();
    }
    let first = env.index();
    assert!(first.stderr.contains("2 added"), "{}", first.stderr);
    for _ in 0..2 {
        let again = env.index();
        assert!(
            again
                .stderr
                .contains("0 added, 0 updated, 0 removed, 2 unchanged"),
            "{}",
            again.stderr
        );
        let mut titles: Vec<String> = env
            .hits("story", &[])
            .iter()
            .map(|h| h["title"].as_str().unwrap().to_string())
            .collect();
        titles.sort();
        assert_eq!(titles, ["Lisbon", "Porto"]);
    }
    let mut paths: Vec<String> = env
        .hits("story", &[])
        .iter()
        .map(|h| h["path"].as_str().unwrap().to_string())
        .collect();
    paths.sort();
    assert_eq!(paths, ["corpus/caf%E8.txt", "corpus/caf%E9.txt"]);
    let show = env.run(&["show", "corpus/caf%E9.txt", "--index", "index"]);
    assert!(
        show.stdout.contains("Lisbon") && !show.stdout.contains("Porto"),
        "{}",
        show.stdout
    );
}

#[test]
fn a_changed_default_date_or_size_limit_reanalyses_the_files_it_changes() {
    let env = Env::new();
    env.write(
        "a.txt",
        "Undated\n\nOn Monday, Emmanuel Macron met Olaf Scholz in Paris.\n",
    )
    .write(
        "b.txt",
        format!("Long\n\n{}\n", "The walrus slept.\n\n".repeat(100)),
    );
    env.index();
    let published = |env: &Env| env.hits("macron", &[])[0]["published"].clone();
    assert!(published(&env).is_null());

    let dated = env.run(&["index", "corpus", "--default-date", "2024-12-30"]);
    assert_eq!(dated.status, 0, "{}", dated.stderr);
    assert!(dated.stderr.contains("2 updated"), "{}", dated.stderr);
    assert_eq!(published(&env), "2024-12-30");
    let again = env.run(&["index", "corpus", "--default-date", "2024-12-30"]);
    assert!(again.stderr.contains("2 unchanged"), "{}", again.stderr);

    // A limit that cuts only b.txt re-reads only b.txt.
    let cut = env.run(&[
        "index",
        "corpus",
        "--default-date",
        "2024-12-30",
        "--max-file-size",
        "200",
    ]);
    assert_eq!(cut.status, 0, "{}", cut.stderr);
    assert!(cut.stderr.contains("1 updated"), "{}", cut.stderr);
    assert!(cut.stderr.contains("1 unchanged"), "{}", cut.stderr);
    let walrus = |env: &Env| {
        env.hits(
            "walrus",
            &["--per-article", "0", "--no-collapse", "--limit", "1000"],
        )
        .len()
    };
    assert!(walrus(&env) < 20, "{}", walrus(&env));
    let whole = env.run(&["index", "corpus", "--default-date", "2024-12-30"]);
    assert!(whole.stderr.contains("1 updated"), "{}", whole.stderr);
    assert_eq!(walrus(&env), 100);
}

#[test]
fn the_summary_names_the_types_it_skipped() {
    // A folder of web pages saved as `.shtml` indexes nothing: the summary
    // says which types it passed over, so the user knows what to rename.
    let env = Env::new();
    for name in ["a.shtml", "b.shtml", "c.shtml", "d.xml", "e", "README.md"] {
        env.write(name, "<p>Putin met Aliyev in Baku.</p>");
    }
    let run = env.run(&["index", "corpus"]);
    assert!(
        run.stderr
            .contains("6 of unknown type skipped (.shtml 3, .xml 1, README 1, no extension 1)"),
        "{}",
        run.stderr
    );
}

/// A mistyped `--index` that names a folder of the user's own files is
/// refused, for searching and indexing alike, and nothing is written there.
#[test]
fn a_folder_of_other_files_is_no_index() {
    let env = Env::new();
    env.write("a.txt", "Walrus\n\nThe walrus slept.\n");
    let notes = env.root().join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    std::fs::write(notes.join("meta.json"), "{\"mine\": true}").unwrap();
    std::fs::write(notes.join("todo.md"), "call the desk\n").unwrap();
    for args in [
        vec!["search", "walrus", "--index", "notes"],
        vec!["index", "corpus", "--index", "notes"],
    ] {
        let run = env.run(&args);
        assert_eq!(run.status, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("no newsdex index") && run.stderr.contains("todo.md"),
            "{}",
            run.stderr
        );
    }
    assert_eq!(
        std::fs::read_to_string(notes.join("meta.json")).unwrap(),
        "{\"mine\": true}"
    );
    // A new folder, or the repository's index/ with its .gitignore, is fine.
    std::fs::create_dir_all(env.root().join("fresh")).unwrap();
    std::fs::write(env.root().join("fresh/.gitignore"), "*\n").unwrap();
    let run = env.run(&["index", "corpus", "--index", "fresh"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
}

/// A file given as `--index` (the corpus's `news.jsonl`, say) was "no
/// index at news.jsonl: build it with `newsdex index FOLDER --index
/// news.jsonl`", which then failed with "File exists".
#[test]
fn a_file_is_no_index_folder() {
    let env = Env::new();
    env.write(
        "news.jsonl",
        "{\"title\": \"Walrus\", \"text\": \"The walrus slept.\"}\n",
    );
    for args in [
        vec!["search", "walrus", "--index", "corpus/news.jsonl"],
        vec!["show", "news.jsonl", "--index", "corpus/news.jsonl"],
    ] {
        let run = env.run(&args);
        assert_eq!(run.status, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("corpus/news.jsonl is a file, not an index folder")
                && !run.stderr.contains("build it"),
            "{args:?}: {}",
            run.stderr
        );
    }
}
