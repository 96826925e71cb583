#!/usr/bin/env bash
# newsdex benchmark: index and search times, MB/s and peak memory against
# tantivy-cli and ripgrep, on news folders materialised from the raw news data
# at 1x (~26k stories) and 10x. See bench/README.md.
#
#   bench/run.sh [--news DIR] [--scale 1|10|both] [--skip-tantivy] [--queries N]
#                [--runs N] [--index-runs N] [--work DIR] [--no-build] [--no-save]
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")

NEWS=/work/shared/data/news
SCALE=1
SKIP_TANTIVY=0
NQUERIES=20
RUNS=15           # timed runs per query (after 1 warm-up); rg gets at most 5, at 10x 3
INDEX_RUNS=3      # full index runs of newsdex and tantivy-cli, alternating; 10x gets 1
WORK=${BENCH_WORK:-$ROOT/target/bench}
BUILD=1
SAVE=1
THREADS=$(nproc)

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --news) NEWS=$2; shift 2 ;;
    --scale) SCALE=$2; shift 2 ;;
    --skip-tantivy) SKIP_TANTIVY=1; shift ;;
    --queries) NQUERIES=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --index-runs) INDEX_RUNS=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --no-save) SAVE=0; shift ;;
    -h|--help) usage 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; usage 2 ;;
  esac
done
case "$SCALE" in
  1) SCALES=(1) ;; 10) SCALES=(10) ;; both) SCALES=(1 10) ;;
  *) echo "run.sh: --scale must be 1, 10 or both" >&2; exit 2 ;;
esac
for f in reuters21578.jsonl bbc_news_2005.jsonl te3-silver; do
  [ -e "$NEWS/$f" ] || { echo "run.sh: $NEWS/$f is missing (--news DIR)" >&2; exit 2; }
done

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------- tools
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then apt-get update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
[ -x /usr/bin/time ] || { log "installing time"; apt_install time; }
command -v rg >/dev/null || { log "installing ripgrep"; apt_install ripgrep || cargo install ripgrep; }
command -v hyperfine >/dev/null || { log "installing hyperfine"; apt_install hyperfine || cargo install hyperfine; }
command -v python3 >/dev/null || { echo "run.sh: python3 is needed" >&2; exit 2; }
export PATH="$HOME/.cargo/bin:$PATH"
if [ "$SKIP_TANTIVY" = 0 ] && ! command -v tantivy >/dev/null; then
  # tantivy-cli 0.24.0's own Cargo.lock pins traitobject 0.1.0, which newer rustc
  # rejects (E0119), so --locked fails; without it the build works.
  log "installing tantivy-cli (cargo install tantivy-cli; a few minutes)"
  cargo install tantivy-cli --locked >/dev/null 2>&1 || cargo install tantivy-cli
fi

NEWSDEX=${NEWSDEX:-$ROOT/target/release/newsdex}
if [ "$BUILD" = 1 ]; then
  # The static build (see .cargo/config.toml) where glibc supports it.
  if [ "$(uname -sm)" = "Linux x86_64" ]; then
    log "building newsdex (cargo build-static: the release binary, statically linked)"
    (cd "$ROOT" && cargo --quiet build-static)
  else
    log "building newsdex (cargo build --release)"
    (cd "$ROOT" && cargo build --release --quiet)
  fi
fi
[ -x "$NEWSDEX" ] || { echo "run.sh: $NEWSDEX is missing (build it or set NEWSDEX)" >&2; exit 2; }

# ---------------------------------------------------------------- helpers
# timed OUT_PREFIX CMD...: runs CMD once under /usr/bin/time -v; writes
# OUT_PREFIX.time (wall seconds, peak RSS KiB, exit code, CPU seconds) and
# OUT_PREFIX.out/.err.
timed() {
  local out=$1; shift
  local rc=0
  /usr/bin/time -v -o "$out.timev" "$@" >"$out.out" 2>"$out.err" || rc=$?
  python3 - "$out.timev" "$rc" >"$out.time" <<'EOF'
import sys, re
text = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
secs = 0.0
for part in wall.split(":"):
    secs = secs * 60 + float(part)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
cpu = sum(float(re.search(rf"{kind} time \(seconds\): (\S+)", text).group(1)) for kind in ("User", "System"))
print(f"{secs:.3f} {rss} {sys.argv[2]} {cpu:.2f}")
EOF
  return 0
}

