// What the UI asks of a scenario beyond one run: attribution ("why did this
// move?"), Monte Carlo bands and the Pareto frontier.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "random_scenario.h"

using namespace tl;
using namespace tl::testing;

// ----- Attribution ----------------------------------------------------------

namespace {
void check_attribution_adds_up(const Attribution& a, const Scenario& s, const Scenario& ref) {
    // The changes are exactly the slots that differ, each once.
    std::set<std::pair<int, int>> changed;
    for (int b = 0; b < kBlocCount; ++b)
        for (int slot = 0; slot < kSlotCount; ++slot)
            if (s.policy[b][slot] != ref.policy[b][slot]) changed.insert({b, slot});
    std::set<std::pair<int, int>> listed;
    for (const auto& c : a.changes) {
        INFO(kBlocIds[c.bloc], ".", slot_key(c.slot));
        CHECK(c.from == ref.policy[c.bloc][c.slot]);
        CHECK(c.to == s.policy[c.bloc][c.slot]);
        CHECK(c.from != c.to);
        listed.insert({c.bloc, c.slot});
    }
    CHECK(listed.size() == a.changes.size());  // no lever twice
    CHECK(listed == changed);                  // and no unchanged lever has an entry
    REQUIRE(a.contribution.size() == a.changes.size());

    for (int i = 0; i < kIndicatorCount; ++i)
        for (int b = 0; b < kBlocCount; ++b)
            for (int y = 0; y < a.scenario.years; ++y) {
                double sum = 0, magnitude = 0;
                for (std::size_t c = 0; c < a.changes.size(); ++c) {
                    double v = a.share(c, static_cast<Indicator>(i), static_cast<Bloc>(b), y);
                    sum += v;
                    magnitude += std::fabs(v);
                }
                double total = a.total(static_cast<Indicator>(i), static_cast<Bloc>(b), y);
                double scale = std::max({1.0, std::fabs(a.scenario.ind[i][b][y]), std::fabs(a.reference.ind[i][b][y]),
                                         magnitude});
                INFO(kIndicators[i].key, " of ", kBlocIds[b], " in ", kBaseYear + y, ": total ", total,
                     ", sum of contributions ", sum);
                REQUIRE(std::fabs(sum - total) <= 1e-9 * scale);
            }
}
}  // namespace

TEST_CASE("attribution: lever contributions add up to the total change, for random scenarios vs their baseline") {
    Rng rng(99);
    for (int k = 0; k < 25; ++k) {
        Scenario s = random_scenario(rng, {.random_assumptions = true, .fractional_levers = k % 2 == 1});
        if (k % 3 == 2) s.start_year = random_int(rng, kBaseYear + 1, s.horizon);  // model v2: any start year
        Scenario base = baseline_of(s);
        if (k % 6 == 5) base.start_year = kDefaultStartYear;  // attribute() takes the scenario's
        Attribution a = attribute(s, base);
        CAPTURE(s.preset);
        CAPTURE(kBlocIds[idx(s.seat)]);
        // The two ends are the scenario and its reference with the scenario's assumptions.
        Results r = run(s);
        for (int i = 0; i < kIndicatorCount; ++i)
            for (int y = 0; y < r.years; ++y) REQUIRE(a.scenario.ind[i][idx(s.seat)][y] == r.ind[i][idx(s.seat)][y]);
        check_attribution_adds_up(a, s, base);
    }
}

TEST_CASE("attribution: a preset against status quo, and with more path steps") {
    for (const char* id : {"small_yard_high_fence", "broad_decoupling", "allied_tech_alliance"}) {
        CAPTURE(id);
        Scenario s = scenario_from_preset(*find_preset(id));
        Scenario sq = scenario_from_preset(presets().front());
        for (int steps : {1, 2, 5}) {
            Attribution a = attribute(s, sq, steps);
            REQUIRE(!a.changes.empty());
            check_attribution_adds_up(a, s, sq);
        }
    }
}

