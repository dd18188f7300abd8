// trilemma-cli guide: check a guided scenario and play its goals from the
// command line (docs/guides.md).
//
//   trilemma-cli guide                       list the built-in guides
//   trilemma-cli guide ID|FILE               validate; print the steps and each goal's status at the step's start
//   trilemma-cli guide ID|FILE --set K=V ... the same, with lever values applied on top of every step's start
//   trilemma-cli guide ID|FILE --step N      one step only (1-based)
//   trilemma-cli guide ID|FILE --json        print the guide as normalised JSON
//
// Exit status: 0 valid, 1 invalid guide (errors on stderr), 2 bad usage.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/guides.h"

using namespace tl;

namespace {

int usage(const std::string& msg) {
    std::fprintf(stderr, "trilemma-cli guide: %s\n", msg.c_str());
    std::fprintf(stderr, "usage: trilemma-cli guide [ID|FILE] [--set KEY=VALUE]... [--step N] [--json]\n");
    return 2;
}

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
    return out;
}

}  // namespace

int cmd_guide(int argc, char** argv) {
    // argv[0] is the program, argv[1] "guide".
    std::string ref;
    std::vector<std::pair<std::string, double>> sets;
    int only_step = 0;
    bool as_json = false;
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--set" || a == "--step") {
            if (i + 1 >= argc) return usage(a + " needs a value");
            std::string v = argv[++i];
            if (a == "--step") {
                only_step = std::atoi(v.c_str());
                if (only_step < 1) return usage("--step: a step number from 1");
                continue;
            }
            auto eq = v.find('=');
            char* end = nullptr;
            double value = eq == std::string::npos ? 0.0 : std::strtod(v.c_str() + eq + 1, &end);
            if (eq == std::string::npos || end == v.c_str() + eq + 1 || *end != '\0')
                return usage("--set expects KEY=VALUE, got \"" + v + "\"");
            sets.emplace_back(v.substr(0, eq), value);
        } else if (a == "--json") {
            as_json = true;
        } else if (!a.empty() && a[0] == '-') {
            return usage("unknown option " + a);
        } else if (ref.empty()) {
            ref = a;
        } else {
            return usage("one guide at a time");
        }
    }

    if (ref.empty()) {
        for (const auto& g : builtin_guides())
            std::printf("%-26s %s (%s seat, %zu steps, %d min)\n", g.id.c_str(), g.title.c_str(),
                        std::string(kBlocIds[idx(g.seat)]).c_str(), g.steps.size(), g.duration_minutes);
        return 0;
    }

    GuideReadResult res;
    if (find_builtin_guide(ref)) {
        res = resolve_guide(ref);
    } else {
        std::ifstream in(ref, std::ios::binary);
        if (!in) {
            res = resolve_guide(ref);  // reports "no built-in guide" with a suggestion
            std::fprintf(stderr, "trilemma-cli guide: %s is neither a file nor a built-in guide\n", ref.c_str());
            for (const auto& e : res.errors) std::fprintf(stderr, "  %s\n", e.c_str());
            return 2;
        }
        std::ostringstream ss;
        ss << in.rdbuf();
        res = read_guide(ss.str());
    }
    if (!res.ok) {
        std::fprintf(stderr, "%s: not a valid guide\n", ref.c_str());
        for (const auto& e : res.errors) std::fprintf(stderr, "  %s\n", e.c_str());
        return 1;
    }
    const Guide& g = res.guide;
    if (as_json) {
        std::printf("%s\n", guide_to_json(g).c_str());
        return 0;
    }
    if (only_step > static_cast<int>(g.steps.size()))
        return usage("--step: this guide has " + std::to_string(g.steps.size()) + " steps");

    std::printf("%s — %s\n", g.id.c_str(), g.title.c_str());
    std::printf("  seat %s, preset %s, %d to %d, reactions %s, %d min\n", std::string(kBlocIds[idx(g.seat)]).c_str(),
                g.preset.c_str(), kBaseYear, g.horizon, g.reactions ? "on" : "off", g.duration_minutes);
    if (!sets.empty()) {
        std::vector<std::string> shown;
        for (const auto& [k, v] : sets) {
            char buf[160];
            std::snprintf(buf, sizeof buf, "%s=%g", k.c_str(), v);
            shown.emplace_back(buf);
        }
        std::printf("  with %s on top of every step's start\n", join(shown, ", ").c_str());
    }
    for (std::size_t k = 0; k < g.steps.size(); ++k) {
        if (only_step && static_cast<int>(k) + 1 != only_step) continue;
        const GuideStep& s = g.steps[k];
        std::printf("\nStep %zu: %s [%s]\n", k + 1, s.title.c_str(), s.id.c_str());
        std::printf("  sources: %s\n", s.sources.empty() ? "-" : join(s.sources, ", ").c_str());
        std::printf("  open levers: %s\n", s.open_levers.empty() ? "all" : join(s.open_levers, ", ").c_str());
        if (!s.set.empty()) {
            std::vector<std::string> staged;
            for (const auto& kv : s.set) {
                char buf[160];
                std::snprintf(buf, sizeof buf, "%s=%g", kv.key.c_str(), kv.value);
                staged.emplace_back(buf);
            }
            std::printf("  set at start: %s\n", join(staged, ", ").c_str());
        }
        if (!s.goal) {
            std::printf("  no goal\n");
            continue;
        }
        std::printf("  goal: %s\n", s.goal->description.c_str());
        Scenario start = step_start_scenario(g, static_cast<int>(k));
        Results start_run = run(start);
        Results baseline = run(baseline_of(start));
        Scenario played = start;
        for (const auto& [key, value] : sets) {
            std::string err = apply_setting(played, key, value);
            if (!err.empty()) return usage("--set " + err);
            std::string lever_key = key;
            if (auto dot = key.find('.'); dot != std::string::npos && parse_bloc(key.substr(0, dot)))
                lever_key = key.substr(dot + 1);
            auto slot = parse_slot(lever_key);
            if (slot && lever_key == key && !is_lever_open(s, *slot))
                std::printf("  note: %s is locked at this step\n", key.c_str());
        }
        Results r = run(played);
        GoalStatus st = evaluate_goal(*s.goal, played, r, baseline, &start_run);
        std::printf("  %s %s\n", st.met ? "MET" : "NOT MET", st.text.c_str());
        for (const auto& c : st.conditions) std::printf("    [%s] %s\n", c.met ? "x" : " ", c.text.c_str());
    }
    return 0;
}
