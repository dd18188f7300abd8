// trilemma-cli: the model from the command line, for analysts and trainers.
// Run `trilemma-cli help` for the commands. Every error is one line on stderr
// and a non-zero exit.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/analysis.h"
#include "core/checks.h"
#include "core/export.h"
#include "core/history.h"
#include "core/scenario_io.h"
#include "core/snapshot.h"
#include "core/story.h"
#include "core/version.h"

using namespace tl;

namespace {

constexpr const char* kUsage = R"(trilemma-cli — the Trilemma Lab model from the command line

  trilemma-cli levers                      list levers: id, unit, range, pillar, source
  trilemma-cli presets                     list presets with descriptions and sources
  trilemma-cli params                      list model parameters with values and sources
  trilemma-cli indicators                  list indicators: id, unit, meaning with sources
  trilemma-cli backcast                    every observed value of assets/history/reference_data.json against
                                           the model's backcast 2017-2024 (exit 1 if one is out of tolerance)
  trilemma-cli run [options]               run a scenario and print indicators (table: and what each pillar score is made of)
  trilemma-cli frontier [options]          sample the seat's levers; print the non-dominated pillar scores
  trilemma-cli search [options]            the seat's best mix for the minimum of chosen pillars (hill-climbing)
  trilemma-cli tornado [options]           which assumptions move each pillar of the seat most (--pillars to choose)
  trilemma-cli robustness [options]        the seat's trilemma over joint draws of the assumptions (--draws, --effort):
                                           how often it holds, and which assumptions the gap depends on
  trilemma-cli guide [ID|FILE] [--set K=V] [--step N] [--json]  check a guided scenario; goal status per step
  trilemma-cli story [options]             the scenario's story in words (what you did, gained, paid; where the trilemma bit)
  trilemma-cli checks                      run the mechanism checks in assets/checks.json
  trilemma-cli snapshot                    print every preset's results as JSON (a model-version snapshot)
  trilemma-cli compare OLD.json [NEW.json] compare two snapshots (NEW defaults to this model)

Options for run, story and frontier:
  --preset ID            start from a preset (default status_quo_2024)
  --scenario FILE        start from a scenario file (JSON, as saved by the app)
  --seat BLOC            US, China, EU, Allies or GlobalSouth
  --horizon YEAR         2026..2040 (default 2035)
  --start-year YEAR      the year lever changes start to act, 2025..2040 (default 2025; they phase in over
                         phase_in_years)
  --no-reactions         other blocs keep their preset levers
  --set KEY=VALUE        set a lever, e.g. export_controls.semis=80 or EU.market_access=50 (repeatable)
  --assume PARAM=POS     move an assumption between low (-1), central (0) and high (+1)
  --bloc BLOC|all        whose indicators to print (default: the seat)
  --format table|csv|json  (story: table = text with sources, json = sections, claims, sources, facts)
  --bands N              add Monte Carlo 5-95% bands from N draws (run)
  --samples N --seed S   frontier sampling (default 2000, seed 1)
  --trilemma economic_security|data_governance
  --pillars protect,promote,partner   which pillars the search maximises together (default all three)
  --climb N              hill-climbing steps after sampling (search; default 3000)
  --thorough             search: coordinate sweeps before the random climb, and for two or three
                         pillars the trilemma search's restarts (finds mixes the default misses)
  --draws N --effort E   robustness: Latin-hypercube draws (default 200) and search effort (default 0.35)
  --save FILE            write the resulting scenario as JSON (run)
)";

