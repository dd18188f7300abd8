// Random scenarios for the property tests: a fixed-seed tl::Rng drives a
// random preset, seat, horizon, reaction setting, lever settings (through
// tl::random_policy, which favours the ends of the ranges) and assumption
// positions, so every run of the suite sees the same scenarios.
#pragma once
#include <cmath>

#include "core/analysis.h"
#include "core/scenario.h"

namespace tl::testing {

inline int random_int(Rng& rng, int lo, int hi) {  // inclusive
    return lo + static_cast<int>(rng.uniform() * (hi - lo + 1));
}

// Assumption positions in [-1, 1] for the uncertain parameters (sourced facts
// stay central, as validate() requires); about half are left at 0.
inline AssumptionPositions random_assumptions(Rng& rng) {
    AssumptionPositions a{};
    for (int i = 0; i < kParamCount; ++i)
        if (param_defs()[i].uncertain() && rng.uniform() < 0.5) a[i] = 2.0 * rng.uniform() - 1.0;
    return a;
}

struct RandomScenarioOptions {
    bool random_assumptions = true;
    bool fractional_levers = false;  // also off-step values such as 37.3816...
};

inline Scenario random_scenario(Rng& rng, RandomScenarioOptions opt = {}) {
    const auto& list = presets();
    const Preset& preset = list[random_int(rng, 0, static_cast<int>(list.size()) - 1)];
    Scenario s = scenario_from_preset(preset, static_cast<Bloc>(random_int(rng, 0, kBlocCount - 1)));
    s.horizon = random_int(rng, kMinHorizon, kMaxHorizon);
    s.reactions = rng.uniform() < 0.6;
    // The seat always moves; each other bloc with some probability.
    for (int b = 0; b < kBlocCount; ++b)
        if (b == idx(s.seat) || rng.uniform() < 0.3) s.policy[b] = random_policy(rng, s.policy[b]);
    if (opt.fractional_levers)
        for (int k = 0; k < 4; ++k) {
            int b = random_int(rng, 0, kBlocCount - 1), slot = random_int(rng, 0, kSlotCount - 1);
            const LeverDef& d = lever_def(slot_info(slot).lever);
            s.policy[b][slot] = d.min + rng.uniform() * (d.max - d.min);
        }
    if (opt.random_assumptions) s.assumptions = random_assumptions(rng);
    return s;
}

}  // namespace tl::testing
