#include "core/checks.h"

#include <cmath>
#include <cstdio>

#include "core/assets.h"
#include "core/json_util.h"
#include "core/scenario.h"

namespace tl {

namespace {

Scenario read_spec(const rapidjson::Value& spec, const std::string& at, const AssumptionPositions& assumptions) {
    std::string preset_id = json::get_string_or(spec, "preset", "status_quo_2024");
    const Preset* p = find_preset(preset_id);
    if (!p) throw json::Error(at + ".preset: unknown preset \"" + preset_id + "\"");
    auto seat = parse_bloc(json::get_string_or(spec, "seat", "US"));
    if (!seat) throw json::Error(at + ".seat: unknown bloc");
    Scenario s = scenario_from_preset(*p, *seat);
    s.assumptions = assumptions;
    s.reactions = json::get_bool_or(spec, "reactions", true, at);
    if (spec.HasMember("horizon")) s.horizon = static_cast<int>(json::get_number(spec, "horizon", at));
    if (auto it = spec.FindMember("set"); it != spec.MemberEnd()) {
        if (!it->value.IsObject()) throw json::Error(at + ".set: expected an object of lever values");
        for (const auto& m : it->value.GetObject()) {
            std::string key(m.name.GetString(), m.name.GetStringLength());
            if (!m.value.IsNumber()) throw json::Error(at + ".set." + key + ": expected a number");
            std::string err = apply_setting(s, key, m.value.GetDouble());
            if (!err.empty()) throw json::Error(at + ".set." + err);
        }
    }
    return s;
}

double indicator_value(const Results& r, const rapidjson::Value& c, const std::string& at, int y) {
    std::string key = json::get_string(c, "indicator", at);
    auto bloc = parse_bloc(json::get_string(c, "bloc", at));
    if (!bloc) throw json::Error(at + ".bloc: unknown bloc");
    if (auto sector_key = json::get_string_or(c, "sector", ""); !sector_key.empty()) {
        auto sector = parse_sector(sector_key);
        if (!sector) throw json::Error(at + ".sector: unknown sector");
        static const char* metrics[] = {"capability", "market_share", "dependence", "standards_influence"};
        for (int m = 0; m < kSectorMetricCount; ++m)
            if (key == metrics[m]) return r.sector[m][idx(*bloc)][idx(*sector)][y];
        throw json::Error(at + ".indicator: with a sector, one of capability, market_share, dependence, standards_influence");
    }
    for (int i = 0; i < kIndicatorCount; ++i)
        if (kIndicators[i].key == key) return r.ind[i][idx(*bloc)][y];
    throw json::Error(at + ".indicator: unknown indicator \"" + key + "\"");
}

}  // namespace

std::vector<CheckResult> run_checks(std::string_view text) { return run_checks(text, central_assumptions()); }

std::vector<CheckResult> run_checks(std::string_view text, const AssumptionPositions& assumptions) {
    const std::string where = "checks";
    auto doc = json::parse(text, where);
    const auto& list = json::member(doc, "checks", where);
    if (!list.IsArray()) throw json::Error(where + ": \"checks\" must be an array");
    std::vector<CheckResult> out;
    for (const auto& c : list.GetArray()) {
        CheckResult res;
        res.id = json::get_string(c, "id", where);
        std::string at = where + " \"" + res.id + "\"";
        res.mechanism = json::get_string(c, "mechanism", at);
        res.source = json::get_string(c, "source", at);
        Scenario s = read_spec(json::member(c, "scenario", at), at + ".scenario", assumptions);
        bool has_against = c.HasMember("against");
        Scenario against = has_against ? read_spec(c["against"], at + ".against", assumptions) : baseline_of(s);
        bool difference = has_against || json::get_bool_or(c, "difference", true, at);
        Results r = run(s), ra = run(against);
        auto years = json::get_numbers(c, "years", 2, at);
        int y0 = static_cast<int>(years[0]) - kBaseYear, y1 = static_cast<int>(years[1]) - kBaseYear;
        if (y0 < 0 || y1 < y0 || y1 >= r.years || (difference && y1 >= ra.years))
            throw json::Error(at + ".years: outside the run");
        std::string op = json::get_string(c, "predicate", at);
        double threshold = c.HasMember("value") ? json::get_number(c, "value", at) : 0.0;
        bool ok = true;
        double first = 0, last = 0, prev = 0;
        for (int y = y0; y <= y1; ++y) {
            double v = indicator_value(r, c, at, y);
            if (difference) v -= indicator_value(ra, c, at, y);
            if (y == y0) first = v;
            last = v;
            if (op == "gt") ok &= v > threshold;
            else if (op == "lt") ok &= v < threshold;
            else if (op == "increasing") ok &= y == y0 || v >= prev - 1e-9;
            else if (op == "decreasing") ok &= y == y0 || v <= prev + 1e-9;
            else throw json::Error(at + ".predicate: gt, lt, increasing or decreasing");
            prev = v;
        }
        if ((op == "increasing" && !(last > first)) || (op == "decreasing" && !(last < first))) ok = false;
        char buf[256];
        std::snprintf(buf, sizeof buf, "%s%s %s %g over %d-%d: %.3f in %d, %.3f in %d", difference ? "change in " : "",
                      json::get_string(c, "indicator", at).c_str(), op.c_str(), threshold, kBaseYear + y0,
                      kBaseYear + y1, first, kBaseYear + y0, last, kBaseYear + y1);
        res.detail = buf;
        res.passed = ok;
        out.push_back(std::move(res));
    }
    return out;
}

std::vector<CheckResult> run_checks() { return run_checks(embedded_asset("checks.json")); }

}  // namespace tl
