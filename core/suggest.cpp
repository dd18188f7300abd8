#include "core/suggest.h"

#include <algorithm>

namespace tl {

namespace {
// Levenshtein distance, two rows. Inputs are short keys, but a hostile key
// can be long: cut both so one suggestion never costs more than 64 x 64 steps.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    a = a.substr(0, 64);
    b = b.substr(0, 64);
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}
}  // namespace

std::string did_you_mean(std::string_view given, const std::vector<std::string>& candidates) {
    if (given.size() > 64) return {};
    std::size_t best = std::string::npos;
    const std::string* pick = nullptr;
    for (const auto& c : candidates) {
        std::size_t d = edit_distance(given, c);
        if (d < best) best = d, pick = &c;
    }
    std::size_t limit = std::max<std::size_t>(2, given.size() / 3);
    if (pick && best <= limit && best > 0) return " (did you mean " + quoted(*pick) + "?)";
    return {};
}

std::string quoted(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return "\"" + std::string(text) + "\"";
    std::size_t cut = max_bytes;
    // Back up to the start of a UTF-8 character (continuation bytes are 10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return "\"" + std::string(text.substr(0, cut)) + "\xE2\x80\xA6\" (" + std::to_string(text.size()) + " bytes)";
}

}  // namespace tl
