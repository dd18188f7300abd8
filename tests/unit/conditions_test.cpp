// The one condition evaluator shared by mechanism checks and guide goals
// (core/conditions.h), on hand-made series so every rule is visible.
#include <doctest/doctest.h>

#include <memory>

#include "core/conditions.h"
#include "core/goal_text.h"

using namespace tl;

namespace {
// A run of `n` years whose tech lead for the US is `values`.
std::unique_ptr<Results> series(std::initializer_list<double> values) {
    auto r = std::make_unique<Results>();
    r->years = static_cast<int>(values.size());
    int y = 0;
    for (double v : values) r->ind[static_cast<int>(Indicator::TechLead)][idx(Bloc::US)][y++] = v;
    return r;
}
Condition lead(YearSpan span, int from, int to, Comparison cmp, double target, Measure m = Measure::Value) {
    Condition c;
    c.indicator = Indicator::TechLead;
    c.span = span;
    c.year_from = from;
    c.year_to = to;
    c.compare = cmp;
    c.target = target;
    c.measure = m;
    return c;
}
}  // namespace

TEST_CASE("conditions: comparisons, spans and the deciding year") {
    auto run = series({10, 12, 9, 15});  // 2024..2027
    auto every = evaluate_condition(lead(YearSpan::EveryYear, 2024, 2027, Comparison::AtLeast, 10), Bloc::US, *run, nullptr);
    CHECK_FALSE(every.met);
    CHECK(every.year == 2026);  // the worst year decides
    CHECK(every.value == 9);
    auto some = evaluate_condition(lead(YearSpan::SomeYear, 2024, 2027, Comparison::Above, 14), Bloc::US, *run, nullptr);
    CHECK(some.met);
    CHECK(some.year == 2027);  // the best year decides
    auto single = evaluate_condition(lead(YearSpan::Single, 2025, 2025, Comparison::Below, 12), Bloc::US, *run, nullptr);
    CHECK_FALSE(single.met);  // 12 is not below 12
    CHECK(evaluate_condition(lead(YearSpan::Single, 2025, 2025, Comparison::AtMost, 12), Bloc::US, *run, nullptr).met);
    CHECK(evaluate_condition(lead(YearSpan::Single, 2028, 2028, Comparison::AtMost, 12), Bloc::US, *run, nullptr)
              .unevaluable == Unevaluable::BeyondRun);
}

TEST_CASE("conditions: change and ratio against a reference run") {
    auto run = series({10, 12, 14});
    auto ref = series({10, 10, 0});
    auto change = evaluate_condition(lead(YearSpan::Single, 2025, 2025, Comparison::AtLeast, 2, Measure::ChangeVsBaseline),
                                     Bloc::US, *run, ref.get());
    CHECK(change.met);
    CHECK(change.measured == 2);
    CHECK(change.target_value == 12);
    auto ratio = evaluate_condition(lead(YearSpan::Single, 2025, 2025, Comparison::AtLeast, 1.3, Measure::RatioVsBaseline),
                                    Bloc::US, *run, ref.get());
    CHECK_FALSE(ratio.met);
    CHECK(ratio.measured == doctest::Approx(1.2));
    CHECK(evaluate_condition(lead(YearSpan::Single, 2026, 2026, Comparison::AtLeast, 1, Measure::RatioVsBaseline),
                             Bloc::US, *run, ref.get())
              .unevaluable == Unevaluable::ZeroReference);
    CHECK(evaluate_condition(lead(YearSpan::Single, 2025, 2025, Comparison::AtLeast, 1, Measure::ChangeVsStart), Bloc::US,
                             *run, nullptr)
              .unevaluable == Unevaluable::NoReference);
}

TEST_CASE("conditions: trends (the checks' increasing and decreasing)") {
    auto rising = series({1, 2, 2, 3});
    auto c = lead(YearSpan::EveryYear, 2024, 2027, Comparison::Rising, 0);
    auto o = evaluate_condition(c, Bloc::US, *rising, nullptr);
    CHECK(o.met);
    CHECK(o.first == 1);
    CHECK(o.last == 3);
    auto dip = series({1, 2, 1.5, 3});
    CHECK_FALSE(evaluate_condition(c, Bloc::US, *dip, nullptr).met);  // one step back breaks it
    auto flat = series({2, 2, 2, 2});
    CHECK_FALSE(evaluate_condition(c, Bloc::US, *flat, nullptr).met);  // it must end above where it started
    c.compare = Comparison::Falling;
    CHECK(evaluate_condition(c, Bloc::US, *series({3, 2, 2, 1}), nullptr).met);
    CHECK(describe_condition(c, Bloc::US) == "Technology lead (chips, AI, quantum) every year from 2024 to 2027: falling");
}
