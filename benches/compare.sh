#!/usr/bin/env bash
# Measures warta on a generated newsroom against git itself, in one run, and prints a
# table of figures and ratios. Usage: benches/compare.sh [ITEMS] [COMMITS]
# (default 10000 items, 100000 commits). The newsroom is generated once and kept in
# target/bench-newsroom-ITEMS-COMMITS; delete it to generate again.
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-10000}
commits=${2:-100000}
runs=${RUNS:-7}

# What it compares against and measures with.
if [ ! -x /usr/bin/time ] || ! command -v git >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time git >/dev/null
fi

cargo build --release --quiet --bin warta --example gen-newsroom
warta="$PWD/target/release/warta"
repo="$PWD/target/bench-newsroom-$items-$commits"
if [ ! -d "$repo" ]; then
  echo "generating $items items and $commits commits in $repo …" >&2
  ./target/release/examples/gen-newsroom --items "$items" --commits "$commits" "$repo" >&2
fi
export HOME="${TMPDIR:-/tmp}/warta-bench-home"
mkdir -p "$HOME"
who=(--repo "$repo" --as hesti)
slug=$("$warta" "${who[@]}" list --json | python3 -c 'import json,sys; print(max(json.load(sys.stdin), key=lambda i: len(i["slug"]))["slug"])')

# Median wall time in milliseconds of a shell command over $runs runs (after one warm-up).
median_ms() {
  local cmd=$1 t=() i start end
  bash -c "$cmd" >/dev/null 2>&1 || true
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    bash -c "$cmd" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    t+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }

floor_cmd="git -C '$repo' ls-tree -r --name-only main | grep '/index.md\$' | sed 's/^/main:/' | git -C '$repo' cat-file --batch"
list_cmd="'$warta' --repo '$repo' --as hesti list --json"
query=logistik
grep_cmd="git -C '$repo' grep -i -c '$query' main -- drafts"
search_cmd="'$warta' --repo '$repo' --as hesti list --json --search '$query'"
gitlog_cmd="git -C '$repo' log --format=%H -- 'drafts/$slug' 'reviews/$slug.toml'"
log_cmd="'$warta' --repo '$repo' --as hesti log '$slug' --json"
comment_cmd="'$warta' --repo '$repo' --as hesti comment '$slug' -m 'catatan uji kinerja'"

floor=$(median_ms "$floor_cmd")
list=$(median_ms "$list_cmd")
grep_t=$(median_ms "$grep_cmd")
search=$(median_ms "$search_cmd")
gitlog=$(median_ms "$gitlog_cmd")
log=$(median_ms "$log_cmd")
comment=$(median_ms "$comment_cmd")
search_only=$(awk -v a="$search" -v b="$list" 'BEGIN { d = a - b; if (d < 0) d = 0; printf "%.1f", d }')
peak_kb=$(/usr/bin/time -f %M "$warta" --repo "$repo" --as hesti list --json 2>&1 >/dev/null | tail -1)
keystroke=$(cargo bench --quiet --bench keystroke 2>/dev/null | awk '/median/ {print $2}')

echo
echo "warta on $items items / $commits commits ($(nproc) cores, $(git --version | cut -d' ' -f3), median of $runs runs)"
echo
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' figure warta baseline ratio target
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' --- --- --- --- ---
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "open + build the list (list --json)" "$list ms" "ls-tree + cat-file --batch: $floor ms" "$(ratio "$list" "$floor")" "<= 1.0x the floor"
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "search '$query' (list --search minus list)" "$search_only ms" "git grep -i: $grep_t ms" "$(ratio "$search_only" "$grep_t")" "<= 20 ms, faster than git grep"
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "one item's history (log --json)" "$log ms" "git log -- paths: $gitlog ms" "$(ratio "$log" "$gitlog")" "<= 50 ms"
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "one action (comment: open + commit + CAS)" "$comment ms" "-" "-" "<= 20 ms"
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "editor keystroke, 50 KB article (median)" "$keystroke" "-" "-" "<= 1 ms"
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "peak memory, list --json" "$((peak_kb / 1024)) MB" "-" "-" "<= 150 MB"
echo
echo "Not measured by this script: first TUI frame in a pty, bytes written per typed character."