TEST_CASE("attribution: no change, no entries, and one change takes the whole total") {
    Scenario s = scenario_from_preset(presets().front());
    Attribution none = attribute(s, s);
    CHECK(none.changes.empty());
    CHECK(none.contribution.empty());

    Scenario one = s;
    REQUIRE(apply_setting(one, "export_controls.semis", 95).empty());
    Attribution a = attribute(one, s);
    REQUIRE(a.changes.size() == 1);
    CHECK(slot_key(a.changes[0].slot) == "export_controls.semis");
    for (int i = 0; i < kIndicatorCount; ++i)
        for (int y = 0; y < a.scenario.years; ++y) {
            double total = a.total(static_cast<Indicator>(i), Bloc::China, y);
            CHECK(a.share(0, static_cast<Indicator>(i), Bloc::China, y) ==
                  doctest::Approx(total).epsilon(1e-12).scale(1.0));
        }
}

// ----- Monte Carlo ----------------------------------------------------------

namespace {
bool same_bands(const Bands& a, const Bands& b) {
    if (a.years != b.years || a.draws != b.draws) return false;
    for (int i = 0; i < kIndicatorCount; ++i)
        for (int y = 0; y < a.years; ++y)
            for (int q = 0; q < 5; ++q)
                if (a.q[i][y][q] != b.q[i][y][q]) return false;
    return true;
}
}  // namespace

TEST_CASE("Monte Carlo: percentiles are ordered, deterministic for a seed, and independent of step sizes") {
    Rng rng(2025);
    for (int k = 0; k < 4; ++k) {
        Scenario s = random_scenario(rng);
        Bloc bloc = static_cast<Bloc>(random_int(rng, 0, kBlocCount - 1));
        const int draws = 200;
        const std::uint64_t seed = 1000 + k;
        Bands once = monte_carlo(s, bloc, draws, seed);
        REQUIRE(once.draws == draws);
        REQUIRE(once.years == s.horizon - kBaseYear + 1);
        for (int i = 0; i < kIndicatorCount; ++i)
            for (int y = 0; y < once.years; ++y) {
                const auto& q = once.q[i][y];
                INFO(kIndicators[i].key, " in ", kBaseYear + y);
                REQUIRE(std::isfinite(q[0]));
                REQUIRE(q[0] <= q[1]);
                REQUIRE(q[1] <= q[2]);
                REQUIRE(q[2] <= q[3]);
                REQUIRE(q[3] <= q[4]);
            }
        CHECK(same_bands(once, monte_carlo(s, bloc, draws, seed)));

        // The same work split into frames of different sizes.
        for (int slice : {1, 7, 64}) {
            MonteCarlo mc(s, bloc, draws, seed);
            int steps = 0;
            while (!mc.step(slice)) {
                ++steps;
                REQUIRE(mc.completed() == std::min(draws, steps * slice));
                (void)mc.bands();  // reading part-way must not disturb the result
            }
            CAPTURE(slice);
            CHECK(mc.done());
            CHECK(same_bands(once, mc.bands()));
        }
        // Another seed gives other draws.
        CHECK_FALSE(same_bands(once, monte_carlo(s, bloc, draws, seed + 1)));
    }
}

TEST_CASE("Monte Carlo: the central scenario lies within the 5-95% band for most indicator-years") {
    Rng rng(4242);
    for (int k = 0; k < 4; ++k) {
        Scenario s = random_scenario(rng, {.random_assumptions = false});
        Bloc bloc = s.seat;
        Bands bands = monte_carlo(s, bloc, 300, 77);
        Results central = run(s);
        int inside = 0, total = 0;
        for (int i = 0; i < kIndicatorCount; ++i)
            for (int y = 0; y < bands.years; ++y) {
                float v = static_cast<float>(central.ind[i][idx(bloc)][y]);  // bands are stored as float
                inside += v >= bands.q[i][y][0] && v <= bands.q[i][y][4];
                ++total;
            }
        CAPTURE(s.preset);
        CAPTURE(kBlocIds[idx(bloc)]);
        CAPTURE(inside);
        CAPTURE(total);
        CHECK(inside >= 0.9 * total);
    }
}

// ----- Frontier -------------------------------------------------------------

