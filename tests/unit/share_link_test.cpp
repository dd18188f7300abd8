// Share codes and scenario files: round trips of random scenarios, the
// format pinned by a golden code, every kind of malformed input, lengths, and
// a replay of the fuzzers' seed corpora and crash regressions.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/analysis.h"
#include "core/scenario_io.h"
#include "core/share_link.h"
#include "core/version.h"
#include "tests/fuzz/guide_check.h"
#include "tests/fuzz/roundtrip_check.h"
#include "tests/unit/random_scenario.h"

using namespace tl;

namespace {

std::string stamp(const std::string& body) { return body + "." + share_code_check(body); }

std::string b64url(std::string_view bytes) {
    static const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    std::uint32_t acc = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        acc = (acc << 8) | c;
        bits += 8;
        while (bits >= 6) out += a[(acc >> (bits -= 6)) & 63];
    }
    if (bits > 0) out += a[(acc << (6 - bits)) & 63];
    return out;
}

std::string bits_b64(double v) {
    static const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::uint64_t b;
    std::memcpy(&b, &v, sizeof b);
    std::string out;
    for (int i = 10; i >= 0; --i) out += a[(b >> (6 * i)) & 63];
    return out;
}

std::string random_text(Rng& rng, std::size_t max_bytes) {
    static const char* pieces[] = {"a", "Z", " ", "-", "plan", "\xC3\xBC", "\xE2\x80\x94", "\xE4\xB8\xAD",
                                   "\xF0\x9F\x9A\x80", "\n", "\"", "\\", "#", "%", "&", "."};
    std::string s;
    std::size_t target = rng.next() % (max_bytes + 1);
    while (true) {
        const char* p = pieces[rng.next() % (sizeof pieces / sizeof *pieces)];
        if (s.size() + std::strlen(p) > target) break;
        s += p;
    }
    return s;
}

// A random valid scenario the UI could make: levers on their step grid,
// assumption positions on the 0.05 grid, text within the link's caps.
Scenario random_scenario(Rng& rng) {
    const Preset& p = presets()[rng.next() % presets().size()];
    Scenario s = scenario_from_preset(p, static_cast<Bloc>(rng.next() % kBlocCount));
    s.horizon = kMinHorizon + static_cast<int>(rng.next() % (kMaxHorizon - kMinHorizon + 1));
    s.reactions = rng.next() % 2 == 0;
    for (int b = 0; b < kBlocCount; ++b)
        if (rng.uniform() < 0.5) s.policy[b] = random_policy(rng, s.policy[b]);
    double assumption_share = rng.uniform() < 0.5 ? 0.0 : rng.uniform();
    for (int i = 0; i < kParamCount; ++i)
        if (param_defs()[i].uncertain() && rng.uniform() < assumption_share)
            s.assumptions[i] = static_cast<double>(static_cast<int>(rng.next() % 41) - 20) / 20;
    switch (rng.next() % 4) {
        case 0: s.name.clear(); break;
        case 1: break;  // the preset's name
        default: s.name = random_text(rng, kShareMaxNameBytes);
    }
    if (rng.next() % 2) s.notes = random_text(rng, kShareMaxNotesBytes);
    return s;
}

// Status quo with five of the seat's levers moved: the typical shared scenario.
Scenario typical_scenario() {
    Scenario s = scenario_from_preset(presets().front(), Bloc::US);
    for (auto [key, value] : {std::pair{"export_controls.semis", 80.0}, {"tariffs.cleantech", 50.0},
                              {"subsidies.semis", 60.0}, {"alliance_coordination", 70.0}, {"market_access", 30.0}})
        REQUIRE(apply_setting(s, key, value).empty());
    return s;
}

}  // namespace

