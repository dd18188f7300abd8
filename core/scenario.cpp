#include "core/scenario.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <cereal/types/vector.hpp>

#include "core/assets.h"
#include "core/json_archive.h"
#include "core/policy_fields.h"

namespace tl {

namespace {

// "140", "0.5": numbers in messages as people write them.
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// An entry of assets/presets.json: {"id", "name", "description", "sources",
// "base" (optional: an earlier preset whose levers it starts from), "blocs":
// the levers it sets, by bloc}. Levers neither set nor inherited are neutral.
struct PresetEntry {
    Preset preset;
    std::string base;
    std::array<Policy, kBlocCount> given;  // NaN where the entry does not set a lever

    PresetEntry() {
        for (auto& p : given) p.fill(std::nan(""));
    }
    template <class Archive>
    void serialize(Archive& ar) {
        ar(cereal::make_nvp("id", preset.id), cereal::make_nvp("name", preset.name),
           cereal::make_nvp("description", preset.description), cereal::make_nvp("sources", preset.sources),
           json::optional_nvp("base", base), cereal::make_nvp("blocs", PolicyFields{given}));
    }
};

std::vector<Preset> load_presets() {
    const std::string where = "assets/presets.json";
    std::vector<Preset> out;
    for (PresetEntry& entry : json::read_table_list<PresetEntry>(embedded_asset("presets.json"), where, "presets")) {
        Preset& p = entry.preset;
        std::string at = where + " preset \"" + p.id + "\"";
        if (std::any_of(out.begin(), out.end(), [&](const Preset& q) { return q.id == p.id; }))
            throw json::Error(at + ": defined twice");
        if (!entry.base.empty()) {
            auto it = std::find_if(out.begin(), out.end(), [&](const Preset& q) { return q.id == entry.base; });
            if (it == out.end()) throw json::Error(at + ".base: \"" + entry.base + "\" must be defined earlier");
            p.policy = it->policy;
        } else {
            for (auto& pol : p.policy)
                for (int slot = 0; slot < kSlotCount; ++slot) pol[slot] = lever_def(slot_info(slot).lever).neutral;
        }
        for (int b = 0; b < kBlocCount; ++b)
            for (int slot = 0; slot < kSlotCount; ++slot) {
                double v = entry.given[b][slot];
                if (std::isnan(v)) continue;
                const LeverDef& d = lever_def(slot_info(slot).lever);
                if (v < d.min || v > d.max)
                    throw json::Error(at + ".blocs." + std::string(kBlocIds[b]) + "." + slot_key(slot) + ": " + num(v) +
                                      " is outside " + num(d.min) + ".." + num(d.max));
                p.policy[b][slot] = v;
            }
        out.push_back(std::move(p));
    }
    if (out.empty() || out.front().id != "status_quo_2024")
        throw json::Error(where + ": the first preset must be status_quo_2024");
    return out;
}

}  // namespace

const std::vector<Preset>& presets() {
    static const std::vector<Preset> list = load_presets();
    return list;
}

const Preset* find_preset(std::string_view id) {
    for (const auto& p : presets())
        if (p.id == id) return &p;
    return nullptr;
}

std::string_view own_name(const Scenario& s) {
    const Preset* p = find_preset(s.preset);
    if (p && s.name == p->name) return {};
    return s.name;
}

const Preset* preset_beyond_status_quo(const Scenario& s) {
    const Preset* p = find_preset(s.preset);
    return p && p != &presets().front() ? p : nullptr;
}

Scenario scenario_from_preset(const Preset& preset, Bloc seat) {
    Scenario s;
    s.preset = preset.id;
    s.name = preset.name;
    s.seat = seat;
    s.policy = preset.policy;
    return s;
}

Scenario baseline_of(const Scenario& s, bool default_assumptions) {
    Scenario b = s;
    const Preset* p = find_preset(s.preset);
    b.policy = (p ? *p : presets().front()).policy;
    b.name = "Baseline";
    b.notes.clear();
    if (default_assumptions) b.assumptions = central_assumptions();
    return b;
}

RunInput run_input(const Scenario& s) {
    RunInput in;
    in.policy = s.policy;
    for (auto& p : in.policy) clamp_policy(p);
    in.reference = presets().front().policy;
    in.seat = s.seat;
    in.horizon = std::clamp(s.horizon, kMinHorizon, kMaxHorizon);
    in.reactions = s.reactions;
    in.start_year = s.start_year;
    return in;
}

Results run(const Scenario& s) {
    Results r;
    simulate(run_input(s), materialize(s.assumptions), r);
    return r;
}

std::string apply_setting(Scenario& s, std::string_view key, double value) {
    Bloc bloc = s.seat;
    std::string_view lever_key = key;
    auto dot = key.find('.');
    if (dot != std::string_view::npos) {
        if (auto b = parse_bloc(key.substr(0, dot))) {
            bloc = *b;
            lever_key = key.substr(dot + 1);
        }
    }
    auto slot = parse_slot(lever_key);
    if (!slot) return "unknown lever \"" + std::string(lever_key) + "\" (see `trilemma-cli levers`)";
    const LeverDef& d = lever_def(slot_info(*slot).lever);
    if (!std::isfinite(value) || value < d.min || value > d.max)
        return std::string(key) + ": " + num(value) + " is outside the range " + num(d.min) + ".." + num(d.max) + " (" +
               d.unit + ")";
    s.policy[idx(bloc)][*slot] = value;
    return {};
}

namespace {
// The start year's problem in s, or empty.
std::string start_year_error(const Scenario& s) {
    if (s.start_year <= kBaseYear || s.start_year > kMaxHorizon)
        return "start_year: " + std::to_string(s.start_year) + " is outside " + std::to_string(kBaseYear + 1) + ".." +
               std::to_string(kMaxHorizon) + " (2024 is the calibration year)";
    if (s.start_year > s.horizon)
        return "start_year: " + std::to_string(s.start_year) + " is after the horizon " + std::to_string(s.horizon) +
               " (the lever changes would never act)";
    return {};
}
}  // namespace

std::string set_start_year(Scenario& s, int year) {
    Scenario changed = s;
    changed.start_year = year;
    std::string error = start_year_error(changed);
    if (error.empty()) s.start_year = year;
    return error;
}

std::vector<std::string> validate(const Scenario& s) {
    std::vector<std::string> errors;
    if (std::string error = start_year_error(s); !error.empty()) errors.push_back(std::move(error));
    if (s.horizon < kMinHorizon || s.horizon > kMaxHorizon)
        errors.push_back("horizon: " + std::to_string(s.horizon) + " is outside " + std::to_string(kMinHorizon) + ".." +
                         std::to_string(kMaxHorizon));
    if (idx(s.seat) < 0 || idx(s.seat) >= kBlocCount) errors.push_back("seat: unknown bloc");
    if (!find_preset(s.preset)) errors.push_back("preset: unknown preset \"" + s.preset + "\"");
    for (int b = 0; b < kBlocCount; ++b)
        for (int slot = 0; slot < kSlotCount; ++slot) {
            const LeverDef& d = lever_def(slot_info(slot).lever);
            double v = s.policy[b][slot];
            if (!std::isfinite(v) || v < d.min || v > d.max)
                errors.push_back("levers." + std::string(kBlocIds[b]) + "." + slot_key(slot) + ": " + num(v) +
                                 " is outside " + num(d.min) + ".." + num(d.max) + " (" + d.unit + ")");
        }
    for (int i = 0; i < kParamCount; ++i) {
        double v = s.assumptions[i];
        if (!std::isfinite(v) || v < -1.0 || v > 1.0)
            errors.push_back("assumptions." + param_defs()[i].key + ": position " + num(v) + " is outside -1..1");
        else if (v != 0.0 && !param_defs()[i].uncertain())
            errors.push_back("assumptions." + param_defs()[i].key + ": a sourced fact cannot be moved");
    }
    return errors;
}

}  // namespace tl
