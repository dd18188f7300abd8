// Scenario files: what "Save" writes, "Open" reads back exactly; malformed
// files are refused with a message naming the field at fault.
#include <doctest/doctest.h>

#include <string>

#include "core/scenario_io.h"
#include "core/version.h"
#include "random_scenario.h"

using namespace tl;
using namespace tl::testing;

TEST_CASE("scenario files round-trip exactly, for random scenarios") {
    Rng rng(123);
    const char* names[] = {"", "Small yard \"plus\"", "Übung 3 — Gruppe B", "line\nbreak\ttab \\ slash"};
    for (int k = 0; k < 200; ++k) {
        Scenario s = random_scenario(rng, {.random_assumptions = true, .fractional_levers = k % 2 == 0});
        if (k % 3 == 1) REQUIRE(set_start_year(s, random_int(rng, kBaseYear + 1, s.horizon)).empty());
        s.name = names[k % 4];
        s.notes = k % 3 ? "" : "Notes for the trainer: {\"json\": [1, 2]}";
        REQUIRE(validate(s).empty());
        for (bool pretty : {true, false}) {
            std::string text = scenario_to_json(s, pretty);
            ScenarioReadResult r = scenario_from_json(text);
            CAPTURE(text);
            REQUIRE_MESSAGE(r.ok, (r.errors.empty() ? std::string() : r.errors.front()));
            CHECK(r.errors.empty());
            CHECK(r.notices.empty());
            CHECK(r.model_version == kModelVersion);
            CHECK(r.scenario == s);
        }
    }
}

TEST_CASE("a scenario file lists only the levers that differ from its preset") {
    Scenario s = scenario_from_preset(*find_preset("small_yard_high_fence"));
    std::string plain = scenario_to_json(s, false);
    CHECK(plain.find("\"levers\":{}") != std::string::npos);
    CHECK(plain.find("\"assumptions\":{}") != std::string::npos);
    REQUIRE(apply_setting(s, "EU.market_access", 55).empty());
    std::string one = scenario_to_json(s, false);
    CHECK(one.find("\"levers\":{\"EU\":{\"market_access\":55.0}}") != std::string::npos);
}

namespace {
// A valid file to break one field at a time.
std::string valid_file(const std::string& replace_key = "", const std::string& replace_value = "") {
    std::vector<std::pair<std::string, std::string>> fields = {
        {"format", "\"trilemma-lab/scenario\""},
        {"version", std::to_string(kScenarioFormatVersion)},
        {"model_version", std::to_string(kModelVersion)},
        {"name", "\"Test\""},
        {"notes", "\"\""},
        {"preset", "\"status_quo_2024\""},
        {"seat", "\"US\""},
        {"horizon", "2035"},
        {"start_year", "2027"},
        {"reactions", "true"},
        {"levers", "{\"US\": {\"export_controls.semis\": 80}}"},
        {"assumptions", "{}"},
    };
    std::string out = "{";
    for (auto& [k, v] : fields) {
        std::string value = k == replace_key ? replace_value : v;
        if (value.empty()) continue;  // "" removes the field
        out += (out.size() > 1 ? ", \"" : "\"") + k + "\": " + value;
    }
    return out + "}";
}

void expect_error(const std::string& text, const std::string& field) {
    ScenarioReadResult r = scenario_from_json(text);
    CAPTURE(text.substr(0, 300));
    CHECK_FALSE(r.ok);
    REQUIRE_FALSE(r.errors.empty());
    CAPTURE(r.errors.front());
    CHECK(r.errors.front().find(field) != std::string::npos);
}
}  // namespace

