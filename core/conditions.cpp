#include "core/conditions.h"

#include <cmath>

namespace tl {

namespace {
bool passes(Comparison cmp, double v, double t) {
    switch (cmp) {
        case Comparison::AtLeast: return v >= t;
        case Comparison::AtMost: return v <= t;
        case Comparison::Above: return v > t;
        case Comparison::Below: return v < t;
        case Comparison::Rising:
        case Comparison::Falling: return true;  // judged year to year, below
    }
    return false;
}
}  // namespace

double metric_at(const Condition& c, const Results& r, Bloc b, int y) {
    if (c.indicator) return r.ind[static_cast<int>(*c.indicator)][idx(b)][y];
    return r.sector[static_cast<int>(*c.sector_metric)][idx(b)][idx(c.sector)][y];
}

ConditionOutcome evaluate_condition(const Condition& c, Bloc bloc, const Results& r, const Results* reference) {
    ConditionOutcome out;
    const Results* ref = c.measure == Measure::Value ? nullptr : reference;
    if (!c.indicator && !c.sector_metric) {
        out.unevaluable = Unevaluable::NoMetric;
        return out;
    }
    if (c.measure != Measure::Value && !ref) {
        out.unevaluable = Unevaluable::NoReference;
        return out;
    }
    if (c.year_from < kBaseYear || c.year_to >= kBaseYear + r.years || c.year_from > c.year_to ||
        (ref && c.year_to >= kBaseYear + ref->years)) {
        out.unevaluable = Unevaluable::BeyondRun;
        return out;
    }
    // Evaluate each year; keep the deciding one: the worst margin for a
    // single year or every year, the best for some year.
    // (Trends: a year's margin is its step in the wanted direction.)
    constexpr double kTrendSlack = 1e-9;  // a flat step within rounding does not break a trend
    bool any_met = false, all_met = true, have = false, zero_ref = false, have_prev = false;
    double best_margin = 0, prev = 0;
    for (int year = c.year_from; year <= c.year_to; ++year) {
        int y = year - kBaseYear;
        double v = metric_at(c, r, bloc, y);
        double base = ref ? metric_at(c, *ref, bloc, y) : 0.0;
        double measured = v, target_value = c.target;
        if (is_ratio(c.measure)) {
            if (std::fabs(base) < 1e-9) {
                zero_ref = true;
                all_met = false;
                continue;
            }
            measured = v / base;
            target_value = c.target * base;
        } else if (is_change(c.measure)) {
            measured = v - base;
            target_value = base + c.target;
        }
        bool ok;
        double margin;  // in the condition's measure, positive when met
        if (is_trend(c.compare)) {
            double step = !have_prev ? 0.0 : c.compare == Comparison::Rising ? measured - prev : prev - measured;
            ok = !have_prev || step >= -kTrendSlack;
            margin = step;
        } else {
            ok = passes(c.compare, measured, c.target);
            margin = wants_high(c.compare) ? measured - c.target : c.target - measured;
        }
        if (!have_prev) out.first = measured;
        out.last = measured;
        prev = measured;
        have_prev = true;
        any_met |= ok;
        all_met &= ok;
        bool pick = !have || (c.span == YearSpan::SomeYear ? margin > best_margin : margin < best_margin);
        if (pick) {
            have = true;
            best_margin = margin;
            out.year = year;
            out.measured = measured;
            out.value = v;
            out.target_value = target_value;
            out.reference = base;
        }
    }
    if (!have) {
        out.unevaluable = zero_ref ? Unevaluable::ZeroReference : Unevaluable::BeyondRun;
        return out;
    }
    out.met = c.span == YearSpan::SomeYear ? any_met : all_met;
    if (c.compare == Comparison::Rising) out.met = out.met && out.last > out.first;
    if (c.compare == Comparison::Falling) out.met = out.met && out.last < out.first;
    return out;
}

}  // namespace tl
