//! Saved news pages: the story is indexed, not the page around it.

use crate::harness::Env;

/// A blog theme's page, written the way such themes write them: chrome in
/// `<div>`s marked by class, id and role rather than by tag.
const SAVED_PAGE: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Pelicans return to the harbour | Example Blog</title></head>
<body class="post-template-default single single-post">
<div id="page">
  <div id="access" role="navigation"><ul class="menu"><li><a href="/">Home</a></li><li><a href="/imprint">Imprint</a></li></ul></div>
  <div id="content" class="narrowcolumn">
    <article id="post-7" class="post type-post tag-birds">
      <h1>Pelicans return to the harbour</h1>
      <div class="entry-content">
        <p>After a decade away, a colony of pelicans nested again in the old harbour this spring.</p>
        <p>Volunteers counted forty nests along the <a href="/pier">north pier</a> in May.</p>
        <div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><ul><li><a href="/s">Twitter</a></li></ul><p>Press the button to tell your zeppelin friends.</p></div>
        <div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><p>The ocelot that swam the canal, and other stories.</p></div>
      </div>
      <footer class="entry-meta">Posted on <time datetime="2019-08-02T15:57:41+00:00">August 2, 2019</time></footer>
      <p><a href="/blog">Back to the overview of all kingfisher posts</a></p>
    </article>
    <ol class="commentlist"><li id="comment-1"><p>What about the walrus colony? <time datetime="2019-08-05">Aug 5</time></p></li></ol>
  </div>
  <div id="sidebar"><p>About me: I write about the quokka and other animals.</p></div>
</div>
</body></html>"#;

#[test]
fn a_saved_page_is_read_without_its_chrome() {
    let env = Env::new();
    env.write("pelicans.html", SAVED_PAGE);
    env.index();
    let hits = env.hits("volunteers", &[]);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["title"], "Pelicans return to the harbour");
    assert_eq!(hits[0]["published"], "2019-08-02");
    assert_eq!(
        hits[0]["text"],
        "Volunteers counted forty nests along the north pier in May."
    );
    // A share bar, related stories, a link back, comments and a sidebar.
    for word in [
        "zeppelin",
        "ocelot",
        "kingfisher",
        "walrus",
        "quokka",
        "imprint",
    ] {
        assert!(env.hits(word, &[]).is_empty(), "{word}");
    }
}

/// A page in a legacy encoding that says so in its `<meta charset>` is
/// read in it, and its words are found.
#[test]
fn a_page_is_read_in_the_encoding_its_meta_tag_declares() {
    let env = Env::new();
    let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
                <title>北京新闻</title></head><body><article><h1>北京新闻</h1>\
                <p>北京市政府今天宣布新的交通计划。</p></article></body></html>";
    let (bytes, _, _) = encoding_rs::GBK.encode(page);
    env.write("2024-12-30/beijing.html", bytes.as_ref());
    let run = env.index();
    assert!(
        run.stderr.contains("decoded as GBK, as the page declares"),
        "{}",
        run.stderr
    );
    let hits = env.hits("交通计划", &[]);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0]["title"], "北京新闻");
}
