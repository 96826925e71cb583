#!/usr/bin/env python3
"""Rebuilds models/gazetteers/companies.txt: listed companies, as news names them.

The list is a feature of the NER model (see models/gazetteers/README.md). Its source is the
constituents of 20 stock indices (S&P 500, FTSE 100, DAX, CAC 40, Nikkei 225, ...) in the
MIT-licensed PyPI package pytickersymbols 1.17.10. News drops the legal form ("Apple Inc." is
"Apple"), so each name is kept with and without it. A one-word name that news writes more often
in lower case than capitalised ("Target", "Block", "Progressive") is a common word first, and is
left out: the counts come from the unlabelled news the word clusters are trained on.

Usage (from the repository root):
    pip download --no-deps -d /tmp/companies pytickersymbols==1.17.10
    (cd /tmp/companies && unzip -q -o pytickersymbols-1.17.10-py3-none-any.whl -d pts)
    python3 scripts/build_companies.py /tmp/companies/pts ../shared/data/news
"""
import collections
import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, sys.argv[1])
from pytickersymbols.indices_data import INDICES  # noqa: E402

news = Path(sys.argv[2])
out = Path("models/gazetteers/companies.txt")

# Legal forms and their abbreviations, as they end a listed name.
LEGAL = {
    "inc", "incorporated", "corporation", "corp", "company", "co", "plc", "ag", "se", "sa",
    "s.a", "nv", "n.v", "ltd", "limited", "llc", "lp", "l.p", "kgaa", "asa", "ab", "oyj",
    "holdings", "holding", "group", "& co", "co kgaa", "the",
}


def latin(name: str) -> bool:
    return all(ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in name)


def short_forms(name: str):
    """The name, and the name without its trailing legal forms or a leading "The"."""
    name = re.sub(r"\s+", " ", name.replace(",", " ")).strip()
    yield name
    words = name.split(" ")
    if words and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and words[-1].lower().rstrip(".") in LEGAL:
        words = words[:-1]
    yield " ".join(words)


def word_cases(path: Path):
    """How often each word stands in lower case and capitalised in the news."""
    lower, capital = collections.Counter(), collections.Counter()
    for file in sorted(path.rglob("*")):
        if not file.is_file():
            continue
        text = file.read_text(encoding="utf-8", errors="replace")
        for word in re.findall(r"[A-Za-z][a-z]+", text):
            (lower if word[0].islower() else capital)[word.lower()] += 1
    return lower, capital


names = set()
for index in INDICES.values():
    for company in index["companies"]:
        names.update(f for f in short_forms(company["name"]) if f and latin(f))

lower, capital = word_cases(news)
kept = sorted(
    n for n in names
    if " " in n or len(n) < 2 or n.isupper() or lower[n.lower()] <= capital[n.lower()]
)
out.write_text("\n".join(kept) + "\n", encoding="utf-8")
print(out, len(kept), "of", len(names))
