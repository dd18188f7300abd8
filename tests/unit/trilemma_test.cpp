// The economic-security trilemma (MODEL.md, 001:L36): "policymakers will be
// able to pursue any two sets of measures ... but not without sacrificing the
// third". Searching each seat's levers must find settings that score high on
// each pair of pillars; how far the best all-three mix stays below the
// weakest pair is the trade-off, asserted at its measured size (the target,
// 10 points, is not met: core/README.md, "Where the trilemma stands"). The
// trilemma emerges from the mechanisms; no rule in the model says so.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "random_scenario.h"

using namespace tl;

namespace {
// "High" is 20 points above the 2024 position (every pillar scores 50 there).
constexpr double kHigh = kTrilemmaHigh;  // 70, the threshold SeatTrilemma::holds() uses

std::string describe(const SeatTrilemma& t) {
    char buf[200];
    std::snprintf(buf, sizeof buf, "pairs: protect+promote %.1f, protect+partner %.1f, promote+partner %.1f; all three %.1f "
                  "(%.1f below the weakest pair)", t.pair[0], t.pair[1], t.pair[2], t.all, t.weakest_pair() - t.all);
    return buf;
}

}  // namespace

// Random samples of the levers (the first stage of the triangle's grey
// region) stay deep inside what the levers reach: none of the US's is high
// on all three, where a search finds 81.8 (the tests below). This is why
// FrontierClimb follows them; it is not the trilemma.
TEST_CASE("random samples of the US seat's levers: none high on all three") {
    Scenario s = scenario_from_preset(presets().front(), Bloc::US);
    for (std::uint64_t seed : {1, 2, 3}) {
        SeatTrilemma b = best_reached(compute_frontier(s, TrilemmaId::EconomicSecurity, 3000, seed).samples);
        MESSAGE("seed ", seed, ": ", describe(b));
        CHECK_MESSAGE(b.all < kHigh, "a random sample scores >= 70 on all three: the samples alone no longer show the climb is needed");
    }
}

// Random samples rarely land on the best mixes, so each pair is also searched
// for in earnest: sampling, then hill-climbing one lever at a time
// (tl::search_mix). Any two pillars can be had together. (Whether all three
// can is the next test's question, asked of every seat with a stronger search:
// this default search once "showed" a US trilemma that a thorough one finds
// a way around.)
TEST_CASE("the trilemma under a hill-climbing search: any two pillars of the US seat reach 70 together") {
    Scenario s = scenario_from_preset(presets().front(), Bloc::US);
    const std::array<std::array<bool, 3>, 3> pairs{{{true, true, false}, {true, false, true}, {false, true, true}}};
    const char* names[] = {"Protect+Promote", "Protect+Partner", "Promote+Partner"};
    for (int k = 0; k < 3; ++k) {
        SearchResult r = search_mix(s, pairs[k], 600, 2500, 11 + k);
        SearchResult again = search_mix(s, pairs[k], 600, 2500, 31 + k);
        if (again.objective > r.objective) r = again;
        MESSAGE(std::string(names[k]), ": best minimum ", r.objective);
        CHECK_MESSAGE(r.objective >= kHigh, names[k], " cannot both score >= 70");
    }
}

namespace {
// Each seat's all-three gap as measured 2026-11-30 (model version 6, with each
// search also started from the other searches' best mixes) minus about 1.3 points:
// what the tests below assert while the target of 10 is not met.
constexpr std::array<double, kBlocCount> kGapFloor{2.2, 4.1, 4.9, 5.3, 3.7};  // US, China, EU, Allies, Global South
}  // namespace

// Model v2 (issue 13): every seat is searched, by the default and the
// thorough search from several seeds, then each objective again from the
// other objectives' best mixes and their blends (the best of them counts).
// Two halves:
// - any two pillars reach 70 together: asserted for every seat;
// - the best all-three mix stays at least 10 points below the weakest pair:
//   the target, met by no seat (core/README.md, "Where the trilemma
//   stands"). What is asserted is each seat's measured gap minus about 1.3
//   points, so a change that weakens the trade-off fails here.
// Measured 2026-11-30 (model version 5): US 3.5, China 4.9, EU 5.3, Allies
// 5.5, Global South 5.0 points below the weakest pair. The search started
// from the seat's own policy alone had shown 5.6, 11.0, 15.3, 10.1 and 8.3:
// its all-three climb stopped on ridges. China's Protect+Promote pair is the
// narrowest: 71.1.
TEST_CASE("the trilemma for every seat: any two pillars >= 70, all three below the weakest pair by the measured gap (target 10)") {
    int holding = 0;
    for (int b = 0; b < kBlocCount; ++b) {
        Scenario s = scenario_from_preset(presets().front(), static_cast<Bloc>(b));
        SeatTrilemma t = search_trilemma(s, 1.0, 4);
        holding += t.holds();
        const std::string line =
            std::string(kBlocIds[b]) + ": " + describe(t) + (t.holds() ? " - holds" : " - gap under the target of 10");
        MESSAGE(line);
        CHECK_MESSAGE(t.weakest_pair() >= kHigh, kBlocIds[b], ": a pair cannot reach 70 together: ", describe(t));
        CHECK_MESSAGE(t.weakest_pair() - t.all >= kGapFloor[b], kBlocIds[b], ": the trade-off weakened: ", describe(t));
    }
    MESSAGE("the full trilemma (gap >= 10) holds for ", holding, " of ", kBlocCount, " seats");
}