# warm the page cache for a folder (all benchmarks run warm)
warm() { find "$1" -type f -print0 | xargs -0 cat >/dev/null; }

write_tantivy_meta() {
  # title and body: en_stem text with positions, stored (search prints the documents)
  mkdir -p "$1"
  cat >"$1/meta.json" <<'EOF'
{
  "index_settings": {"docstore_compression": "lz4", "docstore_blocksize": 16384},
  "segments": [],
  "schema": [
    {"name": "title", "type": "text", "options": {"indexing": {"record": "position", "fieldnorms": true, "tokenizer": "en_stem"}, "stored": true, "fast": false}},
    {"name": "body", "type": "text", "options": {"indexing": {"record": "position", "fieldnorms": true, "tokenizer": "en_stem"}, "stored": true, "fast": false}}
  ],
  "opstamp": 0
}
EOF
}

RUN_ID=$(date +%Y-%m-%dT%H:%M:%S)
OUT=$WORK/results
mkdir -p "$OUT"
rm -rf "${OUT:?}"/*
{
  echo "run_id=$RUN_ID"
  echo "host=$(hostname -s)"
  echo "cores=$THREADS"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "mem_gib=$(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo)"
  echo "loadavg_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "newsdex_commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet -- src 2>/dev/null || echo '+dirty')"
  echo "newsdex_bin=$NEWSDEX"
  echo "newsdex_linking=$(file -b "$NEWSDEX" 2>/dev/null | grep -o -m1 '[a-z]*ally linked' || echo unknown)"
  if [ "$SKIP_TANTIVY" = 0 ]; then
    echo "tantivy_cli=$(cargo install --list 2>/dev/null | sed -n 's/^\(tantivy-cli v[^ :]*\).*/\1/p')"
  else
    echo "tantivy_cli=skipped"
  fi
  echo "rg=$(rg --version | sed -n 1p)"
  echo "hyperfine=$(hyperfine --version)"
  echo "runs=$RUNS"
  echo "index_runs=$INDEX_RUNS"
  echo "scales=${SCALES[*]}"
  echo "skip_tantivy=$SKIP_TANTIVY"
} >"$OUT/env.txt"

