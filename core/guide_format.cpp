// Guide files and links: reading (with every error naming its field),
// validation, writing, and the built-in guides.
//
// Index:
//   [SECTION] Helpers
//   [SECTION] Reading: JSON document -> Guide, errors with field paths
//   [SECTION] Writing: Guide -> JSON
//   [SECTION] Validation (also of guides built in code)
//   [SECTION] read_guide, guide_to_json, built-in guides, links
#include "core/guides.h"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "core/assets.h"
#include "core/field_reader.h"
#include "core/goal_text.h"
#include "core/share_link.h"
#include "core/suggest.h"
#include "core/untrusted_json.h"

namespace tl {

namespace {

constexpr const char* kGuideFormat = "trilemma-lab/guide";
constexpr std::size_t kMaxTitle = 120, kMaxText = 2000, kMaxItem = 600, kMaxSource = 120;
constexpr int kMaxStepMinutes = 240;
constexpr std::size_t kMaxListItems = 12, kMaxSources = 20, kMaxOpenLevers = 64, kMaxSettings = 64;
constexpr int kMaxDuration = 600;

// ---------------------------------------------------------------------------
// [SECTION] Helpers
// ---------------------------------------------------------------------------

std::vector<std::string> indicator_keys() {
    std::vector<std::string> v;
    for (const auto& d : kIndicators) v.emplace_back(d.key);
    return v;
}

std::vector<std::string> lever_and_slot_keys() {
    std::vector<std::string> v;
    for (auto id : kLeverIds) v.emplace_back(id);
    for (int slot = 0; slot < kSlotCount; ++slot)
        if (slot_info(slot).sector >= 0) v.push_back(slot_key(slot));
    return v;
}

template <std::size_t N>
std::string join_ids(const std::array<std::string_view, N>& ids) {
    std::string out;
    for (std::size_t i = 0; i < N; ++i) out += (i ? ", " : "") + std::string(ids[i]);
    return out;
}

template <std::size_t N>
int find_id(const std::array<std::string_view, N>& ids, std::string_view text) {
    for (std::size_t i = 0; i < N; ++i)
        if (ids[i] == text) return static_cast<int>(i);
    return -1;
}

bool is_slug(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

// A lever value for a step's "set": an optional bloc prefix, then a slot key.
struct ParsedSetting {
    std::optional<Bloc> bloc;
    std::optional<int> slot;
};
ParsedSetting parse_setting_key(std::string_view key) {
    ParsedSetting p;
    auto dot = key.find('.');
    if (dot != std::string_view::npos)
        if (auto b = parse_bloc(key.substr(0, dot))) {
            p.bloc = b;
            key = key.substr(dot + 1);
        }
    p.slot = parse_slot(key);
    return p;
}


// ---------------------------------------------------------------------------
// [SECTION] Reading: JSON document -> Guide, errors with field paths
// ---------------------------------------------------------------------------

struct Reader : json::FieldReader {
    using json::FieldReader::FieldReader;
    using Obj = rapidjson::Value;

    // An object with these fields (others are errors); false, with an error, for anything else.
    bool object(const Obj& v, const std::string& path, const char* what, const std::vector<std::string>& allowed) {
        if (!v.IsObject()) {
            error(path, std::string("expected ") + what);
            return false;
        }
        check_fields(v, path, allowed);
        return true;
    }

    // A list that must be there: each item read by `read_item(item, "key[i]")`.
    template <typename ReadItem>
    void required_list(const Obj& obj, const char* key, const std::string& path, const char* what,
                       ReadItem&& read_item) {
        const Obj* list = find(obj, key);
        if (!list) return error(at(path, key), "missing");
        if (!list->IsArray()) return error(at(path, key), std::string("expected a list of ") + what);
        rapidjson::SizeType i = 0;
        for (const auto& item : list->GetArray()) read_item(item, at(path, key) + "[" + std::to_string(i++) + "]");
    }

    GoalCondition condition(const Obj& v, const std::string& path) {
        GoalCondition c;
        if (!object(v, path, "an object with an indicator, a year, a comparison and a target",
                    {"indicator", "sector_metric", "sector", "bloc", "year", "from", "to", "in", "measure", "compare",
                     "target", "label"}))
            return c;
        const Obj* ind = find(v, "indicator");
        const Obj* sm = find(v, "sector_metric");
        if (ind && sm) error(path, "give either \"indicator\" or \"sector_metric\", not both");
        if (!ind && !sm) error(at(path, "indicator"), "missing (or give \"sector_metric\" and \"sector\")");
        if (ind) {
            if (!ind->IsString()) error(at(path, "indicator"), "expected an indicator key such as \"rival_leakage\"");
            else {
                std::string key(ind->GetString(), ind->GetStringLength());
                int i = -1;
                for (int k = 0; k < kIndicatorCount; ++k)
                    if (kIndicators[k].key == key) i = k;
                if (i < 0) error(at(path, "indicator"), "unknown indicator " + quoted(key) + did_you_mean(key, indicator_keys()));
                else c.indicator = static_cast<Indicator>(i);
            }
        }
        if (sm) {
            std::string key = sm->IsString() ? std::string(sm->GetString(), sm->GetStringLength()) : std::string();
            int m = find_id(kSectorMetricIds, key);
            if (m < 0)
                error(at(path, "sector_metric"),
                      (sm->IsString() ? "unknown sector metric " + quoted(key) : std::string("expected text")) +
                          " (one of " + join_ids(kSectorMetricIds) + ")");
            else c.sector_metric = static_cast<SectorMetric>(m);
            const Obj* sec = find(v, "sector");
            if (!sec) error(at(path, "sector"), "missing (a sector metric needs a sector: " + join_ids(kSectorIds) + ")");
            else {
                std::string s = sec->IsString() ? std::string(sec->GetString(), sec->GetStringLength()) : std::string();
                if (auto p = parse_sector(s)) c.sector = *p;
                else error(at(path, "sector"), "unknown sector " + quoted(s) + " (one of " + join_ids(kSectorIds) + ")");
            }
        } else if (find(v, "sector")) {
            error(at(path, "sector"), "only used with \"sector_metric\"");
        }
        if (const Obj* b = find(v, "bloc")) {
            std::string s = b->IsString() ? std::string(b->GetString(), b->GetStringLength()) : std::string();
            if (auto p = parse_bloc(s)) c.bloc = *p;
            else error(at(path, "bloc"), "unknown bloc " + quoted(s) + " (one of " + join_ids(kBlocIds) + ")");
        }
        // Years: "year" alone, or "from", "to" and "in".
        const Obj* year = find(v, "year");
        bool range = find(v, "from") || find(v, "to") || find(v, "in");
        if (year && range) error(path, "give either \"year\" or \"from\"/\"to\"/\"in\", not both");
        else if (year) {
            c.span = YearSpan::Single;
            if (integer(v, "year", path, c.year_from, true, "a year such as 2030")) c.year_to = c.year_from;
        } else if (range) {
            integer(v, "from", path, c.year_from, true, "a year such as 2025");
            integer(v, "to", path, c.year_to, true, "a year such as 2035");
            const Obj* in = find(v, "in");
            std::string s = in && in->IsString() ? std::string(in->GetString(), in->GetStringLength()) : std::string();
            if (!in) error(at(path, "in"), "missing (\"every_year\" or \"some_year\")");
            else if (s == "every_year") c.span = YearSpan::EveryYear;
            else if (s == "some_year") c.span = YearSpan::SomeYear;
            else error(at(path, "in"), "expected \"every_year\" or \"some_year\"" + (s.empty() ? "" : ", got " + quoted(s)));
        } else {
            error(at(path, "year"), "missing (give \"year\", or \"from\", \"to\" and \"in\")");
        }
        if (const Obj* m = find(v, "measure")) {
            std::string s = m->IsString() ? std::string(m->GetString(), m->GetStringLength()) : std::string();
            int k = find_id(kMeasureIds, s);
            if (k < 0) error(at(path, "measure"), "unknown measure " + quoted(s) + " (one of " + join_ids(kMeasureIds) + ")");
            else c.measure = static_cast<Measure>(k);
        }
        if (const Obj* m = find(v, "compare")) {
            std::string s = m->IsString() ? std::string(m->GetString(), m->GetStringLength()) : std::string();
            int k = find_id(kComparisonIds, s);
            if (k < 0) error(at(path, "compare"), "unknown comparison " + quoted(s) + " (one of >=, <=, >, <)");
            else c.compare = static_cast<Comparison>(k);
        } else {
            error(at(path, "compare"), "missing (one of >=, <=, >, <)");
        }
        if (const Obj* t = find(v, "target")) {
            if (!t->IsNumber() || !std::isfinite(t->GetDouble())) error(at(path, "target"), "expected a number");
            else c.target = t->GetDouble();
        } else {
            error(at(path, "target"), "missing");
        }
        text(v, "label", path, c.label, false, kMaxTitle);
        return c;
    }

    Goal goal(const Obj& v, const std::string& path) {
        Goal g;
        if (!object(v, path, "an object with a description and conditions", {"description", "conditions"})) return g;
        text(v, "description", path, g.description, true, kMaxText);
        required_list(v, "conditions", path, "conditions",
                      [&](const Obj& c, const std::string& p) { g.conditions.push_back(condition(c, p)); });
        return g;
    }

    GuideStep step(const Obj& v, const std::string& path) {
        GuideStep s;
        if (!object(v, path, "an object describing a step",
                    {"id", "title", "briefing", "sources", "open_levers", "set", "goal", "hints", "debrief",
                     "facilitator"}))
            return s;
        text(v, "id", path, s.id, true, 64);
        text(v, "title", path, s.title, true, kMaxTitle);
        text(v, "briefing", path, s.briefing, true, kMaxText);
        text_list(v, "sources", path, s.sources, kMaxSources, kMaxSource);
        text_list(v, "open_levers", path, s.open_levers, kMaxOpenLevers, 64);
        if (const Obj* set = find(v, "set")) {
            if (!set->IsObject()) error(at(path, "set"), "expected an object of lever values, e.g. {\"enforcement\": 400}");
            else if (set->MemberCount() > kMaxSettings)
                error(at(path, "set"), std::to_string(set->MemberCount()) + " lever values; at most " +
                                           std::to_string(kMaxSettings) + " allowed");
            else
                for (const auto& m : set->GetObject()) {
                    std::string key(m.name.GetString(), m.name.GetStringLength());
                    if (!m.value.IsNumber() || !std::isfinite(m.value.GetDouble())) {
                        error(at(path, "set") + "." + key, "expected a number");
                        continue;
                    }
                    s.set.push_back({key, m.value.GetDouble()});
                }
        }
        if (const Obj* g = find(v, "goal"); g && !g->IsNull()) s.goal = goal(*g, at(path, "goal"));
        text_list(v, "hints", path, s.hints, kMaxListItems, kMaxItem);
        text_list(v, "debrief", path, s.debrief, kMaxListItems, kMaxItem);
        if (const Obj* f = find(v, "facilitator")) s.facilitator = facilitator(*f, at(path, "facilitator"));
        return s;
    }

    FacilitatorNotes facilitator(const Obj& v, const std::string& path) {
        FacilitatorNotes n;
        if (!object(v, path, "an object of notes for the trainer: {\"minutes\", \"expect\", \"ask\", \"answer\"}",
                    {"minutes", "expect", "ask", "answer"}))
            return n;
        integer(v, "minutes", path, n.minutes, false, "a whole number of minutes");  // range: validate_guide
        text(v, "expect", path, n.expect, false, kMaxText);
        text_list(v, "ask", path, n.ask, kMaxListItems, kMaxItem);
        text(v, "answer", path, n.answer, false, kMaxText);
        return n;
    }

    void guide(const Obj& doc, Guide& g) {
        check_fields(doc, "",
                     {"format", "version", "id", "title", "summary", "audience", "duration_minutes", "seat", "preset",
                      "horizon", "reactions", "steps", "debrief"});
        std::string format;
        text(doc, "format", "", format, true, 64);
        if (!format.empty() && format != kGuideFormat)
            error("format", quoted(format) + " is not a Trilemma Lab guide (expected " + quoted(kGuideFormat) + ")");
        if (integer(doc, "version", "", g.version, true) && (g.version < 1 || g.version > kGuideFormatVersion))
            error("version", "guide format version " + std::to_string(g.version) + " is not supported (this app reads 1.." +
                                 std::to_string(kGuideFormatVersion) + ")");
        text(doc, "id", "", g.id, true, 64);
        text(doc, "title", "", g.title, true, kMaxTitle);
        text(doc, "summary", "", g.summary, true, kMaxText);
        text(doc, "audience", "", g.audience, false, kMaxItem);
        integer(doc, "duration_minutes", "", g.duration_minutes, false, "a whole number of minutes");
        if (const Obj* seat = find(doc, "seat")) {
            std::string s = seat->IsString() ? std::string(seat->GetString(), seat->GetStringLength()) : std::string();
            if (auto b = parse_bloc(s)) g.seat = *b;
            else error("seat", "unknown bloc " + quoted(s) + " (one of " + join_ids(kBlocIds) + ")");
        } else {
            error("seat", "missing (one of " + join_ids(kBlocIds) + ")");
        }
        text(doc, "preset", "", g.preset, true, 64);
        integer(doc, "horizon", "", g.horizon, false, "a year");
        boolean(doc, "reactions", "", g.reactions);
        required_list(doc, "steps", "", "steps",
                      [&](const Obj& s, const std::string& p) { g.steps.push_back(step(s, p)); });
        text_list(doc, "debrief", "", g.debrief, kMaxListItems, kMaxItem);
    }
};


// ---------------------------------------------------------------------------
// [SECTION] Writing: Guide -> JSON
// ---------------------------------------------------------------------------

template <typename W>
void put_string(W& w, std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

template <typename W>
void put_text(W& w, const char* key, std::string_view s) {
    w.Key(key);
    put_string(w, s);
}

template <typename W>
void put_number(W& w, double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15) w.Int64(static_cast<long long>(v));
    else w.Double(v);
}

template <typename W>
void put_list(W& w, const char* key, const std::vector<std::string>& items) {
    w.Key(key);
    w.StartArray();
    for (const auto& s : items) put_string(w, s);
    w.EndArray();
}

template <typename W>
void write_condition(W& w, const GoalCondition& c) {
    w.StartObject();
    if (c.indicator) {
        put_text(w, "indicator", kIndicators[static_cast<int>(*c.indicator)].key);
    } else {
        put_text(w, "sector_metric", kSectorMetricIds[static_cast<int>(c.sector_metric.value_or(SectorMetric::Capability))]);
        put_text(w, "sector", kSectorIds[idx(c.sector)]);
    }
    if (c.bloc) {
        put_text(w, "bloc", kBlocIds[idx(*c.bloc)]);
    }
    if (c.span == YearSpan::Single) {
        w.Key("year");
        w.Int(c.year_from);
    } else {
        w.Key("from");
        w.Int(c.year_from);
        w.Key("to");
        w.Int(c.year_to);
        w.Key("in");
        w.String(c.span == YearSpan::EveryYear ? "every_year" : "some_year");
    }
    put_text(w, "measure", kMeasureIds[static_cast<int>(c.measure)]);
    put_text(w, "compare", kComparisonIds[static_cast<int>(c.compare)]);
    w.Key("target");
    put_number(w, c.target);
    if (!c.label.empty()) {
        put_text(w, "label", c.label);
    }
    w.EndObject();
}

template <typename W>
void write_guide(W& w, const Guide& g) {
    w.StartObject();
    w.Key("format");
    w.String(kGuideFormat);
    w.Key("version");
    w.Int(g.version);
    put_text(w, "id", g.id);
    put_text(w, "title", g.title);
    put_text(w, "summary", g.summary);
    put_text(w, "audience", g.audience);
    w.Key("duration_minutes");
    w.Int(g.duration_minutes);
    put_text(w, "seat", kBlocIds[idx(g.seat)]);
    put_text(w, "preset", g.preset);
    w.Key("horizon");
    w.Int(g.horizon);
    w.Key("reactions");
    w.Bool(g.reactions);
    w.Key("steps");
    w.StartArray();
    for (const auto& s : g.steps) {
        w.StartObject();
        put_text(w, "id", s.id);
        put_text(w, "title", s.title);
        put_text(w, "briefing", s.briefing);
        put_list(w, "sources", s.sources);
        put_list(w, "open_levers", s.open_levers);
        w.Key("set");
        w.StartObject();
        for (const auto& kv : s.set) {
            w.Key(kv.key.c_str(), static_cast<rapidjson::SizeType>(kv.key.size()));
            put_number(w, kv.value);
        }
        w.EndObject();
        if (s.goal) {
            w.Key("goal");
            w.StartObject();
            put_text(w, "description", s.goal->description);
            w.Key("conditions");
            w.StartArray();
            for (const auto& c : s.goal->conditions) write_condition(w, c);
            w.EndArray();
            w.EndObject();
        }
        put_list(w, "hints", s.hints);
        put_list(w, "debrief", s.debrief);
        if (!s.facilitator.empty()) {
            const FacilitatorNotes& n = s.facilitator;
            w.Key("facilitator");
            w.StartObject();
            if (n.minutes > 0) {
                w.Key("minutes");
                w.Int(n.minutes);
            }
            if (!n.expect.empty()) {
                w.Key("expect");
                put_string(w, n.expect);
            }
            if (!n.ask.empty()) put_list(w, "ask", n.ask);
            if (!n.answer.empty()) {
                w.Key("answer");
                put_string(w, n.answer);
            }
            w.EndObject();
        }
        w.EndObject();
    }
    w.EndArray();
    put_list(w, "debrief", g.debrief);
    w.EndObject();
}

std::vector<Guide> load_builtin_guides() {
    std::vector<Guide> out;
    for (std::string_view name : embedded_asset_names()) {
        constexpr std::string_view prefix = "guides/", suffix = ".json";
        if (name.size() <= prefix.size() + suffix.size() || name.substr(0, prefix.size()) != prefix ||
            name.substr(name.size() - suffix.size()) != suffix)
            continue;
        std::string file = "assets/" + std::string(name);
        auto res = read_guide(embedded_asset(name));
        if (!res.ok) {
            std::string msg = file + ": invalid built-in guide";
            for (const auto& e : res.errors) msg += "\n  " + e;
            throw std::runtime_error(msg);
        }
        std::string stem(name.substr(prefix.size(), name.size() - prefix.size() - suffix.size()));
        if (res.guide.id != stem)
            throw std::runtime_error(file + ": id " + quoted(res.guide.id) + " must match the file name " + quoted(stem));
        out.push_back(std::move(res.guide));
    }
    return out;
}


}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] Validation (also of guides built in code)
// ---------------------------------------------------------------------------

// ----- Validation -----------------------------------------------------------

std::vector<std::string> validate_guide(const Guide& g) {
    std::vector<std::string> errors;
    Reader r(errors);
    if (g.version < 1 || g.version > kGuideFormatVersion)
        r.error("version", "guide format version " + std::to_string(g.version) + " is not supported");
    if (!is_slug(g.id))
        r.error("id", quoted(g.id) + " must be 1 to 64 characters of a-z, 0-9, _ and -");
    if (g.duration_minutes < 0 || g.duration_minutes > kMaxDuration)
        r.error("duration_minutes", std::to_string(g.duration_minutes) + " is outside 0.." + std::to_string(kMaxDuration));
    if (idx(g.seat) < 0 || idx(g.seat) >= kBlocCount) r.error("seat", "unknown bloc");
    if (!find_preset(g.preset)) {
        std::vector<std::string> ids;
        for (const auto& p : presets()) ids.push_back(p.id);
        r.error("preset", "unknown preset " + quoted(g.preset) + did_you_mean(g.preset, ids));
    }
    bool horizon_ok = g.horizon >= kMinHorizon && g.horizon <= kMaxHorizon;
    if (!horizon_ok)
        r.error("horizon", std::to_string(g.horizon) + " is outside " + std::to_string(kMinHorizon) + ".." +
                               std::to_string(kMaxHorizon));
    const int last_year = horizon_ok ? g.horizon : kMaxHorizon;
    if (g.steps.empty()) r.error("steps", "a guide needs at least one step");
    if (static_cast<int>(g.steps.size()) > kMaxGuideSteps)
        r.error("steps", std::to_string(g.steps.size()) + " steps; at most " + std::to_string(kMaxGuideSteps) + " allowed");

    const auto lever_keys = lever_and_slot_keys();
    for (std::size_t i = 0; i < g.steps.size(); ++i) {
        const GuideStep& s = g.steps[i];
        const std::string path = "steps[" + std::to_string(i) + "]";
        if (!is_slug(s.id)) r.error(path + ".id", quoted(s.id) + " must be 1 to 64 characters of a-z, 0-9, _ and -");
        for (std::size_t j = 0; j < i; ++j)
            if (!s.id.empty() && g.steps[j].id == s.id)
                r.error(path + ".id", quoted(s.id) + " is already the id of steps[" + std::to_string(j) + "]");
        if (s.facilitator.minutes < 0 || s.facilitator.minutes > kMaxStepMinutes)
            r.error(path + ".facilitator.minutes",
                    std::to_string(s.facilitator.minutes) + " is outside 1.." + std::to_string(kMaxStepMinutes) + " minutes");
        for (std::size_t k = 0; k < s.open_levers.size(); ++k) {
            const std::string& key = s.open_levers[k];
            const std::string p = path + ".open_levers[" + std::to_string(k) + "]";
            bool whole = std::find(kLeverIds.begin(), kLeverIds.end(), key) != kLeverIds.end();
            if (!whole && !parse_slot(key))
                r.error(p, "unknown lever " + quoted(key) + did_you_mean(key, lever_keys) +
                               " (a lever id such as \"export_controls\" or a slot such as \"export_controls.semis\")");
            for (std::size_t j = 0; j < k; ++j)
                if (s.open_levers[j] == key) r.error(p, quoted(key) + " is listed twice");
        }
        for (std::size_t k = 0; k < s.set.size(); ++k) {
            const LeverSetting& kv = s.set[k];
            const std::string p = path + ".set." + kv.key;
            auto parsed = parse_setting_key(kv.key);
            if (!parsed.slot) {
                std::string lever_part = kv.key;
                if (auto dot = kv.key.find('.'); dot != std::string::npos && parse_bloc(kv.key.substr(0, dot)))
                    lever_part = kv.key.substr(dot + 1);
                r.error(p, "unknown lever " + quoted(lever_part) + did_you_mean(lever_part, lever_keys) +
                               " (e.g. \"enforcement\", \"export_controls.semis\" or \"China.tariffs.cleantech\")");
                continue;
            }
            const LeverDef& d = lever_def(slot_info(*parsed.slot).lever);
            if (!std::isfinite(kv.value) || kv.value < d.min || kv.value > d.max)
                r.error(p, fmt_plain(kv.value) + " is outside " + fmt_plain(d.min) + ".." + fmt_plain(d.max) + " (" +
                               d.unit + ")");
            for (std::size_t j = 0; j < k; ++j) {
                auto other = parse_setting_key(s.set[j].key);
                if (other.slot == parsed.slot && other.bloc.value_or(g.seat) == parsed.bloc.value_or(g.seat))
                    r.error(p, "sets the same lever as " + quoted(s.set[j].key));
            }
        }
        if (!s.goal) continue;
        const std::string gp = path + ".goal";
        if (s.goal->description.find_first_not_of(" \t\r\n") == std::string::npos)
            r.error(gp + ".description", "must not be empty");
        if (s.goal->conditions.empty()) r.error(gp + ".conditions", "a goal needs at least one condition");
        if (static_cast<int>(s.goal->conditions.size()) > kMaxGoalConditions)
            r.error(gp + ".conditions", std::to_string(s.goal->conditions.size()) + " conditions; at most " +
                                            std::to_string(kMaxGoalConditions) + " allowed");
        for (std::size_t k = 0; k < s.goal->conditions.size(); ++k) {
            const GoalCondition& c = s.goal->conditions[k];
            const std::string cp = gp + ".conditions[" + std::to_string(k) + "]";
            if (c.indicator.has_value() == c.sector_metric.has_value())
                r.error(cp, "needs exactly one of \"indicator\" and \"sector_metric\"");
            auto check_year = [&](const char* field, int y) {
                if (y < kBaseYear || y > last_year)
                    r.error(cp + "." + field, std::to_string(y) + " is outside " + std::to_string(kBaseYear) + ".." +
                                                  std::to_string(last_year) +
                                                  (horizon_ok ? " (the guide's horizon)" : ""));
            };
            if (c.span == YearSpan::Single) {
                check_year("year", c.year_from);
                if (c.year_to != c.year_from) r.error(cp + ".year", "a single year must have year_from == year_to");
            } else {
                check_year("from", c.year_from);
                check_year("to", c.year_to);
                if (c.year_from > c.year_to)
                    r.error(cp + ".from", std::to_string(c.year_from) + " is after \"to\" (" + std::to_string(c.year_to) +
                                              ")");
            }
            if (!std::isfinite(c.target)) r.error(cp + ".target", "expected a finite number");
            else if (is_ratio(c.measure) && c.target < 0)
                r.error(cp + ".target", "a ratio target must not be negative");
            if (c.label.size() > kMaxTitle) r.error(cp + ".label", "longer than " + std::to_string(kMaxTitle) + " characters");
        }
    }
    r.finish();
    return errors;
}


// ---------------------------------------------------------------------------
// [SECTION] read_guide, guide_to_json, built-in guides, links
// ---------------------------------------------------------------------------

GuideReadResult read_guide(std::string_view text) {
    GuideReadResult res;
    try {
        json::InputDocument input = json::read_untrusted(text, {"guide", kMaxGuideBytes});
        if (!input.ok) {
            res.errors.push_back(input.error);
            return res;
        }
        const rapidjson::Document& doc = input.doc;
        if (!doc.IsObject()) {
            res.errors.push_back("file: expected a JSON object describing a guide");
            return res;
        }
        // Another kind of file (a scenario opened as a guide): say so, and nothing else.
        if (auto f = doc.FindMember("format"); f != doc.MemberEnd() && f->value.IsString()) {
            std::string_view format(f->value.GetString(), f->value.GetStringLength());
            if (format != kGuideFormat) {
                res.errors.push_back("format: " + quoted(format) + " is not a Trilemma Lab guide (expected " +
                                     quoted(kGuideFormat) + ")" +
                                     (format == "trilemma-lab/scenario" ? " (it is a scenario: open it with File)" : ""));
                return res;
            }
        }
        // A newer format may differ in everything: say so, and nothing else.
        if (auto v = doc.FindMember("version"); v != doc.MemberEnd() && v->value.IsInt() &&
                                                 v->value.GetInt() > kGuideFormatVersion) {
            res.errors.push_back("version: made with a newer version of Trilemma Lab (guide format " +
                                 std::to_string(v->value.GetInt()) + "); this app reads format " +
                                 std::to_string(kGuideFormatVersion));
            return res;
        }
        Reader r(res.errors);
        Guide g;
        r.guide(doc, g);
        if (!res.errors.empty()) {
            r.finish();
            return res;
        }
        res.errors = validate_guide(g);
        if (!res.errors.empty()) return res;
        res.guide = std::move(g);
        res.ok = true;
    } catch (const std::exception& e) {
        res.ok = false;
        res.errors.push_back(std::string("file: could not be read (") + e.what() + ")");
    } catch (...) {
        res.ok = false;
        res.errors.push_back("file: could not be read");
    }
    return res;
}

std::string guide_to_json(const Guide& g) {
    rapidjson::StringBuffer buf;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
    w.SetIndent(' ', 2);
    write_guide(w, g);
    return {buf.GetString(), buf.GetSize()};
}

std::string guide_to_compact_json(const Guide& g) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    write_guide(w, g);
    return {buf.GetString(), buf.GetSize()};
}


