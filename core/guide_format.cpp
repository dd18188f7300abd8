// Guide files and links: reading (with every error naming its field),
// validation, writing, and the built-in guides.
//
// Index:
//   [SECTION] Helpers
//   [SECTION] The format: each type's fields, read and written
//   [SECTION] Validation (also of guides built in code)
//   [SECTION] read_guide, guide_to_json, built-in guides, links
#include "core/guides.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include <cereal/types/vector.hpp>

#include "core/assets.h"
#include "core/goal_text.h"
#include "core/json_archive.h"
#include "core/share_link.h"
#include "core/suggest.h"
#include "core/untrusted_json.h"

// A guide's cereal class version is its format version.
CEREAL_CLASS_VERSION(tl::Guide, tl::kGuideFormatVersion)

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


}  // namespace

// ---------------------------------------------------------------------------
// [SECTION] The format: each type's fields, read and written (cereal archives
// of core/json_archive.h; reading reports unknown fields and never throws)
// ---------------------------------------------------------------------------

// What each node must be, for the error when it is something else.
const char* json_expected(const Condition*) { return "an object with an indicator, a year, a comparison and a target"; }
const char* json_expected(const std::vector<Condition>*) { return "a list of conditions"; }
const char* json_expected(const Goal*) { return "an object with a description and conditions"; }
const char* json_expected(const FacilitatorNotes*) {
    return "an object of notes for the trainer: {\"minutes\", \"expect\", \"ask\", \"answer\"}";
}
const char* json_expected(const GuideStep*) { return "an object describing a step"; }
const char* json_expected(const std::vector<GuideStep>*) { return "a list of steps"; }

