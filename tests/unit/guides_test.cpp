// Guided scenarios (core/guides.h): the format round-trips, every bad input
// gets an error naming the field and step, goals evaluate as documented, and
// every built-in guide is playable: each goal is missed at the step's
// starting point and met by a known lever setting (recorded here, not in the
// guide, so that participants cannot read it off the file).
#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <rapidjson/pointer.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "core/guides.h"

using namespace tl;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += s + "\n";
    return out;
}

// A small valid guide exercising every field.
Guide sample_guide() {
    Guide g;
    g.id = "sample";
    g.title = "Sample guide";
    g.summary = "A guide for the tests.";
    g.audience = "Testers";
    g.duration_minutes = 30;
    g.seat = Bloc::US;
    g.preset = "status_quo_2024";
    g.horizon = 2035;
    GuideStep a;
    a.id = "first";
    a.title = "First step";
    a.briefing = "Briefing with a source (001:L83).";
    a.sources = {"001:L83"};
    a.open_levers = {"export_controls", "enforcement"};
    a.set = {{"enforcement", 400}, {"China.export_controls.cleantech", 55.5}};
    Goal goal;
    goal.description = "Halve leakage while cohesion holds.";
    GoalCondition leak;
    leak.indicator = Indicator::RivalLeakage;
    leak.year_from = leak.year_to = 2030;
    leak.measure = Measure::RatioVsBaseline;
    leak.compare = Comparison::AtMost;
    leak.target = 0.5;
    GoalCondition cohesion;
    cohesion.indicator = Indicator::AllianceCohesion;
    cohesion.span = YearSpan::EveryYear;
    cohesion.year_from = 2025;
    cohesion.year_to = 2035;
    cohesion.compare = Comparison::AtLeast;
    cohesion.target = 60;
    goal.conditions = {leak, cohesion};
    a.goal = goal;
    a.hints = {"A hint."};
    a.debrief = {"A question?"};
    GuideStep b;
    b.id = "second";
    b.title = "Second step";
    b.briefing = "No goal here.";
    g.steps = {a, b};
    g.debrief = {"Closing question?"};
    return g;
}

std::string to_text(const rapidjson::Document& d) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    d.Accept(w);
    return buf.GetString();
}

// Results with every indicator of every bloc at `value` (and sector metrics too).
Results flat_results(double value, int years = kDefaultHorizon - kBaseYear + 1) {
    Results r;
    r.years = years;
    for (auto& ind : r.ind)
        for (auto& bloc : ind) bloc.fill(value);
    for (auto& m : r.sector)
        for (auto& bloc : m)
            for (auto& sec : bloc) sec.fill(value);
    return r;
}
void set_value(Results& r, Indicator i, Bloc b, int year, double v) { r.ind[static_cast<int>(i)][idx(b)][year - kBaseYear] = v; }

GoalCondition cond(Indicator i, int year, Comparison cmp, double target, Measure m = Measure::Value) {
    GoalCondition c;
    c.indicator = i;
    c.year_from = c.year_to = year;
    c.compare = cmp;
    c.target = target;
    c.measure = m;
    return c;
}

}  // namespace

// ----- Format ---------------------------------------------------------------

TEST_CASE("guides: a guide round-trips through JSON exactly") {
    Guide g = sample_guide();
    REQUIRE(validate_guide(g).empty());
    std::string json = guide_to_json(g);
    auto res = read_guide(json);
    INFO(joined(res.errors));
    REQUIRE(res.ok);
    CHECK(res.guide == g);
    CHECK(guide_to_json(res.guide) == json);
    auto compact = read_guide(guide_to_compact_json(g));
    REQUIRE(compact.ok);
    CHECK(compact.guide == g);
    CHECK(guide_to_compact_json(g).find('\n') == std::string::npos);
    CHECK(guide_to_compact_json(g).size() < json.size());
}

