#!/usr/bin/env bash
# Builds everything and runs all tests: the history data checks (tools/check_history.py),
# native core tests (ctest), the same
# under ASan + UBSan, a bounded fuzzing run of the input decoders, then the
# WebAssembly app in headless Chromium (node --test --test-timeout=900000 tests/browser/).
# TL_FUZZ_SECONDS sets the fuzzing time per decoder (default 45).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

bash scripts/deps.sh

say "history data: policy timeline and reference data against the seeds (no build needed)"
python3 tools/check_history.py
python3 tools/test_check_history.py

# configure PRESET: quiet unless it fails.
configure() {
  mkdir -p build
  if ! cmake --preset "$1" >"build/configure-$1.log" 2>&1; then
    cat "build/configure-$1.log" >&2
    exit 1
  fi
}

say "native: configure + build"
configure native
cmake --build --preset native

say "native: core tests"
ctest --test-dir build/native --output-on-failure

say "native: the core tests again under AddressSanitizer + UBSan"
configure asan
cmake --build --preset asan
ctest --preset asan

say "fuzz: the scenario-file, share-link and guide decoders (${TL_FUZZ_SECONDS:-45} s each)"
bash scripts/fuzz.sh "${TL_FUZZ_SECONDS:-45}"

say "wasm: configure + build"
configure wasm
cmake --build --preset wasm
say "site: $(cd build/wasm/site && ls -l trilemma.wasm trilemma.js | awk '{printf "%s %d KB  ", $9, $5/1024}')"

say "browser tests"
node --test --test-timeout=900000 tests/browser/
say "all tests passed"