TEST_CASE("share code: random scenarios round-trip exactly, as codes and as JSON") {
    Rng rng(20240611);
    std::size_t longest = 0;
    for (int i = 0; i < 3000; ++i) {
        Scenario s = random_scenario(rng);
        // Every start year from the default up to the horizon.
        if (i % 2) REQUIRE(set_start_year(s, testing::random_int(rng, kBaseYear + 1, s.horizon)).empty());
        REQUIRE(validate(s).empty());
        REQUIRE(share_code_losses(s).empty());
        std::string code = encode_share_code(s);
        CAPTURE(code);
        longest = std::max(longest, code.size());
        ShareDecodeResult d = decode_share_code(code);
        REQUIRE_MESSAGE(d.ok, (d.errors.empty() ? "" : d.errors.front()));
        CHECK(d.notices.empty());
        CHECK(d.format_version == kShareFormatVersion);
        CHECK(d.model_version == kModelVersion);
        REQUIRE(d.scenario == s);
        for (bool pretty : {true, false}) {
            ScenarioReadResult j = scenario_from_json(scenario_to_json(s, pretty));
            REQUIRE_MESSAGE(j.ok, (j.errors.empty() ? "" : j.errors.front()));
            REQUIRE(j.scenario == s);
        }
        REQUIRE(tl::fuzz::check_reencode(s, "random") == "");
    }
    MESSAGE("longest code of 3000 random scenarios: " << longest << " characters");
}

TEST_CASE("share code: values off the step grid are encoded exactly") {
    Rng rng(7);
    for (int i = 0; i < 500; ++i) {
        Scenario s = scenario_from_preset(presets()[rng.next() % presets().size()]);
        for (int k = 0; k < 8; ++k) {
            int b = static_cast<int>(rng.next() % kBlocCount), slot = static_cast<int>(rng.next() % kSlotCount);
            const LeverDef& d = lever_def(slot_info(slot).lever);
            s.policy[b][slot] = d.min + rng.uniform() * (d.max - d.min);
        }
        for (int k = 0; k < 4; ++k) {
            int p = static_cast<int>(rng.next() % kParamCount);
            if (param_defs()[p].uncertain()) s.assumptions[p] = rng.uniform() * 2 - 1;
        }
        s.policy[0][0] = -0.0;  // compares equal to 0; fine either way
        REQUIRE(validate(s).empty());
        std::string code = encode_share_code(s);
        ShareDecodeResult d = decode_share_code(code);
        REQUIRE(d.ok);
        REQUIRE(d.scenario == s);
        ScenarioReadResult j = scenario_from_json(scenario_to_json(s));
        REQUIRE(j.ok);
        REQUIRE(j.scenario == s);  // needs full-precision number parsing
    }
}

TEST_CASE("share code: the suite's random scenarios (fractional levers, continuous assumptions) round-trip") {
    Rng rng(31337);
    std::size_t longest = 0;
    for (int i = 0; i < 1000; ++i) {
        Scenario s = tl::testing::random_scenario(rng, {.random_assumptions = true, .fractional_levers = true});
        REQUIRE(validate(s).empty());
        std::string code = encode_share_code(s);
        longest = std::max(longest, code.size());
        REQUIRE(share_code_losses(s).empty());
        ShareDecodeResult d = decode_share_code(code);
        REQUIRE(d.ok);
        REQUIRE(d.scenario == s);
    }
    MESSAGE("longest code with ~40 off-grid assumption positions: " << longest << " characters");
}

