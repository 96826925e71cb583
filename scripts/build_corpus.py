#!/usr/bin/env python3
"""Builds the sample news folder `corpus/` that ships with newsdex.

Usage:
    python3 scripts/build_corpus.py MEANTIME_DIR SEED_TXT OUT_DIR

    MEANTIME_DIR  the MEANTIME English folder holding gold.jsonl and
                  text/corpus_*/<id>_<title>.txt
                  (e.g. ../shared/data/meantime)
    SEED_TXT      the seed article, plain text
                  (e.g. ../shared/data/seed/aliyev-challenges-putin-plane-crash.txt)
    OUT_DIR       where to write (e.g. corpus); the seed/ and meantime/
                  subfolders are replaced, other files (README.md) are kept

Python 3 standard library only. The output is deterministic, so running it
again on the same inputs changes nothing.

What it writes (see corpus/README.md):
  seed/aliyev-challenges-putin-plane-crash.md    front matter + original text
  meantime/airbus/<id>_<title>.md                Markdown with YAML front matter
  meantime/apple/<id>_<title>.html               HTML page with meta tags
  meantime/gm/articles.jsonl                     one JSON article a line
  meantime/stock/<YYYY-MM-DD>/<id>_<title>.txt   title line, blank line, body;
                                                 the date is in the path

A MEANTIME text file is: line 1 the title, line 2 the dateline (`March 01 ,
2008`), then one tokenised sentence a line. The title goes into each format's
title field and the body is lines 2 onward, unchanged (dateline included: it
is part of the article as published).
"""

import html
import json
import re
import shutil
import sys
from pathlib import Path

SEED_TITLE = "Azerbaijan's Leader Challenges Putin After Deadly Plane Crash"
# Approximate: the text reports events of December 25 and 29, 2024.
SEED_DATE = "2024-12-30"
ATTRIBUTION = "Wikinews (CC BY 4.0), via the NewsReader MEANTIME corpus"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    meantime, seed, out = Path(argv[1]), Path(argv[2]), Path(argv[3])
    for sub in ("seed", "meantime"):
        shutil.rmtree(out / sub, ignore_errors=True)
    write_seed(seed, out / "seed")
    counts = write_meantime(meantime, out / "meantime")
    for name, n in sorted(counts.items()):
        print(f"{name}: {n}")


def write_seed(seed, out):
    out.mkdir(parents=True)
    body = seed.read_text(encoding="utf-8")
    front = [
        "---",
        f"title: {yaml_str(SEED_TITLE)}",
        f"date: {SEED_DATE}",
        f"note: {yaml_str('publication day approximate: the text dates events to December 25 and 29, 2024')}",
        "---",
    ]
    write(out / (seed.stem + ".md"), "\n".join(front) + "\n" + body)


def write_meantime(meantime, out):
    docs = [json.loads(line) for line in (meantime / "gold.jsonl").open(encoding="utf-8")]
    counts = {}
    jsonl = []
    for doc in sorted(docs, key=lambda d: d["file"]):
        src = meantime / doc["file"]
        lines = src.read_text(encoding="utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        title_line, body = lines[0], lines[1:]
        if title_line != doc["title"]:
            sys.exit(f"{src}: first line is not the gold title")
        topic = src.parent.name.removeprefix("corpus_")
        stem = src.stem
        meta = {
            "id": doc["doc_id"],
            "title": doc["title"],
            "url": doc["url"],
            "date": iso_date(doc.get("dct")),
        }
        if topic == "airbus":
            write(out / topic / (stem + ".md"), markdown(meta, body))
        elif topic == "apple":
            write(out / topic / (stem + ".html"), html_page(meta, body))
        elif topic == "gm":
            jsonl.append(json_record(meta, body))
        elif topic == "stock":
            folder = out / topic / meta["date"] if meta["date"] else out / topic
            write(folder / (stem + ".txt"), meta["title"] + "\n\n" + "\n".join(body) + "\n")
        else:
            sys.exit(f"{src}: unknown MEANTIME topic {topic}")
        counts[topic] = counts.get(topic, 0) + 1
    write(out / "gm" / "articles.jsonl", "".join(line + "\n" for line in jsonl))
    return counts


def iso_date(dct):
    """MEANTIME's DCT as YYYY-MM-DD, or None when the document has none."""
    if not dct:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", dct):
        return dct
    # One document (120578) writes it day first, 03-02-2009; its dateline
    # reads "February 03 , 2009".
    m = re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", dct)
    if m:
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    sys.exit(f"unexpected DCT {dct!r}")


def markdown(meta, body):
    front = ["---", f"title: {yaml_str(meta['title'])}"]
    if meta["date"]:
        front.append(f"date: {meta['date']}")
    front += [
        f"url: {yaml_str(meta['url'])}",
        f"id: {yaml_str(meta['id'])}",
        f"source: {yaml_str(ATTRIBUTION)}",
        "---",
    ]
    # One paragraph a source line, as the plain-text file reads them.
    return "\n".join(front) + "\n" + "\n\n".join(md_escape(line) for line in body) + "\n"


def yaml_str(s):
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(s, ensure_ascii=False)


MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&~|])")


def md_escape(line):
    """Backslash-escapes what Markdown would read as markup (the tokenised
    text has `` `` `` quotes, `#` for pounds, `&`, ...), so the loader gets
    the line back unchanged."""
    line = MD_SPECIAL.sub(r"\\\1", line)
    # Block markers only count at the start of a line.
    line = re.sub(r"^([#+=-])", r"\\\1", line)
    line = re.sub(r"^(\d+)([.)])", r"\1\\\2", line)
    return line


def html_page(meta, body):
    e = html.escape
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(meta['title'])} - Wikinews</title>",
        f'<meta property="og:title" content="{e(meta["title"])}">',
        f'<meta property="og:url" content="{e(meta["url"])}">',
        f'<link rel="canonical" href="{e(meta["url"])}">',
    ]
    if meta["date"]:
        head.append(f'<meta property="article:published_time" content="{meta["date"]}">')
    page = head + [
        "</head>",
        "<body>",
        '<nav><a href="https://en.wikinews.org/">Wikinews</a></nav>',
        "<article>",
        f"<h1>{e(meta['title'])}</h1>",
    ]
    page += [f"<p>{e(line)}</p>" for line in body]
    page += [
        f'<footer>From {e(ATTRIBUTION)}: <a href="{LICENSE_URL}">licence</a>.</footer>',
        "</article>",
        "</body>",
        "</html>",
    ]
    return "\n".join(page) + "\n"


def json_record(meta, body):
    record = {"id": meta["id"], "title": meta["title"], "url": meta["url"]}
    if meta["date"]:
        record["published"] = meta["date"]
    record["body"] = "\n".join(body)
    record["source"] = ATTRIBUTION
    return json.dumps(record, ensure_ascii=False)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


if __name__ == "__main__":
    main(sys.argv)
