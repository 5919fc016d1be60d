#!/usr/bin/env bash
# Fuzz warta's three parsers with AFL++, one target after another.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# SECONDS is how long each target runs (default 600). TARGETs are item, review and
# config (default: all three). Each run starts afresh in out/TARGET; crashing and hanging
# inputs are copied to crashes/TARGET/unsorted/ so that they survive the next run. At the
# end a table gives, per target, the figures read from out/TARGET/default/fuzzer_stats.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

secs="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(item review config)

# Tools: cargo-afl from crates.io; installing it also builds its own AFL++ (afl-fuzz and
# the runtime the targets link to). `cargo afl config --build` builds that AFL++ again
# if it is missing, for example after a Rust toolchain update.
if ! cargo afl --version >/dev/null 2>&1; then
    echo "== installing cargo-afl"
    cargo install --locked cargo-afl
fi
afl_help="$(cargo afl fuzz -h 2>&1 || true)"
if [[ "$afl_help" != *"Required parameters"* ]]; then
    echo "== building AFL++ for this toolchain"
    cargo afl config --build
fi

# The fuzz crate is a workspace of its own with its own target directory.
export CARGO_TARGET_DIR="$here/target"
echo "== building the fuzz targets"
cargo afl build --release

# Run without a terminal UI, as root in a container: no CPU governor to check, and a
# core_pattern that may pipe cores elsewhere is fine for a Rust target (a panic aborts).
export AFL_NO_UI=1
export AFL_SKIP_CPUFREQ=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1

for t in "${targets[@]}"; do
    echo "== fuzzing $t for ${secs}s"
    rm -rf "out/$t"
    mkdir -p out
    cargo afl fuzz -V "$secs" -a text -x dict/toml.dict -i "seeds/$t" -o "out/$t" "target/release/$t" \
        >"out/$t.log" 2>&1 || { echo "afl-fuzz failed for $t; see fuzz/out/$t.log"; tail -20 "out/$t.log"; exit 1; }
    # Keep what crashed or hung outside out/ (which the next run wipes), named by time
    # and AFL's id, in crashes/TARGET/unsorted/ (not tracked by git) for triage.
    stamp=$(date -u +%Y%m%dT%H%M)
    for kind in crashes hangs; do
        dest="crashes/$t/unsorted"
        [ "$kind" = hangs ] && dest="crashes/$t/unsorted/hangs"
        for f in "out/$t/default/$kind"/id:*; do
            [ -e "$f" ] || continue
            mkdir -p "$dest"
            cp "$f" "$dest/$stamp-$(basename "$f" | cut -d, -f1 | tr : -)"
        done
    done
done

# One line per target from AFL's own statistics.
stat() { sed -n "s/^$1 *: *//p" "out/$2/default/fuzzer_stats"; }
printf '\n%-8s %8s %12s %10s %8s %8s %8s %7s %6s\n' \
    target seconds execs execs/s corpus found crashes hangs edges
for t in "${targets[@]}"; do
    f="out/$t/default/fuzzer_stats"
    [ -f "$f" ] || { echo "$t: no fuzzer_stats"; continue; }
    runtime=$(stat run_time "$t")
    execs=$(stat execs_done "$t")
    printf '%-8s %8s %12s %10s %8s %8s %8s %7s %6s\n' "$t" "$runtime" "$execs" \
        "$(awk -v e="$execs" -v s="$runtime" 'BEGIN { printf "%.0f", (s > 0 ? e / s : 0) }')" \
        "$(stat corpus_count "$t")" "$(stat corpus_found "$t")" \
        "$(stat saved_crashes "$t")" "$(stat saved_hangs "$t")" "$(stat edges_found "$t")"
done
echo "AFL++ $(stat afl_version "${targets[0]}")"