TEST_CASE("share code: lengths (typical, worst case) and the fallback beyond the limit") {
    Scenario typical = typical_scenario();
    std::string code = encode_share_code(typical);
    std::string link = "https://trilemma-lab.example.org/#s=" + code;
    MESSAGE("typical (status quo + 5 levers): " << code.size() << " characters: " << code);
    CHECK(code.size() < 60);
    CHECK(link.size() < 200);
    REQUIRE(decode_share_code(link).scenario == typical);

    // Every slot of every bloc changed (on the grid), every assumption moved.
    Scenario worst = scenario_from_preset(presets().front(), Bloc::China);
    for (int b = 0; b < kBlocCount; ++b)
        for (int slot = 0; slot < kSlotCount; ++slot) {
            const LeverDef& d = lever_def(slot_info(slot).lever);
            double& v = worst.policy[b][slot];
            v = v == d.max ? d.max - d.step : v + d.step;
        }
    int moved = 0;
    for (int i = 0; i < kParamCount; ++i)
        if (param_defs()[i].uncertain()) worst.assumptions[i] = (++moved % 2) ? 0.95 : -1.0;
    std::string worst_code = encode_share_code(worst);
    MESSAGE("worst case on the grid (" << kBlocCount * kSlotCount << " levers, " << moved
                                       << " assumptions): " << worst_code.size() << " characters");
    CHECK(worst_code.size() <= 4 * (kBlocCount * kSlotCount + moved) + 40);
    REQUIRE(decode_share_code(worst_code).scenario == worst);
    worst.name = std::string(kShareMaxNameBytes, 'n');
    worst.notes = std::string(kShareMaxNotesBytes, 'x');
    std::string with_text = encode_share_code(worst);
    MESSAGE("  with the longest name and notes: " << with_text.size() << " characters");
    CHECK(with_text.size() < 2500);
    REQUIRE(decode_share_code(with_text).scenario == worst);

    // Every value off its grid: exact if that fits in kMaxShareCodeLength,
    // else rounded to the grid, and share_code_losses says so.
    Rng rng(99);
    Scenario off = worst;
    for (auto& pol : off.policy)
        for (int slot = 0; slot < kSlotCount; ++slot) {
            const LeverDef& d = lever_def(slot_info(slot).lever);
            pol[slot] = d.min + (0.25 + 0.5 * rng.uniform()) * (d.max - d.min) + d.step * 0.3;
        }
    for (int i = 0; i < kParamCount; ++i)
        if (param_defs()[i].uncertain()) off.assumptions[i] = 0.333 * (i % 3 - 1) + 0.01;
    REQUIRE(validate(off).empty());
    std::string off_code = encode_share_code(off);
    MESSAGE("every value off the grid, longest text: " << off_code.size() << " characters");
    REQUIRE(off_code.size() <= kMaxShareCodeLength);
    ShareDecodeResult d = decode_share_code(off_code);
    REQUIRE(d.ok);
    if (share_code_losses(off).empty()) {
        CHECK(d.scenario == off);
    } else {
        for (int b = 0; b < kBlocCount; ++b)
            for (int slot = 0; slot < kSlotCount; ++slot)
                CHECK(std::abs(d.scenario.policy[b][slot] - off.policy[b][slot]) <=
                      lever_def(slot_info(slot).lever).step / 2 + 1e-9);
        for (int i = 0; i < kParamCount; ++i) CHECK(std::abs(d.scenario.assumptions[i] - off.assumptions[i]) <= 0.025 + 1e-12);
        CHECK(encode_share_code(d.scenario) == off_code);  // the rounded scenario round-trips exactly
    }
}

TEST_CASE("share code: the format is pinned (changing it needs a new share format version)") {
    // If this fails after a change to the lever list, lever min/step, the
    // preset order or the encoding: old links would decode differently. Bump
    // kShareFormatVersion and keep a reader for format 1 (or bump the model
    // version), then update this code.
    Scenario s = scenario_from_preset(*find_preset("allied_tech_alliance"), Bloc::EU);
    s.horizon = 2030;
    s.reactions = false;
    s.name = "Plan B";
    s.notes = "f\xC3\xBCr alle";
    REQUIRE(apply_setting(s, "EU.export_controls.ai", 40).empty());
    REQUIRE(apply_setting(s, "China.enforcement", 1500).empty());
    REQUIRE(apply_setting(s, "GlobalSouth.privacy_protection", 12.5).empty());
    s.assumptions[static_cast<int>(Param::BaseLeakage)] = 0.35;
    s.assumptions[static_cast<int>(Param::Diffusion)] = -1;
    // Format 1, written before the start year was stored: it still opens, with the default start year.
    ShareDecodeResult format1 = decode_share_code("1.2.3.2030.174621144w_EApAAAAAAAA.000r0e00.UGxhbiBC.ZsO8ciBhbGxl.bui");
    REQUIRE(format1.ok);
    CHECK(format1.format_version == 1);
    CHECK(format1.scenario == s);
    CHECK(format1.scenario.start_year == kDefaultStartYear);
    // The example of core/share_link.h, in both formats.
    for (const char* example : {"1.1.0.0135.00280h1o0q0u0r1y.._.zy5", "2.2.0.013525.00280h1o0q0u0r1y.._.gow"}) {
        CAPTURE(example);
        ShareDecodeResult d = decode_share_code(example);
        REQUIRE(d.ok);
        CHECK(d.scenario.policy[0][slot_of(LeverId::ExportControls)] == 80);
        CHECK(d.scenario.start_year == kDefaultStartYear);
    }
    REQUIRE(set_start_year(s, 2028).empty());
    std::string code = encode_share_code(s);
    CHECK(code == "2.6.3.203028.174621144w_EApAAAAAAAA.000r0e00.UGxhbiBC.ZsO8ciBhbGxl.y23");  // model v6
    REQUIRE(decode_share_code(code).scenario == s);
    CHECK(presets()[0].id == "status_quo_2024");
    CHECK(presets()[3].id == "allied_tech_alliance");
}

