// The properties the fuzz targets check on every input, shared with the
// doctest that replays tests/fuzz/regressions and the seed corpora:
// decoding never crashes or throws; whatever decodes is valid, and encoding
// it again (as a share code and as JSON) and decoding gives the identical
// scenario. Each returns an empty string when all holds, else what broke.
#pragma once
#include <string>
#include <string_view>

#include "core/scenario_io.h"
#include "core/share_link.h"

namespace tl::fuzz {

// JSON and share-code round trips of a scenario that decoded fine.
inline std::string check_reencode(const Scenario& s, std::string_view from) {
    if (auto errors = validate(s); !errors.empty())
        return std::string(from) + " decoded to an invalid scenario: " + errors.front();
    for (bool pretty : {true, false}) {
        std::string json = scenario_to_json(s, pretty);
        ScenarioReadResult j = scenario_from_json(json);
        if (!j.ok) return std::string(from) + ": its JSON does not read back: " + j.errors.front() + "\n" + json;
        if (!(j.scenario == s)) return std::string(from) + ": its JSON reads back as a different scenario\n" + json;
    }
    // A link restores the scenario exactly unless share_code_losses says why not.
    std::string code = encode_share_code(s);
    if (code.size() > kMaxShareCodeLength) return std::string(from) + ": share code longer than the limit";
    ShareDecodeResult d = decode_share_code(code);
    if (!d.ok) return std::string(from) + ": its share code does not decode: " + d.errors.front() + "\n" + code;
    if (share_code_losses(s).empty() && !(d.scenario == s))
        return std::string(from) + ": its share code decodes to a different scenario\n" + code;
    // The code of a decoded code is canonical: encoding again gives the same text.
    if (encode_share_code(d.scenario) != code) return std::string(from) + ": share code is not canonical\n" + code;
    return {};
}

inline std::string check_scenario_json(std::string_view input) {
    ScenarioReadResult r = scenario_from_json(input);
    if (r.ok != r.errors.empty()) return "scenario_from_json: ok and errors disagree";
    if (!r.ok) return {};
    return check_reencode(r.scenario, "JSON");
}

inline std::string check_share_code(std::string_view input) {
    for (bool verify : {true, false}) {
        ShareDecodeResult r = decode_share_code(input, {verify});
        if (r.ok != r.errors.empty()) return "decode_share_code: ok and errors disagree";
        if (r.errors.size() > 21) return "decode_share_code: too many errors";
        if (!r.ok) continue;
        if (!share_code_losses(r.scenario).empty()) return "a decoded share code would not round-trip";
        if (auto problem = check_reencode(r.scenario, "share code"); !problem.empty()) return problem;
    }
    // The room's reading of a pasted line: spans in order, inside the line, not overlapping.
    std::size_t last = 0;
    for (const ShareLinkSpan& span : find_share_links(input)) {
        if (span.begin < last || span.end < span.begin || span.end > input.size()) return "find_share_links: a span out of order or outside the line";
        last = span.end;
    }
    return {};
}

}  // namespace tl::fuzz
