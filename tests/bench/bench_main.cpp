// Benchmarks of the core: prints numbers, passes or fails nothing. Targets:
// one full run (5 blocs x 6 sectors, 2024-2035) within 20 us natively; a
// 1,000-draw Monte Carlo within 16 ms (one frame) in WebAssembly.
//
//   build/native/bench            (or build/tests-helper/bench)
//   node --no-experimental-fetch build/wasm/bench.js
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

#include "core/analysis.h"
#include "core/scenario.h"

using namespace tl;

namespace {

using Clock = std::chrono::steady_clock;

// The minimum and the median over `reps` timings of `fn` repeated `inner`
// times, in microseconds per call. The minimum is the number to compare
// builds by on a shared machine (other load only ever adds time); the median
// says what a user typically waits.
struct Timing {
    double min_us, median_us;
};
Timing time_us(int reps, int inner, const std::function<void()>& fn) {
    std::vector<double> t;
    t.reserve(reps);
    for (int r = 0; r < reps; ++r) {
        auto t0 = Clock::now();
        for (int i = 0; i < inner; ++i) fn();
        t.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count() / inner);
    }
    std::nth_element(t.begin(), t.begin() + reps / 2, t.end());
    const double median = t[reps / 2];
    return {*std::min_element(t.begin(), t.end()), median};
}

// "  label    min  median unit   note", with the times divided by `unit_us`.
void print_row(const char* label, Timing t, double unit_us, const char* unit, const char* note = "") {
    std::printf("  %-55s %9.2f %9.2f %s%s\n", label, t.min_us / unit_us, t.median_us / unit_us, unit, note);
}

volatile double g_sink = 0;  // keeps results alive

}  // namespace

int main() {
    // Load the embedded tables first so that no timing includes parsing them.
    const Scenario sq = scenario_from_preset(presets().front());
    const Scenario scenario = scenario_from_preset(*find_preset("allied_tech_alliance"));
    std::printf("Trilemma Lab core benchmark (min and median of repeated timings)\n");
    std::printf("  %-55s %9s %9s\n", "", "min", "median");

    {
        const RunInput in = run_input(scenario);
        const ParamValues P = materialize(scenario.assumptions);
        Results r;
        Timing us = time_us(201, 50, [&] {
            simulate(in, P, r);
            g_sink = g_sink + r.ind[0][0][r.years - 1];
        });
        print_row("one run (simulate: 5 blocs x 6 sectors, 2024-2035)", us, 1.0, "us", "   (target <= 20 us native)");
        RunInput projection_only = in;
        projection_only.history = false;  // as Monte Carlo, the frontier and the search run it
        Timing us_projection = time_us(201, 50, [&] {
            simulate(projection_only, P, r);
            g_sink = g_sink + r.ind[0][0][r.years - 1];
        });
        print_row("  without the backcast 2017-2023 (cached per parameters)", us_projection, 1.0, "us");
        const RunInput scored = horizon_scoring_input(scenario);
        Timing us_scored = time_us(201, 50, [&] {
            simulate(scored, P, r);
            g_sink = g_sink + r.ind[0][0][r.years - 1];
        });
        print_row("  scored at the horizon only (frontier, searches)", us_scored, 1.0, "us");
        int parameter_sets = 0;
        // The two rows above rerun one parameter set, as a dragged slider, the
        // frontier and the search do: the 2024 setup and the backcast are
        // kept per thread. A Monte Carlo draw has new parameters every run.
        Timing us_new_params = time_us(201, 50, [&] {
            ParamValues changed = P;
            changed.v[0] *= 1.0 + 1e-9 * ++parameter_sets;
            simulate(projection_only, changed, r);
            g_sink = g_sink + r.ind[0][0][r.years - 1] * 1e-12;
        });
        print_row("  new parameters every run, without the backcast (a draw)", us_new_params, 1.0, "us");
        Timing us_history = time_us(21, 10, [&] {
            ParamValues changed = P;
            changed.v[0] *= 1.0 + 1e-9 * ++parameter_sets;  // a new parameter set: the backcast runs again
            simulate(in, changed, r);
            g_sink = g_sink + r.ind[0][0][r.years - 1] * 1e-12;
        });
        print_row("  new parameters every run, with the backcast", us_history, 1.0, "us");
        Timing us_full = time_us(51, 20, [&] {
            Results rr = run(scenario);
            g_sink = g_sink + rr.ind[0][0][rr.years - 1];
        });
        print_row("one run incl. run_input + materialize (tl::run)", us_full, 1.0, "us");
        ParamValues Q = P;
        AssumptionPositions pos{};
        Timing us_mat = time_us(101, 50, [&] {
            pos[0] = pos[0] == 0.0 ? 0.5 : 0.0;
            materialize_into(pos, Q);
            g_sink = g_sink + Q.v[0];
        });
        print_row("materialize_into (assumptions -> parameters)", us_mat, 1.0, "us");
        Scenario longest = scenario;
        longest.horizon = kMaxHorizon;
        const RunInput in40 = run_input(longest);
        Timing us40 = time_us(101, 20, [&] {
            simulate(in40, P, r);
            g_sink = g_sink + r.ind[0][0][r.years - 1];
        });
        print_row("one run to 2040", us40, 1.0, "us");
    }
    {
        std::size_t changes = 0;
        Timing us = time_us(11, 1, [&] {
            Attribution a = attribute(scenario, sq);
            changes = a.changes.size();
            g_sink = g_sink + a.contribution.size();
        });
        char note[64];
        std::snprintf(note, sizeof note, "   (%zu lever changes, 2 path steps)", changes);
        print_row("attribution, allied_tech_alliance vs status quo", us, 1000.0, "ms", note);
    }
    {
        Timing us = time_us(9, 1, [&] {
            Bands b = monte_carlo(scenario, Bloc::US, 1000, 1);
            g_sink = g_sink + b.q[0][0][2];
        });
        print_row("Monte Carlo, 1,000 draws (bands for one bloc)", us, 1000.0, "ms", "   (target <= 16 ms in wasm)");
        // Where the time goes: the draws versus the percentiles.
        MonteCarlo mc(scenario, Bloc::US, 1000, 1);
        auto t0 = Clock::now();
        mc.step(1000);
        auto t1 = Clock::now();
        Bands b = mc.bands();
        auto t2 = Clock::now();
        g_sink = g_sink + b.q[0][0][2];
        std::printf("    of which draws %.2f ms, percentiles %.2f ms\n",
                    std::chrono::duration<double, std::milli>(t1 - t0).count(),
                    std::chrono::duration<double, std::milli>(t2 - t1).count());
    }
    {
        Timing us = time_us(5, 1, [&] {
            Frontier f = compute_frontier(sq, TrilemmaId::EconomicSecurity, 10000, 1);
            g_sink = g_sink + f.pareto.size();
        });
        print_row("frontier, 10,000 samples of the US levers", us, 1000.0, "ms");
    }
    return 0;
}