TEST_CASE("guides: random guides round-trip") {
    Rng rng(20240601);
    auto pick = [&](int n) { return static_cast<int>(rng.uniform() * n); };
    auto text = [&](int len) {
        std::string s;
        // Whole characters: a guide's text must be valid UTF-8 (a byte of "é" alone is refused).
        static const std::vector<std::string> alphabet{"a", "b", "c", " ", "X", "Y", "Z", "0", "1", "9", "\"",
                                                       "\\", "/", "\n", "\t", "é", "ü", "€", "—", "😀"};
        for (int i = 0; i < len; ++i) s += alphabet[pick(static_cast<int>(alphabet.size()))];
        return s + "end";  // never blank
    };
    for (int trial = 0; trial < 60; ++trial) {
        CAPTURE(trial);
        Guide g;
        g.id = "g-" + std::to_string(trial);
        g.title = text(20);
        g.summary = text(80);
        g.audience = trial % 3 ? text(10) : "";
        g.duration_minutes = pick(120);
        g.seat = static_cast<Bloc>(pick(kBlocCount));
        g.preset = presets()[pick(static_cast<int>(presets().size()))].id;
        g.horizon = kMinHorizon + pick(kMaxHorizon - kMinHorizon + 1);
        g.reactions = pick(2) == 0;
        int steps = 1 + pick(5);
        for (int k = 0; k < steps; ++k) {
            GuideStep s;
            s.id = "s" + std::to_string(k);
            s.title = text(12);
            s.briefing = text(200);
            for (int i = pick(3); i > 0; --i) s.sources.push_back("00" + std::to_string(pick(5)) + ":L" + std::to_string(1 + pick(400)));
            std::vector<std::string> open;
            for (int i = pick(4); i > 0; --i) {
                int slot = pick(kSlotCount);
                std::string key = pick(2) ? slot_key(slot) : std::string(kLeverIds[static_cast<int>(slot_info(slot).lever)]);
                if (std::find(open.begin(), open.end(), key) == open.end()) open.push_back(key);
            }
            s.open_levers = open;
            std::vector<int> used;
            for (int i = pick(3); i > 0; --i) {
                int slot = pick(kSlotCount), bloc = pick(kBlocCount);
                if (std::find(used.begin(), used.end(), bloc * kSlotCount + slot) != used.end()) continue;
                used.push_back(bloc * kSlotCount + slot);
                const LeverDef& d = lever_def(slot_info(slot).lever);
                double v = d.min + (d.max - d.min) * rng.uniform();  // not a round number
                s.set.push_back({std::string(kBlocIds[bloc]) + "." + slot_key(slot), v});
            }
            if (pick(3)) {
                Goal goal;
                goal.description = text(40);
                for (int c = 1 + pick(3); c > 0; --c) {
                    GoalCondition gc;
                    if (pick(3)) gc.indicator = static_cast<Indicator>(pick(kIndicatorCount));
                    else {
                        gc.sector_metric = static_cast<SectorMetric>(pick(kSectorMetricCount));
                        gc.sector = static_cast<Sector>(pick(kSectorCount));
                    }
                    if (pick(2)) gc.bloc = static_cast<Bloc>(pick(kBlocCount));
                    gc.span = static_cast<YearSpan>(pick(3));
                    gc.year_from = kBaseYear + pick(g.horizon - kBaseYear + 1);
                    gc.year_to = gc.span == YearSpan::Single ? gc.year_from
                                                            : gc.year_from + pick(g.horizon - gc.year_from + 1);
                    gc.measure = static_cast<Measure>(pick(5));
                    gc.compare = static_cast<Comparison>(pick(4));
                    gc.target = (gc.measure == Measure::RatioVsBaseline || gc.measure == Measure::RatioVsStart)
                                    ? rng.uniform() * 2
                                    : (rng.uniform() - 0.5) * 200;
                    if (pick(2)) gc.label = text(8);
                    goal.conditions.push_back(gc);
                }
                s.goal = goal;
            }
            for (int i = pick(3); i > 0; --i) s.hints.push_back(text(30));
            for (int i = pick(3); i > 0; --i) s.debrief.push_back(text(30));
            if (pick(2)) {
                s.facilitator.minutes = pick(3) ? 1 + pick(240) : 0;
                if (pick(2)) s.facilitator.expect = text(60);
                for (int i = pick(3); i > 0; --i) s.facilitator.ask.push_back(text(20));
                if (pick(2)) s.facilitator.answer = text(80);
            }
            g.steps.push_back(s);
        }
        for (int i = pick(3); i > 0; --i) g.debrief.push_back(text(30));

        auto problems = validate_guide(g);
        INFO(joined(problems));
        REQUIRE(problems.empty());
        auto res = read_guide(guide_to_json(g));
        INFO(joined(res.errors));
        REQUIRE(res.ok);
        CHECK(res.guide == g);
        auto compact = read_guide(guide_to_compact_json(g));
        REQUIRE(compact.ok);
        CHECK(compact.guide == g);
    }
}

