#include "core/history.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <cereal/types/vector.hpp>

#include "core/assets.h"
#include "core/json_archive.h"

namespace tl {

namespace {
// assets/history/policy_timeline.json: {"policies": [{"id", "year", "bloc",
// "levers": [{"slot", "from", "to", ...}], ...}]}; the fields the model does
// not use (titles, reasoning, citations) are for people and tools/check_history.py.
struct TimelineLever {
    std::string slot;
    double from = 0, to = 0;
    template <class Archive>
    void serialize(Archive& ar) {
        ar(cereal::make_nvp("slot", slot), cereal::make_nvp("from", from), cereal::make_nvp("to", to));
    }
};
struct TimelinePolicy {
    std::string id;
    int year = 0;
    Bloc bloc = Bloc::US;
    std::vector<TimelineLever> levers;
    template <class Archive>
    void serialize(Archive& ar) {
        ar(cereal::make_nvp("id", id), cereal::make_nvp("year", year),
           cereal::make_nvp("bloc", json::as_id(kBlocIds, bloc, "bloc")), cereal::make_nvp("levers", levers));
    }
};

std::vector<TimelineChange> load_timeline() {
    const std::string where = "assets/history/policy_timeline.json";
    std::vector<TimelineChange> out;
    for (const TimelinePolicy& row :
         json::read_table_list<TimelinePolicy>(embedded_asset("history/policy_timeline.json"), where, "policies")) {
        const std::string at = where + " policy \"" + row.id + "\"";
        for (const TimelineLever& lever : row.levers) {
            auto slot = parse_slot(lever.slot);
            if (!slot) throw json::Error(at + ".levers: unknown slot \"" + lever.slot + "\"");
            out.push_back({row.id, row.year, row.bloc, *slot, lever.from, lever.to});
        }
    }
    return out;
}

// assets/history/reference_data.json: {"series": [...]}, one observed value
// (or a plan or forecast) a row.
struct Citation {
    std::string ref;
    template <class Archive>
    void serialize(Archive& ar) {
        ar(cereal::make_nvp("ref", ref));
    }
};
struct Tolerance {
    std::string kind;  // relative, absolute, order_of_magnitude, direction
    double value = 0;
    template <class Archive>
    void serialize(Archive& ar) {
        ar(cereal::make_nvp("kind", kind), json::optional_nvp("value", value));
    }
};
struct ReferenceRow {
    std::string id, kind, series, unit, comparison, model_indicator, period;
    int year = 0;  // 0: the row gives a period ("2023-01..2023-04") instead
    double value = 0;
    Tolerance tolerance;
    std::vector<Citation> citations;
    template <class Archive>
    void serialize(Archive& ar) {
        ar(cereal::make_nvp("id", id), cereal::make_nvp("kind", kind), cereal::make_nvp("series", series),
           cereal::make_nvp("unit", unit), cereal::make_nvp("comparison", comparison),
           cereal::make_nvp("model_indicator", model_indicator), json::optional_nvp("year", year),
           json::optional_nvp("period", period), cereal::make_nvp("value", value),
           cereal::make_nvp("tolerance", tolerance), cereal::make_nvp("citations", citations));
    }
    std::string when() const { return year ? std::to_string(year) : period; }
    int first_year() const { return year ? year : std::atoi(period.c_str()); }
};

const std::vector<ReferenceRow>& reference_rows() {
    static const std::vector<ReferenceRow> rows = json::read_table_list<ReferenceRow>(
        embedded_asset("history/reference_data.json"), "assets/history/reference_data.json", "series");
    return rows;
}
}  // namespace

const std::vector<TimelineChange>& policy_timeline() {
    static const std::vector<TimelineChange> timeline = load_timeline();
    return timeline;
}

void policies_in_year(const std::array<Policy, kBlocCount>& policies_2024, int year,
                      std::array<Policy, kBlocCount>& out) {
    out = policies_2024;
    const auto& timeline = policy_timeline();
    // Undo, latest first, every change not yet made in `year`.
    for (auto it = timeline.rbegin(); it != timeline.rend(); ++it)
        if (it->year > year) out[idx(it->bloc)][it->slot] = it->from;
}

// ---------------------------------------------------------------------------
// The reference data against the backcast
// ---------------------------------------------------------------------------

namespace {
// The series the model reproduces: the file's `new:<name>` indicator, the
// model indicator and bloc that carry it.
struct MatchedSeries {
    std::string_view name;
    Indicator indicator;
    Bloc bloc;
};
constexpr MatchedSeries kMatched[] = {
    {"new:china_fdi_in_us_bn", Indicator::InvestmentFromRival, Bloc::US},
    {"new:us_vc_china_tech_bn", Indicator::VentureIntoRival, Bloc::US},
    {"new:us_vc_deals_china_tech_per_year", Indicator::VentureDealsIntoRival, Bloc::US},
    {"new:china_iso_secretariats", Indicator::IsoSecretariats, Bloc::China},
    {"new:china_iec_secretariats", Indicator::IecSecretariats, Bloc::China},
};

// Why the others are not matched: the model has no quantity of that kind.
struct UnmatchedSeries {
    std::string_view name, reason;
};
constexpr std::string_view kCounts =
    "a count of agreements, proposals, institutions or platform members: the model has shares of standards "
    "influence, not counts of standardisation instruments";
constexpr std::string_view kSubSector =
    "a share in a sub-segment of a sector (packaging materials, PCB chemicals, ATP, 5G connections or base "
    "stations): the model's six sectors are aggregates";
constexpr std::string_view kNoQuantity = "no model quantity of this kind (the model has no such series)";
constexpr std::string_view kInput =
    "an input of the model (a lever or a parameter cites it), not something the model computes";
constexpr UnmatchedSeries kUnmatched[] = {
    {"new:chinese_share_us_ai_talent_pct", "an input: parameter talent_dependence (US 0.30) cites it"},
    {"new:china_iso_twinned_secretariats", "twinning is not modelled (only secretariats held)"},
    {"new:china_standards_agreements", kCounts},
    {"new:china_standards_agreement_countries", kCounts},
    {"new:china_standards_platform_countries", kCounts},
    {"new:china_iot_standard_proposals", kCounts},
    {"new:china_iot_standards_adopted", kCounts},
    {"new:china_standardization_institutions", kCounts},
    {"new:iso_iec_share_intl_product_standards_pct",
     "the share of product standards set in ISO/IEC is not a model quantity (standards fragmentation is an index)"},
    {"new:china_iso_iec_adoption_pct",
     "adoption of ISO/IEC standards inside China is not a model quantity (it informs base_fragmentation)"},
    {"new:china_share_packaging_materials_pct", kSubSector},
    {"new:china_share_pcb_chemicals_pct", kSubSector},
    {"new:taiwan_china_share_atp_capacity_pct", kSubSector},
    {"new:china_share_5g_connections_pct", kSubSector},
    {"new:china_share_5g_base_stations_pct", kSubSector},
    {"new:eu_states_without_5g", kNoQuantity},
    {"new:china_ai_core_market_bn_yuan", kNoQuantity},
    {"new:ai_publications_cumulative", "publications are not modelled (they inform base_capability)"},
    {"new:china_green_share_hightech_rnd_pct", "before 2017, the first year of the backcast"},
    {"new:eu_enterprise_ai_uptake_pct", "technology uptake by firms is not modelled"},
    {"new:eu_enterprise_cloud_uptake_pct", "technology uptake by firms is not modelled"},
    {"new:eu_sme_basic_digital_pct", "technology uptake by firms is not modelled"},
    {"new:eu_unicorns", kNoQuantity},
    {"new:us_entity_list_chinese_count", "an input: the control_breadth lever (entity listings are the timeline's rows)"},
    {"new:us_export_enforcement_budget_musd", kInput},
    {"new:us_export_enforcement_staff", kInput},
    {"new:chip_smuggling_networks", "smuggling is modelled as a leakage share, not a count of networks"},
    {"new:china_dc_ai_chips_us_designed_pct", "an input: it informs base_dependence and china_demand_share"},
    {"new:leading_edge_ai_chips_shipped", "an input: it informs base_leakage (chips smuggled by the box)"},
    {"new:euv_machines_sold", "an input: it informs base_leakage (EUV tools are not smuggled)"},
    {"new:us_strategic_investment_commitments_bn", "an input: parameter private_leverage cites it"},
    {"new:us_fabs_batteries_share_manufacturing_investment_pct", "an input: parameter sector_weight cites it"},
    {"new:gs_fdi_in_us_bn", "investment between partners (not with the rival) is not modelled"},
    {"new:gs_share_us_inward_fdi_pct", "investment between partners (not with the rival) is not modelled"},
    {"new:gs_china_trade_bn", "trade volumes are not modelled (openness is an index)"},
    {"new:gs_china_trade_deficit_bn", "trade volumes are not modelled (openness is an index)"},
};

const MatchedSeries* matched_series(std::string_view name) {
    for (const auto& k : kMatched)
        if (k.name == name) return &k;
    return nullptr;
}

std::string format_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// The number of months a period "YYYY-MM..YYYY-MM" covers; 12 for a year.
int months_in(const std::string& period) {
    int y0, m0, y1, m1;
    if (std::sscanf(period.c_str(), "%d-%d..%d-%d", &y0, &m0, &y1, &m1) == 4) return (y1 - y0) * 12 + m1 - m0 + 1;
    return 12;
}
}  // namespace

const std::vector<ObservedPoint>& observed_points() {
    static const std::vector<ObservedPoint> points = [] {
        std::vector<ObservedPoint> out;
        for (const ReferenceRow& row : reference_rows()) {
            if (row.kind != "observed") continue;
            const MatchedSeries* m = matched_series(row.model_indicator);
            if (!m) continue;
            const std::string period = row.when();
            const int months = months_in(period);
            const std::string bound =
                row.comparison == "upper_bound" ? "at most " : row.comparison == "lower_bound" ? "at least " : "";
            std::string note = bound + format_number(row.value) + " " + row.unit;
            if (months != 12) note += " (" + period + "), " + format_number(row.value * 12.0 / months) + " a year";
            if (!row.citations.empty()) note += " (" + row.citations.front().ref + ")";
            out.push_back({m->indicator, m->bloc, row.first_year(), row.value * 12.0 / months, note});
        }
        return out;
    }();
    return points;
}

bool history_scaled_by_openness(Indicator ind) {
    return ind == Indicator::InvestmentFromRival || ind == Indicator::VentureIntoRival ||
           ind == Indicator::VentureDealsIntoRival;
}

int history_first_year(Indicator ind) {
    if (!history_scaled_by_openness(ind)) return kFirstYear;
    int first = kBaseYear;
    for (const ObservedPoint& p : observed_points())
        if (p.indicator == ind) first = std::min(first, p.year);
    return std::max(first, kFirstYear);
}

std::vector<ObservedComparison> compare_with_reference_data(const Results& r) {
    std::vector<ObservedComparison> out;
    for (const ReferenceRow& row : reference_rows()) {
        if (row.kind != "observed") continue;  // plans and forecasts are not history
        ObservedComparison c;
        c.id = row.id;
        c.series = row.series;
        c.unit = row.unit;
        c.comparison = row.comparison;
        c.observed = row.value;
        c.period = row.when();
        c.year = row.first_year();
        const std::string& tol_kind = row.tolerance.kind;
        const double tol_value = row.tolerance.value;
        c.tolerance = tol_kind == "relative"           ? "±" + format_number(tol_value * 100) + "%"
                      : tol_kind == "absolute"         ? "±" + format_number(tol_value)
                      : tol_kind == "order_of_magnitude" ? "within a factor of 3.2"
                                                         : "direction";
        const std::string& name = row.model_indicator;
        const MatchedSeries* m = matched_series(name);
        if (!m || c.year < kFirstYear || c.year > kBaseYear + r.years - 1) {
            c.reason = "not matched";
            for (const auto& u : kUnmatched)
                if (u.name == name) c.reason = std::string(u.reason);
            if (m) c.reason = "outside the years the run covers";
            out.push_back(c);
            continue;
        }
        c.matched = true;
        c.indicator_key = std::string(indicator_def(m->indicator).key);
        c.bloc_id = std::string(kBlocIds[idx(m->bloc)]);
        // A flow observed over part of a year is compared with the same part
        // of the model's yearly flow.
        c.model = r.at_year(m->indicator, m->bloc, c.year) * months_in(c.period) / 12.0;
        const double v = c.observed, x = c.model;
        double low = v, high = v;
        if (tol_kind == "relative") low = v * (1 - tol_value), high = v * (1 + tol_value);
        else if (tol_kind == "absolute") low = v - tol_value, high = v + tol_value;
        else if (tol_kind == "order_of_magnitude") low = v / std::sqrt(10.0), high = v * std::sqrt(10.0);
        if (c.comparison == "upper_bound") c.within = x <= high;
        else if (c.comparison == "lower_bound") c.within = x >= low;
        else c.within = x >= low && x <= high;
        out.push_back(c);
    }
    return out;
}

}  // namespace tl
