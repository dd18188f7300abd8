// Reading and writing scenarios as JSON files: the format shared by the
// browser app ("Save", "Open") and trilemma-cli. Only values that differ
// from the preset are written, so files stay short and readable:
//
//   {"format": "trilemma-lab/scenario", "version": 2, "model_version": 2,
//    "name": "...", "notes": "...", "preset": "status_quo_2024", "seat": "US",
//    "horizon": 2035, "start_year": 2025, "reactions": true,
//    "levers": {"US": {"export_controls.semis": 80}},
//    "assumptions": {"base_leakage": 0.5}}
//
// Reading validates everything and reports the first problems with the
// field at fault; it never returns a half-read scenario.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario.h"

namespace tl {

inline constexpr std::size_t kMaxScenarioBytes = 256 * 1024;

struct ScenarioReadResult {
    bool ok = false;
    Scenario scenario;
    std::vector<std::string> errors;  // "levers.US.export_controls.semis: 140 is outside 0..100"
    std::vector<std::string> notices; // e.g. made with an older model version
    int model_version = 0;
};

std::string scenario_to_json(const Scenario& s, bool pretty = true);
ScenarioReadResult scenario_from_json(std::string_view text);

}  // namespace tl
