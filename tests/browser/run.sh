#!/usr/bin/env bash
# Drives the search page of `newsdex serve` in a real headless Chromium:
# search, highlights, entity chips, dates, the article view, HTML injection
# attempts, and a screenshot in target/browser/. Not run by `cargo test`.
#
# Needs node and npm; installs playwright-core into tests/browser/node_modules
# (never a browser download: it drives Debian's /usr/bin/chromium, installed
# with apt-get when missing).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/tests/browser"
cd "$root"

if [ ! -x /usr/bin/chromium ]; then
    echo "browser test: installing Debian's chromium" >&2
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    # Exit 77 ("skipped") when the machine cannot get a browser: that is the
    # environment, not newsdex; a failing check below still fails.
    if ! { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }; then
        echo "browser test: SKIPPED: could not install Debian's chromium" >&2
        exit 77
    fi
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
    echo "browser test: installing playwright-core" >&2
    if ! (cd "$here" && npm install --no-save --no-audit --no-fund --loglevel=error playwright-core); then
        echo "browser test: SKIPPED: could not install playwright-core" >&2
        exit 77
    fi
fi

cargo build --quiet
bin="$root/target/debug/newsdex"

tmp="$(mktemp -d)"
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

# The bundled corpus when there is one, plus articles this test relies on.
mkdir -p "$tmp/corpus/test"
if [ -d corpus ] && [ -n "$(ls -A corpus 2>/dev/null)" ]; then
    cp -r corpus "$tmp/corpus/bundled"
fi
cat > "$tmp/corpus/test/aliyev-plane-crash.txt" <<'TXT'
Aliyev says Azerbaijan Airlines plane was shot down over Russia

Azerbaijani President Ilham Aliyev said on December 29, 2024 that the Azerbaijan Airlines plane that crashed near Aktau in Kazakhstan on December 25 had been damaged by fire from the ground over Russia.

Russian President Vladimir Putin apologised to Aliyev in a phone call on December 28 for what the Kremlin called a "tragic incident" in Russian airspace.

Aliyev said Moscow had tried to hush up the cause of the crash, which killed 38 of the 67 people on board. Café owners in Baku – and crews at Heydar Aliyev International Airport – observed a minute of silence.
TXT
cat > "$tmp/corpus/test/injection.txt" <<'TXT'
<script>alert(1)</script><img src=x onerror=alert(1)> Aliyev headline

The text <script>alert(1)</script><img src=x onerror=alert(1)> also mentions Aliyev and Baku, and "quotes" & <b>tags</b>.
TXT
cat > "$tmp/corpus/test/arabic.txt" <<'TXT'
بوتين يلتقي علييف في موسكو

التقى الرئيس الروسي فلاديمير بوتين بالرئيس الأذربيجاني إلهام علييف في موسكو يوم 24 ديسمبر 2024.
TXT
# Wire copy wrapped at 60 columns, and a table aligned with spaces.
cat > "$tmp/corpus/test/wrapped.txt" <<'TXT'
Reagan offers missile treaty draft

President Reagan said the United
States would offer a draft treaty on medium-range missile
reductions at talks with the Soviet Union in Geneva tomorrow.

 MAY 1922   (1934)
 JLY 1956   (1967)
TXT
# A headline and a passage with words longer than a phone is wide.
printf 'Aliyev %s headline\n\nAliyev %s passage.\n' "$(printf 'Unbroken%.0s' $(seq 1 40))" "$(printf 'word%.0s' $(seq 1 120))" > "$tmp/corpus/test/long-words.txt"
cat > "$tmp/corpus/test/injection.md" <<'TXT'
---
title: "<img src=x onerror=alert(2)> Aliyev in Markdown"
date: 2024-12-30
url: "javascript:alert(3)"
---

Markdown body about Aliyev with <script>alert(4)</script> inside.
TXT

# Stories that name the section they ran in, as the BBC's records do.
cat > "$tmp/corpus/test/sections.jsonl" <<'TXT'
{"id": "w1", "category": "Politics", "title": "Walrus tax vote", "date": "2024-12-20", "body": "Ministers vote on the walrus tax."}
{"id": "w2", "category": "sport", "title": "Walrus wins race", "date": "2024-12-21", "body": "A walrus won the harbour race."}
TXT

# From inside the temp folder, so paths read corpus/... as they would for a user.
(cd "$tmp" && "$bin" index corpus --index index --default-date 2024-12-30 --quiet)
"$bin" serve --index "$tmp/index" --addr 127.0.0.1:0 2> "$tmp/serve.log" &
server=$!
url=""
for _ in $(seq 1 100); do
    url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$tmp/serve.log" | head -n 1 || true)"
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { cat "$tmp/serve.log" >&2; echo "browser test: the server did not start" >&2; exit 1; }

mkdir -p "$root/target/browser"
node "$here/test.mjs" "$url" "$root/target/browser"
