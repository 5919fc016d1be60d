#!/usr/bin/env bash
# Measures warta on generated newsrooms of several sizes against git itself, in one
# run, and prints a table per size, then each figure's growth from one size to the next.
#
#   benches/compare.sh [ITEMS[:COMMITS]]...   (default: 1000 10000 100000; COMMITS 10 x ITEMS)
#   RUNS=7 benches/compare.sh 10000            (runs per figure, median reported; default 5)
#
# Each newsroom is generated once and kept in target/bench-newsroom-ITEMS-COMMITS;
# delete it to generate again. The generator's time is reported when it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
runs=${RUNS:-5}

# What it compares against and measures with.
need=()
[ -x /usr/bin/time ] || need+=(time)
command -v git >/dev/null || need+=(git)
command -v tmux >/dev/null || need+=(tmux)
command -v nano >/dev/null || need+=(nano)
command -v vim.basic >/dev/null || command -v vim >/dev/null || need+=(vim)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
vim=$(command -v vim.basic || command -v vim)

cargo build --release --quiet --bin warta --example gen-newsroom
warta="$PWD/target/release/warta"
work="${TMPDIR:-/tmp}/warta-bench-$$"
mkdir -p "$work"
export XDG_STATE_HOME="$work/state"
# Keep warta from starting a repack in the middle of a measurement.
export WARTA_REPACK_AFTER=0
trap 'rm -rf "$work"' EXIT
results="$work/results"
: > "$results"

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
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "-") printf "%.2fx", a / b; else print "-" }'; }
row() { printf '| %-46s | %-12s | %-44s | %-8s | %s\n' "$@"; }
# record LABEL KEY VALUE: one figure of one size, for the growth table.
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$results"; }

# The same change as one comment, made with git's plumbing: the new log blob, the new
# trees from its day folder up to the root, the commit and the ref update.
cat > "$work/git-comment.sh" <<'SH'
#!/usr/bin/env bash
set -e
export GIT_DIR="$1" GIT_AUTHOR_NAME=h GIT_AUTHOR_EMAIL=h@x GIT_COMMITTER_NAME=h GIT_COMMITTER_EMAIL=h@x
s=$2
y=${s:0:4} m=${s:5:2} d=${s:8:2}
blob=$( (git cat-file blob "main:reviews/$y/$m/$d/$s.toml"; printf '\n[[events]]\nat = "2026-01-01T10:00:00+07:00"\nactor = "hesti"\naction = "comment"\nthread = 999\nmessage = "x"\n') | git hash-object -w --stdin)
# put FOLDER NAME MODE-AND-TYPE ID: the folder's tree with one entry replaced.
put() { git ls-tree "main${1:+:$1}" | awk -v n="$2" -v e="$3 $4" 'BEGIN { FS = OFS = "\t" } $2 == n { $1 = e } { print }' | git mktree; }
t=$(put "reviews/$y/$m/$d" "$s.toml" "100644 blob" "$blob")
t=$(put "reviews/$y/$m" "$d" "040000 tree" "$t")
t=$(put "reviews/$y" "$m" "040000 tree" "$t")
t=$(put reviews "$y" "040000 tree" "$t")
root=$(put "" reviews "040000 tree" "$t")
c=$(printf 'comment(%s): x\n\nWarta-Action: comment\nWarta-Item: %s\nWarta-Actor: hesti\n' "$s" "$s" | git commit-tree "$root" -p main)
git update-ref refs/heads/main "$c"
SH
chmod +x "$work/git-comment.sh"

sock="warta-bench-$$"
tm() { tmux -L "$sock" "$@"; }

