#include "core/scenario_io.h"

#include <rapidjson/document.h>
#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "core/version.h"

namespace tl {

namespace {

// Builds the document from the reader's events, converting numbers with
// strtod instead of rapidjson: its full-precision path computes clz(0) for a
// zero with a large exponent ("0e308" read as 3.5e72 or -6e-269, found by
// fuzzing), and its default path can be an ulp off. strtod is correctly
// rounded, so a saved scenario reads back bit-identical.
struct ExactNumbers {
    rapidjson::Document& d;
    bool too_big = false;
    bool Null() { return d.Null(); }
    bool Bool(bool b) { return d.Bool(b); }
    bool Int(int i) { return d.Int(i); }
    bool Uint(unsigned u) { return d.Uint(u); }
    bool Int64(std::int64_t i) { return d.Int64(i); }
    bool Uint64(std::uint64_t u) { return d.Uint64(u); }
    bool Double(double v) { return d.Double(v); }
    bool RawNumber(const char* s, rapidjson::SizeType len, bool) {
        std::string_view t(s, len);
        if (t.find_first_of(".eE") == std::string_view::npos) {
            long long i = 0;
            auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), i);
            if (ec == std::errc() && end == t.data() + t.size()) {
                if (i >= std::numeric_limits<int>::min() && i <= std::numeric_limits<int>::max())
                    return d.Int(static_cast<int>(i));
                return d.Int64(i);
            }
        }
        std::string copy(t);
        double v = std::strtod(copy.c_str(), nullptr);
        if (!std::isfinite(v)) {
            too_big = true;
            return false;
        }
        return d.Double(v);
    }
    bool String(const char* s, rapidjson::SizeType len, bool copy) { return d.String(s, len, copy); }
    bool StartObject() { return d.StartObject(); }
    bool Key(const char* s, rapidjson::SizeType len, bool copy) { return d.Key(s, len, copy); }
    bool EndObject(rapidjson::SizeType n) { return d.EndObject(n); }
    bool StartArray() { return d.StartArray(); }
    bool EndArray(rapidjson::SizeType n) { return d.EndArray(n); }
};

template <typename Writer>
void write_scenario(Writer& w, const Scenario& s) {
    const Preset* preset = find_preset(s.preset);
    w.StartObject();
    w.Key("format"); w.String("trilemma-lab/scenario");
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

struct Reader {
    ScenarioReadResult& out;
    void error(std::string msg) { out.errors.push_back(std::move(msg)); }
};

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
    Reader r{res};
    if (text.size() > kMaxScenarioBytes) {
        r.error("file: " + std::to_string(text.size()) + " bytes is larger than the " +
                std::to_string(kMaxScenarioBytes / 1024) + " KiB a scenario may have");
        return res;
    }
    rapidjson::Document doc;
    // Iterative: deep nesting ("[[[[...") must not overflow the stack (a
    // 256 KiB file of '[' crashed the recursive parser). Numbers: ExactNumbers.
    ExactNumbers numbers{doc};
    rapidjson::Reader reader;
    auto generate = [&](rapidjson::Document&) {
        rapidjson::MemoryStream ms(text.data(), text.size());
        rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> is(ms);
        reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag>(is, numbers);
        return !reader.HasParseError();
    };
    doc.Populate(generate);
    if (reader.HasParseError()) {
        // Report a line number: people edit these files by hand.
        std::size_t off = std::min(reader.GetErrorOffset(), text.size());
        int line = 1;
        for (std::size_t i = 0; i < off; ++i) line += text[i] == '\n';
        r.error("line " + std::to_string(line) + ": not valid JSON (" +
                (numbers.too_big ? "Number too big to be stored in double."
                                 : rapidjson::GetParseError_En(reader.GetParseErrorCode())) +
                ")");
        return res;
    }
    if (!doc.IsObject()) {
        r.error("file: expected a JSON object describing a scenario");
        return res;
    }
    auto str = [&](const char* key, std::string& into, bool required) {
        auto it = doc.FindMember(key);
        if (it == doc.MemberEnd()) {
            if (required) r.error(std::string(key) + ": missing");
            return;
        }
        if (!it->value.IsString()) return r.error(std::string(key) + ": expected text");
        if (it->value.GetStringLength() > 4096) return r.error(std::string(key) + ": longer than 4096 characters");
        into.assign(it->value.GetString(), it->value.GetStringLength());
    };
    std::string format;
    str("format", format, true);
    if (!format.empty() && format != "trilemma-lab/scenario")
        r.error("format: \"" + format + "\" is not a Trilemma Lab scenario");
    if (auto it = doc.FindMember("version"); it == doc.MemberEnd() || !it->value.IsInt())
        r.error("version: missing or not a whole number");
    else if (it->value.GetInt() < 1 || it->value.GetInt() > kScenarioFormatVersion)
        r.error("version: format version " + std::to_string(it->value.GetInt()) + " is not supported (this app reads 1.." +
                std::to_string(kScenarioFormatVersion) + ")");
    if (auto it = doc.FindMember("model_version"); it != doc.MemberEnd()) {
        if (!it->value.IsInt()) r.error("model_version: expected a whole number");
        else res.model_version = it->value.GetInt();
    }
    if (!res.errors.empty()) return res;

    Scenario s;
    str("name", s.name, false);
    str("notes", s.notes, false);
    str("preset", s.preset, true);
    const Preset* preset = find_preset(s.preset);
    if (!preset) {
        // (A missing preset was reported above; an empty one is reported here.)
        if (!s.preset.empty()) r.error("preset: unknown preset \"" + s.preset + "\"");
        else if (doc.HasMember("preset")) r.error("preset: empty; name a preset such as \"status_quo_2024\"");
        return res;
    }
    s.policy = preset->policy;
    std::string seat = "US";
    str("seat", seat, false);
    if (auto b = parse_bloc(seat)) s.seat = *b;
    else r.error("seat: unknown bloc \"" + seat + "\" (US, China, EU, Allies, GlobalSouth)");
    if (auto it = doc.FindMember("horizon"); it != doc.MemberEnd()) {
        if (!it->value.IsInt()) r.error("horizon: expected a year");
        else s.horizon = it->value.GetInt();
    }
    if (auto it = doc.FindMember("reactions"); it != doc.MemberEnd()) {
        if (!it->value.IsBool()) r.error("reactions: expected true or false");
        else s.reactions = it->value.GetBool();
    }
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
    for (auto& e : validate(s)) r.error(e);
    if (!res.errors.empty()) return res;
    if (res.model_version != 0 && res.model_version != kModelVersion)
        res.notices.push_back("This scenario was made with model version " + std::to_string(res.model_version) +
                              "; this app runs version " + std::to_string(kModelVersion) +
                              ". The baseline has changed since: results may differ from when it was made.");
    res.scenario = std::move(s);
    res.ok = true;
    return res;
}

}  // namespace tl