[[noreturn]] void fail(const std::string& msg) {
    std::fprintf(stderr, "trilemma-cli: %s\n", msg.c_str());
    std::exit(2);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail("cannot open " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

double parse_number(const std::string& text, const std::string& what) {
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0') fail(what + ": \"" + text + "\" is not a number");
    return v;
}

struct Options {
    Scenario scenario = scenario_from_preset(presets().front());
    std::string format = "table", bloc, save;
    int bands = 0, samples = 2000;
    std::uint64_t seed = 1;
    TrilemmaId trilemma = TrilemmaId::EconomicSecurity;
    std::vector<std::string> positional;
    std::array<bool, 3> pillars{true, true, true};
    int climb = 3000;
    bool thorough = false;
    int draws = 200;
    double effort = 0.35;
};

Options parse_options(int argc, char** argv, int first) {
    Options o;
    std::vector<std::pair<std::string, std::string>> sets, assumes;
    std::string seat, horizon, start_year;
    bool no_reactions = false;
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) fail(a + " needs a value");
            return argv[++i];
        };
        auto split = [&](const std::string& kv) {
            auto eq = kv.find('=');
            if (eq == std::string::npos) fail(a + " expects KEY=VALUE, got \"" + kv + "\"");
            return std::pair{kv.substr(0, eq), kv.substr(eq + 1)};
        };
        if (a == "--preset") {
            std::string id = value();
            const Preset* p = find_preset(id);
            if (!p) fail("unknown preset \"" + id + "\" (see `trilemma-cli presets`)");
            o.scenario = scenario_from_preset(*p);
        } else if (a == "--scenario") {
            std::string path = value();
            auto res = scenario_from_json(read_file(path));
            if (!res.ok) fail(path + ": " + res.errors.front());
            for (auto& n : res.notices) std::fprintf(stderr, "note: %s\n", n.c_str());
            o.scenario = res.scenario;
        } else if (a == "--seat") seat = value();
        else if (a == "--horizon") horizon = value();
        else if (a == "--start-year") start_year = value();
        else if (a == "--no-reactions") no_reactions = true;
        else if (a == "--thorough") o.thorough = true;
        else if (a == "--set") sets.push_back(split(value()));
        else if (a == "--assume") assumes.push_back(split(value()));
        else if (a == "--bloc") o.bloc = value();
        else if (a == "--format") {
            o.format = value();
            if (o.format != "table" && o.format != "csv" && o.format != "json") fail("--format: table, csv or json");
        } else if (a == "--bands") o.bands = static_cast<int>(parse_number(value(), "--bands"));
        else if (a == "--samples") o.samples = static_cast<int>(parse_number(value(), "--samples"));
        else if (a == "--seed") o.seed = static_cast<std::uint64_t>(parse_number(value(), "--seed"));
        else if (a == "--save") o.save = value();
        else if (a == "--climb") o.climb = static_cast<int>(parse_number(value(), "--climb"));
        else if (a == "--draws") {
            o.draws = static_cast<int>(parse_number(value(), "--draws"));
            if (o.draws < 3 || o.draws > 100000) fail("--draws: 3 to 100000");
        } else if (a == "--effort") {
            o.effort = parse_number(value(), "--effort");
            if (!(o.effort >= 0.05 && o.effort <= 10.0)) fail("--effort: 0.05 to 10");
        }
        else if (a == "--pillars") {
            std::string list = value();
            o.pillars = {false, false, false};
            std::size_t pos = 0;
            while (pos <= list.size()) {
                std::size_t comma = std::min(list.find(',', pos), list.size());
                auto p = parse_pillar(list.substr(pos, comma - pos));
                if (!p) fail("--pillars: a comma-separated list of protect, promote, partner");
                o.pillars[idx(*p)] = true;
                pos = comma + 1;
            }
        }
        else if (a == "--trilemma") {
            std::string t = value();
            if (t == "economic_security") o.trilemma = TrilemmaId::EconomicSecurity;
            else if (t == "data_governance") o.trilemma = TrilemmaId::DataGovernance;
            else fail("--trilemma: economic_security or data_governance");
        } else if (!a.empty() && a[0] == '-') fail("unknown option " + a);
        else o.positional.push_back(a);
    }
    // Seat first, so that --set without a bloc applies to the chosen seat.
    if (!seat.empty()) {
        auto b = parse_bloc(seat);
        if (!b) fail("--seat: unknown bloc \"" + seat + "\" (US, China, EU, Allies, GlobalSouth)");
        o.scenario.seat = *b;
    }
    if (!horizon.empty()) {
        double h = parse_number(horizon, "--horizon");
        if (h < kMinHorizon || h > kMaxHorizon || h != static_cast<int>(h))
            fail("--horizon: a year from " + std::to_string(kMinHorizon) + " to " + std::to_string(kMaxHorizon));
        o.scenario.horizon = static_cast<int>(h);
    }
    if (!start_year.empty()) {
        double y = parse_number(start_year, "--start-year");
        if (y < kBaseYear + 1 || y > kMaxHorizon || y != static_cast<int>(y))
            fail("--start-year: a year from " + std::to_string(kBaseYear + 1) + " to " + std::to_string(kMaxHorizon) +
                 " (2024 is the calibration year)");
        if (std::string err = set_start_year(o.scenario, static_cast<int>(y)); !err.empty())
            fail("--start-year: " + err.substr(err.find(": ") + 2));
    }
    if (no_reactions) o.scenario.reactions = false;
    for (auto& [k, v] : sets) {
        std::string err = apply_setting(o.scenario, k, parse_number(v, "--set " + k));
        if (!err.empty()) fail("--set " + err);
    }
    for (auto& [k, v] : assumes) {
        double pos = parse_number(v, "--assume " + k);
        bool found = false;
        for (int i = 0; i < kParamCount; ++i)
            if (param_defs()[i].key == k) {
                if (!param_defs()[i].uncertain()) fail("--assume " + k + ": a sourced fact without a range");
                if (pos < -1 || pos > 1) fail("--assume " + k + ": position must be from -1 to 1");
                o.scenario.assumptions[i] = pos;
                found = true;
            }
        if (!found) fail("--assume: unknown parameter \"" + k + "\" (see `trilemma-cli params`)");
    }
    return o;
}

