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

TEST_CASE("a mix scored at the horizon gets the seat's horizon indicators of a full run, bit for bit") {
    // horizon_scoring_input skips recording the other blocs and the earlier
    // years: recording must not feed the dynamics. The scratch results are
    // filled with another scenario's run first, as a search reuses them.
    Rng rng(77);
    for (int k = 0; k < 60; ++k) {
        const Scenario s = random_scenario(rng), other = random_scenario(rng);
        const ParamValues P = materialize(s.assumptions);
        Results full, scored;
        simulate(run_input(s), P, full);
        simulate(run_input(other), materialize(other.assumptions), scored);
        simulate(horizon_scoring_input(s), P, scored);
        CAPTURE(describe(s));
        REQUIRE(scored.years == full.years);
        const int b = idx(s.seat), y = full.years - 1;
        for (int i = 0; i < kIndicatorCount; ++i) REQUIRE(scored.ind[i][b][y] == full.ind[i][b][y]);
        for (TrilemmaId t : {TrilemmaId::EconomicSecurity, TrilemmaId::DataGovernance})
            for (int p = 0; p < 3; ++p)
                REQUIRE(trilemma_scores(t, s, scored, s.seat, y)[p] == trilemma_scores(t, s, full, s.seat, y)[p]);
    }
}

TEST_CASE("a run does not depend on the runs before it: what is kept per parameter set is keyed by every bit") {
    // simulate keeps the 2024 setup and the backcast of the last parameter
    // set and 2024 policies on the thread. Each run below is compared with the
    // same run made after a different parameter set, which prepares anew: a
    // key that missed one ulp of a parameter or a change of the 2024
    // policies, or a backcast not asked for before, would show.
    auto same = [](const Results& a, const Results& b) {
        return a.years == b.years && a.has_history == b.has_history &&
               std::memcmp(&a.ind, &b.ind, sizeof a.ind) == 0 && std::memcmp(&a.sector, &b.sector, sizeof a.sector) == 0 &&
               std::memcmp(&a.component_value, &b.component_value, sizeof a.component_value) == 0 &&
               std::memcmp(&a.component_contribution, &b.component_contribution, sizeof a.component_contribution) == 0 &&
               (!a.has_history || std::memcmp(&a.hist, &b.hist, sizeof a.hist) == 0);
    };
    Rng rng(1313);
    for (int k = 0; k < 20; ++k) {
        const Scenario s1 = random_scenario(rng), s2 = random_scenario(rng);
        const RunInput in1 = run_input(s1), in2 = run_input(s2);
        const ParamValues P1 = materialize(s1.assumptions), P2 = materialize(s2.assumptions);
        ParamValues P1_ulp = P1;  // one ulp more US chip capability in 2024
        double& base = P1_ulp.v[kParamOffsets[static_cast<int>(Param::BaseCapability)]];
        base = std::nextafter(base, 200.0);
        RunInput in1_ref = in1;  // other 2024 policies: US chip tariffs 5 points higher
        in1_ref.reference[idx(Bloc::US)][slot_of(LeverId::Tariffs, Sector::Semis)] += 5.0;
        RunInput in1_projection = in1;
        in1_projection.history = false;
        CAPTURE(describe(s1));

        auto after = [&](const RunInput& before_in, const ParamValues& before_P, const RunInput& in, const ParamValues& P) {
            Results scratch, r;
            simulate(before_in, before_P, scratch);
            simulate(in, P, r);
            return r;
        };
        // (Named results: the order in which a call's arguments are evaluated is unspecified.)
        const Results fresh = after(in2, P2, in1, P1);
        const Results again = after(in1, P1, in1, P1);                 // the same set again
        const Results late_history = after(in1_projection, P1, in1, P1);  // the backcast asked for the first time
        const Results ulp = after(in1, P1, in1, P1_ulp);               // one ulp of one parameter
        const Results ulp_fresh = after(in2, P2, in1, P1_ulp);
        const Results other_2024 = after(in1, P1, in1_ref, P1);        // other 2024 policies
        const Results other_2024_fresh = after(in2, P2, in1_ref, P1);
        CHECK(same(again, fresh));
        CHECK(same(late_history, fresh));
        CHECK(same(ulp, ulp_fresh));
        CHECK(same(other_2024, other_2024_fresh));
        // The two changes matter (else the checks above could not fail).
        CHECK_FALSE(same(ulp_fresh, fresh));
        CHECK_FALSE(same(other_2024_fresh, fresh));
    }
}