TEST_CASE("share code: malformed, truncated, oversized and out-of-range codes name what is wrong and where") {
    const std::string good = encode_share_code(typical_scenario());
    REQUIRE(decode_share_code(good).ok);
    int fact = -1;
    for (int i = 0; i < kParamCount; ++i)
        if (!param_defs()[i].uncertain()) fact = i;
    REQUIRE(fact >= 0);
    const char* d36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string fact_entry = std::string(1, d36[fact / 36]) + d36[fact % 36] + "14";

    struct Case {
        std::string code, expect;
    };
    const std::vector<Case> cases{
        {"", "empty"},
        {" \n\t", "empty"},
        {std::string(5000, 'a'), "longer than the 4096"},
        {"1.1.0.0135..%20", "'%' cannot appear"},
        {"1.1.0.0135.. ", "incomplete"},  // trailing whitespace is trimmed
        {"1.1.0.0135..\xC3\xA9", "byte 0xC3 cannot appear"},
        {"hello.world", "not a Trilemma Lab share code"},
        {"0.1.0.0135...abc", "not a Trilemma Lab share code"},
        {stamp("3.1.0.0135.."), "made by a newer version of Trilemma Lab (share format 3"},
        {stamp("2.2.0.0135.."), "setup (character 7): expected 6 characters (seat, reactions, horizon, start year)"},
        {stamp("2.2.0.013524.."), "start_year (character 11): 2024 is outside 2025..2040"},
        {stamp("2.2.0.01352x.."), "start_year (character 11): expected two digits"},
        {stamp("2.2.0.013036.."), "start_year: 2036 is after the horizon 2030"},
        {"1.1.0.0135", "incomplete, it may have been cut short"},
        {good.substr(0, good.size() - 2), "should end in 3 check characters"},
        {good.substr(0, 11) + good.substr(15), "does not match its check characters"},  // an entry lost
        {good.substr(0, 20) + (good[20] == '1' ? "2" : "1") + good.substr(21), "does not match its check"},
        {good + ".abc.def.ghi", "more than 9 parts"},
        {good + "&x=1", "'&' cannot appear"},
        {stamp("1.0.0.0135.."), "model_version (character 3)"},
        {stamp("1.1.z.0135.."), "preset (character 5): there is no preset number 35"},
        {stamp("1.1.01.0135.."), "expected a preset number"},
        {stamp("1.1._" + b64url("nope") + ".0135.."), "unknown preset \"nope\""},
        {stamp("1.1._!.0135.."), "cannot appear"},
        {stamp("1.1._A.0135.."), "expected a preset id in base64url"},
        {stamp("1.1.0.013.."), "setup (character 7): expected 4 characters"},
        {stamp("1.1.0.9135.."), "seat (character 7): '9' is not a bloc"},
        {stamp("1.1.0.0235.."), "reactions (character 8): '2' is not 0"},
        {stamp("1.1.0.0150.."), "horizon (character 9): 2050 is outside 2026..2040"},
        {stamp("1.1.0.01x5.."), "horizon (character 9): expected two digits"},
        {stamp("1.1.0.0135.00zz."), "levers.US.export_controls.semis (character 12): 1295 is outside 0..100"},
        {stamp("1.1.0.0135.02zz."), "levers.US.export_controls.quantum"},
        {stamp("1.1.0.0135.0x10."), "levers (character 13): 'x' is not a lever (0 to w)"},
        {stamp("1.1.0.0135.7010."), "levers (character 12): '7' is not a bloc"},
        {stamp("1.1.0.0135.0010001."), "incomplete entry \"001\""},
        {stamp("1.1.0.0135.00100010."), "levers.US.export_controls.semis (character 16): set twice"},
        {stamp("1.1.0.0135.0a100010."), "(character 16): out of order"},
        {stamp("1.1.0.0135.00_AAAA."), "base64url characters for an exact value"},
        {stamp("1.1.0.0135.00_" + bits_b64(std::nan("")) + "."), "not a finite number"},
        {stamp("1.1.0.0135.00_" + bits_b64(101.0) + "."), "101 is outside 0..100"},
        {stamp("1.1.0.0135.00_" + bits_b64(-1e-300) + "."), "-1e-300 is outside"},
        {stamp("1.1.0.0135.00_/AAAAAAAAAA."), "cannot appear"},
        {stamp("1.1.0.0135.00_wAAAAAAAAA."), "exact value"},  // more than 64 bits
        {stamp("1.1.0.0135..zz14"), "assumptions (character 13): there is no assumption number 1295"},
        {stamp("1.1.0.0135..001z"), "assumptions.base_leakage (character 15): position code \"1z\" is outside 00..14"},
        {stamp("1.1.0.0135..00140013"), "assumptions.base_leakage (character 17): set twice"},
        {stamp("1.1.0.0135..0e140013"), "out of order"},
        {stamp("1.1.0.0135..001"), "incomplete entry"},
        {stamp("1.1.0.0135..00_" + bits_b64(1.5)), "position 1.5 is outside -1..1"},
        {stamp("1.1.0.0135.." + fact_entry), "a sourced fact cannot be moved"},
        {stamp("1.1.0.0135...A"), "name (character 14): not valid base64url"},
        {stamp("1.1.0.0135...Ab"), "not valid base64url"},  // nonzero unused bits
        {stamp("1.1.0.0135..." + b64url("\xFF")), "name (character 14): not valid UTF-8"},
        {stamp("1.1.0.0135..." + b64url("\xED\xA0\x80")), "not valid UTF-8"},  // a surrogate
        {stamp("1.1.0.0135..." + b64url(std::string(101, 'a'))), "longer than the 100 bytes"},
        {stamp("1.1.0.0135..." + std::string(2000, 'A')), "longer than the 100 bytes"},
        {stamp("1.1.0.0135...." + b64url(std::string(501, 'a'))), "notes (character 15): longer than the 500 bytes"},
        {stamp("1.1.0.0135...._"), "notes (character 15): not valid base64url"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.code.substr(0, 120));
        ShareDecodeResult r;
        REQUIRE_NOTHROW(r = decode_share_code(c.code));
        CHECK_FALSE(r.ok);
        REQUIRE(!r.errors.empty());
        std::string all;
        for (const auto& e : r.errors) all += e + "\n";
        CHECK_MESSAGE(all.find(c.expect) != std::string::npos, all);
    }
    // Several problems are all reported, each with its place.
    ShareDecodeResult many = decode_share_code(stamp("1.1.z.9250.7010.zz14"));
    CHECK(many.errors.size() == 6);
    CHECK(many.error_position == 4);
}