int cmd_levers() {
    std::printf("%-26s %-9s %-8s %-9s %-34s %s\n", "id", "pillar", "range", "neutral", "unit", "source");
    for (const auto& d : lever_defs()) {
        std::string id = d.key + (d.per_sector ? ".<sector>" : "");
        char range[32];
        std::snprintf(range, sizeof range, "%g-%g", d.min, d.max);
        std::printf("%-26s %-9s %-8s %-9g %-34s %s\n", id.c_str(), std::string(kPillarIds[idx(d.pillar)]).c_str(), range,
                    d.neutral, d.unit.c_str(), d.source.c_str());
    }
    std::printf("\nsectors: semis ai quantum cleantech biotech telecom    blocs: US China EU Allies GlobalSouth\n");
    return 0;
}

int cmd_presets() {
    for (const auto& p : presets())
        std::printf("%s — %s\n  %s\n  sources: %s\n\n", p.id.c_str(), p.name.c_str(), p.description.c_str(),
                    p.sources.c_str());
    return 0;
}

int cmd_params() {
    for (const auto& d : param_defs()) {
        std::printf("%-28s %s [%s]%s\n", d.key.c_str(), d.name.c_str(), d.unit.c_str(),
                    d.assumption ? "  (assumption)" : "");
        std::string vals;
        for (int e = 0; e < d.dim; ++e) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%s%g", e ? " " : "", d.central[e]);
            vals += buf;
        }
        std::printf("    value: %s\n", vals.c_str());
        if (d.uncertain()) {
            std::string lo, hi;
            for (int e = 0; e < d.dim; ++e) {
                char a[32], b[32];
                std::snprintf(a, sizeof a, "%s%g", e ? " " : "", d.low[e]);
                std::snprintf(b, sizeof b, "%s%g", e ? " " : "", d.high[e]);
                lo += a, hi += b;
            }
            std::printf("    range: %s .. %s\n", lo.c_str(), hi.c_str());
        }
        std::printf("    source: %s\n", d.source.c_str());
    }
    return 0;
}

