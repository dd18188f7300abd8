// The English words of conditions: what a goal asks ("Rival access leakage
// in 2030: at most 0.5 times the baseline") and how an evaluated condition
// stands ("... 38% (0.83 times the baseline's 46%); target: ..."). The
// evaluation itself is core/conditions.cpp; the goals that use both are
// core/goals.cpp.
#pragma once
#include <string>
#include <string_view>

#include "core/conditions.h"

namespace tl {

// How a quantity is shown: its name, unit and decimals.
struct MetricDef {
    std::string name, unit;
    int decimals;
};
MetricDef metric_def(const Condition& c);

std::string fmt_number(double v, int decimals);         // "12.5", never "-0"
std::string fmt_plain(double v);                        // "%g"
std::string fmt_value(const MetricDef& d, double v, bool sign = false);  // "38%", "$85bn/yr", "16.2 pts"
std::string_view comparison_words(Comparison cmp);      // "at least"
std::string years_words(const Condition& c);            // "every year from 2025 to 2035"
std::string target_words(const Condition& c, const MetricDef& d);  // "at most 0.5 times the baseline"

// "Rival access leakage", "Semiconductors: capability (China)" (the bloc when it is not the seat).
std::string condition_label(const Condition& c, Bloc seat);
// "Rival access leakage in 2030: at most 0.5 times the baseline".
std::string describe_condition(const Condition& c, Bloc seat);

// The status lines of an evaluated condition: `text` in full, `short_text`
// for narrow screens. `run_years` is the number of years in the run (for
// "beyond the years run").
struct OutcomeText {
    std::string text, short_text;
};
OutcomeText describe_outcome(const Condition& c, Bloc seat, const ConditionOutcome& o, int run_years);

}  // namespace tl