TEST_CASE("guides: validation errors name the field and the step") {
    const std::string base = guide_to_compact_json(sample_guide());
    REQUIRE(read_guide(base).ok);

    struct Case {
        const char* pointer;  // JSON pointer into the sample guide
        const char* value;    // new JSON value, or nullptr to delete the field
        const char* expected; // a substring of one of the errors
    };
    const Case cases[] = {
        {"/steps/0/goal/conditions/0/indicator", "\"rival_leak\"",
         "steps[0].goal.conditions[0].indicator: unknown indicator \"rival_leak\" (did you mean \"rival_leakage\"?)"},
        {"/steps/0/open_levers/0", "\"export_control\"",
         "steps[0].open_levers[0]: unknown lever \"export_control\" (did you mean \"export_controls\"?)"},
        {"/steps/0/open_levers/1", "\"export_controls\"", "steps[0].open_levers[1]: \"export_controls\" is listed twice"},
        {"/steps/0/goal/conditions/0/year", "2045", "steps[0].goal.conditions[0].year: 2045 is outside 2024..2035 (the guide's horizon)"},
        {"/steps/0/goal/conditions/0/year", "2023", "steps[0].goal.conditions[0].year: 2023 is outside 2024..2035"},
        {"/steps/0/goal/conditions/0/year", "2030.5", "steps[0].goal.conditions[0].year: expected a year"},
        {"/steps/0/goal/conditions/1/to", "2036", "steps[0].goal.conditions[1].to: 2036 is outside 2024..2035"},
        {"/steps/0/goal/conditions/1",
         "{\"indicator\": \"alliance_cohesion\", \"from\": 2034, \"to\": 2030, \"in\": \"every_year\", \"compare\": \">=\", \"target\": 60}",
         "steps[0].goal.conditions[1].from: 2034 is after \"to\" (2030)"},
        {"/steps/0/goal/conditions/1/year", "2030", "steps[0].goal.conditions[1]: give either \"year\" or \"from\"/\"to\"/\"in\", not both"},
        {"/steps/0/goal/conditions/1",
         "{\"sector_metric\": \"capability\", \"year\": 2030, \"compare\": \">=\", \"target\": 60}",
         "steps[0].goal.conditions[1].sector: missing"},
        {"/steps/0/goal/conditions/1",
         "{\"sector_metric\": \"capability\", \"sector\": \"chips\", \"year\": 2030, \"compare\": \">=\", \"target\": 60}",
         "steps[0].goal.conditions[1].sector: unknown sector \"chips\""},
        {"/steps/0/goal/conditions/1",
         "{\"sector_metric\": \"leakage\", \"sector\": \"semis\", \"year\": 2030, \"compare\": \">=\", \"target\": 60}",
         "steps[0].goal.conditions[1].sector_metric: unknown sector metric \"leakage\""},
        {"/steps/0/goal/conditions/1/in", "\"all\"", "steps[0].goal.conditions[1].in: expected \"every_year\" or \"some_year\", got \"all\""},
        {"/steps/0/goal/conditions/1/in", nullptr, "steps[0].goal.conditions[1].in: missing"},
        {"/steps/0/goal/conditions/0/year", nullptr, "steps[0].goal.conditions[0].year: missing"},
        {"/steps/0/goal/conditions/0/compare", "\"=>\"", "steps[0].goal.conditions[0].compare: unknown comparison \"=>\""},
        {"/steps/0/goal/conditions/0/compare", nullptr, "steps[0].goal.conditions[0].compare: missing"},
        {"/steps/0/goal/conditions/0/measure", "\"ratio\"", "steps[0].goal.conditions[0].measure: unknown measure \"ratio\""},
        {"/steps/0/goal/conditions/0/target", "\"half\"", "steps[0].goal.conditions[0].target: expected a number"},
        {"/steps/0/goal/conditions/0/target", "-0.5", "steps[0].goal.conditions[0].target: a ratio target must not be negative"},
        {"/steps/0/goal/conditions/0/target", nullptr, "steps[0].goal.conditions[0].target: missing"},
        {"/steps/0/goal/conditions/0/bloc", "\"Europe\"", "steps[0].goal.conditions[0].bloc: unknown bloc \"Europe\""},
        {"/steps/0/goal/conditions/0/sector_metric", "\"capability\"",
         "steps[0].goal.conditions[0]: give either \"indicator\" or \"sector_metric\", not both"},
        {"/steps/0/goal/conditions/0/sector", "\"semis\"", "steps[0].goal.conditions[0].sector: only used with \"sector_metric\""},
        {"/steps/0/goal/conditions/0/indicator", nullptr, "steps[0].goal.conditions[0].indicator: missing"},
        {"/steps/0/goal/conditions/0/speed", "1", "steps[0].goal.conditions[0].speed: unknown field"},
        {"/steps/0/goal/conditions", "[]", "steps[0].goal.conditions: a goal needs at least one condition"},
        {"/steps/0/goal/conditions", "{}", "steps[0].goal.conditions: expected a list of conditions"},
        {"/steps/0/goal/description", nullptr, "steps[0].goal.description: missing"},
        {"/steps/0/goal/description", "\"  \"", "steps[0].goal.description: must not be empty"},
        {"/steps/0/goal", "3", "steps[0].goal: expected an object"},
        {"/steps/0/set/enforcement", "5000", "steps[0].set.enforcement: 5000 is outside 0..2000 ($M per year)"},
        {"/steps/0/set/China.export_controls.cleantech", "140", "steps[0].set.China.export_controls.cleantech: 140 is outside 0..100"},
        {"/steps/0/set/China.export_control.semis", "10", "steps[0].set.China.export_control.semis: unknown lever \"export_control.semis\""},
        {"/steps/0/set/US.enforcement", "300", "steps[0].set.US.enforcement: sets the same lever as \"enforcement\""},
        {"/steps/0/set/enforcement", "\"high\"", "steps[0].set.enforcement: expected a number"},
        {"/steps/0/set", "[]", "steps[0].set: expected an object of lever values"},
        {"/steps/0/briefng", "\"typo\"", "steps[0].briefng: unknown field (did you mean \"briefing\"?)"},
        {"/steps/0/facilitator", "\"take 10 minutes\"", "steps[0].facilitator: expected an object of notes for the trainer"},
        {"/steps/0/facilitator", "{\"minutes\": 300}", "steps[0].facilitator.minutes: 300 is outside 1..240 minutes"},
        {"/steps/0/facilitator", "{\"minutes\": 7.5}", "steps[0].facilitator.minutes: expected a whole number of minutes"},
        {"/steps/0/facilitator", "{\"ask\": \"why?\"}", "steps[0].facilitator.ask: expected a list of texts"},
        {"/steps/0/facilitator", "{\"anwser\": \"x\"}", "steps[0].facilitator.anwser: unknown field (did you mean \"answer\"?)"},
        {"/steps/1/briefing", nullptr, "steps[1].briefing: missing"},
        {"/steps/1/title", "\"\"", "steps[1].title: must not be empty"},
        {"/steps/1/id", "\"first\"", "steps[1].id: \"first\" is already the id of steps[0]"},
        {"/steps/1/id", "\"Second Step\"", "steps[1].id: \"Second Step\" must be 1 to 64 characters"},
        {"/steps/1/hints", "\"one hint\"", "steps[1].hints: expected a list of texts"},
        {"/steps/1/hints", "[\"ok\", 3]", "steps[1].hints[1]: expected text"},
        {"/steps/1/sources", "[\"\"]", "steps[1].sources[0]: must not be empty"},
        {"/steps/1", "\"step\"", "steps[1]: expected an object describing a step"},
        {"/steps", "[]", "steps: a guide needs at least one step"},
        {"/steps", nullptr, "steps: missing"},
        {"/horizon", "2050", "horizon: 2050 is outside 2026..2040"},
        {"/seat", "\"Mars\"", "seat: unknown bloc \"Mars\""},
        {"/seat", nullptr, "seat: missing"},
        {"/preset", "\"status_quo\"", "preset: unknown preset \"status_quo\""},
        {"/format", "\"trilemma-lab/scenario\"", "format: \"trilemma-lab/scenario\" is not a Trilemma Lab guide"},
        {"/version", "2", "version: made with a newer version of Trilemma Lab (guide format 2); this app reads format 1"},
        {"/version", "\"1\"", "version: expected a whole number"},
        {"/title", nullptr, "title: missing"},
        {"/id", "\"Chip Chokepoint\"", "id: \"Chip Chokepoint\" must be 1 to 64 characters"},
        {"/duration_minutes", "1000", "duration_minutes: 1000 is outside 0..600"},
        {"/reactions", "\"yes\"", "reactions: expected true or false"},
        {"/debreif", "[]", "debreif: unknown field (did you mean \"debrief\"?)"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.pointer);
        CAPTURE(c.expected);
        rapidjson::Document d;
        d.Parse(base.c_str());
        if (c.value) {
            rapidjson::Document v(&d.GetAllocator());
            v.Parse(c.value);
            REQUIRE(!v.HasParseError());
            rapidjson::Pointer(c.pointer).Set(d, v);
        } else {
            REQUIRE(rapidjson::Pointer(c.pointer).Erase(d));
        }
        const std::string expected = c.expected;
        auto res = read_guide(to_text(d));
        CHECK_FALSE(res.ok);
        INFO(joined(res.errors));
        CHECK(std::any_of(res.errors.begin(), res.errors.end(), [&](const std::string& e) { return contains(e, expected); }));
        // Every message starts with the field it is about.
        for (const auto& e : res.errors) CHECK(e.find(": ") != std::string::npos);
    }
}

