# Build-time embedding of data files into C++ sources (see embed.cmake).

set(TL_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/embed.cmake")

# tl_embed_assets(<out.cpp> <assets-dir>)
# Generates <out.cpp> implementing core/assets.h from <assets-dir>/**/*.json.
# The glob is re-checked on every build (CONFIGURE_DEPENDS), so added or
# removed assets re-configure; an edited asset re-runs the generator.
# An optional third argument is a regular expression of paths (relative to
# <assets-dir>) left out: the app has no use for the model snapshots.
function(tl_embed_assets OUTPUT ASSETS_DIR)
  set(exclude "${ARGV2}")
  file(GLOB_RECURSE asset_files CONFIGURE_DEPENDS "${ASSETS_DIR}/*.json")
  if(exclude)
    list(FILTER asset_files EXCLUDE REGEX "^${ASSETS_DIR}/${exclude}")
  endif()
  list(LENGTH asset_files count)
  # The set of files is part of the command line, so ninja re-runs the
  # generator when an asset is removed (no input is newer then).
  string(MD5 asset_set "${asset_files}")
  add_custom_command(
    OUTPUT "${OUTPUT}"
    COMMAND "${CMAKE_COMMAND}" -DMODE=assets "-DASSETS_DIR=${ASSETS_DIR}" "-DEXCLUDE=${exclude}"
            "-DOUTPUT=${OUTPUT}" "-DASSET_SET=${asset_set}" -P "${TL_EMBED_SCRIPT}"
    DEPENDS ${asset_files} "${TL_EMBED_SCRIPT}"
    COMMENT "Embedding ${count} asset(s) from ${ASSETS_DIR}"
    VERBATIM)
endfunction()

# tl_embed_binary(<out.cpp> <input-file> <symbol> <header>)
# Generates <out.cpp> defining `const unsigned char <symbol>[]` and
# `const unsigned int <symbol>Size` as declared in <header>.
function(tl_embed_binary OUTPUT INPUT SYMBOL HEADER)
  add_custom_command(
    OUTPUT "${OUTPUT}"
    COMMAND "${CMAKE_COMMAND}" -DMODE=binary "-DINPUT=${INPUT}" "-DSYMBOL=${SYMBOL}"
            "-DHEADER=${HEADER}" "-DOUTPUT=${OUTPUT}" -P "${TL_EMBED_SCRIPT}"
    DEPENDS "${INPUT}" "${TL_EMBED_SCRIPT}"
    COMMENT "Embedding ${INPUT} as ${SYMBOL}"
    VERBATIM)
endfunction()
