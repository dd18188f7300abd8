#!/usr/bin/env python3
"""The calibration table: writes assets/parameters.json from the table below.
Change a value, range or source here, then run
    python3 tools/make_parameters.py assets/parameters.json
(bloc order US, China, EU, Allies, GlobalSouth; sector order semis, ai,
quantum, cleantech, biotech, telecom). A() is an assumption with an explicit
low/high range, Ar() one with a symmetric relative range, F() a sourced fact."""
import json, sys

def A(id, name, unit, value, low, high, source, note=""):
    return dict(id=id, name=name, unit=unit, value=value, low=low, high=high, assumption=True, source=source, note=note)

def F(id, name, unit, value, source, note=""):
    return dict(id=id, name=name, unit=unit, value=value, source=source, note=note)

def pm(v, d):  # symmetric range, element-wise
    if isinstance(v, list):
        return [round(x - d * abs(x), 4) for x in v], [round(x + d * abs(x), 4) for x in v]
    return round(v - d * abs(v), 4), round(v + d * abs(v), 4)

def Ar(id, name, unit, value, rel, source, note=""):
    lo, hi = pm(value, rel)
    return A(id, name, unit, value, lo, hi, source, note)

def rows(*r):
    return [x for row in r for x in row]

P = [
 A("base_leakage", "Base leakage of controlled items by sector", "share", [0.35, 0.55, 0.30, 0.60, 0.45, 0.40],
   [0.2, 0.4, 0.15, 0.45, 0.3, 0.25], [0.5, 0.7, 0.45, 0.75, 0.6, 0.55],
   "001:L102 (1M+ chips at ~$40k, 609 per freight box, vs 53 EUV machines in 250 crates); 001:L100; 001:L116",
   "Share of controlled items that would leak with no enforcement and no allied coordination; AI chips leak most, tool-heavy sectors least."),
 Ar("enforcement_half", "Enforcement budget that halves leakage", "$M per year", 400, 0.5, "001:L81 (BIS < 600 staff, just under $200M); 001:L83",
   "At today's ~$200M the effect is a third of the way to full enforcement."),
 Ar("transshipment_cut", "Leakage closed by full allied coordination", "share", 0.4, 0.5, "001:L114 (collective enforcement); 001:L32 (transshipment)"),
 A("control_drag", "Rival capability growth lost per unit of effective denial", "rate per year", [0.10, 0.10, 0.06, 0.04, 0.05, 0.07],
   [0.05, 0.05, 0.03, 0.02, 0.02, 0.04], [0.15, 0.15, 0.09, 0.06, 0.08, 0.10], "001:L73 (firms set back years); 001:L108 (raise acquisition costs)"),
 A("china_demand_share", "Controlling firms' sales at stake in China", "share", [0.30, 0.25, 0.15, 0.30, 0.15, 0.30],
   [0.2, 0.15, 0.05, 0.2, 0.1, 0.2], [0.4, 0.35, 0.25, 0.4, 0.25, 0.4], "001:L63 (>90% of AI chips in Chinese data centres US-designed)"),
 Ar("revenue_to_rnd", "Capability growth lost per unit of lost revenue", "rate", 0.015, 0.5, "001:L248; 004:L1862 (lost royalties limit research)"),
 Ar("indigenization_tau", "Years for the rival's design-out drive to build", "years", 4, 0.5, "001:L137; 004:L1365 (never return to dependency)"),
 Ar("indigenization_gain", "Capability growth from a full design-out drive", "rate per year", 0.045, 0.75, "001:L32 (design out); 001:L137; 004:L490 (post-Moore paths)"),
 Ar("breadth_decoupling", "Openness lost to broad controls", "share", 0.8, 0.35, "001:L135 (far greater reduction than the policy framing)"),
 Ar("screening_decoupling", "Openness lost to full investment screening", "share", 0.5, 0.4, "002:L14 (Chinese FDI in the US $23.4bn 2017 -> $3.2bn 2022; US VC 426/$87bn -> <50/$8.1bn)"),
 Ar("tariff_decoupling", "Openness lost to full tariffs", "share", 0.6, 0.35, "001:L131 (tariffs on most Chinese goods)"),
 Ar("escalation_decoupling", "Openness lost at full escalation", "share", 0.3, 0.5, "002:L14 (business-climate uncertainty)"),
 Ar("openness_tau", "Years for trade openness to adjust", "years", 2, 0.5, "002:L14 (VC fell by 90% within two years)"),
 A("base_growth", "Capability growth per unit of innovation change", "rate per year", [0.06, 0.1, 0.08, 0.05, 0.08, 0.06],
   [0.03, 0.05, 0.04, 0.025, 0.04, 0.03], [0.09, 0.15, 0.12, 0.075, 0.12, 0.09], "002:L14 (a drag on innovation for both countries); 001:L137; 001:L45"),
 Ar("diffusion", "Catch-up gained or lost as ties open or close", "rate", 0.05, 0.5, "001:L45 (competition in trusted markets drives innovation); 004:L128"),
 Ar("subsidy_gain", "Capability growth from out-subsidising the others", "rate per year", 0.06, 0.5, "001:L43; 004:L518"),
 A("subsidy_half", "Effective subsidy that gives half the gain", "$bn per year", [40, 30, 10, 40, 20, 15],
   [25, 20, 5, 25, 10, 8], [60, 45, 20, 60, 30, 25], "004:L393 (frontier fabs almost insurmountably capital intensive); 004:L613"),
 Ar("private_leverage", "Private investment drawn per public dollar", "ratio", 2.0, 0.5, "001:L30 (> $900bn private commitments in four years); 001:L182 (quantum hub ~8x)"),
 A("power_intensity", "How much a sector's growth needs new power", "share", [0.6, 0.9, 0.2, 0.5, 0.1, 0.2],
   [0.4, 0.7, 0.1, 0.3, 0.05, 0.1], [0.8, 1.0, 0.3, 0.7, 0.2, 0.3], "001:L213 (fab > 1 GW); 001:L215 (AI up to 10% of grid by 2030)"),
 A("power_gap", "Shortfall of firm power for new industry", "share", [0.5, 0.2, 0.5, 0.4, 0.5],
   [0.3, 0.1, 0.3, 0.2, 0.3], [0.7, 0.35, 0.7, 0.6, 0.7], "001:L215 (could be hindered by an inability to provide energy); 001:L223"),
 Ar("energy_half", "Energy investment that halves the power gap", "$bn per year", 20, 0.5, "001:L221 ($2.5bn authorised for transmission)"),
 Ar("domestic_capture", "Share of subsidised output kept at home without content rules", "share", 0.5, 0.4, "001:L34; 004:L592 (wafers still shipped to Asia for packaging)"),
 Ar("subsidy_race", "Allies' matching of domestic-content subsidies", "share", 0.3, 0.6, "001:L34 (concerns of Japan, Korea, EU over a subsidy race)"),
 A("market_size", "Share of world demand", "share", [0.25, 0.20, 0.18, 0.12, 0.25], [0.22, 0.17, 0.15, 0.10, 0.20], [0.28, 0.23, 0.21, 0.14, 0.30],
   "001:L325 (Southeast Asia ~60% of India's GDP); 004:L2017 (Indo-Pacific 90% of new middle class)", "No bloc GDPs in the seeds: an assumption."),
 Ar("share_tau", "Years for market shares and dependence to adjust", "years", 4, 0.5, "004:L818 (mutual interdependence); 001:L202 (not a one-and-done deal)"),
 Ar("tariff_shield", "Share of the rival's sales a full tariff blocks", "share", 0.8, 0.2, "001:L131"),
 Ar("import_displacement", "Partners' extra sales from full market access", "share", 1.0, 0.5, "001:L367 (more access means more imports)"),
 Ar("domestic_content_exclusion", "How far content rules hollow a market-access offer", "share", 0.6, 0.4, "001:L34 (agreements without market access)"),
 Ar("align_tau", "Years for partners' alignment to shift", "years", 3, 0.5, "001:L436 (months, perhaps years)"),
 A("align_base", "Alignment with the Western camp in 2024", "0-1", [1.0, 0.0, 0.62, 0.78, 0.42], [1.0, 0.0, 0.5, 0.7, 0.32], [1.0, 0.0, 0.72, 0.86, 0.52],
   "001:L422 (Japan, Australia ready; ambivalence in Europe); 004:L130 (partner, competitor, systemic rival); 001:L24 (China's long game in the Global South)"),
 Ar("align_market_access", "Alignment bought by full market access", "0-1", 0.35, 0.5, "001:L47 (Reinsch, Murphy); 001:L346; 001:L369 (tangible benefits)"),
 Ar("align_finance", "Alignment bought by out-financing the rival", "0-1", 0.15, 0.5, "001:L47; 001:L336-L340 (China offers projects at attractive prices)"),
 Ar("finance_half", "Finance that gives half its pull", "$bn per year", 50, 0.5, "001:L336 (trillions needed in the Indo-Pacific); 001:L354"),
 Ar("align_coordination", "Alignment from coordination diplomacy", "0-1", 0.1, 0.5, "001:L114; 001:L426"),
 Ar("align_irritation", "Alignment lost to partners' domestic-content subsidies", "0-1", 0.5, 0.5, "001:L34"),
 Ar("align_coercion", "Alignment lost to broad extraterritorial controls", "0-1", 0.3, 0.5, "001:L125 (global fragmentation or an isolated United States)"),
 A("consent_base", "Allies' willingness to follow US controls", "0-1", [1.0, 0.0, 0.45, 0.65, 0.2], [1.0, 0.0, 0.3, 0.5, 0.1], [1.0, 0.0, 0.6, 0.8, 0.3],
   "001:L114 (partners overly cautious; acknowledge allies' concerns); 001:L422 (Europe is the crux)"),
 Ar("consent_cost", "Consent lost per unit of exposure to China", "0-1", 1.0, 0.5, "001:L114; 004:L164 (decoupling fall-out for the EU)"),
 A("china_exposure", "High-tech sales exposed to China", "share", [0.3, 0.0, 0.4, 0.5, 0.4], [0.2, 0.0, 0.3, 0.35, 0.3], [0.4, 0.0, 0.5, 0.65, 0.5],
   "004:L164; 004:L430 (China the largest market for packaging materials)"),
 Ar("standards_floor", "Standards weight without active participation", "share", 0.3, 0.5, "003:L331 (China's market pull diffuses its standards de facto)"),
 Ar("standards_finance", "Standards influence added by infrastructure finance", "share", 0.5, 0.5, "003:L341 (85 BRI agreements, 49 countries); 003:L355; 004:L1901"),
 Ar("standards_tau", "Years for standards leadership to shift", "years", 6, 0.4, "003:L49 (lock-in, path dependency); 004:L1786 (high switching costs)"),
 A("standards_weight", "How standards-intensive a sector is", "share", [0.5, 0.6, 0.4, 0.4, 0.3, 1.0], [0.3, 0.4, 0.2, 0.2, 0.15, 0.8], [0.7, 0.8, 0.6, 0.6, 0.45, 1.0],
   "004:L850 (telecom has a particularly high share of standards); 004:L852 (parallel 3G systems failed)"),
 Ar("fragmentation_exclusion", "Fragmentation from excluding the rival", "share", 0.5, 0.4, "003:L375; 002:L18; 004:L1850 (two camps)"),
 Ar("fragmentation_tau", "Years for standards to split or reconverge", "years", 4, 0.5, "003:L403 (exclusion quietly reversed)"),
 Ar("duplication_cost", "Capability growth lost to duplicated R&D tracks", "rate per year", 0.03, 0.6, "003:L175 (multiple tracks of R&D)"),
 F("standards_trade_share", "Share of trade affected by standards", "share", 0.8, "004:L1766"),
 F("patented_share", "Share of ICT standard technology that is patented", "share", 0.55, "004:L1762"),
 Ar("royalty_gdp", "GDP from a point of standards influence", "% of GDP", 0.02, 0.6, "003:L185 (tens of billions in royalties); 004:L1080 (Huawei > $6bn, ~80% to US firms)"),
 A("cleantech_china_share", "China's share of clean-tech supply", "share", 0.75, 0.6, 0.85, "001:L392 (a clear leader in cost and quality)", "The seeds give no share: an assumption."),
 Ar("cleantech_pass_through", "Share of clean-tech barriers passed to consumers", "share", 0.6, 0.4, "001:L139; 002:L18 (higher-priced, lower-quality products)"),
 A("minerals_dependence", "Exposure to processed critical minerals", "share", [0.5, 0.0, 0.6, 0.6, 0.3], [0.3, 0.0, 0.4, 0.4, 0.15], [0.7, 0.0, 0.8, 0.8, 0.45],
   "001:L32 (processed critical minerals, a chokepoint for chips and EVs)"),
 A("talent_dependence", "Innovation that rests on the rival's talent", "share", [0.30, 0.20, 0.15, 0.10, 0.05], [0.25, 0.1, 0.08, 0.05, 0.02], [0.35, 0.3, 0.25, 0.15, 0.1],
   "002:L16 (30% of the US AI talent pool); 004:L772 (EU wireless PhDs); 004:L1028 (China lacks AI engineers)"),
 A("talent_sector_weight", "How talent-intensive a sector is", "share", [0.6, 1.0, 0.8, 0.4, 0.8, 0.6], [0.4, 1.0, 0.6, 0.2, 0.6, 0.4], [0.8, 1.0, 1.0, 0.6, 1.0, 0.8],
   "002:L16 (AI talent; biotech students)"),
 Ar("escalation_tau", "Years for escalation to build", "years", 2, 0.5, "001:L135 (tit-for-tat, action-reaction)"),
 Ar("escalation_controls", "Escalation from effective controls", "0-1", 1.0, 0.4, "001:L32; 001:L135"),
 Ar("escalation_tariffs", "Escalation from tariffs", "0-1", 0.4, 0.5, "001:L131"),
 Ar("escalation_retaliation", "Escalation from retaliation", "0-1", 0.5, 0.5, "001:L32; 004:L566 (counter-sanctions law)"),
 Ar("react_china_subsidy", "China's extra subsidy per unit of denial", "$bn per year", 60, 0.5, "001:L32 (design out); 004:L518 (Big Fund)"),
 Ar("react_retaliation", "China's mineral controls per unit of pressure", "share", 0.5, 0.5, "001:L32 (tit-for-tat on processed critical minerals)"),
 Ar("react_mirror_tariffs", "Tariffs mirrored by the other side", "share", 0.8, 0.25, "001:L135 (tit-for-tat)"),
 Ar("retaliation_drag", "Capability growth lost to denied inputs", "rate per year", 0.08, 0.5, "001:L32; 004:L566"),
 A("trade_exposure", "GDP at stake in trade with the rival", "share of GDP", [0.015, 0.025, 0.015, 0.03, 0.01], [0.008, 0.015, 0.008, 0.02, 0.005], [0.025, 0.04, 0.025, 0.045, 0.02],
   "004:L164 (enormous fall-out for the EU); 002:L14", "No trade volumes by bloc in the seeds: an assumption."),
 Ar("gdp_per_capability", "GDP per point of average capability", "% of GDP", 0.05, 0.5, "001:L43 (out-innovate as the long-term path)"),
 A("gdp_size", "Size of the economy", "$tn", [28, 18, 19, 12, 20], [26, 16, 17, 10, 16], [30, 20, 21, 14, 24],
   "001:L325 (Southeast Asia ~60% of India's GDP)", "No bloc GDPs in the seeds: an assumption."),
 Ar("fiscal_drag", "GDP cost per unit of spending", "% per % of GDP", 0.5, 0.5, "001:L45 (cost of promote tools amid unprecedented debt)"),
 Ar("cleantech_gdp", "GDP lost when clean tech doubles in cost", "% of GDP", 0.8, 0.5, "001:L139 (slower energy transition); 002:L16 (Science 2022: decoupling costs outweigh benefits)"),
 Ar("market_access_gdp", "GDP from full market access received", "% of GDP", 0.3, 0.5, "001:L346; 001:L367"),
 Ar("fragmentation_trade", "Trade lost when standards fully split", "share", 0.3, 0.5, "004:L1766 (80% of trade affected by standards)"),
 Ar("reshoring_effect", "Dependence removed by saturating reshoring", "share", 0.6, 0.4, "001:L213 (fabs and battery factories, 60% of manufacturing investment); caveat 004:L592-L596: front-end fabs alone leave back-end dependence, hence well below 1"),
 Ar("china_coordination", "Pull of China's own coalition-building on the Global South", "0-1", 0.1, 0.5, "004:L1850 (BRI Regional Standards Forum); 001:L377 (RCEP)"),
 A("base_capability", "Technology capability in 2024 (bloc x sector)", "0-100",
   rows([90, 95, 90, 60, 92, 70], [60, 80, 75, 95, 70, 92], [70, 65, 80, 65, 80, 80], [92, 70, 70, 70, 70, 70], [35, 50, 30, 45, 45, 40]),
   rows([82, 88, 82, 52, 85, 62], [50, 72, 65, 90, 62, 85], [62, 57, 72, 57, 72, 72], [85, 62, 62, 62, 62, 62], [28, 42, 22, 38, 38, 32]),
   rows([96, 99, 96, 68, 98, 78], [70, 88, 83, 99, 78, 98], [78, 73, 88, 73, 88, 88], [98, 78, 78, 78, 78, 78], [42, 58, 38, 52, 52, 48]),
   "001:L63 (US chip design); 004:L490 (China far from front-end leaders); 001:L392 (China leads clean tech); 004:L694, 004:L1249 (5G); 004:L1118-L1120 (AI publications CN/US 0.77); 004:L720 (EU massive MIMO); 001:L102 (ASML)",
   "Rows: US, China, EU, Allies, Global South; columns: semis, AI, quantum, clean tech, biotech, telecom. Relative positions from the sources; the scale is an assumption."),
 A("base_share", "World market share in 2024 (bloc x sector)", "%",
   rows([35, 50, 40, 8, 45, 10], [15, 30, 25, 70, 15, 45], [10, 8, 20, 10, 25, 35], [35, 7, 10, 8, 10, 7], [5, 5, 5, 4, 5, 3]),
   rows([30, 42, 33, 6, 38, 8], [12, 24, 18, 62, 11, 38], [8, 6, 15, 8, 20, 28], [30, 5, 7, 6, 8, 5], [3, 3, 3, 3, 3, 2]),
   rows([40, 58, 47, 10, 52, 12], [18, 36, 32, 78, 19, 52], [12, 10, 25, 12, 30, 42], [40, 9, 13, 10, 12, 9], [7, 7, 7, 6, 7, 4]),
   "004:L407 (>60% of ATP in Taiwan and China); 004:L1249 (four RAN vendors: two Chinese, two European); 004:L694; 001:L392",
   "Shares are normalised per sector at start-up."),
 A("base_dependence", "Dependence on the rival's inputs in 2024 (bloc x sector)", "%",
   rows([25, 10, 8, 60, 25, 15], [70, 60, 30, 10, 30, 20], [35, 15, 10, 65, 20, 30], [25, 10, 8, 50, 15, 15], [30, 20, 10, 60, 20, 45]),
   rows([18, 6, 4, 50, 18, 10], [60, 50, 20, 5, 22, 12], [27, 10, 6, 55, 14, 22], [18, 6, 4, 40, 10, 10], [22, 14, 6, 50, 14, 35]),
   rows([32, 14, 12, 70, 32, 20], [80, 70, 40, 15, 38, 28], [43, 20, 14, 75, 26, 38], [32, 14, 12, 60, 20, 20], [38, 26, 14, 70, 26, 55]),
   "004:L407 (ATP); 004:L460 (> half of PCB chemicals); 004:L596 (Europe dependent on Chinese back-end); 001:L63 (China on US-designed AI chips); 002:L16 (biotech materials); 004:L126 (EU devices)",
   "The US, EU, Allies and Global South depend on China; China depends on the Western camp."),
 A("base_standards", "Standards leadership in 2024 (bloc x sector)", "%",
   rows([40, 40, 35, 20, 40, 25], [10, 20, 20, 30, 10, 35], [25, 25, 30, 30, 35, 30], [22, 12, 12, 17, 12, 8], [3, 3, 3, 3, 3, 2]),
   rows([34, 34, 29, 15, 34, 19], [7, 14, 14, 22, 7, 27], [20, 20, 24, 24, 29, 24], [17, 9, 9, 13, 9, 5], [2, 2, 2, 2, 2, 1]),
   rows([46, 46, 41, 25, 46, 31], [14, 26, 26, 38, 14, 43], [30, 30, 36, 36, 41, 36], [27, 15, 15, 21, 15, 11], [4, 4, 4, 4, 4, 3]),
   "003:L265 (China: 79 ISO and 10 IEC secretariats in 2019, third in ISO TC participation); 004:L872 (China's influence in 3GPP); 004:L864",
   "Shares are normalised per sector at start-up."),
 A("base_openness", "Openness with the rival in 2024 (1 = pre-2018 integration)", "0-1", [0.55, 0.6, 0.85, 0.75, 0.95], [0.45, 0.5, 0.75, 0.65, 0.9], [0.65, 0.7, 0.95, 0.85, 1.0],
   "002:L14 (Chinese FDI in the US -86% 2017-2022; US VC -90%); 001:L135"),
 A("base_escalation", "Escalation in 2024", "0-1", 0.45, 0.3, 0.6, "001:L32 (tit-for-tat); 001:L135"),
 A("base_fragmentation", "Standards fragmentation in 2024", "0-1", [0.2, 0.3, 0.2, 0.15, 0.1, 0.35], [0.1, 0.2, 0.1, 0.05, 0.05, 0.25], [0.3, 0.4, 0.3, 0.25, 0.2, 0.45],
   "003:L57 (dual track: convergence and bifurcation); 003:L169 (effective ISO/IEC adoption in China ~50%)"),
 A("data_triangle_weights", "Data-governance triangle weights", "weight", [0.8, 0.2, 0.45, 0.25, 0.15, 0.15, 0.6, 0.4],
   [0.6, 0.1, 0.3, 0.15, 0.05, 0.05, 0.45, 0.25], [0.9, 0.4, 0.6, 0.35, 0.25, 0.25, 0.75, 0.55],
   "004:L2101-L2123 (US business, China state security, EU privacy); 000:L16-L20 (trust tiers)",
   "privacy = w0 privacy rules + w1 (1 - localisation); business = w2 data flows + w3 (1 - localisation) + w4 (1 - privacy rules) + w5 trade openness; security = w6 localisation + w7 (1 - data flows)."),
 Ar("irritation_without_content", "Partners' irritation at subsidies without content rules", "share", 0.5, 0.5, "001:L34 (subsidies, tax breaks and domestic sourcing requirements sparked concerns)"),
 Ar("alliance_strain", "Alignment lost per unit of an ally's exposed sales it controls", "0-1", 1.0, 0.5, "001:L114 (acknowledge the economic concerns of allies); 004:L164"),
 Ar("escalation_gdp", "GDP lost at full escalation", "% of GDP", 1.5, 0.5, "002:L14 (uncertainty in the business climate); 001:L135"),
 Ar("access_leakage", "Subsidised demand met by partners' imports under full market access", "share", 0.5, 0.5, "001:L367 (more access means more imports); 001:L34 (domestic political considerations)"),
 Ar("fiscal_convexity", "Rising cost of each further point of GDP spent", "per % of GDP", 0.6, 0.5, "001:L45 (cost of promote tools amid unprecedented levels of federal debt)"),
 Ar("standards_market", "Market share gained from standards leadership", "share", 0.6, 0.5, "003:L99 (he who owns the standards, owns the market); 003:L49 (lock-in)"),
 Ar("tariff_cost", "GDP lost per point of tariff-weighted rival supply", "% of GDP", 0.12, 0.5, "001:L131 (tariffs on goods of no strategic value); 002:L18 (higher-priced products)"),
 Ar("breadth_leak_cut", "Leakage closed by the broadest restrictions", "share", 0.35, 0.5, "001:L116 (all walls are outflanked); 001:L131 (~1,000 entities listed)"),
 A("score_weights_protect", "Protect score weights: lead, denial, dependence, escalation", "weight", [1.0, 0.8, 0.8, 0.6], [0.5, 0.4, 0.4, 0.3], [1.5, 1.2, 1.2, 0.9],
   "001:L36 (the trilemma); MODEL.md outcomes", "How the three pillar scores weigh their indicators is a judgement for the workshop to debate."),
 A("score_weights_promote", "Promote score weights: capability & share, GDP, innovation, fiscal cost, clean-tech cost", "weight", [1.0, 0.8, 0.5, 0.8, 0.5], [0.5, 0.4, 0.25, 0.4, 0.25], [1.5, 1.2, 0.75, 1.2, 0.75],
   "001:L36; 001:L45"),
 A("score_weights_partner", "Partner score weights: cohesion, Global South, integration with partners, one set of standards", "weight", [1.0, 0.8, 0.6, 0.5], [0.5, 0.4, 0.3, 0.25], [1.5, 1.2, 0.9, 0.75],
   "001:L36; 001:L49"),
]

out = {"comment": "Calibration of the Trilemma Lab model. Each parameter cites the seed documents (FILE:LINE in ../shared/seeds) or is an assumption with a low/high range that users can move. Bloc order: US, China, EU, Allies, GlobalSouth. Sector order: semis, ai, quantum, cleantech, biotech, telecom. Bloc x sector tables are row-major by bloc.",
       "parameters": P}
with open(sys.argv[1], "w") as f:
    f.write('{\n "comment": ' + json.dumps(out["comment"]) + ',\n "parameters": [\n')
    f.write(",\n".join("  " + json.dumps(p, ensure_ascii=False) for p in P))
    f.write("\n ]\n}\n")