TEST_CASE("guides: bad files are refused without throwing") {
    CHECK(contains(read_guide("").errors.at(0), "line 1: not valid JSON"));
    CHECK(contains(read_guide("{\"format\": \n\"x\",").errors.at(0), "line 2: not valid JSON"));
    CHECK(contains(read_guide("[1, 2]").errors.at(0), "file: expected a JSON object"));
    CHECK(contains(read_guide(std::string(kMaxGuideBytes + 1, ' ')).errors.at(0), "KiB a guide may have"));
    // Deep nesting is parsed iteratively, not by recursion.
    std::string deep = "{\"steps\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
    auto res = read_guide(deep);
    CHECK_FALSE(res.ok);
    // Many problems at once: all reported, capped.
    std::string many = "{\"format\": \"trilemma-lab/guide\", \"version\": 1, \"id\": \"x\", \"title\": \"t\", \"summary\": \"s\","
                       " \"seat\": \"US\", \"preset\": \"status_quo_2024\", \"steps\": [";
    for (int i = 0; i < 60; ++i) many += std::string(i ? "," : "") + "{\"id\": \"s" + std::to_string(i) + "\"}";
    many += "]}";
    auto lots = read_guide(many);
    CHECK_FALSE(lots.ok);
    CHECK(lots.errors.size() <= 41);
    CHECK(contains(lots.errors.back(), "more problems"));
    // Texts longer than allowed.
    Guide g = sample_guide();
    g.summary = std::string(3000, 'x');
    CHECK(contains(joined(read_guide(guide_to_json(g)).errors), "summary: 3000 characters is longer than the 2000 allowed"));
}

// ----- Playing --------------------------------------------------------------

TEST_CASE("guides: open levers expand whole levers and lock the rest") {
    GuideStep s;
    CHECK(lever_keys_open(s).size() == static_cast<std::size_t>(kSlotCount));  // empty = all open
    s.open_levers = {"export_controls", "enforcement", "tariffs.cleantech"};
    auto keys = lever_keys_open(s);
    CHECK(keys.size() == static_cast<std::size_t>(kSectorCount + 2));
    CHECK(is_lever_open(s, slot_of(LeverId::ExportControls, Sector::Quantum)));
    CHECK(is_lever_open(s, slot_of(LeverId::Tariffs, Sector::CleanTech)));
    CHECK_FALSE(is_lever_open(s, slot_of(LeverId::Tariffs, Sector::Semis)));
    CHECK_FALSE(is_lever_open(s, slot_of(LeverId::MarketAccess)));
    CHECK(is_lever_open(s, LeverId::Tariffs));  // one of its sectors is open
    CHECK_FALSE(is_lever_open(s, LeverId::Subsidies));
    CHECK(std::find(keys.begin(), keys.end(), "enforcement") != keys.end());
}

