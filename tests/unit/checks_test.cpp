// The mechanism checks of assets/checks.json (one per mechanism of MODEL.md
// at least) all pass, and a broken check file gives a clear error.
#include <doctest/doctest.h>

#include <cctype>
#include <set>
#include <string>

#include "core/assets.h"
#include "core/checks.h"
#include "core/json_archive.h"

using namespace tl;

TEST_CASE("every mechanism check in assets/checks.json passes") {
    std::vector<CheckResult> results;
    REQUIRE_NOTHROW(results = run_checks());
    REQUIRE(results.size() >= 15);
    std::set<std::string> ids;
    std::set<int> mechanisms;
    for (const auto& c : results) {
        CHECK_MESSAGE(ids.insert(c.id).second, "check id \"", c.id, "\" is used twice");
        CHECK_MESSAGE(!c.source.empty(), c.id, ": every check cites its source");
        CHECK_MESSAGE(c.source.find(":L") != std::string::npos, c.id, ": cite seeds as 001:L81");
        CHECK_MESSAGE(c.passed, c.id, " — ", c.mechanism, " (", c.source, "): ", c.detail);
        // "3/9. ..." covers mechanisms 3 and 9.
        std::size_t pos = 0;
        while (pos < c.mechanism.size() && std::isdigit(static_cast<unsigned char>(c.mechanism[pos]))) {
            std::size_t end = pos;
            while (end < c.mechanism.size() && std::isdigit(static_cast<unsigned char>(c.mechanism[end]))) ++end;
            mechanisms.insert(std::stoi(c.mechanism.substr(pos, end - pos)));
            pos = end < c.mechanism.size() && c.mechanism[end] == '/' ? end + 1 : c.mechanism.size();
        }
    }
    for (int m = 1; m <= 11; ++m) CHECK_MESSAGE(mechanisms.count(m) == 1, "no check for mechanism ", m, " of MODEL.md");
}

TEST_CASE("every mechanism check passes with all assumptions at their low ends and at their high ends") {
    for (double end : {-1.0, 1.0}) {
        AssumptionPositions positions{};
        for (int i = 0; i < kParamCount; ++i)
            if (param_defs()[i].uncertain()) positions[i] = end;
        for (const auto& c : run_checks(embedded_asset("checks.json"), positions)) {
            CAPTURE(end);
            CHECK_MESSAGE(c.passed, c.id, " (assumptions at ", end, "): ", c.detail);
        }
    }
}

namespace {
const char* kGood = R"({"checks": [{"id": "c", "mechanism": "1. x", "source": "001:L73",
  "scenario": {"preset": "status_quo_2024", "set": {"export_controls.semis": 95}},
  "indicator": "capability", "sector": "semis", "bloc": "China", "years": [2027, 2035], "predicate": "lt", "value": 0}]})";

std::string with(const std::string& from, const std::string& to) {
    std::string s = kGood;
    auto at = s.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return s.replace(at, from.size(), to);
}

void expect_error(const std::string& text, const std::string& expected) {
    CAPTURE(text);
    try {
        run_checks(text);
        FAIL("no error for a broken check file; expected one mentioning ", expected);
    } catch (const json::Error& e) {
        CAPTURE(e.what());
        CHECK(std::string(e.what()).find(expected) != std::string::npos);
    }
}
}  // namespace

TEST_CASE("a check's predicate is evaluated on scenario minus against") {
    auto r = run_checks(kGood);
    REQUIRE(r.size() == 1);
    CHECK(r[0].passed);
    CHECK(r[0].detail.find("change in capability lt 0 over 2027-2035") != std::string::npos);
    // The opposite claim fails, and says what it saw.
    auto wrong = run_checks(with("\"predicate\": \"lt\"", "\"predicate\": \"gt\""));
    CHECK_FALSE(wrong[0].passed);
    // Without a difference the level is tested: China's capability is positive.
    auto level = run_checks(with("\"predicate\": \"lt\"", "\"difference\": false, \"predicate\": \"gt\""));
    CHECK(level[0].passed);
}

TEST_CASE("a broken check file gives a clear error naming the check and field") {
    expect_error("{\"checks\": [", "checks: invalid JSON");
    expect_error("{\"tests\": []}", "checks: checks: missing");
    expect_error("{\"checks\": {}}", "checks: checks: expected a list");
    expect_error(with("\"id\": \"c\",", ""), "checks[0].id: missing");
    expect_error(with("\"source\": \"001:L73\",", ""), "checks[0].source: missing");
    expect_error(with("\"indicator\": \"capability\"", "\"indicator\": \"happiness\""), "checks[0] (\"c\").indicator: with a sector, one of capability");
    expect_error(with("\"sector\": \"semis\"", "\"sector\": \"space\""), "checks[0] (\"c\").sector: unknown sector \"space\"");
    expect_error(with("\"bloc\": \"China\"", "\"bloc\": \"Mars\""), "checks[0].bloc: unknown bloc \"Mars\"");
    expect_error(with("\"predicate\": \"lt\"", "\"predicate\": \"about\""), "checks[0].predicate: unknown predicate \"about\"");
    expect_error(with("[2027, 2035]", "[2025, 2050]"), "checks[0] (\"c\").years");
    expect_error(with("[2027, 2035]", "[2030, 2025]"), "checks[0] (\"c\").years");
    expect_error(with("[2027, 2035]", "2030"), "checks[0].years: expected a list");
    expect_error(with("\"export_controls.semis\": 95", "\"export_controls.space\": 95"), "checks[0] (\"c\").scenario.set");
    expect_error(with("\"export_controls.semis\": 95", "\"export_controls.semis\": 195"), "checks[0] (\"c\").scenario.set");
    expect_error(with("\"export_controls.semis\": 95", "\"export_controls.semis\": \"high\""), "checks[0].scenario.set.export_controls.semis: expected a number");
    expect_error(with("\"preset\": \"status_quo_2024\"", "\"preset\": \"utopia\""), "checks[0] (\"c\").scenario.preset");
    expect_error(with("\"preset\": \"status_quo_2024\",", "\"preset\": \"status_quo_2024\", \"seat\": \"Mars\","),
                 "checks[0].scenario.seat: unknown bloc");
    // The comparison scenario must cover the years too.
    expect_error(with("\"indicator\"", "\"against\": {\"horizon\": 2030}, \"indicator\""), "checks[0] (\"c\").years");
}

TEST_CASE("the embedded check file is the one in assets/") {
    CHECK(!embedded_asset("checks.json").empty());
}