int cmd_run(const Options& o) {
    const Scenario& s = o.scenario;
    Results r = run(s);
    Results base = run(baseline_of(s));
    std::vector<int> blocs;
    if (o.bloc == "all") for (int b = 0; b < kBlocCount; ++b) blocs.push_back(b);
    else if (o.bloc.empty()) blocs.push_back(idx(s.seat));
    else if (auto b = parse_bloc(o.bloc)) blocs.push_back(idx(*b));
    else fail("--bloc: unknown bloc \"" + o.bloc + "\"");
    std::vector<Bands> bands;
    if (o.bands > 0)
        for (int b : blocs) bands.push_back(monte_carlo(s, Bloc(b), o.bands, o.seed));

    if (o.format == "csv") {
        std::vector<Bloc> which;
        std::vector<const Bands*> band_ptrs;
        for (std::size_t k = 0; k < blocs.size(); ++k) {
            which.push_back(Bloc(blocs[k]));
            if (o.bands > 0) band_ptrs.push_back(&bands[k]);
        }
        std::fputs(results_csv(r, base, which, band_ptrs).c_str(), stdout);
    } else if (o.format == "json") {
        std::printf("{\"model_version\":%d,\"scenario\":%s,\"years\":[", kModelVersion, scenario_to_json(s, false).c_str());
        for (int y = 0; y < r.years; ++y) std::printf("%s%d", y ? "," : "", r.year(y));
        std::printf("],\"history_years\":[");
        for (int y = 0; y < kHistoryYears; ++y) std::printf("%s%d", y ? "," : "", kFirstYear + y);
        std::printf("],\"blocs\":{");
        for (std::size_t k = 0; k < blocs.size(); ++k) {
            std::printf("%s\"%s\":{", k ? "," : "", std::string(kBlocIds[blocs[k]]).c_str());
            for (int i = 0; i < kIndicatorCount; ++i) {
                std::printf("%s\"%s\":{\"scenario\":[", i ? "," : "", std::string(kIndicators[i].key).c_str());
                for (int y = 0; y < r.years; ++y) std::printf("%s%.4f", y ? "," : "", r.ind[i][blocs[k]][y]);
                std::printf("],\"history\":[");
                for (int y = 0; r.has_history && y < kHistoryYears; ++y) std::printf("%s%.4f", y ? "," : "", r.hist[i][blocs[k]][y]);
                std::printf("],\"baseline\":[");
                for (int y = 0; y < r.years; ++y) std::printf("%s%.4f", y ? "," : "", base.ind[i][blocs[k]][y]);
                std::printf("]}");
            }
            std::printf("}");
        }
        std::printf("}}\n");
    } else {
        for (std::size_t k = 0; k < blocs.size(); ++k) {
            int b = blocs[k];
            std::printf("%s — %s, %d–%d%s\n", std::string(kBlocNames[b]).c_str(), s.name.c_str(), kBaseYear,
                        r.year(r.years - 1), s.reactions ? "" : " (no reactions)");
            std::printf("  %-40s %10s %10s %10s %10s %10s\n", "indicator", "2017", "2024", "horizon", "baseline", "change");
            for (int i = 0; i < kIndicatorCount; ++i) {
                const auto& def = kIndicators[i];
                std::string label = std::string(def.name) + " (" + std::string(def.unit) + ")";
                double v0 = r.ind[i][b][0], v = r.ind[i][b][r.years - 1], vb = base.ind[i][b][r.years - 1];
                // 2017: the backcast, the same for every scenario (history).
                // ("-" where the backcast is shown only from a later first observation.)
                double v17 = r.has_history && history_first_year(Indicator(i)) == kFirstYear ? r.hist[i][b][0] : NAN;
                char first_column[32] = "         -";
                if (!std::isnan(v17)) std::snprintf(first_column, sizeof first_column, "%10.2f", v17);
                std::printf("  %-40.40s %s %10.2f %10.2f %10.2f %+10.2f", label.c_str(), first_column, v0, v, vb, v - vb);
                if (o.bands > 0)
                    std::printf("   5-95%%: %.2f..%.2f", bands[k].q[i][r.years - 1][0], bands[k].q[i][r.years - 1][4]);
                std::printf("\n");
            }
            // What each pillar score is made of at the horizon: each component's
            // change since 2024 and its contribution to the standardised sum
            // (the pillar score is 50 + 50 z / (1 + |z|) of that sum).
            std::printf("  %-40s %10s %10s\n", "pillar components at the horizon", "change", "z");
            for (int p = 0; p < kPillarCount; ++p)
                for (int c = 0; c < kPillarComponentCount[p]; ++c) {
                    const auto& def = kPillarComponents[p][c];
                    std::string label = std::string(kPillarNames[p]) + ": " + std::string(def.name) + " (" + std::string(def.unit) + ")";
                    std::printf("  %-40.40s %+10.2f %+10.3f%s\n", label.c_str(), r.component_value[p][c][b][r.years - 1],
                                r.component_contribution[p][c][b][r.years - 1],
                                r.component_weight[p][c][b] == 0.0 ? "   (not counted for this bloc: weight 0)" : "");
                }
        }
    }
    if (!o.save.empty()) {
        std::ofstream out(o.save, std::ios::binary);
        if (!out) fail("cannot write " + o.save);
        out << scenario_to_json(s) << "\n";
    }
    return 0;
}

