#!/usr/bin/env bash
# Fuzzes the three decoders of user input: scenario JSON files, share codes
# and guides (files and `#guide=` links):
#   bash scripts/fuzz.sh [SECONDS]     (default 30 seconds per fuzzer)
# Builds the `fuzz` preset (clang, libFuzzer, ASan + UBSan) into build/fuzz and
# runs the fuzzers side by side for SECONDS each (wall time stays SECONDS), starting from
# the checked-in seed corpora (tests/fuzz/corpus/*) and crash regressions
# (tests/fuzz/regressions). New interesting inputs are kept in
# build/fuzz/corpus/* (not checked in), so local runs build on each other.
#
# The seed is fixed (TL_FUZZ_SEED, default 1), so a run explores the same
# inputs as any other run from the same corpus, as far as time allows: what a
# fresh clone's run will try has been tried before it lands.
#
# A crash, hang (> 10 s on one input), leak or failed round trip stops that
# fuzzer and fails this script; the input is saved in build/fuzz/artifacts/.
# Fix it, then copy the input into tests/fuzz/regressions/: core_tests replays
# every file there through all three decoders on every build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

SECONDS_EACH="${1:-30}"
case "$SECONDS_EACH" in
  ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [seconds per fuzzer]" >&2; exit 2 ;;
esac

mkdir -p build
if ! cmake --preset fuzz >build/configure-fuzz.log 2>&1; then
  cat build/configure-fuzz.log >&2
  exit 1
fi
say "fuzz: build (clang, libFuzzer + ASan + UBSan)"
cmake --build --preset fuzz

# UB aborts; rapidjson 1.1.0's known null + offset is suppressed (tests/fuzz/ubsan.supp).
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1:suppressions=$ROOT/tests/fuzz/ubsan.supp}"

OUT=build/fuzz
FUZZERS="scenario_json share_code guide"
mkdir -p "$OUT/artifacts"
pids=()
# Guides are longer than scenarios: a real one with goals is 5-10 KB.
max_len() { if [ "$1" = guide ]; then echo 12288; else echo 4096; fi; }
for name in $FUZZERS; do
  mkdir -p "$OUT/corpus/$name"
  dict=()
  [ -f "tests/fuzz/$name.dict" ] && dict=("-dict=tests/fuzz/$name.dict")
  # The first corpus folder receives new inputs; the others are read only.
  "$OUT/fuzz_$name" "$OUT/corpus/$name" "tests/fuzz/corpus/$name" tests/fuzz/regressions \
    "${dict[@]}" -max_total_time="$SECONDS_EACH" -seed="${TL_FUZZ_SEED:-1}" -max_len="$(max_len "$name")" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$name-" \
    >"$OUT/fuzz_$name.log" 2>&1 &
  pids+=($!)
done
say "fuzz: running fuzz_scenario_json, fuzz_share_code and fuzz_guide for ${SECONDS_EACH} s each"

status=0
i=0
for name in $FUZZERS; do
  rc=0
  wait "${pids[$i]}" || rc=$?
  i=$((i + 1))
  log="$OUT/fuzz_$name.log"
  runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1 || true)"
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 || true)"
  if [ "$rc" = 0 ]; then
    say "fuzz_$name: ${runs:-?} executions, ${cov:-cov: ?}, corpus $(ls "$OUT/corpus/$name" | wc -l) inputs, no crash"
  else
    status=1
    say "fuzz_$name FAILED (exit $rc) after ${runs:-?} executions; log: $log"
    grep -E 'ERROR|round trip failed|SUMMARY|Test unit written|^artifact_prefix' "$log" | head -n 20 >&2 || true
    tail -n 40 "$log" >&2
  fi
done
exit "$status"
