// The guarded reader every untrusted JSON text passes (core/untrusted_json.h),
// and what it means for scenario files and guides (issue 11's hostile files).
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "core/guides.h"
#include "core/scenario_io.h"
#include "core/share_link.h"
#include "core/untrusted_json.h"
#include "core/version.h"

using namespace tl;

namespace {
json::InputDocument read(std::string_view text, int depth = 32) {
    return json::read_untrusted(text, {"scenario", 1024, depth});
}
std::string error_of(std::string_view text) { return read(text).error; }

const std::string kScenario =
    R"({"format":"trilemma-lab/scenario","version":1,"model_version":1,"name":"N","preset":"status_quo_2024",)"
    R"("levers":{"EU":{"market_access":55}}})";
const std::string kGuide =
    R"({"format":"trilemma-lab/guide","version":1,"id":"g","title":"T","summary":"S","seat":"US",)"
    R"("preset":"status_quo_2024","steps":[{"id":"a","title":"A","briefing":"B","goal":{"description":"D",)"
    R"("conditions":[{"indicator":"tech_lead","year":2030,"compare":">=","target":TARGET}]}}]})";
std::string guide_with_target(const std::string& target) {
    std::string g = kGuide;
    return g.replace(g.find("TARGET"), 6, target);
}
}  // namespace

TEST_CASE("untrusted JSON: the one number parser reads the JSON grammar exactly") {
    CHECK(json::parse_json_number("0e308") == 0.0);
    CHECK(json::parse_json_number("-0E-400") == 0.0);
    CHECK(json::parse_json_number("13.387664401253275") == 13.387664401253275);
    CHECK(json::parse_json_number("1e2") == 100.0);
    for (const char* bad : {"", "1e400", "-", "01", "1.", ".5", "1e", "+1", "0x10", "1 ", "NaN", "Infinity", "1e+"})
        CHECK_MESSAGE(!json::parse_json_number(bad), bad);
}