// A condition names its indicator one of two ways and its years one of two
// ways, so it is read by hand; the messages say which combination is wrong.
void load(json::ReadArchive& ar, Condition& c) {
    const rapidjson::Value* obj = ar.object();
    if (!obj) return;  // not an object: reported on entering it
    json::FieldReader& r = ar.reader();
    const std::string path = ar.path();
    auto at = [&](const char* key) { return json::FieldReader::at(path, key); };
    auto text_of = [](const rapidjson::Value* v) {
        return v && v->IsString() ? std::string(v->GetString(), v->GetStringLength()) : std::string();
    };
    const rapidjson::Value* ind = ar.field("indicator");
    const rapidjson::Value* sm = ar.field("sector_metric");
    const rapidjson::Value* sec = ar.field("sector");
    if (ind && sm) r.error(path, "give either \"indicator\" or \"sector_metric\", not both");
    if (!ind && !sm) r.error(at("indicator"), "missing (or give \"sector_metric\" and \"sector\")");
    if (ind) {
        if (!ind->IsString()) r.error(at("indicator"), "expected an indicator key such as \"rival_leakage\"");
        else {
            std::string key = text_of(ind);
            int i = -1;
            for (int k = 0; k < kIndicatorCount; ++k)
                if (kIndicators[k].key == key) i = k;
            if (i < 0) r.error(at("indicator"), "unknown indicator " + quoted(key) + did_you_mean(key, indicator_keys()));
            else c.indicator = static_cast<Indicator>(i);
        }
    }
    if (sm) {
        std::string key = text_of(sm);
        int m = find_id(kSectorMetricIds, key);
        if (m < 0)
            r.error(at("sector_metric"), (sm->IsString() ? "unknown sector metric " + quoted(key) : std::string("expected text")) +
                                             " (one of " + join_ids(kSectorMetricIds) + ")");
        else c.sector_metric = static_cast<SectorMetric>(m);
        if (!sec) r.error(at("sector"), "missing (a sector metric needs a sector: " + join_ids(kSectorIds) + ")");
        else if (auto p = parse_sector(text_of(sec))) c.sector = *p;
        else r.error(at("sector"), "unknown sector " + quoted(text_of(sec)) + " (one of " + join_ids(kSectorIds) + ")");
    } else if (sec) {
        r.error(at("sector"), "only used with \"sector_metric\"");
    }
    if (const rapidjson::Value* b = ar.field("bloc")) {
        if (auto p = parse_bloc(text_of(b))) c.bloc = *p;
        else r.error(at("bloc"), "unknown bloc " + quoted(text_of(b)) + " (one of " + join_ids(kBlocIds) + ")");
    }
    // Years: "year" alone, or "from", "to" and "in".
    const rapidjson::Value* year = ar.field("year");
    const rapidjson::Value* in = ar.field("in");
    const rapidjson::Value* from = ar.field("from");
    const rapidjson::Value* to = ar.field("to");
    bool range = from || to || in;
    if (year && range) r.error(path, "give either \"year\" or \"from\"/\"to\"/\"in\", not both");
    else if (year) {
        c.span = YearSpan::Single;
        if (r.integer(*obj, "year", path, c.year_from, true, "a year such as 2030")) c.year_to = c.year_from;
    } else if (range) {
        r.integer(*obj, "from", path, c.year_from, true, "a year such as 2025");
        r.integer(*obj, "to", path, c.year_to, true, "a year such as 2035");
        std::string span = text_of(in);
        if (!in) r.error(at("in"), "missing (\"every_year\" or \"some_year\")");
        else if (span == "every_year") c.span = YearSpan::EveryYear;
        else if (span == "some_year") c.span = YearSpan::SomeYear;
        else r.error(at("in"), "expected \"every_year\" or \"some_year\"" + (span.empty() ? "" : ", got " + quoted(span)));
    } else {
        r.error(at("year"), "missing (give \"year\", or \"from\", \"to\" and \"in\")");
    }
    if (const rapidjson::Value* m = ar.field("measure")) {
        int k = find_id(kMeasureIds, text_of(m));
        if (k < 0) r.error(at("measure"), "unknown measure " + quoted(text_of(m)) + " (one of " + join_ids(kMeasureIds) + ")");
        else c.measure = static_cast<Measure>(k);
    }
    if (const rapidjson::Value* m = ar.field("compare")) {
        int k = find_id(kComparisonIds, text_of(m));
        if (k < 0) r.error(at("compare"), "unknown comparison " + quoted(text_of(m)) + " (one of >=, <=, >, <)");
        else c.compare = static_cast<Comparison>(k);
    } else {
        r.error(at("compare"), "missing (one of >=, <=, >, <)");
    }
    if (const rapidjson::Value* t = ar.field("target")) {
        if (!t->IsNumber()) r.error(at("target"), "expected a number");
        else c.target = t->GetDouble();
    } else {
        r.error(at("target"), "missing");
    }
    ar(json::text("label", c.label, kMaxTitle, false));
}

void save(json::WriteArchive& ar, const Condition& c) {
    auto put = [&](const char* key, std::string_view value) {
        ar.set_next_name(key);
        ar.write_text(value);
    };
    if (c.indicator) {
        put("indicator", kIndicators[static_cast<int>(*c.indicator)].key);
    } else {
        put("sector_metric", kSectorMetricIds[static_cast<int>(c.sector_metric.value_or(SectorMetric::Capability))]);
        put("sector", kSectorIds[idx(c.sector)]);
    }
    if (c.bloc) put("bloc", kBlocIds[idx(*c.bloc)]);
    if (c.span == YearSpan::Single) {
        ar(cereal::make_nvp("year", c.year_from));
    } else {
        ar(cereal::make_nvp("from", c.year_from), cereal::make_nvp("to", c.year_to));
        put("in", c.span == YearSpan::EveryYear ? "every_year" : "some_year");
    }
    put("measure", kMeasureIds[static_cast<int>(c.measure)]);
    put("compare", kComparisonIds[static_cast<int>(c.compare)]);
    ar.set_next_name("target");
    ar.write_plain_number(c.target);
    if (!c.label.empty()) put("label", c.label);
}

template <class Archive>
void serialize(Archive& ar, Goal& g) {
    ar(json::text("description", g.description, kMaxText, true), cereal::make_nvp("conditions", g.conditions));
}

