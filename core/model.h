// The dynamics: levers -> flows -> stocks, integrated yearly from 2024.
// Each mechanism of MODEL.md is one small named function in model.cpp with
// its sources; core/README.md explains them in prose and equations.
#pragma once
#include "core/levers.h"
#include "core/outcomes.h"
#include "core/parameters.h"

namespace tl {

// The inputs of one run. The seat is the bloc the user plays: with reactions
// on, every other bloc answers by the rules in model.cpp (react_*).
struct RunInput {
    std::array<Policy, kBlocCount> policy{};
    // The 2024 policies: the base-year state is calibrated as their
    // equilibrium, and the pillar scores measure distance from that position
    // (50 = where the bloc stood in 2024). run_input() fills in status quo 2024.
    std::array<Policy, kBlocCount> reference{};
    Bloc seat = Bloc::US;
    int horizon = kDefaultHorizon;
    bool reactions = true;
    // Lever changes (policy minus reference) start in this year and phase in
    // over the phase_in_years parameter; 2024 is always the calibration point.
    int start_year = kDefaultStartYear;
    // >= 0: record the indicators of this bloc only (Monte Carlo needs no
    // more); the dynamics are the same, the other blocs' outputs are left as
    // they were.
    int only_bloc = -1;
    // Record the horizon year only (searches and the frontier score mixes
    // there): the dynamics are the same, the earlier years are left as they
    // were. With only_bloc, a third of a run is saved.
    bool horizon_only = false;
    // Also run the backcast 2017..2023 into Results::hist (issue 14). It
    // depends on the parameters and the reference policies only, never on the
    // user's levers; Monte Carlo and the frontier, which read later years, skip it.
    bool history = true;
};

// Deterministic: the same input and parameters give bit-identical results.
// Allocates nothing; safe to call from many threads with separate outputs.
void simulate(const RunInput& input, const ParamValues& params, Results& out);

}  // namespace tl