TEST_CASE("untrusted JSON: structure, depth, duplicates, UTF-8 and binary data") {
    auto doc = read(R"({"a":[1,2.5,{"b":"x"}],"c":null,"d":true,"e":-7,"f":3000000000})");
    REQUIRE(doc.ok);
    CHECK(doc.doc["a"][1].GetDouble() == 2.5);
    CHECK(doc.doc["a"][2]["b"] == "x");
    CHECK(doc.doc["e"].IsInt());
    CHECK(doc.doc["f"].IsInt64());

    CHECK(error_of("") == "line 1: not valid JSON (The document is empty.)");
    CHECK(error_of("{\"a\":1,\n\"b\":}") == "line 2: not valid JSON (Invalid value.)");
    CHECK(error_of("{} {}") == "line 1: not valid JSON (The document root must not be followed by other values.)");
    CHECK(error_of("[1,2") == "line 1: not valid JSON (Missing a comma or ']' after an array element.)");
    CHECK(error_of("{\"a\" 1}") == "line 1: not valid JSON (Missing a colon after a name of object member.)");

    CHECK(read(std::string(3, '[') + std::string(3, ']'), 3).ok);
    CHECK(read(std::string(4, '[') + std::string(4, ']'), 3).error == "line 1: not valid JSON (nested more than 3 levels deep)");

    CHECK(error_of(R"({"levers":{"US":{"enforcement":1,"enforcement":2}}})") ==
          "levers.US.enforcement: given twice (each field may appear once; line 1)");
    CHECK(error_of(R"({"steps":[{"id":"a"},{"id":"b","id":"c"}]})") == "steps[1].id: given twice (each field may appear once; line 1)");

    CHECK(error_of("{\"name\":\"ok \xC3\xA9 \xF0\x9F\x98\x80\"}").empty());
    CHECK(error_of("{\"name\":\"\xE2\x82(\"}") == "name: not valid UTF-8 text (byte 10, line 1)");
    CHECK(error_of("{\"name\":\"\xED\xA0\x80\"}").find("name: not valid UTF-8") == 0);  // a surrogate in UTF-8
    CHECK(error_of("{\"name\":\"\xC0\xAF\"}").find("name: not valid UTF-8") == 0);      // an overlong '/'
    CHECK(error_of(R"({"steps":[{"title":"\ud800"}]})") ==
          "steps[0].title: not valid text (a lone UTF-16 surrogate \\uD800 at line 1)");
    CHECK(error_of(R"({"name":"\udc00x"})").find("name: not valid text (a lone UTF-16 surrogate \\uDC00") == 0);
    auto pair = read(R"({"name":"\ud83d\ude00"})");
    REQUIRE(pair.ok);
    CHECK(std::string(pair.doc["name"].GetString()) == "\xF0\x9F\x98\x80");

    CHECK(read("\xEF\xBB\xBF{\"a\":1}").ok);
    std::string binary(4096, '\0');
    for (std::size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>((i * 131 + 7) % 256);
    CHECK(error_of(binary).find("file: not a text/JSON scenario file (it holds binary data") == 0);
    CHECK(error_of(std::string(2000, ' ')).find("larger than the 1 KiB a scenario may have") != std::string::npos);
}

TEST_CASE("scenario files: hostile and damaged files are refused naming the real problem") {
    REQUIRE(scenario_from_json(kScenario).ok);
    // A byte-order mark (Windows editors) is accepted.
    ScenarioReadResult bom = scenario_from_json("\xEF\xBB\xBF" + kScenario);
    REQUIRE(bom.ok);
    CHECK(bom.scenario == scenario_from_json(kScenario).scenario);
    // 4 KiB of binary data: not a size complaint.
    std::string binary(4096, '\0');
    for (std::size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>((i * 37) % 256);
    ScenarioReadResult bin = scenario_from_json(binary);
    REQUIRE(!bin.errors.empty());
    CHECK(bin.errors.front().find("file: not a text/JSON scenario file") == 0);
    // Names must be valid UTF-8, lone surrogates included.
    std::string bad_name = kScenario;
    bad_name.replace(bad_name.find("\"N\""), 3, "\"\xE2\x82(\"");
    CHECK(scenario_from_json(bad_name).errors.front().find("name: not valid UTF-8") == 0);
    std::string surrogate = kScenario;
    surrogate.replace(surrogate.find("\"N\""), 3, R"("\ud800")");
    CHECK(scenario_from_json(surrogate).errors.front().find("name: not valid text (a lone UTF-16 surrogate") == 0);
    // A duplicate key is an error naming it (it used to resolve silently to the first).
    std::string twice = kScenario;
    twice.replace(twice.find("\"market_access\":55"), 18, R"("market_access":55,"market_access":60)");
    CHECK(scenario_from_json(twice).errors.front() ==
          "levers.EU.market_access: given twice (each field may appear once; line 1)");
    // A newer scenario format is refused as such.
    std::string newer_format = kScenario;
    const std::string newer = std::to_string(kScenarioFormatVersion + 1);
    newer_format.replace(newer_format.find("\"version\":1"), 11, "\"version\":" + newer);
    ScenarioReadResult refused = scenario_from_json(newer_format);
    REQUIRE(!refused.errors.empty());
    CHECK(refused.errors.front() == "version: made with a newer version of Trilemma Lab (scenario format " + newer +
                                        "); this app reads format " + std::to_string(kScenarioFormatVersion));
    // Missing "format" with a field at fault: the field comes first, then the header.
    std::string headless = kScenario;
    headless.erase(headless.find("\"format\""), std::strlen("\"format\":\"trilemma-lab/scenario\","));
    headless.replace(headless.find("55"), 2, "140");
    ScenarioReadResult r = scenario_from_json(headless);
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].find("levers.EU.market_access: 140 is outside 0..100") == 0);
    CHECK(r.errors[1].find("format: missing") == 0);
    // ... and with an unknown preset, the levers are still checked.
    std::string unknown_preset = headless;
    unknown_preset.replace(unknown_preset.find("status_quo_2024"), 15, "status_quo_2042");
    r = scenario_from_json(unknown_preset);
    REQUIRE(r.errors.size() == 3);
    CHECK(r.errors[0] == "preset: unknown preset \"status_quo_2042\" (did you mean \"status_quo_2024\"?)");
    CHECK(r.errors[1].find("levers.EU.market_access: 140") == 0);
    // A typo in a field name is named.
    std::string typo = kScenario;
    typo.replace(typo.find("\"format\""), 8, "\"fromat\"");
    r = scenario_from_json(typo);
    REQUIRE(!r.errors.empty());
    CHECK(r.errors[0] == "\"fromat\": unknown field (did you mean \"format\"?)");
    // Nothing of a scenario at all: the header is the whole story.
    CHECK(scenario_from_json("{}").errors == std::vector<std::string>{"format: missing (\"trilemma-lab/scenario\")",
                                                                       "version: missing or not a whole number"});
    // Wrong top-level types say what they found.
    CHECK(scenario_from_json("[]").errors.front() == "file: expected a JSON object describing a scenario, found a list");
    CHECK(scenario_from_json("\"1.1.0.0135..\"").errors.front().find("found text (a share code") != std::string::npos);
    CHECK(scenario_from_json("null").errors.front().find("found null") != std::string::npos);
    // A guide opened as a scenario says so.
    CHECK(scenario_from_json(guide_with_target("1")).errors.front().find("(it is a guide") != std::string::npos);
    // A thousand problems are forty lines and a count, not a thousand lines.
    std::string many = R"({"format":"trilemma-lab/scenario","version":1,"preset":"status_quo_2024","levers":{"US":{)";
    for (int i = 0; i < 1000; ++i) many += (i ? ",\"x" : "\"x") + std::to_string(i) + "\":1";
    r = scenario_from_json(many + "}}}");
    REQUIRE(r.errors.size() == 41);
    CHECK(r.errors[0] == "levers.US.x0: unknown lever");
    CHECK(r.errors[40] == "... and 960 more problems");
    // A long quoted value is cut in the message.
    std::string long_format = kScenario;
    long_format.replace(long_format.find("\"trilemma-lab/scenario\""), 23, "\"" + std::string(100000, 'x') + "\"");
    CHECK(scenario_from_json(long_format).errors.front().size() < 200);
}