measure() {
  local items=$1 commits=$2 label=$3
  local repo="$PWD/target/bench-newsroom-$items-$commits"
  local gen="-"
  if [ ! -d "$repo" ]; then
    echo "generating $items items and $commits commits in $repo …" >&2
    local g0 g1
    g0=$(date +%s)
    ./target/release/examples/gen-newsroom --items "$items" --commits "$commits" "$repo" >&2
    g1=$(date +%s)
    gen="$((g1 - g0)) s"
  fi
  # Earlier runs' actions left loose objects: pack them, so every run starts alike.
  git -C "$repo" repack -d -q
  # Two items: one whose history is read, one that the action figures comment on (so
  # the actions of earlier runs never change the history measured).
  local slug act_slug
  read -r slug act_slug < <("$warta" --repo "$repo" --as hesti list --json | python3 -c 'import json,sys; s=sorted(i["slug"] for i in json.load(sys.stdin)); print(s[len(s)//2], max(s, key=len))')
  local day="${slug:0:4}/${slug:5:2}/${slug:8:2}"

  # The floor: every index.md read by git, linearly (ls-tree gives the object ids,
  # cat-file --batch reads them).
  local floor_cmd="git -C '$repo' ls-tree -r main drafts | awk '\$4 ~ /\\/index.md\$/ { print \$3 }' | git -C '$repo' cat-file --batch"
  # The old floor, kept for comparison only: cat-file looks each index.md up by path,
  # which in the flat layout scanned the whole drafts/ tree every time (quadratic).
  local bypath_cmd="git -C '$repo' ls-tree -r --name-only main drafts | grep '/index.md\$' | sed 's/^/main:/' | git -C '$repo' cat-file --batch"
  local list_cmd="'$warta' --repo '$repo' --as hesti list --json"
  local cold_cmd="WARTA_NO_CACHE=1 '$warta' --repo '$repo' --as hesti list --json"
  local grep_cmd="git -C '$repo' grep -i -c logistik main -- drafts"
  local gitlog_cmd="git -C '$repo' log --format=%H -- 'drafts/$day/$slug' 'reviews/$day/$slug.toml'"
  local log_cmd="'$warta' --repo '$repo' --as hesti log '$slug' --json"
  local comment_cmd="'$warta' --repo '$repo' --as hesti comment '$act_slug' -m 'catatan uji kinerja'"
  local gitcomment_cmd="'$work/git-comment.sh' '$repo' '$act_slug'"

  local floor bypath list cold grep_t searches searches1 gitlog log comment gitcomment loose_before loose_per_action peak_kb cold_kb
  floor=$(median_ms "$floor_cmd")
  bypath=$(runs=1 median_ms "$bypath_cmd")
  list=$(median_ms "$list_cmd")
  peak_kb=$(/usr/bin/time -f %M "$warta" --repo "$repo" --as hesti list --json 2>&1 >/dev/null | tail -1)
  cold=$(runs=3 median_ms "$cold_cmd")
  cold_kb=$(WARTA_NO_CACHE=1 /usr/bin/time -f %M "$warta" --repo "$repo" --as hesti list --json 2>&1 >/dev/null | tail -1)
  grep_t=$(median_ms "$grep_cmd")
  # The query alone, in process (the difference of two process runs is within their noise).
  local bench_out
  bench_out=$(WARTA_BENCH_REPO="$repo" cargo bench --quiet --bench search 2>/dev/null || true)
  searches=$(echo "$bench_out" | grep 'query' || true)
  query_ms() { echo "$searches" | grep -v 'compact\|lean' | awk -v q="\"$1\":" 'index($0, q) { for (i = 1; i <= NF; i++) if ($i == "median") { print $(i + 1); exit } }'; }
  compact_ms() { echo "$searches" | grep 'compact query' | awk -v q="\"$1\":" 'index($0, q) { for (i = 1; i <= NF; i++) if ($i == "median") { print $(i + 1); exit } }'; }
  # The TUI's search over its lean snapshot: `lean_ms QUERY rows` (UI thread) or `lean_ms QUERY test` (bodies thread).
  lean_ms() { echo "$searches" | grep 'lean query' | awk -v q="\"$1\":" -v w="$2" 'index($0, q) { for (i = 1; i <= NF; i++) if ($i == w) { print $(i + 1); exit } }'; }
  local words_line
  words_line=$(echo "$bench_out" | grep 'compact index' | sed 's/^ *compact index: //' || true)
  local search_cmd="'$warta' --repo '$repo' --as hesti list --json --search 'pengawasan tps'"
  local search_list search_kb
  search_list=$(median_ms "$search_cmd")
  search_kb=$(/usr/bin/time -f %M "$warta" --repo "$repo" --as hesti list --json --search 'pengawasan tps' 2>&1 >/dev/null | tail -1)
  # git log over the whole history is slow: one run, and none past 200,000 commits.
  if [ "$commits" -le 200000 ]; then gitlog=$(runs=1 median_ms "$gitlog_cmd"); else gitlog="-"; fi
  log=$(median_ms "$log_cmd")
  # Bytes of loose objects (not disk blocks, which round every small file up to 4 KiB).
  loose_bytes() { find "$repo/objects" -path '*/objects/??/*' -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }
  per_action() { awk -v a="$1" -v b="$2" -v n="$((runs + 1))" 'BEGIN { printf "%.1f", (b - a) / n / 1024 }'; }
  loose_before=$(loose_bytes)
  comment=$(median_ms "$comment_cmd")
  # What the actions above left as loose objects (KiB per action, until git repacks them).
  loose_per_action=$(per_action "$loose_before" "$(loose_bytes)")
  loose_before=$(loose_bytes)
  gitcomment=$(median_ms "$gitcomment_cmd")
  local git_loose
  git_loose=$(per_action "$loose_before" "$(loose_bytes)")
  local cache_mb
  cache_mb=$(du -sm "$repo/warta-cache/snapshots" 2>/dev/null | cut -f1 || echo 0)
  local index_mb words_mb
  index_mb=$(du -sm "$repo/warta-cache/index" 2>/dev/null | cut -f1 || echo 0)
  words_mb=$(du -sm "$repo/warta-cache/words" 2>/dev/null | cut -f1 || echo 0)
  # The evaluation report of a year, as a user runs it (open + snapshot + report).
  local report_t
  report_t=$(median_ms "'$warta' --repo '$repo' --as hesti report --from 2024-01-01 --to 2024-12-31 --json")

  # In a real terminal (tmux, 100x30): time to the first frame that lists items, and
  # until the list is whole. Quit once first, so there is a last time to remember.
  tm new-session -d -x 100 -y 30 "$warta --repo '$repo' --as hesti"
  until tm capture-pane -p 2>/dev/null | sed -n 2p | grep -q 'berita' && ! tm capture-pane -p | sed -n 2p | grep -q 'Memuat'; do sleep 0.05; done
  tm send-keys q; sleep 0.5; tm kill-server 2>/dev/null || true
  first_frame_ms() {
    local start first whole
    start=$(date +%s%N)
    tm new-session -d -x 100 -y 30 "/usr/bin/time -f %M -o '$work/tui-kb' $warta --repo '$repo' --as hesti"
    until tm capture-pane -p 2>/dev/null | grep -q '▶'; do sleep 0.002; done
    first=$(date +%s%N)
    while tm capture-pane -p | sed -n 2p | grep -q 'Memuat'; do sleep 0.002; done
    whole=$(date +%s%N)
    tm send-keys q; sleep 0.5; tm kill-server 2>/dev/null || true
    echo "$(((first - start) / 1000000)) $(((whole - start) / 1000000))"
  }
  local frames=() wholes=() f w
  for _ in 1 2 3; do
    read -r f w < <(first_frame_ms)
    frames+=("$f"); wholes+=("$w")
  done
  local first_frame whole_list tui_kb
  first_frame=$(printf '%s\n' "${frames[@]}" | sort -n | sed -n 2p)
  whole_list=$(printf '%s\n' "${wholes[@]}" | sort -n | sed -n 2p)
  tui_kb=$(cat "$work/tui-kb" 2>/dev/null || echo 0)

  echo
  echo "warta on $items items / $commits commits ($(nproc) cores, $(git --version | cut -d' ' -f3), median of $runs runs; generated in $gen)"
  echo
  row figure warta baseline ratio target
  row --- --- --- --- ---
  row "open + build the list (list --json), warm cache" "$list ms" "floor, ls-tree + cat-file --batch of ids: $floor ms" "$(ratio "$list" "$floor")" "<= 1.0x the floor"
  row "the same without the cache (WARTA_NO_CACHE=1)" "$cold ms" "the same floor: $floor ms" "$(ratio "$cold" "$floor")" "<= 1.0x the floor"
  row "old floor, cat-file by path (not a baseline)" "-" "$bypath ms" "-" "-"
  for q in logistik "pengawasan tps" "kotak suara tersegel"; do
    local ms
    ms=$(query_ms "$q")
    row "search '$q' over every body in memory, in process" "$ms ms" "git grep -i logistik: $grep_t ms" "$(ratio "$ms" "$grep_t")" "<= 20 ms"
    record "$label" "search '$q' (ms)" "$ms"
    ms=$(compact_ms "$q")
    row "search '$q' over the compact index, in process" "$ms ms" "git grep -i logistik: $grep_t ms" "$(ratio "$ms" "$grep_t")" "<= 20 ms"
    record "$label" "compact search '$q' (ms)" "$ms"
    ms=$(lean_ms "$q" rows)
    row "search '$q' in the TUI (lean): the rows, UI thread" "$ms ms" "git grep -i logistik: $grep_t ms" "$(ratio "$ms" "$grep_t")" "<= 20 ms"
    record "$label" "TUI search rows '$q' (ms)" "$ms"
    ms=$(lean_ms "$q" test)
    row "the same: the body test, bodies thread" "$ms ms" "-" "-" "-"
    record "$label" "TUI search body test '$q' (ms)" "$ms"
  done
  row "list --json --search 'pengawasan tps' (whole process)" "$search_list ms" "git grep -i logistik: $grep_t ms" "$(ratio "$search_list" "$grep_t")" "-"
  row "peak memory, list --search" "$((search_kb / 1024)) MB" "-" "-" "-"
  row "compact index and its words, read in process" "$words_line" "-" "-" "-"
  row "one item's history (log --json)" "$log ms" "git log -- paths: $gitlog ms" "$(ratio "$log" "$gitlog")" "<= 50 ms"
  row "one action (comment: open + commit + CAS)" "$comment ms" "git plumbing, same change: $gitcomment ms" "$(ratio "$comment" "$gitcomment")" "<= 20 ms"
  row "loose objects written per action" "$loose_per_action KiB" "git plumbing: $git_loose KiB" "$(ratio "$loose_per_action" "$git_loose")" "<= 64 KB"
  row "peak memory, list --json (warm)" "$((peak_kb / 1024)) MB" "-" "-" "<= 150 MB"
  row "peak memory, list --json without the cache" "$((cold_kb / 1024)) MB" "-" "-" "<= 300 MB"
  row "peak memory, TUI (whole list, then quit)" "$((tui_kb / 1024)) MB" "-" "-" "-"
  row "first TUI frame with items (tmux, 100x30)" "$first_frame ms" "-" "-" "<= 100 ms"
  row "TUI list whole (all items read)" "$whole_list ms" "-" "-" "-"
  row "snapshot cache on disk" "$cache_mb MB" "-" "-" "-"
  row "compact index / word index on disk" "$index_mb / $words_mb MB" "-" "-" "-"
  row "a year's report (report --from --to --json)" "$report_t ms" "-" "-" "<= 300 ms"

  record "$label" "floor: ls-tree + cat-file of ids (ms)" "$floor"
  record "$label" "old floor: cat-file by path (ms)" "$bypath"
  record "$label" "list --json, warm (ms)" "$list"
  record "$label" "list --json, no cache (ms)" "$cold"
  record "$label" "peak memory, list warm (MB)" "$((peak_kb / 1024))"
  record "$label" "peak memory, list no cache (MB)" "$((cold_kb / 1024))"
  record "$label" "history, log --json (ms)" "$log"
  record "$label" "one comment (ms)" "$comment"
  record "$label" "one comment, git plumbing (ms)" "$gitcomment"
  record "$label" "written per comment (KiB)" "$loose_per_action"
  record "$label" "first TUI frame (ms)" "$first_frame"
  record "$label" "TUI list whole (ms)" "$whole_list"
  record "$label" "peak memory, TUI (MB)" "$((tui_kb / 1024))"
  record "$label" "snapshot cache (MB)" "$cache_mb"
  record "$label" "compact index (MB)" "$index_mb"
  record "$label" "word index (MB)" "$words_mb"
  record "$label" "list --search (ms)" "$search_list"
  record "$label" "peak memory, list --search (MB)" "$((search_kb / 1024))"
  record "$label" "year's report (ms)" "$report_t"
}