TEST_CASE("share code: links, prefixes, whitespace, positions and model-version notices") {
    Scenario s = typical_scenario();
    std::string code = encode_share_code(s);
    for (std::string text : {code, "s=" + code, "#s=" + code, "https://x.example/app/?v=2#s=" + code,
                             "  " + code + "\n", "\thttps://x.example/#s=" + code + " \r\n"}) {
        ShareDecodeResult r = decode_share_code(text);
        CHECK(r.ok);
        CHECK(r.scenario == s);
    }
    // Positions count from the start of the text given.
    std::string prefix = "https://x.example/#s=";
    ShareDecodeResult r = decode_share_code(prefix + stamp("1.1.0.0150.."));
    REQUIRE(!r.ok);
    CHECK(r.error_position == prefix.size() + 8);
    CHECK(r.errors.front().find("(character " + std::to_string(prefix.size() + 9) + ")") != std::string::npos);

    // A newer model is refused (its results would differ unseen); an older one: "the baseline has changed since".
    static_assert(kModelVersion + 1 < 36, "one base-36 digit");
    const std::string next(1, "0123456789abcdefghijklmnopqrstuvwxyz"[kModelVersion + 1]);
    ShareDecodeResult newer = decode_share_code(stamp("1." + next + ".0.0135.."));
    REQUIRE_FALSE(newer.ok);
    REQUIRE(newer.errors.size() == 1);
    CHECK(newer.errors[0] == "model_version (character 3): made with a newer version of Trilemma Lab (model version " +
                                 std::to_string(kModelVersion + 1) + "); this app runs model version " +
                                 std::to_string(kModelVersion) + ": reload the page to update the app");
    CHECK(newer.error_position == 2);
    CHECK(model_version_notice(1, 2).find("made with model version 1; this app runs version 2. The baseline has "
                                          "changed since") != std::string::npos);
    CHECK(model_version_notice(kModelVersion, kModelVersion).empty());

    // Checks can be skipped (for fuzzing), but their format is still checked.
    std::string altered = code.substr(0, code.size() - 3) + (code.substr(code.size() - 3) == "000" ? "001" : "000");
    CHECK_FALSE(decode_share_code(altered).ok);
    CHECK(decode_share_code(altered, {false}).ok);
    CHECK_FALSE(decode_share_code(code.substr(0, code.size() - 1), {false}).ok);
}