// Written: only the notes given. Read: all optional; the range of minutes is validate_guide's.
template <class Archive>
void serialize(Archive& ar, FacilitatorNotes& n) {
    constexpr bool reading = Archive::is_loading::value;
    if (reading || n.minutes > 0) ar(json::integer("minutes", n.minutes, "a whole number of minutes", false));
    if (reading || !n.expect.empty()) ar(json::text("expect", n.expect, kMaxText, false));
    if (reading || !n.ask.empty()) ar(json::text_list("ask", n.ask, kMaxListItems, kMaxItem));
    if (reading || !n.answer.empty()) ar(json::text("answer", n.answer, kMaxText, false));
}

template <class Archive>
void serialize(Archive& ar, GuideStep& s) {
    ar(json::text("id", s.id, 64, true), json::text("title", s.title, kMaxTitle, true),
       json::text("briefing", s.briefing, kMaxText, true), json::text_list("sources", s.sources, kMaxSources, kMaxSource),
       json::text_list("open_levers", s.open_levers, kMaxOpenLevers, 64),
       json::optional_nvp("set", json::keyed_numbers(s.set, "an object of lever values, e.g. {\"enforcement\": 400}",
                                                     kMaxSettings)));
    // No goal: the field is left out (or null, as some editors write it).
    if constexpr (Archive::is_loading::value) {
        if (const rapidjson::Value* goal = ar.field("goal"); goal && !goal->IsNull())
            ar(cereal::make_nvp("goal", s.goal.emplace()));
    } else if (s.goal) {
        ar(cereal::make_nvp("goal", *s.goal));
    }
    ar(json::text_list("hints", s.hints, kMaxListItems, kMaxItem),
       json::text_list("debrief", s.debrief, kMaxListItems, kMaxItem));
    if constexpr (Archive::is_loading::value) ar(json::optional_nvp("facilitator", s.facilitator));
    else if (!s.facilitator.empty()) ar(cereal::make_nvp("facilitator", s.facilitator));
}

// The cereal class version is the document's "version", which Guide keeps
// (read_guide refuses a newer one before reading anything).
template <class Archive>
void serialize(Archive& ar, Guide& g, std::uint32_t /*version: == g.version*/) {
    std::string format = kGuideFormat;
    ar(json::text("format", format, 64, true));
    if constexpr (Archive::is_loading::value)
        if (!format.empty() && format != kGuideFormat)
            ar.error("format", quoted(format) + " is not a Trilemma Lab guide (expected " + quoted(kGuideFormat) + ")");
    ar(json::integer("version", g.version, "a whole number", true));
    if constexpr (Archive::is_loading::value)
        if (g.version < 1 || g.version > kGuideFormatVersion)
            ar.error("version", "guide format version " + std::to_string(g.version) + " is not supported (this app reads 1.." +
                                    std::to_string(kGuideFormatVersion) + ")");
    ar(json::text("id", g.id, 64, true), json::text("title", g.title, kMaxTitle, true),
       json::text("summary", g.summary, kMaxText, true), json::text("audience", g.audience, kMaxItem, false),
       json::integer("duration_minutes", g.duration_minutes, "a whole number of minutes", false),
       cereal::make_nvp("seat", json::as_id(kBlocIds, g.seat, "bloc")), json::text("preset", g.preset, 64, true),
       json::integer("horizon", g.horizon, "a year", false), json::optional_nvp("reactions", g.reactions),
       cereal::make_nvp("steps", g.steps), json::text_list("debrief", g.debrief, kMaxListItems, kMaxItem));
}

namespace {

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
    json::FieldReader r(errors);
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
        json::FieldReader r(res.errors);
        Guide g;
        {
            json::ReadArchive ar(doc, r, "", /*report_unknown_fields=*/true);
            ar(g);
        }
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
    json::WriteArchive ar(/*pretty=*/true);
    ar(g);
    return ar.text();
}

std::string guide_to_compact_json(const Guide& g) {
    json::WriteArchive ar(/*pretty=*/false);
    ar(g);
    return ar.text();
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
