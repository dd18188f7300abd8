#include "core/checks.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>

#include <cereal/types/vector.hpp>

#include "core/assets.h"
#include "core/conditions.h"
#include "core/json_archive.h"
#include "core/scenario.h"

namespace tl {

namespace {

// A setting from "set": {"export_controls.semis": 95, "EU.market_access": 40}.
struct Setting {
    std::string key;
    double value = 0.0;
};

// "scenario" and "against": a preset (default status_quo_2024) with a seat,
// reactions, horizon and lever settings.
struct ScenarioSpec {
    std::string preset = "status_quo_2024";
    Bloc seat = Bloc::US;
    bool reactions = true;
    int horizon = kDefaultHorizon;
    std::vector<Setting> set;

    template <class Archive>
    void serialize(Archive& ar) {
        ar(json::optional_nvp("preset", preset), json::optional_nvp("seat", json::as_id(kBlocIds, seat, "bloc")),
           json::optional_nvp("reactions", reactions), json::optional_nvp("horizon", horizon),
           json::optional_nvp("set", json::keyed_numbers(set, "an object of lever values", kSlotCount * kBlocCount)));
    }
};

constexpr std::array<std::string_view, 4> kPredicateIds{"gt", "lt", "increasing", "decreasing"};
constexpr std::array<Comparison, 4> kPredicateComparisons{Comparison::Above, Comparison::Below, Comparison::Rising,
                                                          Comparison::Falling};

// One entry of assets/checks.json. The check's "indicator" (with "sector": a
// sector metric of kSectorMetricIds), "bloc", "years" and "predicate"/"value"
// make a Condition on scenario minus against ("difference", the default) or
// on the scenario's own level.
struct CheckSpec {
    std::string id, mechanism, source;
    ScenarioSpec scenario;
    std::optional<ScenarioSpec> against;  // default: the scenario's baseline
    bool difference = true;
    std::string indicator, sector;
    Bloc bloc = Bloc::US;
    std::vector<int> years;  // [first, last]
    int predicate = 0;       // index in kPredicateIds
    double value = 0.0;

    template <class Archive>
    void serialize(Archive& ar) {
        ar(cereal::make_nvp("id", id), cereal::make_nvp("mechanism", mechanism), cereal::make_nvp("source", source),
           cereal::make_nvp("scenario", scenario));
        if constexpr (Archive::is_loading::value) {
            if (ar.has("against")) ar(cereal::make_nvp("against", against.emplace()));
        } else if (against) {
            ar(cereal::make_nvp("against", *against));
        }
        ar(json::optional_nvp("difference", difference), cereal::make_nvp("indicator", indicator),
           json::optional_nvp("sector", sector), cereal::make_nvp("bloc", json::as_id(kBlocIds, bloc, "bloc")),
           cereal::make_nvp("years", years), cereal::make_nvp("predicate", json::as_id(kPredicateIds, predicate, "predicate")),
           json::optional_nvp("value", value));
    }
};

Scenario scenario_of(const ScenarioSpec& spec, const std::string& at, const AssumptionPositions& assumptions) {
    const Preset* p = find_preset(spec.preset);
    if (!p) throw json::Error(at + ".preset: unknown preset \"" + spec.preset + "\"");
    Scenario s = scenario_from_preset(*p, spec.seat);
    s.assumptions = assumptions;
    s.reactions = spec.reactions;
    s.horizon = spec.horizon;
    for (const auto& setting : spec.set)
        if (std::string err = apply_setting(s, setting.key, setting.value); !err.empty())
            throw json::Error(at + ".set." + err);
    return s;
}

Condition condition_of(const CheckSpec& c, const std::string& at) {
    Condition cond;
    if (!c.sector.empty()) {
        auto sector = parse_sector(c.sector);
        if (!sector) throw json::Error(at + ".sector: unknown sector \"" + c.sector + "\"");
        cond.sector = *sector;
        auto metric = parse_id<SectorMetric>(kSectorMetricIds, c.indicator);
        if (!metric)
            throw json::Error(at + ".indicator: with a sector, one of capability, market_share, dependence, standards_influence");
        cond.sector_metric = *metric;
    } else {
        for (int i = 0; i < kIndicatorCount; ++i)
            if (kIndicators[i].key == c.indicator) cond.indicator = static_cast<Indicator>(i);
        if (!cond.indicator) throw json::Error(at + ".indicator: unknown indicator \"" + c.indicator + "\"");
    }
    cond.bloc = c.bloc;
    if (c.years.size() != 2) throw json::Error(at + ".years: expected [first year, last year]");
    cond.span = YearSpan::EveryYear;
    cond.year_from = c.years[0];
    cond.year_to = c.years[1];
    cond.measure = c.difference || c.against ? Measure::ChangeVsBaseline : Measure::Value;
    cond.compare = kPredicateComparisons[c.predicate];
    cond.target = c.value;
    return cond;
}

}  // namespace

std::vector<CheckResult> run_checks(std::string_view text) { return run_checks(text, central_assumptions()); }

std::vector<CheckResult> run_checks(std::string_view text, const AssumptionPositions& assumptions) {
    const std::string where = "checks";
    const std::vector<CheckSpec> checks = json::read_table_list<CheckSpec>(text, where, "checks");
    std::vector<CheckResult> out;
    for (std::size_t i = 0; i < checks.size(); ++i) {
        const CheckSpec& c = checks[i];
        const std::string at = where + ": checks[" + std::to_string(i) + "] (\"" + c.id + "\")";
        CheckResult res;
        res.id = c.id;
        res.mechanism = c.mechanism;
        res.source = c.source;
        Scenario s = scenario_of(c.scenario, at + ".scenario", assumptions);
        Scenario against = c.against ? scenario_of(*c.against, at + ".against", assumptions) : baseline_of(s);
        Results r = run(s), ra = run(against);
        Condition cond = condition_of(c, at);
        ConditionOutcome o = evaluate_condition(cond, *cond.bloc, r, &ra);
        if (o.unevaluable == Unevaluable::BeyondRun) throw json::Error(at + ".years: outside the run");
        bool difference = cond.measure == Measure::ChangeVsBaseline;
        char buf[256];
        std::snprintf(buf, sizeof buf, "%s%s %s %g over %d-%d: %.3f in %d, %.3f in %d", difference ? "change in " : "",
                      c.indicator.c_str(), std::string(kPredicateIds[c.predicate]).c_str(), cond.target, cond.year_from,
                      cond.year_to, o.first, cond.year_from, o.last, cond.year_to);
        res.detail = buf;
        res.passed = o.met;
        out.push_back(std::move(res));
    }
    return out;
}

std::vector<CheckResult> run_checks() { return run_checks(embedded_asset("checks.json")); }

}  // namespace tl
