#!/usr/bin/env python3
"""Materialise a benchmark news folder (one file per story) from the raw news data.

Input (--news DIR, default /work/shared/data/news):
  reuters21578.jsonl   21,578 stories with title, date, body   -> .json  (the record, plus an id)
  bbc_news_2005.jsonl   2,225 stories with title, body         -> .md    (YAML front matter title)
  te3-silver/*.txt      2,452 plain stories (date in the name)  -> .txt   (copied as they are)

Output (--out DIR):
  DIR/news/c<K>/...          the news folder newsdex and rg read; K = 0..scale-1, each copy
                             holds every story once, with distinct ids and paths
  DIR/tantivy-docs.jsonl     the same stories, one JSON document {"title", "body"} a line,
                             for `tantivy index`
  DIR/news/.materialized     stamp (hidden, so newsdex skips it): the folder is reused as is
                             (same paths, same mtimes) when the stamp matches

The data is research-only: never commit the output; generate it into a scratch dir
(target/bench/ or $TMPDIR). Python 3 standard library only.
"""

import argparse
import json
import os
import shutil
import sys
import time

VERSION = 2
PER_DIR = 1000  # files per leaf folder


def read_jsonl(path):
    """The records of a JSON Lines file, skipping blank lines."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def load_reuters(news):
    return list(read_jsonl(os.path.join(news, "reuters21578.jsonl")))


def load_bbc(news):
    out = []
    for r in read_jsonl(os.path.join(news, "bbc_news_2005.jsonl")):
        ident = r.get("id") or str(len(out))
        out.append((ident, r.get("category") or "misc", r.get("title") or "",
                    r.get("body") or ""))
    return out


def load_te3(news):
    folder = os.path.join(news, "te3-silver")
    out = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), "rb") as f:
            out.append((name, f.read()))
    return out


def te3_title_body(raw):
    """Title and body as newsdex sees a .txt (first line is the title when a blank line follows)."""
    text = raw.decode("utf-8", errors="replace")
    stripped = text.lstrip("\n")
    first, sep, rest = stripped.partition("\n")
    if sep and rest.startswith("\n"):
        return first.strip(), rest.strip()
    return "", text.strip()


def yaml_str(s):
    # A JSON string is a valid YAML double-quoted scalar.
    return json.dumps(s.replace("\n", " "), ensure_ascii=False)


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--news", default="/work/shared/data/news", help="raw news folder")
    ap.add_argument("--out", required=True, help="output folder (scratch)")
    ap.add_argument("--scale", type=int, default=1, help="copies of every story (1 = about 40 MB)")
    ap.add_argument("--force", action="store_true", help="regenerate even when the stamp matches")
    args = ap.parse_args()

    news_out = os.path.join(args.out, "news")
    docs_out = os.path.join(args.out, "tantivy-docs.jsonl")
    stamp_path = os.path.join(news_out, ".materialized")
    stamp = {"version": VERSION, "scale": args.scale, "news": os.path.abspath(args.news)}
    if not args.force and os.path.exists(stamp_path) and os.path.exists(docs_out):
        try:
            with open(stamp_path) as f:
                old = json.load(f)
            if all(old.get(k) == v for k, v in stamp.items()):
                print(f"materialize: {news_out} is up to date ({old['files']} files, "
                      f"{old['bytes']} bytes); reusing it", file=sys.stderr)
                return 0
        except (OSError, ValueError, KeyError):
            pass

    started = time.time()
    reuters = load_reuters(args.news)
    bbc = load_bbc(args.news)
    te3 = load_te3(args.news)

    if os.path.exists(news_out):
        shutil.rmtree(news_out)
    os.makedirs(news_out)
    files = 0
    total = 0
    made = set()

    def put(rel, data):
        nonlocal files, total
        full = os.path.join(news_out, rel)
        d = os.path.dirname(full)
        if d not in made:
            os.makedirs(d, exist_ok=True)
            made.add(d)
        write(full, data)
        files += 1
        total += len(data)

    with open(docs_out, "w", encoding="utf-8") as docs:
        for k in range(args.scale):
            copy = f"c{k}"
            # Reuters -> .json with a date
            for i, r in enumerate(reuters):
                # the whole record (title, date, body and Reuters' own metadata), with a distinct id
                newid = r.get("newid", i + 1)
                title, body = r.get("title") or "", r.get("body") or ""
                doc = {"id": f"reuters-{newid}-{copy}", **r}
                rel = os.path.join(copy, "reuters", f"{i // PER_DIR:03d}", f"reuters-{newid}.json")
                put(rel, json.dumps(doc, ensure_ascii=False).encode("utf-8"))
                docs.write(json.dumps({"title": title, "body": body}, ensure_ascii=False) + "\n")
            # BBC -> .md with front matter (the 2005 stories carry no date)
            for i, (ident, category, title, body) in enumerate(bbc):
                stem = ident.replace("/", "-").rsplit(".", 1)[0]
                md = f"---\ntitle: {yaml_str(title)}\nid: {yaml_str(f'bbc-{stem}-{copy}')}\n---\n\n{body}\n"
                rel = os.path.join(copy, "bbc", category, f"bbc-{stem}.md")
                put(rel, md.encode("utf-8"))
                docs.write(json.dumps({"title": title, "body": body}, ensure_ascii=False) + "\n")
            # te3-silver -> .txt as they are (the date is in the name: AFP_ENG_19970401.0006.txt)
            for i, (name, raw) in enumerate(te3):
                rel = os.path.join(copy, "te3", f"{i // PER_DIR:03d}", name)
                put(rel, raw)
                title, body = te3_title_body(raw)
                docs.write(json.dumps({"title": title, "body": body}, ensure_ascii=False) + "\n")

    stamp.update({"files": files, "bytes": total, "stories": files})
    with open(stamp_path, "w") as f:
        json.dump(stamp, f)
    print(f"materialize: wrote {files} files, {total / 1e6:.1f} MB into {news_out} "
          f"and {docs_out} in {time.time() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
