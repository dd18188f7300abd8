// What the UI asks of a scenario beyond one run: "why did this move?"
// (attribution), uncertainty bands (Monte Carlo over the assumption ranges)
// and the feasible frontier of the trilemma (sampling the seat's levers).
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "core/scenario.h"
#include "core/trilemma.h"

namespace tl {

// ----- Attribution ----------------------------------------------------------
struct LeverChange {
    int bloc;
    int slot;
    double from, to;
};

using IndicatorGrid = std::array<std::array<std::array<double, kMaxYears>, kBlocCount>, kIndicatorCount>;

struct Attribution {
    Results reference, scenario;
    std::vector<LeverChange> changes;
    std::vector<IndicatorGrid> contribution;  // one grid per change

    double total(Indicator i, Bloc b, int year) const {
        return scenario.at(i, b, year) - reference.at(i, b, year);
    }
    double share(std::size_t change, Indicator i, Bloc b, int year) const {
        return contribution[change][static_cast<int>(i)][idx(b)][year];
    }
};

// Splits scenario − reference into each changed lever's contribution. The
// reference takes the scenario's seat, horizon, reactions and assumptions,
// so only levers differ. Contributions add up exactly to the total change:
// each is the average of its effect when levers are switched on one by one
// in forward and in reverse order, along a path of small steps (which keeps
// the order effects of interacting levers small).
Attribution attribute(const Scenario& scenario, const Scenario& reference, int path_steps = 2);

// ----- Pillar components ----------------------------------------------------
// What each component of a pillar score (kPillarComponents) did to the score's
// difference between two runs at a year: its change in its own unit, and its
// share of the difference in score points. The score is a nonlinear map of the
// summed contributions, so each change in contribution is scaled by the
// secant slope of that map; the points add up exactly to the difference.
struct ComponentChange {
    double value_change = 0;  // scenario − reference, in the component's unit
    double points = 0;        // its share of the pillar score's difference
    bool counted = true;      // false where the bloc's score leaves the component out (weight 0)
};
std::array<ComponentChange, kMaxPillarComponents> pillar_component_changes(const Results& scenario,
                                                                           const Results& reference, Pillar pillar,
                                                                           Bloc bloc, int year_index);

// ----- Uncertainty ----------------------------------------------------------
inline constexpr std::array<double, 5> kBandPercentiles{5, 25, 50, 75, 95};

struct Bands {
    Bloc bloc = Bloc::US;
    int years = 0;
    int draws = 0;
    // [indicator][year][percentile index]
    std::array<std::array<std::array<double, 5>, kMaxYears>, kIndicatorCount> q{};
};

// Monte Carlo over the assumption ranges (model v2): every *element* of an
// uncertain parameter (per bloc, per sector) is drawn on its own, from a
// triangular distribution on [-1, 1] with its mode at the scenario's setting
// of that parameter, by Latin hypercube sampling: each element's [0, 1)
// quantile range is cut into `draws` strata and every stratum is used once,
// in a random order fixed at construction. Draw i depends only on (seed, i),
// so results do not depend on how the work is split across frames. Run it in slices with step() so the
// UI never blocks; bands() can be read at any time.
class MonteCarlo {
public:
    MonteCarlo(const Scenario& s, Bloc bloc, int draws, std::uint64_t seed);
    bool step(int max_draws);  // true when all draws are done
    bool done() const { return next_ == draws_; }
    int completed() const { return next_; }
    Bands bands() const;

private:
    RunInput input_;
    AssumptionPositions mode_;
    Bloc bloc_;
    int draws_, next_ = 0, years_ = 0;
    std::uint64_t seed_;
    std::vector<float> samples_;  // [indicator][year][draw]
    ParamValues params_;
    Results scratch_;
    // Latin hypercube: for each uncertain element (index into ParamValues::v)
    // its stratum in every draw.
    std::vector<int> elements_;           // value index of each uncertain element
    std::vector<int> element_param_;      // its parameter
    std::vector<std::uint32_t> stratum_;  // [element][draw]
};

Bands monte_carlo(const Scenario& s, Bloc bloc, int draws, std::uint64_t seed);

// ----- Feasible frontier ----------------------------------------------------
struct Frontier {
    TrilemmaId trilemma = TrilemmaId::EconomicSecurity;
    std::vector<TrilemmaScores> samples;  // every sampled lever setting of the seat
    std::vector<int> pareto;              // indices of the non-dominated samples
    std::vector<Policy> pareto_policy;    // their lever settings, same order (compute_frontier only: FrontierClimb
                                          // and extend_pareto_front add scores without settings)
};

// Samples the seat's levers (other blocs keep the scenario's) and scores each
// at the horizon. Deterministic for a seed.
Frontier compute_frontier(const Scenario& s, TrilemmaId trilemma, int samples, std::uint64_t seed);

// Indices of the non-dominated points (higher is better on all three).
std::vector<int> pareto_front(const std::vector<TrilemmaScores>& points);
// The same when points were appended: `front` is the front of the first
// `known` points, and only it and the newer points can be on the new front
// (dominance is transitive), so a slice costs its own size, not the total.
std::vector<int> extend_pareto_front(const std::vector<TrilemmaScores>& points, const std::vector<int>& front, std::size_t known);

// Climbs toward the edge of what the seat's levers reach, a slice at a time
// (step), so the triangle's grey region is not just where random samples
// land: for the US in model version 5, the best of 2,400 samples scores 45
// on all three, a search 82. Seven objectives in turn — each corner, each
// pair, then all three (the minimum of the chosen scores) — each by
// coordinate sweeps: every lever at five points of its range, a move kept
// if it raises the minimum plus the mean of the chosen scores, until a pass
// keeps none (or `kMaxPasses`). Corners and pairs start from the seat's
// policy; all three from each pair's mix and their mean, as search_trilemma
// found necessary. Every mix scored that the climb's current mix does not
// dominate is added to the frontier. Deterministic: the same context gives
// the same points however the work is split.
class FrontierClimb {
public:
    FrontierClimb(const Scenario& s, TrilemmaId trilemma);
    // Scores up to `max_runs` mixes and appends them to `out.samples` (the
    // caller recomputes `out.pareto`). True when every climb is done.
    bool step(int max_runs, Frontier& out);
    bool done() const { return stage_ == kStages; }
    int runs() const { return runs_; }
    static constexpr int kMaxPasses = 6;

private:
    static constexpr int kStages = 6 + 4;  // 3 corners, 3 pairs, all three from 4 starts
    TrilemmaScores score(const Policy& p);
    void begin_stage();