TEST_CASE("guides: step setup applies lever values cumulatively") {
    Guide g = sample_guide();
    g.steps[1].set = {{"enforcement", 900}, {"EU.market_access", 70}};
    Scenario s0 = guide_start_scenario(g);
    CHECK(s0.seat == Bloc::US);
    CHECK(s0.preset == "status_quo_2024");
    CHECK(s0.policy[idx(Bloc::US)][slot_of(LeverId::Enforcement)] == 400);
    CHECK(s0.policy[idx(Bloc::China)][slot_of(LeverId::ExportControls, Sector::CleanTech)] == 55.5);
    Scenario s1 = step_start_scenario(g, 1);
    CHECK(s1.policy[idx(Bloc::US)][slot_of(LeverId::Enforcement)] == 900);
    CHECK(s1.policy[idx(Bloc::EU)][slot_of(LeverId::MarketAccess)] == 70);
    CHECK(s1.policy[idx(Bloc::China)][slot_of(LeverId::ExportControls, Sector::CleanTech)] == 55.5);
    // The baseline stays the preset, without the staged values.
    Scenario base = baseline_of(s1);
    CHECK(base.policy == find_preset("status_quo_2024")->policy);
    GuideStep bad;
    bad.set = {{"no_such_lever", 1}};
    CHECK(apply_step_setup(bad, s1).size() == 1);
}

TEST_CASE("guides: resolving a link finds built-ins by id and reads custom JSON") {
    REQUIRE(!builtin_guides().empty());
    const Guide& first = builtin_guides().front();
    auto byid = resolve_guide(first.id);
    REQUIRE(byid.ok);
    CHECK(byid.guide == first);
    auto custom = resolve_guide(guide_to_compact_json(sample_guide()));
    REQUIRE(custom.ok);
    CHECK(custom.guide.id == "sample");
    auto typo = resolve_guide("chip_chokepiont");
    CHECK_FALSE(typo.ok);
    CHECK(contains(typo.errors.at(0), "did you mean \"chip_chokepoint\"?"));
}

// ----- Goal evaluation --------------------------------------------------------

