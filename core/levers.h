// Policy levers: the instruments of the three pillars of the economic-security
// trilemma (001:L34-L36, MODEL.md). Every bloc has the same lever set. The
// enum below is what mechanisms refer to; names, units, ranges, meanings and
// sources are data in assets/levers.json so analysts can read and change them.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace tl {

enum class LeverId : int {
    // Protect
    ExportControls,     // per sector
    ControlBreadth,
    Enforcement,
    InboundScreening,
    OutboundScreening,
    Tariffs,            // per sector
    DataLocalization,
    // Promote
    Subsidies,          // per sector
    DomesticContent,
    EnergyEnablers,
    TalentOpenness,
    // Partner
    MarketAccess,
    AllianceCoordination,
    StandardsParticipation,
    StandardsOpenness,
    InfrastructureFinance,
    DataFlowOpenness,
    PrivacyProtection,
};
inline constexpr int kLeverCount = 18;

inline constexpr std::array<std::string_view, kLeverCount> kLeverIds{
    "export_controls",   "control_breadth",  "enforcement",          "inbound_screening",
    "outbound_screening", "tariffs",         "data_localization",    "subsidies",
    "domestic_content",  "energy_enablers",  "talent_openness",      "market_access",
    "alliance_coordination", "standards_participation", "standards_openness",
    "infrastructure_finance", "data_flow_openness", "privacy_protection"};

inline constexpr bool lever_is_per_sector(LeverId l) {
    return l == LeverId::ExportControls || l == LeverId::Tariffs || l == LeverId::Subsidies;
}

// A policy is one value per "slot": a scalar lever takes one slot, a
// per-sector lever one slot per sector. Values are in the lever's user unit.
inline constexpr int kSlotCount = kLeverCount + 3 * (kSectorCount - 1);

inline constexpr int lever_first_slot(LeverId lever) {
    int slot = 0;
    for (int l = 0; l < static_cast<int>(lever); ++l)
        slot += lever_is_per_sector(static_cast<LeverId>(l)) ? kSectorCount : 1;
    return slot;
}
inline constexpr int slot_of(LeverId lever, Sector s = Sector::Semis) {
    return lever_first_slot(lever) + (lever_is_per_sector(lever) ? idx(s) : 0);
}

struct SlotInfo {
    LeverId lever;
    int sector;  // -1 for a scalar lever
};
SlotInfo slot_info(int slot);

struct LeverDef {
    LeverId id;
    std::string key;      // "export_controls"
    std::string name;     // "Export controls"
    std::string unit;     // "% of advanced items"
    Pillar pillar;
    bool per_sector;
    double min, max, step;
    double neutral;       // the value that means "no policy" (used by the frontier's samples, reset targets)
    std::string meaning;  // a paragraph a workshop can read
    std::string source;   // "001:L81; 001:L102"
};

// The lever table, loaded once from the embedded assets/levers.json.
const std::vector<LeverDef>& lever_defs();
const LeverDef& lever_def(LeverId id);

// "export_controls.semis" or "enforcement" -> slot; nullopt if unknown.
std::optional<int> parse_slot(std::string_view key);
std::string slot_key(int slot);                  // inverse of parse_slot
std::string slot_label(int slot);                // "Export controls · Semiconductors"

// A lever value as people read it, in the lever's unit: "80%", "$45bn/yr", "$800M/yr".
std::string format_lever_value(const LeverDef& d, double v);

using Policy = std::array<double, kSlotCount>;

// Clamp every value into its lever's range (and replace NaN by the neutral value).
void clamp_policy(Policy& p);

}  // namespace tl