    Scenario scenario_;
    TrilemmaId trilemma_;
    RunInput input_;
    ParamValues params_;
    Results scratch_;
    int seat_;
    int stage_ = 0, slot_ = 0, point_ = 0, pass_ = 0, runs_ = 0;
    bool improved_ = false, started_ = false;
    Policy own_{}, at_{};
    TrilemmaScores at_scores_{};
    double here_ = 0;
    std::array<bool, 3> chosen_{};
    std::array<Policy, 3> pair_mix_{};  // where each pair's climb ended
};

// ----- Tornado ----------------------------------------------------------------
// Which assumptions matter most for a pillar of the seat at the horizon: each
// uncertain parameter moved alone to its low (-1) and high (+1) end, the
// others at the scenario's positions. Sorted by the width |high - low|,
// widest first.
struct TornadoBar {
    int param = 0;
    double low = 0, high = 0;  // the pillar score with the parameter at its low and high end
    double central = 0;        // the pillar score at the scenario's own positions
};
std::vector<TornadoBar> tornado(const Scenario& s, Pillar pillar);

// ----- Search ---------------------------------------------------------------
// The best lever mix of the seat for an objective: the minimum of the chosen
// pillar scores at the horizon (e.g. Protect and Partner together). Random
// sampling, then hill-climbing one lever at a time. Deterministic for a seed.
// Used to test the trilemma (no mix scores high on all three) and by analysts
// (`trilemma-cli search`).
struct SearchResult {
    Policy policy{};
    TrilemmaScores scores{};
    double objective = 0;  // min over the chosen pillars
    int evaluations = 0;
};
// `sweeps` (the thorough search, `trilemma-cli search --thorough`): before
// the random climb, coordinate sweeps (each lever at five points of its
// range) from the best sample and from the seat's own policy, climbing the
// minimum plus the mean so that ridges of the minimum can be crossed. It
// finds far better mixes than the default (model v2, 2026-11-30: the US
// all-three minimum 81 instead of 65); the tests still use the default.
SearchResult search_mix(const Scenario& s, const std::array<bool, 3>& pillars, int samples, int climb_steps,
                        std::uint64_t seed, bool sweeps = false);

// ----- The trilemma test (MODEL.md, 001:L36) ---------------------------------
// A seat's trilemma as a real search finds it: the best minimum of each pair
// of pillars and of all three, each the best of the default and the thorough
// search from `seeds` seeds (`effort` scales their samples and climbs), then
// of thorough searches started from the other objectives' best mixes (and,
// for all three, from blends of the pairs' mixes), so a ridge one search
// misses does not make the trade-off look stronger than it is. At three
// times the effort and eight seeds the gaps move by under a point (model
// version 5).
struct SeatTrilemma {
    double pair[3] = {0, 0, 0};  // protect+promote, protect+partner, promote+partner
    double all = 0;              // all three
    SearchResult pair_mix[3], all_mix;  // the mixes that reach them
    int evaluations = 0;                // model runs, all searches together
    double weakest_pair() const;
    double gap() const { return weakest_pair() - all; }
    void include(const TrilemmaScores& x);  // raise the bests to what a mix with scores x reaches
    // The issue-13 target: any two pillars >= 70 together, all three at least
    // 10 points below the weakest pair.
    bool holds() const;
};
inline constexpr double kTrilemmaHigh = 70.0, kTrilemmaGap = 10.0;
SeatTrilemma search_trilemma(const Scenario& s, double effort, int seeds);
// The minimum of each pair of scores: protect+promote, protect+partner, promote+partner.
std::array<double, 3> pair_minima(const TrilemmaScores& x);
// The best minimum of each pair and of all three among scored mixes (the
// frontier's samples): what the triangle's grey region reaches, in numbers.
SeatTrilemma best_reached(const std::vector<TrilemmaScores>& scores);

// Joint draws of every uncertain assumption within its range, by Latin
// hypercube: each parameter's [-1, 1] cut into `draws` strata, each stratum
// used once, strata paired at random across parameters. Row d holds draw d's
// positions (parameters that are not uncertain stay at 0).
std::vector<AssumptionPositions> latin_hypercube_positions(int draws, std::uint64_t seed);

// Which assumptions a quantity measured over such draws depends on: each
// uncertain parameter's Spearman rank correlation with it, strongest first.
struct AssumptionDriver {
    int param = 0;
    double rank_correlation = 0;
};
std::vector<AssumptionDriver> rank_assumption_drivers(const std::vector<AssumptionPositions>& positions,
                                                      const std::vector<double>& measured);

// A small deterministic random generator (splitmix64): the same numbers on
// every platform and compiler, unlike std:: distributions.
struct Rng {
    std::uint64_t state;
    explicit Rng(std::uint64_t seed) : state(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return (next() >> 11) * (1.0 / 9007199254740992.0); }  // [0, 1)
};

// Random lever settings within every lever's range, biased toward the ends of
// the ranges so that extreme mixes are explored too.
Policy random_policy(Rng& rng, const Policy& around);

// The run input of mixes scored at the horizon (the frontier's samples and
// climbs, the searches): no backcast, and only the seat's indicators in the
// horizon year are recorded.
RunInput horizon_scoring_input(const Scenario& s);

}  // namespace tl
