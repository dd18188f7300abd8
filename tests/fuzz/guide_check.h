// The properties the guide fuzz target checks on every input, shared with the
// doctest that replays tests/fuzz/regressions and the seed corpora: reading a
// guide (as a file, and as the `#guide=` link form) never crashes or throws;
// whatever reads is valid, and writing it again (pretty, compact, and as a
// link) and reading gives the identical guide; its goals evaluate on a run.
// Returns an empty string when all holds, else what broke.
#pragma once
#include <string>
#include <string_view>

#include "core/guides.h"
#include "core/share_link.h"

namespace tl::fuzz {

inline std::string check_guide_reads_back(const Guide& g, std::string_view from) {
    if (auto errors = validate_guide(g); !errors.empty())
        return std::string(from) + " read as an invalid guide: " + errors.front();
    for (const std::string& json : {guide_to_json(g), guide_to_compact_json(g)}) {
        GuideReadResult back = read_guide(json);
        if (!back.ok) return std::string(from) + ": its JSON does not read back: " + back.errors.front() + "\n" + json;
        if (!(back.guide == g)) return std::string(from) + ": its JSON reads back as a different guide\n" + json;
    }
    GuideReadResult link = resolve_guide_link("~" + encode_base64url(guide_to_compact_json(g)));
    if (!link.ok || !(link.guide == g)) return std::string(from) + ": its link does not open the same guide";
    return {};
}

// Goals of the first step with a goal, on the guide's starting scenario: the
// texts are built and nothing is met that cannot be evaluated.
inline std::string check_guide_goals(const Guide& g) {
    for (std::size_t i = 0; i < g.steps.size(); ++i) {
        if (!g.steps[i].goal) continue;
        Scenario s = step_start_scenario(g, static_cast<int>(i));
        Results r = run(s), base = run(baseline_of(s));
        GoalStatus st = evaluate_goal(*g.steps[i].goal, s, r, base, &r);
        if (st.conditions.size() != g.steps[i].goal->conditions.size()) return "evaluate_goal: a condition went missing";
        for (const auto& c : st.conditions) {
            if (c.met && !c.evaluable) return "evaluate_goal: met but not evaluable";
            if (c.text.empty() || c.short_text.empty()) return "evaluate_goal: a condition without text";
        }
        for (const auto& c : g.steps[i].goal->conditions)
            if (describe_condition(c, g.seat).empty()) return "describe_condition: empty";
        break;
    }
    return {};
}

inline std::string check_guide_json(std::string_view input) {
    GuideReadResult r = read_guide(input);
    if (r.ok != r.errors.empty()) return "read_guide: ok and errors disagree";
    if (r.errors.size() > 41) return "read_guide: more errors than the cap";
    // The link forms: the text itself (an id or JSON) and "~" + base64url(text).
    GuideReadResult as_ref = resolve_guide(input);
    if (as_ref.ok != as_ref.errors.empty()) return "resolve_guide: ok and errors disagree";
    GuideReadResult as_link = resolve_guide_link(input);
    if (as_link.ok != as_link.errors.empty()) return "resolve_guide_link: ok and errors disagree";
    GuideReadResult encoded = resolve_guide_link("~" + encode_base64url(input));
    if (encoded.ok != as_ref.ok || (encoded.ok && !(encoded.guide == as_ref.guide)))
        return "a guide link does not open what its text opens";
    if (!r.ok) return {};
    if (auto problem = check_guide_reads_back(r.guide, "guide"); !problem.empty()) return problem;
    return check_guide_goals(r.guide);
}

}  // namespace tl::fuzz
