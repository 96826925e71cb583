//! `newsdex serve`: the real binary on a free port, asked with plain
//! HTTP/1.0 over a TcpStream.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::harness::Env;

/// A running server, killed when dropped (also when a test fails).
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `newsdex serve` on port 0 and reads the bound address from
    /// its stderr.
    fn start(env: &Env) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsdex"))
            .args(["serve", "--index", "index", "--addr", "127.0.0.1:0"])
            .current_dir(env.root())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("newsdex serve starts");
        let stderr = child.stderr.take().expect("stderr is piped");
        let mut server = Server {
            child,
            addr: String::new(),
        };
        let mut line = String::new();
        BufReader::new(stderr)
            .read_line(&mut line)
            .expect("serve prints a line");
        server.addr = line
            .trim()
            .strip_prefix("newsdex: serving on http://")
            .unwrap_or_else(|| panic!("unexpected first line: {line}"))
            .to_string();
        server
    }

    /// Sends raw bytes and returns (status, body).
    fn raw(&self, request: &[u8]) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.addr).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        stream.write_all(request).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("reads the answer");
        let response = String::from_utf8(response).expect("UTF-8 answer");
        let (head, body) = response.split_once("\r\n\r\n").expect("a head and a body");
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no status in {head}"));
        (status, body.to_string())
    }

    fn get(&self, target: &str) -> (u16, String) {
        self.raw(format!("GET {target} HTTP/1.0\r\nHost: {}\r\n\r\n", self.addr).as_bytes())
    }

    /// A GET whose body must be JSON.
    fn json(&self, target: &str) -> (u16, Value) {
        let (status, body) = self.get(target);
        let value = serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("{target}: not JSON ({e}): {body}"));
        (status, value)
    }
}

fn indexed_env() -> Env {
    let env = Env::new();
    env.write(
        "aliyev.txt",
        "Aliyev blames Russia for plane crash\n\n\
         Azerbaijani President Ilham Aliyev said on December 29 that the plane was shot down.\n\n\
         Vladimir Putin apologised to Aliyev for the tragic incident in Russian airspace.\n",
    );
    env.write(
        "weather.txt",
        "Snow in Baku\n\nHeavy snow closed schools in Baku on Monday.\n",
    );
    let run = env.run(&["index", "corpus", "--default-date", "2024-12-30", "-q"]);
    assert_eq!(run.status, 0, "index failed: {}", run.stderr);
    env
}

fn error_of(value: &Value) -> &str {
    value["error"]
        .as_str()
        .unwrap_or_else(|| panic!("no error in {value}"))
}

