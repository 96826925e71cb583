#!/usr/bin/env bash
# Profiles `newsdex index --rebuild` and prints the hottest functions.
#
#   bench/profile.sh [--tool callgrind|perf] [--every N] [--work DIR] [--news DIR]
#
# callgrind (default; exact instruction counts, slow: runs on a subset, every Nth
# story of the 1x folder, default N=10, single worker thread so the counts are not
# split across threads) or perf (cpu-clock sampling of the whole 1x folder; works on
# VMs without hardware counters). Needs the 1x folder: bench/materialize.py makes it
# (run.sh does too). Results stay in target/bench/profile/.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
TOOL=callgrind
EVERY=10
WORK=${BENCH_WORK:-$ROOT/target/bench}
NEWS=/work/shared/data/news
while [ $# -gt 0 ]; do
  case "$1" in
    --tool) TOOL=$2; shift 2 ;;
    --every) EVERY=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --news) NEWS=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "profile.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
NEWSDEX=${NEWSDEX:-$ROOT/target/release/newsdex}
P=$WORK/profile
mkdir -p "$P"
python3 "$HERE/materialize.py" --news "$NEWS" --out "$WORK/x1" --scale 1

case "$TOOL" in
  callgrind)
    command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }
    rm -rf "$P/subset" "$P/index-cg"
    # every Nth file of the 1x folder, same mix of formats and folders
    (cd "$WORK/x1/news" && find . -type f ! -name '.*' | sort | awk -v n="$EVERY" 'NR % n == 1') |
      while read -r f; do mkdir -p "$P/subset/$(dirname "$f")"; cp -p "$WORK/x1/news/$f" "$P/subset/$f"; done
    echo "profile: $(find "$P/subset" -type f | wc -l) files, $(du -sb "$P/subset" | cut -f1) bytes" >&2
    valgrind --tool=callgrind --callgrind-out-file="$P/callgrind.out" \
      "$NEWSDEX" index "$P/subset" --index "$P/index-cg" --rebuild --threads 1 2>"$P/callgrind.err"
    callgrind_annotate --inclusive=no "$P/callgrind.out" 2>/dev/null | head -60 >"$P/self.txt"
    callgrind_annotate --inclusive=yes "$P/callgrind.out" 2>/dev/null | head -80 >"$P/inclusive.txt"
    echo "== self (exclusive) instructions"; cat "$P/self.txt"
    echo "== inclusive instructions"; cat "$P/inclusive.txt"
    ;;
  perf)
    rm -rf "$P/index-perf"
    perf record -e cpu-clock -F 999 -g --call-graph dwarf,16384 -o "$P/perf.data" \
      "$NEWSDEX" index "$WORK/x1/news" --index "$P/index-perf" --rebuild 2>"$P/perf.err"
    perf report -i "$P/perf.data" --no-children --sort symbol --stdio 2>/dev/null |
      grep -E '^ +[0-9.]+%' | head -40 >"$P/perf-self.txt"
    perf report -i "$P/perf.data" --children --sort symbol --stdio 2>/dev/null |
      grep -E '^ +[0-9.]+%' | head -60 >"$P/perf-children.txt"
    echo "== self"; cat "$P/perf-self.txt"
    echo "== children (inclusive)"; cat "$P/perf-children.txt"
    ;;
  *) echo "profile.sh: --tool callgrind|perf" >&2; exit 2 ;;
esac
