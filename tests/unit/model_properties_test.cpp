// Properties every run must have, over random scenarios (fixed seed):
// determinism, finite outputs, indicators within their ranges, conserved
// world shares, and the 2024 calibration (pillar scores exactly 50 in the
// base year when policies equal status quo 2024).
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>

#include "random_scenario.h"

using namespace tl;
using namespace tl::testing;

namespace {
constexpr int kRandomScenarios = 300;

std::string describe(const Scenario& s) {
    return s.preset + ", seat " + std::string(kBlocIds[idx(s.seat)]) + ", horizon " + std::to_string(s.horizon) +
           (s.reactions ? ", reactions on" : ", reactions off");
}
}  // namespace

TEST_CASE("runs are deterministic: the same scenario gives bit-identical results") {
    Rng rng(20240101);
    for (int k = 0; k < 100; ++k) {
        Scenario s = random_scenario(rng);
        Results a = run(s), b = run(s);
        // Also through one reused ParamValues/Results, the Monte Carlo hot path.
        ParamValues P = materialize(s.assumptions);
        Results c;
        simulate(run_input(s), P, c);
        simulate(run_input(s), P, c);
        CAPTURE(describe(s));
        REQUIRE(a.years == b.years);
        CHECK(std::memcmp(&a.ind, &b.ind, sizeof a.ind) == 0);
        CHECK(std::memcmp(&a.sector, &b.sector, sizeof a.sector) == 0);
        for (int i = 0; i < kIndicatorCount; ++i)
            for (int bl = 0; bl < kBlocCount; ++bl)
                for (int y = 0; y < a.years; ++y) REQUIRE(a.ind[i][bl][y] == c.ind[i][bl][y]);
    }
}

TEST_CASE("every indicator is finite and within its range, for random scenarios") {
    Rng rng(7);
    for (int k = 0; k < kRandomScenarios; ++k) {
        Scenario s = random_scenario(rng);
        REQUIRE(validate(s).empty());
        Results r = run(s);
        REQUIRE(r.years == s.horizon - kBaseYear + 1);
        CAPTURE(describe(s));
        for (int i = 0; i < kIndicatorCount; ++i) {
            Bounds bounds = indicator_bounds(static_cast<Indicator>(i));
            for (int b = 0; b < kBlocCount; ++b)
                for (int y = 0; y < r.years; ++y) {
                    double v = r.ind[i][b][y];
                    INFO(kIndicators[i].key, " of ", kBlocIds[b], " in ", kBaseYear + y, " = ", v);
                    REQUIRE(std::isfinite(v));
                    if (!std::isnan(bounds.lo)) REQUIRE(v >= bounds.lo);
                    if (!std::isnan(bounds.hi)) REQUIRE(v <= bounds.hi);
                }
        }
        for (int m = 0; m < kSectorMetricCount; ++m)
            for (int b = 0; b < kBlocCount; ++b)
                for (int sec = 0; sec < kSectorCount; ++sec)
                    for (int y = 0; y < r.years; ++y) {
                        double v = r.sector[m][b][sec][y];
                        INFO(kSectorMetricNames[m], " of ", kBlocIds[b], " in ", kSectorIds[sec], ", ", kBaseYear + y,
                             " = ", v);
                        REQUIRE(std::isfinite(v));
                        REQUIRE(v >= 0.0);
                        REQUIRE(v <= 100.0);
                    }
    }
}

TEST_CASE("world market shares and standards influence add up to 100% in every sector and year") {
    Rng rng(11);
    for (int k = 0; k < 100; ++k) {
        Scenario s = random_scenario(rng);
        Results r = run(s);
        CAPTURE(describe(s));
        for (int metric : {1, 3})  // market share, standards influence
            for (int sec = 0; sec < kSectorCount; ++sec)
                for (int y = 0; y < r.years; ++y) {
                    double sum = 0;
                    for (int b = 0; b < kBlocCount; ++b) sum += r.sector[metric][b][sec][y];
                    INFO(kSectorMetricNames[metric], " in ", kSectorIds[sec], ", ", kBaseYear + y);
                    REQUIRE(sum == doctest::Approx(100.0).epsilon(1e-9));
                }
    }
}

TEST_CASE("pillar scores are exactly 50 in every year when policies equal status quo 2024") {
    Rng rng(3);
    const Preset& sq = presets().front();
    REQUIRE(sq.id == "status_quo_2024");
    for (int k = 0; k < 200; ++k) {
        Scenario s = scenario_from_preset(sq, static_cast<Bloc>(random_int(rng, 0, kBlocCount - 1)));
        s.horizon = random_int(rng, kMinHorizon, kMaxHorizon);
        s.reactions = rng.uniform() < 0.5;
        if (k % 2) s.assumptions = random_assumptions(rng);  // any assumptions: 2024 is calibrated for each
        Results r = run(s);
        CAPTURE(describe(s));
        // Every year, not only 2024: the stocks stay on their 2024 state bit
        // for bit (each target is the 2024 value plus an exactly-zero change).
        for (int p = 0; p < kPillarCount; ++p)
            for (int b = 0; b < kBlocCount; ++b)
                for (int t = 0; t < r.years; ++t) {
                    INFO(kPillarIds[p], " of ", kBlocIds[b], " in ", r.year(t));
                    REQUIRE(r.at(pillar_indicator(static_cast<Pillar>(p)), static_cast<Bloc>(b), t) == 50.0);
                }
        // The indexed indicators start at their 2024 = 100 value too (100·x/x
        // may round by an ulp).
        for (int b = 0; b < kBlocCount; ++b) {
            CHECK(r.at(Indicator::TradeOpenness, static_cast<Bloc>(b), 0) == doctest::Approx(100.0).epsilon(1e-14));
            CHECK(r.at(Indicator::Innovation, static_cast<Bloc>(b), 0) == doctest::Approx(100.0).epsilon(1e-14));
            CHECK(r.at(Indicator::CleanTechCost, static_cast<Bloc>(b), 0) == doctest::Approx(100.0).epsilon(1e-14));
            CHECK(r.at(Indicator::GdpEffect, static_cast<Bloc>(b), 0) == 0.0);
        }
    }
}

TEST_CASE("a run's horizon only truncates: shorter horizons reproduce the first years of longer ones") {
    Rng rng(5);
    for (int k = 0; k < 50; ++k) {
        Scenario s = random_scenario(rng);
        s.horizon = kMaxHorizon;
        Results full = run(s);
        s.horizon = random_int(rng, kMinHorizon, kMaxHorizon - 1);
        Results part = run(s);
        CAPTURE(describe(s));
        for (int i = 0; i < kIndicatorCount; ++i)
            for (int b = 0; b < kBlocCount; ++b)
                for (int y = 0; y < part.years; ++y) REQUIRE(part.ind[i][b][y] == full.ind[i][b][y]);
    }
}
