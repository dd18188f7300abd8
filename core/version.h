// The model version. Bump it whenever a change to the dynamics, parameters or
// presets moves any preset's results, and record a new snapshot
// (assets/snapshots/) so that trainers are told their baseline changed.
#pragma once
namespace tl {
inline constexpr int kModelVersion = 2;
inline constexpr int kScenarioFormatVersion = 1;
}  // namespace tl
