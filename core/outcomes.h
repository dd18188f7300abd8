// What a run produces: indicators per bloc and year (the ones MODEL.md lists,
// each in a unit a workshop can discuss), sector-level state for the
// sector × bloc matrix, and the three pillar scores of the trilemma.
#pragma once
#include <array>
#include <limits>
#include <string_view>

#include "core/types.h"

namespace tl {

enum class Indicator : int {
    TechLead,               // capability lead over the rival in chips, AI, quantum (index points)
    RivalLeakage,           // share of controlled technology still reaching the rival (%)
    Dependence,             // inputs sourced from the rival (% of sector inputs)
    GdpEffect,              // GDP vs the 2024 policy path (%)
    TradeOpenness,          // trade & investment openness with the rival (index, 2024 = 100)
    FiscalCost,             // public spending on the levers ($bn per year)
    CleanTechCost,          // consumer cost of clean technology (index, 2024 = 100)
    Innovation,             // innovation rate (index, 2024 = 100)
    AllianceCohesion,       // alignment of partners with the bloc's camp (0–100)
    GlobalSouthAlignment,   // Global South leaning toward the bloc's camp (0–100)
    StandardsFragmentation, // split of technical standards into two systems (0–100)
    Escalation,             // US–China escalation level (0–100)
    Capability,             // average technology capability across sectors (0–100)
    StandardsInfluence,     // share of international standards leadership (%)
    ProtectScore,           // pillar scores (0–100, 50 = the 2024 position)
    PromoteScore,
    PartnerScore,
    // Readable units (issue 14): the model's state restated in the units the
    // sources give, so the backcast can be held to observed figures.
    LeadYears,              // technology lead in years of frontier progress
    InvestmentFromRival,    // direct investment received from the rival ($bn per year)
    VentureIntoRival,       // venture investment into the rival's tech start-ups ($bn per year)
    VentureDealsIntoRival,  // venture deals with the rival's tech start-ups (deals per year)
    IsoSecretariats,        // ISO technical-committee secretariats held
    IecSecretariats,        // IEC technical-committee secretariats held
    MarketShare,            // world market share in the six sectors (%)
};
inline constexpr int kIndicatorCount = 24;

struct IndicatorDef {
    std::string_view key, name, unit, meaning;
    bool higher_is_better;
    int decimals;
    Pillar pillar;  // the pillar it speaks to (its colour in charts); each pillar score belongs to its own
    // True for the readable-unit indicators: they restate an index in the
    // sources' units (years, $bn, deals, secretariats), so the story does not
    // count them a second time among the indicators that moved most.
    bool restates_index = false;
};
inline constexpr std::array<IndicatorDef, kIndicatorCount> kIndicators{{
    {"tech_lead", "Technology lead (chips, AI, quantum)", "index pts",
     "Average capability in semiconductors, AI and quantum minus the rival's (001:L22).", true, 1, Pillar::Protect},
    {"rival_leakage", "Rival access leakage", "%",
     "Share of the technology your camp controls that still reaches the rival through smuggling and third "
     "countries (001:L81, 001:L102).", false, 0, Pillar::Protect},
    {"dependence", "Dependence on the rival", "%",
     "Share of sector inputs sourced from the rival; lower means a more resilient supply chain (004:L407, 004:L460).",
     false, 1, Pillar::Protect},
    {"gdp_effect", "GDP effect", "% of GDP",
     "Output relative to the 2024 policy path: trade, capability, royalties, fiscal and energy costs.", true, 2, Pillar::Promote},
    {"trade_openness", "Trade openness with the rival", "index",
     "Trade and investment openness with the rival, 2024 = 100 (002:L14).", true, 0, Pillar::Partner},
    {"fiscal_cost", "Fiscal cost", "$bn/yr", "Public spending on subsidies, enforcement, energy and finance (001:L30).",
     false, 0, Pillar::Promote},
    {"cleantech_cost", "Clean-tech cost", "index",
     "Consumer cost of solar, batteries and EVs, 2024 = 100 (001 Kennedy, 002:L16).", false, 0, Pillar::Promote},
    {"innovation", "Innovation rate", "index", "Pace of innovation, 2024 = 100; falls when talent ties are cut (002:L16).",
     true, 0, Pillar::Promote},
    {"alliance_cohesion", "Alliance cohesion", "0-100", "How closely partners align with your camp (001:L416-L422); for the EU, weighed with its autonomy from both poles (001:L422-L426); for the Global South, how evenly it keeps both doors open.",
     true, 0, Pillar::Partner},
    {"gs_alignment", "Global South alignment", "0-100",
     "How far the swing states lean toward your camp (001:L47, 003:L341).", true, 0, Pillar::Partner},
    {"standards_fragmentation", "Standards fragmentation", "0-100",
     "How far technical standards split into two systems (003, 004:L1844-L1862).", false, 0, Pillar::Partner},
    {"escalation", "Escalation", "0-100", "Tit-for-tat intensity between the poles (001:L32).", false, 0, Pillar::Protect},
    {"capability", "Technology capability", "0-100", "Average capability across the six sectors.", true, 1, Pillar::Promote},
    {"standards_influence", "Standards influence", "%", "Share of international standards leadership (003:L265).",
     true, 1, Pillar::Partner},
    {"protect", "Protect score", "0-100", "Security: technology lead, low leakage, low dependence, low escalation.",
     true, 0, Pillar::Protect},
    {"promote", "Promote score", "0-100", "Prosperity: capability, GDP, innovation, fiscal and clean-tech costs.", true,
     0, Pillar::Promote},
    {"partner", "Partner score", "0-100", "Partnership: alliance cohesion, Global South, market integration with partners, one set of standards.",
     true, 0, Pillar::Partner},
    {"lead_years", "Technology lead in years", "years",
     "The technology lead (chips, AI, quantum) in years of frontier progress: the lead in points divided by the "
     "frontier's pace of 4 points a year (parameter frontier_pace; 001:L73: controls set a rival back years).",
     true, 1, Pillar::Protect, true},
    {"investment_from_rival", "Direct investment from the rival", "$bn/yr",
     "Direct investment the rival's firms make in the bloc each year. For the US: Chinese FDI, $23.4bn in 2017 and "
     "$3.2bn in 2022 (002:L14); it follows trade openness with an elasticity fitted to those two years.",
     true, 1, Pillar::Partner, true},
    {"venture_into_rival", "Venture investment into the rival", "$bn/yr",
     "Funding volume of the bloc's investors' deals with the rival's tech start-ups. For the US: $87bn in 2021, "
     "$46.3bn in 2022, $8.1bn in the first four months of 2023 (002:L14); it follows openness and outbound screening. "
     "Before 2021 the backcast extrapolates that fit beyond the observed years and overstates the level.",
     true, 1, Pillar::Partner, true},
    {"venture_deals_into_rival", "Venture deals with the rival", "deals/yr",
     "Number of the bloc's investors' deals with the rival's tech start-ups. For the US: 426 in 2021, 283 in 2022, "
     "fewer than 50 in the first four months of 2023 (002:L14); before 2021 the backcast overstates them, as venture "
     "funding.",
     true, 0, Pillar::Partner, true},
    {"iso_secretariats", "ISO secretariats held", "secretariats",
     "ISO technical-committee secretariats the bloc holds: its standards influence times the ISO total in the "
     "model's sectors, calibrated so that China holds 79 in 2019 (003:L265).",
     true, 0, Pillar::Partner, true},
    {"iec_secretariats", "IEC secretariats held", "secretariats",
     "IEC technical-committee secretariats the bloc holds, calibrated so that China holds 10 in 2019 (003:L265).",
     true, 0, Pillar::Partner, true},
    {"market_share", "World market share", "%",
     "The bloc's share of world sales in the six sectors, weighted by each sector's weight in the economy "
     "(parameter sector_weight; 001:L22, 001:L213).",
     true, 1, Pillar::Promote, true},
}};
inline const IndicatorDef& indicator_def(Indicator i) { return kIndicators[static_cast<int>(i)]; }
inline constexpr Pillar indicator_pillar(Indicator i) { return kIndicators[static_cast<int>(i)].pillar; }
inline constexpr Indicator pillar_indicator(Pillar p) {
    return static_cast<Indicator>(static_cast<int>(Indicator::ProtectScore) + static_cast<int>(p));
}
static_assert(indicator_pillar(pillar_indicator(Pillar::Protect)) == Pillar::Protect &&
                  indicator_pillar(pillar_indicator(Pillar::Promote)) == Pillar::Promote &&
                  indicator_pillar(pillar_indicator(Pillar::Partner)) == Pillar::Partner,
              "each pillar score belongs to its own pillar");

// Sector-level state, for the sector × bloc matrix.
enum class SectorMetric : int { Capability, MarketShare, Dependence, StandardsInfluence };
inline constexpr int kSectorMetricCount = 4;
// The ids by which files name them: guide goals ("sector_metric") and
// mechanism checks ("indicator" with a "sector").
inline constexpr std::array<std::string_view, kSectorMetricCount> kSectorMetricIds{"capability", "market_share",
                                                                                   "dependence", "standards_influence"};
inline constexpr std::array<std::string_view, kSectorMetricCount> kSectorMetricNames{
    "Capability (0-100)", "Market share (%)", "Dependence on rival (%)", "Standards influence (%)"};

// The components of each pillar score (model v2: outcomes, not inputs), for
// "Why did it move?". Each pillar score is to_score(sum of the components'
// contributions); a contribution is weight x (change since 2024) / scale.
inline constexpr int kMaxPillarComponents = 5;
struct PillarComponentDef {
    std::string_view key, name, unit, meaning;
};
inline constexpr std::array<int, kPillarCount> kPillarComponentCount{4, 5, 4};
inline constexpr std::array<std::array<PillarComponentDef, kMaxPillarComponents>, kPillarCount> kPillarComponents{{
    {{{"lead_years", "Technology lead", "years",
       "Lead over the rival in chips, AI and quantum, in years of frontier progress (001:L73: controls set a rival back years)."},
      {"rival_access", "Rival's access to controlled technology", "% of supply",
       "Share of the camp's chips, AI and quantum supply the rival can still obtain (after leakage, 001:L102)."},
      {"dependence", "Own dependence on the rival", "% of inputs", "Inputs sourced from the rival (004:L407, 004:L460)."},
      {"escalation", "Escalation", "0-100", "Tit-for-tat intensity (001:L32, 001:L135)."},
      {}}},
    {{{"capability_share", "Capability and market share", "index pts",
       "Sector-weighted capability and world market share (001:L22, 001:L43)."},
      {"gdp", "GDP", "% of GDP", "GDP relative to the 2024 policy path."},
      {"innovation", "Innovation", "index", "Pace of innovation (002:L16)."},
      {"fiscal", "Fiscal burden", "% of GDP", "Extra public spending as a share of GDP, rising convexly (001:L45)."},
      {"cleantech_cost", "Clean-tech cost", "index", "Consumer cost of clean technology (001:L139)."}}},
    {{{"cohesion", "Cohesion", "0-100",
       "Alignment of partners with the camp; for the EU also autonomy from both poles (001:L422-L426); for the Global South keeping both doors open."},
      {"third_countries", "Third countries", "0-100",
       "Global South alignment with the camp; for the Global South its own standards influence (003:L265)."},
      {"integration", "Integration", "0-1", "Market access offered and received, finance and trusted data flows with partners (001:L47, 000:L16)."},
      {"fragmentation", "One set of standards", "0-100", "Standards fragmentation, counted against (004:L1850)."},
      {}}},
}};

// A pillar score from its standardised sum z of component contributions: a
// smooth map onto 0..100 with 50 at z = 0 (the reference position).
inline double pillar_score(double z) { return 50.0 + 50.0 * z / (1.0 + (z < 0 ? -z : z)); }
inline double pillar_score_slope(double z) {
    const double d = 1.0 + (z < 0 ? -z : z);
    return 50.0 / (d * d);
}

struct Results {
    int years = 0;  // number of yearly points, base year included
    // [indicator][bloc][year]
    std::array<std::array<std::array<double, kMaxYears>, kBlocCount>, kIndicatorCount> ind{};
    // [metric][bloc][sector][year]
    std::array<std::array<std::array<std::array<double, kMaxYears>, kSectorCount>, kBlocCount>, kSectorMetricCount>
        sector{};

