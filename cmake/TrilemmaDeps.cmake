# Locates the project's dependencies. Everything comes from Debian packages,
# plus what scripts/deps.sh puts in the cache dir (outside the clone):
#   $TRILEMMA_CACHE/imgui-<ver>/               Debian source package imgui
#   $TRILEMMA_CACHE/qr-code-generator-<ver>/   Debian source package qr-code-generator
#   $TRILEMMA_CACHE/wasm-prefix/               SDL2 built for wasm + header symlinks

# The environment (set by the scripts) wins over a previously cached value.
if(DEFINED ENV{TRILEMMA_CACHE} AND NOT "$ENV{TRILEMMA_CACHE}" STREQUAL "")
  set(TRILEMMA_CACHE "$ENV{TRILEMMA_CACHE}" CACHE PATH "Dependency cache filled by scripts/deps.sh" FORCE)
else()
  set(TRILEMMA_CACHE "$ENV{HOME}/.cache/trilemma-lab" CACHE PATH "Dependency cache filled by scripts/deps.sh")
endif()

set(_tl_run_deps "Run `bash scripts/deps.sh` first (it fills ${TRILEMMA_CACHE}).")

# Newest unpacked source package <name>-<ver> in the cache that contains <marker>.
function(tl_find_cached_source OUT_VAR NAME MARKER)
  file(GLOB candidates LIST_DIRECTORIES true "${TRILEMMA_CACHE}/${NAME}-*")
  set(found "")
  list(SORT candidates COMPARE NATURAL)
  foreach(dir IN LISTS candidates)
    if(EXISTS "${dir}/${MARKER}")
      set(found "${dir}")
    endif()
  endforeach()
  set(${OUT_VAR} "${found}" PARENT_SCOPE)
endfunction()

# --- Dear ImGui sources
set(IMGUI_DIR "" CACHE PATH "Dear ImGui source tree (Debian source package imgui); empty: newest in the cache")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  tl_find_cached_source(_tl_imgui imgui imgui.cpp)
  set(IMGUI_DIR "${_tl_imgui}" CACHE PATH "" FORCE)
endif()
if(NOT IMGUI_DIR OR NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found (IMGUI_DIR='${IMGUI_DIR}'). ${_tl_run_deps}")
endif()

# --- QR Code generator sources (C++ qrcodegen.cpp, for the wasm build)
set(QRCODEGEN_SOURCE_DIR "" CACHE PATH "QR-Code-generator source tree (Debian source package qr-code-generator); empty: newest in the cache")
if(NOT EXISTS "${QRCODEGEN_SOURCE_DIR}/cpp/qrcodegen.cpp")
  tl_find_cached_source(_tl_qr qr-code-generator cpp/qrcodegen.cpp)
  set(QRCODEGEN_SOURCE_DIR "${_tl_qr}" CACHE PATH "" FORCE)
endif()
if(NOT QRCODEGEN_SOURCE_DIR OR NOT EXISTS "${QRCODEGEN_SOURCE_DIR}/cpp/qrcodegen.cpp")
  message(FATAL_ERROR "qr-code-generator sources not found (QRCODEGEN_SOURCE_DIR='${QRCODEGEN_SOURCE_DIR}'). ${_tl_run_deps}")
endif()

# --- wasm prefix: SDL2 and header-only libraries for em++
if(EMSCRIPTEN)
  set(TRILEMMA_WASM_PREFIX "${TRILEMMA_CACHE}/wasm-prefix")
  if(NOT EXISTS "${TRILEMMA_WASM_PREFIX}/lib/libSDL2.a")
    message(FATAL_ERROR "SDL2 for wasm not found in ${TRILEMMA_WASM_PREFIX}. ${_tl_run_deps}")
  endif()
  # Without this, find_package(SDL2) silently finds Emscripten's stub config
  # (-sUSE_SDL=2 ports, which need the network). CMAKE_PREFIX_PATH does not help:
  # the toolchain re-roots every search under CMAKE_FIND_ROOT_PATH.
  list(PREPEND CMAKE_FIND_ROOT_PATH "${TRILEMMA_WASM_PREFIX}")
endif()

# --- header-only libraries (for wasm: symlinks in the wasm prefix)
find_path(CEREAL_INCLUDE_DIR cereal/cereal.hpp REQUIRED DOC "cereal headers (libcereal-dev)")
find_path(RAPIDJSON_INCLUDE_DIR rapidjson/rapidjson.h REQUIRED DOC "RapidJSON headers (rapidjson-dev)")
find_path(DOCTEST_INCLUDE_DIR doctest/doctest.h REQUIRED DOC "doctest headers (doctest-dev)")
# doctest's CMake helpers (doctest_discover_tests) are host files: never re-rooted.
find_file(DOCTEST_CMAKE_MODULE doctest.cmake PATHS /usr/lib/cmake/doctest
  NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH REQUIRED)

# --- SDL2 and OpenGL
find_package(SDL2 REQUIRED CONFIG)
if(NOT EMSCRIPTEN)
  find_package(OpenGL REQUIRED)
endif()

# --- UI font: Inter (fonts-inter) if present, else DejaVu Sans (fonts-dejavu-core).
# ImGui 1.86's stb_truetype reads OpenType/CFF (.otf) as well as TrueType.
find_file(UI_FONT_FILE NAMES Inter-Regular.otf Inter-Regular.ttf DejaVuSans.ttf
  PATHS /usr/share/fonts/opentype/inter /usr/share/fonts/truetype/inter /usr/share/fonts/truetype/dejavu
  NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH REQUIRED DOC "UI font (regular)")
find_file(UI_FONT_BOLD_FILE NAMES Inter-SemiBold.otf Inter-SemiBold.ttf DejaVuSans-Bold.ttf
  PATHS /usr/share/fonts/opentype/inter /usr/share/fonts/truetype/inter /usr/share/fonts/truetype/dejavu
  NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH REQUIRED DOC "UI font (bold)")
