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

// Median over `reps` timings of `fn` repeated `inner` times, in microseconds per call.
double median_us(int reps, int inner, const std::function<void()>& fn) {
    std::vector<double> t;
    t.reserve(reps);
    for (int r = 0; r < reps; ++r) {
        auto t0 = Clock::now();
        for (int i = 0; i < inner; ++i) fn();
        t.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count() / inner);
    }
    std::nth_element(t.begin(), t.begin() + reps / 2, t.end());
    return t[reps / 2];
}

volatile double g_sink = 0;  // keeps results alive

}  // namespace

int main() {
    // Load the embedded tables first so that no timing includes parsing them.
    const Scenario sq = scenario_from_preset(presets().front());
    const Scenario scenario = scenario_from_preset(*find_preset("allied_tech_alliance"));
    std::printf("Trilemma Lab core benchmark (median of repeated timings)\n");

    {
        const RunInput in = run_input(scenario);
        const ParamValues P = materialize(scenario.assumptions);
        Results r;
        double us = median_us(201, 50, [&] {
            simulate(in, P, r);
            g_sink = g_sink + r.ind[0][0][r.years - 1];
        });
        std::printf("  one run (simulate: 5 blocs x 6 sectors, 2024-2035) %10.2f us   (target <= 20 us native)\n", us);
        RunInput projection_only = in;
        projection_only.history = false;  // as Monte Carlo, the frontier and the search run it
        double us_projection = median_us(201, 50, [&] {
            simulate(projection_only, P, r);
            g_sink = g_sink + r.ind[0][0][r.years - 1];
        });
        std::printf("    without the backcast 2017-2023 (cached per parameter set) %7.2f us\n", us_projection);
        int parameter_sets = 0;
        double us_history = median_us(21, 10, [&] {
            ParamValues changed = P;
            changed.v[0] *= 1.0 + 1e-9 * ++parameter_sets;  // a new parameter set: the backcast runs again
            simulate(in, changed, r);
            g_sink = g_sink + r.ind[0][0][r.years - 1] * 1e-12;
        });
        std::printf("    with the backcast recomputed (new parameters)    %10.2f us\n", us_history);
        double us_full = median_us(51, 20, [&] {
            Results rr = run(scenario);
            g_sink = g_sink + rr.ind[0][0][rr.years - 1];
        });
        std::printf("  one run incl. run_input + materialize (tl::run)    %10.2f us\n", us_full);
        ParamValues Q = P;
        AssumptionPositions pos{};
        double us_mat = median_us(101, 50, [&] {
            pos[0] = pos[0] == 0.0 ? 0.5 : 0.0;
            materialize_into(pos, Q);
            g_sink = g_sink + Q.v[0];
        });
        std::printf("  materialize_into (assumptions -> parameters)       %10.2f us\n", us_mat);
        Scenario longest = scenario;
        longest.horizon = kMaxHorizon;
        const RunInput in40 = run_input(longest);
        double us40 = median_us(101, 20, [&] {
            simulate(in40, P, r);
            g_sink = g_sink + r.ind[0][0][r.years - 1];
        });
        std::printf("  one run to 2040                                    %10.2f us\n", us40);
    }
    {
        std::size_t changes = 0;
        double us = median_us(11, 1, [&] {
            Attribution a = attribute(scenario, sq);
            changes = a.changes.size();
            g_sink = g_sink + a.contribution.size();
        });
        std::printf("  attribution, allied_tech_alliance vs status quo    %10.2f ms   (%zu lever changes, 2 path steps)\n",
                    us / 1000.0, changes);
    }
    {
        double us = median_us(7, 1, [&] {
            Bands b = monte_carlo(scenario, Bloc::US, 1000, 1);
            g_sink = g_sink + b.q[0][0][2];
        });
        std::printf("  Monte Carlo, 1,000 draws (bands for one bloc)      %10.2f ms   (target <= 16 ms in wasm)\n",
                    us / 1000.0);
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
        double us = median_us(3, 1, [&] {
            Frontier f = compute_frontier(sq, TrilemmaId::EconomicSecurity, 10000, 1);
            g_sink = g_sink + f.pareto.size();
        });
        std::printf("  frontier, 10,000 samples of the US levers          %10.2f ms\n", us / 1000.0);
    }
    return 0;
}