    // [pillar][component][bloc][year]: the component's value (change since
    // 2024, in its unit) and its contribution to the pillar's standardised score.
    std::array<std::array<std::array<std::array<double, kMaxYears>, kBlocCount>, kMaxPillarComponents>, kPillarCount>
        component_value{}, component_contribution{};
    // [pillar][component][bloc]: the component's weight in the bloc's score
    // (an assumption); 0 where the bloc's score leaves it out (the Global
    // South's Protect counts neither the lead nor the rival's access).
    std::array<std::array<std::array<double, kBlocCount>, kMaxPillarComponents>, kPillarCount> component_weight{};

    // The backcast 2017..2023 ([indicator][bloc][year - kFirstYear]), filled
    // when the run asked for it (RunInput::history); identical for every
    // scenario and seat. The base year itself is ind[..][..][0].
    bool has_history = false;
    std::array<std::array<std::array<double, kHistoryYears>, kBlocCount>, kIndicatorCount> hist{};
    // The value in a calendar year, history included (kFirstYear..horizon).
    double at_year(Indicator i, Bloc b, int calendar_year) const {
        return calendar_year < kBaseYear ? hist[static_cast<int>(i)][idx(b)][calendar_year - kFirstYear]
                                         : at(i, b, calendar_year - kBaseYear);
    }

