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

// The lever list, declared once: the enum, the ids, the count, which levers
// are per sector and the slots all derive from it. The order is the slot
// order, and share codes refer to slots by index (core/share_link.h): a new
// lever appended at the end keeps old codes meaning what they meant; one
// inserted anywhere else (or a change of a lever's per-sector flag) shifts
// the slots after it and needs a new share format version (core/README.md,
// "Add a lever").
//   X(enum name, id in files and links, one value per sector?)
#define TL_LEVERS(X)                                   \
    /* Protect */                                      \
    X(ExportControls, "export_controls", true)         \
    X(ControlBreadth, "control_breadth", false)        \
    X(Enforcement, "enforcement", false)               \
    X(InboundScreening, "inbound_screening", false)    \
    X(OutboundScreening, "outbound_screening", false)  \
    X(Tariffs, "tariffs", true)                        \
    X(DataLocalization, "data_localization", false)    \
    /* Promote */                                      \
    X(Subsidies, "subsidies", true)                    \
    X(DomesticContent, "domestic_content", false)      \
    X(EnergyEnablers, "energy_enablers", false)        \
    X(TalentOpenness, "talent_openness", false)        \
    /* Partner */                                      \
    X(MarketAccess, "market_access", false)            \
    X(AllianceCoordination, "alliance_coordination", false) \
    X(StandardsParticipation, "standards_participation", false) \
    X(StandardsOpenness, "standards_openness", false)  \
    X(InfrastructureFinance, "infrastructure_finance", false) \
    X(DataFlowOpenness, "data_flow_openness", false)   \
    X(PrivacyProtection, "privacy_protection", false)

enum class LeverId : int {
#define TL_LEVER_ENUM(name, id, per_sector) name,
    TL_LEVERS(TL_LEVER_ENUM)
#undef TL_LEVER_ENUM
};

inline constexpr std::array kLeverIds{
#define TL_LEVER_ID(name, id, per_sector) std::string_view(id),
    TL_LEVERS(TL_LEVER_ID)
#undef TL_LEVER_ID
};
inline constexpr int kLeverCount = static_cast<int>(kLeverIds.size());

inline constexpr std::array<bool, kLeverCount> kLeverPerSector{
#define TL_LEVER_PER_SECTOR(name, id, per_sector) per_sector,
    TL_LEVERS(TL_LEVER_PER_SECTOR)
#undef TL_LEVER_PER_SECTOR
};

inline constexpr bool lever_is_per_sector(LeverId l) { return kLeverPerSector[static_cast<int>(l)]; }

inline constexpr int kPerSectorLeverCount = [] {
    int n = 0;
    for (bool per_sector : kLeverPerSector) n += per_sector;
    return n;
}();

// A policy is one value per "slot": a scalar lever takes one slot, a
// per-sector lever one slot per sector. Values are in the lever's user unit.
inline constexpr int kSlotCount = kLeverCount + kPerSectorLeverCount * (kSectorCount - 1);

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