// Robustness: the US trilemma over joint draws of every assumption within its
// range (a Latin hypercube: each parameter's range cut into N strata, each
// stratum used once, strata paired at random across parameters), searched as
// above at a third of the effort. Counted per draw: any two pillars >= 70; the
// all-three mix at least the US floor (2.2 points) below the weakest pair; and
// the full trilemma (10 points), whose target is 90% of the draws. The
// measured counts minus a margin are asserted so that a regression shows;
// the draws that miss the pairs are printed. Measured 2026-11-30 (model
// version 5): see the MESSAGE lines and core/README.md.
TEST_CASE("the US trilemma over 200 Latin-hypercube draws of the assumptions: measured floors asserted, the target is 90 percent") {
    const int draws = 200;
    const auto& defs = param_defs();
    const std::vector<AssumptionPositions> positions = latin_hypercube_positions(draws, 4242);
    int pairs_held = 0, floor_held = 0, held = 0;
    double gap_sum = 0;
    std::vector<double> gaps;
    for (int d = 0; d < draws; ++d) {
        Scenario s = scenario_from_preset(presets().front(), Bloc::US);
        s.assumptions = positions[d];
        SeatTrilemma t = search_trilemma(s, 0.35, 2);
        const double gap = t.gap();
        gaps.push_back(gap);
        gap_sum += gap;
        pairs_held += t.weakest_pair() >= kHigh;
        floor_held += gap >= kGapFloor[idx(Bloc::US)];
        held += t.holds();
        if (t.weakest_pair() >= kHigh) continue;
        std::string where;
        for (int i = 0; i < kParamCount; ++i)
            if (defs[i].uncertain() && std::fabs(positions[d][i]) > 0.8)
                where += " " + defs[i].key + "=" + std::to_string(positions[d][i]).substr(0, 5);
        MESSAGE("draw ", d, " misses a pair: ", describe(t), "; assumptions beyond +-0.8:", where);
    }
    // Where the full trilemma fails, which assumptions it fails with.
    const auto drivers = rank_assumption_drivers(positions, gaps);
    for (std::size_t k = 0; k < drivers.size() && k < 5; ++k)
        MESSAGE("the gap's rank correlation with ", defs[drivers[k].param].key, ": ", drivers[k].rank_correlation);
    MESSAGE("US over ", draws, " draws: any two pillars >= 70 in ", pairs_held, "; all three >= ", kGapFloor[idx(Bloc::US)], " below the weakest pair in ",
            floor_held, "; the full trilemma (10 below) in ", held, " (target: 90%); mean gap ", gap_sum / draws);
    CHECK(pairs_held >= 190);  // measured 200 of 200 (2026-11-30)
    CHECK(floor_held >= 140);  // measured 159 of 200, mean gap 3.4; the full trilemma 0 of 200
                               // (the search from the seat's policy alone had shown 96 >= 4 and 25 full)
}

// The thorough search (coordinate sweeps before the random climb) crosses
// ridges of the minimum that single moves cannot: the EU's Promote+Partner,
// where a Partner lever that costs a little Promote must move before a
// Promote lever that costs a little Partner. It must find at least what the
// default search finds, and here clearly more (measured 2026-11-30: 64.8 by
// the default search, 77.7 by the thorough one, with the CLI's effort).
TEST_CASE("the thorough search finds the EU's Promote+Partner mixes that the default search misses") {
    Scenario s = scenario_from_preset(presets().front(), Bloc::EU);
    const std::array<bool, 3> promote_partner{false, true, true};
    SearchResult plain = search_mix(s, promote_partner, 600, 2500, 11);
    SearchResult thorough = search_mix(s, promote_partner, 600, 2500, 11, true);
    MESSAGE("EU Promote+Partner: default search ", plain.objective, ", thorough ", thorough.objective);
    CHECK(thorough.objective >= plain.objective);
    CHECK(thorough.objective >= kHigh);
    CHECK(thorough.evaluations > 0);
}
