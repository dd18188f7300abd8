// Model-version snapshots: the current model must reproduce the snapshot
// recorded for its version, so that a trainer's baseline never moves
// silently. When a change to the dynamics, parameters or presets moves any
// result, bump kModelVersion and record a new snapshot.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/assets.h"
#include "core/scenario.h"
#include "core/snapshot.h"
#include "core/version.h"

using namespace tl;

namespace {
std::string snapshot_path(int version) { return "snapshots/model-v" + std::to_string(version) + ".json"; }
}  // namespace

TEST_CASE("the model reproduces the snapshot recorded for its version") {
    const std::string path = snapshot_path(kModelVersion);
    std::string_view recorded = embedded_asset(path);
    REQUIRE_MESSAGE(!recorded.empty(), "no snapshot recorded for model version ", kModelVersion,
                    ": run `trilemma-cli snapshot > assets/", path, "`");
    SnapshotComparison c = compare_snapshots(recorded, snapshot_json(), 1e-6);
    REQUIRE_MESSAGE(c.error.empty(), c.error);
    CHECK(c.old_version == kModelVersion);
    CHECK(c.new_version == kModelVersion);
    std::string moved;
    for (std::size_t k = 0; k < c.moved.size() && k < 12; ++k) {
        const auto& m = c.moved[k];
        moved += "\n  " + m.preset + " " + m.bloc + " " + m.indicator + ": max change " + std::to_string(m.max_change) +
                 " in " + std::to_string(m.year);
    }
    if (c.moved.size() > 12) moved += "\n  ... and " + std::to_string(c.moved.size() - 12) + " more";
    CHECK_MESSAGE(c.moved.empty(),
                  "the model's results changed: bump kModelVersion in core/version.h and record "
                  "assets/snapshots/model-vN.json (trilemma-cli snapshot > assets/snapshots/model-v",
                  kModelVersion + 1, ".json). ", c.moved.size(), " series moved:", moved);
}

TEST_CASE("compare_snapshots reports moved, new and removed series, and unreadable snapshots") {
    const std::string now = snapshot_json();
    SnapshotComparison same = compare_snapshots(now, now, 1e-6);
    CHECK(same.error.empty());
    CHECK(same.moved.empty());

    // Nudge the first value of the first series.
    std::string nudged = now;
    auto at = nudged.find("\"tech_lead\":[");
    REQUIRE(at != std::string::npos);
    nudged = nudged.substr(0, at + 13) + "1" + nudged.substr(at + 13);  // 20 -> 120
    SnapshotComparison moved = compare_snapshots(now, nudged, 1e-6);
    REQUIRE(moved.moved.size() == 1);
    CHECK(moved.moved[0].indicator == "tech_lead");
    CHECK(moved.moved[0].preset == "status_quo_2024");
    CHECK(moved.moved[0].year == 2024);
    // Within tolerance: no report.
    CHECK(compare_snapshots(now, nudged, 1e3).moved.empty());

    // A preset that disappears is reported, as is a new one.
    std::string fewer = now;
    auto p = fewer.find("\n\"small_yard_high_fence\"");
    REQUIRE(p != std::string::npos);
    fewer.replace(p + 2, std::string("small_yard_high_fence").size(), "renamed_preset");
    SnapshotComparison renamed = compare_snapshots(now, fewer, 1e-6);
    bool removed = false, added = false;
    for (const auto& m : renamed.moved) {
        removed |= m.preset == "small_yard_high_fence";
        added |= m.preset == "renamed_preset";
    }
    CHECK(removed);
    CHECK(added);

    // The history 2017-2023 (issue 14) is compared too, with its own years.
    std::string rewritten = now;
    auto h = rewritten.find("\"history\":{\"2017-2023\":{\"US\":{\"tech_lead\":[");
    REQUIRE(h != std::string::npos);
    h += std::string("\"history\":{\"2017-2023\":{\"US\":{\"tech_lead\":[").size();
    rewritten = rewritten.substr(0, h) + "1" + rewritten.substr(h);  // 20 -> 120
    SnapshotComparison history = compare_snapshots(now, rewritten, 1e-6);
    REQUIRE(history.moved.size() == 1);
    CHECK(history.moved[0].preset == "2017-2023");
    CHECK(history.moved[0].indicator == "tech_lead");
    CHECK(history.moved[0].year == 2017);
    // A snapshot from before the backcast has no history: reported, not an error.
    std::string before = now.substr(0, now.find(",\n\"history\"")) + "}\n";
    SnapshotComparison older = compare_snapshots(before, now, 1e-6);
    CHECK(older.error.empty());
    REQUIRE(older.moved.size() == 1);
    CHECK(older.moved[0].indicator == "(new history)");

    CHECK(!compare_snapshots("{", now, 1e-6).error.empty());
    CHECK(!compare_snapshots(now, "{\"presets\": {}}", 1e-6).error.empty());
}

TEST_CASE("snapshots carry enough digits for a 1e-6 relative comparison") {
    // Values printed with 6 significant digits could move by up to 5e-6
    // relative through rounding alone, so a 1e-6 comparison would flag noise;
    // the snapshot must hold the results to far finer precision.
    rapidjson::Document doc;
    const std::string now = snapshot_json();
    doc.Parse(now.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    for (const auto& p : presets()) {
        const auto& preset = doc["presets"][p.id.c_str()];
        for (int b = 0; b < kBlocCount; ++b) {
            // Each bloc's series come from the run in which it holds the seat (model v2).
            Results r = run(scenario_from_preset(p, static_cast<Bloc>(b)));
            for (int i = 0; i < kIndicatorCount; ++i) {
                const auto& series = preset[std::string(kBlocIds[b]).c_str()][std::string(kIndicators[i].key).c_str()];
                REQUIRE(static_cast<int>(series.Size()) == r.years);
                for (int y = 0; y < r.years; ++y) {
                    double v = r.ind[i][b][y];
                    INFO(p.id, " ", kBlocIds[b], " ", kIndicators[i].key, " ", kBaseYear + y);
                    REQUIRE(std::fabs(series[y].GetDouble() - v) <= 1e-9 * std::max(1.0, std::fabs(v)));
                }
            }
        }
    }
}
