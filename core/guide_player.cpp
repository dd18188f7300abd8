// Playing a guide: which levers a step opens, the lever values a step sets,
// and the scenario each step starts from.
#include "core/guides.h"

namespace tl {

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

}  // namespace tl