#[test]
fn serves_search_entities_timeline_and_article_as_json() {
    let env = indexed_env();
    let server = Server::start(&env);

    let (status, search) = server.json("/api/search?q=Aliyev&limit=5");
    assert_eq!(status, 200, "{search}");
    assert_eq!(search["query"], "Aliyev");
    assert!(search["total"].as_u64().unwrap() >= 2);
    let hits = search["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    for key in newsdex::output::HIT_FIELDS {
        assert!(hits[0].get(*key).is_some(), "hit lacks {key}: {}", hits[0]);
    }
    assert!(hits.iter().all(|h| h["path"] == "corpus/aliyev.txt"));
    let highlight = &hits[0]["highlights"][0];
    let text = hits[0]["text"].as_str().unwrap();
    let (start, end) = (
        highlight["start"].as_u64().unwrap() as usize,
        highlight["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "Aliyev");

    // `fields` picks keys, as `--fields` does; the CLI prints the same shape.
    let (_, picked) = server.json("/api/search?q=Aliyev&fields=path,passage&limit=1");
    let keys: Vec<&String> = picked["hits"][0].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["passage", "path"]);
    let cli = env.hits("Aliyev", &["--limit", "5"]);
    assert_eq!(cli.len(), hits.len());
    assert_eq!(cli[0]["text"], hits[0]["text"]);
    // `offset` pages as `--offset` does.
    let (_, second) = server.json("/api/search?q=Aliyev&limit=1&offset=1");
    assert_eq!(second["offset"], 1);
    assert_eq!(second["hits"][0]["text"], hits[1]["text"]);
    // A lower-case `or` is a word: `notes` says so, as the CLI's stderr does.
    let (_, lowered) = server.json("/api/search?q=Aliyev+or+Putin");
    assert!(
        lowered["notes"][0]
            .as_str()
            .is_some_and(|note| note.starts_with("\"or\" is searched as a word")),
        "{lowered}"
    );
    assert_eq!(search["notes"], serde_json::json!([]));
    // Past the last hit, `why_none` says so, as the CLI does: an empty
    // list with a total read as a broken page.
    let (_, past) = server.json("/api/search?q=Aliyev&offset=10000");
    assert_eq!(past["hits"].as_array().map(Vec::len), Some(0), "{past}");
    let why = past["why_none"].as_str().unwrap_or_default();
    assert!(why.contains("no hit after the first 10000"), "{past}");

    let (status, entities) = server.json("/api/entities?q=Aliyev&type=person&top=5");
    assert_eq!(status, 200);
    assert_eq!(entities["query"], "Aliyev");
    assert!(entities["entities"].is_array());

    let (status, timeline) = server.json("/api/timeline?q=snow&by=month&field=published");
    assert_eq!(status, 200);
    assert_eq!(timeline["by"], "month");
    assert_eq!(timeline["field"], "published");
    assert_eq!(timeline["buckets"][0]["label"], "2024-12");
    assert!(timeline["buckets"][0]["passages"].as_u64().unwrap() >= 1);
    // What the buckets leave out, as `timeline --format json` says it.
    assert!(timeline["matching"].as_u64().unwrap() >= 1, "{timeline}");
    assert!(timeline["uncounted"].is_u64(), "{timeline}");
    let (status, quarters) = server.json("/api/timeline?q=snow&by=quarter&field=published");
    assert_eq!(status, 200);
    assert_eq!(quarters["buckets"][0]["label"], "2024-Q4", "{quarters}");

    let (status, article) = server.json("/api/article?path=corpus/aliyev.txt");
    assert_eq!(status, 200);
    let passages: Vec<u64> = article["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["passage"].as_u64().unwrap())
        .collect();
    // In order, all of them (how many depends on whether the loader takes
    // the first line as the title).
    assert!(passages.len() >= 2);
    assert!(passages.iter().enumerate().all(|(i, p)| *p == i as u64));
    let (_, one) = server.json("/api/article?path=corpus%2Faliyev.txt&passage=1&context=0");
    assert_eq!(one["total"], 1);
    assert_eq!(one["hits"][0]["passage"], 1);

    // Filters narrow; a person filter on a name nobody mentions finds nothing.
    let (status, none) = server.json("/api/search?q=Aliyev&person=Nobody+Here");
    assert_eq!(status, 200);
    assert_eq!(none["total"], 0);
    let (_, dated) = server.json("/api/search?q=snow&since=2030&until=2031");
    assert_eq!(dated["total"], 0);

    // A date written in the query is said to be read as one.
    let (_, written) = server.json("/api/search?q=Aliyev+in+December+2024");
    assert!(written["total"].as_u64().unwrap() > 0, "{written}");
    assert_eq!(
        written["dates_read"],
        serde_json::json!([{"text": "in December 2024", "since": "2024-12-01", "until": "2024-12-31"}])
    );
    assert_eq!(search["dates_read"], serde_json::json!([]));
    let (_, misspelt) = server.json("/api/search?q=Aliyevv");
    assert_eq!(misspelt["total"], 0);
    let why = misspelt["why_none"].as_str().unwrap_or_default();
    assert!(
        why.starts_with("\"Aliyevv\" is in no passage (the index has \"aliyev\""),
        "{misspelt}"
    );
    // A misspelt entity filter is named with its parameter.
    let (_, misspelt) = server.json("/api/search?q=&person=Aliyevv");
    let why = misspelt["why_none"].as_str().unwrap_or_default();
    assert!(
        why.starts_with(
            "person \"Aliyevv\": no person's name holds \"aliyevv\" (the index has \"aliyev\""
        ),
        "{misspelt}"
    );
    let (status, oldest) = server.json("/api/search?q=Aliyev&sort=oldest");
    assert_eq!(status, 200, "{oldest}");
    assert!(oldest["total"].as_u64().unwrap() > 0, "{oldest}");
    let (_, misspelt) = server.json("/api/search?q=person:Aliyevv");
    let why = misspelt["why_none"].as_str().unwrap_or_default();
    assert!(
        why.starts_with("person:\"Aliyevv\": no person's name holds \"aliyevv\""),
        "{misspelt}"
    );
    // Words that match, emptied by the dates: the dates are the reason.
    let (_, dated) = server.json("/api/search?q=Aliyev&since=2030&person=Aliyev");
    assert_eq!(dated["total"], 0);
    let why = dated["why_none"].as_str().unwrap_or_default();
    assert_eq!(
        why,
        "2 passages match \"Aliyev\" without the filters, none with since 2030, \
         person \"Aliyev\": change the dates or drop a filter",
        "{dated}"
    );
}

#[test]
fn serves_sections_and_filters_by_them() {
    let env = crate::sections::sectioned_env();
    let server = Server::start(&env);
    // (target, the titles of the hits)
    let cases: &[(&str, &[&str])] = &[
        (
            "/api/search?q=budget&section=POLITICS",
            &["Budget row", "Budget vote"],
        ),
        (
            "/api/search?q=budget&section=sport&section=politics",
            &["Budget row", "Budget vote", "Club budget"],
        ),
        ("/api/search?q=budget+section%3Asport", &["Club budget"]),
        (
            "/api/search?q=budget&section=",
            &["Budget news", "Budget row", "Budget vote", "Club budget"],
        ),
    ];
    for (target, want) in cases {
        let (status, value) = server.json(target);
        assert_eq!(status, 200, "{target}: {value}");
        let mut titles: Vec<&str> = value["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["title"].as_str().unwrap())
            .collect();
        titles.sort();
        assert_eq!(titles, *want, "{target}");
    }
    // (target, why it found nothing)
    let empty = [
        (
            "/api/search?q=budget&section=world",
            "section \"world\": no article ran in it",
        ),
        (
            "/api/search?q=budget+section%3Aworld",
            "section:\"world\": no article ran in it",
        ),
    ];
    for (target, want) in empty {
        let (status, none) = server.json(target);
        assert_eq!(status, 200, "{none}");
        let why = none["why_none"].as_str().unwrap_or_default();
        assert!(why.contains(want), "{target}: {none}");
    }
    let (status, sections) = server.json("/api/sections?q=budget");
    assert_eq!(status, 200, "{sections}");
    assert_eq!(
        sections["sections"],
        serde_json::json!([
            { "section": "Politics", "passages": 2, "articles": 2 },
            { "section": "sport", "passages": 1, "articles": 1 },
        ])
    );
}

#[test]
fn serves_the_page_and_its_assets() {
    let env = indexed_env();
    let server = Server::start(&env);
    for (target, needle) in [
        ("/", "<form id=\"search-form\""),
        ("/article?path=x", "<form id=\"search-form\""),
        ("/app.js", "textContent"),
        ("/style.css", ":focus-visible"),
    ] {
        let (status, body) = server.get(target);
        assert_eq!(status, 200, "{target}");
        assert!(body.contains(needle), "{target}");
    }
    let (_, head) = server.raw(b"HEAD / HTTP/1.0\r\n\r\n");
    assert!(head.is_empty(), "HEAD has no body");
}

#[test]
fn refuses_bad_requests_with_json_errors() {
    let env = indexed_env();
    let server = Server::start(&env);
    for target in [
        "/api/search?q=Aliyev&limit=101",
        "/api/search?q=Aliyev&limit=0",
        "/api/search?q=Aliyev&limit=ten",
        "/api/search?q=Aliyev&offset=10001",
        "/api/search?sort=best",
        "/api/search?collapse=maybe",
        "/api/search?fields=path,nonsense",
        "/api/search?since=yesterday",
        "/api/search?since=2025&until=2024",
        "/api/timeline?since=1066&until=1066",
        "/api/search?q=a&q=b",
        "/api/search?colour=red",
        "/api/search?q=%E2%28",
        "/api/search?q=%zz",
        "/api/search?q=%22unclosed",
        "/api/search?person=%21%21",
        "/api/entities?type=animal",
        "/api/entities?top=201",
        "/api/sections?top=201",
        "/api/sections?type=person",
        "/api/timeline?by=century",
        "/api/timeline?field=written",
        "/api/article",
        "/api/article?path=corpus/aliyev.txt&passage=two",
    ] {
        let (status, value) = server.json(target);
        assert_eq!(status, 400, "{target}: {value}");
        assert!(!error_of(&value).is_empty());
        // The API has no `--since` flag to name.
        assert!(!error_of(&value).contains("--"), "{target}: {value}");
    }
    let long_query = format!("/api/search?q={}", "a".repeat(1001));
    let (status, value) = server.json(&long_query);
    assert_eq!(status, 400);
    assert!(error_of(&value).contains("too long"));
}

#[test]
fn unknown_routes_and_paths_outside_the_index_are_404() {
    let env = indexed_env();
    let server = Server::start(&env);
    for target in [
        "/nope",
        "/api/nope",
        "/../../etc/passwd",
        "/api/article?path=../../etc/passwd",
        "/api/article?path=%2Fetc%2Fpasswd",
        "/api/article?path=corpus/../corpus/aliyev.txt",
        "/api/article?path=corpus/aliyev.txt&passage=99",
    ] {
        let (status, value) = server.json(target);
        assert_eq!(status, 404, "{target}: {value}");
        assert!(!error_of(&value).is_empty());
        assert!(
            !value.to_string().contains("root:"),
            "{target} leaked a file"
        );
    }
}

#[test]
fn refuses_bodies_other_methods_and_long_urls() {
    let env = indexed_env();
    let server = Server::start(&env);
    let (status, body) = server.raw(b"POST /api/search HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}");
    assert_eq!(status, 405, "{body}");
    let (status, _) = server.raw(b"GET /api/search HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}");
    assert_eq!(status, 413);
    let long = format!("/api/search?q={}", "a".repeat(5000));
    let (status, body) = server.get(&long);
    assert_eq!(status, 414, "{body}");
    let endless = format!("GET /{}", "a".repeat(20_000));
    let (status, _) = server.raw(endless.as_bytes());
    assert_eq!(status, 414);
    // The server is still there after all that.
    let (status, _) = server.json("/api/search?q=snow");
    assert_eq!(status, 200);
}

#[test]
fn answers_concurrent_requests() {
    let env = indexed_env();
    let server = Server::start(&env);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..16)
            .map(|i| {
                let server = &server;
                scope.spawn(move || {
                    let target = if i % 2 == 0 {
                        "/api/search?q=Aliyev"
                    } else {
                        "/api/timeline?q=snow&field=published"
                    };
                    server.json(target).0
                })
            })
            .collect();
        for handle in handles {
            assert_eq!(handle.join().unwrap(), 200);
        }
    });
}

