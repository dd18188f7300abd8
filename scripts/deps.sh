#!/usr/bin/env bash
# Installs everything Trilemma Lab needs on Debian bookworm, idempotently:
#   - Debian packages (compilers, emscripten, SDL2, header-only libs, chromium, fonts)
#   - Debian *source* packages imgui, libsdl2, qr-code-generator, unpacked into
#     the cache dir ${TRILEMMA_CACHE:-$HOME/.cache/trilemma-lab} (outside the clone)
#   - SDL2 built for WebAssembly into $TRILEMMA_CACHE/wasm-prefix (once)
#   - header symlinks for em++ in $TRILEMMA_CACHE/wasm-prefix/include
#   - npm packages of the repo (playwright-core, drives Debian's chromium)
# A warm run only checks and takes a few seconds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

CACHE="$TRILEMMA_CACHE"
PREFIX="$CACHE/wasm-prefix"
LOGS="$CACHE/logs"
mkdir -p "$CACHE" "$PREFIX/include" "$LOGS"

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

# Runs a command with its output in a log; on failure shows the log's tail.
logged() {
  local log="$LOGS/$1.log"; shift
  if ! "$@" >"$log" 2>&1; then
    echo "FAILED: $* (log: $log)" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
}

APT_UPDATED=0
apt_update() {
  if [ "$APT_UPDATED" = 0 ]; then
    say "apt-get update"
    logged apt-update $SUDO apt-get update
    APT_UPDATED=1
  fi
}

# ---------------------------------------------------------------- apt packages
PACKAGES=(
  g++ clang cmake ninja-build dpkg-dev python3 git xz-utils
  emscripten libsdl2-dev libgl-dev libgles-dev
  libcereal-dev rapidjson-dev doctest-dev libqrcodegencpp-dev
  libclang-rt-dev
  fonts-inter fonts-dejavu-core python3-fonttools
  chromium
)
missing=()
for p in "${PACKAGES[@]}"; do
  if [ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)" != "ii " ]; then
    missing+=("$p")
  fi
done
# Node.js may come from another package (e.g. nodesource's nodejs bundles npm and
# conflicts with Debian's npm package), so check for the commands, not packages.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  apt_update
  say "apt-get install ${missing[*]}"
  logged apt-install $SUDO apt-get install -y "${missing[@]}"
else
  say "apt packages: all present"
fi

# ------------------------------------------------------------- source packages
# Enable deb-src by rewriting the existing entry (no host name written here).
SRC_LIST=/etc/apt/sources.list.d/debian-src.sources
if [ ! -f "$SRC_LIST" ]; then
  say "enabling deb-src ($SRC_LIST)"
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | $SUDO tee "$SRC_LIST" >/dev/null
  APT_UPDATED=0
fi

# fetch_source PACKAGE MARKER: unpacks PACKAGE into $CACHE unless $CACHE/PACKAGE-*/MARKER exists.
fetch_source() {
  local pkg="$1" marker="$2"
  if compgen -G "$CACHE/$pkg-*/$marker" >/dev/null; then
    return
  fi
  if ! apt-cache showsrc "$pkg" 2>/dev/null | grep -q '^Package:'; then
    APT_UPDATED=0
    apt_update
  fi
  say "apt-get source $pkg"
  if ! (cd "$CACHE" && apt-get source "$pkg" >"$LOGS/source-$pkg.log" 2>&1); then
    # Some mirrors miss a package's Debian tarball (seen: qr-code-generator).
    # The upstream tarball is all we need: unpack it by hand.
    say "apt-get source $pkg failed; unpacking its upstream tarball instead"
    rm -f "$CACHE"/*.dsc "$CACHE"/*.tar.*
    (cd "$CACHE" && logged "source-$pkg-tar" apt-get source --tar-only "$pkg")
    local tarball ver
    tarball="$(ls "$CACHE/${pkg}"_*.orig.tar.* | head -n 1)"
    ver="$(basename "$tarball")"; ver="${ver#"${pkg}_"}"; ver="${ver%.orig.tar.*}"
    mkdir -p "$CACHE/$pkg-$ver"
    tar -xf "$tarball" -C "$CACHE/$pkg-$ver" --strip-components=1
  fi
  # Keep only the unpacked tree.
  rm -f "$CACHE"/*.dsc "$CACHE"/*.tar.* "$CACHE"/*.diff.gz
  compgen -G "$CACHE/$pkg-*/$marker" >/dev/null || { echo "source of $pkg not found in $CACHE" >&2; exit 1; }
}
fetch_source imgui imgui.cpp
fetch_source libsdl2 CMakeLists.txt
fetch_source qr-code-generator cpp/qrcodegen.cpp
say "sources: $(cd "$CACHE" && ls -d imgui-*/ libsdl2-*/ qr-code-generator-*/ | tr -d / | tr '\n' ' ')"

# ------------------------------------------------------------ SDL2 for wasm
SDL_SRC="$(ls -d "$CACHE"/libsdl2-*/ | sort -V | tail -n 1)"
SDL_SRC="${SDL_SRC%/}"
SDL_STAMP="$PREFIX/.stamp-sdl2"
if [ "$(cat "$SDL_STAMP" 2>/dev/null || true)" != "$(basename "$SDL_SRC")" ]; then
  say "building SDL2 for wasm from $(basename "$SDL_SRC") (~2 min, once)"
  BUILD="$CACHE/build-sdl2-wasm"
  rm -rf "$BUILD"
  logged sdl2-configure emcmake cmake -S "$SDL_SRC" -B "$BUILD" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
    -DCMAKE_INSTALL_PREFIX="$PREFIX"
  logged sdl2-build cmake --build "$BUILD"
  logged sdl2-install cmake --install "$BUILD"
  rm -rf "$BUILD"
  basename "$SDL_SRC" >"$SDL_STAMP"
else
  say "SDL2 wasm: present ($PREFIX)"
fi

# Header-only libraries for em++: symlinks, never /usr/include wholesale
# (that would pull glibc headers into the wasm build).
for h in cereal rapidjson doctest; do
  ln -sfn "/usr/include/$h" "$PREFIX/include/$h"
done

# ------------------------------------------------------------------ npm
if [ -f "$ROOT/package.json" ]; then
  NM="$ROOT/node_modules/.package-lock.json"
  if [ -f "$NM" ] && [ "$NM" -nt "$ROOT/package.json" ] &&
     { [ ! -f "$ROOT/package-lock.json" ] || [ "$NM" -nt "$ROOT/package-lock.json" ]; }; then
    say "npm packages: present"
  else
    say "npm install"
    if [ -f "$ROOT/package-lock.json" ]; then
      (cd "$ROOT" && logged npm npm ci --no-audit --no-fund --loglevel=error)
    else
      (cd "$ROOT" && logged npm npm install --no-audit --no-fund --loglevel=error)
    fi
  fi
fi

say "deps ok (cache: $CACHE)"
