#!/usr/bin/env bash
# Builds the WebAssembly app and serves it at http://localhost:${PORT:-8080}/,
# precompressed (brotli and gzip files written beside the originals, sent with
# Content-Encoding: tools/serve-site.mjs). HOST=0.0.0.0 lets phones on the
# same network reach it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

bash scripts/deps.sh

say "wasm: configure + build"
mkdir -p build
if ! cmake --preset wasm >build/configure-wasm.log 2>&1; then
  cat build/configure-wasm.log >&2
  exit 1
fi
cmake --build --preset wasm

PORT="${PORT:-8080}"
exec node tools/serve-site.mjs build/wasm/site "$PORT" "${HOST:-127.0.0.1}"
