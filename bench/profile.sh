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
    for kind in no yes; do
      callgrind_annotate --auto=no --threshold=100 --inclusive=$kind "$P/callgrind.out" 2>/dev/null |
        python3 -c '
import collections, re, sys
total, by_fn = None, collections.Counter()
for line in sys.stdin:
    m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$", line)
    if not m:
        continue
    n, rest = int(m.group(1).replace(",", "")), re.sub(r" \[[^\]]*\]$", "", m.group(2))
    if rest.startswith("PROGRAM TOTALS"):
        total = n
        continue
    # file:function; inlined code is listed per source file, so add up by function
    fn = rest.split(":", 1)[1] if ":" in rest else rest
    by_fn[fn] = by_fn[fn] + n if sys.argv[1] == "no" else max(by_fn[fn], n)
for fn, n in by_fn.most_common(40):
    print(f"{100 * n / total:6.2f}%  {fn[:200]}")
' "$kind" >"$P/callgrind-$kind.txt"
    done
    echo "== self (exclusive) instructions by function"; cat "$P/callgrind-no.txt"
    echo "== inclusive instructions by function (max over the source files it was inlined from)"
    cat "$P/callgrind-yes.txt"
    ;;
  perf)
    # self time by function (no call graphs: release builds have no frame pointers)
    rm -rf "$P/index-perf"
    perf record -e cpu-clock -F 999 -o "$P/perf.data" \
      "$NEWSDEX" index "$WORK/x1/news" --index "$P/index-perf" --rebuild 2>"$P/perf.err"
    perf report -i "$P/perf.data" --sort symbol --stdio 2>/dev/null |
      awk '/^ +[0-9.]+%/ && ++n <= 40' >"$P/perf-self.txt"
    perf report -i "$P/perf.data" --sort dso --stdio 2>/dev/null |
      awk '/^ +[0-9.]+%/ && ++n <= 10' >"$P/perf-dso.txt"
    echo "== self time by function"; cat "$P/perf-self.txt"
    echo "== by binary"; cat "$P/perf-dso.txt"
    ;;
  *) echo "profile.sh: --tool callgrind|perf" >&2; exit 2 ;;
esac