TEST_CASE("share links in a line of pasted text: found with the text around them left out") {
    const std::string code = encode_share_code(typical_scenario());
    const std::string url = "http://host:8080/app/?x=1#s=" + code;
    const auto found = [](std::string_view line) {
        std::vector<std::string> out;
        for (const ShareLinkSpan& s : find_share_links(line)) out.emplace_back(line.substr(s.begin, s.end - s.begin));
        return out;
    };
    using V = std::vector<std::string>;
    // A title before or after, as chat apps and a phone's Share button send it.
    CHECK(found("Team Red: " + url) == V{url});
    CHECK(found(url + " from Blue") == V{url});
    CHECK(found("Team Red:\xC2\xA0" + url + "\r") == V{url});  // a no-break space, a Windows line end
    // Wrapped in brackets or quotes, followed by punctuation; Markdown and Slack links.
    CHECK(found("(" + url + ").") == V{url});
    CHECK(found("<" + url + ">") == V{url});
    CHECK(found("[Team Red](" + url + ")") == V{url});
    CHECK(found("\"" + url + "\",") == V{url});
    CHECK(found("Red:" + url) == V{url});  // no space after the colon: the link starts at "http"
    // Bare codes, "s=" and "#s=" forms.
    CHECK(found(code) == V{code});
    CHECK(found("Green " + code + ".") == V{code});
    CHECK(found("s=" + code + " and #s=" + code) == V{"s=" + code, "#s=" + code});
    // Several on a line, each found.
    CHECK(found("Red: " + url + " Blue: " + code) == V{url, code});
    // A link meant as a share link that does not decode is still found (the room says what is wrong with it).
    CHECK(found("Team Red: http://host/#s=") == V{"http://host/#s="});
    CHECK(found("http://host/#s=" + code.substr(0, 10)) == V{"http://host/#s=" + code.substr(0, 10)});
    CHECK_FALSE(decode_share_code(found("x http://host/#s=" + code.substr(0, 10))[0]).ok);
    // What is not a share link: words, numbers with dots, other links, an empty line.
    CHECK(found("hello world").empty());
    CHECK(found("version 1.2.3 of e.g. the app, 3.14").empty());
    CHECK(found("http://host/#guide=chip_chokepoint").empty());
    CHECK(found("").empty());
    CHECK(found("   \t ").empty());
    // Every span found decodes to the scenario.
    for (const std::string& line : {"Team Red: " + url, "<" + url + "> from Blue", "Green " + code + "."})
        for (const std::string& link : found(line)) CHECK(decode_share_code(link).scenario == typical_scenario());
    // At most max_links; spans in order.
    std::string many;
    for (int i = 0; i < 10; ++i) many += code + " ";
    CHECK(find_share_links(many, 3).size() == 3);
    CHECK(find_share_links(many).size() == 10);
}

