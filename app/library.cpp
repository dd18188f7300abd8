#include "app/library.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <random>

#include "app/browser.h"
#include "core/scenario_io.h"

namespace app {

namespace {
constexpr const char* kEntryFormat = "trilemma-lab/library-entry";

std::string random_suffix() {
    static std::mt19937 rng(std::random_device{}());
    static const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string s;
    for (int i = 0; i < 6; ++i) s += digits[rng() % 36];
    return s;
}

std::string base36(unsigned long long v) {
    std::string s;
    do {
        s.insert(s.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36]);
        v /= 36;
    } while (v);
    return s;
}
}  // namespace

std::string entry_label(const LibraryEntry& e) {
    if (!e.scenario.name.empty()) return e.scenario.name;
    if (e.kind == "link") return "Shared link";
    if (e.kind == "guide") return "Guide";
    if (e.kind == "file") return "Opened file";
    return "My work";
}

std::optional<LibraryEntry> Library::parse(const std::string& text, std::string* problem) {
    auto fail = [&](const std::string& why) -> std::optional<LibraryEntry> {
        if (problem) *problem = why;
        return std::nullopt;
    };
    rapidjson::Document d;
    d.Parse(text.data(), text.size());
    if (d.HasParseError() || !d.IsObject()) return fail("not a library entry (not a JSON object)");
    auto str = [&](const char* k) -> const char* {
        return d.HasMember(k) && d[k].IsString() ? d[k].GetString() : nullptr;
    };
    if (!str("format") || std::string(str("format")) != kEntryFormat) return fail("not a library entry (format)");
    if (!str("id") || !str("kind") || !str("scenario")) return fail("a library entry without its id, kind or scenario");
    LibraryEntry e;
    e.id = str("id");
    e.kind = str("kind");
    if (d.HasMember("created") && d["created"].IsNumber()) e.created = d["created"].GetDouble();
    if (d.HasMember("updated") && d["updated"].IsNumber()) e.updated = d["updated"].GetDouble();
    if (d.HasMember("scores") && d["scores"].IsArray() && d["scores"].Size() == 3)
        for (rapidjson::SizeType i = 0; i < 3; ++i)
            if (d["scores"][i].IsNumber()) e.scores[i] = d["scores"][i].GetDouble();
    const rapidjson::Value& sc = d["scenario"];
    tl::ScenarioReadResult r = tl::scenario_from_json(std::string_view(sc.GetString(), sc.GetStringLength()));
    if (!r.ok) return fail("its scenario cannot be read: " + (r.errors.empty() ? std::string("?") : r.errors.front()));
    e.scenario = r.scenario;
    e.seat = std::string(tl::kBlocIds[tl::idx(e.scenario.seat)]);
    return e;
}

std::string Library::serialize(const LibraryEntry& e) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    const std::string scenario = tl::scenario_to_json(e.scenario, false);
    w.StartObject();
    w.Key("format"); w.String(kEntryFormat);
    w.Key("id"); w.String(e.id.c_str());
    w.Key("kind"); w.String(e.kind.c_str());
    w.Key("name"); w.String(entry_label(e).c_str());  // for a person reading an export
    w.Key("seat"); w.String(e.seat.c_str());
    w.Key("created"); w.Double(e.created);
    w.Key("updated"); w.Double(e.updated);
    w.Key("scores"); w.StartArray();
    for (double s : e.scores) w.Double(s);
    w.EndArray();
    w.Key("scenario"); w.String(scenario.c_str(), static_cast<rapidjson::SizeType>(scenario.size()));
    w.EndObject();
    return {buf.GetString(), buf.GetSize()};
}