#[test]
fn sees_a_reindex_without_a_restart() {
    let env = indexed_env();
    let server = Server::start(&env);
    let (_, before) = server.json("/api/search?q=volcano");
    assert_eq!(before["total"], 0);
    env.write(
        "volcano.txt",
        "Volcano erupts\n\nA volcano erupted in Iceland.\n",
    );
    let run = env.run(&["index", "corpus", "--default-date", "2024-12-30", "-q"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    // The shared reader reloads shortly after a commit.
    let mut found = 0;
    for _ in 0..50 {
        found = server.json("/api/search?q=volcano").1["total"]
            .as_u64()
            .unwrap();
        if found > 0 {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(found > 0, "the server never saw the new article");
}

#[test]
fn fails_clearly_without_an_index() {
    let env = Env::new();
    let run = env.run(&["serve", "--index", "missing", "--addr", "127.0.0.1:0"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("no index"), "{}", run.stderr);
}

#[test]
fn the_article_view_shows_one_record_of_a_file_of_many() {
    let env = Env::new();
    env.write(
        "feed.jsonl",
        "{\"id\": \"a\", \"title\": \"Snow\", \"text\": \"Snow fell in Baku.\"}\n\
         {\"id\": \"b\", \"title\": \"Rain\", \"text\": \"Rain fell in Oslo.\"}\n",
    );
    env.index();
    let server = Server::start(&env);
    let (status, article) = server.json("/api/article?path=corpus/feed.jsonl&article=b");
    assert_eq!(status, 200, "{article}");
    let texts: Vec<&str> = article["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["Rain fell in Oslo."]);
    let (status, value) = server.json("/api/article?path=corpus/feed.jsonl&article=c");
    assert_eq!(status, 404);
    let error = error_of(&value);
    assert!(error.contains("no article \"c\""), "{error}");
    assert!(!error.contains("not in the index"), "{error}");
    let (status, value) = server.json("/api/article?path=corpus/nofeed.jsonl&article=c");
    assert_eq!(status, 404);
    assert!(error_of(&value).contains("not in the index"), "{value}");
}

#[test]
fn opens_any_passage_of_an_article_of_more_than_ten_thousand() {
    let env = Env::new();
    let mut text = String::from("Long list\n\n");
    for i in 0..10_050 {
        text.push_str(&format!("Entry {i} here.\n\n"));
    }
    env.write("big.txt", &text);
    env.index();
    let server = Server::start(&env);
    let texts = |value: &Value| -> Vec<String> {
        value["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["text"].as_str().unwrap().to_string())
            .collect()
    };

    // The whole listing is cut, and says so.
    let (status, whole) = server.json("/api/article?path=corpus/big.txt");
    assert_eq!(status, 200);
    assert_eq!(whole["truncated"], true);
    assert_eq!(whole["total"], 10_000);

    // A passage past the cut opens, with its neighbours.
    let far = 10_040;
    let (status, one) = server.json(&format!(
        "/api/article?path=corpus/big.txt&passage={far}&context=1"
    ));
    assert_eq!(status, 200, "{one}");
    assert_eq!(one["truncated"], false);
    let passages: Vec<u64> = one["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["passage"].as_u64().unwrap())
        .collect();
    assert_eq!(passages, [far - 1, far, far + 1]);
    let far_text = texts(&one)[1].clone();
    assert!(far_text.starts_with("Entry 1004"), "{far_text}");

    // One past the end names the real last passage.
    let (status, value) = server.json("/api/article?path=corpus/big.txt&passage=20000");
    assert_eq!(status, 404);
    let error = error_of(&value);
    assert!(error.contains("its passages are 0 to 10049"), "{error}");

    // `show` opens it too, by passage and by the line search prints.
    let run = env.run(&["show", "corpus/big.txt", "--passage", &far.to_string()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains(&far_text), "{}", run.stdout);
    let line = one["hits"][1]["line"].as_u64().unwrap();
    let run = env.run(&["show", &format!("corpus/big.txt:{line}")]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains(&far_text), "{}", run.stdout);
    // The whole file says it is cut.
    let run = env.run(&["show", "corpus/big.txt"]);
    assert!(
        run.stderr.contains("more passages than are listed"),
        "{}",
        run.stderr
    );
}

#[test]
fn on_loopback_answers_only_requests_that_name_loopback() {
    let env = indexed_env();
    let server = Server::start(&env);
    let port = server.addr.rsplit_once(':').unwrap().1.to_string();
    let ask = |host: &str| {
        server.raw(format!("GET /api/search?q=snow HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes())
    };
    // DNS rebinding: a page at attacker.example whose name now resolves to
    // 127.0.0.1 sends its own name.
    for host in [
        format!("attacker.example:{port}"),
        "attacker.example".to_string(),
        format!("localhost.attacker.example:{port}"),
        format!("10.1.2.3:{port}"),
    ] {
        let (status, body) = ask(&host);
        assert_eq!(status, 421, "{host}: {body}");
        assert!(body.contains("localhost"), "{body}");
        assert!(!body.contains("Snow"), "{body}");
    }
    for host in [
        format!("localhost:{port}"),
        "localhost".to_string(),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        let (status, body) = ask(&host);
        assert_eq!(status, 200, "{host}: {body}");
    }
    // HTTP/1.0 without a Host is no browser's request.
    let (status, _) = server.raw(b"GET /api/search?q=snow HTTP/1.0\r\n\r\n");
    assert_eq!(status, 200);
    let (status, _) = server.raw(b"GET /api/search?q=snow HTTP/1.1\r\n\r\n");
    assert_eq!(status, 400);
    // A target in the absolute form names the host itself, and that name
    // is the one checked; a Host with space before its colon is refused.
    let absolute = |authority: &str| {
        server.raw(
            format!("GET http://{authority}/api/search?q=snow HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .as_bytes(),
        )
    };
    let (status, body) = absolute(&format!("attacker.example:{port}"));
    assert_eq!(status, 421, "{body}");
    let (status, body) = absolute(&format!("localhost:{port}"));
    assert_eq!(status, 200, "{body}");
    let (status, _) = server.raw(b"GET /api/search?q=snow HTTP/1.1\r\nHost : localhost\r\n\r\n");
    assert_eq!(status, 400);
}

#[test]
fn idle_connections_hold_no_worker() {
    let env = indexed_env();
    let server = Server::start(&env);
    // Far more silent clients than workers (4) and than the queue (64).
    let idle: Vec<TcpStream> = (0..80)
        .map(|_| TcpStream::connect(&server.addr).expect("connects"))
        .collect();
    std::thread::sleep(Duration::from_millis(200));
    let started = std::time::Instant::now();
    let (status, value) = server.json("/api/search?q=snow");
    assert_eq!(status, 200, "{value}");
    // Held behind them, it would wait for a slow client's send to time
    // out (10 s at least); a busy machine takes some seconds anyway.
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "a search waited {:?} behind idle connections",
        started.elapsed()
    );
    drop(idle);
}

#[test]
fn idle_connections_beyond_the_limit_lock_nobody_out() {
    let env = indexed_env();
    let server = Server::start(&env);
    // More silent clients than heads read at once (256), then as many
    // that sent half a request line and stopped: the oldest are closed to
    // make room, and a live request is still answered at once.
    let connect = |n: usize, send: &[u8]| -> Vec<TcpStream> {
        (0..n)
            .map(|_| {
                let mut stream = TcpStream::connect(&server.addr).expect("connects");
                stream.write_all(send).unwrap();
                stream
            })
            .collect()
    };
    let mut silent = connect(300, b"");
    std::thread::sleep(Duration::from_millis(200));
    let started = std::time::Instant::now();
    let (status, value) = server.json("/api/search?q=snow");
    assert_eq!(status, 200, "{value}");
    assert!(started.elapsed() < Duration::from_secs(2));
    let partial = connect(300, b"GET / HTTP/1.1\r\n");
    std::thread::sleep(Duration::from_millis(200));
    let (status, value) = server.json("/api/search?q=snow");
    assert_eq!(status, 200, "{value}");
    // The first silent connection was closed to make room (or, later, for
    // its silence): it reads the end of the stream, not a timeout.
    let first = &mut silent[0];
    first
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let read = first.read(&mut [0u8; 16]);
    assert!(
        matches!(&read, Ok(0))
            || matches!(&read, Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset),
        "an idle connection stayed open: {read:?}"
    );
    drop(partial);
}

#[test]
fn clients_slow_to_read_big_answers_hold_no_worker() {
    let env = Env::new();
    // One article of 6,000 passages: its listing is some megabytes, more
    // than the socket buffers take from a client that reads nothing.
    let words = [
        "snow", "baku", "river", "school", "minister", "weather", "city",
    ];
    let mut text = String::from("A long story\n\n");
    for p in 0..6000 {
        let passage: Vec<&str> = (0..60).map(|w| words[(p * 7 + w * 3) % 7]).collect();
        text.push_str(&passage.join(" "));
        text.push_str(" zebra.\n\n");
    }
    env.write("long.txt", &text);
    let run = env.run(&["index", "corpus", "--default-date", "2024-12-30", "-q"]);
    assert_eq!(run.status, 0, "index failed: {}", run.stderr);
    let server = Server::start(&env);
    let (status, found) = server.json("/api/search?q=zebra&limit=1");
    assert_eq!(status, 200, "{found}");
    let path = found["hits"][0]["path"].as_str().unwrap().to_string();
    // More such clients than workers (4).
    let slow: Vec<TcpStream> = (0..6)
        .map(|_| {
            let mut stream = TcpStream::connect(&server.addr).expect("connects");
            let request =
                format!("GET /api/article?path={path} HTTP/1.1\r\nHost: localhost\r\n\r\n");
            stream.write_all(request.as_bytes()).unwrap();
            stream
        })
        .collect();
    // The first four (requests are taken in order) read the first byte of
    // their answers, so those are made (on a busy machine that takes a
    // debug build seconds), and then read no more. Were the workers
    // writing the answers, all four would be held now.
    for mut stream in &slow[..4] {
        stream
            .set_read_timeout(Some(Duration::from_secs(120)))
            .unwrap();
        stream.read_exact(&mut [0u8; 1]).expect("an answer starts");
    }
    let started = std::time::Instant::now();
    let (status, value) = server.json("/api/search?q=snow&limit=1");
    assert_eq!(status, 200, "{value}");
    // Held behind them, it would wait for a slow client's send to time
    // out (10 s at least); a busy machine takes some seconds anyway.
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "a search waited {:?} behind clients not reading their answers",
        started.elapsed()
    );
    drop(slow);
}
