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
repo="$PWD/target/bench-newsroom-$items-$commits"
if [ ! -d "$repo" ]; then
  echo "generating $items items and $commits commits in $repo …" >&2
  ./target/release/examples/gen-newsroom --items "$items" --commits "$commits" "$repo" >&2
fi
# Earlier runs' actions left loose objects: pack them, so every run starts alike, and
# keep warta from starting a repack in the middle of a measurement.
git -C "$repo" repack -d -q
export WARTA_REPACK_AFTER=0
work="${TMPDIR:-/tmp}/warta-bench-$$"
mkdir -p "$work"
export XDG_STATE_HOME="$work/state"
trap 'rm -rf "$work"' EXIT
who=(--repo "$repo" --as hesti)
# Two items: one whose history is read, one that the action figures comment on (so the
# actions of earlier runs never change the history measured).
read -r slug act_slug < <("$warta" "${who[@]}" list --json | python3 -c 'import json,sys; s=sorted(i["slug"] for i in json.load(sys.stdin)); print(s[len(s)//2], max(s, key=len))')

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
# The same without the snapshot cache: every item read and parsed from git.
cold_cmd="WARTA_NO_CACHE=1 '$warta' --repo '$repo' --as hesti list --json"
query=logistik
grep_cmd="git -C '$repo' grep -i -c '$query' main -- drafts"
gitlog_cmd="git -C '$repo' log --format=%H -- 'drafts/$slug' 'reviews/$slug.toml'"
log_cmd="'$warta' --repo '$repo' --as hesti log '$slug' --json"
comment_cmd="'$warta' --repo '$repo' --as hesti comment '$act_slug' -m 'catatan uji kinerja'"
# The same change made with git's plumbing: the new log blob, the new reviews/ tree and
# root tree, the commit and the ref update. It is what one comment costs git itself.
cat > "$work/git-comment.sh" <<'SH'
#!/bin/sh
set -e
export GIT_DIR="$1" GIT_AUTHOR_NAME=h GIT_AUTHOR_EMAIL=h@x GIT_COMMITTER_NAME=h GIT_COMMITTER_EMAIL=h@x
s=$2
blob=$( (git cat-file blob "main:reviews/$s.toml"; printf '\n[[events]]\nat = "2026-01-01T10:00:00+07:00"\nactor = "hesti"\naction = "comment"\nthread = 999\nmessage = "x"\n') | git hash-object -w --stdin)
reviews=$(git ls-tree main:reviews | awk -v s="$s.toml" -v b="$blob" 'BEGIN { FS = OFS = "\t" } $2 == s { $1 = "100644 blob " b } { print }' | git mktree)
root=$(git ls-tree main | awk -v r="$reviews" 'BEGIN { FS = OFS = "\t" } $2 == "reviews" { $1 = "040000 tree " r } { print }' | git mktree)
c=$(printf 'comment(%s): x\n\nWarta-Action: comment\nWarta-Item: %s\nWarta-Actor: hesti\n' "$s" "$s" | git commit-tree "$root" -p main)
git update-ref refs/heads/main "$c"
SH
chmod +x "$work/git-comment.sh"
gitcomment_cmd="'$work/git-comment.sh' '$repo' '$act_slug'"

floor=$(median_ms "$floor_cmd")
list=$(median_ms "$list_cmd")
grep_t=$(median_ms "$grep_cmd")
# The query alone, in process (the difference of two process runs is within their noise).
searches=$(WARTA_BENCH_REPO="$repo" cargo bench --quiet --bench search 2>/dev/null | grep 'query')
# A search scores large lists on every core; the same on one core, for comparison.
searches1=$(WARTA_BENCH_REPO="$repo" taskset -c 0 cargo bench --quiet --bench search 2>/dev/null | grep 'query' || true)
query_ms() { echo "${2:-$searches}" | awk -v q="\"$1\":" '$2 == q || index($0, q) { for (i = 1; i <= NF; i++) if ($i == "median") { print $(i + 1); exit } }'; }
# git log over the whole history is slow: fewer runs of it.
gitlog=$(runs=1 median_ms "$gitlog_cmd")
log=$(median_ms "$log_cmd")
loose_before=$(git -C "$repo" count-objects -v | awk '/^size:/ {print $2}')
comment=$(median_ms "$comment_cmd")
# What the actions above left as loose objects (KiB per action, until git repacks them).
loose_per_action=$(git -C "$repo" count-objects -v | awk -v b="$loose_before" -v n="$((runs + 1))" '/^size:/ {printf "%.0f", ($2 - b) / n}')
gitcomment=$(median_ms "$gitcomment_cmd")
cold=$(runs=3 median_ms "$cold_cmd")
peak_kb=$(/usr/bin/time -f %M "$warta" --repo "$repo" --as hesti list --json 2>&1 >/dev/null | tail -1)
keystroke=$(cargo bench --quiet --bench keystroke 2>/dev/null | awk '/^  median/ {print $2; exit}')
# The evaluation report of a year, as a user runs it (open + snapshot + report), and in
# process with the evaluation screen's first draw (bench report).
report_cmd="'$warta' --repo '$repo' --as hesti report --from 2024-01-01 --to 2024-12-31 --json"
report_t=$(median_ms "$report_cmd")
reports=$(WARTA_BENCH_REPO="$repo" cargo bench --quiet --bench report 2>/dev/null)
report_in=$(echo "$reports" | awk '/report 2024/ {for (i = 1; i <= NF; i++) if ($i == "median") {print $(i + 1); exit}}')
eval_draw=$(echo "$reports" | awk '/first draw/ {for (i = 1; i <= NF; i++) if ($i == "median") {print $(i + 1); exit}}')