void Library::refresh() {
    entries_.clear();
    unreadable_.clear();
    auto keys = browser::storage_keys(kPrefix);
    for (const auto& key : browser::storage_keys(kLegacyPrefix)) keys.push_back(key);
    for (const auto& key : keys) {
        const bool legacy = key.rfind(kLegacyPrefix, 0) == 0;
        browser::Stored v = browser::storage_read(key, kMaxEntryChars);
        if (!v.present) continue;
        std::string problem;
        if (v.too_large) {
            problem = "too large to be a scenario";
        } else if (legacy) {
            auto r = tl::scenario_from_json(v.text);
            if (r.ok) continue;  // imported at start-up (Sharing::start); not an entry
            problem = r.errors.empty() ? "unreadable" : r.errors.front();
        } else if (auto e = parse(v.text, &problem)) {
            if (e->id == key.substr(std::char_traits<char>::length(kPrefix))) {
                entries_.push_back(std::move(*e));
                continue;
            }
            problem = "its id does not match its key";
        }
        unreadable_.push_back({key, problem, v.chars});
    }
    std::sort(entries_.begin(), entries_.end(), [](const LibraryEntry& a, const LibraryEntry& b) {
        return a.updated != b.updated ? a.updated > b.updated : a.id > b.id;
    });
}

const LibraryEntry* Library::find(const std::string& id) const {
    for (const auto& e : entries_)
        if (e.id == id) return &e;
    return nullptr;
}

std::optional<LibraryEntry> Library::load(const std::string& id, std::string* problem) const {
    browser::Stored v = browser::storage_read(kPrefix + id, kMaxEntryChars);
    if (!v.present) {
        if (problem) *problem = "not in the library";
        return std::nullopt;
    }
    if (v.too_large) {
        if (problem) *problem = "too large to be a scenario";
        return std::nullopt;
    }
    return parse(v.text, problem);
}

LibraryEntry Library::make(const std::string& kind, const tl::Scenario& scenario) const {
    LibraryEntry e;
    const double now = browser::epoch_ms();
    e.id = base36(static_cast<unsigned long long>(now)) + "-" + random_suffix();
    e.kind = kind;
    e.created = e.updated = now;
    e.scenario = scenario;
    e.seat = std::string(tl::kBlocIds[tl::idx(scenario.seat)]);
    return e;
}

bool Library::save(LibraryEntry& e) {
    e.updated = std::max(browser::epoch_ms(), e.updated);
    e.seat = std::string(tl::kBlocIds[tl::idx(e.scenario.seat)]);
    const tl::Results r = tl::run(e.scenario);
    e.scores = tl::trilemma_scores(tl::TrilemmaId::EconomicSecurity, e.scenario, r, e.scenario.seat, r.years - 1);
    const std::string key = kPrefix + e.id;
    const std::string value = serialize(e);
    // The budget counts what the others use, not the entry's own old value.
    const browser::Stored old = browser::storage_read(key, 0);
    const std::size_t own = old.present ? key.size() + old.chars : 0;
    if (used_chars() - std::min(own, used_chars()) + key.size() + value.size() > kBudgetChars) return false;
    if (!browser::storage_write(key, value)) return false;
    if (auto* cached = const_cast<LibraryEntry*>(find(e.id))) *cached = e;
    else entries_.insert(entries_.begin(), e);
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const LibraryEntry& a, const LibraryEntry& b) { return a.updated > b.updated; });
    return true;
}

void Library::remove(const std::string& id) {
    browser::storage_remove(kPrefix + id);
    entries_.erase(std::remove_if(entries_.begin(), entries_.end(), [&](const LibraryEntry& e) { return e.id == id; }),
                   entries_.end());
}

std::size_t Library::used_chars() const { return browser::storage_used("trilemma-lab."); }

std::string Library::export_all() const {
    std::string out = "{\"format\":\"trilemma-lab/library\",\"version\":1,\"entries\":[";
    for (std::size_t i = 0; i < entries_.size(); ++i) out += (i ? ",\n" : "\n") + serialize(entries_[i]);
    out += "\n]}\n";
    return out;
}

}  // namespace app
