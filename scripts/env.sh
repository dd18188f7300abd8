# Shared settings for the scripts in this folder. Source it, don't run it.
# Sets ROOT (the repo), TRILEMMA_CACHE (dependency cache, outside the clone)
# and NODE_PATH (Debian's emscripten needs acorn from /usr/share/nodejs).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TRILEMMA_CACHE="${TRILEMMA_CACHE:-$HOME/.cache/trilemma-lab}"
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"

# Elapsed-time prefix for progress lines.
_tl_t0=$SECONDS
say() { printf '[%s %3ds] %s\n' "$(basename "$0" .sh)" $((SECONDS - _tl_t0)) "$*"; }
