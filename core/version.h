// The model version. Bump it whenever a change to the dynamics, parameters or
// presets moves any preset's results, and record a new snapshot
// (assets/snapshots/) so that trainers are told their baseline changed.
#pragma once
namespace tl {
inline constexpr int kModelVersion = 6;
// Scenario files: 2 stores the start year (format 1 files open with the default).
inline constexpr int kScenarioFormatVersion = 2;
}  // namespace tl
