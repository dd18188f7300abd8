#include "core/guides.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "core/assets.h"

namespace tl {

namespace {

constexpr const char* kGuideFormat = "trilemma-lab/guide";
constexpr std::size_t kMaxErrors = 40;
constexpr std::size_t kMaxTitle = 120, kMaxText = 2000, kMaxItem = 600, kMaxSource = 120;
constexpr std::size_t kMaxListItems = 12, kMaxSources = 20, kMaxOpenLevers = 64, kMaxSettings = 64;
constexpr int kMaxDuration = 600;

// ----- Small helpers --------------------------------------------------------

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// " (did you mean "x"?)" when a candidate is close enough, else "".
std::string did_you_mean(std::string_view given, const std::vector<std::string>& candidates) {
    std::size_t best = std::string::npos;
    const std::string* pick = nullptr;
    for (const auto& c : candidates) {
        std::size_t d = edit_distance(given, c);
        if (d < best) best = d, pick = &c;
    }
    std::size_t limit = std::max<std::size_t>(2, given.size() / 3);
    if (pick && best <= limit && best > 0) return " (did you mean " + quoted(*pick) + "?)";
    return {};
}

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

std::string fmt_number(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s.erase(0, 1);  // no "-0"
    return s;
}

std::string fmt_plain(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string fmt_signed(double v, int decimals) {
    std::string s = fmt_number(v, decimals);
    if (s[0] != '-' && s.find_first_not_of("0.") != std::string::npos) s = "+" + s;
    return s;
}

// ----- What a condition measures -------------------------------------------

struct MetricDef {
    std::string name, unit;
    int decimals;
};

constexpr std::array<std::string_view, kSectorMetricCount> kSectorMetricLabels{"capability", "market share",
                                                                               "dependence on the rival",
                                                                               "standards influence"};
constexpr std::array<std::string_view, kSectorMetricCount> kSectorMetricUnits{"0-100", "%", "%", "%"};

MetricDef metric_def(const GoalCondition& c) {
    if (c.indicator) {
        const auto& d = indicator_def(*c.indicator);
        return {std::string(d.name), std::string(d.unit), d.decimals};
    }
    int m = c.sector_metric ? static_cast<int>(*c.sector_metric) : 0;
    return {std::string(kSectorNames[idx(c.sector)]) + ": " + std::string(kSectorMetricLabels[m]),
            std::string(kSectorMetricUnits[m]), 1};
}

// "38%", "0.12% of GDP", "$85bn/yr", "62", "16.2 pts"
std::string fmt_value(const MetricDef& d, double v, bool sign = false) {
    std::string n = sign ? fmt_signed(v, d.decimals) : fmt_number(v, d.decimals);
    if (d.unit == "%" || d.unit.rfind("% ", 0) == 0) return n + d.unit;
    if (d.unit == "$bn/yr") {
        if (n[0] == '-' || n[0] == '+') return n.substr(0, 1) + "$" + n.substr(1) + "bn/yr";
        return "$" + n + "bn/yr";
    }
    if (d.unit == "index pts") return n + " pts";
    return n;  // "0-100", "index": the name says enough
}

double metric_at(const GoalCondition& c, const Results& r, Bloc b, int y) {
    if (c.indicator) return r.ind[static_cast<int>(*c.indicator)][idx(b)][y];
    return r.sector[static_cast<int>(*c.sector_metric)][idx(b)][idx(c.sector)][y];
}

bool compare(Comparison cmp, double v, double t) {
    switch (cmp) {
        case Comparison::AtLeast: return v >= t;
        case Comparison::AtMost: return v <= t;
        case Comparison::Above: return v > t;
        case Comparison::Below: return v < t;
    }
    return false;
}
bool wants_high(Comparison cmp) { return cmp == Comparison::AtLeast || cmp == Comparison::Above; }
std::string_view comparison_words(Comparison cmp) {
    switch (cmp) {
        case Comparison::AtLeast: return "at least";
        case Comparison::AtMost: return "at most";
        case Comparison::Above: return "above";
        case Comparison::Below: return "below";
    }
    return "";
}
bool is_ratio(Measure m) { return m == Measure::RatioVsBaseline || m == Measure::RatioVsStart; }
bool is_change(Measure m) { return m == Measure::ChangeVsBaseline || m == Measure::ChangeVsStart; }
bool uses_start(Measure m) { return m == Measure::ChangeVsStart || m == Measure::RatioVsStart; }
std::string_view reference_words(Measure m) {
    return uses_start(m) ? "the step's start" : "the baseline";
}

std::string years_words(const GoalCondition& c) {
    switch (c.span) {
        case YearSpan::Single: return "in " + std::to_string(c.year_from);
        case YearSpan::EveryYear:
            return "every year from " + std::to_string(c.year_from) + " to " + std::to_string(c.year_to);
        case YearSpan::SomeYear:
            return "in some year from " + std::to_string(c.year_from) + " to " + std::to_string(c.year_to);
    }
    return "";
}

// Enough decimals to show a target as written (21.5 stays 21.5 for a 0-decimal indicator).
int decimals_for(double t, int base) {
    for (int k = base; k < 3; ++k) {
        double scaled = t * std::pow(10.0, k);
        if (std::fabs(scaled - std::round(scaled)) < 1e-6) return k;
    }
    return 3;
}

std::string target_words(const GoalCondition& c, const MetricDef& d) {
    std::string cmp(comparison_words(c.compare));
    if (is_ratio(c.measure))
        return cmp + " " + fmt_number(c.target, decimals_for(c.target, 0)) + " times " +
               std::string(reference_words(c.measure));
    MetricDef precise = d;
    precise.decimals = decimals_for(c.target, d.decimals);
    if (is_change(c.measure))
        return cmp + " " + fmt_value(precise, c.target, true) + " vs " + std::string(reference_words(c.measure));
    return cmp + " " + fmt_value(precise, c.target);
}

// ----- Reading --------------------------------------------------------------

struct Reader {
    std::vector<std::string>& errors;
    std::size_t dropped = 0;

    void error(const std::string& path, const std::string& msg) {
        if (errors.size() < kMaxErrors) errors.push_back(path + ": " + msg);
        else ++dropped;
    }

    using Obj = rapidjson::Value;

    void check_fields(const Obj& obj, const std::string& path, const std::vector<std::string>& allowed) {
        for (const auto& m : obj.GetObject()) {
            std::string key(m.name.GetString(), m.name.GetStringLength());
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
                error(path.empty() ? key : path + "." + key, "unknown field" + did_you_mean(key, allowed));
        }
    }

    static std::string at(const std::string& path, const char* key) {
        return path.empty() ? std::string(key) : path + "." + key;
    }

    const Obj* find(const Obj& obj, const char* key) {
        auto it = obj.FindMember(key);
        return it == obj.MemberEnd() ? nullptr : &it->value;
    }

    // Text: required fields must be present and non-blank.
    void text(const Obj& obj, const char* key, const std::string& path, std::string& into, bool required,
              std::size_t max_len) {
        const Obj* v = find(obj, key);
        if (!v) {
            if (required) error(at(path, key), "missing");
            return;
        }
        if (!v->IsString()) return error(at(path, key), "expected text");
        into.assign(v->GetString(), v->GetStringLength());
        if (into.size() > max_len)
            error(at(path, key), std::to_string(into.size()) + " characters is longer than the " + std::to_string(max_len) +
                                     " allowed");
        if (required && into.find_first_not_of(" \t\r\n") == std::string::npos) error(at(path, key), "must not be empty");
    }

    void text_list(const Obj& obj, const char* key, const std::string& path, std::vector<std::string>& into,
                   std::size_t max_items, std::size_t max_len) {
        const Obj* v = find(obj, key);
        if (!v) return;
        if (!v->IsArray()) return error(at(path, key), "expected a list of texts");
        if (v->Size() > max_items)
            error(at(path, key), std::to_string(v->Size()) + " entries; at most " + std::to_string(max_items) + " allowed");
        rapidjson::SizeType i = 0;
        for (const auto& item : v->GetArray()) {
            std::string p = at(path, key) + "[" + std::to_string(i++) + "]";
            if (!item.IsString()) {
                error(p, "expected text");
                continue;
            }
            std::string s(item.GetString(), item.GetStringLength());
            if (s.find_first_not_of(" \t\r\n") == std::string::npos) error(p, "must not be empty");
            else if (s.size() > max_len)
                error(p, std::to_string(s.size()) + " characters is longer than the " + std::to_string(max_len) +
                             " allowed");
            into.push_back(std::move(s));
        }
    }

    bool integer(const Obj& obj, const char* key, const std::string& path, int& into, bool required,
                 const char* what = "a whole number") {
        const Obj* v = find(obj, key);
        if (!v) {
            if (required) error(at(path, key), "missing");
            return false;
        }
        if (!v->IsInt()) {
            error(at(path, key), std::string("expected ") + what);
            return false;
        }
        into = v->GetInt();
        return true;
    }

    GoalCondition condition(const Obj& v, const std::string& path) {
        GoalCondition c;
        if (!v.IsObject()) {
            error(path, "expected an object with an indicator, a year, a comparison and a target");
            return c;
        }
        check_fields(v, path,
                     {"indicator", "sector_metric", "sector", "bloc", "year", "from", "to", "in", "measure", "compare",
                      "target", "label"});
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
        if (!v.IsObject()) {
            error(path, "expected an object with a description and conditions");
            return g;
        }
        check_fields(v, path, {"description", "conditions"});
        text(v, "description", path, g.description, true, kMaxText);
        const Obj* conds = find(v, "conditions");
        if (!conds) error(at(path, "conditions"), "missing");
        else if (!conds->IsArray()) error(at(path, "conditions"), "expected a list of conditions");
        else {
            rapidjson::SizeType i = 0;
            for (const auto& c : conds->GetArray())
                g.conditions.push_back(condition(c, at(path, "conditions") + "[" + std::to_string(i++) + "]"));
        }
        return g;
    }

    GuideStep step(const Obj& v, const std::string& path) {
        GuideStep s;
        if (!v.IsObject()) {
            error(path, "expected an object describing a step");
            return s;
        }
        check_fields(v, path, {"id", "title", "briefing", "sources", "open_levers", "set", "goal", "hints", "debrief"});
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
        return s;
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
        if (const Obj* r = find(doc, "reactions")) {
            if (!r->IsBool()) error("reactions", "expected true or false");
            else g.reactions = r->GetBool();
        }
        const Obj* steps = find(doc, "steps");
        if (!steps) error("steps", "missing");
        else if (!steps->IsArray()) error("steps", "expected a list of steps");
        else {
            rapidjson::SizeType i = 0;
            for (const auto& s : steps->GetArray()) g.steps.push_back(step(s, "steps[" + std::to_string(i++) + "]"));
        }
        text_list(doc, "debrief", "", g.debrief, kMaxListItems, kMaxItem);
    }
};

// ----- Writing --------------------------------------------------------------

template <typename W>
void put_string(W& w, std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
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
        w.Key("indicator");
        put_string(w, kIndicators[static_cast<int>(*c.indicator)].key);
    } else {
        w.Key("sector_metric");
        put_string(w, kSectorMetricIds[static_cast<int>(c.sector_metric.value_or(SectorMetric::Capability))]);
        w.Key("sector");
        put_string(w, kSectorIds[idx(c.sector)]);
    }
    if (c.bloc) {
        w.Key("bloc");
        put_string(w, kBlocIds[idx(*c.bloc)]);
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
    w.Key("measure");
    put_string(w, kMeasureIds[static_cast<int>(c.measure)]);
    w.Key("compare");
    put_string(w, kComparisonIds[static_cast<int>(c.compare)]);
    w.Key("target");
    put_number(w, c.target);
    if (!c.label.empty()) {
        w.Key("label");
        put_string(w, c.label);
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
    w.Key("id");
    put_string(w, g.id);
    w.Key("title");
    put_string(w, g.title);
    w.Key("summary");
    put_string(w, g.summary);
    w.Key("audience");
    put_string(w, g.audience);
    w.Key("duration_minutes");
    w.Int(g.duration_minutes);
    w.Key("seat");
    put_string(w, kBlocIds[idx(g.seat)]);
    w.Key("preset");
    put_string(w, g.preset);
    w.Key("horizon");
    w.Int(g.horizon);
    w.Key("reactions");
    w.Bool(g.reactions);
    w.Key("steps");
    w.StartArray();
    for (const auto& s : g.steps) {
        w.StartObject();
        w.Key("id");
        put_string(w, s.id);
        w.Key("title");
        put_string(w, s.title);
        w.Key("briefing");
        put_string(w, s.briefing);
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
            w.Key("description");
            put_string(w, s.goal->description);
            w.Key("conditions");
            w.StartArray();
            for (const auto& c : s.goal->conditions) write_condition(w, c);
            w.EndArray();
            w.EndObject();
        }
        put_list(w, "hints", s.hints);
        put_list(w, "debrief", s.debrief);
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

// ----- Validation -----------------------------------------------------------

std::vector<std::string> validate_guide(const Guide& g) {
    std::vector<std::string> errors;
    Reader r{errors};
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
    if (r.dropped) errors.push_back("... and " + std::to_string(r.dropped) + " more problems");
    return errors;
}

// ----- Reading and writing --------------------------------------------------

GuideReadResult read_guide(std::string_view text) {
    GuideReadResult res;
    try {
        if (text.size() > kMaxGuideBytes) {
            res.errors.push_back("file: " + std::to_string(text.size()) + " bytes is larger than the " +
                                 std::to_string(kMaxGuideBytes / 1024) + " KiB a guide may have");
            return res;
        }
        rapidjson::Document doc;
        // Iterative parsing: deeply nested input cannot overflow the stack;
        // full precision: numbers read back exactly as written.
        doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag>(text.data(), text.size());
        if (doc.HasParseError()) {
            std::size_t off = std::min(doc.GetErrorOffset(), text.size());
            int line = 1;
            for (std::size_t i = 0; i < off; ++i) line += text[i] == '\n';
            res.errors.push_back("line " + std::to_string(line) + ": not valid JSON (" +
                                 rapidjson::GetParseError_En(doc.GetParseError()) + ")");
            return res;
        }
        if (!doc.IsObject()) {
            res.errors.push_back("file: expected a JSON object describing a guide");
            return res;
        }
        Reader r{res.errors};
        Guide g;
        r.guide(doc, g);
        if (!res.errors.empty()) {
            if (r.dropped) res.errors.push_back("... and " + std::to_string(r.dropped) + " more problems");
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

// ----- Built-in guides ------------------------------------------------------

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

// ----- Playing a guide ------------------------------------------------------

bool is_lever_open(const GuideStep& step, int slot) {
    if (step.open_levers.empty()) return true;
    if (slot < 0 || slot >= kSlotCount) return false;
    const std::string key = slot_key(slot);
    const std::string_view lever = kLeverIds[static_cast<int>(slot_info(slot).lever)];
    for (const auto& k : step.open_levers)
        if (k == key || k == lever) return true;
    return false;
}

bool is_lever_open(const GuideStep& step, LeverId lever) {
    int first = lever_first_slot(lever), n = lever_is_per_sector(lever) ? kSectorCount : 1;
    for (int slot = first; slot < first + n; ++slot)
        if (is_lever_open(step, slot)) return true;
    return false;
}

std::vector<std::string> lever_keys_open(const GuideStep& step) {
    std::vector<std::string> out;
    for (int slot = 0; slot < kSlotCount; ++slot)
        if (is_lever_open(step, slot)) out.push_back(slot_key(slot));
    return out;
}

std::vector<std::string> apply_step_setup(const GuideStep& step, Scenario& s) {
    std::vector<std::string> errors;
    for (const auto& kv : step.set) {
        std::string e = apply_setting(s, kv.key, kv.value);
        if (!e.empty()) errors.push_back("set." + kv.key + ": " + e);
    }
    return errors;
}

Scenario guide_start_scenario(const Guide& g) {
    const Preset* p = find_preset(g.preset);
    Scenario s = scenario_from_preset(p ? *p : presets().front(), g.seat);
    s.name = g.title;
    s.horizon = g.horizon;
    s.reactions = g.reactions;
    if (!g.steps.empty()) apply_step_setup(g.steps.front(), s);
    return s;
}

Scenario step_start_scenario(const Guide& g, int step) {
    Scenario s = guide_start_scenario(g);
    for (int i = 1; i <= step && i < static_cast<int>(g.steps.size()); ++i) apply_step_setup(g.steps[i], s);
    return s;
}

// ----- Goals ----------------------------------------------------------------

std::string condition_label(const GoalCondition& c, Bloc seat) {
    std::string label = c.label.empty() ? metric_def(c).name : c.label;
    if (c.bloc && *c.bloc != seat) label += " (" + std::string(kBlocShortNames[idx(*c.bloc)]) + ")";
    return label;
}

std::string describe_condition(const GoalCondition& c, Bloc seat) {
    MetricDef d = metric_def(c);
    std::string out = condition_label(c, seat) + " " + years_words(c) + ": " + target_words(c, d);
    return out;
}

GoalStatus evaluate_goal(const Goal& goal, const Scenario& s, const Results& r, const Results& baseline,
                         const Results* step_start) {
    GoalStatus status;
    for (const GoalCondition& c : goal.conditions) {
        ConditionStatus cs;
        cs.target = c.target;
        const MetricDef d = metric_def(c);
        const Bloc bloc = c.bloc.value_or(s.seat);
        const std::string label = condition_label(c, s.seat);
        const Results* ref = c.measure == Measure::Value ? nullptr : uses_start(c.measure) ? step_start : &baseline;
        auto fail = [&](const std::string& why) {
            cs.evaluable = false;
            cs.met = false;
            cs.text = label + " " + years_words(c) + ": " + why + " (target: " + target_words(c, d) + ")";
            cs.short_text = label + ": " + why;
        };
        if (!c.indicator && !c.sector_metric) fail("no indicator given");
        else if (c.measure != Measure::Value && !ref) fail("the step's starting point is not known");
        else if (c.year_from < kBaseYear || c.year_to >= kBaseYear + r.years || c.year_from > c.year_to ||
                 (ref && c.year_to >= kBaseYear + ref->years))
            fail("beyond the years run (" + std::to_string(kBaseYear) + " to " + std::to_string(kBaseYear + r.years - 1) +
                 ")");
        else {
            // Evaluate each year; keep the deciding one: the worst margin for
            // a single year or every year, the best for some year.
            bool any_met = false, all_met = true, have = false, zero_ref = false;
            double best_margin = 0, deciding_ref = 0;
            for (int year = c.year_from; year <= c.year_to; ++year) {
                int y = year - kBaseYear;
                double v = metric_at(c, r, bloc, y);
                double base = ref ? metric_at(c, *ref, bloc, y) : 0.0;
                double measured = v, target_value = c.target;
                if (is_ratio(c.measure)) {
                    if (std::fabs(base) < 1e-9) {
                        zero_ref = true;
                        all_met = false;
                        continue;
                    }
                    measured = v / base;
                    target_value = c.target * base;
                } else if (is_change(c.measure)) {
                    measured = v - base;
                    target_value = base + c.target;
                }
                bool ok = compare(c.compare, measured, c.target);
                // Margin in the condition's measure, positive when met.
                double margin = wants_high(c.compare) ? measured - c.target : c.target - measured;
                any_met |= ok;
                all_met &= ok;
                bool pick = !have || (c.span == YearSpan::SomeYear ? margin > best_margin : margin < best_margin);
                if (pick) {
                    have = true;
                    best_margin = margin;
                    cs.year = year;
                    cs.measured = measured;
                    cs.value = v;
                    cs.target_value = target_value;
                    deciding_ref = base;
                }
            }
            if (!have) {
                fail(zero_ref ? std::string("the reference value is zero, so a ratio has no meaning")
                              : std::string("no year to evaluate"));
            } else {
                cs.met = c.span == YearSpan::SomeYear ? any_met : all_met;
                std::string where = c.span == YearSpan::Single ? " in " + std::to_string(cs.year)
                                                               : ", " + years_words(c);
                // Values as precise as the target, so "70.47 vs at least 70.5" does not read "70 vs 70.5".
                MetricDef shown = d;
                if (c.measure == Measure::Value) shown.decimals = decimals_for(c.target, d.decimals);
                std::string now = fmt_value(shown, cs.value);
                if (c.span != YearSpan::Single) {
                    std::string which = c.span == YearSpan::SomeYear ? "best" : (wants_high(c.compare) ? "lowest" : "highest");
                    now = which + " " + now + " in " + std::to_string(cs.year);
                }
                std::string ref_words(reference_words(c.measure));
                if (is_ratio(c.measure)) {
                    std::string ref_value = fmt_value(d, deciding_ref);
                    now += " (" + fmt_number(cs.measured, 2) + " times " +
                           (uses_start(c.measure) ? "the " + ref_value + " at the step's start"
                                                  : "the baseline's " + ref_value) +
                           ")";
                }
                else if (is_change(c.measure))
                    now += " (" + fmt_value(d, cs.measured, true) + " vs " + ref_words + ")";
                std::string target = "target: " + target_words(c, d);
                if (c.measure != Measure::Value)
                    target += c.span == YearSpan::Single ? ", i.e. " + fmt_value(d, cs.target_value)
                                                         : ", i.e. " + fmt_value(d, cs.target_value) + " in " +
                                                               std::to_string(cs.year);
                cs.text = label + where + ": " + now + "; " + target;
                std::string years = c.span == YearSpan::Single ? std::to_string(c.year_from)
                                    : c.span == YearSpan::SomeYear
                                        ? "by " + std::to_string(c.year_to)
                                        : std::to_string(c.year_from) + "-" + std::to_string(c.year_to);
                std::string short_now = fmt_value(shown, cs.value);
                if (c.span != YearSpan::Single) short_now += " in " + std::to_string(cs.year);
                MetricDef precise = d;
                if (c.measure == Measure::Value) precise.decimals = decimals_for(c.target, d.decimals);
                cs.short_text = label + " " + years + ": " + short_now + " (target: " +
                                std::string(comparison_words(c.compare)) + " " + fmt_value(precise, cs.target_value) + ")";
            }
        }
        status.conditions_met += cs.met;
        status.conditions.push_back(std::move(cs));
    }
    status.met = !goal.conditions.empty() && status.conditions_met == static_cast<int>(goal.conditions.size());
    status.text = status.met ? std::string("Goal met")
                             : std::to_string(status.conditions_met) + " of " + std::to_string(goal.conditions.size()) +
                                   " conditions met";
    return status;
}

}  // namespace tl