TEST_CASE("guides: goal evaluation on hand-made results") {
    Scenario s;  // seat US, horizon 2035
    Results base = flat_results(46);
    Results r = flat_results(46);
    set_value(r, Indicator::RivalLeakage, Bloc::US, 2030, 20);

    SUBCASE("ratio to the baseline, single year") {
        Goal g{"Halve leakage", {cond(Indicator::RivalLeakage, 2030, Comparison::AtMost, 0.5, Measure::RatioVsBaseline)}};
        auto st = evaluate_goal(g, s, r, base);
        REQUIRE(st.conditions.size() == 1);
        const auto& c = st.conditions[0];
        CHECK(st.met);
        CHECK(c.met);
        CHECK(c.evaluable);
        CHECK(c.year == 2030);
        CHECK(c.value == doctest::Approx(20));
        CHECK(c.measured == doctest::Approx(20.0 / 46.0));
        CHECK(c.target_value == doctest::Approx(23));
        CHECK(c.text == "Rival access leakage in 2030: 20% (0.43 times the baseline's 46%); target: at most 0.5 times the "
                        "baseline, i.e. 23%");
        CHECK(c.short_text == "Rival access leakage 2030: 20% (target: at most 23%)");
        CHECK(st.text == "Goal met");
        set_value(r, Indicator::RivalLeakage, Bloc::US, 2030, 38);
        auto miss = evaluate_goal(g, s, r, base);
        CHECK_FALSE(miss.met);
        CHECK(miss.text == "0 of 1 conditions met");
        CHECK(contains(miss.conditions[0].text, "Rival access leakage in 2030: 38%"));
    }
    SUBCASE("every year: the worst year decides") {
        GoalCondition c = cond(Indicator::AllianceCohesion, 2025, Comparison::AtLeast, 60);
        c.span = YearSpan::EveryYear;
        c.year_to = 2035;
        Results coh = flat_results(70);
        set_value(coh, Indicator::AllianceCohesion, Bloc::US, 2031, 58);
        set_value(coh, Indicator::AllianceCohesion, Bloc::US, 2033, 59);
        auto st = evaluate_goal(Goal{"Hold the alliance", {c}}, s, coh, base);
        CHECK_FALSE(st.met);
        CHECK(st.conditions[0].year == 2031);
        CHECK(st.conditions[0].value == 58);
        CHECK(st.conditions[0].text ==
              "Alliance cohesion, every year from 2025 to 2035: lowest 58 in 2031; target: at least 60");
        CHECK(st.conditions[0].short_text == "Alliance cohesion 2025-2035: 58 in 2031 (target: at least 60)");
        // Just short of the target: the decimal that says so, not "60" beside "at least 60".
        set_value(coh, Indicator::AllianceCohesion, Bloc::US, 2031, 59.6);
        set_value(coh, Indicator::AllianceCohesion, Bloc::US, 2033, 61);
        st = evaluate_goal(Goal{"Hold the alliance", {c}}, s, coh, base);
        CHECK_FALSE(st.met);
        CHECK(st.conditions[0].text ==
              "Alliance cohesion, every year from 2025 to 2035: lowest 59.6 in 2031; target: at least 60");
        set_value(coh, Indicator::AllianceCohesion, Bloc::US, 2031, 60);  // equality meets ">="
        set_value(coh, Indicator::AllianceCohesion, Bloc::US, 2033, 61);
        CHECK(evaluate_goal(Goal{"Hold", {c}}, s, coh, base).met);
        c.compare = Comparison::Above;  // but not ">"
        CHECK_FALSE(evaluate_goal(Goal{"Hold", {c}}, s, coh, base).met);
    }
    SUBCASE("some year: the best year decides") {
        GoalCondition c = cond(Indicator::GlobalSouthAlignment, 2025, Comparison::AtLeast, 50);
        c.span = YearSpan::SomeYear;
        c.year_to = 2030;
        Results gs = flat_results(42);
        CHECK_FALSE(evaluate_goal(Goal{"Win", {c}}, s, gs, base).met);
        set_value(gs, Indicator::GlobalSouthAlignment, Bloc::US, 2028, 51);
        auto st = evaluate_goal(Goal{"Win", {c}}, s, gs, base);
        CHECK(st.met);
        CHECK(st.conditions[0].year == 2028);
        set_value(gs, Indicator::GlobalSouthAlignment, Bloc::US, 2028, 42);
        set_value(gs, Indicator::GlobalSouthAlignment, Bloc::US, 2031, 60);  // after the range: does not count
        CHECK_FALSE(evaluate_goal(Goal{"Win", {c}}, s, gs, base).met);
    }
    SUBCASE("change against the step's start needs the start") {
        GoalCondition c = cond(Indicator::TechLead, 2035, Comparison::AtLeast, 2, Measure::ChangeVsStart);
        Results start = flat_results(16);
        Results now = flat_results(16);
        set_value(now, Indicator::TechLead, Bloc::US, 2035, 18.5);
        auto without = evaluate_goal(Goal{"Lead", {c}}, s, now, base);
        CHECK_FALSE(without.met);
        CHECK_FALSE(without.conditions[0].evaluable);
        CHECK(contains(without.conditions[0].text, "starting point is not known"));
        auto with = evaluate_goal(Goal{"Lead", {c}}, s, now, base, &start);
        CHECK(with.met);
        CHECK(with.conditions[0].measured == doctest::Approx(2.5));
        CHECK(with.conditions[0].target_value == doctest::Approx(18));
        CHECK(contains(with.conditions[0].text, "(+2.5 pts vs the step's start)"));
        CHECK(contains(with.conditions[0].text, "target: at least +2.0 pts vs the step's start, i.e. 18.0 pts"));
    }
    SUBCASE("change against the baseline, another bloc, a sector metric") {
        GoalCondition c;
        c.sector_metric = SectorMetric::Capability;
        c.sector = Sector::Semis;
        c.bloc = Bloc::China;
        c.year_from = c.year_to = 2030;
        c.compare = Comparison::AtMost;
        c.target = -3;
        c.measure = Measure::ChangeVsBaseline;
        Results now = flat_results(46);
        now.sector[static_cast<int>(SectorMetric::Capability)][idx(Bloc::China)][idx(Sector::Semis)][2030 - kBaseYear] = 40;
        auto st = evaluate_goal(Goal{"Slow China", {c}}, s, now, base);
        CHECK(st.met);
        CHECK(st.conditions[0].measured == doctest::Approx(-6));
        CHECK(contains(st.conditions[0].text, "Semiconductors: capability (China) in 2030: 40.0 (-6.0 vs the baseline)"));
    }
    SUBCASE("what cannot be evaluated is not met") {
        Goal beyond{"Late", {cond(Indicator::GdpEffect, 2038, Comparison::AtLeast, 0)}};
        auto st = evaluate_goal(beyond, s, r, base);  // the runs end in 2035
        CHECK_FALSE(st.met);
        CHECK_FALSE(st.conditions[0].evaluable);
        Goal ratio{"Ratio", {cond(Indicator::GdpEffect, 2030, Comparison::AtLeast, 1.1, Measure::RatioVsBaseline)}};
        auto zero = evaluate_goal(ratio, s, r, flat_results(0));
        CHECK_FALSE(zero.met);
        CHECK(contains(zero.conditions[0].text, "ratio has no meaning"));
        CHECK_FALSE(evaluate_goal(Goal{"Empty", {}}, s, r, base).met);
        // A ratio whose value is 0 still reads sensibly.
        Results none = flat_results(0);
        auto halved = evaluate_goal(Goal{"Gone", {cond(Indicator::RivalLeakage, 2030, Comparison::AtMost, 0.5,
                                                       Measure::RatioVsBaseline)}},
                                    s, none, base);
        CHECK(halved.met);
        CHECK(halved.conditions[0].text ==
              "Rival access leakage in 2030: 0% (0.00 times the baseline's 46%); target: at most 0.5 times the baseline, "
              "i.e. 23%");
    }
    SUBCASE("all conditions must hold") {
        Goal g{"Two", {cond(Indicator::RivalLeakage, 2030, Comparison::AtMost, 23),
                       cond(Indicator::AllianceCohesion, 2030, Comparison::AtLeast, 60)}};
        Results two = flat_results(46);
        set_value(two, Indicator::RivalLeakage, Bloc::US, 2030, 20);
        set_value(two, Indicator::AllianceCohesion, Bloc::US, 2030, 55);
        auto st = evaluate_goal(g, s, two, base);
        CHECK_FALSE(st.met);
        CHECK(st.conditions_met == 1);
        CHECK(st.text == "1 of 2 conditions met");
    }
}

