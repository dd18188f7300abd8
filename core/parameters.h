// The calibration table. Every number the dynamics use lives here, loaded from
// the embedded assets/parameters.json where each entry names its source
// (seed file and line, e.g. "001:L81") or is marked an assumption with a
// low/central/high range that users can move in the Assumptions panel.
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace tl {

// New parameters go at the end: share codes store assumption positions by
// index (model v2 appended BreadthLeakCut's successors).
// X(enum name, json id, dimension). Dimension: 1 scalar, kSectorCount per
// sector, kBlocCount per bloc.
#define TL_PARAMETERS(X)                                         \
    X(BaseLeakage, "base_leakage", kSectorCount)                 \
    X(EnforcementHalf, "enforcement_half", 1)                    \
    X(TransshipmentCut, "transshipment_cut", 1)                  \
    X(ControlDrag, "control_drag", kSectorCount)                 \
    X(ChinaDemandShare, "china_demand_share", kSectorCount)      \
    X(RevenueToRnd, "revenue_to_rnd", 1)                         \
    X(IndigenizationTau, "indigenization_tau", 1)                \
    X(IndigenizationGain, "indigenization_gain", 1)              \
    X(BreadthDecoupling, "breadth_decoupling", 1)                \
    X(ScreeningDecoupling, "screening_decoupling", 1)            \
    X(TariffDecoupling, "tariff_decoupling", 1)                  \
    X(EscalationDecoupling, "escalation_decoupling", 1)          \
    X(OpennessTau, "openness_tau", 1)                            \
    X(BaseGrowth, "base_growth", kSectorCount)                   \
    X(Diffusion, "diffusion", 1)                                 \
    X(SubsidyGain, "subsidy_gain", 1)                            \
    X(SubsidyHalf, "subsidy_half", kSectorCount)                 \
    X(PrivateLeverage, "private_leverage", 1)                    \
    X(PowerIntensity, "power_intensity", kSectorCount)           \
    X(PowerGap, "power_gap", kBlocCount)                         \
    X(EnergyHalf, "energy_half", 1)                              \
    X(DomesticCapture, "domestic_capture", 1)                    \
    X(SubsidyRace, "subsidy_race", 1)                            \
    X(MarketSize, "market_size", kBlocCount)                     \
    X(ShareTau, "share_tau", 1)                                  \
    X(TariffShield, "tariff_shield", 1)                          \
    X(ImportDisplacement, "import_displacement", 1)              \
    X(DomesticContentExclusion, "domestic_content_exclusion", 1) \
    X(AlignTau, "align_tau", 1)                                  \
    X(AlignBase, "align_base", kBlocCount)                       \
    X(AlignMarketAccess, "align_market_access", 1)               \
    X(AlignFinance, "align_finance", 1)                          \
    X(FinanceHalf, "finance_half", 1)                            \
    X(AlignCoordination, "align_coordination", 1)                \
    X(AlignIrritation, "align_irritation", 1)                    \
    X(AlignCoercion, "align_coercion", 1)                        \
    X(ConsentBase, "consent_base", kBlocCount)                   \
    X(ConsentCost, "consent_cost", 1)                            \
    X(ChinaExposure, "china_exposure", kBlocCount)               \
    X(StandardsShareTarget, "standards_floor", 1)                \
    X(StandardsFinance, "standards_finance", 1)                  \
    X(StandardsTau, "standards_tau", 1)                          \
    X(StandardsWeight, "standards_weight", kSectorCount)         \
    X(FragmentationExclusion, "fragmentation_exclusion", 1)      \
    X(FragmentationTau, "fragmentation_tau", 1)                  \
    X(DuplicationCost, "duplication_cost", 1)                    \
    X(StandardsTradeShare, "standards_trade_share", 1)           \
    X(PatentedShare, "patented_share", 1)                        \
    X(RoyaltyGdp, "royalty_gdp", 1)                              \
    X(CleanTechChinaShare, "cleantech_china_share", 1)           \
    X(CleanTechPassThrough, "cleantech_pass_through", 1)         \
    X(MineralsDependence, "minerals_dependence", kBlocCount)     \
    X(TalentDependence, "talent_dependence", kBlocCount)         \
    X(TalentSectorWeight, "talent_sector_weight", kSectorCount)  \
    X(EscalationTau, "escalation_tau", 1)                        \
    X(EscalationControls, "escalation_controls", 1)              \
    X(EscalationTariffs, "escalation_tariffs", 1)                \
    X(EscalationRetaliation, "escalation_retaliation", 1)        \
    X(ReactIndigenizationSubsidy, "react_china_subsidy", kBlocCount) \
    X(ReactRetaliation, "react_retaliation", kBlocCount)         \
    X(ReactMirrorTariffs, "react_mirror_tariffs", 1)             \
    X(RetaliationDrag, "retaliation_drag", 1)                    \
    X(TradeExposure, "trade_exposure", kBlocCount)               \
    X(GdpPerCapability, "gdp_per_capability", 1)                 \
    X(GdpSize, "gdp_size", kBlocCount)                           \
    X(FiscalDrag, "fiscal_drag", 1)                              \
    X(CleanTechGdp, "cleantech_gdp", 1)                          \
    X(MarketAccessGdp, "market_access_gdp", 1)                   \
    X(FragmentationTrade, "fragmentation_trade", 1)              \
    X(ReshoringEffect, "reshoring_effect", 1)                    \
    X(ChinaCoordination, "china_coordination", 1)                \
    X(BaseCapability, "base_capability", kBlocCount * kSectorCount) \
    X(BaseShare, "base_share", kBlocCount * kSectorCount)        \
    X(BaseDependence, "base_dependence", kBlocCount * kSectorCount) \
    X(BaseStandards, "base_standards", kBlocCount * kSectorCount) \
    X(BaseOpenness, "base_openness", kBlocCount)                 \
    X(BaseEscalation, "base_escalation", 1)                      \
    X(BaseFragmentation, "base_fragmentation", kSectorCount)     \
    X(ScoreWeightsProtect, "score_weights_protect", 4 * kBlocCount) \
    X(ScoreWeightsPromote, "score_weights_promote", 5 * kBlocCount) \
    X(ScoreWeightsPartner, "score_weights_partner", 4 * kBlocCount) \
    X(DataTriangleWeights, "data_triangle_weights", 8)           \
    X(IrritationWithoutContent, "irritation_without_content", 1) \
    X(AllianceStrain, "alliance_strain", 1)                      \
    X(EscalationGdp, "escalation_gdp", 1)                        \
    X(AccessLeakage, "access_leakage", 1)                        \
    X(FiscalConvexity, "fiscal_convexity", kBlocCount)                 \
    X(StandardsMarket, "standards_market", 1)                    \
    X(TariffCost, "tariff_cost", 1)                              \
    X(BreadthLeakCut, "breadth_leak_cut", 1)                     \
    X(PhaseInYears, "phase_in_years", 1)                         \
    X(FrontierPace, "frontier_pace", 1)                          \
    X(KnowHowTransfer, "know_how_transfer", 1)                   \
    X(SectorWeight, "sector_weight", kSectorCount)               \
    X(UsDigitalDependence, "us_digital_dependence", kBlocCount)  \
    X(AutonomyWeight, "autonomy_weight", kBlocCount)             \
    X(ToolChokepoint, "tool_chokepoint", kSectorCount)           \
    X(ReactRivalSubsidy, "react_rival_subsidy", 1)                 \
    X(DataFlowExposure, "data_flow_exposure", 1)                   \
    X(PrivacyCompliance, "privacy_compliance_cost", 1)             \
    X(TalentTies, "talent_ties_dependence", 1)                     \
    X(CleanTechLearning, "cleantech_learning", 1)                  \
    X(RivalLocalisation, "rival_localisation", 1)                  \
    X(VendorDiversityDrag, "vendor_diversity_drag", 1)             \
    X(EnforcementMaxCut, "enforcement_max_cut", 1)                 \
    X(ListingStandardsSpill, "listing_standards_spill", 1)         \
    X(GsChinaTies, "gs_china_ties", 1)                             \
    X(ReactCountervailing, "react_countervailing", 1)              \
    X(InvestmentElasticity, "investment_elasticity", 1)            \
    X(Investment2024, "investment_2024", kBlocCount)               \
    X(Venture2024, "venture_2024", kBlocCount)                     \
    X(VentureDealSize, "venture_deal_size", 1)                     \
    X(IsoSecretariatsTotal, "iso_secretariats_total", 1)           \
    X(IecSecretariatsTotal, "iec_secretariats_total", 1)           \
    X(TrendChinaCatchUp, "trend_china_catch_up", 1)                \
    X(TrendChinaIndigenization, "trend_china_indigenization", 1)   \
    X(TrendChinaStandards, "trend_china_standards", 1)             \
    X(TrendInvestmentDecoupling, "trend_investment_decoupling", 1)

enum class Param : int {
#define TL_PARAM_ENUM(name, id, dim) name,
    TL_PARAMETERS(TL_PARAM_ENUM)
#undef TL_PARAM_ENUM
};
inline constexpr int kParamCount = 0
#define TL_PARAM_COUNT(name, id, dim) +1
    TL_PARAMETERS(TL_PARAM_COUNT)
#undef TL_PARAM_COUNT
    ;

struct ParamDef {
    Param id;
    std::string key;
    std::string name;     // plain words for the Assumptions panel
    std::string unit;
    int dim = 1;          // 1, kSectorCount or kBlocCount (or a small count of weights)
    std::vector<double> low, central, high;
    bool assumption = false;  // true: a modelling judgement, adjustable within [low, high]
    std::string source;       // seed citations, e.g. "001:L81"; for assumptions what informs them
    std::string note;         // why this value
    int offset = 0;           // position of the first element in ParamValues::v
    bool uncertain() const;   // has a range that Monte Carlo samples
};

const std::vector<ParamDef>& param_defs();
const ParamDef& param_def(Param p);
int param_value_count();

// An assumption setting: for each parameter a position in [-1, 1]
// (-1 = low, 0 = central, +1 = high), the way users move assumptions.
using AssumptionPositions = std::array<double, kParamCount>;
inline AssumptionPositions central_assumptions() { return AssumptionPositions{}; }

// Where each parameter's values start, known at compile time so that a
// lookup in the dynamics is a load at a fixed offset.
inline constexpr std::array<int, kParamCount> kParamDims{
#define TL_PARAM_DIM(name, id, dim) dim,
    TL_PARAMETERS(TL_PARAM_DIM)
#undef TL_PARAM_DIM
};
inline constexpr std::array<int, kParamCount> kParamOffsets = [] {
    std::array<int, kParamCount> o{};
    int at = 0;
    for (int i = 0; i < kParamCount; ++i) o[i] = at, at += kParamDims[i];
    return o;
}();
inline constexpr int kParamValueCount = kParamOffsets[kParamCount - 1] + kParamDims[kParamCount - 1];

// Materialised parameter values for the dynamics.
struct ParamValues {
    std::array<double, kParamValueCount> v{};
    double operator()(Param p, int i = 0) const { return v[kParamOffsets[static_cast<int>(p)] + i]; }
};
ParamValues materialize(const AssumptionPositions& positions);
// The same into an existing buffer (no allocation once sized): Monte Carlo's hot path.
void materialize_into(const AssumptionPositions& positions, ParamValues& out);
// Value of one element at a position in [-1, 1].
double param_value_at(const ParamDef& def, int element, double position);

}  // namespace tl