TEST_CASE("guides: 0e308 is zero, a newer guide is refused, and the link form is checked before decoding") {
    // The browser read this target as 2.2e61% through RapidJSON's full-precision path.
    for (const char* zero : {"0e308", "0E+308", "-0e400", "0.0e999"}) {
        GuideReadResult r = read_guide(guide_with_target(zero));
        CAPTURE(zero);
        REQUIRE(r.ok);
        CHECK(r.guide.steps[0].goal->conditions[0].target == 0.0);
    }
    CHECK(read_guide(guide_with_target("1e400")).errors.front() ==
          "line 1: not valid JSON (Number too big to be stored in double.)");
    std::string newer = guide_with_target("1");
    newer.replace(newer.find("\"version\":1"), 11, "\"version\":9");
    CHECK(read_guide(newer).errors ==
          std::vector<std::string>{"version: made with a newer version of Trilemma Lab (guide format 9); this app reads format 1"});
    CHECK(read_guide(kScenario).errors ==
          std::vector<std::string>{"format: \"trilemma-lab/scenario\" is not a Trilemma Lab guide (expected "
                                   "\"trilemma-lab/guide\") (it is a scenario: open it with File)"});
    CHECK(read_guide("\xEF\xBB\xBF" + guide_with_target("1")).ok);
    CHECK(resolve_guide("\xEF\xBB\xBF" + guide_with_target("1")).ok);

    GuideReadResult link = resolve_guide_link("~" + encode_base64url(guide_with_target("2")));
    REQUIRE(link.ok);
    CHECK(link.guide.steps[0].goal->conditions[0].target == 2.0);
    CHECK(resolve_guide_link("chip_chokepoint").ok);
    CHECK(resolve_guide_link("~***").errors.front() == "guide: the link is damaged (not base64url)");
    CHECK(resolve_guide_link("~" + std::string(400 * 1024, 'A')).errors.front().find("more than a guide of 256 KiB") !=
          std::string::npos);
    // A megabyte-long id is not echoed whole.
    GuideReadResult long_id = resolve_guide_link(std::string(1 << 20, 'x'));
    REQUIRE(!long_id.errors.empty());
    CHECK(long_id.errors.front().size() < 200);
}

TEST_CASE("guides: the regression files of the guide decoder read as they should") {
#ifdef TL_FUZZ_REGRESSIONS_DIR
    std::ifstream in(std::string(TL_FUZZ_REGRESSIONS_DIR) + "/guide_zero_with_exponent.json", std::ios::binary);
    REQUIRE(in);
    std::stringstream buf;
    buf << in.rdbuf();
    GuideReadResult r = read_guide(buf.str());
    REQUIRE(r.ok);
    for (const auto& c : r.guide.steps[0].goal->conditions) CHECK(c.target == 0.0);
#endif
#ifdef TL_FUZZ_CORPUS_DIR
    for (const char* valid : {"valid_minimal.json", "valid_goals.json", "zero_with_exponent.json"}) {
        std::ifstream f(std::string(TL_FUZZ_CORPUS_DIR) + "/guide/" + valid, std::ios::binary);
        std::stringstream b;
        b << f.rdbuf();
        GuideReadResult g = read_guide(b.str());
        CAPTURE(valid);
        CHECK_MESSAGE(g.ok, (g.errors.empty() ? "" : g.errors.front()));
    }
#endif
}
