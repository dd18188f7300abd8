#pragma once
// Data files from assets/ (*.json, also in subfolders such as assets/guides/),
// embedded into the binary at build time by cmake/embed.cmake, so the same
// lookups work natively and in the browser (no filesystem there).
#include <string_view>
#include <vector>

namespace tl {

// Returns the contents of an embedded asset by its path relative to assets/ (e.g. "presets.json"); empty if missing.
std::string_view embedded_asset(std::string_view relative_path);

// All embedded asset paths relative to assets/, sorted.
std::vector<std::string_view> embedded_asset_names();

}  // namespace tl
