#include "core/levers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/assets.h"
#include "core/json_util.h"

namespace tl {

SlotInfo slot_info(int slot) {
    for (int l = 0; l < kLeverCount; ++l) {
        auto lever = static_cast<LeverId>(l);
        int first = lever_first_slot(lever);
        int width = lever_is_per_sector(lever) ? kSectorCount : 1;
        if (slot >= first && slot < first + width) return {lever, lever_is_per_sector(lever) ? slot - first : -1};
    }
    return {LeverId::ExportControls, -1};
}

namespace {
std::vector<LeverDef> load_lever_defs() {
    const std::string where = "assets/levers.json";
    auto doc = json::parse(embedded_asset("levers.json"), where);
    const auto& list = json::member(doc, "levers", where);
    if (!list.IsArray()) throw json::Error(where + ": \"levers\" must be an array");
    std::vector<LeverDef> defs(kLeverCount);
    std::vector<bool> seen(kLeverCount, false);
    for (const auto& item : list.GetArray()) {
        std::string key = json::get_string(item, "id", where);
        std::string at = where + " lever \"" + key + "\"";
        auto it = std::find(kLeverIds.begin(), kLeverIds.end(), key);
        if (it == kLeverIds.end()) throw json::Error(at + ": unknown lever id (not in core/levers.h)");
        int i = static_cast<int>(it - kLeverIds.begin());
        if (seen[i]) throw json::Error(at + ": defined twice");
        seen[i] = true;
        LeverDef& d = defs[i];
        d.id = static_cast<LeverId>(i);
        d.key = key;
        d.name = json::get_string(item, "name", at);
        d.unit = json::get_string(item, "unit", at);
        auto pillar = parse_pillar(json::get_string(item, "pillar", at));
        if (!pillar) throw json::Error(at + ".pillar: expected protect, promote or partner");
        d.pillar = *pillar;
        d.per_sector = lever_is_per_sector(d.id);
        d.min = json::get_number(item, "min", at);
        d.max = json::get_number(item, "max", at);
        d.step = json::get_number(item, "step", at);
        d.neutral = json::get_number(item, "neutral", at);
        d.meaning = json::get_string(item, "meaning", at);
        d.source = json::get_string(item, "source", at);
        if (!(d.min < d.max) || d.neutral < d.min || d.neutral > d.max || d.step <= 0)
            throw json::Error(at + ": needs min < max, min <= neutral <= max and step > 0");
        if (d.source.empty()) throw json::Error(at + ".source: every lever needs a source");
    }
    for (int i = 0; i < kLeverCount; ++i)
        if (!seen[i]) throw json::Error(where + ": lever \"" + std::string(kLeverIds[i]) + "\" is missing");
    return defs;
}
}  // namespace

const std::vector<LeverDef>& lever_defs() {
    static const std::vector<LeverDef> defs = load_lever_defs();
    return defs;
}
const LeverDef& lever_def(LeverId id) { return lever_defs()[static_cast<int>(id)]; }

std::optional<int> parse_slot(std::string_view key) {
    auto dot = key.find('.');
    std::string_view lever_key = key.substr(0, dot);
    auto it = std::find(kLeverIds.begin(), kLeverIds.end(), lever_key);
    if (it == kLeverIds.end()) return std::nullopt;
    auto lever = static_cast<LeverId>(it - kLeverIds.begin());
    if (!lever_is_per_sector(lever)) {
        if (dot != std::string_view::npos) return std::nullopt;
        return slot_of(lever);
    }
    if (dot == std::string_view::npos) return std::nullopt;
    auto sector = parse_sector(key.substr(dot + 1));
    if (!sector) return std::nullopt;
    return slot_of(lever, *sector);
}

std::string slot_key(int slot) {
    SlotInfo info = slot_info(slot);
    std::string k(kLeverIds[static_cast<int>(info.lever)]);
    if (info.sector >= 0) k += "." + std::string(kSectorIds[info.sector]);
    return k;
}

std::string slot_label(int slot) {
    SlotInfo info = slot_info(slot);
    std::string k = lever_def(info.lever).name;
    if (info.sector >= 0) k += " \xC2\xB7 " + std::string(kSectorNames[info.sector]);
    return k;
}

std::string format_lever_value(const LeverDef& d, double v) {
    char buf[48];
    if (d.unit.rfind("$bn", 0) == 0) std::snprintf(buf, sizeof buf, "$%.0fbn/yr", v);
    else if (d.unit.rfind("$M", 0) == 0) std::snprintf(buf, sizeof buf, "$%.0fM/yr", v);
    else std::snprintf(buf, sizeof buf, "%.0f%%", v);
    return buf;
}

void clamp_policy(Policy& p) {
    for (int slot = 0; slot < kSlotCount; ++slot) {
        const LeverDef& d = lever_def(slot_info(slot).lever);
        if (!std::isfinite(p[slot])) p[slot] = d.neutral;
        p[slot] = std::clamp(p[slot], d.min, d.max);
    }
}

}  // namespace tl