TEST_CASE("malformed scenario files are refused with a message naming the field") {
    REQUIRE(scenario_from_json(valid_file()).ok);
    CHECK(scenario_from_json(valid_file()).scenario.policy[0][slot_of(LeverId::ExportControls)] == 80);

    SUBCASE("not JSON") {
        std::string text = valid_file();
        expect_error(text.substr(0, text.size() / 2), "not valid JSON");
        expect_error("", "not valid JSON");
        expect_error("{\n\"format\": \"trilemma-lab/scenario\",\n\"version\": 1,,\n}", "line 3");
        expect_error("[1, 2, 3]", "file");
    }
    SUBCASE("wrong types") {
        expect_error(valid_file("horizon", "\"2035\""), "horizon");
        expect_error(valid_file("reactions", "1"), "reactions");
        expect_error(valid_file("name", "42"), "name");
        expect_error(valid_file("seat", "3"), "seat");
        expect_error(valid_file("levers", "[]"), "levers");
        expect_error(valid_file("levers", "{\"US\": 5}"), "levers.US");
        expect_error(valid_file("levers", "{\"US\": {\"export_controls.semis\": \"80\"}}"), "levers.US.export_controls.semis");
        expect_error(valid_file("assumptions", "{\"base_leakage\": \"high\"}"), "assumptions.base_leakage");
        expect_error(valid_file("model_version", "\"1\""), "model_version");
        expect_error(valid_file("model_version", "0"), "model_version");
        expect_error(valid_file("model_version", "-1"), "model_version");
    }
    SUBCASE("unknown names") {
        expect_error(valid_file("levers", "{\"US\": {\"export_controls\": 50}}"), "levers.US.export_controls");
        expect_error(valid_file("levers", "{\"US\": {\"export_controls.space\": 50}}"), "levers.US.export_controls.space");
        expect_error(valid_file("levers", "{\"US\": {\"moonshots\": 50}}"), "levers.US.moonshots");
        expect_error(valid_file("levers", "{\"Mars\": {\"enforcement\": 50}}"), "levers.Mars");
        expect_error(valid_file("seat", "\"Mars\""), "seat");
        expect_error(valid_file("preset", "\"utopia\""), "preset");
        expect_error(valid_file("preset", ""), "preset");
        expect_error(valid_file("assumptions", "{\"warp_factor\": 0.5}"), "assumptions.warp_factor");
    }
    SUBCASE("values out of range") {
        expect_error(valid_file("levers", "{\"US\": {\"export_controls.semis\": 140}}"), "levers.US.export_controls.semis");
        expect_error(valid_file("levers", "{\"China\": {\"enforcement\": -5}}"), "levers.China.enforcement");
        expect_error(valid_file("horizon", "2100"), "horizon");
        expect_error(valid_file("horizon", "2024"), "horizon");
        expect_error(valid_file("start_year", "2024"), "start_year: 2024 is outside 2025..2040");
        expect_error(valid_file("start_year", "2036"), "start_year: 2036 is after the horizon 2035");
        expect_error(valid_file("start_year", "\"2030\""), "start_year: expected a whole number");
        expect_error(valid_file("assumptions", "{\"base_leakage\": 1.5}"), "assumptions.base_leakage");
        // A sourced fact has no range to move within.
        std::string fact;
        for (const auto& d : param_defs())
            if (!d.uncertain()) fact = d.key;
        REQUIRE(!fact.empty());
        expect_error(valid_file("assumptions", "{\"" + fact + "\": 0.5}"), "assumptions." + fact);
    }
    SUBCASE("wrong format or version") {
        expect_error(valid_file("format", "\"trilemma-lab/snapshot\""), "format");
        expect_error(valid_file("format", ""), "format");
        expect_error(valid_file("version", std::to_string(kScenarioFormatVersion + 1)), "version");
        expect_error(valid_file("version", "0"), "version");
        expect_error(valid_file("version", ""), "version");
        expect_error(valid_file("version", "1.5"), "version");
    }
    SUBCASE("oversized") {
        std::string big = valid_file("notes", "\"" + std::string(kMaxScenarioBytes, 'x') + "\"");
        expect_error(big, "file");
        expect_error(valid_file("name", "\"" + std::string(5000, 'n') + "\""), "name");
    }
}

TEST_CASE("a scenario file stores its start year, a format 1 file (without one) opens with the default") {
    ScenarioReadResult r = scenario_from_json(valid_file());
    REQUIRE(r.ok);
    CHECK(r.scenario.start_year == 2027);
    CHECK(scenario_to_json(r.scenario, false).find("\"start_year\":2027") != std::string::npos);
    ScenarioReadResult old = scenario_from_json(valid_file("start_year", ""));
    REQUIRE(old.ok);
    CHECK(old.scenario.start_year == kDefaultStartYear);
    // The setter refuses what validate() refuses, naming the field, and changes nothing then.
    Scenario s = r.scenario;
    CHECK(set_start_year(s, 2024).rfind("start_year: 2024 is outside", 0) == 0);
    CHECK(set_start_year(s, s.horizon + 1).find("after the horizon") != std::string::npos);
    CHECK(s.start_year == 2027);
    CHECK(set_start_year(s, s.horizon).empty());
    CHECK(s.start_year == s.horizon);
}

TEST_CASE("a scenario made with an older model version opens with a notice, a newer one is refused") {
    ScenarioReadResult newer = scenario_from_json(valid_file("model_version", std::to_string(kModelVersion + 1)));
    CHECK_FALSE(newer.ok);
    REQUIRE(newer.errors.size() == 1);
    CHECK(newer.errors.front() == "model_version: made with a newer version of Trilemma Lab (model version " +
                                      std::to_string(kModelVersion + 1) + "); this app runs model version " +
                                      std::to_string(kModelVersion));
    for (int other : {kModelVersion - 1}) {
        if (other < 1) continue;  // no older model version exists yet
        ScenarioReadResult r = scenario_from_json(valid_file("model_version", std::to_string(other)));
        CAPTURE(other);
        REQUIRE(r.ok);
        CHECK(r.model_version == other);
        REQUIRE(r.notices.size() == 1);
        CHECK(r.notices.front().find("model version " + std::to_string(other)) != std::string::npos);
    }
    // Without a model version (hand-written files) there is nothing to warn about.
    ScenarioReadResult r = scenario_from_json(valid_file("model_version", ""));
    REQUIRE(r.ok);
    CHECK(r.notices.empty());
}

TEST_CASE("a scenario's own name is the one someone gave it, not its preset's") {
    for (const Preset& p : presets()) {
        Scenario s = scenario_from_preset(p, Bloc::EU);
        CHECK(own_name(s).empty());  // a new scenario carries its preset's name
        s.name = "Team Red";
        CHECK(own_name(s) == "Team Red");
        s.name.clear();
        CHECK(own_name(s).empty());
    }
    Scenario s = scenario_from_preset(presets().front(), Bloc::US);
    s.preset = "no_such_preset";
    CHECK(own_name(s) == s.name);  // no preset to compare with: the name is its own
}