labels=()
for size in "${sizes[@]}"; do
  items=${size%%:*}
  commits=$((items * 10))
  [ "$size" = "$items" ] || commits=${size#*:}
  label=$(awk -v n="$items" 'BEGIN { if (n % 1000 == 0) printf "%dk", n / 1000; else print n }')
  labels+=("$label")
  measure "$items" "$commits" "$label"
done

# Figures that do not depend on the newsroom's size, once.
keystroke=$(cargo bench --quiet --bench keystroke 2>/dev/null | awk '/^  median/ {print $2; exit}')
paragraph=$(printf 'Panwaslu Kecamatan Sambit mengawal distribusi logistik Pilkada 2024 dari gudang KPU ke PPK, memastikan setiap kotak suara tersegel. %.0s' {1..12})
typed="sekarang kami mengetik lima puluh huruf di akhirnya"
# bytes_per_char COMMAND KEYS-BEFORE...: start COMMAND, send the keys that put the cursor
# at the end of a long paragraph, then log the pane's output while typing.
bytes_per_char() {
  local cmd=$1 log="$work/pty.log"
  shift
  rm -f "$log"
  tm new-session -d -x 100 -y 30 "$cmd"
  sleep 1
  for k in "$@"; do tm send-keys "$k"; sleep 0.3; done
  sleep 1
  tm pipe-pane -o "cat >> '$log'"
  for ((i = 0; i < ${#typed}; i++)); do tm send-keys -l "${typed:i:1}"; sleep 0.02; done
  sleep 1
  tm pipe-pane
  tm kill-server
  local bytes
  bytes=$(stat -c %s "$log" 2>/dev/null || echo 0)
  awk -v b="$bytes" -v n="${#typed}" 'BEGIN { printf "%.1f", b / n }'
}
file="$work/long-paragraph.md"
printf '%s\n' "$paragraph" > "$file"
nano_b=$(bytes_per_char "nano '$file'" C-End)
vim_b=$(bytes_per_char "$vim -u NONE '$file'" G A)
# warta: the same paragraph as the body of a draft in a demo newsroom, opened in the
# editor with a fresh state dir (no journal to offer, nobody else present).
warta_b=$(
  log="$work/pty.log"; rm -f "$log"
  demo="$work/bytes-demo"; rm -rf "$demo"; mkdir -p "$demo/home"
  HOME="$demo/home" "$warta" demo --no-open "$demo/news" >/dev/null 2>&1
  HOME="$demo/home" "$warta" --repo "$demo/news" --as sari new --title "Uji ketik paragraf panjang" --body-file "$file" >/dev/null
  tm new-session -d -x 100 -y 30 "HOME='$demo/home' '$warta' --repo '$demo/news' --as sari"
  sleep 1; tm send-keys /; sleep 0.2; tm send-keys -l "Uji ketik"; sleep 0.3
  tm send-keys Enter; sleep 0.3; tm send-keys Enter; sleep 0.3; tm send-keys e; sleep 0.5
  tm send-keys C-End; sleep 1
  tm pipe-pane -o "cat >> '$log'"
  for ((i = 0; i < ${#typed}; i++)); do tm send-keys -l "${typed:i:1}"; sleep 0.02; done
  sleep 1; tm pipe-pane
  if ! tm capture-pane -p | grep -q "$typed"; then echo "warta did not show the typed text" >&2; fi
  tm kill-server 2>/dev/null
  awk -v b="$(stat -c %s "$log")" -v n="${#typed}" 'BEGIN { printf "%.1f", b / n }'
)


echo
row "editor keystroke, 50 KB article (median)" "$keystroke" "-" "-" "<= 1 ms"
row "terminal bytes per typed char, long paragraph" "$warta_b" "nano $nano_b, vim $vim_b" "$(ratio "$warta_b" "$nano_b") / $(ratio "$warta_b" "$vim_b")" "fewer than both"

# Growth: each figure at each size, and its factor from one size to the next.
if [ ${#labels[@]} -gt 1 ]; then
  echo
  echo "growth from one size to the next (items grow ${labels[*]})"
  echo
  python3 - "$results" "${labels[@]}" <<'PY'
import sys
from collections import OrderedDict
path, labels = sys.argv[1], sys.argv[2:]
table = OrderedDict()
for line in open(path):
    label, key, value = line.rstrip("\n").split("\t")
    table.setdefault(key, {})[label] = value
def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None
head = ["figure"] + labels + [f"{a} -> {b}" for a, b in zip(labels, labels[1:])]
print("| " + " | ".join(head) + " |")
print("| " + " | ".join("---" for _ in head) + " |")
for key, values in table.items():
    cells = [key] + [values.get(l, "-") for l in labels]
    for a, b in zip(labels, labels[1:]):
        x, y = num(values.get(a)), num(values.get(b))
        cells.append(f"x{y / x:.2f}" if x and y is not None else "-")
    print("| " + " | ".join(cells) + " |")
PY
fi
