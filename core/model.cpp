// The dynamics of Trilemma Lab. Index:
//   [SECTION] Levers in model units
//   [SECTION] State
//   [SECTION] Reactions of the blocs the user does not play
//   [SECTION] Mechanisms (one function each, numbered as in MODEL.md)
//   [SECTION] Indicators and pillar scores
//   [SECTION] The yearly loop
//
// Stocks that change slowly (capability, market share, dependence, standards
// influence, alignment, openness, escalation, fragmentation) are integrated
// year by year; flows are computed from levers and stocks. Every coefficient
// comes from the parameter table (core/parameters.h, assets/parameters.json).
// Saturating terms use x / (x + half) rather than exp/log: the run must stay
// within a few microseconds so that Monte Carlo bands follow a dragged slider.
#include "core/model.h"

#include <algorithm>
#include <cmath>

namespace tl {
namespace {

constexpr int B = kBlocCount;
constexpr int S = kSectorCount;
constexpr int kUS = 0, kChina = 1, kEU = 2, kAllies = 3, kGS = 4;
constexpr int kSemis = 0, kAI = 1, kQuantum = 2, kClean = 3;

double clamp01(double x) { return x < 0.0 ? 0.0 : (x > 1.0 ? 1.0 : x); }
double saturate(double x, double half) { return x <= 0.0 ? 0.0 : x / (x + half); }
// A smooth map of a standardised score z onto 0..100 with 50 at z = 0.
double to_score(double z) { return 50.0 + 50.0 * z / (1.0 + std::fabs(z)); }

// ---------------------------------------------------------------------------
// [SECTION] Levers in model units: fractions for percentages, $bn for money.
// ---------------------------------------------------------------------------
struct Levers {
    double controls[S], tariffs[S], subsidies[S];  // fractions, fractions, $bn/yr
    double breadth, enforcement_musd, inbound, outbound, localization;
    double domestic_content, energy_bn, talent;
    double market_access, coordination, standards_participation, standards_openness;
    double finance_bn, data_flow, privacy;

