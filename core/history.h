// The policies actually enacted from 2015 to 2024 (issue 14), read from the
// embedded assets/history/policy_timeline.json (rows cited in docs/history.md
// and checked against the seeds by tools/check_history.py). The backcast in
// model.cpp replays them year by year from kFirstYear to the base year.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "core/levers.h"
#include "core/outcomes.h"

namespace tl {

// One lever change of one policy: the bloc's slot moves from `from` to `to`
// in `year` (a row without a month counts from the start of its year, and the
// model steps by whole years).
struct TimelineChange {
    std::string policy_id;
    int year = 0;
    Bloc bloc = Bloc::US;
    int slot = 0;
    double from = 0, to = 0;
};

// In date order, as in the file; loaded once. Throws json::Error naming the
// row at fault when the file is malformed.
const std::vector<TimelineChange>& policy_timeline();

// The policies in force in `year` (kFirstYear..kBaseYear): the 2024 policies
// with every change dated after `year` undone (the chains end exactly on the
// status quo 2024 preset, which tools/check_history.py enforces). Slots that
// no row touches keep their 2024 value (an assumption: the seeds date no
// change for them).
void policies_in_year(const std::array<Policy, kBlocCount>& policies_2024, int year,
                      std::array<Policy, kBlocCount>& out);


// One observed row of assets/history/reference_data.json against the model's
// backcast (the status quo run with its history). Rows the model cannot
// reproduce are listed with the reason (`matched` false), never dropped.
struct ObservedComparison {
    std::string id, series, unit, period;  // period as the file gives it ("2019", "2023-01..2023-04")
    int year = 0;                          // the model year compared (the period's first year)
    std::string comparison;                // equal, upper_bound, lower_bound
    double observed = 0;
    std::string tolerance;                 // in words: "±50%", "±2", "within a factor of 3.2"
    bool matched = false;
    std::string indicator_key, bloc_id;    // the model's series (when matched)
    double model = 0;                      // the model's value, in the row's unit and period
    bool within = false;                   // within the tolerance (when matched)
    std::string reason;                    // why a row is not matched
};

// An observed value the model reproduces, as a yearly value in its
// indicator's unit (a flow observed over part of a year is scaled to the
// year), for charts to draw beside the model's line.
struct ObservedPoint {
    Indicator indicator;
    Bloc bloc;
    int year;
    double value;
    std::string note;  // "23.4 $bn per year (002:L14)", "≤ 50 deals in four months, 150 a year (002:L14)"
};
// Loaded once from the embedded reference data.
const std::vector<ObservedPoint>& observed_points();

// The flows whose backcast is the 2024 value scaled by the change of openness
// raised to one elasticity fitted to the observed falls (002:L14).
bool history_scaled_by_openness(Indicator ind);
// The first year of an indicator's history worth showing: kFirstYear, except
// for those flows, shown from their first observation. Before it the fitted
// elasticity is extrapolated: it gave $432bn of US venture investment into
// China in 2017, five times the 2021 peak the source reports (002:L14). The
// observations are the US's; every bloc's series starts there (the others
// rest on the same elasticity, with no observation of their own). The CLI's
// JSON output keeps every year, as the model computes it.
int history_first_year(Indicator ind);

// Every observed row, in file order. `status_quo` must hold the history
// (RunInput::history).
std::vector<ObservedComparison> compare_with_reference_data(const Results& status_quo);

}  // namespace tl