namespace {
bool dominates(const TrilemmaScores& p, const TrilemmaScores& q) {
    return p[0] >= q[0] && p[1] >= q[1] && p[2] >= q[2] && p != q;
}
// Brute force: non-dominated, and of identical points the first only.
std::vector<int> brute_force_front(const std::vector<TrilemmaScores>& pts) {
    std::vector<int> out;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        bool keep = true;
        for (std::size_t j = 0; j < pts.size() && keep; ++j)
            if (dominates(pts[j], pts[i]) || (j < i && pts[j] == pts[i])) keep = false;
        if (keep) out.push_back(static_cast<int>(i));
    }
    return out;
}
// Scores on a coarse grid (ties and duplicates common) or anywhere in 0-100.
TrilemmaScores random_point(Rng& rng, bool coarse) {
    TrilemmaScores p;
    for (double& x : p) x = coarse ? std::floor(rng.uniform() * 5) : 100 * rng.uniform();
    return p;
}
}  // namespace

TEST_CASE("pareto_front returns exactly the non-dominated points (brute-force comparison)") {
    Rng rng(31337);
    CHECK(pareto_front({}).empty());
    CHECK(pareto_front({{1, 2, 3}}) == std::vector<int>{0});
    for (int k = 0; k < 200; ++k) {
        int n = random_int(rng, 1, 300);
        bool coarse = k % 3 == 0;  // a coarse grid makes ties and duplicates common
        std::vector<TrilemmaScores> pts(n);
        for (auto& p : pts) p = random_point(rng, coarse);
        std::vector<int> front = pareto_front(pts);
        CAPTURE(n);
        CAPTURE(coarse);
        REQUIRE(std::is_sorted(front.begin(), front.end()));
        CHECK(front == brute_force_front(pts));
    }
}

TEST_CASE("the frontier of a scenario holds no point dominated by any sample") {
    Rng rng(8);
    for (int k = 0; k < 3; ++k) {
        Scenario s = random_scenario(rng);
        for (TrilemmaId t : {TrilemmaId::EconomicSecurity, TrilemmaId::DataGovernance}) {
            Frontier f = compute_frontier(s, t, 400, 5 + k);
            REQUIRE(f.samples.size() == 400);
            REQUIRE(!f.pareto.empty());
            REQUIRE(f.pareto_policy.size() == f.pareto.size());
            for (int i : f.pareto)
                for (const auto& sample : f.samples) REQUIRE_FALSE(dominates(sample, f.samples[i]));
            for (const auto& sample : f.samples)
                for (double x : sample) {
                    REQUIRE(x >= 0.0);
                    REQUIRE(x <= 100.0);
                }
            // Deterministic for a seed, and the stored policy reproduces its scores.
            Frontier again = compute_frontier(s, t, 400, 5 + k);
            CHECK(again.samples == f.samples);
            Scenario trial = s;
            trial.policy[idx(s.seat)] = f.pareto_policy.front();
            Results r = run(trial);
            CHECK(trilemma_scores(t, trial, r, s.seat, r.years - 1) == f.samples[f.pareto.front()]);
        }
    }
}

TEST_CASE("random_policy stays within every lever's range and on its step") {
    Rng rng(1);
    const Policy sq = presets().front().policy[0];
    for (int k = 0; k < 500; ++k) {
        Policy p = random_policy(rng, sq);
        for (int slot = 0; slot < kSlotCount; ++slot) {
            const LeverDef& d = lever_def(slot_info(slot).lever);
            INFO(slot_key(slot), " = ", p[slot]);
            REQUIRE(p[slot] >= d.min);
            REQUIRE(p[slot] <= d.max);
            REQUIRE(std::fabs(p[slot] / d.step - std::round(p[slot] / d.step)) < 1e-9);
        }
    }
}

// ----- Pillar components -----------------------------------------------------

TEST_CASE("pillar components: the points add up to the score's difference, for random scenarios and every year") {
    Rng rng(7301);
    for (int n = 0; n < 40; ++n) {
        const Scenario s = random_scenario(rng);
        const Results scenario = run(s), reference = run(baseline_of(s));
        for (int p = 0; p < kPillarCount; ++p)
            for (int b = 0; b < kBlocCount; ++b)
                for (int t = 0; t < scenario.years; ++t) {
                    const auto parts = pillar_component_changes(scenario, reference, Pillar(p), Bloc(b), t);
                    double sum = 0;
                    for (const auto& c : parts) sum += c.points;
                    const Indicator score = pillar_indicator(Pillar(p));
                    INFO("scenario ", n, " pillar ", p, " bloc ", b, " year ", t);
                    CHECK(sum == doctest::Approx(scenario.at(score, Bloc(b), t) - reference.at(score, Bloc(b), t))
                                     .epsilon(1e-9)
                                     .scale(1.0));
                    for (int k = kPillarComponentCount[p]; k < kMaxPillarComponents; ++k) CHECK(parts[k].points == 0.0);
                }
    }
}

