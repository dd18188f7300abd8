// Model-version snapshots: every preset's indicators for every bloc and year,
// so that a model change never silently moves a trainer's baseline. The
// test suite compares the current model with the snapshot recorded for its
// version (assets/snapshots/model-vN.json); `trilemma-cli compare` reports
// which indicators moved between two snapshots.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace tl {

std::string snapshot_json();  // the current model, seat US, horizon 2035, reactions on

struct MovedSeries {
    std::string preset, bloc, indicator;
    double max_change;  // largest absolute change, signed
    int year;           // where it occurs
};
struct SnapshotComparison {
    std::string error;  // non-empty when a snapshot cannot be read
    int old_version = 0, new_version = 0;
    std::vector<MovedSeries> moved;  // series whose change exceeds the tolerance
};
SnapshotComparison compare_snapshots(std::string_view old_json, std::string_view new_json, double tolerance);

}  // namespace tl
