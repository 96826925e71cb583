//! `newsdex search`: ranking, filters, output formats, exit codes.

use crate::harness::{Env, context_texts};

const SEED: &str = include_str!("../fixtures/seed.txt");

#[test]
fn hits_are_ranked_passages_with_every_field() {
    let env = Env::new();
    env.write("seed/2024-12-30/aliyev.txt", SEED)
        .write("other.txt", "Markets rose on Tuesday.\n");
    env.index();
    let hits = env.hits("Aliyev", &[]);
    assert!(hits.len() >= 3, "{hits:?}");
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "ranked by score: {scores:?}"
    );
    let hit = &hits[0];
    for key in [
        "score",
        "path",
        "title",
        "url",
        "published",
        "passage",
        "line",
        "text",
        "snippet",
        "highlights",
        "entities",
        "dates",
    ] {
        assert!(hit.get(key).is_some(), "missing {key}: {hit}");
    }
    assert_eq!(hit["published"], "2024-12-30", "date from the path");
    let text = hit["text"].as_str().unwrap();
    let highlight = &hit["highlights"][0];
    let (start, end) = (
        highlight["start"].as_u64().unwrap() as usize,
        highlight["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "Aliyev");
}

#[test]
fn title_matches_rank_first() {
    let env = Env::new();
    env.write(
        "a.txt",
        "Walrus returns\n\nA large animal came back to the bay.\n",
    )
    .write(
        "b.txt",
        "Harbour news\n\nA walrus was seen near the harbour among the boats.\n",
    );
    env.index();
    assert_eq!(env.hit_files("walrus", &[]), ["a.txt", "b.txt"]);
}

/// Unquoted words each match anywhere in a passage; a passage holding them
/// together, in order, ranks above one that scatters them, even where the
/// scattered one repeats a word. The phrase adds no match of its own.
#[test]
fn words_standing_together_rank_first() {
    let env = Env::new();
    env.write(
        "apart.txt",
        "Weekend roundup\n\nA plane was delayed at the airport. Later a crash on the \
         motorway, and another crash near the bridge, closed two roads in the centre of \
         England, and the bank holiday traffic did not ease until the evening.\n",
    )
    .write(
        "together.txt",
        "Weekend roundup\n\nThe plane crash near the coast was the first in the region \
         for a decade, officials said. The Bank of England said markets were calm.\n",
    )
    .write(
        "plane.txt",
        "Weekend roundup\n\nA plane landed on the beach.\n",
    );
    env.index();
    // (query, the file ranked higher, the file ranked lower)
    let cases = [
        ("plane crash", "together.txt", "apart.txt"),
        ("bank of england", "together.txt", "apart.txt"),
    ];
    for (query, higher, lower) in cases {
        assert_eq!(env.hit_files(query, &[]), [higher, lower], "{query}");
    }
}

#[test]
fn all_words_must_match_unless_or_is_given() {
    let env = Env::new();
    env.write("a.txt", "The plane crash shocked Baku.\n")
        .write("b.txt", "The plane landed safely.\n")
        .write("c.txt", "The plane was delayed.\n");
    env.index();
    assert_eq!(env.hit_files("plane crash", &[]), ["a.txt"]);
    // OR joins the words beside it: (crash OR landed) plane.
    let mut either = env.hit_files("crash OR landed plane", &[]);
    either.sort();
    assert_eq!(either, ["a.txt", "b.txt"]);
    assert_eq!(env.hit_files("crash OR landed", &[]).len(), 2);
    assert_eq!(env.hit_files("plane -crash -delayed", &[]), ["b.txt"]);
    assert_eq!(env.hit_files("\"plane landed\"", &[]), ["b.txt"]);
}

/// A phrase typed with typographic quotes (a word processor's, a
/// phone's) is the phrase, not its words anywhere.
#[test]
fn typographic_quotes_make_a_phrase() {
    let env = Env::new();
    env.write("a.txt", "The plane landed safely.\n")
        .write("b.txt", "The plane was delayed but landed.\n");
    env.index();
    assert_eq!(env.hit_files("“plane landed”", &[]), ["a.txt"]);
    assert_eq!(env.hit_files("„plane landed“", &[]), ["a.txt"]);
    let hits = env.hits("“plane landed”", &[]);
    assert_eq!(highlighted(&hits[0]), ["plane landed"]);
}

#[test]
fn apostrophes_and_non_latin_text_search_like_any_word() {
    let env = Env::new();
    let chinese = format!(
        "中文新闻\n\n{}上海，{}\n",
        "国务院总理今天在人民大会堂会见了来访的外国代表团。".repeat(3),
        "会议强调要进一步扩大对外开放，推动高质量发展。".repeat(4)
    );
    env.write("a.txt", "Reagan's budget was cut by O'Brien's committee.\n")
        .write("b.txt", "The budget was cut.\n")
        .write("tr.txt", "Talks in İstanbul with İlham Əliyev.\n")
        // Decomposed, as macOS writes it: "u" and a combining diaeresis.
        .write("nfd.txt", "Bankers met in Zu\u{308}rich.\n")
        // Decomposed Cyrillic and Greek, whose accents folding keeps.
        .write(
            "nfd-ru.txt",
            "Пе\u{308}тр Чаи\u{306}ковский в Αθη\u{301}να.\n",
        )
        .write(
            "ka.txt",
            "დამოუკიდებლობის დღე. Несанкционированного доступа.\n",
        )
        .write("zh.txt", chinese)
        .write("hi.txt", "नई दिल्ली में प्रधानमंत्री ने भाषण दिया।\n")
        .write("ru.txt", "Владимир Путин встретился с Алиевым в Баку.\n")
        // Vowelled Arabic, as a quotation or a name may be written.
        .write(
            "ar.txt",
            "قالَ الرَّئيسُ مُحَمَّد في دمشق، والتقى أحمد في القاهرة.\n",
        );
    env.index();
    let cases = [
        ("Reagan's budget", "a.txt"),
        ("O'Brien", "a.txt"),
        ("title:O'Brien OR O'Brien", "a.txt"),
        ("Istanbul", "tr.txt"),
        ("İSTANBUL", "tr.txt"),
        ("\"Ilham Aliyev\"", "tr.txt"),
        ("დამოუკიდებლობის", "ka.txt"),
        ("несанкционированного", "ka.txt"),
        ("Zürich", "nfd.txt"),
        ("Zurich", "nfd.txt"),
        ("Zu\u{308}rich", "nfd.txt"),
        ("\"Пётр Чайковский\"", "nfd-ru.txt"),
        ("Αθήνα", "nfd-ru.txt"),
        ("प्रधानमंत्री", "hi.txt"),
        ("\"नई दिल्ली\"", "hi.txt"),
        ("प्रधानमंत्र~1", "hi.txt"),
        ("محمد", "ar.txt"),
        ("\"الرئيس محمد\"", "ar.txt"),
        ("مُحَمَّد", "ar.txt"),
        // Letters news writes more than one way: the hamza on the alef,
        // the teh marbuta.
        ("احمد", "ar.txt"),
        ("القاهره", "ar.txt"),
        // Words take their language's endings off: "to Putin", "Aliyev"
        // in the instrumental, "and Cairo", "of Athens".
        ("Путину", "ru.txt"),
        ("Алиев", "ru.txt"),
        ("والقاهرة", "ar.txt"),
        ("Αθήνας", "nfd-ru.txt"),
    ];
    for (query, file) in cases {
        assert_eq!(env.hit_files(query, &[]), [file], "{query}");
    }
    // A virama joins the letters of one word: "री" ends "प्रधानमंत्री" and
    // is no word of its own.
    assert!(env.hit_files("री", &[]).is_empty());
    // Messages repeat such a word as it was typed, not escaped mark by mark.
    let missing = env.run(&["search", "मंत्रीजी", "--index", "index"]);
    assert!(
        missing.stderr.contains("no passage matches \"मंत्रीजी\""),
        "{}",
        missing.stderr
    );
    assert_eq!(env.hit_files("上海", &[]), ["zh.txt"]);
    // The highlight holds the whole decomposed word, its accent too.
    assert_eq!(highlighted(&env.hits("Zürich", &[])[0]), ["Zu\u{308}rich"]);
}

/// News writes one word with punctuation in it and without: Reuters "U.S."
/// and "G-7", the BBC "US" and "G7"; "Wal-Mart" and "WalMart", "e-mail" and
/// "email". A word typed either way finds both, and highlights what it
/// found: `US trade deficit` found 37 passages of BBC and Reuters news,
/// `U.S. trade deficit` 306, and neither the other's.
#[test]
fn a_word_is_found_with_and_without_the_punctuation_in_it() {
    let env = Env::new();
    env.write(
        "reuters.txt",
        "The U.S. trade deficit widened after the G-7 meeting.\n",
    )
    .write(
        "bbc.txt",
        "The US trade deficit narrowed before the G7 meeting.\n",
    )
    .write(
        "shops.txt",
        "Wal-Mart opened a store; WalMart staff sent e-mail.\n",
    )
    .write("mail.txt", "An email reached Walmart rivals at 10am.\n")
    .write("plain.txt", "They told us about the meeting at ten.\n");
    env.index();
    let both = ["bbc.txt", "reuters.txt"];
    let cases: &[(&str, &[&str])] = &[
        ("US trade deficit", &both),
        ("U.S. trade deficit", &both),
        ("G7 meeting", &both),
        ("G-7 meeting", &both),
        ("WalMart", &["mail.txt", "shops.txt"]),
        ("Wal-Mart", &["mail.txt", "shops.txt"]),
        ("e-mail", &["mail.txt", "shops.txt"]),
        ("10am", &["mail.txt"]),
        // Typed in lower case, a word is only itself.
        ("us", &["bbc.txt", "plain.txt"]),
        ("email", &["mail.txt"]),
        ("US -G7", &["plain.txt"]),
    ];
    for (query, files) in cases {
        let mut found = env.hit_files(query, &[]);
        found.sort();
        assert_eq!(found, *files, "{query}");
    }
    let hit = &env
        .hits("US", &[])
        .into_iter()
        .find(|h| h["path"] == "corpus/reuters.txt")
        .unwrap();
    assert_eq!(highlighted(hit), ["U.S"]);
}

/// A country's name finds its adjective and back: `Iraq election` missed
/// the stories about "the Iraqi election" (on BBC and Reuters news,
/// `Chinese exports` found 38 passages, now 194 with "China's exports").
/// The word as typed ranks first; quoted, or a common word in lower case
/// ("turkey"), it is only itself.
#[test]
fn a_country_finds_its_adjective_and_back() {
    let env = Env::new();
    env.write(
        "iraqi.txt",
        "Iraqi voters went to the polls in the election.\n",
    )
    .write(
        "iraq.txt",
        "Voters in Iraq went to the polls in the election.\n",
    )
    .write("dutch.txt", "Dutch exports of flowers rose sharply.\n")
    .write("holland.txt", "Exports from Holland fell.\n")
    .write("bird.txt", "Exports of turkey meat fell.\n")
    .write("figs.txt", "Turkish figs sold well.\n");
    env.index();
    let cases: &[(&str, &[&str])] = &[
        ("Iraq election", &["iraq.txt", "iraqi.txt"]),
        ("Iraqi election", &["iraqi.txt", "iraq.txt"]),
        ("iraq", &["iraq.txt", "iraqi.txt"]),
        ("\"Iraq\" election", &["iraq.txt"]),
        ("Dutch exports", &["dutch.txt", "holland.txt"]),
        ("Netherlands", &["dutch.txt"]),
        ("Turkey", &["bird.txt", "figs.txt"]),
        ("turkey", &["bird.txt"]),
        ("Iraq -Iraqi", &[]),
    ];
    for (query, files) in cases {
        assert_eq!(env.hit_files(query, &[]), *files, "{query}");
    }
    let hit = &env.hits("Iraq", &[])[1];
    assert_eq!(highlighted(hit), ["Iraqi"]);
}

/// `WHO` is the World Health Organization, not "who": a word typed in
/// capitals that news mostly writes in lower case is looked for where it
/// stands in capitals (on BBC and Reuters news, `WHO` listed 3,301
/// passages, now 22; `IT` 34,145, now 30). A name news writes either way
/// is either (`OPEC` finds "Opec"), and a headline in capitals says
/// nothing of a word's case.
#[test]
fn a_word_typed_in_capitals_is_sought_in_capitals_when_news_mostly_writes_it_lower() {
    let env = Env::new();
    env.write("who.txt", "The WHO warned of a flu pandemic.\n")
        .write("minister.txt", "The minister who resigned spoke.\n")
        .write(
            "officials.txt",
            "Officials who met agreed on the pandemic.\n",
        )
        .write(
            "headline.txt",
            "WHO WILL PAY\n\nNobody knows who will pay.\n",
        )
        .write("opec.txt", "OPEC ministers met in Vienna.\n")
        .write(
            "opec-bbc.txt",
            "Oil prices fell as the Opec cartel argued.\n",
        );
    env.index();
    let cases: &[(&str, &[&str])] = &[
        ("WHO", &["who.txt"]),
        ("WHO pandemic", &["who.txt"]),
        ("title:WHO", &[]),
        ("pandemic -WHO", &["officials.txt"]),
        ("OPEC", &["opec.txt", "opec-bbc.txt"]),
        ("Opec", &["opec.txt", "opec-bbc.txt"]),
    ];
    for (query, files) in cases {
        assert_eq!(env.hit_files(query, &[]), *files, "{query}");
    }
    // Typed with caps lock, a name the tagger finds is the name.
    env.write("talks.txt", "The talks in Vienna went on.\n")
        .write("caps.txt", "Ministers left VIENNA on Monday.\n");
    env.index();
    assert_eq!(env.hit_files("VIENNA", &[]).len(), 3);
    let mut lower = env.hit_files("who", &[]);
    lower.sort();
    assert_eq!(
        lower,
        ["headline.txt", "minister.txt", "officials.txt", "who.txt"]
    );
    assert_eq!(highlighted(&env.hits("WHO", &[])[0]), ["WHO"]);
}

/// Runs of these scripts have no spaces between words; one over 13
/// characters was dropped from the index, and a word inside a shorter one
/// was never found.
#[test]
fn chinese_japanese_and_korean_words_inside_long_runs_are_found_and_highlighted() {
    let env = Env::new();
    env.write(
        "zh.txt",
        "新闻\n\n国务院总理今天在人民大会堂会见了来访的外国代表团，上海市政府宣布将进一步扩大对外开放。\n",
    )
    .write(
        "ja.txt",
        "ニュース\n\n日本銀行は金融政策決定会合で政策金利を据え置くことを決めた。インフレ率は上昇した。\n",
    )
    .write("ko.txt", "뉴스\n\n서울에서 열린 정상회담에서 합의했다.\n")
    .write(
        "date.txt",
        "日付\n\n政府は2024年12月30日（月曜日）に今年第3四半期の統計を発表した。\n",
    )
    .write("en.txt", "News\n\nThe People's Congress met in Beijing.\n");
    env.index();
    let cases: [(&str, &str, &[&str]); 14] = [
        ("人民大会堂", "zh.txt", &["人民大会堂"]),
        ("上海", "zh.txt", &["上海"]),
        ("外国代表团 会见", "zh.txt", &["会见", "外国代表团"]),
        ("\"上海 市政府\"", "zh.txt", &["上海市政府"]),
        ("政策金利", "ja.txt", &["政策金利"]),
        ("インフレ", "ja.txt", &["インフレ"]),
        ("日本銀行 -経済", "ja.txt", &["日本銀行"]),
        ("서울", "ko.txt", &["서울"]),
        ("회담", "ko.txt", &["회담"]),
        ("Beijing", "en.txt", &["Beijing"]),
        // One character between digits, or at a run's edge; the word is
        // highlighted where it stands whole, not at each `月` and `日`.
        ("12月30日", "date.txt", &["12月30日"]),
        ("第3四半期", "date.txt", &["第3四半期"]),
        ("堂", "zh.txt", &["堂"]),
        // A fuzzy pair matches as it is, not each of its characters.
        ("上海~1", "zh.txt", &["上海"]),
    ];
    for (query, file, highlights) in cases {
        let hits = env.hits(query, &[]);
        assert_eq!(hits.len(), 1, "{query}: {hits:?}");
        assert!(hits[0]["path"].as_str().unwrap().ends_with(file), "{query}");
        assert_eq!(highlighted(&hits[0]), highlights, "{query}");
    }
    // Every character must stand where the query has it.
    for query in ["人民日报", "上海市北京", "\"政府 上海\"", "銀行日本"] {
        assert_eq!(env.hits(query, &[]).len(), 0, "{query}");
    }
    // A one-letter fuzzy word is one edit from the "s" of "People's" and
    // the "3" of the date, not from every character of these scripts.
    let mut files = env.hit_files("x~1", &[]);
    files.sort();
    assert_eq!(files, ["date.txt", "en.txt"]);
}

/// Thai, Lao, Khmer and Myanmar put no spaces between words either, and
/// their tone marks and viramas are no letters to Unicode: words inside a
/// run, and words with such marks, were never found.
#[test]
fn thai_khmer_and_myanmar_words_inside_runs_are_found_and_highlighted() {
    let env = Env::new();
    env.write(
        "th.txt",
        "ข่าว\n\nนายกรัฐมนตรีเดินทางไปเชียงใหม่เมื่อวันจันทร์ ประชาชนที่กรุงเทพมหานครรอต้อนรับ\n",
    )
    .write("km.txt", "ព័ត៌មាន\n\nរដ្ឋាភិបាលនៅភ្នំពេញបានប្រកាស\n")
    .write("my.txt", "သတင်း\n\nရန်ကုန်မြို့တွင်အစည်းအဝေးကျင်းပခဲ့သည်\n");
    env.index();
    let cases: [(&str, &str, &[&str]); 6] = [
        ("เชียงใหม่~1", "th.txt", &["เชียงใหม่"]),
        ("เชียงใหม่", "th.txt", &["เชียงใหม่"]),
        ("กรุงเทพ", "th.txt", &["กรุงเทพ"]),
        ("นายกรัฐมนตรี เชียงใหม่", "th.txt", &["นายกรัฐมนตรี", "เชียงใหม่"]),
        ("ភ្នំពេញ", "km.txt", &["ភ្នំពេញ"]),
        ("ရန်ကုန်", "my.txt", &["ရန်ကုန်"]),
    ];
    for (query, file, highlights) in cases {
        let hits = env.hits(query, &[]);
        assert_eq!(hits.len(), 1, "{query}: {hits:?}");
        assert!(hits[0]["path"].as_str().unwrap().ends_with(file), "{query}");
        assert_eq!(highlighted(&hits[0]), highlights, "{query}");
    }
    for query in ["เชียงราย", "ភ្នំក្រោម"] {
        assert_eq!(env.hits(query, &[]).len(), 0, "{query}");
    }
}

#[test]
fn jsonl_prints_one_hit_per_line() {
    let env = Env::new();
    env.write("a.txt", "Title\n\nWalrus one.\n\nWalrus two, again.\n");
    env.index();
    let run = env.run(&["search", "walrus", "--format", "jsonl", "--index", "index"]);
    assert_eq!(run.status, 0);
    let lines = run.json_lines();
    assert_eq!(lines.len(), 2);
    assert!(
        lines
            .iter()
            .all(|l| l["text"].as_str().unwrap().starts_with("Walrus"))
    );
}

/// Every JSON Lines output breaks only at its newlines, for any reader:
/// U+2028 and U+2029 (pasted from web pages) and U+0085 (NEL, in text
/// decoded from Latin-1 files) are valid raw in JSON, but Python's
/// `str.splitlines()`, a notebook's usual way to read a command's output,
/// ends a line at each, and a record cut there is no JSON.
#[test]
fn json_lines_break_only_at_their_newlines() {
    let env = Env::new();
    let text = "Walrus\u{2028}one\u{2029}two\u{85}three.";
    env.write(
        "a.jsonl",
        format!(
            "{}\n",
            serde_json::json!({"title": "Walrus\u{2028}news", "text": text})
        ),
    );
    env.index();
    let outputs = [
        env.run(&["search", "walrus", "--format", "jsonl", "--index", "index"]),
        env.run(&["extract", "corpus/a.jsonl"]),
        env.run(&[
            "export", "--format", "quickwit", "--index", "index", "--out", "-",
        ]),
        env.run(&[
            "export",
            "--format",
            "elasticsearch",
            "--index",
            "index",
            "--out",
            "-",
        ]),
    ];
    for run in &outputs {
        assert_eq!(run.status, 0, "{}", run.stderr);
        assert!(
            !run.stdout.contains(['\u{2028}', '\u{2029}', '\u{85}']),
            "a line splitter cuts {:?}",
            run.stdout
        );
        assert!(!run.json_lines().is_empty());
    }
    // The characters are kept, escaped.
    assert_eq!(outputs[0].json_lines()[0]["text"], text);
    assert_eq!(outputs[2].json_lines()[0]["text"], text);
}

/// `--context` as large as it parses lists the whole article around the
/// hit: the number of passages to fetch overflowed, and the search
/// panicked ("capacity overflow").
#[test]
fn a_huge_context_lists_the_article_without_panicking() {
    let env = Env::new();
    env.write(
        "a.txt",
        "Walrus\n\nFirst the boats came.\n\nA walrus was seen.\n\nThen it left.\n",
    );
    env.index();
    for context in ["18446744073709551615", "9223372036854775808", "1"] {
        let hits = env.hits("walrus", &["--context", context]);
        let hit = hits
            .iter()
            .find(|h| h["text"] == "A walrus was seen.")
            .unwrap_or_else(|| panic!("--context {context}: {hits:?}"));
        let around = context_texts(hit);
        assert_eq!(
            around,
            ["First the boats came.", "Then it left."],
            "{context}"
        );
    }
}

/// `--context 1 --format csv` printed the default columns, without the
/// neighbouring passages asked for: the flag did nothing. The passages
/// were then joined with "; ", which a passage may hold itself.
#[test]
fn csv_lists_the_context_asked_for() {
    let env = Env::new();
    env.write(
        "a.txt",
        "Walrus\n\nFirst the boats came; then the nets.\n\nA walrus was seen.\n\nThen it left.\n",
    );
    env.index();
    let run = env.run(&[
        "search",
        "seen",
        "--context",
        "1",
        "--format",
        "csv",
        "--index",
        "index",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(header.iter().next_back(), Some("context"), "{}", run.stdout);
    let row = reader.records().next().unwrap().unwrap();
    let passages: Vec<&str> = row[header.len() - 1].split("\n\n").collect();
    assert_eq!(
        passages,
        ["First the boats came; then the nets.", "Then it left."],
        "{}",
        run.stdout
    );
    // Without --context the columns stay as they were.
    let plain = env.run(&["search", "seen", "--format", "csv", "--index", "index"]);
    assert!(
        plain
            .stdout
            .lines()
            .next()
            .unwrap()
            .ends_with(",duplicates"),
        "{}",
        plain.stdout
    );
}

#[test]
fn limit_caps_the_hits() {
    let env = Env::new();
    env.write(
        "a.txt",
        "Title\n\nWalrus one.\n\nWalrus two, again.\n\nWalrus three, once more.\n",
    );
    env.index();
    assert_eq!(env.hits("walrus", &["--limit", "2"]).len(), 2);
    for limit in ["0", "18446744073709551615"] {
        let run = env.run(&["search", "walrus", "--limit", limit]);
        assert_eq!(run.status, 2, "--limit {limit}: {}", run.stderr);
        assert!(run.stderr.contains("1..=1000000"), "{}", run.stderr);
    }
}

#[test]
fn exit_status_tells_hits_from_none_from_errors() {
    let env = Env::new();
    env.write("a.txt", "Walrus.\n");
    env.index();
    let statuses = [
        (vec!["search", "walrus", "--index", "index"], 0),
        (vec!["search", "zebra", "--index", "index"], 1),
        (vec!["search", "title:(", "--index", "index"], 2),
        // `walr*` found nothing without a word: there are no wildcards.
        (vec!["search", "walr*", "--index", "index"], 2),
        (vec!["search", "walrus", "--index", "missing"], 2),
        (
            vec![
                "search",
                "walrus",
                "--index",
                "index",
                "--since",
                "yesterday",
            ],
            2,
        ),
    ];
    for (args, want) in statuses {
        let run = env.run(&args);
        assert_eq!(run.status, want, "{args:?}: {}", run.stderr);
        if want == 2 {
            assert!(run.stderr.starts_with("newsdex: error:"), "{}", run.stderr);
            assert!(run.stdout.is_empty());
        }
    }
}

/// When the query matches and the filters leave nothing, the message says
/// so and names the filters; a long query is not repeated whole.
#[test]
fn nothing_matched_says_whether_the_filters_left_nothing() {
    let env = Env::new();
    env.write("2024-12-30/seed.txt", SEED);
    env.index();
    let run = env.run(&[
        "search", "plane", "--person", "Medvedev", "--since", "2024-12", "--index", "index",
    ]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let message = run.stderr.trim();
    assert!(
        message.contains(
            "match \"plane\" without the filters, none with --person \"Medvedev\" --since 2024-12"
        ),
        "{message}"
    );
    let run = env.run(&["timeline", "plane", "--org", "NATO", "--index", "index"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("none with --org \"NATO\""),
        "{}",
        run.stderr
    );
    // Nothing to blame on the filters: the query matches nothing.
    let run = env.run(&["search", "zebra", "--person", "Putin", "--index", "index"]);
    assert_eq!(
        run.stderr.trim(),
        "newsdex: no passage matches \"zebra\": \"zebra\" is in no passage"
    );
    let long = vec!["zebra"; 100].join(" ");
    let run = env.run(&["search", &long, "--index", "index"]);
    assert!(
        run.stderr
            .trim()
            .ends_with("zebra ze\"…: \"zebra\" is in no passage"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_index_tells_what_to_run() {
    let env = Env::new();
    let run = env.run(&["search", "walrus", "--index", "nothing-here"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("newsdex index"), "{}", run.stderr);
}

#[test]
fn the_default_index_is_built_from_corpus_on_first_search() {
    let env = Env::new();
    env.write("a.txt", "The walrus slept.\n");
    let run = env.run(&["search", "walrus", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stderr.contains("building"), "{}", run.stderr);
    assert_eq!(run.json()["hits"].as_array().unwrap().len(), 1);
    assert!(env.root().join("index/meta.json").exists());
}

#[test]
fn a_default_index_of_an_older_newsdex_is_rebuilt_from_corpus() {
    let env = Env::new();
    env.write("a.txt", "The walrus slept.\n");
    env.index();
    env.set_commit_payload(r#"{"newsdex_schema":1,"corpus":"corpus"}"#);
    let run = env.run(&["search", "walrus", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stderr.contains("rebuilding"), "{}", run.stderr);
    assert_eq!(run.json()["hits"].as_array().unwrap().len(), 1);
}

#[test]
fn an_index_of_an_older_analysis_says_so_and_the_default_one_is_read_again() {
    let env = Env::new();
    env.write("a.txt", "The walrus slept.\n");
    env.index();
    let named = ["search", "walrus", "--index", "index"];
    assert!(!env.run(&named).stderr.contains("note"));
    env.forget_analysis_version();
    let run = env.run(&named);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("another version of newsdex") && run.stderr.contains("newsdex index "),
        "{}",
        run.stderr
    );
    // The default index of the default corpus is simply read again.
    let run = env.run(&["search", "walrus"]);
    assert!(run.stderr.contains("updating"), "{}", run.stderr);
    assert!(run.stdout.contains("walrus"), "{}", run.stdout);
    let again = env.run(&named);
    assert!(
        !again.stderr.contains("note") && !again.stderr.contains("updating"),
        "{}",
        again.stderr
    );
}

/// A date range finds every passage whose dates overlap it, and ranks
/// those that mention a day, month or year inside it first: "2024"
/// overlaps December 2024, but says nothing of what happened then.
#[test]
fn dates_inside_a_range_rank_above_dates_that_only_overlap_it() {
    let env = Env::new();
    env.write(
        "2024-12-30/year.txt",
        "Crash review\n\nThe crash review of 2024 is due.\n",
    )
    .write(
        "2024-12-30/day.txt",
        "Crash report\n\nThe report on the crash of December 25 found that the plane was hit by fire from the ground.\n",
    );
    env.index();
    const DAY_FIRST: &[&str] = &["2024-12-30/day.txt", "2024-12-30/year.txt"];
    let cases: &[(&str, &[&str], &[&str])] = &[
        // Without a range, the shorter passage ranks first on its words.
        ("crash", &[], &["2024-12-30/year.txt", "2024-12-30/day.txt"]),
        (
            "crash",
            &["--since", "2024-12-01", "--until", "2024-12-31"],
            DAY_FIRST,
        ),
        ("", &["--since", "2024-12", "--until", "2024-12"], DAY_FIRST),
        ("crash in December 2024", &[], DAY_FIRST),
    ];
    for (query, flags, want) in cases {
        let got = env.hit_files(query, flags);
        assert_eq!(got, *want, "{query:?} {flags:?}");
    }
}

#[test]
fn since_and_until_filter_on_mentioned_dates() {
    let env = Env::new();
    env.write("2024-12-30/seed.txt", SEED).write(
        "2024-12-30/other.txt",
        "Other news\n\nThe plane crash inquiry opened in March 2023.\n",
    );
    env.index();
    const BOTH: [&str; 2] = ["2024-12-30/other.txt", "2024-12-30/seed.txt"];
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["--since", "2024-12-25", "--until", "2024-12-25"],
            &["2024-12-30/seed.txt"],
        ),
        (&["--since", "2024-12"], &["2024-12-30/seed.txt"]),
        (&["--until", "2023-12-31"], &["2024-12-30/other.txt"]),
        (
            &["--since", "2023-03-15", "--until", "2023-03-15"],
            &["2024-12-30/other.txt"],
        ),
        (&["--since", "2025-01-01"], &[]),
        // A decade is looked up in the inverted index, a century in the
        // date columns: both find every mention inside.
        (&["--since", "2020", "--until", "2029"], &BOTH),
        (&["--since", "1900", "--until", "2099"], &BOTH),
    ];
    for (flags, want) in cases {
        let mut got = env.hit_files("crash", flags);
        got.sort();
        got.dedup();
        assert_eq!(&got, want, "{flags:?}");
    }
    let by_query = env.hit_files("crash date:[2024-12-25 TO 2024-12-26]", &[]);
    assert_eq!(by_query, ["2024-12-30/seed.txt"]);
    // A range with no day in it is a mistake to point out, not an empty
    // result (its month and year bounds would still match "this year").
    let reversed = env.run(&[
        "search", "crash", "--since", "2024-12", "--until", "2024-11",
    ]);
    assert_eq!(reversed.status, 2, "{}", reversed.stderr);
    assert!(reversed.stderr.contains("swap them"), "{}", reversed.stderr);
    // The query is fine: the message blames the dates, not "invalid query".
    assert!(
        reversed.stderr.contains("invalid date range") && !reversed.stderr.contains("query"),
        "{}",
        reversed.stderr
    );
    // Years the index cannot hold are refused, not an empty result.
    for range in [["1066", "1066"], ["2300", "2400"]] {
        let run = env.run(&["search", "crash", "--since", range[0], "--until", range[1]]);
        assert_eq!(run.status, 2, "{}", run.stderr);
        assert!(run.stderr.contains("from 1678 to 2261"), "{}", run.stderr);
        assert!(!run.stderr.contains("invalid query"), "{}", run.stderr);
    }
}

#[test]
fn timeline_counts_mentioned_days() {
    let env = Env::new();
    env.write("2024-12-30/seed.txt", SEED);
    env.index();
    let run = env.run(&[
        "timeline", "Aliyev", "--by", "day", "--format", "json", "--index", "index",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let buckets = run.json()["buckets"].as_array().unwrap().clone();
    let days: Vec<&str> = buckets
        .iter()
        .filter(|b| b["passages"].as_u64() > Some(0))
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        days,
        ["2024-12-25", "2024-12-29"],
        "Aliyev's passages mention December 25 and 29"
    );
}

/// A mention counts in timeline buckets at least as wide as it was
/// written, and filters find it wherever it overlaps.
#[test]
fn decades_centuries_and_quarters_count_only_in_buckets_as_wide() {
    let env = Env::new();
    env.write(
        "2025-01-05/a.txt",
        "Summit\n\nThe summit was first proposed in the 1990s.\n\nIn the 19th century nobody cared about summits.\n\nSummit talks resumed in the first quarter of 2024.\n\nThe summit was held on March 5, 2024.\n",
    );
    // Last week: 25 November to 1 December, counted in November (its
    // Thursday's month), not in both.
    env.write(
        "2024-12-04/b.txt",
        "Envoys\n\nThe summit envoys met last week.\n",
    );
    env.index();
    let labels = |by: &str| -> Vec<String> {
        let run = env.run(&[
            "timeline", "summit", "--by", by, "--format", "json", "--index", "index",
        ]);
        run.json()["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| b["passages"].as_u64() > Some(0))
            .map(|b| format!("{} {}", b["label"].as_str().unwrap(), b["passages"]))
            .collect()
    };
    assert_eq!(labels("year"), ["2024 3"]);
    assert_eq!(labels("quarter"), ["2024-Q1 2", "2024-Q4 1"]);
    assert_eq!(labels("month"), ["2024-03 1", "2024-11 1"]);
    assert_eq!(labels("week"), ["2024-W10 1", "2024-W48 1"]);
    // (since, until, passages found)
    let cases = [
        ("1995", "1995", 1),
        ("1850", "1850", 1),
        ("2024-02", "2024-02", 1),
        ("2024-03", "2024-03", 2),
        ("1700", "1799", 0),
        ("2024-12-01", "2024-12-31", 1),
        // A timeline's labels, copied from its bars.
        ("2024-Q1", "2024-Q1", 2),
        ("2024-W48", "2024-W48", 1),
    ];
    for (since, until, found) in cases {
        let hits = env.hits("summit", &["--since", since, "--until", until]);
        assert_eq!(hits.len(), found, "{since}..{until}");
        let clause = format!("summit date:[{since} TO {until}]");
        assert_eq!(env.hits(&clause, &[]).len(), found, "{clause}");
    }
}

/// `--name` finds a name whatever type the tagger gave it: the actor and
/// the city are one name to a user asking who or what is mentioned.
#[test]
fn a_name_filter_matches_every_type() {
    let env = Env::new();
    env.write(
        "film.txt",
        "Oscars\n\nThe actor Denzel Washington starred in the film, critics said.\n",
    );
    env.write(
        "talks.txt",
        "Talks\n\nThe talks were held in Washington on Monday, officials said.\n",
    );
    env.index();
    let files = |flag: &str| {
        let mut files = env.hit_files("", &[flag, "Washington"]);
        files.sort();
        files
    };
    assert_eq!(files("--person"), ["film.txt"]);
    assert_eq!(files("--place"), ["talks.txt"]);
    assert_eq!(files("--name"), ["film.txt", "talks.txt"]);
    // Typed as filters are: "Mr" is no part of a person's name.
    assert_eq!(
        env.hit_files("", &["--name", "Mr Washington"]),
        ["film.txt"]
    );
}

#[test]
fn entity_filters_match_canonical_names() {
    let env = Env::new();
    env.write("2024-12-30/seed.txt", SEED);
    env.index();
    // The passage that says only "Putin" ("Attempts by Putin to persuade
    // Aliyev") is found by the short and the full name alike, and by the
    // name as a filter may be typed: possessive, courtesy title.
    for name in ["Putin", "Vladimir Putin", "putin", "Putin's", "Mr Putin"] {
        let hits = env.hits("persuade", &["--person", name]);
        assert_eq!(hits.len(), 1, "--person {name}");
        assert!(
            hits[0]["person"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p == "Vladimir Putin"),
            "{}",
            hits[0]
        );
    }
    assert_eq!(env.hits("persuade", &["--person", "Medvedev"]).len(), 0);
    assert!(
        !env.hits("shrapnel", &["--place", "Baku"]).is_empty()
            || env.hits("capital", &["--place", "Baku"]).len() == 1
    );
    assert_eq!(env.hits("", &["--org", "Azerbaijan Airlines"]).len(), 1);
    assert!(!env.hits("person:Aliyev", &[]).is_empty());
    let hit = &env.hits("capital", &[])[0];
    let labels: Vec<(&str, &str)> = hit["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["canonical"].as_str().unwrap(),
                e["label"].as_str().unwrap(),
            )
        })
        .collect();
    for want in [
        ("Baku", "LOC"),
        ("Azerbaijan", "LOC"),
        ("Ilham Aliyev", "PER"),
        ("Vladimir Putin", "PER"),
        ("Russia", "LOC"),
    ] {
        assert!(labels.contains(&want), "{want:?} in {labels:?}");
    }
}

#[test]
fn entities_lists_who_is_mentioned_with_a_query() {
    let env = Env::new();
    env.write("2024-12-30/seed.txt", SEED).write(
        "other.txt",
        "Markets\n\nShares rose in London on Tuesday.\n",
    );
    env.index();
    let run = env.run(&["entities", "crash", "--format", "json", "--index", "index"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let entities = run.json()["entities"].as_array().unwrap().clone();
    let names: Vec<&str> = entities
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    for want in ["Ilham Aliyev", "Vladimir Putin", "Baku"] {
        assert!(names.contains(&want), "{want} in {names:?}");
    }
    assert!(
        !names.contains(&"London"),
        "only passages matching the query count"
    );
    let people = env.run(&[
        "entities", "--type", "person", "--top", "1", "--format", "csv", "--index", "index",
    ]);
    let rows: Vec<&str> = people.stdout.lines().collect();
    assert_eq!(rows[0], "label,name,passages,articles");
    assert!(
        rows[1].starts_with("PER,Ilham Aliyev,"),
        "{}",
        people.stdout
    );
    assert_eq!(rows.len(), 2);
}

/// "plane crash in December 2024" found nothing: every word had to be in
/// the passage, and a story of 2024-12-30 says "on Wednesday". A date
/// written in the query also matches the dates passages mention and the
/// days they were published; quoted, it is words again.
#[test]
fn a_date_written_in_the_query_matches_mentioned_and_published_dates() {
    let env = Env::new();
    env.write(
        "2024-12-30/baku.txt",
        "Plane crash near Aktau\n\nThe plane crash on Wednesday killed 38 people.\n",
    )
    .write(
        "2025-02-10/report.txt",
        "Crash report\n\nThe report on the plane crash of December 25 is due in March.\n",
    )
    .write(
        "2023-05-01/old.txt",
        "An older crash\n\nA plane crash in the Andes killed four.\n",
    );
    env.index();
    let cases: &[(&str, &[&str])] = &[
        (
            "plane crash in December 2024",
            &["2024-12-30/baku.txt", "2025-02-10/report.txt"],
        ),
        ("plane crash 2023", &["2023-05-01/old.txt"]),
        (
            "plane crash since 2024",
            &["2024-12-30/baku.txt", "2025-02-10/report.txt"],
        ),
        ("plane crash before 2024", &["2023-05-01/old.txt"]),
        ("\"December 2024\" plane crash", &[]),
    ];
    for (query, want) in cases {
        let mut files = env.hit_files(query, &[]);
        files.sort();
        assert_eq!(files, *want, "{query}");
    }
    // The date flags read words too.
    let flags: &[(&[&str], &[&str])] = &[
        (
            &["--since", "December 2024"],
            &["2024-12-30/baku.txt", "2025-02-10/report.txt"],
        ),
        (&["--until", "May 2023"], &[]),
        (
            &["--until", "the 2020s"],
            &["2024-12-30/baku.txt", "2025-02-10/report.txt"],
        ),
    ];
    for (extra, want) in flags {
        let mut files = env.hit_files("plane crash", extra);
        files.sort();
        assert_eq!(files, *want, "{extra:?}");
    }
    // The mention that made a passage match is marked, as a filter's is.
    for (query, extra) in [
        ("plane crash in December 2024", vec![]),
        ("plane crash", vec!["--since", "2024-12-25"]),
        ("plane crash date:2024-12", vec![]),
    ] {
        let hits = env.hits(query, &extra);
        let baku = hits
            .iter()
            .find(|h| h["title"] == "Plane crash near Aktau")
            .unwrap();
        assert_eq!(
            highlighted(baku),
            ["plane crash", "Wednesday"],
            "{query} {extra:?}: {baku}"
        );
    }
    let json = env.run(&[
        "search",
        "crash since 2024",
        "--format",
        "json",
        "--index",
        "index",
    ]);
    assert_eq!(
        json.json()["dates_read"],
        serde_json::json!([{"text": "since 2024", "since": "2024-01-01", "until": null}])
    );
    let run = env.run(&["search", "plane crash in December 2024", "--index", "index"]);
    assert!(
        run.stderr
            .contains("\"in December 2024\" also matches passages that mention a date"),
        "{}",
        run.stderr
    );
}

/// A filter chooses passages; it does not rank them. Scored on the name
/// field, whose length norm favours short name lists, a reader's comment
/// naming a bare "Blair" outranked every story about Tony Blair, with the
/// filter (`--person Blair`) and with an entity field of the query
/// (`person:Blair`). Both now rank by the name as words.
#[test]
fn entity_filters_and_fields_rank_passages_about_the_name_first() {
    let env = Env::new();
    env.write(
        "2005-02-01/comments.txt",
        "Your views on the minimum wage\n\nI thank Blair for this. Students who do odd jobs gain.\n",
    )
    .write(
        "2005-02-02/sheffield.txt",
        "Blair visits Sheffield\n\nTony Blair visited a steel works in Sheffield with \
         Gordon Brown on Tuesday. Mr Blair told workers the plant had a future, and Mr Blair \
         promised to return.\n",
    );
    env.index();
    // (query, extra flags)
    let cases: [(&str, &[&str]); 7] = [
        ("", &["--person", "Blair"]),
        ("*", &["--person", "Blair"]),
        ("person:Blair", &[]),
        ("person:\"Tony Blair\" OR person:Blair", &[]),
        ("person:Blair^2", &[]),
        // A fuzzy name too: its words rank, not BM25 on the name field.
        ("person:Blair~1", &[]),
        ("person:Blar~1", &[]),
    ];
    for (query, extra) in cases {
        let files = env.hit_files(query, extra);
        assert_eq!(files.len(), 2, "{query:?}: {files:?}");
        assert!(files[0].ends_with("sheffield.txt"), "{query:?}: {files:?}");
    }
    // Matching is the field's: a passage with the word and no such person
    // is not found.
    env.write(
        "2005-02-03/blair_atholl.txt",
        "Castle\n\nThe blair of the glen is wet.\n",
    );
    env.index();
    let files = env.hit_files("person:Blair", &[]);
    assert!(
        !files.iter().any(|f| f.ends_with("blair_atholl.txt")),
        "{files:?}"
    );
}

/// A name ending in a prefix (`person:"Vladimir Put"*`) ranks by its
/// whole words only: the cut word ranked too, so the verb "put" put a
/// comment saying it three times above the story about Putin.
#[test]
fn a_name_ending_in_a_prefix_ranks_by_its_whole_words() {
    let env = Env::new();
    env.write(
        "2005-02-01/comments.txt",
        "Your views\n\nVladimir Putin should put it right: put simply, we put up with too much.\n",
    )
    .write(
        "2005-02-02/moscow.txt",
        "Putin in Moscow\n\nVladimir Putin visited Moscow.\n",
    );
    env.index();
    let files = env.hit_files("person:\"Vladimir Put\"*", &[]);
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files[0].ends_with("moscow.txt"), "{files:?}");
}

/// A passage found by an entity filter or an entity field of the query
/// shows where it names the entity: it was not highlighted, and the
/// snippet of a long passage stayed at its start, far from the name.
#[test]
fn entity_filters_highlight_the_mentions_they_matched() {
    let env = Env::new();
    let filler = "The talks lasted most of the day and ended without a joint statement. ".repeat(6);
    env.write("2024-12-30/seed.txt", SEED).write(
        "2024-12-31/talks.txt",
        format!(
            "Talks end\n\n{filler}Later that evening President Vladimir Putin told reporters in Moscow \
             that the talks would resume in January.\n"
        ),
    );
    env.index();
    let hits = env.hits("persuade", &["--person", "Putin"]);
    assert_eq!(highlighted(&hits[0]), ["Putin", "persuade"], "{}", hits[0]);
    for (query, filter) in [("", "--person"), ("person:Putin", "")] {
        let mut extra = vec!["--place", "Moscow"];
        if !filter.is_empty() {
            extra.extend([filter, "Putin"]);
        }
        let hits = env.hits(query, &extra);
        assert_eq!(hits.len(), 1, "{query} {filter}: {hits:?}");
        let hit = &hits[0];
        assert_eq!(highlighted(hit), ["Vladimir Putin", "Moscow"], "{hit}");
        let snippet = hit["snippet"].as_str().unwrap();
        assert!(snippet.contains("Vladimir Putin"), "{snippet}");
    }
}

/// The texts of a hit's highlights.
fn highlighted(hit: &serde_json::Value) -> Vec<&str> {
    let text = hit["text"].as_str().unwrap();
    hit["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| &text[h["start"].as_u64().unwrap() as usize..h["end"].as_u64().unwrap() as usize])
        .collect()
}

/// A quoted phrase, or a word the analyzer cuts into several terms, is
/// highlighted where the search found it, and the snippet shows it: each
/// "plane" and "crash" of a long passage was marked, and the window stayed
/// at its start, far from the phrase.
#[test]
fn phrases_are_highlighted_where_they_match_and_the_snippet_shows_them() {
    let env = Env::new();
    let long = format!(
        "The plane was old. The plane was refuelled. A crash barrier was fixed. {}\
         Finally the plane crash was confirmed by the ministry.",
        "The airport stayed open all day while the engineers worked. ".repeat(8)
    );
    env.write("crash.txt", format!("Crash\n\n{long}\n"))
        .write(
            "blair.txt",
            "Budget\n\nIt's Labour's budget, and Blair's.\n",
        )
        .write(
            "slop.txt",
            "Engines\n\nThe plane that crashed had old engines.\n",
        )
        .write(
            "attacks.txt",
            "Attacks\n\nAfter 9/11, 9 flights and 11 ships were stopped.\n",
        );
    env.index();
    // (query, a file it finds, highlighted there)
    let cases: &[(&str, &str, &[&str])] = &[
        ("\"plane crash\"", "crash.txt", &["plane crash"]),
        ("Blair's", "blair.txt", &["Blair's"]),
        ("\"plane crash\"~2", "slop.txt", &["plane that crashed"]),
        ("\"plane crash\"~2", "crash.txt", &["plane crash"]),
        ("9/11", "attacks.txt", &["9/11"]),
        ("budget OR 9/11", "attacks.txt", &["9/11"]),
        (
            "text:\"plane crash\" -Labour",
            "crash.txt",
            &["plane crash"],
        ),
    ];
    for (query, file, want) in cases {
        let hits = env.hits(query, &[]);
        let hit = hits
            .iter()
            .find(|h| h["path"] == format!("corpus/{file}"))
            .unwrap_or_else(|| panic!("{query} finds no {file}: {hits:?}"));
        assert_eq!(highlighted(hit), *want, "{query} in {file}");
    }
    let run = env.run(&[
        "search",
        "\"plane crash\"",
        "--mark",
        "--format",
        "jsonl",
        "--fields",
        "snippet",
        "--index",
        "index",
    ]);
    let snippet = run.json_lines()[0]["snippet"].as_str().unwrap().to_string();
    assert!(
        snippet.contains("<mark>plane crash</mark> was confirmed"),
        "{snippet}"
    );
    assert!(!snippet.contains("<mark>plane</mark>"), "{snippet}");
}

#[test]
fn a_fuzzy_word_with_a_hyphen_or_apostrophe_needs_every_part() {
    let env = Env::new();
    env.write(
        "assad.txt",
        "Bashar al-Assad spoke to a crowd in Damascus.\n",
    )
    .write("asad.txt", "President al-Asad left Syria.\n")
    .write("markets.txt", "All markets rose a little on Tuesday.\n")
    .write("obrian.txt", "Conan O'Brian hosted the show.\n");
    env.index();
    let files = |query| {
        let mut files = env.hit_files(query, &[]);
        files.sort();
        files
    };
    assert_eq!(files("al-Assad~1"), ["asad.txt", "assad.txt"]);
    assert_eq!(files("O'Brien~1"), ["obrian.txt"]);
    // The parts are highlighted where they stand together, not each alone
    // ("a" is one edit from "al").
    let hits = env.hits("al-Assad~1", &[]);
    let assad = hits
        .iter()
        .find(|h| h["path"] == "corpus/assad.txt")
        .unwrap();
    assert_eq!(highlighted(assad), ["al-Assad"]);
}

#[test]
fn fuzzy_words_and_dates_inside_parentheses_keep_the_groups_meaning() {
    let env = Env::new();
    env.write("2023-01-10/assad.txt", "Bashar Assad spoke in Syria.\n")
        .write("2023-01-10/asaad.txt", "President Asaad left Syria.\n")
        .write("2023-01-10/moscow.txt", "Assad was seen in Moscow.\n")
        .write(
            "2023-01-10/syria.txt",
            "Syria held a summit on December 12, 2024.\n",
        )
        .write("2024-12-30/markets.txt", "Markets rose in Syria.\n");
    env.index();
    let files = |query| {
        let mut files = env.hit_files(query, &[]);
        files.sort();
        files
    };
    let cases: &[(&str, &[&str])] = &[
        (
            "(Asad~1 OR Assad) AND Syria",
            &["2023-01-10/asaad.txt", "2023-01-10/assad.txt"],
        ),
        (
            "Syria -(Asad~1)",
            &["2023-01-10/syria.txt", "2024-12-30/markets.txt"],
        ),
        ("Moscow OR Asaad~1 -Syria", &["2023-01-10/moscow.txt"]),
        (
            "(date:[2024-12-01 TO 2024-12-31] OR published:2024-12)",
            &["2023-01-10/syria.txt", "2024-12-30/markets.txt"],
        ),
        (
            "Syria -(published:2024-12)",
            &[
                "2023-01-10/asaad.txt",
                "2023-01-10/assad.txt",
                "2023-01-10/syria.txt",
            ],
        ),
    ];
    for (query, want) in cases {
        assert_eq!(&files(query), want, "{query}");
    }
}

#[test]
fn an_excluded_phrase_drops_only_the_passages_it_matches() {
    let env = Env::new();
    // One article, so its passages are indexed in this order: the first
    // candidate comes before the excluded phrase's first match.
    env.write(
        "crashes.txt",
        "Road report\n\nA car crash closed the road.\n\nThe jet makers said a crash was unlikely.\n\n\
         Another crash, of a jet, was reported.\n",
    );
    env.index();
    let passages = |query: &str| -> Vec<u64> {
        let hits = env.hits(query, &["--per-article", "10"]);
        let mut passages: Vec<u64> = hits
            .iter()
            .map(|h| h["passage"].as_u64().unwrap())
            .collect();
        passages.sort();
        passages
    };
    let cases: &[(&str, &[u64])] = &[
        ("crash -\"jet makers\"", &[0, 2]),
        ("crash NOT \"jet makers\"", &[0, 2]),
        ("crash -\"car crash\"", &[1, 2]),
        ("crash -(another \"of a jet\")", &[0, 1]),
        ("crash -\"no such phrase\"", &[0, 1, 2]),
    ];
    for (query, want) in cases {
        assert_eq!(passages(query), *want, "{query}");
    }
}

#[test]
fn excluded_words_are_not_highlighted() {
    let env = Env::new();
    env.write(
        "boeing.txt",
        "The Boeing crash left the jet engine of the plane intact.\n",
    );
    env.index();
    for query in [
        "crash -\"Boeing jet\"",
        "crash NOT \"jet makers\"",
        "crash -(drone \"jet engine\")",
        "crash OR (drone -\"Boeing jet\")",
        "crash OR (drone -Boeing)",
        "crash OR (drone NOT engine)",
        "crash OR (drone -Boeing~1)",
        "(crash -(drone jet)) OR (drone -plane)",
    ] {
        let hits = env.hits(query, &[]);
        assert_eq!(hits.len(), 1, "{query}");
        assert_eq!(highlighted(&hits[0]), ["crash"], "{query}");
    }
}

#[test]
fn a_word_too_long_for_the_index_matches_nothing_rather_than_being_dropped() {
    // 102 bytes: the index keeps words under 100.
    let long = "supercalifragilisticexpialidocious".repeat(3);
    let long = long.as_str();
    let env = Env::new();
    env.write(
        "long.txt",
        format!("The word {long} appears in budget news.\n"),
    )
    .write("budget.txt", "The budget was passed.\n");
    env.index();
    let files = |query: &str| {
        let mut files = env.hit_files(query, &[]);
        files.sort();
        files
    };
    // Beside OR, or excluded, it matches nothing and the rest decides.
    assert_eq!(
        files(&format!("budget OR {long}")),
        ["budget.txt", "long.txt"]
    );
    assert_eq!(
        files(&format!("budget -{long}")),
        ["budget.txt", "long.txt"]
    );
    // The index keeps the place of the word in a phrase.
    assert_eq!(files("\"word appears\"~1"), ["long.txt"]);
    // Required, it makes the query match nothing, and says why.
    for args in [
        vec!["search".to_string(), long.to_string()],
        vec!["search".to_string(), format!("budget {long}")],
        vec!["search".to_string(), format!("budget AND {long}")],
        vec![
            "search".to_string(),
            format!("budget \"word {long} appears\""),
        ],
        vec!["search".to_string(), format!("budget al-{long}")],
        vec!["search".to_string(), format!("budget {long}~1")],
        vec!["search".to_string(), format!("(budget OR news) {long}")],
        vec![
            "search".to_string(),
            "budget".to_string(),
            "--person".to_string(),
            format!("Mr {long}"),
        ],
    ] {
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        args.extend(["--index", "index"]);
        let run = env.run(&args);
        assert_eq!(run.status, 2, "{args:?}: {}", run.stdout);
        assert!(
            run.stderr.contains(long) && run.stderr.contains("longer than"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

/// A common word one edit away ("assays") does not outrank the rarer
/// word as typed: it would, scored as rare as the typed word.
#[test]
fn a_fuzzy_words_commoner_spellings_do_not_outrank_the_typed_one() {
    let env = Env::new();
    env.write(
        "assad.txt",
        "Syria\n\nTrade talks covered grain, timber, machinery, coffee, cotton, steel, freight \
         rates, harbour fees, the price of diesel and the weather, which delayed shipments from \
         the northern ports; the visiting ministers also met Assad briefly before they left.\n",
    );
    for mine in 1..=4 {
        env.write(
            &format!("assay-{mine}.txt"),
            "Mining\n\nAssays, assays, assays, assays, assays: the assays showed gold.\n",
        );
    }
    env.index();
    assert_eq!(env.hit_files("Assad~1", &[])[0], "assad.txt");
}

#[test]
fn fuzzy_words_rank_by_how_often_and_how_exactly_they_match() {
    let env = Env::new();
    env.write(
        "often.txt",
        "Kremlin talks\n\nGorbachev spoke first, Gorbachev answered and Gorbachev left.\n",
    )
    .write(
        "once.txt",
        "Trade figures\n\nExports of grain, timber and machinery rose in the spring while \
         imports of coffee, cotton and steel fell for a third month, the ministry said in a \
         report that also covered freight rates, harbour fees, the price of diesel, a visit \
         by Gorbachev and the weather, which delayed shipments from the northern ports and \
         left several cargo ships waiting outside the harbour for more than a week.\n",
    )
    .write(
        "exact.txt",
        "Farm visit\n\nPresident Gorbachov met the farmers near the river.\n",
    )
    .write(
        "edited.txt",
        "Plant visit\n\nPresident Gorbachev met the workers near the plant.\n",
    );
    env.index();
    // (query, the file ranked higher, the file ranked lower)
    let cases = [
        ("Gorbachov~1", "often.txt", "once.txt"),
        ("Gorbachov~1", "exact.txt", "edited.txt"),
        ("Gorbachev~1", "edited.txt", "exact.txt"),
        ("Gorbachov~2", "exact.txt", "edited.txt"),
        ("(Gorbachov~1 OR Yeltsin)", "often.txt", "once.txt"),
    ];
    for (query, higher, lower) in cases {
        let files = env.hit_files(query, &[]);
        let rank = |file: &str| {
            files
                .iter()
                .position(|f| f == file)
                .unwrap_or_else(|| panic!("{query}: {file} not in {files:?}"))
        };
        assert!(rank(higher) < rank(lower), "{query}: {files:?}");
    }
    let hits = env.hits("Gorbachov~1", &[]);
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] > w[1]),
        "a score for each passage: {scores:?}"
    );
}

/// A query that starts with an excluded word is one argument starting with
/// `-`: clap read `'-snow crash'` as the options `-s -n -o -w` and refused
/// it. It is searched, and the options around it still work.
#[test]
fn a_query_may_start_with_an_excluded_word() {
    let env = Env::new();
    env.write("a.txt", "Crash\n\nA plane crash in the snow.\n")
        .write(
            "b.txt",
            "Crash\n\nA car crash near Paris on December 3, 2024.\n",
        );
    env.index();
    for command in ["search", "timeline", "entities"] {
        let run = env.run(&[
            command,
            "-snow crash",
            "--index",
            "index",
            "--format",
            "json",
        ]);
        assert_eq!(run.status, 0, "{command}: {}", run.stderr);
        assert_eq!(run.json()["query"], "-snow crash", "{command}");
    }
    assert_eq!(env.hit_files("-snow crash", &["-n", "5"]), ["b.txt"]);
}

/// `*` beside other clauses is every passage, as `*` alone is: it listed
/// the empty record an empty file leaves in the index, as a hit with no
/// text (`* -sport`: "everything but sport").
#[test]
fn every_passage_beside_other_words_holds_no_empty_file() {
    let env = Env::new();
    env.write("a.txt", "Title\n\nWalrus one.\n\nSeal two.\n");
    env.write("empty.txt", "");
    env.index();
    // Passages, not files: `hit_files` would hide a second passage.
    let cases = [
        ("* -walrus", 1),
        ("(* OR walrus) -seal", 1),
        ("* OR walrus", 2),
    ];
    for (query, want) in cases {
        let hits = env.hits(query, &[]);
        let texts: Vec<&str> = hits.iter().map(|h| h["text"].as_str().unwrap()).collect();
        assert_eq!(hits.len(), want, "{query}: {texts:?}");
        assert!(!texts.contains(&""), "{query}: {texts:?}");
    }
}

/// A range open at both ends (`[* TO *]`, or `*`) of a date field is "has
/// a date", as in the engines users know it from: tantivy's parser drops
/// such a range, so `-date:[* TO *]` excluded nothing and
/// `published:[* TO *]` found nothing.
#[test]
fn a_date_range_open_at_both_ends_is_any_date() {
    let env = Env::new();
    env.write(
        "2024-12-30/dated.txt",
        "Dated\n\nWalrus seen on December 25, 2024.\n\nWalrus seen again.\n",
    );
    env.write("undated.txt", "Undated\n\nWalrus elsewhere.\n");
    env.index();
    // How many passages of the dated file (the first of two mentions a
    // date), and of the undated one.
    let cases = [
        ("walrus published:[* TO *]", (2, 0)),
        ("published:*", (2, 0)),
        ("walrus -published:*", (0, 1)),
        ("date:[* TO *]", (1, 0)),
        ("walrus -date:[* TO *]", (1, 1)),
        ("walrus -date:*", (1, 1)),
    ];
    for (query, want) in cases {
        let hits = env.hits(query, &[]);
        let of = |file: &str| hits.iter().filter(|h| h["path"] == file).count();
        let found = (of("corpus/2024-12-30/dated.txt"), of("corpus/undated.txt"));
        assert_eq!(found, want, "{query}");
    }
}

/// A field that is stored but not searched, or a field with `*` for any
/// word, is refused with what to write: they printed tantivy's own words
/// ("The field 'url' is not declared as indexed", "Schema error: 'Field
/// title is not a fast field.'").
#[test]
fn fields_that_cannot_be_searched_so_say_what_to_write() {
    let env = Env::new();
    env.write("a.txt", "Title\n\nWalrus one.\n");
    env.index();
    let cases = [
        ("url:bbc", "there is no field `url:`; use one of title:"),
        (
            "walrus path:a",
            "there is no field `path:`; use one of title:",
        ),
        ("title:*", "`title:*`"),
        ("walrus -person:*", "`person:*`"),
    ];
    for (query, want) in cases {
        let run = env.run(&["search", query, "--index", "index"]);
        assert_eq!(run.status, 2, "{query}: {}", run.stderr);
        assert!(run.stderr.contains(want), "{query}: {}", run.stderr);
        assert!(
            !run.stderr.contains("tantivy") && !run.stderr.contains("Schema"),
            "{}",
            run.stderr
        );
    }
}

/// A lower-case `or` or `not` between words is a word every passage must
/// hold: `Blair or Brown` found a thirtieth of what `Blair OR Brown` found,
/// and did not say so.
#[test]
fn a_lower_case_operator_between_words_is_said_to_be_a_word() {
    let env = Env::new();
    env.write(
        "2005-02-01/labour.txt",
        "Labour\n\nTony Blair spoke. Gordon Brown did not, or not yet.\n",
    );
    env.index();
    for command in ["search", "entities", "timeline"] {
        let run = env.run(&[command, "Blair or Brown", "--index", "index"]);
        assert!(
            run.stderr.contains("\"or\" is searched as a word") && run.stderr.contains("OR"),
            "{command}: {}",
            run.stderr
        );
    }
    let run = env.run(&["search", "Blair OR Brown", "--index", "index"]);
    assert!(!run.stderr.contains("searched as a word"), "{}", run.stderr);
}
