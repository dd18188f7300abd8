#include "core/scenario_io.h"

#include <algorithm>

#include "core/json_archive.h"
#include "core/policy_fields.h"
#include "core/share_link.h"
#include "core/suggest.h"
#include "core/untrusted_json.h"
#include "core/version.h"

// A scenario's cereal class version is its file format version.
CEREAL_CLASS_VERSION(tl::Scenario, tl::kScenarioFormatVersion)

namespace tl {

namespace {

constexpr std::string_view kScenarioFormat = "trilemma-lab/scenario";
const std::vector<std::string> kScenarioFields{"format",  "version",    "model_version", "name",      "notes",
                                               "preset",  "seat",       "horizon",       "start_year", "reactions",
                                               "levers",  "assumptions"};

// What the reader found where it wanted an object: text is likely a share code.
std::string what_is(const rapidjson::Value& v) {
    if (v.IsString()) return "text (a share code belongs in a link or the paste box, not in a file)";
    return json::what_is(v);
}

constexpr std::size_t kMaxText = 4096;

// The assumption positions that differ from central, keyed by parameter:
// {"base_leakage": 0.5}.
struct AssumptionFields {
    using json_in_place = void;
    AssumptionPositions& positions;
};
void CEREAL_LOAD_FUNCTION_NAME(json::ReadArchive& ar, AssumptionFields& field) {
    std::string at;
    const rapidjson::Value* v = ar.next_value(at);
    if (!v) return;
    if (!v->IsObject()) return ar.reader().error(at, "expected an object keyed by parameter");
    for (const auto& m : v->GetObject()) {
        std::string_view key(m.name.GetString(), m.name.GetStringLength());
        std::string param_at = json::FieldReader::at(at, key);
        int found = -1;
        for (int i = 0; i < kParamCount; ++i)
            if (param_defs()[i].key == key) found = i;
        if (found < 0) ar.reader().error(param_at, "unknown parameter");
        else if (!m.value.IsNumber()) ar.reader().error(param_at, "expected a number from -1 to 1");
        else field.positions[found] = m.value.GetDouble();
    }
}
void CEREAL_SAVE_FUNCTION_NAME(json::WriteArchive& ar, const AssumptionFields& field) {
    ar.write_name();
    ar.start_object();
    for (int i = 0; i < kParamCount; ++i)
        if (field.positions[i] != 0.0) {
            ar.key(param_defs()[i].key);
            ar(field.positions[i]);
        }
    ar.end_object();
}

// Text of at most kMaxText bytes.
void check_length(json::ReadArchive& ar, const char* key, const std::string& text) {
    if (text.size() > kMaxText)
        ar.error(key, std::to_string(text.size()) + " characters is longer than the " + std::to_string(kMaxText) +
                          " allowed");
}

}  // namespace

// A scenario file (the layout is in scenario_io.h). Its cereal class version
// is the file's "version"; format 1 files have no start year and open with
// the default.
void save(json::WriteArchive& ar, const Scenario& s, std::uint32_t version) {
    const Preset* preset = find_preset(s.preset);
    std::string format(kScenarioFormat);
    int model_version = kModelVersion;
    // The wrappers only read what they are given when writing.
    auto& policy = const_cast<std::array<Policy, kBlocCount>&>(s.policy);
    auto& assumptions = const_cast<AssumptionPositions&>(s.assumptions);
    ar(cereal::make_nvp("format", format), cereal::make_nvp("version", version),
       cereal::make_nvp("model_version", model_version), cereal::make_nvp("name", s.name),
       cereal::make_nvp("notes", s.notes), cereal::make_nvp("preset", s.preset),
       cereal::make_nvp("seat", json::as_id(kBlocIds, s.seat, "bloc")), cereal::make_nvp("horizon", s.horizon),
       cereal::make_nvp("start_year", s.start_year), cereal::make_nvp("reactions", s.reactions),
       cereal::make_nvp("levers", PolicyFields{policy, preset ? &preset->policy : nullptr}),
       cereal::make_nvp("assumptions", AssumptionFields{assumptions}));
}

// Every field but the header may be left out (hand-written files); "preset"
// is required, and the levers are read on top of the preset's.
void load(json::ReadArchive& ar, Scenario& s, std::uint32_t /*version: format 1 has no start_year*/) {
    ar(json::optional_nvp("name", s.name), json::optional_nvp("notes", s.notes));
    check_length(ar, "name", s.name);
    check_length(ar, "notes", s.notes);
    if (!ar.has("preset")) ar.error("preset", "missing");
    ar(json::optional_nvp("preset", s.preset));
    check_length(ar, "preset", s.preset);
    const Preset* preset = find_preset(s.preset);
    if (!preset && ar.has("preset")) {
        // (A missing preset was reported above.)
        if (!s.preset.empty()) {
            std::vector<std::string> ids;
            for (const auto& p : presets()) ids.push_back(p.id);
            ar.error("preset", "unknown preset " + quoted(s.preset) + did_you_mean(s.preset, ids));
        } else {
            ar.error("preset", "empty; name a preset such as \"status_quo_2024\"");
        }
    }
    // Without a known preset the other fields are still checked, against the first one.
    s.policy = (preset ? *preset : presets().front()).policy;
    ar(json::optional_nvp("seat", json::as_id(kBlocIds, s.seat, "bloc")), json::optional_nvp("horizon", s.horizon),
       json::optional_nvp("start_year", s.start_year), json::optional_nvp("reactions", s.reactions),
       json::optional_nvp("levers", PolicyFields{s.policy}),
       json::optional_nvp("assumptions", AssumptionFields{s.assumptions}));
}

std::string scenario_to_json(const Scenario& s, bool pretty) {
    json::WriteArchive ar(pretty);
    ar(s);
    return ar.text();
}

ScenarioReadResult scenario_from_json(std::string_view text) {
    ScenarioReadResult res;
    json::FieldReader r(res.errors);
    json::InputDocument input = json::read_untrusted(text, {"scenario", kMaxScenarioBytes});
    if (!input.ok) {
        r.error(input.error);
        return res;
    }
    const rapidjson::Document& doc = input.doc;
    if (!doc.IsObject()) {
        r.error("file: expected a JSON object describing a scenario, found " + what_is(doc));
        return res;
    }
    // The header says whether this is a scenario this app can read at all.
    // A different kind of file or a newer version stops here: nothing else
    // in it can be judged. A missing header is reported after the fields, so
    // a hand-written file hears about the field at fault first.
    std::vector<std::string> header_errors;
    if (auto it = doc.FindMember("format"); it == doc.MemberEnd()) {
        header_errors.push_back("format: missing (\"trilemma-lab/scenario\")");
    } else if (!it->value.IsString()) {
        r.error("format: expected the text \"trilemma-lab/scenario\"");
        return res;
    } else if (std::string_view format(it->value.GetString(), it->value.GetStringLength());
               format != kScenarioFormat) {
        r.error("format: " + quoted(format) + " is not a Trilemma Lab scenario" +
                (format == "trilemma-lab/guide" ? std::string(" (it is a guide: open it in the trainer)") : std::string()));
        return res;
    }
    if (auto it = doc.FindMember("version"); it == doc.MemberEnd() || !it->value.IsInt()) {
        header_errors.push_back("version: missing or not a whole number");
    } else if (int v = it->value.GetInt(); v > kScenarioFormatVersion) {
        r.error("version: made with a newer version of Trilemma Lab (scenario format " + std::to_string(v) +
                "); this app reads format " + std::to_string(kScenarioFormatVersion));
        return res;
    } else if (v < 1) {
        header_errors.push_back("version: format version " + std::to_string(v) + " is not supported (this app reads 1.." +
                                std::to_string(kScenarioFormatVersion) + ")");
    }
    if (auto it = doc.FindMember("model_version"); it != doc.MemberEnd()) {
        if (!it->value.IsInt()) header_errors.push_back("model_version: expected a whole number");
        else if (it->value.GetInt() < 1)
            header_errors.push_back("model_version: " + std::to_string(it->value.GetInt()) + " is not a model version (they start at 1)");
        else if (res.model_version = it->value.GetInt(); res.model_version > kModelVersion) {
            r.error("model_version: made with a newer version of Trilemma Lab (model version " +
                    std::to_string(res.model_version) + "); this app runs model version " + std::to_string(kModelVersion));
            return res;
        }
    }
    // A field name one typo away from a known one is the likely problem
    // ("fromat"); other unknown fields are left alone.
    for (const auto& m : doc.GetObject()) {
        std::string key(m.name.GetString(), m.name.GetStringLength());
        if (std::find(kScenarioFields.begin(), kScenarioFields.end(), key) != kScenarioFields.end()) continue;
        if (std::string hint = did_you_mean(key, kScenarioFields); !hint.empty())
            r.error(quoted(key) + ": unknown field" + hint);
    }

    Scenario s;
    {
        json::ReadArchive ar(doc, r);
        ar(s);
    }
    const Preset* preset = find_preset(s.preset);
    for (auto& e : validate(s))
        if (preset || e.rfind("preset:", 0) != 0) r.error(e);  // an unknown preset is reported above
    // With no scenario field at all, "preset: missing" says nothing the header does not.
    bool looks_like_scenario = false;
    for (std::string_view key : kScenarioFields)
        if (key != "format" && key != "version" && key != "model_version" && doc.HasMember(std::string(key).c_str()))
            looks_like_scenario = true;
    if (!looks_like_scenario && !header_errors.empty())
        std::erase(res.errors, std::string("preset: missing"));
    r.finish();
    res.errors.insert(res.errors.end(), header_errors.begin(), header_errors.end());
    if (!res.errors.empty()) return res;
    if (res.model_version != 0)
        if (std::string notice = model_version_notice(res.model_version, kModelVersion, "scenario"); !notice.empty())
            res.notices.push_back(std::move(notice));
    res.scenario = std::move(s);
    res.ok = true;
    return res;
}

}  // namespace tl
