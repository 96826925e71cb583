//! Hostile input: every broken file gets a one-line warning naming it, the
//! rest of the corpus is indexed, and the summary counts the failures.

use crate::harness::Env;

/// What must happen to one file.
struct Case {
    file: &'static str,
    bytes: Vec<u8>,
    /// A piece of the warning about this file, if it gets one.
    warning: Option<&'static str>,
    /// A word that must be searchable afterwards, if the file is indexed.
    word: Option<&'static str>,
}

fn case(
    file: &'static str,
    bytes: impl Into<Vec<u8>>,
    warning: Option<&'static str>,
    word: Option<&'static str>,
) -> Case {
    Case {
        file,
        bytes: bytes.into(),
        warning,
        word,
    }
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

#[test]
fn broken_files_warn_and_everything_else_is_indexed() {
    let deep_json = "[".repeat(100_000) + &"]".repeat(100_000);
    let huge_line = "The capybara grazed. ".repeat(150_000); // about 3 MB on one line
    let cases = [
        case(
            "good.txt",
            "Good title\n\nThe walrus slept.\n",
            None,
            Some("walrus"),
        ),
        case(
            "invalid-utf8.txt",
            b"The narwhal \xff\xfe surfaced.\n".to_vec(),
            Some("decoded as"),
            Some("narwhal"),
        ),
        case(
            "stray-byte.txt",
            b"The gecko of Z\xc3\xbcrich \xe2\x80\x94 \xff rested.\n".to_vec(),
            Some("not valid UTF-8 in 1 place (line 1); read as UTF-8"),
            Some("Zürich"),
        ),
        case(
            "latin1.txt",
            b"Caf\xe9 owner saw a pelican in M\xfcnchen.\n".to_vec(),
            Some("decoded as"),
            Some("pelican"),
        ),
        case(
            "utf16-meta.html",
            b"<meta charset=\"utf-16\"><p>The marmot ate cr\xe8me br\xfbl\xe9e.</p>".to_vec(),
            Some("not valid UTF-8; decoded as windows-1252"),
            Some("marmot"),
        ),
        case(
            "utf16.txt",
            utf16le("The ocelot escaped from the zoo.\n"),
            None,
            Some("ocelot"),
        ),
        case(
            "utf16-cyrillic.txt",
            "Капибара спала у реки.\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
            Some("no byte order mark; decoded as UTF-16LE"),
            Some("капибара"),
        ),
        case(
            "nul.txt",
            b"The lynx\0\0\0 prowled.\0\0".to_vec(),
            Some("binary"),
            None,
        ),
        case("empty.txt", "", Some("empty"), None),
        case(
            "huge-line.txt",
            huge_line,
            Some("only the first"),
            Some("capybara"),
        ),
        case(
            "malformed.html",
            "<html><body><p>The quokka <b>smiled <i>widely</p></div></span><p>again",
            None,
            Some("quokka"),
        ),
        case(
            "types.json",
            r#"[{"title": 5, "body": 12}, {"title": "Ok", "body": "The tapir swam."}]"#,
            Some("record"),
            Some("tapir"),
        ),
        case("deep.json", deep_json, Some("recursion limit"), None),
        case(
            "broken-record.json",
            "[\n  {\"text\": \"The emu ran.\"},\n  {\"text\": The yak},\n  {\"text\": \"The gnu grazed.\"},\n]\n",
            Some("broken-record.json:3: record 1: invalid JSON"),
            Some("gnu"),
        ),
        case(
            "feed.jsonl",
            "{\"text\": \"The okapi hid.\"}\n{broken\n{\"text\": \"The dingo ran.\"}\n",
            Some("feed.jsonl:2:"),
            Some("dingo"),
        ),
    ];
    let env = Env::new();
    for c in &cases {
        env.write(c.file, &c.bytes);
    }
    #[cfg(unix)]
    std::os::unix::fs::symlink(env.corpus_path(""), env.corpus_path("loop")).unwrap();

    let run = env.run(&["index", "corpus", "--max-file-size", "500000"]);
    assert_eq!(
        run.status, 3,
        "exit 3: finished, some files skipped\n{}",
        run.stderr
    );
    for c in &cases {
        let lines: Vec<&str> = run.stderr.lines().filter(|l| l.contains(c.file)).collect();
        match c.warning {
            Some(piece) => {
                assert!(
                    lines.iter().any(|l| l.contains(piece)),
                    "{}: wanted a warning with {piece:?}:\n{}",
                    c.file,
                    run.stderr
                )
            }
            None => assert!(
                lines.is_empty(),
                "{}: no warning expected:\n{}",
                c.file,
                run.stderr
            ),
        }
        if let Some(word) = c.word {
            assert!(
                env.hit_files(word, &[]).iter().any(|f| f == c.file),
                "{}: {word} not found",
                c.file
            );
        }
    }
    assert!(
        run.stderr.lines().all(|l| l.starts_with("newsdex: ")),
        "one line each:\n{}",
        run.stderr
    );
    #[cfg(unix)]
    assert!(
        run.stderr.contains("loop"),
        "symlink loop reported:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("1 file failed"),
        "the binary file skipped whole:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("14 warnings"),
        "every warning counted:\n{}",
        run.stderr
    );
}

#[test]
fn an_unreadable_file_is_reported() {
    let env = Env::new();
    env.write("good.txt", "The walrus slept.\n")
        .write("secret.txt", "The narwhal hid.\n");
    let secret = env.corpus_path("secret.txt");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    if std::fs::read(&secret).is_ok() {
        // Running as root (or on a system without permissions): every file
        // is readable, so there is nothing to refuse.
        return;
    }
    let run = env.run(&["index", "corpus"]);
    assert_eq!(run.status, 3, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("secret.txt: permission denied: newsdex may not read it"),
        "{}",
        run.stderr
    );
    assert_eq!(env.hit_files("walrus", &[]), ["good.txt"]);
}

/// An export's metadata of an unexpected type costs that field, not the
/// story; mongoexport's `_id` object is its id, and a WordPress `author`
/// user number is no name, without a warning on every record.
#[test]
fn a_record_keeps_its_text_when_metadata_has_another_type() {
    let env = Env::new();
    env.write(
        "mongo.jsonl",
        concat!(
            r#"{"_id":{"$oid":"65a1f0c2e4b0a1b2c3d4e5f6"},"title":"Crash in Baku","body":"The plane crashed near Baku."}"#,
            "\n",
            r#"{"title":"Storm","body":42}"#,
            "\n",
        ),
    )
    .write(
        "wp.json",
        r#"[{"id":12,"title":"Storm in Oslo","content":"A storm struck Oslo.","author":7,"url":{"href":"x"}}]"#,
    );
    let run = env.run(&["index", "corpus"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("`_id`"), "{}", run.stderr);
    assert!(!run.stderr.contains("`author`"), "{}", run.stderr);
    assert!(run.stderr.contains("`url` is an object"), "{}", run.stderr);
    assert!(run.stderr.contains("`body` is a number"), "{}", run.stderr);
    assert_eq!(env.hit_files("Baku", &[]), ["mongo.jsonl"]);
    assert_eq!(env.hit_files("Oslo", &[]), ["wp.json"]);
    assert!(env.hit_files("Storm -Oslo", &[]).is_empty());
}

/// Escape sequences in a scraped page must not reach the terminal: they
/// recolour it, retitle its window or clear it.
#[test]
fn control_characters_in_articles_are_not_printed() {
    let env = Env::new();
    env.write(
        "esc.txt",
        "Title \u{1b}[2J here\rEvil \u{202e}txt.exe\n\nThe minister of Zork\u{1b}[2J \u{1b}[31mRED\u{1b}[0m said sanctions\u{1b}]0;pwned\u{7} would follow in the 1990s and in the 1990s.\rOverwritten\u{2028}line\n",
    );
    env.index();
    let obeyed = |c: char| (c.is_control() && c != '\n') || matches!(c, '\u{2028}' | '\u{202e}');
    let entities = env.run(&["entities", "--index", "index"]);
    assert!(!entities.stdout.contains(obeyed), "{:?}", entities.stdout);
    for args in [
        &["search", "sanctions", "--index", "index"][..],
        &["show", "corpus/esc.txt", "--index", "index"],
    ] {
        let run = env.run(args);
        assert_eq!(run.status, 0, "{}", run.stderr);
        assert!(!run.stdout.contains(obeyed), "{args:?}: {:?}", run.stdout);
        assert!(run.stdout.contains("sanctions"), "{}", run.stdout);
        assert!(
            run.stdout.contains("dates 1990s\n"),
            "{args:?}: {}",
            run.stdout
        );
    }
}

/// A file named with a line break or an escape sequence is warned about in
/// one line that names it, and the terminal is sent no escape: the name
/// cannot forge a warning of its own or recolour the screen.
#[cfg(unix)]
#[test]
fn a_warning_is_one_line_whatever_the_file_is_named() {
    let env = Env::new();
    env.write("good.txt", "The walrus slept.\n")
        .write("evil\nnewsdex: warning: fake.json", "{\"text\": ")
        .write("red\u{1b}[31m.json", "{\"text\": ");
    let run = env.run(&["index", "corpus"]);
    assert_eq!(run.status, 3, "{}", run.stderr);
    assert!(
        run.stderr.lines().all(|l| l.starts_with("newsdex: ")),
        "one line each:\n{}",
        run.stderr
    );
    assert!(
        !run.stderr
            .lines()
            .any(|l| l.starts_with("newsdex: warning: fake.json")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("corpus/evil\\nnewsdex: warning: fake.json:1: invalid JSON")
    );
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
    assert!(
        run.stderr
            .contains("corpus/red\\u{1b}[31m.json:1: invalid JSON")
    );
}

/// A file saved by classic Mac OS ends its lines in a carriage return
/// alone: its title, its paragraphs and their lines are those an editor
/// shows, and `show PATH:LINE` finds the passage search printed.
#[test]
fn lines_ending_in_a_carriage_return_alone_are_lines() {
    let env = Env::new();
    env.write(
        "mac.txt",
        "Storm title\r\rThe walrus slept.\r\rThe narwhal woke.\r",
    );
    env.index();
    let hits = env.hits("narwhal", &[]);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["title"], "Storm title");
    assert_eq!(hits[0]["line"], 5);
    assert_eq!(hits[0]["text"], "The narwhal woke.");
    let show = [
        "show",
        "corpus/mac.txt:5",
        "--context",
        "0",
        "--index",
        "index",
    ];
    let run = env.run(&show);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("narwhal"), "{}", run.stdout);
    assert!(!run.stdout.contains("walrus"), "{}", run.stdout);
}

#[test]
fn a_json_array_over_the_size_limit_keeps_its_complete_records() {
    let env = Env::new();
    let records: Vec<String> = (0..50)
        .map(|n| {
            format!(
                r#"{{"id": "r{n}", "title": "Story {n}", "text": "The walrus number {n} swam past the harbour of Lisbon today."}}"#
            )
        })
        .collect();
    let array = format!("[{}]", records.join(", "));
    assert!(array.len() > 5000);
    env.write("dump.json", &array);
    let run = env.run(&["index", "corpus", "--max-file-size", "3000"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let kept = array[..3000].matches("}, ").count();
    let warning =
        format!("only its first {kept} records loaded (--max-file-size raises the limit)");
    assert_eq!(
        run.stderr.matches("dump.json").count(),
        1,
        "one warning: {}",
        run.stderr
    );
    assert!(run.stderr.contains(&warning), "{warning}: {}", run.stderr);
    assert!(
        run.stderr.contains(&format!("{kept} articles")),
        "{}",
        run.stderr
    );
    let hits = env.hits("walrus", &["--limit", "100", "--no-collapse"]);
    assert_eq!(hits.len(), kept);
}

#[test]
fn files_without_text_are_warned_about_and_are_no_articles() {
    let env = Env::new();
    env.write(
        "scripts.html",
        "<html><head><script>var x=\"Barack Obama\";</script><style>p{}</style></head><body><!-- Merkel --></body></html>",
    )
    .write("emptybody.html", "<html><body></body></html>")
    .write("emptyarray.json", "[]")
    .write("frontmatter.md", "---\n---\n")
    .write("story.txt", "Storm\n\nHeavy rain fell.\n");
    let run = env.index();
    for file in [
        "scripts.html",
        "emptybody.html",
        "emptyarray.json",
        "frontmatter.md",
    ] {
        let line = format!("corpus/{file}: no text; nothing to index");
        assert_eq!(
            run.stderr.matches(&line).count(),
            1,
            "{line}: {}",
            run.stderr
        );
    }
    assert!(run.stderr.contains("1 articles"), "{}", run.stderr);
    assert!(run.stderr.contains("4 warnings"), "{}", run.stderr);
    // They are not read again, nor warned about again.
    let again = env.index();
    assert!(again.stderr.contains("5 unchanged"), "{}", again.stderr);
    assert!(again.stderr.contains("0 warnings"), "{}", again.stderr);
}

#[test]
fn utf32_files_with_a_bom_are_decoded() {
    let env = Env::new();
    let text = "Zürich news\n\nThe walrus swam past Zürich.\n";
    let le: Vec<u8> = [0xFF, 0xFE, 0, 0]
        .into_iter()
        .chain(text.chars().flat_map(|c| u32::from(c).to_le_bytes()))
        .collect();
    let be: Vec<u8> = [0, 0, 0xFE, 0xFF]
        .into_iter()
        .chain(text.chars().flat_map(|c| u32::from(c).to_be_bytes()))
        .collect();
    env.write("le.txt", le).write("be.txt", be);
    let run = env.index();
    assert!(run.stderr.contains("0 warnings"), "{}", run.stderr);
    let hits = env.hits("walrus", &["--no-collapse"]);
    assert_eq!(hits.len(), 2);
    for hit in hits {
        assert_eq!(hit["title"], "Zürich news");
        assert_eq!(hit["text"], "The walrus swam past Zürich.");
    }
}