TEST_CASE("pillar components: a run against itself changes nothing, a changed run moves the components it should") {
    Scenario s = scenario_from_preset(*find_preset("status_quo_2024"), Bloc::US);
    const Results base = run(s);
    for (const auto& c : pillar_component_changes(base, base, Pillar::Protect, Bloc::US, base.years - 1)) {
        CHECK(c.points == 0.0);
        CHECK(c.value_change == 0.0);
    }
    // Chip export controls: the rival's access to controlled technology falls,
    // and that component raises Protect.
    s.policy[idx(Bloc::US)][slot_of(LeverId::ExportControls)] = 100;
    const Results controlled = run(s);
    const auto parts = pillar_component_changes(controlled, base, Pillar::Protect, Bloc::US, base.years - 1);
    CHECK(parts[1].value_change < 0);  // rival_access, % of supply
    CHECK(parts[1].points > 0);
    for (const auto& c : parts) CHECK(c.counted);
}

TEST_CASE("pillar components: what a bloc's score leaves out (weight 0) moves but scores nothing, and says so") {
    // The Global South's Protect (model version 5) counts neither the lead nor
    // China's access to controlled technology; both still move under Western
    // controls, and the US counts them.
    const Results scenario = run(scenario_from_preset(*find_preset("small_yard_high_fence"), Bloc::GlobalSouth));
    const Results reference = run(scenario_from_preset(*find_preset("status_quo_2024"), Bloc::GlobalSouth));
    const auto gs = pillar_component_changes(scenario, reference, Pillar::Protect, Bloc::GlobalSouth, scenario.years - 1);
    const auto us = pillar_component_changes(scenario, reference, Pillar::Protect, Bloc::US, scenario.years - 1);
    for (int k : {0, 1}) {
        CAPTURE(k);
        CHECK_FALSE(gs[k].counted);
        CHECK(gs[k].value_change != 0.0);
        CHECK(gs[k].points == 0.0);
        CHECK(us[k].counted);
        CHECK(us[k].points != 0.0);
    }
    CHECK(gs[2].counted);
    CHECK(gs[3].counted);
}

// The robustness analysis (trilemma-cli robustness; the trilemma test's draws).
TEST_CASE("Latin-hypercube positions: every uncertain assumption uses each of its strata exactly once, the rest stay central") {
    const int draws = 50;
    const auto rows = latin_hypercube_positions(draws, 7);
    REQUIRE(rows.size() == static_cast<std::size_t>(draws));
    for (int i = 0; i < kParamCount; ++i) {
        std::vector<int> used(draws, 0);
        for (const auto& row : rows) {
            const double x = row[i];
            if (!param_defs()[i].uncertain()) {
                CHECK(x == 0.0);
                continue;
            }
            REQUIRE(x >= -1.0);
            REQUIRE(x < 1.0);
            ++used[static_cast<int>((x + 1.0) / 2.0 * draws)];
        }
        if (param_defs()[i].uncertain())
            CHECK_MESSAGE(std::count(used.begin(), used.end(), 1) == draws, param_defs()[i].key);
    }
    CHECK(latin_hypercube_positions(draws, 7)[13] == rows[13]);  // deterministic for a seed
    CHECK(latin_hypercube_positions(draws, 8)[13] != rows[13]);
}