# In a real terminal (tmux, 100x30): time to the first frame that lists items, and
# bytes the program writes to the terminal per character typed into a long paragraph.
sock="warta-bench-$$"
tm() { tmux -L "$sock" "$@"; }
# The first frame shows the top of the list the person saw last time (read at once),
# then the whole newsroom replaces it: quit once so there is a last time, then measure
# the time to a selected row and the time until the list is whole.
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
frames=()
wholes=()
for _ in 1 2 3 4 5; do
  read -r f w < <(first_frame_ms)
  frames+=("$f"); wholes+=("$w")
done
first_frame=$(printf '%s\n' "${frames[@]}" | sort -n | sed -n 3p)
whole_list=$(printf '%s\n' "${wholes[@]}" | sort -n | sed -n 3p)
tui_kb=$(cat "$work/tui-kb" 2>/dev/null || echo 0)

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
echo "warta on $items items / $commits commits ($(nproc) cores, $(git --version | cut -d' ' -f3), median of $runs runs)"
echo
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' figure warta baseline ratio target
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' --- --- --- --- ---
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "open + build the list (list --json), warm cache" "$list ms" "ls-tree + cat-file --batch: $floor ms" "$(ratio "$list" "$floor")" "<= 1.0x the floor"
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "the same without the cache (WARTA_NO_CACHE=1)" "$cold ms" "ls-tree + cat-file --batch: $floor ms" "$(ratio "$cold" "$floor")" "-"
for q in logistik "pengawasan tps" "kotak suara tersegel"; do
  ms=$(query_ms "$q")
  printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "search '$q', in process (bench search)" "$ms ms" "git grep -i '$query': $grep_t ms" "$(ratio "$ms" "$grep_t")" "<= 20 ms, faster than git grep"
done
for q in logistik "pengawasan tps" "kotak suara tersegel"; do
  ms=$(query_ms "$q" "$searches1")
  if [ -n "$ms" ]; then
    printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "search '$q', one core (taskset -c 0)" "$ms ms" "git grep -i '$query': $grep_t ms" "$(ratio "$ms" "$grep_t")" "-"
  fi
done
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "one item's history (log --json)" "$log ms" "git log -- paths: $gitlog ms" "$(ratio "$log" "$gitlog")" "<= 50 ms"
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "one action (comment: open + commit + CAS)" "$comment ms" "git plumbing, same change: $gitcomment ms" "$(ratio "$comment" "$gitcomment")" "<= 20 ms"
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "loose objects written per action" "$loose_per_action KiB" "-" "-" "-"
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "a year's report (report --from --to --json)" "$report_t ms" "-" "-" "<= 300 ms"
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "the same, in process (bench report)" "$report_in ms" "-" "-" "-"
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "Evaluasi screen: open to first full draw" "$eval_draw ms" "-" "-" "<= 100 ms"
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "editor keystroke, 50 KB article (median)" "$keystroke" "-" "-" "<= 1 ms"
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "peak memory, list --json" "$((peak_kb / 1024)) MB" "-" "-" "<= 150 MB"
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "peak memory, TUI (whole list, then quit)" "$((tui_kb / 1024)) MB" "-" "-" "<= 150 MB"
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "first TUI frame with items (tmux, 100x30)" "$first_frame ms" "-" "-" "<= 100 ms"
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "TUI list whole (all items read)" "$whole_list ms" "-" "-" "-"
printf '| %-44s | %-12s | %-34s | %-8s | %s\n' "terminal bytes per typed char, long paragraph" "$warta_b" "nano $nano_b, vim $vim_b" "$(ratio "$warta_b" "$nano_b") / $(ratio "$warta_b" "$vim_b")" "fewer than both"
