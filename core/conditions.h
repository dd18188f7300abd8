// Conditions on a model run: the one vocabulary in which mechanism checks
// (assets/checks.json, core/checks.cpp) and guide goals (core/goals.cpp) state
// what a run must show. A condition names what is measured (an indicator, or
// a sector metric and its sector) for a bloc over one year or a range of
// years, how it is measured (its value, or its change or ratio against a
// reference run), and the comparison it must pass.
//
// Parsing is each format's own business (guides and checks keep their JSON
// formats), evaluation is here (evaluate_condition), and the English text a
// participant reads is in core/goal_text.cpp: parse, evaluate and describe are
// separate, as SDEverywhere separates its check parser, runner and report.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/outcomes.h"
#include "core/types.h"

namespace tl {

// AtLeast..Below compare each year's measure with the target; Rising and
// Falling ask that the measure never moves the other way from one year to the
// next and ends beyond where it started (checks' "increasing"/"decreasing").
enum class Comparison : int { AtLeast, AtMost, Above, Below, Rising, Falling };
// The ids of the four comparisons a guide may use (guides' "compare").
inline constexpr std::array<std::string_view, 4> kComparisonIds{">=", "<=", ">", "<"};

// What is compared with the target. "Start" is a guide step's starting point:
// the scenario as it stood when the step began (after the step's "set"); the
// baseline is the reference run (a guide's preset with the same seat, horizon
// and reactions; a check's "against").
enum class Measure : int { Value, ChangeVsBaseline, RatioVsBaseline, ChangeVsStart, RatioVsStart };
inline constexpr std::array<std::string_view, 5> kMeasureIds{"value", "change_vs_baseline", "ratio_vs_baseline",
                                                             "change_vs_start", "ratio_vs_start"};

// Which years must satisfy the comparison: one year, every year of a range,
// or at least one year of a range ("by 2030").
enum class YearSpan : int { Single, EveryYear, SomeYear };

struct Condition {
    // Exactly one of the two: an indicator (kIndicators), or a sector metric with its sector.
    std::optional<Indicator> indicator;
    std::optional<SectorMetric> sector_metric;
    Sector sector = Sector::Semis;      // used with sector_metric only
    std::optional<Bloc> bloc;           // whose value; default: the guide's seat
    YearSpan span = YearSpan::Single;
    int year_from = kDefaultHorizon;    // == year_to for YearSpan::Single
    int year_to = kDefaultHorizon;
    Measure measure = Measure::Value;
    Comparison compare = Comparison::AtLeast;
    double target = 0.0;
    std::string label;                  // optional short name for the progress text; default: the indicator's name

    bool operator==(const Condition&) const = default;
};

inline constexpr bool is_ratio(Measure m) { return m == Measure::RatioVsBaseline || m == Measure::RatioVsStart; }
inline constexpr bool is_change(Measure m) { return m == Measure::ChangeVsBaseline || m == Measure::ChangeVsStart; }
inline constexpr bool uses_start(Measure m) { return m == Measure::ChangeVsStart || m == Measure::RatioVsStart; }
inline constexpr bool is_trend(Comparison c) { return c == Comparison::Rising || c == Comparison::Falling; }
inline constexpr bool wants_high(Comparison c) {
    return c == Comparison::AtLeast || c == Comparison::Above || c == Comparison::Rising;
}

// The measured quantity itself in run `r` for bloc `b` at year index `y`.
double metric_at(const Condition& c, const Results& r, Bloc b, int y);

enum class Unevaluable { No, NoMetric, NoReference, BeyondRun, ZeroReference };

struct ConditionOutcome {
    Unevaluable unevaluable = Unevaluable::No;
    bool met = false;
    int year = 0;               // the deciding year: the worst for a single or every year, the best for some year
    double measured = 0.0;      // in the condition's measure (value, change or ratio) at `year`
    double value = 0.0;         // the quantity itself at `year`
    double reference = 0.0;     // the reference run's value at `year` (0 for Measure::Value)
    double target_value = 0.0;  // the target translated to the quantity's unit at `year`
    double first = 0.0, last = 0.0;  // the measure in the first and the last year evaluated
    bool evaluable() const { return unevaluable == Unevaluable::No; }
};

// Evaluates `c` for `bloc` on `run`; `reference` is the run the measure
// compares with (unused for Measure::Value; without it a change or ratio is
// not evaluable).
ConditionOutcome evaluate_condition(const Condition& c, Bloc bloc, const Results& run, const Results* reference);

}  // namespace tl
