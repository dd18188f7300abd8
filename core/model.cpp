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

#include "core/history.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>

namespace tl {
namespace {

constexpr int B = kBlocCount;
constexpr int S = kSectorCount;
constexpr int kUS = 0, kChina = 1, kEU = 2, kAllies = 3, kGS = 4;
constexpr int kSemis = 0, kAI = 1, kQuantum = 2, kClean = 3, kTelecom = 5;

// `const ParamValues& __restrict P` (the yearly loop's functions and the two
// that call the mechanisms, into which these are inlined): nothing a run
// writes is a parameter, and saying so lets the compiler keep a parameter in
// a register across the stores to the state and the flows instead of loading
// it again after each (which are doubles, as the parameters are): a
// twentieth of a run. Results are bit for bit the same.
double clamp01(double x) { return x < 0.0 ? 0.0 : (x > 1.0 ? 1.0 : x); }
double saturate(double x, double half) { return x <= 0.0 ? 0.0 : x / (x + half); }
double to_score(double z) { return pillar_score(z); }

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

// Every lever's first slot, computed at compile time (slot_of walks the
// lever table: a tenth of a run when done for every lever every year).
constexpr std::array<int, kLeverCount> kFirstSlot = [] {
    std::array<int, kLeverCount> first{};
    for (int l = 0; l < kLeverCount; ++l) first[l] = lever_first_slot(static_cast<LeverId>(l));
    return first;
}();

Levers to_model_units(const Policy& p) {
    Levers l{};
    auto slot = [](LeverId id, Sector s) {
        return kFirstSlot[static_cast<int>(id)] + (lever_is_per_sector(id) ? static_cast<int>(s) : 0);
    };
    auto pct = [&](LeverId id, Sector s = Sector::Semis) { return p[slot(id, s)] * 0.01; };
    auto raw = [&](LeverId id, Sector s = Sector::Semis) { return p[slot(id, s)]; };
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

void init_state(const ParamValues& __restrict P, State& st) {
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

// Model v2: every bloc the user does not play reacts by the same rules,
// parameterized per bloc where the sources differ, and only to what changed
// since 2024 (the reference policies already contain the reactions that had
// happened by then). With no lever changed nobody reacts, so every seat sees
// the same world to the last digit.

// The pressure a bloc feels: the share of its inputs the other pole denies it
// (China: Western controls; the West: China's controls, as far as it depends
// on China for those inputs at the 2024 calibration).
struct Pressure {
    double on[B][S];
};

// The sector in which a bloc holds the largest world share in 2024: where it
// answers pressure in kind (China: clean-tech inputs, 001:L32).
int chokepoint_sector(const ParamValues& __restrict P, int b) {
    int best = 0;
    for (int s = 1; s < S; ++s)
        if (P(Param::BaseShare, b * S + s) > P(Param::BaseShare, b * S + best)) best = s;
    return best;
}

// The same market-access offer as mechanism 6 (declared here for consent).
double effective_access(const ParamValues& P, const Levers& l);

// A partner consents to follow a camp leader's controls as far as its own
// costs are met: "highest common denominator" (001 Harithas), "Europe is the
// crux" (001:L416-L422). Consent grows with the leader's market access and
// the partner's alignment, and falls with its exposure to the rival's market.
double consent(const ParamValues& __restrict P, double align_change, const Levers& leader, int partner) {
    double c = P(Param::ConsentBase, partner) + P(Param::AlignMarketAccess) * leader.market_access + align_change -
               P(Param::ConsentCost) * P(Param::ChinaExposure, partner) * leader.mean_controls();
    return clamp01(c);
}

// How far Western partner b follows its camp's controls, per sector: the
// strongest pull among the other Western blocs' coordination (consent does
// not depend on the sector, so it is computed once per leader).
void follow_targets(const ParamValues& __restrict P, double align_change, const Levers (&L)[B], int b, double (&target)[S]) {
    for (int s = 0; s < S; ++s) target[s] = 0;
    for (int c : {kUS, kEU, kAllies}) {
        if (c == b) continue;
        const double pull = L[c].coordination * consent(P, align_change, L[c], b);
        if (pull <= 0) continue;
        for (int s = 0; s < S; ++s) target[s] = std::max(target[s], pull * L[c].controls[s]);
    }
}

bool same_levers(const Levers& a, const Levers& b) { return std::memcmp(&a, &b, sizeof(Levers)) == 0; }

// A change smaller than this is rounding in the state, not policy.
double positive_change(double now, double then) {
    double d = now - then;
    return d > 1e-9 ? d : 0.0;
}

// The reactions to the levers themselves (tit-for-tat tariffs, the subsidy
// races) depend on the levers and the 2024 levers only, so they are planned
// once per change of the levers (the phase-in years), not every year; react()
// adds the ones that depend on the state (pressure, escalation, alignment).
// The plan holds the amounts react() adds, in the order it adds them, so the
// sums are bit for bit those of computing them every year.
struct ReactionPlan {
    double tariffs[B][S];          // a pole's tariffs after mirroring the rival's increase
    double rival_subsidy[B][S];    // a pole's extra subsidies matching the rival pole's increase
    double subsidy_race[B][S][2];  // a Western bloc's answer to each other Western bloc's domestic-content subsidies
    int chokepoint[B];             // where a pole retaliates
};

void plan_reactions(const ParamValues& __restrict P, int seat, const Levers (&cur)[B], const Levers (&ref)[B], ReactionPlan& plan) {
    double size[B];
    for (int b = 0; b < B; ++b) size[b] = P(Param::MarketSize, b);
    // What the rival pole added since 2024: tariffs and subsidies, size-weighted for the West.
    double west_tariff_up[S] = {}, west_subsidy_up[S] = {}, west_size = size[kUS] + size[kEU] + size[kAllies];
    // What each Western bloc added to its domestic-content subsidies since 2024
    // (its partners answer in kind, below): once per bloc, not once per partner.
    double content_up[B][S];
    for (int w : {kUS, kEU, kAllies}) {
        const double weight = size[w] / west_size;
        for (int s = 0; s < S; ++s) {
            west_tariff_up[s] += weight * positive_change(cur[w].tariffs[s], ref[w].tariffs[s]);
            west_subsidy_up[s] += positive_change(cur[w].subsidies[s], ref[w].subsidies[s]);
            content_up[w][s] = positive_change(cur[w].domestic_content * cur[w].subsidies[s],
                                               ref[w].domestic_content * ref[w].subsidies[s]);
        }
    }
    for (int b = 0; b < B; ++b) {
        if (b == seat || b == kGS) continue;
        plan.chokepoint[b] = chokepoint_sector(P, b);
        for (int s = 0; s < S; ++s) {
            // Tit-for-tat tariffs (001:L135) and the subsidy race between the poles (001:L43).
            double rival_tariff_up = b == kChina ? west_tariff_up[s] : positive_change(cur[kChina].tariffs[s], ref[kChina].tariffs[s]);
            double rival_subsidy_up = b == kChina ? west_subsidy_up[s] : positive_change(cur[kChina].subsidies[s], ref[kChina].subsidies[s]);
            // Subsidised overproduction meets countervailing duties (001:L139).
            plan.tariffs[b][s] = std::max(cur[b].tariffs[s], clamp01(ref[b].tariffs[s] + P(Param::ReactMirrorTariffs) * rival_tariff_up +
                                                                     P(Param::ReactCountervailing) *
                                                                         saturate(rival_subsidy_up, P(Param::SubsidyHalf, s))));
            double rival_size = b == kChina ? west_size : size[kChina];
            plan.rival_subsidy[b][s] = P(Param::ReactRivalSubsidy) * rival_subsidy_up * size[b] / rival_size;
            if (!is_western(b)) continue;
            int k = 0;
            for (int c : {kUS, kEU, kAllies}) {
                if (c == b) continue;
                plan.subsidy_race[b][s][k++] = P(Param::SubsidyRace) * content_up[c][s] * size[b] / size[c];
            }
        }
    }
}

// `changed`: whether any bloc's levers differ from 2024 this year; `plan`:
// plan_reactions for these levers; `follow_2024`: follow_targets at the 2024
// levers (computed once per run). `eff` is `cur` as copied when the levers last
// changed, with last year's reactions: react() rewrites what it changes (the
// controls, tariffs and subsidies of the blocs not in the seat), so the rest
// is not copied every year.
void react(const ParamValues& __restrict P, const State& st, int seat, const Pressure& pressure, const Pressure& pressure_ref,
           const Levers (&cur)[B], const Levers (&ref)[B], bool changed, const ReactionPlan& plan,
           const double (&follow_2024)[B][S], Levers (&eff)[B]) {
    if (!changed) return;
    const double esc_change = positive_change(st.esc, P(Param::BaseEscalation));
    for (int b = 0; b < B; ++b) {
        if (b == seat) continue;
        Levers& e = eff[b];
        // eff holds cur since the levers last changed, but for what the
        // reactions below rewrite every year: start those from cur again.
        static_assert(offsetof(Levers, tariffs) == offsetof(Levers, controls) + sizeof(double[S]) &&
                      offsetof(Levers, subsidies) == offsetof(Levers, tariffs) + sizeof(double[S]));
        std::memcpy(e.controls, cur[b].controls, sizeof(double[3 * S]));
        const bool pole = b != kGS;
        double mean_pressure = 0;
        for (int s = 0; s < S; ++s) {
            double dp = positive_change(pressure.on[b][s], pressure_ref.on[b][s]);
            mean_pressure += dp * (1.0 / S);
            // Denied inputs are designed out with subsidies (001:L32; 004:L518; 001:L43).
            e.subsidies[s] += P(Param::ReactIndigenizationSubsidy, b) * dp;
            if (!pole) continue;
            e.tariffs[s] = plan.tariffs[b][s];
            e.subsidies[s] += plan.rival_subsidy[b][s];
        }
        // Retaliation in the bloc's own chokepoint (processed minerals for China, 001:L32).
        if (pole) {
            int k = plan.chokepoint[b];
            e.controls[k] = std::max(e.controls[k], clamp01(ref[b].controls[k] + P(Param::ReactRetaliation, b) * (mean_pressure + esc_change)));
        }
        if (!is_western(b)) continue;
        // Western partners follow the camp's coordinated controls as far as
        // their costs are met (001:L114), and answer partners' domestic-content
        // subsidies in kind (the subsidy race, 001:L34).
        double align_change = st.align[b] - P(Param::AlignBase, b);
        double follow_now[S];
        follow_targets(P, align_change, cur, b, follow_now);
        for (int s = 0; s < S; ++s) {
            double follow = follow_now[s] - follow_2024[b][s];
            if (std::fabs(follow) > 1e-9) e.controls[s] = clamp01(e.controls[s] + follow);
            e.subsidies[s] += plan.subsidy_race[b][s][0];
            e.subsidies[s] += plan.subsidy_race[b][s][1];
        }
    }
    for (int b = 0; b < B; ++b)
        if (b != seat) eff[b].finalize();  // the seat's levers are cur's, already finalised
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
    double subsidy_sat[B][S];    // the same saturated at subsidy_half (0..1), used by three mechanisms
    double capture[B];           // share of subsidy-induced output captured at home
    double offer_west[B];        // market access the Western camp offers bloc b (0..1)
    double offer_received[B];    // market access bloc b receives from its partners (not its rival) (0..1)
    double integration[B];       // trade integration with partners: access offered and received (0..1)
    double innovation[B];        // 0..1, 1 = fully open research ties
    double know_how_out[B];      // how open the bloc's research is to the rival (0..1)
    double us_dependence[B];     // dependence on US software and cloud (0..1)
    double fiscal_share[B];      // spending on the levers, share of GDP
    double cleantech_cost[B];    // index, 2024 = 100 before policy
    double tariff_burden[B];     // tariffs weighted by the rival's share of each sector's supply
    double rival_leakage[B];     // indicator, share
    double rival_access[B];      // the rival's access to the camp's chips, AI, quantum technology (0..1)
    double compliance_cost[B];   // GDP cost of the bloc's privacy rules, % of GDP
    double outbound_screening[B];  // the bloc's outbound investment screening (0..1), for venture flows
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
    // A camp closes transshipment routes as far as its most active coordinator works at it.
    const double west_coordination = std::max({L[kUS].coordination, L[kEU].coordination, L[kAllies].coordination});
    for (int b = 0; b < B; ++b) {
        // Enforcement cannot close every route: smuggling networks re-emerge
        // (001:L108-L110), so it cuts at most a share of the leakage.
        double enforcement = P(Param::EnforcementMaxCut) * saturate(L[b].enforcement_musd, P(Param::EnforcementHalf));
        double coordination = is_western(b) ? west_coordination : L[b].coordination;
        for (int s = 0; s < S; ++s)
            // A narrow yard leaves more ways around it: unlisted entities,
            // re-labelled items (001:L116, 001:L131).
            f.leak[b][s] = P(Param::BaseLeakage, s) * (1.0 - enforcement) * (1.0 - P(Param::BreadthLeakCut) * L[b].breadth) *
                           (1.0 - P(Param::TransshipmentCut) * coordination);
    }
    double west_controlled = 0, west_leaked = 0;
    for (int s = 0; s < S; ++s) {
        double supply = 0, denied = 0, controlled = 0;
        for (int b = 0; b < B; ++b) {
            if (b == kChina) continue;
            supply += st.share[b][s];
            // Every non-Chinese supplier's controls deny China (model v2: the
            // Global South's too); the leakage indicator is the West's.
            double c = st.share[b][s] * L[b].controls[s];
            denied += c * (1.0 - f.leak[b][s]);
            if (is_western(b)) {
                controlled += c;
                west_leaked += c * f.leak[b][s];
            }
        }
        west_controlled += controlled;
        f.denied_china[s] = supply > 0 ? denied / supply : 0.0;
        // China's own controls (processed critical minerals: 001:L32) bite in
        // proportion to its share of world supply.
        f.denied_west[s] = st.share[kChina][s] * L[kChina].controls[s] * (1.0 - f.leak[kChina][s]);
    }
    // Indicator: of everything the camp controls (weighted by each member's
    // supply), the share that still leaks. A member that tightens with the
    // same leakage as the others leaves it unchanged (model v2: no division
    // by the camp's strongest control).
    double china_controlled = 0, china_leaked = 0;
    for (int s = 0; s < S; ++s) {
        double c = st.share[kChina][s] * L[kChina].controls[s];
        china_controlled += c, china_leaked += c * f.leak[kChina][s];
    }
    auto leak_share = [](double leaked, double controlled, double fallback) {
        return controlled > 1e-9 ? leaked / controlled : fallback;
    };
    double mean_west_leak = 0;
    for (int s = 0; s < S; ++s) mean_west_leak += f.leak[kUS][s] * (1.0 / S);
    for (int b = 0; b < B; ++b) {
        f.rival_leakage[b] = b == kChina ? leak_share(china_leaked, china_controlled, f.leak[kChina][0])
                                         : leak_share(west_leaked, west_controlled, mean_west_leak);
        double access = 0;  // the rival's access to the camp's technology in chips, AI, quantum
        for (int s = 0; s <= kQuantum; ++s)
            access += (1.0 - (b == kChina ? f.denied_west[s] : f.denied_china[s])) * (1.0 / 3.0);
        // Data that flows freely to partners flows on to the rival (apps,
        // cloud, brokers): the security corner of the data triangle that China
        // guards with localisation and transfer reviews (004:L2101-L2107;
        // espionage by means of applications, 004:L770). It counts in AI.
        access += P(Param::DataFlowExposure) * L[b].data_flow / 3.0;
        f.rival_access[b] = access;
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
    const double inv_tau = 1.0 / P(Param::IndigenizationTau);
    for (int s = 0; s < S; ++s)
        for (int b : {kChina, kUS, kEU, kAllies}) st.indig[b][s] += (target[b][s] - st.indig[b][s]) * inv_tau;
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
    for (int s = 0; s < S; ++s) frag_mean += st.frag[s] * (1.0 / S);
    double common = (1.0 - P(Param::FragmentationTrade) * P(Param::StandardsTradeShare) * frag_mean);
    double west_sum = 0, west_weight = 0;
    for (int b = 0; b < B; ++b) {
        if (b == kChina) continue;
        const Levers& l = L[b];
        d.openness[b] = (1.0 - P(Param::BreadthDecoupling) * l.breadth * l.mean_controls()) *
                        (1.0 - P(Param::ScreeningDecoupling) * 0.5 * (l.inbound + l.outbound)) *
                        (1.0 - P(Param::TariffDecoupling) * 0.5 * (l.mean_tariffs() + L[kChina].mean_tariffs())) *
                        (1.0 - P(Param::EscalationDecoupling) * st.esc * (b == kGS ? 0.3 : 1.0)) * common *
                        // Strict localisation and transfer reviews raise the cost of doing business (004:L2107).
                        (1.0 - 0.2 * l.localization);
        if (is_western(b)) {
            west_sum += P(Param::MarketSize, b) * d.openness[b];
            west_weight += P(Param::MarketSize, b);
        }
    }
    // China's openness with the West mirrors the West's with China, further
    // cut by China's own screening.
    d.openness[kChina] = west_sum / west_weight *
                         (1.0 - P(Param::ScreeningDecoupling) * 0.5 * (L[kChina].inbound + L[kChina].outbound)) *
                         (1.0 - 0.2 * L[kChina].localization);
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
            f.subsidy_sat[b][s] = saturate(f.subsidy_eff[b][s], P(Param::SubsidyHalf, s));
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
// How much a bloc's subsidies irritate its partners: a subsidy race, worse
// with domestic-content rules (001:L34). `subsidised` is the saturated amount
// that counts.
double subsidy_irritation(const ParamValues& P, double subsidised, const Levers& l) {
    return subsidised * (P(Param::IrritationWithoutContent) + (1.0 - P(Param::IrritationWithoutContent)) * l.domestic_content);
}
double subsidy_irritation(const ParamValues& P, const Levers& l) {
    return subsidy_irritation(P, saturate(l.total_subsidies(), 4.0 * P(Param::SubsidyHalf, 0)), l);
}

void mechanism_market_access(const ParamValues& P, const State& st, const Levers (&L)[B], Flows& f) {
    double access[B];
    for (int b = 0; b < B; ++b) access[b] = effective_access(P, L[b]);
    for (int p = 0; p < B; ++p) {
        double offered = 0, weight = 0, received = 0, received_weight = 0;
        for (int w = 0; w < B; ++w) {
            if (w == p) continue;
            if (is_western(w)) offered += P(Param::MarketSize, w) * access[w], weight += P(Param::MarketSize, w);
            // Market access is received from partners only: the West's offer
            // to its partners does not open the West to China (model v1 let
            // US market access raise China's GDP).
            if (!rivals(w, p)) received += P(Param::MarketSize, w) * access[w], received_weight += P(Param::MarketSize, w);
        }
        f.offer_west[p] = weight > 0 ? offered / weight : 0.0;
        f.offer_received[p] = received_weight > 0 ? received / received_weight : 0.0;
    }
    // Integration with partners (not with the rival), an outcome: what its
    // partners open to the bloc. What it offers them counts once, through the
    // alignment it buys (cohesion, third countries). The Global South integrates with
    // both camps: what each offers it, and the finance each brings (001:L47,
    // 001:L336-L340), which it keeps open by opening its own market. Its own
    // opening weighs double: it is what brings both camps' firms in (001:L400-L402,
    // Chinese firms invited to localise; 001:L317, Indian investment in the US).
    const double half = P(Param::FinanceHalf);
    const double west_finance = saturate(L[kUS].finance_bn + L[kEU].finance_bn + L[kAllies].finance_bn, half);
    const double china_finance = saturate(L[kChina].finance_bn, half);
    for (int b = 0; b < B; ++b) {
        if (b == kGS)
            // Its door to China: openness (cut by its tariffs and screening)
            // and the sales its own controls forgo (001:L114, as for any partner).
            f.integration[b] = 0.7 * access[b] + 0.35 * f.offer_received[b] + 0.15 * (west_finance + china_finance) +
                               P(Param::GsChinaTies) * st.open[kGS] * (1.0 - P(Param::ChinaExposure, kGS) * L[kGS].mean_controls()) -
                               // Its own subsidy race costs it both camps' goodwill, by the
                               // rule its partners apply to the West's (001:L34).
                               P(Param::AlignIrritation) * subsidy_irritation(P, L[kGS]);
        else
            f.integration[b] = f.offer_received[b];
        // Local-content rules shut partners' products out of the bloc's own
        // market whatever it offers them: the subsidy race partners resent
        // (001:L34).
        f.integration[b] -= 0.5 * P(Param::DomesticContentExclusion) * L[b].domestic_content;
        // Trusted data flows with partners are integration too (000:L16-L20);
        // strong privacy rules build the trust that makes partners share data
        // (the GDPR as a global reference, 004:L2123; an assumption of size).
        f.integration[b] += 0.1 * L[b].data_flow + 0.05 * L[b].privacy;
        // ... and cost firms compliance and data use: privacy against business
        // interests (004:L2101, L2123).
        f.compliance_cost[b] = P(Param::PrivacyCompliance) * L[b].privacy;
        // The Global South's own coordination (RCEP-style agreements among
        // its members, 001:L377) integrates it further (an assumption of size).
        if (b == kGS) f.integration[b] += 0.1 * L[b].coordination;
    }
}

// 6/7/11. Alignment of EU, Allies and the Global South with the Western camp.
// They lean toward whoever offers market access and finance (001:L47, 001:L369;
// 003:L341 BRI), resent domestic-content subsidy races (001:L34), and are
// pushed away by broad extraterritorial controls (001:L125). Coordination
// diplomacy works the same way for both poles: it pulls partners only as far
// as it brings them something, and strains them when they are asked to give
// up sales to the other pole (model v2: China's coordination is not free).
void drivers_alignment(const ParamValues& P, const Levers (&L)[B], const Flows& f, Drivers& d) {
    double china_offer = effective_access(P, L[kChina]);
    double west_finance = L[kUS].finance_bn + L[kEU].finance_bn + L[kAllies].finance_bn;
    double finance_pull =
        saturate(west_finance, P(Param::FinanceHalf)) - saturate(L[kChina].finance_bn, P(Param::FinanceHalf));
    double west_coercion = 0;
    for (int w : {kUS, kEU, kAllies}) west_coercion = std::max(west_coercion, L[w].breadth * L[w].mean_controls());
    double china_coercion = L[kChina].breadth * L[kChina].mean_controls();
    double west_coordination = (L[kUS].coordination + L[kEU].coordination + L[kAllies].coordination) / 3.0;
    double west_controls = std::max({L[kUS].mean_controls(), L[kEU].mean_controls(), L[kAllies].mean_controls()});
    double west_irritation[B];  // each Western bloc's subsidy race, resented by its partners
    for (int w : {kUS, kEU, kAllies}) west_irritation[w] = subsidy_irritation(P, L[w]);
    // China's state support for green technology irritates partners as the
    // West's subsidies do: the lack of a level playing field in green tech is
    // part of the systemic rivalry the EU sees (004:L148). It pushes them
    // toward the Western camp. (China's design-out subsidies in the denied
    // sectors replace imports at home and are not counted.)
    const double china_irritation =
        subsidy_irritation(P, saturate(L[kChina].subsidies[kClean], P(Param::SubsidyHalf, kClean)), L[kChina]);
    d.alignment[kUS] = d.alignment[kChina] = 0.0;
    for (int p : {kEU, kAllies, kGS}) {
        double irritation = 0;
        for (int w : {kUS, kEU, kAllies})
            if (w != p) irritation += west_irritation[w];
        // Following a camp's controls costs the partner its sales to the other
        // pole, which strains it unless compensated (001:L114).
        double exposure_china = P(Param::ChinaExposure, p), exposure_west = 1.0 - exposure_china;
        double strain = p == kGS ? 0.0 : exposure_china * L[p].mean_controls();
        double west_compensation = f.offer_west[p] - exposure_china * west_controls;
        double china_compensation = china_offer - exposure_west * L[kChina].mean_controls();
        double own_coordination = p == kGS ? 0.0 : L[p].coordination;
        d.alignment[p] = -P(Param::AllianceStrain) * strain + P(Param::AlignMarketAccess) * (f.offer_west[p] - china_offer) +
                         P(Param::AlignFinance) * finance_pull +
                         P(Param::AlignCoordination) * 0.5 * (own_coordination + west_coordination) * west_compensation -
                         P(Param::ChinaCoordination) * L[kChina].coordination * china_compensation * (p == kGS ? 1.0 : 0.3) -
                         P(Param::AlignIrritation) * (irritation - china_irritation) -
                         P(Param::AlignCoercion) * (west_coercion - china_coercion) * (p == kAllies ? 0.3 : 1.0);
    }
}

// Broad entity listings spill into standards forums: listed firms are
// excluded whatever the bloc's standards policy (003:L403-L405).
double effective_standards_openness(const ParamValues& P, const Levers& l) {
    return l.standards_openness * (1.0 - P(Param::ListingStandardsSpill) * l.breadth);
}

// 8. Standards: leadership in ISO/IEC/ITU/3GPP follows capability and
// participation (China held 79 ISO and 10 IEC secretariats in 2019, 003:L265),
// spread by infrastructure finance (85 BRI standardisation agreements, 003:L341);
// excluding the rival splits standards into two systems and duplicates R&D
// (003:L175; 004:L1844-L1862).
void drivers_standards(const ParamValues& P, const State& st, const Levers (&L)[B], Drivers& d) {
    double west_openness = 0, west_weight = 0;
    for (int w : {kUS, kEU, kAllies}) {
        west_openness += P(Param::MarketSize, w) * effective_standards_openness(P, L[w]);
        west_weight += P(Param::MarketSize, w);
    }
    west_openness /= west_weight;
    const double china_openness = effective_standards_openness(P, L[kChina]);
    const double gs_openness = effective_standards_openness(P, L[kGS]);
    double voice[B];  // what participation and finance bring a bloc in every sector's bodies
    for (int b = 0; b < B; ++b)
        voice[b] = (P(Param::StandardsShareTarget) + L[b].standards_participation) *
                   (1.0 + P(Param::StandardsFinance) * saturate(L[b].finance_bn, P(Param::FinanceHalf)));
    for (int s = 0; s < S; ++s) {
        for (int b = 0; b < B; ++b) d.std_weight[b][s] = (0.2 + st.cap[b][s] * 0.01) * voice[b];
        double china_influence = st.stdi[kChina][s];
        // Third markets that close their forums to China's firms split standards too (004:L1850).
        d.fragmentation[s] = P(Param::FragmentationExclusion) * ((1.0 - west_openness) * china_influence * 2.0 +
                                                                (1.0 - china_openness) * (1.0 - china_influence) +
                                                                0.3 * (1.0 - gs_openness) * china_influence);
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
        for (int s = 0; s < S; ++s) f.tariff_burden[b] += L[b].tariffs[s] * st.share[rival_of(b)][s] * (1.0 / S);
        double own = st.share[b][kClean], china = st.share[kChina][kClean];
        double substitutes = b == kChina ? 1.0 : own / (own + china + 1e-9);
        // China's clean-tech firms invited to localise (no inbound screening)
        // produce behind the tariff wall (001:L400-L402).
        const double localised = b == kChina ? 0.0 : P(Param::RivalLocalisation) * (1.0 - L[b].inbound);
        double tariff_push = L[b].tariffs[kClean] * (1.0 - localised) * P(Param::CleanTechChinaShare) * (1.0 - substitutes);
        double content_push = 0.2 * L[b].domestic_content * (1.0 - 0.5 * substitutes);
        double minerals = b == kChina ? 0.0 : P(Param::MineralsDependence, b) * f.denied_west[kClean];
        // Learning curve: costs fall with the capability of the world supply
        // the bloc buys from; tariffs on the rival forgo the learning of its
        // scale unless its firms localise (001:L404).
        double learning = 0;
        for (int c = 0; c < B; ++c)
            learning += st.share[c][kClean] * st.cap[c][kClean] * 0.01 *
                        (rivals(b, c) ? 1.0 - L[b].tariffs[kClean] * (1.0 - localised) : 1.0);
        f.cleantech_cost[b] = 100.0 * (1.0 + P(Param::CleanTechPassThrough) * (tariff_push + content_push) + minerals) *
                              (1.0 - P(Param::CleanTechLearning) * learning);
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
        // Model v2: a tie is as open as the two sides make it on average, so
        // a bloc that opens its own labs and visas gains even when the rival
        // does not (v1 took the minimum, and own openness above the rival's
        // did nothing).
        double tie = 0.5 * (L[b].talent + L[rival_of(b)].talent);
        f.innovation[b] = 1.0 - P(Param::TalentDependence, b) * mean_weight * (1.0 - tie);
        // Openness has a security downside: open labs and research ties let
        // the rival learn (espionage, infiltration: 004:L770; civil-military
        // fusion: 004:L870).
        // Open standards forums are another channel: the security case for
        // excluding a listed rival from them (003:L403, Huawei and JEDEC).
        f.know_how_out[b] = L[b].talent + 0.5 * effective_standards_openness(P, L[b]);
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
            if (c != b && !rivals(b, c)) partners[b] += size[c] * (1.0 + displacement * L[c].market_access);
        }
    }
    const double standards_market = P(Param::StandardsMarket);
    for (int s = 0; s < S; ++s) {
        const double standards_weight = standards_market * P(Param::StandardsWeight, s);
        double china_rivals = 0;  // what China can sell in the Western markets
        for (int w : {kUS, kEU, kAllies}) china_rivals += size[w] * st.open[w] * (1.0 - shield * L[w].tariffs[s]);
        const double china_market = size[kChina] * (1.0 - shield * L[kChina].tariffs[s]);
        for (int b = 0; b < B; ++b) {
            double rival = b == kChina ? china_rivals * (1.0 - L[kChina].controls[s])
                           : is_western(b) ? china_market * st.open[b] * (1.0 - L[b].controls[s])
                                           : 0.0;
            double access = size[b] + 0.5 * (partners[b] + rival);
            double subsidy = f.subsidy_sat[b][s];
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
                P(Param::ReshoringEffect) * f.capture[b] * f.subsidy_sat[b][s];
            // Own tariffs keep the rival's goods out, and with them the dependence.
            // Open research ties (labs, visas, standards forums) make teams
            // rest on the rival's students, funding and know-how (004:L772),
            // whichever side is ahead. Not the Global South's: its labs and
            // visas are open to both camps, not to one rival (001:L47).
            // The rival's firms invited to localise integrate the host with
            // the rival's technology (001:L402).
            const double localised = s == kClean && b != kChina ? P(Param::RivalLocalisation) * (1.0 - L[b].inbound) : 0.0;
            d.dependence[b][s] = (0.2 + st.share[r][s]) * st.open[b] * (1.0 - reshoring) * (1.0 - 0.5 * st.indig[b][s]) *
                                 (1.0 + localised) *
                                 (1.0 - P(Param::TariffShield) * L[b].tariffs[s]) * (1.0 + (b == kGS ? 0.0 : P(Param::TalentTies)) * f.know_how_out[b]) *
                                 (b == kChina ? 1.0 - f.denied_china[s] : 1.0);
        }
    }
}

// Escalation builds with effective controls, tariffs and retaliation (001:L32, 001:L135).
void drivers_escalation(const ParamValues& P, const Levers (&L)[B], const Flows& f, Drivers& d) {
    double denial = 0, retaliation = 0;
    for (int s = 0; s < S; ++s) denial += f.denied_china[s] * (1.0 / S), retaliation += f.denied_west[s] * (1.0 / S);
    double west_tariffs = std::max({L[kUS].mean_tariffs(), L[kEU].mean_tariffs(), L[kAllies].mean_tariffs()});
    double west_breadth = std::max({L[kUS].breadth, L[kEU].breadth, L[kAllies].breadth});
    double tariffs = 0.5 * (west_tariffs + L[kChina].mean_tariffs());
    // Broad restrictions escalate whoever imposes them (001:L135).
    d.escalation = P(Param::EscalationControls) * (denial * (0.7 + 0.3 * west_breadth) + retaliation * 0.3 * L[kChina].breadth) +
                   P(Param::EscalationTariffs) * tariffs + P(Param::EscalationRetaliation) * retaliation;
}

// 12. The EU relies on US software and cloud as well as on East Asian
// hardware (004:L88): a dependence that data localisation (sovereign cloud)
// and own AI capability reduce.
void mechanism_digital_dependence(const ParamValues& P, const State& st, const Levers (&L)[B], Flows& f) {
    const double us = st.cap[kUS][kAI];
    for (int b = 0; b < B; ++b)
        f.us_dependence[b] = P(Param::UsDigitalDependence, b) * (1.0 - 0.5 * L[b].localization) * 2.0 * us /
                             (us + st.cap[b][kAI] + 1e-9);
}

void compute_flows(const ParamValues& __restrict P, const State& st, const Levers (&L)[B], Flows& f) {
    for (int b = 0; b < B; ++b) f.outbound_screening[b] = L[b].outbound;
    mechanism_digital_dependence(P, st, L, f);
    mechanism_controls(P, st, L, f);
    mechanism_subsidies(P, L, f);
    mechanism_market_access(P, st, L, f);
    mechanism_talent(P, L, f);
    mechanism_cleantech_cost(P, st, L, f);
}

void compute_drivers(const ParamValues& __restrict P, const State& st, const Levers (&L)[B], const Flows& f, Drivers& d) {
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
    for (int b = 0; b < B; ++b) {
        const int rival = rival_of(b);
        for (int s = 0; s < S; ++s) {
            // Model v2: subsidies buy capability in absolute terms (saturating);
            // the race with others' subsidies plays out in market shares and
            // in the rules by which the other blocs answer (react).
            double subsidy = f.subsidy_sat[b][s];
            // Designing out needs tools and servicing: denied equipment (which
            // is not smuggled by the box) impedes it (001:L102-L112).
            double tools_denied = b == kChina ? P(Param::ToolChokepoint, s) * f.denied_china[s] : 0.0;
            double r = P(Param::BaseGrowth, s) * f.innovation[b] * P(Param::TalentSectorWeight, s) +
                       // Absorptive capacity: money buys capability as far as the
                       // bloc can use it (frontier fabs are almost insurmountably
                       // capital and know-how intensive, 004:L393).
                       P(Param::SubsidyGain) * subsidy * (st.cap[b][s] / 75.0) + P(Param::IndigenizationGain) * st.indig[b][s] * (1.0 - tools_denied) -
                       P(Param::DuplicationCost) * st.frag[s] * P(Param::StandardsWeight, s);
            // Denied inputs slow the target's growth as far as it depended on
            // them, less as it designs them out (001:L73, 001:L108); the same
            // rule for both poles. China's dependence is taken from 2024: its
            // dependence in the run already falls by what is denied, and it is
            // the denied part that drags (model version 6; before, China's
            // drag had no dependence, so EU telecom controls cut the telecom
            // leader's capability more than US chip controls cut its chips).
            if (b == kChina)
                r -= P(Param::ControlDrag, s) * f.denied_china[s] * P(Param::BaseDependence, b * S + s) * 0.01 *
                     (1.0 - 0.5 * st.indig[b][s]);
            else if (b != kGS)
                r -= P(Param::RetaliationDrag) * f.denied_west[s] * st.dep[b][s] * (1.0 - 0.5 * st.indig[b][s]);
            // 5G vendor diversity: shutting out the rival's vendors (telecom
            // tariffs as the exclusion) thins a concentrated RAN market and
            // slows the rollout the bloc's own telecom capability rests on
            // (004:L752-L766; rollout as a precondition, 004:L744).
            if (s == kTelecom)
                r -= P(Param::VendorDiversityDrag) * L[b].tariffs[kTelecom] * st.share[rival][kTelecom];
            // Lost sales to the rival mean less R&D (001:L63, 001:L248), for whoever controls.
            r -= P(Param::RevenueToRnd) * mechanism_revenue_loss(P, L[b], s);
            // Open research ties let the rival learn (004:L770, 004:L870).
            if (b != kGS)
                r += P(Param::KnowHowTransfer) * f.know_how_out[rival] * P(Param::TalentSectorWeight, s) *
                     std::max(0.0, st.cap[rival][s] - st.cap[b][s]) * 0.01;
            rate[b][s] = r;
        }
    }
}

// Catch-up gained or lost as ties open or close since 2024 (001:L45, 004:L128).
void integrate_capability(const ParamValues& __restrict P, const CapabilityRates& rate, const CapabilityRates& rate_ref,
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
// Each target is written as the 2024 value plus a change that is exactly zero
// when the drivers equal 2024's (base + slope x (driver - driver_2024), with
// slope = base / driver_2024), so the status quo stays on its 2024 state bit
// for bit and scores exactly 50; the product form base / driver_2024 x driver
// equals it only to an ulp. Shares of a whole (market shares, standards
// influence) are normalised first and then carried the same way: the 2024
// value plus the normalised target's change from the normalised target of
// 2024. The slopes, the 2024 values and the reciprocals of the time constants
// are computed once per run (divisions were a fifth of a run).
struct StockScales {
    double open_base[B], open_slope[B];
    double share_base[B][S], share_slope[B][S], share_ref[B][S];
    double std_base[B][S], std_slope[B][S], std_ref[B][S];
    double dep_base[B][S], dep_slope[B][S];
    double inv_open_tau, inv_align_tau, inv_share_tau, inv_std_tau, inv_frag_tau, inv_esc_tau;
    StockScales() = default;
    // `base`: the 2024 state (init_state); `ref`: the drivers of 2024.
    StockScales(const ParamValues& __restrict P, const State& base, const Drivers& ref) {
        for (int b = 0; b < B; ++b) {
            open_base[b] = base.open[b];
            open_slope[b] = base.open[b] / std::max(ref.openness[b], 1e-9);
            for (int s = 0; s < S; ++s) {
                share_base[b][s] = base.share[b][s];
                share_slope[b][s] = P(Param::BaseShare, b * S + s) / std::max(ref.comp[b][s], 1e-12);
                std_base[b][s] = base.stdi[b][s];
                std_slope[b][s] = P(Param::BaseStandards, b * S + s) / std::max(ref.std_weight[b][s], 1e-12);
                dep_base[b][s] = base.dep[b][s];
                dep_slope[b][s] = base.dep[b][s] / std::max(ref.dependence[b][s], 1e-12);
            }
        }
        for (int s = 0; s < S; ++s) {
            double share_target[B], std_target[B];
            normalised_targets(ref, s, share_target, std_target);
            for (int b = 0; b < B; ++b) share_ref[b][s] = share_target[b], std_ref[b][s] = std_target[b];
        }
        inv_open_tau = 1.0 / P(Param::OpennessTau);
        inv_align_tau = 1.0 / P(Param::AlignTau);
        inv_share_tau = 1.0 / P(Param::ShareTau);
        inv_std_tau = 1.0 / P(Param::StandardsTau);
        inv_frag_tau = 1.0 / P(Param::FragmentationTau);
        inv_esc_tau = 1.0 / P(Param::EscalationTau);
    }
    // The market shares and standards influence of sector s that the drivers
    // alone would give: each bloc's weight shared out among the blocs.
    void normalised_targets(const Drivers& d, int s, double (&share)[B], double (&stdi)[B]) const {
        double share_sum = 0, std_sum = 0;
        for (int b = 0; b < B; ++b) {
            share[b] = share_slope[b][s] * d.comp[b][s];
            stdi[b] = std_slope[b][s] * d.std_weight[b][s];
            share_sum += share[b];
            std_sum += stdi[b];
        }
        const double share_norm = 1.0 / share_sum, std_norm = 1.0 / std_sum;
        for (int b = 0; b < B; ++b) share[b] *= share_norm, stdi[b] *= std_norm;
    }
};

void integrate_stocks(const ParamValues& __restrict P, const Drivers& d, const Drivers& ref, const StockScales& k, State& st) {
    for (int b = 0; b < B; ++b) {
        const double open_target = k.open_base[b] + k.open_slope[b] * (d.openness[b] - ref.openness[b]);
        st.open[b] += (clamp01(open_target) - st.open[b]) * k.inv_open_tau;
        if (b == kEU || b == kAllies || b == kGS) {
            double target = P(Param::AlignBase, b) + (d.alignment[b] - ref.alignment[b]);
            st.align[b] += (std::clamp(target, 0.02, 0.98) - st.align[b]) * k.inv_align_tau;
        }
    }
    for (int s = 0; s < S; ++s) {
        double share_target[B], std_target[B];
        k.normalised_targets(d, s, share_target, std_target);
        for (int b = 0; b < B; ++b) {
            const double share = k.share_base[b][s] + (share_target[b] - k.share_ref[b][s]);
            const double stdi = k.std_base[b][s] + (std_target[b] - k.std_ref[b][s]);
            const double dep = k.dep_base[b][s] + k.dep_slope[b][s] * (d.dependence[b][s] - ref.dependence[b][s]);
            st.share[b][s] += (share - st.share[b][s]) * k.inv_share_tau;
            st.stdi[b][s] += (stdi - st.stdi[b][s]) * k.inv_std_tau;
            st.dep[b][s] += (clamp01(dep) - st.dep[b][s]) * k.inv_share_tau;
        }
        double frag_target = P(Param::BaseFragmentation, s) + (d.fragmentation[s] - ref.fragmentation[s]);
        st.frag[s] += (clamp01(frag_target) - st.frag[s]) * k.inv_frag_tau;
    }
    double esc_target = P(Param::BaseEscalation) + (d.escalation - ref.escalation);
    st.esc += (clamp01(esc_target) - st.esc) * k.inv_esc_tau;
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
// Promote weighs sectors by their weight in the economy's technology base.
struct SectorWeights {
    double w[S];
    SectorWeights() = default;
    explicit SectorWeights(const ParamValues& __restrict P) {
        double sum = 0;
        for (int s = 0; s < S; ++s) sum += P(Param::SectorWeight, s);
        for (int s = 0; s < S; ++s) w[s] = P(Param::SectorWeight, s) / sum;
    }
};
double mean_weighted(const SectorWeights& sw, const double row[S]) {
    double m = 0;
    for (int s = 0; s < S; ++s) m += sw.w[s] * row[s];
    return m;
}
double tech_lead(const State& st, int b) { return mean_triad(st.cap[b]) - mean_triad(st.cap[rival_of(b)]); }
// Cohesion: partners' alignment with the camp. The EU (and to a lesser degree
// the Allies) also value autonomy from both poles: low dependence on China and
// on US software and cloud (001:L422-L426; 004:L88). The Global South keeps
// both doors open.
double cohesion(const ParamValues& P, const State& st, const Flows& f, int b) {
    double west = 0.5 * (st.align[kEU] + st.align[kAllies]);
    if (b == kChina) return 100.0 * (0.5 * (1.0 - west) + 0.5 * (1.0 - st.align[kGS]));
    if (b == kGS) return 100.0 * (1.0 - 2.0 * std::fabs(st.align[kGS] - 0.5));
    double autonomy = 1.0 - 0.5 * (mean_all(st.dep[b]) + f.us_dependence[b]);
    double w = P(Param::AutonomyWeight, b);
    return 100.0 * ((1.0 - w) * west + w * autonomy);
}
double third_countries(const State& st, int b) {
    if (b == kGS) return 100.0 * mean_all(st.stdi[kGS]);  // its own voice in standards bodies
    return 100.0 * (b == kChina ? 1.0 - st.align[kGS] : st.align[kGS]);
}
double gs_alignment(const State& st, int b) { return 100.0 * (b == kChina ? 1.0 - st.align[kGS] : st.align[kGS]); }
double mean_frag(const State& st) { return mean_all(st.frag); }

Reference make_reference(const ParamValues& __restrict P, const SectorWeights& sw, const State& st, const Flows& flows) {
    Reference r{};
    for (int b = 0; b < B; ++b) {
        r.lead[b] = tech_lead(st, b);
        r.dep[b] = mean_all(st.dep[b]);
        r.cap[b] = mean_weighted(sw, st.cap[b]);
        r.share[b] = mean_weighted(sw, st.share[b]);
        r.std[b] = mean_all(st.stdi[b]);
        r.cohesion[b] = cohesion(P, st, flows, b);
        r.gs[b] = third_countries(st, b);
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
double fiscal_burden(const ParamValues& P, int b, double fiscal_change_share) {
    double pct = fiscal_change_share * 100.0;
    return pct <= 0 ? pct : pct + P(Param::FiscalConvexity, b) * pct * pct;
}

// The readable units of issue 14: the state restated in the units the sources
// give. Investment flows are their 2024 level times the change of the bloc's
// openness with the rival since 2024, raised to one elasticity fitted to the
// observed falls of 2017-2023 (002:L14: investment fell far more than trade);
// venture investment is further cut by the investor's own outbound screening,
// which forbids deals in the screened sectors (001:L77).
template <typename Put>
void record_readable_units(const ParamValues& __restrict P, const State& st, const Flows& f, const Flows& f0, const SectorWeights& sw,
                           double lead, double stdi, int b, Put put) {
    const double openness_factor =
        std::pow(st.open[b] / P(Param::BaseOpenness, b), P(Param::InvestmentElasticity));
    const double outbound_factor = (1.0 - f.outbound_screening[b]) / std::max(1.0 - f0.outbound_screening[b], 0.05);
    const double venture = P(Param::Venture2024, b) * openness_factor * outbound_factor;
    put(Indicator::LeadYears, b, lead / P(Param::FrontierPace));
    put(Indicator::InvestmentFromRival, b, P(Param::Investment2024, b) * openness_factor);
    put(Indicator::VentureIntoRival, b, venture);
    put(Indicator::VentureDealsIntoRival, b, venture / P(Param::VentureDealSize));
    put(Indicator::IsoSecretariats, b, stdi * P(Param::IsoSecretariatsTotal));
    put(Indicator::IecSecretariats, b, stdi * P(Param::IecSecretariatsTotal));
    put(Indicator::MarketShare, b, 100.0 * mean_weighted(sw, st.share[b]));
}

// The trends of the reference projection in one year (section below), the same for every bloc's record.
struct ReferenceTrends {
    bool on = false;
    double gain[S] = {};             // China's capability gain per sector (chips, AI, quantum)
    double triad_gain = 0;
    double china_standards[S] = {};  // China's share of standards leadership with the trend (%)
    double others_factor[S] = {};    // what the others' shares are multiplied by
    double investment_kept = 1;      // share of investment flows left
    double dependence_fall = 0;      // points off China's dependence
};
ReferenceTrends reference_trends(const ParamValues& __restrict P, const State& st, int years_since_2024);
void apply_reference_trends(const ParamValues& __restrict P, const State& st, const ReferenceTrends& tr, int b, int t,
                            Results& out);

// `trend_years`: years since 2024 for the trends of the reference projection
// (0 in the base year and in the backcast, which has no trends of its own).
void record(const ParamValues& __restrict P, const SectorWeights& sw, const State& st, const Flows& f, const Reference& ref, int t,
            int trend_years, int only_bloc, Results& out) {
    auto put = [&](Indicator i, int b, double v) { out.ind[static_cast<int>(i)][b][t] = v; };
    const Flows& f0 = ref.flows;
    const ReferenceTrends trends = reference_trends(P, st, trend_years);
    double frag = mean_frag(st);
    for (int b = 0; b < B; ++b) {
        if (only_bloc >= 0 && b != only_bloc) continue;
        double lead = tech_lead(st, b);
        double dep = mean_all(st.dep[b]);
        double cap_change = mean_weighted(sw, st.cap[b]) - ref.cap[b];
        double share_change = mean_weighted(sw, st.share[b]) - ref.share[b];
        double stdi = mean_all(st.stdi[b]);
        double fiscal_change = f.fiscal_share[b] - f0.fiscal_share[b];
        double cleantech_change = (f.cleantech_cost[b] - f0.cleantech_cost[b]) / f0.cleantech_cost[b];
        double gdp = P(Param::TradeExposure, b) * (st.open[b] / ref.open[b] - 1.0) * 100.0 +
                     P(Param::GdpPerCapability) * cap_change +
                     P(Param::RoyaltyGdp) * P(Param::PatentedShare) * (stdi - ref.std[b]) * 100.0 -
                     P(Param::FiscalDrag) * fiscal_burden(P, b, fiscal_change) - P(Param::CleanTechGdp) * cleantech_change +
                     P(Param::MarketAccessGdp) * (f.offer_received[b] - f0.offer_received[b]) -
                     (f.compliance_cost[b] - f0.compliance_cost[b]) -
                     P(Param::TariffCost) * (f.tariff_burden[b] - f0.tariff_burden[b]) * 100.0 -
                     P(Param::EscalationGdp) * (st.esc - ref.esc);
        double coh = cohesion(P, st, f, b), third = third_countries(st, b);
        put(Indicator::TechLead, b, lead);
        put(Indicator::RivalLeakage, b, 100.0 * f.rival_leakage[b]);
        put(Indicator::Dependence, b, 100.0 * dep);
        put(Indicator::GdpEffect, b, gdp);
        put(Indicator::TradeOpenness, b, 100.0 * st.open[b] / ref.open[b]);
        put(Indicator::FiscalCost, b, f.fiscal_share[b] * P(Param::GdpSize, b) * 1000.0);
        put(Indicator::CleanTechCost, b, 100.0 * f.cleantech_cost[b] / f0.cleantech_cost[b]);
        put(Indicator::Innovation, b, 100.0 * f.innovation[b] / f0.innovation[b]);
        put(Indicator::AllianceCohesion, b, coh);
        put(Indicator::GlobalSouthAlignment, b, gs_alignment(st, b));
        put(Indicator::StandardsFragmentation, b, 100.0 * frag);
        put(Indicator::Escalation, b, 100.0 * st.esc);
        put(Indicator::Capability, b, mean_all(st.cap[b]));
        put(Indicator::StandardsInfluence, b, 100.0 * stdi);
        record_readable_units(P, st, f, f0, sw, lead, stdi, b, put);

        // Pillar scores (model v2): outcomes only, each a weighted,
        // standardised change since 2024 (weights are assumptions in the
        // parameter table; the scales say what one standard step is).
        const double pace = P(Param::FrontierPace);
        const double values[kPillarCount][kMaxPillarComponents] = {
            {(lead - ref.lead[b]) / pace, 100.0 * (f.rival_access[b] - f0.rival_access[b]), 100.0 * (dep - ref.dep[b]),
             100.0 * (st.esc - ref.esc), 0.0},
            {0.5 * (cap_change + 100.0 * share_change), gdp, 100.0 * (f.innovation[b] - f0.innovation[b]),
             fiscal_burden(P, b, fiscal_change), 100.0 * cleantech_change},
            {coh - ref.cohesion[b], third - ref.gs[b], f.integration[b] - f0.integration[b], 100.0 * (frag - ref.frag), 0.0},
        };
        // One standard step: 2 years of lead, 25 points of the rival's access,
        // 12 points of dependence, 30 of escalation; 3 points of capability
        // and share, 1.5% of GDP, 8 index points of innovation, 1% of GDP of
        // extra spending, 25% on clean-tech prices; 20 points of cohesion or
        // third-country alignment, 0.5 of integration, 30 of fragmentation.
        static constexpr double kInvScale[kPillarCount][kMaxPillarComponents] = {
            {1 / 2.0, 1 / -25.0, 1 / -12.0, 1 / -30.0, 1.0},
            {1 / 3.0, 1 / 1.5, 1 / 8.0, 1 / -1.0, 1 / -25.0},
            {1 / 20.0, 1 / 20.0, 1 / 0.5, 1 / -30.0, 1.0}};
        static constexpr Param kWeights[kPillarCount] = {Param::ScoreWeightsProtect, Param::ScoreWeightsPromote,
                                                         Param::ScoreWeightsPartner};
        // The pillar as a template argument: its component count is then a
        // constant and the loop unrolls (an eighth of record() otherwise).
        auto score = [&]<int p>() {
            double z = 0;
            for (int k = 0; k < kPillarComponentCount[p]; ++k) {
                const double w = P(kWeights[p], b * kPillarComponentCount[p] + k);
                double c = w * values[p][k] * kInvScale[p][k];
                out.component_weight[p][k][b] = w;
                out.component_value[p][k][b][t] = values[p][k];
                out.component_contribution[p][k][b][t] = c;
                z += c;
            }
            put(pillar_indicator(static_cast<Pillar>(p)), b, to_score(z));
        };
        static_assert(kPillarCount == 3);
        score.template operator()<0>();
        score.template operator()<1>();
        score.template operator()<2>();

        for (int s = 0; s < S; ++s) {
            out.sector[0][b][s][t] = st.cap[b][s];
            out.sector[1][b][s][t] = 100.0 * st.share[b][s];
            out.sector[2][b][s][t] = 100.0 * st.dep[b][s];
            out.sector[3][b][s][t] = 100.0 * st.stdi[b][s];
        }
        apply_reference_trends(P, st, trends, b, t, out);
    }
}

// ---------------------------------------------------------------------------
// [SECTION] The moving reference projection (issue 14)
// ---------------------------------------------------------------------------
// From 2025 on the status quo carries the trends the sources describe under
// the 2024 policies: China catching up on the frontier and designing out its
// dependence (001:L32, 001:L137), its standards influence growing slowly
// (003:L55, 003:L256), investment between the poles still falling (002:L14).
// They are added to the indicators every scenario reports, alike: the pillar
// scores, computed from the model's own dynamics before the trends are added,
// measure the distance from this moving baseline, so the status quo still
// scores 50 in every year and a policy's effect on a score is what it was.
// The sizes are assumptions in the parameter table (trend_*).
// The share of investment flows the decoupling trend leaves after so many
// years: a power per year, a twentieth of a run, remembered per thread for
// the last decoupling rate (the app reruns with the same assumptions while a
// lever is dragged; Monte Carlo draws a new rate and recomputes).
double investment_kept(const ParamValues& __restrict P, int years_since_2024) {
    struct Powers {
        double rate = 0.0;
        int known = 0;  // kept[0 .. known - 1] are computed for this rate
        double kept[kMaxYears];
    };
    thread_local Powers powers;
    const double rate = P(Param::TrendInvestmentDecoupling);
    if (std::memcmp(&rate, &powers.rate, sizeof rate) != 0) powers.rate = rate, powers.known = 0;
    for (; powers.known <= years_since_2024; ++powers.known)
        powers.kept[powers.known] = std::pow(1.0 - rate, static_cast<double>(powers.known));
    return powers.kept[years_since_2024];
}

ReferenceTrends reference_trends(const ParamValues& __restrict P, const State& st, int years_since_2024) {
    ReferenceTrends tr;
    tr.on = years_since_2024 > 0;
    if (!tr.on) return tr;
    const double years = years_since_2024;
    // Catch-up: China's capability in chips, AI and quantum rises toward the
    // frontier, closing a growing part of its 2024 gap to 100 (the part is
    // trend x years / (trend x years + 16): a gap of 25 points closes by
    // about trend x years over a decade). The gain depends on the 2024 state
    // only, so it is the same in every scenario and leaves policy effects as
    // they were, unless a scenario reaches 100.
    const double closed = saturate(P(Param::TrendChinaCatchUp) * years, 16.0);
    for (int s = 0; s <= kQuantum; ++s) {
        const double gap_2024 = 100.0 - P(Param::BaseCapability, kChina * S + s);
        tr.gain[s] = std::min(100.0, st.cap[kChina][s] + gap_2024 * closed) - st.cap[kChina][s];
    }
    tr.triad_gain = (tr.gain[kSemis] + tr.gain[kAI] + tr.gain[kQuantum]) / 3.0;
    // Standards: China's share of leadership grows; the others' shares shrink in proportion.
    for (int s = 0; s < S; ++s) {
        const double china = 100.0 * st.stdi[kChina][s];
        tr.china_standards[s] = std::min(100.0, china + P(Param::TrendChinaStandards) * years);
        tr.others_factor[s] = china < 100.0 - 1e-9 ? (100.0 - tr.china_standards[s]) / (100.0 - china) : 1.0;
    }
    tr.investment_kept = investment_kept(P, years_since_2024);
    tr.dependence_fall = P(Param::TrendChinaIndigenization) * years;
    return tr;
}

void apply_reference_trends(const ParamValues& __restrict P, const State& st, const ReferenceTrends& tr, int b, int t,
                            Results& out) {
    if (!tr.on) return;
    auto add = [&](Indicator i, double d) { out.ind[static_cast<int>(i)][b][t] += d; };
    auto scale = [&](Indicator i, double k) { out.ind[static_cast<int>(i)][b][t] *= k; };
    const double lead_change = b == kChina ? tr.triad_gain : -tr.triad_gain;  // every other bloc races China
    add(Indicator::TechLead, lead_change);
    add(Indicator::LeadYears, lead_change / P(Param::FrontierPace));

    double influence_change = 0;
    for (int s = 0; s < S; ++s) {
        const double own = 100.0 * st.stdi[b][s];
        const double value = b == kChina ? tr.china_standards[s] : own * tr.others_factor[s];
        influence_change += (value - own) / S;
        out.sector[3][b][s][t] = value;
    }
    add(Indicator::StandardsInfluence, influence_change);
    add(Indicator::IsoSecretariats, influence_change / 100.0 * P(Param::IsoSecretariatsTotal));
    add(Indicator::IecSecretariats, influence_change / 100.0 * P(Param::IecSecretariatsTotal));

    scale(Indicator::InvestmentFromRival, tr.investment_kept);
    scale(Indicator::VentureIntoRival, tr.investment_kept);
    scale(Indicator::VentureDealsIntoRival, tr.investment_kept);

    if (b != kChina) return;
    double capability = 0, dependence = 0;
    for (int s = 0; s < S; ++s) {
        out.sector[0][b][s][t] = st.cap[kChina][s] + tr.gain[s];
        capability += out.sector[0][b][s][t] / S;
        // Designing out: China's dependence on the West's inputs falls, to zero at most.
        out.sector[2][b][s][t] = std::max(0.0, 100.0 * st.dep[kChina][s] - tr.dependence_fall);
        dependence += out.sector[2][b][s][t] / S;
    }
    out.ind[static_cast<int>(Indicator::Capability)][b][t] = capability;
    out.ind[static_cast<int>(Indicator::Dependence)][b][t] = dependence;
}

void pressure_of(const ParamValues& __restrict P, const Flows& f, Pressure& p) {
    for (int s = 0; s < S; ++s) {
        p.on[kChina][s] = f.denied_china[s];
        p.on[kGS][s] = 0.0;
        for (int w : {kUS, kEU, kAllies}) p.on[w][s] = f.denied_west[s] * P(Param::BaseDependence, w * S + s) * 0.01;
    }
}

// Timing (model v2): a lever change starts in the start year and phases in
// linearly over phase_in_years; before the start year every bloc plays its
// 2024 policies, so nothing moves.
double phase_in(const ParamValues& __restrict P, int year, int start_year) {
    if (year < start_year) return 0.0;
    return std::min(1.0, (year - start_year + 1) / std::max(P(Param::PhaseInYears), 1.0));
}

// ---------------------------------------------------------------------------
// [SECTION] The backcast 2017-2023 (issue 14)
// ---------------------------------------------------------------------------
// The policies of the timeline in model units, for kFirstYear..kBaseYear.
struct HistoryLevers {
    Levers year[kHistoryYears + 1][B];
};

void history_levers(const RunInput& input, HistoryLevers& h) {
    std::array<Policy, kBlocCount> in_force;
    for (int k = 0; k <= kHistoryYears; ++k) {
        policies_in_year(input.reference, kFirstYear + k, in_force);
        for (int b = 0; b < B; ++b) h.year[k][b] = to_model_units(in_force[b]);
    }
}

// The stocks at the equilibrium of the first year's policies: each stock's
// target (its 2024 value shifted by how far the drivers differ from 2024's),
// reached at once (every adjustment time set to one year), twice so that the
// drivers see the state they produce. Capability, which has no equilibrium,
// starts at its 2024 value.
void start_at_equilibrium(const ParamValues& __restrict P, const Levers (&L)[B], const Drivers& d_ref, State& st) {
    ParamValues at_once = P;
    for (Param tau : {Param::OpennessTau, Param::AlignTau, Param::ShareTau, Param::StandardsTau, Param::FragmentationTau,
                      Param::EscalationTau})
        at_once.v[kParamOffsets[static_cast<int>(tau)]] = 1.0;
    const StockScales scales(at_once, st, d_ref);  // st is still the 2024 state here
    Flows f;
    Drivers d;
    for (int pass = 0; pass < 2; ++pass) {
        compute_flows(P, st, L, f);
        compute_drivers(P, st, L, f, d);
        integrate_stocks(at_once, d, d_ref, scales, st);
    }
    compute_flows(P, st, L, f);
    mechanism_indigenization_start(f, L, st);
}

// Replays the timeline from kFirstYear with the model's own dynamics (no
// reactions: the timeline holds what every bloc actually did) and records the
// years into out.ind[..][0..kHistoryYears]. The calibrated 2024 state is not
// an exact end point of this replay (it is calibrated as the equilibrium of
// the 2024 policies, and lags leave the replay short of it), so
// close_history_gap later moves each history year toward the calibrated 2024
// value in proportion to its distance from 2017: the history ends exactly
// where every scenario starts. The 2024 value of the replay is returned in
// replay_2024 for that.
void backcast(const ParamValues& __restrict P, const SectorWeights& sw, const RunInput& input, const Drivers& d_ref,
              const CapabilityRates& rate_ref, const Reference& ref, double (&replay_2024)[kIndicatorCount][B], Results& out) {
    HistoryLevers h;
    history_levers(input, h);
    State st;
    init_state(P, st);
    const StockScales scales(P, st, d_ref);
    start_at_equilibrium(P, h.year[0], d_ref, st);
    Flows f;
    Drivers d;
    CapabilityRates rate;
    for (int t = 0; t <= kHistoryYears; ++t) {
        const Levers(&L)[B] = h.year[t];
        compute_flows(P, st, L, f);
        record(P, sw, st, f, ref, t, 0, -1, out);
        if (t == kHistoryYears) break;
        compute_drivers(P, st, L, f, d);
        capability_rates(P, L, f, st, rate);
        integrate_capability(P, rate, rate_ref, st);
        mechanism_indigenization(P, f, L, st);
        integrate_stocks(P, d, d_ref, scales, st);
    }
    for (int i = 0; i < kIndicatorCount; ++i)
        for (int b = 0; b < B; ++b) {
            for (int t = 0; t < kHistoryYears; ++t) out.hist[i][b][t] = out.ind[i][b][t];
            replay_2024[i][b] = out.ind[i][b][kHistoryYears];
        }
    // The projection writes its own years over these slots; a short horizon
    // leaves some unwritten, and they must not hold history.
    for (auto& indicator : out.ind)
        for (auto& bloc : indicator) std::fill(bloc.begin(), bloc.begin() + kHistoryYears + 1, 0.0);
    for (auto& metric : out.sector)
        for (auto& bloc : metric)
            for (auto& sector : bloc) std::fill(sector.begin(), sector.begin() + kHistoryYears + 1, 0.0);
    for (auto* grid : {&out.component_value, &out.component_contribution})
        for (auto& pillar : *grid)
            for (auto& component : pillar)
                for (auto& bloc : component) std::fill(bloc.begin(), bloc.begin() + kHistoryYears + 1, 0.0);
}

// Investment flows are a power of openness, so a linear shift would not keep
// them on their curve: they follow the shifted openness instead.
constexpr int idx_of(Indicator i) { return static_cast<int>(i); }
bool follows_openness(int i) { return history_scaled_by_openness(static_cast<Indicator>(i)); }

void close_history_gap(const ParamValues& __restrict P, const double (&replay_2024)[kIndicatorCount][B], Results& out) {
    const int open_i = idx_of(Indicator::TradeOpenness);
    double replay_open[B][kHistoryYears];
    for (int b = 0; b < B; ++b)
        for (int t = 0; t < kHistoryYears; ++t) replay_open[b][t] = out.hist[open_i][b][t];
    for (int i = 0; i < kIndicatorCount; ++i) {
        if (follows_openness(i)) continue;
        for (int b = 0; b < B; ++b) {
            const double gap = out.ind[i][b][0] - replay_2024[i][b];
            for (int t = 1; t < kHistoryYears; ++t) out.hist[i][b][t] += gap * t / kHistoryYears;
        }
    }
    for (int i = 0; i < kIndicatorCount; ++i) {
        if (!follows_openness(i)) continue;
        for (int b = 0; b < B; ++b)
            for (int t = 1; t < kHistoryYears; ++t)
                out.hist[i][b][t] *= std::pow(out.hist[open_i][b][t] / std::max(replay_open[b][t], 1e-9),
                                              P(Param::InvestmentElasticity));
    }
    out.has_history = true;
}

// Everything a run computes before its first year from the parameters and
// the 2024 policies alone: the 2024 state and equilibrium, and the backcast.
// A slider dragged in the app, the frontier's samples and the search rerun
// with the same parameters and 2024 policies, and take it from the last run
// on the same thread (a fifth of a run otherwise, the backcast apart); Monte
// Carlo draws new parameters and prepares it again.
struct RunSetup {
    bool valid = false;
    ParamValues params;                                // the key, compared bit for bit:
    std::array<Policy, kBlocCount> reference_policy;   // the same bits give the same setup
    Levers reference[B];
    State st;  // the 2024 state, China's design-out drive started
    Flows f_ref;
    Drivers d_ref;
    StockScales scales;
    CapabilityRates rate_ref;
    SectorWeights sw;
    Reference ref;
    Pressure pressure_ref;
    double follow_2024[B][S];
    bool has_history = false;  // the backcast of these parameters is in hist
    decltype(Results::hist) hist;
};

void prepare(const ParamValues& __restrict P, const std::array<Policy, kBlocCount>& reference_policy, RunSetup& k) {
    k.params = P;
    k.reference_policy = reference_policy;
    for (int b = 0; b < B; ++b) k.reference[b] = to_model_units(reference_policy[b]);
    init_state(P, k.st);
    // The 2024 equilibrium: the reference policies as they were (the
    // reactions that had happened by 2024 are in them) at the base-year state.
    compute_flows(P, k.st, k.reference, k.f_ref);
    // China has been designing out controls since 2022: its drive starts at
    // the level the 2024 controls sustain, so the status quo is not a shock.
    mechanism_indigenization_start(k.f_ref, k.reference, k.st);
    compute_drivers(P, k.st, k.reference, k.f_ref, k.d_ref);
    k.scales = StockScales(P, k.st, k.d_ref);
    capability_rates(P, k.reference, k.f_ref, k.st, k.rate_ref);
    k.sw = SectorWeights(P);
    k.ref = make_reference(P, k.sw, k.st, k.f_ref);
    pressure_of(P, k.f_ref, k.pressure_ref);
    for (auto& row : k.follow_2024)
        for (double& v : row) v = 0.0;
    for (int w : {kUS, kEU, kAllies}) follow_targets(P, 0.0, k.reference, w, k.follow_2024[w]);
    k.has_history = false;
    k.valid = true;
}

}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] The yearly loop
// ---------------------------------------------------------------------------
void simulate(const RunInput& input, const ParamValues& P, Results& out) {
    const int years = std::clamp(input.horizon, kMinHorizon, kMaxHorizon) - kBaseYear + 1;
    out.years = years;
    const int seat = idx(input.seat);
    const int start_year = std::clamp(input.start_year, kBaseYear + 1, kMaxHorizon);

    thread_local RunSetup setup;
    if (!setup.valid || std::memcmp(setup.params.v.data(), P.v.data(), sizeof P.v) != 0 ||
        std::memcmp(&setup.reference_policy, &input.reference, sizeof setup.reference_policy) != 0)
        prepare(P, input.reference, setup);
    const RunSetup& k = setup;
    const Levers(&reference)[B] = k.reference;
    const Reference& ref = k.ref;

    Policy blended;
    Levers policy[B], cur[B], L[B];
    // Usually only the seat's levers differ from 2024: the other blocs' are
    // converted once (and their phase-in blend, reference + ramp x 0, is the
    // reference itself, bit for bit).
    bool moved[B];
    for (int b = 0; b < B; ++b) {
        moved[b] = std::memcmp(&input.policy[b], &input.reference[b], sizeof(Policy)) != 0;
        policy[b] = moved[b] ? to_model_units(input.policy[b]) : reference[b];
    }

    State st = k.st;
    Drivers d;
    CapabilityRates rate;
    Pressure pressure = k.pressure_ref;

    // The history depends on the parameters and the 2024 policies only: a
    // slider dragged in the app reruns the projection, not the backcast.
    const bool history_cached = input.history && k.has_history;
    double replay_2024[kIndicatorCount][B];
    out.has_history = false;
    if (input.history && !history_cached) backcast(P, k.sw, input, k.d_ref, k.rate_ref, ref, replay_2024, out);

    double last_ramp = -1.0;
    bool changed = false;
    ReactionPlan plan;
    for (int t = 0; t < years; ++t) {
        const double ramp = phase_in(P, kBaseYear + t, start_year);
        if (ramp != last_ramp) {
            for (int b = 0; b < B; ++b) {
                if (ramp == 0.0 || !moved[b]) cur[b] = reference[b];
                else if (ramp == 1.0) cur[b] = policy[b];
                else {
                    for (int s = 0; s < kSlotCount; ++s)
                        blended[s] = input.reference[b][s] + ramp * (input.policy[b][s] - input.reference[b][s]);
                    cur[b] = to_model_units(blended);
                }
            }
            last_ramp = ramp;
            changed = false;
            for (int b = 0; b < B; ++b) changed |= !same_levers(cur[b], reference[b]);
            if (changed && input.reactions) plan_reactions(P, seat, cur, reference, plan);
            std::memcpy(L, cur, sizeof L);
        }
        if (input.reactions)
            react(P, st, seat, pressure, k.pressure_ref, cur, reference, changed, plan, k.follow_2024, L);

        Flows f;
        compute_flows(P, st, L, f);
        if (!input.horizon_only || t + 1 == years) record(P, k.sw, st, f, ref, t, t, input.only_bloc, out);
        pressure_of(P, f, pressure);
        if (t + 1 == years) break;

        // Stocks move toward targets set by this year's flows.
        compute_drivers(P, st, L, f, d);
        capability_rates(P, L, f, st, rate);
        integrate_capability(P, rate, k.rate_ref, st);
        mechanism_indigenization(P, f, L, st);
        integrate_stocks(P, d, k.d_ref, k.scales, st);
    }
    if (history_cached) {
        // A slider dragged in the app reruns into the same Results: the
        // history is there already, and reading it is cheaper than writing it.
        if (std::memcmp(&out.hist, &k.hist, sizeof out.hist) != 0) out.hist = k.hist;
        out.has_history = true;
    } else if (input.history) {
        close_history_gap(P, replay_2024, out);
        setup.hist = out.hist;
        setup.has_history = true;
    }
}

}  // namespace tl