TEST_CASE("share code: what a link cannot carry is reported, and cut at character boundaries") {
    Scenario s = scenario_from_preset(presets().front());
    CHECK(share_code_losses(s).empty());
    s.name = std::string(kShareMaxNameBytes - 1, 'a') + "\xE2\x80\x94";  // a 3-byte dash crosses the cap
    s.notes = "bad \xFF byte";
    auto losses = share_code_losses(s);
    REQUIRE(losses.size() == 2);
    CHECK(losses[0].find("name: only the first 100 bytes") != std::string::npos);
    CHECK(losses[1].find("notes: characters that are not valid UTF-8") != std::string::npos);
    ShareDecodeResult d = decode_share_code(encode_share_code(s));
    REQUIRE(d.ok);
    CHECK(d.scenario.name == std::string(kShareMaxNameBytes - 1, 'a'));
    CHECK(d.scenario.notes == "bad \xEF\xBF\xBD byte");

    // An invalid scenario gives a code that does not decode.
    Scenario bad = scenario_from_preset(presets().front());
    bad.policy[2][3] = 1e9;
    bad.horizon = 2100;
    bad.preset = "gone";
    ShareDecodeResult rb = decode_share_code(encode_share_code(bad));
    CHECK_FALSE(rb.ok);
    CHECK(rb.errors.front().find("unknown preset \"gone\"") != std::string::npos);
}

TEST_CASE("share code: random mutations of valid codes never crash and round-trip when they decode") {
    Rng rng(4242);
    const std::string alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.~#%";
    int decoded = 0;
    for (int i = 0; i < 4000; ++i) {
        std::string code = encode_share_code(random_scenario(rng));
        int edits = 1 + static_cast<int>(rng.next() % 3);
        for (int e = 0; e < edits && !code.empty(); ++e) {
            std::size_t at = rng.next() % code.size();
            switch (rng.next() % 4) {
                case 0: code[at] = alphabet[rng.next() % alphabet.size()]; break;
                case 1: code.erase(at, 1 + rng.next() % 5); break;
                case 2: code.insert(at, 1, alphabet[rng.next() % alphabet.size()]); break;
                default: code.resize(at); break;
            }
        }
        CAPTURE(code);
        std::string problem;
        REQUIRE_NOTHROW(problem = tl::fuzz::check_share_code(code));
        REQUIRE(problem == "");
        decoded += decode_share_code(code, {false}).ok;
    }
    MESSAGE(decoded << " of 4000 mutated codes still decoded (without the check)");
}

TEST_CASE("scenario JSON: deep nesting and long numbers read without crashing") {
    // Recursive-descent parsing overflowed the stack here (a crash found by fuzzing).
    for (std::string open : {"[", "{\"a\":", "{\"levers\":["}) {
        std::string deep;
        while (deep.size() + open.size() <= kMaxScenarioBytes) deep += open;
        ScenarioReadResult r;
        REQUIRE_NOTHROW(r = scenario_from_json(deep));
        CHECK_FALSE(r.ok);
    }
    std::string nested = "{\"format\":\"trilemma-lab/scenario\",\"version\":1,\"preset\":\"status_quo_2024\",\"x\":";
    std::string shallow = nested;
    for (int i = 0; i < 50000; ++i) nested += "[";
    for (int i = 0; i < 50000; ++i) nested += "]";
    nested += "}";
    // Refused before any recursion could start, naming the limit and the line.
    ScenarioReadResult deep = scenario_from_json(nested);
    REQUIRE_FALSE(deep.ok);
    CHECK(deep.errors.front() == "line 1: not valid JSON (nested more than 32 levels deep)");
    // Up to the limit an unknown field is left alone, as before.
    for (int i = 0; i < 31; ++i) shallow += "[";
    for (int i = 0; i < 31; ++i) shallow += "]";
    CHECK(scenario_from_json(shallow + "}").ok);
    CHECK_FALSE(scenario_from_json(shallow.substr(0, shallow.size() - 62) + std::string(32, '[') + std::string(32, ']') + "}").ok);
    // Numbers read back exactly (the default fast parse can be 1 ulp off).
    ScenarioReadResult r = scenario_from_json(
        R"({"format":"trilemma-lab/scenario","version":1,"preset":"status_quo_2024",)"
        R"("levers":{"US":{"tariffs.ai":13.387664401253275}}})");
    REQUIRE(r.ok);
    CHECK(r.scenario.policy[0][slot_of(LeverId::Tariffs, Sector::AI)] == 13.387664401253275);
    // Zero with a large exponent: rapidjson's full-precision parse did clz(0)
    // here and read garbage (3.5e72, -6e-269); found by fuzz_scenario_json.
    ScenarioReadResult z = scenario_from_json(
        R"({"format":"trilemma-lab/scenario","version":1,"preset":"broad_decoupling",)"
        R"("levers":{"US":{"tariffs.ai":0e308,"export_controls.semis":0.0e100}},"assumptions":{"diffusion":0e-400}})");
    REQUIRE_MESSAGE(z.ok, (z.errors.empty() ? "" : z.errors.front()));
    CHECK(z.scenario.policy[0][slot_of(LeverId::Tariffs, Sector::AI)] == 0.0);
    CHECK(z.scenario.policy[0][slot_of(LeverId::ExportControls, Sector::Semis)] == 0.0);
    ScenarioReadResult big = scenario_from_json(R"({"format":"trilemma-lab/scenario","version":1,)"
                                                R"("preset":"status_quo_2024","horizon":1e400})");
    REQUIRE(!big.ok);
    CHECK(big.errors.front().find("line 1: not valid JSON (Number too big") == 0);
    ScenarioReadResult ints = scenario_from_json(R"({"format":"trilemma-lab/scenario","version":1,)"
                                                 R"("preset":"status_quo_2024","horizon":2030.0})");
    CHECK_FALSE(ints.ok);  // a year is a whole number, as before
    ScenarioReadResult huge_int = scenario_from_json(R"({"format":"trilemma-lab/scenario","version":1,)"
                                                     R"("preset":"status_quo_2024","horizon":99999999999999999999999})");
    CHECK_FALSE(huge_int.ok);
}

