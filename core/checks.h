// Mechanism checks as data, in the manner of SDEverywhere's model checks:
// assets/checks.json lists, for each mechanism of MODEL.md, a scenario (a
// preset plus lever overrides), an optional scenario to compare against, a
// predicate on an indicator over a range of years, and the source.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/parameters.h"

namespace tl {

struct CheckResult {
    std::string id, mechanism, source;
    bool passed = false;
    std::string detail;  // the values seen, for a failing check's message
};

// Runs every check in the embedded assets/checks.json (or in `text`).
std::vector<CheckResult> run_checks();
std::vector<CheckResult> run_checks(std::string_view checks_json);
// The same with every scenario's assumptions set to `assumptions` (model v2:
// each check must also pass with all assumptions at their low or high ends).
std::vector<CheckResult> run_checks(std::string_view checks_json, const AssumptionPositions& assumptions);

}  // namespace tl
