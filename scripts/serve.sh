#!/usr/bin/env bash
# Builds the WebAssembly app and serves it at http://localhost:${PORT:-8080}/.
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
echo
echo "Trilemma Lab: http://localhost:${PORT}/   (serving build/wasm/site; Ctrl+C to stop)"
echo
exec python3 -m http.server --bind 127.0.0.1 --directory build/wasm/site "$PORT"