const std::vector<Guide>& builtin_guides() {
    static const std::vector<Guide> list = load_builtin_guides();
    return list;
}

const Guide* find_builtin_guide(std::string_view id) {
    for (const auto& g : builtin_guides())
        if (g.id == id) return &g;
    return nullptr;
}

GuideReadResult resolve_guide(std::string_view ref) {
    ref = json::skip_byte_order_mark(ref);
    std::size_t first = ref.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && ref[first] == '{') return read_guide(ref);
    GuideReadResult res;
    try {
        if (const Guide* g = find_builtin_guide(ref)) {
            res.ok = true;
            res.guide = *g;
            return res;
        }
        std::vector<std::string> ids;
        for (const auto& g : builtin_guides()) ids.push_back(g.id);
        res.errors.push_back("guide: no built-in guide " + quoted(ref) + did_you_mean(ref, ids));
    } catch (const std::exception& e) {
        res.errors.push_back(std::string("guide: ") + e.what());
    }
    return res;
}


GuideReadResult resolve_guide_link(std::string_view value) {
    if (value.empty() || value[0] != '~') return resolve_guide(value);
    GuideReadResult res;
    value.remove_prefix(1);
    // base64url holds 3 bytes in 4 characters.
    if (value.size() > (kMaxGuideBytes + 2) / 3 * 4) {
        res.errors.push_back("guide: the link holds " + std::to_string(value.size()) +
                             " characters, more than a guide of " + std::to_string(kMaxGuideBytes / 1024) +
                             " KiB can take: it is damaged or not a guide link");
        return res;
    }
    auto json = decode_base64url(value);
    if (!json) {
        res.errors.push_back("guide: the link is damaged (not base64url)");
        return res;
    }
    return resolve_guide(*json);
}

}  // namespace tl
