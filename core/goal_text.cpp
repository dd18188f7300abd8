// Index:
//   [SECTION] Numbers and units
//   [SECTION] What a condition asks
//   [SECTION] How an evaluated condition stands
#include "core/goal_text.h"

#include <cmath>
#include <cstdio>

namespace tl {

// ---------------------------------------------------------------------------
// [SECTION] Numbers and units
// ---------------------------------------------------------------------------

std::string fmt_number(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s.erase(0, 1);  // no "-0"
    return s;
}

std::string fmt_plain(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

namespace {
std::string fmt_signed(double v, int decimals) {
    std::string s = fmt_number(v, decimals);
    if (s[0] != '-' && s.find_first_not_of("0.") != std::string::npos) s = "+" + s;
    return s;
}
}  // namespace

namespace {
constexpr std::array<std::string_view, kSectorMetricCount> kSectorMetricLabels{"capability", "market share",
                                                                               "dependence on the rival",
                                                                               "standards influence"};
constexpr std::array<std::string_view, kSectorMetricCount> kSectorMetricUnits{"0-100", "%", "%", "%"};
}  // namespace

MetricDef metric_def(const Condition& c) {
    if (c.indicator) {
        const auto& d = indicator_def(*c.indicator);
        return {std::string(d.name), std::string(d.unit), d.decimals};
    }
    int m = c.sector_metric ? static_cast<int>(*c.sector_metric) : 0;
    return {std::string(kSectorNames[idx(c.sector)]) + ": " + std::string(kSectorMetricLabels[m]),
            std::string(kSectorMetricUnits[m]), 1};
}

// "38%", "0.12% of GDP", "$85bn/yr", "62", "16.2 pts"
std::string fmt_value(const MetricDef& d, double v, bool sign) {
    std::string n = sign ? fmt_signed(v, d.decimals) : fmt_number(v, d.decimals);
    if (d.unit == "%" || d.unit.rfind("% ", 0) == 0) return n + d.unit;
    if (d.unit == "$bn/yr") {
        if (n[0] == '-' || n[0] == '+') return n.substr(0, 1) + "$" + n.substr(1) + "bn/yr";
        return "$" + n + "bn/yr";
    }
    if (d.unit == "index pts") return n + " pts";
    return n;  // "0-100", "index": the name says enough
}

// ---------------------------------------------------------------------------
// [SECTION] What a condition asks
// ---------------------------------------------------------------------------

std::string_view comparison_words(Comparison cmp) {
    switch (cmp) {
        case Comparison::AtLeast: return "at least";
        case Comparison::AtMost: return "at most";
        case Comparison::Above: return "above";
        case Comparison::Below: return "below";
        case Comparison::Rising: return "rising";
        case Comparison::Falling: return "falling";
    }
    return "";
}

namespace {
std::string_view reference_words(Measure m) {
    return uses_start(m) ? "the step's start" : "the baseline";
}

}  // namespace

std::string years_words(const Condition& c) {
    switch (c.span) {
        case YearSpan::Single: return "in " + std::to_string(c.year_from);
        case YearSpan::EveryYear:
            return "every year from " + std::to_string(c.year_from) + " to " + std::to_string(c.year_to);
        case YearSpan::SomeYear:
            return "in some year from " + std::to_string(c.year_from) + " to " + std::to_string(c.year_to);
    }
    return "";
}

namespace {
// Enough decimals to show a target as written (21.5 stays 21.5 for a 0-decimal indicator).
int decimals_for(double t, int base) {
    for (int k = base; k < 3; ++k) {
        double scaled = t * std::pow(10.0, k);
        if (std::fabs(scaled - std::round(scaled)) < 1e-6) return k;
    }
    return 3;
}
}  // namespace

std::string target_words(const Condition& c, const MetricDef& d) {
    std::string cmp(comparison_words(c.compare));
    if (is_trend(c.compare)) return cmp;  // no target: the direction is the claim
    if (is_ratio(c.measure))
        return cmp + " " + fmt_number(c.target, decimals_for(c.target, 0)) + " times " +
               std::string(reference_words(c.measure));
    MetricDef precise = d;
    precise.decimals = decimals_for(c.target, d.decimals);
    if (is_change(c.measure))
        return cmp + " " + fmt_value(precise, c.target, true) + " vs " + std::string(reference_words(c.measure));
    return cmp + " " + fmt_value(precise, c.target);
}

std::string condition_label(const Condition& c, Bloc seat) {
    std::string label = c.label.empty() ? metric_def(c).name : c.label;
    if (c.bloc && *c.bloc != seat) label += " (" + std::string(kBlocShortNames[idx(*c.bloc)]) + ")";
    return label;
}

std::string describe_condition(const Condition& c, Bloc seat) {
    return condition_label(c, seat) + " " + years_words(c) + ": " + target_words(c, metric_def(c));
}

// ---------------------------------------------------------------------------
// [SECTION] How an evaluated condition stands
// ---------------------------------------------------------------------------

OutcomeText describe_outcome(const Condition& c, Bloc seat, const ConditionOutcome& o, int run_years) {
    OutcomeText out;
    const MetricDef d = metric_def(c);
    const std::string label = condition_label(c, seat);
    if (!o.evaluable()) {
        std::string why;
        switch (o.unevaluable) {
            case Unevaluable::NoMetric: why = "no indicator given"; break;
            case Unevaluable::NoReference: why = "the step's starting point is not known"; break;
            case Unevaluable::ZeroReference: why = "the reference value is zero, so a ratio has no meaning"; break;
            case Unevaluable::BeyondRun:
            case Unevaluable::No:
                why = "beyond the years run (" + std::to_string(kBaseYear) + " to " +
                      std::to_string(kBaseYear + run_years - 1) + ")";
                break;
        }
        out.text = label + " " + years_words(c) + ": " + why + " (target: " + target_words(c, d) + ")";
        out.short_text = label + ": " + why;
        return out;
    }
    std::string where = c.span == YearSpan::Single ? " in " + std::to_string(o.year) : ", " + years_words(c);
    // Values as precise as the target, so "70.47 vs at least 70.5" does not read "70 vs 70.5".
    MetricDef shown = d;
    if (c.measure == Measure::Value) {
        shown.decimals = decimals_for(c.target, d.decimals);
        // A value just short of its target shows the decimal that says so:
        // "60.6" against at least 61 (not "61", beside a dot saying not met).
        while (!o.met && shown.decimals < 3 && fmt_value(shown, o.value) == fmt_value(shown, c.target)) ++shown.decimals;
    }
    std::string now = fmt_value(shown, o.value);
    if (c.span != YearSpan::Single) {
        std::string which = c.span == YearSpan::SomeYear ? "best" : (wants_high(c.compare) ? "lowest" : "highest");
        now = which + " " + now + " in " + std::to_string(o.year);
    }
    std::string ref_words(reference_words(c.measure));
    if (is_ratio(c.measure)) {
        std::string ref_value = fmt_value(d, o.reference);
        now += " (" + fmt_number(o.measured, 2) + " times " +
               (uses_start(c.measure) ? "the " + ref_value + " at the step's start" : "the baseline's " + ref_value) + ")";
    } else if (is_change(c.measure))
        now += " (" + fmt_value(d, o.measured, true) + " vs " + ref_words + ")";
    std::string target = "target: " + target_words(c, d);
    if (c.measure != Measure::Value)
        target += c.span == YearSpan::Single
                      ? ", i.e. " + fmt_value(d, o.target_value)
                      : ", i.e. " + fmt_value(d, o.target_value) + " in " + std::to_string(o.year);
    out.text = label + where + ": " + now + "; " + target;
    std::string years = c.span == YearSpan::Single     ? std::to_string(c.year_from)
                        : c.span == YearSpan::SomeYear ? "by " + std::to_string(c.year_to)
                                                       : std::to_string(c.year_from) + "-" + std::to_string(c.year_to);
    std::string short_now = fmt_value(shown, o.value);
    if (c.span != YearSpan::Single) short_now += " in " + std::to_string(o.year);
    MetricDef precise = d;
    if (c.measure == Measure::Value) precise.decimals = decimals_for(c.target, d.decimals);
    out.short_text = label + " " + years + ": " + short_now + " (target: " + std::string(comparison_words(c.compare)) +
                     " " + fmt_value(precise, o.target_value) + ")";
    return out;
}

}  // namespace tl
