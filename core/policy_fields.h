// The lever values of every bloc as one JSON field, keyed by bloc and lever:
//   {"US": {"export_controls.semis": 80}, "EU": {"market_access": 55}}
// The one reader and writer of that shape, for presets (assets/presets.json
// "blocs") and scenario files ("levers"). Reading sets the values given
// (ranges are the caller's to check, with its own message); writing lists
// the values that differ from `base`, or all of them without one.
#pragma once
#include <array>

#include "core/json_archive.h"
#include "core/levers.h"

namespace tl {

struct PolicyFields {
    using json_in_place = void;
    std::array<Policy, kBlocCount>& policy;
    const std::array<Policy, kBlocCount>* base = nullptr;
};

void CEREAL_LOAD_FUNCTION_NAME(json::ReadArchive& ar, PolicyFields& field);
void CEREAL_SAVE_FUNCTION_NAME(json::WriteArchive& ar, const PolicyFields& field);

}  // namespace tl
