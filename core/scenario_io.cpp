#include "core/scenario_io.h"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>

#include "core/field_reader.h"
#include "core/share_link.h"
#include "core/suggest.h"
#include "core/untrusted_json.h"
#include "core/version.h"

namespace tl {

namespace {

constexpr std::string_view kScenarioFormat = "trilemma-lab/scenario";
const std::vector<std::string> kScenarioFields{"format", "version",   "model_version", "name",   "notes",      "preset",
                                               "seat",   "horizon",   "reactions",     "levers", "assumptions"};

// "a list", "text", ...: what the reader found where it wanted an object.
std::string what_is(const rapidjson::Value& v) {
    if (v.IsArray()) return "a list";
    if (v.IsString()) return "text (a share code belongs in a link or the paste box, not in a file)";
    if (v.IsNumber()) return "a number";
    if (v.IsBool()) return "true or false";
    if (v.IsNull()) return "null";
    return "an object";
}

template <typename Writer>
void write_scenario(Writer& w, const Scenario& s) {
    const Preset* preset = find_preset(s.preset);
    w.StartObject();
    w.Key("format"); w.String(kScenarioFormat.data(), static_cast<rapidjson::SizeType>(kScenarioFormat.size()));
    w.Key("version"); w.Int(kScenarioFormatVersion);
    w.Key("model_version"); w.Int(kModelVersion);
    w.Key("name"); w.String(s.name.c_str(), static_cast<rapidjson::SizeType>(s.name.size()));
    w.Key("notes"); w.String(s.notes.c_str(), static_cast<rapidjson::SizeType>(s.notes.size()));
    w.Key("preset"); w.String(s.preset.c_str(), static_cast<rapidjson::SizeType>(s.preset.size()));
    w.Key("seat"); w.String(std::string(kBlocIds[idx(s.seat)]).c_str());
    w.Key("horizon"); w.Int(s.horizon);
    w.Key("reactions"); w.Bool(s.reactions);
    w.Key("levers");
    w.StartObject();
    for (int b = 0; b < kBlocCount; ++b) {
        bool open = false;
        for (int slot = 0; slot < kSlotCount; ++slot) {
            double v = s.policy[b][slot];
            if (preset && preset->policy[b][slot] == v) continue;
            if (!open) {
                w.Key(std::string(kBlocIds[b]).c_str());
                w.StartObject();
                open = true;
            }
            w.Key(slot_key(slot).c_str());
            w.Double(v);
        }
        if (open) w.EndObject();
    }
    w.EndObject();
    w.Key("assumptions");
    w.StartObject();
    for (int i = 0; i < kParamCount; ++i)
        if (s.assumptions[i] != 0.0) {
            w.Key(param_defs()[i].key.c_str());
            w.Double(s.assumptions[i]);
        }
    w.EndObject();
    w.EndObject();
}


}  // namespace

std::string scenario_to_json(const Scenario& s, bool pretty) {
    rapidjson::StringBuffer buf;
    if (pretty) {
        rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
        w.SetIndent(' ', 2);
        write_scenario(w, s);
    } else {
        rapidjson::Writer<rapidjson::StringBuffer> w(buf);
        write_scenario(w, s);
    }
    return {buf.GetString(), buf.GetSize()};
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
    constexpr std::size_t kMaxText = 4096;
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
    r.text(doc, "name", "", s.name, false, kMaxText);
    r.text(doc, "notes", "", s.notes, false, kMaxText);
    if (!doc.HasMember("preset")) r.error("preset", "missing");
    else r.text(doc, "preset", "", s.preset, false, kMaxText);
    const Preset* preset = find_preset(s.preset);
    if (!preset) {
        // (A missing preset was reported above; an empty one is reported here.)
        if (!s.preset.empty()) {
            std::vector<std::string> ids;
            for (const auto& p : presets()) ids.push_back(p.id);
            r.error("preset: unknown preset " + quoted(s.preset) + did_you_mean(s.preset, ids));
        } else if (doc.HasMember("preset")) r.error("preset: empty; name a preset such as \"status_quo_2024\"");
    }
    // Without a known preset the other fields are still checked, against the first one.
    s.policy = (preset ? *preset : presets().front()).policy;
    std::string seat = "US";
    r.text(doc, "seat", "", seat, false, kMaxText);
    if (auto b = parse_bloc(seat)) s.seat = *b;
    else r.error("seat", "unknown bloc " + quoted(seat) + " (US, China, EU, Allies, GlobalSouth)");
    r.integer(doc, "horizon", "", s.horizon, false, "a year");
    r.boolean(doc, "reactions", "", s.reactions);
    if (auto it = doc.FindMember("levers"); it != doc.MemberEnd()) {
        if (!it->value.IsObject()) r.error("levers: expected an object keyed by bloc");
        else
            for (const auto& bm : it->value.GetObject()) {
                std::string bloc_key(bm.name.GetString(), bm.name.GetStringLength());
                auto bloc = parse_bloc(bloc_key);
                if (!bloc) { r.error("levers." + bloc_key + ": unknown bloc"); continue; }
                if (!bm.value.IsObject()) { r.error("levers." + bloc_key + ": expected an object of lever values"); continue; }
                for (const auto& lm : bm.value.GetObject()) {
                    std::string key(lm.name.GetString(), lm.name.GetStringLength());
                    std::string at = "levers." + bloc_key + "." + key;
                    auto slot = parse_slot(key);
                    if (!slot) { r.error(at + ": unknown lever"); continue; }
                    if (!lm.value.IsNumber()) { r.error(at + ": expected a number"); continue; }
                    s.policy[idx(*bloc)][*slot] = lm.value.GetDouble();
                }
            }
    }
    if (auto it = doc.FindMember("assumptions"); it != doc.MemberEnd()) {
        if (!it->value.IsObject()) r.error("assumptions: expected an object keyed by parameter");
        else
            for (const auto& m : it->value.GetObject()) {
                std::string key(m.name.GetString(), m.name.GetStringLength());
                int found = -1;
                for (int i = 0; i < kParamCount; ++i)
                    if (param_defs()[i].key == key) found = i;
                if (found < 0) { r.error("assumptions." + key + ": unknown parameter"); continue; }
                if (!m.value.IsNumber()) { r.error("assumptions." + key + ": expected a number from -1 to 1"); continue; }
                s.assumptions[found] = m.value.GetDouble();
            }
    }
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
