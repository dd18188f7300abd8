// A scenario: what a user explores and shares. The seat (the bloc played),
// every bloc's lever values, the assumption settings, horizon and reactions,
// with the preset it started from (its baseline). Presets are data in
// assets/presets.json, each grounded in the sources.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/levers.h"
#include "core/model.h"
#include "core/outcomes.h"
#include "core/parameters.h"

namespace tl {

struct Scenario {
    std::string name;
    std::string notes;
    std::string preset = "status_quo_2024";
    Bloc seat = Bloc::US;
    int horizon = kDefaultHorizon;
    bool reactions = true;
    // The year lever changes start to act (model v2), kBaseYear + 1..horizon.
    // Files and links made before it was stored open with the default.
    int start_year = kDefaultStartYear;
    std::array<Policy, kBlocCount> policy{};
    AssumptionPositions assumptions{};  // 0 = central values

    bool operator==(const Scenario&) const = default;
};

struct Preset {
    std::string id, name, description, sources;
    std::array<Policy, kBlocCount> policy{};
};

// The preset registry, loaded once from the embedded assets/presets.json.
const std::vector<Preset>& presets();
const Preset* find_preset(std::string_view id);
// The scenario's preset when it is not the status quo (presets().front(),
// the yardstick the story and the scores measure from), else nullptr.
const Preset* preset_beyond_status_quo(const Scenario& s);
// The name someone gave the scenario: empty while it is its preset's own
// (a new scenario carries its preset's name).
std::string_view own_name(const Scenario& s);

Scenario scenario_from_preset(const Preset& preset, Bloc seat = Bloc::US);

// The baseline a scenario is measured against: its preset's policies with the
// same seat, horizon and reactions. With default_assumptions the assumptions
// are reset too (the "default baseline" of the charts).
Scenario baseline_of(const Scenario& s, bool default_assumptions = false);

RunInput run_input(const Scenario& s);
Results run(const Scenario& s);

// Sets one lever from text: "US.export_controls.semis" or, for the seat,
// "export_controls.semis". Returns an error message, or empty on success.
std::string apply_setting(Scenario& s, std::string_view key, double value);

// Sets the year lever changes start to act (kBaseYear + 1 up to the
// scenario's horizon). Returns an error message naming the field, or empty
// on success (the scenario is unchanged on error). The setter of the app's
// control and of the CLI's --start-year.
std::string set_start_year(Scenario& s, int year);

// Everything that makes a scenario invalid, as messages naming the field;
// empty when it is valid (levers in range, horizon in range, known preset).
std::vector<std::string> validate(const Scenario& s);

}  // namespace tl
