#include "core/trilemma.h"

#include <algorithm>

namespace tl {

namespace {
constexpr std::array<TrilemmaDef, kTrilemmaCount> kTrilemmas{{
    {TrilemmaId::EconomicSecurity, "economic_security", "Economic-security trilemma",
     {"Protect", "Promote", "Partner"},
     {"Keep sensitive technology from rivals", "Build domestic capability", "Integrate with allies and third countries"},
     "001:L36: policymakers can pursue any two sets of measures, but not without sacrificing the third"},
    {TrilemmaId::DataGovernance, "data_governance", "Data-governance triangle",
     {"Privacy", "Business", "Security"},
     {"Individuals' privacy, a human-centred approach (the EU)", "Free data flows for business (the US)",
      "State security: localisation and transfer reviews (China)"},
     "004:L2101-L2123"},
}};
}  // namespace

const TrilemmaDef& trilemma_def(TrilemmaId id) { return kTrilemmas[static_cast<int>(id)]; }

TrilemmaScores trilemma_scores(TrilemmaId id, const Scenario& s, const Results& r, Bloc bloc, int year_index) {
    year_index = std::clamp(year_index, 0, r.years - 1);
    if (id == TrilemmaId::EconomicSecurity)
        return {r.at(Indicator::ProtectScore, bloc, year_index), r.at(Indicator::PromoteScore, bloc, year_index),
                r.at(Indicator::PartnerScore, bloc, year_index)};
    // Data governance: weights from the parameter table (data_triangle_weights).
    ParamValues P = materialize(s.assumptions);
    const Policy& p = s.policy[idx(bloc)];
    double loc = p[slot_of(LeverId::DataLocalization)] / 100.0;
    double flows = p[slot_of(LeverId::DataFlowOpenness)] / 100.0;
    double privacy = p[slot_of(LeverId::PrivacyProtection)] / 100.0;
    double openness = std::clamp(r.at(Indicator::TradeOpenness, bloc, year_index) / 100.0, 0.0, 1.0);
    auto w = [&](int i) { return P(Param::DataTriangleWeights, i); };
    double priv = w(0) * privacy + w(1) * (1.0 - loc);
    double business = w(2) * flows + w(3) * (1.0 - loc) + w(4) * (1.0 - privacy) + w(5) * openness;
    double security = w(6) * loc + w(7) * (1.0 - flows);
    auto pct = [](double x) { return std::clamp(100.0 * x, 0.0, 100.0); };
    return {pct(priv), pct(business), pct(security)};
}

}  // namespace tl