namespace {
[[maybe_unused]] void replay_dir(const char* dir, bool required) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        if (required) FAIL("missing directory " << dir);
        return;
    }
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream buf;
        buf << in.rdbuf();
        std::string bytes = buf.str();
        CAPTURE(entry.path().string());
        CHECK(tl::fuzz::check_scenario_json(bytes) == "");
        CHECK(tl::fuzz::check_share_code(bytes) == "");
        CHECK(tl::fuzz::check_guide_json(bytes) == "");
        // A share code found with the check skipped, replayed with its check fixed.
        if (auto dot = bytes.rfind('.'); dot != std::string::npos)
            CHECK(tl::fuzz::check_share_code(stamp(bytes.substr(0, dot))) == "");
        ++files;
    }
    CHECK(!ec);
    MESSAGE(files << " files replayed from " << std::string(dir));
}
}  // namespace

TEST_CASE("fuzz regressions and seed corpora replay through all three decoders") {
#if defined(TL_FUZZ_REGRESSIONS_DIR) && defined(TL_FUZZ_CORPUS_DIR)
    replay_dir(TL_FUZZ_REGRESSIONS_DIR, true);
    replay_dir(TL_FUZZ_CORPUS_DIR, true);
#else
    MESSAGE("TL_FUZZ_REGRESSIONS_DIR / TL_FUZZ_CORPUS_DIR not defined by the build: nothing replayed");
#endif
}

// Codes and files made by the app before the start year was stored (share
// format 1, scenario format 1), recorded from main at 2fe6b83 with
// tests/unit/random_scenario.h (Rng 20261129): each code opens to exactly the
// scenario of its file, with the default start year.
TEST_CASE("share code: codes and files recorded before the start year was stored open to the same scenario") {
    struct Recorded {
        const char* code;
        const char* file;
    };
    const Recorded recorded[] = {
#include "tests/unit/recorded_before_start_year.inc"
    };
    for (const auto& r : recorded) {
        CAPTURE(r.code);
        ShareDecodeResult d = decode_share_code(r.code);
        REQUIRE_MESSAGE(d.ok, (d.errors.empty() ? "" : d.errors.front()));
        CHECK(d.format_version == 1);
        ScenarioReadResult f = scenario_from_json(r.file);
        REQUIRE_MESSAGE(f.ok, (f.errors.empty() ? "" : f.errors.front()));
        CHECK(d.scenario == f.scenario);
        CHECK(d.scenario.start_year == kDefaultStartYear);
        // Written again, in the current formats, they read back the same.
        CHECK(tl::fuzz::check_reencode(d.scenario, "recorded") == "");
    }
}