    // Aggregates used by many mechanisms, computed once per year (finalize()).
    double sum_controls, sum_tariffs, sum_subsidies;
    double mean_controls() const { return sum_controls * (1.0 / S); }
    double mean_tariffs() const { return sum_tariffs * (1.0 / S); }
    double total_subsidies() const { return sum_subsidies; }
    void finalize() {
        sum_controls = sum_tariffs = sum_subsidies = 0;
        for (int s = 0; s < S; ++s) sum_controls += controls[s], sum_tariffs += tariffs[s], sum_subsidies += subsidies[s];
    }
};

Levers to_model_units(const Policy& p) {
    Levers l{};
    auto pct = [&](LeverId id, Sector s = Sector::Semis) { return p[slot_of(id, s)] / 100.0; };
    auto raw = [&](LeverId id, Sector s = Sector::Semis) { return p[slot_of(id, s)]; };
    for (int s = 0; s < S; ++s) {
        l.controls[s] = pct(LeverId::ExportControls, Sector(s));
        l.tariffs[s] = pct(LeverId::Tariffs, Sector(s));
        l.subsidies[s] = raw(LeverId::Subsidies, Sector(s));
    }
    l.breadth = pct(LeverId::ControlBreadth);
    l.enforcement_musd = raw(LeverId::Enforcement);
    l.inbound = pct(LeverId::InboundScreening);
    l.outbound = pct(LeverId::OutboundScreening);
    l.localization = pct(LeverId::DataLocalization);
    l.domestic_content = pct(LeverId::DomesticContent);
    l.energy_bn = raw(LeverId::EnergyEnablers);
    l.talent = pct(LeverId::TalentOpenness);
    l.market_access = pct(LeverId::MarketAccess);
    l.coordination = pct(LeverId::AllianceCoordination);
    l.standards_participation = pct(LeverId::StandardsParticipation);
    l.standards_openness = pct(LeverId::StandardsOpenness);
    l.finance_bn = raw(LeverId::InfrastructureFinance);
    l.data_flow = pct(LeverId::DataFlowOpenness);
    l.privacy = pct(LeverId::PrivacyProtection);
    l.finalize();
    return l;
}

// ---------------------------------------------------------------------------
// [SECTION] State
// ---------------------------------------------------------------------------
struct State {
    double cap[B][S];    // technology capability 0..100
    double share[B][S];  // global market share, sums to 1 per sector
    double dep[B][S];    // dependence on the rival's inputs 0..1
    double stdi[B][S];   // standards influence, sums to 1 per sector
    double indig[B][S];  // drive to "design out" the rival's technology 0..1
    double align[B];     // alignment with the Western camp 0..1
    double open[B];      // trade & investment openness with the rival 0..1
    double esc;          // escalation 0..1
    double frag[S];      // standards fragmentation 0..1
};

void init_state(const ParamValues& P, State& st) {
    for (int b = 0; b < B; ++b) {
        for (int s = 0; s < S; ++s) {
            st.cap[b][s] = P(Param::BaseCapability, b * S + s);
            st.share[b][s] = P(Param::BaseShare, b * S + s) / 100.0;
            st.dep[b][s] = P(Param::BaseDependence, b * S + s) / 100.0;
            st.stdi[b][s] = P(Param::BaseStandards, b * S + s) / 100.0;
            st.indig[b][s] = 0.0;
        }
        st.align[b] = P(Param::AlignBase, b);
        st.open[b] = P(Param::BaseOpenness, b);
    }
    for (int s = 0; s < S; ++s) {  // shares are data rounded by hand: normalise
        double share_sum = 0, std_sum = 0;
        for (int b = 0; b < B; ++b) share_sum += st.share[b][s], std_sum += st.stdi[b][s];
        for (int b = 0; b < B; ++b) {
            st.share[b][s] = share_sum > 0 ? st.share[b][s] / share_sum : 1.0 / B;
            st.stdi[b][s] = std_sum > 0 ? st.stdi[b][s] / std_sum : 1.0 / B;
        }
        st.frag[s] = P(Param::BaseFragmentation, s);
    }
    st.esc = P(Param::BaseEscalation);
}

// The rival whose inputs a bloc depends on and whose capability it races:
// China for the Western camp and the Global South, the US for China.
int rival_of(int b) { return b == kChina ? kUS : kChina; }

// ---------------------------------------------------------------------------
// [SECTION] Reactions of the blocs the user does not play (MODEL.md "Actors").
// ---------------------------------------------------------------------------

// Allies consent to follow the leader's controls as far as their own costs are
// met: "highest common denominator" (001 Harithas), "Europe is the crux"
// (001:L416-L422). Consent grows with the leader's market access and the
// ally's alignment, and falls with its exposure to the Chinese market.
double ally_consent(const ParamValues& P, const State& st, const Levers& leader, int ally) {
    double c = P(Param::ConsentBase, ally) + P(Param::AlignMarketAccess) * leader.market_access +
               (st.align[ally] - P(Param::AlignBase, ally)) -
               P(Param::ConsentCost) * P(Param::ChinaExposure, ally) * leader.mean_controls();
    return clamp01(c);
}

void react_rules(const ParamValues& P, const State& st, int seat, const double pressure_on_china[S],
                 const Levers (&policy)[B], Levers (&eff)[B]);
void react(const ParamValues& P, const State& st, int seat, const double pressure_on_china[S],
           const Levers (&policy)[B], Levers (&eff)[B]) {
    react_rules(P, st, seat, pressure_on_china, policy, eff);
    for (int b = 0; b < B; ++b) eff[b].finalize();
}

void react_rules(const ParamValues& P, const State& st, int seat, const double pressure_on_china[S],
                 const Levers (&policy)[B], Levers (&eff)[B]) {
    for (int b = 0; b < B; ++b) eff[b] = policy[b];
    // China "designs out" controls with subsidies and retaliates on processed
    // critical minerals (001:L32); tit-for-tat tariffs.
    if (seat != kChina) {
        double mean_pressure = 0;
        for (int s = 0; s < S; ++s) {
            eff[kChina].subsidies[s] += P(Param::ReactIndigenizationSubsidy) * pressure_on_china[s];
            double west_tariff = (policy[kUS].tariffs[s] + policy[kEU].tariffs[s] + policy[kAllies].tariffs[s]) / 3.0;
            eff[kChina].tariffs[s] = std::max(eff[kChina].tariffs[s], P(Param::ReactMirrorTariffs) * west_tariff);
            mean_pressure += pressure_on_china[s] / S;
        }
        eff[kChina].controls[kClean] =
            std::max(eff[kChina].controls[kClean], clamp01(P(Param::ReactRetaliation) * (mean_pressure + st.esc)));
    }
    if (seat != kUS)
        for (int s = 0; s < S; ++s)
            eff[kUS].tariffs[s] = std::max(eff[kUS].tariffs[s], P(Param::ReactMirrorTariffs) * policy[kChina].tariffs[s]);
    // Allies follow US controls in proportion to coordination and consent, and
    // answer domestic-content subsidies in kind (the subsidy race, 001:L34).
    for (int ally : {kEU, kAllies}) {
        if (ally == seat) continue;
        double follow = policy[kUS].coordination * ally_consent(P, st, policy[kUS], ally);
        for (int s = 0; s < S; ++s) {
            eff[ally].controls[s] = std::max(eff[ally].controls[s], follow * policy[kUS].controls[s]);
            eff[ally].subsidies[s] += P(Param::SubsidyRace) * policy[kUS].domestic_content * policy[kUS].subsidies[s] *
                                      P(Param::MarketSize, ally) / P(Param::MarketSize, kUS);
        }
    }
}

// ---------------------------------------------------------------------------
// [SECTION] Mechanisms
// ---------------------------------------------------------------------------
// The base-year state is the equilibrium of the 2024 policies: each stock
// moves toward a target that is its 2024 value shifted by how far this year's
// drivers differ from the drivers of 2024 (computed once, with the reference
// policies, at the base state). Capability alone has a trend of its own.

// Flows of one year, shared by the mechanisms and the indicators.
struct Flows {
    double leak[B][S];           // share of a controller's controlled items that leaks (smuggling, transshipment)
    double denied_china[S];      // share of non-Chinese supply effectively denied to China
    double intended_china[S];    // the strongest Western control: what the camp means to deny
    double denied_west[S];       // share of supply China effectively denies to the West (e.g. minerals)
    double subsidy_eff[B][S];    // effective subsidy incl. private leverage, after power limits ($bn)
    double capture[B];           // share of subsidy-induced output captured at home
    double offer_west[B];        // market access the Western camp offers bloc b (0..1)
    double integration[B];       // trade integration with partners: access offered and received (0..1)
    double innovation[B];        // 0..1, 1 = fully open research ties
    double fiscal_share[B];      // spending on the levers, share of GDP
    double cleantech_cost[B];    // index, 2024 = 100 before policy
    double tariff_burden[B];     // tariffs weighted by the rival's share of each sector's supply
    double rival_leakage[B];     // indicator, share
    double denial_by_camp[B];    // share of the rival's triad access denied by the bloc's camp
};

// What the stocks' targets depend on; compared with the same at 2024.
struct Drivers {
    double openness[B];      // product of the decoupling factors (multiplicative)
    double alignment[B];     // pull toward the Western camp (additive)
    double std_weight[B][S]; // weight in standards bodies (multiplicative, shared out)
    double fragmentation[S]; // push toward two systems (additive)
    double comp[B][S];       // competitiveness (multiplicative, shared out)
    double dependence[B][S]; // factor on dependence (multiplicative)
    double escalation;       // (additive)
};

// 1. Export controls raise the rival's acquisition cost in proportion to
// enforceability, enforcement capacity and allied alignment; leakage
// otherwise. Chips are smuggled by the box, EUV tools are not (001:L102);
// BIS has < 600 staff and ~$200M (001:L81). Unilateral controls leak through
// suppliers that do not follow (third countries, 001:L32).
void mechanism_controls(const ParamValues& P, const State& st, const Levers (&L)[B], Flows& f) {
    double coordination = L[kUS].coordination;
    for (int b = 0; b < B; ++b) {
        double enforcement = saturate(L[b].enforcement_musd, P(Param::EnforcementHalf));
        for (int s = 0; s < S; ++s)
            // A narrow yard leaves more ways around it: unlisted entities,
            // re-labelled items (001:L116, 001:L131).
            f.leak[b][s] = P(Param::BaseLeakage, s) * (1.0 - enforcement) * (1.0 - P(Param::BreadthLeakCut) * L[b].breadth) *
                           (1.0 - P(Param::TransshipmentCut) * coordination * (is_western(b) ? 1.0 : 0.0));
    }
    for (int s = 0; s < S; ++s) {
        double supply = 0, denied = 0, intended = 0;
        for (int b = 0; b < B; ++b) {
            if (b == kChina) continue;
            supply += st.share[b][s];
            if (is_western(b)) {
                denied += st.share[b][s] * L[b].controls[s] * (1.0 - f.leak[b][s]);
                intended = std::max(intended, L[b].controls[s]);
            }
        }
        f.denied_china[s] = supply > 0 ? denied / supply : 0.0;
        f.intended_china[s] = intended;
        // China's own controls (processed critical minerals: 001:L32) bite in
        // proportion to its share of world supply.
        f.denied_west[s] = st.share[kChina][s] * L[kChina].controls[s] * (1.0 - f.leak[kChina][s]);
    }
    // Indicator: of what the camp means to deny, the share that still gets through.
    for (int b = 0; b < B; ++b) {
        double weight = 0, leaked = 0, triad_denial = 0;
        for (int s = 0; s < S; ++s) {
            double intended = b == kChina ? L[kChina].controls[s] : f.intended_china[s];
            double denied = b == kChina ? L[kChina].controls[s] * (1.0 - f.leak[kChina][s]) : f.denied_china[s];
            double w = intended + 1e-6;  // uncontrolled sectors still report their potential leakage
            weight += w;
            leaked += w * (intended > 1e-9 ? clamp01(1.0 - denied / intended) : f.leak[b][s]);
            if (s <= kQuantum) triad_denial += (b == kGS ? 0.0 : (b == kChina ? f.denied_west[s] : denied)) / 3.0;
        }
        f.rival_leakage[b] = leaked / weight;
        f.denial_by_camp[b] = triad_denial;
    }
}

// 2. Controls cost the controlling bloc's firms revenue, and so R&D: more than
// 90% of AI chips in Chinese data centres were designed by US firms (001:L63).
// Broad controls cut more sales than narrow ones (001:L135).
double mechanism_revenue_loss(const ParamValues& P, const Levers& l, int s) {
    return l.controls[s] * P(Param::ChinaDemandShare, s) * (0.5 + 0.5 * l.breadth);
}

// 3. Controls spur the rival's indigenisation — "design out" (001:L32) — with
// a delay; the drive then speeds the rival's own capability growth (001:L137).
// The drive each bloc's denied inputs sustain: China's from Western denial,
// deeper when restrictions are broad; the West's from China's controls, as far
// as it depends on China for those inputs.
void indigenization_targets(const Flows& f, const Levers (&L)[B], const State& st, double (&target)[B][S]) {
    double breadth = (L[kUS].breadth + L[kEU].breadth + L[kAllies].breadth) / 3.0;
    for (int s = 0; s < S; ++s) {
        target[kChina][s] = clamp01(f.denied_china[s] * (1.0 + breadth));
        for (int w : {kUS, kEU, kAllies}) target[w][s] = clamp01(f.denied_west[s] * 2.0 * st.dep[w][s]);
    }
}

void mechanism_indigenization(const ParamValues& P, const Flows& f, const Levers (&L)[B], State& st) {
    double target[B][S];
    indigenization_targets(f, L, st, target);
    const double tau = P(Param::IndigenizationTau);
    for (int s = 0; s < S; ++s)
        for (int b : {kChina, kUS, kEU, kAllies}) st.indig[b][s] += (target[b][s] - st.indig[b][s]) / tau;
}

// At the base year the drive stands where the 2024 policies sustain it.
void mechanism_indigenization_start(const Flows& f, const Levers (&L)[B], State& st) {
    double target[B][S];
    indigenization_targets(f, L, st, target);
    for (int s = 0; s < S; ++s)
        for (int b : {kChina, kUS, kEU, kAllies}) st.indig[b][s] = target[b][s];
}

// 4. Breadth matters: broad restrictions, screening and tariffs decouple trade
// and investment well beyond the target — Chinese FDI in the US fell from
// $23.4bn (2017) to $3.2bn (2022) (002:L14); ~1,000 entities listed (001:L131).
// Split standards also divide markets: ~80% of trade is affected by standards (004:L1766).
void drivers_openness(const ParamValues& P, const State& st, const Levers (&L)[B], Drivers& d) {
    double frag_mean = 0;
    for (int s = 0; s < S; ++s) frag_mean += st.frag[s] / S;
    double common = (1.0 - P(Param::FragmentationTrade) * P(Param::StandardsTradeShare) * frag_mean);
    double west_sum = 0, west_weight = 0;
    for (int b = 0; b < B; ++b) {
        if (b == kChina) continue;
        const Levers& l = L[b];
        d.openness[b] = (1.0 - P(Param::BreadthDecoupling) * l.breadth * l.mean_controls()) *
                        (1.0 - P(Param::ScreeningDecoupling) * 0.5 * (l.inbound + l.outbound)) *
                        (1.0 - P(Param::TariffDecoupling) * 0.5 * (l.mean_tariffs() + L[kChina].mean_tariffs())) *
                        (1.0 - P(Param::EscalationDecoupling) * st.esc * (b == kGS ? 0.3 : 1.0)) * common;
        if (is_western(b)) {
            west_sum += P(Param::MarketSize, b) * d.openness[b];
            west_weight += P(Param::MarketSize, b);
        }
    }
    // China's openness with the West mirrors the West's with China, further
    // cut by China's own screening.
    d.openness[kChina] = west_sum / west_weight *
                         (1.0 - P(Param::ScreeningDecoupling) * 0.5 * (L[kChina].inbound + L[kChina].outbound));
}

// 5. Subsidies raise capability and share at a fiscal cost, leveraging private
// investment (> $900bn committed, 001:L30); power limits cap what energy-hungry
// sectors can absorb unless the grid grows (001:L213-L215); domestic-content
// rules keep more of the output at home but trigger a subsidy race (001:L34).
void mechanism_subsidies(const ParamValues& P, const Levers (&L)[B], Flows& f) {
    for (int b = 0; b < B; ++b) {
        double power_gap = P(Param::PowerGap, b) * (1.0 - saturate(L[b].energy_bn, P(Param::EnergyHalf)));
        for (int s = 0; s < S; ++s) {
            double energy_factor = 1.0 - P(Param::PowerIntensity, s) * power_gap;
            f.subsidy_eff[b][s] = L[b].subsidies[s] * (1.0 + P(Param::PrivateLeverage)) * energy_factor;
        }
        // Open markets let partners' imports meet subsidised demand (001:L367).
        f.capture[b] = (P(Param::DomesticCapture) + (1.0 - P(Param::DomesticCapture)) * L[b].domestic_content) *
                       (1.0 - P(Param::AccessLeakage) * L[b].market_access);
        double fiscal = L[b].total_subsidies() + L[b].enforcement_musd / 1000.0 + L[b].energy_bn + L[b].finance_bn;
        f.fiscal_share[b] = fiscal / (P(Param::GdpSize, b) * 1000.0);  // GDP in $tn
    }
}

// 6. Market access offered to partners buys their alignment; domestic-content
// rules exclude partners' products and so hollow the offer (001:L34, L47).
double effective_access(const ParamValues& P, const Levers& l) {
    return l.market_access * (1.0 - P(Param::DomesticContentExclusion) * l.domestic_content);
}
void mechanism_market_access(const ParamValues& P, const Levers (&L)[B], Flows& f) {
    for (int p = 0; p < B; ++p) {
        double offered = 0, weight = 0;
        for (int w : {kUS, kEU, kAllies}) {
            if (w == p) continue;
            offered += P(Param::MarketSize, w) * effective_access(P, L[w]);
            weight += P(Param::MarketSize, w);
        }
        f.offer_west[p] = weight > 0 ? offered / weight : 0.0;
    }
    // Integration with partners (not with the rival): what a bloc opens to
    // its partners and what they open to it.
    const double china = effective_access(P, L[kChina]);
    for (int b = 0; b < B; ++b) {
        if (is_western(b)) f.integration[b] = 0.5 * (effective_access(P, L[b]) + f.offer_west[b]);
        else if (b == kChina) f.integration[b] = 0.5 * (china + effective_access(P, L[kGS]));
        else f.integration[b] = 0.5 * (f.offer_west[b] + china);
    }
}

// 6/7/11. Alignment of EU, Allies and the Global South with the Western camp.
// They lean toward whoever offers market access and finance (001:L47, 001:L369;
// 003:L341 BRI), resent domestic-content subsidy races (001:L34), and are
// pushed away by broad extraterritorial controls (001:L125).
void drivers_alignment(const ParamValues& P, const Levers (&L)[B], const Flows& f, Drivers& d) {
    double china_offer = effective_access(P, L[kChina]);
    double west_finance = L[kUS].finance_bn + L[kEU].finance_bn + L[kAllies].finance_bn;
    double finance_pull =
        saturate(west_finance, P(Param::FinanceHalf)) - saturate(L[kChina].finance_bn, P(Param::FinanceHalf));
    double coercion = L[kUS].breadth * L[kUS].mean_controls();
    d.alignment[kUS] = d.alignment[kChina] = 0.0;
    for (int p : {kEU, kAllies, kGS}) {
        double irritation = 0;
        for (int w : {kUS, kEU, kAllies}) {
            if (w == p) continue;
            irritation += saturate(L[w].total_subsidies(), 4.0 * P(Param::SubsidyHalf, 0)) *
                          (P(Param::IrritationWithoutContent) +
                           (1.0 - P(Param::IrritationWithoutContent)) * L[w].domestic_content);
        }
        double own_coordination = p == kGS ? 0.0 : L[p].coordination;
        // Following the leader's controls costs the ally its sales in China,
        // which strains the alliance unless compensated (001:L114).
        double strain = p == kGS ? 0.0 : P(Param::ChinaExposure, p) * L[p].mean_controls();
        // Coordination diplomacy aligns partners only when it brings them
        // something: asked to follow controls with nothing offered, they hold
        // back ("tangible benefits", 001:L369; 001:L114).
        double compensation = f.offer_west[p] - (p == kGS ? 0.0 : P(Param::ChinaExposure, p) * L[kUS].mean_controls());
        d.alignment[p] = -P(Param::AllianceStrain) * strain + P(Param::AlignMarketAccess) * (f.offer_west[p] - china_offer) +
                         P(Param::AlignFinance) * finance_pull +
                         P(Param::AlignCoordination) * 0.5 * (own_coordination + L[kUS].coordination) * compensation -
                         P(Param::AlignIrritation) * irritation -
                         P(Param::AlignCoercion) * coercion * (p == kAllies ? 0.3 : 1.0) -
                         P(Param::ChinaCoordination) * L[kChina].coordination * (p == kGS ? 1.0 : 0.3);
    }
}

// 8. Standards: leadership in ISO/IEC/ITU/3GPP follows capability and
// participation (China held 79 ISO and 10 IEC secretariats in 2019, 003:L265),
// spread by infrastructure finance (85 BRI standardisation agreements, 003:L341);
// excluding the rival splits standards into two systems and duplicates R&D
// (003:L175; 004:L1844-L1862).
void drivers_standards(const ParamValues& P, const State& st, const Levers (&L)[B], Drivers& d) {
    double west_openness = 0, west_weight = 0;
    for (int w : {kUS, kEU, kAllies}) {
        west_openness += P(Param::MarketSize, w) * L[w].standards_openness;
        west_weight += P(Param::MarketSize, w);
    }
    west_openness /= west_weight;
    for (int s = 0; s < S; ++s) {
        for (int b = 0; b < B; ++b)
            d.std_weight[b][s] = (0.2 + st.cap[b][s] / 100.0) *
                                 (P(Param::StandardsShareTarget) + L[b].standards_participation) *
                                 (1.0 + P(Param::StandardsFinance) * saturate(L[b].finance_bn, P(Param::FinanceHalf)));
        double china_influence = st.stdi[kChina][s];
        d.fragmentation[s] = P(Param::FragmentationExclusion) * ((1.0 - west_openness) * china_influence * 2.0 +
                                                                (1.0 - L[kChina].standards_openness) * (1.0 - china_influence));
    }
}

// 9. Restricting the rival's clean tech raises costs unless affordable domestic
// alternatives exist (001:L139; 001:L392; 002:L16): tariffs pass through in
// proportion to China's share; mineral controls (001:L32) add to it.
void mechanism_cleantech_cost(const ParamValues& P, const State& st, const Levers (&L)[B], Flows& f) {
    for (int b = 0; b < B; ++b) {
        // Tariffs in any sector raise the cost of the rival's inputs there,
        // as far as the rival supplies them (001:L131; 002:L18).
        f.tariff_burden[b] = 0;
        for (int s = 0; s < S; ++s) f.tariff_burden[b] += L[b].tariffs[s] * st.share[rival_of(b)][s] / S;
        double own = st.share[b][kClean], china = st.share[kChina][kClean];
        double substitutes = b == kChina ? 1.0 : own / (own + china + 1e-9);
        double tariff_push = L[b].tariffs[kClean] * P(Param::CleanTechChinaShare) * (1.0 - substitutes);
        double content_push = 0.2 * L[b].domestic_content * (1.0 - 0.5 * substitutes);
        double minerals = b == kChina ? 0.0 : P(Param::MineralsDependence, b) * f.denied_west[kClean];
        f.cleantech_cost[b] = 100.0 * (1.0 + P(Param::CleanTechPassThrough) * (tariff_push + content_push) + minerals);
    }
}

// 10. Cutting talent and research ties lowers innovation on both sides: 30% of
// the US AI talent pool is Chinese (002:L16); 001:L137. A tie is as open as
// the more restrictive side allows.
void mechanism_talent(const ParamValues& P, const Levers (&L)[B], Flows& f) {
    double weight_sum = 0;
    for (int s = 0; s < S; ++s) weight_sum += P(Param::TalentSectorWeight, s);
    double mean_weight = weight_sum / S;
    for (int b = 0; b < B; ++b) {
        double tie = std::min(L[b].talent, L[rival_of(b)].talent);
        f.innovation[b] = 1.0 - P(Param::TalentDependence, b) * mean_weight * (1.0 - tie);
    }
}

// Competitiveness behind market shares: capability, subsidised output kept at
// home, and access to others' markets (tariffs shield a home market; market
// access opens it to partners, displacing the host's own producers, 001:L367).
void drivers_markets(const ParamValues& P, const State& st, const Levers (&L)[B], const Flows& f, Drivers& d) {
    // Half of every other market is contestable: partners' markets, widened by
    // their market access (001:L367), are the same for every sector; the
    // rival's market depends on openness, its tariffs and the seller's own
    // controls, which forbid the sales (001:L63).
    double size[B], partners[B];
    for (int c = 0; c < B; ++c) size[c] = P(Param::MarketSize, c);
    const double displacement = P(Param::ImportDisplacement), shield = P(Param::TariffShield);
    for (int b = 0; b < B; ++b) {
        partners[b] = 0;
        for (int c = 0; c < B; ++c) {
            bool rivals = (b == kChina && is_western(c)) || (c == kChina && is_western(b));
            if (c != b && !rivals) partners[b] += size[c] * (1.0 + displacement * L[c].market_access);
        }
    }
    const double standards_market = P(Param::StandardsMarket);
    for (int s = 0; s < S; ++s) {
        const double standards_weight = standards_market * P(Param::StandardsWeight, s), half = P(Param::SubsidyHalf, s);
        double china_rivals = 0;  // what China can sell in the Western markets
        for (int w : {kUS, kEU, kAllies}) china_rivals += size[w] * st.open[w] * (1.0 - shield * L[w].tariffs[s]);
        const double china_market = size[kChina] * (1.0 - shield * L[kChina].tariffs[s]);
        for (int b = 0; b < B; ++b) {
            double rival = b == kChina ? china_rivals * (1.0 - L[kChina].controls[s])
                           : is_western(b) ? china_market * st.open[b] * (1.0 - L[b].controls[s])
                                           : 0.0;
            double access = size[b] + 0.5 * (partners[b] + rival);
            double subsidy = saturate(f.subsidy_eff[b][s], half);
            double c = 0.2 + st.cap[b][s] * 0.01;
            // "He who owns the standards, owns the market" (003:L99).
            d.comp[b][s] = c * c * access * (1.0 + f.capture[b] * subsidy) * (1.0 + standards_weight * st.stdi[b][s]);
        }
    }
}

// Dependence on the rival falls as the bloc reshores (subsidies with domestic
// content, 004:L592-L596), indigenises or decouples, and rises with the
// rival's share.
void drivers_dependence(const ParamValues& P, const State& st, const Levers (&L)[B], const Flows& f, Drivers& d) {
    for (int b = 0; b < B; ++b) {
        int r = rival_of(b);
        for (int s = 0; s < S; ++s) {
            double reshoring =
                P(Param::ReshoringEffect) * f.capture[b] * saturate(f.subsidy_eff[b][s], P(Param::SubsidyHalf, s));
            // Own tariffs keep the rival's goods out, and with them the dependence.
            d.dependence[b][s] = (0.2 + st.share[r][s]) * st.open[b] * (1.0 - reshoring) * (1.0 - 0.5 * st.indig[b][s]) *
                                 (1.0 - P(Param::TariffShield) * L[b].tariffs[s]) *
                                 (b == kChina ? 1.0 - f.denied_china[s] : 1.0);
        }
    }
}

// Escalation builds with effective controls, tariffs and retaliation (001:L32, 001:L135).
void drivers_escalation(const ParamValues& P, const Levers (&L)[B], const Flows& f, Drivers& d) {
    double denial = 0, retaliation = 0;
    for (int s = 0; s < S; ++s) denial += f.denied_china[s] / S, retaliation += f.denied_west[s] / S;
    double tariffs = 0.5 * (L[kUS].mean_tariffs() + L[kChina].mean_tariffs());
    d.escalation = P(Param::EscalationControls) * denial * (0.7 + 0.3 * L[kUS].breadth) +
                   P(Param::EscalationTariffs) * tariffs + P(Param::EscalationRetaliation) * retaliation;
}

void compute_flows(const ParamValues& P, const State& st, const Levers (&L)[B], Flows& f) {
    mechanism_controls(P, st, L, f);
    mechanism_subsidies(P, L, f);
    mechanism_market_access(P, L, f);
    mechanism_talent(P, L, f);
    mechanism_cleantech_cost(P, st, L, f);
}

void compute_drivers(const ParamValues& P, const State& st, const Levers (&L)[B], const Flows& f, Drivers& d) {
    drivers_openness(P, st, L, d);
    drivers_alignment(P, L, f, d);
    drivers_standards(P, st, L, d);
    drivers_markets(P, st, L, f, d);
    drivers_dependence(P, st, L, f, d);
    drivers_escalation(P, L, f, d);
}

// Capability is measured against the moving world frontier, so there is no
// common trend. Its growth rate is computed by the same function for 2024
// (reference policies, base state) and for the current year, and only the
// difference moves capability: the 2024 position is an equilibrium of 2024
// policies. The rate rises with innovation (talent ties), subsidies relative
// to the other blocs' (a race in which matching subsidies cancel out) and
// indigenisation; denial, lost revenue, duplicated standards and retaliation
// on inputs slow it.
using CapabilityRates = double[B][S];
void capability_rates(const ParamValues& P, const Levers (&L)[B], const Flows& f, const State& st, CapabilityRates& rate) {
    double mean_subsidy[S], subsidy[B][S], frag_mean = 0;
    for (int s = 0; s < S; ++s) {
        mean_subsidy[s] = 0;
        for (int b = 0; b < B; ++b) {
            subsidy[b][s] = saturate(f.subsidy_eff[b][s], P(Param::SubsidyHalf, s));
            mean_subsidy[s] += subsidy[b][s] / B;
        }
        frag_mean += st.frag[s] / S;
    }
    for (int b = 0; b < B; ++b)
        for (int s = 0; s < S; ++s) {
            double r = P(Param::BaseGrowth, s) * f.innovation[b] * P(Param::TalentSectorWeight, s) +
                       P(Param::SubsidyGain) * (subsidy[b][s] - mean_subsidy[s]) +
                       P(Param::IndigenizationGain) * st.indig[b][s] -
                       P(Param::DuplicationCost) * st.frag[s] * P(Param::StandardsWeight, s);
            if (b == kChina) r -= P(Param::ControlDrag, s) * f.denied_china[s] * (1.0 - 0.5 * st.indig[kChina][s]);
            if (is_western(b)) {
                r -= P(Param::RevenueToRnd) * mechanism_revenue_loss(P, L[b], s);
                r -= P(Param::RetaliationDrag) * f.denied_west[s] * st.dep[b][s];
            }
            rate[b][s] = r;
        }
}

// Catch-up gained or lost as ties open or close since 2024 (001:L45, 004:L128).
void integrate_capability(const ParamValues& P, const CapabilityRates& rate, const CapabilityRates& rate_ref,
                          State& st) {
    double frontier[S];
    for (int s = 0; s < S; ++s) {
        frontier[s] = 0;
        for (int b = 0; b < B; ++b) frontier[s] = std::max(frontier[s], st.cap[b][s]);
    }
    for (int b = 0; b < B; ++b) {
        double open_change = st.open[b] - P(Param::BaseOpenness, b);
        for (int s = 0; s < S; ++s) {
            double r = rate[b][s] - rate_ref[b][s];
            double c = st.cap[b][s];
            double catch_up = P(Param::Diffusion) * open_change * (frontier[s] - c);
            st.cap[b][s] = std::clamp(c + (r >= 0 ? r * (100.0 - c) : r * c) + catch_up, 0.0, 100.0);
        }
    }
}

// Every other stock: toward its 2024 value shifted by the drivers' change.
void integrate_stocks(const ParamValues& P, const Drivers& d, const Drivers& ref, State& st) {
    for (int b = 0; b < B; ++b) {
        double open_target = P(Param::BaseOpenness, b) * d.openness[b] / std::max(ref.openness[b], 1e-9);
        st.open[b] += (clamp01(open_target) - st.open[b]) / P(Param::OpennessTau);
        if (b == kEU || b == kAllies || b == kGS) {
            double target = P(Param::AlignBase, b) + d.alignment[b] - ref.alignment[b];
            st.align[b] += (std::clamp(target, 0.02, 0.98) - st.align[b]) / P(Param::AlignTau);
        }
    }
    for (int s = 0; s < S; ++s) {
        double share_target[B], std_target[B], share_sum = 0, std_sum = 0;
        for (int b = 0; b < B; ++b) {
            share_target[b] = P(Param::BaseShare, b * S + s) * d.comp[b][s] / std::max(ref.comp[b][s], 1e-12);
            std_target[b] = P(Param::BaseStandards, b * S + s) * d.std_weight[b][s] / std::max(ref.std_weight[b][s], 1e-12);
            share_sum += share_target[b];
            std_sum += std_target[b];
        }
        for (int b = 0; b < B; ++b) {
            st.share[b][s] += (share_target[b] / share_sum - st.share[b][s]) / P(Param::ShareTau);
            st.stdi[b][s] += (std_target[b] / std_sum - st.stdi[b][s]) / P(Param::StandardsTau);
            double dep_target =
                P(Param::BaseDependence, b * S + s) / 100.0 * d.dependence[b][s] / std::max(ref.dependence[b][s], 1e-12);
            st.dep[b][s] += (clamp01(dep_target) - st.dep[b][s]) / P(Param::ShareTau);
        }
        double frag_target = P(Param::BaseFragmentation, s) + d.fragmentation[s] - ref.fragmentation[s];
        st.frag[s] += (clamp01(frag_target) - st.frag[s]) / P(Param::FragmentationTau);
    }
    double esc_target = P(Param::BaseEscalation) + d.escalation - ref.escalation;
    st.esc += (clamp01(esc_target) - st.esc) / P(Param::EscalationTau);
}

// ---------------------------------------------------------------------------
// [SECTION] Indicators and pillar scores
// ---------------------------------------------------------------------------
struct Reference {  // the 2024 position the pillar scores are measured from
    double lead[B], dep[B], cap[B], share[B], std[B], cohesion[B], gs[B], open[B], frag, esc;
    Flows flows;
};

double mean_triad(const double row[S]) { return (row[kSemis] + row[kAI] + row[kQuantum]) * (1.0 / 3.0); }
double mean_all(const double row[S]) {
    double m = 0;
    for (int s = 0; s < S; ++s) m += row[s];
    return m * (1.0 / S);
}
double tech_lead(const State& st, int b) { return mean_triad(st.cap[b]) - mean_triad(st.cap[rival_of(b)]); }
double cohesion(const State& st, int b) {
    double west = 0.5 * (st.align[kEU] + st.align[kAllies]);
    if (is_western(b)) return 100.0 * west;
    if (b == kChina) return 100.0 * (0.5 * (1.0 - west) + 0.5 * (1.0 - st.align[kGS]));
    return 100.0 * (1.0 - 2.0 * std::fabs(st.align[kGS] - 0.5));  // Global South: keeps both doors open
}
double gs_alignment(const State& st, int b) { return 100.0 * (b == kChina ? 1.0 - st.align[kGS] : st.align[kGS]); }
double mean_frag(const State& st) { return mean_all(st.frag); }

Reference make_reference(const State& st, const Flows& flows) {
    Reference r{};
    for (int b = 0; b < B; ++b) {
        r.lead[b] = tech_lead(st, b);
        r.dep[b] = mean_all(st.dep[b]);
        r.cap[b] = mean_all(st.cap[b]);
        r.share[b] = mean_all(st.share[b]);
        r.std[b] = mean_all(st.stdi[b]);
        r.cohesion[b] = cohesion(st, b);
        r.gs[b] = gs_alignment(st, b);
        r.open[b] = st.open[b];
    }
    r.frag = mean_frag(st);
    r.esc = st.esc;
    r.flows = flows;
    return r;
}

// Extra public spending, in % of GDP, with a convex cost: each further point
// is harder to finance amid unprecedented debt (001:L45). Savings count
// linearly.
double fiscal_burden(const ParamValues& P, double fiscal_change_share) {
    double pct = fiscal_change_share * 100.0;
    return pct <= 0 ? pct : pct + P(Param::FiscalConvexity) * pct * pct;
}

void record(const ParamValues& P, const State& st, const Flows& f, const Reference& ref, int t, int only_bloc,
            Results& out) {
    auto put = [&](Indicator i, int b, double v) { out.ind[static_cast<int>(i)][b][t] = v; };
    const Flows& f0 = ref.flows;
    double frag = mean_frag(st);
    for (int b = 0; b < B; ++b) {
        if (only_bloc >= 0 && b != only_bloc) continue;
        double lead = tech_lead(st, b);
        double dep = mean_all(st.dep[b]);
        double cap = mean_all(st.cap[b]);
        double share = mean_all(st.share[b]);
        double stdi = mean_all(st.stdi[b]);
        double cap_change = cap - ref.cap[b];
        double fiscal_change = f.fiscal_share[b] - f0.fiscal_share[b];
        double cleantech_change = (f.cleantech_cost[b] - f0.cleantech_cost[b]) / f0.cleantech_cost[b];
        double gdp = P(Param::TradeExposure, b) * (st.open[b] / ref.open[b] - 1.0) * 100.0 +
                     P(Param::GdpPerCapability) * cap_change +
                     P(Param::RoyaltyGdp) * P(Param::PatentedShare) * (stdi - ref.std[b]) * 100.0 -
                     P(Param::FiscalDrag) * fiscal_burden(P, fiscal_change) - P(Param::CleanTechGdp) * cleantech_change +
                     P(Param::MarketAccessGdp) * (f.offer_west[b] - f0.offer_west[b]) -
                     P(Param::TariffCost) * (f.tariff_burden[b] - f0.tariff_burden[b]) * 100.0 -
                     P(Param::EscalationGdp) * (st.esc - ref.esc);
        double coh = cohesion(st, b), gs = gs_alignment(st, b);
        put(Indicator::TechLead, b, lead);
        put(Indicator::RivalLeakage, b, 100.0 * f.rival_leakage[b]);
        put(Indicator::Dependence, b, 100.0 * dep);
        put(Indicator::GdpEffect, b, gdp);
        put(Indicator::TradeOpenness, b, 100.0 * st.open[b] / ref.open[b]);
        put(Indicator::FiscalCost, b, f.fiscal_share[b] * P(Param::GdpSize, b) * 1000.0);
        put(Indicator::CleanTechCost, b, 100.0 * f.cleantech_cost[b] / f0.cleantech_cost[b]);
        put(Indicator::Innovation, b, 100.0 * f.innovation[b] / f0.innovation[b]);
        put(Indicator::AllianceCohesion, b, coh);
        put(Indicator::GlobalSouthAlignment, b, gs);
        put(Indicator::StandardsFragmentation, b, 100.0 * frag);
        put(Indicator::Escalation, b, 100.0 * st.esc);
        put(Indicator::Capability, b, cap);
        put(Indicator::StandardsInfluence, b, 100.0 * stdi);

        // Pillar scores: weighted, standardised distances from the 2024
        // position (weights are assumptions in the parameter table).
        double protect = P(Param::ScoreWeightsProtect, 0) * (lead - ref.lead[b]) / 15.0 +
                         P(Param::ScoreWeightsProtect, 1) * (f.denial_by_camp[b] - f0.denial_by_camp[b]) / 0.3 +
                         P(Param::ScoreWeightsProtect, 2) * (ref.dep[b] - dep) / 0.12 -
                         P(Param::ScoreWeightsProtect, 3) * (st.esc - ref.esc) / 0.3;
        double promote = P(Param::ScoreWeightsPromote, 0) * 0.5 *
                             (cap_change / 5.0 + (share - ref.share[b]) / 0.03) +
                         P(Param::ScoreWeightsPromote, 1) * gdp / 1.5 +
                         P(Param::ScoreWeightsPromote, 2) * (f.innovation[b] - f0.innovation[b]) / 0.08 -
                         P(Param::ScoreWeightsPromote, 3) * fiscal_burden(P, fiscal_change) -
                         P(Param::ScoreWeightsPromote, 4) * cleantech_change / 0.25;
        double partner = P(Param::ScoreWeightsPartner, 0) * (coh - ref.cohesion[b]) / 20.0 +
                         P(Param::ScoreWeightsPartner, 1) * (gs - ref.gs[b]) / 20.0 +
                         P(Param::ScoreWeightsPartner, 2) * (f.integration[b] - f0.integration[b]) / 0.25 -
                         P(Param::ScoreWeightsPartner, 3) * (frag - ref.frag) / 0.3;
        put(Indicator::ProtectScore, b, to_score(protect));
        put(Indicator::PromoteScore, b, to_score(promote));
        put(Indicator::PartnerScore, b, to_score(partner));

        for (int s = 0; s < S; ++s) {
            out.sector[0][b][s][t] = st.cap[b][s];
            out.sector[1][b][s][t] = 100.0 * st.share[b][s];
            out.sector[2][b][s][t] = 100.0 * st.dep[b][s];
            out.sector[3][b][s][t] = 100.0 * st.stdi[b][s];
        }
    }
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] The yearly loop
// ---------------------------------------------------------------------------
void simulate(const RunInput& input, const ParamValues& P, Results& out) {
    const int years = std::clamp(input.horizon, kMinHorizon, kMaxHorizon) - kBaseYear + 1;
    out.years = years;
    const int seat = idx(input.seat);
    Levers policy[B], L[B], reference[B], ref_levers[B];
    for (int b = 0; b < B; ++b) {
        policy[b] = to_model_units(input.policy[b]);
        reference[b] = to_model_units(input.reference[b]);
    }

    State st;
    init_state(P, st);

    // The 2024 equilibrium: the reference policies (with the reactions they
    // provoke when reactions are on) at the base-year state.
    Flows f_ref;
    double pressure[S] = {};
    for (int pass = 0; pass < 2; ++pass) {  // second pass: reactions to the first pass's pressure
        if (input.reactions)
            react(P, st, seat, pressure, reference, ref_levers);
        else
            for (int b = 0; b < B; ++b) ref_levers[b] = reference[b];
        compute_flows(P, st, ref_levers, f_ref);
        for (int s = 0; s < S; ++s) pressure[s] = f_ref.denied_china[s];
    }
    // China has been designing out controls since 2022: its drive starts at
    // the level the 2024 controls sustain, so the status quo is not a shock.
    mechanism_indigenization_start(f_ref, ref_levers, st);
    Drivers d_ref, d;
    compute_drivers(P, st, ref_levers, f_ref, d_ref);
    CapabilityRates rate_ref, rate;
    capability_rates(P, ref_levers, f_ref, st, rate_ref);
    const Reference ref = make_reference(st, f_ref);

    for (int t = 0; t < years; ++t) {
        if (input.reactions)
            react(P, st, seat, pressure, policy, L);
        else
            for (int b = 0; b < B; ++b) L[b] = policy[b];

        Flows f;
        compute_flows(P, st, L, f);
        record(P, st, f, ref, t, input.only_bloc, out);
        for (int s = 0; s < S; ++s) pressure[s] = f.denied_china[s];
        if (t + 1 == years) break;

        // Stocks move toward targets set by this year's flows.
        compute_drivers(P, st, L, f, d);
        capability_rates(P, L, f, st, rate);
        integrate_capability(P, rate, rate_ref, st);
        mechanism_indigenization(P, f, L, st);
        integrate_stocks(P, d, d_ref, st);
    }
}

}  // namespace tl
