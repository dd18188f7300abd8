#include "core/checks.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/assets.h"
#include "core/conditions.h"
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

// The check's "indicator" (with "sector": a sector metric of kSectorMetricIds),
// "bloc", "years" and "predicate"/"value" as a Condition on scenario minus
// against ("difference", the default) or on the scenario's own level.
Condition read_condition(const rapidjson::Value& c, const std::string& at, bool difference) {
    Condition cond;
    std::string key = json::get_string(c, "indicator", at);
    if (auto sector_key = json::get_string_or(c, "sector", ""); !sector_key.empty()) {
        auto sector = parse_sector(sector_key);
        if (!sector) throw json::Error(at + ".sector: unknown sector");
        cond.sector = *sector;
        auto metric = parse_id<SectorMetric>(kSectorMetricIds, key);
        if (!metric)
            throw json::Error(at + ".indicator: with a sector, one of capability, market_share, dependence, standards_influence");
        cond.sector_metric = *metric;
    } else {
        for (int i = 0; i < kIndicatorCount; ++i)
            if (kIndicators[i].key == key) cond.indicator = static_cast<Indicator>(i);
        if (!cond.indicator) throw json::Error(at + ".indicator: unknown indicator \"" + key + "\"");
    }
    cond.bloc = parse_bloc(json::get_string(c, "bloc", at));
    if (!cond.bloc) throw json::Error(at + ".bloc: unknown bloc");
    auto years = json::get_numbers(c, "years", 2, at);
    cond.span = YearSpan::EveryYear;
    cond.year_from = static_cast<int>(years[0]);
    cond.year_to = static_cast<int>(years[1]);
    cond.measure = difference ? Measure::ChangeVsBaseline : Measure::Value;
    std::string op = json::get_string(c, "predicate", at);
    static constexpr std::array<std::string_view, 4> kPredicates{"gt", "lt", "increasing", "decreasing"};
    static constexpr std::array<Comparison, 4> kAs{Comparison::Above, Comparison::Below, Comparison::Rising,
                                                   Comparison::Falling};
    auto p = std::find(kPredicates.begin(), kPredicates.end(), op);
    if (p == kPredicates.end()) throw json::Error(at + ".predicate: gt, lt, increasing or decreasing");
    cond.compare = kAs[p - kPredicates.begin()];
    cond.target = c.HasMember("value") ? json::get_number(c, "value", at) : 0.0;
    return cond;
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
        Condition cond = read_condition(c, at, difference);
        ConditionOutcome o = evaluate_condition(cond, *cond.bloc, r, &ra);
        if (o.unevaluable == Unevaluable::BeyondRun) throw json::Error(at + ".years: outside the run");
        char buf[256];
        std::snprintf(buf, sizeof buf, "%s%s %s %g over %d-%d: %.3f in %d, %.3f in %d", difference ? "change in " : "",
                      json::get_string(c, "indicator", at).c_str(), json::get_string(c, "predicate", at).c_str(),
                      cond.target, cond.year_from, cond.year_to, o.first, cond.year_from, o.last, cond.year_to);
        res.detail = buf;
        bool ok = o.met;
        res.passed = ok;
        out.push_back(std::move(res));
    }
    return out;
}

std::vector<CheckResult> run_checks() { return run_checks(embedded_asset("checks.json")); }

}  // namespace tl