int cmd_story(const Options& o) {
    Story story = tell_story(o.scenario);
    if (o.format == "json") {
        rapidjson::StringBuffer buf;
        rapidjson::Writer<rapidjson::StringBuffer> w(buf);
        w.StartObject();
        w.Key("summary");
        w.String(story.summary.c_str());
        w.Key("headline");
        w.String(story.headline.c_str());
        w.Key("sections");
        w.StartArray();
        for (const auto& sec : story.sections) {
            w.StartObject();
            w.Key("title");
            w.String(sec.title.c_str());
            w.Key("claims");
            w.StartArray();
            for (const auto& claim : sec.claims) {
                w.StartObject();
                w.Key("text");
                w.String(claim.text.c_str());
                w.Key("source");
                w.String(claim.source.c_str());
                w.EndObject();
            }
            w.EndArray();
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        std::printf("%s\n", buf.GetString());
        return 0;
    }
    if (o.format == "csv") fail("story: --format table or json");
    std::printf("%s\n\n", story.summary.c_str());
    for (const auto& sec : story.sections) {
        std::printf("%s\n", sec.title.c_str());
        for (const auto& c : sec.claims)
            std::printf("  %s%s\n", c.text.c_str(), c.source.empty() ? "" : ("  [" + c.source + "]").c_str());
        std::printf("\n");
    }
    return 0;
}

int cmd_frontier(const Options& o) {
    if (o.samples < 1 || o.samples > 1000000) fail("--samples: 1..1000000");
    Frontier f = compute_frontier(o.scenario, o.trilemma, o.samples, o.seed);
    const auto& def = trilemma_def(o.trilemma);
    if (o.format == "table")
        std::printf("%zu samples, %zu non-dominated (%s, seat %s)\n", f.samples.size(), f.pareto.size(),
                    std::string(def.name).c_str(), std::string(kBlocIds[idx(o.scenario.seat)]).c_str());
    std::printf("%s,%s,%s\n", std::string(def.corners[0]).c_str(), std::string(def.corners[1]).c_str(),
                std::string(def.corners[2]).c_str());
    for (int i : f.pareto) std::printf("%.2f,%.2f,%.2f\n", f.samples[i][0], f.samples[i][1], f.samples[i][2]);
    return 0;
}

int cmd_search(const Options& o) {
    SearchResult best = search_mix(o.scenario, o.pillars, o.samples, o.climb, o.seed, o.thorough);
    // Two or three pillars, thorough: the trilemma search's restarts too
    // (each objective from the others' best mixes), which a climb from the
    // seat's policy alone misses by points (core/README.md).
    const int chosen = o.pillars[0] + o.pillars[1] + o.pillars[2];
    if (o.thorough && chosen >= 2) {
        const SeatTrilemma t = search_trilemma(o.scenario, 1.0, 4);
        const SearchResult& mix = chosen == 3 ? t.all_mix : t.pair_mix[o.pillars[0] ? (o.pillars[1] ? 0 : 1) : 2];
        if (mix.objective > best.objective) best.policy = mix.policy, best.scores = mix.scores, best.objective = mix.objective;
        best.evaluations += t.evaluations;
    }
    std::printf("best minimum of the chosen pillars: %.1f  (protect %.1f, promote %.1f, partner %.1f; %d runs)\n",
                best.objective, best.scores[0], best.scores[1], best.scores[2], best.evaluations);
    const int seat = idx(o.scenario.seat);
    const Policy& base = baseline_of(o.scenario).policy[seat];
    for (int slot = 0; slot < kSlotCount; ++slot)
        if (best.policy[slot] != base[slot])
            std::printf("  --set %s=%g   (baseline %g)\n", slot_key(slot).c_str(), best.policy[slot], base[slot]);
    return 0;
}

int cmd_tornado(const Options& o) {
    std::printf("Which assumptions matter most, seat %s at %d (each moved alone to its low and high end)\n",
                std::string(kBlocIds[idx(o.scenario.seat)]).c_str(), o.scenario.horizon);
    for (int p = 0; p < kPillarCount; ++p) {
        if (!o.pillars[p]) continue;
        auto bars = tornado(o.scenario, static_cast<Pillar>(p));
        std::printf("\n%s (%.1f at the scenario's assumptions)\n", std::string(kPillarNames[p]).c_str(),
                    bars.empty() ? 0.0 : bars.front().central);
        for (std::size_t k = 0; k < bars.size() && k < 12; ++k)
            std::printf("  %-28s low %5.1f  high %5.1f  width %4.1f\n", param_defs()[bars[k].param].key.c_str(),
                        bars[k].low, bars[k].high, std::fabs(bars[k].high - bars[k].low));
    }
    return 0;
}

// The issue-13 property over joint draws of the assumptions, the draws shared
// across the machine's cores (each draw is an independent search).
int cmd_robustness(const Options& o) {
    const auto positions = latin_hypercube_positions(o.draws, o.seed);
    std::vector<SeatTrilemma> result(positions.size());
    const unsigned workers = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (unsigned w = 0; w < workers; ++w)
        pool.emplace_back([&, w] {
            for (std::size_t d = w; d < positions.size(); d += workers) {
                Scenario s = o.scenario;
                s.assumptions = positions[d];
                result[d] = search_trilemma(s, o.effort, 2);
            }
        });
    for (auto& t : pool) t.join();
    int pairs = 0, held = 0;
    std::vector<double> gaps;
    double gap_sum = 0, gap_min = 1e9, gap_max = -1e9;
    for (const auto& t : result) {
        pairs += t.weakest_pair() >= kTrilemmaHigh;
        held += t.holds();
        gaps.push_back(t.gap());
        gap_sum += t.gap(), gap_min = std::min(gap_min, t.gap()), gap_max = std::max(gap_max, t.gap());
    }
    const int n = static_cast<int>(result.size());
    std::printf("Seat %s, %d Latin-hypercube draws of every assumption (seed %llu, search effort %g)\n",
                std::string(kBlocIds[idx(o.scenario.seat)]).c_str(), n, static_cast<unsigned long long>(o.seed), o.effort);
    std::printf("  any two pillars >= %.0f together:           %d of %d\n", kTrilemmaHigh, pairs, n);
    std::printf("  all three >= %.0f points below the weakest pair: %d of %d (the full trilemma)\n", kTrilemmaGap, held, n);
    std::printf("  gap (weakest pair - all three): mean %.1f, min %.1f, max %.1f\n", gap_sum / n, gap_min, gap_max);
    const auto drivers = rank_assumption_drivers(positions, gaps);
    // The largest of k correlations of pure noise over n draws is about sqrt(2 ln k / n).
    const double noise = std::sqrt(2.0 * std::log(static_cast<double>(std::max<std::size_t>(2, drivers.size()))) / n);
    std::printf("Which assumptions the gap depends on (Spearman rank correlation; + widens the gap as the assumption rises;\n"
                "among %zu assumptions and %d draws, noise alone reaches about %.2f)\n", drivers.size(), n, noise);
    for (std::size_t k = 0; k < drivers.size() && k < 15; ++k)
        std::printf("  %-30s %+.2f\n", param_defs()[drivers[k].param].key.c_str(), drivers[k].rank_correlation);
    return 0;
}

int cmd_indicators() {
    for (const auto& d : kIndicators)
        std::printf("%-26s %-14s %s\n  %s\n", std::string(d.key).c_str(), std::string(d.unit).c_str(),
                    std::string(d.name).c_str(), std::string(d.meaning).c_str());
    return 0;
}

// A markdown table (README, closing notes): observed vs model, the tolerance and the verdict.
int cmd_backcast() {
    const Results r = run(scenario_from_preset(presets().front()));
    int failed = 0, matched = 0, total = 0;
    std::printf("| id | series | period | observed | model | tolerance | model series | verdict |\n");
    std::printf("|---|---|---|---|---|---|---|---|\n");
    for (const auto& c : compare_with_reference_data(r)) {
        ++total;
        const char* bound = c.comparison == "upper_bound" ? "≤ " : c.comparison == "lower_bound" ? "≥ " : "";
        if (!c.matched) {
            std::printf("| `%s` | %s | %s | %s%g %s | — | %s | — | not matched: %s |\n", c.id.c_str(), c.series.c_str(),
                        c.period.c_str(), bound, c.observed, c.unit.c_str(), c.tolerance.c_str(), c.reason.c_str());
            continue;
        }
        ++matched;
        failed += !c.within;
        std::printf("| `%s` | %s | %s | %s%g %s | %.3g | %s | %s %s | %s |\n", c.id.c_str(), c.series.c_str(),
                    c.period.c_str(), bound, c.observed, c.unit.c_str(), c.model, c.tolerance.c_str(), c.bloc_id.c_str(),
                    c.indicator_key.c_str(), c.within ? "within" : "OUT OF TOLERANCE");
    }
    std::printf("\n%d observed rows: %d matched (%d out of tolerance), %d not matched (reason given)\n", total, matched,
                failed, total - matched);
    return failed ? 1 : 0;
}

int cmd_checks() {
    auto results = run_checks();
    int failed = 0;
    for (const auto& c : results) {
        std::printf("%s %s — %s\n", c.passed ? "PASS" : "FAIL", c.id.c_str(), c.detail.c_str());
        failed += !c.passed;
    }
    std::printf("%zu passed, %d failed\n", results.size() - failed, failed);
    return failed ? 1 : 0;
}

int cmd_compare(const Options& o) {
    if (o.positional.empty()) fail("compare needs OLD.json (from `trilemma-cli snapshot`)");
    std::string old_text = read_file(o.positional[0]);
    std::string new_text = o.positional.size() > 1 ? read_file(o.positional[1]) : snapshot_json();
    auto report = compare_snapshots(old_text, new_text, 1e-6);
    if (!report.error.empty()) fail(report.error);
    std::printf("model version %d -> %d: %zu series moved\n", report.old_version, report.new_version,
                report.moved.size());
    for (const auto& m : report.moved)
        std::printf("  %-22s %-12s %-24s max change %+.3f (in %d)\n", m.preset.c_str(), m.bloc.c_str(),
                    m.indicator.c_str(), m.max_change, m.year);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::string cmd = argc > 1 ? argv[1] : "help";
        if (cmd == "help" || cmd == "--help" || cmd == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (cmd == "levers") return cmd_levers();
        if (cmd == "presets") return cmd_presets();
        if (cmd == "params") return cmd_params();
        if (cmd == "indicators") return cmd_indicators();
        if (cmd == "backcast") return cmd_backcast();
        if (cmd == "guide") {
            int cmd_guide(int, char**);
            return cmd_guide(argc, argv);
        }
        if (cmd == "snapshot") {
            std::fputs(snapshot_json().c_str(), stdout);
            return 0;
        }
        Options o = parse_options(argc, argv, 2);
        if (cmd == "run") return cmd_run(o);
        if (cmd == "frontier") return cmd_frontier(o);
        if (cmd == "story") return cmd_story(o);
        if (cmd == "checks") return cmd_checks();
        if (cmd == "search") return cmd_search(o);
        if (cmd == "tornado") return cmd_tornado(o);
        if (cmd == "robustness") return cmd_robustness(o);
        if (cmd == "compare") return cmd_compare(o);
        fail("unknown command \"" + cmd + "\" (try `trilemma-cli help`)");
    } catch (const std::exception& e) {
        fail(e.what());
    }
}