TEST_CASE("guides: conditions read as plain words") {
    GoalCondition c = cond(Indicator::RivalLeakage, 2030, Comparison::AtMost, 0.5, Measure::RatioVsBaseline);
    CHECK(describe_condition(c, Bloc::US) == "Rival access leakage in 2030: at most 0.5 times the baseline");
    c.bloc = Bloc::China;
    c.label = "Leaks";
    CHECK(condition_label(c, Bloc::US) == "Leaks (China)");
    GoalCondition f = cond(Indicator::StandardsFragmentation, 2035, Comparison::AtMost, 21.5);
    CHECK(describe_condition(f, Bloc::EU) == "Standards fragmentation in 2035: at most 21.5");
}

// ----- Built-in guides ----------------------------------------------------------

namespace {

using Settings = std::vector<std::pair<std::string, double>>;

// Known lever settings that meet each step's goal, played in order: each
// step starts from the previous step's solution (plus the step's "set").
// Keys are the seat's levers and must be open at that step.
const std::map<std::string, std::vector<Settings>>& known_solutions() {
    static const std::map<std::string, std::vector<Settings>> s{
        {"any_two_or_all_three",
         {
             // Protect and Promote levers only: triad controls, little breadth, enforcement,
             // closed labs, no clean-tech tariff, chip and AI subsidies (Partner falls to ~45).
             {{"export_controls.ai", 100}, {"export_controls.quantum", 90}, {"talent_openness", 25}, {"enforcement", 2000},
              {"control_breadth", 0}, {"tariffs.cleantech", 0}, {"subsidies.ai", 25}, {"subsidies.semis", 30}},
             // Market access without content rules, coordination, closed forums, no screening.
             {{"domestic_content", 0}, {"market_access", 100}, {"standards_openness", 0}, {"alliance_coordination", 100},
              {"export_controls.telecom", 0}, {"inbound_screening", 0}, {"outbound_screening", 0}},
             // No tariffs on goods of no strategic value, targeted subsidies, a narrower fence.
             {{"tariffs.semis", 0}, {"tariffs.telecom", 0}, {"tariffs.ai", 0}, {"tariffs.quantum", 0}, {"tariffs.biotech", 0},
              {"standards_participation", 100}, {"subsidies.telecom", 17}, {"subsidies.quantum", 10},
              {"export_controls.quantum", 24}, {"talent_openness", 26}, {"export_controls.semis", 80}},
         }},
        {"chip_chokepoint",
         {
             // Small yard, high fence: high controls on the triad, none elsewhere, little breadth.
             {{"export_controls.semis", 90}, {"export_controls.ai", 90}, {"export_controls.quantum", 80},
              {"export_controls.telecom", 0}, {"export_controls.biotech", 0}, {"control_breadth", 10}},
             // Chips by the box: $1.4bn a year for enforcement (+$1.2bn); $1bn-$1.7bn works.
             {{"enforcement", 1400}},
             // The portcullis: full coordination paid for with full market access, no content rules.
             {{"alliance_coordination", 100}, {"market_access", 100}, {"domestic_content", 0}, {"enforcement", 2000}},
         }},
        {"partners_market_access",
         {
             // Rules: standards participation (coordination without benefits costs Partner points).
             {{"standards_participation", 100}},
             // Tangible benefits: some market access, no content rules (too much access hurts Promote).
             {{"market_access", 40}, {"domestic_content", 0}},
             // An alternative to the BRI: finance, but not so much that Promote collapses.
             {{"infrastructure_finance", 50}},
         }},
        {"standards_race",
         {
             {{"standards_participation", 90}},
             // Reopen the forums.
             {{"standards_openness", 100}},
             // Finance plus an offer without content rules; finance alone leaves the Global South cold.
             {{"infrastructure_finance", 40}, {"domestic_content", 0}},
         }},
        {"clean_tech_transition",
         {
             // Tariff down from 100% to 60%, subsidies up: cost and dependence both within bounds.
             {{"tariffs.cleantech", 60}, {"subsidies.cleantech", 70}},
             // The subsidy race was the problem: drop the content rules.
             {{"domestic_content", 0}},
             // Open up partly: no broad restrictions, lighter screening (40, not 30:
             // invited Chinese firms deepen clean-tech dependence, 001:L402).
             {{"control_breadth", 0}, {"inbound_screening", 40}},
         }},
        {"europe_between_poles",
         {
             // A narrow, enforced list rather than a copy of Washington's.
             {{"export_controls.semis", 60}, {"export_controls.quantum", 60}, {"export_controls.telecom", 0},
              {"control_breadth", 0}, {"enforcement", 800}},
             // Subsidies with moderate content rules; either alone falls short.
             {{"subsidies.semis", 20}, {"subsidies.cleantech", 30}, {"domestic_content", 40}},
             // Participation, open forums and Global Gateway finance.
             {{"standards_participation", 100}, {"standards_openness", 100}, {"infrastructure_finance", 60}},
             // Market access for partners and no content rules (model v2: coordination pulls the EU's
             // partners only as far as it brings them something, so it is left where it stands).
             {{"market_access", 100}, {"domestic_content", 0}},
         }},
    };
    return s;
}

std::string status_text(const GoalStatus& st) {
    std::string out = st.text;
    for (const auto& c : st.conditions) out += std::string("\n  ") + (c.met ? "[met] " : "[not met] ") + c.text;
    return out;
}

}  // namespace