TEST_CASE("assumption drivers: a quantity that rises with one assumption and falls with another ranks those two first, signed") {
    const auto rows = latin_hypercube_positions(120, 3);
    std::vector<int> uncertain;
    for (int i = 0; i < kParamCount; ++i)
        if (param_defs()[i].uncertain()) uncertain.push_back(i);
    REQUIRE(uncertain.size() >= 3);
    const int up = uncertain[0], down = uncertain[2];
    std::vector<double> measured;
    // Monotone but not linear in each, so only a rank correlation sees it whole.
    for (const auto& row : rows) measured.push_back(std::exp(3.0 * row[up]) - 0.3 * std::exp(3.0 * row[down]));
    const auto drivers = rank_assumption_drivers(rows, measured);
    REQUIRE(drivers.size() == uncertain.size());
    CHECK(drivers[0].param == up);
    CHECK(drivers[0].rank_correlation > 0.8);
    CHECK(drivers[1].param == down);
    CHECK(drivers[1].rank_correlation < -0.1);
    for (std::size_t k = 2; k < drivers.size(); ++k) CHECK(std::fabs(drivers[k].rank_correlation) < std::fabs(drivers[1].rank_correlation));
    CHECK(rank_assumption_drivers(rows, std::vector<double>(3, 1.0)).empty());  // sizes differ: nothing to rank
}

TEST_CASE("extend_pareto_front: appending points in slices gives the front of all of them") {
    Rng rng(4711);
    for (int k = 0; k < 100; ++k) {
        const int n = random_int(rng, 1, 400);
        const bool coarse = k % 3 == 0;
        std::vector<TrilemmaScores> pts;
        std::vector<int> front;
        while (static_cast<int>(pts.size()) < n) {
            const std::size_t known = pts.size();
            const int slice = std::min(n - static_cast<int>(known), random_int(rng, 1, 60));
            for (int i = 0; i < slice; ++i) pts.push_back(random_point(rng, coarse));
            front = extend_pareto_front(pts, front, known);
            std::vector<int> sorted = front;
            std::sort(sorted.begin(), sorted.end());
            CAPTURE(pts.size());
            REQUIRE(sorted == brute_force_front(pts));
        }
    }
}

TEST_CASE("FrontierClimb: the same points however the work is split, all in range, and it ends") {
    Rng rng(12);
    for (int k = 0; k < 2; ++k) {
        Scenario s = random_scenario(rng);
        for (TrilemmaId t : {TrilemmaId::EconomicSecurity, TrilemmaId::DataGovernance}) {
            Frontier whole, sliced;
            FrontierClimb a(s, t), b(s, t);
            while (!a.step(1000, whole)) {}
            const int slices[] = {1, 37, 150};
            for (int i = 0; !b.step(slices[i % 3], sliced); ++i) {}
            CHECK(a.runs() == b.runs());
            REQUIRE(whole.samples == sliced.samples);
            // Ten climbs, each at most kMaxPasses sweeps of every slot at five points, plus its start.
            CHECK(a.runs() <= 10 * (1 + FrontierClimb::kMaxPasses * kSlotCount * 5));
            CHECK(a.step(100, whole));  // done stays done, and adds nothing
            CHECK(whole.samples.size() == sliced.samples.size());
            for (const auto& x : whole.samples)
                for (double v : x) {
                    REQUIRE(v >= 0.0);
                    REQUIRE(v <= 100.0);
                }
        }
    }
}

// The triangle's grey region must reach what the levers reach: for the US,
// random samples alone stay 30+ points inside on all three (model version 5:
// 45 of 82). The climb comes within 2 points of the trilemma search on all
// three and on each pair.
TEST_CASE("FrontierClimb reaches, on all three and on each pair, within 2 points of the trilemma search (US)") {
    Scenario s = scenario_from_preset(presets().front(), Bloc::US);
    Frontier f = compute_frontier(s, TrilemmaId::EconomicSecurity, 2400, 0x5EED0000ull);
    const SeatTrilemma sampled = best_reached(f.samples);
    FrontierClimb climb(s, TrilemmaId::EconomicSecurity);
    while (!climb.step(500, f)) {}
    const SeatTrilemma climbed = best_reached(f.samples), searched = search_trilemma(s, 1.0, 4);
    MESSAGE("all three: samples ", sampled.all, ", climb ", climbed.all, " (", climb.runs(), " runs), search ", searched.all);
    CHECK(climbed.all >= searched.all - 2.0);
    for (int k = 0; k < 3; ++k) CHECK(climbed.pair[k] >= searched.pair[k] - 2.0);
    CHECK(climbed.all > sampled.all + 10.0);
}

