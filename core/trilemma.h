// A trilemma is three objectives computed from a run, drawn as a triangle
// (MODEL.md "More than one trilemma"). Two ship: the economic-security
// trilemma Protect / Promote / Partner (001:L36) and the data-governance
// triangle privacy / business / security (004:L2101-L2123).
#pragma once
#include <array>
#include <string_view>

#include "core/outcomes.h"
#include "core/scenario.h"

namespace tl {

enum class TrilemmaId : int { EconomicSecurity, DataGovernance };
inline constexpr int kTrilemmaCount = 2;

struct TrilemmaDef {
    TrilemmaId id;
    std::string_view key, name;
    std::array<std::string_view, 3> corners;
    std::array<std::string_view, 3> corner_meanings;
    std::string_view source;
};
const TrilemmaDef& trilemma_def(TrilemmaId id);

using TrilemmaScores = std::array<double, 3>;  // each 0..100

// The three objectives for a bloc at a year index of a run of `s`.
TrilemmaScores trilemma_scores(TrilemmaId id, const Scenario& s, const Results& r, Bloc bloc, int year_index);

}  // namespace tl
