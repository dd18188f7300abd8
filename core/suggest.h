// Words for error messages about what a user typed: a suggestion for a
// near-miss ("did you mean ...?") and user text quoted at a readable length.
// Shared by every reader of untrusted input (scenario files, guides).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tl {

// " (did you mean "x"?)" when a candidate is within a few edits, else "".
std::string did_you_mean(std::string_view given, const std::vector<std::string>& candidates);

// "\"text\"", cut to `max_bytes` at a character boundary with "…": a message
// quoting a megabyte-long id must not become a megabyte long.
std::string quoted(std::string_view text, std::size_t max_bytes = 80);

}  // namespace tl
