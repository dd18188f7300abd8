// Properties of the model: determinism, bounds, and the tables it loads.
#include <doctest/doctest.h>

#include <cmath>

#include "core/analysis.h"
#include "core/scenario.h"

using namespace tl;

TEST_CASE("tables load and every parameter is sourced or an adjustable assumption") {
    REQUIRE(lever_defs().size() == kLeverCount);
    REQUIRE(param_defs().size() == kParamCount);
    for (const auto& d : param_defs()) {
        CAPTURE(d.key);
        CHECK((!d.source.empty() || d.assumption));
        if (d.assumption) CHECK(d.uncertain());
    }
    CHECK(presets().size() >= 7);
}

TEST_CASE("status quo runs with finite outputs and scores at 50 in the base year") {
    Scenario s = scenario_from_preset(presets().front());
    Results r = run(s);
    REQUIRE(r.years == kDefaultHorizon - kBaseYear + 1);
    for (int i = 0; i < kIndicatorCount; ++i)
        for (int b = 0; b < kBlocCount; ++b)
            for (int y = 0; y < r.years; ++y) REQUIRE(std::isfinite(r.ind[i][b][y]));
}