T0=$(date +%s)
for S in "${SCALES[@]}"; do
  D=$WORK/x$S
  R=$OUT/x$S
  mkdir -p "$R"
  log "x$S: materialising the news folder into $D"
  python3 "$HERE/materialize.py" --news "$NEWS" --out "$D" --scale "$S"
  python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(m["files"], m["bytes"])' \
    "$D/news/.materialized" >"$R/corpus.txt"
  log "x$S: $(cut -d' ' -f1 "$R/corpus.txt") files, $(( $(cut -d' ' -f2 "$R/corpus.txt") / 1000000 )) MB; warming the page cache"
  warm "$D/news"; warm "$D/tantivy-docs.jsonl"

  # -- full index: newsdex (every extraction on) and tantivy-cli (plain) of the
  # same stories, each into a fresh dir, alternating so that both see the same
  # machine; the report takes each one's median. The last newsdex run leaves
  # the index the re-index and the queries use.
  index_runs=$INDEX_RUNS; [ "$S" -ge 10 ] && index_runs=1
  for run in $(seq 1 "$index_runs"); do
    rm -rf "$D/newsdex-index"
    log "x$S: newsdex index --rebuild (full), run $run of $index_runs"
    timed "$R/newsdex_full.r$run" "$NEWSDEX" index "$D/news" --index "$D/newsdex-index" --rebuild
    log "x$S:   $(cat "$R/newsdex_full.r$run.time") (s, KiB, rc, CPU s); $(tail -n 3 "$R/newsdex_full.r$run.err" | tr '\n' ' ')"
    if [ "$SKIP_TANTIVY" = 0 ]; then
      rm -rf "$D/tantivy-index"
      write_tantivy_meta "$D/tantivy-index"
      log "x$S: tantivy index -t $THREADS, run $run of $index_runs"
      timed "$R/tantivy_index.r$run" tantivy index -i "$D/tantivy-index" -f "$D/tantivy-docs.jsonl" -t "$THREADS"
      log "x$S:   $(cat "$R/tantivy_index.r$run.time") (s, KiB, rc, CPU s)"
    fi
  done

  # -- newsdex re-index of the unchanged folder
  log "x$S: newsdex index (unchanged folder)"
  timed "$R/newsdex_reindex" "$NEWSDEX" index "$D/news" --index "$D/newsdex-index"
  log "x$S:   $(cat "$R/newsdex_reindex.time") (s, KiB, rc, CPU s)"

  # -- queries: one run each under /usr/bin/time (hits, peak memory), then hyperfine
  warm "$D/newsdex-index"; [ "$SKIP_TANTIVY" = 0 ] && warm "$D/tantivy-index"
  # A query takes newsdex and tantivy-cli a few milliseconds, and a median
  # of 5 of them moved by 20 % on a busy machine; rg takes 0.1-1 s and is
  # 40 times slower or more, so fewer of its runs decide nothing.
  rg_runs=$RUNS; [ "$rg_runs" -gt 5 ] && rg_runs=5
  [ "$S" -ge 10 ] && [ "$rg_runs" -gt 3 ] && rg_runs=3
  i=0
  while IFS=$'\t' read -r label nq nflags tq rgpats; do
    case "$label" in ''|'#'*) continue ;; esac
    i=$((i + 1)); [ "$i" -le "$NQUERIES" ] || break
    q=$(printf 'q%02d' "$i")
    printf '%s\n' "$label" >"$R/$q.label"
    ncmd=("$NEWSDEX" search "$nq" --index "$D/newsdex-index" --format json)
    # shellcheck disable=SC2206  # the flags are space-separated words
    [ "$nflags" = - ] || ncmd+=($nflags)
    rgcmd=(rg -uu -i -F -l)
    IFS=';' read -r -a pats <<<"$rgpats"
    for p in "${pats[@]}"; do rgcmd+=(-e "$p"); done
    rgcmd+=("$D/news")
    tcmd=(tantivy search -i "$D/tantivy-index" -q "$tq")

    timed "$R/$q.newsdex" "${ncmd[@]}"
    timed "$R/$q.rg" "${rgcmd[@]}"
    hf=(hyperfine -N -i --style none --warmup 1 --runs "$RUNS")
    if [ "$SKIP_TANTIVY" = 0 ]; then
      timed "$R/$q.tantivy" "${tcmd[@]}"
      "${hf[@]}" --export-json "$R/$q.hf.json" -n newsdex "$(printf '%q ' "${ncmd[@]}")" \
        -n tantivy "$(printf '%q ' "${tcmd[@]}")" >/dev/null 2>"$R/$q.hf.err"
    else
      "${hf[@]}" --export-json "$R/$q.hf.json" -n newsdex "$(printf '%q ' "${ncmd[@]}")" \
        >/dev/null 2>"$R/$q.hf.err"
    fi
    hyperfine -N -i --style none --warmup 1 --runs "$rg_runs" --export-json "$R/$q.hf-rg.json" \
      -n rg "$(printf '%q ' "${rgcmd[@]}")" >/dev/null 2>>"$R/$q.hf.err"
    log "x$S: query $i $label done"
  done <"$HERE/queries.tsv"
  log "x$S: done after $(( $(date +%s) - T0 )) s"
done
echo "loadavg_end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/env.txt"
echo "total_seconds=$(( $(date +%s) - T0 ))" >>"$OUT/env.txt"

# ---------------------------------------------------------------- report
name="$(date +%Y-%m-%d)-$(hostname -s)-${THREADS}c"
[ "$SCALE" = both ] || name="$name-x$SCALE"
# a second run on the same day keeps the first: suffix with the start time
[ -e "$HERE/results/$name.md" ] && name="$name-$(date -d "$RUN_ID" +%H%M 2>/dev/null || date +%H%M)"
if [ "$SAVE" = 1 ]; then
  python3 "$HERE/report.py" "$OUT" | tee "$HERE/results/$name.md"
  log "written to bench/results/$name.md"
else
  python3 "$HERE/report.py" "$OUT"
fi
