#include "core/levers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <cereal/types/vector.hpp>

#include "core/assets.h"
#include "core/json_archive.h"

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

// assets/levers.json: {"levers": [{"id": ..., "name": ..., ...}, ...]}, in any order.
template <class Archive>
void serialize(Archive& ar, LeverDef& d) {
    ar(cereal::make_nvp("id", json::as_id(kLeverIds, d.id, "lever")), cereal::make_nvp("name", d.name),
       cereal::make_nvp("unit", d.unit), cereal::make_nvp("pillar", json::as_id(kPillarIds, d.pillar, "pillar")),
       cereal::make_nvp("min", d.min), cereal::make_nvp("max", d.max), cereal::make_nvp("step", d.step),
       cereal::make_nvp("neutral", d.neutral), cereal::make_nvp("meaning", d.meaning),
       cereal::make_nvp("source", d.source));
}

namespace {
std::vector<LeverDef> load_lever_defs() {
    const std::string where = "assets/levers.json";
    std::vector<LeverDef> defs(kLeverCount);
    std::vector<bool> seen(kLeverCount, false);
    for (LeverDef& d : json::read_table_list<LeverDef>(embedded_asset("levers.json"), where, "levers")) {
        int i = static_cast<int>(d.id);
        d.key = std::string(kLeverIds[i]);
        d.per_sector = lever_is_per_sector(d.id);
        std::string at = where + " lever \"" + d.key + "\"";
        if (seen[i]) throw json::Error(at + ": defined twice");
        seen[i] = true;
        if (!(d.min < d.max) || d.neutral < d.min || d.neutral > d.max || d.step <= 0)
            throw json::Error(at + ": needs min < max, min <= neutral <= max and step > 0");
        if (d.source.empty()) throw json::Error(at + ".source: every lever needs a source");
        defs[i] = std::move(d);
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