TEST_CASE("guides: the built-in guides load and are complete") {
    const auto& guides = builtin_guides();
    REQUIRE(guides.size() >= 5);
    const std::regex cite(R"(^00[0-4]:L[1-9][0-9]*$)");
    for (const Guide& g : guides) {
        CAPTURE(g.id);
        CHECK(find_builtin_guide(g.id) == &g);
        CHECK(known_solutions().count(g.id) == 1);
        CHECK(g.steps.size() >= 3);
        CHECK(g.steps.size() <= 5);
        CHECK(g.debrief.size() >= 2);
        CHECK(g.debrief.size() <= 3);
        CHECK(g.duration_minutes > 0);
        int step_minutes = 0;
        for (const auto& s : g.steps) step_minutes += s.facilitator.minutes;
        CHECK(step_minutes <= g.duration_minutes);  // the steps' timings fit the session, with time for the debrief
        CHECK(!g.audience.empty());
        for (const auto& s : g.steps) {
            CAPTURE(s.id);
            CHECK(s.goal.has_value());
            CHECK(!s.open_levers.empty());
            CHECK(!s.hints.empty());
            CHECK(s.sources.size() >= 2);
            for (const auto& src : s.sources) CHECK(std::regex_match(src, cite));
            // Notes for the trainer: timing, what the room tries, questions, and an answer that cites the sources.
            CHECK(s.facilitator.minutes > 0);
            CHECK(!s.facilitator.expect.empty());
            CHECK(!s.facilitator.ask.empty());
            CHECK(std::regex_search(s.facilitator.answer, std::regex(R"(00[0-4]:L[0-9]+)")));
            // Every citation in the briefing is listed in the step's sources.
            std::smatch m;
            std::string text = s.briefing;
            const std::regex in_text(R"(00[0-4]:L[0-9]+)");
            while (std::regex_search(text, m, in_text)) {
                CHECK(std::find(s.sources.begin(), s.sources.end(), m.str()) != s.sources.end());
                text = m.suffix();
            }
        }
        // Round trip of the shipped files.
        auto again = read_guide(guide_to_json(g));
        REQUIRE(again.ok);
        CHECK(again.guide == g);
    }
}

TEST_CASE("guides: every built-in goal is missed at the start and met by a known setting") {
    for (const Guide& g : builtin_guides()) {
        CAPTURE(g.id);
        auto it = known_solutions().find(g.id);
        REQUIRE(it != known_solutions().end());
        const auto& solutions = it->second;
        REQUIRE(solutions.size() == g.steps.size());
        Scenario played = guide_start_scenario(g);
        for (std::size_t k = 0; k < g.steps.size(); ++k) {
            const GuideStep& step = g.steps[k];
            CAPTURE(step.id);
            if (k > 0) REQUIRE(apply_step_setup(step, played).empty());
            if (!step.goal) continue;
            const Goal& goal = *step.goal;

            // 1. Not met by the starting preset (with the staged values of the steps so far).
            Scenario fresh = step_start_scenario(g, static_cast<int>(k));
            Results fresh_run = run(fresh);
            Results baseline = run(baseline_of(fresh));
            GoalStatus at_preset = evaluate_goal(goal, fresh, fresh_run, baseline, &fresh_run);
            INFO("preset start: " << status_text(at_preset));
            CHECK_FALSE(at_preset.met);

            // 2. Not met where the previous steps' solutions leave the player.
            Results start_run = run(played);
            GoalStatus at_start = evaluate_goal(goal, played, start_run, baseline, &start_run);
            INFO("played start: " << status_text(at_start));
            CHECK_FALSE(at_start.met);

            // 3. Met by the known setting, which moves only open levers.
            Scenario solved = played;
            for (const auto& setting : solutions[k]) {
                const std::string& key = setting.first;
                const double value = setting.second;
                CAPTURE(key);
                auto slot = parse_slot(key);
                REQUIRE(slot.has_value());
                CHECK(is_lever_open(step, *slot));
                REQUIRE(apply_setting(solved, key, value).empty());
            }
            REQUIRE(validate(solved).empty());
            Results solved_run = run(solved);
            GoalStatus done = evaluate_goal(goal, solved, solved_run, baseline, &start_run);
            INFO("known solution: " << status_text(done));
            // TL_SHOW_GOALS=1 prints every known solution's margins (to re-verify goals after a model change).
            if (std::getenv("TL_SHOW_GOALS")) MESSAGE(g.id, " ", step.id, ": ", status_text(done));
            CHECK(done.met);
            played = solved;
        }
    }
}

TEST_CASE("guides: the example in docs/guides.md is a valid guide") {
    // Found from this file's path: tests/unit/ -> docs/guides.md.
    std::string here = __FILE__;
    auto cut = here.rfind("tests/unit/");
    if (cut == std::string::npos) {
        MESSAGE("source path unknown; skipped");
        return;
    }
    std::ifstream in(here.substr(0, cut) + "docs/guides.md");
    if (!in) {
        MESSAGE("docs/guides.md not found; skipped");
        return;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    std::string doc = ss.str();
    auto start = doc.find("```json\n");
    REQUIRE(start != std::string::npos);
    start += 8;
    auto end = doc.find("```", start);
    REQUIRE(end != std::string::npos);
    auto res = read_guide(doc.substr(start, end - start));
    INFO(joined(res.errors));
    REQUIRE(res.ok);
    CHECK(res.guide.steps.size() == 2);
}