    double at(Indicator i, Bloc b, int year_index) const {
        return ind[static_cast<int>(i)][idx(b)][year_index];
    }
    double last(Indicator i, Bloc b) const { return at(i, b, years - 1); }
    int year(int year_index) const { return kBaseYear + year_index; }
};

// Inclusive bounds of an indicator, or NaN where it has none on that side:
// the property tests hold every run to them, and a chart's axis stops there.
struct Bounds {
    double lo, hi;
};
inline Bounds indicator_bounds(Indicator i) {
    constexpr double none = std::numeric_limits<double>::quiet_NaN();
    switch (i) {
        case Indicator::TechLead: return {-100, 100};
        case Indicator::RivalLeakage:
        case Indicator::Dependence:
        case Indicator::AllianceCohesion:
        case Indicator::GlobalSouthAlignment:
        case Indicator::StandardsFragmentation:
        case Indicator::Escalation:
        case Indicator::Capability:
        case Indicator::StandardsInfluence:
        case Indicator::ProtectScore:
        case Indicator::PromoteScore:
        case Indicator::PartnerScore:
        case Indicator::MarketShare: return {0, 100};
        case Indicator::LeadYears: return {-40, 40};  // 100 index points at the slowest pace, 2.5 a year
        case Indicator::InvestmentFromRival:
        case Indicator::VentureIntoRival:
        case Indicator::VentureDealsIntoRival:
        case Indicator::IsoSecretariats:
        case Indicator::IecSecretariats:
        case Indicator::TradeOpenness:
        case Indicator::FiscalCost:
        case Indicator::CleanTechCost:
        case Indicator::Innovation: return {0, none};
        case Indicator::GdpEffect: return {none, none};
    }
    return {none, none};
}

}  // namespace tl
