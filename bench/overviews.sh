#!/usr/bin/env bash
# Times `newsdex search`, `entities` and `timeline` as whole processes on a
# warm index (median of hyperfine runs), for the analyst commands' 50 ms
# floor. Usage: bench/overviews.sh INDEX_DIR [NEWSDEX_BINARY]
# Build the index first, e.g. with bench/run.sh (target/bench/x1/newsdex-index).
set -euo pipefail
index=${1:?usage: bench/overviews.sh INDEX_DIR [NEWSDEX_BINARY]}
bin=${2:-target/release/newsdex}
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine
commands=(
    "search Reagan"
    "search '\"oil prices\"' --since 1987-03 --until 1987-04"
    "search 'Regan~1' --sort published --format json"
    "entities"
    "entities crash"
    "entities --type person --top 50 --format csv"
    "timeline ''"
    "timeline 'oil prices' --by day"
    "timeline Reagan --field published --by week"
)
args=()
for c in "${commands[@]}"; do
    args+=("$bin $c --index $index")
done
report=$(mktemp)
trap 'rm -f "$report"' EXIT
hyperfine -N --warmup 3 --runs 20 --style none --export-markdown "$report" "${args[@]}" >/dev/null
sed -e "s#$bin ##" -e "s# --index $index##" "$report"
